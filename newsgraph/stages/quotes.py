"""Quotes: direct, mixed and indirect statements with speaker, cue, venue, date.

Rules over the dependency parse and the quotation marks, in four passes:

1. quotation marks → quoted spans (curly, straight and British single marks;
   a mark left open at a paragraph's end continues in the next paragraph);
2. cue verbs ("said", "told", "pointed out", …) with a speaker as subject and
   a clause as content → statements; a quoted span the clause touches joins
   the content; "according to X" and a headline's "— Name" too;
3. quoted spans no cue has claimed → attributed to a cue next to them
   ("“…,” he said", "X said: “…”", "X called it “…”"), to the subject of any
   clause a colon ends ("X gloated: “…”"), to a named person whose doing
   the sentence just before tells ("Betsy shook her head. “…”"), or
   continuing the previous speaker's words in the same or a following
   paragraph; otherwise they are titles, names or scare quotes and are left
   out;
4. the speaker mention is resolved: names to the article's fullest form that
   agrees with their first name ("Jeb Bush" never becomes "George W. Bush"),
   a bare surname two people share to the one named first, pronouns to the
   latest person who was the subject of a sentence, role nouns to the person
   the article gave that role ("Sen." and other short titles count); plural
   roles ("officials said"), roles held for someone else ("the minister's
   spokesman") and other unnamed sources stay unnamed. A statement whose
   speaker cannot be resolved has speaker None.

Kind follows the share of the content inside quotation marks: ≥ 90 %
direct, some mixed, none indirect.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from itertools import accumulate, takewhile
from typing import TYPE_CHECKING

from ..lexicon import CALENDAR_WORDS, lexicon, name_parts, surname_of
from ..models import PersonMention, Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

NAME = "newsgraph.quotes.rules.v1"
OPENERS = {"“": "”", "«": "»", "„": "”"}
CLOSERS = {"”", "»"}
PRONOUNS = {"he", "she", "they", "him", "her"}
ACCUSATIVES = {"him", "them", "me", "us"}
RELATIVE_PRONOUNS = {"who", "whom", "which", "that"}
THINGS = {"something", "anything", "everything"}  # pronouns that never speak
POSSESSIVES = {"his": "he", "their": "they"}  # "her" is in PRONOUNS; "its" goes with "it"
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
MIN_STATEMENT_WORDS = 3


@dataclass(slots=True)
class Marked:
    """A stretch of text inside quotation marks (content, without the marks)."""

    start: int
    end: int
    parts: list[tuple[int, int]] = field(default_factory=list)
    claimed: bool = False
    typed_single: bool = False  # 'like this' in plain text: a statement only with a cue of its own


@dataclass(slots=True)
class Found:
    """A statement under construction."""

    start: int
    end: int
    rule: str
    confidence: float
    parts: list[tuple[int, int]] = field(default_factory=list)
    cue: Token | None = None
    speaker: Span | None = None
    source: Token | None = None  # the grammatical source when it is not the speaker's name ("who")
    speaker_text: str | None = None  # for speakers that are not spans (continuations)
    speaker_kind: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    venue: str | None = None
    said_when: str | None = None


def _tokens(doc: Doc) -> list[Token]:
    """The document's tokens, made once: iterating a ``Doc`` creates every Token anew."""
    cached = doc.user_data.get("newsgraph_tokens")
    if cached is None:
        cached = doc.user_data["newsgraph_tokens"] = list(doc)
    return cached


def _text(doc: Doc) -> str:
    """``doc.text`` rebuilds the string on every call: keep it once per document."""
    cached = doc.user_data.get("newsgraph_text")
    if cached is None:
        cached = doc.user_data["newsgraph_text"] = doc.text
    return cached


# --- 1. quotation marks ------------------------------------------------------------

def quoted_spans(text: str) -> list[Marked]:
    spans: list[Marked] = []
    carried: Marked | None = None  # a quote left open at the end of the previous paragraph
    second_half = False  # … after another quotation of its paragraph (“A,” he said. “B …)
    for para in re.finditer(r"[^\n]+", text):
        opened, found = _marks_in_paragraph(text, para.start(), para.end())
        if carried is not None:
            first = found[0] if found else None
            if first is not None and _opener(text, first) <= para.start() + _lead_space(para.group()) \
                    and not (second_half and _signed_by_a_comma(text, first)):
                first.parts = carried.parts + (first.parts or [(first.start, first.end)])
                first.start = carried.start
            else:  # never reopened: the quote ends where its paragraph ended
                spans.append(carried)
        spans.extend(found)
        carried = opened
        second_half = any(m.start < opened.start for m in found if m is not opened) if opened else False
        if carried is not None and found and found[-1] is carried:
            spans.pop()
    if carried is not None:
        spans.append(carried)
    return Quotations(sorted(spans, key=lambda m: m.start))


def _signed_by_a_comma(text: str, m: Marked) -> bool:
    """“A,” he said. “B …¶“C,” he said with a grin. “D.”: a quotation that opens a paragraph and
    ends with a comma is left open for an attribution of its own, so after a split quotation (A + B)
    it starts a statement (C + D), and the quote left open above ended with its paragraph. (A quote
    that opened its paragraph alone goes on: “B …¶“C,” Halden said. is Halden's B + C.)"""
    return _marked_words(text, m).endswith(",")


def _marked_words(text: str, m: Marked) -> str:
    """The words of quotation ``m`` without trailing marks: what they end with (“…,” left open for a cue)."""
    return text[m.start:m.end].rstrip(" ”\"'’")


class Quotations(list):
    """A text's quotations in order, with their pieces indexed: whether an offset lies inside one
    is asked for nearly every token, so it is a binary search, not a scan."""

    def __init__(self, spans: list[Marked]) -> None:
        super().__init__(spans)
        pieces = sorted(p for m in spans for p in (m.parts or [(m.start, m.end)]))
        self.starts = [start for start, _ in pieces]
        # the furthest end among the pieces opened so far: an offset is inside a piece exactly
        # when some piece opened at or before it ends after it
        self.reach = list(accumulate((end for _, end in pieces), max))

    def covers(self, offset: int) -> bool:
        i = bisect_right(self.starts, offset) - 1
        return i >= 0 and self.reach[i] > offset


def _lead_space(paragraph: str) -> int:
    return len(paragraph) - len(paragraph.lstrip())


def _marks_in_paragraph(text: str, start: int, end: int) -> tuple[Marked | None, list[Marked]]:
    """Quoted spans of one paragraph, and the one left open at its end (if any).

    Copy often mixes styles (“…", "…”, “…“ from a keyboard and a converter); a mark
    that stands where a closing mark stands (after a word, before a space or a
    stop) closes whatever is open, one that stands where an opening mark stands
    opens, or, inside a quotation, begins a nested one (“He said "no" to me”)."""
    found: list[Marked] = []
    open_at: int | None = None
    nested = False
    i = start
    while (mark := MARK_CHARACTER.search(text, i, end)) is not None:  # other characters change nothing
        i = mark.start()
        ch, width = text[i], 1
        if text.startswith("'" * 3, i) and open_at is not None:
            i += 1  # ''… with 'We'll go,''' said X: a single closing mark, then the double one
            continue
        if text.startswith("''", i) or text.startswith("``", i):  # NYT style: ''like this''
            ch, width = '"', 2
        if ch in DOUBLE_MARKS:
            closing = _looks_closing(text, i, width, start, end)
            if open_at is None:
                if not (closing and ch in CLOSERS):  # a stray closing mark opens nothing
                    open_at, nested = i, False
            elif closing and nested:
                nested = False
            elif closing or ch in CLOSERS or _closes_without_space(text, i, width, end):
                inner, close = open_at + _mark_width(text, open_at), _rstrip(text, open_at, i)
                found.append(Marked(inner, close, [(inner, close)]))
                open_at = None
            else:
                nested = True
        i += width
    if not found and open_at is None:
        found, open_at = _single_marked(text, start, end)
    left_open = None
    if open_at is not None and end - open_at > 20:
        inner = open_at + _mark_width(text, open_at)
        left_open = Marked(inner, _rstrip(text, inner, end), [(inner, _rstrip(text, inner, end))])
        found.append(left_open)
    return left_open, found


DOUBLE_MARKS = set(OPENERS) | CLOSERS | {'"'}
MARK_CHARACTER = re.compile("[" + re.escape("".join(DOUBLE_MARKS)) + "'`]")


def _looks_closing(text: str, at: int, width: int, start: int, end: int) -> bool:
    """After a word or a stop and before a space, a stop or the end: where a closing mark stands."""
    before = text[at - 1] if at > start else " "
    after = text[at + width] if at + width < end else " "
    # a stray space before the mark: “… doing this, " Trump said”, “… says, 'We keep it,' " said Fiorina”
    if before == " " and at - 2 >= start and _ends_a_quoted_sentence(text, at - 1):
        before = text[at - 2]
    return not before.isspace() and before not in "([—–-" and (after.isspace() or after in ".,;:!?)—–-…")


def _closes_without_space(text: str, at: int, width: int, end: int) -> bool:
    """“…, even after the new figures,"Mira Varga said”: a straight mark after a comma or a stop,
    run into the capital of the next word, is a closing mark that lost its space."""
    return at + width < end and text[at - 1] in ",.!?" and text[at + width].isupper()


def _ends_a_quoted_sentence(text: str, space: int) -> bool:
    """Before the space: a comma or stop, or a closing single mark after one (", '")."""
    last = text[space - 1]
    return last in ",.!?" or last in "'’" and space >= 2 and text[space - 2] in ",.!?"


def _mark_width(text: str, at: int) -> int:
    return 2 if text.startswith(("''", "``"), at) else 1


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


SINGLE_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))‘(?=\w)")
# Plain-text copy types the same mark for both sides ('We will stay,' he said): it opens before a
# letter (not "the '90s") and closes as the curly one does; "don't" and "O'Brien" are neither
# (two letters at least: "In 't Veld" is a name); never in copy that writes its quotations ''…''
# (NYT style), where a single mark is the nested quotation or an apostrophe
STRAIGHT_SINGLE_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))'(?=[A-Za-z]{2})")


def _single_marked(text: str, start: int, end: int) -> tuple[list[Marked], int | None]:
    """British single marks, told apart from apostrophes (don’t, dockers’); and where
    a quotation opened but not closed in this paragraph begins. Curly marks first, then
    straight ones."""
    for opener, closer in ((SINGLE_OPEN, "’"), (STRAIGHT_SINGLE_OPEN, "'")):
        if closer == "'" and "''" in text:
            break
        found, left_open = _single_pairs(text, start, end, opener, closer)
        if found or left_open is not None:
            return found, left_open
    return [], None


def _single_pairs(text: str, start: int, end: int, opener: re.Pattern[str], closer: str) -> tuple[list[Marked], int | None]:
    found = []
    paragraph = text[start:end]
    position = 0
    while (m := opener.search(paragraph, position)) is not None:
        close = _single_close(paragraph, m.end(), closer)
        if close is None:
            return found, start + m.start()
        found.append(Marked(start + m.end(), start + close, [(start + m.end(), start + close)],
                            typed_single=closer == "'"))
        position = close + 1
    return found, None


def _single_close(paragraph: str, begin: int, closer: str = "’") -> int | None:
    candidates = [i for i in range(begin, len(paragraph)) if paragraph[i] == closer
                  and not (i + 1 < len(paragraph) and paragraph[i + 1].isalpha() and paragraph[i - 1].isalpha())]
    for i in candidates:  # a closing mark after punctuation is the safest
        if paragraph[i - 1] in ",.!?…;:":
            return i
    for i in candidates:  # then one before punctuation, unless it may be a plural possessive ("dockers’ union")
        if i + 1 == len(paragraph) or paragraph[i + 1] in ",.;:!? ":
            if not paragraph[i - 1] == "s" or paragraph[i + 1:i + 2] != " ":
                return i
    return candidates[0] if candidates else None


# --- 2. cue verbs and their clauses ----------------------------------------------------

def is_cue(token: Token) -> bool:
    lex = lexicon()
    lemma = token.lemma_.lower()
    if lemma == "put" and token.pos_ == "VERB":  # "organisers put the figure at 20,000": an estimate
        objects = [c for c in token.children if c.dep_ == "dobj"]
        if any(c.lower_ == "it" for c in objects):
            return True  # "as the senator put it", "Rosenthal put it this way: “…”"
        return any(c.dep_ == "prep" and c.lower_ == "at" for c in token.children) and bool(objects)
    if _inverted_said(token):
        return True
    if token.pos_ not in ("VERB", "AUX") or (lemma not in lex.speech_verbs and lemma not in lex.object_verbs):
        return False
    if lemma == "conclude" and any(c.dep_ == "prep" and c.lower_ == "with" for c in token.children):
        return False  # "the spot concludes with footage of …": it ends, it says nothing
    if any(c.dep_ == "auxpass" for c in token.children) and not _has_taken_for_is(token):
        return False  # "will be written into the contract", "it was announced": no speaker speaks
    if _names_a_thing(token):
        return False  # "an account called “Harbour Truth”": a name
    if _would_speak(token):
        return False
    if _purpose_of_speaking(token):
        return False
    if _supposed(token) or _said_by_nobody(token) or _belief_before_the_fact(token):
        return False
    particle = lex.phrasal_particles.get(token.lemma_.lower())
    if particle:  # (the tagger may read it as an adverb right after the verb: "fired back that …")
        return any(c.lower_ == particle and (c.dep_ == "prt" or c.dep_ == "advmod" and c.i == token.i + 1)
                   for c in token.children)
    return True


def _has_taken_for_is(verb: Token) -> bool:
    """"He's said he gets his ideas from …": the parser took "'s" (has) for "is", a passive; with a
    person as subject and a clause of its own subject after it, it is "has said"."""
    aux = next((c for c in verb.children if c.dep_ == "auxpass"), None)
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    return aux is not None and aux.lower_ in ("'s", "’s") and verb.tag_ in ("VBD", "VBN") \
        and subject is not None and subject.lower_ in ("he", "she") \
        and any(c.dep_ == "ccomp" and c.i > verb.i and any(g.dep_ == "nsubj" for g in c.children) for c in verb.children)


def _names_a_thing(token: Token) -> bool:
    """"an account called “Harbour Truth”", "a plan dubbed “Clean Quays”": a naming verb as a
    participle right after its noun, with no one by whom, gives the thing's name, nobody's words."""
    return token.lemma_.lower() in NAMING_VERBS and token.dep_ == "acl" and token.tag_ == "VBN" \
        and token.i == token.head.i + 1 and not any(c.dep_ in ("agent", "nsubj") for c in token.children)


CONDITIONAL_MODALS = {"would", "'d", "’d", "could", "might", "should"}


def _would_speak(token: Token) -> bool:
    """"Halden says he'd sit them down and tell them “no more delays”": speech under a conditional,
    inside someone's reported speech, is imagined, not said (the modal may hang on the first of two
    joined verbs). "Halden would say only that …" stays a statement."""
    if token.tag_ != "VB":
        return False
    own_aux = any(c.dep_ in ("aux", "neg") for c in token.children)  # "… but did not suggest": its own
    verb = token.head if token.dep_ == "conj" and not own_aux else token
    if not any(c.dep_ == "aux" and c.lower_ in CONDITIONAL_MODALS for c in verb.children):
        return False
    speech = lexicon().speech_verbs
    return any(a.lemma_.lower() in speech and a.pos_ == "VERB" for a in verb.ancestors)


# heads whose infinitive says why a source spoke or what it may say, not what it said
PURPOSE_HEADS = {"speak", "talk", "authorize", "authorise", "allow", "permit", "empower", "entitle"}


def _purpose_of_speaking(token: Token) -> bool:
    """"spoke on condition of anonymity to discuss the talks", "was not authorised to discuss the
    matter": why a source spoke, or what it may say, not what it said."""
    return token.tag_ == "VB" and token.dep_ in ("advcl", "xcomp") and token.head.lemma_.lower() in PURPOSE_HEADS \
        and _infinitive(token)


SUPPOSING_MARKS = {"if", "whether", "unless"}


def _supposed(token: Token) -> bool:
    """"asked if she believed the levy was fair", "if Wren says no, …": speech that is asked about or
    supposed has not been said."""
    return any(c.dep_ == "mark" and c.lower_ in SUPPOSING_MARKS for c in token.children)


def _belief_before_the_fact(token: Token) -> bool:
    """"Many in Vestria had expected Lind to win": a belief in the pluperfect about an event to come
    is the writer's account of what people thought before events, no statement. With a that-clause
    ("had expected that the issue would fade") it reports what they held."""
    return token.lemma_.lower() in lexicon().attitude_verbs and token.tag_ == "VBN" \
        and any(c.dep_ == "aux" and c.lower_ in ("had", "'d", "’d") for c in token.children) \
        and not any(_has_that(c) for c in token.children if c.dep_ == "ccomp")


NOBODY = {"nobody", "no-one", "none"}


def _said_by_nobody(token: Token) -> bool:
    """"No one expects relations to improve fast, Lind told reporters": a verb whose subject is
    nobody reports no one's words (here the words are Lind's)."""
    subject = next((c for c in token.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None:
        return False
    return subject.lower_ in NOBODY or (subject.lower_ == "one" and any(c.lower_ == "no" for c in subject.children))


def _subject_of_predicate(noun: Token) -> Token | None:
    """"Halden is a lawyer who says …": the noun a relative clause hangs on is what the subject of
    "be" is; that subject is who speaks."""
    if noun.dep_ != "attr" or noun.head.lemma_ != "be" or noun.pos_ != "NOUN" \
            or not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children):
        return None  # (only what one is among many: "One such critic was Varga, who …" is Varga's)
    copula = noun.head
    if copula.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in copula.children):
        copula = copula.head  # "Halden skips council votes and is a baron who has pledged …"
    subject = next((c for c in copula.children if c.dep_ == "nsubj" and c.i < noun.i), None)
    # (not a cleft: "It is the union that says …" is the union's)
    return None if subject is None or subject.lower_ in ("it", "this", "that", "there") else subject


def _signature_inside(cue: Token) -> tuple[Token, Token, Token] | None:
    """"The gap between the plans, said Ostrow and others, would be plain": an inverted signature set off
    by commas inside the sentence; the parser took the words before it for the cue's subject and
    the speaker for the subject of what follows. (front, speaker, clause), or None."""
    doc = cue.doc
    if not _inverted_after_comma(cue):
        return None
    front = next((c for c in cue.children if c.dep_ == "nsubj" and c.right_edge.i in (cue.i - 2, cue.i - 1)), None)
    if front is None:
        return None
    # what follows: the cue's clause, or (read as a parenthesis) the verb the cue hangs on
    clause = next((c for c in cue.children if c.dep_ == "ccomp" and c.i > cue.i), None)
    if clause is None and cue.dep_ == "parataxis" and cue.head.i > cue.i:
        clause = cue.head
    holders = [clause, cue] if clause is not None else []
    speaker = next((c for h in holders for c in h.children if c.dep_ == "nsubj" and c.left_edge.i == cue.i + 1), None)
    if speaker is None:
        return None
    comma = speaker.right_edge.i if speaker.right_edge.text == "," else speaker.right_edge.i + 1  # (the parser may hang it on the name)
    if comma >= clause.i or doc[comma].text != "," or not (speaker.pos_ == "PROPN" or _can_speak(speaker, cue)):
        return None
    return front, speaker, clause


def _inverted_after_comma(cue: Token) -> bool:
    """", said Ostrow", ", says Lind": a cue that can stand before its speaker, right after a comma."""
    return cue.lemma_.lower() in INVERTIBLE and cue.tag_ in ("VBD", "VBZ") and cue.i >= 2 and cue.doc[cue.i - 1].text == ","


def _inverted_said(token: Token) -> bool:
    """"Said Ellis: “…”": a sentence opening with the cue, which taggers read as part of a name."""
    return token.lower_ in ("said", "says") and token.text[0].isupper() and token.dep_ == "compound" \
        and token.head.pos_ == "PROPN" and (token.i == 0 or token.doc[token.i - 1].is_sent_end
                                            or token.doc[token.i - 1].text in ".!?\n" or token.is_sent_start)


CONTINUING_CUES = {"add", "say", "note", "insist", "stress", "explain", "continue", "warn"}  # "…, adding"
INSTRUCTION_VERBS = {"tell", "ask"}  # "told them to prepare", "asked the court to block it": only an infinitive
INVERTIBLE = {"say", "tell", "add", "write", "ask", "explain", "note", "continue", "recall", "reply", "insist", "warn", "read"}
# Closing marks as tokens, with the typewriter pair that some papers print for ” (''…,'' said Mr. Rask)
CLOSING_MARK_TOKENS = ("”", '"', "'", "’", "''", "“")  # (“ too: copy typed on a keyboard closes with it)


def _token_before(token: Token) -> Token | None:
    """The token before, over spaces within the line (a no-break space after a closing mark is a token)."""
    i = token.i - 1
    while i >= 0 and token.doc[i].is_space and "\n" not in token.doc[i].text:
        i -= 1
    return token.doc[i] if i >= 0 else None


def _text_before(token: Token) -> str:
    before = _token_before(token)
    return before.text if before is not None else ""


def _cue_over_noun_clause(clause: Token) -> Token | None:
    """The cue above a that-clause the parser hung on a noun of the cue's own phrase ("said in a
    statement that …", "told a briefing that …")."""
    if clause.dep_ != "acl" or not _has_that(clause):
        return None
    noun = clause.head
    above = noun.head.head if noun.dep_ == "pobj" else noun.head
    return above if noun.dep_ in ("pobj", "dobj", "dative") and above.i < noun.i and is_cue(above) else None


def _subject_of_a_participle_read_as_subject(cue: Token, marked: list[Marked]) -> Token | None:
    """"Voters going to the polls on Tuesday said …": the parser may read the participle as a gerund
    subject of the cue and the voters as its subject; they are the cue's. So are the subject it gave
    the participle of an aside ("Vesk, asked about the ships, said …")."""
    aside = next((c for c in cue.lefts if c.dep_ in ("advcl", "ccomp") and _aside_after_subject(c)), None)
    gerund = next((c for c in cue.lefts if c.dep_ == "csubj" and c.tag_ == "VBG"), None) or aside
    if gerund is None:
        return None
    return next((c for c in gerund.lefts if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")
                 and not _inside(c.idx, marked)), None)


def subject_of(cue: Token, marked: list[Marked] = ()) -> Token | None:  # type: ignore[assignment]
    """The grammatical source of a cue, never a word inside quotation marks."""
    if _inverted_said(cue):
        return cue.head
    if (inside := _signature_inside(cue)) is not None:
        return inside[1]
    if (signer := _inverted_signer(cue)) is not None:
        return signer
    if (quoted := _quoted_by_the_writer(cue)) is not None:
        return subject_of(quoted, marked)
    if (quoted := _quoted_as_saying(cue)) is not None:
        return next((c for c in quoted.children if c.dep_ == "nsubjpass" and not _inside(c.idx, marked)), None)
    if (light := _light_verb_over(cue)) is not None:
        return subject_of(light, marked)
    if (participle := _participle_joined_too_deep(cue)) is not None:
        return subject_of(participle, marked)
    if _reduced_passive(cue):
        # "the candidate labeled “a leader …”", "a county called “the Crossroads” by its people":
        # the noun is what was named; whoever named it is the agent, else unknown
        return _agent_of(cue)
    if (holder := _name_read_as_relative_subject(cue)) is not None:
        return holder
    if (person := _person_right_before(cue, marked)) is not None:
        return person
    if (author := _author_of_document(cue, marked)) is not None:
        return author
    subjects = _unquoted_subjects(cue, marked)
    if not subjects and (named := _subject_read_as_object_of_as(cue)) is not None:
        return named
    if not subjects and (clause := _subject_read_as_clause(cue)) is not None:
        return next(c for c in clause.children if c.dep_ in SUBJECT_DEPS)
    if not subjects and (misread := _misread_relative(cue)) is not None:
        return misread[0]
    if not subjects and (participle_subject := _subject_of_a_participle_read_as_subject(cue, marked)) is not None:
        return participle_subject
    subjects = [c for c in subjects if not _when_or_amount(c)] or subjects  # "… last March said"
    if subjects and all(c.ent_type_ in ("DATE", "TIME") and c.lower_ != "old" for c in subjects):  # "the 46-year-old"
        # "Saturday at the party convention Sen. Ilse Varga said …": a date never speaks; the person
        # the parser hung inside the date's phrase does
        people = [t for t in subjects[0].subtree if t.i < cue.i and t.ent_type_ == "PERSON" and t.head.ent_type_ != "PERSON"]
        return people[-1] if people else None
    # two subjects are a misparse ("THE BORROWING Back when …, Mr. McKinley said"): the nearer speaks
    if (child := _nearer_subject(subjects, cue)) is not None:
        if child.lower_ in ("who", "which", "that") and cue.dep_ == "relcl":
            return _relative_antecedent(cue)
        if child.lower_ in ("that", "this", "'s", "us") and child.pos_ == "PRON":
            return None  # "That said, …", "let's hope …": a discourse phrase, nobody speaks
        if child.lower_ in ("who", "which"):  # a relative clause the parser did not see as one
            before = cue.doc[child.i - 1] if child.i > 0 else None
            return before if before is not None and before.pos_ in ("PROPN", "NOUN") else None
        return _named_apposition(child, cue) or child
    # "“…,” said Hester" / "“…,” Chief Chuck Jordan said" when the parser took a quoted word for subject
    nominal = ("PROPN", "NOUN", "PRON")
    previous = _token_before(cue)
    # (never a participle: in "…, asking the minister" the minister is asked)
    if cue.lemma_.lower() in INVERTIBLE and cue.tag_ != "VBG" and previous is not None \
            and previous.text in (",", *CLOSING_MARK_TOKENS):
        for child in cue.rights:
            told = child.dep_ in ("dobj", "dative") and (cue.lemma_.lower() == "tell" or child.lower_ in ACCUSATIVES)
            if child.pos_ in nominal and child.dep_ in ("nsubj", "dobj", "attr", "npadvmod", "dep", "appos", "oprd") \
                    and not _inside(child.idx, marked) and child.i <= cue.i + 8 and not _when_or_amount(child) \
                    and not told:  # "…,” Steve Cohen told him": the one told is no speaker
                return child
            if child.i == cue.i + 1 and _name_taken_for_adverb(child):
                return child  # "“…,” said Skelly."
    if cue.dep_ == "acl" and cue.tag_ in ("VBD", "VBZ") and cue.head.pos_ in nominal and cue.head.i == cue.i - 1 \
            and not _inside(cue.head.idx, marked):
        return cue.head  # "a man yelled “Stay home!”": a finite verb the parser read as a reduced relative
    if (reduced := _misread_reduced_relative(cue, marked)) is not None:
        return reduced
    if (verb := _verb_over_mute_object(cue)) is not None:
        return subject_of(verb, marked)
    for child in cue.lefts:
        # (a noun right before the verb read as its "compound": "…, election records show.")
        stuck = child.dep_ == "compound" and child.i == cue.i - 1 and cue.pos_ == "VERB"
        if child.pos_ in ("PROPN", "NOUN") and (child.dep_ in ("npadvmod", "dep", "nsubj", "appos") or stuck) \
                and not _inside(child.idx, marked) and not _when_or_amount(child):
            return child
        if child.i == cue.i - 1 and previous is not None and _text_before(child) in CLOSING_MARK_TOKENS \
                and _name_taken_for_adverb(child):
            return child  # "“…,” Skelly said."
    # "…, adding that …" / "he stated, adding, …": the participle borrows its head's subject;
    # so does one after a preposition ("responded by saying …", "began by saying …")
    by_saying = cue.dep_ == "pcomp" and cue.tag_ == "VBG" and cue.head.dep_ == "prep" \
        and (cue.head.lower_ in ("by", "after", "before", "while", "upon")  # not "criticised him for saying"
             # "erred in saying", not "called him right in saying" nor "his role in promoting"
             or cue.head.lower_ == "in" and cue.head.head.pos_ == "VERB")
    # "Durbin, noting the size of his following, said, “…”": the participle read as the main verb
    after_participle = cue.dep_ == "parataxis" and cue.head.tag_ == "VBG" and cue.head.i < cue.i
    if (cue.dep_ in ("advcl", "conj", "xcomp") and cue.tag_ in ("VBG", "VBN", "VB", "VBD", "VBZ", "VBP")) or by_saying \
            or after_participle:
        head = cue.head.head if by_saying else cue.head
        # "he said the dispute was about money and denied any link": the parser may hang the second
        # cue on the reported clause; its subject is still the first cue's
        if cue.dep_ == "conj" and _reported_clause(head) and is_cue(head.head) and head.i != cue.i:
            return subject_of(head.head, marked)
        # … or on a that-clause it read as the complement of a noun ("said in a statement that the
        # stoppage was costing … and called for …")
        teller = _cue_over_noun_clause(head) if cue.dep_ == "conj" else None
        if teller is not None:
            return subject_of(teller, marked)
        # "told the paper that Wren “had a crazy plan,” adding, “…”": the participle goes on with the
        # teller's words, though the parser hung it on the reported clause
        teller = _cue_reporting(head) if cue.dep_ == "advcl" and cue.tag_ == "VBG" else None
        if teller is not None and not _signs_a_quotation(head) \
                and (cue.lemma_.lower() in CONTINUING_CUES or _after_closing_quotation(cue)):
            return subject_of(teller, marked)
        if cue.dep_ == "conj" and (nearer := _nearer_conjunct_subject(cue, marked)) is not None:
            return nearer
        if (controller := _object_before(cue, marked)) is not None:
            return controller
        if cue.dep_ == "advcl" and cue.tag_ == "VBG" and (clause := _clause_right_before(cue, marked)) is not None:
            return clause
        for _ in range(3):  # "…, treating it as a compliment and, when questioned, asserting …"
            if head.i == cue.i:
                break
            # two subjects are a misparse ("Speaking in Salem, New Hampshire, Lenz went …"): the nearer
            subject = _nearer_subject(_unquoted_subjects(head, marked), head)
            if subject is not None and subject.lower_ in RELATIVE_PRONOUNS:
                if (clause := _relative_clause_shared(cue)) is not None:
                    return _relative_antecedent(clause)  # "the mayor who fights the port and claims …": hers
                return None  # "…an architect who said …, saying “…”": which clause the participle belongs to is a guess
            if subject is None and cue.tag_ == "VBG" and _inside(head.idx, marked) and not _inside(cue.idx, marked):
                return _sentence_subject_before(cue, marked)  # hung on a verb inside a quotation
            # "Lenz was quick to add that …": the infinitive hangs on the adjective of a copula
            done_eagerly = head.dep_ == "acomp" and head.lemma_.lower() in EAGER_ADJECTIVES and cue.dep_ == "xcomp"
            # "He adopted a fake accent and joked, “…”": the parser hung the verb on the object before it
            on_object = cue.dep_ == "conj" and cue.tag_ in FINITE_TAGS and head.pos_ in ("NOUN", "PROPN") \
                and head.dep_ == "dobj" and head.i == cue.head.i
            if subject is not None or head.dep_ not in ("advcl", "conj", "xcomp") and not done_eagerly and not on_object:
                return subject or _subject_of_cue_before(cue, marked)
            head = head.head
    return _stranded_name(cue, marked)


def _relative_antecedent(clause: Token) -> Token | None:
    """"Varga, who said …": the relative pronoun stands for its noun; "something that worries
    voters" is no one's."""
    if clause.head.lower_ in THINGS:
        return None
    return _subject_of_predicate(clause.head) or clause.head


def _signs_a_quotation(verb: Token) -> bool:
    """A cue whose subject stands right after a closing mark ("Varga cannot say that “…,” Halden
    added, saying …"): a participle hung on it goes on with Halden, not with the clause reporting Varga."""
    return is_cue(verb) and any(c.dep_ == "nsubj" and c.i < verb.i and c.left_edge.i > 0
                                and verb.doc[c.left_edge.i - 1].text in CLOSING_MARK_TOKENS for c in verb.children)


# "was quick to add", "was careful to note": what the infinitive says was done (not "was
# reluctant to say", "was unable to say", "was ready to announce")
EAGER_ADJECTIVES = {"quick", "careful", "eager", "keen", "happy", "glad", "proud", "swift", "pleased"}


# Verbs that make their object act ("forced Stumpf to admit that …", "prompted the board to
# announce …"): the infinitive is the object's act, done; "urged Lenz to say" is only asked for.
CAUSATIVES = {"force", "prompt", "lead", "cause", "compel", "drive", "get"}


def _object_before(cue: Token, marked: list[Marked]) -> Token | None:
    """"The collapse left many nations feeling that …", "the senator forced Stumpf to admit that …":
    a participle right after its verb's object, or the infinitive of a verb that makes its object
    act, says what that object said or felt. (Not other infinitives: "wants voters to believe …"
    is what Lenz wants, nobody's view yet.)"""
    caused = cue.dep_ == "xcomp" and cue.tag_ == "VB" and cue.head.lemma_.lower() in CAUSATIVES
    if cue.dep_ not in ("xcomp", "ccomp") or cue.tag_ != "VBG" and not caused:
        return None
    obj = next((c for c in cue.head.children if c.dep_ == "dobj" and c.i < cue.i
                and (caused or c.right_edge.i + 1 == cue.left_edge.i)), None)
    if obj is None or _inside(obj.idx, marked) or _when_or_amount(obj) \
            or not (_can_speak(obj, cue) or obj.tag_ == "NNS"):
        return None  # "spent the day telling reporters …", "spent years saying …": a time, not a speaker
    return obj


def _nearer_conjunct_subject(cue: Token, marked: list[Marked]) -> Token | None:
    """"Rabbis called for a boycott, and the league denounced the remarks and said …": the parser
    hangs every verb of a coordination on the first; a cue with no subject of its own shares the
    subject of the nearest verb before it that has one."""
    before = [c for c in cue.head.children if c.dep_ == "conj" and cue.head.i < c.i < cue.i and c.pos_ in ("VERB", "AUX")]
    for verb in reversed(before):
        subject = _nearer_subject(_unquoted_subjects(verb, marked), verb)
        if subject is not None:
            return None if subject.lower_ in RELATIVE_PRONOUNS else subject
    return None


EVENT_CLAUSE_WORDS = {"when", "as", "while", "after", "before", "until", "once"}  # "…, when protesters interrupted her"


