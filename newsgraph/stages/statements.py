"""Statements across articles: the same words carried by several outlets,
paraphrases, a speaker's recurring positions, and shifts of stance.

Quotes are compared only within a *voice*: one speaker entity, together with
the people who speak for it (a "presidential spokesman" speaks for the
president of the same country). So work grows with the statements of each
voice, never with all pairs of the corpus.

- same statement: the shorter text found inside the longer one
  (rapidfuzz partial ratio ≥ 90, at least three words) — verbatim, trimmed or
  re-punctuated. The first source is the outlet the venue names ("told CNN"),
  else the earliest article;
- paraphrase: a sentence of each with cosine ≥ 0.85 (MiniLM), same speaker, same time;
- positions: a speaker's sentences (claims) clustered by meaning (average
  linkage over their cosine, plus shared rare terms); a cluster is kept when
  it recurs in two or more articles, and holds every quote one of its claims
  comes from — so a long quote saying two things stands in two positions;
- shifts: two statements of one voice, at different times (dates 30+ days
  apart or different stories), on one subject (a rare term both use with
  cosine ≥ 0.35, or cosine ≥ 0.7), whose stances toward it have opposite signs. Precision
  over recall: both stances must be clear.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache

import numpy as np
from rapidfuzz import fuzz

from ..lexicon import lexicon
from ..models import Link, Position
from ..embeddings import DIMENSIONS
from .stories import interval, looked_back_at

NAME = "newsgraph.statements.v1"
SAME_MIN_RATIO = 90.0
SAME_MIN_WORDS = 3
PARAPHRASE_MIN_COSINE = 0.85
POSITION_MIN_SIMILARITY = 0.5
MAX_CLAIMS = 1500  # a speaker's most recent sentences clustered at once (memory grows with the square)
RARE_TERM_BONUS = 0.15
FRAME_BONUS = 0.3  # two claims evoking one frame of the lexicon ("will take time" / "not overnight")
STRAY_MIN_SIMILARITY = 0.65  # a lone claim this close to a clustered one joins its cluster
FRAME_MIN_SIMILARITY = 0.4  # within a frame, the frame is evidence: the cosine only keeps topics apart
SHIFT_MIN_COSINE = 0.7
SHIFT_MIN_COSINE_SHARED = 0.35  # with a rare term in common
SAME_MIN_COSINE = 0.5  # below this, two quotes share no sentence: no need to compare their words
CANDIDATE_MIN_COSINE = min(SHIFT_MIN_COSINE_SHARED, SAME_MIN_COSINE)
WINDOW = 1000  # statements of a voice compared with up to two windows of neighbours in arrival order
NEIGHBOURS = 25  # of which the nearest few by cosine are looked at closely: work stays linear
MAX_POSTINGS = 50  # a term more of a voice's statements use does not single out a subject
SHIFT_MIN_DAYS = 30
STANCE_WINDOW = 10
SPOKES = {"spokesman", "spokeswoman", "spokesperson", "press"}  # "press secretary" too; "Secretary of State" not

WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# a sentence ends at . ! ? or … followed by a capital or an opening quote ("a way out… of" runs on);
# a colon or semicolon ends a claim too ("I will say it once more: the port is not for sale")
SENTENCE_END = re.compile(r"(?<=[.!?…])[”\"’']?\s+(?=[“\"‘'A-Z])|(?<=[:;])\s+")
SPLITTER = "sentences.v3"  # stored sentence vectors are keyed by this: change it with the splitter


@dataclass(slots=True)
class Statement:
    """One quote as this stage sees it."""

    id: str
    article_id: str
    text: str
    voice: str  # entity id, or the speaker's name when no entity
    speaker: str
    outlet: str | None
    published: str | None
    venue: str | None
    story: str | None
    order: int  # arrival order of the article, the last resort for "first"
    sentences: np.ndarray | None = None  # unit vectors, one row per sentence
    recalled: bool = False  # reported as said long before the article ("a year ago he promised")
    entity: str | None = None  # the speaker's own entity (the voice may be the one they speak for)

    @property
    def when(self) -> date | None:
        span = interval(self.published)
        return span[0] if span else None


@dataclass(slots=True)
class Result:
    links: list[Link] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)


def sentences(text: str) -> list[str]:
    return [s for s in SENTENCE_END.split(text) if len(WORD.findall(s)) >= 2] or [text]


def words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in WORD.findall(text)]


# --- voices -------------------------------------------------------------------------------------

def voices(entities: Sequence[dict]) -> dict[str, str]:
    """entity id → the voice it speaks with: a spokesperson maps to the one they speak for."""
    holders: dict[str, list[tuple[str, set[str]]]] = defaultdict(list)
    for e in entities:
        for role in e.get("roles") or []:
            role_words = set(words(role["role"]))
            if role_words and not role_words & SPOKES:
                holders[words(role["role"])[-1]].append((e["id"], role_words))
    out: dict[str, str] = {}
    for e in entities:
        for role in e.get("roles") or []:
            role_words = words(role["role"])
            if not set(role_words) & SPOKES:
                continue
            # "presidential spokesman" → the president; "Russian" must agree as well
            wanted = {_noun_of(w) for w in role_words if w not in SPOKES | {"secretary"}}
            matches = {holder for head in wanted for holder, held in holders.get(head, [])
                       if holder != e["id"] and wanted - {head} <= held | {head}}
            if len(matches) == 1:
                out[e["id"]] = matches.pop()
    return out


def _noun_of(adjective: str) -> str:
    """presidential → president, ministerial → minister."""
    return adjective[:-3] if adjective.endswith("ial") and len(adjective) > 6 else adjective


# --- same statement and paraphrase --------------------------------------------------------------

def same_words(a: str, b: str) -> float:
    short, long_ = sorted((_fold(a), _fold(b)), key=len)
    if len(short.split()) < SAME_MIN_WORDS:
        return 0.0
    return fuzz.partial_ratio(short, long_)


def _fold(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower().replace("’", "'")).split())


def best_cosine(a: Statement, b: Statement) -> float:
    if a.sentences is None or b.sentences is None:
        return 0.0
    return float((a.sentences @ b.sentences.T).max())


def first_source(a: Statement, b: Statement) -> tuple[Statement, Statement, str]:
    """Order a pair: the venue names the other's outlet, else the earlier date, else arrival."""
    for first, second in ((a, b), (b, a)):
        if first.outlet and second.venue and first.outlet.lower() in second.venue.lower():
            return first, second, f"venue {second.venue!r} names {first.outlet}"
    if a.when and b.when and a.when != b.when:
        return (a, b, "earlier article") if a.when < b.when else (b, a, "earlier article")
    return (a, b, "earlier in arrival order") if a.order <= b.order else (b, a, "earlier in arrival order")


