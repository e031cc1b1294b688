"""Human-readable views of coding: ``explain`` (one text, step by step) and ``demo`` (a corpus summary).

``explain`` shows the tokens and their parse, the actor mentions with how each code was resolved, the
patterns tried on each trigger and which fired, and the events and quotations produced — everything
needed to see why detente coded what it did.
"""

from __future__ import annotations

from collections import Counter
from importlib import resources
from pathlib import Path

from detente.model import Article, CodedArticle, Ingested, Place, Problem
from detente.pipeline import Pipeline


def explain(pipeline: Pipeline, source: str) -> str:
    """Explain the coding of ``source``: a file path (first article) or the text itself."""
    return render(explain_coded(pipeline, source))


def explain_coded(pipeline: Pipeline, source: str) -> CodedArticle:
    """``source`` coded with a trace: a file path (its first article) or the text itself."""
    from detente.errors import InputError
    from detente.ingest import read_inputs

    if _is_file(source):
        read = list(read_inputs([source]))
        items = [i for i in read if not isinstance(i, Problem)]
        if not items:
            reason = next((str(p) for p in read if isinstance(p, Problem)), "no article could be read")
            raise InputError(reason)
        item = items[0]
    else:
        item = Ingested(Article(id="explain", text=source))
    return next(pipeline.code([item]))


def _is_file(source: str) -> bool:
    """Whether ``source`` names a file; a sentence longer than a file name can be is text, not an error."""
    try:
        return Path(source).is_file()
    except (OSError, ValueError):  # "File name too long", an embedded NUL
        return False


def render(coded: CodedArticle) -> str:
    out: list[str] = []
    text = coded.article.text
    out.append(f"article {coded.article.id}  date {coded.article.published or '-'}")
    for s in coded.doc.sentences if coded.doc is not None else ():
        out.append("")
        out.append(f"sentence {s.index} [{s.start}:{s.end}]: {text[s.start:s.end]}")
        out.append(f"  {'i':>4} {'token':<16} {'lemma':<14} {'pos':<6} {'dep':<10} head")
        for t in s.tokens:
            out.append(f"  {t.i:>4} {t.text:<16} {t.lemma:<14} {t.pos:<6} {t.dep:<10} {t.head}")
    out.append("")
    out.append("mentions (code <- how it was resolved):")
    for m in coded.mentions:
        name = f" name={m.name!r}" if m.name else ""
        out.append(f"  [{m.start}:{m.end}] {m.text!r:<40} {m.code:<10} {m.kind:<12} {m.resolution:<12} via {m.via}{name}")
    out.append("")
    out.append("rules tried and what they did (stage, outcome, rule id: detail):")
    steps = [t for t in coded.trace if t.stage != "actors"]
    out.extend(f"  {t}" for t in steps)
    if not steps:
        out.append("  (none)")
    out.append("")
    out.append("events:")
    for e in coded.events:
        out.append(
            f"  {e.id}: {e.source.code if e.source else '-'} -> {e.target.code if e.target else '-'} "
            f"CAMEO {e.cameo} PLOVER {e.plover or '-'} quad {e.quad_class} goldstein {e.goldstein} "
            f"{e.modality}  trigger {text[e.trigger[0]:e.trigger[1]]!r} {e.origin} rule {e.rule}"
        )
        out.append(f"      where: {describe_place(e.location, text)}")
    if not coded.events:
        out.append("  (none)")
    out.append("")
    out.append("quotes:")
    for q in coded.quotes:
        body = " … ".join(text[a:b] for a, b in q.content)
        out.append(f"  {q.id} {q.kind}{' floating' if q.floating else ''}: {body[:100]!r}")
        out.append(
            f"      speaker {q.speaker_text!r} -> {q.speaker_name!r} ({q.speaker.code if q.speaker and q.speaker.code else '-'})"
            f" cue {q.cue_lemma!r} via {q.via}"
        )
    if not coded.quotes:
        out.append("  (none)")
    if coded.problems:
        out.append("")
        out.append("problems:")
        out.extend(f"  {p.severity} in {p.stage}: {p.where + ': ' if p.where else ''}{p.message}" for p in coded.problems)
    return "\n".join(out) + "\n"


def sample_corpus() -> Path:
    return Path(str(resources.files("detente") / "data" / "sample" / "articles.jsonl"))


def _known(mention) -> bool:
    return mention is not None and not mention.code.startswith("---")


def _party(code: str) -> str:
    """The country (or organisation) part of an actor code: RUSGOV -> RUS, IGOUNO -> IGOUNO."""
    return code[:6] if code[:3] in ("IGO", "NGO", "MNC") else code[:3]


