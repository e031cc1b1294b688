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
from pathlib import Path
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
            located = p.stage in ("ingest", "import")  # input rejected: the message names the file and line
            if located:
                self.rejected += 1
            print(f"detente: {p}" if located else f"detente: {p.article or '-'}: {p.stage} failed: {p.message}", file=sys.stderr)
        else:
            self.warnings += 1
            # input not read on purpose (files of other types in a directory, WARC records that are not
            # pages) is said even without --verbose: nothing is skipped silently
            if self.verbose or (p.stage == "ingest" and p.article is None):
                print(f"detente: warning: {p.stage}: {p}", file=sys.stderr)

    def coded(self, items: Iterable[CodedArticle]) -> Iterator[CodedArticle]:
        for c in items:
            self.article(c)
            yield c

    def article(self, c: CodedArticle) -> None:
        self.articles += 1
        if c.failed:
            self.failed += 1
        for p in c.problems:
            self.problem(p)

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
    parser.add_argument("--workers", type=int, help="worker processes, each coding whole chunks of articles end to end (docs/scale.md)")
    parser.add_argument("--batch-size", type=int, help="articles per parser batch")
    parser.add_argument("--prefilter", action="store_true", default=None, help="parse only sentences with an actor candidate, pronoun, trigger or quotation cue (gains only on text about no actor: docs/scale.md)")
    parser.add_argument("--progress", choices=["auto", "always", "never"], help="progress bar on stderr")
    parser.add_argument("-v", "--verbose", action="store_true", help="also print warnings (skipped dictionary lines, stray quote marks)")
    parser.add_argument("--one-sided", action="store_true", default=None, help="also keep events with only a source or only a target")
    parser.add_argument("--negated", action="store_true", default=None, help="also keep events the text says did not happen")
    parser.add_argument("--hypothetical", action="store_true", default=None, help="also keep events the text puts as possible, conditional or wished, not done")
    parser.add_argument("--min-confidence", type=float, metavar="X", help="drop events whose confidence (0-1) is below X")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="detente", description="Political event data from news text.")
    parser.add_argument("--version", action="version", version=f"detente {_version()}")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("code", help="code events (JSONL, CSV, GDELT 2.0 TSV or PLOVER JSON to stdout)")
    _shared(p)
    p.add_argument("--format", choices=["jsonl", "csv", "gdelt", "plover"], default="jsonl")
    p = sub.add_parser("quotes", help="extract quotations and speakers from FILES, or query them from a store with --db")
    p.add_argument("files", nargs="*", metavar="FILE", help="input files or directories; - reads stdin (not with --db)")
    _shared(p, files=False)
    p.add_argument("--format", choices=["jsonl", "csv", "parquet"], default="jsonl", help="parquet only with --db and --out")
    _quote_query_flags(p)
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
    p = sub.add_parser("eval", help="score quotes, events and places against gold data (the showcase article, PolNeAR, PLV, ConfliBERT, geo)")
    p.add_argument("dataset", choices=["showcase", "polnear", "plv", "conflibert", "geo"],
                   help="showcase: ../shared/showcase gold; polnear: a PolNeAR split; plv: PLOVER relations via relate; "
                        "conflibert: CAMEO pentaclass and source/target spans of each sentence's main event; "
                        "geo: event locations against the shipped blind annotation, beside the GDELT rule")
    p.add_argument("path", nargs="?", help="gold file or directory (default: ../shared/showcase, ../shared/eval/polnear-dev, "
                                           "../shared/eval/plv-train/PLV_train.tsv, ../shared/eval/conflibert-train; "
                                           "for geo the ../shared/eval directory its texts are read from)")
    p.add_argument("--json", action="store_true", help="print one JSON object with the scores")
    _shared(p, files=False)
    p = sub.add_parser("demo", help="code the bundled sample corpus into a demo database and print what an analyst sees")
    _shared(p, files=False)
    p.add_argument("--db", metavar="FILE", help="the demo database (default detente-demo.duckdb; its sample rows are replaced)")
    _store_parsers(sub)
    _batch_parsers(sub)
    _analysis_commands(sub)
    p = sub.add_parser("serve", help="the dashboard and JSON API over a store, at http://127.0.0.1:8000 (docs/serve.md)")
    _db_flag(p)
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
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


