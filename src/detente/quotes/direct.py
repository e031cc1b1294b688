"""Direct quotations: quoted spans (``marks.py``) and the cue standing beside each one.

A quoted span is a direct quotation when it is said by someone: it has a cue beside it, fills its
paragraph, is dash-delimited, runs over paragraphs, or is long enough to be speech rather than a
title or a scare quote. A short quoted fragment inside a sentence ("a “dead end”", a film title) is not;
it is handed back so an indirect quotation around it can become *mixed*. A title is nobody's words at
all, and its words are no cue: the title of a work after a noun naming it (``his book, “Saving for the Long
Haul,”``, ``Jane Roe's column, “…,”``), a heading in quote marks (Title Case, small words
lower), a transcript's stage direction (``“(LAUGHTER.)”``).

Cues beside a quotation (all inside its paragraph, found on the dependency tree):

- after it: ``"…," Lavrov said`` / ``"…," said Lavrov`` / ``"…," Flynn, a Trump surrogate, said on
  Thursday`` / ``- he said`` — only the verb's subject, auxiliaries, adverbs and punctuation may stand
  between the closing mark and the verb; ``"…," according to the ministry``; ``"…" ― Jane Roe`` (an
  attribution dash and a name);
- before it: ``Lavrov said: "…"`` / ``He told reporters on Tuesday, "…"`` — only the verb's objects,
  prepositional phrases, adverbs, ``that`` and punctuation may stand between the verb and the opening
  mark; ``PENCE: "…"`` / ``Sanders: …`` (a speaker label opening the paragraph).

Two quotations sharing one cue are one split quotation (``"…," Lavrov said, "…"``); a cue-less
quotation right before a quotation with a cue in the same paragraph joins it (``"…." "…," she said``).
A quotation without a cue is *floating*: its speaker is resolved later (``speakers.py``).

What it does not do: pair marks (``marks.py``) or resolve speakers.
"""

from __future__ import annotations

import re

from detente.quotes.context import Context, Found, SpanSet, inside
from detente.quotes.cues import QUOTE_ONLY_VERBS, REPORTING_VERBS
from detente.quotes.marks import QuotedSpan
from detente.stages import Tracer
from detente.text import DASH_TOKENS, QUOTE_STRIP

MIN_DIRECT_WORDS = 5
TITLE_WORDS = 8
LONG_QUOTE_WORDS = 12
_WORD = re.compile(r"\w+")
_TITLE_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
TITLE_SMALL_WORDS = frozenset("a an the and but or nor of in on at to for by with from as is vs".split())
# nouns naming a work whose title may follow in quote marks
WORK_NOUNS = frozenset(
    "book novel memoir biography film movie documentary song anthem album hymn poem play musical "
    "episode column commentary op-ed editorial essay article headline title podcast".split()
)
_SENTENCE_END = {".", "!", "?"}
SUBORDINATORS = {"when", "while", "as", "because", "after", "before", "if", "since", "until", "although", "though", "where", "whereas"}
AFTER_GAP = {"nsubj", "nsubjpass", "nsubj:pass", "aux", "auxpass", "aux:pass", "advmod", "neg", "npadvmod", "prep", "obl", "obl:tmod", "dative"}
BEFORE_GAP = {"dobj", "obj", "dative", "iobj", "prep", "pobj", "obl", "advmod", "npadvmod", "obl:tmod"}
# a speaker label's head word that is document furniture, not a speaker ("Editor's note:", "Update:")
NOT_SPEAKERS = frozenset("note notes update updates correction corrections clarification related photo photos video watch read see also source sources disclosure editor caption credit".split())
_LABEL = re.compile(r"[\"'“‘«„`]*([A-Z][\w.'’\-]*(?:[ \t]+[A-Z][\w.'’\-]*){0,4})[ \t]*:[ \t]+(?=\S)")


def is_cue_verb(ctx: Context, i: int) -> bool:
    tok = ctx.tokens[i]
    lemma = tok.lemma.lower()
    return tok.pos in ("VERB", "AUX") and (lemma in REPORTING_VERBS or lemma in QUOTE_ONLY_VERBS) and lemma != "be"


