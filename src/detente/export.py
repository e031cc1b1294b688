"""Writers: coded articles -> JSONL or CSV records of events and quotes (DESIGN.md §5).

Event records are the ``Event`` fields with the actor mentions flattened (``source``, ``source_text``,
``source_start``, ``source_end``, ``source_via``, the same for ``target``) plus ``sentence_text``. Quote
records carry ``id``, ``article_id``, ``kind``, ``content`` (character spans), ``text``, the speaker
(``speaker_text``, ``speaker_start``, ``speaker_end``, ``speaker_name``, ``speaker_role``, ``speaker`` code), ``cue``,
``cue_lemma``, ``floating`` and ``via``. CSV has the same columns, lists written as JSON.
"""

from __future__ import annotations

import csv
import json
from typing import IO, Any, Iterable, Iterator

from detente.model import CodedArticle, Event, Mention, Quote

EVENT_FIELDS = [
    "id", "article_id", "date", "sentence", "source", "source_text", "source_start", "source_end", "source_via",
    "target", "target_text", "target_start", "target_end", "target_via", "cameo", "plover", "plover_mode",
    "quad_class", "goldstein", "modality", "compound", "quote_id", "trigger", "trigger_text", "evidence",
    "origin", "rule", "confidence", "sentence_text",
]
QUOTE_FIELDS = [
    "id", "article_id", "kind", "content", "text", "speaker_text", "speaker_start", "speaker_end",
    "speaker_name", "speaker_role", "speaker", "cue", "cue_lemma", "floating", "via",
]


def _actor(prefix: str, m: Mention | None) -> dict[str, Any]:
    if m is None:
        return {prefix: None, f"{prefix}_text": None, f"{prefix}_start": None, f"{prefix}_end": None, f"{prefix}_via": None}
    return {prefix: m.code or None, f"{prefix}_text": m.text, f"{prefix}_start": m.start, f"{prefix}_end": m.end, f"{prefix}_via": m.via}


def event_record(coded: CodedArticle, event: Event) -> dict[str, Any]:
    text = coded.article.text
    sentence_text = None
    if coded.doc is not None and 0 <= event.sentence < len(coded.doc.sentences):
        s = coded.doc.sentences[event.sentence]
        sentence_text = text[s.start : s.end]
    return {
        "id": event.id,
        "article_id": event.article_id,
        "date": event.date.isoformat() if event.date else None,
        "sentence": event.sentence,
        **_actor("source", event.source),
        **_actor("target", event.target),
        "cameo": event.cameo,
        "plover": event.plover,
        "plover_mode": event.plover_mode,
        "quad_class": event.quad_class,
        "goldstein": event.goldstein,
        "modality": event.modality,
        "compound": event.compound,
        "quote_id": event.quote_id,
        "trigger": list(event.trigger),
        "trigger_text": text[event.trigger[0] : event.trigger[1]],
        "evidence": list(event.evidence),
        "origin": event.origin,
        "rule": event.rule,
        "confidence": event.confidence,
        "sentence_text": sentence_text,
    }


def quote_record(coded: CodedArticle, quote: Quote) -> dict[str, Any]:
    text = coded.article.text
    sp = quote.speaker
    return {
        "id": quote.id,
        "article_id": quote.article_id,
        "kind": quote.kind,
        "content": [list(s) for s in quote.content],
        "text": " … ".join(text[a:b].strip() for a, b in quote.content),
        "speaker_text": quote.speaker_text,
        "speaker_start": sp.start if sp else None,
        "speaker_end": sp.end if sp else None,
        "speaker_name": quote.speaker_name,
        "speaker_role": quote.speaker_role,
        "speaker": (sp.code or None) if sp else None,
        "cue": list(quote.cue) if quote.cue else None,
        "cue_lemma": quote.cue_lemma,
        "floating": quote.floating,
        "via": quote.via,
    }


def event_records(coded: Iterable[CodedArticle]) -> Iterator[dict[str, Any]]:
    for c in coded:
        for e in c.events:
            yield event_record(c, e)


def quote_records(coded: Iterable[CodedArticle]) -> Iterator[dict[str, Any]]:
    for c in coded:
        for q in c.quotes:
            yield quote_record(c, q)


def write_records(records: Iterable[dict[str, Any]], out: IO[str], fmt: str, fields: list[str]) -> int:
    """Write records as JSONL or CSV; returns how many were written. Streams: one record at a time."""
    n = 0
    if fmt == "jsonl":
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            n += 1
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=fields, extrasaction="ignore")
        writer.writeheader()
        for record in records:
            writer.writerow({k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v for k, v in record.items()})
            n += 1
    else:
        raise ValueError(f"unknown format {fmt!r}")
    return n
