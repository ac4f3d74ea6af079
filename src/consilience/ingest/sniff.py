"""Which reader an input needs, decided from its bytes first and its file name second."""

from __future__ import annotations

import json
import re

FORMATS = ("text", "html", "jsonl", "rss", "warc")
_EXTENSIONS = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
    ".rss": "rss", ".atom": "rss", ".xml": "rss", ".rdf": "rss",
    ".warc": "warc", ".arc": "warc",
}
GZIP_MAGIC_BYTES = b"\x1f\x8b"
_FEED_ROOT = re.compile(rb"<(?:\w+:)?(rss|feed|RDF)[\s>]", re.I)
_HTML_HINT = re.compile(rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<(article|div|p)[\s>]", re.I)


def format_from_name(name: str) -> str | None:
    lowered = name.lower()
    if lowered.endswith(".gz"):
        lowered = lowered[:-3]
    for ext, fmt in _EXTENSIONS.items():
        if lowered.endswith(ext):
            return fmt
    return None


def sniff_format(data: bytes, name: str = "") -> str:
    """Detect the format from content; the file name only breaks ties."""
    head = data[:65536].lstrip(b"\xef\xbb\xbf\xff\xfe\x00 \t\r\n")
    if head.startswith((b"WARC/", b"warc/")):
        return "warc"
    if head[:1] in (b"{", b"["):
        first = head.split(b"\n", 1)[0]
        if first.startswith(b"{") and len(first) < 60000:
            try:
                if isinstance(json.loads(first), dict):
                    return "jsonl"
            except (ValueError, RecursionError):
                pass
        if format_from_name(name) == "jsonl" or b'"text"' in head[:4096]:
            return "jsonl"
    if head.startswith(b"<"):
        if _FEED_ROOT.search(head[:4096]) and not re.search(rb"<html[\s>]", head[:4096], re.I):
            return "rss"
        if _HTML_HINT.search(head):
            return "html"
        if head.startswith(b"<?xml"):
            return "rss"
    by_name = format_from_name(name)
    if by_name in ("html",) and _HTML_HINT.search(head):
        return "html"
    if _HTML_HINT.search(head[:2048]) and head.count(b"<") > 10:
        return "html"
    return "text"
