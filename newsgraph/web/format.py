"""Small display helpers shared by the pages and their templates."""

from __future__ import annotations

from datetime import date
from typing import Any

from markupsafe import Markup, escape


def short_id(value: str | None) -> str:
    return (value or "")[:10]


def date_label(value: str | None) -> str:
    """ISO dates at their precision; '--03-04' (no year stated) reads '4 Mar, year unknown'."""
    if not value:
        return "undated"
    if value.startswith("--"):
        parsed = parse_partial(f"2000{value[1:]}")
        return f"{parsed.day} {parsed.strftime('%b')}, year unknown" if parsed else value
    return value


def parse_partial(value: str | None) -> date | None:
    """The first day a partial ISO date can stand for; None for undated or yearless dates."""
    if not value or value.startswith("--"):
        return None
    parts = value[:10].split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else 1
        day = int(parts[2]) if len(parts) > 2 else 1
        return date(year, month, day)
    except (ValueError, IndexError):
        return None


def speaker_name(quote: dict[str, Any]) -> str:
    """Who said it; a writer's hedge ("the bill is expected to pass", rule hedge) has no source at all."""
    name = quote.get("entity_name") or quote.get("speaker")
    if name:
        return name
    return "(no source: hedge)" if (quote.get("rule") or "").endswith(":hedge") else "(unknown speaker)"


def source_name(source: str | None) -> str:
    """The file name of a source path ("corpus/04_talks.txt" → "04_talks.txt"), kept with its "#N"."""
    return (source or "").replace("\\", "/").rsplit("/", 1)[-1]


def mark_terms(text: str, terms: list[str]) -> Markup:
    """``text`` escaped, each occurrence of a matched term wrapped in <mark> (terms escaped too)."""
    wanted = sorted({t for t in terms if t.strip()}, key=len, reverse=True)
    out, i = Markup(""), 0
    lowered = text.lower()
    while i < len(text):
        hit = next((t for t in wanted if lowered.startswith(t.lower(), i)), None)
        if hit is None:
            j = min((p for p in (lowered.find(t.lower(), i) for t in wanted) if p >= 0), default=len(text))
            out += escape(text[i:j])
            i = j
        else:
            out += Markup("<mark>{}</mark>").format(text[i:i + len(hit)])
            i += len(hit)
    return out
