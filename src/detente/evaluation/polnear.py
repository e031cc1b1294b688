"""Score quotation extraction and speaker attribution on PolNeAR (brat standoff attribution relations).

PolNeAR (Newell, Margolin & Ruths, LREC 2018) annotates every attribution relation in US political news:
a Source (who), a Cue (``said``, ``according to``) and a Content span (what), in ``<article>_<annotator>.ann``
files beside ``text/<article>.txt``. One annotator file is scored per article: the lexicographically
first, so runs are comparable.

Definitions (the annotation does not label kind or resolve pronouns, so both are derived here):

- **kind** of a gold attribution, from its content and the quote marks of the text (double marks of every
  style, and curly single marks, paired per paragraph; this pairing is independent of detente's own):
  at least 95% of its letters and digits inside quote marks -> *direct*; some -> *mixed*; none -> *indirect*.
- **match**: a predicted quote and a gold attribution match when their content spans share at least one
  letter or digit. **Recall** of a kind is the share of gold attributions of that kind matched by some
  prediction; **precision** the share of predictions matching some gold content.
- **speaker span accuracy**: over matched gold attributions that have a Source, the share whose best
  matching prediction (the highest Dice overlap of letters, so a nested attribution is paired with the
  nested prediction rather than the one around it) has a speaker mention overlapping the gold Source.
- **speaker resolved accuracy**: over the same, the share whose predicted speaker (resolved name, else
  speaker text) contains the gold Source's *head name* as a word: the last word of the Source noun phrase
  (parentheses, descriptive appositions after a comma and post-modifiers from ``of``/``by``/``who``
  or a participle dropped; ``House Speaker Paul D. Ryan (R-Wis.)`` -> ``Ryan``; each conjunct of
  ``Obama and Clinton`` counts). A he/she Source takes the head of the nearest earlier gold Source that
  is a name, it/they the nearest earlier one; a relative pronoun (``who``) the word before it. First and
  second person Sources (an author, an interviewer) and attributions whose head cannot be found this
  way are left out of this measure.

What it does not do: score cue spans, or compare with other tools (the issue quotes textacy's figures).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from detente.errors import UserInputError
from detente.model import Article, CodedArticle

Span = tuple[int, int]
KINDS = ("direct", "mixed", "indirect")
PERSONAL_PRONOUNS = {"he", "she", "they", "it", "i", "we", "you", "him", "her", "his", "them", "its", "their", "hers"}
PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers"}
UNRESOLVED_PRONOUNS = {"i", "we", "you", "me", "us", "my", "our", "your"}
RELATIVE_PRONOUNS = {"who", "which", "that", "whom", "whose"}
_WORDS = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_CUT = re.compile(r"\s(?:of|by|from|at|for|on|in|with|who|which|that|whose|to)\s", re.I)
_FUNCTION = {"the", "a", "an", "one", "some", "many", "most", "several", "two", "three", "other", "another", "his", "her", "their", "its"}
_LEADING = re.compile(r"^(?:(?:from|by|according to|to)\s+)+", re.I)


@dataclass(frozen=True)
class GoldAttribution:
    """One annotated attribution relation: content, cue and source spans (source may be absent)."""

    id: str
    content: tuple[Span, ...]
    cue: tuple[Span, ...]
    source: tuple[Span, ...]
    kind: str = "indirect"
    head: str | None = None  # the resolved head name of the source, see the module docstring


@dataclass(frozen=True)
class PolnearArticle:
    article: Article
    annotation: str  # the .ann file scored
    gold: tuple[GoldAttribution, ...]


def read_brat(text: str) -> list[GoldAttribution]:
    """The attribution relations of a brat ``.ann`` file's content (kind and head not yet derived)."""
    spans: dict[str, tuple[Span, ...]] = {}
    relations: list[tuple[str, dict[str, str]]] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, ranges = parts[1].partition(" ")
            spans[parts[0]] = tuple((int(a), int(b)) for a, b in (r.split() for r in ranges.split(";")))
        elif line.startswith("E") and len(parts) >= 2:
            roles = dict(arg.split(":", 1) for arg in parts[1].split())
            relations.append((parts[0], roles))
    out = []
    for rel_id, roles in relations:
        content = spans.get(roles.get("Content", ""), ())
        if not content:
            continue
        out.append(
            GoldAttribution(
                rel_id,
                content,
                spans.get(roles.get("Cue", ""), ()),
                spans.get(roles.get("Source", ""), ()),
            )
        )
    return out


