"""The two shared example articles, resolved together: the entities a reader expects."""

from __future__ import annotations

import pytest

from consilience.extract.mentions import find_mentions
from consilience.resolve import resolve_entities
from tests.shared import EXAMPLES

KALESNIKAVA = "000_8b19bb4c4ffb7a67.txt"
KOLESNIKOVA = "004_dabceafbe1b21c57.txt"

pytestmark = pytest.mark.skipif(
    not (EXAMPLES / KALESNIKAVA).exists() or not (EXAMPLES / KOLESNIKOVA).exists(),
    reason="shared examples not present",
)


@pytest.fixture(scope="module")
def entities():
    mentions = []
    for name in (KALESNIKAVA, KOLESNIKOVA):
        mentions += find_mentions(name[:3], (EXAMPLES / name).read_text("utf-8"), "en")
    return resolve_entities(mentions)


def _holding(entities, type_, surface):
    hits = [e for e in entities if e.type == type_ and surface in e.variants]
    assert len(hits) == 1, f"{surface!r} ({type_}) is in {len(hits)} entities"
    return hits[0]


def test_kalesnikava_is_one_entity_with_each_spelling_in_its_article(entities):
    e = _holding(entities, "person", "Maria Kalesnikava")
    assert e.variants["Maria Kalesnikava"] == ["000"]
    assert e.variants["Kalesnikava"] == ["000"]
    assert e.variants["Maria Kolesnikova"] == ["004"]
    assert e.variants["Kolesnikova"] == ["004"]


@pytest.mark.parametrize(
    ("surfaces", "type_"),
    [
        (["Viktar Babaryka", "Viktor Babariko"], "person"),
        (["Ales Bialiatski"], "person"),
        (["Alexander Lukashenko", "Lukashenko"], "person"),
        (["Donald Trump", "Trump"], "person"),
        (["Volodymyr Zelensky"], "person"),
        (["Vladimir Putin"], "person"),
        (["Minsk"], "place"),
        (["Kyiv"], "place"),
        (["Belarus"], "place"),
        (["Ukraine"], "place"),
        (["Lithuania"], "place"),
        (["DPA"], "org"),
        (["Reuters"], "org"),
    ],
)
def test_one_entity_per_real_world_name(entities, surfaces, type_):
    found = {_holding(entities, type_, s).id for s in surfaces}
    assert len(found) == 1


def test_cross_article_people_have_both_articles(entities):
    for surface in ("Alexander Lukashenko", "Donald Trump", "Ales Bialiatski"):
        assert _holding(entities, "person", surface).variants[surface] == ["000", "004"]


def test_no_entity_is_a_fragment_or_common_word(entities):
    bad = {
        "Those",
        "Despite",
        "Among",
        "The",
        "American",
        "Belarusian",
        "Ukrainian",
        "While",
        "Available",
        "Sources",
        "Opposition",
        "Initially",
        "Another",
        "Hundreds",
        "Translation",
        "Telegram",
        "West",
        "NGO",
        "Saturday",
        "December",
        "Dec",
        "Last",
        "President",
        "Nobel Peace Prize",
        "The American delegation",
    }
    for e in entities:
        for surface in e.variants:
            assert surface not in bad
            assert not (set(surface.split()) & {"The", "Those", "Despite", "Among", "President"})
        assert e.name[0].isupper()
    people = {e.name for e in entities if e.type == "person"}
    assert all(len(n.split()) >= 2 for n in people)
