"""``detente events`` and ``detente quotes --db`` on a store written from hand-built articles (no spaCy):
every output format, the flags, and the errors a user can make (exit 2, a message, no traceback)."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import duckdb
import pytest

from detente.cli import main
from detente.store import Writer

from test_store import coded


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cmd") / "s.duckdb"
    with Writer(path, command="test") as w:
        w.add(coded("a", events=2, source="RUSGOV", target="USA", cameo="1721", plover="COERCE", day=date(2021, 4, 1)))
        w.add(coded("b", events=1, source="USA", target="RUS", cameo="010", plover=None, day=date(2021, 5, 1)))
    return path


def run(capsys, *args):
    status = main(list(args))
    out = capsys.readouterr()
    return status, out.out, out.err


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "gdelt", "plover"])
def test_events_formats(db, capsys, fmt):
    status, out, err = run(capsys, "events", "--db", str(db), "--format", fmt, "--source", "RUS")
    assert status == 0
    if fmt == "jsonl":
        rows = [json.loads(line) for line in out.splitlines()]
        assert [r["event_id"] for r in rows] == ["a:e1", "a:e2"] and rows[0]["date"] == "2021-04-01" and rows[0]["source"] == "RUSGOV"
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out)))
        assert [r["event_id"] for r in rows] == ["a:e1", "a:e2"] and rows[0]["cameo"] == "1721"
    elif fmt == "gdelt":
        rows = [line.split("\t") for line in out.splitlines()]
        assert [len(r) for r in rows] == [61, 61] and rows[0][26] == "1721" and rows[0][5] == "RUSGOV"
    else:
        rows = [json.loads(line) for line in out.splitlines()]
        assert [r["event"] for r in rows] == [["COERCE"], ["COERCE"]] and err == ""


def test_plover_output_counts_what_it_leaves_out(db, capsys):
    status, out, err = run(capsys, "events", "--db", str(db), "--format", "plover")
    assert status == 0 and len(out.splitlines()) == 2
    assert "1 event with no PLOVER category (CAMEO 01 statements, 02 appeals) left out" in err


def test_events_to_a_file_and_to_parquet(db, capsys, tmp_path):
    out = tmp_path / "e.jsonl"
    assert run(capsys, "events", "--db", str(db), "--out", str(out))[0] == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 3
    pq = tmp_path / "e.parquet"
    status, _, err = run(capsys, "events", "--db", str(db), "--format", "parquet", "--out", str(pq), "--code", "17")
    assert status == 0 and "2 events written to" in err
    assert duckdb.sql(f"SELECT count(*) FROM read_parquet('{pq}')").fetchall() == [(2,)]
    qpq = tmp_path / "q.parquet"
    assert run(capsys, "quotes", "--db", str(db), "--format", "parquet", "--out", str(qpq))[0] == 0
    assert duckdb.sql(f"SELECT count(*) FROM read_parquet('{qpq}')").fetchall() == [(2,)]


def test_quotes_query(db, capsys):
    status, out, _ = run(capsys, "quotes", "--db", str(db), "--speaker", "Peskov", "--since", "2021-01-01")
    rows = [json.loads(line) for line in out.splitlines()]
    assert status == 0 and [r["quote_id"] for r in rows] == ["a:q1", "b:q1"]
    assert rows[0]["content"] == [[40, 51]] and rows[0]["speaker"] == "RUSGOV" and rows[0]["date"] == "2021-04-15"


def test_the_db_setting_comes_from_the_environment(db, capsys, monkeypatch):
    monkeypatch.setenv("DETENTE_DB", str(db))
    status, out, _ = run(capsys, "events", "--target", "USA")
    assert status == 0 and len(out.splitlines()) == 2


@pytest.mark.parametrize("args,message", [
    (["events", "--format", "parquet"], "--format parquet writes a binary file: give --out FILE"),
    (["events", "--since", "15/04/2021"], "bad --since '15/04/2021'"),
    (["events", "--code", "seventeen"], "bad CAMEO code 'seventeen'"),
    (["events", "--plover", "crime"], "unknown PLOVER category 'CRIME'"),
    (["quotes", "x.txt"], "quotes codes FILES, or queries a store with --db; not both"),
])
def test_user_errors_exit_2_with_a_message(db, capsys, args, message):
    status, _, err = run(capsys, *args, "--db", str(db))
    assert status == 2 and message in err and "Traceback" not in err


@pytest.mark.parametrize("args,message", [
    (["events", "--db", "{tmp}/missing.duckdb"], "missing.duckdb: no such database; create one with `detente ingest"),
    (["quotes"], "quotes needs FILES to code, or --db DB to query a store"),
    (["quotes", "x.txt", "--speaker", "RUS"], "--speaker, --since, --until, --exact and --out query a store: add --db DB"),
    (["quotes", "x.txt", "--format", "parquet"], "--format parquet needs a store"),
])
def test_errors_without_a_store(capsys, tmp_path, args, message):
    status, _, err = run(capsys, *[a.replace("{tmp}", str(tmp_path)) for a in args])
    assert status == 2 and message in err
