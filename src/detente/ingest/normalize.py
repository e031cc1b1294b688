"""Offset-preserving text normalisation.

``normalize(text)`` returns a string of exactly the same length as ``text`` in which every quotation
mark style is folded to ASCII ``"`` or ``'``, exotic spaces become plain spaces, and paragraph-dash
quotations (``-We have never been…- he asserted.``, a style of some agencies) get ``"`` in place of their
opening and closing dashes. Because no character is added or removed, every offset computed on the
normalised text (tokens, mentions, quotes) is an offset into the original article text.

What it does not do: change words, fix encodings, or decide what is a quotation (``quotes/`` does that
with the original marks still available in ``Article.text``).
"""

from __future__ import annotations

import re

from detente.text import DASHES, DOUBLE_MARKS, SINGLE_MARKS, SPACES

_TABLE = str.maketrans(
    {**{c: '"' for c in DOUBLE_MARKS}, **{c: "'" for c in SINGLE_MARKS}, **{c: " " for c in SPACES}}
)

# NYT/PTB style two-character marks: ``…'' and ''…''. Each becomes one ASCII mark plus a space.
_OPEN_PAIR = re.compile(r"(?:(?<=^)|(?<=[\s(\[]))(?:``|'')(?=[^\s'])", re.M)
_CLOSE_PAIR = re.compile(r"(?<=[^\s'])''(?=[\s.,;:!?)\]]|$)", re.M)

_PARAGRAPH = re.compile(r"[^\n]+")
_DASH_CLASS = re.escape(DASHES)
# an opening paragraph dash: the paragraph starts with a dash glued to a word (not a list bullet "- ")
_DASH_OPEN = re.compile(rf"^[ \t]*([{_DASH_CLASS}])(?=[\"']?[^\s{_DASH_CLASS}])")
# a closing dash: glued to the end of a word or punctuation, followed by space or end of paragraph;
# a hyphen inside a compound ("dead-end") has a word character after it and never matches
_DASH_CLOSE = re.compile(rf"(?<=[^\s{_DASH_CLASS}])([{_DASH_CLASS}])(?=\s|$)")


def normalize(text: str) -> str:
    """Fold quote marks and spaces and mark paragraph-dash quotations, keeping every offset."""
    out = text.translate(_TABLE)
    if "''" in out or "``" in out:
        out = _OPEN_PAIR.sub(' "', out)
        out = _CLOSE_PAIR.sub('" ', out)
    if any(d in out for d in DASHES):
        out = _mark_dash_quotes(out)
    if len(out) != len(text):  # every offset downstream depends on it: never return a shifted text
        raise ValueError(f"normalize changed the text length ({len(text)} -> {len(out)}); this is a detente bug")
    return out


def dash_quote_spans(text: str) -> list[tuple[int, int]]:
    """(open, close) offsets of the dashes that delimit paragraph-dash quotations in ``text``.

    A paragraph that starts with a dash glued to a word opens a quotation; it closes at the first dash
    glued to the preceding word and followed by a space or the paragraph end (``…us- he said``,
    ``…to go.-``). A paragraph with an opening dash and no closing one is left alone: a bullet list or a
    stray hyphen is not a quotation.
    """
    spans = []
    for para in _PARAGRAPH.finditer(text):
        opened = _DASH_OPEN.match(para.group())
        if not opened:
            continue
        open_at = para.start() + opened.start(1)
        closed = _DASH_CLOSE.search(para.group(), opened.end(1))
        if closed:
            spans.append((open_at, para.start() + closed.start(1)))
    return spans


def _mark_dash_quotes(text: str) -> str:
    spans = dash_quote_spans(text)
    if not spans:
        return text
    chars = list(text)
    for open_at, close_at in spans:
        chars[open_at] = '"'
        chars[close_at] = '"'
    return "".join(chars)


# A wire-service dateline opening a paragraph: "KYIV, Jan 3 (Detente Wire) - ", "SAN FRANCISCO -- ",
# "ALGIERS, Algeria - ", "KABUL (Pajhwok) : ". The place in capitals is required.
_DATELINE = re.compile(
    r"^[ \t]*[A-Z][A-Z'.\-]+(?:[ /][A-Z][A-Z'.\-]+)*"  # PLACE NAME
    r"(?:,[ ][A-Z][A-Za-z.]+(?:[ ][A-Z][A-Za-z.]+)?)?"  # , Country / , Jan 3
    r"(?:,?[ ][A-Z][a-z]{2,8}\.?[ ]\d{1,2})?"  # Jan. 3
    r"(?:[ ]?\([^()\n]{1,40}\))?"  # (Agency)
    r"[ ]?(?:--|[-\u2013\u2014:])[ ](?=[A-Z\"'\u201c\u2018])",  # then a sentence starts
    re.M,
)


def blank_datelines(text: str) -> str:
    """``text`` with paragraph-opening datelines turned into spaces (offsets kept), so a parser does not
    read "PARIS" as a subject of the first sentence. The article text itself is never changed."""
    if not _DATELINE.search(text):
        return text
    return _DATELINE.sub(lambda m: " " * len(m.group()), text)


DATELINE_REACH = 500  # a dateline opens the article: within its first characters


def dateline_span(text: str) -> tuple[int, int] | None:
    """Where the dateline opening an article ("SANTIAGO, Chile (Reuters) - ") is, as ``blank_datelines``
    finds it, without its trailing spaces; None when the article opens without one."""
    head = text[: DATELINE_REACH + 120]
    blanked = blank_datelines(head)
    if blanked == head:
        return None
    start = next(i for i, (a, b) in enumerate(zip(head, blanked)) if a != b)
    if start > DATELINE_REACH:
        return None
    end = start
    while end < len(head) and blanked[end] == " ":
        end += 1
    while end > start and head[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def dateline(text: str) -> str | None:
    """The text of the dateline opening an article ("SANTIAGO, Chile (Reuters) -"), or None."""
    span = dateline_span(text)
    return text[span[0] : span[1]] if span else None
