"""detente.relate: the event between two given spans, and the PLV relation gate."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

import detente
from detente.errors import UserInputError
from detente.evaluation.plv import plover_of, strip_marks

from conftest import shared_path

FLOORS = tomllib.loads((Path(__file__).parent / "accuracy_floors.toml").read_text(encoding="utf-8"))


def span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return (start, start + len(part))


@pytest.mark.parametrize(
    "text, source, target, root",
    [
        pytest.param("The Zorblan Liberation Front attacked a police station in Kelta.", "The Zorblan Liberation Front", "a police station", "19", id="unknown-actors-assault"),
        pytest.param("Russia strongly condemned the decision by Washington.", "Russia", "the decision by Washington", "11", id="known-source-unknown-target"),
        pytest.param("Thousands of protesters were detained by riot police.", "riot police", None, "17", id="implicit-target"),
    ],
)
def test_relate_codes_given_spans(text, source, target, root):
    event = detente.relate(text, span(text, source), span(text, target) if target else None)
    assert event is not None and event.cameo.startswith(root)
    assert event.source.start == text.index(source)


def test_relate_keeps_the_dictionary_code_of_a_span():
    text = "Russia condemned the strike."
    event = detente.relate(text, span(text, "Russia"), span(text, "the strike"))
    assert event.source.code == "RUS" and event.target.code == "---"


def test_relate_returns_none_when_nothing_relates_the_spans():
    text = "Russia and Brazil are large countries."
    assert detente.relate(text, span(text, "Russia"), span(text, "Brazil")) is None


def test_relate_rejects_a_span_outside_the_text():
    with pytest.raises(UserInputError, match="not inside the text"):
        detente.relate("short", (0, 99), None)


@pytest.mark.parametrize(
    "marked, text, spans",
    [
        pytest.param("<s>A</s> hit <t>B</t>.", "A hit B.", {"s": (0, 1), "t": (6, 7)}, id="both"),
        pytest.param("X said <t> the B </t>", "X said  the B ", {"t": (8, 13)}, id="trimmed"),
    ],
)
def test_strip_marks(marked, text, spans):
    assert strip_marks(marked) == (text, spans)


@pytest.mark.parametrize(
    "code, root",
    [("0211", "REQUEST"), ("081", "YIELD"), ("0874", "YIELD"), ("111", "ACCUSE"), ("010", "NONE"), (None, "NONE")],
)
def test_plover_root_folding(code, root):
    assert plover_of(code) == root


@pytest.mark.shared
def test_plv_relation_classification_meets_the_floors(pipeline):
    from detente.evaluation.plv import score_plv

    totals = score_plv(shared_path("eval", "plv-train", "PLV_train.tsv"), pipeline).totals()
    assert totals["rows"] == 1050
    assert totals["root_macro_f1"] >= FLOORS["plv"]["root_macro_f1"], totals
    assert totals["quad_macro_f1"] >= FLOORS["plv"]["quad_macro_f1"], totals
