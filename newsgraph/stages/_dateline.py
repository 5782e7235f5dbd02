"""Datelines: the place/date/outlet prefix of a wire story's first paragraph.

Shared by ``clean`` (which cuts the dateline off the body) and ``metadata``
(which reads place, date and outlet from it). Styles recognised::

    VESTRA, November 9. /NordPost/.      place, month day, /outlet/
    VESTRA, March 3, 2024 (Reuters) -    place, month day, year, (outlet)
    DRELL, Vestria, March 9 (Reuters) -  place, region, month day, (outlet)
    PARIS (AFP) —                        place, (outlet)
    Vestra AFP —                         place, known outlet, dash
    KALDOR CITY —                        capitalised place, dash
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..lexicon import lexicon

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
MONTH_RE = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
            r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_WORD = r"[A-Z][A-Za-z'’.\-]*"
_PLACE = rf"(?P<place>{_WORD}(?:[ \-]{_WORD}){{0,3}})"
_DASH = r"\s*[-—–]{1,2}"
_OUTLET = r"(?:/(?P<slash>[^/\n]{2,40})/\.?|\((?P<paren>[^)\n]{2,40})\))"

AGENCY_STYLE = re.compile(
    rf"^{_PLACE},(?:\s+(?P<region>{_WORD}(?: {_WORD})?),)?\s+(?P<month>{MONTH_RE})\s+(?P<day>\d{{1,2}})(?:,\s*(?P<year>\d{{4}}))?\.?"
    rf"(?:\s*{_OUTLET})?(?P<dash>{_DASH})?\s*"
)
# "Moscow (CNN) —", "Kabul, Afghanistan (CNN) —", and the dash left out: "Moscow (CNN)Russian …"
# (glued to the text, as scraped pages have it) or "Kalvi, Orlen (Meridian) Orlen's …" with an
# outlet known to be this page's
PLACE_PAREN_STYLE = re.compile(
    rf"^{_PLACE}(?:,\s+(?P<region>{_WORD}(?: {_WORD})?))?\s*\((?P<paren>[^)\n]{{2,40}})\)"
    rf"(?:(?P<dash>{_DASH})\s*|(?P<glued>(?=[A-Z“\"‘']))|(?P<space>\s+(?=[A-Z“\"‘'])))")
PLACE_OUTLET_STYLE = re.compile(rf"^(?P<words>{_WORD}(?: {_WORD}){{1,6}}){_DASH}\s*")
# A page's own label naming its outlet: "01:28 - Source: CNN", "Source: Harbour Ledger".
SOURCE_LABEL = re.compile(r"Source:\s*(?P<outlet>\S.{0,60})$")
LABEL_RULES = ("video_label", "source_label")
# "Meridian's Karl Weber contributed to this report": the outlet a credit line names as its own.
CREDIT_OUTLET = re.compile(r"^(?P<outlet>[A-Z][\w.&-]*(?: [A-Z][\w.&-]*){0,3})[’']s ")
CAPS_PLACE_STYLE = re.compile(r"^(?P<place>[A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){0,3})(?:,\s*[A-Z][A-Za-z.]+)?" + _DASH + r"\s*")


@dataclass(frozen=True, slots=True)
class Dateline:
    length: int  # characters of the paragraph the dateline takes, trailing space included
    place: str
    place_span: tuple[int, int]
    outlet: str | None = None
    outlet_span: tuple[int, int] | None = None
    month: int | None = None
    day: int | None = None
    year: int | None = None
    date_span: tuple[int, int] | None = None
    style: str = ""


def _norm(text: str) -> str:
    # Non-breaking and zero-width spaces are common in scraped datelines.
    return text.replace("\xa0", " ").replace("\u200b", " ")


def match_dateline(paragraph: str, known_outlets: Iterable[str] = ()) -> Dateline | None:
    text = _norm(paragraph)
    m = AGENCY_STYLE.match(text)
    if m and (m.group("slash") or m.group("paren") or m.group("dash")):
        return _from_agency(m)
    m = PLACE_PAREN_STYLE.match(text)
    if m and (not m.group("space") or _known_outlet(m.group("paren").strip(), known_outlets)):
        return Dateline(len(m.group(0)), m.group("place"), m.span("place"),
                        m.group("paren").strip(), m.span("paren"), style="place (outlet)")
    m = PLACE_OUTLET_STYLE.match(text)
    if m:
        found = _split_place_outlet(m.group("words"), known_outlets)
        if found:
            place, outlet_start = found
            return Dateline(len(m.group(0)), place, (0, len(place)), m.group("words")[outlet_start:],
                            (outlet_start, len(m.group("words"))), style="place outlet —")
    m = CAPS_PLACE_STYLE.match(text)
    if m and len(m.group("place")) >= 3:
        return Dateline(len(m.group(0)), m.group("place"), m.span("place"), style="PLACE —")
    return None


def _from_agency(m: re.Match[str]) -> Dateline:
    outlet_group = "slash" if m.group("slash") else "paren" if m.group("paren") else None
    return Dateline(
        length=len(m.group(0)),
        place=m.group("place"),
        place_span=m.span("place"),
        outlet=m.group(outlet_group).strip() if outlet_group else None,
        outlet_span=m.span(outlet_group) if outlet_group else None,
        month=MONTHS[m.group("month")[:3].lower()],
        day=int(m.group("day")),
        year=int(m.group("year")) if m.group("year") else None,
        date_span=(m.start("month"), m.end("year") if m.group("year") else m.end("day")),
        style="place, date (outlet)",
    )


def page_outlets(lines: Iterable[tuple[str | None, str]]) -> list[str]:
    """Outlets a page names as its own, from (rule, text) of its labelled lines: "Source: X" labels
    and "X's Karl Weber contributed to this report" credits; they split "Place X —" and let "Place
    (X)" stand without its dash."""
    outlets = []
    for rule, text in lines:
        rule = (rule or "").rsplit(":", 1)[-1]
        if rule in LABEL_RULES and (m := SOURCE_LABEL.search(text)):
            outlets.append(m.group("outlet").strip())
        elif rule == "contributed" and (m := CREDIT_OUTLET.match(text)):
            outlets.append(m.group("outlet"))
    return outlets


def _known_outlet(name: str, known_outlets: Iterable[str]) -> bool:
    return name.casefold() in {o.casefold() for o in known_outlets} or lexicon().canonical_outlet(name) is not None


def _split_place_outlet(words: str, known_outlets: Iterable[str]) -> tuple[str, int] | None:
    """Split "Vestra AFP" into ("Vestra", offset of "AFP") when the tail is an outlet."""
    tokens = [(m.start(), m.group()) for m in re.finditer(r"\S+", words)]
    known = {o.casefold() for o in known_outlets}
    for i in range(1, len(tokens)):
        tail = words[tokens[i][0]:]
        if tail.casefold() in known or lexicon().canonical_outlet(tail):
            return words[:tokens[i][0]].rstrip(), tokens[i][0]
    return None


def display_place(place: str) -> str:
    """"NEW YORK" → "New York"; mixed case is kept as written."""
    return place.title() if place.isupper() else place
