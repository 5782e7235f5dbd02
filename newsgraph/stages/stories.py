"""Stories: articles about one event or thread, clustered online in arrival order.

An article joins the most similar open story, or opens a new one. Similarity
mixes the sentence embedding of the headline and lead (MiniLM) with TF-IDF
over the whole text, plus a bonus for the people both name. Time gates it:

- dates with a year: an article more than ``MAX_GAP_DAYS`` from a story's
  dates does not join it, and similarity decays with the gap;
- dates without a year, or none: the text must carry the time. A person
  called "President-elect" in a story and "President" in the article (or
  "former X" against "X") cannot be the same moment, so they do not join;
  and an article that looks back a year at a live story's subject ("the
  union that shut the port last March") is a follow-up, not that story.

Each story keeps what a later article needs to join it (sums of vectors,
term weights, people, role phases, date range) in its ``state``: a new batch
never re-clusters the corpus. Labels are the story's key people and phrases.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache

import numpy as np

from ..lexicon import lexicon
from ..models import Story, StoryMember

NAME = "newsgraph.stories.online.v1"
# Headlines alone score lower than headline + body: one threshold for each,
# tuned on the UCI dev split (headlines) and on examples/corpus (full articles).
THRESHOLD_HEADLINE = 0.22
THRESHOLD_FULL_TEXT = 0.5
EMBEDDING_WEIGHT = 0.7  # the rest is TF-IDF
PEOPLE_BONUS = 0.05  # per shared person, up to two
MAX_GAP_DAYS = 45
DECAY_DAYS = 30.0
ACTIVE_WINDOW = 5000  # stories touched within this many articles are open to join
CANDIDATES = 20  # of those, the nearest by embedding get the full score
TERMS_KEPT = 200  # term weights kept per story centroid
LEAD_CHARS = 600
KEY_TERMS = 10  # a story's subject, for telling a look back at it

TOKEN = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|[^\W\d_]", re.UNICODE)


@dataclass(slots=True)
class ArticleInput:
    """What story clustering reads of one article."""

    id: str
    title: str
    text: str
    published: str | None
    people: dict[str, set[str]] = field(default_factory=dict)  # surname → roles given there
    vector: np.ndarray | None = None  # unit embedding of headline + lead

    @property
    def year_known(self) -> bool:
        return interval(self.published) is not None

    def looked_back_at(self) -> set[str]:
        """Words next to "last year's", "a year after", "last March": what the article looks back at."""
        return looked_back_at(self.title + "\n" + self.text)

    @property
    def lead(self) -> str:
        return f"{self.title}\n{self.text[:LEAD_CHARS]}".strip()


@dataclass(slots=True)
class OpenStory:
    """A story being built: sums and counts, so that joining is cheap."""

    id: str
    vector_sum: np.ndarray
    terms: dict[str, float]
    people: Counter[str]
    phases: dict[str, set[str]]  # surname → "phase:role" seen in the story
    first: str | None
    last: str | None
    members: list[StoryMember]  # joined in this run (earlier members are in the store already)
    titles: list[str]
    score_sum: float = 0.0
    count: int = 0
    looking_back: int = 0  # members that themselves look back a year: a follow-up thread

    @property
    def centroid(self) -> np.ndarray:
        norm = float(np.linalg.norm(self.vector_sum))
        return self.vector_sum / norm if norm else self.vector_sum

    def to_state(self) -> str:
        return json.dumps({"vector_sum": [round(float(x), 6) for x in self.vector_sum], "terms": self.terms,
                           "people": self.people, "phases": {k: sorted(v) for k, v in self.phases.items()},
                           "titles": self.titles[:20], "score_sum": round(self.score_sum, 4), "count": self.count,
                           "looking_back": self.looking_back},
                          ensure_ascii=False)

    @classmethod
    def from_row(cls, row: dict) -> OpenStory:
        state = row["state"]
        return cls(row["id"], np.array(state["vector_sum"], dtype=np.float32), state["terms"],
                   Counter(state["people"]), {k: set(v) for k, v in state["phases"].items()},
                   row["first_date"], row["last_date"], [], state.get("titles", []),
                   state.get("score_sum", 0.0), state.get("count", 0), state.get("looking_back", 0))


# --- features -----------------------------------------------------------------------------

def tokens(text: str) -> list[str]:
    """Lower-cased words and word pairs without stop words: the TF-IDF vocabulary."""
    stop = lexicon().stop_words
    words = [w.lower().replace("’", "'") for w in TOKEN.findall(text)]
    words = [w for w in words if w not in stop and len(w) > 1]
    return words + [f"{a} {b}" for a, b in zip(words, words[1:])]


def term_weights(counts: Counter[str], df: dict[str, int], docs: int) -> dict[str, float]:
    """Sublinear TF × smoothed IDF of a text's term counts, L2-normalised."""
    weights = {t: (1 + math.log(c)) * (math.log((1 + docs) / (1 + df.get(t, 0))) + 1) for t, c in counts.items()}
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return {t: w / norm for t, w in weights.items()}


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    dot = sum(w * b.get(t, 0.0) for t, w in a.items())
    norm = math.sqrt(sum(w * w for w in b.values())) or 1.0
    return dot / norm


