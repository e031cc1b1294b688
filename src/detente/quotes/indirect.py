"""Indirect and mixed quotations: a cue and the content it introduces, read off the dependency tree.

Cues and their content (lists in ``cues.py``; PARC 3.0 / PolNeAR attribution relations):

- a verb of saying or believing with a clausal complement: ``Peskov stressed that …``, ``…, he said``
  (the complement before the verb), ``The museum, he said, would …`` (a parenthetical cue: the content
  is the clause around it, in two parts);
- a speech act with an infinitive complement: ``urged Congress to act`` (object included), ``vowed to …``;
- a prepositional speech act: ``called for talks``, ``warned of …``, ``pointed to …``;
- a speech act with a noun-phrase content: ``criticised the deal as a "disaster"``, ``called him "a
  liar"`` (the object and its predicate: ``as …``, ``for …``, an object predicate). An actor object is
  whom the act is aimed at, not what was said: ``accused Russia of breaking off contacts`` says
  *breaking off contacts*; ``thanked Abu Dhabi for its mediation``, ``congratulated Sharif`` say
  nothing (see ``_object_content``);
- a noun of saying with a clause: ``his claim that …``, ``reports that …``, ``a call to …``;
- ``according to X``: the content is the clause the phrase modifies, without the phrase;
- a speaker label opening a paragraph without quote marks: ``PENCE: Well, …``, ``Poll: Clinton leads``.

The content is cleaned: the complementiser ``that``, edge punctuation and a paragraph's dateline
(``KYIV, Jan 3 (Detente Wire) -``) are not what was said. A contrastive predicate coordinated to a
complement whose subject is the reporting subject itself (``Russia said it wants good relations but
remains ready for …``) is the reporter's summary of the subject's stance, not part of what was said,
and is left out; an additive one (``said it had acted and would publish …``) stays.

A speech act not made is no quotation (``_unsaid``): a future, modal or negated one, one only supposed
(``if …``, ``without saying``), one set in a clause that is not real itself (``could walk out,
pressing for …``), an order or a question to the reader, one by nobody in particular (``anyone wanting
to …``). A clause parsed as the complement is not what was said when it is an adverbial clause, or
stands before the cue cut off by a colon (``_complement``).

What it does not do: direct quotations (``direct.py``), kinds (decided from the content and the quote
marks by the stage), or speakers beyond naming the token that heads the speaker phrase.
"""

from __future__ import annotations

import re

from detente.doc import SentenceView
from detente.stages import Tracer
from detente.text import QUOTE_TOKENS
from detente.quotes.context import Context, Found, SpanSet, inside
from detente.quotes.cues import BELIEF_VERBS, DOCUMENT_NOUNS, EVIDENCE_VERBS, OBJECT_VERBS, PREP_VERBS, REPORTING_NOUNS, REPORTING_VERBS, SAYING_LIGHT_VERBS, STANCE_VERBS, XCOMP_VERBS
from detente.quotes.direct import _LABEL, label_found
from detente.quotes.layout import dateline_end

