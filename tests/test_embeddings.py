"""Sentence embeddings from the packaged int8 MiniLM, offline."""

from __future__ import annotations

import numpy as np

from newsgraph.embeddings import DIMENSIONS, embed


def test_embeddings_paraphrases_are_closer_than_unrelated_sentences():
    vectors = embed(["It will take time to restore relations.", "Relations cannot be fixed overnight.",
                     "The flood cut off the northern town.", ""])
    assert vectors.shape == (4, DIMENSIONS)
    assert np.allclose(np.linalg.norm(vectors[:3], axis=1), 1.0, atol=1e-4)
    similar, unrelated = float(vectors[0] @ vectors[1]), float(vectors[0] @ vectors[2])
    assert similar > unrelated + 0.3


def test_embeddings_are_deterministic_and_batch_independent():
    texts = [f"Dock workers in Vestra stayed out for day {n}." for n in range(40)]
    assert np.allclose(embed(texts, batch_size=7)[:5], embed(texts[:5]), atol=1e-5)
    assert embed([]).shape == (0, DIMENSIONS)


def test_embeddings_keep_the_order_given_when_batching_by_length():
    texts = ["A much longer sentence about the dockers' strike at the Port of Vestra and the cranes.",
             "Short one.", "", "A middling sentence about gas."]
    texts += texts[:2]  # repeated texts are embedded once and returned in every place
    together = embed(texts, batch_size=2)
    alone = np.vstack([embed([t]) for t in texts])
    assert np.allclose(together, alone, atol=1e-5)
