"""Score event coding on the ConfliBERT CAMEO training split: the pentaclass of the main event, and
whether its source and target are the spans the coders marked.

The split (``../shared/eval/conflibert-train``, see its ``MANIFEST.txt``) has two files of real news
sentences hand-coded by trained CAMEO coders:

- ``cameo_class_train.tsv``: ``sentence<TAB>label`` rows (CRLF), the label the **pentaclass** of the
  sentence's main event: 0 statement/appeal (CAMEO roots 01-02), 1 verbal cooperation (03-05),
  2 material cooperation (06-08), 3 verbal conflict (09-13 and 16), 4 material conflict (14, 15,
  17-20). There is no "no event" class. ``pentaclass`` maps a CAMEO code to it.
- ``cameo_ner_train.txt``: tokenised sentences in CoNLL ``token tag`` lines with BIO tags ``S``
  (source span), ``T`` (target span) and ``R`` (trigger, sparse; not scored here).

Definitions:

- **Matching.** An NER sentence is matched to a class row by text, never by line number: both are
  compared as ``match_key`` makes them (whitespace and format characters removed, quote marks and
  apostrophes removed, accents folded, a final ``.``/``!``/``?`` dropped), because the NER file splits
  hyphens and apostrophes into tokens and sometimes drops a quote mark or adds a final full stop.
  Many NER sentences are edited versions of a class row (shortened or rephrased): those stay
  unmatched. The report counts both.
- **Texts coded.** Every class row is coded as its own article, its text as given; a matched NER
  sentence is scored on its class row's coded article, its gold spans carried over to the class
  text by aligning the two character by character (``align``), so offsets are exact. An unmatched NER
  sentence is coded from its tokens joined by ``detokenise`` (no space before ``.``, ``,``, ``'s``…,
  hyphens and apostrophes glued), which records each token's offsets as it builds the text. All
  sentences go through ``Pipeline.code`` as one stream (spaCy batches them), with no date.
- **Main event** of a sentence (``main_event``): among the events detente codes for it whose CAMEO
  code has a pentaclass, the first by: the highest ``confidence`` when events carry one (an event
  without one counts as lowest); then events with both a source and a target; then events that are
  not a bare statement (root 01); then the earliest trigger in the text (then the code and the id,
  so the choice is deterministic). Every modality counts: the gold labels the event a sentence is
  about, whether it happened, was planned or was refused.
- **Class scores** (class rows): accuracy and macro-F1 over the five classes, a sentence with no
  event counting as a wrong prediction (a false negative of its gold class and a prediction of no
  class, as ``plv.py`` counts rows with no prediction); **coverage**, the share of sentences with an
  event; and accuracy and macro-F1 over the covered sentences only.
- **Span scores** (NER sentences): a main event's source **overlaps** when its mention shares a
  character with any gold ``S`` span; its target likewise with ``T``. ``source`` is the share of the
  sentences where we code an event and the gold has an ``S`` whose source overlaps (an event without
  a source counts as a miss); ``target`` likewise; ``both`` the share of the sentences where we code
  an event and the gold has both ``S`` and ``T`` whose source and target both overlap (the issue's
  target: 0.75). ``both_swapped`` also accepts source on ``T`` and target on ``S``, and
  ``both_antecedent`` also accepts a pronoun whose antecedent (``Mention.antecedent``) overlaps, as the
  coders mark the name a pronoun stands for (both for diagnosis; the key figure is ``both``).
  Source-span precision is overlaps / sentences where our main event has a source, recall overlaps /
  all NER sentences with a gold ``S`` (a sentence with no event is a miss); target likewise.

What it does not do: score the trigger (``R``) spans or actor codes, hold floors (the tests read them
from ``tests/accuracy_floors.toml``), or put any sentence into ``totals()`` (the data is for evaluation
only: the per-sentence rows stay in ``report.rows``, in memory, for developers' scripts).
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Sequence

from detente.errors import UserInputError
from detente.evaluation.plv import _per_class
from detente.model import Article, Event, Mention

Span = tuple[int, int]
CLASSES = (0, 1, 2, 3, 4)
CLASS_NAMES = {0: "statement/appeal", 1: "verbal coop", 2: "material coop", 3: "verbal conflict", 4: "material conflict"}
NONE = "none"
CLASS_FILE = "cameo_class_train.tsv"
NER_FILE = "cameo_ner_train.txt"
TOP_ERRORS = 15

_CLASS_OF_ROOT = {**dict.fromkeys((1, 2), 0), **dict.fromkeys((3, 4, 5), 1), **dict.fromkeys((6, 7, 8), 2),
                  **dict.fromkeys((9, 10, 11, 12, 13, 16), 3), **dict.fromkeys((14, 15, 17, 18, 19, 20), 4)}


def pentaclass(code: str | None) -> int | None:
    """The ConfliBERT pentaclass of a CAMEO code (``None`` for no code or one that is not CAMEO)."""
    if not code or not code[:2].isdigit():
        return None
    return _CLASS_OF_ROOT.get(int(code[:2]))


# -- reading -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ClassRow:
    index: int  # 0-based row of the class file
    text: str
    label: int


@dataclass(frozen=True)
class NerSentence:
    index: int  # 0-based sentence of the NER file
    tokens: tuple[str, ...]
    tags: tuple[str, ...]


def read_class(path: str | Path) -> list[ClassRow]:
    """The rows of ``cameo_class_train.tsv`` (the label is the text after the last tab)."""
    rows = []
    with open(path, encoding="utf-8", newline="") as fh:
        for n, line in enumerate(fh.read().splitlines()):
            if not line.strip():
                continue
            text, sep, label = line.rpartition("\t")
            if not sep or label.strip() not in ("0", "1", "2", "3", "4"):
                raise UserInputError(f"{path}:{n + 1}: expected 'sentence<TAB>label' with a label 0-4")
            rows.append(ClassRow(len(rows), text, int(label)))
    return rows


def read_ner(path: str | Path) -> list[NerSentence]:
    """The sentences of a CoNLL ``token tag`` file (blank line between sentences)."""
    sentences: list[NerSentence] = []
    tokens: list[str] = []
    tags: list[str] = []

    def flush() -> None:
        if tokens:
            sentences.append(NerSentence(len(sentences), tuple(tokens), tuple(tags)))
            tokens.clear()
            tags.clear()

    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            line = line.rstrip("\r\n")
            if not line.strip():
                flush()
                continue
            token, sep, tag = line.rpartition(" ")
            if not sep or not token:
                raise UserInputError(f"{path}:{n + 1}: expected 'token tag'")
            tokens.append(token)
            tags.append(tag)
    flush()
    return sentences


def bio_spans(tags: Sequence[str], kind: str) -> list[Span]:
    """Token spans ``[start, end)`` of ``kind`` (``S``, ``T``, ``R``) in BIO tags; an ``I-`` that does not
    continue a span of its kind starts one (as conlleval reads it)."""
    spans: list[Span] = []
    start = None
    for i, tag in enumerate(tags):
        prefix, _, label = tag.partition("-")
        inside = label == kind and prefix in ("B", "I")
        if start is not None and (not inside or prefix == "B"):
            spans.append((start, i))
            start = None
        if inside and start is None:
            start = i
    if start is not None:
        spans.append((start, len(tags)))
    return spans


# -- texts and offsets ---------------------------------------------------------------------------------

_QUOTES = set("\"'`´‘’‚‛“”„‟′″ʹʺʻʼʽˈ«»")
_ENDING = ".!?"


def _fold_char(ch: str) -> str:
    """What a character counts as when texts are compared: nothing for whitespace, format characters
    and quote marks; accents dropped; other characters as NFKD spells them."""
    if ch.isspace() or unicodedata.category(ch) == "Cf" or ch in _QUOTES:
        return ""
    return "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c) and c not in _QUOTES)


def _folded(pieces: Iterable[tuple[int, str]]) -> list[tuple[str, int]]:
    """(folded character, where it came from) for each (where, character), a final ``.!?`` dropped."""
    out = [(f, where) for where, ch in pieces for f in _fold_char(ch)]
    while out and out[-1][0] in _ENDING:
        out.pop()
    return out


def match_key(text: str) -> str:
    """The form in which a class sentence and a joined NER sentence are compared (module docstring)."""
    return "".join(c for c, _ in _folded(enumerate(text)))


def align(tokens: Sequence[str], text: str) -> list[Span | None] | None:
    """The character span in ``text`` of each token (``None`` for a token of nothing but quote marks or
    a dropped final stop), or ``None`` when the tokens do not spell ``text`` (``match_key`` differs)."""
    theirs = _folded((k, ch) for k, tok in enumerate(tokens) for ch in tok)
    ours = _folded(enumerate(text))
    if [c for c, _ in theirs] != [c for c, _ in ours]:
        return None
    spans: list[Span | None] = [None] * len(tokens)
    for (_, k), (_, at) in zip(theirs, ours):
        spans[k] = (at, at + 1) if spans[k] is None else (spans[k][0], at + 1)
    return spans


_NO_SPACE_BEFORE = {".", ",", ";", ":", "!", "?", ")", "]", "}", "%", "”", "n't", "'s", "’s", "'", "’", "´", "-", "/"}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "“", "'", "’", "´", "-", "/", "\u202a"}


def detokenise(tokens: Sequence[str]) -> tuple[str, list[Span]]:
    """Tokens joined into a sentence (no space before closing punctuation and clitics, none after an
    opening bracket, currency or quote, hyphens and apostrophes glued on both sides), with each
    token's character span in it."""
    text = ""
    spans: list[Span] = []
    for k, tok in enumerate(tokens):
        if k and tok not in _NO_SPACE_BEFORE and tokens[k - 1] not in _NO_SPACE_AFTER:
            text += " "
        spans.append((len(text), len(text) + len(tok)))
        text += tok
    return text, spans


