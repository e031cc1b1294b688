"""Event location: where each event happened, in the order a careful analyst reads it (issue 11).

1. **locative** — a place phrase attached to the event's trigger ("attacked in Aleppo", "the attack in
   Kabul", "fighting near Donetsk", "10 km north of Baghdad", "on the outskirts of Damascus"), to the
   trigger's objects that are things, not actors ("ambushed a convoy in Rakhine State"), to the
   verb a nominal trigger is the object of ("carried out an attack in Quetta"), or to the verbs
   coordinated with it ("stormed and torched a school in Nangarhar"); else a city premodifying a
   nominal trigger ("the Aleppo offensive").
2. **sentence** — the place phrases of the trigger's clause (on its verb, its subject and objects,
   actors included: "police in Tbilisi arrested protesters", "deployed soldiers in Mali"), when they name
   one place (or places of one country: then that country). Not other clauses, nor nouns naming other
   events ("welcomed a plan for a ceasefire in Homs"), and not for statements: a statement's place is
   the one its own verb names ("said in Kabul"), never what it is about.
3. **dateline** — the place the article was filed from, for an event reported from there: a
   material event (GDELT quad class 2 or 4: protests, arrests, attacks, aid, not statements or
   accusations), in a sentence that names no place, with an actor of the dateline's country.

An event with none of these has no place (``None``): never the capital of a country merely mentioned,
never an actor's country ("Lavrov said" happened nowhere we are told of). What it does not do: find
places of events the text does not anchor (the annotation guide's "implied" places), or tell a venue
from a target ("talks on Syria" is no place: only locative prepositions count).
"""

from __future__ import annotations

from dataclasses import replace

from detente.dictionaries.gazetteer import gazetteer
from detente.doc import SentenceView
from detente.geo.places import PlaceFinder
from detente.model import Event, Place

LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "around", "across", "throughout", "within", "nearby"})
TARGET_PREPS = frozenset({"on", "against"})
HAPPEN_VERBS = frozenset({"occur", "happen", "take", "unfold", "erupt", "break"})
# "during a rally in Leeds": the event noun's own place phrase places the event
DURING_PREPS = frozenset({"during"})
# "on the outskirts of Damascus", "on Syrian soil": "on" is locative only with these nouns
ON_NOUNS = frozenset({"outskirts", "edge", "soil", "territory", "ground", "street", "streets", "border"})
DIRECTIONS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                        "north-east", "north-west", "south-east", "south-west"})
OBJECTS = frozenset({"dobj", "obj", "attr", "nsubjpass", "nsubj:pass"})
ARGUMENTS = frozenset({"nsubj", "nsubjpass", "nsubj:pass", "dobj", "obj", "iobj", "dative", "attr"})
# events that happen somewhere (GDELT quad classes 2 and 4: material cooperation and conflict): a
# dateline places these, never verbal acts (a statement, an accusation) whose speaker may be anywhere
MATERIAL_QUADS = frozenset({2, 4})
STATEMENT_ORIGINS = frozenset({"statement"})


def locatives(view: SentenceView, k: int) -> list[tuple[str, int, int]]:
    """(preposition, preposition token, place noun) of the locative phrases on token k: its
    locative prepositions, "on" before an outskirts-like noun, and "north of X"."""
    found = []
    for c in view.children[k]:
        dep = view.dep(c)
        word = view.lower[c]
        if dep == "prep" and (word in LOCATIVE_PREPS or word == "on"):
            for g in view.kids(c, {"pobj", "pcomp"}):
                if word != "on" or view.lemma[g] in ON_NOUNS:
                    found.append((word, c, g))
        elif dep == "prep" and word in DURING_PREPS:
            for g in view.kids(c, {"pobj"}):
                for p, q in view.prep_objects(g):
                    if p in LOCATIVE_PREPS:
                        found.append((f"{word} {p}", c, q))
        elif dep in ("obl", "nmod"):
            case = view.kids(c, {"case"})
            if case and view.lower[case[0]] in LOCATIVE_PREPS:
                found.append((view.lower[case[0]], case[0], c))
        elif word in DIRECTIONS and dep in ("advmod", "npadvmod", "prep", "obl"):
            for p in view.children[c]:
                if view.dep(p) == "prep" and view.lower[p] == "of":
                    for g in view.kids(p, {"pobj"}):
                        found.append((f"{word} of", p, g))
    return sorted(found, key=lambda f: f[2])


