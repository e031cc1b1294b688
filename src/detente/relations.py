"""Dyadic relation coding: what did the actor at one span do to the actor at another?

``relate(pipeline, text, source=(start, end), target=(start, end), date=None)`` parses the text, finds
the actor mentions as usual, then puts the two given spans in as actors (replacing any mention they
overlap, so a span codes even when no dictionary knows it) and codes events. It returns the best event
whose source is the source span and whose target is the target span — or, when one span is ``None``
("Thousands were detained": the text leaves that actor implicit), the best event with the other one in
place. The returned event's mentions carry the dictionary code of the span when the actor stage found
one (``---`` otherwise).

"Best" means: an event that is not a bare statement (CAMEO 01) over one that is, then the event whose
trigger is nearest the two spans. This is how researchers check event records, and how detente is
scored on relation gold sets such as PLOVER's.

What it does not do: return several events (use ``Pipeline.code`` for that) or guess an actor the text
does not name.
"""

from __future__ import annotations

from dataclasses import replace

from detente.actors import resolve_pronouns
from detente.errors import UserInputError
from detente.model import Article, CodedArticle, Event, Mention

SOURCE_CODE, TARGET_CODE = "SRC", "TGT"  # placeholders while coding; never returned


def relate(pipeline, text: str, source: tuple[int, int] | None, target: tuple[int, int] | None, date: str | None = None) -> Event | None:
    """The best event from ``source`` to ``target`` (character spans into ``text``), or ``None``."""
    coded = code_with_spans(pipeline, text, source, target, date)
    return best_event(coded, source, target)


def code_with_spans(pipeline, text: str, source: tuple[int, int] | None, target: tuple[int, int] | None, date: str | None = None) -> CodedArticle:
    """Code ``text`` with the given spans as actors (see the module docstring)."""
    from detente.ingest import parse_date

    for name, span in (("source", source), ("target", target)):
        if span is not None and not (0 <= span[0] < span[1] <= len(text)):
            raise UserInputError(f"{name} span {span} is not inside the text (0..{len(text)})")
    if source is None and target is None:
        raise UserInputError("relate needs a source span, a target span or both")
    published, problem = parse_date(date, "date argument")
    if problem:
        raise UserInputError(problem.message)
    doc = next(pipeline.parser.parse([Article(id="relate", text=text, published=published)]))
    coded = CodedArticle(doc.article, doc)
    stages = {stage.name: stage for stage in pipeline.stages}
    if "actors" in stages:
        coded = stages["actors"](coded)
    given = []
    for span, code in ((source, SOURCE_CODE), (target, TARGET_CODE)):
        if span is None:
            continue
        found = [m for m in coded.mentions if m.start < span[1] and span[0] < m.end and m.kind != "pronoun"]
        resolved = max(found, key=lambda m: m.end - m.start) if found else None
        via = f"given-span;{resolved.code};{resolved.via}" if resolved else "given-span"
        given.append(Mention(span[0], span[1], text[span[0] : span[1]], code, "given", via, resolved.name if resolved else None))
    kept = [m for m in coded.mentions if not any(g.start < m.end and m.start < g.end for g in given)]
    # pronouns may now refer to a given span ("The ELN said it will release …")
    mentions = resolve_pronouns(coded.doc, sorted(kept + given, key=lambda m: m.start))
    coded = replace(coded, mentions=tuple(mentions))
    if "events" in stages:
        coded = stages["events"](coded)
    return coded


def best_event(coded: CodedArticle, source: tuple[int, int] | None, target: tuple[int, int] | None) -> Event | None:
    def fits(e: Event) -> bool:
        s_ok = (e.source is not None and e.source.code == SOURCE_CODE) if source is not None else (e.source is None or e.source.code != TARGET_CODE)
        t_ok = (e.target is not None and e.target.code == TARGET_CODE) if target is not None else (e.target is None or e.target.code != SOURCE_CODE)
        return s_ok and t_ok

    candidates = [e for e in coded.events if fits(e)]
    if not candidates:
        return None
    anchors = [span[0] for span in (source, target) if span is not None]

    def rank(e: Event) -> tuple:
        distance = sum(abs(e.trigger[0] - a) for a in anchors)
        return (e.cameo.startswith("01"), e.modality == "negated", distance)

    best = min(candidates, key=rank)
    return replace(best, source=_restore(best.source), target=_restore(best.target))


def _restore(m: Mention | None) -> Mention | None:
    """Put the dictionary code found for a given span back on it."""
    if m is None or m.code not in (SOURCE_CODE, TARGET_CODE):
        return m
    parts = m.via.split(";", 2)
    code = parts[1] if len(parts) > 1 else "---"
    return replace(m, code=code, kind="given")
