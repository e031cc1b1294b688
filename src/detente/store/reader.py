"""Read-only queries over a store, for analysts and for ``detente events|quotes`` (STYLE.md 6: readers
open read-only).

    >>> import detente
    >>> db = detente.open("detente.duckdb")
    >>> db.events(source="RUS", target="USA", since="2021-04-01", code="17")   # a pandas DataFrame

``events`` filters: ``source``/``target`` (a country code matches its own actors too, ``RUSGOV``
counting as ``RUS``, unless ``exact``), ``code`` (a CAMEO code prefix: ``17`` is every coercion,
``173`` arrests and their sub-codes), ``plover`` (category), ``since``/``until`` (dates, inclusive),
``modality`` and ``dataset`` (one value or several); where it happened: ``country`` (ISO alpha-3
codes, one or several), ``adm1`` (GeoNames ADM1 codes: ``US.NY``, ``SY.09``), ``bbox`` (``W,S,E,N``
in degrees: events with coordinates inside; a country- or ADM1-level place has none). ``quotes`` filters on ``speaker`` (an actor code,
rolled up the same way, or part of the speaker's name) and dates. Methods returning DataFrames load the
result; ``iter_events``/``iter_quotes`` stream rows as dicts and ``to_parquet`` writes a file without
holding it in memory, for exports of any size.

What it does not do: write (a file made by an older detente is upgraded by the writer module on open,
then read read-only), or compute series and alerts (``analyze/``).
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any, Iterable, Iterator

from detente.cameo import PLOVER_QUAD
from detente.dictionaries.countries import country_codes
from detente.errors import UserInputError
from detente.export import EVENT_ROW_FIELDS
from detente.model import MODALITIES
from detente.store.connection import check_not_newer, connect, schema_version
from detente.store.schema import SCHEMA_VERSION

DATASETS = ("detente", "gdelt", "icews", "polecat")
EVENT_COLUMNS = [*EVENT_ROW_FIELDS, "run_id"]
QUOTE_COLUMNS = [
    "quote_id", "article_id", "date", "kind", "content", "text", "speaker_text", "speaker_start", "speaker_end",
    "speaker_name", "speaker_role", "speaker", "cue_start", "cue_end", "cue_lemma", "floating", "via", "run_id",
]
# the event location columns the map reads (the geo stage adds them to ``events``): the place's name,
# its country (ISO 3166 alpha-3) and first-level division (GeoNames ADM1 code), WGS84 latitude/longitude
PLACE_COLUMNS = ("place_name", "place_country", "place_adm1", "place_lat", "place_lon")
_CODE = re.compile(r"^[A-Z0-9-]{3,}$")


def _values(value: str | Iterable[str] | None) -> list[str]:
    if value is None:
        return []
    items = [value] if isinstance(value, str) else list(value)
    return [v.strip() for item in items for v in str(item).split(",") if v.strip()]


def _date(value: str | date | None, name: str) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise UserInputError(f"bad {name} {value!r}: give a date as YYYY-MM-DD") from None


def _between(where: list[str], params: list[Any], column: str, since, until) -> None:
    """Add "``column`` from ``since`` to ``until``" (either may be absent; checked as dates)."""
    for value, op, flag in ((since, ">=", "--since"), (until, "<=", "--until")):
        day = _date(value, flag)
        if day:
            where.append(f"{column} {op} ?")
            params.append(day)


def _one_of(where: list[str], params: list[Any], column: str, values: list[str], valid, what: str, plural: str) -> None:
    """Add "``column`` is one of ``values``" to the query, each value checked against ``valid``."""
    for v in values:
        if v not in valid:
            raise UserInputError(f"unknown {what} {v!r}; {plural}: {', '.join(valid)}")
    if values:
        where.append(f"{column} IN (SELECT unnest(?))")
        params.append(values)


def parse_bbox(value: str | Iterable[float]) -> tuple[float, float, float, float]:
    """``W,S,E,N`` (degrees) -> four floats, checked: west and east in -180..180, south <= north in
    -90..90 (a box crossing the antimeridian has west > east)."""
    items = value.split(",") if isinstance(value, str) else list(value)
    try:
        w, s, e, n = (float(x) for x in items)
    except (TypeError, ValueError):
        raise UserInputError(f"bad bounding box {value!r}: give W,S,E,N in degrees, e.g. 35.5,35.5,38.5,37.5") from None
    if not (-180 <= w <= 180 and -180 <= e <= 180 and -90 <= s <= n <= 90):
        raise UserInputError(f"bad bounding box {value!r}: W and E in -180..180, S <= N in -90..90")
    return w, s, e, n


def _in_filter(where: list[str], params: list[Any], column: str, values, pattern: str, what: str, expected: str) -> None:
    """``column IN (values)``, upper-cased, each checked against ``pattern`` (a bad one is a user error)."""
    values = [v.upper() for v in values]
    for v in values:
        if not re.fullmatch(pattern, v):
            raise UserInputError(f"bad {what} {v!r}: give {expected}")
    if values:
        where.append(f"{column} IN (" + ", ".join("?" for _ in values) + ")")
        params += values


def _place_filters(where: list[str], params: list[Any], country, adm1, bbox) -> None:
    _in_filter(where, params, "e.place_country", _values(country), r"[A-Z]{3}", "country", "an ISO 3166 alpha-3 code (SYR, USA)")
    _in_filter(where, params, "e.place_adm1", _values(adm1), r"[A-Z]{2}\.[A-Z0-9]{1,3}", "ADM1 code",
               "a GeoNames ADM1 code, country and region (US.NY, SY.09)")
    if bbox is not None:
        w, s, e, n = parse_bbox(bbox)
        lon = "e.place_lon BETWEEN ? AND ?" if w <= e else "(e.place_lon >= ? OR e.place_lon <= ?)"
        where.append(f"(e.place_lat BETWEEN ? AND ? AND {lon})")
        params += [s, n, w, e]


def _like(text: str) -> str:
    """``text`` for an ILIKE pattern, its own ``%``, ``_`` and ``\\`` taken literally."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _after(where: list[str], params: list[Any], first: str, rest: list[str], after: tuple) -> None:
    """Keyset paging: rows strictly after ``after`` in the order ``first NULLS LAST, *rest`` (``first``
    may be NULL, the ``rest`` never are). Column names are this module's constants, never a caller's."""
    head, tail = after[0], list(after[1:])
    steps, tail_params = [], []
    for i, column in enumerate(rest):  # (rest) > (tail) lexicographically
        steps.append("(" + " AND ".join([*(f"{c} = ?" for c in rest[:i]), f"{column} > ?"]) + ")")
        tail_params += [*tail[:i], tail[i]]
    later = " OR ".join(steps)
    if head is None:
        where.append(f"({first} IS NULL AND ({later}))")
        params += tail_params
    else:
        where.append(f"({first} > ? OR ({first} = ? AND ({later})) OR {first} IS NULL)")
        params += [head, head, *tail_params]


