"""Country inference for unnamed agents: "police", "protesters", "troops", "officials" whose code starts
with ``---`` get the country the text gives them, as a careful coder would take it.

The order of evidence (the first that gives one country wins; evidence naming two countries gives none):

1. **phrase** — a country adjective, country or large city in the agent's own noun phrase that did not
   compose with it ("Palestinian Christian leaders", "Mexico's top diplomat", "the Valparaiso police").
2. **locative** — a place in a phrase attached to the agent ("police in Valparaiso", "troops near
   Aleppo", "residents of Homs", "refugees from Syria"), else to the verb it is the subject or object of
   ("gunmen opened fire on a bus in Quetta"). The place is a dictionary country (name, capital,
   region), a country adjective or possessive inside the place phrase ("in Kenya's Garissa town"), or a
   GeoNames city (``gazetteer.py``).
3. **dateline** — the place the article was filed from ("VALPARAISO, Chile (Reuters) -", "KABUL -"),
   when no other country is named more than once, or the dateline's country dominates the story.
4. **story** — the country the article names most, when clearly dominant: at least 3 mentions, at least
   twice the runner-up and at least half of all country mentions. One or two mentions are a passing
   reference; a story about a country names it again and again; a bilateral story names both sides about
   equally and has no dominant country, so its unnamed agents stay unknown rather than go to the wrong side.
5. **sentence** — for a domestic role only (opposition, civilians, police, rebels, soldiers, courts…:
   ``words.SCENE_CODES``), the one country every country-coded actor of its sentence belongs to
   ("Venezuela's government released opposition politicians" -> VENOPP): a coder reads a one-country
   scene that way. Two countries in the sentence give none. A government, named or not, takes it only
   from its country's domestic actors ("Mali's opposition leader rejected President Keita" -> MLIGOV),
   never from a state or another government.

An agent owned by "its" takes the state named just before it, when nothing else between them could be
the owner ("sanctions against Iraq after its parliament voted…" -> IRQLEG, ``infer:possessive``).

Steps 2-4 place an agent; they say nothing of roles whose place is not their country (refugees,
diplomats, peacekeepers, foreign media: ``words.NONLOCAL_*``), except an origin ("from", "of"). Steps 3
and 4 apply only to unnamed agents and to lawmakers by name ("Sen. Jeff Merkley"; not to "President Otto
Molina", an unknown person with a title who may be another country's). A US party and state in brackets
after a name ("Rep. G.K. Butterfield (D-N.C.)") is American (``affiliation``).

The mention keeps its span and kind; its code gets the country (``---COP`` -> ``CHLCOP``), ``resolution``
becomes ``"inferred"`` and ``via`` says where the country came from
(``infer:locative:Valparaiso->CHL+agents.toml:123``). Countries are the dictionaries' own ``[[country]]``
codes: with no country table loaded (PETRARCH dictionaries alone, as ``detente validate`` uses) nothing
is inferred.

What it does not do: infer a country for a named actor the dictionaries do not know, or change a code
that already has a country.
"""

from __future__ import annotations

import re

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date

from detente.actors import words
from detente.cameo import STATE_ROLES, actor_roles
from detente.dictionaries.gazetteer import STATE_POPULATION, Place, choose_place_country, gazetteer
from detente.actors.people import PeopleIndex
from detente.dictionaries import ActorEntry, Dictionaries
from detente.doc import SentenceView
from detente.ingest.normalize import dateline
from detente.model import Mention, ParsedDoc, Token
from detente.actors.words import per_dictionaries

PREMODIFIERS = frozenset({"amod", "compound", "poss", "nmod", "nmod:poss", "npadvmod", "flat", "flat:name"})
ARGUMENTS = frozenset({"nsubj", "nsubjpass", "nsubj:pass", "dobj", "obj", "iobj", "dative", "obl:agent"})
PHRASE_MIN_POPULATION = 100_000  # a city as a modifier ("the Valparaiso police") must be a large one
STORY_SENTENCES = 3  # one or two sentences are no story: no dominant country is read from them
_DATELINE_TAIL = re.compile(r"\s*(?:--|[-\u2013\u2014\u2015:])\s*$")
_AGENCY = re.compile(r"\([^()]*\)")
_MONTHS = frozenset("jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july august september october november december".split())


@dataclass(frozen=True)
class Evidence:
    kind: str  # phrase | possessive | locative | dateline | story | sentence
    place: str  # the words that gave it
    code: str  # the country code


