"""``detente.open(db)``: the store's read-only view with the analyses as methods, so a notebook user
gets DataFrames for events, quotes and dyads without writing SQL.

What it does not do: write (the store's writer does), or keep anything in memory beyond the DuckDB
connection.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from detente.analyze.alerts import find_alerts
from detente.analyze.dyads import dyad_report
from detente.analyze.top import top_dyads
from detente.store.reader import Reader


class Database(Reader):
    """``events()``, ``quotes()``, ``articles()``, ``problems()``, ``runs()``, ``sql()`` (the store's
    ``Reader``), plus ``dyads()``, ``alerts()`` and ``top()``."""

    def dyads(self, source: str, target: str, *, freq: str = "week", both: bool = False, exact: bool = False,
              since: date | str | None = None, until: date | str | None = None, dedup: bool = False) -> pd.DataFrame:
        """The series of ``source`` -> ``target`` (and back with ``both``): one row per direction and
        period with counts by quad class, Goldstein sum and mean, planned and hypothetical counts and
        PLOVER type counts, codes rolled up to their country unless ``exact`` (``detente dyad``)."""
        return dyad_report(self.con, source, target, freq=freq, both=both, exact=exact, since=since, until=until,
                           dedup=dedup).series

    def alerts(self, *, since: date | str | None = None, exact: bool = False) -> pd.DataFrame:
        """Escalation alerts and warning signs, one row each with the events behind it (``detente alerts``)."""
        report = find_alerts(self.con, since=since, exact=exact)
        return pd.DataFrame([a.to_dict() for a in report.alerts])

    def top(self, *, since: date | str | None = None, until: date | str | None = None, n: int = 10) -> tuple[pd.DataFrame, pd.DataFrame]:
        """The most active and the most conflictual dyads of a period (``detente top``)."""
        found = top_dyads(self.con, since=since, until=until, n=n)
        return found.active, found.conflictual


def open_database(path=None) -> Database:
    """A read-only ``Database`` of the store at ``path`` (default: the ``db`` setting, ``detente.duckdb``)."""
    if path is None:
        from detente.settings import Settings

        path = Settings.load().db
    return Database(path)
