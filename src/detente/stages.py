"""What a coding stage is, and the registry the pipeline builds stages from (spaCy's
``Language.factory`` habit, STYLE.md 1).

A stage is an object with ``name``, ``reads`` and ``adds`` (fields of ``CodedArticle``) and
``__call__(coded, trace) -> coded``: it takes the article and returns it enriched, and records the
decisions it took in ``trace`` (a ``Tracer``; a no-op unless ``detente explain`` asks). Stages never
call each other; they talk through the model's typed fields.

The built-in stages register themselves with ``@register_stage("name")`` on a factory taking a
``StageContext`` (dictionaries and settings); users register their own the same way (or publish the
factory as a ``detente.stages`` entry point of their package) and name it in the ``stages`` setting,
or hand a stage object to ``Pipeline.add_stage``.

What it does not do: run stages (``pipeline.py`` does) or know any stage: it imports only the model.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Protocol, runtime_checkable

from detente.errors import PipelineError
from detente.model import CodedArticle, TraceStep

if TYPE_CHECKING:
    from detente.dictionaries import Dictionaries
    from detente.settings import Settings

FIELDS = ("doc", "mentions", "events", "quotes", "problems")


class Tracer:
    """Collects the ``TraceStep``s of one stage on one article when ``on``; costs a call otherwise.
    Callers that would build an expensive detail check ``tracer.on`` first."""

    __slots__ = ("stage", "on", "steps")

    def __init__(self, stage: str, on: bool = False) -> None:
        self.stage = stage
        self.on = on
        self.steps: list[TraceStep] = []

    def __call__(self, rule: str, outcome: str, detail: str = "") -> None:
        if self.on:
            self.steps.append(TraceStep(self.stage, rule, outcome, detail))


@runtime_checkable
class Stage(Protocol):
    name: str
    reads: tuple[str, ...]
    adds: tuple[str, ...]

    def __call__(self, coded: CodedArticle, trace: Tracer) -> CodedArticle: ...


@dataclass(frozen=True)
class StageContext:
    """What a stage factory may use to build its stage."""

    dictionaries: Dictionaries
    settings: Settings


StageFactory = Callable[[StageContext], Stage]
_FACTORIES: dict[str, StageFactory] = {}


def register_stage(name: str) -> Callable[[StageFactory], StageFactory]:
    """Register a stage factory under ``name`` (the names ``Settings.stages`` lists)."""

    def decorate(factory: StageFactory) -> StageFactory:
        _FACTORIES[name] = factory
        return factory

    return decorate


def registered_stages() -> tuple[str, ...]:
    return tuple(sorted(_FACTORIES))


def make_stage(name: str, context: StageContext) -> Stage:
    """Build the stage registered as ``name`` (or published by an installed package under the entry
    point group ``detente.stages``, as spaCy finds factories); ``PipelineError`` naming the known ones
    otherwise."""
    factory = _FACTORIES.get(name)
    if factory is None:
        from importlib.metadata import entry_points

        for ep in entry_points(group="detente.stages"):
            if ep.name == name:
                factory = _FACTORIES[name] = ep.load()
                break
    if factory is None:
        raise PipelineError(f"unknown stage {name!r}; registered stages: {', '.join(registered_stages())}")
    stage = factory(context)
    check_stage(stage)
    return stage


def check_stage(stage: Any) -> None:
    """A stage must say what it reads and adds, in fields the model has."""
    for attr in ("name", "reads", "adds"):
        if not hasattr(stage, attr):
            raise PipelineError(f"stage {stage!r} has no {attr!r}; a stage declares name, reads and adds")
    unknown = [f for f in (*stage.reads, *stage.adds) if f not in FIELDS]
    if unknown:
        raise PipelineError(f"stage {stage.name!r} names unknown fields {unknown}; fields are {', '.join(FIELDS)}")
    if not callable(stage):
        raise PipelineError(f"stage {stage.name!r} is not callable as stage(coded, trace)")
