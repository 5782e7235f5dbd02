"""Latency of the web pages and REST API lists over a large generated store.

Fills a store with synthetic rows written straight through the schema (no NLP:
this measures the server, not the pipeline): 100,000 articles, 1,000,000
statements, 5,000 speakers, 2,000 stories, 50,000 links, 5,000 positions and
100,000 stored statement vectors. Then requests each page and API list many
times in-process (FastAPI's TestClient: no network) and prints p50/p95.

    python bench/web.py [--articles 100000] [--quotes-per-article 10] [--requests 40] [--db bench/out/web.db]

The store is reused when it exists with the asked-for size; --fresh rebuilds it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsgraph import Store, embeddings  # noqa: E402
from newsgraph.store.db import ARTICLE_COLUMNS, QUOTE_COLUMNS  # noqa: E402

OUTLETS = [f"{name} {kind}" for name in ("Meridian", "Nord", "Harbour", "Vestra", "Kaldor", "Ostrel", "Sella",
                                         "Drell") for kind in ("Wire", "Post", "Ledger", "Today", "Herald")]
FIRST = ["Ilse", "Piet", "Anna", "Tomas", "Lena", "Aleksei", "Mira", "Jon", "Sanne", "Oskar", "Edda", "Rafe"]
LAST = ["Varga", "Arnesen", "Keller", "Brenner", "Ortiz", "Dorin", "Solberg", "Hale", "Lindqvist", "Moro"]
COMMON = ("port harbour strike minister union government talks ships cargo cranes workers deal budget "
          "election court bridge river flood rail gas price").split()
SYLLABLES = ["ka", "lor", "ves", "tra", "dre", "mi", "sel", "no", "ber", "gan", "tu", "ril", "os", "pa", "den"]
KINDS = ["direct"] * 10 + ["indirect"] * 7 + ["mixed"] * 3
N_ENTITIES, N_STORIES, STORY_SIZE, N_LINKS, N_SHIFTS, N_POSITIONS, N_VECTORS = 5000, 2000, 20, 50_000, 500, 5000, 100_000


def rare_words(rng: random.Random, n: int = 3000) -> list[str]:
    words: set[str] = set()
    while len(words) < n:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(3, 4))))
    return sorted(words)


def words(rng: random.Random, vocabulary: list[str], n: int) -> str:
    return " ".join(rng.choice(vocabulary) for _ in range(n))


def entity_names() -> list[str]:
    names = [f"{f} {chr(65 + i % 26)}. {l}" for i, (f, l) in enumerate((f, l) for f in FIRST for l in LAST)]
    return [f"{name} {n}" if n else name for n in range(N_ENTITIES // len(names) + 1) for name in names][:N_ENTITIES]


def published(rng: random.Random) -> tuple[str | None, str | None]:
    roll = rng.random()
    if roll < 0.04:
        return None, None
    day = date(2015, 1, 1) + timedelta(days=rng.randrange(11 * 365))
    if roll < 0.07:
        return day.strftime("--%m-%d"), "month-day"
    return day.isoformat(), "day"


def article_rows(n: int, per_article: int, seed: int) -> Iterator[tuple[tuple, list[tuple]]]:
    """(article row, its quote rows), deterministic for a seed."""
    rng = random.Random(seed)
    rare = rare_words(rng)
    vocabulary = COMMON + rare
    names = entity_names()
    weights = [1 / (i + 1) for i in range(len(names))]  # a few speakers are quoted a lot, most rarely
    cum = list(np.cumsum(weights))
    for i in range(n):
        article_id = hashlib.sha256(f"bench-{seed}-{i}".encode()).hexdigest()[:16]
        title = f"{rng.choice(COMMON).title()} row: {words(rng, rare, 2)} {words(rng, COMMON, 2)}"
        raw, segments, quotes = title + "\n\n", [["title", 0, len(title), "bench"]], []
        lead = f"{words(rng, vocabulary, 24)}."
        segments.append(["body", len(raw), len(raw) + len(lead), "bench"])
        raw += lead
        speakers = rng.choices(range(len(names)), cum_weights=cum, k=per_article)
        for who in speakers:
            said = words(rng, vocabulary, rng.randint(8, 16))
            start = len(raw) + 3
            paragraph = f'\n\n"{said}," {names[who]} said.'
            q_start, q_end = start, start + len(said)
            s_start = q_end + 3
            s_end = s_start + len(names[who])
            segments.append(["body", len(raw) + 2, len(raw) + len(paragraph), "bench"])
            raw += paragraph
            quotes.append((f"{article_id}:{q_start}-{q_end}", article_id, q_start, q_end, said, "[]", rng.choice(KINDS),
                           names[who], "person", s_start, s_end, f"person:bench-{who}", "said", s_end + 1, s_end + 5,
                           None, None, None, 0.85, "bench"))
        segments.append(["boilerplate", len(raw) + 2, len(raw) + 20, "bench"])
        raw += "\n\nShare this article"
        when, precision = published(rng)
        text = raw[len(title) + 2:raw.rfind("\n\nShare")]
        yield ((article_id, None, f"bench/out/gen/{i:06d}.txt", None, "text", "utf-8", raw, None, text,
                rng.choice(OUTLETS), when, precision, None, title, "en", "[]", "[]", json.dumps(segments), "[]", "{}",
                None, "2026-01-01T00:00:00+00:00"), quotes)


def build(path: Path, articles: int, per_article: int, seed: int = 7) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    Store(path).close()  # the real schema, migrated
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=DELETE")
    db.execute("PRAGMA synchronous=OFF")
    db.execute("PRAGMA cache_size=-400000")
    db.execute("BEGIN")
    names = entity_names()
    db.executemany("INSERT INTO entities VALUES (?, ?, 'person', ?, ?, 'bench', 0.9)",
                   [(f"person:bench-{i}", n, json.dumps([n, n.split()[-1], f"Minister {n.split()[-1]}"]),
                     json.dumps([{"role": "minister", "first_seen": "2016-01-01", "last_seen": "2024-12-31",
                                  "mentions": 3}])) for i, n in enumerate(names)])
    article_sql = f"INSERT INTO articles ({', '.join(ARTICLE_COLUMNS)}) VALUES ({', '.join('?' * len(ARTICLE_COLUMNS))})"
    columns = (*QUOTE_COLUMNS[:11], "speaker_entity", *QUOTE_COLUMNS[11:])  # the stage sets the entity later
    quote_sql = f"INSERT INTO quotes ({', '.join(repr(c) for c in columns)}) VALUES ({', '.join('?' * len(columns))})"
    rng = random.Random(seed + 1)
    article_ids, article_dates, sample_quotes = [], [], []
    by_speaker: dict[str, list[str]] = {}
    batch_a, batch_q = [], []
    started = time.perf_counter()
    for n, (article, quotes) in enumerate(article_rows(articles, per_article, seed), start=1):
        batch_a.append(article)
        batch_q.extend(quotes)
        article_ids.append(article[0])
        article_dates.append(article[10])
        for q in quotes:
            if len(by_speaker.setdefault(q[11], [])) < 50:
                by_speaker[q[11]].append(q[0])
        sample_quotes.append(quotes[0][0])  # one per article: vectors and links are drawn from these
        if len(batch_a) >= 2000:
            db.executemany(article_sql, batch_a)
            db.executemany(quote_sql, batch_q)
            batch_a, batch_q = [], []
            print(f"\r  {n:,} articles ({time.perf_counter() - started:.0f} s)", end="", file=sys.stderr, flush=True)
    db.executemany(article_sql, batch_a)
    db.executemany(quote_sql, batch_q)
    print(file=sys.stderr)
    _corpus_rows(db, rng, article_ids, article_dates, sample_quotes, by_speaker)
    _vectors(db, rng, sample_quotes)
    db.execute("COMMIT")
    db.execute("PRAGMA journal_mode=WAL")
    db.close()


def _corpus_rows(db: sqlite3.Connection, rng: random.Random, article_ids: list[str], dates: list[str | None],
                 sample_quotes: list[str], by_speaker: dict[str, list[str]]) -> None:
    chosen = rng.sample(range(len(article_ids)), min(len(article_ids), N_STORIES * STORY_SIZE))
    for s in range(N_STORIES):
        members = chosen[s * STORY_SIZE:(s + 1) * STORY_SIZE]
        if not members:
            break
        dated = sorted(d for m in members if (d := dates[m]) and not d.startswith("--"))
        summary = [{"text": f"Summary sentence {k} of story {s}.", "article_id": article_ids[members[k]], "start": 0,
                    "end": 20, "rule": "bench"} for k in range(min(2, len(members)))]
        db.execute("INSERT INTO stories VALUES (?, ?, '[]', '[]', ?, ?, ?, ?, '{}', 'bench', 0.8, '2026-01-01')",
                   (f"story-{s}", f"Story {s}: {rng.choice(COMMON)} and {rng.choice(COMMON)}",
                    dated[0] if dated else None, dated[-1] if dated else None, len(members), json.dumps(summary)))
        db.executemany("INSERT INTO story_articles VALUES (?, ?, 1.0, 'bench')",
                       [(article_ids[m], f"story-{s}") for m in members])
    relations = ["same_statement"] * 3 + ["paraphrase"] * 2 + ["same_position"]
    pairs = {(a, b) for a, b in (rng.sample(sample_quotes, 2) for _ in range(N_LINKS))}
    db.executemany("INSERT OR IGNORE INTO links VALUES (?, ?, ?, 0.8, 'bench', '{}')",
                   [(a, b, rng.choice(relations)) for a, b in pairs])
    speakers = sorted(by_speaker, key=lambda e: -len(by_speaker[e]))
    for p in range(N_POSITIONS):
        entity = speakers[p % len(speakers)]
        quotes = rng.sample(by_speaker[entity], min(10, len(by_speaker[entity])))
        db.execute("INSERT INTO positions VALUES (?, ?, ?, ?, '2016-01-01', '2024-12-31', ?, 'bench', 0.8)",
                   (f"position-{p}", entity, entity, f"position {p}: {rng.choice(COMMON)}", len(quotes)))
        db.executemany("INSERT OR IGNORE INTO position_quotes VALUES (?, ?)", [(f"position-{p}", q) for q in quotes])
        if p < N_SHIFTS and len(quotes) >= 2:
            db.execute("INSERT OR IGNORE INTO links VALUES (?, ?, 'shift', 0.7, 'bench', '{}')", (quotes[0], quotes[1]))


def _vectors(db: sqlite3.Connection, rng: random.Random, sample_quotes: list[str]) -> None:
    """Unit random vectors for a sample of statements: enough to time the matrix product."""
    ids = sample_quotes[:N_VECTORS]
    vectors = np.random.default_rng(7).standard_normal((len(ids), embeddings.DIMENSIONS)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    db.executemany("INSERT OR REPLACE INTO vectors VALUES (?, 'quote', ?, ?)",
                   [(qid, embeddings.NAME, v.tobytes()) for qid, v in zip(ids, vectors)])


# --- measuring --------------------------------------------------------------------------

def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def measure(get: Callable[[str], object], name: str, urls: list[str], rounds: int) -> dict[str, float | str]:
    for url in urls[:2]:
        get(url)  # warm: first connection of a thread, page cache
    times = []
    for i in range(rounds):
        url = urls[i % len(urls)]
        started = time.perf_counter()
        response = get(url)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code, response.text[:300])
    return {"name": name, "p50": statistics.median(times), "p95": percentile(times, 95), "max": max(times)}


def targets(db: sqlite3.Connection, rng: random.Random) -> dict[str, list[str]]:
    articles = [r[0] for r in db.execute("SELECT id FROM articles ORDER BY random() LIMIT 20")]
    stories = [r[0] for r in db.execute("SELECT id FROM stories ORDER BY random() LIMIT 20")]
    speakers = [r[0] for r in db.execute("SELECT id FROM entities ORDER BY random() LIMIT 20")]
    top = [r[0] for r in db.execute("SELECT id FROM entities ORDER BY rowid LIMIT 5")]
    names = [r[0].split()[-1] for r in db.execute("SELECT name FROM entities ORDER BY random() LIMIT 20")]
    outlets = [r[0] for r in db.execute("SELECT DISTINCT outlet FROM articles LIMIT 10")]
    rare = rare_words(random.Random(7))
    words = rng.sample(rare, 20)
    pages = [f"&offset={50 * k}" for k in range(5)]
    return {
        "page /": ["/"],
        "page /stories": [f"/stories?offset={50 * k}" for k in range(5)],
        "page /stories/{id}": [f"/stories/{s}" for s in stories],
        "page /speakers": [f"/speakers?offset={50 * k}" for k in range(5)],
        "page /speakers/{id}": [f"/speakers/{s}" for s in speakers + top],
        "page /articles/{id}": [f"/articles/{a}" for a in articles],
        "page /search (full text)": [f"/search?q={w}" for w in words],
        "api /api/articles": [f"/api/articles?limit=50{p}" for p in pages],
        "api /api/articles?outlet&since": [f"/api/articles?outlet={o}&since=2020" for o in outlets],
        "api /api/quotes": [f"/api/quotes?limit=50{p}" for p in pages],
        "api /api/quotes?speaker=<surname>": [f"/api/quotes?speaker={n}" for n in names],
        "api /api/quotes?kind&outlet&since": [f"/api/quotes?kind=direct&outlet={o}&since=2019" for o in outlets],
        "api /api/quotes?story": [f"/api/quotes?story={s}" for s in stories],
        "api /api/speakers": [f"/api/speakers?limit=50{p}" for p in pages],
        "api /api/stories": [f"/api/stories?limit=50{p}" for p in pages],
        "api /api/links": [f"/api/links?limit=50{p}" for p in pages],
        "api /api/positions": [f"/api/positions?limit=50{p}" for p in pages],
        "api /api/search (rare word)": [f"/api/search?q={w}" for w in words],
        "api /api/search (phrase + filters)": [f'/api/search?q="{w}"&outlet={o}'
                                               for w, o in zip(words, outlets * 2)],
        "api /api/search (common word, ~1/3 of articles)": ["/api/search?q=bridge", "/api/search?q=flood"],
        "api /api/search?mode=semantic": [f"/api/search?q={w}+{c}&mode=semantic" for w, c in zip(words, COMMON)],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--quotes-per-article", type=int, default=10)
    parser.add_argument("--requests", type=int, default=40, help="requests per measured page or list")
    parser.add_argument("--db", type=Path, default=ROOT / "bench" / "out" / "web.db")
    parser.add_argument("--fresh", action="store_true", help="rebuild the store even if it exists")
    args = parser.parse_args()

    if args.fresh or not _has_size(args.db, args.articles, args.articles * args.quotes_per_article):
        started = time.perf_counter()
        build(args.db, args.articles, args.quotes_per_article)
        print(f"built {args.db} in {time.perf_counter() - started:.0f} s "
              f"({args.db.stat().st_size / 2**20:.0f} MiB)", file=sys.stderr)

    from fastapi.testclient import TestClient

    from newsgraph.web.app import create_app

    Store(args.db).close()  # apply any newer migration (indexes), as `newsgraph analyze` would

    with sqlite3.connect(args.db) as db:
        plan = targets(db, random.Random(11))
        counts = {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("articles", "quotes", "entities", "stories", "links", "positions", "vectors")}
    print("store: " + ", ".join(f"{n:,} {t}" for t, n in counts.items()))
    with TestClient(create_app(args.db)) as client:
        started = time.perf_counter()
        client.get("/api/search?q=port&mode=semantic")
        print(f"first semantic query (loads the stored vectors): "
              f"{time.perf_counter() - started:.1f} s")
        print(f"{'request':52} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
        for name, urls in plan.items():
            row = measure(client.get, name, urls, args.requests)
            print(f"{row['name']:52} {row['p50']:8.1f} {row['p95']:8.1f} {row['max']:8.1f}", flush=True)


def _has_size(path: Path, articles: int, quotes: int) -> bool:
    if not path.is_file():
        return False
    try:
        with sqlite3.connect(path) as db:
            return db.execute("SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM quotes)").fetchone() == \
                (articles, quotes)
    except sqlite3.Error:
        return False


if __name__ == "__main__":
    main()
