"""A person's edits: typed dates, changes, added, excluded and merged events,
filters, and the dashboard's tables as data (no browser)."""

from __future__ import annotations

import json

import jsonschema
import pytest

from timeline.curation.dates import parse_event_date
from timeline.curation.edits import Curation, keys_of
from timeline.curation.filters import Filter, extent, kinds_of, participants_of
from timeline.curation.workspace import Workspace
from timeline.errors import BadInputError
from timeline.exports.csv_table import csv_text
from timeline.exports.formats import FORMATS
from timeline.io.inputs import DocumentInput
from timeline.io.seeds import load_seed
from timeline.io.uploads import read_upload
from timeline.model import SCHEMA_PATH, Timeline
from timeline.pipeline import Extractor, Options
from timeline.time.chrono import Instant
from timeline.time.wording import describe_events
from timeline.views.tables import (
    apply_document_edits,
    apply_event_edits,
    document_rows,
    event_rows,
)


@pytest.mark.parametrize(("typed", "value"), [
    ("2008", "2008"), ("Februar 2022", "2022-02"), ("24.02.2022", "2022-02-24"),
    ("24. Februar 2022", "2022-02-24"), ("February 24, 2022", "2022-02-24"),
    ("12 mars 1812", "1812-03-12"), ("2022-02", "2022-02"), ("850", "0850"),
    ("264 v. Chr.", "BC0264"), ("44 BC", "BC0044"), ("1960er", "196"), ("the 1960s", "196"),
    ("Sommer 2022", "2022-SU"), ("1.3.1999 14:30", "1999-03-01T14:30"),
])
def test_typed_dates_keep_their_precision(typed: str, value: str) -> None:
    assert parse_event_date(typed) == value


@pytest.mark.parametrize("typed", ["", "gestern", "März", "nächsten Montag 2024x", "morgen 2024",
                                   "irgendwann"])
def test_dates_without_their_own_year_are_refused(typed: str) -> None:
    with pytest.raises(BadInputError, match="E121"):
        parse_event_date(typed)


def _event(timeline: Timeline, title_part: str):  # type: ignore[no-untyped-def]
    return next(e for e in timeline.events if title_part in e.title)


def test_edits_are_recorded_and_drive_exports(seed_timeline: Timeline) -> None:
    curation = Curation()
    keys = keys_of(seed_timeline)
    war = _event(seed_timeline, "Angriffskrieg")
    visit = _event(seed_timeline, "Überraschungsbesuch")
    curation.set_title(keys[war.id], "Russland überfällt die Ukraine")
    curation.set_date(keys[war.id], "24.02.2022")
    curation.set_included(keys[visit.id], False)
    added = curation.add(seed_timeline, visit.doc_id, "Juli 2024", "NATO-Gipfel in Washington",
                         sentence=2)
    curated = curation.apply(seed_timeline)
    assert seed_timeline.events[0].edited == []  # the base is left as it was

    war_now = next(e for e in curated.events if e.id == war.id)
    assert (war_now.title, war_now.value, war_now.start, war_now.end) == (
        "Russland überfällt die Ukraine", "2022-02-24", "2022-02-24", "2022-02-25")
    assert war_now.edited == ["title", "date"] and war_now.source == "machine"
    assert next(e for e in curated.events if e.id == visit.id).included is False
    manual = next(e for e in curated.events if e.id == added)
    assert manual.source == "manual" and manual.timex_id is None and manual.value == "2024-07"
    assert manual.sentence == seed_timeline.documents[0].text[
        manual.sentence_start:manual.sentence_end] and manual.sentence
    whens = dict(zip((e.id for e in curated.events), describe_events(curated), strict=True))
    assert whens[war.id].text == "24. Februar 2022" and whens[added].text == "Juli 2024"

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(curated.to_json()), schema,
                        cls=jsonschema.Draft202012Validator)
    table = next(f for f in FORMATS if f.option == "csv").render(curated, "t").decode()
    assert "Russland überfällt die Ukraine" in table and "NATO-Gipfel in Washington" in table
    assert visit.id not in table and visit.id in csv_text(curated)  # left out of the export
    page = next(f for f in FORMATS if f.option == "html").render(curated, "t").decode()
    assert "Russland überfällt die Ukraine" in page and visit.title not in page
    saved = next(f for f in FORMATS if f.option == "json").render(curated, "t").decode()
    assert Timeline.from_json(saved) == curated  # the JSON keeps the excluded one


