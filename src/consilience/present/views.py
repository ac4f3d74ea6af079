"""View models: the CONTRACT's JSON shapes, built once and rendered by the CLI, web and report."""

from __future__ import annotations

import sqlite3
from typing import Any

from consilience.extract.sentences import lead
from consilience.store import Store


def article_row(row: sqlite3.Row, story: str | None = None) -> dict[str, Any]:
    return {
        "id": row["id"],
        "ref": row["ref"],
        "url": row["url"],
        "outlet": row["outlet"],
        "title": row["title"],
        "published": row["published"],
        "language": row["language"],
        "story": story,
    }


def article_rows(store: Store) -> list[dict[str, Any]]:
    """CONTRACT `articles`: every article, oldest first, with its story."""
    stories = story_of_articles(store)
    return [article_row(r, stories.get(r["id"])) for r in store.articles()]


def article_detail(store: Store, row: sqlite3.Row) -> dict[str, Any]:
    found = article_findings(store, row["id"])
    view = article_row(row, found.get("story"))
    view.update(
        {
            "byline": row["byline"],
            "subtitle": row["subtitle"],
            "text": row["text"],
            "published_source": row["published_source"],
            "published_inferred": bool(row["published_inferred"]),
            "format": row["format"],
            "sources": store.sources_of(row["id"]),
            "flags": [f for f in (row["flags"] or "").split("\n") if f],
            "mentions": found.get("mentions", []),
            "claims": found.get("claims", []),
        }
    )
    return view


def article_findings(store: Store, article_id: str) -> dict[str, Any]:
    """Story, mentions (with their entity) and claims of one article."""
    from consilience.store.analysis import claims_of

    story = store.conn.execute("SELECT story_id, copy_group FROM story_articles WHERE article_id = ?", (article_id,)).fetchone()
    mentions = [
        {"text": r["text"], "type": r["type"], "role": r["role"], "start": r["start"], "end": r["end"],
         "canonical": r["canonical"], "entity": r["entity_id"], "entity_name": r["name"]}
        for r in store.conn.execute(
            'SELECT m.*, e.name FROM mentions m LEFT JOIN entities e ON e.id = m.entity_id WHERE m.article_id = ? ORDER BY m.start',
            (article_id,),
        )
    ]
    claims = [
        {"kind": c.kind, "statement": c.statement, "value": c.value, "unit": c.unit, "quote": c.quote,
         "start": c.start, "end": c.end, "approximate": c.approximate, "hedged": c.hedged, "hedge": c.hedge,
         "event_type": c.event_type, "when": c.when,
         "attributed_to": " citing ".join(c.attribution.chain) if c.attribution else None}
        for c in claims_of(store, [article_id])
    ]
    return {"story": story[0] if story else None, "copy_group": story[1] if story else None, "mentions": mentions, "claims": claims}


def story_of_articles(store: Store) -> dict[str, str]:
    return {r[0]: r[1] for r in store.conn.execute("SELECT article_id, story_id FROM story_articles")}


def skipped_rows(store: Store) -> list[dict[str, Any]]:
    return [
        {"input": r["input"], "reason": r["reason"], "detail": r["detail"], "times": r["times"], "last_seen": r["last_seen"]}
        for r in store.skipped()
    ]


def _json(text: str | None, default: Any) -> Any:
    import json

    return json.loads(text) if text else default


def story_rows(store: Store, limit: int | None = None) -> list[dict[str, Any]]:
    """CONTRACT `stories`: one row per story, largest first, then most recent."""
    ids = [
        r[0]
        for r in store.conn.execute(
            "SELECT id FROM stories ORDER BY size DESC, last_seen DESC, id" + (f" LIMIT {int(limit)}" if limit else "")
        )
    ]
    return story_rows_for(store, ids)


def find_story_id(store: Store, key: str) -> str:
    from consilience.errors import UserInputError

    row = store.conn.execute("SELECT id FROM stories WHERE id = ?", (key,)).fetchone()
    if row is None and len(key) >= 4:
        rows = store.by_id_prefix("stories", key)
        row = rows[0] if len(rows) == 1 else None
    if row is None:
        # an article id or ref leads to its story
        found = store.conn.execute(
            "SELECT s.story_id FROM story_articles s JOIN articles a ON a.id = s.article_id WHERE a.id = ? OR a.ref = ? LIMIT 1",
            (key, key),
        ).fetchone()
        row = found
    if row is None:
        raise UserInputError(f"no story with id {key!r}", "list them with `consilience stories`")
    return row[0]


