"""Escalation alerts and reciprocity on constructed series with known answers."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pytest

from detente.analyze import connect, dyad_report, find_alerts, reciprocity
from events_db import event, make_db, weekly

START = date(2020, 1, 6)  # a Monday
CONFLICT = ["111", "112", "130", "138", "163", "172", "190"]
ANY = CONFLICT + ["010", "042", "057", "070"]


@pytest.fixture
def db(tmp_path):
    def make(rows):
        return connect(make_db(tmp_path / f"t{len(list(tmp_path.iterdir()))}.duckdb", rows))
    return make


def noisy(seed: int, weeks: int, rate: float, source: str = "RUS", target: str = "USA") -> list[dict]:
    """Poisson(rate) events a week with codes drawn at random (conflict and cooperation)."""
    rng = np.random.default_rng(seed)
    return [event(source, target, START + timedelta(weeks=w, days=int(rng.integers(0, 7))), ANY[rng.integers(len(ANY))])
            for w in range(weeks) for _ in range(rng.poisson(rate))]


def test_a_planted_escalation_is_alerted_with_its_events(db):
    rows = weekly("RUS", "UKR", START, [2] * 30, "111")  # two criticisms a week for 30 weeks
    burst = [event("RUS", "UKR", START + timedelta(weeks=30, days=1), "190", event_id=f"attack{i}") for i in range(8)]
    report = find_alerts(db(rows + burst + weekly("RUS", "UKR", START + timedelta(weeks=31), [2] * 4, "111")))
    assert len(report.alerts) == 1
    alert = report.alerts[0]
    assert (alert.kind, alert.source, alert.target, alert.week) == ("escalation", "RUS", "UKR", START + timedelta(weeks=30))
    assert alert.events == 8 and alert.intensity == 80.0 and alert.usual == 4.0
    assert alert.event_ids == tuple(sorted(f"attack{i}" for i in range(8)))
    assert alert.z > 3.5


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("rate", [1.0, 4.0, 12.0])
def test_a_noisy_series_without_escalation_is_not_alerted(db, seed, rate):
    assert find_alerts(db(noisy(seed, 80, rate))).alerts == ()


@pytest.mark.parametrize("seed", range(4))
def test_an_escalation_in_noise_is_found(db, seed):
    rows = noisy(seed, 40, 4.0)
    rows += [event("RUS", "USA", START + timedelta(weeks=35, days=3), "190") for _ in range(15)]
    weeks = {a.week for a in find_alerts(db(rows)).alerts}
    assert START + timedelta(weeks=35) in weeks


def test_a_flat_series_is_not_alerted(db):
    assert find_alerts(db(weekly("RUS", "USA", START, [6] * 60, "172"))).alerts == ()


def test_planned_threats_are_warnings_apart_from_acts(db):
    rows = weekly("USA", "RUS", START, [1] * 20, "111")
    threats = [event("USA", "RUS", START + timedelta(weeks=20, days=2), "163", modality="planned", event_id=f"threat{i}",
                     sentence=f"Washington will impose sanctions number {i}") for i in range(4)]
    report = find_alerts(db(rows + threats))
    assert [(a.kind, a.events, a.event_ids) for a in report.alerts] == [
        ("warning", 4, tuple(f"threat{i}" for i in range(4)))]


def test_history_before_since_is_the_baseline_and_older_alerts_are_not_listed(db):
    rows = weekly("RUS", "UKR", START, [1] * 20 + [12] + [1] * 20, "190")
    assert len(find_alerts(db(rows)).alerts) == 1
    assert find_alerts(db(rows), since=START + timedelta(weeks=21)).alerts == ()
    assert len(find_alerts(db(rows), since=START + timedelta(weeks=20, days=3)).alerts) == 1


def test_a_new_dyad_needs_a_full_history_window(db):
    rows = weekly("RUS", "UKR", START, [0] * 5 + [12], "190")
    assert find_alerts(db(rows)).alerts == ()


def test_self_dyads_and_negated_events_do_not_alert(db):
    rows = weekly("RUS", "RUSREB", START, [1] * 20 + [20], "190")  # rolls up to RUS->RUS
    rows += weekly("RUS", "UKR", START, [1] * 20, "190") + weekly("RUS", "UKR", START + timedelta(weeks=20), [20], "190",
                                                                  modality="negated")
    assert find_alerts(db(rows)).alerts == ()


# --- reciprocity ---------------------------------------------------------------------------------


def tit_for_tat(seed: int, weeks: int = 150, lag: int = 2) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    x = rng.normal(0, 5, weeks)
    y = rng.normal(0, 3, weeks)
    y[lag:] += 0.7 * x[:-lag]
    return x, y


@pytest.mark.parametrize("seed", range(4))
def test_a_planted_tit_for_tat_lag_is_found(seed):
    x, y = tit_for_tat(seed)
    result = reciprocity(x, y, "RUS", "USA")
    assert result.b_responds.p < 0.001 and result.a_responds.p > 0.05
    assert 2 <= result.lag <= 8
    text = " ".join(result.sentences())
    assert f"USA responds to RUS within {result.lag} weeks" in text and "No sign that RUS responds to USA" in text


@pytest.mark.parametrize("seed", range(4))
def test_an_independent_pair_shows_no_response(seed):
    rng = np.random.default_rng(100 + seed)
    result = reciprocity(rng.normal(0, 5, 150), rng.normal(0, 5, 150), "RUS", "USA")
    assert result.b_responds.p > 0.05 and result.a_responds.p > 0.05
    text = " ".join(result.sentences())
    assert "No sign that USA responds to RUS" in text and "No sign that RUS responds to USA" in text
    assert "One-way" not in text and "reciprocity." not in text


@pytest.mark.parametrize(
    "x, y, message",
    [
        pytest.param([1.0, -2.0] * 5, [0.0, 1.0] * 5, "too short to test: 10 weeks", id="too-short"),
        pytest.param([0.0] * 40, list(np.arange(40.0)), "RUS→USA is constant (0 every week)", id="constant"),
        pytest.param([0.0] * 37 + [-2.0, 0.0, -9.0], list(np.arange(40.0)),
                     "too sparse to test: RUS→USA has acts in only 2 of the 40 weeks", id="sparse"),
    ],
)
def test_untestable_series_say_why(x, y, message):
    result = reciprocity(x, y, "RUS", "USA")
    assert not result.tested and message in result.sentences()[0]


def test_reciprocity_from_the_database_runs_on_weekly_goldstein_sums(db):
    x, y = tit_for_tat(7, weeks=80)
    rows = []
    for week, (gx, gy) in enumerate(zip(x, y)):
        # each week's Goldstein sum as whole events: cooperation (+4) or criticism (-2)
        for source, target, g in (("RUS", "USA", gx), ("USA", "RUS", gy)):
            day = START + timedelta(weeks=week, days=1)
            n = int(round(abs(g) / (4 if g > 0 else 2)))
            rows += [event(source, target, day, "036" if g > 0 else "111") for _ in range(n)]
    report = dyad_report(db(rows), "RUS", "USA", both=True, with_reciprocity=True)
    assert report.reciprocity.weeks == 80
    assert report.reciprocity.b_responds.p < 0.01 and report.reciprocity.a_responds.p > 0.05
