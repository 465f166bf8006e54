"""Dates as people write them: every value form of semantics, BC, open, uncertain, SET."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.model import Event, Interval, Timex, TimexType
from timeline.time.semantics import Granularity, span_of
from timeline.time.wording import (
    axis_year,
    describe_event,
    describe_value,
    last_instant_iso,
    page_language,
    words,
)

DCT = date(2024, 4, 29)


@pytest.mark.parametrize(("value", "mod", "german", "english"), [
    ("2024-04-29", None, "29. April 2024", "29 April 2024"),
    ("2024-07", None, "Juli 2024", "July 2024"),
    ("2008", None, "2008", "2008"),
    ("BC0264", None, "264 v. Chr.", "264 BC"),
    ("BC0044-03-15", None, "15. März 44 v. Chr.", "15 March 44 BC"),
    ("0800", None, "800", "800"),
    ("2023-W12", None, "KW 12 (20. März – 26. März 2023)", "week of 20 March – 26 March 2023"),
    ("2023-W12-WE", None, "Wochenende 25. März – 26. März 2023",
     "weekend of 25 March – 26 March 2023"),
    ("2024-Q1", None, "1. Quartal 2024", "1st quarter 2024"),
    ("2024-H2", None, "zweites Halbjahr 2024", "second half of 2024"),
    ("2024-SU", None, "Sommer 2024", "summer 2024"),
    ("2023-WI", None, "Winter 2023/24", "winter 2023/24"),
    ("196", None, "1960er Jahre", "the 1960s"),
    ("19", None, "20. Jahrhundert", "the 20th century"),
    ("BC03", None, "4. Jahrhundert v. Chr.", "the 4th century BC"),
    ("2024-04-29TEV", None, "29. April 2024, Abend", "29 April 2024, evening"),
    ("2024-04-29T14:30", None, "29. April 2024, 14:30", "29 April 2024, 14:30"),
    ("2024", "START", "Anfang 2024", "the start of 2024"),
    ("2024", "EARLY", "Anfang 2024", "early 2024"),
    ("2024-07", "MID", "Mitte Juli 2024", "mid-July 2024"),
    # a unit with an article takes the part inside it (was "mid-the 20th century")
    ("19", "MID", "Mitte 20. Jahrhundert", "the mid-20th century"),
    ("201", "EARLY", "Anfang 2010er Jahre", "the early 2010s"),
    ("19", "END", "Ende 20. Jahrhundert", "the end of the 20th century"),
    ("2024", "END", "Ende 2024", "the end of 2024"),
    ("2008", "APPROX", "ca. 2008", "around 2008"),
    ("2015-02", "APPROX", "ca. Februar 2015", "around February 2015"),
    ("2008", "BEFORE", "vor 2008", "before 2008"),
    ("2008", "AFTER", "nach 2008", "after 2008"),
    ("2008", "ON_OR_AFTER", "ab 2008", "from 2008"),
    ("PRESENT_REF", None, "jetzt (29. April 2024)", "now (29 April 2024)"),
    ("PAST_REF", None, "früher", "in the past"),
])
def test_dates_in_words(value: str, mod: str | None, german: str, english: str) -> None:
    assert describe_value("DATE", value, mod, "de", DCT).text == german
    assert describe_value("DATE", value, mod, "en", DCT).text == english


def test_every_language_has_its_words() -> None:
    assert describe_value("DATE", "2024-07", None, "fr").text == "juillet 2024"
    assert describe_value("DATE", "BC0264", None, "es").text == "264 a. C."
    assert describe_value("DATE", "2024-04-29", None, "it").text == "29 aprile 2024"
    assert describe_value("DATE", "2024-04-29", None, "nl").text == "29 april 2024"
    assert describe_value("DATE", "2024-07", None, "pt").text == "julho de 2024"
    assert describe_value("DATE", "19", None, "fr").text == "XXe siècle"


@pytest.mark.parametrize(("value", "german", "english"), [
    ("XXXX-WXX-1", "jeden Montag", "every Monday"),
    ("P1D", "täglich", "every day"),
    ("P2W", "alle 2 Wochen", "every 2 weeks"),
    ("XXXX-07", "jeden Juli", "every July"),
    ("XXXX-XX-XXTMO", "jeden Morgen", "every morning"),
    # were "jeden Nacht", "jeden Montag" (the evening dropped) and "wiederholt"
    ("XXXX-XX-XXTNI", "jede Nacht", "every night"),
    ("XXXX-WXX-1TEV", "jeden Montagabend", "every Monday evening"),
    ("XXXX-XX-XXT12:00", "täglich 12:00", "daily at 12:00"),
    ("XXXX-SU", "jeden Sommer", "every summer"),
    ("P1X", "wiederholt", "repeatedly"),
])
def test_recurring(value: str, german: str, english: str) -> None:
    assert describe_value("SET", value, None, "de").text == german
    assert describe_value("SET", value, None, "en").text == english


def test_durations_and_values_that_cannot_be_placed() -> None:
    assert describe_value("DURATION", "P3Y", None, "de").text == "3 Jahre"
    assert describe_value("DURATION", "PXM", None, "en").text == "some months"
    # in several units (WikiWarsDE writes "anderthalb Jahre" P1Y6M): each unit, not "unknown"
    assert describe_value("DURATION", "P1Y6M", None, "de").text == "1 Jahr, 6 Monate"
    assert describe_value("DURATION", "PT2H05M", None, "en").text == "2 hours, 5 minutes"
    unknown_year = describe_value("DATE", "XXXX-07", None, "de")
    assert unknown_year.full() == "Juli (Jahr unbekannt)"
    no_dct = describe_value("DATE", "XXXX-XX-XX", None, "en")
    assert no_dct.full() == "date unknown (needs the document date)"
    # a time of many days ("täglich von 9 bis 12 Uhr"): the time, without a day
    assert describe_value("TIME", "T09:00", None, "de").full() == "09:00 (Tag unbekannt)"
    assert describe_value("TIME", "XXXX-XX-XXT24:00", None, "en").full() == \
        "00:00 (day unknown)"
    partly = describe_value("DATE", "2024-XX-15", None, "en")
    assert partly.full() == "2024 (partly known)"


def _timex(value: str, type_: str = "DATE", mod: str | None = None,
           inferred: bool = False) -> Timex:
    span = span_of(type_, value, mod, DCT)
    return Timex(id="t1", start=0, end=1, text="x", type=TimexType(type_), value=value, mod=mod,
                 interval=Interval.from_span(span) if span else None, inferred=inferred)


def _event(start: str | None, end: str | None, granularity: Granularity = Granularity.YEAR,
           **flags: bool) -> Event:
    return Event(id="d:e1", doc_id="d", timex_id="t1", title="x", sentence="x",
                 sentence_start=0, sentence_end=1, start=start, end=end,
                 granularity=granularity, **flags)


def test_an_event_reads_like_its_expression() -> None:
    day = describe_event(_event("2024-04-29", "2024-04-30", Granularity.DAY),
                         _timex("2024-04-29"), "en", DCT)
    assert (day.text, day.start, day.end) == ("29 April 2024", "29 April 2024", "29 April 2024")
    year = describe_event(_event("2008-01-01", "2009-01-01"), _timex("2008"), "de", DCT)
    assert (year.text, year.start, year.end) == ("2008", "2008", "2008")
    early = describe_event(_event("2024-01-01", "2024-05-01"), _timex("2024", mod="START"),
                           "en", DCT)
    assert (early.text, early.start, early.end) == ("the start of 2024", "January 2024",
                                                     "April 2024")


def test_open_ends_say_before_after_since() -> None:
    before = describe_event(_event(None, "2008-01-01"), _timex("2008"), "en", DCT)
    assert (before.text, before.start) == ("before 2008", "")
    after = describe_event(_event("2009-01-01", None), _timex("2008"), "en", DCT)
    assert (after.text, after.end) == ("after 2008", "")
    since_open = describe_event(_event("1929-01-01", None), _timex("1929"), "de")
    assert since_open.text == "seit 1929"
    since_dct = describe_event(_event("2008-01-01", "2024-04-30"), _timex("2008"), "de", DCT)
    assert (since_dct.text, since_dct.end) == ("seit 2008", "29. April 2024")
    future = describe_event(_event("2024-04-30", None, Granularity.DAY),
                            _timex("FUTURE_REF"), "en", DCT)
    assert future.text == "in the future"


def test_ranges_have_inclusive_ends() -> None:
    war = describe_event(_event("1939-01-01", "1946-01-01"), _timex("1939"), "de", DCT)
    assert war.text == "1939–1945"
    months = describe_event(_event("2024-05-01", "2024-08-01", Granularity.MONTH),
                            _timex("2024-05"), "de", DCT)
    assert months.text == "Mai–Juli 2024"
    bc = describe_event(_event("-0263-01-01", "-0239-01-01"), _timex("BC0264"), "en", DCT)
    assert bc.text == "264 BC – 241 BC"


def test_estimated_and_inferred_are_said() -> None:
    months = describe_event(
        _event("2024-02-29", "2024-04-30", Granularity.MONTH, uncertain_start=True,
               uncertain=True),
        _timex("PXM", "DURATION"), "en", DCT)
    assert months.full() == "the past months (start estimated)"
    assert months.start == "29 February 2024" and months.end == "29 April 2024"
    three = describe_event(_event("2021-04-29", "2024-04-30"), _timex("P3Y", "DURATION"),
                           "de", DCT)
    assert three.text == "die vergangenen 3 Jahre (29. April 2021 – 29. April 2024)"
    damals = describe_event(_event("2008-01-01", "2009-01-01", inferred=True, uncertain=True),
                            _timex("2008", inferred=True), "de", DCT)
    assert damals.full() == "2008 (aus dem Kontext erschlossen)"


def test_recurring_event() -> None:
    monday = describe_event(_event(None, None, Granularity.DAY, recurring=True),
                            _timex("XXXX-WXX-1", "SET"), "de", DCT)
    assert monday.text == "jeden Montag"


def test_axis_and_iso_helpers() -> None:
    assert axis_year(-263, "en") == "264 BC"
    assert axis_year(-263, "de") == "264 v. Chr."
    assert axis_year(1990, "de") == "1990"
    assert last_instant_iso("2024-04-30") == "2024-04-29"
    assert last_instant_iso("2024-04-29T15:00") == "2024-04-29T14:59:59"
    assert last_instant_iso("-0262-01-01") == "-0263-12-31"


def test_a_pages_words_are_its_documents_language_or_english() -> None:
    assert page_language(["de", "de"]) == "de" and page_language(["de", "en"]) == "en"
    assert words("de").phrase("page", "timeline") == "Zeitleiste"  # a page of German texts
    assert words("de").count("events", 1) == "1 Ereignis"
    assert words("fr").count("events", 3) == "3 événements"
