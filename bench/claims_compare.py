"""Claim comparison quality: conflict detection and corroboration status on hand-annotated stories.

Run: .venv/bin/python bench/claims_compare.py
Data: bench/data/compare/stories.json (invented stories, claims already extracted, so this measures
the comparison stage alone). Baseline, measured in the same run: "numbers compared by value alone,
no alignment, no independence": any two different numbers in a story are a conflict; a number that
appears in two articles is corroborated.
"""

from __future__ import annotations

import json
import time
import tracemalloc
from itertools import combinations
from pathlib import Path

from consilience.compare import SourceArticle, compare_story
from consilience.compare.align import all_relations, build_context
from consilience.compare.values import parse_number
from consilience.model import Attribution, Claim

DATA = Path(__file__).parent / "data" / "compare" / "stories.json"


def load() -> list[dict]:
    return json.loads(DATA.read_text("utf-8"))["stories"]


def to_inputs(story: dict) -> tuple[list[SourceArticle], list[Claim], list[str]]:
    """Story JSON -> SourceArticles, Claims, and the claim ids in input order."""
    articles = [
        SourceArticle(
            a["id"],
            outlet=a.get("outlet"),
            published=a.get("published"),
            copy_group=a.get("copy_group"),
        )
        for a in story["articles"]
    ]
    claims, ids = [], []
    for c in story["claims"]:
        chain = tuple(c.get("chain", ()))
        claims.append(
            Claim(
                article_id=c["article"],
                kind=c.get("kind", "quantity"),
                statement=c.get("statement", c["quote"]),
                quote=c["quote"],
                start=0,
                end=len(c["quote"]),
                value=c.get("value"),
                unit=c.get("unit"),
                approximate=c.get("approximate", False),
                hedged=bool(c.get("hedge")),
                hedge=c.get("hedge"),
                attribution=Attribution(chain, "said") if chain else None,
                event_type=c.get("event"),
                actors=tuple(c.get("actors", ())),
                when=c.get("when"),
            )
        )
        ids.append(c["id"])
    return articles, claims, ids


def system(story: dict) -> tuple[dict[str, str], set[frozenset[str]]]:
    """Predicted status per claim id and predicted conflict pairs."""
    articles, claims, ids = to_inputs(story)
    comparison = compare_story(articles, claims)
    status: dict[str, str] = {}
    conflicts: set[frozenset[str]] = set()
    for c in comparison.claims:
        for s in c.support:
            status[ids[s.claim_index]] = c.status
        for x, y in c.conflict_pairs:
            conflicts.add(frozenset((ids[x], ids[y])))
    return status, conflicts


def baseline(story: dict) -> tuple[dict[str, str], set[frozenset[str]]]:
    """Numbers by value alone: no alignment of what is counted, no independence groups."""
    _, claims, ids = to_inputs(story)
    numbers = [parse_number(c.value or "") for c in claims]
    conflicts = {
        frozenset((ids[i], ids[j]))
        for i, j in combinations(range(len(claims)), 2)
        if claims[i].article_id != claims[j].article_id
        and numbers[i] is not None
        and numbers[j] is not None
        and numbers[i] != numbers[j]
    }
    status = {}
    for i, c in enumerate(claims):
        in_conflict = any(ids[i] in pair for pair in conflicts)
        seen_elsewhere = numbers[i] is not None and any(
            numbers[j] == numbers[i] and claims[j].article_id != c.article_id
            for j in range(len(claims))
        )
        status[ids[i]] = (
            "corroborated"
            if seen_elsewhere
            else ("conflicting" if in_conflict else "single_source")
        )
    return status, conflicts


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score(stories: list[dict], method) -> dict[str, tuple[float, float, float] | float]:
    """Conflict-pair P/R/F1, corroborated-status P/R/F1 and status accuracy over the stories."""
    ctp = cfp = cfn = 0
    stp = sfp = sfn = 0
    right = total = 0
    for story in stories:
        status, conflicts = method(story)
        gold_conflicts = {frozenset(p) for p in story["gold"]["conflicts"]}
        ctp += len(conflicts & gold_conflicts)
        cfp += len(conflicts - gold_conflicts)
        cfn += len(gold_conflicts - conflicts)
        for cid, gold in story["gold"]["status"].items():
            pred = status.get(cid, "single_source")
            stp += pred == "corroborated" and gold == "corroborated"
            sfp += pred == "corroborated" and gold != "corroborated"
            sfn += pred != "corroborated" and gold == "corroborated"
            right += pred == gold
            total += 1
    return {
        "conflict": prf(ctp, cfp, cfn),
        "corroborated": prf(stp, sfp, sfn),
        "status_acc": right / total,
    }


def typing_accuracy(stories: list[dict]) -> tuple[int, int, list[str]]:
    """How many annotated differences the pairwise relation types correctly (conflict/precision/revision/scope)."""
    right, total, misses = 0, 0, []
    for story in stories:
        articles, claims, ids = to_inputs(story)
        relations = all_relations(build_context(articles, []), claims)
        for diff in story["gold"]["differences"]:
            i, j = sorted(ids.index(x) for x in diff["claims"])
            got = relations[(i, j)].type
            total += 1
            if got == diff["type"]:
                right += 1
            else:
                misses.append(f"{story['id']} {diff['claims']}: gold {diff['type']}, got {got}")
    return right, total, misses


def main() -> None:
    stories = load()
    splits = {
        "dev": [s for s in stories if s["split"] == "dev"],
        "holdout": [s for s in stories if s["split"] == "holdout"],
    }
    print(
        f"{len(stories)} stories ({len(splits['dev'])} dev, {len(splits['holdout'])} holdout), "
        f"{sum(len(s['claims']) for s in stories)} claims, {sum(len(s['gold']['conflicts']) for s in stories)} gold conflict pairs"
    )
    header = f"{'split':8} {'method':9} | {'conflict P':>10} {'R':>5} {'F1':>5} | {'corrob. P':>9} {'R':>5} {'F1':>5} | {'status acc':>10}"
    print(header)
    print("-" * len(header))
    for name, subset in splits.items():
        for label, method in (("baseline", baseline), ("compare", system)):
            s = score(subset, method)
            cp, cr, cf = s["conflict"]
            sp, sr, sf = s["corroborated"]
            print(
                f"{name:8} {label:9} | {cp:10.2f} {cr:5.2f} {cf:5.2f} | {sp:9.2f} {sr:5.2f} {sf:5.2f} | {s['status_acc']:10.2f}"
            )
    for name, subset in splits.items():
        for story in subset:
            status, _ = system(story)
            for cid, gold in story["gold"]["status"].items():
                if status.get(cid, "single_source") != gold:
                    print(
                        f"status miss ({name}): {story['id']} {cid}: gold {gold}, got {status.get(cid)}"
                    )
    for name, subset in splits.items():
        right, total, misses = typing_accuracy(subset)
        print(f"difference typing ({name}): {right}/{total} annotated differences typed correctly")
        for m in misses:
            print("   miss:", m)
    tracemalloc.start()
    start = time.perf_counter()
    rounds = 20
    for _ in range(rounds):
        for story in stories:
            system(story)
    elapsed = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(
        f"speed: {rounds * len(stories) / elapsed:.0f} stories/s "
        f"({rounds * sum(len(s['claims']) for s in stories) / elapsed:.0f} claims/s), peak memory {peak / 1e6:.1f} MB"
    )


if __name__ == "__main__":
    main()