class CountryTable:
    """The countries of one set of dictionaries: their codes, the dictionary country (name, adjective,
    capital, region) at a token, and GeoNames' ISO alpha-2 codes mapped onto them."""

    def __init__(self, dicts: Dictionaries) -> None:
        self.dicts = dicts
        entries: dict[str, ActorEntry] = {}
        for table in (dicts.actors.exact, dicts.actors.lower):
            for found in table.values():
                for e in found:
                    entries.setdefault(e.id, e)
        self.codes = frozenset(e.code for e in entries.values() if e.kind == "country" and e.code)
        self.prefixes = frozenset(c[:3] for c in self.codes)
        self._iso2: dict[str, str | None] | None = None
        self.size = len(dicts.actors)

    def country_entry(self, found: list[ActorEntry] | None) -> str | None:
        if not found:
            return None
        entry = found[-1]
        return entry.code if entry.kind == "country" and entry.code in self.codes else None

    def country_of_words(self, texts: list[str]) -> str | None:
        """The country a whole phrase names in the dictionaries ("Chile", "Chilean", "KABUL")."""
        if not texts:
            return None
        hit = self.dicts.actors.longest(texts, 0)
        return self.country_entry(hit[1]) if hit and hit[0] == len(texts) else None

    def from_iso2(self, iso2: str) -> str | None:
        """The dictionaries' code for a GeoNames country: its alpha-3 code when the dictionaries have it,
        else the code of the dictionary country named like it ("Kosovo" -> KSV)."""
        if self._iso2 is None:
            table: dict[str, str | None] = {}
            for key, (iso3, name) in gazetteer().countries.items():
                table[key] = iso3 if iso3 in self.codes else self.country_of_words(re.findall(r"[\w'-]+", name))
            self._iso2 = table
        return self._iso2.get(iso2)


def country_table(dicts: Dictionaries) -> CountryTable:
    """The country table of ``dicts`` (built once per dictionaries object)."""
    return per_dictionaries("country_table", dicts, CountryTable)


def infer_countries(doc: ParsedDoc, mentions: list[Mention], dicts: Dictionaries, people: PeopleIndex | None = None) -> list[Mention]:
    """``mentions`` with the country filled in for unnamed agents where the text gives it (see the
    module docstring). ``people``: the dictionaries' people by surname, so that "the Bush
    administration" in a 2008 article is American and "the Lincoln administration" no town's."""
    unknown = [m for m in mentions if m.code.startswith("---") and m.kind != "pronoun" and len(m.code) > 3]
    if not unknown:
        return mentions
    table = country_table(dicts)
    if not table.codes:
        return mentions
    story = _Story(doc, mentions, table)
    starts = [s.start for s in doc.sentences]
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        k = _sentence_index(starts, m.start)
        by_sentence.setdefault(k, []).append(m)
    changed: dict[int, Mention] = {}
    wanted = {id(m) for m in unknown}
    for n, sentence in enumerate(doc.sentences):
        todo = [m for m in by_sentence.get(n, ()) if id(m) in wanted]
        if not todo:
            continue
        if not _may_place(sentence.tokens, by_sentence[n], todo, table) and story.evidence() is None:
            continue  # nothing in the sentence can say where, and the story does not either
        view = SentenceView(sentence, by_sentence[n])
        finder = _Finder(view, table, story, people, doc.article.published)
        for m in todo:
            evidence = finder.evidence(m)
            if evidence is None:
                continue
            code = evidence.code + m.code[3:]
            via = f"infer:{evidence.kind}:{evidence.place}->{evidence.code}+{m.via}"
            changed[id(m)] = replace(m, code=code, via=via, resolution="inferred")
    return [changed.get(id(m), m) for m in mentions]


def _may_place(tokens: tuple[Token, ...], mentions: list[Mention], todo: list[Mention], table: CountryTable) -> bool:
    """Whether a sentence holds anything that may give an agent's country: a country mention, a
    capitalised word outside the agents (a country adjective, a city, a surname) or "loyal"."""
    if any(m.code[:3] in table.prefixes for m in mentions if m.resolution != "inferred"):
        return True
    spans = [(m.start, m.end) for m in todo]
    for t in tokens:
        if t.text[:1].isupper() or t.lemma == "loyal":
            if not any(a <= t.start < b for a, b in spans):
                return True
    return False


def _sentence_index(starts: list[int], offset: int) -> int:
    return max(0, bisect_right(starts, offset) - 1)


