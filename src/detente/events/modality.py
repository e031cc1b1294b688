"""Modality of an event from the dependency tree: negated, planned, hypothetical or asserted.

- negated: a ``neg`` dependent ("does not pose", "never attacked") on the trigger or, for a noun, on the
  verb that governs it; or the determiner "no" on a noun trigger ("no sanctions") or on a verb trigger's
  object ("offered no aid").
- planned: the future ("will", "shall", "'ll", "is going to"), or the trigger is the complement of a verb
  of intention or decision ("plans to", "intends to", "vowed to", "agreed to", "is set to").
- hypothetical: modal auxiliaries of possibility or obligation ("would", "could", "may", "might",
  "should"), a condition ("if", "unless"), a question ("will you pledge…?"), an allegation's content
  ("accused Russia of sending tanks"), the complement of a verb of threat or consideration
  ("threatened to", "considers"), or an infinitive of purpose or of another's wish ("an offensive to
  free the city", "expect the administration to punish", "wants Turkey to open").

The first that applies, in that order, wins; the trigger's chain of ``xcomp`` heads is read, so "will
seek to impose" is planned, and a verb conjoined with no subject or auxiliary of its own reads its
first conjunct's ("will attack and seize": both planned). What it does not do: reported speech and denial, which need the quote stage.
"""

from __future__ import annotations

from dataclasses import dataclass

from detente.dictionaries import Rules
from detente.doc import SentenceView

# The word lists (future_aux, possible_aux, intent_heads, refusal_heads, threat_heads, condition_marks)
# are dictionary data: the [words] table of data/dictionaries/rules.toml.


@dataclass(frozen=True)
class Modality:
    negated: bool = False
    planned: bool = False
    hypothetical: bool = False
    future_word: bool = False  # "will", "would", "shall": a refusal when negated ("will not lift")

    @property
    def value(self) -> str:
        if self.negated:
            return "negated"
        if self.planned:
            return "planned"
        if self.hypothetical:
            return "hypothetical"
        return "asserted"


def modality_of(view: SentenceView, k: int, pos: str, rules: Rules, used: frozenset[int] = frozenset()) -> str:
    """``used``: tokens the pattern itself matched; a negation the pattern spells out ("didn't clash
    over", coded by the pattern's own code) is part of the event's meaning, not its modality."""
    return modality_flags(view, k, pos, rules, used).value


