"""Command-line interface: each command parses, calls the library, renders; errors -> exit codes."""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.table import Table

from consilience import __version__
from consilience.errors import ConsilienceError, UserInputError
from consilience.settings import resolve_db

app = typer.Typer(
    name="consilience",
    help="Read many outlets' accounts of news events; group them into stories, resolve names, "
    "extract claims and compare what each source says.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
# Piped output gets a wide fixed width so tables do not wrap at 80 columns.
out = Console(highlight=False, soft_wrap=False, width=None if sys.stdout.isatty() else 200)
err = Console(stderr=True, highlight=False)

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="SQLite database (default: $CONSILIENCE_DB, else ./consilience.db)."),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def _version(value: bool) -> None:
    if value:
        print(f"consilience {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Consilience: what a news event really is, when every outlet tells it a little differently."""


def _open(db: str | None, readonly: bool = True):  # type: ignore[no-untyped-def]
    from consilience.store import Store

    return Store.open(resolve_db(db), readonly=readonly)


def _emit_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False) + "\n")


def _progress_bar(enabled: bool):  # type: ignore[no-untyped-def]
    """A progress callback drawing on stderr when it is a terminal; None otherwise."""
    if not enabled or not sys.stderr.isatty():
        return None, None
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    bar = Progress(
        TextColumn("reading inputs"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=err, transient=True
    )
    task = bar.add_task("ingest", total=None)

    def update(done: int, total: int) -> None:
        bar.update(task, completed=done, total=total)

    return bar, update


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, directories (walked recursively), .gz files, or - for stdin.")],
    db: DbOption = None,
    fmt: Annotated[
        str, typer.Option("--format", help="auto|text|html|jsonl|rss|warc (auto: detected from the content).")
    ] = "auto",
    outlet: Annotated[str | None, typer.Option(help="Outlet name for every article read.")] = None,
    lang: Annotated[str | None, typer.Option(help="Language code for every article read (e.g. en, ru).")] = None,
    as_json: JsonOption = False,
    workers: Annotated[int | None, typer.Option(help="Parser worker processes (default: up to 2).")] = None,
    analyse: Annotated[bool, typer.Option(help="Update names, stories and claims after reading.")] = True,
    ner: Annotated[
        str, typer.Option(help="Mention detector: 'rules' (built in) or 'spacy:PIPELINE' (an installed spaCy pipeline).")
    ] = "rules",
) -> None:
    """Read articles into the store; bad inputs are skipped with a reason, the rest lands."""
    from consilience.ingest.sniff import FORMATS
    from consilience.pipeline import ingest as run_ingest

    if fmt not in ("auto", *FORMATS):
        raise UserInputError(f"unknown format {fmt!r}", f"use one of auto, {', '.join(FORMATS)}")
    if analyse:
        from consilience.extract.mention_lexicon import user_places
        from consilience.extract.mentions import get_detector

        get_detector(ner)  # a bad --ner fails now, before any input is read
        user_places()  # and so does a bad $CONSILIENCE_PLACES file
    stdin = sys.stdin.buffer.read() if "-" in paths else None
    store = _open(db, readonly=False)
    bar, update = _progress_bar(not as_json)
    try:
        if bar:
            bar.start()
        report = run_ingest(store, paths, fmt=fmt, outlet=outlet, language=lang, stdin=stdin, workers=workers, progress=update)
    finally:
        if bar:
            bar.stop()
    if analyse and report.articles:
        _analyse(store, quiet=as_json, ner=ner)
    if as_json:
        _emit_json(report.to_json())
    else:
        out.print(
            f"ingested {report.ingested}, duplicates {report.duplicates}, skipped {len(report.skipped)} "
            f"({report.inputs} input(s), {report.seconds:.1f} s)"
        )
        for skip in report.skipped[:20]:
            out.print(f"  skipped {skip.input}: {skip.describe()}", markup=False)
        if len(report.skipped) > 20:
            out.print(f"  ... and {len(report.skipped) - 20} more: see `consilience skipped`")
    if report.ingested + report.duplicates == 0 and report.skipped and len(report.skipped) == report.inputs:
        raise UserInputError("nothing could be read from the inputs", "see the reasons above")


def _analyse(store, quiet: bool, ner: str = "rules") -> None:  # type: ignore[no-untyped-def]
    """Update derived tables (names, stories, claims) after an ingest."""
    from consilience.pipeline import analyse

    analyse(store, log=None if quiet else (lambda msg: err.print(msg, markup=False)), ner=ner)


