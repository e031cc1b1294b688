"""Time of the analyses on 1,000,000 synthetic events in a DuckDB file.

    python benchmarks/bench_analyze.py [--events 1000000] [--db /tmp/detente-bench.duckdb] [--keep]

The issue's budget: ``dyad`` (a year of a busy dyad), ``alerts`` (the whole pass) and ``top`` each
under 1 s, the whole alerts pass under 5 s. Each is timed as the command runs it (open read-only,
one library call, render the table), median of 3 runs. Deduplication is timed too, for a busy dyad's
year and for the whole table (no budget given). Not a test: speed is reported, never asserted
(STYLE.md 9).

The events are made in DuckDB SQL from a deterministic hash: ~150 countries whose activity follows a
Zipf-like spread, actor codes with and without agent suffixes (``RUSGOV``, ``USAMIL``), a few busy
dyads taking 30% of the events, 5 years of dates with bursts, a realistic mix of CAMEO codes and
modalities, 60 outlets, and sentences drawn from a few thousand templates (so dedup has work).
The ``events`` table follows the store contract (``tests/events_db.py``).
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the contract's table definition, shared with the tests

import duckdb  # noqa: E402

from detente.analyze import connect, dyad_report, find_alerts, top_dyads  # noqa: E402
from detente.analyze.clusters import iter_clusters  # noqa: E402
from detente.analyze.render import render_alerts, render_dyad, render_top  # noqa: E402
from detente.analyze.rollup import country_codes  # noqa: E402
from detente import cameo  # noqa: E402
from events_db import EVENTS_DDL  # noqa: E402

# the CAMEO codes the synthetic events use; quad class, Goldstein and PLOVER from detente's table
CODES = ["010", "036", "042", "057", "070", "0841", "111", "112", "130", "138", "163", "1663", "172", "190"]

BUSY = [("RUSGOV", "USAGOV"), ("USA", "RUS"), ("RUSMIL", "UKRMIL"), ("UKR", "RUS"), ("ISRMIL", "PSE"), ("CHN", "USAGOV")]
SUFFIXES = ["", "", "", "GOV", "MIL", "BUS", "MED", "OPP", "REB", "CVL"]


def build(path: Path, n: int) -> None:
    """Write ``n`` synthetic events to a new DuckDB file at ``path``."""
    path.unlink(missing_ok=True)
    con = duckdb.connect(str(path))
    con.execute(EVENTS_DDL)
    countries = sorted(country_codes())[:150]
    con.execute("CREATE TEMP TABLE c AS SELECT * FROM (VALUES " + ", ".join(f"({i}, '{c}')" for i, c in enumerate(countries))
                + ") t(i, code)")
    con.execute("CREATE TEMP TABLE s AS SELECT * FROM (VALUES " + ", ".join(f"({i}, '{x}')" for i, x in enumerate(SUFFIXES))
                + ") t(i, suffix)")
    con.execute("CREATE TEMP TABLE b AS SELECT * FROM (VALUES " + ", ".join(f"({i}, '{s}', '{t}')" for i, (s, t) in enumerate(BUSY))
                + ") t(i, src, tgt)")
    con.execute("CREATE TEMP TABLE k AS SELECT * FROM (VALUES " + ", ".join(
        f"({i}, '{code}', {s['quad_class']}, {s['goldstein']}, {repr(s['plover']) if s['plover'] else 'NULL'})"
        for i, (code, s) in enumerate((c, cameo.scores(c)) for c in CODES)) + ") t(i, cameo, quad, goldstein, plover)")
    nc, ns, nb, nk = len(countries), len(SUFFIXES), len(BUSY), len(CODES)
    # u(k): a uniform number in [0, 1) drawn from the row number, stream k
    u = "((hash(r * 17 + {k}) % 1000003) / 1000003.0)"
    con.execute(f"""
        INSERT INTO events
        WITH raw AS (
            SELECT r,
                   {u.format(k=1)} AS u_busy, {u.format(k=2)} AS u_src, {u.format(k=3)} AS u_tgt,
                   {u.format(k=4)} AS u_suf1, {u.format(k=5)} AS u_suf2, {u.format(k=6)} AS u_code,
                   {u.format(k=7)} AS u_day, {u.format(k=8)} AS u_mod, {u.format(k=9)} AS u_out,
                   {u.format(k=10)} AS u_burst, {u.format(k=11)} AS u_text
            FROM range({n}) t(r)),
        picked AS (
            SELECT r, u_code, u_mod, u_out, u_text,
                   CASE WHEN u_busy < 0.3 THEN CAST(floor(u_busy / 0.3 * {nb}) AS INTEGER) END AS busy,
                   CAST(floor(pow(u_src, 2.2) * {nc}) AS INTEGER) AS si,
                   CAST(floor(pow(u_tgt, 2.2) * {nc}) AS INTEGER) AS ti,
                   CAST(floor(u_suf1 * {ns}) AS INTEGER) AS s1, CAST(floor(u_suf2 * {ns}) AS INTEGER) AS s2,
                   -- 5 years of days, with one burst month in 2022 holding 3% of the events
                   CASE WHEN u_burst < 0.03 THEN DATE '2022-02-20' + CAST(floor(u_day * 30) AS INTEGER)
                        ELSE DATE '2019-01-01' + CAST(floor(u_day * 1826) AS INTEGER) END AS day
            FROM raw)
        SELECT 'bench:' || p.r, 'detente', 'art' || (p.r // 3), p.day,
               coalesce(b.src, cs.code || s1.suffix), coalesce(b.tgt, ct.code || s2.suffix), NULL, NULL,
               k.cameo, left(k.cameo, 2), k.quad, k.goldstein, k.plover, NULL,
               CASE WHEN p.u_mod < 0.85 THEN 'asserted' WHEN p.u_mod < 0.92 THEN 'planned'
                    WHEN p.u_mod < 0.95 THEN 'hypothetical' WHEN p.u_mod < 0.99 THEN 'negated' ELSE 'reported' END,
               0.8, NULL, 'outlet' || CAST(floor(p.u_out * 60) AS INTEGER),
               'Officials reported action ' || k.cameo || ' in story ' || CAST(floor(p.u_text * 4000) AS INTEGER) ||
               ' concerning matter ' || CAST(floor(p.u_out * 7) AS INTEGER)
        FROM picked p
        JOIN k ON k.i = CAST(floor(p.u_code * {nk}) AS INTEGER)
        JOIN c cs ON cs.i = p.si JOIN c ct ON ct.i = CASE WHEN p.ti = p.si THEN (p.ti + 1) % {nc} ELSE p.ti END
        JOIN s s1 ON s1.i = p.s1 JOIN s s2 ON s2.i = p.s2
        LEFT JOIN b ON b.i = p.busy
    """)
    con.close()


def timed(fn, runs: int = 3) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/detente-bench-analyze.duckdb"))
    parser.add_argument("--keep", action="store_true", help="reuse the database file if it exists")
    parser.add_argument("--skip-full-dedup", action="store_true", help="do not time deduplication of the whole table")
    args = parser.parse_args()
    if not (args.keep and args.db.exists()):
        t0 = time.perf_counter()
        build(args.db, args.events)
        print(f"built {args.events:,} events in {time.perf_counter() - t0:.1f} s ({args.db}, "
              f"{args.db.stat().st_size / 1e6:.0f} MB)")
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"duckdb {duckdb.__version__}")
    con = connect(args.db)
    total, busy = con.execute("SELECT count(*), count(*) FILTER (WHERE source LIKE 'RUS%' AND target LIKE 'USA%' "
                              "AND date BETWEEN DATE '2022-01-01' AND DATE '2022-12-31') FROM events").fetchone()
    print(f"{total:,} events; RUS→USA in 2022: {busy:,}")
    con.close()

    def command(fn, render):
        def run():
            c = connect(args.db)  # as the command does: open read-only, one call, render
            try:
                return render(fn(c))
            finally:
                c.close()
        return run

    year = dict(since="2022-01-01", until="2022-12-31")
    cases = [
        ("dyad RUS USA, 2022, weekly", command(lambda c: dyad_report(c, "RUS", "USA", **year), lambda r: render_dyad(r, "table")), 1.0),
        ("dyad RUS USA --both (+ reciprocity), 2022", command(
            lambda c: dyad_report(c, "RUS", "USA", both=True, with_reciprocity=True, **year), lambda r: render_dyad(r, "table")), 1.0),
        ("dyad RUS USA --both --freq day, all 5 years", command(
            lambda c: dyad_report(c, "RUS", "USA", both=True, freq="day"), lambda r: render_dyad(r, "csv")), 1.0),
        ("alerts (whole pass)", command(lambda c: find_alerts(c), lambda r: render_alerts(r, "table")), 1.0),
        ("top --n 10 (all dates)", command(lambda c: top_dyads(c), lambda r: render_top(r, "table")), 1.0),
        ("top --n 10, 2022", command(lambda c: top_dyads(c, **year), lambda r: render_top(r, "table")), 1.0),
        ("dyad RUS USA --both --dedup, 2022", command(
            lambda c: dyad_report(c, "RUS", "USA", both=True, dedup=True, **year), lambda r: render_dyad(r, "table")), None),
    ]
    if not args.skip_full_dedup:
        cases.append(("dedup clusters of the whole table (streamed)",
                      command(lambda c: sum(len(chunk) for chunk in iter_clusters(c)), lambda n: n), None))
    print(f"\n{'analysis':48} {'median of 3':>12}  budget")
    for name, fn, budget in cases:
        seconds, result = timed(fn)
        verdict = "-" if budget is None else ("ok" if seconds < budget else "OVER")
        extra = f"  ({result:,} clusters)" if isinstance(result, int) else ""
        print(f"{name:48} {seconds:10.3f} s  {verdict if budget is None else f'< {budget:g} s {verdict}'}{extra}")
    with connect(args.db) as c:
        report = find_alerts(c)
    print(f"\nalerts found: {len(report.alerts)} over {report.dyads_checked:,} dyads")
    print(f"peak memory of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    # the commands as a user runs them: a fresh process (imports included), median of 3
    detente = Path(sys.executable).with_name("detente")
    print(f"\n{'command (fresh process, imports included)':60} {'median of 3':>12}")
    for argv in (["dyad", "RUS", "USA", "--since", "2022-01-01", "--until", "2022-12-31"],
                 ["dyad", "RUS", "USA", "--both", "--since", "2022-01-01", "--until", "2022-12-31"],
                 ["alerts"], ["top"]):
        seconds, _ = timed(lambda: subprocess.run([str(detente), *argv, "--db", str(args.db)], check=True,
                                                  stdout=subprocess.DEVNULL))
        print(f"{'detente ' + ' '.join(argv):60} {seconds:10.3f} s")
    print(f"load average while measuring: {os.getloadavg()[0]:.1f} (1 min)")


if __name__ == "__main__":
    main()
