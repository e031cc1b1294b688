"""``detente batch``: code many input files on a Dask cluster into Parquet, resumably (docs/scale.md).

Each input file matched by the glob is a *shard* and one Dask task. A worker builds the pipeline once
(cached per process and settings) and codes its shard through ``detente.ingest.read_inputs`` (so every
format the readers know is batched) and ``Pipeline.code``; the rows are the ones ``detente ingest``
stores (``store.writer.coded_rows``), written as Parquet under ``OUT/<table>/date=YYYY-MM-DD/<shard>.parquet``
(``date=none`` for undated articles and problems of no article), for the tables articles, mentions,
events, quotes and problems.

Resumability: a shard's files are first written under ``OUT/_tmp/<shard>/``, then renamed into place,
then the client records the shard in ``OUT/manifest.jsonl`` (one JSON line, flushed and fsynced). Only
the manifest says a shard is done: a rerun skips the shards it lists (when the input file's size and
modification time are unchanged) and redoes every other one, first deleting any file a killed run left
of it, so the output never loses or repeats a shard. Readers of the output (``load``) read only the
files the manifest lists.

Failed articles are rows of the problems table (a stage that fails on an article is recorded on it by
the pipeline, rejected input by the readers) and never stop the run; a shard whose task fails as a
whole (a worker lost twice) is reported and left out of the manifest, so the next run retries it.

What it does not do: write the store (``load`` hands the Parquet to the store's one writer) or print
(``cli`` passes ``on_shard``).
"""

from __future__ import annotations

import glob as globlib
import hashlib
import json
import os
import re
import shutil
import time
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any, Callable, Iterable

from detente.errors import UserInputError
from detente.ingest.readers import CONLLU_SUFFIXES, JSONL_SUFFIXES, TEXT_SUFFIXES, _suffix
from detente.settings import Settings
from detente.store.writer import TABLES, WriteSummary, Writer, arrow_schemas, coded_rows, dictionary_hashes

MANIFEST = "manifest.jsonl"
READABLE = TEXT_SUFFIXES | JSONL_SUFFIXES | CONLLU_SUFFIXES
NO_DATE = "none"
_SAFE = re.compile(r"[^A-Za-z0-9_.-]+")

INSTALL_HINT = "detente batch needs Dask: pip install 'detente[batch]' (dask and distributed)"


# -- shards and the manifest ----------------------------------------------------------------------


def find_shards(patterns: Iterable[str]) -> list[Path]:
    """The input files matched by ``patterns`` (globs, ``**`` allowed; a matched directory gives its
    readable files), each once, in name order. Raises ``UserInputError`` when nothing matches."""
    found: dict[str, Path] = {}
    for pattern in patterns:
        matches = sorted(globlib.glob(os.path.expanduser(pattern), recursive=True))
        if not matches:
            raise UserInputError(f"no input file matches {pattern!r}; give a glob such as 'news/*.jsonl.gz' (quoted, so "
                                 f"detente expands it) or a directory")
        for m in matches:
            path = Path(m)
            files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")) if path.is_dir() else [path]
            for f in files:
                if f.is_file() and (_suffix(f) in READABLE or not path.is_dir()):
                    found.setdefault(str(f.resolve()), f)
    if not found:
        raise UserInputError(f"no readable input file in {', '.join(map(repr, patterns))}; detente reads "
                             f".txt, .jsonl, .jsonl.gz and .conllu files")
    return sorted(found.values(), key=lambda p: str(p))


def shard_name(path: Path) -> str:
    """A file name for the shard read from ``path``: its stem (readable) and a hash of its full path
    (unique)."""
    digest = hashlib.sha1(str(path.resolve()).encode("utf-8")).hexdigest()[:12]
    stem = _SAFE.sub("_", path.name)[:60]
    return f"{stem}-{digest}"


def _stamp(path: Path) -> dict[str, Any]:
    st = path.stat()
    return {"size": st.st_size, "mtime_ns": st.st_mtime_ns}


def read_manifest(out: str | Path) -> dict[str, dict[str, Any]]:
    """The done shards recorded in ``OUT/manifest.jsonl``, by shard name (a later line wins). A line
    cut short by a kill is ignored: its shard is not done."""
    path = Path(out) / MANIFEST
    done: dict[str, dict[str, Any]] = {}
    if not path.exists():
        return done
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(record, dict) and "shard" in record and line.endswith("\n"):
                done[record["shard"]] = record
    return done


