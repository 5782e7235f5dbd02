"""Every page over the test client, read with BeautifulSoup (no browser needed)."""

from __future__ import annotations

import csv
import io
import json
from html.parser import HTMLParser

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph import Store
from newsgraph.web.app import create_app
from newsgraph.web.highlight import REMOVED_KINDS, Span, render_range


@pytest.fixture(scope="session")
def client(example_db):
    with TestClient(create_app(example_db)) as c:
        yield c


@pytest.fixture(scope="session")
def hostile_client(hostile_db):
    with TestClient(create_app(hostile_db)) as c:
        yield c


def soup_of(client, url: str, status: int = 200) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == status, response.text[:500]
    assert response.headers["content-type"].startswith("text/html")
    return BeautifulSoup(response.text, "html.parser")


def first_article(store_path, source_part: str) -> dict:
    with Store(store_path, read_only=True) as store:
        row = next(r for r in store.list_articles(limit=None) if source_part in r["source"])
        return store.get_article(row["id"])


def test_pages_home_shows_stories_speakers_coverage_and_exports(client):
    soup = soup_of(client, "/")
    assert len(soup.select("#latest-stories li")) >= 4
    sizes = [int(li.select_one(".meta").text.split()[0]) for li in soup.select("#largest-stories li")]
    assert sizes == sorted(sizes, reverse=True)
    assert soup.select("#coverage rect.bar")
    assert soup.select_one("a[href='/export.json']") and soup.select_one("a[href='/report.md']")


def test_pages_lists_link_to_their_items(client):
    for url, selector in (("/stories", "#stories a"), ("/speakers", "#speakers a"), ("/articles", "#articles a")):
        links = soup_of(client, url).select(selector)
        assert links, url
        assert client.get(links[0]["href"]).status_code == 200


def test_pages_article_marks_every_statement_and_hides_removed_text(client, example_db):
    article = first_article(example_db, "01_vestra_port_strike")
    source = article["source_text"] or article["raw"]
    api = client.get(f"/api/articles/{article['id']}").json()
    soup = soup_of(client, f"/articles/{article['id']}")
    marked = {int(m["data-q"]) for m in soup.select("#article-text mark.quote")}
    assert marked == set(range(1, len(api["quotes"]) + 1))
    assert len(soup.select("#article-text a.qref")) == len(api["quotes"])
    assert len(soup.select("#evidence details")) == len(api["quotes"])
    # the marked text is the statement's own text
    first = " ".join(m.text for m in soup.select("#article-text mark.quote[data-q='1']"))
    assert api["quotes"][0]["text"].split()[0] in first
    removed = [source[s:e] for kind, s, e, _ in article["segments"] if kind in REMOVED_KINDS]
    assert removed and "Share this article" in removed
    assert not soup.select("#article-text del") and "Share this article" not in soup.select_one("#article-text").text
    shown = soup_of(client, f"/articles/{article['id']}?boilerplate=1")
    struck = [d.text for d in shown.select("#article-text .removed del")]
    assert struck == removed


def test_pages_article_cited_span_is_marked(client, example_db):
    article = first_article(example_db, "01_vestra_port_strike")
    soup = soup_of(client, f"/articles/{article['id']}?cite=0-10")
    assert soup.select_one("#article-text mark.cited").text == (article["source_text"] or article["raw"])[:10]
    assert client.get(f"/articles/{article['id']}?cite=ten").status_code == 422


def test_pages_story_has_timeline_grid_and_articles(client):
    story = max(client.get("/api/stories").json()["items"], key=lambda s: s["size"])
    soup = soup_of(client, f"/stories/{story['id']}")
    assert len(soup.select("#story-articles li")) == story["size"]
    assert soup.select("#story-timeline circle.dot")
    outlets = [th.text for th in soup.select("#outlets thead th")][1:]
    assert len(outlets) == len(soup.select("#coverage-by-outlet tbody tr"))
    for row in soup.select("#outlets tbody tr"):
        assert len(row.select(".first-badge")) == 1
        assert len(row.select("td")) == len(outlets)
    if story["summary"]:
        cites = soup.select("#summary a.cite")
        assert len(cites) == len(story["summary"]) and cites[0]["href"].startswith("/articles/")


def test_pages_speaker_shows_variants_roles_and_statements(client):
    varga = client.get("/api/speakers", params={"name": "Varga"}).json()["items"][0]
    soup = soup_of(client, f"/speakers/{varga['id']}")
    assert {li.text for li in soup.select("#aliases li")} == set(varga["aliases"])
    assert [td.text for td in soup.select("#roles tbody td:first-child")] == [r["role"] for r in varga["roles"]]
    shown = soup.select("#positions .statement, #other-statements .statement")
    assert shown and all(s.select_one(".who").text == "Ilse Varga" for s in shown)


def test_pages_a_statement_shows_its_cue(client):
    """"declined" beside "to say whether …": a refusal never reads as a claim."""
    dorin = client.get("/api/speakers", params={"name": "Dorin"}).json()["items"][0]
    soup = soup_of(client, f"/speakers/{dorin['id']}")
    refusals = [s for s in soup.select(".statement") if s.p.text.startswith("“to say whether")]
    assert refusals and all(" · declined · indirect" in s.footer.text for s in refusals)


