"""The JSON API under ``/api`` (OpenAPI at ``/docs``): events, quotes, articles, actors, dyad series,
alerts, top dyads and places, with the filters of the command line, keyset paging (``limit``, and
``cursor`` = the ``next`` of the previous page) and one error shape (``params.ApiError``).

A query parameter the route does not know is refused (400 naming it) rather than ignored, so a typo
(``sinse``) does not silently return everything.

What it does not do: write, or accept a path or SQL from a request.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request

from detente.serve.params import FREQS, ApiError, actor, decode_cursor, event_filters, period
from detente.serve.views import Views


def _query_names(dependant) -> set[str]:
    """The query parameters a route takes, its dependencies' (the shared event filters) included."""
    names = {p.alias or p.name for p in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names


def known_parameters_only(request: Request) -> None:
    route = request.scope.get("route")
    known = _query_names(route.dependant) if route is not None else set()
    for name in request.query_params:
        if name not in known:
            raise ApiError(400, f"unknown parameter {name!r}; this endpoint takes: {', '.join(sorted(known)) or 'none'}",
                           parameter=name)


router = APIRouter(prefix="/api", dependencies=[Depends(known_parameters_only)])

Limit = Annotated[int, Query(ge=1, le=1000, description="rows per page (1-1000)")]
Cursor = Annotated[str | None, Query(description="the `next` value of the previous page")]
Since = Annotated[str | None, Query(description="first day, YYYY-MM-DD (inclusive)")]
Until = Annotated[str | None, Query(description="last day, YYYY-MM-DD (inclusive)")]
Exact = Annotated[bool, Query(description="match actor codes as coded, without rolling RUSGOV up to RUS")]
Many = Annotated[list[str] | None, Query()]


def views(request: Request) -> Views:
    return request.app.state.views


V = Annotated[Views, Depends(views)]


def _event_filters(source: str | None = Query(None, description="source actor code (RUS also matches RUSGOV unless exact)"),
                   target: str | None = Query(None, description="target actor code"),
                   exact: Exact = False,
                   code: Many = None, plover: Many = None, modality: Many = None, dataset: Many = None,
                   since: Since = None, until: Until = None,
                   article: str | None = Query(None, description="only the events of this article id"),
                   q: str | None = Query(None, max_length=200, description="text in the evidence sentence")) -> dict[str, Any]:
    """The filters of ``detente events``: ``code`` is a CAMEO prefix; ``code``, ``plover``,
    ``modality`` and ``dataset`` take several values (repeated or comma-separated)."""
    return event_filters(source=source, target=target, exact=exact, code=code, plover=plover, modality=modality,
                         dataset=dataset, since=since, until=until, article=article, q=q)


EventFilters = Annotated[dict[str, Any], Depends(_event_filters)]


@router.get("/summary", summary="What the database holds: first and last event dates, counts")
def summary(v: V) -> dict[str, Any]:
    return v.summary()


@router.get("/events", summary="Events matching the filters, paged (ordered by date, then id)")
def list_events(v: V, filters: EventFilters, limit: Limit = 100, cursor: Cursor = None) -> dict[str, Any]:
    return v.events(filters, limit, decode_cursor(cursor, 2))


@router.get("/events/{event_id:path}", summary="One event with its explanation (rule, how each actor was resolved, modality)")
def get_event(v: V, event_id: str) -> dict[str, Any]:
    return v.event(event_id)


@router.get("/quotes", summary="Quotations, paged (ordered by date, article, id)")
def list_quotes(v: V, speaker: str | None = Query(None, description="actor code (rolled up) or part of the speaker's name"),
                exact: Exact = False, since: Since = None, until: Until = None,
                article: str | None = Query(None, description="only the quotations of this article id"),
                q: str | None = Query(None, max_length=200, description="text in the quotation"),
                limit: Limit = 100, cursor: Cursor = None) -> dict[str, Any]:
    first, last = period(since, until)
    filters = {"speaker": (speaker or "").strip() or None, "exact": exact, "since": first, "until": last,
               "article": article or None, "text": (q or "").strip() or None}
    return v.quotes(filters, limit, decode_cursor(cursor, 3))


@router.get("/quotes/{quote_id:path}", summary="One quotation")
def get_quote(v: V, quote_id: str) -> dict[str, Any]:
    return v.quote(quote_id)


@router.get("/articles", summary="Articles (without text), paged (ordered by publication date, then id)")
def list_articles(v: V, since: Since = None, until: Until = None,
                  q: str | None = Query(None, max_length=200, description="text in the title"),
                  limit: Limit = 100, cursor: Cursor = None) -> dict[str, Any]:
    first, last = period(since, until)
    return v.articles({"since": first, "until": last, "text": (q or "").strip() or None}, limit, decode_cursor(cursor, 2))


@router.get("/articles/{article_id:path}", summary="One article: text, mentions, events explained, quotations, highlight segments")
def get_article(v: V, article_id: str) -> dict[str, Any]:
    return v.article(article_id)


@router.get("/actors", summary="Actor codes in the store with their event and quotation counts, paged by code")
def list_actors(v: V, q: str | None = Query(None, max_length=100, description="code prefix or part of a name"),
                limit: Limit = 100, cursor: Cursor = None) -> dict[str, Any]:
    after = decode_cursor(cursor, 1, dated=False)
    return v.actors((q or "").strip() or None, limit, after[0] if after else None)


@router.get("/actors/{code}", summary="What an actor did and had done to it per month, and its main partners")
def get_actor(v: V, code: Annotated[str, Path(description="CAMEO actor code")], exact: Exact = False,
              since: Since = None, until: Until = None) -> dict[str, Any]:
    clean = actor(code, "code")
    first, last = period(since, until)
    return v.actor(clean, exact, first, last)


@router.get("/dyads/{source}/{target}", summary="The dyad's series both ways, with the reciprocity tests")
def get_dyad(v: V, source: str, target: str, freq: Annotated[str, Query(description="day, week or month")] = "week",
             exact: Exact = False, since: Since = None, until: Until = None,
             dedup: Annotated[bool, Query(description="count clusters of reports of one event, not reports")] = False) -> dict[str, Any]:
    if freq not in FREQS:
        raise ApiError(400, f"freq {freq!r} is not one of {', '.join(FREQS)}", parameter="freq")
    first, last = period(since, until)
    return v.dyad(actor(source, "source"), actor(target, "target"), freq=freq, exact=exact, since=first, until=last,
                  dedup=dedup)


@router.get("/alerts", summary="Escalation alerts and warning signs, most recent first")
def get_alerts(v: V, since: Since = None, exact: Exact = False,
               source: str | None = Query(None, description="only alerts involving this actor (with target: that dyad, either way)"),
               target: str | None = Query(None, description="the other side of the dyad")) -> dict[str, Any]:
    first, _ = period(since, None)
    return v.alerts(since=first, exact=exact, source=actor(source, "source"), target=actor(target, "target"))


@router.get("/top", summary="The most active and the most conflictual directed dyads of a period")
def get_top(v: V, since: Since = None, until: Until = None, n: Annotated[int, Query(ge=1, le=200)] = 10,
            exact: Exact = False) -> dict[str, Any]:
    first, last = period(since, until)
    return v.top(since=first, until=last, n=n, exact=exact)


@router.get("/places", summary="Events by place and quad class, for the map (empty when the store has no locations)")
def get_places(v: V, filters: EventFilters, limit: Annotated[int, Query(ge=1, le=20000)] = 5000) -> dict[str, Any]:
    return v.places(filters, limit)

