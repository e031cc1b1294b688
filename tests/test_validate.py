"""detente validate: PETRARCH validation files, scored; the unit-test suite gated by floors."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from detente.cli import main
from detente.validate import read_records, validate

from conftest import shared_path

FLOORS = tomllib.loads((Path(__file__).parent / "accuracy_floors.toml").read_text(encoding="utf-8"))

DICT = """
[[country]]
code = "ARN"
names = ["Arnor"]

[[country]]
code = "GON"
names = ["Gondor"]

[[pattern]]
code = "111"
verbs = ["criticize"]
"""

RECORDS = """<Validation>
<Sentences>
<Sentence date="19950101" id="T-1" category="TEST" sentence="true">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="111"></EventCoding>
<Text>
Arnor criticized Gondor.
</Text>
<Parse>
1\tArnor\tArnor\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
2\tcriticized\tcriticize\tVERB\tVBD\t_\t0\troot\t_\t_
3\tGondor\tGondor\tPROPN\tNNP\t_\t2\tobj\t_\tSpaceAfter=No
4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_
</Parse>
</Sentence>
<Sentence date="19950101" id="T-2" category="TEST" sentence="false">
<EventCoding noevents="True"></EventCoding>
<Text>
Gondor did not criticize Arnor.
</Text>
<Parse>(ROOT (S (NP (NNP Gondor))))</Parse>
</Sentence>
<Config option="require_dyad" value="false"></Config>
<Sentence date="19950101" id="T-3" category="TEST" sentence="true">
<EventCoding sourcecode="GON" targetcode="---" eventcode="111"></EventCoding>
<Text>
Gondor criticized the decision.
</Text>
<Parse></Parse>
</Sentence>
</Sentences>
</Validation>
"""


@pytest.fixture()
def suite(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "test.toml").write_text(DICT, encoding="utf-8")
    records = tmp_path / "records.xml"
    records.write_text(RECORDS, encoding="utf-8")
    return records, str(tmp_path / "d")


def test_records_are_read_with_config_in_order(suite):
    records, _ = suite
    read = list(read_records(records))
    assert [(r.id, r.sentence, r.expected, r.require_dyad) for r in read] == [
        ("T-1", True, [("ARN", "GON", "111")], True),
        ("T-2", False, [], True),
        ("T-3", True, [("GON", "---", "111")], False),
    ]


def test_scores_negation_and_require_dyad(suite):
    records, d = suite
    totals = validate(records, (d,)).totals()
    assert totals["records"] == 3 and totals["errors"] == 0
    assert totals["exact"] == 1.0 and totals["f1"] == 1.0


def test_given_conllu_parses_are_used_and_missing_ones_reported(suite):
    records, d = suite
    report = validate(records, (d,), given_parses=True)
    by_id = {r.record.id: r for r in report.results}
    assert by_id["T-1"].exact and by_id["T-1"].error is None
    assert "no CoNLL-U parse" in by_id["T-2"].error  # reported, the run goes on
    assert report.totals()["errors"] == 2


def test_cli_json(suite, capsys):
    records, d = suite
    assert main(["validate", str(records), "--dict", d, "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert {"records", "records_true", "exact", "exact_true", "precision", "recall", "f1", "errors"} <= set(out)


def test_unreadable_validation_file_is_a_user_error(tmp_path, capsys):
    bad = tmp_path / "bad.xml"
    bad.write_text("<Validation><Sentence>", encoding="utf-8")
    assert main(["validate", str(bad), "--dict", str(tmp_path)]) == 2
    assert "not a valid XML validation file" in capsys.readouterr().err


@pytest.mark.shared
def test_petrarch_unit_tests_meet_the_floors():
    records = shared_path("petrarch", "PETR.UnitTest.records.xml")
    totals = validate(records, (str(records.parent),)).totals()
    floors = FLOORS["petrarch"]
    assert totals["errors"] == floors["errors"]
    assert totals["records_true"] == 279
    assert totals["exact_true"] >= floors["exact_true"], totals
    assert totals["f1"] >= floors["f1"], totals


MALFORMED = """<?xml version="1.0" encoding="UTF-8"?>
<Sentences>
<Sentence date="19950101" id="MAL-01" category="DEMO" sentence="true"/>
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<Text>
Arnor is about to restore full diplomatic ties with Gondor.
</Text>
<Sentence date="19950102" id="MAL-02" category="DEMO" sentence="true">
<EventCoding sourcecode="GON" targetcode="ARN" eventcode="042"></EventCoding>
<Text>
Gondor & Arnor leaders met; Gondor visited Arnor &c.
</Text>
</Sentence>
<Sentence date="19950103" id="MAL-03" category="DEMO" sentence="true"/>
<Sentence date="19950104" id="MAL-04" category="DEMO" sentence="true"/>
<EventCoding noevents="True"></EventCoding>
<Text>Nothing happened &amp; nobody came.</Text>
</Sentences>
"""


def test_malformed_validation_file_is_read_as_petrarch_means_it_and_the_repairs_are_said(tmp_path):
    f = tmp_path / "records.xml"
    f.write_text(MALFORMED, encoding="utf-8")
    repairs = []
    records = list(read_records(f, repairs))
    assert [(r.id, r.expected, r.text[:20]) for r in records] == [
        ("MAL-01", [("ARN", "GON", "064")], "Arnor is about to re"),
        ("MAL-02", [("GON", "ARN", "042")], "Gondor & Arnor leade"),
        ("MAL-03", [], ""),  # an empty self-closed record stays empty
        ("MAL-04", [], "Nothing happened & n"),
    ]
    assert [(p.where, p.message.split(" ")[0]) for p in repairs] == [
        (f"{f}:3", "self-closing"), (f"{f}:11", "stray"), (f"{f}:11", "stray"), (f"{f}:15", "self-closing")]
    assert records[0].line == 3 and records[3].line == 15


@pytest.mark.shared
def test_malformed_validation_file_is_scored_and_the_cli_says_it_was_repaired(tmp_path, capsys):
    records = shared_path("petrarch", "PETR.UnitTest.records.xml")
    f = tmp_path / "records.xml"
    f.write_text(MALFORMED, encoding="utf-8")
    assert main(["validate", str(f), "--dict", str(records.parent), "--json"]) == 0
    captured = capsys.readouterr()
    totals = json.loads(captured.out)
    assert totals["records"] == 4 and totals["repairs"] == 4 and totals["errors"] == 0
    assert "not well-formed XML; 4 place(s) repaired" in captured.err
