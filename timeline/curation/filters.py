"""Finding one's way among many events: by time, document, participant and kind.

A filter narrows what the figure and the table show; it never changes the
timeline itself, so the exports keep every event a person kept.
"""

from __future__ import annotations

from dataclasses import dataclass

from timeline.model import Event, Timeline
from timeline.time.chrono import Instant

KINDS = ("day", "period", "recurring", "open", "undated", "uncertain", "inferred", "manual",
         "edited", "excluded")


def kinds_of(event: Event) -> set[str]:
    """The kinds a person can filter by; an event has one or more."""
    kinds = set()
    if event.recurring:
        kinds.add("recurring")
    elif event.start is None and event.end is None:  # "questioned for three days", "im Juli"
        kinds.add("undated")
    elif event.start is None or event.end is None:
        kinds.add("open")
    elif event.granularity.is_point_like and not event.end_value and \
            Instant.parse(event.end).days - Instant.parse(event.start).days <= 1:
        kinds.add("day")
    else:
        kinds.add("period")
    for flag, kind in ((event.uncertain, "uncertain"), (event.inferred, "inferred"),
                       (event.source == "manual", "manual"), (bool(event.edited), "edited"),
                       (not event.included, "excluded")):
        if flag:
            kinds.add(kind)
    return kinds


def extent(timeline: Timeline) -> tuple[Instant, Instant] | None:
    """From the first start to the last end of every placed event."""
    ends = [Instant.parse(x) for e in timeline.events for x in (e.start, e.end) if x]
    return (min(ends), max(ends)) if ends else None


def participants_of(timeline: Timeline) -> list[str]:
    """Every participant's name, the most often named first."""
    counts: dict[str, int] = {}
    for event in timeline.events:
        for name in {p.text for p in event.participants}:
            counts[name] = counts.get(name, 0) + 1
    return sorted(counts, key=lambda name: (-counts[name], name.casefold()))


@dataclass(frozen=True)
class Filter:
    """``None`` means no restriction; the time window keeps what overlaps it."""

    start: Instant | None = None
    end: Instant | None = None
    documents: frozenset[str] | None = None
    participants: frozenset[str] | None = None
    kinds: frozenset[str] | None = None

    def keeps(self, event: Event) -> bool:
        if self.documents is not None and event.doc_id not in self.documents:
            return False
        if self.participants is not None and \
                not self.participants & {p.text for p in event.participants}:
            return False
        if self.kinds is not None and not self.kinds & kinds_of(event):
            return False
        return self._in_window(event)

    def _in_window(self, event: Event) -> bool:
        if event.recurring or (event.start is None and event.end is None):
            return True  # not on the time axis: no window can leave it out
        first = Instant.parse(event.start) if event.start else None
        after = Instant.parse(event.end) if event.end else None
        if self.end is not None and first is not None and first >= self.end:
            return False
        return self.start is None or after is None or after > self.start

    def apply(self, timeline: Timeline) -> Timeline:
        return timeline.model_copy(update={"events": [e for e in timeline.events
                                                      if self.keeps(e)]})
