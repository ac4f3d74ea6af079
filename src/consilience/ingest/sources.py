"""Where inputs come from: paths walked recursively, stdin, .gz with a cap on what it expands to."""

from __future__ import annotations

import os
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from consilience.errors import UserInputError
from consilience.ingest.limits import MAX_DECOMPRESSED_BYTES, MAX_INPUT_BYTES

GZIP_MAGIC = b"\x1f\x8b"
_IGNORED_NAMES = {".DS_Store", "Thumbs.db"}


@dataclass(frozen=True, slots=True)
class InputFile:
    """One named input: a path on disk, or bytes already read (stdin, upload)."""

    name: str
    path: str | None = None
    data: bytes | None = None


class DecompressError(ValueError):
    def __init__(self, message: str, partial: bytes = b"") -> None:
        super().__init__(message)
        self.partial = partial


def expand_inputs(items: list[str], stdin: bytes | None = None) -> Iterator[InputFile]:
    """Every file named or under a named directory, in a stable order; '-' is stdin."""
    for item in items:
        if item == "-":
            yield InputFile("<stdin>", data=stdin if stdin is not None else b"")
            continue
        path = Path(item)
        if not path.exists():
            raise UserInputError(f"no such file or directory: {item}", "check the path and try again")
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name in _IGNORED_NAMES or name.startswith("."):
                        continue
                    full = Path(root) / name
                    if full.is_file():
                        yield InputFile(str(full), path=str(full))
        else:
            yield InputFile(str(path), path=str(path))


def read_bytes(item: InputFile) -> bytes:
    """The raw bytes of an input, refusing what is larger than any news input can be."""
    if item.data is not None:
        return item.data
    assert item.path is not None
    size = os.path.getsize(item.path)
    if size > MAX_INPUT_BYTES:
        raise ValueError(f"file of {size:,} bytes is over the {MAX_INPUT_BYTES:,}-byte limit")
    with open(item.path, "rb") as handle:
        return handle.read()


def gunzip(data: bytes, limit: int = MAX_DECOMPRESSED_BYTES) -> bytes:
    """Decompress every gzip member, stopping at `limit` bytes of output (gzip bombs).

    Raises DecompressError for a stream that is truncated or corrupt, carrying what was decoded
    before the damage so a reader of record formats (WARC, JSON Lines) can keep the good part.
    """
    out = bytearray()
    rest = data
    while rest:
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            chunk = inflater.decompress(rest, limit - len(out) + 1)
            out += chunk
            while inflater.unconsumed_tail and len(out) <= limit:
                out += inflater.decompress(inflater.unconsumed_tail, limit - len(out) + 1)
        except zlib.error as exc:
            raise DecompressError(f"corrupt gzip data: {exc}", bytes(out[:limit])) from None
        if len(out) > limit:
            raise DecompressError(f"gzip expands to more than {limit:,} bytes (decompression bomb?)")
        if not inflater.eof:
            raise DecompressError("truncated gzip stream", bytes(out))
        rest = inflater.unused_data
        if rest and not rest.startswith(GZIP_MAGIC):
            break  # trailing garbage after the last member
    return bytes(out)
