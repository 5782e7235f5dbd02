"""Metadata: outlet, published date (honest precision), dateline place, title,
authors and contributors, language — each a ``Fact`` with its evidence.

Order of trust: values given by the container (JSONL fields, feed items),
then HTML markup, then rules over the text. A year comes only from evidence
(stated with the date, a copyright line, given metadata), never from the
clock; what nothing supports stays ``None``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re

from ..lexicon import lexicon
from ..models import Article, CleanDocument, Fact, Metadata, Segment
from ._dateline import (CREDIT_OUTLET, LABEL_RULES, MONTH_RE, MONTHS, SOURCE_LABEL, Dateline, display_place,
                        match_dateline, page_outlets)

NAME = "newsgraph.metadata.rules.v1"
ISO_DATE = re.compile(r"^(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?(?:[T ].*)?$")
FOUR_DIGIT_YEAR = re.compile(r"\b(?:1[89]|20)\d{2}\b")
MONTH_DAY = re.compile(r"^--(?P<m>\d{2})-(?P<d>\d{2})$")
COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright)\s*(?:(?P<year>(?:19|20)\d{2})(?:\s*[-–]\s*(?:19|20)\d{2})?\s*,?\s*"
                       r"(?P<holder>[A-Z][\w.&' -]{1,60}?)?|(?P<holder2>[A-Z][\w.&' -]{1,60}?)\s*,?\s*"
                       r"(?P<year2>(?:19|20)\d{2}))\s*(?:\.|,|all rights reserved|$)", re.I)
PUBLISHED_LABEL = re.compile(r"^(?:published|updated|posted|last updated)\s*(?:on)?\s*:?\s*", re.I)
ENGLISH_WORDS = frozenset("the of and to in a is that for on with as was said by it at from he she his".split())


def article_id(raw: str) -> str:
    """The content hash: re-ingesting the same article is a no-op."""
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def extract_metadata(doc: CleanDocument) -> Article:
    dateline_seg = next(iter(doc.of_kind("dateline")), None)
    dateline = _parse_dateline(doc, dateline_seg)
    published = _published(doc, dateline, dateline_seg)
    meta = Metadata(
        outlet=_outlet(doc, dateline, dateline_seg),
        published=published,
        date_precision=precision_of(published.value) if published else None,
        dateline=_place(dateline, dateline_seg),
        title=_title(doc),
        authors=_authors(doc),
        contributors=_contributors(doc),
        lang=_language(doc.text),
    )
    return Article(id=article_id(doc.raw.raw), doc=doc, meta=meta)


def _parse_dateline(doc: CleanDocument, seg: Segment | None) -> Dateline | None:
    if seg is None:
        return None
    paragraph = doc.source_text[seg.start:]
    return match_dateline(paragraph[:paragraph.find("\n") if "\n" in paragraph else None],
                          page_outlets((seg.rule, doc.segment_text(seg)) for seg in doc.segments))


# --- outlet ----------------------------------------------------------------------

def _outlet(doc: CleanDocument, dateline: Dateline | None, seg: Segment | None) -> Fact | None:
    candidates: list[Fact] = []
    if doc.raw.given.outlet:
        candidates.append(Fact(doc.raw.given.outlet, "given", 1.0))
    if dateline and dateline.outlet and seg:
        s, e = dateline.outlet_span  # type: ignore[misc]
        candidates.append(Fact(_canonical(dateline.outlet), f"{NAME}:dateline", 0.95, seg.start + s, seg.start + e))
    if doc.markup.outlet:
        candidates.append(Fact(_canonical(doc.markup.outlet), "trafilatura:sitename", 0.9))
    for s in doc.segments:
        candidates += _outlets_in_segment(doc, s)
    return max(candidates, key=lambda f: f.confidence, default=None)


def _outlets_in_segment(doc: CleanDocument, seg: Segment) -> list[Fact]:
    text = doc.segment_text(seg)
    found = []
    if seg.rule.endswith(LABEL_RULES) and (m := SOURCE_LABEL.search(text)):
        found.append(_fact_at(seg, m, "outlet", _canonical(m.group("outlet").strip()), "source_label", 0.85))
    if seg.rule.endswith("copyright") and (m := COPYRIGHT.search(text)) and (m["holder"] or m["holder2"]):
        group = "holder" if m["holder"] else "holder2"
        found.append(_fact_at(seg, m, group, _canonical(m[group].strip()), "copyright", 0.8))
    if seg.rule.endswith("site_header"):
        name = text.split("|")[0].strip()
        found.append(Fact(_canonical(name), f"{NAME}:site_header", 0.97, seg.start, seg.start + len(name)))
    if seg.rule.endswith("contributed") and (m := CREDIT_OUTLET.match(text)):
        found.append(_fact_at(seg, m, "outlet", _canonical(m.group("outlet")), "contributor_credit", 0.75))
    return found


def _fact_at(seg: Segment, m: re.Match[str], group: str, value: str, rule: str, confidence: float) -> Fact:
    return Fact(value, f"{NAME}:{rule}", confidence, seg.start + m.start(group), seg.start + m.end(group))


def _canonical(name: str) -> str:
    return lexicon().canonical_outlet(name) or name.strip()


# --- dates -------------------------------------------------------------------------

def precision_of(value: str) -> str:
    if value.startswith("--"):
        return "month-day"
    return {4: "year", 7: "month"}.get(len(value), "day")


def normalise_given_date(value: str) -> str | None:
    """A given date → ISO 8601 at the precision it states, or None."""
    value = value.strip()
    if m := MONTH_DAY.match(value):
        return value if _valid(None, int(m["m"]), int(m["d"])) else None
    if m := ISO_DATE.match(value):
        y, mo, d = int(m["y"]), m["m"] and int(m["m"]), m["d"] and int(m["d"])
        if d and _valid(y, mo, d):
            return f"{y:04d}-{mo:02d}-{d:02d}"
        if mo and 1 <= mo <= 12 and not m["d"]:
            return f"{y:04d}-{mo:02d}"
        return f"{y:04d}" if not m["m"] else None
    return _parse_free_date(value)


def _parse_free_date(value: str) -> str | None:
    import dateparser

    if not FOUR_DIGIT_YEAR.search(value):
        return None  # dateparser would read "November 10" as November 2010
    # REQUIRE_PARTS stops dateparser from filling a missing year from the clock.
    for parts, fmt in ((["day", "month", "year"], "%Y-%m-%d"), (["month", "year"], "%Y-%m")):
        parsed = dateparser.parse(value, languages=["en"], settings={"REQUIRE_PARTS": parts})
        if parsed:
            return parsed.strftime(fmt)
    return None


def _valid(year: int | None, month: int, day: int) -> bool:
    try:
        dt.date(year or 2000, month, day)  # 2000 is a leap year: 29 February stays possible
    except ValueError:
        return False
    return True


def _published(doc: CleanDocument, dateline: Dateline | None, seg: Segment | None) -> Fact | None:
    given = doc.raw.given.published and normalise_given_date(doc.raw.given.published)
    if given:
        return Fact(given, "given", 1.0)
    markup = doc.markup.published and normalise_given_date(doc.markup.published)
    if markup:
        return Fact(markup, "htmldate", 0.85)
    stated = _published_line(doc) or _dateline_date(dateline, seg)
    if stated is None or stated.value.startswith("--"):
        stated = _with_copyright_year(doc, stated)
    if stated is not None and stated.value.startswith("--"):
        return _with_weekday_year(doc, stated)
    return stated


def _published_line(doc: CleanDocument) -> Fact | None:
    for seg in doc.segments:
        if seg.rule.endswith("published_line"):
            text = doc.segment_text(seg)
            label = PUBLISHED_LABEL.match(text)
            rest = text[label.end() if label else 0:]
            value = _parse_free_date(rest) or _parse_free_date(_calendar_date_in(rest))
            if value:
                return Fact(value, f"{NAME}:published_line", 0.9, seg.start, seg.end)
    return None


def _calendar_date_in(line: str) -> str:
    """"0915 GMT (1715 HKT) June 3, 2025": the calendar date a published line gives after its clock
    times, which dateparser cannot read past (empty when there is none)."""
    found = re.search(rf"\b(?:{MONTH_RE}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{MONTH_RE}\s+\d{{4}})\b", line)
    return found.group(0) if found else ""


def _dateline_date(dateline: Dateline | None, seg: Segment | None) -> Fact | None:
    if not (dateline and dateline.month and dateline.day and seg and dateline.date_span):
        return None
    if not _valid(dateline.year, dateline.month, dateline.day):
        return None
    value = (f"{dateline.year:04d}-{dateline.month:02d}-{dateline.day:02d}" if dateline.year
             else f"--{dateline.month:02d}-{dateline.day:02d}")
    s, e = dateline.date_span
    return Fact(value, f"{NAME}:dateline_date", 0.9, seg.start + s, seg.start + e)


def _with_copyright_year(doc: CleanDocument, stated: Fact | None) -> Fact | None:
    """Complete "--11-09" with the copyright line's year; with no date at all, the year alone."""
    years = {m["year"] or m["year2"] for s in doc.segments if s.rule.endswith("copyright")
             for m in COPYRIGHT.finditer(doc.segment_text(s))}
    if len(years) != 1:
        return stated  # no year, or conflicting years: keep what the text says
    year = int(years.pop())
    if stated is None:
        return Fact(f"{year:04d}", f"{NAME}:copyright_year", 0.5)
    month, day = int(stated.value[2:4]), int(stated.value[5:7])
    if not _valid(year, month, day):
        return stated
    return Fact(f"{year:04d}-{month:02d}-{day:02d}", f"{stated.rule}+copyright_year", 0.6, stated.start, stated.end)


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
YEAR_MENTION = re.compile(r"\b(?:19[5-9]\d|20\d{2})\b")


