"""Recall of detente's events against references written blind by CAMEO coders (issue 9).

The references in ``tools/recall/`` are our own annotations: for each sampled sentence, the events a
careful coder codes (source and target actor codes, CAMEO code; at most three a sentence; ``NONE`` for
a sentence with no event). They hold codes and offsets only; the sentences stay in ``../shared``.
W1 and A1 (wire, articles) are development references; W2 and A2 are held out: measure them, never read
their misses. The coders saw only the sentences (article sentences with their headline, date and the two
sentences before them), ``../shared/eval/AUDIT.md`` and a brief; never an output.

    python tools/recall.py corpus ../shared /tmp/recall          # the two corpora as detente input
    .venv/bin/detente code /tmp/recall/conflibert.jsonl > cb.jsonl
    .venv/bin/detente code /tmp/recall/polnear.jsonl > pn.jsonl
    python tools/recall.py score cb.jsonl pn.jsonl                # strict and loose recall per reference

Strict: an event in the sentence (its trigger inside it, or a statement whose quotation overlaps it)
with the reference's CAMEO root and both actors matching; loose: root and one actor. Actors match on the
country (or ``IGO``, or ``---`` in the reference for any country) and, when the reference gives one, the
role, found anywhere in the code's role chain (``SYRGOVMIL`` is a GOV and a MIL). REB, INS and UAF are one
role, as are GOV and ELI (AUDIT.md accepts either for leaders); a bare country code of ours matches a
reference GOV ("the United States" acting as the state). The three listed IGO codes must match exactly.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent / "recall"
SAME_ROLE = {"INS": "REB", "UAF": "REB", "ELI": "GOV"}
SAME_COUNTRY = {"XKX": "KSV"}
LISTED_IGOS = {"IGOUNO", "IGOWSTNAT", "IGOEUREEC"}


def corpus(shared: Path, out: Path) -> None:
    """The ConfliBERT sentences (id ``cb`` + line number) and the PolNeAR dev articles (id: file stem,
    date: from the file name) as JSONL for ``detente code``."""
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "conflibert.jsonl", "w", encoding="utf-8") as fh:
        tsv = shared / "eval/conflibert-train/cameo_class_train.tsv"
        for i, line in enumerate(tsv.open(encoding="utf-8", newline="")):
            line = line.rstrip("\r\n")
            if line:
                fh.write(json.dumps({"id": f"cb{i:04d}", "text": line.rsplit("\t", 1)[0]}) + "\n")
    with open(out / "polnear.jsonl", "w", encoding="utf-8") as fh:
        for p in sorted((shared / "eval/polnear-dev/text").glob("*.txt")):
            day = re.search(r"_(\d{4}-\d\d-\d\d)_", p.name)
            fh.write(json.dumps({"id": p.stem, "text": p.read_text(encoding="utf-8"), "date": day.group(1) if day else None}) + "\n")


def _roles(code: str) -> set[str]:
    return {SAME_ROLE.get(code[i:i + 3], code[i:i + 3]) for i in range(3, len(code) - 2, 3)}


def actor_matches(ref: str, ours: str | None) -> bool:
    if not ours:
        return False
    ref, ours = ref.strip().upper(), ours.upper()
    ref, ours = SAME_COUNTRY.get(ref[:3], ref[:3]) + ref[3:], SAME_COUNTRY.get(ours[:3], ours[:3]) + ours[3:]
    if ref.startswith("IGO"):
        return ours.startswith(ref) if ref in LISTED_IGOS else ours.startswith("IGO")
    if ref[:3] != "---" and ref[:3] != ours[:3]:
        return False
    if len(ref) <= 3:
        return True
    role = SAME_ROLE.get(ref[3:6], ref[3:6])
    if len(ours) == 3:
        return ours != "---" and role == "GOV"
    return role in _roles(ours)


def _read(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def score(cb: Path, pn: Path, names: list[str], verbose: bool = False) -> dict[str, tuple[int, int, int]]:
    events: dict[str, list[dict]] = defaultdict(list)
    for path in (cb, pn):
        for line in open(path, encoding="utf-8"):
            e = json.loads(line)
            events[e["article_id"]].append(e)
    results = {}
    for name in names:
        samples = {r["sid"]: r for r in _read(HERE / f"{name}.samples.tsv")}
        strict = loose = total = 0
        for r in _read(HERE / f"{name}.ref.tsv"):
            if r["source"] == "NONE":
                continue
            s = samples[r["sid"]]
            start, end = int(s["start"]), int(s["end"])
            found = []
            for e in events[s["doc"]]:
                inside = start <= e["trigger"][0] < end
                if not inside and e["origin"] == "statement":
                    inside = e["evidence"][0] < end and e["evidence"][1] > start
                if inside and e["cameo"][:2] == r["cameo"].strip()[:2]:
                    found.append(e)
            both = any(actor_matches(r["source"], e["source"]) and actor_matches(r["target"], e["target"]) for e in found)
            one = both or any(actor_matches(r["source"], e["source"]) or actor_matches(r["target"], e["target"]) for e in found)
            total, strict, loose = total + 1, strict + both, loose + one
            if verbose and not both:
                print(f"  miss {r['sid']}: {r['source']} -> {r['target']} {r['cameo']}"
                      + "".join(f"\n      ours {e['source']} -> {e['target']} {e['cameo']} ({e['rule']})" for e in found))
        results[name] = (strict, loose, total)
        print(f"{name}: strict {strict}/{total} = {strict / max(total, 1):.3f}   loose {loose}/{total} = {loose / max(total, 1):.3f}")
    return results


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("corpus", help="write the two corpora as detente input")
    c.add_argument("shared", type=Path)
    c.add_argument("out", type=Path)
    s = sub.add_parser("score", help="recall of coded events against the references")
    s.add_argument("cb", type=Path, help="detente code output for conflibert.jsonl")
    s.add_argument("pn", type=Path, help="detente code output for polnear.jsonl")
    s.add_argument("--refs", nargs="+", default=["W1", "W2", "A1", "A2"])
    s.add_argument("-v", "--verbose", action="store_true", help="list the misses (development references only)")
    args = ap.parse_args(argv)
    if args.cmd == "corpus":
        corpus(args.shared, args.out)
    else:
        score(args.cb, args.pn, args.refs, args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
