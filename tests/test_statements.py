"""Statements across articles: same statement, first source, positions, shifts, voices."""

from __future__ import annotations

import json

import numpy as np
import pytest

from newsgraph.stages import quotes, statements
from newsgraph.stages.statements import Statement

from .conftest import EXAMPLES


def _quote_text(export: dict) -> dict[str, tuple[str, str]]:
    """quote id → (file name, text)."""
    return {q["id"]: (a["source"].split("/")[-1], q["text"]) for a in export["articles"] for q in a["quotes"]}


def _covering(export: dict, file: str, anchor: str) -> set[str]:
    fold = lambda s: s.replace("’", "'").replace("“", '"').replace("”", '"')  # noqa: E731
    return {qid for qid, (f, text) in _quote_text(export).items() if f == file.split("/")[-1]
            and (fold(anchor) in fold(text) or (fold(text) in fold(anchor) and len(text) >= len(anchor) / 2))}


def test_statements_seeds_reset_shift_flagged_and_nothing_else(seeds_analysis, seeds_gold):
    _, export = seeds_analysis
    shifts = [link for link in export["links"] if link["relation"] == "shift"]
    (gold,) = seeds_gold["shifts"]
    first = _covering(export, gold["from"]["file"], gold["from"]["anchor"])
    second = _covering(export, gold["to"]["file"], gold["to"]["anchor"])
    assert first and second
    # one shift: Peskov's 2016 "reset" rejection (he speaks for the president) and Putin's 2025 "seeking a reset"
    assert len(shifts) == 1
    assert shifts[0]["a"] in first and shifts[0]["b"] in second
    assert shifts[0]["evidence"]["subject"] == "reset"


def test_statements_seeds_positions_hold_their_anchors(seeds_analysis, seeds_gold):
    _, export = seeds_analysis
    recovered = []
    for gold in seeds_gold["positions"]:
        need = [_covering(export, m["file"], m["anchor"]) for m in gold["members"]]
        if all(need) and any(all(n & set(p["quotes"]) for n in need) for p in export["positions"]):
            recovered.append(gold["label"])
    assert len(recovered) == len(seeds_gold["positions"]), recovered
    # "will take time" said as "takes years", "not in a fortnight", "not overnight": a frame groups them
    assert any(p["rule"].endswith("+frame:pace_of_change") for p in export["positions"])
    entity_of = {q["id"]: q["speaker_entity"] for a in export["articles"] for q in a["quotes"]}
    for position in export["positions"]:
        assert position["speaker"] and position["label"] and len(position["quotes"]) >= 2
        # the speaker's own entity, even where the voice is the one they speak for
        assert position["speaker_entity"] in {entity_of[q] for q in position["quotes"]}


def test_statements_examples_follow_up_shift_flagged_without_false_ones(examples_analysis):
    _, export = examples_analysis
    gold = json.loads((EXAMPLES / "gold.json").read_text(encoding="utf-8"))
    shifts = [link for link in export["links"] if link["relation"] == "shift"]
    sale = next(s for s in gold["shifts"] if "selling" in s["topic"])
    first = _covering(export, sale["from"]["file"], sale["from"]["anchor"])
    second = _covering(export, sale["to"]["file"], sale["to"]["anchor"])
    assert any(link["a"] in first and link["b"] in second for link in shifts)
    gold_pairs = [(_covering(export, s["from"]["file"], s["from"]["anchor"]),
                   _covering(export, s["to"]["file"], s["to"]["anchor"])) for s in gold["shifts"]]
    assert all(any(l["a"] in a and l["b"] in b for a, b in gold_pairs) for l in shifts), "a shift gold lacks"
    # "never accept the machines" (2024) → "made our peace with the machines" (2025), across quotes
    assert sum(any(l["a"] in a and l["b"] in b for l in shifts) for a, b in gold_pairs) >= 2
    # a position never holds both sides of a shift: the reversal is a change of position
    for position in export["positions"]:
        assert not any(l["a"] in position["quotes"] and l["b"] in position["quotes"] for l in shifts)


def test_statements_examples_syndicated_quotes_linked_to_the_original(examples_analysis):
    _, export = examples_analysis
    texts = _quote_text(export)
    same = [link for link in export["links"] if link["relation"] == "same_statement"]
    pairs = {(texts[l["a"]][0], texts[l["b"]][0]) for l in same}
    assert ("01_vestra_port_strike.txt", "06_port_strike_syndicated.txt") in pairs
    for link in same:
        assert link["score"] >= 0.9 and link["evidence"]["first_source"]


def _statement(id_, text, outlet=None, venue=None, published=None, order=0, story=None, voice="v"):
    return Statement(id_, id_.split(":")[0], text, voice, "Ana Ortiz", outlet, published, venue, story, order)


def test_statements_first_source_is_the_outlet_the_venue_names():
    cnn = _statement("a1:0-10", "We are ready for dialogue.", outlet="CNN", order=2)
    wire = _statement("a2:0-10", "We are ready for dialogue.", outlet="TASS", venue="CNN", order=1)
    first, second, why = statements.first_source(wire, cnn)
    assert (first.id, second.id) == ("a1:0-10", "a2:0-10") and "CNN" in why


