"""The long fuzz run of ingest and coding (docs/fuzzing.md; ``make fuzz``; not part of ``make test``).

Generates documents of every input type detente reads — JSON lines, text, HTML pages, RSS and Atom
feeds, WARC files, CoNLL-U, gzip — from small seeds written for the project, mutates them (bytes
flipped, cut, repeated, spliced with other formats; encodings changed; BOMs, NUL bytes, surrogates,
huge numbers, deep nesting, long runs of quote marks, head cycles…), and for each one runs what
``detente code`` runs: the readers, then the whole pipeline through spaCy. It counts:

- crashes: any exception escaping the readers or ``Pipeline.code`` (a stage failing on one article is
  recorded on it and is not a crash; it is counted apart);
- hangs: a document taking longer than ``--timeout`` seconds (SIGALRM);
- problems of each kind, articles and events;
- the peak resident memory of the whole process.

Usage: ``python tools/fuzz_ingest.py --docs 10000 --seed 14 [--out fuzz-report.json]``. A crash or a
hang is written to ``--keep`` (default ``fuzz-failures/``) with its traceback, so it can be replayed.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import random
import resource
import signal
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

SENTENCES = [
    "Russia expelled ten American diplomats on Thursday.",
    "France criticised Germany over the trade deal, officials said.",
    "China urged Japan to show restraint.",
    '"We will respond," the Kremlin spokesman told reporters.',
    "Officials in Kyiv accused Moscow of shelling the city.",
    "The minister said talks would resume next week, according to a statement.",
    "\u201cThis is unacceptable,\u201d Lavrov said of the sanctions.",
    "Iran threatened to close the strait if attacked.",
]
DATELINES = ["MOSCOW, April 15 (Wire) - ", "WASHINGTON (AP) \u2014 ", "KYIV, Jan. 3 (Wire) -- ", ""]
SUFFIXES = [".jsonl", ".txt", ".html", ".rss", ".atom", ".xml", ".warc", ".warc.gz", ".jsonl.gz", ".conllu", ".md", ""]


def article_text(rng: random.Random) -> str:
    paras = []
    for _ in range(rng.randint(1, 4)):
        paras.append(" ".join(rng.choice(SENTENCES) for _ in range(rng.randint(1, 4))))
    return rng.choice(DATELINES) + "\n\n".join(paras)


def seed_document(rng: random.Random, suffix: str) -> bytes:
    text = article_text(rng)
    if suffix in (".jsonl", ".jsonl.gz"):
        lines = []
        for n in range(rng.randint(1, 4)):
            rec = {"id": f"r{n}", "text": article_text(rng), "title": "A title", "date": rng.choice(["2021-04-15", "20210415", "", "soon"])}
            lines.append(json.dumps(rec, ensure_ascii=rng.random() < 0.5))
        data = ("\n".join(lines) + "\n").encode()
        return gzip.compress(data) if suffix.endswith(".gz") else data
    if suffix == ".html":
        paras = "".join(f"<p>{p}</p>" for p in text.split("\n\n"))
        return (f"<html><head><title>News</title><meta property='article:published_time' content='2021-04-16'></head>"
                f"<body><nav><a href='/'>Home</a></nav><article><h1>News of the day</h1>{paras}</article>"
                f"<div class='comments'><p>Great!</p></div></body></html>").encode()
    if suffix in (".rss", ".xml"):
        items = "".join(f"<item><title>Item {n}</title><link>https://x.example/{n}</link><pubDate>Thu, 15 Apr 2021 10:00:00 GMT</pubDate>"
                        f"<description>{article_text(rng)}</description></item>" for n in range(rng.randint(1, 3)))
        return f"<?xml version='1.0'?><rss version='2.0'><channel><title>Feed</title>{items}</channel></rss>".encode()
    if suffix == ".atom":
        entries = "".join(f"<entry><title>E{n}</title><id>urn:e:{n}</id><updated>2021-04-15T10:00:00Z</updated>"
                          f"<content type='html'>&lt;p&gt;{article_text(rng)}&lt;/p&gt;</content></entry>" for n in range(rng.randint(1, 3)))
        return f"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'><title>F</title><id>urn:f</id>{entries}</feed>".encode()
    if suffix in (".warc", ".warc.gz"):
        return warc_bytes(rng, text, gz=suffix.endswith(".gz"))
    if suffix == ".conllu":
        words = rng.choice(SENTENCES).rstrip(".").split() + ["."]
        rows = []
        for i, w in enumerate(words, 1):
            head = rng.choice([0, rng.randint(1, len(words)), rng.randint(1, len(words) + 3)]) if rng.random() < 0.3 else (0 if i == 2 else 2)
            rows.append(f"{i}\t{w}\t{w.lower()}\tX\tX\t_\t{head}\tdep\t_\t_")
        return ("# text = " + " ".join(words) + "\n" + "\n".join(rows) + "\n\n").encode()
    return text.encode()


def warc_bytes(rng: random.Random, text: str, gz: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    body = ("<html><body><article>" + "".join(f"<p>{p}</p>" for p in text.split("\n\n")) + "</article></body></html>").encode()
    for ctype in rng.sample(["text/html", "text/html; charset=utf-8", "image/png", "application/json"], 2):
        headers = StatusAndHeaders(rng.choice(["200 OK", "404 Not Found"]), [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://x.example/", "response", payload=io.BytesIO(body), http_headers=headers))
    return out.getvalue()


def mutate(rng: random.Random, data: bytes, suffix: str = ".jsonl") -> bytes:
    """One to three mutations: the hostile inputs of issue 14 and random damage. Sizes are kept small
    enough for thousands of documents an hour through spaCy (a 100,000-character text costs the parser
    half a minute and tests nothing new); the huge cases are in tests/test_bad_input.py and docs/ingest.md."""
    jsonl = "jsonl" in suffix
    for _ in range(rng.randint(1, 3)):
        kind = rng.randrange(16)
        if kind == 0 and data:  # flip bytes
            b = bytearray(data)
            for _ in range(rng.randint(1, 8)):
                b[rng.randrange(len(b))] = rng.randrange(256)
            data = bytes(b)
        elif kind == 1 and data:  # truncate
            data = data[: rng.randrange(len(data))]
        elif kind == 2:  # BOM
            data = rng.choice([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"]) + data
        elif kind == 3:  # UTF-16
            data = data.decode("utf-8", "replace").encode(rng.choice(["utf-16", "utf-16-le", "utf-16-be"]))
        elif kind == 4:  # NUL bytes, early or late
            at = rng.randrange(len(data) + 1)
            data = data[:at] + b"\x00" * rng.randint(1, 3) + data[at:]
        elif kind == 5:  # a JSON line with a lone surrogate, a huge number or deep nesting
            depth = 50_000 if jsonl else 300  # JSON rejects it at once; as prose it is only parser work
            data += rng.choice([b'{"id": "s\\ud800", "text": "Russia \\udc00 said."}\n',
                                b'{"text": "x", "n": ' + b"9" * rng.randint(4000, 6000) + b"}\n",
                                b'{"text": "x", "n": ' + b"[" * depth + b"]" * depth + b"}\n"])
        elif kind == 6:  # a wall of quote marks
            data += rng.choice(['"', "'", "\u201c", "\u00ab", "''", "``", "-"]).encode() * rng.randint(500, 3000)
        elif kind == 7:  # invalid UTF-8
            at = rng.randrange(len(data) + 1)
            data = data[:at] + rng.choice([b"\xe9", b"\xff\xfe\xfd", b"\xc3", b"\xed\xa0\x80"]) + data[at:]
        elif kind == 8:  # splice with another format
            other = seed_document(rng, rng.choice(SUFFIXES))  # any format: a page pasted into a JSON line
            at = rng.randrange(len(data) + 1)
            data = data[:at] + other[: rng.randrange(len(other) + 1)] + data[at:]
        elif kind == 9:  # repeat a piece (long articles, long lines)
            if data:
                a = rng.randrange(len(data))
                data = data[:a] + data[a : a + rng.randint(1, 200)] * rng.randint(2, 60) + data[a:]
        elif kind == 10:  # random bytes
            data = bytes(rng.randrange(256) for _ in range(rng.randint(0, 2000)))
        elif kind == 11:  # empty or blank
            data = rng.choice([b"", b"\n\n", b"   ", b"{}\n", b"[]\n", b'{"text": ""}\n'])
        elif kind == 12:  # junk dates
            data = data.replace(b"2021-04-15", rng.choice([b"2021-04-15garbage", b"2021-02-30", b"99999-01-01", b"\xff"]))
        elif kind == 13:  # control characters and exotic spaces
            data += "\u2028\u2029\u200b\x0b\x0c\u00a0\u3000\ufeff".encode() * rng.randint(1, 50)
        elif kind == 14:  # gzip the damage, or damage the gzip
            data = gzip.compress(data) if rng.random() < 0.5 else data + b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff\xff\xff"
        else:  # markup in text
            data += b"<tweet author=\"x\">" + b"<b>" * rng.randint(1, 1000) + b" said \"no\"</tweet>"
    return data


def _kind(p) -> str:
    """A problem's kind for the tally: its message without numbers and quoted values."""
    import re

    message = re.sub(r"'[^']*'|\d+", "#", p.message.split(" (")[0].split(";")[0])
    return f"{p.severity}: {message[:70]}"


