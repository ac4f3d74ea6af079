"""The one module that knows the order of stages; every run returns a report with counts."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from consilience.errors import UserInputError
from consilience.ingest import InputFile, Task, expand_inputs, run_inline, run_sandboxed
from consilience.model import Article, Skipped
from consilience.store import Store

BATCH_SIZE = 256

Progress = Callable[[int, int], None]  # (inputs done, inputs total)


@dataclass
class IngestReport:
    """What one ingest did. Every unit is exactly one of ingested, duplicate or skipped."""

    ingested: int = 0
    duplicates: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    inputs: int = 0
    seconds: float = 0.0

    @property
    def units(self) -> int:
        return self.ingested + self.duplicates + len(self.skipped)

    def to_json(self) -> dict:
        return {
            "ingested": self.ingested,
            "duplicates": self.duplicates,
            "skipped": [{"input": s.input, "reason": s.describe()} for s in self.skipped],
            "articles": self.articles,
        }


def ingest(
    store: Store,
    paths: list[str],
    fmt: str = "auto",
    outlet: str | None = None,
    language: str | None = None,
    stdin: bytes | None = None,
    sandbox: bool = True,
    workers: int | None = None,
    progress: Progress | None = None,
) -> IngestReport:
    """Read every input into the store; bad inputs become skip records, the rest lands."""
    started = datetime.now(UTC).isoformat(timespec="seconds")
    clock = time.perf_counter()
    items: list[InputFile] = list(expand_inputs(paths, stdin=stdin))
    report = IngestReport(inputs=len(items))
    if not items:
        raise UserInputError("no input files found", "name a file, a directory with files, or - for stdin")
    tasks = [Task(i, item, fmt, outlet=outlet, language=language) for i, item in enumerate(items)]
    if workers is None:
        workers = 1 if len(tasks) < 4 else min(2, os.cpu_count() or 1)
    results = run_sandboxed(tasks, workers=workers) if sandbox else run_inline(tasks)
    pending_articles: list[Article] = []
    pending_skips: list[Skipped] = []
    done_tasks: set[int] = set()
    seen: set[str] = set()

    def flush() -> None:
        fresh = store.add_batch(pending_articles, pending_skips)
        for article, new in zip(pending_articles, fresh, strict=True):
            if new:
                report.ingested += 1
            else:
                report.duplicates += 1
            if article.id not in seen:
                seen.add(article.id)
                report.articles.append(article.id)
        report.skipped.extend(pending_skips)
        pending_articles.clear()
        pending_skips.clear()

    last_task = -1
    for task, unit in results:
        if isinstance(unit, Skipped):
            pending_skips.append(unit)
        else:
            pending_articles.append(unit)
        if task.id != last_task:
            if last_task >= 0:
                done_tasks.add(last_task)
            last_task = task.id
            if progress:
                progress(len(done_tasks), len(tasks))
        if len(pending_articles) + len(pending_skips) >= BATCH_SIZE:
            flush()
    flush()
    if progress:
        progress(len(tasks), len(tasks))
    report.seconds = time.perf_counter() - clock
    store.record_run("ingest", started, {**report.to_json(), "articles": len(report.articles), "seconds": report.seconds})
    return report
