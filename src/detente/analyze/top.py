"""The most active and the most conflictual dyads of a period.

Directed dyads after roll-up (``RUS→USA`` counts every ``RUS…`` code acting on every ``USA…`` code);
self-dyads (``RUS→RUS``, domestic events) and one-sided events are left out, as are negated and
denied events. *Most active*: the most acts (asserted events), with their conflict share and mean
Goldstein. *Most conflictual*: the largest conflict intensity, the sum of ``-goldstein`` over the acts
of quad classes 3 and 4 (the measure ``alerts.py`` watches), which weighs a military attack (-10)
above a criticism (-2). Planned and hypothetical events are shown as a count beside, never ranked.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import duckdb
import pandas as pd

from detente.analyze.base import check_period, events_sql, parse_day
from detente.analyze.clusters import period_where
from detente.errors import UserInputError


@dataclass(frozen=True)
class TopDyads:
    """Two rankings of the period's directed dyads (at most ``n`` rows each)."""

    since: date | None
    until: date | None
    n: int
    active: pd.DataFrame = field(repr=False)
    conflictual: pd.DataFrame = field(repr=False)


def top_dyads(con: duckdb.DuckDBPyConnection, *, since: date | str | None = None, until: date | str | None = None,
              n: int = 10, exact: bool = False) -> TopDyads:
    """Rank the directed dyads of [since, until] by activity and by conflict intensity."""
    if n < 1:
        raise UserInputError(f"--n {n}: ask for at least 1 dyad")
    since, until = parse_day(since, "since"), parse_day(until, "until")
    check_period(since, until)
    where, params = period_where(since, until)
    con.execute(
        "CREATE OR REPLACE TEMP TABLE detente_top AS "
        "SELECT src AS source, tgt AS target, count(*) FILTER (WHERE mode = 'asserted') AS events, "
        "count(*) FILTER (WHERE mode = 'asserted' AND quad_class IN (3, 4)) AS conflict_events, "
        "count(*) FILTER (WHERE mode = 'asserted' AND quad_class = 4) AS material_conflict, "
        "coalesce(sum(greatest(-coalesce(goldstein, 0), 0)) FILTER (WHERE mode = 'asserted' AND quad_class IN (3, 4)), 0) "
        "AS intensity, avg(goldstein) FILTER (WHERE mode = 'asserted') AS goldstein_mean, "
        "count(*) FILTER (WHERE mode IN ('planned', 'hypothetical')) AS planned "
        f"FROM {events_sql(exact)} WHERE mode <> 'excluded' AND src IS NOT NULL AND tgt IS NOT NULL AND src <> tgt "
        f"AND {where} GROUP BY ALL",
        params,
    )
    try:
        active = con.execute(
            "SELECT source, target, events, conflict_events, round(conflict_events / events, 3) AS conflict_share, "
            "round(goldstein_mean, 2) AS goldstein_mean, planned FROM detente_top WHERE events > 0 "
            "ORDER BY events DESC, source, target LIMIT ?", [n]).df()
        conflictual = con.execute(
            "SELECT source, target, conflict_events, material_conflict, round(intensity, 1) AS intensity, events, "
            "round(goldstein_mean, 2) AS goldstein_mean, planned FROM detente_top WHERE conflict_events > 0 "
            "ORDER BY intensity DESC, source, target LIMIT ?", [n]).df()
    finally:
        con.execute("DROP TABLE IF EXISTS detente_top")
    return TopDyads(since, until, n, active, conflictual)
