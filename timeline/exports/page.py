"""Writing results: timeline JSON and a self-contained HTML page.

The HTML page carries plotly.js inside the file, so it renders offline and can
be mailed or archived as one file. User text reaches the page only as
escaped JSON data or escaped HTML, never as markup or script.
"""

from __future__ import annotations

import html
import sys
from pathlib import Path

import plotly.graph_objects as go
import plotly.io as pio

from timeline.model import Timeline

_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="timeline">
<title>{title}</title>
<style>body {{ font-family: system-ui, sans-serif; margin: 1rem 2rem; }}</style>
</head>
<body>
<h1>{title}</h1>
<p>{summary}</p>
{figure}
</body>
</html>
"""


def _write(path: Path | str, text: str) -> None:
    if str(path) == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(target)  # never leave a half-written file behind


def write_json(timeline: Timeline, path: Path | str) -> None:
    """Timeline JSON to ``path`` (``-`` for stdout)."""
    _write(path, timeline.to_json() + "\n")


def html_page(timeline: Timeline, figure: go.Figure, title: str) -> str:
    """One offline HTML document with the figure and plotly.js inlined."""
    body = pio.to_html(figure, include_plotlyjs=True, full_html=False,
                       config={"displaylogo": False, "responsive": True})
    placed = sum(1 for e in timeline.events if e.start is not None and e.end is not None)
    summary = (f"{len(timeline.documents)} document(s), {len(timeline.events)} event(s), "
               f"{placed} on the axis.")
    return _PAGE.format(title=html.escape(title), summary=html.escape(summary), figure=body)


def write_html(timeline: Timeline, figure: go.Figure, path: Path | str, title: str) -> None:
    _write(path, html_page(timeline, figure, title))
