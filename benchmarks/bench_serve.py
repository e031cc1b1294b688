"""Response times of ``detente serve`` on 1,000,000 synthetic events.

    python benchmarks/bench_serve.py [--events 1000000] [--db /tmp/detente-bench-serve.duckdb] [--keep] [--runs 5]

The issue's target: responses for a year of a busy dyad in under 300 ms on the 1M-event database.
The events are ``bench_analyze.py``'s (six busy dyads, RUS–USA among them, 5 years), loaded into a real
detente store (the store's migrations, so the server opens it as it opens any). Each request goes
through the whole application in-process (routing, parameter checks, the query, JSON or HTML
rendering) with FastAPI's TestClient; the time of the first request and the median of ``--runs`` after it.
Not a test: speed is reported, never asserted (STYLE.md 9).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tests"))

import duckdb  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402

from bench_analyze import build  # noqa: E402
from detente.serve import create_app  # noqa: E402
from detente.store import Writer  # noqa: E402
from events_db import COLUMNS  # noqa: E402

YEAR = "since=2022-01-01&until=2022-12-31"


def store(path: Path, n: int) -> None:
    """A detente store at ``path`` holding ``n`` synthetic events (no articles or quotations)."""
    raw = path.with_suffix(".raw.duckdb")
    build(raw, n)
    path.unlink(missing_ok=True)
    with Writer(path, command="bench"):
        pass  # the schema, by the store's own migrations
    con = duckdb.connect(str(path))
    con.execute(f"ATTACH '{raw}' AS raw (READ_ONLY)")
    columns = ", ".join(COLUMNS)
    con.execute(f"INSERT INTO events ({columns}, run_id) SELECT {columns}, 1 FROM raw.events")
    con.execute("DETACH raw")
    con.execute("CHECKPOINT")
    con.close()
    raw.unlink()


def timed(client: TestClient, url: str, runs: int) -> tuple[float, float, int]:
    start = time.perf_counter()
    response = client.get(url)  # the first request (cold: the alerts pass is computed once, then kept)
    first = time.perf_counter() - start
    assert response.status_code == 200, (url, response.text[:300])
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - start)
        assert response.status_code == 200
    return first, statistics.median(times), len(response.content)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/detente-bench-serve.duckdb"))
    parser.add_argument("--keep", action="store_true", help="reuse the database file if it exists")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not (args.keep and args.db.exists()):
        start = time.perf_counter()
        store(args.db, args.events)
        print(f"built {args.events:,} events in {args.db} in {time.perf_counter() - start:.1f} s")
    with TestClient(create_app(args.db)) as client:
        n = client.get("/api/summary").json()["events"]
        year = client.get(f"/api/events?source=RUS&target=USA&{YEAR}&limit=1000")
        pages, body = 1, year.json()
        while body["next"] and pages < 6:  # a cursor deep into the year: the 7th page of 1,000
            body = client.get(f"/api/events?source=RUS&target=USA&{YEAR}&limit=1000&cursor={body['next']}").json()
            pages += 1
        deep = body["next"]
        requests = [
            ("dyad series both ways + reciprocity, RUS–USA 2022, weekly", f"/api/dyads/RUS/USA?{YEAR}"),
            ("dyad series, RUS–USA 2022, daily", f"/api/dyads/RUS/USA?{YEAR}&freq=day"),
            ("events RUS→USA 2022, first page of 100", f"/api/events?source=RUS&target=USA&{YEAR}&limit=100"),
            ("events RUS→USA 2022, a page of 100 after 6,000 rows", f"/api/events?source=RUS&target=USA&{YEAR}&limit=100&cursor={deep}"),
            ("events RUS→USA 2022, CAMEO 17, page of 100", f"/api/events?source=RUS&target=USA&{YEAR}&code=17&limit=100"),
            ("actor RUS per month, 2022", f"/api/actors/RUS?{YEAR}"),
            ("top dyads, 2022", f"/api/top?{YEAR}"),
            ("alerts of RUS–USA (the whole alerts pass)", "/api/alerts?source=RUS&target=USA"),
            ("the dyad page (HTML: series, reciprocity, both events tables)", f"/dyad/RUS/USA?{YEAR}"),
        ]
        print(f"{n:,} events; python {platform.python_version()}, duckdb {duckdb.__version__}, {os.cpu_count()} cores, "
              f"load average {os.getloadavg()[0]:.1f}; median of {args.runs}")
        print("| request | first | median | response |")
        print("|---|---|---|---|")
        for name, url in requests:
            first, seconds, size = timed(client, url, args.runs)
            print(f"| {name} | {first * 1000:.0f} ms | {seconds * 1000:.0f} ms | {size / 1024:.0f} KB |")


if __name__ == "__main__":
    main()
