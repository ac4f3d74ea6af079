"""Which untitled capitalised runs in real news are people: precision of the rules' "person".

Run: .venv/bin/python bench/persons_realnews.py

A run of capitalised words with no title, role or lexicon entry ("Elon Musk", "Falcon Heavy")
defaults to a person in the rule detector. On real news about half of the frequent ones are
things: rockets, trophies, teams, films. The labels (bench/data/persons/) mark such runs as a
person or not (fragments and unclear ones left out): `dev`, the 200 most frequent of giveme5w1h
and of ECB+, which were read while the usage rules were written; `holdout`, the next 120 of each
(ranks 201-320), labelled afterwards and never tuned on.

Scored over (article, name) pairs where an article writes a labelled run: precision and recall of
"person" (a mention of exactly that run, typed person) against the labels, beside the baseline
"every such run is a person" (what the rules did before they read the run's usage).
"""

from __future__ import annotations

import gzip
import json
import re
import sys
import time
import tomllib
from collections import Counter
from pathlib import Path

from consilience.extract.mentions import find_mentions

DATA = Path(__file__).parent / "data" / "persons"
SETS = Path(__file__).resolve().parents[2] / "shared" / "datasets"


def articles(name: str) -> list[tuple[str, str]]:
    if name == "giveme5w1h":
        rows = map(json.loads, gzip.open(SETS / "giveme5w1h-news-cluster/news_cluster.jsonl.gz"))
        return [(r["id"], (r["title"] or "") + "\n" + (r["text"] or "")) for r in rows]
    rows = map(json.loads, gzip.open(SETS / "ecbplus/ecbplus_documents.jsonl.gz"))
    return [(r["doc_id"], r["text"]) for r in rows]


def typed_people(docs: list[tuple[str, str]]) -> set[tuple[str, str]]:
    """(article, surface) of every mention typed person; a person read with the title before it
    as its role ("Deputy" + "Jerry Ortiz") also counts under the labelled run ("Deputy Jerry Ortiz")."""
    out = set()
    for aid, text in docs:
        for m in find_mentions(aid, text, "en"):
            if m.type == "person":
                out.add((aid, m.text))
                words = (m.role or "").split()
                for title in (" ".join(words[i:]) for i in range(len(words))):  # "Police Chief", "Chief"
                    if text[max(0, m.start - len(title) - 1) : m.start] == f"{title} ":
                        out.add((aid, f"{title} {m.text}"))
    return out


def labelled_pairs(docs: list[tuple[str, str]], labels: dict[str, bool]) -> set[tuple[str, str]]:
    """(article, name) for every labelled name an article writes (as a whole-word run)."""
    patterns = {name: re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])") for name in labels}
    return {(aid, name) for aid, text in docs for name, pat in patterns.items() if pat.search(text)}


def main() -> None:
    print("| set | split | system | labelled pairs | person P | person R | F1 | s |")
    print("|---|---|---|---|---|---|---|---|")
    typed: dict[str, tuple[set[tuple[str, str]], float]] = {}
    for name, split, labels_file in (
        ("giveme5w1h", "dev", "giveme_dev.toml"),
        ("giveme5w1h", "holdout", "giveme_holdout.toml"),
        ("ecbplus", "dev", "ecbplus_dev.toml"),
        ("ecbplus", "holdout", "ecbplus_holdout.toml"),
    ):
        labels = tomllib.loads((DATA / labels_file).read_text("utf-8"))
        docs = articles(name)
        pairs = labelled_pairs(docs, labels)
        if name not in typed:
            t0 = time.perf_counter()
            typed[name] = (typed_people(docs), time.perf_counter() - t0)
        ours, ours_s = typed[name]
        for system, found, secs in (("baseline: every run a person", pairs, 0.0), ("rules", ours, ours_s)):
            tp = sum(1 for p in pairs if p in found and labels[p[1]])
            fp = sum(1 for p in pairs if p in found and not labels[p[1]])
            fn = sum(1 for p in pairs if p not in found and labels[p[1]])
            prec = tp / (tp + fp) if tp + fp else 1.0
            rec = tp / (tp + fn) if tp + fn else 1.0
            f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
            print(f"| {name} | {split} | {system} | {len(pairs)} | {prec:.3f} | {rec:.3f} | {f1:.3f} "
                  f"| {secs:.1f} |", flush=True)  # fmt: skip
        lost = Counter(s for a, s in pairs if (a, s) not in ours and labels[s])
        kept = Counter(s for a, s in pairs if (a, s) in ours and not labels[s])
        print(f"\n{name} {split}: people not typed person (articles): "
              + ", ".join(f"{s} ({n})" for s, n in lost.most_common(25)))  # fmt: skip
        print(f"{name} {split}: things typed person (articles): "
              + ", ".join(f"{s} ({n})" for s, n in kept.most_common(25)) + "\n")  # fmt: skip
    sys.stdout.flush()


if __name__ == "__main__":
    main()
