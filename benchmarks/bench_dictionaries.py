"""How long the PETRARCH reference dictionaries (CAMEO.2.0 verbs + the Phoenix actors, agents and
discards in ../shared/reference/petrarch-cameo-dictionaries) and detente's own defaults take to load,
each in a fresh process, median of N runs. PETRARCH2 takes 0.9-1.4 s for the reference set; detente's
target is under 2 s. Speed lives here, not in the tests (a loaded CI machine would fail a timed test).

    python benchmarks/bench_dictionaries.py [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT.parent / "shared" / "reference" / "petrarch-cameo-dictionaries"
FILES = [("agents", "Phoenix.agents.txt"), ("discards", "Phoenix.discards.txt"), ("actors", "Phoenix.Countries.actors.txt"),
         ("actors", "Phoenix.International.actors.txt"), ("actors", "Phoenix.MilNonState.actors.txt"), ("verbs", "CAMEO.2.0.txt")]

ONE_RUN = """
import sys, time
from pathlib import Path
from detente.dictionaries import petrarch, load_dictionaries
from detente.dictionaries.model import Dictionaries
which, folder = sys.argv[1], Path(sys.argv[2])
started = time.perf_counter()
if which == "reference":
    into = Dictionaries()
    for kind, name in %r:
        getattr(petrarch, "load_" + kind)(folder / name, into)
else:
    load_dictionaries()
print(time.perf_counter() - started)
""" % (FILES,)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    sets = [("detente defaults", "defaults")]
    if REFERENCE.is_dir():
        sets.insert(0, ("PETRARCH reference (CAMEO.2.0 + Phoenix)", "reference"))
    else:
        print(f"skipping the reference set: {REFERENCE} not found")
    for label, which in sets:
        times = [float(subprocess.run([sys.executable, "-c", ONE_RUN, which, str(REFERENCE)], check=True, capture_output=True, text=True).stdout)
                 for _ in range(args.runs)]
        print(f"{label}: median {statistics.median(times):.2f} s over {args.runs} fresh processes (min {min(times):.2f}, max {max(times):.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
