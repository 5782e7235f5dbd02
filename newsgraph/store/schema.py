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
    ("0004_corpus", """
        CREATE TABLE vectors (                -- sentence embeddings, computed once per item and model
            item_id TEXT NOT NULL,            -- article id or quote id
            item_kind TEXT NOT NULL CHECK (item_kind IN ('article', 'quote')),
            stage TEXT NOT NULL,
            vector BLOB NOT NULL,             -- float32, unit length
            PRIMARY KEY (item_kind, item_id)
        );
        CREATE TABLE stories (
            id TEXT PRIMARY KEY,
            label TEXT NOT NULL,
            keywords TEXT NOT NULL DEFAULT '[]',      -- JSON [phrase, ...]
            key_entities TEXT NOT NULL DEFAULT '[]',  -- JSON [name, ...]
            first_date TEXT,                  -- ISO 8601 at its precision, null when no article is dated
            last_date TEXT,
            size INTEGER NOT NULL,
            summary TEXT NOT NULL DEFAULT '[]',       -- JSON [{text, article_id, start, end, rule}]
            state TEXT NOT NULL DEFAULT '{}', -- JSON: what lets a new article join without re-clustering
            rule TEXT NOT NULL,
            confidence REAL NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX stories_last_date ON stories (last_date);
        CREATE TABLE story_articles (
            article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
            story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
            score REAL NOT NULL,
            rule TEXT NOT NULL
        );
        CREATE INDEX story_articles_story ON story_articles (story_id);
        CREATE TABLE links (                  -- quote-to-quote relations across articles
            a TEXT NOT NULL,                  -- the first source / earlier statement
            b TEXT NOT NULL,
            relation TEXT NOT NULL CHECK (relation IN ('same_statement', 'paraphrase', 'same_position', 'shift')),
            score REAL NOT NULL,
            rule TEXT NOT NULL,
            evidence TEXT NOT NULL DEFAULT '{}',      -- JSON
            PRIMARY KEY (a, b, relation)
        );
        CREATE INDEX links_b ON links (b);
        CREATE TABLE positions (
            id TEXT PRIMARY KEY,
            speaker_entity TEXT,
            speaker TEXT NOT NULL,
            label TEXT NOT NULL,
            first_seen TEXT,
            last_seen TEXT,
            size INTEGER NOT NULL,
            rule TEXT NOT NULL,
            confidence REAL NOT NULL
        );
        CREATE INDEX positions_speaker ON positions (speaker_entity);
        CREATE TABLE position_quotes (
            position_id TEXT NOT NULL REFERENCES positions (id) ON DELETE CASCADE,
            quote_id TEXT NOT NULL,
            PRIMARY KEY (position_id, quote_id)
        );
        CREATE INDEX position_quotes_quote ON position_quotes (quote_id);
        CREATE TABLE term_df (                -- document frequencies seen by story clustering, for TF-IDF
            term TEXT PRIMARY KEY,
            df INTEGER NOT NULL
        ) WITHOUT ROWID;
    """),
    ("0005_web_indexes", """
        -- the web UI and API: outlet filters are case-insensitive and come with a date range,
        -- statement lists are counted by kind
        CREATE INDEX articles_outlet_nocase ON articles (outlet COLLATE NOCASE, published);
        CREATE INDEX quotes_kind ON quotes (kind);
    """),
    ("0006_statement_voices", """
        -- the voice each quote had when the statements stage last ran: a later run
        -- recomputes only the voices whose quotes came, went or changed voice
        CREATE TABLE statement_voices (
            quote_id TEXT PRIMARY KEY,
            voice TEXT NOT NULL
        ) WITHOUT ROWID;
    """),
]
