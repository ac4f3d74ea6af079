"""Naming discrepancies: one entity written differently by different sources (Kalesnikava / Kolesnikova)."""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz.distance import JaroWinkler, Levenshtein

from consilience.compare.lexicon import data_json, fold
from consilience.compare.types import Discrepancy, StoryEntity
from consilience.extract.mention_morph import is_cyrillic, nominative_candidates


def _forms(token: str) -> set[str]:
    """A word folded, with the nominatives a Cyrillic word may be a case form of."""
    return {fold(t) for t in nominative_candidates(token, "ru")} | {fold(token)}


def _compatible(a: str, b: str) -> bool:
    """Short and full forms of one spelling ("Kolesnikova", "Maria Kolesnikova") are no
    discrepancy, and neither are grammatical cases ("Степана Грибова" / "Stepan Gribov")."""
    ta, tb = [_forms(t) for t in a.split()], [_forms(t) for t in b.split()]
    small, large = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    return all(any(x & y for y in large) for x in small)


def _scripts_differ(a: str, b: str) -> bool:
    return is_cyrillic(a) != is_cyrillic(b)


def explain_spelling(x: str, y: str) -> str:
    """Why x and y differ: greedily apply known romanisation patterns to x until it reads y."""
    hints = data_json("romanisation.json")["hints"]
    current, reasons = x, []
    improved = True
    while improved and current != y:
        improved = False
        for p, q, why in hints:
            for src, dst in ((p, q), (q, p)):
                start = current.find(src)
                while start >= 0:
                    trial = current[:start] + dst + current[start + len(src) :]
                    if Levenshtein.distance(trial, y) < Levenshtein.distance(current, y):
                        current, improved = trial, True
                        if why not in reasons:
                            reasons.append(why)
                        break
                    start = current.find(src, start + 1)
    if current == y and reasons:
        return "; ".join(reasons)
    return f"spelled differently ({Levenshtein.distance(x, y)} letters apart)"


def _differing_tokens(a: str, b: str) -> list[tuple[str, str]]:
    """Pair the words that differ with their most similar counterpart; unrelated words are not paired."""
    ta = {fold(t): t for t in a.split()}
    tb = {fold(t): t for t in b.split()}
    only_b = [t for t in tb if t not in ta]
    pairs = []
    for t in (t for t in ta if t not in tb):
        if only_b:
            best = max(only_b, key=lambda u: JaroWinkler.similarity(t, u))
            if JaroWinkler.similarity(t, best) >= 0.7:
                pairs.append((ta[t], tb[best]))
    return pairs


def discrepancies(entities: Sequence[StoryEntity]) -> tuple[Discrepancy, ...]:
    """Entities whose sources disagree on spelling; each with the variants by article and why.

    Forms that differ only by script but transliterate to one spelling are not reported: that is
    a language difference, not one source contradicting another. Nor is a place named in two
    scripts ("Vilnius" / "Вильнюс"): each language has its own name for a place, while a person's
    name is romanised by choice, and that choice is what a checker compares.
    """
    out = []
    for e in entities:
        surfaces = [(s, set(arts)) for s, arts in e.variants.items() if arts]
        notes: list[str] = []
        seen: set[tuple[str, str]] = set()
        for i, (s1, a1) in enumerate(surfaces):
            for s2, a2 in surfaces[i + 1 :]:
                if _compatible(s1, s2) or not (a1 - a2) or not (a2 - a1):
                    continue
                if e.type == "place" and _scripts_differ(s1, s2):
                    continue
                for x, y in _differing_tokens(s1, s2):
                    if (x, y) in seen or (y, x) in seen:
                        continue
                    seen.add((x, y))
                    notes.append(
                        f"{', '.join(sorted(a1 - a2))}: '{x}' / {', '.join(sorted(a2 - a1))}: '{y}' "
                        f"({explain_spelling(fold(x), fold(y))})"
                    )
        if notes:
            out.append(
                Discrepancy(
                    e.id, e.name, {s: tuple(a) for s, a in e.variants.items()}, "; ".join(notes)
                )
            )
    return tuple(out)
