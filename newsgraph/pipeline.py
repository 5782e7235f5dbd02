"""The per-article pipeline: stages, their contracts, and the ingest run.

Each stage states what it ``requires`` and ``assigns``; ``build`` refuses an
order that breaks those contracts before anything runs. Stages are chosen by
versioned name (``newsgraph.clean.rules.v1``) so stored provenance stays
explainable when an implementation changes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from . import embeddings
from .config import Settings
from .errors import PipelineError
from .models import Article, Attribution, Notice, RawDocument, Rejected, Story
from .stages import clean, dedup, entities, metadata, nlp, quotes, statements, stories, summarize
from .stages.ingest import expand_inputs, read_path
from .store import Store, source_of


@dataclass(frozen=True, slots=True)
class Stage:
    name: str
    requires: frozenset[str]
    assigns: frozenset[str]
    run: Callable[[Any], Any]


REGISTRY: dict[str, Stage] = {
    s.name: s for s in (
        Stage(clean.NAME, frozenset({"raw"}), frozenset({"segments", "text", "offset_map"}), clean.clean),
        Stage(metadata.NAME, frozenset({"segments", "text"}), frozenset({"metadata", "id"}),
              metadata.extract_metadata),
    )
}
DEFAULT_STAGES = (clean.NAME, metadata.NAME)
INPUT_FIELDS = frozenset({"raw"})


def build(names: Sequence[str] = DEFAULT_STAGES) -> list[Stage]:
    stages, available = [], set(INPUT_FIELDS)
    for name in names:
        if name not in REGISTRY:
            raise PipelineError(f"unknown stage {name!r}; known: {', '.join(sorted(REGISTRY))}")
        stage = REGISTRY[name]
        missing = stage.requires - available
        if missing:
            raise PipelineError(f"stage {name} requires {sorted(missing)}, which no earlier stage assigns; "
                                "reorder the stages")
        stages.append(stage)
        available |= stage.assigns
    return stages


def process(raw: RawDocument, stages: Sequence[Stage]) -> Article | Rejected:
    value: Any = raw
    for stage in stages:
        try:
            value = stage.run(value)
        except Exception as exc:  # one broken article must not stop the batch
            return Rejected(raw.source, f"internal error in {stage.name}: {type(exc).__name__}: {exc}",
                            stage=stage.name)
    return value


@dataclass(slots=True)
class IngestReport:
    files: int = 0
    read: int = 0
    added: int = 0
    already: int = 0
    failed: list[Rejected] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed


Event = Callable[[RawDocument | Rejected | Notice | str], None]


def ingest(inputs: Iterable[str], store: Store, settings: Settings, on_event: Event | None = None,
           stages: Sequence[str] = DEFAULT_STAGES) -> IngestReport:
    """Read, clean and describe every input, and store it; bad inputs are reported, not raised.

    ``on_event`` sees each rejection and notice as it happens, and each path
    (a ``str``) once it is done — for progress bars and stderr lines.
    """
    pipeline = build(stages)
    report, batch = IngestReport(), []
    emit = on_event or (lambda _event: None)
    for path in expand_inputs(inputs):
        if isinstance(path, Rejected):
            report.failed.append(path)
            emit(path)
            continue
        report.files += 1
        for item in read_path(path, settings):
            result = process(item, pipeline) if isinstance(item, RawDocument) else item
            if isinstance(result, Article):
                report.read += 1
                batch.append(result)
                if len(batch) >= settings.ingest_batch_size:
                    _flush(store, batch, report)
            else:
                (report.failed if isinstance(result, Rejected) else report.notices).append(result)
                emit(result)
        emit(path)
    _flush(store, batch, report)
    return report


def _flush(store: Store, batch: list[Article], report: IngestReport) -> None:
    if not batch:
        return
    added, already = store.add_articles(batch)
    report.added += added
    report.already += already
    batch.clear()


# --- the NLP stages over the store ---------------------------------------------------

ANALYSIS_STAGE = f"{nlp.NAME}+{quotes.NAME}"
HEADLINE_KINDS = ("title", "standfirst", "highlight")
MIN_ARTICLES_FOR_WORKERS = 100


@dataclass(slots=True)
class AnalyzeReport:
    articles: int = 0
    quotes: int = 0
    entities: int = 0
    duplicate_groups: int = 0
    stories: int = 0  # stories opened or grown by this run
    links: int = 0
    positions: int = 0
    failed: list[Rejected] = field(default_factory=list)


def analyze(store: Store, settings: Settings, on_batch: Callable[[int], None] | None = None,
            corpus: bool = True, on_stage: Callable[[str], None] | None = None) -> AnalyzeReport:
    """Parse every article not yet analysed by the current NLP stages, attribute
    its statements, then merge speakers into entities and find near-duplicates
    across the corpus; with ``corpus``, also stories, statement links, positions
    and shifts (the embeddings these need cost about as much as parsing: a corpus
    loaded in many batches can leave them to the last run).

    One ``nlp.pipe`` call streams the whole backlog, so worker processes start
    once; results are stored every ``nlp.batch_size`` articles.
    """
    report = AnalyzeReport()
    pending = store.ids_to_analyze(ANALYSIS_STAGE)
    rows = _rows(store, pending, settings.nlp_batch_size)
    texts = ((nlp.analysis_text(source_of(r), [tuple(s[:3]) for s in r["segments"]]), r) for r in rows)
    # starting worker processes (each loads the model) costs seconds: only worth it for a backlog
    processes = settings.nlp_processes if len(pending) >= MIN_ARTICLES_FOR_WORKERS else 1
    batch: list[Attribution] = []
    for doc, row in nlp.parse_with_context(texts, n_process=processes):
        batch.append(_attribute(row, doc, report))
        if len(batch) >= settings.nlp_batch_size:
            _save(store, batch, report, on_batch)
    _save(store, batch, report, on_batch)
    stage = on_stage or (lambda name: None)
    stage("merging speakers")
    entity_rows, links = entities.build_entities(store.people_rows(), store.speaker_rows())
    store.replace_entities(entity_rows, links)
    report.entities = len(entity_rows)
    stage("finding near-duplicates")
    report.duplicate_groups = find_duplicates(store)
    if corpus:
        stage("grouping stories")
        report.stories = find_stories(store)
        stage("linking statements")
        report.links, report.positions = find_statements(store)
    return report


def find_statements(store: Store) -> tuple[int, int]:
    """Same statements, paraphrases, positions and shifts. Links never cross a voice, so
    only the voices whose quotes came, went or changed voice since the last run are redone."""
    rows = store.statement_rows()
    items = statement_items(store, rows)
    now = {item.id: item.voice for item in items}
    before = store.statement_voices()
    changed = {v for q, v in now.items() if before.get(q) != v} | {v for q, v in before.items() if now.get(q) != v}
    if not changed:
        return store.count_statement_results()
    redo = [item for item in items if item.voice in changed]
    voices = compared_voices(redo)
    compared = [item for item in redo if item.voice in voices]
    for item, vectors in zip(compared, quote_vectors(store, compared)):
        item.sentences = vectors
    result = statements.analyse(redo, statements.document_frequencies(r["text"] for r in rows), len(rows))
    first_run = not before
    redone = None if first_run else {q for q, v in now.items() if v in changed} | \
        {q for q, v in before.items() if v in changed}
    store.replace_statements(result.links, result.positions, now, redone)
    return store.count_statement_results()


def statement_items(store: Store, rows: list[dict[str, Any]] | None = None) -> list[statements.Statement]:
    """Every stored quote that states something, as the statements stage sees it, with the voice it
    speaks with; a refusal or a question takes no position and is the same as no other statement."""
    voice_of = statements.voices(store.entities())
    return [statements.Statement(
        r["id"], r["article_id"], r["text"],
        voice_of.get(r["speaker_entity"], r["speaker_entity"]) if r["speaker_entity"] else "name:" + r["speaker"],
        r["entity_name"] or r["speaker"], r["outlet"], r["published"], r["venue"], r["story_id"], r["article_order"],
        recalled=statements.recalled(r["lead_in"] or ""), entity=r["speaker_entity"])
        for r in (store.statement_rows() if rows is None else rows) if r["rule"] not in quotes.STATES_NOTHING]


def compared_voices(items: Iterable[statements.Statement]) -> set[str]:
    """Voices heard in two or more articles. Links and positions span articles, so the
    quotes of any other voice have nothing to be compared with and need no embedding."""
    articles_of: dict[str, set[str]] = defaultdict(set)
    for item in items:
        articles_of[item.voice].add(item.article_id)
    return {voice for voice, articles in articles_of.items() if len(articles) > 1}


def quote_vectors(store: Store, items: list[statements.Statement]) -> list[np.ndarray]:
    """Sentence embeddings of each quote (rows of one blob), computed once and kept in the store."""
    blobs = _stored_vectors(store, "quote", f"{embeddings.NAME}+{statements.SPLITTER}", {i.id: i.text for i in items},
                            lambda texts: statements.sentence_vectors(texts, embeddings.embed))
    return [np.frombuffer(blobs[i.id], dtype=np.float32).reshape(-1, embeddings.DIMENSIONS) for i in items]


def _stored_vectors(store: Store, kind: str, stage: str, texts: dict[str, str],
                    embed: Callable[[list[str]], Sequence[np.ndarray]]) -> dict[str, bytes]:
    """id → vector bytes: those already stored, the rest embedded now and stored."""
    stored = store.vectors(kind, stage, list(texts))
    missing = [item_id for item_id in texts if item_id not in stored]
    fresh = [(item_id, v.tobytes()) for item_id, v in zip(missing, embed([texts[m] for m in missing]))]
    store.save_vectors(kind, stage, fresh)
    return stored | dict(fresh)


def find_stories(store: Store) -> int:
    """Put every article not yet in a story into one; earlier assignments stay as they are."""
    pending = store.story_inputs(unassigned_only=True)
    if not pending:
        return 0
    people_rows = store.people_rows()
    people = stories.people_by_article(people_rows)
    names = _display_names(people_rows)
    articles = [stories.ArticleInput(r["id"], r["title"] or "", r["text"], r["published"], people.get(r["id"], {}))
                for r in pending]
    for article, vector in zip(articles, article_vectors(store, articles)):
        article.vector = vector
    df, docs = store.term_frequencies()
    # stories untouched for a long while stay closed: only the most recent can grow
    open_rows = store.open_stories(stories.ACTIVE_WINDOW)
    clusterer = stories.Clusterer([stories.OpenStory.from_row(r) for r in open_rows], df, docs)
    for article in articles:
        clusterer.add(article)
    changed = [stories.finish(s, names) for s in clusterer.stories if s.id in clusterer.changed]
    changed = [replace(story, summary=_summary(store, story)) for story in changed]
    store.save_clustering(changed, clusterer.df_delta)
    return len(changed)


def _summary(store: Store, story: Story) -> tuple:
    """A cited extractive summary over all the story's articles, earlier members included."""
    ids = list(dict.fromkeys([*store.story_members(story.id), *(m.article_id for m in story.members)]))
    rows = _rows(store, ids, 200)
    sources = [summarize.Source(r["id"], source_of(r), r["segments"]) for r in rows]
    return summarize.summarize(sources, story.keywords)


