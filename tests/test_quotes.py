"""Quote attribution on the seeds, the example corpus, hand-made cases and arbitrary text."""

from __future__ import annotations

import importlib.util
import json
import re

import pytest
from hypothesis import given, settings as hyp_settings, strategies as st

from newsgraph.stages import nlp, quotes

from .conftest import EXAMPLES, SEEDS, ROOT

SCORER = ROOT.parent / "shared" / "benchmarks" / "score" / "score_gold.py"


def _scorer():
    if not SCORER.is_file():
        pytest.skip(f"scorer not found at {SCORER}: check out ../shared beside the project")
    spec = importlib.util.spec_from_file_location("score_gold", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def seeds_export(seeds_analysis):
    return seeds_analysis[1]


@pytest.fixture(scope="module")
def examples_export(examples_analysis):
    return examples_analysis[1]


def _figures(gold: dict, export: dict) -> dict:
    """found, speaker-right and precision as score_gold.py counts them; venues too."""
    score = _scorer()
    by_file = {export_source.split("/")[-1]: a for a in export["articles"]
               for export_source in [a["source"]]}
    found = right = predicted = hits = venue_n = venue_ok = 0
    for doc in gold["documents"]:
        preds = by_file[doc["file"]]["quotes"]
        predicted += len(preds)
        hits += sum(any(score.hit(q, (g["anchor_start"], g["anchor_end"]), g["anchor"]) for g in doc["quotes"])
                    for q in preds)
        for g in doc["quotes"]:
            matched = [q for q in preds if score.hit(q, (g["anchor_start"], g["anchor_end"]), g["anchor"])]
            found += bool(matched)
            right += any(score.speaker_ok(q["speaker"], g["speaker"], gold.get("entities", {})) for q in matched)
            if g["venue"]:
                venue_n += 1
                words = set(re.findall(r"\w+", g["venue"].lower()))
                venue_ok += any(q["venue"] and words & set(re.findall(r"\w+", q["venue"].lower())) for q in matched)
    total = sum(len(d["quotes"]) for d in gold["documents"])
    return {"total": total, "found": found, "right": right, "precision": hits / predicted,
            "venue": venue_ok / venue_n if venue_n else 1.0}


def test_quotes_seeds_meet_the_bars(seeds_gold, seeds_export):
    f = _figures(seeds_gold, seeds_export)
    assert f["total"] == 76 and f["found"] >= 73
    assert f["right"] / f["found"] >= 0.97
    assert f["precision"] >= 0.90
    assert f["venue"] == 1.0


def test_quotes_seeds_titles_and_scare_quotes_are_no_statements(seeds_gold, seeds_export):
    by_file = {a["source"].split("/")[-1]: a for a in seeds_export["articles"]}
    for doc in seeds_gold["documents"]:
        for phrase in doc["not_quotes"]:
            for q in by_file[doc["file"]]["quotes"]:
                assert q["text"].strip(" “”\".,") != phrase, (doc["file"], phrase)


def test_quotes_seeds_every_alias_list_is_one_entity(seeds_gold, seeds_export):
    entity_of = {}
    for entity in seeds_export["entities"]:
        for alias in entity["aliases"]:
            entity_of.setdefault(alias, set()).add(entity["id"])
    checked = 0
    for canonical, aliases in seeds_gold["entities"].items():
        ids = set().union(*(entity_of.get(a, set()) for a in aliases))
        if ids:
            assert len(ids) == 1, (canonical, ids)
            checked += 1
    assert checked >= 7


def test_quotes_seeds_offsets_slice_the_source(seeds_export):
    for article in seeds_export["articles"]:
        text = (SEEDS / article["source"].split("/")[-1]).read_text(encoding="utf-8")
        for q in article["quotes"]:
            assert text[q["start"]:q["end"]] == q["text"]
            if q["speaker_start"] is not None:
                assert 0 <= q["speaker_start"] < q["speaker_end"] <= len(text)
            assert q["rule"].startswith("newsgraph.quotes.rules.v1:") and 0 < q["confidence"] <= 1


def test_quotes_examples_meet_their_bars(examples_export):
    gold = json.loads((EXAMPLES / "gold.json").read_text(encoding="utf-8"))
    f = _figures(gold, examples_export)
    # The example corpus is harder than the seeds (nested quotes, British marks, many unnamed sources):
    # these floors pin what works today; raise them as attribution improves.
    assert f["found"] / f["total"] >= 0.96
    assert f["right"] / f["found"] >= 0.975
    assert f["precision"] >= 0.90
    assert f["venue"] >= 0.80


def test_quotes_examples_transliterations_merge_and_namesakes_stay_apart(examples_export):
    gold = json.loads((EXAMPLES / "gold.json").read_text(encoding="utf-8"))
    ids = {e["id"]: e for e in examples_export["entities"]}
    by_alias = {}
    for e in ids.values():
        for alias in e["aliases"]:
            by_alias.setdefault(alias, set()).add(e["id"])
    for canonical, aliases in gold["entities"].items():
        names = [a for a in aliases if a in by_alias and len(a.split()) >= 2 and a[0].isupper()]
        owners = set().union(*(by_alias[a] for a in names)) if names else set()
        assert len(owners) <= 1, (canonical, owners)


def _who_said_what(parse, text: str) -> list[tuple[str | None, str]]:
    """Each statement found in ``text`` as (speaker, words)."""
    return [(q.speaker, q.text) for q in quotes.extract_quotes(parse(text))]


@pytest.fixture(scope="module")
def parse():
    pipeline = nlp.load()
    return lambda text: pipeline(text)


@pytest.mark.parametrize("text, speaker, kind, venue", [
    ("“We will stay out until there is a real offer,” union leader Piet Arnesen told reporters.",
     "Piet Arnesen", "direct", "reporters"),
    ("Transport Minister Ilse Varga said the port would reopen on Monday.", "Ilse Varga", "indirect", None),
    ("Ilse Varga said on Tuesday that talks “remain open”.", "Ilse Varga", "mixed", None),
    ("The port authority said in a statement that three lines had diverted ships.", "port authority",
     "indirect", "statement"),
    ("Talks will resume next week, according to Ilse Varga.", "Ilse Varga", "indirect", None),
    ("Piet Arnesen said in an interview with NordPost that the strike would go on.", "Piet Arnesen",
     "indirect", "NordPost"),
    # whom an exclusive interview was given to is its venue
    ("“We will stay out,” union leader Piet Arnesen told NordPost in an exclusive interview.",
     "Piet Arnesen", "direct", "NordPost"),
    ("Talks will resume next week, according to Harbour Ledger data.", "Harbour Ledger", "indirect", "data"),
    # the venue is the document, not what the sentence goes on to say of it
    ("In a statement released Thursday evening, the port authority said three lines had diverted ships.",
     "port authority", "indirect", "statement"),
])
def test_quotes_hand_made_cases(parse, text, speaker, kind, venue):
    (q,) = quotes.extract_quotes(parse(text))
    assert speaker in (q.speaker or "") and q.kind == kind and q.venue == venue


@pytest.mark.parametrize(("text", "speaker"), [
    ("The corridor carried 9 million tonnes of grain, according to figures published by the Kalvi Port Authority.",
     "Kalvi Port Authority"),
    ("The crown fell 1.2% against the euro on Thursday, according to Meridian's market data.", "Meridian"),
    ("The crown fell 1.2% on Thursday, according to Harbour Ledger-Vestra Today data.",
     "Harbour Ledger-Vestra Today"),
    ("The crown fell 1.2% on Thursday, according to the April data.", "the April data"),  # a date makes nothing
    ("Some party figures said the vote would be close.", "some party figures"),  # people, no document
])
def test_quotes_figures_and_data_speak_for_who_made_them(parse, text, speaker):
    (q,) = quotes.extract_quotes(parse(text))
    assert q.speaker == speaker


@pytest.mark.parametrize("text", [
    "“We offered thirty percent. They said forty. We said thirty-two,” Dmitry Volkov told Meridian in a "
    "telephone interview.",
    "Story highlights\n\nOrlen's fisheries minister accuses Tessaly of stalling\n\n"
    "\"We will not be held hostage,\" Dmitry Volkov tells Meridian\n\nTalks are due to resume next week\n\n",
])
def test_quotes_a_name_the_recogniser_ran_into_its_verb_is_the_name(parse, text):
    """The recogniser takes "Dmitry Volkov told" for a title: the speaker is the name, not the
    title (nor the quotation the title's noun phrase ran back into)."""
    speakers = {q.speaker for q in quotes.extract_quotes(parse(text)) if "Volkov" in text[q.speaker_start:q.speaker_end]}
    assert speakers == {"Dmitry Volkov"}


def test_quotes_a_role_tagged_as_a_name_is_the_role(parse):
    """The recogniser may tag "Orlen minister" as a person: a name never ends in a role noun written
    small, so it is the role (here nobody the article names), not a person called "Orlen"."""
    headline = "Marsh Sea fishing deal 'within reach', says Orlen minister"
    (q,) = quotes.extract_quotes(parse(f"{headline}\n\nBy Hanne Sorel"), [(0, len(headline))])
    assert (q.speaker, q.speaker_kind) == ("Orlen minister", "unnamed")


@pytest.mark.parametrize("dateline", ["", "SENTRY, June 2 (Meridian) - "])
def test_quotes_the_head_of_a_named_company_speaks_not_the_company(parse, dateline):
    """"The head of state gas company Kaldgaz said": the parser gives the cue the company's name as a
    second subject (or a relative clause of its own); the name names the company, the head speaks,
    described in full."""
    text = f"{dateline}The head of Orlen's state gas company Kaldgaz said on Monday his firm would not pay more."
    (q,) = quotes.extract_quotes(parse(text))
    assert (q.speaker, q.speaker_kind) == ("the head of Orlen's state gas company", "unnamed")


def test_quotes_a_capitalised_role_before_a_name_is_no_part_of_it(parse):
    text = "Orlen is ready to resume the talks, Orlen Foreign Ministry Spokeswoman Dagmar Vesk told reporters."
    (q,) = quotes.extract_quotes(parse(text))
    assert (q.speaker, q.venue) == ("Dagmar Vesk", "reporters")


def test_quotes_pronoun_and_role_resolve_to_the_person_introduced(parse):
    text = ("Transport Minister Ilse Varga visited the harbour on Monday.\n\n"
            "“Nobody will lose their job,” she said.\n\n"
            "The minister added that the cranes would arrive in May.")
    found = quotes.extract_quotes(parse(text))
    assert [q.speaker for q in found] == ["Ilse Varga", "Ilse Varga"]
    assert found[0].rule.endswith("cue_clause") or found[0].rule.endswith("quote_cue")


def test_quotes_unnamed_source_is_never_forced_onto_a_named_person(parse):
    text = ("Transport Minister Ilse Varga visited the harbour on Monday.\n\n"
            "A senior official at the ministry said the cranes would arrive in May.")
    (q,) = quotes.extract_quotes(parse(text))
    assert q.speaker == "a senior official at the ministry" and q.speaker_kind == "unnamed"


@pytest.mark.parametrize("source", [
    "The official, who asked not to be named because he was not authorised to speak publicly, said",
    "The official, who spoke on condition of anonymity, said",
    "The official said on condition of anonymity",
])
def test_quotes_a_source_speaking_without_its_name_stays_unnamed(parse, source):
    """"asked not to be named", "on condition of anonymity": however many officials the article
    names, the role noun is an unnamed source."""
    text = ("Finance official Jonas Reiter said the governor was right.\n\n"
            f"{source} that the governor wanted to box the coalition in.")
    first, second = quotes.extract_quotes(parse(text))
    assert first.speaker == "Jonas Reiter"
    assert (second.speaker, second.speaker_kind) == ("the official", "unnamed")


@pytest.mark.parametrize(("headline", "lead_source", "speaker"), [
    ("", "A senior official", "Dmitri Volkov"),
    ("Fishing deal within reach, minister says\n\n", "A senior Orlen minister", "Dmitri Volkov"),
    ("", "Senior officials", "senior officials"),  # several people are never the one named next
])
def test_quotes_an_unnamed_source_in_the_lead_named_next_is_that_person(parse, headline, lead_source, speaker):
    """Cataphora: an unnamed source in the lead paragraph (below any headline), named in the next
    paragraph with that role, or as any official, is that person."""
    text = (f"{headline}KALVI (Reuters) - {lead_source} said on Wednesday a fishing deal with Tessaly was "
            "within reach.\n\nFisheries Minister Dmitri Volkov told reporters that negotiators had settled nine "
            "of the ten questions.")
    titles = [(0, len(headline.strip()))] if headline else []
    lead = next(q for q in quotes.extract_quotes(parse(text), titles) if q.text.startswith("a fishing deal"))
    assert lead.speaker == speaker


def test_quotes_split_quote_is_one_statement_in_two_parts(parse):
    text = "“We want it in writing,” Halden said. “A promise is not enough.”"
    (q,) = quotes.extract_quotes(parse(text))
    assert len(q.parts) == 2 and q.text.startswith("We want") and q.text.endswith("not enough.")


def test_quotes_a_quotation_signed_by_its_own_cue_opens_a_new_statement(parse):
    """“A,” he told them. “B,” he said, … “C.”: B has an attribution of its own, so B and C make the
    second statement; B is not the second part of A's."""
    text = ("Oskar Brenn spoke of the early years. “When we met, we fell in love,” he told the crowd. “I thought "
            "she was the most able person in the room,” he said, as he traced her career. “She had never held an "
            "office, but every board she sat on did better.”")
    found = quotes.extract_quotes(parse(text))
    assert [(q.text[:12], q.text[-12:], len(q.parts or [None])) for q in found] == [
        ("When we met,", "ell in love,", 1), ("I thought sh", " did better.", 2)]


def test_quotes_a_participle_read_as_the_cues_subject_gives_its_own_subject(parse):
    """"Voters … going to the polls on Tuesday said …": the parser reads "going" as a gerund subject
    of the cue and the voters as its subject; they are the speaker."""
    text = ("Large majorities of primary voters in six states going to the polls on Tuesday said they support a "
            "ban on cruise ships.")
    assert _who_said_what(parse, text) == [("large majorities of primary voters in six states",
                                           "they support a ban on cruise ships")]


def test_quotes_a_second_cue_in_a_that_clause_hung_on_a_noun_keeps_the_first_speaker(parse):
    """"said in a statement that the stoppage was costing … and called for “…”": the parser hangs the
    that-clause on "statement" and "called" on its verb; the stoppage calls for nothing."""
    text = ("The Vestrian Chamber of Commerce said in a statement that the stoppage was costing exporters an "
            "estimated 12 million crowns a day and called for “a deal before the weekend, not after it.”")
    found = quotes.extract_quotes(parse(text))
    assert {q.speaker for q in found} == {"Vestrian Chamber of Commerce"}
    assert "a deal before the weekend, not after it." in [q.text for q in found]


@pytest.mark.parametrize("opening, closing", [("“", "”"), ("''", "''")])
def test_quotes_quote_over_two_paragraphs_is_one_statement(parse, opening, closing):
    """An opening mark left open at a paragraph's end goes on where the next paragraph reopens it,
    with curly marks and with the typewriter pair some papers print."""
    text = (f"{opening}We loaded every ship in this harbour for a hundred years. Nobody asked us.\n\n"
            f"{opening}Nobody asked us before they ordered the cranes,{closing} Marek Halden said.")
    (q,) = quotes.extract_quotes(parse(text))
    assert q.speaker == "Marek Halden" and "hundred years" in q.text and "ordered the cranes" in q.text


def test_quotes_british_single_marks_and_apostrophes(parse):
    text = "‘The dockers’ fears are real, and we don’t dismiss them,’ Varga told the Ledger."
    (q,) = quotes.extract_quotes(parse(text))
    assert q.text.startswith("The dockers’ fears") and q.text.endswith("dismiss them,") and q.speaker == "Varga"


def test_quotes_typed_single_marks_in_plain_text(parse):
    """Plain-text copy types one mark for both sides: 'We will …,' he said is a quotation in two
    parts; "don't", "O'Brien", "the '90s" and "In 't Veld" are no marks."""
    text = ("'We are not there yet, but we can see the shore from here,' Volkov said. "
            "'Both sides want their boats back at sea.'")
    (q,) = quotes.extract_quotes(parse(text))
    assert (q.speaker, q.kind) == ("Volkov", "direct")
    assert q.text.startswith("We are not there yet") and q.text.endswith("back at sea.") and len(q.parts) == 2
    text = "In 't Veld grew up in the '90s and doesn't like O'Brien's plan for the harbour, Volkov said."
    (q,) = quotes.extract_quotes(parse(text))
    assert q.kind == "indirect" and q.text.startswith("In 't Veld")


def test_quotes_a_charge_someone_denied_is_no_speaker(parse):
    """"…, a charge Tessaly denied": the parser reads the charge as the subject of "denied" and the
    sentence before as what it denied; the charge never speaks, the accusation is Orlen's."""
    text = ("The talks broke down in March after Orlen accused Tessalian trawlers of fishing inside its "
            "waters, a charge Tessaly denied.")
    assert _who_said_what(parse, text) == [("Orlen", "Tessalian trawlers of fishing inside its waters")]


@pytest.mark.parametrize(("text", "said"), [
    ("Reynolds says that's what the new port authority is for.", "that's what the new port authority is for"),
    ("Asked about charges, Anna Lind said that was a matter for prosecutors.", "that was a matter for prosecutors"),
    ("Anna Lind said that the failures were systemic.", "the failures were systemic"),
])
def test_quotes_that_as_a_pronoun_stays(parse, text, said):
    """The complementizer "that" is left out of what was said; the pronoun "that" is part of it."""
    assert [q.text for q in quotes.extract_quotes(parse(text))] == [said]


def test_quotes_titles_and_scare_quotes_are_left_out(parse):
    text = ("The union will screen the documentary “Harbour of Ashes” on Friday. "
            "Halden referred to the ministry’s ill-fated attempt to “modernise” the port.")
    assert quotes.extract_quotes(parse(text)) == []


def test_quotes_said_on_resolves_weekday_against_article_date(parse):
    (q,) = quotes.extract_quotes(parse("Ilse Varga said on Thursday that the port would reopen."))
    assert q.said_when == "on Thursday"
    assert quotes.with_said_on(q, "2024-03-09").said_on == "2024-03-07"
    assert quotes.with_said_on(q, "--03-09").said_on is None
    assert quotes.with_said_on(q, "2024-03-07").said_on == "2024-03-07"  # Thursday's paper: that day


def test_quotes_said_when_found_on_the_verb_the_cue_is_conjoined_with(parse):
    text = ("Twelve months ago Marta Ilves stood at the harbour gates and promised that "
            "the dockers would never work beside the new cranes.")
    (q,) = quotes.extract_quotes(parse(text))
    assert q.said_when == "Twelve months ago"
    assert quotes.with_said_on(q, "2025-03-05").said_on == "2024-03-05"


WORDS = st.sampled_from(["“", "”", '"', "‘", "’", "'", "''", " said", " he", " she", " Varga", " told", " reporters",
                         ",", ".", "\n", "\n\n", " the", " minister", " according to", " that", " port", " X",
                         ":", " :", " - ", "\n\n- ", "—", " (R-Ostrel)", " agreed", " but", " claiming", " who", " 44,",
                         " Absolutely", " Lenz"])


@given(st.lists(WORDS, max_size=60).map("".join))
@hyp_settings(max_examples=80, deadline=None)
def test_quotes_property_spans_inside_text_and_never_raises(text):
    doc = nlp.load()(text)
    found, people = quotes.attribute(doc)
    for q in found:
        assert 0 <= q.start <= q.end <= len(text) and text[q.start:q.end] == q.text
        for start, end in q.parts:
            assert q.start <= start <= end <= q.end
        if q.speaker_start is not None:
            assert 0 <= q.speaker_start <= q.speaker_end <= len(text)
    for person in people:
        assert 0 <= person.start <= person.end <= len(text)


@given(st.text(max_size=300))
@hyp_settings(max_examples=60, deadline=None)
def test_quotes_property_arbitrary_text_never_raises(text):
    quotes.attribute(nlp.load()(text))


def test_quotes_the_official_and_she_go_back_to_the_unnamed_source(parse):
    text = ("Transport Minister Ilse Varga toured the harbour on Monday.\n\n"
            "A senior official at the ministry said the cranes would arrive in May. "
            "“A law is a blunt instrument,” the official said.\n\n"
            "A government spokeswoman said talks would resume. She said the minister would attend.\n\n"
            "Aides said Varga was in the north of the country.")
    speakers = [q.speaker for q in quotes.extract_quotes(parse(text))]
    assert speakers == ["a senior official at the ministry", "a senior official at the ministry",
                        "a government spokeswoman", "a government spokeswoman", "Aides"]


def test_quotes_coordinated_cues_and_split_clauses(parse):
    text = ("In an interview, Alexei Dorin said the dispute was about money and denied any link to the strike.\n\n"
            "Ilse Varga told reporters that repairs to the bridge would cost 45 million crowns, "
            "and that the line would reopen in April.")
    found = quotes.extract_quotes(parse(text))
    assert [(q.speaker, q.text) for q in found][:2] == [
        ("Alexei Dorin", "the dispute was about money"), ("Alexei Dorin", "any link to the strike")]
    assert found[2].speaker == "Ilse Varga" and found[2].text.endswith("would reopen in April")


@pytest.mark.parametrize("text, expected", [
    # a colon after the cue: the quotation is what was said, not the clause before it
    ("Ships will probably wait another week at anchor, Halden said: “I feel the owners are losing patience.”",
     [("Marek Halden", "I feel the owners are losing patience.", "direct")]),
    # NYT's doubled marks after a comma
    ("Lamenting the weather, the dockers often say, ''A grey sky never unloaded a ship.''",
     [("dockers", "A grey sky never unloaded a ship.", "direct")]),
    # a name the tagger took for a verb stands between the quotation and the cue
    ("“We will finish the levee by winter,” Drell mayor Hanna Oberlin said Monday.",
     [("Hanna Oberlin", "We will finish the levee by winter,", "direct")]),
    # a split quotation is judged direct on its parts, whatever stands between them
    ("“A promise is a promise,” Mr. Halden said, “and we keep ours.”",
     [("Mr. Halden", None, "direct")]),
])
def test_quotes_quotation_after_its_cue(parse, text, expected):
    found = quotes.extract_quotes(parse(text))
    assert len(found) == len(expected)
    for q, (speaker, words, kind) in zip(found, expected):
        assert speaker.split()[-1] in (q.speaker or "") and q.kind == kind
        assert words is None or q.text == words


def test_quotes_a_second_cue_opens_a_statement_of_its_own(parse):
    text = ("“The talks are over,” Halden said, asking the minister: “Will you put the guarantee into law?”")
    found = quotes.extract_quotes(parse(text))
    assert [q.text for q in found] == ["The talks are over,", "Will you put the guarantee into law?"]
    assert all("Halden" in (q.speaker or "") for q in found)


def test_quotes_a_finished_quotation_is_not_the_first_part_of_the_next(parse):
    text = ("So I gave the crew another answer: “The cranes were only a joke.” "
            "To which the foreman replied, “Then stop joking about them.”")
    found = quotes.extract_quotes(parse(text))
    last = found[-1]
    assert last.text == "Then stop joking about them." and not last.parts


def test_quotes_parenthetical_cue_takes_the_sentence_around_it(parse):
    text = "Strikes at the port, Mr. Halden said, are the dockers' only defence against the cranes."
    (q,) = quotes.extract_quotes(parse(text))
    assert q.speaker == "Mr. Halden" and q.text.startswith("Strikes at the port") and q.kind == "indirect"


@pytest.mark.parametrize("text, speaker", [
    ("To understand the real harbour, harbour master Anton Rask said, one should visit this museum.", "Anton Rask"),
    ("At times last year, people close to the mayor said, the mere mention of Mrs. Lind's name could make "
     "him fume.", "people close to the mayor"),
])
def test_quotes_parenthetical_cue_after_an_opening_phrase_the_parser_hung_on_it(parse, text, speaker):
    """The parser hangs the sentence's opening phrase on the cue set off by commas; the cue's own
    phrase still starts with its subject, and the sentence around it is what was said."""
    (q,) = quotes.extract_quotes(parse(text))
    assert (q.speaker, q.text) == (speaker, text[:-1])


def test_quotes_closing_cue_with_a_second_subject_the_parser_gave_it(parse):
    """"…, if bogus, ideas and theories to organize …, she said": the parser hangs a subject of the
    sentence on the closing cue too; the nearer subject speaks, and the sentence before it is said."""
    text = ("Mira Lind runs the archive. The archive has also made it possible for people with like-minded, "
            "if bogus, ideas and theories to organize into clubs and reach others, she said.")
    found = quotes.extract_quotes(parse(text))
    assert [(q.speaker, q.text) for q in found] == [("Mira Lind", text[28:-11])]


@pytest.mark.parametrize("text, said", [
    ("Halden said on Tuesday that he would end the levy — a promise he has made twice before.",
     "he would end the levy"),
    # a dash inside a quotation is the speaker's own
    ("Halden said the levy was “a mistake — a costly mistake” for the port.",
     "the levy was “a mistake — a costly mistake” for the port"),
    # a dash pair around an aside leaves the clause whole
    ("Halden said the levy — a tax on bread — would end in May.", "the levy — a tax on bread — would end in May"),
    # a comma does the same before a noun that names the words
    ("Halden complained that the count had been “rigged” against him, a charge that party leaders denied.",
     "the count had been “rigged” against him"),
    # a dash that says more about a thing named is part of what was said
    ("Halden said the guards were looking for another man — a sailor with a warrant.",
     "the guards were looking for another man — a sailor with a warrant"),
])
def test_quotes_writers_aside_after_a_dash_or_comma_is_not_said(parse, text, said):
    (q,) = quotes.extract_quotes(parse(text))
    assert (q.speaker, q.text) == ("Halden", said)


def test_quotes_an_inverted_closing_cue_says_the_sentence_before_it(parse):
    """"…, said the company's chief executive, Anton Rask.": the cue before its subject closes the
    sentence as "…, Rask said." does."""
    text = ("The big steel plant is hanging on, but it is under intense pressure from imports, said the company's "
            "chief executive, Anton Rask.")
    assert [(q.speaker, q.text) for q in quotes.extract_quotes(parse(text))] == [
        ("Anton Rask", "The big steel plant is hanging on, but it is under intense pressure from imports")]


def test_quotes_a_cue_with_an_object_of_its_own_is_no_parenthesis(parse):
    """"Early in his campaign, Lind attacked Halden, calling him …": the cue says what it says
    itself, so the sentence around it is not its content."""
    text = "Early in his campaign, Lind attacked Halden, calling him, among other things, “a failed candidate.”"
    assert [q.text for q in quotes.extract_quotes(parse(text))] == ["Halden", "a failed candidate."]


@pytest.mark.parametrize("text, said", [
    ("As Lind told reporters, the council is failing its tenants.",
     [("Lind", "the council is failing its tenants")]),
    ("The council is “failing” its tenants, as Ms. Lind put it.",
     [("Ms. Lind", "The council is “failing” its tenants")]),
    ("Just a week ago, as the Courier reported, Wren and Tarn were discussing a merger.",
     [("Courier", "Just a week ago, as the Courier reported, Wren and Tarn were discussing a merger")]),
    # an "as" clause of time or degree vouches for nothing
    ("As Lind spoke, the crowd left the hall.", []),
    ("As soon as Lind said it, the crowd left the hall.", []),
    ("As he welcomed the guests, Tarn was also launching his bid for the seat.", []),
])
def test_quotes_as_clause_vouches_for_the_clause_it_hangs_on(parse, text, said):
    assert _who_said_what(parse, text) == said


@pytest.mark.parametrize("text, speaker, words", [
    ("The levy would make the code harder to read. Said Oberlin: “Nobody in Drell will pay it twice.”",
     "Oberlin", "Nobody in Drell will pay it twice."),
    ("As the senator put it, “nobody reads the small print until the bill arrives.”",
     "the senator", "nobody reads the small print until the bill arrives."),
    ("“We have waited long enough,” Halden, the union chairman, said Thursday morning.",
     "Halden", "We have waited long enough,"),
])
def test_quotes_less_common_cues(parse, text, speaker, words):
    (q,) = quotes.extract_quotes(parse(text))
    assert q.speaker == speaker and q.text == words and q.kind == "direct"


@pytest.mark.parametrize("text, venue", [
    # the second cue hangs on the reported clause; the venue is the first cue's
    ("In a telephone interview with Meridian, Dorin said the dispute was about money and denied any link to the strike.",
     "Meridian"),
    # the audience is named in a clause on the speaker
    ("Prime Minister Adela Marn, speaking to reporters as she arrived, said her government would pay what it owes.",
     "reporters"),
])
def test_quotes_venue_found_beyond_the_cue(parse, text, venue):
    found = quotes.extract_quotes(parse(text))
    assert found and found[-1].venue == venue


def test_quotes_a_follow_up_with_the_same_verb_keeps_the_venue(parse):
    text = ("The Civil Protection Agency said in a statement that 640 people had been moved to shelters.\n\n"
            "It said the river had risen by almost two metres in a day.")
    found = quotes.extract_quotes(parse(text))
    assert [q.venue for q in found] == ["statement", "statement"]


def test_quotes_an_interview_piece_names_its_outlet_once(parse):
    text = ("On Monday evening the transport minister, Ilse Varga, sat down with Vestra Today in her office.\n\n"
            "“I don’t blame the dockers for being afraid,” she said.")
    (q,) = quotes.extract_quotes(parse(text))
    assert q.speaker == "Ilse Varga" and q.venue == "Vestra Today"


def test_quotes_headline_audience_is_the_venue(parse):
    (q,) = quotes.extract_quotes(parse("Wren tells rally government has lost control of port and pipeline"))
    assert q.venue == "rally" and q.text.startswith("government has lost")


def test_quotes_closing_cue_hung_on_the_content(parse):
    text = ("Kaldor expects the Vestrian government to guarantee the passage of Kaldoran transit cargo through the "
            "Port of Vestra regardless of the strike by dockworkers there, Deputy Foreign Minister Aleksei Dorin "
            "told reporters on Tuesday.")
    (q,) = quotes.extract_quotes(parse(text))
    assert q.speaker == "Aleksei Dorin" and q.text.startswith("Kaldor expects") and q.venue == "reporters"


@pytest.mark.parametrize("text, first, last", [
    # a keyboard's straight mark closes a curly one, and the other way round
    ("“Our quays and cranes are rusting,\" Varga said. \"Families endure blackouts every winter.”",
     "Our quays and cranes", "every winter."),
    # NYT marks, and an attribution whose apposition the segmenter cut off after a comma
    ("''People tell me that every week, and I see why,'' said Marek Halden, a docker who flew to Kaldor with "
     "the families of the crew, another union man. ''Shipping is a rough trade, and we have to live with it.''",
     "People tell me that", "live with it."),
])
def test_quotes_split_statement_across_mixed_marks_and_long_attributions(parse, first, last, text):
    (q,) = quotes.extract_quotes(parse(text))
    assert q.text.startswith(first) and q.text.endswith(last) and len(q.parts) == 2 and q.kind == "direct"


@pytest.mark.parametrize("text, words", [
    # a stray space before the closing mark
    ("\"I think the harbour board should be ashamed of itself. It is a disgrace, \" Varga said.",
     "I think the harbour board should be ashamed of itself. It is a disgrace,"),
    # a quotation inside a quotation, both closing at once: ,' " and NYT's ,'''
    ("\"Watch a crane on the quay, its cables snapping while someone says, 'We have to keep it running,' \" "
     "said Ilse Varga during the debate.", "Watch a crane on the quay"),
    ("''I think most dockers will not be satisfied with 'We will fix the cranes later,''' said Senator "
     "Marek Halden of Ostrel, referring to the board's promise.", "I think most dockers"),
])
def test_quotes_closing_marks_that_stand_apart_or_together(parse, text, words):
    """A closing mark after a stray space, or right after a closing single mark, still closes the
    quotation, and the cue after it attributes the words."""
    (q,) = quotes.extract_quotes(parse(text))
    assert q.text.startswith(words) and q.kind == "direct"
    assert q.speaker in ("Varga", "Ilse Varga", "Marek Halden")


def test_quotes_nyt_marks_before_an_inverted_cue_whose_name_the_parser_gives_away(parse):
    """''…,'' said X, who …: the typewriter pair closes the quotation as ” does, so the name after
    the inverted cue speaks even when the parser made it the subject of the relative clause."""
    text = ("''She needs one or two big ideas that are proportionate to the scale of the problems the port is "
            "facing,'' said Anton Rask, who served as harbour secretary during Mayor Varga's first term yet "
            "endorsed Mira Lind in the primary. ''Her instinct is to be cautious.''")
    direct = [q for q in quotes.extract_quotes(parse(text)) if q.kind == "direct"]
    assert [(q.speaker, len(q.parts)) for q in direct] == [("Anton Rask", 2)]
    assert direct[0].text.startswith("She needs") and direct[0].text.endswith("to be cautious.")


def test_quotes_nyt_marks_open_a_paragraph_that_carries_on_the_speaker(parse):
    """A paragraph opened by '' is a unit of its own, as one opened by “ is: a bare quotation there
    goes on with the previous speaker."""
    text = ("The board met on Tuesday.\n\n''We knew the quay would flood,'' Ms. Lind said. ''Nobody listened.''"
            "\n\n''It was a long winter for all of us.''\n\nThe port reopened in May.")
    found = [(q.speaker, q.text) for q in quotes.extract_quotes(parse(text))]
    assert ("Ms. Lind", "It was a long winter for all of us.") in found


@pytest.mark.parametrize("attribution, speaker", [("added Halden.", "Halden"), ("Skelly said.", "Skelly")])
def test_quotes_a_no_break_space_after_the_closing_mark(parse, attribution, speaker):
    """Web copy often puts a no-break space between the closing mark and the cue; spaCy makes it a
    token of its own, which must not hide the mark from the cue."""
    text = ("“If anyone wonders why the inquiry is not yet complete, the report is Exhibit A,”\u00a0"
            + attribution)
    assert [(q.speaker, q.kind) for q in quotes.extract_quotes(parse(text))] == [(speaker, "direct")]


def test_quotes_an_inverted_cue_keeps_its_name_when_the_parser_gives_it_away(parse):
    """"“…,” said retired neurosurgeon Ben Caird, asked about …": the parser makes the name the
    subject of "asked"; the words up to the comma are still the name of who said it."""
    text = ("\"I'm not going to say it is a mistake, so forget about it,\" said retired neurosurgeon Ben Caird, "
            "asked about his claims that he had received a scholarship offer from the naval academy.")
    assert [q.speaker for q in quotes.extract_quotes(parse(text)) if q.kind == "direct"] == ["Ben Caird"]


@pytest.mark.parametrize("text, source, claim", [
    # the sentence runs on after the source: the clause before it is the claim
    ("The top 1 percent would see their incomes go up by as much as 19.9 percent, according to the "
     "conservative-leaning Vestra Tax Foundation, more than twice what it projected for the middle of the scale.",
     "Vestra Tax Foundation", "The top 1 percent would see their incomes go up by as much as 19.9 percent"),
    # "According" read as the sentence's main verb, its phrase in pieces
    ("According to conservative talk radio host Anton Rask, the move reeks of “fear” and desperation.",
     "Anton Rask", "the move reeks of “fear” and desperation"),
    ("The plan, according to the Courier, would cost the port two million crowns a year.",
     "Courier", "would cost the port two million crowns a year"),
])
def test_quotes_according_to_vouches_for_the_clause_it_stands_by(parse, text, source, claim):
    found = [(q.speaker, q.text) for q in quotes.extract_quotes(parse(text)) if q.rule.endswith("according_to")]
    assert found == [(source, claim)]


def test_quotes_according_to_a_transcript_is_not_a_statement_of_the_cue(parse):
    """"“…?” Halden asked, according to a transcript": "Halden asked" is no statement of the
    transcript's."""
    text = ("\"And it is really a very general debate about the port. Well, what does that mean? \" Halden asked, "
            "according to a transcript of the interview.")
    assert [q.rule.split(":")[-1] for q in quotes.extract_quotes(parse(text))] == ["quote_cue"]


@pytest.mark.parametrize("text, words", [
    ("As reported by the Courier, the council has cut the housing budget by a third.",
     "the council has cut the housing budget by a third"),
    ("The council has cut the housing budget by a third, as first reported by the Courier on Tuesday.",
     "The council has cut the housing budget by a third"),
])
def test_quotes_as_reported_by_names_the_source_of_the_sentence(parse, text, words):
    (q,) = quotes.extract_quotes(parse(text))
    assert (q.speaker, q.text, q.rule.split(":")[-1]) == ("Courier", words, "as_reported_by")


@pytest.mark.parametrize("text, words, speaker", [
    ("Lenz repeated her view on Sunday. \"Absolutely,\" she said when asked whether the port would close.",
     "Absolutely,", "Lenz"),
    ("Asked whether he would fire the pilot, Harbour Master Anton Rask said, \"Probably.\"", "Probably.", "Anton Rask"),
    # one quoted word inside a sentence is a label, whoever said the sentence
    ("The port's relations with Ostrel went through a \"reset,\" said Anna Berg, in a speech.", None, None),
])
def test_quotes_a_one_word_reply_beside_its_cue_is_a_statement(parse, text, words, speaker):
    """“Absolutely,” she said: one word quoted whole as a sentence of its own, with a cue beside it."""
    found = [q for q in quotes.extract_quotes(parse(text)) if q.kind == "direct"]
    assert [(q.text, q.speaker) for q in found] == ([(words, speaker)] if words else [])


@pytest.mark.parametrize("text, speaker", [
    ("Varga: \"Our aim is not to slow the strike but to end it.\" Halden: \"The aim is to end it, not to slow it.\"",
     "Halden"),
    ("That was the board's figure.\n\nSen. Marek Halden (D-Ostrel): \"I have not heard anyone else cite that figure. "
     "Who told you that?\"", "Marek Halden"),
])
def test_quotes_a_name_and_a_colon_after_a_sentence_or_with_a_party_label(parse, text, speaker):
    """"… it.” Halden: “…”" and "Sen. Marek Halden (D-Ostrel): “…”": the name before the colon speaks."""
    found = quotes.extract_quotes(parse(text))
    assert found[-1].speaker == speaker and found[-1].rule.endswith("colon_name")


@pytest.mark.parametrize("signature, speaker", [
    ("- Ilse Varga.", "Ilse Varga"),
    ("-Mayor Varga, speaking after the vote.", "Varga"),
    # a bullet that goes on to say something is no signature
    ("- The council voted on Friday to keep the harbour fund open for another year.", None),
])
def test_quotes_a_signature_on_the_next_line_names_the_speaker(parse, signature, speaker):
    """A quotation set alone in its paragraph and signed on the next line with a hyphen and a name."""
    text = ("The council met on Friday.\n\n\"Americans are worried about the future of their ports, and the money "
            f"goes elsewhere.\"\n\n{signature}\n\nThe figures are old.")
    found = [q for q in quotes.extract_quotes(parse(text)) if q.text.startswith("Americans")]
    assert [q.speaker for q in found] == ([speaker] if speaker else [])


@pytest.mark.parametrize("text, words, speaker", [
    ("Ostrel has 31 endorsements on the board. Lenz, meanwhile, who sits at zero such endorsements, said that "
     "fact speaks volumes about which of the two candidates is \"prepared to take on the board.\"",
     "fact speaks volumes", "Lenz"),
    ("One docker, who like others spoke on the condition of anonymity to discuss the private meeting, said the "
     "message was that \"this is not going to be over in May as much as we would all like it to be.\"",
     "the message was that", "one docker"),
])
def test_quotes_a_relative_clause_the_parser_took_for_the_content(parse, text, words, speaker):
    """"Lenz, who sits at zero endorsements, said that …": the parser made the relative clause the
    cue's content and left the cue without a subject; the noun before "who" speaks, and what was
    said is the clause after the cue."""
    found = quotes.extract_quotes(parse(text))
    assert [(q.text[:len(words)], q.speaker) for q in found] == [(words, speaker)]


@pytest.mark.parametrize("text, ending", [
    ("Halden said he had received offers for the boat, but “the offers were to use the boat in a fashion I did "
     "not feel comfortable with.”", "did not feel comfortable with.”"),
    ("Lenz said she wanted to speak “directly to the dockers” and let them know that “this is not who we are.”",
     "this is not who we are.”"),
    ("Lenz said some of the harbour buzz was artificially nourished, a tribute to “the consummate politician "
     "that Varga is.”", "that Varga is.”"),
    # the rest of the sentence is someone else's, or unquoted: the statement stops where its clause does
    ("Lenz said the port would close on Friday, but the union disagreed.", "close on Friday"),
])
def test_quotes_a_statement_runs_on_into_the_speakers_quoted_words(parse, text, ending):
    """"said X, but “Y.”", "said X, a tribute to “Y.”": the rest of the sentence goes on with
    the speaker's quoted words, wherever the parser hung it, so the statement runs to the
    sentence's end (not past a colon, which opens a quotation of its own)."""
    (q,) = quotes.extract_quotes(parse(text))
    assert q.text.endswith(ending)


def test_quotes_a_participle_after_the_quoted_words_is_a_statement_of_its_own(parse):
    """"Varga said she has “expanded the party,” claiming that …": the participle after the
    quotation says something more, hers too; it is no part of the first statement."""
    text = ("Varga said she has “expanded the harbour party,” claiming that she is responsible for higher "
            "turnout in the port towns.")
    assert [(q.text, q.speaker) for q in quotes.extract_quotes(parse(text))] == [
        ("she has “expanded the harbour party,”", "Varga"),
        ("she is responsible for higher turnout in the port towns", "Varga")]


@pytest.mark.parametrize("text, words, speaker", [
    # two cues tangled by the parser, each inside the other's content: the first stands
    ("Mr. Halden, 69, said he had been flooded with angry mail, some of it mentioning Ms. Varga by name.",
     "he had been flooded with angry mail", "Mr. Halden"),
    # the writer's sentence before a colon or a dash is no part of what the poll's voters said
    ("The union polled its members online ahead of the vote: 1,409 dockers said they wanted to back Varga.",
     "they wanted to back Varga", "1,409 dockers"),
    # a name the parser left stranded before its cue, with an age or a long apposition
    ("As part of his plea, Marek Lehel Halden, 44, said that he cheated nearly 100 dockers from his home abroad.",
     "he cheated nearly 100 dockers", "Marek Lehel Halden"),
    # a gerund for the reported clause's subject
    ("The levy passed in 2008. Halden said legalizing it could put thousands of people to work in the port.",
     "legalizing it could put thousands", "Halden"),
])
def test_quotes_reported_clauses_the_parser_tangles(parse, text, words, speaker):
    found = quotes.extract_quotes(parse(text))
    assert [(q.text[:len(words)], q.speaker) for q in found] == [(words, speaker)]


def test_quotes_a_space_before_the_colon_of_a_quotation_does_not_break_extraction(parse):
    """"The menu on the port :“…”": nothing but a space stands before the colon (it used to raise)."""
    text = "The menu on the port :“Fresh herring and smoked eel and bread today.”"
    assert all(text[q.start:q.end] == q.text for q in quotes.extract_quotes(parse(text)))


def test_quotes_a_spot_that_concludes_with_footage_says_nothing(parse):
    """"The spot concludes with footage of Lenz saying, “…”": the spot ends; Lenz speaks."""
    text = "The spot concludes with footage of Lenz saying during the debate last week, “That makes me smart,” to cheers."
    assert _who_said_what(parse, text) == [("Lenz", "That makes me smart,")]


def test_quotes_a_participle_hung_on_a_verb_inside_a_quotation_speaks_with_the_sentence(parse):
    """"Varga settled the matter, treating it as praise -- “…” -- and, when pressed, asserting, “…”":
    the parser hangs "asserting" on the verb inside the first quotation; the sentence's subject,
    outside the quotation marks, is who asserts."""
    text = ("Mayor Ilse Varga settled the matter, treating Mr. Lenz's remark first as praise -- ''That makes me "
            "smart'' -- and, when questioned after the debate, asserting, ''Of course, I pay the harbour levy.''")
    found = [q for q in quotes.extract_quotes(parse(text)) if q.text.startswith("Of course")]
    assert [q.speaker for q in found] == ["Ilse Varga"]


def test_quotes_a_participle_hung_on_a_relative_clause_borrows_no_speaker(parse):
    """Who says "saying …" here is a guess (the parser hangs it on "who said"): never "who", never the builder."""
    text = ("Halden bristled again when pressed about the unpaid bill of a roofer who said he was short-changed "
            "after he fixed the roof of one of the union's depots, saying, “Perhaps the work was poor, "
            "and I never liked the finish.”")
    found = quotes.extract_quotes(parse(text))
    maybe = [q for q in found if q.text.startswith("Perhaps")]
    assert all(q.speaker not in ("who", "a roofer") for q in maybe)


@pytest.mark.parametrize("text, speaker", [
    ("Both leaders reject the word pause. Varga: “We will not pause the strike; we will settle it.”",
     "Varga"),
    ("Turnout rose in every district - more from Anna Berg: “Samples with careful weighting did best this year.”",
     "Anna Berg"),
    # the name is not all there is before the colon: who speaks is not said
    ("Marta Lenz had a sharp word for Halden: “Stop blaming the crews you once led for your own mistakes.”",
     None),
])
def test_quotes_a_name_and_a_colon_introduce_a_quotation(parse, text, speaker):
    found = [q for q in quotes.extract_quotes(parse(text)) if q.rule.endswith("colon_name")]
    assert [speaker.split()[-1] in (q.speaker or "") for q in found] == ([True] if speaker else [])


@pytest.mark.parametrize("text, speaker, words", [
    ("When the minister thanked the dockers, a man yelled “Stay home!” and walked out.", "a man", "Stay home!"),
    ("Marta Lenz ended the roll call of ports by saying “Never again.”", "Marta Lenz", "Never again."),
    ("Marta Lenz took the stage at midnight. She declared “Such a Fine Harbour!”", "Marta Lenz", "Such a Fine Harbour!"),
])
def test_quotes_short_utterances_right_after_their_cue(parse, text, speaker, words):
    found = [q for q in quotes.extract_quotes(parse(text)) if q.text == words]
    assert [q.speaker for q in found] == [speaker]


@pytest.mark.parametrize("text", [
    "“We will keep going,” Varga said on Vestra One’s “Morning Hour.”",
    "Halden called the levy “daylight robbery” last week.",
    "So says a narrator at the close of the film “Farewell, Tarn!”",
])
def test_quotes_titles_and_labels_after_a_cue_phrase_are_no_utterances(parse, text):
    found = quotes.extract_quotes(parse(text))
    assert not [q for q in found if q.text.startswith(("Morning", "daylight", "Farewell"))]


def test_quotes_a_bare_quotation_after_the_attribution_carries_on_the_statement(parse):
    """“A,” X said ….¶“B.”: one statement in two parts, as PolNeAR annotates it; a title in the
    attribution ("said on “Morning Hour.”") does not break the split quotation either."""
    text = ("“The bids are all serious, some more than others,” Oskar Brenn said during a visit to the Tarn "
            "shipyard, ahead of the launch of its second ferry.\n\n“Nobody expected a queue of buyers. Nine offers in "
            "a week is a record.”"
            "\n\n“The levy stays,” Varga said on Vestra One’s “Morning Hour.” “Nobody should expect a change.”")
    found = quotes.extract_quotes(parse(text))
    brenn = [q for q in found if q.text.startswith("The bids")]
    assert len(brenn) == 1 and brenn[0].text.endswith("a record.") and len(brenn[0].parts) == 2
    varga = [q for q in found if q.text.startswith("The levy")]
    assert len(varga) == 1 and varga[0].text.endswith("a change.") and len(varga[0].parts) == 2


@pytest.mark.parametrize("text, parts", [
    # after the writer's words the quotation goes on with the statement they report ...
    ("Mayor Ilse Varga said the port would close in May. “We have no choice.”\n\nThe council meets on Friday.", 2),
    # ... not after a statement that already quotes a few of the speaker's words
    ("Mayor Ilse Varga called the levy “a tax on bread” on Monday. “We will end it.”\n\nThe council meets on "
     "Friday.", 1),
    # ... nor in the next paragraph
    ("Mayor Ilse Varga said the port would close in May.\n\n“We have no choice.”\n\nThe council meets on Friday.", 1),
])
def test_quotes_a_bare_quotation_after_a_reported_statement_carries_it_on(parse, text, parts):
    found = quotes.extract_quotes(parse(text))
    assert all(q.speaker == "Ilse Varga" for q in found)
    assert len(found) == 3 - parts and len(found[0].parts or [()]) == parts


def test_quotes_a_short_first_part_opens_a_split_quotation(parse):
    text = ("“Both coalition partners now want the levy cut before the winter,” Ilse Varga, a fellow at the "
            "Brenn Institute, wrote in an analysis.\n\n“So far,” she continued, “the ministry has not shown much appetite "
            "for it. But the harbour towns have made their view plain.”")
    found = [q for q in quotes.extract_quotes(parse(text)) if "So far" in q.text or "appetite" in q.text]
    assert len(found) == 1 and found[0].text.startswith("So far") and len(found[0].parts) == 2


def test_quotes_a_lower_case_phrase_run_into_its_sentence_is_no_statement(parse):
    text = "Halden has boasted of his plan to pour “every last crown” of the family money into the campaign."
    assert not [q for q in quotes.extract_quotes(parse(text)) if q.text == "every last crown"]


def test_quotes_evidence_verbs_need_a_clause_of_their_own(parse):
    found = quotes.extract_quotes(parse("A survey by the Brenn Institute found that 45 percent of voters back the "
                                        "levy. Halden found it hard to explain the result. The video showed him "
                                        "leaving the hall early."))
    assert [q.text for q in found] == ["45 percent of voters back the levy"]
    assert found[0].speaker is not None and "survey" in found[0].speaker.lower()


@pytest.mark.parametrize("text, speaker", [
    ("Halden said the harbour had lost its soul. “The harbour is doing fine without him,” an irritated Marta "
     "Lenz snapped.", "Marta Lenz"),
    ("“Get out of here,” the guard barked at the crowd.", "the guard"),
    ("“We are ready,” the mayor signed the order.", None),  # the verb does something else than speak
])
def test_quotes_a_verb_outside_the_lexicon_attributes_by_the_sentence_shape(parse, text, speaker):
    found = [q for q in quotes.extract_quotes(parse(text)) if q.kind == "direct"]
    assert [q.speaker for q in found] == ([speaker] if speaker else [])


@pytest.mark.parametrize("headline, speaker, claim", [
    ("Ilse Varga: The Levy Stays Until the Deficit Closes", "Ilse Varga", "The Levy Stays Until the Deficit Closes"),
    ("Poll: Voters Turn to Lenz in the Harbour Towns", "poll", "Voters Turn to Lenz in the Harbour Towns"),
    # title-case single marks, an apostrophe inside: no quotation rule reads them, the headline's rule does
    ("Ilse Varga: ‘I’m Not Leaving the Harbour Before the Vote’", "Ilse Varga",
     "‘I’m Not Leaving the Harbour Before the Vote’"),
    ("Brexit: What Happens Next", None, None),  # a question states nothing
    ("Reuters: Talks Resume in Tallinn on Monday", None, None),  # an outlet's name is a section label
    # a role before the colon: its holder, named below
    ("Kaldgaz chief: 'We will not be blackmailed' over pipeline fees", "Sergei Malkov",
     "'We will not be blackmailed' over pipeline fees"),
    ("Kaldgaz fears: the levy will stay for years", None, None),  # no role
])
def test_quotes_a_headline_name_and_colon_report_what_was_said(parse, headline, speaker, claim):
    text = headline + ("\n\nThe talks went on into the night in the harbour office, Varga said.\n\n"
                       "Sergei Malkov, Kaldgaz's chief executive, told a news conference that it would not pay.")
    found = [q for q in quotes.extract_quotes(parse(text), [(0, len(headline))]) if q.rule.endswith("headline_colon")]
    assert [(q.speaker, q.text) for q in found] == ([(speaker, claim)] if speaker else [])


@pytest.mark.parametrize("headline, speaker, claim", [
    ("Lind Says Port Will Stay Open Through The Winter", "Ilse Lind", "Port Will Stay Open Through The Winter"),
    ("Port Will Stay Open Through The Winter, Lind Says.", "Ilse Lind", "Port Will Stay Open Through The Winter"),
    ("Varga Slams Halden On Harbour Levy After Debate", "Alma Varga", "Halden On Harbour Levy After Debate"),
    ("Why The Port Matters, Lind Says", None, None),  # a question states nothing
    ("Scandal Says A Lot About The Harbour Board", None, None),  # a source named nowhere below
])
def test_quotes_a_title_case_headline_with_a_verb_of_saying_reports_the_whole_claim(parse, headline, speaker,
                                                                                  claim):
    """In title case the tagger reads every word as a name and the parser cuts the claim short or
    finds no verb; between a name and a claim, "Says" (or "Warns", "Slams" …) still reports it."""
    text = headline + "\n\nVESTRA (Wire) — Mayor Ilse Lind said on Monday the port would stay open, and Alma Varga " \
                      "agreed with Halden."
    found = [(q.speaker, q.text) for q in quotes.extract_quotes(parse(text), [(0, len(headline))])
             if q.start < len(headline)]
    assert found == ([(speaker, claim)] if speaker else [])


@pytest.mark.parametrize("body, speaker", [
    ("Halden told the council on Monday that the levy was costing the towns dearly.", "Halden"),
    ("The talks went on into the night in the harbour office.", None),
])
def test_quotes_a_headline_source_the_recogniser_misses_must_be_named_below(parse, body, speaker):
    """"Halden: …" reports Halden's words when the story names Halden; an unknown word before the
    colon that the story never mentions is a kicker ("Bombshell: …", "Scandal: …")."""
    for headline in ("Halden: Harbour Levy Must Go Before the Summer Recess",
                     "Scandal: Harbour Levy Must Go Before the Summer Recess"):
        found = [q.speaker for q in quotes.extract_quotes(parse(headline + "\n\n" + body), [(0, len(headline))])
                 if q.rule.endswith("headline_colon")]
        assert found == ([speaker] if speaker and headline.startswith(speaker) else [])


@pytest.mark.parametrize("headline, body, speaker", [
    # the tagger reads "Meadows" as a noun; the story names her, so she is the headline's source
    ("Meadows: Varga needs to get away from all of this talk about the port.",
     "Marta Meadows said so on Monday.", "Marta Meadows"),
    ("Exclusive: Varga Is Right About the Port.", "Exclusive figures seen by the Ledger show the cost.", None),
    ("The Latest: Varga Is Right About the Port.", "The Latest on the port strike (all times local).", None),
])
def test_quotes_a_headline_kicker_is_no_source_and_a_name_read_as_a_noun_is(parse, headline, body, speaker):
    """"Exclusive: …", "The Latest: …" label the piece (lexicon [highlights] kickers); a title-case
    word the tagger took for a noun speaks when the story names it."""
    found = [q.speaker for q in quotes.extract_quotes(parse(headline + "\n\n" + body), [(0, len(headline))])
             if q.rule.endswith("headline_colon")]
    assert found == ([speaker] if speaker else [])


@pytest.mark.parametrize("text, content", [
    ("Former minister Halden criticized the port levy as a “tax on bread” during a campaign stop in Tarn.",
     "the port levy as a “tax on bread”"),
    ("In June, Lenz dismissed the quay as being at “the end of the world” — a phrase her critics repeat.",
     "the quay as being at “the end of the world”"),
    ("Halden, in turn, is labeling the sale “a quiet theft of public land.”", "the sale “a quiet theft of public land.”"),
])
def test_quotes_an_object_and_its_quoted_name_end_before_time_place_or_a_dash(parse, text, content):
    found = [q for q in quotes.extract_quotes(parse(text)) if q.kind == "mixed"]
    assert [q.text for q in found] == [content]


def test_quotes_a_relative_pronoun_is_the_grammatical_source_and_its_noun_the_speaker(parse):
    """The export contract: speaker_start/end are the offsets of the grammatical source ("who"),
    speaker is the person it stands for."""
    text = ("The strike was called off by Marta Lenz, the union's chair, who in 2019 said the union's first "
            "duty was to keep the port in public hands.")
    (q,) = quotes.extract_quotes(parse(text))
    assert text[q.speaker_start:q.speaker_end] == "who" and q.speaker == "Marta Lenz"


def test_quotes_of_two_subjects_the_nearer_speaks_and_a_date_never(parse):
    text = ("Can the cousins chip in?\n\nTHE LOAN In his first guide to saving, Mr. Brenn said that he saw a "
            "mortgage as the very last option.\n\nThe union that shut the port for five days last March said on "
            "Wednesday it would ballot its members.")
    found = quotes.extract_quotes(parse(text))
    assert [text[q.speaker_start:q.speaker_end] for q in found] == ["Brenn", "The union"]


@pytest.mark.parametrize("text", [
    "Tarn is calm. That said, the ferry's passengers are mostly retired, so its timetable rarely changes.",
    "And let's hope the levy stays that way for a long time.",
])
def test_quotes_a_discourse_phrase_is_no_statement(parse, text):
    assert quotes.extract_quotes(parse(text)) == []


def test_quotes_a_surname_a_man_and_a_woman_share_keeps_its_honorific(parse):
    """Which of Marek and Ilse Halden "Mrs. Halden" is would be a guess: the speaker stays as written."""
    text = ("Marek Halden and Ilse Halden ran the yard for years. Mr. Halden said the cranes were old. "
            "Mrs. Halden said the quay was older.")
    assert [q.speaker for q in quotes.extract_quotes(parse(text))] == ["Mr. Halden", "Mrs. Halden"]
    single = quotes.extract_quotes(parse("Marek Halden ran the yard. Mr. Halden said the cranes were old."))
    assert [q.speaker for q in single] == ["Marek Halden"]
    # the same holds where the recogniser took the bare surname for an organisation
    text = ("Marek Vestra and Ilse Vestra ran the yard. Mr. Vestra said the cranes were old. Mrs. Vestra said the "
            "quay was older. Vestra said the yard would close.")
    assert [q.speaker for q in quotes.extract_quotes(parse(text))] == ["Mr. Vestra", "Mrs. Vestra", "Vestra"]


def test_quotes_a_first_name_keeps_to_the_full_names_that_agree_with_it(parse):
    """A fuller name of the same family is a different person: "Tomas Halden" is not "Marek J. Halden"."""
    text = ("Former Port Commissioner Tomas Halden said on Monday that he would step down. His father, Marek J. "
            "Halden, ran the yard for forty years.")
    assert [q.speaker for q in quotes.extract_quotes(parse(text))] == ["Tomas Halden"]
    text = ("Sen. Ilse Varga said the levy was fair. Senator Ilse K. Varga has sat in the chamber since 2010. "
            "Mayor Anton van Dorn said the levy would hurt the port. Van Dorn said he would fight it.")
    assert [q.speaker for q in quotes.extract_quotes(parse(text))] == ["Ilse K. Varga", "Anton van Dorn",
                                                                        "Anton van Dorn"]
    # a generational suffix is no surname, and father and son differ by it
    text = ("Tomas Halden Jr., who runs the yard, said the cranes would be sold in May. His father, Tomas R. "
            "Halden, built it.")
    assert [q.speaker for q in quotes.extract_quotes(parse(text))] == ["Tomas Halden Jr."]
    text = "Admiral Anton Varga Jr. met General Pia Dorn Jr. on Monday. Varga said the fleet was ready to sail."
    assert [q.speaker for q in quotes.extract_quotes(parse(text))] == ["Anton Varga Jr."]


def test_quotes_a_possessive_speaker_resolves_like_its_pronoun(parse):
    text = ("Marek Halden spoke to the dockers on Monday. Later he repeated his claim that the cranes would cost "
            "two hundred jobs.")
    found = [q for q in quotes.extract_quotes(parse(text)) if q.text.startswith("the cranes")]
    assert [q.speaker for q in found] == ["Marek Halden"]


def test_quotes_speech_reported_inside_reported_speech_is_the_reporters_account(parse):
    """What the critics predicted is Varga's account: one statement, Varga's."""
    text = "Varga said that for years some critics had been predicting a sale of the port."
    found = quotes.extract_quotes(parse(text))
    assert [(q.speaker, q.text) for q in found] == [("Varga", "for years some critics had been predicting a sale of the port")]


@pytest.mark.parametrize(("text", "opening"), [
    ("Halden told reporters if the cranes failed again, the port would close for a month.", "if the cranes failed"),
    ("Varga says if elected, “I will sell nothing the city owns.”", "if elected, “I will sell"),
    ("Halden would not say if the cranes failed again last week.", None),
    ("Halden wondered if the cranes had failed again last week.", None),
])
def test_quotes_a_condition_is_stated_and_an_if_question_is_not(parse, text, opening):
    """"if" opening a condition inside the reported clause states something; "if" as the clause's
    own opener asks, as "whether" does."""
    found = quotes.extract_quotes(parse(text))
    assert [text[q.start:q.start + len(opening)] for q in found] == ([opening] if opening else [])


@pytest.mark.parametrize(("text", "speaker"), [
    ("Mayor Ilse Wren gloated: “I told you the vote would go our way.”", "Ilse Wren"),
    ("Ilse Wren turned to the dockers again: “Here is what I regret. I regret nothing.”", "Ilse Wren"),
    ("The menu on the quay: “Fresh herring, smoked eel and bread.”", None),
    # the parser runs the sentence on into the quotation; the verb governs no word before the colon
    ("Harbour Master Anton Rask, R-Ostrel, delivered a blunt message to the board: "
     "“It's time to stop blaming the cranes and get the port open.”", "Anton Rask"),
    ("Ilse Wren has since apologised for the delay: “I should have called the dockers first. It was a mistake.”",
     "Ilse Wren"),
    ("Ilse Wren waved at the crowd to stop the noise, then leaned in and boomed: “Let’s finish this in May.”",
     "Ilse Wren"),
    ("Rask leaned in: “If they sue us in a court in Ostrel, they are going to lose,” pointing at the harbour.",
     "Rask"),
    # the clause at the colon is the writer's ("I had to"), not the sentence's main one
    ("Lotte became so upset, and started driving so wildly, that I had to change my answer: "
     "“Of course I believe it. I was only joking.”", None),
])
def test_quotes_a_colon_after_any_verb_opens_its_subjects_words(parse, text, speaker):
    """A clause ended by a colon that opens a whole quoted sentence introduces its subject's words,
    whatever the verb; a colon after a bare noun phrase does not."""
    found = quotes.extract_quotes(parse(text))
    assert [(q.speaker, q.rule.rsplit(":", 1)[1]) for q in found] == ([(speaker, "colon_verb")] if speaker else [])


def test_quotes_speech_imagined_inside_reported_speech_is_its_content(parse):
    """What a speaker says he would tell someone is part of his statement, not a second one; a
    conditional cue of the speaker's own ("would say only that") still reports what was said."""
    text = "Halden says he’d sit the board down and tell them “no more delays” before the vote."
    found = quotes.extract_quotes(parse(text))
    assert [(text[q.start:q.end], q.cue) for q in found] == [
        ("he’d sit the board down and tell them “no more delays” before the vote", "says")]
    found = quotes.extract_quotes(parse("Halden would say only that the delays must end soon."))
    assert [q.text for q in found] == ["only that the delays must end soon"]


@pytest.mark.parametrize(("text", "speaker"), [
    ("Saturday at the Vestra party convention Sen. Ilse Varga said the levy was a “proven failure” in the port.",
     "Ilse Varga"),
    ("“The quay is ours, and it always has been,” said the 46-year-old.", "the 46-year-old"),
    ("Last March said the levy was a failure in the port.", None),
])
def test_quotes_a_date_never_speaks(parse, text, speaker):
    """A date the parser made the subject is no speaker: the person inside its phrase is, or nobody."""
    found = quotes.extract_quotes(parse(text))
    assert [q.speaker for q in found] == ([speaker] if speaker else [])


@pytest.mark.parametrize(("text", "speaker", "quoted"), [
    ("The board priced the quay at two crowns, which Mayor Ilse Varga called “a disgrace,” blaming the port "
     "authority.", "Ilse Varga", "a disgrace"),
    ("Under what Anton Hedge called “the old model,” the Vestra Country Club charged a large fee.", "Anton Hedge",
     "the old model"),
])
def test_quotes_a_naming_verb_right_before_a_quotation_names_it(parse, text, speaker, quoted):
    found = [q for q in quotes.extract_quotes(parse(text)) if quoted in q.text]
    assert [(q.speaker, q.cue) for q in found] == [(speaker, "called")]


def test_quotes_an_approximate_amount_after_the_cue_is_the_reported_subject(parse):
    """"said about half of …": the parser takes "about" for the cue's preposition; the amount is
    the subject of what was said."""
    text = "The harbour board said about half of the rise in its cost estimates reflected delays at the quay."
    assert [q.text for q in quotes.extract_quotes(parse(text))] == [
        "about half of the rise in its cost estimates reflected delays at the quay"]


def test_quotes_a_closing_participle_takes_its_object_not_the_sentence(parse):
    """"…, citing the losses": a participle without a subject of its own is no closing cue ("…,
    Dorin told reporters"), so what it cites is its object, not the sentence before the comma."""
    found = quotes.extract_quotes(parse("Varga announced a new levy on Tuesday, citing the losses at the port."))
    assert [(q.cue, q.text) for q in found if q.cue == "citing"] == [("citing", "the losses at the port")]


def test_quotes_a_closing_cue_at_a_paragraphs_end_takes_the_sentence_before_it(parse):
    """"…, Deputy Foreign Minister Aleksei Dorin told reporters on Tuesday." closes a paragraph (our
    example corpus): the paragraph break after it is no word, so the sentence before the comma is his
    statement, told to reporters; a subordinate clause ("…, given that Wren has criticized it")
    closes nothing."""
    story = (EXAMPLES / "05_kaldor_grain_ships_stranded.txt").read_text(encoding="utf-8")
    text = story[story.index("KALDOR CITY, March 5"):story.index("Dorin said.") + len("Dorin said.")]
    found = quotes.extract_quotes(parse(text))
    assert [(q.speaker, q.venue, q.text[:25]) for q in found][0] == ("Aleksei Dorin", "reporters",
                                                                       "Kaldor expects the Vestri")
    text = ("These figures are hardly surprising, given that Ilse Wren has criticized the minister for her ties "
            "to the banks.\n\nThe vote is on Friday.")
    assert [q.text for q in quotes.extract_quotes(parse(text))] == ["the minister for her ties to the banks"]


@pytest.mark.parametrize(("text", "content"), [
    ("Wren called the statement “offensive and outlandish.”", "the statement “offensive and outlandish.”"),
    ("Wren called the plan ''a disgrace.''", "the plan ''a disgrace.''"),
    ("Wren said “the port is ours.”", "the port is ours."),
])
def test_quotes_a_statement_keeps_the_closing_mark_of_words_quoted_inside_it(parse, text, content):
    """Mixed statements read balanced: the mark closing words quoted inside one ends it; a direct
    quotation is its words without the marks."""
    assert [q.text for q in quotes.extract_quotes(parse(text))] == [content]


def test_quotes_a_participle_going_on_with_a_tellers_words_keeps_the_teller():
    """"…, adding, “…”" after "told reporters that Wren had a plan": when the parser hangs "adding" on
    the reported clause, its subject (Wren) is still not the one who adds (a parse built by hand:
    the misparse depends on the sentences around it)."""
    from spacy.tokens import Doc

    words = ["Halden", "told", "reporters", "that", "Wren", "had", "a", "plan", ",", "adding", ",", "“", "He",
             "lost", ".", "”"]
    heads = [1, 1, 1, 5, 5, 1, 7, 5, 5, 5, 9, 13, 13, 9, 1, 1]
    deps = ["nsubj", "ROOT", "dobj", "mark", "nsubj", "ccomp", "det", "dobj", "punct", "advcl", "punct", "punct",
            "nsubj", "ccomp", "punct", "punct"]
    tags = ["NNP", "VBD", "NNS", "IN", "NNP", "VBD", "DT", "NN", ",", "VBG", ",", "``", "PRP", "VBD", ".", "''"]
    pos = ["PROPN", "VERB", "NOUN", "SCONJ", "PROPN", "VERB", "DET", "NOUN", "PUNCT", "VERB", "PUNCT", "PUNCT",
           "PRON", "VERB", "PUNCT", "PUNCT"]
    lemmas = ["Halden", "tell", "reporter", "that", "Wren", "have", "a", "plan", ",", "add", ",", "“", "he", "lose",
              ".", "”"]
    doc = Doc(nlp.load().vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos, lemmas=lemmas)
    assert quotes.subject_of(doc[9]).text == "Halden"


def test_quotes_a_second_cue_held_whole_by_the_first_statement_is_not_repeated(parse):
    """"Varga said progress did not depend on the port alone, adding that the board must act": when
    the first statement holds the second cue's words whole, they are not reported twice; a second
    cue whose words run past the first statement stays its own."""
    doc = parse("Varga said progress did not depend on the port alone, adding that the board must act.")
    said, adding = doc[1], next(t for t in doc if t.text == "adding")
    text = doc.text
    outer = quotes.Found(text.index("progress"), text.index("act") + 3, "r", 0.9, cue=said, speaker=doc[0:1])
    inner = quotes.Found(text.index("the board"), text.index("act") + 3, "r", 0.9, cue=adding, speaker=doc[0:1])
    assert quotes._without_hearsay([outer, inner], []) == [outer]
    outer.end = text.index("alone") + 5
    assert quotes._without_hearsay([outer, inner], []) == [outer, inner]


@pytest.mark.parametrize(("text", "speakers"), [
    ("Dockers were divided. Some warned that a buyer could cut jobs; others said that fresh money was the only "
     "way to win back the lines.", ["some dockers", "other dockers"]),
    ("Analysts disagreed on the outlook. Many said the levy would fail.", ["many analysts"]),
    ("Some of the dockers said the levy would fail.", ["some of the dockers"]),
    ("Analysts disagreed on the outlook.\n\nMany said the levy would fail.", ["many"]),
])
def test_quotes_a_bare_quantifier_stands_for_the_group_named_before_it(parse, text, speakers):
    """"Some", "others", "many" as subjects stand for the plural subject of the sentence before,
    within the paragraph; a group named in the phrase itself stays as written."""
    assert [q.speaker for q in quotes.extract_quotes(parse(text))] == speakers


def test_quotes_a_speech_nouns_that_clause_hung_on_the_verb_before_it_is_its_content(parse):
    """"Asked about her statement in March that …": the parser hangs the that-clause on "asked"; it
    is what her statement said, and "her" is the subject the fronted clause leads to."""
    text = ("Transport Minister Ilse Varga spoke on Monday.\n\nAsked about her statement in March 2024 that the "
            "port was not for sale, Varga said circumstances had changed.")
    found = quotes.extract_quotes(parse(text))
    assert [(q.speaker, q.cue, q.text) for q in found] == [
        ("Ilse Varga", "statement", "the port was not for sale"), ("Ilse Varga", "said", "circumstances had changed")]


@pytest.mark.parametrize(("text", "found"), [
    ("Varga expressed deep concern about the harbour levy.", [("Varga", "expressed", "deep concern about the harbour levy")]),
    ("Lind reiterated her support for the port deal on Monday.", [("Lind", "reiterated", "her support for the port deal")]),
    ("In his speech Tarn mentioned the flooded quays of Halden.", [("Tarn", "mentioned", "the flooded quays of Halden")]),
    ("Wren stressed that the vote was binding.", [("Wren", "stressed", "the vote was binding")]),
    ("The dockers' union claimed victory in the port dispute.",
     [("dockers' union", "claimed", "victory in the port dispute")]),
    # where and when the words were said are not what was said; inside a clause they are
    ("Lind praised the dockers at a rally in Tarn.", [("Lind", "praised", "the dockers")]),
    ("Wren said there was anger in the chamber.", [("Wren", "said", "there was anger in the chamber")]),
    # two words are enough for an object ("the ban"), never for whom a naming verb names
    ("The union called for his dismissal.", [("union", "called", "his dismissal")]),
    ("Halden disputed that account.", [("Halden", "disputed", "that account")]),
    ("Lind called the police.", []),
    ("Lind criticized Marek Halden.", [("Lind", "criticized", "Marek Halden")]),  # a name alone
    ("Lind called Halden.", []),
    ("Lind would have criticized Halden.", []),  # supposed
    ("Lind denied wrongdoing.", [("Lind", "denied", "wrongdoing")]),  # a bare noun
    # what a source may not discuss is not what it said
    ("A senior official, speaking on condition of anonymity because he was not authorised to discuss the matter, "
     "said the talks would resume.", [("a senior official", "said", "the talks would resume")]),
])
def test_quotes_a_speech_verb_with_only_an_object_reports_the_object(parse, text, found):
    """"expressed concern about the levy", "reiterated her support for the deal": with no clause of
    its own, a verb of saying reports its object, as "denied the report" does."""
    assert [(q.speaker, q.cue, q.text) for q in quotes.extract_quotes(parse(text))] == found


@pytest.mark.parametrize(("text", "found"), [
    ("Reporters asked Varga if she believed the levy was fair.", []),
    ("If Wren says the harbour levy is fair, the council will pass it.", []),
    # the question is Lind's; what Tarn thought is only asked about
    ("Lind asked whether Tarn thought the port was safe.", [("Lind", "asked", "whether Tarn thought the port was safe")]),
    ("Varga said she believed the levy was fair.", [("Varga", "said", "she believed the levy was fair")]),
])
def test_quotes_speech_asked_about_or_supposed_is_not_said(parse, text, found):
    """"asked if she believed …", "if Wren says …": a cue under "if", "whether" or "unless" is a
    question or a supposition; nobody has said it."""
    assert [(q.speaker, q.cue, q.text) for q in quotes.extract_quotes(parse(text))] == found


@pytest.mark.parametrize(("text", "found"), [
    ("The council asked the minister why the ferry had been cancelled.",
     [("council", "asked", "why the ferry had been cancelled")]),
    ("Reporters asked Varga whether the levy was fair.", [("reporters", "asked", "whether the levy was fair")]),
    ("Asked whether the levy was fair, Varga smiled.", []),  # nobody named asked it
    ("Did the council ask whether the ferry ran?", []),  # the writer asks
    ("Lind asked the dockers to end the strike.", [("Lind", "asked", "the dockers to end the strike")]),
    ("Halden raised the cranes again, asking Varga why she had ordered them without a tender.",
     [("Halden", "asking", "why she had ordered them without a tender")]),
    # what he was asked he thought is only asked about
    ("In an interview last week, Lind was asked what he thought Wren could do to win back the dockers.", []),
    # an aside on the one who was asked (the parser reads "asked" as her verb): she answers, she asks nothing
    ("Vesk, asked whether the detentions were linked to the talks, replied: \"Absolutely not. These are "
     "two separate matters.\"", [("Vesk", "replied", "Absolutely not. These are two separate matters.")]),
    ("Lind, who chairs the council, asked why the ferry was cancelled.",
     [("Lind", "asked", "why the ferry was cancelled")]),
    ("Vesk, asked about the detentions, said: \"These are two separate matters.\"",
     [("Vesk", "said", "These are two separate matters.")]),
])
def test_quotes_a_question_put_by_a_named_source_is_its_statement(parse, text, found):
    """"The council asked the minister why …": a question reported with its asker is what the
    asker said, its cue "asked" telling it from a claim; one with no asker of its own is not put on
    anyone."""
    assert [(q.speaker, q.cue, q.text) for q in quotes.extract_quotes(parse(text))] == found


@pytest.mark.parametrize(("text", "found"), [
    ("Asked by reporters whether he would sign the bill, Lind said he had not decided.",
     [("reporters", "whether he would sign the bill"), ("Lind", "he had not decided")]),
    ("Lind was asked by reporters whether he would sign the bill.", [("reporters", "whether he would sign the bill")]),
    ("Asked whether he would sign the bill, Lind said he had not decided.", [("Lind", "he had not decided")]),
])
def test_quotes_a_question_is_put_by_whom_the_by_phrase_names(parse, text, found):
    """"Asked by reporters whether …": the "by" phrase names who put the question; with none, the
    question is nobody's, and never the answer's speaker's."""
    assert _who_said_what(parse, text) == found


def test_quotes_questions_refusals_and_requests_are_told_apart_by_their_rule(parse):
    """Rules say what kind of statement each is; a question and a refusal take no position."""
    text = ("The council asked the minister why the ferry had been cancelled. Lind has been asked by the "
            "council to resign. Lind declined to comment.")
    found = [(q.speaker, q.rule.rsplit(":", 1)[1]) for q in quotes.extract_quotes(parse(text))]
    assert found == [("council", "question"), ("council", "request"), ("Lind", "refusal")]
    assert {f"{quotes.NAME}:question", f"{quotes.NAME}:refusal"} == quotes.STATES_NOTHING


@pytest.mark.parametrize(("text", "found"), [
    ("Lind tweeted a photograph of the empty quay.", [("Lind", "tweeted", "a photograph of the empty quay")]),
    ("The Vestra Ledger published the minutes of the closed meeting.",
     [("Vestra Ledger", "published", "the minutes of the closed meeting")]),
    # how a source said it, by a verb of saying, is a statement of its own
    ("Lind rejected the offer by saying that the union would strike again.",
     [("Lind", "rejected", "the offer"), ("Lind", "saying", "the union would strike again")]),
])
def test_quotes_what_a_source_published_and_how_it_said_so(parse, text, found):
    """"tweeted a photograph of …", "published the minutes": what a source put out is reported as
    an object; "rejected the offer by saying that …" is two statements, the object and the clause."""
    assert [(q.speaker, q.cue, q.text) for q in quotes.extract_quotes(parse(text))] == found


@pytest.mark.parametrize(("text", "found"), [
    ("A spokeswoman for the port authority declined to comment.",
     [("a spokeswoman for the port authority", "declined", "to comment")]),
    ("Halden refused to say when the cranes would return.", [("Halden", "refused", "to say when the cranes would return")]),
    ("Varga declined an invitation to testify before the committee.",
     [("Varga", "declined", "an invitation to testify before the committee")]),
    ("Halden did not refuse to testify.", []),
    ("Wren would decline to comment on any leak.", []),  # supposed
    ("Grain prices declined to their lowest level in a decade.", []),  # prices say nothing
    ("People who refused to pay the levy were fined.", []),  # which people, not what they said
    ("The levy was opposed by Ilse Wren, who refused to pay it.", [("Ilse Wren", "refused", "to pay it")]),
])
def test_quotes_a_refusal_is_the_sources_answer(parse, text, found):
    """"declined to comment", "refused to say when …": who would not speak, and about what, is part
    of who said what (rule refusal); a refusal denied or supposed is none."""
    assert [(q.speaker, q.cue, q.text) for q in quotes.extract_quotes(parse(text))] == found


@pytest.mark.parametrize(("text", "found"), [
    # a poll's question, quoted: the pollster's words, and the pollster goes unnamed
    ("Asked whether Lenz “has the integrity to serve as mayor,” 75 percent of voters said yes.",
     [(None, "has the integrity to serve as mayor,"), ("75 percent of voters", "yes")]),
    ("To a question on the \"privatisation of harbour jobs,\" Anton Rask said contractors cost more.",
     [(None, "privatisation of harbour jobs,"), ("Anton Rask", "contractors cost more")]),
    ("Asked by a reporter whether the levy was “dead for good,” Rask said it was not.",
     [("a reporter", "whether the levy was “dead for good,”"), ("Rask", "it was not")]),  # the whole question
    # the speaker's own words after the question, or chanted by the speakers themselves, stay theirs
    ("Asked about the levy, Rask said: “It is dead.”", [("Rask", "It is dead.")]),
    ("Lenz supporters responded to the hecklers with chants of “Lenz for mayor,” their leader said.",
     [("their leader", "Lenz supporters responded to the hecklers with chants of “Lenz for mayor,”")]),
])
def test_quotes_words_quoted_in_what_was_put_to_the_speaker_are_the_askers(parse, text, found):
    """"Asked whether Lenz “has the integrity …”, 75 percent said yes": the quoted words are the
    question's, so its asker said them (unknown unless named), never the ones who answered."""
    assert _who_said_what(parse, text) == found


def test_quotes_a_cue_in_a_coordination_shares_the_nearest_subject(parse):
    """"Rabbis called for …, and the league denounced … and said …": the parser hangs both later
    verbs on the first; "said" is the league's, whose verb it follows."""
    text = ("In the days before the visit, a group of rabbis called for a boycott of his speech, and the "
            "prominent civil rights organization the Harbour League strongly denounced Lenz's rhetoric and "
            "said it would \"redirect\" all of his past donations to the league.")
    found = {q.text: q.speaker for q in quotes.extract_quotes(parse(text))}
    assert found['it would "redirect" all of his past donations to the league'] == "Harbour League"
    assert found["a boycott of his speech"] == "a group of rabbis"


def test_quotes_a_participle_goes_on_with_the_clause_right_before_it(parse):
    """"The first incident came …, when protesters interrupted her, shouting “…”": an incident says
    nothing; the protesters, whose clause the participle follows, shouted. A clause of what was
    called for is no such clause: the prince called Lenz a disgrace."""
    text = "The first incident came during a speech at the college, when Lenz protesters interrupted her speech, " \
           "shouting “she wins, we lose!”"
    assert _who_said_what(parse, text) == [("Lenz protesters", "she wins, we lose!")]
    # the same clause hung on the speech as a relative clause
    text = "The first incident came during a speech at the state university, when dock workers interrupted " \
           "her speech, shouting “she wins, we lose!”"
    assert _who_said_what(parse, text) == [("dock workers", "she wins, we lose!")]
    text = "In December, the prince called for Lenz to drop out of the race, calling him \"a disgrace to the party.\""
    assert [q.speaker for q in quotes.extract_quotes(parse(text))] == ["the prince", "the prince"]


def test_quotes_the_writers_sentence_before_a_dash_is_not_what_was_said(parse):
    """"Lenz is seen as more capable than Rask - 60 percent of voters said Lenz would be better …":
    the summary before the dash is the writer's; the voters said what follows their cue."""
    text = "Mrs. Lenz is seen as far more capable of dealing with racial tensions than Mr. Rask - 60 percent " \
           "of voters said Mrs. Lenz would be better at handling the issue."
    found = [(q.speaker, q.text) for q in quotes.extract_quotes(parse(text)) if q.speaker is not None]
    assert found == [("60 percent of voters", "Mrs. Lenz would be better at handling the issue")]


@pytest.mark.parametrize(("text", "speaker"), [
    ("The collapse of the old union also left many nations feeling that they faced no obvious military threat.",
     "many nations"),
    ("The vote left the dockers feeling that the port had betrayed them.", "the dockers"),
    # a verb that makes its object act: the infinitive is the object's act
    ("The senator forced Stumpf, who was under questioning, to admit that no executives were held accountable.",
     "Stumpf"),
    # a time spent is no speaker
    ("Rask spent the day telling reporters that the levy was dead.", "Rask"),
    ("Rask spent years telling reporters that the levy was dead.", "Rask"),
])
def test_quotes_a_participle_after_an_object_is_that_objects(parse, text, speaker):
    """"The collapse left many nations feeling that …": the nations feel it, not the collapse."""
    assert [q.speaker for q in quotes.extract_quotes(parse(text))] == [speaker]


@pytest.mark.parametrize(("text", "found"), [
    ("Abbott said President Rask is acting unlawfully and showing disregard for the charter.",
     ["President Rask is acting unlawfully and showing disregard for the charter"]),
    # a verb in a form of its own is the speaker's next act, and so is one joined to the speaker's participle
    ("Lenz said he would order a review and warned against haste.", ["he would order a review", "haste"]),
    ("Lenz has indicated he would curb critics, vowing to widen libel laws, and suggesting he would require "
     "staff to sign secrecy agreements.",
     ["he would curb critics, vowing to widen libel laws", "he would require staff to sign secrecy agreements"]),
])
def test_quotes_a_verb_sharing_the_reported_clauses_form_goes_on_with_it(parse, text, found):
    """"said Rask is acting unlawfully and showing disregard …": "showing" shares "is" with "acting";
    it is what was said, not a second statement of Abbott's."""
    assert [q.text for q in quotes.extract_quotes(parse(text))] == found


def test_quotes_a_relative_pronoun_is_the_grammatical_source_of_any_rule(parse):
    """"Rask, who understood that …": the speaker is Rask, the source mention (the offsets the
    export gives) is "who", for a that-clause as for a cue."""
    text = "Mayor Anton Rask, who understood that a legislative push would be fruitless, turned to the courts."
    [quote] = quotes.extract_quotes(parse(text))
    assert (quote.speaker, text[quote.speaker_start:quote.speaker_end]) == ("Anton Rask", "who")
    text = "Senator Anton Reid, who has been pounding Wren as a “con artist” for weeks, spoke on Monday."
    [quote] = quotes.extract_quotes(parse(text))
    assert (quote.speaker, text[quote.speaker_start:quote.speaker_end]) == ("Anton Reid", "who")


def test_quotes_i_in_a_headline_opened_by_a_name_is_that_person(parse):
    """"Rubio: I Still Believe …": the headline's name speaks in the first person; "I" is Rubio,
    named in full below."""
    text = "Rubio: I Still Believe Lenz Can’t Be Trusted with the Harbour Codes.\n\n" \
           "One month after the vote, Anton Rubio spoke again."
    assert [q.speaker for q in quotes.extract_quotes(parse(text))] == ["Anton Rubio"]


def test_quotes_a_label_given_in_the_passive_is_the_agents(parse):
    """"Halden, dubbed “the little senator” by his rivals": the rivals gave the label; Halden, the
    noun the participle hangs on, was named, and said nothing."""
    text = "Halden, dubbed “the little senator” by his rivals, won the vote."
    assert _who_said_what(parse, text) == [("his rivals", "the little senator")]
    # the tagger reads an active verb after an aside so too; with its object before the label, it is active
    text = "Beruff, a Scott ally, called Vestria’s standards “strong.”"
    assert [q.speaker for q in quotes.extract_quotes(parse(text))] == ["Beruff"]


def test_quotes_a_participle_borrows_the_nearer_of_two_subjects(parse):
    """"Speaking in Salem, New Hampshire, Lenz went after Rask, calling him …": the parser gave "went"
    two subjects, the place and Lenz; the one beside the verb speaks."""
    text = "Speaking at a town hall event in Salem, New Hampshire, Lenz went after Rask, calling him “a total stiff.”"
    assert [q.speaker for q in quotes.extract_quotes(parse(text))] == ["Lenz"]


@pytest.mark.parametrize(("text", "found"), [
    ("Rask punctuated his list by saying “Too many.” The audience gathered in the hall, echoing his words.",
     [("Rask", "Too many.")]),
    # the source's own aside, or the verbs its cue hangs on, may stand between
    ("“Not us, but we can’t argue with it!” Murphy, the head of the Harbour PAC, tweeted on Friday.",
     [("Murphy", "Not us, but we can’t argue with it!")]),
    ("“Should there be a register of every docker in this country?” a reporter can be heard asking Lenz.",
     [("a reporter", "Should there be a register of every docker in this country?")]),
])
def test_quotes_a_quotation_that_ends_its_sentence_is_not_signed_by_a_later_sentence(parse, text, found):
    """"… by saying “Too many.” The audience gathered, echoing his words": the new sentence is about
    the audience; the quotation is Rask's, from the cue before it."""
    assert _who_said_what(parse, text) == found


@pytest.mark.parametrize("text", [
    "No wonder Rask said, and I quote, \"We love the harbour levy.\" He is treating voters badly.",
    "Rask said, and I quote, “The levy stays.”",
])
def test_quotes_the_writers_i_quote_hands_on_the_speakers_words(parse, text):
    """"Rask said, and I quote, “…”": the writer quotes Rask; "I" is nobody's statement."""
    assert [q.speaker for q in quotes.extract_quotes(parse(text))] == ["Rask"]


@pytest.mark.parametrize(("text", "found"), [
    ("Varga's vow to cut the harbour levy angered the dockers.", [("Varga", "vow", "cut the harbour levy")]),
    ("Halden's pledge to keep the quays open won him the port towns.",
     [("Halden", "pledge", "keep the quays open")]),
    ("Ilse Varga spoke in Halden. She stepped up her attacks on Tarn.", [("Ilse Varga", "attacks", "Tarn")]),
    ("Mayor Anton Reid's endorsement of Halden came late.", [("Anton Reid", "endorsement", "Halden")]),
    ("Tarn's criticism of the new cranes was sharp.", []),  # PolNeAR marks few of these
    # the verb reports the noun with what it says: one statement, not a second inside it
    ("Ilse Varga spoke in Halden. She repeated her call for an early election.",
     [("Ilse Varga", "repeated", "her call for an early election")]),
    ("Ilse Varga spoke in Halden. Varga repeated her assurance that the workforce would be protected.",
     [("Ilse Varga", "assurance", "the workforce would be protected")]),
    ("Lind's decision to sell the old ferry surprised the council.", []),
    ("Tarn's plan to widen the canal is costly.", []),
])
def test_quotes_a_vow_or_an_attack_with_its_owner_reports_what_it_is_of(parse, text, found):
    """"Varga's vow to cut the levy" says what Varga vowed, as "Varga vowed to cut the levy" does, and
    "her attacks on Tarn" whom she attacked; a decision or a plan is an act, not words."""
    assert [(q.speaker, q.cue, q.text) for q in quotes.extract_quotes(parse(text))] == found


def test_quotes_a_second_that_clause_goes_on_with_the_statement(parse):
    """"told the chamber that A, and that B": B is more of the same statement, wherever the parser
    hung it (here under a noun inside the quotation)."""
    text = ('Varga told the chamber that the government was "not selling the port, but the right to operate it for '
            '35 years", and that the land, the quays and the harbour waters would remain state property.')
    (found,) = quotes.extract_quotes(parse(text))
    assert found.text.endswith("would remain state property") and found.text.startswith("the government was")


def test_quotes_a_threat_is_reported_speech(parse):
    found = quotes.extract_quotes(parse("Dockers' union threatens new walkout over Vestra port sale"))
    assert [(q.speaker.lower(), q.cue, q.text) for q in found] == [
        ("dockers' union", "threatens", "new walkout over Vestra port sale")]


@pytest.mark.parametrize(("text", "speaker"), [
    ("Kaldoran gas company Kaldgaz has suspended deliveries to Vestria after the importer failed to settle "
     "invoices, the company said in a statement on Monday.", "Kaldgaz"),
    ("Kaldgaz, the state gas company, halted deliveries on Monday. The company said the debt was large.", "Kaldgaz"),
    ("The company said the debt was large.", "company"),
])
def test_quotes_an_organisation_noun_resolves_to_the_name_introduced_with_it(parse, text, speaker):
    """"the company" stands for the organisation the article introduced as a company, as "the
    minister" stands for the person introduced as minister; with none, it stays as written."""
    assert [q.speaker for q in quotes.extract_quotes(parse(text))] == [speaker]


def test_quotes_a_promised_infinitive_keeps_the_predicate_the_parser_split_off(parse):
    """"vowed to keep the port closed until …": the parser hangs "closed …" on the cue; it is part of
    what was vowed."""
    text = ("The leader of the dockworkers vowed on Tuesday to keep the country’s biggest port closed until the "
            "government abandons its plan for automated cranes, as the minister insisted that the harbour would "
            "stay in public hands.")
    found = [q for q in quotes.extract_quotes(parse(text)) if q.cue == "vowed"]
    assert [q.text for q in found] == ["keep the country’s biggest port closed until the government abandons its "
                                       "plan for automated cranes"]


@pytest.mark.parametrize(("text", "found"), [
    ("Senate leader Anton Reid has been steadily pounding Wren as a “con artist” for weeks.",
     [("Anton Reid", "Wren as a “con artist”")]),
    # a verb that is no verb of saying ("hailed" is one: what the paper hailed the mayor as, it said)
    ("The paper pictured the mayor as “The Comeback Kid” on its front page.", []),
    ("Wren openly admires the mayor as a “strong leader,” aides say.",
     [("aides", "Wren openly admires the mayor as a “strong leader,”")]),
])
def test_quotes_a_quoted_label_after_as_is_its_subjects_words(parse, text, found):
    """"pounding Wren as a “con artist”": whatever the verb, a subject that puts its object down as a
    quoted label says so; a quoted title is no label, and inside someone's statement it is theirs."""
    assert _who_said_what(parse, text) == found


@pytest.mark.parametrize(("text", "found"), [
    ("In the new Harbour Ledger poll, Lenz leads Varga by six points among likely voters.",
     [("the new Harbour Ledger poll", "Lenz leads Varga by six points among likely voters")]),
    ("In a survey released last Thursday, 79 percent of residents said they were satisfied with the council.",
     [("a survey", "79 percent of residents said they were satisfied with the council"),
      ("79 percent of residents", "they were satisfied with the council")]),
    ("In a recent study, two economists said that the levy cost the port its trade.",
     [("two economists", "the levy cost the port its trade")]),
    ("In the harbour, Lenz leads the dockers on their march to the council.", []),
])
def test_quotes_a_sentence_opened_by_in_and_a_poll_reports_what_it_found(parse, text, found):
    """"In the new poll, Lenz leads …" reports the poll, as "according to the poll" does; a subject
    that speaks for itself ("two economists said") keeps its words, a share of those asked does not."""
    assert _who_said_what(parse, text) == found


@pytest.mark.parametrize(("text", "found"), [
    ("Mayor Ilse Wren supports a ban on cruise ships in the inner harbour.",
     [("Ilse Wren", "a ban on cruise ships in the inner harbour")]),
    ("The dockers’ union wants to delay the vote until the spring.", [("dockers’ union", "delay the vote until the spring")]),
    ("Do you support a ban on cruise ships in the inner harbour?", []),
    ("Wren would support a ban on cruise ships if the council agreed.", []),
    ("Donors gave money to a group backing the mayor's campaign for a second term.", []),
    ("The levy was tied to Ilse Wren, who supported the harbour bill in 2021.", [("Ilse Wren", "the harbour bill")]),
    ("The levy angered people who oppose the harbour bill.", []),  # which people, not what they said
    ("Former mayor Anton Reid endorsed Halden on Tuesday.", [("Anton Reid", "Halden")]),  # when is not what
    ("The dockers' union backs Halden.", [("dockers' union", "Halden")]),  # a name alone is what is backed
    ("Reid was asked if he would endorse Halden.", []),
    ("Ilse Wren is running again. The dockers’ union backs her.", [("dockers’ union", "her")]),  # a person named before
    ("The union asked if Reid would back her.", [("union", "if Reid would back her")]),  # the union's question
    ("The dockers’ union prefers a vote in May.", [("dockers’ union", "a vote")]),  # the time stays out
])
def test_quotes_a_sources_stance_is_its_statement(parse, text, found):
    """"Wren supports a ban …": what a named source is for or against is reported as its stance;
    a question to the reader, a supposition and a group described by what it backs are not."""
    assert _who_said_what(parse, text) == found


@pytest.mark.parametrize(("text", "found"), [
    ("Harbour police determined that the crane operator had not been drinking.",
     [("Harbour police", "the crane operator had not been drinking")]),
    ("Mayor Ilse Wren has learned that the ministry will close the northern ferry terminal.",
     [("Ilse Wren", "the ministry will close the northern ferry terminal")]),
    ("Many of the dockers suspect that the levy will drive the cruise lines away.",
     [("many of the dockers", "the levy will drive the cruise lines away")]),
    ("The strike was led by Anton Reid, who realised that the owners would not give way.",
     [("Anton Reid", "the owners would not give way")]),
    ("The delay means that the ferries will sail half empty until May.", []),  # a delay says nothing
    # the writer's hedge: nobody's words (rule hedge, no speaker)
    ("It appears that the port will reopen on Monday.", [(None, "the port will reopen on Monday")]),
    ("It was decided that the port would reopen on Monday.", []),
    ("Wren said the minister knew that the cranes were idle.",
     [("Wren", "the minister knew that the cranes were idle")]),
    ("Port officials remain confident that the talks will resume in March.",
     [("port officials", "the talks will resume in March")]),
    ("The workers were adamant that the strike would last until May.", [("the workers", "the strike would last until May")]),
    ("Wren made it clear that the northern quay would not be sold.", [("Wren", "the northern quay would not be sold")]),
    ("Some councillors made clear that they would like to see a vote.",
     [("some councillors", "they would like to see a vote")]),
    ("It is clear that the northern quay will not be sold.", []),
    ("The delay was so long that the ferries sailed half empty.", []),
])
def test_quotes_a_source_with_a_that_clause_reports_it(parse, text, found):
    """"Police determined that …", "Wren has learned that …": whatever the verb, a source that can
    speak reports its that-clause; an inanimate subject, an "it" and a verb inside what someone
    else said do not."""
    assert _who_said_what(parse, text) == found


@pytest.mark.parametrize(("text", "found"), [
    ("Dock owners pressed the council to reopen the northern quay before the summer.",
     [("Dock owners", "the council to reopen the northern quay before the summer")]),
    ("Wren challenged the minister to publish the crane contracts in full.",
     [("Wren", "the minister to publish the crane contracts in full")]),
    # what the council is pressed to say is not said yet, and never by the one who pressed
    ("Wren pressed the council to reject the debt deal.", [("Wren", "the council to reject the debt deal")]),
    ("The ferry company was pressed to cut its fares.", []),  # the passive names nobody who asked
    ("The crane pushed the container to the edge of the quay.", []),  # no one asked to do anything
    ("Wren did not press the council to reopen the quay.", []),
    ("Halden urged Vestra to look at the figures.", [("Halden", "Vestra to look at the figures")]),
    ("The union called on the ministry to publish the report.",
     [("union", "the ministry to publish the report")]),
    # "called for X to do Y": the parser hangs the infinitive on the verb, apart from whom it is for
    ("Brenner called for port workers to back the new contract.",
     [("Brenner", "port workers to back the new contract")]),
])
def test_quotes_a_request_to_someone_is_what_was_asked(parse, text, found):
    """"pressed the council to reopen the quay": a request reports whom it was made to and what they
    were to do; a passive, a negated request and a push with no infinitive report nothing."""
    assert _who_said_what(parse, text) == found


@pytest.mark.parametrize(("text", "found"), [
    ("Lenz accused him of having a “penchant for secrecy.”", [("Lenz", "him of having a “penchant for secrecy.”")]),
    ("Wren applauded them for defying the board “over and over again.”",
     [("Wren", "them for defying the board “over and over again.”")]),
    ("Wren likened it to the old campaigns where dockers had to “stand up and be counted.”",
     [("Wren", "it to the old campaigns where dockers had to “stand up and be counted.”")]),
    ("The union called for getting the ferry service “back on track.”",
     [("union", "getting the ferry service “back on track.”")]),
    ("The harbour master reported it to the coast guard on Friday.", []),  # to whom, not what of it
    ("Wren praised him in a letter to the council.", []),
])
def test_quotes_a_pronoun_object_with_what_is_said_of_it_is_the_content(parse, text, found):
    """"accused him of having a “penchant for secrecy”": the whole phrase is what was said, not the
    quoted words alone; a pronoun with only where or to whom ("reported it to the coast guard") is none."""
    assert _who_said_what(parse, text) == found


@pytest.mark.parametrize(("text", "found"), [
    ("Wren talked about the levy at length on Monday.", [("Wren", "the levy")]),
    ("Halden pointed to the figures from the ministry.", [("Halden", "the figures from the ministry")]),
    ("Halden railed against the crane makers for an hour.", [("Halden", "the crane makers")]),
    ("Did Wren talk about the levy?", []),  # asked, not said
    ("Wren did not speak about the levy.", []),
    ("Wren would talk about the levy.", []),  # supposed
    ("The crane points to the sea.", []),  # a crane says nothing
    ("Wren commented on the sale of the quay.", [("Wren", "the sale of the quay")]),
    ("The port authority apologized for the delays at the quay.", [("port authority", "the delays at the quay")]),
    ("Lind alluded to the sale of the quay.", [("Lind", "the sale of the quay")]),
    ("The union balked at the price of the cranes.", [("union", "the price of the cranes")]),
    # not a topic spoken of: her refusal is the statement, with the infinitive whole
    ("Wren declined to comment on the sale of the quay.", [("Wren", "to comment on the sale of the quay")]),
    ("Varga wrote about the flooded quays in her column.", [("Varga", "the flooded quays")]),  # where, not what
    ("Lind touched on the harbour levy.", [("Lind", "the harbour levy")]),
])
def test_quotes_what_a_source_spoke_of_is_its_topic(parse, text, found):
    """"talked about the levy", "pointed to the figures": what a source spoke of is reported (rule
    topic); a question, a negation, a supposition and an inanimate subject report nothing."""
    assert _who_said_what(parse, text) == found


@pytest.mark.parametrize(("text", "found"), [
    ("Senator Ilse Varga has been highly critical of the port levy.", [("Ilse Varga", "the port levy")]),
    ("The union remains wary of the plan to sell the quay.", [("union", "the plan to sell the quay")]),
    ("Is Varga critical of the levy?", []),  # asked
    ("Varga is not critical of the levy.", []),
    ("Varga would be supportive of the levy.", []),  # supposed
    ("The crane is critical of the quay's safety.", []),  # a crane holds no position
    ("Varga is proud of the harbour.", []),  # a feeling, not a position
])
def test_quotes_where_a_source_stands_is_its_attitude(parse, text, found):
    """"is critical of the levy", "remains wary of the plan": where a source stands (rule attitude);
    a question, a negation, a supposition, a source that cannot speak and a mere feeling report nothing."""
    assert _who_said_what(parse, text) == found


@pytest.mark.parametrize(("text", "found"), [
    ("About half of the dockers said they prefer an outsider, while about four in 10 want a harbour veteran.",
     [("about half of the dockers", "they prefer an outsider")]),
    # no comma: the time of what was said; "although": the speaker's own concession
    ("Wren said the ferries would sail while the cranes were repaired.",
     [("Wren", "the ferries would sail while the cranes were repaired")]),
    ("Wren said she identifies as an independent, although she is registered with the Harbour Party.",
     [("Wren", "she identifies as an independent, although she is registered with the Harbour Party")]),
])
def test_quotes_a_contrast_after_a_comma_is_the_writers(parse, text, found):
    """", while about four in 10 want …": a contrast set off by a comma, with a subject of its own,
    is the writer's sentence going on, not part of what was said."""
    assert _who_said_what(parse, text) == found


@pytest.mark.parametrize(("text", "found"), [
    ("Wren seemed to waver on the levy after the vote.", [(None, "Wren seemed to waver on the levy after the vote")]),
    ("The harbour bill is expected to pass on Friday.", [(None, "The harbour bill is expected to pass on Friday")]),
    ("It appears that the ferry talks have stalled.", [(None, "the ferry talks have stalled")]),
    ("The dockers' union is reportedly spending heavily on advertising.",
     [(None, "The dockers' union is reportedly spending heavily on advertising")]),
    ("Councillor Brenn, who is widely seen as a favourite, spoke last.", [(None, "who is widely seen as a favourite")]),
    ("“The levy seems fair,” Wren said.", [("Wren", "The levy seems fair,")]),  # held by Wren's words
    ("The ferry appeared at the quay on Friday.", []),  # came into view: no claim
    ("The levy seemed fair to Wren.", []),  # Wren's view, not the writer's hedge
    ("Do the talks seem stalled?", []),
    ("We seem to have lost the thread.", []),  # the writer's own "we"
])
def test_quotes_a_writers_hedge_is_a_claim_with_no_source(parse, text, found):
    """"seemed to waver", "is expected to pass", "reportedly spending": attribution corpora count the
    writer's hedge as an attribution with no source; its speaker stays null (rule hedge), never a
    name from the sentence."""
    assert _who_said_what(parse, text) == found


def test_quotes_a_hedge_is_taken_at_low_confidence(parse):
    [hedge] = quotes.extract_quotes(parse("The harbour bill is expected to pass on Friday."))
    assert (hedge.rule, hedge.confidence, hedge.cue, hedge.speaker_start) == (quotes.HEDGE, 0.3, "expected", None)


def test_quotes_a_document_that_reads_after_the_quotation_is_its_source(parse):
    """"“…,” read the editorial": the parser takes the inverted subject for an object; it is the source."""
    text = "“If she wants to lead the port, Wren should come to the quay,” read the editorial."
    assert [(q.speaker, q.cue) for q in quotes.extract_quotes(parse(text))] == [("the editorial", "read")]


@pytest.mark.parametrize("text, said", [
    # the time of the saying, hung by the parser on what was said
    ("Halden said after the convention he would not accept Brenn's endorsement if it were offered.",
     ("Halden", "he would not accept Brenn's endorsement if it were offered")),
    # a subject and its description read as a clause before the cue ("privy" taken for a verb)
    ("Multiple sources privy to negotiations say it's the union leaders who have insisted on acting now.",
     ("multiple sources", "it's the union leaders who have insisted on acting now")),
])
def test_quotes_what_the_parser_misplaced_around_the_cue(parse, text, said):
    found = quotes.extract_quotes(parse(text))
    assert [(q.speaker, q.text) for q in found] == [said]


def test_quotes_a_continuing_participle_after_a_comma_is_the_next_statement(parse):
    """"said that A, saying B": the parser hangs "saying" on A, but B is the speaker's next statement."""
    text = "Anton Reid said that the levy was improper but not illegal, saying the council had acted in haste."
    assert [(q.speaker, q.text, q.cue) for q in quotes.extract_quotes(parse(text))] == [
        ("Anton Reid", "the levy was improper but not illegal", "said"),
        ("Anton Reid", "the council had acted in haste", "saying")]


def test_quotes_a_continuing_participle_after_a_second_predicate_is_the_next_statement(parse):
    """"said A has been X and would do Y, saying B": the participle hangs on the second predicate of
    what was said; it is still the speaker's next statement, not the reported clause's subject's."""
    text = ("Mira Lind said her father has been an advocate for dockers in his company and would do the same as "
            "mayor, saying that he supports equal pay for equal work.")
    assert [(q.speaker, q.text, q.cue) for q in quotes.extract_quotes(parse(text))] == [
        ("Mira Lind", "her father has been an advocate for dockers in his company and would do the same as mayor",
         "said"),
        ("Mira Lind", "he supports equal pay for equal work", "saying")]


def test_quotes_a_stance_inside_what_was_said_stays_part_of_it(parse):
    """A stance verb is no cue: "said she was tired … and wanted a new candidate" is one statement."""
    text = "The actress said she was tired of the old guard and wanted a candidate from outside the party."
    assert [q.text for q in quotes.extract_quotes(parse(text))] == [
        "she was tired of the old guard and wanted a candidate from outside the party"]


@pytest.mark.parametrize(("text", "found"), [
    ("The dockers' union on Monday asked the court to block the sale of the quay.",
     [("dockers' union", "the court to block the sale of the quay")]),
    ("Reporters asked whether the quay would be sold.", [("reporters", "whether the quay would be sold")]),  # a question
    ("A senior official, who asked not to be named, said the talks had stalled.",
     [("a senior official", "the talks had stalled")]),  # asks nobody anything
    ("Varga would ask the council to delay the vote.", []),  # supposed, not asked
])
def test_quotes_what_a_source_asks_someone_to_do_is_its_request(parse, text, found):
    assert _who_said_what(parse, text) == found


def test_quotes_encouraging_is_reported_speech(parse):
    found = quotes.extract_quotes(parse("Mayor Ilse Wren encouraged residents to “stay away from the quay” on Friday."))
    assert [(q.speaker, q.cue) for q in found] == [("Ilse Wren", "encouraged")]


def test_quotes_a_view_reported_inside_a_quotation_is_no_statement_of_its_holder(parse):
    """Words said on a named occasion, reported inside a quotation, are the other person's
    (nested_cue); what the speaker says that person thinks is the speaker's own view."""
    said = parse("“Mayor Lotte Brenn said at the council meeting that the quays would be sold, and nobody believed "
                 "her,” Wren told reporters.")
    thinks = parse("“Mayor Lotte Brenn thinks that the quays should be sold, and nobody agrees,” Wren told reporters.")
    assert [(q.speaker, q.text) for q in quotes.extract_quotes(said)][1:] == [("Lotte Brenn", "the quays would be sold")]
    assert [q.speaker for q in quotes.extract_quotes(thinks)] == ["Wren"]


@pytest.mark.parametrize("verb, nested", [
    ("said at the council meeting", True), ("said on Monday", True), ("told reporters", True),
    ("said", False), ("told me", False)])
def test_quotes_words_reported_inside_a_quotation_need_the_occasion_they_were_said_on(parse, verb, nested):
    """“Brenn said at the council meeting that …,” Wren said: the words can be found where they were
    said, so they are Brenn's statement too. “Brenn told me that …” or “Brenn said that …” with no
    occasion is the speaker's account of a conversation: the speaker's words only."""
    text = f"“Mayor Lotte Brenn {verb} that the quays would be sold by the spring,” Wren said."
    speakers = [q.speaker for q in quotes.extract_quotes(parse(text))]
    assert speakers == (["Wren", "Lotte Brenn"] if nested else ["Wren"])


@pytest.mark.parametrize("text", [
    "“Mayor Lotte Brenn thanked the crews for their work on the quays all winter,” Wren told reporters.",
    "“Mayor Lotte Brenn called on the council to sell the quays before the winter,” Wren told reporters.",
    "“Mayor Lotte Brenn keeps attacking the dockers who kept the port open all winter,” Wren told reporters.",
])
def test_quotes_a_deed_told_inside_a_quotation_is_no_statement_of_its_doer(parse, text):
    """Whom a person thanked, called on or attacked, told inside someone else's quotation, is
    the speaker's account of a deed: only a verb of saying with a clause of its own reports the
    other's words."""
    assert [q.speaker for q in quotes.extract_quotes(parse(text))] == ["Wren"]


def test_quotes_a_plural_role_stays_a_group(parse):
    """"Federal officials said": several people, never the one person the article named last."""
    text = ("Harbour master Piet Arnesen said the quays were safe.\n\n"
            "Federal officials said a second crane had failed an inspection.\n\n"
            "The inspectors said the crane would stay closed until May.")
    assert [q.speaker for q in quotes.extract_quotes(parse(text))] == [
        "Piet Arnesen", "Federal officials", "the inspectors"]


@pytest.mark.parametrize(("text", "words"), [
    ("The port's heavy investment in new cranes, Ms. Varga said, “is a perfect example of adapting” to the "
     "changing economics of shipping.",
     "The port's heavy investment in new cranes, Ms. Varga said, “is a perfect example of adapting” to the "
     "changing economics of shipping"),
    # the quotation goes on in lower case: it finishes the sentence its opening phrase began
    ("In other words, Ms. Varga said, “the era of cheap freight is over.”",
     "In other words, Ms. Varga said, “the era of cheap freight is over.”"),
    ("In other words, Ms. Varga said, “The era of cheap freight is over.”", "The era of cheap freight is over."),
])
def test_quotes_a_cue_inside_a_partly_quoted_sentence_says_the_sentence(parse, text, words):
    """"X, she said, “…” …": the whole sentence is hers, not only the quotation after the cue; an
    opening phrase before a quotation that starts a sentence of its own ("In other words, she said,
    “The …”") stays out."""
    assert _who_said_what(parse, text) == [("Ms. Varga", words)]


def test_quotes_a_spokesman_for_someone_is_never_the_person_named_last(parse):
    """"Brenn's spokesman said … the spokesman added": the role held for someone else is one unnamed
    person all along, not the person the article named last."""
    text = ("Harbour master Piet Arnesen said the quays were safe.\n\n"
            "Brenn's spokesman said the mayor stood by her comments on the sale.\n\n"
            "The spokesman said there was no meeting planned with the buyers.")
    assert [q.speaker for q in quotes.extract_quotes(parse(text))] == [
        "Piet Arnesen", "Brenn's spokesman", "Brenn's spokesman"]


def test_quotes_former_alone_does_not_make_a_role_someone_elses(parse):
    """"The former minister" is not the "former central bank governor" the article named:
    an adjective such as "former" says nothing of whose role it is."""
    text = ("Former central bank governor Anna Holt said rates would rise in the spring.\n\n"
            "The former minister said the port would stay in public hands.")
    assert [q.speaker for q in quotes.extract_quotes(parse(text))] == ["Anna Holt", "the former minister"]


def test_quotes_a_short_title_before_a_name_is_a_role(parse):
    """"Ostrel Sen. Anna Holt" is later "the Ostrel senator"; she is not the person named last."""
    text = ("Ostrel Sen. Anna Holt said the port should stay in public hands.\n\n"
            "Harbour master Piet Arnesen said the quays were safe.\n\n"
            "The Ostrel senator predicted that the sale would fail in parliament.")
    assert [q.speaker for q in quotes.extract_quotes(parse(text))] == ["Anna Holt", "Piet Arnesen", "Anna Holt"]


def test_quotes_a_bare_surname_shared_by_two_people_is_the_one_named_first(parse):
    """"Lotte Brenn … her father, Jonas K. Brenn … Brenn said": the bare surname is the person the
    story introduced first, however fully the other is named."""
    text = ("Mayor Lotte Brenn said the port would stay public.\n\n"
            "Her father, Jonas K. Brenn, ran the harbour for thirty years.\n\n"
            "Brenn said later that the sale was off.")
    assert [q.speaker for q in quotes.extract_quotes(parse(text))] == ["Lotte Brenn", "Lotte Brenn"]


def test_quotes_one_of_a_group_named_in_apposition_is_that_person(parse):
    """"One of the dockers, Piet Arnesen, 70, said": the number the recogniser tagged is no speaker;
    the name beside it is."""
    found = quotes.extract_quotes(parse("One of the dockers, Piet Arnesen, 70, said he was sure the sale would fail."))
    assert [q.speaker for q in found] == ["Piet Arnesen"]


def test_quotes_a_bare_quotation_after_someone_else_acts_is_theirs(parse):
    """“…,” Jonas Brenn said. Lotte Brenn shook her head. “…”: the second quotation is hers, not a
    continuation of his."""
    text = ("“It goes in here and goes out here,” Jonas Brenn said, pointing to his ears. "
            "Lotte Brenn shook her head. “Jonas is much better about it than I am.”")
    assert [(q.speaker, q.rule.split(":")[-1]) for q in quotes.extract_quotes(parse(text))] == [
        ("Jonas Brenn", "cue_clause"), ("Lotte Brenn", "action_beat")]


@pytest.mark.parametrize(("beat", "speaker"), [
    ("Ostrel University's Dana Kroll agreed.", "Dana Kroll"),
    ("Or maybe the old crane, harbour engineer Dana Kroll says.", None),
    # where and when it was said are no words of its own
    ("Dana Kroll, the communications director for the Vestra Labour Party said in a statement.", "Dana Kroll"),
])
def test_quotes_a_cue_with_no_words_of_its_own_hands_them_to_the_quotation_after_it(parse, beat, speaker):
    """"Dana Kroll agreed. “…”": the cue says nothing itself, so the next quotation is hers. A cue
    whose sentence carries words of its own ("Or maybe the old crane, Kroll says.") is no such
    beat: the parser may take "the old crane" for its subject, so nothing is guessed."""
    text = f"“The port will close,” said Jonas Brenn, a docker.\n\n{beat} “Nobody can keep it open for long, and the owners know it.”"
    found = quotes.extract_quotes(parse(text))
    assert [q.speaker for q in found if q.text.startswith("Nobody")] == ([speaker] if speaker else [])


def test_quotes_a_closing_cue_says_only_the_quotation_after_a_colon(parse):
    """"A source did so, but with a caveat: “…,” the source said.": the parser hangs the whole
    sentence on "said", which says only the quotation after the colon."""
    text = ("Ilse Varga spoke at the harbour on Monday. A separate source close to the talks did so, but with "
            "a caveat: “The mayor is one of the main players but by no means the only one,” the source said.")
    assert [(q.text, q.kind) for q in quotes.extract_quotes(parse(text))] == [
        ("The mayor is one of the main players but by no means the only one,", "direct")]


def test_quotes_in_a_transcript_i_is_the_speaker_of_the_turn_and_questions_state_nothing(parse):
    """"FALLIN: I think …" is Mary Fallin's whole turn; the host's "Do you think …?" asks and
    states nothing."""
    text = ("Governor Mary Fallin spoke to the host on Sunday.\n\n"
            "TAPPER: Do you think the mayor has campaigned as a healer?\n\n"
            "FALLIN: I think she is trying to campaign as a healer.")
    assert _who_said_what(parse, text) == [
        ("Mary Fallin", "I think she is trying to campaign as a healer.")]


@pytest.mark.parametrize(("text", "speakers"), [
    ("Federal officials said a second crane had failed an inspection. They added that the port would stay open.",
     ["federal officials", "federal officials"]),
    ("Lotte Brenn and Piet Arnesen wrote to the buyers on Monday. They said the talks had gone well.",
     ["Lotte Brenn and Piet Arnesen"]),
    ("Dockers crowded the quay on Monday. They said the talks had gone badly.", [None]),
])
def test_quotes_they_is_the_group_that_spoke_last(parse, text, speakers):
    """"they" stands for the latest group that said something nearby; a group that only did
    something ("dockers crowded the quay") is too weak a clue, and "they" stays unresolved."""
    assert [q.speaker for q in quotes.extract_quotes(parse(text))] == speakers


def test_quotes_a_role_goes_to_nobody_known_in_another_office(parse):
    """"The Ostrel senator": not the governor named last; the candidate may be the senator."""
    text = ("Democratic candidate Lotte Brenn said on Monday that she would win the state.\n\n"
            "Governor Piet Arnesen said the polls were wrong.\n\n"
            "The Ostrel senator added that the port would stay in public hands.")
    assert [q.speaker for q in quotes.extract_quotes(parse(text))] == ["Lotte Brenn", "Piet Arnesen", "Lotte Brenn"]


@pytest.mark.parametrize(("text", "speaker"), [
    ("The ad uses footage of Lotte Brenn asking, “Why am I not fifty points ahead?”", "Lotte Brenn"),
    ("The strike has left 62 percent of voters saying the port should stay public.", "voters"),
    ("The minister emailed supporters saying: “The struggle continues.”", "the minister"),
])
def test_quotes_a_participle_right_after_a_person_is_theirs(parse, text, speaker):
    """"footage of Lotte Brenn asking, “…”": the person the participle follows asks, not the ad;
    after an object ("emailed supporters saying") the sender speaks."""
    assert [q.speaker for q in quotes.extract_quotes(parse(text))] == [speaker]


def test_quotes_a_role_is_not_guessed_onto_a_relative(parse):
    """The nominee Jonas Brenn and his daughter Lotte Brenn share a surname, so what is known of
    "Brenn" may be either's: "the Ostrel candidate" is not guessed to be the daughter named last."""
    text = ("Nominee Jonas Brenn wants a new levee.\n\n"
            "Lotte Brenn said on Monday that her father would win the state.\n\n"
            "The Ostrel candidate proposes that parents deduct the cost of child care.")
    # (his stance, "wants a new levee", is his own statement)
    assert [q.speaker for q in quotes.extract_quotes(parse(text))] == ["Jonas Brenn", "Lotte Brenn", "the Ostrel candidate"]


def test_quotes_a_guessed_role_holder_says_so_in_its_confidence(parse):
    """"the minister" introduced as Ilse Varga's role is known; "the Ostrel senator", a role the
    article gave nobody, is a guess: the same speaker, far less confidence."""
    known = quotes.extract_quotes(parse("Transport Minister Ilse Varga visited the harbour.\n\n"
                                        "The minister said the cranes would arrive in May."))
    guessed = quotes.extract_quotes(parse("Ilse Varga visited the harbour.\n\n"
                                          "The Ostrel senator said the cranes would arrive in May."))
    assert [q.speaker for q in known] == [q.speaker for q in guessed] == ["Ilse Varga"]
    assert guessed[0].confidence < 0.6 < known[0].confidence


@hyp_settings(max_examples=200, deadline=None)
@given(pieces=st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)).map(sorted), max_size=8),
       offset=st.integers(-2, 64))
