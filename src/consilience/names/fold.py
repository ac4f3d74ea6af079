"""Transliteration folding: any rendering of a Slavic name -> comparable skeletons.

anyascii gives one romanisation of Cyrillic; people write many (national systems, BGN/PCGN,
ISO 9, German, French, Polish). The rewrite rules in data/names/fold_latin.tsv fold those
conventions onto one alphabet; vowels are then reduced to classes so Belarusian akanne
(Kalesnikava ~ Kolesnikova) and yakanne (Bialiatski ~ Beljatsky) agree, while the class of the
final vowel is kept (Yevgeny != Yevgenia).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from anyascii import anyascii

from consilience.names.tables import rows

_VOWEL_RUN = re.compile(r"[aeiou]+")
_NOT_LETTER = re.compile(r"[^a-z]+")
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_WORD = re.compile(r"[^\W\d_]+(?:['’ʼ`ʹ][^\W\d_]+)*", re.UNICODE)


@cache
def _char_map() -> dict[int, str]:
    """Pre-anyascii replacements (č -> ch, ż -> zh, soft signs dropped)."""
    table: dict[int, str] = {}
    for row in rows("fold_chars.tsv"):
        char, repl = row[0], (row[1] if len(row) > 1 else "")
        table[ord(char)] = repl
        upper = char.upper()
        if len(upper) == 1 and upper != char:  # ß upper-cases to "SS": no single code point
            table[ord(upper)] = repl.capitalize()
    return table


@dataclass(frozen=True, slots=True)
class _Rule:
    pattern: re.Pattern[str]
    repl: str
    others: tuple[str, ...]  # other readings of the same spelling, each giving a variant
    latin_only: bool
    alt_only: bool  # applied only as a second reading, never to the main one
    literal: str  # letters any match must contain: a cheap `in` test before the regex


# letters at the start of a pattern, after an optional anchor and one leading group or class
_LEADING_LITERAL = re.compile(r"\^?(?:\([^()]*\)|\[[^\]]*\])?([a-z]+)")


def _top_level_alternation(pattern: str) -> bool:
    """'ab|cd' needs neither 'ab' nor 'cd', so it has no required literal."""
    depth = 0
    for i, ch in enumerate(pattern):
        if ch == "\\" or (i and pattern[i - 1] == "\\"):
            continue
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "|" and depth == 0:
            return True
    return False


def literal_of(pattern: str) -> str:
    """The plain letters a pattern starts with ('rz(?!h)' -> 'rz'), '' when it starts with syntax."""
    m = _LEADING_LITERAL.match(pattern)
    if not m or _top_level_alternation(pattern):
        return ""
    lit = m.group(1)
    # a quantifier after the last letter makes that letter optional ('ab?' needs only 'a')
    after = pattern[m.end() : m.end() + 1]
    return lit[:-1] if after in ("?", "*", "{") else lit


@cache
def _rules() -> tuple[_Rule, ...]:
    """Compiled rewrite rules from data/names/fold_latin.tsv."""
    out = []
    for pattern, repl, others, scope, *_ in rows("fold_latin.tsv"):
        out.append(
            _Rule(
                pattern=re.compile(pattern),
                repl=repl,
                others=() if others == "-" else tuple(others.split("|")),
                latin_only=scope.startswith("latin"),
                alt_only=scope.endswith("-alt"),
                literal=literal_of(pattern),
            )
        )
    return tuple(out)


_MAX_VARIANTS = 8  # ch x z x ou readings multiply; a cap keeps a pathological token cheap


@lru_cache(maxsize=131072)
def _apply_all(word: str, latin: bool) -> tuple[str, ...]:
    """All folded readings of a word: the main one first, then the other conventions.

    Cached because skeletons(), loose_skeletons() and strict_keys() all start from it; a rule
    that matches no reading is skipped before any list is built (most rules, most words).
    """
    variants = [word]
    joined = word  # all variants joined by "|": one `in` test per rule instead of one per variant
    for rule in _rules():
        if rule.latin_only and not latin:
            continue
        lit, search = rule.literal, rule.pattern.search
        if lit and lit not in joined:
            continue
        if not rule.alt_only and not (latin and rule.others):
            # one reading only: rewrite every variant in place (sub leaves a non-match as is)
            sub, repl = rule.pattern.sub, rule.repl
            variants = [sub(repl, v) for v in variants]
            if len(variants) > 1:
                variants = list(dict.fromkeys(variants))
            joined = "|".join(variants)
            continue
        if not any(search(v) for v in variants):
            continue
        nxt: list[str] = []
        for v in variants:
            if not search(v):
                nxt.append(v)
                continue
            if rule.alt_only:
                nxt += [v, rule.pattern.sub(rule.repl, v)]
            else:
                nxt.append(rule.pattern.sub(rule.repl, v))
                if latin:
                    nxt += [rule.pattern.sub(o, v) for o in rule.others]
        variants = list(dict.fromkeys(nxt))[:_MAX_VARIANTS]
        joined = "|".join(variants)
    return tuple(variants)


@lru_cache(maxsize=65536)
def to_ascii(text: str) -> str:
    """Lower-case ASCII rendering, keeping distinctions (č -> ch) that anyascii would drop."""
    text = unicodedata.normalize("NFC", text).translate(_char_map())
    return anyascii(text).lower()


def letters_only(ascii_text: str) -> str:
    """Only a-z: apostrophes, hyphens and digits removed."""
    return _NOT_LETTER.sub("", ascii_text)


def is_cyrillic(text: str) -> bool:
    """True when the text has any Cyrillic letter (then 'ch' can only be ч)."""
    return _CYRILLIC.search(text) is not None


def tokens(text: str) -> list[str]:
    """Word tokens of a name, apostrophes kept inside words (Мар'я), hyphens split."""
    return _WORD.findall(text)


def _vowel_classes(folded: str) -> str:
    """Vowel runs -> A (a/o), I (e/i), U (u); inner runs loosely, the final run by its last letter."""
    out: list[str] = []
    pos = 0
    for m in _VOWEL_RUN.finditer(folded):
        out.append(folded[pos : m.start()])
        run = m.group()
        if m.end() == len(folded):
            last = run[-1]
            out.append("A" if last in "ao" else "U" if last == "u" else "I")
        else:
            out.append("U" if "u" in run else "I" if ("i" in run or "e" in run) else "A")
        pos = m.end()
    out.append(folded[pos:])
    return "".join(out)


def _loose_run(m: re.Match[str]) -> str:
    run = m.group()
    if m.end() == len(m.string):
        return "A" if run[-1] in "ao" else "U" if run[-1] == "u" else "I"
    return "U" if "u" in run else "A" if any(c in run for c in "aeo") else "I"


def _loosen(folded: str) -> str:
    """Inner vowels a/o/e/ia merged (i/y kept apart): Belarusian akanne/yakanne after hard
    consonants (Цапкала ~ Цепкало, Białacki ~ Bialiatski) but not ы (Rabkova != Rybkova)."""
    return _VOWEL_RUN.sub(_loose_run, folded)


@lru_cache(maxsize=131072)
def skeletons(token: str) -> tuple[str, ...]:
    """Folded skeletons of one name token: one per plausible reading of its spelling."""
    word = letters_only(to_ascii(token))
    if not word:
        return ()
    latin = not is_cyrillic(token)
    return tuple(dict.fromkeys(_vowel_classes(v) for v in _apply_all(word, latin)))


@lru_cache(maxsize=131072)
def loose_skeletons(token: str) -> frozenset[str]:
    """skeletons() with inner a/e vowel classes merged: a weaker, still explainable match."""
    word = letters_only(to_ascii(token))
    return (
        frozenset(_loosen(v) for v in _apply_all(word, not is_cyrillic(token)))
        if word
        else frozenset()
    )


def _strict(variant: str) -> str:
    # io/ie/o only ever occur inside vowel runs, so replacing on the whole word is the same
    # as replacing run by run, and much cheaper than a regex callback per run
    return variant.replace("io", "e").replace("ie", "e").replace("o", "a")


@lru_cache(maxsize=131072)
def strict_keys(token: str) -> tuple[str, ...]:
    """Like skeletons() but vowels kept (only a~o, ie~e, yo~e merged): given names need it.

    Loose vowel classes would merge different given names (Egor/Igor, Alena/Alina).
    """
    word = letters_only(to_ascii(token))
    if not word:
        return ()
    latin = not is_cyrillic(token)
    return tuple(dict.fromkeys(_strict(v) for v in _apply_all(word, latin)))


def consonants(skeleton: str) -> str:
    """The consonant frame of a skeleton (vowel classes dropped): the coarse blocking key."""
    return "".join(ch for ch in skeleton if ch not in "AIU")


def lite(token: str) -> str:
    """ASCII letters with y/j -> i: enough to read a grammatical ending in any romanisation."""
    return letters_only(to_ascii(token)).replace("y", "i").replace("j", "i")