UNSAID_AUX = {"will", "wo", "would", "may", "might", "could", "shall", "should", "must", "'ll"}
INTENTION_VERBS = {"plan", "want", "intend", "expect", "hope", "seek", "try", "aim", "prepare", "need", "have", "rely", "design"}
FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
SUPPOSING = {"if", "unless"}
TARGET_PREPS = {"against", "at"}
WARNING_VERBS = {"warn", "caution"}  # a warning against someone names the danger: what was said
# gatherings of people, whom a speech act addresses
AUDIENCE_NOUNS = frozenset("audience crowd rally convention conference symposium summit gathering assembly congregation nation".split())
STANCE_NOUNS = {"support", "opposition", "approval", "disapproval", "solidarity", "sympathy", "backing"}
ADVERBIAL_MARKS = {"before", "after", "when", "while", "because", "since", "until", "although", "though", "as", "once", "whereas", "unless"}
GENERIC_SPEAKERS = {"anyone", "anybody", "whoever", "whomever"}
# links by which a clause without a subject of its own hangs from the clause it belongs to
NONFINITE_LINKS = {"xcomp", "advcl", "conj", "acl", "relcl", "pcomp", "prep", "pobj", "dobj"}
CUE_WORDS = REPORTING_VERBS | BELIEF_VERBS | OBJECT_VERBS | XCOMP_VERBS | frozenset(PREP_VERBS) | REPORTING_NOUNS | {"according", "accord"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "nsubj:pass", "csubj"}
RELATIVE = {"who", "which", "that", "whom"}
CONTRAST = {"but", "yet"}
PERSONAL = {"it", "he", "she", "they", "we", "i"}
# common nouns for people (who can speak): a complement with such a subject keeps its speech acts
PEOPLE_NOUNS = frozenset(
    "people person officials official residents voters critics experts expert analysts analyst lawmakers lawmaker leaders leader "
    "protesters demonstrators supporters opponents diplomats diplomat sources source aides aide advisers adviser advisors advisor "
    "spokesman spokeswoman spokesperson lawyer lawyers attorney attorneys doctor doctors witness witnesses members member".split()
)
_OBJECT_TAIL = {"oprd", "xcomp", "ccomp", "advcl"}
_OBJECT_TAIL_PREPS = {"as", "for", "of", "over", "to"}
REASON_PREPS = {"for", "of", "over", "to", "on", "about", "against"}
COMPARE_VERBS = {"compare", "liken"}
# the verbs that name their object with a predicate ("called him a liar") are the word list
# naming_verbs of rules.toml, shared with the event stage
ACTOR_PRONOUNS = {"him", "her", "them", "us", "me", "you", "himself", "herself", "themselves"}
CONTENT_POS = {"NOUN", "PROPN", "VERB", "AUX", "ADJ", "NUM"}
SAY_VERBS = {"say", "tell"}
PERSON_PRONOUNS = {"he", "she", "they", "i", "we", "you"}
# verbs whose actor object is part of what is said: stances ("backed the mayor"), evidence ("a poll shows
# her ahead"), and "say" itself, whose object is always words
KEEPS_ACTOR = STANCE_VERBS | EVIDENCE_VERBS | SAY_VERBS
QUOTE_MARKS = QUOTE_TOKENS | {"\u201d\u2015"}  # and a closing mark glued to a dash ("”―"), as one token


def find_indirect(ctx: Context, taken: list[tuple[int, int]], trace: Tracer) -> list[Found]:
    """Every indirect or mixed quotation outside the direct quotations' content (``taken``)."""
    out: list[Found] = []
    taken_set = SpanSet(taken)
    for n, sentence in enumerate(ctx.coded.doc.sentences):
        if not any(t.lemma.lower() in CUE_WORDS and not taken_set.contains(t.start) for t in sentence.tokens):
            continue
        view = ctx.view(n)
        for k, tok in enumerate(view.tokens):
            if view.lemma[k] not in CUE_WORDS and view.lower[k] not in CUE_WORDS or taken_set.contains(tok.start):
                continue
            f = None
            if view.lower[k] == "according" and k + 1 < len(view.tokens) and view.lower[k + 1] == "to":
                f = _according_to(ctx, view, k)
            elif tok.pos in ("VERB", "AUX"):
                f = _verb_cue(ctx, view, k)
            elif tok.pos in ("NOUN", "PROPN") and view.lower[k] in REPORTING_NOUNS:
                f = _noun_cue(ctx, view, k)
            if f is not None and f.parts:
                out.append(f)
    out.extend(_labels(ctx, taken))
    return out


