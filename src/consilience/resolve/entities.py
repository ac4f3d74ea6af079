"""Entities built from record components: stable id, display name, variants and reasons."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from consilience.ids import content_id
from consilience.resolve.records import Record


@dataclass(frozen=True)
class Entity:
    """One real-world person, place or organisation as named across articles."""

    id: str  # content hash of type + canonical name: a rebuild gives the same id
    name: str
    type: str
    variants: dict[str, list[str]]  # surface form -> sorted article ids
    mentions: int
    why_merged: list[str] = field(default_factory=list)

    @property
    def articles(self) -> list[str]:
        return sorted({a for arts in self.variants.values() for a in arts})


def _is_latin(name: str) -> bool:
    return all(ord(ch) < 0x250 for ch in name if ch.isalpha())


def display_name(records: list[Record]) -> str:
    """Most frequent full form, Latin script preferred; ties broken alphabetically.

    A gazetteer's endonym that no article writes gives way to the exonym they do write: English
    news writes "Cologne", and "Köln" would be a name the reader never saw in the sources.
    """
    counts: Counter[str] = Counter()
    written: Counter[str] = Counter()
    for rec in records:
        counts[rec.name] += rec.count
        for surface, arts in rec.surfaces.items():
            written[surface] += len(arts)
    seen = {w.casefold() for w in written}
    if not any(n.casefold() in seen or n.isascii() for n in counts):
        plain = Counter({w: c for w, c in written.items() if w.isascii() and any(ch.isalpha() for ch in w)})
        counts = plain or counts
    return min(
        counts,
        key=lambda n: (not _is_latin(n), len(n.split()) < 2, -counts[n], n),
    )


def entity_id(type_: str, name: str) -> str:
    return content_id("entity", type_, " ".join(name.split()).casefold())


def build_entity(records: list[Record], why: list[str]) -> Entity:
    name = display_name(records)
    variants: dict[str, set[str]] = {}
    for rec in records:
        for surface, arts in rec.surfaces.items():
            variants.setdefault(surface, set()).update(arts)
    notes = sorted({n for rec in records for n in rec.notes})
    return Entity(
        id=entity_id(records[0].type, name),
        name=name,
        type=records[0].type,
        variants={s: sorted(a) for s, a in sorted(variants.items())},
        mentions=sum(r.count for r in records),
        why_merged=sorted(why) + notes,
    )
