"""Web server speed: requests/s and p50/p99 latency for `/` and story pages at 1, 10 and 50 concurrent clients.

Store: 10,000 articles, perturbed copies of the demo articles with distinct texts, ingested (no sandbox) and
analysed once, cached at /tmp/consilience-bench-web.db. Baseline in the same run: the same requests with the
server's page cache turned off (every request renders from the database).

    .venv/bin/python bench/web.py [--articles 10000] [--requests 400]
"""

from __future__ import annotations

import argparse
import json
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "src" / "consilience" / "demo" / "articles" / "demo.jsonl"
PLACES = ["Orvik", "Tamsel", "Brennor", "Kalvo", "Lisket", "Morra", "Pellin", "Sarvo", "Udrel", "Vinter"]


def perturbed(count: int, seed: int = 7) -> list[dict]:
    """COUNT articles: demo articles shifted in time by round, numbers nudged, one invented sentence each."""
    rng = random.Random(seed)
    base = [json.loads(line) for line in DEMO.read_text(encoding="utf-8").splitlines() if line.strip()]
    out = []
    for i in range(count):
        src = dict(base[i % len(base)])
        rnd = i // len(base)
        when = datetime.fromisoformat(src.get("published") or "2026-03-14T12:00:00+00:00") + timedelta(days=3 * rnd, minutes=rng.randint(0, 300))
        place = PLACES[rnd % len(PLACES)] + str(rnd // len(PLACES))
        text = src["text"].replace("87", str(80 + rnd % 17)).replace("Dorvik", place)
        text += f"\n\nReporting for edition {rnd}-{i} was done in {place} on a {rng.choice(['wet', 'cold', 'bright', 'windy'])} day."
        out.append({**src, "id": f"bench-{i}", "published": when.isoformat(), "text": text,
                    "title": (src.get("title") or "").replace("87", str(80 + rnd % 17)) + f" ({place})",
                    "url": f"https://bench.example/{i}"})
    return out


def build(db: Path, count: int) -> None:
    from consilience.pipeline import analyse, ingest
    from consilience.store import Store

    jsonl = db.with_suffix(".jsonl")
    jsonl.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in perturbed(count)) + "\n", encoding="utf-8")
    started = time.perf_counter()
    with Store.open(db) as store:
        report = ingest(store, [str(jsonl)], sandbox=False)
        print(f"ingested {report.ingested} in {time.perf_counter() - started:.0f} s; analysing ...", flush=True)
        analyse(store, log=lambda m: print(m, flush=True))
    print(f"built {db} in {time.perf_counter() - started:.0f} s", flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(db: Path, cache: bool) -> tuple[subprocess.Popen, int]:
    """uvicorn in its own process (one worker), so the load threads do not share its GIL."""
    port = free_port()
    code = (
        "import uvicorn; from consilience.web.app import create_app; "
        f"uvicorn.run(create_app({str(db)!r}, cache_pages={cache}), host='127.0.0.1', port={port}, log_level='warning', workers=1)"
    )
    proc = subprocess.Popen([sys.executable, "-c", code])
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/static/style.css", timeout=1)
            break
        except httpx.HTTPError:
            time.sleep(0.2)
    return proc, port


def load(port: int, paths: list[str], clients: int, requests: int) -> dict[str, float]:
    """REQUESTS GETs spread over CLIENTS threads (one keep-alive connection each); latency per request."""
    latencies: list[float] = []
    errors: list[int] = []
    lock = threading.Lock()
    per_client = max(1, requests // clients)

    def worker(k: int) -> None:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as c:
            mine, failed = [], []
            for j in range(per_client):
                t = time.perf_counter()
                r = c.get(paths[(k * per_client + j) % len(paths)])
                mine.append(time.perf_counter() - t)
                if r.status_code != 200:  # 503: the server's query time limit stopped the request
                    failed.append(r.status_code)
            with lock:
                latencies.extend(mine)
                errors.extend(failed)

    started = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(worker, range(clients)))
    wall = time.perf_counter() - started
    latencies.sort()
    return {"rps": len(latencies) / wall, "p50": statistics.median(latencies) * 1000,
            "p99": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000,
            "errors": len(errors)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=400, help="requests per (page, clients) cell")
    parser.add_argument("--db", default=None)
    args = parser.parse_args()
    db = Path(args.db or f"/tmp/consilience-bench-web-{args.articles}.db")
    if not db.exists():
        build(db, args.articles)
    from consilience.store import Store

    with Store.open(db, readonly=True) as store:
        n_articles = store.article_count()
        stories = [r[0] for r in store.conn.execute("SELECT id FROM stories ORDER BY size DESC, id LIMIT 200")]
        n_stories = store.conn.execute("SELECT COUNT(*) FROM stories").fetchone()[0]
    print(f"store: {n_articles} articles, {n_stories} stories; story pages cycle over the {len(stories)} largest stories")
    print(f"{'server':<20} {'page':<6} {'clients':>7} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}")
    for cache in (False, True):
        server, port = serve(db, cache)
        httpx.get(f"http://127.0.0.1:{port}/")  # warm the templates
        for name, paths in (("/", ["/"]), ("story", [f"/stories/{s}" for s in stories])):
            for clients in (1, 10, 50):
                m = load(port, paths, clients, args.requests)
                label = "page cache" if cache else "no cache (baseline)"
                print(f"{label:<20} {name:<6} {clients:>7} {m['rps']:>8.1f} {m['p50']:>8.1f} {m['p99']:>8.1f} {m['errors']:>7}", flush=True)
        server.terminate()
        server.wait(10)
    print("target: story page p99 <= 100 ms at 10 clients")


if __name__ == "__main__":
    main()
