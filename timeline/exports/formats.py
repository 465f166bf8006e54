"""The export formats in one list, so the CLI and the dashboard offer the same ones.

Each renders a timeline (and a title) to bytes; writing them is
``timeline.io.files``' job (CLI) or the browser's (dashboard downloads).
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

from timeline.exports.csv_table import csv_text
from timeline.exports.image import image
from timeline.exports.page import html_page
from timeline.exports.timelinejs import timelinejs
from timeline.exports.timeml import timeml_files
from timeline.model import Timeline


@dataclass(frozen=True)
class Format:
    option: str  # the CLI option, without dashes
    label: str
    suffix: str
    mime: str
    render_all: Callable[[Timeline, str], bytes]
    help: str
    keeps_excluded: bool = False  # the JSON keeps what a person left out, to take it back

    def render(self, timeline: Timeline, title: str) -> bytes:
        return self.render_all(timeline if self.keeps_excluded else timeline.shown(), title)


def _timeml_zip(timeline: Timeline, title: str) -> bytes:
    """For a download: the one file, or a zip of one file per document."""
    files = timeml_files(timeline)
    if len(files) == 1:
        return next(iter(files.values()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


FORMATS = [
    Format("json", "Timeline JSON", ".timeline.json", "application/json",
           lambda t, _: (t.to_json() + "\n").encode(), "timeline JSON (- for standard output)",
           keeps_excluded=True),
    Format("html", "HTML page", ".timeline.html", "text/html",
           lambda t, title: html_page(t, title).encode(),
           "a self-contained HTML page: the timeline and every event to read"),
    Format("csv", "CSV table", ".events.csv", "text/csv",
           lambda t, _: csv_text(t).encode(), "a CSV table, one row per event"),
    Format("timelinejs", "TimelineJS", ".timelinejs.json", "application/json",
           lambda t, title: (json.dumps(timelinejs(t, title), ensure_ascii=False, indent=1)
                             + "\n").encode(), "TimelineJS 3 JSON"),
    Format("png", "PNG image", ".png", "image/png", lambda t, title: image(t, title, "png"),
           "the figure as PNG (needs Chrome or Chromium)"),
    Format("svg", "SVG image", ".svg", "image/svg+xml", lambda t, title: image(t, title, "svg"),
           "the figure as SVG (needs Chrome or Chromium)"),
]
TIMEML = Format("timeml", "TimeML", ".tml", "application/xml", _timeml_zip,
                "one TimeML 1.2 file per document")


def download_name(stem: str, fmt: Format, timeline: Timeline) -> str:
    if fmt is TIMEML and len(timeline.documents) > 1:
        return f"{stem}.timeml.zip"
    return stem + fmt.suffix
