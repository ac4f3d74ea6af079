"""How common a word is as an American given name or surname: the US Census name lists.

Why: a capitalised word that is both a town and a name ("Lindsay Lohan", "Gary Ross", "Paris
Hilton", "Lennox Lewis") was read as the town, because the hand-kept given-name list holds a
few hundred names. The 1990 US Census lists (5,494 given names, 88,799 surnames, with their
frequencies; public-domain data) ship in the `names` package, read here as data: no code of that
package runs. English news names far more people than Americans, but these lists are the widest
frequency-ranked ones a registry package carries, and a rank keeps rare entries (which include
ordinary words) out.
"""

from __future__ import annotations

from functools import cache
from importlib import metadata

# A given name at or above this share of the census population (in percent): about 1,000 male and
# 1,400 female names ("Tara" 0.107, "Lindsay" 0.060, "Carson" 0.008), not the rare tail that
# holds words ("China" 0.001). Chosen with bench/places_typed_realnews.py.
GIVEN_MIN_PERCENT = 0.005
# Surnames up to this rank: the common ones ("Lohan" is not one, "Hilton" and "Lewis" are).
SURNAME_MAX_RANK = 20_000


def _rows(filename: str, max_rank: int | None = None) -> list[tuple[str, float, int]]:
    """(NAME, percent, rank) rows of one census file, up to `max_rank` (the files are in rank
    order, so reading stops there: the surname file has 88,799 rows); none when the package is
    missing.

    Found through the installed distribution, not by importing `names`: a script folder with its
    own names.py (bench/ has one) would shadow the package on sys.path."""
    out: list[tuple[str, float, int]] = []
    try:
        path = metadata.distribution("names").locate_file(f"names/{filename}")
        with open(path, encoding="ascii") as lines:
            for line in lines:
                parts = line.split()
                if len(parts) != 4:
                    continue
                if max_rank is not None and int(parts[3]) > max_rank:
                    break
                out.append((parts[0], float(parts[1]), int(parts[3])))
    except (metadata.PackageNotFoundError, OSError):
        return []
    return out


@cache
def _given() -> frozenset[str]:
    rows = _rows("dist.male.first") + _rows("dist.female.first")
    return frozenset(name for name, percent, _ in rows if percent >= GIVEN_MIN_PERCENT)


@cache
def _surnames() -> frozenset[str]:
    return frozenset(name for name, _, _ in _rows("dist.all.last", SURNAME_MAX_RANK))


def common_given_name(word: str) -> bool:
    """Whether a word is a common given name ("Lindsay", "Gary"), in any letter case."""
    return word.isalpha() and word.upper() in _given()


def common_surname(word: str) -> bool:
    """Whether a word is a common surname ("Hilton", "Lewis"), in any letter case."""
    return word.isalpha() and word.upper() in _surnames()
