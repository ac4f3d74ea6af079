"""Claim comparison on real news: giveme5w1h (383 articles from 94 outlets) through the whole product.

Run: .venv/bin/python bench/compare_realnews.py [--list]

The labelled comparison bench (claims_compare.py) uses short written stories. This one feeds real
articles through ingest, extraction, stories and comparison, as a user would, and prints how many
claims end corroborated, single-source and conflicting. The data set has no claim labels, so the
conflicts are listed (`--list`) for a person to read: on real news a conflict is the status a
reader acts on, and a false one costs trust.

Baseline, from the same stored claims: the naive rule "one unit in one story, differing values
from two articles = a conflict" (what a checker would get from a spreadsheet of the figures).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from _paths import DATASETS

from consilience import pipeline
from consilience.store import Store


def _write_jsonl(dest: Path) -> int:
    rows = [json.loads(x) for x in gzip.open(DATASETS / "giveme5w1h-news-cluster/news_cluster.jsonl.gz")]
    with dest.open("w", encoding="utf-8") as out:
        for r in rows:
            text = r["text"] or r["description"] or ""
            out.write(json.dumps({"id": str(r["id"]), "outlet": r["source_domain"], "url": r["url"],
                                  "title": r["title"], "published": r["date_publish"], "language": "en",
                                  "text": text}) + "\n")  # fmt: skip
    return len(rows)


def _naive_conflicts(store: Store) -> int:
    """Groups of quantity claims sharing a story and a unit whose articles give differing values."""
    rows = store.conn.execute(
        "SELECT s.story_id, c.article_id, c.data FROM claims c "
        "JOIN story_articles s ON s.article_id = c.article_id WHERE c.kind = 'quantity'"
    )
    values: dict[tuple[str, str], set[tuple[str, str]]] = {}
    for story_id, article_id, data in rows:
        claim = json.loads(data)
        key = (story_id, (claim.get("unit") or "").lower())
        values.setdefault(key, set()).add((article_id, claim.get("value") or ""))
    return sum(
        1
        for found in values.values()
        if len({v for _, v in found}) > 1 and len({a for a, _ in found}) > 1
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--list", action="store_true", help="print every conflicting claim with its quotes")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "giveme.jsonl"
        n = _write_jsonl(source)
        store = Store.open(Path(tmp) / "bench.db")
        t0 = time.perf_counter()
        pipeline.ingest(store, [str(source)], sandbox=False)
        timings = pipeline.analyse(store)
        took = time.perf_counter() - t0
        naive = _naive_conflicts(store)
        statuses: Counter[str] = Counter()
        conflicts = []
        for story_id, data in store.conn.execute("SELECT story_id, data FROM comparisons"):
            view = json.loads(data)
            for c in view["claims"]:
                statuses[c["status"]] += 1
                if c["status"] == "conflicting":
                    conflicts.append((story_id, c))
    stories = len({s for s, _ in conflicts})
    print(f"{n} articles ingested and analysed in {took:.1f} s ({', '.join(f'{k} {v:.1f} s' for k, v in timings.items())})")
    print(f"claims by status: {dict(sorted(statuses.items()))}")
    print(f"conflicting: {statuses['conflicting']} claims in {stories} stories")
    print(f"baseline (same unit, differing values, two articles): {naive} conflicting figure groups")
    if args.list:
        for story_id, c in conflicts:
            print(f"\n[{story_id[:12]}] {c['kind']}: {c['statement']}")
            for s in c["support"][:6]:
                print(f"    {s['value']} :: {s['quote'][:160]}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
