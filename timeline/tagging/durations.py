"""Durations in the unit the text wrote, as TimeML writes them, in news.

HeidelTime rewrites a duration into the next larger unit when it divides evenly:
"24 Stunden" becomes ``P1D``, "60 minutes" ``PT1H``, "die letzten zwölf Monate"
``P1Y`` (``correctDurationValue`` in its Java code, every language). The TIMEX3
guidelines keep the text's unit, and so does the TimeML gold we have ("Die letzten
zwölf Monate" ``P12M`` in KRAUTS, "at least 72 hours" ``PT72H`` in AQUAINT), while
TIMEX2 converts (WikiWarsDE: "48 Stunden" ``P2D``); the pipeline calls this for the
document types told from their date. A value is turned back only when the expression
names the smaller unit; its words are data in the language file (``duration_units``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from timeline.tagging.heideltime import RawTimex
from timeline.tagging.lexicon import Lexicon

# HeidelTime's conversions: value pattern, the unit the text may have named, factor, form
_CONVERTED = [
    (re.compile(r"^P(\d+)D$"), "hour", 24, "PT{}H"),
    (re.compile(r"^PT(\d+)H$"), "minute", 60, "PT{}M"),
    (re.compile(r"^P(\d+)Y$"), "month", 12, "P{}M"),
]


def in_written_units(timexes: list[RawTimex], text: str, lex: Lexicon) -> list[RawTimex]:
    """``timexes`` with HeidelTime's unit conversions undone where the text names the
    smaller unit ("24 Stunden" ``PT24H``; "ein Tag" stays ``P1D``)."""
    units: dict[str, str] = lex.data.get("duration_units", {})
    out = []
    for timex in timexes:
        if timex.type == "DURATION":
            words = set(re.findall(r"\w+", text[timex.start:timex.end].lower()))
            named = {units[word] for word in words if word in units}
            for pattern, unit, factor, form in _CONVERTED:
                if (found := pattern.match(timex.value)) and named == {unit}:
                    timex = replace(timex, value=form.format(int(found.group(1)) * factor))
                    break
        out.append(timex)
    return out
