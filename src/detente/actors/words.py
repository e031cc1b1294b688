"""Word lists the actor rules read (English grammar words, not coding vocabulary: the actors and roles
themselves are in the dictionaries). One module, so ``mentions.py`` and ``inference.py`` agree.
"""

from __future__ import annotations

import re
import weakref

from detente.dictionaries.gazetteer import AP_STATES as AP_STATE_CODES

# "Iran-backed militia", "US-made drones", "Tunisia-inspired protests": the word after the hyphen makes
# the name before it a modifier of the noun, not an actor of its own (the backer, the maker, the
# model). Not here: "-led" (a "Saudi-led coalition" is coded as Saudi Arabia's), "-held",
# "-controlled", "-occupied", "-run", "-owned" (an attack on "rebel-held" or "ISIS-held" ground is one
# on its holder) and "-brokered" (a "UN-brokered ceasefire" is the UN's).
MODIFIER_SUFFIXES = frozenset(
    """backed supported funded sponsored financed allied aligned armed trained equipped inspired
    linked affiliated friendly leaning oriented based born made built manufactured bound style""".split()
)
# "anti-American protesters", "pro-Russian separatists": a stance, not a nationality
STANCE_PREFIXES = frozenset({"anti", "pro", "non"})
HYPHENS = frozenset({"-", "\u2010", "\u2011", "\u2013"})

# countries whose people English news names family name first ("Kim Jong Un" ... "Kim", "Xi Jinping" ...
# "Mr. Xi", "Park Geun-hye" ... "Park"): a bare first word after the full name is the surname too.
# Not Vietnam or Cambodia, whose leaders the news calls by the last word ("Mr. Phuc") or the full name.
FAMILY_NAME_FIRST = frozenset({"CHN", "TWN", "HKG", "PRK", "KOR"})

# role nouns with a mass sense: singular with no determiner, owner or modifier ("doing business with
# Iran", "open for business", "the use of force by police", "took the town by force") they name an
# activity or a means, not the businesses or the armed forces
MASS_AGENT_NOUNS = frozenset({"business", "force"})

# "a village in the Rada district": an institution's or group's name right before one of these nouns
# names a place, not the institution
PLACE_NOUNS = frozenset(
    """district province region governorate county village town city valley area municipality
    neighbourhood neighborhood oblast prefecture township suburb commune department canton
    river mountain mountains island islands airport port""".split()
)

# what a leader's surname names in an undated text ("the Bush administration", "the Putin government"):
# the government of the country the people of that surname led
ADMINISTRATION_HEADS = frozenset("administration government cabinet regime".split())

# "the North American Free Trade Agreement", "the Paris Agreement", "the Treaty of Versailles": a name in
# a capitalised title headed by one of these nouns names the document, not an actor
DOCUMENT_NOUNS = frozenset(
    """agreement agreements accord accords treaty treaties pact convention conventions protocol charter
    act declaration doctrine memorandum""".split()
)

# nouns of places and buildings named after people ("Hamid Karzai International Airport", "King Fahd
# Stadium"): a person's name followed by one names the place, not the person
FACILITY_NOUNS = frozenset(
    """airport stadium university college school hospital center centre building street avenue boulevard
    road square bridge dam library museum hall institute mosque cathedral highway station""".split()
)

# prepositions that place an agent ("police in Valparaiso", "troops near Aleppo") and that say where
# it comes from ("refugees from Syria", "residents of Aleppo")
LOCATION_PREPS = frozenset({"in", "near", "at", "outside", "inside", "around", "across", "throughout", "within"})
ORIGIN_PREPS = frozenset({"from", "of"})

# roles whose place is not their country: a location (a locative phrase, the dateline, the story's
# country) says nothing about their nationality ("refugees in Lebanon", "diplomats in Beijing",
# "peacekeepers in Mali"). Only their own noun phrase ("Syrian refugees") or an origin ("refugees
# from Syria") gives it. By CAMEO type code, and by lemma for roles inside broader codes.
# regions a body's envoy is for ("the United Nations Mideast envoy", "the EU Balkans envoy")
REGION_WORDS = frozenset({
    "mideast", "middle", "east", "balkans", "sahel", "horn", "gulf", "caucasus", "arctic", "pacific",
    "great", "lakes", "africa", "asia", "central", "latin", "america", "southeast", "south", "north", "west",
})
# nouns for the country a sentence is about ("the country's leading rights group")
COUNTRY_NOUNS = frozenset({"country", "nation"})
NONLOCAL_CODES = frozenset({"REF", "PKO", "IGO", "INT", "NGO", "NGM", "MNC", "DEV", "MED"})
NONLOCAL_LEMMAS = frozenset(
    """migrant immigrant expatriate expat tourist pilgrim foreigner visitor mercenary hostage
    ambassador envoy diplomat embassy consulate consul delegation negotiator mediator investor
    donor observer monitor""".split()
)

