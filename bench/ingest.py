"""Ingest speed and peak memory per input format, beside the parsing libraries alone.

Inputs are generated from the demo corpus (15 invented articles): each copy gets a numbered
dispatch line and a seeded shuffle of its paragraphs, so every generated article has its own
identity hash. Formats: text (one article per .txt file), html (one page per .html file, ~1.5 KB
of text each), jsonl and warc (.warc.gz; both split over 4 files so both workers have work).

Each measurement runs in a fresh Python process, so peak memory is that run's alone: "main" is
the peak RSS (VmHWM) of the process calling `consilience.pipeline.ingest`, "worker" the largest
parser worker (ru_maxrss of the joined children).
Baselines, measured in the same run on the same files, in-process, one core:
  text  - read and UTF-8 decode each file
  jsonl - json.loads each line
  html  - trafilatura.bare_extraction of each page (same options as the product)
  warc  - warcio ArchiveIterator over the records, reading each payload
so what the product adds (sandbox, normalisation, language id, dates, SQLite) is the difference.

Run: .venv/bin/python bench/ingest.py [--sizes 1000,10000] [--formats text,jsonl,html,warc]
"""

from __future__ import annotations

import argparse
import html
import io
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _memory import own_peak_mib

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "src/consilience/demo/articles/demo.jsonl"
FILES_PER_RECORD_FORMAT = 4
BASELINE_NAMES = {
    "text": "read+decode",
    "jsonl": "json.loads",
    "html": "trafilatura",
    "warc": "warcio iter",
}


# -- corpus -------------------------------------------------------------------------------------


def demo_articles() -> list[dict]:
    return [json.loads(line) for line in DEMO.read_text("utf-8").splitlines() if line.strip()]


def variant(base: dict, number: int, rng: random.Random) -> dict:
    """A distinct article from a demo one: a numbered dispatch line, paragraphs reordered."""
    paragraphs = base["text"].split("\n\n")
    first, rest = paragraphs[0], paragraphs[1:]
    rng.shuffle(rest)
    line = f"Dispatch {number} from the {base.get('outlet') or 'desk'} archive, filed as update {number % 97}."
    return {
        **base,
        "id": f"bench-{number}",
        "title": f"{base['title']} ({number})",
        "text": "\n\n".join([first, line, *rest]),
    }


def corpus(n: int, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    bases = demo_articles()
    return [variant(bases[i % len(bases)], i, rng) for i in range(n)]


def as_text(article: dict) -> str:
    return f"{article['title']}\n{article.get('outlet') or ''}\n{article.get('published') or ''}\n\n{article['text']}\n"


def as_html(article: dict) -> str:
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in article["text"].split("\n\n"))
    title = html.escape(article["title"])
    return (
        f"<!doctype html><html lang='{article.get('language') or 'en'}'><head><meta charset='utf-8'><title>{title}</title>"
        f"<meta property='article:published_time' content='{article.get('published') or ''}'></head>"
        f"<body><nav><a href='/'>Home</a> | <a href='/world'>World</a></nav><article><h1>{title}</h1>"
        f"<p class='byline'>By {html.escape(article.get('author') or 'Staff')}</p>{paragraphs}</article>"
        f"<footer>Contact the newsroom</footer></body></html>"
    )


