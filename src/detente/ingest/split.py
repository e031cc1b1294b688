"""Articles longer than the ``max_chars`` setting: split into parts, or truncated, and recorded.

``split_long(article, max_chars)`` cuts the text at the last paragraph break (a blank line) before each
limit, else the last line break, else the last sentence end (". "), else the last space, else at the
limit itself; each part is an article of its own, the first keeping the id and the next ones
``<id>#part2``, ``<id>#part3``…, with the same title, URL, source, date and metadata. Nothing is lost,
and the problem on the first part says how the article was cut (a warning). ``truncate`` keeps only
the first part, and says so as an error: input was rejected in part.

Why a limit at all: the parser's memory grows with the longest text it is handed, and no news article
is a million characters long; a text that is one is a concatenation or a mistake.
"""

from __future__ import annotations

from dataclasses import replace

from detente.model import Article, Problem

_BREAKS = ("\n\n", "\n", ". ", " ")


def cut_points(text: str, max_chars: int) -> list[int]:
    """The offsets at which ``text`` is cut into parts of at most ``max_chars`` characters."""
    cuts: list[int] = []
    start = 0
    while len(text) - start > max_chars:
        limit = start + max_chars
        at = -1
        for mark in _BREAKS:
            found = text.rfind(mark, start + max_chars // 4, limit)
            if found > start:
                at = found + len(mark)
                break
        if at <= start or at > limit:
            at = limit
        cuts.append(at)
        start = at
    return cuts


def split_long(article: Article, max_chars: int, *, truncate: bool = False) -> tuple[list[Article], list[Problem]]:
    """``article`` as parts of at most ``max_chars`` characters (only the first with ``truncate``), and
    the problem recording it; ``([article], [])`` when it is short enough."""
    text = article.text
    if len(text) <= max_chars:
        return [article], []
    cuts = cut_points(text, max_chars)
    bounds = list(zip([0] + cuts, cuts + [len(text)]))
    if truncate:
        end = bounds[0][1]
        problem = Problem("ingest", f"article of {len(text)} characters truncated to its first {end} (max_chars={max_chars}; "
                                    f"long_articles=split would code the rest as further parts)", article=article.id)
        return [replace(article, text=text[:end])], [problem]
    parts = [replace(article, id=article.id if n == 1 else f"{article.id}#part{n}", text=text[a:b])
             for n, (a, b) in enumerate(bounds, 1)]
    problem = Problem("ingest", f"article of {len(text)} characters split into {len(parts)} parts of at most max_chars={max_chars} "
                                f"characters, cut at paragraph breaks where possible ({parts[0].id} … {parts[-1].id}); "
                                f"offsets are into each part", severity="warning", article=article.id)
    return parts, [problem]
