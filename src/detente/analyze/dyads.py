"""Dyad series: what A did to B (and B to A), period by period.

For each period (day, ISO week starting Monday, or calendar month) and direction: the number of acts
(``events``: modality asserted or reported, and imported rows), their split by quad class (1 verbal
cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict), the Goldstein sum and
mean of those acts, the PLOVER types of those acts (``plover_<TYPE>`` columns), and, counted apart,
``planned`` and ``hypothetical`` events (intentions, threats and conditionals are not acts). Negated
and denied events are never counted; the report says how many were left out, and how many events of
the dyad had no date. Every period between the first and the last (or ``since``/``until``) has a row,
zeros included, so the series can be plotted or modelled as it is. This is the standard dyadic
aggregation of event data (Goldstein 1992; the ICEWS/GDELT dyad-period counts by quad class).

Actor codes roll up to countries unless ``exact`` (``rollup.py``). With ``dedup`` the unit counted is
a cluster of reports of one event (``clusters.py``) instead of each report. The heavy lifting is one
DuckDB query per series; only the small result comes back to pandas.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import duckdb
import pandas as pd

from detente.analyze import clusters as clustering
from detente.analyze.base import MODE_SQL, QUAD_NAMES, check_period, events_sql, parse_day
from detente.analyze.reciprocity import Reciprocity, reciprocity
from detente.analyze.rollup import check_actor, match_sql
from detente.errors import UserInputError

FREQS = {"day": "1 DAY", "week": "7 DAYS", "month": "1 MONTH"}
UNITS = "detente_dyad_units"
SERIES_COLUMNS = ("source", "target", "period", "events", *QUAD_NAMES.values(), "goldstein_sum", "goldstein_mean",
                  "planned", "hypothetical")


@dataclass(frozen=True)
class DyadReport:
    """A dyad's series (one row per direction and period) with what was left out and, when asked, the
    reciprocity tests between the two directions."""

    source: str
    target: str
    freq: str
    series: pd.DataFrame = field(repr=False)
    both: bool = False
    exact: bool = False
    dedup: bool = False
    since: date | None = None
    until: date | None = None
    notes: tuple[str, ...] = ()
    reciprocity: Reciprocity | None = None

    @property
    def directions(self) -> list[tuple[str, str]]:
        return _directions(self.source, self.target, self.both)


def _directions(a: str, b: str, both: bool) -> list[tuple[str, str]]:
    return [(a, b), (b, a)] if both and a != b else [(a, b)]


def dyad_series(con: duckdb.DuckDBPyConnection, source: str, target: str, *, freq: str = "week", both: bool = False,
                exact: bool = False, since: date | str | None = None, until: date | str | None = None,
                dedup: bool = False, window_days: int = clustering.DEFAULT_WINDOW_DAYS,
                min_similarity: float = clustering.DEFAULT_MIN_SIMILARITY) -> pd.DataFrame:
    """The series alone (see ``dyad_report``)."""
    return dyad_report(con, source, target, freq=freq, both=both, exact=exact, since=since, until=until, dedup=dedup,
                       window_days=window_days, min_similarity=min_similarity).series


def dyad_report(con: duckdb.DuckDBPyConnection, source: str, target: str, *, freq: str = "week", both: bool = False,
                exact: bool = False, since: date | str | None = None, until: date | str | None = None,
                dedup: bool = False, window_days: int = clustering.DEFAULT_WINDOW_DAYS,
                min_similarity: float = clustering.DEFAULT_MIN_SIMILARITY, with_reciprocity: bool = False,
                max_lag: int = 8, alpha: float = 0.05) -> DyadReport:
    """Count what ``source`` did to ``target`` per ``freq`` period (and the reverse with ``both``);
    with ``with_reciprocity`` also run the VAR/Granger tests on the weekly Goldstein sums of the two
    directions (``reciprocity.py``). Codes roll up unless ``exact``; ``dedup`` counts clusters."""
    if freq not in FREQS:
        raise UserInputError(f"--freq {freq!r} is not one of {', '.join(FREQS)}")
    a, b = check_actor(source, exact), check_actor(target, exact)
    since, until = parse_day(since, "since"), parse_day(until, "until")
    check_period(since, until)
    directions = _directions(a, b, both or with_reciprocity)
    shown = _directions(a, b, both)
    units, notes = _units(con, directions, exact, since, until, dedup, window_days, min_similarity)
    try:
        series = _series(con, units, directions, freq, since, until)
        weekly = None
        if with_reciprocity and a != b:  # weekly series are what the tests read: reuse them when asked for weeks
            weekly = series if freq == "week" else _series(con, units, directions, "week", since, until)
    finally:
        con.execute(f"DROP TABLE IF EXISTS {clustering.CLUSTERS if dedup else UNITS}")
    if series.empty:
        notes.insert(0, f"no events between {a} and {b}" + _period_words(since, until))
    recip = None
    if weekly is not None:
        ab = weekly[(weekly.source == a) & (weekly.target == b)].goldstein_sum.to_numpy()
        ba = weekly[(weekly.source == b) & (weekly.target == a)].goldstein_sum.to_numpy()
        recip = reciprocity(ab, ba, a, b, max_lag=max_lag, alpha=alpha)
    keep = pd.Series([(s, t) in shown for s, t in zip(series.source, series.target)], index=series.index, dtype=bool)
    series = series.loc[keep].reset_index(drop=True)
    return DyadReport(a, b, freq, series, both=both, exact=exact, dedup=dedup, since=since, until=until,
                      notes=tuple(notes), reciprocity=recip)


def _period_words(since: date | None, until: date | None) -> str:
    if since and until:
        return f" from {since} to {until}"
    return f" since {since}" if since else f" until {until}" if until else " in the database"


def _dyad_where(directions: list[tuple[str, str]], src: str = "src", tgt: str = "tgt") -> tuple[str, list[Any]]:
    where = " OR ".join(f"({src} = ? AND {tgt} = ?)" for _ in directions)
    return f"({where})", [code for pair in directions for code in pair]


def _prefilter(directions, exact: bool) -> str:
    """SQL on the raw columns selecting exactly the events of the directions (rolled up or not)."""
    return "(" + " OR ".join(f"({match_sql('e.source', s, exact)} AND {match_sql('e.target', t, exact)})"
                             for s, t in directions) + ")"


def _units(con, directions, exact, since, until, dedup, window_days, min_similarity) -> tuple[str, list[str]]:
    """The relation whose rows are counted (events, or clusters with ``dedup``) and the notes on what
    was left out."""
    dyad, params = _dyad_where(directions)
    period, pparams = clustering.period_where(since, until)
    notes = _left_out(con, directions, exact, since, until)
    pre = _prefilter(directions, exact)
    if dedup:
        table = clustering.build_clusters(con, f"{dyad} AND {period}", [*params, *pparams], exact=exact,
                                          window_days=window_days, min_similarity=min_similarity, prefilter=pre)
        clusters, mentions = con.execute(f"SELECT count(*), coalesce(sum(mentions), 0) FROM {table}").fetchone()
        notes.append(f"deduplicated: {clusters} clusters from {mentions} events (window {window_days} day"
                     f"{'s' if window_days != 1 else ''}, similarity >= {min_similarity})")
        return table, notes
    # the dyad's events, selected once (the roll-up is planned once) and read by each query after
    con.execute(f"CREATE OR REPLACE TEMP TABLE {UNITS} AS SELECT src, tgt, date, mode, quad_class, goldstein, plover "
                f"FROM {events_sql(exact, pre)} WHERE mode <> 'excluded' AND {dyad} AND {period}", [*params, *pparams])
    return UNITS, notes


def _left_out(con, directions, exact, since, until) -> list[str]:
    period, pparams = clustering.period_where(since, until)
    excluded, undated = con.execute(
        f"SELECT count(*) FILTER (WHERE {MODE_SQL} = 'excluded' AND {period}), count(*) FILTER (WHERE date IS NULL) "
        f"FROM events e WHERE {_prefilter(directions, exact)}", pparams
    ).fetchone()
    notes = []
    if excluded:
        notes.append(f"{excluded} negated or denied event{'s' if excluded != 1 else ''} not counted")
    if undated:
        notes.append(f"{undated} event{'s' if undated != 1 else ''} without a date not counted")
    return notes


def _series(con, units: str, directions, freq: str, since, until) -> pd.DataFrame:
    bounds = con.execute(f"SELECT min(date), max(date) FROM {units}").fetchone()
    start, end = since or bounds[0], until or bounds[1]
    if start is None or end is None:
        return pd.DataFrame(columns=list(SERIES_COLUMNS))
    quads = ", ".join(f"count(*) FILTER (WHERE mode = 'asserted' AND quad_class = {q}) AS {name}"
                      for q, name in QUAD_NAMES.items())
    dirs = ", ".join(f"('{s}', '{t}')" for s, t in directions)
    period = f"CAST(date_trunc('{freq}', date) AS DATE)"
    sql = f"""
        WITH agg AS (
            SELECT src, tgt, {period} AS period, count(*) FILTER (WHERE mode = 'asserted') AS events, {quads},
                   sum(goldstein) FILTER (WHERE mode = 'asserted') AS goldstein_sum,
                   avg(goldstein) FILTER (WHERE mode = 'asserted') AS goldstein_mean,
                   count(*) FILTER (WHERE mode = 'planned') AS planned,
                   count(*) FILTER (WHERE mode = 'hypothetical') AS hypothetical
            FROM {units} GROUP BY ALL),
        periods AS (
            SELECT CAST(unnest(generate_series(CAST(date_trunc('{freq}', CAST(? AS DATE)) AS TIMESTAMP),
                                               CAST(CAST(? AS DATE) AS TIMESTAMP), INTERVAL {FREQS[freq]})) AS DATE) AS period),
        dirs AS (SELECT * FROM (VALUES {dirs}) d(src, tgt))
        SELECT d.src AS source, d.tgt AS target, p.period,
               coalesce(events, 0) AS events,
               {", ".join(f"coalesce({n}, 0) AS {n}" for n in QUAD_NAMES.values())},
               coalesce(goldstein_sum, 0.0) AS goldstein_sum, goldstein_mean,
               coalesce(planned, 0) AS planned, coalesce(hypothetical, 0) AS hypothetical
        FROM dirs d CROSS JOIN periods p LEFT JOIN agg a ON a.src = d.src AND a.tgt = d.tgt AND a.period = p.period
        ORDER BY {" , ".join(f"(d.src, d.tgt) = ('{s}', '{t}')" for s, t in directions[:1])} DESC, p.period
    """
    series = con.execute(sql, [start, end]).df()
    plover = con.execute(
        f"SELECT src AS source, tgt AS target, {period} AS period, plover, count(*) AS n FROM {units} "
        "WHERE mode = 'asserted' AND plover IS NOT NULL GROUP BY ALL"
    ).df()
    if not plover.empty:
        wide = plover.pivot_table(index=["source", "target", "period"], columns="plover", values="n", aggfunc="sum",
                                  fill_value=0)
        wide.columns = [f"plover_{c}" for c in wide.columns]
        series = series.merge(wide.reset_index(), on=["source", "target", "period"], how="left")
        cols = [c for c in series.columns if c.startswith("plover_")]
        series[cols] = series[cols].fillna(0).astype("int64")
    for name in ("events", *QUAD_NAMES.values(), "planned", "hypothetical"):
        series[name] = series[name].astype("int64")
    return series
