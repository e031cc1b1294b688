"""Input that used to break detente (issue 14), each reproduced here: every case ends in one clear
message naming the file and line or record, the rest of the input is still read, nothing is lost
silently, and the command exits 2 without a traceback."""

from __future__ import annotations

import gzip
import io
import json
import os
import signal
import subprocess
import sys
import time
import zlib
from datetime import date
from pathlib import Path

import pytest

from detente.errors import DictionaryError
from detente.ingest import read_inputs, read_stdin
from detente.ingest.conllu import _cycle_breaks
from detente.ingest.split import split_long
from detente.model import Article, Ingested, Problem

ROOT = Path(__file__).resolve().parents[1]
GOOD = {"id": "good-1", "text": "Russia expelled ten American diplomats on Thursday."}
GOOD2 = {"id": "good-2", "text": "France criticised Germany over the trade deal."}


def _read(*paths, **kw):
    return list(read_inputs([str(p) for p in paths], **kw))


def _split(items):
    """(articles, errors, warnings) of an ingest stream."""
    arts = [i for i in items if isinstance(i, Ingested)]
    problems = [i for i in items if isinstance(i, Problem)] + [p for a in arts for p in a.problems]
    return arts, [p for p in problems if p.severity == "error"], [p for p in problems if p.severity == "warning"]


def _jsonl(tmp_path, middle: str, name="mixed.jsonl") -> Path:
    f = tmp_path / name
    f.write_text(json.dumps(GOOD) + "\n" + middle + "\n" + json.dumps(GOOD2) + "\n", encoding="utf-8")
    return f


@pytest.mark.parametrize(
    "middle, reason",
    [
        pytest.param('{"id": "n", "text": "x", "n": ' + "9" * 5000 + "}", "4300 digits", id="5000-digit-number"),
        pytest.param('{"id": "d", "text": "x", "n": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested too deeply", id="100000-deep"),
    ],
)
def test_a_record_json_cannot_hold_is_one_rejected_line(tmp_path, middle, reason):
    f = _jsonl(tmp_path, middle)
    arts, errors, _ = _split(_read(f))
    assert [a.article.id for a in arts] == ["good-1", "good-2"]
    [error] = errors
    assert error.where == f"{f}:2" and reason in error.message


@pytest.mark.parametrize("field", ["text", "id", "title"])
def test_a_lone_surrogate_is_replaced_and_recorded(tmp_path, field):
    record = {"id": "s", "text": "Russia attacked Ukraine.", "title": "T"}
    line = json.dumps(record).replace(json.dumps(record[field]), json.dumps(record[field])[:-1] + '\\ud800"')
    f = _jsonl(tmp_path, line)
    arts, errors, _ = _split(_read(f))
    assert len(arts) == 3
    value = getattr(arts[1].article, field)
    assert "\ufffd" in value and value.encode("utf-8")  # encodable: it can reach stdout
    [error] = errors
    assert error.where == f"{f}:2" and f"field {field!r}" in error.message and "surrogate" in error.message


def test_a_zlib_error_mid_stream_keeps_the_records_before_it(tmp_path):
    f = tmp_path / "corrupt.jsonl.gz"
    good = gzip.compress(((json.dumps(GOOD) + "\n") * 3).encode())
    broken = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff" + b"\xff\xff\xff\xff"  # a second member: reserved block type
    f.write_bytes(good + broken)
    with pytest.raises(zlib.error):  # what used to escape from the reader
        with gzip.open(f) as fh:
            fh.read()
    arts, errors, _ = _split(_read(f))
    assert len(arts) == 3
    [error] = errors
    assert error.where == f"{f}:4" and "truncated or corrupt" in error.message and "3 records before it were read" in error.message


def test_a_truncated_gzip_keeps_the_records_before_it(tmp_path):
    f = tmp_path / "cut.jsonl.gz"
    f.write_bytes(gzip.compress(((json.dumps(GOOD) + "\n") * 200).encode())[:-40])
    arts, errors, _ = _split(_read(f))
    assert 0 < len(arts) < 200 and len(errors) == 1 and "truncated or corrupt" in errors[0].message


@pytest.mark.parametrize(
    "encode",
    [
        pytest.param(lambda s: b"\xef\xbb\xbf" + s.encode("utf-8"), id="utf8-bom"),
        pytest.param(lambda s: s.encode("utf-16"), id="utf16-bom"),
        pytest.param(lambda s: s.encode("utf-16-le"), id="utf16le-no-bom"),
        pytest.param(lambda s: s.encode("utf-16-be"), id="utf16be-no-bom"),
    ],
)
def test_boms_and_utf16_keep_every_record(tmp_path, encode):
    body = json.dumps(GOOD) + "\n" + json.dumps(GOOD2) + "\n"
    f = tmp_path / "enc.jsonl"
    f.write_bytes(encode(body))
    assert [i.article.id for i in _read(f)] == ["good-1", "good-2"]
    t = tmp_path / "enc.txt"
    t.write_bytes(encode("Russia ready for talks\n\nMoscow said it was ready.\n"))
    [read] = _read(t)
    assert read.article.title == "Russia ready for talks" and not [p for p in read.problems if p.severity == "error"]
    # on stdin a BOM no longer turns JSON lines into one prose article
    items = list(read_stdin(io.BufferedReader(io.BytesIO(encode(body)))))
    assert [i.article.id for i in items] == ["good-1", "good-2"]


def test_nul_bytes_after_the_first_8_kb_are_seen(tmp_path):
    f = tmp_path / "late-nul.txt"
    f.write_bytes(b"Russia expelled ten American diplomats. " * 300 + b"\n\nx\x00y France criticised Germany.\n")
    [read] = _read(f)
    assert "\x00" not in read.article.text and len(read.article.text) == len(f.read_bytes())
    [error] = [p for p in read.problems if p.severity == "error"]
    assert "NUL" in error.message and error.where == f"{f}:3"


def test_binary_file_is_still_rejected(tmp_path):
    f = tmp_path / "image.txt"
    f.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(64))
    [problem] = _read(f)
    assert isinstance(problem, Problem) and "binary" in problem.message


