"""Metadata stage: outlet, date at its honest precision, dateline, title, people."""

from __future__ import annotations

import pytest

from newsgraph.models import GivenMeta, RawDocument
from newsgraph.stages.clean import clean
from newsgraph.stages.metadata import extract_metadata, normalise_given_date

from .conftest import article_from_text


def _value(fact):
    return fact.value if fact else None


def test_metadata_seeds_outlet_and_date_equal_gold(seeds_gold, seed_articles):
    right = 0
    for doc in seeds_gold["documents"]:
        meta = seed_articles[doc["file"]].meta
        assert _value(meta.outlet) == doc["outlet"], doc["file"]
        assert _value(meta.published) == doc["date"], doc["file"]
        right += 2
    assert right == 10


def test_metadata_seeds_datelines_and_titles(seed_articles):
    meta = {name[:3]: a.meta for name, a in seed_articles.items()}
    assert _value(meta["000"].dateline) == "Moscow"
    assert _value(meta["002"].dateline) == "New York"
    assert _value(meta["003"].dateline) == "Moscow"
    assert _value(meta["004"].dateline) is None
    assert _value(meta["000"].title) == "What's next for US and Russia?"
    assert _value(meta["003"].title).startswith("Kremlin warns it’s naive")
    assert [f.value for f in meta["000"].contributors] == ["Bryony Jones", "Matt Wells"]


def test_metadata_seed_evidence_points_at_the_words(seed_articles):
    for article in seed_articles.values():
        for fact in (article.meta.outlet, article.meta.published, article.meta.dateline):
            if fact and fact.start is not None:
                evidence = article.doc.source_text[fact.start:fact.end]
                assert evidence, fact
                if fact.rule.endswith("dateline"):
                    assert evidence == fact.value or fact.value.casefold() in evidence.casefold()


@pytest.mark.parametrize("text, outlet, published, place", [
    ("Port strike widens\nVESTRA, March 3 (Meridian) - Dock workers struck again on Monday, union leaders said.",
     "Meridian", "--03-03", "Vestra"),
    ("Port strike widens\nVESTRA, March 3, 2024 (Meridian) - Dock workers struck again, union leaders said.",
     "Meridian", "2024-03-03", "Vestra"),
    ("Flood\nDRELL, Vestria, March 9 (Meridian) - Waters began to recede on Saturday, officials said.",
     "Meridian", "--03-09", "Drell"),
    ("Talks stall\nKALDOR CITY, March 4. /NordPost/. The two sides left without a deal, the ministry said.",
     "NordPost", "--03-04", "Kaldor City"),
    ("Talks stall\nPARIS (AFP) — The two sides left without a deal, the ministry said on Tuesday evening.",
     "Agence France-Presse", None, "PARIS".title()),
    ("Talks stall\nKALDOR CITY — The two sides left without a deal, the ministry said on Tuesday evening.",
     None, None, "Kaldor City"),
    # broadcasters' style, the dash left out: glued to the text, or with an outlet the page credits
    ("Talks stall\nKaldor City (AFP)The two sides left without a deal, the ministry said.",
     "Agence France-Presse", None, "Kaldor City"),
    ("Talks stall\nDrell, Vestria (Meridian) — The two sides left without a deal, the ministry said.",
     "Meridian", None, "Drell"),
    ("Talks stall\nDrell, Vestria (Meridian) The two sides left without a deal, the ministry said.\n"
     "Meridian's Karl Weber contributed to this report.", "Meridian", None, "Drell"),
])
def test_metadata_dateline_styles(text, outlet, published, place):
    meta = article_from_text(text).meta
    assert (_value(meta.outlet), _value(meta.published), _value(meta.dateline)) == (outlet, published, place)


def test_metadata_year_comes_from_copyright_line_not_clock():
    text = ("Talks stall\nVESTRA, March 3 (Meridian) - The two sides left without a deal, officials said.\n"
            "More talks are planned.\n© 2023 Meridian Wire")
    meta = article_from_text(text).meta
    assert _value(meta.published) == "2023-03-03"
    assert meta.published.rule.endswith("copyright_year") and meta.published.confidence < 0.9
    assert meta.date_precision == "day"


def test_metadata_conflicting_copyright_years_leave_year_unknown():
    text = ("Talks stall\nVESTRA, March 3 (Meridian) - The two sides left without a deal, officials said.\n"
            "© 2023 Meridian Wire\n© 2019 Harbour Ledger")
    assert _value(article_from_text(text).meta.published) == "--03-03"


def test_metadata_impossible_dateline_date_is_unknown():
    meta = article_from_text("Talks stall\nVESTRA, February 31 (Meridian) - Nothing moved, officials said.").meta
    assert meta.published is None and _value(meta.outlet) == "Meridian"


def test_metadata_place_outlet_dateline_uses_outlet_named_in_page_labels():
    text = ("Strike talks\n03:10 - Source: Harbour Ledger\nVestra Harbour Ledger —\n"
            "The minister said talks would resume on Monday.\nUnions agreed.")
    meta = article_from_text(text).meta
    assert (_value(meta.outlet), _value(meta.dateline)) == ("Harbour Ledger", "Vestra")