def _serve(args: argparse.Namespace) -> int:
    """``detente serve``: the database opened read-only, then the server until interrupted."""
    if not 0 < args.port < 65536:
        raise UserInputError(f"--port {args.port}: give a port from 1 to 65535")
    db = _settings(args).db
    if not Path(db).is_file():
        raise UserInputError(f"{db}: no such database; make one with detente ingest FILES --db {db} (or detente demo)")
    from detente.serve import run

    print(f"detente: serving {db} at http://{args.host}:{args.port} (Ctrl-C stops)", file=sys.stderr)
    run(db, host=args.host, port=args.port)
    return EXIT_OK


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
        prefilter=getattr(args, "prefilter", None),
        progress=getattr(args, "progress", None),
        one_sided=getattr(args, "one_sided", None),
        negated=getattr(args, "negated", None),
        hypothetical=getattr(args, "hypothetical", None),
        min_confidence=getattr(args, "min_confidence", None),
        db=getattr(args, "db", None),
        store_batch=getattr(args, "store_batch", None),
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return _run(args)
    except (UserInputError, ModelNotInstalledError) as exc:
        print(f"detente: {exc}", file=sys.stderr)
        return EXIT_USER
    except BrokenPipeError:  # the reader went away (`| head -1`): stop quietly, as cat and grep do
        _silence_stdout()
        return EXIT_OK
    except KeyboardInterrupt:
        print("\ndetente: interrupted; the output written so far is complete, line by line", file=sys.stderr)
        return 130
    except DetenteError as exc:
        print(f"detente: {exc}", file=sys.stderr)
        return EXIT_ERROR


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so that the interpreter's last flush does not fail again."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # stdout is not a file descriptor (a test's capture)
        pass


def _default_date(settings):
    """The ``--date`` (or ``date`` setting), for articles with no date of their own."""
    from detente.ingest import parse_date

    if not settings.date:
        return None
    found, problem = parse_date(settings.date, "--date")
    if problem:
        raise UserInputError(f"--date {settings.date!r}: expected YYYY-MM-DD")
    return found


def _run(args: argparse.Namespace) -> int:
    if args.command in ANALYSIS_COMMANDS:
        return _analyze(args)
    if args.command == "serve":
        return _serve(args)
    if args.command in ("batch", "load"):
        return _batch(args)
    from detente.pipeline import Pipeline

    settings = _settings(args)
    status = _Report(verbose=getattr(args, "verbose", False))
    if args.command in STORE_COMMANDS or (args.command == "quotes" and args.db):
        return _run_store(args, settings, status)
    if args.command == "quotes" and not args.files:
        raise UserInputError("quotes needs FILES to code, or --db DB to query a store")
    if args.command == "quotes" and (args.speaker or args.since or args.until or args.out or args.exact):
        raise UserInputError("--speaker, --since, --until, --exact and --out query a store: add --db DB (and no FILES)")
    if args.command == "quotes" and args.format == "parquet":
        raise UserInputError("--format parquet needs a store: detente quotes --db DB --format parquet --out FILE")
    if args.command in ("code", "quotes"):
        from detente import export
        from detente.ingest import read_inputs
        from detente.sink import WholeLines

        pipeline = Pipeline(settings)
        for p in pipeline.dictionaries.problems:
            status.problem(p)
        from detente import parallel

        inputs = read_inputs(args.files, default_date=_default_date(settings), unique_ids=True)
        coded = status.coded(_progress(parallel.code(pipeline, inputs, on_rejected=status.problem, tokens=False), settings.progress))
        try:
            with WholeLines.over(sys.stdout) as out:
                if args.command == "code" and args.format == "gdelt":
                    export.write_gdelt(export.event_rows(coded), out)
                elif args.command == "code" and args.format == "plover":
                    _, skipped = export.write_plover(export.event_rows(coded), out, coder=f"detente {_version()}")
                    _no_plover(skipped)
                elif args.command == "code":
                    export.write_records(export.event_records(coded), out, args.format, export.EVENT_FIELDS)
                else:
                    export.write_records(export.quote_records(coded), out, args.format, export.QUOTE_FIELDS)
        finally:
            coded.close()  # stopped early (a closed pipe, Ctrl-C): the worker processes are ended now
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
        if report.repairs:  # said on stderr too, so that --json and --quiet runs know the file was not clean XML
            print(f"detente: {args.records}: not well-formed XML; {len(report.repairs)} place(s) repaired to read it "
                  f"(first: {report.repairs[0]})", file=sys.stderr)
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
        from detente.explain import demo_store

        sys.stdout.write(demo_store(Pipeline(settings), args.db or "detente-demo.duckdb", on_article=status.article))
        return status.exit_status()
    raise UserInputError(f"unknown command {args.command!r}")


