"""Throughput of the whole analyze path beside the bare spaCy pipeline, in one run.

    python bench/analyze.py --articles 300 [--processes 2] [--jsonl FILE]

Side by side on the same texts:
  1. `newsgraph analyze CORPUS` in a child process: ingest, clean, metadata,
     spaCy, quotes, entities, SQLite — the command a user runs;
  2. the bare spaCy pipeline over the same article texts, in another child
     process: the packaged model exactly as `spacy.load` gives it, run with
     `nlp.pipe` and the same processes. (newsgraph's own loading of it, with
     the attribute ruler looked up by index, gives the same annotations
     faster; `--bare ours` times that instead.)
Texts come from bench/generate.py (news-length fictional wire copy) or, with
--jsonl, from any JSON Lines file with a "text" field (e.g. PolNeAR's real
articles in ../shared/benchmarks/quotes/train.jsonl).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate  # noqa: E402

BARE = """
import json, sys, time
import spacy
from newsgraph.stages import nlp
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
pipeline = nlp.load() if sys.argv[3] == "ours" else spacy.load(nlp.MODEL)
start = time.perf_counter()
for _ in pipeline.pipe(texts, batch_size=32, n_process=int(sys.argv[2])):
    pass
print(time.perf_counter() - start)
"""


def corpus_jsonl(folder: Path, articles: int, source: Path | None) -> Path:
    out = folder / "corpus.jsonl"
    if source is not None:
        lines = [line for line in source.read_text(encoding="utf-8").splitlines() if line.strip()][:articles]
        out.write_text("\n".join(json.dumps({"text": json.loads(x)["text"]}) for x in lines) + "\n", encoding="utf-8")
        return out
    generate(folder / "gen", articles, html_share=0.0, jsonl_share=0.0)
    texts = [p.read_text(encoding="utf-8") for p in sorted((folder / "gen").glob("*.txt"))]
    out.write_text("\n".join(json.dumps({"text": t}) for t in texts) + "\n", encoding="utf-8")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--jsonl", type=Path, default=None)
    parser.add_argument("--bare", choices=("packaged", "ours"), default="packaged",
                        help="the spaCy pipeline to compare with: as spacy.load gives it, or as newsgraph loads it")
    parser.add_argument("--no-corpus", action="store_true",
                        help="analyze --no-corpus: attribution, entities and duplicates, without the corpus stages")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsgraph-analyze-") as tmp:
        corpus = corpus_jsonl(Path(tmp), args.articles, args.jsonl)
        texts = [json.loads(line)["text"] for line in corpus.read_text(encoding="utf-8").splitlines()]
        words = sum(len(t.split()) for t in texts)
        env = os.environ | {"NEWSGRAPH_NLP_PROCESSES": str(args.processes)}
        command = [sys.executable, "-m", "newsgraph", "analyze", str(corpus), "--db", str(Path(tmp) / "a.db"),
                   "--json"] + (["--no-corpus"] if args.no_corpus else [])
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, env=env)
        ours = time.perf_counter() - start
        if done.returncode != 0:
            sys.exit(f"analyze failed: {done.stderr[-2000:]}")
        summary = json.loads(done.stdout)
        peak_ours = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        bare = subprocess.run([sys.executable, "-c", BARE, str(corpus), str(args.processes), args.bare],
                              capture_output=True, text=True, check=True)
        bare_seconds = float(bare.stdout.strip().splitlines()[-1])
    n = len(texts)
    result = {
        "articles": n, "words_per_article": round(words / n), "processes": args.processes,
        "source": str(args.jsonl.name) if args.jsonl else "bench/generate.py",
        "corpus_stages": not args.no_corpus, "bare_pipeline": args.bare,
        "analyze_seconds": round(ours, 1), "analyze_articles_per_s": round(n / ours, 1),
        "bare_spacy_seconds": round(bare_seconds, 1), "bare_spacy_articles_per_s": round(n / bare_seconds, 1),
        "ratio_to_bare_spacy": round(bare_seconds / ours, 2),
        "statements": summary["quotes"], "entities": summary["entities"],
        "peak_rss_mb_analyze": round(peak_ours),
    }
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
