"""Independence groups: copies of one text count once, and so do articles resting on one cited origin.

Rules, in order (each group carries the reason it was formed):
1. Articles with the same `copy_group` are one group (one text, however many outlets ran it), and
   so are articles of one outlet (one newsroom: its follow-up confirms nothing it said before).
2. The story's core claims are the aligned claims told by the most copy-units (at least two). For each unit we take the set of origins its core claims rest on. Units whose
   set is the same are one group: three outlets that all cite DPA citing the authorities add nothing
   to one another. Unattributed text is the outlet's own reporting, keyed by outlet, so it only ever
   joins articles of one newsroom. A unit that adds an origin of its own (its own reporting, or a
   second cited source) stays independent.
Per-claim counting (status.py) applies rule 2 again to the supports of each single claim.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from consilience.compare.align import Context, all_relations, build_context, cluster
from consilience.compare.origins import story_origins
from consilience.compare.types import Independence, Origin, SourceArticle, StoryEntity, id_list
from consilience.model import Claim

_CORE_KINDS = frozenset({"quantity", "event", "date"})


def _union_find(keys: Sequence[str]) -> tuple[dict[str, str], Callable[[str], str]]:
    parent = {k: k for k in keys}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    return parent, find


def core_clusters(
    claims: Sequence[Claim], clusters: list[list[int]], unit_of: dict[str, str]
) -> list[list[int]]:
    """The clusters told by the most copy-units: what the story is about."""
    spans = []
    for members in clusters:
        if claims[members[0]].kind not in _CORE_KINDS:
            continue
        units = {unit_of.get(claims[i].article_id, claims[i].article_id) for i in members}
        spans.append((len(units), members))
    if not spans:
        return []
    best = max(n for n, _ in spans)
    if best < 2:
        return []
    # Only the most widely told claims: a claim three of seven outlets tell is context, and
    # letting it in makes one mis-aligned sentence split outlets that rest on one origin.
    return [m for n, m in spans if n == best]


def describe_origins(origins: frozenset[str], labels: dict[str, str]) -> str:
    return ", ".join(sorted(labels.get(o, o) for o in origins))


def compute_independence(
    articles: Sequence[SourceArticle],
    claims: Sequence[Claim],
    clusters: list[list[int]],
    origins: dict[int, Origin],
) -> Independence:
    """Independence groups from copies and shared core origins (see the module docstring)."""
    ids = [a.id for a in articles]
    parent, find = _union_find(ids)
    why: dict[str, list[str]] = {}
    by_copy: dict[str, list[str]] = {}
    for a in articles:
        if a.copy_group:
            by_copy.setdefault(a.copy_group, []).append(a.id)
    for copy, members in by_copy.items():
        for m in members[1:]:
            parent[find(m)] = find(members[0])
        if len(members) > 1:
            why.setdefault(members[0], []).append(
                f"copies of one text (copy group {copy}): {id_list(members)}"
            )
    by_outlet: dict[str, list[str]] = {}
    for a in articles:
        if a.outlet and a.outlet.strip():
            by_outlet.setdefault(a.outlet.strip().casefold(), []).append(a.id)
    for members in by_outlet.values():
        if len(members) > 1:
            outlet = next(a.outlet for a in articles if a.id == members[0])
            for m in members[1:]:
                parent[find(m)] = find(members[0])
            why.setdefault(members[0], []).append(f"one outlet ({outlet}): {id_list(members)}")
    unit_of = {a: find(a) for a in ids}
    labels = {o.key: o.label for o in origins.values()}
    core = core_clusters(claims, clusters, unit_of)
    unit_origins: dict[str, set[str]] = {}
    for members in core:
        for i in members:
            unit = unit_of.get(claims[i].article_id)
            if unit is not None:
                unit_origins.setdefault(unit, set()).add(origins[i].key)
    by_set: dict[frozenset[str], list[str]] = {}
    for unit, keys in unit_origins.items():
        if keys:
            by_set.setdefault(frozenset(keys), []).append(unit)
    for keys, units in by_set.items():
        if len(units) < 2:
            continue
        for u in units[1:]:
            parent[find(u)] = find(units[0])
        why.setdefault(find(units[0]), []).append(
            f"{id_list(sorted(units))} rest on the same cited origin for the core claims: "
            f"{describe_origins(keys, labels)}"
        )
    roots: dict[str, str] = {}
    groups: dict[str, str] = {}
    for a in ids:
        root = find(a)
        if root not in roots:
            roots[root] = f"g{len(roots) + 1}"
        groups[a] = roots[root]
    reasons: dict[str, str] = {}
    for root, gid in roots.items():
        members = [a for a in ids if groups[a] == gid]
        notes = [n for r in why for n in why[r] if find(r) == root]
        if notes:
            reasons[gid] = "; ".join(notes)
        else:
            reasons[gid] = (
                f"{members[0]} alone: no copy of it in the story, and its core claims do not rest "
                "on exactly the origins another article's rest on"
            )
    return Independence(groups, reasons)


def independence_groups(
    articles: Sequence[SourceArticle],
    claims: Sequence[Claim],
    entities: Sequence[StoryEntity] = (),
) -> Independence:
    """Independence group of every article of a story, with reasons.

    Args:
        articles: the story's articles (copy_group set by the copy detector).
        claims: every claim extracted from those articles.
        entities: resolved entities, so actor names align across spellings.
    Returns:
        Independence(groups={article id: group id}, reasons={group id: why}).
    """
    claims = [c for c in claims if c.kind != "other"]  # demoted context (extract/salience.py)
    ctx: Context = build_context(articles, entities)
    outlets = {a.id: a.outlet for a in articles}
    origins = story_origins(claims, outlets)
    clusters = cluster(claims, all_relations(ctx, claims))
    return compute_independence(articles, claims, clusters, origins)
