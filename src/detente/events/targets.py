"""Targets read from what an act is and where it is done, where no actor is named as its target, and
the other party of a mutual act (the event stage asks; the word lists are in ``rules.toml``):

- **implied targets** (``implied_target``): a curfew or a state of emergency is aimed at the people of
  the state that imposes it, or of the place it covers; dissent for a change of policy and an armed
  group's ceasefire at the actor's own government (``resolution="implied"``);
- **places** (``place_targets``): force on a place "in" a named country is force on that country;
- **forces withdrawn** (``instrument_of``, ``withdrawn_from``): the troops a retreat is made with, and
  the country "troops from Iraq" are withdrawn from;
- **mutual acts** (``mutual_with``, ``with_party``): talks, meetings, ties and deals "with" a party are
  the party's act too.

What it does not do: choose between the targets the text names (the event stage does), or read
PETRARCH dictionaries' patterns.
"""

from __future__ import annotations

from collections.abc import Iterable

from detente import cameo
from detente.dictionaries import Rules
from detente.dictionaries.countries import country_codes
from detente.doc import SentenceView
from detente.model import Mention


def place_targets(view: SentenceView, k: int, pos: str, rules: Rules) -> list[Mention]:
    """The country named by "in" on a place that trigger k acts on (``target_place_nouns``), as its
    object ("attacked the cities in Saudi Arabia") or the object of one of ``adjective_target_preps``
    ("rockets at towns in Israel", "an attack on villages in Lebanon")."""
    preps = rules.word("adjective_target_preps")
    heads = (list(view.objects(k)) if pos == "verb" else []) + [q for prep, q in view.prep_objects(k) if prep in preps]
    places = rules.word("target_place_nouns")
    for h in heads:
        if view.lemma[h].lower() not in places or view.mention_of(h) is not None:
            continue
        # the "in" on the place, or on the verb when the place is its object (the parse often hangs it there)
        where = view.prep_objects(h) + (view.prep_objects(k) if pos == "verb" and h in view.objects(k) else [])
        for prep, q in where:
            m = view.mention_of(q)
            if prep == "in" and m is not None and m.kind == "country" and len(m.code) == 3 and not m.given:
                return [m]
    return []


def instrument_of(view: SentenceView, k: int, pos: str, m: Mention) -> bool:
    """Is mention m what trigger k is done with: the verb's object, or the noun's "of" phrase ("withdrew
    its troops", "the withdrawal of troops")?"""
    toks = view.tokens_of(m)
    if not toks or m.given:
        return False
    head = view.mention_head(toks[0])
    if pos == "verb":
        return head in view.objects(k)
    prep = view.head(head)
    return view.dep(head) == "pobj" and view.lower[prep] == "of" and view.head(prep) == k


def withdrawn_from(view: SentenceView, m: Mention) -> Mention:
    """"the withdrawal of [troops from Iraq]": a force named with "from" and a country, withdrawn, is
    withdrawn from that country; the country is the mention (a force "from Iraq" is elsewhere Iraqi)."""
    toks = view.tokens_of(m)
    at = next((i for i in toks if view.lower[i] == "from"), None)
    if at is None or at == toks[-1] or len(m.code) <= 3:
        return m
    a, b = view.tokens[at + 1], view.tokens[toks[-1]]
    return Mention(a.start, b.end, view.words(at + 1, toks[-1]), m.code[:3], "country", f"{m.via} (the country withdrawn from)", resolution=m.resolution)