@pytest.mark.parametrize("value", ["2021-04-15garbage", "2021-04-15 and then some", "15/04/2021x"])
def test_dates_with_trailing_junk_are_not_accepted(tmp_path, value):
    f = tmp_path / "d.jsonl"
    f.write_text(json.dumps({"text": "Russia said.", "date": value}) + "\n", encoding="utf-8")
    [read] = _read(f)
    assert read.article.published is None
    assert any("unreadable date" in p.message and p.severity == "error" for p in read.problems)


def test_duplicate_ids_are_renamed_so_event_ids_stay_unique(tmp_path):
    a = tmp_path / "a.jsonl"
    a.write_text(json.dumps(GOOD) + "\n" + json.dumps(GOOD) + "\n", encoding="utf-8")
    b = tmp_path / "b.jsonl"
    b.write_text(json.dumps(GOOD) + "\n", encoding="utf-8")
    items = _read(a, b, unique_ids=True)
    assert [i.article.id for i in items] == ["good-1", "good-1#2", "good-1#3"]
    [note] = [p for p in items[1].problems if p.severity == "error"]
    assert "duplicate article id 'good-1'" in note.message and note.severity == "error" and note.where == f"{a}:2"
    assert [i.article.id for i in _read(a)] == ["good-1", "good-1"]  # the store replaces instead (its own rule)


def test_conllu_head_cycle_is_broken_and_recorded(tmp_path):
    f = tmp_path / "cycle.conllu"
    f.write_text(
        "# text = Russia attacked Ukraine .\n"
        "1\tRussia\tRussia\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
        "2\tattacked\tattack\tVERB\tVBD\t_\t3\troot\t_\t_\n"
        "3\tUkraine\tUkraine\tPROPN\tNNP\t_\t2\tobj\t_\t_\n"
        "4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n",
        encoding="utf-8",
    )
    [read] = _read(f)
    [problem] = [p for p in read.problems if p.severity == "error"]
    assert "cycle" in problem.message and problem.where == f"{f}:3"
    heads = [t.head for t in read.item.sentences[0].tokens]
    assert heads == [1, 1, 1, 1]  # "attacked" made the root; everything else reaches it
    from detente.doc import SentenceView

    view = SentenceView(read.item.sentences[0], [])
    assert view.clause(1) == [0, 1, 2, 3]  # the walks that used to loop for ever


@pytest.mark.parametrize(
    "heads, breaks",
    [
        pytest.param([2, 3, 2, 2], [1], id="two-cycle"),
        pytest.param([2, 1, 4, 3, 0], [0, 2], id="two-cycles"),
        pytest.param([0, 1, 2], [], id="a-tree"),
        pytest.param([1, 1], [], id="self-root"),
        pytest.param([2, 3, 1], [0], id="three-cycle"),
    ],
)
def test_cycle_breaks(heads, breaks):
    assert _cycle_breaks(heads) == breaks


