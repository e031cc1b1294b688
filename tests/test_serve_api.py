"""The JSON API in-process (FastAPI's TestClient over httpx): every endpoint, its filters, paging to
the end, bad parameters (400 naming them), unknown ids (404), one error shape, an empty database,
the map's places with and without location columns, and ``detente serve``'s arguments."""

from __future__ import annotations

import shutil
from datetime import date

import duckdb
import pytest

pytest.importorskip("fastapi", reason="the serve extra is not installed (pip install 'detente[serve]')")
from fastapi.testclient import TestClient  # noqa: E402

from detente.cli import build_parser, main  # noqa: E402
from detente.serve import create_app  # noqa: E402
from detente.store import Reader, Writer  # noqa: E402
from serve_db import corpus, escalation, write  # noqa: E402

ERROR_KEYS = {"status", "code", "parameter", "message"}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return write(tmp_path_factory.mktemp("serve") / "s.duckdb", corpus())


@pytest.fixture(scope="module")
def client(db):
    with TestClient(create_app(db)) as c:
        yield c


@pytest.fixture(scope="module")
def empty(tmp_path_factory):
    path = tmp_path_factory.mktemp("empty") / "e.duckdb"
    with Writer(path, command="test"):
        pass
    with TestClient(create_app(path)) as c:
        yield c


def error_of(response, status: int, parameter: str | None):
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == ERROR_KEYS
    assert body["error"]["status"] == status
    assert body["error"]["parameter"] == parameter
    assert body["error"]["message"]
    return body["error"]


# -- every endpoint answers ------------------------------------------------------------------------

def test_summary(client):
    assert client.get("/api/summary").json() == {"first": "2021-01-04", "last": "2021-07-12", "events": 24,
                                                 "articles": 14, "quotes": 13}


@pytest.mark.parametrize("query, expected", [
    ("", 24),
    ("source=RUS", 13),  # RUSGOV counts as RUS
    ("source=RUS&exact=true", 8),
    ("source=RUSGOV&exact=true", 5),
    ("source=USA&target=RUS", 11),
    ("code=17", 5),
    ("code=17,03", 10),
    ("code=17&code=03", 10),
    ("plover=coerce", 5),
    ("modality=asserted", 24),
    ("modality=planned", 0),
    ("dataset=detente", 24),
    ("dataset=gdelt", 0),
    ("since=2021-03-01&until=2021-04-30", 6),
    ("article=a00", 2),
    ("q=criticized", 24),
    ("q=nothing+like+this", 0),
], ids=lambda v: v if isinstance(v, str) and v else "all")
def test_event_filters(client, query, expected):
    body = client.get(f"/api/events?limit=1000&{query}").json()
    assert len(body["items"]) == expected
    assert body["next"] is None


def test_events_match_the_reader(client, db):
    """The API's rows are the store's rows, in the store's order."""
    with Reader(db) as r:
        ids = list(r.events(source="RUS").event_id)
    assert [e["event_id"] for e in client.get("/api/events?source=RUS&limit=1000").json()["items"]] == ids


def test_one_event_is_explained(client):
    e = client.get("/api/events/a00:e2").json()
    assert (e["source"], e["target"], e["cameo"], e["source_name"]) == ("RUSGOV", "USA", "112", "Dmitry Peskov")
    assert e["explanation"][0] == "rule events:criticize:* (pattern)"
    assert any(line.startswith("source RUSGOV from “Russia” (Dmitry Peskov): countries.toml:1") for line in e["explanation"])
    assert "modality asserted: counted as an act" in e["explanation"]


