"""What every analysis reads: the ``events`` table of a detente database, opened read-only, seen
through one relation with actor codes rolled up and modalities grouped.

The analyses read only the columns of the shared ``events`` contract (``REQUIRED_COLUMNS``) and never
write: ``connect`` opens the file with ``read_only=True`` (the store is the one writer, STYLE.md 6).
Modalities are grouped for counting (``MODE_SQL``): ``asserted`` and ``reported`` (and imported rows,
which are asserted) are acts; ``planned`` and ``hypothetical`` are counted apart; ``negated`` and
``denied`` are events the text says did not happen and are never counted (the reports say how many
were left out).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb

from detente.analyze.rollup import rollup_map_sql
from detente.errors import UserInputError
from detente.store.connection import connect as open_store_file

REQUIRED_COLUMNS = (
    "event_id", "dataset", "article_id", "date", "source", "target", "cameo", "root", "quad_class",
    "goldstein", "plover", "modality", "outlet", "sentence_text",
)

# asserted | planned | hypothetical | excluded (negated, denied); NULL (unknown) counts as asserted
MODE_SQL = (
    "(CASE WHEN modality IN ('negated', 'denied') THEN 'excluded' "
    "WHEN modality = 'planned' THEN 'planned' WHEN modality = 'hypothetical' THEN 'hypothetical' "
    "ELSE 'asserted' END)"
)

# DuckDB's working memory for the analyses: beyond it, joins and sorts spill to a temporary directory
# beside the database, so a large table never takes the program past the project's 1 GB
MEMORY_LIMIT = "512MB"

QUAD_NAMES = {1: "verbal_coop", 2: "material_coop", 3: "verbal_conflict", 4: "material_conflict"}


def connect(path: str | Path) -> duckdb.DuckDBPyConnection:
    """Open a detente database read-only, as the store opens one (``store.connection.connect``: a
    missing, locked or non-DuckDB file is refused there), with DuckDB's memory capped at
    ``MEMORY_LIMIT``. A database without an ``events`` table or without the contract's columns is
    refused with a message naming the file (``UserInputError``: the CLI exits 2)."""
    p = Path(path)
    con = open_store_file(p, read_only=True)
    con.execute(f"SET memory_limit = '{MEMORY_LIMIT}'")
    try:
        columns = {r[0] for r in con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'events'").fetchall()}
    except duckdb.Error as exc:
        con.close()
        raise UserInputError(f"{p}: cannot read the database: {exc}") from None
    if not columns:
        con.close()
        raise UserInputError(f"{p}: not a detente database (it has no events table)")
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if missing:
        con.close()
        raise UserInputError(f"{p}: not a detente database: its events table lacks {', '.join(missing)}")
    return con


def events_sql(exact: bool = False, where: str = "TRUE") -> str:
    """A subquery over ``events`` with ``src``/``tgt`` rolled up (or as coded when ``exact``) and
    ``mode`` grouped; rows without a date are left out (analyses are series in time). ``where`` is
    SQL over the raw columns (``e.source``…), applied before the roll-up: a cheap prefilter."""
    columns = ("e.event_id, e.dataset, e.article_id, e.outlet, e.date, e.cameo, e.root, e.quad_class, e.goldstein, "
               f"e.plover, {MODE_SQL.replace('modality', 'e.modality')} AS mode, e.sentence_text")
    if exact:
        return (f"(SELECT {columns}, e.source AS src, e.target AS tgt FROM events e "
                f"WHERE e.date IS NOT NULL AND ({where}))")
    # a prefiltered selection is small: select it once and roll up its own codes; the whole table is
    # read as it is (materialising every column of every row would cost more than the roll-up)
    pre = (f"detente_pre AS (SELECT * FROM events e WHERE e.date IS NOT NULL AND ({where})), "
           if where != "TRUE" else "")
    table = "detente_pre" if pre else "events"
    return (
        f"(WITH {pre}detente_rollup AS {rollup_map_sql(table)} "
        f"SELECT {columns}, coalesce(rs.rolled, e.source) AS src, coalesce(rt.rolled, e.target) AS tgt "
        f"FROM {table} e LEFT JOIN detente_rollup rs ON rs.code = e.source "
        "LEFT JOIN detente_rollup rt ON rt.code = e.target"
        f"{'' if pre else ' WHERE e.date IS NOT NULL'})"
    )


def parse_day(value: str | date | None, name: str) -> date | None:
    """``--since``/``--until`` as a date; a bad value is refused naming the flag."""
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise UserInputError(f"--{name} {value!r} is not a date; write YYYY-MM-DD") from None


def check_period(since: date | None, until: date | None) -> None:
    if since and until and since > until:
        raise UserInputError(f"--since {since} is after --until {until}: nothing to analyse")