def story_detail(store: Store, story_id: str) -> dict[str, Any]:
    """CONTRACT `story`: sources with independence groups, entities, claims, discrepancies, and why each article joined."""
    head = store.conn.execute("SELECT * FROM stories WHERE id = ?", (story_id,)).fetchone()
    comparison = _json(
        (store.conn.execute("SELECT data FROM comparisons WHERE story_id = ?", (story_id,)).fetchone() or [None])[0], {}
    )
    members = store.conn.execute(
        "SELECT a.id, a.ref, a.outlet, a.title, a.published, a.url, a.language, s.copy_group, s.why, "
        "CASE WHEN a.title IS NULL OR a.title = '' THEN substr(a.text, 1, 1000) END AS opening FROM articles a "
        "JOIN story_articles s ON s.article_id = a.id WHERE s.story_id = ? ORDER BY a.published, a.id",
        (story_id,),
    ).fetchall()
    groups = {s["article"]: s for s in comparison.get("sources", [])}
    sources = []
    for m in members:
        compared = groups.get(m["id"], {})
        sources.append(
            {
                "article": m["id"],
                "ref": m["ref"],
                "outlet": m["outlet"],
                "title": m["title"],
                "lead": lead(m["opening"]) if m["opening"] else None,  # the label when no title
                "url": m["url"],
                "language": m["language"],
                "published": m["published"],
                "independence_group": compared.get("independence_group"),
                "independence_reason": compared.get("independence_reason"),
                "episode": compared.get("episode"),
                "copy_group": m["copy_group"],
                "joined_because": _json(m["why"], {}),
            }
        )
    titles = {s["article"]: s["title"] or s["lead"] for s in sources}
    episodes = [
        {**e, "title": next((titles[a] for a in e.get("articles", []) if titles.get(a)), None)}
        for e in comparison.get("episodes", [])
    ]
    view = {
        "id": story_id,
        "title": head["title"] if head else None,
        "first_seen": head["first_seen"] if head else None,
        "last_seen": head["last_seen"] if head else None,
        "sources": sources,
        "episodes": episodes,
        "entities": comparison.get("entities", []),
        "claims": comparison.get("claims", []),
        "discrepancies": comparison.get("discrepancies", []),
        "differences": comparison.get("differences", []),
        "single_source": comparison.get("single_source", []),
        "minor_claims": comparison.get("minor_claims", []),
        "compared": comparison.get("compared"),
    }
    return view


def entity_rows(store: Store, limit: int | None = None) -> list[dict[str, Any]]:
    rows = store.conn.execute(
        "SELECT id, name, type, mentions, data FROM entities ORDER BY mentions DESC, name" + (f" LIMIT {int(limit)}" if limit else "")
    ).fetchall()
    out = []
    for r in rows:
        data = _json(r["data"], {})
        variants = data.get("variants", {})
        out.append(
            {
                "id": r["id"],
                "name": r["name"],
                "type": r["type"],
                "mentions": r["mentions"],
                "variants": variants,
                "articles": sorted({a for arts in variants.values() for a in arts}),
            }
        )
    return out


def find_entity(store: Store, key: str, fuzzy: bool = True) -> Any:
    """An entity by id, name or any surface form; with `fuzzy`, also by name comparison.

    The fuzzy pass compares the key with up to 2,000 entity names (seconds on a cold gazetteer),
    so the web server and the report ask without it.
    """
    from consilience.errors import UserInputError

    row = store.conn.execute("SELECT * FROM entities WHERE id = ?", (key,)).fetchone()
    if row is None and len(key) >= 6 and all(c in "0123456789abcdef" for c in key):
        # the 12-character id `consilience entities` shows, as `story` and `article` take theirs
        rows = store.by_id_prefix("entities", key)
        if len(rows) > 1:
            raise UserInputError(f"{key!r} matches several entities", "give more characters of the id")
        row = rows[0] if rows else None
    if row is None:
        row = store.conn.execute(
            "SELECT * FROM entities WHERE name = ? COLLATE NOCASE ORDER BY mentions DESC LIMIT 1", (key,)
        ).fetchone()
    if row is None:
        # any surface form of any entity
        row = store.conn.execute(
            "SELECT e.* FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE m.text = ? COLLATE NOCASE "
            "GROUP BY e.id ORDER BY COUNT(*) DESC LIMIT 1",
            (key,),
        ).fetchone()
    if row is None and fuzzy:
        from consilience.names import compare_names

        for candidate in store.conn.execute("SELECT * FROM entities ORDER BY mentions DESC LIMIT 2000"):
            if compare_names(key, candidate["name"], candidate["type"]).same:
                row = candidate
                break
    if row is None:
        raise UserInputError(f"no entity with id or name {key!r}", "list them with `consilience entities`")
    return row


