"""Actor, event and quote rules on hand-built parses (no spaCy model), with small inline dictionaries
so each rule is tested on its own (STYLE.md 7)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from detente.actors import ActorStage
from detente.attribution import AttributionStage
from detente.stages import Tracer
from detente.dictionaries import Dictionaries, default_dictionary_dir
from detente.dictionaries.native import load_native
from detente.events import EventStage
from detente.model import CodedArticle
from detente.quotes import QuoteStage

from conftest import make_doc

DICT = """
[synsets]
RELATIONS = ["relations", "ties"]

[[country]]
code = "RUS"
names = ["Russia"]
adjectives = ["Russian"]
capitals = ["Moscow"]

[[country]]
code = "USA"
names = ["United States", "U.S."]
adjectives = ["American"]
capitals = ["Washington"]

[[country]]
code = "CHN"
names = ["China"]

[[actor]]
names = ["Kremlin"]
code = "RUSGOV"
kind = "government"

[[actor]]
names = ["Sergey Lavrov", "Lavrov"]
kind = "person"
code = "RUSELI"
codes = [{ code = "RUSGOV", from = 2004-03-09 }]

[[agent]]
code = "GOV"
names = ["spokesperson", "foreign minister", "government"]

[[agent]]
code = "MIL"
names = ["troop"]

[[pattern]]
code = "111"
verbs = ["criticize"]

[[pattern]]
code = "030"
verbs = ["want"]
patterns = ["* good &RELATIONS with +"]

[[pattern]]
code = "163"
nouns = ["sanction"]
patterns = ["* against +"]

[[pattern]]
code = "130"
verbs = ["pose"]
patterns = ["* threat to +"]

