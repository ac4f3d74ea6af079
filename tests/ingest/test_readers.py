"""Each reader on inputs the test builds, in-process (no sandbox start-up cost)."""

from __future__ import annotations

import gzip
import io
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from consilience.errors import SkipReason
from consilience.ingest.readers import read_input
from consilience.ingest.sniff import sniff_format
from consilience.ingest.sources import InputFile
from consilience.ingest.worker import Task, process_task
from consilience.model import Article, RawDocument, Skipped

BODY = (
    "The council of Dorvik approved the new budget on Tuesday after a long debate. "
    "Opposition members said the plan cuts money for schools and hospitals."
)


def units(data: bytes, name: str = "<stdin>", fmt: str = "auto") -> list[Article | Skipped]:
    return [u for _, u in process_task(Task(0, InputFile(name, data=data), fmt))]


def test_jsonl_keeps_ref_and_accepts_body_and_content():
    lines = [
        {"id": "a-1", "text": BODY, "outlet": "Dorvik Herald", "published": "2026-03-14T09:30:00+01:00", "title": "Budget"},
        {"id": "a-2", "body": BODY + " A second text.", "language": "en"},
        {"id": "a-3", "content": BODY + " A third text."},
        [1, 2, 3],
        {"id": "a-4", "title": "no text here"},
    ]
    data = "\n".join(json.dumps(x) for x in lines).encode()
    out = units(data)
    articles = [u for u in out if isinstance(u, Article)]
    skips = [u for u in out if isinstance(u, Skipped)]
    assert [a.ref for a in articles] == ["a-1", "a-2", "a-3"]
    assert articles[0].published == "2026-03-14T09:30+01:00" and articles[0].outlet == "Dorvik Herald"
    assert {s.input.rsplit("#", 1)[1] for s in skips} == {"L4", "L5"}
    assert all(s.reason == SkipReason.MALFORMED for s in skips)


def test_jsonl_reads_a_crawler_export_and_names_the_outlet_from_the_url():
    """news-please writes maintext, date_publish, source_domain and a list of authors."""
    lines = [
        {"id": "n-1", "maintext": BODY, "date_publish": "2026-03-14 09:30:00", "source_domain": "www.dorvikherald.example",
         "authors": ["Ilse Varga", "Tom Bell"], "title": "Budget"},
        {"id": "n-2", "text": BODY + " Another text.", "url": "https://www.kestreldaily.example/world/budget"},
        {"id": "n-3", "text": BODY + " A third.", "outlet": "Seldon Gazette", "url": "https://seldon.example/a"},
    ]  # fmt: skip
    out = [u for u in units("\n".join(json.dumps(x) for x in lines).encode()) if isinstance(u, Article)]
    assert [a.outlet for a in out] == ["dorvikherald.example", "kestreldaily.example", "Seldon Gazette"]
    assert out[0].published and out[0].published.startswith("2026-03-14T09:30")
    assert out[0].byline == "Ilse Varga, Tom Bell"


def test_the_outlet_from_a_url_is_the_site_not_its_subdomain():
    from consilience.normalise.article import outlet_of

    assert outlet_of(None, "https://money.cnn.com/2017/x") == outlet_of(None, "https://edition.cnn.com/y") == "cnn.com"
    assert outlet_of("www.bbc.co.uk", None) == "bbc.co.uk"  # a crawler's host: a public suffix of two labels
    assert outlet_of("The Dorvik Herald", "https://dorvikherald.example/a") == "The Dorvik Herald"
    assert outlet_of(None, "http://[::1/broken") is None


def test_rss_entry_source_names_the_real_publisher():
    feed = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Aggregator</title><language>en</language>
<item><title>Budget approved</title><link>https://a.example/1</link><guid>g1</guid>
<description>&lt;p&gt;{BODY}&lt;/p&gt;</description><source url="https://herald.example/rss">Dorvik Herald</source>
<pubDate>Sat, 14 Mar 2026 09:30:00 +0100</pubDate></item>
<item><title>Other</title><link>https://a.example/2</link><description>{BODY} Other words entirely.</description></item>
</channel></rss>""".encode()
    assert sniff_format(feed, "x.txt") == "rss"
    articles = [u for u in units(feed) if isinstance(u, Article)]
    assert [a.outlet for a in articles] == ["Dorvik Herald", "Aggregator"]
    assert articles[0].url == "https://a.example/1" and articles[0].ref == "g1"
    assert articles[0].published.startswith("2026-03-14T09:30")
    assert "<p>" not in articles[0].text


def _warc(records: list[tuple[str, bytes, str]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for uri, payload, ctype in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(payload), http_headers=headers))
    return buffer.getvalue()


PAGE = f"""<html lang="en"><head><title>Budget approved</title>
<meta property="og:site_name" content="Dorvik Herald"><meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2026-03-14T09:30:00+01:00"></head>
<body><nav>Home | World | Sport</nav><article><h1>Budget approved</h1><p>{BODY}</p>
<p>The mayor said the vote was a victory for the city and its residents.</p></article>
<footer>Copyright Dorvik Herald</footer></body></html>""".encode()


def test_warc_html_records_become_articles_keeping_uri_and_record_id():
    data = _warc([("https://herald.example/budget", PAGE, "text/html; charset=utf-8"), ("https://herald.example/logo.png", b"\x89PNG....", "image/png")])
    out = units(data, "crawl.warc.gz")
    articles = [u for u in out if isinstance(u, Article)]
    skips = [u for u in out if isinstance(u, Skipped)]
    assert len(articles) == 1 and len(skips) == 1
    article = articles[0]
    assert article.url == "https://herald.example/budget"
    assert article.ref and article.ref.startswith("<urn:uuid:")
    assert article.title == "Budget approved" and article.outlet == "Dorvik Herald" and article.byline == "Jane Roe"
    assert "Home | World" not in article.text and "Copyright" not in article.text
    assert skips[0].reason == SkipReason.NOT_ARTICLE


def test_same_article_in_two_formats_has_one_identity():
    jsonl = json.dumps({"text": BODY + "\n\nThe mayor said the vote was a victory for the city and its residents."}).encode()
    html_article = [u for u in units(PAGE, "page.html") if isinstance(u, Article)][0]
    json_article = [u for u in units(jsonl) if isinstance(u, Article)][0]
    assert html_article.id == json_article.id


def test_gzip_of_any_format_is_read():
    data = gzip.compress(json.dumps({"id": "z", "text": BODY}).encode())
    articles = [u for u in units(data, "x.gz") if isinstance(u, Article)]
    assert len(articles) == 1 and articles[0].ref == "z"


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=3000), st.sampled_from(["auto", "text", "html", "jsonl", "rss", "warc"]))
def test_readers_never_raise_on_arbitrary_bytes(data, fmt):
    out = list(read_input(InputFile("fuzz", data=data), fmt))
    assert all(isinstance(u, (RawDocument, Skipped)) or callable(u) for u in out)
    for _, unit in process_task(Task(0, InputFile("fuzz", data=data), fmt)):
        assert isinstance(unit, (Article, Skipped))
        if isinstance(unit, Article):
            assert "\x00" not in unit.text
