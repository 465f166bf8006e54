"""Dates as people write them: "29. April 2024", "Juli 2024", "264 v. Chr.", "seit 2008".

Hovers, labels, tables, lists and exports show these; raw TIMEX3 values stay in
the JSON. Month and weekday names, eras, quarters and date ranges come from
Babel (CLDR) in the document's language; the phrases Babel has no notion of
("seit", "Anfang", "jeden Montag", "Beginn geschätzt") are data in
``timeline/data/lang/<code>.json`` under ``wording``. Ends are inclusive, as
people read them: the half-open ``[2024-04-29, 2024-04-30)`` is "29 April 2024".
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from babel import Locale
from babel.dates import (
    format_datetime,
    format_interval,
    format_skeleton,
    format_time,
    match_skeleton,
)
from babel.lists import format_list
from babel.numbers import format_decimal
from babel.units import format_unit

from timeline.tagging.lexicon import lexicon
from timeline.time.chrono import SECONDS_PER_DAY, Instant, add_months
from timeline.time.semantics import (
    Granularity,
    Span,
    compound_parts,
    day_span,
    duration_parts,
    span_of,
)

_UNIT_NAMES = {"Y": "year", "M": "month", "W": "week", "D": "day", "H": "hour",
               "MIN": "minute", "S": "second", "DE": "decade", "CE": "century"}
_SEASON_OF_MONTH = {3: "SP", 6: "SU", 9: "FA", 12: "WI"}
_PART_OF_DAY = {(6, 6): "MO", (11, 2): "MI", (12, 6): "AF", (6, 12): "DT", (18, 4): "EV",
                (22, 8): "NI"}
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


@dataclass(frozen=True)
class When:
    """An event's time in words: ``text`` ("seit 2008"), its first and last unit
    ("" where open), and notes ("Beginn geschätzt")."""

    text: str
    start: str = ""
    end: str = ""
    notes: tuple[str, ...] = field(default_factory=tuple)

    def full(self) -> str:
        """``text`` with its notes: "die vergangenen Monate (Beginn geschätzt)"."""
        return f"{self.text} ({', '.join(self.notes)})" if self.notes else self.text


class Words:
    """The wording of one language: Babel's locale plus our phrases."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.phrases: dict[str, Any] = lexicon(language).data["wording"]
        self.locale = Locale.parse(self.phrases["locale"])

    def phrase(self, *path: str, **values: object) -> str:
        node: Any = self.phrases
        for key in path:
            node = node[key]
        return str(node).format(**values)

    def number(self, n: int) -> str:
        """ "1,028" in English, "1.028" in German."""
        return format_decimal(n, locale=self.locale)

    def count(self, noun: str, n: int) -> str:
        """ "1 document", "10 Ereignisse": the page's counted nouns, singular for one."""
        return self.phrase("page", noun, "one" if n == 1 else "other", n=self.number(n))

    # --- single instants and units ---------------------------------------------------

    def year(self, year: int) -> str:
        """An astronomical year: 2008 -> "2008", -263 -> "264 v. Chr."."""
        if year <= 0:
            return self.phrase("bc", date=str(1 - year), era=self.locale.eras["abbreviated"][0])
        return str(year)

    def _skeleton(self, skeleton: str, year: int, month: int = 1, day: int = 1,
                  hour: int = 0, minute: int = 0, second: int = 0) -> str:
        if 1 <= year <= 9999:
            return format_skeleton(skeleton, datetime(year, month, day, hour, minute, second),
                                   locale=self.locale)
        # outside datetime's years: the locale's pattern, the year as a quoted literal
        key = match_skeleton(skeleton, self.locale.datetime_skeletons) or skeleton
        pattern = self.locale.datetime_skeletons[key].pattern
        literal = "'" + self.year(year).replace("'", "''") + "'"
        pattern = re.sub(r"y+", lambda _: literal, pattern)
        return format_datetime(datetime(2000, month, day, hour, minute, second), pattern,
                               locale=self.locale)

    def month(self, year: int, month: int) -> str:
        return self._skeleton("yMMMM", year, month)

    def day(self, year: int, month: int, day: int) -> str:
        return self._skeleton("yMMMMd", year, month, day)

    def moment(self, instant: Instant) -> str:
        """A date and time: "29. April 2024, 14:30"."""
        year, month, day = instant.civil()
        rest = instant.seconds - instant.days * SECONDS_PER_DAY
        hour, minute, second = rest // 3600, rest // 60 % 60, rest % 60
        clock = self._skeleton("Hms" if second else "Hm", 2000, 1, 1, hour, minute, second)
        pattern = str(self.locale.datetime_formats["medium"])
        return pattern.replace("{1}", self.day(year, month, day)).replace("{0}", clock)

    def at(self, instant: Instant, precision: Granularity) -> str:
        """``instant`` written to ``precision`` (year, month, day or finer)."""
        year, month, day = instant.civil()
        if precision == Granularity.YEAR:
            return self.year(year)
        if precision == Granularity.MONTH:
            return self.month(year, month)
        if precision == Granularity.DAY:
            return self.day(year, month, day)
        return self.moment(instant)

    def unit(self, span: Span, value: str = "") -> str:
        """One calendar unit: "2008", "Juli 2024", "2. Quartal 2024", "1960er Jahre"."""
        assert span.start is not None and span.end is not None
        year, month, day = span.start.civil()
        granularity = span.granularity
        if granularity in (Granularity.DECADE, Granularity.CENTURY):
            digits = re.match(r"^(BC)?(\d+)", value)
            bc = bool(digits and digits.group(1))
            number = int(digits.group(2)) if digits else (year // 10 if granularity ==
                                                          Granularity.DECADE else year // 100)
            if granularity == Granularity.DECADE:
                text = self.phrase("decade", decade=number * 10)
            else:
                text = self.phrase("century", n=number + 1, roman=_roman(number + 1),
                                   ordinal=_english_ordinal(number + 1))
            return self.phrase("bc", date=text, era=self.locale.eras["abbreviated"][0]) \
                if bc else text
        if granularity == Granularity.YEAR:
            return self.year(year)
        if granularity == Granularity.HALF:
            return self.phrase("halves", "1" if month == 1 else "2", year=self.year(year))
        if granularity == Granularity.QUARTER:
            if 1 <= year <= 9999:
                return format_skeleton("yQQQQ", date(year, month, 1), locale=self.locale)
            return f"Q{(month + 2) // 3} {self.year(year)}"
        if granularity == Granularity.SEASON:
            code = _SEASON_OF_MONTH.get(month, "SP")
            label = self.year(year) if code != "WI" else f"{self.year(year)}/{(year + 1) % 100:02d}"
            return self.phrase("season", season=self.phrase("seasons", code), year=label)
        if granularity == Granularity.MONTH:
            return self.month(year, month)
        if granularity == Granularity.WEEK:
            days = (span.end.seconds - span.start.seconds) // SECONDS_PER_DAY
            if days < 7:
                return self.phrase("weekend", dates=self.days_range(span))
            if 1 <= year <= 9999:
                iso_year, week, _ = date(year, month, day).isocalendar()
                return self.phrase("week", week=week, year=iso_year,
                                   dates=self.days_range(span))
            return self.days_range(span)
        if granularity == Granularity.DAY:
            return self.day(year, month, day)
        if granularity == Granularity.PART_OF_DAY:
            hours = (span.end.seconds - span.start.seconds) // 3600
            start_hour = (span.start.seconds - span.start.days * SECONDS_PER_DAY) // 3600
            part = _PART_OF_DAY.get((start_hour, hours), "DT")
            return self.phrase("part_of_day", date=self.day(year, month, day),
                               part=self.phrase("parts_of_day", part))
        return self.moment(span.start)

    def days_range(self, span: Span) -> str:
        assert span.start is not None and span.end is not None
        return self.range(span.start, span.end, Granularity.DAY)

    def range(self, start: Instant, end: Instant, precision: Granularity) -> str:
        """``[start, end)`` at ``precision``, the end inclusive: "1939–1945", "Mai – Juli 2024"."""
        last = last_unit(end, precision)
        first_text, last_text = self.at(start, precision), self.at(last, precision)
        if first_text == last_text:
            return first_text
        years = start.civil()[0], last.civil()[0]
        if not all(1 <= y <= 9999 for y in years):
            return f"{first_text} – {last_text}"
        if precision in (Granularity.YEAR, Granularity.MONTH):
            return format_interval(_datetime(start), _datetime(last),
                                   "y" if precision == Granularity.YEAR else "yMMMM",
                                   locale=self.locale)
        if precision == Granularity.DAY and years[0] == years[1]:
            # Babel's day intervals abbreviate the months; ours are written out
            first_text = format_skeleton("MMMMd", _datetime(start), locale=self.locale)
        return f"{first_text} – {last_text}"

    def anchored_duration(self, value: str, towards: str) -> str:
        """A duration reaching back from today or forward: "die vergangenen 3 Jahre", and
        for one unit the language's own phrase ("das vergangene Jahrzehnt", not "die
        vergangenen 1 Jahrzehnt")."""
        parts = duration_parts(value)
        one = self.phrases["duration"].get(f"{towards}_one", {})
        if parts and parts[0] in ("1", "1.0") and parts[1] in one:
            return str(one[parts[1]])
        return self.phrase("duration", towards, amount=self.amount(value, anchored=True) or "")

    def amount(self, value: str, anchored: bool = False) -> str | None:
        """A duration's length: "3 Jahre"; "einige Monate" when the number is unknown,
        or just "Monate" where a phrase says the rest ("die vergangenen Monate")."""
        parts = duration_parts(value)
        if parts is None:
            several = compound_parts(value)
            return format_list([self._unit(n, unit) for n, unit in several], style="unit",
                               locale=self.locale) if several else None
        number, unit = parts
        if number == "X":
            units = self.phrase("units", unit)
            return units if anchored else self.phrase("duration", "some", units=units)
        return self._unit(number, unit)

    def _unit(self, number: str, unit: str) -> str:
        """One amount of one unit in words: "3 Jahre", "1,5 Stunden"."""
        amount = float(number)
        return format_unit(int(amount) if amount.is_integer() else amount,
                           f"duration-{_UNIT_NAMES[unit]}", length="long", locale=self.locale)


def page_language(languages: list[str]) -> str:
    """The language of the words around the dates of a page or figure: the documents'
    if they share one, else English."""
    return languages[0] if len(set(languages)) == 1 else "en"


@functools.cache
def words(language: str) -> Words:
    return Words(language)


def _datetime(instant: Instant) -> datetime:
    year, month, day = instant.civil()
    rest = instant.seconds - instant.days * SECONDS_PER_DAY
    return datetime(year, month, day, rest // 3600, rest // 60 % 60, rest % 60)


def _roman(number: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while number >= value:
            out, number = out + letters, number - value
    return out


def _english_ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(
        number % 10, "th")
    return f"{number}{suffix}"


def precision_of(instant: Instant) -> Granularity:
    """The coarsest unit ``instant`` starts: a year, a month, a day, or finer."""
    _, month, day = instant.civil()
    if instant.seconds % SECONDS_PER_DAY:
        return Granularity.MINUTE
    if day != 1:
        return Granularity.DAY
    return Granularity.MONTH if month != 1 else Granularity.YEAR


_ORDER = [Granularity.YEAR, Granularity.MONTH, Granularity.DAY, Granularity.MINUTE]


def _finer(a: Granularity, b: Granularity) -> Granularity:
    return max(a, b, key=_ORDER.index)


def last_unit(end: Instant, precision: Granularity) -> Instant:
    """The start of the last ``precision`` unit before the exclusive ``end``."""
    year, month, _ = end.civil()
    if precision == Granularity.YEAR:
        return Instant.of(year - 1)
    if precision == Granularity.MONTH:
        return Instant.of(*add_months(year, month, -1))
    if precision == Granularity.DAY:
        return end.plus(days=-1)
    return end.plus(seconds=-60 if end.seconds % 60 == 0 else -1)


def last_instant_iso(end: str) -> str:
    """An exclusive ISO end as the inclusive last moment people read:
    "2024-04-30" -> "2024-04-29", "2024-04-29T15:00" -> "2024-04-29T14:59:59"."""
    instant = Instant.parse(end)
    if instant.seconds % SECONDS_PER_DAY == 0:
        return instant.plus(days=-1).iso()
    return instant.plus(seconds=-1).iso()


def _interval(start: str | None, end: str | None) -> tuple[Instant | None, Instant | None]:
    return (Instant.parse(start) if start else None, Instant.parse(end) if end else None)


def describe_value(type_: str, value: str, mod: str | None, language: str,
                   dct: date | None = None) -> When:
    """A time expression on its own (also one that cannot be placed): "Juli 2024",
    "Anfang 2024", "3 Jahre", "jeden Montag", "Juli (Jahr unbekannt)", "09:00 (Tag
    unbekannt)"."""
    w = words(language)
    if type_ == "SET":
        return When(_recurring(value, w))
    if type_ == "DURATION":
        amount = w.amount(value)
        return When(w.phrase("duration", "unanchored", amount=amount) if amount
                    else w.phrase("notes", "unknown"))
    if value in ("PAST_REF", "FUTURE_REF"):
        return When(w.phrase("refs", value))
    span = span_of(type_, value, None, dct)
    if value == "PRESENT_REF":
        today = w.unit(span) if span else ""
        return When(w.phrase("refs", value, date=today).replace(" ()", ""), today, today)
    if match := re.match(r"^XXXX-(\d\d)(?:-(\d\d))?$", value):
        if 1 <= int(match[1]) <= 12 and 1 <= int(match[2] or 1) <= 31:
            text = format_skeleton("MMMMd", date(2000, int(match[1]), int(match[2])),
                                   locale=w.locale) if match[2] else \
                w.locale.months["stand-alone"]["wide"][int(match[1])]
            return When(text, notes=(w.phrase("notes", "year_unknown"),))
    # a time of many days ("täglich von 9 bis 12 Uhr") or of none written; "T24:00" midnight
    if (match := re.match(r"^(?:XXXX-XX-XX)?T(\d\d):(\d\d)$", value)) and \
            int(match[1]) <= 24 and int(match[2]) < 60:
        return When(format_time(time(int(match[1]) % 24, int(match[2])), "short", locale=w.locale),
                    notes=(w.phrase("notes", "day_unknown"),))
    if span is None or span.start is None or span.end is None:
        note = "unresolved" if value.startswith("XXXX") and dct is None else "unknown"
        return When(w.phrase("notes", "unknown"), notes=(w.phrase("notes", note),)
                    if note != "unknown" else ())
    unit = w.unit(span, value)
    notes = (w.phrase("notes", "partly_known"),) if "X" in value else ()
    if mod in ("START", "MID", "END", "EARLY", "LATE", "APPROX"):
        return When(_modified(w, mod, unit), unit, unit, notes)
    if mod in ("BEFORE", "AFTER"):
        return When(w.phrase("open", mod.lower(), date=unit), notes=notes)
    if mod == "ON_OR_BEFORE":
        return When(w.phrase("open", "until", date=unit), notes=notes)
    if mod == "ON_OR_AFTER":
        return When(w.phrase("open", "from", date=unit), notes=notes)
    return When(unit, unit, unit, notes)


def _modified(w: Words, mod: str, unit: str) -> str:
    """``unit`` with its part or approximation: "mid-July 2024", but after an article the
    language's own form ("the mid-20th century", not "mid-the 20th century")."""
    article = w.phrases.get("article")
    after_article = w.phrases.get("mods_after_article", {})
    if article and unit.startswith(article) and mod in after_article:
        return w.phrase("mods_after_article", mod, rest=unit[len(article):])
    return w.phrase("mods", mod, date=unit)


def describe_event(event: Any, timex: Any, language: str, dct: date | None = None,
                   end_timex: Any = None) -> When:
    """An event's time: the interval it was given, worded from the expression(s)
    that dated it, with what is estimated or inferred said in the notes.

    ``event`` and ``timex`` are :class:`timeline.model.Event` and ``Timex`` (typed
    loosely: the model imports this stage, not the other way round)."""
    w = words(language)
    notes = []
    if event.inferred:
        notes.append(w.phrase("notes", "inferred"))
    if event.recurring:
        return When(_recurring(timex.value, w), notes=tuple(notes))
    partly = "X" in timex.value and timex.type in ("DATE", "TIME")
    if partly:
        notes.append(w.phrase("notes", "partly_known"))
    else:
        if event.uncertain_start:
            notes.append(w.phrase("notes", "start_estimated"))
        if event.uncertain_end:
            notes.append(w.phrase("notes", "end_estimated"))
    start, end = _interval(event.start, event.end)
    own = span_of(timex.type, timex.value, None, dct) if timex.type in ("DATE", "TIME") else None
    own_text = w.unit(own, timex.value) if own and own.start and own.end else ""
    if start is None and end is None:
        if timex.type == "DURATION" and (amount := w.amount(timex.value)):
            return When(w.phrase("duration", "unanchored", amount=amount),
                        notes=(*notes, w.phrase("notes", "unknown")))
        return When(w.phrase("notes", "unknown"), notes=tuple(notes))
    if start is None:
        assert end is not None
        if timex.value == "PAST_REF":
            return When(w.phrase("refs", "PAST_REF"), notes=tuple(notes))
        if own and own_text and end == own.end:
            text = w.phrase("open", "until", date=own_text)
        else:
            before = own_text if own and own_text and end == own.start else \
                w.at(end, precision_of(end))
            text = w.phrase("open", "before", date=before)
        return When(text, "", w.at(last_unit(end, precision_of(end)), precision_of(end)),
                    tuple(notes))
    if end is None:
        if timex.value == "FUTURE_REF":
            return When(w.phrase("refs", "FUTURE_REF"), notes=tuple(notes))
        if own and own_text and start == own.end:
            text = w.phrase("open", "after", date=own_text)
        elif own and own_text and start == own.start:
            text = w.phrase("open", "from" if timex.mod == "ON_OR_AFTER" else "since",
                            date=own_text)
        else:
            text = w.phrase("open", "from", date=w.at(start, precision_of(start)))
        return When(text, w.at(start, precision_of(start)), "", tuple(notes))

    precision = _finer(precision_of(start), precision_of(end))
    first, last = w.at(start, precision), w.at(last_unit(end, precision), precision)
    today = day_span(dct) if dct is not None else None
    towards = "past" if today and end == today.end else \
        "future" if today and start == today.start else None
    if timex.type == "DURATION" and (towards or today is None):
        text = w.anchored_duration(timex.value, towards or "future")
        if not (event.uncertain_start or event.uncertain_end):
            text += f" ({w.range(start, end, precision)})"
        return When(text, first, last, tuple(notes))
    if timex.type == "DURATION":  # neither from nor to today: "vor 30 Jahren", a date
        text = w.range(start, end, precision)
        return When(w.phrase("mods", "APPROX", date=text) if event.approximate else text,
                    first, last, tuple(notes))
    if end_timex is None and own and (own.start, own.end) != (start, end) and \
            own_text and start == own.start and today and end == today.end:
        return When(w.phrase("open", "since", date=own_text), first, last, tuple(notes))
    if end_timex is None and own and own.start is not None and own.end is not None \
            and own.start <= start and end <= own.end:
        single = describe_value(timex.type, timex.value, timex.mod, language, dct)
        return When(single.text, first, last, tuple(notes))
    return When(w.range(start, end, precision), first, last, tuple(notes))


def _recurring(value: str, w: Words) -> str:
    """A SET: "jeden Montag", "täglich", "alle 2 Wochen", "jeden Juli"."""
    if match := re.match(r"^XXXX-WXX-([1-7])(?:T(MO|MI|AF|EV|NI|DT))?$", value):
        weekday = w.locale.days["format"]["wide"][int(match[1]) - 1]
        if match[2]:  # "jeden Montagabend", "every Monday evening"
            part = w.phrase("parts_of_day", match[2])  # German joins it lowercased
            return w.phrase("every", "weekday_part", weekday=weekday, part=part,
                            part_lower=part.lower())
        return w.phrase("every", "weekday", weekday=weekday)
    if match := re.match(r"^P(\d+)(Y|M|W|D)$|^PT(\d+)(H)$", value):
        number, unit = (match[1], match[2]) if match[1] else (match[3], match[4])
        if int(number) == 1:
            return w.phrase("every", unit)
        return w.phrase("every", "n", n=number, units=w.phrase("units", unit))
    if match := re.match(r"^XXXX-(\d\d)$", value):
        if 1 <= int(match[1]) <= 12:
            month = w.locale.months["format"]["wide"][int(match[1])]
            return w.phrase("every", "month", month=month)
    if match := re.match(r"^XXXX-(SP|SU|FA|WI)$", value):
        return w.phrase("every", "season", season=w.phrase("seasons", match[1]))
    if match := re.match(r"^(?:XXXX-XX-XX)?T(MO|MI|AF|EV|NI|DT)$", value):
        # a part whose article differs ("jede Nacht") has its own phrase
        if match[1] in w.phrases["every"].get("parts", {}):
            return w.phrase("every", "parts", match[1])
        return w.phrase("every", "part_of_day", part=w.phrase("parts_of_day", match[1]))
    if (match := re.match(r"^(?:XXXX-XX-XX)?T(\d\d):(\d\d)$", value)) and \
            int(match[1]) < 24 and int(match[2]) < 60:
        return w.phrase("every", "time", time=format_time(time(int(match[1]), int(match[2])),
                                                          "short", locale=w.locale))
    if value == "XXXX-XX-XX":
        return w.phrase("every", "D")
    return w.phrase("every", "other")


def axis_year(year: int, language: str) -> str:
    """A tick on a decimal-year axis: 2008 -> "2008", -263 -> "264 v. Chr."."""
    return words(language).year(year)


def describe_events(timeline: Any) -> list[When]:
    """The time of every event of a :class:`timeline.model.Timeline`, in its
    document's language: what views and exports show instead of raw values."""
    documents = {d.id: d for d in timeline.documents}
    timexes = timeline.timex_index()
    out = []
    for event in timeline.events:
        document = documents[event.doc_id]
        timex, end_timex = timeline.dating(event, timexes)
        out.append(describe_event(
            event, timex, document.language,
            date.fromisoformat(document.dct) if document.dct else None, end_timex))
    return out
