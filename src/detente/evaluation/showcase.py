"""Score a coded article against a showcase gold file (``../shared/showcase/*.gold.json``).

The gold file lists quotations and events as *required* (must be found), *optional* (credit when
found) and *forbidden* (must not be produced). Its matching rules, implemented here:

- text is compared after folding quote marks (every style to ``"`` and ``'``) and whitespace;
- a **quotation** item matches a predicted quotation whose text (its content parts joined by a space)
  contains the item's ``snippet``, of the item's ``kind``, whose speaker (resolved name, else speaker
  text) contains the item's ``speaker`` (case-insensitive), whose actor code equals ``speaker_code`` or
  starts with ``speaker_code_prefix``, and whose cue text equals ``cue``, each when given; a forbidden
  item with ``as_whole_quote_with_speaker`` is produced when a quotation *is* the snippet (nothing but
  punctuation around it) and is attributed to that speaker;
- an **event** item matches a predicted event when a sentence that the event's evidence or trigger
  touches contains the ``snippet``, its source and target codes start with ``source_prefix`` and
  ``target_prefix``, its CAMEO code starts with ``cameo_root`` (or with one of ``cameo_any_of``), its
  PLOVER category is ``plover`` (or one of ``plover_any_of``), and its modality is ``modality`` / is not
  ``modality_not``, each when given.

What it does not do: score actors (the gold's ``actors`` section is for the actor stage's tests), or
decide pass/fail floors (the tests do; ``passed`` only says all required items were found and no
forbidden one was produced).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from detente.errors import UserInputError
from detente.text import DOUBLE_MARKS, SINGLE_MARKS
from detente.model import Article, CodedArticle, Event, Quote

_FOLD = str.maketrans({**{c: '"' for c in DOUBLE_MARKS}, **{c: "'" for c in SINGLE_MARKS}})
_PUNCT = " \t\n\"'.,;:!?-–—―()"


def fold(text: str) -> str:
    """Quote marks to ASCII, ``''``/````` to ``"``, runs of whitespace to one space."""
    text = text.translate(_FOLD).replace("''", '"').replace("``", '"')
    return re.sub(r"\s+", " ", text).strip()


@dataclass
class ItemResult:
    section: str  # quotes | events
    status: str  # required | optional | forbidden
    id: str
    snippet: str
    ok: bool  # found (required/optional) or absent (forbidden)
    detail: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"section": self.section, "status": self.status, "id": self.id, "snippet": self.snippet, "ok": self.ok, "detail": self.detail}


@dataclass
class ShowcaseReport:
    article_id: str
    items: list[ItemResult] = field(default_factory=list)

    def count(self, section: str, status: str) -> tuple[int, int]:
        chosen = [i for i in self.items if i.section == section and i.status == status]
        return sum(i.ok for i in chosen), len(chosen)

    @property
    def passed(self) -> bool:
        return all(i.ok for i in self.items if i.status in ("required", "forbidden"))

    def totals(self) -> dict[str, Any]:
        out: dict[str, Any] = {"article_id": self.article_id, "passed": self.passed}
        for section in ("quotes", "events"):
            out[section] = {}
            for status in ("required", "optional", "forbidden"):
                ok, total = self.count(section, status)
                key = "produced" if status == "forbidden" else "found"
                out[section][status] = {key: total - ok if status == "forbidden" else ok, "total": total}
        out["items"] = [i.to_dict() for i in self.items]
        return out

    def format(self) -> str:
        lines = [f"showcase {self.article_id}: {'PASSED' if self.passed else 'FAILED'}"]
        for section in ("quotes", "events"):
            (r, rt), (o, ot), (f, ft) = (self.count(section, s) for s in ("required", "optional", "forbidden"))
            lines.append(f"  {section}: required {r}/{rt}, optional {o}/{ot}, forbidden produced {ft - f}/{ft}")
        for i in self.items:
            mark = "ok  " if i.ok else ("MISS" if i.status != "forbidden" else "BAD ")
            lines.append(f"  [{mark}] {i.section[:-1]} {i.status:<9} {i.id:<4} {i.snippet[:50]!r}  {i.detail}")
        return "\n".join(lines) + "\n"


def _quote_text(coded: CodedArticle, q: Quote) -> str:
    return fold(" ".join(coded.article.text[a:b] for a, b in q.content))


def _speaker_ok(q: Quote, speaker: str) -> bool:
    want = fold(speaker).lower()
    return any(want in fold(s).lower() for s in (q.speaker_name, q.speaker_text) if s)


def _quote_problems(coded: CodedArticle, q: Quote, item: dict[str, Any]) -> list[str]:
    problems = []
    code = q.speaker.code if q.speaker else ""
    if "kind" in item and q.kind != item["kind"]:
        problems.append(f"kind {q.kind} (want {item['kind']})")
    if "speaker" in item and not _speaker_ok(q, item["speaker"]):
        problems.append(f"speaker {q.speaker_name or q.speaker_text!r} (want {item['speaker']!r})")
    if "speaker_code" in item and code != item["speaker_code"]:
        problems.append(f"code {code or '-'} (want {item['speaker_code']})")
    if "speaker_code_prefix" in item and not code.startswith(item["speaker_code_prefix"]):
        problems.append(f"code {code or '-'} (want {item['speaker_code_prefix']}…)")
    if "cue" in item:
        cue = coded.article.text[q.cue[0] : q.cue[1]] if q.cue else ""
        if fold(cue).lower() != fold(item["cue"]).lower():
            problems.append(f"cue {cue!r} (want {item['cue']!r})")
    return problems


def _score_quote(coded: CodedArticle, item: dict[str, Any], status: str) -> ItemResult:
    snippet = fold(item["snippet"])
    holding = [q for q in coded.quotes if snippet in _quote_text(coded, q)]
    ident = item.get("id", "-")
    if status == "forbidden":
        who = item.get("as_whole_quote_with_speaker")
        bad = [
            q for q in holding
            if (who is None or _speaker_ok(q, who)) and (who is None or _quote_text(coded, q).strip(_PUNCT) == snippet.strip(_PUNCT))
        ]
        return ItemResult("quotes", status, ident, item["snippet"], not bad, f"produced as {bad[0].id}" if bad else "")
    best = None
    for q in holding:
        problems = _quote_problems(coded, q, item)
        if not problems:
            who = f"{q.speaker_name or q.speaker_text} ({q.speaker.code if q.speaker and q.speaker.code else '-'})"
            return ItemResult("quotes", status, ident, item["snippet"], True, f"{q.id} {q.kind} speaker {who} via {q.via}")
        if best is None or len(problems) < len(best[1]):
            best = (q, problems)
    detail = "no quotation holds the snippet" if best is None else f"{best[0].id}: " + "; ".join(best[1])
    return ItemResult("quotes", status, ident, item["snippet"], False, detail)


def _event_sentences(coded: CodedArticle, e: Event) -> list[str]:
    if coded.doc is None:
        return []
    lo = min(e.evidence[0], e.trigger[0])
    hi = max(e.evidence[1], e.trigger[1])
    text = coded.article.text
    return [fold(text[s.start : s.end]) for s in coded.doc.sentences if s.start < hi and lo < s.end]


def _event_problems(e: Event, item: dict[str, Any]) -> list[str]:
    problems = []
    src = e.source.code if e.source else ""
    tgt = e.target.code if e.target else ""
    if "source_prefix" in item and not src.startswith(item["source_prefix"]):
        problems.append(f"source {src or '-'}")
    if "target_prefix" in item and not tgt.startswith(item["target_prefix"]):
        problems.append(f"target {tgt or '-'}")
    if "cameo_root" in item and not e.cameo.startswith(item["cameo_root"]):
        problems.append(f"cameo {e.cameo}")
    if "cameo_any_of" in item and not any(e.cameo.startswith(c) for c in item["cameo_any_of"]):
        problems.append(f"cameo {e.cameo}")
    if "plover" in item and e.plover != item["plover"]:
        problems.append(f"plover {e.plover}")
    if "plover_any_of" in item and e.plover not in item["plover_any_of"]:
        problems.append(f"plover {e.plover}")
    if "modality" in item and e.modality != item["modality"]:
        problems.append(f"modality {e.modality}")
    if "modality_not" in item and e.modality == item["modality_not"]:
        problems.append(f"modality {e.modality}")
    return problems


def _score_event(coded: CodedArticle, item: dict[str, Any], status: str) -> ItemResult:
    snippet = fold(item["snippet"])
    near = [e for e in coded.events if any(snippet in s for s in _event_sentences(coded, e))]
    ident = item.get("id", "-")
    matching = [e for e in near if not _event_problems(e, item)]
    if status == "forbidden":
        return ItemResult("events", status, ident, item["snippet"], not matching, f"produced as {matching[0].id} ({matching[0].rule})" if matching else "")
    if matching:
        e = matching[0]
        return ItemResult("events", status, ident, item["snippet"], True, f"{e.id} {e.source.code if e.source else '-'} {e.cameo} {e.target.code if e.target else '-'} {e.modality} ({e.rule})")
    if not near:
        return ItemResult("events", status, ident, item["snippet"], False, "no event in the snippet's sentence")
    best = min(near, key=lambda e: len(_event_problems(e, item)))
    return ItemResult("events", status, ident, item["snippet"], False, f"closest {best.id}: " + "; ".join(_event_problems(best, item)))


def score_showcase(coded: CodedArticle, gold: dict[str, Any]) -> ShowcaseReport:
    """Score one coded article against its gold annotation (the parsed JSON)."""
    report = ShowcaseReport(coded.article.id)
    for status in ("required", "optional", "forbidden"):
        for item in gold.get("quotes", {}).get(status, []):
            report.items.append(_score_quote(coded, item, status))
    for status in ("required", "optional", "forbidden"):
        for item in gold.get("events", {}).get(status, []):
            report.items.append(_score_event(coded, item, status))
    return report


def load_showcase(path: str | Path) -> tuple[Article, dict[str, Any]]:
    """The article (dated as the gold says) and its gold, from the article's ``.txt`` or ``.gold.json``
    path or the directory holding them."""
    from datetime import date

    p = Path(path)
    if p.is_dir():
        golds = sorted(p.glob("*.gold.json"))
        if not golds:
            raise UserInputError(f"{p} holds no *.gold.json file")
        p = golds[0]
    if p.name.endswith(".gold.json"):
        gold_path, text_path = p, p.with_name(p.name[: -len(".gold.json")] + ".txt")
    else:
        text_path, gold_path = p, p.with_name(p.stem + ".gold.json")
    for needed in (gold_path, text_path):
        if not needed.is_file():
            raise UserInputError(f"{needed} not found: a showcase is an article .txt with its .gold.json beside it")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    published = date.fromisoformat(gold["date"]) if gold.get("date") else None
    from detente.ingest import read_articles

    items = list(read_articles([str(text_path)]))
    if not items:
        raise UserInputError(f"{text_path} could not be read as an article")
    article = items[0]
    if published is not None:
        from dataclasses import replace

        article = replace(article, published=published)
    return article, gold


def evaluate_showcase(path: str | Path, pipeline=None) -> ShowcaseReport:
    """Code the showcase article with ``pipeline`` (the default one when None) and score it."""
    from detente.pipeline import Pipeline

    article, gold = load_showcase(path)
    pipeline = pipeline or Pipeline()
    coded = next(pipeline.code([article]))
    return score_showcase(coded, gold)