def quote_regions(text: str) -> list[Span]:
    """Spans (marks included) of quoted text, paired per paragraph (line): double marks of every style
    (curly by direction, straight by alternation) and curly single marks outside them."""
    regions: list[Span] = []
    for para in re.finditer(r"[^\n]+", text):
        line, base = para.group(), para.start()
        opened: int | None = None
        for m in re.finditer(r"``|''|[“”\"«»„]", line):
            mark, at = m.group(), base + m.start()
            if mark in ("“", "„", "«", "``"):
                opened = at
            elif mark in ("”", "»"):
                if opened is not None:
                    regions.append((opened, base + m.end()))
                    opened = None
            elif opened is None:
                opened = at
            else:
                regions.append((opened, base + m.end()))
                opened = None
        if opened is not None:  # a quotation running to the paragraph end (multi-paragraph style)
            regions.append((opened, base + len(line)))
        s_open: int | None = None
        for m in re.finditer(r"[‘’]", line):
            at = base + m.start()
            if any(a <= at < b for a, b in regions):
                continue
            before = line[m.start() - 1] if m.start() else " "
            after = line[m.start() + 1] if m.start() + 1 < len(line) else " "
            if m.group() == "‘" and not before.isalnum():
                s_open = at
            elif m.group() == "’" and s_open is not None and not after.isalnum():
                regions.append((s_open, at + 1))
                s_open = None
    return sorted(regions)


class _Letters:
    """Counts letters and digits in character ranges of one text (prefix sums)."""

    def __init__(self, text: str) -> None:
        self.prefix = [0]
        for ch in text:
            self.prefix.append(self.prefix[-1] + (1 if ch.isalnum() else 0))

    def count(self, a: int, b: int) -> int:
        a, b = max(0, a), min(len(self.prefix) - 1, b)
        return self.prefix[b] - self.prefix[a] if b > a else 0

    def overlap(self, xs: Iterable[Span], ys: Iterable[Span]) -> int:
        ys = list(ys)
        return sum(self.count(max(a, c), min(b, d)) for a, b in xs for c, d in ys)


def gold_kind(letters: _Letters, content: tuple[Span, ...], regions: list[Span]) -> str:
    total = sum(letters.count(a, b) for a, b in content)
    inside = letters.overlap(content, regions)
    if total and inside >= 0.95 * total:
        return "direct"
    return "mixed" if inside else "indirect"


def head_names(source: str) -> list[str]:
    """The head word of each conjunct of a Source (``Obama and Clinton`` -> Obama, Clinton)."""
    parts = re.split(r"\s+(?:and|or|&)\s+", re.sub(r"\([^)]*\)", " ", source))
    heads = [head_name(p) for p in parts]
    return [h for h in heads if h]


def head_name(source: str) -> str | None:
    """The head word of a Source noun phrase, as the module docstring defines it (original case)."""
    s = re.sub(r"\([^)]*\)", " ", source)
    s = _LEADING.sub("", s.strip())
    segments = [seg for seg in re.split(r"[,—–―]", s) if seg.strip()] or [s]
    # an apposition that names a person wins over a description ("one of the lawyers, Jane Roe")
    named = [seg for seg in segments if any(w[:1].isupper() and w.lower() not in _FUNCTION for w in _WORDS.findall(seg))]
    s = named[0] if named else segments[0]
    cut = _CUT.search(" " + s + " ")
    participle = re.search(r"\s[a-z]+(?:ed|ing)\b", s)
    if participle and (not cut or participle.start() < cut.start()) and len(s[: participle.start()].split()) >= 1:
        s = s[: participle.start()]
        cut = None
    if cut and cut.start() > 0:
        s = s[: cut.start() - 1 + 1]
    words = [w for w in _WORDS.findall(s) if not w.isdigit()]
    if not words:
        return None
    return re.sub(r"['’]s$", "", words[-1])


