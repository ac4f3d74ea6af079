"""Real headless Chromium: the demo story page renders its pictures, and hostile articles run no script.

Needs Debian's chromium + chromium-driver (scripts/install-browser.sh) and selenium; skipped otherwise.
Script execution is detected three ways: a window.__pwn hook, alert/confirm/prompt hooks (both installed
before any page script via the DevTools protocol), and a canary HTTP server on 127.0.0.1 that must see no hit.
Every check runs with the server's CSP on and with it removed, and on the static report opened from file://.
"""

from __future__ import annotations

import http.server
import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.web.corpus import ARTICLES, build_db
from tests.web.payloads import payloads, urls

CHROMIUM, DRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
try:
    import selenium  # noqa: F401

    HAVE_SELENIUM = True
except ImportError:
    HAVE_SELENIUM = False

pytestmark = pytest.mark.skipif(
    not (CHROMIUM.exists() and DRIVER.exists() and HAVE_SELENIUM),
    reason="browser tests need /usr/bin/chromium, /usr/bin/chromedriver (run scripts/install-browser.sh) and selenium",
)

HOOKS = """
window.__pwned = [];
window.__pwn = function (x) { window.__pwned.push('pwn:' + x); };
window.alert = function (x) { window.__pwned.push('alert:' + x); };
window.confirm = window.alert; window.prompt = window.alert;
"""


class Canary:
    """A local HTTP server that records every request: any hit means a payload made the page load something."""

    def __init__(self) -> None:
        self.hits: list[str] = []
        hits = self.hits

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802
                hits.append(self.path)
                self.send_response(204)
                self.end_headers()

            do_POST = do_GET  # noqa: N815

            def log_message(self, *args):  # type: ignore[no-untyped-def]
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, csp: bool):  # type: ignore[no-untyped-def]
    import uvicorn

    from consilience.web.app import create_app

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db, csp=csp), host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    deadline = time.time() + 20
    while not server.started and time.time() < deadline:
        time.sleep(0.05)
    return server, f"http://127.0.0.1:{port}"


@pytest.fixture(scope="module")
def canary() -> Canary:
    return Canary()


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory, canary: Canary) -> dict:
    """A store whose articles carry every payload in title, text, outlet, author and URL."""
    evil = payloads(canary.url)
    bad_urls = urls(canary.url)
    articles = list(ARTICLES)
    chunk = 25
    for n, start in enumerate(range(0, len(evil), chunk)):
        batch = (evil[start : start + chunk] + evil)[:chunk]  # the last batch wraps round to stay full
        articles.append(
            {
                "id": f"evil-{n}",
                "title": batch[0] + " Ostrel harbour fire " + batch[1],
                "outlet": batch[2],
                "author": batch[3],
                "url": bad_urls[n % len(bad_urls)],
                "published": f"2026-05-0{2 + n % 3}T1{n % 10}:00:00+00:00",
                "text": "A fire at the Ostrel harbour destroyed 14 warehouses, Ilse Vantor said. "
                + "\n\n".join(f"Paragraph {i}: {p} said the fire service." for i, p in enumerate(batch)),
            }
        )
    folder = tmp_path_factory.mktemp("hostile")
    db = build_db(folder, articles)
    return {"db": db, "payloads": evil, "articles": articles}


@pytest.fixture(scope="module")
def driver(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-dev-shm-usage", "--window-size=1280,1600",
                 f"--user-data-dir={tmp_path_factory.mktemp('chrome-profile')}"]:
        options.add_argument(flag)
    options.set_capability("unhandledPromptBehavior", "ignore")
    browser = webdriver.Chrome(service=Service(str(DRIVER)), options=options)
    browser.set_page_load_timeout(30)
    browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": HOOKS})
    yield browser
    browser.quit()


