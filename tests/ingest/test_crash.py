"""A batch killed at any point (kill -9) and run again ends with every article stored exactly once.

The real CLI is started as its own process group and SIGKILLed (with its parser workers) at
seeded random moments: before the database exists, while it is being created, and after random
numbers of rows have landed (so inside later batches). Then it is run to completion and the store
is compared with an uninterrupted ingest of the same corpus.
"""

from __future__ import annotations

import io
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from consilience.pipeline import ingest
from consilience.store import Store

SEED = 20260314
RUN_LIMIT_S = 45.0  # one CLI run; a hang is a failure, not a pass

_WORDS = (
    "council budget river harbour minister vote bridge school hospital railway union strike court ruling "
    "market grain export festival storm flood envoy border pardon talks mayor tariff clinic ferry mine"
).split()


@dataclass(frozen=True)
class Corpus:
    folder: Path
    units: int  # records a reader yields (each becomes one article or one duplicate)
    unique: int  # distinct article texts among them
    kills_by_rows: int  # kills part-way through (after a random share of the missing rows landed)
    repeats: Path | None = None  # the file of second copies, whose row may win if it lands first


def _sentence(rng: random.Random, number: int) -> str:
    words = " ".join(rng.choice(_WORDS) for _ in range(40))
    return (
        f"Report {number} from the town of Dorvik. The council met on Tuesday to discuss {words}."
    )


def _jsonl_corpus(folder: Path, rng: random.Random) -> Corpus:
    """3,000 distinct articles in six files, plus 30 copies differing only in case and spacing."""
    folder.mkdir()
    texts = [_sentence(rng, n) for n in range(3000)]
    for part in range(6):
        with open(folder / f"part{part}.jsonl", "w", encoding="utf-8") as handle:
            for n in range(part * 500, (part + 1) * 500):
                handle.write(
                    json.dumps({"id": f"a{n}", "title": f"Report {n}", "text": texts[n]}) + "\n"
                )
    with open(folder / "repeats.jsonl", "w", encoding="utf-8") as handle:
        for n in rng.sample(range(3000), 30):
            # Same identity text (case and spacing are folded), so these must be duplicates.
            handle.write(
                json.dumps({"id": f"copy{n}", "text": "  " + texts[n].upper().replace(" ", "   ")})
                + "\n"
            )
    return Corpus(
        folder, units=3030, unique=3000, kills_by_rows=5, repeats=folder / "repeats.jsonl"
    )


def _page(rng: random.Random, number: int) -> bytes:
    paragraphs = "".join(
        f"<p>{_sentence(rng, number)} Paragraph {p} of report {number}.</p>" for p in range(3)
    )
    return (
        f"<html lang='en'><head><title>Report {number}</title></head><body><nav>Home | World</nav>"
        f"<article><h1>Report {number}</h1>{paragraphs}</article><footer>Contact us</footer></body></html>"
    ).encode()


def _warc_corpus(folder: Path, rng: random.Random) -> Corpus:
    """600 distinct HTML pages as response records in three gzipped WARC files."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    folder.mkdir()
    for part in range(3):
        buffer = io.BytesIO()
        writer = WARCWriter(buffer, gzip=True)
        for n in range(part * 200, (part + 1) * 200):
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                f"https://dorvik.example/news/{n}",
                "response",
                payload=io.BytesIO(_page(rng, n)),
                http_headers=headers,
            )
            writer.write_record(record)
        (folder / f"crawl{part}.warc.gz").write_bytes(buffer.getvalue())
    return Corpus(folder, units=600, unique=600, kills_by_rows=3)


# -- driving the CLI ----------------------------------------------------------------------------


def _start(corpus: Corpus, db: Path, log: Path) -> subprocess.Popen:
    """The CLI in its own session, so one killpg reaches it and every parser worker it spawned."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env.pop("CONSILIENCE_DB", None)
    cmd = [
        sys.executable,
        "-m",
        "consilience",
        "ingest",
        str(corpus.folder),
        "--db",
        str(db),
        "--json",
        "--no-analyse",
    ]
    with open(log, "wb") as out:
        return subprocess.Popen(
            cmd, stdout=out, stderr=subprocess.STDOUT, env=env, start_new_session=True
        )


