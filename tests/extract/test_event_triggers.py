"""Trigger words used otherwise are no events: names, information released, business deals."""

from __future__ import annotations

import pytest

from consilience.extract.events import find_events
from consilience.extract.lexicon import load_lexicon


def _types(text: str) -> set[str]:
    return {e.event_type for e in find_events(text, load_lexicon("en")) if e.event_type != "statement"}


@pytest.mark.parametrize(
    "text",
    [
        "The couple released a statement to Page Six on Monday.",
        "Hospital officials said they could not release any information on the child.",
        "Sony's newest patch was released on Friday.",
        "Airline spokesman Joshua Freed said the guard boarded the flight.",
        "Reporters found a network of money transfers to his friends.",
        "The decision had been taken to crack down on trading.",
        "The tax overhaul was signed into law last week.",
        "We cannot really deal with everybody.",
        "With debt included, the deal's value would be some $146 billion.",
        "Followers were told to mourn the dead in Nice.",
        "The union organised what prosecutors called an unlawful strike.",
        "Miners went on strike over pay in March.",
        "Among them, according to the exiled opposition, was a union leader.",
        "The council voted in favour of a resolution tightening the embargo.",
        "The amendment was adopted by a vote of 15 to 0.",
    ],
)
def test_a_trigger_word_used_otherwise_is_no_event(text: str) -> None:
    assert _types(text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Authorities released 52 political prisoners on Thursday.", {"release"}),
        ("Varnia releases 87 prisoners in deal with Calder", {"release", "agreement"}),
        ("Velesk Pardons 87 Prisoners after Talks with Calder Envoy", {"pardon", "meeting"}),
        ("The two sides struck a prisoner-swap deal on Friday.", {"agreement", "transfer"}),
        ("Five Lithuanian citizens were taken to the border.", {"transfer"}),
        ("Twelve people were killed and dozens more were injured.", {"death", "injury"}),
        ("A drone strike hit the depot overnight.", {"attack"}),
        ("The poet was exiled to Siberia in 1921.", {"transfer"}),
        ("Varnians voted in a presidential election on Sunday.", {"election"}),
    ],
)
def test_controls_stay_events(text: str, expected: set[str]) -> None:
    assert _types(text) == expected


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        ("Суд приговорил банкира к 14 годам колонии, передаёт агентство «Восточный курьер».", "transfer", "sentence"),
        ("Компания выпустила новый смартфон, а власти выпустили 14 политзаключённых.", None, "release"),
        ("Им грозит смертная казнь, заявил адвокат.", "death", None),
        ("Стороны обменялись мнениями и договорились об обмене пленными.", None, "transfer"),
    ],
)
def test_russian_trigger_words_used_otherwise(text: str, absent: str | None, present: str | None) -> None:
    found = {e.event_type for e in find_events(text, load_lexicon("ru"))}
    assert absent is None or absent not in found
    assert present is None or present in found


@pytest.mark.parametrize(
    "text",
    [
        "The names of the crew members have not been formally released.",
        "An adult could be jailed for up to 10 years.",
        "Заключённые не были освобождены.",
        "Broadcom plans to nominate directors at Qualcomm's shareholder meeting.",
        "The two airlines have a codeshare agreement.",
        "People queue to buy the new phone upon its release.",
        "Lukashenko signed a decree on Friday.",
        "Лукашенко подписал указ в пятницу.",
    ],
)
def test_a_denied_possible_or_business_event_is_none(text: str) -> None:
    lang = "ru" if any("а" <= ch <= "я" for ch in text) else "en"
    found = {e.event_type for e in find_events(text, load_lexicon(lang)) if e.event_type != "statement"}
    assert found == set()


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("No fewer than 30 people were killed.", "en", "death"),
        ("Не менее 30 человек погибли.", "ru", "death"),
        ("Officials did not say whether the release was linked to the deal.", "en", "release"),
        ("The opposition leader was arrested in May 2020.", "en", "arrest"),
        ("The two sides signed an agreement in Abu Dhabi.", "en", "agreement"),
        ("Lukashenko signed a decree pardoning 52 prisoners.", "en", "pardon"),
    ],
)
def test_approximations_other_clauses_and_months_are_not_denials(text: str, lang: str, expected: str) -> None:
    assert expected in {e.event_type for e in find_events(text, load_lexicon(lang))}


@pytest.mark.parametrize(
    "text",
    [
        "The spokesman for the ministry agreed.",
        "There is general agreement that the hearing went on too long.",
        "She talks warmly about her years at the paper.",
        "The dog wasn’t under attack, the keeper said.",
        "The horses will be taken to a farm in the north.",
        "Talks on the dispute would be held on the sidelines of the forum.",
        "Critics asked whether new sanctions would increase the risk of attack on the port.",
        "He said he was hurt and surprised by the accusations.",
        "Workers put up fences to prevent children from being hurt.",
        "Tankers transferred oil products to other vessels at sea.",
        "The gunman exchanged fire with officers before fleeing.",
        "Visit our website for the terms of use.",
        "The driver struggled to deal with the icy road.",
        "Ministers called for tougher deportation laws.",
    ],
)
def test_opinions_verbs_futures_and_figures_of_speech_are_no_events(text: str) -> None:
    assert _types(text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The two governments agreed to swap detainees.", {"agreement", "transfer"}),
        ("Our thoughts are with those who lost their lives in the crash.", {"death"}),
        ("The girl was taken to the capital, where she met Okafor and other officials.", {"transfer", "meeting"}),
        ("Two officers were seriously hurt in the bombing.", {"injury", "attack"}),
        ("The killing of the journalist shocked the town.", {"death"}),
    ],
)
def test_the_events_these_rules_must_keep(text: str, expected: set[str]) -> None:
    assert _types(text) == expected
