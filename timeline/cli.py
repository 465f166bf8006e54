"""The ``timeline`` command: extract, plot, app, eval.

Exit status: 0 success, 2 bad usage or bad input (with a one-line reason per
problem on stderr), 1 internal error.
"""

from __future__ import annotations

import argparse
import logging
import os
import subprocess
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from timeline import __version__
from timeline.errors import BadInputError, TimelineError
from timeline.tagging.languages import AUTO, DOC_TYPES, LANGUAGES, normalize_language

if TYPE_CHECKING:
    from timeline.batch.progress import Progress
    from timeline.model import Record, Timeline

EXIT_OK, EXIT_INTERNAL, EXIT_BAD_INPUT, EXIT_INTERRUPTED = 0, 1, 2, 130

log = logging.getLogger("timeline")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2, like argparse
        self.exit(EXIT_BAD_INPUT, f"timeline: error: {message}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="timeline", description="Turn texts into timelines of dated events.")
    parser.add_argument("--version", action="version", version=f"timeline {__version__}")
    parser.add_argument("-v", "--verbose", action="count", default=0,
                        help="more log output on stderr (-vv: also HeidelTime's own)")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    extract = commands.add_parser("extract", help="tag documents and build a timeline")
    extract.add_argument("inputs", nargs="+", type=Path, metavar="INPUT",
                         help=".txt or .html file, a directory of them, or a .jsonl file")
    extract.add_argument("--dct", help="document creation time, e.g. 2024-04-29 or 29.04.2024")
    extract.add_argument("--lang", default=AUTO, type=_language, metavar="LANG",
                         help=f"document language: {', '.join(LANGUAGES)}, or a name such as "
                         "German or Deutsch (default: detect per document)")
    extract.add_argument("--doc-type", default="news", choices=list(DOC_TYPES),
                         help="HeidelTime document type (default: news); a chronicle, most "
                         "of its paragraphs led by a date, is read as narrative unless "
                         "its JSONL line gives a doc_type")
    extract.add_argument("--workers", type=_count, default=os.cpu_count() or 1, metavar="N",
                         help="worker processes tagging in parallel (default: the cores, "
                         f"{os.cpu_count() or 1} here); 0 tags in this process, without "
                         "a time limit")
    extract.add_argument("--time-limit", type=float, default=120.0, metavar="SECONDS",
                         help="longest time for one piece of at most 50,000 characters, "
                         "after which its worker is replaced and the document fails "
                         "(default: 120; a piece normally takes 1 to 3 s)")
    extract.add_argument("--jsonl", metavar="PATH",
                         help="write each document with its events as one JSON line as soon "
                         "as it is done (for corpora of any size; `timeline plot` reads it)")
    extract.add_argument("--resume", action="store_true",
                         help="continue an interrupted or killed run: keep the --jsonl "
                         "file's documents and tag only the inputs it lacks")
    extract.add_argument("--dask", metavar="ADDRESS",
                         help="tag on a Dask cluster: its scheduler's address "
                         "(tcp://host:8786), or `local` for a cluster on this machine "
                         "with --workers processes")
    _output_options(extract)

    plot = commands.add_parser("plot", help="draw and export a timeline JSON file")
    plot.add_argument("timeline", type=Path, metavar="TIMELINE.json")
    _output_options(plot)

    app = commands.add_parser("app", help="start the dashboard")
    app.add_argument("--port", type=int, default=8501)

    evaluate = commands.add_parser(
        "eval", help="score against a gold corpus, side by side with stock HeidelTime")
    evaluate.add_argument("--gold", type=Path, required=True, metavar="DIR",
                          help="directory of TimeML .tml or WikiWarsDE .key.xml documents")
    evaluate.add_argument("--lang", required=True, type=_known_language, metavar="LANG",
                          help=f"the corpus language: {', '.join(LANGUAGES)}")
    evaluate.add_argument("--doc-type", required=True, choices=list(DOC_TYPES))
    evaluate.add_argument("--report", metavar="PATH", help="write the report as Markdown")
    evaluate.add_argument("--limit", type=int, metavar="N", help="only the first N documents")
    evaluate.add_argument("--events", action="store_true",
                          help="also score which expression dates each event, against the "
                          "gold TLINKs (TimeML corpora with EVENTs, e.g. AQUAINT)")
    evaluate.add_argument("--folds", type=_folds, metavar="K|loo",
                          help="also score K folds of the corpus each on its own (loo: one "
                          "document per fold): a change is judged by the folds it was not "
                          "derived from")
    evaluate.add_argument("--held-out", type=_fold_numbers, metavar="I,J", default=(),
                          help="with --folds: folds kept for confirming changes; the report "
                          "does not list their differences and errors")
    return parser


def _language(value: str) -> str:
    """--lang as everywhere else: de, DE, german, Deutsch, auto."""
    try:
        return normalize_language(value)
    except TimelineError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def _count(value: str) -> int:
    if not value.isdigit():
        raise argparse.ArgumentTypeError(f"not a number of workers: {value!r}")
    return int(value)


def _folds(value: str) -> int:
    from timeline.evaluation.folds import LEAVE_ONE_OUT

    if value.casefold() == "loo":
        return LEAVE_ONE_OUT
    if not value.isdigit() or int(value) < 2:
        raise argparse.ArgumentTypeError(f"give a number of folds of 2 or more, or loo: {value!r}")
    return int(value)


def _fold_numbers(value: str) -> tuple[int, ...]:
    numbers = [part.strip() for part in value.split(",")]
    if not all(n.isdigit() and int(n) >= 1 for n in numbers):
        raise argparse.ArgumentTypeError(f"give fold numbers from 1, as 4,5: {value!r}")
    return tuple(int(n) for n in numbers)


def _known_language(value: str) -> str:
    code = _language(value)
    if code == AUTO:
        raise argparse.ArgumentTypeError(f"give the corpus language: {', '.join(LANGUAGES)}")
    return code


def _output_options(parser: argparse.ArgumentParser) -> None:
    from timeline.exports.formats import FORMATS

    for fmt in FORMATS:
        parser.add_argument(f"--{fmt.option}", metavar="PATH", help=f"write {fmt.help}")
    parser.add_argument("--timeml", metavar="DIR", help="write one TimeML 1.2 file per document")
    parser.add_argument("--title", help="title of the page, the images and the TimelineJS story")


def _check_outputs(args: argparse.Namespace) -> None:
    """Before any work: a directory, an unwritable path, one path twice or an output
    that is an input is refused."""
    from timeline.exports.formats import FORMATS
    from timeline.io.files import check_distinct, check_targets

    files = {f"--{fmt.option}": getattr(args, fmt.option) for fmt in FORMATS}
    files["--jsonl"] = getattr(args, "jsonl", None)
    check_targets(files, {"--timeml": args.timeml})
    for number, path in enumerate(getattr(args, "inputs", [])):
        check_distinct({f"input {number + 1}": str(path),
                        **{option: target for option, target in files.items() if target}})


def _write_outputs(timeline: Timeline, args: argparse.Namespace, title: str) -> None:
    from timeline.exports.formats import FORMATS
    from timeline.exports.timeml import write_timeml
    from timeline.io.files import write_bytes

    for fmt in FORMATS:
        if path := getattr(args, fmt.option):
            write_bytes(path, fmt.render(timeline, title))
    if args.timeml:
        write_timeml(timeline, args.timeml)


def _has_output(args: argparse.Namespace) -> bool:
    """Is a whole-timeline output asked for (all documents in memory at the end)?"""
    from timeline.exports.formats import FORMATS

    return any(getattr(args, name) for name in (*(f.option for f in FORMATS), "timeml"))


def _setup_logging(verbosity: int) -> None:
    level = logging.WARNING if verbosity == 0 else logging.INFO if verbosity == 1 else logging.DEBUG
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("timeline").setLevel(level)
    logging.getLogger("timeline.java").setLevel(logging.DEBUG if verbosity > 1 else logging.ERROR)
    if verbosity > 1:  # Dask's own lines too (--dask)
        os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "info")


