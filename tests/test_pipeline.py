"""Pipeline properties: parallel extraction equals inline, analysis is idempotent."""

from __future__ import annotations

from consilience import pipeline
from consilience.demo import demo_articles_dir
from consilience.store import Store


def _dump(store: Store) -> tuple[list, list]:
    mentions = store.conn.execute('SELECT article_id, idx, start, "end", text, type FROM mentions ORDER BY 1, 2').fetchall()
    claims = store.conn.execute("SELECT article_id, idx, kind, data FROM claims ORDER BY 1, 2").fetchall()
    return [tuple(r) for r in mentions], [tuple(r) for r in claims]


def test_parallel_extraction_equals_inline(tmp_path, monkeypatch) -> None:
    inline = Store.open(tmp_path / "inline.db")
    pipeline.ingest(inline, [str(demo_articles_dir())], sandbox=False)
    pipeline.extract_articles(inline)
    monkeypatch.setattr(pipeline, "PARALLEL_FROM", 2)
    monkeypatch.setattr(pipeline, "CHUNK", 4)
    parallel = Store.open(tmp_path / "parallel.db")
    pipeline.ingest(parallel, [str(demo_articles_dir())], sandbox=False)
    pipeline.extract_articles(parallel, workers=2)
    assert _dump(parallel) == _dump(inline)
    assert _dump(inline)[1], "the demo articles hold claims"


def test_analysis_twice_changes_nothing(tmp_path) -> None:
    store = Store.open(tmp_path / "a.db")
    pipeline.ingest(store, [str(demo_articles_dir())], sandbox=False)
    pipeline.analyse(store)
    tables = ("entities", "stories", "story_articles", "comparisons")
    before = {t: store.conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in tables}
    pipeline.analyse(store)
    again = pipeline.ingest(store, [str(demo_articles_dir())], sandbox=False)
    pipeline.analyse(store)
    assert again.ingested == 0 and again.duplicates == 17
    after = {t: store.conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in tables}
    assert {t: [tuple(r) for r in rows] for t, rows in after.items()} == {t: [tuple(r) for r in rows] for t, rows in before.items()}
