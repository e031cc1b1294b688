"""What the geo stage costs: whole ``detente code`` processes on the bundled sample corpus with and
without it, the stage's own time inside one process, and the gazetteer's load time in a fresh process.

    python benchmarks/bench_geo.py [--runs 5] [--repeat 5]

``--repeat`` copies the sample corpus that many times into one JSONL input (41 articles each), so a
process spends its time coding rather than starting. Runs alternate with and without the stage
(``DETENTE_STAGES``) and the medians are compared, CPU time (user + system of the process) first:
on a shared machine wall time swings with other work. Not a test: speed is reported, never asserted
(``docs/geo.md`` keeps the figures).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from stage_timing import time_stages

from detente.explain import sample_corpus
from detente.settings import Settings

DETENTE = [str(Path(sys.executable).with_name("detente"))]  # the installed command, as users run it


def corpus(repeat: int, out: Path) -> int:
    lines = [json.loads(x) for x in Path(sample_corpus()).read_text(encoding="utf-8").splitlines() if x.strip()]
    with out.open("w", encoding="utf-8") as fh:
        for n in range(repeat):
            for record in lines:
                fh.write(json.dumps({**record, "id": f"{record.get('id', 'a')}#{n}"}) + "\n")
    return len(lines) * repeat


def run(path: Path, stages: tuple[str, ...]) -> tuple[float, float]:
    """(wall seconds, CPU seconds: user + system) of one ``detente code`` process. CPU time is the
    figure to compare on a shared machine, where wall time swings with other work."""
    env = {**os.environ, "DETENTE_STAGES": ",".join(stages)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run([*DETENTE, "code", str(path), "--date", "2021-04-15"], env=env, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def in_process(path: Path) -> tuple[float, float]:
    """(geo stage seconds, all stages + parse seconds) inside one process."""
    from detente.ingest import read_articles
    from detente.pipeline import Pipeline

    pipeline = Pipeline(Settings())
    pipeline.parser
    articles = list(read_articles([str(path)]))
    t0 = time.perf_counter()
    docs = list(pipeline.parser.parse(iter(articles)))
    total = time.perf_counter() - t0
    _, seconds = time_stages(pipeline, docs)
    return seconds.get("geo", 0.0), total + sum(seconds.values())


def gazetteer_load() -> float:
    # the import of detente itself (spaCy and the rest) is not the gazetteer's: time from after it
    code = ("import time; from detente.dictionaries.gazetteer import gazetteer; t = time.perf_counter(); "
            "g = gazetteer(); g.lookup('Aleppo'); print(time.perf_counter() - t)")
    return float(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    with_geo = Settings().stages
    without = tuple(s for s in with_geo if s != "geo")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "sample.jsonl")
        n = corpus(args.repeat, path)
        times: dict[str, list[tuple[float, float]]] = {"with": [], "without": []}
        for _ in range(args.runs):
            times["without"].append(run(path, without))
            times["with"].append(run(path, with_geo))
        print(f"detente code, {n} articles (sample corpus x{args.repeat}), median of {args.runs} whole processes:")
        for k, what in ((1, "CPU"), (0, "wall")):
            a = statistics.median(t[k] for t in times["with"])
            b = statistics.median(t[k] for t in times["without"])
            print(f"  {what:<4} with geo {a:7.2f} s, without {b:7.2f} s: geo adds {a - b:+.2f} s ({100 * (a - b) / b:+.1f}%)"
                  f"   [with: {', '.join(f'{t[k]:.2f}' for t in times['with'])}; without: {', '.join(f'{t[k]:.2f}' for t in times['without'])}]")
        geo, total = in_process(path)
        print(f"in one process: geo stage {geo:.3f} s of {total:.2f} s parse + stages ({100 * geo / total:.2f}%)")
    loads = [gazetteer_load() for _ in range(args.runs)]
    print(f"gazetteer load in a fresh process (first lookup): median {statistics.median(loads):.3f} s  "
          f"({', '.join(f'{t:.3f}' for t in loads)})")


if __name__ == "__main__":
    main()
