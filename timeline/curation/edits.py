"""A person's changes to a machine timeline, kept apart from it.

The machine's events are the base; a :class:`Curation` records what a person
did to them, keyed by where an event's expression stands in the text (which
re-tagging with another date or type keeps), plus the events they added.
Applying it to a base gives the curated timeline, and applying it again to a
re-tagged document keeps the person's work. Every curated event says what a
person changed (``source``, ``edited``), so a saved timeline still tells
machine from human when it is reopened.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from timeline.curation.dates import parse_event_date, value_at
from timeline.errors import BadInputError, TimelineError
from timeline.model import EditedField, Event, Mention, Participant, Timeline, Timex
from timeline.time.chrono import Instant
from timeline.time.semantics import span_of

_NAME_SPLIT = re.compile(r"\s*[,;]\s*")


def event_key(event: Event, timexes: dict[tuple[str, str], Timex]) -> str:
    """What a person's change is attached to: the expression's place in the text
    for a machine event, the id for one a person added."""
    if event.source == "manual" or event.timex_id is None:
        return event.id
    timex = timexes[(event.doc_id, event.timex_id)]
    return f"{event.doc_id}@{timex.start}-{timex.end}"


@dataclass
class Change:
    """What a person set on one event; ``None`` leaves the machine's value."""

    title: str | None = None
    value: str | None = None
    end_value: str | None = None
    clear_end: bool = False
    included: bool | None = None
    participants: list[str] | None = None

    def fields(self) -> list[EditedField]:
        """The fields this change sets, as ``Event.edited`` names them."""
        named: list[tuple[bool, EditedField]] = [
            (self.title is not None, "title"), (self.value is not None, "date"),
            (self.end_value is not None or self.clear_end, "end"),
            (self.included is not None, "included"),
            (self.participants is not None, "participants")]
        return [name for is_set, name in named if is_set]


