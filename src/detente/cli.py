"""The ``detente`` command: a thin shell over the library (STYLE.md 5).

Each command checks its arguments and makes one library call. Exit status (DESIGN.md §5, the
sqlite-utils habit): 0 when everything was coded; 1 when a stage failed on some article; 2 when input
was rejected, in part or whole, or the command was misused (bad flags, a malformed dictionary, a
missing model), never with a traceback. Every error-level problem is printed once on stderr as the
stream goes by (warnings too with ``--verbose``), the rest is still coded, and a one-line summary
ends a run in which anything went wrong.
"""

from __future__ import annotations

import argparse
import sys
from typing import Iterable, Iterator, Sequence

from detente.errors import DetenteError, ModelNotInstalledError, UserInputError
from detente.model import CodedArticle, Problem

EXIT_OK, EXIT_ERROR, EXIT_USER = 0, 1, 2


class _Report:
    """Prints each problem once on stderr as the stream goes by — errors always, warnings with
    ``--verbose`` — and remembers what happened, for the summary line and the exit status."""

    def __init__(self, verbose: bool = False) -> None:
        self.verbose = verbose
        self.rejected = 0  # inputs that could not become articles, or were read only in part
        self.failed = 0  # articles a stage failed on
        self.warnings = 0
        self.articles = 0

    def problem(self, p: Problem) -> None:
        if p.severity == "error":
            if p.stage == "ingest":
                self.rejected += 1
            print(f"detente: {p}" if p.stage == "ingest" else f"detente: {p.article or '-'}: {p.stage} failed: {p.message}", file=sys.stderr)
        else:
            self.warnings += 1
            if self.verbose:
                print(f"detente: warning: {p.stage}: {p}", file=sys.stderr)

    def coded(self, items: Iterable[CodedArticle]) -> Iterator[CodedArticle]:
        for c in items:
            self.articles += 1
            if c.failed:
                self.failed += 1
            for p in c.problems:
                self.problem(p)
            yield c

    def exit_status(self) -> int:
        if self.rejected or self.failed:
            parts = []
            if self.rejected:
                parts.append(f"{self.rejected} input problem{'s' if self.rejected != 1 else ''}")
            if self.failed:
                parts.append(f"{self.failed} article{'s' if self.failed != 1 else ''} not fully coded (a stage failed)")
            print(f"detente: {self.articles} articles coded; " + "; ".join(parts), file=sys.stderr)
        return EXIT_USER if self.rejected else EXIT_ERROR if self.failed else EXIT_OK


def _progress(items: Iterator[CodedArticle], setting: str) -> Iterator[CodedArticle]:
    show = setting == "always" or (setting == "auto" and sys.stderr.isatty())
    if not show:
        yield from items
        return
    from tqdm import tqdm

    yield from tqdm(items, unit=" articles", file=sys.stderr, desc="coding", dynamic_ncols=True)


def _shared(parser: argparse.ArgumentParser, files: bool = True) -> None:
    if files:
        parser.add_argument("files", nargs="+", metavar="FILE", help="input files or directories; - reads stdin")
    parser.add_argument("--dict", dest="dicts", action="append", default=[], metavar="DIR", help="extra dictionary directory or file (repeatable)")
    parser.add_argument("--no-default-dict", action="store_true", help="do not load the shipped default dictionaries")
    parser.add_argument("--date", help="date (YYYY-MM-DD) for articles that have none")
    parser.add_argument("--workers", type=int, help="parser processes")
    parser.add_argument("--batch-size", type=int, help="articles per parser batch")
    parser.add_argument("--progress", choices=["auto", "always", "never"], help="progress bar on stderr")
    parser.add_argument("-v", "--verbose", action="store_true", help="also print warnings (skipped dictionary lines, stray quote marks)")
    parser.add_argument("--one-sided", action="store_true", default=None, help="also keep events with only a source or only a target")
    parser.add_argument("--negated", action="store_true", default=None, help="also keep events the text says did not happen")
    parser.add_argument("--min-confidence", type=float, metavar="X", help="drop events whose confidence (0-1) is below X")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="detente", description="Political event data from news text.")
    parser.add_argument("--version", action="version", version=f"detente {_version()}")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("code", help="code events (JSONL or CSV to stdout)")
    _shared(p)
    p.add_argument("--format", choices=["jsonl", "csv"], default="jsonl")
    p = sub.add_parser("quotes", help="extract quotations and speakers (JSONL or CSV to stdout)")
    _shared(p)
    p.add_argument("--format", choices=["jsonl", "csv"], default="jsonl")
    p = sub.add_parser("explain", help="show how a sentence or file is coded, step by step")
    p.add_argument("input", help="a sentence in quotes, or a file")
    _shared(p, files=False)
    p = sub.add_parser("validate", help="score a PETRARCH validation file (expected vs produced events)")
    p.add_argument("records", help="validation XML file (PETRARCH format)")
    p.add_argument("--dict", dest="dicts", action="append", default=[], metavar="DIR", required=True, help="dictionary directory or file (repeatable)")
    p.add_argument("--json", action="store_true", help="print one JSON object with the totals")
    p.add_argument("--given-parses", action="store_true", help="use the records' CoNLL-U parses instead of parsing the text")
    p.add_argument("--quiet", action="store_true", help="totals only, no per-record lines")
    p.add_argument("-v", "--verbose", action="store_true", help="also print the dictionary loaders' warnings (skipped lines, normalised codes)")
    p = sub.add_parser("eval", help="score quotes and events against gold data (the showcase article, PolNeAR, PLV, ConfliBERT)")
    p.add_argument("dataset", choices=["showcase", "polnear", "plv", "conflibert"],
                   help="showcase: ../shared/showcase gold; polnear: a PolNeAR split; plv: PLOVER relations via relate; "
                        "conflibert: CAMEO pentaclass and source/target spans of each sentence's main event")
    p.add_argument("path", nargs="?", help="gold file or directory (default: ../shared/showcase, ../shared/eval/polnear-dev, "
                                           "../shared/eval/plv-train/PLV_train.tsv or ../shared/eval/conflibert-train)")
    p.add_argument("--json", action="store_true", help="print one JSON object with the scores")
    _shared(p, files=False)
    p = sub.add_parser("demo", help="code the bundled sample corpus and print a summary")
    _shared(p, files=False)
    _analysis_commands(sub)
    return parser


