"""Imports of GDELT 2.0, ICEWS and POLECAT files into the store, on small fixtures written for these
tests in each layout (tests/fixtures/imports/: invented but realistic rows, plus malformed ones)."""

from __future__ import annotations

import gzip
import io
import zipfile
from datetime import date

import pandas as pd
import pytest

from detente.cli import main
from detente.export import write_gdelt
from detente.store import Reader, import_files
from detente.store.imports import icews_actor, polecat_actor

from conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "imports"
GDELT = FIXTURES / "20210418.export.CSV"
ICEWS = FIXTURES / "events.2018.sample.tab"
POLECAT = FIXTURES / "ngecEventsDV-2022-Mar.txt"
POLECAT_BAD_HEADER = FIXTURES / "ngecEvents.DV.2023.txt"


def load(kind, paths, db):
    problems = []
    result = import_files(kind, [str(p) for p in paths], db, on_problem=problems.append)
    return result, problems


def dyad(db, a, b, **kw):
    with Reader(db) as r:
        return len(r.events(source=a, target=b, **kw))


@pytest.mark.parametrize("kind,path,events,errors", [
    ("gdelt", GDELT, 6, ["20210418.export.CSV:6: 57 tab-separated fields; a GDELT 2.0 event row has 61",
                         "20210418.export.CSV:7: EventCode '1x3' is not a CAMEO code"]),
    ("icews", ICEWS, 7, ["events.2018.sample.tab:7: CAMEO code '13y' is not a CAMEO 1.1b3 code",
                         "events.2018.sample.tab:8: 8 tab-separated fields; the header has 20"]),
    ("polecat", POLECAT, 4, ["ngecEventsDV-2022-Mar.txt:5: Event Type 'CRIME' is not a PLOVER category",
                             "ngecEventsDV-2022-Mar.txt:8: 12 tab-separated fields; the header has 40"]),
])
def test_malformed_rows_are_reported_with_file_and_line_and_the_rest_loads(tmp_path, kind, path, events, errors):
    db = tmp_path / "s.duckdb"
    result, problems = load(kind, [path], db)
    found = [str(p) for p in problems if p.severity == "error"]
    assert len(found) == len(errors) == result.rejected
    for message, expected in zip(found, errors):
        assert message.startswith(str(FIXTURES)) and expected in message
    with Reader(db) as r:
        frame = r.events()
        stored = r.problems()
    assert len(frame) == events == result.written.events
    assert set(frame["dataset"]) == {kind} and all(frame["event_id"].str.startswith(f"{kind}:"))
    assert set(frame["modality"]) == {"asserted"} and frame["confidence"].isna().all() and frame["sentence_text"].isna().all()
    assert len(stored[stored["severity"] == "error"]) == len(errors)


@pytest.mark.parametrize("kind,path", [("gdelt", GDELT), ("icews", ICEWS), ("polecat", POLECAT)])
def test_importing_the_same_file_again_does_not_duplicate(tmp_path, kind, path):
    db = tmp_path / "s.duckdb"
    load(kind, [path], db)
    with Reader(db) as r:
        first = sorted(r.events()["event_id"])
        first_problems = len(r.problems())
    load(kind, [path], db)
    with Reader(db) as r:
        assert sorted(r.events()["event_id"]) == first
        assert len(r.problems()) == first_problems
        assert list(r.runs()["command"]) == [f"import {kind}"] * 2


def test_gdelt_rows_keep_codes_scores_and_sources(tmp_path):
    db = tmp_path / "s.duckdb"
    load("gdelt", [GDELT], db)
    with Reader(db) as r:
        e = r.events().set_index("event_id")
    first = e.loc["gdelt:1037542101"]
    assert (first["source"], first["target"], first["cameo"], first["root"], first["quad_class"], first["goldstein"]) == ("RUS", "USA", "172", "17", 4, -5.0)
    assert first["plover"] == "COERCE" and first["outlet"] == "example-news.ru" and first["url"].startswith("https://www.example-news.ru/")
    assert first["date"].date() == date(2021, 4, 15) and first["sentence"] == 0
    assert e.loc["gdelt:1037542105", "cameo"] == "0233"  # the leading zero stays
    assert e.loc["gdelt:1037542102", "source_text"] == "KREMLIN"


