"""Regenerate ``timeline/data/fonts/dejavu-sans-widths.json`` (run by hand, rarely).

The figure reserves room for each label before the browser draws it, so it needs
an upper bound on the label's width. DejaVu Sans is the widest of the fonts the
figure asks for (Arial, Liberation Sans, DejaVu Sans), so its advance widths, in
em, bound what any of them draws. Needs fontTools (not a dependency of the
package): ``pip install fonttools && python tools/font_widths.py``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from fontTools.ttLib import TTFont

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
OUT = Path(__file__).resolve().parents[1] / "timeline/data/fonts/dejavu-sans-widths.json"
# Latin (with Extended-A/B), Greek, Cyrillic, general punctuation, currency
BLOCKS = [(0x20, 0x24F), (0x370, 0x3FF), (0x400, 0x4FF), (0x2000, 0x206F), (0x20A0, 0x20BF)]


def main() -> None:
    font = TTFont(FONT)
    cmap, metrics, per_em = font.getBestCmap(), font["hmtx"], font["head"].unitsPerEm
    widths = {str(first): [round(metrics[cmap[c]][0] / per_em, 3) if c in cmap else 1.0
                           for c in range(first, last + 1)] for first, last in BLOCKS}
    OUT.write_text(json.dumps({"font": "DejaVu Sans", "unit": "em", "default": 1.0,
                               "blocks": widths}, separators=(",", ":")) + "\n")
    sys.stdout.write(f"wrote {OUT}\n")


if __name__ == "__main__":
    main()
