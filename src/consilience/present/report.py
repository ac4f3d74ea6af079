"""The static report: the web UI's pages as files that open from disk (relative links, CSS inline, meta CSP)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from consilience.present import html as pages
from consilience.present import views
from consilience.store import Store

MAX_PAGES_PER_KIND = 20_000  # a report is for reading, not an export: beyond this, the list says how many were left out


def _all_pages(fetch: Callable[[int], list[Any]]) -> list[Any]:
    """Every row of a paged view, up to MAX_PAGES_PER_KIND, fetching page by page from an offset."""
    rows: list[Any] = []
    while len(rows) < MAX_PAGES_PER_KIND:
        page = fetch(len(rows))
        if not page:
            break
        rows += page
    return rows[:MAX_PAGES_PER_KIND]


def write_report(store: Store, out_dir: str | Path) -> Path:
    """Write index.html, stories/, entities/, articles/ and lists into OUT_DIR; return the index path."""
    out = Path(out_dir)
    for folder in ("stories", "entities", "articles"):
        (out / folder).mkdir(parents=True, exist_ok=True)
    top, deep = pages.Links("static", depth=0), pages.Links("static", depth=1)

    total = views.search_story_ids(store, limit=1)[1]
    all_ids = _all_pages(lambda offset: views.search_story_ids(store, limit=views.MAX_ROWS, offset=offset)[0])
    rows = views.story_rows_for(store, all_ids)
    _write(out / "index.html", pages.render_stories_page(rows, top, static=True, total=total))
    for story_id in all_ids:
        view = views.story_detail(store, story_id)
        _write(out / "stories" / f"{pages.file_name(story_id)}.html", pages.render_story_page(view, static=True, links=deep))

    entity_rows = _all_pages(lambda offset: views.entity_rows_page(store, limit=views.MAX_ROWS, offset=offset)[0])
    _write(out / "entities.html", pages.render_list_page("entities", entity_rows, top, static=True, total=len(entity_rows)))
    for row in entity_rows:
        view = views.entity_detail(store, views.find_entity(store, row["id"], fuzzy=False))
        _write(out / "entities" / f"{pages.file_name(row['id'])}.html", pages.render_entity_page(view, deep, static=True))

    article_rows = _all_pages(lambda offset: views.article_rows_page(store, limit=views.MAX_ROWS, offset=offset)[0])
    _write(out / "articles.html", pages.render_list_page("articles", article_rows, top, static=True, total=len(article_rows)))
    for row in article_rows:
        view = views.article_detail(store, store.find_article(row["id"]))
        _write(out / "articles" / f"{pages.file_name(row['id'])}.html", pages.render_article_page(view, deep, static=True))

    skipped = views.skipped_rows(store)
    _write(out / "skipped.html", pages.render_list_page("skipped", skipped, top, static=True, total=len(skipped)))
    return out / "index.html"


def _write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")

