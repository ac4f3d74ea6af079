"""Cross-article resolution: merges with reasons, judgements, guards and determinism."""

from __future__ import annotations

import random

import pytest

from consilience.model import Mention
from consilience.resolve import Entity, names_api, resolve_entities


def _m(
    article: str, text: str, type_: str = "person", canonical: str | None = None, role=None, start=0
):
    return Mention(article, start, start + len(text), text, type_, role, canonical)


def _find(entities: list[Entity], surface: str) -> Entity:
    hits = [e for e in entities if surface in e.variants]
    assert len(hits) == 1, f"{surface!r} in {len(hits)} entities"
    return hits[0]


def test_transliterations_merge_with_reason_and_variants_per_article():
    ms = [
        _m("a1", "Maria Kalesnikava"),
        _m("a1", "Kalesnikava", canonical="Maria Kalesnikava", start=40),
        _m("a2", "Maria Kolesnikova"),
    ]
    ents = resolve_entities(ms)
    assert len(ents) == 1
    e = ents[0]
    assert e.variants == {
        "Kalesnikava": ["a1"],
        "Maria Kalesnikava": ["a1"],
        "Maria Kolesnikova": ["a2"],
    }
    assert e.mentions == 3
    assert any("Kalesnikava" in w and "Kolesnikova" in w for w in e.why_merged)


def test_different_types_never_merge():
    ents = resolve_entities([_m("a1", "Washington", "place"), _m("a2", "Washington", "person")])
    assert sorted(e.type for e in ents) == ["person", "place"]


def test_same_input_any_order_same_output():
    ms = [
        _m("a1", "Alexander Lukashenko"),
        _m("a2", "Aliaksandr Lukashenka"),
        _m("a2", "Lukashenka", canonical="Aliaksandr Lukashenka", start=30),
        _m("a3", "Minsk", "place", canonical="Minsk"),
        _m("a3", "Ivan Ivanov", start=20),
        _m("a4", "Ivanov", start=5),
    ]
    first = resolve_entities(ms)
    for seed in range(5):
        shuffled = ms[:]
        random.Random(seed).shuffle(shuffled)
        assert resolve_entities(shuffled) == first


def test_ids_are_content_hashes_stable_across_rebuilds():
    ms = [_m("a1", "Donald Trump"), _m("a2", "Trump", canonical="Donald Trump")]
    a = resolve_entities(ms)
    b = resolve_entities(list(reversed(ms)))
    assert [e.id for e in a] == [e.id for e in b]
    other = resolve_entities([_m("a1", "Joe Biden")])
    assert other[0].id != a[0].id


def test_judgement_different_overrides_score_in_every_rebuild():
    ms = [_m("a1", "Maria Kalesnikava"), _m("a2", "Maria Kolesnikova")]
    assert len(resolve_entities(ms)) == 1
    split = resolve_entities(ms, judgements=[("Maria Kalesnikava", "Maria Kolesnikova", False)])
    assert len(split) == 2


def test_judgement_same_merges_names_the_score_keeps_apart():
    ms = [_m("a1", "John Coale"), _m("a2", "Jonathan Smithers")]
    assert len(resolve_entities(ms)) == 2
    merged = resolve_entities(ms, judgements=[("John Coale", "Jonathan Smithers", True)])
    assert len(merged) == 1
    assert any(w.startswith("judged same") for w in merged[0].why_merged)


def test_judgement_by_entity_id():
    ms = [_m("a1", "John Coale"), _m("a2", "Jonathan Smithers")]
    ids = [e.id for e in resolve_entities(ms)]
    merged = resolve_entities(ms, judgements=[(ids[0], ids[1], True)])
    assert len(merged) == 1


def test_surname_only_is_not_a_bridge_between_two_full_names():
    ms = [_m("a1", "Ivan Ivanov"), _m("a2", "Pyotr Ivanov"), _m("a3", "Ivanov")]
    ents = resolve_entities(ms)
    assert _find(ents, "Ivan Ivanov") is not _find(ents, "Pyotr Ivanov")
    lone = _find(ents, "Ivanov")
    assert lone.variants == {"Ivanov": ["a3"]}  # ambiguous: attached to neither


def test_surname_only_attaches_when_unambiguous():
    ents = resolve_entities([_m("a1", "Ivan Ivanov"), _m("a2", "Ivanov")])
    assert len(ents) == 1
    assert any("surname-only" in w for w in ents[0].why_merged)


def test_gendered_forms_never_merge():
    ms = [_m("a1", "Maria Kolesnikova"), _m("a2", "Kolesnikov"), _m("a3", "Sergei Kolesnikov")]
    ents = resolve_entities(ms)
    assert _find(ents, "Maria Kolesnikova") is not _find(ents, "Kolesnikov")
    assert _find(ents, "Kolesnikov") is _find(ents, "Sergei Kolesnikov")


def test_different_judgement_is_not_undone_transitively():
    ms = [
        _m("a1", "Maria Kalesnikava"),
        _m("a2", "Maria Kolesnikova"),
        _m("a3", "Maria Kalesnikova"),
    ]
    ents = resolve_entities(ms, judgements=[("Maria Kalesnikava", "Maria Kolesnikova", False)])
    assert _find(ents, "Maria Kalesnikava") is not _find(ents, "Maria Kolesnikova")


