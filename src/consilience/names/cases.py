"""Russian oblique cases of full names -> nominative readings ("Марии Колесниковой" -> "Мария Колесникова").

News text names people in every case ("задержали Илью Вартанова"); the comparison tables are
nominative. A case form alone is often ambiguous: "Колесникова" is a woman's nominative or the
genitive/accusative of the man's "Колесников". The given name in the same phrase settles it,
because its case endings are distinct and the lexicon gives its gender, so every reading here
needs a known given name in the same case and gender as the surname.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from consilience.names.fold import is_cyrillic, tokens
from consilience.names.given import lookup
from consilience.names.person import surname_gender
from consilience.names.tables import rows

CASE_NAMES = {
    "gen": "genitive",
    "dat": "dative",
    "acc": "accusative",
    "inst": "instrumental",
    "prep": "prepositional",
}
_ORDER = tuple(CASE_NAMES)


@dataclass(frozen=True, slots=True)
class _Rule:
    part: str
    gender: str  # "m", "f" or "*" (either)
    cases: frozenset[str]
    pattern: re.Pattern[str]
    repls: tuple[str, ...]  # "=" keeps the word (indeclinable)


@dataclass(frozen=True, slots=True)
class Reading:
    """One nominative reading of a name written in an oblique case, with the reason."""

    nominative: str
    cases: tuple[str, ...]
    gender: str
    why: str


@cache
def _rules() -> tuple[_Rule, ...]:
    """Compiled rules from data/names/ru_cases.tsv."""
    return tuple(
        _Rule(
            part,
            gender,
            frozenset(cases.split(",")),
            re.compile(rx),
            tuple("" if r == "_" else r for r in repl.split("|")),
        )
        for part, gender, cases, rx, repl, *_ in rows("ru_cases.tsv")
    )


@lru_cache(maxsize=65536)
def _nominatives(word: str, part: str, gender: str) -> dict[str, frozenset[str]]:
    """Nominative candidate -> the cases in which `word` is that candidate's form."""
    low = word.lower()
    out: dict[str, set[str]] = {}
    for rule in _rules():
        if rule.part != part or rule.gender not in (gender, "*") or not rule.pattern.search(low):
            continue
        for repl in rule.repls:
            nom = low if repl == "=" else rule.pattern.sub(repl, low)
            if nom and nom != low or repl == "=":
                out.setdefault(nom, set()).update(rule.cases)
    return {k: frozenset(v) for k, v in out.items()}


@cache
def _lexicon_forms() -> frozenset[str]:
    """Given names exactly as listed, to prefer 'Мария' over the folded-equal 'Мариья'."""
    return frozenset(
        v.strip().lower() for row in rows("given_names.tsv") for v in row[1].split("|")
    )


def _given_readings(word: str, gender: str) -> dict[str, frozenset[str]]:
    """Only candidates the given-name lexicon knows with that gender, one per name set."""
    by_set: dict[frozenset[int], dict[str, frozenset[str]]] = {}
    for nom, cases in _nominatives(word, "given", gender).items():
        ids = frozenset(g.id for g in lookup(nom) if g.gender == gender)
        if ids:
            by_set.setdefault(ids, {})[nom] = cases
    out: dict[str, frozenset[str]] = {}
    for cands in by_set.values():
        listed = [n for n in cands if n in _lexicon_forms()]
        out[(listed or list(cands))[0]] = frozenset().union(*cands.values())
    return out


def _restore_case(nom: str, like: str) -> str:
    return nom.capitalize() if like[:1].isupper() else nom


def _surname_genders(surname: str) -> set[str]:
    """Genders under which the written surname can be read (as a case form or a nominative)."""
    low = surname.lower()
    out = {g for g in ("m", "f") if set(_nominatives(surname, "surname", g)) - {low}}
    own, _ = surname_gender(surname)
    if own == "f":  # -ova/-ina/-skaya as written: a woman's nominative
        out.add("f")
    return out


def _ambiguity(surname: str, gender: str, given: str) -> str:
    """Say so when the surname alone would also fit the other gender, and what decided."""
    if len(_surname_genders(surname)) < 2:
        return ""
    sex = "man" if gender == "m" else "woman"
    return (
        f"; '{surname}' alone is ambiguous (a man's or a woman's surname in some case), "
        f"the given name '{given}' is a {sex}'s in the same case and decides"
    )


def _layouts(n: int) -> tuple[tuple[str, ...], ...]:
    """Which word is which: given-first or surname-first, with an optional patronymic."""
    if n == 2:
        return (("given", "surname"), ("surname", "given"))
    return (("given", "patronymic", "surname"), ("surname", "given", "patronymic"))


@lru_cache(maxsize=65536)
def nominative_readings(name: str) -> tuple[Reading, ...]:
    """Nominative readings of a Cyrillic full name in an oblique case (empty when none fits)."""
    words = tokens(name)
    if not 2 <= len(words) <= 3 or not is_cyrillic(name):
        return ()
    out: dict[str, Reading] = {}
    for layout in _layouts(len(words)):
        for gender in ("m", "f"):
            per_word = [
                _given_readings(w, gender) if part == "given" else _nominatives(w, part, gender)
                for w, part in zip(words, layout)
            ]
            if not all(per_word):
                continue
            for combo in _combinations(per_word):
                cases = frozenset(_ORDER).intersection(*(c for _, c in combo))
                if not cases:
                    continue
                noms = [_restore_case(n, w) for (n, _), w in zip(combo, words)]
                nominative = " ".join(noms)
                if nominative.lower() == " ".join(words).lower() or nominative in out:
                    continue
                case_list = tuple(c for c in _ORDER if c in cases)
                label = "/".join(CASE_NAMES[c] for c in case_list)
                given = words[layout.index("given")]
                sur_i = layout.index("surname")
                why = f"read '{name}' as the {label} of '{nominative}'" + _ambiguity(
                    words[sur_i], gender, given
                )
                out[nominative] = Reading(nominative, case_list, gender, why)
    return tuple(out.values())


def _combinations(
    per_word: list[dict[str, frozenset[str]]],
) -> list[list[tuple[str, frozenset[str]]]]:
    """Every choice of one candidate per word (lists are short: 1-3 candidates each)."""
    combos: list[list[tuple[str, frozenset[str]]]] = [[]]
    for cands in per_word:
        combos = [c + [item] for c in combos for item in cands.items()]
    return combos