def test_quotes(client):
    body = client.get("/api/quotes?limit=1000").json()
    assert len(body["items"]) == 13
    assert body["items"][0]["content"] == [[39, 52]]
    assert len(client.get("/api/quotes?speaker=Zakharova").json()["items"]) == 1
    assert len(client.get("/api/quotes?speaker=RUS").json()["items"]) == 13  # RUSGOV counts as RUS
    assert len(client.get("/api/quotes?article=a02").json()["items"]) == 1
    assert len(client.get("/api/quotes?since=2021-06-01&until=2021-06-10").json()["items"]) == 2
    q = client.get("/api/quotes/a00:q1").json()
    assert (q["text"], q["speaker_name"]) == ("We reject it,", "Dmitry Peskov")


def test_articles(client):
    body = client.get("/api/articles?limit=1000").json()
    assert [a["article_id"] for a in body["items"]][:2] == ["a00", "a01"]
    assert [a["article_id"] for a in body["items"]][-2:] == ["undated-1", "undated-2"]
    assert "text" not in body["items"][0]
    assert [a["article_id"] for a in client.get("/api/articles?q=markup").json()["items"]] == ["xss-1"]
    one = client.get("/api/articles/a00").json()
    assert one["text"].startswith("Russia criticized")
    assert [m["code"] for m in one["mentions"]] == ["RUS", "USA"]
    assert [e["event_id"] for e in one["events"]] == ["a00:e1", "a00:e2"]
    assert "".join(s["text"] for s in one["segments"]) == one["text"]
    marked = {s["text"]: s for s in one["segments"] if s["mention"] or s["trigger"] or s["quote"]}
    assert marked["Russia"]["labels"] == [{"kind": "actor", "text": "RUS"}]
    assert marked["criticized"]["trigger"] and marked["criticized"]["event"] == 0
    assert marked["We reject it,"]["quote"]


def test_article_ids_with_slashes_and_colons(tmp_path):
    """Article ids come from file names and record numbers (``dir/page:3``): the routes take them whole."""
    path = write(tmp_path / "ids.duckdb", [__import__("serve_db").article("feeds/page:3", date(2021, 1, 1), [("RUS", "USA", "111")])])
    with TestClient(create_app(path)) as c:
        assert c.get("/api/articles/feeds%2Fpage%3A3").json()["article_id"] == "feeds/page:3"
        assert c.get("/article/feeds/page:3").status_code == 200


def test_actors(client):
    body = client.get("/api/actors?limit=1000").json()
    codes = {a["code"]: a for a in body["items"]}
    assert set(codes) == {"RUS", "RUSGOV", "USA"}
    assert (codes["RUSGOV"]["as_source"], codes["RUSGOV"]["quotes"]) == (5, 13)
    assert [a["code"] for a in client.get("/api/actors?q=rus").json()["items"]] == ["RUS", "RUSGOV"]
    assert [a["code"] for a in client.get("/api/actors?q=peskov").json()["items"]] == ["RUSGOV"]
    one = client.get("/api/actors/RUS").json()
    sources = [a for a in one["activity"] if a["role"] == "source"]
    assert sum(a["events"] for a in sources) == 12  # dated events only: two undated RUS events are in no month
    assert one["partners"]["targets"][0]["code"] == "USA"


def test_dyad(client):
    body = client.get("/api/dyads/RUS/USA?freq=month").json()
    directions = {(r["source"], r["target"]) for r in body["series"]}
    assert directions == {("RUS", "USA"), ("USA", "RUS")}
    ab = [r for r in body["series"] if r["source"] == "RUS"]
    assert sum(r["events"] for r in ab) == 12
    assert body["reciprocity_text"][0].startswith("Reciprocity RUS–USA")
    assert client.get("/api/dyads/RUS/USA?since=2030-01-01").json()["series"] == []


def test_alerts_and_top(client, tmp_path):
    assert client.get("/api/alerts").json()["alerts"] == []
    top = client.get("/api/top?n=2").json()
    assert [(d["source"], d["target"]) for d in top["active"]] == [("RUS", "USA"), ("USA", "RUS")]
    assert top["conflictual"][0]["source"] == "USA"  # coercion (-7) outweighs criticism (-2)
    with TestClient(create_app(escalation(tmp_path / "esc.duckdb"))) as c:
        alerts = c.get("/api/alerts").json()["alerts"]
        assert [(a["kind"], a["source"], a["target"], a["week"]) for a in alerts] == [("escalation", "RUS", "USA", "2022-05-23")]
        assert len(alerts[0]["event_ids"]) == 8
        assert c.get("/api/alerts?source=USA&target=RUS").json()["alerts"] == alerts  # a dyad, either way
        assert c.get("/api/alerts?source=CHN").json()["alerts"] == []


