"""Time and peak memory of one long German document through the whole pipeline.

    .venv/bin/python benchmarks/bench_size.py CHARACTERS [--workers N]

The texts of the 11 WikiWarsDE dev documents, repeated to CHARACTERS, tagged as
one narrative: in this process (``--workers 0``, after a warm-up document), or
in pieces on N worker processes as ``timeline extract`` does (timed from the
start, worker start-up included). Run one size per process; the peak memory is
each process's own (for workers, the largest).
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

from timeline.batch.workers import Pool
from timeline.io.annotated import read_timex2
from timeline.io.inputs import DocumentInput
from timeline.pipeline import Extractor, Options

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "wikiwarsde-dev"
NARRATIVE = Options(language="de", doc_type="narrative")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("characters", type=int)
    parser.add_argument("--workers", type=int, default=0)
    args = parser.parse_args()
    chars = args.characters
    base = "\n\n".join(read_timex2(p).text for p in sorted(CORPUS.glob("*.key.xml")))
    text = (base * (chars // len(base) + 1))[:chars]
    document = DocumentInput(id="big", text=text, source="b")
    if args.workers:
        start = time.perf_counter()
        with Pool(args.workers) as pool:
            result = pool.run([document], NARRATIVE)
        took = time.perf_counter() - start
        peak = max(resource.getrusage(who).ru_maxrss
                   for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)) / 1024
    else:
        extractor = Extractor()
        extractor.run([DocumentInput(id="warm", text="Am 3. Mai 2021 war es.", source="w")],
                      NARRATIVE)
        start = time.perf_counter()
        result = extractor.run([document], NARRATIVE)
        took = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    found = len(result.documents[0].timexes) if result.documents else result.errors
    print(f"{chars} characters: {took:.1f} s, peak RSS {peak:.0f} MB, {found} expressions, "
          f"{len(result.events)} events")


if __name__ == "__main__":
    main()
