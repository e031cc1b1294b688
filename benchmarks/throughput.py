"""Throughput of detente against spaCy alone, on one machine (issue 13; the table is in docs/scale.md).

    python benchmarks/throughput.py [--articles 2000] [--runs 3] [--scale 10] [--keep DIR]

Builds a corpus of at least ``--articles`` realistic articles from the bundled sample corpus (its 41
wire-style articles repeated under new ids and dates: spaCy and detente cache nothing across
articles, so a repeat costs what a new article would), then times whole processes, alternating, ``--runs``
times each:

  (a) spaCy's default pipeline (every component, NER included) over the same texts with ``nlp.pipe``;
  (b) ``detente code`` end to end (JSONL to /dev/null), without the pre-filter;
  (c) the same with ``--prefilter``;
  (d) (c) with ``--workers 2``.

Prints words/s, sentences/s, articles/s and peak RSS (the process and, for (d), its largest parser
child) as the median of the runs, the ratios b/a, c/a and d/c against the targets (c/a >= 2.0,
d/c >= 1.7, RSS < 1 GB), and with ``--scale`` the peak RSS of (c) on the corpus repeated that many times
(flat memory). Times include loading the model and dictionaries, as a user's run does. Not a test:
speed is reported, never asserted. Run it on an otherwise idle machine, or say it was shared.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

TARGETS = {"c/a": 2.0, "d/c": 1.7}
SPACY_ALONE = r"""
import json, resource, sys
import spacy
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
nlp = spacy.load(sys.argv[2])
sentences = sum(len(list(doc.sents)) for doc in nlp.pipe(texts, batch_size=256))
print(json.dumps({"sentences": sentences}))
"""


def build_corpus(path: Path, articles: int) -> dict:
    """Write the sample corpus repeated to at least ``articles`` articles; return its counts."""
    from detente.explain import sample_corpus

    lines = [json.loads(line) for line in sample_corpus().read_text(encoding="utf-8").splitlines() if line.strip()]
    n, words = 0, 0
    with path.open("w", encoding="utf-8") as fh:
        copy = 0
        while n < articles:
            for record in lines:
                r = dict(record)
                r["id"] = f"{record.get('id', n)}#{copy}"
                if r.get("date"):
                    r["date"] = (date.fromisoformat(r["date"]) + timedelta(days=copy)).isoformat()
                fh.write(json.dumps(r) + "\n")
                words += len(re.findall(r"\S+", r["text"]))
                n += 1
            copy += 1
    return {"articles": n, "words": words}


def measure(cmd: list[str]) -> tuple[float, float, float, str]:
    """Run ``cmd`` under a tiny wrapper; wall seconds, CPU seconds (user + system, the process and its
    children) and peak RSS in MB (the largest single process), and its stdout."""
    wrapper = ("import resource, subprocess, sys, json, time\n"
               "t = time.perf_counter()\n"
               "p = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE)\n"
               "s = time.perf_counter() - t\n"
               "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
               "sys.stderr.write(json.dumps({'rc': p.returncode, 'seconds': s, 'cpu': u.ru_utime + u.ru_stime, "
               "'rss_mb': u.ru_maxrss / 1024}) + '\\n')\n"
               "sys.stdout.write(p.stdout.decode())\n")
    proc = subprocess.run([sys.executable, "-c", wrapper, *cmd], capture_output=True)
    report = json.loads(proc.stderr.decode().strip().splitlines()[-1])
    if report["rc"] not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({report['rc']})")
    return report["seconds"], report["cpu"], report["rss_mb"], proc.stdout.decode()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=2000, help="at least this many articles (default 2000)")
    ap.add_argument("--runs", type=int, default=3, help="runs of each configuration; the median is reported (default 3)")
    ap.add_argument("--scale", type=int, default=10, help="also measure (c)'s peak RSS on the corpus this many times over (0: skip)")
    ap.add_argument("--only", default="abcd", help="configurations to run (default abcd)")
    ap.add_argument("--keep", metavar="DIR", help="write the corpus here and keep it (default: a temporary directory)")
    args = ap.parse_args()

    from detente.settings import Settings

    model = Settings().spacy_model
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="detente-throughput-"))
    folder.mkdir(parents=True, exist_ok=True)
    corpus = folder / "corpus.jsonl"
    counts = build_corpus(corpus, args.articles)
    detente = [sys.executable, "-m", "detente.cli", "code", str(corpus), "--progress", "never"]
    configs = {
        "a": ("spaCy default pipeline, nlp.pipe", [sys.executable, "-c", SPACY_ALONE, str(corpus), model]),
        "b": ("detente code, no pre-filter", detente),
        "c": ("detente code --prefilter", [*detente, "--prefilter"]),
        "d": ("detente code --prefilter --workers 2", [*detente, "--prefilter", "--workers", "2"]),
    }
    configs = {k: v for k, v in configs.items() if k in args.only}
    print(f"corpus: {counts['articles']} articles, {counts['words']} words ({corpus}); {args.runs} runs each, alternating; "
          f"cpu count {os.cpu_count()}", flush=True)
    results: dict[str, list[tuple[float, float, float]]] = {k: [] for k in configs}
    for n in range(args.runs):
        for key, (label, cmd) in configs.items():
            seconds, cpu, rss, out = measure(cmd)
            if key == "a":
                counts["sentences"] = json.loads(out.strip().splitlines()[-1])["sentences"]
            results[key].append((seconds, cpu, rss))
            print(f"  run {n + 1} ({key}) {label}: {seconds:.1f} s wall, {cpu:.1f} s CPU, peak RSS {rss:.0f} MB", flush=True)
    sentences = counts.get("sentences")
    median = {k: (statistics.median(s for s, _, _ in v), statistics.median(c for _, c, _ in v), max(r for _, _, r in v))
              for k, v in results.items()}
    print()
    print("Rates per wall second (what a user waits), and per CPU second (what one core does; steady on a shared machine).")
    print(f"| run | words/s | sentences/s | articles/s | articles per CPU-s | peak RSS | wall s | CPU s (median of {args.runs}) |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for key, (seconds, cpu, rss) in median.items():
        sent = f"{sentences / seconds:,.0f}" if sentences else "-"
        print(f"| ({key}) {configs[key][0]} | {counts['words'] / seconds:,.0f} | {sent} | {counts['articles'] / seconds:,.1f} | "
              f"{counts['articles'] / cpu:,.1f} | {rss:,.0f} MB | {seconds:.1f} | {cpu:.1f} |")
    for name, (x, y) in {"b/a": ("b", "a"), "c/a": ("c", "a"), "d/c": ("d", "c")}.items():
        if x in median and y in median:
            wall = median[y][0] / median[x][0]  # a speed ratio: the inverse of the times
            cpu = median[y][1] / median[x][1]
            target = f" (target >= {TARGETS[name]})" if name in TARGETS else ""
            print(f"{name} = {wall:.2f} by wall time, {cpu:.2f} by CPU time{target}")
    if args.scale and "c" in configs:
        big = folder / f"corpus-x{args.scale}.jsonl"
        big_counts = build_corpus(big, counts["articles"] * args.scale)
        seconds, _, rss, _ = measure([sys.executable, "-m", "detente.cli", "code", str(big), "--progress", "never", "--prefilter"])
        print(f"peak RSS of (c): {median['c'][2]:,.0f} MB on {counts['articles']} articles (1x), {rss:,.0f} MB on "
              f"{big_counts['articles']} articles ({args.scale}x, {seconds:.0f} s)")


if __name__ == "__main__":
    main()
