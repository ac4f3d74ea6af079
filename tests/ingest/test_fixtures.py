"""The real feeds and WARC files in ../shared/datasets/fixtures, through the sandboxed ingest."""

from __future__ import annotations

import pytest

from consilience import pipeline
from consilience.store import Store
from tests.shared import DATASETS

FIXTURES = DATASETS / "fixtures"


@pytest.fixture(scope="module")
def fixtures_store(tmp_path_factory):
    store = Store.open(tmp_path_factory.mktemp("fx") / "fx.db")
    report = pipeline.ingest(store, [str(FIXTURES / "feeds"), str(FIXTURES / "warc")])
    return store, report


def _articles_from(store: Store, name: str) -> list:
    return store.conn.execute("SELECT * FROM articles WHERE source LIKE ?", (f"%{name}%",)).fetchall()


def test_every_file_that_holds_articles_yields_some(fixtures_store) -> None:
    store, _ = fixtures_store
    for name in (
        "guardian-us-2018-01-31.rss",
        "heise-developer-2016-02-01.atom",
        "qq-news-domestic-2018-09-18.gb2312.rss",
        "uol-noticias-2018-09-24.latin1-undeclared.rss",
        "resiliparse-clipped.warc.gz",
        "resiliparse-warcfile.warc.gz",
        "ukwa-IAH-20080430204825-00000-blackbook-truncated.warc.gz",
    ):
        assert _articles_from(store, name), name


def test_undeclared_latin1_and_gb2312_feeds_decode_correctly(fixtures_store) -> None:
    store, _ = fixtures_store
    latin = " ".join(r["title"] + " " + r["text"] for r in _articles_from(store, "uol-noticias"))
    assert "ç" in latin or "ã" in latin
    assert "Ã" not in latin and "\ufffd" not in latin  # no UTF-8-as-Latin-1 mojibake, no replacement chars
    chinese = " ".join(r["title"] + r["text"] for r in _articles_from(store, "qq-news"))
    assert "新闻" in chinese or "中国" in chinese
    assert "\ufffd" not in chinese
    assert {r["language"] for r in _articles_from(store, "qq-news")} == {"zh"}
    assert {r["language"] for r in _articles_from(store, "heise")} == {"de"}


def test_every_skip_has_a_reason_and_the_counts_add_up(fixtures_store) -> None:
    store, report = fixtures_store
    assert report.skipped, "the fixtures hold non-article records that must be reported"
    for skip in report.skipped:
        assert skip.reason.value and skip.describe()
    stored = store.conn.execute("SELECT COUNT(*) FROM article_sources").fetchone()[0]
    assert report.ingested + report.duplicates == stored
    assert report.ingested == store.article_count()


def test_clipped_warc_record_is_kept_and_flagged(fixtures_store) -> None:
    store, _ = fixtures_store
    (row,) = _articles_from(store, "resiliparse-clipped")
    assert "truncated" in row["flags"]
    assert row["url"].startswith("http://www.houstonpress.com/")
