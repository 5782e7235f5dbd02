"""Clean stage: page junk removed, typed fields kept, offsets back to the source."""

from __future__ import annotations

import pytest
from hypothesis import given, settings as hyp_settings, strategies as st

from newsgraph.models import CONTENT_KINDS, GivenMeta, RawDocument
from newsgraph.stages.clean import classify_line, clean

from .conftest import FIXTURES, article_from_text


def _gold_docs(gold):
    return [pytest.param(d, id=d["file"]) for d in gold["documents"]]


def test_clean_seeds_every_gold_boilerplate_string_is_gone(seeds_gold, seed_articles):
    checked = 0
    for doc in seeds_gold["documents"]:
        article = seed_articles[doc["file"]]
        content = "\n".join(article.doc.segment_text(s) for s in article.doc.segments if s.kind in CONTENT_KINDS)
        for junk in doc["boilerplate"]:
            assert junk not in article.text, (doc["file"], junk)
            assert junk not in content, (doc["file"], junk)
            checked += 1
    assert checked == sum(len(d["boilerplate"]) for d in seeds_gold["documents"]) > 0


def test_clean_seeds_no_statement_is_lost(seeds_gold, seed_articles):
    """Every gold statement anchor lies inside a content segment (headline, standfirst, highlight, body)."""
    for doc in seeds_gold["documents"]:
        article = seed_articles[doc["file"]]
        spans = [(s.start, s.end) for s in article.doc.segments if s.kind in CONTENT_KINDS]
        for quote in doc["quotes"]:
            start, end = quote["anchor_start"], quote["anchor_end"]
            assert any(s <= start and end <= e for s, e in spans), (doc["file"], quote["anchor"])


def test_clean_seed_000_types_highlights_headline_and_dateline(seed_articles):
    doc = seed_articles["000_ab46303504864fc7.txt"].doc
    kinds = [(s.kind, doc.segment_text(s)) for s in doc.segments]
    assert ("title", "What's next for US and Russia?") in kinds
    assert sum(1 for k, _ in kinds if k == "highlight") == 3
    assert [t for k, t in kinds if k == "dateline"] == ["Moscow CNN \xa0—"]
    assert ("subhead", "Western sanctions") in kinds and ("subhead", "Fresh start?") in kinds
    assert "Story highlights" not in doc.text
    assert "Western sanctions" not in doc.text.split("\n\n")  # the subheading is no body paragraph
    assert doc.text.startswith("Russia hopes to resume dialogue")
    assert [k for k, t in kinds if t.endswith("contributed to this report.")] == ["credit"]


def test_clean_seed_002_removes_caption_block_and_keeps_standfirst(seed_articles):
    doc = seed_articles["002_e97adbd39afb634b.txt"].doc
    by_kind = {}
    for s in doc.segments:
        by_kind.setdefault(s.kind, []).append(doc.segment_text(s))
    lines = [line.strip() for line in doc.source_text.splitlines() if line.strip()]
    assert by_kind["standfirst"] == [lines[2]]  # the line under the headline, above the photo caption
    assert "Kremlin spokesman Dmitry Peskov" in by_kind["boilerplate"]  # the caption above the credit
    assert doc.text.startswith("No one expects Russian-US relations")
    assert "/TASS/" not in doc.text


def test_clean_offset_map_points_into_source(seed_articles):
    for article in seed_articles.values():
        doc = article.doc
        for text_start, source_start, length in doc.offset_map.pieces:
            assert doc.text[text_start:text_start + length] == doc.source_text[source_start:source_start + length]
        for i in range(0, len(doc.text), 37):
            if doc.text[i] not in "\n":
                assert doc.source_text[doc.offset_map.to_source(i)] == doc.text[i]


