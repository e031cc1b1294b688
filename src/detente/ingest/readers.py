"""Readers: files, directories and stdin -> a stream of ``Ingested`` articles and ``Problem`` records.

Formats (DESIGN.md §5): ``.txt`` (one article; the first line is the title when a blank line follows
it), ``.jsonl`` / ``.jsonl.gz`` (one article per line: ``text`` required; ``id``, ``title``, ``url``,
``source``, ``date`` optional), ``.conllu`` (pre-parsed; read by ``ingest/conllu.py``), a directory
(read recursively, in name order), ``-`` for stdin (JSONL when every line is a JSON object, else one text
article).

Bad input never stops the stream: each unreadable file or line becomes a ``Problem`` (stage
``ingest``, severity ``error``, ``where`` naming the file and line) in the stream; the caller reports
it and carries on. An article read with trouble (invalid UTF-8 replaced, an unreadable date) comes as
``Ingested(article, problems)``. Articles are yielded one by one, so memory stays flat however large
the input.

Article ids: the record's own ``id``; else the file's stem for a one-article file; else
``<stem>:<n>`` for the n-th record (1-based) of a multi-article file.
"""

from __future__ import annotations

import gzip
import io
import json
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import IO, Iterable, Iterator

from detente.ingest.conllu import read_conllu_articles
from detente.model import Article, Ingested, ParsedDoc, Problem