def judgement_outcome(store: Store, a: str, b: str, same: bool) -> str | None:
    """Why a judgement just recorded did not take effect, in words; None when it did.

    Why this is needed: a judgement acts on whole per-article records, so names that one article
    uses for one person ("Gribov" after "Stepan Gribov") cannot be judged apart, and a name no
    stored article uses waits for one. Saying so beats a silent "recorded".
    """

    def entity_of(name: str) -> str | None:
        row = store.conn.execute("SELECT id FROM entities WHERE id = ?", (name,)).fetchone()
        row = row or store.conn.execute(
            "SELECT entity_id FROM mentions WHERE (text = ? COLLATE NOCASE OR canonical = ? COLLATE NOCASE) "
            "AND entity_id IS NOT NULL GROUP BY entity_id ORDER BY COUNT(*) DESC LIMIT 1",
            (name, name),
        ).fetchone()
        return row[0] if row else None

    ea, eb = entity_of(a), entity_of(b)
    missing = [name for name, e in ((a, ea), (b, eb)) if e is None]
    if missing:
        names = " and ".join(repr(n) for n in missing)
        return f"no stored article names {names} yet; the judgement applies once one does"
    if same or ea != eb:
        return None if (ea == eb) == same else f"{a!r} and {b!r} are still apart; see `consilience entity {a!r}`"
    row = store.conn.execute(
        "SELECT x.article_id FROM mentions x JOIN mentions y ON y.article_id = x.article_id "
        "AND y.entity_id = x.entity_id WHERE x.entity_id = ? AND x.text = ? COLLATE NOCASE "
        "AND y.text = ? COLLATE NOCASE LIMIT 1",
        (ea, a, b),
    ).fetchone()
    where = f" (article {row[0]}, for one)" if row else ""
    return (
        f"{a!r} and {b!r} are still one entity: articles use both names for one entity{where}, "
        "and a judgement separates names across articles, not within one"
    )


def entity_detail(store: Store, row: Any) -> dict[str, Any]:
    """CONTRACT `entity`: variants with the outlets using them, stories, articles, timeline of events."""
    data = _json(row["data"], {})
    variants = data.get("variants", {})
    article_ids = sorted({a for arts in variants.values() for a in arts})
    outlets: dict[str, set[str]] = {}
    marks = ",".join("?" * len(article_ids)) or "''"
    arts = {
        r["id"]: r
        for r in store.conn.execute(
            f"SELECT a.id, a.title, a.outlet, a.published, a.ref, s.story_id FROM articles a "
            f"LEFT JOIN story_articles s ON s.article_id = a.id WHERE a.id IN ({marks})",
            article_ids,
        )
    }
    for surface, ids in variants.items():
        outlets[surface] = {arts[i]["outlet"] or arts[i]["ref"] or i[:10] for i in ids if i in arts}
    stories = sorted({a["story_id"] for a in arts.values() if a["story_id"]})
    marks = ",".join("?" * len(stories))
    story_titles = (
        {r["id"]: r["title"] for r in store.conn.execute(f"SELECT id, title FROM stories WHERE id IN ({marks})", stories)}
        if stories
        else {}
    )
    return {
        "id": row["id"],
        "name": row["name"],
        "type": row["type"],
        "mentions": row["mentions"],
        "variants": variants,
        "variant_outlets": {k: sorted(v) for k, v in outlets.items()},
        "why_merged": data.get("why", []),
        "articles": [
            {"id": a["id"], "title": a["title"], "outlet": a["outlet"], "published": a["published"], "story": a["story_id"]}
            for a in sorted(arts.values(), key=lambda a: (a["published"] or "", a["id"]))
        ],
        "stories": [{"id": s, "title": story_titles.get(s)} for s in stories],
        "timeline": entity_timeline(store, row, variants, arts),
    }


# Events every party named beside them takes part in, whoever the grammar makes their subject.
_SHARED_EVENTS = frozenset({"meeting", "agreement"})