def is_local(view: SentenceView, tokens: list[int], code: str) -> bool:
    """Whether a role is placed by where it is: not refugees, diplomats, peacekeepers, foreign media."""
    if actor_roles(code) & words.NONLOCAL_CODES:
        return False
    lemmas = [view.lemma[k] for k in tokens]
    return not any(lemma in words.NONLOCAL_LEMMAS for lemma in lemmas)


class _Story:
    """The article-level evidence: the actors its mentions name (a country by its code's country, any
    other actor -- the EU, the UN, an armed group -- by its code), its dateline."""

    def __init__(self, doc: ParsedDoc, mentions: list[Mention], table: CountryTable) -> None:
        self.doc = doc
        self.table = table
        self.mentions = mentions
        self._actors: Counter | None = None
        self._decided = False
        self._evidence: Evidence | None = None

    @property
    def actors(self) -> Counter:
        """Mentions per actor (counted on first use: most articles never need it)."""
        if self._actors is None:
            prefixes = self.table.prefixes
            self._actors = Counter(
                m.code[:3] if m.code[:3] in prefixes else m.code
                for m in self.mentions
                if m.kind != "pronoun" and not m.code.startswith("---") and m.resolution not in ("inferred", "parties", "first-person")
            )
            self._counts = Counter({k: n for k, n in self._actors.items() if k in prefixes})
        return self._actors

    @property
    def counts(self) -> Counter:
        """Mentions per country."""
        self.actors
        return self._counts

    def dominant(self) -> tuple[str, int, int] | None:
        """(country, its mentions, all actor mentions) when one country clearly dominates: at least 3
        mentions, twice the next actor's and half of all."""
        if not self.counts:
            return None
        top, n = self.counts.most_common(1)[0]
        second = max((c for k, c in self.actors.items() if k != top), default=0)
        total = sum(self.actors.values())
        if n >= 3 and n >= 2 * second and 2 * n >= total:
            return top, n, total
        return None

    def contested(self, code: str) -> bool:
        """Whether another actor than country ``code`` is named more than once in the article."""
        return any(n > 1 for k, n in self.actors.items() if k != code[:3])

    def evidence(self) -> Evidence | None:
        if not self._decided:
            self._decided = True
            self._evidence = self._decide()
        return self._evidence

    def _decide(self) -> Evidence | None:
        dominant = self.dominant()
        line = dateline(self.doc.article.text)
        found = self.dateline_country(line) if line else None
        if found is not None:
            place, code = found
            if not self.contested(code) or (dominant is not None and dominant[0] == code[:3]):
                return Evidence("dateline", place, code)
            return None  # filed from one country, about others: no guess
        if dominant is not None and len(self.doc.sentences) >= STORY_SENTENCES:
            top, n, total = dominant
            return Evidence("story", f"{top}x{n}/{total}", top)
        return None

    def dateline_country(self, line: str) -> tuple[str, str] | None:
        """(place, country code) of a dateline: its country or US state part ("SANTIAGO, Chile",
        "PORTLAND, Ore.") when it has one, else its place ("KABUL", "SAN FRANCISCO")."""
        body = _DATELINE_TAIL.sub("", _AGENCY.sub("", line)).strip()
        parts = [p.strip() for p in body.split(",")]
        parts = [p for p in parts if p and not any(ch.isdigit() for ch in p) and p.split()[0].lower().rstrip(".") not in _MONTHS]
        if not parts:
            return None
        if len(parts) > 1:
            qualifier = parts[-1]
            code = self.table.country_of_words(qualifier.split()) or self._us_state(qualifier)
            if code:
                return qualifier, code
        place = parts[0]
        code = self.table.country_of_words(place.split())
        if code:
            return place, code
        iso2 = choose_country(gazetteer().lookup(place), self.table, self.counts)
        code = self.table.from_iso2(iso2) if iso2 else None
        return (place, code) if code else None

    def _us_state(self, text: str) -> str | None:
        key = re.sub(r"[^a-z]", "", text.lower())
        if key in words.AP_STATES or any(p.country == "US" and p.population >= STATE_POPULATION for p in gazetteer().lookup(text)):
            return self.table.from_iso2("US")
        return None


def choose_country(places: tuple[Place, ...], table: CountryTable, story: Counter, min_population: int = 0) -> str | None:
    """The country (ISO alpha-2) of a place name: the only one; else, among the places at least a fifth
    the size of the largest, the country the story names most; else the largest place when five times
    the next country's; else none (ambiguous). The rule is ``gazetteer.choose_place_country``, shared
    with the geo stage."""
    return choose_place_country(places, table.from_iso2, story, min_population)[0]


