"""Actor roll-up: which country (or other actor) an actor code counts toward in the analyses.

A code counts toward the country named by its first three letters when those letters are a country
code of detente's country table (``data/dictionaries/countries.toml``): ``RUSGOV`` -> ``RUS``,
``USAMIL`` -> ``USA``, ``USAPRI`` -> ``USA``. Any other code (``IGOUNO``, ``NGO…``, an unknown
code) rolls up to itself. This is the usual country-level aggregation of CAMEO actor codes (the
first three characters of a CAMEO actor code are its country, CAMEO manual ch. 1; GDELT's
``Actor1CountryCode``). It does not look at an actor's role or at dated codes: the code as stored
decides. The roll-up is done in SQL (``rolled_sql``) so series are computed inside DuckDB.
"""

from __future__ import annotations

import re
from functools import lru_cache

from detente.dictionaries.countries import country_codes as shared_country_codes
from detente.errors import UserInputError

_COUNTRY = re.compile(r"^[A-Z]{3}$")


@lru_cache(maxsize=1)
def country_codes() -> frozenset[str]:
    """The three-letter country codes of the shipped country table (``[[country]]`` entries), as the
    store's queries and the exports read them (``dictionaries.countries``: one table for all)."""
    return frozenset(c for c in shared_country_codes() if _COUNTRY.match(c))


def rollup(code: str | None) -> str | None:
    """The code an actor counts toward: its country, or itself (``None`` stays ``None``)."""
    if code is None:
        return None
    return code[:3] if code[:3] in country_codes() else code


def rolled_sql(column: str) -> str:
    """A DuckDB expression for the rolled-up value of ``column`` (the country list is inlined: the
    codes are three capital letters from our own table, so nothing user-given enters the SQL)."""
    codes = ",".join(f"'{c}'" for c in sorted(country_codes()))
    return f"(CASE WHEN left({column}, 3) IN ({codes}) THEN left({column}, 3) ELSE {column} END)"


def actor_sql(column: str, exact: bool) -> str:
    """The column as coded (``exact``) or rolled up."""
    return column if exact else rolled_sql(column)


def rollup_map_sql(table: str = "events") -> str:
    """A relation (``code``, ``rolled``) over the distinct actor codes of ``table``: the roll-up is
    computed once per distinct code (a few thousand) and joined, not evaluated on every row."""
    return (f"(SELECT code, {rolled_sql('code')} AS rolled FROM "
            f"(SELECT source AS code FROM {table} UNION SELECT target FROM {table}) WHERE code IS NOT NULL)")


def match_sql(column: str, code: str, exact: bool) -> str:
    """A cheap predicate on the raw ``column`` equivalent to "``column`` rolls up to ``code``"
    (``code`` already checked by ``check_actor``): a country matches on its three letters, any other
    code on itself (and only when its own first three letters are not a country)."""
    if exact:
        return f"{column} = '{code}'"
    if code in country_codes():
        return f"left({column}, 3) = '{code}'"
    return f"{column} = '{code}'"


def check_actor(code: str, exact: bool) -> str:
    """The code a user asked for, upper-cased and checked: with roll-up on, a code that rolls up to
    another (``RUSGOV``) can match nothing, so it is refused with the way out."""
    clean = code.strip().upper()
    if not clean or not re.fullmatch(r"[A-Z0-9]+", clean):
        raise UserInputError(f"actor code {code!r} is not a CAMEO actor code (letters and digits, e.g. RUS, USAGOV, IGOUNO)")
    if not exact and rollup(clean) != clean:
        raise UserInputError(
            f"actor code {clean} rolls up to {rollup(clean)}: ask for {rollup(clean)} (which counts {clean} and every "
            f"other {rollup(clean)}… code), or add --exact to count {clean} alone"
        )
    return clean
