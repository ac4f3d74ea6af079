"""Organisation names: case/punctuation-insensitive equality, acronym vs expansion."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from consilience.names.fold import skeletons, to_ascii, tokens
from consilience.names.tables import words

_LEGAL = frozenset({"inc", "ltd", "llc", "gmbh", "ooo", "oao", "zao", "plc", "ag", "sa", "co"})


@dataclass(frozen=True, slots=True)
class OrgName:
    """An organisation name reduced to what identifies it."""

    raw: str
    norm: str  # ASCII words without legal forms: 'deutsche presse agentur'
    acronym: str  # first letters of the significant words: 'dpa'
    compact: str  # letters only, for a name written as an acronym: 'd.p.a.' -> 'dpa'
    skeleton: str  # folded words, for the same name in two scripts


@lru_cache(maxsize=65536)
def parse_org(raw: str) -> OrgName:
    """Normalise an organisation name once; cached because blocks compare it many times."""
    ascii_words = [w for w in re.split(r"[^a-z0-9]+", to_ascii(raw)) if w]
    significant = [w for w in ascii_words if w not in _LEGAL]
    stop = words("org_stopwords.txt")
    acronym = "".join(w[0] for w in significant if w not in stop)
    skel = " ".join(s[0] for t in tokens(raw) if (s := skeletons(t)) and t.casefold() not in _LEGAL)
    return OrgName(raw, " ".join(significant), acronym, "".join(significant), skel)


def looks_like_org(raw: str) -> bool:
    """An org keyword in the name, or the whole name written as a short acronym (DPA, КГБ)."""
    org_words = words("org_words.txt")
    toks = tokens(raw)
    if any(t.casefold() in org_words or to_ascii(t) in org_words for t in toks):
        return True
    letters = "".join(toks)
    return 2 <= len(letters) <= 6 and letters.isupper() and len(toks) <= 3


def compare_orgs(a: OrgName, b: OrgName) -> tuple[bool, float, str]:
    """Same organisation? With the rule that decided it."""
    if a.norm and a.norm == b.norm:
        return True, 1.0, f"same name ignoring case, punctuation and legal form ('{a.norm}')"
    for short, long_ in ((a, b), (b, a)):
        is_short = all(len(w) == 1 for w in short.norm.split()) or " " not in short.norm
        if is_short and len(short.compact) >= 2 and short.compact == long_.acronym:
            return (
                True,
                0.9,
                (
                    f"'{short.raw}' is the acronym of '{long_.raw}' (initials {long_.acronym.upper()})"
                ),
            )
    if a.skeleton and a.skeleton == b.skeleton:
        return True, 0.85, f"same words after transliteration folding ('{a.skeleton}')"
    return (
        False,
        0.1,
        (
            f"different organisation names ('{a.norm}' vs '{b.norm}') and neither is an acronym of the other"
        ),
    )
