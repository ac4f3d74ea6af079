"""RSS and Atom feeds: one document per entry, parsed by feedparser on pre-screened bytes.

feedparser tolerates malformed feeds but expands XML entity bombs and has a quadratic email
regex (LIBRARIES.md), so before it sees a feed we refuse entity declarations, drop the DOCTYPE
(no DTD is ever fetched) and cap the fields that regex reads.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from consilience.errors import SkipReason
from consilience.ingest.limits import MAX_FEED_BYTES, MAX_FEED_FIELD_CHARS
from consilience.model import RawDocument, Skipped
from consilience.normalise.charset import DecodeError, decode_bytes

_DOCTYPE = re.compile(r"<!DOCTYPE(?:[^\[>]*\[.*?\]\s*>|[^>]*>)", re.I | re.S)
_ENTITY_DECL = re.compile(r"<!ENTITY", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.S)
_LONG_FIELD = re.compile(
    r"<((?:\w+:)?(?:author|name|email|creator|managingEditor|webMaster|contributor))(\s[^>]*)?>([^<]{%d,})</\1>"
    % MAX_FEED_FIELD_CHARS
)
_BLOCK_TAGS = re.compile(r"</?(p|div|br|li|h[1-6]|blockquote|tr|section|article)\b[^>]*>", re.I)


def screen_feed(text: str) -> str:
    """Refuse entity declarations, drop the DOCTYPE and the XML declaration, cap long fields."""
    head = text[:100_000]
    if _ENTITY_DECL.search(head):
        raise ValueError("the feed declares XML entities (entity expansion and external entities are refused)")
    text = _DOCTYPE.sub("", text, count=1)
    text = _XML_DECL.sub("", text, count=1)

    def cap(match: re.Match[str]) -> str:
        tag, attrs, value = match.group(1), match.group(2) or "", match.group(3)
        return f"<{tag}{attrs}>{value[:200]}</{tag}>"

    return _LONG_FIELD.sub(cap, text)


def fragment_text(html: str) -> str:
    """Text of an HTML fragment (feed content), keeping paragraph breaks."""
    if "<" not in html:
        import html as html_lib

        return html_lib.unescape(html)
    import lxml.html

    marked = _BLOCK_TAGS.sub(lambda m: "\n\n" + m.group(0), html)
    try:
        root = lxml.html.fragment_fromstring(marked, create_parent="div")
    except Exception:  # lxml raises ParserError/ValueError subclasses on junk; fall back to tag-stripping
        return re.sub(r"<[^>]+>", " ", marked)
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    return root.text_content()


def read_feed(data: bytes, source: str, start: int = 0) -> Iterator[RawDocument | Skipped]:
    if len(data) > MAX_FEED_BYTES:
        yield Skipped(source, SkipReason.TOO_LARGE, f"feed of {len(data):,} bytes")
        return
    try:
        text = decode_bytes(data).text
        screened = screen_feed(text)
    except DecodeError as exc:
        yield Skipped(source, SkipReason.UNDECODABLE, str(exc))
        return
    except ValueError as exc:
        yield Skipped(source, SkipReason.HOSTILE, str(exc))
        return
    import feedparser

    parsed = feedparser.parse(('<?xml version="1.0" encoding="utf-8"?>' + screened).encode("utf-8"))
    entries = parsed.get("entries") or []
    if not entries:
        why = getattr(parsed.get("bozo_exception"), "args", [""])
        detail = f"no entries ({str(why[0])[:150]})" if parsed.get("bozo") else "feed has no entries"
        yield Skipped(source, SkipReason.MALFORMED if parsed.get("bozo") else SkipReason.NO_TEXT, detail)
        return
    feed = parsed.get("feed", {})
    for index, entry in enumerate(entries, start=1):
        if index <= start:
            continue
        where = f"{source}#entry{index}"
        body = ""
        if entry.get("content"):
            body = "\n\n".join(c.get("value", "") for c in entry["content"])
        if len(fragment_text(body).split()) < 5:
            body = entry.get("summary") or body
        publisher = entry.get("source", {}).get("title") if entry.get("source") else None
        yield RawDocument(
            source=where,
            text=fragment_text(body),
            format="rss",
            title=fragment_text(entry.get("title", "")) or None,
            url=entry.get("link"),
            outlet=publisher or feed.get("title"),
            author=entry.get("author"),
            published=entry.get("published") or entry.get("updated") or entry.get("dc_date"),
            language=feed.get("language"),
            ref=entry.get("id") or entry.get("link"),
        )
