"""Shared fixtures. The seeds are read from ../shared at test time, never copied."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph import Store, load_settings
from newsgraph.models import RawDocument
from newsgraph.stages.clean import clean
from newsgraph.stages.metadata import extract_metadata

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
EXAMPLES = ROOT / "examples" / "corpus"


@pytest.fixture(scope="session")
def seeds_gold() -> dict:
    gold = SEEDS / "gold.json"
    if not gold.is_file():
        pytest.skip(f"seed corpus not found at {SEEDS}: check out ../shared beside the project")
    return json.loads(gold.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_articles(seeds_gold) -> dict:
    """file name → Article, for the five seeds."""
    out = {}
    for doc in seeds_gold["documents"]:
        path = SEEDS / doc["file"]
        out[doc["file"]] = extract_metadata(clean(RawDocument(str(path), path.read_text(encoding="utf-8"), "text")))
    return out


@pytest.fixture()
def settings():
    return load_settings(environ={})


@pytest.fixture()
def store(tmp_path):
    with Store(tmp_path / "test.db") as s:
        yield s


@pytest.fixture()
def cli():
    from newsgraph.cli import app

    runner = CliRunner()

    def run(*args: str, input: str | bytes | None = None):
        return runner.invoke(app, list(args), input=input, catch_exceptions=False)

    return run


def article_from_text(text: str, source: str = "fixture.txt"):
    return extract_metadata(clean(RawDocument(source, text, "text")))


def _analyse(tmp_path_factory, folder: Path) -> tuple[Path, dict]:
    """Ingest and analyse a folder once; the database path and its JSON export."""
    from newsgraph import ingest
    from newsgraph.export import write_export
    from newsgraph.pipeline import analyze

    if not folder.is_dir():
        pytest.skip(f"{folder} not found: check out ../shared beside the project")
    path = tmp_path_factory.mktemp("analysed") / "store.db"
    with Store(path) as store:
        ingest([str(folder)], store, load_settings(environ={}))
        analyze(store, load_settings(environ={}))
        out = path.with_suffix(".json")
        with open(out, "w", encoding="utf-8") as fh:
            write_export(store, "json", fh)
    return path, json.loads(out.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seeds_analysis(tmp_path_factory, seeds_gold) -> tuple[Path, dict]:
    """The five seeds through the whole analyze path, once per test session."""
    return _analyse(tmp_path_factory, SEEDS)


@pytest.fixture(scope="session")
def examples_analysis(tmp_path_factory) -> tuple[Path, dict]:
    return _analyse(tmp_path_factory, EXAMPLES)
