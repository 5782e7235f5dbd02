"""General resources read from ``resources/lexicon.toml``: the outlet
gazetteer, navigation lines, highlight labels, speech verbs, role nouns and
venue words. Loaded once."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class Lexicon:
    outlet_by_alias: dict[str, str]  # casefolded alias → canonical name
    navigation: frozenset[str]  # casefolded whole lines
    highlight_labels: frozenset[str]
    kickers: frozenset[str] = frozenset()  # casefolded: "exclusive", "analysis"
    speech_verbs: frozenset[str] = frozenset()
    manner_verbs: frozenset[str] = frozenset()  # "“…,” beamed Lind": cues only signing a quotation
    phrasal_particles: dict[str, str] = field(default_factory=dict)  # verb → required particle
    object_verbs: frozenset[str] = frozenset()
    speech_nouns: frozenset[str] = frozenset()
    noun_objects: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "criticism of": noun → prepositions
    infinitive_nouns: frozenset[str] = frozenset()  # "her vow to cut the levy": the infinitive is the content
    evidence_verbs: frozenset[str] = frozenset()  # cues only with a finite clause
    evidence_sources: frozenset[str] = frozenset()  # … or with one of these as subject
    attitude_verbs: frozenset[str] = frozenset()  # report a view, not words
    stance_verbs: frozenset[str] = frozenset()  # "supports the levy": a stance, never a cue
    refusal_verbs: frozenset[str] = frozenset()  # "declined to comment": an answer that says nothing
    request_verbs: frozenset[str] = frozenset()  # "pressed Lenz to resign": a statement only with whom and what
    view_verbs: frozenset[str] = frozenset()  # "sees the levy as a lifeline": a view, with "as" only
    topic_verbs: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "talked about": verb → prepositions
    attitude_adjectives: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "critical of": adjective → prepositions
    hedge_verbs: frozenset[str] = frozenset()  # "seemed to waver": the writer's hedge, no source
    hedge_passives: frozenset[str] = frozenset()  # "is expected to pass": a hedge in the passive only
    hedge_adverbs: frozenset[str] = frozenset()  # "reportedly met the board"
    lemma_fixes: dict[str, str] = field(default_factory=dict)  # word form → the verb it is
    role_nouns: frozenset[str] = frozenset()
    generic_roles: frozenset[str] = frozenset()
    anonymity: tuple[str, ...] = ()  # "who asked not to be named": a source speaking without its name
    role_abbreviations: dict[str, str] = field(default_factory=dict)  # "sen" → "senator"
    group_nouns: frozenset[str] = frozenset()  # "voters", "critics": people taken together
    offices: frozenset[str] = frozenset()  # roles one person holds one of ("senator", "governor")
    venue_nouns: frozenset[str] = frozenset()
    organisation_nouns: frozenset[str] = frozenset()
    document_nouns: frozenset[str] = frozenset()
    role_phases: dict[str, frozenset[str]] = field(default_factory=dict)  # phase → marker words
    stop_words: frozenset[str] = frozenset()
    negators: frozenset[str] = frozenset()
    negation_window: int = 4
    stance_against: frozenset[str] = frozenset()
    stance_for: frozenset[str] = frozenset()
    retrospective: tuple[str, ...] = ()  # regular expressions, case-insensitive
    retrospective_window: int = 6  # words either side that name what is looked back at
    frames: dict[str, tuple[frozenset[str], ...]] = field(default_factory=dict)  # frame → word classes

    def role_of(self, word: str) -> str | None:
        """The role a word names: "minister" → "minister", "Sen." → "senator", "Florida" → None."""
        word = word.lower()
        role = self.role_abbreviations.get(word[:-1]) if word.endswith(".") else None
        return role or (word if word in self.role_nouns else None)

    def canonical_outlet(self, name: str) -> str | None:
        return self.outlet_by_alias.get(" ".join(name.split()).casefold())


# Generational suffixes: part of a name, never its surname ("Harry B. Harris Jr." is a Harris).
NAME_SUFFIXES = frozenset({"jr.", "jr", "sr.", "sr", "ii", "iii", "iv"})


def name_parts(name: str) -> tuple[list[str], str, list[str]]:
    """"Harry B. Harris Jr." → (["Harry", "B."], "Harris", ["Jr."]): the words before the surname,
    the surname (the last word that is not a generational suffix) and the suffixes."""
    words = name.split()
    end = len(words)
    while end > 1 and words[end - 1].lower().rstrip(",") in NAME_SUFFIXES:
        end -= 1
    return words[:end - 1], words[end - 1], words[end:]


def surname_of(name: str) -> str:
    """"Harry B. Harris Jr." → "Harris"."""
    return name_parts(name)[1]


# Days and months say when, not what: no story is labelled "friday".
CALENDAR_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december week month year today yesterday".split())


@cache
def lexicon() -> Lexicon:
    text = resources.files("newsgraph").joinpath("resources/lexicon.toml").read_text(encoding="utf-8")
    table = tomllib.loads(text)
    from spacy.lang.en.stop_words import STOP_WORDS  # spaCy's list; imported here as spaCy is heavy
    by_alias = {}
    for canonical, aliases in table["outlets"].items():
        for alias in [canonical, *aliases]:
            by_alias[alias.casefold()] = canonical
    return Lexicon(
        outlet_by_alias=by_alias,
        navigation=frozenset(x.casefold() for x in table["navigation"]["lines"]),
        highlight_labels=frozenset(x.casefold() for x in table["highlights"]["labels"]),
        kickers=frozenset(x.casefold() for x in table["highlights"]["kickers"]),
        speech_verbs=frozenset(table["speech"]["verbs"]) | frozenset(table["speech"]["evidence_verbs"]),
        manner_verbs=frozenset(table["speech"]["manner_verbs"]),
        phrasal_particles=dict(table["speech"]["phrasal"]),
        object_verbs=frozenset(table["speech"]["object_verbs"]),
        speech_nouns=frozenset(table["speech"]["nouns"]),
        noun_objects={noun: tuple(preps) for noun, preps in table["speech"]["noun_objects"].items()},
        infinitive_nouns=frozenset(table["speech"]["infinitive_nouns"]),
        evidence_verbs=frozenset(table["speech"]["evidence_verbs"]),
        evidence_sources=frozenset(table["speech"]["evidence_sources"]),
        attitude_verbs=frozenset(table["speech"]["attitude_verbs"]),
        stance_verbs=frozenset(table["speech"]["stance_verbs"]),
        refusal_verbs=frozenset(table["speech"]["refusal_verbs"]),
        request_verbs=frozenset(table["speech"]["request_verbs"]),
        view_verbs=frozenset(table["speech"]["view_verbs"]),
        topic_verbs={verb: tuple(preps) for verb, preps in table["speech"]["topic_verbs"].items()},
        attitude_adjectives={word: tuple(preps) for word, preps in table["speech"]["attitude_adjectives"].items()},
        hedge_verbs=frozenset(table["speech"]["hedge_verbs"]),
        hedge_passives=frozenset(table["speech"]["hedge_passives"]),
        hedge_adverbs=frozenset(table["speech"]["hedge_adverbs"]),
        lemma_fixes=dict(table["lemmas"]["fixes"]),
        role_nouns=frozenset(table["roles"]["nouns"]),
        generic_roles=frozenset(table["roles"]["generic"]),
        anonymity=tuple(table["roles"]["anonymity"]),
        role_abbreviations=dict(table["roles"]["abbreviations"]),
        group_nouns=frozenset(table["roles"]["groups"]),
        offices=frozenset(table["roles"]["offices"]),
        venue_nouns=frozenset(table["venues"]["nouns"]),
        organisation_nouns=frozenset(table["organisations"]["nouns"]),
        document_nouns=frozenset(table["organisations"]["documents"]),
        role_phases={phase: frozenset(words) for phase, words in table["role_phases"].items()},
        stop_words=frozenset(STOP_WORDS) | CALENDAR_WORDS | {"said", "says", "told", "according", "mr", "ms", "mrs"},
        negators=frozenset(table["stance"]["negators"]),
        negation_window=table["stance"]["negation_window"],
        stance_against=frozenset(table["stance"]["against"]),
        stance_for=frozenset(table["stance"]["for"]),
        retrospective=tuple(table["retrospective"]["patterns"]),
        retrospective_window=table["retrospective"]["window"],
        frames={name: tuple(frozenset(entry.casefold() for entry in cls) for cls in classes)
                for name, classes in table["frames"].items()},
    )
