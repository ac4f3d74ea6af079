"""Extraction rules added for cross-language comparison: 'возросло до', a month alone, injuries, 'как сообщило'."""

from __future__ import annotations

from consilience.extract.attribution import find_attribution
from consilience.extract.claims import extract_claims
from consilience.extract.dates import find_dates
from consilience.extract.events import find_events
from consilience.extract.lexicon import load_lexicon


def _quantities(text: str, lang: str) -> list:
    return [c for c in extract_claims("a", text, lang, "2026-03-21") if c.kind == "quantity"]


def test_rose_to_is_not_an_upper_bound() -> None:
    (q,) = _quantities("Число погибших на руднике возросло до 14, сообщило МЧС.", "ru")
    assert (q.value, q.unit) == ("14", "dead")
    (bound,) = _quantities("На свободу вышли до 20 человек.", "ru")
    assert bound.value == "<=20"


def test_a_month_alone_is_dated_to_its_latest_occurrence() -> None:
    assert [
        d.value
        for d in find_dates("In February he pardoned a dozen prisoners.", "en", "2026-03-14")
    ] == ["2026-02"]
    assert [d.value for d in find_dates("He was arrested in September.", "en", "2026-03-14")] == [
        "2025-09"
    ]
    assert [
        d.value for d in find_dates("В феврале он помиловал 12 человек.", "ru", "2026-03-14")
    ] == ["2026-02"]
    assert find_dates("They may leave soon.", "en", "2026-03-14") == []


def test_injured_is_what_happened_to_those_counted() -> None:
    (q,) = _quantities("In addition, 23 miners were injured and taken to hospitals in Halsk.", "en")
    assert q.event_type == "injury"


def test_as_reported_by_an_agency_citing_a_ministry() -> None:
    found = find_attribution(
        "Как сообщило агентство Вестпресс со ссылкой на МВД Варнии, на свободу вышли более 80 человек.",
        load_lexicon("ru"),
    )
    assert found is not None and found.attribution.chain == ("агентство Вестпресс", "МВД Варнии")


def test_an_adjective_before_a_full_name_is_not_the_object() -> None:
    (ev,) = find_events(
        "A court sentenced the Varnian journalist Ilya Vartanov to 6 years.", load_lexicon("en")
    )
    assert ev.actors == ("Ilya Vartanov",)


def test_russian_among_is_not_wednesday():
    from consilience.extract.dates import find_dates

    assert find_dates("среди освобождённых были журналисты", "ru", "2026-03-14") == []
    (wednesday,) = find_dates("в среду президент помиловал заключённых", "ru", "2026-03-14")
    assert wednesday.value == "2026-03-11"


def test_a_name_past_after_is_not_what_the_trigger_acted_on() -> None:
    en = load_lexicon("en")
    events = find_events(
        "The pardon came a day after Owen Brakely, a special envoy, ended a visit to Dorvik.", en
    )
    pardon = next(e for e in events if e.event_type == "pardon")
    assert "Owen Brakely" not in pardon.actors
    visit = next(e for e in events if e.event_type == "meeting")  # his own clause: the visit
    assert visit.actors == ("Owen Brakely",)
    (ev,) = find_events("President Velesk pardoned Stsiapan Hrybau on Saturday.", en)
    assert ev.actors == ("Velesk", "Stsiapan Hrybau")


def test_russian_name_past_posle_is_not_the_object() -> None:
    events = find_events(
        "Помилование последовало после визита Оуэна Брейкли в Дорвик.", load_lexicon("ru")
    )
    pardon = next(e for e in events if e.event_type == "pardon")
    assert not any("Брейкли" in a for a in pardon.actors)


def test_a_date_belongs_to_the_trigger_of_its_own_clause() -> None:
    """'freed ... who was arrested in 2023': 2023 dates the arrest, not the release."""
    claims = extract_claims(
        "a",
        "Among those freed is Stsiapan Hrybau, the former head of the Teachers' Union, who was "
        "arrested in 2023 and sentenced to eleven years.",
        "en",
        "2026-03-14",
    )
    events = {c.event_type: c for c in claims if c.kind == "event"}
    assert events["release"].when is None and "2023" not in events["release"].statement
    assert events["arrest"].when == "2023"
    alone = extract_claims("a", "Velesk pardoned 87 prisoners on Saturday.", "en", "2026-03-14")
    # a lone trigger still takes its sentence's date, and so does the count it acted on
    assert {c.kind: c.when for c in alone} == {
        "quantity": "2026-03-14", "other": "2026-03-14", "date": "2026-03-14"}  # fmt: skip


