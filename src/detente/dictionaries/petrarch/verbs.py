"""The PETRARCH/TABARI verbs dictionary reader (see the package docstring for the format)."""

from __future__ import annotations

from itertools import product
from pathlib import Path

from detente.dictionaries.model import (
    Dictionaries,
    Pattern,
    fold,
    parse_pattern,
    pattern_id,
)
from detente.errors import DictionaryError

from detente.dictionaries.petrarch.common import (
    Syn,
    _BRACES,
    _BRACKETS,
    _GLUED_STAR,
    _STANDARD_EVENT_CODE,
    Notes,
    _lines,
    _read,
    _split_clitic,
    _words,
)

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


def _event_code(raw: str, notes: Notes, line: int) -> tuple[str, str | None]:
    """'032:033' -> ('032', '033'); ':173' -> ('---', '173'); '---' -> ('---', None)."""
    raw = raw.strip()
    if ":" in raw:
        first, _, second = raw.partition(":")
        code, code2 = first.strip() or "---", second.strip() or None
        if code2 == "---":
            code2 = None
    else:
        code, code2 = raw or "---", None
    for c in (code, code2):
        if c is not None and c != "---" and not _STANDARD_EVENT_CODE.match(c):
            notes.warn(f"non-standard event code kept as written: {c}", line)
    return code, code2


# PETRARCH patterns were written for its linear match over the verb phrase (see Pattern.scope)
PHRASE = "phrase"


def load_verbs(path: Path, into: Dictionaries, *, keep_null: bool = False) -> None:
    """Add the synsets and verb patterns of a PETRARCH verbs file (e.g. ``CAMEO.2.0.txt``) to ``into``."""
    notes = Notes(path, into)
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
                notes.warn(f"block header with several codes: [{codes[0]}] used, {' '.join(f'[{c}]' for c in codes[1:])} ignored", n)
            code, code2 = _event_code(codes[0], notes, n) if codes else ("---", None)
            block = _Block(n, name, code, code2)
            blocks.append(block)
        elif first == "&":
            label = s.split()[0][1:].rstrip("_").upper()
            if not label:
                raise DictionaryError("synset label '&' needs a name", path=where, line=n)
            if len(s.split()) > 1:
                notes.warn(f"text after a synset label ignored: {' '.join(s.split()[1:])!r}", n)
            if label in raw_synsets:
                notes.warn(f"synset &{label} defined twice (first on line {synset_lines[label]}): members merged", n)
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
                notes.warn(f"text after a pattern's code ignored: {s[close + 1 :].strip()!r}", n)
            code, code2 = _event_code(s[open_at + 1 : close], notes, n)
            block.patterns.append((n, s[1:open_at], code, code2))
        elif first == "~":
            notes.warn("verb transformation (~) skipped", n)
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
            notes.warn(f"synset &{label} is empty", synset_lines[label])

    fname = path.name
    prefix = path.stem  # rule ids: "CAMEO.2.0:say:*"
    seen: dict[tuple[str, str, str, str | None], int] = {}  # (trigger, text, code, code2) -> line
    seen_text: dict[tuple[str, str], Pattern] = {}  # (trigger, text) -> the last pattern stored
    # a pattern line serves every verb of its block: one warning per line, naming the verbs
    per_line: dict[tuple[int, str], list[str]] = {}

    def add(pattern: Pattern, line: int) -> None:
        key = (pattern.trigger, pattern.text, pattern.code, pattern.code2)
        codes = _codes(pattern.code, pattern.code2)
        if key in seen:
            message = f"duplicate pattern skipped: '{pattern.text}' [{codes}] as on line {seen[key]}"
            per_line.setdefault((line, message), []).append(pattern.trigger)
            return
        seen[key] = line
        stored = into.add_pattern(pattern)
        earlier = seen_text.get((pattern.trigger, pattern.text))
        if earlier is not None:
            n = stored.id[len(pattern.id) :] or "#?"
            message = (
                f"pattern '{pattern.text}' [{codes}] repeats line {earlier.where.rsplit(':', 1)[1]} "
                f"[{_codes(earlier.code, earlier.code2)}] with another code: on a tie the later one wins; "
                f"rule id suffixed {n}"
            )
            per_line.setdefault((line, message), []).append(pattern.trigger)
        seen_text[(pattern.trigger, pattern.text)] = stored

    for blk in blocks:
        if not blk.verbs:
            notes.warn(f"verb block {blk.name} has no verbs: its {len(blk.patterns)} patterns skipped", blk.line)
            continue
        verbs: list[tuple[int, str, list[str], list[str], str, str | None]] = []
        for verb in blk.verbs:
            if any(v[1] == verb[1] and v[2] == verb[2] and v[3] == verb[3] for v in verbs):
                notes.warn(f"verb {verb[1].upper()} listed twice in block {blk.name}: skipped", verb[0])
                continue
            verbs.append(verb)
        for vline, trigger, front, back, vcode, vcode2 in verbs:
            if vcode == "---" and not vcode2 and not keep_null:
                continue
            if front or back:
                add(_parse("_".join(front + ["*"] + back), prefix, fname, vline, trigger, vcode, vcode2, table, where), vline)
            else:
                add(Pattern(pattern_id(prefix, trigger, "verb", "*"), trigger, "verb", vcode, (), (), vcode2, "*", PHRASE, f"{fname}:{vline}"), vline)
        for pline, body, code, code2 in blk.patterns:
            if code == "---" and not code2 and not keep_null:
                notes.warn("null-coded pattern [---] skipped", pline)
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
                    add(_parse(text, prefix, fname, pline, trigger, code, code2, table, where), pline)
                    continue
                if shared is None:
                    text = " ".join("_".join(tok) for tok in tokens)
                    shared = _parse(text, prefix, fname, pline, trigger, code, code2, table, where)
                    add(shared, pline)
                else:
                    pid = pattern_id(prefix, trigger, "verb", shared.text)
                    add(Pattern(pid, trigger, "verb", code, shared.pre, shared.post, code2, shared.text, PHRASE, shared.where), pline)
    for (line, message), triggers in sorted(per_line.items()):
        notes.warn(f"{message} ({_name_verbs(triggers)})", line)
    into.sources.append(where)
    notes.close()