def demo(pipeline: Pipeline) -> str:
    """Code the bundled sample corpus; summarise events by dyad and show some quotations."""
    return summarise(list(code_sample(pipeline)))


def demo_store(pipeline: Pipeline, db: str, on_article=None) -> str:
    """``make demo``: code the bundled sample corpus into the store ``db`` (its rows replaced, so the
    demo can run again), then the analyst's view of it: the coding summary, the most active and most
    conflictual dyads, the RUS-USA series both ways with the reciprocity tests, and any alerts."""
    from detente import analyze
    from detente.store.load import ingest

    coded: list[CodedArticle] = []

    def keep(c: CodedArticle) -> None:
        coded.append(c)
        if on_article is not None:
            on_article(c)

    written = ingest([str(sample_corpus())], db, pipeline, on_article=keep)
    con = analyze.connect(db)
    try:
        stored = analyze.summary(con)
    finally:
        con.close()
    return (summarise(coded) + f"\nstored in {db}: {written.line()}\n"
            + f"(query it: detente events --db {db} --source RUS --target USA; detente dyad RUS USA --db {db} --both;\n"
            + f" see it: detente serve --db {db}, then open http://127.0.0.1:8000)\n\n"
            + stored)


def code_sample(pipeline: Pipeline):
    """The bundled sample corpus, coded (an iterator of ``CodedArticle``)."""
    from detente.errors import InputError
    from detente.ingest import read_inputs

    def rejected(p: Problem) -> None:
        raise InputError(f"the bundled sample corpus is damaged: {p}")

    return pipeline.code(read_inputs([str(sample_corpus())]), on_rejected=rejected)


def describe_place(place: Place | None, text: str) -> str:
    """An event's location in words, with the evidence and the rule that chose it (``via``)."""
    if place is None:
        return "not stated (no locative, clause place or dateline places it)"
    parts = [f"{place.type} {place.name} ({place.country}{', ' + place.adm1 if place.adm1 else ''})"]
    if place.lat is not None and place.lon is not None:
        parts.append(f"at {place.lat:.4f},{place.lon:.4f}")
    if place.geonameid:
        parts.append(f"GeoNames {place.geonameid}")
    if place.span:
        parts.append(f"from {text[place.span[0]:place.span[1]]!r} [{place.span[0]}:{place.span[1]}]")
    parts.append(f"via {place.via}")
    return " ".join(parts)


def summarise(coded: list[CodedArticle]) -> str:
    """The demo's summary of coded articles: events by dyad, some events and quotations."""
    events = [(c, e) for c in coded for e in c.events]
    quotes = [(c, q) for c in coded for q in c.quotes]
    out = [f"detente demo: {len(coded)} sample articles -> {len(events)} events, {len(quotes)} quotations", ""]
    out.append("events by dyad (source -> target: count, most frequent CAMEO codes):")
    dyads: dict[tuple[str, str], Counter] = {}
    # relations between two parties (an actor acting on its own country is domestic, not a dyad)
    complete = [(c, e) for c, e in events if _known(e.source) and _known(e.target) and _party(e.source.code) != _party(e.target.code)]
    for _, e in complete:
        dyads.setdefault((_party(e.source.code), _party(e.target.code)), Counter())[e.cameo] += 1
    for (s, t), codes in sorted(dyads.items(), key=lambda kv: -sum(kv[1].values()))[:15]:
        out.append(f"  {s} -> {t}: {sum(codes.values()):>3}  " + ", ".join(f"{c}×{n}" for c, n in codes.most_common(4)))
    out.append("")
    out.append(f"some events ({len(complete)} of {len(events)} relate two known parties):")
    for c, e in complete[:12]:
        trig = c.article.text[e.trigger[0]:e.trigger[1]]
        out.append(
            f"  {e.date or '-'} {e.source.code if e.source else '-':<8} {e.cameo:<5} {e.target.code if e.target else '-':<8}"
            f" {e.plover or '-':<9} {e.modality:<12} {trig!r} ({c.article.id})"
        )
    out.append("")
    out.append("some quotations (speaker: text):")
    for c, q in quotes[:12]:
        body = " … ".join(c.article.text[a:b].strip() for a, b in q.content)
        who = q.speaker_name or q.speaker_text or "?"
        code = q.speaker.code if q.speaker and q.speaker.code else "-"
        out.append(f"  [{q.kind}] {who} ({code}): {body[:90]}{'…' if len(body) > 90 else ''}")
    problems = sum(len(c.problems) for c in coded)
    out.append("")
    out.append(f"problems recorded: {problems}")
    out.append("try: .venv/bin/detente explain \"Russia said it wants good relations with the US.\"")
    return "\n".join(out) + "\n"
