"""Match one event pattern against a trigger's clause on the dependency tree.

The words a pattern may see are the trigger's own clause (``SentenceView.clause``: its subtree without
embedded clauses), in text order; for a noun trigger, the noun's subtree plus the rest of the clause of
the verb that governs it, after the noun ("imposed sanctions on Russia" attaches "on Russia" to the verb).
Elements before ``*`` are matched leftwards from the trigger, elements after it rightwards, in order;
literals may skip words unless joined by ``_``; ``+``/``$`` take the first actor mention at or after
(before) the current position. This is the TABARI/PETRARCH reading of a pattern, with the flat sentence
replaced by the trigger's clause so words of another clause never complete a pattern.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from detente.dictionaries import Element, Pattern
from detente.model import Mention
from detente.doc import SentenceView
from detente.text import QUOTE_TOKENS


@dataclass
class Match:
    source: Mention | None = None
    target: Mention | None = None
    used: list[int] = field(default_factory=list)

    def __bool__(self) -> bool:  # a match with no captures is still a match
        return True


NOUN_PHRASE_STOP = frozenset({"relcl", "acl", "acl:relcl"})


def words_for(view: SentenceView, k: int, pos: str, scope: str = "clause") -> list[int]:
    """The tokens a pattern may see, in text order (see the module docstring)."""
    if scope == "phrase":
        seen = set(view.subtree(k))
        x = k
        while view.head(x) != x:
            x = view.head(x)
            seen.add(x)
        return _without_quotes(view, sorted(seen))
    if pos == "verb":
        return _without_quotes(view, view.clause(k))
    seq = set(view.subtree(k, stop=NOUN_PHRASE_STOP))
    verb = view.governing_verb(k)
    if verb is not None:
        seq.update(t for t in view.clause(verb) if t > k)
    return _without_quotes(view, sorted(seq))


def _without_quotes(view: SentenceView, seq: list[int]) -> list[int]:
    return [t for t in seq if view.tokens[t].text not in QUOTE_TOKENS]


def present_words(view: SentenceView, seq: list[int]) -> set[str]:
    """Lower-cased texts and lemmas of the words a pattern may see (for ``Pattern.needs``)."""
    return {view.lower[t] for t in seq} | {view.lemma[t] for t in seq}


def match_pattern(view: SentenceView, k: int, pattern: Pattern, pos: str, seq: list[int] | None = None, present: set[str] | None = None,
                  skip: frozenset[int] = frozenset()) -> Match | None:
    """Match ``pattern`` on trigger k. ``seq`` (the words it may see) and ``present`` (their words)
    may be passed in when several patterns are tried on one trigger. A ``+`` after the trigger passes
    over the mentions at tokens ``skip`` (detente's clause patterns only)."""
    if not pattern.pre and not pattern.post:
        return Match(used=[k])
    if seq is None:
        seq = words_for(view, k, pos, pattern.scope)
    if present is not None and not all(need & present for need in pattern.needs):
        return None
    p = seq.index(k)
    result = Match(used=[k])
    if pattern.post and not _forward(view, seq, pattern.post, 0, p + 1, p, result, pattern.scope == "clause", skip):
        return None
    if pattern.pre:
        subject = _subject_mention(view, k) if pattern.scope == "clause" else None
        if subject is NO_ACTOR and any(e.kind != "lit" for e in pattern.pre):
            return None  # "the talks were useful": the subject is no actor, so "+ *" cannot match
        if not _backward(view, seq, list(reversed(pattern.pre)), 0, p - 1, p, False, result, subject if subject is not NO_ACTOR else None):
            return None
    return result


NO_ACTOR = object()


def _subject_mention(view: SentenceView, k: int):
    """The actor of k's subject phrase ("Washington's policy on Russia" -> Washington): what a ``+`` or
    ``$`` before the trigger names in a clause-bound pattern, rather than the nearest actor to the left.
    ``NO_ACTOR`` when the subject names no actor; ``None`` when k has no subject before it."""
    subj = view.subject(k)
    if subj is None or subj > k:
        return None
    mention = view.mention_of(subj)
    return mention if mention is not None else NO_ACTOR


def _phrase_at(view: SentenceView, seq: list[int], r: int, phrase: tuple[str, ...]) -> bool:
    if r < 0 or r + len(phrase) > len(seq):
        return False
    for n, word in enumerate(phrase):
        tok = seq[r + n]
        if n and not _adjacent(view, seq[r + n - 1], tok):
            return False
        if word != view.lower[tok] and word != view.lemma[tok]:
            return False
        if _in_name(view, tok):
            return False  # "International Monetary Fund" holds no "fund", "the Peace Corps" no "peace"
    return True


def _in_name(view: SentenceView, tok: int) -> bool:
    """Is token tok a capitalised word of an actor's proper name (a dictionary country, organisation,
    institution or person of several words; not an agent noun such as "police" or "protesters")?"""
    m = view.mention_at[tok]
    return m is not None and m.resolution == "dictionary" and m.name is not None and m.given is None and len(view.tokens_of(m)) > 1 \
        and view.tokens[tok].text[:1].isupper()  # "U.N. peacekeepers" still holds "peacekeepers"




def _adjacent(view: SentenceView, a: int, b: int) -> bool:
    """b follows a, quote marks between them aside ('a “dead end”' is 'a dead end')."""
    return b == a + 1 or (b > a and all(view.tokens[t].text in QUOTE_TOKENS for t in range(a + 1, b)))


def _modifies_a_thing(view: SentenceView, k: int, mention: Mention) -> bool:
    """Is ``mention`` (at token k) a modifier of a noun that names no actor ("government funding",
    "U.S. farm goods"), rather than an argument of the verb? (detente's clause patterns only)"""
    h = k
    while view.head(h) != h and view.mention_at[view.head(h)] is mention:
        h = view.head(h)
    if view.dep(h) not in ("compound", "nmod") or view.head(h) == h:
        return False
    noun = view.head(h)
    return view.mention_at[noun] is None and view.tokens[noun].pos in ("NOUN",)


def _describes_another(view: SentenceView, k: int, mention: Mention) -> bool:
    """Is ``mention`` (at token k) part of a description of another actor named after it ("NATO member
    Estonia", "EU member Greece")? Then that actor, not it, is the argument."""
    h = k
    while view.head(h) != h and view.mention_at[view.head(h)] is mention:
        h = view.head(h)
    role = False  # the description needs a role noun of its own ("member"), not just two names
    while view.dep(h) in ("compound", "nmod") and view.head(h) != h and view.head(h) > h:
        h = view.head(h)
        other = view.mention_at[h]
        if other is not None and other is not mention:
            return role
        role = role or view.tokens[h].pos == "NOUN"
    return False


def _governed_by(view: SentenceView, k: int, lit: int) -> bool:
    """May the actor at token k fill a ``+``/``$`` that follows the literal ending at token lit? When
    the literal is a preposition that governs words of its own, only what it governs: in "called on
    fellow Republicans to unendorse Trump" the one called on is the Republicans, not Trump. A
    preposition the parser left without an object (or a literal that is no preposition) keeps the
    linear reading (detente's clause patterns only)."""
    if view.tokens[lit].pos != "ADP" or not view.children[lit]:
        return True
    x = k
    while x != lit and view.head(x) != x:
        x = view.head(x)
    return x == lit


def _object_of(view: SentenceView, k: int, verb: int, mention: Mention) -> bool:
    """Is the actor at token k the object of ``verb`` (or one of coordinated objects) in a pattern
    whose ``+`` follows the trigger ("host +", "summon +")? The phrase's head or its owner is the
    object; an actor nested deeper in an object that names no actor is not."""
    x = k
    while view.head(x) != x and view.mention_at[view.head(x)] is mention:
        x = view.head(x)
    if view.dep(x) in ("poss", "nmod:poss"):
        x = view.head(x)  # "called North Korea's actions reckless": the owner of the object
    while view.dep(x) in ("conj", "appos") and view.head(x) != verb:
        x = view.head(x)
    return view.head(x) == verb and view.dep(x) in ("dobj", "obj", "dative", "iobj", "attr", "oprd", "nsubjpass", "nsubj:pass")


def _capture(result: Match, elem: Element, mention: Mention) -> None:
    if elem.kind == "target":
        result.target = mention
    else:
        result.source = mention


def _forward(view: SentenceView, seq: list[int], elems: tuple[Element, ...], i: int, q: int, prev: int, result: Match, clause: bool = False,
             skip: frozenset[int] = frozenset()) -> bool:
    if i == len(elems):
        return True
    elem = elems[i]
    last = q if elem.adjacent else len(seq) - 1
    for r in range(q, min(last, len(seq) - 1) + 1):
        if elem.adjacent and not _adjacent(view, seq[prev], seq[r]):
            return False
        if elem.kind == "lit":
            for phrase in elem.phrases:
                if _phrase_at(view, seq, r, phrase):
                    end = r + len(phrase)
                    if _forward(view, seq, elems, i + 1, end, end - 1, result, clause, skip):
                        result.used.extend(seq[r:end])
                        return True
        else:
            mention = view.mention_at[seq[r]]
            if mention is None or (clause and seq[r] in skip):
                continue
            if clause and _describes_another(view, seq[r], mention):
                continue  # "dismissed EU member Malta as…": the EU only describes Malta, the argument
            if clause and _modifies_a_thing(view, seq[r], mention):
                return False  # "receives government funding": an actor word modifying a thing is no argument
            if clause and i and elems[i - 1].kind == "lit" and not _governed_by(view, seq[r], seq[prev]):
                return False  # "campaigned for Clinton among business leaders": + is what the preposition governs
            if clause and not i and len(elems) == 1 and view.tokens[seq[prev]].pos == "VERB" and not _object_of(view, seq[r], seq[prev], mention):
                return False  # "received the first pages of Trump's filings": "* +" wants an actor as the object
            end = r
            while end < len(seq) and view.mention_at[seq[end]] is mention:
                end += 1
            if _forward(view, seq, elems, i + 1, end, end - 1, result, clause, skip):
                _capture(result, elem, mention)
                result.used.extend(seq[r:end])
                return True
            return False  # + takes the first mention; a later one is another phrase
    return False


def _backward(view: SentenceView, seq: list[int], elems: list[Element], i: int, q: int, nxt: int, joined: bool, result: Match, subject: Mention | None = None) -> bool:
    """Match ``elems`` (the pre elements, nearest the trigger first) leftwards from seq[q]."""
    if i == len(elems):
        return True
    elem = elems[i]
    if elem.kind != "lit" and subject is not None and not joined:
        # the subject's actor, wherever it sits in the subject phrase
        first = min((r for r in range(q + 1) if view.mention_at[seq[r]] is subject), default=None)
        if first is not None and _backward(view, seq, elems, i + 1, first - 1, first, elem.adjacent, result):
            _capture(result, elem, subject)
            return True
        return False
    for r in range(q, -1, -1):
        if joined and not _adjacent(view, seq[r], seq[nxt]):
            return False
        if elem.kind == "lit":
            for phrase in elem.phrases:
                start = r - len(phrase) + 1
                if _phrase_at(view, seq, start, phrase):
                    if _backward(view, seq, elems, i + 1, start - 1, start, elem.adjacent, result):
                        result.used.extend(seq[start : r + 1])
                        return True
        else:
            mention = view.mention_at[seq[r]]
            if mention is None:
                continue
            start = r
            while start > 0 and view.mention_at[seq[start - 1]] is mention:
                start -= 1
            if _backward(view, seq, elems, i + 1, start - 1, start, elem.adjacent, result):
                _capture(result, elem, mention)
                result.used.extend(seq[start : r + 1])
                return True
            return False
    return False


def why_not(view: SentenceView, pattern: Pattern, seq: list[int], present: set[str]) -> str:
    """Why ``pattern`` did not match, for ``detente explain``."""
    missing = [sorted(need)[0] if len(need) == 1 else "one of " + "/".join(sorted(need)[:4]) for need in pattern.needs if not need & present]
    if missing:
        where = "the trigger's clause" if pattern.scope == "clause" else "the verb phrase"
        return f"no match: {', '.join(missing)} not in {where}"
    if any(e.kind in ("target", "source") for e in pattern.pre + pattern.post):
        return "no match: the words are there but not in the pattern's order, or no actor stands at +/$"
    return "no match: the words are there but not in the pattern's order or not adjacent where joined by _"
