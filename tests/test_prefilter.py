"""The pre-filter (``detente.prefilter``): which sentences are parsed at all. It may only ever err toward
parsing, and a paragraph whose sentences are all kept is parsed exactly as without it."""

from __future__ import annotations

import pytest

from detente.prefilter import SentenceFilter, inflections, kept_chunks, split_sentences


@pytest.fixture(scope="module")
def keep(dictionaries):
    return SentenceFilter(dictionaries)


@pytest.mark.parametrize("sentence", [
    "Russia expelled two diplomats.",  # actor and trigger
    "the rebels were routed near the river.",  # an agent word, no capital
    "He said nothing more.",  # a pronoun
    "“Never again,” came the reply.",  # a quotation mark
    "talks collapsed after midnight.",  # a trigger only
    "the statement came after the Kremlin meeting.",  # a capitalised word inside the sentence
], ids=["actor-trigger", "agent", "pronoun", "quote", "trigger", "proper-noun"])
def test_kept(keep, sentence):
    assert keep(sentence)


@pytest.mark.parametrize("sentence", [
    "1,204.5 (+2.5%), 980.1 (-0.4%).",
    "Scores: 3-1, 2-2, 0-0.",
], ids=["index-figures", "scores"])
def test_skipped(keep, sentence):
    assert not keep(sentence)


@pytest.mark.parametrize("lemma, form", [("say", "said"), ("withdraw", "withdrew"), ("accuse", "accusing"),
                                         ("deny", "denied"), ("ban", "banned"), ("meet", "meets")],
                         ids=["say", "withdraw", "accuse", "deny", "ban", "meet"])
def test_inflections_cover_irregular_and_regular_forms(lemma, form):
    assert form in inflections(lemma)


@pytest.mark.parametrize("text, sentences", [
    ("Mr. Lavrov met Mr. Blinken in Geneva. They talked for an hour.", 2),
    ("U.S. officials said talks had stalled. Shares fell. No one was hurt in the blast.", 2),  # "Shares fell." glued on
    ("Temperatures rose to 31 degrees by noon on Friday.", 1),
], ids=["titles", "abbreviation-and-short-piece", "one"])
def test_split_sentences_never_cuts_after_a_title_or_abbreviation(text, sentences):
    spans = split_sentences(text)
    assert len(spans) == sentences
    assert "".join(text[s:e] for s, e in spans).replace(" ", "") == text.replace(" ", "")


def test_a_paragraph_whose_sentences_are_all_kept_is_parsed_whole(keep):
    text = "Russia expelled two diplomats on Monday. Moscow said the move was a response to sanctions."
    assert kept_chunks(text, keep) == [(0, text)]


def test_skipped_sentences_are_cut_out_with_their_offsets(keep):
    text = ("Russia expelled two diplomats on Monday. Scores: 3-1, 2-2, 0-0, 1-1. "
            "Moscow said the move was a response.")
    chunks = kept_chunks(text, keep)
    assert [c for _, c in chunks] == ["Russia expelled two diplomats on Monday.", "Moscow said the move was a response."]
    assert all(text[o:o + len(c)] == c for o, c in chunks)
    assert kept_chunks("Scores: 3-1, 2-2, 0-0, 1-1.", keep) == []
