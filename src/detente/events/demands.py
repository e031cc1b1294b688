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
from detente.doc import SentenceView

REPORTING = {"say", "tell", "insist", "stress", "state", "declare", "add", "note", "urge", "warn", "demand",
             "argue", "write", "tweet", "believe", "emphasize", "emphasise", "reiterate", "maintain"}
OBLIGATION = {"must", "should"}
NEED = {"have", "need"}  # "has to", "needs to"


def obligation_clauses(view: SentenceView) -> list[tuple[int, int, int]]:
    """(reporting verb, obliged clause, demanded action) triples of the sentence: in "says Israel must
    end" the clause and the action are both "end"; in "says Israel has to end" the clause is "has"."""
    found = []
    for k in range(len(view.tokens)):
        if view.dep(k) != "ccomp" or view.lemma[view.head(k)] not in REPORTING:
            continue
        action = k
        obliged = any(view.dep(c) == "aux" and view.lower[c] in OBLIGATION for c in view.children[k])
        if not obliged and view.lemma[k] in NEED:
            comps = [c for c in view.children[k] if view.dep(c) == "xcomp"]
            if comps:
                obliged, action = True, comps[0]
        if obliged:
            found.append((view.head(k), k, action))
    return found


def demand_event(view: SentenceView, said: int, action: int, code_of: dict[int, str], source: Mention | None,
                 target: Mention | None, article_id: str, published) -> Event | None:
    """The demand of ``source`` on ``target``; ``code_of`` holds the codes the patterns gave each trigger
    of the sentence (the demanded action's picks the sub-code). The id is set by the event stage."""
    if source is None or target is None or source.code == target.code:
        return None
    code = cameo.demand_code(code_of.get(action))
    toks = view.tokens
    return Event(
        id="",
        article_id=article_id,
        sentence=view.sentence.index,
        date=published,
        source=source,
        target=target,
        cameo=code,
        **cameo.scores(code),
        modality="asserted",
        quote_id=None,
        evidence=(toks[min(said, action)].start, toks[max(said, action)].end),
        trigger=(toks[action].start, toks[action].end),
        rule=f"demand:{toks[said].lemma}+must" + (f" ({code_of[action]})" if action in code_of else ""),
    )
