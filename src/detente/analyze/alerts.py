"""Escalation alerts: a dyad's conflict this week rises sharply against the dyad's own history.

Method, per directed dyad (actor codes rolled up; self-dyads and one-sided events left out):

* The weekly **conflict intensity** is the sum of ``-goldstein`` over the week's verbal and material
  conflict events (quad classes 3 and 4; every CAMEO conflict code has a negative Goldstein score),
  computed separately for **acts** (asserted) and for **warning signs** (planned or hypothetical
  conflict: "will impose sanctions", threats of force). Weeks are ISO weeks (Monday).
* The statistic is a robust z-score (Iglewicz & Hoaglin 1993) of the square root of that intensity
  against the previous ``history_weeks`` weeks of the same dyad (weeks without events count as 0,
  from the dyad's first event on): ``z = (sqrt(x_t) - median) / max(1.4826 · MAD, min_scale)``. The
  median and MAD resist the outliers that past crises leave in the window; the square root stabilises
  the variance of count-like series (Anscombe 1948), so one threshold serves busy and quiet dyads;
  ``min_scale`` keeps a flat history (MAD 0) from making any small change infinite.
* A week is alerted when ``z >= threshold``, it has at least ``min_events`` such events
  (``min_warnings`` for warning signs) and the dyad has a full window of history before it.

Each alert lists the event ids behind it (the week's conflict events of that kind). It does not look
at cooperation (a drop in cooperation is not flagged), nor model trends or seasonality, and the first
``history_weeks`` weeks of a dyad can never alert. The whole pass is a few DuckDB window queries.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import duckdb
import pandas as pd

from detente.analyze.base import events_sql, parse_day
from detente.analyze.rollup import match_sql
from detente.errors import UserInputError

WEEKS = "detente_alert_weeks"
FLAGGED = "detente_alert_flagged"
DEFAULTS = {"history_weeks": 12, "threshold": 3.5, "min_events": 5, "min_warnings": 2, "min_scale": 1.5}


@dataclass(frozen=True)
class Alert:
    """One alerted dyad-week: ``kind`` is ``escalation`` (acts) or ``warning`` (planned or
    hypothetical conflict); ``intensity`` the week's sum of -Goldstein, ``usual`` the typical weekly
    intensity of the window before it (the square of the median root intensity: the median itself
    for an odd window, between the two middle weeks for an even one), ``z`` the robust z-score."""

    kind: str
    source: str
    target: str
    week: date
    events: int
    intensity: float
    usual: float
    z: float
    event_ids: tuple[str, ...] = field(repr=False)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "source": self.source, "target": self.target, "week": self.week.isoformat(),
                "events": self.events, "intensity": round(self.intensity, 3), "usual": round(self.usual, 3),
                "z": round(self.z, 3), "event_ids": list(self.event_ids)}


@dataclass(frozen=True)
class AlertReport:
    """The alerts of one pass, most recent week first, with the settings that made them."""

    alerts: tuple[Alert, ...]
    since: date | None
    settings: dict[str, Any]
    dyads_checked: int

    def to_dict(self) -> dict[str, Any]:
        return {"since": self.since.isoformat() if self.since else None, "settings": self.settings,
                "dyads_checked": self.dyads_checked, "alerts": [a.to_dict() for a in self.alerts]}


def find_alerts(con: duckdb.DuckDBPyConnection, *, since: date | str | None = None, exact: bool = False,
                history_weeks: int = DEFAULTS["history_weeks"], threshold: float = DEFAULTS["threshold"],
                min_events: int = DEFAULTS["min_events"], min_warnings: int = DEFAULTS["min_warnings"],
                min_scale: float = DEFAULTS["min_scale"]) -> AlertReport:
    """Escalation alerts and warning signs for every directed dyad, for weeks from ``since`` (the
    history before ``since`` is still used as the baseline)."""
    since = parse_day(since, "since")
    if history_weeks < 2:
        raise UserInputError(f"alert history of {history_weeks} weeks is too short: a median and MAD need at least 2")
    if min_scale <= 0:
        raise UserInputError(f"alert min_scale must be above 0, not {min_scale}")
    settings = {"history_weeks": history_weeks, "threshold": threshold, "min_events": min_events,
                "min_warnings": min_warnings, "min_scale": min_scale}
    since_week = "DATE '0001-01-01'" if since is None else f"CAST(date_trunc('week', DATE '{since.isoformat()}') AS DATE)"
    # one scan of the events: week by week counts and intensities of every directed dyad (small)
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE {WEEKS} AS
        SELECT src, tgt, CAST(date_trunc('week', date) AS DATE) AS week,
               CASE WHEN mode = 'asserted' THEN 'escalation' ELSE 'warning' END AS kind,
               coalesce(quad_class IN (3, 4), false) AS conflict, count(*) AS n,
               sum(greatest(-coalesce(goldstein, 0), 0)) AS intensity
        FROM {events_sql(exact)}
        WHERE mode <> 'excluded' AND src IS NOT NULL AND tgt IS NOT NULL AND src <> tgt
        GROUP BY ALL""")
    try:
        dyads = con.execute(f"SELECT count(*) FROM (SELECT DISTINCT src, tgt FROM {WEEKS})").fetchone()[0]
        flagged = con.execute(f"""
            WITH firsts AS (SELECT src, tgt, min(week) AS first_week FROM {WEEKS} GROUP BY ALL),
            last AS (SELECT max(week) AS last_week FROM {WEEKS}),
            weekly AS (SELECT src, tgt, kind, week, n, intensity FROM {WEEKS} WHERE conflict),
            candidates AS (
                SELECT DISTINCT src, tgt, kind FROM weekly
                WHERE n >= CASE kind WHEN 'escalation' THEN {int(min_events)} ELSE {int(min_warnings)} END
                  AND week >= {since_week}),
            grid AS (
                SELECT c.src, c.tgt, c.kind,
                       CAST(unnest(generate_series(CAST(f.first_week AS TIMESTAMP), CAST(l.last_week AS TIMESTAMP),
                                                   INTERVAL 7 DAY)) AS DATE) AS week
                FROM candidates c JOIN firsts f USING (src, tgt) CROSS JOIN last l),
            filled AS (
                SELECT g.src, g.tgt, g.kind, g.week, coalesce(w.n, 0) AS n, coalesce(w.intensity, 0.0) AS intensity,
                       sqrt(coalesce(w.intensity, 0.0)) AS y
                FROM grid g LEFT JOIN weekly w USING (src, tgt, kind, week)),
            scored AS (
                SELECT *, median(y) OVER h AS med, mad(y) OVER h AS mad, count(*) OVER h AS history
                FROM filled
                WINDOW h AS (PARTITION BY src, tgt, kind ORDER BY week
                             ROWS BETWEEN {int(history_weeks)} PRECEDING AND 1 PRECEDING))
            SELECT kind, src, tgt, week, n, intensity, med * med AS usual,
                   (y - med) / greatest(1.4826 * mad, {float(min_scale)!r}) AS z
            FROM scored
            WHERE history >= {int(history_weeks)} AND week >= {since_week}
              AND n >= CASE kind WHEN 'escalation' THEN {int(min_events)} ELSE {int(min_warnings)} END
              AND (y - med) / greatest(1.4826 * mad, {float(min_scale)!r}) >= {float(threshold)!r}
        """).fetchall()
    finally:
        con.execute(f"DROP TABLE IF EXISTS {WEEKS}")
    rows = _with_event_ids(con, flagged, exact)
    alerts = tuple(Alert(kind, s, t, week, int(n), float(x), float(usual), float(z), tuple(ids))
                   for kind, s, t, week, n, x, usual, z, ids in rows)
    return AlertReport(alerts, since, settings, int(dyads))


