"""Event stage: match verb and noun patterns on the dependency tree and code events.

For each token whose lemma triggers patterns (verbs for verbs, nouns for nominal triggers such as
"sanctions against"), every pattern is tried on the trigger's own clause (``patterns.match``); the most
specific one that matches fires. Then:

- source: the pattern's ``$``, else the subject (the ``by`` agent of a passive; for a noun, its
  possessor or modifier actor, else the subject of the verb that governs it);
- target: the pattern's ``+``, else the object, else a prepositional object (the subject of a passive);
- compounds: "Russia and China condemned …" gives one event per source-target pair, ``compound=True``;
- modality (``modality.py``): negated, planned, hypothetical or asserted, from the tree;
- codes: CAMEO code from the pattern, PLOVER, quad class and Goldstein from ``detente.cameo``.

An event needs at least one actor; a bare statement (root 01) needs a target too, since "X said" alone
relates no one (the quote stage records statements). An event whose source and target have the same code
is dropped (PETRARCH does the same).

What it does not do: read quotations (events inside quotes keep their textual source; attributing them
to the speaker needs the quote stage's output and is done at article level).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, replace
from itertools import product

from detente import cameo
from detente.dictionaries import Dictionaries, Pattern, Rules
from detente.events.complements import read_warnings, read_with_complements
from detente.events.demands import demand_event, obligation_clauses
from detente.events.figurative import MATERIAL_CONFLICT, characterisation, civilian_pair, praise
from detente.events.modality import conditioned, modality_flags
from detente.events.targets import implied_target, instrument_of, mutual_with, place_targets, with_party, withdrawn_from
from detente.events.patterns import Match, match_pattern, present_words, why_not, words_for
from detente.doc import SentenceView
from detente.model import CodedArticle, Event, Mention
from detente.stages import StageContext, Tracer, register_stage
from detente.text import DASHES


@dataclass
class Candidate:
    trigger: int
    pattern: Pattern
    match: Match


class EventStage:
    """Adds ``events`` to a coded article."""

    name = "events"
    reads = ("doc", "mentions")
    adds = ("events",)

    def __init__(self, dictionaries: Dictionaries) -> None:
        self.dicts = dictionaries
        self.rules = dictionaries.rules
        self._indexes: dict[int, tuple] = {}  # per trigger's pattern list: patterns by first needed word

    def __call__(self, coded: CodedArticle, trace: Tracer | None = None) -> CodedArticle:
        trace = trace if trace is not None else Tracer(self.name)
        if coded.doc is None:
            return coded
        events: list[Event] = []
        mentions = sorted(coded.mentions, key=lambda m: m.start)
        starts = [m.start for m in mentions]
        views = []
        for sentence in coded.doc.sentences:  # by bisection: a scan per sentence is quadratic on a long article
            inside = mentions[bisect_left(starts, sentence.start) : bisect_left(starts, sentence.end)]
            views.append(SentenceView(sentence, inside))
        discarded = self.discarded_sentences(views)
        if discarded is None:
            trace("discard", "story-discarded", "a story-level discard phrase: no events")
            return replace(coded, events=())
        for view in views:
            if view.sentence.index in discarded:
                trace("discard", "sentence-discarded", f"sentence {view.sentence.index}: no events")
                continue
            events.extend(self.code_sentence(view, coded, trace))
        # ids in text order, numbered once: filters inside a sentence may drop events
        events = [replace(e, id=f"{coded.article.id}:e{n}") for n, e in enumerate(events, 1)]
        return replace(coded, events=tuple(events))

    def discarded_sentences(self, views: list[SentenceView]) -> set[int] | None:
        """Sentences holding a discard phrase (sports, weather… that would code as conflict); ``None``
        when a story-level discard ("+phrase" in PETRARCH files) removes the whole article."""
        index = self.dicts.discards
        if not len(index):
            return set()
        out: set[int] = set()
        for view in views:
            folded = view.folded()
            for i in sorted(index.starts(folded)):
                found = index.scan(folded, i)
                if found:
                    if any(d.scope == "story" for d in found[1]):
                        return None
                    out.add(view.sentence.index)
        return out

    def code_sentence(self, view: SentenceView, coded: CodedArticle, trace: Tracer) -> list[Event]:
        out: list[Event] = []
        seen: set[tuple] = set()
        code_of: dict[int, str] = {}
        noun_at: dict[int, int] = {}  # id(event) -> its noun trigger
        used_by: dict[int, list[tuple[Event, int]]] = {}  # a noun a verb pattern consumed -> (its event, specificity)
        heads: set[int] = set()
        skips: tuple[frozenset[int], frozenset[int]] | None = None  # what a + passes over, read on the first trigger
        claim_codes = self.rules.word("claim_codes")
        for k, tok in enumerate(view.tokens):
            if view.mention_at[k] is not None and view.mention_at[k].kind != "pronoun":
                continue  # a word inside an actor's name ("riot police", "peace envoy") is no trigger
            if tok.pos in ("VERB", "AUX") and view.dep(k) == "amod":
                continue  # a participle used as an adjective names no act: "the internationally recognised government"
            if tok.pos in ("VERB", "AUX") and _possessor_subject(view, k):
                continue  # "Libya's internationally recognised Government": a possessive is no subject; the parse misread a noun phrase
            if tok.pos in ("VERB", "AUX"):
                patterns = self.dicts.verbs.get(view.lemma[k]) or self.dicts.verbs.get(view.lower[k]) or _stem_lookup(self.dicts.verbs, view.lower[k])
                pos = "verb"
                if patterns and tok.tag == "VBG" and view.dep(k) in ("dobj", "obj", "xcomp") and not view.kids(view.head(k), {"prt"}) \
                        and self._ended(view, k, view.head(k), trace):
                    continue  # "agreed to halt fighting": the fighting is what stops
            elif tok.pos in ("NOUN", "PROPN"):
                patterns = self.dicts.nouns.get(view.lemma[k]) or self.dicts.nouns.get(view.lower[k])
                pos = "noun"
                if patterns and (verb := view.governing_verb(k)) is not None and (view.head(k) == verb or view.dep(k) in ("dobj", "obj")) \
                        and self._ended(view, k, verb, trace):
                    continue  # "lifted the embargo": the verb codes the easing; the embargo is not imposed
            else:
                continue
            if not patterns:
                continue
            if skips is None:
                skips = self._skips(view)
            best = self.best_match(view, k, patterns, pos, trace, skips)
            if best is None:
                continue
            code_of[k] = best.pattern.code
            if pos == "verb" and best.pattern.scope == "clause":
                heads.add(k)
            for event in self.make_events(view, best, pos, coded, trace):
                # one event per dyad and code in a sentence: "carried out strikes" fires on the verb
                # and on the noun; both describe the same event
                key = (event.source.actor if event.source else None, event.target.actor if event.target else None, event.cameo)
                if pos == "noun" and any(_same_actors(event, e) and spec > best.pattern.specificity and e.cameo not in claim_codes
                                         for e, spec in used_by.get(k, ())):
                    # "suicide bombers launched an attack on X": the verb's pattern read the noun in more
                    # context (1831); the bare noun ("attack on X", 190) is the same act read less closely
                    # (but the claim of an attack is one event and the attack claimed another)
                    trace(best.pattern.id, "consumed", f"{tok.text!r}: coded with more context by its verb's pattern")
                    continue
                if key not in seen and not any(_same_event(event, e) for e in out):
                    seen.add(key)
                    out.append(event)
                    if pos == "noun":
                        noun_at[id(event)] = k
                    else:
                        for u in best.match.used:
                            if u != k:
                                used_by.setdefault(u, []).append((event, best.pattern.specificity))
        # "avoids condemning the invasion", "praised the release of the prisoners": a noun that a verb of
        # judgement (praise, defence, criticism, rejection: rules.toml topic_codes) is about is its
        # topic; the judgement is the event, the act named is not reported by this sentence
        topics = self.rules.word("topic_codes")
        out = [e for e in out if id(e) not in noun_at or not _judged(view, noun_at[id(e)], code_of, topics, trace)]
        # "called the police shootings of African Americans a moment…", "handling threats from Russia":
        # a bare plural act noun that another verb takes as its object names a kind of act, no one event
        support = self.rules.word("support_verbs")
        # (but "weighing sanctions on Russia": the option considered, which the consideration is about)
        considered = self.rules.word("considered_codes")
        out = [e for e in out if id(e) not in noun_at or _object_of_code(view, noun_at[id(e)], code_of, considered)
               or not _generic(view, noun_at[id(e)], support, trace)]
        # an event without a target adds nothing when the same actor's same act has one
        with_target = {(e.source.actor if e.source else None, e.cameo) for e in out if e.target is not None}
        out = [e for e in out if e.target is not None or (e.source.actor if e.source else None, e.cameo) not in with_target]
        # "announced the deployment of troops to Liberia", "sent a letter threatening to cut funding": a
        # statement whose object is itself an act is that act (coded on its own), not a plain statement
        out = [e for e in out if not (e.cameo == "010" and e.origin == "pattern" and _states_an_act(view, e, code_of, self.dicts.nouns))]
        # "threatened to attack X" is one threat (138), not a threat (130) and a hypothetical attack
        out, notes = read_with_complements(view, out, heads, code_of, self.rules)
        out, more = read_warnings(view, out, heads, self.rules)
        for note in notes + more:
            trace("complement", "speech-act", note)
        out += self._claimed_acts(view, out, trace)
        seen = {(e.source.actor if e.source else None, e.target.actor if e.target else None, e.cameo) for e in out}
        for said, clause, action in obligation_clauses(view, self.rules):
            sources = _default_sources(view, said, "verb")
            targets = _with_conjuncts(view, view.subject(clause))
            demand = demand_event(view, said, action, code_of, sources[0] if sources else None, targets[0] if targets else None,
                                  coded.article.id, coded.article.published, self.rules)
            if demand is not None and (key := (demand.source.actor, demand.target.actor, demand.cameo)) not in seen:
                seen.add(key)
                out.append(demand)
                trace(demand.rule, "event", f"{demand.source.code} -> {demand.target.code} [{demand.cameo}] demand")
        return out

    def _claimed_acts(self, view: SentenceView, events: list[Event], trace: Tracer) -> list[Event]:
        """"The Houthis claimed that they had attacked the cities in Saudi Arabia", "the army admitted it
        had shelled the village": an actor's clause (``claim_clause_verbs``) saying it did an act of force
        (``claimed_act_codes``) claims responsibility for it (``claim_codes``), aimed at the act's target.
        The act itself stays an event of its own, as with "claimed responsibility for the attack"."""
        words = self.rules.word
        claim = min(words("claim_codes"), default=None)
        out: list[Event] = []
        for e in events:
            k = view.token_starting_at(e.trigger[0])
            if claim is None or k is None or e.origin != "pattern" or e.source is None or e.target is None or e.modality != "asserted" \
                    or not e.cameo.startswith(tuple(words("claimed_act_codes"))) or view.dep(k) != "ccomp":
                continue
            h = view.head(k)
            if view.lemma[h] not in words("claim_clause_verbs") or (who := view.mention_of(view.subject(h))) is None \
                    or not who.same_actor(e.source):
                continue
            modality = modality_flags(view, h, "verb", self.rules, frozenset()).value
            toks = view.tokens
            claimed = replace(e, id="", source=who, cameo=claim, **cameo.scores(claim), modality=modality,
                              trigger=(toks[h].start, toks[h].end), rule=f"rules:claimed-act:{view.lemma[h]}", compound=False)
            if not any(x.cameo == claim and _same_actors(x, claimed) for x in events + out):
                trace(claimed.rule, "event", f"{who.code} -> {e.target.code} [{claim}]: claims the act of {toks[k].text!r}")
                out.append(claimed)
        return out

    def candidates(self, patterns: list[Pattern], present_by_scope: dict, view: SentenceView, k: int, pos: str) -> list[Pattern]:
        """The patterns of a trigger whose first required word is present (all of them when tracing):
        a trigger like "be" has hundreds of patterns, most needing words the sentence lacks."""
        index = self._indexes.get(id(patterns))
        if index is None:
            always, by_word = [], {}
            for n, p in enumerate(patterns):
                if p.needs:
                    for word in p.needs[0]:
                        by_word.setdefault(word, []).append(n)
                else:
                    always.append(n)
            index = self._indexes[id(patterns)] = (always, by_word, patterns, {p.scope for p in patterns})
        always, by_word, _, scopes = index
        picked = set(always)
        for scope in scopes:
            if scope not in present_by_scope:
                seq = words_for(view, k, pos, scope)
                present_by_scope[scope] = (seq, present_words(view, seq))
            for word in present_by_scope[scope][1]:
                picked.update(by_word.get(word, ()))
        return [patterns[n] for n in sorted(picked)]

    def best_match(self, view: SentenceView, k: int, patterns: list[Pattern], pos: str, trace: Tracer,
                   skips: tuple[frozenset[int], frozenset[int]] = (frozenset(), frozenset())) -> Candidate | None:
        """The most specific pattern matching trigger k. ``skips``: the tokens a ``+`` passes over in a
        victim code's pattern and in any other (``_skips``)."""
        best: Candidate | None = None
        seen: dict[str, tuple[list[int], set[str]]] = {}
        victim_codes = tuple(self.rules.word("counted_people_codes"))
        verbal = tuple(self.rules.word("verbal_codes"))
        if not trace.on:
            patterns = self.candidates(patterns, seen, view, k, pos)
        for pattern in patterns:
            if pattern.scope not in seen:
                seq = words_for(view, k, pos, pattern.scope)
                seen[pattern.scope] = (seq, present_words(view, seq))
            skip = skips[0] if pattern.code.startswith(victim_codes) else skips[1]
            match = match_pattern(view, k, pattern, pos, *seen[pattern.scope], skip=skip)
            if trace.on:
                outcome = "matched" if match else why_not(view, pattern, *seen[pattern.scope])
                trace(pattern.id, "tried", f"[{pattern.code}] ({pattern.where}) on {view.tokens[k].text!r}: {outcome}")
            if match and pattern.code.startswith(verbal) and self._military_place(view, k, match):
                trace(pattern.id, "literal", f"{view.tokens[k].text!r}: the positions of armed forces, not a stance")
                continue
            if match and pattern.code.startswith("19") and self._peaceful_operation(view, k, match):
                trace(pattern.id, "peaceful", f"{view.tokens[k].text!r}: an evacuation, rescue or relief operation is no use of force")
                continue
            if match and (best is None or pattern.specificity >= best.pattern.specificity):
                best = Candidate(k, pattern, match)
        if best is not None:
            trace(best.pattern.id, "fired", f"[{best.pattern.code}] ({best.pattern.where}) on {view.tokens[k].text!r} (most specific match)")
        return best

    def _military_place(self, view: SentenceView, k: int, match: Match) -> bool:
        """Does a verbal pattern's noun name armed forces' places ("attacked 15 positions", "attacked
        rebel positions", "positions of the militants"), counted or owned by an armed actor, not a stance?"""
        nouns, armed_words = self.rules.word("military_place_nouns"), self.rules.word("military_place_owners")
        for t in match.used:
            if t == k or view.lemma[t].lower() not in nouns:
                continue
            owners = _noun_modifiers(view, t)
            if any(view.dep(c) == "nummod" or view.lemma[c].lower() in armed_words for c in owners):
                return True
            armed = self.rules.word("security_roles") | self.rules.word("nonstate_roles")  # only for a place noun
            if any((m := view.mention_of(c)) is not None and _armed(m, armed) for c in owners):
                return True
        return False

    def _peaceful_operation(self, view: SentenceView, k: int, match: Match) -> bool:
        """Is a force pattern's "operation" one of evacuation, rescue, relief or protection
        (``peaceful_operation_nouns`` with a ``peaceful_operation_words`` modifier: "carried out evacuation
        and protection operations")?"""
        nouns, peaceful = self.rules.word("peaceful_operation_nouns"), self.rules.word("peaceful_operation_words")
        return any(view.lemma[t].lower() in nouns and any(view.lemma[c].lower() in peaceful for c in _noun_modifiers(view, t))
                   for t in match.used if t != k)

    def _skips(self, view: SentenceView) -> tuple[frozenset[int], frozenset[int]]:
        """What a pattern's + passes over in one sentence: for a victim code's pattern the places before
        the parties (``_places_before_actors``); for any other, those and the counted people ("food aid
        to 20,000 people in Chad": Chad), which only a victim code may take."""
        nouns = self.rules.word("counted_nouns")
        places = self._places_before_actors(view)
        return places, places | frozenset(t for m in view.mentions if _counted_people(view, m, nouns) for t in view.tokens_of(m))

    def _places_before_actors(self, view: SentenceView) -> frozenset[int]:
        """The tokens of countries named as a place ("in Kashmir") whose noun goes on to name
        actors ("clashes in Kashmir between India and Pakistan"): a + passes over
        the place to them. A place with no actor after it stays what a + may take."""
        preps, parties = self.rules.word("place_preps"), self.rules.word("party_preps")
        out: set[int] = set()
        for m in view.mentions:
            toks = view.tokens_of(m)
            if m.kind != "country" or m.given or not toks:
                continue
            head = view.mention_head(toks[0])
            prep = view.head(head)
            if view.dep(head) != "pobj" or view.lower[prep] not in preps or view.dep(prep) != "prep":
                continue
            owner = view.head(prep)
            later = [c for c in view.kids(owner, {"prep"}) if c > prep and view.lower[c] in parties]
            if any(view.mention_at[t] is not None and view.mention_at[t] is not m for c in later for t in view.subtree(c)):
                out.update(toks)
        return frozenset(out)

    def _adjective_actor(self, view: SentenceView, k: int, when) -> list[Mention]:
        """The country of a country adjective modifying noun trigger k, as a mention; an adjective of
        two words ("North Korean", "South African") is read whole."""
        for c in view.children[k]:
            if view.dep(c) != "amod" or view.mention_at[c] is not None or not view.tokens[c].text[:1].isupper():
                continue
            first = c
            while first > 0 and view.head(first - 1) in (c, k) and view.tokens[first - 1].text[:1].isupper() \
                    and view.dep(first - 1) in ("amod", "compound") and view.mention_at[first - 1] is None:
                first -= 1
            for start in range(first, c + 1):
                texts = [view.tokens[t].text for t in range(start, c + 1)]
                found = self.dicts.actors.longest(texts, 0)
                if found is None or found[0] != len(texts):
                    continue
                entries = [e for e in found[1] if e.kind == "country" and e.form == "adjective"]
                code = entries[0].code_on(when) if entries else None
                if code:
                    a, b = view.tokens[start], view.tokens[c]
                    return [Mention(a.start, b.end, " ".join(texts), code, "country", f"adjective:{entries[0].id}")]
        return []

    def _adjective_targets(self, view: SentenceView, k: int, pos: str, when, preps: frozenset[str] | None = None) -> list[Mention]:
        """The country of a country adjective on what trigger k acts on, when no actor is named there:
        the verb's object ("banned Russian imports") or the noun in one of ``preps`` (by default
        ``adjective_target_preps``) on that object or on the noun trigger ("tariffs on Chinese goods",
        "strikes on Syrian positions"), or a gerund's object there ("pessimism about ending the
        North Korean standoff")."""
        preps = preps or self.rules.word("adjective_target_preps")
        heads = list(view.objects(k)) + view.kids(k, {"acomp"}) if pos == "verb" else [k]
        nouns = [n for h in heads for n in [h] + [q for prep, q in view.prep_objects(h) if prep in preps]]
        if pos == "verb":
            nouns += [q for prep, q in view.prep_objects(k) if prep in preps]
        nouns += [o for n in list(nouns) if n != k and view.tokens[n].pos == "VERB" for o in view.objects(n)]
        # one "of" further: "a ban on imports of British beef", "sanctions on sales of Iranian oil"
        nouns += [q for n in list(nouns) if n != k for prep, q in view.prep_objects(n) if prep == "of"]
        for n in nouns:
            if n == k or view.mention_of(n) is not None:
                continue
            found = self._adjective_actor(view, n, when)
            if found:
                return found
        return []

    def _ended(self, view: SentenceView, k: int, verb: int, trace: Tracer) -> bool:
        """Does ``verb`` (lift, halt, end…: ``rules.toml`` ending_verbs) stop what trigger k names?"""
        if view.lemma[verb] not in self.rules.word("ending_verbs"):
            return False
        trace("ending", "no-trigger", f"{view.tokens[k].text!r}: ended by {view.tokens[verb].text!r}, not done")
        return True

    def make_events(self, view: SentenceView, cand: Candidate, pos: str, coded: CodedArticle, trace: Tracer) -> list[Event]:
        k = cand.trigger
        words = self.rules.word
        sources = [cand.match.source] if cand.match.source else _default_sources(view, k, pos, words("support_verbs"), words("causative_verbs"),
                                                                                  words("partitive_nouns"),
                                                                                  (words("claiming_verbs"), words("responsibility_nouns")),
                                                                                  (words("person_possessives"), words("thing_possessives"), words("plural_possessives")))
        if not sources and pos == "noun" and not cand.match.source:
            # "Israeli shelling killed…", "Russian air strikes on Kyiv": the country adjective is the
            # actor of the act the noun names (an adjective alone names no actor mention)
            sources = self._adjective_actor(view, k, coded.article.published)
        # a CAMEO statement (01) of detente's own dictionaries; PETRARCH files use 01x codes of their own
        statement = cand.pattern.code.startswith("01") and cand.pattern.scope == "clause"
        own_side = not cand.pattern.code.startswith(tuple(words("topic_codes")))
        targets = [cand.match.target] if cand.match.target else _default_targets(view, k, pos, self.rules, exclude=sources, statement=statement,
                                                                                  scope=cand.pattern.scope, own_side=own_side)
        if cand.match.target and cand.pattern.scope == "clause" and (toks := view.tokens_of(cand.match.target)):
            # "imposed sanctions on Iran and Syria": the pattern's + is the first of conjoined actors
            targets = [cand.match.target] + [m for m in _with_conjuncts(view, view.mention_head(toks[0]))
                                             if m is not cand.match.target and m not in sources]
        parties = _between_parties(view, k, cand.match) if view.lemma[k].lower() in words("mutual_nouns") and not cand.match.source \
            and not cand.match.target and (pos == "noun" or not sources) else []
        if len(parties) > 1:
            # "clashes between the Yemeni army and Houthi fighters", "talks between Kabul and the Taliban":
            # a mutual act's "between" names both its parties; each acts on the other
            sources, targets = parties, []
        if cand.match.target and not cand.match.source and cand.match.target in sources:
            # "NOTED + *": the pattern names the trigger's subject as target, so the source is the
            # subject of a verb above ("Falastur noted that Cirith Ungol regretted…")
            sources = _source_above(view, k, cand.match.target)
        if pos == "verb" and view.dep(k) == "acl" and not cand.match.source and sources \
                and (view.tokens[k].tag == "VBG" or (view.tokens[k].tag == "VBN" and view.lemma[k] in self.rules.word("relation_participles"))) \
                and view.mention_at[view.head(k)] in sources and cand.pattern.scope == "clause":
            # "the millions of Americans supporting Trump", "spies supporting Boko Haram", "the rebel forces
            # opposed to Gaddafi": a participle describing an actor says who they are, it reports no act
            trace(cand.pattern.id, "descriptive", f"{view.tokens[k].text!r} describes {view.tokens[view.head(k)].text!r}: no event")
            return []
        if pos == "verb" and (own := next((c for c in view.kids(k, {"dobj", "obj"}) if view.lower[c] in self.rules.word("reflexive_pronouns")
                                           and c not in cand.match.used), None)) is not None:
            # "defended himself against the attacks", "surrounded himself with advisers": an act on oneself
            trace(cand.pattern.id, "reflexive", f"{view.tokens[k].text!r} {view.tokens[own].text!r}: done to its actor, no event")
            return []
        followers = words("follower_nouns")
        sources = [m for m in sources if not _modifies(view, m, followers)]  # "Clinton supporters questioned…": not Clinton
        targets = [m for m in targets if not _modifies(view, m, followers)]
        if not cand.pattern.code.startswith(tuple(words("counted_people_codes"))):
            # "killed 12 people" names victims; "aid for 50,000 people" names nobody whose country is said
            counted = words("counted_nouns")
            sources = [m for m in sources if not _counted_people(view, m, counted)]
            targets = [m for m in targets if not _counted_people(view, m, counted)]
        sources = _split_codes(_unique(sources))
        if sources and cand.pattern.code.startswith(tuple(words("verbal_codes"))) \
                and all(not s.given and s.code[3:6].lower() in words("wordless_roles") for s in sources):
            # "hackers are taking aim at the tax office": criminals' "attacks" are literal, not criticism
            trace(cand.pattern.id, "wordless", f"{view.tokens[k].text!r}: a criminal source makes no statement or criticism")
            return []
        targets = [t for t in _split_codes(_unique(targets)) if t not in sources]
        own = {s.code[:3] for s in sources}
        if own_side:
            # "Obama lifts US embargo on arms sales", "pledged Moscow's support", "halting Turkey's
            # incursion": the source's own country owning what is acted with is the source's side, not a
            # target (but "defended Russia's policy": whose act is judged is what the judgement is about)
            targets = [t for t in targets if not (len(t.code) == 3 and t.code in own and not t.given and _owner_of_thing(view, t))]
        if cand.pattern.code.startswith(tuple(words("measure_codes"))) and not cand.match.target:
            # "will seek new U.N. sanctions": a body that only modifies the measure imposes it; it is not its target
            # (but "expelled UN inspectors": the body's own people are the body)
            personnel = words("body_personnel")
            targets = [t for t in targets if not (t.code.startswith("IGO") and not t.given and (head := _modified(view, t)) is not None
                                                  and view.lemma[_phrase_head(view, head)].lower() not in personnel)]
        if cand.pattern.code.startswith(tuple(words("complaint_codes"))):
            # "filed a complaint with the court", "a complaint to the Board of Professional Responsibility":
            # where a complaint is lodged is no one it is about
            venues = words("venue_nouns")
            targets = [t for t in targets if not _venue(view, t, venues)]
        own_forces = False  # "Obama and Clinton withdrew our forces": each withdrew them, not from the other
        if cand.pattern.code.startswith("15") and not cand.match.target:
            # "Russia carried out a snap maneuver of 80,000 troops": a show of force is made with one's own
            # forces (the deploy verbs' instruments), not against them
            targets = [t for t in targets if not _own_agent(t, sources)]
        elif cand.pattern.code.startswith(tuple(words("own_force_codes"))) and sources:
            # "the US completed its withdrawal of troops", "Canada withdrew its troops": the troops withdrawn
            # are the source's own (but "rebels surrendered to the police": to whom one surrenders is the
            # target); "the withdrawal of troops from Iraq": from Iraq
            targets = [withdrawn_from(view, t) if instrument_of(view, k, pos, t) else t for t in targets]
            if not cand.match.target:
                kept = [t for t in targets if not (_own_agent(t, sources) and instrument_of(view, k, pos, t))]
                own_forces, targets = len(kept) < len(targets), kept
        if pos == "verb" and not cand.match.target and cand.pattern.code.startswith("02") and cand.pattern.scope == "clause":
            # "called for compensation for the executives", "called for taxing income generated by
            # companies": an appeal's target is whom what is asked for names, or who is asked to act
            # ("called for US troops to leave"), not an actor nested deeper in the request (its topic)
            targets = [t for t in targets if not _nested_in_request(view, k, t, self.rules)]
        # "its forces", "their troops": an unnamed agent owned by a pronoun is the source's own, not a target
        # (an "its" that names the source's own country: "Russia has strengthened its forces")
        targets = [t for t in targets if t.given or not ((t.code.startswith("---") or t.code[:3] in own) and _owned_by_pronoun(view, t))]
        if any(t.resolution == "parties" for t in targets):
            # "Putin wants good relations between the two countries": the other country of the two
            countries = {s.code[:3] for s in sources}
            targets = [t for t in targets if not (t.resolution == "parties" and t.code[:3] in countries)]
        # "Gondor and Osgiliath renewed ties", "the two armies clashed": each member acts on the others;
        # but "A, B and C welcomed the decision", "Mexico and Canada imposed tariffs on American goods"
        # (a verb that is not mutual, with an object) is each acting alone
        if len(sources) > 1 and targets and pos == "verb" and cand.pattern.scope == "clause" and not cand.match.target \
                and view.lemma[k] in self.rules.word("reciprocal_verbs") \
                and all(not t.given and _under_prep(view, view.tokens_of(t)[0], k, self.rules.word("topic_preps")) for t in targets):
            # "Trump and Putin agreed to share information on North Korea": a mutual act of the two
            # about a third party, which is its topic, not its target
            targets = []
        if not targets and not cand.match.target and cand.pattern.scope == "clause" \
                and cand.pattern.code.startswith(tuple(words("adjective_target_codes"))):
            # "imposed tariffs on Chinese goods", "banned Russian imports", "struck Syrian positions": the
            # country adjective on what the act is done to names whom it is done to
            targets = [t for t in self._adjective_targets(view, k, pos, coded.article.published) if t.code[:3] not in {s.code[:3] for s in sources}]
        if not targets and not cand.match.target and cand.pattern.scope == "clause" \
                and cand.pattern.code.startswith(tuple(words("place_target_codes"))):
            # "attacked the cities in Saudi Arabia", "shelled villages in Lebanon": force on places
            # inside a country is force on that country
            targets = [t for t in place_targets(view, k, pos, self.rules) if t.code[:3] not in {s.code[:3] for s in sources}]
        if not targets and not cand.match.target and len(sources) == 1 and cand.pattern.scope == "clause" \
                and (implied := implied_target(view, k, cand.pattern.code, cand.match.used, sources[0], self.rules)) is not None:
            # "Peru declared a state of emergency", "farmers began a hunger strike against the new laws":
            # the act names whom it is aimed at by what it is (rules.toml population_target_codes,
            # government_target_codes)
            trace(cand.pattern.id, "implied target", f"[{cand.pattern.code}] on {view.tokens[k].text!r}: aimed at {implied.code}")
            targets = [implied]
        reciprocal = len(sources) > 1 and not targets and not own_forces and (len(parties) > 1 or pos == "verb" and (
            not view.objects(k) or cand.pattern.scope != "clause" or any(m.given for m in sources)
            or view.lemma[k] in self.rules.word("reciprocal_verbs")
            or any(view.lemma[o] in words("reciprocal_objects") for o in view.objects(k))  # "A and B upgraded ties"
            or cand.pattern.code.startswith("04") and any(view.lemma[o] in words("consultation_objects") for o in view.objects(k))
            or cand.pattern.code.startswith(tuple(words("agreement_codes"))) and any(view.lemma[o] in words("agreement_objects") for o in view.objects(k))
            # ("A and B failed to reach a deal": no agreement, nor a rejection of each other)
            and not modality_flags(view, k, pos, self.rules, frozenset(cand.match.used)).negated))
        code = cand.pattern.code
        if not sources and not targets:
            trace(cand.pattern.id, "no-actor", f"[{code}] on {view.tokens[k].text!r}: no actor as source or target; no event")
            return []
        if statement and not targets and not cand.match.target and cand.pattern.code.startswith(tuple(words("attitude_codes"))):
            # "expressed pessimism that the Pentagon could…", "voiced hope that the new government in Greece
            # will…": an attitude is about the actor its content clause names, or the country of what it
            # is about ("expressed pessimism about the North Korean standoff")
            targets = _content_target(view, k, sources) or [
                t for t in self._adjective_targets(view, k, pos, coded.article.published, words("attitude_preps"))
                if t.code[:3] not in {s.code[:3] for s in sources}]
        if statement and not targets and not (pos == "verb" and cand.pattern.code in words("considered_codes")):
            # (but "is considering sending aid to Iraq": the option considered names whom it is about;
            # events/complements.py aims it there, and a consideration aimed nowhere has no target)
            return []
        flags = modality_flags(view, k, pos, self.rules, frozenset(cand.match.used))
        modality = flags.value
        rule = cand.pattern.id
        if flags.negated and view.lemma[k] in self.rules.word("copulas") and (denied := self.rules.rewrite("negated", code)) and denied[1] != "rules:negated:*":
            # "neither the US nor its allies are reliable partners": denying praise is criticism
            code, rule, modality = denied[0], f"{rule} > {denied[1]}", "asserted"
        elif flags.negated and flags.future_word and cand.pattern.scope == "clause" and (refusal := self.rules.rewrite("refused", code)):
            # "will not lift the embargo" is a refusal to ease sanctions (CAMEO 12), and it happened
            code, rule, modality = refusal[0], f"{rule} > {refusal[1]}", "asserted"
        elif modality == "planned" and cand.pattern.scope == "clause" and code.startswith(tuple(self.rules.word("unplanned_codes"))):
            # "the senator will address the minister's remarks tomorrow": a statement announced for later is no
            # statement yet, and CAMEO has no intent to make one
            trace(rule, "planned statement", f"{view.tokens[k].text!r}: a statement still to be made, no event")
            return []
        elif modality == "planned" and cand.pattern.scope == "clause" and (future := self.rules.rewrite("planned", code)):
            # "will impose sanctions" is a threat to sanction, "will release" an intent to release.
            # PETRARCH dictionaries spell such readings out in their own patterns, so their codes
            # are kept as written.
            code, rule = future[0], f"{rule} > {future[1]}"
        elif modality == "planned" and cand.pattern.scope == "clause" and pos == "verb" and conditioned(view, k, self.rules):
            # "will tear up the treaty if the Europeans do not pay": an act put on a condition, with no
            # threat or intent code of its own, is a possibility, not a plan
            modality = "hypothetical"
        if pos == "verb" and (negative := characterisation(view, k, self.rules)) is not None:
            # "called US policy a dead end", "branded them terrorists": a characterisation, not a call;
            # criticism when the predicate is a negative evaluation, else no event
            if negative:
                code, rule, modality = "111", f"{rule} > rules:characterisation", "asserted"
            elif praise(view, k, self.rules):
                code, rule, modality = "051", f"{rule} > rules:characterisation", "asserted"
            else:
                trace(rule, "characterisation", f"{view.tokens[k].text!r} X Y names X, no event")
                return []
        clause = view.clause(k) if pos == "verb" else view.subtree(k)
        toks = view.tokens
        evidence = (min(toks[c].start for c in clause + [k]), max(toks[c].end for c in clause + [k]))
        compound = len(sources) > 1 or len(targets) > 1 or reciprocal
        events = []
        # "Gondor and Osgiliath renewed ties": with a compound subject and no object, each member acts
        # on the others (the TABARI/PETRARCH reading of a reciprocal compound)
        pairs = [(a, b) for a in sources for b in sources if a is not b] if reciprocal else product(sources or [None], targets or [None])
        if reciprocal and cand.pattern.code2 and len(sources) == 2:
            # a paired code on a reciprocal compound: the first acts (code), the second answers (code2)
            pairs = [(sources[0], sources[1])]
        elif not reciprocal and not cand.pattern.code2 and sources and targets and cand.pattern.scope == "clause" \
                and mutual_with(view, k, pos, code, self.rules):
            # "Lavrov held talks with Netanyahu", "China established ties with El Salvador", "troops clashed
            # with rebels": a mutual act's "with" names the other party, who does it too
            pairs = list(pairs)
            pairs += [(t, s) for s, t in pairs if with_party(view, k, pos, t)]
        for source, target in pairs:
            if source is not None and target is not None and source.same_actor(target):
                continue
            events.append(
                Event(
                    id="",  # numbered by __call__
                    article_id=coded.article.id,
                    sentence=view.sentence.index,
                    date=coded.article.published,
                    source=source,
                    target=target,
                    cameo=code,
                    **cameo.scores(code),
                    modality=modality,
                    quote_id=None,
                    evidence=evidence,
                    trigger=(toks[k].start, toks[k].end),
                    rule=rule,
                    compound=compound,
                )
            )
            if cand.pattern.code2 and source is not None and target is not None:
                events.append(
                    replace(
                        events[-1],
                        id="",  # numbered by __call__
                        source=target,
                        target=source,
                        cameo=cand.pattern.code2,
                        **cameo.scores(cand.pattern.code2),
                    )
                )
        if pos == "verb" and cand.pattern.scope == "clause" or pos == "noun":
            events = self.read_in_context(view, k, code, events, pos, cand.match.used)
        if trace.on:
            for e in events:
                trace(e.rule, "event", f"{e.source.code if e.source else '-'} -> {e.target.code if e.target else '-'} [{e.cameo}] {e.modality}")
        return events


    def read_in_context(self, view: SentenceView, k: int, code: str, events: list[Event], pos: str = "verb",
                        used: list[int] | tuple[int, ...] = ()) -> list[Event]:
        """What a detente pattern's events mean given their actors (PETRARCH's patterns spell such
        readings out themselves): a seized country is occupied territory, a speech is no
        consultation, force between actors who cannot use it is a verbal attack."""
        words = self.rules.word
        # "Trump attacked Clinton", "stepped up her attacks on Trump", "her attacks on Trump": the verb or the
        # attack noun its pattern read
        attack_words = [k] + [u for u in used if view.tokens[u].pos == "NOUN"]
        verbal = any(view.lemma[w] in words("verbal_attack_verbs") for w in attack_words)
        out = []
        for e in events:
            reading = None
            # force between who cannot use it is a verbal attack (but hackers' attacks are literal: a
            # criminal makes no statement)
            figurative = verbal and code[:2] in MATERIAL_CONFLICT \
                and not (e.source is not None and not e.source.given and e.source.code[3:6].lower() in words("wordless_roles")) \
                and (civilian_pair(e.source, e.target, words("security_roles")) or pos == "verb" and _characterised(view, k))
            if pos == "noun":
                if figurative:
                    reading = self.rules.rewrite("figurative", code)  # "her attacks on Trump"
            elif e.target is not None and e.target.kind == "country" and any(view.mention_of(o) is e.target for o in view.objects(k)):
                reading = self.rules.rewrite("territory", code)  # "Russia seized Crimea": 192, not 171
            elif code.startswith("173") and e.source is not None and not (cameo.actor_roles(e.source.code) & cameo.STATE_ROLES) \
                    and {r.lower() for r in cameo.actor_roles(e.source.code)} & words("nonstate_roles"):
                reading = self.rules.rewrite("nonstate", code)  # "Taliban militants captured soldiers": 181, not 173
            elif figurative:
                # "Trump attacked Clinton", "pounding Trump as a con artist": 111
                reading = self.rules.rewrite("figurative", code)
            elif code[:2] == "04" and view.lemma[k] in words("speech_verbs") and e.target is not None and not _political(e.target):
                continue  # "speaking to students", "spoke to the commander": a speech, not a consultation
            elif code.startswith(tuple(words("press_codes"))) and e.target is not None and not e.target.given \
                    and {r.lower() for r in cameo.actor_roles(e.target.code)} & words("news_source_roles") \
                    and not (view.tokens_of(e.target) and _under_prep(view, view.tokens_of(e.target)[0], k, words("topic_preps"))):
                # "informed the news agency MTI", "told the newspaper": how news is made, no event (but
                # "worry over the fate of a reporter": the journalist is what it is about)
                continue
            if reading is not None:
                e = replace(e, cameo=reading[0], **cameo.scores(reading[0]), rule=f"{e.rule} > {reading[1]}")
            out.append(e)
        return out