@dataclass
class Curation:
    """Everything a person did, in a form that survives reruns and re-tagging."""

    changes: dict[str, Change] = field(default_factory=lambda: defaultdict(Change))
    deleted: set[str] = field(default_factory=set)
    merged: dict[str, str] = field(default_factory=dict)  # absorbed key -> kept key
    added: list[Event] = field(default_factory=list)
    problems: dict[tuple[str, str], str] = field(default_factory=dict)  # (key, column) -> why

    # -- what a person does -------------------------------------------------

    def set_title(self, key: str, title: str) -> None:
        title = " ".join(title.split())
        if not title:
            self.problems[(key, "title")] = "A title cannot be empty."
            return
        self.problems.pop((key, "title"), None)
        self.changes[key].title = title

    def set_date(self, key: str, typed: str) -> None:
        """``typed`` as people write dates; a bad one is kept as a problem, not applied."""
        try:
            self.changes[key].value = parse_event_date(typed)
        except BadInputError as exc:
            self.problems[(key, "date")] = str(exc)
        else:
            self.problems.pop((key, "date"), None)

    def set_end(self, key: str, typed: str, event: Event) -> None:
        """The last day (inclusive) of ``event``; empty takes a typed end back."""
        change = self.changes[key]
        if not typed.strip():
            change.end_value, change.clear_end = None, True
            self.problems.pop((key, "end"), None)
            return
        try:
            value = parse_event_date(typed)
            end = span_of("DATE", value)
            start = span_of("DATE", change.value) if change.value else None
            first = start.start if start else (Instant.parse(event.start) if event.start else None)
            if end is None or end.end is None or (first is not None and end.end <= first):
                raise TimelineError("E123", value=typed)
        except TimelineError as exc:
            self.problems[(key, "end")] = str(exc)
            return
        self.problems.pop((key, "end"), None)
        change.end_value, change.clear_end = value, False

    def set_included(self, key: str, included: bool) -> None:
        self.changes[key].included = included

    def set_participants(self, key: str, typed: str) -> None:
        self.changes[key].participants = [n for n in _NAME_SPLIT.split(typed.strip()) if n]

    def delete(self, key: str) -> None:
        self.deleted.add(key)
        self.added = [e for e in self.added if e.id != key]
        self.changes.pop(key, None)
        for problem in [p for p in self.problems if p[0] == key]:
            del self.problems[problem]

    def add(self, timeline: Timeline, doc_id: str, typed_date: str, title: str,
            sentence: int | None = None) -> str:
        """A person's own event (optionally told by one of the document's sentences);
        raises :class:`BadInputError` if the date or title cannot be used."""
        value = parse_event_date(typed_date)
        title = " ".join(title.split())
        if not title:
            raise BadInputError("E124")
        document = next(d for d in timeline.documents if d.id == doc_id)
        taken = {e.id for e in timeline.events} | {e.id for e in self.added}
        number = 1
        while f"{doc_id}:m{number}" in taken:
            number += 1
        start = end = 0
        if sentence is not None:
            start, end = document.sentences[sentence].start, document.sentences[sentence].end
        span = span_of("DATE", value)
        assert span is not None and span.start is not None  # parse_event_date checked it
        event = Event(
            id=f"{doc_id}:m{number}", doc_id=doc_id, timex_id=None, title=title,
            sentence=document.text[start:end], sentence_start=start, sentence_end=end,
            clause=document.text[start:end], clause_start=start, clause_end=end,
            start=span.start.iso(), end=span.end.iso() if span.end else None,
            granularity=span.granularity, source="manual", value=value)
        self.added.append(event)
        return event.id

    def merge(self, timeline: Timeline, keep: str, absorb: str) -> None:
        """One event told twice: ``absorb``'s mentions and participants join ``keep``."""
        keys = keys_of(timeline)
        if keep == absorb:
            raise TimelineError("E122", first=keep, second=absorb, reason="it is the same event")
        for key in (keep, absorb):
            if key not in keys.values():
                raise TimelineError("E122", first=keep, second=absorb,
                                    reason=f"{key!r} is not in the timeline")
        self.merged[absorb] = keep
        for key, into in self.merged.items():  # whatever was merged into it follows it
            if into == absorb:
                self.merged[key] = keep

    # -- the result ---------------------------------------------------------

    def apply(self, base: Timeline) -> Timeline:
        """``base`` with every change; the base itself is left as it was."""
        timexes = base.timex_index()
        # a person's events of a document that is not there now (it failed this run)
        # wait for it, rather than being lost
        present = {document.id for document in base.documents}
        events = [*base.events, *(e for e in self.added if e.doc_id in present)]
        keyed = [(event_key(e, timexes), e) for e in events]
        by_key = dict(keyed)
        absorbed: dict[str, list[Event]] = defaultdict(list)
        for gone, kept in self.merged.items():
            if gone in by_key and kept in by_key and kept not in self.deleted:
                absorbed[kept].append(by_key[gone])
        out = []
        for key, event in keyed:
            if key in self.deleted or (key in self.merged and self.merged[key] in by_key
                                       and self.merged[key] not in self.deleted):
                continue
            out.append(self._curated(event, key, absorbed[key], base))
        return base.model_copy(update={"events": out})

    def _curated(self, event: Event, key: str, absorbed: list[Event], base: Timeline) -> Event:
        change = self.changes.get(key)
        if change is None and not absorbed:
            return event
        event = event.model_copy(deep=True)
        edited: list[EditedField] = list(event.edited)
        if change is not None:
            if change.title is not None:
                event.title = change.title
            if change.included is not None:
                event.included = change.included
            if change.participants is not None:
                event.participants = _participants(change.participants, event, base)
            if change.value is not None or change.end_value is not None or change.clear_end:
                _redate(event, change, base)
            edited += change.fields()
        for other in absorbed:
            _absorb(event, other)
            edited.append("mentions")
        event.edited = list(dict.fromkeys(edited))
        return event

    @classmethod
    def of(cls, timeline: Timeline) -> tuple[Timeline, Curation]:
        """A reopened timeline as base and curation: its manual events become added
        ones and its edited fields changes, so re-tagging a document keeps them."""
        timexes = timeline.timex_index()
        curation = cls()
        base = []
        for event in timeline.events:
            if event.source == "manual":
                curation.added.append(event)
                continue
            base.append(event)
            if not event.edited:
                continue
            key = event_key(event, timexes)
            change = curation.changes[key]
            if "title" in event.edited:
                change.title = event.title
            if "included" in event.edited:
                change.included = event.included
            if "participants" in event.edited:
                change.participants = [p.text for p in event.participants]
            if "date" in event.edited and event.value:
                change.value = event.value
            if "end" in event.edited:
                change.end_value, change.clear_end = event.end_value, not event.end_value
            if "mentions" in event.edited:
                for mention in event.mentions[1:]:
                    told = timexes.get((mention.doc_id or event.doc_id, mention.timex_id))
                    if told is not None:
                        curation.merged[f"{mention.doc_id or event.doc_id}@{told.start}-"
                                        f"{told.end}"] = key
        return timeline.model_copy(update={"events": base}), curation


