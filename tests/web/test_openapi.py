"""Property-based API tests generated from /openapi.json with schemathesis: no 5xx, responses match the schema."""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is a test dependency (pip install schemathesis)")
from hypothesis import HealthCheck, given, settings  # noqa: E402

from consilience.web.app import create_app  # noqa: E402
from tests.web.conftest import TOKEN  # noqa: E402


def loopback_host(app):  # type: ignore[no-untyped-def]
    """Schemathesis's ASGI client says Host: testserver; the Guard's host check has its own tests."""

    async def wrapped(scope, receive, send):  # type: ignore[no-untyped-def]
        if scope["type"] == "http":
            scope = dict(scope, headers=[(k, v) for k, v in scope["headers"] if k != b"host"] + [(b"host", b"127.0.0.1")])
        await app(scope, receive, send)

    return wrapped


@pytest.fixture(scope="module")
def api_schema(web_db):  # type: ignore[no-untyped-def]
    return schemathesis.openapi.from_asgi("/openapi.json", loopback_host(create_app(web_db, token=TOKEN)))


def operations(schema, method: str):  # type: ignore[no-untyped-def]
    """The schema's operations for one HTTP method (schemathesis's pytest plugin does not load on pytest 9)."""
    found = [r.ok() for r in schema.get_all_operations()]
    return [op for op in found if op.method.upper() == method]


def test_read_api_conforms_to_its_openapi_document(api_schema):
    ops = operations(api_schema, "GET")
    assert len(ops) >= 7
    for op in ops:

        @given(case=op.as_strategy())
        @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def check(case):  # type: ignore[no-untyped-def]
            case.call_and_validate()

        check()


def test_writes_with_a_wrong_token_are_refused_for_any_body(api_schema):
    ops = operations(api_schema, "POST")
    assert len(ops) == 2
    for op in ops:

        @given(case=op.as_strategy())
        @settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def check(case):  # type: ignore[no-untyped-def]
            response = case.call(headers={"Authorization": "Bearer wrong-token-000000"})
            assert response.status_code in (401, 413, 422), response.text

        check()


def test_openapi_document_describes_every_api_route(client):
    spec = client.get("/openapi.json").json()
    paths = set(spec["paths"])
    assert {"/api/stories", "/api/stories/{story_id}", "/api/entities", "/api/entities/{entity_id}", "/api/articles",
            "/api/articles/{article_id}", "/api/names", "/api/ingest", "/api/judgements"} <= paths
    story = spec["components"]["schemas"]["StoryDetail"]
    assert {"sources", "entities", "claims", "discrepancies"} <= set(story["required"])
