"""A tiny invented corpus for the web tests: one story told by three outlets (one a wire copy), and one lone article."""

from __future__ import annotations

import json
from pathlib import Path

ARTICLES = [
    {
        "id": "web-001", "outlet": "Lantern Post", "author": "Mara Quell",
        "url": "https://lanternpost.example/2026/05/02/harbour-fire",
        "title": "Fire at Ostrel harbour destroys 14 warehouses",
        "published": "2026-05-02T09:10:00+00:00",
        "text": "A fire at the Ostrel harbour destroyed 14 warehouses on Saturday, the regional fire service said. "
        "Harbour director Ilse Vantor said no one was hurt. The fire started shortly after midnight, according to "
        "the fire service, and burned for six hours before crews brought it under control.\n\n"
        "Ilse Vantor told reporters the harbour would reopen on Monday.",
    },
    {
        "id": "web-002", "outlet": "Coastline Daily", "author": "Peder Asko",
        "url": "https://coastline.example/news/ostrel-harbour-fire",
        "title": "Ostrel harbour blaze burns 14 warehouses",
        "published": "2026-05-02T11:30:00+00:00",
        "text": "OSTREL, May 2 (Norwire) - A fire destroyed 14 warehouses at the Ostrel harbour on Saturday, Norwire "
        "reported, citing the regional fire service. Harbour director Ilse Wantor said no one was hurt. The blaze "
        "burned for six hours.\n\nThe harbour will reopen on Monday, Wantor said.",
    },
    {
        "id": "web-003", "outlet": "Fjordside News", "author": "Lene Moss",
        "url": "javascript:alert(1)",
        "title": "Twenty warehouses lost in Ostrel harbour fire",
        "published": "2026-05-02T16:45:00+00:00",
        "text": "Twenty warehouses were destroyed in a fire at Ostrel harbour on Saturday, local officials said. "
        "Harbour director Ilse Vantor said no one was hurt and that the harbour would reopen on Monday. "
        "The fire burned for six hours, the fire service said.",
    },
    {
        "id": "web-004", "outlet": "Lantern Post", "author": "Mara Quell",
        "url": "https://lanternpost.example/2026/05/20/bridge",
        "title": "Council approves new bridge over the Selva river",
        "published": "2026-05-20T08:00:00+00:00",
        "text": "The Tarnby city council approved a new bridge over the Selva river on Wednesday, mayor Oskar Lind said. "
        "The bridge will cost 40 million crowns and open in 2029, the council said in a statement.",
    },
]


def write_jsonl(path: Path, articles: list[dict] | None = None) -> Path:
    path.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in (articles or ARTICLES)) + "\n", encoding="utf-8")
    return path


def build_db(folder: Path, articles: list[dict] | None = None) -> Path:
    """Ingest (no sandbox, for speed) and analyse a JSONL of ARTICLES into folder/web.db."""
    from consilience.pipeline import analyse, ingest
    from consilience.store import Store

    db = folder / "web.db"
    with Store.open(db) as store:
        ingest(store, [str(write_jsonl(folder / "articles.jsonl", articles))], sandbox=False)
        analyse(store)
    return db
