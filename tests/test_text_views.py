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
