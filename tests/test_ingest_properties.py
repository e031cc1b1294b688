"""Property tests (Hypothesis) over normalisation, paragraph pieces, quote-mark pairing, dates and every
reader fed random bytes: offsets always inside the text, spans ordered and never crossing, the same
result twice, and no input that raises. The long run of the same idea is ``tools/fuzz_ingest.py``
(docs/fuzzing.md)."""

from __future__ import annotations

import io
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from detente.ingest import read_inputs, read_stdin
from detente.ingest.conllu import _cycle_breaks
from detente.ingest.dates import parse_date
from detente.ingest.decode import clean_string, decode_text
from detente.ingest.normalize import blank_datelines, dateline_span, normalize
from detente.ingest.readers import READ_SUFFIXES
from detente.ingest.split import split_long
from detente.model import Article, Ingested, Problem
from detente.parse.spacy_adapter import break_long_runs, paragraphs
from detente.quotes.marks import find_quoted_spans

MARKS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u2039\u203a`-\u2013\u2014"
# text made mostly of what the rules look at: marks, dashes, spaces, paragraph breaks, capitals
news_text = st.lists(st.sampled_from(list(MARKS) + list("ab AZ.,:()\n\t") + ["\n\n", "MOSCOW, April 15 (Wire) - ", "\u00a0", "\x00", "\ud800",
                                                                          "Russia said", "''", "``"]),
                     max_size=120).map("".join)
any_text = st.one_of(news_text, st.text(max_size=300))
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(any_text)
def test_normalize_keeps_length_and_is_deterministic(text):
    out = normalize(text)
    assert len(out) == len(text) and normalize(text) == out
    assert len(blank_datelines(out)) == len(text)
    assert len(break_long_runs(out)) == len(text)


@FAST
@given(any_text)
def test_dateline_span_lies_inside_the_text(text):
    span = dateline_span(text)
    if span is not None:
        assert 0 <= span[0] < span[1] <= len(text)


@FAST
@given(any_text)
def test_quote_spans_are_inside_ordered_and_never_cross(text):
    spans, notes = find_quoted_spans(text)
    assert (spans, notes) == find_quoted_spans(text)
    starts = [s.start for s in spans]
    assert starts == sorted(starts)
    for s in spans:
        assert all(0 <= a <= b <= len(text) for a, b in s.parts)
        assert all(b1 <= a2 for (_, b1), (a2, _) in zip(s.parts, s.parts[1:]))  # parts in text order
    for one in spans:
        for other in spans:
            assert not (one.start < other.start < one.end < other.end)  # nested or apart, never crossing


@FAST
@given(any_text)
def test_paragraph_pieces_point_back_into_the_text(text):
    pieces = paragraphs(text)
    assert pieces == paragraphs(text)
    last = -1
    for offset, piece in pieces:
        assert text[offset : offset + len(piece)] == piece and piece.strip() == piece and offset > last
        last = offset


@FAST
@given(st.text(min_size=1, max_size=600), st.integers(min_value=20, max_value=200))
def test_split_long_loses_nothing_and_respects_the_limit(text, limit):
    parts, problems = split_long(Article(id="a", text=text), limit)
    assert "".join(p.text for p in parts) == text
    assert all(len(p.text) <= limit for p in parts)
    assert len({p.id for p in parts}) == len(parts) and (len(parts) > 1) == bool(problems)


@FAST
@given(st.binary(max_size=3000))
def test_decoding_any_bytes_gives_clean_text_or_a_rejection(data):
    decoded = decode_text(data, "f.txt")
    if decoded.text is None:
        assert decoded.problems and "binary" in decoded.problems[0].message
    else:
        decoded.text.encode("utf-8")  # no lone surrogate
        assert "\x00" not in decoded.text


@FAST
@given(st.text(max_size=200))
def test_clean_string_keeps_length_and_encodes(text):
    out, problems = clean_string(text, "x")
    assert len(out) == len(text) and out.encode("utf-8") is not None and "\x00" not in out
    assert bool(problems) == (out != text)


@FAST
@given(st.one_of(st.text(max_size=80), st.integers(), st.floats(allow_nan=True), st.none()))
def test_parse_date_never_raises(value):
    found, problem = parse_date(value, "x")
    assert found is None or problem is None


@FAST
@given(st.lists(st.integers(min_value=0, max_value=12), min_size=1, max_size=12))
def test_cycle_breaks_leave_a_forest(heads):
    heads = [h if h <= len(heads) else 0 for h in heads]
    for n in _cycle_breaks(heads):
        heads[n] = 0
    for start in range(len(heads)):
        k, steps = start, 0
        while heads[k] not in (0, k + 1):
            k = heads[k] - 1
            steps += 1
            assert steps <= len(heads)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.sampled_from(sorted(READ_SUFFIXES) + [""]), st.binary(max_size=2000))
def test_every_reader_survives_random_bytes(tmp_path, suffix, data):
    path = Path(tmp_path) / f"doc{suffix}"
    path.write_bytes(data)
    for item in read_inputs([str(path)], unique_ids=True):
        assert isinstance(item, (Ingested, Problem))
        if isinstance(item, Problem):
            assert item.where and str(item).encode("utf-8")
        else:
            a = item.article
            assert a.text.strip() and a.text.encode("utf-8") and a.id.encode("utf-8")
            assert all(p.article == a.id for p in item.problems)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=2000))
def test_stdin_survives_random_bytes(data):
    for item in read_stdin(io.BufferedReader(io.BytesIO(data))):
        assert isinstance(item, (Ingested, Problem))