class Locator:
    """Places the events of one article (``locate``); ``finder`` resolves place phrases and
    ``dateline`` is the article's dateline place (or None)."""

    def __init__(self, finder: PlaceFinder, dateline: Place | None) -> None:
        self.finder = finder
        self.dateline = dateline
        self._sentence_places: dict[int, list[Place]] = {}

    def locate(self, view: SentenceView, sentence: int, event: Event, trigger: int | None, trace=None) -> Place | None:
        """The place of ``event`` (whose trigger is token ``trigger`` of ``view``), or None."""
        statement = event.origin in STATEMENT_ORIGINS
        if trigger is not None:
            place = self.at_trigger(view, trigger, statement)
            if place is not None:
                return place
        if not statement and trigger is not None:
            places = self.scene_places(view, trigger)
            one = _one_place(places)
            if one is not None:
                return replace(one, via=f"sentence+{one.via}")
            if not places and self._dateline_applies(event) and not self.sentence_places(view, sentence):
                return self.dateline
            if not places and not self.sentence_places(view, sentence):
                return _domestic(event)
        return None

    def at_trigger(self, view: SentenceView, k: int, statement: bool) -> Place | None:
        holders = [k]
        if not statement:
            holders += [o for o in view.kids(k, OBJECTS) if view.mention_at[o] is None]
            # "a strike on arms depots in Homs province": what an attack hits is where it is; for a
            # noun, also what it is of ("the killing of farmers in Jos")
            preps = TARGET_PREPS | ({"of"} if view.tokens[k].pos == "NOUN" else frozenset())
            holders += [q for p, q in view.prep_objects(k) if p in preps and view.mention_at[q] is None]
            holders += [c for c in view.kids(k, {"conj"}) if view.tokens[c].pos in ("VERB", "AUX")
                        and view.subject(c) in (None, view.subject(k))]
            up = view.head(k)
            if up != k and view.tokens[k].pos == "NOUN" and view.dep(k) in ("dobj", "obj") and view.tokens[up].pos == "VERB":
                holders.append(up)  # "carried out an attack in Quetta"
            if up != k and view.dep(k) in ("relcl", "acl", "acl:relcl") and view.tokens[up].pos in ("NOUN", "PROPN"):
                holders.append(up)  # "a bombing in Jos that killed ten": the verb of a relative clause on an event noun
            if view.tokens[k].pos == "NOUN":
                # "the raid that took place in Jos": a relative clause saying where the event noun happened
                holders += [c for c in view.kids(k, {"relcl", "acl", "acl:relcl"}) if view.lemma[c] in HAPPEN_VERBS]
            if up != k and view.dep(k) == "conj" and view.tokens[up].pos == "VERB" and view.subject(up) == view.subject(k):
                holders.append(up)  # "stormed and torched a school in Nangarhar": the place closes the pair
        for h in holders:
            for word, prep, noun in locatives(view, h):
                place = self.finder.place_of(view, noun, prep)
                if place is not None:
                    return replace(place, via=f"locative:{word}+{place.via}")
        if not statement:
            # "shelled Donetsk", "shelled the outskirts of Donetsk": a place the action is done to (a
            # gazetteer place, not an actor: "attacked Syria" makes Syria the target, not a scene)
            for o in view.kids(k, OBJECTS):
                m = view.mention_at[o]
                if m is not None:
                    # "seized Crimea": a region the country table lists under a country is ground,
                    # not an actor ("attacked Syria" makes Syria the target, not a scene)
                    place = self.finder.country_mention(view, m) if m.kind == "country" and m.resolution == "dictionary" else None
                    if place is not None and place.type != "country":
                        return replace(place, via=f"object+{place.via}")
                    continue
                if o in self.finder.name_run(view, o) or view.lemma[o] in ON_NOUNS:
                    place = self.finder.place_of(view, o, None, depth=1)
                    if place is not None and place.type != "country":
                        return replace(place, via=f"object+{place.via}")
        if view.tokens[k].pos == "NOUN" and not statement:
            # "the Aleppo offensive": a gazetteer city premodifying a nominal trigger
            for c in view.children[k]:
                if c < k and view.dep(c) == "compound" and view.mention_at[c] is None:
                    run = self.finder.name_run(view, c)
                    if run and all(view.mention_at[j] is None for j in run):
                        place = self.finder.named(view, run, locative=False)
                        if place is not None:
                            return replace(place, via=f"locative:compound+{place.via}")
        return None

    def scene_places(self, view: SentenceView, k: int) -> list[Place]:
        """The places of the trigger's clause: locative phrases on its verb (a nominal trigger's verb
        when it is that verb's argument), on the verb's subject and objects, actors included ("police
        in Tbilisi arrested...", "deployed soldiers in Mali"), and on the verbs coordinated with it. Not
        the places of other clauses or of nouns naming other events ("a ceasefire in Homs")."""
        verb = k if view.tokens[k].pos in ("VERB", "AUX") else None
        if verb is None and view.dep(k) in ARGUMENTS and view.head(k) != k and view.tokens[view.head(k)].pos in ("VERB", "AUX"):
            verb = view.head(k)
        if verb is None:
            return []
        subject = view.subject(verb)
        holders = [verb]
        # "raided a checkpoint in southern Yemen after shelling it..., wounding...": up
        # the chain of participles and coordinated verbs of one subject, to the verb that names the place
        cur = verb
        for _ in range(3):
            dep, up = view.dep(cur), view.head(cur)
            if dep == "pcomp" and up != cur:
                up = view.head(up)
            elif dep not in ("conj", "advcl", "xcomp"):
                break
            if up == cur or view.tokens[up].pos not in ("VERB", "AUX") or view.subject(up) != subject:
                break
            holders.append(up)
            cur = up
        holders += [c for c in view.kids(verb, {"conj", "advcl"}) if view.tokens[c].pos in ("VERB", "AUX")
                    and view.subject(c) in (None, subject)]  # "Speaking at a school in Leeds, the minister replied"
        args = [c for h in holders for c in view.kids(h, ARGUMENTS)]
        args += [c for a in args for c in view.kids(a, {"conj"})]  # "the parliament and a ministry in Lima"
        found = []
        for h in holders + args:
            for word, prep, noun in locatives(view, h):
                place = self.finder.place_of(view, noun, prep)
                if place is not None:
                    found.append(replace(place, via=f"{word}+{place.via}"))
        return found

    def sentence_places(self, view: SentenceView, sentence: int) -> list[Place]:
        """The places of every locative phrase of the sentence (computed once per sentence)."""
        got = self._sentence_places.get(sentence)
        if got is None:
            got = []
            for h in range(len(view.tokens)):
                for word, prep, noun in locatives(view, h):
                    place = self.finder.place_of(view, noun, prep)
                    if place is not None:
                        got.append(replace(place, via=f"{word}+{place.via}"))
            self._sentence_places[sentence] = got
        return got

    def _dateline_applies(self, event: Event) -> bool:
        line = self.dateline
        if line is None or event.quad_class not in MATERIAL_QUADS:
            return False
        for m in (event.source, event.target):
            if m is not None and m.code[:3] == line.country:
                return True
        return False


