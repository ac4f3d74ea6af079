"""Each comparison rule on a small invented story: copies, precision, revision, scope, conflict, origins."""

from __future__ import annotations

from consilience.compare import SourceArticle, StoryEntity, compare_story, independence_groups
from consilience.compare.origins import classify_origin

from .factories import claim


def _only(comparison, status=None):
    claims = [c for c in comparison.claims if status is None or c.status == status]
    assert len(claims) == 1, [(c.statement, c.status) for c in comparison.claims]
    return claims[0]


def _dead(article, value, quote=None, chain=(), **kw):
    return claim(
        article,
        "quantity",
        f"{value} people died in the Varno mine blast",
        quote=quote,
        value=value,
        unit="people",
        event="killed",
        chain=chain,
        **kw,
    )


def test_copies_count_once():
    articles = [
        SourceArticle("a", outlet="Daily Lark", copy_group="c1"),
        SourceArticle("b", outlet="Evening Post", copy_group="c1"),
    ]
    comparison = compare_story(articles, [_dead("a", "7"), _dead("b", "7")])
    assert comparison.independence.groups["a"] == comparison.independence.groups["b"]
    c = _only(comparison)
    assert c.status == "single_source"
    assert "copies of one text" in c.reason


def test_a_conflict_reason_names_a_few_pairs_and_counts_the_rest():
    outlets = ["Lark", "Post", "Herald", "Gazette", "Times"]
    articles = [SourceArticle(o.lower(), outlet=o) for o in outlets]
    figures = ["7", "12", "19", "25", "31"]
    c = _only(compare_story(articles, [_dead(a.id, v) for a, v in zip(articles, figures)]))
    assert c.status == "conflicting" and len(c.conflict_pairs) > 3
    assert c.reason.count("the ranges do not meet") == 3 and "more disagreeing pair(s)" in c.reason


def test_two_articles_of_one_outlet_are_one_source():
    articles = [SourceArticle("a", outlet="Daily Lark"), SourceArticle("b", outlet="daily lark")]
    comparison = compare_story(articles, [_dead("a", "7"), _dead("b", "7")])
    assert comparison.independence.groups["a"] == comparison.independence.groups["b"]
    assert _only(comparison).status == "single_source"
    assert "one outlet" in comparison.independence.reasons[comparison.independence.groups["a"]]


def test_two_independent_outlets_corroborate():
    articles = [SourceArticle("a", outlet="Daily Lark"), SourceArticle("b", outlet="Evening Post")]
    c = _only(compare_story(articles, [_dead("a", "7"), _dead("b", "7")]))
    assert c.status == "corroborated" and c.independent_lines == 2


def test_one_sentence_read_twice_is_shown_once():
    """Two triggers of one sentence that read as one claim give one quote, not two reports;
    another sentence of the same article still shows."""
    articles = [SourceArticle("a", outlet="Daily Lark"), SourceArticle("b", outlet="Evening Post")]
    twice = "Seven people died in the Varno mine blast and seven were killed, police said."
    other = "The Varno blast killed seven miners."
    c = _only(
        compare_story(
            articles,
            [
                _dead("a", "7", quote=twice),
                _dead("a", "7", quote=twice),
                _dead("a", "7", quote=other),
                _dead("b", "7"),
            ],
        )
    )
    shown = [(s.article, s.quote) for s in c.support]
    assert shown == [("a", twice), ("a", other), ("b", _dead("b", "7").quote)]


def test_same_cited_origin_is_one_group_for_core_claims():
    articles = [
        SourceArticle(x, outlet=o) for x, o in (("a", "Lark"), ("b", "Post"), ("c", "Herald"))
    ]
    claims = [
        _dead(x, "7", chain=(o, "DPA", "the regional governor"))
        for x, o in (("a", "Lark"), ("b", "Post"), ("c", "Herald"))
    ]
    groups = independence_groups(articles, claims)
    assert len(set(groups.groups.values())) == 1
    assert "same cited origin" in groups.reasons[groups.groups["a"]]
    c = _only(compare_story(articles, claims))
    assert c.status == "single_source"


