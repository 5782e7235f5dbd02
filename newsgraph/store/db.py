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
from contextlib import contextmanager
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ..errors import QueryError, StoreError
from ..models import Article, Attribution, Fact, Link, Position, Quote, Story
from .schema import MIGRATIONS

LIST_COLUMNS = ("id", "external_id", "source", "url", "outlet", "published", "date_precision",
                "dateline", "title", "authors", "contributors", "lang")
JSON_COLUMNS = ("authors", "contributors", "segments", "offset_map", "provenance", "parts", "aliases", "roles",
                "keywords", "key_entities", "summary", "state", "evidence")
QUOTE_COLUMNS = ("id", "article_id", "start", "end", "text", "parts", "kind", "speaker", "speaker_kind",
                 "speaker_start", "speaker_end", "cue", "cue_start", "cue_end", "venue", "said_when", "said_on",
                 "confidence", "rule")
QUOTED_QUOTE_COLUMNS = ", ".join(f'"{c}"' for c in QUOTE_COLUMNS)  # "end" is an SQL keyword


class Store:
    def __init__(self, path: str | Path, timeout_s: float = 30.0, read_only: bool = False) -> None:
        """Open (and migrate) a store; ``read_only`` opens an existing file with SQLite's
        ``mode=ro``, so no request can change it, and refuses one that needs migrating."""
        self.path = str(path)
        try:
            if read_only:
                uri = Path(self.path).resolve().as_uri() + "?mode=ro"
                self.db = sqlite3.connect(uri, uri=True, timeout=timeout_s, isolation_level=None)
            else:
                self.db = sqlite3.connect(self.path, timeout=timeout_s, isolation_level=None)
            self.db.row_factory = sqlite3.Row
            if not read_only:
                self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.execute("PRAGMA synchronous=NORMAL")
            if not read_only:
                self.migrate()
            elif len(self.migrations()) < len(MIGRATIONS):
                raise StoreError(f"{self.path}: made by an older newsgraph; open it once for writing "
                                 "(newsgraph analyze, or serve --writable) to bring its schema up to date")
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
            with self._transaction():
                for statement in _statements(sql):
                    self.db.execute(statement)
                self.db.execute("INSERT INTO schema_migrations VALUES (?, ?)", (name, _now()))
                self.db.execute(f"PRAGMA user_version = {index}")

    def migrations(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT name FROM schema_migrations ORDER BY name")]

    # --- writing -----------------------------------------------------------------

    def add_articles(self, articles: Iterable[Article]) -> tuple[int, int]:
        """Store a batch in one transaction; returns (added, already stored)."""
        articles = list(articles)
        with self._transaction():
            fresh = self._not_stored(articles)
            self.db.executemany(
                f"INSERT INTO articles ({', '.join(ARTICLE_COLUMNS)}) "
                f"VALUES ({', '.join('?' * len(ARTICLE_COLUMNS))})", [_article_row(a) for a in fresh])
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

    def ids_to_analyze(self, stage: str) -> list[str]:
        """Ids of the articles the NLP stages have not seen at version ``stage``."""
        rows = self.db.execute("SELECT a.id FROM articles a LEFT JOIN analyses n ON n.article_id = a.id "
                               "AND n.stage = ? WHERE n.article_id IS NULL ORDER BY a.rowid", (stage,))
        return [r[0] for r in rows]

    def articles_by_id(self, ids: list[str]) -> list[dict[str, Any]]:
        if not ids:
            return []
        rows = self.db.execute("SELECT id, raw, source_text, segments, published FROM articles "
                               f"WHERE id IN ({', '.join('?' * len(ids))})", ids).fetchall()
        order = {article_id: i for i, article_id in enumerate(ids)}
        return sorted((_decode(r) for r in rows), key=lambda r: order[r["id"]])

    def save_attributions(self, stage: str, attributions: Iterable[Attribution]) -> int:
        """Replace the quotes and people of each article, in one transaction."""
        count = 0
        with self._transaction():
            for att in attributions:
                self.db.execute("DELETE FROM quotes WHERE article_id = ?", (att.article_id,))
                self.db.execute("DELETE FROM people WHERE article_id = ?", (att.article_id,))
                self.db.executemany(
                    f"INSERT OR REPLACE INTO quotes ({QUOTED_QUOTE_COLUMNS}) VALUES ({', '.join('?' * len(QUOTE_COLUMNS))})",
                    [_quote_row(att.article_id, q) for q in att.quotes])
                self.db.executemany("INSERT OR REPLACE INTO people VALUES (?, ?, ?, ?, ?)",
                                    [(att.article_id, p.name, p.start, p.end, json.dumps(sorted(p.roles)))
                                     for p in att.people])
                self.db.execute("INSERT OR REPLACE INTO analyses VALUES (?, ?, ?)", (att.article_id, stage, _now()))
                count += len(att.quotes)
        return count

    def replace_entities(self, entities: Iterable[dict[str, Any]], links: dict[str, str]) -> None:
        """Swap in a new set of entities and the quote → entity links, atomically."""
        with self._transaction():
            self.db.execute("UPDATE quotes SET speaker_entity = NULL")
            self.db.execute("DELETE FROM entities")
            self.db.executemany(
                "INSERT INTO entities VALUES (:id, :name, :kind, :aliases, :roles, :rule, :confidence)",
                [e | {"aliases": json.dumps(e["aliases"], ensure_ascii=False),
                      "roles": json.dumps(e["roles"], ensure_ascii=False)} for e in entities])
            self.db.executemany("UPDATE quotes SET speaker_entity = ? WHERE id = ?",
                                [(entity, quote) for quote, entity in links.items()])

    def dedup_items(self, stage: str) -> list[tuple[str, str, str | None, bytes | None]]:
        """(id, clean text, published, stored MinHash or None) of every article."""
        sql = ("SELECT a.id, a.text, a.published, s.minhash FROM articles a "
               "LEFT JOIN signatures s ON s.article_id = a.id AND s.stage = ? ORDER BY a.rowid")
        return [tuple(r) for r in self.db.execute(sql, (stage,))]

    def save_signatures(self, stage: str, signatures: list[tuple[str, bytes]]) -> None:
        with self._transaction():
            self.db.executemany("INSERT OR REPLACE INTO signatures VALUES (?, ?, ?)",
                                [(article_id, stage, blob) for article_id, blob in signatures])

    def replace_duplicates(self, rows: list[tuple[str, str, float, str]]) -> None:
        """(article, original, similarity, rule) rows replace the previous grouping atomically."""
        with self._transaction():
            self.db.execute("DELETE FROM duplicates")
            self.db.executemany("INSERT INTO duplicates VALUES (?, ?, ?, ?)", rows)

    def duplicate_groups(self) -> list[list[dict[str, Any]]]:
        groups: dict[str, list[dict[str, Any]]] = {}
        for r in self.db.execute("SELECT * FROM duplicates ORDER BY original_id, article_id != original_id, article_id"):
            groups.setdefault(r["original_id"], []).append(dict(r))
        return list(groups.values())

    # --- corpus stages: vectors, stories, links, positions -----------------------------

    def vectors(self, item_kind: str, stage: str, ids: list[str] | None = None) -> dict[str, bytes]:
        """Stored embeddings (float32 bytes) of articles or quotes, by id."""
        sql = "SELECT item_id, vector FROM vectors WHERE item_kind = ? AND stage = ?"
        if ids is None:
            return dict(self.db.execute(sql, (item_kind, stage)).fetchall())
        out: dict[str, bytes] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            out.update(self.db.execute(f"{sql} AND item_id IN ({', '.join('?' * len(chunk))})",
                                       [item_kind, stage, *chunk]).fetchall())
        return out

    def save_vectors(self, item_kind: str, stage: str, rows: list[tuple[str, bytes]]) -> None:
        with self._transaction():
            self.db.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?, ?, ?)",
                                [(item_id, item_kind, stage, blob) for item_id, blob in rows])

    def story_inputs(self, unassigned_only: bool = False) -> list[dict[str, Any]]:
        """Articles in arrival order with what story clustering reads: title, lead, date, people."""
        where = "WHERE s.article_id IS NULL" if unassigned_only else ""
        sql = ("SELECT a.id, a.title, a.text, a.published, a.date_precision, a.outlet, s.story_id FROM articles a "
               f"LEFT JOIN story_articles s ON s.article_id = a.id {where} ORDER BY a.rowid")
        return [dict(r) for r in self.db.execute(sql)]

    def term_frequencies(self) -> tuple[dict[str, int], int]:
        """Document frequency of each term, and the number of articles clustered so far."""
        df = dict(self.db.execute("SELECT term, df FROM term_df").fetchall())
        docs = self.db.execute("SELECT count(*) FROM story_articles").fetchone()[0]
        return df, docs

    def save_clustering(self, stories: Iterable[Story], df_delta: dict[str, int]) -> None:
        """Stories touched by a clustering run and the document counts it added, in one transaction."""
        with self._transaction():
            self.db.executemany("INSERT INTO term_df VALUES (?, ?) ON CONFLICT (term) DO UPDATE SET df = df + excluded.df",
                                list(df_delta.items()))
            self._save_stories(stories)

    def save_stories(self, stories: Iterable[Story]) -> None:
        """Insert or update stories and their members, atomically."""
        with self._transaction():
            self._save_stories(stories)

    def _save_stories(self, stories: Iterable[Story]) -> None:
        # an upsert, not INSERT OR REPLACE: replacing would cascade-delete the story's members
        columns = ("id", "label", "keywords", "key_entities", "first_date", "last_date", "size", "summary",
                   "state", "rule", "confidence", "updated_at")
        sql = (f"INSERT INTO stories ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))}) "
               f"ON CONFLICT (id) DO UPDATE SET {', '.join(f'{c} = excluded.{c}' for c in columns[1:])}")
        for story in stories:
            self.db.execute(sql, (
                story.id, story.label, json.dumps(story.keywords, ensure_ascii=False),
                json.dumps(story.key_entities, ensure_ascii=False), story.first_date, story.last_date,
                len(story.members), json.dumps([asdict(c) for c in story.summary], ensure_ascii=False),
                story.state, story.rule, story.confidence, _now()))
            self.db.executemany("INSERT OR REPLACE INTO story_articles VALUES (?, ?, ?, ?)",
                                [(m.article_id, story.id, m.score, m.rule) for m in story.members])
            # members may be only the newly joined articles: count them all
            self.db.execute("UPDATE stories SET size = (SELECT count(*) FROM story_articles WHERE story_id = ?) "
                            "WHERE id = ?", (story.id, story.id))

    def stories(self, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        """Stories, the most recent and largest first, each with its article ids."""
        sql = ("SELECT * FROM stories ORDER BY last_date IS NULL, last_date DESC, size DESC, id "
               "LIMIT ? OFFSET ?")
        rows = [_decode(r) for r in self.db.execute(sql, (-1 if limit is None else limit, offset))]
        members: dict[str, list[str]] = {}
        ids = [r["id"] for r in rows]
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            for r in self.db.execute("SELECT sa.story_id, sa.article_id FROM story_articles sa JOIN articles a "
                                     f"ON a.id = sa.article_id WHERE sa.story_id IN ({', '.join('?' * len(chunk))}) "
                                     "ORDER BY a.published IS NULL, a.published, a.rowid", chunk):
                members.setdefault(r[0], []).append(r[1])
        return [r | {"articles": members.get(r["id"], [])} for r in rows]

    def open_stories(self, limit: int) -> list[dict[str, Any]]:
        """The ``limit`` most recently updated stories with their clustering state, oldest first."""
        rows = self.db.execute("SELECT id, first_date, last_date, state FROM stories "
                               "ORDER BY updated_at DESC, rowid DESC LIMIT ?", (limit,)).fetchall()
        return [_decode(r) for r in reversed(rows)]

    def count_statement_results(self) -> tuple[int, int]:
        """How many quote links and positions the store holds."""
        return (self.db.execute("SELECT count(*) FROM links").fetchone()[0],
                self.db.execute("SELECT count(*) FROM positions").fetchone()[0])

    def count_stories(self) -> int:
        return self.db.execute("SELECT count(*) FROM stories").fetchone()[0]

    def story(self, story_id: str) -> dict[str, Any] | None:
        row = self.db.execute("SELECT * FROM stories WHERE id = ?", (story_id,)).fetchone()
        if row is None:
            return None
        sql = (f"SELECT {', '.join('a.' + c for c in LIST_COLUMNS)}, sa.score, sa.rule FROM story_articles sa "
               "JOIN articles a ON a.id = sa.article_id WHERE sa.story_id = ? "
               "ORDER BY a.published IS NULL, a.published, a.rowid")
        return _decode(row) | {"articles": [_decode(r) for r in self.db.execute(sql, (story_id,))]}

    def story_members(self, story_id: str) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT article_id FROM story_articles WHERE story_id = ?", (story_id,))]

    def story_of(self, article_id: str) -> str | None:
        row = self.db.execute("SELECT story_id FROM story_articles WHERE article_id = ?", (article_id,)).fetchone()
        return row[0] if row else None

    def statement_rows(self) -> list[dict[str, Any]]:
        """Quotes with a named speaker, with what the statements stage compares: voice, outlet, date, story."""
        sql = ("SELECT q.id, q.article_id, q.text, q.rule, q.speaker, q.speaker_kind, q.speaker_entity, e.name AS entity_name, "
               "q.venue, coalesce(q.said_on, a.published) AS published, a.outlet, sa.story_id, a.rowid AS article_order, "
               "substr(coalesce(a.source_text, a.raw), max(1, q.start - 199), min(q.start, 200)) AS lead_in "
               "FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN entities e ON e.id = q.speaker_entity "
               "LEFT JOIN story_articles sa ON sa.article_id = q.article_id "
               "WHERE q.speaker IS NOT NULL AND coalesce(q.speaker_kind, '') != 'unnamed' ORDER BY a.rowid, q.start")
        return [dict(r) for r in self.db.execute(sql)]

    def statement_voices(self) -> dict[str, str]:
        """quote id → the voice the statements stage last saw it under."""
        return dict(self.db.execute("SELECT quote_id, voice FROM statement_voices").fetchall())

    def replace_statements(self, links: Iterable[Link], positions: Iterable[Position],
                           voices: dict[str, str] | None = None, redone: Iterable[str] | None = None) -> None:
        """Swap in the links and positions of the quotes in ``redone`` (every quote when None),
        and record each quote's voice, in one transaction."""
        with self._transaction():
            if redone is None:
                self._replace_links(links)
                self._replace_positions(positions)
            else:
                self._drop_statements_of(redone)
                self._insert_links(links)
                self._insert_positions(positions)
            if voices is not None:
                self.db.execute("DELETE FROM statement_voices")
                self.db.executemany("INSERT INTO statement_voices VALUES (?, ?)", voices.items())

    def _drop_statements_of(self, quote_ids: Iterable[str]) -> None:
        self.db.execute("CREATE TEMP TABLE IF NOT EXISTS redone (id TEXT PRIMARY KEY)")
        self.db.execute("DELETE FROM redone")
        self.db.executemany("INSERT OR IGNORE INTO redone VALUES (?)", ((q,) for q in quote_ids))
        self.db.execute("DELETE FROM links WHERE a IN (SELECT id FROM redone) OR b IN (SELECT id FROM redone)")
        self.db.execute("DELETE FROM positions WHERE id IN (SELECT position_id FROM position_quotes "
                        "WHERE quote_id IN (SELECT id FROM redone))")

    def replace_links(self, links: Iterable[Link]) -> None:
        with self._transaction():
            self._replace_links(links)

    def _replace_links(self, links: Iterable[Link]) -> None:
        self.db.execute("DELETE FROM links")
        self._insert_links(links)

    def _insert_links(self, links: Iterable[Link]) -> None:
        self.db.executemany("INSERT OR REPLACE INTO links VALUES (?, ?, ?, ?, ?, ?)",
                            [(l.a, l.b, l.relation, l.score, l.rule, l.evidence) for l in links])

    def links(self, relation: str | None = None, quote_id: str | None = None, limit: int | None = None,
              offset: int = 0) -> list[dict[str, Any]]:
        clauses, params = [], []
        if relation:
            clauses.append("relation = ?")
            params.append(relation)
        if quote_id:
            clauses.append("(a = ? OR b = ?)")
            params += [quote_id, quote_id]
        where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
        sql = f"SELECT * FROM links {where} ORDER BY relation, a, b LIMIT ? OFFSET ?"
        return [_decode(r) for r in self.db.execute(sql, [*params, -1 if limit is None else limit, offset])]

    def replace_positions(self, positions: Iterable[Position]) -> None:
        with self._transaction():
            self._replace_positions(positions)

    def _replace_positions(self, positions: Iterable[Position]) -> None:
        self.db.execute("DELETE FROM positions")
        self._insert_positions(positions)

    def _insert_positions(self, positions: Iterable[Position]) -> None:
        for p in positions:
            self.db.execute("INSERT OR REPLACE INTO positions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            (p.id, p.speaker_entity, p.speaker, p.label, p.first_seen, p.last_seen,
                             len(p.quotes), p.rule, p.confidence))
            self.db.executemany("INSERT OR IGNORE INTO position_quotes VALUES (?, ?)", [(p.id, q) for q in p.quotes])

    def positions(self, speaker_entity: str | None = None, limit: int | None = None,
                  offset: int = 0) -> list[dict[str, Any]]:
        """Positions, each with its quote ids in time order."""
        where, params = ("WHERE speaker_entity = ?", [speaker_entity]) if speaker_entity else ("", [])
        sql = f"SELECT * FROM positions {where} ORDER BY speaker, size DESC, id LIMIT ? OFFSET ?"
        rows = [dict(r) for r in self.db.execute(sql, [*params, -1 if limit is None else limit, offset])]
        for row in rows:
            row["quotes"] = [r[0] for r in self.db.execute(
                "SELECT pq.quote_id FROM position_quotes pq JOIN quotes q ON q.id = pq.quote_id "
                "JOIN articles a ON a.id = q.article_id WHERE pq.position_id = ? "
                "ORDER BY coalesce(q.said_on, a.published) IS NULL, coalesce(q.said_on, a.published), a.rowid, q.start",
                (row["id"],))]
        return rows

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    # --- reading -------------------------------------------------------------------

    def speaker_rows(self) -> list[dict[str, Any]]:
        """Every quote's speaker with its article's people, date and id: input of entity merging."""
        sql = ("SELECT q.id, q.article_id, q.speaker, q.speaker_kind, q.speaker_start, q.speaker_end, "
               "coalesce(a.source_text, a.raw) AS source, a.published FROM quotes q "
               "JOIN articles a ON a.id = q.article_id WHERE q.speaker IS NOT NULL")
        rows = []
        for r in self.db.execute(sql):
            row = dict(r)
            source = row.pop("source")
            s, e = row["speaker_start"], row["speaker_end"]
            row["mention"] = source[s:e] if s is not None and e is not None else None
            rows.append(row)
        return rows

    def people_rows(self) -> list[dict[str, Any]]:
        sql = ("SELECT p.article_id, p.name, p.roles, a.published FROM people p "
               "JOIN articles a ON a.id = p.article_id ORDER BY p.article_id, p.start")
        return [_decode(r) | {"roles": json.loads(r["roles"])} for r in self.db.execute(sql)]

    def quotes(self, article_id: str | None = None, speaker: str | None = None, outlet: str | None = None,
               since: str | None = None, kind: str | None = None, limit: int | None = None,
               offset: int = 0) -> list[dict[str, Any]]:
        where, params = _filters(outlet, since, None, prefix="a.")
        clauses = [where.removeprefix("WHERE ")] if where else []
        if article_id:
            clauses.append("q.article_id = ?")
            params.append(article_id)
        if speaker:
            clauses.append("(q.speaker LIKE ? ESCAPE '\\' OR e.name LIKE ? ESCAPE '\\' OR e.aliases LIKE ? ESCAPE '\\')")
            pattern = f"%{_escape_like(speaker)}%"
            params += [pattern, pattern, pattern]
        if kind:
            clauses.append("q.kind = ?")
            params.append(kind)
        where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
        sql = (f"SELECT q.*, e.name AS entity_name, a.outlet, a.published, a.source FROM quotes q "
               f"JOIN articles a ON a.id = q.article_id LEFT JOIN entities e ON e.id = q.speaker_entity "
               f"{where} ORDER BY a.published IS NULL, a.published, a.source, q.start LIMIT ? OFFSET ?")
        return [_decode(r) for r in self.db.execute(sql, [*params, -1 if limit is None else limit, offset])]

    def quote_counts(self) -> dict[str, int]:
        return dict(self.db.execute("SELECT article_id, count(*) FROM quotes GROUP BY article_id").fetchall())

    def entities(self) -> list[dict[str, Any]]:
        sql = ("SELECT e.*, count(q.id) AS quotes FROM entities e LEFT JOIN quotes q ON q.speaker_entity = e.id "
               "GROUP BY e.id ORDER BY quotes DESC, e.name")
        return [_decode(r) for r in self.db.execute(sql)]


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


