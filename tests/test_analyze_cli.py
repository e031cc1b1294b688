"""The analysis commands and the demo summary: read-only opening, clear refusals, every format."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta

import duckdb
import pytest

from detente.analyze import connect, summary
from detente.cli import main
from detente.errors import UserInputError
from events_db import event, make_db, weekly

START = date(2021, 1, 4)


@pytest.fixture
def demo_db(tmp_path):
    rows = weekly("RUSGOV", "USA", START, [2] * 20, "111") + weekly("USA", "RUS", START, [1] * 20, "036")
    rows += [event("RUSMIL", "UKR", START + timedelta(weeks=19, days=2), "190", event_id=f"strike{i}") for i in range(9)]
    rows += weekly("RUS", "UKR", START, [1] * 19, "111")
    rows += [event("USA", "RUS", START + timedelta(weeks=3), "163", modality="planned"), event("CHN", "USA", None, "042")]
    return make_db(tmp_path / "demo.duckdb", rows)


def run(capsys, *argv):
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize(
    "make, message",
    [
        pytest.param(lambda p: None, "no such database", id="missing"),
        pytest.param(lambda p: p.write_text("not a database"), "it is not a valid DuckDB database file", id="not-duckdb"),
        pytest.param(lambda p: duckdb.connect(str(p)).execute("CREATE TABLE other (x INT)").close(),
                     "not a detente database (it has no events table)", id="no-events-table"),
        pytest.param(lambda p: duckdb.connect(str(p)).execute("CREATE TABLE events (event_id VARCHAR, date DATE)").close(),
                     "its events table lacks dataset, article_id", id="missing-columns"),
    ],
)
def test_connect_refuses_what_is_not_a_detente_database_naming_the_file(tmp_path, make, message):
    path = tmp_path / "x.duckdb"
    make(path)
    with pytest.raises(UserInputError, match=re.escape(message)) as info:
        connect(path)
    assert str(path) in str(info.value)


def test_connect_opens_read_only(demo_db):
    con = connect(demo_db)
    with pytest.raises(duckdb.Error):
        con.execute("DELETE FROM events")


def test_dyad_table_both_directions_with_reciprocity(capsys, demo_db):
    status, out, err = run(capsys, "dyad", "RUS", "USA", "--db", str(demo_db), "--both")
    assert status == 0 and err == ""
    assert "RUS → USA (weekly, rolled up)" in out and "USA → RUS (weekly, rolled up)" in out
    assert "2021-01-04" in out and "ACCUSE 2" in out
    assert "Reciprocity RUS–USA: RUS→USA is constant (-4 every week) over the 20 weeks: nothing to test" in out


def test_dyad_json_and_csv(capsys, demo_db):
    status, out, _ = run(capsys, "dyad", "RUS", "USA", "--db", str(demo_db), "--format", "json", "--freq", "month")
    data = json.loads(out)
    assert status == 0 and data["freq"] == "month" and data["reciprocity"] is None
    assert [r["events"] for r in data["series"]] == [8, 8, 10, 8, 6]  # Wednesdays from January 6th: 4, 4, 5, 4 and 3 a month
    assert data["series"][0]["period"] == "2021-01-01"
    status, out, err = run(capsys, "dyad", "USA", "RUS", "--db", str(demo_db), "--format", "csv", "--until", "2021-01-31")
    lines = out.splitlines()
    assert status == 0 and lines[0].startswith("source,target,period,events")
    assert lines[1].startswith("USA,RUS,2021-01-04,1,1,0,0,0,4.0,4.0,0,0")
    assert lines[4].split(",")[10] == "1"  # the planned sanction, counted apart in week 4


def test_alerts_command_lists_the_escalation_and_its_events(capsys, demo_db):
    status, out, _ = run(capsys, "alerts", "--db", str(demo_db))
    assert status == 0
    assert "1 alert over" in out and "RUS → UKR  ESCALATION: 9 events" in out and "strike0" in out
    assert "and 3 more (--format json lists all)" in out
    status, out, _ = run(capsys, "alerts", "--db", str(demo_db), "--format", "json")
    alerts = json.loads(out)["alerts"]
    assert [a["event_ids"] for a in alerts] == [[f"strike{i}" for i in range(9)]]
    status, out, _ = run(capsys, "alerts", "--db", str(demo_db), "--threshold", "99")
    assert out.startswith("0 alerts")


def test_top_command(capsys, demo_db):
    status, out, _ = run(capsys, "top", "--db", str(demo_db), "--n", "2", "--format", "json")
    data = json.loads(out)
    assert [(r["source"], r["target"], r["events"]) for r in data["active"]] == [("RUS", "USA", 40), ("RUS", "UKR", 28)]
    assert data["conflictual"][0]["source"] == "RUS" and data["conflictual"][0]["target"] == "UKR"
    status, out, _ = run(capsys, "top", "--db", str(demo_db))
    assert "Most active dyads (all dates" in out and "Most conflictual dyads" in out


@pytest.mark.parametrize(
    "argv, message",
    [
        pytest.param(["dyad", "RUS", "USA", "--db", "{missing}"], "no such database", id="missing-db"),
        pytest.param(["dyad", "RUSGOV", "USA", "--db", "{db}"], "rolls up to RUS", id="code-that-rolls-up"),
        pytest.param(["dyad", "RUS", "USA", "--db", "{db}", "--since", "2021-02-30"], "not a date", id="bad-date"),
        pytest.param(["top", "--db", "{db}", "--n", "0"], "at least 1", id="zero-n"),
        pytest.param(["alerts", "--db", "{db}", "--history-weeks", "1"], "alert_history_weeks", id="bad-setting"),
    ],
)
def test_user_errors_exit_2_with_a_message_and_no_traceback(capsys, demo_db, tmp_path, argv, message):
    argv = [a.format(db=demo_db, missing=tmp_path / "none.duckdb") for a in argv]
    status, out, err = run(capsys, *argv)
    assert status == 2 and out == ""
    assert err.startswith("detente: ") and message in err and "Traceback" not in err


def test_summary_reads_like_a_report(demo_db):
    text = summary(connect(demo_db))
    assert text.startswith("== detente database: 90 events (detente 90), dated 2021-01-06 to 2021-05-19")
    assert "1 event without a date, not in the series" in text
    assert "== Most active dyads" in text and "== Most conflictual dyads" in text
    assert "== RUS–USA\nRUS → USA (weekly, rolled up)" in text and "USA → RUS (weekly, rolled up)" in text
    assert "Reciprocity RUS–USA:" in text
    assert "== Escalation alerts\n1 alert over" in text and "RUS → UKR  ESCALATION" in text


def test_summary_of_an_empty_database(tmp_path):
    text = summary(connect(make_db(tmp_path / "empty.duckdb", [])))
    assert text == "== detente database: 0 events (none)\nNo dated events: nothing to analyse.\n"


@pytest.mark.spacy
def test_summary_of_the_coded_sample_corpus(tmp_path, pipeline):
    """detente's own output, mapped to the events contract as the store will map it, analyses as
    expected: the RUS–USA series counts exactly the sample's rolled-up RUS→USA acts."""
    from detente.analyze import dyad_series, rollup
    from detente.explain import code_sample
    from detente.export import event_record

    rows = []
    for coded in code_sample(pipeline):
        for e in coded.events:
            r = event_record(coded, e)
            rows.append({
                "event_id": r["id"], "dataset": "detente", "article_id": r["article_id"],
                "date": date.fromisoformat(r["date"]) if r["date"] else None, "source": r["source"],
                "target": r["target"], "source_text": r["source_text"], "target_text": r["target_text"],
                "cameo": r["cameo"], "root": r["cameo"][:2], "quad_class": r["quad_class"], "goldstein": r["goldstein"],
                "plover": r["plover"], "plover_mode": r["plover_mode"], "modality": r["modality"],
                "confidence": r["confidence"], "url": coded.article.url, "outlet": coded.article.source,
                "sentence_text": r["sentence_text"],
            })
    assert rows, "the sample corpus codes to events"
    con = connect(make_db(tmp_path / "sample.duckdb", rows))
    text = summary(con)
    assert text.startswith(f"== detente database: {len(rows)} events (detente {len(rows)})")
    assert "== RUS–USA\nRUS → USA" in text and "== Escalation alerts\n" in text
    acts = [r for r in rows if r["date"] and rollup(r["source"]) == "RUS" and rollup(r["target"]) == "USA"
            and r["modality"] in ("asserted", "reported")]
    assert int(dyad_series(con, "RUS", "USA").events.sum()) == len(acts)


def test_alert_settings_come_from_the_environment_and_flags_win(capsys, demo_db, monkeypatch):
    monkeypatch.setenv("DETENTE_ALERT_THRESHOLD", "50")
    assert run(capsys, "alerts", "--db", str(demo_db))[1].startswith("0 alerts")
    assert run(capsys, "alerts", "--db", str(demo_db), "--threshold", "3.5")[1].startswith("1 alert")