# -- dictionaries ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "files, reason",
    [
        pytest.param({"mine.verbs.txt": b"\x00\x01\xff verbs"}, "binary file", id="binary-petrarch"),
        pytest.param({"mine.toml": b"x\x00\xff\xfe"}, "binary file", id="binary-toml"),
        pytest.param({"mine.toml": b"[[country]]\ncode = 5\nnames = ['Freedonia']\n"}, "bad 'code'", id="wrong-type-code"),
        pytest.param({"mine.toml": b"[[country]]\ncode = 'FRD'\nnames = 5\n"}, "list of strings", id="wrong-type-names"),
        pytest.param({}, "no dictionary file in this folder (it is empty)", id="empty-folder"),
        pytest.param({"README.md": b"notes", "data.csv": b"a,b"}, "it holds README.md, data.csv", id="unsupported-files"),
        pytest.param({"sub/actors.txt": b"FREEDONIA [FRD]\n"}, "it holds sub/", id="dictionary-only-in-subfolder"),
    ],
)
def test_bad_dictionary_input_is_a_dictionary_error(tmp_path, files, reason):
    from detente.dictionaries import load_dictionaries

    folder = tmp_path / "dict"
    folder.mkdir()
    for name, data in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    with pytest.raises(DictionaryError) as err:
        load_dictionaries([folder], defaults=False)
    assert reason in str(err.value) and str(folder) in str(err.value)


def test_files_beside_dictionaries_are_reported_not_skipped_silently(tmp_path):
    from detente.dictionaries import load_dictionaries

    (tmp_path / "mine.toml").write_text("[[country]]\ncode = 'FRD'\nnames = ['Freedonia']\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("x", encoding="utf-8")
    (tmp_path / "old").mkdir()
    loaded = load_dictionaries([tmp_path], defaults=False)
    [warning] = [p for p in loaded.problems if p.where == str(tmp_path)]
    assert "notes.md" in warning.message and "old/" in warning.message


# -- long articles -----------------------------------------------------------------------------------


def test_an_over_long_article_is_split_at_paragraph_breaks_and_recorded():
    paragraphs = [f"Paragraph {n} says Russia expelled diplomats." for n in range(100)]
    article = Article(id="long", text="\n\n".join(paragraphs))
    parts, [problem] = split_long(article, 500)
    assert "".join(p.text for p in parts) == article.text  # nothing lost
    assert all(len(p.text) <= 500 for p in parts) and all(p.text.endswith("\n\n") for p in parts[:-1])
    assert [p.id for p in parts[:3]] == ["long", "long#part2", "long#part3"]
    assert problem.severity == "warning" and "split into" in problem.message
    [first], [cut] = split_long(article, 500, truncate=True)
    assert first.text == parts[0].text and cut.severity == "error" and "truncated" in cut.message


def test_a_paragraph_too_long_for_the_parser_is_cut_into_pieces_at_sentence_ends():
    from detente.parse.spacy_adapter import MAX_PIECE, break_long_runs, paragraphs

    text = "Russia expelled ten diplomats. " * 2000 + "\n\nShort one."
    pieces = paragraphs(text)
    assert all(len(p) <= MAX_PIECE for _, p in pieces) and pieces[-1] == (text.index("Short"), "Short one.")
    assert all(text[o : o + len(p)] == p for o, p in pieces)  # offsets into the text
    wall = "x" + '"\'' * 3000
    broken = break_long_runs(wall)
    assert len(broken) == len(wall) and max(map(len, broken.split())) <= 500


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Russia said: " + "\"'" * 1_000 + " and left.", id="wall"),
        pytest.param("He said \"it's 'ours' now\" and 'they' left.\n\n'Yes,' she said, \"'no' is no.\"", id="nested"),
        pytest.param("'a' \"b 'c' d\" 'e \"f\" g' \"h", id="mixed"),
    ],
)
def test_single_marks_inside_double_quotes_as_the_scan_found_them(monkeypatch, text):
    """The bisection that replaced a scan per mark (quadratic on a wall of marks) finds the same."""
    from detente.quotes import marks

    fast = marks.find_quoted_spans(text)
    monkeypatch.setattr(marks, "_within", lambda spans, at: any(a <= at <= b for a, b in spans))
    assert fast == marks.find_quoted_spans(text)