def char_spans(token_spans: Sequence[Span], offsets: Sequence[Span | None]) -> tuple[Span, ...]:
    """Token spans turned into character spans through each token's ``offsets`` (tokens without an
    offset are skipped; a span of nothing but such tokens is dropped)."""
    out = []
    for a, b in token_spans:
        inside = [o for o in offsets[a:b] if o is not None]
        if inside:
            out.append((inside[0][0], inside[-1][1]))
    return tuple(out)


# -- choosing and scoring --------------------------------------------------------------------------------


def _choice_key(event: Event) -> tuple:
    confidence = getattr(event, "confidence", None)
    return (
        -confidence if confidence is not None else float("inf"),
        not (event.source and event.target),
        event.cameo[:2] == "01",
        event.trigger[0],
        event.trigger[1],
        event.cameo,
        event.id,
    )


def main_event(events: Iterable[Event]) -> Event | None:
    """The event a sentence is scored by (module docstring), or ``None`` when none has a pentaclass."""
    candidates = [e for e in events if pentaclass(e.cameo) is not None]
    return min(candidates, key=_choice_key) if candidates else None


def overlaps(mention: Mention | None, spans: Iterable[Span], *, antecedent: bool = False) -> bool:
    """The mention shares at least one character with one of the spans (with ``antecedent``, the span
    a pronoun mention refers to counts too)."""
    if mention is None:
        return False
    own = [(mention.start, mention.end)] + ([mention.antecedent] if antecedent and mention.antecedent else [])
    return any(s < b and a < e for s, e in own for a, b in spans)


