"""Accuracy gate for events on the showcase article: every required event with the right dyad and
root, E3 not asserted (announced for the future), no forbidden event (STYLE.md 9)."""

from __future__ import annotations

import json

import pytest

from detente.evaluation.showcase import evaluate_showcase

from conftest import SHARED, shared_path

GOLD = ("showcase", "000_67d08ea38d120714.gold.json")


@pytest.fixture(scope="module")
def showcase(pipeline):
    return evaluate_showcase(shared_path(*GOLD), pipeline)


def _ids(status: str) -> list[str]:
    path = SHARED.joinpath(*GOLD)
    if not path.exists():
        return ["absent"]
    return [item.get("id", item["snippet"][:20]) for item in json.loads(path.read_text(encoding="utf-8"))["events"][status]]


@pytest.mark.parametrize("item_id", _ids("required"))
def test_required_event_found(showcase, item_id):
    [item] = [i for i in showcase.items if i.section == "events" and i.status == "required" and i.id == item_id]
    assert item.ok, item.detail


def test_announced_sanctions_are_not_asserted(pipeline):
    text = shared_path("showcase", "000_67d08ea38d120714.txt").read_text(encoding="utf-8")
    coded = pipeline.code_text(text, "2021-04-15")
    announced = [e for e in coded.events if e.source and e.target and (e.source.code[:3], e.target.code[:3]) == ("USA", "RUS")
                 and text[e.trigger[0]:e.trigger[1]] == "announce"]
    assert announced and all(e.modality == "planned" for e in announced)


def test_no_forbidden_event(showcase):
    bad = [i for i in showcase.items if i.section == "events" and i.status == "forbidden" and not i.ok]
    assert not bad, [i.detail for i in bad]
