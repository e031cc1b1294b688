"""How the alert defaults were chosen: false alarms on noise and planted escalations found.

    python tools/calibrate_alerts.py [--seeds 40]

Noise: one dyad, 104 weeks, Poisson(rate) events a week with codes drawn at random from a mix of
conflict and cooperation codes, rates 0.5, 2, 5 and 15 in turn (``--seeds`` series). Planted: 60
weeks of Poisson(2 or 5) noise plus, in week 50, ``3 x rate + 4`` material-conflict events (about 4x
the usual week). Each row prints the false alarms over all noise dyad-weeks and how many planted
escalations were alerted in their week, for a grid of (history weeks, min_scale, threshold); the
defaults in ``analyze/alerts.py`` are the row ``12 1.5 3.5``. The figures are in docs/analysis.md.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from detente.analyze import connect, find_alerts  # noqa: E402
from events_db import event, make_db  # noqa: E402

START = date(2020, 1, 6)
CODES = ["111", "112", "130", "138", "163", "172", "190", "010", "042"]
GRID = [(12, 1.0, 3.5), (26, 1.0, 3.5), (12, 1.5, 3.5), (26, 1.5, 3.5), (12, 2.0, 3.5), (12, 1.5, 3.0)]


def noise(rng, weeks: int, rate: float) -> list[dict]:
    return [event("RUS", "USA", START + timedelta(weeks=w, days=int(rng.integers(0, 7))), CODES[rng.integers(len(CODES))])
            for w in range(weeks) for _ in range(rng.poisson(rate))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=40)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp())
    noisy, planted = [], []
    for seed in range(args.seeds):
        rng = np.random.default_rng(seed)
        noisy.append(make_db(folder / f"noise{seed}.duckdb", noise(rng, 104, [0.5, 2, 5, 15][seed % 4])))
    for seed in range(10):
        rng = np.random.default_rng(100 + seed)
        rate = [2, 5][seed % 2]
        rows = noise(rng, 60, rate) + [event("RUS", "USA", START + timedelta(weeks=50, days=2), ["172", "190", "163"][rng.integers(3)])
                                       for _ in range(int(3 * rate) + 4)]
        planted.append(make_db(folder / f"planted{seed}.duckdb", rows))
    week = START + timedelta(weeks=50)
    print(f"{'history':>7} {'min_scale':>9} {'threshold':>9}  false alarms / dyad-weeks   planted found")
    for history, scale, threshold in GRID:
        kw = dict(history_weeks=history, min_scale=scale, threshold=threshold)
        false = sum(len(find_alerts(connect(p), **kw).alerts) for p in noisy)
        found = sum(any(a.week == week for a in find_alerts(connect(p), **kw).alerts) for p in planted)
        print(f"{history:7} {scale:9} {threshold:9}  {false:5} / {len(noisy) * 104:<17}   {found} / {len(planted)}")


if __name__ == "__main__":
    main()