def _clause_right_before(participle: Token, marked: list[Marked]) -> Token | None:
    """"The first incident came …, when protesters interrupted her, shouting “…”": the parser hung
    the participle on the main verb, whose subject cannot speak; the clause that ends right before
    it has a subject that can, and the participle goes on with it."""
    head = participle.head
    subject = next((c for c in head.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None or _can_speak(subject, head):
        return None
    # (the parser may hang the clause on a noun: "…during a speech, when protesters interrupted her")
    last = participle.doc[participle.i - 2] if participle.i >= 2 else participle
    before = [c for c in [last, *last.ancestors] if c.dep_ in ("advcl", "relcl") and c.i < participle.i
              and c.right_edge.i + 2 == participle.i and participle.doc[participle.i - 1].text == ","
              and any(w.dep_ in ("advmod", "mark") and w.lower_ in EVENT_CLAUSE_WORDS for w in c.children)]
    for clause in before:
        own = next(iter(_unquoted_subjects(clause, marked)), None)
        if own is not None and _can_speak(own, clause):
            return own
    return None


def _reduced_passive(cue: Token) -> bool:
    """A past participle hung on a noun with no auxiliary or subject of its own, with an agent or a
    label right after it ("the plan described by Lenz as …", "the candidate labeled “…”"): a
    passive, whose noun was spoken of. (The tagger also reads "Murphy, the head of the PAC,
    tweeted" and "Beruff, an ally, called the standards “strong”" so: active, with no agent and
    an object before the label.)"""
    return cue.tag_ == "VBN" and cue.dep_ == "acl" and cue.head.pos_ in ("NOUN", "PROPN") \
        and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in cue.children) \
        and (any(c.dep_ == "agent" for c in cue.children)
             or cue.lemma_.lower() in NAMING_VERBS and cue.i + 1 < len(cue.doc) and cue.doc[cue.i + 1].is_quote)


def _quoted_by_the_writer(cue: Token) -> Token | None:
    """"Rask said, and I quote, “…”": the writer's "I quote" hands on the words of the cue it
    joins, whose source says them; the cue, or None where "I quote" stands alone."""
    if cue.lemma_.lower() != "quote" or not any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in cue.children) \
            or any(c.dep_ == "dobj" for c in cue.children):
        return None
    for joined in (cue.head, cue.head.head):
        if joined.i < cue.i and joined.pos_ == "VERB" and is_cue(joined):
            return joined
    return None


def _participle_joined_too_deep(cue: Token) -> Token | None:
    """"…, stating there was value in keeping him on the board and chiding the press for …": the
    parser joined the participle cue to a gerund inside the first participle's words; it goes on
    with that first participle, whose subject it shares."""
    if cue.dep_ != "conj" or cue.tag_ != "VBG" or cue.head.dep_ != "pcomp" or cue.head.tag_ != "VBG":
        return None
    return next((a for a in cue.head.ancestors if a.tag_ == "VBG" and a.dep_ == "advcl" and is_cue(a)), None)


LIGHT_VERBS = {"make", "take"}


def _light_verb_over(cue: Token) -> Token | None:
    """"Halden made a point of saying …", "took pains to say …", "made the mistake of saying …": a
    cue on the object of "make" or "take" is said by that verb's subject."""
    if cue.tag_ == "VBG" and cue.dep_ == "pcomp" and cue.head.lower_ == "of":
        noun = cue.head.head
    elif cue.tag_ == "VB" and cue.dep_ == "acl" and _infinitive(cue):
        noun = cue.head
    else:
        return None
    verb = noun.head
    return verb if noun.dep_ == "dobj" and verb.lemma_.lower() in LIGHT_VERBS and verb.pos_ == "VERB" else None


QUOTED_AS = {"quote", "report", "cite", "record", "hear"}


def _quoted_as_saying(cue: Token) -> Token | None:
    """"Halden is quoted as saying …", "was reported as saying": the passive verb whose subject
    said it, for the participle after its "as"."""
    governor = cue.head.head if cue.dep_ == "pcomp" and cue.head.lower_ == "as" else None
    if cue.tag_ != "VBG" or governor is None or governor.lemma_.lower() not in QUOTED_AS \
            or not any(c.dep_ == "auxpass" for c in governor.children):
        return None
    return governor


def _unquoted_subjects(verb: Token, marked: list[Marked]) -> list[Token]:
    """The verb's subjects outside quotation marks, in text order."""
    return [c for c in verb.children if c.dep_ in SUBJECT_DEPS and not _inside(c.idx, marked)]


def _nearer_subject(subjects: list[Token], cue: Token) -> Token | None:
    """Of the subjects the parser gave a cue (in text order), the nearest before it, else the first after it."""
    before = [c for c in subjects if c.i < cue.i]
    if len(before) > 1 and _list_split(before[-2], before[-1]):
        return before[-2]  # "Most dockers in Tarn, Vestra and Lusk said": one subject, not "Vestra and Lusk"
    if len(before) > 1 and _name_of_a_noun_in(before[-1], before[-2]):
        return before[-2]  # "The head of gas company Kaldgaz said": the company's name, the head speaks
    return before[-1] if before else next(iter(subjects), None)


def _name_of_a_noun_in(name: Token, subject: Token) -> bool:
    """The name comes right after a noun of a role's phrase ("the head of state gas company |
    Kaldgaz"): it names that noun, it is no second subject ("a story by the website Politico" is
    the website's, which speaks for its story)."""
    noun = name.doc[name.i - 1] if name.i > 0 else None
    return name.pos_ == "PROPN" and noun is not None and noun.pos_ == "NOUN" \
        and subject.i < noun.i and subject in noun.ancestors and subject.lemma_.lower() in lexicon().role_nouns


def _list_split(first: Token, second: Token) -> bool:
    """Two subjects the parser made of one phrase at a list's comma: the second goes on a list the first
    ends with ("dockers in Tarn, | Vestra and Lusk", "Brill of the University of Tarn, | Vestra"): a
    list of its own after the comma, or a name of the same kind as the word before it."""
    doc = first.doc
    comma = first.right_edge.i + 1
    if comma + 1 != second.left_edge.i or doc[comma].text != ",":
        return False
    last = doc[comma - 1]
    return any(c.dep_ == "conj" for c in second.children) and second.pos_ in ("PROPN", "NOUN") \
        or bool(second.ent_type_) and second.ent_type_ == last.ent_type_ and second.ent_type_ in ("GPE", "LOC", "ORG", "NORP")


def _subject_read_as_clause(cue: Token) -> Token | None:
    """"Multiple sources privy to the talks say it is …": the parser read the subject and what
    follows it as a clause before the cue ("privy" a verb), and left the cue without a subject.
    With the reported clause after the cue, the clause before it that opens the sentence with a
    noun for subject is the speaker's description."""
    if any(c.dep_ in SUBJECT_DEPS for c in cue.children) or not any(c.dep_ == "ccomp" and c.i > cue.i
                                                                     for c in cue.children):
        return None
    clause = next((c for c in cue.lefts if c.dep_ in ("ccomp", "advcl")), None)
    if clause is None:
        return None
    subject = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS and c.i < clause.i), None)
    # a noun the tagger took for a verb in the present ("privy", "rabbi"), with no auxiliary of its own
    misread_verb = clause.tag_ in ("VBP", "VBZ") and not any(c.dep_ in ("aux", "auxpass") for c in clause.children)
    if subject is None or subject.pos_ not in ("NOUN", "PROPN") or subject.left_edge.i != cue.sent.start \
            or not misread_verb or any(c.dep_ in ("dobj", "ccomp", "attr", "acomp") for c in clause.children):
        return None
    return clause


def _verb_over_mute_object(cue: Token) -> Token | None:
    """"Varga rejected the idea that the deal was dead, saying …": a participle after a comma that
    the parser hung on an object which cannot speak goes on with that object's verb."""
    before, noun = _token_before(cue), cue.head
    if cue.dep_ != "acl" or cue.tag_ != "VBG" or before is None or before.text != "," \
            or noun.dep_ != "dobj" or noun.pos_ != "NOUN" or _can_speak(noun, cue) or noun.head.pos_ != "VERB":
        return None
    return noun.head


def _misread_reduced_relative(cue: Token, marked: list[Marked]) -> Token | None:
    """A tensed cue the parser read as a participle hung on the noun before it: "Mitt Romney, the
    party's nominee, tweeted in response: …" (the apposition's name speaks) and "“…?” the
    43-year-old asked" (the noun right after the quotation speaks)."""
    if cue.dep_ != "acl" or cue.tag_ != "VBN" or any(c.dep_ in ("aux", "auxpass") for c in cue.children):
        return None
    noun, doc = cue.head, cue.doc
    name = noun.head if noun.dep_ == "appos" else noun
    if doc[cue.i - 1].text == "," and name.pos_ in ("PROPN", "NOUN") and name.i < cue.i \
            and any(c.dep_ == "appos" for c in name.children) and not _inside(name.idx, marked):
        return name
    edge = noun.left_edge.i
    if noun.i == cue.i - 1 and edge > 0 and doc[edge - 1].text in CLOSING_MARK_TOKENS \
            and _text(doc)[:doc[edge - 1].idx].rstrip().endswith((",", "?", "!")):
        return noun
    return None


def _name_read_as_relative_subject(cue: Token) -> Token | None:
    """"The head of state gas company Kaldgaz said …": the parser may read "Kaldgaz said" as a
    relative clause (with no relative pronoun) on "head" or "company", the name as its subject; the
    name is the company's, and the one who said it is the role the phrase opens with ("head")."""
    noun = cue.head
    subject = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    if cue.dep_ != "relcl" or subject is None:
        return None
    role = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else noun
    return role if role.pos_ == "NOUN" and _name_of_a_noun_in(subject, role) else None


def _named_apposition(subject: Token, cue: Token) -> Token | None:
    """"Or maybe Jeb Bush, digital consultant Phil Musser says.": a second person's name, read as
    an apposition to the subject, right before the cue, is the one who says it."""
    if subject.ent_type_ != "PERSON" or subject.i > cue.i:
        return None
    return next((a for a in subject.children if a.dep_ == "appos" and a.i == cue.i - 1 and a.ent_type_ == "PERSON"
                 and a.ent_iob_ == "I" and _ent_of(a) != _ent_of(subject)), None)


def _name_taken_for_adverb(token: Token) -> bool:
    """"Skelly" in "“…,” Skelly said": a capitalised word in mid-sentence that the tagger, not
    knowing the name, read as an adverb; no common word (a stop word) is taken for one."""
    return token.pos_ in ("ADV", "INTJ", "X") and token.is_title and token.is_alpha and len(token) > 2 \
        and token.i > token.sent.start and token.lower_ not in lexicon().stop_words \
        and not token.ent_type_


def _stranded_name(cue: Token, marked: list[Marked]) -> Token | None:
    """"Marcel Lazar, 44, said …", "Ben Caird, a rabbi helping to organise the boycott, said …":
    a tensed cue the parser left without a subject, after a name that opens the sentence or a
    clause (after a comma) and no other tensed verb between them: the name speaks."""
    # (a subject inside the quotation is a quoted word: “…, Mr. President,” Steve Cohen told him)
    if cue.tag_ not in ("VBD", "VBZ", "VBP") or _unquoted_subjects(cue, marked):
        return None
    sentence = cue.sent
    for ent in reversed([e for e in sentence.ents if e.label_ == "PERSON" and e.end <= cue.i]):
        start = _before_title(ent.start, sentence.start, cue.doc)  # "Col. Steven H. Warren"
        while start - 1 > sentence.start and cue.doc[start - 1].is_alpha \
                and start <= cue.doc[start - 1].head.i < ent.end:
            start -= 1  # "…, former president Bill Clinton said": the words that describe the name
        before = cue.doc[start - 1] if start > sentence.start else None
        between = cue.doc[ent.end:cue.i]
        if (before is None or before.text in (",", *CLOSING_MARK_TOKENS)) and not any(_inside(t.idx, marked) for t in between) \
                and not any(t.tag_ in FINITE_TAGS for t in between):
            return ent.root
    return _role_right_before(cue, marked)


def _role_right_before(cue: Token, marked: list[Marked]) -> Token | None:
    """"In an interview with …, the Democratic presidential candidate stated …" / "…, a White House
    official who spoke anonymously said …": a role whose phrase (with its relative clause) ends
    right before the cue and opens its clause after a comma, where the parser hung it elsewhere."""
    sentence = cue.sent
    token = cue.doc[cue.i - 1] if cue.i > sentence.start else None
    while token is not None and sentence.start <= token.i < cue.i:
        if token.pos_ == "NOUN" and token.lemma_.lower() in lexicon().role_nouns and token.right_edge.i == cue.i - 1:
            opens = token.left_edge.i > sentence.start and cue.doc[token.left_edge.i - 1].text == ","
            return token if opens and not _inside(token.idx, marked) else None
        token = token.head if token.head.i != token.i else None
    return None


def _before_title(start: int, floor: int, doc: Doc) -> int:
    """Where a name starts with its title: "Col. Steven H. Warren", "Mr. Daniloff" (the title may be
    split from its full stop)."""
    while start > floor:
        previous = doc[start - 1]
        if previous.text == "." and start - 1 > floor and doc[start - 2].lower_ in TITLE_WORDS:
            start -= 2
        elif previous.lower_.rstrip(".") in TITLE_WORDS:
            start -= 1
        else:
            break
    return start


# Verbs whose object receives words ("emailed supporters saying …"), not speaks them.
SENDING_VERBS = {"email", "send", "text", "message", "mail", "write", "tell", "urge", "ask"}


def _person_right_before(cue: Token, marked: list[Marked]) -> Token | None:
    """"footage of Lotte Brenn asking, “…”", "62 percent of voters saying …": a participle right
    after a person or group the sentence is about (after "of", "about", "for", "with") says what
    follows, whatever the parser hung it on; after an object ("emailed supporters saying …") the
    sentence's subject speaks."""
    if cue.tag_ != "VBG" or cue.i == 0 or any(c.dep_ in SUBJECT_DEPS for c in cue.children):
        return None
    before = cue.doc[cue.i - 1]
    about = before.dep_ == "pobj" and before.head.lower_ in ("of", "about", "for", "with")
    if _inside(before.idx, marked) or not (about or cue.dep_ == "acl" and cue.head.i == before.i):
        return None
    if before.dep_ in ("dobj", "dative") and (is_cue(before.head) or before.head.lemma_.lower() in SENDING_VERBS):
        return None  # "emailed supporters saying: “…”": the sender says it
    if before.dep_ == "pobj" and before.head.lower_ == "to" and not about \
            and cue.lemma_.lower() not in lexicon().evidence_verbs:  # "respond to videos showing …": the videos
        return _sentence_subject_before(cue, marked)  # "sent a memo to employees saying …": its sender
    lex = lexicon()
    person = before.ent_type_ == "PERSON" and before.pos_ == "PROPN"
    people = before.pos_ == "NOUN" and before.tag_ == "NNS" and (
        before.lemma_.lower() in lex.role_nouns or before.lower_ in lex.group_nouns)
    return before if person or people else None


def _author_of_document(cue: Token, marked: list[Marked]) -> Token | None:
    """"Trump issued a statement saying that …": a document saying something speaks for whoever
    issued it — the subject of the verb the document is the object of."""
    document = cue.head
    if cue.tag_ != "VBG" or cue.dep_ != "acl" or document.dep_ != "dobj" or document.i > cue.i \
            or document.lemma_.lower() not in lexicon().document_nouns | lexicon().speech_nouns:
        return None
    return next((c for c in document.head.children if c.dep_ == "nsubj" and not _inside(c.idx, marked)
                 and c.lower_ not in RELATIVE_PRONOUNS), None)


def _relative_source(cue: Token, subject: Token) -> Token | None:
    """"Varga, who said …": the relative pronoun is the grammatical source, Varga the speaker."""
    # "that" is a relative pronoun only in a relative clause: in "“That, unfortunately,” he said" the
    # parser took the quoted demonstrative for a second subject
    clause = _relative_clause_shared(cue) or cue  # "Varga, who fought the levy and said …"
    pronoun = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS and c.lower_ in RELATIVE_PRONOUNS
                    and (c.lower_ != "that" or clause.dep_ == "relcl")), None)
    return pronoun if pronoun is not None and subject.i != pronoun.i else None


def _relative_clause_shared(verb: Token) -> Token | None:
    """"the mayor who fought the levy and said …": the relative clause whose subject a finite verb
    joined to it by "and" shares."""
    head = verb
    while head.dep_ == "conj" and not any(c.dep_ in SUBJECT_DEPS for c in head.children):
        head = head.head
    return head if head is not verb and head.dep_ == "relcl" and verb.tag_ in FINITE_TAGS else None


def _when_or_amount(token: Token) -> bool:
    """"said Thursday morning": a time or a number never speaks."""
    return token.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY")


def _subject_of_cue_before(participle: Token, marked: list[Marked]) -> Token | None:
    """“A,” Sanders said, suggesting “B”: a participle right after a cue (the parser hung it
    inside a quotation) speaks with that cue's subject."""
    words = [t for t in participle.doc[max(0, participle.i - 3):participle.i] if not t.is_punct]
    if participle.tag_ != "VBG" or not words or not is_cue(words[-1]) or words[-1].i != participle.i - 2:
        return None
    return next(iter(_unquoted_subjects(words[-1], marked)), None)


def _sentence_subject_before(participle: Token, marked: list[Marked]) -> Token | None:
    """"Trump clarified the matter, treating it as a compliment -- “…” -- and asserting, “…”":
    the parser hung the participle on a verb inside the quotation; the sentence's own subject,
    outside quotation marks and before the participle, speaks."""
    root = participle.sent.root
    if _inside(root.idx, marked) or root.i > participle.i:
        verbs = [t for t in participle.sent if t.i < participle.i and t.pos_ in ("VERB", "AUX")
                 and t.tag_ in FINITE_TAGS and not _inside(t.idx, marked)]
        root = verbs[0] if verbs else None
    if root is None:
        return None
    return next(iter(_unquoted_subjects(root, marked)), None)


TIME_PREPOSITIONS = {"after", "before", "during", "following", "since", "at", "on", "in"}


def _clause_after_time_phrase(cue: Token) -> Span | None:
    """"said after the convention he would not accept …": the parser hung the time of the saying
    on the reported clause and made it an adverbial one; what was said starts at its subject."""
    for child in cue.rights:
        if child.dep_ != "advcl" or child.left_edge.lower_ not in TIME_PREPOSITIONS \
                or child.left_edge.dep_ != "prep" or child.left_edge.head.i != child.i:
            continue
        subject = next((c for c in child.children if c.dep_ in SUBJECT_DEPS and c.i > child.left_edge.right_edge.i), None)
        if subject is not None and _tensed(child) and subject.left_edge.i == child.left_edge.right_edge.i + 1:
            return cue.doc[subject.left_edge.i:child.right_edge.i + 1]
    return None


def _misread_relative(cue: Token) -> tuple[Token, Token] | None:
    """"Sanders, who sits at zero endorsements, said that …": the parser read the relative clause
    as the cue's content and its noun as that clause's subject. (noun, relative clause's verb)."""
    for child in cue.children:
        if child.dep_ != "ccomp" or child.i > cue.i:
            continue
        subjects = [c for c in child.children if c.dep_ in SUBJECT_DEPS]
        pronoun = next((c for c in subjects if c.lower_ in ("who", "which")), None)
        for noun in subjects:
            before_pronoun = pronoun is not None and noun.i < pronoun.i
            if noun.pos_ in ("PROPN", "NOUN") and (before_pronoun or _verbless_relative(noun)):
                return noun, child
    return None


def _verbless_relative(noun: Token) -> bool:
    """"One attendee, who like others spoke …": the pronoun hangs on the noun, in a relative
    clause the parser gave no verb of its own."""
    return any(c.dep_ == "relcl" and c.pos_ not in ("VERB", "AUX") and any(t.lower_ == "who" for t in c.subtree)
               for c in noun.children)


def _without_trailing_joint(span: Span) -> Span:
    """"Varga is honest, and | three-quarters said …": the comma and conjunction that join the next
    clause are not part of what was said."""
    end = span.end
    while end > span.start + 1 and (span.doc[end - 1].dep_ == "cc" or span.doc[end - 1].text in (",", ";")):
        end -= 1
    return span.doc[span.start:end]


def _last_word(head: Token) -> int:
    """The index of the last word of ``head``'s phrase, without the stop the parser hung on it."""
    end = head.right_edge.i
    while end > head.i and head.doc[end].is_punct:
        end -= 1
    return end


def _modal_predicate_after(cue: Token, end: int) -> Token | None:
    """"said he was rooting for Tarn but would now root for Vestra": a predicate the parser joined
    to the cue, with no subject of its own and a modal, goes on with what was said (the speaker's
    next act, "… and declined to comment", has no modal)."""
    for verb in cue.children:
        if verb.dep_ == "conj" and end < verb.i and verb.left_edge.i <= end + 3 and not is_cue(verb) \
                and any(c.tag_ == "MD" for c in verb.children) and not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
            return verb
    return None


def _clause_after_signature(cue: Token) -> Token | None:
    """"Port fees rose 4 percent, the agency said, and berth charges doubled":
    a signature set off by commas inside the sentence; the clause joined after it ("and", "but")
    with a subject of its own goes on with what was said (not a cue of its own: "…, and critics
    said …")."""
    doc = cue.doc
    for clause in cue.children:
        joint = doc[clause.left_edge.i - 1] if clause.left_edge.i > 0 else None
        signature = doc[cue.i + 1:joint.i] if joint is not None and joint.i > cue.i else None
        if signature is None or len(signature) > 10 or any(t.pos_ in ("VERB", "AUX") for t in signature):
            continue  # a signature says who and where, no more ("George marveled at the idea that …")
        if clause.dep_ == "conj" and clause.i > cue.i and joint.dep_ == "cc" \
                and joint.lower_ in ("and", "but") and joint.head.i == cue.i and doc[joint.i - 1].text == "," \
                and clause.tag_ in FINITE_TAGS | {"VB"} and not is_cue(clause) \
                and any(c.dep_ in SUBJECT_DEPS and c.i < clause.i for c in clause.children):
            return clause
    return None


def _speaks_for_itself(clause: Token) -> bool:
    """"…, and more than 4 in 10 said Lind would …": a cue with a subject of its own is a statement of its own."""
    return clause.tag_ in FINITE_TAGS and is_cue(clause) and any(c.dep_ in SUBJECT_DEPS for c in clause.children)


def _set_apart(clause: Token, cue: Token) -> bool:
    """A clause before the cue's subject, closed off from it by a colon or a dash."""
    subject = next((c for c in cue.children if c.dep_ in SUBJECT_DEPS and c.i > clause.i), None)
    if subject is None:
        return False
    # (the parser may hang the dash on the clause's last word: "… than Mr. Rask - 60 percent said")
    between = cue.doc[clause.right_edge.i:subject.left_edge.i]
    return any(t.text in (":", "—", "–", "-", ";") for t in between)


def clause_of(cue: Token, quoted: bool = False) -> Span | None:
    doc = cue.doc
    if (inside := _signature_inside(cue)) is not None:  # "The gap, said Ostrow, would be plain"
        front, _, clause = inside
        return doc[front.left_edge.i:_last_word(clause) + 1]
    misread = _misread_relative(cue)
    # a cue inside a quotation ("“…, one concern I have is …, he has said he would not rip up the
    # deal,” Cruz said"): with a full clause after it, the speaker's own words the parser also hung
    # before it are not what was said; nor, before a that-clause, is a clause of the writer's
    # ("At a forum, during which she toured …, Varga remarked that …"); but a cue set off by commas
    # splits one statement ("It is no surprise, Garin said, that Lenz did better"): both halves
    that_after = _that_clause_after_parenthesis(cue)
    said_after = any(c.dep_ == "ccomp" and c.i > cue.i and any(g.dep_ in SUBJECT_DEPS for g in c.children)
                     and (quoted or _has_that(c) and that_after is None) for c in cue.children)
    described = _subject_read_as_clause(cue)
    for child in cue.children:
        if misread is not None and child.i == misread[1].i:
            continue  # the relative clause of the speaker, not what was said
        if described is not None and child.i == described.i:
            continue  # the speaker and what describes them, read as a clause
        if said_after and child.dep_ == "ccomp" and child.i < cue.i:
            continue
        if child.i < cue.i and _set_apart(child, cue):
            continue  # "The union polled members: 1,409 teachers said …": the writer's sentence
        if child.i < cue.i and child.pos_ in ("NOUN", "PROPN"):
            continue  # "Ben Caird, a rabbi helping …, said": the speaker's apposition, read as a clause
        if _reported_clause(child):
            if is_cue(child) and child.i < cue.i and any(c.dep_ in SUBJECT_DEPS for c in child.children) \
                    and any(c.dep_ == "ccomp" for c in child.children):
                continue  # "Some warned that …; others said that …": the first is a statement of its own
            end = child.right_edge.i if that_after is None or child.i > cue.i else that_after.right_edge.i
            for more in cue.children:  # "said that A, and that B": B may hang on the cue itself
                if more.dep_ == "conj" and more.i > end and _has_that(more):
                    end = more.right_edge.i
                # a clause the parser split in two ("that repairs | … would cost"): keep both halves
                if more.dep_ == "ccomp" and more.i > child.i and child.i > cue.i and more.left_edge.i <= end + 1 \
                        and not _speaks_for_itself(more):
                    end = max(end, more.right_edge.i)
            start = _approximate_subject(cue, child) or _antecedent_of_gap(cue, child) or _after_leading_time(cue, child)
            end = _before_contrast(child, end)
            if child.i > cue.i and (goes_on := _modal_predicate_after(cue, end)) is not None:
                end = goes_on.right_edge.i
            if child.i < cue.i and (goes_on := _clause_after_signature(cue)) is not None:
                end = _last_word(goes_on)
            return _without_trailing_joint(_without_that(_without_next_cue(doc[start:end + 1], cue)))
    if (dated := _clause_after_time_phrase(cue)) is not None:
        return dated
    for child in cue.children:  # "said legalizing it could put thousands to work": a gerund subject
        if child.dep_ == "xcomp" and child.tag_ == "VBG" and child.i > cue.i \
                and any(t.tag_ in FINITE_TAGS or t.tag_ == "MD" for t in child.subtree if t.i > child.i):
            return doc[child.left_edge.i:child.right_edge.i + 1]
    if cue.lemma_.lower() == "tell":  # "told a briefing that Kaldor had …", parsed as a relative clause
        for obj in cue.children:
            if obj.dep_ in ("dobj", "dative"):
                for clause in obj.children:
                    if clause.dep_ in ("relcl", "acl") and clause.left_edge.lower_ == "that" and clause.i > obj.i:
                        return _without_that(doc[clause.left_edge.i:clause.right_edge.i + 1])
                if (stray := _clause_right_after(obj, cue)) is not None:
                    return stray
    if (relative := _described_relative(cue)) is not None:
        return relative
    if cue.lemma_.lower() in NAMING_VERBS:  # "called the state of relations the “lowest point”"
        obj = next((c for c in cue.children if c.dep_ == "dobj"), None)
        # (the parser may read the name given as a second object: "branded Vestra an “outlaw nation”")
        predicate = next((c for c in cue.children if c.dep_ == "oprd" or c.dep_ == "dobj" and obj is not None
                          and c.i > obj.right_edge.i), None)
        if obj is not None and predicate is not None:
            return doc[obj.left_edge.i:predicate.right_edge.i + 1]
        if obj is None and (named := _named_without_object(cue)) is not None:
            return named
        return _object_content(cue)
    # A "that"-clause the parser hung under a noun: "said during a speech … that Russia looks",
    # "expressed hope that joint work will continue" (never inside a "since …"/"because …" clause).
    for token in _nominal_descendants(cue):
        if token.i > cue.i and token.dep_ in ("relcl", "acl", "advcl") and not is_cue(token.head) \
                and (_has_that(token) or _that_read_as_relative(token)):
            if any(a.lemma_.lower() in lexicon().speech_nouns and any(c.dep_ == "poss" for c in a.children)
                   for a in token.ancestors if a.i > cue.i):
                return None  # "recalled her statement that …": the words are hers (a speech-noun statement)
            return _without_that(doc[token.left_edge.i:token.right_edge.i + 1])
    return _parenthetical_content(cue) or _as_content(cue) or _object_content(cue) or _measured_content(cue) \
        or _signed_sentence(cue) or _pro_form_after(cue) or _paragraph_after_colon(cue)


def _paragraph_after_colon(cue: Token) -> Span | None:
    """"Varga added:¶And from the man who runs the port, …": a paragraph that ends with its cue and
    a colon introduces the next paragraph, a quotation whose marks the page's layout carried (a
    block quote). One paragraph only, and not one that opens with a mark of its own."""
    doc = cue.doc
    colon = cue.i + 1
    if colon >= len(doc) or doc[colon].text != ":" or not any(c.dep_ in SUBJECT_DEPS for c in cue.children):
        return None
    following = doc[colon + 1:colon + 3]
    if not following or "\n" not in doc[colon].whitespace_ + "".join(t.text for t in following if t.is_space):
        return None
    first = next((t for t in doc[colon + 1:] if not t.is_space), None)
    if first is None or first.is_quote or first.text == "<":  # (a quotation mark, or an embedded post)
        return None
    last = first.i
    while last + 1 < len(doc) and "\n" not in doc[last].whitespace_ + doc[last + 1].text:
        last += 1
    while last > first.i and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    return doc[first.i:last + 1] if last - first.i + 1 >= MIN_STATEMENT_WORDS else None


# What stands for a whole answer after "said": "said yes", "said so", "said the same", "said as much"
PRO_FORMS = (("yes",), ("no",), ("so",), ("the", "same"), ("as", "much"))
# A reported clause cut to its subject and auxiliary: "Lind said he would", "they said she could"
ELLIPTICAL_AUXILIARIES = {"would", "could", "will", "can", "should", "might", "did", "does", "do", "had", "has", "was", "is"}


def _pro_form_after(cue: Token) -> Span | None:
    """"46 percent said yes", "half said so in the earlier poll": the word after a verb of saying
    that stands for the whole answer (never "said so far", "said no one")."""
    doc = cue.doc
    if cue.lemma_.lower() not in ("say", "answer", "reply") or not _tensed(cue):
        return None
    for words in PRO_FORMS:
        end = cue.i + 1 + len(words)
        if end <= len(doc) and tuple(t.lower_ for t in doc[cue.i + 1:end]) == words \
                and (end == len(doc) or doc[end].is_punct or doc[end].pos_ == "ADP"):
            return doc[cue.i + 1:end]
    return None


def _short_answer(cue: Token, content: Span) -> bool:
    """A pro-form answer ("said yes", "said the same") or an elliptical clause ("said he would")."""
    if _pro_form_after(cue) is not None and content.start == cue.i + 1:
        return True
    return len(content) == 2 and content[0].dep_ in SUBJECT_DEPS and content[0].pos_ in ("PRON", "PROPN") \
        and content[1].lower_ in ELLIPTICAL_AUXILIARIES and content.end < len(cue.doc) and cue.doc[content.end].is_punct


def _signed_sentence(cue: Token) -> Span | None:
    """"Those who take on heavy debt struggle, even with a good job, he said.": a sentence signed at
    its end by "…, he said." says all that stands before the comma, though the parser found no
    clause there to hang on the cue."""
    doc, sentence = cue.doc, cue.sent
    if cue.dep_ != "ROOT" or any(c.dep_ in ("ccomp", "xcomp") or c.dep_ == "dobj" and c.i > cue.i for c in cue.children):
        return None
    subject = next((c for c in cue.lefts if c.dep_ == "nsubj"), None)
    if subject is not None and subject.right_edge.i + 1 == cue.i and _can_speak(subject, cue):
        comma, last = subject.left_edge.i - 1, cue.i
    elif (subject := _inverted_signer(cue)) is not None:  # "…, said Anna Brill, a historian."
        comma, last = cue.i - 1, subject.right_edge.i
    else:
        return None
    rest = doc[last + 1:sentence.end]
    if comma < 0 or doc[comma].text != "," or any(not t.is_punct and not t.is_space for t in rest):
        return None
    # (the parser may end a sentence before "he said", at the comma or before it)
    signed = sentence if comma > sentence.start else doc[comma - 1].sent if comma >= sentence.start - 1 else None
    if signed is None or comma <= signed.start:
        return None
    words = doc[signed.start:comma]
    if words[0].is_quote or any(is_cue(t) for t in words):
        return None  # quoted words have their own rule; another cue speaks for itself
    return words


def _inverted_signer(cue: Token) -> Token | None:
    """The speaker right after an inverted cue set off by a comma ("…, said Anna Brill"), where the
    parser read the words before the comma as a second subject rather than the cue's clause."""
    if not _inverted_after_comma(cue):
        return None
    speaker = next((c for c in cue.rights if c.dep_ == "nsubj" and c.left_edge.i == cue.i + 1), None)
    if speaker is None or _when_or_amount(speaker):
        return None
    return speaker if speaker.pos_ == "PROPN" or _can_speak(speaker, cue) else None


AS_DEGREE = {"soon", "long", "far", "much", "well"}  # "as soon as she said …": time or degree, not a source
# "as analysts expected, the bank raised rates": the clause is what came true, told by the writer
AS_ANTICIPATION = {"expect", "predict", "forecast", "fear", "hope", "estimate"}


def _as_content(cue: Token) -> Span | None:
    """"As Lind told reporters, the levy is unfair", "the levy is unfair, as Lind put it": a cue in
    an "as" clause vouches for the clause it hangs on."""
    if not _as_clause_of_a_source(cue):
        return None
    doc = cue.doc
    phrase = [t.i for t in cue.subtree]
    phrase_start, phrase_end = min(phrase), max(phrase) + 1
    start, end = cue.head.left_edge.i, cue.head.right_edge.i + 1
    while end > phrase_end and doc[end - 1].is_punct:
        end -= 1
    if phrase_start == start:  # "As Lind said, …": the clause after the comma
        start = phrase_end
    elif phrase_end == end:  # "…, as Lind said.": the clause before it
        end = phrase_start
    while start < end and (doc[start].is_punct or doc[start].lower_ in ("and", "but")):
        start += 1
    while end > start and doc[end - 1].is_punct:
        end -= 1
    return doc[start:end] if end - start >= MIN_STATEMENT_WORDS else None


def _as_clause_of_a_source(cue: Token) -> bool:
    """A verb of speech with a subject in an "as" clause that says nothing of its own and is no
    event in time ("as she spoke", "as he said goodbye", "as she was speaking", "as he welcomed
    the guests")."""
    lemma = cue.lemma_.lower()
    if cue.dep_ != "advcl" or cue.head.pos_ not in ("VERB", "AUX") or cue.tag_ == "VBG" or lemma in AS_ANTICIPATION \
            or (lemma not in lexicon().speech_verbs and lemma != "put"):
        return False
    mark = next((c for c in cue.children if c.dep_ == "mark"), None)
    if mark is None or mark.lower_ != "as" or not any(c.dep_ in SUBJECT_DEPS for c in cue.children) \
            and _subject_read_as_object_of_as(cue) is None:
        return False
    # "as he said goodbye" has an object of its own; "as Lind told reporters" names whom she told
    return not any(c.dep_ in ("ccomp", "xcomp") or (c.dep_ in ("dobj", "dative") and c.lower_ != "it" and lemma != "tell")
                   or c.lower_ in AS_DEGREE for c in cue.children)


