"""The pipeline: settings -> stages; ``code(articles)`` -> coded articles (DESIGN.md §1, STYLE.md 1).

``Pipeline.code`` is one loop: parse in batches (spaCy, or pass a given ``ParsedDoc`` through), then
hand each document to every stage in order. Stages are built by name from the registry
(``detente.stages``); ``add_stage`` puts a user's own stage in; ``derive`` makes a pipeline with other
stages that shares this one's parser and dictionaries (``relate`` runs through it). A stage declares
what it ``reads`` and ``adds``; the pipeline checks at build time that everything a stage reads has a
producer. An exception inside a stage is recorded as an error ``Problem`` on that article and the next
stage still runs: one bad article never stops a stream, and nothing is dropped silently.

What it does not do: read files (``ingest``) or print anything (``cli``).
"""

from __future__ import annotations

import copy
from collections import deque
from dataclasses import replace
from datetime import date
from typing import Callable, Iterable, Iterator

# the built-in stages register themselves when their modules are imported
import detente.actors  # noqa: F401
import detente.attribution  # noqa: F401
import detente.events  # noqa: F401
import detente.geo  # noqa: F401
import detente.quotes  # noqa: F401
import detente.selection  # noqa: F401
from detente.dictionaries import Dictionaries, load_dictionaries
from detente.errors import InputError, PipelineError
from detente.ingest.split import split_long
from detente.model import Article, CodedArticle, Ingested, ParsedDoc, Problem
from detente.settings import Settings
from detente.stages import Stage, StageContext, Tracer, check_stage, make_stage

PRODUCED_BY_PARSE = ("doc",)

Item = Article | ParsedDoc | Ingested | Problem


