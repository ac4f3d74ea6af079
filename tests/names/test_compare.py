"""Behaviour of compare_names on the cases the product promises."""

import pytest

from consilience.names import NameMatch, compare_names, name_keys, normalise_name

REQUIRED = [
    ("Sviatlana Tsikhanouskaya", "Siarhei Tsikhanouski", False),
    ("Maria Kalesnikava", "Мария Колесникова", True),
    ("Maria Kalesnikava", "Maria Kolesnikova", True),
    ("Viktar Babaryka", "Viktor Babariko", True),
    ("Ales Bialiatski", "Ales Bialiatsky", True),
    ("Ales Bialiatski", "Ales Beljatsky", True),
    ("Ales Bialiatski", "Алесь Беляцкий", True),
    ("Kolesnikova", "Kolesnikov", False),
    ("Minsk", "Pinsk", False),
    ("Kyiv", "Киев", True),
    ("Kyiv", "Kiev", True),
    ("Kyiv", "Київ", True),
    ("Alexander Lukashenko", "Аляксандр Лукашэнка", True),
    ("Volodymyr Zelensky", "Владимир Зеленский", True),
    ("Babaryka", "Babarykina", False),
]


@pytest.mark.parametrize(("a", "b", "same"), REQUIRED)
def test_required_answers(a: str, b: str, same: bool) -> None:
    result = compare_names(a, b)
    assert isinstance(result, NameMatch)
    assert result.same is same, result.why
    assert 0.0 <= result.score <= 1.0
    assert result.why


@pytest.mark.parametrize(("a", "b", "same"), REQUIRED)
def test_required_answers_are_symmetric(a: str, b: str, same: bool) -> None:
    assert compare_names(a, b) == compare_names(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Tschaikowski", "Tchaïkovski"),
        ("Czajkowski", "Чайковский"),
        ("Michail Chodorkowski", "Mikhail Khodorkovsky"),
        ("Selenskyj", "Zelenskyy"),
        ("Siarhei Tsikhanouski", "Sergei Tikhanovsky"),
        ("Sviatlana Tsikhanouskaya", "Svetlana Tikhanovskaya"),
        ("Svetlana Tichanowskaja", "Sviatlana Tsikhanouskaya"),
        ("Cichanoŭskaja", "Tsikhanouskaya"),
        ("Uladzimir Niakliaeu", "Vladimir Neklyaev"),
    ],
)
def test_conventions_fold_together(a: str, b: str) -> None:
    result = compare_names(a, b, kind="person")
    assert result.same, result.why


def test_gender_pair_is_two_people_and_says_why() -> None:
    result = compare_names("Sviatlana Tsikhanouskaya", "Siarhei Tsikhanouski")
    assert not result.same
    assert "gender" in result.why and "female" in result.why and "male" in result.why


def test_belarusian_male_au_matches_russian_ov() -> None:
    assert compare_names("Kalesnikau", "Kolesnikov", kind="person").same
    assert not compare_names("Kalesnikau", "Kolesnikova", kind="person").same


def test_initials_and_surname_only() -> None:
    full = compare_names("Maria Kolesnikova", "Maria Kolesnikova")
    initial = compare_names("M. Kolesnikova", "Maria Kolesnikova")
    alone = compare_names("Kolesnikova", "Maria Kolesnikova")
    assert initial.same and alone.same
    assert full.score > initial.score > alone.score
    assert "surname-only" in alone.why
    assert not compare_names("S. Kolesnikova", "Maria Kolesnikova").same


def test_cyrillic_initial_matches_latin_given_name() -> None:
    assert compare_names("Ю. Иванов", "Yuri Ivanov", kind="person").same
    assert not compare_names("А. Иванов", "Yuri Ivanov", kind="person").same


def test_different_given_names_same_surname_are_different_people() -> None:
    result = compare_names("Sviatlana Tsikhanouskaya", "Siarhei Tsikhanouskaya")
    assert not result.same
    assert "given name" in result.why


def test_surname_first_order_and_patronymic() -> None:
    assert compare_names("Лукашенко Александр Григорьевич", "Alexander Lukashenko").same
    assert compare_names("KOLESNIKOVA Maria", "Maria Kolesnikova").same
    assert not compare_names(
        "Alexander Grigoryevich Lukashenko", "Alexander Viktorovich Lukashenko"
    ).same


