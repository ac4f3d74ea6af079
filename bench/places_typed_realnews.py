"""Which single capitalised words typed "place" in real news are places: precision and recall.

Run: .venv/bin/python bench/places_typed_realnews.py

A word that is both a town in the gazetteer and a person's name or a thing's ("Lindsay Lohan",
"President Obama", "Time Magazine", "Officer") used to be read as the town. The labels
(bench/data/places/typed_*.toml) name what each word denotes in its corpus: place, person, thing
or mixed (left out). `dev`: the 150 words the rules typed place in the most articles of
giveme5w1h and of ECB+, read while the twelfth session's rules were written; `holdout`: ranks
151-260, labelled blind by a helper who never saw the rules, and not tuned on.

Scored over (article, word) pairs. Precision: of the pairs where a mention of exactly that word is
typed place, the share labelled place. Recall: of the pairs where the article writes a word
labelled place alone (not inside a longer capitalised run such as "New York"), the share typed
place. And how many pairs labelled person get a person mention holding the word. The baseline,
"every such word a place", is what a gazetteer lookup alone gives.
"""

from __future__ import annotations

import re
import sys
import time
import tomllib
from collections import Counter
from pathlib import Path

from persons_realnews import articles

from consilience.extract.mentions import find_mentions

DATA = Path(__file__).parent / "data" / "places"


def typed(docs: list[tuple[str, str]]) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """(article, word) of every single-word mention typed place, and of every word inside a
    mention typed person."""
    places, people = set(), set()
    for aid, text in docs:
        for m in find_mentions(aid, text, "en"):
            if m.type == "place" and " " not in m.text:
                places.add((aid, m.text))
            elif m.type == "person":
                people.update((aid, w) for w in m.text.split())
    return places, people


_NEIGHBOUR_BEFORE = re.compile(r"[A-Z][\w.'’]*\s$")
_NEIGHBOUR_AFTER = re.compile(r"^\s[A-Z]")


def _alone(text: str, m: re.Match) -> bool:
    """Not part of a longer capitalised run: "York" of "New York" or "Jackson" of "Vincent
    Jackson" is not the lone word the label is about."""
    return not _NEIGHBOUR_BEFORE.search(text[max(0, m.start() - 30) : m.start()]) and not (
        _NEIGHBOUR_AFTER.match(text[m.end() : m.end() + 2])
    )


def written(docs: list[tuple[str, str]], labels: dict[str, str]) -> tuple[set, set]:
    """(article, word) for every labelled word (not mixed) an article writes, and the subset
    where it writes the word alone at least once (the pairs a place reading must find)."""
    patterns = {w: re.compile(rf"(?<![\w-]){re.escape(w)}(?![\w-])") for w, k in labels.items() if k != "mixed"}
    anywhere, alone = set(), set()
    for aid, text in docs:
        for w, pat in patterns.items():
            found = list(pat.finditer(text))
            if found:
                anywhere.add((aid, w))
                if any(_alone(text, m) for m in found):
                    alone.add((aid, w))
    return anywhere, alone


def main() -> None:
    print("| set | split | system | place P | place R | F1 | typed place | labelled person: typed person | s |")
    print("|---|---|---|---|---|---|---|---|---|")
    cache: dict[str, tuple[set, set, float]] = {}
    for name, split in (("giveme5w1h", "dev"), ("giveme5w1h", "holdout"), ("ecbplus", "dev"), ("ecbplus", "holdout")):
        short = "giveme" if name == "giveme5w1h" else name
        labels = tomllib.loads((DATA / f"typed_{short}_{split}.toml").read_text("utf-8"))
        docs = articles(name)
        if name not in cache:
            t0 = time.perf_counter()
            places, people = typed(docs)
            cache[name] = (places, people, time.perf_counter() - t0)
        places, people, secs = cache[name]
        anywhere, alone = written(docs, labels)
        gold = {p for p in alone if labels[p[1]] == "place"}
        persons = {p for p in anywhere if labels[p[1]] == "person"}
        for system, predicted, person_found, s in (
            ("baseline: every such word a place", anywhere, set(), 0.0),
            ("rules", {p for p in places if p in anywhere}, people, secs),
        ):
            right = sum(1 for p in predicted if labels[p[1]] == "place")
            prec = right / len(predicted) if predicted else 1.0
            rec = len(predicted & gold) / len(gold) if gold else 1.0
            f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
            as_person = len(persons & person_found)
            print(f"| {name} | {split} | {system} | {prec:.3f} | {rec:.3f} | {f1:.3f} | {len(predicted)} "
                  f"| {as_person}/{len(persons)} | {s:.1f} |", flush=True)  # fmt: skip
        wrong = Counter(w for a, w in places if (a, w) in anywhere and labels[w] != "place")
        lost = Counter(w for a, w in gold if (a, w) not in places)
        print(f"\n{name} {split}: not places typed place (articles): "
              + ", ".join(f"{w} ({n})" for w, n in wrong.most_common(25)))  # fmt: skip
        print(f"{name} {split}: places not typed place (articles): "
              + ", ".join(f"{w} ({n})" for w, n in lost.most_common(25)) + "\n")  # fmt: skip
    sys.stdout.flush()


if __name__ == "__main__":
    main()
