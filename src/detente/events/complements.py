"""Speech acts read with the act they are about: "threatened to attack", "urged Israel to end its
strikes", "offered to send troops", "refused to lift the embargo".

A verb whose own pattern codes a speech act of a broad kind — an appeal (CAMEO 02), an intent (03), a
demand (10), a rejection (12) or a threat (13) — and whose infinitive complement (spaCy ``xcomp``)
carries an act a pattern coded, is one event: the speech act, with the sub-code the complement's act
picks (CAMEO 1.1b3 codes threats, appeals and intents by what is threatened, appealed for or
intended: "threatened to attack" is 138, not 130 beside a hypothetical 190). The tables are in
``rules.toml``: ``[rewrites.appealed]`` for appeals, ``[rewrites.demanded]`` for demands,
``[rewrites.refused]`` for rejections, and ``[rewrites.planned]`` for threats and intents (a planned
coercive act is a threat, a planned cooperative one an intent); a reading that would change the kind
of the speech act (an offer "to send troops" read as a threat) is not taken.

The speech act keeps its source. A commissive (intent, rejection, threat) is aimed at the complement's
target ("Australia offered to send troops to the Philippines": AUS -> PHL), a directive (appeal,
demand) at whom it addresses ("urged Israel to end…": RUS -> ISR). The complement's own events
("Israel ends strikes on Syria", hypothetical) are absorbed: the text reports the speech act, not the
act.

Warnings are read the same way (``read_warnings``): "warned officials to boost security" is advice, an
appeal (020); "warned voters that a victory would bring back the scandal" a pessimistic comment (012);
only a warning that names a consequence ("warned Kyiv that it would respond") stays a threat (13).

Refusing a hostile act (CAMEO 10-20: "declined to threaten Moscow", "refused to condemn Russia") is no
rejection of its target: the refusal codes nothing, and the act is the complement's own event, negated.
Considering an act is a policy option about its target ("is weighing sanctions on Russia": 014, the
``considered`` rewrites). A mutual act naming its own parties ("attend the meeting between Trump and
Putin", rules.toml ``mutual_nouns``) is not absorbed: the parties meet; attending it is no meeting.

What it does not do: read PETRARCH dictionaries' patterns (they spell such readings out themselves),
or a complement no pattern coded ("threatened to do something about it" stays 130).
"""

from __future__ import annotations

from dataclasses import replace

from detente import cameo
from detente.dictionaries import Rules
from detente.doc import SentenceView
from detente.model import Event

# the speech act's CAMEO root -> (rewrite table, the roots a reading may give, aimed at the complement's target);
# an intent (03) may also become a threat (13): "vowed to attack"
SPEECH_ACTS = {
    "02": ("appealed", ("02",), False),
    "03": ("planned", ("03",), True),
    "10": ("demanded", ("10",), False),
    "12": ("refused", ("12", "01"), True),  # "declined to comment": 011
    "13": ("planned", ("13",), True),
    "014": ("considered", ("01",), True),  # "is considering sending aid to X": 014 about X
}


def complement_acts(view: SentenceView, k: int, code_of: dict[int, str]) -> list[tuple[int, str]]:
    """(token, code) of the acts patterns coded in k's infinitive complement: the complement verb
    itself ("threatened to attack"), else a noun trigger it takes as object ("threatened to impose
    sanctions"); or a noun trigger k takes as its own object ("pledged new sanctions", "threatened
    military action")."""
    found = [(o, code_of[o]) for o in view.objects(k) if o in code_of]
    for c in view.children[k]:
        if view.dep(c) != "xcomp":
            continue
        if c in code_of:
            found.append((c, code_of[c]))
            continue
        for o in view.objects(c):
            if o in code_of:
                found.append((o, code_of[o]))
                break
    return found


