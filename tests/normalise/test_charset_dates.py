from datetime import date

import pytest

from consilience.normalise.charset import DecodeError, decode_bytes, looks_binary
from consilience.normalise.dates import infer_date, parse_date
from consilience.normalise.language import detect_language
from consilience.normalise.text import clean_text, identity_text

RUSSIAN = (
    "Президент помиловал сто двадцать три человека, сообщила пресс-служба. "
    "Среди освобождённых есть журналисты и правозащитники, которые провели в заключении несколько лет."
)


@pytest.mark.parametrize("codec", ["cp1251", "koi8_r", "iso8859_5", "utf-8"])
def test_undeclared_cyrillic_decodes_exactly(codec):
    assert decode_bytes(RUSSIAN.encode(codec)).text == RUSSIAN


@pytest.mark.parametrize("codec", ["utf-16", "utf-8-sig"])
def test_bom_wins(codec):
    assert decode_bytes(RUSSIAN.encode(codec)).text == RUSSIAN


def test_wrong_declaration_is_corrected_by_letter_statistics():
    decoded = decode_bytes(RUSSIAN.encode("koi8_r"), declared="cp1251")
    assert decoded.text == RUSSIAN


def test_latin1_undeclared():
    text = "Governo anuncia reforma da previdência; oposição critica decisão às pressas."
    assert decode_bytes(text.encode("latin-1")).text == text


def test_binary_is_refused():
    blob = bytes(range(256)) * 20
    assert looks_binary(blob)
    with pytest.raises(DecodeError):
        decode_bytes(b"\x00\x01\x02" * 100)


def test_clean_text_removes_what_breaks_storage_and_matching():
    dirty = "Ma\u200bria\x00 Kales\u202enikava\ud800  said\r\nhello"
    cleaned = clean_text(dirty)
    assert "\x00" not in cleaned and "\u200b" not in cleaned and "\u202e" not in cleaned
    assert "\ud800" not in cleaned
    assert cleaned.splitlines()[1] == "hello"
    assert identity_text("Hello,  World!") == identity_text("hello world")


def test_year_inferred_from_weekday_and_latest_year_mentioned():
    text = "In a 2022 decision... The president pardoned 123 detainees on Saturday, December 13."
    found = infer_date(text, today=date(2026, 11, 22))
    assert found is not None and found.iso == "2025-12-13" and found.inferred
    assert infer_date("Talks resumed on Friday, March 14, after 2024 elections.", today=date(2026, 11, 22)).iso == "2025-03-14"
    assert infer_date("No weekday here: December 13.") is None


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("Dec 13, 2025 20:28", "2025-12-13T20:28"),
        ("13 декабря 2025", "2025-12-13"),
        ("2018-09-18 14:38:10", "2018-09-18T14:38:10"),
        ("Wed, 31 Jan 2018 06:00:00 GMT", "2018-01-31T06:00+00:00"),
    ],
)
def test_written_dates_become_iso(written, iso):
    parsed = parse_date(written)
    assert parsed is not None and parsed.iso == iso and parsed.written == written


def test_garbage_dates_are_not_dates():
    assert parse_date("?" * 100_000) is None
    assert parse_date("yesterday-ish") is None


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The president pardoned 123 detainees after two days of talks with an envoy.", "en"),
        ("Президент помиловал 123 заключённых после двух дней переговоров.", "ru"),
        ("Президент України заявив про звільнення п'ятьох громадян після переговорів.", "uk"),
        ("Прэзідэнт памілаваў 123 зняволеных пасля двух дзён перамоваў у Мінску.", "be"),
        ("Der Präsident hat nach zweitägigen Gesprächen 123 Gefangene begnadigt.", "de"),
        ("Le président a gracié 123 détenus après deux jours de négociations.", "fr"),
        ("Prezydent ułaskawił 123 więźniów po dwóch dniach rozmów z wysłannikiem.", "pl"),
        ("Prezidentas po dviejų dienų derybų su pasiuntiniu apmalonė 123 kalinius.", "lt"),
        ("Il presidente ha graziato 123 detenuti dopo due giorni di colloqui.", "it"),
        ("El presidente indultó a 123 presos tras dos días de conversaciones.", "es"),
    ],
)
def test_language_identification(text, lang):
    assert detect_language(text) == lang
