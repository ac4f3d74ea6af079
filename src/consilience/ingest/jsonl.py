"""JSON Lines: one article object per line; the input's own `id` is kept as `ref`."""

from __future__ import annotations

import json
from collections.abc import Iterator

from consilience.errors import SkipReason
from consilience.ingest.limits import MAX_JSON_DEPTH, MAX_JSONL_LINE_BYTES
from consilience.model import RawDocument, Skipped
from consilience.normalise.charset import DecodeError, decode_bytes

# The CONTRACT's names first, then those of common crawler exports: news-please ("maintext",
# "date_publish", "source_domain", "authors", the format of the giveme5w1h news cluster),
# schema.org ("articleBody", "datePublished"), RSS-to-JSON tools ("pubDate").
_TEXT_KEYS = ("text", "body", "content", "maintext", "articleBody")
_FIELDS = {
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "outlet": ("outlet", "source", "site", "publisher", "site_name", "source_domain"),
    "author": ("author", "byline", "authors"),
    "published": ("published", "date", "published_at", "publish_date", "datetime", "date_publish",
                  "datePublished", "pubDate"),
    "language": ("language", "lang"),
}  # fmt: skip


def _depth_ok(line: bytes) -> bool:
    """Reject deep nesting before json.loads recurses into it (it raises RecursionError)."""
    depth = peak = 0
    in_string = escaped = False
    for byte in line[:1_000_000]:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:
                escaped = True
            elif byte == 0x22:
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x7B, 0x5B):
            depth += 1
            peak = max(peak, depth)
            if peak > MAX_JSON_DEPTH:
                return False
        elif byte in (0x7D, 0x5D):
            depth -= 1
    return True


def _string(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, (str, int, float)):
        return str(value)
    if isinstance(value, dict):  # {"name": "..."} shapes for outlet/author
        for key in ("name", "title", "value"):
            if isinstance(value.get(key), str):
                return value[key]
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return ", ".join(value)
    return None


def record_to_document(record: dict, source: str) -> RawDocument | Skipped:
    """One decoded JSON object -> a document; a record without text is skipped, not guessed."""
    text = next((record[k] for k in _TEXT_KEYS if isinstance(record.get(k), str)), None)
    if text is None:
        return Skipped(source, SkipReason.MALFORMED, "record has no 'text', 'body' or 'content' string")
    fields = {
        name: next((_string(record.get(k)) for k in keys if record.get(k) is not None), None)
        for name, keys in _FIELDS.items()
    }
    ref = _string(record.get("id"))
    return RawDocument(source=source, text=text, format="jsonl", ref=ref, **fields)


def read_jsonl(data: bytes, source: str, start: int = 0) -> Iterator[RawDocument | Skipped]:
    """Each non-blank line is one unit: a document or a Skipped with its line number."""
    for number, line in enumerate(data.split(b"\n"), start=1):
        if number <= start or not line.strip():
            continue
        where = f"{source}#L{number}"
        if len(line) > MAX_JSONL_LINE_BYTES:
            yield Skipped(where, SkipReason.TOO_LARGE, f"line of {len(line):,} bytes (limit {MAX_JSONL_LINE_BYTES:,})")
            continue
        if not _depth_ok(line):
            yield Skipped(where, SkipReason.HOSTILE, f"JSON nested deeper than {MAX_JSON_DEPTH} levels")
            continue
        try:
            text = decode_bytes(line).text
            record = json.loads(text)
        except (DecodeError, ValueError, RecursionError) as exc:
            yield Skipped(where, SkipReason.MALFORMED, f"not valid JSON ({str(exc)[:120]})")
            continue
        if not isinstance(record, dict):
            yield Skipped(where, SkipReason.MALFORMED, f"a JSON {type(record).__name__}, not an object")
            continue
        yield record_to_document(record, where)