# -- the store: ingest, events, quotes --db, import (docs/store.md) ------------------------------------

STORE_COMMANDS = ("ingest", "events", "import")


def _db_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="FILE", help="the DuckDB store (default: the db setting, detente.duckdb)")


def _query_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--since", metavar="YYYY-MM-DD", help="only rows dated on or after this day")
    parser.add_argument("--until", metavar="YYYY-MM-DD", help="only rows dated on or before this day")
    parser.add_argument("--exact", action="store_true", help="actor codes match exactly (no roll-up: RUS does not match RUSGOV)")
    parser.add_argument("--out", metavar="FILE", help="write to FILE instead of stdout (needed for parquet)")


def _quote_query_flags(parser: argparse.ArgumentParser) -> None:
    _db_flag(parser)
    parser.add_argument("--speaker", help="with --db: an actor code (RUS also matches RUSGOV) or part of the speaker's name")
    _query_flags(parser)


def _store_parsers(sub) -> None:
    p = sub.add_parser("ingest", help="code FILES and store articles, events, quotes and problems in a DuckDB store")
    _shared(p)
    _db_flag(p)
    p.add_argument("--store-batch", type=int, metavar="N", help="articles per store transaction")
    p = sub.add_parser("events", help="query events from a store (JSONL, CSV, Parquet, GDELT 2.0 TSV or PLOVER JSON)")
    _db_flag(p)
    p.add_argument("--source", metavar="CODE", help="source actor code (a country also matches its own actors: RUS matches RUSGOV)")
    p.add_argument("--target", metavar="CODE", help="target actor code (rolled up the same way)")
    p.add_argument("--code", metavar="CAMEO", action="append", help="CAMEO code prefix: 17 (all coercion) or 173 (repeatable)")
    p.add_argument("--plover", metavar="TYPE", action="append", help="PLOVER event type, e.g. SANCTION (repeatable)")
    p.add_argument("--modality", action="append", help="asserted, planned, hypothetical, negated, reported or denied (repeatable)")
    p.add_argument("--dataset", action="append", help="detente, gdelt, icews or polecat (repeatable)")
    p.add_argument("--country", metavar="ISO3", action="append", help="where it happened: ISO 3166 alpha-3 country code, e.g. SYR (repeatable)")
    p.add_argument("--adm1", metavar="CODE", action="append", help="where it happened: GeoNames ADM1 code, e.g. US.NY or SY.09 (repeatable)")
    p.add_argument("--bbox", metavar="W,S,E,N", help="where it happened: events with coordinates inside this box (degrees)")
    p.add_argument("--format", choices=["jsonl", "csv", "parquet", "gdelt", "plover"], default="jsonl")
    _query_flags(p)
    p = sub.add_parser("import", help="load GDELT 2.0, ICEWS or POLECAT event files into a store")
    p.add_argument("kind", choices=["gdelt", "icews", "polecat"], help="the files' format")
    p.add_argument("files", nargs="+", metavar="FILE", help="event files (plain, .gz or .zip)")
    _db_flag(p)
    p.add_argument("-v", "--verbose", action="store_true", help="also print warnings (Latin-1 lines, unknown country names)")


