"""The reader: a document's whole text with its time expressions, triggers and
names marked, as one self-contained HTML page for the dashboard's iframe.

Marks come in layers, outermost first: the selected event's sentence, the
sentences events were found in, time expressions, triggers, names. Each layer
is made disjoint once (:func:`timeline.views.text.disjoint`: an earlier mark wins),
and each inner layer is cut at the edges of the outer ones, so elements always
nest and every character of the text is written exactly once. A time
expression is shown whole and wins over the trigger and names inside it.
Jinja2 escapes every piece of user text; the only unescaped inserts are our own
stylesheet and script.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from timeline.model import Document, Event, Timex, TimexType, Trigger, happenings
from timeline.time.wording import describe_value, words
from timeline.views.jinja import Templates
from timeline.views.text import disjoint

_TYPE_WORDS = {TimexType.DATE: "date", TimexType.TIME: "time", TimexType.DURATION: "duration",
               TimexType.SET: "recurring"}
# the dashboard speaks English: its words for kinds of names are en.json's, as on a page
KIND_WORDS: dict[str, str] = words("en").phrases["page"]["kinds"]
_LEGEND = [*((f"timex {kind.value}", word) for kind, word in _TYPE_WORDS.items()),
           ("timex DATE inferred", "inferred"), ("trigger", "what happened"),
           *((f"participant {kind}", word) for kind, word in KIND_WORDS.items())]
_templates = Templates("timeline.views")


@dataclass(frozen=True)
class _Element:
    """An element wrapped around some of the text; ``attributes`` are ours, values escaped."""

    tag: str
    css: str
    title: str = ""
    attributes: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    element: _Element


@dataclass(frozen=True)
class _Node:
    """Plain text (no ``element``) or an element around its children."""

    text: str = ""
    element: _Element | None = None
    children: list[_Node] = field(default_factory=list)


@dataclass(frozen=True)
class _Layer:
    """Disjoint marks in text order; ``opaque``: no inner layer is drawn inside them."""

    marks: list[_Mark]
    ends: list[int]
    opaque: bool = False

    @classmethod
    def of(cls, marks: list[_Mark], length: int, opaque: bool = False) -> _Layer:
        """Marks clipped to the text; one that overlaps an earlier kept one is dropped."""
        kept = [_Mark(start, end, element) for start, end, element in
                disjoint(((m.start, m.end, m.element) for m in marks), 0, length)]
        return cls(kept, [mark.end for mark in kept], opaque)

    def cut(self, start: int, end: int) -> Iterator[tuple[int, int, _Mark | None]]:
        """``[start, end)`` as consecutive stretches, each inside one mark or none."""
        position = start
        for index in range(bisect_right(self.ends, start), len(self.marks)):
            mark = self.marks[index]
            if mark.start >= end:
                break
            mark_start, mark_end = max(mark.start, start), min(mark.end, end)
            if position < mark_start:
                yield position, mark_start, None
            yield mark_start, mark_end, mark
            position = mark_end
        if position < end:
            yield position, end, None


def _nodes(text: str, start: int, end: int, layers: list[_Layer]) -> list[_Node]:
    """``text[start:end]`` as a tree of the layers' elements over plain text."""
    if not layers:
        return [_Node(text[start:end])] if start < end else []
    layer, inner = layers[0], layers[1:]
    out: list[_Node] = []
    for piece_start, piece_end, mark in layer.cut(start, end):
        children = _nodes(text, piece_start, piece_end,
                          [] if mark and layer.opaque else inner)
        out += [_Node(element=mark.element, children=children)] if mark else children
    return out


class _Telling(NamedTuple):
    start: int
    end: int
    timex_id: str | None
    happenings: list[Trigger]  # its trigger, then the other triggers


def _tellings(document: Document, event: Event) -> list[_Telling]:
    """Where in this document the event is told: its sentence, trigger and
    expression, its own first."""
    own = [_Telling(event.sentence_start, event.sentence_end, event.timex_id,
                    happenings(event))] if event.doc_id == document.id else []
    return own + [_Telling(m.sentence_start, m.sentence_end, m.timex_id, happenings(m))
                  for m in event.mentions if (m.doc_id or event.doc_id) == document.id]