def test_bad_typed_date_is_a_problem_in_place_not_applied(seed_timeline: Timeline) -> None:
    curation = Curation()
    key = keys_of(seed_timeline)[seed_timeline.events[0].id]
    curation.set_date(key, "irgendwann")
    assert "E121" in curation.problems[(key, "date")]
    assert curation.apply(seed_timeline).events[0] == seed_timeline.events[0]
    rows = event_rows(curation.apply(seed_timeline), curation, None)
    assert "E121" in rows.rows[rows.keys.index(key)]["problem"]
    curation.set_date(key, "2010")
    assert (key, "date") not in curation.problems


def test_end_and_merge(seed_timeline: Timeline) -> None:
    curation = Curation()
    keys = keys_of(seed_timeline)
    war = _event(seed_timeline, "Angriffskrieg")
    curation.set_end(keys[war.id], "Januar 2020", war)
    assert "E123" in curation.problems[(keys[war.id], "end")]
    curation.set_end(keys[war.id], "2024", war)
    visit = _event(seed_timeline, "Überraschungsbesuch")
    press = _event(seed_timeline, "Pressekonferenz")
    curation.merge(seed_timeline, keys[visit.id], keys[press.id])
    curated = curation.apply(seed_timeline)
    war_now = next(e for e in curated.events if e.id == war.id)
    assert (war_now.start, war_now.end, war_now.end_value) == ("2022-02-01", "2025-01-01", "2024")
    assert all(e.id != press.id for e in curated.events)
    visit_now = next(e for e in curated.events if e.id == visit.id)
    assert len(visit_now.mentions) == len(visit.mentions) + len(press.mentions)
    assert "mentions" in visit_now.edited
    assert {p.text for p in press.participants} <= {p.text for p in visit_now.participants}


def test_reopened_timeline_keeps_edits_through_retagging(extractor: Extractor) -> None:
    """Save, reopen, change the document's date: the person's work is still there and
    only that document is tagged again."""
    calls: list[str] = []

    def tag(item):  # type: ignore[no-untyped-def]
        calls.append(item.id)
        return extractor.run([item], Options())

    workspace = Workspace()
    workspace.open([load_seed("stoltenberg-kiew"), load_seed("biafra-krieg")])
    first = workspace.timeline(tag)
    keys = keys_of(first)
    war = _event(first, "Angriffskrieg")
    workspace.curation.set_title(keys[war.id], "Kriegsbeginn")
    workspace.curation.add(first, "biafra-krieg", "1967", "Unabhängigkeitserklärung Biafras")
    saved = workspace.curation.apply(first).to_json()

    again = Workspace()
    again.open_timeline(Timeline.from_json(saved))
    calls.clear()
    reopened = again.timeline(tag)
    assert calls == [] and reopened.to_json() == saved  # as saved, nothing tagged
    again.documents["stoltenberg-kiew"].dct = "30. April 2024"
    retagged = again.timeline(tag)
    assert calls == ["stoltenberg-kiew"]
    assert _event(retagged, "Kriegsbeginn").edited == ["title"]
    assert _event(retagged, "Unabhängigkeitserklärung").source == "manual"
    assert retagged.documents[0].dct == "2024-04-30"
    assert retagged.documents[0].dct_source == "manual"


def test_table_reports_become_curation(seed_timeline: Timeline) -> None:
    """What Streamlit's data_editor reports, turned into edits."""
    curation = Curation()
    shown = event_rows(seed_timeline, curation, None)
    position = next(i for i, r in enumerate(shown.rows) if r["when"] == "Februar 2022")
    report = {"edited_rows": {position: {"event": "Kriegsbeginn", "when": "24.02.2022",
                                         "show": True},
                              0: {"include": False}},
              "added_rows": [{"when": "Juli 2024", "event": "Gipfel"}, {}],
              "deleted_rows": [len(shown.rows) - 1]}
    picked, problems = apply_event_edits(report, shown, seed_timeline, curation,
                                         seed_timeline.documents[0].id)
    assert picked == shown.keys[position] and problems == []
    curated = curation.apply(seed_timeline)
    rows = event_rows(curated, curation, picked)
    titles = [r["event"] for r in rows.rows]
    assert "Kriegsbeginn" in titles and "Gipfel" in titles
    assert shown.rows[-1]["event"] not in titles  # deleted
    assert rows.rows[rows.keys.index(shown.keys[0])]["include"] is False
    assert [r["show"] for r in rows.rows].count(True) == 1
    assert "24. Februar 2022" in [r["when"] for r in rows.rows]

    bad = {"added_rows": [{"when": "bald", "event": "Etwas"}]}
    _, problems = apply_event_edits(bad, rows, curated, curation, seed_timeline.documents[0].id)
    assert problems and "E121" in problems[0]


