"""Settings resolved once at the edge: CLI flag > environment > default."""

from __future__ import annotations

import os

DEFAULT_DB = "consilience.db"
DB_ENV = "CONSILIENCE_DB"


def resolve_db(flag: str | None) -> str:
    """The database path: --db, else $CONSILIENCE_DB, else ./consilience.db."""
    return flag or os.environ.get(DB_ENV) or DEFAULT_DB
