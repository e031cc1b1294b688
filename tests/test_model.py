"""Model round-trips: from_dict(to_dict(x)) == x, JSON-safe dicts, pickling (STYLE.md 2)."""

from __future__ import annotations

import json
import pickle
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from detente.model import (
    ORIGINS,
    RESOLUTIONS,
    SEVERITIES,
    Article,
    CodedArticle,
    Event,
    Ingested,
    Mention,
    ParsedDoc,
    Problem,
    Quote,
    Sentence,
    Token,
)

text = st.text(max_size=40)
small = st.integers(min_value=0, max_value=10_000)
spans = st.tuples(small, small)
dates = st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1)))
codes = st.from_regex(r"[A-Z]{3}[A-Z]{0,3}", fullmatch=True)

# ids of every shape, ':qe' and ':e1' included: nothing may read meaning into an id
ids = st.one_of(st.text(min_size=1, max_size=20), st.sampled_from(["a:qe1", "x:e2", "feed:3", "stdin"]))
articles = st.builds(
    Article,
    id=ids,
    text=text,
    title=st.one_of(st.none(), text),
    url=st.one_of(st.none(), text),
    source=st.one_of(st.none(), text),
    published=dates,
    language=st.sampled_from(["en", "fr"]),
    meta=st.lists(st.tuples(st.sampled_from(["source", "problem", "k"]), text), max_size=4).map(tuple),  # keys may repeat
)
tokens = st.builds(Token, i=small, start=small, end=small, text=text, lemma=text, pos=text, tag=text, dep=text, head=small, ent=text)
sentences = st.builds(Sentence, index=small, start=small, end=small, tokens=st.lists(tokens, max_size=4).map(tuple))
docs = st.builds(ParsedDoc, article=articles, sentences=st.lists(sentences, max_size=3).map(tuple))
mentions = st.builds(
    Mention, start=small, end=small, text=text, code=codes, kind=st.sampled_from(["country", "person", "pronoun", "given"]), via=text,
    name=st.one_of(st.none(), text), resolution=st.sampled_from(RESOLUTIONS), antecedent=st.one_of(st.none(), spans),
    given=st.sampled_from([None, "source", "target"]),
)
events = st.builds(
    Event,
    id=ids, article_id=ids, sentence=small, date=dates,
    source=st.one_of(st.none(), mentions), target=st.one_of(st.none(), mentions),
    cameo=st.from_regex(r"[0-2][0-9]{1,3}", fullmatch=True), plover=st.one_of(st.none(), st.sampled_from(["AGREE", "ACCUSE"])),
    plover_mode=st.one_of(st.none(), text), quad_class=st.one_of(st.none(), st.integers(1, 4)),
    goldstein=st.one_of(st.none(), st.floats(-10, 10)), modality=st.sampled_from(["asserted", "planned", "negated"]),
    quote_id=st.one_of(st.none(), text), evidence=spans, trigger=spans, rule=text, compound=st.booleans(),
    origin=st.sampled_from(ORIGINS),
)
quotes = st.builds(
    Quote,
    id=text, article_id=text, kind=st.sampled_from(["direct", "indirect", "mixed"]),
    content=st.lists(spans, min_size=1, max_size=3).map(tuple), speaker_text=st.one_of(st.none(), text),
    speaker=st.one_of(st.none(), mentions), cue=st.one_of(st.none(), spans), cue_lemma=st.one_of(st.none(), text),
    floating=st.booleans(), speaker_name=st.one_of(st.none(), text), via=text, speaker_role=st.one_of(st.none(), text),
)
problems = st.builds(
    Problem, stage=st.sampled_from(["ingest", "parse", "events", "quotes", "dictionaries"]), message=text,
    where=st.one_of(st.none(), text), severity=st.sampled_from(SEVERITIES), article=st.one_of(st.none(), ids),
)
coded = st.builds(
    CodedArticle,
    article=articles, doc=st.one_of(st.none(), docs), mentions=st.lists(mentions, max_size=3).map(tuple),
    events=st.lists(events, max_size=3).map(tuple), quotes=st.lists(quotes, max_size=3).map(tuple),
    problems=st.lists(problems, max_size=4).map(tuple),  # several problems on one article, as in real runs
)


@settings(max_examples=100)
@given(st.one_of(articles, tokens, sentences, docs, mentions, events, quotes, problems, coded))
def test_round_trip_through_json(obj):
    data = json.loads(json.dumps(obj.to_dict()))
    assert type(obj).from_dict(data) == obj


@settings(max_examples=30)
@given(coded)
def test_pickles(obj):
    assert pickle.loads(pickle.dumps(obj)) == obj


def test_models_are_frozen():
    m = Mention(0, 6, "Russia", "RUS", "country", "countries.toml:1")
    try:
        m.code = "USA"  # type: ignore[misc]
    except AttributeError:
        pass
    else:  # pragma: no cover
        raise AssertionError("Mention should be frozen")


def test_article_id_fallback_is_stable():
    assert Article.make_id("some text") == Article.make_id("some text")
    assert Article.make_id("x", url="http://a") != Article.make_id("x", url="http://b")


def test_an_article_with_several_problems_and_a_qe_id_round_trips():
    article = Article("wire:qe7", "text", meta=(("source", "a"), ("source", "b")))
    two = (Problem("ingest", "invalid UTF-8", "f.txt:3", "error", "wire:qe7"), Problem("quotes", "unpaired mark", None, "warning", "wire:qe7"))
    coded = CodedArticle(article, None, problems=two)
    assert CodedArticle.from_dict(json.loads(json.dumps(coded.to_dict()))) == coded
    assert Ingested(article, two).article is article


def test_a_jsonl_style_meta_mapping_is_read():
    assert Article.from_dict({"id": "a", "text": "t", "meta": {"source": "x"}}).meta == (("source", "x"),)