[[pattern]]
code = "010"
verbs = ["say"]
"""


@pytest.fixture(scope="module")
def dicts(tmp_path_factory):
    path = tmp_path_factory.mktemp("d") / "test.toml"
    path.write_text(DICT, encoding="utf-8")
    d = Dictionaries()
    load_native(default_dictionary_dir() / "rules.toml", d)  # the engine's rules and word lists
    load_native(path, d)
    return d


def code(doc, dicts, stages=("actors", "events")):
    coded = CodedArticle(doc.article, doc)
    for name in stages:
        stage = {"actors": ActorStage(dicts), "events": EventStage(dicts), "quotes": QuoteStage(dicts.rules),
                 "attribution": AttributionStage(dicts.rules)}[name]
        coded = stage(coded, Tracer(name, True))
    return coded


def triples(coded):
    return [(e.source.code if e.source else None, e.cameo, e.target.code if e.target else None, e.modality) for e in coded.events]


# "Russia criticized the United States."
CRITICIZE = [[("Russia", "Russia", "PROPN", "nsubj", 1), ("criticized", "criticize", "VERB", "ROOT", 1),
              ("the", "the", "DET", "det", 4), ("United", "United", "PROPN", "compound", 4),
              ("States", "States", "PROPN", "dobj", 1), (".", ".", "PUNCT", "punct", 1)]]


def test_subject_verb_object(dicts):
    assert triples(code(make_doc(CRITICIZE), dicts)) == [("RUS", "111", "USA", "asserted")]


def test_event_carries_codes_offsets_and_rule(dicts):
    coded = code(make_doc(CRITICIZE), dicts)
    [e] = coded.events
    assert (e.plover, e.quad_class, e.goldstein) == ("ACCUSE", 3, -2.0)
    assert coded.article.text[e.trigger[0] : e.trigger[1]] == "criticized"
    assert e.rule == "test:criticize:*" and e.date == date(2021, 4, 15)
    assert dicts.patterns_by_id[e.rule].where == "test.toml:40"
    assert e.source.via.startswith("test.toml:")


@pytest.mark.parametrize(
    "words, expected",
    [
        pytest.param(
            # Russia said it wants good relations with the United States.
            [("Russia", "Russia", "PROPN", "nsubj", 1), ("said", "say", "VERB", "ROOT", 1), ("it", "it", "PRON", "nsubj", 3),
             ("wants", "want", "VERB", "ccomp", 1), ("good", "good", "ADJ", "amod", 5), ("relations", "relation", "NOUN", "dobj", 3),
             ("with", "with", "ADP", "prep", 5), ("the", "the", "DET", "det", 9), ("United", "United", "PROPN", "compound", 9),
             ("States", "States", "PROPN", "pobj", 6), (".", ".", "PUNCT", "punct", 1)],
            [("RUS", "030", "USA", "asserted")],
            id="pronoun-subject-and-synset",
        ),
        pytest.param(
            # Washington will announce new sanctions against Moscow.
            [("Washington", "Washington", "PROPN", "nsubj", 2), ("will", "will", "AUX", "aux", 2), ("announce", "announce", "VERB", "ROOT", 2),
             ("new", "new", "ADJ", "amod", 4), ("sanctions", "sanction", "NOUN", "dobj", 2), ("against", "against", "ADP", "prep", 4),
             ("Moscow", "Moscow", "PROPN", "pobj", 5), (".", ".", "PUNCT", "punct", 2)],
            [("USA", "1312", "RUS", "planned")],  # announced sanctions are a threat to sanction (CAMEO 13)
            id="noun-trigger-planned",
        ),
        pytest.param(
            # Russia does not pose a threat to the United States.
            [("Russia", "Russia", "PROPN", "nsubj", 3), ("does", "do", "AUX", "aux", 3), ("not", "not", "PART", "neg", 3),
             ("pose", "pose", "VERB", "ROOT", 3), ("a", "a", "DET", "det", 5), ("threat", "threat", "NOUN", "dobj", 3),
             ("to", "to", "ADP", "prep", 5), ("the", "the", "DET", "det", 9), ("United", "United", "PROPN", "compound", 9),
             ("States", "States", "PROPN", "pobj", 6), (".", ".", "PUNCT", "punct", 3)],
            [("RUS", "130", "USA", "negated")],
            id="negation",
        ),
        pytest.param(
            # The United States was criticized by Russia and China.
            [("The", "the", "DET", "det", 2), ("United", "United", "PROPN", "compound", 2), ("States", "States", "PROPN", "nsubjpass", 4),
             ("was", "be", "AUX", "auxpass", 4), ("criticized", "criticize", "VERB", "ROOT", 4), ("by", "by", "ADP", "agent", 4),
             ("Russia", "Russia", "PROPN", "pobj", 5), ("and", "and", "CCONJ", "cc", 6), ("China", "China", "PROPN", "conj", 6),
             (".", ".", "PUNCT", "punct", 4)],
            [("RUS", "111", "USA", "asserted"), ("CHN", "111", "USA", "asserted")],
            id="passive-compound-source",
        ),
    ],
)
def test_event_rules(dicts, words, expected):
    assert triples(code(make_doc([words]), dicts)) == expected


def test_compound_events_are_marked(dicts):
    # Russia and China criticized Washington.
    words = [("Russia", "Russia", "PROPN", "nsubj", 3), ("and", "and", "CCONJ", "cc", 0), ("China", "China", "PROPN", "conj", 0),
             ("criticized", "criticize", "VERB", "ROOT", 3), ("Washington", "Washington", "PROPN", "dobj", 3)]
    coded = code(make_doc([words]), dicts)
    assert triples(coded) == [("RUS", "111", "USA", "asserted"), ("CHN", "111", "USA", "asserted")]
    assert all(e.compound for e in coded.events)


def test_statement_without_target_is_not_an_event(dicts):
    words = [("Russia", "Russia", "PROPN", "nsubj", 1), ("said", "say", "VERB", "ROOT", 1), ("nothing", "nothing", "PRON", "dobj", 1)]
    assert triples(code(make_doc([words]), dicts)) == []


@pytest.mark.parametrize(
    "words, when, expected",
    [
        pytest.param(
            # Kremlin spokesperson Dmitry Peskov
            [("Kremlin", "Kremlin", "PROPN", "compound", 1), ("spokesperson", "spokesperson", "NOUN", "compound", 3),
             ("Dmitry", "Dmitry", "PROPN", "compound", 3), ("Peskov", "Peskov", "PROPN", "ROOT", 3)],
            date(2021, 4, 15), [("Kremlin spokesperson Dmitry Peskov", "RUSGOV", "Dmitry Peskov")], id="seat-role-unknown-name",
        ),
        pytest.param(
            # Russian troops
            [("Russian", "Russian", "ADJ", "amod", 1), ("troops", "troop", "NOUN", "ROOT", 1)],
            None, [("Russian troops", "RUSMIL", None)], id="adjective-agent-plural",
        ),
        pytest.param(
            # Russia's foreign minister Sergey Lavrov
            [("Russia", "Russia", "PROPN", "poss", 3), ("'s", "'s", "PART", "case", 0), ("foreign", "foreign", "ADJ", "amod", 3),
             ("minister", "minister", "NOUN", "compound", 5), ("Sergey", "Sergey", "PROPN", "compound", 5), ("Lavrov", "Lavrov", "PROPN", "ROOT", 5)],
            date(2021, 4, 15), [("Russia's foreign minister Sergey Lavrov", "RUSGOV", "Sergey Lavrov")], id="possessive-role-person",
        ),
        pytest.param(
            [("Lavrov", "Lavrov", "PROPN", "ROOT", 0)], date(2001, 1, 1), [("Lavrov", "RUSELI", "Sergey Lavrov")], id="date-before-office",
        ),
        pytest.param(
            # the government
            [("the", "the", "DET", "det", 1), ("government", "government", "NOUN", "ROOT", 1)],
            None, [("government", "---GOV", None)], id="agent-without-country",
        ),
        pytest.param(
            # Russian oil -- an adjective alone is not an actor
            [("Russian", "Russian", "ADJ", "amod", 1), ("oil", "oil", "NOUN", "ROOT", 1)], None, [], id="adjective-alone",
        ),
        pytest.param(
            # let us -- the pronoun is never the United States
            [("let", "let", "VERB", "ROOT", 0), ("us", "we", "PRON", "dobj", 0)], None, [], id="pronoun-us",
        ),
    ],
)
def test_actor_composition(dicts, words, when, expected):
    coded = code(make_doc([words], published=when), dicts, stages=("actors",))
    assert [(m.text, m.code, m.name) for m in coded.mentions if m.kind != "pronoun"] == expected


def test_pronoun_it_resolves_to_nearest_body(dicts):
    words = [("Moscow", "Moscow", "PROPN", "nsubj", 1), ("said", "say", "VERB", "ROOT", 1), ("it", "it", "PRON", "nsubj", 3), ("agreed", "agree", "VERB", "ccomp", 1)]
    coded = code(make_doc([words]), dicts, stages=("actors",))
    pron = [m for m in coded.mentions if m.kind == "pronoun"]
    assert [(p.text, p.code, p.via) for p in pron] == [("it", "RUS", "coref:0-6")]


@pytest.mark.parametrize(
    "code, future",
    [("163", "1312"), ("0841", "0353"), ("042", "036"), ("072", "0332"), ("190", "1384"), ("1723", "1323"), ("111", None), ("010", None), ("130", None)],
)
def test_future_actions_code_as_intent_or_threat(dicts, code, future):
    found = dicts.rules.rewrite("planned", code)
    assert (found[0] if found else None) == future


@pytest.mark.parametrize(
    "code, refusal",
    [("085", "1244"), ("0841", "1243"), ("046", "125"), ("057", "127"), ("0353", "1243"), ("190", None), ("111", None)],
)
def test_cooperation_one_will_not_undertake_is_a_refusal(dicts, code, refusal):
    found = dicts.rules.rewrite("refused", code)
    assert (found[0] if found else None) == refusal


def test_will_not_codes_a_refusal(dicts, tmp_path):
    # Russia will not criticize China -> negated (a refusal applies to cooperation, not to criticism)
    words = [("Russia", "Russia", "PROPN", "nsubj", 3), ("will", "will", "AUX", "aux", 3), ("not", "not", "PART", "neg", 3),
             ("criticize", "criticize", "VERB", "ROOT", 3), ("China", "China", "PROPN", "dobj", 3)]
    assert triples(code(make_doc([words]), dicts)) == [("RUS", "111", "CHN", "negated")]


def test_the_two_countries_are_the_article_s_two_parties(dicts):
    # Russia met China. Russia wants good ties with the two countries... -> here: "the two countries"
    s1 = [("Russia", "Russia", "PROPN", "nsubj", 1), ("criticized", "criticize", "VERB", "ROOT", 1), ("China", "China", "PROPN", "dobj", 1)]
    s2 = [("Moscow", "Moscow", "PROPN", "nsubj", 1), ("criticized", "criticize", "VERB", "ROOT", 1), ("the", "the", "DET", "det", 4),
          ("two", "two", "NUM", "nummod", 4), ("countries", "country", "NOUN", "dobj", 1)]
    coded = code(make_doc([s1, s2]), dicts)
    [two] = [m for m in coded.mentions if m.resolution == "parties"]
    assert (two.text, two.code) == ("the two countries", "CHN/RUS")
    # Moscow (RUS) acts on the other party only
    assert triples(coded)[1:] == [("RUS", "111", "CHN", "asserted")]


def test_we_inside_a_quotation_is_the_speaker(dicts):
    from detente.model import Mention, Quote

    # We criticized Washington (inside a quotation whose speaker is the Kremlin)
    words = [("We", "we", "PRON", "nsubj", 1), ("criticized", "criticize", "VERB", "ROOT", 1), ("Washington", "Washington", "PROPN", "dobj", 1)]
    coded = code(make_doc([words]), dicts)
    [event] = coded.events
    assert event.source.resolution == "first-person"
    speaker = Mention(100, 107, "Kremlin", "RUSGOV", "government", "test")
    quote = Quote("t:q1", "t", "direct", ((0, 25),), "Kremlin", speaker, None, None)
    resolved = AttributionStage(dicts.rules)(replace(coded, quotes=(quote,)))
    assert triples(resolved) == [("RUSGOV", "111", "USA", "asserted")]
    assert resolved.events[0].quote_id == "t:q1" and resolved.events[0].source.resolution == "speaker"
    # outside any quotation "we" names nobody: the event is dropped
    assert AttributionStage(dicts.rules)(coded).events == ()


@pytest.mark.parametrize("article_id", ["t", "x:qe1"], ids=["plain-id", "id-containing-qe"])
def test_a_statement_already_coded_by_the_event_stage_is_one_event(dicts, article_id):
    from detente.model import Quote

    coded = code(make_doc(CRITICIZE, article_id=article_id), dicts)
    [event] = coded.events
    quote = Quote(f"{article_id}:q1", article_id, "indirect", ((20, 35),), "Russia", event.source, event.trigger, "criticize")
    # the attribution stage makes a statement of the quotation (criticize -> 111) on the same trigger:
    # one event, the pattern's, linked to the quotation, whatever the article id looks like
    result = AttributionStage(dicts.rules)(replace(coded, quotes=(quote,)))
    assert [(e.id, e.quote_id, e.origin) for e in result.events] == [(event.id, f"{article_id}:q1", "pattern")]


@pytest.mark.parametrize("code, demand", [("0871", "1056"), ("0841", "1053"), ("046", "106"), ("054", "102"), (None, "100"), ("190", "100")])
def test_demand_codes(dicts, code, demand):
    assert dicts.rules.rewrite("demanded", code)[0] == demand


def test_an_obligation_under_a_reporting_verb_is_a_demand(dicts):
    # Moscow said Washington must criticize China. (the obliged action has a pattern: 111)
    words = [("Moscow", "Moscow", "PROPN", "nsubj", 1), ("said", "say", "VERB", "ROOT", 1),
             ("Washington", "Washington", "PROPN", "nsubj", 4), ("must", "must", "AUX", "aux", 4),
             ("criticize", "criticize", "VERB", "ccomp", 1), ("China", "China", "PROPN", "dobj", 4)]
    got = triples(code(make_doc([words]), dicts))
    assert ("RUS", "100", "USA", "asserted") in got
    assert ("USA", "111", "CHN", "hypothetical") in got


ROLES_DICT = DICT + """
[[country]]
code = "IND"
names = ["India"]
adjectives = ["Indian"]