def test_statements_first_source_falls_back_to_the_earlier_date():
    late = _statement("a1:0-5", "x", published="2024-03-09", order=1)
    early = _statement("a2:0-5", "x", published="2024-03-02", order=2)
    assert statements.first_source(late, early)[0].id == "a2:0-5"


@pytest.mark.parametrize("a, b, same", [
    ("The port is not for sale, and it will not be sold.", "the port is not for sale", True),   # trimmed
    ("Talks remain open. Our partners know the number.", "Talks remain open", True),
    ("The port is not for sale.", "The port will be sold by the summer.", False),
    ("Yes.", "Yes.", False),  # too short to tell a statement from a word
])
def test_statements_same_words(a, b, same):
    assert (statements.same_words(a, b) >= statements.SAME_MIN_RATIO) is same


@pytest.mark.parametrize("text, subject, sign", [
    ("A delay is not a promise. We want the machines kept out.", "machines", 1),  # "not" stays in its sentence
    ("As for a reset, the idea has been discredited for years.", "reset", -1),
    ("Kaldor City is seeking a reset in its ties with Vestra.", "reset", 1),
    ("We will never accept the machines.", "machines", -1),
    ("The cranes haven't been the disaster everyone predicted.", "cranes", 1),
    ("The port is not for sale.", "port", -1),
])
def test_statements_stance_reads_negation(text, subject, sign):
    assert np.sign(statements.stance(text, subject)) == sign


def test_statements_spokesperson_speaks_for_the_office_holder():
    entities = [
        {"id": "person:aide", "roles": [{"role": "Vestrian presidential spokeswoman"}]},
        {"id": "person:head", "roles": [{"role": "Vestrian President"}]},
        {"id": "person:other", "roles": [{"role": "Kaldoran President"}]},
        {"id": "person:union", "roles": [{"role": "union spokesman"}]},
    ]
    assert statements.voices(entities) == {"person:aide": "person:head"}


def test_statements_no_shift_within_one_story_or_when_stances_agree():
    vec = np.ones((1, 4), np.float32) / 2
    a = _statement("a1:0-1", "We reject the sale of the port.", story="s1", published="2024-03-01")
    b = _statement("a2:0-1", "We want the sale of the port.", story="s1", published="2024-03-03")
    c = _statement("a3:0-1", "We oppose the sale of the port.", story="s2", published="2025-03-03")
    for s in (a, b, c):
        s.sentences = vec
    result = statements.analyse([a, b, c])
    shifts = {(l.a, l.b) for l in result.links if l.relation == "shift"}
    assert ("a1:0-1", "a2:0-1") not in shifts  # same story, same week
    assert ("a1:0-1", "a3:0-1") not in shifts  # both against
    assert ("a2:0-1", "a3:0-1") in shifts      # for, then against, a year later


@pytest.mark.parametrize("text, frames", [
    ("Rebuilding trust between the two capitals will take time.", {"pace_of_change"}),
    ("Nobody should expect the dispute to be resolved overnight.", {"pace_of_change"}),
    ("Ties between the two governments are at their lowest point in a decade.", {"relations_low"}),
    ("It is time to vote.", set()),  # a duration word without a change
    ("Our relations with the bank are a private matter.", set()),  # relations without a level
])
def test_statements_frames_need_a_word_of_every_class(text, frames):
    assert statements.frames_of(text) == frames


def _claim(statement: int, vector: list[float], text: str = "x") -> statements.Claim:
    v = np.array(vector, np.float32)
    return statements.Claim(statement, text, v / np.linalg.norm(v), set(), statements.frames_of(text))


def test_statements_a_line_in_other_words_joins_its_frame_position():
    """Three sentences far apart in embedding space, one frame: a position of their own."""
    group = [_statement(f"a{i}:0-1", t, published=f"2024-0{i + 1}-01") for i, t in enumerate([
        "Mutual confidence takes years to achieve.",
        "Nobody expects the dispute to be resolved overnight.",
        "The way out of this freeze will take time.",
        "The harbour fees go up in May."])]
    claims = [_claim(i, v, s.text) for i, (s, v) in enumerate(zip(group, [
        [1, 0.2, 0, 0], [0, 1, 0.2, 0], [0.2, 0, 1, 0], [0, 0, 0, 1]]))]
    positions = statements.positions_of(group, claims)
    (framed,) = [p for p in positions if "frame:pace_of_change" in p.rule]
    assert set(framed.quotes) == {"a0:0-1", "a1:0-1", "a2:0-1"}


def test_statements_a_lone_claim_very_close_to_a_cluster_joins_it():
    sim = np.array([[1, 0.9, 0.45, 0.1], [0.9, 1, 0.7, 0.1], [0.45, 0.7, 1, 0.1], [0.1, 0.1, 0.1, 1]])
    assert statements.attach_strays([[0, 1], [2], [3]], sim) == [[0, 1, 2], [3]]