def _record(out: Path, record: dict[str, Any]) -> None:
    path = out / MANIFEST
    torn = False  # a line cut short by an earlier kill must not swallow this one
    if path.exists() and path.stat().st_size:
        with open(path, "rb") as fh:
            fh.seek(-1, os.SEEK_END)
            torn = fh.read(1) != b"\n"
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(("\n" if torn else "") + json.dumps(record, sort_keys=True) + "\n")
        fh.flush()
        os.fsync(fh.fileno())


def shard_files(out: str | Path, shard: str) -> list[Path]:
    """Every Parquet file of ``shard`` under ``out`` (complete or left by a killed run)."""
    out = Path(out)
    return sorted(p for table in TABLES for p in (out / table).glob(f"date=*/{shard}.parquet"))


# -- the task a worker runs -----------------------------------------------------------------------

_PIPELINES: dict[Settings, Any] = {}


def _pipeline(settings: Settings):
    """The pipeline for ``settings``, built once per worker process (dictionaries and spaCy loaded once)."""
    if settings not in _PIPELINES:
        from detente.pipeline import Pipeline

        _PIPELINES.clear()
        _PIPELINES[settings] = Pipeline(settings)
    return _PIPELINES[settings]


def code_shard(path: str, out: str, shard: str, settings: Settings) -> dict[str, Any]:
    """Code one input file and write its Parquet files under ``out`` (the Dask task). Returns the
    shard's manifest record; the caller records it. Safe to run again on the same shard: its old files
    are replaced."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    started = time.perf_counter()
    from detente.ingest import read_inputs

    pipeline = _pipeline(replace(settings, workers=1))  # a Dask worker is the process; no parser children
    loose: list = []  # input the readers rejected; the dictionaries' warnings belong to the run, not a shard
    from detente.ingest import parse_date

    reference = parse_date(settings.date, "date setting")[0] if settings.date else None  # as ingest: the year of datelines
    coded = list(pipeline.code(read_inputs([path], default_date=reference), on_rejected=loose.append))
    rows = coded_rows(coded, loose)
    dates = {c.article.id: c.article.published for c in coded}
    schemas = arrow_schemas()

    tmp = Path(out) / "_tmp" / shard
    shutil.rmtree(tmp, ignore_errors=True)
    for old in shard_files(out, shard):  # a killed run's files of this shard
        old.unlink()
    written: list[str] = []
    counts = {t: len(rows[t]) for t in TABLES}
    for table in TABLES:
        by_date: dict[str, list[dict[str, Any]]] = {}
        for r in rows[table]:
            day = r.get("published") if table == "articles" else dates.get(r.get("article_id"))
            by_date.setdefault(day.isoformat() if isinstance(day, date) else NO_DATE, []).append(r)
        for day, part in sorted(by_date.items()):
            target = Path(table) / f"date={day}" / f"{shard}.parquet"
            staged = tmp / target
            staged.parent.mkdir(parents=True, exist_ok=True)
            pq.write_table(pa.Table.from_pylist(part, schema=schemas[table]), staged)
            written.append(str(target))
    for rel in written:  # every file is complete before any is in place
        final = Path(out) / rel
        final.parent.mkdir(parents=True, exist_ok=True)
        os.replace(tmp / rel, final)
    shutil.rmtree(tmp, ignore_errors=True)
    return {
        "shard": shard, "path": str(Path(path).resolve()), **_stamp(Path(path)), "files": written,
        "articles": counts["articles"], "events": counts["events"], "quotes": counts["quotes"],
        "problems": counts["problems"], "failed": sum(1 for c in coded if c.failed),
        "rejected": sum(1 for p in loose if p.severity == "error"),
        "seconds": round(time.perf_counter() - started, 3),
    }


# -- the client -----------------------------------------------------------------------------------


@dataclass
class BatchSummary:
    """What a batch run did: shards in all, skipped as done, coded now, failed (to retry), and the
    articles, events and problems of the shards coded now."""

    shards: int = 0
    skipped: int = 0
    coded: int = 0
    failed: list[str] = field(default_factory=list)
    articles: int = 0
    events: int = 0
    quotes: int = 0
    problems: int = 0
    failed_articles: int = 0
    rejected: int = 0
    seconds: float = 0.0

    def line(self) -> str:
        rate = f", {self.articles / self.seconds:.1f} articles/s" if self.seconds and self.articles else ""
        failed = f"; {len(self.failed)} shard{'s' if len(self.failed) != 1 else ''} failed (rerun to retry)" if self.failed else ""
        return (f"{self.coded} shard{'s' if self.coded != 1 else ''} coded, {self.skipped} already done, of {self.shards}: "
                f"{self.articles} articles, {self.events} events, {self.quotes} quotes, {self.problems} problems{rate}{failed}")


def _client(workers: int | None, scheduler: str | None):
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise UserInputError(INSTALL_HINT) from None
    if scheduler:
        try:
            return Client(scheduler, timeout="30s"), None
        except (OSError, TimeoutError) as exc:
            raise UserInputError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    n = workers or 1
    # one single-threaded process per worker: spaCy and the stages hold the GIL
    cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None,
                           silence_logs=50)
    return Client(cluster), cluster


def run_batch(patterns: Iterable[str], out: str | Path, settings: Settings | None = None, *, workers: int | None = None,
              scheduler: str | None = None, on_shard: Callable[[dict[str, Any], BatchSummary], None] | None = None,
              on_start: Callable[[BatchSummary], None] | None = None) -> BatchSummary:
    """Code every shard matched by ``patterns`` that ``out``'s manifest does not list as done, on a
    local cluster of ``workers`` processes or the Dask ``scheduler`` at ``tcp://host:port`` (whose
    workers must see the input and ``out`` at the same paths: shared storage). ``on_shard`` is called
    with each finished shard's record; the manifest is written here, by the client only."""
    settings = settings or Settings()
    if workers is not None and scheduler:
        raise UserInputError("give --workers N (a local cluster) or --scheduler tcp://host:port (an existing one), not both")
    if workers is not None and workers < 1:
        raise UserInputError(f"--workers must be 1 or more, not {workers}")
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise UserInputError(f"--out {out} is a file; give a directory (created if missing)")
    shards = find_shards(patterns)
    out.mkdir(parents=True, exist_ok=True)
    done = read_manifest(out)
    summary = BatchSummary(shards=len(shards))
    todo = []
    for path in shards:
        name = shard_name(path)
        record = done.get(name)
        if record and record.get("size") == _stamp(path)["size"] and record.get("mtime_ns") == _stamp(path)["mtime_ns"]:
            summary.skipped += 1
        else:
            todo.append((path, name))
    if on_start:
        on_start(summary)
    if not todo:
        return summary
    client, cluster = _client(workers, scheduler)
    started = time.perf_counter()
    try:
        from distributed import as_completed

        futures = {client.submit(code_shard, str(path), str(out.resolve()), name, settings, key=f"detente-shard-{name}",
                                 pure=False, retries=1): name for path, name in todo}
        for future in as_completed(futures):
            name = futures[future]
            try:
                record = future.result()
            except Exception as exc:  # the task failed as a whole: not done, retried by the next run
                summary.failed.append(f"{name}: {type(exc).__name__}: {exc}")
                continue
            _record(out, record)
            summary.coded += 1
            for key in ("articles", "events", "quotes", "problems"):
                setattr(summary, key, getattr(summary, key) + record[key])
            summary.failed_articles += record["failed"]
            summary.rejected += record["rejected"]
            summary.seconds = time.perf_counter() - started
            if on_shard:
                on_shard(record, summary)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    summary.seconds = time.perf_counter() - started
    shutil.rmtree(out / "_tmp", ignore_errors=True)
    return summary


