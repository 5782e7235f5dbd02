"""Ingest: every input format, and every kind of bad input, through the library and the CLI."""

from __future__ import annotations

import gzip
import io
import json
import os

import pytest

from newsgraph import ingest
from newsgraph.models import Notice, RawDocument, Rejected
from newsgraph.stages.ingest import read_path

from .conftest import FIXTURES

ARTICLE = ("Port strike widens\nVESTRA, March 3 (Meridian) - Dock workers in Vestra walked out again on Monday, "
           "union leaders said, as talks with the transport ministry stalled.\n"
           "“We are not going back until there is a real offer,” union leader Piet Arnesen told reporters.\n")


def _items(path, settings):
    return list(read_path(str(path), settings))


def _docs(items):
    return [i for i in items if isinstance(i, RawDocument)]


def _rejected(items):
    return [i for i in items if isinstance(i, Rejected)]


# --- formats ---------------------------------------------------------------------

@pytest.mark.parametrize("name", ["a.txt", "a.md"])
def test_ingest_plain_text_formats(tmp_path, settings, name):
    path = tmp_path / name
    path.write_text(ARTICLE, encoding="utf-8")
    (doc,) = _items(path, settings)
    assert doc.raw == ARTICLE and doc.format == "text" and doc.source == str(path)


def test_ingest_html_file_reads_body_and_page_metadata(tmp_path, store, settings):
    report = ingest([str(FIXTURES / "vestra_page.html")], store, settings)
    assert report.added == 1 and report.ok
    row = store.list_articles()[0]
    assert (row["outlet"], row["published"], row["title"]) == (
        "Harbour Ledger", "2024-03-05", "Vestra dock strike enters second week")
    assert row["authors"] == ["Mira Solberg"]
    full = store.get_article(row["id"])
    assert "Dock workers in Vestra" in full["text"] and "<p>" in full["raw"]


def test_ingest_jsonl_given_fields_win_and_id_is_external(tmp_path, store, settings):
    lines = [
        {"id": 17, "url": "https://example.org/a", "outlet": "Vestra Today", "published": "2024-03-06",
         "title": "Given headline", "authors": ["Jon Hale"], "text": ARTICLE},
        {"html": (FIXTURES / "vestra_page.html").read_text(encoding="utf-8")},
    ]
    path = tmp_path / "wire.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    report = ingest([str(path)], store, settings)
    assert report.added == 2 and report.ok
    rows = {r["source"]: r for r in store.list_articles()}
    first = rows[f"{path}#1"]
    assert (first["external_id"], first["outlet"], first["published"], first["title"], first["authors"]) == (
        "17", "Vestra Today", "2024-03-06", "Given headline", ["Jon Hale"])
    assert first["url"] == "https://example.org/a"
    assert rows[f"{path}#2"]["outlet"] == "Harbour Ledger"  # extracted when not given


def _warc_bytes(pages: list[tuple[str, str]], gz: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gz)
    for url, html in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        record = writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode("utf-8")),
                                           http_headers=headers)
        writer.write_record(record)
    return buffer.getvalue()