@dataclass
class Row:
    """One coded sentence: a class row (``label``), an NER sentence (``gold_source``/``gold_target``
    character spans), or both when they were matched. ``event`` is the main event."""

    text: str
    label: int | None = None
    gold_source: tuple[Span, ...] | None = None
    gold_target: tuple[Span, ...] | None = None
    class_index: int | None = None
    ner_index: int | None = None
    event: Event | None = None
    events: int = 0  # how many events detente coded for the sentence

    @property
    def is_ner(self) -> bool:
        return self.gold_source is not None

    @property
    def predicted(self) -> int | None:
        return pentaclass(self.event.cameo) if self.event else None

    @property
    def source_ok(self) -> bool:
        return bool(self.event and self.gold_source and overlaps(self.event.source, self.gold_source))

    @property
    def target_ok(self) -> bool:
        return bool(self.event and self.gold_target and overlaps(self.event.target, self.gold_target))

    @property
    def both_via_antecedent_ok(self) -> bool:
        e = self.event
        return bool(e and self.gold_source and self.gold_target and overlaps(e.source, self.gold_source, antecedent=True)
                    and overlaps(e.target, self.gold_target, antecedent=True))

    @property
    def swapped_ok(self) -> bool:
        e = self.event
        return bool(e and self.gold_source and self.gold_target
                    and overlaps(e.source, self.gold_target) and overlaps(e.target, self.gold_source))

    def errors(self) -> list[str]:
        """The kinds of error on this row (for the report's tally)."""
        out = []
        if self.label is not None and self.predicted != self.label:
            out.append(f"class {self.label} -> {'no event' if self.predicted is None else self.predicted}")
        if self.is_ner and self.label is None and self.event is None:
            out.append("spans: no event")
        if self.is_ner and self.event is not None:
            if self.gold_source and self.gold_target and not (self.source_ok and self.target_ok) and self.swapped_ok:
                out.append("spans: source and target swapped")
                return out
            if self.gold_source and not self.source_ok:
                out.append("spans: no source" if self.event.source is None else "spans: source outside S")
            if self.gold_target and not self.target_ok:
                out.append("spans: no target" if self.event.target is None else "spans: target outside T")
        return out


