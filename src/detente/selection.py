"""Selection stage: a confidence on every event, and the events users asked for.

Runs last. For each event it computes a confidence in 0-1 from its evidence, with the weights of the
``[confidence]`` table of the dictionaries (``rules.toml``):

- how each actor's code was found (``Mention.resolution``: a dictionary entry, a composition, a
  pronoun, the article's two parties, an inferred country…), a missing actor, an actor whose country
  is unknown (``---GOV``);
- how specific the rule is: a pattern with words beyond its trigger (``* sanctions on +``) over a bare
  verb (``*``);
- whether the parse and the word order agree: for an active verb, the source before the trigger and
  the target after it;
- literal or figurative use: material conflict (CAMEO 15, 17-20; not protest) between two actors neither of
  which can use force — no state, government or security force on either side ("attacked the
  moderators") — or between two actors of one country neither of which is a security force ("the
  senator is always fighting the party's nominee") is usually figurative, except a state organ's
  coercion (CAMEO 17: "the president banned peasant organisations"); military force or mass violence
  (CAMEO 19-20) by a source that bears no arms (a civilian, a party, a court: "a Lebanese man crossed
  the border into Israel") costs ``unarmed_force``;
- where the trigger stands: a verb inside a relative clause, a participle or infinitive modifying a
  noun, the object of a preposition, or a verb another verb controls ("policies she supported",
  "the rebels opposed to", "accused X of sending", "wants to attack") tells less of an act than a main
  clause does (blind judges found 3 in 10 such events fully right against 6 in 10 in main clauses);
- an audience taken for a party: a consultation, visit or meeting (CAMEO 04) whose target is civilians,
  students, media, business or a hospital ("spoke to students", "went to the hospital") is a speech or
  an errand, not diplomacy.

Then it keeps the events with both a source and a target (PETRARCH's ``require_dyad``; the
``one_sided`` setting keeps the others) whose actors are not one and the same mention, that the text
does not say did not happen (the ``negated`` setting keeps those), that is no statement (01) by the
news media or a commentator (``news_source_roles``, ``commentator_roles``), nor put as only possible,
conditional or wished (the ``hypothetical`` setting keeps those: blind audits found nine in ten of them
wrong — "threatened to attack" is a threat, "an offensive to free the city" no release), at or above
the ``min_confidence`` setting.

What it does not do: change an event's code, actors or modality.
"""

from __future__ import annotations

from dataclasses import replace

from detente import cameo
from detente.dictionaries import Dictionaries
from detente.doc import SentenceView
from detente.events.figurative import MATERIAL_CONFLICT, civilian_pair, state_coercion, unarmed_force
from detente.model import CodedArticle, Event, Sentence, Token
from detente.stages import StageContext, Tracer, register_stage



EMBEDDED = frozenset({"relcl", "acl", "acl:relcl", "pcomp", "xcomp"})


def _issued_document(s: Sentence, t: Token, nouns: frozenset[str], issuing: frozenset[str]) -> bool:
    """Is participle t of sentence s on a document noun (``nouns``) that is the object of a verb of
    issuing (``issuing``)?"""
    base = s.tokens[0].i
    noun = s.tokens[t.head - base]
    if noun.lemma.lower() not in nouns or noun.dep not in ("dobj", "obj"):
        return False
    return s.tokens[noun.head - base].lemma.lower() in issuing


