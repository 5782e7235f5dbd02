"""The per-article pipeline: stages, their contracts, and the ingest run.

Each stage states what it ``requires`` and ``assigns``; ``build`` refuses an
order that breaks those contracts before anything runs. Stages are chosen by
versioned name (``newsgraph.clean.rules.v1``) so stored provenance stays
explainable when an implementation changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .config import Settings
from .errors import PipelineError
from .models import Article, Notice, RawDocument, Rejected
from .stages import clean, metadata
from .stages.ingest import expand_inputs, read_path
from .store import Store


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