def test_quotes_the_quotation_index_answers_as_a_scan_would(pieces, offset):
    """Quotations.covers (a binary search) agrees with scanning every piece, nested pieces too."""
    spans = [quotes.Marked(start, end) for start, end in pieces]
    scanned = any(m.start <= offset < m.end for m in spans)
    assert quotes.Quotations(spans).covers(offset) == scanned
    assert quotes._inside(offset, quotes.Quotations(spans)) == quotes._inside(offset, spans)


@pytest.mark.parametrize(("text", "quoted", "speaker"), [
    # a name the tagger does not know, read as an adverb, beside its cue
    ("The board met on Monday.\n\n“Having access to the old harbour file is valuable,” said Skelly, explaining "
     "he had worked with the port.", "Having access to the old harbour file is valuable,", "Skelly"),
    ("The board met on Monday.\n\n“Having access to the old harbour file is valuable,” Skelly said.",
     "Having access to the old harbour file is valuable,", "Skelly"),
    # a description before the name: the name right before the cue speaks
    ("The week was hard for the studio.\n\n\"Just saw the mayor's tweet. I'm impressed by his ability to insult "
     "every kind of voter,\" screenwriter Cole Varga wrote on Twitter.", "Just saw the mayor's tweet.", "Cole Varga"),
    # "who" stands for a person
    ("A cashier was shaken by the talk. \"One man came in and said maybe we should start shutting them out,\" "
     "said the woman, who like many in the town did not want to be named.", "One man came in", "the woman"),
    # a tensed cue read as a participle hung on the noun before it
    ("The response was fast.\n\nIlse Varga, the 2020 Ostrel party nominee, tweeted in response: “Important "
     "distinction: the port pays its workers; the board pays its friends.”", "Important distinction", "Ilse Varga"),
    ("Piet Arnesen posted the clip on Thursday.\n\n“What if the mayor had elocution lessons?” the 43-year-old "
     "asked in the video’s description.", "What if the mayor", "the 43-year-old"),
    # a quotation followed by its own cue is not the content of a verb before it
    ("If Ostrel is attacking the port, as many believe but Vestra strongly denies — “why wouldn’t you want to "
     "raise the potential for tampering?” asked Lind, now a partner at a communications firm.",
     "why wouldn’t you want to raise the potential for tampering?", "Lind"),
])
def test_quotes_a_quotation_goes_to_the_speaker_its_own_cue_names(parse, text, quoted, speaker):
    found = [q for q in quotes.extract_quotes(parse(text)) if text[q.start:q.end].startswith(quoted)]
    assert [q.speaker for q in found] == [speaker]