def test_a_relative_clause_after_an_apposition_is_about_the_name_described() -> None:
    en, ru = load_lexicon("en"), load_lexicon("ru")
    (arrest,) = [e for e in find_events(
        "Stsiapan Hrybau, the former head of the Varnian Teachers' Union, who was arrested in 2023.",
        en) if e.event_type == "arrest"]  # fmt: skip
    assert arrest.actors[0] == "Stsiapan Hrybau"
    (ru_arrest,) = [e for e in find_events(
        "Степан Грибов, бывший глава Союза учителей, который был арестован в 2023 году.", ru)
        if e.event_type == "arrest"]  # fmt: skip
    assert ru_arrest.actors[0] == "Степан Грибов"
    # Control: no relative pronoun, so the nearer name stays the subject.
    (other,) = [e for e in find_events(
        "Hrybau, the former head of the union, said Velesk was arrested.", en)
        if e.event_type == "arrest"]  # fmt: skip
    assert other.actors[0] == "Velesk"


def test_a_fixed_date_holiday_is_a_date() -> None:
    """"On New Year's Eve 2015" dates a figure to that night; without a year the holiday is the one
    nearest publication, unless a date just before it ("Two years ago") says which year."""
    def values(text: str, lang: str = "en") -> list[str]:
        return [d.value for d in find_dates(text, lang, "2017-12-29")]

    assert values("On New Year's Eve 2015, about 1,200 women were attacked.") == ["2015-12-31"]
    assert values("On New Year’s Eve police will set up safe zones.") == ["2017-12-31"]
    assert values("Two years ago, hundreds were robbed while celebrating New Year's Eve.") == ["2015", "2015-12-31"]
    assert values("Crowds gathered on Bastille Day.") == ["2017-07-14"]
    assert values("В новогоднюю ночь задержали 12 человек.", "ru") == ["2017-12-31"]


def test_a_movable_holiday_is_the_day_it_fell_on_that_year() -> None:
    """Easter by dateutil's reckoning (Western, or Orthodox in Russian), Thanksgiving as the 4th
    Thursday of November; a holiday after an earlier date is its next occurrence from that date."""
    def values(text: str, lang: str = "en", published: str = "2025-12-10") -> list[str]:
        return [d.value for d in find_dates(text, lang, published)]

    assert values("Over the Thanksgiving weekend police made 12 arrests.") == ["2025-11-27"]
    assert values("He was arrested on Good Friday 2023.") == ["2023-04-07"]
    assert values("Arrested on Good Friday 2023, he was freed on Memorial Day.", published="2024-06-10") == [
        "2023-04-07", "2023-05-29"]  # fmt: skip
    assert values("Пасху 2024 года он встретил в колонии.", "ru") == ["2024-05-05"]  # Orthodox, not 31 March
    assert values("На Рождество его освободили.", "ru", "2026-01-20") == ["2026-01-07"]
    assert values("Католическое Рождество прошло спокойно.", "ru", "2026-01-20") == ["2025-12-25"]
    assert values("Easter Island lies far out in the Pacific.") == []


def test_a_day_and_month_without_a_year_in_an_undated_article_is_no_date() -> None:
    """An undated article's "Nov. 25" has no year to take: dateparser would take today's, so a
    2008 meeting was dated to last November. With the year, or a publication date, it is read."""
    assert find_dates("He met the host for two hours on Nov. 25.", "en", None) == []
    assert [d.value for d in find_dates("He met the host on Nov. 25, 2008.", "en", None)] == ["2008-11-25"]
    assert [d.value for d in find_dates("He met the host on Nov. 25.", "en", "2008-12-05")] == ["2008-11-25"]
