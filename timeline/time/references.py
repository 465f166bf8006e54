"""HeidelTime's values that need one step more before anyone can read them.

A weekday of a named week ("am Montag vergangener Woche") comes out of
HeidelTime as an ISO week date, ``2015-W27-1``: :func:`calendar_days` makes it
the calendar day, which every later stage (a clock time's day, the timeline)
and every TIMEX3 corpus write. A weekday of the week just talked about or the
week after or before it ("am Freitag derselben Woche", "am Montag der folgenden
Woche") comes out as a weekday of no week, ``XXXX-WXX-5``, from rules the
language's lexicon names with their week offset: HeidelTime's reference skips
week dates and its week references come out as days, so the week is counted
here from the last day before it in our list, else the DCT's (news); a
narrative with no day before keeps the unknown week.

:func:`padded`: a month, day or hour written with one digit ("2010-7-2T7:45") gets its
second, a duration in hours its T ("P4H").

:func:`two_digit_years`: a year written with two digits ("mayo del 68") in the century that
puts it nearest the DCT.

:func:`range_years`: the first date of a range written with one year after the
last ("from July 1 to July 3, 1863") has no year in HeidelTime (``XXXX-07-01``)
when no date came before it; it takes the year of the range's end.

:func:`weekday_appositions`: a weekday HeidelTime found apart from the day in apposition
after it ("Sunday, 8 October 1871") is that day.

:func:`clock_days`: in news, a clock time whose day HeidelTime could not find is the
DCT's.

:func:`clock_on_day`: in news, a clock time HeidelTime put on the DCT's day while its
sentence writes its day takes that day.

:func:`from_dct`: in news, the year or month talked about with none talked about before
("by the end of the year" first thing in an article) is the DCT's.

:func:`parts_ahead`: in news, a quarter or half of a year without a year that HeidelTime's
test for the future, which is the wrong way round, put in the year after the DCT's.

:func:`quarters_ended`: "the quarter ended Sept. 30" is the quarter of that day, not the
last one talked about.

:func:`year_comparisons`: a comparison with the same period a year before ("net rose to $38
million from $33 million a year earlier") is made against the period talked about, and
"the quarter" names that period; HeidelTime counts each from the last expression before
it, which after "a year earlier" is the year before's ("the quarter" after "a year
earlier" was last year's quarter, a second "a year earlier" two years back).

:func:`since_before`: in news, a date without a year after "seit", "since", "depuis" or
"sinds" that HeidelTime put after the DCT is the year before's.

:func:`resolve`: HeidelTime's references to the expression before that it could
not resolve. It writes "zwei Stunden später", "three minutes later" as
``UNDEF-REF-hour-PLUS-2`` and resolves it only at the granularity of a day or
more, so the placeholder reached our output as a value no TIMEX3 reader knows.
Counted from the expression before it when that has a clock ("um 20 Uhr ...
Zwei Stunden später" is 22:00), else left unknown at the reference's
granularity (``XXXX-XX-XXTXX:XX``): HeidelTime's value syntax, so every language.
Minutes and hours counted from the DCT ("two hours ago") are the DCT's day.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, timedelta
from itertools import pairwise

from timeline.tagging.heideltime import RawTimex, rule_name
from timeline.time.chrono import PART_VALUE, part_of_year
from timeline.time.semantics import day_span, span_of

_WEEK_DAY = re.compile(r"^(?P<year>\d{4})-W(?P<week>\d{2})-(?P<day>[1-7])(?P<rest>(T.*)?)$")
_NO_YEAR = re.compile(r"^XXXX-(\d{2})(-\d{2})?$")
_YEAR_MONTH = re.compile(r"^(\d{4})-(\d{2})")
_ANY_WEEK = re.compile(r"^XXXX-WXX-([1-7])$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}(T|$)")
_REFERENCE = re.compile(r"^UNDEF-REF-(?P<unit>[a-z]+)-(?P<sign>PLUS|MINUS)-(?P<amount>\d+)")
_CLOCK = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$")
_FROM_DCT = re.compile(r"^UNDEF-this-(minute|hour)-(PLUS|MINUS)-\d+$")
_YEAR_VALUE = re.compile(r"^(?P<bc>BC)?(?P<year>\d{4})(?P<rest>(-.*)?)$")
# a day or clock HeidelTime wrote with one digit where TIMEX3 has two ("2010-7-2T7:45")
_UNPADDED = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})(?P<time>T.*)?$")
# a month, day, season, quarter or half of a year HeidelTime gave the year of
_YEARLESS = re.compile(r"^\d{4}-(\d{2}(-\d{2})?|SP|SU|FA|WI|Q[1-4]|H[12])$")
_LINK = re.compile(r"\s*(\w{1,3}\s+)?")  # "del", "de", "van" between a clock and its day
_CLOCK_UNIT = re.compile(r"^P((?:\d+(?:\.\d+)?|X)[HS])$")
_UNKNOWN_DAY = re.compile(r"^XXXX-XX-XX(T(?:\d{2}:\d{2}(?::\d{2})?|MO|MI|AF|EV|NI|DT))$")
_STEP = {"minute": timedelta(minutes=1), "hour": timedelta(hours=1)}
# TIMEX3's unknown value at each of HeidelTime's reference units
_UNKNOWN = {"minute": "XXXX-XX-XXTXX:XX", "hour": "XXXX-XX-XXTXX:XX", "day": "XXXX-XX-XX",
            "week": "XXXX-WXX", "month": "XXXX-XX", "quarter": "XXXX-QX", "year": "XXXX",
            "decade": "XXX", "century": "XX"}
# what HeidelTime counts a reference from, by the reference's granularity: for a quarter a
# month or quarter, for a year anything with a year
_REFERENCE_GRAIN = {"quarter": re.compile(r"^\d{4}-(\d{2}|Q[1-4])"), "year": re.compile(r"^\d{4}")}


def padded(timexes: list[RawTimex]) -> list[RawTimex]:
    """``timexes`` with a month, day or hour written with one digit given its second:
    the numeric rules of every language copy what the text wrote ("7/2/2010 7:45" was
    ``2010-7-2T7:45``, Dutch "3-5-92" ``1992-5-3``), which no TIMEX3 reader takes; and a
    duration in hours or seconds given the T its unit needs (Dutch "vier uur" was
    ``P4H``)."""
    out = []
    for timex in timexes:
        if found := _UNPADDED.match(timex.value):
            time = re.sub(r"^T(\d)(?=:)", r"T0\1", found["time"] or "")
            timex = replace(timex, value=f"{found['year']}-{int(found['month']):02d}-"
                            f"{int(found['day']):02d}{time}")
        elif found := _CLOCK_UNIT.match(timex.value):  # hours or seconds without the T
            timex = replace(timex, value=f"PT{found[1]}")
        out.append(timex)
    return out


def two_digit_years(timexes: list[RawTimex], text: str, dct: date | None) -> list[RawTimex]:
    """``timexes`` whose year the text wrote with two digits ("mayo del 68", "el verano
    del 92") in the century that puts it nearest the DCT, at most ten years after it:
    HeidelTime gave the DCT's century (2068) or, in some rules, none at all (0092).
    Not a year of an era, before or after Christ ("zwischen 58 und 50 v. Chr.", "im
    Jahr 14 n. Chr."; HeidelTime's rules with an era hint): those were 1958 BC and 2014."""
    if dct is None:
        return timexes
    out = []
    for timex in timexes:
        surface = text[timex.start:timex.end]
        if (found := _YEAR_VALUE.match(timex.value)) and not found["bc"] and \
                "BCADhint" not in timex.rule and \
                not re.search(r"\d{3}", surface) and \
                (short := re.findall(r"(?<!\d)'?(\d{2})(?!\d)", surface)) and \
                found["year"][2:] == short[-1] and \
                (int(found["year"]) < 100 or int(found["year"]) > dct.year + 10):
            century = dct.year // 100 - (int(short[-1]) > dct.year % 100 + 10)
            timex = replace(timex, value=f"{century:02d}{short[-1]}{found['rest']}")
        out.append(timex)
    return out


def range_years(timexes: list[RawTimex], text: str, connectors: frozenset[str]
                ) -> list[RawTimex]:
    """``timexes`` (in text order) with a range's yearless first date in its last date's
    year (the year before when its month comes later: "December 28 to January 3, 1864")."""
    out = list(timexes)
    for i in range(len(out) - 1):
        first, last = out[i], out[i + 1]
        between = text[first.end:last.start].strip().lower()
        if (found := _NO_YEAR.match(first.value)) and (year := _YEAR_MONTH.match(last.value)) \
                and between in connectors:
            before = int(found.group(1)) > int(year.group(2))
            out[i] = replace(first, value=f"{int(year.group(1)) - before:04d}"
                                          f"{first.value[4:]}")
    return out


def weekday_appositions(timexes: list[RawTimex], text: str) -> list[RawTimex]:
    """``timexes`` (in text order) with a weekday HeidelTime dated on its own, right before
    a comma and a day of the same weekday, as that day ("On the evening of Sunday, 8
    October 1871": HeidelTime found the two apart and gave "Sunday" the Sunday before
    its reference, in 1837, or no day at all)."""
    out = list(timexes)
    for first, last in pairwise(timexes):
        if not (_DAY.match(last.value) and first.rule.endswith("-relative") and
                not re.search(r"\d", text[first.start:first.end]) and
                re.fullmatch(r"\s*,\s*", text[first.end:last.start])):
            continue
        # a weekday of no known week (a narrative with no day before it), or the wrong one
        if first.value[:10] == "XXXX-XX-XX" or (
                _DAY.match(first.value) and first.value[:10] != last.value[:10] and
                date.fromisoformat(first.value[:10]).weekday() ==
                date.fromisoformat(last.value[:10]).weekday()):
            out[out.index(first)] = replace(first, value=last.value[:10] + first.value[10:])
    return out


def _iso_day(year: int, week: int, weekday: int) -> date | None:
    """The day of an ISO week date; None for one that does not exist (HeidelTime counts
    weeks before 1583 on Java's Julian calendar: "0800-W53")."""
    try:
        return date.fromisocalendar(year, week, weekday)
    except ValueError:
        return None


def calendar_days(timexes: list[RawTimex], week_of_day: dict[str, int],
                  dct: date | None) -> list[RawTimex]:
    """``timexes`` (in text order) with each weekday of a week as its calendar day;
    ``week_of_day`` maps the rules of a weekday of the week around the day before
    (without its "-relative"/"-explicit" ending) to that week's offset."""
    out: list[RawTimex] = []
    for timex in timexes:
        if (found := _WEEK_DAY.match(timex.value)) and \
                (day := _iso_day(*(int(found.group(k)) for k in ("year", "week", "day")))):
            timex = replace(timex, value=day.isoformat() + found.group("rest"))
        elif (offset := week_of_day.get(rule_name(timex.rule))) is not None and \
                (weekday := _ANY_WEEK.match(timex.value)):
            before = next((date.fromisoformat(t.value[:10]) for t in reversed(out)
                           if _DAY.match(t.value)), dct)
            if before is not None:
                year, week, _ = (before + timedelta(weeks=offset)).isocalendar()
                day = date.fromisocalendar(year, week, int(weekday.group(1)))
                timex = replace(timex, value=day.isoformat())
        out.append(timex)
    return out


def clock_days(timexes: list[RawTimex], dct: date) -> list[RawTimex]:
    """``timexes`` of a news text with a clock time or a part of a day whose day HeidelTime
    left unknown on the DCT's day: it counts "at midday", "at 9 a.m." from the last date
    written (``UNDEF-REF-day``), which gives ``XXXX-XX-XX`` after a year or a month ("last
    year's blasts ... at midday"); news writes the day it appeared in, as TimeML marks it."""
    return [replace(timex, value=dct.isoformat() + found.group(1))
            if timex.type == "TIME" and (found := _UNKNOWN_DAY.match(timex.value)) else timex
            for timex in timexes]


def clock_on_day(timexes: list[RawTimex], text: str, sentences: list[tuple[int, int]],
                 dct: date, rules: frozenset[str]) -> list[RawTimex]:
    """``timexes`` of a news text where one of ``rules`` (a clock time or a part of a day
    HeidelTime dates from the DCT, ``UNDEF-this-day``: Spanish "las 22.00 horas", Dutch
    "om 10 uur") has the DCT's day although its sentence writes its day: the day written
    right after it ("a las 8 horas del martes"), else the last one before it in its
    sentence ("El lunes por la noche, hacia las 22.00 horas"). Other languages count
    from the day talked about (``UNDEF-REF-day``) and had it right."""
    # not another clock time of these rules: "van 9 tot 17 uur" is not on 17 uur's day
    days = [t for t in timexes if _DAY.match(t.value) and rule_name(t.rule) not in rules]
    out = []
    for timex in timexes:
        if rule_name(timex.rule) in rules and timex.value.startswith(dct.isoformat() + "T"):
            begin, end = next(((b, e) for b, e in sentences if b <= timex.start < e),
                              (timex.start, timex.end))
            after = next((d for d in days if d.start >= timex.end and d.start < end and
                          _LINK.fullmatch(text[timex.end:d.start])), None)
            before = [d for d in days if begin <= d.start and d.end <= timex.start]
            if (day := after or (before[-1] if before else None)) is not None:
                timex = replace(timex, value=day.value[:10] + timex.value[10:])
        out.append(timex)
    return out


def from_dct(timexes: list[RawTimex], dct: date, rules: frozenset[str]) -> list[RawTimex]:
    """``timexes`` of a news text where one of ``rules`` (the year, month or week talked
    about: English "by the end of the year") found no date before it to count from and
    left the unit unknown: the DCT's year, month or week."""
    known = {"XXXX": f"{dct.year:04d}", "XXXX-XX": f"{dct.year:04d}-{dct.month:02d}",
             "XXXX-WXX": "{:04d}-W{:02d}".format(*dct.isocalendar()[:2])}
    return [replace(timex, value=known[timex.value])
            if timex.value in known and rule_name(timex.rule) in rules else timex
            for timex in timexes]


def parts_ahead(timexes: list[RawTimex], dct: date, rules: frozenset[str]) -> list[RawTimex]:
    """``timexes`` of a news text with each quarter or half of a year that one of ``rules``
    found without a year ("the fourth quarter", "im zweiten Halbjahr") and HeidelTime put
    in the year after the DCT's although it is still ahead in the DCT's: the DCT's.
    HeidelTime's test for a quarter or half told in the future is the wrong way round
    (the year after when the DCT's quarter comes *before* the one named), so "Profit will
    rise in the fourth quarter", in August, was next year's; no other case gives that value.
    """
    out = []
    for timex in timexes:
        found = PART_VALUE.match(timex.value)
        if found and rule_name(timex.rule) in rules and int(found["year"]) == dct.year + 1 \
                and int(found["number"]) > part_of_year(dct.month, found["part"]):
            timex = replace(timex, value=f"{dct.year:04d}{timex.value[4:]}")
        out.append(timex)
    return out


def since_before(timexes: list[RawTimex], text: str, dct: date, since: frozenset[str],
                 weekdays: frozenset[str]) -> list[RawTimex]:
    """``timexes`` of a news text where a date HeidelTime found without a year (a
    ``-relative`` rule) after one of ``since`` (or it and one word: "seit dem", "depuis
    la") lies after the DCT: the year before's. What has lasted since a date began before
    the text was written; HeidelTime's German, Dutch, Spanish, Italian and Portuguese date
    a bare month by tense or as the DCT's year ("der erste Heimsieg seit Mitte Oktober",
    in August, was this October; English and French had it right). A weekday
    (``weekdays``) is not a year's: left as it is."""
    out = []
    today = day_span(dct)
    for timex in timexes:
        before = text[max(0, timex.start - 24):timex.start].lower().split()[-2:]
        surface = set(re.findall(r"\w+", text[timex.start:timex.end].lower()))
        if timex.type == "DATE" and timex.rule.endswith("-relative") and \
                _YEARLESS.match(timex.value) and bool(set(before) & since) and \
                not surface & weekdays and (span := span_of("DATE", timex.value)) is not None \
                and span.start is not None and span.start >= today.end:
            timex = replace(timex, value=f"{int(timex.value[:4]) - 1:04d}{timex.value[4:]}")
        out.append(timex)
    return out


def quarters_ended(timexes: list[RawTimex], text: str, rules: frozenset[str],
                   joiners: frozenset[str]) -> list[RawTimex]:
    """``timexes`` with "the quarter" (one of ``rules``, HeidelTime's quarter talked about)
    named by its last day ("the quarter ended Sept. 30", one of ``joiners`` between) as
    the quarter of that day: HeidelTime took the last quarter before it, which after "a
    year earlier" was the year before's."""
    out = list(timexes)
    for index, (timex, following) in enumerate(pairwise(timexes)):
        between = text[timex.end:following.start].split()
        if rule_name(timex.rule) in rules and len(between) == 1 and \
                between[0].lower() in joiners and (day := _YEAR_MONTH.match(following.value)) \
                and _DAY.match(following.value):
            quarter = part_of_year(int(day.group(2)), "Q")
            out[index] = replace(timex, value=f"{day.group(1)}-Q{quarter}")
    return out


def year_comparisons(timexes: list[RawTimex], comparisons: dict[str, str],
                     references: dict[str, str]) -> list[RawTimex]:
    """``timexes`` (in text order) with each comparison with a year before (rules
    ``comparisons``) and each reference to the period talked about (``references``; both
    with the granularity HeidelTime counts them from) that HeidelTime counted from a
    comparison counted from the period that comparison was made against: a year later
    than HeidelTime's, plus however far that comparison itself was moved."""
    out: list[RawTimex] = []
    moved: list[int] = []  # years each of ``out`` was moved by, plus one for a comparison
    for timex in timexes:
        rule = rule_name(timex.rule)
        grain = comparisons.get(rule) or references.get(rule)
        shift = 0
        if grain and (year := _YEAR_VALUE.match(timex.value)) and not year["bc"]:
            # HeidelTime's anchor: the last date or time before it of the right granularity
            anchor = next((i for i in reversed(range(len(out)))
                           if out[i].type in ("DATE", "TIME") and out[i].start != timex.start
                           and _REFERENCE_GRAIN[grain].match(timexes[i].value)), None)
            if anchor is not None and (shift := moved[anchor]):
                timex = replace(timex, value=f"{int(year['year']) + shift:04d}{year['rest']}")
        out.append(timex)
        moved.append(shift + (rule in comparisons))
    return out


def quarters_talked_about(timexes: list[RawTimex], comparisons: dict[str, str],
                          references: dict[str, str]) -> list[RawTimex]:
    """``timexes`` (in text order) with "the quarter" (a reference of quarter granularity,
    ``references``) the last quarter written before it, and "the year-earlier quarter"
    (such a comparison) a year before that one: HeidelTime counts both from the last month
    or quarter, so a month or day between ("Sales have slipped since January. For the
    quarter, ...", "which reported earnings on Monday, said profit for the quarter rose")
    made it that month's quarter. A comparison is not the quarter talked about; with no
    quarter before, HeidelTime's value stays."""
    out: list[RawTimex] = []
    for timex in timexes:
        rule = rule_name(timex.rule)
        grain = comparisons.get(rule) or references.get(rule)
        if grain == "quarter" and PART_VALUE.match(timex.value):
            talked = next((t for t in reversed(out) if rule_name(t.rule) not in comparisons
                           and (part := PART_VALUE.match(t.value)) and part["part"] == "Q"),
                          None)
            if talked is not None:
                year = int(talked.value[:4]) - (rule in comparisons)
                timex = replace(timex, value=f"{year:04d}{talked.value[4:]}")
        out.append(timex)
    return out


def resolve(timexes: list[RawTimex], dct: date | None = None) -> list[RawTimex]:
    """``timexes`` (in text order) with no ``UNDEF-REF`` value left, nor a minute or hour
    counted from the DCT ("two hours ago", "il y a dix minutes": ``UNDEF-this-hour-MINUS-2``,
    which HeidelTime cannot resolve from a DCT without a clock): the DCT's day, else
    unknown."""
    out: list[RawTimex] = []
    for timex in timexes:
        if found := _FROM_DCT.match(timex.value):
            timex = replace(timex, value=dct.isoformat() if dct else _UNKNOWN[found.group(1)])
        elif found := _REFERENCE.match(timex.value):
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
