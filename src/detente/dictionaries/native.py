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

from detente.dictionaries.model import (
    ActorEntry,
    AgentEntry,
    DatedCode,
    Dictionaries,
    parse_pattern,
    pattern_id,
    phrases,
)
from detente.errors import DictionaryError

_CODE = re.compile(r"^[A-Z0-9~-]{3,}$")
_EVENT_CODE = re.compile(r"^\d{2,4}[A-Z]?$")
_SLUG = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


def load_native(path: Path, into: Dictionaries) -> None:
    """Add the entries of one native TOML file to ``into``."""
    text = path.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DictionaryError(f"not valid TOML: {exc}", path=str(path)) from None
    name = path.name
    headers = _header_lines(text)

    def where(table: str, n: int) -> int | None:
        lines = headers.get(table, [])
        return lines[n] if n < len(lines) else None

    for key, value in (data.get("synsets") or {}).items():
        into.synsets[key.upper()] = phrases(value)

    for n, entry in enumerate(data.get("country", [])):
        line = where("country", n)
        code = _need_code(entry, path, line)
        names = _names(entry, path, line)
        canonical = names[0]
        eid = f"{name}:{line}"
        for form in ("names", "adjectives", "demonyms", "capitals"):
            for alias in entry.get(form, []):
                kind = "country"
                into.actors.add(alias, ActorEntry(eid, canonical, kind, code, form={"names": "name"}.get(form, form[:-1])))

    for n, entry in enumerate(data.get("actor", [])):
        line = where("actor", n)
        names = _names(entry, path, line)
        codes = tuple(_dated(c, path, line) for c in entry.get("codes", []))
        code = entry.get("code")
        if code is not None and not _CODE.match(code):
            raise DictionaryError(f"bad actor code {code!r}; codes are upper-case CAMEO codes like RUSGOV", path=str(path), line=line)
        if code is None and not codes:
            raise DictionaryError("actor has neither 'code' nor 'codes'", path=str(path), line=line)
        actor = ActorEntry(f"{name}:{line}", names[0], entry.get("kind", "organization"), code, codes, entry.get("role"))
        for alias in names:
            into.actors.add(alias, actor)

    for n, entry in enumerate(data.get("agent", [])):
        line = where("agent", n)
        code = _need_code(entry, path, line)
        alone = bool(entry.get("alone", True))
        for alias in _names(entry, path, line):
            into.agents.add(alias, AgentEntry(f"{name}:{line}", alias, code, alone))

    for n, entry in enumerate(data.get("discard", [])):
        for phrase in _names(entry, path, where("discard", n)):
            into.discards.add(phrase, phrase)

    seen: dict[tuple[str, str, str], int | None] = {}  # (pos, trigger, text) -> line, in this file
    for n, entry in enumerate(data.get("pattern", [])):
        line = where("pattern", n)
        code = str(entry.get("code", ""))
        if not _EVENT_CODE.match(code):
            raise DictionaryError(f"bad event code {code!r}; CAMEO event codes are 2-4 digits", path=str(path), line=line)
        prefix = entry.get("id", path.stem)
        if not isinstance(prefix, str) or not _SLUG.match(prefix):
            raise DictionaryError(
                f"bad id {prefix!r}: a short slug of letters, digits, '_', '.' and '-' (rule ids are id:trigger:pattern)",
                path=str(path),
                line=line,
            )
        texts = entry.get("patterns") or ([entry["pattern"]] if "pattern" in entry else ["*"])
        triggers = [("verb", v) for v in entry.get("verbs", [])] + [("noun", v) for v in entry.get("nouns", [])]
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
                        code2=entry.get("code2"),
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


def _header_lines(text: str) -> dict[str, list[int]]:
    lines: dict[str, list[int]] = {}
    for lineno, line in enumerate(text.splitlines(), 1):
        m = re.match(r"\s*\[\[\s*([A-Za-z_]+)\s*\]\]", line)
        if m:
            lines.setdefault(m.group(1), []).append(lineno)
    return lines


def _need_code(entry: dict, path: Path, line: int | None) -> str:
    code = entry.get("code")
    if not isinstance(code, str) or not _CODE.match(code):
        raise DictionaryError(f"missing or bad 'code' {code!r}", path=str(path), line=line)
    return code


def _names(entry: dict, path: Path, line: int | None) -> list[str]:
    names = entry.get("names") or ([entry["name"]] if "name" in entry else [])
    if not names or not all(isinstance(n, str) and n.strip() for n in names):
        raise DictionaryError("entry needs a non-empty 'names' list of strings", path=str(path), line=line)
    return [n.strip() for n in names]


def _dated(item: dict, path: Path, line: int | None) -> DatedCode:
    if not isinstance(item, dict) or "code" not in item:
        raise DictionaryError("each item of 'codes' needs a 'code' (and optional 'from'/'to' dates)", path=str(path), line=line)
    start, end = item.get("from"), item.get("to")
    for value in (start, end):
        if value is not None and not isinstance(value, date):
            raise DictionaryError(f"'from'/'to' must be TOML dates (2012-05-07), got {value!r}", path=str(path), line=line)
    return DatedCode(item["code"], start, end)