class _Finder:
    """The evidence for the unnamed agents of one sentence."""

    def __init__(self, view: SentenceView, table: CountryTable, story: _Story, people: PeopleIndex | None, when: date | None) -> None:
        self.view = view
        self.table = table
        self.story = story
        self.people = people
        self.when = when
        self.surnames = people.surnames if people is not None else frozenset()
        self.texts = [t.text.lower() for t in view.tokens]
        self.code = ""
        self.mention: Mention | None = None
        self._folded = None

    def evidence(self, m: Mention) -> Evidence | None:
        view = self.view
        tokens = view.tokens_of(m)
        if not tokens:
            return None
        inside = set(tokens)
        head = next((k for k in tokens if view.head(k) not in inside or view.head(k) == k), tokens[-1])
        if self.refers_back(head):
            # "its own citizens", "talks between their leaders": whose, the text says elsewhere, unless
            # "its" follows the state it stands for ("threatened Iraq after its parliament voted")
            return self.possessive_state(head)
        if (found := self.country_possessive(head)) is not None:
            return found  # "the government outlawed the country's leading rights group": that government's country
        local = is_local(view, tokens, m.code)
        self.code, self.mention = m.code, m
        found = self.phrase(head, inside)
        if found is False:
            return None
        if found is None and actor_roles(m.code) & STATE_ROLES and self.group_adjective(head, inside):
            return None  # "Kurdish forces near Kirkuk", "Houthi fighters in Sanaa": the adjective says whose, not the place
        if found is None:
            found = self.locative(head, inside, local)
            if found is False:
                return None
            if found is not None and "MIL" in actor_roles(m.code) and self.story.contested(found.code):
                return None  # "troops in Rafah" in a story naming Israel: whose troops is not where they are
        if found is None and m.kind == "person" and m.name and self.affiliation(tokens[-1]):
            # "Rep. G.K. Butterfield (D-N.C.)": a party and state in brackets after a legislator's name
            found = Evidence("affiliation", self.bracket(tokens[-1] + 1), self.table.from_iso2("US") or "USA")
        if found is None and local and (m.name is None or actor_roles(m.code) <= words.NAMED_STORY_ROLES):
            # an unnamed agent, or a lawmaker by name ("Sen. Jeff Merkley"): a member of the story's
            # country's legislature, as a named president or minister need not be
            found = self.story.evidence()
            if found is None and actor_roles(m.code) & words.SCENE_CODES:
                found = self.sentence_country(words.SCENE_EVIDENCE)
        if found is None and local and "GOV" in actor_roles(m.code) and self.story.evidence() is None:
            # "Mali's opposition leader rejected President Keita": a government facing its own country's
            # opposition, courts or rebels is theirs (never placed by another state or government)
            found = self.sentence_country(words.DOMESTIC_EVIDENCE, states=False)
        return found or None

    def affiliation(self, last: int) -> bool:
        """Is the mention ending at token ``last`` followed by a US party affiliation in brackets
        ("(D-N.C.)", "(R - Ohio)")?"""
        texts = [t.text for t in self.view.tokens]  # as written: self.texts is lower-case
        return last + 2 < len(texts) and texts[last + 1] == "(" and words.affiliation_at(texts, last + 2)

    def bracket(self, k: int) -> str:
        """The text of the brackets opening at token k."""
        toks = self.view.tokens
        end = next((j for j in range(k, min(len(toks), k + 8)) if toks[j].text == ")"), k)
        return "".join(t.text for t in toks[k : end + 1])

    def sentence_country(self, evidence: frozenset[str], states: bool = True) -> Evidence | None:
        """5. the sentence's one country, for a domestic role (``words.SCENE_CODES``), when the story
        gives none: every country-coded actor the sentence names is of that country. People do not
        count, nor civilians, refugees, businesses or media (a Japanese hostage does not make his kidnappers
        Japanese): only a state, its organs, and its armed or political opposition
        (``words.SCENE_EVIDENCE``); for a government, only its country's domestic actors
        (``words.DOMESTIC_EVIDENCE``, ``states=False``)."""
        prefixes = self.table.prefixes
        # an actor abroad sets no scene ("rebels will hand the doctor to U.S. diplomats" is not in the US)
        named = [m for m in self.view.mentions
                 if m.kind not in ("pronoun", "person") and m.resolution not in ("inferred", "parties", "first-person")
                 and ((states and len(m.code) == 3) or actor_roles(m.code) & evidence)
                 and is_local(self.view, self.view.tokens_of(m), m.code)]
        # the actors' countries; a country named only as a place ("peace talks in South Sudan") counts
        # when no actor names one
        countries = {m.code[:3] for m in named if m.code[:3] in prefixes and not self.is_place(m)} \
            or {m.code[:3] for m in named if m.code[:3] in prefixes}
        if len(countries) != 1:
            return None
        code = next(iter(countries))
        return Evidence("sentence", code, code)

    def is_place(self, m: Mention) -> bool:
        """Is m where something happens ("peace talks in South Sudan"), not an actor of the scene?"""
        view = self.view
        tokens = view.tokens_of(m)
        if not tokens or m.kind != "country":
            return False
        head = next((k for k in tokens if view.head(k) not in tokens or view.head(k) == k), tokens[-1])
        return view.dep(head) == "pobj" and self.texts[view.head(head)] in words.LOCATION_PREPS

    def possessive_state(self, head: int) -> Evidence | None:
        """The state that "its" before the agent stands for: the nearest actor named earlier in the
        sentence when it is a country and no noun that could own the agent stands between them
        ("threatened Iraq after its parliament voted" -> IRQ; not "Iraq's oil company and its staff")."""
        view = self.view
        owner = next((c for c in view.children[head] if view.dep(c) in ("poss", "nmod:poss")), None)
        if owner is None or self.texts[owner] != "its":
            return None
        earlier = [m for m in view.mentions if view.tokens_of(m) and view.tokens_of(m)[-1] < owner and m.kind != "pronoun"]
        if not earlier:
            return None
        state = max(earlier, key=lambda m: view.tokens_of(m)[-1])
        if state.kind != "country" or state.code[:3] not in self.table.prefixes or len(state.code) != 3 \
                or state.resolution == "inferred":
            return None
        between = range(view.tokens_of(state)[-1] + 1, owner)
        if any(view.tokens[t].pos in ("NOUN", "PROPN") for t in between):
            return None
        return Evidence("possessive", state.text, state.code[:3])

    def country_possessive(self, head: int) -> Evidence | None:
        """The state "the country's" before the agent stands for: the one country of the actors named
        earlier in the sentence ("Congo's government outlawed the country's leading rights group" -> COD)."""
        view = self.view
        owner = next((c for c in view.children[head] if view.dep(c) in ("poss", "nmod:poss")), None)
        if owner is None or view.lemma[owner].lower() not in words.COUNTRY_NOUNS \
                or not any(self.texts[c] == "the" for c in view.children[owner]):
            return None
        earlier = {m.code[:3] for m in view.mentions if view.tokens_of(m) and view.tokens_of(m)[-1] < owner
                   and m.kind != "pronoun" and m.resolution != "inferred" and m.code[:3] in self.table.prefixes}
        if len(earlier) != 1:
            return None
        code = next(iter(earlier))
        return Evidence("possessive", f"the {self.texts[owner]}'s", code)

    def refers_back(self, head: int) -> bool:
        view = self.view
        if any(view.dep(c) in ("poss", "nmod:poss") and self.texts[c] in words.POSSESSIVE_PRONOUNS for c in view.children[head]):
            return True
        up = view.head(head)
        return view.dep(head) in ("pobj", "obl") and (self.texts[up] == "between" or any(self.texts[c] == "between" for c in view.kids(head, {"case"})))

    # -- 1. the agent's own noun phrase ---------------------------------------------------------
    def phrase(self, head: int, inside: set[int]) -> Evidence | None | bool:
        view = self.view
        found: dict[str, str] = {}
        personal = view.tokens[head].lemma.lower() in words.PERSONAL_HEADS
        for t in sorted(inside):
            for c in view.children[t]:
                if c > t or c in inside or view.dep(c) not in PREMODIFIERS or self.modifier(c):
                    continue
                got = self.country_at(c) or self.office_holder(c) or self.owning_body(c)
                if got is None and not personal:
                    got = self.city(self.name_run(c), PHRASE_MIN_POPULATION, phrase=True)
                if got is not None:
                    found.setdefault(got[1], got[0])
        # "the Treasury and the State Department", "Iraqi soldiers and police": state bodies
        # coordinated with one of a known country are of that country
        # (bodies, not people: "Trump and King Abdullah" are leaders of two countries)
        if actor_roles(self.code) & STATE_ROLES and self.mention.kind != "person":
            for sibling in self.conjuncts(head):
                m = view.mention_at[sibling]
                if (m is not None and m.kind != "person" and m.code[:3] in self.table.prefixes and m.resolution != "inferred"
                        and actor_roles(m.code) & STATE_ROLES):
                    found.setdefault(m.code[:3], m.text)
        # "the North's leader, Kim Jong Un", "Jane Doe, a senior official of the Kenyan government": an
        # actor in apposition names the same one, so its country is the agent's
        twins = [c for c in view.children[head] if view.dep(c) == "appos"]
        if view.dep(head) == "appos" and view.head(head) != head:
            twins.append(view.head(head))
        for c in twins:
            m = view.mention_at[c]
            if m is not None and m is not self.mention and m.code[:3] in self.table.prefixes and m.resolution != "inferred":
                found.setdefault(m.code[:3], m.text)
        # "forces loyal to Assad", "rebels loyal to Machar": the country of the one they serve
        for c in view.children[head]:
            if view.lemma[c] == "loyal":
                for prep, q in view.prep_objects(c):
                    m = view.mention_at[q]
                    if prep == "to" and m is not None and m.code[:3] in self.table.prefixes and m.resolution != "inferred":
                        found.setdefault(m.code[:3], m.text)
        return _one(found, "phrase")

    def owning_body(self, c: int) -> tuple[str, str] | None:
        """(text, country) of a state body owning the agent ("the State Department's climate envoy",
        "the Kremlin's spokesman"): its officials are of its country."""
        m = self.view.mention_at[c]
        if self.view.dep(c) not in ("poss", "nmod:poss") or m is None or m is self.mention or m.kind == "person" \
                or m.resolution == "inferred" or m.code[:3] not in self.table.prefixes or not actor_roles(m.code) & STATE_ROLES:
            return None
        return m.text, m.code[:3]

    def group_adjective(self, head: int, inside: set[int]) -> bool:
        """Does a capitalised adjective that names no country modify the agent ("Kurdish forces",
        "Houthi fighters", "Shiite militiamen")? It names a people or a faction, which a place does not
        make the state's forces."""
        view = self.view
        for t in sorted(inside | {head}):
            for c in view.children[t]:
                if c in inside or c == 0 or view.dep(c) not in ("amod", "compound") or not view.tokens[c].text[:1].isupper():
                    continue
                if view.tokens[c].pos in ("ADJ", "PROPN") and view.mention_at[c] is None and self.country_at(c) is None \
                        and self.city(self.name_run(c), 0, phrase=True) is None:
                    return True
        return False

    def conjuncts(self, k: int) -> list[int]:
        """The nouns coordinated with k ("the Treasury and State Department"), k excluded."""
        view = self.view
        first = k
        while view.dep(first) == "conj" and view.head(first) != first:
            first = view.head(first)
        return [c for c in view.conjuncts(first) if c != k]

    def office_holder(self, k: int) -> tuple[str, str] | None:
        """"the Bush administration" on a 2008 article date: the country of the people of that surname
        in office that day (all of one country); in an undated text, of those who ever held a state
        office."""
        view = self.view
        t = view.tokens[k]
        if self.people is None or t.pos != "PROPN" or not t.text[:1].isupper() or view.mention_at[k] is not None:
            return None
        if self.when is None:
            if view.lemma[view.head(k)].lower() not in words.ADMINISTRATION_HEADS:
                return None  # undated, only "the Bush administration": "the Austin officials" may be the city's
            countries = self.people.countries_in_office(view.lower[k])
        else:
            countries = self.people.countries_on(view.lower[k], self.when)
        if len(countries) == 1:
            (code,) = countries
            return (t.text, code) if code in self.table.prefixes else None
        return None

    # -- 2. a locative phrase on the agent, else on its verb ------------------------------------
    def locative(self, head: int, inside: set[int], local: bool) -> Evidence | None | bool:
        view = self.view
        preps = words.ORIGIN_PREPS | (words.LOCATION_PREPS if local else frozenset())
        own = [head]
        if view.dep(head) == "compound" and view.head(head) != head:
            own.append(view.head(head))  # "police headquarters in eastern Afghanistan"
        levels = [[(p, n) for h in own for p, n in view.prep_objects(h) if p in preps and n not in inside]]
        if local:
            levels.append(self.scene(own[-1]))
        for level, pairs in enumerate(levels):
            found: dict[str, str] = {}
            for prep, noun in pairs:
                # "residents of Homs": an origin names the place itself; "police in the centre of
                # Valparaiso": a location may name it inside its phrase
                got = self.place_of(noun, 0, located=prep in words.LOCATION_PREPS)
                if got is not None:
                    found.setdefault(got[1], got[0])
            result = _one(found, "locative")
            if level == 1 and result and self.other_country(result.code):
                return None  # "Yemeni forces and allied fighters hit positions in Saudi Arabia": the scene is the target's
            if result is not None:
                return result
        return None

    def other_country(self, code: str) -> bool:
        """Whether the sentence names a country other than ``code``'s."""
        prefixes = self.table.prefixes
        return any(m.code[:3] in prefixes and m.code[:3] != code[:3] and m.resolution != "inferred" for m in self.view.mentions)

    def scene(self, head: int) -> list[tuple[str, int]]:
        """Where the agent's action happens: locative phrases on its verb, on that verb's objects that
        are things, not actors ("ambushed a convoy in Rakhine State"), and on the verbs coordinated with
        it that share its subject ("beheaded three men and torched a school in Nangarhar"). Not for
        verbs of meeting, travel and speech, whose place is a venue."""
        view = self.view
        verb = self.verb_of(head)
        if verb is None:
            return []
        verbs = [verb] + [c for c in view.kids(verb, {"conj"}) if view.tokens[c].pos in ("VERB", "AUX") and view.subject(c) in (None, view.subject(verb))]
        pairs: list[tuple[str, int]] = []
        for v in verbs:
            if view.lemma[v] in words.VENUE_VERBS:
                continue
            holders = [v] + [o for o in view.objects(v) if view.mention_at[o] is None and not self.under(o, head)]
            for h in holders:
                pairs.extend((p, n) for p, n in view.prep_objects(h) if p in words.LOCATION_PREPS and not self.under(n, head))
        return pairs

    def under(self, k: int, top: int) -> bool:
        """Whether token k is ``top`` or below it in the tree."""
        view = self.view
        for _ in range(len(view.tokens)):
            if k == top:
                return True
            up = view.head(k)
            if up == k:
                return False
            k = up
        return False

    def verb_of(self, k: int) -> int | None:
        """The verb an agent is an argument of ("police fired", "fired at protesters")."""
        view = self.view
        while view.dep(k) == "conj" and view.head(k) != k:
            k = view.head(k)
        h = view.head(k)
        if h == k:
            return None
        dep = view.dep(k)
        if dep in ARGUMENTS and view.tokens[h].pos in ("VERB", "AUX"):
            return h
        if dep == "pobj" and view.head(h) != h and view.tokens[view.head(h)].pos in ("VERB", "AUX"):
            return view.head(h)
        if dep in ("obl", "nmod") and view.tokens[h].pos in ("VERB", "AUX"):
            return h
        return None

    def place_of(self, k: int, depth: int, located: bool = True) -> tuple[str, str] | None:
        """(place words, country code) of the place phrase headed by k. ``located``: the phrase says
        where (in, near, at), so a city named like a common word counts ("in Reading") and the place
        may be named further in ("in a village in eastern Afghanistan")."""
        view = self.view
        m = view.mention_at[k]
        if m is not None:
            if m.kind == "country" and m.code in self.table.codes and m.resolution != "inferred":
                return m.text, m.code
            return None  # an actor, not a place
        if view.lemma[k] in words.EVENT_NOUNS or view.lemma[k] in words.SHARED_PLACES:
            return None  # "peace talks in Juba": a venue; "the Taiwan Strait", "the Syrian border": no one country's
        found: dict[str, str] = {}
        for c in view.children[k]:
            if c < k and view.dep(c) in PREMODIFIERS and not self.modifier(c):
                got = self.country_at(c)
                if got is not None:
                    found.setdefault(got[1], got[0])
        if len(found) == 1:
            code, place = next(iter(found.items()))
            return place, code
        if found:
            return None
        if not any(view.dep(c) == "det" for c in view.children[k]):  # "the Alliance" is no town
            got = self.city(self.name_run(k), 0, namesakes=located)
            if got is not None:
                return got
        if depth < 2:
            for prep, q in view.prep_objects(k):
                if prep == "of" or (prep == "in" and located):
                    got = self.place_of(q, depth + 1, located)
                    if got is not None:
                        return got
        return None

    # -- words ---------------------------------------------------------------------------------
    def country_at(self, k: int) -> tuple[str, str] | None:
        """A country named by token k: a country mention, or a country adjective or name that made no
        mention of its own ("Palestinian" in "Palestinian Christian leaders")."""
        view = self.view
        m = view.mention_at[k]
        if m is not None:
            if m.kind == "country" and m.code in self.table.codes and m.resolution != "inferred":
                return m.text, m.code
            return None
        if k > 0 and view.head(k - 1) == k and view.dep(k - 1) in ("compound", "flat", "flat:name") and view.tokens[k - 1].pos == "PROPN":
            return None  # "South America's": a longer name than the dictionary's "America"
        if self._folded is None:
            self._folded = view.folded()
        hit = self.table.dicts.actors.scan(self._folded, k)
        if hit is None or hit[0] != k + 1:
            return None
        code = self.table.country_entry(hit[1])
        return (view.tokens[k].text, code) if code else None

    def name_run(self, k: int) -> list[int]:
        """The proper-noun name a place phrase headed by k carries: k's own run of capitalised proper
        nouns ("New York"), else the run of its proper-noun compound ("Garissa town")."""
        view = self.view

        def propn(j: int) -> bool:
            t = view.tokens[j]
            return t.pos == "PROPN" and t.text[:1].isupper() and view.mention_at[j] is None

        if propn(k):
            a = b = k
            texts = self.texts
            while a > 0 and (propn(a - 1) or (texts[a - 1] in words.NAME_GLUE and a > 1 and propn(a - 2))) and view.head(a - 1) in (k, a):
                a -= 1
            while b + 1 < len(view.tokens) and view.head(b + 1) == k and (propn(b + 1) or (texts[b + 1] in words.NAME_GLUE and b + 2 < len(view.tokens) and propn(b + 2))):
                b += 1
            return list(range(a, b + 1))
        last = k - 1
        if last >= 0 and view.head(last) == k and view.dep(last) in ("compound", "flat", "flat:name") and propn(last):
            return self.name_run(last)  # "New York" in "New York University", "Garissa" in "Garissa town"
        return []

    def city(self, run: list[int], min_population: int, phrase: bool = False, namesakes: bool = False) -> tuple[str, str] | None:
        if not run:
            return None
        view = self.view
        text = " ".join(view.tokens[j].text for j in run)
        if phrase and (len(run) == 1 and view.lower[run[0]] in self.surnames):
            return None  # a surname: "the Lincoln administration"
        iso2 = choose_country(gazetteer().lookup(text, namesakes), self.table, self.story.counts, min_population)
        code = self.table.from_iso2(iso2) if iso2 else None
        return (text, code) if code else None

    def modifier(self, k: int) -> bool:
        """"Iran" in "Iran-backed", "Russian" in "pro-Russian": a backer or a stance, not a country of
        the agent."""
        return is_modifier(self.texts, k) or is_stance(self.texts, k)


