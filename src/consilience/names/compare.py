"""compare_names: does name A denote the same person, place or organisation as name B?

Every answer carries a sentence saying which rule decided it, so a user can check it.
Comparison is symmetric by construction: the pair is put in a canonical order first.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from rapidfuzz.distance import OSA

from consilience.names.cases import nominative_readings
from consilience.names.fold import (
    consonants,
    is_cyrillic,
    letters_only,
    loose_skeletons,
    skeletons,
    to_ascii,
    tokens,
)
from consilience.names.orgs import compare_orgs, looks_like_org, parse_org
from consilience.names.person import Part, PersonName, initials_of, parse_person, surname_gender
from consilience.names.phonetic import phonetic_keys, phonetic_match
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
    if a.text.casefold() == b.text.casefold():
        return True, 1.0, f"same {role} {a.text}"
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
    frame = phonetic_match(a.text, b.text)
    if frame:
        return True, 0.9, f"{role}s {a.text} ~ {b.text} by cross-script phonetic folding ({frame})"
    return False, 0.2, f"different {role}s: {a.text} vs {b.text}"


def _same_consonants(a: Part, b: Part) -> bool:
    """Cheap necessary condition for a loose-skeleton match: the consonant frames agree."""
    return bool({consonants(x) for x in a.skeletons} & {consonants(x) for x in b.skeletons})


_MIN_TYPO_LEN = 5  # shorter surnames differ by one letter too often to call it a typo
_MIN_SUBST_LEN = 8  # one changed letter in a short name is usually another name (Losik/Lasik)


def _edit_kind(x: str, y: str) -> str | None:
    """'transposition', 'missing letter' or 'changed letter' when x and y are one edit apart."""
    if OSA.distance(x, y) != 1:
        return None
    if len(x) != len(y):
        return "missing letter"
    diff = [i for i in range(len(x)) if x[i] != y[i]]
    return "transposition" if len(diff) == 2 else "changed letter"


def _typo_edit(a: PersonName, b: PersonName) -> str | None:
    """Latin surnames one typing slip apart (Scholze/Scholz, Marcon/Macron) under strict guards.

    Both names must be Latin, have the very same given name, and keep the first letter; a
    gendered surname (-ova, -in, -sky) may only have two letters swapped, because one letter
    more or less there is a different family (Yashin/Yashkin, Peskov/Pesko).
    """
    sa, sb, ga, gb = a.surname, b.surname, a.given, b.given
    if sa is None or sb is None or ga is None or gb is None or ga.initial or gb.initial:
        return None
    if is_cyrillic(a.raw) or is_cyrillic(b.raw) or to_ascii(ga.text) != to_ascii(gb.text):
        return None
    x, y = letters_only(to_ascii(sa.text)), letters_only(to_ascii(sb.text))
    if min(len(x), len(y)) < _MIN_TYPO_LEN or x[0] != y[0]:
        return None
    kind = _edit_kind(x, y)
    if kind is None:
        return None
    gendered = bool(a.surname_gender or b.surname_gender)
    if kind == "changed letter" and (gendered or min(len(x), len(y)) < _MIN_SUBST_LEN):
        return None
    if kind == "missing letter" and gendered:
        return None
    return kind


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
    tier = "folded"
    if not shared and _same_consonants(sa, sb):  # loose folding only ever merges vowels
        shared = set(loose_skeletons(sa.text)) & loose_skeletons(sb.text)
        tier = "loose"
    if not shared and (frame := phonetic_match(sa.text, sb.text)):
        shared, tier = {frame}, "phonetic"
    if not shared and (edit := _typo_edit(a, b)):
        shared, tier = {edit}, "typo"
    if not shared:
        return (
            False,
            0.05,
            (
                f"different surnames: {_shown(sa.text)} vs {_shown(sb.text)} "
                f"(folded {sa.skeletons[0] if sa.skeletons else '-'} vs {sb.skeletons[0] if sb.skeletons else '-'})"
            ),
        )
    shown = f"{_shown(sa.text)} / {_shown(sb.text)}"
    first = next(iter(sorted(shared)))
    if to_ascii(sa.text) == to_ascii(sb.text):
        score, sur_why = 1.0, f"same surname {_shown(sa.text)}"
    elif tier == "loose":
        score, sur_why = (
            0.85,
            (
                f"same surname {shown} allowing the Belarusian a/e vowel "
                f"alternation (akanne/yakanne; skeleton {first})"
            ),
        )
    elif tier == "phonetic":
        score, sur_why = (
            0.8,
            (
                f"same surname {shown} by cross-script phonetic folding (the Latin spelling read "
                f"as English/German/French, as Russian transcribes it; consonant frame {first})"
            ),
        )
    elif tier == "typo":
        score, sur_why = 0.75, f"surnames {shown} differ by one {first} (a typo-level variant)"
    else:
        score, sur_why = (
            0.95,
            f"same surname {shown} after transliteration folding (skeleton {first})",
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
        a_s, b_s = strip_titles(a_s), strip_titles(b_s)
        same, score, why = compare_persons(parse_person(a_s), parse_person(b_s))
        if not same:
            same, score, why = _via_case_readings(a_s, b_s, (same, score, why))
    return NameMatch(same, max(0.0, min(1.0, score)), why, kind)


def _via_case_readings(a: str, b: str, plain: tuple[bool, float, str]) -> tuple[bool, float, str]:
    """Retry with nominative readings of Russian oblique-case names ('Илью Вартанова')."""
    ra, rb = nominative_readings(a), nominative_readings(b)
    if not ra and not rb:
        return plain
    best: tuple[bool, float, str] | None = None
    options_a = [(a, "")] + [(r.nominative, r.why) for r in ra]
    options_b = [(b, "")] + [(r.nominative, r.why) for r in rb]
    for na, wa in options_a:
        for nb, wb in options_b:
            if not (wa or wb):
                continue
            same, score, why = compare_persons(parse_person(na), parse_person(nb))
            if same and (best is None or score * 0.95 > best[1]):
                note = "; ".join(w for w in (wa, wb) if w)
                best = (True, round(score * 0.95, 3), f"{note}; {why}")
    return best or plain


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    """Titles and honorifics written before a name, in every language the mention lexicons know.

    Shared with mention detection (the same data), so "Dr", "Police Chief" and "Президент" are
    the same words in both places.
    """
    from consilience.extract.mention_lexicon import LANGUAGES, load_lexicon

    titles = {t.rstrip(".").casefold() for lang in LANGUAGES for t in load_lexicon(lang).titles | load_lexicon(lang).person_cues}
    return frozenset(t for t in titles if len(t) > 1)  # French "M." is also an initial: "M. Kolesnikova"


def strip_titles(name: str) -> str:
    """A person's name without the titles before it: "Dr Randy Fandal" -> "Randy Fandal".

    Without this "Chief" or "Dr" was read as the given name, and "Dr Randy Fandal" was another
    person than "Randy Fandal". At least one word is kept ("President" alone stays).
    """
    words, titles = name.split(), _titles()
    while len(words) > 1:
        for n in (3, 2, 1):
            if len(words) > n and " ".join(w.rstrip(".").casefold() for w in words[:n]) in titles:
                words = words[n:]
                break
        else:
            break
    return " ".join(words)


def _person_keys(name: str) -> set[str]:
    """Surname frames (folded and phonetic) plus a given-name + initial key for typo variants."""
    p = parse_person(strip_titles(name))
    keys: set[str] = set()
    parts = [p.surname] if p.surname is not None else []
    parts += [
        pt for pt in (p.given, p.patronymic) if pt is not None and not pt.initial and not pt.given
    ]
    for part in parts:
        keys.update("p:" + consonants(s) for s in part.skeletons)
        keys.update("f:" + f for f in phonetic_keys(part.text))
    if p.surname is not None and p.given is not None and not p.given.initial:
        # typo tier: same given name, same first letter, lengths at most one apart; two
        # length buckets per name so that lengths L and L+1 always share one (L // 2)
        sur = letters_only(to_ascii(p.surname.text))
        given = to_ascii(p.given.text)
        for bucket in {len(sur) // 2, (len(sur) - 1) // 2}:
            keys.add(f"t:{given}:{sur[:1]}:{bucket}")
    return keys


def name_keys(name: str, kind: str | None = None) -> set[str]:
    """Blocking keys: two names that compare_names calls the same share at least one key.

    Persons: the consonant frame of the surname (and of every word that is not a known
    given name, in case the order was misread), its cross-script phonetic frames, a
    given-name + initial + length key for typo variants, and the same for the nominative
    reading of a Russian oblique-case name; places: gazetteer ids and the folded spelling;
    organisations: normalised name (legal forms stripped), acronym and folded words.
    """
    name = (name or "").strip()
    keys: set[str] = set()
    if not tokens(name):
        return keys
    if kind in (None, "person"):
        keys |= _person_keys(name)
        for reading in nominative_readings(name):
            keys |= _person_keys(reading.nominative)
    if kind in (None, "place"):
        keys.update(place_ids(name))
        keys.add("w:" + _whole_skeleton(name))
    if kind in (None, "org"):
        o = parse_org(name)
        keys.update({"o:" + o.norm, "a:" + o.acronym, "a:" + o.compact, "w:" + o.skeleton})
        if o.acronym_full:
            keys.add("a:" + o.acronym_full)
    return keys


__all__ = [
    "NameMatch",
    "compare_names",
    "guess_kind",
    "name_keys",
    "normalise_name",
    "surname_gender",
]
