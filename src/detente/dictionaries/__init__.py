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


def _files(path: Path) -> list[tuple[str, Path]]:
    if not path.exists():
        raise DictionaryError("no such dictionary file or directory", path=str(path))
    candidates = sorted(p for p in path.iterdir() if p.is_file()) if path.is_dir() else [path]
    found = [(kind, p) for p in candidates if (kind := dictionary_kind(p))]
    if path.is_file() and not found:
        raise DictionaryError(
            "not a recognised dictionary file; expected *.toml (native), or PETRARCH *verbs*/CAMEO*, *actors*, *agents*, *discards* .txt files",
            path=str(path),
        )
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
        for kind, file in _files(root):
            load_file(kind, file, into)
    into.load_seconds = time.perf_counter() - started
    return into


def load_file(kind: str, file: Path, into: Dictionaries) -> None:
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