# DCTs nobody gave explicitly: say where they came from
_FOUND_IN = {"dateline": "dateline", "filename": "file name", "metadata": "metadata"}


def _tagger(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """Where documents are tagged: a Dask cluster, worker processes, or this process."""
    if args.dask:
        from timeline.batch.cluster import DaskPool

        return DaskPool(args.dask, workers=args.workers or 1)
    if args.workers:
        from timeline.batch.workers import Pool

        return Pool(args.workers, args.time_limit)
    from timeline.pipeline import Extractor

    return Extractor()


class _Interrupts:
    """Ctrl-C (SIGINT) and ``kill`` (SIGTERM) end a run: workers stopped, results kept.

    The KeyboardInterrupt a signal raises is lost when it lands in a destructor (Python
    prints "Exception ignored" and goes on: a batch then ran to its end), and pydantic
    turns one raised inside its serialiser into a PydanticSerializationError (a kill
    while a record was written was an internal error, exit 1). So the flag the handler
    sets is checked after each document, and while a finished document is recorded
    (``held``) the handler only sets it: the interrupt waits for the record's end.
    """

    def __init__(self) -> None:
        import signal

        self.stop = threading.Event()
        self._holding = False
        signal.signal(signal.SIGINT, self._handler)
        signal.signal(signal.SIGTERM, self._handler)

    def _handler(self, signum: int, frame: object) -> None:
        self.stop.set()
        if not self._holding:
            raise KeyboardInterrupt

    @contextmanager
    def held(self, then_interrupt: bool = True) -> Iterator[None]:
        """Write what finished whole; a signal meanwhile (or one whose interrupt was lost)
        interrupts right after, unless the run is already ending on one."""
        self._holding = True
        try:
            yield
        finally:
            self._holding = False
        if then_interrupt and self.stop.is_set():
            raise KeyboardInterrupt


def _extract(args: argparse.Namespace) -> int:
    from timeline.batch.progress import Progress
    from timeline.batch.records import RecordWriter, record
    from timeline.io.inputs import count_inputs, expand, read_inputs
    from timeline.model import Timeline
    from timeline.pipeline import Options
    from timeline.time.dct import parse_dct
    from timeline.time.wording import page_language, words

    if args.resume and not args.jsonl:
        raise BadInputError("E133")
    _check_outputs(args)
    options = Options(language=args.lang, doc_type=args.doc_type, dct=parse_dct(args.dct))
    paths = expand(args.inputs)
    keep = _has_output(args)  # a whole timeline at the end: kept in memory
    writer = RecordWriter(Path(args.jsonl), resume=args.resume, hold=keep) \
        if args.jsonl else None
    echo = not keep and writer is None  # no output named: events on stdout as they come
    progress = Progress(count_inputs(paths) - (writer.kept if writer else 0),
                        kept=writer.kept if writer else 0)
    items = read_inputs(paths)
    if writer is not None:
        items = writer.pending(items)
    lines = []
    codes: list[str] = []
    interrupted = False
    interrupts = _Interrupts()
    try:
        with _tagger(args) as tagger:
            for item, outcome in tagger.outcomes(items, options):
                with interrupts.held():
                    line = record(item, outcome)
                    if writer is not None:
                        writer.write(line)
                    _tell(line, progress)
                    if line.error is not None:
                        codes.append(line.error.code)
                    if keep:
                        lines.append(line)
                    if echo:
                        _echo(line)
                    progress.advance(line)
    except KeyboardInterrupt:  # workers are stopped by now; what finished is kept
        interrupted = True
    finally:
        if writer is not None:
            writer.close()
    resume = "; run the same command with --resume to go on" if writer else ""
    progress.close(interrupted, f"; the finished ones were written{resume}" if interrupted else "")
    if keep:
        timeline = Timeline.from_records([*(writer.records if writer else []), *lines])
        language = page_language([d.language for d in timeline.documents])
        title = args.title or (timeline.documents[0].title if len(timeline.documents) == 1
                               else words(language).phrase("page", "timeline"))
        with interrupts.held(then_interrupt=not interrupted):
            _write_outputs(timeline, args, title)
    if interrupted:
        return EXIT_INTERRUPTED
    if any(not code.startswith("E1") for code in codes):
        return EXIT_INTERNAL
    return EXIT_BAD_INPUT if codes else EXIT_OK


def _tell(line: Record, progress: Progress) -> None:
    """What a user should know about one document, as soon as it is done."""
    if line.error is not None:
        progress.say(f"timeline: error: {line.error.message}")
        return
    document = line.document
    assert document is not None
    if document.dct_source in _FOUND_IN:
        progress.say(f"timeline: note: document {document.id!r}: using DCT {document.dct} "
                     f"found in its {_FOUND_IN[document.dct_source]}")
    for warning in document.warnings:
        progress.say(f"timeline: warning: {warning}")


def _echo(line: Record) -> None:
    """One tab-separated line per event on stdout: start, end, document, title."""
    from timeline.tagging.cleaning import printable

    for event in line.events:
        print(f"{event.start or '…'}\t{event.end or '…'}\t{printable(event.doc_id)}\t"
              f"{printable(event.title)}", flush=True)


def _plot(args: argparse.Namespace) -> int:
    from timeline.model import Timeline

    if not _has_output(args):
        raise BadInputError("E120")
    _check_outputs(args)
    timeline = Timeline.load(args.timeline)
    title = args.title or (timeline.documents[0].title if len(timeline.documents) == 1
                           else args.timeline.stem)
    _write_outputs(timeline, args, title)
    return EXIT_OK


def _eval(args: argparse.Namespace) -> int:
    from timeline.batch.progress import Progress
    from timeline.io.annotated import read_corpus
    from timeline.evaluation.report import console, evaluate, markdown

    documents = read_corpus(args.gold)[: args.limit]
    held_out = frozenset()
    if args.held_out:
        from timeline.evaluation.folds import assign

        parts = assign([d.id for d in documents], args.folds) if args.folds is not None else []
        if not parts or max(args.held_out) > len(parts):
            print(f"timeline: --held-out names folds of --folds (here {len(parts)})",
                  file=sys.stderr)
            return EXIT_BAD_INPUT
        held_out = frozenset(i for n in args.held_out for i in parts[n - 1])
    progress = Progress(len(documents), counts_events=False)
    evaluation = evaluate(documents, args.gold.name, args.lang, args.doc_type,
                          progress=lambda count, doc_id: progress.step())
    progress.close()
    print(console(evaluation))
    report = markdown(evaluation, held_out=held_out)
    if args.folds is not None:
        from timeline.evaluation import folds

        results = folds.folds(evaluation, args.folds)
        print(folds.console(results))
        report += "\n" + "\n".join(folds.markdown(results)) + "\n"
    if args.events:
        from timeline.evaluation import events

        counts, without = events.evaluate_events(documents, args.lang, args.doc_type)
        print(events.console(counts, args.folds)
              + (f"\n  {without} documents without TLINKs left out" if without else ""))
        report += "\n" + "\n".join(events.markdown(counts, args.folds)) + "\n"
    if args.report:
        Path(args.report).write_text(report, encoding="utf-8")
        print(f"timeline: report written to {args.report}", file=sys.stderr)
    return EXIT_OK


def _app(args: argparse.Namespace) -> int:
    # headless: Streamlit's first run would otherwise stop and ask for an e-mail address
    script = Path(__file__).parent / "views" / "dashboard.py"
    command = [sys.executable, "-m", "streamlit", "run", str(script),
               "--server.port", str(args.port), "--server.headless", "true",
               "--browser.gatherUsageStats", "false"]
    print(f"timeline: dashboard at http://localhost:{args.port} (Ctrl+C to stop)",
          file=sys.stderr, flush=True)
    if os.name == "nt":  # no exec on Windows: wait for the child instead
        return subprocess.call(command)
    os.execv(sys.executable, command)  # become Streamlit: signals reach it, no orphan


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    _setup_logging(args.verbose)
    handlers = {"extract": _extract, "plot": _plot, "app": _app, "eval": _eval}
    try:
        return handlers[args.command](args)
    except BadInputError as exc:
        print(f"timeline: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except TimelineError as exc:
        print(f"timeline: error: {exc}", file=sys.stderr)
        return EXIT_INTERNAL
    except KeyboardInterrupt:
        print("timeline: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 - the last line of defence, said plainly
        log.debug("internal error", exc_info=True)
        print(f"timeline: internal error: {exc.__class__.__name__}: {exc} "
              "(run with -vv for details; please report it)", file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
