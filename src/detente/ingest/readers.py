"""Readers: files, directories and stdin -> a stream of ``Ingested`` articles and ``Problem`` records.

Formats (DESIGN.md §5): ``.txt`` (one article; the first line is the title when a blank line follows
it), ``.jsonl`` / ``.jsonl.gz`` (one article per line: ``text`` required; ``id``, ``title``, ``url``,
``source``, ``date`` optional), ``.html`` pages, RSS/Atom feeds (``.rss``, ``.atom``, ``.xml``) and web
archives (``.warc``, ``.warc.gz``) read by ``web.py``, ``.conllu`` (pre-parsed; read by ``conllu.py``),
a directory (read recursively, in name order, by extension; symlinks followed once, never round a loop),
``-`` for stdin (JSONL when its first line is a JSON object, else one text article).

Bad input never stops the stream: each unreadable file, record or line becomes a ``Problem`` (stage
``ingest``, severity ``error``, ``where`` naming the file and line or record) in the stream; the caller
reports it and carries on. An article read with trouble (invalid UTF-8 replaced, an unreadable date, a
NUL byte) comes as ``Ingested(article, problems)``. Bytes are decoded by ``decode.py`` (BOMs, UTF-16,
binary) and dates read by ``dates.py`` (metadata, else dateline, else ``default_date``). Articles are
yielded one by one and no file is read whole past ``MAX_FILE_BYTES`` nor a JSON line past
``MAX_LINE_BYTES``, so memory stays bounded however large the input.

Article ids: the record's own ``id``; else the file's stem for a one-article file; else
``<stem>:<n>`` for the n-th record (1-based) of a multi-article file. With ``unique_ids`` an id met a
second time in the run becomes ``<id>#2`` (and so on), with a problem saying so, so that no two
articles, and no two events, share an id.
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import os
import sys
import zlib
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import IO, Iterable, Iterator

from detente.ingest.conllu import read_conllu_articles
from detente.ingest.dates import article_date, parse_date
from detente.ingest.decode import BINARY_SNIFF, clean_string, clean_value, decode_text, sniff_encoding
from detente.model import Article, Ingested, ParsedDoc, Problem

TEXT_SUFFIXES = {".txt", ".text", ".md"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz"}
CONLLU_SUFFIXES = {".conllu", ".conll"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
WARC_SUFFIXES = {".warc", ".warc.gz"}
READ_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES | CONLLU_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES | WARC_SUFFIXES
COMPOUND_SUFFIXES = (".jsonl.gz", ".ndjson.gz", ".warc.gz")
OPTIONAL_FIELDS = ("id", "title", "url", "source", "date")
MAX_FILE_BYTES = 32 * 1024 * 1024  # a text, HTML or feed file is read whole up to this size
MAX_LINE_BYTES = 32 * 1024 * 1024  # one JSON line (one article) up to this size
Item = Ingested | Problem


def rejected(where: str, message: str) -> Problem:
    """Input that could not become an article: an ingest error naming the file (and line)."""
    return Problem("ingest", message, where)


def read_inputs(paths: Iterable[str], *, default_date: date | None = None, stdin: IO[bytes] | None = None,
                unique_ids: bool = False) -> Iterator[Item]:
    """Every article in ``paths`` (files, directories, ``-``), in order, with rejections in place."""
    items = _read_all(paths, default_date, stdin)
    return _unique(items) if unique_ids else items


def _read_all(paths: Iterable[str], default_date: date | None, stdin: IO[bytes] | None) -> Iterator[Item]:
    for raw in paths:
        if raw == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from read_stdin(stream, default_date=default_date)
            continue
        path = Path(raw)
        if path.is_dir():
            yield from _read_directory(path, default_date)
            continue
        yield from read_file(path, default_date=default_date)


def _read_directory(root: Path, default_date: date | None) -> Iterator[Item]:
    """The files of ``root`` and its subdirectories that detente reads, in name order; an unreadable
    subdirectory, a symlink loop and the files of other types are reported, never skipped silently."""
    files: list[Path] = []
    skipped: dict[str, int] = {}
    problems: list[Problem] = []
    seen: set[tuple[int, int]] = set()

    def on_error(exc: OSError) -> None:
        problems.append(rejected(exc.filename or str(root), f"cannot read directory: {exc.strerror or exc}; its files are not coded"))

    for top, dirs, names in os.walk(root, onerror=on_error, followlinks=True):
        try:
            st = os.stat(top)
        except OSError as exc:
            problems.append(rejected(top, f"cannot read directory: {exc.strerror or exc}"))
            dirs[:] = []
            continue
        if (st.st_dev, st.st_ino) in seen:
            problems.append(rejected(top, "symlink loop: this directory was already read through another path; not read again"))
            dirs[:] = []
            continue
        seen.add((st.st_dev, st.st_ino))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in names:
            if name.startswith("."):
                continue
            path = Path(top) / name
            suffix = _suffix(path)
            if suffix in READ_SUFFIXES:
                files.append(path)
            else:
                skipped[suffix or "(no suffix)"] = skipped.get(suffix or "(no suffix)", 0) + 1
    yield from problems
    if not files:
        kinds = f" (only {', '.join(sorted(skipped))} files)" if skipped else ""
        yield rejected(str(root), f"directory has no file detente reads{kinds}; it reads {_suffix_list()}")
        return
    if skipped:
        what = ", ".join(f"{n} {s}" for s, n in sorted(skipped.items()))
        yield Problem("ingest", f"{sum(skipped.values())} file(s) of other types not read ({what}); detente reads {_suffix_list()}",
                      str(root), severity="warning")
    for file in sorted(files):
        yield from read_file(file, default_date=default_date)


def read_articles(paths: Iterable[str]) -> Iterator[Article | ParsedDoc]:
    """The articles (or given parses) of ``paths``, for callers to whom any rejected input is an error
    (gold-set loaders, benchmarks): a ``Problem`` raises ``InputError`` naming it (warnings pass)."""
    from detente.errors import InputError

    for item in read_inputs(paths):
        if isinstance(item, Problem):
            if item.severity == "error":
                raise InputError(str(item))
            continue
        yield item.item


def read_file(path: Path, *, default_date: date | None = None) -> Iterator[Item]:
    """The articles of one file, chosen by its suffix."""
    suffix = _suffix(path)
    try:
        path.stat()
    except OSError as exc:
        reason = "no such file" if isinstance(exc, FileNotFoundError) and not path.is_symlink() else f"cannot open: {exc.strerror or exc}"
        yield rejected(str(path), reason)
        return
    if path.is_dir():
        yield from _read_directory(path, default_date)
    elif suffix in JSONL_SUFFIXES:
        yield from _read_jsonl_file(path, default_date)
    elif suffix in CONLLU_SUFFIXES:
        yield from read_conllu_articles(path, default_date=default_date)
    elif suffix in HTML_SUFFIXES | FEED_SUFFIXES | WARC_SUFFIXES:
        from detente.ingest import web

        if suffix in WARC_SUFFIXES:
            yield from web.read_warc(path, _stem(path), default_date)
            return
        data = _read_bytes(path)
        if isinstance(data, Problem):
            yield data
            return
        reader = web.read_html if suffix in HTML_SUFFIXES else web.read_feed
        yield from reader(data, str(path), _stem(path), default_date)
    elif suffix in TEXT_SUFFIXES or suffix == "":
        data = _read_bytes(path)
        if isinstance(data, Problem):
            yield data
            return
        yield from text_article(data, str(path), _stem(path), default_date, cut=os.path.getsize(path) > MAX_FILE_BYTES)
    else:
        yield rejected(str(path), f"unsupported file type {suffix!r}; detente reads {_suffix_list()}, directories of them, and - for stdin")


def read_stdin(stream: IO[bytes], *, default_date: date | None = None) -> Iterator[Item]:
    """stdin: JSONL when its first non-blank line is a JSON object, else one text article."""
    head = stream.peek(BINARY_SNIFF) if hasattr(stream, "peek") else b""
    sniffed = sniff_encoding(head)
    if sniffed is not None and sniffed[0] != "utf-8":
        stream = _Utf8Lines(io.TextIOWrapper(stream, encoding=sniffed[0], errors="replace"))  # type: ignore[assignment]
    first = b""
    while True:
        first = stream.readline(MAX_LINE_BYTES + 1)
        if not first or first.strip() and first.strip() != codecs.BOM_UTF8:
            break
    if first.startswith(codecs.BOM_UTF8):
        first = first[len(codecs.BOM_UTF8):]
    rest = io.BufferedReader(_Chain(first, stream))  # type: ignore[arg-type]
    if first.lstrip().startswith(b"{"):
        yield from _read_jsonl_lines(rest, "stdin", "stdin", default_date)
    else:
        data = rest.read(MAX_FILE_BYTES + 1)
        cut = len(data) > MAX_FILE_BYTES
        yield from text_article(data[:MAX_FILE_BYTES], "stdin", "stdin", default_date, cut=cut)


# -- text ------------------------------------------------------------------------------------------


def _read_bytes(path: Path) -> bytes | Problem:
    """A file's bytes, at most ``MAX_FILE_BYTES`` of them, or the problem of reading it."""
    try:
        with path.open("rb") as fh:
            return fh.read(MAX_FILE_BYTES)
    except OSError as exc:
        return rejected(str(path), f"cannot read file: {exc.strerror or exc}")


