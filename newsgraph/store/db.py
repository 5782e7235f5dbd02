"""The SQLite store: the only module that speaks SQL.

WAL journal (readers never block the writer), foreign keys on, FTS5 over
title and body. Articles are written in batches, each batch one
transaction: a process killed mid-ingest leaves every committed batch whole
and nothing half-written, and a rerun skips what is already stored (the id is
a content hash).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ..errors import QueryError, StoreError
from ..models import Article, Fact
from .schema import MIGRATIONS

LIST_COLUMNS = ("id", "external_id", "source", "url", "outlet", "published", "date_precision",
                "dateline", "title", "authors", "contributors", "lang")
JSON_COLUMNS = ("authors", "contributors", "segments", "offset_map", "provenance")


class Store:
    def __init__(self, path: str | Path, timeout_s: float = 30.0) -> None:
        self.path = str(path)
        try:
            self.db = sqlite3.connect(self.path, timeout=timeout_s, isolation_level=None)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a newsgraph database or damaged ({exc}); "
                             "pass another --db path") from None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    # --- schema ----------------------------------------------------------------

    def migrate(self) -> None:
        self.db.execute("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
        done = {r[0] for r in self.db.execute("SELECT name FROM schema_migrations")}
        unknown = done - {name for name, _ in MIGRATIONS}
        if unknown:
            raise StoreError(f"{self.path}: written by a newer newsgraph (migrations {sorted(unknown)}); upgrade newsgraph")
        for index, (name, sql) in enumerate(MIGRATIONS, start=1):
            if name in done:
                continue
            self.db.execute("BEGIN IMMEDIATE")
            try:
                for statement in _statements(sql):
                    self.db.execute(statement)
                self.db.execute("INSERT INTO schema_migrations VALUES (?, ?)", (name, _now()))
                self.db.execute(f"PRAGMA user_version = {index}")
                self.db.execute("COMMIT")
            except BaseException:
                self.db.execute("ROLLBACK")
                raise

    def migrations(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT name FROM schema_migrations ORDER BY name")]

    # --- writing -----------------------------------------------------------------

    def add_articles(self, articles: Iterable[Article]) -> tuple[int, int]:
        """Store a batch in one transaction; returns (added, already stored)."""
        articles = list(articles)
        self.db.execute("BEGIN IMMEDIATE")
        try:
            fresh = self._not_stored(articles)
            self.db.executemany(
                f"INSERT INTO articles ({', '.join(ARTICLE_COLUMNS)}) "
                f"VALUES ({', '.join('?' * len(ARTICLE_COLUMNS))})", [_article_row(a) for a in fresh])
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        return len(fresh), len(articles) - len(fresh)

    def _not_stored(self, articles: list[Article]) -> list[Article]:
        ids = list({a.id for a in articles})
        stored = {r[0] for r in self.db.execute(
            f"SELECT id FROM articles WHERE id IN ({', '.join('?' * len(ids))})", ids)} if ids else set()
        fresh: dict[str, Article] = {}
        for article in articles:
            if article.id not in stored:
                fresh.setdefault(article.id, article)
        return list(fresh.values())

    # --- reading -------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def count_articles(self) -> int:
        return self.db.execute("SELECT count(*) FROM articles").fetchone()[0]

    def get_article(self, id_or_prefix: str) -> dict[str, Any] | None:
        rows = self.db.execute("SELECT * FROM articles WHERE id LIKE ? || '%' ESCAPE '\\' LIMIT 2",
                               (_escape_like(id_or_prefix),)).fetchall()
        if len(rows) > 1:
            raise QueryError(f"id prefix {id_or_prefix!r} matches several articles; give more characters")
        return _decode(rows[0]) if rows else None

    def list_articles(self, outlet: str | None = None, since: str | None = None, until: str | None = None,
                      limit: int | None = 50, offset: int = 0) -> list[dict[str, Any]]:
        where, params = _filters(outlet, since, until)
        sql = (f"SELECT {', '.join(LIST_COLUMNS)} FROM articles {where} "
               f"ORDER BY published IS NULL, published, source LIMIT ? OFFSET ?")
        rows = self.db.execute(sql, [*params, -1 if limit is None else limit, offset])
        return [_decode(r) for r in rows]

    def iter_articles(self) -> Iterator[dict[str, Any]]:
        for row in self.db.execute("SELECT * FROM articles ORDER BY source, id"):
            yield _decode(row)

    def search(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        if not query.strip():
            raise QueryError("empty search query")
        sql = (f"SELECT {', '.join('a.' + c for c in LIST_COLUMNS)}, "
               "snippet(articles_fts, 1, '[', ']', ' … ', 12) AS snippet "
               "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
               "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?")
        try:
            return [_decode(r) for r in self.db.execute(sql, (query, limit))]
        except sqlite3.OperationalError as exc:
            raise QueryError(f"cannot read the search query {query!r} ({exc}); put phrases in double "
                             'quotes, e.g. "reset relations", and use AND / OR / NOT in capitals') from None


ARTICLE_COLUMNS = ("id", "external_id", "source", "url", "format", "encoding", "raw", "source_text", "text",
                   "outlet", "published", "date_precision", "dateline", "title", "lang", "authors",
                   "contributors", "segments", "offset_map", "provenance", "fetched", "ingested_at")


def _article_row(article: Article) -> tuple[Any, ...]:
    doc, meta, raw = article.doc, article.meta, article.doc.raw
    provenance = {
        name: _fact(getattr(meta, name)) for name in ("outlet", "published", "dateline", "title", "lang")
    } | {name: [_fact(f) for f in getattr(meta, name)] for name in ("authors", "contributors")}
    return (
        article.id, raw.given.external_id, raw.source, raw.given.url or doc.markup.url, raw.format,
        raw.encoding, raw.raw, None if doc.source_text == raw.raw else doc.source_text, doc.text,
        _value(meta.outlet), _value(meta.published), meta.date_precision, _value(meta.dateline),
        _value(meta.title), _value(meta.lang),
        json.dumps([f.value for f in meta.authors], ensure_ascii=False),
        json.dumps([f.value for f in meta.contributors], ensure_ascii=False),
        json.dumps([[s.kind, s.start, s.end, s.rule] for s in doc.segments]),
        json.dumps(doc.offset_map.pieces),
        json.dumps(provenance, ensure_ascii=False),
        raw.given.fetched, _now(),
    )


def _fact(fact: Fact | None) -> dict[str, Any] | None:
    return asdict(fact) if fact else None


def _value(fact: Fact | None) -> str | None:
    return fact.value if fact else None


def _decode(row: sqlite3.Row) -> dict[str, Any]:
    out = dict(row)
    for column in JSON_COLUMNS:
        if column in out and isinstance(out[column], str):
            out[column] = json.loads(out[column])
    return out


def _filters(outlet: str | None, since: str | None, until: str | None) -> tuple[str, list[Any]]:
    clauses, params = [], []
    if outlet:
        clauses.append("outlet = ? COLLATE NOCASE")
        params.append(outlet)
    if since:
        # Dates without a year ("--11-09") cannot be placed in a range and are left out.
        clauses.append("published >= ? AND published NOT LIKE '--%'")
        params.append(since)
    if until:
        clauses.append("published <= ? AND published NOT LIKE '--%'")
        params.append(until + "\uffff")  # "2016-11" includes every day of November
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", params


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _statements(sql: str) -> list[str]:
    """Split a migration into statements, keeping trigger bodies whole."""
    statements, current = [], []
    for line in sql.strip().splitlines():
        current.append(line)
        joined = "\n".join(current).strip()
        if joined.endswith(";") and sqlite3.complete_statement(joined):
            statements.append(joined)
            current = []
    if "\n".join(current).strip():
        statements.append("\n".join(current))
    return statements


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
