"""Readers for the PETRARCH/TABARI text dictionaries (verbs, actors, agents, discards), read unmodified.

The formats are the ones documented in PETRARCH's ``PETRreader.py``; this is an independent reader that
fills detente's model (``model.py``). Every entry id is ``"<file name>:<line>"``. A file that cannot be
read as intended raises ``DictionaryError`` naming the file and line; constructs that are odd but that
the real dictionaries use are handled as described below and counted in ``petrarch_notes(into)``.

Common to all four formats: ``<!-- … -->`` comments (also over several lines), lines starting with
``<!``, and everything after ``#`` are ignored, as are blank lines. Names and phrases are written in
capitals with ``_`` (or a space) between words; a trailing ``_`` (TABARI's "whole word, not a stem")
is dropped, since detente always matches whole tokens.

Verbs (``CAMEO.2.0.txt``, ``PETR.Validate.verbs.txt``)
    ``&NAME`` followed by ``+member`` lines defines a synset (a trailing ``_`` on the label, which only
    stops PETRARCH's plural generation, is dropped: ``&PREPOSIT1_`` is used as ``&PREPOSIT1``). Members
    may use other synsets (``+&TIETYPES``), expanded recursively; synsets may be defined after their first
    use. Plurals of members are not generated: detente's matcher compares literals with lemmas too.
    ``--- NAME [code] ---`` opens a verb block; the following lines name its verbs (``SAY {SAID
    SAYING} [code]``: the ``{…}`` irregular forms are not needed since triggers are lemmas; the optional
    code overrides the block's for the bare verb) and multi-word verbs with ``+`` on the verb word
    (``+CORDON_OFF``, ``WIRE_+TAP``). Lines ``- pattern [code]`` are patterns of every verb of the block
    (PETRARCH stores them under the block). Pattern syntax: words, ``*`` verb, ``+`` target, ``$``
    source, ``_`` adjacency, ``&SYN``, PETRARCH-2 noun phrases ``{A B}`` (read as the adjacent words
    ``A_B``) and prepositional phrases ``(TO BORDER)`` (parentheses dropped), ``A/B`` alternatives;
    ``^`` and ``%`` are dropped. Codes: ``[032:033]`` -> code ``032``, code2 ``033``; ``[:173]`` -> code
    ``---`` (no source->target event), code2 ``173``; ``[---]`` (null) patterns are skipped unless
    ``keep_null=True`` (in PETRARCH they block a more general pattern: keep them if the coder honours
    ``---``). ``~`` verb transformations are skipped.

Actors (``*.actors.txt``)
    A primary line ``NAME [CODE]`` (code optional), ``+SYNONYM`` lines and code lines ``[CODE]``,
    ``[CODE >YYYYMMDD]``, ``[CODE <YYMMDD]``, ``[CODE D1-D2]`` (usually tab-indented; several may share
    one line). Six-digit dates are YYMMDD with 00-30 -> 20YY, else 19YY. ``>D`` starts on D, ``<D``
    ends on D, both inclusive. A bare date (``[CODE D]``) is read as a start date; a code whose date
    cannot be read, or whose range ends before it starts, is skipped and noted (PETRARCH skips the line
    with a warning; the Phoenix files have a few). One ``ActorEntry`` (kind ``actor``, canonical name =
    first name) per actor; every name is added to ``into.actors``. ``code`` is the first undated code,
    ``codes`` the dated ones in file order (the first that covers a date wins); a null code ``---`` is
    kept as written. A primary line with no code at all shares the codes of the next one (PETRARCH's
    reading: ``LEONID_BREZHNEV_`` / ``SECRETARY_BREZHNEV`` / ``[RUSGOV …]``): its names join that actor.

Agents (``*.agents.txt``)
    ``NAME {PLURAL} [~CODE]``: without ``{…}`` a regular plural is generated, ``{}`` means none.
    ``!MARK! = A, B, C`` defines a substitution set; a name containing ``!MARK!`` stands for one name per
    item (no plurals generated). Codes are kept as written: ``~GOV`` (added after the actor code) or
    ``NGO~`` (before it). Lines without a code are skipped (PETRARCH does the same).

Discards (``*.discards.txt``)
    One phrase a line; ``+PHRASE`` discards the whole story, a plain phrase the sentence. The index value
    is ``"+phrase"`` or ``"phrase"`` (lower case).

Casing: PETRARCH files are in capitals, which ``PhraseIndex`` would match only in capitals. Agents and
discards are added in lower case (match any case). Actor names are added title-cased ("Barack Obama"),
so they match a capitalised first token only ("turkey" the bird is not Türkiye); a name whose first word
is a particle ("THE_", "AL-", "EL-") is added with that particle in lower case so "the Obama
administration" and "al-Qaeda" still match mid-sentence; a one-word name that is also a common English
word ("US", "U.S.") stays in capitals so the pronoun "us" is never the United States.
"""