@pytest.mark.parametrize(("text", "quoted", "speaker"), [
    # two capitalised sentences are no title, though every word has a capital
    ("Halden joked that Tarn was his answer.\n\n“Like Vestra. Or Tarn,” Halden said. “The crime numbers are worse.”",
     "Like Vestra. Or Tarn,", "Halden"),
    # a cry left open for the cue after it
    ("The rally ran late. “Lock Her Up!” the crowd chanted.", "Lock Her Up!", "the crowd"),
])
def test_quotes_capitalised_words_with_a_cue_after_them_are_said(parse, text, quoted, speaker):
    found = [q for q in quotes.extract_quotes(parse(text)) if text[q.start:q.end].startswith(quoted)]
    assert [q.speaker for q in found] == [speaker]


@pytest.mark.parametrize(("text", "title"), [
    ("In an interview on Vestra One's “Morning Hour,” Ilse Varga said the port would reopen.", "Morning Hour"),
    # "The" and one capitalised word name a show as well
    ("Tarn, star of the reality show \"The Ledger,\" said in an interview that the levy was unfair.", "The Ledger"),
])
def test_quotes_capitalised_words_inside_a_sentence_stay_a_title(parse, text, title):
    """On CBS's “Face the Nation,” Ryan said …: a programme named mid-sentence is no statement."""
    assert all(title not in text[q.start:q.end] for q in quotes.extract_quotes(parse(text)))


