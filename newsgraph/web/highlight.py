"""An article's text as HTML, with its statements and speakers marked.

Article text is untrusted. The HTML is built slice by slice: every slice of
the source is passed through ``markupsafe.escape`` and only our own tags are
added around it, with their attribute values escaped too. Nothing from the
article is ever marked safe as it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from ..store import source_of
from .format import speaker_name

# Segments that are not the article's own words: hidden, or struck out on request.
REMOVED_KINDS = frozenset({"boilerplate", "credit"})


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    css: str  # "quote" | "speaker" | "cue" | "cited"
    quote: int | None = None  # the statement's number on the page


@dataclass(frozen=True, slots=True)
class Paragraph:
    kind: str
    rule: str
    removed: bool
    html: Markup


def spans_of(quotes: list[dict[str, Any]], cited: tuple[int, int] | None = None) -> list[Span]:
    spans: list[Span] = []
    for number, q in enumerate(quotes, start=1):
        for start, end in (q.get("parts") or [[q["start"], q["end"]]]):
            spans.append(Span(start, end, "quote", number))
        if q.get("speaker_start") is not None and q.get("speaker_end") is not None:
            spans.append(Span(q["speaker_start"], q["speaker_end"], "speaker", number))
        if q.get("cue_start") is not None and q.get("cue_end") is not None:
            spans.append(Span(q["cue_start"], q["cue_end"], "cue", number))
    if cited:
        spans.append(Span(cited[0], cited[1], "cited"))
    return spans


def evidence_title(q: dict[str, Any]) -> str:
    """The one-line evidence shown on hover (escaped as an attribute when rendered)."""
    parts = [f"{speaker_name(q)} — {q['kind']} statement"]
    if q.get("cue"):
        parts.append(f"cue “{q['cue']}”")
    if q.get("venue"):
        parts.append(f"venue: {q['venue']}")
    parts.append(f"rule {q['rule']}, confidence {q['confidence']}")
    return "; ".join(parts)


def _render_slice(text: str, active: list[Span], titles: dict[int, str]) -> Markup:
    html = escape(text)
    for span in sorted(active, key=lambda s: ("cited", "quote", "speaker", "cue").index(s.css)):
        if span.css == "cited":
            html = Markup('<mark class="cited">{}</mark>').format(html)
        elif span.css == "quote":
            html = Markup('<mark class="quote" data-q="{}" title="{}">{}</mark>').format(
                span.quote, titles.get(span.quote or 0, ""), html)
        else:
            html = Markup('<span class="{}" data-q="{}">{}</span>').format(span.css, span.quote, html)
    return html


def render_range(source: str, start: int, end: int, spans: list[Span], titles: dict[int, str]) -> Markup:
    """``source[start:end]`` cut at every span boundary, each slice escaped, marks around it."""
    inside = [s for s in spans if s.start < end and s.end > start]
    cuts = sorted({start, end, *(max(start, s.start) for s in inside), *(min(end, s.end) for s in inside)})
    # a numbered marker after each statement's last piece links to its evidence below the text
    last_piece_end: dict[int, int] = {}
    for s in spans:
        if s.css == "quote" and s.quote is not None:
            last_piece_end[s.quote] = max(last_piece_end.get(s.quote, s.end), s.end)
    out = Markup("")
    for left, right in zip(cuts, cuts[1:]):
        active = [s for s in inside if s.start <= left and s.end >= right]
        out += _render_slice(source[left:right], active, titles)
        for number in sorted(n for n, e in last_piece_end.items() if e == right):
            out += Markup('<a class="qref" href="#q{0}" title="evidence for statement {0}">{0}</a>').format(number)
    return out


def paragraphs(article: dict[str, Any], quotes: list[dict[str, Any]], show_removed: bool,
               cited: tuple[int, int] | None = None) -> list[Paragraph]:
    source = source_of(article)
    spans = spans_of(quotes, cited)
    titles = {n: evidence_title(q) for n, q in enumerate(quotes, start=1)}
    out = []
    for kind, start, end, rule in article["segments"]:
        removed = kind in REMOVED_KINDS
        if removed and not show_removed:
            continue
        html = escape(source[start:end]) if removed else render_range(source, start, end, spans, titles)
        out.append(Paragraph(kind, rule, removed, html))
    return out
