"""What the API and the pages show, composed from the store's reader and the analyses: one object,
``Views``, over one read-only database, shared by the JSON routes and the HTML pages so both show the
same thing.

The database is opened read-only once (``detente.open``); one lock serialises the queries, because a
DuckDB connection is not safe to share between the server's worker threads and the analyses keep
temporary tables on it. Rows come back as plain dicts of JSON-ready values.

What it does not do: build SQL from a request (filters go to ``Reader`` as values), or write.
"""

from __future__ import annotations

import json
import math
import threading
from datetime import date, datetime
from pathlib import Path
from typing import Any, Callable, TypeVar

import pandas as pd

from detente.analyze.alerts import find_alerts
from detente.analyze.database import Database
from detente.analyze.dyads import dyad_report
from detente.analyze.rollup import check_actor
from detente.analyze.top import top_dyads
from detente.serve.highlight import segments
from detente.serve.params import ApiError, blame, encode_cursor

T = TypeVar("T")
QUADS = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


def plain(value: Any) -> Any:
    """A value DuckDB or pandas gave, as JSON has it (dates as ISO text, NaN as null)."""
    if value is None:
        return None
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat() if value == value.normalize() else value.isoformat()
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):  # numpy scalars
        return plain(value.item())
    return value


def row(record: dict[str, Any]) -> dict[str, Any]:
    return {k: plain(v) for k, v in record.items()}


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [row(r) for r in frame.to_dict(orient="records")]


