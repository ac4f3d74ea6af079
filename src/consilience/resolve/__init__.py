"""Cross-article entity resolution: blocking keys -> scored pairs -> judgements -> components."""

from consilience.resolve.entities import Entity
from consilience.resolve.xref import resolve_entities

__all__ = ["Entity", "resolve_entities"]
