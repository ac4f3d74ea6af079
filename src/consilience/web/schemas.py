"""Response and request shapes for the JSON API, so /openapi.json documents (and tests check) them."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class Open(BaseModel):
    """A CONTRACT shape: the named fields are promised; more may be added."""

    model_config = ConfigDict(extra="allow")


class ClaimCounts(Open):
    corroborated: int
    single_source: int
    conflicting: int


class StoryRow(Open):
    id: str
    title: str | None
    articles: list[str]
    refs: list[str]
    outlets: list[str]
    first_seen: str | None
    last_seen: str | None
    independence_groups: int
    episodes: int = 1  # bursts of reporting weeks apart (cluster/episodes.py)
    claims: ClaimCounts


class Source(Open):
    article: str
    ref: str | None
    outlet: str | None
    published: str | None
    independence_group: str | None
    episode: int | None = None  # index into the story's episodes, when it has more than one


class StoryEntity(Open):
    id: str
    name: str
    type: str
    variants: dict[str, list[str]]


class Support(Open):
    article: str
    quote: str
    attributed_to: str | None


class StoryClaim(Open):
    id: str
    kind: str
    statement: str
    value: str | None
    status: Literal["corroborated", "single_source", "conflicting"]
    support: list[Support]
    versions: list[dict[str, Any]]
    episode: int | None = None  # claims are compared only inside one episode


class Episode(Open):
    """A burst of reporting inside a story; bursts weeks apart are compared apart."""

    index: int
    first: str | None
    last: str | None
    articles: list[str]
    title: str | None = None  # its first article's title


class StoryDetail(Open):
    id: str
    title: str | None
    sources: list[Source]
    episodes: list[Episode] = []
    entities: list[StoryEntity]
    claims: list[StoryClaim]
    discrepancies: list[dict[str, Any]]


class ArticleRow(Open):
    id: str
    ref: str | None
    url: str | None
    outlet: str | None
    title: str | None
    published: str | None
    language: str | None
    story: str | None


class ArticleDetail(ArticleRow):
    byline: str | None
    text: str
    published_source: str | None
    published_inferred: bool
    mentions: list[dict[str, Any]]
    claims: list[dict[str, Any]]


class EntityRow(Open):
    id: str
    name: str
    type: str
    mentions: int
    variants: dict[str, list[str]]
    articles: list[str]


class StoryRef(Open):
    id: str
    title: str | None


class EntityDetail(Open):
    id: str
    name: str
    type: str
    variants: dict[str, list[str]]
    stories: list[StoryRef]
    articles: list[dict[str, Any]]
    timeline: list[dict[str, Any]]


class NameResult(Open):
    same: bool
    score: float = Field(ge=0, le=1)
    why: str


class SkippedInput(Open):
    input: str
    reason: str


class IngestResult(Open):
    ingested: int
    duplicates: int
    skipped: list[SkippedInput]
    articles: list[str]


class JudgementIn(BaseModel):
    """A person's judgement that two names (or entity ids) are, or are not, one entity."""

    model_config = ConfigDict(extra="forbid")
    a: str = Field(min_length=1, max_length=300)
    b: str = Field(min_length=1, max_length=300)
    same: bool


class JudgementResult(Open):
    a: str
    b: str
    same: bool
    rebuilt: bool
    compared: int = 0  # stories whose sources were compared again with the new entities
    note: str | None = None  # why the judgement did not take effect, when it did not


class Problem(Open):
    error: str
    hint: str | None = None
