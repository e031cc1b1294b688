"""Reported speech: events inside quotations speak for the speaker.

Runs after the quote stage, at article level, and reads both events and quotations from the model
(it imports neither stage). For each event whose trigger lies inside a quotation's content:

- the event is linked to the quotation (``quote_id``);
- a first-person actor ("we", "us") is the speaker — "We will never allow anyone to threaten us",
  said by the Kremlin's spokesman, has the Russian government as its source;
- an event with no source of its own takes the speaker as source;
- a statement the quote stage made of a quotation is dropped when the event stage coded the same
  words already (same trigger, or same sentence, dyad and code): one event, linked to the quotation.

An event whose actor is an unresolved "we" outside any quotation is dropped, with a note in the
trace: "we" names nobody the coder can know. What it does not do: change an event's code or modality.
"""

from __future__ import annotations

from dataclasses import replace

from detente.model import CodedArticle, Event, Mention, Quote


class ReportedSpeechStage:
    name = "reported"
    reads = ("events", "quotes")
    adds = ("events",)

    def __call__(self, coded: CodedArticle) -> CodedArticle:
        quotes = [q for q in coded.quotes if q.content]
        out: list[Event] = []
        notes: list[str] = []
        # statements the quote stage made of a quotation (":qe" ids) that the event stage already coded
        # from the same words are one event, not two: keep the event stage's, linked to the quotation
        stage = [e for e in coded.events if ":qe" not in e.id]
        by_trigger = {e.trigger: n for n, e in enumerate(stage)}
        keys = {(e.sentence, _code(e.source), _code(e.target), e.cameo) for e in stage}
        statements = []
        for e in coded.events:
            if ":qe" not in e.id:
                continue
            if e.trigger in by_trigger:
                n = by_trigger[e.trigger]
                stage[n] = replace(stage[n], quote_id=stage[n].quote_id or e.quote_id)
            elif (e.sentence, _code(e.source), _code(e.target), e.cameo) not in keys:
                statements.append(e)
        for event in stage + statements:
            quote = _quote_around(quotes, event.trigger[0])
            if quote is not None:
                event = _attribute(event, quote)
            if event is None or _first_person(event.source) or _first_person(event.target):
                notes.append("  dropped an event whose 'we' could not be resolved to a speaker")
                continue
            if event.source is not None and event.target is not None and event.source.code == event.target.code:
                continue
            out.append(event)
        return replace(coded, events=tuple(out), trace=coded.trace + tuple(notes))


def _code(m: Mention | None) -> str | None:
    return m.code if m is not None else None


def _quote_around(quotes: list[Quote], offset: int) -> Quote | None:
    for q in quotes:
        if any(a <= offset < b for a, b in q.content):
            return q
    return None


def _first_person(m: Mention | None) -> bool:
    return m is not None and m.via == "first-person"


def _attribute(event: Event, quote: Quote) -> Event | None:
    speaker = quote.speaker
    changes: dict = {"quote_id": event.quote_id or quote.id}
    if speaker is not None and speaker.code:
        for role in ("source", "target"):
            m = getattr(event, role)
            if _first_person(m):
                changes[role] = Mention(m.start, m.end, m.text, speaker.code, "pronoun", f"speaker:{quote.id}", quote.speaker_name)
        if event.source is None and "source" not in changes:
            changes["source"] = replace(speaker, via=f"speaker:{quote.id};{speaker.via}")
    return replace(event, **changes)
