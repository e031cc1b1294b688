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


def _place_filters(where: list[str], params: list[Any], country, adm1, bbox) -> None:
    countries = [c.upper() for c in _values(country)]
    for c in countries:
        if not re.fullmatch(r"[A-Z]{3}", c):
            raise UserInputError(f"bad country {c!r}: give an ISO 3166 alpha-3 code (SYR, USA)")
    if countries:
        where.append("e.place_country IN (" + ", ".join("?" for _ in countries) + ")")
        params += countries
    regions = [a.upper() for a in _values(adm1)]
    for a in regions:
        if not re.fullmatch(r"[A-Z]{2}\.[A-Z0-9]{1,3}", a):
            raise UserInputError(f"bad ADM1 code {a!r}: give a GeoNames ADM1 code, country and region (US.NY, SY.09)")
    if regions:
        where.append("e.place_adm1 IN (" + ", ".join("?" for _ in regions) + ")")
        params += regions
    if bbox is not None:
        w, s, e, n = parse_bbox(bbox)
        lon = "e.place_lon BETWEEN ? AND ?" if w <= e else "(e.place_lon >= ? OR e.place_lon <= ?)"
        where.append(f"(e.place_lat BETWEEN ? AND ? AND {lon})")
        params += [s, n, w, e]


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
                     dataset=None, exact=False, with_added=False, country=None, adm1=None, bbox=None) -> tuple[str, list[Any]]:
        where: list[str] = []
        params: list[Any] = []
        _place_filters(where, params, country, adm1, bbox)
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
        columns = ", ".join(f'e."{c}"' for c in EVENT_COLUMNS)
        extra = ", r.started_at AS added" if with_added else ""
        sql = (f"SELECT {columns}{extra} FROM events e" + (" LEFT JOIN runs r ON r.run_id = e.run_id" if with_added else "")
               + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY e.date NULLS LAST, e.event_id")
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

    def _quote_query(self, speaker=None, since=None, until=None, exact=False) -> tuple[str, list[Any]]:
        where: list[str] = []
        params: list[Any] = []
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
        return (f"SELECT {columns} FROM quotes" + (" WHERE " + " AND ".join(where) if where else "")
                + " ORDER BY date NULLS LAST, article_id, quote_id"), params

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
