"""Comparison on REAL extractor output: the example articles through the whole pipeline, and the demo corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from consilience import pipeline
from consilience.cluster.copies import find_copy_groups
from consilience.compare import SourceArticle, compare_story
from consilience.present import views
from consilience.store import Store
from consilience.store.analysis import claims_of
from tests.shared import EXAMPLES

DEMO = Path(pipeline.__file__).resolve().parent / "demo"


@pytest.fixture(scope="module")
def story(tmp_path_factory: pytest.TempPathFactory) -> dict:
    store = Store.open(tmp_path_factory.mktemp("e2e") / "x.db")
    pipeline.ingest(store, [str(EXAMPLES)], sandbox=False)
    pipeline.analyse(store)
    ids = [r[0] for r in store.conn.execute("SELECT id FROM stories")]
    assert len(ids) == 1, "the two example articles are one story"
    detail = views.story_detail(store, ids[0])
    detail["_refs"] = {r["id"]: r["ref"] for r in store.conn.execute("SELECT id, ref FROM articles")}
    return detail


def _claims(story: dict, needle: str) -> list[dict]:
    return [c for c in story["claims"] if any(needle in s["quote"] for s in c["support"])]


def test_123_is_corroborated_by_two_origins_with_the_shared_one_shown(story: dict) -> None:
    main = max(
        (c for c in story["claims"] if c["kind"] == "quantity" and c["value"] == "123"),
        key=lambda c: len(c["support"]),
    )
    assert main["status"] == "corroborated", main["reason"]
    assert len({s["article"] for s in main["support"]}) == 2
    groups = {s["article"]: s["independence_group"] for s in story["sources"]}
    assert len(set(groups.values())) == 2, "the two articles are not copies"
    labels = {o["label"] for o in main["origins"]}
    assert any("Belarusian" in label for label in labels)
    assert any("US" in label for label in labels), "the US delegation confirmed it in the first article"
    shared = [o for o in main["origins"] if o["shared"]]
    assert shared and "Belarusian" in shared[0]["label"]
    assert "shared origin" in main["reason"]


@pytest.mark.parametrize(
    "needle", ["114 of the released individuals headed to Ukraine", "five Ukrainian citizens", "sentenced a year later to 11 years"]
)
def test_single_source_facts(story: dict, needle: str) -> None:
    found = [c for c in _claims(story, needle) if c["kind"] == "quantity"]
    assert found, needle
    assert all(c["status"] == "single_source" for c in found), [(c["statement"], c["status"]) for c in found]


def test_partitive_is_a_scope_difference_not_a_conflict(story: dict) -> None:
    pairs = [d for d in story["differences"] if "114" in d["values"]]
    assert pairs and all(d["type"] != "conflict" for d in pairs)


def test_nothing_conflicts_in_the_examples(story: dict) -> None:
    assert [c["statement"] for c in story["claims"] if c["status"] == "conflicting"] == []
    assert [d for d in story["differences"] if d["type"] == "conflict"] == []


def test_second_article_rests_on_dpa_citing_the_authorities(story: dict) -> None:
    second = next(a for a, ref in story["_refs"].items() if ref.startswith("004"))
    chains = [
        s["chain"]
        for c in story["claims"]
        if c["kind"] == "quantity" and c["value"] == "123"
        for s in c["support"]
        if s["article"] == second
    ]
    assert ["BTA", "DPA", "authorities"] in chains


def test_hedged_claims_are_marked(story: dict) -> None:
    hedged = _claims(story, "Available information suggests 114")
    assert hedged and all(c["hedged"] for c in hedged)
    plain = _claims(story, "pardoned 123 detainees on Saturday")
    assert plain and not all(s["hedged"] for c in plain for s in c["support"])


def test_naming_discrepancies(story: dict) -> None:
    variants = [set(d["variants"]) for d in story["discrepancies"]]
    assert any({"Kalesnikava", "Kolesnikova"} <= {w for v in vs for w in v.split()} for vs in variants)
    assert any({"Babaryka", "Babariko"} <= {w for v in vs for w in v.split()} for vs in variants)


def test_years_of_different_events_do_not_align(story: dict) -> None:
    for c in story["claims"]:
        if c["kind"] == "date":
            assert len({s["value"] for s in c["support"]}) == 1, c


def test_story_view_keeps_only_checkable_claims(story: dict) -> None:
    kinds = {c["kind"] for c in story["claims"]}
    assert "other" not in kinds
    assert len(story["claims"]) <= 45
    events = [c for c in story["claims"] if c["kind"] == "event"]
    assert all(c["value"] != "statement" for c in events), "speech acts are attributions, not events"


# -- the demo corpus, compared story by story as expected.json groups it --------------------------


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Store, dict]:
    store = Store.open(tmp_path_factory.mktemp("demo") / "d.db")
    pipeline.ingest(store, [str(DEMO / "articles")], sandbox=False)
    pipeline.extract_articles(store)
    pipeline.resolve(store)
    return store, json.loads((DEMO / "expected.json").read_text("utf-8"))


def _compare(store: Store, refs: list[str]):  # type: ignore[no-untyped-def]
    rows = {r["ref"] or r["id"]: r for r in store.conn.execute("SELECT * FROM articles")}
    chosen = [rows[r] for r in refs]
    copies = find_copy_groups([pipeline.story_doc(store, r) for r in chosen])
    arts = [SourceArticle(r["id"], r["ref"], r["outlet"], r["published"], copies.get(r["id"])) for r in chosen]
    ids = [r["id"] for r in chosen]
    found = compare_story(arts, claims_of(store, ids), pipeline.story_entities(store, ids))
    return found, {r["ref"]: r["id"] for r in chosen}


def test_demo_wire_copies_count_once(demo) -> None:  # type: ignore[no-untyped-def]
    store, expected = demo
    comparison, ids = _compare(store, expected["stories"][0])
    groups = comparison.independence.groups
    for copy in expected["copy_groups"]:
        assert len({groups[ids[r]] for r in copy}) == 1
    assert len(set(groups.values())) >= 3


def test_demo_more_than_80_is_compatible_with_87(demo) -> None:  # type: ignore[no-untyped-def]
    store, expected = demo
    comparison, _ = _compare(store, expected["stories"][0])
    diffs = comparison.to_json()["differences"]
    assert any(d["type"] == "precision" and "87" in d["values"] and any(">80" in v for v in d["values"]) for d in diffs)
    assert not any(d["type"] == "conflict" and "87" in d["values"] and any(">80" in v for v in d["values"]) for d in diffs)


def test_demo_rose_to_14_is_a_revision(demo) -> None:  # type: ignore[no-untyped-def]
    store, expected = demo
    comparison, _ = _compare(store, expected["stories"][1])
    diffs = comparison.to_json()["differences"]
    revisions = [d for d in diffs if d["type"] == "revision" and "14" in d["values"]]
    assert revisions
    assert not [d for d in diffs if d["type"] == "conflict" and "14" in d["values"]]


def test_demo_planted_conflict_7_vs_12(demo) -> None:  # type: ignore[no-untyped-def]
    store, expected = demo
    comparison, ids = _compare(store, expected["stories"][1])
    conflicting = [c for c in comparison.claims if c.status == "conflicting"]
    dead = [c for c in conflicting if {v.value for v in c.versions} >= {"7", "12"}]
    assert dead, [(c.statement, c.status, [v.value for v in c.versions]) for c in comparison.claims]
    claim = dead[0]
    assert "7" in claim.reason and "12" in claim.reason and "independent groups" in claim.reason
    by_value = {v.value: v for v in claim.versions}
    assert by_value["7"].relation == by_value["12"].relation == "conflict"
    assert "14" in by_value and by_value["14"].relation == "main", "the later toll stands as the current figure"
    assert {ids["demo-007"], ids["demo-008"]} <= {s.article for s in claim.support}


def test_demo_injured_are_not_counted_with_the_workforce(demo) -> None:  # type: ignore[no-untyped-def]
    store, expected = demo
    comparison, ids = _compare(store, expected["stories"][1])
    injured = [c for c in comparison.claims if any(v.value == "23" for v in c.versions)]
    assert len(injured) == 1, [c.statement for c in injured]
    values = {s.value for s in injured[0].support}
    assert values == {"23"}, values  # not "about 1800" people employed, nor "2 miners" missing
    assert injured[0].status == "corroborated"
    assert {ids[r] for r in expected["corroborated"][1]["articles"]} <= {s.article for s in injured[0].support}


def test_demo_unrelated_durations_do_not_conflict(demo) -> None:  # type: ignore[no-untyped-def]
    store, expected = demo
    for story in expected["stories"][:3]:
        comparison, _ = _compare(store, story)
        clashes = [d for d in comparison.to_json()["differences"] if d["type"] == "conflict"]
        assert not [d for d in clashes if any("year" in v for v in d["values"])], clashes


def test_demo_articles_citing_the_wire_share_its_group(demo) -> None:  # type: ignore[no-untyped-def]
    store, expected = demo
    comparison, ids = _compare(store, expected["stories"][0])
    groups = comparison.independence.groups
    for group in expected["independence_groups"]["groups"]:
        assert len({groups[ids[r]] for r in group}) == 1, group
    assert len(set(groups.values())) == len(expected["independence_groups"]["groups"])
    wire = groups[ids["demo-002"]]
    assert "interior ministry" in comparison.independence.reasons[wire]
