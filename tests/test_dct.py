"""Document creation times: written forms, datelines, file names, precedence."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from timeline.time.dct import dct_from_dateline, dct_from_name, parse_dct
from timeline.errors import BadInputError
from timeline.io.inputs import DocumentInput, read_html_file
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


PAGE = """<!doctype html><html lang="de"><head><meta charset="utf-8">
<title>Stoltenberg in Kiew</title>
<meta property="article:published_time" content="2024-04-29T16:02:00+02:00">
<script>document.title = "pwned"</script></head><body><nav>Start Politik Sport</nav>
<article><h1>Stoltenberg in Kiew</h1>
<p>NATO-Generalsekretär Jens Stoltenberg hat am Montag mehr Waffenlieferungen angekündigt.</p>
<p>Der Besuch war die dritte Visite seit Februar 2022.</p></article>
<footer>Impressum</footer></body></html>"""


def test_html_input_takes_its_dct_and_title_from_the_page_metadata(tmp_path: Path) -> None:
    page = tmp_path / "artikel.html"
    page.write_text(PAGE, encoding="utf-8")
    item = read_html_file(page)
    assert item.dct_origin == "metadata" and parse_dct(item.dct or "") == date(2024, 4, 29)
    assert item.title == "Stoltenberg in Kiew"
    assert "pwned" not in item.text and "Impressum" not in item.text
    assert "am Montag mehr Waffenlieferungen" in item.text


def test_html_without_article_text_is_a_clear_error(tmp_path: Path) -> None:
    page = tmp_path / "leer.html"
    page.write_text("<html><head><title>x</title></head><body></body></html>", encoding="utf-8")
    with pytest.raises(BadInputError, match="E114"):
        read_html_file(page)
