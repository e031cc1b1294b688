"""CoNLL-U -> ``ParsedDoc``, so a given parse (UniversalPetrarch inputs, a UDPipe or Stanza run) codes
exactly like a spaCy one. A reader of ingest: a CoNLL-U file is input that arrives already parsed, so
the parse stage passes its documents straight through.

Reads the ten CoNLL-U columns; multiword-token ranges (``3-4``) and empty nodes (``5.1``) are skipped.
The sentence text comes from ``# text =`` when present, else from the forms joined with a space unless
MISC says ``SpaceAfter=No``. A ``# newdoc`` comment starts a new article (its ``id`` when given); without
one a file is one article. Dependency labels are kept as given (UD labels); the coding stages accept
both UD and spaCy/ClearNLP labels.

What it does not do: convert labels, or check that the tree is well formed beyond what offsets need
(a head outside the sentence becomes the root, with a problem recorded).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Iterator

from detente.model import Article, Ingested, ParsedDoc, Problem, Sentence, Token


MAX_CONLLU_BYTES = 64 * 1024 * 1024


@dataclass
class _RawSentence:
    text: str | None = None
    rows: list[list[str]] = field(default_factory=list)
    line: int = 0


def parse_conllu(text: str, article_id: str = "conllu", *, published: date | None = None, where: str = "conllu") -> tuple[ParsedDoc, list[Problem]]:
    """One ``ParsedDoc`` from CoNLL-U text holding one document."""
    raws = list(_sentences(text.splitlines(), 1))
    return _build(raws, article_id, published, where)


def read_conllu_articles(path: Path, *, default_date: date | None = None) -> Iterator[Ingested | Problem]:
    """The documents of a CoNLL-U file as ``Ingested`` parses, or a ``Problem`` for a file or document
    that cannot be read."""
    try:
        if path.stat().st_size > MAX_CONLLU_BYTES:
            yield Problem("ingest", f"CoNLL-U file larger than {MAX_CONLLU_BYTES // 2**20} MB (read whole, it could take the process "
                                    "past 1 GB); split it at '# newdoc' lines", str(path))
            return
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        yield Problem("ingest", f"cannot read CoNLL-U file: {exc}", str(path))
        return
    docs: list[tuple[str | None, int, list[str]]] = []
    current: list[str] = []
    doc_id: str | None = None
    start = 1
    for lineno, line in enumerate(lines, 1):
        if line.startswith("# newdoc"):
            if any(l.strip() and not l.startswith("#") for l in current):
                docs.append((doc_id, start, current))
            current = []
            start = lineno + 1
            doc_id = line.split("=", 1)[1].strip() if "=" in line else None
            continue
        current.append(line)
    if any(l.strip() and not l.startswith("#") for l in current):
        docs.append((doc_id, start, current))
    if not docs:
        yield Problem("ingest", "no sentences in CoNLL-U file", str(path))
        return
    for n, (given, first_line, body) in enumerate(docs, 1):
        article_id = given or (path.stem if len(docs) == 1 else f"{path.stem}:{n}")
        try:
            doc, problems = _build(list(_sentences(body, first_line)), article_id, default_date, str(path))
        except ValueError as exc:
            yield Problem("ingest", str(exc), str(path))
            continue
        yield Ingested(doc, tuple(replace(p, article=article_id) for p in problems))


def _sentences(lines: list[str], first_line: int) -> Iterator[_RawSentence]:
    raw = _RawSentence(line=first_line)
    for lineno, line in enumerate(lines, first_line):
        if not line.strip():
            if raw.rows:
                yield raw
            raw = _RawSentence(line=lineno + 1)
            continue
        if line.startswith("#"):
            key, _, value = line[1:].partition("=")
            if key.strip() == "text":
                raw.text = value.strip()
            continue
        cols = line.split("\t")
        if len(cols) != 10:
            raise ValueError(f"line {lineno}: expected 10 tab-separated CoNLL-U columns, found {len(cols)}")
        if "-" in cols[0] or "." in cols[0]:
            continue
        raw.rows.append(cols + [str(lineno)])
    if raw.rows:
        yield raw


def _cycle_breaks(heads: list[int]) -> list[int]:
    """The tokens (0-based) to make roots so that ``heads`` (1-based, 0 = root) has no cycle: the first
    token of each cycle, in text order. A token heading itself counts as a root, as in spaCy."""
    state = [0] * len(heads)  # 0 unseen, 1 on the current path, 2 reaches a root
    breaks = []
    for start in range(len(heads)):
        path = []
        k = start
        while state[k] == 0:
            state[k] = 1
            path.append(k)
            h = heads[k] - 1
            if h < 0 or h == k:
                break
            k = h
        if state[k] == 1 and heads[k] - 1 not in (-1, k):  # walked back onto the path: a cycle
            cycle = path[path.index(k):]
            breaks.append(min(cycle))
        for x in path:
            state[x] = 2
    return sorted(breaks)


def _build(raws: list[_RawSentence], article_id: str, published: date | None, where: str) -> tuple[ParsedDoc, list[Problem]]:
    problems: list[Problem] = []
    pieces: list[str] = []
    sentences: list[Sentence] = []
    offset = 0
    base = 0
    for raw in raws:
        forms = [r[1] for r in raw.rows]
        if raw.text is None:
            raw.text = "".join(f + ("" if "SpaceAfter=No" in r[9] else " ") for f, r in zip(forms, raw.rows)).rstrip()
        spans = []
        cursor = 0
        for form, row in zip(forms, raw.rows):
            at = raw.text.find(form, cursor)
            if at < 0:
                problems.append(Problem("ingest", f"token {form!r} not found in '# text'; placed after previous token", f"{where}:{row[10]}"))
                at = cursor
            spans.append((at, at + len(form)))
            cursor = at + len(form)
        tokens = []
        heads = []
        for row in raw.rows:
            head_local = int(row[6]) if row[6].isdigit() and len(row[6]) < 9 else 0
            if head_local > len(raw.rows):
                problems.append(Problem("ingest", f"head {head_local} outside the sentence; token made a root", f"{where}:{row[10]}"))
                head_local = 0
            heads.append(head_local)
        for n in _cycle_breaks(heads):
            problems.append(Problem("ingest", f"heads form a cycle through token {n + 1}; it is made a root so the tree can be walked", f"{where}:{raw.rows[n][10]}"))
            heads[n] = 0
        for n, (row, (s, e)) in enumerate(zip(raw.rows, spans)):
            head_local = heads[n]
            head = base + (head_local - 1 if head_local else n)
            tokens.append(
                Token(
                    i=base + n,
                    start=offset + s,
                    end=offset + e,
                    text=row[1],
                    lemma=row[2] if row[2] != "_" else row[1].lower(),
                    pos=row[3],
                    tag=row[4] if row[4] != "_" else row[3],
                    dep="ROOT" if head_local == 0 else row[7].lower(),
                    head=head,
                )
            )
        sentences.append(Sentence(len(sentences), offset, offset + len(raw.text), tuple(tokens)))
        pieces.append(raw.text)
        offset += len(raw.text) + 1
        base += len(tokens)
    text = "\n".join(pieces)
    article = Article(id=article_id, text=text, published=published)
    return ParsedDoc(article, tuple(sentences)), problems