def text_article(data: bytes, where: str, article_id: str, default_date: date | None, *, cut: bool = False) -> Iterator[Item]:
    """One article from the bytes of a text file (``cut`` when the file was longer than was read)."""
    decoded = decode_text(data, where)
    if decoded.text is None:
        yield from decoded.problems
        return
    problems = list(decoded.problems)
    text = decoded.text.replace("\r\n", "\n").replace("\r", "\n")
    if cut:
        text = text[: text.rfind("\n") + 1] or text
        problems.append(Problem("ingest", f"file longer than the {MAX_FILE_BYTES // 2**20} MB detente reads from one text file; "
                                          f"only the first {len(text)} characters are coded", where))
    if not text.strip():
        yield rejected(where, "empty text")
        return
    title = None
    head, sep, body = text.partition("\n\n")
    if sep and "\n" not in head.strip() and body.strip() and len(head) < 300:
        title = head.strip()
    yield make_article(article_id, text, title=title, where=where, default_date=default_date, problems=problems)


# -- JSONL -----------------------------------------------------------------------------------------


def _read_jsonl_file(path: Path, default_date: date | None) -> Iterator[Item]:
    try:
        raw = path.open("rb")
    except OSError as exc:
        yield rejected(str(path), f"cannot read file: {exc.strerror or exc}")
        return
    with raw:
        stream: IO[bytes] = gzip.GzipFile(fileobj=raw) if path.name.lower().endswith(".gz") else raw  # type: ignore[assignment]
        try:
            head = stream.peek(BINARY_SNIFF)  # type: ignore[attr-defined]
        except (OSError, EOFError, zlib.error) as exc:
            yield rejected(str(path), f"not a gzip file, or corrupt: {exc}")
            return
        sniffed = sniff_encoding(head)
        if sniffed is None:
            yield rejected(str(path), "binary file (NUL bytes in its first 8 KB), not JSON lines; skipped")
            return
        if sniffed[0] != "utf-8":
            stream = _Utf8Lines(io.TextIOWrapper(stream, encoding=sniffed[0], errors="replace"))  # type: ignore[assignment]
        yield from _read_jsonl_lines(stream, str(path), _stem(path), default_date)


