"""The input record of the cluster stage: what copy and story grouping need to know of an article."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime


@dataclass(frozen=True, slots=True)
class StoryDoc:
    """One article as the clusterers see it; `entities` are resolved, language-independent ids."""

    id: str
    title: str | None
    text: str
    published: datetime | None
    language: str | None
    entities: frozenset[str] = frozenset()
    outlet: str | None = None


def naive_utc(when: datetime | None) -> datetime | None:
    """UTC-naive datetimes so aware and naive inputs compare."""
    if when is None or when.tzinfo is None:
        return when
    return when.astimezone(UTC).replace(tzinfo=None)


def publication_order(doc: StoryDoc) -> tuple[bool, datetime, str]:
    """Sort key: publication time, undated articles last, ties by id so passes are deterministic."""
    when = naive_utc(doc.published)
    return (when is None, when or datetime.min, doc.id)