# --- analyze (issue 10): dyad, alerts, top; each opens the database read-only and makes one library call ---
ANALYSIS_COMMANDS = ("dyad", "alerts", "top")


def _analysis_commands(sub) -> None:
    def common(p: argparse.ArgumentParser, formats: tuple[str, ...] = ("table", "csv", "json")) -> None:
        p.add_argument("--db", metavar="FILE", help="detente database (default: the db setting, else detente.duckdb)")
        p.add_argument("--since", metavar="YYYY-MM-DD", help="first day to analyse")
        p.add_argument("--exact", action="store_true", help="count actor codes as coded (no roll-up of RUSGOV to RUS)")
        p.add_argument("--format", choices=formats, default="table")

    p = sub.add_parser("dyad", help="what SOURCE did to TARGET per period (quad classes, Goldstein, PLOVER types)")
    p.add_argument("source", help="actor code, e.g. RUS (counts RUSGOV, RUSMIL… unless --exact)")
    p.add_argument("target", help="actor code, e.g. USA")
    common(p)
    p.add_argument("--until", metavar="YYYY-MM-DD", help="last day to analyse")
    p.add_argument("--freq", choices=["day", "week", "month"], default="week", help="period of the series")
    p.add_argument("--both", action="store_true", help="both directions, with the reciprocity (VAR/Granger) tests")
    p.add_argument("--reciprocity", action="store_true", help="run the reciprocity tests (implied by --both except with --format csv)")
    p.add_argument("--dedup", action="store_true", default=None, help="count clusters of reports of one event, not every report")
    p = sub.add_parser("alerts", help="escalation alerts: dyads whose conflict rises sharply against their own history")
    common(p, ("table", "json", "csv"))
    p.add_argument("--threshold", type=float, help="robust z-score from which a week alerts (alert_threshold)")
    p.add_argument("--history-weeks", type=int, help="weeks of history each week is compared against (alert_history_weeks)")
    p.add_argument("--min-events", type=int, help="conflict acts a week needs to alert (alert_min_events)")
    p = sub.add_parser("top", help="the most active and the most conflictual dyads of a period")
    common(p)
    p.add_argument("--until", metavar="YYYY-MM-DD", help="last day to analyse")
    p.add_argument("--n", type=int, default=10, help="dyads in each ranking")


def _analyze(args: argparse.Namespace) -> int:
    import duckdb

    from detente import analyze
    from detente.settings import Settings

    settings = Settings.load().with_(
        dedup=getattr(args, "dedup", None), alert_threshold=getattr(args, "threshold", None),
        alert_history_weeks=getattr(args, "history_weeks", None), alert_min_events=getattr(args, "min_events", None),
    )
    path = args.db or getattr(settings, "db", None) or "detente.duckdb"
    con = analyze.connect(path)
    try:
        return _analysis(args, settings, con)
    except duckdb.Error as exc:  # a failure inside DuckDB (disk full while spilling…): exit 1, said plainly
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise DetenteError(f"{path}: the analysis failed in DuckDB: {first}") from None
    finally:
        con.close()