def _subject_read_as_object_of_as(cue: Token) -> Token | None:
    """"As Anna Brill, professor of law, put it, …": after a long apposition the parser may read the
    name as the object of "as" (as if "as Brill"), leaving the verb without a subject."""
    mark = next((c for c in cue.children if c.dep_ == "mark" and c.lower_ == "as" and c.i < cue.i
                 and (c.is_sent_start or cue.doc[c.i - 1].is_punct)), None)  # (a clause of its own)
    name = next((c for c in mark.children if c.dep_ == "pobj"), None) if mark is not None else None
    if name is None or any(c.dep_ in SUBJECT_DEPS for c in cue.children) or not _can_speak(name, cue):
        return None
    return name


def _relative_pronoun_named(cue: Token) -> Token | None:
    """The "which" of "the plan, which Halden called “a disgrace”": a relative pronoun as object."""
    return next((c for c in cue.children if c.dep_ == "dobj" and c.i < cue.i and c.tag_ in ("WDT", "WP")), None)


def _described_relative(cue: Token) -> Span | None:
    """"the crowd, whom he described as “peaceful”": the relative pronoun and what it was called
    (a pronoun the parser hung on "as" or as the object) are what was said."""
    pronoun = _relative_pronoun_named(cue)
    as_phrase = next((c for c in cue.children if c.dep_ == "prep" and c.lower_ == "as" and c.i > cue.i), None)
    if cue.dep_ != "relcl" or cue.lemma_.lower() not in DESCRIBING_VERBS or pronoun is None or as_phrase is None:
        return None
    return cue.doc[pronoun.i:as_phrase.right_edge.i + 1]


def _relative_named(cue: Token, clause: Span) -> bool:
    """"which Halden called “a disgrace”": the whole relative clause, not only its quotation, says
    what the speaker called the thing."""
    pronoun = _relative_pronoun_named(cue)
    return cue.dep_ == "relcl" and pronoun is not None and clause.start == pronoun.i \
        and cue.lemma_.lower() in NAMING_VERBS | DESCRIBING_VERBS


def _named_without_object(cue: Token) -> Span | None:
    """"called both Varga and Lind “reckless”", "calling Lind’s charge “pathetic”": the parser
    read the named one as part of the name (oprd, npadvmod) and left the verb no object; what was
    said runs from the word after the verb through the last name given."""
    doc = cue.doc
    names = [c for c in cue.children if c.dep_ == "oprd" and c.i > cue.i]
    if not names:
        return None
    end = names[-1].right_edge.i
    if any(t.dep_ in ("prep", "advcl", "ccomp", "xcomp") and t.head.i == cue.i for t in doc[cue.i + 1:end]):
        return None
    span = doc[cue.i + 1:end + 1]
    return span if len(span) >= 2 else None


CONTRASTS = ("while", "whereas")


def _before_contrast(root: Token, end: int) -> int:
    """"said they prefer an outsider, while about 4 in 10 want experience": a contrast set off by a
    comma, with a subject of its own, is the writer's sentence going on, not what was said."""
    doc = root.doc
    for c in root.children:
        if root.i < c.i <= end and c.dep_ == "advcl" and c.left_edge.lower_ in CONTRASTS \
                and any(g.dep_ in SUBJECT_DEPS for g in c.children) and doc[c.left_edge.i - 1].text == ",":
            return min(end, c.left_edge.i - 2)
    return end


def _measured_by(cue: Token) -> Token | None:
    """The poll, survey or records that show or find something: the subject of an evidence verb."""
    if cue.lemma_.lower() not in lexicon().evidence_verbs:
        return None
    return next((c for c in cue.children if c.dep_ == "nsubj" and c.lemma_.lower() in lexicon().evidence_sources), None)


def _measured_content(cue: Token) -> Span | None:
    """"The poll showed Trump leading the field", "a survey found Sanders with 47 percent": what a
    measure shows may be a phrase, not a clause — the object with what the parser hung after it."""
    if _measured_by(cue) is None:
        return None
    obj = next((c for c in cue.children if c.dep_ in ("dobj", "ccomp", "xcomp") and c.i > cue.i), None)
    if obj is None:
        return None
    end = obj.right_edge.i
    for more in cue.children:  # "Sanders | with 47 percent", "Trump | leading the field", "Jensen | ahead | by six points"
        if more.i == end + 1 and (more.dep_ in ("prep", "advcl", "acl", "xcomp", "oprd")
                                  or more.dep_ == "advmod" and more.lower_ in STANDING_WORDS) \
                and more.lower_ not in CIRCUMSTANCE_PREPOSITIONS:
            end = more.right_edge.i
    span = cue.doc[obj.left_edge.i:end + 1]
    return span if len(span) >= MIN_STATEMENT_WORDS else None


STANDING_WORDS = {"ahead", "behind", "up", "down", "level", "even", "tied"}  # where a poll puts someone
APPROXIMATORS = {"about", "around", "nearly", "almost", "over", "under", "roughly"}


def _that_clause_after_parenthesis(cue: Token) -> Token | None:
    """"It is no surprise, Garin said, that …": a that-clause after a comma behind a cue whose other
    clause comes before it — the cue sits inside the one statement."""
    doc = cue.doc
    if not any(c.dep_ == "ccomp" and c.i < cue.i for c in cue.children):
        return None
    return next((c for c in cue.children if c.dep_ == "ccomp" and c.i > cue.i and _has_that(c)
                 and c.left_edge.i > 0 and doc[c.left_edge.i - 1].text == ","), None)


def _antecedent_of_gap(cue: Token, clause: Token) -> int | None:
    """"the files the ministry now says are “top secret”": in a relative clause with no pronoun the
    reported verb's subject is the noun the clause hangs on, so what was said starts there (a verb
    of speech only: in "the loopholes he cited are …" the parser made the sentence's verb a clause)."""
    if cue.dep_ != "relcl" or cue.head.i > cue.i or cue.lemma_.lower() not in lexicon().speech_verbs \
            or not _tensed(clause) or _has_that(clause) \
            or any(c.dep_ in SUBJECT_DEPS or c.dep_ in ("expl", "csubj", "csubjpass") for c in clause.children) \
            or any(c.tag_ in ("WDT", "WP", "WP$") for c in cue.subtree if c.i < cue.i):
        return None
    return cue.head.left_edge.i


def _after_leading_time(cue: Token, clause: Token) -> int:
    """"told dockers this weekend he would …": a time phrase between the cue and the subject of a
    clause without "that" dates the telling, though the parser hung it on the clause."""
    start = clause.left_edge.i
    subject = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)
    when = next((c for c in clause.children if c.left_edge.i == start and c.dep_ == "npadvmod"), None)
    if clause.i < cue.i or subject is None or when is None or _has_that(clause) \
            or when.ent_type_ not in ("DATE", "TIME") or when.right_edge.i + 1 != subject.left_edge.i:
        return start
    return subject.left_edge.i


def _approximate_subject(cue: Token, clause: Token) -> int | None:
    """"said about half of the rise reflected …", "said the days when … are gone": the parser hung
    the reported verb's subject on the cue (as a preposition, a time phrase, an object) and left
    the verb without one; the phrase between the cue and the verb is that subject."""
    if not _tensed(clause) or _has_that(clause) \
            or any(c.dep_ in SUBJECT_DEPS or c.dep_ in ("expl", "csubj", "csubjpass") for c in clause.children):
        return None
    for phrase in cue.rights:
        if phrase.left_edge.i == cue.i + 1 and phrase.right_edge.i + 1 == clause.left_edge.i \
                and (phrase.dep_ in ("npadvmod", "dobj") and phrase.pos_ in ("NOUN", "PROPN")
                     and cue.lemma_.lower() not in INSTRUCTION_VERBS
                     or phrase.lower_ in APPROXIMATORS and phrase.dep_ in ("prep", "advmod")):
            return phrase.left_edge.i
    return None


HYPHENS = {"-", "‐", "‑"}
GROUNDS_PREPOSITIONS = {"for", "of", "over"}  # what one is blamed for, accused of, criticised over
CIRCUMSTANCE_PREPOSITIONS = {"during", "after", "before", "since", "until", "amid", "throughout", "while"}
NAMING_VERBS = {"call", "dub", "label", "brand", "deem"}  # "dubbed him “the little senator”": object and name
DESCRIBING_VERBS = {"describe", "characterize", "characterise", "portray", "refer"}  # "described him as “…”"
# Requests whose addressee is part of what was asked ("urged the board to resign", "called on
# Lenz to quit"); "told them to prepare" keeps to the infinitive.
ADDRESSED_REQUESTS = {"ask", "urge", "encourage", "call"}


def _quoted_apposition(cue: Token, child: Token) -> int | None:
    """"noted the shift from the old motto, “Keep Tarn Working”": a quotation set off by a comma
    after the cue's object names what the object is; the parser took its first word for a verb the
    cue governs. The end of the quotation, or None."""
    doc = cue.doc
    first = child.left_edge.i
    if first > 0 and not doc[first].is_quote and doc[first - 1].is_quote:
        first -= 1  # (the opening mark hung on the cue)
    if child.dep_ != "xcomp" or child.tag_ != "VB" or child.i < cue.i or doc[first].tag_ != "``" or first < 2 \
            or doc[first - 1].text != "," or not any(c.dep_ == "dobj" and c.i < first for c in cue.children):
        return None
    return child.right_edge.i


def _object_content(cue: Token) -> Span | None:
    """"denied any link to the strike", "called for an early election", "promised to continue …"."""
    lemma = cue.lemma_.lower()
    if lemma not in lexicon().object_verbs and lemma not in INSTRUCTION_VERBS and lemma != "put":
        return None
    doc = cue.doc
    for child in cue.children:  # "urged Vestra to look at the figures", "told them to prepare for …"
        if _quoted_apposition(cue, child) is not None:
            continue
        if child.i > cue.i and (child.dep_ == "xcomp" or (child.dep_ == "advcl" and _infinitive(child))):
            end = child.right_edge.i
            for more in cue.children:  # "to keep the port | closed until …": a predicate split off by the parser
                obj = next((c for c in child.children if c.dep_ == "dobj" and c.right_edge.i == end), None)
                if obj is not None and more.i > end and more.left_edge.i == end + 1 \
                        and more.dep_ in ("advcl", "xcomp", "oprd") and more.pos_ in ("VERB", "ADJ") \
                        and not is_cue(more) and not any(c.dep_ in ("mark", "dobj", "xcomp", "ccomp") and c.i < more.i + 2
                                                         for c in more.children):
                    end = more.right_edge.i
            span = doc[child.left_edge.i:end + 1]
            asked = _addressee_before(cue, child) if lemma in ADDRESSED_REQUESTS else None
            if asked is not None:  # "asked the court to block the sale": whom the request is to goes with it
                return doc[asked.left_edge.i:end + 1]
            return _without_to(span)
    if lemma in INSTRUCTION_VERBS:
        return None
    for child in cue.children:
        if child.dep_ == "dobj" and child.pos_ in ("NOUN", "PROPN", "PRON") and child.i > cue.i:
            # "denied any link | to the strike", "accused governments | of ignoring …": the parser may
            # hang the object's prepositional phrase on the verb; a pronoun is content only with what
            # that phrase says of it ("accused him | of having a “penchant for secrecy”")
            end = child.right_edge.i
            for more in cue.children:  # "noted the shift from the old motto, | “Keep Tarn Working”"
                if (named := _quoted_apposition(cue, more)) is not None and more.left_edge.i in (end + 2, end + 3):
                    end = named
            for more in cue.children:  # "endorsed the re | - | election of …": a word the tokenizer split at its hyphen
                if more.dep_ == "dobj" and more.left_edge.i == end + 1 and HYPHENS & {doc[end].text, doc[end + 1].text}:
                    end = more.right_edge.i
            for phrase in cue.children:  # "… as a “tax on bread” | during a stop in Tarn": time and place stay out
                # (over an adverb of the verb's: "blamed Lenz directly | for the ferry cuts")
                between = doc[end + 1:phrase.i]
                if phrase.dep_ == "prep" and phrase.i > end and phrase.lower_ not in CIRCUMSTANCE_PREPOSITIONS \
                        and not _speaking_means(phrase) and (not between or phrase.lower_ in GROUNDS_PREPOSITIONS
                             and all(t.dep_ == "advmod" and t.head.i == cue.i and t.pos_ == "ADV" for t in between)):
                    end = phrase.right_edge.i
                # "described the old quay | as beset by rats": an "as" the parser read as a clause's mark
                if phrase.dep_ == "advcl" and phrase.left_edge.i == end + 1 and phrase.left_edge.lower_ == "as" \
                        and phrase.left_edge.dep_ == "mark" and not any(c.dep_ in SUBJECT_DEPS for c in phrase.children):
                    end = phrase.right_edge.i
            if child.pos_ == "PRON" and (end == child.right_edge.i
                                         or not _says_of_pronoun(cue, doc[child.right_edge.i + 1])):
                continue
            return _before_circumstance(doc[child.left_edge.i:end + 1])
        if child.dep_ == "prep" and child.lower_ in ("for", "against") and child.i == cue.i + 1:
            obj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)  # "called for getting …"
            if obj is not None:
                return doc[obj.left_edge.i:obj.right_edge.i + 1]
    return None


def _speaking_means(phrase: Token) -> bool:
    """"published the results | by announcing that …": a "by" phrase whose verb speaks is how the
    source said it, a statement of its own."""
    return phrase.lower_ == "by" and any(c.dep_ == "pcomp" and is_cue(c) for c in phrase.children)


def _addressee_before(cue: Token, infinitive: Token) -> Token | None:
    """Whom a request before its infinitive is made to: "urged Vestra | to look", "called on the
    board | to resign", "called for workers | to back the deal"."""
    for child in cue.children:
        if cue.i < child.i < infinitive.i:
            if child.dep_ == "dobj":
                return child
            if child.dep_ == "prep" and child.lower_ in ("on", "for"):
                return next((o for o in child.children if o.dep_ == "pobj"), None)
    return None


# Prepositions after a pronoun object that say where or to whom, not what of them: "reported it |
# to the police", "thanked them | on Monday", "praised him | in an email" (but "likened it to …").
CIRCUMSTANCE_AFTER_PRONOUN = {"in", "on", "at", "from", "to", "into", "with"}


def _says_of_pronoun(cue: Token, preposition: Token) -> bool:
    """"accused him | of …", "defended herself | against …", "likened it | to …": what the phrase
    after a pronoun object says of it is the content."""
    word = preposition.lower_
    return word not in CIRCUMSTANCE_AFTER_PRONOUN or word == "to" and cue.lemma_.lower() == "liken"


def _without_closing_circumstance(clause: Span, cue: Token) -> Span:
    """"endorsed Halden on Tuesday", "praised the dockers at a rally in Tarn": a date the parser hung
    on the cue, or a venue closing a reported noun phrase, says when or where, not what ("accused
    Kaldor on Monday of using gas as a weapon" keeps it: what follows is said)."""
    nominal = clause.root.pos_ in ("NOUN", "PROPN", "PRON")
    for prep in clause:
        if prep.dep_ != "prep" or not clause.start < prep.i or prep.right_edge.i != clause.end - 1:
            continue
        if prep.head.i == cue.i and _says_when(prep) or (prep.head.i == cue.i or nominal) and _names_venue(prep):
            return clause.doc[clause.start:prep.i]
    return _before_writers_aside(clause)


ASIDE_DASHES = ("—", "–", "--", "-")
# what a writer calls the words just reported: "— a claim …", ", a swipe at …" (beside the speech nouns)
COMMENT_NOUNS = {"message", "complaint", "reference", "allegation", "charge", "idea", "position", "stance",
                 "line", "phrase", "metaphor", "swipe", "dig", "jab", "nod", "reversal", "echo", "acknowledgment",
                 "acknowledgement", "concession", "move"}


def _comment_read_as_subject(subject: Token) -> bool:
    """"…, a charge Tessaly denied": a noun naming words, with "a", after a comma and with a name
    the parser put in apposition, is the object of a relative clause ("a charge [that] Tessaly
    denied") read as the subject of the verb; who said what there is not the charge."""
    doc = subject.doc
    left = subject.left_edge
    return subject.lemma_.lower() in lexicon().speech_nouns | COMMENT_NOUNS \
        and left.lower_ in ("a", "an") and left.i > 0 and doc[left.i - 1].text == "," \
        and any(c.dep_ in ("appos", "compound") and c.pos_ == "PROPN" and c.i == subject.i + 1 for c in subject.children)


def _before_writers_aside(clause: Span) -> Span:
    """"said it would end the levy — a promise he has made before", "…, a charge the council denied":
    a dash or comma and a noun phrase closing the sentence that name the words reported are the
    writer's comment on them, not part of them ("searching for another man — a suspect …" says more
    about the man, and stays)."""
    doc = clause.doc
    dashes = [t for t in clause if _is_dash(t)]
    breaks = [t for t in clause if (t.text == "," or _is_dash(t)) and t.i > clause.start + MIN_STATEMENT_WORDS]
    if not breaks or _is_dash(breaks[-1]) and len(dashes) > 1:
        return clause  # (a pair of dashes sets off an aside inside the words)
    mark = breaks[-1]
    after = doc[mark.i + 1:clause.end]
    before = _text(doc)[clause.start_char:mark.idx]
    open_quotation = before.count("“") > before.count("”") or before.count('"') % 2 or before.count("''") % 2
    if len(after) < 2 or after[0].lower_ not in ("a", "an") or open_quotation:
        return clause
    noun = after[0].head
    names_the_words = after.start <= noun.i < after.end \
        and noun.lemma_.lower() in lexicon().speech_nouns | COMMENT_NOUNS
    closes_sentence = all(t.is_punct or t.is_space for t in doc[clause.end:mark.sent.end])
    return doc[clause.start:mark.i] if names_the_words and closes_sentence else clause


def _is_dash(token: Token) -> bool:
    """A dash, or a hyphen with space before it ("plan - a promise"), not one inside a word."""
    return token.text in ASIDE_DASHES and (token.text != "-" or token.i > 0 and bool(token.doc[token.i - 1].whitespace_))


VENUE_PREPOSITIONS = {"in", "at", "on", "during"}  # "at a rally", "in an interview"; venue_of reads them too


def _names_venue(prep: Token) -> bool:
    """"at a rally", "in her column", "on Twitter": where the words were said."""
    return prep.lower_ in VENUE_PREPOSITIONS and any(
        c.dep_ == "pobj" and c.lemma_.lower() in lexicon().venue_nouns for c in prep.children)


DURATION_WORDS = {"week", "month", "year"}  # "profit in 17 years" measures, it does not date


def _says_when(prep: Token) -> bool:
    """"on Monday", "in March 2024": a prepositional phrase that dates the speech, not what was said."""
    return any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME")
               and any(t.lemma_.lower() in CALENDAR_WORDS - DURATION_WORDS for t in c.subtree) for c in prep.children)


def _before_circumstance(span: Span) -> Span:
    """"the levy as a “tax on bread” during a stop in Tarn", "the quay as “the end of the world” — a
    phrase …": after the quoted name, the parser may hang the time, place or the writer's dash inside
    the object; cut there."""
    for token in span[1:]:
        after_quotation = span.doc[token.i - 1].text in CLOSING_MARK_TOKENS
        if after_quotation and (token.lower_ in CIRCUMSTANCE_PREPOSITIONS or token.text in ("—", "–", "--")):
            return span.doc[span.start:token.i]
    return span


def _infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _nominal_descendants(cue: Token) -> list[Token]:
    """Tokens reached from the cue through objects and prepositions only."""
    found, frontier = [], [c for c in cue.children if c.dep_ in ("dobj", "prep", "npadvmod", "dative")]
    while frontier:
        token = frontier.pop()
        found.append(token)
        frontier += [c for c in token.children if c.dep_ in ("pobj", "prep", "relcl", "acl", "advcl", "compound")]
    return found


SECOND_THAT = re.compile(r"[”\"’']*\s*,?\s*and (?P<that>that)\s")


TAIL_OPENERS = {"but", "because", "if", "and", "although", "though", "while", "so"}


def _quoted_tail(doc: Doc, cue: Token, end: int, marked: list[Marked]) -> int | None:
    """"said he had offers for the boat, but “the offers were to sink it.”", "said the buzz was
    staged, a tribute to “the consummate politician”": the rest of the sentence goes on with the
    speaker's own quoted words, wherever the parser hung it; the statement runs to the sentence's
    end. (No other cue may stand there.)"""
    if cue.i > doc.char_span(end - 1, end, alignment_mode="expand")[0].i:
        return None  # a closing cue ("…, she said."): the content is before it
    sentence = cue.sent
    rest = [t for t in sentence if t.idx >= end]
    words = [t for t in rest if not t.is_punct and not t.is_space]
    if not words or rest[0].text == ":" or any(is_cue(t) and not _inside(t.idx, marked) for t in rest):
        return None  # "…: “…”" opens a quotation of its own
    # a phrase of the cue's own ("… on “Morning Hour”") is not what was said; a conjunction there
    # ("…, but “…”") goes on with it
    if words[0].head.i == cue.i and words[0].lower_ not in TAIL_OPENERS:
        return None
    if not any(_inside(t.idx, marked) for t in words):
        return None
    last = next(t for t in reversed(rest) if not t.is_punct or _inside(t.idx, marked))
    return _strip_edges(doc, end, last.idx + len(last.text))[1]


def _continued_predicate(doc: Doc, cue: Token, end: int) -> int | None:
    """"said he is ready to “take on the cartel,” secure the border and improve care": after a
    closing quotation mark the parser hangs the rest of the reported predicate on the cue. A verb
    that cannot be the speaker's own next act — a bare infinitive, or the present after a past
    cue ("said polls could be “way off,” and have been unreliable") — goes on with the content, as
    does a condition or reason of what was said; a bare infinitive does even without the mark."""
    text = _text(doc)
    for verb in cue.rights:
        gap = text[end:verb.left_edge.idx]
        if verb.dep_ not in ("advcl", "conj") or verb.left_edge.idx < end or not re.fullmatch(r"[\s,”\"']*(?:and\s+)?", gap) \
                or is_cue(verb):
            continue
        if not re.search(r"[”\"']", gap):
            # "pledged to enact the reform, fix the budget and …": a bare infinitive after a tensed cue
            # goes on with the infinitive reported before it, closing mark or not
            if _infinitive_goes_on(verb, cue, end):
                last = _last_of_predicate(verb)
                return _strip_edges(doc, end, last.idx + len(last))[1]
            continue
        if verb.dep_ == "advcl" and verb.left_edge.lower_ in CONDITION_WORDS and verb.left_edge.head.i == verb.i \
                and (verb.left_edge.lower_ != "when" or any(c.dep_ == "ccomp" for c in cue.children)) \
                and not _the_speakers_own_act(verb, cue):
            # "said there remains a “real gap,” when it comes to …", "called the plan “a mistake” because …":
            # the condition or the reason of what was said (after a name, "when …" tells of the thing named)
            return _strip_edges(doc, end, verb.right_edge.idx + len(verb.right_edge))[1]
        if any(c.dep_ in SUBJECT_DEPS or c.dep_ == "expl" for c in verb.children):
            continue
        if verb.tag_ == "VB" or verb.tag_ in ("VBZ", "VBP") and cue.tag_ == "VBD":
            return _strip_edges(doc, end, verb.right_edge.idx + len(verb.right_edge))[1]
    return None


CONDITION_WORDS = {"when", "if", "unless", "because", "although", "though", "whereas"}
PERSONAL_SUBJECTS = PRONOUNS | {"i", "we"}  # "when she spoke to reporters": the speaker again


def _infinitive_goes_on(verb: Token, cue: Token, end: int) -> bool:
    """A bare infinitive without a subject after the infinitive a tensed cue reports, which ends the content."""
    reported = any(c.dep_ == "xcomp" and c.tag_ == "VB" and c.right_edge.idx + len(c.right_edge) <= end
                   for c in cue.children)
    return reported and verb.tag_ == "VB" and cue.tag_ in ("VBD", "VBZ", "VBP") \
        and not any(c.dep_ in SUBJECT_DEPS for c in verb.children)


def _last_of_predicate(verb: Token) -> Token:
    """The predicate's last word, short of a clause with a subject of its own joined to it ("fix the
    budget and he, once again, pledged …")."""
    clause = next((c for c in verb.rights if c.dep_ == "conj" and any(g.dep_ in SUBJECT_DEPS for g in c.children)), None)
    if clause is None:
        return verb.right_edge
    words = [t for t in verb.subtree if t.i < clause.left_edge.i and not (t.dep_ == "cc" and t.head.i == verb.i)]
    return words[-1]


def _the_speakers_own_act(clause: Token, cue: Token) -> bool:
    """"when she spoke to reporters", "when asked": the occasion of the words, told of the speaker."""
    subject = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None:
        return True
    speaker = subject_of(cue)
    return subject.lower_ in PERSONAL_SUBJECTS or speaker is not None and subject.lower_ == speaker.lower_


def _second_that_clause(doc: Doc, end: int) -> int | None:
    """"told the chamber that the government was “not selling the port”, and that the land would
    remain state property": a second that-clause goes on with the same statement, wherever the
    parser hung it."""
    text = _text(doc)
    match = SECOND_THAT.match(text, end)
    if match is None:
        return None
    that = doc.char_span(match.start("that"), match.end("that"))
    if that is None or that[0].dep_ != "mark":
        return None
    clause = that[0].head
    if clause.sent.start != doc.char_span(end - 1, end, alignment_mode="expand")[0].sent.start:
        return None
    return _strip_edges(doc, clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge.text))[1]


COLON_THEN_WORDS = re.compile(r"\s*:\s+(?=[^\s“\"'‘«])")


def _clause_after_colon(doc: Doc, cue: Token, end: int) -> int | None:
    """"said the port will prove what its backers have long said: It is the best in the region": the
    parser makes the clause after the colon a second report of the same cue; it spells out the first."""
    match = COLON_THEN_WORDS.match(_text(doc), end)
    first = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand") if match else None
    if first is None:
        return None
    clause = next((c for c in cue.children if c.dep_ == "ccomp" and c.left_edge.i == first[0].i), None)
    if clause is None:
        return None
    return _strip_edges(doc, end, clause.right_edge.idx + len(clause.right_edge))[1]


def _after_closing_quotation(token: Token) -> bool:
    """"… “expanded the party,” claiming …": the word follows a closing mark and a comma or dash."""
    before = {t.text for t in token.doc[max(0, token.i - 2):token.i]}
    return bool(before & {",", "—", "–"}) and bool(before & set(CLOSING_MARK_TOKENS))


def _without_next_cue(span: Span, cue: Token) -> Span:
    """"said he would order a review and warned against …": the second cue's words are no content."""
    for token in span:
        # only a cue that shares the speaker's subject is a second statement ("… and the union had not
        # asked" has a subject of its own: it is part of what was said)
        second = token.dep_ == "conj" and token.head.i < token.i and not _reported_clause_goes_on(token, cue)
        # "… “expanded the party,” claiming that …": a participle after the quotation says more
        participle = token.tag_ == "VBG" and token.i - 2 >= span.start \
            and (_after_closing_quotation(token) or _goes_on_after_comma(token, cue))
        if (second or participle) and is_cue(token) and token.i > span.start \
                and not any(c.dep_ in SUBJECT_DEPS for c in token.children):
            end = token.i
            while end > span.start and span.doc[end - 1].dep_ in ("cc", "punct"):
                end -= 1
            return span.doc[span.start:end]
    return span


def _reported_clause_goes_on(token: Token, cue: Token) -> bool:
    """A verb joined to the reported clause (not to the cue) that is no next act of the speaker:
    one in the present after a cue in the past ("said he is proud of his campaign and expects to
    leave with …": the next act would be told in the past, "… and warned against …"), or a
    belief ("said his government had made an offer and expected a reply")."""
    if token.head.i == cue.i:
        return False
    present_after_past = token.tag_ in ("VBZ", "VBP") and cue.tag_ == "VBD"
    # "said Lenz is acting unlawfully and showing disregard for …", "would order a review and
    # publish it": a participle or bare verb joined to one of its own form shares its auxiliary
    # (not a participle of the speaker's own: "…, vowing to …, and suggesting …")
    shared_frame = token.tag_ == token.head.tag_ and token.tag_ in ("VBG", "VB") \
        and not any(c.dep_ in ("aux", "auxpass") for c in token.children) \
        and any(c.dep_ in ("aux", "auxpass") for c in token.head.children)
    return present_after_past or shared_frame or token.lemma_.lower() in lexicon().attitude_verbs


def _goes_on_after_comma(token: Token, cue: Token) -> bool:
    """"said the levy was improper, adding that …": a continuing participle the parser hung on the
    reported clause is the speaker's next statement (its subject is the cue's: see subject_of)."""
    if token.doc[token.i - 1].text != "," or token.dep_ != "advcl" or token.lemma_.lower() not in CONTINUING_CUES:
        return False
    teller = _cue_reporting(token.head)
    return teller is not None and teller.i == cue.i


def _cue_reporting(verb: Token) -> Token | None:
    """The cue whose reported clause ``verb`` heads, or goes on as a second predicate ("said her
    father has been an advocate … and would do the same"): its words are the cue's subject's."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.head if verb.dep_ == "ccomp" and is_cue(verb.head) else None


PARENTHESIS_WORDS = 12  # "…, a spokeswoman for the port authority, Anna Berg, said on Saturday, …"


def _parenthetical_content(cue: Token) -> Span | None:
    """"The levy, Ms. Varga often says, is the fairest tax we have": the sentence around the cue."""
    doc, sentence = cue.doc, cue.sent
    # the commas around it may hang on the cue
    words = [t.i for t in cue.subtree if not t.is_punct and not t.is_space]
    phrase_start, phrase_end = min(words), max(words) + 1
    if cue.dep_ not in ("parataxis", "advcl", "ccomp", "conj") or cue.head.i == cue.i:
        return None
    # two subjects are a misparse ("…, if bogus, ideas and theories to organize …, she said"): the nearer speaks
    subject = _nearer_subject([c for c in cue.children if c.dep_ in SUBJECT_DEPS], cue)
    if subject is not None and subject.left_edge.i > phrase_start and doc[subject.left_edge.i - 1].text == "," \
            and phrase_end - subject.left_edge.i <= PARENTHESIS_WORDS and not _says_something_itself(cue):
        # "To understand the harbour, Rask said, one should …", "At times, aides said, …": the parser hung
        # the sentence's opening phrase on the cue; the cue's own phrase starts with its subject
        phrase_start = subject.left_edge.i
    # (the comma may stand inside a closing mark: "“Only you, Lenz,” she said, would …")
    after_comma = phrase_start > sentence.start and doc[phrase_start - 1].text == "," \
        or phrase_start - 1 > sentence.start and doc[phrase_start - 1].text in CLOSING_MARK_TOKENS \
        and doc[phrase_start - 2].text == ","
    # "…, Dorin told reporters.": the phrase opens with the cue's own subject ("…, criticizing the plan"
    # has none; "…, given that Wren has criticized the plan" is a subordinate clause)
    # … or with the cue before its subject ("…, said the company's chief executive, Anton Rask.")
    inverted = subject is not None and subject.i > cue.i and phrase_start == cue.i and cue.lemma_.lower() in INVERTIBLE
    closing = subject is not None and (subject.left_edge.i == phrase_start or inverted) \
        and phrase_end - phrase_start <= PARENTHESIS_WORDS
    if after_comma and closing and cue.head.i < phrase_start \
            and all(t.is_punct or t.is_space for t in doc[phrase_end:sentence.end]):
        # "Kaldor expects …, Dorin told reporters.": a closing cue the parser hung on the content
        start, end = sentence.start, phrase_start - 1
        # "Or perhaps Ilse Varga, consultant Petra Lind says.": words without a verb say nothing
        said = any(t.pos_ in ("VERB", "AUX") for t in doc[start:end])
        return doc[start:end] if end - start >= MIN_STATEMENT_WORDS and said else None
    if not (after_comma and phrase_end < sentence.end and doc[phrase_end].text == ","):
        return None
    start, end = sentence.start, sentence.end
    while end > start and doc[end - 1].is_punct:
        end -= 1
    return doc[start:end] if end - start > phrase_end - phrase_start + MIN_STATEMENT_WORDS else None


def _says_something_itself(cue: Token) -> bool:
    """"Trump attacked Romney", "Sweet said the ads were false": a cue with words or an object of its
    own is no parenthesis (the one told is no object here: "Lind told the Post, …")."""
    return any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "acomp", "oprd")
               and not (c.dep_ == "dobj" and c.i > cue.i and cue.lemma_.lower() == "tell") for c in cue.children)


def _mixed_around_cue(cue: Token, clause: Span, marked: list[Marked]) -> bool:
    """"The investment, Ms. Varga said, “is a perfect example of adapting” to …": a cue set off by
    commas inside a sentence of quoted and unquoted words says the whole sentence, not only the
    quotation beside it. ("“A,” she said, “B.”" is all quoted: a split quotation.)"""
    if not clause.start < cue.i < clause.end or not any(clause.start_char <= m.start < clause.end_char for m in marked):
        return False
    around = _parenthetical_content(cue)
    if around is None or (around.start, around.end) != (clause.start, clause.end):
        return False
    phrase = {t.i for t in cue.subtree}
    # "X said" inside the subject-verb of what was said; not "In other words, he said, “…”"
    # (the words before are no part of it) nor "…, telling the crowd, “…”" (a participle)
    if not any(c.dep_ in SUBJECT_DEPS for c in cue.children) or \
            not any(c.dep_ in SUBJECT_DEPS and c.i < min(phrase) for c in cue.head.children):
        return False
    unquoted = [t for t in clause if t.i not in phrase and t.is_alpha and not _inside(t.idx, marked)]
    return len(unquoted) >= 2


def _reported_clause(verb: Token) -> bool:
    """The verb heads a clause its head reports: a complement, or a "that"-clause the parser hung
    as an adverbial one ("tweeted … that Machado was “disgusting” and encouraged …")."""
    return verb.dep_ == "ccomp" or verb.dep_ == "advcl" and (_has_that(verb) or _opens_with_that(verb))


def _opens_with_that(clause: Token) -> bool:
    """"tweeted … that Machado was …" with "that" parsed as an adverb: a that-clause still."""
    return clause.left_edge.lower_ == "that" and clause.left_edge.i > clause.head.i


def _has_that(token: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in token.children)


def _clause_right_after(obj: Token, cue: Token) -> Span | None:
    """"after Trump told The Washington Post he was “not quite there yet”": a clause right after
    the one told, which the parser hung elsewhere (even with the cue under it)."""
    doc = cue.doc
    first = doc[obj.right_edge.i + 1] if obj.right_edge.i + 1 < len(doc) else None
    verb = first.head if first is not None and first.dep_ in SUBJECT_DEPS else None
    if verb is None or verb.dep_ not in ("ccomp", "ROOT") or verb.i < first.i or verb.head.i == cue.i \
            or cue.right_edge.i >= first.i or first.left_edge.i != first.i:
        return None
    return doc[first.i:verb.right_edge.i + 1]


def _that_read_as_relative(clause: Token) -> bool:
    """"predicted at the debate that Republicans will take “every state”": "that" read as the
    relative clause's object, though the clause has an object and a subject of its own — so
    "that" only introduces it."""
    that = clause.left_edge
    if that.lower_ != "that" or that.head.i != clause.i or that.dep_ not in ("dobj", "nsubj"):
        return False
    return any(c.dep_ == that.dep_ and c.i != that.i for c in clause.children) \
        and any(c.dep_ in SUBJECT_DEPS and c.i != that.i for c in clause.children)


def _without_to(span: Span) -> Span:
    """"to work across the aisle" → "work across the aisle": an infinitive's content without its "to"."""
    return span.doc[span.start + 1:span.end] if span[0].lower_ == "to" else span


