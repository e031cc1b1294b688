"""Ingest: every format, stdin, and bad input that is reported with file and line, never fatal."""

from __future__ import annotations

import gzip
import io
import json
from datetime import date

import pytest

from detente.ingest import read_inputs, read_stdin
from detente.ingest.normalize import dash_quote_spans, normalize
from detente.model import Article, Ingested, Problem


def _items(paths, **kw):
    """What ingest yields: ``Ingested`` articles and ``Problem`` records, in order."""
    return list(read_inputs([str(p) for p in paths], **kw))


def _read(paths, **kw):
    """The stream with each article unwrapped (problems stay in place)."""
    return [i.item if isinstance(i, Ingested) else i for i in _items(paths, **kw)]


def test_txt_first_line_is_title_when_blank_line_follows(tmp_path):
    f = tmp_path / "story.txt"
    f.write_text("Russia ready for talks\n\nMoscow said on Monday it was ready.\n", encoding="utf-8")
    [a] = _read([f])
    assert a.id == "story" and a.title == "Russia ready for talks"
    assert a.text.startswith("Russia ready for talks")  # offsets count from the file's first character


def test_txt_without_title(tmp_path):
    f = tmp_path / "plain.txt"
    f.write_text("One sentence only.", encoding="utf-8")
    [a] = _read([f])
    assert a.title is None and a.text == "One sentence only."


def test_jsonl_records_ids_and_dates(tmp_path):
    f = tmp_path / "feed.jsonl"
    f.write_text(
        json.dumps({"text": "A.", "date": "2024-03-01", "title": "T"}) + "\n\n"
        + json.dumps({"id": "given", "text": "B.", "date": "20240302", "url": "http://x"}) + "\n",
        encoding="utf-8",
    )
    a, b = _read([f])
    assert (a.id, a.published, a.title) == ("feed:1", date(2024, 3, 1), "T")
    assert (b.id, b.published, b.url) == ("given", date(2024, 3, 2), "http://x")


def test_jsonl_gz(tmp_path):
    f = tmp_path / "feed.jsonl.gz"
    with gzip.open(f, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"text": "Zipped."}) + "\n")
    [a] = _read([f])
    assert a.id == "feed:1" and a.text == "Zipped."


@pytest.mark.parametrize(
    "line, reason",
    [
        pytest.param(b"{not json}\n", "broken JSON", id="broken-json"),
        pytest.param(b'{"title": "no text"}\n', "no 'text'", id="missing-text"),
        pytest.param(b'{"text": "   "}\n', "empty text", id="empty-text"),
        pytest.param(b'["a list"]\n', "expected a JSON object", id="not-an-object"),
        pytest.param(b'{"text": "caf\xe9"}\n', "invalid UTF-8", id="bad-utf8"),
    ],
)
def test_bad_jsonl_line_is_rejected_with_file_and_line_and_the_rest_is_read(tmp_path, line, reason):
    f = tmp_path / "mixed.jsonl"
    f.write_bytes(b'{"text": "first"}\n' + line + b'{"text": "third"}\n')
    items = _read([f])
    assert [i.text for i in items if isinstance(i, Article)] == ["first", "third"]
    [rejected] = [i for i in items if isinstance(i, Problem)]
    assert rejected.where == f"{f}:2" and reason in rejected.message
    assert (rejected.stage, rejected.severity, rejected.article) == ("ingest", "error", None)


def test_bad_date_is_a_problem_on_the_article_not_a_rejection(tmp_path):
    f = tmp_path / "d.jsonl"
    f.write_text(json.dumps({"text": "x", "date": "last Tuesday", "problem": "a field like any other"}) + "\n", encoding="utf-8")
    [read] = _items([f])
    assert isinstance(read, Ingested) and read.article.published is None
    [problem] = [p for p in read.problems if p.severity == "error"]
    assert "unreadable date" in problem.message and problem.where == f"{f}:1" and problem.article == "d:1"
    [no_date] = [p for p in read.problems if p.severity == "warning"]
    assert no_date.message.startswith("no date")  # never guessed, and said so
    assert dict(read.article.meta) == {"problem": "a field like any other"}  # meta carries no problems


def test_default_date_fills_missing_dates(tmp_path):
    f = tmp_path / "x.jsonl"
    f.write_text(json.dumps({"text": "x"}) + "\n", encoding="utf-8")
    [a] = _read([f], default_date=date(2021, 4, 15))
    assert a.published == date(2021, 4, 15)


