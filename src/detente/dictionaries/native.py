"""Reader for detente's native TOML dictionaries (format: ``docs/dictionaries.md``).

A file may hold any of the tables ``[[country]]``, ``[[actor]]``, ``[[agent]]``, ``[[pattern]]``,
``[[discard]]`` and ``[synsets]``; its kind is told by its tables, not its name. Actor and agent ids are
``file:line`` of the entry's ``[[…]]`` header. A pattern's id is its rule id, ``prefix:trigger:text``
(``prefix:trigger/n:text`` for a noun; ``prefix`` is the entry's ``id`` key, else the file's stem), stable
when lines are added above it; its ``where`` is the ``file:line`` of its entry.
"""

from __future__ import annotations

import re
import tomllib
from datetime import date
from pathlib import Path

from detente import cameo
from detente.dictionaries.model import (
    ActorEntry,
    AgentEntry,
    DISCARD_SCOPES,
    DatedCode,
    Dictionaries,
    Discard,
    parse_pattern,
    pattern_id,
    phrases,
)
from detente.dictionaries.rules import RULE_TABLES, STATEMENT_KEYS, load_rule_tables
from detente.errors import DictionaryError

# The tables a native file may have -> the keys their entries may have. ``None``: a plain table whose
# keys are names (``[synsets]``: NAME = ["phrase", …]). Every other table is an array of tables
# (``[[pattern]]``). A table or key not listed here is a load error naming the file and line.
TABLES: dict[str, frozenset[str] | None] = {
    "synsets": None,
    "country": frozenset({"code", "names", "adjectives", "demonyms", "capitals"}),
    "actor": frozenset({"names", "code", "codes", "kind", "role"}),
    "agent": frozenset({"code", "names", "alone"}),
    "pattern": frozenset({"code", "code2", "id", "verbs", "nouns", "patterns"}),
    "discard": frozenset({"names", "scope"}),
    # the engine's rules that are not patterns (dictionaries/rules.py checks inside them)
    "statement": STATEMENT_KEYS,
    "rewrites": None,
    "words": None,
    "confidence": None,
}
# the keys of one item of an actor's ``codes``
DATED_CODE_KEYS = frozenset({"code", "from", "to"})

_CODE = re.compile(r"^[A-Z0-9~-]{3,}$")
_SLUG = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_SYNSET = re.compile(r"^[A-Za-z0-9]+$")
_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.-]+?)\s*\]\]?")
_KEY = re.compile(r"^\s*([A-Za-z0-9_-]+)\s*=")


