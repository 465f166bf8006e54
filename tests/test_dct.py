"""Document creation times: written forms, datelines, file names, precedence."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.dct import dct_from_dateline, dct_from_name, parse_dct
from timeline.errors import BadInputError
from timeline.inputs import DocumentInput
from timeline.pipeline import Extractor, Options

APRIL_29 = date(2024, 4, 29)


@pytest.mark.parametrize("text", ["2024-04-29", "29.04.2024", "29. April 2024",
                                  "April 29, 2024", "29/04/2024", "2024-04-29T10:15:00",
                                  " 29.04.2024 "])
def test_common_forms(text: str) -> None:
    assert parse_dct(text) == APRIL_29


@pytest.mark.parametrize("text", ["gestern", "someday", "31.02.2024", "2024", "April 2024"])
def test_refused_with_a_clear_message(text: str) -> None:
    with pytest.raises(BadInputError, match=r"\[E103\].*YYYY-MM-DD"):
        parse_dct(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Kiew, 29.04.2024 – Der NATO-Generalsekretär ...", APRIL_29),
    ("BERLIN (dpa), 29. April 2024 - Die Regierung ...", APRIL_29),
    ("Washington, April 29, 2024 — The secretary ...", APRIL_29),
    ("29.04.2024: Heute ...", APRIL_29),
    ("Am 3. Oktober 1990 kam die Einheit.", None),  # a date in a sentence is no dateline
    ("NATO-Generalsekretär Jens Stoltenberg hat ...", None),
])
def test_dateline(text: str, expected: date | None) -> None:
    assert dct_from_dateline(text) == expected


@pytest.mark.parametrize(("name", "expected"), [
    ("2024-04-29-kiew", APRIL_29), ("spiegel_20240429", APRIL_29),
    ("stoltenberg-kiew", None), ("report-2024-13-01", None), ("id12345678901", None),
])
def test_file_name(name: str, expected: date | None) -> None:
    assert dct_from_name(name) == expected


def test_where_the_dct_came_from(extractor: Extractor) -> None:
    text = "Kiew, 29.04.2024 – Am Montag kam Stoltenberg."
    items = [
        DocumentInput(id="a", text=text, source="t", dct="2024-05-01"),
        DocumentInput(id="b", text=text, source="t"),
        DocumentInput(id="2024-04-22-c", text="Am Montag kam er.", source="t"),
        DocumentInput(id="d", text="Am Montag kam er.", source="t"),
    ]
    timeline = extractor.run(items, Options(language="de"))
    got = {d.id: (d.dct, d.dct_source) for d in timeline.documents}
    assert got == {"a": ("2024-05-01", "input"), "b": ("2024-04-29", "dateline"),
                   "2024-04-22-c": ("2024-04-22", "filename"), "d": (None, None)}
    option = extractor.run(items[1:2], Options(language="de", dct=date(2024, 5, 6)))
    assert (option.documents[0].dct, option.documents[0].dct_source) == ("2024-05-06", "option")
    monday = {d.id: [t.value for t in d.timexes if t.text == "Montag"]
              for d in timeline.documents}
    assert monday["b"] == ["2024-04-29"] and monday["2024-04-22-c"] == ["2024-04-22"]