def modality_flags(view: SentenceView, k: int, pos: str, rules: Rules, used: frozenset[int] = frozenset()) -> Modality:
    FUTURE, POSSIBLE = rules.word("future_aux"), rules.word("possible_aux")
    INTENT, REFUSE, THREAT = rules.word("intent_heads"), rules.word("refusal_heads"), rules.word("threat_heads")
    CONDITION, DECISION = rules.word("condition_marks"), rules.word("decision_nouns")
    SUPPOSE = rules.word("supposition_verbs")
    WISH, PENDING = rules.word("wish_verbs"), rules.word("pending_marks")
    ALLEGE, ARGUE = rules.word("allegation_heads"), rules.word("allegation_verbs")
    chain = [k]
    if pos == "noun":
        if any(view.lower[c] == "no" and view.dep(c) == "det" for c in view.children[k]):
            return Modality(negated=True)
        verb = view.governing_verb(k)
        if verb is not None:
            chain.append(verb)
    # climb xcomp links: "will seek to impose" -> impose, seek; and from a verb conjoined without a
    # subject or auxiliary of its own to its first conjunct: "agreed to share information and
    # cooperate", "will attack and seize" share their first verb's modality
    x = chain[-1]
    while view.head(x) != x and (view.dep(x) in ("xcomp", "acomp") or _shares_modality(view, x) or _future_participle(view, x, FUTURE)):
        x = view.head(x)
        chain.append(x)
    negated = planned = hypothetical = future_word = wished = False
    subj = view.subject(chain[0]) if pos == "verb" else None
    if subj is not None and _none_of(view, subj, used):
        negated = True  # "neither the US nor its allies are…", "no country has…"
    if pos == "verb" and any(view.dep(o) in ("dobj", "obj") and _none_of(view, o, used) for o in view.children[k]):
        negated = True  # "offered no proof", "gave no aid": nothing was offered or given
    if k > 0 and len(view.tokens) > 1 and view.lower[0] in SUPPOSE and view.tokens[0].text[:1].isupper() \
            and view.tokens[1].pos in ("PROPN", "NOUN", "DET", "NUM") and view.dep(1) != "dobj":
        hypothetical = True  # "Say Mexico demanded that…", "Suppose Russia attacked…": a supposition
    for n, a in enumerate(chain):
        for c in view.children[a]:
            dep = view.dep(c)
            if c not in used and (dep == "neg" or (dep == "advmod" and view.lower[c] == "never")):
                negated = True
            if dep in ("aux", "aux:pass") and any(view.dep(g) == "neg" and g not in used for g in view.children[c]):
                negated = True  # "does not, and never will, recognise": the negation hung on the auxiliary
            if dep in ("aux", "aux:pass"):
                if view.lower[c] in FUTURE or view.lemma[c] in FUTURE:
                    planned = future_word = True
                elif view.lower[c] == "would" and _reported(view, chain[-1], rules):
                    planned = future_word = True  # "said it would recognise": the future of a report
                elif view.lower[c] in POSSIBLE:
                    hypothetical = True
                    future_word = future_word or view.lower[c] == "would"
            if dep == "mark" and view.lower[c] in CONDITION:
                hypothetical = True
            if dep == "mark" and view.lower[c] in PENDING and view.tokens[a].tag in ("VBZ", "VBP"):
                hypothetical = True  # "will not lift the embargo until China signs": not signed
        if _asked(view, a):
            wished = True  # "will you pledge not to pardon her?": a question asserts nothing, even with "will"
        if view.dep(a) in ("pcomp", "pobj") and view.lower[view.head(a)] == "against" and view.head(view.head(a)) != view.head(a) \
                and _verb_in(view, view.head(view.head(a)), THREAT | {"caution"}):
            hypothetical = True  # "warned against scrapping the nuclear agreement": warned of, not done
        if _alleged(view, a, ALLEGE, ARGUE):
            hypothetical = True  # "accused Russia of sending tanks", "allegations that the army shelled…"
        if view.dep(a) == "ccomp" and _verb_in(view, view.head(a), WISH):
            wished = True  # "hopes the EU will persuade Biden to lift the sanctions": a hope, even with "will"
        if _infinitive_aim(view, a, DECISION, ("acl", "advcl", "ccomp", "relcl")):
            # an infinitive of purpose or of someone else's wish: "launched an offensive to free the city",
            # "expect the administration to punish", "wants Turkey to open its borders": not done
            hypothetical = True
        if n and view.dep(chain[n - 1]) == "xcomp":
            if view.lemma[a] in REFUSE:
                negated = future_word = True  # a refusal: rewritten by rules.toml [rewrites.refused] when cooperative
            elif view.lemma[a] in INTENT:
                planned = True
            elif view.lemma[a] in THREAT:
                hypothetical = True
    if not hypothetical and _in_condition(view, chain[-1], CONDITION):
        hypothetical = True  # "If a Trump administration were to follow through, breaking the rules of Nafta…"
    if not hypothetical and _in_purpose(view, chain[-1], DECISION):
        hypothetical = True  # "opened its borders to allow Iran send aid": the sending is the aim, not done
    last = chain[-1]
    if not hypothetical and view.dep(last) == "ccomp" and view.tokens[last].tag == "VB" and view.head(last) != last \
            and view.lemma[view.head(last)] in THREAT:
        hypothetical = True  # "to allow Iran send aid", "proposed that Iran send aid": permitted or proposed, not done
    if wished:
        planned, hypothetical = False, True
    return Modality(negated, planned, hypothetical, future_word)


