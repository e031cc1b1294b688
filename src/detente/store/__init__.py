"""The DuckDB store (DESIGN.md §2): numbered migrations (``schema.py``, applied by ``connection.py``), the
one writer (``writer.py``), ingest and imports through it (``load.py``, ``imports.py``) and read-only
queries returning pandas DataFrames (``reader.py``). docs/store.md describes the tables.
"""

from detente.store.imports import FORMATS, ImportSummary, import_files
from detente.store.load import ingest
from detente.store.reader import DATASETS, Reader, actor_clause, open_store
from detente.store.schema import MIGRATIONS, SCHEMA_VERSION, Migration
from detente.store.writer import WriteSummary, Writer, upgrade

__all__ = [
    "DATASETS",
    "FORMATS",
    "ImportSummary",
    "MIGRATIONS",
    "Migration",
    "Reader",
    "SCHEMA_VERSION",
    "WriteSummary",
    "Writer",
    "actor_clause",
    "import_files",
    "ingest",
    "open_store",
    "upgrade",
]
