"""Counted things across languages and states: dead/погибших, injured/пострадавших, miners/горняков."""

from __future__ import annotations

from functools import partial

from consilience.compare import SourceArticle, StoryEntity, compare_story
from consilience.compare.keys import subject_of_text
from consilience.compare.origins import classify_origin

from .factories import claim


def _quantities(article: str, text: str, lang: str = "en", *, published: str) -> list:
    """The quantity claims of one article text, as the extractor finds them."""
    from consilience.extract.claims import extract_claims

    return [c for c in extract_claims(article, text, lang, published) if c.kind == "quantity"]


def _outlets(*ids: str) -> list[SourceArticle]:
    return [SourceArticle(x, outlet=f"Outlet {x}", published=f"2026-03-20T1{n}:00") for n, x in enumerate(ids)]


def _statuses(ids: tuple[str, ...], claims: list) -> list[str]:
    """The status of each compared claim, for claims from the outlets `ids`."""
    return [x.status for x in compare_story(_outlets(*ids), claims, []).claims]


def test_russian_and_english_units_share_a_concept_and_a_state() -> None:
    assert subject_of_text("горняков").concept == subject_of_text("miners").concept == "worker"
    assert subject_of_text("погибших").state == subject_of_text("dead").state == "die"
    assert subject_of_text("пострадавших").state == subject_of_text("miners injured").state == "injure"
    assert subject_of_text("политзаключённых").concept == subject_of_text("detainees").concept == "prisoner"
    assert subject_of_text("граждан").concept == subject_of_text("citizens").concept == "person"


def test_dead_miners_in_two_languages_conflict() -> None:
    claims = [
        claim("a", "quantity", "7 miners died", quote="The collapse killed 7 miners.", value="7", unit="miners", event="death"),
        claim("b", "quantity", "12 горняков died", quote="Погибли 12 горняков.", value="12", unit="горняков", event="death"),
        claim("b", "quantity", "12 погибших", quote="Тела 12 погибших подняты.", value="12", unit="погибших"),
    ]
    c = compare_story(_outlets("a", "b"), claims)
    bad = [x for x in c.claims if x.status == "conflicting"]
    assert len(bad) == 1 and {v.value for v in bad[0].versions} == {"7", "12"}
    assert "7" in bad[0].reason and "12" in bad[0].reason


def test_a_revision_does_not_erase_an_earlier_disagreement() -> None:
    claims = [
        claim("a", "quantity", "7 dead", quote="7 miners were killed.", value="7", unit="miners", event="death"),
        claim("b", "quantity", "12 dead", quote="Погибли 12 горняков.", value="12", unit="горняков", event="death"),
        claim("c", "quantity", "14 dead", quote="The death toll rose to 14.", value="14", unit="dead"),
    ]
    arts = [SourceArticle("a", outlet="A", published="2026-03-20T10:00"), SourceArticle("b", outlet="B", published="2026-03-20T12:00"),
            SourceArticle("c", outlet="C", published="2026-03-21T09:00")]  # fmt: skip
    c = compare_story(arts, claims)
    (dead,) = c.claims
    assert dead.status == "conflicting"
    rel = {v.value: v.relation for v in dead.versions}
    assert rel == {"7": "conflict", "12": "conflict", "14": "main"}
    assert [d.type for d in c.differences if "14" in d.values] == ["revision", "revision"]


def test_injured_do_not_align_with_a_workforce_or_with_the_dead() -> None:
    claims = [
        claim("a", "quantity", "about 1800 people", quote="The mine employs about 1,800 people.", value="~1800", unit="people"),
        claim("b", "quantity", "23 пострадавших", quote="Доставили 23 пострадавших.", value="23", unit="пострадавших"),
        claim("a", "quantity", "23 miners injured", quote="23 miners were injured.", value="23", unit="miners", event="injury"),
        claim("b", "quantity", "около 40 человек", quote="В забое работали около 40 человек.", value="~40", unit="человек"),
        claim("b", "quantity", "12 погибших", quote="Тела 12 погибших.", value="12", unit="погибших"),
    ]
    c = compare_story(_outlets("a", "b"), claims)
    assert not [x for x in c.claims if x.status == "conflicting"], [x.reason for x in c.claims]
    injured = next(x for x in c.claims if x.value == "23")
    assert injured.status == "corroborated" and {s.value for s in injured.support} == {"23"}


