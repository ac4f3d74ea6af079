"""Per-language lexicons for claim extraction, loaded once from package data files.

Adding a language is adding `data/extract/<code>.json`; a language without a file falls back to
English (Latin script) or Russian (Cyrillic) so that digits, dates and agencies still work.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

_DATA = Path(__file__).resolve().parent.parent / "data" / "extract"
KNOWN = ("en", "ru", "de", "fr", "uk", "be")


@dataclass(frozen=True, slots=True)
class Lexicon:
    """One language's word lists, with the regexes built from them compiled once."""

    lang: str
    raw: dict[str, Any]
    events: tuple[tuple[str, re.Pattern[str]], ...]
    hedges: re.Pattern[str] | None
    agencies: frozenset[str]
    object_breaks: re.Pattern[str] | None = None  # words that end a trigger's clause ("after")
    relative: re.Pattern[str] | None = None  # relative pronouns ("who", "который")

    def get(self, key: str, default: Any = None) -> Any:
        """A section of the data file, or the default when this language lacks it."""
        return self.raw.get(key, default)

    def attribution(self, key: str) -> list[str]:
        """One list of attribution cues ('verbs', 'according_to', 'citing', ...)."""
        return list(self.raw.get("attribution", {}).get(key, []))


def _read(name: str) -> dict[str, Any]:
    """Parse one JSON data file shipped in the package."""
    return json.loads((_DATA / name).read_text(encoding="utf-8"))


def _alternation(patterns: list[str]) -> str:
    """Longest first, so 'more than' wins over 'more' inside one alternation."""
    return "|".join(sorted(patterns, key=len, reverse=True))


def _word_regex(patterns: list[str]) -> re.Pattern[str] | None:
    """Case-insensitive whole-word regex over the lexicon's patterns."""
    if not patterns:
        return None
    return re.compile(rf"(?<![\w]){'(?:' + _alternation(patterns) + ')'}(?![\w])", re.IGNORECASE)


def detect_language(text: str) -> str:
    """Script heuristic for text with no declared language: enough to pick a lexicon."""
    cyr = sum(1 for ch in text[:4000] if "\u0400" <= ch <= "\u04ff")
    lat = sum(1 for ch in text[:4000] if ch.isascii() and ch.isalpha())
    if cyr <= lat:
        return "en"
    if "ў" in text or "Ў" in text:
        return "be"
    if any(ch in text for ch in "іїєґІЇЄҐ"):
        return "uk"
    return "ru"


def normalise_language(language: str | None, text: str) -> str:
    """A lexicon code for the article: its declared language if we have data for it."""
    code = (language or "").lower().split("-")[0].split("_")[0]
    if code in KNOWN:
        return code
    return detect_language(text)


@lru_cache(maxsize=16)
def load_lexicon(lang: str) -> Lexicon:
    """Load and compile one language's lexicon; cached because every sentence needs it."""
    name = lang if lang in KNOWN else "en"
    raw = _read(f"{name}.json")
    events = tuple(
        (etype, rx)
        for etype, pats in raw.get("events", {}).items()
        if (rx := _word_regex(list(pats))) is not None
    )
    agencies = frozenset(_read("agencies.json")["agencies"])
    return Lexicon(
        lang=name,
        raw=raw,
        events=events,
        hedges=_word_regex(list(raw.get("hedges", []))),
        agencies=agencies,
        object_breaks=_word_regex(list(raw.get("object_breaks", []))),
        relative=_word_regex(list(raw.get("relative_pronouns", []))),
    )
