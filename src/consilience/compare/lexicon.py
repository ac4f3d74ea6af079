"""Per-language word lists for comparison, loaded once from package data (adding a language is adding a file)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from anyascii import anyascii

try:  # snowball stemmers give head-noun lemmas for many languages without a model download
    import snowballstemmer
except ImportError:  # pragma: no cover - degrade to lower-casing when the stemmer is absent
    snowballstemmer = None

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?|%", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """One language's phrases, already stemmed so matching is a tuple comparison."""

    language: str
    stemmer: str
    subjects: dict[tuple[str, ...], str]  # stemmed phrase -> concept
    person_concepts: frozenset[str]
    neutral_modifiers: frozenset[str]  # stemmed
    events: dict[tuple[str, ...], str]  # stemmed phrase -> event family
    lower_bound: tuple[str, ...]
    upper_bound: tuple[str, ...]
    approximate: tuple[str, ...]
    vague_numbers: dict[str, tuple[float, float]]
    update_words: tuple[str, ...]
    cumulative_markers: tuple[str, ...]
    past_occasion_markers: tuple[str, ...]


def words(text: str) -> list[str]:
    """Lower-cased word tokens; ё folded to е because writers use both."""
    return [w.replace("ё", "е").replace("’", "'") for w in _WORD.findall(text.casefold())]


@cache
def _stemmer(name: str):
    if snowballstemmer is None:
        return None
    return snowballstemmer.stemmer(name)


def stem_words(tokens: list[str], stemmer: str) -> tuple[str, ...]:
    """Stems of the tokens (possessive 's dropped first)."""
    tokens = [t.removesuffix("'s") for t in tokens]
    st = _stemmer(stemmer)
    return tuple(st.stemWords(tokens)) if st else tuple(tokens)


def _phrase_table(table: dict[str, list[str]], stemmer: str) -> dict[tuple[str, ...], str]:
    out: dict[tuple[str, ...], str] = {}
    for concept, phrases in table.items():
        if concept.startswith("_"):
            continue
        for phrase in phrases:
            out[stem_words(words(phrase), stemmer)] = concept
    return out


def _load(name: str) -> Lexicon:
    raw = json.loads(
        resources.files("consilience")
        .joinpath("data", "compare")
        .joinpath("lexicon", name)
        .read_text("utf-8")
    )
    stem = raw["stemmer"]
    return Lexicon(
        language=raw["language"],
        stemmer=stem,
        subjects=_phrase_table(raw["subjects"], stem),
        person_concepts=frozenset(raw["person_concepts"]),
        neutral_modifiers=frozenset(stem_words(words(" ".join(raw["neutral_modifiers"])), stem)),
        events=_phrase_table(raw["events"], stem),
        lower_bound=tuple(raw["lower_bound"]),
        upper_bound=tuple(raw["upper_bound"]),
        approximate=tuple(raw["approximate"]),
        vague_numbers={k: (float(a), float(b)) for k, (a, b) in raw["vague_numbers"].items()},
        update_words=tuple(raw["update_words"]),
        cumulative_markers=tuple(raw["cumulative_markers"]),
        past_occasion_markers=tuple(raw["past_occasion_markers"]),
    )


@cache
def all_lexicons() -> tuple[Lexicon, ...]:
    """Every shipped language, English first (it is the fallback for Latin script)."""
    folder = resources.files("consilience").joinpath("data", "compare").joinpath("lexicon")
    names = sorted(p.name for p in folder.iterdir() if p.name.endswith(".json"))
    names.sort(key=lambda n: n != "en.json")
    return tuple(_load(n) for n in names)


_CYRILLIC = re.compile("[\u0400-\u04ff]")


def lexicons_for(text: str) -> tuple[Lexicon, ...]:
    """The lexicons worth trying for a text: Cyrillic text gets Cyrillic-script languages first."""
    return _lexicons_for_script(bool(_CYRILLIC.search(text)))


@cache
def _lexicons_for_script(cyrillic: bool) -> tuple[Lexicon, ...]:
    lexs = all_lexicons()
    if cyrillic:
        return tuple(lx for lx in lexs if lx.stemmer in {"russian"}) or lexs
    return tuple(lx for lx in lexs if lx.stemmer not in {"russian"}) or lexs


@cache
def data_json(name: str) -> dict:
    """A JSON table from the compare data folder."""
    return json.loads(
        resources.files("consilience").joinpath("data", "compare").joinpath(name).read_text("utf-8")
    )


@lru_cache(maxsize=500_000)
def fold(text: str) -> str:
    """ASCII-folded, lower-cased words joined by single spaces: the key for alias matching."""
    tokens = (w[:-2] if w.endswith("'s") else w.replace("'", "") for w in words(anyascii(text)))
    return " ".join(tokens)


@cache
def _alternation(phrases: tuple[str, ...]) -> re.Pattern[str]:
    ordered = sorted({p.casefold() for p in phrases}, key=len, reverse=True)
    return re.compile(r"(?<![\w])(" + "|".join(re.escape(p) for p in ordered) + r")(?![\w])")


def find_phrases(text: str, phrases: tuple[str, ...]) -> list[str]:
    """Every listed phrase found as whole words (one compiled pattern per list, so it stays cheap)."""
    if not phrases:
        return []
    return _alternation(phrases).findall(text.casefold().replace("ё", "е"))
