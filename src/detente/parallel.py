"""``--workers N`` for ``code``, ``quotes`` and ``ingest``: whole chunks of articles coded end to end in N
processes (issue 13, docs/scale.md).

spaCy's own ``n_process`` parses in N processes but sends every parsed ``Doc`` back to the main process
(pickled) and runs every stage there, so on two cores it gained little (43 against 34 articles/s). Here
each worker process holds the whole pipeline (forked from the caller's, so the dictionaries and the
spaCy model are loaded once), takes chunks of ``CHUNK`` articles, parses and codes them,
and sends back the coded articles: plain frozen dataclasses, much smaller than spaCy docs. At most
``2 × N`` chunks are in flight, so memory stays flat however long the stream; results come back in
input order. Input the readers rejected is passed to ``on_rejected`` in the caller's process.

The parser object (with the pre-filter's word list, when it is on) is built once here, before the fork,
and copied into every worker; so is the spaCy model, loaded here when the first chunk holds text to
parse (a stream of given parses, CoNLL-U, never loads it). Each worker keeps the memory it frees for
its next chunk (``_keep_freed_memory``). With ``tokens=False`` (what
``code``, ``quotes`` and ``ingest`` need) each article's parse comes back as its sentences' spans
without their tokens: pickling every token back and forth cost more CPU than all the rest of the pool.

Workers ignore SIGINT; Ctrl-C (or the caller dropping the stream) terminates them.

What it does not do: decide the number of workers (the ``workers`` setting) or run on several machines
(``detente batch``). Where ``fork`` is unavailable it falls back to one process.
"""

from __future__ import annotations

import copy
import multiprocessing
import signal
from collections import deque
from dataclasses import replace
from typing import Callable, Iterable, Iterator

from detente.errors import InputError
from detente.model import CodedArticle, Ingested, ParsedDoc, Problem
from detente.pipeline import Item, Pipeline

CHUNK = 16

_PIPELINE: Pipeline | None = None  # the caller's pipeline, inherited by the forked workers


def code(pipeline: Pipeline, items: Iterable[Item], *, on_rejected: Callable[[Problem], None] | None = None,
         chunk: int = CHUNK, tokens: bool = True) -> Iterator[CodedArticle]:
    """``pipeline.code(items)``, on ``pipeline.settings.workers`` processes when that is more than one;
    with ``tokens=False`` the articles coded in workers keep their sentences' spans but not their
    tokens (events, quotes, mentions and problems are whole)."""
    workers = pipeline.settings.workers
    if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        yield from pipeline.code(items, on_rejected=on_rejected)
        return
    global _PIPELINE
    _PIPELINE = pipeline
    pipeline.parser  # built once, here: the workers inherit it (and the pre-filter's word list) by the fork
    chunks = _chunks(items, chunk, on_rejected)
    first = next(chunks, None)
    if first is None:
        _PIPELINE = None
        return
    if any(not isinstance(item.item if isinstance(item, Ingested) else item, ParsedDoc) for item in first):
        pipeline.parser.nlp  # the spaCy model too, once: the workers share its memory instead of each loading it
    # the workers are forked with SIGINT ignored, so a Ctrl-C that comes while one is still starting
    # cannot kill it (the pool would start another and go on); the parent's own handler is put back
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        pool = multiprocessing.get_context("fork").Pool(workers, initializer=_start_worker)
    finally:
        signal.signal(signal.SIGINT, previous)
    try:
        pending: deque = deque()
        for batch in _chain(first, chunks):
            pending.append(pool.apply_async(_code_chunk, (batch, tokens)))
            while len(pending) >= 2 * workers:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
        pool.close()
        pool.join()
    except BaseException:
        _end(pool)
        raise
    finally:
        _end(pool)
        _PIPELINE = None


def _end(pool) -> None:
    """Terminate the pool. A worker pipe already closed while it ends (Ctrl-C reached the process group
    first) is no error of the run: it must not replace the KeyboardInterrupt or error being raised (a
    BrokenPipeError here made an interrupted run exit 0)."""
    try:
        pool.terminate()
    except OSError:
        pass


def _chunks(items: Iterable[Item], size: int, on_rejected) -> Iterator[list[Item]]:
    batch: list[Item] = []
    for item in items:
        if isinstance(item, Problem):
            if on_rejected is None:
                raise InputError(str(item))
            on_rejected(item)
            continue
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _chain(first: list[Item], rest: Iterator[list[Item]]) -> Iterator[list[Item]]:
    yield first
    yield from rest


def _start_worker() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and terminates the pool
    _keep_freed_memory()
    global _PIPELINE
    own = copy.copy(_PIPELINE)
    own.settings = replace(own.settings, workers=1)  # this process is the worker: no parser children
    parser = copy.copy(_PIPELINE._parser)  # the caller's, pre-filter and (for text) spaCy model included
    parser.workers = 1
    own._parser = parser
    _PIPELINE = own


MMAP_THRESHOLD = 64 << 20  # bytes: the parser's largest arrays (about 40 MB at BATCH_TOKENS) come from the heap
TRIM_THRESHOLD = 256 << 20  # bytes of free heap a worker keeps instead of handing back to the kernel


def _keep_freed_memory() -> None:
    """Tell glibc's malloc to keep memory a worker frees for its next chunk.

    Each chunk ends by freeing nearly all it allocated (its docs, parses and the parser's arrays) at
    once; by default glibc then hands the top of the heap back to the kernel, and the next chunk faults
    every page in again (zeroed by the kernel): 1.25 million page faults and 3.8 s of system time on the
    benchmark corpus, the largest part of what ``--workers 2`` cost over one process (docs/scale.md).
    Holding on to it changes no peak (the memory was in use a moment before). Elsewhere (no glibc,
    another C library) nothing is done."""
    try:
        import ctypes

        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return
    M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3  # glibc's malloc.h
    mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD)
    mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD)


def _code_chunk(batch: list[Item], tokens: bool) -> list[CodedArticle]:
    assert _PIPELINE is not None
    coded = list(_PIPELINE.code(batch))
    return coded if tokens else [_without_tokens(c) for c in coded]


def _without_tokens(coded: CodedArticle) -> CodedArticle:
    if coded.doc is None:
        return coded
    sentences = tuple(replace(s, tokens=()) for s in coded.doc.sentences)
    return replace(coded, doc=replace(coded.doc, sentences=sentences))