def test_a_second_origin_makes_it_corroborated():
    articles = [SourceArticle("a", outlet="Lark"), SourceArticle("b", outlet="Post")]
    claims = [
        _dead("a", "7", chain=("DPA", "the regional governor")),
        _dead("b", "7", chain=("the fire brigade",)),
    ]
    assert _only(compare_story(articles, claims)).status == "corroborated"


def test_precision_compatible_values_are_not_a_conflict():
    articles = [SourceArticle("a", outlet="Lark"), SourceArticle("b", outlet="Post")]
    claims = [
        claim(
            "a",
            "quantity",
            "more than 120 prisoners were released",
            value="120",
            unit="prisoners",
            event="released",
            quote="more than 120 prisoners were released",
        ),
        claim(
            "b",
            "quantity",
            "123 prisoners were released",
            value="123",
            unit="prisoners",
            event="released",
        ),
    ]
    comparison = compare_story(articles, claims)
    c = _only(comparison)
    assert c.status == "corroborated"
    assert [d.type for d in comparison.differences] == ["precision"]
    assert {v.relation for v in c.versions} == {"main", "precision"}


def test_incompatible_precision_is_a_conflict():
    articles = [SourceArticle("a", outlet="Lark"), SourceArticle("b", outlet="Post")]
    claims = [
        claim(
            "a",
            "quantity",
            "fewer than 100 prisoners were released",
            value="100",
            unit="prisoners",
            event="released",
            quote="fewer than 100 prisoners were released",
        ),
        claim(
            "b",
            "quantity",
            "123 prisoners were released",
            value="123",
            unit="prisoners",
            event="released",
        ),
    ]
    assert _only(compare_story(articles, claims)).status == "conflicting"


def test_later_update_is_a_revision():
    articles = [
        SourceArticle("a", outlet="Lark", published="2026-03-02T08:00"),
        SourceArticle("b", outlet="Post", published="2026-03-02T15:00"),
    ]
    claims = [
        _dead("a", "5", quote="Five people died in the blast"),
        _dead("b", "12", quote="The death toll rose to 12 on Monday afternoon"),
    ]
    comparison = compare_story(articles, claims)
    c = _only(comparison)
    assert c.status != "conflicting", c.reason
    assert c.value == "12"
    assert [d.type for d in comparison.differences] == ["revision"]
    assert any(v.relation == "revision:earlier" and v.value == "5" for v in c.versions)


def test_update_words_in_the_earlier_article_do_not_make_a_revision():
    articles = [
        SourceArticle("a", outlet="Lark", published="2026-03-02T15:00"),
        SourceArticle("b", outlet="Post", published="2026-03-02T08:00"),
    ]
    claims = [
        _dead("a", "5", quote="Five people died in the blast"),
        _dead("b", "12", quote="The death toll rose to 12"),
    ]
    assert _only(compare_story(articles, claims)).status == "conflicting"


def test_cumulative_count_is_a_scope_difference():
    articles = [SourceArticle("a", outlet="Lark"), SourceArticle("b", outlet="Post")]
    claims = [
        claim(
            "a",
            "quantity",
            "Since 2020, 1,200 political prisoners have been released",
            value="1,200",
            unit="political prisoners",
            event="released",
        ),
        claim(
            "b",
            "quantity",
            "123 political prisoners were released on Saturday",
            value="123",
            unit="political prisoners",
            event="released",
        ),
    ]
    comparison = compare_story(articles, claims)
    assert {c.status for c in comparison.claims} == {"single_source"}
    assert [d.type for d in comparison.differences] == ["scope"]
    assert "cumulative" in comparison.differences[0].reason


def test_remain_in_prison_is_a_scope_difference():
    articles = [SourceArticle("a", outlet="Lark"), SourceArticle("b", outlet="Post")]
    claims = [
        claim(
            "a",
            "quantity",
            "Hundreds of prisoners remain in prison",
            value="hundreds",
            unit="prisoners",
            event="remain",
        ),
        claim(
            "b",
            "quantity",
            "123 prisoners were released",
            value="123",
            unit="prisoners",
            event="released",
        ),
    ]
    comparison = compare_story(articles, claims)
    assert not [c for c in comparison.claims if c.status == "conflicting"]
    assert [d.type for d in comparison.differences] == ["scope"]


