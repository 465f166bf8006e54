"""Years for bare dates in narratives ("am 3. November", "im Herbst").

In a narrative HeidelTime gives a date without a year the year of the
previous date it resolved, relative ones included; one wrong step ("im
letzten Jahr", an aside such as "sein 1994 erschienenes Buch") then carries
into every date after it. Measured on WikiWarsDE, the year the text last
wrote out is the better reference: we give bare month, day and season
expressions that year, and leave everything else as HeidelTime resolved it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from timeline.heideltime import RawTimex
from timeline.lexicon import Lexicon

_CALENDAR = re.compile(r"^(?P<year>BC\d{4}|\d{4})(?P<rest>-(\d{2}|SP|SU|FA|AU|WI|H[12]|Q[1-4])"
                       r"(-\d{2})?(T.*)?)$")
_YEAR_IN_TEXT = re.compile(r"\d{3,4}|'\d{2}\b")
_EXPLICIT_YEAR = re.compile(r"^(BC\d{4}|\d{4})")
# "seinem 1994 erschienenen Buch": a year inside a participle phrase is an aside
_ASIDE = re.compile(r"^\s+\S*(ge\S+te|\S+ene|\S+ende|\S+ierte)[nrsm]?\b")


def _bare(timex: RawTimex, text: str, lex: Lexicon) -> bool:
    """A month, day or season with no year written and no relative word."""
    words = set(re.findall(r"\w+\.?", text))
    calendar = set(lex.words("month_words")) | set(lex.words("season_words"))
    return bool(words & calendar) and not _YEAR_IN_TEXT.search(text) and \
        not words & set(lex.words("relative_words"))


def reanchor(timexes: list[RawTimex], text: str, lex: Lexicon) -> list[RawTimex]:
    """``timexes`` (in text order) with bare dates moved to the last written year."""
    year: str | None = None
    out = []
    for timex in timexes:
        surface = text[timex.start:timex.end]
        if timex.type in ("DATE", "TIME") and timex.rule.endswith("-explicit") and \
                _YEAR_IN_TEXT.search(surface) and (found := _EXPLICIT_YEAR.match(timex.value)) \
                and not _ASIDE.match(text[timex.end:timex.end + 40]):
            year = found.group(1)
        elif year is not None and timex.rule.endswith("-relative") and \
                (calendar := _CALENDAR.match(timex.value)) and _bare(timex, surface, lex):
            timex = replace(timex, value=year + calendar.group("rest"))
        out.append(timex)
    return out
