"""Opening a store file: one place that turns DuckDB's errors into ``StoreError`` messages naming the
file, and applies the numbered migrations of ``schema.py``.

What it does not do: write rows (only ``writer.py`` does) or query them (``reader.py``).
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Sequence

import duckdb

from detente.errors import StoreError
from detente.store.schema import MIGRATIONS, MIGRATIONS_TABLE, SCHEMA_VERSION, Migration

# nothing downloads at run time (DESIGN.md §6): Parquet and JSON are built into the wheel. DuckDB's own
# memory stays under 768 MB (it spills big sorts to a temporary directory beside the file), so no query
# or export takes detente past 1 GB (DESIGN.md §5).
_CONFIG = {"autoinstall_known_extensions": False, "autoload_known_extensions": False, "memory_limit": "768MB"}


def connect(path: str | Path, *, read_only: bool) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection to ``path``; read-only connections need the file to exist."""
    path = Path(path)
    if read_only and not path.is_file():
        raise StoreError(f"{path}: no such database; create one with `detente ingest FILES --db {path}` or `detente import`")
    if not read_only and path.parent and not path.parent.exists():
        raise StoreError(f"{path}: directory {path.parent} does not exist")
    try:
        return duckdb.connect(str(path), read_only=read_only, config=_CONFIG)
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            raise StoreError(f"{path}: the database is in use by another process (DuckDB allows one writer at a time, "
                             f"and no reader while it writes); try again when it has finished") from None
        raise StoreError(f"{path}: cannot open the database: {_first_line(exc)}") from None
    except duckdb.Error as exc:
        raise StoreError(f"{path}: not a DuckDB database this detente can read: {_first_line(exc)}") from None


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def schema_version(con: duckdb.DuckDBPyConnection, path: str | Path) -> int:
    """The highest migration recorded in the database: 0 for an empty file. A file with tables but
    no migrations table is some other program's database, and is refused."""
    tables = {row[0] for row in con.execute("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'").fetchall()}
    if "schema_migrations" not in tables:
        if tables:
            raise StoreError(f"{path}: a DuckDB database but not a detente store (it has tables {', '.join(sorted(tables)[:5])} "
                             f"and no schema_migrations); use another file")
        return 0
    return con.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchall()[0][0]


def check_not_newer(version: int, path: str | Path, known: int = SCHEMA_VERSION) -> None:
    if version > known:
        from detente import __version__

        raise StoreError(f"{path}: written by a newer detente (store schema version {version}; detente {__version__} "
                         f"knows versions up to {known}); upgrade detente to read or write it")


def migrate(con: duckdb.DuckDBPyConnection, path: str | Path, migrations: Sequence[Migration] = MIGRATIONS) -> list[int]:
    """Apply the migrations the database lacks, each in its own transaction with its record; returns
    the versions applied (none for an up-to-date file)."""
    from detente import __version__

    version = schema_version(con, path)
    known = migrations[-1].version if migrations else 0
    check_not_newer(version, path, known)
    applied = []
    for migration in migrations:
        if migration.version <= version:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(MIGRATIONS_TABLE)
            for statement in migration.statements:
                con.execute(statement)
            con.execute("INSERT INTO schema_migrations VALUES (?, ?, ?, ?)",
                        [migration.version, migration.name, datetime.now(timezone.utc).replace(tzinfo=None), __version__])
            con.execute("COMMIT")
        except duckdb.Error as exc:
            con.execute("ROLLBACK")
            raise StoreError(f"{path}: migration {migration.version} ({migration.name}) failed: {_first_line(exc)}") from None
        applied.append(migration.version)
    return applied