def _hand_parse(rows: list[tuple]):
    """A parse built by hand — (word, tag, pos, dep, head, lemma, entity IOB) per token — for misparses
    that depend on the sentences around them and cannot be reproduced in a short text: a spaCy Doc."""
    from spacy.tokens import Doc

    words, tags, pos, deps, heads, lemmas, ents = map(list, zip(*rows))
    return Doc(nlp.load().vocab, words=words, tags=tags, pos=pos, deps=deps, heads=heads, lemmas=lemmas, ents=ents)


def test_quotes_a_second_cue_hung_on_a_that_clause_read_as_adverbial_is_the_first_speakers():
    """"Rask tweeted that Halden was “a con” and urged voters to …": with "that" read as an adverb,
    the parser hangs the reported clause as an adverbial one and joins "urged" to it; Rask urged,
    not Halden."""
    doc = _hand_parse([
        ("Rask", "NNP", "PROPN", "nsubj", 1, "Rask", "B-PERSON"), ("tweeted", "VBD", "VERB", "ROOT", 1, "tweet", "O"),
        ("that", "WDT", "PRON", "advmod", 4, "that", "O"), ("Halden", "NNP", "PROPN", "nsubj", 4, "Halden", "B-PERSON"),
        ("was", "VBD", "AUX", "advcl", 1, "be", "O"), ("“", "``", "PUNCT", "punct", 7, '"', "O"),
        ("a", "DT", "DET", "det", 7, "a", "O"), ("con", "NN", "NOUN", "attr", 4, "con", "O"),
        ("”", "''", "PUNCT", "punct", 7, '"', "O"), ("and", "CC", "CCONJ", "cc", 4, "and", "O"),
        ("urged", "VBD", "VERB", "conj", 4, "urge", "O"), ("voters", "NNS", "NOUN", "dobj", 10, "voter", "O"),
        ("to", "TO", "PART", "aux", 14, "to", "O"), ("“", "``", "PUNCT", "punct", 14, '"', "O"),
        ("look", "VB", "VERB", "xcomp", 10, "look", "O"), ("away", "RB", "ADV", "advmod", 14, "away", "O"),
        (".", ".", "PUNCT", "punct", 1, ".", "O"), ("”", "''", "PUNCT", "punct", 1, '"', "O")])
    assert [q.speaker for q in quotes.extract_quotes(doc)] == ["Rask", "Rask"]