def test_given_names_not_merged_by_loose_vowels() -> None:
    assert not compare_names("Egor Ivanov", "Igor Ivanov", kind="person").same
    assert not compare_names("Alena Ivanova", "Alina Ivanova", kind="person").same
    assert not compare_names("Yevgeny Petrov", "Yevgenia Petrova", kind="person").same


def test_places_by_gazetteer_not_spelling() -> None:
    assert not compare_names("Austria", "Australia").same
    assert not compare_names("Polotsk", "Plotsk").same
    assert not compare_names("Brest", "Bresk", kind="place").same
    for a, b in [
        ("Hrodna", "Гродно"),
        ("Belarus", "Byelorussia"),
        ("Belarus", "Беларусь"),
        ("Vilnius", "Вильнюс"),
        ("Lviv", "Lemberg"),
        ("Gomel Region", "Гомельская область"),  # first-level regions (data/names/regions.tsv)
        ("Texas", "Техас"),
    ]:
        result = compare_names(a, b)
        assert result.same and result.kind == "place", (a, b, result.why)
        assert "gazetteer" in result.why


def test_a_region_knows_its_country_and_a_us_state_its_code() -> None:
    from consilience.names.places import place_area, place_ids

    assert {place_area(p) for p in place_ids("Texas")} == {("US", "TX")}
    assert {place_area(p) for p in place_ids("Minsk Region")} == {("BY", "")}
    assert ("US", "NV") in {place_area(p) for p in place_ids("Las Vegas")}
    assert not compare_names("Texas", "Nevada", kind="place").same


def test_organisations() -> None:
    dpa = compare_names("DPA", "Deutsche Presse-Agentur")
    assert dpa.same and dpa.kind == "org" and "acronym" in dpa.why
    assert compare_names("deutsche presse-agentur", "Deutsche Presse Agentur", kind="org").same
    assert not compare_names("AFP", "Deutsche Presse-Agentur").same


def test_kind_is_respected_and_checked() -> None:
    assert compare_names("Minsk", "Минск", kind="place").kind == "place"
    with pytest.raises(ValueError):
        compare_names("a", "b", kind="planet")


def test_normalise_name() -> None:
    assert normalise_name("Колесникова,  Мария") == "kolesnikova mariia" or normalise_name(
        "Колесникова,  Мария"
    ).startswith("kolesnikova mari")
    assert normalise_name("Aleś  Bialacki") == "ales bialacki"


def test_keys_shared_for_required_positives() -> None:
    for a, b, same in REQUIRED:
        if same:
            assert name_keys(a) & name_keys(b), (a, b)


def test_keys_separate_unrelated_names() -> None:
    assert not (
        name_keys("Maria Kolesnikova", kind="person") & name_keys("Ales Bialiatski", kind="person")
    )


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Светоч", "Светоча", True),  # genitive: «по данным центра «Светоча»»
        ("Вестнику Варнии", "Вестник Варнии", True),  # dative: «рассказала «Вестнику Варнии»»
        ("Вечернему Дорвику", "Вечерний Дорвик", True),  # adjective and noun both declined
        ("Газпром", "Газпромбанк", False),  # a longer name is another organisation
        ("Россия", "Россети", False),  # a short shared stem is not one name
        ("Союз журналистов", "Союз писателей", False),
    ],
)
def test_russian_organisation_names_in_another_case(a: str, b: str, same: bool) -> None:
    assert compare_names(a, b, "org").same is same


@pytest.mark.parametrize(
    ("titled", "plain"),
    [("Dr Ilse Varga", "Ilse Varga"), ("Police Chief Tom Bell", "Tom Bell"), ("Президент Радомир Велеск", "Радомир Велеск")],
)
def test_a_title_before_a_name_is_not_its_given_name(titled: str, plain: str) -> None:
    assert compare_names(titled, plain).same
    assert name_keys(titled) & name_keys(plain), "the titled form must meet the plain one in blocking"
    # a title does not make two people one: another given name stays another person
    assert not compare_names(titled, "Dr Anna " + plain.split()[-1]).same


def test_a_name_holding_an_acronym_is_not_the_expansion_of_another() -> None:
    assert compare_names("DPA", "Deutsche Presse-Agentur", "org").same
    assert not compare_names("AP", "AFP Police", "org").same  # "AFP" is an acronym itself
