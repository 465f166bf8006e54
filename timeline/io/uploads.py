"""Files a person hands the dashboard: texts, web pages, JSONL corpora and saved timelines.

The same readers as the command line, fed from bytes instead of paths. Each
upload gives documents (or the reason one cannot be read) or, for a saved
timeline (JSON, or the JSON Lines ``extract --jsonl`` writes), the timeline to
go on curating.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from timeline.batch.records import holds_records, parse_records
from timeline.errors import TimelineError, message
from timeline.io.decoding import decode
from timeline.io.inputs import DocumentInput, html_document, jsonl_documents
from timeline.model import DocumentError, Timeline

SUFFIXES = ("txt", "md", "html", "htm", "jsonl", "json")


@dataclass
class Opened:
    documents: list[DocumentInput | DocumentError] = field(default_factory=list)
    timelines: list[Timeline] = field(default_factory=list)


def read_upload(name: str, data: bytes, opened: Opened | None = None) -> Opened:
    """What the file ``name`` holds; a file that cannot be read becomes an error entry."""
    opened = opened or Opened()
    stem, _, suffix = name.rpartition(".")
    suffix, stem = suffix.lower(), stem or name
    try:
        if suffix in ("html", "htm"):
            opened.documents.append(html_document(data, stem, name))
        elif suffix == "jsonl" and holds_records(data):  # a timeline `extract --jsonl` wrote
            lines = parse_records(io.BytesIO(data), name)
            opened.timelines.append(Timeline.from_records(lines, name))
        elif suffix == "jsonl":
            opened.documents.extend(jsonl_documents(io.BytesIO(data), name))
        elif suffix == "json":
            opened.timelines.append(Timeline.from_json(data.decode("utf-8-sig", "replace"), name))
        elif suffix in ("txt", "md"):
            text, encoding = decode(data, name)
            opened.documents.append(DocumentInput(id=stem, title=stem, text=text, source=name,
                                                  encoding=encoding))
        else:
            opened.documents.append(DocumentError(
                doc_id=None, source=name, code="E105", message=message("E105", path=name)))
    except TimelineError as exc:
        opened.documents.append(DocumentError.from_error(exc, name, stem))
    return opened
