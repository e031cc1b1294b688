"""Modality of an event from the dependency tree: negated, planned, hypothetical or asserted.

- negated: a ``neg`` dependent ("does not pose", "never attacked") on the trigger or, for a noun, on the
  verb that governs it; or the determiner "no" on a noun trigger ("no sanctions").
- planned: the future ("will", "shall", "'ll", "is going to"), or the trigger is the complement of a verb
  of intention or decision ("plans to", "intends to", "vowed to", "agreed to", "is set to").
- hypothetical: modal auxiliaries of possibility or obligation ("would", "could", "may", "might",
  "should"), a condition ("if", "unless"), or the complement of a verb of threat or consideration
  ("threatened to", "considers").

The first that applies, in that order, wins; the trigger's chain of ``xcomp`` heads is read, so "will
seek to impose" is planned. What it does not do: reported speech and denial, which need the quote stage.
"""

from __future__ import annotations

from detente.parse.tree import SentenceView

FUTURE = {"will", "shall", "ll", "wo"}
POSSIBLE = {"would", "could", "may", "might", "should", "must", "can", "ca"}
INTENT = {"plan", "intend", "prepare", "aim", "vow", "pledge", "promise", "agree", "decide", "seek", "want",
          "set", "expect", "schedule", "resolve", "go", "move", "mean", "hope", "wish", "offer", "try", "attempt"}
THREAT = {"threaten", "consider", "propose", "weigh", "mull", "warn", "suggest", "demand", "urge", "ask", "call"}
CONDITION = {"if", "unless", "whether"}


def modality_of(view: SentenceView, k: int, pos: str, used: frozenset[int] = frozenset()) -> str:
    """``used``: tokens the pattern itself matched; a negation the pattern spells out ("didn't clash
    over", coded by the pattern's own code) is part of the event's meaning, not its modality."""
    chain = [k]
    if pos == "noun":
        if any(view.lower[c] == "no" and view.dep(c) == "det" for c in view.children[k]):
            return "negated"
        verb = view.governing_verb(k)
        if verb is not None:
            chain.append(verb)
    # climb xcomp links: "will seek to impose" -> impose, seek
    x = chain[-1]
    while view.dep(x) == "xcomp" and view.head(x) != x:
        x = view.head(x)
        chain.append(x)
    for a in chain:
        for c in view.children[a]:
            if c not in used and (view.dep(c) == "neg" or (view.dep(c) == "advmod" and view.lower[c] == "never")):
                return "negated"
    for n, a in enumerate(chain):
        for c in view.children[a]:
            if view.dep(c) in ("aux", "aux:pass") and (view.lower[c] in FUTURE or view.lemma[c] in FUTURE):
                return "planned"
        if n and view.lemma[a] in INTENT and view.dep(chain[n - 1]) == "xcomp":
            return "planned"
    for n, a in enumerate(chain):
        for c in view.children[a]:
            if view.dep(c) in ("aux", "aux:pass") and view.lower[c] in POSSIBLE:
                return "hypothetical"
            if view.dep(c) == "mark" and view.lower[c] in CONDITION:
                return "hypothetical"
        if n and view.lemma[a] in THREAT and view.dep(chain[n - 1]) == "xcomp":
            return "hypothetical"
    return "asserted"
