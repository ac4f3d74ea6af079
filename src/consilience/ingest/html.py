"""HTML pages: main text and metadata through trafilatura (measured best in LIBRARIES.md)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from pathlib import PurePath

from consilience.errors import SkipReason
from consilience.ingest.limits import MAX_HTML_BYTES
from consilience.model import RawDocument, Skipped
from consilience.normalise.charset import DecodeError, decode_bytes, looks_binary

_LANG_ATTR = re.compile(r"<html[^>]{0,300}?\blang\s*=\s*[\"']?([A-Za-z-]{2,10})", re.I)
_PUBLISHED_META = re.compile(
    r"<meta[^>]{0,200}?(?:property|name|itemprop)\s*=\s*[\"'](?:article:published_time|datePublished|pubdate|date|dc\.date)[\"'][^>]{0,200}?content\s*=\s*[\"']([^\"']{6,40})",
    re.I,
)
_MAX_TREE = 200_000  # elements; a larger tree is hostile or not an article page


@cache
def _config():  # type: ignore[no-untyped-def]
    """trafilatura settings: a tree-size cap; no signal-based timeout (our worker has its own)."""
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MAX_TREE_SIZE", str(_MAX_TREE))
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    return config


MAX_HTML_DEPTH = 256
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]{0,2000}?(/?)>")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "p", "li"}


def nesting_depth(html: str) -> int:
    """Deepest element nesting, counted from the tags (only asked when extraction fails)."""
    depth = peak = 0
    for match in _TAG.finditer(html[:MAX_HTML_BYTES]):
        closing, name, self_closing = match.group(1), match.group(2).lower(), match.group(3)
        if name in _VOID or self_closing:
            continue
        depth = max(0, depth - 1) if closing else depth + 1
        peak = max(peak, depth)
    return peak


def html_to_document(
    html: str, source: str, url: str | None = None, ref: str | None = None
) -> RawDocument | Skipped:
    """One page -> one document, or a Skipped when the page holds no main text."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, config=_config()
        )
    except (RecursionError, ValueError, TypeError, AttributeError) as exc:
        return Skipped(source, SkipReason.MALFORMED, f"HTML could not be parsed ({type(exc).__name__})")
    if doc is None:
        depth = nesting_depth(html)
        if depth > MAX_HTML_DEPTH:
            # libxml2 stops building the tree at 256 levels, so text below that depth is unreachable.
            return Skipped(source, SkipReason.HOSTILE, f"HTML nested {depth:,} levels deep (limit {MAX_HTML_DEPTH})")
        return Skipped(source, SkipReason.NO_TEXT, "no main text found in the page")
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = data.get("text") or ""
    title = data.get("title")
    if title and text.startswith(title):
        text = text[len(title) :].lstrip("\n")
    lang = data.get("language")
    if not lang:
        found = _LANG_ATTR.search(html[:5000])
        lang = found.group(1) if found else None
    published = None
    meta = _PUBLISHED_META.search(html[:200_000])
    if meta:
        published = meta.group(1)  # keeps the time of day, which trafilatura drops
    return RawDocument(
        source=source,
        text=text,
        format="html",
        title=title,
        url=url or data.get("url"),
        outlet=data.get("sitename") or data.get("hostname"),
        author=data.get("author"),
        published=published or data.get("date"),
        language=lang,
        ref=ref,
        subtitle=data.get("description"),
    )


def read_html(data: bytes, source: str) -> Iterator[RawDocument | Skipped]:
    if len(data) > MAX_HTML_BYTES:
        yield Skipped(source, SkipReason.TOO_LARGE, f"page of {len(data):,} bytes (limit {MAX_HTML_BYTES:,})")
        return
    if looks_binary(data):
        yield Skipped(source, SkipReason.BINARY, "binary data, not HTML")
        return
    try:
        html = decode_bytes(data).text
    except DecodeError as exc:
        yield Skipped(source, SkipReason.UNDECODABLE, str(exc))
        return
    ref = PurePath(source).name if not source.startswith("<") else None
    yield html_to_document(html, source, ref=ref)
