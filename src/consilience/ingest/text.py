"""Plain-text articles: one per file, layout found by normalise.layout."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePath

from consilience.errors import SkipReason
from consilience.model import RawDocument, Skipped
from consilience.normalise.charset import DecodeError, decode_bytes, looks_binary
from consilience.normalise.layout import parse_layout
from consilience.normalise.text import clean_text


def read_text(data: bytes, source: str) -> Iterator[RawDocument | Skipped]:
    if looks_binary(data):
        yield Skipped(source, SkipReason.BINARY, "binary data, not text")
        return
    try:
        decoded = decode_bytes(data)
    except DecodeError as exc:
        yield Skipped(source, SkipReason.UNDECODABLE, str(exc))
        return
    layout = parse_layout(clean_text(decoded.text))
    yield RawDocument(
        source=source,
        text=layout.body,
        format="text",
        title=layout.title,
        outlet=layout.outlet_hint,
        author=layout.byline,
        published=layout.date_written,
        ref=PurePath(source).name if not source.startswith("<") else None,
        subtitle=layout.subtitle,
    )
