"""An article's date: from its metadata, else its dateline, else ``--date``, else none (recorded).

``parse_date`` reads a metadata date strictly: ``YYYY-MM-DD``, ``YYYYMMDD``, an ISO 8601 timestamp
(``2021-04-15T09:30:00Z``) or an RFC 2822 one as feeds and mail headers write it (``Thu, 15 Apr 2021
09:30:00 GMT``). Anything else, trailing junk included (``2021-04-15garbage``), is a problem and the
article is coded without that date: a date is never guessed from part of a value.

``dateline_date`` reads the month and day of a wire dateline ("MOSCOW, April 15 (Reuters) -", as
``normalize.dateline`` finds it). A dateline has no year, so the year comes from the reference date
(``--date``): the dateline's day is taken in the latest year that does not put it after the reference
date (a story datelined December 31 in a corpus dated January 2 is from the year before). Without a
reference date a dateline's day cannot be dated, and the problem says so.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

from detente.ingest.normalize import dateline
from detente.model import Problem

_MONTHS = {m: n for n, names in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
     ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
     ("dec", "december")], 1) for m in names}
_DATELINE_DAY = re.compile(r"\b([A-Z][a-z]{2,8})\.?[ ](\d{1,2})\b")
_COMPACT = re.compile(r"\d{8}")


def parse_date(value: object, where: str) -> tuple[date | None, Problem | None]:
    """A date from a metadata value, or a problem naming the value (see the module docstring)."""
    if value in (None, ""):
        return None, None
    text = str(value).strip()
    found = _strict_date(text)
    if found is not None:
        return found, None
    shown = text if len(text) <= 60 else text[:57] + "..."
    return None, Problem(
        "ingest",
        f"unreadable date {shown!r}; expected YYYY-MM-DD, YYYYMMDD, an ISO 8601 or an RFC 2822 timestamp; the article is coded without it",
        where,
    )


def _strict_date(text: str) -> date | None:
    if _COMPACT.fullmatch(text):
        try:
            return date(int(text[:4]), int(text[4:6]), int(text[6:]))
        except ValueError:
            return None
    if len(text) > 64:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    try:
        iso = text[:-1] + "+00:00" if text.endswith(("Z", "z")) else text
        return datetime.fromisoformat(iso).date()
    except ValueError:
        pass
    if "," in text or " " in text:
        try:
            return parsedate_to_datetime(text).date()
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
    return None


def dateline_day(text: str) -> tuple[int, int] | None:
    """(month, day) of the dateline opening ``text`` ("KYIV, Jan. 3 (Wire) -"), or None."""
    line = dateline(text)
    if not line:
        return None
    for found in _DATELINE_DAY.finditer(line):
        month = _MONTHS.get(found.group(1).lower())
        day = int(found.group(2))
        if month and 1 <= day <= 31:
            return month, day
    return None


def dateline_date(text: str, reference: date | None) -> tuple[date | None, str | None]:
    """The date of the article's dateline, taken in the year of ``reference`` (or the year before when
    that would be after it); (None, why) when the dateline gives a day that cannot be dated."""
    day = dateline_day(text)
    if day is None:
        return None, None
    month, dom = day
    label = f"{date(2000, month, 1):%B} {dom}"
    if reference is None:
        return None, f"the dateline gives {label} but no year; give --date YYYY-MM-DD to date it"
    for year in (reference.year, reference.year - 1):
        try:
            found = date(year, month, dom)
        except ValueError:  # February 30, or February 29 outside a leap year
            continue
        if found <= reference:
            return found, None
    return None, f"the dateline gives {label}, which is not a day of {reference.year} or {reference.year - 1}"


def article_date(metadata: object, text: str, reference: date | None, where: str) -> tuple[date | None, list[Problem]]:
    """The date of an article: metadata, else dateline, else ``reference`` (``--date``), else None
    with a warning; a metadata value that cannot be read is an error and the next source is used."""
    problems: list[Problem] = []
    published, problem = parse_date(metadata, where)
    if problem:
        problems.append(problem)
    if published is not None:
        return published, problems
    from_dateline, why = dateline_date(text, reference)
    if from_dateline is not None:
        return from_dateline, problems
    if reference is not None:
        return reference, problems
    problems.append(Problem(
        "ingest",
        "no date: none in the record" + (f" ({why})" if why else ", no dated dateline") + " and no --date; dated actor codes resolve without one",
        where,
        severity="warning",
    ))
    return None, problems
