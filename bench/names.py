"""Name comparison benchmark: consilience.names.compare_names beside two baselines.

Run: .venv/bin/python bench/names.py
Data: bench/data/names/pairs.tsv (hand-written, dev/holdout split by entity), and from
/work/shared/datasets/names/: Wikidata Russian name tokens (positives; random re-pairings as
negatives; two disjoint samples: seed 7, read while writing the cross-script rules, and a fresh
one that was not) and the OpenSanctions name_bench_cases.csv.
Baselines: (1) Jaro-Winkler on anyascii lower-cased strings at its best dev threshold;
(2) rigour (OpenSanctions) analyze_names + compare_parts, weighted part score at its best dev
threshold. Thresholds are picked on dev (or on the external set itself, which flatters them).
"""

from __future__ import annotations

import csv
import gzip
import random
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

from anyascii import anyascii
from rapidfuzz.distance import JaroWinkler

from consilience.names import compare_names

HERE = Path(__file__).resolve().parent
PAIRS = HERE / "data" / "names" / "pairs.tsv"
from _paths import DATASETS  # noqa: E402

SHARED = DATASETS / "names"
Row = dict[str, str]


def load_pairs() -> list[Row]:
    with PAIRS.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def russian_tokens(n: int = 2000, seed: int = 7, avoid: int | None = None) -> list[Row]:
    """Positives: English/Russian renderings of one name token; negatives: random re-pairings.

    `avoid`: the seed of another sample whose pairs are left out, so the fresh sample (seed 11,
    never looked at while writing rules) shares no pair with the one the rules were tuned on.
    """
    path = SHARED / "netransliteration-coling2018" / "wd_russian_20.tokens.tsv.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        pairs = [
            (ln.split("\t")[0], ln.split("\t")[1].replace(" ", ""))
            for ln in fh
            if ln.count("\t") >= 2
        ]
    if avoid is not None:
        taken = set(random.Random(avoid).sample(pairs, n))
        pairs = [p for p in pairs if p not in taken]
    rng = random.Random(seed)
    pos = rng.sample(pairs, n)
    rows = [{"a": a, "b": b, "kind": "person", "same": "1", "category": "ru_token"} for a, b in pos]
    for i in range(n):
        a, _ = pos[i]
        _, b = pos[(i + 1 + rng.randrange(n - 1)) % n]
        rows.append({"a": a, "b": b, "kind": "person", "same": "0", "category": "ru_token_random"})
    return rows


def opensanctions_cases() -> list[Row]:
    kinds = {"Person": "person", "Company": "org", "Organization": "org", "LegalEntity": "org"}
    with (SHARED / "nomenklatura" / "name_bench_cases.csv").open(encoding="utf-8") as fh:
        return [
            {
                "a": r["name1"],
                "b": r["name2"],
                "kind": kinds.get(r["schema"], ""),
                "same": "1" if r["is_match"] == "true" else "0",
                "category": r["schema"],
            }
            for r in csv.DictReader(fh)
        ]


# ------------------------------------------------------------------ matchers


def consilience_given_kind(r: Row) -> tuple[bool, float]:
    m = compare_names(r["a"], r["b"], r["kind"] or None)
    return m.same, m.score


def consilience_guess_kind(r: Row) -> tuple[bool, float]:
    m = compare_names(r["a"], r["b"])
    return m.same, m.score


def jw_score(r: Row) -> float:
    return JaroWinkler.similarity(anyascii(r["a"]).lower(), anyascii(r["b"]).lower())


def rigour_scorer() -> tuple[Callable[[Row], float] | None, str]:
    try:
        import rigour.names as rn
    except Exception as exc:  # noqa: BLE001 - report any install/import failure and go on
        return None, f"skipped: rigour not importable ({exc.__class__.__name__}: {exc})"

    def score(r: Row) -> float:
        tag = rn.NameTypeTag.ORG if r["kind"] == "org" else rn.NameTypeTag.PER
        na, nb = rn.analyze_names(tag, [r["a"]]), rn.analyze_names(tag, [r["b"]])
        if not na or not nb:
            return 0.0
        al = rn.compare_parts(list(next(iter(na)).parts), list(next(iter(nb)).parts))
        total = sum(x.weight for x in al) or 1.0
        return sum(x.score * x.weight for x in al) / total

    return score, "rigour.names.analyze_names + compare_parts (weighted part score)"


# ------------------------------------------------------------------ figures


def figures(rows: list[Row], decide: list[bool]) -> dict[str, float]:
    tp = sum(d and r["same"] == "1" for r, d in zip(rows, decide))
    fp = sum(d and r["same"] == "0" for r, d in zip(rows, decide))
    fn = sum((not d) and r["same"] == "1" for r, d in zip(rows, decide))
    p = tp / (tp + fp) if tp + fp else 0.0
    rc = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * rc / (p + rc) if p + rc else 0.0
    hard = [d for r, d in zip(rows, decide) if r["category"].startswith("hard_neg")]
    hna = sum(hard) / len(hard) if hard else float("nan")
    return {"P": p, "R": rc, "F1": f1, "HNA": hna, "n": len(rows)}


