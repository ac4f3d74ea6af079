"""Name records: all mentions that share a type and canonical form, the unit that resolve links."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from consilience.model import Mention


@dataclass(slots=True)
class Record:
    """One (type, canonical name) with its surfaces, articles, roles and linking notes."""

    key: str
    type: str
    name: str
    surfaces: dict[str, set[str]] = field(default_factory=dict)  # surface -> article ids
    count: int = 0
    roles: set[str] = field(default_factory=set)
    notes: list[str] = field(default_factory=list)

    @property
    def articles(self) -> set[str]:
        return set().union(*self.surfaces.values()) if self.surfaces else set()

    @property
    def full(self) -> bool:
        """A person named with more than one word; places and orgs always count as full."""
        return self.type != "person" or len(self.name.split()) > 1


def record_key(type_: str, name: str) -> str:
    return f"{type_}:{' '.join(name.split()).casefold()}"


def build_records(mentions: list[Mention]) -> list[Record]:
    """Group mentions by (type, canonical or surface form); sorted by key for determinism."""
    recs: dict[str, Record] = {}
    for m in mentions:
        name = " ".join((m.canonical or m.text).split())
        key = record_key(m.type, name)
        rec = recs.get(key)
        if rec is None:
            rec = recs[key] = Record(key, m.type, name)
        rec.surfaces.setdefault(m.text, set()).add(m.article_id)
        rec.count += 1
        if m.role:
            rec.roles.add(m.role.casefold())
        if m.canonical and m.canonical != m.text:
            note = f"in-article: {m.text!r} -> {m.canonical!r}"
            if note not in rec.notes:
                rec.notes.append(note)
    for rec in recs.values():
        rec.notes.sort()
    return [recs[k] for k in sorted(recs)]


def co_mentions(records: list[Record]) -> dict[str, set[str]]:
    """Record key -> keys of the other records named in the same articles."""
    by_article: dict[str, set[str]] = defaultdict(set)
    for rec in records:
        for art in rec.articles:
            by_article[art].add(rec.key)
    out: dict[str, set[str]] = {}
    for rec in records:
        others: set[str] = set()
        for art in rec.articles:
            others |= by_article[art]
        others.discard(rec.key)
        out[rec.key] = others
    return out