def _heads(text: str, gold: list[GoldAttribution]) -> list[GoldAttribution]:
    ordered = sorted(gold, key=lambda g: g.source[0][0] if g.source else g.content[0][0])
    heads: dict[str, str | None] = {}
    named: list[tuple[int, str]] = []  # (offset, head) of non-pronoun sources, in text order
    for g in ordered:
        if not g.source:
            heads[g.id] = None
            continue
        src = " ".join(text[a:b] for a, b in g.source).strip()
        low = src.lower()
        if low in UNRESOLVED_PRONOUNS:
            heads[g.id] = None
        elif low in PERSONAL_PRONOUNS:
            at = g.source[0][0]
            earlier = [h for o, h in named if o < at]
            if low in PERSON_PRONOUNS:  # he/she/I: the nearest earlier source that is a name
                earlier = [h for h in earlier if h[:1].isupper()]
            heads[g.id] = earlier[-1].lower() if earlier else None
        elif low in RELATIVE_PRONOUNS:
            before = _WORDS.findall(text[max(0, g.source[0][0] - 80) : g.source[0][0]])
            heads[g.id] = before[-1].lower() if before else None
        else:
            found = head_names(src)
            heads[g.id] = "|".join(h.lower() for h in found) if found else None
            if found:
                named.append((g.source[0][0], found[0]))
    return [GoldAttribution(g.id, g.content, g.cue, g.source, g.kind, heads[g.id]) for g in gold]


def load_polnear(directory: str | Path) -> list[PolnearArticle]:
    """Every article of a PolNeAR split directory (``text/`` + ``attributions/``), with its gold."""
    root = Path(directory)
    text_dir, ann_dir = root / "text", root / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise UserInputError(f"{root} is not a PolNeAR split: expected text/ and attributions/ inside it")
    items = []
    for txt in sorted(text_dir.glob("*.txt")):
        anns = sorted(ann_dir.glob(f"{txt.stem}_*.ann"))
        if not anns:
            continue
        text = txt.read_text(encoding="utf-8")
        letters = _Letters(text)
        regions = quote_regions(text)
        gold = [
            GoldAttribution(g.id, g.content, g.cue, g.source, gold_kind(letters, g.content, regions))
            for g in read_brat(anns[0].read_text(encoding="utf-8"))
        ]
        items.append(PolnearArticle(Article(txt.stem, text), anns[0].name, tuple(_heads(text, gold))))
    if not items:
        raise UserInputError(f"{root} holds no article with an annotation file")
    return items


@dataclass
class _Ratio:
    hit: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.hit / self.total if self.total else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"value": round(self.value, 4), "hit": self.hit, "total": self.total}


@dataclass
class PolnearReport:
    articles: int = 0
    recall: dict[str, _Ratio] = field(default_factory=lambda: {k: _Ratio() for k in KINDS})
    precision: _Ratio = field(default_factory=_Ratio)
    speaker_span: _Ratio = field(default_factory=_Ratio)
    speaker_resolved: _Ratio = field(default_factory=_Ratio)
    errors: list[dict[str, Any]] = field(default_factory=list)

    @property
    def direct_mixed_recall(self) -> float:
        hit = self.recall["direct"].hit + self.recall["mixed"].hit
        total = self.recall["direct"].total + self.recall["mixed"].total
        return hit / total if total else 0.0

    def format(self) -> str:
        return format_report(self)

    def totals(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "precision": self.precision.to_dict(),
            "recall": {k: r.to_dict() for k, r in self.recall.items()},
            "direct_mixed_recall": round(self.direct_mixed_recall, 4),
            "speaker_span_accuracy": self.speaker_span.to_dict(),
            "speaker_resolved_accuracy": self.speaker_resolved.to_dict(),
        }


def _speaker_words(quote) -> set[str]:
    words = set()
    for s in (quote.speaker_name, quote.speaker_text, quote.speaker.name if quote.speaker else None):
        if s:
            words.update(re.sub(r"['’]s$", "", w).lower() for w in _WORDS.findall(s))
    return words