def test_quotes_age_between_quotation_and_cue():
    """"“…,” Rask, 58, told the Courier": the age set off by commas stands between the name and the
    cue. In a longer article the parser hangs the name on the quoted verb and joins "told" to it, so
    "told" has no subject of its own."""
    doc = _hand_parse([
        ("“", "``", "PUNCT", "punct", 2, '"', "O"), ("We", "PRP", "PRON", "nsubj", 2, "we", "O"),
        ("were", "VBD", "AUX", "ROOT", 2, "be", "O"), ("wrong", "JJ", "ADJ", "acomp", 2, "wrong", "O"),
        ("to", "TO", "PART", "aux", 5, "to", "O"), ("wait", "VB", "VERB", "xcomp", 3, "wait", "O"),
        (",", ",", "PUNCT", "punct", 2, ",", "O"), ("”", "''", "PUNCT", "punct", 8, '"', "O"),
        ("Rask", "NNP", "PROPN", "npadvmod", 2, "Rask", "B-PERSON"), (",", ",", "PUNCT", "punct", 8, ",", "O"),
        ("58", "CD", "NUM", "appos", 8, "58", "O"), (",", ",", "PUNCT", "punct", 8, ",", "O"),
        ("told", "VBD", "VERB", "conj", 2, "tell", "O"), ("the", "DT", "DET", "det", 14, "the", "O"),
        ("Courier", "NNP", "PROPN", "dobj", 12, "Courier", "B-ORG"), (".", ".", "PUNCT", "punct", 2, ".", "O")])
    (q,) = quotes.extract_quotes(doc)
    assert (q.speaker, q.kind) == ("Rask", "direct") and q.text.strip().startswith("We were wrong to wait")


