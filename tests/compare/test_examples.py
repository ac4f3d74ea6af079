"""The two canonical example articles, with the claims a careful reader finds in them, compared."""

from __future__ import annotations

import pytest

from consilience.compare import SourceArticle, StoryEntity, compare_story, independence_groups

from .factories import claim, example_text

A, B = "000", "004"


@pytest.fixture(scope="module")
def story():
    ta, tb = example_text("000"), example_text("004")
    articles = [
        SourceArticle(
            A, ref="000_8b19bb4c4ffb7a67", outlet="Outlet 000", published="2025-12-13T19:10:00"
        ),
        SourceArticle(
            B, ref="004_dabceafbe1b21c57", outlet="Fakti", published="2025-12-13T20:28:00"
        ),
    ]
    c = []
    # article 000
    c.append(
        claim(
            A,
            "quantity",
            "Lukashenko pardoned 123 detainees",
            text=ta,
            quote="Belarusian President Alexander Lukashenko pardoned 123 detainees on Saturday, December 13.",
            value="123",
            unit="detainees",
            event="pardoned",
            actors=("Alexander Lukashenko",),
            when="2025-12-13",
        )
    )
    c.append(
        claim(
            A,
            "date",
            "The pardon was on 2025-12-13",
            text=ta,
            quote="on Saturday, December 13",
            value="2025-12-13",
            event="pardoned",
        )
    )
    c.append(
        claim(
            A,
            "quantity",
            "Five Ukrainian citizens were among those released",
            text=ta,
            quote="Those released include political opponents, activists, journalists, and five Ukrainian citizens.",
            value="5",
            unit="Ukrainian citizens",
            event="released",
        )
    )
    c.append(
        claim(
            A,
            "event",
            "Ales Bialiatski was freed",
            text=ta,
            quote="Among those freed are Ales Bialiatski",
            event="freed",
            actors=("Ales Bialiatski",),
        )
    )
    c.append(
        claim(
            A,
            "event",
            "Maria Kalesnikava was freed",
            text=ta,
            quote="and Maria Kalesnikava, a leading figure",
            event="freed",
            actors=("Maria Kalesnikava",),
        )
    )
    c.append(
        claim(
            A,
            "quantity",
            "The US delegation confirmed the 123 pardoned",
            text=ta,
            quote="The American delegation, led by envoy John Coale, confirmed the information.",
            value="123",
            unit="detainees",
            event="pardoned",
            chain=("The American delegation",),
            cue="confirmed",
        )
    )
    c.append(
        claim(
            A,
            "event",
            "Viktar Babaryka was pardoned",
            text=ta,
            quote="Sources cited by international media indicate that the pardoned detainees also include Viktar Babaryka",
            event="pardoned",
            actors=("Viktar Babaryka",),
            chain=("international media",),
            hedge="indicate",
        )
    )
    c.append(
        claim(
            A,
            "quantity",
            "Lukashenko pardoned 123 citizens from different countries",
            text=ta,
            quote='A Telegram channel affiliated with the Belarusian presidency confirmed Lukashenko pardoned "123 citizens from different countries,"',
            value="123",
            unit="citizens from different countries",
            event="pardoned",
            actors=("Lukashenko",),
            chain=("A Telegram channel affiliated with the Belarusian presidency",),
            cue="confirmed",
        )
    )
    c.append(
        claim(
            A,
            "quantity",
            "Five Ukrainian citizens held in Belarus were freed",
            text=ta,
            quote="Ukrainian President Volodymyr Zelensky announced the five Ukrainian citizens held in Belarus were freed",
            value="5",
            unit="Ukrainian citizens",
            event="freed",
            chain=("Volodymyr Zelensky",),
            cue="announced",
        )
    )
    c.append(
        claim(
            A,
            "quantity",
            "114 of those released headed to Ukraine",
            text=ta,
            quote="Available information suggests 114 of the released individuals headed to Ukraine",
            value="114",
            unit="of the released individuals",
            event="headed to",
            hedge="suggests",
        )
    )
    c.append(
        claim(
            A,
            "event",
            "Kalesnikava and Babaryka arrived in Ukraine",
            text=ta,
            quote="Maria Kalesnikava and Viktar Babaryka have already arrived in Ukraine, according to an NGO.",
            event="arrived",
            actors=("Maria Kalesnikava",),
            chain=("an NGO",),
            cue="according to",
        )
    )
    c.append(
        claim(
            A,
            "event",
            "Kalesnikava was arrested",
            text=ta,
            quote="She was arrested after actively resisting expulsion",
            event="arrested",
            actors=("Kalesnikava",),
        )
    )
    c.append(
        claim(
            A,
            "quantity",
            "123 detainees were released in exchange",
            text=ta,
            quote="In exchange for the release of the 123 detainees",
            value="123",
            unit="detainees",
            event="release",
        )
    )
    # article 004
    c.append(
        claim(
            B,
            "quantity",
            "Lukashenko released 123 political prisoners",
            text=tb,
            quote="Belarusian President Alexander Lukashenko has released 123 political prisoners following a request",
            value="123",
            unit="political prisoners",
            event="released",
            actors=("Alexander Lukashenko",),
            chain=("BTA", "DPA", "authorities"),
            cue="reported, citing",
        )
    )
    for name in ("Maria Kolesnikova", "Ales Bialiatski", "Viktor Babariko"):
        c.append(
            claim(
                B,
                "event",
                f"{name} was released",
                text=tb,
                quote="Opposition and human rights activists reported that among those released were prominent opposition figures",
                event="released",
                actors=(name,),
                chain=("Opposition and human rights activists",),
                cue="reported",
            )
        )
    c.append(
        claim(
            B,
            "quantity",
            "Lukashenko pardoned citizens of various countries",
            text=tb,
            quote="Lukashenko pardoned citizens from various countries",
            value=None,
            unit="citizens",
            event="pardoned",
            chain=("Lukashenko's press service",),
            cue="said",
        )
    )  # "his": Lukashenko's
    c.append(
        claim(
            B,
            "attribution",
            "The release was part of agreements with Trump, at his request",
            text=tb,
            quote="The release took place within the framework of agreements reached with Trump",
            chain=("Lukashenko's press service in Minsk",),
            cue="reported",
        )
    )
    c.append(
        claim(
            B,
            "attribution",
            "The release aims to stabilise the region",
            text=tb,
            quote="stabilizing the situation in the entire European region, the Belarusian president's press service added",
            chain=("the Belarusian president's press service",),
            cue="added",
        )
    )
    c.append(
        claim(
            B,
            "event",
            "Kolesnikova was arrested in September 2020",
            text=tb,
            quote="Kolesnikova was arrested in September 2020",
            event="arrested",
            actors=("Kolesnikova",),
            when="2020-09",
        )
    )
    c.append(
        claim(
            B,
            "quantity",
            "Kolesnikova was sentenced to 11 years",
            text=tb,
            quote="sentenced a year later to 11 years in prison",
            value="11",
            unit="years",
            event="sentenced",
            actors=("Kolesnikova",),
        )
    )
    c.append(
        claim(
            B,
            "quantity",
            "Lukashenko recently released dozens of prisoners",
            text=tb,
            quote="The Belarusian president recently released dozens of prisoners",
            value="dozens",
            unit="prisoners",
            event="released",
        )
    )
    c.append(
        claim(
            B,
            "event",
            "Kolesnikova was released today",
            text=tb,
            quote="Kolesnikova was also released today",
            event="released",
            actors=("Kolesnikova",),
        )
    )
    c.append(
        claim(
            B,
            "quantity",
            "Hundreds of Lukashenko's critics remain in prison",
            text=tb,
            quote="Hundreds of Lukashenko's critics remain in prison in the authoritarian-ruled country, DPA noted.",
            value="hundreds",
            unit="Lukashenko's critics",
            event="remain in prison",
            chain=("DPA",),
            cue="noted",
        )
    )
    entities = [
        StoryEntity(
            "e-kolesnikova",
            "Maria Kolesnikova",
            "person",
            {
                "Maria Kalesnikava": (A,),
                "Kalesnikava": (A,),
                "Maria Kolesnikova": (B,),
                "Kolesnikova": (B,),
            },
        ),
        StoryEntity(
            "e-babariko",
            "Viktar Babaryka",
            "person",
            {"Viktar Babaryka": (A,), "Viktor Babariko": (B,)},
        ),
        StoryEntity("e-bialiatski", "Ales Bialiatski", "person", {"Ales Bialiatski": (A, B)}),
        StoryEntity(
            "e-lukashenko",
            "Alexander Lukashenko",
            "person",
            {"Alexander Lukashenko": (A, B), "Lukashenko": (A, B)},
        ),
        StoryEntity("e-coale", "John Coale", "person", {"John Coale": (A,)}),
    ]
    return compare_story(articles, c, entities), articles, c, entities