def _with_weekday_year(doc: CleanDocument, stated: Fact) -> Fact:
    """Pin the year when the text gives the weekday of the dateline's date
    ("Thursday, March 3") and exactly one year within the span of years the
    article mentions has that weekday on that date."""
    month, day = int(stated.value[2:4]), int(stated.value[5:7])
    pattern = re.compile(rf"\b(?P<weekday>{'|'.join(WEEKDAYS)}),?\s+(?P<month>{MONTH_RE})\s+(?P<day>\d{{1,2}})\b", re.I)
    weekdays = {WEEKDAYS.index(m["weekday"].lower()) for m in pattern.finditer(doc.source_text)
                if MONTHS[m["month"][:3].lower()] == month and int(m["day"]) == day}
    years = [int(y) for y in YEAR_MENTION.findall(doc.source_text)]
    if len(weekdays) != 1 or not years:
        return stated
    weekday = weekdays.pop()
    fits = [y for y in range(min(years), max(years) + 2)
            if _valid(y, month, day) and dt.date(y, month, day).weekday() == weekday]
    if len(fits) != 1:
        return stated
    return Fact(f"{fits[0]:04d}-{month:02d}-{day:02d}", f"{stated.rule}+weekday_in_year_range", 0.6,
                stated.start, stated.end)