def _without_that(span: Span) -> Span:
    """"said that the port …" without its "that"; "says that's what …" and "said that was a matter
    for …" keep their pronoun."""
    if len(span) > 1 and span[0].lower_ == "that" and span[0].whitespace_ and not _that_is_the_subject(span):
        return span.doc[span.start + 1:span.end]
    return span


def _that_is_the_subject(span: Span) -> bool:
    """"that was a matter for prosecutors": the clause's verb (or its auxiliary) comes right after
    "that", its subject; in "that repairs to the bridge would cost …" the verb comes later, and
    "that" opens the clause (the parser may call either one a subject)."""
    after, root = span[1], span.root
    return span[0].pos_ != "SCONJ" and (after.i == root.i or after.dep_ in ("aux", "auxpass") and after.head.i == root.i)


def _strip_edges(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Trim spaces, dashes, stray commas and quotation marks from a content span's edges."""
    text = _text(doc)
    while start < end and (text[start].isspace() or text[start] in ",;:—–-“\"«„‘`"
                           or text.startswith("''", start)
                           or text[start] == "'" and text[start + 1:start + 2].isalpha()):  # 'We … (typed)
        start += 2 if text.startswith("''", start) else 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-”\"»"
                           or text[end - 2:end] == "''"
                           or (text[end - 1] in "’'" and text[end - 2:end - 1] in (",", ".", "!", "?"))):
        end -= 2 if text[end - 2:end] == "''" else 1
    return start, end


def _with_closing_mark(text: str, start: int, end: int) -> int:
    """The statement “offensive and outlandish.”: a closing mark just after a span (after its full
    stop or comma) that answers an opening mark inside it ends the span, so its text is balanced."""
    stop = 1 if text[end:end + 1] in (".", ",", "!", "?") else 0
    for mark in ("''", "”", '"'):
        if text.startswith(mark, end + stop) and _closes_inner_quotation(text, start, end + stop + len(mark)):
            return end + stop + len(mark)
    return end


def _closes_inner_quotation(text: str, start: int, end: int) -> bool:
    """The closing mark at ``end`` answers an opening mark inside the span."""
    if text[end - 2:end] == "''":
        return text.count("''", start, end - 2) % 2 == 1
    if text[end - 1] == "”":
        # (a “ after a word or a stop closes: “Not a chance,“ he said.)
        typed = sum(1 for i in range(max(start, 1), end - 1)
                    if text[i] == "“" and (text[i - 1].isalnum() or text[i - 1] in ",.!?"))
        return text.count("“", start, end - 1) - typed > text.count("”", start, end - 1) + typed
    if text[end - 1] == '"':
        return text.count('"', start, end - 1) % 2 == 1
    return False


def cue_statements(doc: Doc, marked: list[Marked]) -> list[Found]:
    found = []
    for token in _tokens(doc):
        if not is_cue(token):
            continue
        # a cue inside a quotation (nested speech) has its subject inside it too
        quoted = _inside(token.idx, marked)
        subject = subject_of(token, [] if quoted else marked)
        clause = clause_of(token, quoted)
        if subject is None or clause is None \
                or len(clause) < MIN_STATEMENT_WORDS and not _backs_a_name(token, clause) and not _short_object(token, clause) \
                and not _short_answer(token, clause) \
                or _not_a_statement(token, clause):
            continue
        if clause.start <= subject.i < clause.end and not clause.start <= token.i < clause.end:
            continue  # the "subject" lies in the content: a misparse (a parenthetical cue lies inside too)
        if _comment_read_as_subject(subject):
            continue  # "…, a charge Tessaly denied": the writer's aside, misread as a sentence of its own
        clause = _without_closing_circumstance(clause, token)
        around = _mixed_around_cue(token, clause, marked) or _relative_named(token, clause)
        if clause.start < token.i and _introduces_quotation(token, marked) and not around:
            continue  # "…, Kall said: “I feel …”": what was said is the quotation after the cue
        if clause.start < token.i < clause.end and _quotation_before(clause, token, marked) and not around:
            continue  # “A,” Sanders said, suggesting “B”: the parser joined A and B; each is taken alone
        if _inside(token.idx, marked):
            found += _nested(token, subject, clause, marked)
            continue
        if clause.start > token.i and _has_own_cue(doc, clause, token, marked):
            continue
        clause = _from_colon_quotation(clause, token, marked)
        clause, audience = _headline_audience(token, clause)
        start, end = _strip_edges(doc, clause.start_char, clause.end_char)
        end = _continued_predicate(doc, token, end) or end
        start, end, parts = _absorb_marked(start, end, marked)
        end = _second_that_clause(doc, end) or _clause_after_colon(doc, token, end) or end
        tail = _quoted_tail(doc, token, end, marked)
        if tail is not None:
            start, end, parts = _absorb_marked(start, tail, marked)
        opening = next((m for m in marked if m.start == start), None)  # "…, Halden said, “this has …”"
        front = _sentence_before_parenthesis(doc, opening, token, subject, marked) if opening is not None else None
        if front is not None:
            start, parts = front[0], [front, *(parts or [(opening.start, end)])]
        if not parts and _measured_by(token) is None:  # (what a poll found is all its own)
            end = _before_trailing_aside(doc, start, end, marked)
        rule = QUESTION if _question_put(token, clause) else f"{NAME}:cue_clause"
        found.append(Found(start, end, rule, 0.85, parts, cue=token,
                           speaker=_subject_span(subject), source=_relative_source(token, subject), venue=audience))
    found += label_statements(doc, marked, found)
    found = _without_hearsay(_before_voiced_relatives(found), marked)
    found += according_to(doc, marked)
    found += measured_in(doc, marked)
    found += noun_statements(doc, marked)
    found += argued_statements(doc, marked, found)
    found += stance_statements(doc, marked, found)
    found += refusal_statements(doc, marked, found)
    found += asked_statements(doc, marked, found)
    found += request_statements(doc, marked, found)
    found += topic_statements(doc, marked, found)
    found += that_statements(doc, marked, found)
    found += view_statements(doc, marked, found)
    found += attitude_statements(doc, marked, found)
    found += hedge_statements(doc, marked, found)
    return [_with_object_predicate(s, doc, marked) for s in found]


def _with_object_predicate(found: Found, doc: Doc, marked: list[Marked]) -> Found:
    """"pointed to Kaldor as the likely buyer", "called on the board to roll back the fees": what
    the parser hung on the cue right after its object, an "as" phrase or an infinitive, says what
    the object is or is to do; it belongs to the content."""
    cue = found.cue
    span = doc.char_span(found.start, found.end, alignment_mode="expand") if cue is not None and not found.parts else None
    if span is None or span.start < cue.i or _inside(found.start, marked):
        return found
    root = span.root
    governor = root.head if root.dep_ == "dobj" else root.head.head if root.dep_ == "pobj" else None
    if root.pos_ not in ("NOUN", "PROPN", "PRON") or governor is None or governor.i != cue.i:
        return found
    for child in cue.children:
        if span.end <= child.i <= span.end + 1 and child.left_edge.i <= span.end + 1 \
                and (child.dep_ == "prep" and child.lower_ == "as"
                     or child.dep_ in ("xcomp", "ccomp", "advcl") and _infinitive(child)):
            last = child.right_edge
            found.end = max(found.end, last.idx + len(last.text))
            break
    return found


ASIDE_OPENERS = {"who", "whom", "whose", "which", "where"}


def _before_trailing_aside(doc: Doc, start: int, end: int, marked: list[Marked]) -> int:
    """"said the inquiry had the help of Bryan Lind, who kept the port's books": a relative clause
    set off by a comma that ends what was reported is the writer's aside on the last name, not the
    speaker's claim; reported words end before it (words in quotation marks stay whole, and so does
    an aside the speaker is still telling: "…, which he said would tie their hands"). After words
    quoted inside the reported clause it goes the same way ("he was “still thinking it over” about
    backing Lind, who faces …")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    quoted = [m for m in marked if m.start < end and start < m.end]
    if span is None or quoted and min(m.start for m in quoted) <= start + 1:
        return end  # (a quotation opens what was said: the speaker's words, whole)
    for token in span:
        first = token.left_edge
        opener = first.lower_ in ASIDE_OPENERS or first.dep_ == "prep" and first.i + 1 < len(doc) \
            and doc[first.i + 1].lower_ in ("whom", "which")  # "…, for whom he was to host a fundraiser"
        if token.dep_ == "relcl" and opener and first.i > span.start + 2 and doc[first.i - 1].text == "," \
                and token.right_edge.i >= span.end - 3 and not any(is_cue(t) for t in token.subtree) \
                and not any(m.end > first.idx for m in quoted):
            before = doc[first.i - 2]
            return before.idx + len(before.text)
    return end


def _short_object(cue: Token, content: Span) -> bool:
    """"called for the ban", "condemned his dismissal", "denied wrongdoing", "criticized Halden": what
    a verb of saying reports as its object may be a name, a bare noun or two words (an owner or
    determiner and its noun), when the verb is said to have been done in a clause of its own (not
    "lamenting the weather, …", "as he welcomed the guests", "hard to explain the result", "would
    have criticized Halden") and not "called the police" (a naming verb reports only what it calls for)."""
    lemma = cue.lemma_.lower()
    asserted = cue.tag_ in ("VBD", "VBZ", "VBP", "VBN") and cue.dep_ in ("ROOT", "conj", "ccomp", "relcl") \
        and not any(c.dep_ == "mark" for c in cue.children) and _asserted(cue)
    named = len(content) > 0 and all(t.pos_ == "PROPN" for t in content)  # "criticized Halden", "praised Ilse Varga"
    bare = len(content) == 1 and content[0].pos_ == "NOUN"  # "denied wrongdoing", "urged calm"
    owned = len(content) == 2 and content[0].dep_ in ("det", "poss") and content[1].pos_ == "NOUN" \
        and content[0].head.i == content[1].i
    return (owned or named or bare) and asserted and lemma in lexicon().object_verbs \
        and (lemma not in NAMING_VERBS or content[-1].dep_ == "pobj")


def _quoted_words(doc: Doc, m: Marked) -> str:
    return _marked_words(_text(doc), m)


def _has_own_cue(doc: Doc, clause: Span, cue: Token, marked: list[Marked]) -> bool:
    """"Moscow denies — “why would you not raise it?” asked Dunn": a quotation followed by a cue of
    its own is that cue's, not the content of a verb before it."""
    for m in marked:
        inside = min(m.end, clause.end_char) - max(m.start, clause.start_char)
        if inside >= 0.8 * (clause.end_char - clause.start_char):
            if not _quoted_words(doc, m).endswith((",", "?", "!")):
                return False  # “… together.” He warns that …: a new sentence, not this quotation's cue
            after = _cue_after(doc, m, marked)
            if after is None or after[0].i == cue.i or after[0].tag_ == "VBG":
                return False  # “…,” adding, “…”: the same speaker goes on
            # “…,” one of the prosecutors said the cases differ: that cue has words of its own
            return not any(c.dep_ in ("ccomp", "xcomp") and c.i > after[0].i for c in after[0].children)
    return False


def _from_colon_quotation(clause: Span, cue: Token, marked: list[Marked]) -> Span:
    """"Wren declared the need for patience: “Wait for May,” she said.": the parser hangs the whole
    sentence on the closing cue, but it says only the quotation; the words before the colon are
    the sentence's own statement."""
    text = _text(cue.doc)
    for m in marked:
        opener = _opener(text, m)
        if clause.start_char < opener and m.start < clause.end_char and m.end <= cue.idx \
                and (text[clause.start_char:opener].rstrip().endswith(":") or _introduced_by_a_cue(clause, cue, opener)):
            return cue.doc.char_span(opener, clause.end_char, alignment_mode="expand") or clause
    return clause


def _introduced_by_a_cue(clause: Span, cue: Token, opener: int) -> bool:
    """"Brill weighed in, telling the Ledger, “…,” he said": a participle cue whose phrase runs to the
    quotation's comma (or, as the parser may have it, into the quotation) introduced it already; the
    words before are the writer's, not what was said."""
    words = [t for t in clause if t.idx < opener]
    return bool(words) and words[-1].text == "," and any(
        t.tag_ == "VBG" and is_cue(t) and t.i != cue.i and t.right_edge.i >= words[-1].i - 1
        and clause.doc[t.left_edge.i - 1].text == "," for t in words)  # (a participle phrase set off by commas)


def label_statements(doc: Doc, marked: list[Marked], found: list[Found]) -> list[Found]:
    """"Reid has been pounding Wren as a “con artist”", "admires the mayor as a “strong leader”":
    whatever the verb, a subject that puts its object down as a quoted label says so."""
    out = []
    taken = {s.cue.i for s in found if s.cue is not None}
    for as_word in _tokens(doc):
        verb = as_word.head
        if as_word.lower_ != "as" or as_word.dep_ != "prep" or verb.pos_ != "VERB" or verb.i in taken:
            continue
        obj = next((c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i and c.right_edge.i < as_word.i), None) \
            or _object_after_preposition(verb, as_word)
        if obj is None or _inside(verb.idx, marked):
            continue
        subject = subject_of(verb, marked)
        if subject is None or subject.lower_ in RELATIVE_PRONOUNS or subject.pos_ not in ("PROPN", "NOUN", "PRON"):
            continue
        phrase_end = as_word.right_edge.idx + len(as_word.right_edge.text)
        labels = [m for m in marked if as_word.idx < m.start <= as_word.idx + 6 and m.end <= phrase_end + 2
                  and not _is_title(_text(doc)[m.start:m.end])]
        if not labels or _when_or_amount(obj):
            continue  # the label is quoted right after "as" ("as a “con artist”"), and no title
        start, end = _strip_edges(doc, obj.left_edge.idx, max(m.end for m in labels))
        start, end, parts = _absorb_marked(start, end, marked)
        out.append(Found(start, end, f"{NAME}:quoted_label", 0.7, parts, cue=verb, speaker=_subject_span(subject),
                         source=_relative_source(verb, subject)))
    return out


def _object_after_preposition(verb: Token, as_word: Token) -> Token | None:
    """"has gone after Halden as a “con artist”", "referred to him as “…”": whom a phrasal verb's
    preposition names, right after the verb."""
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.i == verb.i + 1 and c.lower_ in ("after", "at", "to")), None)
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    return obj if obj is not None and obj.right_edge.i < as_word.i else None


STANCE_CLAUSES = {"ROOT", "conj", "relcl"}  # not "a group backing X", "alleged that X wants"
WRITER = {"i", "you", "we"}  # the writer and the reader: nobody reported
STANCE = f"{NAME}:stance"


def stance_statements(doc: Doc, marked: list[Marked], found: list[Found]) -> list[Found]:
    """"Lenz supports the levy", "the union wants a vote on Friday": a named source's stance, its
    object or infinitive, where no statement found holds the verb already."""
    out = []
    for verb in _tokens(doc):
        # not in a question: the writer's own voice ("Do you support …?") is nobody's reported stance
        if verb.lemma_.lower() not in lexicon().stance_verbs or verb.dep_ not in STANCE_CLAUSES \
                or not _free_verb(verb, marked, found) \
                or any(c.dep_ == "neg" or c.tag_ == "MD" for c in verb.children):
            continue  # "would support X", "may want to" suppose; "does not want" is no stance held
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        content = _stance_object(verb)
        if subject is None or subject.lower_ in {"which", "that"} | WRITER or content is None \
                or verb.dep_ == "relcl" and not _named_aside(verb, subject) \
                or len(content) < 2 and not _backs_a_name(verb, content):
            continue
        out.append(_subject_statement(content, marked, STANCE, 0.6, verb, verb, subject))
    return out


REFUSAL = f"{NAME}:refusal"


def refusal_statements(doc: Doc, marked: list[Marked], found: list[Found]) -> list[Found]:
    """"Dorin declined to comment", "the ministry refused to say when …": a refusal to speak or act is
    the source's answer, its infinitive (with "to") or object the content; asserted, where no statement
    found holds the verb."""
    out = []
    for verb in _tokens(doc):
        if verb.lemma_.lower() not in lexicon().refusal_verbs or not _free_verb(verb, marked, found) \
                or any(c.dep_ in ("neg", "auxpass") or c.tag_ == "MD" for c in verb.children):
            continue
        content = next((c for c in verb.children
                        if c.i > verb.i and (c.dep_ == "dobj" or c.dep_ == "xcomp" and _infinitive(c))), None)
        subject = subject_of(verb, marked) if content is not None else None
        if subject is None or not _can_speak(subject, verb) or subject.lower_ in WRITER \
                or verb.dep_ == "relcl" and not any(c.dep_ == "nsubj" and _named_aside(verb, c) for c in verb.children):
            continue  # "people who refused to pay were fined" says which people
        out.append(_subject_statement(doc[content.left_edge.i:content.right_edge.i + 1], marked, REFUSAL, 0.6,
                                      verb, verb, subject))
    return out


QUESTION = f"{NAME}:question"


def asked_statements(doc: Doc, marked: list[Marked], found: list[Found]) -> list[Found]:
    """"Asked by reporters whether he would sign the bill, Lind said …": the question an answer was
    given to, put by whoever the "by" phrase names ("was asked by the council to resign" is the
    council's request). With no asker named ("Asked whether …") nobody is reported to have said
    it, and it is never put on the one who answers."""
    out = []
    for verb in _tokens(doc):
        if verb.lemma_.lower() != "ask" or verb.tag_ != "VBN" or not _free_verb(verb, marked, found) \
                or any(c.dep_ == "nsubj" for c in verb.children):
            continue  # "Lind asked whether …" is a cue's
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        asker = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        content = _question_asked(verb) if asker is not None else None
        if content is None:
            continue
        rule = REQUEST if content.root.dep_ == "xcomp" else QUESTION
        out.append(_subject_statement(content, marked, rule, 0.6, verb, verb, asker))
    return out


def _question_asked(verb: Token) -> Span | None:
    """What was asked: a clause opened by "whether", "if" or a question word, an infinitive
    ("asked to describe the device"), an object ("asked a direct question") or what an "about"
    phrase names."""
    doc = verb.doc
    for child in verb.children:
        if child.i < verb.i:
            continue
        if child.dep_ == "ccomp" and child.left_edge.lower_ in QUESTION_OPENERS \
                or child.dep_ == "xcomp" and _infinitive(child) or child.dep_ == "dobj":
            return doc[child.left_edge.i:child.right_edge.i + 1]
        if child.dep_ == "prep" and child.lower_ == "about":
            topic = next((c for c in child.children if c.dep_ == "pobj"), None)
            if topic is not None:
                return doc[topic.left_edge.i:topic.right_edge.i + 1]
    return None


# Statements that take no position: what was refused, and a question put (the statements stage
# neither links them nor clusters them into positions)
STATES_NOTHING = {REFUSAL, QUESTION}


VIEW = f"{NAME}:view"


def view_statements(doc: Doc, marked: list[Marked], found: list[Found]) -> list[Found]:
    """"Lenz sees the levy as a lifeline", "voters view Halden as the stronger candidate": how a
    source that can speak sees something, the object with its "as" phrase; asserted, in the
    writer's own sentence (as a stance is: a main clause, or an aside on a name), where no
    statement found holds the verb."""
    out = []
    views = lexicon().view_verbs
    for verb in _tokens(doc):
        if verb.lemma_.lower() not in views or verb.dep_ not in STANCE_CLAUSES \
                or not _free_verb(verb, marked, found + out) \
                or any(c.dep_ in ("neg", "auxpass") or c.tag_ == "MD" for c in verb.children):
            continue  # not inside "rumours that the board sees …": a view someone else ascribes
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
        if obj is None:
            continue
        as_phrase = next((c for c in [*verb.children, *obj.children]
                          if c.dep_ == "prep" and c.lower_ == "as" and c.i > verb.i), None) \
            or _as_predicate(verb, obj)
        subject = subject_of(verb, marked) if as_phrase is not None else None
        if subject is None or not _can_speak(subject, verb) \
                or subject.lower_ in WRITER or verb.dep_ == "relcl" and not _named_aside(verb, subject):
            continue
        content = doc[obj.left_edge.i:max(obj.right_edge.i, as_phrase.right_edge.i) + 1]
        out.append(_subject_statement(content, marked, VIEW, 0.6, verb, verb, subject))
    return out


def _as_predicate(verb: Token, obj: Token) -> Token | None:
    """"see the campaign as most unfair": the parser may read "as" and its adjective as a clause of
    the verb's own; the "as" opens it, right after the object, and it has no verb ("saw the boat as
    it left" is when)."""
    return next((c for c in verb.children if c.dep_ == "advcl" and c.pos_ in ("ADJ", "NOUN") and c.i > obj.i
                 and c.left_edge.lower_ == "as" and c.left_edge.i == obj.right_edge.i + 1), None)


def _held_by(word: Token, statements: list[Found]) -> bool:
    """A statement already found holds the word: it is part of what was said, not a new statement."""
    return any(s.start <= word.idx < s.end for s in statements)


def _subject_statement(content: Span, marked: list[Marked], rule: str, confidence: float, cue: Token,
                       verb: Token, subject: Token) -> Found:
    """What ``subject`` of ``verb`` reports, ``content``; "Elmendorf, who supports Clinton": the
    pronoun is the source, the noun it stands for the speaker."""
    start, end = _strip_edges(content.doc, content.start_char, content.end_char)
    start, end, parts = _absorb_marked(start, end, marked)
    speaker, source = (verb.head, subject) if subject.lower_ == "who" else (subject, _relative_source(verb, subject))
    return Found(start, end, rule, confidence, parts, cue=cue, speaker=_subject_span(speaker), source=source)


THAT_CLAUSE = f"{NAME}:that_clause"
# Pronouns that stand for people ("many suspect that …"); "it", "this" and the writer's I/we/you do not.
PEOPLE_PRONOUNS = {"he", "she", "they", "who", "many", "some", "others", "both", "most"}
NOT_PEOPLE = {"DATE", "TIME", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT", "FAC", "LOC"}


def that_statements(doc: Doc, marked: list[Marked], found: list[Found]) -> list[Found]:
    """"Police determined that …", "Wren has learned that …", "many suspect that …": whatever the
    verb, a person or a body with a that-clause of its own reports what it knows, thinks or found;
    so does one that is sure of it ("officials remain confident that …", "made it clear that …").
    Taken only where no statement found holds the word, with a source that can speak."""
    out: list[Found] = []
    listed = lexicon().speech_verbs | lexicon().object_verbs  # cues already
    for word in _tokens(doc):
        held = _that_clause_of(word) if word.lemma_.lower() not in listed else None
        if held is None or _inside(word.idx, marked) or _held_by(word, found + out) \
                or any(c.dep_ == "auxpass" for c in held[0].children):
            continue  # "it was decided that" has nobody to report
        holder, clause = held
        subject = subject_of(holder, marked)
        if subject is None or not _can_speak(subject, holder):
            continue
        content = _without_that(doc[clause.left_edge.i:clause.right_edge.i + 1])
        if len(content) < MIN_STATEMENT_WORDS:
            continue
        out.append(_subject_statement(content, marked, THAT_CLAUSE, 0.5, word, holder, subject))
    return out


REQUEST = f"{NAME}:request"


def request_statements(doc: Doc, marked: list[Marked], found: list[Found]) -> list[Found]:
    """"pressed the council to resign", "challenged Lenz to release her returns": a request, made to
    someone, to do something; taken only where no statement found holds the verb, from a source
    that can speak."""
    out: list[Found] = []
    requests = lexicon().request_verbs
    for verb in _tokens(doc):
        if verb.lemma_.lower() not in requests or not _free_verb(verb, marked, found + out):
            continue
        asked = _request(verb)
        subject = subject_of(verb, marked) if asked is not None else None
        if subject is None or not _can_speak(subject, verb):
            continue
        addressee, infinitive = asked
        out.append(_subject_statement(doc[addressee.left_edge.i:infinitive.right_edge.i + 1], marked, REQUEST, 0.5,
                                      verb, verb, subject))
    return out


def _free_verb(verb: Token, marked: list[Marked], statements: list[Found]) -> bool:
    """A verb of the writer's own sentence, not a question, that no statement found holds."""
    return verb.pos_ == "VERB" and _free_word(verb, marked, statements)


def _free_word(word: Token, marked: list[Marked], statements: list[Found]) -> bool:
    """A word of the writer's own sentence, not a question, that no statement found holds."""
    return not _inside(word.idx, marked) and not _held_by(word, statements) \
        and not word.sent.text.rstrip().endswith("?")


TOPIC = f"{NAME}:topic"


def topic_statements(doc: Doc, marked: list[Marked], found: list[Found]) -> list[Found]:
    """"Wren talked about the levy", "Halden pointed to the figures", "railed against the board":
    what a source spoke of, the object of the verb's own preposition; taken only where no statement
    found holds the verb, asserted (not asked, negated or supposed), from a source that can speak."""
    out: list[Found] = []
    topics = lexicon().topic_verbs
    for verb in _tokens(doc):
        preps = topics.get(verb.lemma_.lower())
        if not preps or not _free_verb(verb, marked, found + out) or _not_spoken(verb) \
                or any(c.dep_ in ("neg", "auxpass") or c.tag_ == "MD" for c in verb.children):
            continue
        prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in preps and c.i > verb.i), None)
        topic = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
        subject = subject_of(verb, marked) if topic is not None else None
        if subject is None or not _can_speak(subject, verb) or _colon_after(topic):
            continue  # "apologised for the delay: “…”": the words after the colon are the statement
        end = topic.right_edge.i
        for more in verb.children:  # "lashed out at the board | for having sold the quay": hung on the verb
            if more.dep_ == "prep" and more.i == end + 1 and more.lower_ in GROUNDS_PREPOSITIONS \
                    and not any(_when_or_amount(c) for c in more.children):  # (not "for an hour")
                end = more.right_edge.i
        content = _before_circumstance(doc[topic.left_edge.i:end + 1])
        content = _without_closing_circumstance(content, verb)
        out.append(_subject_statement(content, marked, TOPIC, 0.5, verb, verb, subject))
    return out


ATTITUDE = f"{NAME}:attitude"
COPULAS = {"be", "remain", "become", "grow", "stay"}


def attitude_statements(doc: Doc, marked: list[Marked], found: list[Found]) -> list[Found]:
    """"Wren is critical of the levy", "the union remains wary of the plan": where a source that can
    speak stands, the object of the adjective's preposition; asserted (not asked, negated or
    supposed), in the writer's own sentence, where no statement found holds the adjective."""
    out: list[Found] = []
    attitudes = lexicon().attitude_adjectives
    for adjective in _tokens(doc):
        preps = attitudes.get(adjective.lower_)
        copula = adjective.head
        if not preps or adjective.dep_ != "acomp" or copula.lemma_.lower() not in COPULAS \
                or copula.dep_ not in STANCE_CLAUSES or not _free_word(adjective, marked, found + out) \
                or any(c.dep_ == "neg" or c.tag_ == "MD" for c in [*copula.children, *adjective.children]):
            continue
        prep = next((c for c in adjective.children if c.dep_ == "prep" and c.lower_ in preps), None)
        topic = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
        subject = subject_of(copula, marked) if topic is not None else None
        if subject is None or not _can_speak(subject, copula) or subject.lower_ in WRITER \
                or copula.dep_ == "relcl" and not _named_aside(copula, subject):
            continue
        content = _before_circumstance(doc[topic.left_edge.i:topic.right_edge.i + 1])
        out.append(_subject_statement(content, marked, ATTITUDE, 0.5, adjective, copula, subject))
    return out


def _colon_after(phrase: Token) -> bool:
    """The phrase ends at a colon (what follows is the words it introduces)."""
    after = phrase.right_edge.i + 1
    return after < len(phrase.doc) and phrase.doc[after].text == ":"


HEDGE = f"{NAME}:hedge"
NO_HEDGED_SUBJECT = WRITER | {"it", "what"}  # the writer, or no subject a claim is about
CLASSED_AS = {"see", "know", "consider"}  # "is seen as a favourite": the "as"-phrase is the claim
HEDGED_SUBJECT_DEPS = SUBJECT_DEPS | {"expl"}  # "it appears that …": an empty "it" too


def hedge_statements(doc: Doc, marked: list[Marked], found: list[Found]) -> list[Found]:
    """"Wren seemed to waver", "the vote is expected to pass", "Lenz reportedly met the board": the
    writer's hedged claim, an attribution with no source (PolNeAR and PARC annotate them so); kept
    with a null speaker, never put on anyone. Taken only where no statement found holds the verb."""
    out: list[Found] = []
    for verb in _hedge_candidates(doc):
        adverb = _hedge_adverb(verb)
        if not _hedged(verb, adverb) or not _free_verb(verb, marked, found + out):
            continue
        content = _hedged_claim(verb, adverb)
        if content is None or len(content) < MIN_STATEMENT_WORDS:
            continue
        start, end = _strip_edges(doc, content.start_char, content.end_char)
        start, end, parts = _absorb_marked(start, end, marked)
        out.append(Found(start, end, HEDGE, 0.3, parts, cue=verb))
    return out


def _hedge_candidates(doc: Doc) -> list[Token]:
    """Verbs of a hedge's lemma and verbs a hedging adverb hangs on, in text order (one pass, no
    look at any other word's children: the pass runs over every article)."""
    lex = lexicon()
    lemmas = lex.hedge_verbs | lex.hedge_passives
    verbs = {token.head if token.lower_ in lex.hedge_adverbs else token for token in _tokens(doc)
             if token.lower_ in lex.hedge_adverbs or token.pos_ == "VERB" and token.lemma_.lower() in lemmas}
    return sorted(verbs, key=lambda verb: verb.i)


def _hedged(verb: Token, adverb: bool) -> bool:
    """"seems", "appeared"; "is expected", "was said" (in the passive only); any verb with
    "reportedly" (``adverb``); never "seemed to me", which is somebody's view."""
    lex = lexicon()
    if adverb:
        return True
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    lemma = verb.lemma_.lower()
    return (lemma in lex.hedge_verbs and not passive or lemma in lex.hedge_passives and passive) \
        and not any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children)


def _hedge_adverb(verb: Token) -> bool:
    return any(c.lower_ in lexicon().hedge_adverbs for c in verb.children)


def _hedged_claim(verb: Token, adverb: bool) -> Span | None:
    """What the hedge is about: the subject through the complement ("Wren seemed to waver"; with a
    hedging adverb, through the verb's own words), or the clause after an empty "it" ("it appears
    that the talks failed"); the writer's "we seem" is none."""
    doc = verb.doc
    subject = next((c for c in verb.children if c.dep_ in HEDGED_SUBJECT_DEPS), None)
    complement = verb if adverb else _hedge_complement(verb)
    if subject is None:
        return None
    if complement is None and subject.lower_ == "it":
        clause = next((c for c in verb.children if c.i > verb.i and c.dep_ in ("ccomp", "advcl")), None)
        content = _without_that(doc[clause.left_edge.i:clause.right_edge.i + 1]) if clause is not None else None
        return content[1:] if content and content[0].lower_ in ("like", "as") else content
    if complement is None or subject.lower_ in NO_HEDGED_SUBJECT:
        return None
    end = complement.right_edge.i
    while end > subject.i and doc[end].is_punct:
        end -= 1  # "reportedly met the board.": the sentence's stop is no part of the claim
    return doc[subject.left_edge.i:end + 1]


def _hedge_complement(verb: Token) -> Token | None:
    """"seemed to waver", "seemed tired", "appeared a spent force", "is seen as a favourite"."""
    return next((c for c in verb.children if c.i > verb.i and (
        c.dep_ == "xcomp" and (_infinitive(c) or c.pos_ == "ADJ") or c.dep_ in ("acomp", "oprd", "attr")
        or c.dep_ == "prep" and c.lower_ == "as" and verb.lemma_.lower() in CLASSED_AS)), None)


def _not_spoken(verb: Token) -> bool:
    """"“…,” Brenn said, pointing to his ears": a participle beside a cue is the speaker's gesture;
    "declined to comment on the sale" speaks of nothing."""
    return verb.tag_ == "VBG" and verb.dep_ == "advcl" and is_cue(verb.head) \
        or verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ("decline", "refuse", "fail")


def _request(verb: Token) -> tuple[Token, Token] | None:
    """Whom a request was made to and the infinitive of what they were to do; never in the passive."""
    if any(c.dep_ in ("auxpass", "neg") for c in verb.children):
        return None
    addressee = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    infinitive = next((c for c in verb.children if addressee is not None and c.i > addressee.i
                       and c.dep_ in ("xcomp", "advcl") and _infinitive(c)), None)
    return (addressee, infinitive) if infinitive is not None else None


def _that_clause_of(word: Token) -> tuple[Token, Token] | None:
    """The word whose subject holds a that-clause, and the clause: a verb's own ("learned that"),
    or an adjective's after a copula ("is confident that") or after "make" ("made it clear that",
    where the parser hangs the clause on "clear" as an adverbial)."""
    if word.pos_ == "VERB" and word.dep_ != "acomp":
        holder, deps = word, ("ccomp",)
    elif word.dep_ == "acomp" and word.pos_ in ("ADJ", "VERB"):
        holder, deps = word.head, ("ccomp",)
    elif word.lower_ == "clear" and word.head.lemma_ == "make":  # (or as its subject: "made clear that …")
        holder, deps = word.head, ("ccomp", "advcl", "csubj")
    else:
        return None
    # "were adamant that …": the parser may hang the clause on the copula
    children = list(word.children) + (list(holder.children) if holder is not word else [])
    clause = next((c for c in children if c.dep_ in deps and c.i > word.i and _opens_with_that(c)), None)
    return (holder, clause) if clause is not None else None


