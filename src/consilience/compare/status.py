"""Status of one aligned claim: count independent lines (groups, then shared sole origins), not articles."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from consilience.compare.align import Relation
from consilience.compare.types import (
    Independence,
    Origin,
    OriginSupport,
    SourceArticle,
    Support,
    Version,
    id_list,
)
from consilience.compare.values import quantity_of
from consilience.model import Claim, ClaimStatus


@dataclass(frozen=True, slots=True)
class Verdict:
    """Status, reason and what it was computed from."""

    status: ClaimStatus
    reason: str
    lines: int
    current: tuple[int, ...]  # claim indices still standing after revisions
    superseded: dict[int, str]  # claim index -> why it was replaced
    conflicts: tuple[tuple[int, int, str], ...]


def superseded_by_revision(
    members: Sequence[int], relations: dict[tuple[int, int], Relation]
) -> dict[int, str]:
    """Claims an updated figure replaced: the earlier side of each revision pair."""
    out: dict[int, str] = {}
    for x in members:
        for y in members:
            rel = relations.get((x, y))
            if rel and rel.type == "revision" and rel.later is not None:
                older = y if rel.later == x else x
                out[older] = rel.reason
    return out


def independent_lines(
    idx: Sequence[int], claims: Sequence[Claim], groups: Independence, origins: dict[int, Origin]
) -> tuple[int, list[list[str]], str]:
    """Groups supporting the claim, after merging groups whose support rests on the same sole cited origin."""
    per_group: dict[str, set[str]] = {}
    for i in idx:
        g = groups.groups.get(claims[i].article_id, claims[i].article_id)
        per_group.setdefault(g, set()).add(origins[i].key)
    lines: dict[frozenset[str], list[str]] = {}
    merged_note = ""
    for g, keys in sorted(per_group.items()):
        # own reporting is keyed by outlet, so equal sets only ever join one newsroom's articles
        lines.setdefault(frozenset(keys), []).append(g)
    for key, gs in lines.items():
        if len(gs) > 1:
            labels = sorted({origins[i].label for i in idx if origins[i].key in key})
            merged_note = (
                f"groups {', '.join(gs)} all rest on one cited origin ({'; '.join(labels)})"
            )
    return len(lines), list(lines.values()), merged_note


def _groups_text(idx: Sequence[int], claims: Sequence[Claim], groups: Independence) -> str:
    by_group: dict[str, list[str]] = {}
    for i in idx:
        g = groups.groups.get(claims[i].article_id, "?")
        if claims[i].article_id not in by_group.setdefault(g, []):
            by_group[g].append(claims[i].article_id)
    return "; ".join(f"{g}: {id_list(a)}" for g, a in sorted(by_group.items()))


_SHOWN_PAIRS = 3  # a reason is read by a person: a toll that moved all night has dozens of pairs


def verdict(
    members: Sequence[int],
    claims: Sequence[Claim],
    relations: dict[tuple[int, int], Relation],
    groups: Independence,
    origins: dict[int, Origin],
) -> Verdict:
    """corroborated (>= 2 independent lines), conflicting (incompatible values not explained), else single_source."""
    superseded = superseded_by_revision(members, relations)
    current = tuple(i for i in members if i not in superseded)
    conflicts = []
    # a later revision does not erase a disagreement: 7 (ministry) vs 12 (hospital) on the same
    # morning still conflict after both are revised to 14; only a current claim against a replaced one is not a conflict
    for x in members:
        for y in members:
            rel = relations.get((x, y))
            if not rel or rel.type != "conflict" or claims[x].article_id == claims[y].article_id:
                continue
            if (x in superseded) == (y in superseded):
                conflicts.append((x, y, rel.reason))
    if conflicts:
        sides = []
        for x, y, why in conflicts:
            gx = groups.groups.get(claims[x].article_id)
            gy = groups.groups.get(claims[y].article_id)
            note = "independent groups" if gx != gy else "the same group (copies disagree)"
            later = " (both figures later revised)" if x in superseded else ""
            sides.append(f"{why} ({note} {gx}, {gy}){later}")
        sides = list(dict.fromkeys(sides))  # one pair of articles may disagree in several sentences
        shown = "; ".join(sides[:_SHOWN_PAIRS])
        if len(sides) > _SHOWN_PAIRS:  # every pair stays in `conflicts` (the JSON's conflict_pairs)
            shown += f"; and {len(sides) - _SHOWN_PAIRS} more disagreeing pair(s)"
        reason = "sources give incompatible values: " + shown
        if superseded:
            reason += "; earlier figure revised: " + "; ".join(sorted(set(superseded.values())))
        return Verdict(
            "conflicting",
            reason,
            0,
            current,
            superseded,
            tuple(conflicts),
        )
    n, _lines, merged = independent_lines(current, claims, groups, origins)
    articles = sorted({claims[i].article_id for i in current})
    if n >= 2:
        labels = sorted({origins[i].label for i in current})
        reason = (
            f"supported by {n} independent lines ({_groups_text(current, claims, groups)}) "
            f"resting on {len(labels)} origin{'s' if len(labels) > 1 else ''}: {'; '.join(labels)}"
        )
        shared = _shared_origins(current, claims, groups, origins)
        if shared:
            reason += f"; shared origin: {shared}"
        if merged:
            reason += f"; {merged}"
    elif len(articles) == 1:
        reason = f"only one article ({articles[0]}) reports it"
    elif len({groups.groups.get(a) for a in articles}) == 1:
        g = groups.groups.get(articles[0])
        reason = f"only copies of one text or one origin ({g}: {id_list(articles)}): {groups.reasons.get(g, '')}"
    else:
        reason = f"{len(articles)} articles, but {merged}"
    if superseded:
        reason += "; earlier figure revised: " + "; ".join(sorted(set(superseded.values())))
    return Verdict(
        "corroborated" if n >= 2 else "single_source", reason, n, current, superseded, ()
    )


def _shared_origins(
    idx: Sequence[int], claims: Sequence[Claim], groups: Independence, origins: dict[int, Origin]
) -> str:
    by_origin: dict[str, set[str]] = {}
    for i in idx:
        by_origin.setdefault(origins[i].label, set()).add(
            groups.groups.get(claims[i].article_id, "")
        )
    return "; ".join(
        f"{label} (cited in groups {', '.join(sorted(gs))})"
        for label, gs in sorted(by_origin.items())
        if len(gs) > 1
    )


def origin_support(
    idx: Sequence[int], claims: Sequence[Claim], groups: Independence, origins: dict[int, Origin]
) -> tuple[OriginSupport, ...]:
    """Each origin the claim rests on, with the articles and groups citing it; shared ones first."""
    acc: dict[str, tuple[Origin, set[str], set[str], list[str]]] = {}
    for i in idx:
        o = origins[i]
        _, arts, gs, whys = acc.setdefault(o.key, (o, set(), set(), []))
        arts.add(claims[i].article_id)
        gs.add(groups.groups.get(claims[i].article_id, ""))
        if o.reason not in whys:
            whys.append(o.reason)
    out = [
        OriginSupport(Origin(o.key, o.label, "; ".join(whys)), tuple(sorted(a)), tuple(sorted(g)))
        for o, a, g, whys in acc.values()
    ]
    return tuple(sorted(out, key=lambda s: (-len(s.groups), s.origin.key)))


def versions(
    members: Sequence[int],
    claims: Sequence[Claim],
    v: Verdict,
    relations: dict[tuple[int, int], Relation],
) -> tuple[Version, ...]:
    """The values the claim is given in: the main one, less precise ones, revised ones, conflicting ones."""
    counts = Counter(x for x in (_shown(claims[i]) for i in v.current) if x is not None)
    main = counts.most_common(1)[0][0] if counts else None
    in_conflict = {x for x, y, _ in v.conflicts} | {y for x, y, _ in v.conflicts}
    by_value: dict[tuple[str | None, str], tuple[list[str], str]] = {}
    for i in members:
        value = _shown(claims[i])
        if i in in_conflict and value != main:
            relation, why = "conflict", next(r for x, y, r in v.conflicts if i in (x, y))
            if i in v.superseded:
                why += f"; later revised: {v.superseded[i]}"
        elif i in v.superseded:
            relation, why = "revision:earlier", v.superseded[i]
        elif i in in_conflict and value != main:
            relation, why = "conflict", next(r for x, y, r in v.conflicts if i in (x, y))
        elif value is None and main is not None:
            relation, why = "no_value", "states the fact without a figure"
        elif value == main:
            relation, why = "main", "the value most supports give"
        else:
            relation, why = "precision", _precision_reason(i, members, claims, relations)
        arts, _ = by_value.setdefault((value, relation), ([], why))
        if claims[i].article_id not in arts:
            arts.append(claims[i].article_id)
    return tuple(Version(val, tuple(a), rel, why) for (val, rel), (a, why) in by_value.items())


def _precision_reason(
    i: int,
    members: Sequence[int],
    claims: Sequence[Claim],
    relations: dict[tuple[int, int], Relation],
) -> str:
    for j in members:
        rel = relations.get((min(i, j), max(i, j)))
        if rel and rel.type == "precision":
            return rel.reason
    return "the same value, written differently"


def _shown(claim: Claim) -> str | None:
    q = quantity_of(claim) if claim.kind == "quantity" else None
    return q.text if q else claim.value


def supports(
    idx: Sequence[int], claims: Sequence[Claim], origins: dict[int, Origin]
) -> tuple[Support, ...]:
    """One Support per claim occurrence, in article order; one sentence of one article counts once.

    Two triggers in one sentence ("released ... under a pardon") can both read as the same claim;
    showing that quote twice would look like two reports where there is one.
    """
    seen: set[tuple[str, str]] = set()
    out = []
    for i in idx:
        key = (claims[i].article_id, claims[i].quote)
        if key in seen:
            continue
        seen.add(key)
        out.append(
            Support(
                article=claims[i].article_id,
                quote=claims[i].quote,
                attributed_to=claims[i].attribution.chain if claims[i].attribution else (),
                origin=origins[i],
                value=_shown(claims[i]),
                hedged=claims[i].hedged,
                hedge=claims[i].hedge,
                claim_index=i,
            )
        )
    return tuple(out)


def representative(
    idx: Sequence[int], claims: Sequence[Claim], sources: dict[str, SourceArticle]
) -> int:
    """The claim that speaks for the group: the main value, unhedged, exact, from the earliest article."""
    counts = Counter(x for x in (_shown(claims[i]) for i in idx) if x is not None)

    def rank(i: int) -> tuple:
        q = quantity_of(claims[i]) if claims[i].kind == "quantity" else None
        published = sources.get(claims[i].article_id)
        return (
            -counts[_shown(claims[i])],
            claims[i].hedged,
            not (q is None or q.exact),
            (published.published or "") if published else "",
            i,
        )

    return min(idx, key=rank)
