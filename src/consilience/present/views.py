"""View models: the CONTRACT's JSON shapes, built once and rendered by the CLI, web and report."""

from __future__ import annotations

import sqlite3
from typing import Any

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


def article_detail(store: Store, row: sqlite3.Row) -> dict[str, Any]:
    extras = getattr(store, "article_extras", None)
    found = extras(row["id"]) if extras else {}
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


def skipped_rows(store: Store) -> list[dict[str, Any]]:
    return [
        {"input": r["input"], "reason": r["reason"], "detail": r["detail"], "times": r["times"], "last_seen": r["last_seen"]}
        for r in store.skipped()
    ]