def conditioned(view: SentenceView, k: int, rules: Rules) -> bool:
    """Does verb k (or the verb its infinitive complements) carry a condition of its own ("will tear up
    the treaty if the Europeans do not pay", "unless Russia withdraws")?"""
    marks = rules.word("condition_marks") - {"whether"}
    x = k
    for _ in range(3):
        if any(view.dep(c) == "advcl" and any(view.dep(g) == "mark" and view.lower[g] in marks for g in view.children[c]) for c in view.children[x]):
            return True
        if view.dep(x) != "xcomp" or view.head(x) == x:
            return False
        x = view.head(x)
    return False


def _in_condition(view: SentenceView, k: int, marks: frozenset[str]) -> bool:
    """Is verb k inside a clause that a condition opens: one of its governing clauses has an "if",
    "unless" or "whether" of its own ("if they were to follow through, breaking the rules")?"""
    x = k
    for _ in range(6):
        if view.head(x) == x:
            return False
        x = view.head(x)
        if any(view.dep(c) == "mark" and view.lower[c] in marks for c in view.children[x]):
            return True
    return False


def _in_purpose(view: SentenceView, k: int, decision: frozenset[str]) -> bool:
    """Is verb k inside an infinitive of purpose or of someone else's wish, below the verb ("to allow
    Iran send aid", "to make sure the rebels release them")?"""
    x = k
    for _ in range(4):
        if view.head(x) == x or view.dep(x) not in ("ccomp", "xcomp"):
            return False  # only through complements: "to stop X after Russia seized Crimea" reports the seizure
        x = view.head(x)
        if _infinitive_aim(view, x, decision, ("acl", "advcl", "relcl")):
            return True
    return False


def _infinitive_aim(view: SentenceView, a: int, decision: frozenset[str], deps: tuple[str, ...]) -> bool:
    """Is verb a a to-infinitive in one of ``deps``, the aim of another act or someone's wish, not an
    act reported ("the decision to recognise Jerusalem" reports it, like "decided to recognise")?"""
    return view.dep(a) in deps and any(view.dep(c) == "aux" and view.lower[c] == "to" for c in view.children[a]) \
        and not (view.dep(a) == "acl" and view.lemma[view.head(a)] in decision)


def _asked(view: SentenceView, a: int) -> bool:
    """Is verb a asked about, not asserted: an auxiliary before its subject and a question mark after it
    ("will you pledge…?", "did Russia attack…?")?"""
    subj = next((c for c in view.children[a] if view.dep(c) in ("nsubj", "nsubjpass", "nsubj:pass")), None)
    if subj is None or not any(view.dep(c) in ("aux", "aux:pass") and c < subj for c in view.children[a]):
        return False
    return any(view.tokens[j].text == "?" for j in range(a + 1, len(view.tokens)))


def _alleged(view: SentenceView, a: int, heads: frozenset[str], verbs: frozenset[str] = frozenset()) -> bool:
    """Is a what an allegation alleges: the "of"/"for" complement of an accusing word ("accused Russia
    of sending tanks", "blamed Hamas for the attack"), the clause of an allegation noun ("allegations
    that the army shelled the town", "claims Russia sent troops") or of one of ``verbs`` ("argued that
    the army shelled it")?"""
    dep, up = view.dep(a), view.head(a)
    if up == a:
        return False
    if dep == "ccomp" and _verb_in(view, up, verbs):
        return True
    if dep in ("pcomp", "pobj") and view.lower[up] in ("of", "for") and view.head(up) != up:
        return _verb_in(view, view.head(up), heads)
    if dep in ("acl", "ccomp", "relcl") and view.tokens[up].pos == "NOUN" and (view.lemma[up] in heads or view.lower[up] in heads):
        # a relative clause only when "that" opens it with a subject of its own: the parser's reading of
        # "the consensus that Russia hacked the committee"
        return dep != "relcl" or _that_clause(view, a, up)
    if dep == "ccomp":
        # "denied the allegation that its troops attacked…" with the clause hung on the verb
        return any(view.tokens[o].pos == "NOUN" and (view.lemma[o] in heads or view.lower[o] in heads) and o < a and _that_clause(view, a, o)
                   for o in view.objects(up))
    return False


