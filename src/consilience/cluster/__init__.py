"""Copies (near-duplicate texts) and stories (articles about one real-world event)."""

from consilience.cluster.copies import CopyIndex, CopyMatch, find_copy_groups
from consilience.cluster.doc import StoryDoc
from consilience.cluster.episodes import EPISODE_GAP_DAYS, Episode, split_episodes
from consilience.cluster.stories import Assignment, Evidence, StoryConfig, StoryIndex, group_stories

__all__ = [
    "Assignment",
    "CopyIndex",
    "CopyMatch",
    "EPISODE_GAP_DAYS",
    "Episode",
    "Evidence",
    "StoryConfig",
    "StoryDoc",
    "StoryIndex",
    "find_copy_groups",
    "split_episodes",
    "group_stories",
]
