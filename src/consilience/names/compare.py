"""compare_names: does name A denote the same person, place or organisation as name B?

Every answer carries a sentence saying which rule decided it, so a user can check it.
Comparison is symmetric by construction: the pair is put in a canonical order first.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from consilience.names.fold import consonants, loose_skeletons, skeletons, to_ascii, tokens
from consilience.names.orgs import compare_orgs, looks_like_org, parse_org
from consilience.names.person import Part, PersonName, initials_of, parse_person, surname_gender
from consilience.names.places import is_primary_place_name, place_ids, place_label

Kind = Literal["person", "place", "org"]
KINDS = ("person", "place", "org")


@dataclass(frozen=True, slots=True)
class NameMatch:
    """The answer for one pair: same entity or not, how sure (0..1), why, and as what kind."""

    same: bool
    score: float
    why: str
    kind: str


def normalise_name(name: str) -> str:
    """ASCII-folded canonical form: lower case, words separated by single spaces."""
    return " ".join(to_ascii(t) for t in tokens(name))


# ---------------------------------------------------------------- kind


def _single_word(name: str) -> bool:
    return len(tokens(name)) == 1


def guess_kind(a: str, b: str) -> Kind:
    """Org by keyword or acronym; place when the gazetteer knows the names; else person."""
    if looks_like_org(a) or looks_like_org(b):
        return "org"
    pa, pb = place_ids(a), place_ids(b)
    if pa or pb:
        given_a, given_b = parse_person(a), parse_person(b)
        person_like = any(p.given is not None and p.given.given for p in (given_a, given_b)) or (
            _single_word(a) and _single_word(b) and _only_given(a) and _only_given(b)
        )
        primary = is_primary_place_name(a) or is_primary_place_name(b)
        if not person_like and primary and ((pa and pb) or _single_word(a) or _single_word(b)):
            return "place"
    return "person"


def _only_given(name: str) -> bool:
    p = parse_person(name)
    return p.surname is not None and bool(p.surname.given)


# ---------------------------------------------------------------- persons


def _shown(text: str) -> str:
    ascii_text = to_ascii(text)
    return f"'{text}'" if ascii_text == text.lower() else f"'{text}' ({ascii_text})"


def _stem_skeletons(surname: str, label: str) -> set[str]:
    """Skeletons of a surname without its gender ending, to tell relatives from strangers."""
    from consilience.names.person import _gender_rules, lite

    word = lite(surname)
    for _, rx, lab in _gender_rules():
        if lab == label:
            word = rx.sub("", word)
            break
    return set(skeletons(word))


def _compare_given(a: Part, b: Part, role: str) -> tuple[bool | None, float, str]:
    """(agree?, factor, reason) for two given names or patronymics; None = nothing to compare."""
    if a.initial or b.initial:
        ia, ib = initials_of(a), initials_of(b)
        if ia & ib:
            return True, 0.88, f"{role} initial {a.text} fits {b.text}"
        return False, 0.2, f"{role} initials differ ({a.text} vs {b.text})"
    sets_a, sets_b = {g.id for g in a.given}, {g.id for g in b.given}
    if sets_a & sets_b:
        shared = next(g for g in a.given if g.id in sets_b)
        if set(a.skeletons) & set(b.skeletons):
            return True, 1.0, f"{role}s {a.text} = {b.text}"
        return True, 0.97, f"{role}s {a.text} = {b.text} (one name: {shared.display})"
    if sets_a and sets_b:
        da, db = a.given[0].display, b.given[0].display
        return False, 0.15, f"different {role}s: {a.text} ({da}) vs {b.text} ({db})"
    if set(a.skeletons) & set(b.skeletons):
        return True, 0.95, f"{role}s {a.text} ~ {b.text} after transliteration folding"
    return False, 0.2, f"different {role}s: {a.text} vs {b.text}"


def compare_persons(a: PersonName, b: PersonName) -> tuple[bool, float, str]:
    """Surname (with gender), then given name, then patronymic; the first disagreement decides."""
    if a.surname is None or b.surname is None:
        return False, 0.0, "one name has no surname to compare"
    sa, sb = a.surname, b.surname
    if a.surname_gender and b.surname_gender and a.surname_gender != b.surname_gender:
        stems = _stem_skeletons(sa.text, a.gender_label) & _stem_skeletons(sb.text, b.gender_label)
        genders = (
            f"{a.gender_label}: {'female' if a.surname_gender == 'f' else 'male'} vs "
            f"{b.gender_label}: {'female' if b.surname_gender == 'f' else 'male'}"
        )
        if stems:
            return (
                False,
                0.25,
                (
                    f"same surname stem in two genders ({sa.text} / {sb.text}; {genders}): "
                    "relatives such as spouses or siblings, not one person"
                ),
            )
        return False, 0.05, f"different surnames {sa.text} vs {sb.text} ({genders})"
    shared = set(sa.skeletons) & set(sb.skeletons)
    loose = False
    if not shared:
        shared = set(loose_skeletons(sa.text)) & loose_skeletons(sb.text)
        loose = bool(shared)
    if not shared:
        return (
            False,
            0.05,
            (
                f"different surnames: {_shown(sa.text)} vs {_shown(sb.text)} "
                f"(folded {sa.skeletons[0] if sa.skeletons else '-'} vs {sb.skeletons[0] if sb.skeletons else '-'})"
            ),
        )
    if to_ascii(sa.text) == to_ascii(sb.text):
        score, sur_why = 1.0, f"same surname {_shown(sa.text)}"
    elif loose:
        score, sur_why = (
            0.85,
            (
                f"same surname {_shown(sa.text)} / {_shown(sb.text)} allowing the Belarusian a/e vowel "
                f"alternation (akanne/yakanne; skeleton {next(iter(sorted(shared)))})"
            ),
        )
    else:
        score, sur_why = (
            0.95,
            (
                f"same surname {_shown(sa.text)} / {_shown(sb.text)} after transliteration folding "
                f"(skeleton {next(iter(sorted(shared)))})"
            ),
        )
    reasons = [sur_why]
    if a.surname_gender and a.surname_gender == b.surname_gender:
        sex = "female" if a.surname_gender == "f" else "male"
        label = (
            a.gender_label
            if a.gender_label == b.gender_label
            else f"{a.gender_label}, {b.gender_label}"
        )
        reasons.append(f"surname gender endings agree ({label}: {sex})")
    if a.given is None or b.given is None:
        if a.given is None and b.given is None:
            return True, round(score * 0.8, 3), "; ".join(reasons) + "; surname alone on both sides"
        reasons.append(
            "surname-only match: one side gives no first name, so this may be a relative"
        )
        return True, round(score * 0.7, 3), "; ".join(reasons)
    agree, factor, why = _compare_given(a.given, b.given, "given name")
    reasons.append(why)
    if not agree:
        return (
            False,
            round(min(score * factor, 0.3), 3),
            (f"{why} with the same surname {sa.text}: different people"),
        )
    score *= factor
    if a.patronymic is not None and b.patronymic is not None:
        agree, factor, why = _compare_given(a.patronymic, b.patronymic, "patronymic")
        reasons.append(why)
        if not agree:
            return False, 0.2, "; ".join(reasons)
        score *= factor
    return True, round(score, 3), "; ".join(reasons)


# ---------------------------------------------------------------- places


def _whole_skeleton(name: str) -> str:
    return " ".join(s[0] for t in tokens(name) if (s := skeletons(t)))


def compare_places(a: str, b: str) -> tuple[bool, float, str]:
    """Same gazetteer entry, or (only when the gazetteer lacks one of them) the same folded spelling."""
    ia, ib = place_ids(a), place_ids(b)
    if ia and ib:
        shared = ia & ib
        if shared:
            label = ", ".join(sorted(place_label(p) for p in shared)[:3])
            return True, 0.97, f"gazetteer: {a} and {b} are both names of {label}"
        la = ", ".join(sorted(place_label(p) for p in ia)[:2])
        lb = ", ".join(sorted(place_label(p) for p in ib)[:2])
        return False, 0.05, f"gazetteer: {a} is {la} but {b} is {lb}: different places"
    wa, wb = _whole_skeleton(a), _whole_skeleton(b)
    missing = " and ".join(n for n, ids in ((a, ia), (b, ib)) if not ids)
    if wa and wa == wb:
        return (
            True,
            0.7,
            f"{missing} not in the gazetteer; same spelling after transliteration folding ({wa})",
        )
    return (
        False,
        0.1,
        f"{missing} not in the gazetteer, and the spellings differ after folding ({wa} vs {wb})",
    )


# ---------------------------------------------------------------- entry points


def compare_names(a: str, b: str, kind: str | None = None) -> NameMatch:
    """Does name A denote the same person/place/organisation as name B, with no other context?

    Args:
        a, b: names in any script or romanisation.
        kind: "person", "place", "org", or None to guess (a gazetteer hit means place).

    Returns:
        NameMatch(same, score 0..1, why, kind); the same answer for (a, b) and (b, a).
    """
    a, b = (a, b) if (a, to_ascii(a)) <= (b, to_ascii(b)) else (b, a)
    a_s, b_s = (a or "").strip(), (b or "").strip()
    if kind is not None and kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS} or None, not {kind!r}")
    if not tokens(a_s) or not tokens(b_s):
        return NameMatch(False, 0.0, "one of the names has no letters", kind or "person")
    if kind is None:
        kind = guess_kind(a_s, b_s)
    if kind == "place":
        same, score, why = compare_places(a_s, b_s)
    elif kind == "org":
        same, score, why = compare_orgs(parse_org(a_s), parse_org(b_s))
    else:
        same, score, why = compare_persons(parse_person(a_s), parse_person(b_s))
    return NameMatch(same, max(0.0, min(1.0, score)), why, kind)


def name_keys(name: str, kind: str | None = None) -> set[str]:
    """Blocking keys: two names that compare_names calls the same share at least one key.

    Persons: the consonant frame of the surname (and of every word that is not a known
    given name, in case the order was misread); places: gazetteer ids and the folded
    spelling; organisations: normalised name, acronym and folded words.
    """
    name = (name or "").strip()
    keys: set[str] = set()
    if not tokens(name):
        return keys
    if kind in (None, "person"):
        p = parse_person(name)
        parts = [p.surname] if p.surname is not None else []
        parts += [
            pt
            for pt in (p.given, p.patronymic)
            if pt is not None and not pt.initial and not pt.given
        ]
        for part in parts:
            keys.update("p:" + consonants(s) for s in part.skeletons)
    if kind in (None, "place"):
        keys.update(place_ids(name))
        keys.add("w:" + _whole_skeleton(name))
    if kind in (None, "org"):
        o = parse_org(name)
        keys.update({"o:" + o.norm, "a:" + o.acronym, "a:" + o.compact, "w:" + o.skeleton})
    return keys


__all__ = [
    "NameMatch",
    "compare_names",
    "guess_kind",
    "name_keys",
    "normalise_name",
    "surname_gender",
]
