"""How wide a label will be, before any browser draws it.

The figure packs labels so that none overlaps another, which needs their widths
in pixels ahead of time. Widths come from DejaVu Sans (see
``tools/font_widths.py``), the widest of the fonts the figure asks for, so the
estimate is an upper bound for Arial and Liberation Sans too.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

_WIDTHS = Path(__file__).parents[1] / "data" / "fonts" / "dejavu-sans-widths.json"
ELLIPSIS = "…"


@functools.cache
def _table() -> tuple[dict[int, float], float]:
    data = json.loads(_WIDTHS.read_text(encoding="utf-8"))
    widths = {int(first) + offset: width for first, block in data["blocks"].items()
              for offset, width in enumerate(block)}
    return widths, float(data["default"])


def text_width(text: str, size: float) -> float:
    """Width in pixels of ``text`` at font ``size`` px; unknown characters count one em."""
    widths, default = _table()
    return size * sum(widths.get(ord(char), default) for char in text)


def fit(text: str, max_width: float, size: float) -> str:
    """``text`` shortened at a word boundary, with an ellipsis, to fit ``max_width`` px."""
    text = " ".join(text.split())
    if text_width(text, size) <= max_width:
        return text
    budget = max_width - text_width(ELLIPSIS, size)
    cut = ""
    for word in text.split(" "):
        candidate = f"{cut} {word}" if cut else word
        if text_width(candidate, size) > budget:
            break
        cut = candidate
    if not cut:  # one long word: cut inside it
        cut = text
        while cut and text_width(cut, size) > budget:
            cut = cut[:-1]
    return cut.rstrip(" ,;:–-") + ELLIPSIS