def write_warc(path: Path, articles: list[dict]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for article in articles:
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        payload = io.BytesIO(as_html(article).encode("utf-8"))
        uri = f"{article.get('url') or 'https://bench.example/'}?n={article['id']}"
        writer.write_record(
            writer.create_warc_record(uri, "response", payload=payload, http_headers=headers)
        )
    path.write_bytes(buffer.getvalue())


def write_inputs(fmt: str, n: int, folder: Path) -> None:
    """The n-article corpus in one format under `folder`."""
    folder.mkdir(parents=True)
    articles = corpus(n)
    if fmt in ("text", "html"):
        for article in articles:
            body = as_text(article) if fmt == "text" else as_html(article)
            (folder / f"{article['id']}.{'txt' if fmt == 'text' else 'html'}").write_text(
                body, "utf-8"
            )
        return
    size = -(-n // FILES_PER_RECORD_FORMAT)
    for part in range(FILES_PER_RECORD_FORMAT):
        chunk = articles[part * size : (part + 1) * size]
        if fmt == "jsonl":
            (folder / f"part{part}.jsonl").write_text(
                "".join(json.dumps(a) + "\n" for a in chunk), "utf-8"
            )
        else:
            write_warc(folder / f"part{part}.warc.gz", chunk)


# -- one measurement (in a fresh process) -------------------------------------------------------


def _workers_peak_mb() -> float:
    """The largest parser worker (they are joined, so they count as waited-for children)."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # Linux reports KiB


def measure_product(folder: Path, sandbox: bool) -> dict:
    from consilience.pipeline import ingest
    from consilience.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        with Store.open(Path(tmp) / "bench.db") as store:
            clock = time.perf_counter()
            report = ingest(store, [str(folder)], sandbox=sandbox)
            seconds = time.perf_counter() - clock
            stored = store.article_count()
    return {
        "seconds": seconds,
        "articles": stored,
        "skipped": len(report.skipped),
        "main_mb": own_peak_mib(),
        "worker_mb": _workers_peak_mb() if sandbox else None,
    }


def measure_baseline(fmt: str, folder: Path) -> dict:
    files = sorted(p for p in folder.iterdir() if p.is_file())
    count = 0
    clock = time.perf_counter()
    if fmt == "text":
        for path in files:
            count += bool(path.read_bytes().decode("utf-8"))
    elif fmt == "jsonl":
        for path in files:
            count += sum(
                1 for line in path.read_bytes().splitlines() if line.strip() and json.loads(line)
            )
    elif fmt == "html":
        import trafilatura

        for path in files:
            doc = trafilatura.bare_extraction(
                path.read_text("utf-8"), with_metadata=True, include_comments=False
            )
            count += doc is not None
    else:
        from warcio.archiveiterator import ArchiveIterator

        for path in files:
            with open(path, "rb") as handle:
                for record in ArchiveIterator(handle):
                    if record.rec_type == "response":
                        count += bool(record.content_stream().read())
    seconds = time.perf_counter() - clock
    return {"seconds": seconds, "articles": count, "main_mb": own_peak_mib()}


def one(args: list[str]) -> None:
    """Child entry: `--one product FOLDER sandbox|inline` or `--one baseline FOLDER FMT`."""
    kind, folder = args[0], Path(args[1])
    if kind == "product":
        result = measure_product(folder, sandbox=args[2] == "sandbox")
    else:
        result = measure_baseline(args[2], folder)
    print(json.dumps(result))


def in_child(*args: str) -> dict:
    done = subprocess.run(
        [sys.executable, __file__, "--one", *args], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise SystemExit(f"measurement {args} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# -- table --------------------------------------------------------------------------------------


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--one":
        one(sys.argv[2:])
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--formats", default="text,jsonl,html,warc")
    options = parser.parse_args()
    sizes = [int(s) for s in options.sizes.split(",")]
    formats = options.formats.split(",")
    header = (
        f"{'format':<6} {'n':>6} {'mode':<8} {'stored':>6} {'seconds':>8} {'articles/s':>10} "
        f"{'main MB':>8} {'worker MB':>9}   {'baseline':<12} {'seconds':>8} {'articles/s':>10} {'MB':>6}"
    )
    print(header)
    print("-" * len(header))
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in formats:
            for n in sizes:
                folder = Path(tmp) / f"{fmt}-{n}"
                write_inputs(fmt, n, folder)
                base = in_child("baseline", str(folder), fmt)
                for mode in ("sandbox", "inline"):
                    got = in_child("product", str(folder), mode)
                    worker = (
                        f"{got['worker_mb']:9.0f}" if got["worker_mb"] is not None else f"{'-':>9}"
                    )
                    print(
                        f"{fmt:<6} {n:>6} {mode:<8} {got['articles']:>6} {got['seconds']:>8.2f} "
                        f"{got['articles'] / got['seconds']:>10.0f} {got['main_mb']:>8.0f} {worker}   "
                        f"{BASELINE_NAMES[fmt]:<12} {base['seconds']:>8.2f} {base['articles'] / base['seconds']:>10.0f} "
                        f"{base['main_mb']:>6.0f}",
                        flush=True,
                    )
                    if got["articles"] != n:
                        print(
                            f"  warning: {n - got['articles']} of {n} articles not stored ({got['skipped']} skipped)"
                        )
    print(
        f"\ntotal bench time {time.perf_counter() - started:.0f} s; python {sys.version.split()[0]}"
    )


if __name__ == "__main__":
    main()
