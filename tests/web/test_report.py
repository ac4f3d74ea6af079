"""The static report and `story --format html`: standalone files with relative links and a meta CSP."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from consilience.present.html import render_story_page, static_csp, style_hash, stylesheet
from consilience.present.report import write_report
from consilience.present.views import find_story_id, story_detail
from consilience.store import Store
from tests.web.test_pages import hrefs


def test_report_pages_link_to_files_that_exist(web_db, tmp_path):
    with Store.open(web_db, readonly=True) as store:
        index = write_report(store, tmp_path / "site")
    assert index == tmp_path / "site" / "index.html"
    pages = sorted(index.parent.rglob("*.html"))
    assert {p.parent.name for p in pages} >= {"site", "stories", "entities", "articles"}
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert 'http-equiv="Content-Security-Policy"' in text and "<script" not in text
        for href in hrefs(text):
            if urlsplit(href).scheme in ("http", "https"):
                continue
            assert not href.startswith("/"), (page, href)  # relative only: opens from disk
            assert (page.parent / href).resolve().is_file(), (page, href)


def test_standalone_story_page_inlines_css_pinned_by_hash(web_db):
    with Store.open(web_db, readonly=True) as store:
        view = story_detail(store, find_story_id(store, "web-001"))
    page = render_story_page(view, static=True)
    assert page.startswith("<!doctype html>") and "</html>" in page
    assert f"<style>{stylesheet()}</style>" in page
    assert style_hash(stylesheet()) in static_csp()
    assert "<a href=\"/" not in page and page.count("<svg") == 2


def test_cli_story_html_and_report(cli_db_copy: Path, tmp_path):
    from tests.conftest import run_cli

    result = run_cli("story", "web-001", "--format", "html", db=cli_db_copy)
    assert result.returncode == 0, result.stderr
    assert b"Content-Security-Policy" in result.stdout and b"Ostrel" in result.stdout
    result = run_cli("report", "--out", str(tmp_path / "r"), db=cli_db_copy)
    assert result.returncode == 0 and (tmp_path / "r" / "index.html").is_file()