# -- paging ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("endpoint, key, total", [
    ("/api/events", "event_id", 24), ("/api/events?source=USA", "event_id", 11), ("/api/quotes", "quote_id", 13),
    ("/api/articles", "article_id", 14), ("/api/actors", "code", 3),
])
@pytest.mark.parametrize("limit", [1, 2, 5, 1000])
def test_paging_to_the_end(client, endpoint, key, total, limit):
    """Following ``next`` from the first page gives every row once, in order, across undated rows."""
    sep = "&" if "?" in endpoint else "?"
    whole = [r[key] for r in client.get(f"{endpoint}{sep}limit=1000").json()["items"]]
    seen, cursor, pages = [], None, 0
    while True:
        url = f"{endpoint}{sep}limit={limit}" + (f"&cursor={cursor}" if cursor else "")
        body = client.get(url).json()
        assert len(body["items"]) <= limit
        seen += [r[key] for r in body["items"]]
        pages += 1
        cursor = body["next"]
        if cursor is None:
            break
        assert pages < 100
    assert seen == whole and len(seen) == total == len(set(seen))


# -- refused requests: one shape, the parameter named -----------------------------------------------

@pytest.mark.parametrize("url, parameter", [
    ("/api/events?since=yesterday", "since"),
    ("/api/events?until=2021-02-30", "until"),
    ("/api/events?since=2021-05-01&until=2021-04-01", "since"),
    ("/api/events?code=1x", "code"),
    ("/api/events?plover=SHOUT", "plover"),
    ("/api/events?modality=maybe", "modality"),
    ("/api/events?dataset=acled", "dataset"),
    ("/api/events?source=R%20U%20S", "source"),
    ("/api/events?target=%3Cb%3E", "target"),
    ("/api/events?limit=0", "limit"),
    ("/api/events?limit=1001", "limit"),
    ("/api/events?limit=ten", "limit"),
    ("/api/events?exact=perhaps", "exact"),
    ("/api/events?cursor=not-a-cursor", "cursor"),
    ("/api/events?cursor=WzEsMl0", "cursor"),  # valid base64 JSON of the wrong shape: [1, 2]
    ("/api/events?sinse=2021-01-01", "sinse"),
    ("/api/quotes?since=x", "since"),
    ("/api/quotes?cursor=WyIyMDIxLTAxLTA0IiwiYTAwIl0", "cursor"),  # an events cursor (2 parts) on quotes (3)
    ("/api/articles?until=x", "until"),
    ("/api/actors?cursor=%%%", "cursor"),
    ("/api/actors/R%20S", "code"),
    ("/api/actors/RUS?since=x", "since"),
    ("/api/dyads/RUSGOV/USA", "source"),  # rolls up to RUS: ask for RUS or add exact
    ("/api/dyads/RUS/USAGOV", "target"),
    ("/api/dyads/RUS/USA?freq=year", "freq"),
    ("/api/dyads/RUS/USA?since=2021-13-01", "since"),
    ("/api/alerts?since=x", "since"),
    ("/api/alerts?source=%3Cscript%3E", "source"),
    ("/api/top?n=0", "n"),
    ("/api/top?until=x", "until"),
    ("/api/places?code=abc", "code"),
    ("/api/places?limit=0", "limit"),
])
def test_bad_parameters_are_400_naming_them(client, url, parameter):
    error_of(client.get(url), 400, parameter)


