"""WikiWarsDE (German history articles, narrative): BC and AD on one axis."""

from __future__ import annotations

import pytest

from timeline.io.inputs import DocumentInput
from timeline.model import Timeline
from timeline.pipeline import Options
from timeline.tagging.languages import chronicle
from timeline.time.chrono import Instant
from timeline.views.figure import FigurePlan


def test_wikiwars_timelines_plot_with_bc_before_ad(wikiwars_timeline: Timeline) -> None:
    timeline = wikiwars_timeline
    assert not timeline.errors and len(timeline.documents) == 11
    placed = [e for e in timeline.events if e.start and e.end]
    bc = [e for e in placed if e.start.startswith("-")]
    ad = [e for e in placed if not e.start.startswith("-")]
    assert bc and ad
    plan = FigurePlan(timeline)
    figure = plan.figure(static=True)  # the whole span (the page opens on 1861-2012)
    assert figure.layout.xaxis.type == "linear"  # decimal years: BC fits
    earliest = min(Instant.parse(e.start).decimal_year() for e in bc)
    assert plan.axis[0] <= earliest < plan.axis[0] + 0.1 * (plan.axis[1] - plan.axis[0])
    assert any(text.endswith("v. Chr.") for text in figure.layout.xaxis.ticktext)
    opening = plan.figure()
    assert not any(text.endswith("v. Chr.") for text in opening.layout.xaxis.ticktext)
    opening.to_json()  # serialisable: what the page embeds


def test_narratives_lay_nothing_against_their_dct(wikiwars_timeline: Timeline) -> None:
    """The article's date is not the story's now: no "kurz zuvor" before 2011, no
    duration running up to it, "seit 1929" stays open."""
    dcts = {d.id: d.dct for d in wikiwars_timeline.documents}
    timexes = wikiwars_timeline.timex_index()
    for event in wikiwars_timeline.events:
        value = timexes[(event.doc_id, event.timex_id)].value
        assert value not in ("PAST_REF", "FUTURE_REF")
        assert not (event.end and event.end[:10] > dcts[event.doc_id] and
                    timexes[(event.doc_id, event.timex_id)].type.value == "DURATION")


CHRONICLE = (
    "Ein Jahr Krieg in der Ukraine – eine Chronik\n"
    "24. Februar 2022: Russische Truppen marschieren in die Ukraine ein.\n"
    "Ende März: Die russische Armee zieht sich aus der Region Kiew zurück.\n"
    "20. Mai: Die letzten Verteidiger von Asowstal ergeben sich.\n"
    "September: Eine Gegenoffensive erobert weite Teile der Region Charkiw zurück.\n"
    "11. November: Russische Truppen ziehen sich aus Cherson zurück.\n")


def test_what_reads_as_a_chronicle() -> None:
    """Half the paragraphs, at least three, led by a date and a colon or dash."""
    assert chronicle(CHRONICLE, "de")
    assert chronicle("May 20: Talks begin.\nJune 2: They fail.\nJuly 4 - A truce.\n", "en")
    assert chronicle("1989 – Die Mauer fällt.\n1990 – Einheit.\n1991 – Ende der UdSSR.\n",
                     "de")
    # a part of a month leads too (chronicle_month_parts)
    assert chronicle("Ende März: Rückzug.\nAnfang April: Butscha.\nMitte Mai: Asowstal.\n", "de")
    assert chronicle("Mid-March: Talks.\nLate May: A truce.\nEnd of June - Elections.\n", "en")
    article = "\n".join(["Die Regierung beschloss am Montag ein Paket. Es kostet viel."] * 5)
    assert not chronicle(article + "\n20. Mai: a\n21. Mai: b\n22. Mai: c\n", "de")
    assert not chronicle("Maier: Wir kommen.\nHuber: Wir auch.\nMair: Ja.\n", "de")


def test_a_chronicle_sent_as_news_is_read_as_a_narrative(extractor) -> None:  # type: ignore[no-untyped-def]
    """Read as news, each yearless entry took the DCT's year: "Ende März" after "24.
    Februar 2022", told in February 2023, was March 2023, after the DCT."""
    item = DocumentInput(id="c", text=CHRONICLE, source="test", dct="2023-02-24")
    document, _ = extractor.document(item, Options(language="de", doc_type="news"))
    assert (document.doc_type, document.doc_type_source) == ("narrative", "detected")
    values = {t.text: t.value for t in document.timexes}
    assert values["Ende März"] == "2022-03" and values["11. November"] == "2022-11-11"
    told = DocumentInput(id="c", text=CHRONICLE, source="test", dct="2023-02-24",
                         doc_type="news")  # a type the input gives is kept
    document, _ = extractor.document(told, Options(language="de", doc_type="news"))
    assert document.doc_type == "news"
    assert {t.text: t.value for t in document.timexes}["Ende März"] == "2023-03"


@pytest.mark.parametrize(("text", "expected"), [
    # a flashback's "the previous September" moved HeidelTime's reference to 1862: every
    # bare date after it was 1862's; the story stays in 1863
    (("The battle was fought from 1 to 3 July 1863.\n\nLee had won at Chancellorsville in "
      "early May, having failed at Antietam the previous September.\n\nOn 3 June the first "
      "divisions left their camps. On 28 June, Lincoln replaced Hooker."),
     [("3 June", "1863-06-03"), ("28 June", "1863-06-28")]),
    # a day in apposition to a weekday is the story's own (it was a verbless insertion)
    (("In 1837 it became a city.\n\nOn the evening of Sunday, 8 October 1871, a fire broke "
      "out. It was not extinguished until the early hours of 10 October."),
     [("Sunday", "1871-10-08"), ("10 October", "1871-10-10")]),
    # "The following year", counted from an aside's year, is a year the story may follow
    (("In 1871 the city burned. The Home Insurance Building, completed in 1885, is often "
      "called the first skyscraper. The following year, on 4 May, a bomb exploded."),
     [("4 May", "1886-05-04")]),
    # a narrative's small years are years, not abbreviations (were 1973, 1981)
    (("Jerusalem fell in 70. The last fortress, Masada, fell in 73 or 74. The arch was "
      "erected after his death in 81."), [("73", "0073"), ("81", "0081")]),
])
def test_an_english_narrative_keeps_its_storys_year(extractor, text: str,  # type: ignore[no-untyped-def]
                                                    expected: list[tuple[str, str]]) -> None:
    """narrative.py with English cues (``story_costs`` in en.json): HeidelTime's own
    reference is the last date it read, relative ones and asides included."""
    document, _ = extractor.document(
        DocumentInput(id="en", text=text, source="test", dct="2013-07-03"),
        Options(language="en", doc_type="narrative"))
    found = {t.text: t.value for t in document.timexes}
    assert [(surface, found.get(surface)) for surface, _ in expected] == expected