def entity_timeline(store: Store, row: Any, variants: dict[str, list[str]], arts: dict[str, Any]) -> list[dict[str, Any]]:
    """Events whose actors include the entity, dated by the claim or its article, with sources."""
    from consilience.store.analysis import claims_of

    surfaces = {s.casefold() for s in variants} | {row["name"].casefold()}
    last_names = {s.split()[-1].casefold() for s in surfaces if s.split()}
    events: dict[tuple[str, str], dict[str, Any]] = {}
    for claim in claims_of(store, list(arts)):
        # Events demoted as minor for the story table (e.g. a sentence already stated as a count)
        # still belong on a person's timeline.
        if not claim.event_type or (claim.kind != "event" and claim.extra.get("was") != "event"):
            continue
        if claim.event_type == "statement":  # who said what is an attribution, not a life event
            continue
        actors = {a.casefold() for a in claim.actors}
        named = actors & surfaces or {a for a in actors if a.split() and a.split()[-1] in last_names}
        quote = claim.quote.casefold()
        in_sentence = any(s in quote for s in surfaces if len(s) > 3)
        if not named and not (claim.event_type in _SHARED_EVENTS and in_sentence):
            # named in the sentence is not enough: "The man, who had been kidnapped by Boko
            # Haram, was detained" is no event of Boko Haram's; but every party named beside
            # talks or a deal took part in it ("after envoy Owen Brakely's two days of talks")
            continue
        # With no date of its own the event takes its article's: that is when it was reported,
        # which for a restated past event ("sentenced to eleven years") is not when it happened.
        reported = not claim.when
        when = claim.when or (arts[claim.article_id]["published"] or "")[:10] or None
        key = (claim.event_type, (when or "")[:7])
        entry = events.setdefault(
            key,
            {"event": claim.event_type, "when": when, "statement": claim.statement, "quote": claim.quote,
             "sources": [], "dated_by": "article" if reported else "text"},
        )
        if not reported:
            entry["dated_by"] = "text"  # one source dates it itself: the date is the event's
        article = arts[claim.article_id]
        entry["sources"].append(
            {"article": claim.article_id, "outlet": article["outlet"] or article["ref"], "quote": claim.quote,
             "attributed_to": " citing ".join(claim.attribution.chain) if claim.attribution else None}
        )
    return sorted(events.values(), key=lambda e: (e["when"] or "9999", e["event"]))


# -- search and paging for the web UI and API (appended; the functions above are unchanged) ---------

MAX_ROWS = 1000  # no listing returns more rows than this, whatever the caller asks


