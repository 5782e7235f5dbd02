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


def article_record(row: dict[str, Any]) -> dict[str, Any]:
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
        "quotes": [],
    }


def records(store: Store) -> Iterator[dict[str, Any]]:
    for row in store.iter_articles():
        yield article_record(row)


def write_export(store: Store, fmt: str, out: TextIO) -> int:
    """Write the whole store to ``out``; returns the number of articles."""
    if fmt == "json":
        articles = list(records(store))
        document = {"format_version": FORMAT_VERSION, "articles": articles, "stories": [],
                    "duplicates": [], "links": [], "entities": [], "positions": []}
        json.dump(document, out, ensure_ascii=False, indent=1)
        out.write("\n")
        return len(articles)
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