def _link(a: Statement, b: Statement, relation: str, score: float, **evidence: object) -> Link:
    return Link(a.id, b.id, relation, round(score, 4), NAME, json.dumps(evidence, ensure_ascii=False))  # type: ignore[arg-type]


def copy_links(group: Sequence[Statement], pairs: dict[tuple[int, int], float]) -> list[Link]:
    out = []
    for (i, j), cosine in pairs.items():
        a, b = group[i], group[j]
        if a.article_id == b.article_id or cosine < SAME_MIN_COSINE:
            continue
        ratio = same_words(a.text, b.text)
        if ratio >= SAME_MIN_RATIO:
            first, second, why = first_source(a, b)
            out.append(_link(first, second, "same_statement", ratio / 100, match="partial ratio",
                             ratio=round(ratio, 1), first_source=why))
        elif cosine >= PARAPHRASE_MIN_COSINE and a.speaker == b.speaker and not different_times(a, b):
            # the same words months apart are a recurring position, not one statement reworded
            first, second, why = first_source(a, b)
            out.append(_link(first, second, "paraphrase", cosine, match="sentence cosine",
                             cosine=round(cosine, 3), first_source=why))
    return out


def candidate_pairs(group: Sequence[Statement], rare: list[set[str]]) -> dict[tuple[int, int], float]:
    """Pairs worth a close look, with their best sentence cosine, without comparing all pairs:
    each statement with its NEIGHBOURS nearest among the voice's statements around it in arrival
    order (two blocks of WINDOW), and any two statements sharing a term that few of the voice's
    statements use (for shifts years apart)."""
    pairs: dict[tuple[int, int], float] = {}
    for start in range(0, len(group), WINDOW):
        lo = max(0, start - WINDOW)
        best = _best_cosines(group[lo:start + WINDOW])
        np.fill_diagonal(best, -1.0)
        rows = np.arange(start - lo, len(best))  # the new window's statements, against both windows
        k = min(NEIGHBOURS, len(best) - 1)
        if k <= 0:
            continue
        nearest = np.argpartition(-best[rows], k - 1, axis=1)[:, :k]
        for r, cols in zip(rows.tolist(), nearest.tolist()):
            for c in cols:
                if best[r, c] >= CANDIDATE_MIN_COSINE:
                    i, j = sorted((lo + r, lo + c))
                    pairs[(i, j)] = float(best[r, c])
    postings: dict[str, list[int]] = defaultdict(list)
    for index, terms in enumerate(rare):
        for term in terms - _stance_words():
            postings[term].append(index)
    for members in postings.values():
        if len(members) > MAX_POSTINGS:
            continue  # common in this voice: not a subject that singles statements out
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                if (i, j) not in pairs:
                    pairs[(i, j)] = best_cosine(group[i], group[j])
    return pairs


