"""PNG and SVG of the figure, through plotly's image export (kaleido).

Kaleido drives a Chrome or Chromium it finds on the machine (``BROWSER_PATH``
overrides; Debian's ``chromium`` is found on the PATH). Nothing is downloaded:
plotly.js comes from the plotly package and MathJax is switched off. Without a
browser the user is told what to install.
"""

from __future__ import annotations

import os
import shutil

import plotly.io as pio

from timeline.errors import TimelineError
from timeline.model import Timeline
from timeline.views.figure import FigurePlan

WIDTH = 1400
_BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")


def _browser() -> None:
    if os.environ.get("BROWSER_PATH") or any(shutil.which(name) for name in _BROWSERS):
        return
    raise TimelineError("E005")


def image(timeline: Timeline, title: str, image_format: str) -> bytes:
    """The figure, ``WIDTH`` px wide, as ``png`` or ``svg`` bytes."""
    _browser()
    plan = FigurePlan(timeline, width=WIDTH - 200)
    figure = plan.figure(title, level=0, static=True)
    pio.defaults.mathjax = None
    try:
        return pio.to_image(figure, format=image_format, width=WIDTH,
                            height=figure.layout.height, scale=2 if image_format == "png" else 1)
    except Exception as exc:  # kaleido reports a missing or broken browser in many ways
        raise TimelineError("E005") from exc
