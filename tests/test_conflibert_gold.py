"""Accuracy gate on the ConfliBERT CAMEO training split (real wire sentences hand-coded by CAMEO coders):
the pentaclass of each sentence's main event and its source and target spans, with floors read from
``tests/accuracy_floors.toml`` (STYLE.md 9). Definitions are in ``detente.evaluation.conflibert``.

The data lives in ``../shared/eval/conflibert-train``; the gate skips with the reason when it is
absent. All 1,565 sentences go through spaCy once per module (about ten seconds on 2 cores).
"""

from __future__ import annotations

import tomllib

import pytest

from detente.evaluation.conflibert import evaluate_conflibert

from conftest import ROOT, shared_path

FLOORS = tomllib.loads((ROOT / "tests" / "accuracy_floors.toml").read_text(encoding="utf-8"))

pytestmark = [pytest.mark.shared, pytest.mark.spacy]


@pytest.fixture(scope="module")
def totals(pipeline):
    return evaluate_conflibert(shared_path("eval", "conflibert-train"), pipeline).totals()


def test_the_split_is_read_whole(totals):
    assert (totals["class_rows"], totals["ner_sentences"]) == (1349, 1153)
    assert totals["ner_matched"] + totals["ner_unmatched"] == 1153 and totals["ner_matched"] > 900


@pytest.mark.parametrize(
    "measure, path",
    [
        pytest.param("class_macro_f1", ("class", "macro_f1"), id="class-macro-f1"),
        pytest.param("class_accuracy", ("class", "accuracy"), id="class-accuracy"),
        pytest.param("class_covered_macro_f1", ("class", "covered_macro_f1"), id="class-covered-macro-f1"),
        pytest.param("class_covered_accuracy", ("class", "covered_accuracy"), id="class-covered-accuracy"),
        pytest.param("both_spans", ("spans", "both", "value"), id="both-spans"),
    ],
)
def test_conflibert_above_floor(totals, measure, path):
    value = totals
    for key in path:
        value = value[key]
    floor = FLOORS["conflibert"][measure]
    assert value >= floor, f"ConfliBERT {measure} {value:.4f} fell below its floor {floor}"