@pytest.fixture
def borderline_names(monkeypatch):
    """A names stand-in that calls two given names borderline (0.8, not same)."""

    def compare(a, b, kind=None):
        same = a == b
        score = 1.0 if same else 0.8
        return names_api.FallbackMatch(same, score, "stub", kind or "")

    def keys(name, kind=None):
        return {"k"}

    names_api.name_functions.cache_clear()
    names_api.compare.cache_clear()
    names_api.keys.cache_clear()
    monkeypatch.setattr(names_api, "name_functions", lambda: (compare, keys))
    yield
    names_api.compare.cache_clear()
    names_api.keys.cache_clear()


def test_context_lifts_a_borderline_pair(borderline_names):
    ms = [_m("a1", "Alpha Beta", "org"), _m("a2", "Alfa Betta", "org")]
    assert len(resolve_entities(ms)) == 2
    ents = resolve_entities(ms, context={"a1": {"story-1"}, "a2": {"story-1"}})
    assert len(ents) == 1
    assert any("same story" in w for w in ents[0].why_merged)
    apart = resolve_entities(ms, context={"a1": {"story-1"}, "a2": {"story-2"}})
    assert len(apart) == 2


def test_same_role_lifts_a_borderline_pair(borderline_names):
    ms = [
        _m("a1", "Alpha Beta", "org", role="agency"),
        _m("a2", "Alfa Betta", "org", role="agency"),
    ]
    ents = resolve_entities(ms)
    assert len(ents) == 1 and any("same role" in w for w in ents[0].why_merged)


def test_cross_script_articles_resolve_to_one_person():
    from consilience.extract.mentions import find_mentions

    ms = find_mentions("en1", "Maria Kalesnikava was freed. Kalesnikava left Minsk.", "en")
    ms += find_mentions("ru1", "Марию Колесникову освободили. Колесникова уехала из Минска.", "ru")
    ents = resolve_entities(ms)
    person = _find(ents, "Maria Kalesnikava")
    assert person.variants["Марию Колесникову"] == ["ru1"]
    assert person.variants["Колесникова"] == ["ru1"]
    assert person.name == "Maria Kalesnikava"  # Latin script preferred for the display name
    minsk = _find(ents, "Minsk")
    assert minsk.variants == {"Minsk": ["en1"], "Минска": ["ru1"]}


def test_no_mentions_no_entities():
    assert resolve_entities([]) == []


def test_full_names_across_scripts_and_their_lone_surnames_form_one_entity():
    ms = [
        _m("en1", "Alexander Lukashenko"),
        _m("en2", "Lukashenko"),
        _m("ru1", "Александр Лукашенко"),
        _m("ru2", "Лукашенко"),
    ]
    ents = resolve_entities(ms)
    assert len(ents) == 1
    assert ents[0].name == "Alexander Lukashenko"
    assert sorted(ents[0].variants) == [
        "Alexander Lukashenko",
        "Lukashenko",
        "Александр Лукашенко",
        "Лукашенко",
    ]


def test_stand_in_comparison_keeps_gendered_forms_apart():
    same = names_api._fallback_compare("Maria Kalesnikava", "Maria Kolesnikova", "person")
    gendered = names_api._fallback_compare("Kolesnikov", "Kolesnikova", "person")
    assert same.same and not gendered.same
    assert names_api._fallback_keys("Maria Kalesnikava") & names_api._fallback_keys("Kolesnikova")


def test_a_mans_name_in_an_oblique_case_joins_him_and_not_his_wife():
    """'Степана Грибова' is the genitive of 'Степан Грибов' (the given name decides the ending);
    'Ольга Грибова' in the same article is another person."""
    ms = [
        _m("a1", "Степан Грибов"),
        _m("a2", "Ольга Грибова"),
        _m("a2", "Степана Грибова", start=60),
        _m("a3", "Илья Вартанов"),
        _m("a4", "Илью Вартанова"),
    ]
    ents = resolve_entities(ms)
    assert _find(ents, "Степана Грибова") is _find(ents, "Степан Грибов")
    assert _find(ents, "Ольга Грибова") is not _find(ents, "Степан Грибов")
    assert _find(ents, "Илью Вартанова") is _find(ents, "Илья Вартанов")


def test_an_endonym_no_article_writes_gives_way_to_the_exonym_they_do() -> None:
    from consilience.resolve.entities import display_name
    from consilience.resolve.records import Record

    assert display_name([Record("k", "place", "Köln", {"Cologne": {"a1", "a2"}}, 2)]) == "Cologne"
    # written by an article, the gazetteer's name stays; a Cyrillic-only corpus keeps the Latin label
    assert display_name([Record("k", "place", "Köln", {"Köln": {"a1"}, "Cologne": {"a2"}}, 2)]) == "Köln"
    assert display_name([Record("k", "place", "Minsk", {"Минске": {"a1"}}, 1)]) == "Minsk"
