"""Blocking and pair scoring: which records may be one entity, how sure, and why."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from anyascii import anyascii

from consilience.names import normalise_name
from consilience.resolve.names_api import compare, keys
from consilience.resolve.records import Record

BORDERLINE = 0.75  # a 'not same' score at or above this can be lifted by context
MIN_SHARED_CO_MENTIONS = 2


@dataclass(frozen=True, slots=True)
class Edge:
    """A scored link between two records, with its reason."""

    a: str
    b: str
    score: float
    why: str


MAX_BLOCK = 200  # records per blocking key before the block is split further


def _split_block(block: list[Record]) -> list[list[Record]]:
    """A key shared by hundreds of names (a common surname frame, a country) would make the pass
    quadratic in the archive's size; such a block is split by the first letters of the folded
    full name, so only names that also begin alike are compared."""
    if len(block) <= MAX_BLOCK:
        return [block]
    parts: dict[str, list[Record]] = defaultdict(list)
    for rec in block:
        parts[normalise_name(rec.name)[:3]].append(rec)
    return [p[:MAX_BLOCK * 5] for p in parts.values()]


def candidate_pairs(records: list[Record]) -> list[tuple[Record, Record]]:
    """Pairs of same-type records sharing a blocking key (never all pairs)."""
    blocks: dict[tuple[str, str], list[Record]] = defaultdict(list)
    for rec in records:
        for k in keys(rec.name, rec.type):
            blocks[(rec.type, k)].append(rec)
    seen: set[tuple[str, str]] = set()
    out: list[tuple[Record, Record]] = []
    for block in (part for k in sorted(blocks) for part in _split_block(blocks[k])):
        for i, ra in enumerate(block):
            for rb in block[i + 1 :]:
                pair = (min(ra.key, rb.key), max(ra.key, rb.key))
                if ra.key != rb.key and pair not in seen:
                    seen.add(pair)
                    out.append((ra, rb) if ra.key < rb.key else (rb, ra))
    return out


def _latin(word: str) -> str:
    return anyascii(word).casefold()


def gendered_pair(a: str, b: str) -> bool:
    """'Kolesnikov' vs 'Kolesnikova', 'Tsikhanouski' vs 'Tsikhanouskaya': one surname, two genders."""
    x, y = sorted((_latin(a), _latin(b)), key=len)
    if x == y or x.endswith("a") == y.endswith("a"):
        return False
    stem = 0
    while stem < len(x) and x[stem] == y[stem]:
        stem += 1
    return stem >= len(x) - 1 and len(y) - stem <= 3


def hard_negative(a: Record, b: Record) -> str | None:
    """Why two person records can never be one person, or None."""
    if a.type != "person" or b.type != "person":
        return None
    ta, tb = a.name.split(), b.name.split()
    if len(ta) > 1 and len(tb) > 1 and compare(a.name, b.name, "person").same:
        # The given names decide how a surname's ending reads: 'Степана Грибова' is the genitive
        # of 'Степан Грибов', not his wife, while a bare 'Грибова' stays ambiguous (below).
        return None
    if gendered_pair(ta[-1], tb[-1]):
        return f"gendered forms of one surname: {ta[-1]} / {tb[-1]}"
    if len(ta) > 1 and len(tb) > 1:
        # Compare the given names under one shared surname, so only they can differ.
        probe = compare(" ".join([*ta[:-1], tb[-1]]), b.name, "person")
        if not probe.same:
            return f"different given names: {' '.join(ta[:-1])} / {' '.join(tb[:-1])}"
    return None


def _context_reasons(
    a: Record, b: Record, context: dict[str, set[str]], co: dict[str, set[str]]
) -> list[str]:
    reasons: list[str] = []
    ctx_a = set().union(*(context.get(x, set()) for x in a.articles))
    ctx_b = set().union(*(context.get(x, set()) for x in b.articles))
    if ctx_a & ctx_b:
        reasons.append(f"same story ({min(ctx_a & ctx_b)})")
    shared = co.get(a.key, set()) & co.get(b.key, set())
    if len(shared) >= MIN_SHARED_CO_MENTIONS:
        reasons.append(f"{len(shared)} shared co-mentions")
    if a.roles & b.roles:
        reasons.append(f"same role ({min(a.roles & b.roles)})")
    return reasons


def score_pairs(
    pairs: list[tuple[Record, Record]],
    context: dict[str, set[str]],
    co: dict[str, set[str]],
) -> tuple[list[Edge], list[Edge]]:
    """(merge edges, cannot-link edges) for the candidate pairs, each with its reason."""
    merges: list[Edge] = []
    cannot: list[Edge] = []
    for a, b in pairs:
        neg = hard_negative(a, b)
        if neg:
            cannot.append(Edge(a.key, b.key, 0.0, neg))
            continue
        m = compare(a.name, b.name, a.type)
        if m.same:
            merges.append(Edge(a.key, b.key, float(m.score), f"{a.name} ~ {b.name}: {m.why}"))
            continue
        if m.score >= BORDERLINE:
            ctx = _context_reasons(a, b, context, co)
            if ctx:
                why = f"{a.name} ~ {b.name}: borderline {m.score:.2f} lifted by {', '.join(ctx)}"
                merges.append(Edge(a.key, b.key, float(m.score), why))
    return merges, cannot