def _read_jsonl_lines(stream: IO[bytes], where: str, stem: str, default_date: date | None) -> Iterator[Item]:
    record = 0
    lineno = 0
    while True:
        try:
            line = stream.readline(MAX_LINE_BYTES + 1)
        except (OSError, EOFError, zlib.error) as exc:  # a truncated or corrupt gzip stream
            yield rejected(f"{where}:{lineno + 1}", f"compressed data is truncated or corrupt from here ({exc or type(exc).__name__}); "
                                                    f"the {record} records before it were read, the rest of the file is lost")
            return
        if not line:
            return
        lineno += 1
        here = f"{where}:{lineno}"
        if lineno == 1 and line.startswith(codecs.BOM_UTF8):
            line = line[len(codecs.BOM_UTF8):]
        if len(line) > MAX_LINE_BYTES and not line.endswith(b"\n"):
            record += 1
            _skip_line(stream)
            yield rejected(here, f"record longer than {MAX_LINE_BYTES // 2**20} MB; line skipped (split the article, or raise MAX_LINE_BYTES)")
            continue
        if not line.strip():
            continue
        record += 1
        item = _record(line, here, f"{stem}:{record}", default_date)
        yield item


def _record(line: bytes, here: str, default_id: str, default_date: date | None) -> Item:
    """One JSON line -> an article, or the reason it is not one."""
    try:
        obj = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError as exc:
        return rejected(here, f"invalid UTF-8 at column {exc.start + 1}; line skipped")
    except json.JSONDecodeError as exc:
        return rejected(here, f"broken JSON ({exc.msg} at column {exc.colno}); line skipped")
    except RecursionError:
        return rejected(here, "JSON nested too deeply to read; line skipped")
    except ValueError as exc:  # a number too long to convert (Python's 4,300-digit limit)
        return rejected(here, f"unreadable JSON value ({str(exc).split(';')[0]}); line skipped")
    if not isinstance(obj, dict):
        return rejected(here, f"expected a JSON object with a 'text' field, got {type(obj).__name__}; line skipped")
    text = obj.get("text")
    if not isinstance(text, str):
        return rejected(here, "record has no 'text' string field; line skipped")
    if not text.strip():
        return rejected(here, "empty text; line skipped")
    problems: list[Problem] = []
    fields: dict[str, str | None] = {}
    for name in ("id", "title", "url", "source"):
        value = _opt_str(obj.get(name))
        if value is not None:
            value, found = clean_string(value, here, field=name)
            problems.extend(found)
        fields[name] = value
    text, found = clean_string(text.replace("\r\n", "\n"), here, field="text")
    problems.extend(found)
    meta = {k: clean_value(v) for k, v in obj.items() if k not in OPTIONAL_FIELDS + ("text", "published") and isinstance(v, (str, int, float))}
    return make_article(fields["id"] or default_id, text, title=fields["title"], url=fields["url"], source=fields["source"],
                        metadata_date=obj.get("date") or obj.get("published"), where=here, default_date=default_date,
                        problems=problems, meta=meta)