def test_icews_names_and_sectors_map_to_cameo_codes(tmp_path):
    db = tmp_path / "s.duckdb"
    _, problems = load("icews", [ICEWS], db)
    with Reader(db) as r:
        e = r.events().set_index("event_id")
    assert (e.loc["icews:32889836:2018-06-01", "source"], e.loc["icews:32889836:2018-06-01", "target"]) == ("RUSGOV", "USA")
    assert e.loc["icews:32889836:2013-03-14", "source"] == "BGDGOV"  # the same Event ID on another date is another event
    assert e.loc["icews:32889836:2013-03-14", "target"] == "VNMMIL"
    quoted = e.loc["icews:32889837:2018-06-01"]  # every cell wrapped in quotes (a Dataverse .tab download)
    assert (quoted["source"], quoted["target"], quoted["cameo"], quoted["goldstein"]) == ("RUSMIL", "UKR", "190", -10.0)
    assert e.loc["icews:32889838:2018-06-02", "cameo"] == "040"  # M/D/YYYY date; '40' lost its zero
    assert e.loc["icews:32889839:2018-06-02", "source"] == "IGOUNO"
    assert pd.isna(e.loc["icews:32889842:2018-06-03", "source"]) and e.loc["icews:32889842:2018-06-03", "source_text"] == "Atlantis Navy"
    assert e.loc["icews:32889836:2018-06-01", "article_id"] == "icews:47400351" and e.loc["icews:32889836:2018-06-01", "outlet"] == "Interfax"
    warnings = [p.message for p in problems if p.severity == "warning"]
    assert any("Atlantis" in w for w in warnings) and any("leading zero" in w for w in warnings)


@pytest.mark.parametrize("name,sectors,country,expected", [
    ("Sergey Lavrov", "Executive,Foreign Ministry,Government", "Russian Federation", "RUSGOV"),
    ("Defense Ministry (Russia)", "Military,Government", "Russia", "RUSMIL"),
    ("Police (Kenya)", "Police", "Kenya", "KENCOP"),
    ("Russia", "", "Russian Federation", "RUS"),
    ("Citizen (Ukraine)", "", "Ukraine", "UKR"),
    ("United Nations", None, None, "IGOUNO"),
    ("Some Militia", None, None, None),
    ("Atlantis Navy", "Military", "Atlantis", None),
])
def test_icews_actor(name, sectors, country, expected):
    assert icews_actor(name, sectors, country, {"unknown": set()}) == expected


def test_polecat_rows_keep_plover_and_take_the_first_actor(tmp_path):
    db = tmp_path / "s.duckdb"
    result, problems = load("polecat", [POLECAT, POLECAT_BAD_HEADER], db)
    assert result.repeated == 1 and any("repeat an id" in p.message for p in problems)
    with Reader(db) as r:
        e = r.events().set_index("event_id")
    assault = e.loc["polecat:20220301-0012-8d1c2a4e9b1f_ASSAULT"]
    assert (assault["source"], assault["target"], assault["plover"], assault["plover_mode"]) == ("RUSMIL", "UKRCVL", "ASSAULT", "aerial")
    assert (assault["quad_class"], assault["goldstein"]) == (4, -9.5) and pd.isna(assault["cameo"])  # older 'Intensity' header
    assert pd.isna(e.loc["polecat:20220301-0013-77aa01bc3e20_SANCTION", "plover_mode"])  # 'None' is missing
    both = e.loc["polecat:20220302-0001-0b9c1d2e3f40_ACCUSE"]
    assert both["source"] == "USAGOV" and both["source_text"] == "United States; United Kingdom"
    threat = e.loc["polecat:20230105-0100-feedfacecafe_THREATEN"]  # malformed header, trailing tabs
    assert (threat["source"], threat["target"], threat["plover"], threat["goldstein"]) == ("RUSGOV", "USA", "THREATEN", -3.5)


@pytest.mark.parametrize("country,sector,name,expected", [
    ("RUS", "MIL", None, "RUSMIL"), ("USA; GBR", "GOV", None, "USAGOV"), ("FRA", "XYZ", None, "FRA"),
    ("None", "None", "United Nations", "IGOUNO"), (None, None, None, None),
])
def test_polecat_actor(country, sector, name, expected):
    assert polecat_actor(country, sector, name) == expected


def test_dyad_counts_on_all_three_datasets(tmp_path):
    db = tmp_path / "s.duckdb"
    for kind, paths in (("gdelt", [GDELT]), ("icews", [ICEWS]), ("polecat", [POLECAT, POLECAT_BAD_HEADER])):
        load(kind, paths, db)
    assert dyad(db, "RUS", "USA", dataset="gdelt") == 2  # RUS->USA and RUSGOV->USAGOV roll up
    assert dyad(db, "RUS", "USA", dataset="gdelt", exact=True) == 1
    assert dyad(db, "USA", "RUS", dataset="gdelt") == 2
    assert dyad(db, "RUS", "USA", dataset="icews") == 1
    assert dyad(db, "USA", "RUS", dataset="icews") == 2
    assert dyad(db, "USA", "RUS", dataset="polecat") == 2
    assert dyad(db, "RUS", "USA", dataset="polecat") == 1
    assert dyad(db, "RUS", "USA") == 4
    assert dyad(db, "RUS", "UKR", code="19") == 1