def _find(comparison, text: str):
    hits = [x for x in comparison.claims if any(text in s.quote for s in x.support)]
    assert len(hits) == 1, f"{text!r} is in {len(hits)} compared claims"
    return hits[0]


def test_the_two_articles_are_independent(story):
    comparison, articles, claims, entities = story
    groups = independence_groups(articles, claims, entities)
    assert groups.groups[A] != groups.groups[B]
    assert comparison.independence.groups == groups.groups


def test_123_released_is_corroborated_with_the_shared_origin_shown(story):
    comparison = story[0]
    c = _find(comparison, "pardoned 123 detainees on Saturday")
    assert c.status == "corroborated", c.reason
    assert {s.article for s in c.support} == {A, B}
    assert c.value == "123"
    origins = {o.origin.key: o for o in c.origins}
    assert origins["belarus-government"].shared
    assert set(origins["belarus-government"].articles) == {A, B}
    assert "us-government" in origins and origins["us-government"].articles == (A,)
    assert "Belarusian presidency" in c.reason
    # the 004 quote and the 000 Telegram quote support the same compared claim
    assert any("political prisoners following a request" in s.quote for s in c.support)
    assert any("Telegram channel" in s.quote for s in c.support)


@pytest.mark.parametrize(
    "quote",
    [
        "114 of the released individuals headed to Ukraine",
        "five Ukrainian citizens held in Belarus were freed",
        "sentenced a year later to 11 years",
    ],
)
def test_single_source_claims(story, quote):
    c = _find(story[0], quote)
    assert c.status == "single_source", c.reason
    assert "only one article" in c.reason


