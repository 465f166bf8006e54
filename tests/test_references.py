"""Values HeidelTime leaves half done (a week date, "zwei Stunden später") never reach the output."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from timeline.io.inputs import DocumentInput
from timeline.pipeline import Extractor, Options
from timeline.tagging.heideltime import RawTimex
from timeline.time import references


def _raw(value: str, kind: str = "DATE") -> RawTimex:
    return RawTimex(tid="t", start=0, end=1, type=kind, value=value, mod=None, quant=None,
                    freq=None, rule="date_r26a-relative")


def test_hours_and_minutes_count_from_a_clock_time_before() -> None:
    found = references.resolve([_raw("2024-03-15T23:30", "TIME"), _raw("UNDEF-REF-hour-PLUS-2"),
                                _raw("UNDEF-REF-minute-MINUS-45")])
    assert [(t.value, t.type) for t in found[1:]] == [("2024-03-16T01:30", "TIME"),
                                                      ("2024-03-16T00:45", "TIME")]


@pytest.mark.parametrize(("before", "value", "expected"), [
    ("2024-03-15", "UNDEF-REF-hour-PLUS-2", ("XXXX-XX-XXTXX:XX", "TIME")),  # a day: no clock
    ("2024-03-15TAF", "UNDEF-REF-minute-PLUS-3", ("XXXX-XX-XXTXX:XX", "TIME")),
    (None, "UNDEF-REF-day-PLUS-1", ("XXXX-XX-XX", "DATE")),
    (None, "UNDEF-REF-month-MINUS-2", ("XXXX-XX", "DATE")),
])
def test_what_cannot_be_counted_is_unknown_at_its_unit(before: str | None, value: str,
                                                       expected: tuple[str, str]) -> None:
    timexes = ([_raw(before)] if before else []) + [_raw(value)]
    found = references.resolve(timexes)[-1]
    assert (found.value, found.type) == expected


def test_a_weekday_of_a_week_is_its_calendar_day() -> None:
    found = references.calendar_days([_raw("2015-W27-1"), _raw("2015-W01-7TEV", "TIME"),
                                      _raw("0800-W53-2")], {}, None)
    # HeidelTime counts weeks before 1583 on Java's Julian calendar: no such ISO week
    assert [t.value for t in found] == ["2015-06-29", "2015-01-04TEV", "0800-W53-2"]


def test_a_weekday_of_the_week_around_a_day_counts_from_the_day_before() -> None:
    weekday = replace(_raw("XXXX-WXX-5"), rule="date_timeline_28c-relative")
    rules = {"date_timeline_28c": 1}
    dct = date(2015, 7, 8)
    found = references.calendar_days([_raw("2015-W27-1"), weekday], rules, dct)
    assert found[-1].value == "2015-07-10"  # Friday of the week after Monday 29 June
    assert references.calendar_days([weekday], rules, dct)[0].value == "2015-07-17"
    assert references.calendar_days([weekday], rules, None)[0].value == "XXXX-WXX-5"


def test_a_ranges_first_date_takes_the_year_written_after_its_last() -> None:
    text = "from July 1 to July 3, 1863; from December 28 to January 3, 1864; July 9 and 1865"
    raws = [replace(_raw(v), start=text.index(w), end=text.index(w) + len(w)) for v, w in [
        ("XXXX-07-01", "July 1"), ("1863-07-03", "July 3, 1863"),
        ("XXXX-12-28", "December 28"), ("1864-01-03", "January 3, 1864"),
        ("XXXX-07-09", "July 9"), ("1865", "1865")]]
    found = references.range_years(raws, text, frozenset({"to", "and"}))
    # "July 9 and 1865": the last is a year alone, no day to take a year from
    assert [t.value for t in found] == ["1863-07-01", "1863-07-03", "1863-12-28",
                                        "1864-01-03", "XXXX-07-09", "1865"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Am Montag vergangener Woche wurde gewählt.", ("Montag vergangener Woche", "2024-03-04")),
    ("Am Dienstag nächster Woche um 8 Uhr wird gewählt.", ("8 Uhr", "2024-03-19T08:00")),
    (("Am Mittwoch, dem 3. März 1915, begann der Angriff. Am Montag der folgenden Woche brach "
      "er zusammen. Am Freitag derselben Woche kam Verstärkung."),
     ("Freitag derselben Woche", "1915-03-12")),
])
def test_weekdays_of_named_weeks_are_days(extractor: Extractor, text: str,
                                          expected: tuple[str, str]) -> None:
    document, _ = extractor.document(DocumentInput(id="w", text=text, source="test",
                                                   dct="2024-03-15"),
                                     Options(language="de", doc_type="news"))
    assert expected in [(t.text, t.value) for t in document.timexes]


@pytest.mark.parametrize(("language", "text", "expected"), [
    ("de", "Um 20.30 Uhr begann das Konzert. Drei Minuten später fiel der Strom aus.",
     ("Drei Minuten später", "2024-03-15T20:33")),
    # half an hour, one and a half (date_timeline_32a-d; was a bare duration)
    ("de", "Um 20.30 Uhr begann das Konzert. Eine halbe Stunde später fiel der Strom aus.",
     ("Eine halbe Stunde später", "2024-03-15T21:00")),
    ("de", "Um 20.30 Uhr begann das Konzert. Anderthalb Stunden zuvor hatte es geregnet.",
     ("Anderthalb Stunden zuvor", "2024-03-15T19:00")),
    ("de", "Am Montag war die Sitzung. Zwei Stunden später kam die Polizei.",
     ("Zwei Stunden später", "XXXX-XX-XXTXX:XX")),
    ("en", "The meeting was on Monday. Two hours later the police arrived.",
     ("Two hours later", "XXXX-XX-XXTXX:XX")),
    # a month, day or hour the text wrote with one digit (was 2010-7-2T7:45, 1992-5-3)
    ("en", "The police arrived on 7/2/2010 7:45.", ("7/2/2010 7:45", "2010-07-02T07:45")),
    ("nl", "Op 3-5-92 kwam de politie.", ("3-5-92", "1992-05-03")),
    # a year written with two digits: the century nearest the DCT (were 2068-05, 0092-SU)
    ("es", "En mayo del 68 todo cambió.", ("mayo del 68", "1968-05")),
    ("es", "El verano del 92 fue caluroso.", ("El verano del 92", "1992-SU")),
    ("es", "En mayo del 25 habrá elecciones.", ("mayo del 25", "2025-05")),
    # ... not a year of an era (were 1958 BC and 2014)
    ("de", "Caesar führte zwischen 58 und 50 v. Chr. Krieg.", ("58", "BC0058")),
    ("de", "Augustus starb im Jahr 14 n. Chr. in Nola.", ("Jahr 14 n. Chr.", "0014")),
    # counted from the DCT, which has no clock: its day (was UNDEF-this-hour-MINUS-2)
    ("en", "Two hours ago the police arrived.", ("Two hours ago", "2024-03-15")),
    ("fr", "Il y a dix minutes, la police est arrivée.", ("Il y a dix minutes", "2024-03-15")),
    # a clock time in news with no day written before it: the DCT's (was XXXX-XX-XXT09:00)
    ("en", "After last year's blasts he will appear at 9 a.m.", ("9 a.m.", "2024-03-15T09:00")),
])
def test_the_pipeline_writes_no_placeholder(extractor: Extractor, language: str, text: str,
                                            expected: tuple[str, str]) -> None:
    document, _ = extractor.document(DocumentInput(id="r", text=text, source="test",
                                                   dct="2024-03-15"),
                                     Options(language=language, doc_type="news"))
    assert expected in [(t.text, t.value) for t in document.timexes]
    assert not [t for t in document.timexes if "UNDEF" in t.value]


@pytest.mark.parametrize(("doc_type", "text", "expected"), [
    # HeidelTime found the weekday apart from the day after it: the Sunday before the DCT
    ("news", "On Sunday, 8 October 2023, a fire broke out.", ("Sunday", "2023-10-08")),
    # ... or, in a narrative with no day before it, no day at all
    ("narrative", ("In 1837 it became a city.\n\nOn the evening of Sunday, 8 October 1871, "
                   "a fire broke out."), ("Sunday", "1871-10-08")),
    # another weekday than the day's is no apposition
    ("news", "On Monday, 8 October 2023, a fire broke out.", ("Monday", "2024-03-11")),
])
def test_a_weekday_in_apposition_to_a_day_is_that_day(extractor: Extractor, doc_type: str,
                                                      text: str,
                                                      expected: tuple[str, str]) -> None:
    document, _ = extractor.document(DocumentInput(id="w", text=text, source="test",
                                                   dct="2024-03-15"),
                                     Options(language="en", doc_type=doc_type))
    assert expected in [(t.text, t.value) for t in document.timexes]
