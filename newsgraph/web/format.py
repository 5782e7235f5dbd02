"""Small display helpers shared by the pages and their templates."""

from __future__ import annotations

from datetime import date
from typing import Any


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
    return quote.get("entity_name") or quote.get("speaker") or "(unknown speaker)"
