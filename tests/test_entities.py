"""Entity merging across articles, on hand-made people and speaker rows."""

from __future__ import annotations

from newsgraph.stages.entities import build_entities, spelling_key


def _people(*rows):
    return [{"article_id": a, "name": n, "roles": list(r), "published": d} for a, n, r, d in rows]


def _speaker(quote, article, name, kind="person", mention=None):
    return {"id": quote, "article_id": article, "speaker": name, "speaker_kind": kind, "mention": mention,
            "published": None}


def test_entities_spelling_key_joins_transliterations():
    assert spelling_key("Dmitri") == spelling_key("Dmitry")
    assert spelling_key("Sergei") == spelling_key("Sergey")
    assert spelling_key("Aleksei") == spelling_key("Alexei")
    assert spelling_key("Ilse") != spelling_key("Ilsa")


def test_entities_transliterations_merge_with_roles_and_dates():
    people = _people(("a1", "Dmitri Peskov", ["Kremlin spokesman"], "2016-11-10"),
                     ("a2", "Dmitry Peskov", ["Kremlin spokesman"], "2025-09-12"),
                     ("a2", "Dmitry Peskov", [], "2025-09-12"))
    entities, links = build_entities(people, [_speaker("q1", "a1", "Dmitri Peskov", mention="the Kremlin spokesman"),
                                              _speaker("q2", "a3", "Peskov")])
    (peskov,) = entities
    assert peskov["name"] == "Dmitry Peskov" and {"Dmitri Peskov", "Peskov", "the Kremlin spokesman"} <= set(peskov["aliases"])
    assert peskov["roles"] == [{"role": "Kremlin spokesman", "first_seen": "2016-11-10", "last_seen": "2025-09-12",
                                "mentions": 2}]
    assert links == {"q1": peskov["id"], "q2": peskov["id"]}


def test_entities_one_letter_misspelling_merges_only_when_context_agrees():
    agreeing = _people(("a1", "Ilse Varga", ["minister"], None), ("a2", "Ilse Varja", ["minister"], None))
    assert len(build_entities(agreeing, [])[0]) == 1
    unrelated = _people(("a1", "Ilse Varga", ["minister"], None), ("a2", "Ilse Varja", ["farmer"], None))
    assert len(build_entities(unrelated, [])[0]) == 2


def test_entities_namesakes_stay_apart_and_a_bare_surname_stays_unlinked():
    people = _people(("a1", "Joe Biden", [], None), ("a2", "Hunter Biden", [], None))
    entities, links = build_entities(people, [_speaker("q1", "a3", "Biden")])
    assert sorted(e["name"] for e in entities) == ["Hunter Biden", "Joe Biden"]
    assert links == {}


def test_entities_organisations_keep_one_id_whatever_the_apostrophe():
    entities, links = build_entities([], [_speaker("q1", "a1", "Dockworkers' Union", "organisation"),
                                          _speaker("q2", "a2", "Dockworkers’ Union", "organisation")])
    (union,) = entities
    assert links == {"q1": union["id"], "q2": union["id"]} and union["kind"] == "organisation"


def test_entities_a_generational_suffix_is_no_surname():
    """"Anton Varga Jr." is a Varga: a bare "Varga" finds him, and no other junior merges with him."""
    people = _people(("a1", "Anton Varga Jr.", ["admiral"], None), ("a2", "Pia Dorn Jr.", [], None))
    entities, links = build_entities(people, [_speaker("q1", "a3", "Varga")])
    assert sorted(e["name"] for e in entities) == ["Anton Varga Jr.", "Pia Dorn Jr."]
    varga = next(e for e in entities if e["name"] == "Anton Varga Jr.")
    assert links == {"q1": varga["id"]} and "Varga" in varga["aliases"]
