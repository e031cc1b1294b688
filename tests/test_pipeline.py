"""The one loop: stages from the registry, users' own stages, wiring checked at build time, failures
recorded on the article, rejected input never lost. Given parses only: no spaCy model is loaded."""

from __future__ import annotations

import pytest

import detente
from detente.errors import InputError, PipelineError
from detente.model import Ingested, Problem
from detente.pipeline import Pipeline
from detente.settings import Settings

from conftest import make_doc

CRITICIZE = [[("Russia", "Russia", "PROPN", "nsubj", 1), ("criticized", "criticize", "VERB", "ROOT", 1), ("China", "China", "PROPN", "dobj", 1)]]


class Counter:
    """A user's stage: counts the actor mentions and says so in the trace."""

    name, reads, adds = "counter", ("mentions",), ()

    def __call__(self, coded, trace):
        trace("counter:mentions", "counted", str(len(coded.mentions)))
        if any(m.code == "CHN" for m in coded.mentions) and coded.article.id == "fail":
            raise RuntimeError("no China today")
        return coded


@pytest.fixture(scope="module")
def base(dictionaries):
    return Pipeline(Settings(), dictionaries=dictionaries)


def test_stages_come_from_the_registry_in_the_settings_order(base):
    assert [s.name for s in base.stages] == ["actors", "events", "quotes", "attribution", "selection", "geo"]


def test_an_unknown_stage_names_the_registered_ones(dictionaries):
    with pytest.raises(PipelineError, match="unknown stage 'sentiment'; registered stages: .*actors.*attribution.*geo"):
        Pipeline(Settings().with_(stages=("actors", "sentiment")), dictionaries=dictionaries)


def test_a_registered_user_stage_runs_in_the_loop_with_its_trace(dictionaries):
    detente.register_stage("counter")(lambda context: Counter())
    p = Pipeline(Settings().with_(stages=("actors", "counter", "events")), dictionaries=dictionaries, trace=True)
    [coded] = p.code([make_doc(CRITICIZE)])
    assert [(t.stage, t.rule, t.outcome, t.detail) for t in coded.trace if t.stage == "counter"] == [("counter", "counter:mentions", "counted", "2")]
    assert [(e.source.code, e.cameo, e.target.code, e.origin) for e in coded.events] == [("RUS", "111", "CHN", "pattern")]
    assert any(t.stage == "events" and t.outcome == "fired" for t in coded.trace)


def test_add_stage_checks_the_wiring(base):
    p = base.derive(base.stages)
    with pytest.raises(PipelineError, match="reads mentions but no earlier stage adds it"):
        p.add_stage(Counter(), before="actors")
    with pytest.raises(PipelineError, match="no stage 'sentiment'"):
        p.add_stage(Counter(), after="sentiment")
    p.add_stage(Counter(), after="actors")
    assert [s.name for s in p.stages] == ["actors", "counter", "events", "quotes", "attribution", "selection", "geo"]


def test_a_failing_stage_is_an_error_on_its_article_and_the_rest_runs(dictionaries):
    p = Pipeline(Settings(), dictionaries=dictionaries)
    p.add_stage(Counter(), after="actors")
    ok, failed = p.code([make_doc(CRITICIZE, article_id="ok"), make_doc(CRITICIZE, article_id="fail")])
    assert not ok.failed and ok.events
    assert failed.failed and failed.events  # the stages after the failing one still ran
    assert [(x.stage, x.severity, x.article, x.message) for x in failed.problems] == [("counter", "error", "fail", "RuntimeError: no China today")]


def test_rejected_input_goes_to_the_callback_or_raises(base):
    rejected = Problem("ingest", "broken JSON", "feed.jsonl:2")
    warned = Problem("ingest", "invalid UTF-8 replaced", "a.txt:3", article="t")
    seen = []
    coded = list(base.code([rejected, Ingested(make_doc(CRITICIZE), (warned,))], on_rejected=seen.append))
    assert seen == [rejected]
    assert [c.article.id for c in coded] == ["t"] and coded[0].problems == (warned,)
    with pytest.raises(InputError, match="feed.jsonl:2: broken JSON"):
        list(base.code([rejected]))


def test_a_stage_object_must_declare_its_fields(base):
    class Vague:
        name = "vague"

        def __call__(self, coded, trace):
            return coded

    with pytest.raises(PipelineError, match="has no 'reads'"):
        base.derive([Vague()])


def _sample_texts() -> list[str]:
    import json

    from detente.explain import sample_corpus

    return [json.loads(line)["text"] for line in sample_corpus().read_text(encoding="utf-8").splitlines() if line.strip()]


CONTRACTIONS = ["He ain't gon na stop, they said.", "They're gonna go, ain't they? Y'all wanna know.",
                "  \n  ", "Moscow's envoy didn't say 'no'.", "Ain't nobody gon na tell 'em.",
                "There is time. Let's go: we got ta leave, c'm on. There were no talks, and there was no let-up."]


@pytest.mark.spacy
@pytest.mark.parametrize("texts", [pytest.param(_sample_texts, id="sample-corpus"),
                                   pytest.param(lambda: CONTRACTIONS * 2, id="patterns-of-two-tokens-seen-twice")])
def test_same_attributes_give_every_token_what_spacys_ruler_and_lemmatizer_give(texts):
    """The cached attribute ruler and lemmatizer (issue 13) against spaCy's components, token by token:
    the first doc, docs with unseen words, docs that only hit the caches, and the ruler's patterns of
    two tokens ("ai n't", "gon na") seen once and again."""
    from detente.parse.spacy_adapter import SameAttributes, load_nlp

    nlp = load_nlp(Settings().spacy_model)
    same = SameAttributes.over(nlp)
    assert same is not None and same.longer  # the model's ruler has patterns of two tokens

    def view(doc):
        return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in doc]

    texts = texts()
    spacy_docs = [view(doc) for doc in nlp.pipe(texts)]
    ours = [view(same(doc)) for doc in nlp.pipe(texts, disable=SameAttributes.REPLACES)]
    assert ours == spacy_docs
    # with caches so small they are emptied again and again (a long stream of new words): the same
    small = SameAttributes.over(nlp)
    small.LIMIT = 20
    assert [view(small(doc)) for doc in nlp.pipe(texts, disable=SameAttributes.REPLACES)] == spacy_docs
    assert len(small.attrs) <= 20 + max(len(doc) for doc in nlp.pipe(texts))


@pytest.mark.spacy
def test_the_model_multiplies_matrices_with_numpys_blas_not_blis():
    """``load_nlp`` builds the model on ``NumpyOps(use_blis=False)`` (issue 13: thinc's BLIS runs its
    generic code on recent AMD processors) and leaves thinc's current ops as they were."""
    from thinc.api import get_current_ops

    from detente.parse.spacy_adapter import load_nlp

    before = get_current_ops()
    nlp = load_nlp(Settings().spacy_model)
    assert not nlp.get_pipe("tok2vec").model.ops.use_blis
    assert get_current_ops() is before