def article_vectors(store: Store, articles: list[stories.ArticleInput]) -> np.ndarray:
    """Embeddings of headline + lead, computed once per article and kept in the store."""
    blobs = _stored_vectors(store, "article", embeddings.NAME, {a.id: a.lead for a in articles}, embeddings.embed)
    return np.array([np.frombuffer(blobs[a.id], dtype=np.float32) for a in articles])


def _display_names(people_rows: list[dict[str, Any]]) -> dict[str, str]:
    """surname → the fullest name seen for it, for labels."""
    names: dict[str, str] = {}
    for row in people_rows:
        key = stories.surname(row["name"])
        if len(row["name"]) > len(names.get(key, "")):
            names[key] = row["name"]
    return names


def find_duplicates(store: Store) -> int:
    """Group near-duplicate articles; MinHashes are computed once per article and stored."""
    rows = store.dedup_items(dedup.NAME)
    fresh = [(article_id, dedup.signature(text)) for article_id, text, _, blob in rows if blob is None]
    store.save_signatures(dedup.NAME, fresh)
    new = dict(fresh)
    items = [dedup.Item(article_id, text, published, blob or new.get(article_id))
             for article_id, text, published, blob in rows]
    groups = dedup.find_groups(items)
    store.replace_duplicates([(member, g.original, 1.0 if member == g.original else g.scores[member], dedup.NAME)
                              for g in groups for member in g.members])
    return len(groups)


