"""Claim extraction quality and speed on the annotated set, beside a regex baseline.

Run: .venv/bin/python bench/claims_extract.py
Gold: bench/data/claims/articles.jsonl (see its README). A predicted item matches a gold item of
the same kind once: quantities and dates by value, events by type, attributions by origin
(case-insensitive, either one containing the other).

Actors (the `actors` field: per gold event type, the named participants who do or undergo it;
the speaker for a statement; places that only say where and speakers of other events are not
actors) are scored over (type, name) pairs, for event types both gold and prediction hold, so
a missed or invented event counts once, in the event row. Names match case-insensitively and
exactly ("Union" is not "European Union"); "A|B" lists accepted alternatives.
"""

from __future__ import annotations

import json
import re
import time
import tracemalloc
from collections import Counter
from pathlib import Path

from consilience.extract.claims import extract_claims
from consilience.extract.mentions import get_detector

DATA = Path(__file__).parent / "data" / "claims" / "articles.jsonl"
KINDS = ("quantity", "event", "date", "attribution")
GOLD_KEY = {"quantity": "quantities", "event": "events", "date": "dates", "attribution": "attributions"}


def _gold(item: dict, kind: str) -> list[str]:
    vals = item[GOLD_KEY[kind]]
    return [v[0] if isinstance(v, list) else v for v in vals]


def _ours(item: dict, grounded: bool = True) -> dict[str, list[str]]:
    """What the pipeline stores: claims read with the default (rules) detector's mentions."""
    mentions = get_detector("rules").detect(item["id"], item["text"], item["lang"]) if grounded else None
    claims = extract_claims(item["id"], item["text"], item["lang"], item["published"], mentions)
    out: dict[str, list[str]] = {k: [] for k in KINDS}
    actors: dict[str, set[str]] = {}
    for c in claims:
        if c.extra.get("was", c.kind) == "event" and c.value:
            actors.setdefault(c.value, set()).update(a.lower() for a in c.actors)
        # recognition is measured before salience: a claim demoted to "other" keeps its kind in extra["was"];
        # an anaphoric confirmation repeats the lead claim, so it is not a new extraction
        kind = c.extra.get("was", c.kind)
        if kind in out and c.value and "confirms" not in c.extra:
            out[kind].append(c.value)
    out["event"] = list(dict.fromkeys(out["event"]))  # gold lists each type once per article
    out["actor"] = [f"{t}:{a}" for t, names in actors.items() for a in sorted(names)]
    return out


def _actor_counts(item: dict, found: list[str], pred: list[str]) -> tuple[int, int, int]:
    """(tp, predicted, gold) over (event type, actor) pairs of the types both sides found."""
    gold = item.get("actors", {})
    tp = npred = ngold = 0
    for etype, names in gold.items():
        if etype not in found:
            continue
        mine = {p.split(":", 1)[1] for p in pred if p.split(":", 1)[0] == etype}
        alts = [{x.lower() for x in n.split("|")} for n in names]
        tp += sum(1 for a in alts if a & mine)
        npred += len(mine)
        ngold += len(alts)
    return tp, npred, ngold


def _baseline(item: dict) -> dict[str, list[str]]:
    text = item["text"]
    att = [m.group(1) or m.group(2) for m in re.finditer(r"according to (\w+)|(\w+) said", text)]
    return {
        "quantity": re.findall(r"\d+", text),
        "event": [],
        "date": re.findall(r"\b(?:19|20)\d\d\b", text),
        "attribution": att,
    }


def _match(kind: str, pred: list[str], gold: list[str]) -> int:
    left = list(gold)
    hits = 0
    for p in pred:
        for g in left:
            same = p == g if kind != "attribution" else (p.lower() in g.lower() or g.lower() in p.lower())
            if same:
                left.remove(g)
                hits += 1
                break
    return hits


