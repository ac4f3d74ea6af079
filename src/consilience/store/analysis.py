"""Reading and writing what the analysis stages found: mentions, claims, entities, stories."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any

from consilience.model import Attribution, Claim, Mention
from consilience.store.sqlite import Store


def claim_to_json(claim: Claim) -> str:
    return json.dumps(asdict(claim), ensure_ascii=False)


def claim_from_json(data: str) -> Claim:
    raw = json.loads(data)
    attribution = raw.pop("attribution", None)
    raw["actors"] = tuple(raw.get("actors") or ())
    if attribution:
        attribution = Attribution(chain=tuple(attribution["chain"]), cue=attribution["cue"])
    return Claim(**raw, attribution=attribution)


def unanalysed_articles(store: Store, version: str) -> list[Any]:
    return store.conn.execute(
        "SELECT a.* FROM articles a LEFT JOIN analysed x ON x.article_id = a.id "
        "WHERE x.version IS NULL OR x.version != ? ORDER BY a.published IS NULL, a.published, a.id",
        (version,),
    ).fetchall()


def _drop_comparisons(conn: Any, article_ids: list[str]) -> None:
    """Forget the comparison of each story these articles belong to; the next analysis redoes it."""
    conn.executemany(
        "DELETE FROM comparisons WHERE story_id IN (SELECT story_id FROM story_articles WHERE article_id = ?)",
        [(a,) for a in article_ids],
    )


def save_extraction(store: Store, version: str, found: list[tuple[str, list[Mention], list[Claim]]]) -> None:
    """Replace mentions and claims of these articles in one transaction (idempotent)."""
    with store.write() as conn:
        for article_id, mentions, claims in found:
            conn.execute("DELETE FROM mentions WHERE article_id = ?", (article_id,))
            conn.execute("DELETE FROM claims WHERE article_id = ?", (article_id,))
            # Its story compared the old claims (a re-read after an upgrade or a places file
            # change): drop that comparison, so the analysis redoes it rather than keep it stale.
            _drop_comparisons(conn, [article_id])
            conn.executemany(
                'INSERT INTO mentions (article_id, idx, start, "end", text, type, role, canonical) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
                [(article_id, i, m.start, m.end, m.text, m.type, m.role, m.canonical) for i, m in enumerate(mentions)],
            )
            conn.executemany(
                "INSERT INTO claims (article_id, idx, kind, data) VALUES (?, ?, ?, ?)",
                [(article_id, i, c.kind, claim_to_json(c)) for i, c in enumerate(claims)],
            )
            conn.execute(
                "INSERT INTO analysed (article_id, version) VALUES (?, ?) "
                "ON CONFLICT(article_id) DO UPDATE SET version = excluded.version",
                (article_id, version),
            )


def all_mentions(store: Store) -> list[Mention]:
    rows = store.conn.execute('SELECT article_id, start, "end", text, type, role, canonical FROM mentions').fetchall()
    return [Mention(r[0], r[1], r[2], r[3], r[4], r[5], r[6]) for r in rows]


def claims_of(store: Store, article_ids: list[str]) -> list[Claim]:
    claims: list[Claim] = []
    for article_id in article_ids:
        rows = store.conn.execute("SELECT data FROM claims WHERE article_id = ? ORDER BY idx", (article_id,)).fetchall()
        claims.extend(claim_from_json(r[0]) for r in rows)
    return claims


def judgements(store: Store) -> list[tuple[str, str, bool]]:
    return [(r[0], r[1], bool(r[2])) for r in store.conn.execute("SELECT a, b, same FROM judgements ORDER BY created")]


def add_judgement(store: Store, a: str, b: str, same: bool) -> None:
    first, second = sorted((a.strip(), b.strip()))
    with store.write() as conn:
        conn.execute(
            "INSERT INTO judgements (a, b, same, created) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(a, b) DO UPDATE SET same = excluded.same, created = excluded.created",
            (first, second, int(same), datetime.now(UTC).isoformat(timespec="seconds")),
        )


def save_entities(store: Store, entities: list[Any]) -> None:
    """Replace the entity table and point every mention at its entity.

    A story whose mentions now point elsewhere, or at an entity renamed or retyped, had its
    sources compared with the old entities: its comparison is dropped, so the analysis redoes it.
    """
    lookup: dict[tuple[str, str], str] = {}
    for entity in entities:
        for surface, articles in entity.variants.items():
            for article_id in articles:
                lookup[(article_id, surface)] = entity.id
    rows = store.conn.execute("SELECT article_id, idx, text, canonical, entity_id FROM mentions").fetchall()
    before = {r[0]: (r[1], r[2]) for r in store.conn.execute("SELECT id, name, type FROM entities")}
    after = {e.id: (e.name, e.type) for e in entities}
    renamed = {eid for eid, label in after.items() if before.get(eid, label) != label}
    changed: set[str] = set()
    updates = []
    for article_id, idx, text, canonical, old in rows:
        entity_id = lookup.get((article_id, text)) or lookup.get((article_id, canonical or ""))
        if entity_id != old or entity_id in renamed:
            changed.add(article_id)
        if entity_id != old:
            updates.append((entity_id, article_id, idx))
    with store.write() as conn:
        _drop_comparisons(conn, sorted(changed))
        conn.execute("DELETE FROM entities")
        conn.executemany(
            "INSERT INTO entities (id, name, type, mentions, data) VALUES (?, ?, ?, ?, ?)",
            [
                (e.id, e.name, e.type, e.mentions, json.dumps({"variants": e.variants, "why": e.why_merged}, ensure_ascii=False))
                for e in entities
            ],
        )
        conn.executemany("UPDATE mentions SET entity_id = ? WHERE article_id = ? AND idx = ?", updates)


def load_state(store: Store, name: str) -> Any:
    row = store.conn.execute("SELECT data FROM state WHERE name = ?", (name,)).fetchone()
    return json.loads(row[0]) if row else None


def story_members(store: Store) -> dict[str, list[str]]:
    members: dict[str, list[str]] = {}
    for story_id, article_id in store.conn.execute("SELECT story_id, article_id FROM story_articles ORDER BY article_id"):
        members.setdefault(story_id, []).append(article_id)
    return members
