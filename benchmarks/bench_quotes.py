"""Time of the quote stage against the time of parsing, on the bundled sample corpus and on PolNeAR.

    python benchmarks/bench_quotes.py [--repeat 10] [--polnear ../shared/eval/polnear-dev]

The issue's budget: quotes must add less than 10% to the time of parsing. Parsing is timed once over
all articles (spaCy, the pipeline's own parser); the actor stage runs untimed (quotes read its
mentions); the quote stage is then timed alone, best of three runs. Not a test: speed is reported,
never asserted (STYLE.md 9).
"""

from __future__ import annotations

import argparse
import time
from dataclasses import replace
from pathlib import Path

from detente.explain import sample_corpus
from detente.ingest import read_articles
from detente.model import Article, CodedArticle
from detente.pipeline import Pipeline
from detente.quotes import QuoteStage
from detente.settings import Settings


def measure(name: str, articles: list[Article], pipeline: Pipeline) -> None:
    t0 = time.perf_counter()
    docs = list(pipeline.parser.parse(iter(articles)))
    parse_s = time.perf_counter() - t0
    actors = pipeline.stage("actors")
    coded = [actors(CodedArticle(d.article, d)) for d in docs]
    stage = QuoteStage(pipeline.dictionaries.rules)
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        out = [stage(c) for c in coded]
        best = min(best, time.perf_counter() - t0)
    sentences = sum(len(d.sentences) for d in docs)
    quotes = sum(len(c.quotes) for c in out)
    print(f"{name}: {len(articles)} articles, {sentences} sentences, {quotes} quotes")
    print(f"  parse   {parse_s:7.2f} s")
    print(f"  quotes  {best:7.2f} s  ({100 * best / parse_s:4.1f}% of parse time; {1000 * best / len(articles):.1f} ms/article)")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=10, help="copies of the sample corpus")
    ap.add_argument("--polnear", default="../shared/eval/polnear-dev", help="PolNeAR split (skipped when absent)")
    args = ap.parse_args()
    pipeline = Pipeline(Settings().with_(stages=("actors",)))
    pipeline.parser.nlp  # load the model outside the timing
    base = list(read_articles([str(sample_corpus())]))
    measure(f"sample corpus x{args.repeat}", [replace(a, id=f"{a.id}#{n}") for n in range(args.repeat) for a in base], pipeline)
    polnear = Path(args.polnear)
    if (polnear / "text").is_dir():
        texts = sorted((polnear / "text").glob("*.txt"))
        measure("PolNeAR dev", [Article(p.stem, p.read_text(encoding="utf-8")) for p in texts], pipeline)
    else:
        print(f"PolNeAR: {polnear} absent, skipped")


if __name__ == "__main__":
    main()