@pytest.mark.parametrize("url, parameter", [
    ("/api/events/nope:e1", "event_id"), ("/api/quotes/nope:q1", "quote_id"), ("/api/articles/nope", "article_id"),
    ("/api/actors/CHN", "code"), ("/api/nothing", None), ("/api/events/a00:e1/more", "event_id"),
])
def test_unknown_ids_are_404(client, url, parameter):
    error_of(client.get(url), 404, parameter)


def test_other_methods_are_refused_in_the_same_shape(client):
    error_of(client.post("/api/events", json={}), 405, None)
    error_of(client.delete("/api/events/a00:e1"), 405, None)


def test_a_failure_inside_is_a_500_in_the_same_shape_without_a_traceback(db, monkeypatch):
    app = create_app(db)

    def broken(*a, **k):
        raise RuntimeError("secret internals")
    monkeypatch.setattr(app.state.views.db, "events_page", broken)
    with TestClient(app, raise_server_exceptions=False) as c:
        error = error_of(c.get("/api/events"), 500, None)
    assert "secret" not in error["message"] and error["code"] == "internal_error"


# -- an empty database -----------------------------------------------------------------------------

@pytest.mark.parametrize("url", ["/api/events", "/api/quotes", "/api/articles", "/api/actors", "/api/events?source=RUS"])
def test_empty_database_lists_are_empty(empty, url):
    assert empty.get(url).json() == {"items": [], "limit": 100, "next": None}


def test_empty_database_analyses(empty):
    assert empty.get("/api/summary").json() == {"first": None, "last": None, "events": 0, "articles": 0, "quotes": 0}
    dyad = empty.get("/api/dyads/RUS/USA").json()
    assert dyad["series"] == [] and dyad["notes"][0].startswith("no events between RUS and USA")
    assert empty.get("/api/alerts").json()["alerts"] == []
    assert empty.get("/api/top").json()["active"] == []
    assert empty.get("/api/places").json() == {"located": True, "places": []}  # an empty store has the columns (migration 2)
    error_of(empty.get("/api/actors/RUS"), 404, "code")
    for page in ("/", "/search", "/map", "/docs", "/dyad/RUS/USA"):
        assert empty.get(page).status_code == 200, page


# -- the map's places --------------------------------------------------------------------------------

def test_places_need_location_columns(db, tmp_path):
    """A store has the location columns from its migration 2 on; a file without them (here: dropped)
    gives no places and says so."""
    bare = tmp_path / "bare.duckdb"
    shutil.copy(db, bare)
    con = duckdb.connect(str(bare))
    for column in ("place_name", "place_country", "place_adm1", "place_lat", "place_lon"):
        con.execute(f"ALTER TABLE events DROP COLUMN {column}")
    con.close()
    with TestClient(create_app(bare)) as c:
        assert c.get("/api/places").json() == {"located": False, "places": []}


def test_places_by_place_and_quad_class(db, tmp_path):
    """Events are counted by place and quad class (the store's location columns, migration 2),
    filtered like every other view. The places are planted here, over the geo stage's own."""
    located = tmp_path / "located.duckdb"
    shutil.copy(db, located)
    con = duckdb.connect(str(located))
    con.execute("UPDATE events SET place_name = NULL, place_country = NULL, place_adm1 = NULL, place_lat = NULL, place_lon = NULL")
    con.execute("UPDATE events SET place_name = 'Moscow', place_country = 'RUS', place_adm1 = '48', place_lat = 55.75, "
                "place_lon = 37.62 WHERE source LIKE 'RUS%'")
    con.execute("UPDATE events SET place_name = 'Washington', place_country = 'USA', place_adm1 = 'DC', place_lat = 38.9, "
                "place_lon = -77.04 WHERE source = 'USA' AND cameo = '172'")
    con.close()
    with TestClient(create_app(located)) as c:
        body = c.get("/api/places").json()
        assert body["located"] is True
        got = {(p["place_name"], p["quad_class"]): p["events"] for p in body["places"]}
        assert got == {("Moscow", 3): 13, ("Washington", 4): 5}  # USA's 036 events have no place
        assert c.get("/api/places?source=USA").json()["places"] == [
            {"place_name": "Washington", "place_country": "USA", "place_adm1": "DC", "lat": 38.9, "lon": -77.04,
             "quad_class": 4, "events": 5}]
        assert c.get("/api/places?since=2030-01-01").json()["places"] == []