def _verb_cue(ctx: Context, view: SentenceView, k: int) -> Found | None:
    lemma = view.lemma[k]
    if lemma == "be" or _unsaid(view, k):
        return None
    if view.dep(k) == "pcomp" and view.lower[view.head(k)] == "to" and view.lower[view.head(view.head(k))] == "according":
        return None  # the source of "according to", misparsed as a verb
    i = k + view.base
    speaker = _speaker(view, k)
    if speaker is not None and _nobody(view, speaker):
        return None
    if lemma in REPORTING_VERBS or lemma in BELIEF_VERBS:
        comps = view.kids(k, {"ccomp"})
        if comps:
            comps = [c for c in comps if _complement(view, k, c)]
            if not comps:
                return None
            if lemma in BELIEF_VERBS and speaker is None and view.tokens[k].tag == "VBG" and not view.kids(k, SUBJECT_DEPS):
                return None  # "assuming that …": the writer's own supposition
            toks = [t for c in comps for t in _clause_content(view, c, k)]
            return _found(ctx, view, toks, i, speaker, "reporting-verb:clause")
        inverted = _inverted_content(view, k) if lemma in REPORTING_VERBS else None
        if inverted is not None:
            return _found(ctx, view, inverted[0], i, inverted[1], "reporting-verb:inverted")
        head = view.head(k)
        if view.dep(k) == "parataxis" and head != k and view.tokens[head].pos in ("VERB", "AUX") and lemma in REPORTING_VERBS:
            own = set(view.subtree(k))
            toks = [t for t in view.subtree(head) if t not in own]
            if _cut_off(view, toks, k):
                return None
            return _found(ctx, view, toks, i, speaker, "reporting-verb:parenthetical")
    passive = view.is_passive(k)
    if lemma in XCOMP_VERBS:
        for x in view.kids(k, {"xcomp"}):
            if any(view.lower[a] == "to" for a in view.kids(x, {"aux"})) and x > k:
                objs = [o for o in view.kids(k, {"dobj", "obj", "dative"}) if o < x]
                toks = [t for o in objs for t in view.subtree(o)] + view.subtree(x)
                return _found(ctx, view, toks, i, view.passive_agent(k) if passive else speaker, "reporting-verb:infinitive")
    preps = PREP_VERBS.get(lemma)
    if preps and not passive:
        objects = [o for o in view.kids(k, {"dobj", "obj"}) if o > k]
        for word, o in view.prep_objects(k):
            # the preposition of the phrasal verb ("called for talks"), not a reason after an object
            # ("called him a liar for …")
            if word in preps and o > k and not any(x < o for x in objects):
                if word in TARGET_PREPS and lemma not in WARNING_VERBS and _is_actor(view, o):
                    return None  # "railed against the governor": whom the act is aimed at, not what was said
                return _found(ctx, view, list(view.subtree(o)), i, speaker, "reporting-verb:preposition")
    if lemma in OBJECT_VERBS:
        naming = ctx.rules.word("naming_verbs")
        if passive:
            # "X was criticized (by Y) as …": the passive subject and its predicate; no agent, no speaker
            subj = view.kids(k, {"nsubjpass", "nsubj:pass"})
            if subj and view.lower[subj[0]] not in RELATIVE:
                toks = _object_content(view, k, subj[0], naming)
                return _found(ctx, view, toks, i, view.passive_agent(k), "reporting-verb:passive") if toks else None
            return None
        objs = [o for o in view.kids(k, {"dobj", "obj"})]
        if objs and objs[0] > k:
            toks = _object_content(view, k, objs[0], naming)
            return _found(ctx, view, toks, i, speaker, "reporting-verb:object") if toks else None
        if objs and view.lower[objs[0]] == "what":
            # "for what it called its "humanitarian mediation"", "what he described as a war": the
            # predicate of a free relative is what was said
            tail = [t for t in _predicate(view, k, objs[0], naming) if not (view.dep(t) == "prep" and view.head(t) in (k, objs[0]))]
            if tail:
                return _found(ctx, view, tail, i, speaker, "reporting-verb:object")
        if view.dep(k) in ("relcl", "acl:relcl") and (not objs or view.lower[objs[0]] in RELATIVE):
            # "…, which Cook called "total political crap"": the relative word and the predicate
            tail = _tail(view, k, k)
            if tail:
                return _found(ctx, view, objs + tail, i, speaker, "reporting-verb:object")
    return None


def _nobody(view: SentenceView, speaker: int) -> bool:
    """Is the speaker nobody in particular: ``anyone wanting to apply …``, or the reader asked a
    question (``Do you know what it costs?``)?"""
    low = view.lower[speaker]
    return low in GENERIC_SPEAKERS or low == "you" and any(t.text == "?" for t in view.tokens[-2:])


def _complement(view: SentenceView, k: int, c: int) -> bool:
    """Is clause c, parsed as the complement of cue k, what was said (or believed)? Not when it is

    - an adverbial clause after the cue that the parser took for its complement (``said before he
      left``);
    - before the cue but cut off from it by a colon (``We have seen this before: Smith
      declared war on the plan``), or before a cue whose object is the words it said (``…, she added the words,
      "…"``)."""
    if c > k and any(view.lower[m] in ADVERBIAL_MARKS for m in view.kids(c, {"mark"})):
        return False
    if c < k:
        if _cut_off(view, view.subtree(c), k):
            return False
        if any(d > k and view.dep(d) in ("dobj", "obj") and view.tokens[d].pos == "NOUN" and view.lemma[d] in REPORTING_NOUNS for d in view.children[k]):
            return False
    return True


def _cut_off(view: SentenceView, content: list[int], k: int) -> bool:
    """Does a colon or semicolon stand between content before cue k and the cue (``We have seen this
    before: Smith declared …``)? Then the words before it are the writer's, not the cue's."""
    words = [t for t in content if view.tokens[t].pos != "PUNCT" and t < k]
    return bool(words) and any(view.tokens[t].text in (":", ";") for t in range(words[-1] + 1, k))


def _inverted_content(view: SentenceView, k: int) -> tuple[list[int], int] | None:
    """``<content>, says Kremlin spokesperson``: a cue after a comma with its subject after it; the
    content is everything of the cue's before the comma (a headline's verbless clause included)."""
    if k < 2 or view.tokens[k - 1].text != ",":
        return None
    after = [c for c in view.kids(k, {"nsubj"}) if c > k]
    if not after:
        return None
    toks = [t for c in view.children[k] if c < k - 1 for t in view.subtree(c)]
    return (toks, after[-1]) if toks else None


