"""The pre-filter: which sentences need the tagger and parser at all (issue 13, docs/scale.md).

A sentence is worth parsing when it could give an actor mention, an event, a quotation or what
coreference and speaker attribution lean on. ``SentenceFilter`` keeps a sentence that has any of:

- an actor candidate: a word of a dictionary actor or agent name, or a capitalised word that does not
  open the sentence (a proper-noun run the actor stage may make a person or organisation of);
- a pronoun that could refer to an actor (he, she, they, it, we, their…);
- an event trigger: an inflected form of a verb or noun pattern's lemma, or of a statement cue or
  reporting verb/noun (regular inflections generated, irregular ones from a table);
- a quotation cue: any quotation mark or dash that opens a quoted paragraph.

Everything else (a sentence of numbers, weather, sport results, a bare date line) is left out of the
parse. The filter only ever errs toward parsing: a false "keep" costs time, a false "skip" could lose
an event, so every test is a cheap over-approximation. Sentences come from a rule splitter
(``split_sentences``) that never cuts after a common abbreviation and glues short pieces to the next;
consecutive kept sentences are parsed together (``kept_chunks``), so a paragraph whose sentences are
all kept is parsed exactly as without the filter.

What it does not do: decide anything about coding; the stages see a ``ParsedDoc`` without the skipped
sentences. Off by default (the ``prefilter`` setting): docs/scale.md lists what it changes on the gold sets.
"""

from __future__ import annotations

import re
from typing import Callable, Iterable

from detente.dictionaries import Dictionaries
from detente.quotes.cues import REPORTING_NOUNS, REPORTING_VERBS

PRONOUNS = frozenset(
    "i me my mine we us our ours you your yours he him his she her hers it its they them their theirs "
    "himself herself itself themselves ourselves who whom whose this these those which".split()
)
QUOTE_MARKS = "\"“”„‟«»‹›‘’‚'`—–"

# irregular past forms of the verbs news coding triggers on; a prefixed verb (withdraw, overthrow)
# takes its base's forms
IRREGULAR: dict[str, tuple[str, ...]] = {
    "say": ("said",), "meet": ("met",), "fight": ("fought",), "strike": ("struck", "stricken"), "seek": ("sought",),
    "give": ("gave", "given"), "take": ("took", "taken"), "make": ("made",), "hold": ("held",), "send": ("sent",),
    "tell": ("told",), "speak": ("spoke", "spoken"), "win": ("won",), "lose": ("lost",), "shoot": ("shot",),
    "throw": ("threw", "thrown"), "bring": ("brought",), "buy": ("bought",), "sell": ("sold",), "leave": ("left",),
    "lead": ("led",), "keep": ("kept",), "begin": ("began", "begun"), "break": ("broke", "broken"),
    "freeze": ("froze", "frozen"), "steal": ("stole", "stolen"), "draw": ("drew", "drawn"), "forbid": ("forbade", "forbidden"),
    "run": ("ran",), "come": ("came",), "go": ("went", "gone"), "do": ("did", "done"), "see": ("saw", "seen"),
    "know": ("knew", "known"), "beat": ("beaten",), "build": ("built",), "catch": ("caught",), "drive": ("drove", "driven"),
    "feel": ("felt",), "find": ("found",), "flee": ("fled",), "forgive": ("forgave", "forgiven"), "hang": ("hung",),
    "lay": ("laid",), "lend": ("lent",), "pay": ("paid",), "ride": ("rode", "ridden"), "rise": ("rose", "risen"),
    "shake": ("shook", "shaken"), "sink": ("sank", "sunk"), "slay": ("slew", "slain"), "spend": ("spent",),
    "stand": ("stood",), "swear": ("swore", "sworn"), "teach": ("taught",), "tear": ("tore", "torn"),
    "think": ("thought",), "write": ("wrote", "written"), "bear": ("bore", "borne"), "bind": ("bound",),
    "blow": ("blew", "blown"), "choose": ("chose", "chosen"), "deal": ("dealt",), "fall": ("fell", "fallen"),
    "forget": ("forgot", "forgotten"), "get": ("got", "gotten"), "grow": ("grew", "grown"), "have": ("had", "has"),
    "hide": ("hid", "hidden"), "mean": ("meant",), "strive": ("strove", "striven"), "swing": ("swung",),
    "weep": ("wept",), "wind": ("wound",), "be": ("is", "are", "was", "were", "been", "am"), "fly": ("flew", "flown"),
    "shed": ("shed",), "sit": ("sat",), "sleep": ("slept",), "spin": ("spun",), "stick": ("stuck",), "sting": ("stung",),
    "swim": ("swam", "swum"), "undergo": ("underwent", "undergone"), "wake": ("woke", "woken"), "wear": ("wore", "worn"),
    "bite": ("bit", "bitten"), "bleed": ("bled",), "feed": ("fed",), "hear": ("heard",), "read": ("read",),
    "ring": ("rang", "rung"), "shine": ("shone",), "shrink": ("shrank", "shrunk"), "slide": ("slid",), "spring": ("sprang", "sprung"),
}
ABBREVIATIONS = frozenset(
    "mr mrs ms dr st gen col lt sgt capt cpt maj adm sen rep gov pres prof jr sr no inc corp co ltd mt ft vs "
    "jan feb mar apr jun jul aug sep sept oct nov dec u.s u.n u.k e.u a.m p.m e.g i.e etc al".split()
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*|\d+")
_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])")
_LAST_WORD = re.compile(r"([A-Za-z.]+)\.$")


