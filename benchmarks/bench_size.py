"""Time and peak memory of one long German document through the whole pipeline.

    .venv/bin/python benchmarks/bench_size.py CHARACTERS

The texts of the 11 WikiWarsDE dev documents, repeated to CHARACTERS, tagged as
one narrative after a warm-up document (JVM start and set-up not counted). Run
one size per process: the peak memory is the process's.
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

from timeline.io.annotated import read_timex2
from timeline.io.inputs import DocumentInput
from timeline.pipeline import Extractor, Options

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "wikiwarsde-dev"
NARRATIVE = Options(language="de", doc_type="narrative")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("characters", type=int)
    chars = parser.parse_args().characters
    base = "\n\n".join(read_timex2(p).text for p in sorted(CORPUS.glob("*.key.xml")))
    text = (base * (chars // len(base) + 1))[:chars]
    extractor = Extractor()
    extractor.run([DocumentInput(id="warm", text="Am 3. Mai 2021 war es.", source="w")],
                  NARRATIVE)
    start = time.perf_counter()
    result = extractor.run([DocumentInput(id="big", text=text, source="b")], NARRATIVE)
    took = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    found = len(result.documents[0].timexes) if result.documents else result.errors
    print(f"{chars} characters: {took:.1f} s, peak RSS {peak:.0f} MB, {found} expressions, "
          f"{len(result.events)} events")


if __name__ == "__main__":
    main()
