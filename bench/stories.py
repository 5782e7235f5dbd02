"""Story clustering probe on the UCI headline stand-in: online centroid clustering in
arrival order over MiniLM embeddings, optionally mixed with TF-IDF (weight --mix).

    python bench/stories.py --split dev --threshold 0.25 --mix 0.7

A probe for the stories stage (issue 4), not the stage itself: TF-IDF is fitted
on the stream (transductive, as the scorer's own baseline does). Scored with
../shared/benchmarks/score/score_stories.py's BCubed.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "benchmarks"


def cluster(vectors: np.ndarray, lexical: np.ndarray, mix: float, threshold: float) -> list[int]:
    dense_centroids: list[np.ndarray] = []
    dense_sums: list[np.ndarray] = []
    lexical_centroids: list[np.ndarray] = []
    lexical_sums: list[np.ndarray] = []
    labels = []
    for v, x in zip(vectors, lexical):
        if dense_centroids:
            sims = mix * (np.array(dense_centroids) @ v) + (1 - mix) * (np.array(lexical_centroids) @ x)
            j = int(np.argmax(sims))
            if sims[j] >= threshold:
                dense_sums[j] = dense_sums[j] + v
                dense_centroids[j] = dense_sums[j] / np.linalg.norm(dense_sums[j])
                lexical_sums[j] = lexical_sums[j] + x
                norm = np.linalg.norm(lexical_sums[j])
                lexical_centroids[j] = lexical_sums[j] / norm if norm else lexical_sums[j]
                labels.append(j)
                continue
        dense_centroids.append(v.copy())
        dense_sums.append(v.copy())
        lexical_centroids.append(x.copy())
        lexical_sums.append(x.copy())
        labels.append(len(dense_centroids) - 1)
    return labels


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=("dev", "test"), default="dev")
    parser.add_argument("--threshold", type=float, default=0.25)
    parser.add_argument("--mix", type=float, default=0.7, help="weight of the embeddings (1 - weight of TF-IDF)")
    args = parser.parse_args()
    from sklearn.feature_extraction.text import TfidfVectorizer

    from newsgraph.embeddings import embed

    sys.path.insert(0, str(SHARED / "score"))
    from score_stories import bcubed

    path = SHARED / "stories" / f"uci_news_aggregator_subset.{args.split}.jsonl"
    records = sorted((json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()),
                     key=lambda r: (r["date"], r["id"]))
    titles = [r["title"] for r in records]
    start = time.perf_counter()
    vectors = embed(titles)
    lexical = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(titles).toarray().astype(np.float32)
    labels = cluster(vectors, lexical, args.mix, args.threshold)
    seconds = time.perf_counter() - start
    score = bcubed([r["cluster"] for r in records], labels)
    print(json.dumps({"split": args.split, "articles": len(records), "stories": len(set(labels)),
                      "threshold": args.threshold, "mix": args.mix, "bcubed": score,
                      "seconds": round(seconds, 1)}, indent=1))


if __name__ == "__main__":
    main()
