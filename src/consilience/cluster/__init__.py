"""Copies (near-duplicate texts) and stories (articles about one real-world event)."""

from consilience.cluster.copies import CopyIndex, CopyMatch, find_copy_groups
from consilience.cluster.doc import StoryDoc
from consilience.cluster.stories import Assignment, Evidence, StoryConfig, StoryIndex, group_stories

__all__ = [
    "Assignment",
    "CopyIndex",
    "CopyMatch",
    "Evidence",
    "StoryConfig",
    "StoryDoc",
    "StoryIndex",
    "find_copy_groups",
    "group_stories",
]