def test_five_ukrainians_is_one_claim_from_one_article(story):
    c = _find(story[0], "five Ukrainian citizens held in Belarus were freed")
    assert len(c.support) == 2 and {s.article for s in c.support} == {A}


def test_nothing_is_conflicting(story):
    comparison = story[0]
    assert [c.statement for c in comparison.claims if c.status == "conflicting"] == []
    assert [d for d in comparison.differences if d.type == "conflict"] == []


def test_naming_discrepancies(story):
    comparison = story[0]
    found = {d.entity: d for d in comparison.discrepancies}
    assert set(found) == {"e-kolesnikova", "e-babariko"}
    assert (
        "Kalesnikava" in found["e-kolesnikova"].why and "Kolesnikova" in found["e-kolesnikova"].why
    )
    assert "romanisation" in found["e-kolesnikova"].why
    assert found["e-babariko"].variants["Viktor Babariko"] == (B,)
    assert any(d.type == "naming" for d in comparison.differences)


def test_kolesnikova_release_aligns_across_spellings(story):
    c = _find(story[0], "and Maria Kalesnikava, a leading figure")
    assert {s.article for s in c.support} == {A, B}
    assert c.status == "corroborated"


def test_hedged_support_is_marked(story):
    c = _find(story[0], "114 of the released individuals")
    assert c.hedged and c.support[0].hedge == "suggests"
    babaryka = _find(story[0], "also include Viktar Babaryka")
    assert any(s.hedged for s in babaryka.support) and not babaryka.hedged


def test_scope_differences_are_typed_not_conflicts(story):
    diffs = [d for d in story[0].differences if d.type == "scope"]
    reasons = " | ".join(d.reason for d in diffs)
    assert "narrower group" in reasons  # five Ukrainian citizens within the 123
    assert "still held" in reasons or "remain" in reasons  # hundreds remain in prison
    assert "earlier occasion" in reasons  # dozens released recently


def test_json_shape(story):
    out = story[0].to_json()
    assert {s["article"] for s in out["sources"]} == {A, B}
    assert all(s["independence_group"] for s in out["sources"])
    claim_keys = {
        "id",
        "kind",
        "statement",
        "value",
        "status",
        "support",
        "versions",
        "reason",
        "origins",
        "hedged",
    }
    assert all(claim_keys <= set(c) for c in out["claims"])
    assert all(
        {"article", "quote", "attributed_to"} <= set(s) for c in out["claims"] for s in c["support"]
    )
    assert {d["entity"] for d in out["discrepancies"]} == {"e-kolesnikova", "e-babariko"}
    assert out["single_source"] and all(x["reason"] for x in out["single_source"])
    assert all(
        d["type"] in {"conflict", "precision", "revision", "scope", "naming"}
        for d in out["differences"]
    )
    bta = next(
        s
        for c in out["claims"]
        for s in c["support"]
        if s["quote"].startswith("Belarusian President Alexander Lukashenko has")
    )
    assert bta["attributed_to"] == "BTA citing DPA citing authorities"


def test_statuses_do_not_depend_on_claim_order(story):
    comparison, articles, claims, entities = story
    shuffled = compare_story(list(reversed(articles)), list(reversed(claims)), entities)
    by_statuses = lambda comp: sorted((c.status, c.id) for c in comp.claims)
    assert by_statuses(shuffled) == by_statuses(comparison)
    assert {
        a: shuffled.independence.groups[a] == shuffled.independence.groups[A] for a in (A, B)
    } == {A: True, B: False}
