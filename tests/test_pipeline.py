"""Pipeline properties: parallel extraction equals inline, analysis is idempotent."""

from __future__ import annotations

import json

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


def _grouping(store: Store) -> tuple[int, int, list]:
    ungrouped = store.conn.execute(
        "SELECT COUNT(*) FROM articles a LEFT JOIN story_articles s ON s.article_id = a.id WHERE s.article_id IS NULL"
    ).fetchone()[0]
    uncompared = store.conn.execute(
        "SELECT COUNT(*) FROM stories st LEFT JOIN comparisons c ON c.story_id = st.id WHERE c.story_id IS NULL"
    ).fetchone()[0]
    groups = store.conn.execute("SELECT article_id, story_id FROM story_articles ORDER BY 1").fetchall()
    return ungrouped, uncompared, [tuple(r) for r in groups]


def test_a_run_stopped_after_extraction_is_finished_by_the_next(tmp_path, monkeypatch) -> None:
    whole = Store.open(tmp_path / "whole.db")
    pipeline.ingest(whole, [str(demo_articles_dir())], sandbox=False)
    pipeline.analyse(whole)

    store = Store.open(tmp_path / "stopped.db")
    pipeline.ingest(store, [str(demo_articles_dir())], sandbox=False)

    def killed(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "group_into_stories", killed)
    try:
        pipeline.analyse(store)
    except KeyboardInterrupt:
        pass
    monkeypatch.undo()
    assert _grouping(store)[0] == 17, "the stop left every article without a story"
    pipeline.analyse(store)  # nothing new to extract, but the grouping is owed
    assert _grouping(store) == _grouping(whole)
    assert _grouping(store)[:2] == (0, 0)


def test_an_unreadable_story_index_state_is_rebuilt_not_fatal(tmp_path) -> None:
    store = Store.open(tmp_path / "a.db")
    pipeline.ingest(store, [str(demo_articles_dir())], sandbox=False)
    pipeline.analyse(store)
    before = _grouping(store)
    with store.write() as conn:  # a state this release cannot read, as a damaged store might hold
        conn.execute("UPDATE state SET data = ? WHERE name = 'story_index'", ('{"version": 2, "stories": [{}]}',))
        conn.execute("DELETE FROM story_articles WHERE rowid IN (SELECT rowid FROM story_articles LIMIT 3)")
    messages: list[str] = []
    pipeline.analyse(store, log=messages.append)
    assert any("unreadable" in m for m in messages)
    assert _grouping(store) == before



def test_articles_read_again_after_an_upgrade_get_their_stories_compared_again(tmp_path, monkeypatch) -> None:
    store = Store.open(tmp_path / "a.db")
    pipeline.ingest(store, [str(demo_articles_dir())], sandbox=False)
    pipeline.analyse(store)
    fresh = store.conn.execute("SELECT story_id, data FROM comparisons ORDER BY 1").fetchall()
    with store.write() as conn:  # what an older release compared, from its older claims
        conn.execute("UPDATE comparisons SET data = ?", ('{"claims": []}',))
    monkeypatch.setattr(pipeline, "EXTRACTOR_VERSION", pipeline.EXTRACTOR_VERSION + "-next")
    pipeline.analyse(store)  # every article is read again by the new extractor version
    again = store.conn.execute("SELECT story_id, data FROM comparisons ORDER BY 1").fetchall()
    assert [tuple(r) for r in again] == [tuple(r) for r in fresh]


def test_stories_whose_entities_change_are_compared_again(tmp_path) -> None:
    store = Store.open(tmp_path / "a.db")
    pipeline.ingest(store, [str(demo_articles_dir())], sandbox=False)
    pipeline.analyse(store)
    compared = store.conn.execute("SELECT story_id, data FROM comparisons ORDER BY 1").fetchall()
    pipeline.resolve(store)  # the same entities again: every comparison stands
    assert len(store.conn.execute("SELECT * FROM comparisons").fetchall()) == len(compared)

    # what the entities were before this run: one mention pointed nowhere, one entity named otherwise
    article, idx = store.conn.execute("SELECT article_id, idx FROM mentions WHERE entity_id IS NOT NULL LIMIT 1").fetchone()
    story = store.conn.execute("SELECT story_id FROM story_articles WHERE article_id = ?", (article,)).fetchone()[0]
    with store.write() as conn:
        conn.execute("UPDATE mentions SET entity_id = NULL WHERE article_id = ? AND idx = ?", (article, idx))
    pipeline.resolve(store)
    left = {r[0] for r in store.conn.execute("SELECT story_id FROM comparisons")}
    assert story not in left and len(left) == len(compared) - 1  # only the story that changed

    pipeline.analyse(store)  # nothing new to read; the dropped comparison is redone
    assert [tuple(r) for r in store.conn.execute("SELECT story_id, data FROM comparisons ORDER BY 1")] == [
        tuple(r) for r in compared
    ]


def test_new_comparison_rules_compare_every_story_again(tmp_path, monkeypatch) -> None:
    store = Store.open(tmp_path / "a.db")
    pipeline.ingest(store, [str(demo_articles_dir())], sandbox=False)
    pipeline.analyse(store)
    fresh = store.conn.execute("SELECT story_id, data FROM comparisons ORDER BY 1").fetchall()
    with store.write() as conn:  # what the rules of an older release made of the same claims
        conn.execute("UPDATE comparisons SET data = ?", ('{"claims": []}',))
    pipeline.analyse(store)  # the same rules: nothing to redo, the old results stand
    assert {r[0] for r in store.conn.execute("SELECT data FROM comparisons")} == {'{"claims": []}'}
    monkeypatch.setattr(pipeline, "COMPARER_VERSION", pipeline.COMPARER_VERSION + "-next")
    pipeline.analyse(store)
    again = store.conn.execute("SELECT story_id, data FROM comparisons ORDER BY 1").fetchall()
    assert [tuple(r) for r in again] == [tuple(r) for r in fresh]


def test_a_story_with_no_headline_is_labelled_by_its_first_sentence(tmp_path) -> None:
    """Plain-text archives carry no headlines; a story list of blank titles cannot be read."""
    folder = tmp_path / "in"
    folder.mkdir()
    body = (
        "Two freighters collided off the port of Halsk early on Tuesday, spilling diesel into the bay, "
        "harbour officials said. Crews from three towns worked through the night to contain it.\n"
    )
    (folder / "a.jsonl").write_text(json.dumps({"text": body}) + "\n", encoding="utf-8")
    store = Store.open(tmp_path / "a.db")
    pipeline.ingest(store, [str(folder)], sandbox=False)
    pipeline.analyse(store)
    (title,) = [r["title"] for r in store.conn.execute("SELECT title FROM stories")]
    assert title.startswith("Two freighters collided off the port of Halsk") and title.endswith("…")
    assert len(title) <= 81
    from consilience.extract.sentences import lead
    from consilience.present.views import story_detail

    (story_id,) = [r["id"] for r in store.conn.execute("SELECT id FROM stories")]
    (source,) = story_detail(store, story_id)["sources"]
    assert source["title"] is None and source["lead"] == title
    assert lead("") is None and lead(None) is None