def test_real_conflict_between_independent_outlets():
    articles = [SourceArticle("a", outlet="Lark"), SourceArticle("b", outlet="Post")]
    comparison = compare_story(articles, [_dead("a", "5"), _dead("b", "12")])
    c = _only(comparison)
    assert c.status == "conflicting"
    assert "independent groups" in c.reason and "5" in c.reason and "12" in c.reason
    assert [d.type for d in comparison.differences] == ["conflict"]
    assert {v.value for v in c.versions} == {"5", "12"}


def test_different_counted_things_do_not_align():
    articles = [SourceArticle("a", outlet="Lark"), SourceArticle("b", outlet="Post")]
    claims = [
        _dead("a", "5"),
        claim(
            "b", "quantity", "12 people were injured", value="12", unit="people", event="injured"
        ),
    ]
    comparison = compare_story(articles, claims)
    assert len(comparison.claims) == 2
    assert not [c for c in comparison.claims if c.status == "conflicting"]


def test_russian_head_noun_aligns_with_english():
    articles = [SourceArticle("a", outlet="Lark"), SourceArticle("b", outlet="Вечерний курьер")]
    claims = [
        claim(
            "a",
            "quantity",
            "123 political prisoners were released",
            value="123",
            unit="political prisoners",
            event="released",
        ),
        claim(
            "b",
            "quantity",
            "Освобождены 123 политических заключённых",
            value="123",
            unit="политических заключённых",
            event="освобождены",
        ),
    ]
    c = _only(compare_story(articles, claims))
    assert c.status == "corroborated" and len(c.support) == 2


def test_same_origin_across_groups_collapses_for_that_claim():
    articles = [SourceArticle(x, outlet=x.upper()) for x in "abc"]
    claims = [
        _dead("a", "7", chain=("the fire brigade",)),
        _dead("b", "7"),  # own reporting keeps b (and c) independent of a
        _dead("c", "7"),
        claim(
            "a",
            "quantity",
            "3 pumps failed",
            value="3",
            unit="pumps",
            event="failed",
            chain=("DPA", "the mine operator"),
        ),
        claim(
            "b",
            "quantity",
            "3 pumps failed",
            value="3",
            unit="pumps",
            event="failed",
            chain=("the mine operator",),
        ),
    ]
    comparison = compare_story(articles, claims)
    pumps = next(c for c in comparison.claims if "pumps" in c.statement)
    assert len({comparison.independence.groups[x] for x in "ab"}) == 2
    assert pumps.status == "single_source" and "one cited origin" in pumps.reason
    dead = next(c for c in comparison.claims if "died" in c.statement)
    assert dead.status == "corroborated" and dead.independent_lines == 3


def test_naming_discrepancy_for_john_cole():
    articles = [SourceArticle("a", outlet="Lark"), SourceArticle("b", outlet="Post")]
    entity = StoryEntity(
        "e1", "John Coale", "person", {"John Coale": ("a",), "John Cole": ("b",), "Coale": ("a",)}
    )
    comparison = compare_story(articles, [], [entity])
    (d,) = comparison.discrepancies
    assert "Coale" in d.why and "Cole" in d.why
    same_spelling = StoryEntity(
        "e2", "Ales Bialiatski", "person", {"Ales Bialiatski": ("a", "b"), "Bialiatski": ("b",)}
    )
    assert compare_story(articles, [], [same_spelling]).discrepancies == ()


def test_grammatical_case_and_a_place_in_two_scripts_are_no_discrepancy():
    articles = [SourceArticle("a", outlet="Lark"), SourceArticle("b", outlet="Вестник")]
    genitive = StoryEntity("p", "Stepan Gribov", "person", {"Stepan Gribov": ("a",), "Степана Грибова": ("b",)})
    place = StoryEntity("pl", "Estmar", "place", {"Estmar": ("a",), "Эстмаром": ("b",)})
    assert compare_story(articles, [], [genitive, place]).discrepancies == ()
    # control: another romanisation of a person across scripts is still one
    other = StoryEntity("p", "Stepan Gribov", "person", {"Stsiapan Hrybau": ("a",), "Степана Грибова": ("b",)})
    (d,) = compare_story(articles, [], [other]).discrepancies
    assert "Stsiapan" in d.why


