"""PNG and SVG of the figure, through plotly's image export (kaleido).

Kaleido drives a Chrome or Chromium it finds on the machine (``BROWSER_PATH``
overrides; Debian's ``chromium`` is found on the PATH). Nothing is downloaded:
plotly.js comes from the plotly package and MathJax is switched off. Without a
browser the user is told what to install; with one that fails (or, on a busy machine,
is too slow for kaleido's time limit) which browser and why.
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


def _browser() -> str:
    """The browser kaleido will start: ``BROWSER_PATH``, else the first on the PATH."""
    found = os.environ.get("BROWSER_PATH") or next(
        (path for name in _BROWSERS if (path := shutil.which(name))), None)
    if found is None:
        raise TimelineError("E005")
    return found


def image(timeline: Timeline, title: str, image_format: str) -> bytes:
    """The figure, ``WIDTH`` px wide, as ``png`` or ``svg`` bytes."""
    browser = _browser()
    plan = FigurePlan(timeline, width=WIDTH - 200)
    figure = plan.figure(title, level=0, static=True)
    pio.defaults.mathjax = None
    try:
        return pio.to_image(figure, format=image_format, width=WIDTH,
                            height=figure.layout.height, scale=2 if image_format == "png" else 1)
    except Exception as exc:  # kaleido reports a broken or slow browser in many ways
        raise TimelineError("E007", browser=browser, reason=_first_sentence(exc)) from exc


def _first_sentence(exc: Exception) -> str:
    """What went wrong, without the advice kaleido appends (to download a Chrome)."""
    first: object = exc
    while isinstance(first, BaseException | tuple) and (
            args := first.args if isinstance(first, BaseException) else first):
        first = args[0]
    return " ".join(str(first).split())[:160] or type(exc).__name__