def _can_speak(subject: Token, verb: Token) -> bool:
    """A name (not a date, a law or a place), a person's pronoun, a role ("the senator"), a group
    ("voters") or a body ("the committee"); "who" only in an aside on a name."""
    lex = lexicon()
    if subject.lower_ == "who":
        return verb.dep_ == "relcl" and _named_aside(verb, subject)
    if subject.pos_ == "PRON" or subject.lower_ in PEOPLE_PRONOUNS:
        return subject.lower_ in PEOPLE_PRONOUNS
    if subject.pos_ == "PROPN":
        return subject.ent_type_ not in NOT_PEOPLE
    lemma = subject.lemma_.lower()
    return subject.pos_ == "NOUN" and (lemma in lex.role_nouns or subject.lower_ in lex.group_nouns
                                       or lemma in lex.organisation_nouns or lemma == "source")


ENDORSING = {"endorse"}  # with the stance verbs: whom a source backs is said in a name alone
BACKED_PEOPLE = {"him", "her", "them"}  # "voters are backing her": a person named before


def _backs_a_name(verb: Token, content: Span) -> bool:
    """"Bush endorsed Cruz", "the union backs Halden" (or "her"): a name alone is the whole of what is backed —
    when it is asserted, not asked or supposed ("asked if he would endorse Cruz", "has yet to endorse")."""
    asserted = verb.dep_ in ("ROOT", "conj", "relcl") and _asserted(verb)
    return asserted and verb.lemma_.lower() in ENDORSING | lexicon().stance_verbs \
        and all(t.pos_ == "PROPN" or t.lower_ in BACKED_PEOPLE for t in content)


def _asserted(verb: Token) -> bool:
    """Said to be so, not supposed or still to come: no modal ("would back") and no "to" ("has yet to endorse")."""
    return not any(c.tag_ == "MD" or c.lower_ == "to" for c in verb.children)


def _named_aside(verb: Token, subject: Token) -> bool:
    """"Rubio, who supported the bill": an aside on a name reports that person's stance; "people who
    oppose the levy" only says which people."""
    doc = verb.doc
    return subject.lower_ == "who" and verb.head.pos_ == "PROPN" and subject.i > 0 and doc[subject.i - 1].text == ","


def _stance_object(verb: Token) -> Span | None:
    """What the stance is about: the object ("a larger role in Syria"), or the infinitive ("to
    work across the aisle") without its "to"."""
    doc = verb.doc
    for child in verb.children:
        if child.i > verb.i and (child.dep_ == "dobj" or child.dep_ == "xcomp" and _infinitive(child)):
            return _without_to(doc[child.left_edge.i:child.right_edge.i + 1])
    return None


def _without_hearsay(found: list[Found], marked: list[Marked]) -> list[Found]:
    """"Varga said that for years some critics had been predicting a sale": what the critics
    predicted is Varga's account, not their statement; only hers is kept. (Speech quoted inside
    a quotation is the nested rule's; a second cue of the same speaker, and words quoted
    verbatim, stay, unless the first statement holds them whole: "…, adding that …".)"""
    return [s for s in found if s.cue is None or _inside(s.cue.idx, marked) or _inside(s.start, marked)
            or not any(o is not s and o.start <= s.cue.idx < o.end and not _holds_the_other(s, o) and
                       (not _same_speaker(o, s) or o.start <= s.start and s.end <= o.end) for o in found)]


def _before_voiced_relatives(found: list[Found]) -> list[Found]:
    """"rebuked critics who say she should resign", "echoing experts who say …": whom a cue's object
    names is what that cue is about; what they say in a relative clause of their own (a clause
    reported by a verb of saying) is their statement, not part of the first. The first ends before
    the relative clause."""
    for inner in found:
        cue = inner.cue
        if cue is None or cue.dep_ != "relcl" or cue.lemma_.lower() in lexicon().attitude_verbs \
                or not any(c.dep_ in SUBJECT_DEPS and c.lower_ in ("who", "that") for c in cue.children) \
                or not any(c.dep_ == "ccomp" and c.i > cue.i for c in cue.children):
            continue  # (a view, "candidates who think …", or an act, "a plan that offers …", describes them)
        noun = cue.head
        for outer in found:
            if outer is inner or outer.cue is None or not outer.start <= noun.idx < cue.idx < outer.end:
                continue
            governor = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else noun.head
            if noun.dep_ in ("dobj", "pobj", "dative") and governor.i == outer.cue.i:
                doc = cue.doc
                first = cue.left_edge.i
                while first > noun.i + 1 and doc[first - 1].is_punct:
                    first -= 1
                outer.end = max(outer.start + 1, doc[first - 1].idx + len(doc[first - 1].text))
    return found


def _holds_the_other(first: Found, other: Found) -> bool:
    """Two statements each holding the other's cue (a parser's tangle, "X said he was flooded with
    mail, some of it mentioning Y"): the one whose cue comes first stands."""
    return other.cue is not None and first.start <= other.cue.idx < first.end and first.cue.i < other.cue.i


def _same_speaker(a: Found, b: Found) -> bool:
    """"… insisted that he has “expanded the party,” claiming that …": the second cue is the speaker's own."""
    return a.speaker is not None and b.speaker is not None and a.speaker.root.i == b.speaker.root.i


def _headline_audience(cue: Token, clause: Span) -> tuple[Span, str | None]:
    """Headline grammar, "Wren tells rally government has lost control": the parser reads the
    audience as part of the reported clause ("rally government"); it is the venue."""
    first = clause[0]
    if cue.lemma_.lower() != "tell" or any(c.dep_ in ("dobj", "dative") for c in cue.children) \
            or first.dep_ != "compound" or first.lemma_.lower() not in lexicon().venue_nouns | {"reporter", "mp"}:
        return clause, None
    return clause[1:], first.text


def noun_statements(doc: Doc, marked: list[Marked]) -> list[Found]:
    """"her statement that the port was not for sale", "Wren's call for an early election", "his vow to
    cut the levy": a noun of speech with its owner."""
    found = []
    lex = lexicon()
    nouns = lex.speech_nouns | lex.infinitive_nouns | lex.noun_objects.keys()
    for token in _tokens(doc):
        if token.pos_ != "NOUN" or token.lemma_.lower() not in nouns or _inside(token.idx, marked):
            continue
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        if owner is None or _reported_whole(token):
            continue
        content = _what_the_noun_says(token)
        if content is None or len(content) < 2 and content.root.pos_ != "PROPN":  # "attacks on Wren"
            continue
        start, end = _strip_edges(doc, content.start_char, content.end_char)
        start, end, parts = _absorb_marked(start, end, marked)
        found.append(Found(start, end, f"{NAME}:speech_noun", 0.7, parts, cue=token,
                           speaker=_subject_span(owner)))
    return found


# What one makes when one argues: "made the case that …", "made the point that …"
ARGUED_NOUNS = {"case", "point", "argument"}


def argued_statements(doc: Doc, marked: list[Marked], found: list[Found]) -> list[Found]:
    """"Halden made the point that the levy would fail", "tried to make the case that the dispute was
    nearly over": what is argued is the that-clause, said by whoever makes it."""
    out = []
    taken = {s.cue.i for s in found if s.cue is not None}
    for verb in _tokens(doc):
        if verb.lemma_.lower() != "make" or verb.pos_ != "VERB" or verb.i in taken or _inside(verb.idx, marked):
            continue
        noun = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in ARGUED_NOUNS
                     and any(d.dep_ == "det" and d.lower_ == "the" for d in c.children)), None)
        clause = next((c for c in noun.children if c.dep_ in ("acl", "relcl") and _has_that(c)), None) \
            if noun is not None else None
        # (a clause the parser split in two: "that her plan, bent to the left, | would make her …")
        rest = next((c for c in verb.children if c.dep_ == "ccomp" and clause is not None
                     and clause.right_edge.i < c.left_edge.i <= clause.right_edge.i + 2), None)
        subject = subject_of(verb, marked) if clause is not None and (_tensed(clause) or rest is not None) else None
        if subject is None or subject.lower_ in RELATIVE_PRONOUNS | {"it"}:
            continue
        content = _without_that(doc[clause.left_edge.i:(rest or clause).right_edge.i + 1])
        out.append(_subject_statement(content, marked, f"{NAME}:argued", 0.8, verb, verb, subject))
    return out


def _reported_whole(noun: Token) -> bool:
    """"Lind repeated her call for an early election": the verb reports the noun with what it says, one
    statement, not a second one inside it ("repeated her assurance that …" reports the that-clause as
    the noun's: the verb leaves it)."""
    verb = noun.head
    return noun.dep_ == "dobj" and verb.lemma_.lower() in lexicon().object_verbs and is_cue(verb) \
        and not any(c.dep_ in ("ccomp", "xcomp") for c in verb.children) and _that_content(noun) is None


def _that_content(noun: Token) -> Span | None:
    """"her statement in March 2024 that the port was not for sale": a speech noun's that-clause."""
    if noun.lemma_.lower() not in lexicon().speech_nouns:
        return None
    clause = next((t for t in noun.subtree if t.i > noun.i and t.dep_ in ("acl", "ccomp", "relcl", "advcl")
                   and _has_that(t)), None)
    clause = clause if clause is not None else _that_clause_hung_on_verb(noun)
    if clause is None:
        return None
    return _without_that(noun.doc[clause.left_edge.i:clause.right_edge.i + 1])


def _what_the_noun_says(noun: Token) -> Span | None:
    """Its that-clause ("her statement that …"), the object of the preposition right after it ("her
    call for an election") or its infinitive ("his vow to cut …"), by what the noun takes."""
    doc, lemma = noun.doc, noun.lemma_.lower()
    if (that := _that_content(noun)) is not None:
        return that
    for child in noun.children:
        if child.i != noun.i + 1:
            continue
        if child.dep_ == "prep" and child.lower_ in lexicon().noun_objects.get(lemma, ()):
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            return doc[obj.left_edge.i:obj.right_edge.i + 1] if obj is not None else None
    if lemma in lexicon().infinitive_nouns:
        verb = next((c for c in noun.children if c.dep_ in ("acl", "relcl") and c.i == noun.i + 2
                     and c.tag_ == "VB" and _infinitive(c)), None)
        if verb is not None:
            return doc[verb.i:verb.right_edge.i + 1]
    return None


def _that_clause_hung_on_verb(noun: Token) -> Token | None:
    """"Asked about her statement in March that the port was not for sale": the parser hung the
    that-clause on "asked" (a verb that takes none); it is the statement's content."""
    # "asked about / challenged over / backpedalled on her statement": the statement is the topic
    # ("we know from his statements that …" is what we know)
    topic = noun.dep_ == "pobj" and noun.head.lower_ in ("about", "over", "on", "regarding")
    verb = noun.head.head if topic else noun.head if noun.dep_ == "dobj" else None
    if verb is None or verb.pos_ != "VERB" or (is_cue(verb) and verb.lemma_.lower() != "ask"):  # one asks
        return None  # whether, never that
    return next((c for c in verb.children if c.dep_ == "ccomp" and c.i > noun.i and _has_that(c)), None)


FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}


def _finite(clause: Span) -> bool:
    """The clause has a tensed verb of its own ("that 449 insiders back Clinton"), not a small
    clause ("found it easy", "showed him grabbing the arm")."""
    return _tensed(clause.root) or _has_that(clause.root)


def _tensed(verb: Token) -> bool:
    """The verb carries tense itself or through an auxiliary ("said", "would accept", "was seen")."""
    return verb.tag_ in FINITE_TAGS or any(c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS for c in verb.children)


QUESTION_OPENERS = {"whether", "if", "how", "why", "what", "when", "where", "who", "whom", "which"}


def _not_a_statement(cue: Token, clause: Span) -> bool:
    """"Asked whether …", "declined to say whether …", "did not say when …": nothing was stated (a
    refusal is the refusal rule's statement); "the council asked why …" is the council's question."""
    if _question_put(cue, clause):
        return False
    if cue.lemma_.lower() == "ask" and not _requested(cue, clause) or clause[0].lower_ == "whether":
        return True  # "asked if she believed …" is no belief of hers; "asked the court to block it" requests
    if _asked_about(cue):
        return True  # "was asked what he thought Lenz could do": only asked, not stated
    if clause[0].lower_ == "if" and clause[0].head.i == clause.root.i:
        return True  # "did not say if …" asks; "said if elected, he would …" states a condition
    if any(c.dep_ == "neg" for c in cue.children):
        return True
    if _asks(cue):
        return True
    if cue.lemma_.lower() in lexicon().evidence_verbs and not _finite(clause) and not _measured_by(cue):
        return True
    if cue.dep_ in ("xcomp", "advcl") and _infinitive(cue) and _object_controlled(cue):
        return True
    return cue.dep_ == "xcomp" and cue.head.lemma_.lower() in lexicon().refusal_verbs


def _object_controlled(infinitive: Token) -> bool:
    """"challenged the minister to deny the report", "wants voters to believe …": what someone is
    asked or wanted to say is not said yet, and not by the one who asked."""
    lex, lemma = lexicon(), infinitive.head.lemma_.lower()
    asking = lemma in lex.request_verbs or lemma in lex.stance_verbs or lemma in ADDRESSED_REQUESTS \
        or lemma in INSTRUCTION_VERBS  # (no union built for every infinitive cue)
    return asking and any(c.dep_ == "dobj" and c.i < infinitive.i for c in infinitive.head.children)


def _asked_about(cue: Token) -> bool:
    """The cue is itself what was asked: "asked what he thought Lenz could do", "asked her how she
    felt about the levy"."""
    return cue.dep_ == "ccomp" and cue.head.lemma_.lower() == "ask" and cue.left_edge.lower_ in QUESTION_OPENERS


def _question_put(cue: Token, clause: Span) -> bool:
    """"The council asked the minister why the ferry was cancelled", "…, asking Lind why …": a
    question its asker puts, the subject of "asked" or of "asking" ("Asked whether …, Wren smiled"
    names none: she was asked), not in a question of the writer's ("Did the council ask whether …?")
    nor in an aside on the one who was asked ("Vesk, asked whether …, replied: …")."""
    return cue.lemma_.lower() == "ask" and clause[0].lower_ in QUESTION_OPENERS \
        and (cue.tag_ == "VBG" or any(c.dep_ == "nsubj" for c in cue.children)) and not _asks(cue) \
        and not _aside_after_subject(cue)


def _aside_after_subject(verb: Token) -> bool:
    """"Vesk, asked whether …, replied": a subject, a comma, then the verb. A finite verb is never
    set off from its subject by one comma; the parser took a participle in an aside for it."""
    doc = verb.doc
    return verb.i > 1 and doc[verb.i - 1].text == "," and verb.tag_ in ("VBD", "VBN") \
        and any(c.dep_ == "nsubj" and _bare_subject_ends(c, verb.i - 2) for c in verb.children)


def _bare_subject_ends(subject: Token, at: int) -> bool:
    """The subject ends at ``at`` (the comma after it aside), with no clause or apposition of its own
    ("Lind, who chairs the council, asked …" is a finite verb after an aside that closes)."""
    end = subject.right_edge.i
    while end > subject.i and subject.doc[end].is_punct:
        end -= 1
    return end == at and not any(c.dep_ in ("relcl", "appos", "acl") and c.i > subject.i for c in subject.children)


def _requested(cue: Token, clause: Span) -> bool:
    """"asked the court to block the sale": what a source asks someone to do is its request (one who
    "asked not to be named" asks nobody anything)."""
    return any(t.head.i == cue.i and t.dep_ == "xcomp" and _infinitive(t) for t in clause) \
        and any(c.dep_ == "dobj" for c in cue.children) and _asserted(cue)  # not "would counsel her to ask X"


def _asks(cue: Token) -> bool:
    """"Do you think he will …?", "Did she say that …?": an auxiliary before the cue's subject in a
    sentence that ends in a question mark asks what was said; it states nothing."""
    subject = next((c for c in cue.children if c.dep_ in SUBJECT_DEPS), None)
    inverted = subject is not None and any(c.dep_ == "aux" and c.i < subject.i for c in cue.children)
    return inverted and cue.sent.text.rstrip().rstrip("”\"'’").endswith("?")


def _nested(cue: Token, subject: Token, clause: Span, marked: list[Marked]) -> list[Found]:
    """A named person's words reported inside someone else's quotation
    ("… the minister’s speech at the harbour forum, where she said that …"):
    a verb of saying with a clause of its own, said on an occasion the quotation
    names (a meeting, a speech, an interview, to reporters, on a date), so that the
    words can be found where they were said. Without one ("He told me he would
    stay") the words are the quoted speaker's account of a conversation, as is what
    the quoted speaker says someone thinks, what something shows, or whom someone
    praised, thanked or called on: no statement of the other's."""
    verb, lex = cue.lemma_.lower(), lexicon()
    if verb in lex.attitude_verbs or verb in lex.evidence_verbs or verb not in lex.speech_verbs \
            or not _finite(clause) or not _said_on_an_occasion(cue):
        return []
    span = _subject_span(subject)
    inner_person = span.label_ == "PERSON"
    if not inner_person and subject.lower_ not in ("he", "she"):
        return []
    if not inner_person:
        quote = next(m for m in marked if _inside(cue.idx, [m]))
        doc = cue.doc
        surnames = {e.root.text for e in doc.ents if e.label_ == "PERSON"}
        names = [t for t in doc.char_span(quote.start, subject.idx, alignment_mode="contract") or []
                 if t.text in surnames]
        if not names:
            return []
        span = doc[names[-1].i:names[-1].i + 1]
    start, end = _strip_edges(cue.doc, clause.start_char, clause.end_char)
    return [Found(start, end, f"{NAME}:nested_cue", 0.6, cue=cue, speaker=span)]


PERSONAL_ADDRESSEES = {"me", "him", "her", "us", "them", "you"}  # "told me that …": a conversation


def _said_on_an_occasion(cue: Token) -> bool:
    """Where, to whom or when the words were said is named: "at the forum where she said",
    "told reporters", "said in his speech", "said on Monday" (not "told me": a conversation)."""
    venue = venue_of(cue)
    return venue is not None and venue.lower() not in PERSONAL_ADDRESSEES \
        or any(c.dep_ == "prep" and _says_when(c) for c in cue.children) \
        or any(c.dep_ == "npadvmod" and c.ent_type_ == "DATE" for c in cue.children)


def _absorb_marked(start: int, end: int, marked: list[Marked]) -> tuple[int, int, list[tuple[int, int]]]:
    """A quoted span that the clause touches belongs to the statement whole."""
    parts: list[tuple[int, int]] = []
    for m in marked:
        if m.start < end and start < m.end:
            m.claimed = True
            start, end = min(start, m.start), max(end, m.end)
            parts += m.parts
    if len(parts) > 1 and not (parts[0][0] <= start and parts[-1][1] >= end):
        parts = []
    return start, end, parts if len(parts) > 1 else []


def _inside(offset: int, marked: list[Marked]) -> bool:
    if isinstance(marked, Quotations):
        return marked.covers(offset)
    return any(p[0] <= offset < p[1] for m in marked for p in (m.parts or [(m.start, m.end)]))


def according_to(doc: Doc, marked: list[Marked]) -> list[Found]:
    """"…, according to the Courier" and "As first reported by the Courier, …": the named source
    vouches for the rest of the sentence."""
    found = []
    for token in _tokens(doc):
        if _inside(token.idx, marked):
            continue
        if token.lower_ == "according":
            to = next((c for c in token.children if c.lower_ == "to"), None)
            source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
            rule = "according_to"
        else:
            source, rule = _reported_by(token), "as_reported_by"
        if source is None:
            continue
        sentence = token.sent
        phrase = (token.left_edge.i, token.right_edge.i + 1)
        if rule == "according_to" and token.dep_ == "ROOT":
            # "According to talk radio host Anton Rask, the move …" read as the main verb, its phrase
            # in pieces: the source is the name before the first comma, the claim what follows it
            comma = next((t for t in doc[token.i + 2:sentence.end] if t.text == ","), None)
            if comma is None or doc[comma.i - 1].pos_ not in ("PROPN", "NOUN"):
                continue
            source, phrase = doc[comma.i - 1], (token.i, comma.i + 1)
        before = doc[sentence.start:phrase[0]]
        after = doc[phrase[1]:sentence.end]
        content = before if _claim_before(before) else after
        if len(content) < MIN_STATEMENT_WORDS or _only_a_cue(content, marked):
            continue
        start, end = _strip_edges(doc, content.start_char, content.end_char)
        while end > start and _text(doc)[end - 1] in ".":
            end -= 1
        start, end, parts = _absorb_marked(start, end, marked)
        found.append(Found(start, end, f"{NAME}:{rule}", 0.85, parts, cue=token,
                           speaker=_subject_span(source)))
    return found


def _claim_before(before: Span) -> bool:
    """"Lenz leads by nine points, according to the poll, more than twice …": a clause with a verb of
    its own before the source is what the source vouches for, however long the sentence runs on
    after it; "According to the Courier, …" and "The plan, according to the Courier, would …" have none."""
    return len(before) >= MIN_STATEMENT_WORDS and any(t.tag_ in FINITE_TAGS for t in before)


def _reported_by(verb: Token) -> Token | None:
    """"as (first) reported by the Courier": the source in the agent phrase of a verb of speech
    in a reduced "as" clause."""
    if verb.tag_ != "VBN" or verb.dep_ != "advcl" or verb.lemma_.lower() not in lexicon().speech_verbs \
            or not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children) \
            or any(c.dep_ in SUBJECT_DEPS or c.dep_ == "auxpass" for c in verb.children):
        return None
    start = verb.left_edge.i
    if start > verb.sent.start and verb.doc[start - 1].text not in (",", "—", "–", "-", "--"):
        return None  # "a dual mission as declared by Lind": said of a phrase, not the sentence
    return _agent_of(verb)


def _agent_of(verb: Token) -> Token | None:
    """Whom a passive verb is by: the object of its "by" phrase."""
    return next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)


def measured_in(doc: Doc, marked: list[Marked]) -> list[Found]:
    """"In the new Harbour Ledger poll, Lenz leads Varga by six points": a clause opened by "in"
    and a poll, survey or study reports what that measure found, as "according to" does."""
    found = []
    for token in _tokens(doc):
        if token.lower_ != "in" or token.dep_ != "prep" or token.i != token.sent.start \
                or _inside(token.idx, marked):
            continue
        source = next((c for c in token.children if c.dep_ == "pobj"), None)
        clause = token.head
        subject = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS and c.i > token.right_edge.i), None)
        if source is None or source.lemma_.lower() not in lexicon().evidence_sources or clause.pos_ not in ("VERB", "AUX") \
                or subject is None or is_cue(clause) and not _counted(subject):
            continue  # "In a recent study, three economists found …": theirs; "… 79 percent said …": the poll's
        content = doc[subject.left_edge.i:clause.right_edge.i + 1]  # not "last month," or "however,"
        start, end = _strip_edges(doc, content.start_char, content.end_char)
        end -= _text(doc)[start:end].endswith(".")
        if _word_count(_text(doc)[start:end]) < MIN_STATEMENT_WORDS:
            continue
        start, end, parts = _absorb_marked(start, end, marked)
        found.append(Found(start, end, f"{NAME}:measured_in", 0.75, parts, cue=token,
                           speaker=doc[source.left_edge.i:source.right_edge.i + 1]))
    return found


def _counted(subject: Token) -> bool:
    """"79 percent of Democrats", "three of four voters": a share of those asked, not a speaker."""
    doc = subject.doc
    return any(t.lower_ in ("percent", "%", "majority", "plurality", "half")
               or t.like_num and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "of" for t in subject.subtree)


def _only_a_cue(content: Span, marked: list[Marked]) -> bool:
    """“…?” Halden asked, according to a transcript: the words before "according to" only
    attribute the quotation; the transcript is the source of the whole, not a statement of its own."""
    words = [t for t in content if t.is_alpha and not _inside(t.idx, marked)]
    return len(words) <= 4 and any(is_cue(t) for t in words)


def headline_dash(doc: Doc, title_spans: list[tuple[int, int]]) -> list[Found]:
    """A headline ending in "— Name" reports what Name said."""
    found = []
    for start, end in title_spans:
        m = re.search(r"\s+[—–-]{1,2}\s+(?P<name>[A-Z][\w’'.-]+(?: [A-Z][\w’'.-]+){0,2})\s*$", _text(doc)[start:end])
        if not m or len(_text(doc)[start:start + m.start()].split()) < MIN_STATEMENT_WORDS:
            continue
        span = doc.char_span(start + m.start("name"), start + m.end("name"), alignment_mode="expand")
        span = _headline_source(span, end) if span is not None else None
        if span is None:
            continue
        found.append(Found(start, start + m.start(), f"{NAME}:headline_dash", 0.8, speaker=span))
    return found


LABEL_WORDS = r"[A-Z][\w’'.-]+(?: [A-Z][\w’'.-]+){0,2}"  # up to three capitalised words before a colon
HEADLINE_COLON = re.compile(rf"^\s*(?P<name>{LABEL_WORDS}(?: [a-z]+)?):\s+(?P<claim>\S.*?)\s*$")


def headline_colon(doc: Doc, title_spans: list[tuple[int, int]]) -> list[Found]:
    """"Varga: Levy Will Stay Until the Deficit Closes", "Poll: Voters Turn to Lenz": a headline
    opening with a name (or a poll, survey, report) and a colon reports what it said; an outlet's
    name there is a section label ("Reuters: …")."""
    found = []
    for start, end in title_spans:
        m = HEADLINE_COLON.match(_text(doc)[start:end])
        # a claim wholly in quotation marks is taken too ("Cruz: ‘Assaulting A Reporter Is A Fireable
        # Offense’", whose title-case single marks no quotation rule reads); where a quotation rule
        # takes it as well, one statement is kept (see _dedupe)
        if not m or _word_count(m.group("claim")) < MIN_STATEMENT_WORDS:
            continue
        name = doc.char_span(start + m.start("name"), start + m.end("name"), alignment_mode="contract")
        name = _headline_source(name, end) if name is not None else None
        if name is None or lexicon().canonical_outlet(name.text) is not None or CLAIM_OPENERS.match(m.group("claim")):
            continue
        found.append(Found(start + m.start("claim"), start + m.end("claim"), f"{NAME}:headline_colon", 0.75,
                           speaker=name))
    return found


# "Lind Says Port Will Stay Open", "Port Will Stay Open, Lind Says": a title-case headline, where the
# tagger reads every word as a name and the parser finds no verb of saying
HEADLINE_NAME = r"(?P<name>[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|of|the)){0,4})"
HEADLINE_VERBS = r"(?P<cue>Says|Warns|Claims|Insists|Admits|Predicts|Vows|Urges|Slams|Blasts|Rips|Praises)"
HEADLINE_VERB_FIRST = re.compile(rf"^\s*{HEADLINE_NAME}\s+{HEADLINE_VERBS}\s+(?P<claim>\S.*?)[\s.]*$")
HEADLINE_VERB_LAST = re.compile(rf"^\s*(?P<claim>\S.*?),\s+{HEADLINE_NAME}\s+(?P<cue>Says|Warns|Claims|Insists)[\s.]*$")


def headline_verb(doc: Doc, title_spans: list[tuple[int, int]], found: list[Found]) -> list[Found]:
    """"Lind Says Port Will Stay Open" and "Port Will Stay Open, Lind Says": a title-case headline
    with a verb of saying between a name and a claim reports the whole claim (the name must be one
    the recogniser knows, or be named again below). ``found`` comes back with these statements in
    place of any the parser made of the same verb, which title case cuts short."""
    statements = list(found)
    for start, end in title_spans:
        title = _text(doc)[start:end]
        m = HEADLINE_VERB_FIRST.match(title) or HEADLINE_VERB_LAST.match(title)
        if not m or _word_count(m.group("claim")) < MIN_STATEMENT_WORDS or not _title_case(title) \
                or CLAIM_OPENERS.match(m.group("claim")):
            continue
        cue = doc.char_span(start + m.start("cue"), start + m.end("cue"), alignment_mode="contract")
        cue = cue[0] if cue is not None and len(cue) else None
        inside = [s for s in statements if start <= s.start < end]
        if cue is None or any(s.cue is None or s.cue.i != cue.i for s in inside):
            continue  # the headline says something else as well: the parser's reading stands
        name = doc.char_span(start + m.start("name"), start + m.end("name"), alignment_mode="contract")
        name = _headline_source(name, end) if name is not None else None
        if name is None or lexicon().canonical_outlet(name.text) is not None:
            continue
        statements = [s for s in statements if s not in inside]
        statements.append(Found(start + m.start("claim"), start + m.end("claim"), f"{NAME}:headline_verb", 0.75,
                                cue=cue, speaker=name))
    return statements


def _title_case(title: str) -> bool:
    """Most words capitalised: a headline in title case, not a sentence."""
    words = re.findall(r"[A-Za-z][\w’'-]*", title)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


CLAIM_OPENERS = re.compile(r"^(?:what|why|how|who|where|when|which)\b|.*\?$", re.IGNORECASE)  # questions state nothing


def _named_source(span: Span) -> Span | None:
    """The person or organisation the recogniser knows, a name it missed in title case, or a
    document noun ("Poll"); else None."""
    entity = next((e for e in span.doc.ents if e.start == span.start and e.end == span.end
                   and e.label_ in ("PERSON", "ORG")), None)
    if entity is not None:
        return entity
    if len(span) == 1 and _document_word(span[0]):
        return span
    return span if all(t.pos_ == "PROPN" for t in span) else None


def _document_word(token: Token) -> bool:
    """"Poll: …", "Report: …": a document or measure that speaks for itself."""
    return token.lemma_.lower() in lexicon().document_nouns | {"poll", "survey"}


def _headline_source(span: Span, title_end: int) -> Span | None:
    """A headline's speaker: a named source; one the recogniser does not know as a person or
    organisation must be named again below the headline ("Gingrich: …" is; a kicker such as
    "Bombshell: …" or a column's name is not)."""
    if span.text.casefold() in lexicon().kickers:
        return None
    if span[-1].is_lower:  # "Kaldgaz chief: …", "Kremlin spokesman: …": a role, whose holder is named below
        role = len(span) > 1 and span[-1].lemma_.lower() in lexicon().role_nouns
        return span if role and _named_below(span[0], title_end) else None
    # a title-case word the tagger took for a noun ("Sanders: …") may still be a name
    name = _named_source(span) or (span if all(t.text[:1].isupper() for t in span) else None)
    if name is None or name.label_ in ("PERSON", "ORG") or _document_word(name[0]):
        return name
    return name if _named_below(name[-1], title_end) else None


def _named_below(word: Token, title_end: int) -> bool:
    """The headline's word comes again in the story below it."""
    return re.search(rf"\b{re.escape(word.text)}\b", _text(word.doc)[title_end:]) is not None


# --- 3. quoted spans no cue claimed ------------------------------------------------------

def adjacent_statements(doc: Doc, marked: list[Marked], claimed: list[Found]) -> list[Found]:
    found: list[Found] = []
    for m in marked:
        words = _word_count(_text(doc)[m.start:m.end])
        if m.claimed or (words < 2 and not _one_word_reply(doc, m)) \
                or (_is_title(_text(doc)[m.start:m.end]) and not _said_title(doc, m, marked)) or _names_a_work(doc, m):
            continue
        if words < MIN_STATEMENT_WORDS and _opens_split_quote(doc, m, claimed + found):
            m.claimed = True  # “To date,” she continued, “…”: the short first part of a split quotation
            continue
        if words < MIN_STATEMENT_WORDS:  # “You winning?” she said: short, but only with a cue beside it
            after = _named_by(doc, m, marked) or _cue_after(doc, m, marked) or _cue_before_utterance(doc, m, marked)
            if after is not None and _phrase_of_the_speaker(after[1], m):
                after = None
            if after is not None:
                m.claimed = True
                found.append(Found(m.start, m.end, f"{NAME}:quote_cue", 0.85, cue=after[0],
                                   speaker=_subject_span(after[1]), source=_relative_source(after[0], after[1])))
            continue
        own_cue = _cue_after(doc, m, marked)
        # “B,” he said: a quotation signed by a cue of its own opens a statement, it does not carry one on
        signed = own_cue is not None and _text(doc)[m.start:m.end].rstrip().endswith(",")
        if not signed and _joins_split_quote(doc, m, claimed + found) \
                or _opens_split_quote(doc, m, claimed + found):
            m.claimed = True
            continue
        turns = _transcript_turns(doc, m)
        if turns:
            m.claimed = True
            found += [Found(start, end, f"{NAME}:transcript", 0.8, speaker=label) for start, end, label in turns]
            continue
        dash = _dash_speaker(doc, m)
        if dash is not None:
            m.claimed = True
            found.append(Found(m.start, m.end, f"{NAME}:quote_dash", 0.8, _own_parts(m),
                               speaker=dash))
            continue
        used = {s.cue.i for s in claimed + found if s.cue is not None}
        after = _named_by(doc, m, marked) or own_cue or _introduced_above(doc, m, marked)
        cue, subject = after if after else (_cue_before(doc, m, marked, used), None)
        if not after and cue is not None and _phrase_in_sentence(doc, m):
            continue  # “pour “every last crown” into the campaign”: words inside reported speech
        if cue is not None:
            subject = subject or subject_of(cue, marked)
            if subject is not None and _phrase_of_the_speaker(subject, m):
                subject = None
            if subject is not None:
                m.claimed = True
                front = _sentence_a_quotation_finishes(doc, m, cue, marked) if after \
                    else _sentence_before_parenthesis(doc, m, cue, subject, marked)
                start, parts = (front[0], [front, *(_own_parts(m) or [(m.start, m.end)])]) if front else (m.start, _own_parts(m))
                found.append(Found(start, m.end, f"{NAME}:quote_cue", 0.9, parts,
                                   cue=cue, speaker=_subject_span(subject), source=_relative_source(cue, subject)))
                continue
        unlisted = _unlisted_cue_after(doc, m, marked)
        if unlisted is not None:
            m.claimed = True  # “The harbour is doing fine without him,” an irritated Lenz snapped.
            found.append(Found(m.start, m.end, f"{NAME}:quote_verb", 0.7, _own_parts(m),
                               cue=unlisted[0], speaker=_subject_span(unlisted[1]),
                               source=_relative_source(*unlisted)))
            continue
        named = _name_before_colon(doc, m)
        if named is not None:
            m.claimed = True  # before the verb rule: in “… rose - more from Anna Berg:” the name leads
            found.append(Found(m.start, m.end, f"{NAME}:colon_name", 0.75,
                               _own_parts(m), speaker=named))
            continue
        unlisted = _unlisted_cue_before_colon(doc, m, marked)
        if unlisted is not None:
            m.claimed = True  # Wren leaned in and boomed: “Let’s finish this in May.”
            found.append(Found(m.start, m.end, f"{NAME}:colon_verb", 0.7, _own_parts(m),
                               cue=unlisted[0], speaker=_subject_span(unlisted[1]),
                               source=_relative_source(*unlisted)))
            continue
        previous = _previous_statement(doc, m, claimed + found, marked)
        beat = _action_beat(doc, m, marked) if _starts_unit(doc, m) else None
        if beat is not None and (previous is None or previous.speaker is None
                                 or beat.text not in previous.speaker.text and previous.speaker.text not in beat.text):
            m.claimed = True  # Betsy Ebeling shook her head. “Tom’s much better about it than I am.”
            verb = beat.root.head  # "Bystrom agreed." names its cue; "Ebeling shook her head." has none
            found.append(Found(m.start, m.end, f"{NAME}:action_beat", 0.6, _own_parts(m),
                               cue=verb if is_cue(verb) else None, speaker=beat))
            continue
        if previous is not None and _starts_unit(doc, m):
            m.claimed = True
            if _carries_on(doc, m, previous, marked) or _goes_on_with(doc, previous, m, claimed + found, marked):
                _carry_into(previous, m)
                continue
            found.append(Found(m.start, m.end, f"{NAME}:continuation", 0.75,
                               _own_parts(m), cue=None,
                               speaker=previous.speaker, speaker_text=previous.speaker_text,
                               speaker_kind=previous.speaker_kind, speaker_start=previous.speaker_start,
                               speaker_end=previous.speaker_end, venue=previous.venue))
    return found


