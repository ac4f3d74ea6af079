"""The one orchestrator for cross-article resolution: records -> pairs -> judgements -> components."""

from __future__ import annotations

from collections.abc import Iterable

from consilience.model import Mention
from consilience.resolve.components import cluster
from consilience.resolve.entities import Entity, build_entity
from consilience.resolve.pairs import Edge, candidate_pairs, score_pairs
from consilience.resolve.records import Record, build_records, co_mentions


def _records_named(records: list[Record], name: str) -> list[str]:
    """Keys of records whose canonical name or any surface form is `name` (case-insensitive)."""
    want = " ".join(name.split()).casefold()
    return [
        r.key
        for r in records
        if r.name.casefold() == want or any(s.casefold() == want for s in r.surfaces)
    ]


def _judgement_edges(
    records: list[Record],
    judgements: Iterable[tuple[str, str, bool]],
    by_id: dict[str, list[str]],
) -> tuple[list[Edge], list[Edge]]:
    forced: list[Edge] = []
    cannot: list[Edge] = []
    for a, b, same in judgements:
        ka = by_id.get(a) or _records_named(records, a)
        kb = by_id.get(b) or _records_named(records, b)
        verdict = "same" if same else "different"
        for x in ka:
            for y in kb:
                if x == y:
                    continue
                edge = Edge(
                    min(x, y), max(x, y), 1.0 if same else 0.0, f"judged {verdict}: {a} / {b}"
                )
                (forced if same else cannot).append(edge)
    return forced, cannot


def _entities(
    records: list[Record],
    merges: list[Edge],
    cannot: list[Edge],
    judgements: list[tuple[str, str, bool]],
    by_id: dict[str, list[str]],
) -> tuple[list[Entity], dict[str, list[str]]]:
    forced, judged_cannot = _judgement_edges(records, judgements, by_id)
    forced_pairs = {(e.a, e.b) for e in forced}
    # A judgement overrides a score in both directions: a judged pair is never a hard negative.
    cannot = [e for e in cannot if (e.a, e.b) not in forced_pairs] + judged_cannot
    judged_apart = {(e.a, e.b) for e in judged_cannot}
    merges = [e for e in merges if (e.a, e.b) not in judged_apart]
    comp = cluster(records, merges, cannot, forced)
    by_key = {r.key: r for r in records}
    ents: list[Entity] = []
    members: dict[str, list[str]] = {}
    for group in comp.groups():
        ent = build_entity([by_key[k] for k in group], comp.why[comp.find(group[0])])
        ents.append(ent)
        members[ent.id] = group
    ents.sort(key=lambda e: (-e.mentions, e.type, e.name, e.id))
    return ents, members


def resolve_entities(
    mentions: list[Mention],
    judgements: Iterable[tuple[str, str, bool]] = (),
    context: dict[str, set[str]] | None = None,
) -> list[Entity]:
    """Entities across articles from their mentions, most-mentioned first.

    Args:
        mentions: mentions from any number of articles (order does not matter).
        judgements: (a, b, same) where a and b are names or entity ids; a person's verdict
            overrides the score in every rebuild.
        context: article id -> context keys (e.g. story ids); two borderline names whose
            articles share a key are more likely one entity.

    Returns:
        Entities with stable ids, variants per surface form and the reasons for each merge.
    """
    judged = sorted((str(a), str(b), bool(s)) for a, b, s in judgements)
    records = build_records(sorted(mentions, key=lambda m: (m.article_id, m.start, m.end, m.text)))
    co = co_mentions(records)
    merges, cannot = score_pairs(candidate_pairs(records), context or {}, co)
    name_only = [j for j in judged]
    ents, members = _entities(records, merges, cannot, name_only, {})
    ids = {x for a, b, _ in judged for x in (a, b)}
    if ids & set(members):
        ents, _ = _entities(
            records, merges, cannot, judged, {i: members[i] for i in ids if i in members}
        )
    return ents
