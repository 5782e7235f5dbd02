"""Exports of the store: JSON (the documented contract), JSON Lines, CSV.

The JSON shape is a contract that benchmarks and other tools read
(docs/export.md); add keys, never rename or drop them::

    {"format_version": 1,
     "articles": [{"id", "external_id", "source", "outlet", "published", "dateline",
                   "title", "authors", "quotes": [], ...}],
     "stories": [], "duplicates": [], "links": [], "entities": [], "positions": []}

All offsets are character offsets into the source's decoded text (for a
JSONL record, into its ``text``; for HTML, into the extracted text).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import Any, TextIO

from .store import Store

FORMATS = ("json", "jsonl", "csv")
FORMAT_VERSION = 1
CSV_COLUMNS = ("id", "external_id", "source", "url", "outlet", "published", "date_precision", "dateline",
               "title", "authors", "contributors", "lang", "quotes")


def quote_record(q: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": q["id"], "text": q["text"], "start": q["start"], "end": q["end"], "parts": q["parts"],
        "speaker": q["entity_name"] or q["speaker"], "speaker_entity": q["speaker_entity"],
        "speaker_kind": q["speaker_kind"], "speaker_start": q["speaker_start"], "speaker_end": q["speaker_end"],
        "kind": q["kind"], "cue": q["cue"], "cue_start": q["cue_start"], "cue_end": q["cue_end"],
        "venue": q["venue"], "said_when": q["said_when"], "said_on": q["said_on"],
        "confidence": q["confidence"], "rule": q["rule"],
    }


def duplicate_link(original: dict[str, Any], copy: dict[str, Any]) -> dict[str, Any]:
    """An article-level link: ``a`` is the original, ``b`` the copy."""
    return {"a": original["article_id"], "b": copy["article_id"], "relation": "duplicate",
            "score": copy["similarity"], "rule": copy["rule"],
            "evidence": "word 5-gram overlap (containment or Jaccard) of the article bodies"}


def story_record(s: dict[str, Any]) -> dict[str, Any]:
    return {"id": s["id"], "label": s["label"], "articles": s["articles"], "keywords": s["keywords"],
            "key_entities": s["key_entities"], "first_date": s["first_date"], "last_date": s["last_date"],
            "summary": s["summary"], "confidence": s["confidence"], "rule": s["rule"]}


def link_record(l: dict[str, Any]) -> dict[str, Any]:
    return {"a": l["a"], "b": l["b"], "relation": l["relation"], "score": l["score"], "rule": l["rule"],
            "evidence": l["evidence"]}


def position_record(p: dict[str, Any]) -> dict[str, Any]:
    return {"id": p["id"], "speaker": p["speaker"], "speaker_entity": p["speaker_entity"], "label": p["label"],
            "quotes": p["quotes"], "first_seen": p["first_seen"], "last_seen": p["last_seen"],
            "confidence": p["confidence"], "rule": p["rule"]}


def entity_record(e: dict[str, Any]) -> dict[str, Any]:
    return {"id": e["id"], "name": e["name"], "kind": e["kind"], "aliases": e["aliases"], "roles": e["roles"],
            "quotes": e["quotes"], "rule": e["rule"], "confidence": e["confidence"]}


def article_record(row: dict[str, Any], quotes: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {
        "id": row["id"],
        "external_id": row["external_id"],
        "source": row["source"],
        "url": row["url"],
        "outlet": row["outlet"],
        "published": row["published"],
        "date_precision": row["date_precision"],
        "dateline": row["dateline"],
        "title": row["title"],
        "authors": row["authors"],
        "contributors": row["contributors"],
        "lang": row["lang"],
        "provenance": row["provenance"],
        "quotes": [quote_record(q) for q in quotes or []],
    }


def records(store: Store) -> Iterator[dict[str, Any]]:
    """Article records one at a time, each with its quotes (read per article: an export of a
    large store never holds all its statements in memory)."""
    for row in store.iter_articles():
        yield article_record(row, store.quotes(article_id=row["id"]))


def write_export(store: Store, fmt: str, out: TextIO) -> int:
    """Write the whole store to ``out``; returns the number of articles."""
    if fmt == "json":
        return _write_document(store, out)
    count = 0
    if fmt == "jsonl":
        for count, record in enumerate(records(store), start=1):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        return count
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore")
        writer.writeheader()
        for count, record in enumerate(records(store), start=1):
            flat = record | {"authors": "; ".join(record["authors"]),
                             "contributors": "; ".join(record["contributors"]),
                             "quotes": len(record["quotes"])}
            writer.writerow(flat)
        return count
    raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")


def _write_document(store: Store, out: TextIO) -> int:
    """One JSON document, written article by article; the corpus-wide parts follow."""
    out.write(f'{{\n "format_version": {json.dumps(FORMAT_VERSION)},\n "articles": [')
    count = 0
    for count, record in enumerate(records(store), start=1):
        out.write(("," if count > 1 else "") + "\n" + _indented(record, 2))
    out.write("\n ]")
    groups = store.duplicate_groups()
    rest = {"stories": [story_record(s) for s in store.stories()],
            "duplicates": [[m["article_id"] for m in g] for g in groups],
            "links": [duplicate_link(g[0], m) for g in groups for m in g[1:]] + [link_record(l) for l in store.links()],
            "entities": [entity_record(e) for e in store.entities()],
            "positions": [position_record(p) for p in store.positions()]}
    for key, value in rest.items():
        out.write(f",\n {json.dumps(key)}: " + _indented(value, 1).lstrip())
    out.write("\n}\n")
    return count


def _indented(value: Any, depth: int) -> str:
    """``value`` as indented JSON, every line shifted ``depth`` spaces (json.dump's layout)."""
    text = json.dumps(value, ensure_ascii=False, indent=1)
    return "\n".join(" " * depth + line for line in text.splitlines())
