"""The NLP stage: the packaged pipeline, with its attribute ruler looked up by index."""

from __future__ import annotations

import pytest

from newsgraph.stages import nlp

from .conftest import EXAMPLES, SEEDS

# Contractions, "gonna", a lone quote mark and extra spaces reach the ruler's
# two-token and whitespace patterns, which the index leaves to the Matcher.
HARD_CASES = (
    "Ain't nobody gonna sell the port, she said.  \"We ain't done,\" he added.\n\n"
    "I'm sure you'd agree: they're not wanna-be ministers. Y'all know that's gotta change."
)


@pytest.fixture(scope="module")
def reference():
    """The packaged pipeline as spaCy loads it, with the same paragraph breaks."""
    import spacy

    nlp.load()
    pipeline = spacy.load(nlp.MODEL)
    pipeline.add_pipe("newsgraph_paragraph_breaks", before="parser")
    return pipeline


def _annotations(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_) for t in doc]


def test_the_pipeline_uses_the_indexed_ruler():
    names = nlp.load().pipe_names
    assert "attribute_ruler" not in names
    assert names.index("newsgraph_indexed_attribute_ruler") < names.index("lemmatizer")


def test_indexed_ruler_annotates_as_spacys_own(reference):
    texts = [HARD_CASES] + [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    if SEEDS.is_dir():
        texts += [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*")) if p.suffix in {".txt", ".html"}]
    ours = [_annotations(d) for d in nlp.parse(texts)]
    theirs = [_annotations(d) for d in reference.pipe(texts)]
    assert sum(len(d) for d in ours) > 5_000
    for text, a, b in zip(texts, ours, theirs):
        assert a == b, text[:80]


def test_the_ruler_sets_pos_and_lemmas_of_contractions():
    doc = next(nlp.parse(["We ain't gonna sell."]))
    assert [(t.text, t.pos_, t.lemma_) for t in doc][1:5] == [
        ("ai", "AUX", "be"), ("n't", "PART", "not"), ("gon", "VERB", "go"), ("na", "PART", "to")]
