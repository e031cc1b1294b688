"""The pipeline: settings -> stages; ``code(articles)`` -> coded articles (DESIGN.md §1, STYLE.md 1).

``Pipeline.code`` is a loop: parse in batches (spaCy, or pass a given ``ParsedDoc`` through), then hand
each document to every stage in order. A stage declares what it ``reads`` and ``adds``; the pipeline
checks at build time that everything a stage reads has a producer. An exception inside a stage is
recorded as a ``Problem`` on that article and the next stage still runs: one bad article never stops a
stream, and nothing is dropped silently.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Iterable, Iterator

from detente.dictionaries import Dictionaries, load_dictionaries
from detente.errors import PipelineError
from detente.model import Article, CodedArticle, ParsedDoc, Problem
from detente.settings import Settings

PRODUCED_BY_PARSE = ("doc",)


class Pipeline:
    def __init__(self, settings: Settings | None = None, *, dictionaries: Dictionaries | None = None, trace: bool = False) -> None:
        self.settings = settings or Settings()
        self.dictionaries = dictionaries or load_dictionaries(self.settings.dictionaries, defaults=self.settings.default_dictionaries)
        self.trace = trace
        self.stages = [self._make_stage(name) for name in self.settings.stages]
        self._check_wiring()
        self._parser = None

    def _make_stage(self, name: str):
        if name == "actors":
            from detente.actors import ActorStage

            return ActorStage(self.dictionaries)
        if name == "events":
            from detente.events import EventStage

            return EventStage(self.dictionaries, trace=self.trace)
        if name == "quotes":
            from detente.quotes import QuoteStage

            return QuoteStage(trace=self.trace)
        if name == "reported":
            from detente.events.reported import ReportedSpeechStage

            return ReportedSpeechStage()
        raise PipelineError(f"unknown stage {name!r}; stages are actors, events, quotes, reported")

    def _check_wiring(self) -> None:
        available = set(PRODUCED_BY_PARSE)
        for stage in self.stages:
            missing = [field for field in stage.reads if field not in available]
            if missing:
                raise PipelineError(f"stage {stage.name!r} reads {', '.join(missing)} but no earlier stage adds it; order: {', '.join(self.settings.stages)}")
            available.update(stage.adds)

    @property
    def parser(self):
        if self._parser is None:
            from detente.parse.spacy_adapter import SpacyParser

            self._parser = SpacyParser(self.settings.spacy_model, self.settings.batch_size, self.settings.workers)
        return self._parser

    def code(self, items: Iterable[Article | ParsedDoc]) -> Iterator[CodedArticle]:
        """Code a stream of articles (or given parses), yielding them in input order."""
        default = date.fromisoformat(self.settings.date) if self.settings.date else None
        for doc, problems in self._parsed(items, default):
            yield self.run_stages(doc, problems)

    def run_stages(self, doc: ParsedDoc, problems: list[Problem] | None = None) -> CodedArticle:
        coded = CodedArticle(doc.article, doc, problems=tuple(problems or ()))
        for stage in self.stages:
            try:
                coded = stage(coded)
            except Exception as exc:  # a bug on one article is recorded on it, never stops the stream
                coded = replace(coded, problems=coded.problems + (Problem(stage.name, f"{type(exc).__name__}: {exc}"),))
        return coded

    def _parsed(self, items: Iterable[Article | ParsedDoc], default: date | None) -> Iterator[tuple[ParsedDoc, list[Problem]]]:
        pending: list[list[Problem]] = []

        def articles() -> Iterator[Article | ParsedDoc]:
            for item in items:
                article = item.article if isinstance(item, ParsedDoc) else item
                problems = [Problem("ingest", v.split(": ", 1)[-1], v.split(": ", 1)[0]) for k, v in article.meta if k == "problem"]
                changes = {}
                if article.published is None and default is not None:
                    changes["published"] = default
                if len(article.text) > self.settings.max_chars:
                    changes["text"] = article.text[: self.settings.max_chars]
                    problems.append(Problem("ingest", f"article of {len(article.text)} characters truncated to max_chars={self.settings.max_chars}"))
                if changes:
                    article = replace(article, **changes)
                    item = replace(item, article=article) if isinstance(item, ParsedDoc) else article
                pending.append(problems)
                yield item

        stream = articles()
        for doc in self._parse_stream(stream):
            yield doc, pending.pop(0)

    def _parse_stream(self, items: Iterator[Article | ParsedDoc]) -> Iterator[ParsedDoc]:
        """One parser stream for the whole input; given parses pass straight through it."""
        yield from self.parser.parse(items)

    def code_text(self, text: str, date: str | None = None, article_id: str = "text") -> CodedArticle:
        """Code one text (the public ``detente.code_text``)."""
        from detente.ingest import parse_date

        published, problem = parse_date(date, "date argument")
        if problem:
            from detente.errors import UserInputError

            raise UserInputError(problem.message)
        article = Article(id=article_id, text=text, published=published)
        return next(self.code([article]))
