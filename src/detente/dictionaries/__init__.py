"""Dictionaries: one in-memory model (``model.py``) filled by readers for detente's native TOML format
(``native.py``) and the PETRARCH/TABARI text formats (``petrarch/``). Loader warnings are collected in
``Dictionaries.problems``; a file that cannot be read raises ``DictionaryError``.

``load_dictionaries(paths)`` reads the shipped defaults (with ``defaults=False`` only their
``rules.toml``, the engine's statement rules, rewrites and word lists) and then each ``--dict``
directory or file, in order, recognising files by name: ``*.toml`` -> native; ``*verbs*`` or ``CAMEO*`` -> PETRARCH verbs;
``*actors*`` -> actors; ``*agents*`` -> agents; ``*discards*`` -> discards; other files are ignored.
"""

from __future__ import annotations

import time
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable

from detente.dictionaries.model import (
    ActorEntry,
    AgentEntry,
    DatedCode,
    Dictionaries,
    Discard,
    Element,
    Pattern,
    PhraseIndex,
    fold,
    parse_pattern,
)
from detente.dictionaries.rules import Rules, StatementRule
from detente.errors import DictionaryError

__all__ = [
    "ActorEntry",
    "AgentEntry",
    "DatedCode",
    "Dictionaries",
    "Discard",
    "Element",
    "Pattern",
    "PhraseIndex",
    "Rules",
    "StatementRule",
    "default_dictionary_dir",
    "dictionary_kind",
    "fold",
    "load_dictionaries",
    "parse_pattern",
]


RULES_FILE = "rules.toml"


def default_dictionary_dir() -> Path:
    return Path(str(resources.files("detente") / "data" / "dictionaries"))


def dictionary_kind(path: Path) -> str | None:
    """What a file in a ``--dict`` directory holds, by its name; ``None`` for files to ignore."""
    name = path.name.lower()
    if name.endswith(".toml"):
        return "native"
    if not name.endswith(".txt"):
        return None
    if "verbs" in name or name.startswith("cameo"):
        return "verbs"
    if "actors" in name:
        return "actors"
    if "agents" in name:
        return "agents"
    if "discards" in name:
        return "discards"
    return None


KINDS_HELP = "*.toml (native), or PETRARCH *verbs*/CAMEO*, *actors*, *agents*, *discards* .txt files"


def _files(path: Path, into: Dictionaries | None = None) -> list[tuple[str, Path]]:
    """The dictionary files of a ``--dict`` path (a file, or the files of a folder, not its
    subfolders). A folder without one is an error; what a folder holds besides is reported as a
    warning, never skipped silently."""
    if not path.exists():
        raise DictionaryError("no such dictionary file or directory", path=str(path))
    if path.is_dir():
        try:
            entries = sorted(path.iterdir())
        except OSError as exc:
            raise DictionaryError(f"cannot read the folder: {exc.strerror or exc}", path=str(path)) from None
        candidates = [p for p in entries if p.is_file()]
        others = [p.name + ("/" if p.is_dir() else "") for p in entries if not p.is_file() and not p.name.startswith(".")]
    else:
        candidates, others = [path], []
    found = [(kind, p) for p in candidates if (kind := dictionary_kind(p))]
    if path.is_file() and not found:
        raise DictionaryError(f"not a recognised dictionary file; expected {KINDS_HELP}", path=str(path))
    ignored = [p.name for p in candidates if not dictionary_kind(p) and not p.name.startswith(".")] + others
    if path.is_dir() and not found:
        held = f"it holds {', '.join(ignored[:8])}{' …' if len(ignored) > 8 else ''}" if ignored else "it is empty"
        raise DictionaryError(f"no dictionary file in this folder ({held}); expected {KINDS_HELP}; subfolders are not read",
                              path=str(path))
    if ignored and into is not None and path != default_dictionary_dir():
        into.warn(f"not read, not a dictionary file by its name (subfolders are not read): {', '.join(ignored[:8])}"
                  f"{' …' if len(ignored) > 8 else ''}", str(path))
    # synsets and agents first: verb patterns refer to synsets; order within a kind is by name
    order = {"native": 0, "agents": 1, "discards": 2, "actors": 3, "verbs": 4}
    return sorted(found, key=lambda kp: (order[kp[0]], kp[1].name))


def load_dictionaries(paths: Iterable[str | Path] = (), *, defaults: bool = True) -> Dictionaries:
    """The default dictionaries (unless ``defaults=False``) with ``paths`` stacked on top."""
    return _load(tuple(str(p) for p in paths), defaults)


@lru_cache(maxsize=8)
def _load(paths: tuple[str, ...], defaults: bool) -> Dictionaries:
    into = Dictionaries()
    # rules.toml holds the engine's own rules (statements, rewrites, shared word lists): it is read even
    # without the default vocabularies, so --no-default-dict (and validate) code with the same engine
    roots = ([default_dictionary_dir()] if defaults else [default_dictionary_dir() / RULES_FILE]) + [Path(p) for p in paths]
    started = time.perf_counter()
    for root in roots:
        for kind, file in _files(root, into):
            load_file(kind, file, into)
    into.load_seconds = time.perf_counter() - started
    return into


def load_file(kind: str, file: Path, into: Dictionaries) -> None:
    """Add one dictionary file to ``into``; a file that cannot be read as its kind raises
    ``DictionaryError`` naming it, whatever went wrong inside the reader."""
    try:
        with file.open("rb") as fh:
            head = fh.read(8192)
    except OSError as exc:
        raise DictionaryError(f"cannot read the file: {exc.strerror or exc}", path=str(file)) from None
    if b"\x00" in head:
        raise DictionaryError("binary file (NUL bytes), not a dictionary; dictionaries are UTF-8 text", path=str(file))
    try:
        _load_file(kind, file, into)
    except DictionaryError:
        raise
    except (TypeError, ValueError, AttributeError, KeyError, IndexError, RecursionError, UnicodeError) as exc:
        # a value of a type the reader did not expect, deep in an entry: name the file rather than crash
        raise DictionaryError(f"cannot be read as a {kind} dictionary ({type(exc).__name__}: {exc})", path=str(file)) from None


def _load_file(kind: str, file: Path, into: Dictionaries) -> None:
    if kind == "native":
        from detente.dictionaries.native import load_native

        load_native(file, into)
        return
    from detente.dictionaries import petrarch

    reader = {
        "verbs": petrarch.load_verbs,
        "actors": petrarch.load_actors,
        "agents": petrarch.load_agents,
        "discards": petrarch.load_discards,
    }[kind]
    reader(file, into)