def _action_beat(doc: Doc, m: Marked, marked: list[Marked]) -> Span | None:
    """A named person doing something in the sentence just before a bare quotation, in the same
    paragraph ("Betsy Ebeling shook her head. “…”"): the words are that person's."""
    text = _text(doc)
    opener = _opener(text, m)
    before = text[:opener].rstrip()
    if "\n" in text[max(0, opener - 2):opener] or not before.endswith((".", "!", "?")):
        return None
    last = doc.char_span(0, len(before), alignment_mode="contract")
    if last is None or not len(last):
        return None
    sentence = last[-1].sent
    root = sentence.root
    if is_cue(root) and not _says_nothing_itself(root, sentence) or any(_inside(t.idx, marked) for t in sentence) \
            or "\n" in sentence.text.strip():
        return None
    # "X agreed." speaks through its cue's own subject ("Or maybe Bush, consultant Phil Musser says.")
    subject = subject_of(root, marked) if is_cue(root) else next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.ent_type_ != "PERSON":
        return None
    return _subject_span(subject)


def _one_word_reply(doc: Doc, m: Marked) -> bool:
    """“Absolutely,” he said. / “Probably.”: one word is a statement only as a sentence of its own,
    quoted whole with its comma or stop (a cue beside it is still asked for)."""
    text = _text(doc)
    introduced = text[:_opener(text, m)].rstrip().endswith((",", ":"))  # Priebus said, “Probably.”
    return bool(re.fullmatch(r"[A-Z][\w’'-]*[,.!?]", text[m.start:m.end].rstrip())) \
        and (_starts_unit(doc, m) or introduced)


def _says_nothing_itself(cue: Token, sentence: Span) -> bool:
    """"Dianne Bystrom agreed." / "Lenz disagreed sharply.": a sentence of a speaker and a cue with
    no words of its own, so the quotation after it holds them ("Or maybe Ostrel, Lenz says." holds
    its own)."""
    subject = next((c for c in cue.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None or subject.left_edge.i != sentence.start:
        return False
    return not any(c.dep_ in ("ccomp", "xcomp", "dobj", "prep", "advcl", "parataxis", "conj", "dative")
                   and not (c.dep_ == "prep" and (_names_venue(c) or _says_when(c)))  # "said in a statement."
                   for c in cue.children)


def _sentence_before_parenthesis(doc: Doc, m: Marked, cue: Token, subject: Token,
                                 marked: list[Marked]) -> tuple[int, int] | None:
    """"In cases of abortion, it said, “the woman is a victim.”": a cue set off by commas before a
    quotation that goes on in lower case sits inside one sentence; its opening words (unquoted)
    are part of what was said ("That, the board said, “would help”"; "Still, she added, “we …”"
    is only a link)."""
    text = _text(doc)
    if not text[m.start:m.start + 1].islower() or subject.i > cue.i:
        return None
    comma = subject.left_edge.i - 1
    start = cue.sent.start
    if comma <= start or doc[comma].text != "," or not re.fullmatch(r"\s*,\s*", text[cue.idx + len(cue):_opener(text, m)]):
        return None
    words = [t for t in doc[start:comma] if t.is_alpha]
    linking = len(words) == 1 and words[0].pos_ not in ("PRON", "NOUN", "PROPN") \
        and words[0].dep_ not in SUBJECT_DEPS  # "Still," but not "That,"
    # "…, and also, Lenz said, “to make clear …”", "…, including, he said, “politicians …”": the
    # quotation finishes a link word, not the sentence
    dangling = bool(words) and words[-1].dep_ not in SUBJECT_DEPS \
        and (words[-1].pos_ in ("ADV", "CCONJ", "ADP", "SCONJ") or words[-1].lower_ == "including")
    if not words or linking or dangling or any(_inside(t.idx, marked) or is_cue(t) for t in words) \
            or words[0].lower_ == "asked":
        return None
    first = next(t for t in doc[start:comma] if not t.is_punct and not t.is_space)
    return first.idx, doc[comma - 1].idx + len(doc[comma - 1].text)


def _sentence_a_quotation_finishes(doc: Doc, m: Marked, cue: Token, marked: list[Marked]) -> tuple[int, int] | None:
    """"She would make a better harbour master than Halden “come what may,” one caller commented": a
    quotation in lower case that finishes a sentence signed after it says that sentence with the
    words before it (not after a colon or comma, which introduce it, nor over another cue or
    quotation, nor when the words are a phrase or a subordinate clause)."""
    text = _text(doc)
    opener = _opener(text, m)
    quoted = doc.char_span(m.start, m.end, alignment_mode="expand")
    if not text[m.start:m.start + 1].islower() or not _marked_words(text, m).endswith(",") or quoted is None \
            or cue.i < quoted.end:
        return None  # (signed: it ends in a comma, left open for its cue)
    sentence = quoted[0].sent
    before = doc[sentence.start:quoted[0].i]
    words = [t for t in before if t.idx < opener and t.is_alpha]
    gap = text[sentence.start_char:opener].rstrip()
    if len(words) < 3 or gap.endswith((":", ",")) or "\n" in gap or any(is_cue(t) or _inside(t.idx, marked) for t in words) \
            or _opens_a_phrase(words):
        return None  # ("To a question on the “…,”", "But because X is “…,”": the words are no clause of their own)
    lead = next(t for t in before if not t.is_punct and not t.is_space)
    return lead.idx, len(gap)


def _opens_a_phrase(words: list[Token]) -> bool:
    """The words open with a preposition or a subordinating conjunction ("To a question on …", "But
    because …"), not with a clause of their own."""
    lead = next((t for t in words if t.pos_ != "CCONJ"), None)
    return lead is None or lead.pos_ in ("ADP", "SCONJ") or lead.dep_ == "mark"


def _own_parts(m: Marked) -> list[tuple[int, int]]:
    """A quotation's pieces when it is split (“A,” he said, “B”); none when it is whole."""
    return list(m.parts) if len(m.parts) > 1 else []


def _joins_split_quote(doc: Doc, m: Marked, statements: list[Found]) -> bool:
    """“A,” he said, “B.” and “A,” he said. “B.”: B is the second part of A's statement (never a
    phrase run into the attribution's own sentence: “A,” said Lind, who waited in an “extremely
    long line” for hours)."""
    if _phrase_in_sentence(doc, m):
        return False
    para_start = _text(doc).rfind("\n", 0, m.start) + 1
    for s in statements:
        if s.cue is None or not (para_start <= s.end <= m.start) or not (s.end <= s.cue.idx < m.start):
            continue
        between = _without_titles(_text(doc)[s.end:m.start])
        if _word_count(between) <= SPLIT_GAP_WORDS and _only_the_attribution(doc, s.cue, m) \
                and not re.search(r"[“\"‘]", between.strip("”\"’' ,.")[1:-1] or "") \
                and not _another_cue(doc, s.cue, m):
            _carry_into(s, m)
            return True
    return False


def _carry_into(statement: Found, m: Marked) -> None:
    """The statement goes on in quotation ``m``: one statement, its parts joined."""
    statement.parts = (statement.parts or [(statement.start, statement.end)]) + (m.parts or [(m.start, m.end)])
    statement.end = m.end


QUOTED_BIT = re.compile(r"[“\"‘]([^“”\"‘’\n]{1,80})[”\"’]")


def _without_titles(text: str) -> str:
    """The attribution's own words with any title in it blanked: “A,” he said on “Morning Hour.” “B.”"""
    return QUOTED_BIT.sub(lambda bit: " " * len(bit.group(0)) if _is_title(bit.group(1)) else bit.group(0), text)


def _another_cue(doc: Doc, cue: Token, m: Marked) -> bool:
    """“A,” Sanders said, suggesting “B”: a second cue introduces B as a statement of its own."""
    between = takewhile(lambda t: t.idx < m.start, doc[cue.i + 1:])  # stop at the quotation, not the doc's end
    return any(is_cue(t) and _introduces(t, m) for t in between)


def _only_the_attribution(doc: Doc, cue: Token, m: Marked) -> bool:
    """Between the cue's sentence and the next quotation there is nothing else: no other
    sentence that could have a speaker of its own ("“A,” said X, a professor at Y. “B.”")."""
    sentence_end = cue.sent.end_char
    if m.start <= sentence_end or not _text(doc)[sentence_end:m.start].strip(" \t\n“\"‘'`"):
        return True
    # the segmenter may cut the attribution's apposition off after a comma ("…, another freed American.")
    rest = doc.char_span(sentence_end, _opener(_text(doc), m), alignment_mode="contract")
    return cue.sent.text.rstrip().endswith(",") and rest is not None and "\n" not in rest.text \
        and len(rest) <= 8


def _that_before(doc: Doc, cue: Token, start: int) -> bool:
    """“A,” adding that “B”: B is reported (a that-clause), so A is no first half of it."""
    return any(t.lower_ == "that" and t.idx < start for t in doc[cue.i + 1:cue.i + 4])


def _opens_split_quote(doc: Doc, m: Marked, statements: list[Found]) -> bool:
    """“A,” Mr. Obama said, “B.” where the parser gave the cue B as its clause: A opens that statement."""
    text = _text(doc)
    para_end = text.find("\n", m.end)
    para_end = len(text) if para_end < 0 else para_end
    for s in statements:
        if s.cue is None or not (m.end <= s.cue.idx < s.start <= para_end):
            continue
        between = text[m.end:s.start].strip("”\"’' ,.“‘")
        if _word_count(between) <= 12 and not re.search(r"[“”\"]", between) and "\n" not in between \
                and text[:s.start].rstrip().endswith(("“", '"', "‘", "''")) \
                and _only_speaker_between(doc, m.end, s.cue) \
                and not _that_before(doc, s.cue, s.start):  # B is itself quoted, and said, not reported
            s.parts = (m.parts or [(m.start, m.end)]) + (s.parts or [(s.start, s.end)])
            s.start = m.start
            return True
    return False


def _only_speaker_between(doc: Doc, close: int, cue: Token) -> bool:
    """Between a quotation and the cue after it stand only the cue and its speaker ("“A,”
    Mr. Obama said"), not a sentence of its own ("“A.” To which she said")."""
    first = _first_word_after(doc, close)
    if first is None or any(is_cue(t) for t in doc[first.i:cue.i]):
        return False  # (“A,” he said at a briefing, and then predicted: “B.”: A has a cue of its own)
    subject = subject_of(cue)
    return first.i == cue.i or (subject is not None and subject.left_edge.i <= first.i)


SPLIT_GAP_WORDS = 40  # "said Patrick Ames, a law professor at the state university who advised the board"

DASH_NAME = re.compile(r"^[\s,.”\"’']*[―—–]\s*(?P<name>[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]*){0,3})")


# the signature on a line of its own, after a hyphen: "“…”¶¶- Carla Sanchez." / "-Carla Sanchez, Ostrel."
DASH_LINE = re.compile(r"^[\s,.”\"’']*\n[ \t]*-[ \t]*"
                       r"(?P<name>[A-Z][\w’'.-]+(?:[ \t]+[A-Z][\w’'.-]*){0,3}?)[ \t]*(?:[.,]|\n|$)")


def _dash_speaker(doc: Doc, m: Marked) -> Span | None:
    """“…” ― Carla Sanchez: a quotation signed with a dash and a name."""
    match = DASH_NAME.match(_text(doc)[m.end:m.end + 80]) or DASH_LINE.match(_text(doc)[m.end:m.end + 80])
    if not match:
        return None
    start, end = m.end + match.start("name"), m.end + match.end("name")
    end -= _text(doc)[end - 1] == "."  # "- Ilse Varga." ends a sentence
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is not None and span.start_char < start:  # "-President" is one token
        span = doc.char_span(start, end, alignment_mode="contract")
    return span if span is not None and len(span) else None


TRANSCRIPT = re.compile(r"^(?P<name>[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2}):\s")


# "Rubio: I Still Believe …": a headline in the first person, opened by its speaker's name (matched
# on the text before the pronoun)
NAMED_HEADLINE = re.compile(rf"^(?P<name>{LABEL_WORDS}):\s+$")


def _transcript_turns(doc: Doc, m: Marked) -> list[tuple[int, int, Span]]:
    """"WALLACE: Let's start … / "PENCE: Well, …": a transcript names each speaker in capitals
    at the start of a turn; a quotation left open across paragraphs holds one turn each."""
    text = _text(doc)
    starts = [m.start] + [m.start + i.end() for i in re.finditer(r"\n\s*[“\"]?(?=[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2}:\s)",
                                                                   text[m.start:m.end])]
    turns = []
    for n, start in enumerate(starts):
        label = TRANSCRIPT.match(text[start:m.end])
        if not label:
            if n == 0:
                return []
            continue
        end = (starts[n + 1] if n + 1 < len(starts) else m.end)
        end = len(text[:end].rstrip(" \n“\"”"))
        speaker = doc.char_span(start, start + label.end("name"), alignment_mode="expand")
        content = start + label.end()
        if speaker is not None and end > content:
            turns.append((content, end, speaker))
    return turns


TURN_START = re.compile(r"(?m)^[ \t]*(?=[A-Z])")
NAMED_TURN = re.compile(rf"^(?P<name>{LABEL_WORDS}):\s")  # "Varga: …"


def _interview_labels(text: str, people: People) -> set[str]:
    """The ordinary-case turn labels of a printed interview: names of people the article names
    (a surname the recogniser knows, or one the text gives with a first name: "Ilse Varga") that
    open two paragraphs or more ("Photo:", "Update:" name nobody)."""
    seen = Counter(m.group("name") for start in (t.end() for t in TURN_START.finditer(text))
                   if (m := NAMED_TURN.match(text[start:start + 80])) is not None)
    return {name for name, count in seen.items() if count >= 2 and (surname_of(name) in people.full or any(
        first not in FUNCTION_WORDS for first in re.findall(rf"\b([A-Z][a-z]+) {re.escape(name)}\b", text)))}


FUNCTION_WORDS = {"The", "A", "An", "In", "On", "At", "For", "To", "Of", "And", "But", "By", "With", "From", "As"}
ONE_QUESTION = re.compile(r"^[^.!?]*\?\W*$")  # "Do you think …?": a turn that only asks


def transcript_paragraphs(doc: Doc, marked: list[Marked], title_spans: list[tuple[int, int]],
                          people: People) -> list[Found]:
    """A transcript printed without quotation marks ("LIND: Take a listen.¶VARGA: Well, I
    think …"): each paragraph opened by a name in capitals and a colon is that speaker's turn.
    Only where two turns or more make a transcript; a kicker ("UPDATE: …") is no speaker. An
    interview printed as questions and answers ("Varga: No. The port will stay public …") names
    its speaker in ordinary case: a person the article names, opening two turns or more."""
    text = _text(doc)
    kickers = {k.casefold() for k in lexicon().kickers}
    answered = _interview_labels(text, people)
    turns = []
    for start in (t.end() for t in TURN_START.finditer(text)):
        stop = text.find("\n", start)
        line = text[start:len(text) if stop < 0 else stop].rstrip()
        end = start + len(line)
        label = TRANSCRIPT.match(line) or NAMED_TURN.match(line)
        if not label or label.group("name").casefold() in kickers or _inside(start, marked) \
                or any(a <= start < b for a, b in title_spans) \
                or not label.group("name").isupper() and label.group("name") not in answered:
            continue
        content = start + label.end()
        speaker = doc.char_span(start, start + label.end("name"), alignment_mode="expand")
        if speaker is not None and _word_count(text[content:end]) >= MIN_STATEMENT_WORDS:
            turns.append(Found(content, end, f"{NAME}:transcript", 0.8, speaker=speaker))
    return turns if len(turns) >= 2 else []


def _introduced_above(doc: Doc, m: Marked, marked: list[Marked]) -> tuple[Token, Token] | None:
    """He said: / (new paragraph) “We have a situation …”: a cue ending the paragraph above with a colon."""
    text = _text(doc)
    opener = _opener(text, m)
    para_start = text.rfind("\n", 0, opener) + 1
    if text[para_start:opener].strip():
        return None
    above_end = len(text[:para_start].rstrip())
    if above_end == 0 or text[above_end - 1] != ":":
        return None
    above = doc.char_span(text.rfind("\n", 0, above_end) + 1, above_end, alignment_mode="contract")
    if above is None:
        return None
    for token in reversed(above):
        if _inside(token.idx, marked):
            return None
        verbal = is_cue(token) or (token.dep_ == "ROOT" and token.pos_ == "VERB")
        subject = subject_of(token, marked) if verbal else None
        if subject is not None:
            return token, subject
    return None


def _word_count(text: str) -> int:
    return len(re.findall(r"\w+", text))


GAP_AFTER = re.compile(r"^[\s,.!?…’'\"”“]*$")


def _cue_after(doc: Doc, m: Marked, marked: list[Marked]) -> tuple[Token, Token] | None:
    """(cue, subject) of “…,” Varga added / “…,” said Varga / “…?” Halden asked in the documentary."""
    close = m.end
    window = doc.char_span(close, min(len(_text(doc)), close + 200), alignment_mode="expand")
    if window is None:
        return None
    for token in window:
        if token.idx < close:
            continue  # a token astride the closing mark ("them,''' said": '' and ' split otherwise)
        if "\n" in _text(doc)[close:token.idx]:
            return None
        if _inside(token.idx, marked) and not _nickname(token):
            return None
        if is_cue(token) or _signs_in_manner(token):
            if _quotation_is_antecedent(doc, close, token) or _quotation_is_object(doc, m, token):
                return None
            subject = subject_of(token, marked)
            lead = min(token.i, _apposed_subject(token, subject).left_edge.i) if subject is not None else None
            if subject is None and (subject := _nominal_right_after(token)) is not None:
                lead = token.i  # "said retired surveyor Ben Caird, asked about …": the parser gave the name away
            if subject is None:
                subject = _nominal_between(doc, close, token)
                if subject is None:
                    return None
                lead = _first_word_after(doc, close).i  # the whole name stands between: "Tarn police Chief …"
            if GAP_AFTER.match(_text(doc)[close:max(close, doc[lead].idx)]) \
                    and not _new_sentence_about_subject(doc, m, token, subject):
                return token, subject
            return None
        if (signed := _signature_read_as_noun(doc, m, token)) is not None:
            return signed
        if token.text in (".", "!", "?", ";") and token.idx >= close:
            return None  # the sentence after the quotation ended without a cue
    return None


def _nickname(token: Token) -> bool:
    """Ilse "Lisi" Brill: one quoted word between the parts of a name is a nickname, not a quotation."""
    doc = token.doc
    return 0 < token.i - 1 and token.i + 2 < len(doc) and doc[token.i - 1].is_quote and doc[token.i + 1].is_quote \
        and all(t.text[:1].isupper() and t.is_alpha for t in (doc[token.i - 2], token, doc[token.i + 2]))


def _apposed_subject(cue: Token, subject: Token) -> Token:
    """"Lusk's cousin, councillor Ilse Brill, shouted": the parser may make the role and the name
    two subjects of the cue; the role, set off by a comma right before the name, leads."""
    doc = cue.doc
    before = [c for c in cue.children if c.dep_ == "nsubj" and c.right_edge.i + 2 == subject.left_edge.i
              and doc[c.right_edge.i + 1].text == ","]
    return before[0] if before else subject


def _signs_in_manner(token: Token) -> bool:
    """"beamed", "sighed", "countered": a verb of how words were spoken, after a quotation."""
    return token.pos_ == "VERB" and token.tag_ in ("VBD", "VBZ", "VBP") and token.lemma_.lower() in lexicon().manner_verbs


def _signature_read_as_noun(doc: Doc, m: Marked, word: Token) -> tuple[Token, Token] | None:
    """“…,” the email read. / “…,” the Vestrans state in the paper.: the tagger took the verb of a
    short signature for a noun; a speech verb's form right after the quotation and a short name
    or noun phrase, before the sentence ends or a preposition, signs it."""
    speech = lexicon().speech_verbs
    form = word.lower_
    if word.pos_ != "NOUN" or not (form in speech or form.endswith("s") and form[:-1] in speech) \
            or not _text(doc)[m.start:m.end].rstrip("”\"’' ").endswith((",", "?", "!")):
        return None
    after = doc[word.i + 1] if word.i + 1 < len(doc) else None
    phrase = [t for t in doc[max(0, word.i - 12):word.i] if t.idx >= m.end and not t.is_punct]
    if after is not None and not (after.is_punct or after.pos_ == "ADP") or not 2 <= len(phrase) <= 5 \
            or phrase[0].lower_ not in ("the", "a", "an") and phrase[0].pos_ != "PROPN" \
            or not all(t.pos_ in ("DET", "PROPN", "NOUN", "ADJ") for t in phrase):
        return None
    return word, phrase[-1]


ENDS_SENTENCE = re.compile(r"[.!?…]\W*$")


def _new_sentence_about_subject(doc: Doc, m: Marked, cue: Token, subject: Token) -> bool:
    """"… by saying “Too many.” The audience gathered in the hall, echoing him": after a quotation
    that ends its sentence, a cue signs it only as the first verb after it ("“Too many.” Rask
    said."), not further on in a new sentence about someone else."""
    if not ENDS_SENTENCE.search(_text(doc)[m.start:m.end]):
        return False
    # what stands between, besides the source's own words ("Murphy, the head of the PAC, tweeted")
    between = []
    first = _apposed_subject(cue, subject).left_edge.i
    for t in reversed(doc[:cue.i]):  # back from the cue to the quotation only
        if t.idx < m.end:
            break
        if not first <= t.i <= subject.right_edge.i + (t.text == "," and t.i == cue.i - 1):
            between.append(t)
    ancestors = {cue, *cue.ancestors}  # "a reporter can be heard asking": the verbs the cue hangs on
    return any(t.text in (",", ";", ":") or t.pos_ in ("VERB", "AUX") and t not in ancestors
               and not (t.dep_ in ("aux", "auxpass") and t.head in ancestors) for t in between)


def _quotation_is_antecedent(doc: Doc, close: int, cue: Token) -> bool:
    """“Harbour Truth” that showed Varga …: a relative pronoun right after the closing mark is the
    cue's subject, so the quotation is the thing named, and nobody said it."""
    first = _first_word_after(doc, close)
    return first is not None and first.lower_ in ("that", "which") and first.head.i == cue.i \
        and first.dep_ in SUBJECT_DEPS


def _quotation_is_object(doc: Doc, m: Marked, cue: Token) -> bool:
    """“…?” Her rivals cited it as proof: after a quotation that ends its sentence, a cue whose
    object is "it" or "this" names the quotation as what it took up; it does not sign it. Nor does a
    cue with a subject and a clause of its own ("“…” He complained that …")."""
    if not ENDS_SENTENCE.search(_text(doc)[m.start:m.end]):
        return False
    own_subject = any(c.dep_ in SUBJECT_DEPS and c.i < cue.i for c in cue.children)
    return any(c.dep_ == "dobj" and c.lower_ in ("it", "this") for c in cue.children) \
        or own_subject and any(c.dep_ == "ccomp" and c.i > cue.i for c in cue.children)


def _nominal_right_after(cue: Token) -> Token | None:
    """The name of an inverted cue ("“…,” said retired surveyor Ben Caird, asked …") when the parser
    made it the subject of the next verb: the words up to the comma, all of a noun phrase."""
    if cue.lemma_.lower() not in INVERTIBLE or _text_before(cue) not in (",", *CLOSING_MARK_TOKENS):
        return None
    phrase = list(takewhile(lambda t: not t.is_punct, cue.doc[cue.i + 1:cue.i + 9]))
    if not phrase or phrase[-1].i + 1 >= len(cue.doc) or cue.doc[phrase[-1].i + 1].text not in (",", "."):
        return None
    if any(t.pos_ not in ("PROPN", "NOUN", "ADJ", "DET") and t.tag_ != "VBN" for t in phrase):
        return None
    who = cue.doc[phrase[-1].i + 2] if phrase[-1].i + 2 < len(cue.doc) else None
    if phrase[-1].ent_type_ != "PERSON" and not (phrase[-1].pos_ == "NOUN" and who is not None and who.lower_ == "who"):
        return None  # "said the woman, who …": "who" stands for a person
    return phrase[-1]


def _unlisted_cue_after(doc: Doc, m: Marked, marked: list[Marked]) -> tuple[Token, Token] | None:
    """“…,” an irritated Lenz snapped. / “…?” she wondered aloud: a quotation left open by its
    comma, ? or !, then a subject and a verb that ends the sentence, is attributed by its shape
    even when the verb is not in the lexicon ("retaliated", "barked", "beamed")."""
    text = _text(doc)
    if not text[m.start:m.end].rstrip().endswith((",", "?", "!")) or not _starts_unit(doc, m):
        return None
    first = _first_word_after(doc, m.end)
    if first is None or "\n" in text[m.end:first.idx] or _inside(first.idx, marked):
        return None
    verb = first.head if first.dep_ in SUBJECT_DEPS else next(
        (a for a in first.ancestors if any(c.dep_ in SUBJECT_DEPS and c.left_edge.i == first.i for c in a.children)), None)
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None) if verb is not None else None
    if subject is None or subject.left_edge.i != first.i or verb.pos_ != "VERB" or verb.i < subject.i \
            or subject.lower_ in RELATIVE_PRONOUNS \
            or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    if any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "acomp", "dative") and not m.start <= c.idx < m.end
           for c in verb.children):
        return None  # "…,” the mayor signed the order": the verb does something else than speak
    after = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    if after is not None and not (after.is_punct or after.dep_ in ("advmod", "prep", "npadvmod")):
        return None
    if not GAP_AFTER.match(text[m.end:first.idx]) or verb.i - first.i > 8:
        return None
    return verb, subject


def _unlisted_cue_before_colon(doc: Doc, m: Marked, marked: list[Marked]) -> tuple[Token, Token] | None:
    """Wren leaned in and boomed: “Let’s finish this in May.”: a clause whose verb is not in the
    lexicon, ended by a colon that opens a whole quoted sentence, introduces its subject's words."""
    text = _text(doc)
    opener = _opener(text, m)
    if not text[:opener].rstrip().endswith(":") or not _whole_quoted_sentence(text[m.start:m.end].strip()):
        return None
    colon = text[:opener].rstrip()
    before = doc.char_span(text.rfind("\n", 0, len(colon)) + 1, len(colon) - 1, alignment_mode="contract")
    if before is None or not len(before):
        return None
    # the sentence that ends at the colon; the parser may have run it on into the quotation
    window = doc[max(before.start, before[-1].sent.start):before.end]
    if any(_inside(t.idx, marked) for t in window):
        return None
    # the clause that ends at the colon, not one inside it ("apologised for what happened:") nor
    # the words of a cue ("suggested the judge was from Ostrel:")
    last = window[-1]
    verb = next((t for t in [last, *last.ancestors] if _finite_verb(t) and t.dep_ not in EMBEDDED_CLAUSE_DEPS
                 and not (t.dep_ == "ccomp" and window.start <= t.head.i < window.end and is_cue(t.head)
                          and not _aside_after_subject(t.head))), None)
    if verb is None or not window.start <= verb.i < window.end:
        return None
    subject = _clause_subject(verb)
    if subject is not None and not window.start <= subject.i < verb.i:
        return None
    # "I had to change my answer:" outside quotation marks is the writer, whom nothing names
    if subject is None or subject.lower_ in RELATIVE_PRONOUNS or subject.lower_ in ("i", "we"):
        return None
    return verb, subject


EMBEDDED_CLAUSE_DEPS = ("relcl", "pcomp", "pobj", "acl", "csubj", "amod")


def _clause_subject(verb: Token) -> Token | None:
    """The verb's subject, or its first conjunct's ("Rask gestured, then leaned in and boomed:"), or
    the one the parser gave the participle of an aside before it ("Vesk, asked …, replied:")."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    aside_before = verb.dep_ == "ccomp" and _aside_after_subject(verb.head)
    if subject is None and (verb.dep_ in ("conj", "dep") or aside_before) and verb.head.pos_ in ("VERB", "AUX"):
        return _clause_subject(verb.head)
    return subject


def _whole_quoted_sentence(quoted: str) -> bool:
    """“Let’s finish this in May.” or “If they sue us, they’re going to lose,” (a sentence the
    writer's clause carries on after), not a label (“a disaster”)."""
    if not quoted[:1].isupper() or _word_count(quoted) < MIN_STATEMENT_WORDS:
        return False
    ending = quoted.rstrip("”\"’ ")
    return ending.endswith((".", "!", "?")) or ending.endswith(",") and _word_count(quoted) >= 2 * MIN_STATEMENT_WORDS


def _finite_verb(token: Token) -> bool:
    """A tensed verb ("boomed", "resists") or a perfect ("has since apologised")."""
    if token.pos_ != "VERB":
        return False
    return token.tag_ in ("VBD", "VBZ", "VBP") or token.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lemma_ == "have" for c in token.children)


def _first_word_after(doc: Doc, offset: int) -> Token | None:
    window = doc.char_span(offset, min(len(_text(doc)), offset + 300), alignment_mode="expand")
    return next((t for t in window or [] if t.idx >= offset and not t.is_punct and not t.is_space), None)


def _nominal_between(doc: Doc, close: int, cue: Token) -> Token | None:
    """“…,” Tarn police Chief Anton Rask said — when the parser hung "said" elsewhere."""
    between = [t for t in doc.char_span(close, cue.idx, alignment_mode="contract") or [] if not t.is_punct]
    if len(between) > 1 and between[-1].like_num and between[-1].dep_ == "appos":
        between = between[:-1]  # "“…,” Rask, 58, told the paper": the age set off by commas
    if between and len(between) <= 6 and between[-1].i == cue.i - 1 and between[-1].ent_type_ == "PERSON":
        return between[-1]  # "screenwriter Cole Haddon wrote": a name right before the cue, whatever came first
    # taggers stumble on names (a town's name read as a verb): accept capitalised words whatever their tag
    if not between or len(between) > 8 or any(t.pos_ not in ("PROPN", "NOUN", "PRON", "ADJ", "DET")
                                               and not t.text[:1].isupper() for t in between):
        return None
    nominal = [t for t in between if t.pos_ in ("PROPN", "NOUN", "PRON")]
    return nominal[-1] if nominal else None


GAP_BEFORE = re.compile(r"^\s*(?:that\s*)?[:,]?\s*$")


TITLING_WORDS = {"titled", "entitled", "headlined", "subtitled"}
WORKS = {"book", "memoir", "column", "article", "essay", "op-ed", "editorial", "film", "movie", "documentary",
         "song", "album", "poem", "novel", "play", "headline", "slogan", "hashtag", "banner", "sign"}


def _names_a_work(doc: Doc, m: Marked) -> bool:
    """A Harbour Ledger article titled “…”, Varga's book “…”, Halden's column on Aug. 10, “…”: a
    quotation right after a word that titles it, or after a work (with its date), is its name (after
    a colon it is what the work says: "used her words as its headline: “…”")."""
    text = _text(doc)
    before = re.search(r"([\w’'-]+)(?: on [A-Z][a-z]{2,8}\.? \d{1,2})?[\s,]*$", text[max(0, _opener(text, m) - 40):_opener(text, m)])
    return before is not None and (before.group(1).lower() in TITLING_WORDS or before.group(1).lower() in WORKS)


def _is_title(text: str) -> bool:
    """“Ukraine On Fire”: a short, capitalised name of a work, not a statement."""
    words = re.findall(r"[A-Za-z][\w’'-]*", text)
    small = {"a", "an", "the", "of", "on", "in", "and", "or", "for", "to", "at", "by", "with"}
    # an opening "The" counts: “The Apprentice” names a show as “Ukraine On Fire” names a film
    capitals = [w for i, w in enumerate(words) if w.lower() not in small or (i == 0 and w == "The")]
    if re.search(r"\w[.!?]\s+[A-Z]", text):
        return False  # “Like Oakland. Or Ferguson,”: two sentences, each opening with a capital
    return 0 < len(words) <= 8 and all(w[0].isupper() for w in capitals) and len(capitals) >= 2


def _cue_tail(cue: Token, before: int) -> int:
    """The last token of the cue's own words before offset ``before``: "told reporters on
    Monday", "said Ellis"."""
    if _inverted_said(cue):
        return max(t.i for t in cue.head.subtree if t.idx < before and not t.is_punct)
    return max([cue.i] + [c.right_edge.i for c in cue.children
                          if (c.dep_ in ("dative", "dobj", "prep", "npadvmod", "advmod", "prt", "agent")
                              or (c.dep_ in SUBJECT_DEPS and c.i > cue.i))  # "Said Ellis: “…”"
                          and c.idx < before])


def _quotation_before(clause: Span, cue: Token, marked: list[Marked]) -> bool:
    """The clause begins in a quotation that closes before the clause's own cue."""
    first = next((t for t in clause if not t.is_punct and not t.is_space), None)
    return first is not None and any(m.start <= first.idx < m.end <= cue.idx for m in marked)


