"""Terminal views: a long story says it may hold several events; spans read from timestamps."""

from __future__ import annotations

from consilience.present.text import render_story, span_days, story_table


def _view(first: str, last: str) -> dict:
    return {"id": "s1", "title": "Release", "first_seen": first, "last_seen": last, "sources": [],
            "claims": [], "discrepancies": [], "entities": []}  # fmt: skip


def test_span_days_reads_mixed_timestamps_and_refuses_missing_ones() -> None:
    assert span_days("2026-03-14T11:40+01:00", "2026-03-16T09:00") == 1
    assert span_days("2025-01-01", "2025-12-31") == 364
    assert span_days(None, "2025-12-31") is None and span_days("soon", "2025-12-31") is None


def test_a_story_spanning_months_carries_a_note_and_a_short_one_does_not() -> None:
    assert "may hold several events" in render_story(_view("2025-01-01T10:00", "2025-06-01T10:00"))
    assert "may hold several events" not in render_story(_view("2025-01-01T10:00", "2025-01-03T10:00"))


def test_the_stories_table_marks_long_spans() -> None:
    from rich.console import Console

    rows = [{"id": "s1", "articles": ["a"], "independence_groups": 1, "first_seen": "2025-01-01",
             "last_seen": "2025-04-11", "outlets": ["X"], "title": "T",
             "claims": {"corroborated": 0, "single_source": 1, "conflicting": 0}}]  # fmt: skip
    console = Console(record=True, width=200)
    console.print(story_table(rows))
    assert "100!" in console.export_text()


def test_a_story_of_several_episodes_lists_them_and_tags_each_claim() -> None:
    view = _view("2025-03-01T09:00", "2025-06-10T09:00")
    view["episodes"] = [
        {"index": 0, "first": "2025-03-01T09:00:00", "last": "2025-03-02T09:00:00", "articles": ["a", "b"]},
        {"index": 1, "first": "2025-06-10T09:00:00", "last": "2025-06-10T09:00:00", "articles": ["c"]},
    ]
    view["claims"] = [{"kind": "quantity", "statement": "12 people died", "status": "single_source", "episode": 1}]
    text = render_story(view)
    assert "Episodes (2)" in text
    assert "[ep 1] 2025-03-01 .. 2025-03-02: 2 articles" in text and "[ep 2] 2025-06-10: 1 article" in text
    assert "[single source, quantity, ep 2] 12 people died" in text
    # one episode: no section, no tag
    view["episodes"] = []
    assert "Episodes" not in render_story(view) and "ep 2" not in render_story(view)


def test_a_clipped_quote_ends_between_words() -> None:
    from consilience.present.text import clip

    quote = "killing at least 84 people and leaving around 202 injured in the city"
    assert clip(quote, 48) == "killing at least 84 people and leaving around…"
    assert "around 20…" not in clip(quote, 49) and clip(quote, 200) == quote


def test_an_entitys_articles_are_listed_by_id_even_with_no_title_or_outlet() -> None:
    from consilience.present.text import render_entity

    view = {"id": "e" * 20, "name": "Halsk", "type": "place", "mentions": 1, "variants": {},
            "timeline": [], "stories": [],
            "articles": [{"id": "a1b2c3d4e5f6a7b8", "published": None, "outlet": None, "title": None}]}  # fmt: skip
    assert "a1b2c3d4e5f6" in render_entity(view).split("Articles")[1]