TEXT_SUFFIXES = {".txt", ".text", ".md"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz"}
CONLLU_SUFFIXES = {".conllu", ".conll"}
OPTIONAL_FIELDS = ("id", "title", "url", "source", "date")
Item = Ingested | Problem


def rejected(where: str, message: str) -> Problem:
    """Input that could not become an article: an ingest error naming the file (and line)."""
    return Problem("ingest", message, where)


def read_inputs(paths: Iterable[str], *, default_date: date | None = None, stdin: IO[bytes] | None = None) -> Iterator[Item]:
    """Every article in ``paths`` (files, directories, ``-``), in order, with rejections in place."""
    for raw in paths:
        if raw == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from read_stdin(stream, default_date=default_date)
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
            if not files:
                yield rejected(str(path), "directory contains no files")
            for file in files:
                if _suffix(file) in TEXT_SUFFIXES | JSONL_SUFFIXES | CONLLU_SUFFIXES:
                    yield from read_file(file, default_date=default_date)
            continue
        yield from read_file(path, default_date=default_date)


def read_articles(paths: Iterable[str]) -> Iterator[Article | ParsedDoc]:
    """The articles (or given parses) of ``paths``, for callers to whom any rejected input is an error
    (gold-set loaders, benchmarks): a ``Problem`` raises ``InputError`` naming it."""
    from detente.errors import InputError

    for item in read_inputs(paths):
        if isinstance(item, Problem):
            raise InputError(str(item))
        yield item.item


def read_file(path: Path, *, default_date: date | None = None) -> Iterator[Item]:
    """The articles of one file, chosen by its suffix."""
    suffix = _suffix(path)
    if not path.exists():
        yield rejected(str(path), "no such file")
        return
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl_file(path, default_date)
    elif suffix in CONLLU_SUFFIXES:
        yield from read_conllu_articles(path, default_date=default_date)
    elif suffix in TEXT_SUFFIXES or suffix == "":
        yield from _read_text_file(path, default_date)
    else:
        yield rejected(
            str(path),
            f"unsupported file type {suffix!r}; detente reads .txt, .jsonl, .jsonl.gz and .conllu files, "
            "directories of them, and - for stdin",
        )


def read_stdin(stream: IO[bytes], *, default_date: date | None = None) -> Iterator[Item]:
    """stdin: JSONL when its first non-blank line is a JSON object, else one text article."""
    first = b""
    for first in stream:
        if first.strip():
            break
    rest = io.BufferedReader(_Chain(first, stream))  # type: ignore[arg-type]
    if first.lstrip().startswith(b"{"):
        yield from _read_jsonl_lines(rest, "stdin", "stdin", default_date)
    else:
        data = rest.read()
        yield from _text_article(data, "stdin", "stdin", default_date)


def parse_date(value: object, where: str) -> tuple[date | None, Problem | None]:
    """A date from ``YYYY-MM-DD`` or ``YYYYMMDD`` (or a longer ISO timestamp); a problem otherwise."""
    if value in (None, ""):
        return None, None
    text = str(value).strip()
    for candidate in (text[:10], text[:8]):
        try:
            if len(candidate) == 8 and candidate.isdigit():
                return date(int(candidate[:4]), int(candidate[4:6]), int(candidate[6:])), None
            return date.fromisoformat(candidate), None
        except ValueError:
            continue
    return None, Problem("ingest", f"unreadable date {value!r}; expected YYYY-MM-DD; the article is coded without a date", where)


# -- text ------------------------------------------------------------------------------------------


def _read_text_file(path: Path, default_date: date | None) -> Iterator[Item]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield rejected(str(path), f"cannot read file: {exc.strerror or exc}")
        return
    yield from _text_article(data, str(path), _stem(path), default_date)


def _text_article(data: bytes, where: str, article_id: str, default_date: date | None) -> Iterator[Item]:
    if b"\x00" in data[:8192]:
        yield rejected(where, "binary file (contains NUL bytes), not text")
        return
    problems: list[Problem] = []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problems.append(Problem("ingest", f"invalid UTF-8 at byte {exc.start}; undecodable bytes replaced by U+FFFD", f"{where}:{line}"))
        text = data.decode("utf-8-sig", errors="replace")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        yield rejected(where, "empty text")
        return
    title = None
    head, sep, body = text.partition("\n\n")
    if sep and "\n" not in head.strip() and body.strip() and len(head) < 300:
        title = head.strip()
    yield _article(article_id, text, title, None, None, default_date, problems)


# -- JSONL -----------------------------------------------------------------------------------------


def _read_jsonl_file(path: Path, default_date: date | None) -> Iterator[Item]:
    try:
        raw = path.open("rb")
        stream: IO[bytes] = gzip.open(raw) if path.name.endswith(".gz") else raw  # type: ignore[assignment]
    except OSError as exc:
        yield rejected(str(path), f"cannot read file: {exc.strerror or exc}")
        return
    with stream:
        try:
            yield from _read_jsonl_lines(stream, str(path), _stem(path), default_date)
        except (OSError, EOFError, gzip.BadGzipFile) as exc:
            yield rejected(str(path), f"file is truncated or not gzip: {exc}")


def _read_jsonl_lines(stream: IO[bytes], where: str, stem: str, default_date: date | None) -> Iterator[Item]:
    record = 0
    for lineno, line in enumerate(stream, 1):
        if not line.strip():
            continue
        record += 1
        here = f"{where}:{lineno}"
        try:
            obj = json.loads(line.decode("utf-8"))
        except UnicodeDecodeError as exc:
            yield rejected(here, f"invalid UTF-8 at column {exc.start + 1}; line skipped")
            continue
        except json.JSONDecodeError as exc:
            yield rejected(here, f"broken JSON ({exc.msg} at column {exc.colno}); line skipped")
            continue
        if not isinstance(obj, dict):
            yield rejected(here, f"expected a JSON object with a 'text' field, got {type(obj).__name__}; line skipped")
            continue
        text = obj.get("text")
        if not isinstance(text, str):
            yield rejected(here, "record has no 'text' string field; line skipped")
            continue
        if not text.strip():
            yield rejected(here, "empty text; line skipped")
            continue
        problems: list[Problem] = []
        published, problem = parse_date(obj.get("date") or obj.get("published"), here)
        if problem:
            problems.append(problem)
        article_id = str(obj["id"]) if obj.get("id") not in (None, "") else f"{stem}:{record}"
        meta = {k: v for k, v in obj.items() if k not in OPTIONAL_FIELDS + ("text", "published") and isinstance(v, (str, int, float))}
        yield _article(
            article_id,
            text.replace("\r\n", "\n"),
            _opt_str(obj.get("title")),
            _opt_str(obj.get("url")),
            _opt_str(obj.get("source")),
            published or default_date,
            problems,
            meta,
        )


# -- helpers ---------------------------------------------------------------------------------------


def _article(article_id, text, title, url, source, published, problems, meta=None) -> Ingested:
    """An article with the problems met while reading it (the pipeline puts them on the coded article)."""
    pairs = tuple(sorted((str(k), str(v)) for k, v in (meta or {}).items()))
    article = Article(id=article_id, text=text, title=title, url=url, source=source, published=published, meta=pairs)
    return Ingested(article, tuple(replace(p, article=article_id) for p in problems))


def _opt_str(value: object) -> str | None:
    return None if value in (None, "") else str(value)


def _suffix(path: Path) -> str:
    name = path.name.lower()
    for compound in (".jsonl.gz", ".ndjson.gz"):
        if name.endswith(compound):
            return compound
    return path.suffix.lower()


def _stem(path: Path) -> str:
    name = path.name
    for suffix in (".jsonl.gz", ".ndjson.gz"):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return path.stem


class _Chain(io.RawIOBase):
    """A readable stream of ``first`` followed by the rest of ``stream`` (stdin cannot seek back)."""

    def __init__(self, first: bytes, stream: IO[bytes]) -> None:
        self._first = first
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        if self._first:
            n = min(len(buffer), len(self._first))
            buffer[:n] = self._first[:n]
            self._first = self._first[n:]
            return n
        chunk = self._stream.read(len(buffer))
        if not chunk:
            return 0
        buffer[: len(chunk)] = chunk
        return len(chunk)
