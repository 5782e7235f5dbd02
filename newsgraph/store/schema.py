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
    ("0002_quotes_entities", """
        CREATE TABLE entities (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,               -- canonical name
            kind TEXT NOT NULL,               -- person | organisation
            aliases TEXT NOT NULL DEFAULT '[]',
            roles TEXT NOT NULL DEFAULT '[]', -- JSON [{role, first_seen, last_seen, articles}]
            rule TEXT NOT NULL,
            confidence REAL NOT NULL
        );
        CREATE TABLE quotes (
            id TEXT PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            parts TEXT NOT NULL DEFAULT '[]',
            kind TEXT NOT NULL CHECK (kind IN ('direct', 'mixed', 'indirect')),
            speaker TEXT,                     -- as resolved within the article
            speaker_kind TEXT,
            speaker_start INTEGER,
            speaker_end INTEGER,
            speaker_entity TEXT REFERENCES entities (id) ON DELETE SET NULL,
            cue TEXT, cue_start INTEGER, cue_end INTEGER,
            venue TEXT, said_when TEXT, said_on TEXT,
            confidence REAL NOT NULL,
            rule TEXT NOT NULL
        );
        CREATE INDEX quotes_article ON quotes (article_id, start);
        CREATE INDEX quotes_entity ON quotes (speaker_entity);
        CREATE TABLE people (                 -- the people each article names, with their roles there
            article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            roles TEXT NOT NULL DEFAULT '[]',
            PRIMARY KEY (article_id, name)
        );
        CREATE TABLE analyses (               -- which articles the NLP stages have seen, by which version
            article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
            stage TEXT NOT NULL,
            analyzed_at TEXT NOT NULL
        );
    """),
    ("0003_duplicates", """
        CREATE TABLE signatures (             -- MinHash of each article body, computed once
            article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
            stage TEXT NOT NULL,
            minhash BLOB NOT NULL
        );
        CREATE TABLE duplicates (             -- near-duplicate groups; the original maps to itself
            article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
            original_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            similarity REAL NOT NULL,
            rule TEXT NOT NULL
        );
        CREATE INDEX duplicates_original ON duplicates (original_id);
    """),
]