# -- loading into the store -----------------------------------------------------------------------


def load(out: str | Path, db: str | Path, settings: Settings | None = None) -> WriteSummary:
    """Store the Parquet of the shards ``out``'s manifest lists in the DuckDB store ``db``, through the
    store's one writer, in one transaction. Loading again replaces the same articles' rows: the store
    ends the same. Files of shards the manifest does not list (a killed run's) are not read."""
    out = Path(out)
    if not out.is_dir():
        raise UserInputError(f"{out} is not a directory; give the --out directory of a detente batch run")
    done = read_manifest(out)
    if not done:
        raise UserInputError(f"{out} has no {MANIFEST} listing a finished shard; run detente batch 'GLOB' --out {out} first")
    files: dict[str, list[str]] = {t: [] for t in TABLES}
    for name, record in done.items():
        for rel in record["files"]:
            path = out / rel
            if not path.is_file():
                raise UserInputError(f"{path} is listed in {out / MANIFEST} but missing; rerun detente batch on the same --out "
                                     f"after deleting the line of shard {name!r}")
            files[Path(rel).parts[0]].append(str(path))
    settings = settings or Settings()
    with Writer(db, command="load", settings=settings, dictionaries=dictionary_hashes(settings), inputs=[str(out)]) as writer:
        writer.add_parquet(files, list(done))
    return writer.summary