def _named_by(doc: Doc, m: Marked, marked: list[Marked]) -> tuple[Token, Token] | None:
    """"which Varga called “a disgrace,” blaming the board": a naming verb right before the
    quotation names it, whatever cue follows."""
    opener = _opener(_text(doc), m)
    window = doc.char_span(max(0, opener - 40), opener, alignment_mode="contract")
    verb = window[-1] if window is not None and len(window) else None
    if verb is None or verb.lemma_.lower() not in NAMING_VERBS or verb.pos_ != "VERB" or _inside(verb.idx, marked):
        return None
    if _names_a_thing(verb):
        return None
    if any(c.dep_ == "auxpass" for c in verb.children):
        agent = _agent_of(verb)
        return (verb, agent) if agent is not None else None  # "was called “a disgrace” by Varga"
    subject = subject_of(verb, marked)
    return (verb, subject) if subject is not None and subject.lower_ not in RELATIVE_PRONOUNS else None


def _speaker_holds_quotation(speaker: Span, m: Marked) -> bool:
    """The "speaker" runs into the quotation ("an unaligned “Tarn first” push"): the quoted words
    are part of a phrase, and nobody said them."""
    return speaker.start_char < m.end and speaker.end_char > _opener(_text(speaker.doc), m)


def _phrase_of_the_speaker(subject: Token, m: Marked) -> bool:
    """The quoted words are part of the phrase that names or describes the cue's subject."""
    return _speaker_holds_quotation(_subject_span(subject), m) or _scare_quote_in_description(subject, m)


def _scare_quote_in_description(subject: Token, m: Marked) -> bool:
    """"Geoff Garin, who polls for a pro-Clinton “super PAC,” posited that …": a few lower-case
    words quoted inside the description of the cue's subject are the writer's, nobody's statement."""
    doc = subject.doc
    left, right = subject.left_edge, subject.right_edge
    quoted = _text(doc)[m.start:m.end].strip(" ,.”\"'’")
    return left.idx <= _opener(_text(doc), m) and m.end <= right.idx + len(right) + 2 \
        and quoted[:1].islower() and _word_count(quoted) <= 4


def _opener(text: str, m: Marked) -> int:
    """Where the opening mark of a quotation stands (two characters for NYT's '')."""
    return m.start - (2 if text[max(0, m.start - 2):m.start] in ("''", "``") else 1)


INTRODUCING_GAP = re.compile(r"^\s*[:,]?\s*$")


def _introduces_quotation(cue: Token, marked: list[Marked]) -> bool:
    """The cue's words are followed, after at most a colon or comma, by an opening
    quotation mark: "Kall said: “…”", "Mexicans often say, ''…''"."""
    after = next((m for m in marked if m.start > cue.idx), None)
    return after is not None and _introduces(cue, after)


def _introduces(cue: Token, m: Marked) -> bool:
    """Nothing but the cue's own words and a colon or comma stand before quotation ``m``."""
    text = _text(cue.doc)
    opener = _opener(text, m)
    tail = cue.doc[_cue_tail(cue, opener)]
    return bool(INTRODUCING_GAP.match(text[tail.idx + len(tail.text):max(opener, tail.idx + len(tail.text))]))


def _cue_before(doc: Doc, m: Marked, marked: list[Marked], used: set[int] = frozenset()) -> Token | None:
    """Varga said: “…” / Wren tweeted “…” / he stated, adding, “…”."""
    opener = _opener(_text(doc), m)
    para_start = _text(doc).rfind("\n", 0, opener) + 1
    window = doc.char_span(para_start, opener, alignment_mode="contract")
    if window is None:
        return None
    for token in reversed(window):
        if _inside(token.idx, marked):
            return None
        if is_cue(token):
            tail = _cue_tail(token, opener)
            gap = _text(doc)[doc[tail].idx + len(doc[tail].text):opener]
            if token.i in used and ":" not in gap:
                return None  # “A,” he told X in …, “B” — B is no second statement of the same cue
            return token if GAP_BEFORE.match(gap) else None
        if token.text in ".!?" and token.idx < opener - 1:
            return None
    return None


def _phrase_in_sentence(doc: Doc, m: Marked) -> bool:
    """A lower-case quotation run into its sentence, neither introduced by a colon or comma nor
    ending it ("boasted of his plan to pour “every last crown” of the family money into the campaign")."""
    text = _text(doc)
    opener = _opener(text, m)
    quoted = text[m.start:m.end].strip()
    if not quoted[:1].islower() or quoted.endswith((".", "!", "?")) or text[:opener].rstrip().endswith((":", ",")):
        return False
    rest = re.split(r"[.!?;\n]", text[m.end:m.end + 300], maxsplit=1)[0]
    return _word_count(rest) > 0


def _name_before_colon(doc: Doc, m: Marked) -> Span | None:
    """"Varga: “The levy stays until the deficit closes.”", "… - Brenn Institute: “Every sample …”": a
    person or organisation named just before a colon that opens the quotation."""
    text = _text(doc)
    opener = _opener(text, m)
    before = text[:opener].rstrip()
    if not before.endswith(":"):
        return None
    colon = len(before) - 1
    if "\n" in text[colon:opener].strip(" \t\n"):
        return None
    if text[:colon].endswith(")") and "(" in text[max(0, colon - 30):colon]:
        colon = len(text[:text.rindex("(", 0, colon)].rstrip())  # "Rep. Trey Gowdy (R-S.C.): “…”"
    name = next((e for e in doc.ents if e.end_char == colon and e.label_ in ("PERSON", "ORG")), None)
    if name is None:
        last = doc.char_span(max(0, colon - 1), colon, alignment_mode="expand")
        token = last[-1] if last is not None and len(last) else None  # (none before "port :", only a space)
        # a surname the recogniser missed ("Varga: “…”")
        name = _subject_span(token) if token is not None and token.pos_ == "PROPN" and token.text[:1].isupper() else None
    # the name is all there is before the colon: not "a message to Trump:", "in an interview on Tuesday:"
    lead = text[:name.start_char].rstrip() if name is not None else ""
    if name is None or not (lead == "" or lead.endswith(("\n", "-", "—", "–", "―"))
                            or lead.rstrip("”\"’'").endswith((".", "!", "?"))  # “… ISIS.” Bush: “…”
                            or lead.split()[-1].lower() in ("from", "by")):
        return None
    return name


UTTERANCE_VERBS = {"say", "reply", "answer", "respond", "add", "write", "tweet", "exclaim", "shout", "yell", "chant",
                   "scream"}


def _cue_before_utterance(doc: Doc, m: Marked, marked: list[Marked]) -> tuple[Token, Token] | None:
    """Protesters chanted “What curfew?”: a short quotation after its cue is said when it is a
    question or an exclamation, or when it follows a verb that only reports words (“by saying
    “Too many.””); after a naming verb it is a label (“called it ‘fake news’”)."""
    cue = _cue_before(doc, m, marked)
    if cue is None:
        return None
    exclaimed = _text(doc)[m.start:m.end].rstrip().endswith(("?", "!"))
    if not exclaimed and not (cue.lemma_.lower() in UTTERANCE_VERBS and _right_after(cue, m)):
        return None
    subject = subject_of(cue, marked)
    return (cue, subject) if subject is not None else None


def _right_after(cue: Token, m: Marked) -> bool:
    """Quotation ``m`` follows the cue word itself, not a phrase of it ("said on Vestra One's “Morning Hour”")."""
    text = _text(cue.doc)
    return bool(INTRODUCING_GAP.match(text[cue.idx + len(cue.text):max(_opener(text, m), cue.idx)]))


def _said_title(doc: Doc, m: Marked, marked: list[Marked]) -> bool:
    """“What a Super Tuesday!” right after "she declared", or before "the crowd chanted", is
    said, whatever its capitals."""
    said = _cue_before_utterance(doc, m, marked)
    if said is not None and _right_after(said[0], m):
        return True
    # “Lock Her Up!” the crowd chanted: a cry, or a sentence's first words, left open for the cue
    # that follows (on CBS's “Face the Nation,” Ryan said: a title inside the sentence)
    quoted = _quoted_words(doc, m)
    opens = _starts_unit(doc, m)
    return (quoted.endswith(("?", "!")) or opens and quoted.endswith(",")) and _cue_after(doc, m, marked) is not None


def _previous_statement(doc: Doc, m: Marked, statements: list[Found], marked: list[Marked]) -> Found | None:
    """The statement a bare quotation continues: the last one in quotation marks, else the last."""
    before = [s for s in statements if s.end <= m.start and s.rule != STANCE]  # a stance introduces no words
    if not before:
        return None
    text = _text(doc)
    quoted = [s for s in before if _inside(s.start, marked) or _inside(max(s.start, s.end - 1), marked)]
    same_paragraph = [s for s in before if "\n" not in text[s.end:m.start]]
    quoted_here = [s for s in quoted if s in same_paragraph]
    # a quotation continues the quoted speaker of its paragraph; else the sentence just before
    # introduces it ("X said Y. ‘…’"); else the last quoted speaker above
    pool = quoted_here or same_paragraph or quoted or before
    last = max(pool, key=lambda s: s.end)
    between = _text(doc)[last.end:m.start]
    if between.count("\n") > 2 or _word_count(between) > 40:
        return None
    # another person introduced between them breaks the thread
    span = doc.char_span(last.end, m.start, alignment_mode="contract")
    if span is not None and any(e.label_ == "PERSON" and not _inside(e.start_char, []) for e in span.ents
                                if not (last.speaker is not None and e.text in last.speaker.text)):
        if between.count("\n") > 0:
            return None
    return last


def _carries_on(doc: Doc, m: Marked, previous: Found, marked: list[Marked]) -> bool:
    """“A,” Varga said on Monday.¶“B.”: a bare quotation opening the next paragraph carries on
    the quotation whose attribution ended the paragraph before; one statement in two parts."""
    text = _text(doc)
    between = text[previous.end:_opener(text, m)]
    return previous.cue is not None and _inside(previous.start, marked) and _inside(previous.end - 1, marked) \
        and "\n" not in text[previous.start:previous.end] and between.strip().count("\n") == 0 \
        and between.rstrip(" \t").endswith("\n") \
        and not any(previous.end < o.start < m.start for o in marked) and _word_count(between) <= SPLIT_GAP_WORDS


def _goes_on_with(doc: Doc, previous: Found, m: Marked, statements: list[Found], marked: list[Marked]) -> bool:
    """"Varga said the port would close. “We have no choice.”": a bare quotation right after a
    statement in its paragraph, all in quotation marks or all in the writer's words, goes on with it,
    one statement in two parts (after a mixed one, whose quoted words were picked from a longer
    speech, it stands alone; in the next paragraph, only a split quotation carries on)."""
    if previous.speaker is None or "\n" in _text(doc)[previous.end:m.start] \
            or any(previous.end <= s.start < m.start for s in statements):
        return False
    quoted = [o for o in marked if o.start < previous.end and previous.start < o.end]
    all_quoted = _inside(previous.start, marked) and _inside(previous.end - 1, marked)
    return all_quoted or not quoted


def _starts_unit(doc: Doc, m: Marked) -> bool:
    """The quotation starts a paragraph or a sentence: it is a statement, not a phrase. (Not one in
    typed single marks: a paragraph 'like this' is as often a subhead as more of what was said.)"""
    if m.typed_single:
        return False
    opener = _opener(_text(doc), m)
    before = _text(doc)[_text(doc).rfind("\n", 0, max(opener, 0)) + 1:opener]
    return not before.strip() or before.rstrip().endswith((".", "!", "?", "”", '"', "''"))


# --- 4. speakers, venues, dates ------------------------------------------------------------

def _ent_of(token: Token) -> Span | None:
    """The named entity a token is part of, from its IOB tags (``doc.ents`` rebuilds them all)."""
    if not token.ent_type_:
        return None
    doc, start, end = token.doc, token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc.char_span(doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), label=token.ent_type_)


def _subject_span(token: Token) -> Span:
    doc = token.doc
    ent = _ent_of(token)
    if ent is not None and token.head.i != token.i and token.head.pos_ in ("VERB", "AUX") \
            and ent.start <= token.head.i < ent.end:
        ent = None  # "Dmitry Volkov tells Meridian" as one title: the recogniser ran the name into its verb
    if ent is not None and ent.label_ in NAME_ENTITIES:
        # "Said Oberlin: …": the recogniser may take the opening cue into the name
        return _without_cue_word(ent) if ent[0].i < token.i else ent
    for child in token.children:  # "Its director, Elin Sarka, said", "One of the men, Jo Elkins, 70, said"
        if child.dep_ == "appos" and (child.ent_type_ == "PERSON" or _looks_like_name(child)):
            return _subject_span(child)
    if ent is not None:
        return ent
    left = token.left_edge.i
    right = token.i + 1
    # keep compounds and names after the head ("Varga (pictured)" stops at the bracket)
    while right < len(doc) and doc[right].dep_ in ("flat", "compound") and doc[right].head == token:
        right += 1
    span = doc[left:right]
    while len(span) > 1 and span[0].dep_ in ("cc", "punct", "advmod", "preconj"):
        span = span[1:]
    return span


def _speaking_name(token: Token) -> bool:
    """"Marek Halden" tagged as an organisation but speaking: two capitalised proper nouns, no
    organisation word among them, subject of a cue."""
    if token.pos_ != "PROPN" or not is_cue(token.head) or token.i == 0:
        return False
    first = token.doc[token.i - 1]
    words = {first.lower_, token.lower_}
    return (first.pos_ == "PROPN" and first.dep_ == "compound" and first.text[:1].isupper()
            and token.text[:1].isupper() and token.is_alpha and first.is_alpha
            and not words & lexicon().organisation_nouns and token.ent_type_ not in ("GPE", "NORP", "LOC"))


def _looks_like_name(token: Token) -> bool:
    """"Marek Halden" missed or mistagged by NER: a proper noun with a capitalised proper-noun
    first name, neither of them a word for an organisation or a place."""
    if token.pos_ != "PROPN" or token.ent_type_ in ("GPE", "NORP", "LOC"):
        return False
    if token.ent_type_ in ("ORG", "FAC", "PRODUCT", "EVENT") and token.lower_ in lexicon().organisation_nouns:
        return False
    names = [c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i == token.i - 1]
    return bool(names) and names[0].text[:1].isupper() and token.text[:1].isupper() and token.is_alpha


@dataclass(slots=True)
class People:
    """The people an article names: surname → fullest name, and roles."""

    full: dict[str, str] = field(default_factory=dict)
    roles: dict[str, set[str]] = field(default_factory=dict)
    first_seen: dict[str, tuple[int, int]] = field(default_factory=dict)
    titles: dict[str, set[str]] = field(default_factory=dict)  # surname → role phrases as written
    organisations: list[tuple[int, str]] = field(default_factory=list)  # subjects: antecedents of "it"
    # (offset, "a senior official …" or the person it turned out to be, head noun, "unnamed" | "person")
    unnamed: list[tuple[int, str, str, str]] = field(default_factory=list)

    shared: set[str] = field(default_factory=set)  # surnames seen with "Mr." and with "Mrs."/"Ms."
    genders: dict[str, str] = field(default_factory=dict)  # canonical name → "m" | "f", where the article shows it
    named: dict[str, list[str]] = field(default_factory=dict)  # surname → every full name seen with it

    def canonical(self, name: str, honorific: str | None = None) -> str:
        """The fullest name seen for this surname. When a man and a woman share it ("Mr. Clinton",
        "Mrs. Clinton"), a bare surname keeps its honorific: which full name is meant is a guess.
        A name with a first name keeps to the full names that agree with it: "Jeb Bush" is never
        "George W. Bush", however fully the article names him."""
        surname = surname_of(name)
        given = _given_names(name)
        if given:
            agreeing = [full for full in self.named.get(surname, []) if _same_given_name(given, full)]
            return max(agreeing, key=lambda full: len(full.split()), default=name)
        if surname in self.shared:
            return f"{honorific} {surname}" if honorific else surname
        return self._first_named(surname) or self.full.get(surname, name)

    def relatives(self, surname: str) -> bool:
        """Two people of this surname are named ("Ivanka Trump", "Donald Trump"): what the article
        says of "Trump" (roles, titles) may be either's."""
        people = self._with_first_names(surname)
        return bool(people) and not all(_same_given_name(_given_names(people[0]), full) for full in people)

    def _with_first_names(self, surname: str) -> list[str]:
        """The full names of this surname that carry a first name, in the order first seen."""
        return [full for full in self.named.get(surname, []) if _given_names(full)]

    def _first_named(self, surname: str) -> str | None:
        """Of two people sharing a surname ("Jeb Bush", then "George H.W. Bush"), the one the article
        named first is the bare surname's, as the first full mention introduces the story's
        person; with one person, None."""
        if not self.relatives(surname):
            return None
        people = self._with_first_names(surname)
        return max((f for f in people if _same_given_name(_given_names(people[0]), f)), key=lambda f: len(f.split()))


# Titles written before a name that are no role noun ("Sen", "Justice Kennedy", "Dean Amar")
NAME_TITLES = {"sen", "rep", "gov", "gen", "lt", "col", "capt", "sgt", "cpl", "adm", "dr", "prof", "rev", "ag",
               "justice", "dean", "sir", "lord", "lady", "dame", "former", "then", "father", "sister", "brother"}


def _suffix(name: str) -> str | None:
    """"Jr." of "Donald Trump Jr.": father and son share every other name."""
    suffixes = name_parts(name)[2]
    return suffixes[-1].lower().rstrip(".,") if suffixes else None


def _given_names(name: str) -> list[str]:
    """"Florida Gov. Jeb Bush" → ["Florida", "Jeb"]: the words before the surname that are not a
    role, a title or its abbreviation ("Sen.", "Justice")."""
    roles = lexicon().role_nouns
    return [w for w in name_parts(name)[0] if not w.endswith(".") and w.lower() not in roles | NAME_PARTICLES | NAME_TITLES]


def _same_given_name(given: list[str], full: str) -> bool:
    """A first name or initial of the mention is one of the full name's ("Hillary" in
    "Hillary Rodham Clinton", "J." for "John")."""
    theirs = [w.rstrip(".") for w in _given_names(full)]
    return any(w.rstrip(".") == t or (len(t) == 1 and w.startswith(t)) or (len(w.rstrip(".")) == 1 and t.startswith(w))
               for w in given for t in theirs)


HONORIFICS = {"mr.": "m", "mr": "m", "mrs.": "f", "mrs": "f", "ms.": "f", "ms": "f", "miss": "f"}
TITLE_WORDS = NAME_TITLES | set(HONORIFICS)  # what may stand before a name ("Col.", "Mrs.")


def _honorific(span: Span) -> str | None:
    """"Mrs." in "Mrs. Clinton" (inside the entity or just before it), as written."""
    for token in (span[0], span.doc[span.start - 1] if span.start > 0 else None):
        if token is not None and token.lower_ in HONORIFICS:
            return token.text
    return None


def collect_people(doc: Doc, marked: list[Marked]) -> People:
    people = People()
    lex = lexicon()
    untagged = [doc[t.i - 1:t.i + 1] for t in _tokens(doc) if t.dep_ in SUBJECT_DEPS and (_looks_like_name(t) or _speaking_name(t))]
    places = _place_words(doc)
    genders: dict[str, set[str]] = {}
    for ent in list(doc.ents) + untagged:
        if (ent.label_ != "PERSON" and ent not in untagged) or _inside(ent.start_char, marked) \
                or _role_read_as_name(ent):
            continue
        if len(ent) == 1 and ent.text in places:
            continue  # "Kaldor" tagged a person once and a place everywhere else
        name = _clean_name(ent)
        if not name:
            continue
        surname = surname_of(name)
        honorific = _honorific(ent)
        if honorific:
            genders.setdefault(surname, set()).add(HONORIFICS[honorific.lower()])
        if len(name.split()) > len(people.full.get(surname, "").split()):
            people.full[surname] = name
        if len(name.split()) > 1 and name not in people.named.setdefault(surname, []):
            people.named[surname].append(name)
        people.first_seen.setdefault(surname, (ent.start_char, ent.end_char))
        roles = people.roles.setdefault(surname, set())
        roles.update(t.lemma_.lower() for t in _role_words(ent) if t.lemma_.lower() in lex.role_nouns)
        phrase = _role_phrase(ent)
        if phrase:
            people.titles.setdefault(surname, set()).add(phrase)
    people.shared = {surname for surname, seen in genders.items() if len(seen) > 1}
    return people


def _place_words(doc: Doc) -> set[str]:
    """Single words the tagger calls a place, nationality or organisation more often than a person."""
    votes: dict[str, Counter] = {}
    for ent in doc.ents:
        if len(ent) == 1:
            votes.setdefault(ent.text, Counter())["person" if ent.label_ == "PERSON" else "other"] += 1
    return {w for w, c in votes.items() if c["other"] > c["person"]}


def _without_cue_word(ent: Span) -> Span:
    """"Said Oberlin" as one name: the recogniser took the opening cue into it."""
    if len(ent) > 1 and ent[0].lower_ in ("said", "says"):
        from spacy.tokens import Span

        return Span(ent.doc, ent.start + 1, ent.end, label=ent.label_)
    return ent


def _role_read_as_name(ent: Span) -> bool:
    """"Orlen minister" tagged as a person: a name never ends in a role noun written small."""
    return len(ent) > 1 and ent[-1].is_lower and ent[-1].lemma_.lower() in lexicon().role_nouns


def _clean_name(ent: Span) -> str:
    tokens = list(_without_cue_word(ent))
    # "Russian Sergey Karjakin": a nationality, no name; "Neither Cruz", "Telling Jeb Bush": the
    # recogniser took the word before the name into it
    while len(tokens) > 1 and tokens[0].pos_ in ("ADJ", "DET", "CCONJ", "ADV", "VERB", "ADP", "PRON"):
        tokens.pop(0)
    # "Foreign Ministry Spokeswoman Dagmar Vesk": a role written with a capital is no part of the name
    # (before a first name and a surname: "General Electric" keeps its first word)
    while len(tokens) > 2 and tokens[0].lower_ in lexicon().role_nouns:
        tokens.pop(0)
    words = [t.text for t in tokens if t.pos_ in ("PROPN", "NOUN", "ADJ") or t.text[:1].isupper()]
    while words and words[-1] in ("’s", "'s"):
        words.pop()
    kept = [w for i, w in enumerate(words) if (w[:1].isupper() or _particle_inside(words, i))
            and w.lower() not in ("mr", "mrs", "ms", "dr", "president")]
    return " ".join(kept).replace("’s", "").replace("'s", "").strip()


NAME_PARTICLES = {"de", "da", "di", "del", "della", "van", "von", "der", "den", "le", "la", "du", "bin", "ibn", "al"}


def _particle_inside(words: list[str], i: int) -> bool:
    """"de" in "Bill de Blasio": part of the surname, between two capitalised words."""
    return words[i] in NAME_PARTICLES and 0 < i < len(words) - 1 and words[i - 1][:1].isupper() \
        and words[i + 1][:1].isupper()


def _role_words(ent: Span) -> list[Token]:
    """Role nouns before a name ("Transport Minister Ilse Varga") or in apposition ("Varga, the minister")."""
    doc, head = ent.doc, ent.root
    words = [t for t in doc[max(0, ent.start - 4):ent.start] if t.head.i in range(ent.start, ent.end) or t.head == head]
    for child in head.children:
        if child.dep_ == "appos":
            words += [t for t in child.subtree]
    if head.dep_ == "appos":
        words += list(head.head.subtree)
    return [w for w in words if w.pos_ in ("NOUN", "PROPN")]


def _role_of(token: Token) -> str | None:
    """The role a word names, its short form too ("Sen." → "senator")."""
    return lexicon().role_of(token.text if token.text.endswith(".") else token.lemma_)


def _role_phrase(ent: Span) -> str | None:
    """"Transport Minister" of "Transport Minister Ilse Varga"; "the transport minister" of
    "Varga, the transport minister"."""
    doc, lex = ent.doc, lexicon()
    left = ent.root.left_edge.i
    before = [t for t in doc[max(left, ent.start - 6):ent.start] if t.dep_ not in ("det", "poss", "case", "punct")
              and not t.is_punct and t.ent_type_ != "PERSON"]
    while before and before[0].pos_ not in ("NOUN", "PROPN", "ADJ"):
        before.pop(0)
    if before and any(_role_of(t) for t in before):
        return doc[before[0].i:ent.start].text.strip()
    for child in ent.root.children:
        if child.dep_ == "appos" and child.lemma_.lower() in lex.role_nouns:
            words = [t for t in child.subtree if t.dep_ != "det" and not t.is_punct]
            if words and len(words) <= 6:
                return doc[words[0].i:words[-1].i + 1].text
    return None


def resolve(found: Found, doc: Doc, people: People, subjects: list[tuple[int, str]]) -> Found:
    """Fill speaker text/kind/offsets from the speaker span."""
    if found.speaker is None:
        return found
    span = found.speaker
    found.speaker_start, found.speaker_end = _source_offsets(found)
    lex = lexicon()
    if (span.label_ == "PERSON" or (len(span) == 1 and span[0].ent_type_ == "PERSON")) and not _role_read_as_name(span):
        name = _clean_name(span) or span.text
        found.speaker_text, found.speaker_kind = people.canonical(name, _honorific(span)), "person"
    elif _known_surname(span, people):
        found.speaker_text, found.speaker_kind = people.canonical(span.root.text, _honorific(span)), "person"
    elif (surname := _surname_in_capitals(span.text, people)) is not None:
        found.speaker_text, found.speaker_kind = people.canonical(surname), "person"  # "FALLIN:" → Mary Fallin
    elif found.rule.endswith(":transcript"):
        found.speaker_text, found.speaker_kind = span.text, "person"  # a turn's label names whoever speaks
    elif span.label_ in ("ORG", "GPE", "NORP") or (span.root.pos_ == "PROPN" and span.root.lemma_.lower() not in lex.role_nouns):
        found.speaker_text, found.speaker_kind = span.text.removeprefix("the ").removeprefix("The "), "organisation"
    elif span.root.lemma_.lower() in lex.document_nouns and _author_of(span) is not None:
        author = _author_of(span)
        found.speaker_start, found.speaker_end = author.start_char, author.end_char
        found.speaker_text, found.speaker_kind = _org_name(author), "organisation"
        found.venue = found.venue or span.root.lower_
    elif span.root.pos_ == "NOUN" and span.root.lemma_.lower() in lex.organisation_nouns and span[0].lower_ == "the":
        named = _organisation_introduced_as(span.root)
        found.speaker_text, found.speaker_kind = named or _org_name(_full_np(span.root)), "organisation"
    elif span.root.lower_ in ("it", "its") and len(span) == 1:
        earlier = [name for at, name in people.organisations if at < span.start_char]
        if earlier and span.start_char - _text(doc).rfind("\n\n", 0, span.start_char) < 2000:
            found.speaker_text, found.speaker_kind = earlier[-1], "organisation"
            found.confidence = round(found.confidence * 0.8, 2)
    elif span.root.lower_ == "they" and len(span) == 1 and (group := _group_antecedent(span.root)) is not None:
        found.speaker_text, found.speaker_kind = group, "unnamed"  # "Federal officials said … They added …"
        found.confidence = round(found.confidence * 0.8, 2)
    elif span.root.lower_ in PRONOUNS or span.root.lower_ in POSSESSIVES:
        pronoun = POSSESSIVES.get(span.root.lower_, span.root.lower_)  # "his call for …": he
        person = _antecedent(span.start_char, subjects, pronoun, people.genders) \
            or _fronted_clause_subject(span.root, subjects)
        unnamed = _unnamed_antecedent(span.start_char, people, subjects, pronoun)
        if unnamed is not None:
            found.speaker_text, found.speaker_kind = unnamed, "unnamed"
        else:
            found.speaker_text, found.speaker_kind = person, "person" if person else None
        found.confidence = round(found.confidence * (0.9 if person or unnamed else 0.5), 2)
    elif span.root.lower_ in PARTITIVES and (group := _group_before(span)) is not None:
        found.speaker_text, found.speaker_kind = f"{PARTITIVES[span.root.lower_]} {group}", "unnamed"
    elif span.root.lower_ in ("i", "we") and len(span) == 1 and (label := _turn_label(doc, span.start_char)):
        # "FALLIN: I think …": in a transcript, "I" is the speaker whose turn it is ("Rubio: I …" in a headline)
        surname = _surname_in_capitals(label, people)
        found.speaker_text, found.speaker_kind = people.canonical(surname or label), "person"
    else:
        found.speaker_text, found.speaker_kind = _role_speaker(span, people, subjects)
        if found.speaker_kind in ("person", "guessed") and _speaks_anonymously(span.root, found.cue):
            # "The official, who asked not to be named, said": no one the article names
            found.speaker_text, found.speaker_kind = _uncapitalised(_full_np(span.root)), "unnamed"
        if found.speaker_kind == "guessed":  # a role the article gave nobody, put on a recent person
            found.speaker_kind, found.confidence = "person", round(found.confidence * 0.6, 2)
        elif found.speaker_kind == "person":
            found.confidence = round(found.confidence * 0.9, 2)
    return found


PARAGRAPH_BREAKS = re.compile(r"\n+")


def _group_antecedent(pronoun: Token) -> str | None:
    """"they": the latest group of people that said something in this paragraph or the one before
    ("Federal officials said …", "Critics of the plan argue …", "Bolton and Gorka wrote …");
    None when none did."""
    doc, text = pronoun.doc, _text(pronoun.doc)
    sentence_start = pronoun.sent.start
    for token in reversed(doc[max(0, pronoun.i - 200):pronoun.i]):
        if len(PARAGRAPH_BREAKS.findall(text, token.idx, pronoun.idx)) > 1:
            return None
        # only a group that spoke ("they" after "voters flocked to …" is a guess), or the subject of
        # the pronoun's own sentence ("Halden's allies bristle at …, they insist")
        if token.dep_ not in SUBJECT_DEPS or token.pos_ == "PRON" or not (is_cue(token.head) or token.i >= sentence_start):
            continue
        if _people_together(token):
            return _uncapitalised(_full_np(token)).rstrip(" -—–,")
    return None


def _people_together(token: Token) -> bool:
    """"officials", "Democrats", "critics", "Bolton and Gorka": a subject that names several people."""
    lex = lexicon()
    if any(c.dep_ == "conj" and (c.ent_type_ == "PERSON" or c.pos_ == "PROPN") for c in token.children):
        return token.ent_type_ == "PERSON"
    plural = token.tag_ in ("NNS", "NNPS")
    word = token.lemma_.lower()
    return plural and (word in lex.role_nouns or token.lower_ in lex.group_nouns or token.ent_type_ == "NORP")


def _turn_label(doc: Doc, offset: int) -> str | None:
    """The speaker's name that opens a transcript turn ("FALLIN: …") or a headline ("Rubio: I
    Still Believe …") around an offset."""
    text = _text(doc)
    start = text.rfind("\n", 0, offset) + 1
    label = TRANSCRIPT.match(text[start:offset].lstrip("“\"")) or NAMED_HEADLINE.match(text[start:offset])
    return label.group("name") if label else None


# "Economists were divided. Some warned …; others said …": a bare quantifier stands for a group
PARTITIVES = {"some": "some", "others": "other", "many": "many", "most": "most", "several": "several",
              "few": "a few"}


def _group_before(span: Span) -> str | None:
    """The plural noun the sentence before made its subject ("Economists were divided."), in the
    same paragraph, for a bare quantifier subject ("Some warned …") to stand for."""
    doc, root = span.doc, span.root
    if any(c.dep_ in ("prep", "compound", "amod") for c in root.children) or root.pos_ not in ("DET", "PRON", "NOUN", "ADJ"):
        return None  # "some of the dockers", "some economists": the group is named already
    sentence = root.sent
    previous = doc[sentence.start - 1].sent if sentence.start > 0 else None
    for sent in (sentence, previous):
        if sent is None or "\n\n" in doc[sent.start:sentence.start].text:
            continue
        nouns = [t for t in sent if t.dep_ in ("nsubj", "nsubjpass") and t.tag_ == "NNS" and t.i < root.i
                 and t.i != root.i and t.pos_ == "NOUN"]
        if nouns:
            return nouns[-1].lower_
    return None


# Entity types whose words keep their capitals in a description ("Cameron's spokesman", "Florida officials").
NAME_ENTITIES = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT"}


def _uncapitalised(phrase: Span) -> str:
    """"The minister" → "the minister" at a sentence's start; a name ("Cameron's spokesman", "Florida
    officials") and a word in capitals ("THE BORROWING") stay."""
    first, description = phrase[0], phrase.text
    named = first.ent_type_ in NAME_ENTITIES or first.pos_ == "PROPN" or _name_taken_for_adverb(first)
    if named or not (first.text[:1].isupper() and first.text[1:].islower()):
        return description if first.text != "A" else "a" + description[1:]
    return description[:1].lower() + description[1:]


def _source_offsets(found: Found) -> tuple[int, int]:
    """Offsets of the mention that is the grammatical source: "who" in "Varga, who said …"."""
    if found.source is not None:
        return found.source.idx, found.source.idx + len(found.source)
    return found.speaker.start_char, found.speaker.end_char


def _author_of(span: Span) -> Span | None:
    """"the Kaldgaz statement", "Kaldgaz's statement": the body whose document it is."""
    doc = span.doc
    for child in span.root.children:  # (not "the April survey")
        if child.dep_ in ("compound", "poss") and (child.ent_type_ in ("ORG", "PERSON") or child.pos_ == "PROPN") \
                and not all(t.ent_type_ in ("DATE", "TIME") for t in child.subtree):
            # the whole name before the noun ("a Washington Post-ABC News survey"), not its common words
            end = max(child.i + 1, span.root.i)
            while end > child.i + 1 and not _name_word(doc[end - 1]):
                end -= 1
            return doc[child.left_edge.i:end]
    return None


def _name_word(token: Token) -> bool:
    """A word of a name: a proper noun, or a word the recogniser put in a name ("Post-ABC")."""
    return token.pos_ == "PROPN" or token.ent_type_ in ("ORG", "PERSON") and not token.is_punct \
        and token.lower_ not in ("’s", "'s")


def _full_np(token: Token) -> Span:
    """The whole noun phrase, cut before a comma or a relative clause."""
    doc = token.doc
    end = token.right_edge.i + 1
    for t in doc[token.i + 1:end]:  # (the noun may be an apposition itself)
        if t.text == "," or t.dep_ in ("relcl", "acl", "appos"):
            end = min(t.i, t.left_edge.i) if t.left_edge.i > token.i else t.i
            break
        if token not in t.ancestors:  # a word of another phrase: the parser hung a later one on the noun
            end = t.i
            break
    while end > token.i + 1 and doc[end - 1].is_space:  # (a headline's phrase ends at its line break)
        end -= 1
    return doc[token.left_edge.i:max(end, token.i + 1)]


