"""The bundled example corpus against its own gold annotation."""

from __future__ import annotations

import json

import pytest

from newsgraph import ingest
from newsgraph.models import CONTENT_KINDS

from .conftest import EXAMPLES


@pytest.fixture(scope="module")
def example_store(tmp_path_factory):
    from newsgraph import Store, load_settings

    store = Store(tmp_path_factory.mktemp("ex") / "ex.db")
    report = ingest([str(EXAMPLES)], store, load_settings(environ={}))
    assert report.ok, [str(r) for r in report.failed]
    yield store
    store.close()


@pytest.fixture(scope="module")
def gold():
    return json.loads((EXAMPLES / "gold.json").read_text(encoding="utf-8"))


def _by_file(store):
    return {row["source"].replace(str(EXAMPLES) + "/", ""): row for row in store.iter_articles()}


def test_examples_every_file_ingested_and_annotated(example_store, gold):
    assert sorted(_by_file(example_store)) == sorted(d["file"] for d in gold["documents"])


def _outlet_key(name):
    return name.lower().removeprefix("the ") if name else None


def test_examples_outlet_and_date_equal_gold(example_store, gold):
    rows = _by_file(example_store)
    for doc in gold["documents"]:
        row = rows[doc["file"]]
        assert _outlet_key(row["outlet"]) == _outlet_key(doc["outlet"]), doc["file"]
        assert row["published"] == doc["date"], doc["file"]


def test_examples_datelines_equal_gold(example_store, gold):
    rows = _by_file(example_store)
    wrong = [(d["file"], d["dateline"], rows[d["file"]]["dateline"]) for d in gold["documents"]
             if rows[d["file"]]["dateline"] != d["dateline"]]
    assert wrong == []


def test_examples_boilerplate_gone_and_statements_kept(example_store, gold):
    rows = _by_file(example_store)
    for doc in gold["documents"]:
        row = rows[doc["file"]]
        source = row["source_text"] or row["raw"]
        content = "\n".join(source[s:e] for kind, s, e, _ in row["segments"] if kind in CONTENT_KINDS)
        for junk in doc["boilerplate"]:
            assert junk not in row["text"] and junk not in content, (doc["file"], junk)
        for quote in doc["quotes"]:
            assert quote["anchor"] in content, (doc["file"], quote["anchor"])
