"""The dashboard's rerun after a curation edit, on the 11 WikiWarsDE dev texts.

    .venv/bin/python benchmarks/bench_dashboard.py [--runs 5]

Runs the real app in Streamlit's AppTest (no browser: what is timed is the
script's work on the server), opens the 11 texts as a JSONL corpus, then
times, ``--runs`` times each: a rerun with nothing changed, a title edit, and
an exclusion, each through the selected-event panel as a person makes them.
HeidelTime runs are counted throughout; after the first tagging there must be
none. Prints the median, minimum and maximum seconds of each step.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from streamlit.testing.v1 import AppTest

from timeline.io.annotated import read_timex2
from timeline.tagging.heideltime import HeidelTimeTagger

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "wikiwarsde-dev"


def _corpus() -> bytes:
    lines = []
    for path in sorted(CORPUS.glob("*.key.xml")):
        gold = read_timex2(path)
        lines.append(json.dumps({"id": gold.id, "text": gold.text, "language": "de",
                                 "doc_type": "narrative"}, ensure_ascii=False))
    return "\n".join(lines).encode()


def _counting(calls: list[str]) -> None:
    original = HeidelTimeTagger.tag

    def counted(self, doc, language, doc_type, dct, doc_id="doc"):  # type: ignore[no-untyped-def]
        calls.append(doc_id)
        return original(self, doc, language, doc_type, dct, doc_id=doc_id)

    HeidelTimeTagger.tag = counted  # type: ignore[method-assign]


def _field(app: AppTest, prefix: str):  # type: ignore[no-untyped-def]
    widgets = [*app.text_input, *app.checkbox]
    return next(w for w in widgets if (w.key or "").startswith(prefix))


def _save(app: AppTest) -> None:
    next(b for b in app.button if b.label == "Save").click().run()


def _timed(step: Callable[[], None], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    calls: list[str] = []
    _counting(calls)

    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
    app.run()
    app.sidebar.multiselect(key="seeds").set_value([]).run()
    start = time.perf_counter()
    app.sidebar.file_uploader(key="uploads").set_value(
        [("wikiwarsde-dev.jsonl", _corpus(), "application/jsonl")]).run()
    first = time.perf_counter() - start
    assert not app.exception, app.exception
    curated = app.session_state["curated"]
    tagged = len(calls)
    app.selectbox(key="panel_pick").select_index(0).run()

    def rerun() -> None:
        app.run()

    def edit_title() -> None:
        title = _field(app, "panel_title_")
        title.input(title.value + " (geprüft)")
        _save(app)

    def exclude() -> None:
        include = _field(app, "panel_include_")
        include.set_value(not include.value)
        _save(app)

    results = {"rerun, nothing changed": _timed(rerun, runs),
               "edit a title": _timed(edit_title, runs),
               "exclude / include an event": _timed(exclude, runs)}
    assert not app.exception, app.exception
    print(f"{len(curated.documents)} documents, {len(curated.events)} events; opening and "
          f"tagging them: {first:.1f} s ({tagged} HeidelTime runs)")
    print(f"{'step':<30}{'median s':>10}{'min':>8}{'max':>8}")
    for name, times in results.items():
        print(f"{name:<30}{statistics.median(times):>10.2f}{min(times):>8.2f}{max(times):>8.2f}")
    print(f"HeidelTime runs after the first tagging: {len(calls) - tagged}")


if __name__ == "__main__":
    main()
