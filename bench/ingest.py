"""Ingest throughput and peak memory on a generated corpus.

    python bench/ingest.py --articles 10000

Generates the corpus (bench/generate.py) in a temporary folder, then runs
`newsgraph ingest` on it in a child process, so that the figures are the
command a user runs: wall time, articles/s, MB/s of input, and the child's
peak resident memory.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--html-share", type=float, default=0.1)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsgraph-bench-") as tmp:
        corpus, db = Path(tmp) / "corpus", Path(tmp) / "bench.db"
        size = generate(corpus, args.articles, html_share=args.html_share, seed=args.seed)
        command = [sys.executable, "-m", "newsgraph", "ingest", str(corpus), "--db", str(db), "--quiet", "--json"]
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True)
        seconds = time.perf_counter() - start
        if done.returncode != 0:
            sys.exit(f"ingest failed ({done.returncode}): {done.stderr[-2000:]}")
        summary = json.loads(done.stdout)
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        db_mb = sum(p.stat().st_size for p in Path(tmp).glob("bench.db*")) / 1e6
    result = {
        "articles": summary["articles"], "added": summary["added"], "failed": summary["failed"],
        "input_mb": round(size / 1e6, 1), "seconds": round(seconds, 1),
        "articles_per_s": round(summary["articles"] / seconds, 1), "mb_per_s": round(size / 1e6 / seconds, 2),
        "peak_rss_mb": round(peak_mb), "db_mb": round(db_mb, 1), "html_share": args.html_share,
        "python": platform.python_version(), "cpu": platform.machine(),
    }
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