def test_quotes_a_cue_the_parser_hung_on_a_participle_takes_its_subject():
    """"But Halden, noting the size of the crowd, said, …" with "noting" read as the main verb."""
    doc = _hand_parse([
        ("But", "CC", "CCONJ", "cc", 3, "but", "O"),
        ("Halden", "NNP", "PROPN", "nsubj", 3, "Halden", "B-PERSON"), (",", ",", "PUNCT", "punct", 1, ",", "O"),
        ("noting", "VBG", "VERB", "ROOT", 3, "note", "O"), ("the", "DT", "DET", "det", 5, "the", "O"),
        ("crowd", "NN", "NOUN", "dobj", 3, "crowd", "O"), (",", ",", "PUNCT", "punct", 5, ",", "O"),
        ("said", "VBD", "VERB", "parataxis", 3, "say", "O"), (".", ".", "PUNCT", "punct", 3, ".", "O")])
    assert quotes.subject_of(doc[7]).text == "Halden"


def test_quotes_a_second_name_read_as_an_apposition_right_before_the_cue_speaks():
    """"Or maybe Jonas Brenn, consultant Petra Lind says.": Brenn is the topic, Lind speaks."""
    doc = _hand_parse([
        ("Or", "CC", "CCONJ", "cc", 8, "or", "O"), ("maybe", "RB", "ADV", "advmod", 8, "maybe", "O"),
        ("Jonas", "NNP", "PROPN", "compound", 3, "Jonas", "B-PERSON"),
        ("Brenn", "NNP", "PROPN", "nsubj", 8, "Brenn", "I-PERSON"), (",", ",", "PUNCT", "punct", 3, ",", "O"),
        ("consultant", "NN", "NOUN", "compound", 7, "consultant", "O"),
        ("Petra", "NNP", "PROPN", "compound", 7, "Petra", "B-PERSON"),
        ("Lind", "NNP", "PROPN", "appos", 3, "Lind", "I-PERSON"), ("says", "VBZ", "VERB", "ROOT", 8, "say", "O"),
        (".", ".", "PUNCT", "punct", 8, ".", "O")])
    assert quotes.subject_of(doc[8]).text == "Lind"


def test_quotes_a_stranded_cue_reaches_its_name_past_a_title():
    """"On Dec. 2, Col. Anton Rask, a spokesman, said …" with Rask hung on the date: the name opens
    its clause once its title ("Col.") is counted with it."""
    doc = _hand_parse([
        ("On", "IN", "ADP", "prep", 12, "on", "O"), ("Dec.", "NNP", "PROPN", "pobj", 0, "Dec.", "B-DATE"),
        ("2", "CD", "NUM", "nummod", 1, "2", "I-DATE"), (",", ",", "PUNCT", "punct", 1, ",", "O"),
        ("Col", "NNP", "PROPN", "compound", 7, "Col", "O"), (".", "NNP", "PROPN", "compound", 7, ".", "O"),
        ("Anton", "NNP", "PROPN", "compound", 7, "Anton", "B-PERSON"),
        ("Rask", "NNP", "PROPN", "appos", 1, "Rask", "I-PERSON"), (",", ",", "PUNCT", "punct", 7, ",", "O"),
        ("a", "DT", "DET", "det", 10, "a", "O"), ("spokesman", "NN", "NOUN", "appos", 7, "spokesman", "O"),
        (",", ",", "PUNCT", "punct", 7, ",", "O"), ("said", "VBD", "VERB", "ROOT", 12, "say", "O"),
        (".", ".", "PUNCT", "punct", 12, ".", "O")])
    assert quotes.subject_of(doc[12]).text == "Rask"


def test_quotes_a_document_speaks_for_whoever_issued_it(parse):
    text = ("On Saturday, Halden issued a statement saying that Brenn was \"a remarkable person and a brilliant "
            "harbour master, one of the best of all time.\"")
    assert [(q.kind, q.speaker) for q in quotes.extract_quotes(parse(text))] == [("mixed", "Halden")]


def test_quotes_a_that_clause_read_as_a_relative_clause_is_what_was_said():
    """"Varga predicted at the debate that Greens will take “every state”": "that" read as the
    object of a relative clause on "debate" that has an object and a subject of its own."""
    doc = _hand_parse([
        ("Varga", "NNP", "PROPN", "nsubj", 1, "Varga", "B-PERSON"), ("predicted", "VBD", "VERB", "ROOT", 1, "predict", "O"),
        ("at", "IN", "ADP", "prep", 1, "at", "O"), ("the", "DT", "DET", "det", 4, "the", "O"),
        ("debate", "NN", "NOUN", "pobj", 2, "debate", "O"), ("that", "WDT", "PRON", "dobj", 8, "that", "O"),
        ("Greens", "NNPS", "PROPN", "nsubj", 8, "Greens", "O"), ("will", "MD", "AUX", "aux", 8, "will", "O"),
        ("take", "VB", "VERB", "relcl", 4, "take", "O"), ("every", "DT", "DET", "det", 10, "every", "O"),
        ("state", "NN", "NOUN", "dobj", 8, "state", "O"), (".", ".", "PUNCT", "punct", 1, ".", "O")])
    assert quotes.clause_of(doc[1]).text == "Greens will take every state"


def test_quotes_a_reported_verb_takes_back_the_subject_the_parser_hung_on_the_cue():
    """"Lind said the days are gone" with "the days" read as the cue's time phrase."""
    doc = _hand_parse([
        ("Lind", "NNP", "PROPN", "nsubj", 1, "Lind", "B-PERSON"), ("said", "VBD", "VERB", "ROOT", 1, "say", "O"),
        ("the", "DT", "DET", "det", 3, "the", "B-DATE"), ("days", "NNS", "NOUN", "npadvmod", 1, "day", "I-DATE"),
        ("are", "VBP", "AUX", "auxpass", 5, "be", "O"), ("gone", "VBN", "VERB", "ccomp", 1, "go", "O"),
        (".", ".", "PUNCT", "punct", 1, ".", "O")])
    assert quotes.clause_of(doc[1]).text == "the days are gone"


def test_quotes_a_stranded_cue_reaches_a_name_with_its_description(parse):
    """"On the campaign trail for …, former minister Ilse Brenn said …": the words describing the
    name come before it, after the comma that opens its clause."""
    text = ("On the campaign trail for her husband Ostrel party front-runner Jonas Brenn, former minister Ilse Brenn "
            "said her husband was uniquely qualified to lead at this time because “the port’s in tough shape.”")
    assert [(q.kind, q.speaker) for q in quotes.extract_quotes(parse(text))] == [("mixed", "Ilse Brenn")]


def test_quotes_a_stranded_cue_reaches_a_role_right_before_it():
    """"In an interview with Lind, the candidate stated …" with "candidate" read as Lind's apposition."""
    doc = _hand_parse([
        ("In", "IN", "ADP", "prep", 8, "in", "O"), ("an", "DT", "DET", "det", 2, "an", "O"),
        ("interview", "NN", "NOUN", "pobj", 0, "interview", "O"), ("with", "IN", "ADP", "prep", 2, "with", "O"),
        ("Lind", "NNP", "PROPN", "pobj", 3, "Lind", "B-PERSON"), (",", ",", "PUNCT", "punct", 4, ",", "O"),
        ("the", "DT", "DET", "det", 7, "the", "O"), ("candidate", "NN", "NOUN", "appos", 4, "candidate", "O"),
        ("stated", "VBD", "VERB", "ROOT", 8, "state", "O"), ("that", "IN", "SCONJ", "mark", 11, "that", "O"),
        ("Varga", "NNP", "PROPN", "nsubj", 11, "Varga", "B-PERSON"), ("lost", "VBD", "VERB", "ccomp", 8, "lose", "O"),
        (".", ".", "PUNCT", "punct", 8, ".", "O")])
    assert quotes.subject_of(doc[8]).text == "candidate"


def test_quotes_a_stranded_cue_reaches_a_role_with_its_relative_clause(parse):
    """"…, a Vestra port official who spoke anonymously … said Wednesday, “…”" with the official read
    as an apposition of the team before it: the role's phrase ends right before the cue and speaks."""
    text = ("Although there is no such overlap with Lind's team, a Vestra port official who spoke anonymously to "
            "discuss internal strategy said Wednesday, \"Certainly there are discussions between the port and the "
            "Lind campaign.\" The aide declined to specify the nature of those discussions.")
    direct = [q.speaker for q in quotes.extract_quotes(parse(text)) if q.kind == "direct"]
    assert direct == ["a Vestra port official"]


def test_quotes_what_was_told_may_hang_elsewhere():
    """"after Varga told the Post she was “not there yet”" with the clause read as the main verb's
    and "told" hung under it: the clause right after the one told is what was said."""
    doc = _hand_parse([
        ("Talks", "NNS", "NOUN", "nsubj", 1, "talk", "O"), ("began", "VBD", "VERB", "ROOT", 1, "begin", "O"),
        ("after", "IN", "SCONJ", "mark", 4, "after", "O"), ("Varga", "NNP", "PROPN", "nsubj", 4, "Varga", "B-PERSON"),
        ("told", "VBD", "VERB", "advcl", 8, "tell", "O"), ("the", "DT", "DET", "det", 6, "the", "O"),
        ("Post", "NNP", "PROPN", "dobj", 4, "Post", "B-ORG"), ("she", "PRP", "PRON", "nsubj", 8, "she", "O"),
        ("was", "VBD", "AUX", "ccomp", 1, "be", "O"), ("not", "RB", "PART", "neg", 8, "not", "O"),
        ("there", "RB", "ADV", "advmod", 8, "there", "O"), ("yet", "RB", "ADV", "advmod", 8, "yet", "O"),
        (".", ".", "PUNCT", "punct", 1, ".", "O")])
    assert quotes.clause_of(doc[4]).text == "she was not there yet"


def test_quotes_the_rest_of_a_reported_predicate_after_a_quotation_is_still_reported():
    """"Perry said he is ready to “take on the cartel,” secure the border" with "secure" hung on the
    cue: a bare infinitive is no act of the speaker's and goes on with the content; "and blasted
    the board" (past, like the cue) would be the speaker's own."""
    rows = [("Perry", "NNP", "PROPN", "nsubj", 1, "Perry", "B-PERSON"), ("said", "VBD", "VERB", "ROOT", 1, "say", "O"),
            ("he", "PRP", "PRON", "nsubj", 3, "he", "O"), ("is", "VBZ", "AUX", "ccomp", 1, "be", "O"),
            ("ready", "JJ", "ADJ", "acomp", 3, "ready", "O"), ("to", "TO", "PART", "aux", 7, "to", "O"),
            ("“", "``", "PUNCT", "punct", 7, "“", "O"), ("take", "VB", "VERB", "xcomp", 4, "take", "O"),
            ("on", "RP", "ADP", "prt", 7, "on", "O"), ("the", "DT", "DET", "det", 10, "the", "O"),
            ("cartel", "NN", "NOUN", "dobj", 7, "cartel", "O"), (",", ",", "PUNCT", "punct", 1, ",", "O"),
            ("”", "''", "PUNCT", "punct", 1, "”", "O"), ("secure", "VB", "VERB", "advcl", 1, "secure", "O"),
            ("the", "DT", "DET", "det", 15, "the", "O"), ("border", "NN", "NOUN", "dobj", 13, "border", "O"),
            (".", ".", "PUNCT", "punct", 1, ".", "O")]
    doc = _hand_parse(rows)
    end = doc[10].idx + len(doc[10])
    assert doc.text[:quotes._continued_predicate(doc, doc[1], end)].endswith("secure the border")
    rows[13] = ("blasted", "VBD", "VERB", "conj", 1, "blast", "O")
    doc = _hand_parse(rows)
    assert quotes._continued_predicate(doc, doc[1], end) is None


@pytest.mark.parametrize(("text", "said"), [
    # the condition under which it holds is part of what was said ...
    ("Varga said there remains a “significant difference in private practice and government,” when it comes "
     "to how many lawyers work at the ministry.",
     "there remains a “significant difference in private practice and government,” when it comes to how many "
     "lawyers work at the ministry"),
    # ... and so are the infinitives the parser split off a promise
    ("Halden pledged to enact judicial reform, fix the town’s “broken” harbour finances and rebuild the port.",
     "enact judicial reform, fix the town’s “broken” harbour finances and rebuild the port"),
    # ... and the clause after a colon that spells out what was said
    ("Halden said Tarn will prove what his backers have long said: He is the candidate both insiders and "
     "outsiders can trust.",
     "Tarn will prove what his backers have long said: He is the candidate both insiders and outsiders can trust"),
])
def test_quotes_what_the_parser_hung_on_the_cue_goes_on_with_the_content(parse, text, said):
    (q,) = quotes.extract_quotes(parse(text))
    assert q.text == said


@pytest.mark.parametrize(("text", "said"), [
    ("The latest Vestra Daily poll showed Varga leading the field with 31 percent of Ostrel voters.",
     [("the latest Vestra Daily poll", "Varga leading the field with 31 percent of Ostrel voters")]),
    ("A Harbour Herald survey found Halden with 47 percent against Brenn, who has 44 percent.",
     [("a Harbour Herald survey", "Halden with 47 percent against Brenn, who has 44 percent")]),
    ("A poll for the Vestra Times last week showed Jensen ahead by six points.",
     [("a poll for the Vestra Times", "Jensen ahead by six points")]),
    # a video or a person showing something states nothing
    ("A video of the episode shows her clutching her phone.", []),
    ("Varga found it hard to leave the port.", []),
])
def test_quotes_a_poll_reports_what_it_shows_even_without_a_clause(parse, text, said):
    doc = parse(text)
    assert [(q.speaker, text[q.start:q.end]) for q in quotes.extract_quotes(doc)] == said


def test_quotes_what_a_company_reports_is_its_statement(parse):
    text = "Shares rose 3 percent. The company reported its smallest quarterly profit in 17 years."
    assert [(q.kind, text[q.start:q.end]) for q in quotes.extract_quotes(parse(text))] == \
        [("indirect", "its smallest quarterly profit in 17 years")]


def test_quotes_a_closing_cue_after_words_without_a_verb_reports_nothing(parse):
    """"Or perhaps Ilse Varga, campaign consultant Petra Lind says.": a name offered as an answer is
    no statement (and the quotation after it is not pulled into one)."""
    text = ("A headline about things\n\nOr perhaps Ilse Varga, campaign consultant Petra Lind says. \"Several "
            "surveys and direct feedback suggest a second look is occurring for Varga in the north.\"")
    assert all(not text[q.start:q.end].startswith("Or perhaps") for q in quotes.extract_quotes(parse(text)))


def test_quotes_a_message_to_people_saying_something_is_its_senders():
    """"Varga sent a memo to workers saying the port would reopen": the workers receive it."""
    doc = _hand_parse([
        ("Varga", "NNP", "PROPN", "nsubj", 1, "Varga", "B-PERSON"), ("sent", "VBD", "VERB", "ROOT", 1, "send", "O"),
        ("a", "DT", "DET", "det", 3, "a", "O"), ("memo", "NN", "NOUN", "dobj", 1, "memo", "O"),
        ("to", "IN", "ADP", "prep", 1, "to", "O"), ("workers", "NNS", "NOUN", "pobj", 4, "worker", "O"),
        ("saying", "VBG", "VERB", "acl", 5, "say", "O"), ("the", "DT", "DET", "det", 8, "the", "O"),
        ("port", "NN", "NOUN", "nsubj", 10, "port", "O"), ("would", "MD", "AUX", "aux", 10, "would", "O"),
        ("reopen", "VB", "VERB", "ccomp", 6, "reopen", "O"), (".", ".", "PUNCT", "punct", 1, ".", "O")])
    assert quotes.subject_of(doc[6]).text == "Varga"


@pytest.mark.parametrize(("text", "speaker"), [
    ("Mayor Ilse Varga spoke at length.\n\n“That was a good speech you gave last night, Madam Mayor,” Councillor "
     "Piet Arnesen, a Green from Tarn, told her.", "Piet Arnesen"),
    ("Jonas Brenn spoke at length.\n\n“That was a good speech you gave last night, Mr. Chairman,” Representative "
     "Piet Arnesen, Democrat of Tarn, told him.", "Piet Arnesen"),
])
def test_quotes_the_one_told_is_no_speaker_nor_is_a_name_inside_the_quotation(parse, text, speaker):
    assert [q.speaker.split()[-2:] for q in quotes.extract_quotes(parse(text))] == [speaker.split()]


def test_quotes_a_cue_inside_a_quotation_reports_the_clause_after_it():
    """"“…, one concern is …, he has said he would leave,” Varga said": inside the quotation, the
    clause after "has said" is what he said; the words the parser also hung before it are Varga's."""
    doc = _hand_parse([
        ("concern", "NN", "NOUN", "nsubj", 1, "concern", "O"), ("is", "VBZ", "AUX", "ccomp", 5, "be", "O"),
        (",", ",", "PUNCT", "punct", 5, ",", "O"), ("he", "PRP", "PRON", "nsubj", 5, "he", "O"),
        ("has", "VBZ", "AUX", "aux", 5, "have", "O"), ("said", "VBN", "VERB", "ROOT", 5, "say", "O"),
        ("he", "PRP", "PRON", "nsubj", 8, "he", "O"), ("would", "MD", "AUX", "aux", 8, "would", "O"),
        ("leave", "VB", "VERB", "ccomp", 5, "leave", "O"), (".", ".", "PUNCT", "punct", 5, ".", "O")])
    assert quotes.clause_of(doc[5], quoted=True).text == "he would leave"
    assert quotes.clause_of(doc[5]).text == "concern is"


def test_quotes_a_name_the_parser_left_without_its_object_keeps_what_was_named():
    """"…, calling Varga’s charge “pathetic” and “dangerous”" with "charge" read as part of the name
    and "calling" left without an object: what was said still runs through the names given."""
    doc = _hand_parse([
        ("Lind", "NNP", "PROPN", "nsubj", 1, "Lind", "B-PERSON"), ("responded", "VBD", "VERB", "ROOT", 1, "respond", "O"),
        (",", ",", "PUNCT", "punct", 1, ",", "O"), ("calling", "VBG", "VERB", "advcl", 1, "call", "O"),
        ("Varga", "NNP", "PROPN", "poss", 6, "Varga", "B-PERSON"), ("’s", "POS", "PART", "case", 4, "’s", "O"),
        ("charge", "NN", "NOUN", "npadvmod", 8, "charge", "O"), ("“", "``", "PUNCT", "punct", 8, "“", "O"),
        ("pathetic", "JJ", "ADJ", "oprd", 3, "pathetic", "O"), ("”", "''", "PUNCT", "punct", 8, "”", "O"),
        ("and", "CC", "CCONJ", "cc", 8, "and", "O"), ("“", "``", "PUNCT", "punct", 12, "“", "O"),
        ("dangerous", "JJ", "ADJ", "conj", 8, "dangerous", "O"), (".", ".", "PUNCT", "punct", 1, ".", "O"),
        ("”", "''", "PUNCT", "punct", 1, "”", "O")])
    assert quotes.clause_of(doc[3]).text == "Varga ’s charge “ pathetic ” and “ dangerous"