def source_of(article: Any) -> str:
    """The text an article's offsets point into: ``source_text``, stored only where it differs from
    ``raw`` (an HTML page's text), else ``raw`` itself."""
    return article["source_text"] or article["raw"]


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


def quote_id(article_id: str, quote: Quote) -> str:
    return f"{article_id}:{quote.start}-{quote.end}"


def _quote_row(article_id: str, q: Quote) -> tuple[Any, ...]:
    return (quote_id(article_id, q), article_id, q.start, q.end, q.text, json.dumps(q.parts), q.kind, q.speaker,
            q.speaker_kind, q.speaker_start, q.speaker_end, q.cue, q.cue_start, q.cue_end, q.venue, q.said_when,
            q.said_on, q.confidence, q.rule)


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


def _filters(outlet: str | None, since: str | None, until: str | None, prefix: str = "") -> tuple[str, list[Any]]:
    """WHERE clause over articles' outlet and date; ``prefix`` is the articles table's alias."""
    clauses, params = [], []
    if outlet:
        clauses.append(f"{prefix}outlet = ? COLLATE NOCASE")
        params.append(outlet)
    if since:
        # Dates without a year ("--11-09") cannot be placed in a range and are left out.
        clauses.append(f"{prefix}published >= ? AND {prefix}published NOT LIKE '--%'")
        params.append(since)
    if until:
        clauses.append(f"{prefix}published <= ? AND {prefix}published NOT LIKE '--%'")
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
