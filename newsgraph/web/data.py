"""What the API returns and the pages show, built from store rows.

Both the JSON API and the HTML pages call these, so a page never shows what
the API would not give.
"""

from __future__ import annotations

import os
import re
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..errors import QueryError
from ..export import quote_record
from ..store import Store, views
from .format import parse_partial
from .semantic import SemanticIndex

GROUPING_RELATIONS = ("same_statement", "paraphrase")
MAX_STORY_QUOTES = 5000
UNKNOWN_OUTLET = "(outlet unknown)"
SNIPPET_OPEN, SNIPPET_CLOSE = "\x02", "\x03"


# --- aggregates that read a whole table, cached until the store's files change ----------

_CACHE: dict[tuple[str, str], tuple[tuple[int, ...], Any]] = {}
_CACHE_LOCK = threading.Lock()


def _files_version(path: str) -> tuple[int, ...]:
    """Changes whenever a commit reaches the database or its write-ahead log."""
    out: list[int] = []
    for name in (path, path + "-wal"):
        try:
            st = os.stat(name)
            out += [st.st_mtime_ns, st.st_size]
        except OSError:
            out += [0, 0]
    return tuple(out)


def cached(store: Store, name: str, compute: Callable[[], Any]) -> Any:
    key, version = (store.path, name), _files_version(store.path)
    with _CACHE_LOCK:
        hit = _CACHE.get(key)
    if hit and hit[0] == version:
        return hit[1]
    value = compute()
    with _CACHE_LOCK:
        _CACHE[key] = (version, value)
    return value


def speaker_ranking(store: Store) -> list[tuple[str, int]]:
    return cached(store, "entity_quote_counts", lambda: views.entity_quote_counts(store))


