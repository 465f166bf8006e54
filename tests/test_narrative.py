"""WikiWarsDE (German history articles, narrative): BC and AD on one axis."""

from __future__ import annotations

import re
from pathlib import Path

from timeline.time.chrono import Instant
from timeline.io.inputs import DocumentInput
from timeline.pipeline import Options
from timeline.views.figure import build_figure

CORPUS = Path(__file__).parent / "data" / "wikiwarsde-dev"


def _text(path: Path) -> str:
    body = re.search(r"<TEXT>(.*)</TEXT>", path.read_text(encoding="utf-8"), re.S)
    assert body is not None
    return re.sub(r"<[^>]+>", "", body.group(1)).strip()


def test_wikiwars_timelines_plot_with_bc_before_ad(extractor) -> None:  # type: ignore[no-untyped-def]
    items = [DocumentInput(id=p.name.split(".")[0], text=_text(p), source=str(p))
             for p in sorted(CORPUS.glob("*.key.xml"))]
    timeline = extractor.run(items, Options(language="de", doc_type="narrative"))
    assert not timeline.errors and len(timeline.documents) == len(items)
    placed = [e for e in timeline.events if e.start and e.end]
    bc = [e for e in placed if e.start.startswith("-")]
    ad = [e for e in placed if not e.start.startswith("-")]
    assert bc and ad
    figure = build_figure(timeline)
    assert figure.layout.xaxis.type == "linear"  # decimal years: BC fits
    xs = [x for trace in figure.data if trace.type == "bar" for x in trace.base]
    assert min(xs) <= Instant.parse(min(bc, key=lambda e: e.start).start).decimal_year() + 1
    assert max(Instant.parse(e.start).decimal_year() for e in bc) < \
        min(Instant.parse(e.start).decimal_year() for e in ad)
    figure.to_json()  # serialisable: what the page embeds