@pytest.mark.parametrize(
    "name, data, reason",
    [
        pytest.param("bin.txt", b"\x00\x01\x02binary", "binary", id="binary"),
        pytest.param("empty.txt", b"  \n\n ", "empty", id="empty"),
        pytest.param("page.pdf", b"%PDF", "unsupported file type", id="unsupported"),
    ],
)
def test_bad_files_are_rejected(tmp_path, name, data, reason):
    f = tmp_path / name
    f.write_bytes(data)
    [r] = _read([f])
    assert isinstance(r, Problem) and reason in r.message and str(f) in str(r)


def test_missing_file_is_rejected_and_others_still_read(tmp_path):
    ok = tmp_path / "ok.txt"
    ok.write_text("Fine.", encoding="utf-8")
    items = _read([tmp_path / "nope.txt", ok])
    assert isinstance(items[0], Problem) and "no such file" in items[0].message
    assert items[1].text == "Fine."


def test_invalid_utf8_in_text_file_is_coded_with_a_problem_naming_the_line(tmp_path):
    f = tmp_path / "latin1.txt"
    f.write_bytes(b"Title\n\nFirst line.\nSecond caf\xe9 line.\n")
    [read] = _items([f])
    assert "\ufffd" in read.article.text
    [problem] = [p for p in read.problems if p.severity == "error"]
    assert problem.where == f"{f}:4" and "invalid UTF-8" in problem.message and problem.severity == "error"


def test_directory_is_read_recursively_in_name_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text("A.", encoding="utf-8")
    (tmp_path / "b" / "c.jsonl").write_text(json.dumps({"text": "C."}) + "\n", encoding="utf-8")
    (tmp_path / "notes.bin").write_bytes(b"\x00")
    skipped, *articles = _read([tmp_path])
    assert [a.text for a in articles] == ["A.", "C."]
    # a file of another type is not read, and not silently: one warning names the kinds skipped
    assert skipped.severity == "warning" and "1 .bin" in skipped.message and skipped.where == str(tmp_path)


@pytest.mark.parametrize(
    "data, expected",
    [
        pytest.param(b'{"text": "one"}\n{"text": "two"}\n', ["one", "two"], id="jsonl"),
        pytest.param(b"Plain text on stdin.\n", ["Plain text on stdin.\n"], id="text"),
    ],
)
def test_stdin(data, expected):
    items = [i.article for i in read_stdin(io.BytesIO(data))]
    assert [a.text for a in items] == expected
    assert items[0].id.startswith("stdin")


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param("He said \u201cno\u201d and \u2018maybe\u2019.", id="curly"),
        pytest.param("\u00abNon\u00bb, a-t-il dit \u201eJa\u201c", id="guillemets-low9"),
        pytest.param("''We will,'' he said. ``Yes,'' she said.", id="nyt"),
        pytest.param("-We have never been a threat- he asserted.\n\n-Floating.-", id="dashes"),
        pytest.param("a\u00a0b\u2009c", id="spaces"),
    ],
)
def test_normalize_keeps_every_offset(raw):
    out = normalize(raw)
    assert len(out) == len(raw)
    assert not any(ch in out for ch in "\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u00a0\u2009")


def test_normalize_folds_quotes_and_marks_dash_quotes():
    raw = "-In general, we are ready- he said.\n\n-The dead-end line.-\n\n- a bullet item"
    out = normalize(raw)
    assert out.startswith('"In general, we are ready" he said.')
    assert '"The dead-end line."' in out  # the hyphen inside "dead-end" is kept
    assert out.endswith("- a bullet item")  # a list bullet is not a quotation
    assert dash_quote_spans(raw)[0] == (0, raw.index("- he"))


@pytest.mark.parametrize(
    "raw, kept",
    [
        pytest.param("KYIV, Jan 3 (Detente Wire) - Ukraine said", "Ukraine said", id="wire"),
        pytest.param("SAN FRANCISCO - The union sued", "The union sued", id="two-word-place"),
        pytest.param("BELGRADE, Serbia -- Students marched", "Students marched", id="place-country"),
        pytest.param("NATO - the alliance said", "NATO - the alliance said", id="not-a-dateline"),
    ],
)
def test_datelines_are_blanked_for_the_parser_only(raw, kept):
    from detente.ingest.normalize import blank_datelines

    out = blank_datelines(raw)
    assert len(out) == len(raw) and out.strip() == kept
