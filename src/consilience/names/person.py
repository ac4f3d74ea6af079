"""Person names: parse into given / patronymic / surname, then compare part by part."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from consilience.names.fold import lite, skeletons, to_ascii, tokens
from consilience.names.given import GivenSet, initial_class, lookup
from consilience.names.tables import rows, words

_INITIAL = re.compile(r"^[^\W\d_]{1,2}\.?$", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Part:
    """One word of a name with what we know about it."""

    text: str
    skeletons: tuple[str, ...]
    given: tuple[GivenSet, ...]
    initial: bool


@dataclass(frozen=True, slots=True)
class PersonName:
    """A parsed person name; any part may be missing ('M. Kolesnikova', 'Kolesnikova')."""

    raw: str
    surname: Part | None
    given: Part | None
    patronymic: Part | None
    surname_gender: str  # "m", "f" or ""
    gender_label: str  # the ending that decided surname_gender, for explanations
    surname_first: bool


@cache
def _gender_rules() -> tuple[tuple[str, re.Pattern[str], str], ...]:
    return tuple((g, re.compile(rx), label) for g, rx, label in rows("surname_gender.tsv"))


@lru_cache(maxsize=65536)
def surname_gender(surname: str) -> tuple[str, str]:
    """('f', '-ova/-eva') etc. from the surname's ending; ('', '') when it carries no gender."""
    word = lite(surname)
    for gender, rx, label in _gender_rules():
        if rx.search(word):
            return gender, label
    return "", ""


def _is_patronymic(text: str) -> bool:
    word = lite(text)
    return any(word.endswith(suf) for suf in words("patronymic_suffixes.txt"))


def _part(text: str) -> Part:
    is_initial = bool(_INITIAL.match(text)) and (len(text.rstrip(".")) == 1 or text.endswith("."))
    return Part(
        text=text,
        skeletons=() if is_initial else skeletons(text),
        given=() if is_initial else lookup(text),
        initial=is_initial,
    )


def _split_initials(raw: str) -> list[str]:
    """'M.V. Kolesnikova' -> ['M.', 'V.', 'Kolesnikova']; hyphenated surnames stay one word."""
    out: list[str] = []
    for chunk in raw.replace(",", " , ").split():
        if chunk == ",":
            out.append(chunk)
            continue
        if "." not in chunk:  # the common case: no initials to split off
            out.extend(tokens(chunk))
            continue
        pieces = (
            re.findall(r"[^\W\d_]{1,2}\.", chunk)
            if re.fullmatch(r"(?:[^\W\d_]{1,2}\.)+", chunk)
            else []
        )
        if pieces:
            out.extend(pieces)
        else:
            out.extend(t for t in tokens(chunk))
            if chunk.endswith(".") and tokens(chunk) and len(tokens(chunk)[-1]) <= 2:
                out[-1] = out[-1] + "."
    return out


def _order_score(parts: list[Part], surname_idx: int) -> int:
    """How plausible it is that parts[surname_idx] is the surname (the rest given, patronymic)."""
    score = 0
    rest = [p for i, p in enumerate(parts) if i != surname_idx]
    sur = parts[surname_idx]
    if sur.initial:
        score -= 5
    if sur.given:
        score -= 2
    if rest and (rest[0].given or rest[0].initial):
        score += 2
    if len(rest) > 1 and (_is_patronymic(rest[1].text) or rest[1].initial):
        score += 1
    if sur.text.isupper() and len(sur.text) > 2:
        score += 2  # KOLESNIKOVA Maria: capitals mark the surname in registers and lists
    return score


@lru_cache(maxsize=65536)
def parse_person(raw: str) -> PersonName:
    """Parse a person name in either order (Maria Kolesnikova / Kolesnikova Maria / Kolesnikova, M.)."""
    words_ = _split_initials(raw)
    comma = "," in words_ and words_.index(",") > 0
    parts = [_part(w) for w in words_ if w != ","]
    if not parts:
        return PersonName(raw, None, None, None, "", "", False)
    if len(parts) == 1:
        sur = parts[0]
        if sur.initial:
            return PersonName(raw, None, sur, None, "", "", False)
        g, label = surname_gender(sur.text)
        return PersonName(raw, sur, None, None, g, label, False)
    last, first = len(parts) - 1, 0
    if comma:
        surname_first = True
    else:
        surname_first = _order_score(parts, first) > _order_score(parts, last)
    if surname_first:
        sur, rest = parts[0], parts[1:]
    else:
        sur, rest = parts[-1], parts[:-1]
    given = rest[0] if rest else None
    patronymic = rest[1] if len(rest) > 1 else None
    g, label = surname_gender(sur.text)
    return PersonName(raw, sur, given, patronymic, g, label, surname_first)


def initials_of(part: Part) -> frozenset[str]:
    """Initial letters a name part may be abbreviated to (all romanisations of its set)."""
    if part.initial:
        return frozenset({initial_class(part.text)})
    out = {initial_class(part.text)}
    for gs in part.given:
        out |= gs.initials
    return frozenset(out)


def ascii_form(text: str) -> str:
    """Readable ASCII for explanations ('Колесникова' -> 'kolesnikova')."""
    return to_ascii(text)
