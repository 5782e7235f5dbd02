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
    cache: dict[str, set[str]] = {}
    for item in items:
        minhash = _minhash(item.signature or signature(item.text))
        for other in lsh.query(minhash):
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


def _confirmed(cache: dict[str, set[str]], a: Item, b: Item) -> float | None:
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


def _cached_shingles(cache: dict[str, set[str]], item: Item) -> set[str]:
    if item.id not in cache:
        cache[item.id] = shingles(item.text)
    return cache[item.id]


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