def _prf(tp: int, npred: int, ngold: int) -> tuple[float, float, float]:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    items = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    systems = {"consilience": _ours, "baseline": _baseline}
    print(f"{len(items)} articles ({Counter(i['split'] for i in items)})")
    print(f"{'split':8} {'kind':12} {'system':12} {'P':>6} {'R':>6} {'F1':>6}  tp/pred/gold")
    for split in ("dev", "holdout"):
        sub = [i for i in items if i["split"] == split]
        preds = {name: [fn(i) for i in sub] for name, fn in systems.items()}
        for kind in KINDS:
            for name in systems:
                tp = npred = ngold = 0
                for item, pred in zip(sub, preds[name]):
                    gold = _gold(item, kind)
                    tp += _match(kind, pred[kind], gold)
                    npred += len(pred[kind])
                    ngold += len(gold)
                p, r, f = _prf(tp, npred, ngold)
                print(f"{split:8} {kind:12} {name:12} {p:6.2f} {r:6.2f} {f:6.2f}  {tp}/{npred}/{ngold}")
        # baseline for actors: the capitalised names near each trigger, without the mentions
        ungrounded = [_ours(i, grounded=False) for i in sub]
        for name, rows in (("consilience", preds["consilience"]), ("names-only", ungrounded)):
            counts = [_actor_counts(i, p["event"], p["actor"]) for i, p in zip(sub, rows)]
            tp, npred, ngold = (sum(c[k] for c in counts) for k in range(3))
            p, r, f = _prf(tp, npred, ngold)
            print(f"{split:8} {'actor':12} {name:12} {p:6.2f} {r:6.2f} {f:6.2f}  {tp}/{npred}/{ngold}")
    texts = [i for i in items] * 20
    tracemalloc.start()
    t0 = time.perf_counter()
    n = sum(len(extract_claims(i["id"], i["text"], i["lang"], i["published"])) for i in texts)
    dt = time.perf_counter() - t0
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    t0 = time.perf_counter()
    nb = sum(len(_baseline(i)["quantity"]) for i in texts)
    db = time.perf_counter() - t0
    all_claims = [c for i in items for c in extract_claims(i["id"], i["text"], i["lang"], i["published"])]
    kept = Counter(c.kind for c in all_claims if c.kind != "other")
    print(f"salience: {sum(kept.values())}/{len(all_claims)} claims kept as checkable {dict(kept)}; the rest demoted to 'other'")
    print(f"speed consilience: {len(texts) / dt:.0f} articles/s, {n / dt:.0f} claims/s, peak {peak:.2f} MB traced allocations (lexicons warm)")
    print(f"speed baseline:    {len(texts) / db:.0f} articles/s, {nb / db:.0f} numbers/s")
    _real_speed()


def _real_speed() -> None:
    """Claims of real articles (giveme5w1h, 3 KB each on average), as the pipeline reads them."""
    import gzip

    from _paths import DATASETS

    path = DATASETS / "giveme5w1h-news-cluster/news_cluster.jsonl.gz"
    if not path.exists():
        print("speed on real articles: skipped (../shared/datasets not found)")
        return
    rows = [json.loads(x) for x in gzip.open(path)]
    arts = [(str(r["id"]), r["text"] or "", (r["date_publish"] or "")[:10] or None) for r in rows]
    detect = get_detector("rules").detect
    mentions = [detect(i, t, "en") for i, t, _ in arts]
    t0 = time.perf_counter()
    n = sum(len(extract_claims(i, t, "en", p, m)) for (i, t, p), m in zip(arts, mentions))
    dt = time.perf_counter() - t0
    t0 = time.perf_counter()
    nb = sum(len(_baseline({"text": t})["quantity"]) for _, t, _ in arts)
    db = time.perf_counter() - t0
    print(f"speed on {len(arts)} real articles (giveme5w1h): {len(arts) / dt:.0f} articles/s, {n / dt:.0f} claims/s "
          f"(mentions given); baseline {len(arts) / db:.0f} articles/s, {nb / db:.0f} numbers/s")


if __name__ == "__main__":
    main()