def test_sentences_of_different_people_are_not_a_conflict() -> None:
    people = [StoryEntity("p1", "Ilya Vartanov", "person", {"Ilya Vartanov": ("a",)}),
              StoryEntity("p2", "Stepan Gribov", "person", {"Stepan Gribov": ("b",)})]  # fmt: skip
    claims = [
        claim("a", "quantity", "6 years (sentenced)", value="6", unit="years", event="sentence", actors=("Ilya Vartanov",), quantity_kind="duration"),
        claim("b", "quantity", "11 years (sentenced)", value="11", unit="years", event="sentence", actors=("Stepan Gribov",), quantity_kind="duration"),
        claim("a", "quantity", "5 years", value="5", unit="years", quantity_kind="duration"),
        claim("b", "quantity", "2 years", value="2", unit="years", quantity_kind="duration"),
        claim("b", "quantity", "3 years (sentenced)", value="3", unit="years", event="sentence", quantity_kind="duration"),
    ]
    c = compare_story(_outlets("a", "b"), claims, people)
    assert not [d for d in c.differences if d.type == "conflict"]
    same = [
        claim("a", "quantity", "6 years (sentenced)", value="6", unit="years", event="sentence", actors=("Ilya Vartanov",), quantity_kind="duration"),
        claim("b", "quantity", "8 years (sentenced)", value="8", unit="years", event="sentence", actors=("Vartanov",), quantity_kind="duration"),
    ]
    assert [x.status for x in compare_story(_outlets("a", "b"), same, people[:1]).claims] == ["conflicting"]


def test_a_place_is_not_an_actor() -> None:
    halsk = StoryEntity("pl", "Halsk", "place", {"Halsk": ("a",), "Хальском": ("b",)})
    claims = [
        claim("a", "quantity", "7 miners died", value="7", unit="miners", event="death", actors=("Halsk",)),
        claim("b", "quantity", "12 горняков died", value="12", unit="горняков", event="death", actors=("Хальск-2",)),
    ]
    assert [x.status for x in compare_story(_outlets("a", "b"), claims, [halsk]).claims] == ["conflicting"]


def test_a_date_whose_only_actor_is_a_place_dates_no_ones_act() -> None:
    varnia = StoryEntity("pl", "Republic of Varnia", "place", {"Republic of Varnia": ("b",)})
    unity = StoryEntity("o1", "National Unity Day", "org", {"National Unity Day": ("a",)})
    claims = [
        claim("a", "date", "pardoned on 2026-02", value="2026-02", event="pardon", actors=("National Unity Day",)),
        claim("b", "date", "released on 2026-03-14", value="2026-03-14", event="release", actors=("Republic of Varnia",)),
    ]
    # a pardon in February and a release in March are no conflict when one side names no one
    statuses = [x.status for x in compare_story(_outlets("a", "b"), claims, [varnia, unity]).claims]
    assert "conflicting" not in statuses
    # control: the same two dates with one named person on both sides do conflict
    named = [
        claim("a", "date", "pardoned on 2026-02", value="2026-02", event="pardon", actors=("Radomir Velesk",)),
        claim("b", "date", "released on 2026-03-14", value="2026-03-14", event="release", actors=("Radomir Velesk",)),
    ]
    assert "conflicting" in [x.status for x in compare_story(_outlets("a", "b"), named, [varnia]).claims]


def test_ministries_fold_across_languages() -> None:
    assert classify_origin("МВД Варнии").key == classify_origin("the Varnian interior ministry").key
    assert classify_origin("в субботу МЧС Варнии").key == classify_origin("Ministry of Emergency Situations").key
    assert classify_origin("МВД Варнии").key != classify_origin("Ministry of Emergency Situations").key


