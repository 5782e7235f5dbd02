"""Summaries: per story, a few sentences taken from its articles, each citing
the article and the offsets it comes from (extractive: nothing is reworded).

Sentences are scored by the story's key terms they hold, with a bonus for
the lead of an article (news puts the essentials first); a sentence too
close to one already chosen (another outlet's copy) is skipped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from ..models import Cited

NAME = "newsgraph.summarize.extractive.v1"
SENTENCES = 3
LEAD_SENTENCES = 2
LEAD_BONUS = 1.0
MAX_SIMILAR = 70.0  # rapidfuzz token-set ratio above which two sentences say the same
SENTENCE = re.compile(r"[^.!?…\n]+(?:[.!?…]+[”\"’']?|$)")
BODY_KINDS = frozenset({"standfirst", "body"})


@dataclass(frozen=True, slots=True)
class Source:
    article_id: str
    text: str  # the article's source text: what offsets point into
    segments: Sequence[Sequence]  # [kind, start, end, rule]


def candidate_sentences(source: Source) -> list[tuple[int, int, int]]:
    """(start, end, rank in the article) of each body sentence."""
    out: list[tuple[int, int, int]] = []
    for kind, start, end, *_ in source.segments:
        if kind not in BODY_KINDS:
            continue
        for match in SENTENCE.finditer(source.text, start, end):
            s, e = _strip(source.text, match.start(), match.end())
            if len(source.text[s:e].split()) >= 6:
                out.append((s, e, len(out)))
    return out


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def summarize(sources: Sequence[Source], keywords: Sequence[str]) -> tuple[Cited, ...]:
    terms = [k.lower() for k in keywords]
    scored = []
    for source in sources:
        for start, end, rank in candidate_sentences(source):
            sentence = source.text[start:end]
            lowered = sentence.lower()
            score = sum(1.0 for t in terms if t in lowered) + (LEAD_BONUS if rank < LEAD_SENTENCES else 0.0)
            scored.append((score, -rank, source.article_id, start, end, sentence))
    scored.sort(key=lambda item: (-item[0], -item[1]))
    chosen: list[Cited] = []
    for score, _, article_id, start, end, sentence in scored:
        if any(fuzz.token_set_ratio(sentence, c.text) > MAX_SIMILAR for c in chosen):
            continue
        chosen.append(Cited(" ".join(sentence.split()), article_id, start, end, NAME))
        if len(chosen) == SENTENCES:
            break
    return tuple(chosen)
