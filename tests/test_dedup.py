"""Near-duplicates: syndicated copies, re-posts, truncated copies; distinct stories stay apart."""

from __future__ import annotations

import json

from newsgraph import Store, ingest, load_settings
from newsgraph.pipeline import analyze, find_duplicates
from newsgraph.stages import dedup

from .conftest import EXAMPLES

BODY = " ".join(
    f"Sentence {n} of the report says the dock strike in Vestra entered day {n} as talks stalled over automation."
    for n in range(1, 13))


def test_dedup_repost_truncated_copy_and_distinct_story():
    items = [
        dedup.Item("orig", BODY, "2024-03-03"),
        dedup.Item("repost", "New headline for the same story\n" + BODY, "2024-03-04"),
        dedup.Item("cut", BODY[: len(BODY) // 2] + " Subscribe to the Harbour Ledger for more.", None),
        dedup.Item("other", BODY.replace("dock strike", "ferry fire").replace("automation", "insurance")
                   .replace("talks stalled", "firefighters worked"), "2024-03-03"),
    ]
    (group,) = dedup.find_groups(items)
    assert group.original == "orig" and set(group.members) == {"orig", "repost", "cut"}
    assert group.scores["cut"] >= dedup.MIN_CONTAINMENT


def test_dedup_original_is_earliest_dated_else_longest():
    items = [dedup.Item("short-undated", BODY[:600], None), dedup.Item("long-undated", BODY, None)]
    assert dedup.find_groups(items)[0].original == "long-undated"
    items.append(dedup.Item("dated", BODY[:700], "2024-01-02"))
    assert dedup.find_groups(items)[0].original == "dated"


def test_dedup_examples_find_the_syndicated_copy_and_keep_signatures(tmp_path):
    gold = json.loads((EXAMPLES / "gold.json").read_text(encoding="utf-8"))
    with Store(tmp_path / "d.db") as store:
        ingest([str(EXAMPLES)], store, load_settings(environ={}))
        analyze(store, load_settings(environ={}))
        names = {r["id"]: r["source"].split("/")[-1] for r in store.list_articles(limit=None)}
        groups = [{names[m["article_id"]] for m in g} for g in store.duplicate_groups()]
        assert [set(pair) for pair in gold["duplicates"]] == groups
        stored = store.db.execute("SELECT count(*) FROM signatures").fetchone()[0]
        assert stored == len(names)
        assert find_duplicates(store) == 1  # rerun from stored signatures: same answer