@app.command()
def articles(db: DbOption = None, as_json: JsonOption = False) -> None:
    """List the stored articles, oldest first."""
    from consilience.present.text import article_table
    from consilience.present.views import article_rows

    rows = article_rows(_open(db))
    if as_json:
        for row in rows:
            _emit_json(row)
        return
    out.print(article_table(rows))
    out.print(f"{len(rows)} article(s)")


@app.command()
def article(key: Annotated[str, typer.Argument(help="Article id, id prefix or ref.")], db: DbOption = None, as_json: JsonOption = False) -> None:
    """Show one article: metadata, text, and what was found in it."""
    from consilience.present.views import article_detail

    store = _open(db)
    view = article_detail(store, store.find_article(key))
    if as_json:
        _emit_json(view)
        return
    from consilience.present.text import render_article

    out.print(render_article(view), markup=False)


@app.command()
def skipped(db: DbOption = None, as_json: JsonOption = False) -> None:
    """List the inputs that were skipped, with their reasons."""
    from consilience.present.views import skipped_rows

    rows = skipped_rows(_open(db))
    if as_json:
        for row in rows:
            _emit_json(row)
        return
    table = Table(box=None, header_style="bold")
    table.add_column("reason", no_wrap=True)
    table.add_column("input", overflow="fold")
    table.add_column("detail", overflow="fold")
    for row in rows:
        table.add_row(row["reason"], row["input"], row["detail"])
    out.print(table)
    out.print(f"{len(rows)} skipped input(s)")


@app.command()
def names(
    a: Annotated[str | None, typer.Argument(help="First name.")] = None,
    b: Annotated[str | None, typer.Argument(help="Second name.")] = None,
    pairs: Annotated[str | None, typer.Option(help="File of A<TAB>B lines (or - for stdin).")] = None,
    kind: Annotated[str | None, typer.Option(help="person|place|org (default: guessed).")] = None,
    as_json: JsonOption = False,
) -> None:
    """Do two names denote the same person, place or organisation? Says why."""
    from consilience.names import compare_names

    if kind not in (None, "person", "place", "org"):
        raise UserInputError(f"unknown kind {kind!r}", "use person, place or org")
    if pairs is None:
        if not a or not b:
            raise UserInputError("give two names, or --pairs FILE", "e.g. consilience names \"Maria Kalesnikava\" \"Мария Колесникова\"")
        match = compare_names(a, b, kind)
        result = {"same": match.same, "score": round(match.score, 4), "why": match.why}
        if as_json:
            _emit_json(result)
        else:
            verdict = "same" if match.same else "different"
            out.print(f"{verdict} (score {match.score:.2f}): {match.why}", markup=False)
        return
    lines = sys.stdin.read().splitlines() if pairs == "-" else _read_lines(pairs)
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        parts = line.split("\t")
        if len(parts) < 2:
            raise UserInputError(f"line {number} of {pairs} has no tab", "write each pair as A<TAB>B")
        match = compare_names(parts[0], parts[1], kind)
        result = {"a": parts[0], "b": parts[1], "same": match.same, "score": round(match.score, 4), "why": match.why}
        if as_json:
            _emit_json(result)
        else:
            out.print(f"{'same' if match.same else 'different'}\t{match.score:.2f}\t{parts[0]}\t{parts[1]}\t{match.why}", markup=False)


def _read_lines(path: str) -> list[str]:
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read().splitlines()
    except OSError as exc:
        raise UserInputError(f"cannot read {path}: {exc.strerror}", "check the path") from None


@app.command()
def demo(db: DbOption = None) -> None:
    """Build a database from the bundled (fictional) demo articles and show what was found."""
    from consilience.demo import run_demo

    run_demo(resolve_db(db), out, err)


@app.command()
def stories(
    db: DbOption = None,
    as_json: JsonOption = False,
    rebuild: Annotated[bool, typer.Option("--rebuild", help="Regroup every article from scratch.")] = False,
) -> None:
    """List the stories (one real-world event each), largest first."""
    from consilience.present.views import story_rows

    store = _open(db, readonly=not rebuild)
    if rebuild:
        from consilience.pipeline import analyse

        analyse(store, rebuild=True, log=None if as_json else (lambda m: err.print(m, markup=False)))
    rows = story_rows(store)
    if as_json:
        for row in rows:
            _emit_json(row)
        return
    from consilience.present.text import story_table

    out.print(story_table(rows))
    out.print(f"{len(rows)} story(ies)")