@register_stage("events")
def make_event_stage(context: StageContext) -> EventStage:
    return EventStage(context.dictionaries)


def _stem_lookup(table: dict[str, list[Pattern]], word: str) -> list[Pattern] | None:
    """Patterns of a verb the lemmatizer got wrong ("cordoned" -> "cordone"): try the regular
    endings off the word itself."""
    for ending, repl in (("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("es", ""), ("s", ""), ("d", "")):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            found = table.get(word[: -len(ending)] + repl)
            if found:
                return found
    return None


def _judged(view: SentenceView, k: int, code_of: dict[int, str], topics: frozenset[str], trace: Tracer) -> bool:
    """Is noun trigger k what a coded verb of judgement is about ("condemned the invasion", "praised
    the release of the prisoners", "rejected the offer"): its object, or the object of its preposition?"""
    verb = view.governing_verb(k)
    if verb is None or verb not in code_of or not code_of[verb].startswith(tuple(topics)):
        return False
    head = view.head(k)
    if head != verb and not (view.dep(head) == "prep" and view.head(head) == verb):
        return False
    trace("topic", "no-trigger", f"{view.tokens[k].text!r}: what {view.tokens[verb].text!r} judges, not an act reported")
    return True


def _generic(view: SentenceView, k: int, support: frozenset[str], trace: Tracer) -> bool:
    """Is noun trigger k a bare plural (no article, possessor or number) that a verb other than a light
    verb takes as its object, directly or through a preposition? Such a noun names a kind of act
    ("handling threats from Russia", "called police shootings a crisis"), not an act that happened;
    "carried out strikes" (a light verb) and "strikes killed 12" (a subject) report one."""
    if view.tokens[k].tag != "NNS" or any(view.dep(c) in ("det", "poss", "nmod:poss", "nummod") for c in view.children[k]):
        return False
    if view.dep(k) == "pobj":
        prep = view.head(k)
        verb = view.head(prep) if view.dep(prep) == "prep" else None
    else:
        verb = view.head(k) if view.dep(k) in ("dobj", "obj") else None
    if verb is None or view.tokens[verb].pos not in ("VERB", "AUX") or view.lemma[verb] in support:
        return False
    trace("events", "generic", f"{view.tokens[k].text!r} is a bare plural object of {view.tokens[verb].text!r}: a kind of act, no event")
    return True


def _possessor_subject(view: SentenceView, k: int) -> bool:
    """Is verb k's subject a possessor ("Libya's" in "Libya's internationally recognised Government
    announced…", which the small model parses as "Libya recognised the Government")?"""
    return any(view.dep(s) in ("nsubj", "nsubjpass") and any(view.dep(c) == "case" and view.tokens[c].text in ("'s", "\u2019s", "'", "\u2019")
                                                             for c in view.children[s]) for s in view.children[k])


def _characterised(view: SentenceView, k: int) -> bool:
    """Does verb k characterise its object with an "as" phrase ("pounding Trump as a con artist",
    "attacked the plan as reckless")? Force used on someone is not described so; words are."""
    objects = view.objects(k)
    if not objects:
        return False
    if any(view.lower[c] == "as" and view.kids(c, {"pobj", "amod", "acomp"}) for c in view.kids(k, {"prep"})):
        return True
    # the small model often hangs "as" elsewhere ("pounding Trump as a “con artist”" as a clause mark):
    # read the word order, "as" right after the object and a noun or adjective after it
    end = max(view.subtree(objects[0]))
    nxt = [j for j in range(end + 2, min(end + 5, len(view.tokens))) if view.tokens[j].pos in ("NOUN", "ADJ", "PROPN")]
    return end + 1 < len(view.tokens) and view.lower[end + 1] == "as" and bool(nxt) and view.tokens[end + 2].pos != "PRON" \
        and not any(view.tokens[j].pos in ("VERB", "AUX") for j in range(end + 2, nxt[0] + 1))


def _same_event(a: Event, b: Event) -> bool:
    """Are a and b one act read twice through nested mentions of one actor ("Somalia's President Mohamed
    Farmaajo" and, inside it, "Farmaajo"): same trigger and code, each actor the same code in
    overlapping words?"""
    return a.trigger == b.trigger and a.cameo == b.cameo and _same_mention(a.source, b.source) and _same_mention(a.target, b.target)


def _same_actors(a: Event, b: Event) -> bool:
    """Do events a and b have the same source and target actors?"""
    def actor(m: Mention | None) -> object:
        return m.actor if m is not None else None
    return actor(a.source) == actor(b.source) and actor(a.target) == actor(b.target)


def _same_mention(a: Mention | None, b: Mention | None) -> bool:
    if a is None or b is None:
        return a is b
    return a.code == b.code and a.start < b.end and b.start < a.end


def _source_above(view: SentenceView, k: int, exclude: Mention) -> list[Mention]:
    x = k
    while view.head(x) != x:
        x = view.head(x)
        found = [m for m in _with_conjuncts(view, view.subject(x)) if m is not exclude]
        if found:
            return found
    return []


def _between_parties(view: SentenceView, k: int, match: Match) -> list[Mention]:
    """The actors a pattern's literal "between" governs ("* between": "clashes between the army and Houthi
    fighters"), conjuncts included; none when the pattern has no "between"."""
    if not any(view.lower[u] == "between" for u in match.used):
        return []
    return _unique([m for prep, q in view.prep_objects(k) if prep == "between" for m in _with_conjuncts(view, q)])


def _object_of_code(view: SentenceView, k: int, code_of: dict[int, str], codes: frozenset[str]) -> bool:
    """Is noun k governed by a verb whose pattern gave one of ``codes``?"""
    verb = view.governing_verb(k)
    return verb is not None and code_of.get(verb) in codes


def _claiming_verb(view: SentenceView, k: int, claims: tuple[frozenset[str], frozenset[str]]) -> int | None:
    """The verb that claims the act noun k names ("claimed responsibility for the attack", "took credit for
    the bombing"): ``claims`` is (verbs, nouns) from rules.toml ``claiming_verbs``, ``responsibility_nouns``."""
    verbs, nouns = claims
    prep = view.head(k)
    if view.dep(k) != "pobj" or view.lower[prep] != "for" or view.dep(prep) != "prep":
        return None
    head = view.head(prep)
    if view.lemma[head].lower() in nouns and view.dep(head) in ("dobj", "obj"):
        verb = view.head(head)
    elif any(view.lemma[o].lower() in nouns for o in view.kids(head, {"dobj", "obj"})):
        verb = head  # "took credit for the attacks" with "for" hung on the verb
    else:
        return None
    return verb if view.lemma[verb].lower() in verbs and view.subject(verb) is not None else None


def _split_codes(mentions: list[Mention]) -> list[Mention]:
    """An actor listed with several codes ("[ELR/GAL]" in a PETRARCH dictionary) is several actors."""
    out: list[Mention] = []
    for m in mentions:
        if "/" in m.code and not m.given:
            out.extend(replace(m, code=code) for code in m.code.split("/") if code)
        else:
            out.append(m)
    return out


def _unique(mentions: list[Mention | None]) -> list[Mention]:
    out: list[Mention] = []
    for m in mentions:
        if m is not None and all(m.start != o.start for o in out):
            out.append(m)
    return out


def _with_conjuncts(view: SentenceView, k: int | None, partitive: frozenset[str] = frozenset()) -> list[Mention]:
    """The mention headed by k and those conjoined with it. A role distributes over conjoined
    countries: "the ambassadors of Arnor, Osgiliath and Gondor" are ARNGOV, OSGGOV and GONGOV. With
    ``partitive`` nouns, a conjunct that is one stands for the actor in its "of" phrase ("freed 74
    opposition leaders and members of a militia")."""
    if k is None:
        return []
    first = view.mention_of(k)
    modifiers = view.kids(k, {"amod", "compound", "nmod"})  # "Indian and Pakistani troops", "US and British activists": the conj hangs on a modifier
    heads = [k] + modifiers
    if first is not None:
        heads += [t for t in view.tokens_of(first) if t not in heads]
    out: list[Mention] = []
    for h in heads:
        conjuncts = view.conjuncts(h)
        if h in modifiers and len(conjuncts) == 1 and first is not None and h not in view.tokens_of(first):
            continue  # "NATO member Estonia": beside the head's own actor, a modifier with no conjunct is none
        for c in conjuncts:
            m = view.mention_of(c)
            if m is None and c != k and partitive:
                # ("leaders and members of a militia": the parser hangs "of" on the first conjunct)
                found = _partitive(view, c, partitive) or [
                    x for prep, q in view.prep_objects(h) if prep == "of" and q > c and view.lemma[c].lower() in partitive
                    for x in _with_conjuncts(view, q)]
                out.extend(x for x in found if x not in out)
                continue
            if m is None or m in out:
                continue
            if first is not None and m is not first and first.resolution == "composed" and len(first.code) > 3 and len(m.code) == 3:
                m = replace(m, code=m.code + first.code[3:], via=f"compose-conj:{m.via}+{first.start}-{first.end}", resolution="composed")
            out.append(m)
    if len(out) == 1 and (more := _misparsed_conjunct(view, out[0])) is not None:
        out.append(more)
    if len(out) == 1 and (pair := _hyphen_pair(view, out[0])) is not None:
        out.insert(0, pair) if view.tokens_of(pair)[0] < view.tokens_of(out[0])[0] else out.append(pair)
    return out


def _hyphen_pair(view: SentenceView, m: Mention) -> Mention | None:
    """The other side of a hyphenated pair of actors modifying one noun ("the Russia-Ukraine conflict",
    "Israel-Hamas talks"): both are the parties."""
    toks = view.tokens_of(m)
    if not toks or m.given:
        return None
    head = view.head(toks[-1])
    if view.dep(toks[-1]) not in ("compound", "amod", "nmod") or view.tokens[head].pos != "NOUN":
        return None
    for dash, other in ((toks[0] - 1, toks[0] - 2), (toks[-1] + 1, toks[-1] + 2)):
        if not (0 <= other < len(view.tokens)) or view.tokens[dash].text not in DASHES:
            continue
        o = view.mention_of(other)
        if o is not None and o is not m and o.code and o.code != m.code \
                and (view.head(view.tokens_of(o)[-1]) in (head, *toks) or view.head(other) in (head, *toks)):
            return o
    return None


def _misparsed_conjunct(view: SentenceView, m: Mention) -> Mention | None:
    """The actor of the same kind right after "m (ABBR) and", when the parser hung it as a conjunct on
    a noun before m ("sanctions on the Central African Republic (CAR) and the Democratic Republic of
    the Congo": the second country conjoined to "sanctions"). Word order says what the tree does not."""
    toks = view.tokens_of(m)
    if not toks:
        return None
    j = toks[-1] + 1
    n = len(view.tokens)
    if j < n and view.tokens[j].text == "(":
        close = next((x for x in range(j + 1, min(n, j + 6)) if view.tokens[x].text == ")"), None)
        if close is None:
            return None
        j = close + 1
    if j >= n or view.lower[j] != "and":
        return None
    j += 1
    if j < n and view.lower[j] == "the":
        j += 1
    other = view.mention_at[j] if j < n else None
    if other is None or other is m or other.kind != m.kind:
        return None
    head = next((t for t in view.tokens_of(other) if view.head(t) not in view.tokens_of(other) or view.head(t) == t), None)
    if head is None or view.dep(head) != "conj" or view.tokens[view.head(head)].pos not in ("NOUN", "PROPN") \
            or view.head(head) >= toks[0]:
        return None
    return other


def _conjunct_before(view: SentenceView, k: int) -> Mention | None:
    """The actor right before finite verb k that the parser made a conjunct of an earlier noun ("the
    investigation and Democrats accused the GOP"), when k has an object and no subject: k's subject."""
    if k == 0 or view.tokens[k].tag not in ("VBD", "VBZ", "VBP") or not view.objects(k):
        return None
    m = view.mention_at[k - 1]
    if m is None or m.kind == "pronoun":
        return None
    head = view.mention_head(k - 1)
    up = view.head(head)
    if view.dep(head) != "conj" or up >= head or view.tokens[up].pos not in ("NOUN", "PROPN") or view.lower[head - 1] == "of":
        return None
    if not any(view.lower[t] in ("and", "but") for t in range(up + 1, view.tokens_of(m)[0])):
        return None
    return m


def _partitive(view: SentenceView, k: int | None, nouns: frozenset[str]) -> list[Mention]:
    """The actors of "members of the New People's Army", "a unit of the army": a noun of ``nouns``
    that is no actor stands for the actor in its "of" phrase."""
    if k is None or view.mention_of(k) is not None or view.lemma[k].lower() not in nouns:
        return []
    return [m for prep, q in view.prep_objects(k) if prep == "of" for m in _with_conjuncts(view, q)][:3]


def _own_act(view: SentenceView, k: int, verb: int, possessives: tuple[frozenset[str], frozenset[str], frozenset[str]]) -> list[Mention]:
    """The subject of ``verb`` when noun trigger k, its object, has a possessive pronoun that can refer to
    it (``possessives``: a person's, a thing's, a plural's) and names no actor itself: "Putin used his
    invasion", "Iraqi forces began their assault"."""
    person, thing, plural = possessives
    pron = next((c for c in view.children[k] if view.dep(c) in ("poss", "nmod:poss") and view.tokens[c].pos == "PRON"
                 and view.mention_at[c] is None), None)
    if pron is None or view.is_passive(verb) or view.is_reduced_passive(verb):
        return []
    low = view.lower[pron]
    found = _with_conjuncts(view, view.subject(verb))
    if not found or low not in person | thing | plural:
        return []
    if low in person and not all(m.kind == "person" or (m.kind == "pronoun" and m.name) for m in found):
        return []
    if low in thing and (len(found) > 1 or found[0].kind == "person"):
        return []
    return found


def _default_sources(view: SentenceView, k: int, pos: str, support: frozenset[str] | None = None,
                     causative: frozenset[str] = frozenset(), partitive: frozenset[str] = frozenset(),
                     claims: tuple[frozenset[str], frozenset[str]] | None = None,
                     possessives: tuple[frozenset[str], frozenset[str], frozenset[str]] | None = None) -> list[Mention]:
    if pos == "noun":
        for c in view.children[k]:
            if view.dep(c) in ("poss", "nmod:poss", "compound", "amod") and view.mention_at[c] is not None:
                return [view.mention_at[c]]
        if view.dep(k) == "pobj" and any(view.dep(c) in ("poss", "nmod:poss") and view.tokens[c].pos == "PRON" for c in view.children[k]):
            # "After her talks with the president, the ministry announced…": hers, not the White House's
            # (but "stepped up its shelling": the object is the subject's own act)
            return []
        if claims and (claimer := _claiming_verb(view, k, claims)) is not None:
            # "the Taliban claimed responsibility for the attack on the base": who claims an act did it
            return _with_conjuncts(view, view.subject(claimer))
        verb = view.governing_verb(k)
        if verb is not None and view.head(k) == verb and possessives and (own := _own_act(view, k, verb, possessives)):
            # "Putin has used his invasions of Georgia", "the US completed its withdrawal": the
            # subject's own act, whatever the verb
            return own
        # the verb's subject acts only through the verb's own object or prepositional phrase
        # ("Washington will announce sanctions against Moscow"), not through a noun nested deeper
        # ("the EU imposed sanctions on Iran over drone deliveries to Russia": not the EU's deliveries)
        head = view.head(k)
        direct = head == verb or (view.dep(head) in ("prep", "agent") and view.head(head) == verb)
        if verb is None or not direct:
            return []
        # only a support verb's subject does what its noun names ("Russia carried out strikes"); the
        # subject of another verb condemns, requests, cuts or considers it ("Kyiv appealed for aid", "the
        # US cut aid to X"): the verb's own patterns code that
        if support is not None and view.lemma[verb] not in support:
            return []
        k = verb
    if view.is_passive(k) or view.is_reduced_passive(k):
        return _with_conjuncts(view, view.passive_agent(k))
    if view.misparsed_relative(k):
        # "The Malian government, a number of parties and the rebels condemned…" read as a relative
        # clause on "number": the subjects are the whole noun phrase it hangs on, appositions included
        top = view.head(k)
        while view.dep(top) == "appos" and view.head(top) != top:
            top = view.head(top)
        parts = [top] + view.kids(top, {"appos"})
        return _unique([m for c in parts for m in (_with_conjuncts(view, c) or _partitive(view, c, partitive))])
    found = _with_conjuncts(view, view.subject(k)) or _partitive(view, view.subject(k), partitive)
    subj = view.subject(k)
    if not found and subj is None and (ante := _conjunct_before(view, k)) is not None:
        # "… mishandled the investigation and Democrats accused the GOP": the parser hung "Democrats" on
        # "investigation" as a conjunct and left "accused" without a subject; word order says whose it is
        found = [ante]
    if not found and subj is not None and subj < k and view.mention_of(subj) is None and view.tokens[subj].pos == "NOUN":
        # "A bombing by the rebels killed 12 villagers", "a statement by Russia
        # criticized…": the act or text the subject names is the doing of its "by" actor
        found = [m for prep, q in view.prep_objects(subj) if prep == "by" for m in _with_conjuncts(view, q)]
    if not found and view.dep(k) in ("ccomp", "xcomp") and view.lemma[view.head(k)] in causative and view.objects(k) \
            and not view.objects(view.head(k)):
        # "Ethiopia let free 74 political leaders": the one who lets is who frees
        found = _with_conjuncts(view, view.subject(view.head(k)))
    if not found and view.dep(k) in ("acl", "advcl") and view.tokens[k].tag == "VBG":
        # "released a statement condemning Iran", "put out a report accusing the army": the
        # participle's doer is the author of the statement, the subject of the verb above
        verb = view.governing_verb(view.head(k)) if view.dep(k) == "acl" else view.head(k)
        # (not through a second participle: in "lawyers filing suits seeking records" the
        # suits seek them, and they are no actor)
        if verb is not None and verb != k and not (view.dep(verb) == "acl" and view.tokens[verb].tag in ("VBG", "VBN")):
            found = _with_conjuncts(view, view.subject(verb))
    return found


def _default_targets(view: SentenceView, k: int, pos: str, rules: Rules, exclude: list[Mention], statement: bool = False, scope: str = "clause",
                     own_side: bool = False) -> list[Mention]:
    """The first actor the trigger acts on. With ``own_side``, the sources' own country owning the thing
    acted on is passed over for the next actor ("Obama lifts US embargo on arms sales to Vietnam")."""
    found: list[Mention] = []
    own = {m.code[:3] for m in exclude} if own_side else set()
    if pos == "verb" and (view.is_passive(k) or view.is_reduced_passive(k)):
        subj = view.subject(k)
        found = _with_conjuncts(view, subj)
        if found:
            return found
    candidates: list[int] = []
    if statement:
        # a statement's target is whom it was addressed to ("told Washington", "said to Moscow"),
        # never a place or the press ("at a news conference in Nur-Sultan", "told reporters")
        addressed = view.lemma[k] in rules.word("address_verbs")
        candidates = view.objects(k) + [n for prep, n in view.prep_objects(k) if prep == "to" and addressed]
        found = [m for c in candidates for m in _with_conjuncts(view, c) if m not in exclude]
        return [m for m in found if m.given or not m.code.startswith("---")][:1]
    # a place, a time or a cause is no target: "killed 48 people in Afghanistan", "defied a curfew in
    # Baghdad", "pending a manhunt for X" (detente's own patterns; PETRARCH's keep their linear reading)
    blocked = rules.word("place_preps") if scope == "clause" else frozenset()
    if pos == "verb":
        objects = view.objects(k)
        if view.lemma[k] in rules.word("deploy_verbs"):
            # "sent troops to Jordan", "mobilized the army": one's own forces are the instrument, not the target
            instruments = [view.mention_of(o) for o in objects if _instrument(view, o, exclude)]
            exclude = exclude + [m for m in instruments if m is not None]
            objects = [o for o in objects if view.mention_of(o) not in instruments]
        candidates += objects
        for obj in view.objects(k):
            candidates += [n for prep, n in view.prep_objects(obj) if prep not in blocked or _given(view, n)]
        candidates += [n for prep, n in view.prep_objects(k) if prep != "by" and (prep not in blocked or _given(view, n))]
    else:
        noun_preps, verb_preps = rules.word("noun_target_preps"), rules.word("governing_verb_target_preps")
        candidates += [n for prep, n in view.prep_objects(k) if prep in noun_preps]
        verb = view.governing_verb(k)
        if verb is not None:
            candidates += [n for prep, n in view.prep_objects(verb) if prep in verb_preps]
    partitive = rules.word("partitive_nouns")
    for c in candidates:
        found = [m for m in _with_conjuncts(view, c, partitive) or _partitive(view, c, partitive) if m not in exclude
                 and not (m.code in own and not m.given and _owner_of_thing(view, m))]
        if found:
            return found
    if pos == "verb" and scope == "clause" and view.dep(k) in ("relcl", "acl:relcl") and not view.objects(k) \
            and view.tokens[view.head(k)].pos == "NOUN" and (subj := view.subject(k)) is not None and subj != view.head(k):
        # "policies she supported that Trump argues…": the relative clause's object is the noun it
        # modifies, which is no actor; an actor deeper in the clause is not what was supported
        return []
    if pos == "verb" and (view.is_passive(k) or view.is_reduced_passive(k)) and view.subject(k) is not None:
        # "The journalist was arrested in Niger for collaborating with Boko Haram": a passive's patient is
        # its subject; when that is no actor, an actor deeper in the clause is a cause or a topic
        return []
    if pos == "verb":
        # PETRARCH's reading: the first actor in the verb phrase, however deep ("welcomed their
        # resumption of ties with Osgiliath", "believes Dagolath can cope"), but not in adverbial or
        # relative clauses, which are other events
        # a plain statement's complement is what was said, not whom it was said to
        stop = LATER_CLAUSES | {"ccomp"} if statement else LATER_CLAUSES
        # nor in a verb conjoined to a trigger that has an object of its own: "would order a review and
        # warned against hackers" (but "killing and capturing dozens of soldiers" share their object)
        other = {t for c in view.children[k] if view.dep(c) == "conj" and view.tokens[c].pos in ("VERB", "AUX") for t in view.subtree(c)} \
            if view.objects(k) else set()
        # nor in a conjoined clause with a subject of its own: "Obama called for a lower rate, but Clinton
        # would leave it": another act by another actor
        other |= {t for c in view.children[k] if view.dep(c) == "conj" and view.tokens[c].pos in ("VERB", "AUX")
                  and any(view.dep(g) in ("nsubj", "nsubjpass", "nsubj:pass") for g in view.children[c]) for t in view.subtree(c)}
        # nor in an active participle modifying a noun ("approved a resolution criticizing X": X is the
        # criticism's target, not the approval's), unless the caller named the span; a passive one links
        # the noun to its target ("lifted a ban imposed on X") and an infinitive gives its aim ("launched
        # a mediation effort to resolve the rift between X and Y"). detente's own patterns only: PETRARCH's
        # keep their linear reading
        inside = view.subtree(k, stop=stop)
        if scope == "clause":
            other |= {t for c in inside if c != k and view.dep(c) == "acl" and view.tokens[c].tag == "VBG"
                      for t in view.subtree(c) if not _given(view, t)}
        for c in inside:
            if c > k and c not in other and (m := view.mention_at[c]) is not None and m not in exclude and view.dep(c) not in ("poss", "nmod:poss"):
                if blocked and not m.given and _under_prep(view, c, k, blocked, rules.word("direction_words")):
                    continue
                if blocked and not m.given and _in_reason_or_means(view, c, k):
                    continue  # "blasted the panel for failing to clear X", "violated rules by acting as X's lawyer"
                if _news_subject(view, c, k, rules):
                    continue  # "announced the release of X, Tasnim news agency reported": the news source
                if _moved_instrument(view, c, rules, exclude):
                    return []  # "offered to send troops to help X": the troops sent are the source's own, no target
                return [x for x in _with_conjuncts(view, view.mention_head(c)) if x not in exclude] or [m]
    return []


def _content_target(view: SentenceView, k: int, sources: list[Mention]) -> list[Mention]:
    """The actor an expressed attitude is about: the first actor of the content clause ("that…", or a
    bare finite clause) of the attitude noun or adjective trigger k governs ("expressed hope the reserve
    could save the Filipino people", "is worried that…"), its subject's first; not the source itself
    ("expressed hope that it will…"). A verb's own content clause ("hoped that", "warned that") is what
    was said, which the attribution stage reads."""
    for h in view.objects(k) + view.kids(k, {"acomp"}):
        for c in view.children[h]:
            if view.dep(c) not in ("ccomp", "acl") or view.tokens[c].pos not in ("VERB", "AUX") or c < h:
                continue
            finite = any(view.lower[g] == "that" and view.dep(g) == "mark" for g in view.children[c]) \
                or view.subject(c) not in (None, h)
            if not finite:
                continue
            clause = view.subtree(c, stop=LATER_CLAUSES - {"cc", "punct"})
            subj = view.subject(c)
            first = [t for t in view.subtree(subj) if t in clause] if subj is not None and subj != h else []
            for t in first + [t for t in clause if t not in first]:
                m = view.mention_at[t]
                if m is None or view.dep(view.mention_head(t)) == "compound":
                    continue  # "could lead to voter fraud": a modifier of a thing
                if any(m is s or m.same_actor(s) for s in sources):
                    return []
                return _with_conjuncts(view, view.mention_head(t)) or [m]
    return []


def _news_subject(view: SentenceView, c: int, k: int, rules: Rules) -> bool:
    """Is token c a news medium (``news_source_roles``) that is the subject of a verb other than k: one
    that reports the news (the parser often hangs "…, state media reported" under the main verb)?"""
    m = view.mention_at[c]
    head = view.mention_head(c)
    if m is None or not {r.lower() for r in cameo.actor_roles(m.code)} & rules.word("news_source_roles"):
        return False
    return view.dep(head) in ("nsubj", "nsubjpass") and view.head(head) != k


LATER_CLAUSES = frozenset({"advcl", "relcl", "acl:relcl", "parataxis", "punct", "cc", "mark"})


def _modified(view: SentenceView, m: Mention) -> int | None:
    """The noun mention m only owns or modifies ("Clinton supporters", "US embargo", "Washington's
    support"), outside it; None when m heads its own phrase or was named by the caller."""
    toks = view.tokens_of(m)
    if not toks or m.given:
        return None
    last = toks[-1]
    head = view.head(last)
    if head == last or head in toks or view.dep(last) not in ("compound", "poss", "nmod:poss", "nmod"):
        return None
    return head


def _counted_people(view: SentenceView, m: Mention, nouns: frozenset[str]) -> bool:
    """Is m a counted "people"/"person" (``counted_nouns``: an actor only when counted, actors/mentions.py),
    not a nation's ("the Palestinian people": its head is not its first word)?"""
    toks = view.tokens_of(m)
    return not m.given and bool(toks) and view.lemma[toks[0]].lower() in nouns


def _phrase_head(view: SentenceView, k: int) -> int:
    """The head noun of the compound k is part of ("UN weapons inspectors": "weapons" -> "inspectors")."""
    while view.dep(k) == "compound" and view.head(k) != k:
        k = view.head(k)
    return k


def _modifies(view: SentenceView, m: Mention, nouns: frozenset[str]) -> bool:
    """Does mention m only modify one of ``nouns`` ("Clinton supporters", "Assad's critics", "Trump
    voters"): a phrase naming people who stand by or against the actor, not the actor?"""
    head = _modified(view, m)
    return head is not None and view.lemma[head].lower() in nouns


def _noun_modifiers(view: SentenceView, t: int) -> list[int]:
    """What says whose or what kind noun t is: its numbers, modifiers and owners, its "of" object, and
    the agent of a participle on it ("positions held by the militants", "belonging to terrorist groups")."""
    out = [c for c in view.children[t] if view.dep(c) in ("nummod", "compound", "amod", "poss", "nmod:poss")]
    out += [n for prep, n in view.prep_objects(t) if prep == "of"]
    out += [n for c in view.children[t] if view.dep(c) == "acl" for prep, n in view.prep_objects(c) if prep in ("by", "to")]
    return out


def _armed(m: Mention, armed: frozenset[str]) -> bool:
    """Is m an armed force: of one of the lower-case roles ``armed`` (``security_roles`` and
    ``nonstate_roles``: a military, police, rebels, militants, criminals) or an international militant group?"""
    return bool({r.lower() for r in cameo.actor_roles(m.code)} & armed) or m.code.startswith("IMG")


def _owner_of_thing(view: SentenceView, m: Mention) -> bool:
    """Does mention m only own or modify a noun that is no actor ("US embargo", "Washington's support")?"""
    head = _modified(view, m)
    return head is not None and view.mention_at[head] is None and view.tokens[head].pos in ("NOUN", "PROPN")


def _owned_by_pronoun(view: SentenceView, m: Mention) -> bool:
    """Does a possessive pronoun ("its", "their", "his", "her", "our") own mention m's head?"""
    toks = view.tokens_of(m)
    return any(view.dep(c) in ("poss", "nmod:poss") and view.tokens[c].pos == "PRON" for k in toks for c in view.children[k])


def _political(m: Mention) -> bool:
    """A state, a government, a legislature or an international organisation: a party one consults."""
    return bool(m.given) or (len(m.code) == 3 and not m.code.startswith("---")) or m.code.startswith("IGO") \
        or bool(cameo.actor_roles(m.code) & {"GOV", "LEG"})


def _venue(view: SentenceView, m: Mention, venues: frozenset[str]) -> bool:
    """Is m a court or board a complaint is lodged with (a judicial actor, or a ``venue_nouns`` noun it
    names or owns: "the Court of Appeals", "Washington D.C.'s oversight board")?"""
    if m.given:
        return False
    if "JUD" in cameo.actor_roles(m.code):
        return True
    toks = view.tokens_of(m)
    head = _modified(view, m)
    return any(view.lemma[t].lower() in venues for t in toks) or (head is not None and view.lemma[_phrase_head(view, head)].lower() in venues)


def _moved_instrument(view: SentenceView, c: int, rules: Rules, sources: list[Mention]) -> bool:
    """Is the mention at token c the object of a deploy verb ("send troops") and the sources' own agent?"""
    head = view.mention_head(c)
    verb = view.head(head)
    return view.dep(head) in ("dobj", "obj") and view.lemma[verb] in rules.word("deploy_verbs") and _instrument(view, c, sources)


def _instrument(view: SentenceView, k: int, sources: list[Mention]) -> bool:
    """Is the mention at k an unnamed agent (troops, police, ambassadors) the source moves as its own?"""
    return _own_agent(view.mention_of(k), sources)


def _own_agent(m: Mention | None, sources: list[Mention]) -> bool:
    """Is ``m`` an unnamed agent of the sources' own (troops, police, envoys): of no country, or of the
    source's? Such an agent is what the source acts with, not what it acts on."""
    if m is None or m.given or m.kind in ("country", "person") or len(m.code) <= 3:
        return False
    return m.code.startswith("---") or m.resolution == "inferred" or any(s.code[:3] == m.code[:3] for s in sources)


def _given(view: SentenceView, k: int) -> bool:
    """A span the caller named as an actor (``relate``) is an actor wherever it stands."""
    m = view.mention_of(k)
    return m is not None and m.given is not None


def _in_reason_or_means(view: SentenceView, c: int, k: int) -> bool:
    """Is token c, below k, inside a gerund clause of reason or means ("for failing to…", "by acting
    as…")? What the clause names is why or how, not whom k acts on."""
    x = c
    while x != k and view.head(x) != x:
        h = view.head(x)
        if view.tokens[x].tag == "VBG" and view.dep(x) in ("pcomp", "pobj") and view.lower[h] in ("for", "by") and view.dep(h) == "prep":
            return True
        x = h
    return False


def _under_prep(view: SentenceView, c: int, k: int, preps: frozenset[str], directions: frozenset[str] = frozenset()) -> bool:
    """Is token c, below k, inside a phrase headed by one of ``preps`` (spaCy ``prep``, or UD ``case``),
    or in the "of" phrase of one of ``directions`` ("south of the capital Juba")?"""
    x = c
    while x != k and view.head(x) != x:
        if view.dep(x) == "prep" and (view.lower[x] in preps or (view.lower[x] == "of" and view.lower[view.head(x)] in directions)):
            return True
        if any(view.dep(g) == "case" and view.lower[g] in preps for g in view.children[x]):
            return True
        x = view.head(x)
    return False


def _states_an_act(view: SentenceView, event: Event, code_of: dict[int, str], nouns: dict) -> bool:
    """Is the object of statement ``event``'s trigger an act with a code of its own: a noun trigger
    ("announced the deployment"), or a noun carrying one as a participle or a "with" phrase ("sent a
    letter threatening to…", "a letter with a proposal")?"""
    k = view.token_starting_at(event.trigger[0])
    if k is None:
        return False
    acts = {t for t, code in code_of.items() if not code.startswith("01")}
    objects = view.kids(k, {"dobj", "obj"})
    if any(view.dep(c) == "advcl" and view.tokens[c].tag == "VBG" and c in code_of and objects and c > objects[0] for c in view.children[k]):
        return True  # "sent a letter to the WHO threatening to pull funding" (the small model's attachment)
    for o in objects:
        if o in acts:
            return True
        for c in view.children[o]:
            if view.dep(c) == "acl" and view.tokens[c].tag == "VBG" and c in code_of:
                return True
            if view.dep(c) == "prep" and view.lower[c] == "with" and any(p in acts or view.lemma[p] in nouns for p in view.kids(c, {"pobj"})):
                return True
    return False


NAMING_DEPS = frozenset({"amod", "compound", "poss", "nmod:poss", "nmod", "appos", "conj", "cc"})


def _nested_in_request(view: SentenceView, k: int, m: Mention, rules: Rules) -> bool:
    """Is mention m inside the "for" phrase of appeal verb k, deeper than the requested thing itself,
    its modifiers ("for US operations") and the subject of a clause it heads ("for Assad to go")?"""
    toks = view.tokens_of(m)
    if not toks:
        return False
    x = view.mention_head(toks[0])
    path = []
    while x != k and view.head(x) != x:
        path.append(x)
        x = view.head(x)
    if x != k or not path:
        return False
    top = path[-1]  # the child of k that holds m
    parties = rules.word("party_preps")
    if view.dep(top) != "prep" or view.lower[top] not in rules.word("request_preps"):
        return False
    # from the mention's head up to the "for": only naming links, a clause subject, the clause itself
    inner = path[:-1]
    for n, x in enumerate(inner[:-1]):
        dep = view.dep(x)
        if dep in NAMING_DEPS or (dep == "pobj" and view.lower[inner[n + 1]] in parties):
            continue  # "for US operations", "for the release of Iranian prisoners"
        if dep == "prep" and view.lower[x] in parties:
            continue  # "for a ceasefire between the government and the Taliban"
        if dep in ("nsubj", "nsubjpass", "nsubj:pass") and n + 1 < len(inner):
            continue
        if dep in ("acl", "relcl", "ccomp", "xcomp", "advcl") and n > 0 and view.dep(inner[n - 1]) in ("nsubj", "nsubjpass", "nsubj:pass"):
            continue
        return True
    return False
