"""TIMEX3 values placed on the time axis, with exact bounds."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.time.chrono import (
    Instant,
    civil_from_days,
    days_from_civil,
    same_weekday_of_month,
)
from timeline.time.semantics import (
    Granularity,
    Span,
    anchored_span,
    shifted_value,
    span_of,
    week_value,
)
from timeline.time.semantics import Granularity as G

DCT = date(2024, 4, 29)


def bounds(value: str, mod: str | None = None, kind: str = "DATE"):  # type: ignore[no-untyped-def]
    span = span_of(kind, value, mod, DCT)
    assert span is not None, value
    return (span.start.iso() if span.start else None, span.end.iso() if span.end else None,
            span.granularity)


@pytest.mark.parametrize(("value", "expected"), [
    ("2024", ("2024-01-01", "2025-01-01", G.YEAR)),
    ("2024-04", ("2024-04-01", "2024-05-01", G.MONTH)),
    ("2024-02", ("2024-02-01", "2024-03-01", G.MONTH)),
    ("2024-12", ("2024-12-01", "2025-01-01", G.MONTH)),
    ("2024-04-29", ("2024-04-29", "2024-04-30", G.DAY)),
    ("2024-02-29", ("2024-02-29", "2024-03-01", G.DAY)),
    ("2024-04-29T14", ("2024-04-29T14:00", "2024-04-29T15:00", G.HOUR)),
    ("2024-04-29T14:30", ("2024-04-29T14:30", "2024-04-29T14:31", G.MINUTE)),
    ("2024-04-29T14:30:15", ("2024-04-29T14:30:15", "2024-04-29T14:30:16", G.SECOND)),
    # a zone leaves the clock as the text wrote it ("23:00 Uhr MEZ"; it was no date at all)
    ("2024-04-29T14:30+01", ("2024-04-29T14:30", "2024-04-29T14:31", G.MINUTE)),
    ("2024-04-29T14:30Z", ("2024-04-29T14:30", "2024-04-29T14:31", G.MINUTE)),
    ("2024-W18", ("2024-04-29", "2024-05-06", G.WEEK)),
    ("2024-W18-WE", ("2024-05-04", "2024-05-06", G.WEEK)),
    ("2024-Q2", ("2024-04-01", "2024-07-01", G.QUARTER)),
    ("2024-H1", ("2024-01-01", "2024-07-01", G.HALF)),
    ("2024-H2", ("2024-07-01", "2025-01-01", G.HALF)),
    ("2024-SU", ("2024-06-01", "2024-09-01", G.SEASON)),
    ("2024-WI", ("2024-12-01", "2025-03-01", G.SEASON)),
    ("2024-04-29TMO", ("2024-04-29T06:00", "2024-04-29T12:00", G.PART_OF_DAY)),
    ("2024-04-29TAF", ("2024-04-29T12:00", "2024-04-29T18:00", G.PART_OF_DAY)),
    ("2024-04-29TEV", ("2024-04-29T18:00", "2024-04-29T22:00", G.PART_OF_DAY)),
    ("2024-04-29TNI", ("2024-04-29T22:00", "2024-04-30T06:00", G.PART_OF_DAY)),
    ("198", ("1980-01-01", "1990-01-01", G.DECADE)),
    ("19", ("1900-01-01", "2000-01-01", G.CENTURY)),
    ("BC0264", ("-0263-01-01", "-0262-01-01", G.YEAR)),
    ("BC0001", ("0000-01-01", "0001-01-01", G.YEAR)),
    ("BC026", ("-0268-01-01", "-0258-01-01", G.DECADE)),
    ("BC02", ("-0299-01-01", "-0199-01-01", G.CENTURY)),  # the 3rd century BC: 300-201 BC
])
def test_values(value: str, expected: tuple) -> None:  # type: ignore[type-arg]
    assert bounds(value) == expected


@pytest.mark.parametrize(("mod", "expected"), [
    ("START", ("2024-01-01", "2024-05-01")),
    ("MID", ("2024-05-01", "2024-09-01")),
    ("END", ("2024-09-01", "2025-01-01")),
    ("EARLY", ("2024-01-01", "2024-07-01")),
    ("LATE", ("2024-07-01", "2025-01-01")),
    ("BEFORE", (None, "2024-01-01")),
    ("ON_OR_BEFORE", (None, "2025-01-01")),
    ("AFTER", ("2025-01-01", None)),
    ("ON_OR_AFTER", ("2024-01-01", None)),
])
def test_mods(mod: str, expected: tuple) -> None:  # type: ignore[type-arg]
    assert bounds("2024", mod)[:2] == expected


@pytest.mark.parametrize(("value", "mod", "expected"), [
    ("2024-04", "START", ("2024-04-01", "2024-04-11")),
    ("2024-04", "END", ("2024-04-21", "2024-05-01")),
    ("2024-04-29", "MID", ("2024-04-29T08:00", "2024-04-29T16:00")),
    ("199", "EARLY", ("1990-01-01", "1995-01-01")),
    ("BC0264", "END", ("-0263-09-01", "-0262-01-01")),
])
def test_mods_of_other_granularities(value: str, mod: str, expected: tuple) -> None:  # type: ignore[type-arg]
    assert bounds(value, mod)[:2] == expected


def test_approx_keeps_bounds_and_says_so() -> None:
    span = span_of("DATE", "2008", "APPROX", DCT)
    assert span is not None and span.approximate
    assert span.start == Instant.of(2008) and span.end == Instant.of(2009)


def test_refs_relative_to_dct() -> None:
    assert bounds("PRESENT_REF") == ("2024-04-29", "2024-04-30", G.DAY)
    assert bounds("PAST_REF")[:2] == (None, "2024-04-29")
    assert bounds("FUTURE_REF")[:2] == ("2024-04-30", None)
    assert span_of("DATE", "PRESENT_REF", None, None) is None


@pytest.mark.parametrize("value", ["XXXX-07", "XXXX-XX-XX", "2024-13",
                                   "2023-02-29", "UNDEF-this-year", "FOO"])
def test_unplaceable_values(value: str) -> None:
    assert span_of("DATE", value, None, DCT) is None


@pytest.mark.parametrize("kind", ["DURATION", "SET"])
def test_durations_and_sets_are_not_points(kind: str) -> None:
    assert span_of(kind, "P3Y", None, DCT) is None


def test_calendar_round_trip_across_eras() -> None:
    for days in range(-800_000, 800_000, 997):
        assert days_from_civil(*civil_from_days(days)) == days
    assert days_from_civil(1970, 1, 1) == 0
    assert Instant.parse("-0263-01-01") == Instant.of(-263)
    assert Instant.of(-263).iso() == "-0263-01-01"
    assert Instant.of(-263).decimal_year() == -263.0


def _day_span(y: int, m: int, d: int) -> Span:
    start = Instant.of(y, m, d)
    return Span(start, start.plus(days=1), Granularity.DAY)


@pytest.mark.parametrize(("value", "mod", "towards", "start", "end", "uncertain"), [
    ("P3Y", None, "past", "2021-04-29", "2024-04-30", False),       # seit drei Jahren
    ("PXM", None, "past", "2024-02-29", "2024-04-30", True),        # in den vergangenen Monaten
    ("P2W", None, "future", "2024-04-29", "2024-05-14", False),     # in den kommenden zwei Wochen
    ("P1M", "APPROX", "past", "2024-03-29", "2024-04-30", True),
    ("PT3H", None, "past", "2024-04-28T21:00:00", "2024-04-30", False),
    ("PXDE", None, "past", "2004-04-29", "2024-04-30", True),       # seit Jahrzehnten
    ("P3CE", None, "past", "1724-04-29", "2024-04-30", False),      # seit drei Jahrhunderten
    ("P2.5Y", None, "past", "2021-10-29", "2024-04-30", False),     # seit zweieinhalb Jahren
    ("PT1.5H", None, "past", "2024-04-28T22:30:00", "2024-04-30", False),
    ("P2Y3M", None, "past", "2022-01-29", "2024-04-30", False),     # seit zwei Jahren und drei Monaten
    ("PT1H30M", None, "past", "2024-04-28T22:30:00", "2024-04-30", False),
])
def test_anchored_durations(value: str, mod: str | None, towards: str, start: str, end: str,
                            uncertain: bool) -> None:
    span = anchored_span(value, mod, _day_span(2024, 4, 29), towards)
    assert span is not None
    assert (span.start.iso(), span.end.iso()) == (Instant.parse(start).iso(),
                                                  Instant.parse(end).iso())
    assert (span.uncertain_start if towards == "past" else span.uncertain_end) is uncertain


def test_unanchorable_duration_values_are_not_placed() -> None:
    assert anchored_span("P3Y", None, Span(None, None, Granularity.DAY), "past") is None
    assert anchored_span("XXXX-07", None, _day_span(2024, 4, 29), "past") is None


def test_partly_unknown_value_keeps_its_known_year_loosely() -> None:
    span = span_of("DATE", "2024-XX-15")
    assert span is not None and span.granularity is Granularity.YEAR
    assert (span.start.iso(), span.end.iso()) == ("2024-01-01", "2025-01-01")
    assert span.uncertain_start and span.uncertain_end


@pytest.mark.parametrize(("value", "granularity", "start", "end"), [
    ("198X", Granularity.DECADE, "1980-01-01", "1990-01-01"),  # HeidelTime's "a decade ago"
    ("19XX", Granularity.CENTURY, "1900-01-01", "2000-01-01"),
])
def test_a_year_of_a_decade_or_century_lies_in_it(value: str, granularity: Granularity,
                                                   start: str, end: str) -> None:
    """A value with its last digits unknown is placed in the decade or century it names
    (an event dated "A decade ago", ``198X``, had no place on the timeline)."""
    span = span_of("DATE", value)
    assert span is not None and span.granularity is granularity
    assert (span.start.iso(), span.end.iso()) == (start, end)
    assert span.uncertain_start and span.uncertain_end


def _weekdays_of(year: int, month: int, weekday: int) -> list[date]:
    days = (date.fromordinal(date(year, month, 1).toordinal() + i) for i in range(31))
    return [d for d in days if d.month == month and d.weekday() == weekday]


def test_a_weekday_of_a_month_moves_to_another_year_as_that_weekday() -> None:
    """Every first to fourth and every last weekday of a month of 2024, moved to years
    1861-2033, checked against Python's own calendar."""
    for month in range(1, 13):
        for weekday in range(7):
            days = _weekdays_of(2024, month, weekday)
            for year in range(1861, 2034, 3):
                there = _weekdays_of(year, month, weekday)
                for nth, day in enumerate(days[:4]):
                    assert same_weekday_of_month(2024, month, day.day, year, last=False) == \
                        (year, month, there[nth].day)
                assert same_weekday_of_month(2024, month, days[-1].day, year, last=True) == \
                    (year, month, there[-1].day)


