"""Text, CSV and JSON renderings of the analyses, for the command line and ``report.summary``.

Tables are plain fixed-width text that reads on an 80–120 column terminal: the dyad table folds the
PLOVER counts of a period into one column ("ACCUSE 3, SANCTION 1"), the alert table shows the first
event ids of an alert and says how many more the JSON lists. CSV and JSON keep every column (JSON
dates as ISO strings, missing means as null).
"""

from __future__ import annotations

import io
import json
import math
from typing import Any

import pandas as pd

from detente.analyze.alerts import AlertReport
from detente.analyze.dyads import DyadReport
from detente.analyze.top import TopDyads

FORMATS = ("table", "csv", "json")
TABLE_IDS = 6  # event ids shown per alert in a table


def _records(df: pd.DataFrame) -> list[dict[str, Any]]:
    out = []
    for row in df.to_dict(orient="records"):
        clean = {}
        for key, value in row.items():
            if hasattr(value, "isoformat"):
                value = value.isoformat()[:10]
            elif isinstance(value, float) and math.isnan(value):
                value = None
            elif hasattr(value, "item"):
                value = value.item()
            clean[key] = value
        out.append(clean)
    return out


def _table(df: pd.DataFrame) -> str:
    if df.empty:
        return "  (none)\n"
    return df.to_string(index=False, na_rep="-", float_format=lambda x: f"{x:.2f}") + "\n"


def _freq_word(freq: str) -> str:
    return {"day": "daily", "week": "weekly", "month": "monthly"}[freq]


def dyad_table(report: DyadReport) -> str:
    """The series, one block per direction."""
    out = []
    how = ", ".join(filter(None, [_freq_word(report.freq), "codes as coded" if report.exact else "rolled up",
                                  "deduplicated" if report.dedup else None]))
    for s, t in report.directions:
        part = report.series[(report.series.source == s) & (report.series.target == t)]
        out.append(f"{s} → {t} ({how})\n")
        if part.empty:
            out.append("  (no periods)\n")
            continue
        plover = [c for c in part.columns if c.startswith("plover_")]
        shown = pd.DataFrame({
            "period": [p.isoformat()[:10] for p in part.period],
            "events": part.events, "vcoop": part.verbal_coop, "mcoop": part.material_coop,
            "vconf": part.verbal_conflict, "mconf": part.material_conflict,
            "goldstein": part.goldstein_sum.round(1), "mean": part.goldstein_mean.round(2),
            "planned": part.planned, "hypoth": part.hypothetical,
            "plover": [", ".join(f"{c[7:]} {int(row[c])}" for c in plover if row[c]) or "-" for _, row in part.iterrows()],
        })
        out.append(shown.to_string(index=False, na_rep="-", justify="right") + "\n")
    for note in report.notes:
        out.append(f"note: {note}\n")
    if report.reciprocity is not None:
        out.append("\n" + "\n".join(report.reciprocity.sentences()) + "\n")
    return "".join(out)


def render_dyad(report: DyadReport, fmt: str) -> str:
    if fmt == "csv":
        buf = io.StringIO()
        report.series.to_csv(buf, index=False, date_format="%Y-%m-%d")
        return buf.getvalue()
    if fmt == "json":
        return json.dumps({
            "source": report.source, "target": report.target, "freq": report.freq, "both": report.both,
            "exact": report.exact, "dedup": report.dedup,
            "since": report.since.isoformat() if report.since else None,
            "until": report.until.isoformat() if report.until else None,
            "notes": list(report.notes), "series": _records(report.series),
            "reciprocity": report.reciprocity.to_dict() if report.reciprocity else None,
        }, ensure_ascii=False) + "\n"
    return dyad_table(report)


def alerts_table(report: AlertReport) -> str:
    s = report.settings
    head = (f"{len(report.alerts)} alert{'s' if len(report.alerts) != 1 else ''} over {report.dyads_checked} dyads"
            f"{f' since {report.since}' if report.since else ''} (robust z >= {s['threshold']} against the previous "
            f"{s['history_weeks']} weeks; at least {s['min_events']} acts or {s['min_warnings']} planned threats)\n")
    if not report.alerts:
        return head
    lines = [head]
    for a in report.alerts:
        label = "ESCALATION" if a.kind == "escalation" else "warning (planned/hypothetical threats)"
        lines.append(f"{a.week}  {a.source} → {a.target}  {label}: {a.events} events, conflict intensity "
                     f"{a.intensity:.1f} (usual {a.usual:.1f}), z = {a.z:.1f}\n")
        ids = ", ".join(a.event_ids[:TABLE_IDS])
        more = len(a.event_ids) - TABLE_IDS
        lines.append(f"    events: {ids}{f' … and {more} more (--format json lists all)' if more > 0 else ''}\n")
    return "".join(lines)


def render_alerts(report: AlertReport, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(report.to_dict(), ensure_ascii=False) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        rows = [{**a.to_dict(), "event_ids": " ".join(a.event_ids)} for a in report.alerts]
        pd.DataFrame(rows, columns=["kind", "source", "target", "week", "events", "intensity", "usual", "z",
                                    "event_ids"]).to_csv(buf, index=False)
        return buf.getvalue()
    return alerts_table(report)


def _period(top: TopDyads) -> str:
    if top.since and top.until:
        return f"{top.since} to {top.until}"
    return f"since {top.since}" if top.since else f"until {top.until}" if top.until else "all dates"


def top_table(top: TopDyads) -> str:
    return (f"Most active dyads ({_period(top)}; acts, self-dyads excluded)\n{_table(top.active)}\n"
            f"Most conflictual dyads ({_period(top)}; intensity = sum of -Goldstein of conflict acts)\n"
            f"{_table(top.conflictual)}")


def render_top(top: TopDyads, fmt: str) -> str:
    if fmt == "json":
        return json.dumps({"since": top.since.isoformat() if top.since else None,
                           "until": top.until.isoformat() if top.until else None, "n": top.n,
                           "active": _records(top.active), "conflictual": _records(top.conflictual)},
                          ensure_ascii=False) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        both = pd.concat([top.active.assign(ranking="active"), top.conflictual.assign(ranking="conflictual")])
        cols = ["ranking"] + [c for c in both.columns if c != "ranking"]
        both[cols].to_csv(buf, index=False)
        return buf.getvalue()
    return top_table(top)
