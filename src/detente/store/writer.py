"""The one writer of the store (STYLE.md 6): coded articles and imported events go into DuckDB here and
nowhere else.

A ``Writer`` opens the file read-write, applies the missing migrations, records a ``runs`` row (detente
version, settings, dictionary hashes, inputs) and then writes in transactions of whole articles: each
article's old rows (its events, mentions, quotes, problems and the article itself) are deleted and its
new rows inserted in the same transaction as the other articles of the batch, so re-ingesting an article
replaces it (no duplicates, no orphans) and a process killed at any moment leaves every article either
as it was before or as it is now, never half. Batches (``store_batch`` articles) amortise the commit;
one article is never split across two. Imported events are written the same way, ``batch`` rows at a
time, replacing rows with the same ``event_id``.

Rows go in as Arrow tables built against the table's own column types (read from the database, so the
writer follows the migrations), one ``INSERT … SELECT`` per table and batch.

What it does not do: code articles (the pipeline), read foreign formats (``imports.py``) or answer queries
(``reader.py``).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable

import duckdb
import pyarrow as pa

from detente.errors import StoreError
from detente.export import event_row, quote_record
from detente.model import CodedArticle, Problem
from detente.store.connection import connect, migrate
from detente.store.schema import MIGRATIONS

_ARROW = {
    "VARCHAR": pa.string(), "INTEGER": pa.int32(), "BIGINT": pa.int64(), "TINYINT": pa.int8(), "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(), "DATE": pa.date32(), "TIMESTAMP": pa.timestamp("us"),
}


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def file_hashes(paths: Iterable[str | Path]) -> dict[str, str]:
    """SHA-256 of every file under ``paths`` (files, or directories read recursively), by path."""
    out: dict[str, str] = {}
    for raw in paths:
        path = Path(raw)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path] if path.is_file() else []
        for f in files:
            out[str(f)] = hashlib.sha256(f.read_bytes()).hexdigest()
    return out


def dictionary_hashes(settings: Any) -> dict[str, str]:
    """The hashes of the dictionary files a pipeline with ``settings`` loads: the shipped ones (only
    ``rules.toml`` with ``default_dictionaries`` off) and every ``--dict`` path."""
    from detente.dictionaries import default_dictionary_dir

    shipped = default_dictionary_dir()
    paths: list[Path] = [shipped] if settings.default_dictionaries else [shipped / "rules.toml"]
    return file_hashes([*paths, *settings.dictionaries])


TABLES = ("articles", "mentions", "events", "quotes", "problems")


def coded_rows(batch: Iterable[CodedArticle], loose: Iterable[Problem] = (), run_id: int | None = None) -> dict[str, list[dict[str, Any]]]:
    """The rows of ``TABLES`` that store ``batch`` (and the problems of no article, ``loose``): what
    ``Writer`` inserts, and what ``detente batch`` writes to Parquet (there with ``run_id`` None; the
    load that stores them sets it)."""
    rid = run_id
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    for c in batch:
        a = c.article
        rows["articles"].append({
            "article_id": a.id, "run_id": rid, "title": a.title, "url": a.url, "outlet": a.source, "published": a.published,
            "language": a.language, "text": a.text, "meta": json.dumps([list(kv) for kv in a.meta]) if a.meta else None,
            "n_mentions": len(c.mentions), "n_events": len(c.events), "n_quotes": len(c.quotes),
            "n_problems": len(c.problems), "failed": c.failed,
        })
        for n, m in enumerate(c.mentions):
            rows["mentions"].append({
                "article_id": a.id, "n": n, "run_id": rid, "start": m.start, "end": m.end, "text": m.text, "code": m.code or None,
                "kind": m.kind, "via": m.via, "name": m.name, "resolution": m.resolution,
                "antecedent_start": m.antecedent[0] if m.antecedent else None,
                "antecedent_end": m.antecedent[1] if m.antecedent else None, "given": m.given,
            })
        for e in c.events:
            rows["events"].append({**event_row(c, e), "run_id": rid})
        for q in c.quotes:
            r = quote_record(c, q)
            rows["quotes"].append({
                "quote_id": q.id, "article_id": a.id, "run_id": rid, "date": a.published, "kind": q.kind,
                "content": json.dumps(r["content"]), "text": r["text"], "speaker_text": r["speaker_text"],
                "speaker_start": r["speaker_start"], "speaker_end": r["speaker_end"], "speaker_name": r["speaker_name"],
                "speaker_role": r["speaker_role"], "speaker": r["speaker"], "cue_start": q.cue[0] if q.cue else None,
                "cue_end": q.cue[1] if q.cue else None, "cue_lemma": q.cue_lemma, "floating": q.floating, "via": q.via,
            })
        for p in c.problems:
            rows["problems"].append(problem_row(p, a.id, rid))
    for p in loose:
        rows["problems"].append(problem_row(p, None, rid))
    return rows


def problem_row(p: Problem, article_id: str | None, run_id: int | None = None) -> dict[str, Any]:
    return {"run_id": run_id, "article_id": article_id or p.article, "stage": p.stage, "severity": p.severity,
            "message": p.message, "where": p.where}


def arrow_schemas() -> dict[str, pa.Schema]:
    """The Arrow schema of each of ``TABLES`` as the current migrations define it, without ``run_id``
    and ``problem_id`` (set by the store): the columns of ``detente batch``'s Parquet files."""
    con = duckdb.connect(":memory:")
    try:
        for m in MIGRATIONS:
            for statement in m.statements:
                con.execute(statement)
        cols = con.execute("SELECT table_name, column_name, data_type FROM duckdb_columns() WHERE schema_name = 'main' "
                           "ORDER BY table_name, column_index").fetchall()
    finally:
        con.close()
    fields: dict[str, list[tuple[str, pa.DataType]]] = {t: [] for t in TABLES}
    for table, name, kind in cols:
        if table in fields and name not in ("run_id", "problem_id"):
            fields[table].append((name, _ARROW[kind]))
    return {t: pa.schema(f) for t, f in fields.items()}


