"""Cross-script phonetic keys: a Western name in Latin letters ~ its Russian transcription.

The Slavic folding in fold.py knows how Slavic names are romanised; it cannot know that
Russian writes English "Trump" as Трамп or "Coale" as Коул. Here the Latin side is rewritten
by how Russian writers hear English, German and French spellings (data/names/phonetic_latin.tsv),
the Cyrillic side is only romanised, and both are reduced to a consonant frame in which every
vowel run is one slot (V). A frame is coarse, so compare.py uses it only as a last tier, after
the gender and given-name rules have had their say.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from consilience.names.fold import is_cyrillic, letters_only, literal_of, to_ascii
from consilience.names.tables import rows

_MAX_VARIANTS = 16  # several optional readings multiply; the cap keeps a long token cheap
# Common classes for both sides, longest first: ч/ш/ж/щ/дж/х as in fold.py, s/z merged
# because Russian writes intervocalic English s as з (Rosa ~ Роза).
_CLASSES = (
    ("shch", "S"),
    ("dzh", "J"),
    ("sh", "S"),
    ("zh", "S"),
    ("ch", "C"),
    ("kh", "h"),
    ("ts", "c"),
    ("z", "s"),
)
_VOWELS = re.compile(r"[aeiouy]+")
_DOUBLE = re.compile(r"(.)\1+")


@dataclass(frozen=True, slots=True)
class _Rule:
    pattern: re.Pattern[str]
    repl: str
    others: tuple[str, ...]
    literal: str  # letters any match must contain (see fold.literal_of)


def _empty(text: str) -> str:
    return "" if text == "_" else text


@cache
def _rules() -> tuple[_Rule, ...]:
    """Compiled rules from data/names/phonetic_latin.tsv."""
    return tuple(
        _Rule(
            re.compile(rx),
            _empty(repl),
            () if others == "-" else tuple(_empty(o) for o in others.split("|")),
            literal_of(rx),
        )
        for rx, repl, others, *_ in rows("phonetic_latin.tsv")
    )


def _classed(word: str) -> str:
    """Common consonant classes ('shch' -> 'S', 'ts' -> 'c'), longest spelling first."""
    for src, dst in _CLASSES:
        if src in word:
            word = word.replace(src, dst)
    return word


def _frame(classed: str) -> str:
    """Vowel runs -> V, doubled letters collapsed: 'tramp' -> 'trVmp'."""
    return _DOUBLE.sub(r"\1", _VOWELS.sub("V", classed).replace("H", "h"))


def _latin_readings(word: str) -> list[str]:
    """Every reading of a Latin spelling under the rules, the main one first."""
    variants = [word]
    joined = word  # all variants joined by "|": one `in` test per rule (see fold._apply_all)
    for rule in _rules():
        lit, search = rule.literal, rule.pattern.search
        if lit and lit not in joined:
            continue
        if not rule.others:
            sub, repl = rule.pattern.sub, rule.repl
            variants = list(dict.fromkeys(sub(repl, v) for v in variants))
            joined = "|".join(variants)
            continue
        if not any(search(v) for v in variants):
            continue
        nxt: list[str] = []
        for v in variants:
            if not search(v):
                nxt.append(v)
                continue
            nxt.append(rule.pattern.sub(rule.repl, v))
            nxt += [rule.pattern.sub(o, v) for o in rule.others]
        variants = list(dict.fromkeys(nxt))[:_MAX_VARIANTS]
        joined = "|".join(variants)
    return variants


# Russian vowels (romanised) that may render each Latin vowel: English u is а in Трамп and е
# in Бернсайд, but o is never у on its own (Scholz is not Шульц); oo is у (Boothby ~ Бутби).
_VOWEL_FITS = {"a": "aeoy", "e": "eiay", "i": "iaey", "o": "oa", "u": "uaeoy", "y": "iaey"}


def _fits(latin_run: str, cyrillic_run: str) -> bool:
    """Can Russian write this Latin vowel run with these vowels?"""
    allowed = set("".join(_VOWEL_FITS.get(ch, "") for ch in latin_run))
    if "oo" in latin_run:
        allowed.add("u")
    return bool(allowed & set(cyrillic_run))


@lru_cache(maxsize=65536)
def _readings(token: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Frame -> the vowel runs of each reading that has that frame."""
    word = letters_only(to_ascii(token))
    if not word:
        return {}
    variants = [word] if is_cyrillic(token) else _latin_readings(word)
    out: dict[str, list[tuple[str, ...]]] = {}
    for v in variants:
        classed = _classed(v)
        runs = tuple(_VOWELS.findall(classed))
        out.setdefault(_frame(classed), []).append(runs)
    return {k: tuple(dict.fromkeys(v)) for k, v in out.items()}


def phonetic_keys(token: str) -> frozenset[str]:
    """Consonant frames of one name token ('Trump' and 'Трамп' both give 'trVmp')."""
    return frozenset(_readings(token))


def _consonant_count(frame: str) -> int:
    return sum(ch != "V" for ch in frame)


def phonetic_match(a: str, b: str) -> str | None:
    """The shared frame when one token is Cyrillic, the other Latin, and they sound alike.

    None when both are in one script (fold.py's business), when the shared frame has fewer
    than two consonants (too little to tell names apart: 'Ali' ~ 'Эля'), or when some vowel
    could not be written that way (Scholz ~ Шульц).
    """
    if is_cyrillic(a) == is_cyrillic(b):
        return None
    latin, cyrillic = (b, a) if is_cyrillic(a) else (a, b)
    ra, rc = _readings(latin), _readings(cyrillic)
    for frame in sorted(ra.keys() & rc.keys()):
        if _consonant_count(frame) < 2:
            continue
        for lat_runs in ra[frame]:
            for cyr_runs in rc[frame]:
                if len(lat_runs) == len(cyr_runs) and all(map(_fits, lat_runs, cyr_runs)):
                    return frame
    return None
