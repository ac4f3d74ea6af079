"""Run readers in worker processes with a wall clock and an address-space limit.

Parsers in this field hang or blow up on hostile input (feedparser #263, trafilatura #704,
warcio #122), and their own timeouts do not cover library calls, so the limits are enforced from
outside: each worker has RLIMIT_AS, the supervisor kills a worker that sends nothing for
UNIT_TIMEOUT_S, records the unit it was on as skipped, and resumes the input after it.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection, wait

from consilience.errors import SkipReason
from consilience.ingest.limits import UNIT_TIMEOUT_S, WORKER_MEMORY_BYTES
from consilience.ingest.sources import InputFile
from consilience.model import Article, Skipped


@dataclass(frozen=True, slots=True)
class Task:
    id: int
    item: InputFile
    fmt: str = "auto"
    skip: int = 0  # units already accounted for (resume after a killed worker)
    outlet: str | None = None
    language: str | None = None
    retried: bool = False


def process_task(task: Task) -> Iterator[tuple[int, Article | Skipped]]:
    """Read and normalise one input, numbering its units; runs inside the worker (or inline)."""
    from consilience.ingest.readers import read_input
    from consilience.normalise import normalise_document

    count = task.skip
    produced = iter(read_input(task.item, task.fmt))
    index = 0
    while True:
        try:
            unit = next(produced)
        except StopIteration:
            return
        except MemoryError:
            yield count + 1, Skipped(task.item.name, SkipReason.MEMORY, "reader ran out of memory")
            return
        except Exception as exc:  # a reader bug must cost one input, never the batch
            yield count + 1, Skipped(task.item.name, SkipReason.ERROR, f"reader failed: {type(exc).__name__}: {exc}"[:300])
            return
        index += 1
        if index <= task.skip:
            continue
        count = index
        try:
            if callable(unit):
                unit = unit()
            if not isinstance(unit, Skipped):
                if task.outlet:
                    unit = replace(unit, outlet=task.outlet)
                if task.language:
                    unit = replace(unit, language=task.language)
                unit = normalise_document(unit)
        except MemoryError:
            unit = Skipped(f"{task.item.name}#unit{index}", SkipReason.MEMORY, "ran out of memory")
        except RecursionError:
            unit = Skipped(f"{task.item.name}#unit{index}", SkipReason.HOSTILE, "structure nested too deeply")
        except Exception as exc:
            unit = Skipped(f"{task.item.name}#unit{index}", SkipReason.ERROR, f"{type(exc).__name__}: {exc}"[:300])
        yield index, unit


def _worker_main(conn: Connection, memory_bytes: int) -> None:
    os.environ["OPENBLAS_NUM_THREADS"] = "1"
    os.environ["OMP_NUM_THREADS"] = "1"
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    except (ImportError, ValueError, OSError):
        pass
    import consilience.ingest.readers  # noqa: F401  (warm the imports before the clock starts)
    import consilience.normalise  # noqa: F401

    conn.send(("ready",))
    while True:
        try:
            task = conn.recv()
        except EOFError:
            return
        if task is None:
            return
        for index, unit in process_task(task):
            conn.send(("unit", task.id, index, unit))
        conn.send(("done", task.id))


class _Worker:
    def __init__(self, ctx: mp.context.BaseContext, memory_bytes: int) -> None:
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_worker_main, args=(child, memory_bytes), daemon=True)
        self.process.start()
        child.close()
        self.task: Task | None = None
        self.last_index = 0
        self.progress = False  # did this task yield a unit since it was (re)started
        self.deadline = time.monotonic() + 120  # start-up: imports
        self.ready = False

    def give(self, task: Task, timeout: float) -> None:
        self.task, self.last_index, self.progress = task, task.skip, False
        self.deadline = time.monotonic() + timeout
        self.conn.send(task)

    def kill(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()


def run_sandboxed(
    tasks: list[Task], workers: int = 1, timeout: float = UNIT_TIMEOUT_S, memory_bytes: int = WORKER_MEMORY_BYTES
) -> Iterator[tuple[Task, Article | Skipped]]:
    """Yield every unit of every task; a hung or dead worker costs only the unit it was on."""
    ctx = mp.get_context("spawn")
    queue = deque(tasks)
    pool = [_Worker(ctx, memory_bytes) for _ in range(max(1, min(workers, len(tasks))))]
    try:
        while queue or any(w.task for w in pool):
            for worker in pool:
                if worker.ready and worker.task is None and queue:
                    worker.give(queue.popleft(), timeout)
            now = time.monotonic()
            ready = wait([w.conn for w in pool], timeout=max(0.01, min(w.deadline for w in pool) - now))
            for worker in list(pool):
                failure: str | None = None
                if worker.conn in ready:
                    try:
                        message = worker.conn.recv()
                    except (EOFError, OSError):
                        code = worker.process.exitcode
                        failure = "memory" if code in (-9, 137) else f"worker process died (exit code {code})"
                        message = None
                    if message is not None:
                        kind = message[0]
                        if kind == "ready":
                            worker.ready = True
                        elif kind == "unit" and worker.task is not None:
                            worker.last_index, worker.progress = message[2], True
                            worker.deadline = time.monotonic() + timeout
                            yield worker.task, message[3]
                        elif kind == "done":
                            worker.task = None
                            worker.deadline = time.monotonic() + 3600
                        continue
                elif time.monotonic() > worker.deadline:
                    failure = "timeout"
                if failure is None:
                    continue
                task = worker.task
                worker.kill()
                pool[pool.index(worker)] = _Worker(ctx, memory_bytes)
                if task is None:
                    continue
                unit = worker.last_index + 1
                reason = SkipReason.TIMEOUT if failure == "timeout" else SkipReason.MEMORY
                detail = (
                    f"no result within {timeout:g} s; parsing was stopped"
                    if failure == "timeout"
                    else f"parser exceeded the memory limit or crashed ({failure})"
                )
                yield task, Skipped(f"{task.item.name}#unit{unit}", reason, detail)
                if worker.progress or not task.retried:
                    # Resume after the failed unit; a second failure with no progress ends the input.
                    queue.appendleft(replace(task, skip=unit, retried=not worker.progress))
                else:
                    yield task, Skipped(
                        f"{task.item.name}#rest", reason, f"the rest of this input was abandoned after unit {unit}"
                    )
    finally:
        for worker in pool:
            try:
                worker.conn.send(None)
            except (OSError, BrokenPipeError):
                pass
            worker.process.join(0.5)
            if worker.process.is_alive():
                worker.process.kill()


def run_inline(tasks: list[Task]) -> Iterator[tuple[Task, Article | Skipped]]:
    """Same results without processes: for tests and trusted input where start-up cost matters."""
    for task in tasks:
        for _, unit in process_task(task):
            yield task, unit
