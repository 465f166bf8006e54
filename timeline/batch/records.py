"""A corpus's results as JSON Lines, written as documents finish, and resumed after a stop.

Each finished document (or its error) is one :class:`Record` line, written
with one ``write`` on a file opened for appending: a run killed at any moment
leaves every document it finished, and at most a torn last line, which a
:class:`RecordWriter` opened with ``resume`` cuts off before it goes on. A line carries the
document's id and a hash of its input; ``--resume`` skips inputs whose id and
hash are there already, so nothing is done or written twice.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Self

from pydantic import ValidationError

from timeline.errors import BadInputError, TimelineError
from timeline.io.inputs import DocumentInput
from timeline.model import Document, DocumentError, Event, Record, validation_reason


def input_hash(item: DocumentInput) -> str:
    """SHA-256 of what decides a document's result in the input: its text and fields."""
    fields = [item.id, item.text, item.title, item.dct, item.language, item.doc_type]
    return hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode("utf-8")).hexdigest()


def record(item: DocumentInput | DocumentError,
           outcome: tuple[Document, list[Event]] | DocumentError) -> Record:
    """The line for one input and what came of it."""
    if isinstance(item, DocumentError):
        return Record(id=item.doc_id, source=item.source, sha256=None, error=item)
    digest = input_hash(item)
    if isinstance(outcome, DocumentError):
        return Record(id=item.id, source=item.source, sha256=digest, error=outcome)
    document, events = outcome
    return Record(id=item.id, source=item.source, sha256=digest, document=document,
                  events=events)


def _lines(path: Path) -> Iterator[tuple[int, int, bytes]]:
    """Each line's number, byte offset and bytes (a last line may lack its newline)."""
    with path.open("rb") as handle:
        offset = 0
        for number, line in enumerate(handle, start=1):
            yield number, offset, line
            offset += len(line)


def read_records(path: Path) -> Iterator[Record]:
    """The lines of a JSON Lines timeline; a line that is not one is a clear error."""
    try:
        with path.open("rb") as handle:
            yield from parse_records(handle, str(path))
    except OSError as exc:
        raise BadInputError("E110", path=path, reason=exc.strerror or str(exc)) from exc


def parse_records(lines: Iterable[bytes], name: str) -> Iterator[Record]:
    for number, line in enumerate(lines, start=1):
        if line.strip():
            yield _parse(line, name, number)


def holds_records(data: bytes) -> bool:
    """Is this JSONL our output (a timeline) rather than a corpus of texts to tag?"""
    first = next((line for line in data.splitlines() if line.strip()), b"")
    try:
        fields = json.loads(first)
    except ValueError:
        return False
    return isinstance(fields, dict) and "schema_version" in fields and "text" not in fields


def _parse(line: bytes, name: str, number: int) -> Record:
    try:
        return Record.model_validate_json(line)
    except ValidationError as exc:
        raise BadInputError("E110", path=f"{name}, line {number}",
                            reason=validation_reason(exc)) from exc


class RecordWriter:
    """Appends one line per document to ``path``; with ``resume``, keeps what is there
    (cutting off a torn last line) and knows which inputs are done; with ``hold`` as
    well, holds those lines in :attr:`records` (for a whole timeline at the end)."""

    def __init__(self, path: Path, resume: bool = False, hold: bool = False) -> None:
        self.path = path
        self.done: dict[str, str | None] = {}  # id -> input hash of what the file holds
        self.failed_sources: set[str] = set()  # inputs that failed before having an id
        self.kept = 0  # lines there before this run
        self.records: list[Record] = []  # those lines, if held
        self._hold = hold
        if resume and path.exists():
            self._keep()
        else:
            path.write_bytes(b"")
        self._fd = os.open(path, os.O_WRONLY | os.O_APPEND)

    def _keep(self) -> None:
        end = 0
        for number, offset, line in _lines(self.path):
            if not line.strip():
                end = offset + len(line)
                continue
            try:
                found = _parse(line, str(self.path), number)
            except BadInputError:
                if line.endswith(b"\n"):
                    raise  # whole but not ours: never write into someone else's file
                break  # the last line, cut short by a kill: done again below
            if not line.endswith(b"\n"):
                break  # whole JSON, but the newline never came: write it again
            end = offset + len(line)
            self.kept += 1
            self._remember(found)
            if self._hold:
                self.records.append(found)
        with self.path.open("r+b") as handle:
            handle.truncate(end)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def pending(self, items: Iterable[DocumentInput | DocumentError]
                ) -> Iterator[DocumentInput | DocumentError]:
        """``items`` without those the file has already; an input that changed since
        (same id, other content) is an error line, its earlier result kept."""
        for item in items:
            if isinstance(item, DocumentError):
                if item.doc_id not in self.done and item.source not in self.failed_sources:
                    yield item
                continue
            if item.id not in self.done:
                yield item
            elif self.done[item.id] != input_hash(item):
                error = TimelineError("E132", doc_id=item.id, path=self.path)
                yield DocumentError.from_error(error, item.source, item.id)

    def write(self, line: Record) -> None:
        data = line.model_dump_json().encode("utf-8") + b"\n"
        view = memoryview(data)
        while view:  # one write almost always; a short one (disk full) goes on
            view = view[os.write(self._fd, view):]
        self._remember(line)

    def _remember(self, line: Record) -> None:
        if line.id is None:
            self.failed_sources.add(line.source)
        else:  # the first line of an id counts: an error about a changed input does not
            self.done.setdefault(line.id, line.sha256)

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1