def _object_content(view: SentenceView, k: int, o: int, naming: frozenset[str]) -> list[int]:
    """What speech act k says about its object (or passive subject) o:

    - a predicate on it (``called him "a liar"``, ``condemned the strikes as a violation``): the object
      and the predicate, with any reason (``called him "a hero" for …``);
    - an actor object (``accused Russia of …``, ``thanked Abu Dhabi for …``, ``criticised Moscow for …``)
      is whom the act is aimed at, not what was said: the content is the reason when the reason is
      something said — a clause (``of repeatedly breaking off contacts``), a quotation, a noun of
      saying — else there is none (``congratulated Sharif``, ``blamed Moscow for the long gap``).
      Stances keep their actor (``backed the mayor``);
    - evidence (``a poll shows her ahead``) is shown by a thing: shown by a person it is a display
      (``voters showed signs of fatigue``), not a report, unless what is shown is a stance
      (``showing support for …``);
    - what "say" takes is words: a pronoun object (``said it``, ``said something about …``)
      stands for words not given, and is no content;
    - any other object is what the act is about (``criticised the decision``, ``denied the accusation``),
      with its reason."""
    pred = _predicate(view, k, o, naming)
    reason = [p for p in _tail(view, k, o) if p not in pred]
    if pred:
        return list(view.subtree(o)) + pred + reason
    if view.lemma[k] in EVIDENCE_VERBS and not view.is_passive(k):
        subj = view.subject(k)
        if subj is None or _is_person(view, subj) and view.lemma[o] not in STANCE_NOUNS:
            return []  # "voters showed signs of fatigue": a display, not a report
    if view.lemma[k] not in KEEPS_ACTOR and _is_actor(view, o) and not _quoted(view, view.subtree(o)):
        return [t for p, r in _reason_parts(view, k, o) if _said(view, p, r) for t in view.subtree(r)]
    if view.lemma[k] in SAY_VERBS and view.tokens[o].pos == "PRON" and view.lower[o] not in RELATIVE:
        return []
    return list(view.subtree(o)) + reason


def _predicate(view: SentenceView, k: int, o: int, naming: frozenset[str]) -> list[int]:
    """What naming or evaluating speech act k predicates of its object o: an object predicate
    (``called him "a liar"``, a second object as in ``branded Quito a "bad neighbour"`` or
    ``a poll showing her ahead by five points``) or an
    ``as`` phrase (``condemned the strikes as …``, hung on the verb or on the object); a ``to`` phrase
    for a comparison (``likened the levy to …``)."""
    toks: list[int] = []
    for c in view.children[k]:
        if c <= o:
            continue
        dep = view.dep(c)
        if dep == "oprd" or dep in ("dobj", "obj") and (view.lemma[k] in naming or view.lemma[k] in EVIDENCE_VERBS) or (dep == "prep" and (view.lower[c] == "as" or view.lower[c] == "to" and view.lemma[k] in COMPARE_VERBS)):
            toks.extend(view.subtree(c))
    for c in view.kids(o, {"prep"}):
        if view.lower[c] == "as" and view.kids(c, {"pobj"}):
            toks.extend(view.subtree(c))
    return toks


def _reason_parts(view: SentenceView, k: int, o: int) -> list[tuple[int, int]]:
    """What a speech act gives as its reason, after its object, as (phrase, head) pairs: a clause
    (itself twice), or a ``for``/``of``/``over``/``to``/``on``/``about`` phrase and its object
    (``for not paying its debts``), hung on the verb or on the object."""
    parts: list[tuple[int, int]] = []
    for c in view.children[k]:
        if c < o:
            continue
        if view.dep(c) in ("xcomp", "ccomp"):
            parts.append((c, c))
        elif view.dep(c) == "prep" and view.lower[c] in REASON_PREPS:
            parts.extend((c, g) for g in view.kids(c, {"pobj", "pcomp"}))
    for c in view.kids(o, {"prep"}):
        if view.lower[c] in REASON_PREPS:
            parts.extend((c, g) for g in view.kids(c, {"pobj", "pcomp"}))
    return parts


