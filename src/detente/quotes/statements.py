"""Statements as events: an attributed quotation becomes a CAMEO event with its speaker as source.

The cue decides the code (``cues.CUE_CODES``; CAMEO manual 1.1b3 ch. 2: criticised -> 111, accused
-> 112, warned -> 130, urged -> 020, demanded -> 100, praised -> 051, promised -> 030, rejected ->
120…); a neutral cue of saying (``said``, ``told``, no cue) gives a plain statement (010) unless what
was said is a negative evaluation ("a dead end", "hostile", "irresponsible"), which makes it a
criticism (111). ``denied`` gives a statement with the ``denied`` modality; a negated cue (``did not
criticise``) the ``negated`` one. The target is the first actor mention in the content that is not the
speaker's own country; a statement with no such target relates nobody and yields no event (as in the
event stage). Each event carries the quotation's id in ``quote_id`` and an id ``<article>:qe<n>``
that cannot collide with the event stage's ``<article>:e<n>``.

What it does not do: code the events *inside* what was said (the event stage codes those), or
statements of belief, intention or stance (``believes that``, ``wants to``, ``supports``:
attributions, not speech acts).
"""

from __future__ import annotations

import re

from detente import cameo
from detente.model import Event, Mention, Quote
from detente.quotes.context import Context
from detente.quotes.cues import CUE_CODES, NOT_SPEECH, NEGATIVE_EVALUATION, NEGATIVE_PHRASES, NEGATORS, POSITIVE_QUALITIES

NEUTRAL = "010"


def statement_events(ctx: Context, quotes: list[Quote], cue_tokens: dict[str, int | None]) -> list[Event]:
    events: list[Event] = []
    article = ctx.coded.article
    for q in quotes:
        sp = q.speaker
        if sp is None or not sp.code:
            continue
        lemma = (q.cue_lemma or "").lower()
        if lemma in NOT_SPEECH and lemma not in CUE_CODES:
            continue
        code = CUE_CODES.get(lemma, NEUTRAL)
        if code == NEUTRAL and _negative(ctx, q):
            code = "111"
        target = _target(ctx, q, sp, neutral=code == NEUTRAL)
        if target is None:
            continue
        cue = cue_tokens.get(q.id)
        modality = "denied" if lemma == "deny" else "negated" if cue is not None and _negated(ctx, cue) else "asserted"
        start = min(a for a, _ in q.content)
        end = max(b for _, b in q.content)
        if q.cue:
            start, end = min(start, q.cue[0]), max(end, q.cue[1])
        trigger = q.cue or (start, start)
        sentence = ctx.sentence_of[ctx.token_covering(trigger[0]) or ctx.token_at(trigger[0]) or 0] if ctx.tokens else 0
        events.append(
            Event(
                id=f"{article.id}:qe{len(events) + 1}",
                article_id=article.id,
                sentence=sentence,
                date=article.published,
                source=sp,
                target=target,
                cameo=code,
                **cameo.scores(code),
                modality=modality,
                quote_id=q.id,
                evidence=(start, end),
                trigger=trigger,
                rule=f"quotes:{q.via or 'quote'}:{lemma or 'no-cue'}",
            )
        )
    return events


def _content_tokens(ctx: Context, q: Quote) -> list[int]:
    out = []
    for a, b in q.content:
        i = ctx.token_at(a)
        while i is not None and i < len(ctx.tokens) and ctx.tokens[i].start < b:
            out.append(i)
            i += 1
    return out


def _negative(ctx: Context, q: Quote) -> bool:
    """Does what was said evaluate something negatively: a negative word or phrase ("hostile", "a dead
    end"), or a positive quality denied ("neither … nor … are reliable partners")?"""
    toks = _content_tokens(ctx, q)
    words = {ctx.tokens[i].lemma.lower() for i in toks} | {ctx.tokens[i].text.lower() for i in toks}
    if words & NEGATIVE_EVALUATION:
        return True
    text = re.sub(r"[-\s]+", " ", " ".join(ctx.text[a:b].lower() for a, b in q.content))
    if any(p in text for p in NEGATIVE_PHRASES):
        return True
    for n, i in enumerate(toks):
        if ctx.tokens[i].lemma.lower() in POSITIVE_QUALITIES:
            before = {ctx.tokens[j].text.lower() for j in toks[max(0, n - 8) : n]}
            if before & NEGATORS:
                return True
    return False


def _target(ctx: Context, q: Quote, speaker: Mention, neutral: bool) -> Mention | None:
    """The actor a statement is about: the first actor mention in the content that is not the
    speaker's own country; for a plain statement (010) only one in the subject of what was said
    ("Lavrov said Washington's policy …"), since any actor merely named in passing is no target."""
    own = speaker.code[:3]
    spans = _subject_spans(ctx, q) if neutral else list(q.content)
    for m in ctx.mentions:
        if m.kind == "pronoun" or not m.code or m.code.startswith("---") or m.code[:3] == own:
            continue
        if any(a <= m.start and m.end <= b for a, b in spans):
            return m
    return None


def _subject_spans(ctx: Context, q: Quote) -> list[tuple[int, int]]:
    """Character spans of the subjects of the clauses that make up a quotation's content."""
    toks = set(_content_tokens(ctx, q))
    spans = []
    for i in toks:
        tok = ctx.tokens[i]
        if tok.head in toks and tok.head != i:
            continue
        view = ctx.view_of(i)
        for c in view.kids(i - view.base, {"nsubj", "nsubjpass", "nsubj:pass"}):
            sub = view.subtree(c)
            spans.append((view.tokens[sub[0]].start, view.tokens[sub[-1]].end))
    return spans


def _negated(ctx: Context, cue: int) -> bool:
    view = ctx.view_of(cue)
    k = cue - view.base
    return any(view.dep(c) == "neg" for c in view.children[k])