# -- read-only, and the command --------------------------------------------------------------------

def test_the_database_is_opened_read_only(client, db):
    with pytest.raises(duckdb.Error, match="read-only"):
        client.app.state.views.db.con.execute("CREATE TABLE sneaky (i INTEGER)")


def test_serve_binds_localhost_by_default(monkeypatch, db):
    called = {}
    monkeypatch.setattr("detente.serve.run", lambda path, host, port: called.update(path=str(path), host=host, port=port))
    assert build_parser().parse_args(["serve"]).host == "127.0.0.1"
    assert main(["serve", "--db", str(db)]) == 0
    assert called == {"path": str(db), "host": "127.0.0.1", "port": 8000}
    assert main(["serve", "--db", str(db), "--host", "0.0.0.0", "--port", "8123"]) == 0
    assert (called["host"], called["port"]) == ("0.0.0.0", 8123)


@pytest.mark.parametrize("args, message", [
    (["serve", "--db", "no-such.duckdb"], "no-such.duckdb: no such database"),
    (["serve", "--db", "x.duckdb", "--port", "70000"], "--port 70000: give a port from 1 to 65535"),
])
def test_serve_refuses_with_a_message(capsys, args, message):
    assert main(args) == 2
    assert message in capsys.readouterr().err


def test_every_link_of_the_pages_leads_somewhere(client):
    """Follow each internal link of the main pages once: none is a dead end or a refused request."""
    import re

    seen, broken = set(), []
    for page in ("/", "/dyad/RUS/USA", "/article/a00", "/actor/RUS", "/actor/RUSGOV?exact=true", "/speaker?name=Peskov", "/search"):
        for href in re.findall(r'href="(/[^"#]*)', client.get(page).text):
            href = href.replace("&amp;", "&")
            if href in seen or href.startswith("/static/"):
                continue
            seen.add(href)
            status = client.get(href).status_code
            if status != 200:
                broken.append((page, href, status))
    assert len(seen) > 20 and broken == []


@pytest.mark.parametrize("mentions, events, quotes, expected", [
    ([], [], [], [("Russia warned the US.", "")]),
    ([{"start": 0, "end": 6, "code": "RUS"}], [{"trigger_start": 7, "trigger_end": 13, "cameo": "130"}], [],
     [("Russia", "m:RUS"), (" ", ""), ("warned", "t:130"), (" the US.", "")]),
    # a mention inside a quotation, a span past the end clipped, an empty span ignored
    ([{"start": 14, "end": 20, "code": "USA"}, {"start": 3, "end": 3, "code": "X"}], [],
     [{"content": [[7, 99]]}], [("Russia ", ""), ("warned ", "q"), ("the US", "mq:USA"), (".", "q")]),
    # two events of one trigger show its code once
    ([], [{"trigger_start": 7, "trigger_end": 13, "cameo": "130"}, {"trigger_start": 7, "trigger_end": 13, "cameo": "130"}], [],
     [("Russia ", ""), ("warned", "t:130"), (" the US.", "")]),
], ids=["plain", "mention-and-trigger", "nested-clipped-empty", "compound"])
def test_highlight_segments(mentions, events, quotes, expected):
    from detente.serve.highlight import segments

    got = segments("Russia warned the US.", mentions, events, quotes)
    short = [(s["text"], ("m" if s["mention"] else "") + ("t" if s["trigger"] else "") + ("q" if s["quote"] else "")
              + "".join(f":{label['text']}" for label in s["labels"])) for s in got]
    assert short == expected
