"""Article layout the quote rules depend on: paragraphs and datelines.

- **Paragraphs**: a blank line always ends a paragraph. A single line break ends one too when the line
  before it ends a sentence or a quotation (``.``, ``!``, ``?``, ``:``, a closing quote mark, a dash
  attribution's name…) or the next line opens with a quote mark; otherwise it is a soft wrap inside a
  paragraph (hard-wrapped prose). Quote marks are paired per paragraph and a quotation's cue is looked
  for inside its own paragraph, so getting this right keeps one unbalanced mark from spilling over.
- **Datelines**: ``KYIV, Jan 3 (Detente Wire) -``, ``WASHINGTON (Reuters) —``, ``MOSCOW, April 15 --``
  at the start of a paragraph are where and when the report was filed, never part of what anyone said.

What it does not do: sentence splitting (the parser's) or any reading of the words.
"""

from __future__ import annotations

import re

from detente.text import OPENING_CHARS

Span = tuple[int, int]

_ENDING = ".!?:;\"'”’»)]"
_DATELINE = re.compile(
    r"[A-Z][A-Za-z.'\- ]{1,40}"  # place, usually in capitals
    r"(?:,\s*[A-Z][A-Za-z.'\- ]{1,30})?"  # ", Ukraine" / ", Md."
    r"(?:,?\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?))?"  # Jan 3 / 3 January
    r"(?:\s*\([^()\n]{2,40}\))?"  # (Reuters)
    r"\s*(?:--|[-–—―])\s+"
)


def paragraph_spans(text: str) -> list[Span]:
    """(start, end) of every paragraph, outer whitespace excluded, in text order."""
    spans: list[Span] = []
    start: int | None = None
    pos = prev_end = 0
    for line in text.splitlines(keepends=True):
        body = line.strip()
        line_start = pos + (len(line) - len(line.lstrip()))
        line_end = pos + len(line.rstrip())
        pos += len(line)
        if not body:
            if start is not None:
                spans.append((start, prev_end))
                start = None
            continue
        if start is not None and _breaks(text[start:prev_end], body):
            spans.append((start, prev_end))
            start = None
        if start is None:
            start = line_start
        prev_end = line_end
    if start is not None:
        spans.append((start, prev_end))
    return spans


def _breaks(previous: str, line: str) -> bool:
    last = previous.rstrip()[-1:]
    return last in _ENDING or line[:1] in OPENING_CHARS


def dateline_end(text: str, paragraph_start: int) -> int:
    """The offset where a paragraph's text begins after its dateline (``paragraph_start`` if none).

    A dateline is a short place (and date, and agency) followed by a dash at the very start of a
    paragraph; a capitalised sentence start with a dash later on is not one (the place part may not
    contain a verb-like lowercase run longer than the pattern allows)."""
    m = _DATELINE.match(text, paragraph_start)
    if not m or m.end() - paragraph_start > 80:
        return paragraph_start
    head = text[paragraph_start : m.end()]
    # a place in capitals ("KYIV") or an agency in parentheses marks a dateline; "Putin -" does not
    if "(" in head or re.match(r"[A-Z]{2,}", head):
        return m.end()
    return paragraph_start