def role_phase(role: str) -> tuple[str, str]:
    """("elect", "president") for "US President-elect"; ("now", "president") for "President"."""
    words = re.findall(r"[a-z]+", role.lower())
    phases = lexicon().role_phases
    for phase, markers in phases.items():
        if any(w in markers for w in words):
            rest = [w for w in words if not any(w in m for m in phases.values())]
            return phase, rest[-1] if rest else ""
    return "now", words[-1] if words else ""


def phases_conflict(a: dict[str, set[str]], b: dict[str, set[str]]) -> str | None:
    """The person and roles that put two texts at different times, or None."""
    for person in a.keys() & b.keys():
        for pa in a[person]:
            phase_a, role_a = pa.split(":", 1)
            for pb in b[person]:
                phase_b, role_b = pb.split(":", 1)
                if role_a and role_a == role_b and phase_a != phase_b:
                    return f"{person}: {phase_a} {role_a} vs {phase_b} {role_b}"
    return None


def article_phases(people: dict[str, set[str]]) -> dict[str, set[str]]:
    return {person: {":".join(role_phase(r)) for r in roles} for person, roles in people.items() if roles}


def looked_back_at(text: str) -> set[str]:
    window = lexicon().retrospective_window
    words: set[str] = set()
    for match in _retrospective().finditer(text):
        before = TOKEN.findall(text[max(0, match.start() - 12 * window):match.start()])[-window:]
        after = TOKEN.findall(text[match.end():match.end() + 12 * window])[:window]
        words.update(w.lower() for w in before + after)
    return words - lexicon().stop_words


@cache
def _retrospective() -> re.Pattern[str]:
    return re.compile("|".join(lexicon().retrospective), re.IGNORECASE)


# --- dates --------------------------------------------------------------------------------

