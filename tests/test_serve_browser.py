"""The dashboard in a real browser: Playwright driving Debian's chromium (``apt-get install chromium``;
``.ci/run`` installs it; Playwright never downloads a browser of its own here) against ``detente
serve`` on the demo database (the bundled sample corpus, coded) plus the XSS articles.

The flows of the issue: the overview loads with its network drawn; the RUS–USA dyad page draws its
chart, hovering shows the values and clicking a point lists that period's events; an article shows its
highlights; the XSS articles render as text with no dialog raised. Every page is loaded at 1280×800
and at a phone's width, screenshotted under ``test-output/screenshots/`` and checked for console errors
(a Content-Security-Policy violation is one) and for a page wider than the window.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import threading
import time

import pytest

pytest.importorskip("fastapi", reason="the serve extra is not installed (pip install 'detente[serve]')")
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[dev]')")

from conftest import ROOT  # noqa: E402
from serve_db import IMG, SCRIPT, corpus  # noqa: E402

pytestmark = [pytest.mark.browser, pytest.mark.spacy]
SHOTS = ROOT / "test-output" / "screenshots"
SIZES = {"desktop": (1280, 800), "phone": (390, 844)}


def chromium() -> str:
    path = os.environ.get("DETENTE_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        pytest.skip("Debian's chromium is not installed (apt-get install chromium, as .ci/run does): browser tests skipped")
    return path


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory, pipeline):
    from detente.explain import demo_store
    from detente.store import Writer

    db = tmp_path_factory.mktemp("browser") / "demo.duckdb"
    demo_store(pipeline, str(db))
    with Writer(db, command="test") as w:  # the XSS articles beside the sample corpus
        for coded in corpus():
            if coded.article.id.startswith("xss"):
                w.add(coded)
    return db


def serving(db):
    """``detente serve`` on ``db`` in a thread, on a free port; yields its base URL."""
    import uvicorn

    from detente.serve import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def server(demo_db):
    yield from serving(demo_db)


PLACES = {"RUS": ("Moscow", 55.75, 37.62), "USA": ("Washington", 38.9, -77.04), "UKR": ("Kyiv", 50.45, 30.52),
          "CHN": ("Beijing", 39.9, 116.4), "IND": ("New Delhi", 28.61, 77.21), "ISR": ("Jerusalem", 31.77, 35.21)}


@pytest.fixture(scope="module")
def located_server(demo_db, tmp_path_factory):
    """The demo database with each event placed in its source's capital (when the source is one of six
    countries) instead of where the geo stage placed it."""
    import duckdb

    db = tmp_path_factory.mktemp("located") / "located.duckdb"
    shutil.copy(demo_db, db)
    con = duckdb.connect(str(db))
    con.execute("UPDATE events SET place_name = NULL, place_country = NULL, place_adm1 = NULL, place_lat = NULL, place_lon = NULL")
    for country, (name, lat, lon) in PLACES.items():
        con.execute("UPDATE events SET place_name = ?, place_country = ?, place_lat = ?, place_lon = ? "
                    "WHERE left(source, 3) = ?", [name, country, lat, lon, country])
    con.close()
    yield from serving(db)


@pytest.fixture(scope="module")
def browser():
    path = chromium()
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=["--no-sandbox"])
        yield b
        b.close()


class Page:
    """A page with its console errors and dialogs recorded."""

    def __init__(self, context, base: str, size: str = "desktop") -> None:
        self.page = context.new_page()
        self.base, self.size = base, size
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", self._dialog)
        # nothing may leave the machine: any request to another origin fails the test (recorded by a
        # listener, not a route: routing would turn the browser's cache off)
        self.outside: list[str] = []
        self.page.on("request", lambda r: None if r.url.startswith((base, "data:", "blob:")) else self.outside.append(r.url))

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self, path: str, ready: str | None = None):
        response = self.page.goto(self.base + path)
        assert response.status == 200, path
        if ready:
            self.page.wait_for_selector(f"{ready}[data-ready]", timeout=20_000)
        return self.page

    def shoot(self, name: str) -> None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SHOTS / f"{name}-{self.size}.png"), full_page=True)

    def check(self) -> None:
        assert self.errors == [], self.errors
        assert self.outside == [], self.outside
        overflow = self.page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"the page is {overflow}px wider than the {self.size} window"

    def close(self) -> None:
        self.page.close()


@pytest.fixture(scope="module")
def contexts(browser):
    """One browser context per window size, shared by the tests (its cache keeps plotly.js between pages)."""
    made = {size: browser.new_context(viewport={"width": w, "height": h}) for size, (w, h) in SIZES.items()}
    yield made
    for context in made.values():
        context.close()


@pytest.fixture
def page(contexts, server):
    p = Page(contexts["desktop"], server)
    yield p
    p.close()


def test_overview(page):
    pg = page.open("/", ready="#network")
    assert pg.locator("#network[data-ready=drawn]").count() == 1
    assert pg.locator("#network .annotation").count() > 0  # the arrows
    assert pg.locator("table >> nth=0").locator("tbody tr").count() > 0
    page.check()


def test_dyad_chart_hover_and_click(page):
    pg = page.open("/dyad/RUS/USA", ready="#dyad-chart")
    assert pg.locator("#dyad-chart[data-ready=drawn]").count() == 1
    points = pg.locator("#dyad-chart .scatterlayer .trace .points path")
    assert points.count() > 0
    # the highest point on screen is the period with the most acts: it has events to list
    x, y = pg.evaluate("""() => {
        const rects = [...document.querySelectorAll('#dyad-chart .scatterlayer .trace .points path')]
            .map((p) => p.getBoundingClientRect()).filter((r) => r.width > 0);
        const top = rects.reduce((a, b) => (b.y < a.y ? b : a));
        return [top.x + top.width / 2, top.y + top.height / 2];
    }""")
    pg.mouse.move(x, y)
    pg.wait_for_selector("#dyad-chart .hoverlayer .hovertext", timeout=5000)
    assert "acts" in pg.locator("#dyad-chart .hoverlayer .hovertext").first.text_content()
    pg.mouse.click(x, y)
    pg.wait_for_selector("#period-events[data-loaded] table tbody tr", timeout=10_000)
    heading = pg.locator("#period-events h3").inner_text()
    assert "→" in heading and "events" in heading
    assert pg.locator("#period-events tbody tr").count() >= 1
    assert pg.locator("ul.sentences li").first.inner_text().startswith("Reciprocity RUS–USA")
    page.check()


def test_article_highlights(page, server):
    import json
    from urllib.request import urlopen

    with urlopen(f"{server}/api/events?source=RUS&target=USA&limit=1") as r:
        article_id = json.load(r)["items"][0]["article_id"]
    pg = page.open(f"/article/{article_id}")
    for selector in ("mark.ent", "mark.trig", "mark.qt", ".label.actor", ".label.event", "ol.explained li ul.why li"):
        assert pg.locator(selector).count() > 0, selector
    assert "rule " in pg.locator("ol.explained li").first.inner_text()
    page.check()


@pytest.mark.parametrize("article_id", ["xss-1", "xss-2"])
def test_xss_articles_render_as_text(page, article_id):
    pg = page.open(f"/article/{article_id}")
    pg.wait_for_timeout(300)  # give any injected script the chance to run
    assert page.dialogs == []
    text = pg.locator("#article-text").inner_text()
    assert SCRIPT in text and IMG.strip('"') in text.replace('"', "")
    assert pg.locator("img").count() == 0
    assert SCRIPT in pg.locator("h1").inner_text() or IMG in pg.locator("h1").inner_text()
    page.check()


def test_map_draws_events_by_place(contexts, located_server):
    p = Page(contexts["desktop"], located_server)
    try:
        pg = p.open("/map", ready="#map")
        status = pg.locator("#map-status").inner_text()
        assert re.fullmatch(r"\d+ places, \d+ events\.", status) and int(status.split()[0]) == 6, status
        legend = pg.locator("#map .legend").text_content()
        assert "conflict" in legend and "cooperation" in legend
        assert pg.locator("#map .scatterlayer .trace .points path").count() >= 4
        pg.goto(located_server + "/map?source=RUS&plover=ACCUSE")
        pg.wait_for_selector("#map[data-ready]")
        assert re.fullmatch(r"1 place, \d+ events?\.", pg.locator("#map-status").inner_text())
        p.page.set_viewport_size({"width": 1280, "height": 800})
        pg.goto(located_server + "/map")
        pg.wait_for_selector("#map[data-ready]")
        p.shoot("map-located")
        p.check()
    finally:
        p.close()


PAGES = [
    ("overview", "/", "#network"),
    ("dyad", "/dyad/RUS/USA", "#dyad-chart"),
    ("article", "/article/sample-001", None),
    ("actor", "/actor/RUS", "#actor-chart"),
    ("speaker", "/speaker?name=Peskov", None),
    ("search", "/search?source=RUS", None),
    ("map", "/map", "#map"),
    ("api", "/docs", None),
    ("xss", "/article/xss-1", None),
]


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("name, path, ready", PAGES, ids=[p[0] for p in PAGES])
def test_every_page_at_desktop_and_phone_width(contexts, server, name, path, ready, size):
    p = Page(contexts[size], server, size)
    try:
        p.open(path, ready=ready)
        p.page.wait_for_timeout(200)
        p.shoot(name)
        assert p.dialogs == []
        p.check()
    finally:
        p.close()
