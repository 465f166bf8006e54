"""The open documents of a curation session, their settings and the person's edits.

Each document is tagged on its own, through a ``tag`` function the caller
provides (the dashboard caches it per document and settings), so changing one
document's date or language re-tags that document only, and a curation edit
re-tags nothing. A document from a reopened timeline is used as saved until a
setting of it changes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from timeline.curation.edits import Curation
from timeline.errors import TimelineError
from timeline.io.inputs import DocumentInput
from timeline.model import Document, DocumentError, Timeline
from timeline.time.dct import parse_dct

Tagger = Callable[[DocumentInput], Timeline]
Progress = Callable[[int, int, str], None]


@dataclass
class OpenDocument:
    """A document as read, and what a person set for it (``None``: as read or found)."""

    item: DocumentInput
    title: str | None = None
    language: str | None = None
    doc_type: str | None = None
    dct: str | None = None  # as typed; "" means: no date
    saved: Timeline | None = None  # this document from a reopened timeline

    def as_input(self) -> DocumentInput:
        """The input with a person's settings; their date is checked here."""
        item = self.item
        if self.title is not None:
            item = replace(item, title=self.title)
        if self.language is not None:
            item = replace(item, language=self.language)
        if self.doc_type is not None:
            item = replace(item, doc_type=self.doc_type)
        if self.dct is not None:
            parsed = parse_dct(self.dct) if self.dct.strip() else None
            item = replace(item, dct=parsed.isoformat() if parsed else None, dct_origin="manual")
        return item

    @property
    def changed(self) -> bool:
        return any(v is not None for v in (self.language, self.doc_type, self.dct))


@dataclass
class Workspace:
    documents: dict[str, OpenDocument] = field(default_factory=dict)
    curation: Curation = field(default_factory=Curation)
    failed: list[DocumentError] = field(default_factory=list)  # could not be read

    def open(self, items: list[DocumentInput | DocumentError]) -> list[str]:
        """Add documents; an id already open gets a number. Returns the ids added."""
        added = []
        for item in items:
            if isinstance(item, DocumentError):
                self.failed.append(item)
                continue
            doc_id, number = item.id, 1
            while doc_id in self.documents:
                number += 1
                doc_id = f"{item.id}-{number}"
            self.documents[doc_id] = OpenDocument(replace(item, id=doc_id))
            added.append(doc_id)
        return added

    def open_timeline(self, timeline: Timeline) -> list[str]:
        """A saved timeline: its documents as saved, its edits as this session's."""
        base, curation = Curation.of(timeline)
        added = []
        for document in base.documents:
            if document.id in self.documents:
                self.failed.append(DocumentError.from_error(
                    TimelineError("E112", doc_id=document.id), "timeline JSON", document.id))
                continue
            events = [e for e in base.events if e.doc_id == document.id]
            self.documents[document.id] = OpenDocument(
                DocumentInput(id=document.id, text=document.text, source="timeline JSON",
                              title=document.title, dct=document.dct,
                              language=document.language, doc_type=document.doc_type,
                              dct_origin=document.dct_source or "input"),
                saved=Timeline(documents=[document], events=events))
            added.append(document.id)
        self.curation.changes.update(curation.changes)
        self.curation.merged.update(curation.merged)
        self.curation.added += [e for e in curation.added if e.doc_id in added]
        return added

    def close(self, doc_id: str) -> None:
        self.documents.pop(doc_id, None)
        self.curation.added = [e for e in self.curation.added if e.doc_id != doc_id]

    def base(self, tag: Tagger, progress: Progress | None = None) -> Timeline:
        """Every open document tagged (or as saved), in the order they were opened."""
        out = Timeline(errors=list(self.failed))
        total = len(self.documents)
        for count, (doc_id, opened) in enumerate(self.documents.items(), start=1):
            if progress:
                progress(count, total, opened.title or opened.item.title or doc_id)
            if opened.saved is not None and not opened.changed:
                result = opened.saved
                if opened.title is not None:
                    result = _retitled(result, opened.title)
            else:
                try:
                    result = tag(opened.as_input())
                except TimelineError as exc:
                    out.errors.append(DocumentError.from_error(exc, opened.item.source, doc_id))
                    continue
                result = _sourced(result, opened)
            out.documents += result.documents
            out.events += result.events
            out.errors += result.errors
        return out

    def timeline(self, tag: Tagger, progress: Progress | None = None) -> Timeline:
        """The curated timeline: the base with every edit of this session."""
        return self.curation.apply(self.base(tag, progress))


def _retitled(timeline: Timeline, title: str) -> Timeline:
    return timeline.model_copy(update={"documents": [
        d.model_copy(update={"title": title}) for d in timeline.documents]})


def _sourced(result: Timeline, opened: OpenDocument) -> Timeline:
    """Say which settings a person made, so the table shows where each came from."""
    documents: list[Document] = []
    for document in result.documents:
        update: dict[str, str] = {}
        if opened.language is not None:
            update["language_source"] = "manual"
        if opened.doc_type is not None:
            update["doc_type_source"] = "manual"
        documents.append(document.model_copy(update=update))
    return result.model_copy(update={"documents": documents})
