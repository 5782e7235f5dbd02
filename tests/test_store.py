"""Store: migrations, idempotent writes, filters, full-text search."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings as hyp_settings, strategies as st

from newsgraph import QueryError, Store, StoreError, ingest
from newsgraph.store.schema import MIGRATIONS

from .conftest import SEEDS, article_from_text


def test_store_records_named_migrations_once(tmp_path):
    path = tmp_path / "m.db"
    with Store(path) as store:
        assert store.migrations() == [name for name, _ in MIGRATIONS]
    with Store(path) as store:  # reopening applies nothing twice
        assert store.migrations() == [name for name, _ in MIGRATIONS]
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_store_refuses_a_database_from_a_newer_version(tmp_path):
    path = tmp_path / "new.db"
    with Store(path) as store:
        store.db.execute("INSERT INTO schema_migrations VALUES ('9999_future', 'now')")
    with pytest.raises(StoreError, match="newer newsgraph"):
        Store(path)


def test_store_refuses_a_file_that_is_not_a_database(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("just some notes, not SQLite " * 100)
    with pytest.raises(StoreError, match="not a newsgraph database"):
        Store(path)


def test_store_add_is_idempotent_within_and_across_batches(store):
    one = article_from_text("Talks stall\nVESTRA, March 3 (Meridian) - No deal was reached, officials said.")
    two = article_from_text("Talks resume\nVESTRA, March 5 (Meridian) - A deal is near, officials said.")
    assert store.add_articles([one, one, two]) == (2, 1)
    assert store.add_articles([two]) == (0, 1)
    assert store.count_articles() == 2


def test_store_round_trip_keeps_metadata_and_provenance(store):
    article = article_from_text("Talks stall\nVESTRA, March 3 (Meridian) - No deal was reached, officials said.")
    store.add_articles([article])
    row = store.get_article(article.id[:6])
    assert (row["outlet"], row["published"], row["date_precision"], row["dateline"]) == (
        "Meridian", "--03-03", "month-day", "Vestra")
    evidence = row["provenance"]["outlet"]
    assert row["raw"][evidence["start"]:evidence["end"]] == "Meridian"
    assert row["text"] == article.text
    assert [tuple(p) for p in row["offset_map"]] == list(article.doc.offset_map.pieces)


def test_store_filters_by_outlet_and_date(tmp_path, store, settings):
    if not SEEDS.is_dir():
        pytest.skip(f"seed corpus not found at {SEEDS}")
    ingest([str(SEEDS)], store, settings)
    tass = {Path(r["source"]).name[:3] for r in store.list_articles(outlet="tass")}
    assert tass == {"002", "003"}
    assert store.list_articles(since="2016") == []  # seed dates state no year: never placed in a range
    a = article_from_text("Talks\nVESTRA, March 3, 2024 (Meridian) - No deal was reached, officials said.")
    store.add_articles([a])
    assert [r["id"] for r in store.list_articles(since="2024-03", until="2024-03")] == [a.id]
    assert store.list_articles(until="2024-02") == []


def test_store_search_finds_words_and_phrases(store):
    store.add_articles([article_from_text("Talks stall\nVESTRA, March 3 (Meridian) - The dockers' strike goes on, "
                                          "union leaders said on Monday.")])
    assert len(store.search("strike")) == 1
    assert len(store.search('"union leaders"')) == 1
    assert "[strike]" in store.search("strike")[0]["snippet"]
    assert store.search("ferry") == []


@pytest.mark.parametrize("query", ['"unbalanced', "AND", "strike OR", "(", "", "   "])
def test_store_search_malformed_query_is_a_clear_error(store, query):
    with pytest.raises(QueryError):
        store.search(query)


@given(st.text(max_size=40))
@hyp_settings(max_examples=150, deadline=None)
def test_store_search_never_raises_anything_but_query_error(tmp_path_factory, query):
    with Store(tmp_path_factory.mktemp("s") / "s.db") as store:
        try:
            store.search(query)
        except QueryError:
            pass


def test_store_ambiguous_id_prefix_is_a_query_error(store):
    for n in range(40):
        store.add_articles([article_from_text(f"Story {n}\nThe port stayed shut for day {n}, officials said.")])
    with pytest.raises(QueryError, match="several"):
        store.get_article("")


def test_store_integrity_after_many_batches(store):
    batch = [article_from_text(f"Headline {n}\nThe port stayed shut for day {n}, officials said.") for n in range(300)]
    store.add_articles(batch[:150])
    store.add_articles(batch)
    assert store.count_articles() == 300
    assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    store.db.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")  # raises if broken
    assert store.db.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'shut'").fetchone()[0] == 300