def keys_of(timeline: Timeline) -> dict[str, str]:
    """Event id -> key, for views that show ids and act on keys."""
    timexes = timeline.timex_index()
    return {event.id: event_key(event, timexes) for event in timeline.events}


def _redate(event: Event, change: Change, base: Timeline) -> None:
    """Place the event at the date a person gave (and until the end they gave)."""
    value = change.value or event.value
    if value is None and event.start is not None:
        value = value_at(Instant.parse(event.start), event.granularity)
    if value is None:
        value = base.dating(event)[0].value
    span = span_of("DATE", value)
    if span is None or span.start is None:
        return
    end_value = None if change.clear_end else (change.end_value or event.end_value)
    end = span_of("DATE", end_value).end if end_value else span.end  # type: ignore[union-attr]
    event.value, event.end_value = value, end_value
    event.start = span.start.iso()
    event.end = end.iso() if end is not None and end > span.start else (
        span.end.iso() if span.end else None)
    event.granularity = span.granularity
    event.approximate = event.uncertain = event.inferred = event.recurring = False
    event.uncertain_start = event.uncertain_end = False


def _participants(names: list[str], event: Event, base: Timeline) -> list[Participant]:
    """Typed names, with the place and kind the machine found where it found them."""
    known = {p.text: p for p in event.participants}
    text = next(d.text for d in base.documents if d.id == event.doc_id)
    out = []
    for name in names:
        if name in known:
            out.append(known[name])
            continue
        where = text.find(name, event.sentence_start, max(event.sentence_end, event.sentence_start))
        out.append(Participant(text=name, start=where if where >= 0 else None,
                               end=where + len(name) if where >= 0 else None, kind="MISC"))
    return out


def _absorb(event: Event, other: Event) -> None:
    mentions = other.mentions or ([Mention(
        timex_id=other.timex_id, sentence_start=other.sentence_start,
        sentence_end=other.sentence_end, clause_start=other.clause_start,
        clause_end=other.clause_end, trigger=other.trigger,
        other_triggers=other.other_triggers)] if other.timex_id else [])
    if not event.mentions and event.timex_id:
        event.mentions = [Mention(
            timex_id=event.timex_id, sentence_start=event.sentence_start,
            sentence_end=event.sentence_end, clause_start=event.clause_start,
            clause_end=event.clause_end, trigger=event.trigger,
            other_triggers=event.other_triggers)]
    for mention in mentions:
        doc_id = mention.doc_id or other.doc_id
        event.mentions.append(mention.model_copy(
            update={"doc_id": None if doc_id == event.doc_id else doc_id}))
    names = {p.text for p in event.participants}
    for person in other.participants:
        if person.text not in names:  # offsets only into the event's own document
            event.participants.append(person if other.doc_id == event.doc_id else
                                      person.model_copy(update={"start": None, "end": None}))
