"""Readable reports of a story (or of every story): Markdown or HTML.

A report holds the story's dates and label, its cited summary, a timeline of
its articles, who said what with the first source first, the outlets side by
side (which statements each carried), and the positions and shifts of the
people quoted. In HTML every value from an article is escaped.
"""

from __future__ import annotations

import html
from collections import defaultdict
from typing import Any

from .errors import QueryError
from .store import Store

FORMATS = ("md", "html")


def render_report(store: Store, story_id: str | None = None, fmt: str = "md") -> str:
    if fmt not in FORMATS:
        raise QueryError(f"report format {fmt!r} is not one of {', '.join(FORMATS)}")
    if story_id is None:
        ids = [s["id"] for s in store.stories()]
    else:
        if store.story(story_id) is None:
            raise QueryError(f"no story with id {story_id!r}; `newsgraph stories` lists them")
        ids = [story_id]
    positions = store.positions()  # once for the report, not once per story
    sections = [_story_section(store, i, positions) for i in ids]
    blocks = [line for section in sections for line in section]
    return _markdown(blocks) if fmt == "md" else _html(blocks)


# A report is built as neutral blocks, then written as Markdown or HTML.
Block = tuple[str, Any]


def _story_section(store: Store, story_id: str, all_positions: list[dict]) -> list[Block]:
    story = store.story(story_id)
    assert story is not None
    articles = story["articles"]
    by_id = {a["id"]: a for a in articles}
    quotes = [q for a in articles for q in store.quotes(article_id=a["id"])]
    quote_ids = {q["id"] for q in quotes}
    links = [l for q in quotes for l in store.links(quote_id=q["id"])]
    blocks: list[Block] = [("h2", story["label"]),
                           ("p", f"{len(articles)} articles · {story['first_date'] or 'date unknown'}"
                                 f" – {story['last_date'] or 'date unknown'} · story {story['id']}")]
    if story["summary"]:
        blocks.append(("h3", "Summary"))
        blocks.append(("ul", [f"{c['text']} [{_cite(by_id.get(c['article_id']), c)}]" for c in story["summary"]]))
    blocks.append(("h3", "Timeline"))
    blocks.append(("ul", [f"{a['published'] or 'undated'} — {a['outlet'] or 'outlet unknown'}: "
                          f"{a['title'] or a['source']} ({a['id']})" for a in articles]))
    blocks += _who_said_what(quotes, links, by_id)
    blocks += _outlets_side_by_side(quotes, links, by_id)
    blocks += _positions_and_shifts(all_positions, quotes, quote_ids, links)
    return blocks


def _cite(article: dict[str, Any] | None, cited: dict[str, Any]) -> str:
    source = (article or {}).get("outlet") or (article or {}).get("source") or cited["article_id"]
    return f"{source}, {cited['article_id']}:{cited['start']}-{cited['end']}"


def _who_said_what(quotes: list[dict], links: list[dict], by_id: dict[str, dict]) -> list[Block]:
    copies = {l["b"] for l in links if l["relation"] in ("same_statement", "paraphrase")}
    carried = defaultdict(list)
    for l in links:
        if l["relation"] in ("same_statement", "paraphrase"):
            carried[l["a"]].append(l["b"])
    by_speaker: dict[str, list[dict]] = defaultdict(list)
    for q in quotes:
        if q["id"] not in copies:
            by_speaker[q["entity_name"] or q["speaker"] or "unknown speaker"].append(q)
    items = []
    for speaker, said in sorted(by_speaker.items(), key=lambda kv: -len(kv[1])):
        for q in said:
            outlet = by_id.get(q["article_id"], {}).get("outlet") or "outlet unknown"
            also = (f" — first source; also carried by {len(carried[q['id']])} other article(s)"
                    if carried[q["id"]] else "")
            venue = f", {q['venue']}" if q["venue"] else ""
            items.append(f"{speaker} ({q['kind']}{venue}; in {outlet}): “{q['text']}”{also}")
    return [("h3", "Who said what"), ("ul", items or ["no statements"])]


def _outlets_side_by_side(quotes: list[dict], links: list[dict], by_id: dict[str, dict]) -> list[Block]:
    """For each statement carried by more than one article: which outlets have it, which don't."""
    group_of = {q["id"]: q["id"] for q in quotes}
    for l in links:
        if l["relation"] in ("same_statement", "paraphrase") and l["a"] in group_of and l["b"] in group_of:
            group_of[l["b"]] = group_of[l["a"]]
    outlets = sorted({a.get("outlet") or a["id"][:8] for a in by_id.values()})
    carriers: dict[str, set[str]] = defaultdict(set)
    text = {}
    for q in quotes:
        root = group_of[q["id"]]
        carriers[root].add(by_id[q["article_id"]].get("outlet") or q["article_id"][:8])
        text.setdefault(root, q["text"])
    shared = [root for root, have in carriers.items() if len(have) > 1]
    rows = [[text[root][:80]] + ["yes" if o in carriers[root] else "—" for o in outlets] for root in shared]
    return [("h3", "Outlets side by side"), ("table", (["statement", *outlets], rows))] if rows else []


def _positions_and_shifts(all_positions: list[dict], quotes: list[dict], quote_ids: set[str],
                          links: list[dict]) -> list[Block]:
    positions = [p for p in all_positions if quote_ids & set(p["quotes"])]
    shifts = [l for l in links if l["relation"] == "shift"]
    blocks: list[Block] = []
    if positions:
        blocks.append(("h3", "Positions"))
        blocks.append(("ul", [f"{p['speaker']}: {p['label']} — {p['size']} statements, "
                              f"{p['first_seen'] or '?'} to {p['last_seen'] or '?'}" for p in positions]))
    if shifts:
        text = {q["id"]: q["text"] for q in quotes}
        blocks.append(("h3", "Shifts"))
        blocks.append(("ul", [f"“{text.get(l['a'], l['a'])}” → “{text.get(l['b'], l['b'])}” "
                              f"(on {l['evidence'].get('subject')}, confidence {l['score']})"
                              for l in {(l['a'], l['b']): l for l in shifts}.values()]))
    return blocks


def _markdown(blocks: list[Block]) -> str:
    out = ["# newsgraph report", ""]
    for kind, value in blocks:
        if kind == "h2":
            out += [f"## {value}", ""]
        elif kind == "h3":
            out += [f"### {value}", ""]
        elif kind == "p":
            out += [value, ""]
        elif kind == "ul":
            out += [f"- {item}" for item in value] + [""]
        elif kind == "table":
            head, rows = value
            out += ["| " + " | ".join(_cell(h) for h in head) + " |", "|" + "---|" * len(head)]
            out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows] + [""]
    return "\n".join(out)


def _cell(value: str) -> str:
    return " ".join(str(value).split()).replace("|", "\\|")


def _html(blocks: list[Block]) -> str:
    e = html.escape
    out = ["<!doctype html><html><head><meta charset='utf-8'><title>newsgraph report</title></head><body>",
           "<h1>newsgraph report</h1>"]
    for kind, value in blocks:
        if kind in ("h2", "h3", "p"):
            out.append(f"<{kind}>{e(value)}</{kind}>")
        elif kind == "ul":
            out.append("<ul>" + "".join(f"<li>{e(item)}</li>" for item in value) + "</ul>")
        elif kind == "table":
            head, rows = value
            out.append("<table><tr>" + "".join(f"<th>{e(h)}</th>" for h in head) + "</tr>"
                       + "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>" for row in rows)
                       + "</table>")
    out.append("</body></html>")
    return "\n".join(out)
