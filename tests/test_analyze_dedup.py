"""Roll-up and deduplication on hand-built events: exact counts, planted duplicates and near-misses."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from detente.analyze import connect, dyad_report, find_clusters, rollup
from detente.analyze.rollup import check_actor
from detente.errors import UserInputError
from events_db import event, make_db, memory_db


@pytest.fixture
def db(tmp_path):
    def make(rows):
        return connect(make_db(tmp_path / f"t{len(list(tmp_path.iterdir()))}.duckdb", rows))
    return make


@pytest.mark.parametrize(
    "code, expected",
    [
        pytest.param("RUSGOV", "RUS", id="government"),
        pytest.param("USAMIL", "USA", id="military"),
        pytest.param("RUS", "RUS", id="country"),
        pytest.param("USAPRI", "USA", id="territory-with-sovereign-prefix"),
        pytest.param("IGOUNO", "IGOUNO", id="igo-to-itself"),
        pytest.param("NGOHRI", "NGOHRI", id="ngo-to-itself"),
        pytest.param("XYZ", "XYZ", id="unknown-to-itself"),
        pytest.param(None, None, id="absent"),
    ],
)
def test_rollup(code, expected):
    assert rollup(code) == expected


def test_asking_for_a_code_that_rolls_up_is_refused_with_the_way_out():
    with pytest.raises(UserInputError, match="RUSGOV rolls up to RUS.*--exact"):
        check_actor("RUSGOV", exact=False)
    assert check_actor("rusgov", exact=True) == "RUSGOV"


EXPULSION = "Russia expelled ten US diplomats in retaliation for sanctions."
PARAPHRASE = "Moscow ordered the expulsion of ten American diplomats in retaliation."


def test_planted_duplicates_make_one_cluster_with_gdelt_counts(db):
    con = db([
        event("RUSGOV", "USA", "2021-04-15", "1663", sentence=EXPULSION, outlet="tass", article="a1", event_id="d1"),
        event("RUS", "USAGOV", "2021-04-16", "1663", sentence=PARAPHRASE, outlet="ap", article="a2", event_id="d2"),
        event("RUS", "USA", "2021-04-16", "1663", sentence=EXPULSION, outlet="ap", article="a3", event_id="d3"),
        event("RUS", "USA", "2021-04-15", "1663", sentence=EXPULSION, outlet="tass", article="a1", event_id="d4"),
    ])
    found = find_clusters(con)
    assert len(found) == 1
    row = found.iloc[0]
    assert (row.source, row.target, row.cameo, row.mentions, row.sources, row.articles) == ("RUS", "USA", "1663", 4, 2, 3)
    assert list(row.event_ids) == ["d1", "d4", "d2", "d3"]  # first report first
    assert (row.date.date(), row.last_date.date()) == (date(2021, 4, 15), date(2021, 4, 16))


@pytest.mark.parametrize(
    "miss",
    [
        pytest.param(dict(source="RUS", target="USA", day="2021-04-17", cameo="1663"), id="outside-the-window"),
        pytest.param(dict(source="RUS", target="GBR", day="2021-04-15", cameo="1663"), id="different-target"),
        pytest.param(dict(source="USA", target="RUS", day="2021-04-15", cameo="1663"), id="reverse-direction"),
        pytest.param(dict(source="RUS", target="USA", day="2021-04-15", cameo="111"), id="different-root"),
        pytest.param(dict(source="RUS", target="USA", day="2021-04-15", cameo="1663", modality="planned"), id="planned-not-the-act"),
        pytest.param(dict(source="RUS", target="USA", day="2021-04-15", cameo="1663",
                          sentence="The Kremlin shut the consulate in Yekaterinburg over visas."), id="dissimilar-evidence"),
    ],
)
def test_near_misses_stay_apart(db, miss):
    sentence = miss.pop("sentence", EXPULSION)
    con = db([
        event("RUS", "USA", "2021-04-15", "1663", sentence=EXPULSION, event_id="base"),
        event(miss.pop("source"), miss.pop("target"), miss.pop("day"), miss.pop("cameo"), sentence=sentence,
              event_id="miss", **miss),
    ])
    found = find_clusters(con)
    assert sorted(len(ids) for ids in found.event_ids) == [1, 1]


@pytest.mark.parametrize(
    "second_code, clusters",
    [pytest.param("1663", 1, id="same-code-merges"), pytest.param("163", 2, id="other-code-same-root-stays-apart")],
)
def test_rows_without_evidence_merge_on_the_full_code(db, second_code, clusters):
    con = db([
        event("RUS", "USA", "2021-04-15", "1663", sentence=None, dataset="gdelt", outlet="a.com"),
        event("RUS", "USA", "2021-04-15", second_code, sentence=None, dataset="gdelt", outlet="b.com"),
    ])
    assert len(find_clusters(con)) == clusters


def test_a_running_story_is_cut_into_window_spans(db):
    # the same wording every day for five days: linked day to day, cut into spans of two days
    con = db([event("RUS", "UKR", f"2022-03-0{d}", "190", sentence="Russian forces shelled Kharkiv overnight.")
              for d in range(1, 6)])
    found = find_clusters(con)
    assert [(str(r.date.date()), str(r.last_date.date()), r.mentions) for r in found.itertuples()] == [
        ("2022-03-01", "2022-03-02", 2), ("2022-03-03", "2022-03-04", 2), ("2022-03-05", "2022-03-05", 1)]
    wider = find_clusters(con, window_days=4)
    assert list(wider.mentions) == [5]


def test_negated_undated_and_one_sided_events_are_not_clustered(db):
    con = db([
        event("RUS", "USA", "2021-04-15", "1663", sentence=EXPULSION),
        event("RUS", "USA", "2021-04-15", "1663", sentence=EXPULSION, modality="negated"),
        event("RUS", "USA", None, "1663", sentence=EXPULSION),
        event("RUS", None, "2021-04-15", "1663", sentence=EXPULSION),
    ])
    assert list(find_clusters(con).mentions) == [1]


def test_dedup_series_counts_clusters_and_says_so(db):
    rows = [event("RUS", "USA", "2021-04-15", "1663", sentence=EXPULSION, outlet=o) for o in ("tass", "ap", "afp")]
    rows.append(event("RUS", "USA", "2021-04-15", "111", sentence="Russia condemned the new American sanctions."))
    con = db(rows)
    raw = dyad_report(con, "RUS", "USA")
    dedup = dyad_report(con, "RUS", "USA", dedup=True)
    assert list(raw.series.events) == [4]
    assert list(dedup.series.events) == [2]
    assert (dedup.series.material_conflict[0], dedup.series.verbal_conflict[0]) == (1, 1)
    assert any("2 clusters from 4 events" in n for n in dedup.notes)


def test_blocking_never_pairs_across_blocks(db):
    # 40 dyads x 1 event on one day: no candidate pair at all, every event its own cluster
    rows = [event(f"C{i:02d}", "USA", "2021-04-15", "1663", sentence=EXPULSION) for i in range(40)]
    con = db(rows)
    assert len(find_clusters(con)) == 40


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["RUS", "RUSGOV", "USA", "USAMIL", "IGOUNO"]),
                          st.sampled_from(["RUS", "USA", "USAGOV", "CHN"]), st.integers(0, 6),
                          st.sampled_from(["1663", "163", "111", "057"]),
                          st.sampled_from(["asserted", "planned", "negated"]),
                          st.sampled_from([EXPULSION, PARAPHRASE, None, "Talks on arms control resumed in Geneva."])),
                min_size=0, max_size=30))
def test_every_eligible_event_is_in_exactly_one_cluster(rows):
    built = [event(s, t, date(2021, 4, 10 + d), c, modality=m, sentence=text) for s, t, d, c, m, text in rows]
    con = memory_db(built)
    found = find_clusters(con)
    ids = [i for group in found.event_ids for i in group]
    eligible = {r["event_id"] for r in built if r["modality"] != "negated"}
    assert sorted(ids) == sorted(eligible)
    for r in found.itertuples():
        assert r.sources <= r.mentions and r.articles <= r.mentions
        assert (r.last_date - r.date).days <= 1


@pytest.mark.parametrize(
    "first, second, clusters",
    [
        pytest.param("Russia expelled ten US diplomats in retaliation",
                     "Moscow ordered the expulsion of ten American diplomats in retaliation", 1, id="paraphrase-0.33-merges"),
        pytest.param("Russia condemned the new sanctions", "Russia criticised US missile plans", 2,
                     id="other-act-0.17-stays-apart"),
    ],
)
def test_the_similarity_examples_of_the_docs(db, first, second, clusters):
    con = db([event("RUS", "USA", "2021-04-15", "111", sentence=first), event("RUS", "USA", "2021-04-15", "111", sentence=second)])
    assert len(find_clusters(con)) == clusters
