"""Persistence: the SQLite store."""

from consilience.store.sqlite import Store

__all__ = ["Store"]