def _rows(db: Path) -> int:
    """Articles committed so far, read beside the writer (WAL readers never block it)."""
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    except sqlite3.Error:  # not created yet, or mid-migration
        return 0


def _live_members(pgid: int) -> list[int]:
    """Processes of a group that are still running (zombies waiting for a reaper do not count)."""
    alive = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[2]) == pgid and fields[0] != "Z":
            alive.append(int(entry.name))
    return alive


def _kill_group(proc: subprocess.Popen) -> None:
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(10)
    deadline = time.monotonic() + 10
    while Path("/proc").is_dir() and _live_members(proc.pid):
        assert time.monotonic() < deadline, (
            f"processes of the killed group survive: {_live_members(proc.pid)}"
        )
        time.sleep(0.02)


def _run_until(proc: subprocess.Popen, when: Callable[[], bool], log: Path) -> bool:
    """Kill the group once `when()` is true; False if the run ended first (it must end cleanly)."""
    started = time.monotonic()
    while proc.poll() is None:
        if when():
            _kill_group(proc)
            return True
        if time.monotonic() - started > RUN_LIMIT_S:
            _kill_group(proc)
            pytest.fail(
                f"an ingest run hung for {RUN_LIMIT_S} s:\n{log.read_text(errors='replace')[-2000:]}"
            )
        time.sleep(0.003)
    # A restart that dies on its own (not killed by us) is a crash loop, whatever its exit code says.
    assert proc.returncode == 0, (
        f"restart failed by itself (exit {proc.returncode}):\n{log.read_text(errors='replace')[-2000:]}"
    )
    return False


def _kill_plan(rng: random.Random, corpus: Corpus) -> list[tuple[str, tuple]]:
    """Seeded kill moments: during start-up, while the database is created, then part-way through."""
    early = rng.uniform(0.05, 0.4)
    plan: list[tuple[str, tuple]] = [
        (f"{early:.2f} s after start", ("time", early)),
        ("when the db file appears", ("file",)),
    ]
    for _ in range(corpus.kills_by_rows):
        share = rng.uniform(0.02, 0.3)  # of the articles still missing when this run starts
        extra = rng.uniform(
            0, 0.12
        )  # so the kill falls inside the next batch, not just after a commit
        plan.append((f"{share:.0%} of the missing rows +{extra:.2f} s", ("rows", share, extra)))
    return plan


def _trigger(spec: tuple, corpus: Corpus, db: Path, started: float) -> Callable[[], bool]:
    """A predicate for `_run_until` from one plan entry; row targets count this run's new rows."""
    kind = spec[0]
    if kind == "time":
        return lambda: time.monotonic() - started >= spec[1]
    if kind == "file":
        return db.exists
    stored = _rows(db)
    target = stored + max(1, round(spec[1] * (corpus.unique - stored)))
    reached: list[float] = []

    def rows_then_wait() -> bool:
        if not reached and _rows(db) >= target:
            reached.append(time.monotonic())
        return bool(reached) and time.monotonic() - reached[0] >= spec[2]

    return rows_then_wait


# -- checking the store -------------------------------------------------------------------------


def exactly_once_problems(conn: sqlite3.Connection, table: str, expected: int) -> list[str]:
    """What is wrong with a table of articles that should hold `expected` distinct ids once each."""
    total, distinct = conn.execute(f"SELECT COUNT(*), COUNT(DISTINCT id) FROM {table}").fetchone()
    problems = []
    if total != distinct:
        problems.append(f"{total - distinct} duplicate row(s)")
    if distinct != expected:
        problems.append(f"{distinct} distinct ids, expected {expected}")
    return problems


def _content(db: Path) -> dict[str, tuple]:
    """Every article's stored fields (not ingest times), keyed by id: torn or altered rows show."""
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT id, ref, url, title, language, published, text, source, format FROM articles"
        )
        return {row[0]: row[1:] for row in rows}


def _reference(corpus: Corpus, tmp_path: Path) -> Path:
    """The same corpus ingested once, uninterrupted and in-process: what the killed runs must end as."""
    db = tmp_path / "reference.db"
    with Store.open(db) as store:
        report = ingest(store, [str(corpus.folder)], sandbox=False)
    assert report.ingested == corpus.unique and report.duplicates == corpus.units - corpus.unique, (
        report.to_json()
    )
    return db


