"""Semantic search over statements: cosine similarity of stored quote vectors to the query.

Vectors are the ones the corpus stages stored (``vectors`` table, stage
``embeddings.NAME``). Statements without a stored vector are embedded here,
at most ``MAX_EMBEDDED_HERE`` of them, and kept in memory only (the server is
read-only), so a freshly analysed small corpus is searchable at once. The
matrix is rebuilt when the store's statements or vectors change.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import numpy as np

from .. import embeddings
from ..store import Store, views

MAX_EMBEDDED_HERE = 5000


@dataclass(slots=True)
class Matrix:
    key: tuple[int, int]
    ids: list[str]
    vectors: np.ndarray  # (n, 384) float32, unit rows; ids[i] is the statement of row i


class SemanticIndex:
    def __init__(self) -> None:
        self._matrix: Matrix | None = None
        self._lock = threading.Lock()

    def rank(self, store: Store, query: str, allowed: set[str] | None = None) -> list[tuple[str, float]]:
        """Every statement with a vector, most similar first, as (quote id, cosine)."""
        matrix = self._current(store)
        if not matrix.ids:
            return []
        scores = matrix.vectors @ embeddings.embed([query])[0]
        order = np.argsort(-scores, kind="stable")
        best: dict[str, float] = {}  # a statement may have several vectors (one per part): its best one counts
        for i in order:
            qid = matrix.ids[i]
            if qid not in best and (allowed is None or qid in allowed):
                best[qid] = float(scores[i])
        return list(best.items())

    def _current(self, store: Store) -> Matrix:
        key = _version(store)
        with self._lock:
            if self._matrix is None or self._matrix.key != key:
                self._matrix = _build(store, key)
            return self._matrix


def _version(store: Store) -> tuple[int, int]:
    row = store.db.execute("SELECT (SELECT max(rowid) FROM quotes), (SELECT max(rowid) FROM vectors)").fetchone()
    return (row[0] or 0, row[1] or 0)


def _build(store: Store, key: tuple[int, int]) -> Matrix:
    stored_ids, blobs = views.vectors_with_ids(store, "quote", embeddings.NAME)
    # a blob holds one or more 384-d float32 rows
    rows = [np.frombuffer(b, dtype=np.float32).reshape(-1, embeddings.DIMENSIONS) for b in blobs]
    ids = [qid for qid, r in zip(stored_ids, rows) for _ in range(len(r))]
    stored = np.vstack(rows) if rows else np.zeros((0, embeddings.DIMENSIONS), dtype=np.float32)
    missing = views.quote_texts_without_vectors(store, embeddings.NAME, MAX_EMBEDDED_HERE)
    if missing:
        fresh = embeddings.embed([text for _, text in missing])
        ids = ids + [qid for qid, _ in missing]
        stored = np.vstack([stored, fresh])
    return Matrix(key, ids, np.ascontiguousarray(stored, dtype=np.float32))