@pytest.mark.parametrize(("value", "unit", "amount", "expected"), [
    ("BC0216-08-02", "D", 3, "BC0216-08-05"),
    ("0001-01-01", "D", -1, "BC0001-12-31"),  # 1 BC is year 0: no year zero in TIMEX3
    ("2024-02-28", "D", 2, "2024-03-01"),
    ("2024-12-30", "W", 1, "2025-01-06"),
    ("2024-02-30", "D", 1, None),  # no such day
    ("1862-05", "D", 1, None),  # no day to count from
    ("2022-Q3", "Q", -1, "2022-Q2"),  # "im Quartal davor", from a quarter, month or day
    ("2022-Q1", "Q", -1, "2021-Q4"),
    ("2022-08", "Q", 1, "2022-Q4"),
    ("2022-12-15", "Q", 0, "2022-Q4"),
    ("2022", "Q", 1, None),  # a year has no quarter to count from
    ("2019-W19", "W", 2, "2019-W21"),  # "zwei Wochen später" after a week
    ("2020-W53", "W", 1, "2021-W01"),
])
def test_days_shift_on_the_proleptic_calendar(value: str, unit: str, amount: int,
                                              expected: str | None) -> None:
    assert shifted_value(value, unit, amount) == expected


@pytest.mark.parametrize(("value", "expected"), [
    ("2019-05-03", "2019-W18"), ("2021-01-01", "2020-W53"), ("2019-05", None),
    ("BC0216-08-02", None),
])
def test_the_week_a_day_lies_in(value: str, expected: str | None) -> None:
    assert week_value(value) == expected