def _analysis(args: argparse.Namespace, settings, con) -> int:
    """The one library call of the command, rendered."""
    from detente import analyze
    from detente.analyze import render

    if args.command == "dyad":
        recip = args.reciprocity or (args.both and args.format != "csv")
        report = analyze.dyad_report(
            con, args.source, args.target, freq=args.freq, both=args.both, exact=args.exact, since=args.since,
            until=args.until, dedup=settings.dedup, window_days=settings.dedup_window_days,
            min_similarity=settings.dedup_min_similarity, with_reciprocity=recip,
            max_lag=settings.reciprocity_max_lag, alpha=settings.reciprocity_alpha)
        sys.stdout.write(render.render_dyad(report, args.format))
        if args.format == "csv":  # notes and tests go beside the data, never into it
            for note in report.notes:
                print(f"detente: note: {note}", file=sys.stderr)
            if report.reciprocity:
                print("\n".join(report.reciprocity.sentences()), file=sys.stderr)
    elif args.command == "alerts":
        report = analyze.find_alerts(
            con, since=args.since, exact=args.exact, history_weeks=settings.alert_history_weeks,
            threshold=settings.alert_threshold, min_events=settings.alert_min_events,
            min_warnings=settings.alert_min_warnings, min_scale=settings.alert_min_scale)
        sys.stdout.write(render.render_alerts(report, args.format))
    else:
        report = analyze.top_dyads(con, since=args.since, until=args.until, n=args.n, exact=args.exact)
        sys.stdout.write(render.render_top(report, args.format))
    sys.stdout.flush()
    return EXIT_OK
# --- end analyze ---


def _version() -> str:
    from detente import __version__

    return __version__


def _settings(args: argparse.Namespace):
    from detente.settings import Settings

    return Settings.load().with_(
        dictionaries=tuple(args.dicts) if getattr(args, "dicts", None) else None,
        default_dictionaries=False if getattr(args, "no_default_dict", False) else None,
        date=getattr(args, "date", None),
        workers=getattr(args, "workers", None),
        batch_size=getattr(args, "batch_size", None),
        progress=getattr(args, "progress", None),
        one_sided=getattr(args, "one_sided", None),
        negated=getattr(args, "negated", None),
        min_confidence=getattr(args, "min_confidence", None),
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return _run(args)
    except (UserInputError, ModelNotInstalledError) as exc:
        print(f"detente: {exc}", file=sys.stderr)
        return EXIT_USER
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
    except DetenteError as exc:
        print(f"detente: {exc}", file=sys.stderr)
        return EXIT_ERROR


def _run(args: argparse.Namespace) -> int:
    if args.command in ANALYSIS_COMMANDS:
        return _analyze(args)
    from detente.pipeline import Pipeline

    settings = _settings(args)
    status = _Report(verbose=getattr(args, "verbose", False))
    if args.command in ("code", "quotes"):
        from detente import export
        from detente.ingest import read_inputs

        pipeline = Pipeline(settings)
        for p in pipeline.dictionaries.problems:
            status.problem(p)
        coded = status.coded(_progress(pipeline.code(read_inputs(args.files), on_rejected=status.problem), settings.progress))
        if args.command == "code":
            export.write_records(export.event_records(coded), sys.stdout, args.format, export.EVENT_FIELDS)
        else:
            export.write_records(export.quote_records(coded), sys.stdout, args.format, export.QUOTE_FIELDS)
        sys.stdout.flush()
        return status.exit_status()
    if args.command == "explain":
        from detente.explain import explain_coded, render

        coded = explain_coded(Pipeline(settings, trace=True), args.input)
        sys.stdout.write(render(coded))
        list(status.coded([coded]))
        return status.exit_status()
    if args.command == "validate":
        import json

        from detente.validate import format_report, validate

        report = validate(args.records, tuple(args.dicts), given_parses=args.given_parses, settings=settings)
        for p in report.problems:
            status.problem(p)
        if args.json:
            print(json.dumps(report.totals()))
        else:
            sys.stdout.write(format_report(report, verbose=not args.quiet))
        return EXIT_OK
    if args.command == "eval":
        import json

        from detente.evaluation import run_eval

        report = run_eval(args.dataset, args.path, Pipeline(settings))
        sys.stdout.write(json.dumps(report.totals()) + "\n" if args.json else report.format())
        return EXIT_OK
    if args.command == "demo":
        from detente.explain import code_sample, summarise

        coded = list(status.coded(code_sample(Pipeline(settings))))
        sys.stdout.write(summarise(coded))
        return status.exit_status()
    raise UserInputError(f"unknown command {args.command!r}")


if __name__ == "__main__":
    sys.exit(main())