def is_modifier(lower: list[str], k: int, end: int | None = None) -> bool:
    """Whether the name at tokens k..end-1 is a backer, maker or model rather than an actor: followed
    by a hyphen and a word such as "backed", "made", "inspired" (``lower``: the lower-cased token
    texts, punctuation kept), or stuck to one ("Iran -backed")."""
    end = k + 1 if end is None else end
    if end + 1 < len(lower) and lower[end] in words.HYPHENS and lower[end + 1] in words.MODIFIER_SUFFIXES:
        return True
    return end < len(lower) and lower[end][:1] in words.HYPHENS and lower[end][1:] in words.MODIFIER_SUFFIXES


def is_stance(lower: list[str], k: int) -> bool:
    """Whether the name at token k follows "anti-" or "pro-": what a group is for or against, not its
    country ("anti-American protesters"; the United States may still be what they protest)."""
    if k >= 2 and lower[k - 1] in words.HYPHENS and lower[k - 2] in words.STANCE_PREFIXES:
        return True
    return k >= 1 and lower[k - 1][-1:] in words.HYPHENS and lower[k - 1][:-1] in words.STANCE_PREFIXES


def _one(found: dict[str, str], kind: str) -> Evidence | None | bool:
    """One country -> its evidence; none -> None; several -> False (conflicting evidence: stop)."""
    if not found:
        return None
    if len(found) > 1:
        return False
    code, place = next(iter(found.items()))
    return Evidence(kind, place, code)