def _no_plover(skipped: int) -> None:
    if skipped:
        print(f"detente: {skipped} event{'s' if skipped != 1 else ''} with no PLOVER category (CAMEO 01 statements, "
              f"02 appeals) left out of the PLOVER output", file=sys.stderr)


def _ingest_progress(setting: str):
    """On a terminal: a bar with articles/s and the events found so far; in a pipe: nothing."""
    def wrap(items: Iterator[CodedArticle]) -> Iterator[CodedArticle]:
        if not (setting == "always" or (setting == "auto" and sys.stderr.isatty())):
            yield from items
            return
        from tqdm import tqdm

        events = 0
        with tqdm(unit=" articles", file=sys.stderr, desc="ingesting", dynamic_ncols=True) as bar:
            for c in items:
                events += len(c.events)
                bar.set_postfix(events=events, refresh=False)
                bar.update(1)
                yield c
    return wrap


def _run_store(args: argparse.Namespace, settings, status: _Report) -> int:
    db = settings.db
    if args.command == "quotes" and args.files:
        raise UserInputError("quotes codes FILES, or queries a store with --db; not both at once")
    if args.command == "ingest":
        from detente.pipeline import Pipeline
        from detente.store import ingest

        summary = ingest(args.files, db, Pipeline(settings), on_problem=status.problem,
                         on_article=lambda c: list(status.coded([c])), progress=_ingest_progress(settings.progress))
        replaced = f"; {summary.replaced_in_run} replaced an article of the same id read earlier in this run ({', '.join(summary.replaced_ids[:5])})" if summary.replaced_in_run else ""
        print(f"detente: {summary.line()} stored in {db}{replaced}")
        return status.exit_status()
    if args.command == "import":
        from detente.store import import_files

        result = import_files(args.kind, args.files, db, on_problem=status.problem)
        print(f"detente: {result.line(args.kind)}; stored in {db}")
        return EXIT_USER if result.rejected else EXIT_OK
    from detente import export
    from detente.store import Reader

    fmt = args.format
    if fmt == "parquet" and not args.out:
        raise UserInputError("--format parquet writes a binary file: give --out FILE")
    with Reader(db) as reader:
        if args.command == "events":
            filters = dict(source=args.source, target=args.target, code=args.code, plover=args.plover, since=args.since,
                           until=args.until, modality=args.modality, dataset=args.dataset, exact=args.exact,
                           country=args.country, adm1=args.adm1, bbox=args.bbox)
        else:
            filters = dict(speaker=args.speaker, since=args.since, until=args.until, exact=args.exact)
        if fmt == "parquet":
            n = reader.to_parquet(args.command, args.out, **filters)
            print(f"detente: {n} {args.command} written to {args.out}", file=sys.stderr)
            return EXIT_OK
        out = open(args.out, "w", encoding="utf-8", newline="") if args.out else sys.stdout
        try:
            if args.command == "quotes":
                from detente.store.reader import QUOTE_COLUMNS

                export.write_records((_plain(r) for r in reader.iter_quotes(**filters)), out, fmt, QUOTE_COLUMNS)
            elif fmt == "gdelt":
                export.write_gdelt(reader.iter_events(with_added=True, **filters), out)
            elif fmt == "plover":
                _, skipped = export.write_plover(reader.iter_events(**filters), out, coder=f"detente {_version()}")
                _no_plover(skipped)
            else:
                from detente.store.reader import EVENT_COLUMNS

                export.write_records((_plain(r) for r in reader.iter_events(**filters)), out, fmt, EVENT_COLUMNS)
        finally:
            if out is not sys.stdout:
                out.close()
            else:
                out.flush()
    return EXIT_OK


