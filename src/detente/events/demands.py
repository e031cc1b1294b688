"""Demands reported as obligations: "Russia says Israel must end its strikes" is Russia demanding
of Israel (CAMEO 10), whatever the event stage makes of "end its strikes" itself.

A clause with "must", "should", "has to" or "needs to" that is the complement of a reporting verb
(say, insist, stress, urge…), or a subjunctive after a verb of demanding ("insisted that Pyongyang
stop", "demanded that he resign": ``mandative_verbs``), gives an event from the reporting verb's subject to the clause's
subject; the demanded action's own code, when a pattern coded it, picks the CAMEO 10 sub-code
(``[rewrites.demanded]`` in rules.toml: a demanded ceasefire is 1056, a demanded release 1053), else 100.
The reporting verbs and the words of obligation are the word lists ``demand_reporting_verbs``,
``obligation_aux`` and ``need_verbs``.

An obligation put softly ("says Obama should come up with a process": ``advice_aux``) is an appeal
(CAMEO 02), its sub-code picked from ``[rewrites.appealed]`` (020 when none applies), not a demand.

What it does not do: read demands without a reporting verb ("Israel must end its strikes" alone is
the writer's view, not an actor's demand).
"""

from __future__ import annotations

from detente import cameo
from detente.model import Event, Mention
from detente.dictionaries import Rules
from detente.doc import SentenceView

def obligation_clauses(view: SentenceView, rules: Rules) -> list[tuple[int, int, int]]:
    """(reporting verb, obliged clause, demanded action) triples of the sentence: in "says Israel must
    end" the clause and the action are both "end"; in "says Israel has to end" the clause is "has"."""
    REPORTING, OBLIGATION, NEED = rules.word("demand_reporting_verbs"), rules.word("obligation_aux"), rules.word("need_verbs")
    MANDATIVE = rules.word("mandative_verbs")
    found = []
    for k in range(len(view.tokens)):
        if view.dep(k) != "ccomp" or view.lemma[view.head(k)] not in REPORTING:
            continue
        action = k
        obliged = any(view.dep(c) == "aux" and view.lower[c] in OBLIGATION for c in view.children[k])
        if not obliged and view.lemma[view.head(k)] in MANDATIVE and view.tokens[k].tag == "VB" and view.subject(k) is not None \
                and not any(view.dep(c) in ("aux", "aux:pass") for c in view.children[k]):
            obliged = True  # the mandative subjunctive: "insisted that Pyongyang stop", "demanded that he resign"
        if not obliged and view.lemma[k] in NEED:
            comps = [c for c in view.children[k] if view.dep(c) == "xcomp"]
            if comps:
                obliged, action = True, comps[0]
        if obliged:
            found.append((view.head(k), k, action))
    return found


def demand_event(view: SentenceView, said: int, action: int, code_of: dict[int, str], source: Mention | None,
                 target: Mention | None, article_id: str, published, rules: Rules) -> Event | None:
    """The demand of ``source`` on ``target``; ``code_of`` holds the codes the patterns gave each trigger
    of the sentence (the demanded action's picks the sub-code). The id is set by the event stage."""
    if source is None or target is None or source.same_actor(target):
        return None
    if any(view.dep(c) == "aux" and view.lower[c] in rules.word("advice_aux") for c in view.children[action]):
        # "said Charlotte officials should release the videos": advice, an appeal (02), not a demand
        found = rules.rewrite("appealed", code_of.get(action)) or ("020", "rules:appealed:advice")
    else:
        found = rules.rewrite("demanded", code_of.get(action))
    if found is None:
        return None
    code, rewrite = found
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
        rule=rewrite,
        origin="demand",
    )