class Hang(BaseException):  # not an Exception: the pipeline's per-stage handler must not catch it
    pass


def _alarm(signum, frame):
    raise Hang()


def run(docs: int, seed: int, timeout: int, keep: Path) -> dict:
    from detente.ingest import read_inputs
    from detente.model import Problem
    from detente.pipeline import Pipeline

    rng = random.Random(seed)
    pipeline = Pipeline()
    stats = Counter()
    kinds = Counter()
    slowest = (0.0, "")
    keep.mkdir(parents=True, exist_ok=True)
    signal.signal(signal.SIGALRM, _alarm)
    started = time.time()
    with tempfile.TemporaryDirectory() as tmp:
        for n in range(docs):
            suffix = rng.choice(SUFFIXES)
            data = mutate(rng, seed_document(rng, suffix), suffix) if rng.random() < 0.9 else seed_document(rng, suffix)
            path = Path(tmp) / f"doc{n}{suffix}"
            path.write_bytes(data)
            t0 = time.time()
            signal.alarm(timeout)
            try:
                rejected: list[Problem] = []
                for coded in pipeline.code(read_inputs([str(path)], unique_ids=True), on_rejected=rejected.append):
                    stats["articles"] += 1
                    stats["events"] += len(coded.events)
                    if coded.failed:
                        stats["stage failures"] += 1
                        (keep / f"stage-{n}{suffix}").write_bytes(data)
                    for p in coded.problems:
                        kinds[_kind(p)] += 1
                    json.dumps(coded.article.to_dict(), ensure_ascii=False).encode("utf-8")  # reaches stdout
                for p in rejected:
                    kinds[_kind(p)] += 1
                    str(p).encode("utf-8")
                stats["documents ok"] += 1
            except Hang:
                stats["hangs"] += 1
                (keep / f"hang-{n}{suffix}").write_bytes(data)
            except Exception:
                stats["crashes"] += 1
                (keep / f"crash-{n}{suffix}").write_bytes(data)
                (keep / f"crash-{n}.txt").write_text(traceback.format_exc(), encoding="utf-8")
            finally:
                signal.alarm(0)
            took = time.time() - t0
            if took > slowest[0]:
                slowest = (took, f"doc{n}{suffix} ({len(data)} bytes)")
            path.unlink()
            if (n + 1) % 500 == 0:
                print(f"{n + 1} documents, {stats['crashes']} crashes, {stats['hangs']} hangs, "
                      f"peak {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB, {time.time() - started:.0f} s", file=sys.stderr)
    return {
        "documents": docs,
        "seed": seed,
        "crashes": stats["crashes"],
        "hangs": stats["hangs"],
        "stage_failures": stats["stage failures"],
        "articles": stats["articles"],
        "events": stats["events"],
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
        "seconds": round(time.time() - started),
        "slowest_document": {"seconds": round(slowest[0], 1), "doc": slowest[1]},
        "problems": dict(kinds.most_common(40)),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--timeout", type=int, default=300, help="seconds after which a document counts as a hang")
    parser.add_argument("--keep", type=Path, default=Path("fuzz-failures"))
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    report = run(args.docs, args.seed, args.timeout, args.keep)
    text = json.dumps(report, indent=2, ensure_ascii=False)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    return 1 if report["crashes"] or report["hangs"] else 0


if __name__ == "__main__":
    sys.exit(main())
