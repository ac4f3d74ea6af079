"""The canonical example articles: the claims a careful reader finds must come out."""

from __future__ import annotations

import pytest

from consilience.extract.claims import extract_claims
from consilience.model import Claim
from tests.shared import EXAMPLES

PUBLISHED = "2025-12-13T20:28:00"


def _claims(prefix: str) -> tuple[str, list[Claim]]:
    path = next(EXAMPLES.glob(f"{prefix}_*.txt"))
    text = path.read_text(encoding="utf-8")
    return text, extract_claims(prefix, text, "en", PUBLISHED)


@pytest.fixture(scope="module")
def a000() -> tuple[str, list[Claim]]:
    return _claims("000")


@pytest.fixture(scope="module")
def a004() -> tuple[str, list[Claim]]:
    return _claims("004")


def _of(claims: list[Claim], kind: str) -> list[Claim]:
    """Claims the extractor recognised as `kind`, including those salience demoted to "other"."""
    return [c for c in claims if c.extra.get("was", c.kind) == kind]


def test_quotes_point_into_text(a000, a004) -> None:
    for text, claims in (a000, a004):
        assert claims
        for c in claims:
            assert text[c.start : c.end] == c.quote


def test_000_quantities(a000) -> None:
    _, claims = a000
    q = {(c.value, c.unit) for c in _of(claims, "quantity")}
    assert ("123", "detainees") in q
    assert ("5", "Ukrainian citizens") in q
    hedged = [c for c in _of(claims, "quantity") if c.value == "114"]
    assert hedged and hedged[0].hedged and "Available information suggests" in hedged[0].hedge
    assert "individuals" in hedged[0].unit


def test_000_events(a000) -> None:
    _, claims = a000
    events = _of(claims, "event")
    pardon = [e for e in events if e.event_type == "pardon" and "Alexander Lukashenko" in e.actors]
    assert pardon and pardon[0].when == "2025-12-13"
    assert any(e.event_type == "release" for e in events)
    places = {e.extra.get("where") for e in events if e.event_type == "transfer"}
    assert {"Ukraine", "Lithuania"} & places
    assert any(e.event_type == "sanctions_lifted" for e in events)
    talks = [e for e in events if e.event_type == "meeting"]
    assert talks and talks[0].extra.get("where") == "Minsk"


def test_000_attributions(a000) -> None:
    _, claims = a000
    origins = [c.value or "" for c in _of(claims, "attribution")]
    assert any("delegation" in o and "John Coale" in o for o in origins)
    assert any("Telegram channel affiliated with the Belarusian presidency" in o for o in origins)
    assert "NGO" in origins
    told = [c for c in _of(claims, "attribution") if c.value == "American officials"]
    assert told and told[0].attribution.chain == ("Reuters", "American officials")
    sources = [c for c in _of(claims, "attribution") if c.value == "Sources"]
    assert sources and sources[0].hedged
    assert sources[0].attribution.chain == ("international media", "Sources")


def test_004_chain_and_press_service(a004) -> None:
    _, claims = a004
    q = [c for c in _of(claims, "quantity") if c.value == "123" and c.attribution]
    assert q and q[0].attribution.chain == ("BTA", "DPA", "authorities")
    assert q[0].statement == "123 political prisoners released"
    origins = [c.value or "" for c in _of(claims, "attribution")]
    assert sum("press service" in o for o in origins) >= 3


def test_004_arrest_sentence_durations(a004) -> None:
    _, claims = a004
    events = _of(claims, "event")
    arrest = [e for e in events if e.event_type == "arrest" and "Kolesnikova" in e.actors]
    assert arrest and arrest[0].when == "2020-09"
    sentence = [e for e in events if e.event_type == "sentence" and "Kolesnikova" in e.actors]
    assert sentence and sentence[0].when == "2021"
    qs = {c.value: c for c in _of(claims, "quantity")}
    assert qs["11"].unit == "years in prison" and not qs["11"].approximate
    assert qs[">5"].unit == "years in prison" and qs[">5"].approximate


def test_004_vague_counts(a004) -> None:
    _, claims = a004
    vague = [c for c in _of(claims, "quantity") if c.approximate and c.extra.get("vague")]
    assert any(c.extra["vague"] == "dozens" and c.unit == "prisoners" for c in vague)
    hundreds = [c for c in vague if c.extra["vague"] == "hundreds"]
    assert hundreds and all(c.attribution and c.attribution.origin == "DPA" for c in hundreds)


def test_no_year_is_counted(a000, a004) -> None:
    for _, claims in (a000, a004):
        for c in _of(claims, "quantity"):
            assert c.value not in {"2020", "2022", "2025"}, c.statement
