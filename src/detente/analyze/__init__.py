"""Analyses of stored events (DESIGN.md §2 ``analyze/``): what an analyst asks of GDELT or ICEWS data.

    base.py         connect(path): a detente database opened read-only; the rolled-up events relation
    rollup.py       actor codes counted toward their country (RUSGOV -> RUS)
    clusters.py     deduplication: one cluster per event reported by many outlets
    dyads.py        dyad series by day, week or month (quad classes, Goldstein, PLOVER types)
    reciprocity.py  VAR / Granger tests between the two directions of a dyad
    alerts.py       escalation alerts and warning signs against a dyad's own history
    top.py          the most active and most conflictual dyads of a period
    render.py       tables, CSV and JSON for the command line
    report.py       summary(con): the readable overview ``make demo`` prints
    database.py     Database: the store's read-only view with the analyses as methods (detente.open)

Every function takes a DuckDB connection, reads the ``events`` table (the store's contract) and
returns pandas DataFrames or small frozen result objects; nothing here writes to the database.
Methods, settings and references: ``docs/analysis.md``.
"""

from __future__ import annotations

from detente.analyze.alerts import Alert, AlertReport, find_alerts
from detente.analyze.base import connect
from detente.analyze.clusters import find_clusters
from detente.analyze.database import Database, open_database
from detente.analyze.dyads import DyadReport, dyad_report, dyad_series
from detente.analyze.reciprocity import Reciprocity, reciprocity
from detente.analyze.report import summary
from detente.analyze.rollup import rollup
from detente.analyze.top import TopDyads, top_dyads

__all__ = [
    "Alert", "AlertReport", "Database", "DyadReport", "open_database", "Reciprocity", "TopDyads", "connect", "dyad_report", "find_clusters",
    "dyad_series", "find_alerts", "reciprocity", "rollup", "summary", "top_dyads",
]