class SelectionStage:
    name = "selection"
    reads = ("doc", "events")
    adds = ("events",)

    def __init__(self, dictionaries: Dictionaries, one_sided: bool = False, min_confidence: float = 0.0, negated: bool = False,
                 hypothetical: bool = True) -> None:
        self.dicts = dictionaries
        self.weights = dictionaries.rules.confidence
        self.security = dictionaries.rules.words.get("security_roles", frozenset())
        self.armed = self.security | dictionaries.rules.words.get("nonstate_roles", frozenset())
        self.audience = dictionaries.rules.words.get("audience_roles", frozenset())
        self.documents = (dictionaries.rules.words.get("document_nouns", frozenset()), dictionaries.rules.words.get("issuing_verbs", frozenset()))
        self.reporters = dictionaries.rules.reporter_roles()
        self.one_sided = one_sided
        self.min_confidence = min_confidence
        self.negated = negated
        self.hypothetical = hypothetical

    def __call__(self, coded: CodedArticle, trace: Tracer | None = None) -> CodedArticle:
        trace = trace if trace is not None else Tracer(self.name)
        kept: list[Event] = []
        embedded = self._embedded(coded, self.documents)
        for event in coded.events:
            event = replace(event, confidence=self.confidence(event, event.trigger in embedded))
            reason = self.reject(event)
            if reason:
                trace(event.rule, "dropped", f"{_dyad(event)} [{event.cameo}]: {reason}")
                continue
            kept.append(event)
        return replace(coded, events=tuple(kept))

    def reject(self, event: Event) -> str | None:
        """Why ``event`` is not kept, or ``None``."""
        if not self.one_sided and (event.source is None or event.target is None):
            return "one-sided (needs a source and a target; the one_sided setting keeps it)"
        if not self.negated and event.modality == "negated":
            return "negated: the text says it did not happen (the negated setting keeps it)"
        if not self.hypothetical and event.modality == "hypothetical":
            return "hypothetical: possible, conditional or wished, not done (the hypothetical setting keeps it)"
        s, t = event.source, event.target
        if event.cameo[:2] == "01" and s is not None and not s.given and s.code[3:6].lower() in self.reporters:
            return "a statement by the news media or a commentator: it reports or comments, it is no party"
        if s is not None and t is not None and s.start < t.end and t.start < s.end and not (s.given or t.given):
            return "source and target are one mention"
        if event.confidence is not None and event.confidence < self.min_confidence:
            return f"confidence {event.confidence} below min_confidence {self.min_confidence}"
        return None

    @staticmethod
    def _embedded(coded: CodedArticle, documents: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())) -> frozenset[tuple[int, int]]:
        """The triggers of pattern events that are verbs in an embedded clause (``EMBEDDED``); not a
        participle saying what a document its subject issues says ("issued a statement urging North
        Korea to…", "approved a resolution criticizing the government": ``documents``, the document
        nouns and the verbs of issuing), which is the author's act ("welcomed the statement criticizing
        Ukraine" is someone else's)."""
        nouns, issuing = documents
        if coded.doc is None or not coded.events:
            return frozenset()
        starts = {e.trigger[0]: e.trigger for e in coded.events if e.origin == "pattern"}
        wanted = {e.sentence for e in coded.events if e.origin == "pattern"}
        found = set()
        for s in coded.doc.sentences:
            if s.index not in wanted:
                continue
            view = None
            for t in s.tokens:
                if t.start in starts and t.pos in ("VERB", "AUX") and t.dep in EMBEDDED:
                    if t.dep == "acl" and t.tag == "VBG" and _issued_document(s, t, nouns, issuing):
                        continue
                    if t.dep in ("relcl", "acl:relcl"):
                        view = view or SentenceView(s, [])
                        if view.misparsed_relative(t.i - view.base):
                            continue  # the main verb, misparsed ("…, a number of parties and the rebels condemned X")
                    found.add(starts[t.start])
        return frozenset(found)

    def confidence(self, event: Event, embedded: bool = False) -> float:
        w = self.weights
        score = w.get("base", 0.5)
        if embedded:
            score += w.get("embedded", 0.0)
        for m in (event.source, event.target):
            if m is None:
                score += w.get("missing_actor", 0.0)
                continue
            score += w.get(m.resolution, 0.0)
            if m.code.startswith("---") and not m.given:
                score += w.get("unknown_country", 0.0)
        if event.origin == "statement":
            score += w.get("statement", 0.0)
        pattern = self.dicts.patterns_by_id.get(event.rule.split(" > ")[0])
        if pattern is not None and any(e.kind == "lit" for e in pattern.pre + pattern.post):
            score += w.get("specific_pattern", 0.0)
        if event.origin == "pattern" and event.source is not None and event.target is not None:
            if event.source.start > event.trigger[0] and event.target.end <= event.trigger[0]:
                score += w.get("word_order", 0.0)  # target before and source after the trigger: suspicious
        if event.cameo[:2] in MATERIAL_CONFLICT and civilian_pair(event.source, event.target, self.security) \
                and not state_coercion(event.cameo, event.source):
            score += w.get("figurative", 0.0)
        elif unarmed_force(event.cameo, event.source, self.armed):
            score += w.get("unarmed_force", 0.0)  # military force by a civilian, a party, a court
        if event.cameo[:2] == "04" and event.target is not None and not event.target.given \
                and {r.lower() for r in cameo.actor_roles(event.target.code)} & self.audience:
            score += w.get("audience", 0.0)  # "spoke to students", "went to the hospital": no consultation
        return round(min(1.0, max(0.0, score)), 2)


def _dyad(e: Event) -> str:
    return f"{e.source.code if e.source else '-'} -> {e.target.code if e.target else '-'}"


@register_stage("selection")
def make_selection_stage(context: StageContext) -> SelectionStage:
    s = context.settings
    return SelectionStage(context.dictionaries, s.one_sided, s.min_confidence, s.negated, s.hypothetical)