def _none_of(view: SentenceView, n: int, used: frozenset[int]) -> bool:
    """Is noun n denied by its determiner ("no country", "neither the US nor…"), one the pattern did not
    spell out itself?"""
    return any(view.lower[c] in ("neither", "no") and view.dep(c) in ("preconj", "det") and c not in used for c in view.children[n])


def _that_clause(view: SentenceView, a: int, after: int) -> bool:
    """Does "that" open clause a, between token ``after`` and a, and has a a subject of its own?"""
    return any(view.lower[c] == "that" and after < c < a for c in view.children[a]) \
        and any(view.dep(c) in ("nsubj", "nsubjpass", "nsubj:pass") and view.lower[c] != "that" for c in view.children[a])


def _verb_in(view: SentenceView, k: int, verbs: frozenset[str]) -> bool:
    """Is verb k one of ``verbs``, by its lemma or its inflected form (the small model lemmatises
    "hopes" as "hop")?"""
    low = view.lower[k]
    forms = {view.lemma[k], low}
    for suffix in ("s", "es", "d", "ed", "ing"):
        if low.endswith(suffix):
            stem = low[: -len(suffix)]
            forms |= {stem, stem + "e"}
    return bool(forms & verbs)


def _future_participle(view: SentenceView, k: int, future: frozenset[str]) -> bool:
    """Is k a participle clause with no subject, auxiliary, subordinator or negation of its own on a verb
    in the future ("will extend the curfew, banning assembly": the ban is planned too)?"""
    h = view.head(k)
    if view.dep(k) != "advcl" or view.tokens[k].tag != "VBG" or view.tokens[h].pos not in ("VERB", "AUX"):
        return False
    if any(view.dep(c) in ("nsubj", "nsubjpass", "nsubj:pass", "aux", "aux:pass", "neg", "mark", "expl") for c in view.children[k]):
        return False
    return any(view.dep(c) == "aux" and (view.lower[c] in future or view.lemma[c] in future) for c in view.children[h])


def _shares_modality(view: SentenceView, k: int) -> bool:
    """Is k a verb conjoined to a verb of the same form ("attack and seize", not "would order … and
    warned"), with no subject, auxiliary or negation of its own?"""
    h = view.head(k)
    if view.dep(k) != "conj" or view.tokens[k].pos not in ("VERB", "AUX") or view.tokens[h].pos not in ("VERB", "AUX"):
        return False
    # "is considering sending aid and to retaliate": an infinitive conjoined to a complement is one too
    infinitive = view.tokens[k].tag == "VB" and view.dep(h) == "xcomp"
    if view.tokens[k].tag != view.tokens[h].tag and not infinitive:
        return False
    return not any(view.dep(c) in ("nsubj", "nsubjpass", "nsubj:pass", "aux", "aux:pass", "neg", "expl")
                   and not (infinitive and view.dep(c) == "aux" and view.lower[c] == "to") for c in view.children[k])


def _reported(view: SentenceView, k: int, rules: Rules) -> bool:
    """Is k the clause a verb of saying reports ("Russia said it would …"), with no condition of its own?"""
    if view.dep(k) != "ccomp" or view.head(k) == k:
        return False
    if any(view.dep(c) == "mark" and view.lower[c] in rules.word("condition_marks") for c in view.children[k]):
        return False
    return view.lemma[view.head(k)] in rules.word("address_verbs") | rules.word("demand_reporting_verbs")
