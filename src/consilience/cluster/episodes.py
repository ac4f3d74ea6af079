"""Episodes: the bursts of reporting inside one story, split where weeks pass without an article.

Why a second level under stories: a story groups what one topic's reports share (the same
actors, places, words), and on real archives a topic recurs: North Korea fires a missile over
Japan in August and again in September; a regime releases prisoners in March and again in June.
The benchmarks' gold events are often such topics (bench/stories.md, the gap ceiling), and a
story that holds them serves a reader looking for the topic. But a figure from the August launch
is no rival of one from the September launch: claims are compared only inside one episode.

An episode is a run of the story's dated articles in which no two consecutive ones lie more than
`gap_days` apart. Articles without a date join the largest episode (the story's main event),
first in order, so the split is deterministic.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from consilience.cluster.doc import naive_utc

# Two weeks: the rule is that "another release weeks later" is another event, while a
# follow-up inside a fortnight (an inquest, a revised toll) still belongs to its event. On the
# synthetic stream of bench/stories.py (one seed = one event) a 14-day split lifts B-cubed
# precision against the seeds from 0.47 (stories) to 0.87 at 10k articles, recall staying 1.00;
# shorter gaps score higher there only because that stream retells each seed within three days.
EPISODE_GAP_DAYS = 14.0


@dataclass(frozen=True, slots=True)
class Episode:
    """One burst of reporting: its position in the story, first and last date, and articles."""

    index: int
    first: str | None
    last: str | None
    articles: tuple[str, ...]

    def to_json(self) -> dict[str, object]:
        return {"index": self.index, "first": self.first, "last": self.last, "articles": list(self.articles)}


def _when(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return naive_utc(datetime.fromisoformat(value.replace("Z", "+00:00")))
    except ValueError:
        return None


def split_episodes(dated: Sequence[tuple[str, str | None]], gap_days: float = EPISODE_GAP_DAYS) -> list[Episode]:
    """Episodes of a story from (article id, ISO publication date or None) pairs, oldest first."""
    timed = sorted(
        ((when, article) for article, value in dated if (when := _when(value)) is not None),
        key=lambda pair: (pair[0], pair[1]),
    )
    undated = [article for article, value in dated if _when(value) is None]
    runs: list[list[tuple[datetime, str]]] = []
    for when, article in timed:
        if runs and (when - runs[-1][-1][0]).total_seconds() <= gap_days * 86400:
            runs[-1].append((when, article))
        else:
            runs.append([(when, article)])
    if not runs:
        return [Episode(0, None, None, tuple(sorted(undated)))] if undated else []
    main = max(range(len(runs)), key=lambda k: (len(runs[k]), -k))
    episodes = []
    for k, run in enumerate(runs):
        articles = [a for _, a in run] + (sorted(undated) if k == main else [])
        episodes.append(Episode(k, run[0][0].isoformat(), run[-1][0].isoformat(), tuple(articles)))
    return episodes
