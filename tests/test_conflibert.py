"""The ConfliBERT scorer's definitions on small invented cases (no spaCy, no gold data): the pentaclass
of a CAMEO code, BIO tags to spans, matching and aligning texts, the main-event choice and the
arithmetic of the scores. Every sentence here is made up; none comes from the data set."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from detente.errors import UserInputError
from detente.evaluation.conflibert import (
    ClassRow,
    NerSentence,
    Row,
    align,
    bio_spans,
    build_rows,
    char_spans,
    detokenise,
    evaluate_conflibert,
    main_event,
    match_key,
    pentaclass,
    score_conflibert,
)
from detente.evaluation.run import DEFAULTS, run_eval
from detente.model import Event, Mention


@pytest.mark.parametrize(
    "code, cls",
    [
        pytest.param("010", 0, id="01-statement"),
        pytest.param("0211", 0, id="02-appeal"),
        pytest.param("036", 1, id="03-intend"),
        pytest.param("042", 1, id="04-consult"),
        pytest.param("057", 1, id="05-diplomatic"),
        pytest.param("061", 2, id="06-cooperate"),
        pytest.param("073", 2, id="07-aid"),
        pytest.param("0871", 2, id="08-yield"),
        pytest.param("090", 3, id="09-investigate"),
        pytest.param("1123", 3, id="11-disapprove"),
        pytest.param("138", 3, id="13-threaten"),
        pytest.param("163", 3, id="16-reduce-relations-is-verbal"),
        pytest.param("145", 4, id="14-protest"),
        pytest.param("150", 4, id="15-force-posture"),
        pytest.param("173", 4, id="17-coerce"),
        pytest.param("204", 4, id="20-mass-violence"),
        pytest.param("210", None, id="not-a-root"),
        pytest.param("ABC", None, id="not-cameo"),
        pytest.param(None, None, id="no-code"),
    ],
)
def test_pentaclass_of_a_cameo_code(code, cls):
    assert pentaclass(code) == cls


@pytest.mark.parametrize(
    "tags, kind, spans",
    [
        pytest.param(["B-S", "I-S", "O", "B-T", "I-T", "O"], "S", [(0, 2)], id="source"),
        pytest.param(["B-S", "I-S", "O", "B-T", "I-T", "O"], "T", [(3, 5)], id="target"),
        pytest.param(["O", "B-T", "B-T", "O", "B-T"], "T", [(1, 2), (2, 3), (4, 5)], id="adjacent-and-at-end"),
        pytest.param(["O", "I-S", "I-S", "O"], "S", [(1, 3)], id="i-without-b-starts-a-span"),
        pytest.param(["B-S", "I-T", "O"], "S", [(0, 1)], id="other-kind-ends-it"),
        pytest.param(["O", "O"], "R", [], id="none"),
    ],
)
def test_bio_spans(tags, kind, spans):
    assert bio_spans(tags, kind) == spans


def test_match_key_ignores_spacing_quote_marks_accents_and_a_final_stop():
    text = "Zorbla’s envoy said the “Kelta plan” was dead"
    tokens = ["Zorbla", "'s", "envoy", "said", "the", "Kelta", "plan", "was", "dead", "."]
    assert match_key(text) == match_key(" ".join(tokens))
    assert match_key("Pérez met Núñez.") == match_key("Perez met Nunez")
    assert match_key("Pérez met Núñez.") != match_key("Perez met Nunez today")


def test_align_gives_each_token_its_span_in_the_class_text():
    text = "Zorbla’s rebel-held port “fell” today."
    tokens = ["Zorbla", "’", "s", "rebel", "-", "held", "port", "fell", "today"]
    offsets = align(tokens, text)
    assert offsets is not None
    assert [text[o[0]:o[1]] if o else None for o in offsets] == [
        "Zorbla", None, "s", "rebel", "-", "held", "port", "fell", "today"]
    # a gold span of tokens 0-3 ("Zorbla ’ s") becomes one character span
    assert char_spans([(0, 3), (7, 8)], offsets) == ((0, 8), (26, 30))
    assert align(["Zorbla", "port", "rose"], text) is None


def test_detokenise_records_exact_offsets():
    tokens = ["The", "Kelta", "-", "based", "group", "(", "KBG", ")", "said", "it", "won", "’", "t", "pay", "$", "5", "million", "."]
    text, spans = detokenise(tokens)
    assert text == "The Kelta-based group (KBG) said it won’t pay $5 million."
    assert [text[a:b] for a, b in spans] == tokens


def _mention(text: str, part: str, antecedent: str | None = None) -> Mention:
    start = text.index(part)
    ante = (text.index(antecedent), text.index(antecedent) + len(antecedent)) if antecedent else None
    return Mention(start, start + len(part), part, "---", "test", "test", antecedent=ante,
                   resolution="coref" if antecedent else "dictionary")


def _event(text: str, code: str, trigger: str, source: str | None = None, target: str | None = None, *,
           target_antecedent: str | None = None, eid: str = "e") -> Event:
    at = text.index(trigger)
    return Event(
        eid, "a", 0, None,
        _mention(text, source) if source else None,
        _mention(text, target, target_antecedent) if target else None,
        code, None, None, None, None, "asserted", None, (0, len(text)), (at, at + len(trigger)), "test:rule",
    )


def _span(text: str, part: str) -> tuple[int, int]:
    return (text.index(part), text.index(part) + len(part))


def test_main_event_prefers_a_dyad_then_not_a_statement_then_the_first_trigger():
    text = "Aland said Borland troops shelled Kelta and blocked Corland ports."
    say = _event(text, "010", "said", "Aland", "Borland troops", eid="say")
    shell = _event(text, "190", "shelled", "Borland troops", None, eid="shell")
    block = _event(text, "191", "blocked", "Borland troops", "Corland ports", eid="block")
    assert main_event([say, shell, block]).id == "block"  # the only non-statement with both actors
    assert main_event([say, shell]).id == "say"  # a dyad beats a one-sided event
    assert main_event([shell, _event(text, "191", "blocked", "Borland troops", None, eid="b2")]).id == "shell"  # first trigger
    assert main_event([_event(text, "ABC", "shelled", "Aland", "Kelta")]) is None
    assert main_event([]) is None


def test_main_event_prefers_the_highest_confidence_when_events_carry_one():
    def ev(eid, conf, both=True, at=0):
        return SimpleNamespace(id=eid, cameo="190", source=object(), target=object() if both else None, trigger=(at, at + 1), confidence=conf)

    assert main_event([ev("low", 0.2), ev("high", 0.9, both=False, at=9), ev("none", None)]).id == "high"
    assert main_event([ev("none", None, at=0), ev("some", 0.1, at=5)]).id == "some"
    assert main_event([ev("b", None, at=5), ev("a", None, at=1)]).id == "a"  # without confidence: as before


T1 = "Aland troops shelled Borland villages."
T2 = "Aland voiced hope for talks with Borland."
T3 = "Aland troops met Borland envoys and hit them."
T4 = "Borland police were attacked by Aland gunmen."
T5 = "Corland condemned Aland."
T6 = "Aland rebels raided the depot."


@pytest.fixture
def report():
    rows = [
        Row(T1, 4, (_span(T1, "Aland troops"),), (_span(T1, "Borland villages"),), event=_event(T1, "190", "shelled", "Aland troops", "Borland villages")),
        Row(T2, 0, (_span(T2, "Aland"),), (_span(T2, "Borland"),)),  # no event
        Row(T3, 1, (_span(T3, "Aland troops"),), (_span(T3, "Borland envoys"),),
            event=_event(T3, "190", "hit", "Aland troops", "them", target_antecedent="Borland envoys")),
        Row(T4, None, (_span(T4, "Aland gunmen"),), (_span(T4, "Borland police"),), event=_event(T4, "190", "attacked", "Borland police", "Aland gunmen")),
        Row(T5, 3, event=_event(T5, "111", "condemned", "Corland", "Aland")),  # a class row only
        Row(T6, None, (_span(T6, "Aland rebels"),), (), event=_event(T6, "190", "raided", None, "the depot")),
    ]
    return score_conflibert(rows, ner_sentences=5, ner_matched=3)


def test_class_scores_count_no_event_as_wrong(report):
    c = report.totals()["class"]
    assert (c["rows"], c["covered"], c["coverage"]) == (4, 3, 0.75)
    assert c["accuracy"] == 0.5  # 4->4 and 3->3 right; 0->none and 1->4 wrong
    # per class F1: 0 -> 0, 1 -> 0, 2 -> 0 (absent), 3 -> 1, 4 -> P 0.5 R 1 = 0.667
    assert c["macro_f1"] == round((1 + 2 / 3) / 5, 4)
    assert c["covered_accuracy"] == round(2 / 3, 4) and c["covered_macro_f1"] == round((1 + 2 / 3) / 5, 4)
    assert c["confusion"]["0"] == {"none": 1} and c["confusion"]["1"] == {"4": 1}


def test_span_scores(report):
    s = report.totals()["spans"]
    assert (s["sentences"], s["coded"]) == (5, 4)
    assert (s["source_overlap"]["hit"], s["source_overlap"]["total"]) == (2, 4)  # T1, T3 of T1, T3, T4, T6
    assert (s["target_overlap"]["hit"], s["target_overlap"]["total"]) == (1, 3)  # T1 of T1, T3, T4
    assert (s["both"]["hit"], s["both"]["total"]) == (1, 3)
    assert s["both_swapped"]["hit"] == 2  # T4's source and target are the other way round
    assert s["both_antecedent"]["hit"] == 2  # T3's "them" stands for the gold target
    assert s["source"] == {"precision": round(2 / 3, 4), "recall": 0.4, "f1": 0.5, "overlaps": 2, "given": 3, "gold": 5}
    # targets given on T1, T3, T4 and T6 (whose gold has no T); gold T on T1-T4
    assert (s["target"]["precision"], s["target"]["recall"], s["target"]["given"]) == (0.25, 0.25, 4)


def test_error_kinds_and_no_text_in_totals(report):
    t = report.totals()
    assert dict((k, n) for k, n in t["errors"]) == {
        "class 0 -> no event": 1, "class 1 -> 4": 1, "spans: target outside T": 1,
        "spans: source and target swapped": 1, "spans: no source": 1,
    }
    dumped = json.dumps(t)
    assert not any(text[:12] in dumped for text in (T1, T2, T3, T4, T5, T6))
    out = report.format()
    assert "macro-F1 0.333" in out and "source and target both overlap" in out and "class 0 -> no event" in out


def test_build_rows_matches_by_text_and_codes_the_rest_from_tokens():
    classes = [ClassRow(0, "Aland’s navy seized a Borland tanker", 4), ClassRow(1, "Corland praised Aland.", 1)]
    ner = [
        NerSentence(0, ("Aland", "’", "s", "navy", "seized", "a", "Borland", "tanker", "."),
                    ("B-S", "I-S", "I-S", "I-S", "B-R", "B-T", "I-T", "I-T", "O")),
        NerSentence(1, ("Aland", "troops", "left", "Kelta", "."), ("B-S", "I-S", "O", "O", "O")),
    ]
    rows, matched = build_rows(classes, ner)
    assert matched == 1 and len(rows) == 3
    first = rows[0]
    assert (first.ner_index, first.label) == (0, 4)
    assert [first.text[a:b] for a, b in first.gold_source] == ["Aland’s navy"]
    assert [first.text[a:b] for a, b in first.gold_target] == ["a Borland tanker"]
    assert not rows[1].is_ner and rows[1].label == 1
    extra = rows[2]
    assert (extra.text, extra.label, extra.gold_target) == ("Aland troops left Kelta.", None, ())
    assert [extra.text[a:b] for a, b in extra.gold_source] == ["Aland troops"]


def test_eval_knows_conflibert_and_rejects_a_wrong_directory(tmp_path):
    assert DEFAULTS["conflibert"] == ("eval", "conflibert-train")
    with pytest.raises(UserInputError, match="cameo_class_train.tsv"):
        evaluate_conflibert(tmp_path)
    with pytest.raises(UserInputError, match="not found"):
        run_eval("conflibert", str(tmp_path / "absent"))
