"""``detente ingest`` as one library call: read inputs, code them, store every coded article and every
problem through the one writer.

What it does not do: print (the caller passes ``on_problem``/``on_article`` callbacks and a progress
wrapper) or decide exit statuses (``cli``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable, Iterator

from detente import parallel
from detente.ingest import parse_date, read_inputs
from detente.model import CodedArticle, Problem
from detente.pipeline import Pipeline
from detente.store.writer import Writer, WriteSummary, dictionary_hashes


def ingest(paths: Iterable[str], db: str | Path, pipeline: Pipeline, *,
           on_problem: Callable[[Problem], None] | None = None,
           on_article: Callable[[CodedArticle], None] | None = None,
           progress: Callable[[Iterator[CodedArticle]], Iterator[CodedArticle]] | None = None) -> WriteSummary:
    """Code the articles in ``paths`` with ``pipeline`` and store them in ``db`` (created and migrated
    as needed), ``pipeline.settings.store_batch`` articles per transaction. Re-ingesting an article
    replaces its rows. Input ingest rejects and the dictionaries' warnings are stored as problems of no
    article and passed to ``on_problem``; each coded article goes to ``on_article`` before it is queued.
    Returns what was written."""
    paths = list(paths)
    settings = pipeline.settings
    with Writer(db, command="ingest", settings=settings, dictionaries=dictionary_hashes(settings), inputs=paths,
                batch_size=settings.store_batch) as writer:

        def rejected(p: Problem) -> None:
            writer.add_problem(p)
            if on_problem:
                on_problem(p)

        for p in pipeline.dictionaries.problems:
            rejected(p)
        reference = parse_date(settings.date, "date setting")[0] if settings.date else None  # the year of datelines
        coded: Iterator[CodedArticle] = parallel.code(pipeline, read_inputs(paths, default_date=reference), on_rejected=rejected,
                                                       tokens=False)  # the store keeps no tokens
        if progress is not None:
            coded = progress(coded)
        for c in coded:
            if on_article:
                on_article(c)
            writer.add(c)
    return writer.summary