def speakers(store: Store, name: str | None = None, kind: str | None = None, limit: int = 50,
             offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    return views.speakers(store, name=name, kind=kind, limit=limit, offset=offset, ranking=speaker_ranking(store))


def corpus_overview(store: Store) -> dict[str, Any]:
    """What the home page shows about the whole store."""
    return cached(store, "overview", lambda: {
        "counts": {"articles": store.count_articles(), "statements": views.count_quotes(store),
                   "speakers": views.count_entities(store), "stories": store.count_stories()},
        "coverage": views.coverage_by_month(store), "undated": views.undated_articles(store),
        "outlets": views.outlets(store, limit=200)})


def find_article(store: Store, article_id: str) -> dict[str, Any] | None:
    """The article with this id, else the one article whose id starts with it."""
    return views.article(store, article_id) or store.get_article(article_id)


def article_summary(row: dict[str, Any]) -> dict[str, Any]:
    keys = ("id", "external_id", "source", "url", "outlet", "published", "date_precision", "dateline", "title",
            "authors", "lang", "quotes", "score", "rule")
    return {k: row[k] for k in keys if k in row}


def quote_item(row: dict[str, Any]) -> dict[str, Any]:
    return quote_record(row) | {"article_id": row["article_id"], "outlet": row["outlet"],
                                "published": row["published"], "title": row.get("title")}


def position_item(row: dict[str, Any]) -> dict[str, Any]:
    return {k: row[k] for k in ("id", "speaker", "speaker_entity", "label", "first_seen", "last_seen", "size",
                                "quotes", "rule", "confidence")}


def story_item(row: dict[str, Any]) -> dict[str, Any]:
    item = {k: row[k] for k in ("id", "label", "keywords", "key_entities", "first_date", "last_date", "size",
                                "summary", "rule", "confidence")}
    articles = row.get("articles", [])
    item["articles"] = [a if isinstance(a, str) else a["id"] for a in articles]
    return item


# --- a story's statements, outlet by outlet --------------------------------------------

@dataclass(slots=True)
class StatementGroup:
    """One statement as carried by one or more outlets; ``first`` is its first source."""

    quotes: list[dict[str, Any]]
    first: dict[str, Any]
    by_outlet: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    relations: set[str] = field(default_factory=set)


@dataclass(slots=True)
class OutletCoverage:
    outlet: str
    articles: int
    statements: int
    shared: int  # statements it carried that another outlet carried too
    first: int  # statements it carried first
    left_out: int  # statements other outlets carried and it did not


@dataclass(slots=True)
class StoryView:
    outlets: list[str]
    groups: list[StatementGroup]
    quotes_shown: int
    quotes_total: int

    @property
    def shared(self) -> list[StatementGroup]:
        """Statements carried by two outlets or more: the rows of the side-by-side grid."""
        return [g for g in self.groups if len(g.by_outlet) > 1]

    def alone(self, outlet: str) -> list[StatementGroup]:
        return [g for g in self.groups if list(g.by_outlet) == [outlet]]

    def coverage(self, articles: list[dict[str, Any]]) -> list[OutletCoverage]:
        shared = self.shared
        out = []
        for outlet in self.outlets:
            mine = [g for g in self.groups if outlet in g.by_outlet]
            out.append(OutletCoverage(
                outlet, sum(1 for a in articles if outlet_of(a) == outlet), len(mine),
                sum(1 for g in shared if outlet in g.by_outlet), sum(1 for g in mine if outlet_of(g.first) == outlet),
                sum(1 for g in shared if outlet not in g.by_outlet)))
        return out


def outlet_of(row: dict[str, Any]) -> str:
    return row.get("outlet") or UNKNOWN_OUTLET


def story_view(store: Store, story: dict[str, Any]) -> StoryView:
    quotes, total = views.quotes(store, views.QuoteFilter(story=story["id"]), limit=MAX_STORY_QUOTES)
    quotes.sort(key=time_order)
    outlets: list[str] = []
    for article in story["articles"]:  # in date order
        if outlet_of(article) not in outlets:
            outlets.append(outlet_of(article))
    links = [l for l in views.links_among(store, [q["id"] for q in quotes]) if l["relation"] in GROUPING_RELATIONS]
    return StoryView(outlets, group_statements(quotes, links), len(quotes), total)


def time_order(q: dict[str, Any]) -> tuple[Any, ...]:
    """Dated statements first, oldest first; then those whose date lacks a year; then undated."""
    when = q.get("said_on") or q.get("published") or ""
    rank = 0 if parse_partial(when) else (1 if when else 2)
    return (rank, when, q.get("source") or "", q["start"])


def _normalised(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def group_statements(quotes: list[dict[str, Any]], links: list[dict[str, Any]]) -> list[StatementGroup]:
    """Quotes joined by same-statement/paraphrase links, or with the same words, become one group."""
    parent = {q["id"]: q["id"] for q in quotes}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def join(a: str, b: str) -> None:
        parent[root(b)] = root(a)

    first_with_words: dict[str, str] = {}
    for q in quotes:
        key = _normalised(q["text"])
        if key in first_with_words:
            join(first_with_words[key], q["id"])
        else:
            first_with_words[key] = q["id"]
    relations: dict[str, set[str]] = {}
    for link in links:
        if link["a"] in parent and link["b"] in parent:
            join(link["a"], link["b"])
            relations.setdefault(link["b"], set()).add(link["relation"])
    grouped: dict[str, list[dict[str, Any]]] = {}
    for q in quotes:  # oldest first, so each group's first member is its first source
        grouped.setdefault(root(q["id"]), []).append(q)
    groups = []
    for members in grouped.values():
        group = StatementGroup(quotes=members, first=members[0])
        for q in members:
            group.by_outlet.setdefault(outlet_of(q), []).append(q)
            group.relations |= relations.get(q["id"], set())
        groups.append(group)
    return groups


def statement_group_item(group: StatementGroup) -> dict[str, Any]:
    return {"first_source": quote_item(group.first), "outlets": sorted(group.by_outlet),
            "quotes": [q["id"] for q in group.quotes], "relations": sorted(group.relations)}


# --- search ----------------------------------------------------------------------------

@dataclass(slots=True)
class SearchResult:
    items: list[dict[str, Any]]
    total: int


def snippet_pieces(snippet: str) -> list[tuple[str, bool]]:
    """FTS5's snippet with its match markers, as (text, is_match) pieces."""
    pieces: list[tuple[str, bool]] = []
    for i, chunk in enumerate(re.split(f"[{SNIPPET_OPEN}{SNIPPET_CLOSE}]", snippet)):
        if chunk:
            pieces.append((chunk, i % 2 == 1))
    return pieces


def query_words(query: str) -> list[str]:
    return [w for w in re.findall(r"\w+", query.lower()) if w not in ("and", "or", "not", "near")]


def run_search(store: Store, index: SemanticIndex, query: str, mode: str, f: views.QuoteFilter, limit: int,
               offset: int) -> SearchResult:
    if not query.strip():
        raise QueryError("empty search query")
    if mode == "semantic":
        return _semantic(store, index, query, f, limit, offset)
    return _full_text(store, query, f, limit, offset)


def _full_text(store: Store, query: str, f: views.QuoteFilter, limit: int, offset: int) -> SearchResult:
    try:
        rows, total = views.search_articles(store, query, f, limit=limit, offset=offset)
    except sqlite3.OperationalError as exc:
        raise QueryError(f"cannot read the search query {query!r} ({exc}); put phrases in double quotes, "
                         'e.g. "reset relations", and use AND / OR / NOT in capitals') from None
    words = query_words(query)
    items = []
    for row in rows:
        pieces = snippet_pieces(row.pop("snippet") or "")
        statements = [quote_item(q) for q in views.quotes(store, views.QuoteFilter(
            article=row["id"], speaker=f.speaker, kind=f.kind), limit=200, oldest_first=True)[0]
            if not words or any(w in q["text"].lower() for w in words)]
        items.append({"type": "article"} | article_summary(row) | {
            "snippet": "".join(text for text, _ in pieces),
            "snippet_matches": [text for text, matched in pieces if matched],
            "statements": statements[:5]})
    return SearchResult(items, total)


def _semantic(store: Store, index: SemanticIndex, query: str, f: views.QuoteFilter, limit: int,
              offset: int) -> SearchResult:
    allowed = None
    if any((f.speaker, f.outlet, f.kind, f.since, f.until)):
        allowed = views.quote_ids(store, f)
    chosen, total = index.rank(store, query, allowed, offset, limit)
    rows = views.quotes_by_id(store, [qid for qid, _ in chosen])
    items = [{"type": "statement"} | quote_item(rows[qid]) | {"score": round(score, 4)}
             for qid, score in chosen if qid in rows]
    return SearchResult(items, total)
