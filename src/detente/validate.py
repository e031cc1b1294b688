"""Run a PETRARCH/UniversalPetrarch validation file and score the coder on it.

A validation file (``PETR.UnitTest.records.xml``) holds ``<Sentence>`` records, each with the expected
``<EventCoding sourcecode= targetcode= eventcode=>`` triples (or ``noevents="True"``), the ``<Text>`` and a
``<Parse>``. By default the text is parsed by our own pipeline and the parse is ignored;
``given_parses=True`` uses a CoNLL-U parse from the record instead. Only the dictionaries named with
``--dict`` are used (the defaults shipped with detente are not loaded), as PETRARCH does.

Scores (``Report``): exact-record accuracy (the produced set of (source, target, code) triples equals the
expected set) over all records and over ``sentence="true"`` records; event-level precision, recall and
F1 over triples; and the number of records that raised an error (a bad record is reported, never
aborts the run). Negated events are not counted as produced, following PETRARCH, which does not code
them.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Iterator

from detente.errors import InputError
from detente.model import Article, CodedArticle, Ingested, Problem

Triple = tuple[str, str, str]


@dataclass
class Record:
    id: str
    category: str
    sentence: bool
    published: date | None
    text: str
    expected: list[Triple]
    parse: str
    line: int = 0
    require_dyad: bool = True  # PETRARCH's option: when false, events with one actor are output with "---"


@dataclass
class Result:
    record: Record
    produced: list[Triple]
    error: str | None = None

    @property
    def exact(self) -> bool:
        return self.error is None and Counter(set(self.produced)) == Counter(set(self.record.expected))


@dataclass
class Report:
    results: list[Result] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # the dictionary loaders' warnings
    repairs: list[Problem] = field(default_factory=list)  # what the validation file needed to be read

    def totals(self) -> dict[str, float | int]:
        tp = fp = fn = 0
        for r in self.results:
            got, want = set(r.produced), set(r.record.expected)
            tp += len(got & want)
            fp += len(got - want)
            fn += len(want - got)
        true_records = [r for r in self.results if r.record.sentence]
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        return {
            "records": len(self.results),
            "records_true": len(true_records),
            "exact": _ratio(sum(r.exact for r in self.results), len(self.results)),
            "exact_true": _ratio(sum(r.exact for r in true_records), len(true_records)),
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0,
            "errors": sum(r.error is not None for r in self.results),
            "repairs": len(self.repairs),
            "tp": tp,
            "fp": fp,
            "fn": fn,
        }


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0


def read_records(path: str | Path, repairs_out: list[Problem] | None = None) -> Iterator[Record]:
    """The ``<Sentence>`` records of a validation file, in order; what had to be repaired for the file
    to read (``parse_validation_xml``) is added to ``repairs_out``."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read validation file: {exc}", path=str(path)) from None
    root, repairs = parse_validation_xml(raw, str(path))
    if repairs_out is not None:
        repairs_out.extend(repairs)
    lines = {m.group(1): raw.count("\n", 0, m.start()) + 1 for m in re.finditer(r'<Sentence[^>]*\bid\s*=\s*"([^"]+)"', raw)}
    require_dyad = True
    for sentence in root.iter():
        if sentence.tag == "Config" and sentence.get("option", "").strip() == "require_dyad":
            require_dyad = sentence.get("value", "true").strip().lower() != "false"
            continue
        if sentence.tag != "Sentence":
            continue
        rid = sentence.get("id", "").strip()
        expected: list[Triple] = []
        for coding in sentence.findall("EventCoding"):
            if coding.get("noevents") or coding.get("error") is not None:
                continue
            triple = tuple(_clean(coding.get(k, "")) for k in ("sourcecode", "targetcode", "eventcode"))
            expected.append(triple)  # type: ignore[arg-type]
        text = " ".join((sentence.findtext("Text") or "").split())
        yield Record(
            id=rid,
            category=sentence.get("category", ""),
            sentence=sentence.get("sentence", "true").strip().lower() == "true",
            published=_date(sentence.get("date", "")),
            text=text,
            expected=expected,
            parse=sentence.findtext("Parse") or "",
            line=lines.get(rid, 0),
            require_dyad=require_dyad,
        )


_STRAY_AMP = re.compile(r"&(?!(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#x[0-9A-Fa-f]+);)")
_SELF_CLOSED_SENTENCE = re.compile(r"<Sentence\b[^<>]*?/\s*>")
_NEXT_RECORD = re.compile(r"<Sentence\b|</Sentences\s*>|</[A-Za-z]+>\s*\Z")