def test_those_still_held_are_no_rival_figure_to_those_released() -> None:
    from consilience.extract.claims import extract_claims

    released = extract_claims("a", "Boko Haram released 21 girls on Thursday, officials said.", "en", "2016-10-14")
    held = extract_claims("b", "Officials said 197 girls remain in captivity.", "en", "2016-10-14")
    ru_held = extract_claims("c", "197 девочек по-прежнему находятся в плену.", "ru", "2016-10-14")
    assert [c.event_type for c in held + ru_held if c.kind == "quantity"] == ["held", "held"]
    claims = [c for c in released + held if c.kind == "quantity"]
    statuses = _statuses(("a", "b"), claims)
    assert "conflicting" not in statuses
    # control: two outlets giving two release figures do conflict
    other = extract_claims("b", "Boko Haram released 24 girls on Thursday, officials said.", "en", "2016-10-14")
    rival = [c for c in released + other if c.kind == "quantity"]
    assert "conflicting" in _statuses(("a", "b"), rival)


def test_a_part_of_the_dead_is_no_rival_to_the_toll() -> None:
    quantities = partial(_quantities, published="2016-07-15")

    among = quantities("a", "More than 10 children were among the dead, the regional president said.")
    including = quantities("b", "At least 84 people, including 10 children, were killed.")
    ru = quantities("c", "Погибли 84 человека, в том числе 10 детей.", "ru")
    assert [c.extra.get("partitive") is not None for c in among + including + ru] == [True, False, True, False, True]
    two = quantities("b", "Two children died during surgery at a nearby hospital.")
    assert "conflicting" not in _statuses(("a", "b"), among + two)
    # control: two tolls of children with no part-of cue do conflict
    ten = quantities("a", "Ten children died in the attack, officials said.")
    rival = quantities("b", "Two children died in the attack, the mayor said.")
    assert "conflicting" in _statuses(("a", "b"), ten + rival)


def test_a_hospital_count_is_a_part_of_the_injured() -> None:
    quantities = partial(_quantities, published="2016-11-09")

    toll = quantities("a", "Police said more than 50 people were injured when the tram overturned.")
    ward = quantities("b", "St Anne's Hospital said it was treating 20 people, four of them seriously injured.")
    assert ward and ward[0].extra.get("partitive")
    assert "conflicting" not in _statuses(("a", "b"), toll + ward)
    severe = quantities("c", "Eight people had serious or life-threatening injuries, the ambulance service said.")
    added = quantities("c", "The tram overturned, trapping five people and injuring another 40 people.")
    assert severe[0].extra.get("partitive") and added[-1].extra.get("partitive")
    # two hospitals' counts are parts; one hospital's count told by two outlets corroborates
    again = quantities("c", "Twenty people injured in the crash were treated at St Anne's Hospital.")
    twenty = [x for x in compare_story(_outlets("b", "c"), ward + again, []).claims if x.statement.startswith("20")]
    assert [x.status for x in twenty] == ["corroborated"]
    # control: a second toll with no hospital in its clause is a rival figure
    other = quantities("b", "Twenty people were injured when the tram overturned, police said.")
    assert "conflicting" in _statuses(("a", "b"), toll + other)


def test_the_people_named_in_a_list_of_the_freed_corroborate_across_spellings() -> None:
    from consilience.extract.claims import extract_claims
    from consilience.extract.mentions import get_detector

    def events(article: str, text: str) -> list:
        mentions = get_detector("rules").detect(article, text, "en")
        claims = extract_claims(article, text, "en", "2025-12-13", mentions)
        return [c for c in claims if c.kind == "event" and c.event_type == "release"]

    a = events("a", "Among those freed are Ales Bialiatski, human rights activist and 2022 Nobel Peace Prize "
                    "co-laureate, and Maria Kalesnikava, a leading figure of the pro-European opposition.")
    b = events("b", "Activists reported that among those released were prominent opposition figures such as "
                    "Maria Kolesnikova, one of the 2022 Nobel Peace Prize laureates Ales Bialiatski and former "
                    "presidential candidate Viktar Babaryka.")
    assert [c.actors for c in a] == [("Ales Bialiatski", "Maria Kalesnikava")]
    assert [c.statement for c in a] == ["Ales Bialiatski, Maria Kalesnikava released"]
    assert [c.actors for c in b] == [("Maria Kolesnikova", "Ales Bialiatski", "Viktar Babaryka")]
    (release,) = compare_story(_outlets("a", "b"), a + b, []).claims
    assert release.status == "corroborated"
    # control: an apposition after the one person freed is no second person
    one = events("c", "Among those freed is Stsiapan Hrybau, the former head of the Varnian Teachers' Union.")
    assert [c.actors for c in one] == [("Stsiapan Hrybau",)]