def find_direct(ctx: Context, spans: list[QuotedSpan], trace: Tracer) -> tuple[list[Found], list[QuotedSpan], list[QuotedSpan]]:
    """Direct quotations; the quoted fragments that are not (for mixed quotations); and among those
    the titles (of works, headings, stage directions), which are nobody's words at all."""
    quoted = SpanSet(p for s in spans for p in s.parts)
    found: list[Found] = []
    fragments: list[QuotedSpan] = []
    titles: list[QuotedSpan] = []
    for span in _split_at_labels(ctx, spans):
        a, b = span.start, span.end
        content = ctx.text[a:b]
        words = len(_WORD.findall(content))
        if words == 0:
            continue
        para_start = ctx.paragraph_of(a)[0]
        para_end = ctx.paragraph_of(b)[1]
        inner = _LABEL.match(ctx.text, a) if ctx.text[para_start:a].strip(" \t\"'“‘«„`") == "" else None
        if inner is not None and (f := label_found(ctx, inner)) is not None:
            # "PENCE: Well, …" inside the marks of a transcript paragraph
            span = QuotedSpan(((inner.end(), span.parts[0][1]),) + span.parts[1:], span.style)
        else:
            f = _cue_after(ctx, span, quoted, para_end) or _cue_before(ctx, span, quoted, para_start) or _label_before(ctx, span, para_start)
        if _stage_direction(content):
            titles.append(span)
            trace("direct:stage-direction", "rejected", f"quoted fragment {content[:40]!r}: a stage direction in a transcript")
            continue
        if (f is None or _title_case(content)) and _after_work_noun(ctx, a, para_start):
            titles.append(span)
            trace("direct:work-title", "rejected", f"quoted fragment {content[:40]!r}: the title of a book, song or column")
            continue
        ends_sentence = content.rstrip()[-1:] in (".", "!", "?", ",")
        opens_paragraph = ctx.text[para_start : a].strip(" \t\"'“”‘’«»„-–—―`") == ""
        if span.style != "dash" and len(span.parts) == 1 and not opens_paragraph:
            if f is not None and f.via in ("cue-before", "cue-before-object", "cue-after") and words <= TITLE_WORDS and _embedded_name(ctx, span):
                fragments.append(span)
                trace("direct:title", "rejected", f"quoted fragment {content[:40]!r}: a name inside a phrase (a title)")
                continue
            # a short quotation with its cue: "…," Lavrov said / Lavrov said: "Never." (not "thanked X for
            # what it called its "humanitarian mediation"", where words stand between cue and mark)
            cue_close = f is not None and (ends_sentence and f.via != "cue-before-object" or f.via in ("cue-before", "label"))
            if words < MIN_DIRECT_WORDS and not cue_close:
                fragments.append(span)
                trace("direct:short-no-cue", "rejected", f"quoted fragment {content[:40]!r}: {words} words, no cue beside it")
                continue
            if f is None and not ends_sentence and words < LONG_QUOTE_WORDS:
                fragments.append(span)
                trace("direct:not-a-sentence", "rejected", f"quoted fragment {content[:40]!r}: no cue, not a sentence")
                continue
        if f is None and opens_paragraph and words <= TITLE_WORDS and _title_case(content) and ctx.text[b:ctx.paragraph_of(b)[1]].strip(" \t\"'”’»-.") == "":
            titles.append(span)
            trace("direct:heading", "rejected", f"quoted fragment {content[:40]!r}: a heading in quote marks")
            continue
        if f is None and not _stands_alone(ctx, span) and (subject := _sentence_subject(ctx, span)) is not None:
            # a quotation inside a sentence without a cue of saying ("Trump proclaimed a goal of "…"")
            # is the words of that sentence's subject
            f = Found("direct", list(span.parts), speaker_head=subject, via="in-sentence")
        elif f is None:
            f = Found("direct", list(span.parts), floating=True, via="no-cue")
        else:
            f.kind, f.parts = "direct", list(span.parts)
        found.append(f)
    return _merge_split(ctx, found), fragments, titles


def _is_dash(text: str) -> bool:
    """A dash token, or a closing mark glued to one (``”―``, which the tokenizer keeps whole)."""
    return text.strip(QUOTE_STRIP) in DASH_TOKENS


