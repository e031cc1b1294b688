"""Accuracy gates for quotations: the showcase article and PolNeAR dev, with floors read from
``tests/accuracy_floors.toml`` (STYLE.md 9), plus the scorers' own definitions on small written cases.

The gold data lives in ``../shared``; the gates skip with the reason when it is absent. PolNeAR is
parsed once per session (84 articles, about ten seconds).
"""

from __future__ import annotations

import tomllib

import pytest

from detente.evaluation.polnear import evaluate_polnear, gold_kind, head_names, quote_regions, read_brat, _Letters
from detente.evaluation.showcase import evaluate_showcase, fold, score_showcase
from detente.model import Article, CodedArticle, Mention, ParsedDoc, Quote

from conftest import ROOT, shared_path

FLOORS = tomllib.loads((ROOT / "tests" / "accuracy_floors.toml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def showcase(pipeline):
    return evaluate_showcase(shared_path("showcase", "000_67d08ea38d120714.gold.json"), pipeline)


@pytest.fixture(scope="module")
def polnear(pipeline):
    return evaluate_polnear(shared_path("eval", "polnear-dev"), pipeline)


def _showcase_ids(status: str) -> list[str]:
    import json

    from conftest import SHARED

    path = SHARED / "showcase" / "000_67d08ea38d120714.gold.json"
    if not path.exists():
        return ["absent"]
    gold = json.loads(path.read_text(encoding="utf-8"))
    return [item.get("id", item["snippet"][:20]) for item in gold["quotes"][status]]


@pytest.mark.parametrize("item_id", _showcase_ids("required"))
def test_showcase_required_quote_found_with_kind_speaker_and_code(showcase, item_id):
    [item] = [i for i in showcase.items if i.section == "quotes" and i.status == "required" and i.id == item_id]
    assert item.ok, item.detail


def test_showcase_no_forbidden_quote(showcase):
    bad = [i for i in showcase.items if i.section == "quotes" and i.status == "forbidden" and not i.ok]
    assert not bad, [i.detail for i in bad]


@pytest.mark.parametrize("measure", ["precision", "direct_mixed_recall", "indirect_recall", "speaker_span", "speaker_resolved"])
def test_polnear_dev_above_floor(polnear, measure):
    value = {
        "precision": polnear.precision.value,
        "direct_mixed_recall": polnear.direct_mixed_recall,
        "indirect_recall": polnear.recall["indirect"].value,
        "speaker_span": polnear.speaker_span.value,
        "speaker_resolved": polnear.speaker_resolved.value,
    }[measure]
    floor = FLOORS["polnear"][measure]
    assert value >= floor, f"PolNeAR dev {measure} {value:.3f} fell below its floor {floor}"


# -- the scorers' definitions, on written cases ------------------------------------------------------

ANN = """T1\tSource 0 5\tJones
T2\tCue 6 10\tsaid
T3\tContent 11 30\tthe talks had ended
T4\tAttribution 6 10\tsaid
E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1
T5\tCue 32 44\taccording to
T6\tContent 45 50;55 60\tabcde fghij
T7\tAttribution 32 44\taccording to
E2\tAttribution-no-source:T7 Content:T6 Cue:T5
"""


def test_read_brat_relations_with_and_without_source():
    first, second = read_brat(ANN)
    assert (first.content, first.cue, first.source) == (((11, 30),), ((6, 10),), ((0, 5),))
    assert (second.content, second.source) == (((45, 50), (55, 60)), ())


@pytest.mark.parametrize(
    "text, span, kind",
    [
        pytest.param('“We are done here,” he said.', (0, 19), "direct", id="all-inside-marks"),
        pytest.param('He said the plan was “a dead end” today.', (8, 33), "mixed", id="partly-inside"),
        pytest.param("He said the plan had failed.", (8, 27), "indirect", id="no-marks"),
        pytest.param("''We are done,'' he said.", (0, 16), "direct", id="nyt-marks"),
    ],
)
def test_gold_kind_from_quote_marks(text, span, kind):
    assert gold_kind(_Letters(text), (span,), quote_regions(text)) == kind


@pytest.mark.parametrize(
    "source, heads",
    [
        pytest.param("House Speaker Jane Q. Roe (R-Ohio)", ["Roe"], id="title-and-party"),
        pytest.param("one of the family's lawyers, John Doe,", ["Doe"], id="apposition-names"),
        pytest.param("a 2015 survey by a university", ["survey"], id="post-modifier"),
        pytest.param("a report released last year", ["report"], id="participle"),
        pytest.param("Smith and Jones", ["Smith", "Jones"], id="conjuncts"),
    ],
)
def test_head_names(source, heads):
    assert head_names(source) == heads


def test_showcase_scoring_rules_on_a_written_article():
    text = "Ana Diaz said the “plan” had failed. Officials said nothing."
    article = Article("a", text)
    speaker = Mention(0, 8, "Ana Diaz", "ESPGOV", "person", "test", "Ana Diaz")
    q1 = Quote("a:q1", "a", "mixed", ((14, 35),), "Ana Diaz", speaker, (9, 13), "say", speaker_name="Ana Diaz")
    q2 = Quote("a:q2", "a", "direct", ((19, 23),), "Officials", None, None, None)
    coded = CodedArticle(article, ParsedDoc(article, ()), quotes=(q1, q2))
    gold = {"quotes": {
        "required": [{"id": "Q1", "snippet": 'the "plan" had', "kind": "mixed", "speaker": "Diaz", "speaker_code_prefix": "ESP", "cue": "said"}],
        "optional": [{"id": "Q2", "snippet": "the plan had failed", "kind": "indirect"}],
        "forbidden": [{"snippet": "plan", "as_whole_quote_with_speaker": "Officials"}],
    }}
    report = score_showcase(coded, gold)
    assert [(i.id, i.ok) for i in report.items] == [("Q1", True), ("Q2", False), ("-", False)]
    assert not report.passed and fold("“a”  ‘b’") == "\"a\" 'b'"
