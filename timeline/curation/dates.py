"""Dates a person types for an event, read into TIMEX3 values.

"Februar 2022" is a month and "2008" a year, not a day: the value keeps the
precision the person wrote, so the event is drawn as the stretch they meant.
The same reader (dateparser, every language we tag) as the document date; a
typed date must name its year, so no result ever depends on the day the tool runs.
"""

from __future__ import annotations

import re
from datetime import datetime

from dateparser.date import DateDataParser

from timeline.errors import BadInputError
from timeline.tagging.languages import LANGUAGES
from timeline.time.chrono import Instant
from timeline.time.dct import names_year
from timeline.time.semantics import Granularity, span_of, timex_year

_ISO = re.compile(r"^(?P<bc>-)?(?P<y>\d{1,4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2})"
                  r"(?:[T ](?P<hh>\d{2}):(?P<mm>\d{2}))?)?)?$")
_BC = re.compile(r"^(?P<y>\d{1,4})\s*(?:v\.\s*Chr\.?|v\.\s*u\.\s*Z\.?|BCE?|B\.C\.|"
                 r"av\.\s*J\.-C\.|a\.\s*C\.|a\.\s*n\.\s*e\.|v\.\s*Chr)$", re.IGNORECASE)
_DECADE = re.compile(r"^(?:the\s+)?(?P<d>\d{3})0(?:er(?:\s+Jahre)?|s|'s)$", re.IGNORECASE)
_CLOCK = re.compile(r"\b(?P<hh>\d{1,2})[:h](?P<mm>\d{2})\b")
_SEASONS = {"SP": ("frühling", "frühjahr", "spring", "printemps", "primavera", "voorjaar", "lente"),
            "SU": ("sommer", "summer", "été", "ete", "verano", "estate", "zomer", "verão", "verao"),
            "FA": ("herbst", "autumn", "fall", "automne", "otoño", "otono", "autunno", "herfst",
                   "outono"),
            "WI": ("winter", "hiver", "invierno", "inverno")}
_SEASON = re.compile(r"^(?P<word>[^\W\d_]+)\s+(?:\w{1,3}\s+)?(?P<y>\d{4})$")
_PARSER = DateDataParser(languages=list(LANGUAGES), settings={
    "PREFER_DAY_OF_MONTH": "first",
    "DATE_ORDER": "DMY",
    "RETURN_AS_TIMEZONE_AWARE": False,
})


def parse_event_date(text: str) -> str:
    """A TIMEX3 value for a typed date: "24.02.2022" -> "2022-02-24", "Februar 2022"
    -> "2022-02", "2008" -> "2008", "264 v. Chr." -> "BC0264", "1960er" -> "196"."""
    typed = " ".join(text.split())
    if not typed:
        raise BadInputError("E121", value=text)
    if match := _ISO.match(typed):
        year = int(match["y"])
        value = timex_year(-year) if match["bc"] else f"{year:04d}"
        value += "".join(f"-{match[part]}" for part in ("m", "d") if match[part])
        if match["hh"]:
            value += f"T{match['hh']}:{match['mm']}"
        return _checked(value, text)
    if match := _BC.match(typed):
        return _checked(f"BC{int(match['y']):04d}", text)
    if match := _DECADE.match(typed):
        return match["d"]
    if match := _SEASON.match(typed):
        for code, names in _SEASONS.items():
            if match["word"].casefold() in names:
                return f"{match['y']}-{code}"
    found = _PARSER.get_date_data(typed)
    moment: datetime | None = found.date_obj
    if moment is None or not names_year(typed, moment.year):
        raise BadInputError("E121", value=text)
    if found.period == "year":
        return f"{moment.year:04d}"
    if found.period == "month":
        return f"{moment.year:04d}-{moment.month:02d}"
    value = moment.strftime("%Y-%m-%d")
    if clock := _CLOCK.search(typed):
        value += f"T{int(clock['hh']):02d}:{clock['mm']}"
    return _checked(value, text)


def _checked(value: str, typed: str) -> str:
    try:
        placed = span_of("DATE", value)
    except ValueError:
        placed = None
    if placed is None or placed.start is None:
        raise BadInputError("E121", value=typed)
    return value


def value_at(instant: Instant, granularity: Granularity) -> str:
    """The TIMEX3 value of the unit of ``granularity`` that starts at ``instant``:
    what an event already has, when a person changes only its end."""
    year, month, day = instant.civil()
    if granularity in (Granularity.CENTURY, Granularity.DECADE, Granularity.YEAR):
        return timex_year(year)
    if granularity in (Granularity.HALF, Granularity.QUARTER, Granularity.SEASON,
                       Granularity.MONTH):
        return f"{timex_year(year)}-{month:02d}"
    return f"{timex_year(year)}-{month:02d}-{day:02d}"