class Pipeline:
    def __init__(self, settings: Settings | None = None, *, dictionaries: Dictionaries | None = None, trace: bool = False) -> None:
        self.settings = settings or Settings()
        self.dictionaries = dictionaries or load_dictionaries(self.settings.dictionaries, defaults=self.settings.default_dictionaries)
        self.trace = trace
        context = StageContext(self.dictionaries, self.settings)
        self.stages: list[Stage] = [make_stage(name, context) for name in self.settings.stages]
        self._check_wiring()
        self._parser = None

    # -- building ----------------------------------------------------------------------------------

    def stage(self, name: str) -> Stage | None:
        """The stage called ``name``, if this pipeline has it."""
        return next((s for s in self.stages if s.name == name), None)

    def add_stage(self, stage: Stage | str, *, before: str | None = None, after: str | None = None) -> Stage:
        """Add a stage (an object, or the name of a registered one) at the end, or before/after the
        stage so named; the wiring is checked again."""
        if isinstance(stage, str):
            stage = make_stage(stage, StageContext(self.dictionaries, self.settings))
        check_stage(stage)
        names = [s.name for s in self.stages]
        anchor = before or after
        if anchor is not None and anchor not in names:
            raise PipelineError(f"no stage {anchor!r} to add {stage.name!r} next to; stages: {', '.join(names)}")
        at = len(self.stages) if anchor is None else names.index(anchor) + (1 if after else 0)
        stages = self.stages[:at] + [stage] + self.stages[at:]
        self._check_wiring(stages)
        self.stages = stages
        return stage

    def derive(self, stages: Iterable[Stage]) -> Pipeline:
        """A pipeline running ``stages`` that shares this one's settings, dictionaries and parser."""
        other = copy.copy(self)
        other.stages = list(stages)
        for s in other.stages:
            check_stage(s)
        other._check_wiring()
        if self._parser is None:
            self._parser = other.parser  # load once, share both ways
        other._parser = self._parser
        return other

    def _check_wiring(self, stages: list[Stage] | None = None) -> None:
        stages = self.stages if stages is None else stages
        available = set(PRODUCED_BY_PARSE) | {"problems"}
        for stage in stages:
            missing = [f for f in stage.reads if f not in available]
            if missing:
                order = ", ".join(s.name for s in stages)
                raise PipelineError(f"stage {stage.name!r} reads {', '.join(missing)} but no earlier stage adds it; order: {order}")
            available.update(stage.adds)

    @property
    def parser(self):
        if self._parser is None:
            from detente.parse.spacy_adapter import SpacyParser

            select = None
            if self.settings.prefilter:
                from functools import partial

                from detente.prefilter import SentenceFilter, kept_chunks

                select = partial(kept_chunks, keep=SentenceFilter(self.dictionaries))
            self._parser = SpacyParser(self.settings.spacy_model, self.settings.batch_size, self.settings.workers, select=select)
        return self._parser

    # -- running -----------------------------------------------------------------------------------

    def code(self, items: Iterable[Item], *, on_rejected: Callable[[Problem], None] | None = None) -> Iterator[CodedArticle]:
        """Code a stream of articles (or given parses, or what ``detente.ingest`` reads), yielding them
        in input order. Input ingest rejected (a bare ``Problem`` in the stream) goes to
        ``on_rejected``; without one an error raises ``InputError``, so it is never lost."""
        default = date.fromisoformat(self.settings.date) if self.settings.date else None
        for doc, problems in self._parsed(items, default, on_rejected):
            yield self.run_stages(doc, problems)

    def run_stages(self, doc: ParsedDoc, problems: Iterable[Problem] = ()) -> CodedArticle:
        """Run every stage on one parsed article: the loop, and its error handler."""
        coded = CodedArticle(doc.article, doc, problems=tuple(problems))
        for stage in self.stages:
            tracer = Tracer(stage.name, self.trace)
            try:
                coded = stage(coded, tracer)
            except Exception as exc:  # a bug on one article is recorded on it, never stops the stream
                problem = Problem(stage.name, f"{type(exc).__name__}: {exc}", severity="error", article=doc.article.id)
                coded = replace(coded, problems=coded.problems + (problem,))
            if tracer.steps:
                coded = replace(coded, trace=coded.trace + tuple(tracer.steps))
        return coded

    def _parsed(self, items: Iterable[Item], default: date | None, on_rejected) -> Iterator[tuple[ParsedDoc, tuple[Problem, ...]]]:
        pending: deque[tuple[Problem, ...]] = deque()

        def articles() -> Iterator[Article | ParsedDoc]:
            for item in items:
                problems: tuple[Problem, ...] = ()
                if isinstance(item, Problem):
                    if on_rejected is not None:
                        on_rejected(item)
                    elif item.severity == "error":
                        raise InputError(str(item))
                    continue  # a warning (files of other types skipped) with nobody to tell: the run goes on
                if isinstance(item, Ingested):
                    item, problems = item.item, item.problems
                if not isinstance(item, (Article, ParsedDoc)):
                    raise TypeError(f"Pipeline.code takes Article, ParsedDoc, Ingested or Problem items, not {type(item).__name__}")
                article = item.article if isinstance(item, ParsedDoc) else item
                if article.published is None and default is not None:
                    article = replace(article, published=default)
                    item = replace(item, article=article) if isinstance(item, ParsedDoc) else article
                if isinstance(item, ParsedDoc):  # a given parse is coded as given: its offsets cannot move
                    pending.append(problems)
                    yield item
                    continue
                parts, cut = split_long(article, self.settings.max_chars, truncate=self.settings.long_articles == "truncate")
                for n, part in enumerate(parts):
                    pending.append(problems + tuple(cut) if n == 0 else ())
                    yield part

        for doc in self.parser.parse(articles()):
            yield doc, pending.popleft()

    def code_text(self, text: str, date: str | None = None, article_id: str = "text") -> CodedArticle:
        """Code one text (the public ``detente.code_text``)."""
        from detente.ingest import parse_date
        from detente.errors import UserInputError

        published, problem = parse_date(date, "date argument")
        if problem:
            raise UserInputError(problem.message)
        return next(self.code([Article(id=article_id, text=text, published=published)]))