def _ratio(hit: int, total: int) -> dict[str, Any]:
    return {"value": round(hit / total, 4) if total else 0.0, "hit": hit, "total": total}


def _prf(hit: int, given: int, gold: int) -> dict[str, Any]:
    p = hit / given if given else 0.0
    r = hit / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "overlaps": hit, "given": given, "gold": gold}


def _class_scores(rows: list[Row]) -> dict[str, Any]:
    gold = [str(r.label) for r in rows]
    pred = [NONE if r.predicted is None else str(r.predicted) for r in rows]
    per_class = _per_class(gold, pred, [str(c) for c in CLASSES])
    n = len(rows)
    return {
        "accuracy": round(sum(g == p for g, p in zip(gold, pred)) / n, 4) if n else 0.0,
        "macro_f1": round(sum(c["f1"] for c in per_class.values()) / len(per_class), 4),
        "per_class": per_class,
    }


@dataclass
class ConflibertReport:
    rows: list[Row] = field(default_factory=list)
    ner_sentences: int = 0
    ner_matched: int = 0  # NER sentences matched to a class row by text

    def class_rows(self) -> list[Row]:
        return [r for r in self.rows if r.label is not None]

    def ner_rows(self) -> list[Row]:
        return [r for r in self.rows if r.is_ner]

    def confusion(self) -> dict[str, Counter]:
        table: dict[str, Counter] = {str(c): Counter() for c in CLASSES}
        for r in self.class_rows():
            table[str(r.label)][NONE if r.predicted is None else str(r.predicted)] += 1
        return table

    def error_kinds(self) -> Counter:
        return Counter(kind for r in self.rows for kind in r.errors())

    def class_totals(self) -> dict[str, Any]:
        rows = self.class_rows()
        covered = [r for r in rows if r.event is not None]
        every = _class_scores(rows)
        only = _class_scores(covered)
        return {
            "rows": len(rows),
            "covered": len(covered),
            "coverage": round(len(covered) / len(rows), 4) if rows else 0.0,
            "accuracy": every["accuracy"],
            "macro_f1": every["macro_f1"],
            "covered_accuracy": only["accuracy"],
            "covered_macro_f1": only["macro_f1"],
            "per_class": every["per_class"],
            "confusion": {g: dict(c) for g, c in self.confusion().items()},
        }

    def span_totals(self) -> dict[str, Any]:
        rows = self.ner_rows()
        coded = [r for r in rows if r.event is not None]
        with_s = [r for r in coded if r.gold_source]
        with_t = [r for r in coded if r.gold_target]
        with_st = [r for r in coded if r.gold_source and r.gold_target]
        return {
            "sentences": len(rows),
            "coded": len(coded),
            "source_overlap": _ratio(sum(r.source_ok for r in with_s), len(with_s)),
            "target_overlap": _ratio(sum(r.target_ok for r in with_t), len(with_t)),
            "both": _ratio(sum(r.source_ok and r.target_ok for r in with_st), len(with_st)),
            "both_swapped": _ratio(sum((r.source_ok and r.target_ok) or r.swapped_ok for r in with_st), len(with_st)),
            "both_antecedent": _ratio(sum(r.both_via_antecedent_ok for r in with_st), len(with_st)),
            "source": _prf(sum(r.source_ok for r in rows), sum(bool(r.event and r.event.source) for r in rows),
                           sum(bool(r.gold_source) for r in rows)),
            "target": _prf(sum(r.target_ok for r in rows), sum(bool(r.event and r.event.target) for r in rows),
                           sum(bool(r.gold_target) for r in rows)),
        }

    def totals(self) -> dict[str, Any]:
        """Every figure and count, as plain data; nothing per sentence."""
        return {
            "class_rows": len(self.class_rows()),
            "ner_sentences": self.ner_sentences,
            "ner_matched": self.ner_matched,
            "ner_unmatched": self.ner_sentences - self.ner_matched,
            "class": self.class_totals(),
            "spans": self.span_totals(),
            "errors": [[kind, n] for kind, n in self.error_kinds().most_common(TOP_ERRORS)],
        }

    def format(self) -> str:
        return format_report(self)