def _said(view: SentenceView, phrase: int, r: int) -> bool:
    """Is a reason (``phrase`` headed by ``r``) something said: a clause (``of repeatedly breaking off
    contacts``, ``that …``), a noun of saying (``for his remarks``), or words in quote marks of its own
    (not those of a nested cue: ``for what it called "…"``)?"""
    tok = view.tokens[r]
    if tok.pos in ("VERB", "AUX"):
        if tok.tag == "VBG" or view.dep(r) in ("ccomp", "xcomp"):
            return True
        if view.lemma[r] in CUE_WORDS:
            return False  # a clause with a cue of its own says its own words
    if tok.pos in ("NOUN", "PROPN") and (view.lemma[r] in REPORTING_NOUNS or view.lower[r] in REPORTING_NOUNS):
        return True
    nested = {t for c in view.children[r] if view.dep(c) in ("relcl", "acl", "acl:relcl") for t in view.subtree(c)}
    return _quoted(view, [t for t in view.subtree(phrase) if t not in nested])


def _quoted(view: SentenceView, toks: list[int]) -> bool:
    """Do quote marks stand among these tokens?"""
    return any(view.tokens[t].pos == "PUNCT" and view.tokens[t].text in QUOTE_MARKS for t in toks)


def _is_actor(view: SentenceView, o: int) -> bool:
    """Is the phrase headed by o an actor (a person, a body, a country, an audience: ``addressed the
    convention``) rather than a thing?"""
    m = view.mention_at[o]
    if m is not None:
        return True
    low = view.lower[o]
    return low in ACTOR_PRONOUNS or low in PEOPLE_NOUNS or view.lemma[o] in PEOPLE_NOUNS or view.lemma[o] in AUDIENCE_NOUNS


def _is_person(view: SentenceView, k: int) -> bool:
    """Is the phrase headed by k a person or people (not a body, a poll or a paper)?"""
    m = view.mention_at[k]
    return (m is not None and m.kind == "person") or view.lower[k] in PERSON_PRONOUNS or view.lower[k] in PEOPLE_NOUNS or view.lemma[k] in PEOPLE_NOUNS


def _tail(view: SentenceView, k: int, after: int) -> list[int]:
    """What a speech act predicates of its object: an object predicate, ``as``/``for``/``of``/``to``
    phrases, a clause (``called him "a liar"``, ``praised X for …``, ``accused X of …``)."""
    toks: list[int] = []
    for c in view.children[k]:
        if c > after and (view.dep(c) in _OBJECT_TAIL or (view.dep(c) == "prep" and view.lower[c] in _OBJECT_TAIL_PREPS)):
            toks.extend(view.subtree(c))
    return toks


def _unsaid(view: SentenceView, k: int) -> bool:
    """A speech act not (yet) made: ``will announce``, ``may call for``, ``plans to urge``, ``did not
    comment``; one only supposed (``if a ceasefire were offered``, ``without saying``), or set in a
    clause that is itself not real: ``would do well to visit the border, stressing …``, ``needs a
    council vote to confirm …``."""
    auxes = [view.lower[a] for a in view.kids(k, {"aux"})]
    if any(a in UNSAID_AUX for a in auxes):
        return True
    if view.kids(k, {"neg"}):
        return True  # "did not comment on …", "never said …": nothing was said
    if view.dep(k) == "ROOT" and view.tokens[k].tag == "VB" and not view.kids(k, SUBJECT_DEPS) and not auxes:
        return True  # an imperative addresses the reader: "Now tell us …"
    h = k
    for _ in range(8):
        if any(view.lower[m] in SUPPOSING for m in view.kids(h, {"mark"})):
            return True  # "if a ceasefire were offered", "unless he says so"
        dep, head = view.dep(h), view.head(h)
        if head == h or view.kids(h, SUBJECT_DEPS) or dep not in NONFINITE_LINKS or view.tokens[h].tag in FINITE_TAGS:
            return False  # a clause with a subject or a tense of its own stands on its own
        to = any(view.lower[a] == "to" for a in view.kids(h, {"aux"}))
        if dep == "conj" and view.dep(head) == "ROOT" and view.tokens[head].tag == "VB" and not view.kids(head, SUBJECT_DEPS | {"aux"}):
            return True  # "go further and ask …": the reader is told to ask
        if to and any(view.tokens[w].tag == "WRB" or view.lower[w] == "whether" for w in view.kids(h, {"advmod", "mark"})):
            return True  # "learning how to praise rivals", "whether to call …": a question, not an act
        if dep == "pcomp" and view.lower[head] == "without":
            return True  # "left without saying why", "without saying that …"
        if to and dep in ("xcomp", "advcl") and view.lemma[head] in INTENTION_VERBS:
            return True  # "plans to urge", "needs a council vote to confirm", "designed to reassure"
        if dep in ("xcomp", "advcl", "conj") and any(view.lower[a] in UNSAID_AUX for a in view.kids(head, {"aux"})) and not view.kids(head, {"neg"}):
            return True  # "could walk out, pressing for …", "would do well to visit …, stressing …"
        h = head
    return False


