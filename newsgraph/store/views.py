"""Read-only queries for the web UI and the REST API.

Each function takes a ``Store`` and reads through ``store.db``; nothing here
writes. Lists come with exact counts so that the API can say
``{"items": [...], "total": N}``, and their ORDER BY clauses follow an index
(newest first: NULL dates sort last in descending order without an
``IS NULL`` term that would defeat the index).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .db import LIST_COLUMNS, Store, _decode, _escape_like, _filters

QUOTE_KINDS = ("direct", "mixed", "indirect")
LINK_RELATIONS = ("same_statement", "paraphrase", "same_position", "shift")
ARTICLE_LIST = ", ".join("a." + c for c in LIST_COLUMNS)


@dataclass(slots=True)
class QuoteFilter:
    """What a quote list or a search is narrowed to; every field optional."""

    speaker: str | None = None  # a name, surname or any alias
    outlet: str | None = None
    kind: str | None = None
    since: str | None = None  # YYYY[-MM[-DD]]
    until: str | None = None
    story: str | None = None
    article: str | None = None
    speaker_entity: str | None = None

    def has_quote_terms(self) -> bool:
        return bool(self.speaker or self.kind or self.speaker_entity)


@dataclass(slots=True)
class Where:
    clauses: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def sql(self) -> str:
        return ("WHERE " + " AND ".join(self.clauses)) if self.clauses else ""


def page(store: Store, sql: str, params: list[Any], limit: int, offset: int) -> list[dict[str, Any]]:
    return [_decode(r) for r in store.db.execute(f"{sql} LIMIT ? OFFSET ?", [*params, limit, offset])]


def scalar(store: Store, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> Any:
    row = store.db.execute(sql, params).fetchone()
    return row[0] if row else None


# --- articles --------------------------------------------------------------------------

def _article_where(where: Where, outlet: str | None, since: str | None, until: str | None) -> None:
    clause, params = _filters(outlet, since, until, prefix="a.")  # the store's own outlet and date rules
    if clause:
        where.add(clause.removeprefix("WHERE "), *params)


def articles(store: Store, outlet: str | None = None, since: str | None = None, until: str | None = None,
             limit: int = 50, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    """Articles, newest first, with their statement counts."""
    where = Where()
    _article_where(where, outlet, since, until)
    sql = (f"SELECT {ARTICLE_LIST}, (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quotes "
           f"FROM articles a {where.sql()} ORDER BY a.published DESC, a.rowid DESC")
    total = scalar(store, f"SELECT count(*) FROM articles a {where.sql()}", where.params)
    return page(store, sql, where.params, limit, offset), total


def article(store: Store, article_id: str) -> dict[str, Any] | None:
    """The article with exactly this id (Store.get_article matches prefixes with LIKE: a scan)."""
    row = store.db.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
    return _decode(row) if row else None


def outlets(store: Store, limit: int = 200) -> list[tuple[str, int]]:
    """Outlets with their article counts, the largest first."""
    rows = store.db.execute("SELECT outlet, count(*) FROM articles WHERE outlet IS NOT NULL "
                            "GROUP BY outlet ORDER BY count(*) DESC, outlet LIMIT ?", (limit,))
    return [(r[0], r[1]) for r in rows]


def coverage_by_month(store: Store) -> list[tuple[str, int]]:
    """Articles per month (dated to a month or better), oldest first."""
    rows = store.db.execute("SELECT substr(published, 1, 7) AS month, count(*) FROM articles "
                            "WHERE published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*' GROUP BY month ORDER BY month")
    return [(r[0], r[1]) for r in rows]


def undated_articles(store: Store) -> int:
    return scalar(store, "SELECT count(*) FROM articles "
                         "WHERE published IS NULL OR published NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*'")


# --- quotes ----------------------------------------------------------------------------

QUOTE_SELECT = ("SELECT q.*, e.name AS entity_name, a.outlet, a.published, a.source, a.title "
                "FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN entities e ON e.id = q.speaker_entity")


def entity_ids_named(store: Store, name: str) -> list[str]:
    """Entities whose canonical name or any alias contains ``name`` (case-insensitive)."""
    pattern = f"%{_escape_like(name)}%"
    rows = store.db.execute("SELECT id FROM entities WHERE name LIKE ? ESCAPE '\\' OR aliases LIKE ? ESCAPE '\\'",
                            (pattern, pattern))
    return [r[0] for r in rows]


def _quote_clauses(store: Store, f: QuoteFilter, where: Where) -> None:
    """The filters on the quotes table itself (no join needed)."""
    if f.kind:
        where.add("q.kind = ?", f.kind)
    if f.article:
        where.add("q.article_id = ?", f.article)
    if f.speaker_entity:
        where.add("q.speaker_entity = ?", f.speaker_entity)
    if f.story:
        where.add("q.article_id IN (SELECT article_id FROM story_articles WHERE story_id = ?)", f.story)
    if f.speaker:
        # Merged speakers are found through the (small) entities table and the quotes index;
        # only statements with no entity fall back to matching the speaker text.
        ids = entity_ids_named(store, f.speaker)
        marks = ", ".join("?" * len(ids))
        by_entity = f"q.speaker_entity IN ({marks}) OR " if ids else ""
        where.add(f"({by_entity}(q.speaker_entity IS NULL AND q.speaker LIKE ? ESCAPE '\\'))",
                  *ids, f"%{_escape_like(f.speaker)}%")


def _quote_where(store: Store, f: QuoteFilter) -> Where:
    where = Where()
    _article_where(where, f.outlet, f.since, f.until)
    _quote_clauses(store, f, where)
    return where


def count_quotes_matching(store: Store, f: QuoteFilter) -> int:
    if f.outlet or f.since or f.until:
        where = _quote_where(store, f)
        return scalar(store, f"SELECT count(*) FROM quotes q JOIN articles a ON a.id = q.article_id {where.sql()}",
                      where.params)
    where = Where()
    _quote_clauses(store, f, where)
    return scalar(store, f"SELECT count(*) FROM quotes q {where.sql()}", where.params)


def quote_ids(store: Store, f: QuoteFilter) -> set[str]:
    """Ids of every statement the filter lets through (to narrow a semantic ranking)."""
    where = _quote_where(store, f)
    join = "JOIN articles a ON a.id = q.article_id" if (f.outlet or f.since or f.until) else ""
    return {r[0] for r in store.db.execute(f"SELECT q.id FROM quotes q {join} {where.sql()}", where.params)}


NARROW_LIST = 20_000  # up to this many matches, sorting them beats walking the date index


def quotes(store: Store, f: QuoteFilter, limit: int = 50, offset: int = 0,
           oldest_first: bool = False) -> tuple[list[dict[str, Any]], int]:
    """Statements with their article's outlet and date; newest first, or oldest first for a narrow
    list (one story, one speaker; dates without a year go last). A list of more than ``NARROW_LIST``
    statements is always newest first: that order follows the index."""
    where = _quote_where(store, f)
    total = count_quotes_matching(store, f)
    narrow = bool(f.speaker or f.speaker_entity or f.story or f.article) and total <= NARROW_LIST
    if oldest_first and narrow:
        order = "(a.published IS NULL OR a.published LIKE '--%'), a.published, a.rowid, q.start"
    else:
        order = "a.published DESC, a.rowid DESC, q.start"
    # A broad list walks the articles' date index newest first and stops after one page (CROSS JOIN
    # keeps articles as the outer loop); a narrow one starts from its few statements and sorts them.
    source = ("FROM quotes q JOIN articles a ON a.id = q.article_id" if narrow
              else "FROM articles a CROSS JOIN quotes q ON q.article_id = a.id")
    sql = (f"SELECT q.*, e.name AS entity_name, a.outlet, a.published, a.source, a.title {source} "
           f"LEFT JOIN entities e ON e.id = q.speaker_entity {where.sql()} ORDER BY {order}")
    return page(store, sql, where.params, limit, offset), total


def quotes_by_id(store: Store, ids: list[str]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        sql = f"{QUOTE_SELECT} WHERE q.id IN ({', '.join('?' * len(chunk))})"
        out.update((r["id"], _decode(r)) for r in store.db.execute(sql, chunk))
    return out


def quotes_of_article(store: Store, article_id: str) -> list[dict[str, Any]]:
    return [_decode(r) for r in store.db.execute(f"{QUOTE_SELECT} WHERE q.article_id = ? ORDER BY q.start",
                                                 (article_id,))]


# --- speakers --------------------------------------------------------------------------

def speakers(store: Store, name: str | None = None, kind: str | None = None, limit: int = 50, offset: int = 0,
             ranking: list[tuple[str, int]] | None = None) -> tuple[list[dict[str, Any]], int]:
    """Entities with their statement counts, the most quoted first; ``ranking`` is
    ``entity_quote_counts`` computed earlier (it reads the whole quotes index)."""
    ranking = entity_quote_counts(store) if ranking is None else ranking
    allowed = entities_matching(store, name, kind)
    ranked = [(i, n) for i, n in ranking if allowed is None or i in allowed]
    chosen = ranked[offset:offset + limit]
    return entities_by_id(store, [i for i, _ in chosen], dict(chosen)), len(ranked)


def entity_quote_counts(store: Store) -> list[tuple[str, int]]:
    """(entity id, statements) for every entity, the most quoted first: one pass over the quotes index."""
    counts = dict(store.db.execute("SELECT speaker_entity, count(*) FROM quotes WHERE speaker_entity IS NOT NULL "
                                   "GROUP BY speaker_entity").fetchall())
    rows = store.db.execute("SELECT id, name FROM entities").fetchall()
    return [(r[0], counts.get(r[0], 0)) for r in sorted(rows, key=lambda r: (-counts.get(r[0], 0), r[1], r[0]))]


def entities_matching(store: Store, name: str | None, kind: str | None) -> set[str] | None:
    """Ids of the entities whose name or an alias contains ``name`` and of that kind; None: no filter."""
    if not name and not kind:
        return None
    where = Where()
    if name:
        pattern = f"%{_escape_like(name)}%"
        where.add("(name LIKE ? ESCAPE '\\' OR aliases LIKE ? ESCAPE '\\')", pattern, pattern)
    if kind:
        where.add("kind = ?", kind)
    return {r[0] for r in store.db.execute(f"SELECT id FROM entities {where.sql()}", where.params)}


def entities_by_id(store: Store, ids: list[str], counts: dict[str, int]) -> list[dict[str, Any]]:
    rows: dict[str, dict[str, Any]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for r in store.db.execute(f"SELECT * FROM entities WHERE id IN ({', '.join('?' * len(chunk))})", chunk):
            rows[r["id"]] = _decode(r) | {"quotes": counts.get(r["id"], 0)}
    return [rows[i] for i in ids if i in rows]


def speaker(store: Store, entity_id: str) -> dict[str, Any] | None:
    row = store.db.execute("SELECT e.*, (SELECT count(*) FROM quotes q WHERE q.speaker_entity = e.id) AS quotes "
                           "FROM entities e WHERE e.id = ?", (entity_id,)).fetchone()
    return _decode(row) if row else None


# --- stories, links, positions ---------------------------------------------------------

def stories(store: Store, limit: int = 50, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    return store.stories(limit=limit, offset=offset), store.count_stories()


def largest_stories(store: Store, limit: int = 10) -> list[dict[str, Any]]:
    return [_decode(r) for r in store.db.execute("SELECT * FROM stories ORDER BY size DESC, last_date DESC, id "
                                                 "LIMIT ?", (limit,))]


def count_quotes(store: Store) -> int:
    return scalar(store, "SELECT count(*) FROM quotes")


def count_entities(store: Store) -> int:
    return scalar(store, "SELECT count(*) FROM entities")


def links(store: Store, relation: str | None = None, quote: str | None = None, limit: int = 50,
          offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    where = Where()
    if relation:
        where.add("relation = ?", relation)
    if quote:
        where.add("(a = ? OR b = ?)", quote, quote)
    total = scalar(store, f"SELECT count(*) FROM links {where.sql()}", where.params)
    return page(store, f"SELECT * FROM links {where.sql()} ORDER BY a, b, relation", where.params, limit, offset), total


def links_among(store: Store, quote_ids: list[str]) -> list[dict[str, Any]]:
    """Links whose two ends are both among ``quote_ids`` (a story's statements)."""
    wanted = set(quote_ids)
    out: list[dict[str, Any]] = []
    for start in range(0, len(quote_ids), 500):
        chunk = quote_ids[start:start + 500]
        rows = store.db.execute(f"SELECT * FROM links WHERE a IN ({', '.join('?' * len(chunk))})", chunk)
        out.extend(_decode(r) for r in rows if r["b"] in wanted)
    return out


def positions(store: Store, speaker_entity: str | None = None, limit: int = 50,
              offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    where = "WHERE speaker_entity = ?" if speaker_entity else ""
    params = [speaker_entity] if speaker_entity else []
    total = scalar(store, f"SELECT count(*) FROM positions {where}", params)
    return store.positions(speaker_entity=speaker_entity, limit=limit, offset=offset), total


def shifts_of_speaker(store: Store, entity_id: str) -> list[dict[str, Any]]:
    """'shift' links from or to a statement of this speaker, oldest statement first."""
    # shifts are few: start from them (CROSS JOIN), not from a speaker's many statements
    sql = ("SELECT l.* FROM links l CROSS JOIN quotes qa ON qa.id = l.a CROSS JOIN quotes qb ON qb.id = l.b "
           "WHERE l.relation = 'shift' AND (qa.speaker_entity = ? OR qb.speaker_entity = ?) ORDER BY l.a, l.b")
    return [_decode(r) for r in store.db.execute(sql, (entity_id, entity_id))]


# --- search ----------------------------------------------------------------------------

def search_articles(store: Store, query: str, f: QuoteFilter, limit: int = 20,
                    offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    """Full-text search (FTS5) over titles and text, ranked; narrowed by outlet and dates,
    and by speaker and kind to articles holding such a statement. Raises
    ``sqlite3.OperationalError`` on a query FTS5 cannot read."""
    where = Where()
    where.add("articles_fts MATCH ?", query)
    _article_where(where, f.outlet, f.since, f.until)
    if f.has_quote_terms():
        quote_where = _quote_where(store, QuoteFilter(speaker=f.speaker, kind=f.kind, speaker_entity=f.speaker_entity))
        quote_where.add("q.article_id = a.id")
        where.add(f"EXISTS (SELECT 1 FROM quotes q {quote_where.sql()})", *quote_where.params)
    # CROSS JOIN: the FTS index leads; led by an outlet index, FTS5 would be asked once per article
    base = "FROM articles_fts CROSS JOIN articles a ON a.rowid = articles_fts.rowid"
    total = scalar(store, f"SELECT count(*) {base} {where.sql()}", where.params)
    sql = (f"SELECT {ARTICLE_LIST}, snippet(articles_fts, 1, '\x02', '\x03', ' … ', 14) AS snippet "
           f"{base} {where.sql()} ORDER BY rank")
    return page(store, sql, where.params, limit, offset), total


def vectors_with_ids(store: Store, item_kind: str, stage: str) -> tuple[list[str], list[bytes]]:
    rows = store.db.execute("SELECT item_id, vector FROM vectors WHERE item_kind = ? AND stage = ?",
                            (item_kind, stage)).fetchall()
    return [r[0] for r in rows], [r[1] for r in rows]


def quote_texts(store: Store, limit: int) -> list[tuple[str, str]]:
    return [(r[0], r[1]) for r in store.db.execute("SELECT id, text FROM quotes ORDER BY rowid LIMIT ?", (limit,))]
