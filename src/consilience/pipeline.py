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


# -- analysis: per-article extraction, then cross-article resolution, stories and comparison ----

# bump when the comparison rules change: every story's sources are compared again on the next run
COMPARER_VERSION = "10"
EXTRACTOR_VERSION = "75"  # bump when mention or claim extraction changes: articles are re-read
Log = Callable[[str], None]


def _parse_when(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def _extract_chunk(chunk: list[tuple[str, str, str | None, str | None]], ner: str) -> list:  # type: ignore[type-arg]
    """Mentions and claims for a chunk of (id, text, language, published); runs in a worker too."""
    from consilience.extract.claims import extract_claims
    from consilience.extract.mentions import get_detector

    detector = get_detector(ner)
    out = []
    for article_id, text, language, published in chunk:
        mentions = detector.detect(article_id, text, language)
        # the claims' event actors are grounded in these typed mentions (extract/actors.py)
        out.append((article_id, mentions, extract_claims(article_id, text, language, published, mentions)))
    return out


PARALLEL_FROM = 400  # articles; below this, starting worker processes costs more than it saves
CHUNK = 64


def extract_articles(store: Store, log: Log | None = None, ner: str = "rules", workers: int | None = None) -> int:
    """Mentions and claims for every article not yet read by this extractor version and detector.

    Per-article work is independent, so a large backlog is spread over worker processes
    (one per core); results are written by this process alone, in batches.
    """
    from consilience.extract.mention_lexicon import user_places_digest
    from consilience.store.analysis import save_extraction, unanalysed_articles

    # checked here, in this process, so a bad places file stops the run before any worker starts
    places = user_places_digest()
    version = f"{EXTRACTOR_VERSION}:{ner}" + (f":places-{places}" if places else "")
    rows = unanalysed_articles(store, version)
    items = [(r["id"], r["text"], r["language"], r["published"]) for r in rows]
    chunks = [items[i : i + CHUNK] for i in range(0, len(items), CHUNK)]
    workers = workers or min(os.cpu_count() or 1, 4)
    done = 0
    if len(items) >= PARALLEL_FROM and workers > 1:
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context("spawn")) as pool:
            for found in pool.map(_extract_chunk, chunks, [ner] * len(chunks)):
                save_extraction(store, version, found)
                done += len(found)
                if log:
                    log(f"read names and claims in {done}/{len(items)} articles")
    else:
        for chunk in chunks:
            save_extraction(store, version, _extract_chunk(chunk, ner))
            done += len(chunk)
            if log and len(items) > CHUNK:
                log(f"read names and claims in {done}/{len(items)} articles")
    return len(items)


def resolve(store: Store) -> int:
    """Rebuild entities from every stored mention and every judgement."""
    from consilience.resolve import resolve_entities
    from consilience.store.analysis import all_mentions, judgements, save_entities

    context: dict[str, set[str]] = {}
    for story_id, article_id in store.conn.execute("SELECT story_id, article_id FROM story_articles"):
        context.setdefault(article_id, set()).add(story_id)
    entities = resolve_entities(all_mentions(store), judgements(store), context)
    save_entities(store, entities)
    return len(entities)


def story_doc(store: Store, row):  # type: ignore[no-untyped-def]
    from consilience.cluster.doc import StoryDoc

    entity_ids = {
        r[0]
        for r in store.conn.execute(
            "SELECT entity_id FROM mentions WHERE article_id = ? AND entity_id IS NOT NULL", (row["id"],)
        )
    }
    return StoryDoc(
        id=row["id"],
        title=row["title"],
        text=row["text"],
        published=_parse_when(row["published"]),
        language=row["language"],
        entities=frozenset(entity_ids),
        outlet=row["outlet"],
    )