def build_rows(class_rows: list[ClassRow], ner: list[NerSentence]) -> tuple[list[Row], int]:
    """The sentences to code: one row per class row, the NER sentences matched to one carried over to
    its text; one row per unmatched NER sentence (and per extra NER sentence matching a class row
    another NER sentence took already), on its detokenised text. Returns the rows and how many NER
    sentences were matched."""
    rows = [Row(c.text, label=c.label, class_index=c.index) for c in class_rows]
    by_key: dict[str, list[Row]] = {}
    for row in rows:
        by_key.setdefault(match_key(row.text), []).append(row)
    matched = 0
    for sent in ner:
        s_tokens, t_tokens = bio_spans(sent.tags, "S"), bio_spans(sent.tags, "T")
        candidates = by_key.get(match_key(" ".join(sent.tokens)), [])
        if candidates:
            matched += 1
            offsets = align(sent.tokens, candidates[0].text)
            free = [r for r in candidates if not r.is_ner]
            if offsets is not None:
                gold = char_spans(s_tokens, offsets), char_spans(t_tokens, offsets)
                if free:
                    free[0].gold_source, free[0].gold_target, free[0].ner_index = gold[0], gold[1], sent.index
                else:
                    rows.append(Row(candidates[0].text, gold_source=gold[0], gold_target=gold[1], ner_index=sent.index))
                continue
        text, offsets = detokenise(sent.tokens)
        rows.append(Row(text, gold_source=char_spans(s_tokens, offsets), gold_target=char_spans(t_tokens, offsets), ner_index=sent.index))
    return rows, matched


