"""The shipped country table (``data/dictionaries/countries.toml``) and organisation names as plain
lookups, for code that works on actor codes rather than text: exports (GDELT's ``Actor1CountryCode``),
queries (``--source RUS`` also matching ``RUSGOV``) and imports (ICEWS country names -> CAMEO codes).

What it does not do: resolve actors in text (that is ``actors/``, with every dictionary stacked) or read
a user's ``--dict`` files: these tables are the shipped defaults only, so a code or a name means the same
in every database, whatever dictionaries coded it.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources


def _load(name: str) -> dict:
    path = resources.files("detente") / "data" / "dictionaries" / name
    with path.open("rb") as fh:
        return tomllib.load(fh)


@lru_cache(maxsize=1)
def country_codes() -> frozenset[str]:
    """Every ``[[country]]`` code of the shipped table (``RUS``, ``USA``, ``USAPRI``...)."""
    return frozenset(entry["code"] for entry in _load("countries.toml").get("country", ()) if entry.get("code"))


def country_of_code(code: str | None) -> str | None:
    """The country an actor code belongs to: its first three letters when those are a country code
    (``RUSGOV`` -> ``RUS``), else ``None`` (``IGOUNO``, ``---GOV``)."""
    if not code or len(code) < 3:
        return None
    head = code[:3]
    return head if head in country_codes() else None


def fold_name(name: str) -> str:
    """A name reduced for lookup: case-folded, inverted ISO-style names put back in order ("Korea,
    Republic of" -> "republic of korea"), a leading "the", dots and extra spaces dropped."""
    text = " ".join(name.replace(".", "").split()).casefold()
    m = re.fullmatch(r"(.+?),\s*(.+)", text)
    if m:
        text = f"{m.group(2)} {m.group(1)}"
    return text.removeprefix("the ").strip()


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    table: dict[str, str] = {}
    countries = _load("countries.toml")
    for entry in countries.get("country", ()):
        for name in entry.get("names", ()):
            table.setdefault(fold_name(name), entry["code"])
    for entry in countries.get("actor", ()):
        if entry.get("kind") == "country":
            for name in entry.get("names", ()):
                table.setdefault(fold_name(name), entry["code"])
    for entry in _load("organizations.toml").get("actor", ()):
        if entry.get("kind") == "organization":
            for name in entry.get("names", ()):
                table.setdefault(fold_name(name), entry["code"])
    return table


@lru_cache(maxsize=1)
def _regions() -> dict[str, str]:
    countries = _load("countries.toml")
    own = {fold_name(n) for entry in countries.get("country", ()) for n in entry.get("names", ())}
    table: dict[str, str] = {}
    for entry in countries.get("actor", ()):
        if entry.get("kind") == "country" and len(entry.get("code", "")) == 3:
            for name in entry.get("names", ()):
                if fold_name(name) not in own:
                    table.setdefault(fold_name(name), entry["code"])
    return table


def region_of_name(name: str | None) -> str | None:
    """The country code of a region the shipped table lists under a country, named exactly ``name``
    ("Crimea" -> ``UKR``, "West Bank" -> ``PSE``): an ``[[actor]]`` of kind country that is not one of
    the country's own names. ``None`` for a country's own name ("Ukraine") or anything else."""
    if not name:
        return None
    return _regions().get(fold_name(name))


def code_of_name(name: str | None) -> str | None:
    """The CAMEO code the shipped tables give a country or international organisation named exactly
    ``name`` (case and a leading "the" aside): "Russian Federation" -> ``RUS``, "United Nations" ->
    ``IGOUNO``; ``None`` when no entry has that name."""
    if not name:
        return None
    return _names().get(fold_name(name))
