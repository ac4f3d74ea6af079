"""WARC archives: each HTML (or feed) response record becomes a document.

warcio iterates records; we read each record's raw block ourselves so that a record shorter than
its Content-Length is reported as truncated instead of silently yielding half a page (warcio
#138), and so that decompression of a record body is capped like any other gzip.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Callable, Iterator
from dataclasses import replace
from functools import partial

from consilience.errors import SkipReason
from consilience.ingest.feeds import read_feed
from consilience.ingest.html import html_to_document
from consilience.ingest.limits import MAX_HTML_BYTES
from consilience.ingest.sniff import sniff_format
from consilience.model import RawDocument, Skipped
from consilience.normalise.charset import DecodeError, decode_bytes

_HTML_TYPES = ("text/html", "application/xhtml")
_FEED_TYPES = ("rss", "atom", "xml")


def _dechunk(body: bytes) -> bytes:
    from warcio.bufferedreaders import ChunkedDataReader

    try:
        return ChunkedDataReader(io.BytesIO(body)).read()
    except Exception:  # warcio raises its own ChunkedDataException and ValueErrors
        return body


def _decode_content(body: bytes, encoding: str) -> bytes:
    if encoding in ("gzip", "x-gzip", "deflate"):
        wbits = 16 + zlib.MAX_WBITS if "gzip" in encoding else zlib.MAX_WBITS
        inflater = zlib.decompressobj(wbits)
        out = inflater.decompress(body, MAX_HTML_BYTES + 1)
        if len(out) > MAX_HTML_BYTES:
            raise ValueError("compressed body expands past the page size limit")
        return out
    return body


def read_warc(
    data: bytes, source: str, start: int = 0, truncated_file: bool = False
) -> Iterator[RawDocument | Skipped | Callable[[], RawDocument | Skipped]]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    index = 0
    try:
        for record in ArchiveIterator(io.BytesIO(data)):
            if record.rec_type not in ("response", "resource"):
                continue
            index += 1
            if index <= start:
                continue
            record_id = record.rec_headers.get_header("WARC-Record-ID")
            uri = record.rec_headers.get_header("WARC-Target-URI")
            where = f"{source}#{record_id or index}"
            headers = record.http_headers
            header_bytes = headers.to_bytes() if headers is not None else b""
            body = record.raw_stream.read(MAX_HTML_BYTES * 2 + 1)
            if len(body) > MAX_HTML_BYTES * 2:
                yield Skipped(where, SkipReason.TOO_LARGE, f"record body over {MAX_HTML_BYTES * 2:,} bytes")
                continue
            declared = record.length or 0
            truncated = None
            if declared and len(header_bytes) + len(body) < declared:
                # Kept, not dropped: the text that is there is real; the flag tells the reader.
                truncated = f"truncated: record has {len(header_bytes) + len(body):,} of its {declared:,} bytes"
            content_type = (headers.get_header("Content-Type") if headers else None) or (
                record.rec_headers.get_header("Content-Type") or ""
            )
            if headers is not None:
                if "chunked" in (headers.get_header("Transfer-Encoding") or "").lower():
                    body = _dechunk(body)
                try:
                    body = _decode_content(body, (headers.get_header("Content-Encoding") or "").lower())
                except (zlib.error, ValueError) as exc:
                    yield Skipped(where, SkipReason.MALFORMED, f"content encoding: {exc}")
                    continue
            lowered = content_type.lower()
            kind = "html" if any(t in lowered for t in _HTML_TYPES) else None
            if kind is None and any(t in lowered for t in _FEED_TYPES):
                kind = "rss" if sniff_format(body, uri or "") == "rss" else None
            if kind is None:
                what = content_type.split(";")[0].strip() or "no content type"
                yield Skipped(where, SkipReason.NOT_ARTICLE, f"{what} record ({uri})")
                continue
            if kind == "rss":
                yield from read_feed(body, where)
                continue
            charset = None
            if "charset=" in lowered:
                charset = lowered.split("charset=", 1)[1].split(";")[0].strip(" \"'")
            warc_date = record.rec_headers.get_header("WARC-Date")
            # Deferred: the worker runs it under its clock, and skips it for free on a resume.
            yield partial(_page_document, body, charset, where, uri, record_id, warc_date, truncated)
    except (ArchiveLoadFailed, ValueError, EOFError, OSError) as exc:
        yield Skipped(f"{source}#{index + 1}", SkipReason.MALFORMED, f"WARC could not be read past record {index}: {str(exc)[:150]}")
        return
    if truncated_file:
        yield Skipped(f"{source}#end", SkipReason.TRUNCATED, "the compressed file ends mid-stream; records after this point are lost")


def _page_document(
    body: bytes,
    charset: str | None,
    where: str,
    uri: str | None,
    record_id: str | None,
    warc_date: str | None,
    truncated: str | None = None,
) -> RawDocument | Skipped:
    try:
        html = decode_bytes(body, declared=charset).text
    except DecodeError as exc:
        return Skipped(where, SkipReason.UNDECODABLE, str(exc))
    doc = html_to_document(html, where, url=uri, ref=record_id)
    if isinstance(doc, RawDocument) and not doc.published:
        doc = _with_capture_date(doc, warc_date)
    if isinstance(doc, RawDocument) and truncated:
        doc = replace(doc, extra=doc.extra + (("flag", truncated),))
    return doc


def _with_capture_date(doc: RawDocument, warc_date: str | None) -> RawDocument:
    if not warc_date:
        return doc
    return replace(doc, extra=doc.extra + (("capture_date", warc_date),))