@pytest.mark.parametrize("suffix, gz", [(".warc", False), (".warc.gz", True)])
def test_ingest_warc_html_responses_with_url_and_fetch_date(tmp_path, settings, suffix, gz):
    html = (FIXTURES / "vestra_page.html").read_text(encoding="utf-8")
    path = tmp_path / f"crawl{suffix}"
    path.write_bytes(_warc_bytes([("https://ledger.example/strike", html),
                                  ("https://ledger.example/strike-2", html.replace("eighth", "ninth"))], gz))
    docs = _docs(_items(path, settings))
    assert [d.source for d in docs] == [f"{path}#1", f"{path}#2"]
    assert docs[0].given.url == "https://ledger.example/strike" and docs[0].given.fetched
    assert docs[0].format == "html"


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Meridian Wire</title><link>https://meridian.example</link>
<item><title>Port talks resume</title><link>https://meridian.example/1</link><guid>m-1</guid>
<pubDate>Tue, 05 Mar 2024 09:00:00 GMT</pubDate>
<description><![CDATA[<p>Talks between dock unions and the Vestra transport ministry resumed on Tuesday, officials said.</p>]]></description></item>
<item><title>Empty</title><link>https://meridian.example/2</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>NordPost</title>
<entry><title>Kaldor ferry resumes</title><id>urn:np:7</id><updated>2024-03-07T10:00:00Z</updated>
<author><name>Lena Ortiz</name></author><link href="https://nordpost.example/7"/>
<content type="html">&lt;p&gt;The Kaldor ferry sailed again on Thursday, the operator said in a statement.&lt;/p&gt;</content></entry>
</feed>"""


def test_ingest_rss_items_with_content(tmp_path, store, settings):
    path = tmp_path / "feed.rss"
    path.write_text(RSS, encoding="utf-8")
    report = ingest([str(path)], store, settings)
    assert report.added == 1
    assert [str(r) for r in report.failed] == [f"{path}#2: feed item has no content"]
    row = store.list_articles()[0]
    assert (row["outlet"], row["published"], row["title"], row["external_id"]) == (
        "Meridian Wire", "2024-03-05", "Port talks resume", "m-1")
    assert "Talks between dock unions" in store.get_article(row["id"])["text"]


def test_ingest_atom_entry(tmp_path, store, settings):
    path = tmp_path / "feed.atom"
    path.write_text(ATOM, encoding="utf-8")
    report = ingest([str(path)], store, settings)
    assert report.added == 1 and report.ok
    row = store.list_articles()[0]
    assert (row["outlet"], row["published"], row["authors"]) == ("NordPost", "2024-03-07", ["Lena Ortiz"])


def test_ingest_folders_recursively_and_globs(tmp_path, store, settings):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "one.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a" / "b" / "two.txt").write_text(ARTICLE.replace("Monday", "Tuesday"), encoding="utf-8")
    (tmp_path / "a" / "b" / "notes.json").write_text("{}", encoding="utf-8")  # not an article format: skipped
    (tmp_path / "a" / ".hidden.txt").write_text(ARTICLE + "x", encoding="utf-8")
    assert ingest([str(tmp_path / "a")], store, settings).added == 2
    report = ingest([str(tmp_path / "a" / "**" / "*.txt")], store, settings)
    assert (report.added, report.already) == (0, 2)


def test_ingest_stdin_through_cli(tmp_path, cli):
    db = str(tmp_path / "s.db")
    result = cli("ingest", "-", "--db", db, "--json", input=ARTICLE.encode("utf-8"))
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["added"] == 1


def test_ingest_same_article_twice_is_a_no_op(tmp_path, store, settings):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "copy.txt").write_text(ARTICLE, encoding="utf-8")
    first = ingest([str(tmp_path / "a.txt")], store, settings)
    second = ingest([str(tmp_path)], store, settings)
    assert (first.added, second.added, second.already, store.count_articles()) == (1, 0, 2, 1)


def test_ingest_raw_text_is_stored_unchanged(tmp_path, store, settings):
    raw = "\ufeffHeadline here\r\nVESTRA, March 3 (Meridian) - Text\xa0with odd   spacing, officials said.\r\n"
    (tmp_path / "odd.txt").write_bytes(raw.encode("utf-8"))
    ingest([str(tmp_path)], store, settings)
    stored = store.get_article(store.list_articles()[0]["id"])
    assert stored["raw"] == raw.lstrip("\ufeff")


# --- bad input --------------------------------------------------------------------

def test_ingest_bad_inputs_each_reported_and_batch_goes_on(tmp_path, store, settings):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\n ")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (tmp_path / "lines.jsonl").write_bytes(b'{"text": "One good record about the port strike, officials said."}\n'
                                           b'{"text": broken\n'
                                           b'[1, 2]\n'
                                           b'{"title": "no text"}\n'
                                           b'{"text": "caf\xe9 bad utf8"}\n')
    html = (FIXTURES / "vestra_page.html").read_text(encoding="utf-8")
    full = _warc_bytes([("https://x.example/1", html), ("https://x.example/2", html.replace("eighth", "tenth"))], True)
    (tmp_path / "cut.warc.gz").write_bytes(full[: len(full) - 700])
    (tmp_path / "cut.txt.gz").write_bytes(gzip.compress(b"x")[:5])  # not a known format inside a folder walk
    report = ingest([str(tmp_path), str(tmp_path / "missing.txt")], store, settings)
    reasons = sorted(str(r).replace(str(tmp_path) + os.sep, "") for r in report.failed)
    assert reasons == [
        "binary.txt: binary file, not text",
        "blank.txt: empty file",
        "cut.warc.gz: truncated or corrupt WARC after 1 HTML records (" + reasons[2].split("(", 1)[1],
        "empty.txt: empty file",
        "lines.jsonl:2: invalid JSON (Expecting value at column 10)",
        "lines.jsonl:3: a line must hold one JSON object",
        'lines.jsonl:4: no "text" or "html" field with content',
        "lines.jsonl:5: invalid UTF-8 in this line",
        f"{tmp_path / 'missing.txt'}: no such file or folder".replace(str(tmp_path) + os.sep, ""),
    ]
    # good.txt, the first JSONL record, and the WARC record before the cut are stored
    assert report.added == store.count_articles() == 3


def test_ingest_truncated_warc_keeps_records_before_the_cut(tmp_path, settings):
    html = (FIXTURES / "vestra_page.html").read_text(encoding="utf-8")
    one = _warc_bytes([("https://x.example/1", html)], True)
    two = _warc_bytes([("https://x.example/1", html), ("https://x.example/2", html + " ")], True)
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(two[: len(one) + 40])
    items = _items(path, settings)
    assert len(_docs(items)) == 1
    assert "truncated or corrupt WARC after 1 HTML records" in str(_rejected(items)[0])


def test_ingest_legacy_encoding_is_decoded_with_a_warning(tmp_path, settings):
    text = "Le ministre a déclaré que la grève était « inacceptable » et que les négociations reprendraient à Vestra.\n" * 3
    path = tmp_path / "latin.txt"
    path.write_bytes(text.encode("cp1252"))
    notice, doc = _items(path, settings)
    assert isinstance(notice, Notice) and "not UTF-8; decoded as" in str(notice)
    assert "déclaré" in doc.raw and "négociations" in doc.raw


def test_ingest_file_over_the_size_limit_is_refused(tmp_path, store, settings):
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse: 50 MB without writing 50 MB
    (tmp_path / "ok.txt").write_text(ARTICLE, encoding="utf-8")
    report = ingest([str(tmp_path)], store, settings)
    assert [str(r) for r in report.failed] == [
        f"{big}: too large for one article: 50.0 MB, over the 5 MB limit (setting ingest.max_article_mb)"]
    assert report.added == 1


def test_ingest_file_that_disappears_mid_run(tmp_path, store, settings):
    first, second, third = (tmp_path / f"{n}.txt" for n in ("1", "2", "3"))
    for i, path in enumerate((first, second, third)):
        path.write_text(ARTICLE + f"Paragraph {i}.\n", encoding="utf-8")

    def remove_second(event):
        if event == str(first):
            second.unlink()

    report = ingest([str(tmp_path)], store, settings, on_event=remove_second)
    assert [str(r) for r in report.failed] == [f"{second}: file disappeared before it could be read"]
    assert report.added == 2


def test_ingest_cli_prints_one_line_per_failure_and_exits_1(tmp_path, cli):
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    result = cli("ingest", str(tmp_path), "--db", str(tmp_path / "x.db"))
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [f"error: {tmp_path / 'empty.txt'}: empty file"]
    assert "1 added" in result.stdout and "1 failed" in result.stdout


def test_ingest_explicit_unknown_format_is_reported(tmp_path, settings):
    path = tmp_path / "doc.pdf"
    path.write_bytes(b"%PDF-1.4")
    (item,) = _items(path, settings)
    assert isinstance(item, Rejected) and "unsupported format '.pdf'" in str(item)


def test_ingest_existing_store_survives_a_bad_batch(tmp_path, store, settings):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    ingest([str(tmp_path / "a.txt")], store, settings)
    before = store.get_article(store.list_articles()[0]["id"])
    (tmp_path / "bad.jsonl").write_bytes(b"{oops\n")
    report = ingest([str(tmp_path / "bad.jsonl")], store, settings)
    assert not report.ok and store.count_articles() == 1
    assert store.get_article(before["id"])["text"] == before["text"]
