"""A stretch of the user's text cut into plain and marked pieces.

Views show where an event was found: its sentence with the time expression and
the trigger marked. They get the pieces as data, not markup, and escape each
piece themselves, so user text never becomes markup.
"""

from __future__ import annotations

from dataclasses import dataclass

from timeline.model import Document, Event


@dataclass(frozen=True)
class Piece:
    text: str
    mark: str | None = None  # "timex", "trigger" or None


def pieces(text: str, start: int, end: int, marks: list[tuple[int, int, str]]) -> list[Piece]:
    """``text[start:end]`` in pieces; ``marks`` (start, end, kind) that overlap an
    earlier one are dropped, parts outside the stretch are cut off."""
    kept: list[tuple[int, int, str]] = []
    for mark_start, mark_end, kind in sorted(marks):
        mark_start, mark_end = max(mark_start, start), min(mark_end, end)
        if mark_start < mark_end and all(mark_start >= e or mark_end <= s for s, e, _ in kept):
            kept.append((mark_start, mark_end, kind))
    out, position = [], start
    for mark_start, mark_end, kind in sorted(kept):
        if position < mark_start:
            out.append(Piece(text[position:mark_start]))
        out.append(Piece(text[mark_start:mark_end], kind))
        position = mark_end
    if position < end:
        out.append(Piece(text[position:end]))
    return out


def event_sentence(document: Document, event: Event) -> list[Piece]:
    """The event's first sentence with its time expression(s) and trigger marked."""
    timexes = {t.id: t for t in document.timexes}
    marks = [(timexes[tid].start, timexes[tid].end, "timex")
             for tid in (event.timex_id, event.end_timex_id) if tid in timexes]
    if event.trigger:
        parts = event.trigger.parts or [event.trigger]
        marks += [(part.start, part.end, "trigger") for part in parts]
    return pieces(document.text, event.sentence_start, event.sentence_end, marks)
