"""The PETRARCH/TABARI actors, agents and discards readers (see the package docstring)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from detente.dictionaries.model import (
    ActorEntry,
    AgentEntry,
    DatedCode,
    Dictionaries,
    Discard,
    fold,
)
from detente.errors import DictionaryError

from detente.dictionaries.petrarch.common import (
    _BRACKETS,
    _COMMON_WORDS,
    _PARTICLES,
    _SMALL_WORDS,
    Notes,
    _lines,
    _read,
    _words,
)

# Actors


def _date(text: str) -> date:
    """YYYYMMDD or YYMMDD (00-30 -> 20YY, else 19YY); ``ValueError`` when it is neither."""
    digits = text.strip()
    if not digits.isdigit() or len(digits) not in (6, 8):
        raise ValueError(f"{digits!r} is not YYYYMMDD or YYMMDD")
    if len(digits) == 6:
        yy = int(digits[:2])
        year, rest = (2000 + yy if yy <= 30 else 1900 + yy), digits[2:]
    else:
        year, rest = int(digits[:4]), digits[4:]
    try:
        return date(year, int(rest[:2]), int(rest[2:]))
    except ValueError:
        raise ValueError(f"{digits!r} is not a calendar date") from None


def _actor_codes(text: str, where: str, line: int, notes: Notes) -> list[tuple[str, date | None, date | None, bool]]:
    """All ``[CODE …]`` groups of a line -> (code, start, end, dated). A code whose date cannot be read
    is skipped with a warning (PETRARCH skips such lines with a warning too; the Phoenix files have a few)."""
    groups = _BRACKETS.findall(text)
    if text.count("[") != len(groups) or text.count("]") != len(groups):
        raise DictionaryError(f"{text.strip()!r}: '[' and ']' do not pair up", path=where, line=line)
    out = []
    for group in groups:
        fields = group.split(None, 1)
        if not fields:
            raise DictionaryError("empty code '[]'", path=where, line=line)
        code = fields[0]
        if code != code.upper():
            notes.count("lower-case actor code upper-cased")
            code = code.upper()
        rest = fields[1].strip() if len(fields) > 1 else ""
        try:
            if not rest:
                out.append((code, None, None, False))
            elif rest[0] in "<>":
                when = _date(rest[1:])
                out.append((code, None, when, True) if rest[0] == "<" else (code, when, None, True))
            elif "-" in rest:
                first, _, second = rest.partition("-")
                start, end = _date(first), _date(second)
                if end < start:
                    notes.warn(f"date range ending before it starts, code skipped: [{group}]", line)
                    continue
                out.append((code, start, end, True))
            else:
                when = _date(rest)
                notes.count("date without '<', '>' or '-': read as a start date")
                out.append((code, when, None, True))
        except ValueError as exc:
            notes.warn(f"unreadable date, code skipped: [{group}]: {exc}", line)
    return out


def _actor_surface(words: list[str]) -> str:
    """How an actor name is added to the index (see the module docstring on casing)."""
    if len(words) == 1 and words[0].lower().replace(".", "") in _COMMON_WORDS:
        return words[0].upper()
    text = " ".join(words).title()
    if " " in text:
        text = _SMALL_WORDS.sub(lambda m: m.group(0).lower(), text)
    head = text.split(" ", 1)[0].split("-", 1)[0]
    if head.lower() in _PARTICLES and len(head) < len(text):
        text = head.lower() + text[len(head) :]
    return text


class _Actor:
    __slots__ = ("line", "names", "code", "codes", "coded")

    def __init__(self, line: int) -> None:
        self.line = line
        self.names: list[list[str]] = []
        self.code: str | None = None
        self.codes: list[DatedCode] = []
        self.coded = False  # some [code] was written for it (even one whose date could not be read)


def load_actors(path: Path, into: Dictionaries) -> None:
    """Add the actors of a PETRARCH/TABARI ``.actors`` file to ``into.actors``.

    A primary line with no code lines at all before the next primary line (``LEONID_BREZHNEV_`` then
    ``LEONID_ILYICH_BREZHNEV`` … then the codes) shares the codes of the next actor, as PETRARCH reads
    it (its code index only moves on once codes have been seen): its names join that actor's, and the
    entry's id is the first of those lines."""
    notes = Notes(path, into)
    where = str(path)
    fname = path.name
    actors = into.actors
    current: _Actor | None = None
    pending: _Actor | None = None  # code-less actors waiting for the next actor's codes

    def take_codes(actor: _Actor, text: str, line: int) -> None:
        actor.coded = True
        for code, start, end, dated in _actor_codes(text, where, line, notes):
            if dated:
                actor.codes.append(DatedCode(code, start, end))
            elif actor.code is None:
                actor.code = code
            else:
                notes.warn(f"second undated code [{code}] ignored (the actor's code is {actor.code})", line)

    def store(actor: _Actor) -> None:
        if actor.code is None and not actor.codes:
            notes.warn("actor without any code that could be read: its names are known, with no code", actor.line)
        surfaces = [_actor_surface(words) for words in actor.names]
        if not surfaces:
            return
        entry = ActorEntry(f"{fname}:{actor.line}", surfaces[0], "actor", actor.code, tuple(actor.codes))
        keys: set[str] = set()
        for surface in surfaces:
            key = fold(surface)  # "U.S." and "US" are one key: add the entry once
            if not surface.isupper():
                key = key.lower()
            if key not in keys:
                keys.add(key)
                actors.add(surface, entry)

    def flush() -> None:
        nonlocal pending
        if current is None:
            return
        if not current.coded:
            notes.count("actor line without codes: shares the next actor's codes")
            if pending is None:
                pending = current
            else:
                pending.names.extend(current.names)
            return
        if pending is not None:
            current.names[:0] = pending.names
            current.line = pending.line
            pending = None
        store(current)

    for n, line in _lines(_read(path, notes), path, semicolon=True):
        s = line.strip()
        if s.startswith("---STOP---"):
            break
        first = s[0]
        if first == "[":
            if current is None:
                raise DictionaryError(f"code line {s!r} before any actor name", path=where, line=n)
            take_codes(current, s, n)
            continue
        if first == "+":
            if current is None:
                raise DictionaryError(f"synonym {s!r} before any actor name", path=where, line=n)
            body = s[1:]
        else:
            flush()
            current = _Actor(n)
            body = s
        name, bracket, rest = body.partition("[")
        words = _words(name)
        if words:
            current.names.append(words)
        elif first == "+":
            notes.warn("empty synonym line skipped", n)
        if bracket:
            if first == "+":
                notes.count("codes on a synonym line: added to the actor")
            take_codes(current, bracket + rest, n)
    flush()
    if pending is not None:
        store(pending)
    into.sources.append(where)
    notes.close()