# -- batch on Dask, and loading its Parquet (docs/scale.md) ------------------------------------------


def _batch_parsers(sub) -> None:
    p = sub.add_parser("batch", help="code input shards on a Dask cluster into Parquet (resumable; docs/scale.md)")
    p.add_argument("patterns", nargs="+", metavar="GLOB", help="input files: quoted globs ('news/**/*.jsonl.gz'), files or directories")
    p.add_argument("--out", required=True, metavar="DIR", help="output directory: Parquet per table and date, and manifest.jsonl")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--workers", type=int, help="start a local Dask cluster of N worker processes (default 1)")
    where.add_argument("--scheduler", metavar="tcp://HOST:PORT", help="use an existing Dask scheduler (inputs and --out on shared storage)")
    _shared_without_files_and_workers(p)
    p = sub.add_parser("load", help="store the Parquet of a detente batch run in a DuckDB store, in one transaction")
    p.add_argument("dir", metavar="DIR", help="the --out directory of detente batch")
    _db_flag(p)


def _shared_without_files_and_workers(parser: argparse.ArgumentParser) -> None:
    probe = argparse.ArgumentParser(add_help=False)
    _shared(probe, files=False)
    for action in probe._actions:
        if "--workers" in action.option_strings:
            continue
        parser._add_action(action)


def _batch(args: argparse.Namespace) -> int:
    from detente import batch

    if args.command == "load":
        settings = _settings(args)
        summary = batch.load(args.dir, settings.db, settings)
        print(f"detente: {summary.line()} loaded from {args.dir} into {settings.db}")
        return EXIT_OK
    settings = _settings(argparse.Namespace(**{**vars(args), "workers": None}))
    show = settings.progress == "always" or (settings.progress == "auto" and sys.stderr.isatty())
    bar = None

    def started(summary) -> None:
        nonlocal bar
        if show:
            from tqdm import tqdm

            bar = tqdm(total=summary.shards, initial=summary.skipped, unit=" shards", file=sys.stderr, desc="batch", dynamic_ncols=True)

    def shard(record, summary) -> None:
        if bar is not None:
            rate = summary.articles / summary.seconds if summary.seconds else 0.0
            bar.set_postfix_str(f"{summary.articles} articles, {rate:.1f} articles/s", refresh=False)
            bar.update(1)  # tqdm's own remaining-time estimate is per shard

    try:
        summary = batch.run_batch(args.patterns, args.out, settings, workers=args.workers, scheduler=args.scheduler,
                                  on_shard=shard, on_start=started)
    finally:
        if bar is not None:
            bar.close()
    for failure in summary.failed:
        print(f"detente: shard {failure}", file=sys.stderr)
    if summary.failed_articles or summary.rejected:
        print(f"detente: {summary.failed_articles} articles not fully coded and {summary.rejected} inputs rejected; "
              f"each is a row of {args.out}/problems", file=sys.stderr)
    print(f"detente: {summary.line()}; output in {args.out}", file=sys.stderr)
    # as for code: 2 when input was rejected, else 1 when a stage (or a whole shard) failed
    return EXIT_USER if summary.rejected else EXIT_ERROR if summary.failed or summary.failed_articles else EXIT_OK


def _plain(row: dict) -> dict:
    """A store row with JSON-ready values (dates as ISO text, quote spans as lists)."""
    import json
    from datetime import date

    out = {}
    for k, v in row.items():
        if isinstance(v, date):
            v = v.isoformat()
        elif k == "content" and isinstance(v, str):
            v = json.loads(v)
        out[k] = v
    return out


if __name__ == "__main__":
    sys.exit(main())