def _clause_content(view: SentenceView, c: int, cue: int) -> list[int]:
    """The complement clause c of cue, without a predicate coordinated to it that belongs to the
    reporting subject (see the module docstring, and ``matrix_conjunct``)."""
    toks = view.subtree(c)
    drop: set[int] = set()
    for d in view.kids(c, {"conj"}):
        if matrix_conjunct(view, d):
            drop.update(view.subtree(d))
            drop.update(x for x in view.kids(c, {"cc"}) + view.kids(d, {"cc"}) if x < d)
    return [t for t in toks if t not in drop] if drop else toks


def matrix_conjunct(view: SentenceView, d: int) -> bool:
    """Is predicate d, coordinated to a complement clause without a subject of its own, really
    coordinated to the reporting verb above it (the parser hung it on the complement)? Yes when

    - it is contrastive (``but``/``yet``) and the complement's subject is the reporting subject
      itself, as a pronoun: ``Russia said it wants good relations but remains ready for …``;
    - it is itself a speech act and the complement's subject is a thing that cannot speak:
      ``He said the talks had been difficult and blamed Moscow``."""
    c = view.head(d)
    if view.dep(d) not in ("conj", "advcl") or view.dep(c) not in ("ccomp",) or view.tokens[d].pos not in ("VERB", "AUX", "ADJ"):
        return False
    if view.dep(d) == "advcl" and view.tokens[d].tag != "VBG":
        return False  # only a participle ("…, citing X") can hang from the wrong clause this way
    if view.kids(d, SUBJECT_DEPS):
        return False
    subj = view.kids(c, SUBJECT_DEPS)
    if not subj:
        return False
    s = subj[0]
    ccs = [x for x in view.kids(c, {"cc"}) if x < d] + view.kids(d, {"cc"})
    if view.lower[s] in PERSONAL and ccs and view.lower[max(ccs)] in CONTRAST:
        return True
    speech = view.lemma[d] in REPORTING_VERBS or view.lemma[d] in OBJECT_VERBS or view.lemma[d] in XCOMP_VERBS
    inanimate = view.tokens[s].pos == "NOUN" and (view.mention_at[s] is None or view.mention_at[s].kind not in ("person",))
    return speech and inanimate and view.lower[s] not in PEOPLE_NOUNS


def _speaker(view: SentenceView, k: int) -> int | None:
    """The token heading the speaker phrase of cue k: its subject (inherited through conjunction,
    infinitive and adverbial clauses: ``…, adding that``), a relative pronoun as itself (resolved
    later), the noun a participle modifies (``a statement calling …``)."""
    seen: set[int] = set()
    cue = k
    while k not in seen:
        seen.add(k)
        for c in view.children[k]:
            if view.dep(c) in ("nsubj", "nsubjpass", "nsubj:pass"):
                if view.dep(c) != "nsubj" and k == cue:  # "it was reported that …": no speaker but an agent
                    return view.passive_agent(k)
                return c  # inherited: "X was concerned by Y and called for …" -> X
        dep, head = view.dep(k), view.head(k)
        if head == k:
            return _actor_before(view, k) if not view.is_passive(k) else None
        if dep in ("conj", "advcl") and matrix_conjunct(view, k):
            k = view.head(head)  # "… said the talks had failed and blamed Moscow": the reporter's subject
            continue
        if dep in ("xcomp", "conj", "advcl"):
            k = head
            continue
        if dep == "pcomp":
            # "in defending X, Trump …", "stopped short of calling …", "his theme of questioning …"
            h = view.head(head)
            while view.tokens[h].pos not in ("VERB", "AUX") and view.head(h) != h:
                poss = view.kids(h, {"poss", "nmod:poss"})
                if view.tokens[h].pos in ("NOUN", "PROPN") and poss:
                    return poss[0]
                h = view.head(h)
            if view.tokens[h].pos in ("VERB", "AUX"):
                k = h
                continue
            return None
        if dep == "acl" and view.tokens[head].pos == "NOUN" and not _speaks(view, head):
            # a participle on a thing: "filed papers opposing …" (the papers' producer), "a statement
            # calling …" (the statement), "at a news conference announcing …" (who held it)
            source = noun_source(view, head)
            if source is not None:
                return source
            if view.lower[head] in REPORTING_NOUNS or view.lower[head] in DOCUMENT_NOUNS:
                return head
            verb = view.governing_verb(head)
            if verb is None:
                return None
            k = verb
            continue
        if dep in ("acl", "relcl", "acl:relcl"):
            return head
        return None
    return None