from __future__ import annotations

import dataclasses

import logging
import re
from collections import Counter
from datetime import date
from itertools import product
from pathlib import Path

from detente.dictionaries.model import (
    ActorEntry,
    AgentEntry,
    DatedCode,
    Dictionaries,
    Pattern,
    fold,
    parse_pattern,
)
from detente.errors import DictionaryError

__all__ = ["load_actors", "load_agents", "load_discards", "load_verbs", "petrarch_notes"]

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


def petrarch_notes(into: Dictionaries) -> dict[str, Counter]:
    """Counts of odd-but-accepted constructs met while loading, per file name (for logs and tests)."""
    notes = getattr(into, "petrarch_notes", None)
    if notes is None:
        notes = {}
        into.petrarch_notes = notes  # type: ignore[attr-defined]
    return notes


def _notes_for(into: Dictionaries, path: Path) -> Counter:
    return petrarch_notes(into).setdefault(path.name, Counter())


# ------------------------------------------------------------------------------------------------
# Reading lines


def _read(path: Path, notes: Counter) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DictionaryError(f"cannot read the file: {exc.strerror or exc}", path=str(path)) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        notes["file is not UTF-8: read as Latin-1"] += 1
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
# Verbs


class _Block:
    __slots__ = ("line", "name", "code", "code2", "verbs", "patterns")

    def __init__(self, line: int, name: str, code: str, code2: str | None) -> None:
        self.line = line
        self.name = name
        self.code = code
        self.code2 = code2
        self.verbs: list[tuple[int, str, list[str], list[str], str, str | None]] = []  # line, verb, front, back, code, code2
        self.patterns: list[tuple[int, str, str, str | None]] = []  # line, body, code, code2


def _event_code(raw: str, notes: Counter) -> tuple[str, str | None]:
    """'032:033' -> ('032', '033'); ':173' -> ('---', '173'); '---' -> ('---', None)."""
    raw = raw.strip()
    if ":" in raw:
        first, _, second = raw.partition(":")
        code, code2 = first.strip() or "---", second.strip() or None
        if code2 == "---":
            code2 = None
        if code == "---" and code2:
            notes["code with only a second part ([:X])"] += 1
    else:
        code, code2 = raw or "---", None
    for c in (code, code2):
        if c is not None and c != "---" and not _STANDARD_EVENT_CODE.match(c):
            notes[f"non-standard event code kept as written: {c}"] += 1
    return code, code2


