"""The name-comparison seam: consilience.names when present, else a small stand-in.

The stand-in exists only so resolve/ works while consilience.names is being written; it is
deliberately simple (anyascii + Slavic folding + Jaro-Winkler) and is never used once
`consilience.names.compare_names` and `name_keys` import.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any


@dataclass(frozen=True, slots=True)
class FallbackMatch:
    """Same shape as consilience.names.NameMatch."""

    same: bool
    score: float
    why: str
    kind: str


_FOLDS = (("kh", "h"), ("ts", "c"), ("w", "v"), ("y", "i"), ("j", "i"), ("ou", "ov"), ("g", "h"))


def _fold(token: str) -> str:
    from anyascii import anyascii

    s = re.sub(r"[^a-z]", "", anyascii(token).lower())
    for a, b in _FOLDS:
        s = s.replace(a, b)
    s = re.sub(r"(.)\1+", r"\1", s)
    # Unstressed o/a and e/i swap between Russian and Belarusian spellings (Kolesnikova/Kalesnikava).
    return s.replace("o", "a").replace("e", "i")


def _fallback_keys(name: str, kind: str | None = None) -> set[str]:
    toks = name.split()
    return {_fold(toks[-1])[:4]} if toks else set()


def _fallback_compare(a: str, b: str, kind: str | None = None) -> FallbackMatch:
    from rapidfuzz.distance import JaroWinkler

    ta, tb = a.split(), b.split()
    if not ta or not tb:
        return FallbackMatch(False, 0.0, "empty name", kind or "")
    sa, sb = _fold(ta[-1]), _fold(tb[-1])
    score = JaroWinkler.similarity(sa, sb)
    if sa.endswith("a") != sb.endswith("a") and kind != "place":
        return FallbackMatch(
            False, score * 0.5, f"gender endings differ: {ta[-1]} / {tb[-1]}", kind or ""
        )
    if len(ta) > 1 and len(tb) > 1 and JaroWinkler.similarity(_fold(ta[0]), _fold(tb[0])) < 0.8:
        return FallbackMatch(
            False, score * 0.5, f"given names differ: {ta[0]} / {tb[0]}", kind or ""
        )
    same = score >= 0.9
    return FallbackMatch(same, score, f"folded {sa} ~ {sb} (jaro-winkler {score:.2f})", kind or "")


@lru_cache(maxsize=1)
def name_functions() -> tuple[Callable[..., Any], Callable[..., set[str]]]:
    """(compare_names, name_keys) from consilience.names, or the stand-in until it lands."""
    try:
        from consilience.names import compare_names, name_keys

        return compare_names, name_keys
    except ImportError:
        return _fallback_compare, _fallback_keys


@lru_cache(maxsize=65536)
def compare(a: str, b: str, kind: str | None) -> Any:
    """Memoised, order-independent name comparison (the pair is sorted so a~b equals b~a)."""
    x, y = sorted((a, b))
    return name_functions()[0](x, y, kind)


@lru_cache(maxsize=65536)
def keys(name: str, kind: str | None) -> frozenset[str]:
    """Blocking keys of a name: two names that may be the same share at least one."""
    return frozenset(name_functions()[1](name, kind))