def _best_cosines(statements: Sequence[Statement]) -> np.ndarray:
    """Statement × statement maximum over their sentence pairs, in one matrix product."""
    blocks = [s.sentences if s.sentences is not None else np.zeros((1, DIMENSIONS), np.float32) for s in statements]
    starts = np.cumsum([0] + [len(b) for b in blocks[:-1]])
    stacked = np.vstack(blocks)
    sim = stacked @ stacked.T
    return np.maximum.reduceat(np.maximum.reduceat(sim, starts, axis=0), starts, axis=1)


# --- positions -------------------------------------------------------------------------------------

def rare_terms(group: Sequence[Statement], corpus_df: Counter[str], corpus_size: int) -> list[set[str]]:
    """Content words rare in the corpus of quotes (idf high), per statement."""
    return [rare_words(s.text, corpus_df, corpus_size) for s in group]


def rare_words(text: str, corpus_df: Counter[str], corpus_size: int) -> set[str]:
    """The content words of ``text`` that stand in at most 5 % of quotes (or three)."""
    stop = lexicon().stop_words
    limit = max(3, corpus_size // 20)
    return {w for w in words(text) if w not in stop and len(w) > 3 and corpus_df[w] <= limit}


@dataclass(slots=True)
class Claim:
    """One sentence of a quote: positions are built from claims, so that a long quote
    saying two things can stand in two positions."""

    statement: int  # index in the speaker's statements
    text: str
    vector: np.ndarray
    rare: set[str]
    frames: set[str] = field(default_factory=set)


def frames_of(text: str) -> set[str]:
    """The lexicon's frames the sentence evokes: an entry of each of a frame's word classes
    (words compared without their inflection: "rebuilding" is "rebuild")."""
    padded = f" {_stems(text)} "
    return {name for name, classes in _stemmed_frames().items()
            if all(any(f" {entry} " in padded for entry in cls) for cls in classes)}


@cache
def _stemmed_frames() -> dict[str, tuple[frozenset[str], ...]]:
    return {name: tuple(frozenset(_stems(entry) for entry in cls) for cls in classes)
            for name, classes in lexicon().frames.items()}


def _stems(text: str) -> str:
    return " ".join(_stem(w) for w in words(text))


def _stem(word: str) -> str:
    """A light suffix strip, enough to match a word list: improve, improves, improved and
    improving all give "improv"."""
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            word = word[:-len(suffix)]
            break
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


def claims_of(group: Sequence[Statement], corpus_df: Counter[str], corpus_size: int) -> list[Claim]:
    out = []
    for index, s in enumerate(group):
        texts = sentences(s.text)
        if s.sentences is None or len(texts) != len(s.sentences):
            continue
        for text, vector in zip(texts, s.sentences):
            out.append(Claim(index, text, vector, rare_words(text, corpus_df, corpus_size), frames_of(text)))
    return out[-MAX_CLAIMS:]


def similarity_matrix(claims: Sequence[Claim]) -> np.ndarray:
    """Cosine of each pair of claims, plus a bonus per rare term they share (two at most)
    and one for a frame they both evoke."""
    vectors = np.array([c.vector for c in claims], dtype=np.float32)
    sim = vectors @ vectors.T
    sim += RARE_TERM_BONUS * np.minimum(_shared_counts([c.rare for c in claims]), 2)
    sim += FRAME_BONUS * np.minimum(_shared_counts([c.frames for c in claims]), 1)
    return sim


def _shared_counts(features: Sequence[set[str]]) -> np.ndarray:
    """How many features each pair of items has in common (0 on the diagonal)."""
    vocabulary: dict[str, int] = {}
    rows, cols = [], []
    for index, items in enumerate(features):
        for feature in items:
            rows.append(index)
            cols.append(vocabulary.setdefault(feature, len(vocabulary)))
    if not vocabulary:
        return np.zeros((len(features), len(features)), np.float32)
    from scipy.sparse import csr_matrix

    matrix = csr_matrix((np.ones(len(rows), np.float32), (rows, cols)), shape=(len(features), len(vocabulary)))
    shared = (matrix @ matrix.T).toarray()
    np.fill_diagonal(shared, 0)
    return shared


def clusters(sim: np.ndarray, threshold: float) -> list[list[int]]:
    """Average-linkage agglomerative clustering, stopping below ``threshold``: two groups merge
    while their mean similarity is above it (SciPy's linkage; loads in a sixth of scikit-learn's
    time, and its clusters are the same)."""
    if len(sim) < 2:
        return [[i] for i in range(len(sim))]
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    distance = np.clip(1 - sim, 0, 2).astype(np.float64)
    np.fill_diagonal(distance, 0)
    merges = linkage(squareform(distance, checks=False), method="average")
    # merge only below the distance itself, never at it
    labels = fcluster(merges, t=np.nextafter(1 - threshold, 0), criterion="distance")
    out: dict[int, list[int]] = defaultdict(list)
    for i, label in enumerate(labels):
        out[int(label)].append(i)
    return list(out.values())


def positions_of(group: Sequence[Statement], claims: Sequence[Claim],
                 reversals: set[tuple[str, str]] = frozenset()) -> list[Position]:
    """Clusters of claims that recur in two or more articles. A statement that reverses
    another of the same cluster (the later side of a shift) is a change of position, not
    a member: it is left out."""
    if len(claims) < 2:
        return []
    sim = similarity_matrix(claims)
    out: dict[str, Position] = {}
    found = [(members, NAME) for members in attach_strays(clusters(sim, POSITION_MIN_SIMILARITY), sim)]
    for members, rule in found + frame_clusters(claims, sim):
        inside = {group[claims[i].statement].id for i in members}
        reversed_ = {b for a, b in reversals if a in inside and b in inside}
        # the centre is chosen over the whole cluster: what the position is about
        by_centrality = sorted(members, key=lambda i: -sum(sim[i, j] for j in members))
        members = [i for i in members if group[claims[i].statement].id not in reversed_]
        statements_in = sorted({claims[i].statement for i in members},
                               key=lambda k: (group[k].when or date.max, group[k].order))
        if len({group[k].article_id for k in statements_in}) < 2:
            continue  # a line said once (or in one article) is not a position
        inner = [sim[i, j] for i in members for j in members if i < j]
        central = next(i for i in by_centrality if i in members)
        speaker = group[claims[central].statement]
        dates = [group[k].published for k in statements_in if interval(group[k].published)]
        ids = tuple(group[k].id for k in statements_in)
        pid = "p" + hashlib.sha1("|".join(sorted(ids)).encode()).hexdigest()[:12]
        out.setdefault(pid, Position(pid, speaker.speaker, speaker.entity,
                                     label(claims[central].text), ids, dates[0] if dates else None,
                                     dates[-1] if dates else None, rule, round(float(np.mean(inner)), 3)))
    return list(out.values())


def attach_strays(groups: list[list[int]], sim: np.ndarray) -> list[list[int]]:
    """A claim left alone joins the cluster of its closest claim when that one is very
    close: average linkage keeps out a line said in other words ("the Port of Vestra is
    not for sale") when the cluster has grown around a more general subject."""
    home = {i: k for k, group in enumerate(groups) if len(group) >= 2 for i in group}
    if not home:
        return groups
    grouped = np.array(sorted(home))
    out = [list(group) for group in groups]
    for k, group in enumerate(groups):
        if len(group) != 1:
            continue
        (stray,) = group
        best = grouped[int(np.argmax(sim[stray, grouped]))]
        if sim[stray, best] >= STRAY_MIN_SIMILARITY:
            out[home[int(best)]].append(stray)
            out[k] = []
    return [group for group in out if group]


def frame_clusters(claims: Sequence[Claim], sim: np.ndarray) -> list[tuple[list[int], str]]:
    """The claims evoking each frame, clustered among themselves, with the rule naming the
    frame. In the clustering of all claims, a line said in very different words is pulled
    apart by closer neighbours on the same subject; within its frame it holds together."""
    out = []
    for frame in sorted({f for c in claims for f in c.frames}):
        inside = [i for i, c in enumerate(claims) if frame in c.frames]
        if len(inside) >= 2:
            groups = clusters(sim[np.ix_(inside, inside)], FRAME_MIN_SIMILARITY)
            out += [([inside[k] for k in group], f"{NAME}+frame:{frame}") for group in groups if len(group) >= 2]
    return out


def label(text: str, max_words: int = 12) -> str:
    """The central statement's first sentence, shortened: a label a reader recognises."""
    first = re.split(r"[”\"],? ", sentences(text)[0])[0].strip().strip("\"“”‘’',")  # up to the attribution
    tokens = first.split()
    return " ".join(tokens[:max_words]) + ("…" if len(tokens) > max_words else "")


# --- shifts ----------------------------------------------------------------------------------------

def stance(text: str, subject: str | None) -> int:
    """For (+) or against (−) words near the subject (or in the whole text); a negator turns the
    word after it round. Negation with no stance word at all is a denial: against."""
    return _stance(_stance_tokens(text), subject)


@lru_cache(maxsize=50_000)
def _stance_tokens(text: str) -> tuple[str, ...]:
    return tuple(t.lower() for t in re.findall(r"[A-Za-z]+(?=n't)|n't|[A-Za-z][A-Za-z-]*|[.!?;]", text.replace("’", "'")))


def _stance(tokens: tuple[str, ...], subject: str | None) -> int:
    lex = lexicon()
    anchors = [i for i, t in enumerate(tokens) if subject and t.startswith(subject)]
    near = [i for i in range(len(tokens)) if not anchors or min(abs(i - a) for a in anchors) <= STANCE_WINDOW]
    score, stance_words, negated = 0, 0, 0
    for i in near:
        token = tokens[i]
        if token in lex.negators:
            negated += 1
        value = 1 if token in lex.stance_for else -1 if token in lex.stance_against else 0
        if value:
            stance_words += 1
            before = tokens[max(0, i - lex.negation_window):i]
            if any(t in lex.negators for t in before[_after_boundary(before):]):  # not across sentences
                value = -value
        score += value
    return score if stance_words else -1 if negated else 0


def _after_boundary(tokens: Sequence[str]) -> int:
    return max((k + 1 for k, t in enumerate(tokens) if t in ".!?;"), default=0)


@cache
def _stance_words() -> frozenset[str]:
    lex = lexicon()
    return lex.stance_for | lex.stance_against | lex.negators


def recalled(lead_in: str) -> bool:
    """The words before a quote, in its sentence, set it a year or more back."""
    sentence = re.split(r"[.!?]\s", lead_in)[-1]
    return looked_back_at(sentence) != set() or bool(re.search(r"\b(?:months|years) ago\b", sentence, re.I))


def different_times(a: Statement, b: Statement) -> bool:
    """Dates at least SHIFT_MIN_DAYS apart (a year-only date spans its year), else different stories.
    A statement recalled from long before has no time of its own here."""
    if (a.story and a.story == b.story) or a.recalled or b.recalled:
        return False
    span_a, span_b = interval(a.published), interval(b.published)
    if span_a and span_b:
        gap = max((span_b[0] - span_a[1]).days, (span_a[0] - span_b[1]).days)
        return gap >= SHIFT_MIN_DAYS
    return bool(a.story and b.story)


def shift_links(group: Sequence[Statement], rare: list[set[str]], pairs: dict[tuple[int, int], float]) -> list[Link]:
    out = []
    for (i, j), cosine in pairs.items():
        a, b = group[i], group[j]
        if cosine < SHIFT_MIN_COSINE_SHARED or not different_times(a, b):
            continue
        shared = sorted(rare[i] & rare[j] - _stance_words())
        if not shared and cosine < SHIFT_MIN_COSINE:
            continue
        subject = shared[0] if shared else None
        sa, sb = stance(a.text, subject), stance(b.text, subject)
        if sa * sb >= 0:
            continue
        earlier, later = (a, b) if (a.when or date.min, a.order) <= (b.when or date.min, b.order) else (b, a)
        confidence = min(0.95, 0.5 + 0.1 * min(abs(sa), abs(sb)) + (0.1 if shared else 0.0))
        out.append(_link(earlier, later, "shift", confidence, subject=subject or "similar wording",
                         cosine=round(cosine, 3), stance={earlier.id: sa if earlier is a else sb,
                                                         later.id: sb if later is b else sa}))
    return out


# --- the stage ---------------------------------------------------------------------------------------

def document_frequencies(texts: Iterable[str]) -> Counter[str]:
    """In how many quotes each word stands: what makes a term rare."""
    df: Counter[str] = Counter()
    for text in texts:
        df.update(set(words(text)))
    return df


def analyse(statements: Sequence[Statement], corpus_df: Counter[str] | None = None,
            corpus_size: int | None = None) -> Result:
    """Links and positions for every voice of ``statements``. Rarity of terms is judged
    over the whole corpus of quotes when its frequencies are given (a run that redoes
    only some voices), else over ``statements``."""
    if corpus_df is None:
        corpus_df, corpus_size = document_frequencies(s.text for s in statements), len(statements)
    size = corpus_size or len(statements)
    by_voice: dict[str, list[Statement]] = defaultdict(list)
    for s in statements:
        by_voice[s.voice].append(s)
    result = Result()
    for group in by_voice.values():
        if len(group) < 2:
            continue
        rare = rare_terms(group, corpus_df, size)
        pairs = candidate_pairs(group, rare)
        result.links += copy_links(group, pairs)
        shifts = shift_links(group, rare, pairs)
        result.links += shifts
        reversals = {(link.a, link.b) for link in shifts}
        by_speaker: dict[str, list[int]] = defaultdict(list)
        for i, s in enumerate(group):
            by_speaker[s.speaker].append(i)
        for members in by_speaker.values():
            own = [group[i] for i in members]
            if len(own) >= 2:
                result.positions += positions_of(own, claims_of(own, corpus_df, size), reversals)
    result.links += position_links(result.positions)
    return result


def position_links(positions: Iterable[Position]) -> list[Link]:
    """Each member of a position linked to the one before it in time."""
    return [Link(a, b, "same_position", p.confidence, NAME, json.dumps({"position": p.id, "label": p.label},
                                                                         ensure_ascii=False))
            for p in positions for a, b in zip(p.quotes, p.quotes[1:])]


def sentence_vectors(texts: Sequence[str], embed) -> list[np.ndarray]:  # noqa: ANN001 - the embeddings function
    """Unit vectors of each text's sentences, embedded in one batch."""
    split = [sentences(t) for t in texts]
    flat = embed([s for ss in split for s in ss])
    out, start = [], 0
    for ss in split:
        out.append(flat[start:start + len(ss)])
        start += len(ss)
    return out