def load_verbs(path: Path, into: Dictionaries, *, keep_null: bool = False) -> None:
    """Add the synsets and verb patterns of a PETRARCH verbs file (e.g. ``CAMEO.2.0.txt``) to ``into``."""
    notes = _notes_for(into, path)
    where = str(path)
    raw_synsets: dict[str, list[tuple[int, str]]] = {}
    synset_lines: dict[str, int] = {}
    blocks: list[_Block] = []
    block: _Block | None = None
    synset: str | None = None  # label whose '+' members are being read

    for n, line in _lines(_read(path, notes), path):
        s = line.strip()
        first = s[0]
        if first == "+" and synset is not None:
            raw_synsets[synset].append((n, s[1:].strip()))
            continue
        synset = None
        if s.startswith("---"):
            core = s.strip("-").strip()
            codes = _BRACKETS.findall(core)
            name = core.split("[", 1)[0].strip()
            if not name:
                raise DictionaryError("verb block header needs a name: '--- NAME [code] ---'", path=where, line=n)
            if len(codes) > 1:
                notes["block header with several codes: first used"] += 1
            code, code2 = _event_code(codes[0], notes) if codes else ("---", None)
            block = _Block(n, name, code, code2)
            blocks.append(block)
        elif first == "&":
            label = s.split()[0][1:].rstrip("_").upper()
            if not label:
                raise DictionaryError("synset label '&' needs a name", path=where, line=n)
            if len(s.split()) > 1:
                notes["text after a synset label ignored"] += 1
            if label in raw_synsets:
                notes["synset defined twice: members merged"] += 1
            else:
                raw_synsets[label] = []
                synset_lines[label] = n
            synset = label
        elif first == "-":
            if block is None:
                raise DictionaryError("pattern line before any '--- NAME [code] ---' verb block", path=where, line=n)
            open_at = s.rfind("[")
            close = s.find("]", open_at)
            if open_at < 0 or close < 0:
                raise DictionaryError(f"pattern {s!r} has no [code] (use [---] for none)", path=where, line=n)
            if s[close + 1 :].strip():
                notes["text after a pattern's code ignored"] += 1
            code, code2 = _event_code(s[open_at + 1 : close], notes)
            block.patterns.append((n, s[1:open_at], code, code2))
        elif first == "~":
            notes["verb transformation (~) skipped"] += 1
        else:
            if block is None:
                raise DictionaryError(
                    f"{s!r}: a verb line before any '--- NAME [code] ---' verb block (or a synset member without '&NAME')",
                    path=where,
                    line=n,
                )
            block.verbs.append(_verb_line(s, block, where, n, notes))

    table = _SynsetTable(raw_synsets, synset_lines, into.synsets, where, notes)
    for label in raw_synsets:
        members = table.resolve(label)
        if members:
            into.synsets[label] = members
        else:
            notes["empty synset"] += 1

    fname = path.name
    seen: set[tuple[str, str, str, str | None]] = set()

    def add(pattern: Pattern) -> None:
        key = (pattern.trigger, pattern.text, pattern.code, pattern.code2)
        if key in seen:
            notes["duplicate pattern skipped"] += 1
            return
        seen.add(key)
        # PETRARCH patterns were written for its linear match over the verb phrase
        into.add_pattern(dataclasses.replace(pattern, scope="phrase"))

    for blk in blocks:
        if not blk.verbs:
            notes["verb block without verbs"] += 1
            continue
        verbs: list[tuple[int, str, list[str], list[str], str, str | None]] = []
        for verb in blk.verbs:
            if any(v[1] == verb[1] and v[2] == verb[2] and v[3] == verb[3] for v in verbs):
                notes["verb listed twice in a block"] += 1
                continue
            verbs.append(verb)
        for vline, trigger, front, back, vcode, vcode2 in verbs:
            if vcode == "---" and not vcode2 and not keep_null:
                continue
            if front or back:
                add(_parse("_".join(front + ["*"] + back), fname, vline, trigger, vcode, vcode2, table, where))
            else:
                add(Pattern(f"{fname}:{vline}", trigger, "verb", vcode, (), (), vcode2, "*"))
        for pline, body, code, code2 in blk.patterns:
            if code == "---" and not code2 and not keep_null:
                notes["null-coded pattern [---] skipped"] += 1
                continue
            tokens = _pattern_tokens(body, table, notes, where, pline)
            if tokens is None:
                continue
            shared: Pattern | None = None
            for _vline, trigger, front, back, _vcode, _vcode2 in verbs:
                if front or back:
                    text = " ".join(
                        "_".join(q for p in tok for q in ((front + ["*"] + back) if p == "*" else [p])) for tok in tokens
                    )
                    add(_parse(text, fname, pline, trigger, code, code2, table, where))
                    continue
                if shared is None:
                    text = " ".join("_".join(tok) for tok in tokens)
                    shared = _parse(text, fname, pline, trigger, code, code2, table, where)
                    add(shared)
                else:
                    add(Pattern(shared.id, trigger, "verb", code, shared.pre, shared.post, code2, shared.text))
    into.sources.append(where)
    log.debug("read %s: %s", path, dict(notes))


