"""The US Census name lists: which words are common given names and surnames."""

from __future__ import annotations

from importlib import metadata

from consilience.names import census


def test_common_given_names_and_surnames_by_frequency() -> None:
    assert census.common_given_name("Lindsay") and census.common_given_name("TARA")
    assert not census.common_given_name("China")  # in the list, but far below the bar
    assert census.common_surname("Hilton") and census.common_surname("Lewis")
    assert not census.common_surname("Lohan") and not census.common_surname("Tech")
    assert not census.common_given_name("Mary-Ann")  # not a single alphabetic word


def test_without_the_names_package_no_word_is_a_common_name(monkeypatch) -> None:
    def missing(name: str):
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(census.metadata, "distribution", missing)
    census._given.cache_clear()
    census._surnames.cache_clear()
    try:
        assert not census.common_given_name("Lindsay") and not census.common_surname("Lewis")
    finally:
        census._given.cache_clear()
        census._surnames.cache_clear()
