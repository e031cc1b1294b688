"""Model round-trips: from_dict(to_dict(x)) == x, JSON-safe dicts, pickling (STYLE.md 2)."""

from __future__ import annotations

import json
import pickle
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from detente.model import Article, CodedArticle, Event, Mention, ParsedDoc, Problem, Quote, Sentence, Token

text = st.text(max_size=40)
small = st.integers(min_value=0, max_value=10_000)
spans = st.tuples(small, small)
dates = st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1)))
codes = st.from_regex(r"[A-Z]{3}[A-Z]{0,3}", fullmatch=True)

articles = st.builds(
    Article,
    id=st.text(min_size=1, max_size=20),
    text=text,
    title=st.one_of(st.none(), text),
    url=st.one_of(st.none(), text),
    source=st.one_of(st.none(), text),
    published=dates,
    language=st.sampled_from(["en", "fr"]),
    meta=st.lists(st.tuples(st.text(min_size=1, max_size=5), text), max_size=3, unique_by=lambda kv: kv[0]).map(
        lambda kvs: tuple(sorted(kvs))
    ),
)
tokens = st.builds(Token, i=small, start=small, end=small, text=text, lemma=text, pos=text, tag=text, dep=text, head=small, ent=text)
sentences = st.builds(Sentence, index=small, start=small, end=small, tokens=st.lists(tokens, max_size=4).map(tuple))
docs = st.builds(ParsedDoc, article=articles, sentences=st.lists(sentences, max_size=3).map(tuple))
mentions = st.builds(Mention, start=small, end=small, text=text, code=codes, kind=st.sampled_from(["country", "person"]), via=text, name=st.one_of(st.none(), text))
events = st.builds(
    Event,
    id=text, article_id=text, sentence=small, date=dates,
    source=st.one_of(st.none(), mentions), target=st.one_of(st.none(), mentions),
    cameo=st.from_regex(r"[0-2][0-9]{1,3}", fullmatch=True), plover=st.one_of(st.none(), st.sampled_from(["AGREE", "ACCUSE"])),
    plover_mode=st.one_of(st.none(), text), quad_class=st.one_of(st.none(), st.integers(1, 4)),
    goldstein=st.one_of(st.none(), st.floats(-10, 10)), modality=st.sampled_from(["asserted", "planned", "negated"]),
    quote_id=st.one_of(st.none(), text), evidence=spans, trigger=spans, rule=text, compound=st.booleans(),
)
quotes = st.builds(
    Quote,
    id=text, article_id=text, kind=st.sampled_from(["direct", "indirect", "mixed"]),
    content=st.lists(spans, min_size=1, max_size=3).map(tuple), speaker_text=st.one_of(st.none(), text),
    speaker=st.one_of(st.none(), mentions), cue=st.one_of(st.none(), spans), cue_lemma=st.one_of(st.none(), text),
    floating=st.booleans(), speaker_name=st.one_of(st.none(), text), via=text, speaker_role=st.one_of(st.none(), text),
)
problems = st.builds(Problem, stage=text, message=text, where=st.one_of(st.none(), text))
coded = st.builds(
    CodedArticle,
    article=articles, doc=st.one_of(st.none(), docs), mentions=st.lists(mentions, max_size=3).map(tuple),
    events=st.lists(events, max_size=3).map(tuple), quotes=st.lists(quotes, max_size=3).map(tuple),
    problems=st.lists(problems, max_size=2).map(tuple),
)


@settings(max_examples=60)
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
