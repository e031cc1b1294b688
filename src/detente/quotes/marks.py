"""Find quoted spans in an article: every mark style, paired per paragraph.

Styles: straight and curly double quotes, guillemets (« » and » «), low-9 („…“ and „…”), NYT/PTB
``''…''`` and ````…''``, single quotes (‘…’ and '…') when they are not apostrophes, and paragraph dashes
(``-…- he said``). Marks are paired inside a paragraph, so an unbalanced mark can only cost its own
paragraph, never the rest of the article. A quotation left open at the end of a paragraph continues
when the next paragraph opens with a quote mark (newspaper multi-paragraph quotes); otherwise the stray
mark is reported and ignored.

Single quotes nested in a double-quoted span are part of it, not quotations of their own. An apostrophe
is told from a single quote by its neighbours: ``ministers' talks``, ``Russia's``, ``don't``, ``'90s``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Sequence

from detente.ingest.normalize import dash_quote_spans
from detente.quotes.layout import paragraph_spans
from detente.text import CLOSE_DOUBLE, CLOSE_SINGLE, OPEN_DOUBLE, OPEN_SINGLE


_DOUBLE_CANDIDATES = re.compile("``|''|[\"" + "".join(sorted(OPEN_DOUBLE | CLOSE_DOUBLE)) + "]")
_SINGLE_CANDIDATES = re.compile("['" + "".join(sorted(OPEN_SINGLE | CLOSE_SINGLE)) + "]")
MARKUP = re.compile(r"<[A-Za-z/][^<>\n]{0,4000}>")


class Parts:
    """Start and end of something made of ``parts`` (content spans in text order)."""

    parts: Sequence[tuple[int, int]]

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]


@dataclass(frozen=True)
class QuotedSpan(Parts):
    """A quotation: ``parts`` are the content spans (one per paragraph it runs over), ``marks`` the
    (open, close) offsets of its marks; ``style`` names the mark style."""

    parts: tuple[tuple[int, int], ...]
    style: str


@dataclass(frozen=True)
class _Mark:
    at: int
    width: int
    family: str  # "double" | "single"
    role: str  # "open" | "close" | "either"


def _double_marks(para: str, base: int) -> list[_Mark]:
    marks: list[_Mark] = []
    n = len(para)
    for found in _DOUBLE_CANDIDATES.finditer(para):
        i = found.start()
        ch = para[i]
        two = found.group()
        if two in ("``", "''"):
            before = para[i - 1] if i else " "
            after = para[i + 2] if i + 2 < n else " "
            if two == "``" or (before.isspace() or before in "([") and not after.isspace():
                marks.append(_Mark(base + i, 2, "double", "open"))
            elif not before.isspace():
                marks.append(_Mark(base + i, 2, "double", "close"))
            continue
        if ch in OPEN_DOUBLE:
            # „ opens; “ opens except after „ style where it closes (German „…“) — decided by pairing
            marks.append(_Mark(base + i, 1, "double", "open" if ch != "\u201c" else "either"))
        elif ch in CLOSE_DOUBLE:
            role = "close"
            if i == 0 and i + 1 < n and para[i + 1].isalnum():
                role = "open"  # a closing-style mark opening a paragraph (”Text…” in some feeds)
            elif ch == "\u00bb":
                # »…« style: » opens when followed by a word and preceded by space/start
                before = para[i - 1] if i else " "
                after = para[i + 1] if i + 1 < n else " "
                role = "open" if (before.isspace() and not after.isspace()) else "close"
            marks.append(_Mark(base + i, 1, "double", role))
        elif ch == '"':
            before = para[i - 1] if i else " "
            after = para[i + 1] if i + 1 < n else " "
            if before.isspace() or before in "([{-\u2014\u2013:" or i == 0:
                role = "open" if not after.isspace() else "either"
            elif after.isspace() or after in ".,;:!?)]}-\u2014\u2013" or i + 1 == n:
                role = "close"
            else:
                role = "either"
            marks.append(_Mark(base + i, 1, "double", role))
    return marks


def _single_marks(para: str, base: int) -> list[_Mark]:
    marks: list[_Mark] = []
    n = len(para)
    for found in _SINGLE_CANDIDATES.finditer(para):
        i = found.start()
        ch = para[i]
        if para[i : i + 2] == "''" or (i and para[i - 1] == "'"):
            continue
        before = para[i - 1] if i else " "
        after = para[i + 1] if i + 1 < n else " "
        if before.isalnum() and after.isalnum():
            continue  # don't, Biden's, O'Neill
        if (before.isspace() or before in "([\"\u201c" or i == 0) and after.isalpha():
            if ch in CLOSE_SINGLE and ch != "\u2019":
                continue
            # '90s, 'em: an apostrophe that drops letters, not a quotation
            if after.isdigit() or para[i + 1 : i + 3].lower() in ("em",):
                continue
            marks.append(_Mark(base + i, 1, "single", "open"))
        elif before.isalnum() or before in ".,;!?":
            if ch in OPEN_SINGLE:
                continue
            marks.append(_Mark(base + i, 1, "single", "close"))
    return marks


def _pair(marks: list[_Mark]) -> tuple[list[tuple[_Mark, _Mark]], _Mark | None, list[_Mark]]:
    """Pair marks left to right: (pairs, mark left open at the end, stray closers)."""
    pairs: list[tuple[_Mark, _Mark]] = []
    opened: _Mark | None = None
    stray: list[_Mark] = []
    for mark in marks:
        if opened is None:
            if mark.role in ("open", "either"):
                opened = mark
            else:
                stray.append(mark)
        else:
            if mark.role in ("close", "either"):
                pairs.append((opened, mark))
                opened = None
            else:
                # a second opener: the first one was stray
                stray.append(opened)
                opened = mark
    return pairs, opened, stray


def _within(spans: list[tuple[int, int]], at: int) -> bool:
    """Whether ``at`` lies in one of ``spans`` (sorted, not overlapping; ends included), by bisection:
    a scan per mark is quadratic on a paragraph made of quote marks."""
    i = bisect_right(spans, (at, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= at <= spans[i][1]


def find_quoted_spans(text: str) -> tuple[list[QuotedSpan], list[str]]:
    """All quoted spans of ``text`` (the original article text) and notes on stray marks."""
    spans: list[QuotedSpan] = []
    notes: list[str] = []
    if "<" in text:
        # marks inside markup (<tweet author="…">) delimit attribute values, not quotations
        text = MARKUP.sub(lambda m: " " * len(m.group()), text)
    carry: list[tuple[int, int]] | None = None  # a quotation running on from the previous paragraph
    dash = {open_at: close_at for open_at, close_at in dash_quote_spans(text)}
    for base, end in paragraph_spans(text):
        para = text[base:end]
        stripped = len(para) - len(para.lstrip())
        first = base + stripped
        if first in dash:
            if carry:
                spans.append(QuotedSpan(tuple(carry), "double"))
                carry = None
            spans.append(QuotedSpan(((first + 1, dash[first]),), "dash"))
            continue
        marks = _double_marks(para, base)
        pairs, left_open, stray = _pair(marks)
        if carry is not None:
            # the previous paragraph's quotation continues only if this one opens with a mark
            if marks and marks[0].at == first and marks[0].role in ("open", "either"):
                if pairs and pairs[0][0] is marks[0]:
                    close = pairs[0][1]
                    carry.append((marks[0].at + marks[0].width, close.at))
                    spans.append(QuotedSpan(tuple(carry), "double"))
                    pairs = pairs[1:]
                    carry = None
                elif left_open is marks[0]:
                    carry.append((marks[0].at + marks[0].width, base + len(para.rstrip())))
                    left_open = None
            else:
                spans.append(QuotedSpan(tuple(carry), "double"))
                carry = None
        for opener, closer in pairs:
            spans.append(QuotedSpan(((opener.at + opener.width, closer.at),), "double"))
        if left_open is not None:
            carry = [(left_open.at + left_open.width, base + len(para.rstrip()))]
        for mark in stray:
            notes.append(f"unpaired quote mark at offset {mark.at} ignored")
        # single quotes outside double-quoted spans
        inside = [(o.at, c.at) for o, c in pairs]
        if left_open is not None:
            inside.append((left_open.at, base + len(para)))
        singles = [s for s in _single_marks(para, base) if not _within(inside, s.at)]
        s_pairs, _, _ = _pair(singles)
        for opener, closer in s_pairs:
            spans.append(QuotedSpan(((opener.at + 1, closer.at),), "single"))
    if carry is not None:
        spans.append(QuotedSpan(tuple(carry), "double"))
    return sorted(spans, key=lambda s: s.start), notes