def mutual_with(view: SentenceView, k: int, pos: str, code: str, rules: Rules) -> bool:
    """Is trigger k a mutual act, which its "with" party does too: a verb of ``mutual_with_verbs`` ("met
    with", "clashed with"), a noun of ``mutual_with_nouns`` ("talks with", "clashes with"), or a verb whose
    object makes it mutual ("held talks with", "established ties with", "signed a deal with":
    ``consultation_objects`` for CAMEO 04, ``reciprocal_objects`` for ``mutual_tie_codes``,
    ``agreement_objects`` for ``mutual_agreement_codes``)?"""
    words = rules.word
    lemma = view.lemma[k].lower()
    if pos == "noun":
        return lemma in words("mutual_with_nouns")
    if lemma in words("mutual_with_verbs"):
        return True
    objects = {view.lemma[o].lower() for o in view.objects(k)}
    # (but "severed ties with Colombia", "declared a ceasefire with the Taliban": done by one side)
    return (code.startswith("04") and bool(objects & words("consultation_objects"))) \
        or (code.startswith(tuple(words("mutual_tie_codes"))) and bool(objects & words("reciprocal_objects"))) \
        or (code.startswith(tuple(words("mutual_agreement_codes"))) and bool(objects & words("agreement_objects")))


def with_party(view: SentenceView, k: int, pos: str, m: Mention | None) -> bool:
    """Is mention m the object of a "with" on trigger k or on its object?"""
    toks = view.tokens_of(m) if m is not None else []
    if not toks or m.given:
        return False
    head = view.mention_head(toks[0])
    prep = view.head(head)
    if view.dep(head) != "pobj" or view.lower[prep] != "with" or view.dep(prep) != "prep":
        return False
    owner = view.head(prep)
    return owner == k or (pos == "verb" and owner in view.objects(k))


def implied_target(view: SentenceView, k: int, code: str, used_words: Iterable[int], source: Mention, rules: Rules) -> Mention | None:
    """The target an act with no named target is aimed at by what it is: a curfew or a state of
    emergency the population of the state imposing it (``population_target_codes``: the source must be
    a state actor); dissent for a change of policy or leadership, or an armed group's ceasefire, the
    government of the actor's own country (``government_target_codes``: the source must be no state
    actor). The source's country must be known. The mention spans the place the measure covers ("a
    curfew on Basra": the people of Basra), else the words of the pattern that name the act ("state of
    emergency", "laws"), else the trigger; ``resolution`` is ``"implied"``. A government the sentence
    names in what the dissent is against ("laws imposed by the Indian government") is that mention."""
    country = source.code[:3]
    if source.given or country not in country_codes():
        return None
    state = len(source.code) == 3 or bool(cameo.actor_roles(source.code) & cameo.STATE_ROLES)
    if code.startswith(tuple(rules.word("population_target_codes"))) and state:
        role, whom = "CVL", "the population of the state that acts"
    elif code.startswith(tuple(rules.word("government_target_codes"))) and not state:
        role, whom = "GOV", "the government of the actor's own country"
    else:
        return None
    used = set(used_words) - {k}
    if role == "GOV":
        named = [m for u in sorted(used) for t in view.subtree(u) if (m := view.mention_at[t]) is not None
                 and m.code == country + role and not m.given]
        if named:
            return named[0]
    else:
        places, times = rules.word("target_place_nouns"), rules.word("time_names")
        covered = [q for h in [k, *sorted(used)] for prep, q in view.prep_objects(h) if prep in rules.word("covered_place_preps")
                   and view.lower[q] not in times and (view.tokens[q].pos == "PROPN" or view.lemma[q].lower() in places)]
        if covered:
            span = view.subtree(covered[0], frozenset({"relcl", "acl", "appos", "advcl", "punct"}))
            a, b = view.tokens[span[0]], view.tokens[span[-1]]
            return Mention(a.start, b.end, view.words(span[0], span[-1]), country + role, "group", f"implied:{code}: {whom}, of the place covered", resolution="implied")
    last = max(used, default=k)
    first = last
    while first - 1 in used:
        first -= 1  # the last run of the pattern's words: "state of emergency", "laws"
    a, b = view.tokens[first], view.tokens[last]
    return Mention(a.start, b.end, view.words(first, last), country + role, "group", f"implied:{code}: {whom}", resolution="implied")