def _actor_before(view: SentenceView, k: int) -> int | None:
    """When the parser gave a finite cue no subject (it often takes "Trump" for an adjective), an
    actor mention (from the actor stage) right before the cue, with only adverbs and auxiliaries
    between."""
    if view.tokens[k].tag not in ("VBD", "VBZ", "VBP"):
        return None
    j = k - 1
    while j >= 0 and view.tokens[j].pos in ("ADV", "AUX", "PART"):
        j -= 1
    m = view.mention_at[j] if j >= 0 else None
    if m is None or m.kind == "pronoun" and not m.code:
        return None
    while j > 0 and view.mention_at[j - 1] is m:
        j -= 1
    return j if view.tokens[j].pos in ("PROPN", "NOUN", "PRON", "ADJ", "VERB") else None


def _speaks(view: SentenceView, k: int) -> bool:
    """Can the noun k speak: an actor (``officials``, ``the ministry``) or a noun for people?"""
    return view.mention_at[k] is not None or view.lower[k] in PEOPLE_NOUNS or view.lemma[k] in PEOPLE_NOUNS


def speaker_of_cue(ctx: Context, i: int, outside: list[tuple[int, int]] = ()) -> int | None:
    """The document index of the token heading cue i's speaker phrase (``_speaker``), or a proper noun
    the parser hung on an inverted cue as its object (``"…," said Lavrov``). When the parser took a
    word of the quotation itself (``outside``: the quotation's parts) for the subject, the noun phrase
    standing between the quotation and the cue, else right after the cue, is the speaker."""
    view = ctx.view_of(i)
    k = i - view.base
    s = _speaker(view, k)
    if s is None:
        for c in view.children[k]:
            if view.dep(c) in ("dobj", "obj", "attr", "npadvmod", "nsubjpass") and view.tokens[c].pos in ("PROPN", "NOUN") and c > k:
                s = c
                break
    if s is not None and not inside(view.tokens[s].start, outside):
        return s + view.base
    if not outside:
        return None
    before = []
    j = k - 1
    while j >= 0 and not inside(view.tokens[j].start, outside) and view.tokens[j].text not in ('"', "“", "”", "''"):
        before.append(j)
        j -= 1
    after = []
    j = k + 1
    while j < len(view.tokens) and view.tokens[j].pos in ("PROPN", "NOUN", "DET", "ADJ", "PRON"):
        after.append(j)
        j += 1
    for run in (before, after):
        heads = [t for t in run if view.tokens[t].pos in ("PROPN", "NOUN", "PRON") and view.head(t) not in run]
        if heads:
            return heads[0] + view.base
    return None


def _found(ctx: Context, view: SentenceView, toks: list[int], cue: int, speaker: int | None, via: str) -> Found | None:
    parts = clean_content(ctx, view, toks)
    if not parts or sum(b - a for a, b in parts) < 3:
        return None
    if not any(view.tokens[t].pos in CONTENT_POS or view.tokens[t].tag.startswith("NN") for t in toks):
        return None  # "They were supported by …", "According to aides, mostly": nothing is said
    return Found("indirect", parts, cue=cue, speaker_head=speaker + view.base if speaker is not None else None, via=via)


def clean_content(ctx: Context, view: SentenceView, toks: list[int]) -> list[tuple[int, int]]:
    """Character spans of tokens ``toks`` (sentence-local): runs of adjacent tokens, without leading
    ``that``, edge punctuation (quote marks stay when their partner is inside) or a dateline."""
    toks = sorted(set(toks))
    if not toks:
        return []
    first = view.tokens[toks[0]]
    para_start = ctx.paragraph_of(first.start)[0]
    body = dateline_end(ctx.text, para_start)
    toks = [t for t in toks if view.tokens[t].start >= body]
    marks = {'"', "'", "``", "''"}

    def edge(t: int, leading: bool) -> bool:
        tok = view.tokens[t]
        if tok.pos != "PUNCT" and not (leading and view.dep(t) == "mark" and view.lower[t] == "that"):
            return False
        if tok.text in marks or ctx.text[tok.start : tok.end] in ('"', "“", "”", "'", "‘", "’"):
            count = sum(1 for u in toks if view.tokens[u].pos == "PUNCT" and ctx.text[view.tokens[u].start] in "\"“”«»„")
            return count % 2 == 1  # an unpaired mark at the edge goes; a paired one stays
        return True

    while toks and edge(toks[0], True):
        toks = toks[1:]
    while toks and edge(toks[-1], False):
        toks = toks[:-1]
    parts: list[list[int]] = []
    prev = None
    for t in toks:
        tok = view.tokens[t]
        if prev is not None and (t == prev + 1 or ctx.text[view.tokens[prev].end : tok.start].strip(" \t\n,;-–—") == ""):
            parts[-1][1] = tok.end
        else:
            parts.append([tok.start, tok.end])
        prev = t
    if parts:
        # a quoted fragment closing the content keeps its closing mark (the parser hangs it elsewhere)
        body = "".join(ctx.text[a:b] for a, b in parts)
        if sum(body.count(m) for m in '"“”«»„') % 2 == 1:
            tail = re.match(r"[.,!?;:]*[\"”»]", ctx.text[parts[-1][1] : parts[-1][1] + 4])
            if tail:
                parts[-1][1] += tail.end()
    return [(a, b) for a, b in parts]


