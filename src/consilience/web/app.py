"""The web UI and JSON API: FastAPI routes over the shared view models, read-only unless a write token is set.

No `from __future__ import annotations` here: FastAPI resolves the route annotations, which name local aliases.
"""


import hmac
import math
import os
import re
import sqlite3
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import Depends, FastAPI, Header, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from consilience.errors import ConsilienceError, UserInputError
from consilience.present import html as pages
from consilience.present import views
from consilience.store import Store
from consilience.web import schemas
from consilience.web.guard import MAX_BODY, Guard, allowed_host_names, is_loopback

QUERY_SECONDS = 1.0  # a read that runs longer is interrupted (503), so one request cannot hold the server
PAGE_SIZE = 50
LIST_PAGE_SIZE = 100  # entity and article list pages
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass
class Settings:
    db_path: str
    token: str | None = None
    host: str = "127.0.0.1"
    csp: bool = True  # test-only switch: the browser tests prove escaping holds with the CSP removed too
    cache_pages: bool = True
    query_seconds: float = QUERY_SECONDS
    progress_ops: int = 1_000  # SQLite VM steps between time checks


class QueryTimeout(Exception):
    """A read ran past its time limit."""


@contextmanager
def open_reader(db_path: str, seconds: float, every: int = 1_000) -> Iterator[Store]:
    """A read-only connection for one request, interrupted by SQLite itself once SECONDS have passed."""
    uri = Path(db_path).resolve().as_uri() + "?mode=ro"
    conn = sqlite3.connect(uri, uri=True, check_same_thread=False, timeout=5)
    conn.row_factory = sqlite3.Row
    deadline = time.monotonic() + seconds
    conn.set_progress_handler(lambda: 1 if time.monotonic() > deadline else 0, every)
    try:
        yield Store(conn, db_path)
    except sqlite3.OperationalError as exc:
        if "interrupted" in str(exc):
            raise QueryTimeout(str(exc)) from None
        raise
    finally:
        conn.close()


class PageCache:
    """Rendered pages keyed by URL and the database's on-disk state, so any write invalidates them."""

    def __init__(self, db_path: str, size: int = 256) -> None:
        self.paths = [db_path, db_path + "-wal"]
        self.size = size
        self.items: OrderedDict[tuple[Any, ...], str] = OrderedDict()
        self.lock = threading.Lock()

    def generation(self) -> tuple[Any, ...]:
        marks: list[Any] = []
        for path in self.paths:
            try:
                st = os.stat(path)
                marks += [st.st_mtime_ns, st.st_size]
            except OSError:
                marks += [None, None]
        return tuple(marks)

    def get_or_make(self, key: tuple[Any, ...], make: Callable[[], str]) -> str:
        key = (*key, self.generation())
        with self.lock:
            if key in self.items:
                self.items.move_to_end(key)
                return self.items[key]
        value = make()
        with self.lock:
            self.items[key] = value
            while len(self.items) > self.size:
                self.items.popitem(last=False)
        return value

    def clear(self) -> None:
        with self.lock:
            self.items.clear()


def create_app(
    db_path: str | Path,
    token: str | None = None,
    host: str = "127.0.0.1",
    csp: bool = True,
    cache_pages: bool = True,
    query_seconds: float = QUERY_SECONDS,
    progress_ops: int = 1_000,
) -> Any:
    """The ASGI app: routes wrapped in the Guard (host, CSRF, body cap, headers)."""
    settings = Settings(str(db_path), token or None, host, csp, cache_pages, query_seconds, progress_ops)
    api = build_routes(settings)
    return Guard(api, allowed_host_names(host), pages.SERVER_CSP if csp else None, MAX_BODY)