# ------------------------------------------------------------------------------------------------
# Agents


def _plural(words: list[str]) -> list[str]:
    """Regular plural of the last word (PETRARCH's rule, with vowel+Y -> YS and -CH/-SH/-X/-Z -> ES)."""
    last = words[-1]
    up = last.upper()
    if up.endswith("Y") and len(up) > 1 and up[-2] not in "AEIOU":
        plural = last[:-1] + "IES"
    elif up.endswith(("S", "X", "Z", "CH", "SH")):
        plural = last + "ES"
    else:
        plural = last + "S"
    return words[:-1] + [plural]


def _substitute(text: str, marks: dict[str, list[str]], where: str, line: int, notes: Notes) -> list[str]:
    """Expand every ``!MARK!`` of ``text`` (cartesian product). A marker glued to letters on both sides
    (``AD!MINIST!RATIVE``, left by a search-and-replace in the Phoenix file) is read as its literal name."""
    pieces = text.split("!")
    if len(pieces) % 2 == 0:
        raise DictionaryError(f"{text.strip()!r}: unpaired '!' in a substitution marker", path=where, line=line)
    results = [pieces[0]]
    for k in range(1, len(pieces), 2):
        mark, after = pieces[k], pieces[k + 1]
        glued = pieces[k - 1][-1:].isalpha() and after[:1].isalpha()
        if glued:
            notes.warn(f"substitution marker !{mark}! inside a word read literally", line)
            items = [mark]
        elif mark not in marks:
            raise DictionaryError(f"substitution marker !{mark}! is not defined ('!{mark}! = A, B, …')", path=where, line=line)
        else:
            items = marks[mark]
        results = [r + item + after for r in results for item in items]
    return results


