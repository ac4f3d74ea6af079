"""Transliteration folding and given-name tables."""

from consilience.names.fold import skeletons, strict_keys
from consilience.names.given import _index, lookup
from consilience.names.person import parse_person, surname_gender


def test_one_skeleton_for_many_romanisations() -> None:
    forms = ["Bialiatski", "Bialiatsky", "Beljatsky", "Беляцкий", "Бяляцкі"]
    assert len({skeletons(f)[0] for f in forms}) == 1


def test_final_vowel_class_is_kept() -> None:
    assert skeletons("Yevgeny") != skeletons("Yevgenia")
    assert skeletons("Babaryka") != skeletons("Babarykina")


def test_german_ch_has_two_readings() -> None:
    assert len(skeletons("Chodorkowski")) >= 2
    assert len(skeletons("Чайковский")) == 1  # Cyrillic ч is never х


def test_given_name_sets() -> None:
    names = ["Siarhei", "Sergei", "Sergey", "Сергей", "Сяргей", "Serhiy"]
    assert len({lookup(n)[0].id for n in names}) == 1
    assert lookup("Sviatlana")[0].id == lookup("Светлана")[0].id
    assert lookup("Sviatlana")[0].id != lookup("Siarhei")[0].id
    assert lookup("Kolesnikova") == ()
    assert strict_keys("Egor") != strict_keys("Igor")


def test_given_name_sets_are_single_gender_and_many() -> None:
    _, sets = _index()
    assert len(sets) >= 150
    assert all(s.gender in {"m", "f"} for s in sets.values())


def test_surname_gender_endings() -> None:
    assert surname_gender("Tsikhanouskaya")[0] == "f"
    assert surname_gender("Tsikhanouski")[0] == "m"
    assert surname_gender("Kalesnikava")[0] == "f"
    assert surname_gender("Kalesnikau")[0] == "m"
    assert surname_gender("Lukashenko")[0] == ""
    assert surname_gender("Babaryka")[0] == ""
    assert surname_gender("Statkevich")[0] == ""


def test_parse_orders() -> None:
    p = parse_person("Kolesnikova, Maria")
    assert p.surname is not None and p.surname.text == "Kolesnikova"
    q = parse_person("M.V. Kolesnikova")
    assert q.given is not None and q.given.initial and q.patronymic is not None
