"""Content-hash identifiers: stable across processes and runs (never Python's salted hash())."""

from __future__ import annotations

import hashlib


def content_id(*parts: str, size: int = 10) -> str:
    """Hex id of the parts; 10 bytes keeps collisions negligible for billions of rows."""
    h = hashlib.blake2b(digest_size=size)
    for part in parts:
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return h.hexdigest()