@dataclass
class WriteSummary:
    """What a run wrote: articles, events, quotes and problems (warnings included), and how many
    articles replaced another stored earlier in the same run under the same id."""

    articles: int = 0
    events: int = 0
    quotes: int = 0
    problems: int = 0
    replaced_in_run: int = 0
    replaced_ids: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (f"{self.articles} article{'s' if self.articles != 1 else ''}, {self.events} event{'s' if self.events != 1 else ''}, "
                f"{self.quotes} quote{'s' if self.quotes != 1 else ''}, {self.problems} problem{'s' if self.problems != 1 else ''}")


class Writer:
    """Writes one run into the store at ``path``. Use as a context manager; ``close()`` commits what is
    buffered and records the run's end. ``command`` names the run ("ingest", "import gdelt"...)."""

    def __init__(self, path: str | Path, *, command: str, settings: Any = None, dictionaries: dict[str, str] | None = None,
                 inputs: Iterable[str] = (), batch_size: int = 64) -> None:
        from detente import __version__

        self.path = Path(path)
        self.batch_size = max(1, int(batch_size))
        self.con = connect(self.path, read_only=False)
        try:
            migrate(self.con, self.path)
            self._types = self._column_types()
            self.run_id = self.con.execute("SELECT coalesce(max(run_id), 0) + 1 FROM runs").fetchall()[0][0]
            settings_json = json.dumps(asdict(settings), default=str, sort_keys=True) if settings is not None else None
            self.con.execute(
                "INSERT INTO runs (run_id, command, started_at, status, detente_version, settings, dictionaries, inputs) "
                "VALUES (?, ?, ?, 'running', ?, ?, ?, ?)",
                [self.run_id, command, _now(), __version__, settings_json, json.dumps(dictionaries or {}, sort_keys=True),
                 json.dumps(list(inputs))],
            )
        except BaseException:
            self.con.close()
            raise
        self.summary = WriteSummary()
        self._articles: dict[str, CodedArticle] = {}
        self._loose: list[Problem] = []  # problems of no article (rejected input, dictionary warnings)
        self._seen: set[str] = set()
        self._closed = False

    def _column_types(self) -> dict[str, dict[str, str]]:
        types: dict[str, dict[str, str]] = {}
        for table, name, kind in self.con.execute(
                "SELECT table_name, column_name, data_type FROM duckdb_columns() WHERE schema_name = 'main' "
                "ORDER BY table_name, column_index").fetchall():
            types.setdefault(table, {})[name] = kind
        return types

    # -- coded articles ----------------------------------------------------------------------------

    def add(self, coded: CodedArticle) -> None:
        """Queue one coded article; the batch is committed when it holds ``batch_size`` articles."""
        aid = coded.article.id
        if aid in self._seen:
            self.summary.replaced_in_run += 1
            if len(self.summary.replaced_ids) < 20:
                self.summary.replaced_ids.append(aid)
            if aid in self._articles:  # still in this batch: the later one wins, as it would across batches
                del self._articles[aid]
        self._seen.add(aid)
        self._articles[aid] = coded
        if len(self._articles) >= self.batch_size:
            self.flush()

    def add_problem(self, problem: Problem) -> None:
        """Queue a problem that belongs to no article (input rejected by ingest, a dictionary warning);
        it replaces an earlier record of the same place (``where``) so a rerun does not repeat it."""
        self._loose.append(problem)

    def flush(self) -> None:
        """Commit the queued articles and problems in one transaction."""
        if not self._articles and not self._loose:
            return
        batch = list(self._articles.values())
        loose = self._loose
        rows = self._rows(batch, loose)
        ids = [c.article.id for c in batch]
        wheres = sorted({p.where for p in loose if p.where})
        self._transaction(lambda: self._replace(ids, wheres, rows))
        self.summary.articles += len(batch)
        self.summary.events += len(rows["events"])
        self.summary.quotes += len(rows["quotes"])
        self.summary.problems += len(rows["problems"])
        self._articles = {}
        self._loose = []

    def _rows(self, batch: list[CodedArticle], loose: list[Problem]) -> dict[str, list[dict[str, Any]]]:
        return coded_rows(batch, loose, self.run_id)

    def _problem_row(self, p: Problem, article_id: str | None) -> dict[str, Any]:
        return problem_row(p, article_id, self.run_id)

    def _replace(self, ids: list[str], wheres: list[str], rows: dict[str, list[dict[str, Any]]]) -> None:
        if ids:
            self.con.register("_ids", pa.table({"id": pa.array(ids, pa.string())}))
            # an article's rows are only ever written with its articles row (same transaction), so when
            # none of the batch is stored yet (a first ingest) there is nothing to delete
            if self.con.execute("SELECT count(*) FROM articles WHERE article_id IN (SELECT id FROM _ids)").fetchall()[0][0]:
                for table in ("events", "mentions", "quotes", "problems", "articles"):
                    only_ours = " AND dataset = 'detente'" if table == "events" else ""  # never an imported row
                    self.con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT id FROM _ids){only_ours}")
            self.con.unregister("_ids")
        if wheres:
            self.con.execute('DELETE FROM problems WHERE article_id IS NULL AND "where" IN (SELECT unnest(?))', [wheres])
        for table in ("articles", "mentions", "events", "quotes", "problems"):
            self._insert(table, rows[table])

    def _insert(self, table: str, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        types = self._types[table]
        names = [n for n in types if n in rows[0] or n in ("run_id",)]
        if table == "problems":
            names = [n for n in names if n != "problem_id"]
        schema = pa.schema([(n, _ARROW[types[n]]) for n in names])
        data = pa.Table.from_pylist(rows, schema=schema)
        self.con.register("_batch", data)
        cols = ", ".join(f'"{n}"' for n in names)
        self.con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM _batch")
        self.con.unregister("_batch")

    def _transaction(self, work) -> None:
        self.con.execute("BEGIN TRANSACTION")
        try:
            work()
            self.con.execute("COMMIT")
        except BaseException as exc:
            try:
                self.con.execute("ROLLBACK")
            except duckdb.Error:
                pass
            if isinstance(exc, duckdb.Error):
                raise StoreError(f"{self.path}: writing failed, the batch was rolled back: {str(exc).splitlines()[0]}") from None
            raise

    # -- batch output ------------------------------------------------------------------------------

    def add_parquet(self, files: dict[str, list[str]], shards: list[str]) -> None:
        """Store the Parquet rows ``detente batch`` wrote (``files``: the files of each of ``TABLES``,
        named ``<shard>.parquet``; ``shards``: the shard names, later ones winning) in one
        transaction. Each article replaces its stored rows, as re-ingesting would, so loading the same
        output twice changes nothing; an article id found in two shards is taken from the later
        shard only (never duplicated); a problem of no article replaces the stored one of the same place."""
        if not files.get("articles") and not files.get("problems"):
            return
        con = self.con

        def source(table: str) -> str:
            listed = ", ".join("'" + str(f).replace("'", "''") + "'" for f in files[table])
            return (f"(SELECT *, regexp_extract(filename, '([^/\\\\]+)\\.parquet$', 1) AS _shard FROM "
                    f"read_parquet([{listed}], union_by_name = true, filename = true, hive_partitioning = false))")

        def work() -> None:
            con.register("_order", pa.table({"shard": pa.array(shards, pa.string()), "n": pa.array(range(len(shards)), pa.int64())}))
            if files.get("articles"):
                con.execute(f"CREATE OR REPLACE TEMP TABLE _win AS SELECT a.article_id, arg_max(a._shard, o.n) AS shard "
                            f"FROM {source('articles')} a JOIN _order o ON o.shard = a._shard GROUP BY a.article_id")
            else:
                con.execute("CREATE OR REPLACE TEMP TABLE _win (article_id VARCHAR, shard VARCHAR)")
            if con.execute("SELECT count(*) FROM articles WHERE article_id IN (SELECT article_id FROM _win)").fetchall()[0][0]:
                for table in ("events", "mentions", "quotes", "problems", "articles"):
                    only_ours = " AND dataset = 'detente'" if table == "events" else ""
                    con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT article_id FROM _win){only_ours}")
            if files.get("problems"):
                con.execute(f'DELETE FROM problems WHERE article_id IS NULL AND "where" IN '
                            f'(SELECT "where" FROM {source("problems")} WHERE article_id IS NULL AND "where" IS NOT NULL)')
            for table in TABLES:
                if not files.get(table):
                    continue
                names = [n for n in self._types[table] if n not in ("run_id", "problem_id")]
                cols = ", ".join(f'"{n}"' for n in names)
                keep = "(s.article_id, s._shard) IN (SELECT article_id, shard FROM _win)"
                if table == "problems":
                    keep += " OR s.article_id IS NULL"
                n = con.execute(f"INSERT INTO {table} ({cols}, run_id) SELECT {', '.join('s.' + chr(34) + c + chr(34) for c in names)}, "
                                f"{int(self.run_id)} FROM {source(table)} s WHERE {keep}").fetchall()[0][0]
                if table == "articles":
                    self.summary.articles += n
                elif table in ("events", "quotes", "problems"):
                    setattr(self.summary, table, getattr(self.summary, table) + n)
            con.execute("DROP TABLE _win")
            con.unregister("_order")

        self._transaction(work)

    # -- imported events ---------------------------------------------------------------------------

    def add_events(self, rows: list[dict[str, Any]], problems: Iterable[Problem] = ()) -> None:
        """Write imported event rows (``EVENT_ROW_FIELDS`` keys) in one transaction, replacing stored
        rows with the same ``event_id``; ``problems`` (malformed rows of the same batch) are stored
        with them. The caller makes ids unique within a batch."""
        prepared = [{**r, "run_id": self.run_id} for r in rows]
        problem_rows = [self._problem_row(p, None) for p in problems]
        wheres = sorted({p["where"] for p in problem_rows if p["where"]})

        def work() -> None:
            if prepared:
                self.con.register("_ids", pa.table({"id": pa.array([r["event_id"] for r in prepared], pa.string())}))
                self.con.execute("DELETE FROM events WHERE event_id IN (SELECT id FROM _ids)")
                self.con.unregister("_ids")
            if wheres:
                self.con.execute('DELETE FROM problems WHERE article_id IS NULL AND "where" IN (SELECT unnest(?))', [wheres])
            self._insert("events", prepared)
            self._insert("problems", problem_rows)

        self._transaction(work)
        self.summary.events += len(prepared)
        self.summary.problems += len(problem_rows)

    # -- closing -----------------------------------------------------------------------------------

    def close(self, status: str = "done") -> WriteSummary:
        """Commit what is queued, record the run's counts and end, and close the file."""
        if self._closed:
            return self.summary
        try:
            if status in ("done", "interrupted"):  # queued articles are whole: keep them
                self.flush()
            s = self.summary
            self.con.execute(
                "UPDATE runs SET finished_at = ?, status = ?, articles = ?, events = ?, quotes = ?, problems = ? WHERE run_id = ?",
                [_now(), status, s.articles, s.events, s.quotes, s.problems, self.run_id],
            )
        finally:
            self.con.close()
            self._closed = True
        return self.summary

    def __enter__(self) -> Writer:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        self.close("done" if exc_type is None else "interrupted" if exc_type is KeyboardInterrupt else "failed")


def upgrade(path: str | Path) -> list[int]:
    """Apply the missing migrations to the store at ``path`` (what a reader asks for when it opens a file
    made by an older detente); returns the versions applied."""
    con = connect(path, read_only=False)
    try:
        return migrate(con, path)
    finally:
        con.close()
