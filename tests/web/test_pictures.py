"""The entity timeline picture: events placed by date and kind, partial dates marked, text escaped."""

from __future__ import annotations

from consilience.present.html import Links, event_picture, render_entity_page

HOSTILE = "<script>alert(1)</script>"


def _event(kind: str, when: str | None, n_sources: int, statement: str = "") -> dict:
    sources = [{"article": f"a{kind}{i}", "outlet": f"Outlet {i}", "quote": "q"} for i in range(n_sources)]
    return {"event": kind, "when": when, "statement": statement or kind, "quote": "q", "sources": sources}


TIMELINE = [
    _event("arrest", "2023", 1),
    _event("sentence", "2024-05", 2),
    _event("release", "2025-12-13", 3, statement=HOSTILE),
    _event("transfer", None, 1),
]


def test_events_are_placed_by_date_and_kind_with_partial_dates_marked() -> None:
    picture = event_picture(TIMELINE)
    assert [lane["full"] for lane in picture["lanes"]] == ["arrest", "sentence", "release"]
    xs = [d["x"] for d in picture["dots"]]
    assert xs == sorted(xs) and xs[0] < xs[-1]
    assert [("approx" in d["cls"]) for d in picture["dots"]] == [True, True, False]
    assert picture["dots"][2]["r"] > picture["dots"][0]["r"]  # three sources draw a larger dot
    assert [e["event"] for e in picture["undated"]] == ["transfer"]
    assert [t["label"] for t in picture["ticks"]] == ["2023", "2024", "2025"]  # each 1 January


def test_no_dated_event_draws_no_picture() -> None:
    assert event_picture([_event("arrest", None, 1)])["empty"]
    assert event_picture([_event("arrest", "2023-13", 1)])["empty"]  # no month 13


def test_the_entity_page_draws_the_picture_and_escapes_article_text() -> None:
    view = {"id": "e1", "name": "Ales " + HOSTILE, "type": "person", "mentions": 3, "variants": {},
            "variant_outlets": {}, "timeline": TIMELINE, "stories": [], "articles": []}  # fmt: skip
    page = render_entity_page(view, Links("server", depth=1))
    assert 'class="timeline events-picture"' in page and page.count("<circle") == 3
    assert HOSTILE not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_a_long_story_page_warns_that_it_may_hold_several_events() -> None:
    from consilience.present.html import render_story_page

    view = {"id": "s1", "title": "Release", "first_seen": "2025-01-01T10:00", "last_seen": "2025-06-01T10:00",
            "sources": [], "claims": [], "discrepancies": [], "entities": []}  # fmt: skip
    assert "may hold several events" in render_story_page(view)
    view["last_seen"] = "2025-01-02T10:00"
    assert "may hold several events" not in render_story_page(view)


def test_an_event_dated_only_by_its_article_is_marked_as_reported() -> None:
    restated = _event("sentence", "2026-03-14", 1) | {"dated_by": "article"}
    dated = _event("arrest", "2023-05-02", 1) | {"dated_by": "text"}
    picture = event_picture([dated, restated])
    assert [("reported" in d["cls"]) for d in picture["dots"]] == [False, True]
    assert picture["dots"][1]["label"].startswith("reported 2026-03-14")
    view = {"id": "e1", "name": "N", "type": "person", "mentions": 2, "variants": {}, "variant_outlets": {},
            "timeline": [dated, restated], "stories": [], "articles": []}  # fmt: skip
    assert "reported 2026-03-14" in render_entity_page(view, Links("server", depth=1))
