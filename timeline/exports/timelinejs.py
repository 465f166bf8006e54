"""TimelineJS 3 JSON (Knight Lab's documented format), for journalists who tell
their story with TimelineJS: one slide per event, a group per document.

Dates are TimelineJS date objects (``year`` required, then month, day, hour,
minute, second); years are astronomical as JavaScript's ``Date`` counts them
(264 BC is -263), and every BC, uncertain, open or recurring date carries a
``display_date`` in words, so TimelineJS shows "264 v. Chr." or "seit 2008"
rather than a number. TimelineJS renders ``text`` fields as HTML: ours are
escaped, and links are not made from user text (``autolink: false``).
"""

from __future__ import annotations

import html
from typing import Any

from timeline.model import Event, Timeline
from timeline.time.chrono import SECONDS_PER_DAY, Instant
from timeline.time.semantics import Granularity
from timeline.time.wording import When, describe_events

_DEPTH = {Granularity.CENTURY: 1, Granularity.DECADE: 1, Granularity.YEAR: 1,
          Granularity.HALF: 2, Granularity.QUARTER: 2, Granularity.SEASON: 2,
          Granularity.MONTH: 2, Granularity.WEEK: 3, Granularity.DAY: 3,
          Granularity.PART_OF_DAY: 4, Granularity.HOUR: 4, Granularity.MINUTE: 5,
          Granularity.SECOND: 6}
_FIELDS = ("year", "month", "day", "hour", "minute", "second")


def _date(instant: Instant, depth: int, display: str) -> dict[str, Any]:
    """A TimelineJS date object down to ``depth`` fields; BC ones say how to show them."""
    year, month, day = instant.civil()
    rest = instant.seconds - instant.days * SECONDS_PER_DAY
    values = (year, month, day, rest // 3600, rest // 60 % 60, rest % 60)
    out: dict[str, Any] = dict(zip(_FIELDS[:depth], values[:depth]))
    if year <= 0:
        out["display_date"] = display
    return out


def _slide(event: Event, when: When, group: str, text: str) -> dict[str, Any] | None:
    """One event as a slide; ``display_date`` always, so the date reads as we say it."""
    known = event.start or event.end  # an open start: its known end is what we have
    if known is None:
        return None
    depth = _DEPTH[event.granularity]
    slide: dict[str, Any] = {
        "unique_id": event.id,
        "start_date": _date(Instant.parse(known), depth, when.start or when.text),
        "display_date": when.full(),
        "text": {"headline": html.escape(event.title), "text": text},
        "group": html.escape(group),
        "autolink": False,
    }
    if event.start and event.end and when.start != when.end:
        last = Instant.parse(event.end).plus(seconds=-1)
        slide["end_date"] = _date(last, depth, when.end)
    return slide


def timelinejs(timeline: Timeline, title: str) -> dict[str, Any]:
    documents = {d.id: d for d in timeline.documents}
    events = []
    for event, when in zip(timeline.events, describe_events(timeline)):
        quote = f"<blockquote>{html.escape(event.sentence)}</blockquote>"
        who = ", ".join(html.escape(p.text) for p in event.participants)
        text = quote + (f"<p>{who}</p>" if who else "")
        slide = _slide(event, when, documents[event.doc_id].title, text)
        if slide is not None:
            events.append(slide)
    years = [s["start_date"]["year"] for s in events]
    return {"title": {"text": {"headline": html.escape(title),
                               "text": html.escape(f"{len(events)} events from "
                                                   f"{len(timeline.documents)} document(s)")}},
            "events": events,
            "scale": "human" if all(-271_000 < y < 275_000 for y in years) else "cosmological"}