def _selected_marks(document: Document, events: list[Event], selected: str | None
                    ) -> list[_Mark]:
    """The selected event's sentence, naming its expression for the script to start from."""
    tellings = [t for e in events if e.id == selected for t in _tellings(document, e)]
    if not tellings:
        return []
    first = tellings[0]
    attributes = (("id", "selected"),) + ((("data-timex", first.timex_id),)
                                          if first.timex_id else ())
    return [_Mark(first.start, first.end, _Element("span", "selected", attributes=attributes))]


def _sentence_marks(document: Document, events: list[Event]) -> list[_Mark]:
    """One element per sentence, naming every event told in it."""
    told: dict[tuple[int, int], list[str]] = {}
    for event in events:
        for telling in _tellings(document, event):
            ids = told.setdefault((telling.start, telling.end), [])
            if event.id not in ids:
                ids.append(event.id)
    return [_Mark(start, end, _Element("span", "sentence",
                                       attributes=(("data-event", " ".join(ids)),)))
            for (start, end), ids in told.items()]


def _timex_title(timex: Timex, language: str, dct: date | None) -> str:
    """The expression as people write it, then what kind it is."""
    words = describe_value(timex.type.value, timex.value, timex.mod, language, dct)
    kind = _TYPE_WORDS[timex.type] + (", inferred from an earlier date" if timex.inferred else "")
    return f"{words.full()} · {kind}"


def _timex_marks(document: Document) -> list[_Mark]:
    # a narrative's "now" is its story's, not the date it was written (as the events builder)
    dct = date.fromisoformat(document.dct) if document.dct and \
        document.doc_type != "narrative" else None
    return [_Mark(t.start, t.end, _Element(
        "mark", f"timex {t.type.value}{' inferred' if t.inferred else ''}",
        _timex_title(t, document.language, dct), (("data-timex", t.id),)))
        for t in document.timexes]


def _trigger_marks(document: Document, events: list[Event]) -> list[_Mark]:
    """Each trigger part once (the other happenings' too), its hover naming what
    happened (every event it names)."""
    titles: dict[tuple[int, int], list[str]] = {}
    for event in events:
        for telling in _tellings(document, event):
            for part in [part for trigger in telling.happenings
                         for part in (trigger.parts or [trigger])]:
                named = titles.setdefault((part.start, part.end), [])
                if event.title not in named:
                    named.append(event.title)
    return [_Mark(start, end, _Element("span", "trigger", "what happened: " + " / ".join(named)))
            for (start, end), named in titles.items()]


def _participant_marks(document: Document, events: list[Event]) -> list[_Mark]:
    """Each name once; participants' offsets are in their event's own document, and a
    name a person typed that the text does not have has none."""
    kinds = {(p.start, p.end): p.kind for e in events if e.doc_id == document.id
             for p in e.participants if p.start is not None and p.end is not None}
    return [_Mark(start, end, _Element("span", f"participant {kind}", KIND_WORDS[kind]))
            for (start, end), kind in kinds.items()]


def _legend(layers: list[_Layer]) -> list[tuple[str, str, int]]:
    """Each kind of mark the text has, styled as in the text, with how many are shown."""
    shown = set()
    for mark in (mark for layer in layers for mark in layer.marks):
        # inferred whatever its type (nearly all are dates); a trigger in parts
        # ("Beginn ... Angriffskriegs") once, by the event(s) it names
        css = "timex DATE inferred" if mark.element.css.endswith(" inferred") else mark.element.css
        shown.add((css, mark.element.title if css == "trigger" else mark.start))
    counts = Counter(css for css, _ in shown)
    return [(css, word, counts[css]) for css, word in _LEGEND if counts[css]]



def reader_html(document: Document, events: list[Event], selected: str | None = None,
                height: int = 520) -> str:
    """The document's text as one HTML page ``height`` pixels tall (give the iframe
    the same height): a bar with the legend and buttons that step through the
    time expressions, over the text, which scrolls to the ``selected`` event's
    sentence when it loads."""
    length = len(document.text)
    timexes = _Layer.of(_timex_marks(document), length, opaque=True)
    triggers = _Layer.of(_trigger_marks(document, events), length)
    participants = _Layer.of(_participant_marks(document, events), length)
    layers = [_Layer.of(_selected_marks(document, events, selected), length),
              _Layer.of(_sentence_marks(document, events), length),
              timexes, triggers, participants]
    return _templates.render(
        "reader.html.j2", language=document.language, height=int(height),
        css=_templates.asset("reader.css"), script=_templates.asset("reader.js"),
        legend=_legend([timexes, triggers, participants]),
        expressions=len(timexes.marks), nodes=_nodes(document.text, 0, length, layers))
