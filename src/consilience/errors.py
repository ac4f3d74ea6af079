"""Errors and skip reasons.

ConsilienceError           root; carries a hint telling the user what to do next
  UserInputError           bad argument, missing path, unknown id (exit 1)
  StoreError               the database cannot be opened or written

A bad input is not an exception: it becomes a `Skipped(input, reason)` value so the batch goes on.
"""

from __future__ import annotations

from enum import Enum


class ConsilienceError(Exception):
    """Root error; `hint` says what the user can do about it."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.hint = hint

    def __str__(self) -> str:
        base = super().__str__()
        return f"{base} ({self.hint})" if self.hint else base


class UserInputError(ConsilienceError):
    """The user asked for something that cannot be done as asked."""


class StoreError(ConsilienceError):
    """The database is unusable."""


class SkipReason(str, Enum):
    """Why an input unit was not stored. The value is the stable code kept in the store."""

    EMPTY = "empty"
    BINARY = "binary"
    UNDECODABLE = "undecodable"
    TOO_LARGE = "too_large"
    TRUNCATED = "truncated"
    MALFORMED = "malformed"
    HOSTILE = "hostile"
    NO_TEXT = "no_text"
    NOT_ARTICLE = "not_article"
    TIMEOUT = "timeout"
    MEMORY = "memory"
    UNSUPPORTED = "unsupported"
    ERROR = "error"
