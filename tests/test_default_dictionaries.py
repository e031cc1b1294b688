"""The dictionaries shipped with detente: coverage, and actors a human coder would agree with."""

from __future__ import annotations

from collections import Counter

import pytest

from detente import cameo

from conftest import shared_path


def test_every_pattern_code_is_cameo_and_every_root_is_covered(dictionaries):
    codes = {p.code for table in (dictionaries.verbs, dictionaries.nouns) for ps in table.values() for p in ps}
    assert all(cameo.is_valid(c) for c in codes), sorted(c for c in codes if not cameo.is_valid(c))
    assert len(codes) >= 200
    assert {c[:2] for c in codes} == {f"{n:02d}" for n in range(1, 21)}
    assert any(dictionaries.nouns.get(n) for n in ("sanction", "talk", "expulsion"))


def test_at_least_400_dated_office_holders(dictionaries):
    people = {e.id: e for entries in dictionaries.actors.lower.values() for e in entries if e.kind == "person"}
    dated = [e for e in people.values() if e.codes]
    assert len(dated) >= 400
    by_country = Counter(c.code[:3] for e in dated for c in e.codes[:1])
    for country in ("RUS", "USA", "CHN", "UKR", "ISR", "IND", "PAK", "TUR", "IRN", "GBR", "FRA", "DEU"):
        assert by_country[country] >= 5, country


@pytest.mark.shared
def test_every_country_of_the_cameo_country_list_is_known(dictionaries):
    lines = shared_path("reference", "cameo-country-codes", "countrynames.txt").read_text(encoding="utf-8").splitlines()
    codes = {line.split("\t")[1] for line in lines if "\t" in line and line.split("\t")[1] != "---"}
    known = {e.code for entries in dictionaries.actors.lower.values() for e in entries if e.kind == "country"}
    known |= {e.code for entries in dictionaries.actors.exact.values() for e in entries if e.kind == "country"}
    missing = sorted(codes - known)
    assert len(missing) <= 2, missing  # PSEGZA is folded into PSE by choice (see countries.toml)


@pytest.mark.parametrize(
    "text, date, phrase, code",
    [
        pytest.param("The Russian foreign minister arrived in Ankara.", "2021-04-15", "Russian foreign minister", "RUSGOV", id="adjective-role"),
        pytest.param("American media reported the deal.", "2021-04-15", "American media", "USAMED", id="media"),
        pytest.param("Kremlin spokesperson Dmitry Peskov spoke.", "2021-04-15", "Kremlin spokesperson Dmitry Peskov", "RUSGOV", id="seat-role-person"),
        pytest.param("Kremlin spokesperson Ivan Smirnovsky spoke.", "2021-04-15", "Kremlin spokesperson Ivan Smirnovsky", "RUSGOV", id="unknown-person-still-government"),
        pytest.param("Chinese troops crossed the line.", "2021-04-15", "Chinese troops", "CHNMIL", id="troops"),
        pytest.param("Donald Trump spoke on Monday.", "2019-06-01", "Donald Trump", "USAGOV", id="in-office"),
        pytest.param("Donald Trump spoke on Monday.", "2022-06-01", "Donald Trump", "USAELI", id="out-of-office"),
        pytest.param("The White House denied the report.", "2021-04-15", "White House", "USAGOV", id="seat-of-power"),
        pytest.param("The Pentagon released a statement.", "2021-04-15", "Pentagon", "USAMIL", id="pentagon"),
        pytest.param("Moscow rejected the claim.", "2021-04-15", "Moscow", "RUS", id="capital-metonym"),
        pytest.param("NATO allies met in Brussels.", "2021-04-15", "NATO", "IGOWSTNAT", id="alliance"),
        pytest.param("Let us talk.", "2021-04-15", "us", None, id="pronoun-us-is-not-usa"),
    ],
)
def test_actor_resolution(pipeline, text, date, phrase, code):
    coded = pipeline.code_text(text, date)
    found = [m for m in coded.mentions if m.text == phrase and m.kind != "pronoun"]
    if code is None:
        assert not found
    else:
        assert [m.code for m in found] == [code], [(m.text, m.code) for m in coded.mentions]
