"""CSV: one row per event, for spreadsheets.

Dates twice: as people read them ("29. April 2024", "seit 2008") and as ISO
8601 with an inclusive end (the last day), since spreadsheet users read an end
date as included. UTF-8 with a byte-order mark, which Excel needs to read
umlauts; written by the csv module. A cell of user text that a spreadsheet would
run as a formula (starting with = + - @ or a control character) gets a leading
apostrophe, so no text of ours is ever executed.
"""

from __future__ import annotations

import csv
import io

from timeline.model import Timeline
from timeline.time.wording import describe_events, last_instant_iso

COLUMNS = ["document", "document_title", "event_id", "when", "start", "end", "start_iso",
           "end_iso", "granularity", "uncertain", "title", "expression", "timex3_value",
           "trigger", "other_triggers", "participants", "sentence"]
_FORMULA = ("=", "+", "-", "@", "\t", "\r", "\n")


def _cell(text: str) -> str:
    """User text, never read as a formula."""
    return "'" + text if text.startswith(_FORMULA) else text


def csv_text(timeline: Timeline) -> str:
    documents = {d.id: d for d in timeline.documents}
    timexes = timeline.timex_index()
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for event, when in zip(timeline.events, describe_events(timeline)):
        timex = timeline.dating(event, timexes)[0]
        writer.writerow([_cell(v) for v in (
            event.doc_id, documents[event.doc_id].title, event.id, when.full(), when.start,
            when.end, event.start or "", last_instant_iso(event.end) if event.end else "",
            "recurring" if event.recurring else event.granularity.value,
            "yes" if event.uncertain else "no", event.title, timex.text, timex.value,
            event.trigger.text if event.trigger else "",
            "; ".join(t.text for t in event.other_triggers),
            "; ".join(f"{p.text} ({p.kind})" for p in event.participants), event.sentence)])
    return "\ufeff" + out.getvalue()