def test_a_wall_of_60_000_quote_marks_is_paired():
    from detente.quotes.marks import find_quoted_spans

    spans, _ = find_quoted_spans("Russia said: " + "\"'" * 30_000 + " and left.")
    assert len(spans) == 15_000


# -- the command: whole lines, Ctrl-C, closed pipes ---------------------------------------------------


def test_output_reaches_the_file_in_whole_lines_only(tmp_path):
    from detente.sink import WholeLines

    path = tmp_path / "out.jsonl"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT)
    out = WholeLines(fd, chunk=10)
    out.write('{"a": 1}\n{"b": ')
    assert path.read_bytes() == b'{"a": 1}\n'  # a kill -9 now leaves only the whole line
    out.write("2}\n")
    out.write('{"c": ')
    out.flush()
    assert path.read_bytes() == b'{"a": 1}\n{"b": 2}\n'
    out.write("3}\n")
    out.close()
    os.close(fd)
    assert path.read_bytes().splitlines() == [b'{"a": 1}', b'{"b": 2}', b'{"c": 3}']


def _cli(*args, **kw):
    return subprocess.Popen([sys.executable, "-m", "detente.cli", *args], cwd=ROOT, **kw)


def _ctrl_c_as_on_a_terminal() -> None:
    """Run in the child before exec: Ctrl-C at its default, as a shell on a terminal starts a command.

    A suite started as a background job by a non-interactive shell (`make test &`, `bash -c '… &'`, some
    CI runners) runs with SIGINT ignored (POSIX: asynchronous lists ignore SIGINT and SIGQUIT), the
    ignore is inherited across exec, and Python then keeps SIGINT ignored instead of installing its
    KeyboardInterrupt handler: the command never sees the Ctrl-C the test sends and codes on to the end
    (exit 0). That, not the worker pool, is why this test failed only in fresh-clone runs of the suite."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.spacy
def test_head_1_ends_without_a_traceback(tmp_path):
    f = tmp_path / "many.jsonl"
    f.write_text("".join(json.dumps({"id": f"a{n}", "text": GOOD["text"]}) + "\n" for n in range(400)), encoding="utf-8")
    for workers in ("1", "2"):
        proc = _cli("code", str(f), "--workers", workers, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        first = proc.stdout.readline()
        proc.stdout.close()  # what `| head -1` does
        _, err = proc.communicate(timeout=120)
        assert json.loads(first)["article_id"] == "a0"
        assert proc.returncode == 0 and b"Traceback" not in err and err.strip() == b"", err


@pytest.mark.spacy
def test_ctrl_c_with_workers_stops_with_one_line_and_valid_output(tmp_path):
    f = tmp_path / "many.jsonl"
    f.write_text("".join(json.dumps({"id": f"a{n}", "text": GOOD["text"] + " " + GOOD2["text"]}) + "\n" for n in range(20_000)),
                 encoding="utf-8")
    out = tmp_path / "out.jsonl"
    with out.open("wb") as fh:
        proc = _cli("code", str(f), "--workers", "2", stdout=fh, stderr=subprocess.PIPE, start_new_session=True,
                    preexec_fn=_ctrl_c_as_on_a_terminal)
        deadline = time.time() + 120
        while out.stat().st_size == 0 and time.time() < deadline:
            time.sleep(0.5)
        os.killpg(proc.pid, signal.SIGINT)  # the terminal sends Ctrl-C to the whole process group
        _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130
    assert b"Traceback" not in err and err.decode().strip().splitlines() == [
        "detente: interrupted; the output written so far is complete, line by line"]
    lines = out.read_bytes().splitlines()
    assert lines and all(json.loads(line) for line in lines)


@pytest.mark.spacy
def test_a_directory_mixing_good_files_with_every_bad_case(tmp_path):
    """All good articles coded, each bad one reported with its reason, exit status 2, no traceback."""
    d = tmp_path / "corpus"
    (d / "sub" / "deeper").mkdir(parents=True)
    (d / "good.txt").write_text("Russia expels diplomats\n\nRussia expelled ten American diplomats on Thursday.\n", encoding="utf-8")
    (d / "sub" / "good.jsonl").write_text(json.dumps(GOOD2) + "\n", encoding="utf-8")
    web = ROOT / "tests" / "fixtures" / "web"
    (d / "sub" / "deeper" / "page.html").write_bytes((web / "page.html").read_bytes())
    (d / "sub" / "ledger.rss").write_bytes((web / "ledger.rss").read_bytes())
    bad = {
        "surrogate.jsonl": (json.dumps({"id": "sur\ud800", "text": "China urged Japan to show restraint."}, ensure_ascii=True) + "\n").encode(),
        "bignum.jsonl": (json.dumps(GOOD) + "\n" + '{"text": "x", "n": ' + "9" * 5000 + "}\n").encode(),
        "deep.jsonl": ('{"text": "x", "n": ' + "[" * 100_000 + "]" * 100_000 + "}\n").encode(),
        "broken.jsonl": b'{"id": "ok", "text": "Russia attacked Ukraine."}\n{not json}\n',
        "zlib.jsonl.gz": gzip.compress((json.dumps({"id": "z", "text": "Russia attacked Ukraine."}) + "\n").encode())
        + b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff\xff\xff\xff\xff",
        "cut.jsonl.gz": gzip.compress(b'{"text": "Russia attacked Ukraine."}\n' * 50)[:-30],
        "bom.jsonl": b"\xef\xbb\xbf" + (json.dumps({"id": "bom", "text": "Russia attacked Ukraine."}) + "\n").encode(),
        "utf16.txt": "Russia attacked Ukraine on Friday.\n".encode("utf-16"),
        "late-nul.txt": b"Russia attacked Ukraine. " * 400 + b"\x00\n",
        "binary.txt": b"\x00\x01\x02\x03" * 100,
        "empty.txt": b"",
        "empty-text.jsonl": b'{"text": "   "}\n',
        "junk-date.jsonl": (json.dumps({"id": "jd", "text": "Russia attacked Ukraine.", "date": "2021-04-15garbage"}) + "\n").encode(),
        "dup.jsonl": (json.dumps(GOOD) + "\n").encode(),
        "nav-only.html": (web / "nav-only.html").read_bytes(),
        "not-a-feed.rss": b"this is not XML <<<",
        "bad.warc": b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 5\r\n\r\nab",
        "cycle.conllu": ("# text = Russia attacked Ukraine\n1\tRussia\tRussia\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
                         "2\tattacked\tattack\tVERB\tVBD\t_\t3\troot\t_\t_\n3\tUkraine\tUkraine\tPROPN\tNNP\t_\t2\tobj\t_\t_\n\n").encode(),
        "notes.pdf": b"%PDF-1.4",
    }
    for name, data in bad.items():
        (d / name).write_bytes(data)
    os.symlink(d, d / "sub" / "loop")  # a symlink loop
    os.symlink(d / "missing.txt", d / "dangling.txt")  # a link to nothing
    result = subprocess.run([sys.executable, "-m", "detente.cli", "code", str(d)], capture_output=True, cwd=ROOT, timeout=600)
    err = result.stderr.decode("utf-8")
    assert result.returncode == 2 and "Traceback" not in err
    coded = {json.loads(line)["article_id"] for line in result.stdout.decode("utf-8").splitlines()}
    assert {"good", "good-2", "page", "ledger:1", "ledger:2", "good-1", "ok", "z", "bom", "utf16", "late-nul", "jd",
            "cycle", "sur\ufffd"} <= coded
    expected = {
        "surrogate.jsonl:1": "surrogate", "bignum.jsonl:2": "4300 digits", "deep.jsonl:1": "nested too deeply",
        "broken.jsonl:2": "broken JSON", "zlib.jsonl.gz:2": "truncated or corrupt", "cut.jsonl.gz": "truncated or corrupt",
        "late-nul.txt:1": "NUL", "binary.txt": "binary", "empty.txt": "empty", "empty-text.jsonl:1": "empty text",
        "junk-date.jsonl:1": "unreadable date", "dup.jsonl:1": "duplicate article id 'good-1'",
        "nav-only.html": "without article text", "not-a-feed.rss": "not an RSS or Atom feed", "bad.warc": "cannot be read",
        "cycle.conllu:3": "cycle", "corpus: 1 file(s) of other types not read": "1 .pdf", "loop": "symlink loop", "dangling.txt": "cannot open",
    }
    for where, reason in expected.items():
        assert any(where in line and reason in line for line in err.splitlines()), (where, reason, err)
    assert err.strip().splitlines()[-1].startswith("detente: ")