def _verb_line(s: str, block: _Block, where: str, n: int, notes: Counter) -> tuple[int, str, list[str], list[str], str, str | None]:
    """``SAY {SAID SAYING} [010]`` / ``+CORDON_OFF {…}`` / ``WIRE_+TAP`` -> (line, trigger, front, back, code, code2)."""
    code, code2 = block.code, block.code2
    if ";" in s:  # KEDS/TABARI comment: "SCRAP {SCRAPPING SCRAPS SCRAPPED };shan 8/30/93"
        s = s[: s.find(";")]
    if "[" in s:
        codes = _BRACKETS.findall(s)
        if not codes or s.count("[") != len(codes):
            raise DictionaryError(f"verb line {s!r}: '[' without a matching ']'", path=where, line=n)
        if len(codes) > 1:
            notes["verb line with several codes: first used"] += 1
        code, code2 = _event_code(codes[0], notes)
        s = _BRACKETS.sub(" ", s)
    if "{" in s:
        start = s.find("{")
        end = s.find("}", start)
        if end < 0:
            raise DictionaryError(f"verb line {s.strip()!r}: irregular forms '{{' without a closing '}}'", path=where, line=n)
        s = s[:start] + " " + s[end + 1 :]
    words = s.split()
    if not words:
        raise DictionaryError("verb line without a verb", path=where, line=n)
    if len(words) > 1:
        notes["multi-word verb written with blanks: first word taken as the verb"] += 1
    parts = "_".join(words).split("_")
    marked = [i for i, p in enumerate(parts) if p.startswith("+")]
    if not marked:
        at = 0
        if len([p for p in parts if p]) > 1 and len(words) == 1:
            notes["multi-word verb without '+': first word taken as the verb"] += 1
    else:
        at = marked[0]
        if len(marked) > 1:
            notes["multi-word verb with several '+': first used"] += 1
    verb = parts[at].lstrip("+")
    if not fold(verb):
        raise DictionaryError(f"verb line {s.strip()!r}: cannot tell the verb", path=where, line=n)
    front = [p.lstrip("+") for p in parts[:at] if fold(p)]
    back = [p.lstrip("+") for p in parts[at + 1 :] if fold(p)]
    return (n, verb.lower(), front, back, code, code2)


class _SynsetTable:
    """Synsets of one verbs file (resolved on demand, nested ones expanded) on top of those already
    loaded, plus the synthetic ``A/B`` alternatives; maps names to the safe names given to
    ``parse_pattern`` (which splits on '_')."""

    def __init__(self, raw: dict[str, list[tuple[int, str]]], lines: dict[str, int], loaded: dict[str, Syn], where: str, notes: Counter) -> None:
        self.raw = raw
        self.lines = lines
        self.loaded = loaded
        self.where = where
        self.notes = notes
        self.resolved: dict[str, Syn] = {}
        self.parse: dict[str, Syn] = {}  # safe name -> phrases, what parse_pattern sees
        self._stack: list[str] = []

    def known(self, name: str) -> bool:
        return name in self.raw or name in self.loaded

    def resolve(self, name: str) -> Syn:
        if name in self.resolved:
            return self.resolved[name]
        if name not in self.raw:
            return self.loaded.get(name, ())
        if name in self._stack:
            cycle = " -> ".join("&" + s for s in self._stack[self._stack.index(name) :] + [name])
            raise DictionaryError(f"synsets refer to each other in a loop: {cycle}", path=self.where, line=self.lines[name])
        self._stack.append(name)
        out: dict[tuple[str, ...], None] = {}
        for _line, member in self.raw[name]:
            choices: list[Syn] = []
            for word in _words(member):
                if word.startswith("&"):
                    ref = word[1:].rstrip("_").upper()
                    if not self.known(ref):
                        self.notes["synset member uses an undefined synset: member skipped"] += 1
                        choices = []
                        break
                    choices.append(self.resolve(ref))
                else:
                    keys = tuple(k for k in (fold(p).lower() for p in _split_clitic(word)) if k)
                    if keys:
                        choices.append((keys,))
            if not choices or any(not c for c in choices):
                continue
            for combo in product(*choices):
                out[tuple(w for phrase in combo for w in phrase)] = None
        self._stack.pop()
        phrases = tuple(out)
        self.resolved[name] = phrases
        return phrases

    def safe(self, name: str) -> str | None:
        """The name to write after '&' in text given to parse_pattern; None for an empty synset."""
        phrases = self.resolve(name)
        if not phrases:
            return None
        safe = name.replace("_", "-")
        self.parse[safe] = phrases
        return safe

    def alternatives(self, part: str) -> str | None:
        """``TO/FOR`` or ``BY/WITH`` -> safe name of a synthetic synset of the alternatives."""
        phrases: dict[tuple[str, ...], None] = {}
        for alt in part.split("/"):
            if not alt:
                continue
            if alt.startswith("&"):
                ref = alt[1:].rstrip("_").upper()
                if not self.known(ref):
                    return None
                for p in self.resolve(ref):
                    phrases[p] = None
            else:
                key = fold(alt).lower()
                if key:
                    phrases[(key,)] = None
        if not phrases:
            return None
        safe = "/" + part.upper()
        self.parse[safe] = tuple(phrases)
        return safe


