"""Schema of the SQLite store: named migrations, applied in order, once.

Each migration runs in its own transaction and is recorded in
``schema_migrations``; ``PRAGMA user_version`` mirrors their count so that
a database from a newer newsgraph is refused rather than misread.
"""

from __future__ import annotations

MIGRATIONS: list[tuple[str, str]] = [
    ("0001_articles", """
        CREATE TABLE articles (
            id TEXT PRIMARY KEY,              -- content hash of raw
            external_id TEXT,                 -- id given by the source (JSONL "id", feed guid)
            source TEXT NOT NULL,             -- path as given; path#N for a record in a container
            url TEXT,
            format TEXT NOT NULL CHECK (format IN ('text', 'html')),
            encoding TEXT,
            raw TEXT NOT NULL,                -- the decoded input, unchanged
            source_text TEXT,                 -- what offsets point into, when it differs from raw (HTML)
            text TEXT NOT NULL,               -- clean body
            outlet TEXT,
            published TEXT,                   -- ISO 8601 at its precision: 2016-11-10, 2016-11, --11-09
            date_precision TEXT,
            dateline TEXT,
            title TEXT,
            lang TEXT,
            authors TEXT NOT NULL DEFAULT '[]',
            contributors TEXT NOT NULL DEFAULT '[]',
            segments TEXT NOT NULL,           -- JSON [[kind, start, end, rule], ...]
            offset_map TEXT NOT NULL,         -- JSON [[text_start, source_start, length], ...]
            provenance TEXT NOT NULL,         -- JSON {field: {value, rule, confidence, start, end}}
            fetched TEXT,
            ingested_at TEXT NOT NULL
        );
        CREATE INDEX articles_outlet ON articles (outlet);
        CREATE INDEX articles_published ON articles (published);
        CREATE INDEX articles_source ON articles (source);
        CREATE VIRTUAL TABLE articles_fts USING fts5 (
            title, text, content='articles', content_rowid='rowid', tokenize='porter unicode61'
        );
        CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END;
        CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
        END;
        CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
            INSERT INTO articles_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END;
    """),
]
