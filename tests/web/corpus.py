"""Test stores for the web tests: the example corpus (or the seeds) analysed once.

Until the corpus stages fill stories, links and positions, the example
store gets them from the hand annotation (examples/corpus/gold.json), so the
story and speaker pages have something real to show; stages that did run win.
"""

from __future__ import annotations

import json
from pathlib import Path

from newsgraph import Store, load_settings
from newsgraph.models import Cited, Link, Position, Story, StoryMember
from newsgraph.pipeline import analyze, ingest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "corpus"
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
HOSTILE = ROOT / "tests" / "fixtures" / "hostile_article.txt"


def build_store(path: Path, inputs: list[Path]) -> Path:
    settings = load_settings(environ={})
    with Store(path) as store:
        report = ingest([str(p) for p in inputs], store, settings)
        assert not report.failed, [str(r) for r in report.failed]
        analyze(store, settings)
    return path


def build_example_store(path: Path) -> Path:
    build_store(path, [EXAMPLES])
    with Store(path) as store:
        add_gold_rows(store, json.loads((EXAMPLES / "gold.json").read_text(encoding="utf-8")))
    return path


def _article_ids(store: Store) -> dict[str, str]:
    """gold file name ("01_x.txt", "wire.jsonl#2") → article id."""
    out = {}
    for row in store.list_articles(limit=None):
        source = row["source"].replace("\\", "/")
        out[source.rsplit("/", 1)[-1]] = row["id"]
    return out


def _quote_at(store: Store, article_id: str, anchor: str) -> dict | None:
    """The stored statement that overlaps the anchor text in that article."""
    article = store.get_article(article_id)
    assert article is not None
    start = (article["source_text"] or article["raw"]).find(anchor)
    if start < 0:
        return None
    end = start + len(anchor)
    for q in store.quotes(article_id=article_id):
        if q["start"] < end and q["end"] > start:
            return q
    return None


def add_gold_rows(store: Store, gold: dict) -> None:
    ids = _article_ids(store)
    if store.count_stories() == 0:
        store.save_stories(_gold_stories(store, gold, ids))
    if not store.positions():
        positions, position_links = _gold_positions(store, gold, ids)
        store.replace_positions(positions)
        if not store.links():
            store.replace_links(position_links + _gold_shifts(store, gold, ids))


def _gold_stories(store: Store, gold: dict, ids: dict[str, str]) -> list[Story]:
    stories = []
    for n, story in enumerate(gold["stories"], start=1):
        members = [ids[f] for f in story["docs"] if f in ids]
        rows = [store.get_article(a) for a in members]
        dates = sorted(r["published"] for r in rows if r and r["published"] and not r["published"].startswith("--"))
        first = rows[0]
        lead = first["text"].split("\n")[0][:200]
        body_start = first["text"] and (first["source_text"] or first["raw"]).find(lead)
        summary = (Cited(lead, first["id"], body_start, body_start + len(lead), "tests:gold-lead"),) if body_start >= 0 else ()
        stories.append(Story(id=f"gold-{n}", label=story["label"],
                             members=tuple(StoryMember(a, 1.0, "tests:gold") for a in members),
                             keywords=(), key_entities=(), first_date=dates[0] if dates else None,
                             last_date=dates[-1] if dates else None, summary=summary, rule="tests:gold",
                             confidence=1.0))
    return stories


def _gold_positions(store: Store, gold: dict, ids: dict[str, str]) -> tuple[list[Position], list[Link]]:
    positions, links = [], []
    for n, position in enumerate(gold["positions"], start=1):
        quotes = [q for m in position["members"] if m["file"] in ids
                  for q in [_quote_at(store, ids[m["file"]], m["anchor"])] if q]
        if not quotes:
            continue
        dates = sorted(q["published"] for q in quotes if q["published"] and not q["published"].startswith("--"))
        positions.append(Position(id=f"gold-position-{n}", speaker=quotes[0]["entity_name"] or quotes[0]["speaker"],
                                  speaker_entity=quotes[0]["speaker_entity"], label=position["label"],
                                  quotes=tuple(dict.fromkeys(q["id"] for q in quotes)),
                                  first_seen=dates[0] if dates else None, last_seen=dates[-1] if dates else None,
                                  rule="tests:gold", confidence=1.0))
        links += [Link(a["id"], b["id"], "same_position", 1.0, "tests:gold") for a, b in zip(quotes, quotes[1:])
                  if a["id"] != b["id"]]
    return positions, links


def _gold_shifts(store: Store, gold: dict, ids: dict[str, str]) -> list[Link]:
    links = []
    for shift in gold["shifts"]:
        a = _quote_at(store, ids[shift["from"]["file"]], shift["from"]["anchor"])
        b = _quote_at(store, ids[shift["to"]["file"]], shift["to"]["anchor"])
        if a and b:
            links.append(Link(a["id"], b["id"], "shift", 1.0, "tests:gold", json.dumps({"topic": shift["topic"]})))
    return links


def build_seeds_store(path: Path) -> Path:
    build_store(path, sorted(SEEDS.glob("*.txt")))
    with Store(path) as store:
        add_gold_rows(store, json.loads((SEEDS / "gold.json").read_text(encoding="utf-8")))
    return path