def _title_case(content: str) -> bool:
    """Most words capitalised, as in a heading ("All Bets Are Off", "Return of the River Towns",
    "Steel Isn't the Enemy"): short function words may stay lower case."""
    words = [w for w in _TITLE_WORD.findall(content) if w.lower() not in TITLE_SMALL_WORDS]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


def _stage_direction(content: str) -> bool:
    """A transcript's stage direction in brackets ("(LAUGHTER.)", "[applause]"), not speech."""
    body = content.strip(" \t.,;:")
    return len(body) > 2 and body[0] in "([" and body[-1] in ")]" and not any(ch in body[1:-1] for ch in "()[]")


def _after_work_noun(ctx: Context, start: int, para_start: int) -> bool:
    """Does the quoted span follow a noun naming a work (``his 2002 book, "…"``, ``the anthem "…"``,
    ``Jane Roe's commentary, "…"``)? Then it is that work's title."""
    before = ctx.text[max(para_start, start - 60) : start].rstrip(" \t\"'“”‘’«»„`,")
    m = re.search(r"([A-Za-z-]+)$", before)
    return m is not None and m.group(1).lower() in WORK_NOUNS


def _inner_tokens(ctx: Context, span: QuotedSpan) -> list[int]:
    a, b = span.parts[0]
    i = ctx.token_at(a)
    out = []
    while i is not None and i < len(ctx.tokens) and ctx.tokens[i].start < b:
        out.append(i)
        i += 1
    return out


def _embedded_name(ctx: Context, span: QuotedSpan) -> bool:
    """The quoted words form one noun phrase inside a phrase of the sentence: a title (``on Fox
    News's “Fox and Friends”``, ``during a “Commander-in-Chief Forum”``), not what was said."""
    inner = set(_inner_tokens(ctx, span))
    roots = [i for i in inner if ctx.tokens[i].pos != "PUNCT" and ctx.tokens[i].head not in inner]
    return len(roots) == 1 and ctx.tokens[roots[0]].dep in ("pobj", "compound", "poss", "appos", "nmod", "obl")


def _stands_alone(ctx: Context, span: QuotedSpan) -> bool:
    """A quotation without a cue is speech only when it stands as a sentence of its own: nothing but
    punctuation before it in its sentence and paragraph."""
    i = ctx.token_at(span.start)
    if i is None:
        return True
    para_start = ctx.paragraph_of(span.start)[0]
    sentence = ctx.sentence_of[i]
    j = i - 1
    while j >= 0 and ctx.sentence_of[j] == sentence and ctx.tokens[j].start >= para_start:
        if ctx.tokens[j].pos != "PUNCT" and ctx.tokens[j].end <= span.start - 1:
            return False
        j -= 1
    return True


def _sentence_subject(ctx: Context, span: QuotedSpan) -> int | None:
    """The subject of the main verb of the sentence a quotation sits in, when it is outside it."""
    i = ctx.token_at(span.start)
    if i is None:
        return None
    view = ctx.view_of(i)
    k = i - view.base
    while view.head(k) != k:
        k = view.head(k)
    subj = [c for c in view.kids(k, {"nsubj", "nsubjpass", "nsubj:pass"}) if view.tokens[c].pos in ("PROPN", "NOUN", "PRON")]
    if not subj or inside(view.tokens[subj[0]].start, list(span.parts)):
        return None
    return subj[0] + view.base


def _split_at_labels(ctx: Context, spans: list[QuotedSpan]) -> list[QuotedSpan]:
    """A transcript opens each paragraph with a mark and a speaker label and never closes it
    (``"PENCE: …`` / ``"WALLACE: …``): a new label ends the quotation running on before it."""
    out = []
    for span in spans:
        parts: list[tuple[int, int]] = []
        for part in span.parts:
            if parts and _LABEL.match(ctx.text, part[0]) and _label_words_ok(ctx, _LABEL.match(ctx.text, part[0])):
                out.append(QuotedSpan(tuple(parts), span.style))
                parts = []
            parts.append(part)
        out.append(QuotedSpan(tuple(parts), span.style))
    return out


