"""Reports and the corpus commands: stories, story, positions, report."""

from __future__ import annotations

import json

import pytest

from newsgraph import Store, ingest, load_settings
from newsgraph.errors import QueryError
from newsgraph.pipeline import analyze
from newsgraph.report import render_report

from .conftest import FIXTURES


def test_report_markdown_holds_every_part_of_a_story(examples_analysis):
    path, export = examples_analysis
    strike = max(export["stories"], key=lambda s: len(s["articles"]))
    with Store(path) as store:
        text = render_report(store, strike["id"], "md")
    for heading in ("## ", "### Summary", "### Timeline", "### Who said what", "### Outlets side by side"):
        assert heading in text
    assert strike["label"] in text
    # every summary sentence is cited with its article and offsets
    for cited in strike["summary"]:
        assert f"{cited['article_id']}:{cited['start']}-{cited['end']}" in text


def test_report_html_escapes_article_text(tmp_path):
    hostile = tmp_path / "hostile.txt"
    hostile.write_text(
        "Port strike <script>alert(1)</script> spreads\n\n"
        "VESTRA, March 3, 2024 (Meridian) - Dockers walked out on Monday. "
        "“We will stay out <img src=x onerror=alert(2)> until the plan is dropped,” union leader Piet Arnesen said.\n",
        encoding="utf-8")
    settings = load_settings(environ={})
    with Store(tmp_path / "h.db") as store:
        ingest([str(hostile)], store, settings)
        analyze(store, settings)
        page = render_report(store, None, "html")
    assert "<script>" not in page and "<img" not in page
    assert "&lt;script&gt;" in page or "&lt;img" in page


def test_report_refuses_unknown_story_and_format(examples_analysis):
    path, _ = examples_analysis
    with Store(path) as store:
        with pytest.raises(QueryError, match="no story"):
            render_report(store, "s000000000000", "md")
        with pytest.raises(QueryError, match="format"):
            render_report(store, None, "pdf")


def test_cli_stories_story_positions_report(examples_analysis, cli, tmp_path):
    path, export = examples_analysis
    listed = json.loads(cli("stories", "--db", str(path), "--json").stdout)
    assert {s["id"] for s in listed} == {s["id"] for s in export["stories"]}
    one = json.loads(cli("story", listed[0]["id"], "--db", str(path), "--json").stdout)
    assert one["articles"] and one["summary"]
    assert cli("story", "nope", "--db", str(path)).exit_code == 2
    positions = json.loads(cli("positions", "--db", str(path), "--speaker", "Varga", "--json").stdout)
    assert positions["positions"] and all(p["speaker"] == "Ilse Varga" for p in positions["positions"])
    assert positions["shifts"]
    out = tmp_path / "report.html"
    assert cli("report", "--db", str(path), "--format", "html", "-o", str(out)).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("<!doctype html>")
    assert cli("report", "--db", str(path), "--format", "pdf").exit_code == 2


def test_cli_analyze_can_leave_the_corpus_stages_to_a_later_run(cli, tmp_path):
    db = str(tmp_path / "n.db")
    first = json.loads(cli("analyze", str(FIXTURES), "--db", db, "--no-corpus", "--json", "-q").stdout)
    with Store(db) as store:
        assert first["quotes"] > 0 and store.count_stories() == 0 and not store.links()
    second = json.loads(cli("analyze", str(FIXTURES), "--db", db, "--json", "-q").stdout)
    with Store(db) as store:
        assert second["analyzed"] == 0 and store.count_stories() > 0
