"""Reported statements on real news: when do two outlets carry one attributed statement?

Run: .venv/bin/python bench/statements_realnews.py [--errors]

An attribution claim ("the girls were freed after negotiations, the presidency said") has no figure
or event to align on, so comparison decides from its words whether two outlets report one statement.
This bench feeds giveme5w1h (383 real articles) through the whole product, as compare_realnews.py
does, and scores that decision on 112 pairs of attribution claims from one story, labelled by hand
(`bench/data/compare/statements_realnews.jsonl`: article id and claim start in the stored text; no
article text is copied here). A pair is "same" when both sentences report one proposition, whoever
they credit it to; paraphrase counts, a related but different statement does not. The pairs were
drawn from eight strata (speaker names alike or not, x four bands of word overlap, all sharing at
least three words), so they are the hard cases, not a random sample: the population rows below
show what the decisions do to whole stories. Pairs are split by story: dev (read while choosing
the rule) and holdout.

Baseline in the same run: the rule comparison used before, a token-set ratio >= 85 between the
claims' "speaker (verb)" labels, joined by union-find. Population rows: over the attribution claims
of every story of two or more articles, how many end in a group of two or more (corroborated or
conflicting), how many groups, and the largest group with its count of distinct speakers. Labelled pairs are scored
twice: by the pairwise relation, and by whether the final grouping (what a user sees) puts them
together.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from compare_realnews import _write_jsonl
from rapidfuzz.fuzz import token_set_ratio

from consilience import pipeline
from consilience.compare.align import (
    all_relations,
    build_context,
    cluster,
    relate,
    settle_mutual,
    with_statements,
)
from consilience.compare.lexicon import fold
from consilience.model import Claim
from consilience.store import Store
from consilience.store.analysis import claims_of

LABELS = Path(__file__).parent / "data" / "compare" / "statements_realnews.jsonl"

Rule = Callable[[list[Claim], int, int], bool]


def baseline(claims: list[Claim], i: int, j: int) -> bool:
    """The rule used before: the two claims' "speaker (verb)" labels by token-set ratio."""
    return token_set_ratio(fold(claims[i].statement), fold(claims[j].statement)) >= 85


def product(claims: list[Claim], i: int, j: int, _ctx: dict = {}) -> bool:  # noqa: B006 - per-list cache
    """The product's relation, with the story-wide term weights built once per claim list."""
    key = id(claims)
    if _ctx.get("key") != key:
        _ctx.update(key=key, ctx=with_statements(build_context([], []), claims))
    return relate(_ctx["ctx"], i, claims[i], j, claims[j]).type == "same"


def _story_claims(store: Store) -> list[tuple[list[Claim], dict[str, str]]]:
    """Per story of two or more articles: the claims compared (all kinds but context, as comparison
    reads them: the term weights come from every sentence), and article id -> ref."""
    out = []
    for (story_id,) in store.conn.execute("SELECT id FROM stories ORDER BY id"):
        rows = store.conn.execute(
            "SELECT a.id, a.ref, a.outlet, a.published, s.copy_group FROM articles a JOIN story_articles s "
            "ON s.article_id = a.id WHERE s.story_id = ? ORDER BY a.published, a.id",
            (story_id,),
        ).fetchall()
        if len(rows) < 2:
            continue
        claims = [c for c in claims_of(store, pipeline.claim_readers(rows)) if c.kind != "other"]
        out.append((claims, {r[0]: r[1] for r in rows}))
    return out


def _find(claims: list[Claim], refs: dict[str, str], ref: str, start: int) -> int | None:
    for i, c in enumerate(claims):
        if (
            c.kind == "attribution"
            and refs[c.article_id] == ref
            and c.start <= start < max(c.end, c.start + 1)
        ):
            return i
    return None


def _prf(pairs: list[tuple[bool, bool]]) -> tuple[float, float, float]:
    tp = sum(p and g for p, g in pairs)
    fp = sum(p and not g for p, g in pairs)
    fn = sum(g and not p for p, g in pairs)
    prec = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / (tp + fn) if tp + fn else 1.0
    return prec, rec, (2 * prec * rec / (prec + rec) if prec + rec else 0.0)


def _statements(claims: list[Claim]) -> list[int]:
    return [i for i, c in enumerate(claims) if c.kind == "attribution"]