def _label_words_ok(ctx: Context, m: re.Match) -> bool:
    """A speaker label is a name or a noun phrase without article or verb (``PENCE``, ``Sen. Smith``,
    ``Poll``), not a heading (``The Gap Goes On``)."""
    a, b = m.span(1)
    i = ctx.token_at(a)
    while i is not None and i < len(ctx.tokens) and ctx.tokens[i].start < b:
        if ctx.tokens[i].pos in ("DET", "VERB", "AUX", "ADP", "PRON", "SCONJ", "CCONJ"):
            return False
        i += 1
    return True


def _between_ok(ctx: Context, between: list[int], cue: int, deps: set[str]) -> bool:
    """True when every token in ``between`` is punctuation, ``that``, or belongs to a ``deps``
    dependent of cue."""
    view = ctx.view_of(cue)
    allowed: set[int] = set()
    for c in view.children[cue - view.base]:
        if view.dep(c) in deps:
            allowed.update(t + view.base for t in view.subtree(c))
    return all(ctx.tokens[b].pos == "PUNCT" or ctx.tokens[b].text in ('"', "'", "-", "''", "``", "that") or b in allowed for b in between)


def _cue_after(ctx: Context, span: QuotedSpan, quoted: list[tuple[int, int]], para_end: int) -> Found | None:
    i = ctx.token_at(span.end)
    between: list[int] = []
    n = len(ctx.tokens)
    closed = ctx.text[span.start : span.end].rstrip()[-1:] == "."
    mark_sentence = ctx.sentence_of[i] if i is not None and i < n else None
    if i is not None and span.style != "dash":
        # "…” ― Jane Roe": an attribution dash and a name closing the paragraph
        j = i
        while j < n and ctx.tokens[j].start < para_end and ctx.tokens[j].pos == "PUNCT" and not _is_dash(ctx.tokens[j].text):
            j += 1
        if j < n and _is_dash(ctx.tokens[j].text) and ctx.tokens[j].start < para_end:
            k = j + 1
            while k < n and ctx.tokens[k].start < para_end and ctx.tokens[k].text[:1].isupper() and ctx.tokens[k].pos in ("PROPN", "NOUN", "ADJ"):
                k += 1
            rest = ctx.text[ctx.tokens[k - 1].end : para_end].strip().strip(".;").strip() if k > j + 1 else "x"
            if k > j + 1 and (rest == "" or rest[:1] in ",("):
                dash = ctx.tokens[j]
                mark = dash.start + len(dash.text) - len(dash.text.lstrip("\"'“”‘’»«"))
                return Found("direct", [], cue_span=(mark, dash.end), cue_lemma=ctx.text[mark : dash.end],
                             speaker_span=(ctx.tokens[j + 1].start, ctx.tokens[k - 1].end), via="dash-name")
    while i is not None and i < n and len(between) < 30:
        tok = ctx.tokens[i]
        if tok.start >= para_end or inside(tok.start, quoted):
            break
        if closed and ctx.sentence_of[i] != mark_sentence:
            break  # "….'' The network said" starts a sentence of its own
        if is_cue_verb(ctx, i):
            if _between_ok(ctx, between, i, AFTER_GAP) and not any(ctx.tokens[b].text.lower() in SUBORDINATORS for b in between):
                return Found("direct", [], cue=i, via="cue-after")
            break
        low = tok.text.lower()
        if low == "according" and i + 1 < n and ctx.tokens[i + 1].text.lower() == "to" and all(ctx.tokens[b].pos == "PUNCT" for b in between):
            view = ctx.view_of(i)
            objs = view.kids(i + 1 - view.base, {"pobj"}) or [c for c in view.kids(i - view.base) for c in view.kids(c, {"pobj"})]
            if objs:
                return Found("direct", [], cue=i, cue_span=(tok.start, ctx.tokens[i + 1].end), cue_lemma="according to",
                             speaker_head=objs[0] + view.base, via="according-to")
            break
        if tok.text in _SENTENCE_END and any(ctx.tokens[b].pos != "PUNCT" for b in between):
            break
        between.append(i)
        i += 1
    return None