def parse_validation_xml(raw: str, where: str) -> tuple[ET.Element, list[Problem]]:
    """The root of a validation file, repairing what PETRARCH's and UniversalPetrarch's files get wrong
    when they are not well-formed XML, and saying where: a stray ``&`` (not an entity) is read as
    ``&amp;``; a self-closing ``<Sentence …/>`` followed by its ``<Text>``, ``<EventCoding>`` and
    ``<Parse>`` holds them up to the next record, as those files mean. Anything else that is not XML is
    an ``InputError`` naming the line."""
    try:
        return ET.fromstring(raw), []
    except ET.ParseError:
        pass
    repairs: list[Problem] = []

    def line_of(offset: int) -> int:
        return raw.count("\n", 0, offset) + 1

    fixed = raw
    for m in reversed(list(_SELF_CLOSED_SENTENCE.finditer(fixed))):
        nxt = _NEXT_RECORD.search(fixed, m.end())
        end = nxt.start() if nxt else len(fixed)
        if not fixed[m.end() : end].strip():
            continue  # an empty record: well-formed as it is
        opening = re.sub(r"\s*/\s*>$", ">", m.group())
        fixed = fixed[: m.start()] + opening + fixed[m.end() : end].rstrip() + "\n</Sentence>" + fixed[end:]
        repairs.append(Problem("validate", "self-closing <Sentence .../> followed by its children: read as holding them up to the next record",
                               f"{where}:{line_of(m.start())}", severity="warning"))
    repairs.reverse()
    for m in _STRAY_AMP.finditer(raw):
        repairs.append(Problem("validate", "stray '&' (not an entity) read as '&amp;'", f"{where}:{line_of(m.start())}", severity="warning"))
    fixed = _STRAY_AMP.sub("&amp;", fixed)
    try:
        root = ET.fromstring(fixed)
    except ET.ParseError as exc:
        raise InputError(f"not a valid XML validation file, even after repairing stray '&' and self-closed <Sentence/>: {exc}",
                         path=where) from None
    return root, sorted(repairs, key=lambda p: int(p.where.rsplit(":", 1)[1]))


def _clean(code: str) -> str:
    return code.strip().strip('"').strip()


def _date(value: str) -> date | None:
    value = value.strip()
    if len(value) == 8 and value.isdigit():
        try:
            return date(int(value[:4]), int(value[4:6]), int(value[6:]))
        except ValueError:
            return None
    return None


def produced_triples(coded: CodedArticle, require_dyad: bool = True) -> list[Triple]:
    """(source, target, code) of the events PETRARCH would output: not negated, and with both actors
    unless ``require_dyad`` is off (then a missing actor is written ``---``)."""
    out = []
    for e in coded.events:
        if e.modality == "negated" or any(m is not None and m.resolution == "first-person" for m in (e.source, e.target)):
            continue  # PETRARCH codes no event for "we"/"us" (detente resolves them inside quotations)
        if require_dyad and (e.source is None or e.target is None):
            continue
        out.append((e.source.code if e.source else "---", e.target.code if e.target else "---", e.cameo))
    return out


def validate(path: str | Path, dictionaries: tuple[str, ...], *, given_parses: bool = False, settings=None) -> Report:
    """Code every record of ``path`` with only ``dictionaries`` and score it."""
    from detente.ingest.conllu import parse_conllu
    from detente.pipeline import Pipeline
    from detente.settings import Settings

    base = settings or Settings()
    repairs: list[Problem] = []
    records = list(read_records(path, repairs))  # a file that cannot be read is said before the dictionaries load
    pipeline = Pipeline(base.with_(dictionaries=dictionaries, default_dictionaries=False, stages=("actors", "events")))
    report = Report(problems=list(pipeline.dictionaries.problems), repairs=repairs)
    items = []
    for record in records:
        if given_parses:
            if "\t" not in record.parse:
                items.append(None)
                continue
            doc, problems = parse_conllu(record.parse.strip("\n"), record.id, published=record.published)
            items.append(Ingested(doc, tuple(problems)))
        else:
            items.append(Article(id=record.id, text=record.text, published=record.published))
    coded_iter = pipeline.code(i for i in items if i is not None)
    for record, item in zip(records, items):
        if item is None:
            report.results.append(Result(record, [], "no CoNLL-U parse in this record (--given-parses)"))
            continue
        coded = next(coded_iter)
        errors = [p for p in coded.problems if p.severity == "error"]
        report.results.append(Result(record, produced_triples(coded, record.require_dyad), "; ".join(p.message for p in errors) or None))
    return report


def format_report(report: Report, verbose: bool = True) -> str:
    out = []
    if verbose:
        for r in report.results:
            mark = "ok  " if r.exact else "FAIL"
            want = " ".join("/".join(t) for t in r.record.expected) or "-"
            got = " ".join("/".join(t) for t in sorted(set(r.produced))) or "-"
            err = f"  ERROR {r.error}" if r.error else ""
            out.append(f"{mark} {r.record.id:<24} expected {want:<40} produced {got}{err}")
        out.append("")
    for p in report.repairs:
        out.append(f"repaired {p.where}: {p.message}")
    t = report.totals()
    out.append(
        f"records {t['records']} (sentence=true {t['records_true']}): exact {t['exact']:.3f}, exact on sentence=true {t['exact_true']:.3f}; "
        f"events P {t['precision']:.3f} R {t['recall']:.3f} F1 {t['f1']:.3f}; errors {t['errors']}"
    )
    return "\n".join(out) + "\n"
