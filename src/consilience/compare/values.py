"""Values as intervals, so "more than 120" and "123" can be told apart from "5" and "12"."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from consilience.compare.lexicon import Lexicon, find_phrases, lexicons_for
from consilience.model import Claim

_NUMBER = re.compile(r"\d[\d\s,.\u00a0\u202f']*\d|\d")
_ROUND_TOLERANCE = 0.10  # "about 120" read as 108..132: news rounding rarely strays further


@dataclass(frozen=True, slots=True)
class Quantity:
    """A value as an interval; `exact` when the source gave one figure with no qualifier."""

    low: float
    high: float
    exact: bool
    text: str  # how it reads in a reason: "123", "more than 120"

    def overlaps(self, other: Quantity) -> bool:
        return self.low <= other.high and other.low <= self.high


def parse_number(text: str) -> float | None:
    """First number in the text; "1,200", "1 200" and "1.200" are thousands, "12.5" is a decimal."""
    m = _NUMBER.search(text)
    if not m:
        return None
    raw = re.sub(r"[\s\u00a0\u202f']", "", m.group(0))
    if re.fullmatch(r"\d{1,3}([,.]\d{3})+", raw):
        return float(re.sub(r"[,.]", "", raw))
    raw = raw.replace(",", ".")
    try:
        return float(raw)
    except ValueError:
        return None


def _qualifier(claim: Claim, lexicons: tuple[Lexicon, ...]) -> tuple[str, str] | None:
    """The bound word written with the number ("more than", "about"), from extra, value, or quote."""
    given = claim.extra.get("bound")
    if given in {"lower", "upper", "approximate"}:
        return given, claim.extra.get("bound_text", given)
    texts = [claim.value or ""]
    number = claim.value and _NUMBER.search(claim.value)
    if number and claim.quote:
        at = claim.quote.find(number.group(0))
        if at >= 0:
            texts.append(claim.quote[max(0, at - 24) : at])
    for text in texts:
        for lx in lexicons:
            for kind, phrases in (
                ("lower", lx.lower_bound),
                ("upper", lx.upper_bound),
                ("approximate", lx.approximate),
            ):
                found = find_phrases(text, phrases)
                if found:
                    return kind, found[-1]  # the qualifier nearest the number
    return None


def quantity_of(claim: Claim) -> Quantity | None:
    """The claim's value as an interval, or None when it carries no number."""
    value = (claim.value or "").strip()
    if not value:
        return None
    span = _range(value)
    if span is not None:  # "10-15", or "dozens" kept as the 20-99 it admits: both ends count
        vague = claim.extra.get("vague")
        return Quantity(span[0], span[1], False, f"{vague} ({value})" if vague else value)
    lexicons = lexicons_for(value + " " + claim.quote)
    number = parse_number(value)
    if number is None:
        for lx in lexicons:
            found = find_phrases(value, tuple(lx.vague_numbers))
            if found:
                low, high = lx.vague_numbers[found[0]]
                return Quantity(low, high, False, value)
        return None
    qual = _qualifier(claim, lexicons)
    if qual is None:
        if claim.approximate:
            return Quantity(
                number * (1 - _ROUND_TOLERANCE),
                number * (1 + _ROUND_TOLERANCE),
                False,
                f"about {value}",
            )
        return Quantity(number, number, True, value)
    kind, phrase = qual
    shown = value if phrase.casefold() in value.casefold() else f"{phrase} {value}"
    if kind == "lower":
        return Quantity(number, math.inf, False, shown)
    if kind == "upper":
        return Quantity(0.0, number, False, shown)
    return Quantity(number * (1 - _ROUND_TOLERANCE), number * (1 + _ROUND_TOLERANCE), False, shown)


_RANGE = re.compile(r"(\d[\d,.]*)\s*[-–]\s*(\d[\d,.]*)")


def _range(value: str) -> tuple[float, float] | None:
    """The two ends of a range value ("10-15", "200-999"); None for anything else."""
    m = _RANGE.fullmatch(value.lstrip("~").strip())
    if not m:
        return None
    low, high = parse_number(m.group(1)), parse_number(m.group(2))
    if low is None or high is None or low > high:
        return None
    return low, high


def dates_compatible(a: str, b: str) -> bool:
    """ISO dates agree when one is a prefix of the other ("2025-12" and "2025-12-13")."""
    a, b = a.strip(), b.strip()
    return a.startswith(b) or b.startswith(a)