def _cue_before(ctx: Context, span: QuotedSpan, quoted: list[tuple[int, int]], para_start: int) -> Found | None:
    found = _scan_back(ctx, span.start, quoted, para_start)
    if found is None and ctx.text[para_start : span.start].strip(" \t\"'“‘«„`") == "":
        # "McCrummen reports:" closing the paragraph before the quotation
        k = ctx.paragraph_index(para_start)
        if k > 0:
            prev_start, prev_end = ctx.paragraphs[k - 1]
            if ctx.text[prev_start:prev_end].rstrip().endswith(":"):
                found = _scan_back(ctx, prev_end, quoted, prev_start)
    return found


def _scan_back(ctx: Context, start: int, quoted: list[tuple[int, int]], para_start: int) -> Found | None:
    i = ctx.token_at(start)
    i = (i if i is not None else len(ctx.tokens)) - 1
    while i >= 0 and ctx.tokens[i].start >= start - 2 and ctx.tokens[i].pos == "PUNCT":
        i -= 1  # the opening mark
    between: list[int] = []
    while i >= 0 and len(between) < 30:
        tok = ctx.tokens[i]
        if tok.end <= para_start or inside(tok.start, quoted) or tok.text in _SENTENCE_END:
            break
        if is_cue_verb(ctx, i) and _between_ok(ctx, between, i, BEFORE_GAP):
            adjacent = all(ctx.tokens[b].pos == "PUNCT" or ctx.tokens[b].text.lower() == "that" for b in between)
            return Found("direct", [], cue=i, via="cue-before" if adjacent else "cue-before-object")
        between.append(i)  # a cue verb that does not reach the mark (inside a relative clause) is skipped
        i -= 1
    return None


def _label_before(ctx: Context, span: QuotedSpan, para_start: int) -> Found | None:
    m = _LABEL.match(ctx.text, para_start)
    if not m or ctx.text[m.end() : span.start].strip(" \"'“‘«„`") != "":
        return None
    return label_found(ctx, m)


def label_found(ctx: Context, m: re.Match) -> Found | None:
    """A speaker label (``PENCE:``, ``Poll:``) as the cue of what follows it, unless it is document
    furniture (``Editor's note:``)."""
    label = m.group(1)
    if not _label_words_ok(ctx, m):
        return None
    last = re.sub(r"['’]s$", "", label.split()[-1]).lower()
    if last in NOT_SPEAKERS or any(w.lower().rstrip("'’s") in NOT_SPEAKERS for w in label.split()):
        return None
    colon = m.end(1) + ctx.text[m.end(1) : m.end()].index(":")
    return Found("direct", [], cue_span=(colon, colon + 1), cue_lemma=":", speaker_span=(m.start(1), m.end(1)), via="label")


def _merge_split(ctx: Context, found: list[Found]) -> list[Found]:
    out: list[Found] = []
    for f in found:
        prev = out[-1] if out else None
        if prev is not None and prev.kind == "direct":
            same_cue = f.cue is not None and prev.cue == f.cue
            same_para = ctx.paragraph_of(prev.end)[0] == ctx.paragraph_of(f.start)[0]
            gap = ctx.text[prev.end : f.start].strip(" \t\n\"'“”‘’«»„,.;:!?")
            if same_cue:
                prev.parts.extend(f.parts)
                prev.via = "split"
                continue
            if prev.floating and f.cue is not None and same_para and gap == "":
                # "…." "…," she said: the first quotation belongs to the second's cue
                f.parts = prev.parts + f.parts
                f.via = "split"
                out[-1] = f
                continue
            if f.floating and prev.via == "cue-after" and same_para and _only_the_cue_between(ctx, prev, f):
                # "…," said Obama. "…": the quotation goes on after its cue, in the same paragraph
                prev.parts.extend(f.parts)
                prev.via = "split"
                continue
        out.append(f)
    return out


def _only_the_cue_between(ctx: Context, prev: Found, f: Found) -> bool:
    """Between two quotations stands nothing but the first one's cue sentence (and punctuation)."""
    if prev.cue is None:
        return False
    cue_sentence = ctx.sentence_of[prev.cue]
    i = ctx.token_at(prev.end)
    while i is not None and i < len(ctx.tokens) and ctx.tokens[i].start < f.start - 1:
        tok = ctx.tokens[i]
        if tok.pos != "PUNCT" and ctx.sentence_of[i] != cue_sentence:
            return False
        i += 1
    return True
