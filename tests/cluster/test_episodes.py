"""Episodes: a story's bursts of reporting, split where weeks pass without an article."""

from __future__ import annotations

from consilience.cluster import split_episodes


def test_weeks_without_an_article_start_a_new_episode() -> None:
    dated = [
        ("a", "2025-03-01T09:00:00"),
        ("b", "2025-03-02T10:00:00"),
        ("c", "2025-03-12T08:00:00+02:00"),  # ten days on: a follow-up, same episode
        ("d", "2025-06-20T08:00:00"),  # three months on: another release
    ]
    episodes = split_episodes(dated)
    assert [e.articles for e in episodes] == [("a", "b", "c"), ("d",)]
    assert episodes[0].first.startswith("2025-03-01") and episodes[0].last.startswith("2025-03-12")
    assert [e.index for e in episodes] == [0, 1]


def test_the_gap_is_between_consecutive_articles_not_from_the_first() -> None:
    dated = [(f"a{k}", f"2025-01-{1 + 10 * k:02d}") for k in range(4)]  # every ten days for a month
    assert len(split_episodes(dated)) == 1
    assert len(split_episodes(dated, gap_days=7)) == 4


def test_undated_and_unreadable_dates_join_the_largest_episode() -> None:
    dated = [("a", "2025-03-01"), ("b", "2025-06-01"), ("c", "2025-06-02"), ("x", None), ("y", "not a date")]
    episodes = split_episodes(dated)
    assert [e.articles for e in episodes] == [("a",), ("b", "c", "x", "y")]
    assert [e.articles for e in split_episodes([("x", None)])] == [("x",)]
    assert split_episodes([]) == []
