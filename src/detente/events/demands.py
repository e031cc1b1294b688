"""Demands reported as obligations: "Russia says Israel must end its strikes" is Russia demanding
of Israel (CAMEO 10), whatever the event stage makes of "end its strikes" itself.

A clause with "must", "should", "has to" or "needs to" that is the complement of a reporting verb
(say, insist, stress, urge…) gives an event from the reporting verb's subject to the clause's
subject; the demanded action's own code, when a pattern coded it, picks the CAMEO 10 sub-code
(``cameo.demand_code``: a demanded ceasefire is 1056, a demanded release 1053), else 100.

What it does not do: read demands without a reporting verb ("Israel must end its strikes" alone is
the writer's view, not an actor's demand).
"""

from __future__ import annotations

from detente import cameo
from detente.model import Event, Mention
from detente.parse.tree import SentenceView

REPORTING = {"say", "tell", "insist", "stress", "state", "declare", "add", "note", "urge", "warn", "demand",
             "argue", "write", "tweet", "believe", "emphasize", "emphasise", "reiterate", "maintain"}
OBLIGATION = {"must", "should"}
NEED = {"have", "need"}  # "has to", "needs to"


def obligation_clauses(view: SentenceView) -> list[tuple[int, int]]:
    """(reporting verb, obliged verb) pairs of the sentence."""
    pairs = []
    for k in range(len(view.tokens)):
        if view.dep(k) != "ccomp" or view.lemma[view.head(k)] not in REPORTING:
            continue
        verb = k
        obliged = any(view.dep(c) == "aux" and view.lower[c] in OBLIGATION for c in view.children[k])
        if not obliged and view.lemma[k] in NEED:
            # "Israel has to end …": the action is the complement of "has"
            comps = [c for c in view.children[k] if view.dep(c) == "xcomp"]
            if comps:
                obliged, verb = True, comps[0]
        if obliged:
            pairs.append((view.head(k), verb))
    return pairs


def demand_event(view: SentenceView, said: int, verb: int, subject_clause: int, code_of: dict[int, str],
                 source: Mention | None, target: Mention | None, base: Event) -> Event | None:
    """The demand event, built on ``base`` (any event of the article, for its shared fields)."""
    if source is None or target is None or source.code == target.code:
        return None
    code = cameo.demand_code(code_of.get(verb))
    toks = view.tokens
    return Event(
        id=base.id,
        article_id=base.article_id,
        sentence=view.sentence.index,
        date=base.date,
        source=source,
        target=target,
        cameo=code,
        **cameo.scores(code),
        modality="asserted",
        quote_id=None,
        evidence=(toks[min(said, subject_clause)].start, toks[max(said, verb)].end),
        trigger=(toks[verb].start, toks[verb].end),
        rule=f"demand:{toks[said].lemma}+must" + (f" ({code_of[verb]})" if verb in code_of else ""),
    )