def _distinctive(phrase: str) -> str:
    """The longest word of a phrase: a text holding the phrase holds that word, so testing the one word
    over-approximates testing the phrase, without making "the" or "of" a reason to parse."""
    words = _WORD.findall(phrase.replace("_", " ").lower())
    return max(words, key=len) if words else ""


def inflections(lemma: str) -> set[str]:
    """Surface forms a lemma may take in news text (over-generated on purpose: a wrong form costs nothing)."""
    low = lemma.lower()
    forms = {low, low + "s", low + "es", low + "ed", low + "d", low + "ing", low + "er", low + "ers"}
    if low.endswith("e"):
        forms |= {low[:-1] + "ing", low[:-1] + "ion", low[:-1] + "ions"}
    if low.endswith("y") and len(low) > 2:
        forms |= {low[:-1] + "ies", low[:-1] + "ied"}
    if len(low) > 2 and low[-1] not in "aeiouwy" and low[-2] in "aeiou":
        forms |= {low + low[-1] + "ed", low + low[-1] + "ing"}
    for base, irregular in IRREGULAR.items():
        if low == base or (low.endswith(base) and len(low) > len(base) + 2):
            forms.update(low[: len(low) - len(base)] + form for form in irregular)
    return forms


class SentenceFilter:
    """``keep(sentence)``: whether a sentence may give a mention, event or quotation (see the module doc)."""

    def __init__(self, dictionaries: Dictionaries) -> None:
        words: set[str] = set(PRONOUNS)
        for index in (dictionaries.actors, dictionaries.agents):
            # the words a name may start with, as the actor scan itself looks them up (PhraseIndex.starts)
            words.update(index._prefixes_lower)
            words.update(p.lower() for p in index._prefixes_exact)
        triggers: set[str] = set(REPORTING_VERBS) | set(REPORTING_NOUNS) | set(dictionaries.rules.statements)
        triggers.update(dictionaries.verbs)
        triggers.update(dictionaries.nouns)
        for synset in dictionaries.synsets.values():
            for phrase in synset:
                triggers.update(phrase)
        for lemma in triggers:
            words |= inflections(_distinctive(lemma))
        words.discard("")
        self.words = frozenset(words)

    def keep(self, sentence: str) -> bool:
        if any(mark in sentence for mark in QUOTE_MARKS):
            return True
        tokens = _WORD.findall(sentence)
        for n, token in enumerate(tokens):
            if token.lower() in self.words:
                return True
            if n > 0 and token[0].isupper():
                return True
        return False

    __call__ = keep


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text`` by rule: a boundary after ., ! or ? (and closing
    quotes) before a capital or digit, never after a common abbreviation or an initial; pieces of fewer
    than four words are glued to the next sentence."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        before = text[start:m.start()].rstrip("\"”’')]")
        last = _LAST_WORD.search(before)
        if last and (last.group(1).lower() in ABBREVIATIONS or len(last.group(1).rstrip(".")) == 1):
            continue
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    glued: list[tuple[int, int]] = []
    carry: int | None = None
    for s, e in spans:
        s = carry if carry is not None else s
        if len(_WORD.findall(text[s:e])) < 4 and (s, e) != spans[-1]:
            carry = s
            continue
        carry = None
        glued.append((s, e))
    return [(s, e) for s, e in glued if text[s:e].strip()]


def kept_chunks(text: str, keep: Callable[[str], bool]) -> list[tuple[int, str]]:
    """(offset, text) of each run of consecutive kept sentences of ``text``; the whole text when every
    sentence is kept, nothing when none is."""
    sentences = split_sentences(text)
    flags = [keep(text[s:e]) for s, e in sentences]
    if all(flags):
        return [(0, text)]
    chunks: list[tuple[int, str]] = []
    run: list[tuple[int, int]] = []
    for (s, e), kept in zip(sentences, flags):
        if kept:
            run.append((s, e))
            continue
        if run:
            chunks.append((run[0][0], text[run[0][0]:run[-1][1]]))
            run = []
    if run:
        chunks.append((run[0][0], text[run[0][0]:run[-1][1]]))
    return chunks


def skipped_share(texts: Iterable[str], keep: Callable[[str], bool]) -> float:
    """The share of characters of ``texts`` the filter leaves out of the parse (for benchmarks)."""
    total = kept = 0
    for t in texts:
        total += len(t)
        kept += sum(len(c) for _, c in kept_chunks(t, keep))
    return 1 - kept / total if total else 0.0
