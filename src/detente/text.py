"""Character-level facts every layer shares: quote-mark and dash sets, and the folding of a phrase to
its matching key. One module, so a mark added here is known to ingest, the tree view, the pattern
matcher and the quote finder alike.

What it does not do: decide what is a quotation (``quotes/``) or change any text (``ingest.normalize``).
It imports nothing of the project.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

# every double and single quotation mark style (curly, low-9, guillemets, CJK, primes)
DOUBLE_MARKS = "\u201c\u201d\u201e\u201f\u00ab\u00bb\u301d\u301e\u301f\uff02\u2033"
SINGLE_MARKS = "\u2018\u2019\u201a\u201b\u2039\u203a\u2032\u00b4"
# marks that open or close a quotation (the pairing rules of ``quotes/marks.py``)
OPEN_DOUBLE = frozenset("\u201c\u201e\u00ab\u201f\u301d")
CLOSE_DOUBLE = frozenset("\u201d\u00bb\u301e\u301f")
OPEN_SINGLE = frozenset("\u2018\u201a\u2039")
CLOSE_SINGLE = frozenset("\u2019\u203a")
# a token that is only a quote mark (as a parser splits it off), including PTB's two-character marks
QUOTE_TOKENS = frozenset({'"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb", "\u201e", "``", "''"})
# characters a quotation may open with / a line may end with before a new quoted paragraph
OPENING_CHARS = "\"'\u201c\u2018\u201e\u00ab`"
QUOTE_STRIP = "\"'\u201c\u201d\u2018\u2019\u00bb\u00ab"
SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
# a token that is only a dash (attribution dashes, paragraph-dash quotations)
DASH_TOKENS = frozenset({"-", "--", "\u2013", "\u2014", "\u2015"})

_NON_ALNUM = re.compile(r"[\W_]+", re.UNICODE)


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """The matching key of a phrase: letters and digits only ("Nur-Sultan" -> "NurSultan")."""
    return _NON_ALNUM.sub("", text)


class Folded:
    """A sentence's tokens folded once for a phrase index scan: letters and digits only, as written
    and lower-cased; ``alt`` (lemmas) folded the same way."""

    __slots__ = ("raw", "low", "upper", "alt_raw", "alt_low")

    def __init__(self, texts: Sequence[str], alt: Sequence[str] | None = None) -> None:
        self.raw = [fold(t) for t in texts]
        self.low = [r.lower() for r in self.raw]
        self.upper = [t[:1].isupper() for t in texts]
        self.alt_raw = [fold(t) for t in alt] if alt is not None else None
        self.alt_low = [r.lower() for r in self.alt_raw] if self.alt_raw is not None else None