# domestic roles: an unnamed one in a sentence that names a single country and no story country is
# that country's ("Venezuela's government released opposition politicians" -> VENOPP, "Turkish police
# detained soldiers" -> TURMIL). Not governments (a state acting on "the government" is usually acting
# on another's), not armed groups without a state (UAF) nor the nonlocal roles above.
SCENE_CODES = frozenset({"OPP", "PTY", "CVL", "COP", "REB", "MIL", "SPY", "LEG", "JUD", "LAB", "BUS", "EDU", "CRM", "ELI", "AGR", "REL"})
# the actors that set such a scene: a state and its organs, its armed groups or political opposition (not
# its civilians, refugees, firms or media, often abroad: "rebels freed a Japanese citizen")
SCENE_EVIDENCE = frozenset({"GOV", "MIL", "COP", "SPY", "LEG", "JUD", "REB", "INS", "OPP", "PTY", "ELI", "UAF"})
# a government's own domestic counterparts: they place an unknown government in their country
DOMESTIC_EVIDENCE = frozenset({"OPP", "JUD", "LEG", "REB", "INS", "PTY"})

# heads whose proper-noun modifier is usually a person, not a place ("the Lincoln administration",
# "Jackson aides"): a gazetteer place there is not evidence of the agent's country
PERSONAL_HEADS = frozenset(
    """administration government regime campaign cabinet aide adviser advisor loyalist supporter ally
    spokesman spokeswoman spokesperson camp team family""".split()
)

# a US legislator's party and state in brackets ("D-N.C.", "R-Ohio", "I-Vt."): folded it would read
# as a party's acronym ("DNC"); it says the legislator is American
AFFILIATION = re.compile(r"^[DRI]-[A-Z][A-Za-z.]*$")


def affiliation_at(texts: list[str], i: int) -> bool:
    """Does a US party affiliation open at token i: "D-N.C." as one token, or "(R - Ohio)" with the party
    letter and the hyphen apart after a bracket?"""
    if not 0 <= i < len(texts):
        return False
    return bool(AFFILIATION.match(texts[i])) or (texts[i] in ("D", "R", "I") and 0 < i < len(texts) - 1 and texts[i - 1] == "("
                                                  and texts[i + 1] in HYPHENS)


# roles whose holders named without a country are of the story's country ("Sen. Jeff Merkley" in a story
# about American politics): lawmakers; a named president or minister may be another country's
NAMED_STORY_ROLES = frozenset({"LEG"})

# last words of capitalised names that name a place, a body or a thing after a person ("John Jay College",
# "Ronald Reagan Airport", "the Steve Harvey Show"): no person's name
NAME_STOP_NOUNS = frozenset(
    """academy act administration agency airport alliance arena associates avenue award band boulevard bridge
    building campaign center centre church city club college committee company corporation council county
    court day district doctrine drive elementary foundation fund group hall highway hospital hotel house
    inc institute island lake law league library llc ltd memorial museum network park party plan plaza
    prize project report road school show square stadium station street studio studios theater theatre
    tower trust university way""".split()
)

# words inside a name that join its parts ("Salman bin Abdulaziz", "Charles de Gaulle", "Rio de Janeiro")
NAME_GLUE = frozenset({"bin", "ibn", "bint", "abu", "al", "el", "de", "del", "da", "do", "dos", "van", "von", "der", "le", "la", "-"})

# abbreviated titles before a name, with their full stop, and the role word they stand for
TITLE_ABBREVIATIONS = {"Sen.": "senator", "Sens.": "senator", "Rep.": "congressman", "Reps.": "congressman", "Gov.": "governor"}

# honorifics before a surname ("Mr. Bush"); stripped when a surname is matched, never a title
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "madam", "madame", "mme", "m"})

# US state abbreviations in AP datelines ("PORTLAND, Ore. (AP) -")
AP_STATES = frozenset(AP_STATE_CODES)

# nouns of gatherings: where they take place says nothing of who takes part ("rebels at peace talks in
# Juba", "officials at a meeting in Geneva")
EVENT_NOUNS = frozenset(
    """talk talks meeting conference summit negotiation negotiations ceremony visit session forum
    gathering dialogue round event convention exercise drill games olympics tournament match trip
    tour funeral wedding hearing""".split()
)
# verbs whose place is a venue, not a home: "officials met in Geneva", "leaders gathered in Brussels",
# "the minister told reporters in Kabul"
VENUE_VERBS = frozenset(
    """meet gather convene visit travel arrive fly land attend hold host sign negotiate talk say tell
    speak announce state declare address brief stop stay""".split()
)

# places named after a country that are not in it, or not in it alone: "in the Taiwan Strait", "in the
# South China Sea", "near the Syrian border"
SHARED_PLACES = frozenset(
    """strait straits sea gulf ocean channel waters border borders frontier boundary""".split()
)
# possessive determiners: "its own citizens", "their leaders" refer back to an actor, not to the place
# of the story
POSSESSIVE_PRONOUNS = frozenset({"its", "their", "his", "her", "our", "my", "your"})


_BUILT: dict[tuple[str, int], tuple[weakref.ref, object]] = {}


def per_dictionaries(name: str, dicts, build):
    """``build(dicts)`` made once per dictionaries object (and again if its actors changed): the tables
    the actor rules derive from the dictionaries (countries by ISO code, people by surname)."""
    hit = _BUILT.get((name, id(dicts)))
    if hit is not None and hit[0]() is dicts and hit[1].size == len(dicts.actors):
        return hit[1]
    built = build(dicts)
    for key in [k for k, (ref, _) in _BUILT.items() if ref() is None]:
        del _BUILT[key]
    _BUILT[(name, id(dicts))] = (weakref.ref(dicts), built)
    return built
