"""Loads the name tables shipped under consilience/data/names (read once, cached)."""

from __future__ import annotations

from functools import cache
from importlib.resources import files


def _lines(name: str) -> list[str]:
    """Non-blank, non-comment lines of a data file, so tables can carry their own notes."""
    text = (files("consilience") / "data" / "names" / name).read_text(encoding="utf-8")
    return [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@cache
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """Tab-separated rows of a data file (the comment lines removed)."""
    return tuple(tuple(ln.split("\t")) for ln in _lines(name))


@cache
def words(name: str) -> frozenset[str]:
    """A one-word-per-line data file as a set."""
    return frozenset(ln.strip() for ln in _lines(name))