def _pattern_tokens(body: str, table: _SynsetTable, notes: Counter, where: str, line: int) -> list[list[str]] | None:
    """PETRARCH pattern text -> tokens of '_'-joined parts in the syntax of ``parse_pattern``; None when
    the pattern is to be skipped (undefined or empty synset)."""
    s = body
    if "{" in s or "}" in s:
        s = _BRACES.sub(lambda m: "_".join(m.group(1).split()), s)
        if "{" in s or "}" in s:
            notes["unbalanced '{' '}' in a pattern: dropped"] += 1
            s = s.replace("{", " ").replace("}", " ")
    if "(" in s or ")" in s:
        if s.count("(") != s.count(")"):
            notes["unbalanced '(' ')' in a pattern: dropped"] += 1
        s = s.replace("(", " ").replace(")", " ")
    if "*" in s and _GLUED_STAR.search(s):
        notes["'*' glued to a word: separated"] += 1
        s = _GLUED_STAR.sub(" * ", s)
    tokens: list[list[str]] = []
    stars = 0
    for token in s.split():
        parts = token.split("_")
        kept: list[str] = []
        i = 0
        while i < len(parts):
            p = parts[i]
            i += 1
            if not p:
                continue
            if p in ("*", "+", "$"):
                stars += p == "*"
                kept.append(p)
            elif p in ("^", "%"):
                notes[f"'{p}' dropped from a pattern"] += 1
            elif p.startswith("&"):
                # the longest defined name wins: &FIGHT_OF_WORDS is one synset, &TIETYPES_MEMOS is a
                # synset and an adjacent word
                for j in range(len(parts), i - 1, -1):
                    name = "_".join([p[1:]] + parts[i:j]).rstrip("_").upper()
                    if name and table.known(name):
                        i = j
                        break
                else:
                    notes["pattern uses an undefined synset: skipped"] += 1
                    return None
                safe = table.safe(name)
                if safe is None:
                    notes["pattern uses an empty synset: skipped"] += 1
                    return None
                kept.append("&" + safe)
            elif "/" in p and len(p) > 1:
                safe = table.alternatives(p)
                if safe is None:
                    notes["pattern alternatives use an undefined synset: skipped"] += 1
                    return None
                notes["'A/B' alternatives in a pattern"] += 1
                kept.append("&" + safe)
            else:
                for w in _split_clitic(p):
                    if fold(w):
                        kept.append(w)
                    else:
                        notes["punctuation-only word dropped from a pattern"] += 1
        if kept:
            tokens.append(kept)
    if stars != 1:
        raise DictionaryError(f"pattern {body.strip()!r} needs exactly one '*' (the verb), found {stars}", path=where, line=line)
    return tokens


def _parse(text: str, fname: str, line: int, trigger: str, code: str, code2: str | None, table: _SynsetTable, where: str) -> Pattern:
    try:
        return parse_pattern(text, pattern_id=f"{fname}:{line}", trigger=trigger, pos="verb", code=code, synsets=table.parse, code2=code2)
    except ValueError as exc:
        raise DictionaryError(str(exc), path=where, line=line) from None


