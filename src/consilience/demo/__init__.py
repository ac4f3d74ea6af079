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
    show = getattr(pipeline, "demo_summary", None)
    if show is not None:
        show(store, out)
    out.print(
        "\nNext: `consilience articles --db " + db_path + "`, `consilience article ID --db " + db_path + "`"
    )
