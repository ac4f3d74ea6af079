"""The bundled demo: fictional articles written for Consilience, and the `demo` command."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

from rich.console import Console


def demo_articles_dir() -> Path:
    """The folder of demo articles inside the installed package."""
    return Path(str(resources.files("consilience").joinpath("demo/articles")))


def demo_places_file() -> Path:
    """The invented world's places (see places.toml), given as a user gives their own."""
    return Path(str(resources.files("consilience").joinpath("demo/places.toml")))


@contextmanager
def _demo_places() -> Iterator[None]:
    """$CONSILIENCE_PLACES set to the demo's places for the analysis, and restored after."""
    from consilience.extract.mention_lexicon import PLACES_ENV

    before = os.environ.get(PLACES_ENV)
    os.environ[PLACES_ENV] = str(demo_places_file())
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(PLACES_ENV, None)
        else:
            os.environ[PLACES_ENV] = before


def run_demo(db_path: str, out: Console, err: Console) -> None:
    """Ingest the demo corpus into db_path and print what the tool found."""
    from consilience import pipeline
    from consilience.present.text import article_table
    from consilience.present.views import article_rows
    from consilience.store import Store

    store = Store.open(db_path)
    report = pipeline.ingest(store, [str(demo_articles_dir())])
    out.print(
        f"Demo database: {db_path}\n"
        f"Read {report.units} demo articles (fictional, written for Consilience): "
        f"{report.ingested} new, {report.duplicates} already stored, {len(report.skipped)} skipped.\n"
    )
    with _demo_places():
        pipeline.analyse(store, log=None)
    out.print(article_table(article_rows(store), title="Articles"))
    show_stories(store, out)
    out.print(
        f"\nNext: consilience stories --db {db_path}  ·  consilience story ID --db {db_path}  ·  "
        f"consilience entity \"Stepan Gribov\" --db {db_path}  ·  consilience serve --db {db_path}",
        markup=False,
    )


def show_stories(store, out: Console) -> None:  # type: ignore[no-untyped-def]
    """The stories found, then the comparison of the richest one (most independent sources)."""
    from consilience.present.text import render_story, story_table
    from consilience.present.views import story_detail, story_rows

    rows = story_rows(store)
    out.print(story_table(rows, title="\nStories (one real-world event each)"))
    if not rows:
        return
    richest = max(rows, key=lambda r: (r["independence_groups"], len(r["articles"]), r["claims"]["corroborated"]))
    out.print("\nThe richest story, source by source:\n", markup=False)
    out.print(render_story(story_detail(store, richest["id"])), markup=False)