def _with_event_ids(con: duckdb.DuckDBPyConnection, flagged: list[tuple], exact: bool) -> list[tuple]:
    """The alerted dyad-weeks with the ids of their events, most recent week first. The events are
    looked up on their raw codes and dates (a cheap prefilter) and matched on the rolled-up dyad."""
    if not flagged:
        return []
    dyads = sorted({(s, t) for _, s, t, *_ in flagged})
    first, last = min(r[3] for r in flagged), max(r[3] for r in flagged) + timedelta(days=6)
    prefilter = f"e.date BETWEEN DATE '{first.isoformat()}' AND DATE '{last.isoformat()}'"
    if len(dyads) <= 500:  # beyond that the list costs more than it saves
        prefilter += " AND (" + " OR ".join(
            f"({match_sql('e.source', s, exact)} AND {match_sql('e.target', t, exact)})" for s, t in dyads) + ")"
    con.register(FLAGGED, pd.DataFrame(flagged, columns=["kind", "src", "tgt", "week", "n", "intensity", "usual", "z"]))
    try:
        return con.execute(f"""
            SELECT a.kind, a.src, a.tgt, CAST(a.week AS DATE), a.n, a.intensity, a.usual, a.z,
                   list(e.event_id ORDER BY e.event_id)
            FROM {FLAGGED} a JOIN {events_sql(exact, prefilter)} e
              ON e.src = a.src AND e.tgt = a.tgt AND CAST(date_trunc('week', e.date) AS DATE) = CAST(a.week AS DATE)
             AND e.quad_class IN (3, 4)
             AND (CASE WHEN e.mode = 'asserted' THEN 'escalation' WHEN e.mode = 'excluded' THEN NULL
                       ELSE 'warning' END) = a.kind
            GROUP BY ALL ORDER BY 4 DESC, a.z DESC, a.src, a.tgt, a.kind
        """).fetchall()
    finally:
        con.unregister(FLAGGED)
