"""The in-memory dictionary model shared by every dictionary format.

A ``Dictionaries`` object holds actor entries (countries, institutions, organisations, people), agents
(roles that compose with a country: "foreign minister" -> GOV), event patterns (verb and noun triggers),
discards and synsets. Readers (``native.py`` for detente's TOML files, ``petrarch/`` for the
PETRARCH/TABARI formats) fill it; the coding stages only read it.

Phrase matching is tokenisation-agnostic: a name's key is its letters and digits with everything else
removed ("Nur-Sultan" -> "nursultan", "U.S." -> "US"), and a run of tokens matches when the same folding
of their texts (or lemmas) gives the key. Names written in capitals ("US", "UN", "NATO") match only in
capitals, so the pronoun "us" is never the United States; names starting with a capital match only a
capitalised first token, so "turkey" the bird is not Türkiye.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cached_property
from datetime import date
from typing import Generic, Iterable, Sequence, TypeVar

from detente.cameo import STATE_ROLES, actor_roles
from detente.dictionaries.rules import Rules
from detente.model import Problem
from detente.text import Folded, fold

_WORDS = re.compile(r"\w+")


@dataclass(frozen=True)
class DatedCode:
    code: str
    start: date | None = None
    end: date | None = None

    def applies(self, when: date) -> bool:
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)


@dataclass(frozen=True)
class ActorEntry:
    """An actor: ``form`` says which of its names matched (name, adjective, demonym, capital)."""

    id: str  # "file:line"
    name: str  # canonical name (first listed)
    kind: str  # country|government|military|person|organization|group|media|...
    code: str | None  # undated code
    codes: tuple[DatedCode, ...] = ()
    role: str | None = None
    form: str = "name"

    def code_on(self, when: date | None) -> str | None:
        """The code that applies on ``when``: a dated code covering it, else the undated one; with no
        date, a group's undated code, or for a person the code still in force. PETRARCH's ``---`` (known name, no code) gives ``None``."""
        code = self._code_on(when)
        return None if code is None or code.startswith("---") else code

    def _code_on(self, when: date | None) -> str | None:
        if self.codes:
            if when is None:
                # no date: a group's or body's own undated code (the Taliban are AFGREB, not the
                # government they are only at times); for a person, the code still in force, else the
                # last state office held (an undated report of "Maduro closed the border" is most likely
                # from his years in office, which is when the news names a leader most), else the
                # undated one, else the latest that ended
                if self.kind != "person" and self.code is not None:
                    return self.code
                current = [c for c in self.codes if c.end is None]
                if current:
                    return max(current, key=lambda c: c.start or date.min).code
                offices = [c for c in self.codes if actor_roles(c.code) & STATE_ROLES]
                if offices:
                    return max(offices, key=lambda c: c.end or date.min).code
                if self.code is not None:
                    return self.code
                return max(self.codes, key=lambda c: c.end or date.min).code
            for dated in self.codes:
                if dated.applies(when):
                    return dated.code
        return self.code


@dataclass(frozen=True)
class AgentEntry:
    id: str
    name: str
    code: str  # "GOV", "MIL", … (PETRARCH agents may carry a leading "~")
    alone: bool = True  # False: names an actor only with a country ("Israeli air strikes", not "missiles")


@dataclass(frozen=True)
class Discard:
    """A discard phrase (sports, weather… that would code as conflict): a sentence holding it codes no
    events (``scope="sentence"``), or the whole story codes none (``scope="story"``, PETRARCH's
    ``+PHRASE``)."""

    phrase: str
    scope: str  # "sentence" | "story"


DISCARD_SCOPES = ("sentence", "story")


@dataclass(frozen=True)
class Element:
    """One element of an event pattern.

    ``kind`` is ``lit`` (any of ``phrases``, each a tuple of folded words), ``target`` or ``source``.
    ``adjacent`` means the element must start right after the previous one (the ``_`` joiner).
    """

    kind: str
    phrases: tuple[tuple[str, ...], ...] = ()
    adjacent: bool = False


@dataclass(frozen=True)
class Pattern:
    """An event pattern: ``pre`` elements come before the trigger (nearest last), ``post`` after it.
    ``code2`` is the second code of a paired pattern (``[032:033]``): the event target's reply.

    ``id`` is the rule id events carry (``rule``): ``prefix:trigger:text`` for a verb,
    ``prefix:trigger/n:text`` for a noun (see ``pattern_id``), stable when lines are added to or removed
    from the file; ``where`` is the ``file:line`` the pattern was read from."""

    id: str  # "events:criticize:*", "events:sanction/n:* against +"
    trigger: str  # lemma of the verb or noun
    pos: str  # "verb" | "noun"
    code: str
    pre: tuple[Element, ...] = ()
    post: tuple[Element, ...] = ()
    code2: str | None = None
    text: str = "*"
    # which words the pattern may see: "clause" (the trigger's own clause; detente's patterns) or
    # "phrase" (the trigger's whole subtree and the verbs above it: PETRARCH's linear reading)
    scope: str = "clause"
    where: str = ""  # "file:line"

    @cached_property
    def needs(self) -> tuple[frozenset[str], ...]:
        """For each literal element, the words one of which must be present for the pattern to match
        (a cheap filter before matching on the tree)."""
        return tuple(frozenset(ph[0] for ph in e.phrases if ph) for e in self.pre + self.post if e.kind == "lit")

    @property
    def specificity(self) -> int:
        return sum(len(max(e.phrases, key=len)) if e.kind == "lit" else 1 for e in self.pre + self.post)


def pattern_id(prefix: str, trigger: str, pos: str, text: str) -> str:
    """The rule id of a pattern: ``prefix`` (the entry's ``id`` key, else the file's stem), the trigger
    lemma (``/n`` after a noun) and the pattern text as written: ``events:sanction/n:* against +``."""
    return f"{prefix}:{trigger}{'/n' if pos == 'noun' else ''}:{text}"


T = TypeVar("T")


class PhraseIndex(Generic[T]):
    """Folded phrase -> entries, with prefix sets so a scan over tokens stops as early as possible."""

    def __init__(self) -> None:
        self.exact: dict[str, list[T]] = {}  # case-sensitive keys (names in capitals)
        self.lower: dict[str, list[T]] = {}
        self.capitalised: set[str] = set()  # lower keys that need a capitalised first token
        self._prefixes_exact: set[str] = set()  # folded names cut after each of their words
        self._prefixes_lower: set[str] = set()
        # prefixes that end between two words of a name: only there may a scan join a next word ("Kazakhstan"
        # + "is" is not the demonym "Kazakhstanis", which is one word)
        self._joins_exact: set[str] = set()
        self._joins_lower: set[str] = set()
        self.max_tokens = 1
        self._count = 0

    def __len__(self) -> int:
        return self._count

    def add(self, name: str, entry: T) -> None:
        key = fold(name)
        if not key:
            return
        self._count += 1
        words = _WORDS.findall(name.replace("_", " "))
        self.max_tokens = max(self.max_tokens, len(words) * 2 + 1)
        # a scan over tokens can only be inside a name at a word boundary of it: "Nur-Sultan" is seen
        # as Nur, Nur, NurSultan (tokens Nur, -, Sultan), so the word-boundary prefixes are enough
        prefixes = ["".join(words[:n]) for n in range(1, len(words) + 1)]
        if not any(ch.islower() for ch in name) and any(ch.isalpha() for ch in name):
            self.exact.setdefault(key, []).append(entry)
            self._prefixes_exact.update(prefixes)
            self._joins_exact.update(prefixes[:-1])
        else:
            low = key.lower()
            self.lower.setdefault(low, []).append(entry)
            self._prefixes_lower.update(p.lower() for p in prefixes)
            self._joins_lower.update(p.lower() for p in prefixes[:-1])
            if name[:1].isupper():
                self.capitalised.add(low)

    def longest(self, texts: Sequence[str], start: int, alt: Sequence[str] | None = None, stop: int | None = None) -> tuple[int, list[T]] | None:
        """The longest match starting at ``texts[start]``: (end index, entries). ``alt`` is a parallel
        sequence (lemmas) tried as well; ``stop`` bounds the scan. For many look-ups over one
        sentence, fold it once with ``Folded`` and call ``scan``."""
        return self.scan(Folded(texts, alt), start, stop)

    def starts(self, folded: Folded) -> set[int]:
        """Positions of ``folded`` where a name of this index may start (one pass, no matching)."""
        pe, pl = self._prefixes_exact, self._prefixes_lower
        out = {i for i, (r, l) in enumerate(zip(folded.raw, folded.low)) if r in pe or l in pl}
        if folded.alt_low is not None:
            out.update(i for i, l in enumerate(folded.alt_low) if l in pl)
        return out

    def scan(self, folded: Folded, start: int, stop: int | None = None) -> tuple[int, list[T]] | None:
        """``longest`` over a sentence folded once."""
        n = len(folded.raw)
        if start >= n:
            return None
        first_raw, first_low = folded.raw[start], folded.low[start]
        if first_raw not in self._prefixes_exact and first_low not in self._prefixes_lower and (
            folded.alt_low is None or folded.alt_low[start] not in self._prefixes_lower
        ):
            return None  # the usual case: no name starts with this word
        stop = min(n, stop if stop is not None else n, start + self.max_tokens)
        best: tuple[int, list[T]] | None = None
        first_upper = folded.upper[start]
        streams = [(folded.raw, folded.low)] if folded.alt_raw is None else [(folded.raw, folded.low), (folded.alt_raw, folded.alt_low)]
        for raws, lows in streams:
            raw = low = ""
            joined = False  # the last token added was a word (not punctuation folded away)
            for j in range(start, stop):
                piece = raws[j]
                if piece and joined and raw not in self._joins_exact and low not in self._joins_lower:
                    break  # the words so far end inside a name's word: no next word continues it
                joined = bool(piece)
                raw += piece
                low += lows[j]
                if not raw:
                    break
                in_exact = raw in self._prefixes_exact
                in_lower = low in self._prefixes_lower
                if not in_exact and not in_lower:
                    break
                if not piece:
                    continue  # punctuation inside a name ("Nur-Sultan"): cannot end a match
                found = self.exact.get(raw) if in_exact else None
                if found is None and in_lower:
                    cand = self.lower.get(low)
                    if cand is not None and (first_upper or low not in self.capitalised):
                        found = cand
                if found is not None and (best is None or j + 1 > best[0]):
                    best = (j + 1, found)
        return best


@dataclass
class Dictionaries:
    """Everything the readers loaded. ``problems`` are the warnings met while loading (a skipped line, a
    normalised code), each with ``where`` = ``file:line`` or ``file``; ``load_seconds`` is the time
    ``load_dictionaries`` took."""

    actors: PhraseIndex[ActorEntry] = field(default_factory=PhraseIndex)
    agents: PhraseIndex[AgentEntry] = field(default_factory=PhraseIndex)
    discards: PhraseIndex[Discard] = field(default_factory=PhraseIndex)
    verbs: dict[str, list[Pattern]] = field(default_factory=dict)
    nouns: dict[str, list[Pattern]] = field(default_factory=dict)
    synsets: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)
    rules: Rules = field(default_factory=Rules)  # statements, rewrites and word lists (rules.py)
    problems: list[Problem] = field(default_factory=list)
    load_seconds: float = 0.0
    patterns_by_id: dict[str, Pattern] = field(default_factory=dict, repr=False)  # rule id -> pattern (explain: where)

    def warn(self, message: str, where: str) -> None:
        """Record a loader warning (``where``: ``file:line`` or ``file``)."""
        self.problems.append(Problem(stage="dictionaries", message=message, where=where, severity="warning"))

    def add_pattern(self, pattern: Pattern) -> Pattern:
        """Add ``pattern``; returns it as stored: an id that is taken already gets ``#2`` (``#3``…)
        appended, so every rule id names one pattern (readers warn when that happens)."""
        if pattern.id in self.patterns_by_id:
            n = 2
            while f"{pattern.id}#{n}" in self.patterns_by_id:
                n += 1
            pattern = replace(pattern, id=f"{pattern.id}#{n}")
        self.patterns_by_id[pattern.id] = pattern
        table = self.verbs if pattern.pos == "verb" else self.nouns
        table.setdefault(pattern.trigger, []).append(pattern)
        return pattern

    def counts(self) -> dict[str, int]:
        return {
            "actors": len(self.actors),
            "agents": len(self.agents),
            "verb_patterns": sum(len(v) for v in self.verbs.values()),
            "noun_patterns": sum(len(v) for v in self.nouns.values()),
            "verbs": len(self.verbs),
            "nouns": len(self.nouns),
            "discards": len(self.discards),
            "synsets": len(self.synsets),
        }


def parse_pattern(text: str, *, pattern_id: str, trigger: str, pos: str, code: str, synsets: dict[str, tuple[tuple[str, ...], ...]], code2: str | None = None, scope: str = "clause", where: str = "") -> Pattern:
    """Turn pattern text (``"* good relations with +"``) into a ``Pattern``; raises ``ValueError`` with
    the reason when it is malformed (the reader adds file and line)."""
    tokens = text.split()
    if sum(part == "*" for token in tokens for part in token.split("_")) != 1:
        raise ValueError(f"pattern {text!r} needs exactly one '*' (the trigger position)")
    pre: list[Element] = []
    post: list[Element] = []
    side = pre
    for token in tokens:
        parts = token.split("_")
        for n, part in enumerate(parts):
            adjacent = n > 0
            if part == "":
                continue
            if part == "*":
                side = post
                continue
            if part == "+":
                side.append(Element("target", adjacent=adjacent))
            elif part == "$":
                side.append(Element("source", adjacent=adjacent))
            elif part.startswith("&"):
                name = part[1:].upper()
                if name not in synsets:
                    raise ValueError(f"unknown synset &{name} in pattern {text!r}")
                side.append(Element("lit", synsets[name], adjacent))
            else:
                side.append(Element("lit", ((fold(part).lower(),),), adjacent))
    return Pattern(pattern_id, trigger, pos, code, tuple(pre), tuple(post), code2, text, scope, where)


def phrases(items: Iterable[str]) -> tuple[tuple[str, ...], ...]:
    """Synset members as tuples of folded lower-case words."""
    return tuple(tuple(fold(w).lower() for w in item.replace("_", " ").split() if fold(w)) for item in items)
