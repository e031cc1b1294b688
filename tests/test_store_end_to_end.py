"""End to end through spaCy: ``detente ingest`` in a subprocess — twice over the sample corpus, and
killed with SIGKILL in the middle of a run then rerun — and ``detente code --format gdelt|plover``."""

from __future__ import annotations

import json
import os
import re
import select
import signal
import subprocess
import sys
import time

import duckdb
import pytest

from detente.cli import main
from detente.explain import sample_corpus
from detente.ingest import read_inputs

from conftest import ROOT

pytestmark = pytest.mark.spacy


def ingest_cmd(corpus, db, *extra):
    return [sys.executable, "-m", "detente.cli", "ingest", str(corpus), "--db", str(db), *extra]


def state(db) -> dict:
    """Row counts, every article's event ids, and the checks that no article is half there: each
    article's stored counts match its rows, no row points at a missing article, no id repeats."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        q = lambda sql: con.execute(sql).fetchall()  # noqa: E731
        half = q("""SELECT a.article_id FROM articles a WHERE
                      n_events <> (SELECT count(*) FROM events e WHERE e.article_id = a.article_id) OR
                      n_quotes <> (SELECT count(*) FROM quotes x WHERE x.article_id = a.article_id) OR
                      n_mentions <> (SELECT count(*) FROM mentions m WHERE m.article_id = a.article_id)""")
        orphans = q("""SELECT 'events', count(*) FROM events WHERE dataset = 'detente' AND article_id NOT IN (SELECT article_id FROM articles)
                       UNION ALL SELECT 'quotes', count(*) FROM quotes WHERE article_id NOT IN (SELECT article_id FROM articles)
                       UNION ALL SELECT 'mentions', count(*) FROM mentions WHERE article_id NOT IN (SELECT article_id FROM articles)""")
        repeats = q("SELECT count(*) - count(DISTINCT event_id) FROM events")[0][0]
        counts = {t: q(f"SELECT count(*) FROM {t}")[0][0] for t in ("articles", "events", "quotes", "mentions", "problems")}
        by_article: dict[str, list[str]] = {a: [] for (a,) in q("SELECT article_id FROM articles")}
        for a, e in q("SELECT article_id, event_id FROM events ORDER BY event_id"):
            by_article[a].append(e)
    finally:
        con.close()
    assert half == [], f"articles stored in part: {half}"
    assert all(n == 0 for _, n in orphans), f"orphan rows: {orphans}"
    assert repeats == 0
    return {"counts": counts, "events": by_article}


def test_ingesting_twice_gives_identical_rows_and_every_coded_event(tmp_path, pipeline):
    db = tmp_path / "s.duckdb"
    runs = [subprocess.run(ingest_cmd(sample_corpus(), db), capture_output=True, cwd=tmp_path, timeout=300) for _ in range(2)]
    for r in runs:
        assert r.returncode == 0, r.stderr.decode()
        assert re.fullmatch(rb"detente: 41 articles, \d+ events, \d+ quotes, \d+ problems stored in .*s\.duckdb\n", r.stdout)
        assert r.stderr == b""  # quiet in a pipe: no progress bar
    assert runs[0].stdout == runs[1].stdout
    after = state(db)
    coded = list(pipeline.code(read_inputs([str(sample_corpus())])))
    assert after["counts"]["articles"] == len(coded) == 41
    assert sorted(e for ids in after["events"].values() for e in ids) == sorted(e.id for c in coded for e in c.events)
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT run_id, status, articles FROM runs ORDER BY run_id").fetchall() == [(1, "done", 41), (2, "done", 41)]
    assert con.execute("SELECT DISTINCT run_id FROM events").fetchall() == [(2,)]
    con.close()


def test_sigkill_mid_ingest_loses_nothing_committed_and_leaves_no_half_article(tmp_path):
    lines = sample_corpus().read_text(encoding="utf-8").splitlines()
    corpus = tmp_path / "corpus.jsonl"
    with corpus.open("w", encoding="utf-8") as fh:
        for n in range(2):
            for line in lines:
                record = json.loads(line)
                record["id"] = f"{record['id']}#{n}"
                fh.write(json.dumps(record) + "\n")
    total = 2 * len(lines)
    db = tmp_path / "k.duckdb"
    proc = subprocess.Popen(ingest_cmd(corpus, db, "--store-batch", "4", "--progress", "always"), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, cwd=tmp_path)
    seen, shown, deadline = 0, b"", time.monotonic() + 240
    try:
        while seen < 14:  # the progress bar says 14 articles are coded: at least three batches of 4 are committed
            assert proc.poll() is None, f"ingest ended before it could be killed: {shown.decode(errors='replace')}"
            assert time.monotonic() < deadline, "no progress within 240 s"
            ready, _, _ = select.select([proc.stderr], [], [], 1.0)
            if ready:
                shown += os.read(proc.stderr.fileno(), 65536)
                found = re.findall(rb"(\d+) articles \[", shown)
                seen = int(found[-1]) if found else 0
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    killed = state(db)
    assert 12 <= killed["counts"]["articles"] < total
    assert all(ids == [] or ids[0].startswith(a) for a, ids in killed["events"].items())

    rerun = subprocess.run(ingest_cmd(corpus, db), capture_output=True, cwd=tmp_path, timeout=300)
    assert rerun.returncode == 0, rerun.stderr.decode()
    final = state(db)
    assert final["counts"]["articles"] == total
    for article, ids in killed["events"].items():  # what was committed before the kill is there, the same
        assert final["events"][article] == ids
    half = total // 2  # the corpus twice under two ids: both copies give the same events
    firsts = sorted(a for a in final["events"] if a.endswith("#0"))
    assert len(firsts) == half
    for a in firsts:
        twin = a[:-2] + "#1"
        assert [e.replace(a, twin) for e in final["events"][a]] == final["events"][twin]


def test_code_writes_gdelt_and_plover_without_a_database(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text("Russia expelled two U.S. diplomats on Tuesday.\n", encoding="utf-8")
    assert main(["code", str(article), "--date", "2021-04-15", "--format", "gdelt"]) == 0
    rows = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert rows and all(len(r) == 61 for r in rows)
    assert any(r[5] == "RUS" and r[15].startswith("USA") and r[26].startswith("16") and r[1] == "20210415" for r in rows)
    assert main(["code", str(article), "--date", "2021-04-15", "--format", "plover"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert any(r["event"] == ["SANCTION"] and r["source"][0]["code"] == "RUS" and r["evidence"]["trigger"] == "expelled" for r in records)
    assert not (ROOT / "detente.duckdb").exists()


def test_demo_stores_the_sample_and_detente_open_gives_its_dyads(tmp_path, pipeline, capsys):
    """``make demo``: the sample corpus ingested into a demo database, the analyst's summary printed;
    ``detente.open`` then answers the RUS->USA question with the counts the coder made."""
    import detente
    from detente.analyze.rollup import rollup

    db = tmp_path / "demo.duckdb"
    assert main(["demo", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "stored in" in out and "== Most active dyads" in out and "== RUS–USA" in out and "== Escalation alerts" in out
    coded = list(pipeline.code(read_inputs([str(sample_corpus())])))
    expected = sum(1 for c in coded for e in c.events if e.source and e.target and e.date
                   and rollup(e.source.code) == "RUS" and rollup(e.target.code) == "USA" and e.modality not in ("negated", "denied"))
    with detente.open(str(db)) as store:
        series = store.dyads("RUS", "USA", freq="month")
        assert int(series["events"].sum()) == expected > 0
        assert len(store.events(source="RUS", target="USA")) >= expected
        active, conflictual = store.top(n=3)
        assert len(active) == 3 and len(conflictual) == 3
