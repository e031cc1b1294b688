"""A hand-built ``events`` table for the analysis tests and benchmark.

The table follows the shared contract between the store and the analyses (issue 10): the store's
migrations create it in real databases; the analyses read only these columns. This helper lives in
``tests/`` on purpose (the store owns the schema in ``src/``): it lets the analyses be tested on exact,
hand-built rows.
"""

from __future__ import annotations

from datetime import date, timedelta
from itertools import count
from pathlib import Path
from typing import Any, Iterable

import duckdb
import pandas as pd

from detente import cameo as detente_cameo

EVENTS_DDL = """
CREATE TABLE events (
    event_id VARCHAR PRIMARY KEY,
    dataset VARCHAR NOT NULL,
    article_id VARCHAR,
    date DATE,
    source VARCHAR,
    target VARCHAR,
    source_text VARCHAR,
    target_text VARCHAR,
    cameo VARCHAR,
    root VARCHAR,
    quad_class TINYINT,
    goldstein DOUBLE,
    plover VARCHAR,
    plover_mode VARCHAR,
    modality VARCHAR,
    confidence DOUBLE,
    url VARCHAR,
    outlet VARCHAR,
    sentence_text VARCHAR
)
"""
COLUMNS = ("event_id", "dataset", "article_id", "date", "source", "target", "source_text", "target_text", "cameo",
           "root", "quad_class", "goldstein", "plover", "plover_mode", "modality", "confidence", "url", "outlet",
           "sentence_text")

_ids = count(1)


def event(source: str | None, target: str | None, day: date | str | None, cameo: str = "111", *,
          modality: str = "asserted", outlet: str = "wire", article: str | None = None,
          sentence: str | None = "", event_id: str | None = None, dataset: str = "detente") -> dict[str, Any]:
    """One row; quad class, Goldstein and PLOVER are the code's, from detente's CAMEO table as the
    coder gives them; ``sentence=""`` makes a unique sentence (no accidental similarity), ``None`` no
    evidence at all (as in imports)."""
    scores = detente_cameo.scores(cameo)
    quad, goldstein, plover = scores["quad_class"], scores["goldstein"], scores["plover"]
    n = next(_ids)
    if isinstance(day, str):
        day = date.fromisoformat(day)
    return {
        "event_id": event_id or f"e{n}", "dataset": dataset, "article_id": article or f"a{n}", "date": day,
        "source": source, "target": target, "source_text": source, "target_text": target, "cameo": cameo,
        "root": cameo[:2], "quad_class": quad, "goldstein": goldstein, "plover": plover, "plover_mode": None,
        "modality": modality, "confidence": 0.9, "url": None, "outlet": outlet,
        "sentence_text": f"unique sentence number {n} zq{n}x" if sentence == "" else sentence,
    }


def make_db(path: Path, rows: Iterable[dict[str, Any]]) -> Path:
    """A DuckDB file holding an ``events`` table with ``rows``; closed, ready to open read-only."""
    _fill(duckdb.connect(str(path)), rows).close()
    return path


def memory_db(rows: Iterable[dict[str, Any]]) -> duckdb.DuckDBPyConnection:
    """An in-memory database with ``rows`` (fast, for property tests with many examples)."""
    return _fill(duckdb.connect(), rows)


def _fill(con: duckdb.DuckDBPyConnection, rows: Iterable[dict[str, Any]]) -> duckdb.DuckDBPyConnection:
    con.execute(EVENTS_DDL)
    frame = pd.DataFrame(list(rows), columns=list(COLUMNS))
    if len(frame):
        frame["date"] = pd.to_datetime(frame["date"]).dt.date
        con.register("new_rows", frame)
        con.execute(f"INSERT INTO events SELECT {', '.join(COLUMNS)} FROM new_rows")
        con.unregister("new_rows")
    return con


def weekly(source: str, target: str, start: date, counts: Iterable[int], cameo: str = "111", **kw) -> list[dict[str, Any]]:
    """``counts[i]`` events of ``cameo`` in week ``i`` after ``start`` (each on that week's Wednesday)."""
    rows = []
    for i, n in enumerate(counts):
        day = start + timedelta(weeks=i, days=2)
        rows += [event(source, target, day, cameo, **kw) for _ in range(int(n))]
    return rows
