"""HeidelTime's references to the expression before that it could not resolve.

HeidelTime writes "zwei Stunden später", "three minutes later" as
``UNDEF-REF-hour-PLUS-2`` and resolves it only at the granularity of a day or
more, so the placeholder reached our output as a value no TIMEX3 reader knows.
Counted from the expression before it when that has a clock ("um 20 Uhr ...
Zwei Stunden später" is 22:00), else left unknown at the reference's
granularity (``XXXX-XX-XXTXX:XX``): HeidelTime's value syntax, so every language.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime, timedelta

from timeline.tagging.heideltime import RawTimex

_REFERENCE = re.compile(r"^UNDEF-REF-(?P<unit>[a-z]+)-(?P<sign>PLUS|MINUS)-(?P<amount>\d+)")
_CLOCK = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$")
_STEP = {"minute": timedelta(minutes=1), "hour": timedelta(hours=1)}
# TIMEX3's unknown value at each of HeidelTime's reference units
_UNKNOWN = {"minute": "XXXX-XX-XXTXX:XX", "hour": "XXXX-XX-XXTXX:XX", "day": "XXXX-XX-XX",
            "week": "XXXX-WXX", "month": "XXXX-XX", "quarter": "XXXX-QX", "year": "XXXX",
            "decade": "XXX", "century": "XX"}


def resolve(timexes: list[RawTimex]) -> list[RawTimex]:
    """``timexes`` (in text order) with no ``UNDEF-REF`` value left."""
    out: list[RawTimex] = []
    for timex in timexes:
        if found := _REFERENCE.match(timex.value):
            previous = next((t.value for t in reversed(out) if t.type in ("DATE", "TIME")),
                            None)
            unit = found.group("unit")
            if unit in _STEP and previous and _CLOCK.match(previous):
                sign = 1 if found.group("sign") == "PLUS" else -1
                moved = datetime.fromisoformat(previous) + \
                    sign * int(found.group("amount")) * _STEP[unit]
                timex = replace(timex, value=moved.strftime("%Y-%m-%dT%H:%M"), type="TIME")
            else:
                timex = replace(timex, value=_UNKNOWN.get(unit, "XXXX-XX-XX"),
                                type="TIME" if unit in _STEP else timex.type)
        out.append(timex)
    return out
