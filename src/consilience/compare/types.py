"""Inputs and outputs of the comparison stage; frozen so a comparison is a value, not a mutable report."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from consilience.cluster.episodes import Episode
from consilience.model import Claim, ClaimKind, ClaimStatus

DifferenceType = Literal["conflict", "precision", "revision", "scope", "naming"]


@dataclass(frozen=True, slots=True)
class SourceArticle:
    """What comparison needs to know of an article: who published it, when, and whether it is a copy."""

    id: str
    ref: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO 8601
    copy_group: str | None = None  # articles with the same copy_group are copies of one text


@dataclass(frozen=True, slots=True)
class StoryEntity:
    """A resolved entity with the surface forms each article used for it."""

    id: str
    name: str
    type: str
    variants: dict[str, tuple[str, ...]] = field(default_factory=dict)  # surface -> article ids


@dataclass(frozen=True, slots=True)
class Origin:
    """Who ultimately says so, folded into a family so differently worded sources can be matched."""

    key: str  # "belarus-government", "own:Fakti", "agency:dpa", "named:fire brigade"
    label: str
    reason: str


@dataclass(frozen=True, slots=True)
class Independence:
    """Independence group per article, with why each group holds the articles it does."""

    groups: dict[str, str]  # article id -> group id
    reasons: dict[str, str]  # group id -> reason


@dataclass(frozen=True, slots=True)
class Support:
    """One article's backing for a compared claim."""

    article: str
    quote: str
    attributed_to: tuple[str, ...]
    origin: Origin
    value: str | None
    hedged: bool
    hedge: str | None
    claim_index: int  # position of the claim in the input list


@dataclass(frozen=True, slots=True)
class Version:
    """One value a claim is given in, with the articles giving it and how it relates to the others."""

    value: str | None
    articles: tuple[str, ...]
    relation: str  # "main", "precision", "no_value", "revision:earlier", "conflict"
    reason: str


@dataclass(frozen=True, slots=True)
class OriginSupport:
    """An origin family and the articles (and groups) that cite it for one claim."""

    origin: Origin
    articles: tuple[str, ...]
    groups: tuple[str, ...]

    @property
    def shared(self) -> bool:
        return len(self.groups) > 1


@dataclass(frozen=True, slots=True)
class ComparedClaim:
    """A claim as the sources tell it together: status, support, versions and origins, each with a reason."""

    id: str
    kind: ClaimKind
    statement: str
    value: str | None
    status: ClaimStatus
    reason: str
    support: tuple[Support, ...]
    versions: tuple[Version, ...]
    origins: tuple[OriginSupport, ...]
    independent_lines: int
    hedged: bool
    conflict_pairs: tuple[tuple[int, int], ...] = ()  # input claim indices whose values clash

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "statement": self.statement,
            "value": self.value,
            "status": self.status,
            "reason": self.reason,
            "hedged": self.hedged,
            "independent_lines": self.independent_lines,
            "support": [
                {
                    "article": s.article,
                    "quote": s.quote,
                    "attributed_to": " citing ".join(s.attributed_to) if s.attributed_to else None,
                    "chain": list(s.attributed_to),
                    "origin": s.origin.label,
                    "value": s.value,
                    "hedged": s.hedged,
                    "hedge": s.hedge,
                }
                for s in self.support
            ],
            "versions": [
                {
                    "value": v.value,
                    "articles": list(v.articles),
                    "relation": v.relation,
                    "reason": v.reason,
                }
                for v in self.versions
            ],
            "origins": [
                {
                    "origin": o.origin.key,
                    "label": o.origin.label,
                    "articles": list(o.articles),
                    "groups": list(o.groups),
                    "shared": o.shared,
                    "why": o.origin.reason,
                }
                for o in self.origins
            ],
        }


@dataclass(frozen=True, slots=True)
class Difference:
    """A typed difference between sources: only `conflict` makes a claim conflicting."""

    type: DifferenceType
    claims: tuple[str, ...]  # compared-claim ids (one for a within-claim difference)
    articles: tuple[str, ...]
    values: tuple[str, ...]
    reason: str

    def to_json(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "claims": list(self.claims),
            "articles": list(self.articles),
            "values": list(self.values),
            "reason": self.reason,
        }


@dataclass(frozen=True, slots=True)
class Discrepancy:
    """One entity written differently by different sources."""

    entity: str
    name: str
    variants: dict[str, tuple[str, ...]]
    why: str

    def to_json(self) -> dict[str, Any]:
        return {
            "entity": self.entity,
            "name": self.name,
            "variants": {k: list(v) for k, v in self.variants.items()},
            "why": self.why,
        }


@dataclass(frozen=True, slots=True)
class StoryComparison:
    """The comparison of one story, ready to render as the CONTRACT's story JSON."""

    sources: tuple[SourceArticle, ...]
    independence: Independence
    entities: tuple[StoryEntity, ...]
    claims: tuple[ComparedClaim, ...]
    differences: tuple[Difference, ...]
    discrepancies: tuple[Discrepancy, ...]
    minor: tuple[Claim, ...] = ()  # claims demoted to kind "other": context, not compared
    # bursts of reporting weeks apart (cluster/episodes.py), each compared on its own; () for one
    episodes: tuple[Episode, ...] = ()

    def claim(self, claim_id: str) -> ComparedClaim:
        return next(c for c in self.claims if c.id == claim_id)

    def to_json(self) -> dict[str, Any]:
        groups = self.independence.groups
        episode_of = {a: e.index for e in self.episodes for a in e.articles}
        claims = []
        for c in self.claims:
            row = c.to_json()
            if episode_of:
                row["episode"] = episode_of.get(c.support[0].article) if c.support else None
            claims.append(row)
        return {
            "sources": [
                {
                    "article": a.id,
                    "ref": a.ref,
                    "outlet": a.outlet,
                    "published": a.published,
                    "independence_group": groups.get(a.id),
                    "independence_reason": self.independence.reasons.get(groups.get(a.id, ""), ""),
                    **({"episode": episode_of.get(a.id)} if episode_of else {}),
                }
                for a in self.sources
            ],
            "episodes": [e.to_json() for e in self.episodes],
            "entities": [
                {
                    "id": e.id,
                    "name": e.name,
                    "type": e.type,
                    "variants": {k: list(v) for k, v in e.variants.items()},
                }
                for e in self.entities
            ],
            "claims": claims,
            "single_source": [
                {"claim": c.id, "statement": c.statement, "reason": c.reason}
                for c in self.claims
                if c.status == "single_source"
            ],
            "differences": [d.to_json() for d in self.differences],
            "discrepancies": [d.to_json() for d in self.discrepancies],
            "minor_claims": [
                {"article": c.article_id, "statement": c.statement, "quote": c.quote,
                 "was": c.extra.get("was"), "why": c.extra.get("demoted")}  # fmt: skip
                for c in self.minor
            ],
        }


def id_list(ids: list[str] | tuple[str, ...], limit: int = 8) -> str:
    """Ids for a reason string: the first few and a count, so a story of thousands stays readable."""
    ids = list(ids)
    if len(ids) <= limit:
        return ", ".join(ids)
    return f"{', '.join(ids[:limit])} and {len(ids) - limit} more"