def load_native(path: Path, into: Dictionaries) -> None:
    """Add the entries of one native TOML file to ``into``."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise DictionaryError(f"not UTF-8 (byte {exc.start}): TOML files are UTF-8", path=str(path)) from None
    except OSError as exc:
        raise DictionaryError(f"cannot read the file: {exc.strerror or exc}", path=str(path)) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DictionaryError(f"not valid TOML: {exc}", path=str(path)) from None
    name = path.name
    headers, top_keys = _header_lines(text)

    def where(table: str, n: int) -> int | None:
        lines = headers.get(table, [])
        return lines[n] if n < len(lines) else None

    _check_tables(data, path, headers, top_keys)
    if any(t in data for t in RULE_TABLES):
        load_rule_tables(data, text, str(path), into.rules)

    for key, value in data.get("synsets", {}).items():
        line = top_keys.get(key) or where("synsets", 0)
        if not _SYNSET.match(key):
            raise DictionaryError(f"synset name {key!r}: letters and digits only (patterns write it &{key.upper()})", path=str(path), line=line)
        into.synsets[key.upper()] = phrases(_strings({key: value}, key, path, line, required=True))

    for n, entry in enumerate(data.get("country", [])):
        line = where("country", n)
        code = _need_code(entry, path, line)
        names = _names(entry, path, line)
        canonical = names[0]
        eid = f"{name}:{line}"
        for form in ("names", "adjectives", "demonyms", "capitals"):
            for alias in _strings(entry, form, path, line):
                kind = "country"
                into.actors.add(alias, ActorEntry(eid, canonical, kind, code, form={"names": "name"}.get(form, form[:-1])))

    for n, entry in enumerate(data.get("actor", [])):
        line = where("actor", n)
        names = _names(entry, path, line)
        dated = entry.get("codes", [])
        if not isinstance(dated, list):
            raise DictionaryError("'codes' must be a list: codes = [{ code = \"RUSGOV\", from = 2012-05-07 }]", path=str(path), line=line)
        codes = tuple(_dated(c, path, line) for c in dated)
        code = entry.get("code")
        if code is not None and not (isinstance(code, str) and _CODE.match(code)):
            raise DictionaryError(f"bad actor code {code!r}; codes are upper-case CAMEO codes like RUSGOV", path=str(path), line=line)
        if code is None and not codes:
            raise DictionaryError("actor has neither 'code' nor 'codes'", path=str(path), line=line)
        kind, role = entry.get("kind", "organization"), entry.get("role")
        if not isinstance(kind, str) or not (role is None or isinstance(role, str)):
            raise DictionaryError("'kind' and 'role' must be strings", path=str(path), line=line)
        actor = ActorEntry(f"{name}:{line}", names[0], kind, code, codes, role)
        for alias in names:
            into.actors.add(alias, actor)

    for n, entry in enumerate(data.get("agent", [])):
        line = where("agent", n)
        code = _need_code(entry, path, line)
        alone = entry.get("alone", True)
        if not isinstance(alone, bool):
            raise DictionaryError(f"'alone' must be true or false, got {alone!r}", path=str(path), line=line)
        for alias in _names(entry, path, line):
            into.agents.add(alias, AgentEntry(f"{name}:{line}", alias, code, alone))

    for n, entry in enumerate(data.get("discard", [])):
        line = where("discard", n)
        scope = entry.get("scope", "sentence")
        if scope not in DISCARD_SCOPES:
            raise DictionaryError(f"bad scope {scope!r}; a discard's scope is 'sentence' (the default) or 'story'", path=str(path), line=line)
        for phrase in _names(entry, path, line):
            into.discards.add(phrase, Discard(phrase, scope))

    seen: dict[tuple[str, str, str], int | None] = {}  # (pos, trigger, text) -> line, in this file
    for n, entry in enumerate(data.get("pattern", [])):
        line = where("pattern", n)
        code = _event_code(entry, "code", path, line)
        code2 = _event_code(entry, "code2", path, line) if "code2" in entry else None
        prefix = entry.get("id", path.stem)
        if not isinstance(prefix, str) or not _SLUG.match(prefix):
            raise DictionaryError(
                f"bad id {prefix!r}: a short slug of letters, digits, '_', '.' and '-' (rule ids are id:trigger:pattern)",
                path=str(path),
                line=line,
            )
        texts = _strings(entry, "patterns", path, line) or ["*"]
        triggers = [("verb", v) for v in _strings(entry, "verbs", path, line)] + [("noun", v) for v in _strings(entry, "nouns", path, line)]
        if not triggers:
            raise DictionaryError("pattern has no 'verbs' or 'nouns'", path=str(path), line=line)
        for pos, trigger in triggers:
            trigger = trigger.lower()
            for ptext in texts:
                try:
                    pattern = parse_pattern(
                        ptext,
                        pattern_id=pattern_id(prefix, trigger, pos, ptext),
                        trigger=trigger,
                        pos=pos,
                        code=code,
                        synsets=into.synsets,
                        code2=code2,
                        where=f"{name}:{line}",
                    )
                except ValueError as exc:
                    raise DictionaryError(str(exc), path=str(path), line=line) from None
                stored = into.add_pattern(pattern)
                key = (pos, trigger, ptext)
                if key in seen:
                    earlier = "earlier in this entry" if seen[key] == line else f"on line {seen[key]}"
                    into.warn(
                        f"{pos} {trigger!r} has the pattern {ptext!r} {earlier} too: on a tie the later one wins, so "
                        f"the earlier one never fires (this one is rule {stored.id})",
                        f"{path}:{line}",
                    )
                seen[key] = line
    into.sources.append(str(path))


def _header_lines(text: str) -> tuple[dict[str, list[int]], dict[str, int]]:
    """The lines of the table headers (``[name]`` and ``[[name]]``, by name, in order) and the first
    line of each key name (where a top-level key or a synset name is written)."""
    headers: dict[str, list[int]] = {}
    keys: dict[str, int] = {}
    for lineno, line in enumerate(text.splitlines(), 1):
        m = _HEADER.match(line)
        if m:
            headers.setdefault(m.group(2).split(".")[0], []).append(lineno)
            continue
        m = _KEY.match(line)
        if m:
            keys.setdefault(m.group(1), lineno)
    return headers, keys


def _check_tables(data: dict, path: Path, headers: dict[str, list[int]], top_keys: dict[str, int]) -> None:
    """Every table is one of ``TABLES``, written in its form, and every entry has only its keys."""
    for table, value in data.items():
        line = (headers.get(table) or [top_keys.get(table)])[0]
        if table not in TABLES:
            valid = ", ".join(f"[{t}]" if TABLES[t] is None else f"[[{t}]]" for t in sorted(TABLES))
            raise DictionaryError(f"unknown table {table!r}; valid tables: {valid}", path=str(path), line=line)
        keys = TABLES[table]
        if keys is None:
            if not isinstance(value, dict):
                raise DictionaryError(f"write [{table}] once, with NAME = [\"phrase\", …] lines under it", path=str(path), line=line)
            continue
        if not isinstance(value, list) or not all(isinstance(entry, dict) for entry in value):
            raise DictionaryError(f"write [[{table}]] above each entry (an array of tables)", path=str(path), line=line)
        lines = headers.get(table, [])
        for n, entry in enumerate(value):
            unknown = sorted(set(entry) - keys)
            if unknown:
                raise DictionaryError(
                    f"unknown key {unknown[0]!r} in [[{table}]]; valid keys: {', '.join(sorted(keys))}",
                    path=str(path),
                    line=lines[n] if n < len(lines) else None,
                )


def _event_code(entry: dict, key: str, path: Path, line: int | None) -> str:
    code = entry.get(key)
    if code is None:
        raise DictionaryError(f"pattern has no '{key}' (a CAMEO event code such as \"111\")", path=str(path), line=line)
    if not isinstance(code, str):
        raise DictionaryError(f"'{key}' must be a string such as \"111\", got {code!r}", path=str(path), line=line)
    if not cameo.is_valid(code):
        raise DictionaryError(
            f"unknown CAMEO code {code!r}; event codes are those of CAMEO 1.1b3 in cameo.tsv, written as strings "
            f"with their leading zero (\"010\", \"111\", \"1041\")",
            path=str(path),
            line=line,
        )
    return code


def _strings(entry: dict, key: str, path: Path, line: int | None, *, required: bool = False) -> list[str]:
    """The list of non-empty strings under ``key`` (``[]`` when absent and not ``required``)."""
    value = entry.get(key)
    if value is None and not required:
        return []
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
        raise DictionaryError(f"'{key}' must be a non-empty list of strings, got {value!r}", path=str(path), line=line)
    return [v.strip() for v in value]


def _need_code(entry: dict, path: Path, line: int | None) -> str:
    code = entry.get("code")
    if not isinstance(code, str) or not _CODE.match(code):
        raise DictionaryError(f"missing or bad 'code' {code!r}; codes are upper-case CAMEO codes like RUS or GOV", path=str(path), line=line)
    return code


def _names(entry: dict, path: Path, line: int | None) -> list[str]:
    if "names" not in entry:
        raise DictionaryError("entry needs a non-empty 'names' list of strings", path=str(path), line=line)
    return _strings(entry, "names", path, line)


def _dated(item: object, path: Path, line: int | None) -> DatedCode:
    if not isinstance(item, dict) or "code" not in item:
        raise DictionaryError("each item of 'codes' needs a 'code' (and optional 'from'/'to' dates)", path=str(path), line=line)
    unknown = sorted(set(item) - DATED_CODE_KEYS)
    if unknown:
        raise DictionaryError(f"unknown key {unknown[0]!r} in an item of 'codes'; valid keys: {', '.join(sorted(DATED_CODE_KEYS))}", path=str(path), line=line)
    code = item["code"]
    if not isinstance(code, str) or not _CODE.match(code):
        raise DictionaryError(f"bad actor code {code!r} in 'codes'; codes are upper-case CAMEO codes like RUSGOV", path=str(path), line=line)
    start, end = item.get("from"), item.get("to")
    for value in (start, end):
        if value is not None and not isinstance(value, date):
            raise DictionaryError(f"'from'/'to' must be TOML dates (2012-05-07), got {value!r}", path=str(path), line=line)
    return DatedCode(code, start, end)
