"""What a claim is about: the counted thing (head concept + modifiers) and the event family."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from consilience.compare.lexicon import data_json, find_phrases, lexicons_for, stem_words, words
from consilience.model import Claim


@dataclass(frozen=True, slots=True)
class Subject:
    """The counted thing: a concept ("prisoner"), the modifiers that narrow it, and any state ("dead")."""

    concept: str | None  # None when the claim names no counted thing
    modifiers: frozenset[str]
    person: bool  # a person concept, so it can align with the generic "people"
    text: str
    state: str | None = None  # event family a casualty noun implies: "погибших" -> die, "injured" -> injure


@cache
def _states() -> dict[str, str]:
    """Concept -> event family for counted things that are a state ('the dead'), from relations.json."""
    return dict(data_json("relations.json").get("states", {}))


_PREFIX_MIN = (
    4  # a lexicon stem this long also matches longer forms (погиб -> погибших, getöt -> getötet)
)


def _lookup(window: tuple[str, ...], table: dict[tuple[str, ...], str], prefix: bool) -> str | None:
    hit = table.get(window)
    if hit or not prefix:
        return hit
    for key, concept in table.items():
        if len(key) == len(window) and all(
            w == k or (len(k) >= _PREFIX_MIN and w.startswith(k))
            for w, k in zip(window, key, strict=True)
        ):
            return concept
    return None


def _match_phrase(
    stems: tuple[str, ...], table: dict[tuple[str, ...], str], prefix: bool = False
) -> tuple[int, int, str] | None:
    """Rightmost, longest phrase of the table in the stems: (start, end, concept); the head is last in en/ru/de."""
    best: tuple[int, int, str] | None = None
    for size in (3, 2, 1):
        for start in range(len(stems) - size, -1, -1):
            concept = _lookup(stems[start : start + size], table, prefix)
            if concept and (best is None or start + size > best[1]):
                best = (start, start + size, concept)
                break
    return best


def subject_of(claim: Claim) -> Subject:
    """Head concept of the claim's unit, with pre-head modifiers (post-head phrases are ignored).

    A duration counts its time unit: "eleven years" of a sentence and «11 лет колонии» ("years in
    prison") are one term, whether or not the writer named the prison.
    """
    if claim.extra.get("quantity_kind") == "duration" and claim.extra.get("unit_key"):
        return subject_of_text(claim.extra["unit_key"].split("_")[0])
    return subject_of_text(claim.unit or "")


def _phrases(stems: tuple[str, ...], table: dict[tuple[str, ...], str]) -> list[tuple[int, int, str]]:
    """Every non-overlapping phrase of the table, found right to left (the head first)."""
    found: list[tuple[int, int, str]] = []
    end = len(stems)
    while end > 0:
        hit = _match_phrase(stems[:end], table)
        if not hit:
            break
        found.append(hit)
        end = hit[0]
    return found


@cache
def subject_of_text(text: str) -> Subject:
    """subject_of for a bare unit string; cached because every pair of claims asks again.

    A casualty word ("dead", "погибших", "injured") is a state, not the counted kind: in "miners
    injured" or "погибших горняков" the kind is the miners and the state says what happened to
    them; a bare "23 пострадавших" counts people of any kind.
    """
    if not text.strip():
        return Subject(None, frozenset(), False, "")
    tokens = [t for t in words(text) if not t.isdigit()]
    states = _states()
    for lx in lexicons_for(text):
        stems = stem_words(tokens, lx.stemmer)
        hits = _phrases(stems, lx.subjects)
        if not hits:
            continue
        used = {k for start, end, _ in hits for k in range(start, end)}
        state = next((states[c] for _, _, c in hits if c in states), None)
        kinds = [(start, end, c) for start, end, c in hits if c not in states]
        start, end, concept = kinds[0] if kinds else (hits[0][0], hits[0][1], "person")
        # pre-head words narrow the group; state words and post-head phrases do not
        mods = frozenset(
            s for k, s in enumerate(stems[:start]) if k not in used and s not in lx.neutral_modifiers
        )
        if not kinds:  # only a state: "the dead", "пострадавших" count people of any kind
            return Subject("person", mods, True, text, state)
        if concept == "role":  # "journalists": people, narrowed to one role
            role = "role:" + " ".join(stems[start:end])
            return Subject("person", mods | {role}, True, text, state)
        return Subject(concept, mods, concept in lx.person_concepts, text, state)
    lx = lexicons_for(text)[0]
    stems = stem_words(tokens, lx.stemmer)
    if not stems:
        return Subject(None, frozenset(), False, text)
    # unknown head: the last word's stem stands for the concept, so "tonnes" still aligns with "tonnes"
    mods = frozenset(s for s in stems[:-1] if s not in lx.neutral_modifiers)
    return Subject(f"head:{stems[-1]}", mods, False, text)


def event_family(claim: Claim) -> str | None:
    """The event family of the claim's event type ("pardoned" and "released" are both `release`)."""
    return event_family_text(claim.event_type or "")


@cache
def event_family_text(text: str) -> str | None:
    """event_family for a bare event string, cached."""
    if not text.strip():
        return None
    for lx in lexicons_for(text):
        hit = _match_phrase(stem_words(words(text), lx.stemmer), lx.events, prefix=True)
        if hit:
            return hit[2]
    return "other:" + " ".join(words(text))


def subjects_compatible(a: Subject, b: Subject) -> tuple[bool, str]:
    """Same counted thing, or a generic 'people' against a person concept; missing units do not block."""
    if a.concept is None or b.concept is None:
        return True, "one side names no counted thing"
    if a.concept == b.concept:
        return True, f"both count {a.concept}"
    if (a.concept == "person" and b.person) or (b.concept == "person" and a.person):
        return True, f"'{a.text}' and '{b.text}' are the same kind of group (people)"
    return False, f"'{a.text}' and '{b.text}' count different things"


def lexicon_markers(text: str, attr: str) -> list[str]:
    """Marker phrases of one kind (update words, scope markers) found in the text, any shipped language."""
    found: list[str] = []
    for lx in lexicons_for(text):
        found += find_phrases(text, getattr(lx, attr))
    return found


__all__ = [
    "Subject",
    "event_family",
    "lexicon_markers",
    "subject_of",
    "subjects_compatible",
]
