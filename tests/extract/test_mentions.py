"""Mention detection: spans, types, roles, stop words and in-article links."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consilience.errors import UserInputError
from consilience.extract.mentions import find_mentions, get_detector
from tests.shared import EXAMPLES as _EXAMPLES_DIR

EXAMPLES = sorted(_EXAMPLES_DIR.glob("*.txt"))


def _by_text(mentions):
    return {m.text: m for m in mentions}


def _spans_exact(text, mentions):
    return all(text[m.start : m.end] == m.text for m in mentions)


@pytest.mark.skipif(not EXAMPLES, reason="shared examples not present")
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_example_spans_index_the_text_exactly(path):
    text = path.read_text("utf-8")
    mentions = find_mentions("a", text, "en")
    assert mentions
    assert _spans_exact(text, mentions)
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)


def test_role_before_name_decides_person():
    text = "The American delegation, led by envoy John Coale, confirmed the information."
    ms = find_mentions("a", text, "en")
    assert [(m.text, m.type, m.role) for m in ms] == [("John Coale", "person", "envoy")]


def test_apposition_role_after_name():
    text = "Among those freed are Ales Bialiatski, human rights activist and laureate."
    m = _by_text(find_mentions("a", text, "en"))["Ales Bialiatski"]
    assert m.type == "person" and m.role == "human rights activist"


def test_demonym_and_title_are_not_part_of_the_person():
    text = "Belarusian President Alexander Lukashenko pardoned 123 detainees."
    ms = find_mentions("a", text, "en")
    assert [(m.text, m.type, m.role) for m in ms] == [
        ("Alexander Lukashenko", "person", "President")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Those released include activists.",
        "Despite the breakthrough, the opposition is sceptical.",
        "Among those freed are many journalists.",
        "The American delegation confirmed it.",
        "Translation by the desk. Sources said so on Saturday, December 13.",
    ],
)
def test_common_words_and_fragments_are_not_mentions(text):
    assert find_mentions("a", text, "en") == []


def test_surname_links_to_full_name_earlier_in_article():
    text = (
        "Maria Kalesnikava was released. Kalesnikava was a central figure in the protests. "
        "Lukashenko's critics remain jailed, said Alexander Lukashenko's opponents."
    )
    ms = find_mentions("a", text, "en")
    assert _spans_exact(text, ms)
    surname = [m for m in ms if m.text == "Kalesnikava"]
    assert surname and surname[0].canonical == "Maria Kalesnikava"
    luk = [m for m in ms if m.text == "Lukashenko"]
    assert luk and luk[0].canonical == "Alexander Lukashenko"  # possessive stripped, linked forward
    assert all(not m.text.endswith("'s") for m in ms)


def test_unlinked_single_capitalised_word_is_dropped():
    ms = find_mentions("a", "A Telegram channel said the West refuses. Fakti wrote it.", "en")
    assert ms == []


def test_places_orgs_and_agencies():
    text = "DPA reported, citing authorities in Minsk, that Reuters and the OSCE met in Kyiv."
    got = {(m.text, m.type) for m in find_mentions("a", text, "en")}
    assert got == {
        ("DPA", "org"),
        ("Minsk", "place"),
        ("Reuters", "org"),
        ("OSCE", "org"),
        ("Kyiv", "place"),
    }


def test_org_cue_words_make_an_organisation():
    text = "Officials at the Belarusian Helsinki Committee and the National Bank said so."
    types = {m.text: m.type for m in find_mentions("a", text, "en")}
    assert types.get("Helsinki Committee") == "org"
    assert types.get("National Bank") == "org"


def test_russian_cases_are_normalised_and_linked():
    text = (
        "Президент Александр Лукашенко помиловал Марию Колесникову. "
        "Ранее Колесниковой отказали в свидании, сообщает ТАСС. "
        "Правозащитник Алесь Беляцкий находится в Минске."
    )
    ms = find_mentions("a", text, "ru")
    assert _spans_exact(text, ms)
    by = _by_text(ms)
    assert by["Марию Колесникову"].canonical == "Мария Колесникова"
    assert by["Колесниковой"].type == "person"
    assert by["Колесниковой"].canonical == "Мария Колесникова"
    assert by["Александр Лукашенко"].role == "Президент"
    assert by["Алесь Беляцкий"].role == "Правозащитник"
    assert by["Минске"].type == "place" and by["Минске"].canonical == "Minsk"
    assert by["ТАСС"].type == "org"
    assert "Ранее" not in by


def test_language_guessed_from_script_when_missing():
    text = "Посланник Джон Коул прибыл в Минск."
    ms = find_mentions("a", text, None)
    assert {(m.text, m.type) for m in ms} == {("Джон Коул", "person"), ("Минск", "place")}


def test_german_basic():
    text = "Bundeskanzler Friedrich Merz sagte am Montag in Berlin, die Opposition sei schwach."
    got = {(m.text, m.type, m.role) for m in find_mentions("a", text, "de")}
    assert got == {("Friedrich Merz", "person", "Bundeskanzler"), ("Berlin", "place", None)}


def test_get_detector_rejects_unknown_spec():
    assert get_detector("rules").name == "rules"
    with pytest.raises(UserInputError):
        get_detector("bert")


def test_spacy_backend_with_a_pipeline_built_here():
    spacy = pytest.importorskip("spacy")
    from consilience.extract.mentions import SpacyDetector

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(
        [
            {"label": "PERSON", "pattern": [{"TEXT": "John"}, {"TEXT": "Coale"}]},
            {"label": "PERSON", "pattern": [{"TEXT": "Coale"}]},
            {"label": "GPE", "pattern": "Minsk"},
            {"label": "ORG", "pattern": "Reuters"},
        ]
    )
    text = "Talks in Minsk with envoy John Coale went on. Coale told Reuters it was done."
    ms = SpacyDetector(nlp).detect("a", text, "en")
    assert _spans_exact(text, ms)
    got = {(m.text, m.type, m.role, m.canonical) for m in ms}
    assert ("John Coale", "person", "envoy", "John Coale") in got
    assert ("Coale", "person", None, "John Coale") in got
    assert ("Minsk", "place", None, None) in got
    assert ("Reuters", "org", None, None) in got


def test_spacy_missing_pipeline_is_a_user_error():
    pytest.importorskip("spacy")
    with pytest.raises(UserInputError):
        get_detector("spacy:no_such_pipeline_xyz")


def test_russian_without_natasha_uses_ending_rules(monkeypatch):
    from consilience.extract import mention_morph

    monkeypatch.setattr(mention_morph, "_pymorphy", lambda: None)
    text = "Суд освободил Марию Колесникову. Колесниковой вернули паспорт в Минске."
    by = _by_text(find_mentions("a", text, "ru"))
    assert by["Марию Колесникову"].canonical == "Мария Колесникова"
    assert by["Колесниковой"].canonical == "Мария Колесникова"
    assert by["Минске"].canonical == "Minsk"


def test_ukrainian_basic():
    text = "Президент Володимир Зеленський прибув до Києва."
    got = {(m.text, m.type) for m in find_mentions("a", text, "uk")}
    assert ("Володимир Зеленський", "person") in got
    assert ("Києва", "place") in got


@given(
    st.text(
        alphabet=st.sampled_from("AaBbKkМмКк .,'’-\n" + "Maria Minsk Lukashenko's"), max_size=80
    )
)
@settings(max_examples=60, deadline=None)
def test_never_raises_and_spans_always_index_the_text(text):
    mentions = find_mentions("a", text, None)
    assert _spans_exact(text, mentions)
    assert all(m.end > m.start for m in mentions)


def test_russian_nominative_names_are_kept_and_given_names_normalised():
    pytest.importorskip("natasha")  # the ending rules alone cannot tell "Максима" from "Максим"
    ms = find_mentions(
        "a", "Переговорщик Рустем Умеров встретился с адвокатом Максима Знака.", "ru"
    )
    canon = {m.text: m.canonical for m in ms}
    assert canon["Рустем Умеров"] == "Рустем Умеров"
    assert canon["Максима Знака"] == "Максим Знак"


def test_spacy_backend_strips_possessive():
    spacy = pytest.importorskip("spacy")
    from consilience.extract.mentions import SpacyDetector

    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns(
        [
            {
                "label": "PERSON",
                "pattern": [{"TEXT": "Alexander"}, {"TEXT": "Lukashenko"}, {"TEXT": "'s"}],
            }
        ]
    )
    text = "Alexander Lukashenko's press service said so."
    ms = SpacyDetector(nlp).detect("a", text, "en")
    assert [(m.text, m.type) for m in ms] == [("Alexander Lukashenko", "person")]


def test_a_female_given_name_keeps_the_feminine_surname_in_nominative():
    (woman,) = find_mentions("x", "Ольга Грибова встретила мужа на границе.", "ru")
    (man,) = find_mentions("y", "Суд приговорил Сергея Колесникова к 11 годам.", "ru")
    assert woman.canonical == "Ольга Грибова"
    assert man.canonical == "Сергей Колесников"


def test_a_genitive_place_heading_a_name_is_its_own_mention():
    found = find_mentions("x", "Президент Варнии Радомир Велеск помиловал 87 человек.", "ru")
    assert [(m.text, m.type) for m in found] == [("Варнии", "place"), ("Радомир Велеск", "person")]
    (one,) = find_mentions("y", "Суд приговорил Марии Колесниковой срок.", "ru")
    assert one.text == "Марии Колесниковой" and one.type == "person"


def test_an_unknown_name_after_a_place_cue_is_a_place():
    (town,) = find_mentions("x", "A roof collapse near the town of Halsk killed 7 miners.", "en")
    assert (town.text, town.type) == ("Halsk", "place")
    (ru,) = find_mentions("y", "Погибли 12 горняков под Хальском, сообщил врач.", "ru")
    assert (ru.text, ru.type, ru.canonical) == ("Хальском", "place", "Хальск")
    people = find_mentions("z", "He met John Smith near Oxford.", "en")
    assert ("John Smith", "person") in {(m.text, m.type) for m in people}


def _types(mentions):
    return {m.text: m.type for m in mentions}


def test_an_unknown_state_stays_one_place():
    # the gazetteer's town of "Republic" used to take the head word and drop the name
    en = _types(find_mentions("a", "The Republic of Varnia released 87 prisoners.", "en"))
    assert en == {"Republic of Varnia": "place"}
    ru = _types(find_mentions("a", "Республика Варния освободила 87 человек.", "ru"))
    assert ru == {"Республика Варния": "place"}
    # controls: "Republican" is no state head, and a known state keeps its gazetteer name
    assert _types(find_mentions("a", "The Republican Party won.", "en")) == {"Republican Party": "org"}
    assert _types(find_mentions("a", "He flew to the Czech Republic.", "en")) == {"Czech Republic": "place"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a given name before a surname is a person, though "Nina" is also a town's alias
        ("Its head, Nina Lavrik, said the group had confirmed it.", {"Nina Lavrik": "person"}),
        # an organisation head runs on through its "of"; a plural possessive stays inside
        ("The toll rose, the Ministry of Emergency Situations said.",
         {"Ministry of Emergency Situations": "org"}),
        ("He led the Varnian Teachers' Union until 2023.", {"Varnian Teachers' Union": "org"}),
        ("The United Nations Security Council met.", {"United Nations Security Council": "org"}),
        ("She teaches at the University of Aldenport.", {"University of Aldenport": "org"}),
        # a sentence-initial article is not part of the name, nor "The Bank" a town
        ("The Bank of England raised rates.", {"Bank of England": "org"}),
        # something owned is no person
        ("Sign up for our World Briefing newsletter.", {}),
        # company words, township and road tails, and an office with nobody named in it
        ("Shares of Halsk Foods fell.", {"Halsk Foods": "org"}),
        ("The blast was heard in Orlin Township.", {"Orlin Township": "place"}),
        ("Traffic was stopped on Varden Road.", {"Varden Road": "place"}),
        ("The County Sheriff declined to comment.", {}),
        # a known company or armed group, though no word of it says so
        ("Goldman Sachs said it would take a charge.", {"Goldman Sachs": "org"}),
        ("Boko Haram freed 21 girls.", {"Boko Haram": "org"}),
        # a known organisation found by its cue word keeps its canonical name
        ("It breaks a UN Security Council resolution.", {"UN Security Council": "org"}),
        ("Media outlets report that the train derailed.", {}),  # not Mehdya, Morocco
        # a town and a plural the article writes after "the" is a team; a person takes no article
        ("The Leeds Rhinos won again. The Rhinos lead the league.", {"Leeds Rhinos": "org"}),
        # a credit or a body run into a person's name: split where a given name starts
        ("Barcroft Media Vladimir Putin has ordered more troops.",
         {"Barcroft Media": "org", "Vladimir Putin": "person"}),
    ],
)  # fmt: skip
def test_english_organisations_and_given_names(text, expected) -> None:
    found = {m.text: m.type for m in find_mentions("a", text, "en")}
    assert found == expected


def test_a_known_organisation_found_by_its_cue_word_keeps_its_canonical_name() -> None:
    (m,) = find_mentions("a", "It breaks a UN Security Council resolution.", "en")
    assert m.canonical == "Security Council"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a short «» title is an outlet, never a person; quoted speech is neither
        ("Она рассказала «Вечернему Дорвику», что узнала о приговоре.",
         {"Вечернему Дорвику": "org"}),
        ("«Нам ничего не говорят. Всё решено», — рассказала жена.", {}),
        # an organisation noun in an oblique case names nothing alone; the place after it does
        ("Бывший председатель Союза учителей Беларуси Степан Грибов вышел.",
         {"Беларуси": "place", "Степан Грибов": "person"}),
        ("Суд Минска приговорил его к шести годам.", {"Суд Минска": "org"}),
        # a place after a title is in the genitive, not a first name
        ("Глава Гродно Мечислав Гой заявил.", {"Гродно": "place", "Мечислав Гой": "person"}),
        # two adjectives before a noun modify it; an adjective-shaped surname stays a person
        ("Главный врач Минской районной больницы Виктор Ордин сказал.", {"Виктор Ордин": "person"}),
        ("Тихановский поблагодарил сторонников.", {"Тихановский": "person"}),
        # a common word opening a sentence before a surname is not a first name
        ("Мария Вартанова вышла. Коллеги Вартановой считают приговор местью.",
         {"Мария Вартанова": "person", "Вартановой": "person"}),
    ],
)  # fmt: skip
def test_russian_titles_organisations_and_modifiers(text, expected) -> None:
    found = {m.text: m.type for m in find_mentions("a", text, "ru")}
    assert found == expected


def test_quoted_speech_introduced_by_a_dash_is_no_title() -> None:
    found = find_mentions("a", "«Свобода Минску», — написал он.", "ru")
    assert all(m.type != "org" for m in found)


def test_a_plural_possessive_joins_a_name_only_when_an_organisation_word_ends_it() -> None:
    found = find_mentions("a", "Fans celebrated the Cubs' World Series title in Chicago.", "en")
    assert all(m.type != "person" for m in found) and all("'" not in m.text for m in found)


@pytest.mark.parametrize(
    ("alias", "city", "population", "trusted"),
    [
        ("LAX", "Los Angeles", 3_900_000, False),  # an airport code
        ("God", "Göd", 20_000, False),  # short: mostly the word
        ("Florida", "Floridablanca", 250_000, False),  # a truncation
        ("Nina", "Neenah", 25_000, False),  # a given name
        ("Google", "Topeka", 127_000, False),  # neither looks nor sounds like it
        ("Mogilev", "Mahilyow", 360_000, True),  # sounds alike
        ("Гродно", "Hrodna", 370_000, True),
        ("Zhodino", "Horad Zhodzina", 65_000, True),  # the town's own word
        ("Cologne", "Köln", 1_000_000, True),  # a big city's exonym
    ],
)
def test_only_trustworthy_alternate_names_become_place_names(alias, city, population, trusted) -> None:
    from consilience.names.places import trusted_alias

    assert trusted_alias(alias, city, population) is trusted


def test_a_company_is_not_a_town_by_an_alternate_name() -> None:
    found = {m.text: m.type for m in find_mentions("a", "Google said on Monday it would appeal.", "en")}
    assert found.get("Google") != "place"


def test_a_sentence_initial_word_the_article_also_writes_in_lower_case_is_that_word() -> None:
    text = "Police said the man was held. The police in Halsk confirmed it. Turkey said it would act."
    found = {m.text: m.type for m in find_mentions("a", text, "en")}
    assert "Police" not in found
    assert found.get("Turkey") == "place"  # a country stays a place
    # a town that is also a common word is a town only where the article does not use the word
    assert {m.text for m in find_mentions("a", "Mobile, a city in Alabama, lies on the Gulf.", "en")} >= {"Mobile"}
    assert not find_mentions("a", "Mobile phones were seized. The mobile network was down.", "en")
    # "Police" is never the Polish town in English (not_places): "Police arrested ..." names no place
    assert not find_mentions("a", "Police arrested two men on Monday.", "en")
    # a speaking noun at a sentence's start is the speaker, whatever verb follows
    assert "Police" not in {m.text for m in find_mentions("a", "Police say 27 people are injured.", "en")}


def test_a_lone_surname_after_the_full_name_is_the_person_not_the_town() -> None:
    text = "Lewis Hamilton won in Monaco on Sunday. Hamilton said the car was fast."
    found = [(m.text, m.type, m.canonical) for m in find_mentions("a", text, "en")]
    assert ("Lewis Hamilton", "person", "Lewis Hamilton") in found
    assert ("Hamilton", "person", "Lewis Hamilton") in found
    # ... unless the article puts something in that town
    text = "Storms hit Hamilton on Monday. In Hamilton, mayor Fred Hamilton said roads were shut."
    places = [m for m in find_mentions("a", text, "en") if m.text == "Hamilton"]
    assert places and all(m.type == "place" for m in places)


def _types_in(text: str) -> dict[str, str]:
    return {m.text: m.type for m in find_mentions("a", text, "en")}


def _typed_roles_in(text: str) -> dict[str, tuple[str, str | None]]:
    return {m.text: (m.type, m.role) for m in find_mentions("a", text, "en")}


def test_a_run_the_article_writes_after_the_is_a_thing_not_a_person() -> None:
    text = (
        "The company said the Skarvel Lancer would fly in March. Engineers moved the Skarvel "
        "Lancer to the pad, and Dana Whitcombe said the Skarvel Lancer was ready. Whitcombe added "
        "that Skarvel Lancer tests had gone well."
    )
    types = _types_in(text)
    assert "Skarvel Lancer" not in types  # three of its four uses follow "the"
    assert types["Dana Whitcombe"] == "person"  # the control: a name the article gives no "the"


def test_a_run_mostly_written_after_in_or_near_is_a_place() -> None:
    text = (
        "Fishermen in Velmora Point found the boat. Velmora Point has no harbour, and the crew "
        "landed at Velmora Point, where Tobin Arkwright, a harbour master, said he had warned them."
    )
    found = find_mentions("a", text, "en")
    assert [m.type for m in found if m.text == "Velmora Point"] == ["place"] * 3
    assert _types_in(text)["Tobin Arkwright"] == "person"


def test_after_in_with_a_possessive_stays_a_person() -> None:
    # "in Ilsa Brennert's novel": the book is hers; the name is still a person's
    text = "The scene appears in Ilsa Brennert's novel, and critics praised Ilsa Brennert."
    assert _types_in(text)["Ilsa Brennert"] == "person"


def test_a_run_of_the_articles_own_common_words_is_no_person() -> None:
    text = (
        "Readers can pick a quick menu from the app. The Quick Menu opens from the home screen, "
        "and Quick Menu items can be moved, said Priya Lindqvist."
    )
    types = _types_in(text)
    assert "Quick Menu" not in types
    assert types["Priya Lindqvist"] == "person"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Rescuers reached Brenmoor County before dawn, said Ines Marr.", "Brenmoor County"),
        ("The ship anchored off Cape Dunmore on Tuesday.", "Cape Dunmore"),
        ("Climbers left Mount Selwick after the storm.", "Mount Selwick"),
    ],
)
def test_place_words_make_an_unknown_run_a_place(text: str, name: str) -> None:
    assert _types_in(text)[name] == "place"


def test_a_trophy_is_no_person() -> None:
    assert "Lantern Bowl" not in _types_in("Fans travelled to watch Lantern Bowl on Sunday.")


@pytest.mark.parametrize(
    ("text", "org", "person"),
    [
        ("“It flies,” Dana Whitcombe, CEO of Skarvel Aero, said on Friday.", "Skarvel Aero", "Dana Whitcombe"),
        ("Prosecutors spoke to Marek Dolny, head of Varnian Rail.", "Varnian Rail", "Marek Dolny"),
        ("said Tom Bellweather, a spokesman for Kestrel Foods.", "Kestrel Foods", "Tom Bellweather"),
        ("Kestrel Foods spokesman Tom Bellweather said so.", "Kestrel Foods", "Tom Bellweather"),
    ],
)
def test_the_name_a_title_heads_is_an_organisation_not_a_person(text: str, org: str, person: str) -> None:
    types = _types_in(text)
    assert types[org] == "org"
    assert types[person] == "person"


def test_a_title_of_a_country_keeps_its_holder() -> None:
    # "President of Russia Vladimir Putin": the place is looked up, the title stays with the name
    found = _typed_roles_in("The President of Russia Vladimir Putin spoke.")
    assert found["Russia"] == ("place", None)
    assert found["Vladimir Putin"] == ("person", "President")


def test_a_sentence_opening_common_word_is_neither_name_nor_role() -> None:
    text = "Watch Dana Whitcombe explain the launch. Fans watch her every week."
    found = _typed_roles_in(text)
    assert found == {"Dana Whitcombe": ("person", None)}
    # the control: a word the article never writes in lower case still reads as a role
    found = {m.text: m.role for m in find_mentions("a", "Dissident Mikola Statkevich was freed.", "en")}
    assert found == {"Mikola Statkevich": "Dissident"}


def test_two_towns_side_by_side_name_a_person() -> None:
    # Carson (California) and Palmer (Alaska) are towns; English writes "Carson, California"
    found = _types_in("Quarterback Carson Palmer threw twice.")
    assert found == {"Carson Palmer": "person"}
    # the control: a town and its place noun stay a place
    found = _types_in("They flew to Paris Orly airport.")
    assert found.get("Paris") == "place" and "Paris Orly" not in found


def test_a_lone_surname_that_speaks_is_the_person_though_something_went_to_it() -> None:
    text = "Shane Perry, a minister, saw it. It seemed funny to Perry, too. “Odd,” Perry said."
    lone = [m for m in find_mentions("a", text, "en") if m.text == "Perry"]
    assert lone and all((m.type, m.canonical) == ("person", "Shane Perry") for m in lone)


def test_the_place_after_a_title_of_is_no_given_name() -> None:
    found = _typed_roles_in("The Mayor of London Sadiq Khan spoke.")
    assert found == {"London": ("place", None), "Sadiq Khan": ("person", "Mayor")}


def test_a_storm_is_no_person() -> None:
    found = _types_in("Hurricane Harvey hit Houston on Friday.")
    assert found == {"Houston": "place"}


def test_a_run_with_members_is_an_organisation() -> None:
    found = _types_in("Skarvel Haram militants attacked a village.")
    assert found == {"Skarvel Haram": "org"}
    # the control: supporters are had by people too
    found = _types_in("Dana Whitcombe supporters rallied.")
    assert found == {"Dana Whitcombe": "person"}


def test_a_participle_opening_a_sentence_is_no_part_of_a_name() -> None:
    found = {m.text for m in find_mentions("a", "Overjoyed Skarvel fans cheered all night.", "en")}
    assert "Overjoyed Skarvel" not in found


def test_a_korean_family_name_opens_the_name_and_links_alone() -> None:
    text = "China helps Kim Jong Un, analysts say. Kim said the test went well."
    found = [(m.text, m.type, m.canonical) for m in find_mentions("a", text, "en")]
    assert ("Kim Jong Un", "person", "Kim Jong Un") in found
    assert ("Kim", "person", "Kim Jong Un") in found


def test_a_first_name_read_as_a_town_alias_links_to_the_full_name() -> None:
    text = "Lewis Hamilton trails Nico Rosberg by 19 points. Nico was happy."
    found = [(m.text, m.type, m.canonical) for m in find_mentions("a", text, "en")]
    assert ("Nico", "person", "Nico Rosberg") in found
    # the control: any other first word is not the name's bearer ("Tesla" of "Tesla Roadster")
    found = find_mentions("a", "Critics praised Skarvel Lancer. Skarvel said so.", "en")
    assert not [m for m in found if m.text == "Skarvel" and m.canonical == "Skarvel Lancer"]


def test_a_two_word_country_adjective_is_no_person() -> None:
    found = _typed_roles_in("He met Costa Rican President Laura Chinchilla.")
    assert found == {"Laura Chinchilla": ("person", "President")}


@pytest.mark.parametrize(
    "name",
    [
        "International Consortium of Skarvel Journalists",
        "Varnian Ministry of Emergency Situations",
        "Estmar Institute for Policy Studies",
        "Center for Humane Design",
    ],
)
def test_an_organisation_runs_on_through_a_later_head_word(name: str) -> None:
    found = {m.text: m.type for m in find_mentions("a", f"The {name} said so on Monday.", "en")}
    assert found == {name: "org"}


def test_page_furniture_ending_in_a_particle_is_no_name() -> None:
    assert find_mentions("a", "Read more below.\nNewsletter Sign Up\nYou are already subscribed.", "en") == []


def test_an_organisation_of_a_place_whose_name_opens_with_a_stop_word() -> None:
    # "New" is a stop word at a sentence start, but not inside "... of New York"
    assert _types_in("He studied at the University of New York in 2001.") == {"University of New York": "org"}


def test_regions_are_places_in_english_and_in_russian_case_forms() -> None:
    """First-level regions the city list lacks: "Texas", and "в Гомельской области" (a capitalised
    adjective before a region noun) read in the nominative and resolved by the gazetteer."""
    en = {(m.text, m.type) for m in find_mentions("a", "The storm moved from Texas to Oklahoma.", "en")}
    assert {("Texas", "place"), ("Oklahoma", "place")} <= en
    ru = find_mentions("b", "Суд в Гомельской области осудил активистку Ольгу Грибову.", "ru")
    region = next(m for m in ru if m.type == "place")
    assert region.text == "Гомельской области" and region.canonical == "Gomel Region"
    assert any(m.type == "person" and "Грибов" in m.text for m in ru)


def test_a_town_before_a_surname_the_article_uses_alone_is_a_person() -> None:
    """Given names that are also towns ("Tyler", "Warren", "Florence") before a surname the
    article uses on its own name a person; a team the article writes with "the" is a team, and
    a word it writes in lower case is no surname."""
    text = "Florence Kettle scored twice. Later Kettle said the team was tired."
    found = {(m.text, m.type) for m in find_mentions("a", text, "en")}
    assert ("Florence Kettle", "person") in found and ("Kettle", "person") in found
    team = "The Chicago Cubs won again. The Cubs celebrated downtown."
    assert {(m.text, m.type) for m in find_mentions("b", team, "en")} == {("Chicago Cubs", "org")}
    fire = "Crews from Palmer Fire arrived. The fire spread to the roof."
    assert ("Palmer Fire", "person") not in {(m.text, m.type) for m in find_mentions("c", fire, "en")}


def _typed(text: str) -> set[tuple[str, str]]:
    return {(m.text, m.type) for m in find_mentions("a", text, "en")}


def test_a_common_given_name_that_is_a_small_town_starts_a_persons_name() -> None:
    """"Lindsay" (a town in Ontario) before an unknown surname is a person's given name, and the
    article's later lone "Lindsay" is that person; a big city keeps its reading before a word that
    is no common surname ("Dallas Cowboys")."""
    found = _typed("Lindsay Varkell arrived late. Lindsay was tired, an aide said.")
    assert found == {("Lindsay Varkell", "person"), ("Lindsay", "person")}
    assert ("Lennox Lewis", "person") in _typed("He floored Lennox Lewis in 2001.")
    assert not {t for t in _typed("He played for the Dallas Cowboys in Dallas.") if t[1] == "person"}


def test_a_small_towns_name_after_a_title_or_before_administration_is_a_person() -> None:
    assert _typed("Last week President Obama changed his mind. Obama said so.") == {("Obama", "person")}
    assert _typed("The Bush administration loosened the rules.") == {("Bush", "person")}
    assert ("George W. Bush", "person") in _typed("A member of President George W. Bush's council spoke.")


def test_a_lone_given_name_is_a_person_unless_the_article_puts_something_in_the_town() -> None:
    assert ("Vincent", "person") in _typed("He left three children, Vincent, Lucia and Carmella Esposito.")
    assert ("Tyler", "place") in _typed("She grew up in Tyler, Texas. Tyler is hot in August.")
    assert ("Warren", "place") in _typed("The victim, Ann Kafoury, 63, of Warren, died on Monday.")
    assert ("Troy", "place") in _typed("The man was arrested, according to Troy police.")


def test_titles_storms_quoted_openings_and_company_names_are_no_towns() -> None:
    assert ("Officer", "place") not in _typed("CHP Officer Brian Pennings said the driver was drunk.")
    assert _typed("It came three weeks after Hurricane Katrina.") == set()
    # a quote's first word is a sentence's: the article's lower-case "never" shows it a word
    assert _typed("She wrote, “Never thought that would be the last time.” They never met.") == set()
    assert _typed("The sequel to Summit Entertainment's vampire film opened.") == {("Summit Entertainment", "org")}


def test_a_title_in_quotes_is_no_person() -> None:
    assert _typed("He met with the ``House Call'' host for two hours.") == set()
    assert _typed("She starred in “Kill Bill,” the studio said.") == set()
    assert ("David Bowie", "person") in _typed('The song "Space Oddity" played. David Bowie sang.')


def test_a_nickname_in_quotes_keeps_the_name_whole() -> None:
    found = find_mentions("a", "Joaquin \"El Chapo\" Guzman was extradited. Guzman faces trial.", "en")
    assert [(m.text, m.type, m.canonical) for m in found] == [
        ('Joaquin "El Chapo" Guzman', "person", "Joaquin Guzman"),
        ("Guzman", "person", "Joaquin Guzman"),
    ]
    chin = find_mentions("b", "Mob boss Vincent 'The Chin' Gigante died. Gigante was 77.", "en")
    assert {(m.type, m.canonical) for m in chin} == {("person", "Vincent Gigante")}
    assert _typed('She said "Yes" Monday.') == set()  # no given name before the quote
