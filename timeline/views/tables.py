"""The dashboard's two editable tables as plain rows, and their edits as curation.

Streamlit's ``data_editor`` reports a person's edits as ``{"edited_rows":
{position: {column: value}}, "added_rows": [...], "deleted_rows": [...]}``
against the rows it was given; these functions build those rows and turn such a
report into :class:`Curation` steps or document settings, so the whole
behaviour is testable without a browser.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from timeline.curation.edits import Curation, keys_of
from timeline.curation.filters import KINDS, kinds_of
from timeline.curation.workspace import OpenDocument, Workspace
from timeline.errors import TimelineError
from timeline.model import Document, Event, Timeline, time_order
from timeline.tagging.languages import AUTO, DOC_TYPES, LANGUAGES
from timeline.time.wording import When, describe_events

# what happened right after when: a phone's width shows the first three or four columns
EVENT_COLUMNS = ("show", "when", "event", "until", "include", "participants", "problem",
                 "kinds", "expression", "document")
EVENT_EDITABLE = ("show", "when", "until", "event", "participants", "include")
DOCUMENT_COLUMNS = ("title", "title from", "language", "language from", "type", "type from",
                    "date", "date from", "events", "status")
DOCUMENT_EDITABLE = ("title", "language", "type", "date")
SOURCES = {"option": "default", "input": "file", "metadata": "file's metadata",
           "dateline": "dateline", "filename": "file name", "detected": "detected",
           "manual": "you", None: ""}


@dataclass
class EventRows:
    """The rows shown, and the event key behind each position."""

    rows: list[dict[str, Any]]
    keys: list[str]


def event_rows(timeline: Timeline, curation: Curation, selected: str | None) -> EventRows:
    """One row per event, in time order, dates as people write them."""
    documents = {d.id: d for d in timeline.documents}
    timexes = timeline.timex_index()
    keys = keys_of(timeline)
    order = sorted(zip(timeline.events, describe_events(timeline), strict=True),
                   key=lambda pair: time_order(pair[0]))
    rows, row_keys = [], []
    for event, when in order:
        key = keys[event.id]
        timex = timexes.get((event.doc_id, event.timex_id or ""))
        problems = [curation.problems[(key, column)] for column in ("date", "end", "title")
                    if (key, column) in curation.problems]
        kinds = kinds_of(event)
        rows.append({
            "show": key == selected,
            # "3 days (date unknown)": a length alone would read as a date
            "when": when.full() if "undated" in kinds else when.text,
            "until": _until(event, when),
            "event": event.title,
            "participants": ", ".join(p.text for p in event.participants),
            "include": event.included,
            "document": documents[event.doc_id].title,
            "kinds": ", ".join(k for k in KINDS if k in kinds and k != "excluded"),
            "expression": timex.text if timex else "",
            "problem": " ".join(problems),
        })
        row_keys.append(key)
    return EventRows(rows, row_keys)


def _until(event: Event, when: When) -> str:
    """The last day a person gave, or of a stretch two expressions span."""
    if event.end_value or event.end_timex_id:
        return when.end
    return ""


def apply_event_edits(report: dict[str, Any], shown: EventRows, timeline: Timeline,
                      curation: Curation, default_doc: str | None) -> tuple[str | None, list[str]]:
    """Apply a data_editor report (or the selected-event panel's changes, in the same
    shape); returns the newly shown event (if a "show" box was ticked) and the problems
    of added rows, which have no row to be shown in. A cell that, as meant, equals what
    it showed changes nothing."""
    keys = keys_of(timeline)
    events = {keys[event.id]: event for event in timeline.events}
    picked: str | None = None
    for position, changes in report.get("edited_rows", {}).items():
        key = shown.keys[int(position)]
        row = shown.rows[int(position)]
        for column, value in changes.items():
            if column == "show":
                picked = key if value else picked
                continue
            typed = _meant(column, value)
            if typed == row[column]:
                continue
            if column == "when":
                curation.set_date(key, str(typed))
            elif column == "until":
                curation.set_end(key, str(typed), events[key])
            elif column == "event":
                curation.set_title(key, str(typed))
            elif column == "participants":
                curation.set_participants(key, str(typed))
            elif column == "include":
                curation.set_included(key, bool(typed))
    problems = []
    for row in report.get("added_rows", []):
        if not (row.get("when") or row.get("event")):
            continue  # an empty row the person has not filled yet
        document = _document_of(row.get("document"), timeline) or default_doc
        try:
            if document is None:
                raise TimelineError("E125")
            curation.add(timeline, document, row.get("when") or "", row.get("event") or "")
        except TimelineError as exc:
            problems.append(str(exc))
    for position in report.get("deleted_rows", []):
        curation.delete(shown.keys[int(position)])
    return picked, problems


def _meant(column: str, value: object) -> object:
    """A cell as a person meant it: a tick as a bool, text without stray whitespace."""
    if column == "include":
        return bool(value)
    text = value if isinstance(value, str) else ""
    return " ".join(text.split()) if column == "event" else text.strip()


def _document_of(title: object, timeline: Timeline) -> str | None:
    """A document named in an added row, by title or id."""
    if not isinstance(title, str) or not title.strip():
        return None
    for document in timeline.documents:
        if title.strip() in (document.title, document.id):
            return document.id
    return None


def document_rows(timeline: Timeline, workspace: Workspace) -> tuple[list[dict[str, Any]],
                                                                      list[str]]:
    """One row per open document: its settings with where each came from."""
    found = {d.id: d for d in timeline.documents}
    errors = {e.doc_id: e for e in timeline.errors if e.doc_id}
    counts: dict[str, int] = {}
    for event in timeline.events:
        counts[event.doc_id] = counts.get(event.doc_id, 0) + 1
    rows, ids = [], []
    for doc_id, opened in workspace.documents.items():
        document: Document | None = found.get(doc_id)
        item = opened.as_input() if document is None else None
        rows.append({
            "title": document.title if document else (item.title if item else None) or doc_id,
            "title from": _title_source(opened),
            "language": document.language if document else opened.language or AUTO,
            "language from": SOURCES.get(document.language_source) if document else "",
            "type": document.doc_type if document else opened.doc_type or "",
            "type from": SOURCES.get(document.doc_type_source) if document else "",
            "date": (document.dct or "") if document else opened.dct or "",
            "date from": SOURCES.get(document.dct_source, document.dct_source or "")
            if document else "",
            "events": counts.get(doc_id, 0),
            "status": errors[doc_id].message if doc_id in errors else
            ("⚠ " + " ".join(document.warnings) if document and document.warnings else "ok"),
        })
        ids.append(doc_id)
    return rows, ids


def _title_source(opened: OpenDocument) -> str:
    """Where a title came from: a person, the file's own fields, or its name."""
    item = opened.item
    if opened.title is not None or item.source == "pasted text":
        return SOURCES["manual"]
    if item.title is None or item.title == item.id:
        return SOURCES["filename"]
    return SOURCES["input"]


def apply_document_edits(report: dict[str, Any], rows: list[dict[str, Any]], ids: list[str],
                         workspace: Workspace) -> list[str]:
    """Settings a person changed (re-tagging only that document) and documents
    closed; returns the problems to show."""
    problems = []
    for position, changes in report.get("edited_rows", {}).items():
        opened = workspace.documents[ids[int(position)]]
        row = rows[int(position)]
        for column, value in changes.items():
            if value == row[column]:
                continue
            if column == "title" and value and value.strip():
                opened.title = value.strip()
            elif column == "language" and value in (AUTO, *LANGUAGES):
                opened.language = value
            elif column == "type" and value in DOC_TYPES:
                opened.doc_type = value
            elif column == "date":
                try:
                    before = opened.dct
                    opened.dct = value or ""
                    opened.as_input()
                except TimelineError as exc:
                    opened.dct = before
                    problems.append(str(exc))
    for position in sorted(report.get("deleted_rows", []), reverse=True):
        workspace.close(ids[int(position)])
    return problems