def test_document_table_changes_settings_and_closes(extractor: Extractor) -> None:
    workspace = Workspace()
    workspace.open([load_seed("stoltenberg-kiew"), load_seed("biafra-krieg")])

    def tag(item):  # type: ignore[no-untyped-def]
        return extractor.run([item], Options())

    timeline = workspace.timeline(tag)
    rows, ids = document_rows(timeline, workspace)
    assert rows[0]["date"] == "2024-04-29" and rows[0]["date from"] == "file's metadata"
    assert rows[0]["title from"] == "file"  # the seed's metadata
    assert rows[1]["type"] == "narrative" and rows[1]["date"] == ""
    problems = apply_document_edits({"edited_rows": {0: {"date": "gestern"}}}, rows, ids,
                                    workspace)
    assert problems and "E103" in problems[0]
    assert workspace.documents["stoltenberg-kiew"].dct is None  # unchanged
    apply_document_edits({"edited_rows": {0: {"date": "1. Mai 2024", "language": "en"}},
                          "deleted_rows": [1]}, rows, ids, workspace)
    again = workspace.timeline(tag)
    assert [d.id for d in again.documents] == ["stoltenberg-kiew"]
    assert (again.documents[0].dct, again.documents[0].language,
            again.documents[0].language_source) == ("2024-05-01", "en", "manual")


def test_filters(seed_timeline: Timeline) -> None:
    low, high = extent(seed_timeline)  # type: ignore[misc]
    assert low == Instant.of(2008) and high >= Instant.of(2024, 7)
    recent = Filter(start=Instant.of(2024)).apply(seed_timeline)
    assert recent.events and all(e.end > "2024" for e in recent.events if e.end)
    assert "2008" not in [e.start[:4] for e in recent.events if e.start]
    days = Filter(kinds=frozenset({"day"})).apply(seed_timeline)
    assert days.events and all("day" in kinds_of(e) for e in days.events)
    people = participants_of(seed_timeline)
    assert people[0] == "Stoltenberg"
    with_kiew = Filter(participants=frozenset({"Kiew"})).apply(seed_timeline)
    assert with_kiew.events and all(any(p.text == "Kiew" for p in e.participants)
                                    for e in with_kiew.events)


def test_undated_events_say_so_in_the_table(extractor: Extractor) -> None:
    """A length with no date ("for three days") is its own kind, and the table's time
    says the date is unknown rather than showing "3 days" as if it were one."""
    timeline = extractor.run([DocumentInput(
        id="d", text="Police questioned him for three days. On May 2, 2024 he was freed.",
        source="test", dct="2024-05-03")], Options(language="en"))
    rows = {row["expression"]: row for row in event_rows(timeline, Curation(), None).rows}
    assert rows["three days"]["when"] == "3 days (date unknown)"
    assert rows["three days"]["kinds"] == "undated"
    assert rows["May 2, 2024"]["when"] == "2 May 2024" and rows["May 2, 2024"]["kinds"] == "day"
    assert Filter(kinds=frozenset({"undated"})).apply(timeline).events == [
        e for e in timeline.events if e.start is None]


def test_uploads_of_every_kind(seed_timeline: Timeline) -> None:
    corpus = b'{"id": "a", "text": "Im Mai 2019 war Wahl."}\n{broken\n'
    opened = read_upload("corpus.jsonl", corpus)
    assert [getattr(d, "id", None) for d in opened.documents] == ["a", None]
    assert read_upload("notes.md", b"# Titel\n\nAm 3. Mai 2021").documents[0].id == "notes"
    assert read_upload("saved.json", seed_timeline.to_json().encode()).timelines
    latin = read_upload("latin.txt", "Grüße".encode("latin-1")).documents[0]
    assert (latin.text, latin.encoding) == ("Grüße", "cp1252")  # type: ignore[union-attr]
    binary = read_upload("image.txt", bytes(range(256)) * 4).documents[0]
    assert binary.code == "E113"  # type: ignore[union-attr]
    assert read_upload("broken.json", b"{").documents[0].code == "E110"  # type: ignore[union-attr]


def test_a_document_failing_for_a_while_keeps_its_added_events(extractor: Extractor) -> None:
    workspace = Workspace()
    workspace.open([load_seed("stoltenberg-kiew")])

    def tag(item):  # type: ignore[no-untyped-def]
        return extractor.run([item], Options())

    first = workspace.timeline(tag)
    workspace.curation.add(first, "stoltenberg-kiew", "Juli 2024", "Gipfel in Washington")
    workspace.documents["stoltenberg-kiew"].dct = "gestern"  # this run, it cannot be tagged
    failed = workspace.timeline(tag)
    assert not failed.documents and not failed.events and failed.errors[0].code == "E103"
    workspace.documents["stoltenberg-kiew"].dct = None
    again = workspace.timeline(tag)
    assert "Gipfel in Washington" in [e.title for e in again.events]
