"""Accuracy gate on event locations: detente's places against the blind annotation shipped with the
package (``detente/evaluation/geo_places.tsv``), with floors read from ``tests/accuracy_floors.toml``
(STYLE.md 9), and detente's precision above the GDELT rule's. Definitions are in
``detente.evaluation.geo``.

The texts live in ``../shared/eval`` (ConfliBERT and PolNeAR); the gate skips with the reason when
they are absent. 136 documents go through spaCy once per module (a few seconds on 2 cores).
"""

from __future__ import annotations

import tomllib

import pytest

from detente.evaluation.geo import evaluate_geo, read_gold

from conftest import ROOT, shared_path

FLOORS = tomllib.loads((ROOT / "tests" / "accuracy_floors.toml").read_text(encoding="utf-8"))["geo"]

pytestmark = [pytest.mark.shared, pytest.mark.spacy]


@pytest.fixture(scope="module")
def totals(pipeline):
    return evaluate_geo(shared_path("eval"), pipeline).totals()


def test_the_annotation_is_read_whole():
    gold = read_gold()
    assert len(gold) == 195 and len({g.key for g in gold}) == 136
    assert sum(g.country is not None for g in gold) == 92


@pytest.mark.parametrize(
    "floor, reading, measure, figure",
    [
        pytest.param("country_precision", "detente", "country", "precision", id="country-precision"),
        pytest.param("country_recall", "detente", "country", "recall", id="country-recall"),
        pytest.param("city_adm1_precision", "detente", "city_adm1", "precision", id="city-adm1-precision"),
        pytest.param("city_adm1_recall", "detente", "city_adm1", "recall", id="city-adm1-recall"),
        pytest.param("given_country_precision", "detente_given", "country", "precision", id="given-country-precision"),
        pytest.param("given_country_recall", "detente_given", "country", "recall", id="given-country-recall"),
    ],
)
def test_floor(totals, floor, reading, measure, figure):
    assert totals[reading][measure][figure] >= FLOORS[floor]


@pytest.mark.parametrize("measure", ["country", "city_adm1"])
def test_more_precise_than_the_gdelt_rule(totals, measure):
    assert totals["detente"][measure]["precision"] > totals["gdelt"][measure]["precision"]