def group_into_stories(store: Store, rebuild: bool = False, log: Log | None = None) -> set[str]:
    """Add unassigned articles to stories (incremental); returns the ids of stories that changed."""
    import json

    from consilience.cluster.doc import publication_order
    from consilience.cluster.stories import StoryIndex
    from consilience.store.analysis import load_state

    state = None if rebuild else load_state(store, "story_index")
    try:
        index = StoryIndex.from_state(state) if state else StoryIndex()
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        # A state this release cannot read (damaged, or from a far older one): regroup every
        # stored article from scratch rather than stop; nothing stored is lost by that.
        if log:
            log(f"story index state unreadable ({type(exc).__name__}: {exc}); regrouping all articles")
        state, index = None, StoryIndex()
    if rebuild or state is None:
        with store.write() as conn:
            conn.execute("DELETE FROM story_articles")
            conn.execute("DELETE FROM stories")
            conn.execute("DELETE FROM comparisons")
    rows = store.conn.execute(
        "SELECT a.* FROM articles a LEFT JOIN story_articles s ON s.article_id = a.id WHERE s.article_id IS NULL"
    ).fetchall()
    docs = sorted((story_doc(store, r) for r in rows), key=publication_order)
    if state is None:
        # A fresh index learns word frequencies from the articles it is about to group, as the
        # benchmark's full pass does, so the first articles are not weighed by an empty index.
        index.warm(docs)
    touched: set[str] = set()
    assignments = []
    for doc in docs:
        assignment = index.add(doc)
        touched.add(assignment.story_id)
        assignments.append(assignment)
    with store.write() as conn:
        for a in assignments:
            for retired in a.merged:
                # The index folded a story into this one: its stored articles follow it.
                conn.execute("UPDATE story_articles SET story_id = ? WHERE story_id = ?", (a.story_id, retired))
                conn.execute("DELETE FROM stories WHERE id = ?", (retired,))
                conn.execute("DELETE FROM comparisons WHERE story_id = ?", (retired,))
                touched.discard(retired)
                touched.add(a.story_id)
            why = {"score": round(a.score, 4), "why": a.why, "new": a.new, "evidence": _evidence_json(a.evidence)}
            conn.execute(
                "INSERT INTO story_articles (article_id, story_id, why) VALUES (?, ?, ?) "
                "ON CONFLICT(article_id) DO UPDATE SET story_id = excluded.story_id, why = excluded.why",
                (a.doc_id, a.story_id, json.dumps(why, ensure_ascii=False)),
            )
        conn.execute(
            "INSERT INTO state (name, data) VALUES ('story_index', ?) ON CONFLICT(name) DO UPDATE SET data = excluded.data",
            (json.dumps(index.state(), ensure_ascii=False),),
        )
    _refresh_story_rows(store, touched)
    return touched


def _evidence_json(evidence) -> dict:  # type: ignore[no-untyped-def]
    from dataclasses import asdict

    return {k: (list(v) if isinstance(v, tuple) else v) for k, v in asdict(evidence).items()}


def _refresh_story_rows(store: Store, story_ids: set[str]) -> None:
    """Title (earliest article's), first/last seen and size, and copy groups inside each story."""
    from consilience.cluster.copies import find_copy_groups
    from consilience.extract.sentences import lead

    with store.write() as conn:
        for story_id in story_ids:
            rows = conn.execute(
                "SELECT a.* FROM articles a JOIN story_articles s ON s.article_id = a.id WHERE s.story_id = ? "
                "ORDER BY a.published IS NULL, a.published, a.id",
                (story_id,),
            ).fetchall()
            if not rows:
                conn.execute("DELETE FROM stories WHERE id = ?", (story_id,))
                continue
            dated = [r["published"] for r in rows if r["published"]]
            title = next((r["title"] for r in rows if r["title"]), None) or lead(rows[0]["text"])
            conn.execute(
                "INSERT INTO stories (id, title, first_seen, last_seen, size) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT(id) DO UPDATE SET title = excluded.title, first_seen = excluded.first_seen, "
                "last_seen = excluded.last_seen, size = excluded.size",
                (story_id, title, min(dated) if dated else None, max(dated) if dated else None, len(rows)),
            )
            groups = find_copy_groups([story_doc(store, r) for r in rows]) if len(rows) > 1 else {}
            for row in rows:
                conn.execute(
                    "UPDATE story_articles SET copy_group = ? WHERE article_id = ?", (groups.get(row["id"]), row["id"])
                )


