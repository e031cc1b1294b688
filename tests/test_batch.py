"""``detente batch`` on a local Dask cluster and ``detente load``: the Parquet holds exactly what ``detente
code`` and ``detente ingest`` give on the same input; a batch killed with SIGKILL and rerun ends with the
same output, nothing lost and nothing twice; loading twice gives the same rows (docs/scale.md)."""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from detente import batch
from detente.cli import main
from detente.explain import sample_corpus
from detente.ingest import read_inputs
from detente.store import ingest
from detente.store.writer import TABLES, coded_rows

pytestmark = pytest.mark.spacy

KEYS = {"articles": ("article_id",), "mentions": ("article_id", "n"), "events": ("event_id",), "quotes": ("quote_id",),
        "problems": ("article_id", "stage", "message", "where")}


def sample_lines() -> list[str]:
    return sample_corpus().read_text(encoding="utf-8").splitlines()


def write_shards(folder: Path, lines: list[str], per_shard: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(0, len(lines), per_shard):
        path = folder / f"shard{n // per_shard:02d}.jsonl"
        path.write_text("\n".join(lines[n:n + per_shard]) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def output(out: Path, table: str) -> list[dict]:
    """The rows of ``table`` in the files of the shards the manifest lists, sorted by their key."""
    rows = []
    for record in batch.read_manifest(out).values():
        for rel in record["files"]:
            if rel.startswith(table + "/"):
                rows += pq.read_table(out / rel).to_pylist()
    return sorted(rows, key=lambda r: tuple(str(r[k]) for k in KEYS[table]))


def expected(pipeline, paths: list[Path]) -> dict[str, list[dict]]:
    """What the batch must write: the rows ``ingest`` stores for the same articles, without ``run_id``."""
    rejected = []
    coded = list(pipeline.code(read_inputs([str(p) for p in paths]), on_rejected=rejected.append))
    rows = coded_rows(coded, rejected)
    return {t: sorted(({k: v for k, v in r.items() if k != "run_id"} for r in rows[t]),
                      key=lambda r: tuple(str(r[k]) for k in KEYS[t])) for t in TABLES}


def store_rows(db: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        for t in TABLES:
            cols = [c for (c,) in con.execute(f"SELECT column_name FROM duckdb_columns() WHERE table_name = '{t}' "
                                              "ORDER BY column_index").fetchall() if c not in ("run_id", "problem_id")]
            out[t] = sorted(con.execute(f"SELECT {', '.join(chr(34) + c + chr(34) for c in cols)} FROM {t}").fetchall(), key=str)
        return out
    finally:
        con.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[Path]:
    """12 sample articles in four JSONL shards, one gzipped, plus a shard with a broken line and an
    empty text (rejected input that must land in the problems output)."""
    folder = tmp_path_factory.mktemp("corpus")
    paths = write_shards(folder, sample_lines()[:9], 3)
    gz = folder / "shard09.jsonl.gz"
    with gzip.open(gz, "wt", encoding="utf-8") as fh:
        fh.write("\n".join(sample_lines()[9:12]) + "\n")
    bad = folder / "shard10.jsonl"
    bad.write_text('{"id": "broken", "text": \n{"id": "empty", "text": ""}\n', encoding="utf-8")
    return [*paths, gz, bad]


@pytest.fixture(scope="module")
def batch_out(corpus, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("batch") / "out"
    status = main(["batch", str(corpus[0].parent / "shard*"), "--out", str(out), "--workers", "2", "--progress", "never"])
    assert status == 2  # two inputs rejected, the rest coded
    return out


def test_batch_with_two_workers_gives_exactly_the_events_of_code(corpus, batch_out, capsys, pipeline):
    capsys.readouterr()
    assert main(["code", *map(str, corpus), "--progress", "never"]) == 2
    coded = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    events = output(batch_out, "events")
    assert len(events) == len(coded) > 0
    by_id = {e["event_id"]: e for e in events}
    assert sorted(by_id) == sorted(c["id"] for c in coded)
    for c in coded:
        e = by_id[c["id"]]
        assert (e["article_id"], e["source"], e["target"], e["cameo"], e["plover"], e["modality"], e["goldstein"], e["rule"],
                e["trigger_start"], e["trigger_end"], e["confidence"], str(e["date"])) == \
               (c["article_id"], c["source"], c["target"], c["cameo"], c["plover"], c["modality"], c["goldstein"], c["rule"],
                c["trigger"][0], c["trigger"][1], c["confidence"], c["date"])
    want = expected(pipeline, corpus)
    for table in TABLES:  # every column of every table, as ingest stores it
        assert output(batch_out, table) == want[table], table


def test_batch_partitions_by_date_and_records_each_shard(corpus, batch_out):
    done = batch.read_manifest(batch_out)
    assert sorted(r["path"] for r in done.values()) == sorted(str(p.resolve()) for p in corpus)
    for record in done.values():
        for rel in record["files"]:
            table, part, name = Path(rel).parts
            day = part.removeprefix("date=")
            dates = {r.get("published") or r.get("date") for r in pq.read_table(batch_out / rel).to_pylist()}
            if table != "mentions" and table != "problems":
                assert {str(d) if d else batch.NO_DATE for d in dates} == {day}
            assert name == record["shard"] + ".parquet"
    problems = output(batch_out, "problems")
    assert {(p["stage"], p["severity"]) for p in problems} == {("ingest", "error")}
    assert len(problems) == 2 and all("shard10.jsonl" in p["where"] for p in problems)
    assert not (batch_out / "_tmp").exists()


def test_rerun_skips_done_shards(corpus, batch_out, capsys):
    before = {t: output(batch_out, t) for t in TABLES}
    assert main(["batch", str(corpus[0].parent / "shard*"), "--out", str(batch_out), "--workers", "2", "--progress", "never"]) == 0
    assert f"0 shards coded, {len(corpus)} already done" in capsys.readouterr().err
    assert {t: output(batch_out, t) for t in TABLES} == before


def test_load_twice_gives_the_same_rows_as_ingest(corpus, batch_out, tmp_path, pipeline, capsys):
    db = tmp_path / "loaded.duckdb"
    assert main(["load", str(batch_out), "--db", str(db)]) == 0
    first = store_rows(db)
    assert main(["load", str(batch_out), "--db", str(db)]) == 0
    assert store_rows(db) == first
    assert "12 articles" in capsys.readouterr().out
    ingested = tmp_path / "ingested.duckdb"
    ingest([str(p) for p in corpus], ingested, pipeline)
    assert store_rows(ingested) == first
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT command, status, articles FROM runs ORDER BY run_id").fetchall() == [("load", "done", 12)] * 2
    assert con.execute("SELECT DISTINCT run_id FROM events").fetchall() == [(2,)]
    con.close()


@pytest.mark.parametrize("args, message", [
    (["batch", "/nonexistent/*.jsonl", "--out", "x"], "no input file matches '/nonexistent/*.jsonl'"),
    (["load", "/nonexistent", "--db", "x.duckdb"], "/nonexistent is not a directory; give the --out directory"),
    (["load", ".", "--db", "x.duckdb"], "has no manifest.jsonl listing a finished shard"),
    (["batch", "a.jsonl", "--out", "x", "--workers", "0"], "--workers must be 1 or more"),
], ids=["batch-no-match", "load-not-a-directory", "load-no-manifest", "batch-no-workers"])
def test_bad_arguments_say_what_to_do(args, message, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.jsonl").write_text('{"text": "Russia said so."}\n', encoding="utf-8")
    assert main(args) == 2
    assert message in capsys.readouterr().err


def batch_cmd(pattern: str, out: Path) -> list[str]:
    return [sys.executable, "-m", "detente.cli", "batch", pattern, "--out", str(out), "--workers", "1", "--progress", "never"]


def test_sigkill_mid_batch_then_rerun_loses_nothing_and_repeats_nothing(tmp_path, pipeline):
    paths = write_shards(tmp_path / "in", sample_lines()[:12], 2)
    out = tmp_path / "out"
    pattern = str(tmp_path / "in" / "*.jsonl")
    proc = subprocess.Popen(batch_cmd(pattern, out), stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path,
                            start_new_session=True)  # its own process group: the Dask workers die with it
    deadline = time.monotonic() + 240
    try:
        while not batch.read_manifest(out):  # the first shard is done: kill in the middle of the others
            assert proc.poll() is None, f"batch ended before it could be killed: {proc.stderr.read().decode(errors='replace')}"
            assert time.monotonic() < deadline, "no shard done within 240 s"
            time.sleep(0.2)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    killed = batch.read_manifest(out)
    assert 1 <= len(killed) < len(paths)
    killed_events = output(out, "events")
    # what a kill between two renames leaves: a file of a shard that is not done, which must not count
    undone = next(batch.shard_name(p) for p in paths if batch.shard_name(p) not in killed)
    stray = out / "events" / "date=2024-01-01" / f"{undone}.parquet"
    stray.parent.mkdir(parents=True, exist_ok=True)
    stray.write_bytes(b"half a file")

    rerun = subprocess.run(batch_cmd(pattern, out), capture_output=True, cwd=tmp_path, timeout=300)
    assert rerun.returncode == 0, rerun.stderr.decode()
    assert f"{len(killed)} already done" in rerun.stderr.decode()
    assert not stray.exists()
    final = {t: output(out, t) for t in TABLES}
    assert final == expected(pipeline, paths)  # nothing lost
    for t in TABLES:  # nothing twice
        keys = [tuple(r[k] for k in KEYS[t]) for r in final[t]]
        assert len(keys) == len(set(keys)), t
    done_before = {e["event_id"] for e in killed_events}
    assert done_before <= {e["event_id"] for e in final["events"]}
    on_disk = sorted(str(p.relative_to(out)) for p in out.rglob("*.parquet"))
    assert on_disk == sorted(f for r in batch.read_manifest(out).values() for f in r["files"])


@pytest.mark.parametrize("tokens", [True, False], ids=["with-tokens", "spans-only"])
def test_workers_code_whole_chunks_in_processes_with_the_same_result(tmp_path, pipeline, tokens):
    import copy
    from dataclasses import replace as change

    from detente import parallel
    from detente.export import event_records, quote_records

    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n".join(sample_lines()[:7]) + '\n{"id": "broken", "text": \n', encoding="utf-8")
    two = copy.copy(pipeline)
    two.settings = change(pipeline.settings, workers=2)
    rejected_one, rejected_two = [], []
    one = list(event_records(pipeline.code(read_inputs([str(corpus)]), on_rejected=rejected_one.append)))
    coded = list(parallel.code(two, read_inputs([str(corpus)]), on_rejected=rejected_two.append, chunk=2, tokens=tokens))
    assert [c.article.id for c in coded] == [json.loads(line)["id"] for line in sample_lines()[:7]]  # input order
    assert list(event_records(coded)) == one
    alone = list(pipeline.code(read_inputs([str(corpus)]), on_rejected=[].append))
    assert list(quote_records(coded)) == list(quote_records(alone))
    assert [c.mentions for c in coded] == [c.mentions for c in alone]
    spans = [[(s.start, s.end) for s in c.doc.sentences] for c in coded]
    assert spans == [[(s.start, s.end) for s in c.doc.sentences] for c in alone]
    assert all(bool(c.doc.tokens) == tokens for c in coded)
    assert [str(p) for p in rejected_two] == [str(p) for p in rejected_one] and len(rejected_one) == 1


@pytest.mark.spacy
def test_pipeline_code_on_spacys_parser_processes_gives_what_one_process_gives(tmp_path, pipeline):
    """``Pipeline.code`` called from Python with ``workers`` > 1 parses on spaCy's ``n_process`` (the CLI
    uses the pool above): the docs come back without the attribute ruler and lemmatizer, which the
    parent applies (``SameAttributes``), so the tokens and events must be those of one process."""
    import copy
    from dataclasses import replace as change

    from detente.export import event_records

    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n".join(sample_lines()[:6]) + "\n", encoding="utf-8")
    two = copy.copy(pipeline)
    two.settings = change(pipeline.settings, workers=2)
    two._parser = None  # its own parser, on two processes
    one = list(pipeline.code(read_inputs([str(corpus)])))
    coded = list(two.code(read_inputs([str(corpus)])))
    assert [c.doc for c in coded] == [c.doc for c in one]
    assert list(event_records(coded)) == list(event_records(one))


def test_a_manifest_line_torn_by_a_kill_is_not_done_and_does_not_swallow_the_next(tmp_path):
    (tmp_path / batch.MANIFEST).write_text('{"shard": "a", "files": []}\n{"shard": "b", "fi', encoding="utf-8")
    assert list(batch.read_manifest(tmp_path)) == ["a"]
    batch._record(tmp_path, {"shard": "c", "files": []})
    assert list(batch.read_manifest(tmp_path)) == ["a", "c"]
