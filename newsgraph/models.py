"""The typed data model passed between stages.

Data flows one way: ``RawDocument`` (ingest) → ``CleanDocument`` (clean) →
``Article`` (metadata) → store. Every value is a frozen, slotted dataclass so
that stages cannot mutate what an earlier stage produced, and everything
serialises to plain JSON (no spaCy objects, no lxml trees).

Offsets are character offsets into ``source_text``: the decoded file for
plain text, the record's ``text`` for JSONL, the extracted text for HTML.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Literal

Format = Literal["text", "html"]
SegmentKind = Literal[
    "title", "standfirst", "highlight", "dateline", "body", "subhead",
    "byline", "credit", "boilerplate",
]
# The kinds that hold the article's own words (quotes are looked for there).
CONTENT_KINDS: frozenset[str] = frozenset({"title", "standfirst", "highlight", "body"})


@dataclass(frozen=True, slots=True)
class GivenMeta:
    """Metadata supplied by the container (JSONL fields, WARC headers, feed items).

    Given values win over extracted ones.
    """

    external_id: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    title: str | None = None
    authors: tuple[str, ...] = ()
    fetched: str | None = None


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One article as read from its source, before any interpretation."""

    source: str  # the path as given; "path#N" for the N-th record of a container
    raw: str  # decoded content, unchanged (plain text or HTML)
    format: Format
    given: GivenMeta = field(default_factory=GivenMeta)
    encoding: str = "utf-8"


@dataclass(frozen=True, slots=True)
class Rejected:
    """An expected failure, kept as a value: which input, where, and why."""

    source: str
    reason: str
    stage: str = "ingest"
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {self.reason}"


@dataclass(frozen=True, slots=True)
class Notice:
    """Something the user should know about an input that was still read."""

    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


@dataclass(frozen=True, slots=True)
class Segment:
    """A typed stretch of ``source_text`` (a headline, a caption, a body paragraph)."""

    kind: SegmentKind
    start: int
    end: int
    rule: str


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Maps offsets in the clean body ``text`` back to ``source_text``.

    ``pieces`` holds ``(text_start, source_start, length)`` triples, sorted.
    """

    pieces: tuple[tuple[int, int, int], ...] = ()

    def to_source(self, offset: int) -> int:
        if not self.pieces:
            return offset
        starts = [p[0] for p in self.pieces]
        i = max(0, bisect.bisect_right(starts, offset) - 1)
        text_start, source_start, length = self.pieces[i]
        return source_start + min(offset - text_start, length)


@dataclass(frozen=True, slots=True)
class CleanDocument:
    """Output of the clean stage: the text split into typed segments."""

    raw: RawDocument
    source_text: str
    segments: tuple[Segment, ...]
    text: str  # the body paragraphs joined by blank lines
    offset_map: OffsetMap
    markup: GivenMeta = field(default_factory=GivenMeta)  # metadata read from HTML markup

    def segment_text(self, segment: Segment) -> str:
        return self.source_text[segment.start:segment.end]

    def of_kind(self, *kinds: str) -> list[Segment]:
        return [s for s in self.segments if s.kind in kinds]


@dataclass(frozen=True, slots=True)
class Fact:
    """One extracted value with its provenance.

    ``start``/``end`` point into ``source_text``; ``None`` when the value was
    given by the container or came from HTML markup rather than the text.
    """

    value: str
    rule: str
    confidence: float
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class Metadata:
    outlet: Fact | None = None
    published: Fact | None = None  # ISO 8601 at its honest precision: 2016-11-10, 2016-11, --11-09
    date_precision: str | None = None  # day | month | year | month-day
    dateline: Fact | None = None
    title: Fact | None = None
    authors: tuple[Fact, ...] = ()
    contributors: tuple[Fact, ...] = ()
    lang: Fact | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article with its metadata: what the store keeps."""

    id: str  # content hash of ``raw``
    doc: CleanDocument
    meta: Metadata

    @property
    def source(self) -> str:
        return self.doc.raw.source

    @property
    def text(self) -> str:
        return self.doc.text


QuoteKind = Literal["direct", "mixed", "indirect"]


@dataclass(frozen=True, slots=True)
class Quote:
    """One statement: what was said, by whom, where and when, with its evidence.

    Offsets point into the article's ``source_text``. ``start``/``end`` cover the
    content; ``parts`` lists its pieces when an attribution interrupts it.
    ``speaker_start``/``speaker_end`` mark the mention that is the grammatical
    source ("he", "the minister", "Varga"); ``speaker`` is what it resolved to
    (a name, an unnamed description, or ``None`` when the evidence is weak).
    """

    start: int
    end: int
    text: str
    kind: QuoteKind
    rule: str
    confidence: float
    parts: tuple[tuple[int, int], ...] = ()
    speaker: str | None = None
    speaker_kind: str | None = None  # person | organisation | unnamed
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    venue: str | None = None
    said_when: str | None = None  # the words ("on Thursday")
    said_on: str | None = None  # resolved against the article date, ISO 8601


@dataclass(frozen=True, slots=True)
class PersonMention:
    """A person named in an article, with the roles the article gives them."""

    name: str  # the fullest form of the name in this article
    start: int
    end: int
    roles: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Attribution:
    """Output of the quote stage for one article."""

    article_id: str
    quotes: tuple[Quote, ...]
    people: tuple[PersonMention, ...]


# --- across the corpus -------------------------------------------------------------

LinkRelation = Literal["duplicate", "same_statement", "paraphrase", "same_position", "shift"]


@dataclass(frozen=True, slots=True)
class Cited:
    """A sentence taken from an article, with where it comes from."""

    text: str
    article_id: str
    start: int
    end: int
    rule: str


@dataclass(frozen=True, slots=True)
class StoryMember:
    article_id: str
    score: float  # similarity to the story when the article joined (1.0 for the one that opened it)
    rule: str


@dataclass(frozen=True, slots=True)
class Story:
    """Articles about one news event or thread, labelled by what they share."""

    id: str
    label: str
    members: tuple[StoryMember, ...]
    keywords: tuple[str, ...] = ()
    key_entities: tuple[str, ...] = ()
    first_date: str | None = None
    last_date: str | None = None
    summary: tuple[Cited, ...] = ()
    state: str = "{}"  # JSON the stage needs to let later articles join (centroids, counts)
    rule: str = ""
    confidence: float = 0.0


@dataclass(frozen=True, slots=True)
class Link:
    """A relation between two quotes: ``a`` is the first source or the earlier statement."""

    a: str
    b: str
    relation: LinkRelation
    score: float
    rule: str
    evidence: str = "{}"  # JSON: what the decision rests on


@dataclass(frozen=True, slots=True)
class Position:
    """A speaker's recurring line: statements that say the same thing over time."""

    id: str
    speaker: str
    speaker_entity: str | None
    label: str
    quotes: tuple[str, ...]
    first_seen: str | None
    last_seen: str | None
    rule: str
    confidence: float
