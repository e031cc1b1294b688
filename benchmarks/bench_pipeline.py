"""Throughput and memory of the pipeline on the bundled sample corpus, repeated.

    python benchmarks/bench_pipeline.py [--repeat 10] [--workers 1] [--batch-size 64]

Prints articles/s and sentences/s for parsing alone and for each coding stage, and the peak RSS, so a
change can be measured before and after. Not a test: speed is reported, never asserted.
"""

from __future__ import annotations

import argparse
import resource
import time
from dataclasses import replace

from stage_timing import time_stages

from detente.explain import sample_corpus
from detente.ingest import read_articles
from detente.pipeline import Pipeline
from detente.settings import Settings


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=10)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--batch-size", type=int, default=64)
    args = ap.parse_args()
    base = list(read_articles([str(sample_corpus())]))
    articles = [replace(a, id=f"{a.id}#{n}") for n in range(args.repeat) for a in base]
    settings = Settings().with_(workers=args.workers, batch_size=args.batch_size)
    pipeline = Pipeline(settings)
    pipeline.parser  # load the model outside the timing

    t0 = time.perf_counter()
    docs = list(pipeline.parser.parse(iter(articles)))
    parse_s = time.perf_counter() - t0
    sentences = sum(len(d.sentences) for d in docs)
    chars = sum(len(a.text) for a in articles)
    print(f"{len(articles)} articles, {sentences} sentences, {chars / 1e6:.2f} M chars; workers={args.workers} batch={args.batch_size}")
    print(f"parse          {parse_s:7.2f} s  {len(articles) / parse_s:8.1f} articles/s  {sentences / parse_s:8.1f} sentences/s")

    coded, seconds = time_stages(pipeline, docs)
    for name, took in seconds.items():
        print(f"{name:<14} {took:7.2f} s  {sentences / took:8.1f} sentences/s  ({100 * took / parse_s:5.1f}% of parse time)")
    stage_total = sum(seconds.values())
    events = sum(len(c.events) for c in coded)
    quotes = sum(len(c.quotes) for c in coded)
    total = parse_s + stage_total
    print(f"total          {total:7.2f} s  {len(articles) / total:8.1f} articles/s; {events} events, {quotes} quotes")
    print(f"peak RSS       {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:7.0f} MB")


if __name__ == "__main__":
    main()
