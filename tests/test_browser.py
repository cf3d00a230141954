"""The pages in a real browser: headless Chromium (Debian's /usr/bin/chromium) driven by playwright.

A real server (uvicorn, loopback, free port) serves a small store of hand-annotated stories.
"""

from __future__ import annotations

import os
import socket
import threading
import time

import pytest

CHROMIUM = "/usr/bin/chromium"
pytestmark = pytest.mark.skipif(
    not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is absent (apt-get install -y chromium); CI installs it"
)

from web_records import build_store  # noqa: E402
from wirecoder.settings import Settings  # noqa: E402


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve_store(db: str):
    """Serve the store `db` on a free loopback port: yield its URL once it answers, stop it after."""
    import httpx
    import uvicorn

    from wirecoder.api import create_app

    port = _free_port()
    app = create_app(db, settings=Settings(db=db))
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            if httpx.get(url + "/openapi.json", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.1)
    else:
        pytest.fail("server did not start")
    yield url
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    yield from serve_store(build_store(tmp_path_factory.mktemp("browser") / "news.duckdb"))


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"],
        )
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    pg = context.new_page()
    pg.csp_violations = []  # console messages about blocked content: there must be none
    pg.on("console", lambda m: pg.csp_violations.append(m.text) if "Content Security Policy" in m.text else None)
    pg.set_default_timeout(15_000)
    yield pg
    context.close()


def test_clicking_a_statement_shows_its_details(server, page):
    page.goto(server + "/articles/tass-prisoners")
    detail = page.locator("#statement-1")
    assert detail.is_hidden()
    page.locator('#article-text .statement-content[data-statement="1"]').first.click()
    assert detail.is_visible()
    assert detail.locator(".speaker-name").inner_text() == "Dmitry Peskov"
    assert detail.locator(".cue").inner_text() == "added"
    assert "We still hope that the agreement will be honoured," in detail.locator(".content").inner_text()
    assert page.locator("#statement-0").is_hidden()
    # The clicked statement's pieces are outlined, the others not.
    assert page.locator('#article-text [data-statements="1"].active').count() >= 1
    assert page.locator('#article-text [data-statements="0"].active').count() == 0

    page.locator('#article-text .statement-content[data-statement="2"]').first.click()
    assert page.locator("#statement-2").is_visible() and detail.is_hidden()
    assert page.locator("#statement-2 .speaker-name").inner_text() == "Russian Defense Ministry"
    # The side list opens a statement too.
    page.locator('.speaker-list button[data-statement="0"]').click()
    assert page.locator("#statement-0").is_visible()
    assert page.csp_violations == []


def test_event_trigger_has_its_codes_on_hover(server, page):
    page.goto(server + "/articles/tass-prisoners")
    struck = page.locator('#article-text .event[data-event="1"]')
    assert struck.inner_text() == "struck"
    title = struck.get_attribute("title")
    assert "UKRMIL" in title and "CAMEO 195" in title and "quad 4" in title
    grey = page.locator("#article-text .defect").first
    assert grey.inner_text() == "All news"
    assert grey.evaluate("e => getComputedStyle(e).color") != page.locator("#article-text").evaluate(
        "e => getComputedStyle(e).color")


def test_script_in_a_story_is_text_and_never_runs(server, page):
    page.goto(server + "/articles/geneva-ceasefire")
    assert "<script>window.__pwned = true;</script>" in page.locator("#article-text").inner_text()
    assert page.evaluate("() => window.__pwned") is None
    assert page.locator("#article-text script, #article-text b").count() == 0
    assert page.title().startswith("Armenia and Azerbaijan extend <b>ceasefire</b>")


def test_events_page_draws_timeline_and_network_and_filters(server, page):
    page.goto(server + "/events")
    page.wait_for_selector("#timeline svg rect.bar")
    page.wait_for_selector("#network svg g.node")
    assert page.locator("#timeline svg rect.bar").count() == 6  # one bar piece per day and quad
    assert page.locator("#network svg g.node").count() >= 8
    assert page.locator("#network svg line.edge").count() == 5
    conflict_edge = page.locator('#network line.edge[data-source="PHLMIL"]')
    assert conflict_edge.get_attribute("stroke") == "#c0392b"
    coop_edge = page.locator('#network line.edge[data-source="ARM"]')
    assert coop_edge.get_attribute("stroke") == "#2e8b57"
    assert page.locator("#event-table tbody tr").count() == 6

    page.select_option("select[name=quad]", "3")
    page.locator("#event-filters button[type=submit]").click()
    page.wait_for_url("**/events?**quad=3**")
    page.wait_for_selector("#timeline svg rect.bar")
    assert page.locator("#event-table tbody tr").count() == 2
    quads = page.locator("#timeline svg rect.bar").evaluate_all("rs => rs.map(r => r.getAttribute('data-quad'))")
    assert quads and set(quads) == {"3"}
    page.wait_for_selector("#network svg g.node")
    assert page.locator("#network svg line.edge").count() == 2
    assert page.csp_violations == []


def test_speakers_link_to_statements_and_back_to_the_article(server, page):
    page.goto(server + "/speakers")
    page.locator("a.speaker", has_text="Jay Tarriela").click()
    page.wait_for_url("**/statements?speaker_id=**")
    assert "Philippine coast guard accused Chinese vessels" in page.locator("table.statements").inner_text()
    page.locator("table.statements td.content a").first.click()
    page.wait_for_url("**/articles/manila-shoal#statement-0")
    assert page.locator("#statement-0").is_visible()  # opened from the link's #statement-0


def test_api_docs_render_offline_under_the_csp(server, page):
    asked = []
    page.on("request", lambda r: asked.append(r.url))
    page.goto(server + "/docs")
    page.wait_for_selector(".swagger-ui .opblock-summary-path")
    paths = page.locator(".swagger-ui .opblock-summary-path").all_inner_texts()
    assert any("/api/events" in p for p in paths) and any("/api/code" in p for p in paths)
    assert [u for u in asked if not u.startswith((server, "data:"))] == []  # nothing from elsewhere
    assert page.csp_violations == []
