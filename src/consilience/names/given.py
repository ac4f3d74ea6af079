"""Given-name equivalence sets (data/names/given_names.tsv), looked up by folded skeleton."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from consilience.names.fold import strict_keys, to_ascii
from consilience.names.tables import rows

# Initial letters that stand for one another across romanisations (Юрий: Yu/Ju/Iu; Г: G/H).
_INITIAL_CLASS = {"y": "i", "j": "i", "g": "h", "w": "v", "c": "c", "x": "k"}


@dataclass(frozen=True, slots=True)
class GivenSet:
    """One equivalence set: its id, a display form, gender and the initials it can take."""

    id: int
    display: str
    gender: str
    initials: frozenset[str]


def initial_class(text: str) -> str:
    """The comparable first letter of a name or initial in any script ('Ю' -> 'i', 'G' -> 'h')."""
    ascii_text = "".join(ch for ch in to_ascii(text) if ch.isalpha())
    if not ascii_text:
        return ""
    return _INITIAL_CLASS.get(ascii_text[0], ascii_text[0])


@cache
def _index() -> tuple[dict[str, frozenset[int]], dict[int, GivenSet]]:
    """Strict key -> set ids; lines that share a skeleton are merged (union-find) into one set."""
    parent: dict[int, int] = {}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_skel: dict[str, int] = {}
    lines: list[tuple[str, list[str]]] = []
    for n, row in enumerate(rows("given_names.tsv")):
        gender, variants = row[0], [v.strip() for v in row[1].split("|") if v.strip()]
        lines.append((gender, variants))
        parent[n] = n
        for v in variants:
            for sk in strict_keys(v):
                if sk in by_skel:
                    parent[find(n)] = find(by_skel[sk])
                else:
                    by_skel[sk] = n
    members: dict[int, list[int]] = {}
    for n in parent:
        members.setdefault(find(n), []).append(n)
    sets: dict[int, GivenSet] = {}
    for root, ns in members.items():
        variants = [v for n in ns for v in lines[n][1]]
        genders = {lines[n][0] for n in ns}
        sets[root] = GivenSet(
            id=root,
            display=lines[min(ns)][1][0],
            gender=genders.pop() if len(genders) == 1 else "",
            initials=frozenset(initial_class(v) for v in variants),
        )
    index = {sk: frozenset({find(n)}) for sk, n in by_skel.items()}
    return index, sets


@lru_cache(maxsize=65536)
def lookup(token: str) -> tuple[GivenSet, ...]:
    """The equivalence sets a token belongs to (empty when it is not a known given name)."""
    index, sets = _index()
    ids: set[int] = set()
    for sk in strict_keys(token):
        ids |= index.get(sk, frozenset())
    return tuple(sets[i] for i in sorted(ids))


def is_given(token: str) -> bool:
    """True when the token is a known given name in some language."""
    return bool(lookup(token))
