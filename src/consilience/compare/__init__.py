"""Comparison stage: independence groups, claim alignment, status, typed differences, naming discrepancies."""

from consilience.compare.independence import independence_groups
from consilience.compare.story import compare_story
from consilience.compare.types import (
    ComparedClaim,
    Difference,
    Discrepancy,
    Independence,
    SourceArticle,
    StoryComparison,
    StoryEntity,
)

__all__ = [
    "ComparedClaim",
    "Difference",
    "Discrepancy",
    "Independence",
    "SourceArticle",
    "StoryComparison",
    "StoryEntity",
    "compare_story",
    "independence_groups",
]