@pytest.mark.parametrize(("text", "named"), [
    ("Lind's campaign posted a video from an account called “Quay-Watch” that showed Varga at the quay.",
     "Quay-Watch"),
    ("The main challenge came from an unaligned “Tarn first” push, which proposed its own slate.", "Tarn first"),
])
def test_quotes_a_quoted_name_inside_a_phrase_is_nobodys_words(parse, text, named):
    """A thing's quoted name ("an account called “…” that showed", "an unaligned “…” push") is no
    statement of the thing: nobody said it."""
    assert not [q for q in quotes.extract_quotes(parse(text)) if q.text == named]


def test_quotes_a_passive_naming_verb_gives_the_words_to_its_agent(parse):
    """"was called “…” by Varga": the one by whom, never the thing named; with no one by whom, nobody."""
    unnamed = quotes.extract_quotes(parse("The levy has been called “daylight robbery” in the harbour towns."))
    assert _who_said_what(parse, "The levy was called “daylight robbery” by Ilse Varga.") == [
        ("Ilse Varga", "daylight robbery")]
    assert [q.speaker for q in unnamed if q.text == "daylight robbery"] == []


def test_quotes_a_transcript_without_quotation_marks_gives_each_turn_to_its_speaker(parse):
    """"LIND: …¶VARGA: …": each paragraph opened by a name in capitals and a colon is a turn, the
    whole turn one statement; a cue of the same speaker inside it is no statement of its own, a turn
    that only asks states nothing; one such paragraph alone (a kicker, a label) is no transcript."""
    text = ("Partial transcript as follows:\n\n"
            "LIND: Mayor Varga closed the quay on Friday. Take a listen.\n\n"
            "VARGA: The quay stays shut until the cranes are safe, and I think everybody here knows why.\n\n"
            "LIND: Do you think the port will reopen before the winter?")
    assert [(q.speaker, q.text[:20]) for q in quotes.extract_quotes(parse(text))] == [
        ("LIND", "Mayor Varga closed t"), ("Mayor Varga", "The quay stays shut ")]
    alone = "UPDATE: The quay stays shut until the cranes are safe, the harbour office said on Friday."
    assert [q.rule.split(":")[-1] for q in quotes.extract_quotes(parse(alone))] == ["cue_clause"]


def test_quotes_a_printed_interview_gives_each_answer_to_the_one_named(parse):
    """"Varga: No. …": an interview printed as questions and answers names its speaker in ordinary
    case; a name the article gives with a first name, opening two turns or more, is a speaker (the
    interviewer's outlet is nobody the article names; "Photo:" twice is no speaker either)."""
    text = ("An interview with Ilse Varga\n\n"
            "Vestria's transport minister spoke to Meridian about the port sale, the strike and her plans.\n\n"
            "Meridian: Will the port be sold?\n\n"
            "Varga: No. The port will stay public as long as I am minister.\n\n"
            "Meridian: Will you meet the union?\n\n"
            "Varga: My door is open. I have said so many times.\n\n"
            "Photo: The port of Vestra at dawn on Monday morning.\n\nPhoto: Cranes idle at the quay on Friday.")
    found = [(q.speaker, q.text[:12]) for q in quotes.extract_quotes(parse(text), [(0, 28)])]
    assert ("Varga", "No. The port") in found and ("Varga", "My door is o") in found
    assert not any(speaker in ("Meridian", "Photo") for speaker, _ in found)
    assert ("Vestria's transport minister", "the port sal") in found  # the noun phrase, not the clause


@pytest.mark.parametrize(("text", "said"), [
    ("Mayor Ilse Varga sees the levy as a lifeline for the port.", [("Ilse Varga", "the levy as a lifeline for the port")]),
    ("Many voters regard the new cranes as a threat to their jobs.",
     [("many voters", "the new cranes as a threat to their jobs")]),
    ("Many developers see the old quay as wasted space.", [("many developers", "the old quay as wasted space")]),
    ("Voters see Mrs. Varga as vastly more prepared for the job.",  # "as" read as a clause's
     [("voters", "Mrs. Varga as vastly more prepared for the job")]),
    ("Mayor Ilse Varga saw the boat as it left the quay.", []),  # when, not how
    ("Mayor Ilse Varga saw the cranes at the quay on Friday.", []),
    ("Does Mayor Ilse Varga see the levy as a lifeline?", []),
    ("I see the levy as a lifeline for the port.", []),
])
def test_quotes_how_a_source_sees_something_is_its_view(parse, text, said):
    """"X sees Y as Z": a view of the source's (rule view), only with an "as" phrase, asserted, and
    never the writer's own."""
    assert _who_said_what(parse, text) == said


def test_quotes_a_view_someone_else_ascribes_is_no_view_of_the_source(parse):
    """"rumours that the government sees automation as …": the rumour's, not the government's."""
    text = "For weeks, rumours have spread in Tarn that the council sees the new cranes as a first step to a sale."
    assert [q for q in quotes.extract_quotes(parse(text)) if q.rule.endswith(":view")] == []


@pytest.mark.parametrize(("text", "said"), [
    ("Mayor Ilse Varga touted the new ferry line as the port's best hope.", [("Ilse Varga", "the new ferry line as the port's best hope")]),
    ("The union lauded the council's decision to keep the quay open.", [("union", "the council's decision to keep the quay open")]),
    ("Ms. Lind lamented the loss of the night ferry.", [("Ms. Lind", "the loss of the night ferry")]),
    ("Halden highlighted his plan to reopen the quay.", [("Halden", "his plan to reopen the quay")]),
    ("Wren portrayed the levy as a tax on bread.", [("Wren", "the levy as a tax on bread")]),
    ("The union offered a four-day week in return for the cranes.", [("union", "a four-day week in return for the cranes")]),
    ("Wren chided the council for its silence on the sale.", [("Wren", "the council for its silence on the sale")]),
    ("Halden outlined a plan to buy back the terminal.", [("Halden", "a plan to buy back the terminal")]),
    ("Wren ordered a review of the port's accounts.", [("Wren", "a review of the port's accounts")]),
    ("Wren rebuffed the offer from the port owners.", [("Wren", "the offer from the port owners")]),
])
def test_quotes_what_a_source_touts_or_lauds_is_what_it_said(parse, text, said):
    """"touted the ferry line as …", "lauded the decision", "lamented the loss": verbs of saying whose
    object is what was said."""
    assert _who_said_what(parse, text) == said


@pytest.mark.parametrize(("text", "said"), [
    ("Halden reminded reporters that the port had never closed in winter.",
     [("Halden", "the port had never closed in winter")]),
    ("The mayor hinted that the levy could be dropped next year.", [("the mayor", "the levy could be dropped next year")]),
    ("Wren assured the dockers that no jobs would go.", [("Wren", "no jobs would go")]),
    ("Varga speculated that the board would sell the cranes.", [("Varga", "the board would sell the cranes")]),
])
def test_quotes_less_common_verbs_of_speech_report_their_clause(parse, text, said):
    """Verbs of speech, not only any verb with a that-clause (rule that_clause, lower confidence)."""
    found = quotes.extract_quotes(parse(text))
    assert [(q.speaker, q.text, q.rule.split(":")[-1]) for q in found] == [(*s, "cue_clause") for s in said]


@pytest.mark.parametrize(("text", "said"), [
    # the second cue has a subject of its own: a statement of its own, not the end of the first
    ("Most dockers said they were worried about the cranes, and more than 4 in 10 said Lind would handle the sale best.",
     [("most dockers", "they were worried about the cranes"), ("more than 4 in 10", "Lind would handle the sale best")]),
    # the comma and "and" that join the next clause are no part of what was said
    ("About two-thirds said Varga is honest and trustworthy, and three-quarters said the same of Lind.",
     [("about two-thirds", "Varga is honest and trustworthy"), ("three-quarters", "the same")]),
])
def test_quotes_two_statements_joined_in_one_sentence_stay_apart(parse, text, said):
    assert _who_said_what(parse, text) == said


@pytest.mark.parametrize(("text", "said"), [
    ("Halden expects the board to sell the cranes before the winter.",
     [("Halden", "the board to sell the cranes before the winter")]),
    ("Varga expects that the levy will pass in March.", [("Varga", "the levy will pass in March")]),
    # "is expected to" has no one who expects: the writer's hedge, not a cue
    ("The levy is expected to pass in March.", [(None, "The levy is expected to pass in March")]),
])
def test_quotes_what_a_source_expects_is_its_statement(parse, text, said):
    assert _who_said_what(parse, text) == said


@pytest.mark.parametrize("text", [
    "As many dockers expected, the board sold the cranes.",
    "As Lind predicted, the levy failed in the chamber.",
])
def test_quotes_what_came_as_someone_expected_is_the_writers_sentence(parse, text):
    """The clause told "as X expected" is what happened, not what X said."""
    assert _who_said_what(parse, text) == []


def test_quotes_a_present_verb_joined_to_what_was_said_goes_on_with_it(parse):
    """After "said" the speaker's next act is told in the past; a verb in the present joined to the
    reported clause is that clause going on."""
    text = "Tarn said he is proud of his campaign and believes most of the delegates will follow him."
    assert _who_said_what(parse, text) == [
        ("Tarn", "he is proud of his campaign and believes most of the delegates will follow him")]


@pytest.mark.parametrize(("text", "said"), [
    ("Nobody said the levy was fair.", []),
    # the closing cue's words, not a statement of "no one" inside them
    ("No one expects the talks to end quickly, but a deal is still possible, Halden told reporters.",
     [("Halden", "No one expects the talks to end quickly, but a deal is still possible")]),
])
def test_quotes_nobody_says_anything(parse, text, said):
    assert _who_said_what(parse, text) == said


def test_quotes_a_belief_before_the_fact_is_the_writers_account(parse):
    assert _who_said_what(parse, "Many in Vestria had expected Lind to sweep to victory in March.") == []
    # a that-clause reports what they held
    assert _who_said_what(parse, "Her aides had expected that the issue would fade by March.") == [
        ("her aides", "the issue would fade by March")]
    assert _who_said_what(parse, "Many in Vestria expect Lind to sweep to victory in March.") == [
        ("many in Vestria", "Lind to sweep to victory in March")]


@pytest.mark.parametrize("belief", ["expected a reply within the week", "hoped the board would reply within the week"])
def test_quotes_a_belief_joined_to_what_was_said_goes_on_with_it(parse, belief):
    text = f"Halden told reporters his government had made a fair offer and {belief}."
    assert _who_said_what(parse, text) == [("Halden", f"his government had made a fair offer and {belief}")]


@pytest.mark.parametrize(("text", "said"), [
    ("Lind hailed the deal as a turning point for the port.", [("Lind", "the deal as a turning point for the port")]),
    ("Halden deemed the levy unlawful.", [("Halden", "the levy unlawful")]),
])
def test_quotes_what_a_source_hails_or_deems_is_what_it_said(parse, text, said):
    assert _who_said_what(parse, text) == said


def test_quotes_a_quotation_signed_in_the_next_paragraph_opens_a_statement(parse):
    """A quote left open at a paragraph's end goes on in the next one, unless the next paragraph's
    quotation ends with a comma for an attribution of its own: then the open quote closed with its
    paragraph (the second half of the statement above) and the signed one starts a statement."""
    text = ('Anton Rask said the town had changed.\n\n'
            '"The port is quieter than it used to be," he said. "Most of the ships now go to Vestra.\n\n'
            '"And the old market is closed," he said with a smile. "I miss the noise of it."')
    found = [[text[s:e] for s, e in q.parts] for q in quotes.extract_quotes(parse(text)) if q.parts]
    assert found == [["The port is quieter than it used to be,", "Most of the ships now go to Vestra."],
                     ["And the old market is closed,", "I miss the noise of it."]]


def test_quotes_a_quote_opening_its_paragraph_alone_goes_on_to_the_next_ones_cue(parse):
    """“B …¶“C,” Halden said.: with no attribution in its own paragraph, the open quote is the first
    part of Halden's statement, never the previous speaker's words."""
    text = ('The mayor, Ilse Varga, said on Monday that the council would vote in March.\n\n'
            '"We will not sell the port. It belongs to the people of Vestra.\n\n'
            '"Anyone who says otherwise is lying," Anton Halden, the harbour master, said.')
    assert [(q.speaker, len(q.parts)) for q in quotes.extract_quotes(parse(text)) if q.parts] == [("Anton Halden", 2)]


def test_quotes_a_quoted_that_before_the_cue_is_no_relative_pronoun(parse):
    """“That, unfortunately,” he said, …: the source mention is "he", not the quoted "That" the
    parser also hung on the cue as a subject."""
    text = ("Anton Halden conceded that such delays would happen again. "
            "''That, unfortunately,'' he said, ''is part of the reality of running a port.''")
    found = [q for q in quotes.extract_quotes(parse(text)) if q.parts]
    assert [(q.speaker, text[q.speaker_start:q.speaker_end]) for q in found] == [("Anton Halden", "he")]


def test_quotes_a_phrase_quoted_in_the_attribution_is_no_second_part(parse):
    """“A,” said Lind, who waited in an “extremely long line” …: the quoted phrase belongs to the
    writer's description of the speaker, not to her statement."""
    text = ('"It was a disgrace," said Mira Lind, 34, a voter who waited in an "extremely long line '
            'snaking around" the Vestra town hall for four hours.')
    assert [(q.speaker, q.text, q.parts) for q in quotes.extract_quotes(parse(text))] == [
        ("Mira Lind", "It was a disgrace,", ())]


def test_quotes_a_scare_quote_in_the_speakers_description_is_nobodys_words(parse):
    text = ("Mira Lind, a strategist who polls for Vestra Forward, a pro-Halden ''action committee,'' "
            "argued that the dockers would decide the vote.")
    assert _who_said_what(parse, text) == [("Mira Lind", "the dockers would decide the vote")]


def test_quotes_a_participle_hung_on_an_object_that_cannot_speak_is_the_subjects(parse):
    """"…rejected the notion that …, saying …": the parser hung "saying" on "notion"; a notion says
    nothing, so the participle goes on with the one who rejected it."""
    text = ('Continuing to explain his view, Anton Halden rejected the notion that the sale should be '
            'forgotten, saying that if he "found something that was rotten, I would fix it."')
    assert _who_said_what(parse, text) == [
        ("Anton Halden", "the sale should be forgotten"),
        ("Anton Halden", 'if he "found something that was rotten, I would fix it."')]


def test_quotes_a_that_clause_after_the_cue_wins_over_a_clause_of_the_writers_before_it(parse):
    """"During an appearance …, during which she touched on …, Varga remarked that …": the parser hung
    the writer's relative clause on the cue as if fronted; what was remarked is the that-clause."""
    text = ('During an appearance on "The Morning Hour" on Thursday, during which she also touched on the '
            'idea of a new harbour, Ilse Varga remarked that she was "a little surprised" to be debating '
            'the port again.')
    assert ("Ilse Varga", 'she was "a little surprised" to be debating the port again') in _who_said_what(parse, text)


def test_quotes_in_saying_borrows_the_subject_of_its_verb(parse):
    text = 'Anton Halden clearly erred in saying that the "90 percent" figure came from the ministry.'
    assert _who_said_what(parse, text) == [("Anton Halden", 'the "90 percent" figure came from the ministry')]


def test_quotes_a_relative_clause_without_pronoun_reports_its_noun(parse):
    """"the ones the ministry says are “top secret”": the reported verb's subject is the noun the
    clause hangs on, so the statement starts there, not at the verb."""
    text = "Ilse Varga wants the letters made public, even the ones the ministry now says are “top secret.”"
    assert [words for _, words in _who_said_what(parse, text)] == ["even the ones the ministry now says are “top secret.”"]


def test_quotes_a_cue_set_off_by_commas_inside_one_statement_keeps_both_halves(parse):
    """"It is no surprise, Halden said, that …": the that-clause after the cue finishes the clause
    before it; a that-clause right after the cue ("Varga remarked that …") stands alone."""
    text = "It is no surprise, Anton Halden said, that Ilse Varga did better among older voters."
    assert _who_said_what(parse, text) == [("Anton Halden", text[:-1])]


@pytest.mark.parametrize("text, speaker, words", [
    ("The council passed the plan, which Anton Halden called ''a disgrace,'' on Monday.",
     "Anton Halden", "which Anton Halden called ''a disgrace,''"),
    ("Her closest adviser is Joel Brand, whom one insider described as “her brother.”",
     "one insider", "whom one insider described as “her brother.”"),
])
def test_quotes_a_relative_clause_naming_its_noun_is_the_statement(parse, text, speaker, words):
    """"the plan, which Halden called “a disgrace”": what was said is the relative clause — the
    pronoun standing for the plan and what it was called — not the quoted words alone."""
    assert _who_said_what(parse, text) == [(speaker, words)]


def test_quotes_a_quotation_before_adding_that_is_no_first_half_of_it(parse):
    """…said of the episode, “A,” adding that “B.”: B is reported in a that-clause; A stands alone."""
    text = ("On the day footage emerged of a protester being punched, Mr. Halden said of the episode, "
            "''I don't like it,'' adding that ''they have anger that's unbelievable.''")
    assert [words for _, words in _who_said_what(parse, text)] == [
        "I don't like it,", "they have anger that's unbelievable."]


def test_quotes_has_said_read_as_a_passive_is_still_said(parse):
    """"He's said he gets …": the parser took "'s" for "is" (a passive, which says nothing); with a
    clause of its own subject after it, it is "has said"."""
    text = "Just look at Speaker Anton Halden. He's said he gets his ideas about money from a speech in an old novel."
    assert [words for _, words in _who_said_what(parse, text)] == [
        "he gets his ideas about money from a speech in an old novel"]
    assert _who_said_what(parse, "It's said that the port will close.") == [(None, "the port will close")]


def test_quotes_a_sentence_signed_at_its_end_says_what_stands_before_the_comma(parse):
    """"…, even with a “good” job, he said.": the parser found no clause to hang on the cue; the
    whole sentence before the signature is what was said."""
    text = ('Graduates can repay in ten years, Anton Halden said. Those who do take on heavy debt struggle, '
            'even with a "good" job, he said.')
    assert _who_said_what(parse, text) == [
        ("Anton Halden", "Graduates can repay in ten years"),
        ("Anton Halden", 'Those who do take on heavy debt struggle, even with a "good" job')]
    # in a paragraph of its own the parser ends a sentence at the comma and starts one at "he said"
    text = ('Anton Halden is a loan adviser in Vestra.\n\nThose who take on heavy debt struggle, even with a '
            '"good" job, he said.')
    assert _who_said_what(parse, text) == [
        ("Anton Halden", 'Those who take on heavy debt struggle, even with a "good" job')]


def test_quotes_quick_to_add_is_the_subjects_statement(parse):
    """"Halden was quick to add that …": the infinitive hangs on the adjective; what was added is
    Halden's. "was reluctant to say that …" says nothing was said."""
    assert _who_said_what(parse, "Anton Halden was quick to add that the talks would go on.") == [
        ("Anton Halden", "the talks would go on")]
    assert _who_said_what(parse, "Anton Halden was reluctant to say that the talks would go on.") == []


def test_quotes_a_signature_verb_tagged_as_a_noun_still_signs(parse):
    """“…,” the email read. / “…,” the Vestrans state in the paper.: the tagger read the verb as a
    noun; right after the quotation and a short noun phrase it still signs the words."""
    text = ('Mira Lind sent a fundraising email on Wednesday.\n\n'
            '"Friend, let me be blunt. I can beat Varga. Halden can\'t," the email read.')
    assert [(q.speaker, q.text) for q in quotes.extract_quotes(parse(text))] == [
        ("email", "Friend, let me be blunt. I can beat Varga. Halden can't,")]


@pytest.mark.parametrize("text, speaker, words", [
    ("The delegates cheered.\n\n“This is fantastic!” beamed Anton Halden of Vestra, who had come for the vote.",
     "Anton Halden", "This is fantastic!"),
    ("Anton Halden looked at the figures. “Not again,” he sighed.", "Anton Halden", "Not again,"),
])
def test_quotes_a_verb_of_manner_signs_a_quotation(parse, text, speaker, words):
    """“…!” beamed Halden: how the words were spoken signs them like "said"; the same verb with a
    clause of its own ("laughed at the idea that …") says nothing."""
    assert _who_said_what(parse, text) == [(speaker, words)]
    assert _who_said_what(parse, "Anton Halden laughed at the idea that taxes would fall.") == []


@pytest.mark.parametrize("text, speaker, words", [
    ("Asked whether she would back the plan, Mira Lind said she would.", "Mira Lind", "she would"),
    ("In March, 46 percent of voters said yes.", "46 percent of voters", "yes"),
    ("Anton Halden said as much in an interview on Tuesday.", "Anton Halden", "as much"),
])
def test_quotes_a_short_answer_is_a_statement(parse, text, speaker, words):
    """"said she would", "said yes", "said as much": an elliptical clause or a word standing for the
    whole answer is what was said, short as it is; "has said so far" is a time, not an answer."""
    assert _who_said_what(parse, text) == [(speaker, words)]
    assert _who_said_what(parse, "Nobody on the council has said so far.") == []


def test_quotes_a_participle_after_a_signed_quotation_is_the_signers(parse):
    """"Varga cannot say that “…,” Halden added, saying …": the participle hangs on "added", a cue
    with its own subject, so it goes on with Halden, not with the clause that reports Varga."""
    text = ("Varga cannot say that “from his perspective,” Anton Halden added, saying it should be “up to the "
            "prosecutor to move forward or not.”")
    assert [speaker for speaker, _ in _who_said_what(parse, text)] == ["Anton Halden", "Anton Halden"]


def test_quotes_a_cue_after_a_quotation_inside_the_sentence_says_the_whole_sentence(parse):
    """"Despite his “brash personality,” Lind wrote, Halden is …": the cue sits inside one sentence of
    quoted and unquoted words (the comma before it inside the closing mark), so all of it is hers."""
    text = ('Despite his "admittedly brash on-line personality," public defender Mira Lind wrote, Anton Halden '
            'is a kind and generous man.')
    assert _who_said_what(parse, text) == [("Mira Lind", text[:-1])]


@pytest.mark.parametrize("text, words", [
    ('That, the port board said, “would be helpful in avoiding uncertainty.”',
     'That, the port board said, “would be helpful in avoiding uncertainty.”'),
    ("While trade at the quay is at its highest level in years, Anton Halden said, ''this has done nothing "
     "for the dockers.''",
     "While trade at the quay is at its highest level in years, Anton Halden said, ''this has done nothing "
     "for the dockers.''"),
    ("Still, Anton Halden added, “we cannot ignore the changes.”", "we cannot ignore the changes."),
])
def test_quotes_the_opening_of_a_sentence_a_quotation_finishes_is_part_of_it(parse, text, words):
    """"That, the board said, “would help”": a quotation that goes on in lower case after a cue set
    off by commas finishes the sentence the words before the cue began; a mere link ("Still,")
    is no part of it."""
    assert [w for _, w in _who_said_what(parse, text)] == [words]


@pytest.mark.parametrize("text, speaker, words", [
    ("In all, the host committee raised $57 million, election commission records show.",
     "records", "In all, the host committee raised $57 million"),
    ("A review by the Herald shows most of the hours logged were for campaign travel.",
     "a review by the Herald", "most of the hours logged were for campaign travel"),
])
def test_quotes_records_and_reviews_show_what_they_report(parse, text, speaker, words):
    """"…, election records show.": a noun right before the verb that the parser read as its
    compound is its subject; a review, an average, a filing report what they show like a poll."""
    assert _who_said_what(parse, text) == [(speaker, words)]


@pytest.mark.parametrize("text, found", [
    ("But environmentalists worry that the new cranes will poison the estuary.",
     [("environmentalists", "the new cranes will poison the estuary")]),
    ("Having moved to Tarn in May, the brothers worried that the closure would hurt their shop.",
     [("the brothers", "the closure would hurt their shop")]),
    ("There is something that suggests the strike will end soon.", []),
])
def test_quotes_a_worry_is_a_view_and_something_never_speaks(parse, text, found):
    """"Environmentalists worry that …" reports a view, like "fear that …"; in "something that
    suggests …" the relative pronoun stands for "something", which speaks for no one."""
    assert _who_said_what(parse, text) == found


