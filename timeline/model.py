"""The timeline data model, which is also the public timeline JSON format.

text -> :class:`Document` with :class:`Timex` es -> :class:`Event` s ->
:class:`Timeline`. Every stage adds to this model and none reaches back.
The JSON Schema in ``timeline/schema/`` is generated from these classes
(``python -m timeline.model``); docs/timeline-format.md documents the format
and its changes.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from enum import Enum
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from timeline.errors import BadInputError, TimelineError
from timeline.time.chrono import Instant
from timeline.time.semantics import Granularity, Span

SCHEMA_VERSION: Literal[4] = 4
READABLE_VERSIONS = (1, 2, 3, 4)  # versions 2 to 4 only added fields, all with defaults
EditedField = Literal["title", "date", "end", "participants", "included", "mentions"]
SCHEMA_PATH = Path(__file__).parent / "schema" / f"timeline-v{SCHEMA_VERSION}.schema.json"
RECORDS_SCHEMA_PATH = SCHEMA_PATH.with_name(f"timeline-lines-v{SCHEMA_VERSION}.schema.json")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False, use_enum_values=False)


class TimexType(str, Enum):
    DATE = "DATE"
    TIME = "TIME"
    DURATION = "DURATION"
    SET = "SET"


class Interval(_Model):
    """The stretch of time a value denotes: ``[start, end)`` as ISO 8601.

    Years are astronomical and expanded outside 0..9999 ("-0263-01-01" is
    264 BC). ``null`` marks an open end ("before 2008").
    """

    start: str | None = Field(description="inclusive start, ISO 8601; null if open")
    end: str | None = Field(description="exclusive end, ISO 8601; null if open")
    granularity: Granularity
    approximate: bool = False
    uncertain_start: bool = Field(default=False, description="the start is an estimate")
    uncertain_end: bool = Field(default=False, description="the end is an estimate")

    @classmethod
    def from_span(cls, span: Span) -> Interval:
        return cls(
            start=span.start.iso() if span.start else None,
            end=span.end.iso() if span.end else None,
            granularity=span.granularity,
            approximate=span.approximate,
            uncertain_start=span.uncertain_start,
            uncertain_end=span.uncertain_end,
        )


class Timex(_Model):
    """A time expression: ``document.text[start:end] == text``."""

    id: str
    start: int = Field(ge=0, description="character offset of the first character")
    end: int = Field(ge=0, description="character offset after the last character")
    text: str
    type: TimexType
    value: str = Field(description="TIMEX3 value")
    mod: str | None = None
    quant: str | None = None
    freq: str | None = None
    interval: Interval | None = Field(
        default=None, description="where the value sits on the time axis; null if unplaceable"
    )
    resolved: bool = Field(
        default=True,
        description="false when the value depends on a document date that was not given",
    )
    rule: str | None = Field(default=None, description="the HeidelTime rule that found it")
    inferred: bool = Field(
        default=False,
        description="an anaphoric reference (\"damals\", \"zwei Jahre später\") dated "
        "from the previous date of the text, not found by HeidelTime",
    )
    anchor_id: str | None = Field(
        default=None, description="the timex an inferred or anchored value was computed from"
    )


class TextSpan(_Model):
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Participant(_Model):
    text: str
    start: int | None = Field(ge=0, description="null: named by a person, not found in the text")
    end: int | None = Field(ge=0)
    kind: Literal["PER", "ORG", "LOC", "MISC"] = Field(
        description="person, organisation, place, or MISC when it cannot be told"
    )


class Trigger(_Model):
    """The word(s) naming what happened: a verb, or an event noun with the event
    noun it governs ("Beginn ... Angriffskrieg"). ``parts`` are exact spans;
    ``start``/``end`` cover them all."""

    text: str = Field(description="the parts' text, joined by ' ... '")
    lemma: str = Field(description="the parts' lemmas, joined by ' ... '")
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    parts: list[TextSpan] = Field(default_factory=list)


class Mention(_Model):
    """One place in the text where the event is told."""

    doc_id: str | None = Field(
        default=None, description="the document told in, if not the event's own (merged events)"
    )
    timex_id: str
    sentence_start: int = Field(ge=0)
    sentence_end: int = Field(ge=0)
    clause_start: int = Field(ge=0)
    clause_end: int = Field(ge=0)
    trigger: Trigger | None = None
    other_triggers: list[Trigger] = Field(
        default_factory=list, description="other happenings the same expression dates here")


def happenings(told: Mention | Event) -> list[Trigger]:
    """Every happening its expression dates where ``told`` tells it: the trigger, then
    the other triggers."""
    return [t for t in (told.trigger, *told.other_triggers) if t is not None]


class Document(_Model):
    id: str
    title: str
    language: str = Field(description="ISO 639-1 code")
    doc_type: Literal["news", "narrative", "colloquial", "scientific"]
    dct: str | None = Field(description="document creation time, YYYY-MM-DD")
    dct_source: str | None = Field(
        default=None,
        description="where the DCT came from: option, input, metadata, dateline, filename "
        "or manual (set in the dashboard)",
    )
    language_source: str | None = Field(
        default=None, description="where the language came from: option, input, detected or manual"
    )
    doc_type_source: str | None = Field(
        default=None, description="where the type came from: option, input, detected (a chronicle "
        "read as a narrative) or manual"
    )
    text: str
    sentences: list[TextSpan] = Field(default_factory=list)
    timexes: list[Timex] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _offsets_match_text(self) -> Document:
        for timex in self.timexes:
            if self.text[timex.start:timex.end] != timex.text:
                raise ValueError(
                    f"timex {timex.id}: text[{timex.start}:{timex.end}] is "
                    f"{self.text[timex.start:timex.end]!r}, not {timex.text!r}"
                )
        return self


class Event(_Model):
    """Something that happened, dated by a time expression (or two, for a range)."""

    id: str
    doc_id: str
    timex_id: str | None = Field(
        description="the expression that dates it; null for an event a person added without one"
    )
    end_timex_id: str | None = Field(
        default=None, description="for a range written as two expressions, the second"
    )
    title: str = Field(description="what happened, in at most about 80 characters")
    sentence: str
    sentence_start: int = Field(ge=0)
    sentence_end: int = Field(ge=0)
    clause: str = Field(default="", description="the clause the time expression belongs to")
    clause_start: int = Field(default=0, ge=0)
    clause_end: int = Field(default=0, ge=0)
    trigger: Trigger | None = None
    other_triggers: list[Trigger] = Field(
        default_factory=list,
        description="other happenings the same expression dates (\"arrested ... since 1990 "
        "for protesting\"), most likely first; as the first mention's")
    start: str | None = Field(description="as Interval.start; null if open or recurring")
    end: str | None = Field(description="as Interval.end; null if open or recurring")
    granularity: Granularity
    approximate: bool = False
    uncertain_start: bool = False
    uncertain_end: bool = False
    uncertain: bool = Field(
        default=False, description="approximate, or an end is an estimate, or inferred"
    )
    inferred: bool = Field(default=False, description="dated by an inferred expression")
    recurring: bool = Field(
        default=False, description="a SET (\"jeden Montag\"): happens repeatedly, not placed"
    )
    participants: list[Participant] = Field(default_factory=list)
    mentions: list[Mention] = Field(
        default_factory=list, description="every telling of this event; the first is this one"
    )
    source: Literal["machine", "manual"] = Field(
        default="machine", description="found in the text, or added by a person"
    )
    edited: list[EditedField] = Field(
        default_factory=list, description="the fields a person changed, in the order first changed"
    )
    included: bool = Field(
        default=True, description="false: a person left it out; kept here so it can be taken "
        "back, left out of the figure and every other export"
    )
    value: str | None = Field(
        default=None, description="the date a person gave, as a TIMEX3 value (\"2022-02\"); "
        "null: dated by its expression"
    )
    end_value: str | None = Field(
        default=None, description="the last date (inclusive) a person gave, as a TIMEX3 value"
    )


def _given(value: str, name: str) -> Timex:
    """A date a person typed, as a timex that stands in no text."""
    return Timex(id=name, start=0, end=0, text="", type=TimexType.DATE, value=value, rule="manual")


def time_order(event: Event) -> tuple[int, int]:
    """Sort key for time order: placed events by start (an open start by its end),
    the unplaced ones after them; ties keep their order (sort is stable)."""
    known = event.start or event.end
    return (0, Instant.parse(known).seconds) if known else (1, 0)


class DocumentError(_Model):
    """A document that could not be processed; the others still were."""

    doc_id: str | None
    source: str
    code: str
    message: str

    @classmethod
    def from_error(cls, exc: TimelineError, source: str, doc_id: str | None = None
                   ) -> DocumentError:
        return cls(doc_id=doc_id, source=source, code=exc.code, message=str(exc))


class Timeline(_Model):
    schema_version: Literal[4] = SCHEMA_VERSION
    documents: list[Document] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    errors: list[DocumentError] = Field(default_factory=list)

    @model_validator(mode="after")
    def _events_refer_to_what_exists(self) -> Timeline:
        """A hand-edited or truncated file must fail here, clearly, not in a view."""
        timexes = {(d.id, t.id) for d in self.documents for t in d.timexes}
        for event in self.events:
            wanted = [(event.doc_id, event.timex_id), (event.doc_id, event.end_timex_id),
                      *((m.doc_id or event.doc_id, m.timex_id) for m in event.mentions)]
            for doc_id, timex_id in wanted:
                if timex_id is not None and (doc_id, timex_id) not in timexes:
                    raise ValueError(f"event {event.id!r} refers to time expression "
                                     f"{timex_id!r}, which document {doc_id!r} does not have")
        return self

    def timex_index(self) -> dict[tuple[str, str], Timex]:
        """Each timex by ``(doc_id, timex_id)``, the key events refer to it by."""
        return {(d.id, t.id): t for d in self.documents for t in d.timexes}

    def dating(self, event: Event, timexes: dict[tuple[str, str], Timex] | None = None
               ) -> tuple[Timex, Timex | None]:
        """The expression(s) an event's time is worded from: the date a person gave
        (as a timex of no text), else the expressions in the text."""
        if timexes is None:
            timexes = self.timex_index()
        if event.value is not None:
            end = _given(event.end_value, "end") if event.end_value else None
            return _given(event.value, "date"), end
        assert event.timex_id is not None, f"event {event.id} has neither timex nor value"
        return (timexes[(event.doc_id, event.timex_id)],
                timexes.get((event.doc_id, event.end_timex_id or "")))

    def shown(self) -> Timeline:
        """The events people kept: what the figure and every export but the JSON show."""
        if all(event.included for event in self.events):
            return self
        return self.model_copy(update={"events": [e for e in self.events if e.included]})

    def to_json(self, indent: int | None = 2) -> str:
        return self.model_dump_json(indent=indent, exclude_none=False)

    @classmethod
    def from_json(cls, text: str, source: str = "<string>") -> Timeline:
        """Load and check a timeline; a clear error if it is not one."""
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise BadInputError("E110", path=source, reason=f"invalid JSON ({exc})") from exc
        if isinstance(data, dict):
            if data.get("schema_version") not in (None, *READABLE_VERSIONS):
                raise BadInputError(
                    "E110", path=source,
                    reason=f"schema_version {data.get('schema_version')!r}; this version "
                    f"reads {', '.join(map(str, READABLE_VERSIONS))}",
                )
            data["schema_version"] = SCHEMA_VERSION
        try:
            return cls.model_validate(data)
        except ValidationError as exc:
            raise BadInputError("E110", path=source, reason=validation_reason(exc)) from exc

    @classmethod
    def from_records(cls, records: Iterable[Record], source: str = "<records>") -> Timeline:
        """The timeline that the lines of a JSON Lines output make together."""
        documents: list[Document] = []
        events: list[Event] = []
        errors: list[DocumentError] = []
        for record in records:
            if record.document is not None:
                documents.append(record.document)
                events.extend(record.events)
            elif record.error is not None:
                errors.append(record.error)
        if len({d.id for d in documents}) < len(documents):
            raise BadInputError("E110", path=source, reason="a document id appears twice")
        try:  # the checks a whole file gets; the lines themselves were checked as read
            return cls(documents=documents, events=events, errors=errors)
        except ValidationError as exc:
            raise BadInputError("E110", path=source, reason=validation_reason(exc)) from exc

    @classmethod
    def load(cls, path: Path) -> Timeline:
        """A timeline JSON file, or the JSON Lines that ``extract --jsonl`` writes."""
        if path.name.casefold().endswith(".jsonl"):
            from timeline.batch.records import read_records

            return cls.from_records(read_records(path), source=str(path))
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise BadInputError("E110", path=path, reason=str(exc)) from exc
        return cls.from_json(text, source=str(path))


class Record(_Model):
    """One line of a timeline in JSON Lines: a document with its events, or why it failed.

    ``timeline extract --jsonl`` writes one per document as it finishes; the
    lines of a file together are a :class:`Timeline` (:meth:`Timeline.from_records`).
    """

    schema_version: Literal[3, 4] = Field(
        default=SCHEMA_VERSION, description="lines of version 3 files stay readable (--resume)")
    id: str | None = Field(description="the document's id; null for an input that had none")
    source: str = Field(description="where the input came from: a path, or path:line")
    sha256: str | None = Field(
        description="hash of the input (text and its own fields): what --resume skips by")
    document: Document | None = None
    events: list[Event] = Field(default_factory=list)
    error: DocumentError | None = None

    @model_validator(mode="after")
    def _document_or_error(self) -> Record:
        if (self.document is None) == (self.error is None):
            raise ValueError("a line holds either a document or an error")
        return self


def validation_reason(exc: ValidationError) -> str:
    """The first problem pydantic found, said as where and what."""
    first = exc.errors()[0]
    where = ".".join(str(part) for part in first["loc"])
    what = first["msg"].removeprefix("Value error, ")
    return f"{where}: {what}" if where else what


def _schema(model: type[_Model], title: str) -> dict[str, object]:
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"{title}, schema version {SCHEMA_VERSION}"
    return schema


def json_schema() -> dict[str, object]:
    return _schema(Timeline, "Timeline JSON")


def schema_text() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


def records_schema_text() -> str:
    """The JSON Schema of one line of ``extract --jsonl``."""
    return json.dumps(_schema(Record, "Timeline JSON Lines, one line"), indent=2,
                      ensure_ascii=False) + "\n"


if __name__ == "__main__":  # regenerate the committed schema
    SCHEMA_PATH.parent.mkdir(exist_ok=True)
    SCHEMA_PATH.write_text(schema_text(), encoding="utf-8")
    RECORDS_SCHEMA_PATH.write_text(records_schema_text(), encoding="utf-8")
    sys.stdout.write(f"wrote {SCHEMA_PATH} and {RECORDS_SCHEMA_PATH}\n")
