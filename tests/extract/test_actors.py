"""Event actors grounded in typed mentions: who acted, not every capitalised word near a trigger."""

from __future__ import annotations

from consilience.extract.claims import extract_claims
from consilience.extract.events import find_events
from consilience.extract.lexicon import load_lexicon
from consilience.extract.mentions import get_detector


def _actors(text: str, lang: str, *, grounded: bool = True) -> dict[str, tuple[str, ...]]:
    """Event type -> actors of the first event of that type, read as the pipeline reads it."""
    mentions = get_detector("rules").detect("a", text, lang) if grounded else None
    out: dict[str, tuple[str, ...]] = {}
    for c in extract_claims("a", text, lang, "2025-06-02", mentions):
        if c.extra.get("was", c.kind) == "event":
            out.setdefault(c.value, c.actors)
    return out


def test_a_demonym_or_a_sentence_initial_noun_is_no_actor() -> None:
    text = "Five Lithuanian citizens were handed over at the border today."
    assert _actors(text, "en", grounded=False)["transfer"] == ("Lithuanian",)  # the old reading
    assert _actors(text, "en")["transfer"] == ()
    assert _actors("Десятки журналистов были задержаны в Минске.", "ru")["arrest"] == ()
    # control: a person the detector knows stays the actor
    assert _actors("A court sentenced journalist Anna Petrovich to eight years.", "en")[
        "sentence"
    ] == ("Anna Petrovich",)


def test_the_title_and_its_place_fall_away_from_the_person() -> None:
    text = "Президент Беларуси Александр Лукашенко в прошлом году помиловал 30 осуждённых."
    assert _actors(text, "ru", grounded=False)["pardon"] == ("Беларуси Александр Лукашенко",)
    assert _actors(text, "ru")["pardon"] == ("Александр Лукашенко",)


def test_a_mention_gives_the_whole_name() -> None:
    text = "The European Union imposed new sanctions on 25 officials on Tuesday."
    assert _actors(text, "en")["sanctions_imposed"] == ("European Union",)


def test_a_place_acts_only_at_the_head_of_its_clause() -> None:
    assert _actors("Washington lifted sanctions on three Belarusian banks.", "en")[
        "sanctions_lifted"
    ] == ("Washington",)
    text = "В тюрьмах Беларуси остаются сотни людей, осуждённых по политическим мотивам."
    assert _actors(text, "ru", grounded=False)["sentence"] == ("Беларуси",)
    assert _actors(text, "ru")["sentence"] == ()


def test_the_speaker_of_a_report_did_not_do_what_it_reports() -> None:
    en = "The rights group Viasna said 40 people were released on Saturday."
    assert _actors(en, "en")["release"] == ()
    ru = "Правозащитный центр «Вясна» сообщил, что в субботу были освобождены 40 человек."
    assert _actors(ru, "ru")["release"] == ()
    according = "According to Viasna, reporter Ihar Karnei was detained in Minsk."
    assert _actors(according, "en")["arrest"] == ("Ihar Karnei",)
    # control: a speaker after the event's own subject leaves it alone
    control = "Governor Piotr Sarna has released prisoners before, Viasna said."
    assert _actors(control, "en")["release"] == ("Piotr Sarna",)


def test_a_statement_is_made_by_its_named_speaker() -> None:
    text = "The European Union imposed new sanctions on 25 officials, the Council of the EU announced."
    assert _actors(text, "en")["statement"] == ("Council of the EU",)
    inverted = "Лукашенко помиловал 123 заключённых, сообщила пресс-служба президента."
    found = _actors(inverted, "ru")
    assert found["statement"] == ()  # the press service names nobody; Lukashenko is what it said
    assert found["pardon"] == ("Лукашенко",)
    named = "«Переговоры прошли конструктивно», — заявил министр иностранных дел Максим Рыженков."
    assert _actors(named, "ru")["statement"] == ("Максим Рыженков",)


def test_a_complement_clause_has_its_own_subject() -> None:
    ru = find_events("Корреспондент «Хроники Приграничья» видел, как освобождённых встречали родственники.", load_lexicon("ru"))
    assert [e.actors for e in ru if e.event_type == "release"] == [()]
    control = find_events("Корреспондент «Хроники Приграничья» видел освобождённых.", load_lexicon("ru"))
    assert [e.actors for e in control if e.event_type == "release"] == [("Хроники Приграничья",)]


def test_a_name_past_a_place_preposition_is_not_the_object() -> None:
    en = load_lexicon("en")
    (ev,) = [e for e in find_events("The release followed a visit to Dorvik by Owen Brakeley.", en) if e.event_type == "release"]
    assert ev.actors == ()
    (ok,) = [e for e in find_events("The release of Owen Brakeley followed a visit.", en) if e.event_type == "release"]
    assert ok.actors == ("Owen Brakeley",)


def test_a_state_heads_its_clause_from_its_own_first_word() -> None:
    text = "The Republic of Varnia released 87 prisoners on Saturday."
    assert _actors(text, "en")["release"] == ("Republic of Varnia",)


def test_the_name_after_by_did_it() -> None:
    en = load_lexicon("en")
    wire = "The Republic of Varnia released 87 prisoners under a pardon signed by President Radomir Velesk."
    (pardon,) = [e for e in find_events(wire, en) if e.event_type == "pardon"]
    assert pardon.actors == ("Radomir Velesk",)  # not "Varnia pardoned Radomir Velesk"
    passive = "Stsiapan Hrybau was pardoned by President Radomir Velesk on Saturday."
    (ev,) = [e for e in find_events(passive, en) if e.event_type == "pardon"]
    assert ev.actors == ("Radomir Velesk", "Stsiapan Hrybau")  # who pardoned, then whom
    # control: an active verb keeps subject then object
    (active,) = [e for e in find_events("Lukashenko pardoned Maria Kolesnikova.", en) if e.event_type == "pardon"]
    assert active.actors == ("Lukashenko", "Maria Kolesnikova")


def test_greeting_the_released_is_no_meeting() -> None:
    ru = load_lexicon("ru")
    assert [e.event_type for e in find_events("Среди встречавших была Ольга Грибова.", ru)] == []
    assert "meeting" not in [e.event_type for e in find_events("Освобождённых встречали родственники.", ru)]
    # control: talks are still a meeting
    assert [e.event_type for e in find_events("Лукашенко встретился с Коулом.", ru)] == ["meeting"]


def test_a_name_inside_a_relative_clause_is_not_the_subject_after_it() -> None:
    en = load_lexicon("en")
    text = "The man, who said he, too, had been held by the Varnian Front, was detained by police."
    (arrest,) = [e for e in find_events(text, en) if e.event_type == "arrest"]
    assert "Varnian Front" not in arrest.actors  # the man was detained; he names no one who was
    # control: a named head before the clause is still the subject
    (release,) = find_events("Velesk, who has ruled Varnia since 2011, has released 87 prisoners.", en)
    assert release.actors == ("Velesk",)


def test_every_party_named_in_talks_takes_part() -> None:
    assert _actors("Talks between Radomir Velesk and Owen Brakely lasted two days.", "en")["meeting"] == (
        "Radomir Velesk", "Owen Brakely")  # fmt: skip
    assert _actors("Owen Brakely held talks with Radomir Velesk and Ilse Varga on Friday.", "en")["meeting"] == (
        "Owen Brakely", "Radomir Velesk", "Ilse Varga")  # fmt: skip
    # control: a release names only who was released, not everyone listed after it in another clause
    assert "Ilse Varga" not in _actors("Velesk Radomir released Tom Bell, and Ilse Varga spoke later.", "en").get(
        "release", ())  # fmt: skip
