"""Clean: raw text or HTML → typed segments and the clean body.

HTML goes through trafilatura first; its text, like scraped plain text, is
then cut into paragraphs, and each paragraph is typed by rules: page junk
(image file names, video labels, photo captions and credits, navigation,
share/subscribe/newsletter and copyright lines) becomes ``boilerplate``;
headline, standfirst and story highlights become typed fields; the dateline is
cut off the first body paragraph. Segments keep offsets into ``source_text``,
and the clean body carries an ``OffsetMap`` back to them, so every later
offset points into the source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon import lexicon
from ..models import CleanDocument, GivenMeta, OffsetMap, RawDocument, Segment
from ._dateline import match_dateline, page_outlets

NAME = "newsgraph.clean.rules.v1"
HEADER_WINDOW = 14  # a dateline is looked for among the first paragraphs only
SENTENCE_END = tuple(".!?:;,…\"'”’»)")
# A subheading may be a question ("Fresh start?") but ends in no other mark.
SUBHEAD_END = tuple(c for c in SENTENCE_END if c != "?")


@dataclass(slots=True)
class Para:
    start: int
    end: int
    raw: str  # the paragraph as in the source
    text: str  # whitespace-normalised copy for matching
    kind: str | None = None
    rule: str = ""


# --- rules for single lines ---------------------------------------------------

_NAME_WORD = r"[A-Z][\w.’'\-]+"
_CREDIT_TAIL = rf"{_NAME_WORD}(?: {_NAME_WORD}){{0,3}}/[A-Z][\w&.\-]+(?: (?:via|for) [A-Z][\w ]+)?"
LINE_RULES: list[tuple[str, str, re.Pattern[str]]] = [
    ("boilerplate", "image_filename", re.compile(r"^(?:\S+ ){0,15}\S+\.(?:jpe?g|png|gif|webp|svg|tiff?|bmp)$", re.I)),
    ("boilerplate", "video_label", re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?\s*[-–—|]\s*Source:\s*\S.{0,60}$")),
    ("boilerplate", "source_label", re.compile(r"^Source:\s*\S.{0,60}$")),
    ("boilerplate", "photo_credit", re.compile(rf"^(?:©|\(c\))\s*{_CREDIT_TAIL}$")),
    ("boilerplate", "photo_credit", re.compile(r"^(?:Photos?|Image|Picture|Credit|Photograph)(?: by)?\s*:\s*.{2,80}$", re.I)),
    ("boilerplate", "photo_credit", re.compile(rf"^{_CREDIT_TAIL}$")),
    ("boilerplate", "copyright", re.compile(r"^(?:©|\(c\)|copyright\b).{0,200}$|all rights reserved", re.I)),
    ("boilerplate", "share_line", re.compile(
        r"^(?:share(?: this| on)?(?: article| story| page)?|tweet|email|print|follow us\b.*|like us on\b.*"
        r"|subscribe\b.*|sign up\b.*|newsletter\b.*|(?:get|read) (?:our|the) newsletter\b.*"
        r"|click here\b.*|read more\s*:.*|related(?: articles| stories| coverage)?\s*:.*|more from\b.*"
        r"|download (?:our|the) app\b.*|join (?:us|the conversation)\b.*|comments? \(\d+\))$", re.I)),
    ("boilerplate", "site_header", re.compile(r"^[A-Z][\w.&'-]*(?: [A-Z][\w.&'-]*){0,3} \| [A-Z][\w&'-]*(?: [\w&'-]+){0,2}$")),
    ("boilerplate", "newsletter_pitch", re.compile(r"\b(?:in|to|into) your inbox\b|^sign up (?:for|to)\b", re.I)),
    ("boilerplate", "syndication_note", re.compile(
        r"\b(?:is|was) (?:carried|republished|reproduced|reprinted) (?:by|with permission|under)\b"
        r"|content[- ]sharing agreement|(?:originally|first) (?:published|appeared) (?:by|in|on)\b"
        r"|republished with permission|has not been edited by\b", re.I)),
    ("boilerplate", "published_line", re.compile(r"^(?:published|updated|posted|last updated)\b[: ].{0,80}$", re.I)),
    ("byline", "byline", re.compile(rf"^By {_NAME_WORD}(?: {_NAME_WORD}){{0,3}}(?:(?:,| and) {_NAME_WORD}(?: {_NAME_WORD}){{0,3}})*(?:, [\w ]{{2,40}})?$")),
    ("credit", "reporting_by", re.compile(r"^\(?(?:Additional )?(?:Reporting|Writing|Editing) by .{3,200}$", re.I)),
    ("credit", "contributed", re.compile(r"contributed(?: reporting)? to this (?:report|story|article)\.?\)?$", re.I)),
]
CAPTION_WITH_CREDIT = re.compile(rf"^.{{3,200}}\s{_CREDIT_TAIL}$")


def classify_line(text: str) -> tuple[str, str] | None:
    """Type one paragraph on its own; ``None`` when it may be article text."""
    folded = text.casefold()
    words = len(text.split())
    if folded in lexicon().navigation:
        return "boilerplate", "navigation"
    if folded.rstrip(":") in lexicon().highlight_labels:
        return "boilerplate", "highlights_label"
    for kind, rule, pattern in LINE_RULES:
        if words <= 40 and pattern.search(text):
            return kind, rule
    if words <= 30 and not text.endswith(SENTENCE_END) and CAPTION_WITH_CREDIT.match(text):
        return "boilerplate", "caption_with_credit"
    return None


def is_headline(text: str) -> bool:
    return len(text.split()) <= 30 and not text.endswith(".")


def _same_title(line: str, title: str | None) -> bool:
    return title is not None and _title_key(line) == _title_key(title) != ""


def _title_key(text: str) -> str:
    """Case, spacing and the closing stop or marks do not tell a title from its repetition."""
    return " ".join(text.split()).rstrip(" .!?:;\"'”’»").casefold()


def is_subhead(text: str) -> bool:
    return (len(text.split()) <= 10 and not text.endswith(SUBHEAD_END)
            and not text.startswith(("\"", "“", "‘", "'")))


# --- the stage ------------------------------------------------------------------

def clean(raw: RawDocument) -> CleanDocument:
    source_text, markup = (html_to_text(raw.raw) if raw.format == "html" else (raw.raw, GivenMeta()))
    paras = split_paragraphs(source_text)
    for para in paras:
        found = classify_line(para.text)
        if found:
            para.kind, para.rule = found
    _mark_captions_before_credits(paras)
    title = raw.given.title or markup.title
    segments = _type_article_parts(paras, page_outlets((p.rule, p.text) for p in paras), title)
    return assemble(raw, source_text, segments, markup)


def split_paragraphs(text: str) -> list[Para]:
    paras = []
    for m in re.finditer(r"[^\n]+", text):
        line = m.group()
        stripped = line.strip(" \t\r\xa0\u200b\ufeff")
        if not stripped:
            continue
        start = m.start() + line.index(stripped)
        paras.append(Para(start, start + len(stripped), stripped,
                          " ".join(stripped.replace("\xa0", " ").split())))
    return paras


def _mark_captions_before_credits(paras: list[Para]) -> None:
    # A short unpunctuated line right above a photo credit is that photo's caption.
    for before, para in zip(paras, paras[1:]):
        if (para.rule == "photo_credit" and before.kind is None
                and len(before.text.split()) <= 20 and not before.text.endswith(SENTENCE_END)):
            before.kind, before.rule = "boilerplate", "caption_before_credit"


def _type_article_parts(paras: list[Para], outlets: list[str], title: str | None = None) -> list[Segment]:
    content = [p for p in paras if p.kind is None or p.rule == "highlights_label"]
    dateline_at = _find_dateline(content[:HEADER_WINDOW], outlets)
    segments = [Segment(p.kind, p.start, p.end, f"{NAME}:{p.rule}") for p in paras  # type: ignore[arg-type]
                if p.kind is not None and p.rule != "highlights_label"]
    segments += [Segment("boilerplate", p.start, p.end, f"{NAME}:highlights_label")
                 for p in paras if p.rule == "highlights_label"]
    if dateline_at is not None:
        index, dateline = dateline_at
        segments += _header_parts(content[:index], until_dateline=True, title=title)
        para = content[index]
        cut = para.start + dateline.length
        end = para.start + len(para.raw[:dateline.length].rstrip(" \t\xa0\u200b"))
        segments.append(Segment("dateline", para.start, end, f"{NAME}:dateline"))
        if cut < para.end:
            segments.append(Segment("body", cut, para.end, f"{NAME}:body"))
        body = content[index + 1:]
    else:
        header = _header_parts(content[:1], until_dateline=False, title=title) if len(content) > 2 else []
        segments += header
        rest = content[len(header):]
        highlights, body = _leading_highlights(rest)
        segments += highlights
    segments += _body_parts(body)
    return sorted(segments, key=lambda s: s.start)


def _find_dateline(paras: list[Para], outlets: list[str]):
    for i, para in enumerate(paras):
        if para.rule == "highlights_label":
            continue
        dateline = match_dateline(para.raw, outlets)
        if dateline is not None:
            return i, dateline
    return None


def _header_parts(paras: list[Para], until_dateline: bool, title: str | None = None) -> list[Segment]:
    """Headline, standfirst and highlights above the dateline. A line that repeats the title the
    source gave (a JSONL field, the page's metadata) is the headline even with a full stop."""
    parts: list[Segment] = []
    in_highlights = False
    for para in paras:
        if para.rule == "highlights_label":
            in_highlights = True
            continue
        if in_highlights:
            parts.append(Segment("highlight", para.start, para.end, f"{NAME}:highlight"))
        elif not any(s.kind == "title" for s in parts) and (is_headline(para.text) or _same_title(para.text, title)):
            parts.append(Segment("title", para.start, para.end, f"{NAME}:headline"))
        elif until_dateline:
            parts.append(Segment("standfirst", para.start, para.end, f"{NAME}:standfirst"))
    return parts


def _leading_highlights(paras: list[Para]) -> tuple[list[Segment], list[Para]]:
    # Without a dateline, highlights run from their label while lines stay short and unpunctuated.
    if not paras or paras[0].rule != "highlights_label":
        return [], paras
    parts, i = [], 1
    while (i < len(paras) and paras[i].kind is None
           and len(paras[i].text.split()) <= 30 and not paras[i].text.endswith(".")):
        parts.append(Segment("highlight", paras[i].start, paras[i].end, f"{NAME}:highlight"))
        i += 1
    return parts, paras[i:]


def _body_parts(paras: list[Para]) -> list[Segment]:
    parts = []
    for i, para in enumerate(paras):
        if para.rule == "highlights_label":
            continue
        last = i == len(paras) - 1
        kind, rule = ("subhead", "subhead") if not last and is_subhead(para.text) else ("body", "body")
        parts.append(Segment(kind, para.start, para.end, f"{NAME}:{rule}"))  # type: ignore[arg-type]
    return parts


def assemble(raw: RawDocument, source_text: str, segments: list[Segment], markup: GivenMeta) -> CleanDocument:
    pieces, chunks, position = [], [], 0
    for seg in segments:
        if seg.kind != "body":
            continue
        if chunks:
            chunks.append("\n\n")
            position += 2
        chunk = source_text[seg.start:seg.end]
        pieces.append((position, seg.start, len(chunk)))
        chunks.append(chunk)
        position += len(chunk)
    return CleanDocument(raw=raw, source_text=source_text, segments=tuple(segments),
                         text="".join(chunks), offset_map=OffsetMap(tuple(pieces)), markup=markup)


# --- HTML ----------------------------------------------------------------------

def html_to_text(html: str) -> tuple[str, GivenMeta]:
    """Main text and page metadata of an HTML page (trafilatura, htmldate inside)."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                      include_tables=False, favor_recall=True)
    if doc is None or not (doc.text or "").strip():
        return _fallback_text(html), GivenMeta()
    authors = tuple(a.strip() for a in re.split(r";|,| and ", doc.author or "") if a.strip())
    markup = GivenMeta(url=doc.url, outlet=doc.sitename, published=doc.date, title=doc.title, authors=authors)
    return doc.text, markup


def _fallback_text(html: str) -> str:
    # trafilatura gives up on short fragments (feed items): keep their plain text.
    from lxml import html as lxml_html

    try:
        root = lxml_html.fromstring(html)
    except Exception:  # lxml raises several types on junk input
        return re.sub(r"<[^>]+>", " ", html)
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for block in root.iter("p", "div", "li", "h1", "h2", "h3", "h4", "blockquote"):
        block.tail = "\n" + (block.tail or "")
    return root.text_content()
