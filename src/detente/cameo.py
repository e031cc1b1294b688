"""CAMEO and PLOVER tables (pinned revisions) and the scores every event carries.

- CAMEO event codes and names: **CAMEO 1.1b3** as in the CAMEO manual / ICEWS table (312 codes,
  1213 included). GDELT's ``CAMEO.eventcodes`` lookup follows an older revision in which the DEMAND
  sub-codes 101-108 mean other things (GDELT 106 "Demand withdrawal" is 1.1b3 106 "Demand meeting,
  negotiation"); detente's dictionaries and the PLOVER table follow 1.1b3, so a code means what the
  manual says. Users joining detente output to GDELT data should mind codes 101-108.
- Goldstein weights: **GDELT's 2013 lookup** (the 2020 copy lost code 106 to a broken line; ICEWS
  differs on 016, 022, 164, 165); 1213, absent from GDELT, takes the ICEWS weight (-4.0).
- PLOVER: the **2021 CAMEO->PLOVER table** (PLOVER manual draft 0.8, 17 Sep 2021): category, mode and
  context. Roots 01 (statements) and 02 (appeals) have no PLOVER category there; 08 splits into
  CONCEDE (081-083) and RETREAT (084-087).
- Quad class: GDELT's ``QuadClass`` by CAMEO root (1 verbal cooperation 01-05, 2 material cooperation
  06-08, 3 verbal conflict 09-13, 4 material conflict 14-20). ``plover_quad`` gives PLOVER's own quad.

The table lives in ``data/cameo.tsv``, rebuilt from the reference files by ``tools/build_cameo_table.py``.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

CAMEO_REVISION = "CAMEO 1.1b3 (CAMEO manual / ICEWS code table)"
GOLDSTEIN_REVISION = "GDELT CAMEO.goldsteinscale 2013"
PLOVER_REVISION = "CAMEO2PLOVER-2021 (PLOVER draft 0.8, 2021-09-17)"

PLOVER_QUAD = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
    "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
    "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}


@dataclass(frozen=True)
class CameoCode:
    code: str
    name: str
    goldstein: float | None
    plover: str | None
    plover_mode: str | None
    plover_contexts: tuple[str, ...] = ()  # PLOVER context tags ("military", "legal"), several for some codes

    @property
    def root(self) -> str:
        return self.code[:2]

    @property
    def quad_class(self) -> int | None:
        return quad_class(self.code)


@lru_cache(maxsize=1)
def table() -> dict[str, CameoCode]:
    """Every CAMEO event code, keyed by its string ("010" is not "10")."""
    path = resources.files("detente") / "data" / "cameo.tsv"
    with path.open(encoding="utf-8") as fh:
        rows = csv.DictReader(fh, delimiter="\t")
        return {
            r["code"]: CameoCode(
                r["code"],
                r["name"],
                float(r["goldstein"]) if r["goldstein"] else None,
                r["plover"] or None,
                r["plover_mode"] or None,
                tuple(c.strip() for c in (r.get("plover_context") or "").split(";") if c.strip()),
            )
            for r in rows
        }


def lookup(code: str) -> CameoCode | None:
    """The entry for ``code``; an unknown 4-digit code falls back to its 3-digit parent (PETRARCH
    dictionaries carry a few local codes such as ``075A``)."""
    entries = table()
    if code in entries:
        return entries[code]
    digits = "".join(ch for ch in code if ch.isdigit())
    for cut in (len(digits), 3, 2):
        if digits[:cut] in entries:
            return entries[digits[:cut]]
    return None


def scores(code: str) -> dict:
    """The fields an ``Event`` carries for ``code``: PLOVER category and mode, quad class, Goldstein."""
    entry = lookup(code)
    return {
        "plover": entry.plover if entry else None,
        "plover_mode": entry.plover_mode if entry else None,
        "quad_class": quad_class(code),
        "goldstein": entry.goldstein if entry else None,
    }


# the organs of a state: government, military, police, intelligence, courts, legislature
STATE_ROLES = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})


def actor_roles(code: str) -> set[str]:
    """The role codes after an actor code's country part: ``USAGOVMIL`` -> {"GOV", "MIL"}, ``RUS`` -> set()."""
    return {code[i : i + 3] for i in range(3, len(code), 3)}


def is_valid(code: str) -> bool:
    return code in table()


def quad_class(code: str) -> int | None:
    """GDELT's QuadClass of a CAMEO code; ``None`` for a code that is not CAMEO (a dictionary's own)."""
    if not code[:2].isdigit():
        return None
    root = int(code[:2])
    if not 1 <= root <= 20:
        return None
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def plover_quad(category: str | None) -> int | None:
    return PLOVER_QUAD.get(category) if category else None
