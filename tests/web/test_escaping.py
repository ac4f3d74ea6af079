"""Rendering escapes: any text in any field gives a page whose element/attribute set is the template's own."""

from __future__ import annotations

import copy
from html.parser import HTMLParser

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from consilience.present.html import (
    Links,
    highlight,
    render_article_page,
    render_story_page,
    safe_url,
)

SCRIPTY = st.sampled_from(
    ["<script>window.__pwn(1)</script>", "\"><img src=x onerror=alert(1)>", "'><svg onload=alert(1)>", "</textarea><b>",
     "javascript:alert(1)", "{{ 7*7 }}", "${alert(1)}", "</title><script>x</script>", "<a href=x>", "&lt;&amp;", "\"'`"]
)
TEXT = st.one_of(st.text(max_size=60), SCRIPTY, st.lists(SCRIPTY | st.text(max_size=10), max_size=4).map("".join))


class Shape(HTMLParser):
    """The multiset of (tag, attribute names) a page is made of, plus any on* attribute or script/style tag."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.shape: set[tuple[str, tuple[str, ...]]] = set()
        self.danger: list[str] = []

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        names = tuple(sorted(k for k, _ in attrs))
        self.shape.add((tag, names))
        if tag in ("script", "iframe", "object", "embed", "base", "img", "image"):
            self.danger.append(tag)
        for k, v in attrs:
            if k.startswith("on") or (k in ("href", "src", "xlink:href") and v and v.strip().lower().startswith(("javascript:", "data:"))):
                self.danger.append(f"{tag}@{k}={v!r}")

    handle_startendtag = handle_starttag


def shape(page: str) -> Shape:
    parser = Shape()
    parser.feed(page)
    parser.close()
    return parser


STORY = {
    "id": "s1", "title": "T", "first_seen": "2026-05-02T09:10", "last_seen": "2026-05-02T16:45",
    "sources": [
        {"article": "a1", "ref": "r1", "outlet": "O1", "title": "t1", "url": "https://x.example/1", "language": "en",
         "published": "2026-05-02T09:10:00+00:00", "independence_group": "g1", "independence_reason": "alone"},
        {"article": "a2", "ref": "r2", "outlet": "O2", "title": "t2", "url": "https://x.example/2", "language": "en",
         "published": "2026-05-02T16:45:00+00:00", "independence_group": "g2", "independence_reason": "alone"},
    ],
    "entities": [{"id": "e1", "name": "N", "type": "person", "variants": {"N": ["a1"], "M": ["a2"]}}],
    "claims": [
        {"id": "c1", "kind": "quantity", "statement": "S", "value": "14", "status": "conflicting", "reason": "R",
         "support": [{"article": "a1", "quote": "Q1", "attributed_to": "W citing V", "chain": ["W", "V"], "value": "14"},
                     {"article": "a2", "quote": "Q2", "attributed_to": None, "chain": [], "value": "20"}],
         "versions": [{"value": "14", "articles": ["a1"], "relation": "main"}, {"value": "20", "articles": ["a2"], "relation": "conflict"}]},
    ],
    "discrepancies": [{"entity": "e1", "name": "N", "variants": {"N": ["a1"], "M": ["a2"]}, "why": "Y"}],
    "differences": [{"type": "conflict", "values": ["14", "20"], "reason": "R"}],
}
ARTICLE = {
    "id": "a1", "ref": "r1", "url": "https://x.example/1", "outlet": "O", "title": "T", "published": "2026-05-02",
    "language": "en", "story": "s1", "byline": "B", "subtitle": "U", "text": "Ilse Vantor said 14 warehouses burned.",
    "published_source": "May 2", "published_inferred": True, "format": "jsonl", "sources": ["f.jsonl"], "flags": ["F"],
    "mentions": [{"text": "Ilse Vantor", "type": "person", "role": None, "start": 0, "end": 11, "entity": "e1", "entity_name": "Ilse Vantor"}],
    "claims": [{"kind": "quantity", "statement": "14 warehouses", "start": 0, "end": 38, "attributed_to": "Ilse Vantor"}],
}
BASE_STORY = shape(render_story_page(STORY, static=False, links=Links("server"))).shape
BASE_ARTICLE = shape(render_article_page(ARTICLE, Links("server"))).shape


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=TEXT, outlet=TEXT, quote=TEXT, name=TEXT, url=TEXT, attributed=TEXT, group=TEXT, status=TEXT)
def test_story_page_has_no_element_or_attribute_beyond_the_template(title, outlet, quote, name, url, attributed, group, status):
    view = copy.deepcopy(STORY)
    view["title"] = title
    view["sources"][0].update(outlet=outlet, title=title, url=url, independence_group=group)
    view["claims"][0].update(statement=quote, status=status)
    view["claims"][0]["support"][0].update(quote=quote, attributed_to=attributed, chain=[attributed, name])
    view["entities"][0].update(name=name, variants={name: ["a1"], "M": ["a2"]})
    parsed = shape(render_story_page(view, static=False, links=Links("server")))
    assert parsed.danger == []
    assert parsed.shape <= BASE_STORY | {("span", ("class",))}  # an unknown status is shown as a plain badge


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=TEXT, outlet=TEXT, byline=TEXT, text=TEXT, url=TEXT, mention=TEXT, cut=st.integers(-5, 80))
def test_article_page_has_no_element_or_attribute_beyond_the_template(title, outlet, byline, text, url, mention, cut):
    view = copy.deepcopy(ARTICLE)
    view.update(title=title, outlet=outlet, byline=byline, text=text + ARTICLE["text"], url=url)
    view["mentions"][0].update(text=mention, start=cut, end=cut + 11, entity_name=mention)
    page = render_article_page(view, Links("server"))
    parsed = shape(page)
    assert parsed.danger == []
    assert parsed.shape <= BASE_ARTICLE | {("td", ("class",))}


def test_highlight_pieces_rebuild_the_text_and_mark_spans():
    text = "Ilse Vantor said 14 warehouses burned."
    pieces = highlight(text, ARTICLE["mentions"], [{"start": 0, "end": 30}, {"start": 90, "end": 2}])
    assert "".join(p["text"] for p in pieces) == text
    assert pieces[0]["text"] == "Ilse Vantor" and pieces[0]["mention"] and pieces[0]["claim"]
    assert pieces[-1]["claim"] is None and pieces[-1]["text"] == " burned."


def test_only_http_and_https_urls_become_links():
    assert safe_url("https://a.example/x?y=1") == "https://a.example/x?y=1"
    for bad in ["javascript:alert(1)", " JaVaScRiPt:alert(1)", "data:text/html,x", "file:///etc/passwd", "//evil.example",
                "http://", "https://a.example/\"onmouseover=x", "vbscript:x", "java\tscript:x", None, 3]:
        assert safe_url(bad) is None, bad