def test_pages_search_full_text_and_semantic(client):
    soup = soup_of(client, "/search?q=automation&outlet=Meridian")
    hits = soup.select("#results li.article-hit")
    assert hits and all("Meridian" in h.select_one(".meta").text for h in hits)
    assert soup.select("#results .snippet mark")
    semantic = soup_of(client, "/search?q=gas+bills+unpaid&mode=semantic&kind=direct")
    statements = semantic.select("#results li.statement-hit")
    assert statements and all("direct" in s.select_one("footer").text for s in statements)
    assert soup_of(client, "/search").select_one("#results") is None  # no query, no results


@pytest.mark.parametrize("url,status", [("/search?q=port&kind=rumour", 422), ('/search?q="open', 400),
                                        ("/speakers/nobody", 404), ("/articles/zzzz", 404),
                                        ("/stories?offset=-4", 422), ("/export.xml", 404)])
def test_pages_bad_parameters_give_an_html_error_page(client, url, status):
    soup = soup_of(client, url, status)
    assert soup.select_one("h1").text == f"Error {status}"
    assert soup.select_one(".error-message").text


def test_pages_exports_and_reports(client):
    document = json.loads(client.get("/export.json").text)
    assert document["format_version"] == 1 and len(document["articles"]) == 17
    rows = list(csv.DictReader(io.StringIO(client.get("/export.csv").text)))
    assert len(rows) == 17 and "outlet" in rows[0]
    story = client.get("/api/stories").json()["items"][0]
    markdown = client.get(f"/stories/{story['id']}/report.md")
    assert markdown.status_code == 200 and story["label"] in markdown.text
    html = client.get(f"/stories/{story['id']}/report.html")
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
    assert client.get("/report.md").status_code == 200
    assert client.get("/stories/none/report.md").status_code == 404


HOSTILE_URLS = ["/", "/articles", "/speakers", "/stories", "/search?q=script", "/search?q=iframe&mode=semantic",
                "/report.html"]


def assert_no_markup_from_the_article(html: str) -> None:
    soup = BeautifulSoup(html, "html.parser")
    assert [s.get("src") for s in soup.find_all("script")] in ([], ["/static/app.js"])
    assert not soup.find_all(["iframe", "img", "object", "embed"])
    assert not [(el.name, a) for el in soup.find_all(True) for a in el.attrs if a.lower().startswith("on")]
    assert not soup.select("a[href^='javascript:']")


def test_pages_hostile_article_is_escaped_everywhere(hostile_client, hostile_db):
    article = first_article(hostile_db, "hostile_article")
    story = hostile_client.get("/api/stories").json()["items"]
    urls = HOSTILE_URLS + [f"/articles/{article['id']}", f"/articles/{article['id']}?boilerplate=1"]
    urls += [f"/stories/{s['id']}" for s in story] + [f"/stories/{s['id']}/report.html" for s in story]
    urls += [f"/speakers/{s['id']}" for s in hostile_client.get("/api/speakers").json()["items"]]
    for url in urls:
        response = hostile_client.get(url)
        assert response.status_code == 200, url
        assert_no_markup_from_the_article(response.text)
    page = hostile_client.get(f"/articles/{article['id']}").text
    assert "&lt;script&gt;window.__xss" in page  # shown as text, not dropped


def test_pages_static_files_and_no_external_resources(client):
    assert client.get("/static/style.css").status_code == 200
    assert client.get("/static/app.js").status_code == 200
    for url in ("/", "/search?q=port", "/speakers"):
        soup = soup_of(client, url)
        for tag, attr in (("link", "href"), ("script", "src"), ("img", "src")):
            for el in soup.find_all(tag):
                assert el[attr].startswith("/"), f"{url}: {tag} loads {el[attr]} (pages must work offline)"


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=120), cuts=st.lists(st.tuples(st.integers(0, 120), st.integers(0, 120),
                                                           st.sampled_from(["quote", "speaker", "cue", "cited"])),
                                                 max_size=6))
def test_highlight_keeps_every_character_and_adds_only_our_tags(text, cuts):
    spans = [Span(min(a, b), max(a, b), css, n if css != "cited" else None) for n, (a, b, css) in enumerate(cuts, 1)]
    html = render_range(text, 0, len(text), spans, {n: f'<img src=x onerror="{n}">' for n in range(10)})
    soup = BeautifulSoup(f"<div>{html}</div>", "html.parser")
    for marker in soup.select("a.qref"):
        marker.decompose()
    assert _text_outside_markers(str(html)) == text
    assert {el.name for el in soup.find_all(True)} <= {"div", "mark", "span"}


class _TextOutsideMarkers(HTMLParser):
    """The characters of an HTML fragment as parsed, without the evidence markers' numbers.
    (BeautifulSoup would do, but it turns a whitespace-only string such as "\r" into " ".)"""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.in_marker = 0

    def handle_starttag(self, tag, attrs):
        self.in_marker += tag == "a" and ("class", "qref") in attrs

    def handle_endtag(self, tag):
        self.in_marker -= tag == "a" and self.in_marker > 0

    def handle_data(self, data):
        if not self.in_marker:
            self.parts.append(data)


def _text_outside_markers(html: str) -> str:
    parser = _TextOutsideMarkers()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)
