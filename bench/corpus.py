"""Cost of the corpus stages (entities, dedup, stories, statements) as the corpus grows.

    python bench/corpus.py --articles 10000
    python bench/corpus.py --articles 100000 [--real-embeddings]

1. bench/generate.py writes N fictional wire articles (its varied sentences: unrelated
   articles share word 5-grams by chance only); `newsgraph ingest` stores them.
2. A child process puts each article's quotations in the store straight from
   the generated text (the quotes are “…,” Surname said — known by
   construction), so that the corpus stages can be measured without spending
   hours in spaCy (the analyze path is measured by bench/analyze.py).
3. The child runs the corpus stages exactly as `newsgraph analyze` does and
   reports the time of each and its peak resident memory.

Embeddings: by default a stand-in (hashed bag of words through a fixed random
projection, 384-d, unit length) so the run measures the stages' own scaling;
MiniLM's cost is linear by construction (one pass per text) and is measured on
its own by `--real-embeddings` or bench/stories.py (seconds per text).
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate  # noqa: E402

QUOTE = re.compile(r"“([^”]+),” (\w+) ")


def hashed_embed(texts, batch_size: int = 0):  # noqa: ANN001 - same signature as newsgraph.embeddings.embed
    import numpy as np

    projection = _projection()
    out = np.zeros((len(texts), projection.shape[1]), np.float32)
    for row, text in enumerate(texts):
        for word in re.findall(r"\w+", text.lower()):
            out[row] += projection[hash(word) % len(projection)]
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return out / np.maximum(norms, 1e-12)


_PROJECTION = None


def _projection():
    global _PROJECTION
    if _PROJECTION is None:
        import numpy as np

        _PROJECTION = np.random.default_rng(7).standard_normal((1 << 14, 384)).astype(np.float32)
    return _PROJECTION


def put_quotes(store) -> int:  # noqa: ANN001
    """Quotations of the generated text, attributed to the surname after them."""
    from newsgraph.models import Attribution, PersonMention, Quote

    batch, count = [], 0
    for row in store.iter_articles():
        text = row["source_text"] or row["raw"]
        found = []
        people = {}
        for match in QUOTE.finditer(text):
            surname = match.group(2)
            full = re.search(rf"\b([A-Z][a-z]+) {surname}\b", text)
            name = full.group(0) if full else surname
            people.setdefault(name, PersonMention(name, full.start() if full else match.start(2),
                                                  full.end() if full else match.end(2)))
            found.append(Quote(match.start(1), match.end(1), match.group(1), "direct", "bench.generated", 1.0,
                               speaker=name, speaker_kind="person", speaker_start=match.start(2),
                               speaker_end=match.end(2), cue="said"))
        batch.append(Attribution(row["id"], tuple(found), tuple(people.values())))
        count += len(found)
        if len(batch) >= 500:
            store.save_attributions("bench.generated", batch)
            batch = []
    store.save_attributions("bench.generated", batch)
    return count


def run_stages(db: str, real_embeddings: bool) -> dict:
    from newsgraph import embeddings, pipeline
    from newsgraph.stages import entities
    from newsgraph.store import Store

    if not real_embeddings:
        embeddings.embed = hashed_embed  # the stages call embeddings.embed at run time
    store = Store(db)
    timings = {}
    start = time.perf_counter()
    timings["quotes_stored"] = put_quotes(store)
    timings["put_quotes_s"] = round(time.perf_counter() - start, 1)
    for name, step in (
        ("entities_s", lambda: store.replace_entities(*entities.build_entities(store.people_rows(),
                                                                                 store.speaker_rows()))),
        ("dedup_s", lambda: pipeline.find_duplicates(store)),
        ("stories_s", lambda: pipeline.find_stories(store)),
        ("statements_s", lambda: pipeline.find_statements(store)),
    ):
        start = time.perf_counter()
        step()
        timings[name] = round(time.perf_counter() - start, 1)
    timings["stories"] = store.count_stories()
    timings["links"] = len(store.links())
    timings["positions"] = len(store.positions())
    timings["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--real-embeddings", action="store_true")
    parser.add_argument("--stages-only", metavar="DB", help=argparse.SUPPRESS)  # the child's entry point
    args = parser.parse_args()
    if args.stages_only:
        print(json.dumps(run_stages(args.stages_only, args.real_embeddings)))
        return
    with tempfile.TemporaryDirectory(prefix="newsgraph-corpus-") as tmp:
        corpus, db = Path(tmp) / "corpus", str(Path(tmp) / "bench.db")
        generate(corpus, args.articles, html_share=0.0, jsonl_share=0.0, varied=True)
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "newsgraph", "ingest", str(corpus), "--db", db, "--quiet"], check=True)
        ingest_s = time.perf_counter() - start
        child = [sys.executable, __file__, "--stages-only", db] + (["--real-embeddings"] if args.real_embeddings else [])
        result = json.loads(subprocess.run(child, check=True, capture_output=True, text=True).stdout)
    corpus_s = sum(v for k, v in result.items() if k.endswith("_s") and k != "put_quotes_s")
    print(json.dumps({"articles": args.articles, "embeddings": "MiniLM" if args.real_embeddings else "hashed stand-in",
                      "ingest_s": round(ingest_s, 1), "corpus_stages_s": round(corpus_s, 1), **result}, indent=1))


if __name__ == "__main__":
    main()
