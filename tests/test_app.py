"""The real Streamlit app, run by Streamlit's AppTest (no browser), with the real HeidelTime."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT
from timeline.batch.workers import SharedPool
from timeline.exports.formats import FORMATS
from timeline.model import Timeline

TIMEOUT = 300
CORPUS = "\n".join(json.dumps(line, ensure_ascii=False) for line in [
    {"id": "bruecke", "title": "Brücke", "dct": "2022-08-01",
     "text": "Am 3. Mai 2021 wurde die Brücke in Mainz eröffnet. Im Juli 2022 folgte der Tunnel."},
    {"id": "leer", "text": "   "},
]).encode()


@pytest.fixture()
def app() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    return at.run()


@pytest.fixture()
def tagging_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Documents sent to be tagged (the real runs, in the dashboard's worker processes:
    this only watches)."""
    calls: list[str] = []
    original = SharedPool.run

    def counted(self, items, options):  # type: ignore[no-untyped-def]
        items = list(items)
        calls.extend(getattr(item, "id", "?") for item in items)
        return original(self, items, options)

    monkeypatch.setattr(SharedPool, "run", counted)
    return calls


def test_the_dashboard_tags_in_a_worker_process_it_can_replace(app: AppTest,
                                                             tagging_calls: list[str]) -> None:
    """A stuck HeidelTime then ends at the time limit (tests/test_workers.py) instead of
    hanging every session of the server."""
    app.sidebar.text_area(key="pasted").input("Am 3. Mai 2021 wurde die Brücke eröffnet.")
    _submit(app, "Add text")
    assert not app.exception
    assert len(tagging_calls) == 1
    workers = [p for p in _children(os.getpid())
               if b"multiprocessing.spawn" in Path(f"/proc/{p}/cmdline").read_bytes()]
    assert workers, "no worker process"


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and int(
                    (entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
        except OSError:
            continue
    return found


def _render(app: AppTest, option: str) -> bytes:
    """What the download button of ``option`` hands out: the format's render of the
    curated timeline (Streamlit renders it on click, which AppTest cannot do)."""
    fmt = next(f for f in FORMATS if f.option == option)
    return fmt.render(app.session_state["curated"], "test")


def _table(app: AppTest, name: str):  # type: ignore[no-untyped-def]
    return next(t for t in app.data_editor if (t.key or "").startswith(name)).value


def test_seed_article_opens_with_text_figure_and_table(app: AppTest) -> None:
    assert not app.exception and not app.error and not app.warning
    assert app.sidebar.multiselect(key="seeds").value == ["stoltenberg-kiew"]
    documents = _table(app, "documents")
    assert list(documents["date"]) == ["2024-04-29"]
    assert list(documents["date from"]) == ["file's metadata"]
    events = _table(app, "events")
    assert {"29. April 2024", "Juli 2024", "2008", "2023", "Februar 2022"} <= set(events["when"])
    assert events["when"].iloc[0] == "2008"  # in time order
    assert len(app.get("plotly_chart")) == 1
    assert len(app.get("iframe")) == 1  # the text, with its expressions marked
    labels = [b.label for b in app.get("download_button")]
    assert labels == ["Timeline JSON", "HTML page", "CSV table", "TimelineJS", "PNG image",
                      "SVG image", "TimeML"]


def test_curate_two_seeds_and_a_corpus_then_reopen(app: AppTest,
                                                   tagging_calls: list[str]) -> None:
    app.sidebar.multiselect(key="seeds").set_value(["stoltenberg-kiew", "biafra-krieg"]).run()
    app.sidebar.file_uploader(key="uploads").set_value(
        [("corpus.jsonl", CORPUS, "application/jsonl")]).run()
    assert not app.exception
    assert [d.id for d in app.session_state["curated"].documents] == [
        "stoltenberg-kiew", "biafra-krieg", "bruecke"]
    assert any("E109" in e.value for e in app.error)  # the empty one, listed; the rest go on
    machine: Timeline = app.session_state["curated"]
    tagging_calls.clear()

    def pick(title_part: str) -> None:
        """Choose an event in the panel's list, as a person would, by its title."""
        box = app.selectbox(key="panel_pick")
        box.select_index(next(i for i, o in enumerate(box.options) if title_part in o)).run()

    # edit a title
    pick("Angriffskrieg")
    _field(app.text_input, "panel_title_").input("Russland überfällt die Ukraine")
    _submit(app, "Save")
    # exclude an event
    pick("Tunnel")
    _field(app.checkbox, "panel_include_").uncheck()
    _submit(app, "Save")
    # add one, told in the corpus document's first sentence
    app.selectbox(key="add_doc").select_index(2)
    app.text_input(key="add_when").input("14. Mai 2021")
    app.text_input(key="add_title").input("Erste Busse über die Brücke")
    _submit(app, "Add")
    assert not app.exception and not app.error[1:]
    assert tagging_calls == []  # curation never runs HeidelTime

    curated: Timeline = app.session_state["curated"]
    changed = {e.id: e for e in curated.events if e.edited or e.source == "manual"}
    assert len(changed) == 3
    titles = {e.title: e for e in changed.values()}
    assert titles["Russland überfällt die Ukraine"].edited == ["title"]
    tunnel = next(e for e in changed.values() if "included" in e.edited)
    assert tunnel.included is False and tunnel.doc_id == "bruecke"
    manual = titles["Erste Busse über die Brücke"]
    assert (manual.source, manual.value, manual.doc_id) == ("manual", "2021-05-14", "bruecke")

    saved = _render(app, "json")
    data = json.loads(saved)
    assert data["schema_version"] == 4
    assert len(data["events"]) == len(machine.events) + 1
    unchanged = {e.id: e for e in machine.events if e.id not in changed}
    assert [e for e in curated.events if e.id in unchanged] == list(unchanged.values())
    rows = list(csv.DictReader(io.StringIO(_render(app, "csv").decode("utf-8-sig"))))
    assert len(rows) == len(machine.events)  # one left out, one added
    assert {r["title"] for r in rows} >= {"Russland überfällt die Ukraine",
                                          "Erste Busse über die Brücke"}
    assert tunnel.id not in {r["event_id"] for r in rows}

    again = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT).run()
    again.sidebar.multiselect(key="seeds").set_value([]).run()
    again.sidebar.file_uploader(key="uploads").set_value(
        [("timeline.timeline.json", saved, "application/json")]).run()
    assert not again.exception and not again.error
    reopened: Timeline = again.session_state["curated"]
    assert (reopened.documents, reopened.events) == (curated.documents, curated.events)
    assert tagging_calls == []  # a saved timeline is used as saved
    events = _table(again, "events")
    assert "Russland überfällt die Ukraine" in set(events["event"])
    assert "manual" in " ".join(events["kinds"])


def _field(widgets, prefix: str):  # type: ignore[no-untyped-def]
    """The selected event's field: its key names the event and the edit count."""
    return next(w for w in widgets if (w.key or "").startswith(prefix))


def _submit(app: AppTest, label: str) -> None:
    next(b for b in app.button if b.label == label).click().run()


def test_pasted_text_warns_only_when_a_date_is_needed(app: AppTest) -> None:
    app.sidebar.multiselect(key="seeds").set_value([]).run()
    assert app.info  # asks for a document first
    app.sidebar.text_area(key="pasted").input("Im Mai 2019 war alles anders.")
    _submit(app, "Add text")
    assert not app.exception and not app.warning  # nothing here needs the date
    app.sidebar.text_input(key="pasted_title").input("Kanzler")
    app.sidebar.text_area(key="pasted").input("Am Montag traf er den Kanzler.")
    _submit(app, "Add text")
    warnings = [w.value for w in app.warning]
    assert len(warnings) == 1 and "W001" in warnings[0]
    assert "Documents table" in warnings[0] and "--dct" not in warnings[0]
    # a text pasted with the date it was written needs nothing more
    app.sidebar.text_input(key="pasted_title").input("Präsident")
    app.sidebar.text_input(key="pasted_dct").input("29.04.2024")
    app.sidebar.text_area(key="pasted").input("Am Montag traf sie den Präsidenten.")
    _submit(app, "Add text")
    assert len(app.warning) == 1  # the first text's still
    dated = next(d for d in app.session_state["curated"].documents if d.title == "Präsident")
    assert dated.dct == "2024-04-29" and dated.dct_source == "manual"
    assert dated.timexes[0].value == "2024-04-29"
    # a date it cannot read is named, and the text is kept, undated, for the table
    app.sidebar.text_input(key="pasted_title").input("Später")
    app.sidebar.text_input(key="pasted_dct").input("irgendwann")
    app.sidebar.text_area(key="pasted").input("Am Montag kam er zurück.")
    _submit(app, "Add text")
    assert any("E103" in e.value and "irgendwann" in e.value for e in app.error)
    assert "Später" in [d.title for d in app.session_state["curated"].documents]


def test_a_bad_date_is_shown_and_changes_nothing(app: AppTest) -> None:
    before = app.session_state["curated"]
    app.selectbox(key="panel_pick").select_index(0).run()
    _field(app.text_input, "panel_when_").input("irgendwann")
    _submit(app, "Save")
    assert not app.exception
    assert any("E121" in e.value for e in app.error)
    assert app.session_state["curated"].events == before.events
    assert any("E121" in p for p in _table(app, "events")["problem"])


def test_an_uploaded_web_page_brings_its_date_and_stays_text(app: AppTest) -> None:
    from tests.test_dct import PAGE

    app.sidebar.file_uploader(key="uploads").set_value(
        [("artikel.html", PAGE.encode(), "text/html")]).run()
    assert not app.exception and not app.error
    documents = _table(app, "documents")
    row = documents[documents["title"] != documents["title"].iloc[0]].iloc[0]
    assert (row["date"], row["date from"]) == ("2024-04-29", "file's metadata")
