"""The GDELT 2.0 event table and PLOVER JSON exports, checked against the reference files in
../shared/reference (skipped when absent): 61 columns on every row, loading back under the codebook's
column names; PLOVER event types, modes, contexts and quad codes as the PLOVER tables define them."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date, datetime

import pandas as pd
import pytest

from detente import cameo
from detente.export import (
    GDELT_COLUMNS,
    PLOVER_ACTOR_FIELDS,
    PLOVER_EXTRA_FIELDS,
    PLOVER_FIELDS,
    gdelt_actor,
    gdelt_event_id,
    gdelt_row,
    plover_record,
    write_gdelt,
    write_plover,
)

from conftest import shared_path

# the PLOVER JSON field names of the PLOVER manual's "JSON Data Fields" table (tab:json) and of its
# actor information object (tab:actorinfo), as the manual spells them
MANUAL_FIELDS = {"id", "has_event", "date", "time", "enddate", "endtime", "source", "recipient", "event", "event_loc", "event_text",
                 "quad_code", "event_scale", "mode", "context", "link", "text", "text_info", "cite_info", "coder", "coded_date",
                 "coded_time", "comment"}
MANUAL_ACTOR_FIELDS = {"code", "sector", "actor_text", "identifer_id", "identifier_text", "identifer_text", "identifier_id", "actor_loc",
                       "religion", "ethnicity", "office", "gender", "age"}
# CAMEO2PLOVER-2021 gives four codes a "mode" that is no PLOVER mode: 085 "ease" (the same file notes
# '"ease" is no longer a mode'), 1321 "political", 1712 "seize" under ASSAULT, 175 "pro_autocracy" (a context)
UPSTREAM_MODE_SLIPS = {"085", "1321", "1712", "175"}


def row(**kw):
    base = {
        "event_id": "art-1:e1", "dataset": "detente", "article_id": "art-1", "date": date(2021, 4, 15), "source": "RUSGOV",
        "source_text": "the Kremlin", "source_name": None, "target": "USA", "target_text": "Washington", "target_name": None,
        "cameo": "1721", "quad_class": 4, "goldstein": -5.0, "plover": "COERCE", "plover_mode": "restrict", "modality": "asserted",
        "confidence": 0.81, "url": "https://example.com/a", "outlet": "Example Wire", "sentence_text": "The Kremlin banned ...",
        "sentence": 0, "trigger_text": "banned", "trigger_start": 12, "trigger_end": 18, "evidence_start": 0, "evidence_end": 40,
        "rule": "events:ban:*",
    }
    base.update(kw)
    return base


# -- GDELT -----------------------------------------------------------------------------------------

def test_the_column_list_is_the_codebooks():
    path = shared_path("reference", "gdelt-schema", "GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv")
    with open(path, encoding="utf-8", newline="") as fh:
        assert GDELT_COLUMNS == [r["tableId"] for r in csv.DictReader(fh)]


def test_every_row_has_61_fields_and_loads_back_under_the_schema_names():
    path = shared_path("reference", "gdelt-schema", "GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv")
    with open(path, encoding="utf-8", newline="") as fh:
        names = [r["tableId"] for r in csv.DictReader(fh)]
    rows = [
        row(),
        row(event_id="art-1:e2", source_text="the\tKremlin\nsaid", date=None, sentence=3, target=None, target_text=None),
        row(event_id="gdelt:1037542101", source="IGOUNO", source_name="United Nations", cameo="0233", goldstein=None, url=None),
    ]
    out = io.StringIO()
    assert write_gdelt(rows, out, added=datetime(2026, 1, 2, 3, 4, 5)) == 3
    lines = out.getvalue().splitlines()
    assert [len(line.split("\t")) for line in lines] == [61, 61, 61]
    frame = pd.read_csv(io.StringIO(out.getvalue()), sep="\t", header=None, names=names, dtype=str, keep_default_na=False)
    assert list(frame.columns) == names and len(frame) == 3
    first, second, third = frame.to_dict("records")
    assert first["SQLDATE"] == "20210415" and first["MonthYear"] == "202104" and first["Year"] == "2021"
    assert first["FractionDate"] == f"{2021 + (4 * 30 + 15) / 365:.4f}"
    assert (first["Actor1Code"], first["Actor1Name"], first["Actor1CountryCode"], first["Actor1Type1Code"]) == ("RUSGOV", "THE KREMLIN", "RUS", "GOV")
    assert (first["Actor2Code"], first["Actor2CountryCode"]) == ("USA", "USA")
    assert (first["EventCode"], first["EventBaseCode"], first["EventRootCode"]) == ("1721", "172", "17")
    assert (first["QuadClass"], first["GoldsteinScale"], first["IsRootEvent"]) == ("4", "-5", "1")
    assert (first["NumMentions"], first["NumSources"], first["NumArticles"], first["AvgTone"]) == ("1", "1", "1", "")
    assert first["DATEADDED"] == "20260102030405" and first["SOURCEURL"] == "https://example.com/a"
    assert all(first[c] == "" for c in names if "Geo_" in c)
    assert second["SQLDATE"] == "" and second["Actor1Name"] == "THE KREMLIN SAID" and second["IsRootEvent"] == "0"
    assert second["Actor2Code"] == "" and second["Actor2Name"] == ""
    assert third["GLOBALEVENTID"] == "1037542101" and third["Actor1Name"] == "UNITED NATIONS"
    assert (third["Actor1KnownGroupCode"], third["Actor1Type1Code"], third["Actor1CountryCode"]) == ("UNO", "IGO", "")
    assert third["EventBaseCode"] == "023" and third["GoldsteinScale"] == "" and third["SOURCEURL"] == "art-1"


@pytest.mark.parametrize("code,expected", [
    ("RUS", {"CountryCode": "RUS"}),
    ("RUSGOV", {"CountryCode": "RUS", "Type1Code": "GOV"}),
    ("USAGOVMIL", {"CountryCode": "USA", "Type1Code": "GOV", "Type2Code": "MIL"}),
    ("IGOUNO", {"KnownGroupCode": "UNO", "Type1Code": "IGO"}),
    ("IGOUNOREFHCR", {"KnownGroupCode": "UNO", "Type1Code": "IGO", "Type2Code": "REF"}),
    ("PSEREBHMS", {"CountryCode": "PSE", "Type1Code": "REB", "KnownGroupCode": "HMS"}),
    ("IRQMOSSHI", {"CountryCode": "IRQ", "Religion1Code": "MOS", "Religion2Code": "SHI"}),
    ("---GOV", {"Type1Code": "GOV"}),
    (None, {}),
])
def test_actor_codes_split_into_gdelt_columns(code, expected):
    got = gdelt_actor(code)
    assert got["Code"] == (code or "")
    assert {k: v for k, v in got.items() if v and k != "Code"} == expected


def test_event_ids_are_stable_integers():
    assert gdelt_event_id("art-1:e1") == gdelt_event_id("art-1:e1") != gdelt_event_id("art-1:e2")
    assert 0 <= gdelt_event_id("art-1:e1") < 2**52
    assert gdelt_event_id("gdelt:1037542101") == 1037542101
    assert gdelt_row(row())[0] == str(gdelt_event_id("art-1:e1"))


# -- PLOVER ----------------------------------------------------------------------------------------

def _plover_reference():
    codebook = shared_path("reference", "plover", "PLOVER_structured_codebook_updated.csv")
    scores = shared_path("reference", "plover", "plover_scores.csv")
    quads = shared_path("reference", "plover", "plover_quad.csv")
    table = shared_path("reference", "plover", "CAMEO2PLOVER-2021.txt")
    modes: dict[str, set[str]] = {}
    with open(codebook, encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            modes.setdefault(r["event"], set()).add(r["mode"].strip())
    with open(scores, encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            modes.setdefault(r["category"], set()).add(r["mode"].strip())
    with open(quads, encoding="utf-8", newline="") as fh:
        quad = {r["category"]: int(r["quad_code"]) for r in csv.DictReader(fh)}
    contexts = set()
    for line in table.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^\d{2,4}:\s*[A-Z]+\s*,[^,#]*,([^#]*)", line)
        if m:
            contexts.update(c.strip() for c in m.group(1).split(";") if c.strip())
    return modes, quad, contexts


PLOVER_CODES = sorted(code for code, entry in cameo.table().items() if entry.plover)


@pytest.mark.parametrize("code", [
    pytest.param(c, marks=pytest.mark.xfail(strict=True, reason="CAMEO2PLOVER-2021 gives this code a mode PLOVER does not define"))
    if c in UPSTREAM_MODE_SLIPS else c for c in PLOVER_CODES])
def test_plover_records_use_plover_names_and_values(code):
    modes, quad, contexts = _plover_reference()
    entry = cameo.lookup(code)
    record = plover_record(row(cameo=code, plover=entry.plover, plover_mode=entry.plover_mode))
    assert set(record) == set(PLOVER_FIELDS) | set(PLOVER_EXTRA_FIELDS)
    assert set(PLOVER_FIELDS) <= MANUAL_FIELDS
    for actor in record["source"] + record["recipient"]:
        assert set(actor) == set(PLOVER_ACTOR_FIELDS) and set(PLOVER_ACTOR_FIELDS) - {"cameo"} <= MANUAL_ACTOR_FIELDS
    (category,) = record["event"]
    assert category in modes, f"{category} is not a PLOVER event type"
    assert record["quad_code"] == quad[category]
    assert set(record["context"]) <= contexts
    assert record["mode"] is None or record["mode"] in modes[category], f"{record['mode']!r} is not a mode of {category}"
    assert date.fromisoformat(record["date"]) == date(2021, 4, 15)


def test_plover_record_carries_actors_and_evidence():
    record = plover_record(row(source_name="Dmitry Peskov"))
    assert record["source"] == [{"code": "RUS", "sector": "GOV", "actor_text": "the Kremlin", "identifier_text": "Dmitry Peskov", "cameo": "RUSGOV"}]
    assert record["recipient"] == [{"code": "USA", "sector": None, "actor_text": "Washington", "identifier_text": None, "cameo": "USA"}]
    assert record["evidence"] == {"sentence": "The Kremlin banned ...", "trigger": "banned", "trigger_span": [12, 18],
                                  "rule": "events:ban:*", "modality": "asserted", "confidence": 0.81}
    assert record["event_text"] == ["banned"] and record["text_info"] == {"sequence": 0, "start": 0, "end": 40}
    assert record["cite_info"]["url"] == "https://example.com/a" and record["cite_info"]["publication"] == "Example Wire"


@pytest.mark.parametrize("code", ["010", "0214"])
def test_statements_and_appeals_have_no_plover_record_and_are_counted(code):
    out = io.StringIO()
    assert plover_record(row(cameo=code, plover=None, plover_mode=None)) is None
    assert write_plover([row(cameo=code, plover=None), row()], out) == (1, 1)
    assert [json.loads(line)["id"] for line in out.getvalue().splitlines()] == ["art-1:e1"]
