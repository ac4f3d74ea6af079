"""Entity resolution speed on a stored, analysed database: the whole resolution pass, timed.

Run: .venv/bin/python bench/resolve_speed.py [DB ...]
     (default: the 10,000-article store bench/web.py builds and caches under /tmp; run that
     bench once first, or pass any analysed store, e.g. one made with `consilience ingest`)

`pipeline.resolve` re-resolves every stored mention on each analysis run, so its cost per run
grows with the store; this bench keeps that cost in view. Baseline in the same run, on the same
mentions: grouping by exact (type, case-folded) name, the floor any resolution pays to read and
group the mentions. Resolution first loads the place gazetteer once per process (about 2.5 s);
that load is timed apart.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from pathlib import Path

from consilience.names.places import _gazetteer
from consilience.resolve import resolve_entities
from consilience.store import Store
from consilience.store.analysis import all_mentions, judgements

DEFAULT = Path("/tmp/consilience-bench-web-10000.db")


def exact_names(mentions: list) -> int:
    groups: dict[tuple[str, str], list] = defaultdict(list)
    for m in mentions:
        groups[(m.type, (m.canonical or m.text).casefold())].append(m)
    return len(groups)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("db", nargs="*", default=[str(DEFAULT)])
    args = ap.parse_args()
    t0 = time.perf_counter()
    _gazetteer()
    print(f"gazetteer load (once per process): {time.perf_counter() - t0:.1f} s")
    print(f"{'store':40} {'articles':>8} {'mentions':>8} {'system':12} {'entities':>8} {'seconds':>8}")
    for db in args.db:
        if not Path(db).exists():
            print(f"{db}: missing (run bench/web.py once to build it, or pass a store)")
            continue
        store = Store.open(db)
        n_articles = store.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        context: dict[str, set[str]] = {}
        for story_id, article_id in store.conn.execute("SELECT story_id, article_id FROM story_articles"):
            context.setdefault(article_id, set()).add(story_id)
        mentions, judged = all_mentions(store), judgements(store)
        t0 = time.perf_counter()
        entities = resolve_entities(mentions, judged, context)
        ours = time.perf_counter() - t0
        t0 = time.perf_counter()
        groups = exact_names(mentions)
        base = time.perf_counter() - t0
        name = Path(db).name[:40]
        print(f"{name:40} {n_articles:8d} {len(mentions):8d} {'consilience':12} {len(entities):8d} {ours:8.2f}")
        print(f"{name:40} {n_articles:8d} {len(mentions):8d} {'exact names':12} {groups:8d} {base:8.2f}")


if __name__ == "__main__":
    main()
