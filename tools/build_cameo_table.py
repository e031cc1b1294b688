"""Rebuild src/detente/data/cameo.tsv from the reference tables in ../shared/reference.

The table carries facts only; the choices, recorded in detente/cameo.py:
- codes and names: CAMEO 1.1b3 as in the ICEWS/CAMEO-manual table (icews-cameo/cameo-codes.csv).
  GDELT's CAMEO.eventcodes lookup follows an older revision whose DEMAND sub-codes 101-108 mean other
  things (GDELT 106 'Demand withdrawal' is CAMEO 1.1b3 106 'Demand meeting, negotiation'); detente's
  dictionaries and the PLOVER table follow CAMEO 1.1b3, so its names are used.
- Goldstein weights: GDELT's 2013 lookup (it has 106 = -5.0, which the 2020 copy lost to a broken
  line); for 1213, which GDELT lacks, the ICEWS weight.
- PLOVER category, mode and context: CAMEO2PLOVER-2021 (PLOVER draft 0.8); a context of several
  values keeps the table's ';' between them ("military;legal").

Run from the repository root:

    python tools/build_cameo_table.py ../shared/reference > src/detente/data/cameo.tsv
"""

import csv
import re
import sys
from pathlib import Path


def main(ref: Path) -> None:
    with open(ref / "icews-cameo/cameo-codes.csv", encoding="latin-1", newline="") as fh:
        manual = [(r["code"].strip(), " ".join(r["name"].split()), r["goldstein"]) for r in csv.DictReader(fh)]
    weights = {}
    for line in (ref / "gdelt-cameo-lookups/CAMEO.goldsteinscale.2013.txt").read_text().splitlines()[1:]:
        if line.strip():
            code, weight = line.strip().split("\t")
            weights[code] = float(weight)
    plover = {}
    for line in (ref / "plover/CAMEO2PLOVER-2021.txt").read_text().splitlines():
        m = re.match(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,\s*([^,#]*))?(?:,\s*([^,#]*))?", line)
        if m and (len(m.group(1)) > 2 or m.group(1) not in plover):
            plover[m.group(1)] = (m.group(2), (m.group(3) or "").strip(), (m.group(4) or "").strip())
    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    out.writerow(["code", "name", "goldstein", "plover", "plover_mode", "plover_context"])
    for code, name, icews_weight in sorted(manual, key=lambda r: (r[0][:2], r[0])):
        cat, mode, context = plover.get(code, ("", "", ""))
        weight = weights.get(code)
        if weight is None and icews_weight not in ("", "NA"):
            weight = float(icews_weight)
        out.writerow([code, name, "" if weight is None else weight, cat, mode, context])


if __name__ == "__main__":
    main(Path(sys.argv[1]))