def test_differing_figures_with_no_event_are_not_a_conflict():
    articles = [SourceArticle("a", outlet="Lark"), SourceArticle("b", outlet="Post")]
    engines = [
        claim("a", "quantity", "27 engines", value="27", unit="engines"),
        claim("b", "quantity", "30 engines", value="30", unit="engines"),
    ]
    assert "conflicting" not in [c.status for c in compare_story(articles, engines).claims]
    # equal figures still corroborate; with an event, differing figures still conflict
    same = [
        claim("a", "quantity", "11.5 million documents", value="11500000", unit="documents"),
        claim("b", "quantity", "11.5 million documents", value="11500000", unit="documents"),
    ]
    assert [c.status for c in compare_story(articles, same).claims] == ["corroborated"]
    dead = [
        claim("a", "quantity", "7 miners died", value="7", unit="miners", event="death"),
        claim("b", "quantity", "12 miners died", value="12", unit="miners", event="death"),
    ]
    assert [c.status for c in compare_story(articles, dead).claims] == ["conflicting"]


def test_two_articles_that_each_give_both_dates_do_not_conflict():
    articles = [SourceArticle("a", outlet="Lark"), SourceArticle("b", outlet="Post")]
    both = [
        claim(art, "date", f"sanctions imposed on {v}", value=v, event="sanctions_imposed", actors=("Security Council",))
        for art in "ab"
        for v in ("2017-08", "2017-07")
    ]
    assert "conflicting" not in [c.status for c in compare_story(articles, both).claims]
    # control: one date each, and they differ
    one_each = [both[0], both[3]]
    assert "conflicting" in [c.status for c in compare_story(articles, one_each).claims]


def test_a_meeting_days_later_is_another_meeting_not_a_conflict():
    articles = [SourceArticle("a", outlet="Lark"), SourceArticle("b", outlet="Post")]

    def meeting(art: str, day: str):
        return claim(art, "date", f"meeting on {day}", value=day, event="meeting", actors=("Security Council",))

    apart = compare_story(articles, [meeting("a", "2026-03-06"), meeting("b", "2026-03-14")])
    assert "conflicting" not in [c.status for c in apart.claims]
    assert "scope" in [d.type for d in apart.differences]
    # control: a day apart, one of them is wrong about the one meeting
    close = compare_story(articles, [meeting("a", "2026-03-06"), meeting("b", "2026-03-07")])
    assert "conflicting" in [c.status for c in close.claims]


def test_origin_families():
    presidency = {
        classify_origin(x).key
        for x in (
            "Minsk authorities",
            "the Belarusian president's press service",
            "Lukashenko's press service",
            "a Telegram channel affiliated with the Belarusian presidency",
        )
    }
    assert presidency == {"belarus-government"}
    us = {
        classify_origin(x).key
        for x in ("the American delegation", "US officials", "envoy John Coale")
    }
    assert us == {"us-government"}
    assert classify_origin("authorities").key.startswith("generic:")
    assert classify_origin("the fire brigade").key != classify_origin("the mine operator").key


def _places(**named_in: str) -> list[StoryEntity]:
    """Place entities named by the given articles ("Varno": "abc")."""
    return [StoryEntity(f"p:{n}", n, "place", {n: tuple(arts)}) for n, arts in named_in.items()]


def _crash_claims(place: str) -> list:
    return [
        _dead("a", "7", quote="Seven people died in the Varno mine blast."),
        _dead("b", "7", quote="The Varno blast killed seven miners."),
        _dead("c", "9", quote=f"A fire in {place} killed nine people."),
    ]


