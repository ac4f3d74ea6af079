"""Place mentions on real news that rest on a geonames alternate name: right or wrong?

Run: .venv/bin/python bench/places_realnews.py

Reads the 383 giveme5w1h articles with the mention extractor twice in one run: with the
alternate names as geonames gives them (baseline) and with the filter of
`names.places.trusted_alias` (ours). A mention counts when its canonical place differs from
its surface ("Google" -> Topeka). The labels (bench/data/places/alias_labels.toml) say which
pairs are right; precision is over labelled mentions, and "right kept" shows what the filter
costs in true places. The labels were written after seeing the filter: dev data, no holdout.
"""

from __future__ import annotations

import gzip
import json
import os
import tempfile
import time
import tomllib
from collections import Counter
from pathlib import Path

from consilience.extract import mention_lexicon
from consilience.extract.mentions import find_mentions

ROOT = Path(__file__).parent
DATA = ROOT.parent.parent / "shared" / "datasets" / "giveme5w1h-news-cluster" / "news_cluster.jsonl.gz"
LABELS = ROOT / "data" / "places" / "alias_labels.toml"


def alias_mentions() -> tuple[Counter, int]:
    """(surface, canonical) -> count over the articles, and the number of place mentions."""
    pairs: Counter = Counter()
    places = 0
    for line in gzip.open(DATA):
        row = json.loads(line)
        text = (row["title"] or "") + "\n" + (row["text"] or "")
        for m in find_mentions(row["id"], text, "en"):
            if m.type == "place":
                places += 1
                if m.canonical and m.canonical != m.text:
                    pairs[(m.text, m.canonical)] += 1
    return pairs, places


def _reset() -> None:
    """Forget the built gazetteer, in memory and on disk (a fresh cache folder), so it is built
    again with the rule under test and its build time is measured."""
    os.environ["CONSILIENCE_CACHE_DIR"] = tempfile.mkdtemp(prefix="consilience-places-bench-")
    for fn in (mention_lexicon._base_tables, mention_lexicon._base_gazetteer, mention_lexicon._gazetteer_with, mention_lexicon._minor_places):
        fn.cache_clear()


def main() -> None:
    labels = tomllib.loads(LABELS.read_text(encoding="utf-8"))
    right = {tuple(p) for p in labels["right"]}
    wrong = {tuple(p) for p in labels["wrong"]}
    trusted = mention_lexicon.trusted_alias
    print("| system | place mentions | via an alias | labelled right | labelled wrong | unlabelled "
          "| precision (labelled) | gazetteer build s |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|")
    for name, rule in (("baseline: every alias", lambda *_: True), ("consilience: filtered", trusted)):
        mention_lexicon.trusted_alias = rule
        _reset()
        t0 = time.perf_counter()
        mention_lexicon.gazetteer()
        build = time.perf_counter() - t0
        pairs, places = alias_mentions()
        ok = sum(n for p, n in pairs.items() if p in right)
        bad = sum(n for p, n in pairs.items() if p in wrong)
        rest = sum(pairs.values()) - ok - bad
        prec = ok / (ok + bad) if ok + bad else 1.0
        print(f"| {name} | {places} | {sum(pairs.values())} | {ok} | {bad} | {rest} | {prec:.2f} | {build:.2f} |")
    mention_lexicon.trusted_alias = trusted
    _reset()


if __name__ == "__main__":
    main()
