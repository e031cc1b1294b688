"""detente: political event data from news text.

    >>> import detente
    >>> coded = detente.code_text("Russia said it wants good relations with the US.", date="2021-04-15")
    >>> [(e.source.code, e.cameo, e.target.code) for e in coded.events]
    [('RUS', '030', 'USA')]

The public API is what ``__all__`` lists (pinned by a test).
"""

from __future__ import annotations

from functools import lru_cache

from detente.errors import DetenteError, InputError, ModelNotInstalledError, PipelineError, UserInputError
from detente.model import Article, CodedArticle, Event, Ingested, Mention, ParsedDoc, Place, Problem, Quote, Sentence, Token, TraceStep
from detente.pipeline import Pipeline
from detente.settings import Settings
from detente.stages import Stage, StageContext, Tracer, register_stage

__version__ = "0.1.0"

__all__ = [
    "Article",
    "CodedArticle",
    "DetenteError",
    "Event",
    "Ingested",
    "InputError",
    "Mention",
    "ModelNotInstalledError",
    "ParsedDoc",
    "Pipeline",
    "PipelineError",
    "Place",
    "Problem",
    "Quote",
    "Sentence",
    "Settings",
    "Stage",
    "StageContext",
    "Token",
    "TraceStep",
    "Tracer",
    "UserInputError",
    "__version__",
    "code_text",
    "load",
    "open",
    "register_stage",
    "relate",
]


def load(settings: Settings | None = None) -> Pipeline:
    """A pipeline built from ``settings`` (defaults < detente.toml < DETENTE_* env when None)."""
    return Pipeline(settings if settings is not None else Settings.load())


@lru_cache(maxsize=1)
def _default_pipeline() -> Pipeline:
    return load()


def code_text(text: str, date: str | None = None) -> CodedArticle:
    """Code one text with the default pipeline; ``date`` (YYYY-MM-DD) resolves dated actor codes."""
    return _default_pipeline().code_text(text, date)


def open(db: str | None = None):  # noqa: A001 - detente.open(db), as duckdb.connect / sqlite3.connect
    """A read-only view of the store at ``db`` (default: the ``db`` setting, ``detente.duckdb``) whose
    methods return pandas DataFrames: ``events(source=, target=, code=, plover=, since=, until=,
    modality=, dataset=)``, ``quotes(speaker=, since=, until=)``, ``articles()``, ``problems()``,
    ``runs()``, ``sql(query)``, and the analyses ``dyads(source, target, freq=, both=)``, ``alerts()`` and
    ``top()``. See ``detente.analyze.Database``."""
    from detente.analyze.database import open_database

    return open_database(db)


def relate(text: str, source: tuple[int, int] | None = None, target: tuple[int, int] | None = None, date: str | None = None) -> Event | None:
    """The best event whose source is the ``source`` span and whose target is the ``target`` span
    (character offsets into ``text``), the spans being treated as actors even when no dictionary
    knows them; either may be ``None`` when the text leaves that actor implicit. ``None`` when the
    text relates them by no event detente can code."""
    from detente.relations import relate as _relate

    return _relate(_default_pipeline(), text, source, target, date)
