"""Host allowlist, write tokens, CSRF matrix, body cap and headers."""

from __future__ import annotations

import json

import pytest

from consilience.present.html import SERVER_CSP
from consilience.web.guard import split_host
from tests.web.conftest import TOKEN, client_for
from tests.web.corpus import ARTICLES

AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example", "localhost.evil", "", "[::2]"])
@pytest.mark.parametrize("path", ["/", "/api/stories", "/openapi.json", "/static/style.css", "/no/such"])
def test_foreign_host_header_is_refused_on_every_route(client, host, path):
    response = client.get(path, headers={"host": host})
    assert response.status_code == 421
    assert response.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.1:8000", "localhost:8000", "LOCALHOST", "[::1]:8000"])
def test_loopback_host_headers_are_accepted(client, host):
    assert client.get("/api/stories", headers={"host": host}).status_code == 200


def test_split_host_handles_ports_and_ipv6():
    assert split_host("Example.org:8000") == ("example.org", 8000)
    assert split_host("[::1]:80") == ("::1", 80)
    assert split_host("localhost:abc") == ("", None)


def test_writes_are_refused_without_a_configured_token(client):
    assert client.post("/api/judgements", json={"a": "x", "b": "y", "same": True}, headers=AUTH).status_code == 403
    assert client.post("/api/ingest", content=b"hello", headers=AUTH).status_code == 403


def test_write_with_wrong_or_missing_token_is_401(writable_db):
    c = client_for(writable_db, token=TOKEN)
    assert c.post("/api/ingest", content=b"x").status_code == 401
    assert c.post("/api/ingest", content=b"x", headers={"Authorization": "Bearer nope"}).status_code == 401
    assert c.post("/api/ingest", content=b"x", headers={"Authorization": TOKEN}).status_code == 401


def test_ingest_and_judgement_with_the_token_change_the_store(writable_db):
    c = client_for(writable_db, token=TOKEN)
    before = c.get("/api/articles").headers["x-total-count"]
    extra = dict(ARTICLES[3], id="web-005", title="Tarnby bridge vote praised",
                 text="Mayor Oskar Lind praised the vote on the new Selva bridge on Thursday, calling it a turning point for Tarnby.")
    response = c.post("/api/ingest", content=json.dumps(extra).encode(), headers=AUTH)
    assert response.status_code == 200, response.text
    assert response.json()["ingested"] == 1
    assert int(c.get("/api/articles").headers["x-total-count"]) == int(before) + 1
    again = c.post("/api/ingest", content=json.dumps(extra).encode(), headers=AUTH).json()
    assert again["ingested"] == 0 and again["duplicates"] == 1
    judged = c.post("/api/judgements", json={"a": "Ilse Vantor", "b": "Ilse Wantor", "same": False}, headers=AUTH)
    assert judged.status_code == 200 and judged.json()["rebuilt"] is True
    assert judged.json()["compared"] >= 1 and judged.json()["note"] is None
    entity = c.get("/api/entities/Ilse Vantor").json()
    assert "Ilse Wantor" not in entity["variants"]
    assert c.post("/api/judgements", json={"a": "", "b": "y", "same": True}, headers=AUTH).status_code == 422


CSRF_CASES = [
    ({"sec-fetch-site": "cross-site"}, 403),
    ({"sec-fetch-site": "same-site"}, 403),
    ({"origin": "http://evil.example"}, 403),
    ({"origin": "null"}, 403),
    ({"origin": "http://127.0.0.1:9999"}, 403),
    ({"origin": "http://127.0.0.1", "sec-fetch-site": "cross-site"}, 403),
    ({"origin": "http://127.0.0.1", "sec-fetch-site": "same-origin"}, 200),
    ({"sec-fetch-site": "none"}, 200),
    ({}, 200),  # a script (curl, requests) sends neither header
]


@pytest.mark.parametrize(("headers", "status"), CSRF_CASES)
def test_csrf_matrix_for_writes(writable_db, headers, status):
    c = client_for(writable_db, token=TOKEN)
    response = c.post("/api/judgements", json={"a": "Ilse Vantor", "b": "Oskar Lind", "same": False}, headers={**AUTH, **headers})
    assert response.status_code == status, response.text


def test_cross_site_reads_are_still_allowed(client):
    assert client.get("/api/stories", headers={"sec-fetch-site": "cross-site", "origin": "http://evil.example"}).status_code == 200


def test_bodies_over_two_mib_get_413_with_or_without_a_length(writable_db):
    c = client_for(writable_db, token=TOKEN)
    big = b"a" * (2 * 1024 * 1024 + 1)
    assert c.post("/api/ingest", content=big, headers=AUTH).status_code == 413

    def chunks():  # no Content-Length: the cap applies while the body streams
        for _ in range(3):
            yield b"b" * (1024 * 1024)

    assert c.post("/api/ingest", content=chunks(), headers=AUTH).status_code == 413
    assert c.post("/api/ingest", content=b"", headers=AUTH).status_code == 400


def test_headers_on_html_json_and_errors(client):
    for path in ["/", "/api/stories", "/openapi.json", "/nope", "/api/nope"]:
        response = client.get(path)
        assert response.headers["x-content-type-options"] == "nosniff", path
        assert response.headers["content-security-policy"] == SERVER_CSP, path
        assert response.headers["x-frame-options"] == "DENY"
    assert client.get("/static/style.css").headers["content-type"].startswith("text/css")


def test_csp_can_be_switched_off_for_tests_only(web_db):
    assert "content-security-policy" not in client_for(web_db, csp=False).get("/").headers


def test_run_server_refuses_a_short_token(tmp_path, web_db):
    from consilience.errors import UserInputError
    from consilience.web.app import read_token

    (tmp_path / "t").write_text("short\n")
    with pytest.raises(UserInputError):
        read_token(str(tmp_path / "t"))
    (tmp_path / "t").write_text(TOKEN + "\n")
    assert read_token(str(tmp_path / "t")) == TOKEN


def test_run_server_binds_loopback_by_default_and_warns_otherwise(web_db, monkeypatch):
    import uvicorn

    from consilience.web import app as web_app

    calls: list[dict] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append(kw))
    said: list[str] = []
    web_app.run_server(web_db, log=said.append)
    assert calls[-1]["host"] == "127.0.0.1" and calls[-1]["workers"] == 1
    assert not any("warning" in m for m in said)
    web_app.run_server(web_db, host="0.0.0.0", log=said.append)
    assert any("warning" in m and "other machines" in m for m in said)


def test_run_server_loads_the_name_tables_beside_the_server(web_db, monkeypatch):
    """The first /api/names call should not wait seconds for the place gazetteer."""
    import threading

    import uvicorn

    from consilience.names import places
    from consilience.web import app as web_app

    places._gazetteer.cache_clear()
    warming: list[threading.Thread] = []

    def fake_run(app, **kw):
        warming.extend(t for t in threading.enumerate() if t.name == "warm-names")

    monkeypatch.setattr(uvicorn, "run", fake_run)
    web_app.run_server(web_db, log=lambda m: None)
    assert warming, "no warm-up thread was running while the server started"
    warming[0].join(timeout=60)
    assert places._gazetteer.cache_info().currsize == 1
