"""Rebuild src/detente/data/cameo.tsv from the reference tables in ../shared/reference.

The table carries facts only: each CAMEO event code, its name (GDELT's CAMEO.eventcodes), its
Goldstein weight (GDELT 2013 lookup, which has code 106 = -5.0 that the 2020 copy lacks), and its
PLOVER 2021 category and mode (CAMEO2PLOVER-2021, PLOVER draft 0.8). Run from the repository root:

    python tools/build_cameo_table.py ../shared/reference > src/detente/data/cameo.tsv
"""

import csv
import re
import sys
from pathlib import Path


def main(ref: Path) -> None:
    names = dict(
        line.rstrip("\r\n").split("\t", 1)
        for line in (ref / "gdelt-cameo-lookups/CAMEO.eventcodes.txt").read_text().splitlines()[1:]
        if line.strip()
    )
    for code, name in list(names.items()):
        # the GDELT file has one broken line where code 106 runs into the end of 1056's name
        m = re.match(r"^(.*?)(\d{3,4}):\[(-?[\d.]+)\]\s*(.+)$", name)
        if m:
            names[code] = m.group(1)
            names[m.group(2)] = m.group(4)
    weights = {}
    for line in (ref / "gdelt-cameo-lookups/CAMEO.goldsteinscale.2013.txt").read_text().splitlines()[1:]:
        if line.strip():
            code, weight = line.strip().split("\t")
            weights[code] = float(weight)
    plover = {}
    for line in (ref / "plover/CAMEO2PLOVER-2021.txt").read_text().splitlines():
        m = re.match(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,\s*([^,#]*))?", line)
        if m and (len(m.group(1)) > 2 or m.group(1) not in plover):
            plover[m.group(1)] = (m.group(2), (m.group(3) or "").strip())
    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    out.writerow(["code", "name", "goldstein", "plover", "plover_mode"])
    for code in sorted(names, key=lambda c: (c[:2], c)):
        cat, mode = plover.get(code, ("", ""))
        weight = weights.get(code)
        out.writerow([code, names[code].strip(), "" if weight is None else weight, cat, mode])


if __name__ == "__main__":
    main(Path(sys.argv[1]))