def _second_copies(corpus: Corpus, tmp_path: Path) -> dict[str, tuple]:
    """Rows the repeated copies make when they land first (two workers race, so either copy may)."""
    if corpus.repeats is None:
        return {}
    db = tmp_path / "copies.db"
    with Store.open(db) as store:
        ingest(store, [str(corpus.repeats)], sandbox=False)
    return _content(db)


@pytest.mark.parametrize("kind", ["jsonl", "warc"])
def test_killed_at_random_points_then_rerun_stores_every_article_once(
    kind: str, tmp_path: Path
) -> None:
    rng = random.Random(f"{SEED}-{kind}")
    corpus = (_jsonl_corpus if kind == "jsonl" else _warc_corpus)(tmp_path / "corpus", rng)
    db = tmp_path / "killed.db"
    landed: list[tuple[str, int]] = []
    for number, (label, spec) in enumerate(_kill_plan(rng, corpus)):
        log = tmp_path / f"run{number}.log"
        trigger = _trigger(spec, corpus, db, time.monotonic())
        proc = _start(corpus, db, log)
        if _run_until(proc, trigger, log):
            landed.append((label, _rows(db)))
    # The kills must really have hit running processes, at least two of them part-way through the
    # corpus, or this tests little. Not every row kill need land: on a loaded machine a run may
    # store its last rows before the poller wakes, and then later runs find nothing to do (which
    # the re-run checks below still cover).
    assert len(landed) >= 3, landed
    assert sum(0 < rows < corpus.unique for _, rows in landed) >= 2, landed
    before = _rows(db)

    log = tmp_path / "final.log"
    final = _start(corpus, db, log)
    assert final.wait(RUN_LIMIT_S) == 0, log.read_text(errors="replace")[-2000:]
    report = json.loads(log.read_text())
    assert report["ingested"] + report["duplicates"] == corpus.units, report
    assert report["ingested"] == corpus.unique - before, (before, report["ingested"])
    assert report["skipped"] == []

    with sqlite3.connect(db) as conn:
        assert exactly_once_problems(conn, "articles", corpus.unique) == [], landed
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        # Each unit read leaves one (article, source) row: none lost, none doubled across restarts.
        assert conn.execute("SELECT COUNT(*) FROM article_sources").fetchone()[0] == corpus.units
        assert conn.execute("SELECT COUNT(*) FROM skipped").fetchone()[0] == 0
    stored, reference = _content(db), _content(_reference(corpus, tmp_path))
    assert stored.keys() == reference.keys()
    copies = _second_copies(corpus, tmp_path)
    altered = [
        key for key, row in stored.items() if row != reference[key] and row != copies.get(key)
    ]
    assert altered == [], f"{len(altered)} row(s) differ from an uninterrupted ingest"


def test_the_check_sees_duplicates_and_losses(tmp_path: Path) -> None:
    """Negative control: the same check, on a copy of a real store with no primary key, reports a
    row stored twice and a row lost, so its silence on the killed store is evidence, not a blind spot."""
    corpus = _jsonl_corpus(tmp_path / "corpus", random.Random(SEED))
    db = _reference(corpus, tmp_path)
    with sqlite3.connect(db) as conn:
        assert exactly_once_problems(conn, "articles", corpus.unique) == []
        conn.execute("CREATE TABLE unkeyed AS SELECT * FROM articles")  # same rows, no constraint
        conn.execute("INSERT INTO unkeyed SELECT * FROM articles WHERE rowid = 17")
        assert exactly_once_problems(conn, "unkeyed", corpus.unique) == ["1 duplicate row(s)"]
        conn.execute(
            "DELETE FROM unkeyed WHERE rowid = (SELECT MAX(rowid) FROM unkeyed WHERE id != "
            "(SELECT id FROM articles WHERE rowid = 17))"
        )
        assert exactly_once_problems(conn, "unkeyed", corpus.unique) == [
            "1 duplicate row(s)",
            f"{corpus.unique - 1} distinct ids, expected {corpus.unique}",
        ]