def _like(text: str) -> str:
    """A LIKE pattern that matches TEXT literally anywhere (\\ escapes % and _)."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _clamp(limit: int | None, default: int = 50) -> int:
    return max(1, min(int(limit or default), MAX_ROWS))


def search_story_ids(
    store: Store,
    q: str | None = None,
    entity: str | None = None,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    sort: str = "size",
    limit: int | None = 50,
    offset: int = 0,
) -> tuple[list[str], int]:
    """Story ids matching the filters (text in title/outlet, entity, outlet, date range), one page, and the total."""
    where: list[str] = []
    args: list[Any] = []
    if q:
        where.append(
            "(s.title LIKE ? ESCAPE '\\' OR s.id IN (SELECT sa.story_id FROM story_articles sa JOIN articles a "
            "ON a.id = sa.article_id WHERE a.title LIKE ? ESCAPE '\\' OR a.outlet LIKE ? ESCAPE '\\'))"
        )
        args += [_like(q)] * 3
    if entity:
        where.append(
            "s.id IN (SELECT sa.story_id FROM mentions m JOIN story_articles sa ON sa.article_id = m.article_id "
            "WHERE m.entity_id IN (SELECT id FROM entities WHERE id = ? OR name LIKE ? ESCAPE '\\') OR m.text LIKE ? ESCAPE '\\')"
        )
        args += [entity, _like(entity), _like(entity)]
    if outlet:
        where.append(
            "s.id IN (SELECT sa.story_id FROM story_articles sa JOIN articles a ON a.id = sa.article_id "
            "WHERE a.outlet = ? COLLATE NOCASE)"
        )
        args.append(outlet)
    if since:
        where.append("s.last_seen >= ?")
        args.append(since)
    if until:
        where.append("s.first_seen <= ?")
        args.append(until + "\uffff")  # the whole day named, whatever the time part
    clause = (" WHERE " + " AND ".join(where)) if where else ""
    order = "s.last_seen DESC, s.size DESC, s.id" if sort == "recent" else "s.size DESC, s.last_seen DESC, s.id"
    total = store.conn.execute(f"SELECT COUNT(*) FROM stories s{clause}", args).fetchone()[0]
    rows = store.conn.execute(
        f"SELECT s.id FROM stories s{clause} ORDER BY {order} LIMIT ? OFFSET ?", [*args, _clamp(limit), max(0, int(offset))]
    ).fetchall()
    return [r[0] for r in rows], total


def story_rows_for(store: Store, story_ids: list[str]) -> list[dict[str, Any]]:
    """CONTRACT `stories` rows (plus counts) for the given ids, in the given order.

    Two queries per MAX_ROWS ids: the stories with the summary kept when each was compared, and
    their members (a per-story JSON scan made the list page slow on large stores).
    """
    if len(story_ids) > MAX_ROWS:  # SQLite caps bound parameters; pages are at most MAX_ROWS
        return [row for at in range(0, len(story_ids), MAX_ROWS) for row in story_rows_for(store, story_ids[at : at + MAX_ROWS])]
    import json

    ids = story_ids
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    heads = {
        r["id"]: r
        for r in store.conn.execute(
            f"SELECT id, title, first_seen, last_seen, size, summary FROM stories WHERE id IN ({marks})", ids
        )
    }
    members: dict[str, list[Any]] = {}
    for r in store.conn.execute(
        f"SELECT s.story_id, a.id, a.ref, a.outlet FROM story_articles s JOIN articles a ON a.id = s.article_id "
        f"WHERE s.story_id IN ({marks}) ORDER BY a.published, a.id",
        ids,
    ):
        members.setdefault(r[0], []).append(r)
    views = []
    for story_id in ids:
        row = heads.get(story_id)
        if row is None:
            continue
        summary = json.loads(row["summary"] or "{}")
        people = members.get(story_id, [])
        counts = summary.get("claims", {})
        views.append(
            {
                "id": row["id"],
                "title": row["title"],
                "articles": [m[1] for m in people],
                "refs": [m[2] for m in people if m[2]],
                "outlets": summary.get("outlets") or sorted({m[3] for m in people if m[3]}),
                "first_seen": row["first_seen"],
                "last_seen": row["last_seen"],
                "independence_groups": summary.get("independence_groups", 0),
                "episodes": summary.get("episodes", 1),
                "claims": {k: counts.get(k, 0) for k in ("corroborated", "single_source", "conflicting")},
            }
        )
    return views


def article_rows_page(store: Store, q: str | None = None, limit: int | None = 100, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    """CONTRACT `articles` rows, one page (optionally filtered by title/outlet text), and the total."""
    clause, args = "", []
    if q:
        clause = " WHERE a.title LIKE ? ESCAPE '\\' OR a.outlet LIKE ? ESCAPE '\\'"
        args = [_like(q)] * 2
    total = store.conn.execute(f"SELECT COUNT(*) FROM articles a{clause}", args).fetchone()[0]
    rows = store.conn.execute(
        f"SELECT a.*, s.story_id FROM articles a LEFT JOIN story_articles s ON s.article_id = a.id{clause} "
        "ORDER BY a.published IS NULL, a.published, a.id LIMIT ? OFFSET ?",
        [*args, _clamp(limit, 100), max(0, int(offset))],
    ).fetchall()
    return [article_row(r, r["story_id"]) for r in rows], total


def entity_rows_page(store: Store, q: str | None = None, limit: int | None = 100, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    """Entity rows (as `entity_rows`), one page, optionally filtered by name text, and the total."""
    clause, args = "", []
    if q:
        clause = " WHERE name LIKE ? ESCAPE '\\'"
        args = [_like(q)]
    total = store.conn.execute(f"SELECT COUNT(*) FROM entities{clause}", args).fetchone()[0]
    rows = store.conn.execute(
        f"SELECT id, name, type, mentions, data FROM entities{clause} ORDER BY mentions DESC, name LIMIT ? OFFSET ?",
        [*args, _clamp(limit, 100), max(0, int(offset))],
    ).fetchall()
    out = []
    for r in rows:
        variants = _json(r["data"], {}).get("variants", {})
        out.append(
            {"id": r["id"], "name": r["name"], "type": r["type"], "mentions": r["mentions"], "variants": variants,
             "articles": sorted({a for arts in variants.values() for a in arts})}
        )
    return out, total


def outlet_names(store: Store, limit: int = 500) -> list[str]:
    """Outlets in the store, most articles first, for the search form."""
    rows = store.conn.execute(
        "SELECT outlet FROM articles WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY COUNT(*) DESC, outlet LIMIT ?",
        (_clamp(limit, 500),),
    ).fetchall()
    return [r[0] for r in rows]
