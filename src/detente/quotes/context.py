"""What the quote rules share: the article's tokens, sentence views and paragraphs, and the ``Found``
record each rule fills in before speakers are resolved.

What it does not do: decide anything about quotations.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from detente.dictionaries import Rules
from detente.doc import DocView
from detente.model import CodedArticle
from detente.quotes.layout import paragraph_spans
from detente.quotes.marks import Parts

Span = tuple[int, int]


@dataclass
class Found(Parts):
    """A quotation found by a rule, before its speaker is resolved.

    ``cue`` is the cue word's document token index; ``cue_span``/``cue_lemma`` override it for cues that
    are not one parsed word (``according to``, a colon label, an attribution dash). ``speaker_head`` is
    the token heading the speaker phrase; ``speaker_span`` a speaker that is not a parsed phrase (the
    name after an attribution dash)."""

    kind: str
    parts: list[Span]
    cue: int | None = None
    cue_span: Span | None = None
    cue_lemma: str | None = None
    speaker_head: int | None = None
    speaker_span: Span | None = None
    floating: bool = False
    via: str = ""


class Context(DocView):
    """A ``DocView`` with the article's paragraphs, which the quote rules pair marks and find speakers in."""

    def __init__(self, coded: CodedArticle, rules: Rules) -> None:
        super().__init__(coded)
        self.rules = rules
        self.paragraphs = paragraph_spans(self.text)
        self._para_starts = [a for a, _ in self.paragraphs]

    def paragraph_of(self, offset: int) -> Span:
        k = bisect_right(self._para_starts, offset) - 1
        if k < 0:
            return (0, self.paragraphs[0][0] if self.paragraphs else len(self.text))
        return self.paragraphs[k]

    def paragraph_index(self, offset: int) -> int:
        return max(0, bisect_right(self._para_starts, offset) - 1)


def inside(offset: int, spans) -> bool:
    """Is ``offset`` inside one of ``spans`` (a list of spans, or a ``SpanSet`` for many lookups)?"""
    if isinstance(spans, SpanSet):
        return spans.contains(offset)
    return any(a <= offset < b for a, b in spans)


class SpanSet:
    """Character spans merged and sorted, for fast membership tests."""

    def __init__(self, spans) -> None:
        merged: list[list[int]] = []
        for a, b in sorted(spans):
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        self.starts = [a for a, _ in merged]
        self.ends = [b for _, b in merged]

    def contains(self, offset: int) -> bool:
        k = bisect_right(self.starts, offset) - 1
        return k >= 0 and offset < self.ends[k]


def overlap(xs: list[Span], ys: list[Span]) -> int:
    return sum(max(0, min(b, d) - max(a, c)) for a, b in xs for c, d in ys)
