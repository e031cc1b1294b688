"""Time each stage of a pipeline over parsed documents (shared by the benchmarks)."""

from __future__ import annotations

import time

from detente.model import CodedArticle


def time_stages(pipeline, docs) -> tuple[list[CodedArticle], dict[str, float]]:
    """Run ``pipeline``'s stages over ``docs`` (parsed), one stage at a time over all of them: the coded
    articles and the seconds each stage took, in stage order."""
    coded = [CodedArticle(d.article, d) for d in docs]
    seconds: dict[str, float] = {}
    for stage in pipeline.stages:
        t0 = time.perf_counter()
        coded = [stage(c) for c in coded]
        seconds[stage.name] = time.perf_counter() - t0
    return coded, seconds
