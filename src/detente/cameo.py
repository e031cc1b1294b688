"""CAMEO and PLOVER tables (pinned revisions) and the scores every event carries.

- CAMEO event codes and names: **CAMEO 1.1b3** as in the CAMEO manual / ICEWS table (312 codes,
  1213 included). GDELT's ``CAMEO.eventcodes`` lookup follows an older revision in which the DEMAND
  sub-codes 101-108 mean other things (GDELT 106 "Demand withdrawal" is 1.1b3 106 "Demand meeting,
  negotiation"); detente's dictionaries and the PLOVER table follow 1.1b3, so a code means what the
  manual says. Users joining detente output to GDELT data should mind codes 101-108.
- Goldstein weights: **GDELT's 2013 lookup** (the 2020 copy lost code 106 to a broken line; ICEWS
  differs on 016, 022, 164, 165); 1213, absent from GDELT, takes the ICEWS weight (-4.0).
- PLOVER: the **2021 CAMEO->PLOVER table** (PLOVER manual draft 0.8, 17 Sep 2021). Roots 01 (statements)
  and 02 (appeals) have no PLOVER category there; 08 splits into CONCEDE (081-083) and RETREAT
  (084-087).
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


# CAMEO codes an announced or intended action as the statement of intent, not as the action:
# cooperation one will undertake is 03 (express intent to …), coercion one will inflict is 13
# (threaten …) — CAMEO manual ch. 2, codes 03 and 13 ("verbal commitments" and "threats" of the
# actions of 04-08 and 14-20). Keys are code prefixes, longest first.
_FUTURE = {
    "04": "036", "05": "032", "057": "030", "06": "031", "061": "0311", "062": "0312", "063": "0313",
    "064": "0314", "07": "033", "071": "0331", "072": "0332", "073": "0333", "074": "0334", "075": "033",
    "08": "035", "081": "0351", "082": "0352", "083": "034", "0831": "0341", "0832": "0342",
    "0833": "0343", "0834": "0344", "084": "0353", "085": "0354", "086": "0355", "087": "0356",
    "14": "133", "15": "138", "16": "131", "161": "1313", "162": "1311", "163": "1312", "164": "134",
    "165": "135", "166": "136", "17": "137", "171": "137", "172": "132", "1721": "1321", "1722": "1322",
    "1723": "1323", "1724": "1324", "173": "137", "174": "137", "18": "1383", "19": "138", "191": "1381",
    "192": "1382", "190": "1384", "193": "1384", "194": "1384", "195": "1384", "20": "1385",
}


def future_code(code: str) -> str | None:
    """The intent (03) or threat (13) code for an action announced or intended but not (yet) done;
    ``None`` when the code is not an action (statements, appeals, demands, threats themselves)."""
    for cut in (4, 3, 2):
        if code[:cut] in _FUTURE and len(code) >= cut:
            return _FUTURE[code[:cut]]
    return None


# An action one says one will not take, of the cooperative kinds, is a refusal: CAMEO 12 (reject …).
_REFUSAL = {
    "03": "120", "030": "120", "031": "121", "0311": "1211", "0312": "1212", "032": "120", "033": "122",
    "0331": "1221", "0332": "1222", "0333": "1223", "0334": "1224", "034": "123", "035": "124",
    "0351": "1241", "0352": "1242", "0353": "1243", "0354": "1244", "0355": "1245", "0356": "1246",
    "036": "125", "037": "120", "038": "126", "039": "126",
    "04": "125", "045": "126", "05": "120", "057": "127", "06": "121", "061": "1211", "062": "1212",
    "07": "122", "071": "1221", "072": "1222", "073": "1223", "074": "1224", "08": "124", "081": "1241",
    "082": "1242", "083": "123", "084": "1243", "085": "1244", "086": "1245", "087": "1246",
}


def refusal_code(code: str) -> str | None:
    """The reject (12) code for a cooperative action (03-08) one says one will not take."""
    for cut in (4, 3, 2):
        if len(code) >= cut and code[:cut] in _REFUSAL:
            return _REFUSAL[code[:cut]]
    return None


# What one says another must do is a demand (CAMEO 10): the demanded action picks the sub-code.
_DEMAND = {
    "04": "106", "05": "102", "06": "101", "061": "1011", "062": "1012", "063": "1013", "064": "1014",
    "07": "103", "071": "1031", "072": "1032", "073": "1033", "074": "1034", "08": "105", "081": "1051",
    "082": "1052", "083": "104", "0831": "1041", "0832": "1042", "0833": "1043", "0834": "1044",
    "084": "1053", "085": "1054", "086": "1055", "087": "1056", "037": "107", "045": "108", "039": "108",
}


def demand_code(code: str | None) -> str:
    """The demand (10) code for "X says Y must <action of code>"; 100 when the action is not one CAMEO
    has a demand for (or unknown)."""
    if code:
        for cut in (4, 3, 2):
            if len(code) >= cut and code[:cut] in _DEMAND:
                return _DEMAND[code[:cut]]
    return "100"
