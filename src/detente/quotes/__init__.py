"""Quote stage: quotations and who said them.

1. Direct quotations come from ``marks.find_quoted_spans`` (every mark style, paired per paragraph).
   Short quoted fragments inside a sentence with no cue of their own ("a “dead end.”", titles, scare
   quotes) are not direct quotations; they make the indirect quotation around them *mixed*.
2. Each direct quotation looks for its cue: a reporting verb right after it in the same paragraph
   (``"…," Lavrov said`` / ``- he said``) or right before it (``Lavrov said: "…"``). Two quotations that
   share one cue are one split quotation with two parts. A quotation with no cue is *floating* and takes
   the previous quotation's speaker.
3. Indirect speech: a reporting verb with a clausal complement (``Peskov stressed that …``) or ``according
   to X, …``; its content is the complement clause; *mixed* when it holds a quoted fragment.
4. The speaker is the cue's subject noun phrase. Pronoun speakers ("he said") resolve to the most recent
   speaker of the article (skipping other people mentioned in between, as newswriting does), else to the
   actor stage's pronoun resolution; a bare surname links to the full name met earlier. The speaker's
   actor code comes from the actor stage's mention covering it (the stages meet only in the model).

What it does not do: attribute quotations across articles, or decide event codes (statement events are
the event stage's, via ``Event.quote_id``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from detente.model import CodedArticle, Mention, Problem, Quote
from detente.parse.tree import SentenceView
from detente.quotes.cues import REPORTING_VERBS
from detente.quotes.marks import QuotedSpan, find_quoted_spans

PRONOUNS = {"he", "she", "they", "it", "we", "i"}
MIN_DIRECT_WORDS = 5
_WORD = re.compile(r"\w+")


@dataclass
class _Found:
    kind: str
    parts: list[tuple[int, int]]
    cue: int | None = None  # global token index
    speaker_head: int | None = None
    floating: bool = False
    via: str = ""


class QuoteStage:
    """Adds ``quotes`` to a coded article."""

    name = "quotes"
    reads = ("doc", "mentions")
    adds = ("quotes",)

    def __init__(self, trace: bool = False) -> None:
        self.trace = trace

    def __call__(self, coded: CodedArticle) -> CodedArticle:
        assert coded.doc is not None
        doc = coded.doc
        text = doc.article.text
        spans, notes = find_quoted_spans(text)
        views = [SentenceView(s, [m for m in coded.mentions if s.start <= m.start < s.end]) for s in doc.sentences]
        tokens = doc.tokens
        sentence_of = [0] * len(tokens)
        for view in views:
            for t in view.tokens:
                sentence_of[t.i] = view.sentence.index
        ctx = _Context(text, tokens, views, sentence_of, coded.mentions)
        found = _direct(ctx, spans)
        found += _indirect(ctx, spans, found)
        found.sort(key=lambda f: f.parts[0][0])
        quotes, trace = _attribute(ctx, found, coded.article.id)
        problems = tuple(Problem("quotes", n) for n in notes)
        return replace(
            coded,
            quotes=tuple(quotes),
            problems=coded.problems + problems,
            trace=coded.trace + (tuple(trace) if self.trace else ()),
        )


@dataclass
class _Context:
    text: str
    tokens: tuple
    views: list[SentenceView]
    sentence_of: list[int]
    mentions: tuple[Mention, ...]

    def view_of(self, i: int) -> SentenceView:
        return self.views[self.sentence_of[i]]

    def local(self, i: int) -> int:
        return i - self.view_of(i).base

    def token_at(self, offset: int) -> int | None:
        """The first token starting at or after ``offset``."""
        lo, hi = 0, len(self.tokens)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.tokens[mid].start < offset:
                lo = mid + 1
            else:
                hi = mid
        return lo if lo < len(self.tokens) else None

    def paragraph_bounds(self, offset: int) -> tuple[int, int]:
        start = self.text.rfind("\n\n", 0, offset)
        end = self.text.find("\n\n", offset)
        return (0 if start < 0 else start + 2, len(self.text) if end < 0 else end)


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= offset < b for a, b in spans)


def _is_cue(ctx: _Context, i: int) -> bool:
    tok = ctx.tokens[i]
    return tok.pos in ("VERB", "AUX") and tok.lemma.lower() in REPORTING_VERBS and tok.lemma.lower() != "be"


def _direct(ctx: _Context, spans: list[QuotedSpan]) -> list[_Found]:
    quoted = [p for s in spans for p in s.parts]
    found: list[_Found] = []
    for span in spans:
        a, b = span.parts[0][0], span.parts[-1][1]
        content = ctx.text[a:b]
        words = len(_WORD.findall(content))
        para_start, para_end = ctx.paragraph_bounds(a)
        cue, side = _find_cue(ctx, span, quoted, para_start, para_end)
        ends_sentence = content.rstrip()[-1:] in (".", "!", "?", ",") if content.strip() else False
        whole_paragraph = ctx.text[para_start:a - 1].strip() == "" and span.style != "single"
        if span.style != "dash" and len(span.parts) == 1 and not whole_paragraph:
            if words < MIN_DIRECT_WORDS and not (cue is not None and ends_sentence):
                continue  # a title, a scare quote or a quoted fragment: see _indirect (mixed)
            if cue is None and not ends_sentence and words < 12:
                continue
        head = _speaker_of_cue(ctx, cue) if cue is not None else None
        found.append(_Found("direct", list(span.parts), cue, head, via=f"cue-{side}" if cue is not None else "no-cue"))
    return _merge_split(found)


def _find_cue(ctx: _Context, span: QuotedSpan, quoted: list[tuple[int, int]], para_start: int, para_end: int) -> tuple[int | None, str]:
    """The reporting verb that introduces the quotation, if it stands right beside it.

    After: only punctuation and the verb's own subject may come between the closing mark and the verb
    (``"…," Lavrov said``, ``"…," said Lavrov``, ``- he said``). Before: only punctuation and the verb's
    objects (``Lavrov told reporters: "…"``). A reporting verb further away introduces an indirect
    quotation that merely contains the quoted words (a mixed quotation), not this one.
    """
    end = span.parts[-1][1]
    i = ctx.token_at(end + 1)
    between: list[int] = []
    while i is not None and i < len(ctx.tokens) and len(between) < 10:
        tok = ctx.tokens[i]
        if tok.start >= para_end or _inside(tok.start, quoted):
            break
        if _is_cue(ctx, i):
            if _only(ctx, between, i, {"nsubj", "nsubjpass", "nsubj:pass"}):
                return i, "after"
            break
        if tok.text in (".", "!", "?") and between:
            break
        between.append(i)
        i += 1
    start = span.parts[0][0]
    i = ctx.token_at(start)
    i = (i if i is not None else len(ctx.tokens)) - 1
    while i >= 0 and ctx.tokens[i].start >= start - 1:
        i -= 1  # the opening mark
    between = []
    while i >= 0 and len(between) < 8:
        tok = ctx.tokens[i]
        if tok.end <= para_start or _inside(tok.start, quoted) or tok.text in (".", "!", "?"):
            break
        if _is_cue(ctx, i):
            if _only(ctx, between, i, {"dobj", "obj", "dative", "iobj", "prep", "pobj", "obl", "advmod", "npadvmod"}):
                return i, "before"
            break
        between.append(i)
        i -= 1
    return None, ""


def _only(ctx: _Context, between: list[int], cue: int, deps: set[str]) -> bool:
    """True when every token in ``between`` is punctuation or belongs to a ``deps`` dependent of cue."""
    view = ctx.view_of(cue)
    allowed: set[int] = set()
    for c in view.children[cue - view.base]:
        if view.dep(c) in deps:
            allowed.update(t + view.base for t in view.subtree(c))
    return all(ctx.tokens[b].pos == "PUNCT" or ctx.tokens[b].text in ('"', "'", "-") or b in allowed for b in between)


def _speaker_of_cue(ctx: _Context, cue: int) -> int | None:
    view = ctx.view_of(cue)
    k = cue - view.base
    subj = view.subject(k)
    if subj is not None:
        return subj + view.base
    # "said Lavrov" parsed with the name as object or attribute
    for c in view.children[k]:
        if view.dep(c) in ("dobj", "obj", "attr", "npadvmod") and view.tokens[c].pos in ("PROPN", "NOUN"):
            return c + view.base
    return None


def _merge_split(found: list[_Found]) -> list[_Found]:
    out: list[_Found] = []
    for f in found:
        if out and f.cue is not None and out[-1].cue == f.cue and out[-1].kind == "direct":
            out[-1].parts.extend(f.parts)
            out[-1].via = "split"
            continue
        out.append(f)
    return out


def _indirect(ctx: _Context, spans: list[QuotedSpan], direct: list[_Found]) -> list[_Found]:
    direct_parts = [p for f in direct for p in f.parts]
    direct_cues = {f.cue for f in direct if f.cue is not None}
    quoted = [p for s in spans for p in s.parts]
    out: list[_Found] = []
    for view in ctx.views:
        for k, tok in enumerate(view.tokens):
            i = k + view.base
            if _inside(tok.start, direct_parts) or i in direct_cues:
                continue
            content = None
            head = None
            if _is_cue(ctx, i):
                comps = view.kids(k, {"ccomp"})
                if not comps:
                    continue
                sub = view.subtree(comps[0])
                while len(sub) > 1 and (view.dep(sub[0]) == "mark" or view.tokens[sub[0]].pos == "PUNCT"):
                    sub = sub[1:]  # "stressed that …": the complementiser is not what was said
                head = _speaker_of_cue(ctx, i)
                content = (view.tokens[sub[0]].start, view.tokens[sub[-1]].end)
            elif view.lower[k] == "according" and k + 1 < len(view.tokens) and view.lower[k + 1] == "to":
                objs = [g for c in view.children[k] for g in view.kids(c, {"pobj"})] or [
                    g for g in view.kids(k + 1, {"pobj"})
                ]
                if not objs:
                    continue
                head = objs[0] + view.base
                root = view.head(k)
                while view.head(root) != root:
                    root = view.head(root)
                phrase = set(view.subtree(k))
                rest = [t for t in view.subtree(root) if t not in phrase and view.tokens[t].pos != "PUNCT"]
                if not rest:
                    continue
                content = (view.tokens[rest[0]].start, view.tokens[rest[-1]].end)
            if content is None or content[1] - content[0] < 3:
                continue
            overlap = sum(max(0, min(b, content[1]) - max(a, content[0])) for a, b in direct_parts)
            if overlap > 0.5 * (content[1] - content[0]):
                continue
            kind = "mixed" if any(a < content[1] and content[0] < b for a, b in quoted) else "indirect"
            out.append(_Found(kind, [content], i, head, via="according-to" if view.lower[k] == "according" else "reporting-verb"))
    return out


def _noun_phrase(ctx: _Context, head: int) -> tuple[int, int]:
    view = ctx.view_of(head)
    k = head - view.base
    keep = view.subtree(k, stop={"relcl", "acl", "appos", "punct", "cc", "conj", "prep", "advmod", "acl:relcl"})
    while len(keep) > 1 and view.tokens[keep[0]].dep in ("det", "predet"):
        keep = keep[1:]
    return view.tokens[keep[0]].start, view.tokens[keep[-1]].end


def _attribute(ctx: _Context, found: list[_Found], article_id: str) -> tuple[list[Quote], list[str]]:
    quotes: list[Quote] = []
    trace: list[str] = []
    last: tuple[Mention, str | None, str] | None = None  # (speaker mention, name, text) of the last speaker
    surnames: dict[str, tuple[str, Mention]] = {}
    for n, f in enumerate(found, 1):
        speaker: Mention | None = None
        name: str | None = None
        speaker_text: str | None = None
        via = f.via
        floating = False
        if f.speaker_head is not None:
            view = ctx.view_of(f.speaker_head)
            k = f.speaker_head - view.base
            tok = view.tokens[k]
            if tok.pos == "PRON" and tok.text.lower() in PRONOUNS:
                if last is not None and tok.text.lower() in ("he", "she", "i") and last[0].kind in ("person", "pronoun", "source"):
                    speaker = Mention(tok.start, tok.end, tok.text, last[0].code, "pronoun", f"speaker-coref:{last[0].start}-{last[0].end}", last[1])
                    name, via = last[1], via + "+previous-speaker"
                elif (m := view.mention_at[k]) is not None:
                    speaker, name, via = m, m.name, via + "+pronoun-coref"
                else:
                    speaker = Mention(tok.start, tok.end, tok.text, "", "pronoun", "unresolved")
                speaker_text = tok.text
            else:
                start, end = _noun_phrase(ctx, f.speaker_head)
                speaker_text = ctx.text[start:end]
                m = view.mention_of(k)
                name = _person_name(view, k, ctx.text)
                if m is not None:
                    code, kind, mvia = m.code, m.kind, m.via
                    name = m.name or name
                else:
                    code, kind, mvia = "", "source", "speaker:noun-phrase"
                if name and " " not in name and name in surnames:
                    full, earlier = surnames[name]
                    name = full
                    if not code:
                        code, kind, mvia = earlier.code, earlier.kind, f"surname:{earlier.start}-{earlier.end}"
                speaker = Mention(start, end, speaker_text, code, kind if kind != "country" or not name else "person", mvia, name)
                if name and " " in name:
                    surnames[name.split()[-1]] = (name, speaker)
        elif f.kind == "direct" and last is not None:
            speaker, name, speaker_text = last[0], last[1], last[2]
            floating, via = True, "floating:previous-speaker"
        elif f.kind == "direct":
            floating = True
        cue_span = None
        cue_lemma = None
        if f.cue is not None:
            tok = ctx.tokens[f.cue]
            cue_span, cue_lemma = (tok.start, tok.end), tok.lemma.lower()
            if tok.text.lower() == "according":
                cue_span, cue_lemma = (tok.start, ctx.tokens[f.cue + 1].end), "according to"
        quote = Quote(
            id=f"{article_id}:q{n}",
            article_id=article_id,
            kind=f.kind,
            content=tuple(f.parts),
            speaker_text=speaker_text,
            speaker=speaker,
            cue=cue_span,
            cue_lemma=cue_lemma,
            floating=floating,
            speaker_name=name or (speaker_text if speaker is not None and speaker.kind != "pronoun" else None),
            via=via,
        )
        quotes.append(quote)
        if speaker is not None and speaker.code != "" or (speaker is not None and speaker.kind != "pronoun"):
            if f.kind == "direct" or speaker.kind in ("person", "pronoun"):
                last = (speaker, quote.speaker_name, speaker_text or "")
        trace.append(f"  QUOTE {f.kind} {tuple(f.parts)} speaker={speaker_text!r} ({speaker.code if speaker else '-'}) via {via}")
    return quotes, trace


def _person_name(view: SentenceView, k: int, text: str) -> str | None:
    """The run of capitalised proper nouns ending at the head ("Dmitry Peskov")."""
    if view.tokens[k].pos != "PROPN":
        return None
    start = k
    while start > 0 and view.tokens[start - 1].pos == "PROPN" and view.dep(start - 1) in ("compound", "flat", "flat:name") and view.head(start - 1) in range(start, k + 1):
        start -= 1
    return text[view.tokens[start].start : view.tokens[k].end]
