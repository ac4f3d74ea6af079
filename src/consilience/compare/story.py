"""compare_story: the one entry point that turns a story's claims into statuses, differences and discrepancies."""

from __future__ import annotations

from collections.abc import Sequence

from consilience.compare.align import Relation, all_relations, build_context, cluster, settle_mutual
from consilience.compare.discrepancies import discrepancies
from consilience.compare.independence import compute_independence
from consilience.compare.origins import story_origins
from consilience.compare.status import origin_support, representative, supports, verdict, versions
from consilience.compare.types import (
    ComparedClaim,
    Difference,
    SourceArticle,
    StoryComparison,
    StoryEntity,
)
from consilience.compare.values import quantity_of
from consilience.ids import content_id
from consilience.model import Claim


def _claim_id(idx: Sequence[int], claims: Sequence[Claim]) -> str:
    parts = sorted(
        f"{claims[i].article_id}:{claims[i].start}:{claims[i].end}:{claims[i].kind}" for i in idx
    )
    return content_id("claim", *parts)


def _value_text(c: Claim) -> str:
    q = quantity_of(c) if c.kind == "quantity" else None
    return q.text if q else (c.value or c.when or "")


def _differences(
    claims: Sequence[Claim],
    clusters: list[list[int]],
    ids: list[str],
    relations: dict[tuple[int, int], Relation],
) -> list[Difference]:
    """Typed differences between articles: within a claim (precision, revision, conflict) and between claims (scope)."""
    where = {i: k for k, members in enumerate(clusters) for i in members}
    out: list[Difference] = []
    seen: set[tuple] = set()
    for (i, j), rel in sorted(relations.items()):
        a, b = claims[i], claims[j]
        if a.article_id == b.article_id or rel.type in {"same", "unrelated"}:
            continue
        ci, cj = where[i], where[j]
        if rel.type == "scope":
            if ci == cj:
                continue
            key = ("scope", min(ci, cj), max(ci, cj))
            involved = (ids[ci], ids[cj])
        else:
            if ci != cj:
                continue
            key = (rel.type, ci, _value_text(a), _value_text(b))
            involved = (ids[ci],)
        if key in seen:
            continue
        seen.add(key)
        out.append(
            Difference(
                rel.type,
                involved,
                (a.article_id, b.article_id),
                (_value_text(a), _value_text(b)),
                rel.reason,
            )
        )
    return out


def compare_story(
    articles: Sequence[SourceArticle],
    claims: Sequence[Claim],
    entities: Sequence[StoryEntity] = (),
) -> StoryComparison:
    """Align the story's claims and give each a status, counting independence groups, not articles.

    Args:
        articles: the story's articles, with outlet, publication time and copy group.
        claims: every claim extracted from them (model.Claim).
        entities: resolved entities with their surface forms per article.
    Returns:
        StoryComparison; `.to_json()` gives the CONTRACT's story shape plus `differences`
        and a `single_source` summary.
    """
    # kind "other" is context the extractor demoted (see extract/salience.py): not compared
    minor = [c for c in claims if c.kind == "other"]
    claims = [c for c in claims if c.kind != "other"]
    ctx = build_context(articles, entities)
    sources = {a.id: a for a in articles}
    origins = story_origins(claims, {a.id: a.outlet for a in articles})
    relations = settle_mutual(claims, all_relations(ctx, claims))
    clusters = cluster(claims, relations)
    groups = compute_independence(articles, claims, clusters, origins)
    ids = [_claim_id(m, claims) for m in clusters]
    compared = []
    for cid, members in zip(ids, clusters, strict=True):
        v = verdict(members, claims, relations, groups, origins)
        rep = claims[representative(v.current or members, claims, sources)]
        sup = supports(members, claims, origins)
        compared.append(
            ComparedClaim(
                id=cid,
                kind=rep.kind,
                statement=rep.statement,
                value=_value_text(rep) or None,
                status=v.status,
                reason=v.reason,
                support=sup,
                versions=versions(members, claims, v, relations),
                origins=origin_support(members, claims, groups, origins),
                independent_lines=v.lines,
                hedged=all(s.hedged for s in sup),
                conflict_pairs=tuple((x, y) for x, y, _ in v.conflicts),
            )
        )
    order = {"conflicting": 0, "corroborated": 1, "single_source": 2}
    compared.sort(key=lambda c: (order[c.status], -c.independent_lines, -len(c.support)))
    found = discrepancies(entities)
    diffs = _differences(claims, clusters, ids, relations)
    diffs += [
        Difference(
            "naming",
            (),
            tuple(sorted({a for arts in d.variants.values() for a in arts})),
            tuple(d.variants),
            d.why,
        )
        for d in found
    ]
    return StoryComparison(
        tuple(articles),
        groups,
        tuple(entities),
        tuple(compared),
        tuple(diffs),
        found,
        tuple(minor),
        ctx.episodes if len(ctx.episodes) > 1 else (),
    )