def interval(value: str | None) -> tuple[date, date] | None:
    """The days a date with a year stands for: one day, a month or a whole year; None without a year."""
    if not value or value.startswith("--"):
        return None
    parts = value[:10].split("-")
    try:
        year = int(parts[0])
        if len(parts) == 1:
            return date(year, 1, 1), date(year, 12, 31)
        month = int(parts[1])
        if len(parts) == 2:
            end = date(year + month // 12, month % 12 + 1, 1)
            return date(year, month, 1), date.fromordinal(end.toordinal() - 1)
        day = date(year, month, int(parts[2]))
        return day, day
    except ValueError:
        return None


def gap_days(published: str | None, first: str | None, last: str | None) -> int | None:
    """Days between an article's date and a story's range; 0 when they overlap, None when unknown."""
    span, lo, hi = interval(published), interval(first), interval(last)
    if span is None or lo is None or hi is None:
        return None
    start, end = lo[0], hi[1]
    if span[1] < start:
        return (start - span[1]).days
    if span[0] > end:
        return (span[0] - end).days
    return 0


def _widen(first: str | None, last: str | None, published: str | None) -> tuple[str | None, str | None]:
    """Grow a date range; dates with a year win over dates without one ("--11-09")."""
    if not published:
        return first, last
    if first is None or (first.startswith("--") and not published.startswith("--")):
        return published, published
    if published.startswith("--") != first.startswith("--"):
        return first, last  # a year-less date cannot widen a range of dated ones
    return min(first, published), max(last or published, published)


# --- clustering -------------------------------------------------------------------------------

@dataclass(slots=True)
class Clusterer:
    """Online clustering state: open stories and the document frequencies seen so far.

    Centroids sit in one matrix, so the stories an article could join are found
    with one product over the *active* stories (touched within the last
    ``ACTIVE_WINDOW`` articles); the full score is computed for the best
    ``CANDIDATES`` of them only. Work per article is bounded: the whole run is linear.
    """

    stories: list[OpenStory]  # in order of last activity, oldest first, when given
    df: dict[str, int]
    docs: int
    changed: set[str] = field(default_factory=set)
    df_delta: Counter[str] = field(default_factory=Counter)
    matrix: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), np.float32))
    touched: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    step: int = 0

    def __post_init__(self) -> None:
        dims = len(self.stories[0].vector_sum) if self.stories else 0
        self.matrix = np.zeros((max(16, 2 * len(self.stories)), dims), np.float32)
        self.touched = np.full(len(self.matrix), -(10 ** 12), np.int64)
        for slot, story in enumerate(self.stories):
            self.matrix[slot] = story.centroid
            self.touched[slot] = slot - len(self.stories)  # keep their order of activity

    def add(self, article: ArticleInput) -> str:
        counts = Counter(tokens(article.title + "\n" + article.text))
        for term in counts:
            self.df[term] = self.df.get(term, 0) + 1
            self.df_delta[term] += 1
        self.docs += 1
        self.step += 1
        terms = term_weights(counts, self.df, self.docs)
        phases = article_phases(article.people)
        back = article.looked_back_at()
        best, best_score = None, -1.0
        for slot in self._candidates(article):
            score = self.similarity(article, terms, phases, self.stories[slot], back)
            if score > best_score:
                best, best_score = slot, score
        threshold = THRESHOLD_FULL_TEXT if article.text.strip() else THRESHOLD_HEADLINE
        if best is None or best_score < threshold:
            best = self._open(article)
            best_score = 1.0
        self._join(best, article, terms, phases, best_score, bool(back))
        return self.stories[best].id

    def similarity(self, article: ArticleInput, terms: dict[str, float], phases: dict[str, set[str]],
                   story: OpenStory, looked_back_at: set[str] = frozenset()) -> float:
        gap = gap_days(article.published, story.first, story.last)
        if gap is not None and gap > MAX_GAP_DAYS:
            return -1.0
        if phases_conflict(phases, story.phases):
            return -1.0
        if not article.year_known and _looks_back_at(looked_back_at, story):
            return -1.0  # a look back a year on is not the live story it looks back at
        dense = float(story.centroid @ article.vector) if article.vector is not None else 0.0
        score = EMBEDDING_WEIGHT * dense + (1 - EMBEDDING_WEIGHT) * _cosine(terms, story.terms)
        shared = sum(1 for p in article.people if story.people.get(p))
        score += PEOPLE_BONUS * min(shared, 2)
        if gap:
            score *= math.exp(-gap / DECAY_DAYS)
        return score

    def _candidates(self, article: ArticleInput) -> list[int]:
        count = len(self.stories)
        active = np.nonzero(self.touched[:count] > self.step - ACTIVE_WINDOW)[0]
        if article.vector is None or len(active) <= CANDIDATES:
            return active.tolist()
        dense = self.matrix[active] @ article.vector
        top = np.argpartition(-dense, CANDIDATES)[:CANDIDATES]
        return active[top].tolist()

    def _open(self, article: ArticleInput) -> int:
        story_id = "s" + hashlib.sha1(article.id.encode()).hexdigest()[:12]
        dims = article.vector.shape[0] if article.vector is not None else 1
        self.stories.append(OpenStory(story_id, np.zeros(dims, dtype=np.float32), {}, Counter(), {}, None, None,
                                      [], []))
        slot = len(self.stories) - 1
        if slot >= len(self.matrix) or self.matrix.shape[1] != dims:
            grown = np.zeros((2 * len(self.matrix) + 16, dims), np.float32)
            if self.matrix.shape[1] == dims:
                grown[:len(self.matrix)] = self.matrix
            self.matrix = grown
            self.touched = np.concatenate([self.touched, np.full(len(grown) - len(self.touched), -(10 ** 12))])
        return slot

    def _join(self, slot: int, article: ArticleInput, terms: dict[str, float],
              phases: dict[str, set[str]], score: float, looks_back: bool) -> None:
        story = self.stories[slot]
        if article.vector is not None:
            story.vector_sum = story.vector_sum + article.vector
            self.matrix[slot] = story.centroid
        self.touched[slot] = self.step
        merged = Counter(story.terms)
        merged.update(terms)
        story.terms = dict(merged.most_common(TERMS_KEPT))
        story.people.update(article.people.keys())
        for person, seen in phases.items():
            story.phases.setdefault(person, set()).update(seen)
        story.first, story.last = _widen(story.first, story.last, article.published)
        story.members.append(StoryMember(article.id, round(score, 4), NAME))
        story.score_sum += score
        story.count += 1
        story.looking_back += looks_back
        self.changed.add(story.id)


