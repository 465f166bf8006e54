"""A stretch of the user's text cut into plain and marked pieces.

Views show where an event was found: its sentence with the time expression and
the trigger marked. They get the pieces as data, not markup, and escape each
piece themselves, so user text never becomes markup.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeVar

from timeline.model import Document, Event, happenings

T = TypeVar("T")


@dataclass(frozen=True)
class Piece:
    text: str
    mark: str | None = None  # "timex", "trigger" or None


def disjoint(marks: Iterable[tuple[int, int, T]], start: int, end: int
             ) -> list[tuple[int, int, T]]:
    """``marks`` (start, end, payload) cut to ``[start, end)``, in text order, each
    that overlaps an earlier one dropped (ties in place: the first given wins)."""
    kept: list[tuple[int, int, T]] = []
    for mark_start, mark_end, payload in sorted(marks, key=lambda m: (m[0], m[1])):
        mark_start, mark_end = max(mark_start, start), min(mark_end, end)
        if mark_start < mark_end and (not kept or mark_start >= kept[-1][1]):
            kept.append((mark_start, mark_end, payload))
    return kept


def pieces(text: str, start: int, end: int, marks: list[tuple[int, int, str]]) -> list[Piece]:
    """``text[start:end]`` in pieces; ``marks`` (start, end, kind) that overlap an
    earlier one are dropped, parts outside the stretch are cut off."""
    out, position = [], start
    for mark_start, mark_end, kind in disjoint(marks, start, end):
        if position < mark_start:
            out.append(Piece(text[position:mark_start]))
        out.append(Piece(text[mark_start:mark_end], kind))
        position = mark_end
    if position < end:
        out.append(Piece(text[position:end]))
    return out


def event_sentence(document: Document, event: Event) -> list[Piece]:
    """The event's first sentence with its time expression(s) and triggers (the other
    happenings' too) marked."""
    timexes = {t.id: t for t in document.timexes}
    marks = [(timexes[tid].start, timexes[tid].end, "timex")
             for tid in (event.timex_id, event.end_timex_id) if tid in timexes]
    for trigger in happenings(event):
        marks += [(part.start, part.end, "trigger") for part in trigger.parts or [trigger]]
    return pieces(document.text, event.sentence_start, event.sentence_end, marks)