@pytest.mark.parametrize("lead_in, expected", [
    ("Twelve months ago Marta Ilves stood at the gates and promised that ", True),
    ("Last year the minister told parliament: ", True),
    ("The minister told parliament on Tuesday: ", False),
    ("Ten years ago the bridge fell. On Monday she said that ", False),  # another sentence
])
def test_statements_recalled_statements_are_told_apart(lead_in, expected):
    assert statements.recalled(lead_in) is expected


def test_statements_a_new_article_redoes_only_the_voices_it_brings(tmp_path, monkeypatch):
    """Links and positions of voices the new article does not touch are kept as they were;
    the new speaker's statements are linked."""
    from newsgraph import Store, ingest, load_settings
    from newsgraph.pipeline import analyze

    settings = load_settings(environ={})
    extra = tmp_path / "extra.txt"
    extra.write_text(
        "Harbour pilots threaten walkout\n\nOSTREL, March 9, 2024 (Meridian) - The harbour pilots' association "
        "said on Saturday it would stop guiding ships into Ostrel. “We will not guide a single ship until the "
        "pay offer is doubled,” association chairman Bruno Tell told reporters. “The pay offer is an insult to "
        "every pilot on this coast,” Tell said.\n", encoding="utf-8")
    again = tmp_path / "again.txt"
    again.write_text(
        "Pilots stay out\n\nOSTREL, March 10, 2024 (NordPost) - Harbour pilots kept ships waiting on Sunday. "
        "“We will not guide a single ship until the pay offer is doubled,” pilots' leader Bruno Tell said.\n",
        encoding="utf-8")
    with Store(tmp_path / "s.db") as store:
        ingest([str(EXAMPLES), str(extra)], store, settings)
        analyze(store, settings)
        kept = {(l["a"], l["b"], l["relation"]) for l in store.links()}
        positions = {p["id"] for p in store.positions()}
        ingest([str(again)], store, settings)
        seen = []
        real = statements.analyse
        monkeypatch.setattr(statements, "analyse", lambda items, *a: seen.append({i.voice for i in items}) or
                            real(items, *a))
        analyze(store, settings)
        assert seen == [{"person:bruno-tell"}]
        now = {(l["a"], l["b"], l["relation"]) for l in store.links()}
        texts = {q["id"]: q["text"] for q in store.quotes()}
        assert kept <= now and positions <= {p["id"] for p in store.positions()}
        new = now - kept
        assert new and all("pay offer" in texts[a] and "pay offer" in texts[b] for a, b, _ in new)
        assert any(relation == "same_statement" for *_, relation in new)


def test_statements_voices_heard_in_one_article_are_not_embedded(examples_analysis):
    """Links and positions span articles: a speaker quoted in one article needs no vectors."""
    from newsgraph import Store, embeddings, pipeline

    db, _ = examples_analysis
    store = Store(db, read_only=True)
    items = pipeline.statement_items(store)
    compared = pipeline.compared_voices(items)
    stored = set(store.vectors("quote", f"{embeddings.NAME}+{statements.SPLITTER}"))
    lonely = {item.id for item in items if item.voice not in compared}
    assert lonely and stored and not lonely & stored
    assert stored <= {item.id for item in items if item.voice in compared}


def test_statements_a_refusal_takes_no_position_and_links_to_nothing(examples_analysis):
    """"Dorin declined to say whether …" (twice in the examples) says nothing: the statements
    stage neither links the two refusals as one statement nor makes a position of them."""
    from newsgraph import Store, pipeline

    db, _ = examples_analysis
    store = Store(db, read_only=True)
    refusals = {q["id"] for q in store.quotes() if q["rule"] in quotes.STATES_NOTHING}
    linked = {l["a"] for l in store.links()} | {l["b"] for l in store.links()}
    assert len(refusals) == 2
    assert not refusals & {item.id for item in pipeline.statement_items(store)}
    assert not refusals & linked


def test_statements_frames_leave_ordinary_future_tense_alone():
    # "will take place" names no pace: only "take time/years", a duration or a speed word does
    assert statements.frames_of("The reform process will take place next week.") == set()


def test_statements_claims_cluster_by_average_similarity_and_never_at_the_threshold_itself():
    """Average linkage: A and B merge (0.9); C joins them only if its mean similarity to both is
    above the threshold (0.5 and 0.7 → 0.6); D at exactly the threshold stays alone."""
    sim = np.array([[1.0, 0.9, 0.5, 0.0],
                    [0.9, 1.0, 0.7, 0.0],
                    [0.5, 0.7, 1.0, 0.5],
                    [0.0, 0.0, 0.5, 1.0]], dtype=np.float32)
    assert statements.clusters(sim, 0.55) == [[0, 1, 2], [3]]
    assert statements.clusters(sim, 0.65) == [[0, 1], [2], [3]]
    assert statements.clusters(np.array([[1.0, 0.5], [0.5, 1.0]]), 0.5) == [[0], [1]]
    assert statements.clusters(np.array([[1.0, 0.51], [0.51, 1.0]]), 0.5) == [[0, 1]]
