"""Score PLOVER relation classification on a PLV file (``PLV_train.tsv``) through ``relate``.

Each row marks a source (``<s>…</s>``) and a target (``<t>…</t>``) in a sentence and gives the gold
PLOVER root and quad class. For each row detente codes the sentence with the two spans as actors and
takes the PLOVER category of the best event between them (``detente.relate``). Scoring follows the PLV
set's conventions: CONCEDE and RETREAT are folded into YIELD; a row with no prediction counts as wrong
(it is a false negative of its gold class and a prediction of no class); root macro-F1 is averaged
over the 15 gold roots; quad macro-F1 over the four quad classes. A confusion matrix is returned too.

CAMEO 02 (appeals) has no PLOVER category in the 2021 table; appeals are PLOVER REQUESTs by the
codebook's definition, so ``plover_of`` maps them there. Statements (CAMEO 01) have no category and
count as no prediction.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from detente import cameo

ROOTS = ("AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "YIELD", "REQUEST", "ACCUSE", "REJECT",
         "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
NONE = "NONE"
_TAG = re.compile(r"</?[st]>")


@dataclass
class Row:
    uid: str
    text: str
    source: tuple[int, int] | None
    target: tuple[int, int] | None
    root: str
    quad: int


def read_plv(path: str | Path) -> list[Row]:
    rows = []
    with open(path, encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh, delimiter="\t"):
            text, spans = strip_marks(r["marked_sentence"])
            rows.append(Row(r.get("") or r["sentence_id"], text, spans.get("s"), spans.get("t"), r["gold_root"].strip(), int(r["gold_penta"])))
    return rows


def strip_marks(marked: str) -> tuple[str, dict[str, tuple[int, int]]]:
    """The plain sentence and the first span of each of ``<s>`` and ``<t>``."""
    out, spans, opened = [], {}, {}
    pos = 0
    length = 0
    for m in _TAG.finditer(marked):
        piece = marked[pos : m.start()]
        out.append(piece)
        length += len(piece)
        tag = m.group()
        kind = tag.strip("</>")
        if tag.startswith("</"):
            if kind in opened and kind not in spans:
                start = opened.pop(kind)
                if length > start:
                    spans[kind] = (start, length)
        else:
            opened.setdefault(kind, length)
        pos = m.end()
    out.append(marked[pos:])
    text = "".join(out)
    # trim spaces inside the marks
    for kind, (a, b) in list(spans.items()):
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        spans[kind] = (a, b)
    return text, spans


def plover_of(code: str | None) -> str:
    """The PLV root of a CAMEO code: PLOVER 2021 category, CONCEDE/RETREAT -> YIELD, 02 -> REQUEST."""
    if code is None:
        return NONE
    if code.startswith("02"):
        return "REQUEST"
    entry = cameo.lookup(code)
    category = entry.plover if entry else None
    if category in ("CONCEDE", "RETREAT"):
        return "YIELD"
    return category or NONE


def quad_of(code: str | None) -> int | None:
    if code is None:
        return None
    if code.startswith("02"):
        return 3
    entry = cameo.lookup(code)
    return cameo.plover_quad(entry.plover) if entry and entry.plover else None


@dataclass
class PlvReport:
    gold: list[str] = field(default_factory=list)
    pred: list[str] = field(default_factory=list)
    gold_quad: list[int] = field(default_factory=list)
    pred_quad: list[int | None] = field(default_factory=list)
    rows: list[tuple[Row, str | None, str]] = field(default_factory=list)  # (row, cameo, predicted root)

    def per_class(self) -> dict[str, dict[str, float]]:
        return _per_class(self.gold, self.pred, ROOTS)

    def totals(self) -> dict:
        roots = self.per_class()
        quads = _per_class([str(q) for q in self.gold_quad], [str(q) if q else NONE for q in self.pred_quad], ("1", "2", "3", "4"))
        n = len(self.gold)
        return {
            "rows": n,
            "predicted": sum(p != NONE for p in self.pred),
            "accuracy": round(sum(g == p for g, p in zip(self.gold, self.pred)) / n, 4) if n else 0.0,
            "root_macro_f1": round(sum(c["f1"] for c in roots.values()) / len(roots), 4),
            "quad_macro_f1": round(sum(c["f1"] for c in quads.values()) / len(quads), 4),
            "per_class": roots,
        }

    def format(self) -> str:
        return format_plv(self)

    def confusion(self) -> dict[str, Counter]:
        table: dict[str, Counter] = {g: Counter() for g in ROOTS}
        for g, p in zip(self.gold, self.pred):
            table.setdefault(g, Counter())[p] += 1
        return table


def _per_class(gold: list[str], pred: list[str], classes) -> dict[str, dict[str, float]]:
    out = {}
    for c in classes:
        tp = sum(g == c and p == c for g, p in zip(gold, pred))
        fp = sum(g != c and p == c for g, p in zip(gold, pred))
        fn = sum(g == c and p != c for g, p in zip(gold, pred))
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        out[c] = {"precision": round(prec, 4), "recall": round(rec, 4), "f1": round(f1, 4), "support": tp + fn}
    return out


def score_plv(path: str | Path, pipeline=None) -> PlvReport:
    from detente.pipeline import Pipeline
    from detente.relations import relate

    pipeline = pipeline or Pipeline()
    report = PlvReport()
    for row in read_plv(path):
        event = relate(pipeline, row.text, row.source, row.target) if (row.source or row.target) else None
        code = event.cameo if event else None
        pred = plover_of(code)
        report.gold.append(row.root)
        report.pred.append(pred)
        report.gold_quad.append(row.quad)
        report.pred_quad.append(quad_of(code))
        report.rows.append((row, code, pred))
    return report


def format_plv(report: PlvReport) -> str:
    t = report.totals()
    out = [
        f"PLV rows {t['rows']}, predicted {t['predicted']}, accuracy {t['accuracy']:.3f}",
        f"root macro-F1 {t['root_macro_f1']:.3f}   quad macro-F1 {t['quad_macro_f1']:.3f}",
        "",
        f"{'class':<10} {'P':>6} {'R':>6} {'F1':>6} {'n':>5}",
    ]
    for c, v in t["per_class"].items():
        out.append(f"{c:<10} {v['precision']:6.3f} {v['recall']:6.3f} {v['f1']:6.3f} {v['support']:5d}")
    out.append("")
    cols = list(ROOTS) + [NONE]
    out.append("confusion (rows gold, columns predicted): " + " ".join(c[:4] for c in cols))
    for g, counts in report.confusion().items():
        out.append(f"{g[:10]:<10} " + " ".join(f"{counts.get(c, 0):4d}" for c in cols))
    return "\n".join(out) + "\n"
