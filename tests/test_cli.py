"""CLI: every command, its exit codes, JSON output and error lines."""

from __future__ import annotations

import csv
import io
import json

import pytest

from newsgraph.cli import app

from .conftest import SEEDS


@pytest.fixture()
def seeded_db(tmp_path, cli):
    if not SEEDS.is_dir():
        pytest.skip(f"seed corpus not found at {SEEDS}")
    db = str(tmp_path / "seeds.db")
    result = cli("analyze", str(SEEDS), "--db", db)
    assert result.exit_code == 0, result.output
    return db


def test_cli_analyze_prints_what_it_found(seeded_db, cli):
    again = cli("analyze", str(SEEDS), "--db", seeded_db)
    assert again.exit_code == 0
    assert "5 files, 5 articles: 0 added, 5 already stored, 0 failed" in again.stdout
    assert "TASS" in again.stdout and "--11-09" in again.stdout


def test_cli_ingest_json_summary(tmp_path, cli):
    result = cli("ingest", str(SEEDS), "--db", str(tmp_path / "x.db"), "--json")
    if not SEEDS.is_dir():
        pytest.skip("no seeds")
    summary = json.loads(result.stdout)
    assert (summary["files"], summary["added"], summary["failed"], summary["stored_total"]) == (5, 5, 0, 5)


def test_cli_articles_filters_and_json(seeded_db, cli):
    rows = json.loads(cli("articles", "--db", seeded_db, "--outlet", "CNN", "--json").stdout)
    assert [r["outlet"] for r in rows] == ["CNN"]
    assert json.loads(cli("articles", "--db", seeded_db, "--since", "2016-01", "--json").stdout) == []
    bad = cli("articles", "--db", seeded_db, "--since", "last week")
    assert bad.exit_code == 2 and "is not a date" in bad.stderr


def test_cli_show_by_id_prefix(seeded_db, cli):
    rows = json.loads(cli("articles", "--db", seeded_db, "--outlet", "CNN", "--json").stdout)
    shown = cli("show", rows[0]["id"][:8], "--db", seeded_db)
    assert shown.exit_code == 0
    assert "outlet: CNN" in shown.stdout and "dateline_place" not in shown.stdout.split("\n")[0]
    assert "Russia hopes to resume dialogue" in shown.stdout
    as_json = json.loads(cli("show", rows[0]["id"], "--db", seeded_db, "--json").stdout)
    assert as_json["provenance"]["outlet"]["rule"].endswith("dateline")
    missing = cli("show", "ffffffffff", "--db", seeded_db)
    assert missing.exit_code == 1 and "no article with id" in missing.stderr


def test_cli_search_and_malformed_query(seeded_db, cli):
    found = json.loads(cli("search", "reciprocity", "--db", seeded_db, "--json").stdout)
    assert len(found) == 2
    bad = cli("search", '"unbalanced', "--db", seeded_db)
    assert bad.exit_code == 2
    assert bad.stderr.startswith("error: cannot read the search query") and "Traceback" not in bad.output


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv"])
def test_cli_export_formats(seeded_db, cli, tmp_path, fmt):
    target = tmp_path / f"out.{fmt}"
    result = cli("export", "--db", seeded_db, "--format", fmt, "--output", str(target))
    assert result.exit_code == 0 and "exported 5 articles" in result.stderr
    text = target.read_text(encoding="utf-8")
    if fmt == "json":
        doc = json.loads(text)
        assert set(doc) >= {"articles", "stories", "duplicates", "links", "entities"}
        for article in doc["articles"]:
            assert set(article) >= {"id", "external_id", "source", "outlet", "published", "dateline",
                                    "title", "authors", "quotes"}
            assert article["source"].startswith(str(SEEDS))  # the path as given on the command line
    elif fmt == "jsonl":
        assert len([json.loads(line) for line in text.splitlines()]) == 5
    else:
        rows = list(csv.DictReader(io.StringIO(text)))
        assert sorted(r["outlet"] for r in rows) == ["", "", "CNN", "TASS", "TASS"]
    assert not target.with_name(target.name + ".partial").exists()


def test_export_reads_quotes_article_by_article(seeded_db, monkeypatch):
    """A large store is exported without holding all its statements: every quote read is one
    article's, and the streamed document is the same JSON as before, quotes in text order."""
    from newsgraph import Store
    from newsgraph.export import write_export

    store = Store(seeded_db, read_only=True)
    everything = store.quotes()
    real = Store.quotes

    def per_article_only(self, article_id=None, **kwargs):
        assert article_id is not None, "the export read every quote at once"
        return real(self, article_id=article_id, **kwargs)

    monkeypatch.setattr(Store, "quotes", per_article_only)
    out = io.StringIO()
    assert write_export(store, "json", out) == 5
    doc = json.loads(out.getvalue())
    exported = [q for a in doc["articles"] for q in a["quotes"]]
    assert len(exported) == len(everything) > 0
    for article in doc["articles"]:
        assert [q["start"] for q in article["quotes"]] == sorted(q["start"] for q in article["quotes"])


