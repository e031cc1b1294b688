"""What the store adds to coding: ``detente ingest`` (code + DuckDB) against ``detente code`` (code +
JSONL) on the bundled sample corpus, repeated, in one process with the model loaded once.

    python benchmarks/bench_ingest.py [--repeat 5] [--runs 3] [--store-batch 32]

For each of ``--runs`` rounds (code and ingest alternate, so drift hits both) it times:

- code    the pipeline over the corpus, every event written as a JSONL record (what ``detente code`` does);
- ingest  the pipeline over the corpus, every coded article written to a fresh store (``detente ingest``),
          with the time spent inside the writer measured on its own;
- store   the same coded articles written again to a fresh store without coding (the store alone).

Prints the median of the rounds: seconds, articles/s and events/s of each, the ingest overhead over
code, and the writer's own time as a share of coding. Not a test: speed is reported, never asserted.
"""

from __future__ import annotations

import argparse
import io
import platform
import statistics
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from detente import export
from detente.explain import sample_corpus
from detente.ingest import read_articles
from detente.pipeline import Pipeline
from detente.settings import Settings
from detente.store import Writer


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5, help="copies of the sample corpus (41 articles each)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--store-batch", type=int, default=Settings().store_batch)
    args = ap.parse_args()
    base = list(read_articles([str(sample_corpus())]))
    articles = [replace(a, id=f"{a.id}#{n}") for n in range(args.repeat) for a in base]
    pipeline = Pipeline(Settings())
    pipeline.parser  # load the model outside the timing
    list(pipeline.code(iter(articles[:5])))  # warm up

    code_s, ingest_s, writer_s, store_s = [], [], [], []
    events = 0
    coded_once = None
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(args.runs):
            t0 = time.perf_counter()
            sink = io.StringIO()
            export.write_records(export.event_records(pipeline.code(iter(articles))), sink, "jsonl", export.EVENT_FIELDS)
            code_s.append(time.perf_counter() - t0)

            db = Path(tmp) / f"ingest{run}.duckdb"
            t0 = time.perf_counter()
            in_writer = 0.0
            coded = []
            w0 = time.perf_counter()
            writer = Writer(db, command="bench", batch_size=args.store_batch)
            in_writer += time.perf_counter() - w0
            for c in pipeline.code(iter(articles)):
                w0 = time.perf_counter()
                writer.add(c)
                in_writer += time.perf_counter() - w0
                coded.append(c) if coded_once is None else None
            w0 = time.perf_counter()
            summary = writer.close()
            in_writer += time.perf_counter() - w0
            ingest_s.append(time.perf_counter() - t0)
            writer_s.append(in_writer)
            events = summary.events
            coded_once = coded_once or coded

            db = Path(tmp) / f"store{run}.duckdb"
            t0 = time.perf_counter()
            with Writer(db, command="bench", batch_size=args.store_batch) as w:
                for c in coded_once:
                    w.add(c)
            store_s.append(time.perf_counter() - t0)

    n = len(articles)
    code, ingest, in_writer, store = (statistics.median(x) for x in (code_s, ingest_s, writer_s, store_s))
    print(f"{n} articles, {events} events; median of {args.runs} runs; store_batch={args.store_batch}")
    print(f"machine: {platform.machine()}, {platform.processor() or platform.system()}, Python {platform.python_version()}")
    print(f"code    {code:7.2f} s  {n / code:8.1f} articles/s  {events / code:9.1f} events/s")
    print(f"ingest  {ingest:7.2f} s  {n / ingest:8.1f} articles/s  {events / ingest:9.1f} events/s  "
          f"({100 * (ingest - code) / code:+.1f}% over code)")
    print(f"writer  {in_writer:7.2f} s inside the writer during ingest = {100 * in_writer / code:.1f}% of the coding time")
    print(f"store   {store:7.2f} s  {n / store:8.1f} articles/s  {events / store:9.1f} events/s  (writing coded articles alone)")
    print("runs (s): code " + ", ".join(f"{x:.2f}" for x in code_s) + "; ingest " + ", ".join(f"{x:.2f}" for x in ingest_s)
          + "; writer " + ", ".join(f"{x:.2f}" for x in writer_s) + "; store " + ", ".join(f"{x:.2f}" for x in store_s))


if __name__ == "__main__":
    main()