def baseline_groups(claims: list[Claim]) -> list[list[int]]:
    """The old grouping: connected components over every baseline pair from two articles."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    idx = _statements(claims)
    edges = [
        (x, y)
        for x, i in enumerate(idx)
        for y in range(x + 1, len(idx))
        if claims[i].article_id != claims[idx[y]].article_id and baseline(claims, i, idx[y])
    ]
    rows, cols = [e[0] for e in edges], [e[1] for e in edges]
    graph = coo_matrix(([1] * len(edges), (rows, cols)), shape=(len(idx), len(idx)))
    _, labels = connected_components(graph, directed=False)
    groups: dict[int, list[int]] = defaultdict(list)
    for x, label in enumerate(labels):
        groups[int(label)].append(idx[x])
    return list(groups.values())


def product_groups(claims: list[Claim]) -> list[list[int]]:
    """The product's grouping, as compare_story makes it, restricted to attribution claims."""
    ctx = build_context([], [])
    groups = cluster(claims, settle_mutual(claims, all_relations(ctx, claims)))
    return [
        [i for i in g if claims[i].kind == "attribution"]
        for g in groups
        if claims[g[0]].kind == "attribution"
    ]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument(
        "--errors", action="store_true", help="print the dev pairs the product gets wrong"
    )
    args = ap.parse_args()
    labels = [json.loads(x) for x in LABELS.read_text("utf-8").splitlines() if x.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "giveme.jsonl"
        _write_jsonl(source)
        store = Store.open(Path(tmp) / "bench.db")
        pipeline.ingest(store, [str(source)], sandbox=False)
        pipeline.analyse(store)
        stories = _story_claims(store)

    rules: dict[str, Rule] = {"baseline (label token-set >= 85)": baseline, "consilience": product}
    groupers = {"baseline (label token-set >= 85)": baseline_groups, "consilience": product_groups}
    group_of: dict[str, list[dict[int, int]]] = {
        name: [{i: n for n, g in enumerate(grouper(claims)) for i in g} for claims, _ in stories]
        for name, grouper in groupers.items()
    }
    pairwise: dict[str, dict[str, list[tuple[bool, bool]]]] = {r: defaultdict(list) for r in rules}
    grouped: dict[str, dict[str, list[tuple[bool, bool]]]] = {r: defaultdict(list) for r in rules}
    missing = 0
    for item in labels:
        for k, (claims, refs) in enumerate(stories):
            i, j = _find(claims, refs, *item["a"]), _find(claims, refs, *item["b"])
            if i is not None and j is not None:
                for name, rule in rules.items():
                    got = rule(claims, i, j)
                    pairwise[name][item["split"]].append((got, item["same"]))
                    together = group_of[name][k][i] == group_of[name][k][j]
                    grouped[name][item["split"]].append((together, item["same"]))
                    if (
                        args.errors
                        and name == "consilience"
                        and item["split"] == "dev"
                        and got != item["same"]
                    ):
                        print(f"#{item['n']} gold {item['same']}, got {got}\n  A: {claims[i].quote[:200]}\n"
                              f"  B: {claims[j].quote[:200]}")  # fmt: skip
                break
        else:
            missing += 1
    n_dev = sum(x["split"] == "dev" for x in labels)
    print(f"labelled pairs: {len(labels)} ({n_dev} dev, {len(labels) - n_dev} holdout), "
          f"{missing} not found in this build's claims")  # fmt: skip
    print(f"{'rule':34s} | {'scored as':16s} | {'dev P / R / F1':20s} | {'holdout P / R / F1':20s}")
    for name in rules:
        for how, table in (("pair relation", pairwise), ("final groups", grouped)):
            cells = [
                "%.2f / %.2f / %.2f" % _prf(table[name][split]) for split in ("dev", "holdout")
            ]
            print(f"{name:34s} | {how:16s} | {cells[0]:20s} | {cells[1]:20s}")

    print("\nwhole stories (the attribution claims of every story of two or more articles):")
    print(f"{'rule':34s} | claims in a group of 2+ | groups | largest group: claims, speakers")
    for name, grouper in groupers.items():
        in_groups = n_groups = widest = biggest = 0
        for claims, _ in stories:
            for g in grouper(claims):
                if len(g) > 1:
                    in_groups += len(g)
                    n_groups += 1
                    speakers = {
                        fold(claims[k].attribution.origin or "") for k in g if claims[k].attribution
                    }
                    if len(g) > biggest:
                        biggest, widest = len(g), len(speakers)
        print(f"{name:34s} | {in_groups:23d} | {n_groups:6d} | {biggest}, {widest}")


if __name__ == "__main__":
    main()