@pytest.mark.parametrize("line, rule", [
    ("harbour cranes at dusk orig_00012345.jpg", "image_filename"),
    ("02:14 - Source: Harbour Ledger", "video_label"),
    ("© Tomas Brenner/NordPost", "photo_credit"),
    ("Photo: Tomas Brenner", "photo_credit"),
    ("Transport Minister Ilse Varga Tomas Brenner/NordPost", "caption_with_credit"),
    ("All news", "navigation"),
    ("Share this article", "share_line"),
    ("Subscribe to our newsletter", "share_line"),
    ("© 2024 Harbour Ledger. All rights reserved.", "copyright"),
    ("Story highlights", "highlights_label"),
    ("This Meridian report is carried by the Kaldor Herald under a content-sharing agreement.", "syndication_note"),
    ("This story was originally published by Meridian.", "syndication_note"),
    ("Get the morning briefing in your inbox every day.", "newsletter_pitch"),
    ("By Anna Keller and Tom Reyes", "byline"),
    ("Reporting by Anna Keller; Editing by Tom Reyes", "reporting_by"),
])
def test_clean_classify_line_knows_page_junk(line, rule):
    assert classify_line(line)[1] == rule


@pytest.mark.parametrize("line", [
    "The minister said the port would reopen on Monday.",
    "“We will not move,” she said.",
    "Dock workers walked out in Vestra and Kaldor City.",
    "Share prices in Vestra fell sharply on Tuesday after the strike was announced by the unions.",
])
def test_clean_classify_line_keeps_article_text(line):
    assert classify_line(line) is None


def test_clean_html_page_drops_navigation_and_footer():
    html = (FIXTURES / "vestra_page.html").read_text(encoding="utf-8")
    doc = clean(RawDocument("vestra_page.html", html, "html"))
    assert "Dock workers in Vestra" in doc.text
    assert "Subscribe to our newsletter" not in doc.text
    assert "All rights reserved" not in doc.text
    assert doc.markup.outlet == "Harbour Ledger"
    assert doc.markup.published == "2024-03-05"


def test_clean_without_dateline_keeps_first_sentence_as_body():
    article = article_from_text("The port reopened on Monday after a week of strikes, officials said.\n"
                                "Workers returned at dawn.\nTrade resumed by noon.")
    assert article.doc.text.startswith("The port reopened")
    assert not article.doc.of_kind("title")


@pytest.mark.parametrize("title, kinds", [
    ("Varga: Levy Stays Until the Deficit Closes", ["title", "body", "body"]),
    ("Varga says the levy stays", ["body", "body", "body"]),  # another headline: the line is the story's
    (None, ["body", "body", "body"]),
])
def test_clean_a_line_repeating_the_given_title_is_the_headline_even_with_a_stop(title, kinds):
    """Scraped text often repeats the headline as its first line, with a full stop the page did not
    have; the title the source gave (a JSONL field) tells it from the first sentence."""
    text = ("Varga: Levy Stays Until the Deficit Closes.\n\nMayor Ilse Varga said on Monday that the levy "
            "would stay.\n\nThe council meets again in May.")
    doc = clean(RawDocument("x.jsonl#1", text, "text", GivenMeta(title=title)))
    assert [s.kind for s in doc.segments] == kinds


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=400))
@hyp_settings(max_examples=200, deadline=None)
def test_clean_property_segments_inside_text_and_body_maps_back(text):
    doc = clean(RawDocument("p.txt", text, "text"))
    for s in doc.segments:
        assert 0 <= s.start <= s.end <= len(doc.source_text)
    for text_start, source_start, length in doc.offset_map.pieces:
        assert doc.text[text_start:text_start + length] == doc.source_text[source_start:source_start + length]


@given(st.lists(st.sampled_from([
    "VESTRA, March 3 (Meridian) - Talks resumed.", "Story highlights", "All news", "© Ana Ruiz/NordPost",
    "“We are ready,” she said.", "Port strike spreads", "Fresh start?", "", "photo orig_1.jpg",
    "Kaldor Harbour Ledger —", "The minister said talks would go on.",
]), max_size=12))
@hyp_settings(max_examples=150, deadline=None)
def test_clean_property_every_paragraph_typed_once(lines):
    text = "\n".join(lines)
    doc = clean(RawDocument("p.txt", text, "text"))
    spans = sorted((s.start, s.end) for s in doc.segments)
    for (s1, e1), (s2, _) in zip(spans, spans[1:]):
        assert e1 <= s2, "segments overlap"