def score_polnear(pairs: Iterable[tuple[PolnearArticle, CodedArticle]]) -> PolnearReport:
    """Score coded articles against their gold (see the module docstring for the definitions)."""
    report = PolnearReport()
    for item, coded in pairs:
        report.articles += 1
        text = item.article.text
        letters = _Letters(text)
        quotes = list(coded.quotes)
        gold_content = [s for g in item.gold for s in g.content]
        for q in quotes:
            ok = letters.overlap(q.content, gold_content) > 0
            report.precision.total += 1
            report.precision.hit += ok
            if not ok:
                report.errors.append({"error": "false-positive", "article": item.article.id, "at": q.content[0][0], "kind": q.kind, "text": _text(text, q.content), "speaker": q.speaker_name or q.speaker_text, "via": q.via})
        sizes = {q.id: sum(letters.count(a, b) for a, b in q.content) for q in quotes}
        for g in item.gold:
            best, best_score = None, 0.0
            g_size = sum(letters.count(a, b) for a, b in g.content)
            for q in quotes:
                ov = letters.overlap(q.content, g.content)
                score = 2 * ov / (sizes[q.id] + g_size) if ov else 0.0
                if score > best_score:
                    best, best_score = q, score
            ratio = report.recall[g.kind]
            ratio.total += 1
            if best is None:
                report.errors.append({"error": "missed", "article": item.article.id, "at": g.content[0][0], "kind": g.kind, "text": _text(text, g.content), "cue": _text(text, g.cue), "source": _text(text, g.source)})
                continue
            ratio.hit += 1
            if not g.source:
                continue
            span_ok = best.speaker is not None and any(a < best.speaker.end and best.speaker.start < b for a, b in g.source)
            report.speaker_span.total += 1
            report.speaker_span.hit += span_ok
            resolved_ok = None
            if g.head:
                resolved_ok = bool(set(g.head.split("|")) & _speaker_words(best))
                report.speaker_resolved.total += 1
                report.speaker_resolved.hit += resolved_ok
            if not span_ok or resolved_ok is False:
                report.errors.append({
                    "error": "speaker", "article": item.article.id, "at": g.content[0][0], "kind": g.kind, "text": _text(text, g.content),
                    "gold_source": _text(text, g.source), "gold_head": g.head, "speaker_text": best.speaker_text,
                    "speaker_name": best.speaker_name, "speaker_span": [best.speaker.start, best.speaker.end] if best.speaker else None,
                    "span_ok": span_ok, "resolved_ok": resolved_ok, "via": best.via,
                })
    return report


def _text(text: str, spans: Iterable[Span]) -> str:
    return " … ".join(text[a:b] for a, b in spans)


def evaluate_polnear(directory: str | Path, pipeline=None) -> PolnearReport:
    """Code every article of a PolNeAR split with ``pipeline`` (the default one when None) and score it."""
    from detente.pipeline import Pipeline

    items = load_polnear(directory)
    pipeline = pipeline or Pipeline()
    coded = pipeline.code(item.article for item in items)
    return score_polnear(zip(items, coded))


def format_report(report: PolnearReport) -> str:
    t = report.totals()
    lines = [f"PolNeAR: {t['articles']} articles (one annotator file each)"]
    p = t["precision"]
    lines.append(f"  precision (content overlap)   {p['value']:.3f}  ({p['hit']}/{p['total']})")
    for kind in KINDS:
        r = t["recall"][kind]
        lines.append(f"  recall {kind:<9}              {r['value']:.3f}  ({r['hit']}/{r['total']})")
    lines.append(f"  recall direct+mixed           {t['direct_mixed_recall']:.3f}")
    s, r = t["speaker_span_accuracy"], t["speaker_resolved_accuracy"]
    lines.append(f"  speaker accuracy (span)       {s['value']:.3f}  ({s['hit']}/{s['total']})")
    lines.append(f"  speaker accuracy (resolved)   {r['value']:.3f}  ({r['hit']}/{r['total']})")
    return "\n".join(lines) + "\n"