def test_victims_described_by_who_they_were_are_a_part_of_the_toll() -> None:
    quantities = partial(_quantities, published="2017-12-31")

    toll = quantities("a", "A small plane crash killed 12 people, officials said.")
    members = quantities("b", "A rabbi said five victims were members of a temple in Halden.")
    assert members and members[0].extra.get("partitive")
    assert "conflicting" not in _statuses(("a", "b"), toll + members)
    headline = quantities("c", "Five People Were Killed In Plane Crash")
    assert not headline[0].extra.get("partitive")  # a headline's capitals describe no one
    rival = quantities("c", "Five people were killed in the crash, police said.")
    assert "conflicting" in _statuses(("a", "c"), toll + rival)


def test_a_marker_in_a_later_clause_does_not_scope_the_figure() -> None:
    quantities = partial(_quantities, published="2026-03-20")

    a = quantities("a", "Several hundred people remain in Halden's prisons, and arrests have continued throughout the winter.")
    b = quantities("b", "Several hundred people remain behind bars, rights groups say.")
    c = quantities("c", "В тюрьмах Хальдена по-прежнему остаются сотни людей, сообщают правозащитники.", "ru")
    assert [x.event_type for x in a + b + c] == ["held", "held", "held"]
    statuses = _statuses(("a", "b", "c"), a + b + c)
    assert statuses == ["corroborated"]
    # control: a cumulative marker in the figure's own clause still scopes it
    d = quantities("d", "Throughout the winter, several hundred people remained in prison.")
    statuses = _statuses(("b", "d"), b + d)
    assert "corroborated" not in statuses


def test_a_sentence_dated_by_a_marker_meets_the_same_sentence_dated_by_its_own_date() -> None:
    durations = partial(_quantities, published="2026-03-14")

    marker = durations("a", "Among those freed is Ales Varko, who was arrested in 2023 and sentenced to eleven years.")
    dated = durations("b", "Алесь Варко, осуждённый в 2023 году на 11 лет колонии, вышел на свободу.", "ru")
    assert marker[0].unit == "years" and dated[0].unit == "years in prison"
    statuses = _statuses(("a", "b"), marker + dated)
    assert statuses == ["corroborated"]
    # control: a figure of another year is another occasion, not a rival
    other = durations("c", "Ales Varko, who was sentenced in 2019 to four years, was freed.")
    assert "conflicting" not in _statuses(("a", "c"), marker + other)


def test_two_figures_one_sentence_gives_for_one_event_are_two_measures_not_rivals() -> None:
    """"The attack took place about 150 nautical miles off Aden and the destroyer was about 13
    nautical miles away": the extractor ties both distances to the attack; another outlet's 150 is
    no rival of the 13 that the first outlet gives beside its own 150."""
    both = "The attack took place 150 nautical miles off Halsk and the destroyer Vardhan was 13 nautical miles away."
    quantity = partial(claim, kind="quantity", unit="nautical miles", event="attack", actors=("pirates",))
    claims = [
        quantity("a", statement="150 nautical miles attack", text=both, quote=both, value="150"),
        quantity("a", statement="13 nautical miles attack", text=both, quote=both, value="13"),
        quantity("b", statement="150 nautical miles attack", quote="Pirates attacked 150 nautical miles off Halsk.", value="150"),
    ]
    assert "conflicting" not in _statuses(("a", "b"), claims)
    # the 13 given alone, in its own sentence beside the 150, is still a rival figure
    apart = [
        quantity("a", statement="150 nautical miles attack", quote="The attack took place 150 nautical miles off Halsk.", value="150"),
        quantity("c", statement="13 nautical miles attack", quote="Pirates attacked 13 nautical miles off Halsk.", value="13"),
    ]
    assert "conflicting" in _statuses(("a", "c"), apart)
