"""The real Streamlit app, run by Streamlit's AppTest (no browser)."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT

TIMEOUT = 300


@pytest.fixture()
def app() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    return at.run()


def test_seed_article_preloaded_with_timeline(app: AppTest) -> None:
    assert not app.exception
    assert not app.error
    assert app.sidebar.radio(key="source").value == "Example article"
    assert app.sidebar.text_input(key="dct_Example article_stoltenberg-kiew").value == \
        "2024-04-29"
    assert "from metadata" in " ".join(c.value for c in app.caption)
    charts = app.get("plotly_chart")
    assert len(charts) == 1
    table = app.dataframe[0].value
    assert {"29. April 2024", "Juli 2024", "2008", "2023", "Februar 2022"} <= set(table["when"])
    assert list(table["when"])[0] == "2008"  # in time order
    labels = [b.label for b in app.get("download_button")]
    assert labels == ["Timeline JSON", "HTML page", "CSV table", "TimelineJS", "PNG image",
                      "SVG image", "TimeML"]


def test_pasted_text_without_date_warns_and_keeps_expressions(app: AppTest) -> None:
    app.sidebar.radio(key="source").set_value("Paste text").run()
    assert app.info  # asks for a text first
    app.sidebar.text_area(key="pasted").input("Am Montag traf er den Kanzler. Im Mai 2019 "
                                             "war alles anders.").run()
    assert not app.exception
    assert any("W001" in w.value for w in app.warning)
    table = app.dataframe[0].value
    assert list(table["when"]) == ["Mai 2019"]  # the relative Monday is not guessed
    field = app.sidebar.text_input(key="dct_Paste text_pasted-text")
    field.input("29. April 2024").run()
    assert not app.warning and not app.sidebar.error
    assert set(app.dataframe[0].value["when"]) == {"29. April 2024", "Mai 2019"}
    assert "2024-04-29 (from option)" in " ".join(c.value for c in app.caption)


def test_unreadable_date_is_a_clear_error(app: AppTest) -> None:
    app.sidebar.text_input(key="dct_Example article_stoltenberg-kiew").input("neulich").run()
    assert not app.exception
    assert "E103" in app.sidebar.error[0].value
    assert any("W001" in w.value for w in app.warning)  # and the text is still shown


def test_language_and_type_choices(app: AppTest) -> None:
    app.sidebar.selectbox(key="language").set_value("en").run()
    app.sidebar.selectbox(key="doc_type").set_value("narrative").run()
    assert not app.exception
    assert "language: en" in " ".join(c.value for c in app.caption)
