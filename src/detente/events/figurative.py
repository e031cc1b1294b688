"""Figurative force: "Trump attacked Clinton", "the senator is always fighting the party's nominee".

Material conflict (CAMEO 15, 17-20) between two actors neither of which can use force — no state,
government or security force on either side ("attacked the moderators") — or between two actors of one
country neither of which is a security force ("the president attacked his rival") is usually
figurative. The event stage reads a verb of verbal attack (``verbal_attack_verbs``: attack, hit,
slam, fight…) used so as criticism (CAMEO 111, as the CAMEO manual codes "verbal attacks"); the
selection stage lowers the confidence of any other such event (the ``figurative`` weight).

What it does not do: judge a pair with a named actor the caller gave (``relate`` spans), or a pair with
an actor missing.
"""

from __future__ import annotations

import re

from detente.cameo import STATE_ROLES, actor_roles
from detente.dictionaries import Rules
from detente.doc import SentenceView
from detente.model import Mention

# (not protest, 14: demonstrations, strikes and boycotts are what civilians do, literally, to their own
# government: "students held a protest against the government")
MATERIAL_CONFLICT = frozenset({"15", "17", "18", "19", "20"})


def civilian_pair(s: Mention | None, t: Mention | None, security: frozenset[str]) -> bool:
    """Neither actor can use force, or both are of one country and neither is a security force.
    ``security``: the lower-case role codes of security forces (rules.toml ``security_roles``)."""
    if s is None or t is None or s.given or t.given:
        return False
    if not any(_may_use_force(m, security) for m in (s, t)):
        return True
    return s.code[:3] == t.code[:3] and not s.code.startswith("---") and not any(_security(m, security) for m in (s, t))


def unarmed_force(code: str, s: Mention | None, armed: frozenset[str]) -> bool:
    """Is this military force or mass violence (CAMEO 19-20) by a source that bears no arms: a civilian,
    a party, a court, a business ("a Lebanese man … crossed the border into Israel" is no use of force)?
    States, governments, international bodies and the lower-case roles ``armed`` (security forces and
    non-state armed groups: ``security_roles``, ``nonstate_roles``) may use it."""
    if code[:2] not in ("19", "20") or s is None or s.given:
        return False
    return not _may_use_force(s, armed)


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
    said = predicate_words(view, k, rules)
    if said is None:
        return None
    words = {view.lemma[t].lower() for t in said} | {view.lower[t] for t in said}
    return evaluates_negatively(words, " ".join(view.lower[t] for t in said), rules)


def evaluates_negatively(words: set[str], text: str, rules: Rules) -> bool:
    """Do ``words`` (lower-case forms and lemmas) or ``text`` hold a negative evaluation: a word of
    ``negative_evaluation`` or a phrase of ``negative_phrases`` ("a dead end", "to blame")? Hyphens count
    as spaces ("dead-end")."""
    if words & rules.word("negative_evaluation"):
        return True
    text = re.sub(r"[-\s]+", " ", text.lower())
    return any(p in text for p in rules.word("negative_phrases"))


def praise(view: SentenceView, k: int, rules: Rules) -> bool:
    """For a naming verb k with a predicate: is the predicate a compliment ("called her a champion of
    workers", ``positive_evaluation``: praise, CAMEO 051)?"""
    said = predicate_words(view, k, rules)
    if not said:
        return False
    text = f" {' '.join(view.lower[t] for t in said)} "
    lemmas = f" {' '.join(view.lemma[t].lower() for t in said)} "
    return any(f" {ph} " in text or f" {ph} " in lemmas for ph in rules.word("positive_evaluation"))


def predicate_words(view: SentenceView, k: int, rules: Rules) -> list[int] | None:
    """The tokens of naming verb k's predicate ("called X [a dead end]"), None when k names nothing so."""
    if view.lemma[k] not in rules.word("naming_verbs"):
        return None
    preds = [c for c in view.children[k] if view.dep(c) == "oprd"] + [
        p for c in view.children[k] if view.dep(c) == "prep" and view.lower[c] == "as" for p in view.children[c] if view.dep(p) == "pobj"]
    objects = view.objects(k)
    if not preds and len(objects) == 1 and (named := _named_before_article(view, objects[0])) is not None:
        # "called Trump a friend" parsed with the name hung on the predicate: the name is the object
        return sorted(t for t in view.subtree(objects[0]) if t > named)
    if not preds and len(objects) == 2 and view.mention_of(objects[0]) is not None and view.mention_of(objects[1]) is None \
            and any(view.dep(c) == "det" and view.lower[c] in ("a", "an") for c in view.children[objects[1]]):
        # "branded North Korea an outlaw nation" parsed as two objects: the second is the predicate
        return sorted(view.subtree(objects[1]))
    if not preds or not objects:
        return None  # "called Erdogan" misparsed with the name as predicate and no object: a call, naming nothing
    return sorted(t for p in preds for t in view.subtree(p))


def _named_before_article(view: SentenceView, obj: int) -> int | None:
    """The actor token the parser hung on a naming verb's object before its article ("called [Trump] a
    friend": Trump <- friend): the real object, with the rest the predicate."""
    det = next((c for c in view.children[obj] if view.dep(c) == "det" and view.lower[c] in ("a", "an")), None)
    if det is None:
        return None
    name = next((c for c in view.children[obj] if c < det and view.dep(c) in ("nmod", "compound", "npadvmod", "appos")
                 and view.mention_of(c) is not None), None)
    return max(view.subtree(name)) if name is not None else None