[[country]]
code = "PAK"
names = ["Pakistan"]
adjectives = ["Pakistani"]

[[agent]]
code = "MIL"
alone = false
names = ["air strike", "missile"]

[[pattern]]
code = "190"
verbs = ["exchange", "fire"]
"""


@pytest.fixture(scope="module")
def role_dicts(tmp_path_factory):
    path = tmp_path_factory.mktemp("r") / "roles.toml"
    path.write_text(ROLES_DICT, encoding="utf-8")
    d = Dictionaries()
    load_native(default_dictionary_dir() / "rules.toml", d)  # the engine's rules and word lists
    load_native(path, d)
    return d


def test_a_role_is_shared_by_coordinated_adjectives(role_dicts):
    # Indian and Pakistani troops exchanged fire.
    words = [("Indian", "indian", "ADJ", "amod", 3), ("and", "and", "CCONJ", "cc", 0), ("Pakistani", "pakistani", "ADJ", "conj", 0),
             ("troops", "troop", "NOUN", "nsubj", 4), ("exchanged", "exchange", "VERB", "ROOT", 4), ("fire", "fire", "NOUN", "dobj", 4)]
    coded = code(make_doc([words]), role_dicts)
    assert [(m.text, m.code) for m in coded.mentions] == [("Indian", "INDMIL"), ("Pakistani troops", "PAKMIL")]
    assert sorted(triples(coded)) == [("INDMIL", "190", "PAKMIL", "asserted"), ("PAKMIL", "190", "INDMIL", "asserted")]


def test_a_weapon_names_an_actor_only_with_its_country(role_dicts):
    # Indian missiles ... / fired missiles
    with_country = [("Indian", "indian", "ADJ", "amod", 1), ("missiles", "missile", "NOUN", "ROOT", 1)]
    alone = [("fired", "fire", "VERB", "ROOT", 0), ("missiles", "missile", "NOUN", "dobj", 0)]
    assert [m.code for m in code(make_doc([with_country]), role_dicts, stages=("actors",)).mentions] == ["INDMIL"]
    assert code(make_doc([alone]), role_dicts, stages=("actors",)).mentions == ()


def test_a_plus_before_the_trigger_needs_the_subject_to_be_an_actor(tmp_path):
    path = tmp_path / "judge.toml"
    path.write_text('[[country]]\ncode = "RUS"\nnames = ["Russia"]\n\n'
                    '[[pattern]]\ncode = "051"\nverbs = ["be"]\npatterns = ["+ * useful"]\n', encoding="utf-8")
    d = Dictionaries()
    load_native(default_dictionary_dir() / "rules.toml", d)
    load_native(path, d)
    said = ("said", "say", "VERB", "ROOT", 1)
    # Russia said the talks were useful -> no event: "the talks" is no actor, and Russia is not the target
    talks = [("Russia", "Russia", "PROPN", "nsubj", 1), said, ("the", "the", "DET", "det", 3),
             ("talks", "talk", "NOUN", "nsubj", 4), ("were", "be", "AUX", "ccomp", 1), ("useful", "useful", "ADJ", "acomp", 4)]
    assert triples(code(make_doc([talks]), d)) == []
    # the judged subject is an actor: Russia is useful (no source, as nobody above says it)
    russia = [("Russia", "Russia", "PROPN", "nsubj", 1), ("is", "be", "AUX", "ROOT", 1), ("useful", "useful", "ADJ", "acomp", 1)]
    assert triples(code(make_doc([russia]), d)) == [(None, "051", "RUS", "asserted")]


def test_a_participle_used_as_a_preposition_is_not_its_verb():
    from detente.doc import SentenceView

    words = [("According", "accord", "VBG", "prep", 3), ("to", "to", "ADP", "prep", 0), ("officials", "official", "NOUN", "pobj", 1),
             ("talks", "talk", "NOUN", "ROOT", 3)]
    view = SentenceView(make_doc([words]).sentences[0], [])
    assert view.lemma[0] == "according"


def test_event_ids_are_unique_and_in_text_order(dicts):
    # two sentences, several events, one filtered (the targetless duplicate): ids stay e1..en
    s2 = [("Moscow", "Moscow", "PROPN", "nsubj", 1), ("criticized", "criticize", "VERB", "ROOT", 1), ("China", "China", "PROPN", "dobj", 1)]
    coded = code(make_doc([CRITICIZE[0], s2]), dicts)
    assert [e.id for e in coded.events] == [f"t:e{n}" for n in range(1, len(coded.events) + 1)]


@pytest.mark.parametrize(
    ("scope", "expected"),
    [("sentence", [("RUS", "111", "USA", "asserted")]), ("story", [])],
    ids=["sentence-discard-drops-its-sentence", "story-discard-drops-the-article"],
)
def test_a_discard_drops_its_sentence_or_the_whole_story(tmp_path, scope, expected):
    (tmp_path / "test.toml").write_text(DICT, encoding="utf-8")
    (tmp_path / "sports.toml").write_text(f'[[discard]]\nnames = ["penalty shootout"]\nscope = "{scope}"\n', encoding="utf-8")
    d = Dictionaries()
    load_native(default_dictionary_dir() / "rules.toml", d)
    load_native(tmp_path / "test.toml", d)
    load_native(tmp_path / "sports.toml", d)
    # Russia criticized the United States. Moscow criticized China after a penalty shootout.
    s2 = [("Moscow", "Moscow", "PROPN", "nsubj", 1), ("criticized", "criticize", "VERB", "ROOT", 1), ("China", "China", "PROPN", "dobj", 1),
          ("after", "after", "ADP", "prep", 1), ("a", "a", "DET", "det", 6), ("penalty", "penalty", "NOUN", "compound", 6),
          ("shootout", "shootout", "NOUN", "pobj", 3)]
    assert triples(code(make_doc([CRITICIZE[0], s2]), d)) == expected


def test_pronoun_it_is_not_resolved_past_a_nearer_subject_that_is_no_actor(dicts):
    # Moscow waited . The committee said it agreed .  ("it" is the committee, not Moscow)
    first = [("Moscow", "Moscow", "PROPN", "nsubj", 1), ("waited", "wait", "VERB", "ROOT", 1), (".", ".", "PUNCT", "punct", 1)]
    second = [("The", "the", "DET", "det", 1), ("committee", "committee", "NOUN", "nsubj", 2), ("said", "say", "VERB", "ROOT", 2),
              ("it", "it", "PRON", "nsubj", 4), ("agreed", "agree", "VERB", "ccomp", 2)]
    doc = make_doc([first, second])
    s = doc.sentences[1]
    doc = replace(doc, sentences=(doc.sentences[0], replace(s, tokens=(s.tokens[0], replace(s.tokens[1], tag="NN")) + s.tokens[2:])))
    coded = code(doc, dicts, stages=("actors",))
    assert [m for m in coded.mentions if m.kind == "pronoun"] == []


def test_a_personal_pronoun_does_not_reach_back_past_three_sentences(dicts):
    # Lavrov waited . Rain fell . Rain fell . Rain fell . He agreed .  (five sentences: "he" is not Lavrov)
    lavrov = [("Lavrov", "Lavrov", "PROPN", "nsubj", 1), ("waited", "wait", "VERB", "ROOT", 1), (".", ".", "PUNCT", "punct", 1)]
    rain = [("Rain", "rain", "NOUN", "nsubj", 1), ("fell", "fall", "VERB", "ROOT", 1), (".", ".", "PUNCT", "punct", 1)]
    he = [("He", "he", "PRON", "nsubj", 1), ("agreed", "agree", "VERB", "ROOT", 1), (".", ".", "PUNCT", "punct", 1)]
    near = code(make_doc([lavrov, rain, he]), dicts, stages=("actors",))
    far = code(make_doc([lavrov, rain, rain, rain, he]), dicts, stages=("actors",))
    assert [m.name for m in near.mentions if m.kind == "pronoun"] == ["Sergey Lavrov"]
    assert [m for m in far.mentions if m.kind == "pronoun"] == []