# ------------------------------------------------------------------------------------------------
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


def _actor_codes(text: str, where: str, line: int, notes: Counter) -> list[tuple[str, date | None, date | None, bool]]:
    """All ``[CODE …]`` groups of a line -> (code, start, end, dated). A code whose date cannot be read
    is skipped and noted (PETRARCH skips such lines with a warning; the Phoenix files have a few)."""
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
            notes["lower-case actor code upper-cased"] += 1
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
                    notes[f"date range ending before it starts, code skipped: line {line} [{group}]"] += 1
                    continue
                out.append((code, start, end, True))
            else:
                when = _date(rest)
                notes["date without '<', '>' or '-': read as a start date"] += 1
                out.append((code, when, None, True))
        except ValueError as exc:
            notes[f"unreadable date, code skipped: line {line} [{group}]: {exc}"] += 1
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
    notes = _notes_for(into, path)
    where = str(path)
    fname = path.name
    actors = into.actors
    current: _Actor | None = None
    pending: _Actor | None = None  # code-less actors waiting for the next actor's codes

    def take_codes(text: str, line: int) -> None:
        assert current is not None
        current.coded = True
        for code, start, end, dated in _actor_codes(text, where, line, notes):
            if dated:
                current.codes.append(DatedCode(code, start, end))
            elif current.code is None:
                current.code = code
            else:
                notes["second undated code ignored"] += 1

    def store(actor: _Actor) -> None:
        if actor.code is None and not actor.codes:
            notes["actor without any code"] += 1
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
            notes["actor line without codes: shares the next actor's codes"] += 1
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
            take_codes(s, n)
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
            notes["empty synonym line"] += 1
        if bracket:
            if first == "+":
                notes["codes on a synonym line: added to the actor"] += 1
            take_codes(bracket + rest, n)
    flush()
    if pending is not None:
        store(pending)
    into.sources.append(where)
    log.debug("read %s: %s", path, dict(notes))


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


def _substitute(text: str, marks: dict[str, list[str]], where: str, line: int, notes: Counter) -> list[str]:
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
            notes["substitution marker inside a word read literally"] += 1
            items = [mark]
        elif mark not in marks:
            raise DictionaryError(f"substitution marker !{mark}! is not defined ('!{mark}! = A, B, …')", path=where, line=line)
        else:
            items = marks[mark]
        results = [r + item + after for r in results for item in items]
    return results


def load_agents(path: Path, into: Dictionaries) -> None:
    """Add the agents of a PETRARCH ``.agents`` file to ``into.agents`` (codes kept as written)."""
    notes = _notes_for(into, path)
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
            notes["agent without a code: skipped"] += 1
            continue
        name, _, rest = s.partition("[")
        code, closed, _ = rest.partition("]")
        code = code.strip()
        if not closed:
            # "[~ENV}" in Phoenix.agents.txt: PETRARCH reads up to the end of the line
            code = code.rstrip("}").strip()
            if len(code.split()) != 1:
                raise DictionaryError(f"agent {s!r}: '[' without a closing ']'", path=where, line=n)
            notes["agent code not closed with ']'"] += 1
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
    log.debug("read %s: %s", path, dict(notes))


# ------------------------------------------------------------------------------------------------
# Discards


def load_discards(path: Path, into: Dictionaries) -> None:
    """Add the phrases of a PETRARCH ``.discards`` file to ``into.discards``: the value is ``"+phrase"``
    for a story-level discard, ``"phrase"`` for a sentence-level one."""
    notes = _notes_for(into, path)
    discards = into.discards
    for _n, line in _lines(_read(path, notes), path):
        s = line.strip()
        story = s.startswith("+")
        words = _words(s[1:] if story else s)
        if not words:
            notes["empty discard line"] += 1
            continue
        phrase = " ".join(words).lower()
        if not fold(phrase):
            notes["punctuation-only discard skipped"] += 1
            continue
        discards.add(phrase, ("+" + phrase) if story else phrase)
    into.sources.append(str(path))
    log.debug("read %s: %s", path, dict(notes))
