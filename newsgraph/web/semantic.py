"""Semantic search over statements: cosine similarity of stored quote vectors to the query.

Vectors are the ones ``analyze`` stored (``vectors`` table, stage
``embeddings.NAME``; a blob holds one 384-d row or several). A store with no
statement vectors at all (made before the embedding stage) has its first
``MAX_EMBEDDED_HERE`` statements embedded here on the first query and kept in
memory only (the server is read-only): about 50 statements a second on two
cores. The matrix is rebuilt when the store's statements or vectors change.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import numpy as np

from .. import embeddings
from ..store import Store, views

MAX_EMBEDDED_HERE = 1000


@dataclass(slots=True)
class Matrix:
    key: tuple[int, int]
    ids: list[str]  # one per statement
    vectors: np.ndarray  # (rows, 384) float32, unit rows
    row_owner: np.ndarray  # (rows,) index into ids of each row's statement


class SemanticIndex:
    def __init__(self) -> None:
        self._matrix: Matrix | None = None
        self._lock = threading.Lock()

    def rank(self, store: Store, query: str, allowed: set[str] | None, offset: int,
             limit: int) -> tuple[list[tuple[str, float]], int]:
        """A page of statements, most similar first, as (quote id, cosine), and how many were ranked."""
        matrix = self._current(store)
        if not matrix.ids:
            return [], 0
        row_scores = matrix.vectors @ embeddings.embed([query])[0]
        best = np.full(len(matrix.ids), -np.inf, dtype=np.float32)
        np.maximum.at(best, matrix.row_owner, row_scores)  # a statement's best vector counts
        if allowed is not None:
            best[~np.fromiter((qid in allowed for qid in matrix.ids), dtype=bool, count=len(matrix.ids))] = -np.inf
        total = int(np.isfinite(best).sum())
        wanted = min(offset + limit, total)
        if wanted <= 0:
            return [], total
        top = np.argpartition(-best, wanted - 1)[:wanted]
        top = top[np.argsort(-best[top], kind="stable")][offset:]
        return [(matrix.ids[i], float(best[i])) for i in top], total

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
    owner = [i for i, r in enumerate(rows) for _ in range(len(r))]
    ids = list(stored_ids)
    stored = np.vstack(rows) if rows else np.zeros((0, embeddings.DIMENSIONS), dtype=np.float32)
    missing = [] if blobs else views.quote_texts(store, MAX_EMBEDDED_HERE)
    if missing:
        stored = embeddings.embed([text for _, text in missing])
        ids, owner = [qid for qid, _ in missing], list(range(len(missing)))
    return Matrix(key, ids, np.ascontiguousarray(stored, dtype=np.float32), np.asarray(owner, dtype=np.int64))
