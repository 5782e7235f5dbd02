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
    pipeline.add_pipe("newsgraph_lemma_fixes", after="lemmatizer")
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


def test_the_lemma_fixes_give_hope_back_its_lemma_and_leave_hop_alone():
    doc = next(nlp.parse(["Mayor Varga hopes the port reopens; she hoped so in May, hoping for calm. The frogs hopped."]))
    assert [(t.text, t.lemma_) for t in doc if t.pos_ == "VERB"] == [
        ("hopes", "hope"), ("reopens", "reopen"), ("hoped", "hope"), ("hoping", "hope"), ("hopped", "hop")]


def _regular_forms(verb: str) -> list[str]:
    if verb.endswith("e"):
        return [verb + "s", verb + "d", verb[:-1] + "ing"]
    if verb.endswith("y") and verb[-2] not in "aeiou":
        return [verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"]
    return [verb + ("es" if verb.endswith(("s", "sh", "ch", "x", "z")) else "s"), verb + "ed", verb + "ing"]


def test_every_lexicon_verb_comes_back_from_its_regular_forms():
    """The attribution rules look verbs up by lemma: a form the lemmatizer reduces to another verb
    ("hopes" → "hop") would never be a cue. Irregular verbs (say, tell) come from spaCy's own tables."""
    from newsgraph.lexicon import lexicon

    lex = lexicon()
    irregular = {"say", "tell", "write", "think", "feel", "go", "shoot", "fire", "sing", "find", "mean", "speak",
                 "see", "know", "forecast"}
    verbs = sorted((lex.speech_verbs | lex.object_verbs | lex.stance_verbs | lex.attitude_verbs
                    | lex.request_verbs | lex.view_verbs | set(lex.topic_verbs) | lex.hedge_verbs
                    | lex.hedge_passives) - irregular)
    forms = [(verb, form) for verb in verbs if " " not in verb for form in _regular_forms(verb)]
    docs = nlp.parse([f"The official {form} that the port was closed." for _, form in forms])
    wrong = [(form, doc[2].lemma_) for (verb, form), doc in zip(forms, docs)
             if doc[2].pos_ in ("VERB", "AUX") and doc[2].lemma_ != verb]
    assert wrong == []


def test_the_analysis_text_reads_no_break_spaces_as_spaces_and_the_source_words_come_back():
    source = "Wren said,\u00a0“We will\u00a0stay.”\nAdvertisement"
    text = nlp.analysis_text(source, [("body", 0, source.index("\n"))])
    assert len(text) == len(source) and "\u00a0" not in text and text.endswith("\n" + " " * 13)
    assert [t.text for t in nlp.parse([text]).__next__()][:4] == ["Wren", "said", ",", "“"]
    start = source.index("We")
    words = text[start:start + 12]
    assert words == "We will stay" and nlp.as_in_source(words, source, start) == "We will\u00a0stay"


def test_a_closing_mark_run_into_the_next_word_is_split_off():
    """"… higher wages,"Mira Varga said": the stop, the mark and the name are three tokens, so the
    parser sees the name as the cue's subject."""
    doc = nlp.load()('Dockers want higher wages,"Mira Varga said. "We win!”Former mayor Lind agreed.')
    words = [t.text for t in doc]
    assert words[3:8] == ["wages", ",", '"', "Mira", "Varga"]
    assert ["win", "!", "”", "Former"] == words[words.index("win"):words.index("win") + 4]
