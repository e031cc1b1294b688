"""The dashboard: server-rendered pages over the same ``Views`` as the API. Tables and text are in
the HTML (readable with scripts off); charts, the network and the map are drawn by small static
scripts (``static/*.js``) that read their parameters from ``data-`` attributes and fetch ``/api``.

Pages: ``/`` overview, ``/dyad/{a}/{b}``, ``/article/{id}``, ``/actor/{code}``, ``/speaker``,
``/search``, ``/map``, ``/docs`` (the API reference, from the OpenAPI schema at ``/openapi.json``).

Every template is rendered with autoescaping on: text from articles or imported files is shown as text.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, select_autoescape

from detente.cameo import PLOVER_QUAD, lookup
from detente.model import MODALITIES
from detente.serve.params import FREQS, ApiError, actor, decode_cursor, event_filters, period
from detente.serve.views import QUADS, Views

router = APIRouter(include_in_schema=False)

env = Environment(loader=PackageLoader("detente.serve", "templates"), autoescape=select_autoescape(default=True),
                  trim_blocks=True, lstrip_blocks=True)


def _cameo_name(code: str | None) -> str:
    entry = lookup(code) if code else None
    return entry.name if entry else ""


env.filters["cameo_name"] = _cameo_name
env.globals.update(QUADS=QUADS, PLOVER=sorted(PLOVER_QUAD), MODALITIES=MODALITIES, FREQS=FREQS)


def render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    from detente.serve.app import HEADERS

    html = env.get_template(template).render(request=request, path=request.url.path, **context)
    return HTMLResponse(html, status_code=status, headers=HEADERS)


def error_page(request: Request, error: ApiError) -> HTMLResponse:
    return render(request, "error.html", status=error.status, error=error)


def _views(request: Request) -> Views:
    return request.app.state.views


def _query(**params: Any) -> str:
    """A query string of the non-empty ``params`` (values escaped by ``urlencode``)."""
    return urlencode({k: v for k, v in params.items() if v not in (None, "", False, [])}, doseq=True)


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, since: str | None = None, until: str | None = None):
    v = _views(request)
    first, last = period(since, until)
    top = v.top(since=first, until=last, n=10)
    alerts = v.alerts(since=first, exact=False)["alerts"][:12]
    return render(request, "overview.html", summary=v.summary(), top=top, alerts=alerts, since=first, until=last,
                  query=_query(since=since, until=until))


@router.get("/dyad/{source}/{target}", response_class=HTMLResponse)
def dyad(request: Request, source: str, target: str, since: str | None = None, until: str | None = None,
         freq: str = "week"):
    v = _views(request)
    if freq not in FREQS:
        raise ApiError(400, f"freq {freq!r} is not one of {', '.join(FREQS)}", parameter="freq")
    a, b = actor(source, "source"), actor(target, "target")
    first, last = period(since, until)
    report = v.dyad(a, b, freq=freq, exact=False, since=first, until=last)
    a, b = report["source"], report["target"]
    directions = []
    for s, t in ((a, b), (b, a)):
        page = v.events(event_filters(source=s, target=t, since=since, until=until), 25, None)
        quoted = v.events({**event_filters(source=s, target=t, since=since, until=until), "quoted": True}, 50, None)
        directions.append({"source": s, "target": t, "events": page,
                           "search": _query(source=s, target=t, since=since, until=until), "quoted": quoted["items"]})
    ids = [e["quote_id"] for d in directions for e in d["quoted"]]
    quotes = v.quotes({"ids": ids}, 100, None)["items"] if ids else []
    return render(request, "dyad.html", report=report, directions=directions, quotes=quotes, a=a, b=b,
                  since=first, until=last, freq=freq)


@router.get("/article/{article_id:path}", response_class=HTMLResponse)
def article(request: Request, article_id: str):
    return render(request, "article.html", article=_views(request).article(article_id))


@router.get("/actor/{code}", response_class=HTMLResponse)
def actor_page(request: Request, code: str, since: str | None = None, until: str | None = None, exact: bool = False):
    v = _views(request)
    clean = actor(code, "code")
    first, last = period(since, until)
    found = v.actor(clean, exact, first, last)
    did = v.events(event_filters(source=clean, exact=exact, since=since, until=until), 20, None)
    said = v.quotes({"speaker": clean, "exact": exact, "since": first, "until": last}, 20, None)
    return render(request, "actor.html", actor=found, did=did, said=said, since=first, until=last, exact=exact,
                  search=_query(source=clean, since=since, until=until, exact=exact))


@router.get("/speaker", response_class=HTMLResponse)
def speaker(request: Request, name: str = Query("", max_length=100), cursor: str | None = None):
    v = _views(request)
    name = name.strip()
    if not name:
        raise ApiError(400, "name the speaker: /speaker?name=Lavrov", parameter="name")
    said = v.quotes({"speaker": name}, 50, decode_cursor(cursor, 3))
    did = v.events({**event_filters(), "speaker_name": name}, 50, None)
    return render(request, "speaker.html", name=name, said=said, did=did,
                  more=_query(name=name, cursor=said["next"]) if said["next"] else None)


def _filters_form(source, target, exact, code, plover, modality, dataset, since, until, q) -> dict[str, Any]:
    return {"source": source or "", "target": target or "", "exact": exact, "code": code or "",
            "plover": plover or "", "modality": modality or "", "dataset": dataset or "", "since": since or "",
            "until": until or "", "q": q or ""}


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, source: str | None = None, target: str | None = None, exact: bool = False,
           code: str | None = None, plover: str | None = None, modality: str | None = None, dataset: str | None = None,
           since: str | None = None, until: str | None = None, q: str | None = Query(None, max_length=200),
           cursor: str | None = None, limit: int = Query(50, ge=1, le=500)):
    form = _filters_form(source, target, exact, code, plover, modality, dataset, since, until, q)
    filters = event_filters(source=source, target=target, exact=exact, code=[code] if code else None,
                            plover=[plover] if plover else None, modality=[modality] if modality else None,
                            dataset=[dataset] if dataset else None, since=since, until=until, q=q)
    page = _views(request).events(filters, limit, decode_cursor(cursor, 2))
    more = _query(**form, cursor=page["next"]) if page["next"] else None
    return render(request, "search.html", form=form, page=page, more=more, api=_query(**form))


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, source: str | None = None, target: str | None = None, exact: bool = False,
             code: str | None = None, plover: str | None = None, modality: str | None = None, dataset: str | None = None,
             since: str | None = None, until: str | None = None, q: str | None = Query(None, max_length=200)):
    form = _filters_form(source, target, exact, code, plover, modality, dataset, since, until, q)
    event_filters(source=source, target=target, exact=exact, code=[code] if code else None,
                  plover=[plover] if plover else None, modality=[modality] if modality else None,
                  dataset=[dataset] if dataset else None, since=since, until=until, q=q)  # refuse bad filters here
    return render(request, "map.html", form=form, api=_query(**form))


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request):
    schema = request.app.openapi()
    return render(request, "docs.html", schema=schema)
