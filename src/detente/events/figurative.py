"""Figurative force: "Trump attacked Clinton", "the senator is always fighting the party's nominee".

Material conflict (CAMEO 14-15, 17-20) between two actors neither of which can use force — no state,
government or security force on either side ("attacked the moderators") — or between two actors of one
country neither of which is a security force ("the president attacked his rival") is usually
figurative. The event stage reads a verb of verbal attack (``verbal_attack_verbs``: attack, hit,
slam, fight…) used so as criticism (CAMEO 111, as the CAMEO manual codes "verbal attacks"); the
selection stage lowers the confidence of any other such event (the ``figurative`` weight).

What it does not do: judge a pair with a named actor the caller gave (``relate`` spans), or a pair with
an actor missing.
"""

from __future__ import annotations

from detente.cameo import STATE_ROLES, actor_roles
from detente.dictionaries import Rules
from detente.doc import SentenceView
from detente.model import Mention

MATERIAL_CONFLICT = frozenset({"14", "15", "17", "18", "19", "20"})


def civilian_pair(s: Mention | None, t: Mention | None, security: frozenset[str]) -> bool:
    """Neither actor can use force, or both are of one country and neither is a security force.
    ``security``: the lower-case role codes of security forces (rules.toml ``security_roles``)."""
    if s is None or t is None or s.given or t.given:
        return False
    if not any(_may_use_force(m, security) for m in (s, t)):
        return True
    return s.code[:3] == t.code[:3] and not s.code.startswith("---") and not any(_security(m, security) for m in (s, t))


def state_coercion(code: str, s: Mention | None) -> bool:
    """Is this coercion (CAMEO 17: arrests, bans, repression) by a state organ? A government banning its
    own farmers' unions coerces them literally, whatever the pair's roles."""
    return code[:2] == "17" and s is not None and bool(actor_roles(s.code) & STATE_ROLES)


def _security(m: Mention, security: frozenset[str]) -> bool:
    return m.code[3:6].lower() in security or m.code[:3].lower() in security


def _may_use_force(m: Mention, security: frozenset[str]) -> bool:
    role = m.code[3:6].lower()
    if len(m.code) == 3 and not m.code.startswith("---"):
        return True  # a state
    return _security(m, security) or role == "gov" or m.code.startswith(("IMG", "IGO"))


def characterisation(view: SentenceView, k: int, rules: Rules) -> bool | None:
    """For a naming verb k with a predicate ("called X a dead end", "described X as a disgrace",
    ``naming_verbs``): whether the predicate is a negative evaluation (criticism, CAMEO 111; else the
    verb names X and reports no event). None when k names nothing so. The event stage and the
    attribution stage (a naming verb read as a quotation cue) both read it here."""
    if view.lemma[k] not in rules.word("naming_verbs"):
        return None
    preds = [c for c in view.children[k] if view.dep(c) == "oprd"] + [
        p for c in view.children[k] if view.dep(c) == "prep" and view.lower[c] == "as" for p in view.children[c] if view.dep(p) == "pobj"]
    if not preds or not view.objects(k):
        return None  # "called Erdogan" misparsed with the name as predicate and no object: a call, naming nothing
    said = " ".join(view.lower[t] for p in preds for t in view.subtree(p))
    words = {view.lemma[t] for p in preds for t in view.subtree(p)} | set(said.split())
    return bool(words & rules.word("negative_evaluation")) or any(ph in said for ph in rules.word("negative_phrases"))
