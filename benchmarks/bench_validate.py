"""Event-coding speed on the PETRARCH unit-test records, parses given, dictionaries loaded.

    python benchmarks/bench_validate.py [RECORDS.xml] [--dict DIR] [--repeat 5]

Parses every record once with spaCy (timed separately), then runs the actor and event stages over
the parsed records ``--repeat`` times and prints sentences/second for coding alone. Also prints the
load time and entry counts of the dictionaries, and of the full real-world PETRARCH set when
../shared/reference/petrarch-cameo-dictionaries is present. Not a test: figures are reported.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from detente.dictionaries import _load, load_dictionaries
from detente.model import Article, CodedArticle
from detente.pipeline import Pipeline
from detente.settings import Settings
from detente.validate import read_records

SHARED = Path(__file__).resolve().parents[2] / "shared"


def timed_load(paths: tuple[str, ...]) -> tuple[float, dict]:
    _load.cache_clear()
    t0 = time.perf_counter()
    d = load_dictionaries(paths, defaults=False)
    return time.perf_counter() - t0, d.counts()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("records", nargs="?", default=str(SHARED / "petrarch" / "PETR.UnitTest.records.xml"))
    ap.add_argument("--dict", default=str(SHARED / "petrarch"))
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()

    took, counts = timed_load((args.dict,))
    print(f"dictionaries {args.dict}: loaded in {took:.3f} s: {counts}")
    real = SHARED / "reference" / "petrarch-cameo-dictionaries"
    if real.is_dir():
        took_real, counts_real = timed_load((str(real),))
        print(f"real-world PETRARCH set: loaded in {took_real:.3f} s: {counts_real}")

    pipeline = Pipeline(Settings().with_(dictionaries=(args.dict,), default_dictionaries=False, stages=("actors", "events")))
    records = list(read_records(args.records))
    articles = [Article(r.id, r.text, published=r.published) for r in records]
    pipeline.parser.nlp  # load the model outside the timing
    t0 = time.perf_counter()
    docs = list(pipeline.parser.parse(articles))
    parse_s = time.perf_counter() - t0
    sentences = sum(len(d.sentences) for d in docs)
    print(f"parse: {len(docs)} records, {sentences} sentences in {parse_s:.2f} s ({sentences / parse_s:.0f} sentences/s)")

    best = float("inf")
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        for doc in docs:
            coded = CodedArticle(doc.article, doc)
            for stage in pipeline.stages:
                coded = stage(coded)
        best = min(best, time.perf_counter() - t0)
    print(f"coding (actors+events), parses given: {sentences / best:,.0f} sentences/s (best of {args.repeat}: {best:.3f} s)")


if __name__ == "__main__":
    main()
