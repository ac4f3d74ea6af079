"""Dispatch one input to its format reader; the function a sandboxed worker runs."""

from __future__ import annotations

from collections.abc import Iterator

from consilience.errors import SkipReason
from consilience.ingest.feeds import read_feed
from consilience.ingest.html import read_html
from consilience.ingest.jsonl import read_jsonl
from consilience.ingest.sniff import GZIP_MAGIC_BYTES, sniff_format
from consilience.ingest.sources import DecompressError, InputFile, gunzip, read_bytes
from consilience.ingest.text import read_text
from consilience.ingest.warc import read_warc
from consilience.model import RawDocument, Skipped

_RECORD_FORMATS = ("jsonl", "warc", "rss")


def read_input(item: InputFile, fmt: str = "auto", start: int = 0) -> Iterator[RawDocument | Skipped]:
    """Every document (or skip) in one input, in order; `start` skips units already handled."""
    try:
        data = read_bytes(item)
    except (OSError, ValueError) as exc:
        reason = SkipReason.TOO_LARGE if isinstance(exc, ValueError) else SkipReason.ERROR
        yield Skipped(item.name, reason, str(exc))
        return
    if not data.strip():
        yield Skipped(item.name, SkipReason.EMPTY, "empty input")
        return
    truncated = False
    depth = 0
    while data.startswith(GZIP_MAGIC_BYTES) and depth < 2:
        depth += 1
        try:
            data = gunzip(data)
        except DecompressError as exc:
            detected = sniff_format(exc.partial, item.name) if exc.partial else "text"
            if not exc.partial or detected not in _RECORD_FORMATS or "bomb" in str(exc):
                reason = SkipReason.TOO_LARGE if "bomb" in str(exc) else SkipReason.TRUNCATED
                yield Skipped(item.name, reason, str(exc))
                return
            data, truncated = exc.partial, True
    if data.startswith(GZIP_MAGIC_BYTES):
        yield Skipped(item.name, SkipReason.HOSTILE, "gzip nested more than twice")
        return
    if not data.strip():
        yield Skipped(item.name, SkipReason.EMPTY, "empty after decompression")
        return
    kind = sniff_format(data, item.name) if fmt == "auto" else fmt
    if kind == "jsonl":
        yield from read_jsonl(data, item.name, start)
        if truncated:
            yield Skipped(f"{item.name}#end", SkipReason.TRUNCATED, "compressed file ends mid-stream; the last line is incomplete")
    elif kind == "warc":
        yield from read_warc(data, item.name, start, truncated_file=truncated)
    elif kind == "rss":
        if truncated:
            yield Skipped(item.name, SkipReason.TRUNCATED, "compressed feed ends mid-stream")
            return
        yield from read_feed(data, item.name, start)
    elif kind == "html":
        yield from read_html(data, item.name)
    elif kind == "text":
        yield from read_text(data, item.name)
    else:
        yield Skipped(item.name, SkipReason.UNSUPPORTED, f"unknown format {kind!r}")
