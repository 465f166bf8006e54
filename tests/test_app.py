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
    assert app.sidebar.date_input(key="dct_Example article").value.isoformat() == "2024-04-29"
    charts = app.get("plotly_chart")
    assert len(charts) == 1
    table = app.dataframe[0].value
    assert {"2024-04-29", "2024-07", "2008", "2023", "2022-02"} <= set(table["when"])
    assert len(app.get("download_button")) == 2


def test_pasted_text_without_date_warns_and_keeps_expressions(app: AppTest) -> None:
    app.sidebar.radio(key="source").set_value("Paste text").run()
    assert app.info  # asks for a text first
    app.sidebar.text_area(key="pasted").input("Am Montag traf er den Kanzler. Im Mai 2019 "
                                             "war alles anders.").run()
    assert not app.exception
    assert any("W001" in w.value for w in app.warning)
    table = app.dataframe[0].value
    assert list(table["when"]) == ["2019-05"]  # the relative Monday is not guessed
    app.sidebar.checkbox(key="has_dct_Paste text").check().run()
    app.sidebar.date_input(key="dct_Paste text").set_value("2024-04-29").run()
    assert not app.warning
    assert set(app.dataframe[0].value["when"]) == {"2024-04-29", "2019-05"}


def test_language_and_type_choices(app: AppTest) -> None:
    app.sidebar.selectbox(key="language").set_value("en").run()
    app.sidebar.selectbox(key="doc_type").set_value("narrative").run()
    assert not app.exception
    assert "language: en" in " ".join(c.value for c in app.caption)