def build_routes(settings: Settings) -> FastAPI:
    app = FastAPI(
        title="Consilience",
        version="0.1.0",
        description="Stories, sources, claims and names across outlets. Read-only unless the server has a write token.",
        docs_url=None,  # Swagger UI loads scripts from a CDN: no CDN, no scripts
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.settings = settings
    cache = PageCache(settings.db_path)
    write_lock = threading.Lock()
    links = pages.Links("server")

    def reader() -> Iterator[Store]:
        with open_reader(settings.db_path, settings.query_seconds, settings.progress_ops) as store:
            yield store

    Reader = Annotated[Store, Depends(reader)]
    Limit = Annotated[int, Query(ge=1, le=views.MAX_ROWS, description="rows to return (at most 1000)")]
    Offset = Annotated[int, Query(ge=0, le=10**9)]
    Text = Annotated[str | None, Query(max_length=200)]
    Key = Annotated[str, Query(min_length=1, max_length=300)]

    def page_html(request: Request, make: Callable[[], str]) -> HTMLResponse:
        if not settings.cache_pages:
            return HTMLResponse(make())
        return HTMLResponse(cache.get_or_make((request.url.path, request.url.query), make))

    # -- errors ------------------------------------------------------------------------------------------

    def problem(request: Request, status: int, message: str, hint: str | None = None) -> Response:
        if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
            return JSONResponse({"error": message, "hint": hint}, status_code=status)
        return HTMLResponse(pages.render_error_page(status, message, links), status_code=status)

    @app.exception_handler(UserInputError)
    async def _not_found(request: Request, exc: UserInputError) -> Response:
        return problem(request, 404, exc.args[0] if exc.args else "not found", exc.hint or None)

    @app.exception_handler(QueryTimeout)
    async def _slow(request: Request, exc: QueryTimeout) -> Response:
        return problem(request, 503, "the database query took too long and was stopped", "narrow the search")

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        message = {404: "no such page"}.get(exc.status_code, str(exc.detail))
        response = problem(request, exc.status_code, message)
        for k, v in (exc.headers or {}).items():
            response.headers[k] = v
        return response

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        if request.url.path.startswith("/api/"):
            details = [{"loc": [str(p) for p in e.get("loc", ())], "msg": e.get("msg")} for e in exc.errors()]
            return JSONResponse({"error": "invalid request", "hint": "see /openapi.json", "details": details}, status_code=422)
        return HTMLResponse(pages.render_error_page(422, "invalid parameters in the address", links), status_code=422)

    # -- pages -------------------------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def stories_page(
        request: Request, store: Reader, q: Text = None, entity: Text = None, outlet: Text = None,
        since: Text = None, until: Text = None, sort: str = "size", page: Annotated[int, Query(ge=1, le=10**6)] = 1,
    ) -> HTMLResponse:
        form = {
            "q": q or "", "entity": entity or "", "outlet": outlet or "",
            "since": since if since and DATE.fullmatch(since) else "",
            "until": until if until and DATE.fullmatch(until) else "",
            "sort": "recent" if sort == "recent" else "size",
        }

        def make() -> str:
            ids, total = views.search_story_ids(
                store, form["q"] or None, form["entity"] or None, form["outlet"] or None,
                form["since"] or None, form["until"] or None, form["sort"], PAGE_SIZE, (page - 1) * PAGE_SIZE,
            )
            rows = views.story_rows_for(store, ids)
            return pages.render_stories_page(
                rows, links, form=form, total=total, page=page, pages=max(1, math.ceil(total / PAGE_SIZE)),
                outlets=views.outlet_names(store), query_string=lambda n: urlencode({**form, "page": n}),
            )

        return page_html(request, make)

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(request: Request, story_id: str, store: Reader) -> HTMLResponse:
        def make() -> str:
            view = views.story_detail(store, views.find_story_id(store, story_id))
            return pages.render_story_page(view, static=False, links=links)

        return page_html(request, make)

    def search_list_page(request: Request, kind: str, rows_page: Callable[..., tuple[list, int]], store: Store,
                         q: str | None, page: int) -> HTMLResponse:
        """A searchable list page (entities, articles): 100 rows a page, the query kept in the page links."""

        def make() -> str:
            rows, total = rows_page(store, q, LIST_PAGE_SIZE, (page - 1) * LIST_PAGE_SIZE)
            return pages.render_list_page(
                kind, rows, links, total=total, q=q or "", page=page, pages=max(1, math.ceil(total / LIST_PAGE_SIZE)),
                query_string=lambda n: urlencode({"q": q or "", "page": n}),
            )

        return page_html(request, make)

    @app.get("/entities", response_class=HTMLResponse, include_in_schema=False)
    def entities_page(request: Request, store: Reader, q: Text = None, page: Annotated[int, Query(ge=1, le=10**6)] = 1) -> HTMLResponse:
        return search_list_page(request, "entities", views.entity_rows_page, store, q, page)

    @app.get("/entities/{entity_id}", response_class=HTMLResponse, include_in_schema=False)
    def entity_page(request: Request, entity_id: str, store: Reader) -> HTMLResponse:
        def make() -> str:
            return pages.render_entity_page(views.entity_detail(store, views.find_entity(store, entity_id, fuzzy=False)), links)

        return page_html(request, make)

    @app.get("/articles", response_class=HTMLResponse, include_in_schema=False)
    def articles_page(request: Request, store: Reader, q: Text = None, page: Annotated[int, Query(ge=1, le=10**6)] = 1) -> HTMLResponse:
        return search_list_page(request, "articles", views.article_rows_page, store, q, page)

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, article_id: str, store: Reader) -> HTMLResponse:
        def make() -> str:
            return pages.render_article_page(views.article_detail(store, store.find_article(article_id)), links)

        return page_html(request, make)

    @app.get("/skipped", response_class=HTMLResponse, include_in_schema=False)
    def skipped_page(request: Request, store: Reader) -> HTMLResponse:
        def make() -> str:
            rows = views.skipped_rows(store)
            return pages.render_list_page("skipped", rows[: views.MAX_ROWS], links, total=len(rows))

        return page_html(request, make)

    @app.get("/static/style.css", include_in_schema=False)
    def stylesheet() -> Response:
        return Response(pages.stylesheet(), media_type="text/css", headers={"cache-control": "max-age=3600"})

    # -- JSON API: reads ---------------------------------------------------------------------------------

    @app.get("/api/stories", response_model=list[schemas.StoryRow], tags=["read"])
    def api_stories(
        response: Response, store: Reader, q: Text = None, entity: Text = None, outlet: Text = None,
        since: Text = None, until: Text = None, sort: Annotated[str, Query(pattern="^(size|recent)$")] = "size",
        limit: Limit = 100, offset: Offset = 0,
    ) -> list[dict[str, Any]]:
        """Stories, largest first (or most recent first), filtered; the total is in X-Total-Count."""
        ids, total = views.search_story_ids(store, q, entity, outlet, since, until, sort, limit, offset)
        response.headers["x-total-count"] = str(total)
        return views.story_rows_for(store, ids)

    @app.get("/api/stories/{story_id}", response_model=schemas.StoryDetail, tags=["read"],
             responses={404: {"model": schemas.Problem}})
    def api_story(story_id: str, store: Reader) -> dict[str, Any]:
        """One story's comparison: sources, entities, claims, discrepancies."""
        return views.story_detail(store, views.find_story_id(store, story_id))

    @app.get("/api/entities", response_model=list[schemas.EntityRow], tags=["read"])
    def api_entities(response: Response, store: Reader, q: Text = None, limit: Limit = 100, offset: Offset = 0) -> list[dict[str, Any]]:
        """Entities, most mentioned first; the total is in X-Total-Count."""
        rows, total = views.entity_rows_page(store, q, limit, offset)
        response.headers["x-total-count"] = str(total)
        return rows

    @app.get("/api/entities/{entity_id}", response_model=schemas.EntityDetail, tags=["read"],
             responses={404: {"model": schemas.Problem}})
    def api_entity(entity_id: str, store: Reader) -> dict[str, Any]:
        """One entity: variants with outlets, stories, articles, timeline of events."""
        return views.entity_detail(store, views.find_entity(store, entity_id, fuzzy=False))

    @app.get("/api/articles", response_model=list[schemas.ArticleRow], tags=["read"])
    def api_articles(response: Response, store: Reader, q: Text = None, limit: Limit = 100, offset: Offset = 0) -> list[dict[str, Any]]:
        """Articles by publication date; the total is in X-Total-Count."""
        rows, total = views.article_rows_page(store, q, limit, offset)
        response.headers["x-total-count"] = str(total)
        return rows

    @app.get("/api/articles/{article_id}", response_model=schemas.ArticleDetail, tags=["read"],
             responses={404: {"model": schemas.Problem}})
    def api_article(article_id: str, store: Reader) -> dict[str, Any]:
        """One article whole, with its mentions and claims."""
        return views.article_detail(store, store.find_article(article_id))

    @app.get("/api/names", response_model=schemas.NameResult, tags=["read"])
    def api_names(a: Key, b: Key) -> dict[str, Any]:
        """Do names A and B denote the same entity, across scripts and transliterations?"""
        from consilience.names import compare_names

        match = compare_names(a, b)
        return {"same": bool(match.same), "score": float(match.score), "why": match.why, "kind": match.kind}

    # -- JSON API: writes (Bearer token) -----------------------------------------------------------------

    def authorise(authorization: Annotated[str | None, Header()] = None) -> None:
        if not settings.token:
            raise StarletteHTTPException(403, "this server is read-only (start it with --token-file to allow writes)")
        scheme, _, given = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), settings.token.encode()):
            raise StarletteHTTPException(401, "a valid 'Authorization: Bearer <token>' header is required",
                                         headers={"www-authenticate": "Bearer"})

    write_errors = {401: {"model": schemas.Problem}, 403: {"model": schemas.Problem}, 413: {"model": schemas.Problem}}

    @app.post("/api/ingest", response_model=schemas.IngestResult, tags=["write"], responses=write_errors,
              dependencies=[Depends(authorise)],
              openapi_extra={"requestBody": {"required": True, "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}}})
    async def api_ingest(request: Request) -> dict[str, Any]:
        """Ingest a body in any input format (text, html, jsonl, rss/atom, warc, gzip), then analyse."""
        from starlette.concurrency import run_in_threadpool

        body = await request.body()
        if not body.strip():
            raise StarletteHTTPException(400, "empty body: send an article or a batch in any input format")
        return await run_in_threadpool(ingest_body, body)

    def ingest_body(body: bytes) -> dict[str, Any]:
        from consilience.pipeline import analyse, ingest

        with write_lock, Store.open(settings.db_path) as store:
            report = ingest(store, ["-"], stdin=body)
            if report.ingested:
                analyse(store)
        cache.clear()
        return report.to_json()

    @app.post("/api/judgements", response_model=schemas.JudgementResult, tags=["write"], responses=write_errors,
              dependencies=[Depends(authorise)])
    def api_judgement(judgement: schemas.JudgementIn) -> dict[str, Any]:
        """Record that two names (or entity ids) are, or are not, one entity; entities are rebuilt
        and the stories they touch compared again (`note` says why a judgement had no effect)."""
        from consilience.pipeline import apply_judgements
        from consilience.present.views import judgement_outcome
        from consilience.store.analysis import add_judgement

        with write_lock, Store.open(settings.db_path) as store:
            add_judgement(store, judgement.a, judgement.b, judgement.same)
            compared = apply_judgements(store)
            note = judgement_outcome(store, judgement.a, judgement.b, judgement.same)
        cache.clear()
        return {"a": judgement.a, "b": judgement.b, "same": judgement.same, "rebuilt": True,
                "compared": compared, "note": note}  # fmt: skip

    return app


def read_token(token_file: str | None) -> str | None:
    """The write token from its file; a user error when the file is unreadable, empty or too short to be secret."""
    if not token_file:
        return None
    try:
        token = Path(token_file).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as exc:
        raise UserInputError(f"cannot read the token file {token_file}: {exc}", "give a readable file with one line") from None
    if len(token) < 16 or any(c.isspace() for c in token):
        raise UserInputError(
            f"the token in {token_file} is too short or has spaces",
            "write one long random line, e.g. python -c 'import secrets; print(secrets.token_urlsafe(32))'",
        )
    return token


def warm_name_tables() -> None:
    """Load the tables name comparison reads (the place gazetteer above all) into memory."""
    from consilience.names import compare_names

    compare_names("Minsk", "Мінск")


def run_server(
    db_path: str | Path,
    host: str = "127.0.0.1",
    port: int = 8000,
    token_file: str | None = None,
    log: Callable[[str], None] = print,
) -> None:
    """Serve the UI and API with uvicorn (one worker); warn when reachable from other machines."""
    import uvicorn

    Store.open(db_path, readonly=True).close()  # a missing database is a user error; migrations run once here
    token = read_token(token_file)
    if not is_loopback(host):
        log(f"warning: binding {host} makes the server reachable from other machines; the data is not access-controlled")
    try:
        if token_file and os.stat(token_file).st_mode & 0o077:
            log(f"warning: {token_file} is readable by other users; chmod 600 it")
    except OSError:
        pass
    app = create_app(db_path, token=token, host=host)
    # The place gazetteer takes seconds to load; load it now, beside the server, so the first
    # /api/names call is not the one that waits.
    threading.Thread(target=warm_name_tables, name="warm-names", daemon=True).start()
    shown = f"[{host}]" if ":" in host else host
    log(f"serving {db_path} at http://{shown}:{port}/ ({'writes allowed with the token' if token else 'read-only'}); Ctrl-C stops")
    try:
        uvicorn.run(app, host=host, port=port, workers=1, log_level="warning", server_header=False,
                    proxy_headers=False, timeout_keep_alive=5, limit_concurrency=200)
    except OSError as exc:
        raise ConsilienceError(f"cannot listen on {host}:{port}: {exc}") from None