def compare_stories(store: Store, story_ids: set[str] | None = None) -> int:
    """Compare the sources of each story (all stories when None) and keep the result."""
    import json

    from consilience.compare import SourceArticle, compare_story
    from consilience.store.analysis import claims_of

    if story_ids is None:
        story_ids = {r[0] for r in store.conn.execute("SELECT id FROM stories")}
    results = []
    for story_id in sorted(story_ids):
        rows = store.conn.execute(
            "SELECT a.id, a.ref, a.outlet, a.published, s.copy_group FROM articles a "
            "JOIN story_articles s ON s.article_id = a.id WHERE s.story_id = ? ORDER BY a.published, a.id",
            (story_id,),
        ).fetchall()
        if not rows:
            continue
        articles = [SourceArticle(r[0], r[1], r[2], r[3], r[4]) for r in rows]
        ids = [r[0] for r in rows]
        read = claim_readers(rows)
        entities = story_entities(store, ids)
        comparison = compare_story(articles, claims_of(store, read), entities)
        view = comparison.to_json()
        if len(read) < len(ids):
            view["compared"] = {
                "articles": len(read),
                "of": len(ids),
                "why": f"claims read from one article per copy group, at most {MAX_COMPARED} (earliest first): "
                "copies add no independent support, and pairing every claim of a large story is quadratic",
            }
        results.append((story_id, json.dumps(view, ensure_ascii=False), json.dumps(_summary(view, rows), ensure_ascii=False)))
    with store.write() as conn:
        conn.executemany(
            "INSERT INTO comparisons (story_id, data) VALUES (?, ?) ON CONFLICT(story_id) DO UPDATE SET data = excluded.data",
            [(story_id, data) for story_id, data, _ in results],
        )
        conn.executemany("UPDATE stories SET summary = ? WHERE id = ?", [(summary, story_id) for story_id, _, summary in results])
    return len(results)


def _summary(view: dict, rows: list) -> dict:  # type: ignore[type-arg]
    """The list page's figures for one story: outlets, independence groups, claims by status."""
    statuses = [c.get("status") for c in view.get("claims", [])]
    return {
        "outlets": sorted({r[2] for r in rows if r[2]}),
        "independence_groups": len({s.get("independence_group") for s in view.get("sources", [])} - {None}),
        "episodes": max(1, len(view.get("episodes", []))),
        "claims": {k: statuses.count(k) for k in ("corroborated", "single_source", "conflicting")},
    }


SMALL_STORY = 12  # articles; up to this size every article's claims are compared
MAX_COMPARED = 40


def claim_readers(rows: list) -> list[str]:  # type: ignore[type-arg]
    """Articles whose claims a story's comparison reads: all of a small story; in a large one, the
    earliest article of each copy group and the other articles, earliest first, up to MAX_COMPARED."""
    ids = [r[0] for r in rows]
    if len(ids) <= SMALL_STORY:
        return ids
    seen_groups: set[str] = set()
    chosen = []
    for r in rows:  # rows come in publication order
        group = r[4]
        if group:
            if group in seen_groups:
                continue
            seen_groups.add(group)
        chosen.append(r[0])
    return chosen[:MAX_COMPARED]


def story_entities(store: Store, article_ids: list[str]):  # type: ignore[no-untyped-def]
    from consilience.compare import StoryEntity

    marks = ",".join("?" * len(article_ids))
    rows = store.conn.execute(
        f"SELECT m.entity_id, m.text, m.article_id, e.name, e.type FROM mentions m JOIN entities e ON e.id = m.entity_id "
        f"WHERE m.article_id IN ({marks}) ORDER BY m.entity_id, m.text",
        article_ids,
    ).fetchall()
    grouped: dict[str, dict] = {}
    for entity_id, text, article_id, name, type_ in rows:
        entry = grouped.setdefault(entity_id, {"name": name, "type": type_, "variants": {}})
        entry["variants"].setdefault(text, set()).add(article_id)
    return [
        StoryEntity(eid, e["name"], e["type"], {s: tuple(sorted(a)) for s, a in sorted(e["variants"].items())})
        for eid, e in sorted(grouped.items())
    ]