@pytest.mark.parametrize("text, found", [
    ("Port fees rose 4 percent last year, the agency said in an annual report, and berth charges doubled.",
     [("agency", "Port fees rose 4 percent last year, the agency said in an annual report, and berth charges "
                 "doubled")]),
    ("The ferry plan is costly, said Mira Lind, but the old quay cannot stay open.",
     [("Mira Lind", "The ferry plan is costly, said Mira Lind, but the old quay cannot stay open")]),
])
def test_quotes_a_clause_joined_after_a_signature_goes_on_with_what_was_said(parse, text, found):
    """"A, the agency said, and B": with a signature set off by commas inside the sentence, the
    clause joined after it ("and", "but") is the speaker's too."""
    assert _who_said_what(parse, text) == found


@pytest.mark.parametrize("text, found", [
    ("Mayor Anna Varga rebuked critics who say she should resign over the levy.",
     [("Anna Varga", "critics"), ("critics", "she should resign over the levy")]),
    ("Lenz endorses Halden, who says he will not let the dockers down.",
     [("Lenz", "Halden"), ("Halden", "he will not let the dockers down")]),
    ("Mayor Anna Varga slammed rivals who think they can win without the port vote.",
     [("Anna Varga", "rivals who think they can win without the port vote")]),
])
def test_quotes_what_the_people_a_cue_names_say_in_a_relative_clause_is_theirs(parse, text, found):
    """"rebuked critics who say …": the object names whom the rebuke is about; what they say in a
    relative clause is their own statement. A view ("rivals who think …") only describes them."""
    assert _who_said_what(parse, text) == found


def test_quotes_a_cue_with_a_clause_of_its_own_after_a_finished_quotation_does_not_sign_it(parse):
    """"Lind gave a short answer: “…” He complained that …": the cue after the quotation has a
    subject and a clause of its own; the quotation is the answer's."""
    text = ('Anton Halden spoke first. Mira Lind gave a short answer: "Nobody is closing the quay. We are going '
            'ahead with the plan." He complained that the costs keep rising.')
    assert ("Mira Lind", "Nobody is closing the quay. We are going ahead with the plan.") in _who_said_what(parse, text)


def test_quotes_a_cue_taking_up_a_finished_quotation_as_it_does_not_sign_it(parse):
    """"Varga memorably answered: “…?” Her rivals cited it as proof …": the quotation ends its
    sentence, and the cue after it names it as its object; the colon's cue signs it."""
    text = ('Mayor Anna Varga memorably answered: "Who, in this town, still believes the ferry will come?" Her '
            'rivals cited it as proof that she had given up.')
    assert _who_said_what(parse, text)[0] == ("Anna Varga", "Who, in this town, still believes the ferry will come?")


@pytest.mark.parametrize("text, speaker", [
    ('A campaign email sent out by Mira Lind on Monday evening warned of the work ahead: "We have six meetings in '
     'the next two weeks, and the other side will not make it easy."', "Mira Lind"),
    ('"The harbour accounts do not show any missing money," according to a court document filed by state attorney '
     'Dave Varga.', "Dave Varga"),
    ('Anton Halden released a campaign video that said, "Every family in Tarn will have a doctor within ten '
     'minutes."', "Anton Halden"),
    ('Older emails read by the Harbour Ledger suggest that the board ignored the warnings.', "older emails"),
])
def test_quotes_a_document_speaks_for_the_author_the_sentence_names(parse, text, speaker):
    """"an email sent out by Lind warned", "a filing by Varga", "Halden released a video that said":
    the document's author speaks; one only examined ("combed through by the Ledger") does not."""
    assert [who for who, _ in _who_said_what(parse, text)] == [speaker]


def test_quotes_a_closing_mark_that_lost_its_space_still_closes(parse):
    """“…, even after the new figures,"Mira Varga said”: a straight mark after a comma, run into the
    capital of the next word, closes the quotation, and the name after it signs it."""
    text = ('"The ferry plan leaves too many questions about the cost to families, even after the new '
            'figures,"Mira Varga, who chairs the committee, said in a statement.')
    assert _who_said_what(parse, text) == [
        ("Mira Varga", "The ferry plan leaves too many questions about the cost to families, even after the new "
                       "figures,")]


@pytest.mark.parametrize("text, found", [
    ("“Our nets catch what the other crews miss,” Anton Halden is quoted as saying.",
     [("Anton Halden", "Our nets catch what the other crews miss,")]),
    ("Anton Halden was quoted as saying that the method succeeds.", [("Anton Halden", "the method succeeds")]),
])
def test_quotes_quoted_as_saying_is_said_by_the_one_quoted(parse, text, found):
    """"Halden is quoted as saying …": the participle after "as" has no subject; the passive verb's
    subject said it."""
    assert _who_said_what(parse, text) == found


def test_quotes_a_cue_the_parser_hung_on_the_object_before_it_shares_the_verbs_subject(parse):
    """"He adopted a fake accent and joked, “…”": the parser joined "joked" to the noun "accent";
    the coordinated verb's subject is still "he"."""
    text = ("Anton Halden spoke for an hour. He then put on a fake sailor's accent and joked, “Now the harbour "
            "board will finally take me seriously.”")
    assert _who_said_what(parse, text) == [
        ("Anton Halden", "Now the harbour board will finally take me seriously.")]


@pytest.mark.parametrize("text", [
    "Anton Halden made a point of saying that the port would stay open.",
    "Anton Halden took pains to say that the port would stay open.",
    "Anton Halden made the mistake of saying that the port would stay open.",
])
def test_quotes_a_cue_on_the_object_of_make_or_take_is_said_by_their_subject(parse, text):
    """"made a point of saying", "took pains to say": the cue hangs on the object of a light verb,
    whose subject said it."""
    assert _who_said_what(parse, text) == [("Anton Halden", "the port would stay open")]


def test_quotes_a_paragraph_ending_with_its_cue_and_a_colon_introduces_the_next(parse):
    """"Varga added:¶And from the man who runs the port, …": the page's block quote lost its marks; the next
    paragraph, all of it, is what was added. The paragraph after that is not."""
    text = ("Mayor Anna Varga spoke on the radio on Monday. Varga added:\n\nAnd from the man who runs the port, "
            "this is a poor excuse.  Why should anyone believe him now?\n\nAnton Halden told reporters that the "
            "mayor was wrong.")
    assert _who_said_what(parse, text) == [
        ("Anna Varga", "And from the man who runs the port, this is a poor excuse.  Why should anyone believe him now"),
        ("Anton Halden", "the mayor was wrong")]


@pytest.mark.parametrize("text, words", [
    ("Anton Halden said the inquiry had the help of a clerk named Bryan Lind, who kept the port's books until "
     "2019.", "the inquiry had the help of a clerk named Bryan Lind"),
    ("Aides said she was in the north of the country, where flooding has closed the main railway line.",
     "she was in the north of the country"),
    ("A ministry official said the government would consider a written guarantee, which he said would tie the "
     "hands of future governments.",
     "the government would consider a written guarantee, which he said would tie the hands of future governments"),
    ("Halden said the levy, which passed last year, would hurt farmers.",
     "the levy, which passed last year, would hurt farmers"),
    ("Anton Halden told reporters he was “still thinking it over” about backing Lind, who faces a vote in "
     "August.", "he was “still thinking it over” about backing Lind"),
])
def test_quotes_a_relative_clause_ending_reported_words_is_the_writers_aside(parse, text, words):
    """"…, who kept the port's books": set off by a comma at the end of what was reported,
    a relative clause is the writer's aside; one the speaker is still telling ("which he said …")
    and one inside the clause stay."""
    assert [w for _, w in _who_said_what(parse, text)] == [words]


@pytest.mark.parametrize("text, words", [
    ("Mayor Anna Varga pointed to Kaldor as the likely buyer.", "Kaldor as the likely buyer"),
    ("Anton Halden called on the port board to roll back the new fees.",
     "the port board to roll back the new fees"),
])
def test_quotes_what_the_parser_hung_on_the_cue_after_its_object_says_what_the_object_is(parse, text, words):
    """"pointed to Kaldor as the likely buyer": the "as" phrase or infinitive after the object
    says what the object is or is to do, wherever the parser hung it."""
    assert [w for _, w in _who_said_what(parse, text)] == [words]


def test_quotes_a_predicate_with_a_modal_joined_to_the_cue_goes_on_with_what_was_said(parse):
    """"said she was rooting for one crew but would now root for the other": the parser joined the
    second predicate to "said"; with a modal and no subject of its own, it is still what was said."""
    text = "Mira Lind said she was rooting for the Tarn crew but would now root for the Vestra boat after the storm."
    assert _who_said_what(parse, text) == [
        ("Mira Lind", "she was rooting for the Tarn crew but would now root for the Vestra boat after the storm")]


@pytest.mark.parametrize("text", [
    'Readers can find the whole story in a Harbour Ledger article titled "How the quay was sold and who made '
    'money from it."',
    'In Sen. Anton Halden\'s column on Aug. 10, "Leave the dockers alone," the senator appears to blame the board.',
])
def test_quotes_a_quotation_naming_a_work_is_no_statement(parse, text):
    """"an article titled “…”", "Halden's column on Aug. 10, “…”": the quotation is the work's name."""
    assert [w for _, w in _who_said_what(parse, text) if w.startswith(("How the quay", "Leave the"))] == []


@pytest.mark.parametrize("text, speaker", [
    ("The new levy, said Mira Lind, is unfair to farmers.", "Mira Lind"),
    ("The gap between the two plans, said Jim Ostrow and others, would be plain once the costs are published.",
     "Jim Ostrow"),
    ("And Halden, said Petra Varga, who still works with her old employer, never changes his mind.",
     "Petra Varga"),
])
def test_quotes_an_inverted_signature_inside_the_sentence_names_the_speaker_after_the_cue(parse, text, speaker):
    """"The levy, said Lind, is unfair": the parser took the words before the signature for the cue's
    subject; the name after the inverted cue speaks, and the whole sentence is what was said."""
    assert [who for who, _ in _who_said_what(parse, text)] == [speaker]


def test_quotes_they_stands_for_the_group_that_is_the_subject_of_its_own_sentence(parse):
    """"Some dock workers are hopeful, though they warn that …": the group need not have spoken
    before; as the subject of the pronoun's own sentence it is whom "they" stands for. ("Dock workers
    met. They said …" stays unknown: a group in another sentence that said nothing is a guess.)"""
    text = "Some dock workers are hopeful, though they warn that the sale could still go ahead."
    assert [who for who, _ in _who_said_what(parse, text)] == ["some dock workers"]
    assert [who for who, _ in _who_said_what(parse, "Dock workers met on Monday. They said the strike would go on.")] \
        == [None]


@pytest.mark.parametrize("text, speaker", [
    ("Anton Halden is a lawyer who says the port should close.", "Anton Halden"),
    ("Anton Halden often skips council votes and is a harbour baron who has repeatedly pledged to sell the old "
     "quay.", "Anton Halden"),
    ("It is the union that says the port should close.", "union"),
    ("One such critic was Mayor Anna Varga, who said Halden had misread the figures.", "Anna Varga"),
])
def test_quotes_a_relative_clause_on_what_the_subject_is_is_the_subjects(parse, text, speaker):
    """"Halden is a lawyer who says …": the noun the relative clause hangs on is what Halden is, so
    Halden speaks (in a cleft, "It is the union that says …", the union does)."""
    assert [who for who, _ in _who_said_what(parse, text)] == [speaker]


def test_quotes_a_phrasal_cue_whose_particle_the_tagger_read_as_an_adverb(parse):
    """"Varga fired back that …": "back" tagged as an adverb right after the verb is still the
    particle of "fire back"."""
    text = 'Mayor Anna Varga fired back that the "people of Tarn chose me twice" for the council.'
    assert _who_said_what(parse, text) == [("Anna Varga", 'the "people of Tarn chose me twice" for the council')]


def test_quotes_a_participle_joined_to_a_gerund_inside_the_first_goes_on_with_the_first(parse):
    """"…, stating there was value in keeping the mayor on the board and chiding the press for …": the
    parser joined "chiding" to the gerund "keeping"; it goes on with "stating", whose subject it shares."""
    text = ('For weeks, Anton Halden had warmly praised Lind, stating there was value in keeping the mayor on the '
            'board and chiding the press for "the silly game" of setting the towns against each other.')
    assert ("Anton Halden", 'the press for "the silly game" of setting the towns against each other') \
        in _who_said_what(parse, text)


@pytest.mark.parametrize("text, speaker, words", [
    ("The council won over Greta Holm, who came out and said that the ferry should stop.", "Greta Holm",
     "the ferry should stop"),
    ("Voters met a Lenz who quarrels with editors and claims that the radio station \"answers to the shipowners\" "
     "in private.", "Lenz", "the radio station \"answers to the shipowners\" in private"),
])
def test_quotes_a_verb_joined_to_a_relative_clause_shares_its_who(parse, text, speaker, words):
    """"Holm, who came out and said …": the second verb shares the relative clause's subject, so
    the speaker is the noun "who" stands for and the source mention is "who"."""
    found = [q for q in quotes.attribute(parse(text), [])[0] if q.text == words]
    assert [(q.speaker, text[q.speaker_start:q.speaker_end]) for q in found] == [(speaker, "who")]


def test_quotes_an_inverted_signature_after_words_the_parser_made_its_subject_signs_them(parse):
    """"The vow to “reopen the old quay” … appeals to retired fishermen …, said Anna Brill, a historian":
    the tagger read "appeals" as a noun, so the parser made the words before the comma a second
    subject of "said"; they are what Brill said, and Brill (not "the promise") speaks."""
    text = ("The vow to “reopen the old quay” and “bring the ferries home” appeals to retired fishermen who long "
            "for the years when the harbour was full, said Anna Brill, a historian at Tarn University.")
    assert _who_said_what(parse, text) == [("Anna Brill", text[:text.index(", said")])]


@pytest.mark.parametrize("text, speaker, words", [
    ('Outside the town hall, about forty fishermen waited in the rain, waving flags and chanting "Save Tarn."',
     "about forty fishermen", "Save Tarn."),
    ("When the mayor rose, a woman near the stage screamed “Go home.”", "a woman near the stage", "Go home."),
])
def test_quotes_a_short_chant_or_scream_right_after_its_verb_is_said(parse, text, speaker, words):
    """Two words chanted or screamed are what a crowd or a person said, as after "yelled" or "said"."""
    assert _who_said_what(parse, text) == [(speaker, words)]


def test_quotes_an_opening_mark_typed_where_a_closing_mark_stands_still_signs_the_quotation(parse):
    """“Not a chance,“ he said. — copy typed on a keyboard may close with “: the cue after it
    still signs the quotation, and the statement's text ends without a stray mark."""
    text = ("Dan Orrin hoped the council would relent.\n\n"
            "“Not a chance,“ he said. “The council never changes its mind.”")
    found = quotes.attribute(parse(text), [])[0]
    assert [(q.speaker, q.rule.split(":")[-1], q.text) for q in found if q.kind == "direct"] == [
        ("Dan Orrin", "quote_cue", "Not a chance,“ he said. “The council never changes its mind.")]


def test_quotes_a_quotation_a_participle_introduced_is_all_its_closing_cue_says(parse):
    """"Brill weighed in, telling the Ledger in an interview, “…,” he said": the participle's phrase
    ends at the quotation's comma, so the words before it are the writer's and "said" signs only
    the quotation (before, the parser's clause took the whole sentence)."""
    text = ("Councillor Joe Brill weighed in too, telling the Courier in an interview printed on Monday, "
            "“But really, they are both able,” he said.")
    found = [q for q in quotes.attribute(parse(text), [])[0] if q.cue == "said"]
    assert [q.text for q in found] == ["But really, they are both able,"]


def test_quotes_a_quotation_signed_by_its_own_cue_does_not_open_the_next_cues_statement(parse):
    """“A,” he said at a briefing, and then predicted: “B.”: A has its own cue ("said"), so it is
    not the first half of what "predicted" introduces; two statements."""
    text = ("Port director Paul Marek spoke. “We believe the new schedule will work,” he said at a morning briefing, "
            "and then predicted: “We expect more ferries by June. I think the numbers will double.”")
    assert [(q.cue, q.text) for q in quotes.attribute(parse(text), [])[0]] == [
        ("said", "We believe the new schedule will work,"),
        ("predicted", "We expect more ferries by June. I think the numbers will double.")]


def test_quotes_a_name_the_parser_read_as_a_second_object_is_what_the_naming_verb_says(parse):
    """"Tarn branded North Vestra a “rogue port”": the parser made the name given a second
    object, not a predicate; it is still what Tarn called North Vestra."""
    text = 'The vote was close. Tarn branded North Vestra a "rogue port on the coast."'
    assert _who_said_what(parse, text) == [("Tarn", 'North Vestra a "rogue port on the coast."')]


@pytest.mark.parametrize("text, speaker", [
    ('"This is a great day for our harbour, Bobby Lusk!" Lusk\'s cousin, councillor Ilse "Lisi" Brill '
     '(Tarn North), shouted to the crowd.', "Lusk's cousin"),
    ('"This is a great day for our harbour, Bobby Lusk!" Lusk\'s cousin, councillor Ilse Brill (Tarn North), '
     'shouted to the crowd.', "Lusk's cousin"),
])
def test_quotes_a_role_and_name_with_a_nickname_before_the_cue_sign_the_quotation(parse, text, speaker):
    """“…!” Lusk's cousin, councillor Ilse "Lisi" Brill (Tarn North), shouted: a nickname in marks is
    no quotation, and the role, the name and the comma before the cue are all the source's words."""
    found = quotes.attribute(parse(text), [])[0]
    assert [(q.speaker, q.cue) for q in found] == [(speaker, "shouted")]


def test_quotes_a_quoted_label_on_whom_a_phrasal_verb_goes_after(parse):
    """"Lusk has gone after Halden as a “landlord …”": whom "gone after" names is put down as the
    quoted label, as an object is ("pounding Halden as a “con artist”")."""
    text = "In recent weeks, Lusk has gone after Halden as a “landlord who will sell the harbour.”"
    assert _who_said_what(parse, text) == [("Lusk", "Halden as a “landlord who will sell the harbour.”")]


@pytest.mark.parametrize("text", [
    "Lenz told reporters this weekend he would resign in the spring.",
    "Lenz said Tuesday he would resign in the spring.",
])
def test_quotes_a_time_phrase_between_the_cue_and_its_clause_dates_the_telling(parse, text):
    """"told reporters this weekend he would resign": the time phrase before the clause's subject
    dates the telling, wherever the parser hung it."""
    assert _who_said_what(parse, text) == [("Lenz", "he would resign in the spring")]


def test_quotes_as_a_name_after_a_long_apposition_put_it_speaks_the_quotation(parse):
    """"As Anna Brill, professor of law …, put it, ''…''": the parser read the name as the object of
    "as" and left "put" without a subject; Brill still speaks, and the quotation is what she said."""
    text = ("As Anna Brill, professor of law at Tarn and author of ''The Quiet Harbour,'' put it, ''Councillors "
            "should accept a modest deal now rather than a worse one after the vote.''")
    assert _who_said_what(parse, text) == [("Anna Brill", "Councillors should accept a modest deal now rather than "
                                                          "a worse one after the vote.")]


def test_quotes_referred_to_as_a_quoted_label_is_said(parse):
    """"A neighbour referred to her as “…”": "referred to" alone names; with a quoted label after "as"
    it puts the one named down as that, like "described him as"."""
    text = "A neighbour referred to her as “the kindest person on the whole street” in a letter."
    assert _who_said_what(parse, text) == [("a neighbour", "her as “the kindest person on the whole street”")]


@pytest.mark.parametrize("text, speaker, words", [
    ("Halden also made the point that the levy would leave her “a mayor without a budget” next year.", "Halden",
     "the levy would leave her “a mayor without a budget”"),
    ("On Sunday, the dockers’ union tried to make the case that the dispute was nearly over.", "dockers’ union",
     "the dispute was nearly over"),
])
def test_quotes_making_the_case_or_the_point_that_argues_the_clause(parse, text, speaker, words):
    """"made the point that …", "tried to make the case that …": what is argued is the that-clause,
    said by whoever makes it."""
    assert (speaker, words) in _who_said_what(parse, text)


@pytest.mark.parametrize("text, words", [
    ("The dockers’ union endorsed the re-appointment of harbour master Ilse Varga and her deputy.",
     "the re-appointment of harbour master Ilse Varga and her deputy"),
    ("The senator blamed Lenz directly for the ferry cuts that have stranded the island towns.",
     "Lenz directly for the ferry cuts that have stranded the island towns"),
])
def test_quotes_an_object_runs_over_a_split_hyphen_and_an_adverb_before_its_grounds(parse, text, words):
    """"endorsed the re-appointment of …" (the tokenizer split the word at its hyphen and the parser made
    each piece an object) and "blamed Lenz directly for …" (the adverb stands between the object and
    what Lenz is blamed for): the object is all of it."""
    assert [w for _, w in _who_said_what(parse, text)] == [words]


def test_quotes_an_as_phrase_read_as_a_clause_still_says_what_the_object_is(parse):
    """"described the old quay as beset by rats": the parser read "as" as the mark of a clause with
    no subject; it still says what the quay is, so the object runs over it."""
    text = "Lenz described the old quay as beset by rats and gulls at a meeting on Monday."
    assert _who_said_what(parse, text) == [("Lenz", "the old quay as beset by rats and gulls")]


def test_quotes_what_a_topic_verb_names_runs_over_the_grounds_the_parser_hung_on_the_verb(parse):
    """"lashed out at the board for having sold the quay": "for" names what the board is attacked for;
    the parser hung it on the verb, but it is part of what was spoken of."""
    text = "Halden lashed out at the board for having sold the quay, and asked the council to reverse the sale."
    assert ("Halden", "the board for having sold the quay") in _who_said_what(parse, text)


@pytest.mark.parametrize("text, speaker", [
    # "said she would": the article shows Lenz is a woman, so "He" passes over her to Brenn
    ("Olaf Brenn held a rally in Tarn. Mira Lenz said she would fight on. He said the port would stay open.",
     "Olaf Brenn"),
    # a reflexive in her own clause shows it too
    ("Olaf Brenn held a rally in Tarn. Mira Lenz defended herself at the meeting. He said the port would "
     "stay open.", "Olaf Brenn"),
    # an honorific
    ("Olaf Brenn held a rally in Tarn. Mrs. Lenz attacked the plan at a meeting. He said the port would stay open.",
     "Olaf Brenn"),
    # nothing shows Lenz's gender: the nearest person stands, as before
    ("Olaf Brenn held a rally in Tarn. Mira Lenz attacked the plan at a meeting. He said the port would stay open.",
     "Mira Lenz"),
])
def test_quotes_he_or_she_passes_over_a_person_the_article_shows_is_of_the_other_gender(parse, text, speaker):
    """The article's own evidence of gender (an honorific, a reflexive, "said she …") keeps "he" off a
    woman and "she" off a man; a first name alone tells nothing."""
    found = [q for q in quotes.attribute(parse(text), [])[0] if q.text == "the port would stay open"]
    assert [q.speaker for q in found] == [speaker]


def test_quotes_a_quoted_slogan_set_off_after_the_object_names_the_object(parse):
    """"noted the shift from the old motto, “Keep Tarn Working.”": the parser took the motto's first
    word for a verb "noted" governs; the columnists noted the shift, they did not say the motto."""
    text = "Several columnists noted the shift from the old campaign motto, “Keep Tarn Working.”"
    assert _who_said_what(parse, text) == [
        ("several columnists", "the shift from the old campaign motto, “Keep Tarn Working.”")]


def test_quotes_two_subjects_split_at_a_lists_comma_are_one_speaker(parse):
    """"… Anna Brill and Olaf Lenz of the University of Tarn, Vestra suggest": the parser made
    "Vestra" a second subject; the speakers are the researchers, never the place at the list's end."""
    text = "Two researchers, Anna Brill and Olaf Lenz of the University of Tarn, Vestra suggest that the port was doomed."
    assert [who for who, _ in _who_said_what(parse, text)] == ["Anna Brill"]


@pytest.mark.parametrize("text, speaker, words", [
    ("She would make a better harbour master than Halden “come what may,” one caller commented.", "one caller",
     "She would make a better harbour master than Halden “come what may,”"),
    ('The two northern wards hold barely a tenth of the votes, while the river wards hold most of them and '
     '"speak for the whole of the town," Marek Lusk wrote.', "Marek Lusk",
     'The two northern wards hold barely a tenth of the votes, while the river wards hold most of them and '
     '"speak for the whole of the town,"'),
])
def test_quotes_a_quotation_that_finishes_a_signed_sentence_says_the_sentence(parse, text, speaker, words):
    """A lower-case quotation that finishes a sentence signed after it ("…, one caller commented")
    says the whole sentence, once: the clause before it is no statement of its own."""
    assert _who_said_what(parse, text) == [(speaker, words)]
