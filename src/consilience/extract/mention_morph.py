"""Nominative forms of Cyrillic names, so "Колесниковой" and "Колесникову" become "Колесникова"."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from consilience.extract.mention_lexicon import CYRILLIC_LANGUAGES, Lexicon, load_lexicon


@lru_cache(maxsize=1)
def _pymorphy() -> Any | None:
    """natasha's pymorphy2 analyser when installed (optional); None means use the ending rules."""
    try:
        from natasha import MorphVocab
    except Exception:  # noqa: BLE001 - missing, or pkg_resources absent: fall back to rules
        return None
    try:
        return MorphVocab()
    except Exception:  # noqa: BLE001
        return None


def is_cyrillic(word: str) -> bool:
    """True when the word's letters are Cyrillic (Russian, Ukrainian, Belarusian)."""
    return any("\u0400" <= ch <= "\u04ff" for ch in word)


def _match_case(word: str, like: str) -> str:
    return word[:1].upper() + word[1:] if like[:1].isupper() else word


def rule_candidates(word: str, lexicon: Lexicon) -> list[str]:
    """Possible nominatives by ending table, most likely first; the word itself comes last."""
    low = word.casefold()
    out: list[str] = []
    for ending, forms in lexicon.nominative:
        if low.endswith(ending) and len(low) - len(ending) >= 2:
            stem = word[: len(word) - len(ending)]
            out.extend(stem + form for form in forms)
            break
    if word not in out:
        out.append(word)
    return out


def _morph_candidates(word: str, gender: str | None) -> list[str]:
    vocab = _pymorphy()
    if vocab is None:
        return []
    from pymorphy2.analyzer import MorphAnalyzer  # present whenever natasha is (it depends on it)
    parses = MorphAnalyzer.parse(vocab, word)
    named = [p for p in parses if {"Surn", "Name", "Geox", "Patr"} & set(p.tag.grammemes)]
    wanted = {"m": "masc", "f": "femn"}.get(gender or "")
    if wanted:
        named = [
            p for p in named if wanted in p.tag.grammemes or "ms-f" in p.tag.grammemes
        ] or named
    out: list[str] = []
    if any({"nomn", "sing"} <= set(p.tag.grammemes) for p in named or parses):
        out.append(word)  # already a nominative reading: keep "Умеров", do not invent "Умеры"
    for parse in named or parses[:1]:
        form = parse.inflect({"Nom"})  # natasha wraps pymorphy2 with UD feature names
        if form is not None and _match_case(form.word, word) not in out:
            out.append(_match_case(form.word, word))
    return out


def gender_of(form: str) -> str:
    """Rough grammatical gender of a nominative Slavic name: feminine names end in -а/-я/-ая."""
    low = form.casefold()
    if low.endswith(
        ("ая", "ая", "ска", "цка", "ова", "ева", "ина", "ына", "ава", "ія", "ия", "а", "я")
    ):
        return "f"
    return "m"


def nominative_candidates(word: str, language: str, gender: str | None = None) -> list[str]:
    """Candidate nominative forms of one Cyrillic name token, best first."""
    if not is_cyrillic(word):
        return [word]
    return list(_nominatives(word, language, gender))


@lru_cache(maxsize=65536)
def _nominatives(word: str, language: str, gender: str | None) -> tuple[str, ...]:
    """nominative_candidates, memoised: the mention rules ask about the same words many times
    (is it an organisation noun, a surname, a given name?) within and across articles."""
    lang = language if language in CYRILLIC_LANGUAGES else "ru"
    cands = _morph_candidates(word, gender) if lang == "ru" else []
    rules = rule_candidates(word, load_lexicon(lang))
    if gender:
        rules = [c for c in rules if gender_of(c) == gender] + [
            c for c in rules if gender_of(c) != gender
        ]
    for cand in rules:
        if cand not in cands:
            cands.append(cand)
    if gender:
        # The given name's gender decides between readings: "Ольга Грибова" is a woman named
        # Грибова, not the genitive of Грибов (stable sort keeps the analyser's order otherwise).
        cands.sort(key=lambda c: gender_of(c) != gender)
    return tuple(cands)


def is_adjective(word: str) -> bool:
    """True when pymorphy2 reads a Cyrillic word as an adjective and never as a surname
    ('Американская', 'Нобелевского'); always False without natasha installed."""
    if not is_cyrillic(word) or _pymorphy() is None:
        return False
    from pymorphy2.analyzer import MorphAnalyzer

    parses = MorphAnalyzer.parse(_pymorphy(), word)
    if any("Surn" in p.tag.grammemes for p in parses):
        return False
    return bool(parses) and parses[0].tag.POS in ("ADJF", "ADJS")