def test_metadata_bylines_reporting_and_published_line():
    text = ("Port strike spreads to Kaldor\nBy Anna Keller and Tom Reyes, Meridian Wire\nPublished: March 4, 2024\n"
            "KALDOR CITY, March 4. /NordPost/. Dock workers walked out on Monday, officials said.\n"
            "(Reporting by Anna Keller in Vestra and Lena Ortiz in Kaldor City; additional reporting by "
            "Jon Hale in Ostrel; Editing by Tom Reyes)\nIda Berg in Drell contributed to this report.")
    meta = article_from_text(text).meta
    assert [f.value for f in meta.authors] == ["Anna Keller", "Tom Reyes", "Lena Ortiz", "Jon Hale"]
    assert [f.value for f in meta.contributors] == ["Ida Berg"]
    assert _value(meta.published) == "2024-03-04" and meta.published.rule.endswith("published_line")


def test_metadata_given_fields_win_over_extracted():
    text = "Talks stall\nVESTRA, March 3 (Meridian) - The two sides left without a deal, officials said."
    given = GivenMeta(outlet="Vestra Today", published="2024-03-06T10:00:00Z", title="Given title", authors=("A B",))
    meta = extract_metadata(clean(RawDocument("x.jsonl#1", text, "text", given=given))).meta
    assert (meta.outlet.value, meta.published.value, meta.title.value) == ("Vestra Today", "2024-03-06", "Given title")
    assert meta.outlet.rule == "given" and [a.value for a in meta.authors] == ["A B"]


@pytest.mark.parametrize("given, expected", [
    ("2016-11-10", "2016-11-10"), ("2016-11-10T08:00:00+03:00", "2016-11-10"), ("2016-11", "2016-11"),
    ("2016", "2016"), ("--11-09", "--11-09"), ("10 November 2016", "2016-11-10"), ("November 2016", "2016-11"),
    ("2016-02-30", None), ("--02-30", None), ("yesterday-ish", None), ("November 10", None),
])
def test_metadata_given_dates_keep_their_precision(given, expected):
    assert normalise_given_date(given) == expected


def test_metadata_no_date_stated_means_none():
    meta = article_from_text("The port reopened on Thursday after talks, officials said.\nWork resumed.").meta
    assert meta.published is None and meta.date_precision is None and meta.outlet is None


def test_metadata_published_line_day_month_year():
    text = ("Flood cuts off town\nBy Clara Moen\nPublished 7 March 2024\n"
            "The northern town was cut off by road and rail on Thursday, officials said.\nRepairs will take weeks.")
    meta = article_from_text(text).meta
    assert (_value(meta.published), meta.date_precision) == ("2024-03-07", "day")


def test_metadata_published_line_with_clock_times_before_the_date():
    text = ("Central banker warns of lost decade\nBy Petra Lund, Meridian\nUpdated 0915 GMT (1715 HKT) June 3, 2025\n"
            "The governor said the country risked a lost decade, officials said.\nMarkets fell.")
    meta = article_from_text(text).meta
    assert (_value(meta.published), meta.date_precision) == ("2025-06-03", "day")


@pytest.mark.parametrize("line", ["© 2024 Harbour Ledger", "© Harbour Ledger 2024", "Copyright 2024 Harbour Ledger."])
def test_metadata_copyright_line_gives_year_and_outlet_when_nothing_else_does(line):
    text = ("Dockers dig in\nThe port stayed shut for a third day, union leaders said on Tuesday.\n"
            f"More talks are planned.\n{line}")
    meta = article_from_text(text).meta
    assert (_value(meta.published), meta.date_precision, _value(meta.outlet)) == ("2024", "year", "Harbour Ledger")
    assert meta.published.confidence <= 0.5


def test_metadata_site_header_names_the_carrier_of_a_syndicated_story():
    text = ("Kaldor Herald | Region\n\nGrain ship stuck as dockers strike\n\n"
            "VESTRA, March 3 (Meridian) - Dockworkers stopped work on Sunday, the union said.\nTalks stalled.")
    meta = article_from_text(text).meta
    assert (_value(meta.outlet), _value(meta.title), _value(meta.published)) == (
        "Kaldor Herald", "Grain ship stuck as dockers strike", "--03-03")


def test_metadata_headline_with_pipe_is_no_site_header():
    text = ("Dockers vow to fight on as automation row shuts the port | Harbour Ledger\n"
            "VESTRA, March 3 (Meridian) - Dockworkers stopped work on Sunday, the union said.\nTalks stalled.")
    assert _value(article_from_text(text).meta.outlet) == "Meridian"


def test_metadata_weekday_pins_year_inside_the_years_the_text_states():
    text = ("Talks stall\nVESTRA, March 3 (Meridian) - On Thursday, March 3, the two sides left without a deal, "
            "officials said. The dispute began in 2021.\nMore talks are planned.")
    meta = article_from_text(text).meta
    assert _value(meta.published) == "2022-03-03" and meta.published.rule.endswith("weekday_in_year_range")


def test_metadata_weekday_without_stated_years_pins_nothing():
    text = ("Talks stall\nVESTRA, March 3 (Meridian) - On Thursday, March 3, the two sides left without a deal, "
            "officials said.\nMore talks are planned.")
    assert _value(article_from_text(text).meta.published) == "--03-03"
