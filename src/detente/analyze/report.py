"""A readable summary of a detente database: what ``make demo`` prints after ingesting the sample.

The summary is the analyst's first look: how many events and of which origin, the most active and
most conflictual dyads, one pair's series in both directions with the reciprocity tests (Russia and
the United States by default, the showcase article's question), and the escalation alerts. It calls
the same library functions as the commands and renders them as tables; it computes nothing new.
"""

from __future__ import annotations

import duckdb

from detente.analyze.alerts import find_alerts
from detente.analyze.dyads import dyad_report
from detente.analyze.render import alerts_table, dyad_table, top_table
from detente.analyze.top import top_dyads

WEEKLY_UP_TO_DAYS = 26 * 7  # a longer span is shown by month, so the table stays short


def summary(con: duckdb.DuckDBPyConnection, *, pair: tuple[str, str] = ("RUS", "USA"), n: int = 5,
            freq: str | None = None, dedup: bool = False) -> str:
    """The summary text. ``freq`` defaults to weeks when the stored dates span half a year or less,
    months otherwise."""
    total, dated, first, last = con.execute(
        "SELECT count(*), count(date), min(date), max(date) FROM events").fetchone()
    datasets = con.execute("SELECT dataset, count(*) FROM events GROUP BY ALL ORDER BY 2 DESC, 1").fetchall()
    origin = ", ".join(f"{name} {count:,}" for name, count in datasets)
    out = [f"== detente database: {total:,} events ({origin or 'none'})"
           + (f", dated {first} to {last}" if first else "") + "\n"]
    if total and dated < total:
        out.append(f"   {total - dated:,} event{'s' if total - dated != 1 else ''} without a date, not in the series\n")
    if not dated:
        out.append("No dated events: nothing to analyse.\n")
        return "".join(out)
    if freq is None:
        freq = "week" if (last - first).days <= WEEKLY_UP_TO_DAYS else "month"
    out.append("\n== " + top_table(top_dyads(con, n=n)).replace("\nMost conflictual", "\n== Most conflictual"))
    a, b = pair
    out.append(f"\n== {a}–{b}\n")
    out.append(dyad_table(dyad_report(con, a, b, freq=freq, both=True, with_reciprocity=True, dedup=dedup)))
    out.append("\n== Escalation alerts\n")
    out.append(alerts_table(find_alerts(con)))
    return "".join(out)