def _domestic(event: Event) -> Place | None:
    """The country of a material act between two domestic actors of that one country, each with a role
    ("Taliban militants seized an army base", AFGREB -> AFGMIL; "police arrested opposition leaders"),
    when the text names no place: such an act happens at home. None for any other event."""
    if event.quad_class not in MATERIAL_QUADS or event.source is None or event.target is None:
        return None
    country = event.source.code[:3]
    if country != event.target.code[:3] or min(len(event.source.code), len(event.target.code)) < 6:
        return None  # two roles of one country (police and protesters), not a country acting on itself
    found = gazetteer().by_iso3.get(country)
    if found is None:
        return None  # IGO, ---, or a code that is no country
    return Place("country", found.name, found.iso3, None, None, None, found.geonameid or None, None,
                 f"domestic:{event.source.code}+{event.target.code}")


def _one_place(places: list[Place]) -> Place | None:
    """The one place a sentence names: one place (however often), else one country of all its
    places (as a country place); None when they disagree."""
    if not places:
        return None
    distinct = {(p.type, p.geonameid, p.country, p.name) for p in places}
    if len(distinct) == 1:
        return places[0]
    countries = {p.country for p in places}
    if len(countries) == 1:
        country = next((p for p in places if p.type == "country"), None)
        if country is None:
            found = gazetteer().by_iso3.get(next(iter(countries)))
            if found is None:
                return None
            return Place("country", found.name, found.iso3, None, None, None, found.geonameid or None, None, "one-country")
        return replace(country, span=None, via="one-country")
    return None
