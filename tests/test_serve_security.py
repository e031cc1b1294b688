"""Article text and every imported field are untrusted. On articles built to attack the dashboard
(``<script>alert(1)</script>``, ``"><img src=x onerror=…>``, a ``javascript:`` URL) every page shows
the markup as text; every response carries a strict Content-Security-Policy; pages hold no inline
script; no file path comes from a request; no SQL is built from one."""

from __future__ import annotations

import ast
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the serve extra is not installed (pip install 'detente[serve]')")
from fastapi.testclient import TestClient  # noqa: E402

from conftest import ROOT  # noqa: E402
from detente.serve import create_app  # noqa: E402
from serve_db import IMG, SCRIPT, corpus, write  # noqa: E402

SERVE = ROOT / "src" / "detente" / "serve"
PAGES = ["/", "/dyad/RUS/USA", "/article/xss-1", "/article/xss-2", "/actor/RUS", "/actor/RUSGOV?exact=true",
         "/speaker?name=Peskov", "/speaker?name=Zakharova", "/search", "/search?q=criticized", "/map", "/docs"]


class Tags(HTMLParser):
    """Every element a browser would build from the page: (tag, attributes), and the text inside scripts."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.script_text: list[str] = []
        self._in_script = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.script_text.append(data)


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    with TestClient(create_app(write(tmp_path_factory.mktemp("xss") / "x.duckdb", corpus()))) as c:
        yield c


@pytest.mark.parametrize("page", PAGES)
def test_markup_from_the_data_shows_as_text(client, page):
    r = client.get(page)
    assert r.status_code == 200
    html = r.text
    parsed = Tags(html)
    assert SCRIPT not in html and "<img" not in html
    assert not [tag for tag, _ in parsed.tags if tag in ("img", "iframe", "object", "embed")]
    if page.startswith("/article/xss"):
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert "&#34;&gt;&lt;img src=x onerror=alert(2)&gt;" in html


def test_an_unsafe_url_is_not_linked(client):
    html = client.get("/article/xss-1").text
    assert "javascript:" not in html
    assert 'href="#"' in html


@pytest.mark.parametrize("page", PAGES)
def test_pages_have_no_inline_script(client, page):
    """Every <script> loads a file of this server and has no content; no inline handler attributes."""
    parsed = Tags(client.get(page).text)
    scripts = [attrs for tag, attrs in parsed.tags if tag == "script"]
    assert scripts and parsed.script_text == []
    for attrs in scripts:
        assert re.fullmatch(r"/static/[a-z]+(\.min)?\.js", attrs.get("src") or ""), attrs
    handlers = [(tag, name) for tag, attrs in parsed.tags for name in attrs if name.lower().startswith("on")]
    assert handlers == []
    assert not [attrs for tag, attrs in parsed.tags if any((v or "").strip().lower().startswith("javascript:") for v in attrs.values())]


@pytest.mark.parametrize("url", ["/", "/article/xss-1", "/api/events", "/api/nothing", "/static/detente.css", "/nothing",
                                 "/api/events?since=x", "/docs", "/openapi.json"])
def test_every_response_carries_a_strict_policy(client, url):
    headers = client.get(url).headers
    csp = dict(part.strip().split(" ", 1) for part in headers["content-security-policy"].split(";"))
    assert csp["script-src"] == "'self'"
    assert csp["default-src"] == "'none'" and csp["object-src" if "object-src" in csp else "default-src"] == "'none'"
    assert csp["frame-ancestors"] == "'none'" and csp["base-uri"] == "'none'"
    assert headers["x-content-type-options"] == "nosniff"


def test_api_answers_json_never_html(client):
    r = client.get("/api/articles/xss-1")
    assert r.headers["content-type"] == "application/json"
    assert r.json()["title"] == f"Markup {SCRIPT} in the title"  # the data itself is kept as it was


@pytest.mark.parametrize("path", [
    "/static/../app.py", "/static/%2e%2e/app.py", "/static/..%2fapp.py", "/static/world/../../app.py",
    "/static//etc/passwd", "/static/%2fetc%2fpasswd", "/static/templates/base.html", "/static/detente.css.bak",
    "/static/../../../pyproject.toml",
])
def test_no_file_path_comes_from_a_request(client, path):
    r = client.get(path)
    assert r.status_code == 404
    assert "import" not in r.text and "root:" not in r.text


def test_assets_are_a_fixed_table(client):
    names = set(client.app.state.assets)
    assert {"detente.css", "common.js", "dyad.js", "overview.js", "actor.js", "map.js", "plotly.min.js",
            "world/countries-110m.json"} <= names
    for name in names:
        assert client.get(f"/static/{name}").status_code == 200


@pytest.mark.parametrize("query", ["q=%27%20OR%201%3D1%20--", "article=x%27%20OR%20%271%27%3D%271", "q=%25", "q=_",
                                   "q=%5C"])
def test_request_values_are_values_not_sql(client, query):
    """Quotes, wildcards and backslashes in a value match themselves (no row has them), never SQL."""
    body = client.get(f"/api/events?{query}").json()
    assert body["items"] == []


def test_actor_codes_with_sql_are_refused(client):
    assert client.get("/api/events?source=RUS%27%20OR%201%3D1%20--").status_code == 400


def test_serve_builds_no_sql_and_opens_no_request_path():
    """serve/ never runs SQL itself (the store's Reader and the analyses do, with bound parameters),
    and opens no file by a name from a request (assets are listed at start-up)."""
    for path in SERVE.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        calls = {n.func.attr for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)}
        assert not calls & {"execute", "sql", "query"}, path.name
        names = {n.func.id for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)}
        assert "open" not in names, path.name


@pytest.mark.parametrize("script", sorted(p.name for p in (SERVE / "static").glob("*.js")))
def test_scripts_never_turn_data_into_markup(script):
    source = (SERVE / "static" / script).read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in source, f"{script} uses {sink}"


def test_templates_never_mark_data_safe():
    for path in (SERVE / "templates").glob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "|safe" not in text.replace(" ", "") and "autoescape false" not in text, path.name


def test_the_xss_fixture_is_what_it_claims():
    """The attack strings really are markup (so the tests above would fail on an unescaped page)."""
    assert SCRIPT.startswith("<script>") and IMG.startswith('"><img')
    assert Path(__file__).name.startswith("test_serve")
