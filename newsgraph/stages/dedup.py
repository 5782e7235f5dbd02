"""Dedup: near-duplicate articles — syndicated copies, re-posts under a new
headline, truncated copies with a footer added.

Each article body becomes a MinHash of its word 5-grams (datasketch), kept in
the store so that new articles are compared without rehashing the corpus.
MinHash LSH proposes candidate pairs; each is confirmed on the exact 5-gram
sets: Jaccard similarity ≥ 0.5, or containment ≥ 0.8 of the shorter text
(a truncated copy is contained in its original). Pairs join into groups; the
original is the earliest article with a full date, else the longest.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

NAME = "newsgraph.dedup.minhash.v1"
NUM_PERM = 128
SCHEME = "affine32"  # datasketch 2's default hashing scheme; stored signatures must name it
SHINGLE = 5
CANDIDATE_THRESHOLD = 0.3  # LSH recall is what matters: pairs are confirmed exactly below
MIN_JACCARD = 0.5
MIN_CONTAINMENT = 0.8
ESTIMATE_SLACK = 0.15  # MinHash with 128 permutations: the estimate's error is about ±0.09
SHINGLE_CACHE = 2000


@dataclass(frozen=True, slots=True)
class Item:
    id: str
    text: str
    published: str | None
    signature: bytes | None = None  # stored hash values, when already computed


@dataclass(frozen=True, slots=True)
class Group:
    original: str
    members: tuple[str, ...]  # the original first
    scores: dict[str, float]  # member → similarity to the original (containment or Jaccard)


def shingles(text: str) -> set[str]:
    words = re.findall(r"\w+", text.lower())
    if len(words) < SHINGLE:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def signature(text: str) -> bytes:
    minhash = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    minhash.update_batch([s.encode("utf-8") for s in shingles(text)])
    return minhash.hashvalues.astype(np.uint64).tobytes()


def _minhash(values: bytes) -> MinHash:
    return MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME, hashvalues=np.frombuffer(values, dtype=np.uint64))


def find_groups(items: Iterable[Item]) -> list[Group]:
    items = [i for i in items if i.text.strip()]
    by_id = {i.id: i for i in items}
    lsh = MinHashLSH(threshold=CANDIDATE_THRESHOLD, num_perm=NUM_PERM)
    parent: dict[str, str] = {i.id: i.id for i in items}
    score: dict[tuple[str, str], float] = {}
    cache = _ShingleCache()
    hashes: dict[str, np.ndarray] = {}
    lengths = {i.id: i.text.count(" ") + 1 for i in items}
    for item in items:
        minhash = _minhash(item.signature or signature(item.text))
        hashes[item.id] = minhash.hashvalues
        for other in lsh.query(minhash):
            if not _may_match(hashes[other], minhash.hashvalues, lengths[other], lengths[item.id]):
                continue
            similarity = _confirmed(cache, by_id[other], item)
            if similarity is not None:
                score[(other, item.id)] = score[(item.id, other)] = similarity
                _union(parent, other, item.id)
        lsh.insert(item.id, minhash)
    members: dict[str, list[str]] = {}
    for item_id in parent:
        members.setdefault(_find(parent, item_id), []).append(item_id)
    groups = []
    for ids in members.values():
        if len(ids) < 2:
            continue
        original = min(ids, key=lambda i: _original_rank(by_id[i]))
        ordered = (original, *sorted(i for i in ids if i != original))
        scores = {i: score.get((original, i)) or _confirmed(cache, by_id[original], by_id[i]) or 0.0
                  for i in ordered[1:]}
        groups.append(Group(original, ordered, scores))
    return sorted(groups, key=lambda g: g.original)


def _may_match(a_hashes: np.ndarray, b_hashes: np.ndarray, a_words: int, b_words: int) -> bool:
    """Cheap screen before the exact check: the MinHash estimate of Jaccard must come near what
    a Jaccard or a containment match would need (LSH banding lets through pairs below its threshold)."""
    estimate = np.count_nonzero(a_hashes == b_hashes) / len(a_hashes)
    short, long_ = sorted((a_words, b_words))
    # a copy holding MIN_CONTAINMENT of the shorter text has at least this Jaccard
    needed = MIN_CONTAINMENT * short / max(long_ + short - MIN_CONTAINMENT * short, 1)
    return estimate >= min(MIN_JACCARD, needed) - ESTIMATE_SLACK


def _confirmed(cache: _ShingleCache, a: Item, b: Item) -> float | None:
    """Exact check of an LSH candidate: containment for truncated copies, else Jaccard."""
    sa, sb = _cached_shingles(cache, a), _cached_shingles(cache, b)
    if not sa or not sb:
        return None
    common = len(sa & sb)
    containment = common / min(len(sa), len(sb))
    jaccard = common / len(sa | sb)
    if containment >= MIN_CONTAINMENT or jaccard >= MIN_JACCARD:
        return round(max(containment, jaccard), 3)
    return None


class _ShingleCache(dict):
    """The shingle sets of the most recently checked articles: bounded, so memory stays flat."""

    def remember(self, key: str, value: set[str]) -> set[str]:
        if len(self) >= SHINGLE_CACHE:
            del self[next(iter(self))]
        self[key] = value
        return value


def _cached_shingles(cache: _ShingleCache, item: Item) -> set[str]:
    return cache.get(item.id) or cache.remember(item.id, shingles(item.text))


def _original_rank(item: Item) -> tuple[int, str, int]:
    """Earliest full date first; then the longest text."""
    full_date = item.published if item.published and len(item.published) == 10 and item.published[0] != "-" else None
    return (0 if full_date else 1, full_date or "", -len(item.text))


def _find(parent: dict[str, str], x: str) -> str:
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def _union(parent: dict[str, str], a: str, b: str) -> None:
    parent[_find(parent, a)] = _find(parent, b)