def score_conflibert(rows: list[Row], ner_sentences: int | None = None, ner_matched: int = 0) -> ConflibertReport:
    """The report over rows whose ``event`` is already chosen (see ``evaluate_conflibert``)."""
    count = sum(r.is_ner for r in rows) if ner_sentences is None else ner_sentences
    return ConflibertReport(list(rows), count, ner_matched)


def evaluate_conflibert(directory: str | Path, pipeline=None) -> ConflibertReport:
    """Read the split in ``directory``, code every sentence with ``pipeline`` (the default one when
    None), choose each sentence's main event and score."""
    from detente.pipeline import Pipeline

    root = Path(directory)
    class_path, ner_path = root / CLASS_FILE, root / NER_FILE
    if not class_path.is_file() or not ner_path.is_file():
        raise UserInputError(f"{root} is not the ConfliBERT CAMEO split: expected {CLASS_FILE} and {NER_FILE} inside it")
    ner = read_ner(ner_path)
    rows, matched = build_rows(read_class(class_path), ner)
    pipeline = pipeline or Pipeline()
    articles = (Article(f"conflibert-{k}", row.text) for k, row in enumerate(rows))
    for row, coded in zip(rows, pipeline.code(articles)):
        row.events = len(coded.events)
        row.event = main_event(coded.events)
    return score_conflibert(rows, len(ner), matched)


def format_report(report: ConflibertReport) -> str:
    t = report.totals()
    c, s = t["class"], t["spans"]
    out = [
        f"ConfliBERT CAMEO train: {t['class_rows']} class rows, {t['ner_sentences']} NER sentences "
        f"({t['ner_matched']} matched to a class row by text, {t['ner_unmatched']} not)",
        "",
        f"pentaclass, all {c['rows']} rows (no event = wrong):  accuracy {c['accuracy']:.3f}   macro-F1 {c['macro_f1']:.3f}",
        f"coverage (rows with an event)                  {c['coverage']:.3f}  ({c['covered']}/{c['rows']})",
        f"pentaclass, covered rows only:                 accuracy {c['covered_accuracy']:.3f}   macro-F1 {c['covered_macro_f1']:.3f}",
        "",
        f"{'class':<22} {'P':>6} {'R':>6} {'F1':>6} {'n':>5}",
    ]
    for k, v in c["per_class"].items():
        out.append(f"{k + ' ' + CLASS_NAMES[int(k)]:<22} {v['precision']:6.3f} {v['recall']:6.3f} {v['f1']:6.3f} {v['support']:5d}")
    cols = [str(k) for k in CLASSES] + [NONE]
    out += ["", "confusion (rows gold, columns predicted):  " + " ".join(f"{k:>4}" for k in cols)]
    for g, counts in c["confusion"].items():
        out.append(f"  {g + ' ' + CLASS_NAMES[int(g)]:<40} " + " ".join(f"{counts.get(k, 0):4d}" for k in cols))
    out += ["", f"spans: {s['coded']} of {s['sentences']} NER sentences with an event"]
    for key, label in (("source_overlap", "source overlaps S"), ("target_overlap", "target overlaps T"),
                       ("both", "source and target both overlap"),
                       ("both_swapped", "both, swapped allowed (diagnosis)"),
                       ("both_antecedent", "both, a pronoun's antecedent counts (diagnosis)")):
        r = s[key]
        out.append(f"  {label:<48} {r['value']:.3f}  ({r['hit']}/{r['total']})")
    for key in ("source", "target"):
        r = s[key]
        out.append(f"  {key}-span overlap  P {r['precision']:.3f}  R {r['recall']:.3f}  F1 {r['f1']:.3f}"
                   f"  (overlaps {r['overlaps']}, given {r['given']}, gold {r['gold']})")
    out += ["", f"most frequent errors (top {TOP_ERRORS}):"]
    out += [f"  {n:5d}  {kind}" for kind, n in t["errors"]]
    return "\n".join(out) + "\n"