def _rows(store: Store, ids: list[str], page: int) -> Iterator[dict[str, Any]]:
    for start in range(0, len(ids), page):
        yield from store.articles_by_id(ids[start:start + page])


def _save(store: Store, batch: list[Attribution], report: AnalyzeReport,
          on_batch: Callable[[int], None] | None) -> None:
    if not batch:
        return
    report.quotes += store.save_attributions(ANALYSIS_STAGE, batch)
    report.articles += len(batch)
    if on_batch:
        on_batch(len(batch))
    batch.clear()


def _attribute(row: dict[str, Any], doc: Any, report: AnalyzeReport) -> Attribution:
    titles = [(s[1], s[2]) for s in row["segments"] if s[0] in HEADLINE_KINDS]
    try:
        found, people = quotes.attribute(doc, titles)
    except Exception as exc:  # one article the rules trip over must not stop the corpus
        report.failed.append(Rejected(row["id"], f"internal error in {quotes.NAME}: {type(exc).__name__}: {exc}",
                                      stage=quotes.NAME))
        return Attribution(row["id"], (), ())
    source = source_of(row)
    dated = tuple(quotes.with_said_on(replace(q, text=nlp.as_in_source(q.text, source, q.start)), row["published"])
                  for q in found)
    return Attribution(row["id"], dated, tuple(people))
