"""The records that travel between stages. Frozen: a stage returns new values, never patches."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from consilience.errors import SkipReason

EntityType = Literal["person", "place", "org"]
ClaimKind = Literal["quantity", "date", "event", "attribution", "other"]
ClaimStatus = Literal["corroborated", "single_source", "conflicting"]


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One article-sized unit as a reader found it, before normalisation."""

    source: str  # where it came from: path, path#line, path#record-id, url
    text: str
    format: str  # text | html | jsonl | rss | warc
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None  # as written
    language: str | None = None
    ref: str | None = None  # the input's own id (jsonl id, WARC-Record-ID, feed guid)
    subtitle: str | None = None
    extra: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Article:
    """A normalised article; `id` is the hash of its normalised text, so re-ingest is idempotent."""

    id: str
    text: str
    title: str | None
    outlet: str | None
    url: str | None
    ref: str | None
    byline: str | None
    language: str | None
    published: str | None  # ISO 8601 (date or datetime)
    published_source: str | None  # the date as written
    published_inferred: bool
    source: str
    format: str
    subtitle: str | None = None
    flags: tuple[str, ...] = ()  # e.g. "truncated: ..." for text kept from a damaged record


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input unit that was not stored, and why."""

    input: str
    reason: SkipReason
    detail: str = ""

    def describe(self) -> str:
        return f"{self.reason.value}: {self.detail}" if self.detail else self.reason.value


@dataclass(frozen=True, slots=True)
class Mention:
    """A name found in an article: character span, surface form, type, and any role beside it."""

    article_id: str
    start: int
    end: int
    text: str
    type: EntityType
    role: str | None = None
    canonical: str | None = None  # full name this mention was linked to inside its article


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who says so: outlet -> agency -> origin, outermost first."""

    chain: tuple[str, ...]
    cue: str  # the words that carry it ("reported, citing", "according to")

    @property
    def origin(self) -> str | None:
        return self.chain[-1] if self.chain else None


@dataclass(frozen=True, slots=True)
class Claim:
    """A checkable statement from one article, with its quote and where it stands in the text."""

    article_id: str
    kind: ClaimKind
    statement: str
    quote: str
    start: int
    end: int
    value: str | None = None  # normalised value: "123", "2025-12-13", "pardon"
    unit: str | None = None  # the thing counted, or the event's object
    approximate: bool = False
    hedged: bool = False
    hedge: str | None = None
    attribution: Attribution | None = None
    event_type: str | None = None
    actors: tuple[str, ...] = ()  # surface names of who/whom
    when: str | None = None  # ISO date the claim is about, when known
    extra: dict[str, str] = field(default_factory=dict)