def backfill_summaries(store: Store) -> int:
    """Stories compared before the summary column existed get their list figures from the comparison."""
    import json

    rows = store.conn.execute(
        "SELECT s.id, c.data FROM stories s JOIN comparisons c ON c.story_id = s.id WHERE s.summary = '{}'"
    ).fetchall()
    updates = []
    for story_id, data in rows:
        members = store.conn.execute(
            "SELECT a.id, a.ref, a.outlet FROM articles a JOIN story_articles s ON s.article_id = a.id WHERE s.story_id = ?",
            (story_id,),
        ).fetchall()
        updates.append((json.dumps(_summary(json.loads(data), members), ensure_ascii=False), story_id))
    if updates:
        with store.write() as conn:
            conn.executemany("UPDATE stories SET summary = ? WHERE id = ?", updates)
    return len(updates)


def _ungrouped(store: Store) -> bool:
    """Whether some stored article belongs to no story yet."""
    return store.conn.execute(
        "SELECT 1 FROM articles a LEFT JOIN story_articles s ON s.article_id = a.id "
        "WHERE s.article_id IS NULL LIMIT 1"
    ).fetchone() is not None


def _uncompared(store: Store) -> set[str]:
    """Stories whose sources have not been compared yet."""
    rows = store.conn.execute(
        "SELECT st.id FROM stories st LEFT JOIN comparisons c ON c.story_id = st.id WHERE c.story_id IS NULL"
    )
    return {r[0] for r in rows}


def _comparer_version(store: Store) -> str | None:
    """The version of the comparison rules that made the stored comparisons (None: unrecorded)."""
    from consilience.store.analysis import load_state

    return load_state(store, "comparer_version")


def _comparer_done(store: Store) -> None:
    import json

    with store.write() as conn:
        conn.execute(
            "INSERT INTO state (name, data) VALUES ('comparer_version', ?) "
            "ON CONFLICT(name) DO UPDATE SET data = excluded.data",
            (json.dumps(COMPARER_VERSION),),
        )


def analyse(store: Store, rebuild: bool = False, log: Log | None = None, ner: str = "rules") -> dict[str, float]:
    """Extraction for new articles, then entities, stories and comparisons; timings per stage."""
    backfill_summaries(store)
    timings: dict[str, float] = {}
    clock = time.perf_counter()
    extracted = extract_articles(store, log, ner=ner)
    timings["extract"] = time.perf_counter() - clock
    # Nothing new to read may still leave work owed: a run stopped after extraction (killed, or
    # a crash) leaves articles with no story, or stories with no comparison.
    regroup = bool(extracted) or rebuild or _ungrouped(store)
    if regroup and not extracted and not rebuild and log:
        log("finishing an interrupted analysis: some stored articles have no story yet")
    touched: set[str] = set()
    if regroup:
        clock = time.perf_counter()
        resolve(store)
        timings["resolve"] = time.perf_counter() - clock
        clock = time.perf_counter()
        touched = group_into_stories(store, rebuild=rebuild, log=log)
        timings["stories"] = time.perf_counter() - clock
    made_by = _comparer_version(store)
    stale = made_by != COMPARER_VERSION
    if stale and made_by is not None and not rebuild and log:
        log("this release compares sources differently: comparing every story again")
    pending = touched | _uncompared(store)
    if not (rebuild or stale or pending):
        return timings
    clock = time.perf_counter()
    compare_stories(store, None if rebuild or stale else pending)
    _comparer_done(store)
    timings["compare"] = time.perf_counter() - clock
    if log:
        log("analysis: " + ", ".join(f"{k} {v:.1f} s" for k, v in timings.items()))
    return timings


def apply_judgements(store: Store, log: Log | None = None) -> int:
    """After a person's judgement: entities again, then the comparisons of the stories it touches.

    Why not a full rebuild: a judgement says who is who, not which articles report one event, so
    stories keep their articles and ids (links and notes made to them stay valid). Saving the
    entities drops the comparison of every story with a mention that changed entity, and the
    analysis compares just those again. `consilience stories --rebuild` regroups with them.
    Returns how many stories were compared again.
    """
    resolve(store)
    owed = len(_uncompared(store))
    if _comparer_version(store) != COMPARER_VERSION:  # the analysis compares every story then
        owed = store.conn.execute("SELECT COUNT(*) FROM stories").fetchone()[0]
    analyse(store, log=log)
    return owed