def load_agents(path: Path, into: Dictionaries) -> None:
    """Add the agents of a PETRARCH ``.agents`` file to ``into.agents`` (codes kept as written)."""
    notes = Notes(path, into)
    where = str(path)
    fname = path.name
    marks: dict[str, list[str]] = {}
    entries: list[tuple[int, str, str | None, str]] = []  # line, name text, plural text (None: regular), code

    for n, line in _lines(_read(path, notes), path):
        s = line.strip()
        if s.startswith("!") and "=" in s and s.find("!", 1) > 0:
            mark = s[1 : s.find("!", 1)]
            items = [item.strip() for item in s[s.find("=") + 1 :].split(",") if item.strip()]
            if not mark or not items:
                raise DictionaryError(f"substitution set {s!r} should read '!MARK! = A, B, …'", path=where, line=n)
            marks[mark] = items
            continue
        if "[" not in s:
            notes.warn(f"agent without a code: skipped: {s!r}", n)
            continue
        name, _, rest = s.partition("[")
        code, closed, _ = rest.partition("]")
        code = code.strip()
        if not closed:
            # "[~ENV}" in Phoenix.agents.txt: PETRARCH reads up to the end of the line
            code = code.rstrip("}").strip()
            if len(code.split()) != 1:
                raise DictionaryError(f"agent {s!r}: '[' without a closing ']'", path=where, line=n)
            notes.warn(f"agent code [{code} not closed with ']': read to the end of the line", n)
        if not code:
            raise DictionaryError(f"agent {s!r}: empty code '[]'", path=where, line=n)
        plural: str | None = None
        if "{" in name:
            start = name.find("{")
            end = name.find("}", start)
            if end < 0:
                raise DictionaryError(f"agent {s!r}: plural '{{' without a closing '}}'", path=where, line=n)
            plural = name[start + 1 : end]
            name = name[:start]
        if not _words(name):
            raise DictionaryError(f"agent {s!r} has a code but no name", path=where, line=n)
        entries.append((n, name, plural, code))

    agents = into.agents
    for n, name, plural, code in entries:
        eid = f"{fname}:{n}"
        forms: list[list[str]] = []
        if "!" in name:
            forms = [_words(x) for x in _substitute(name, marks, where, n, notes)]
            if plural:
                forms += [_words(x) for x in _substitute(plural, marks, where, n, notes)]
        else:
            words = _words(name)
            forms.append(words)
            if plural is None:
                forms.append(_plural(words))
            elif _words(plural):
                forms.append(_words(plural))
        seen: set[str] = set()
        for words in forms:
            if not words:
                continue
            phrase = " ".join(words).lower()
            if phrase in seen:
                continue
            seen.add(phrase)
            agents.add(phrase, AgentEntry(eid, phrase, code))
    into.sources.append(where)
    notes.close()


# ------------------------------------------------------------------------------------------------
# Discards


def load_discards(path: Path, into: Dictionaries) -> None:
    """Add the phrases of a PETRARCH ``.discards`` file to ``into.discards``: ``+PHRASE`` is a
    ``Discard(phrase, "story")``, a plain phrase a ``Discard(phrase, "sentence")``."""
    notes = Notes(path, into)
    discards = into.discards
    for n, line in _lines(_read(path, notes), path):
        s = line.strip()
        story = s.startswith("+")
        words = _words(s[1:] if story else s)
        if not words:
            notes.warn("empty discard line skipped", n)
            continue
        phrase = " ".join(words).lower()
        if not fold(phrase):
            notes.warn(f"punctuation-only discard {phrase!r} skipped", n)
            continue
        discards.add(phrase, Discard(phrase, "story" if story else "sentence"))
    into.sources.append(str(path))
    notes.close()