def _noun_cue(ctx: Context, view: SentenceView, k: int) -> Found | None:
    clauses = [c for c in view.kids(k, {"acl", "ccomp", "relcl"}) if _is_complement(view, c)]
    if not clauses:
        return None
    source = noun_source(view, k)
    if source is None and view.lower[k] in DOCUMENT_NOUNS:
        source = k  # "reports that …": the document is the source
    return _found(ctx, view, view.subtree(clauses[0]), k + view.base, source, "reporting-noun")


def _is_complement(view: SentenceView, c: int) -> bool:
    """A ``that``-clause or a ``to``-infinitive (not a relative clause: ``the claim that he made``)."""
    marks = [view.lower[m] for m in view.kids(c, {"mark"})]
    if "that" in marks:
        return not any(view.dep(x) in ("dobj", "obj") for x in view.children[c]) or bool(view.kids(c, SUBJECT_DEPS))
    return any(view.lower[a] == "to" for a in view.kids(c, {"aux"})) and view.tokens[c].pos == "VERB"


def noun_source(view: SentenceView, k: int) -> int | None:
    """Who produced a noun of saying: its possessor (``his claim``), the subject of the verb that
    issued it (``the council issued a statement``), a ``by``/``from`` phrase; else None."""
    poss = view.kids(k, {"poss", "nmod:poss"})
    if poss:
        return poss[0]
    head = view.head(k)
    if view.dep(k) in ("dobj", "obj") and view.lemma[head] in SAYING_LIGHT_VERBS:
        subj = view.kids(head, {"nsubj"})
        if subj:
            return subj[0]
    for p in view.kids(k, {"prep"}):
        if view.lower[p] in ("by", "from"):
            objs = view.kids(p, {"pobj"})
            if objs:
                return objs[0]
    return None


def _according_to(ctx: Context, view: SentenceView, k: int) -> Found | None:
    objs = view.kids(k + 1, {"pobj"}) or [g for c in view.kids(k, {"prep"}) for g in view.kids(c, {"pobj"})]
    if not objs:
        # "according to show insiders" parsed as a verb and its object
        objs = [o for p in view.kids(k + 1, {"pcomp"}) for o in (view.kids(p, {"dobj", "obj"}) or [p])]
    if not objs:
        return None
    # the clause the phrase modifies: its governing verb (the root when it hangs from the top)
    anchor = view.head(k)
    while view.tokens[anchor].pos not in ("VERB", "AUX") and view.head(anchor) != anchor:
        anchor = view.head(anchor)
    phrase = set(view.subtree(k))
    toks = [t for t in view.subtree(anchor) if t not in phrase]
    if anchor == k or not toks:
        # the parser made the phrase the root ("According to X, the move reeks …"): the clause is the
        # rest of the sentence after the phrase's comma (or before the phrase when it comes last)
        comma = next((t for t in range(k + 2, len(view.tokens)) if view.tokens[t].text == ","), None)
        if comma is not None and all(view.tokens[t].pos == "PUNCT" for t in range(0, k)):
            toks = list(range(comma + 1, len(view.tokens)))
        else:
            toks = list(range(0, k))
    f = _found(ctx, view, toks, k + view.base, objs[0], "according-to")
    if f is not None:
        tok, to = view.tokens[k], view.tokens[k + 1]
        f.cue_span, f.cue_lemma = (tok.start, to.end), "according to"
    return f


def _labels(ctx: Context, taken: list[tuple[int, int]]) -> list[Found]:
    """Paragraphs that open with a speaker label and carry no quote marks (``PENCE: Well, …``)."""
    out = []
    for start, end in ctx.paragraphs:
        m = _LABEL.match(ctx.text, start)
        if not m or m.end() >= end or inside(m.end(), taken):
            continue
        f = label_found(ctx, m)
        if f is None:
            continue
        f.kind, f.parts = "indirect", [(m.end(), end)]
        out.append(f)
    return out