def _looks_back_at(words: set[str], story: OpenStory) -> bool:
    """The article's look-back words name the subject of a live story with a known year."""
    if not words or story.looking_back or not any(interval(d) for d in (story.first, story.last)):
        return False  # nothing looked back at, a follow-up thread, or a story whose year is unknown
    subject = {t for t, _ in sorted(story.terms.items(), key=lambda kv: -kv[1])[:KEY_TERMS] if " " not in t}
    return bool(words & subject)


def finish(story: OpenStory, names: dict[str, str]) -> Story:
    """The stored form: label from key people and phrases, dates at the precision known."""
    name_words = {w.lower() for p in story.people for w in names.get(p, p).split()}
    keywords = _keywords({t: w for t, w in story.terms.items() if not name_words & set(t.split())})
    people = [names.get(p, p.title()) for p, _ in story.people.most_common(3)]
    label = ", ".join(people[:3])
    if keywords:
        label = f"{label} — {', '.join(keywords[:3])}" if label else ", ".join(keywords[:3])
    label = label or (story.titles[0] if story.titles else "untitled story")
    confidence = story.score_sum / story.count if story.count else 0.0
    return Story(story.id, label, tuple(story.members), tuple(keywords), tuple(people), story.first, story.last,
                 (), story.to_state(), NAME, round(min(confidence, 1.0), 3))


def _keywords(terms: dict[str, float], count: int = 5) -> list[str]:
    """The heaviest terms, preferring a word pair to the single words inside it."""
    ranked = sorted(terms.items(), key=lambda kv: -kv[1])
    chosen: list[str] = []
    for term, _ in ranked:
        if any(term in c.split(" ") or c in term.split(" ") for c in chosen):
            continue
        if " " in term or not any(term in other.split(" ") for other, _ in ranked[:count * 3] if " " in other):
            chosen.append(term)
        if len(chosen) == count:
            break
    return chosen


def surname(name: str) -> str:
    return name.split()[-1].lower() if name.split() else name.lower()


def people_by_article(rows: Sequence[dict]) -> dict[str, dict[str, set[str]]]:
    """article id → surname → roles given in that article."""
    out: dict[str, dict[str, set[str]]] = {}
    for row in rows:
        out.setdefault(row["article_id"], {}).setdefault(surname(row["name"]), set()).update(row["roles"])
    return out
