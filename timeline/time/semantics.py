"""What stretch of time a TIMEX3 value denotes.

Maps a TIMEX3 ``type``/``value``/``mod`` (and the document creation time) to a
half-open interval ``[start, end)`` on the time axis with a granularity.
Ends may be open (``None``): "before 2008" has no start. Values that cannot be
placed (durations without anchor, sets, ``XXXX-07``) give ``None``.

Conventions, documented in docs/timeline-format.md:
seasons are meteorological (northern hemisphere, winter = Dec-Feb of the next
year); parts of day are MO 06-12, MI 11-13, AF 12-18, DT 06-18, EV 18-22,
NI 22-06; START/MID/END are the first, middle and last third, EARLY/LATE the
first and second half.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import Enum

from timeline.time.chrono import (
    SECONDS_PER_DAY,
    Instant,
    add_months,
    civil_from_days,
    days_from_civil,
    days_in_month,
    part_of_year,
)


class Granularity(str, Enum):
    CENTURY = "century"
    DECADE = "decade"
    YEAR = "year"
    HALF = "half"
    QUARTER = "quarter"
    SEASON = "season"
    MONTH = "month"
    WEEK = "week"
    DAY = "day"
    PART_OF_DAY = "part_of_day"
    HOUR = "hour"
    MINUTE = "minute"
    SECOND = "second"

    @property
    def is_point_like(self) -> bool:
        """A day or finer: drawn as a marker rather than a bar."""
        return self in _POINT_LIKE


_POINT_LIKE = {Granularity.DAY, Granularity.PART_OF_DAY, Granularity.HOUR,
               Granularity.MINUTE, Granularity.SECOND}


@dataclass(frozen=True)
class Span:
    """``[start, end)``; ``None`` marks an open end."""

    start: Instant | None
    end: Instant | None
    granularity: Granularity
    approximate: bool = False
    uncertain_start: bool = False  # an estimate: "in den vergangenen Monaten"
    uncertain_end: bool = False


_SEASON_MONTHS = {"SP": (3, 3), "SU": (6, 3), "FA": (9, 3), "AU": (9, 3), "WI": (12, 3)}
_PART_OF_DAY_HOURS = {"MO": (6, 6), "MI": (11, 2), "AF": (12, 6), "DT": (6, 12),
                      "EV": (18, 4), "NI": (22, 8)}

_DATE = re.compile(
    r"^(?P<year>\d{4})"
    r"(?:-(?P<month>\d{2})(?:-(?P<day>\d{2})"
    r"(?:T(?P<hour>\d{2})(?::(?P<minute>\d{2})(?::(?P<second>\d{2}))?)?"
    r"(?:Z|[+-]\d{2}(?::?\d{2})?)?"  # a zone: the clock stays as the text wrote it
    r"|T(?P<pod>MO|MI|AF|EV|NI|DT))?)?"
    r"|-W(?P<week>\d{2})(?P<weekend>-WE)?"
    r"|-Q(?P<quarter>[1-4])"
    r"|-H(?P<half>[12])"
    r"|-(?P<season>SP|SU|FA|AU|WI))?$"
)
_DECADE = re.compile(r"^(?P<digits>\d{3})$")
_CENTURY = re.compile(r"^(?P<digits>\d{2})$")


def _months(year: int, month: int, count: int, granularity: Granularity) -> Span:
    end_year, end_month = add_months(year, month, count)
    return Span(Instant.of(year, month), Instant.of(end_year, end_month), granularity)


def _calendar_span(match: re.Match[str], year: int) -> Span | None:
    g = match.groupdict()
    if g["week"]:
        if not 1 <= year <= 9999:
            return None
        try:
            monday = date.fromisocalendar(year, int(g["week"]), 1)
        except ValueError:
            return None
        start = Instant.of(monday.year, monday.month, monday.day)
        if g["weekend"]:
            return Span(start.plus(days=5), start.plus(days=7), Granularity.WEEK)
        return Span(start, start.plus(days=7), Granularity.WEEK)
    if g["quarter"]:
        return _months(year, 3 * int(g["quarter"]) - 2, 3, Granularity.QUARTER)
    if g["half"]:
        return _months(year, 6 * int(g["half"]) - 5, 6, Granularity.HALF)
    if g["season"]:
        first, count = _SEASON_MONTHS[g["season"]]
        return _months(year, first, count, Granularity.SEASON)
    if not g["month"]:
        return _months(year, 1, 12, Granularity.YEAR)
    month = int(g["month"])
    if not 1 <= month <= 12:
        return None
    if not g["day"]:
        return _months(year, month, 1, Granularity.MONTH)
    day = int(g["day"])
    if not 1 <= day <= days_in_month(year, month):
        return None
    midnight = Instant.of(year, month, day)
    if g["pod"]:
        first, hours = _PART_OF_DAY_HOURS[g["pod"]]
        start = midnight.plus(seconds=first * 3600)
        return Span(start, start.plus(seconds=hours * 3600), Granularity.PART_OF_DAY)
    if g["hour"] is None:
        return Span(midnight, midnight.plus(days=1), Granularity.DAY)
    hour, minute, second = int(g["hour"]), g["minute"], g["second"]
    if hour > 24 or (minute and int(minute) > 59) or (second and int(second) > 60):
        return None
    start = midnight.plus(seconds=hour * 3600 + int(minute or 0) * 60 + int(second or 0))
    if second is not None:
        return Span(start, start.plus(seconds=1), Granularity.SECOND)
    if minute is not None:
        return Span(start, start.plus(seconds=60), Granularity.MINUTE)
    return Span(start, start.plus(seconds=3600), Granularity.HOUR)


def timex_year(year: int) -> str:
    """An astronomical year as a TIMEX3 year: 1990 -> "1990", -263 -> "BC0264"."""
    return f"{year:04d}" if year > 0 else f"BC{1 - year:04d}"


def astronomical_year(year: str) -> int:
    """A TIMEX3 year as an astronomical one: "BC0264" -> -263 (1 BC is year 0)."""
    return 1 - int(year[2:]) if year.startswith("BC") else int(year)


def _value_span(value: str) -> Span | None:
    """The span of a DATE/TIME value without modifier, or None."""
    bc = value.startswith("BC")
    body = value[2:] if bc else value

    def to_year(digits: int) -> int:
        # 1 BC is astronomical year 0, 264 BC is -263
        return 1 - digits if bc else digits

    if match := _DATE.match(body):
        return _calendar_span(match, to_year(int(match["year"])))
    if match := _DECADE.match(body):
        first = int(match["digits"]) * 10
        years = (to_year(first + 9), to_year(first) + 1) if bc else (first, first + 10)
        return Span(Instant.of(years[0]), Instant.of(years[1]), Granularity.DECADE)
    if match := _CENTURY.match(body):
        first = int(match["digits"]) * 100
        # the 8th century BC (BC07) is 800-701 BC; the 20th century (19) 1900-1999
        years = (to_year(first + 100), to_year(first + 1) + 1) if bc else (first, first + 100)
        return Span(Instant.of(years[0]), Instant.of(years[1]), Granularity.CENTURY)
    return None


_MONTH_ALIGNED = {Granularity.CENTURY, Granularity.DECADE, Granularity.YEAR, Granularity.HALF,
                  Granularity.QUARTER, Granularity.SEASON}


def _fraction(span: Span, numerator: int, denominator: int) -> Instant:
    """The instant ``numerator/denominator`` of the way through ``span``.

    Spans of months or more are cut at month starts (the first third of a year
    is January-April), spans of days at midnight, shorter ones exactly.
    """
    assert span.start is not None and span.end is not None
    if span.granularity in _MONTH_ALIGNED:
        year, month, _ = span.start.civil()
        end_year, end_month, _ = span.end.civil()
        months = (end_year - year) * 12 + end_month - month
        cut_year, cut_month = add_months(year, month, months * numerator // denominator)
        return Instant.of(cut_year, cut_month)
    length = span.end.seconds - span.start.seconds
    if length >= 3 * SECONDS_PER_DAY:
        return span.start.plus(days=(length // SECONDS_PER_DAY) * numerator // denominator)
    return Instant(span.start.seconds + length * numerator // denominator)


def _apply_mod(span: Span, mod: str | None) -> Span:
    if mod is None or span.start is None or span.end is None:
        return span
    start, end = span.start, span.end
    if mod == "START":
        return replace(span, end=_fraction(span, 1, 3))
    if mod == "MID":
        return replace(span, start=_fraction(span, 1, 3), end=_fraction(span, 2, 3))
    if mod == "END":
        return replace(span, start=_fraction(span, 2, 3))
    if mod == "EARLY":
        return replace(span, end=_fraction(span, 1, 2))
    if mod == "LATE":
        return replace(span, start=_fraction(span, 1, 2))
    if mod == "APPROX":
        return replace(span, approximate=True)
    if mod == "BEFORE":
        return Span(None, start, span.granularity)
    if mod == "ON_OR_BEFORE":
        return Span(None, end, span.granularity)
    if mod == "AFTER":
        return Span(end, None, span.granularity)
    if mod == "ON_OR_AFTER":
        return Span(start, None, span.granularity)
    return span


def shifted_value(value: str, unit: str, amount: int) -> str | None:
    """``value`` moved by ``amount`` units, at that unit's precision."""
    match = re.match(r"^(BC\d{4}|\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
    if match is None:
        return None
    year = astronomical_year(match[1])
    if unit in ("Y", "DE", "CE"):
        return timex_year(year + amount * {"Y": 1, "DE": 10, "CE": 100}[unit])
    if unit == "M" and match[2]:
        months = year * 12 + int(match[2]) - 1 + amount
        return f"{timex_year(months // 12)}-{months % 12 + 1:02d}"
    if unit in ("D", "W") and match[3]:
        # on the proleptic calendar: datetime has no year before 1 ("drei Tage später" after
        # "2. August 216 v. Chr.")
        month, day = int(match[2]), int(match[3])
        if not 1 <= month <= 12 or not 1 <= day <= days_in_month(year, month):
            return None
        days = days_from_civil(year, month, day) + \
            amount * (7 if unit == "W" else 1)
        year, month, day = civil_from_days(days)
        return f"{timex_year(year)}-{month:02d}-{day:02d}"
    if unit == "W" and (week := re.match(r"^(\d{4})-W(\d{2})$", value)):
        # "zwei Wochen später" after "in der Woche darauf": a week, counted by Mondays
        try:
            monday = date.fromisocalendar(int(week[1]), int(week[2]), 1)
        except ValueError:
            return None
        return week_value((monday + timedelta(weeks=amount)).isoformat())
    if unit == "Q" and (quarter := re.match(r"^(?:BC)?\d{4}-(?:Q([1-4])|(\d{2}))", value)):
        # "im Quartal davor" after "im August" or "im dritten Quartal": the second quarter
        number = int(quarter[1]) if quarter[1] else part_of_year(int(quarter[2]), "Q")
        quarters = year * 4 + number - 1 + amount
        return f"{timex_year(quarters // 4)}-Q{quarters % 4 + 1}"
    return None


def week_value(value: str) -> str | None:
    """The ISO week a day value lies in ("2019-05-10": "2019-W19"), for a week told as a
    whole ("in derselben Woche", "in der Woche darauf"); None for any other value."""
    match = re.match(r"^(\d{4})-(\d{2})-(\d{2})", value)
    if match is None or int(match[1]) < 1:
        return None
    try:
        year, week, _ = date(int(match[1]), int(match[2]), int(match[3])).isocalendar()
    except ValueError:
        return None
    return f"{year:04d}-W{week:02d}"


def day_span(dct: date) -> Span:
    """The DCT's day: what "today" and durations laid against the DCT start from."""
    start = Instant.of(dct.year, dct.month, dct.day)
    return Span(start, start.plus(days=1), Granularity.DAY)


def span_of(timex_type: str, value: str, mod: str | None = None,
            dct: date | None = None) -> Span | None:
    """The interval a TIMEX3 denotes, or None where it cannot be placed."""
    if timex_type not in ("DATE", "TIME"):
        return None
    if value in ("PRESENT_REF", "PAST_REF", "FUTURE_REF"):
        if dct is None:
            return None
        today = day_span(dct)
        if value == "PRESENT_REF":
            return replace(today, approximate=True)
        if value == "PAST_REF":
            return Span(None, today.start, Granularity.DAY)
        return Span(today.end, None, Granularity.DAY)
    span = _value_span(value)
    if span is None:
        # "2024-XX-15", "198X" (a year of the 1980s: HeidelTime's "a decade ago"): the
        # known leading part still places it, loosely
        known = re.match(r"^(BC)?(\d{4}|\d{3}|\d{2})(?=-X|X+$)", value)
        if known is None or (span := _value_span(known.group(0))) is None:
            return None
        span = replace(span, uncertain_start=True, uncertain_end=True)
    return _apply_mod(span, mod)


_UNIT_GRANULARITY = {"Y": Granularity.YEAR, "M": Granularity.MONTH, "W": Granularity.WEEK,
                     "D": Granularity.DAY, "H": Granularity.HOUR, "MIN": Granularity.MINUTE,
                     "S": Granularity.SECOND, "DE": Granularity.DECADE,
                     "CE": Granularity.CENTURY}
# a duration's value as people's wording and events read it: "P3D", "PT16H", "PXDE"
_DURATION_VALUE = re.compile(r"^P(?:(?P<n>\d+(?:\.\d+)?|X)(?P<unit>[YMWD]|DE|CE)"
                             r"|T(?P<tn>\d+(?:\.\d+)?|X)(?P<tunit>[HMS]))$")


def duration_parts(value: str) -> tuple[str, str] | None:
    """A duration's amount ("3", "X") and unit (Y, M, W, D, DE, CE, H, MIN, S)."""
    match = _DURATION_VALUE.match(value)
    if match is None:
        return None
    if match["unit"]:
        return match["n"], match["unit"]
    return match["tn"], {"M": "MIN"}.get(match["tunit"], match["tunit"])


# a duration in several units: "P1Y6M", "PT2H05M", "P2DT3H"
_COMPOUND = re.compile(r"^P(?P<date>(?:\d+(?:DE|CE|[YMWD]))*)(?:T(?P<time>(?:\d+[HMS])+))?$")
_COMPOUND_PART = re.compile(r"(\d+)(DE|CE|[YMWDHS])")


def compound_parts(value: str) -> list[tuple[str, str]] | None:
    """Each amount and unit of a duration in several units ("P1Y6M": 1 Y, 6 M), units as
    :func:`duration_parts` names them; None for anything else."""
    match = _COMPOUND.match(value)
    if match is None or not (match["date"] or match["time"]):
        return None
    parts = [(str(int(n)), unit) for n, unit in _COMPOUND_PART.findall(match["date"])]
    parts += [(str(int(n)), {"M": "MIN"}.get(unit, unit))
              for n, unit in _COMPOUND_PART.findall(match["time"] or "")]
    return parts if len(parts) > 1 else None


# how many months or seconds each unit holds (a compound counted in its smallest unit,
# an instant shifted by one)
_IN_MONTHS = {"CE": 1200, "DE": 120, "Y": 12, "M": 1}
_IN_SECONDS = {"W": 7 * SECONDS_PER_DAY, "D": SECONDS_PER_DAY, "H": 3600, "MIN": 60, "S": 1}


def one_unit(value: str) -> tuple[str, str] | None:
    """A duration as an amount of one unit, as :func:`duration_parts` gives it; a
    compound in its smallest unit ("P2Y3M": 27 months, "PT1H30M": 90 minutes), so that
    "seit zwei Jahren und drei Monaten" reaches back as far as it says. None for a
    compound of months and days, which no count of one unit is."""
    if (parts := duration_parts(value)) is not None:
        return parts
    several = compound_parts(value)
    if several is None:
        return None
    units = [unit for _, unit in several]
    for table in (_IN_MONTHS, _IN_SECONDS):
        if all(unit in table for unit in units):
            smallest = min(units, key=table.__getitem__)
            total = sum(int(n) * table[unit] for n, unit in several) // table[smallest]
            return str(total), smallest
    return None


def duration_granularity(value: str) -> Granularity | None:
    """The unit a duration counts in: "P3D" days, "PT5M" minutes, "P2M" months,
    "P2Y3M" months."""
    parts = one_unit(value)
    return _UNIT_GRANULARITY[parts[1]] if parts else None


# how far back "in den vergangenen Monaten" reaches when no number is given: an
# estimate, drawn as uncertain
_UNKNOWN_AMOUNT = 2


def _shift(instant: Instant, unit: str, amount: int) -> Instant:
    year, month, day = instant.civil()
    if unit in _IN_MONTHS:
        months = amount * _IN_MONTHS[unit]
        shifted_year, shifted_month = add_months(year, month, months)
        return Instant.of(shifted_year, shifted_month,
                          min(day, days_in_month(shifted_year, shifted_month))).plus(
            seconds=instant.seconds - Instant.of(year, month, day).seconds)
    seconds = amount * _IN_SECONDS[unit]
    return Instant(instant.seconds + seconds)


# a unit and the next smaller one with how many of it make one: "2.5 Jahre" are 30 months
_SMALLER = {"CE": ("Y", 100), "DE": ("Y", 10), "Y": ("M", 12), "M": ("D", 30), "W": ("D", 7),
            "D": ("H", 24), "H": ("MIN", 60), "MIN": ("S", 60)}


def whole_units(amount: str, unit: str) -> tuple[int, str]:
    """A duration's amount in whole units: "2.5" years are 30 months, "1.5" hours 90
    minutes ("zweieinhalb Jahre", "eineinhalb Stunden"); what no smaller unit makes
    whole is rounded."""
    number = float(amount)
    while not number.is_integer() and unit in _SMALLER:
        unit, factor = _SMALLER[unit]
        number *= factor
    return round(number), unit


def anchored_span(value: str, mod: str | None, anchor: Span, towards: str) -> Span | None:
    """A duration laid against an anchor (usually the DCT): ``towards`` "past"
    reaches back from it ("seit drei Jahren", "in den vergangenen Monaten"),
    "future" forward ("in den kommenden zwei Wochen"), the anchor included. An unknown amount gives an
    uncertain far end; so do APPROX, LESS_THAN and MORE_THAN."""
    parts = one_unit(value)
    if parts is None or anchor.start is None or anchor.end is None:
        return None
    amount_text, unit = parts
    granularity = _UNIT_GRANULARITY.get(unit, Granularity.DAY)
    if amount_text == "X":
        amount, uncertain = _UNKNOWN_AMOUNT, True
    else:
        amount, unit = whole_units(amount_text, unit)
        amount, uncertain = max(1, amount), mod in (
            "APPROX", "LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS", "EQUAL_OR_MORE")
    if towards == "past":
        return Span(_shift(anchor.start, unit, -amount), anchor.end, granularity,
                    approximate=mod == "APPROX", uncertain_start=uncertain)
    return Span(anchor.start, _shift(anchor.end, unit, amount), granularity,
                approximate=mod == "APPROX", uncertain_end=uncertain)
