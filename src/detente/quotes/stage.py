"""Quote stage: quotations and who said them.

1. Quote marks of every style are paired per paragraph (``marks.py``, ``layout.py``).
2. Direct quotations and the cue beside each (``direct.py``); split quotations become one quotation
   with two parts; a quotation without a cue is *floating*.
3. Indirect and mixed quotations from the dependency tree (``indirect.py``): reporting verbs with a
   clause, infinitive, prepositional or noun-phrase content, nouns of saying, ``according to``,
   speaker labels.
4. Reconciliation: a cue-less quoted span inside a reported clause is part of that (mixed) quotation; a
   reported clause that repeats a direct quotation with the same cue is dropped.
5. Kind, from the content and the quote marks: *direct* when (nearly) all of its letters are inside
   quote marks, *mixed* when some are, *indirect* when none are.
6. Speakers (``speakers.py``): noun phrase with its actor code, pronouns and floating quotations
   resolved across sentences, surnames and roles linked to the person met earlier.

What it does not do: make events — the attribution stage after it turns attributed quotations into
statement events and links pattern events to the quotations around them — or read another stage: the
actor stage's mentions come through the model (``coded.mentions``).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace
from itertools import accumulate

from detente.dictionaries import Rules
from detente.model import CodedArticle, Problem, Quote
from detente.quotes.context import Context, Found, overlap
from detente.quotes.direct import find_direct
from detente.quotes.indirect import find_indirect, speaker_of_cue
from detente.quotes.marks import MARKUP, find_quoted_spans
from detente.quotes.speakers import SpeakerResolver
from detente.stages import StageContext, Tracer, register_stage

DIRECT_SHARE = 0.95


class QuoteStage:
    """Adds ``quotes`` to a coded article; a stray quote mark is a warning ``Problem`` on it."""

    name = "quotes"
    reads = ("doc", "mentions")
    adds = ("quotes", "problems")

    def __init__(self, rules: Rules) -> None:
        self.rules = rules

    def __call__(self, coded: CodedArticle, trace: Tracer | None = None) -> CodedArticle:
        if coded.doc is None:
            return coded
        quotes, notes = extract(coded, self.rules, trace if trace is not None else Tracer(self.name))
        problems = tuple(Problem("quotes", n, severity="warning", article=coded.article.id) for n in notes)
        return replace(coded, quotes=tuple(quotes), problems=coded.problems + problems)


@register_stage("quotes")
def make_quote_stage(context: StageContext) -> QuoteStage:
    return QuoteStage(context.dictionaries.rules)


def extract(coded: CodedArticle, rules: Rules, trace: Tracer | None = None) -> tuple[list[Quote], list[str]]:
    """(quotes, notes on stray marks) of one coded article; decisions go to ``trace``."""
    trace = trace if trace is not None else Tracer("quotes")
    ctx = Context(coded, rules)
    spans, notes = find_quoted_spans(ctx.text)
    direct, _fragments, titles = find_direct(ctx, spans, trace)
    for f in direct:
        if f.cue is not None and f.speaker_head is None:
            f.speaker_head = speaker_of_cue(ctx, f.cue, f.parts)
    # markup left in the text (<tweet author="…">) is no one's words
    markup = [m.span() for m in MARKUP.finditer(ctx.text)] if "<" in ctx.text else []
    # a title in quote marks (a book, a heading, a stage direction) is nobody's words, and its words
    # are no cue: "Smith, tell us your story," is a column's title, not an order
    named = [p for t in titles for p in t.parts]
    taken = [p for f in direct for p in f.parts] + markup + named
    indirect = [g for g in find_indirect(ctx, taken, trace) if overlap(g.parts, named) * 2 <= sum(b - a for a, b in g.parts)]
    found = _reconcile(direct, indirect, trace)
    regions = [p for s in spans for p in s.parts]
    letters = _Letters(ctx.text)
    for f in found:
        if f.kind != "direct":
            total = sum(letters.count(a, b) for a, b in f.parts)
            inside = letters.overlap(f.parts, regions)
            f.kind = "direct" if total and inside >= DIRECT_SHARE * total else "mixed" if inside else "indirect"
    resolver = SpeakerResolver(ctx, [p for f in found for p in f.parts])
    speakers = {}
    for f in sorted(found, key=lambda f: _anchor(ctx, f)):
        speakers[id(f)] = resolver.resolve(f)
    found.sort(key=lambda f: f.start)
    article_id = coded.article.id
    quotes: list[Quote] = []
    for n, f in enumerate(found, 1):
        sp = speakers[id(f)]
        cue_span, cue_lemma = f.cue_span, f.cue_lemma
        if cue_span is None and f.cue is not None:
            tok = ctx.tokens[f.cue]
            cue_span, cue_lemma = (tok.start, tok.end), tok.lemma.lower()
        q = Quote(
            id=f"{article_id}:q{n}",
            article_id=article_id,
            kind=f.kind,
            content=tuple(f.parts),
            speaker_text=sp.text,
            speaker=sp.mention,
            cue=cue_span,
            cue_lemma=cue_lemma,
            floating=f.floating,
            speaker_name=sp.name,
            via=f.via + sp.via,
            speaker_role=speaker_role(sp.text, sp.name) if sp.mention is not None and sp.mention.kind == "person" else None,
        )
        quotes.append(q)
        if trace.on:
            body = " … ".join(ctx.text[a:b] for a, b in q.content)
            who = f"{sp.text!r} -> {sp.name!r} ({sp.mention.code if sp.mention and sp.mention.code else '-'})"
            trace(q.via or "quote", "quote", f"{q.id} {q.kind}{' floating' if q.floating else ''} {body[:70]!r} cue {cue_lemma!r} speaker {who}")
    return quotes, notes


def _anchor(ctx: Context, f: Found) -> int:
    """Where the speaker is met in the walk: the speaker word, else the quotation."""
    if f.speaker_head is not None:
        return ctx.tokens[f.speaker_head].start
    if f.speaker_span is not None:
        return f.speaker_span[0]
    return f.start


def _reconcile(direct: list[Found], indirect: list[Found], trace: Tracer) -> list[Found]:
    """Merge what two rules found about one quotation (see the module docstring, step 4)."""
    keep_direct = []
    near_indirect = _overlapping(indirect)
    for d in direct:
        dlen = sum(b - a for a, b in d.parts)
        cover = next((g for g in near_indirect(d.start, d.end) if overlap(d.parts, g.parts) >= 0.9 * dlen and sum(b - a for a, b in g.parts) > dlen + 8), None)
        if d.cue is None and d.speaker_span is None and cover is not None:
            trace("reconcile:mixed", "merged", f"cue-less quoted span at {d.start} is part of the reported clause at {cover.start}")
            continue
        keep_direct.append(d)
    out = list(keep_direct)
    near_direct = _overlapping(keep_direct)
    for g in indirect:
        glen = sum(b - a for a, b in g.parts)
        clash = [d for d in near_direct(g.start, g.end) if overlap(d.parts, g.parts) > 0.5 * glen]
        if clash:
            continue
        out.append(g)
    return out


def _overlapping(found: list[Found]):
    """A function giving, in list order, the items of ``found`` whose [start, end) overlaps a range
    (sorted by start with the running maximum of ends, so that a look-up does not scan them all)."""
    order = sorted(range(len(found)), key=lambda n: found[n].start)
    starts = [found[n].start for n in order]
    reach = list(accumulate((found[n].end for n in order), max))

    def near(start: int, end: int) -> list[Found]:
        hits = []
        i = bisect_left(starts, end) - 1
        while i >= 0 and reach[i] > start:
            n = order[i]
            if found[n].end > start:
                hits.append(n)
            i -= 1
        return [found[n] for n in sorted(hits)]

    return near


class _Letters:
    """Letters and digits in character ranges, for the kind of a quotation."""

    def __init__(self, text: str) -> None:
        self.text = text

    def count(self, a: int, b: int) -> int:
        return sum(map(str.isalnum, self.text[a:b])) if b > a else 0

    def overlap(self, xs, ys) -> int:
        return sum(self.count(max(a, c), min(b, d)) for a, b in xs for c, d in ys)


def speaker_role(text: str | None, name: str | None) -> str | None:
    """The role part of a speaker phrase: "Kremlin spokesperson Dmitry Peskov" -> "Kremlin
    spokesperson", "Russia's foreign minister Sergey Lavrov" -> "Russia's foreign minister"; None when
    the phrase is only a name or a pronoun."""
    if not text or not name or name not in text:
        return None
    role = text.replace(name, " ").strip(" ,;:-\u2013\u2014")
    role = " ".join(role.split())
    if role.lower() in ("", "the", "a", "an") or not any(ch.isalpha() for ch in role):
        return None
    return role
