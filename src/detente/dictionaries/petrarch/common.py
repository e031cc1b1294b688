"""Shared by the PETRARCH readers: reading files, comments, words and the warnings kept per file."""

from __future__ import annotations

import logging
import re
from collections import Counter
from pathlib import Path

from detente.dictionaries.model import (
    Dictionaries,
)
from detente.errors import DictionaryError

log = logging.getLogger(__name__)

Syn = tuple[tuple[str, ...], ...]

_BRACKETS = re.compile(r"\[([^\[\]]*)\]")
_BRACES = re.compile(r"\{([^{}]*)\}")
_GLUED_STAR = re.compile(r"(?<=[^\s_*])\*|\*(?=[^\s_*])")
_CLITIC = re.compile(r"^(.*?[A-Za-z])(N'T|'S|'LL|'RE|'VE|'D|'M)$", re.IGNORECASE)
_STANDARD_EVENT_CODE = re.compile(r"^\d{2,4}[A-Za-z]?$")

# One-word actor names that are also common English words stay in capitals (exact matching).
_COMMON_WORDS = frozenset(
    """a act age aid all also am an and any are arm art as at be both but by can day did do does each end
    few for from go had has he her here him his how i if in is it its just key last like man may me men
    more most much must my new next no nor not now of off on one only or our out over own said same says
    see set she so some such than that the them then there they this to too top two up us very was way we
    well were what when who whom whose why will with yes yet you""".split()
)
# First words of actor names that are written in lower case in running text.
_PARTICLES = frozenset("the a an al el ad as ash at az ar ath ul".split())
# Small words inside a name, lower-cased for display ("Prince of Dol Amroth"); matching ignores case.
_SMALL_WORDS = re.compile(r"(?<= )(?:Of|And|The|For|On|In|To|De|Du|Des|La|Le|Y|Da|Dos|Das|Van|Von|Der|Den|Bin|Ibn)(?= )")


class Notes:
    """The warnings met reading one file, kept in ``into.problems``. Content that is skipped or read in
    an odd way is one warning per occurrence, with its line (``warn``); a harmless normalisation (a
    lower-case code upper-cased, the file read as Latin-1) is counted (``count``) and reported once per
    file and kind, with the count, by ``close``."""

    def __init__(self, path: Path, into: Dictionaries) -> None:
        self.where = str(path)
        self.into = into
        self.counts: Counter[str] = Counter()

    def warn(self, message: str, line: int | None) -> None:
        self.into.warn(message, f"{self.where}:{line}" if line else self.where)

    def count(self, kind: str) -> None:
        self.counts[kind] += 1

    def close(self) -> None:
        for kind, n in self.counts.items():
            self.into.warn(f"{kind} ({n} {'time' if n == 1 else 'times'})", self.where)
        self.counts.clear()
        log.debug("read %s", self.where)


# ------------------------------------------------------------------------------------------------
# Reading lines


def _read(path: Path, notes: Notes) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DictionaryError(f"cannot read the file: {exc.strerror or exc}", path=str(path)) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        notes.count("file is not UTF-8: read as Latin-1")
        return data.decode("latin-1")


def _lines(text: str, path: Path, *, semicolon: bool = False) -> list[tuple[int, str]]:
    """(line number, content) of the lines that carry something, comments removed. ``semicolon``
    also cuts KEDS/TABARI ``;`` comments."""
    out: list[tuple[int, str]] = []
    open_at = 0  # line of an unclosed "<!--"
    for n, line in enumerate(text.splitlines(), 1):
        if open_at:
            end = line.find("-->")
            if end < 0:
                continue
            line = line[end + 3 :]
            open_at = 0
        if "<!" in line:
            while "<!--" in line:
                start = line.find("<!--")
                end = line.find("-->", start + 4)
                if end < 0:
                    line = line[:start]
                    open_at = n
                    break
                line = line[:start] + line[end + 3 :]
            if line.lstrip().startswith("<!"):  # "<! -- … -->" and other SGML-ish lines
                continue
        cut = line.find("#")
        while cut >= 0:
            # a '#' inside a code ("[###]", a test code of the Validate suite) is not a comment
            opened = line.rfind("[", 0, cut)
            closing = line.find("]", cut)
            if opened >= 0 and line.rfind("]", 0, cut) < opened and closing >= 0:
                cut = line.find("#", closing)
                continue
            line = line[:cut]
            break
        if semicolon:
            cut = line.find(";")
            if cut >= 0:
                line = line[:cut]
        if line and not line.isspace():
            out.append((n, line))
    if open_at:
        raise DictionaryError("comment '<!--' is never closed with '-->'", path=str(path), line=open_at)
    return out


def _words(phrase: str) -> list[str]:
    """PETRARCH phrase -> words: '_' and blanks separate words; empty pieces (trailing '_') dropped."""
    return phrase.replace("_", " ").split()


def _split_clitic(word: str) -> list[str]:
    """TreeBank-style contractions as the tokenizer produces them: DON'T -> DO N'T, CAN'T -> CA N'T."""
    if "'" not in word:
        return [word]
    m = _CLITIC.match(word)
    return [m.group(1), m.group(2)] if m else [word]


# ------------------------------------------------------------------------------------------------