def _skip_line(stream: IO[bytes]) -> None:
    while True:
        chunk = stream.readline(MAX_LINE_BYTES)
        if not chunk or chunk.endswith(b"\n"):
            return


# -- helpers ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Read(Ingested):
    """An ``Ingested`` article that remembers where it was read (``file:line`` or ``file:item n``), so
    that a later message about it (a duplicate id) can name the place."""

    where: str | None = None


def make_article(article_id: str, text: str, *, title: str | None = None, url: str | None = None, source: str | None = None,
                 metadata_date: object = None, where: str, default_date: date | None, problems: Iterable[Problem] = (),
                 meta: dict | None = None) -> Ingested:
    """An article with its date found (metadata, dateline, ``default_date``) and the problems met while
    reading it (the pipeline puts them on the coded article)."""
    if isinstance(metadata_date, (int, float)) and not isinstance(metadata_date, bool) and abs(metadata_date) > 10**12:
        metadata_date = str(metadata_date)[:40]  # never format a huge number whole
    published, found = article_date(metadata_date, text, default_date, where)
    pairs = tuple(sorted((str(k), str(v)) for k, v in (meta or {}).items()))
    article = Article(id=article_id, text=text, title=title, url=url, source=source, published=published, meta=pairs)
    return Read(article, tuple(replace(p, article=article_id) for p in (*problems, *found)), where)


def _unique(items: Iterator[Item]) -> Iterator[Item]:
    """``items`` with an id met before renamed ``<id>#<n>``, and a problem saying so."""
    seen: dict[str, int] = {}
    for item in items:
        if isinstance(item, Problem):
            yield item
            continue
        aid = item.article.id
        if aid not in seen:
            seen[aid] = 1
            yield item
            continue
        n = seen[aid] + 1
        while f"{aid}#{n}" in seen:
            n += 1
        seen[aid] = n
        new = f"{aid}#{n}"
        seen[new] = 1
        inner = item.item
        article = replace(item.article, id=new)
        inner = replace(inner, article=article) if isinstance(inner, ParsedDoc) else article
        where = item.where if isinstance(item, Read) else next((p.where for p in item.problems if p.where), None)
        note = Problem("ingest", f"duplicate article id {aid!r} (an earlier article has it); coded as {new!r} so that event ids stay unique",
                       where, article=new)
        yield Ingested(inner, tuple(replace(p, article=new) for p in item.problems) + (note,))


def _opt_str(value: object) -> str | None:
    if value in (None, "") or isinstance(value, (dict, list)):
        return None
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 10**40:
        return None
    return str(value)


def _suffix(path: Path) -> str:
    name = path.name.lower()
    for compound in COMPOUND_SUFFIXES:
        if name.endswith(compound):
            return compound
    return path.suffix.lower()


def _stem(path: Path) -> str:
    name = path.name
    for suffix in COMPOUND_SUFFIXES:
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return path.stem


def _suffix_list() -> str:
    return ", ".join(sorted(READ_SUFFIXES))


class _Utf8Lines:
    """A text stream (UTF-16 or UTF-32 decoded) read as UTF-8 byte lines, as the JSONL reader reads."""

    def __init__(self, text: io.TextIOWrapper) -> None:
        self._text = text
        self._first = True

    def readline(self, limit: int = -1) -> bytes:
        line = self._text.readline(limit if limit < 0 else max(1, limit // 4))
        if self._first:
            line = line.lstrip("\ufeff")
            self._first = False
        return line.encode("utf-8", errors="replace")

    def read(self, n: int = -1) -> bytes:
        return self._text.read(n if n < 0 else max(1, n // 4)).encode("utf-8", errors="replace")


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