def test_cli_export_unknown_format(seeded_db, cli):
    result = cli("export", "--db", seeded_db, "--format", "xml")
    assert result.exit_code == 2 and "--format 'xml' is not one of json, jsonl, csv" in result.stderr


def test_cli_export_to_stdout(seeded_db, cli):
    assert len(json.loads(cli("export", "--db", seeded_db).stdout)["articles"]) == 5


def test_cli_bad_database_file_is_one_line(tmp_path, cli):
    path = tmp_path / "junk.db"
    path.write_text("not sqlite " * 200)
    result = cli("articles", "--db", str(path))
    assert result.exit_code == 2 and result.stderr.startswith("error: ") and len(result.stderr.splitlines()) == 1


def test_cli_unknown_setting_in_config_file(tmp_path, cli):
    config = tmp_path / "newsgraph.toml"
    config.write_text("[ingest]\nmax_artcle_mb = 3\n")
    result = cli("ingest", str(tmp_path), "--db", str(tmp_path / "x.db"), "--config", str(config))
    assert result.exit_code == 2 and "unknown setting 'ingest_max_artcle_mb'" in result.stderr


@pytest.mark.parametrize("command", sorted(c.name or c.callback.__name__ for c in app.registered_commands))
def test_cli_every_command_has_help(cli, command):
    result = cli(command, "--help")
    assert result.exit_code == 0 and len(result.stdout) > 100


def _analyze_one(tmp_path, cli, text: str) -> tuple[str, list[dict]]:
    """One article analysed into a fresh database: (its db path, ``quotes --json`` rows)."""
    article = tmp_path / "article.txt"
    article.write_text(text, encoding="utf-8")
    db = str(tmp_path / "article.db")
    assert cli("analyze", str(article), "--db", db).exit_code == 0
    return db, json.loads(cli("quotes", "--db", db, "--json").stdout)


def test_cli_quotes_says_a_hedge_has_no_source(tmp_path, cli):
    """A writer's hedge ("is expected to pass") has no speaker at all: the table says so rather
    than calling its speaker unknown; the named statement beside it keeps its speaker."""
    db, rows = _analyze_one(tmp_path, cli, "Harbour bill heads for a vote\n\nTALLINN, March 3 (Wire) — The harbour "
                            "bill is expected to pass on Friday.\n\nMayor Ilse Wren said the vote would go ahead.\n\n"
                            "The council met on Monday.\n")
    assert [(r["speaker"], r["rule"].split(":")[-1]) for r in rows] == [(None, "hedge"), ("Ilse Wren", "cue_clause")]
    table = cli("quotes", "--db", db).stdout
    assert "(no source: hedge)" in table and "(unknown" not in table


def test_cli_quotes_shows_each_statements_cue(tmp_path, cli):
    """The cue column tells a claim ("said") from a refusal ("declined") and a question ("asked"),
    whose words alone would read as claims."""
    db, rows = _analyze_one(tmp_path, cli, "Ferry talks stall\n\nVESTRA, May 2 (Wire) — Mayor Ilse Wren said the "
                            "ferry would run again in June.\n\nThe council asked the minister why the ferry had been "
                            "cancelled. A ministry spokeswoman declined to comment.\n")
    assert [(r["cue"], r["rule"].split(":")[-1]) for r in rows] == [
        ("said", "cue_clause"), ("asked", "question"), ("declined", "refusal")]
    lines = cli("quotes", "--db", db).stdout.splitlines()
    assert any("declined" in line and "to comment" in line for line in lines)
    assert any("asked" in line and "why the ferry" in line for line in lines)


def test_cli_analyze_reads_no_break_spaces_as_spaces_and_stores_the_source_words(tmp_path, cli):
    """Web copy puts no-break spaces after commas and marks; spaCy would make a token of each, so
    the parse reads them as spaces, and the stored words are still the source's, to the character."""
    text = ("Harbour board under fire\n\nVESTRA, May 2 (Wire) — The board, Mayor Ilse Wren said,\u00a0has "
            "“let the quay rot\u00a0for a decade while the cranes rusted.”\n\nThe council met on Monday.\n")
    _, rows = _analyze_one(tmp_path, cli, text)
    assert [(r["speaker"], r["kind"]) for r in rows] == [("Ilse Wren", "mixed")]
    assert "\u00a0" in rows[0]["text"] and rows[0]["text"] in text