def _surname_in_capitals(label: str, people: People) -> str | None:
    """A transcript's "FALLIN" or "O'MALLEY": the surname of a person the article names."""
    label = label.strip(" :")
    if not label.isupper() or len(label) < 3:
        return None
    last = label.split()[-1].lower()
    return next((surname for surname in people.full if surname.lower() == last), None)


def _known_surname(span: Span, people: People) -> bool:
    """"Halden" alone, tagged a place, in an article that names Marek Halden; "Transport Minister
    Ilse Varga" tagged as one organisation."""
    if span.root.text not in people.full:
        return False
    return len(span) == 1 or span.label_ not in ("GPE", "NORP", "ORG") or \
        (span.label_ == "ORG" and span.text.endswith(people.full[span.root.text]))


def _unnamed_antecedent(offset: int, people: People, subjects: list[tuple[int, str]], pronoun: str) -> str | None:
    """"A government spokeswoman said … She said …": an unnamed source more recent than any person."""
    if pronoun not in ("he", "she"):
        return None
    unnamed = [(at, description) for at, description, _, kind in people.unnamed if at < offset and kind == "unnamed"]
    named = [at for at, _ in subjects if at < offset]
    if unnamed and (not named or unnamed[-1][0] > named[-1]):
        return unnamed[-1][1]
    return None


def _fronted_clause_subject(pronoun: Token, subjects: list[tuple[int, str]]) -> str | None:
    """"Asked about her statement …, Varga said": a pronoun in a clause put before the sentence's
    subject, with nobody named earlier, stands for that subject."""
    clause = next((a for a in pronoun.ancestors if a.dep_ == "advcl" and a.i < a.head.i), None)
    if clause is None:
        return None
    subject = next((c for c in clause.head.children if c.dep_ in SUBJECT_DEPS and c.i > clause.right_edge.i), None)
    if subject is None:
        return None
    return next((name for at, name in subjects if subject.idx <= at < subject.idx + len(subject.text)), None)


def _antecedent(offset: int, subjects: list[tuple[int, str]], pronoun: str,
                genders: dict[str, str] | None = None) -> str | None:
    """The latest person named as a subject before the pronoun; "he" and "she" pass over anyone
    the article shows to be of the other gender ("Mrs. Lenz spoke, then Halden. … He said …")."""
    if pronoun == "they":
        return None
    wanted, shown = PRONOUN_GENDERS.get(pronoun), genders or {}
    earlier = [name for at, name in subjects if at < offset and not (wanted and shown.get(name, wanted) != wanted)]
    return earlier[-1] if earlier else None


PRONOUN_GENDERS = {"he": "m", "she": "f", "him": "m", "her": "f"}
# Words that refer back to the subject of their own clause, and the gender they show
GENDERED_BACK_REFERENCES = {"himself": "m", "herself": "f"}


def person_genders(doc: Doc, people: People, marked: list[Marked]) -> dict[str, str]:
    """The gender the article itself shows for the people it names as subjects: an honorific ("Mr.
    Lenz", "Mrs. Lenz"), a reflexive in the subject's own clause, or "he"/"she" opening what the
    subject said. Only a clear majority counts; a first name alone tells nothing."""
    votes: dict[str, list[str]] = {}
    for token in _tokens(doc):
        if token.dep_ not in SUBJECT_DEPS or token.ent_type_ != "PERSON" or _inside(token.idx, marked):
            continue
        span = _subject_span(token)
        honorific = _honorific(span)
        name = people.canonical(_clean_name(span) or span.text, honorific)
        if honorific and honorific.lower() in HONORIFICS:
            votes.setdefault(name, []).append(HONORIFICS[honorific.lower()])
        shown = _gender_shown_in_clause(token)
        if shown:
            votes.setdefault(name, []).append(shown)
    genders = {}
    for name, seen in votes.items():
        male, female = seen.count("m"), seen.count("f")
        if male >= 2 * female and male:
            genders[name] = "m"
        elif female >= 2 * male and female:
            genders[name] = "f"
    return genders


def _gender_shown_in_clause(subject: Token) -> str | None:
    """"Halden defended himself …" (a reflexive in the subject's own clause, before anyone else is
    named) or "Lenz said she would …" (a speaker's reported clause opening with "he" or "she"). A
    possessive shows nothing: in "Lenz praised his speech" the speech is another man's."""
    verb = subject.head
    if _embedded(subject):
        return None
    said = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None) if is_cue(verb) else None
    opener = next((c for c in said.children if c.dep_ == "nsubj" and c.left_edge.i <= said.left_edge.i + 1), None) \
        if said is not None else None
    if opener is not None and opener.lower_ in ("he", "she") and opener.i <= verb.i + 2:
        return PRONOUN_GENDERS[opener.lower_]
    for token in verb.subtree:
        if token.i <= subject.right_edge.i or not _in_own_clause(token, verb):
            continue
        if token.ent_type_ == "PERSON":
            return None
        if token.lower_ in GENDERED_BACK_REFERENCES:
            return GENDERED_BACK_REFERENCES[token.lower_]
    return None


def _in_own_clause(token: Token, verb: Token) -> bool:
    """No clause of its own (nor a participle after a preposition) stands between the token and its verb."""
    while token.i != verb.i:
        if token.dep_ in ("ccomp", "xcomp", "relcl", "acl", "advcl", "conj", "parataxis", "pcomp"):
            return False
        token = token.head
    return True


def _role_speaker(span: Span, people: People, subjects: list[tuple[int, str]]) -> tuple[str | None, str | None]:
    """A role noun's speaker and its kind: "person" (the article gave someone that role),
    "guessed" (it gave nobody the role; the latest fitting person is taken) or "unnamed"."""
    lex = lexicon()
    head = span.root.lemma_.lower()
    definite = span[0].lower_ in ("the", "this", "that") or span[0].pos_ in ("PROPN", "ADJ", "NOUN")
    indefinite = span[0].lower_ in ("a", "an", "one", "some", "two", "three", "several", "another") \
        or (len(span) == 1 and span.root.tag_ == "NNS")  # "Aides said": unnamed people
    plural = span.root.tag_ == "NNS"  # "the lawyers said": several people, never one of those named
    if head in lex.role_nouns and not indefinite and definite and not plural:
        introduced = [(d, kind) for at, d, h, kind in people.unnamed if at < span.start_char and h == head]
        holders = _role_holders(span, head, people)
        if introduced and not holders:  # "A senior official said … the official added"
            return introduced[-1]
        if len(holders) == 1:
            return people.full[holders[0]], "person"  # the role was seen on this full name
        if head in lex.generic_roles or not holders:
            recent = [name for at, name in subjects if at < span.start_char]
            if head in lex.generic_roles and recent:
                return recent[-1], "person"
        if holders:
            recent = [name for at, name in subjects if at < span.start_char and surname_of(name) in holders]
            if recent:
                return recent[-1], "person"
        elif span[0].lower_ == "the" and not _role_of_another(span.root):  # "the minister", introduced without the title
            for at, name in reversed([x for x in subjects if x[0] < span.start_char]):
                surname = surname_of(name)
                if not _holds_another_office(people.roles.get(surname, set()), head) \
                        and (not people.roles.get(surname) or not people.relatives(surname)):
                    return name, "guessed"
    return _uncapitalised(_full_np(span.root)), "unnamed"


def _speaks_anonymously(noun: Token, cue: Token | None) -> bool:
    """A role noun whose own phrase ("the official, who asked not to be named") or whose cue's
    ("said on condition of anonymity", "…, speaking anonymously, said") says it speaks without its
    name: an unnamed source (the one introduced before, if any), never a person the article names."""
    if noun.lemma_.lower() not in lexicon().role_nouns:
        return False
    phrases = [noun, *([c for c in cue.children if c.dep_ in ("prep", "advcl", "advmod", "npadvmod")]
                       if cue is not None else [])]
    words = " ".join(" ".join(t.lower_ for t in phrase.subtree) for phrase in phrases)
    return any(marker in words for marker in lexicon().anonymity)


def _holds_another_office(roles: set[str], head: str) -> bool:
    """"the Vermont senator" is not a person the article called a governor; a "candidate" may be."""
    offices = lexicon().offices
    return any(role in offices and role != head for role in roles)


def _role_of_another(role: Token) -> bool:
    """"the prime minister's spokesman": a role held for someone else, never the person named last
    (often the one it speaks for)."""
    return any(c.dep_ == "poss" for c in role.children)


def _role_holders(span: Span, head: str, people: People) -> list[str]:
    """Surnames of the people the article gave this role. Modifiers decide between them:
    "the union leader" is the "union's chairman" before the "opposition leader"."""
    words = [t for t in span if t.i != span.root.i and t.dep_ in ("compound", "amod", "nmod", "poss")
             and t.pos_ in ("NOUN", "PROPN", "ADJ")]
    modifiers = {t.lemma_.lower() for t in words}
    # "former", "senior" alone say nothing of whose role it is: a noun or a name must be among them
    telling = any(t.pos_ != "ADJ" for t in words)
    by_modifiers, by_head = [], []
    for surname, roles in people.roles.items():
        titles = " ".join(people.titles.get(surname, ())).lower().replace("’s", "").replace("'s", "")
        if telling and modifiers <= set(re.findall(r"[\w-]+", titles)):
            by_modifiers.append(surname)
        if head in roles:
            by_head.append(surname)
    return [s for s in by_modifiers if s in by_head] or by_modifiers or by_head


def subject_people(doc: Doc, people: People, marked: list[Marked]) -> list[tuple[int, str]]:
    """(offset, name) of every person who is the subject of a verb outside quotes: pronoun antecedents."""
    out = []
    for token in _tokens(doc):
        if token.dep_ not in SUBJECT_DEPS or _inside(token.idx, marked) or _embedded(token):
            continue
        span = _subject_span(token)
        if span.label_ == "PERSON" or _looks_like_name(span.root):
            out.append((token.idx, people.canonical(_clean_name(span) or span.text, _honorific(span))))
        elif _known_surname(span, people):  # a surname NER missed or took for a place
            out.append((token.idx, people.canonical(token.text, _honorific(span))))
        elif token.lemma_.lower() in lexicon().role_nouns:
            speaker, kind = _role_speaker(span, people, out)
            if kind in ("person", "guessed") and speaker:
                out.append((token.idx, speaker))
    return out


def _embedded(subject: Token) -> bool:
    """The subject of a reported clause ("Dorin stressed that *Kaldor* was …") is no antecedent."""
    return any(a.dep_ in ("ccomp", "xcomp", "relcl", "acl") for a in [subject.head, *subject.head.ancestors])


def unnamed_subjects(doc: Doc, marked: list[Marked]) -> list[tuple[int, str, str]]:
    """Unnamed sources introduced as subjects ("A senior official at the ministry said", "the
    minister's spokesman said"): what "the official" and "she" may stand for later."""
    out = []
    for token in _tokens(doc):
        if token.dep_ in SUBJECT_DEPS and not _inside(token.idx, marked) and not _embedded(token) \
                and token.pos_ == "NOUN" and token.lemma_.lower() in lexicon().role_nouns \
                and (any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children)
                     or _role_of_another(token)):  # "the prime minister's spokesman said"
            out.append((token.idx, _uncapitalised(_full_np(token)), token.lemma_.lower(), "unnamed"))
    return out


def _lead_end(doc: Doc, title_spans: Sequence[tuple[int, int]] = ()) -> int:
    """Where the lead paragraph ends: the first paragraph after the headline, standfirst and
    highlights (the text's end when it has one paragraph)."""
    text = _text(doc)
    start = max((end for _, end in title_spans), default=0)
    start += len(text[start:]) - len(text[start:].lstrip())
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def _named_in_next_paragraph(doc: Doc, people: People, subjects: list[tuple[int, str]],
                             title_spans: Sequence[tuple[int, int]] = ()) -> None:
    """Cataphora: an unnamed official in the lead, named as a subject in the next paragraph, is that
    person — for "the official" later on as well. So is a lead's "senior minister" when the person
    named next holds that role ("A senior Orlen minister said … / Fisheries Minister Dmitri Volkov")."""
    text = _text(doc)
    lead_end = _lead_end(doc, title_spans)
    if lead_end == len(text):
        return
    after = [(at, name) for at, name in subjects if at > lead_end and text[lead_end:at].count("\n") <= 2]
    if not after:
        return
    named_roles = people.roles.get(surname_of(after[0][1]), set())
    people.unnamed = [(at, after[0][1], head, "person")
                      if at < lead_end and (head in lexicon().generic_roles or head in named_roles)
                      else (at, description, head, kind) for at, description, head, kind in people.unnamed]


def subject_organisations(doc: Doc, marked: list[Marked]) -> list[tuple[int, str]]:
    """(offset, name) of organisations that are subjects: antecedents of "it"."""
    out = []
    for token in _tokens(doc):
        if token.dep_ in SUBJECT_DEPS and not _inside(token.idx, marked):
            span = _subject_span(token)
            if span.label_ == "ORG" or (token.pos_ == "PROPN" and span.label_ not in ("PERSON", "GPE", "NORP")
                                        and not _looks_like_name(token)) \
                    or (token.pos_ == "NOUN" and token.lemma_.lower() in lexicon().organisation_nouns):
                out.append((token.idx, _org_name(span)))
    return out


NOT_ORGANISATIONS = {"DATE", "TIME", "NORP", "GPE", "PERSON", "CARDINAL", "ORDINAL", "MONEY", "PERCENT"}


def _organisation_name_word(token: Token) -> bool:
    """A word of a name, not "the company Wednesday", "a union Democrat" or "Company X"."""
    return token.pos_ == "PROPN" and len(token.text) > 1 and token.ent_type_ not in NOT_ORGANISATIONS


def _organisation_introduced_as(noun: Token) -> str | None:
    """"the company" after "gas company Kaldgaz" or "Kaldgaz, the state gas company": the name the
    article introduced with that noun, as roles are resolved to the people who hold them."""
    doc, lemma, named = noun.doc, noun.lemma_.lower(), None
    for token in doc[:noun.i]:
        if token.lemma_.lower() != lemma or token.pos_ != "NOUN":
            continue
        after = list(takewhile(_organisation_name_word, doc[token.i + 1:token.i + 5]))
        if after:  # "gas company Kaldgaz"
            named = doc[after[0].i:after[-1].i + 1].text
            continue
        start = next((t.i for t in reversed(doc[max(0, token.i - 5):token.i]) if t.text == ","), None)
        before = list(takewhile(_organisation_name_word, reversed(doc[max(0, (start or 0) - 4):start or 0])))
        if start is not None and before and all(t.dep_ in ("det", "amod", "compound") or t.pos_ in ("ADJ", "NOUN", "DET")
                                                for t in doc[start + 1:token.i]):
            named = doc[before[-1].i:before[0].i + 1].text  # "Kaldgaz, the state gas company"
    return named


def _org_name(span: Span) -> str:
    return re.sub(r"^(?:the|The)\s+", "", span.text)


def venue_of(cue: Token | None) -> str | None:
    if cue is None:
        return None
    lex = lexicon()
    if cue.lemma_.lower() == "tweet":
        return "Twitter"
    addressee = None
    for child in cue.children:
        if (child.dep_ == "dative" and cue.lemma_.lower() in ("say", "write")) or \
                (child.dep_ in ("dative", "dobj") and cue.lemma_.lower() == "tell"):
            addressee = _np_text(child)
    for child in cue.children:
        if child.dep_ == "prep" and child.lower_ in VENUE_PREPOSITIONS:
            found = _venue_in_prep(child, lex)
            if found and not (_interview_alone(child) and addressee):  # "told CNN in an (exclusive) interview": CNN
                return found
    if addressee:
        return addressee
    if cue.dep_ == "relcl" and cue.head.lemma_.lower() in lex.venue_nouns:  # "the meeting where he said"
        return _np_text(cue.head, keep_clauses=False)
    for child in cue.children:  # "Speaking to reporters after the meeting, she said"
        if child.dep_ == "advcl" and child.lemma_.lower() in ("speak", "talk", "write"):
            audience = _object_of_prep(child, ("to",))
            if audience is not None:
                return _np_text(audience, keep_clauses=False)
    for child in cue.children:  # "Asked by journalists, Varga said"
        if child.dep_ == "advcl" and child.lemma_ == "ask":
            agent = next((c for c in child.children if c.dep_ == "agent"), None)
            if agent is not None and any(True for _ in agent.children):
                return _np_text(next(agent.children))
    audience = _audience_of_subject(cue)
    if audience is not None:
        return audience
    head = cue.head if cue.dep_ in ("advcl", "conj") else None
    # "he said the dispute was about money and denied …": the parser may hang the second cue
    # on the reported clause; the venue is still the first cue's
    if head is not None and cue.dep_ == "conj" and head.dep_ == "ccomp" and not is_cue(head) and is_cue(head.head):
        head = head.head
    return venue_of(head) if head is not None and head.i != cue.i and is_cue(head) else None


def _object_of_prep(verb: Token, prepositions: tuple[str, ...]) -> Token | None:
    """The object of the verb's first preposition among ``prepositions`` ("spoke to *reporters*")."""
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in prepositions), None)
    return next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None


def _audience_of_subject(cue: Token) -> str | None:
    """"Marn, speaking to reporters as she arrived, said", "Residents who spoke to Vestra Today
    described …": the audience named in a clause on the speaker."""
    subject = next((c for c in cue.children if c.dep_ in SUBJECT_DEPS), None)
    for clause in subject.children if subject is not None else ():
        if clause.dep_ in ("acl", "relcl", "advcl") and clause.lemma_.lower() in ("speak", "talk"):
            audience = _object_of_prep(clause, ("to",))
            if audience is not None:
                return _np_text(audience, keep_clauses=False)
    return None


def _interview_alone(prep: Token) -> bool:
    """"in an exclusive interview": an interview that names nobody it was given to."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return obj is not None and obj.lemma_.lower() == "interview" and _given_to(obj) is None


def _given_to(venue: Token) -> Token | None:
    """The preposition of whom a venue was given to ("an interview | with Interfax", "to", "on")."""
    return next((c for c in venue.children if c.dep_ == "prep" and c.lower_ in ("with", "to", "on")), None)


def _venue_in_prep(prep: Token, lex) -> str | None:
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None:
        return None
    if obj.lemma_.lower() in ("response", "reply", "answer"):  # "in response to a journalists’ question"
        to = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "to"), None)
        question = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        if question is not None:
            asker = next((c for c in question.children if c.dep_ == "poss"), None)
            return asker.text.rstrip("’'") if asker is not None else _np_text(question, keep_clauses=False)
        return None
    if obj.lemma_.lower() not in lex.venue_nouns:
        return None
    with_ = _given_to(obj)
    if with_ is not None and obj.lemma_.lower() == "interview":
        target = next((c for c in with_.children if c.dep_ == "pobj"), None)
        if target is not None:
            return _np_text(target)
    return _np_text(obj, keep_clauses=False)  # "a statement | released on Thursday": the statement


def _np_text(token: Token, keep_clauses: bool = True) -> str:
    span = token.doc[token.left_edge.i:token.right_edge.i + 1] if keep_clauses else _full_np(token)
    words = [t for t in span if t.dep_ != "det" and not t.is_punct]
    if not words:
        return token.text
    return _text(token.doc)[words[0].idx:words[-1].idx + len(words[-1].text)]


def when_of(cue: Token | None) -> str | None:
    """The time words attached to the cue, or to the verb it is conjoined with
    ("Twelve months ago he stood at the gates and promised that …")."""
    while cue is not None:
        found = _time_words(cue)
        if found or cue.dep_ != "conj":
            return found
        cue = cue.head
    return None


def _time_words(verb: Token) -> str | None:
    for child in verb.children:
        if child.ent_type_ in ("DATE", "TIME") and child.dep_ in ("npadvmod", "prep", "advmod", "pobj"):
            return child.doc[child.left_edge.i:child.right_edge.i + 1].text
        if child.dep_ == "prep" and child.lower_ == "on":
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.ent_type_ == "DATE":
                return child.doc[child.i:obj.right_edge.i + 1].text
    return None


# --- the stage --------------------------------------------------------------------------

def attribute(doc: Doc, title_spans: list[tuple[int, int]] = ()) -> tuple[list[Quote], list[PersonMention]]:
    """The statements of one parsed article, and the people it names."""
    marked = quoted_spans(_text(doc))
    people = collect_people(doc, marked)
    people.organisations = subject_organisations(doc, marked)
    people.unnamed = unnamed_subjects(doc, marked)
    quotes = _extract(doc, title_spans, marked, people)
    mentions = [PersonMention(name, *people.first_seen[surname], tuple(sorted(people.titles.get(surname, ()))))
                for surname, name in people.full.items()]
    return quotes, mentions


def extract_quotes(doc: Doc, title_spans: list[tuple[int, int]] = ()) -> list[Quote]:
    return attribute(doc, title_spans)[0]


def _extract(doc: Doc, title_spans, marked: list[Marked], people: People) -> list[Quote]:
    subjects = subject_people(doc, people, marked)
    people.genders = person_genders(doc, people, marked)
    _named_in_next_paragraph(doc, people, subjects, list(title_spans))
    statements = [_author_speaks(_asker_speaks(s)) for s in cue_statements(doc, marked)] \
        + headline_dash(doc, list(title_spans)) \
        + headline_colon(doc, list(title_spans))
    statements = headline_verb(doc, list(title_spans), statements)
    statements += transcript_paragraphs(doc, marked, list(title_spans), people)
    statements = _resolve_all(statements, doc, people, subjects)
    statements += _resolve_all([_author_speaks(_asker_speaks(s)) for s in adjacent_statements(doc, marked, statements)],
                               doc, people, subjects)
    statements = _outside_own_turns(statements)
    statements = _venues_carried(_cataphora(statements, doc, people, list(title_spans)), doc)
    statements = _interview_venues(statements, doc, people, subjects)
    return _dedupe([_to_quote(doc, s, marked) for s in statements])


def _outside_own_turns(statements: list[Found]) -> list[Found]:
    """A transcript turn is its speaker's statement whole: a cue inside it with the same speaker
    ("VARGA: … and I think …"), or one the other side of the dialogue is asked about ("Do you
    think …"), is no statement of its own; a turn that only asks states nothing."""
    turns = [s for s in statements if s.rule.endswith(":transcript")]
    asking = {id(t) for t in turns if ONE_QUESTION.match(_text(t.speaker.doc)[t.start:t.end])}
    return [s for s in statements if id(s) not in asking and not any(
        t is not s and t.start <= s.start and s.end <= t.end
        and (s.speaker_text == t.speaker_text or s.speaker is not None and s.speaker.text.lower() == "you")
        for t in turns)]


# Nouns for what others put to the speaker or shouted at them ("to a question on the “levy”",
# "to chants of “Wren! Wren!”"): words quoted inside them are not the speaker's ("responded
# with chants of “…”" are the speaker's own).
PUT_TO_SPEAKER = {"question", "chant", "cry", "shout", "jeer", "heckle"}


# What carries its author's words besides the documents of the lexicon: "a video that said …"
# ("figures published by the port authority"; "GOP figures" are people, so not with the documents)
AUTHORED = {"email", "video", "ad", "advertisement", "caption", "speech", "editorial", "message", "document", "figure"}
# Verbs that make a document someone's ("sent out by", "released", "delivered"): not "combed through
# by a newspaper", "withheld"
AUTHORING = {"send", "issue", "release", "write", "sign", "file", "publish", "post", "deliver", "give", "author",
             "distribute", "circulate", "pen", "draft", "put", "add", "air", "run", "launch", "unveil", "produce",
             "prepare", "submit", "make", "tweet", "email", "broadcast"}


def _author_speaks(found: Found) -> Found:
    """"a fundraising email sent out by Lenz warned …", "according to a speech Varga delivered",
    "Lenz released a video that said …": a document whose author the sentence names speaks for
    that author (a document alone still speaks for itself: "the statement said")."""
    if found.speaker is None or found.speaker.root.lemma_.lower() not in lexicon().document_nouns | AUTHORED:
        return found
    document = found.speaker.root
    author = _named_author(document, found.cue)
    if author is not None:
        found.speaker, found.source = _subject_span(author), None
        found.venue = found.venue or document.lower_  # ("figures", not the lemma "figure")
    return found


def _named_author(document: Token, cue: Token | None) -> Token | None:
    """Who made the document, where the sentence says so: the agent of a participle ("sent out by
    Lind"), the subject of a relative clause ("a speech Varga delivered") or of the verb that made
    the document the cue's relative pronoun stands for ("Halden released a video that said …")."""
    for clause in document.children:
        if clause.lemma_.lower() not in AUTHORING:
            continue
        if clause.dep_ == "acl" and clause.tag_ == "VBN":  # "an email sent out by Lenz"
            by = _agent_of(clause)
            if by is not None and _can_speak(by, clause):
                return by
        if clause.dep_ == "relcl" and (cue is None or clause.i != cue.i):  # "a speech Varga delivered"
            subject = next((c for c in clause.children if c.dep_ == "nsubj" and c.i < clause.i
                            and c.lower_ not in RELATIVE_PRONOUNS), None)
            if subject is not None and _can_speak(subject, clause):
                return subject
    # "Lenz released a video that said …": the cue's relative pronoun stands for the document
    if cue is not None and cue.dep_ == "relcl" and cue.head.i == document.i and document.dep_ == "dobj" \
            and document.head.lemma_.lower() in AUTHORING:
        subject = next((c for c in document.head.children if c.dep_ == "nsubj"), None)
        if subject is not None and _can_speak(subject, document.head):
            return subject
    return None


def _asker_speaks(found: Found) -> Found:
    """"Asked whether Wren “can win”, 60 percent said yes": words quoted inside what was put to
    the speaker (an "asked" phrase with no subject of its own, a question, a chant) are the
    asker's, who is unknown unless named ("asked by a reporter"), never the speaker's."""
    cue = found.cue
    if cue is None or found.speaker is None:
        return found
    text = _text(cue.doc)
    end = len(text[:found.end].rstrip(",.!?;:”\"' "))  # the quoted words, without their closing marks
    for phrase in cue.children:
        if phrase.left_edge.idx <= found.start and phrase.right_edge.idx + len(phrase.right_edge) >= end \
                and _puts_words_to_speaker(phrase, found.start, end):
            asker = _agent_of(phrase)  # "asked by a reporter"; a question or a chant names nobody
            found.speaker = _subject_span(asker) if asker is not None else None
            found.source, found.confidence = None, round(found.confidence * 0.6, 2)
            return found
    return found


def _puts_words_to_speaker(phrase: Token, start: int, end: int) -> bool:
    """The phrase, holding the quoted words (``start``-``end``), is what was put to the speaker: an
    "asked" phrase with no subject of its own, or a question or chant "to" which the speaker spoke."""
    if phrase.lemma_.lower() == "ask" and phrase.tag_ == "VBN" and phrase.dep_ == "advcl" \
            and not any(c.dep_ in SUBJECT_DEPS for c in phrase.children):
        return True
    return any(t.pos_ == "NOUN" and t.lemma_.lower() in PUT_TO_SPEAKER and t.head.lower_ == "to"
               and t.idx < start and t.right_edge.idx + len(t.right_edge) >= end for t in phrase.subtree)


def _resolve_all(statements: list[Found], doc: Doc, people: People, subjects) -> list[Found]:
    out = []
    for s in statements:
        if s.speaker_text is None:
            s = resolve(s, doc, people, subjects)
        s.venue = s.venue or venue_of(s.cue)
        s.said_when = s.said_when or when_of(s.cue)
        out.append(s)
    return out


INTERVIEW_VERBS = {"sit", "talk", "speak"}  # "sat down with Vestra Today", "talks to Vestra Today"


def _interview_venues(statements: list[Found], doc: Doc, people: People, subjects) -> list[Found]:
    """An interview piece names its outlet once ("the minister sat down with Vestra Today"):
    the interviewee's later statements without a venue of their own were given there."""
    outlets = []
    for token in _tokens(doc):
        if token.lemma_.lower() not in INTERVIEW_VERBS or token.pos_ != "VERB":
            continue
        outlet = _object_of_prep(token, ("with", "to"))
        outlet = _ent_of(outlet) if outlet is not None else None
        subject = next((c for c in token.children if c.dep_ in SUBJECT_DEPS), None)
        if outlet is None or outlet.label_ != "ORG" or subject is None:
            continue
        who = resolve(Found(token.idx, token.idx, "", 1.0, speaker=_subject_span(subject)), doc, people, subjects)
        if who.speaker_kind == "person" and who.speaker_text:
            outlets.append((token.idx, who.speaker_text, outlet.text))
    for s in statements:
        if s.venue is None:
            s.venue = next((name for at, who, name in reversed(outlets) if at < s.start and who == s.speaker_text), None)
    return statements


def _venues_carried(statements: list[Found], doc: Doc) -> list[Found]:
    """"The agency said in a statement that … It said …", "In a post, he wrote … “…,” Roos
    wrote": a follow-up by the same speaker with the same verb, in the same or the next
    paragraph, was given where the first was."""
    text = _text(doc)
    ordered = sorted(statements, key=lambda s: s.start)
    for before, s in zip(ordered, ordered[1:]):
        if s.venue is None and before.venue and s.cue is not None and before.cue is not None \
                and s.speaker_text and s.speaker_text == before.speaker_text \
                and s.cue.lemma_ == before.cue.lemma_ and text.count("\n\n", before.end, s.start) <= 1:
            s.venue = before.venue
    return statements


def _cataphora(statements: list[Found], doc: Doc, people: People,
               title_spans: Sequence[tuple[int, int]] = ()) -> list[Found]:
    """An unnamed official in the lead, named in the next paragraph, is that person; so is an
    unnamed "senior minister" when the person named next holds that role."""
    if not statements:
        return statements
    lead_end = _lead_end(doc, title_spans)
    named_next = [s for s in statements if s.start > lead_end and s.speaker_kind == "person"]
    if not named_next:
        return statements
    nxt = min(named_next, key=lambda s: s.start)
    if _text(doc)[lead_end:nxt.start].count("\n") > 2:
        return statements
    lead_start = max((end for _, end in title_spans), default=0)
    named_roles = people.roles.get(surname_of(nxt.speaker_text or ""), set())
    for s in statements:
        if lead_start <= s.start and s.end <= lead_end and s.speaker_kind == "unnamed" and s.speaker is not None \
                and s.speaker.root.tag_ != "NNS" \
                and s.speaker.root.lemma_.lower() in lexicon().generic_roles | named_roles:  # (one, not "officials")
            s.speaker_text, s.speaker_kind = nxt.speaker_text, "person"
            s.rule += "+cataphora"
            s.confidence = round(s.confidence * 0.7, 2)
    # the pronoun in the lead ("says he sees") follows its subject
    return statements


def _letters(text: str, start: int, end: int) -> int:
    return sum(c.isalnum() for c in text[start:end]) if start < end else 0


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping spans joined, so that no letter is counted twice."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def kind_of(text: str, start: int, end: int, marked: list[Marked], parts: Sequence[tuple[int, int]] = ()) -> str:
    """direct, mixed or indirect by the share of the content's letters inside quotation
    marks; a statement split by its attribution is judged on its parts."""
    spans = parts or [(start, end)]
    letters = sum(_letters(text, a, b) for a, b in spans)
    if not letters:
        return "indirect"
    quoted = _merged([p for m in marked for p in (m.parts or [(m.start, m.end)])])
    inside = sum(_letters(text, max(a, q0), min(b, q1)) for a, b in spans for q0, q1 in quoted)
    share = inside / letters
    return "direct" if share >= 0.9 else "mixed" if share > 0 else "indirect"


def _to_quote(doc: Doc, s: Found, marked: list[Marked]) -> Quote:
    cue = s.cue
    cue_text = None
    if cue is not None:
        extra = [c for c in cue.children if c.dep_ == "prt" or (cue.lower_ == "according" and c.lower_ == "to")]
        cue_end = max([cue.idx + len(cue.text)] + [c.idx + len(c.text) for c in extra])
        cue_text = _text(doc)[cue.idx:cue_end]
    end = _with_closing_mark(_text(doc), s.start, s.end)
    parts = tuple(s.parts[:-1]) + ((s.parts[-1][0], end),) if s.parts else ()
    return Quote(
        start=s.start, end=end, text=_text(doc)[s.start:end],
        # reported speech inside a quotation is indirect, whatever marks surround it
        kind="indirect" if s.rule.endswith("nested_cue") else kind_of(_text(doc), s.start, s.end, marked, s.parts),  # type: ignore[arg-type]
        rule=s.rule, confidence=s.confidence, parts=parts,
        speaker=s.speaker_text, speaker_kind=s.speaker_kind,
        speaker_start=s.speaker_start, speaker_end=s.speaker_end,
        cue=cue_text, cue_start=cue.idx if cue is not None else None,
        cue_end=cue.idx + len(cue_text) if cue is not None and cue_text else None,
        venue=s.venue, said_when=s.said_when,
    )


def _dedupe(quotes: list[Quote]) -> list[Quote]:
    """One statement per content span: keep the most confident of overlapping twins, and drop a
    statement that another of the same cue and speaker holds whole ("She would make a better harbour
    master … “come what may,” one caller commented": the clause before the quotation is in the
    sentence it finishes)."""
    kept: list[Quote] = []
    for q in sorted(quotes, key=lambda q: (-q.confidence, q.start)):
        if any(_overlap(q, k) >= 0.8 * max(q.end - q.start, k.end - k.start) for k in kept):
            continue
        if q.cue_start is not None and any(k.cue_start == q.cue_start and k.speaker == q.speaker
                                           and k.start <= q.start and q.end <= k.end for k in kept):
            continue
        kept.append(q)
    return sorted(kept, key=lambda q: q.start)


def _overlap(a: Quote, b: Quote) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def with_said_on(quote: Quote, published: str | None) -> Quote:
    """Resolve "on Thursday" / "last month" against a full article date."""
    if not quote.said_when or not published or len(published) != 10 or published.startswith("--"):
        return quote
    import datetime as dt

    import dateparser

    base = dt.datetime.fromisoformat(published)
    words = re.sub(r"^(?:earlier|later)\s+(?:on\s+)?|^on\s+", "", quote.said_when.strip(), flags=re.I)
    if words.lower() == base.strftime("%A").lower():
        return replace(quote, said_on=published)  # "said on Tuesday" in Tuesday's paper: that day
    parsed = dateparser.parse(words, languages=["en"],
                              settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"})
    if parsed is None or parsed > base + dt.timedelta(days=1):
        return quote
    precision = "%Y-%m" if re.search(r"\bmonth\b", words, re.I) else "%Y-%m-%d"
    return replace(quote, said_on=parsed.strftime(precision))