def read_with_complements(view: SentenceView, events: list[Event], heads: set[int], code_of: dict[int, str],
                          rules: Rules) -> tuple[list[Event], list[str]]:
    """``events`` with each speech act specialised by its complement's act and the complement's own
    events absorbed. ``heads``: the verbs where a detente (not PETRARCH) pattern fired, the speech-act
    candidates. Returns the events and a line per reading for the trace."""
    toks = view.tokens
    by_trigger: dict[int, list[Event]] = {}
    for e in events:
        by_trigger.setdefault(view.token_starting_at(e.trigger[0]), []).append(e)
    absorbed: set[int] = set()
    replaced: dict[int, Event] = {}
    dropped: set[int] = set()
    notes: list[str] = []
    for k in sorted(heads):
        own = by_trigger.get(k, [])
        if not own:
            continue
        root = own[0].cameo[:3] if own[0].cameo[:3] in SPEECH_ACTS else own[0].cameo[:2]
        if root not in SPEECH_ACTS or own[0].modality == "negated":
            continue
        table, roots, aimed = SPEECH_ACTS[root]
        for c, code in complement_acts(view, k, code_of):
            if view.lemma[c].lower() in rules.word("mutual_nouns") and by_trigger.get(c) \
                    and any(prep == "between" for prep, _ in view.prep_objects(c)):
                # "will attend the meeting between Trump and Putin": the complement names its own parties,
                # who meet, and its events stand; attending or joining their meeting is no meeting of its own
                if code[:2] == "04" and root in ("03", "04"):
                    dropped.update(id(e) for e in own)
                    notes.append(f"{toks[k].text!r} + {toks[c].text!r} [{code}]: the meeting of the parties it names, not of who attends")
                    break
                continue
            found = rules.rewrite(table, code)
            if found is None and root == "12" and "10" <= code[:2] <= "20" and view.dep(c) == "xcomp":
                # "declined to threaten Moscow", "refused to condemn Russia": not doing a hostile act is no
                # rejection of its target; the act itself is negated (the complement's own event)
                dropped.update(id(e) for e in own)
                notes.append(f"{toks[k].text!r} + {toks[c].text!r} [{code}]: a hostile act not done, no rejection")
                break
            if found is None:
                continue
            if root == "03" and found[0][:2] == "13":
                # "vowed to attack" is a threat (the 13x reading stands); "offered to send troops to
                # the Philippines" is an offer of help (030), not a threat
                if code[:2] in rules.word("offered_posture_roots"):
                    found = (own[0].cameo, f"rules:{table}:offer-of-posture")
            elif found[0][:2] not in roots:
                continue
            new, rule_id = found
            acts = by_trigger.get(c, [])
            lo = min(toks[k].start, toks[c].start, *(e.evidence[0] for e in own))
            hi = max(toks[k].end, toks[c].end, *(e.evidence[1] for e in own))
            for e in own:
                target = e.target
                # the complement's target for this source ("Trump and Putin agreed to share…": each the other)
                mine = [a.target for a in acts if a.target is not None and e.source is not None and a.source is not None
                        and a.source.same_actor(e.source)]
                mine = mine or [a.target for a in acts if a.target is not None and (e.source is None or not a.target.same_actor(e.source))]
                if aimed and mine and not _addressed(view, k, target):
                    target = mine[0]
                rule = e.rule if e.rule.endswith(f" > {rule_id}") else f"{e.rule} > {rule_id}"  # a rewrite the trigger had already
                replaced[id(e)] = replace(e, cameo=new, **cameo.scores(new), target=target, rule=rule, evidence=(lo, hi))
            absorbed.update(id(e) for e in acts)
            notes.append(f"{toks[k].text!r} + {toks[c].text!r} [{code}] -> [{new}] ({rule_id}); the complement's {len(acts)} event(s) absorbed")
            break
    out: list[Event] = []
    seen: set[tuple] = set()
    for e in events:
        if id(e) in dropped or (id(e) in absorbed and id(e) not in replaced):
            continue
        e = replaced.get(id(e), e)
        key = (e.source.actor if e.source else None, e.target.actor if e.target else None, e.cameo)
        if key in seen:
            continue
        seen.add(key)
        out.append(e)
    return out, notes


def read_warnings(view: SentenceView, events: list[Event], heads: set[int], rules: Rules) -> tuple[list[Event], list[str]]:
    """A warning (a threat pattern, CAMEO 13, on a verb of ``warning_verbs``) is advice when it takes a
    to-infinitive ("warned officials to boost security": an appeal, 020, to whom it warned) and a
    pessimistic comment (012) when its that-clause names no consequence (``threat_words``: "warned
    voters that a victory would bring back the scandal"); "warned Kyiv that it would respond" stays a
    threat."""
    toks = view.tokens
    WARN, THREAT = rules.word("warning_verbs"), rules.word("threat_words")
    out, notes = [], []
    for e in events:
        k = view.token_starting_at(e.trigger[0])
        if k not in heads or e.cameo[:2] != "13" or e.modality == "negated" or view.lemma[k] not in WARN or e.origin != "pattern":
            out.append(e)
            continue
        comps = [c for c in view.children[k] if view.dep(c) in ("xcomp", "ccomp")]
        advice = [c for c in comps if any(view.dep(a) == "aux" and view.lower[a] == "to" for a in view.children[c])]
        clause = [c for c in comps if c not in advice]
        if advice:
            new, why = "020", "rules:warning:advice"
        elif clause and not any(view.lower[t] in THREAT or view.lemma[t] in THREAT for c in clause for t in view.subtree(c)):
            new, why = "012", "rules:warning:comment"
        else:
            out.append(e)
            continue
        out.append(replace(e, cameo=new, **cameo.scores(new), rule=f"{e.rule} > {why}"))
        notes.append(f"{toks[k].text!r} [{e.cameo}] -> [{new}] ({why})")
    return out, notes


def _addressed(view: SentenceView, k: int, target) -> bool:
    """Is ``target`` a named actor the speech act addresses as its own object ("promised Kyiv to send
    weapons")? Anything else (none, an unnamed agent, an actor found deeper) yields to the complement's target."""
    if target is None or target.code.startswith("---"):
        return False
    return any(view.mention_at[o] is target for o in view.objects(k))
