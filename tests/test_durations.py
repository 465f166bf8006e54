"""Durations keep the unit the text wrote in news (TimeML), as TIMEX2 narratives do not."""

from __future__ import annotations

import pytest

from timeline.io.inputs import DocumentInput
from timeline.pipeline import Extractor, Options


def _durations(extractor: Extractor, text: str, language: str, doc_type: str
               ) -> list[tuple[str, str]]:
    document, _ = extractor.document(
        DocumentInput(id="d", text=text, source="test", dct="2015-07-08"),
        Options(language=language, doc_type=doc_type))
    return [(t.text, t.value) for t in document.timexes if t.type.value == "DURATION"]


@pytest.mark.parametrize(("language", "text", "expected"), [
    ("de", "Die letzten zwölf Monate waren schwer.", ("Die letzten zwölf Monate", "P12M")),
    ("de", "Nach 48 Stunden kam er frei.", ("48 Stunden", "PT48H")),
    ("de", "Die Sitzung dauerte 60 Minuten.", ("60 Minuten", "PT60M")),
    ("de", "Es gilt eine 24-stündige Sperre.", ("24-stündige", "PT24H")),
    ("en", "He stayed at least 72 hours.", ("at least 72 hours", "PT72H")),
    ("en", "He spent 12 months in prison.", ("12 months", "P12M")),
    ("fr", "Il est resté 24 heures.", ("24 heures", "PT24H")),
    ("es", "Estuvo 24 horas allí.", ("24 horas", "PT24H")),
])
def test_news_durations_keep_the_written_unit(extractor: Extractor, language: str, text: str,
                                              expected: tuple[str, str]) -> None:
    assert expected in _durations(extractor, text, language, "news")


@pytest.mark.parametrize(("text", "expected"), [
    ("Er blieb einen Tag.", ("einen Tag", "P1D")),  # HeidelTime's own unit: nothing to undo
    ("Er war zwei Jahre in Haft.", ("zwei Jahre", "P2Y")),
])
def test_durations_in_their_own_unit_stay(extractor: Extractor, text: str,
                                          expected: tuple[str, str]) -> None:
    assert expected in _durations(extractor, text, "de", "news")


def test_narratives_convert_as_timex2_does(extractor: Extractor) -> None:
    """WikiWarsDE writes "48 Stunden" as P2D, HeidelTime's conversion."""
    assert ("48 Stunden", "P2D") in _durations(extractor, "Im Mai 1862 begann der Feldzug. "
                                               "Nach 48 Stunden fiel die Stadt.", "de",
                                               "narrative")
