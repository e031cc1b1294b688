"""Dyad series and top dyads on hand-built events: exact counts, roll-up, zero periods, modalities."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from detente.analyze import connect, dyad_report, dyad_series, rollup, top_dyads
from detente.errors import UserInputError
from events_db import event, make_db, memory_db


@pytest.fixture
def db(tmp_path):
    def make(rows):
        return connect(make_db(tmp_path / f"t{len(list(tmp_path.iterdir()))}.duckdb", rows))
    return make


ROWS = [
    event("RUSGOV", "USA", "2021-04-12", "1663"),        # week of 04-12: material conflict, -7
    event("RUS", "USAGOV", "2021-04-14", "111"),         # verbal conflict, -2
    event("RUSMIL", "USAMIL", "2021-04-14", "036"),      # verbal coop, +4
    event("RUS", "USA", "2021-04-15", "163", modality="planned"),
    event("RUS", "USA", "2021-04-15", "190", modality="hypothetical"),
    event("RUS", "USA", "2021-04-15", "190", modality="negated"),
    event("RUS", "USA", "2021-04-15", "190", modality="denied"),
    event("RUS", "USA", None, "190"),
    event("RUS", "USA", "2021-05-03", "070"),            # three empty weeks before it: material coop, +7
    event("USA", "RUS", "2021-04-20", "163"),
    event("CHN", "USA", "2021-04-20", "042"),
]


def test_weekly_counts_are_exact_with_zero_weeks(db):
    report = dyad_report(db(ROWS), "RUS", "USA")
    s = report.series
    assert [d.date() for d in s.period] == [date(2021, 4, 12), date(2021, 4, 19), date(2021, 4, 26), date(2021, 5, 3)]
    assert list(s.events) == [3, 0, 0, 1]
    assert list(s.verbal_coop) == [1, 0, 0, 0]
    assert list(s.material_coop) == [0, 0, 0, 1]
    assert list(s.verbal_conflict) == [1, 0, 0, 0]
    assert list(s.material_conflict) == [1, 0, 0, 0]
    assert list(s.goldstein_sum) == [-5.0, 0.0, 0.0, 7.0]
    assert s.goldstein_mean[0] == pytest.approx(-5 / 3) and s.goldstein_mean[1:3].isna().all()
    assert (list(s.planned), list(s.hypothetical)) == ([1, 0, 0, 0], [1, 0, 0, 0])
    assert (s.plover_SANCTION[0], s.plover_ACCUSE[0], s.plover_AGREE[0], s.plover_AID[3]) == (1, 1, 1, 1)
    assert "plover_COERCE" not in s  # the only COERCE act of RUS->USA (163) was planned
    assert report.notes == ("2 negated or denied events not counted", "1 event without a date not counted")


def test_exact_codes_count_only_the_code_asked_for(db):
    con = db(ROWS)
    assert list(dyad_series(con, "RUS", "USA", exact=True).events) == [0, 0, 0, 1]  # only RUS->USA as coded
    assert list(dyad_series(con, "RUSGOV", "USA", exact=True).events) == [1]


@pytest.mark.parametrize(
    "freq, periods, events",
    [
        pytest.param("day", 22, 4, id="day"),
        pytest.param("month", 2, 4, id="month"),
    ],
)
def test_other_frequencies(db, freq, periods, events):
    s = dyad_series(db(ROWS), "RUS", "USA", freq=freq)
    assert (len(s), int(s.events.sum())) == (periods, events)
    if freq == "month":
        assert [d.date() for d in s.period] == [date(2021, 4, 1), date(2021, 5, 1)]


def test_both_directions_share_the_periods(db):
    s = dyad_series(db(ROWS), "RUS", "USA", both=True)
    assert list(zip(s.source, s.target)) == [("RUS", "USA")] * 4 + [("USA", "RUS")] * 4
    assert list(s[s.source == "USA"].events) == [0, 1, 0, 0]


def test_since_until_bound_and_fill_the_period(db):
    s = dyad_series(db(ROWS), "RUS", "USA", since="2021-04-01", until="2021-04-30")
    assert [d.date() for d in s.period][0] == date(2021, 3, 29)  # the ISO week holding April 1st
    assert len(s) == 5 and list(s.events) == [0, 0, 3, 0, 0]


def test_a_dyad_without_events_says_so(db):
    report = dyad_report(db(ROWS), "RUS", "GBR", both=True)
    assert report.series.empty and report.notes[0] == "no events between RUS and GBR in the database"
    zero = dyad_series(db(ROWS), "RUS", "GBR", since="2021-04-01", until="2021-04-14")
    assert len(zero) == 3 and zero.events.sum() == 0  # asked-for period: zero rows, plottable


@pytest.mark.parametrize(
    "kwargs, message",
    [
        pytest.param(dict(freq="year"), "--freq 'year'", id="bad-freq"),
        pytest.param(dict(since="2021-05-01", until="2021-04-01"), "after --until", id="since-after-until"),
        pytest.param(dict(since="last week"), "--since 'last week' is not a date", id="bad-date"),
    ],
)
def test_bad_arguments_are_refused(db, kwargs, message):
    with pytest.raises(UserInputError, match=message):
        dyad_report(db(ROWS), "RUS", "USA", **kwargs)


def test_top_dyads_rank_activity_and_conflict_without_self_or_one_sided(db):
    rows = ROWS + [event("RUS", "RUS", "2021-04-20", "190") for _ in range(5)] + [
        event("UKR", None, "2021-04-20", "190") for _ in range(5)] + [event("SYR", "TUR", "2021-04-21", "190")]
    top = top_dyads(db(rows), n=3)
    assert list(zip(top.active.source, top.active.target, top.active.events)) == [
        ("RUS", "USA", 4), ("CHN", "USA", 1), ("SYR", "TUR", 1)]
    assert list(zip(top.conflictual.source, top.conflictual.target, top.conflictual.intensity)) == [
        ("SYR", "TUR", 10.0), ("RUS", "USA", 9.0), ("USA", "RUS", 8.0)]
    assert top.active.planned[0] == 2
    april20 = top_dyads(db(rows), since="2021-04-20", until="2021-04-20")
    assert set(zip(april20.active.source, april20.active.target)) == {("USA", "RUS"), ("CHN", "USA")}


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["RUS", "RUSGOV", "USA", "USAMIL", "IGOUNO"]),
                          st.sampled_from(["RUS", "USA", "USAGOV", "IGOUNO"]), st.integers(0, 40),
                          st.sampled_from(["1663", "163", "111", "057", "070"]),
                          st.sampled_from(["asserted", "planned", "hypothetical", "negated", "reported"])),
                min_size=1, max_size=40))
def test_series_totals_match_a_plain_count(rows):
    built = [event(s, t, date(2021, 3, 1 + d % 28) if d < 28 else date(2021, 4, d - 27), c, modality=m)
             for s, t, d, c, m in rows]
    con = memory_db(built)
    series = dyad_series(con, "RUS", "USA", both=True, freq="day")
    for a, b in (("RUS", "USA"), ("USA", "RUS")):
        mine = [r for r in built if rollup(r["source"]) == a and rollup(r["target"]) == b]
        acts = [r for r in mine if r["modality"] in ("asserted", "reported")]
        part = series[(series.source == a) & (series.target == b)]
        assert int(part.events.sum()) == len(acts)
        assert float(part.goldstein_sum.sum()) == pytest.approx(sum(r["goldstein"] for r in acts))
        assert int(part.planned.sum()) == sum(r["modality"] == "planned" for r in mine)
        assert int(part.material_conflict.sum()) == sum(r["quad_class"] == 4 for r in acts)