def _codes(code: str, code2: str | None) -> str:
    return f"{code}:{code2}" if code2 else code


def _name_verbs(triggers: list[str]) -> str:
    names = [t.upper() for t in dict.fromkeys(triggers)]
    if len(names) == 1:
        return f"verb {names[0]}"
    if len(names) <= 4:
        return f"verbs {', '.join(names)}"
    return f"{len(names)} verbs: {', '.join(names[:3])}, …"


def _verb_line(s: str, block: _Block, where: str, n: int, notes: Notes) -> tuple[int, str, list[str], list[str], str, str | None]:
    """``SAY {SAID SAYING} [010]`` / ``+CORDON_OFF {…}`` / ``WIRE_+TAP`` -> (line, trigger, front, back, code, code2)."""
    code, code2 = block.code, block.code2
    if ";" in s:  # KEDS/TABARI comment: "SCRAP {SCRAPPING SCRAPS SCRAPPED };shan 8/30/93"
        s = s[: s.find(";")]
    if "[" in s:
        codes = _BRACKETS.findall(s)
        if not codes or s.count("[") != len(codes):
            raise DictionaryError(f"verb line {s!r}: '[' without a matching ']'", path=where, line=n)
        if len(codes) > 1:
            notes.warn(f"verb line with several codes: [{codes[0]}] used, {' '.join(f'[{c}]' for c in codes[1:])} ignored", n)
        code, code2 = _event_code(codes[0], notes, n)
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
        notes.count("multi-word verb written with blanks: first word taken as the verb")
    parts = "_".join(words).split("_")
    marked = [i for i, p in enumerate(parts) if p.startswith("+")]
    if not marked:
        at = 0
        if len([p for p in parts if p]) > 1 and len(words) == 1:
            notes.count("multi-word verb without '+': first word taken as the verb")
    else:
        at = marked[0]
        if len(marked) > 1:
            notes.count("multi-word verb with several '+': the first marks the verb")
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

    def __init__(self, raw: dict[str, list[tuple[int, str]]], lines: dict[str, int], loaded: dict[str, Syn], where: str, notes: Notes) -> None:
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
        for line, member in self.raw[name]:
            choices: list[Syn] = []
            for word in _words(member):
                if word.startswith("&"):
                    ref = word[1:].rstrip("_").upper()
                    if not self.known(ref):
                        self.notes.warn(f"synset member {member!r} of &{name} uses an undefined synset &{ref}: member skipped", line)
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


def _pattern_tokens(body: str, table: _SynsetTable, notes: Notes, where: str, line: int) -> list[list[str]] | None:
    """PETRARCH pattern text -> tokens of '_'-joined parts in the syntax of ``parse_pattern``; None when
    the pattern is to be skipped (undefined or empty synset)."""
    s = body
    if "{" in s or "}" in s:
        s = _BRACES.sub(lambda m: "_".join(m.group(1).split()), s)
        if "{" in s or "}" in s:
            notes.warn("unbalanced '{' '}' in a pattern: dropped", line)
            s = s.replace("{", " ").replace("}", " ")
    if "(" in s or ")" in s:
        if s.count("(") != s.count(")"):
            notes.warn("unbalanced '(' ')' in a pattern: dropped", line)
        s = s.replace("(", " ").replace(")", " ")
    if "*" in s and _GLUED_STAR.search(s):
        notes.count("'*' glued to a word: separated")
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
                notes.count(f"'{p}' dropped from a pattern")
            elif p.startswith("&"):
                # the longest defined name wins: &FIGHT_OF_WORDS is one synset, &TIETYPES_MEMOS is a
                # synset and an adjacent word
                for j in range(len(parts), i - 1, -1):
                    name = "_".join([p[1:]] + parts[i:j]).rstrip("_").upper()
                    if name and table.known(name):
                        i = j
                        break
                else:
                    notes.warn(f"pattern uses an undefined synset {p}: skipped", line)
                    return None
                safe = table.safe(name)
                if safe is None:
                    notes.warn(f"pattern uses an empty synset &{name}: skipped", line)
                    return None
                kept.append("&" + safe)
            elif "/" in p and len(p) > 1:
                safe = table.alternatives(p)
                if safe is None:
                    notes.warn(f"pattern alternatives {p} use an undefined synset: skipped", line)
                    return None
                kept.append("&" + safe)
            else:
                for w in _split_clitic(p):
                    if fold(w):
                        kept.append(w)
                    else:
                        notes.count("punctuation-only word dropped from a pattern")
        if kept:
            tokens.append(kept)
    if stars != 1:
        raise DictionaryError(f"pattern {body.strip()!r} needs exactly one '*' (the verb), found {stars}", path=where, line=line)
    return tokens


def _parse(text: str, prefix: str, fname: str, line: int, trigger: str, code: str, code2: str | None, table: _SynsetTable, where: str) -> Pattern:
    try:
        return parse_pattern(
            text,
            pattern_id=pattern_id(prefix, trigger, "verb", text),
            trigger=trigger,
            pos="verb",
            code=code,
            synsets=table.parse,
            code2=code2,
            scope=PHRASE,
            where=f"{fname}:{line}",
        )
    except ValueError as exc:
        raise DictionaryError(str(exc), path=where, line=line) from None


# ------------------------------------------------------------------------------------------------