@pytest.mark.parametrize("wrap", ["gz", "zip"])
def test_compressed_files_are_read(tmp_path, wrap):
    data = GDELT.read_bytes()
    if wrap == "gz":
        path = tmp_path / "20210418.export.CSV.gz"
        path.write_bytes(gzip.compress(data))
    else:
        path = tmp_path / "20210418.export.CSV.zip"
        with zipfile.ZipFile(path, "w") as zf:
            zf.writestr("20210418.export.CSV", data)
    result, problems = load("gdelt", [path], tmp_path / "s.duckdb")
    assert result.written.events == 6 and result.rejected == 2
    assert all(str(p.where).startswith(str(path)) for p in problems)


def test_a_byte_order_mark_before_the_header_is_ignored(tmp_path):
    path = tmp_path / "bom.tab"
    path.write_bytes(b"\xef\xbb\xbf" + ICEWS.read_bytes())
    result, _ = load("icews", [path], tmp_path / "s.duckdb")
    assert result.written.events == 7


def test_a_latin1_line_is_read_and_warned_about(tmp_path):
    path = tmp_path / "latin.tab"
    text = ICEWS.read_text(encoding="utf-8").splitlines()
    path.write_bytes(("\n".join(text[:2]) + "\n").encode("utf-8") + text[3].replace("Bangladesh)", "Bangladèsh)").encode("latin-1") + b"\n")
    result, problems = load("icews", [path], tmp_path / "s.duckdb")
    assert result.written.events == 2
    assert [p.message for p in problems] == ["1 line(s) were not UTF-8 and were read as Latin-1"]


@pytest.mark.parametrize("kind,content,message", [
    ("icews", "a\tb\tc\n1\t2\t3\n", "not an ICEWS event file: the header lacks Event ID"),
    ("polecat", "x\ty\n", "not a POLECAT file: the header lacks Event ID"),
])
def test_a_file_of_another_layout_is_one_clear_problem(tmp_path, kind, content, message):
    path = tmp_path / "other.txt"
    path.write_text(content, encoding="utf-8")
    result, problems = load(kind, [path], tmp_path / "s.duckdb")
    assert result.written.events == 0 and len(problems) == 1
    assert str(problems[0]).startswith(f"{path}:1: {message}")


def test_our_gdelt_export_imports_back(tmp_path):
    rows = [{"event_id": "a:e1", "date": date(2021, 4, 15), "source": "RUSGOV", "source_text": "Kremlin", "target": "USA",
             "target_text": "US", "cameo": "1721", "quad_class": 4, "goldstein": -5.0, "url": "https://example.com/a", "sentence": 0}]
    out = io.StringIO()
    write_gdelt(rows, out)
    path = tmp_path / "ours.CSV"
    path.write_text(out.getvalue(), encoding="utf-8")
    db = tmp_path / "s.duckdb"
    result, problems = load("gdelt", [path], db)
    assert result.written.events == 1 and not problems
    with Reader(db) as r:
        e = r.events().iloc[0]
    assert (e["source"], e["target"], e["cameo"], e["quad_class"], e["goldstein"], e["outlet"]) == ("RUSGOV", "USA", "1721", 4, -5.0, "example.com")


def test_import_command_exit_status_and_summary(tmp_path, capsys):
    db = tmp_path / "s.duckdb"
    assert main(["import", "icews", str(ICEWS), "--db", str(db)]) == 2
    captured = capsys.readouterr()
    assert "detente: 7 icews events imported from 1 file; 2 malformed rows rejected" in captured.out
    assert f"detente: {ICEWS}:7: CAMEO code '13y'" in captured.err
    good = tmp_path / "good.CSV"
    good.write_text("".join(GDELT.read_text(encoding="utf-8").splitlines(keepends=True)[:5]), encoding="utf-8")
    assert main(["import", "gdelt", str(good), "--db", str(db)]) == 0
    assert main(["import", "gdelt", str(tmp_path / "missing.CSV"), "--db", str(db)]) == 2
    assert "missing.CSV: no such file" in capsys.readouterr().err
