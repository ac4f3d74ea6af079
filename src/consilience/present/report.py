"""The static report: the web UI's pages as files that open from disk (relative links, CSS inline, meta CSP)."""

from __future__ import annotations

from pathlib import Path

from consilience.present import html as pages
from consilience.present import views
from consilience.store import Store

MAX_PAGES_PER_KIND = 20_000  # a report is for reading, not an export: beyond this, the list says how many were left out


def write_report(store: Store, out_dir: str | Path) -> Path:
    """Write index.html, stories/, entities/, articles/ and lists into OUT_DIR; return the index path."""
    out = Path(out_dir)
    for folder in ("stories", "entities", "articles"):
        (out / folder).mkdir(parents=True, exist_ok=True)
    top, deep = pages.Links("static", depth=0), pages.Links("static", depth=1)

    story_ids, total = views.search_story_ids(store, limit=views.MAX_ROWS)
    all_ids = list(story_ids)
    while len(all_ids) < min(total, MAX_PAGES_PER_KIND):
        more, _ = views.search_story_ids(store, limit=views.MAX_ROWS, offset=len(all_ids))
        if not more:
            break
        all_ids += more
    rows = views.story_rows_for(store, all_ids[: views.MAX_ROWS])
    for start in range(views.MAX_ROWS, len(all_ids), views.MAX_ROWS):
        rows += views.story_rows_for(store, all_ids[start : start + views.MAX_ROWS])
    _write(out / "index.html", pages.render_stories_page(rows, top, static=True, total=total))
    for story_id in all_ids:
        view = views.story_detail(store, story_id)
        _write(out / "stories" / f"{pages.file_name(story_id)}.html", pages.render_story_page(view, static=True, links=deep))

    entity_rows: list[dict] = []
    while len(entity_rows) < MAX_PAGES_PER_KIND:
        page, entity_total = views.entity_rows_page(store, limit=views.MAX_ROWS, offset=len(entity_rows))
        if not page:
            break
        entity_rows += page
    _write(out / "entities.html", pages.render_list_page("entities", entity_rows, top, static=True, total=len(entity_rows)))
    for row in entity_rows:
        view = views.entity_detail(store, views.find_entity_quick(store, row["id"]))
        _write(out / "entities" / f"{pages.file_name(row['id'])}.html", pages.render_entity_page(view, deep, static=True))

    article_rows: list[dict] = []
    while len(article_rows) < MAX_PAGES_PER_KIND:
        page, _ = views.article_rows_page(store, limit=views.MAX_ROWS, offset=len(article_rows))
        if not page:
            break
        article_rows += page
    _write(out / "articles.html", pages.render_list_page("articles", article_rows, top, static=True, total=len(article_rows)))
    for row in article_rows:
        view = views.article_detail(store, store.find_article(row["id"]))
        _write(out / "articles" / f"{pages.file_name(row['id'])}.html", pages.render_article_page(view, deep, static=True))

    skipped = views.skipped_rows(store)
    _write(out / "skipped.html", pages.render_list_page("skipped", skipped, top, static=True, total=len(skipped)))
    return out / "index.html"


def _write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")

