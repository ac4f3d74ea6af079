"""Every page and API route on a small analysed corpus: content, links, headers."""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from consilience.present.html import SERVER_CSP


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        for k, v in attrs:
            if k == "href" and v:
                self.hrefs.append(v)


def hrefs(text: str) -> list[str]:
    parser = Links()
    parser.feed(text)
    return parser.hrefs


def crawl(client, start: str = "/", limit: int = 200) -> dict[str, object]:  # type: ignore[no-untyped-def]
    seen: dict[str, object] = {}
    queue = [start]
    while queue and len(seen) < limit:
        path = queue.pop(0)
        if path in seen:
            continue
        response = client.get(path)
        seen[path] = response
        if "text/html" in response.headers.get("content-type", ""):
            for href in hrefs(response.text):
                url = urlsplit(urljoin("http://127.0.0.1" + path, href))
                if url.netloc == "127.0.0.1" and url.path != "/static/style.css":
                    queue.append(url.path + (f"?{url.query}" if url.query else ""))
    return seen


def test_every_page_is_reachable_from_the_stories_list_and_carries_the_csp(client):
    pages = crawl(client)
    kinds = {p.split("/")[1] for p in pages}
    assert {"", "stories", "entities", "articles", "skipped"} <= kinds
    for path, response in pages.items():
        assert response.status_code == 200, path
        assert response.headers["content-security-policy"] == SERVER_CSP, path
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "no-referrer"
        assert "<script" not in response.text.lower(), path


def test_story_page_shows_sources_claims_and_both_pictures(client):
    story = client.get("/api/stories").json()[0]
    page = client.get(f"/stories/{story['id']}").text
    assert story["title"] in page
    assert page.count("<svg") == 2 and 'class="timeline"' in page and 'class="citations"' in page
    for outlet in story["outlets"]:
        assert outlet in page
    assert "Norwire" in page  # the wire the copy cites appears in the who-cites-whom picture
    assert 'class="badge st-' in page and "<blockquote>" in page


def test_stories_list_rows_show_outlets_groups_and_claim_counts(client):
    page = client.get("/").text
    rows = client.get("/api/stories").json()
    assert "Coastline Daily, Fjordside News, Lantern Post" in page
    fire = next(r for r in rows if "Ostrel" in r["title"])
    assert f">{fire['claims']['conflicting']}</span>" in page


def test_story_search_filters_by_text_entity_outlet_and_dates(client):
    titles = lambda **q: [r["title"] for r in client.get("/api/stories", params=q).json()]  # noqa: E731
    assert titles(q="bridge") == ["Council approves new bridge over the Selva river"]
    assert titles(q="Coastline") == ["Fire at Ostrel harbour destroys 14 warehouses"]
    assert titles(entity="Oskar Lind") == ["Council approves new bridge over the Selva river"]
    assert titles(outlet="fjordside news") == ["Fire at Ostrel harbour destroys 14 warehouses"]
    assert titles(since="2026-05-10") == ["Council approves new bridge over the Selva river"]
    assert titles(until="2026-05-02") == ["Fire at Ostrel harbour destroys 14 warehouses"]
    assert titles(q="%") == [] and titles(q="nothing like this") == []
    assert titles(sort="recent")[0].startswith("Council")
    page = client.get("/", params={"q": "bridge"}).text
    assert "Selva" in page and "Ostrel" not in page


def test_article_page_highlights_mentions_and_links_only_safe_urls(client):
    rows = client.get("/api/articles").json()
    unsafe = next(r for r in rows if r["outlet"] == "Fjordside News")
    page = client.get(f"/articles/{unsafe['id']}").text
    assert 'href="javascript:' not in page and "javascript:alert(1)" in page  # shown as text
    safe = next(r for r in rows if r["outlet"] == "Coastline Daily")
    page = client.get(f"/articles/{safe['id']}").text
    assert f'href="{safe["url"]}"' in page
    assert 'class="mention"' in page and 'class="claim"' in page


def test_entity_page_shows_variants_by_outlet(client):
    entity = client.get("/api/entities/Ilse Vantor").json()
    assert entity["variants"]
    page = client.get(f"/entities/{entity['id']}").text
    for surface in entity["variants"]:
        assert surface in page
    assert "Lantern Post" in page


def test_api_shapes_follow_the_contract(client):
    stories = client.get("/api/stories")
    assert stories.headers["x-content-type-options"] == "nosniff"
    assert stories.headers["x-total-count"] == "2"
    story = client.get(f"/api/stories/{stories.json()[0]['id']}").json()
    assert {"sources", "entities", "claims", "discrepancies"} <= story.keys()
    assert {s["independence_group"] for s in story["sources"]} >= {"g1", "g2"}
    assert all(c["status"] in ("corroborated", "single_source", "conflicting") for c in story["claims"])
    articles = client.get("/api/articles", params={"limit": 2})
    assert len(articles.json()) == 2 and articles.headers["x-total-count"] == "4"
    one = client.get(f"/api/articles/{articles.json()[0]['id']}").json()
    assert {"byline", "text", "published_source", "published_inferred", "mentions", "claims"} <= one.keys()
    assert client.get("/api/entities", params={"limit": 1}).json()[0]["mentions"] >= 1
    same = client.get("/api/names", params={"a": "Kalesnikava", "b": "Kolesnikova"}).json()
    assert same["same"] is True and 0 <= same["score"] <= 1 and same["why"]
    assert client.get("/api/names", params={"a": "Ilse Vantor", "b": "Oskar Lind"}).json()["same"] is False


def test_unknown_ids_and_bad_parameters_are_4xx_not_500(client):
    assert client.get("/api/stories/nope").status_code == 404
    assert client.get("/api/articles/nope").json()["error"]
    assert client.get("/stories/<script>x</script>").status_code == 404
    assert "<script>x" not in client.get("/stories/<script>x</script>").text
    assert client.get("/api/stories", params={"limit": 5000}).status_code == 422
    assert client.get("/?page=abc").status_code == 422
    assert client.get("/no/such/page").headers["content-security-policy"] == SERVER_CSP


def test_query_time_limit_interrupts_slow_reads(web_db):
    from tests.web.conftest import client_for

    slow = client_for(web_db, query_seconds=0.0, progress_ops=1, cache_pages=False)
    response = slow.get("/api/stories", params={"q": "warehouses"})
    assert response.status_code == 503 and "too long" in response.json()["error"]