# --- place, title, people, language ------------------------------------------------

def _place(dateline: Dateline | None, seg: Segment | None) -> Fact | None:
    if not (dateline and seg):
        return None
    s, e = dateline.place_span
    return Fact(display_place(dateline.place), f"{NAME}:dateline_place", 0.9, seg.start + s, seg.start + e)


def _title(doc: CleanDocument) -> Fact | None:
    if doc.raw.given.title:
        return Fact(doc.raw.given.title, "given", 1.0)
    if doc.markup.title:
        return Fact(doc.markup.title, "trafilatura:title", 0.9)
    seg = next(iter(doc.of_kind("title")), None)
    if seg is None:
        return None
    return Fact(" ".join(doc.segment_text(seg).split()), f"{NAME}:headline", 0.7, seg.start, seg.end)


def _authors(doc: CleanDocument) -> tuple[Fact, ...]:
    if doc.raw.given.authors:
        return tuple(Fact(a, "given", 1.0) for a in doc.raw.given.authors)
    if doc.markup.authors:
        return tuple(Fact(a, "trafilatura:author", 0.85) for a in doc.markup.authors)
    facts: list[Fact] = []
    for seg in doc.segments:
        text = doc.segment_text(seg)
        if seg.rule.endswith(":byline"):
            facts += _names_in(seg, text, text[3:], "byline", 0.9)
        elif seg.rule.endswith("reporting_by"):
            for m in re.finditer(r"(?:Reporting|Writing) by (?P<names>[^;()]+)", text, re.I):
                facts += _names_in(seg, text, m.group("names"), "reporting_by", 0.85, m.start("names"))
    return _first_of_each(facts)


def _first_of_each(facts: list[Fact]) -> tuple[Fact, ...]:
    seen: dict[str, Fact] = {}
    for fact in facts:
        seen.setdefault(fact.value, fact)
    return tuple(seen.values())


def _contributors(doc: CleanDocument) -> tuple[Fact, ...]:
    facts: list[Fact] = []
    for seg in doc.segments:
        if seg.rule.endswith("contributed"):
            text = doc.segment_text(seg)
            lead = CREDIT_OUTLET.match(text)
            names = re.split(r"\s+contributed", text)[0][lead.end() if lead else 0:]
            facts += _names_in(seg, text, names, "contributed", 0.85, lead.end() if lead else 0)
    return _first_of_each(facts)


def _names_in(seg: Segment, text: str, names: str, rule: str, confidence: float, offset: int | None = None) -> list[Fact]:
    """Split "A, B and C" (or "A, Outlet") into people, with offsets."""
    names = names.strip().rstrip(".")
    if names.rfind(",") > names.rfind(" and "):
        names = names[:names.rfind(",")]  # "A, Meridian" and "A and B, Meridian": the tail is no person
    cursor = text.find(names, offset or 0)
    facts = []
    for name in re.split(r",\s*|\s+and\s+", names):
        name = re.sub(r"\s+in\s+[A-Z].*$", "", name.strip())  # "Sven Adler in Vestra": where, not who
        if name and name[0].isupper():
            start = seg.start + text.find(name, cursor)
            cursor = start - seg.start + len(name)
            facts.append(Fact(name, f"{NAME}:{rule}", confidence, start, start + len(name)))
    return facts


def _language(text: str) -> Fact | None:
    words = re.findall(r"[a-z]+", text.lower())
    if len(words) < 20:
        return None
    share = sum(w in ENGLISH_WORDS for w in words) / len(words)
    return Fact("en", f"{NAME}:function_words", round(min(1.0, share * 4), 2)) if share > 0.12 else None
