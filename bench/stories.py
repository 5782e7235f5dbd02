"""Story clustering on the UCI headline stand-in, with the stories stage itself:
online clustering in arrival order (newsgraph.stages.stories.Clusterer).

    python bench/stories.py --split dev
    python bench/stories.py --split test

Headlines only (the data has no bodies), so the headline threshold applies.
IDF is learnt online as articles arrive, as in the stage. Scored with
../shared/benchmarks/score/score_stories.py's BCubed.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "benchmarks"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=("dev", "test"), default="dev")
    parser.add_argument("--threshold", type=float, default=None, help="override the headline threshold")
    args = parser.parse_args()
    from newsgraph.embeddings import embed
    from newsgraph.stages import stories

    if args.threshold is not None:
        stories.THRESHOLD_HEADLINE = args.threshold
    sys.path.insert(0, str(SHARED / "score"))
    from score_stories import bcubed

    path = SHARED / "stories" / f"uci_news_aggregator_subset.{args.split}.jsonl"
    records = sorted((json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()),
                     key=lambda r: (r["date"], r["id"]))
    start = time.perf_counter()
    articles = [stories.ArticleInput(r["id"], r["title"], r["text"] or "", r["date"]) for r in records]
    for article, vector in zip(articles, embed([a.lead for a in articles])):
        article.vector = vector
    embedded = time.perf_counter() - start
    clusterer = stories.Clusterer([], {}, 0)
    labels = [clusterer.add(a) for a in articles]
    seconds = time.perf_counter() - start
    score = bcubed([r["cluster"] for r in records], labels)
    print(json.dumps({"split": args.split, "articles": len(records), "stories": len(set(labels)),
                      "threshold": stories.THRESHOLD_HEADLINE, "bcubed": score,
                      "seconds": round(seconds, 1), "embedding_seconds": round(embedded, 1)}, indent=1))


if __name__ == "__main__":
    main()