class Views:
    """The read-only database at ``path`` and what the dashboard asks of it."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.db = Database(self.path)
        self._lock = threading.Lock()
        # the whole alerts pass, by (since, exact): the file cannot change while it is open here (DuckDB
        # lets no other process write a file a process has open), so a result stays true
        self._alerts: dict[tuple, Any] = {}

    def close(self) -> None:
        self.db.close()

    def locked(self, call: Callable[[], T]) -> T:
        with self._lock:
            return call()

    # -- lists, paged ------------------------------------------------------------------------------

    def events(self, filters: dict[str, Any], limit: int, after: tuple | None) -> dict[str, Any]:
        rows = self.locked(lambda: self.db.events_page(limit=limit + 1, after=after, **filters))
        return self._page(rows, limit, lambda r: (r["date"], r["event_id"]))

    def quotes(self, filters: dict[str, Any], limit: int, after: tuple | None) -> dict[str, Any]:
        rows = self.locked(lambda: self.db.quotes_page(limit=limit + 1, after=after, **filters))
        for r in rows:
            r["content"] = json.loads(r["content"]) if r.get("content") else []
        return self._page(rows, limit, lambda r: (r["date"], r["article_id"], r["quote_id"]))

    def articles(self, filters: dict[str, Any], limit: int, after: tuple | None) -> dict[str, Any]:
        rows = self.locked(lambda: self.db.articles_page(limit=limit + 1, after=after, **filters))
        return self._page(rows, limit, lambda r: (r["published"], r["article_id"]))

    def actors(self, text: str | None, limit: int, after: str | None) -> dict[str, Any]:
        rows = self.locked(lambda: self.db.actors(limit=limit + 1, after=after, text=text))
        return self._page(rows, limit, lambda r: (r["code"],))

    @staticmethod
    def _page(rows: list[dict[str, Any]], limit: int, key: Callable[[dict], tuple]) -> dict[str, Any]:
        """One page: ``limit`` rows and the cursor of the next page (None on the last)."""
        more = len(rows) > limit
        rows = rows[:limit]
        return {"items": [row(r) for r in rows], "limit": limit,
                "next": encode_cursor(key(rows[-1])) if more and rows else None}

    # -- single items ------------------------------------------------------------------------------

    def event(self, event_id: str) -> dict[str, Any]:
        found = self.locked(lambda: self.db.event(event_id))
        if found is None:
            raise ApiError(404, f"no event {event_id!r} in {self.path.name}", parameter="event_id")
        return explained(row(found))

    def quote(self, quote_id: str) -> dict[str, Any]:
        found = self.locked(lambda: self.db.quote(quote_id))
        if found is None:
            raise ApiError(404, f"no quotation {quote_id!r} in {self.path.name}", parameter="quote_id")
        found = row(found)
        found["content"] = json.loads(found["content"]) if found.get("content") else []
        return found

    def article(self, article_id: str) -> dict[str, Any]:
        """The article with its mentions, events (explained), quotations and the highlighted text."""
        def read():
            found = self.db.article(article_id)
            if found is None:
                return None
            return (found, self.db.mentions(article_id), self.db.events_page(limit=10_000, article=article_id),
                    self.db.quotes_page(limit=10_000, article=article_id))
        got = self.locked(read)
        if got is None:
            raise ApiError(404, f"no article {article_id!r} in {self.path.name}", parameter="article_id")
        found, mentions, events, quotes = got
        for q in quotes:
            q["content"] = json.loads(q["content"]) if q.get("content") else []
        article = row(found)
        article["mentions"] = [row(m) for m in mentions]
        article["events"] = [explained(row(e)) for e in events]
        article["quotes"] = [row(q) for q in quotes]
        article["segments"] = segments(article["text"] or "", article["mentions"], article["events"], article["quotes"])
        return article

    def actor(self, code: str, exact: bool, since, until) -> dict[str, Any]:
        clean = code.strip().upper()
        def read():
            return (self.db.actor_activity(clean, exact=exact, since=since, until=until),
                    self.db.actor_partners(clean, exact=exact, since=since, until=until),
                    self.db.quotes_page(limit=1, speaker=clean, exact=exact, since=since, until=until))
        activity, partners, spoken = self.locked(read)
        if not activity and not spoken:
            raise ApiError(404, f"no event or quotation of actor {clean!r} in {self.path.name}"
                           + (" for that period" if since or until else ""), parameter="code")
        return {"code": clean, "exact": exact, "since": plain(since), "until": plain(until),
                "activity": [row(a) for a in activity],
                "partners": {k: [row(r) for r in v] for k, v in partners.items()}}

    # -- analyses ----------------------------------------------------------------------------------

    def dyad(self, a: str, b: str, *, freq: str, exact: bool, since, until, dedup: bool = False) -> dict[str, Any]:
        """Both directions of the dyad with the reciprocity tests in words."""
        a = blame("source", lambda: check_actor(a, exact))
        b = blame("target", lambda: check_actor(b, exact))
        report = self.locked(lambda: blame("freq", lambda: dyad_report(
            self.db.con, a, b, freq=freq, both=True, exact=exact, since=since, until=until, dedup=dedup,
            with_reciprocity=a != b)))
        return {"source": a, "target": b, "freq": freq, "exact": exact, "since": plain(since), "until": plain(until),
                "series": records(report.series), "notes": list(report.notes),
                "reciprocity": report.reciprocity.to_dict() if report.reciprocity else None,
                "reciprocity_text": report.reciprocity.sentences() if report.reciprocity else []}

    def alerts(self, *, since, exact: bool, source: str | None = None, target: str | None = None) -> dict[str, Any]:
        """Alerts, most recent first; with ``source``/``target`` only those of that dyad (either way
        when both are given)."""
        key = (since, exact)
        if key not in self._alerts:
            if len(self._alerts) >= 32:
                self._alerts.clear()
            self._alerts[key] = self.locked(lambda: find_alerts(self.db.con, since=since, exact=exact))
        report = self._alerts[key]
        wanted = {source, target} - {None}
        alerts = [a.to_dict() for a in report.alerts
                  if not wanted or (len(wanted) == 2 and {a.source, a.target} == wanted)
                  or (len(wanted) == 1 and wanted & {a.source, a.target})]
        return {"since": plain(since), "dyads_checked": report.dyads_checked, "settings": report.settings, "alerts": alerts}

    def top(self, *, since, until, n: int, exact: bool = False) -> dict[str, Any]:
        found = self.locked(lambda: top_dyads(self.db.con, since=since, until=until, n=n, exact=exact))
        return {"since": plain(since), "until": plain(until), "n": n,
                "active": records(found.active), "conflictual": records(found.conflictual)}

    def places(self, filters: dict[str, Any], limit: int) -> dict[str, Any]:
        found = self.locked(lambda: (self.db.has_places(), self.db.places(limit=limit, **filters)))
        return {"located": found[0], "places": [row(p) for p in found[1]]}

    def summary(self) -> dict[str, Any]:
        return row(self.locked(self.db.date_range))


def explained(event: dict[str, Any]) -> dict[str, Any]:
    """An event row with ``explanation``: the rule that fired, how each actor code was resolved, the
    modality and what it means for counting, in words an analyst reads."""
    lines = []
    if event.get("rule"):
        lines.append(f"rule {event['rule']} ({event.get('origin') or 'pattern'})")
    for role in ("source", "target"):
        code = event.get(role)
        if code:
            how = event.get(f"{role}_via") or "as given by the dataset"
            name = event.get(f"{role}_name")
            lines.append(f"{role} {code} from “{event.get(f'{role}_text') or code}”"
                         + (f" ({name})" if name else "") + f": {how}")
        else:
            lines.append(f"no {role}")
    modality = event.get("modality") or "asserted"
    meaning = {"asserted": "counted as an act", "reported": "counted as an act",
               "planned": "an intention or threat: counted apart as a warning sign",
               "hypothetical": "possible or conditional: counted apart as a warning sign",
               "negated": "did not happen: never counted", "denied": "denied: never counted"}.get(modality, "")
    lines.append(f"modality {modality}" + (f": {meaning}" if meaning else ""))
    if event.get("quad_class") in QUADS:
        lines.append(f"quad class {event['quad_class']} ({QUADS[event['quad_class']]}), Goldstein {event.get('goldstein')}")
    event["explanation"] = lines
    return event