def actor_clause(column: str, code: str, exact: bool = False) -> tuple[str, list[Any]]:
    """SQL matching an actor code: exactly, or for a country code also every code that rolls up to it
    (first three letters a country of detente's country table: ``RUSGOV`` counts as ``RUS``)."""
    code = code.strip().upper()
    if not exact and code in country_codes() and len(code) == 3:
        return f"({column} = ? OR starts_with({column}, ?))", [code, code]
    return f"{column} = ?", [code]


class Reader:
    """A read-only view of the store at ``path`` (``detente.open(path)``)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        con = connect(self.path, read_only=True)
        version = schema_version(con, self.path)
        check_not_newer(version, self.path)
        if version < SCHEMA_VERSION:  # made by an older detente: the writer module upgrades it first
            con.close()
            from detente.store.writer import upgrade

            upgrade(self.path)
            con = connect(self.path, read_only=True)
        self.con = con

    # -- events ------------------------------------------------------------------------------------

    def _event_query(self, source=None, target=None, code=None, plover=None, since=None, until=None, modality=None,
                     dataset=None, exact=False, with_added=False, article=None, text=None, quoted=False,
                     speaker_name=None, after=None, limit=None, ids_only=False, country=None, adm1=None,
                     bbox=None) -> tuple[str, list[Any]]:
        where: list[str] = []
        params: list[Any] = []
        _place_filters(where, params, country, adm1, bbox)
        if quoted:
            where.append("e.quote_id IS NOT NULL")
        if speaker_name:
            where.append("e.source_name ILIKE ?")
            params.append(f"%{_like(speaker_name)}%")
        if article:
            where.append("e.article_id = ?")
            params.append(article)
        if text:
            where.append("e.sentence_text ILIKE ?")
            params.append(f"%{_like(text)}%")
        if after is not None:
            _after(where, params, "e.date", ["e.event_id"], after)
        for column, value in (("e.source", source), ("e.target", target)):
            if value:
                sql, p = actor_clause(column, value, exact)
                where.append(sql)
                params += p
        codes = _values(code)
        for c in codes:
            if not re.fullmatch(r"\d{2,4}", c):
                raise UserInputError(f"bad CAMEO code {c!r}: codes are 2-4 digits (17, 173, 0841)")
        if codes:
            where.append("(" + " OR ".join("starts_with(e.cameo, ?)" for _ in codes) + ")")
            params += codes
        _one_of(where, params, "e.plover", [p.upper() for p in _values(plover)], PLOVER_QUAD, "PLOVER category", "categories")
        _one_of(where, params, "e.modality", _values(modality), MODALITIES, "modality", "modalities")
        _one_of(where, params, "e.dataset", _values(dataset), DATASETS, "dataset", "datasets")
        _between(where, params, "e.date", since, until)
        columns = "e.event_id" if ids_only else ", ".join(f'e."{c}"' for c in EVENT_COLUMNS)
        extra = ", r.started_at AS added" if with_added else ""
        sql = (f"SELECT {columns}{extra} FROM events e" + (" LEFT JOIN runs r ON r.run_id = e.run_id" if with_added else "")
               + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY e.date NULLS LAST, e.event_id")
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        return sql, params

    def events(self, **filters: Any):
        """Events matching ``filters`` (see the module docstring) as a pandas DataFrame."""
        sql, params = self._event_query(**filters)
        return self.con.execute(sql, params).df()

    def iter_events(self, *, with_added: bool = False, batch: int = 10_000, **filters: Any) -> Iterator[dict[str, Any]]:
        """Events matching ``filters`` as dicts, streamed ``batch`` rows at a time; ``with_added`` adds
        the ``added`` time of the run that stored each (GDELT's DATEADDED)."""
        sql, params = self._event_query(with_added=with_added, **filters)
        yield from self._stream(sql, params, batch)

    # -- quotes ------------------------------------------------------------------------------------

    def _quote_query(self, speaker=None, since=None, until=None, exact=False, article=None, ids=None, text=None,
                     after=None, limit=None) -> tuple[str, list[Any]]:
        where: list[str] = []
        params: list[Any] = []
        if article:
            where.append("article_id = ?")
            params.append(article)
        if ids is not None:
            where.append("quote_id IN (SELECT unnest(?))")
            params.append(list(ids))
        if text:
            where.append("text ILIKE ?")
            params.append(f"%{_like(text)}%")
        if after is not None:
            _after(where, params, "date", ["article_id", "quote_id"], after)
        if speaker:
            if _CODE.match(speaker.strip()):
                sql, p = actor_clause("speaker", speaker, exact)
                where.append(sql)
                params += p
            else:
                where.append("(speaker_name ILIKE ? OR speaker_text ILIKE ?)")
                params += [f"%{speaker.strip()}%"] * 2
        _between(where, params, "date", since, until)
        columns = ", ".join(f'"{c}"' for c in QUOTE_COLUMNS)
        sql = (f"SELECT {columns} FROM quotes" + (" WHERE " + " AND ".join(where) if where else "")
               + " ORDER BY date NULLS LAST, article_id, quote_id")
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        return sql, params

    def quotes(self, **filters: Any):
        """Quotations matching ``speaker``/``since``/``until`` as a pandas DataFrame."""
        sql, params = self._quote_query(**filters)
        return self.con.execute(sql, params).df()

    def iter_quotes(self, *, batch: int = 10_000, **filters: Any) -> Iterator[dict[str, Any]]:
        sql, params = self._quote_query(**filters)
        yield from self._stream(sql, params, batch)

    # -- the rest ----------------------------------------------------------------------------------

    def articles(self):
        """Stored articles (without their text, which ``sql`` can fetch) as a DataFrame."""
        return self.con.execute(
            "SELECT article_id, run_id, title, url, outlet, published, language, n_mentions, n_events, n_quotes, n_problems, failed "
            "FROM articles ORDER BY published NULLS LAST, article_id").df()

    def article(self, article_id: str) -> dict[str, Any] | None:
        """One stored article with its text, or None."""
        return self._one("SELECT article_id, title, url, outlet, published, language, text, n_mentions, n_events, n_quotes, "
                         "n_problems, failed FROM articles WHERE article_id = ?", [article_id])

    def articles_page(self, *, limit: int, after: tuple | None = None, since=None, until=None,
                      text: str | None = None) -> list[dict[str, Any]]:
        """Articles (no text) published in [since, until] whose title contains ``text``, in the order of
        ``articles()``, ``limit`` rows after the key ``after`` (``(published, article_id)``)."""
        where: list[str] = []
        params: list[Any] = []
        _between(where, params, "published", since, until)
        if text:
            where.append("title ILIKE ?")
            params.append(f"%{_like(text)}%")
        if after is not None:
            _after(where, params, "published", ["article_id"], after)
        sql = ("SELECT article_id, title, url, outlet, published, language, n_mentions, n_events, n_quotes, n_problems, failed "
               "FROM articles" + (" WHERE " + " AND ".join(where) if where else "")
               + " ORDER BY published NULLS LAST, article_id LIMIT ?")
        return self._all(sql, [*params, int(limit)])

    def mentions(self, article_id: str) -> list[dict[str, Any]]:
        """The actor mentions of one article, in text order."""
        return self._all('SELECT n, start, "end", text, code, kind, via, name, resolution FROM mentions '
                         'WHERE article_id = ? ORDER BY start, n', [article_id])

    def event(self, event_id: str) -> dict[str, Any] | None:
        """One event (every column of the store's ``events`` contract), or None."""
        columns = ", ".join(f'"{c}"' for c in EVENT_COLUMNS)
        return self._one(f"SELECT {columns} FROM events WHERE event_id = ?", [event_id])

    def quote(self, quote_id: str) -> dict[str, Any] | None:
        columns = ", ".join(f'"{c}"' for c in QUOTE_COLUMNS)
        return self._one(f"SELECT {columns} FROM quotes WHERE quote_id = ?", [quote_id])

    def events_page(self, *, limit: int, after: tuple | None = None, **filters: Any) -> list[dict[str, Any]]:
        """``limit`` events matching ``filters`` after the key ``after`` (``(date, event_id)`` of the last
        row of the previous page), in the order of ``events()``: keyset paging, as fast at the end of
        a large table as at its start."""
        # two steps: the page's ids (the scan reads only the filtered and sorted columns), then their
        # rows by key; reading every column of every match to keep 100 was three times slower on 1M events
        sql, params = self._event_query(after=after, limit=limit, ids_only=True, **filters)
        ids = [r[0] for r in self.con.execute(sql, params).fetchall()]
        if not ids:
            return []
        columns = ", ".join(f'"{c}"' for c in EVENT_COLUMNS)
        marks = ", ".join("?" for _ in ids)
        return self._all(f"SELECT {columns} FROM events WHERE event_id IN ({marks}) ORDER BY date NULLS LAST, event_id", ids)

    def quotes_page(self, *, limit: int, after: tuple | None = None, **filters: Any) -> list[dict[str, Any]]:
        """``limit`` quotations after the key ``(date, article_id, quote_id)``, in the order of ``quotes()``."""
        sql, params = self._quote_query(after=after, limit=limit, **filters)
        return self._all(sql, params)

    def actors(self, *, limit: int, after: str | None = None, text: str | None = None) -> list[dict[str, Any]]:
        """Actor codes found in the store, in code order after ``after``, with how many events each is the
        source and the target of and how many quotations it speaks; ``text`` keeps codes starting with
        it or whose actor text or name contains it."""
        where: list[str] = []
        params: list[Any] = []
        if text:
            where.append("(starts_with(code, ?) OR names ILIKE ?)")
            params += [text.upper(), f"%{_like(text)}%"]
        if after is not None:
            where.append("code > ?")
            params.append(after)
        sql = ("WITH seen AS ("
               "SELECT source AS code, 1 AS as_source, 0 AS as_target, 0 AS speaks, coalesce(source_name, source_text) AS name "
               "FROM events WHERE source IS NOT NULL "
               "UNION ALL SELECT target, 0, 1, 0, coalesce(target_name, target_text) FROM events WHERE target IS NOT NULL "
               "UNION ALL SELECT speaker, 0, 0, 1, coalesce(speaker_name, speaker_text) FROM quotes WHERE speaker IS NOT NULL), "
               "actors AS (SELECT code, sum(as_source)::BIGINT AS as_source, sum(as_target)::BIGINT AS as_target, "
               "sum(speaks)::BIGINT AS quotes, string_agg(DISTINCT name, ' | ') AS names FROM seen GROUP BY code) "
               "SELECT code, as_source, as_target, quotes, names FROM actors"
               + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY code LIMIT ?")
        return self._all(sql, [*params, int(limit)])

    def actor_activity(self, code: str, *, exact: bool = False, since=None, until=None) -> list[dict[str, Any]]:
        """What ``code`` (rolled up like ``events``) did and had done to it per month: one row per month,
        ``role`` (``source`` or ``target``) and quad class with the count and Goldstein sum."""
        rows: list[dict[str, Any]] = []
        for role in ("source", "target"):
            where, params = [], []
            sql, p = actor_clause(f"e.{role}", code, exact)
            where.append(sql)
            params += p
            _between(where, params, "e.date", since, until)
            rows += self._all(
                f"SELECT date_trunc('month', e.date)::DATE AS month, '{role}' AS role, e.quad_class, count(*) AS events, "
                "sum(e.goldstein) AS goldstein FROM events e WHERE e.date IS NOT NULL AND " + " AND ".join(where)
                + " GROUP BY ALL ORDER BY month, e.quad_class", params)
        return rows

    def actor_partners(self, code: str, *, exact: bool = False, since=None, until=None, n: int = 10) -> dict[str, list[dict[str, Any]]]:
        """The codes ``code`` acts on most (``targets``) and that act on it most (``sources``), as coded."""
        out = {}
        for role, other, key in (("source", "target", "targets"), ("target", "source", "sources")):
            where, params = [f"e.{other} IS NOT NULL"], []
            sql, p = actor_clause(f"e.{role}", code, exact)
            where.append(sql)
            params += p
            _between(where, params, "e.date", since, until)
            out[key] = self._all(
                f"SELECT e.{other} AS code, count(*) AS events, round(avg(e.goldstein), 2) AS goldstein_mean FROM events e WHERE "
                + " AND ".join(where) + " GROUP BY ALL ORDER BY events DESC, code LIMIT ?", [*params, int(n)])
        return out

    def date_range(self) -> dict[str, Any]:
        """The first and last event dates and the number of events, articles and quotations stored."""
        return self._one("SELECT (SELECT min(date) FROM events) AS first, (SELECT max(date) FROM events) AS last, "
                         "(SELECT count(*) FROM events) AS events, (SELECT count(*) FROM articles) AS articles, "
                         "(SELECT count(*) FROM quotes) AS quotes", [])

    def has_places(self) -> bool:
        """Whether the ``events`` table has the location columns ``places`` reads (``PLACE_COLUMNS``)."""
        found = {r[0] for r in self.con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'events'").fetchall()}
        return set(PLACE_COLUMNS) <= found

    def places(self, *, limit: int = 5000, **filters: Any) -> list[dict[str, Any]]:
        """Events matching ``filters`` counted by place and quad class, for the map: one row per place,
        quad class (1-4, or None) with ``place_name``, ``place_country``, ``place_adm1``, ``lat``,
        ``lon`` and ``events``, the busiest first. Empty when the events table has no location columns
        (a store written before locations were coded) or no event with coordinates matches."""
        if not self.has_places():
            return []
        sql, params = self._event_query(**filters)
        return self._all(
            "SELECT p.place_name, p.place_country, p.place_adm1, p.place_lat AS lat, p.place_lon AS lon, p.quad_class, "
            f"count(*) AS events FROM events p JOIN ({sql}) f ON f.event_id = p.event_id "
            "WHERE p.place_lat IS NOT NULL AND p.place_lon IS NOT NULL GROUP BY ALL ORDER BY events DESC, p.place_name LIMIT ?",
            [*params, int(limit)])

    def _one(self, sql: str, params: list[Any]) -> dict[str, Any] | None:
        rows = self._all(sql, params)
        return rows[0] if rows else None

    def _all(self, sql: str, params: list[Any]) -> list[dict[str, Any]]:
        cursor = self.con.cursor()
        try:
            cursor.execute(sql, params)
            names = [d[0] for d in cursor.description]
            return [dict(zip(names, row)) for row in cursor.fetchall()]
        finally:
            cursor.close()

    def problems(self):
        """Every stored problem (rejected input, failed stage, warning) as a DataFrame."""
        return self.con.execute('SELECT problem_id, run_id, article_id, stage, severity, message, "where" FROM problems ORDER BY problem_id').df()

    def runs(self):
        """Every ingest and import run: when, which detente, settings, dictionary hashes, counts."""
        return self.con.execute("SELECT * FROM runs ORDER BY run_id").df()

    def sql(self, query: str, params: list[Any] | None = None):
        """Any read-only SQL over the store's tables, as a DataFrame."""
        return self.con.execute(query, params or []).df()

    def to_parquet(self, kind: str, path: str | Path, **filters: Any) -> int:
        """Write the ``events`` or ``quotes`` matching ``filters`` to a Parquet file (streamed by DuckDB);
        returns the row count."""
        sql, params = self._event_query(**filters) if kind == "events" else self._quote_query(**filters)
        relation = self.con.sql(sql, params=params)
        relation.to_parquet(str(path))
        return self.con.execute("SELECT count(*) FROM read_parquet(?)", [str(path)]).fetchall()[0][0]

    def _stream(self, sql: str, params: list[Any], batch: int) -> Iterator[dict[str, Any]]:
        cursor = self.con.cursor()
        try:
            cursor.execute(sql, params)
            names = [d[0] for d in cursor.description]
            while rows := cursor.fetchmany(batch):
                for row in rows:
                    yield dict(zip(names, row))
        finally:
            cursor.close()

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Reader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_store(path: str | Path | None = None) -> Reader:
    """A read-only ``Reader`` of the store at ``path`` (default: the ``db`` setting, ``detente.duckdb``)."""
    if path is None:
        from detente.settings import Settings

        path = Settings.load().db
    return Reader(path)
