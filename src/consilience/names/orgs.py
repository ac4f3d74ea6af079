"""Organisation names: case/punctuation-insensitive equality, acronym vs expansion."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from consilience.names.fold import skeletons, to_ascii, tokens
from consilience.names.tables import rows, words

_CO_PREFIX = re.compile(r"\bco-(?=[a-z])")
_MAX_FORM_WORDS = 6  # the longest legal form in the table, in words


@dataclass(frozen=True, slots=True)
class OrgName:
    """An organisation name reduced to what identifies it."""

    raw: str
    norm: str  # ASCII words without legal forms: 'deutsche presse agentur'
    acronym: str  # first letters of the significant words: 'dpa'
    compact: str  # letters only, for a name written as an acronym: 'd.p.a.' -> 'dpa'
    skeleton: str  # folded words, for the same name in two scripts
    legal: tuple[str, ...] = ()  # legal forms found ('ag', 'llc'), for explanations
    legal_classes: frozenset[str] = frozenset()  # their classes: joint_stock, limited, ...
    acronym_full: str = (
        ""  # initials with the legal words kept: BBC = British Broadcasting Corporation
    )


def _join_letters(words: list[str]) -> list[str]:
    """Runs of single letters become one word: 'a b c company' -> 'abc company' (A.B.C.)."""
    out: list[str] = []
    run = ""
    for w in words:
        if len(w) == 1 and w.isalpha():
            run += w
            continue
        if run:
            out.append(run)
            run = ""
        out.append(w)
    if run:
        out.append(run)
    return out


@cache
def _legal_forms() -> dict[tuple[str, ...], str]:
    """Legal form (as a word tuple) -> class, from data/names/org_legal_forms.tsv."""
    return {tuple(_join_letters(row[1].split())): row[0] for row in rows("org_legal_forms.tsv")}


def _strip_legal(words: list[str]) -> tuple[list[str], list[str]]:
    """Peel legal forms (longest first) off both ends; never strip the whole name away."""
    forms = _legal_forms()
    found: list[str] = []
    changed = True
    while changed and len(words) > 1:
        changed = False
        for n in range(min(_MAX_FORM_WORDS, len(words) - 1), 0, -1):
            if tuple(words[-n:]) in forms:
                found.append(" ".join(words[-n:]))
                words, changed = words[:-n], True
                break
            if tuple(words[:n]) in forms:
                found.append(" ".join(words[:n]))
                words, changed = words[n:], True
                break
    return words, found


@lru_cache(maxsize=65536)
def parse_org(raw: str) -> OrgName:
    """Normalise an organisation name once; cached because blocks compare it many times."""
    # "Co-operation" is one word; split on the hyphen its "Co" would read as a legal form
    text = _CO_PREFIX.sub("co", to_ascii(raw)).replace("'s ", "s ")
    ascii_words = _join_letters([w for w in re.split(r"[^a-z0-9]+", text) if w])
    if ascii_words[:1] == ["the"] and len(ascii_words) > 1:
        ascii_words = ascii_words[1:]
    significant, legal = _strip_legal(ascii_words)
    forms = _legal_forms()
    classes = frozenset(forms[tuple(f.split())] for f in legal)
    stop = words("org_stopwords.txt")
    acronym = "".join(w[0] for w in significant if w not in stop)
    acronym_full = "".join(w[0] for w in ascii_words if w not in stop)
    skel = " ".join(
        s[0] for t in tokens(raw) if (s := skeletons(t)) and (to_ascii(t),) not in forms
    )
    return OrgName(
        raw,
        " ".join(significant),
        acronym,
        "".join(significant),
        skel,
        tuple(legal),
        classes,
        acronym_full,
    )


@cache
def _distinctive_legal_words() -> frozenset[str]:
    """Legal forms flagged marks_org in the table: they make a name an organisation."""
    return frozenset(row[1] for row in rows("org_legal_forms.tsv") if row[2:] == ("marks_org",))


def looks_like_org(raw: str) -> bool:
    """An org keyword in the name, or the whole name written as a short acronym (DPA, КГБ)."""
    org_words = words("org_words.txt")
    toks = tokens(raw)
    if any(t.casefold() in org_words or to_ascii(t) in org_words for t in toks):
        return True
    if any(to_ascii(t) in _distinctive_legal_words() for t in toks):
        return True
    letters = "".join(toks)
    return 2 <= len(letters) <= 6 and letters.isupper() and len(toks) <= 3


def compare_orgs(a: OrgName, b: OrgName) -> tuple[bool, float, str]:
    """Same organisation? With the rule that decided it."""
    if a.norm and a.norm == b.norm:
        ca, cb = a.legal_classes - {"generic"}, b.legal_classes - {"generic"}
        if ca and cb and not ca & cb:
            return (
                False,
                0.3,
                (
                    f"same name '{a.norm}' but different kinds of legal entity "
                    f"({', '.join(a.legal)}: {', '.join(sorted(ca))} vs "
                    f"{', '.join(b.legal)}: {', '.join(sorted(cb))}): sister companies, not one"
                ),
            )
        forms = " / ".join(f for f in (", ".join(a.legal), ", ".join(b.legal)) if f)
        extra = f"; legal forms {forms} agree" if forms else ""
        return True, 1.0, f"same name ignoring case, punctuation and legal form ('{a.norm}'){extra}"
    for short, long_ in ((a, b), (b, a)):
        is_short = all(len(w) == 1 for w in short.norm.split()) or " " not in short.norm
        initials = next(
            (x for x in (long_.acronym, long_.acronym_full) if x and short.compact == x), ""
        )
        # "AFP Police" is no expansion of "AP": a word of it is an acronym already
        spelled_out = not any(len(t) >= 2 and t.isupper() for t in tokens(long_.raw))
        if is_short and len(short.compact) >= 2 and initials and spelled_out:
            return (
                True,
                0.9,
                f"'{short.raw}' is the acronym of '{long_.raw}' (initials {initials.upper()})",
            )
    if a.skeleton and a.skeleton == b.skeleton:
        return True, 0.85, f"same words after transliteration folding ('{a.skeleton}')"
    if _cyrillic(a.raw) and _cyrillic(b.raw) and _same_words_in_any_case(a.norm, b.norm):
        return True, 0.85, f"the same words in another grammatical case ('{a.raw}' / '{b.raw}')"
    return (
        False,
        0.1,
        (
            f"different organisation names ('{a.norm}' vs '{b.norm}') and neither is an acronym of the other"
        ),
    )


def _cyrillic(text: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in text)


def _same_words_in_any_case(a: str, b: str) -> bool:
    """'vestniku varnii' / 'vestnik varnii', 'svetocha' / 'svetoch': word by word, one stem and
    endings of at most three letters. Russian declines an outlet's or a group's name with the
    sentence («рассказала «Вестнику Варнии»»), so its forms differ only in their endings."""
    wa, wb = a.split(), b.split()
    if not wa or len(wa) != len(wb):
        return False
    for x, y in zip(wa, wb, strict=True):
        stem = 0
        while stem < min(len(x), len(y)) and x[stem] == y[stem]:
            stem += 1
        if stem < 5 or len(x) - stem > 3 or len(y) - stem > 3:
            return False
    return True
