"""The bundled demo: fictional articles written for Consilience, and the `demo` command."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from rich.console import Console
from rich.table import Table


def demo_articles_dir() -> Path:
    """The folder of demo articles inside the installed package."""
    return Path(str(resources.files("consilience").joinpath("demo/articles")))


def run_demo(db_path: str, out: Console, err: Console) -> None:
    """Ingest the demo corpus into db_path and print what the tool found."""
    from consilience import pipeline
    from consilience.present.views import article_row
    from consilience.store import Store

    store = Store.open(db_path)
    report = pipeline.ingest(store, [str(demo_articles_dir())])
    out.print(
        f"Demo database: {db_path}\n"
        f"Read {report.units} demo articles (fictional, written for Consilience): "
        f"{report.ingested} new, {report.duplicates} already stored, {len(report.skipped)} skipped.\n"
    )
    analyse = getattr(pipeline, "analyse", None)
    if analyse is not None:
        analyse(store, log=None)
    from consilience.present.views import story_of_articles

    stories = story_of_articles(store)
    table = Table(title="Articles", box=None, header_style="bold", title_justify="left")
    for name in ("id", "published", "outlet", "lang", "title"):
        table.add_column(name, overflow="fold" if name == "title" else "ellipsis", no_wrap=name != "title")
    for row in store.articles():
        view = article_row(row, stories.get(row["id"]))
        table.add_row(view["id"][:12], (view["published"] or "")[:16], view["outlet"] or "", view["language"] or "", view["title"] or "")
    out.print(table)
    show_stories(store, out)
    out.print(
        f"\nNext: consilience stories --db {db_path}  ·  consilience story ID --db {db_path}  ·  "
        f"consilience entity \"Stepan Gribov\" --db {db_path}  ·  consilience serve --db {db_path}",
        markup=False,
    )


def show_stories(store, out: Console) -> None:  # type: ignore[no-untyped-def]
    """The stories found, then the comparison of the richest one (most independent sources)."""
    from consilience.present.text import render_story
    from consilience.present.views import story_detail, story_rows

    rows = story_rows(store)
    table = Table(title="\nStories (one real-world event each)", box=None, header_style="bold", title_justify="left")
    for name in ("id", "articles", "indep.", "corr.", "single", "confl.", "title"):
        table.add_column(name, no_wrap=name != "title", overflow="fold")
    for row in rows:
        c = row["claims"]
        table.add_row(row["id"][:12], str(len(row["articles"])), str(row["independence_groups"]), str(c["corroborated"]),
                      str(c["single_source"]), str(c["conflicting"]), row["title"] or "")
    out.print(table)
    if not rows:
        return
    richest = max(rows, key=lambda r: (r["independence_groups"], len(r["articles"]), r["claims"]["corroborated"]))
    out.print("\nThe richest story, source by source:\n", markup=False)
    out.print(render_story(story_detail(store, richest["id"])), markup=False)