def best_threshold(rows: list[Row], scores: list[float]) -> float:
    best, best_f1 = 0.5, -1.0
    for t in [i / 100 for i in range(30, 100)]:
        f1 = figures(rows, [s >= t for s in scores])["F1"]
        if f1 > best_f1:
            best, best_f1 = t, f1
    return best


def line(name: str, split: str, f: dict[str, float]) -> str:
    hna = "   -  " if f["HNA"] != f["HNA"] else f"{f['HNA']:6.1%}"
    return f"{name:44s} {split:8s} {f['n']:5d} {f['P']:6.3f} {f['R']:6.3f} {f['F1']:6.3f} {hna}"


def report(
    title: str,
    splits: dict[str, list[Row]],
    tune_on: str,
    rigour: Callable[[Row], float] | None,
    rigour_note: str,
) -> None:
    print(f"\n== {title}")
    print(
        f"{'matcher':44s} {'split':8s} {'pairs':>5s} {'P':>6s} {'R':>6s} {'F1':>6s} {'hard-neg accepted':>6s}"
    )
    for name, fn in (
        ("consilience compare_names (kind given)", consilience_given_kind),
        ("consilience compare_names (kind guessed)", consilience_guess_kind),
    ):
        for split, rows in splits.items():
            print(line(name, split, figures(rows, [fn(r)[0] for r in rows])))
    baselines: list[tuple[str, Callable[[Row], float]]] = [("Jaro-Winkler(anyascii)", jw_score)]
    if rigour is not None:
        baselines.append(("rigour compare_parts", rigour))
    else:
        print(f"{'rigour baseline':44s} {rigour_note}")
    for name, scorer in baselines:
        scores = {s: [scorer(r) for r in rows] for s, rows in splits.items()}
        t = best_threshold(splits[tune_on], scores[tune_on])
        for split, rows in splits.items():
            print(
                line(
                    f"{name} >= {t:.2f} (best on {tune_on})",
                    split,
                    figures(rows, [x >= t for x in scores[split]]),
                )
            )


_KEEP_CACHED = {
    "_gazetteer",
    "_index",
    "_rules",
    "_char_map",
    "rows",
    "words",
    "_gender_rules",
    "_lexicon_forms",
}


def _clear_name_caches(modules: tuple[object, ...]) -> None:
    """Empty every per-name cache (not the loaded tables), so each name is new again."""
    for mod in modules:
        for obj in vars(mod).values():
            if (
                hasattr(obj, "cache_clear")
                and getattr(obj, "__wrapped__", None)
                and obj.__name__ not in _KEEP_CACHED
            ):
                obj.cache_clear()


def speed(rows: list[Row]) -> None:
    """Pairs/s, cold (per-name caches empty) and warm (names seen before, as in a resolver)."""
    from consilience.names import cases, fold, given, orgs, person, phonetic, places

    compare_names("Kyiv", "Киев")  # load the gazetteer outside the timing (a one-off ~3 s)
    cold = cold_cpu = 0.0
    for _ in range(3):  # best of three: the machine is shared, the minimum is the least noisy
        _clear_name_caches((fold, given, person, places, orgs, cases, phonetic))
        t0, c0 = time.perf_counter(), time.process_time()
        for r in rows:
            compare_names(r["a"], r["b"], r["kind"] or None)
        cold = max(cold, len(rows) / (time.perf_counter() - t0))
        cold_cpu = max(cold_cpu, len(rows) / (time.process_time() - c0))
    reps = 20
    t0 = time.perf_counter()
    for _ in range(reps):
        for r in rows:
            compare_names(r["a"], r["b"], r["kind"] or None)
    warm = reps * len(rows) / (time.perf_counter() - t0)
    t0 = time.perf_counter()
    n = 0
    for r in rows[:300]:
        jw_score(r)
        n += 1
    jw = n / (time.perf_counter() - t0)
    print(
        f"\n== speed on {len(rows)} pairs: consilience cold {cold:,.0f} pairs/s wall, {cold_cpu:,.0f} "
        "pairs/s of CPU time (new names, best of 3), "
        f"warm {warm:,.0f} pairs/s (names cached); Jaro-Winkler baseline {jw:,.0f} pairs/s"
    )


def main() -> None:
    t_start = time.perf_counter()
    rigour, rigour_note = rigour_scorer()
    pairs = load_pairs()
    splits = {s: [r for r in pairs if r["split"] == s] for s in ("dev", "holdout")}
    report("hand-labelled pairs (bench/data/names/pairs.tsv)", splits, "dev", rigour, rigour_note)
    ru = russian_tokens()
    ru_fresh = russian_tokens(seed=11, avoid=7)
    report(
        "Wikidata Russian name tokens (2000 positives, 2000 random negatives per sample; "
        "'seed7' was read while writing the cross-script rules, 'fresh' was not)",
        {"seed7": ru, "fresh": ru_fresh},
        "seed7",
        rigour,
        rigour_note,
    )
    os_cases = opensanctions_cases()
    report("OpenSanctions name_bench_cases.csv", {"all": os_cases}, "all", rigour, rigour_note)
    speed(pairs + ru)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"peak memory {peak:,.0f} MB (gazetteer included); total {time.perf_counter() - t_start:.0f} s"
    )
    print(
        "HNA = share of hard negatives (relatives, namesakes, near-identical places) called the same."
    )


if __name__ == "__main__":
    sys.exit(main())