def test_a_figure_set_elsewhere_is_no_conflict():
    """A round-up figure from another place ("a fire in Tarsk killed nine") is not a rival count
    of the story's dead; named by one article only, Tarsk is not where the story happened."""
    articles = [SourceArticle(x, outlet=f"Outlet {x}") for x in "abc"]
    comparison = compare_story(articles, _crash_claims("Tarsk"), _places(Varno="abc", Tarsk="c"))
    assert not [c for c in comparison.claims if c.status == "conflicting"]
    # control: a place the other reports name too is part of the story, and the figures conflict
    shared = compare_story(articles, _crash_claims("Tarsk"), _places(Varno="abc", Tarsk="bc"))
    assert [c.status for c in shared.claims if c.status == "conflicting"] == ["conflicting"]


def test_a_place_in_another_country_is_elsewhere_even_when_two_reports_name_it():
    """By the gazetteer Sydney lies in Australia (or Canada), not in Costa Rica; a town the
    gazetteer does not know, named by two of five reports, may lie anywhere: the conflict stays."""
    articles = [SourceArticle(x, outlet=f"Outlet {x}") for x in "abcde"]
    home = {"Costa Rica": "abcde"}
    abroad = compare_story(articles, _crash_claims("Sydney"), _places(**home, Sydney="bc"))
    assert not [c for c in abroad.claims if c.status == "conflicting"]
    unknown = compare_story(articles, _crash_claims("Tarsk"), _places(**home, Tarsk="bc"))
    assert [c for c in unknown.claims if c.status == "conflicting"]


def test_another_us_state_is_elsewhere_though_the_country_is_the_same():
    """A round-up line "Texas restaurant: 22 dead" under the Las Vegas shooting: by the gazetteer
    Las Vegas lies in Nevada, so Texas is another place, even named by two reports."""
    articles = [SourceArticle(x, outlet=f"Outlet {x}") for x in "abcde"]
    claims = [
        _dead("a", "58", quote="The Las Vegas gunman killed 58 people."),
        _dead("b", "58", quote="In Las Vegas 58 people died."),
        _dead("c", "22", quote="In Texas a gunman killed 22 people."),
    ]
    comparison = compare_story(articles, claims, _places(**{"Las Vegas": "abcde", "Texas": "bc"}))
    assert not [c for c in comparison.claims if c.status == "conflicting"]


def test_another_episode_of_the_story_is_compared_apart():
    """Two releases of one topic three months apart, in one story: the March figure neither
    conflicts with nor corroborates the June one; each episode is compared on its own."""
    articles = [
        SourceArticle("a", outlet="Lark", published="2025-03-01T09:00:00"),
        SourceArticle("b", outlet="Post", published="2025-03-02T09:00:00"),
        SourceArticle("c", outlet="Herald", published="2025-06-10T09:00:00"),
    ]
    claims = [_dead("a", "7"), _dead("b", "7"), _dead("c", "12")]
    comparison = compare_story(articles, claims)
    assert not [c for c in comparison.claims if c.status == "conflicting"]
    seven = next(c for c in comparison.claims if c.value == "7")
    assert seven.status == "corroborated" and {s.article for s in seven.support} == {"a", "b"}
    view = comparison.to_json()
    assert [e["articles"] for e in view["episodes"]] == [["a", "b"], ["c"]]
    assert {c["value"]: c["episode"] for c in view["claims"]} == {"7": 0, "12": 1}
    assert {s["article"]: s["episode"] for s in view["sources"]} == {"a": 0, "b": 0, "c": 1}
    # one burst of reporting: one episode, and no episode fields
    same_week = [SourceArticle(x.id, outlet=x.outlet, published="2025-03-01") for x in articles]
    assert compare_story(same_week, claims).to_json()["episodes"] == []


def test_a_city_in_another_province_of_the_same_country_is_elsewhere():
    """The story is in Mazar-i-Sharif (Balkh); a figure for Kunduz (another province) is no rival,
    while one for "Afghanistan" as a whole still is."""
    articles = [SourceArticle(x, outlet=f"Outlet {x}") for x in "abcde"]
    home = {"Mazar-i-Sharif": "abcde", "Afghanistan": "abcde"}
    kunduz = compare_story(articles, _crash_claims("Kunduz"), _places(**home, Kunduz="bc"))
    assert not [c for c in kunduz.claims if c.status == "conflicting"]
    country = compare_story(articles, _crash_claims("Afghanistan"), _places(**home))
    assert [c for c in country.claims if c.status == "conflicting"]
