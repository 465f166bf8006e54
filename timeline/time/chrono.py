"""Calendar arithmetic on instants that Python's ``datetime`` cannot hold.

Historical texts go back to 264 BC and beyond; ``datetime`` starts at year 1.
An :class:`Instant` is seconds since 1970-01-01 on the proleptic Gregorian
calendar with astronomical year numbering (1 BC is year 0, 264 BC is -263),
which is also what ISO 8601's expanded years use ("-0263-01-01").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SECONDS_PER_DAY = 86_400


def days_from_civil(year: int, month: int, day: int) -> int:
    """Days since 1970-01-01 (H. Hinnant's algorithm; valid for any year)."""
    year -= month <= 2
    era = year // 400  # floor division: Python's // already rounds down
    yoe = year - era * 400
    doy = (153 * (month + (-3 if month > 2 else 9)) + 2) // 5 + day - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146_097 + doe - 719_468


def civil_from_days(days: int) -> tuple[int, int, int]:
    """Inverse of :func:`days_from_civil`."""
    days += 719_468
    era = days // 146_097
    doe = days - era * 146_097
    yoe = (doe - doe // 1460 + doe // 36_524 - doe // 146_096) // 365
    year = yoe + era * 400
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    day = doy - (153 * mp + 2) // 5 + 1
    month = mp + (3 if mp < 10 else -9)
    return year + (month <= 2), month, day


def days_in_month(year: int, month: int) -> int:
    if month == 12:
        return 31
    return days_from_civil(year, month + 1, 1) - days_from_civil(year, month, 1)


def same_weekday_of_month(year: int, month: int, day: int, to_year: int,
                          last: bool) -> tuple[int, int, int]:
    """The day of ``month`` in ``to_year`` that is to its month what ``year-month-day`` is
    to its: the same weekday, the n-th or the ``last`` one ("am ersten Sonntag im Juli"
    is 7 July 2024 but 6 July 1862)."""
    weekday = (days_from_civil(year, month, day) + 3) % 7  # 1970-01-01 was a Thursday
    if last:
        end = days_from_civil(to_year, month, days_in_month(to_year, month))
        found = end - (end + 3 - weekday) % 7
    else:
        first = days_from_civil(to_year, month, 1)
        found = first + (weekday - first - 3) % 7 + 7 * ((day - 1) // 7)
    return civil_from_days(found)


def format_year(year: int) -> str:
    """ISO 8601 year: four digits, expanded with a sign outside 0..9999."""
    if 0 <= year <= 9999:
        return f"{year:04d}"
    return f"{'-' if year < 0 else '+'}{abs(year):04d}"


@dataclass(frozen=True, order=True)
class Instant:
    """A point on the time axis, to the second."""

    seconds: int

    @classmethod
    def of(cls, year: int, month: int = 1, day: int = 1, hour: int = 0, minute: int = 0,
           second: int = 0) -> Instant:
        days = days_from_civil(year, month, day)
        return cls(days * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second)

    @classmethod
    def parse(cls, text: str) -> Instant:
        """Read what :meth:`iso` writes."""
        sign = -1 if text.startswith("-") else 1
        body = text.lstrip("+-")
        date_part, _, time_part = body.partition("T")
        year_s, month_s, day_s = date_part.split("-")
        hour = minute = second = 0
        if time_part:
            fields = [int(x) for x in time_part.split(":")]
            hour, minute, second = (fields + [0, 0])[:3]
        return cls.of(sign * int(year_s), int(month_s), int(day_s), hour, minute, second)

    @property
    def days(self) -> int:
        return self.seconds // SECONDS_PER_DAY

    def civil(self) -> tuple[int, int, int]:
        return civil_from_days(self.days)

    def plus(self, *, days: int = 0, seconds: int = 0) -> Instant:
        return Instant(self.seconds + days * SECONDS_PER_DAY + seconds)

    def iso(self) -> str:
        """ISO 8601: a date at midnight, else a date and time."""
        year, month, day = self.civil()
        date_text = f"{format_year(year)}-{month:02d}-{day:02d}"
        rest = self.seconds - self.days * SECONDS_PER_DAY
        if rest == 0:
            return date_text
        hour, rest = divmod(rest, 3600)
        minute, second = divmod(rest, 60)
        time_text = f"{hour:02d}:{minute:02d}" + (f":{second:02d}" if second else "")
        return f"{date_text}T{time_text}"

    def decimal_year(self) -> float:
        """Position as a fractional year, for axes that must reach BC."""
        year, _, _ = self.civil()
        start = days_from_civil(year, 1, 1) * SECONDS_PER_DAY
        end = days_from_civil(year + 1, 1, 1) * SECONDS_PER_DAY
        return year + (self.seconds - start) / (end - start)


PART_MONTHS = {"Q": 3, "H": 6}  # months in a quarter ("2019-Q3"), a half ("2019-H2")
# the months each part of a year covers, counted from its January as 0, first and past
# the last (December of a winter is its start, so winter ends in the next year: 14)
PART_SPANS = {"SP": (2, 5), "SU": (5, 8), "FA": (8, 11), "AU": (8, 11), "WI": (11, 14),
              "H1": (0, 6), "H2": (6, 12), "Q1": (0, 3), "Q2": (3, 6), "Q3": (6, 9),
              "Q4": (9, 12)}
PART_VALUE = re.compile(r"^(?P<year>\d{4})-(?P<part>[QH])(?P<number>[1-4])$")


def part_of_year(month: int, part: str) -> int:
    """The quarter (``part`` "Q") or half ("H") of the year ``month`` (1-12) lies in."""
    return (month - 1) // PART_MONTHS[part] + 1


def add_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1