def visit(driver, url: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Load URL, give handlers a moment, return what the hooks recorded (and any open dialog)."""
    from selenium.common.exceptions import NoAlertPresentException

    driver.get(url)
    time.sleep(0.1)
    found = []
    try:
        found.append("dialog:" + driver.switch_to.alert.text)
        driver.switch_to.alert.dismiss()
    except NoAlertPresentException:
        pass
    return found + list(driver.execute_script("return window.__pwned || ['hooks missing']"))


def hostile_urls(base: str, client_articles: list[dict], stories: list[dict], entities: list[dict], payload: str) -> list[str]:
    pages = [f"{base}/", f"{base}/articles", f"{base}/entities", f"{base}/skipped", f"{base}/?q={quote(payload)}",
             f"{base}/stories/{quote(payload, safe='')}", f"{base}/articles?q={quote(payload)}"]
    pages += [f"{base}/stories/{s['id']}" for s in stories]
    pages += [f"{base}/articles/{a['id']}" for a in client_articles]
    pages += [f"{base}/api/articles/{a['id']}" for a in client_articles[:3]]
    pages += [f"{base}/entities/{e['id']}" for e in entities[:10]]
    return pages


@pytest.mark.parametrize("csp", [True, False], ids=["csp-on", "csp-off"])
def test_hostile_articles_run_no_script_in_a_real_browser(driver, hostile, canary, csp):
    import httpx

    server, base = start_server(hostile["db"], csp)
    try:
        api = httpx.Client(base_url=base)
        assert ("content-security-policy" in api.get("/").headers) is csp
        articles = api.get("/api/articles", params={"limit": 1000}).json()
        stories = api.get("/api/stories").json()
        entities = api.get("/api/entities").json()
        evil = [a for a in articles if (a["ref"] or "").startswith("evil-")]
        assert len(evil) == len(hostile["articles"]) - len(ARTICLES)  # every hostile article was stored
        for url in hostile_urls(base, articles, stories, entities, hostile["payloads"][3]):
            assert visit(driver, url) == [], url
        # the payloads are shown as text: the page's visible title is the stored title, character for character
        from selenium.webdriver.common.by import By

        for a in evil[:3]:
            driver.get(f"{base}/articles/{a['id']}")
            assert driver.find_element(By.TAG_NAME, "h1").text == a["title"].strip()
            assert not driver.find_elements(By.CSS_SELECTOR, "main script, main img, main iframe, main object, main embed")
        assert canary.hits == []
    finally:
        server.should_exit = True


def test_static_report_from_file_url_runs_no_script(driver, hostile, canary, tmp_path):
    from consilience.present.report import write_report
    from consilience.store import Store

    with Store.open(hostile["db"], readonly=True) as store:
        index = write_report(store, tmp_path / "site")
    files = [index, *sorted((tmp_path / "site").glob("*/*.html"))]
    assert len(files) > 10
    for page in files:
        assert visit(driver, page.as_uri()) == [], page
    assert canary.hits == []


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env.pop("CONSILIENCE_DB", None)
    subprocess.run([sys.executable, "-m", "consilience", "demo", "--db", str(db)], check=True, capture_output=True, env=env, timeout=300)
    return db


def test_demo_story_page_shows_claims_table_and_both_pictures(driver, demo_db, tmp_path):
    from selenium.webdriver.common.by import By

    server, base = start_server(demo_db, csp=True)
    try:
        import httpx

        story = httpx.get(f"{base}/api/stories").json()[0]  # the largest story
        detail = httpx.get(f"{base}/api/stories/{story['id']}").json()
        cited = Counter(sp["attributed_to"].split(" citing ")[0] for c in detail["claims"] for sp in c["support"] if sp["attributed_to"])
        most_cited = next(name for name, _ in cited.most_common() if len(name) < 27)
        assert visit(driver, f"{base}/stories/{story['id']}") == []
        table = driver.find_element(By.CSS_SELECTOR, "table.claims")
        assert len(table.find_elements(By.CSS_SELECTOR, "tbody tr")) >= 5
        statuses = {c["status"] for c in detail["claims"]}
        for status in statuses:
            assert table.find_elements(By.CSS_SELECTOR, f".badge.st-{status}"), status
        for picture in ("svg.timeline", "svg.citations"):
            svg = driver.find_element(By.CSS_SELECTOR, picture)
            assert svg.size["width"] > 300 and svg.size["height"] > 50, picture
        assert len(driver.find_elements(By.CSS_SELECTOR, "svg.timeline circle")) == len(story["articles"])
        picture = driver.find_element(By.CSS_SELECTOR, "svg.citations").text
        assert most_cited in picture
        # the stylesheet applied (CSP allows 'self' styles): the header bar is dark, not the default white
        colour = driver.execute_script("return getComputedStyle(document.querySelector('header.top')).backgroundColor")
        assert colour == "rgb(31, 52, 71)"
        target = Path(os.environ.get("CONSILIENCE_SCREENSHOT", tmp_path / "story.png"))
        driver.set_window_size(1280, 1400)
        driver.save_screenshot(str(target))
        assert target.stat().st_size > 20_000
    finally:
        server.should_exit = True
        driver.set_window_size(1280, 1600)


def test_json_api_opened_in_the_browser_is_not_rendered_as_html(driver, hostile, canary):
    server, base = start_server(hostile["db"], csp=False)
    try:
        import httpx

        evil = next(a for a in httpx.get(f"{base}/api/articles").json() if (a["ref"] or "").startswith("evil-"))
        assert visit(driver, f"{base}/api/articles/{evil['id']}") == []
        body = driver.execute_script("return document.body.innerText")
        assert json.loads(body)["id"] == evil["id"]
    finally:
        server.should_exit = True


