"""End to end through spaCy and the CLI: the slice a new user runs."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import detente
from detente.cli import main

from conftest import ROOT, shared_path

SHOWCASE = ("showcase", "000_67d08ea38d120714.txt")


def run_cli(args, stdin: bytes | None = None):
    return subprocess.run(
        [sys.executable, "-m", "detente.cli", *args], input=stdin, capture_output=True, cwd=ROOT, timeout=300
    )


def test_code_text_through_spacy():
    coded = detente.code_text("Russia said on Thursday it wants good relations with the United States.", date="2021-04-15")
    assert [(e.source.code, e.cameo[:2], e.target.code) for e in coded.events if e.cameo.startswith("03")] == [("RUS", "03", "USA")]
    tokens = coded.doc.tokens
    assert all(coded.article.text[t.start : t.end] == t.text for t in tokens)


def test_pipeline_streams_in_order_and_records_problems(pipeline):
    articles = [detente.Article(str(n), f"Russia criticized China {n} times.") for n in range(5)]
    assert [c.article.id for c in pipeline.code(iter(articles))] == ["0", "1", "2", "3", "4"]


def test_showcase_code_has_russia_us_intent_to_cooperate():
    path = shared_path(*SHOWCASE)
    result = run_cli(["code", str(path), "--date", "2021-04-15"])
    assert result.returncode == 0, result.stderr.decode()
    events = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert any(e["source"] == "RUS" and e["target"].startswith("USA") and e["cameo"].startswith("03") for e in events)
    first = events[0]
    assert first["article_id"] == "000_67d08ea38d120714" and first["date"] == "2021-04-15"
    assert {"source_text", "target_text", "sentence_text", "rule", "plover", "goldstein", "quad_class"} <= set(first)


def test_showcase_dash_quotes_have_speakers():
    path = shared_path(*SHOWCASE)
    result = run_cli(["quotes", str(path)])
    assert result.returncode == 0, result.stderr.decode()
    quotes = [json.loads(line) for line in result.stdout.decode().splitlines()]
    text = path.read_text(encoding="utf-8")
    dash = [q for q in quotes if q["kind"] == "direct" and text[q["content"][0][0] - 1] == "-"]
    assert len(dash) == 6
    assert [q["speaker_name"] for q in dash] == ["Dmitry Peskov"] * 4 + ["Sergey Lavrov"] * 2
    assert all(q["speaker"] == "RUSGOV" for q in dash)


def test_csv_output_has_a_header_and_rows():
    result = run_cli(["code", "-", "--format", "csv"], stdin=b'{"text": "Russia criticized the United States."}\n')
    lines = result.stdout.decode().splitlines()
    assert result.returncode == 0 and lines[0].startswith("id,article_id,date,sentence,source")
    assert ",RUS," in lines[1] and ",111," in lines[1]


def test_bad_input_is_reported_and_the_rest_coded(tmp_path):
    f = tmp_path / "in.jsonl"
    f.write_bytes(b'{"text": "Russia criticized the United States."}\n{broken\n{"text": "China criticized Japan."}\n')
    result = run_cli(["code", str(f)])
    err = result.stderr.decode()
    assert result.returncode == 2
    assert f"{f}:2" in err and "broken JSON" in err and "Traceback" not in err
    ids = {json.loads(line)["article_id"] for line in result.stdout.decode().splitlines()}
    assert ids == {"in:1", "in:3"}


@pytest.mark.parametrize(
    "args, message",
    [
        pytest.param(["code", "x.txt", "--dict", "/nonexistent"], "no such dictionary", id="missing-dict"),
        pytest.param(["code", "x.txt", "--date", "15/04/2021"], "date", id="bad-date"),
    ],
)
def test_user_errors_exit_2_without_traceback(args, message, capsys):
    assert main(args) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_explain_shows_parse_mentions_patterns_events():
    result = run_cli(["explain", "Russia criticized the United States."])
    out = result.stdout.decode()
    assert result.returncode == 0
    for part in ("sentence 0", "criticize", "mentions", "via", "tried", "fired events", "events:", "111", "rule events"):
        assert part in out


def test_explain_takes_a_sentence_longer_than_a_file_name_can_be():
    sentence = "Russia criticized the United States " + "and " * 100 + "Ukraine."
    result = run_cli(["explain", sentence])
    assert result.returncode == 0 and b"Traceback" not in result.stderr
    assert "sentence 0" in result.stdout.decode()


def test_progress_bar_is_quiet_in_a_pipe():
    result = run_cli(["code", "-"], stdin=b"Russia criticized the United States.\n")
    assert result.returncode == 0 and result.stderr == b""


class Boom:
    """A user's stage that fails on articles mentioning "boom"."""

    name, reads, adds = "boom", ("doc",), ()

    def __call__(self, coded, trace):
        if "boom" in coded.article.text:
            raise ValueError("cannot code this one")
        return coded


def test_a_failing_stage_is_recorded_on_its_article_and_the_stream_goes_on(pipeline):
    p = pipeline.derive(pipeline.stages)
    p.add_stage(Boom(), after="events")
    assert [s.name for s in p.stages] == ["actors", "events", "boom", "quotes", "attribution", "selection", "geo"]
    coded = list(p.code([detente.Article("a", "Russia criticized China."), detente.Article("b", "boom"), detente.Article("c", "Peace.")]))
    assert [c.article.id for c in coded] == ["a", "b", "c"]
    assert [(pr.stage, pr.message, pr.severity, pr.article) for pr in coded[1].problems] == [("boom", "ValueError: cannot code this one", "error", "b")]
    assert coded[1].failed and not coded[0].failed
    assert coded[0].events and not coded[0].problems
    assert [s.name for s in pipeline.stages] == ["actors", "events", "quotes", "attribution", "selection", "geo"]  # derive copies


@pytest.mark.parametrize(
    "stdin, status, message",
    [
        pytest.param(b'{"text": "Russia criticized China."}\n{"text": "boom"}\n', 1, "b-2: boom failed: ValueError: cannot code this one", id="stage-fails-exit-1"),
        pytest.param(b'{"text": "Russia criticized China."}\n{broken\n', 2, "stdin:2: broken JSON", id="rejected-line-exit-2"),
        pytest.param(b'{"text": "Russia criticized China."}\n', 0, None, id="all-good-exit-0"),
    ],
)
def test_exit_status_says_what_went_wrong(monkeypatch, capsys, stdin, status, message):
    import io

    from detente import cli
    from detente.stages import register_stage

    register_stage("boom")(lambda context: Boom())
    monkeypatch.setenv("DETENTE_STAGES", "actors,events,quotes,attribution,selection,boom")
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(stdin.replace(b'"boom"', b'"boom", "id": "b-2"'))))
    assert cli.main(["code", "-"]) == status
    out, err = capsys.readouterr()
    assert out.count("\n") >= 1  # the good article is coded all the same
    if message is None:
        assert err == ""
    else:
        assert err.count(message) == 1  # printed once
        assert err.strip().splitlines()[-1].startswith("detente: 2 articles coded;" if status == 1 else "detente: 1 articles coded;")


def test_misconfigured_stages_fail_at_build_time():
    from detente.errors import PipelineError
    from detente.pipeline import Pipeline
    from detente.settings import Settings

    with pytest.raises(PipelineError, match="reads mentions"):
        Pipeline(Settings().with_(stages=("events",)))