@app.command()
def story(
    key: Annotated[str, typer.Argument(help="Story id or id prefix (or an article id/ref in the story).")],
    db: DbOption = None,
    fmt: Annotated[str, typer.Option("--format", help="text|md|json|html")] = "text",
) -> None:
    """Compare the sources of one story: independence, claims by status, naming discrepancies."""
    from consilience.present.views import find_story_id, story_detail

    if fmt not in ("text", "md", "json", "html"):
        raise UserInputError(f"unknown format {fmt!r}", "use text, md, json or html")
    store = _open(db)
    view = story_detail(store, find_story_id(store, key))
    if fmt == "json":
        _emit_json(view)
    elif fmt == "html":
        from consilience.present.html import render_story_page

        sys.stdout.write(render_story_page(view, static=True))
    else:
        from consilience.present.text import render_story

        out.print(render_story(view, markdown=fmt == "md"), markup=False)


@app.command()
def entities(db: DbOption = None, as_json: JsonOption = False) -> None:
    """List the people, places and organisations named, most mentioned first."""
    from consilience.normalise.text import clip
    from consilience.present.views import entity_rows

    rows = entity_rows(_open(db))
    if as_json:
        for row in rows:
            _emit_json(row)
        return
    table = Table(box=None, header_style="bold")
    for name in ("id", "type", "mentions", "articles", "name", "variants"):
        table.add_column(name, no_wrap=name not in ("variants",), overflow="fold")
    for row in rows:
        others = [v for v in row["variants"] if v != row["name"]]
        table.add_row(row["id"][:12], row["type"], str(row["mentions"]), str(len(row["articles"])), row["name"], clip(", ".join(others), 100))
    out.print(table)
    out.print(f"{len(rows)} entit(ies)")


@app.command()
def entity(
    key: Annotated[str, typer.Argument(help="Entity id, name or any spelling of it.")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """One entity: its spellings and who uses them, its stories, and a timeline of events."""
    from consilience.present.views import entity_detail, find_entity

    store = _open(db)
    view = entity_detail(store, find_entity(store, key))
    if as_json:
        _emit_json(view)
        return
    from consilience.present.text import render_entity

    out.print(render_entity(view), markup=False)


@app.command()
def judge(
    a: Annotated[str, typer.Argument(help="A name or entity id.")],
    b: Annotated[str, typer.Argument(help="Another name or entity id.")],
    same: Annotated[bool, typer.Option("--same", help="They are one entity.")] = False,
    different: Annotated[bool, typer.Option("--different", help="They are different entities.")] = False,
    db: DbOption = None,
) -> None:
    """Record a person's judgement that two names are (or are not) one entity; every rebuild keeps it."""
    if same == different:
        raise UserInputError("say either --same or --different", "e.g. consilience judge \"A\" \"B\" --different")
    from consilience.pipeline import apply_judgements
    from consilience.store.analysis import add_judgement

    store = _open(db)
    add_judgement(store, a, b, same)
    compared = apply_judgements(store)
    verdict = "one entity" if same else "different entities"
    out.print(
        f"recorded: {a!r} and {b!r} are {verdict}; entities rebuilt, {compared} "
        f"{'story' if compared == 1 else 'stories'} compared again "
        "(`consilience stories --rebuild` also regroups the stories with them)",
        markup=False,
    )
    from consilience.present.views import judgement_outcome

    note = judgement_outcome(store, a, b, same)
    if note:
        err.print(f"note: {note}", markup=False, soft_wrap=True)


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to bind; 127.0.0.1 keeps it on this machine.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    token_file: Annotated[
        str | None, typer.Option("--token-file", help="File holding a write token; without it the server is read-only.")
    ] = None,
) -> None:
    """Web UI and JSON API over the store (read-only unless a write token is given)."""
    from consilience.web.app import run_server

    run_server(resolve_db(db), host=host, port=port, token_file=token_file, log=lambda m: err.print(m, markup=False))


@app.command()
def report(
    out_dir: Annotated[str, typer.Option("--out", help="Folder to write the static site into.")],
    db: DbOption = None,
) -> None:
    """Write the stories, entity and article pages as a static site that opens from disk."""
    from consilience.present.report import write_report

    store = _open(db)
    index = write_report(store, out_dir)
    out.print(f"report written: {index}", markup=False)


def _fail(message: str, code: int = 1) -> NoReturn:
    err.print(f"consilience: error: {message}", markup=False)
    raise SystemExit(code)


def main() -> None:
    """Entry point: never a traceback for a user error."""
    try:
        app(standalone_mode=True)
    except ConsilienceError as exc:
        _fail(str(exc))
    except KeyboardInterrupt:
        _fail("interrupted", 130)
    except BrokenPipeError:
        sys.stderr.close()
        raise SystemExit(0) from None
