"""Dyadic relation coding: what did the actor at one span do to the actor at another?

``relate(pipeline, text, source=(start, end), target=(start, end), date=None)`` codes the text through
the pipeline's own loop and error handling, with one more stage after the actor stage: the two given
spans are put in as actors (``Mention.given`` = ``"source"`` / ``"target"``, replacing any mention they
overlap, so a span codes even when no dictionary knows it, and keeping the dictionary's code when it
does). Pronouns are resolved again, so "The ELN said it will release…" may refer to a given span. It
returns the best event whose source is the source span and whose target is the target span — or,
when one span is ``None`` ("Thousands were detained": the text leaves that actor implicit), the best
event with the other one in place.

"Best" means: an event that is not a bare statement (CAMEO 01) over one that is, then the event whose
trigger is nearest the two spans. This is how researchers check event records, and how detente is
scored on relation gold sets such as PLOVER's.

What it does not do: return several events (use ``Pipeline.code`` for that) or guess an actor the text
does not name.
"""

from __future__ import annotations

from dataclasses import replace

from detente.actors import resolve_pronouns
from detente.dictionaries import Rules
from detente.errors import DetenteError, UserInputError
from detente.model import Article, CodedArticle, Event, Mention
from detente.stages import Tracer

Span = tuple[int, int]


class GivenSpans:
    """A stage that puts the caller's spans in as actor mentions (see the module docstring)."""

    name = "given-spans"
    reads = ("doc", "mentions")
    adds = ("mentions",)

    def __init__(self, source: Span | None, target: Span | None, rules: Rules) -> None:
        self.spans = [(role, span) for role, span in (("source", source), ("target", target)) if span is not None]
        self.rules = rules

    def __call__(self, coded: CodedArticle, trace: Tracer | None = None) -> CodedArticle:
        if coded.doc is None:
            return coded
        text = coded.article.text
        given = []
        for role, (start, end) in self.spans:
            found = [m for m in coded.mentions if m.start < end and start < m.end and m.kind != "pronoun"]
            resolved = max(found, key=lambda m: m.end - m.start) if found else None
            code = resolved.code if resolved else "---"
            via = f"given-span:{resolved.via}" if resolved else "given-span"
            given.append(Mention(start, end, text[start:end], code, "given", via, resolved.name if resolved else None,
                                 resolution="given", given=role))
            if trace is not None:
                trace("given-span", role, f"{text[start:end]!r} -> {code}")
        kept = [m for m in coded.mentions if not any(g.start < m.end and m.start < g.end for g in given)]
        mentions = resolve_pronouns(coded.doc, sorted(kept + given, key=lambda m: m.start), self.rules)
        return replace(coded, mentions=tuple(mentions))


def relate(pipeline, text: str, source: Span | None, target: Span | None, date: str | None = None) -> Event | None:
    """The best event from ``source`` to ``target`` (character spans into ``text``), or ``None``."""
    coded = code_with_spans(pipeline, text, source, target, date)
    return best_event(coded, source, target)


def code_with_spans(pipeline, text: str, source: Span | None, target: Span | None, date: str | None = None) -> CodedArticle:
    """Code ``text`` with the given spans as actors (see the module docstring). A stage that fails is
    an error here (``DetenteError`` with its message): ``relate`` returns one event, not a report."""
    from detente.ingest import parse_date

    for name, span in (("source", source), ("target", target)):
        if span is not None and not (0 <= span[0] < span[1] <= len(text)):
            raise UserInputError(f"{name} span {span} is not inside the text (0..{len(text)})")
    if source is None and target is None:
        raise UserInputError("relate needs a source span, a target span or both")
    published, problem = parse_date(date, "date argument")
    if problem:
        raise UserInputError(problem.message)
    stages = [s for s in (pipeline.stage("actors"),) if s is not None]
    stages.append(GivenSpans(source, target, pipeline.dictionaries.rules))
    stages += [s for s in (pipeline.stage("events"),) if s is not None]
    coded = next(pipeline.derive(stages).code([Article(id="relate", text=text, published=published)]))
    failed = [p for p in coded.problems if p.severity == "error" and p.stage != "ingest"]
    if failed:
        raise DetenteError(f"relate: the {failed[0].stage} stage failed: {failed[0].message}")
    return coded


def best_event(coded: CodedArticle, source: Span | None, target: Span | None) -> Event | None:
    def fits(e: Event) -> bool:
        s_ok = (e.source is not None and e.source.given == "source") if source is not None else (e.source is None or e.source.given != "target")
        t_ok = (e.target is not None and e.target.given == "target") if target is not None else (e.target is None or e.target.given != "source")
        return s_ok and t_ok

    candidates = [e for e in coded.events if fits(e)]
    if not candidates:
        return None
    anchors = [span[0] for span in (source, target) if span is not None]

    def rank(e: Event) -> tuple:
        distance = sum(abs(e.trigger[0] - a) for a in anchors)
        return (e.cameo.startswith("01"), e.modality == "negated", distance)

    return min(candidates, key=rank)
