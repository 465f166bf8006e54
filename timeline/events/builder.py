"""From dated expressions to events: what happened when, who took part, where told.

One event per placed expression: DATE/TIME values (a period and the day that ends
it, "the quarter ending June 30", are one: the period's), ranges written as two
expressions ("von 1939 bis 1945"), durations with an anchor ("seit drei
Jahren", "in den vergangenen Monaten", laid against the DCT; "vor drei Jahren",
counted back from it) and SETs (kept
as recurring, not placed). Where the language file asks for it
(``undated_duration_events``), a duration nothing anchors ("questioned for
three days") is an undated event too: it tells how long the happening it
measures lasted (TimeML's DURING), listed and not drawn. Each gets its clause,
trigger, the other happenings the same expression dates, participants and
title; the same happening told twice (same time, and the same trigger or an
anaphor pointing back at it) becomes one event with several mentions. The
builder reads the document and the analysed ``Doc`` and only adds events.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from spacy.tokens import Doc, Span

from timeline.events.clauses import clause_of, scene_clause, trimmed
from timeline.events.happenings import other_happenings
from timeline.events.names import Name, Names, find_names, participants
from timeline.events.titles import shorten, title
from timeline.events.triggers import Found, find_trigger
from timeline.model import (
    Document,
    Event,
    Interval,
    Mention,
    Participant,
    Timex,
    TimexType,
)
from timeline.tagging.lexicon import Lexicon, lexicon
from timeline.tagging.nlp import timex_span
from timeline.time.anaphora import counted_back
from timeline.time.semantics import (
    Granularity,
    anchored_span,
    day_span,
    duration_granularity,
)

_PLACEABLE = (TimexType.DATE, TimexType.TIME)
# "kurz zuvor", "wenig später": before or after the story's now, which only a DCT gives
_STORY_RELATIVE = {"PAST_REF", "FUTURE_REF"}


@dataclass
class _Draft:
    timex: Timex
    end_timex: Timex | None
    interval: Interval | None
    recurring: bool
    lasting: bool = False  # a duration nothing anchors: how long, not when
    phrase_end: Timex | None = None  # the day ending a period's phrase ("ending June 30")


def _duration_interval(timex: Timex, span: Span, lex: Lexicon, dct: date | None
                       ) -> Interval | None:
    """A duration anchored at the DCT by a cue before or inside it ("seit", "vergangenen")."""
    if dct is None:
        return None
    doc = span.doc
    words = {t.lower_ for t in doc[max(0, span.start - 2):span.end]}
    if words & set(lex.words("duration_past_cues")):
        towards = "past"
    elif words & set(lex.words("duration_future_cues")):
        towards = "future"
    else:
        return None
    placed = anchored_span(timex.value, timex.mod, day_span(dct), towards)
    return Interval.from_span(placed) if placed else None


def _opened(interval: Interval, span: Span, lex: Lexicon, dct: date | None) -> Interval:
    """ "vor 2008" ends where 2008 starts, "nach 2008" starts where it ends, "seit
    2008" runs from its start to the DCT (open without one). HeidelTime leaves the
    preposition outside the expression and the value as it is; so do we."""
    if span.start == 0 or interval.start is None or interval.end is None:
        return interval
    word = span.doc[span.start - 1].lower_
    if word in lex.words("open_before_words"):
        return interval.model_copy(update={"start": None, "end": interval.start})
    if word in lex.words("open_after_words"):
        return interval.model_copy(update={"start": interval.end, "end": None})
    if word in lex.words("since_words"):
        end = day_span(dct).end.iso() if dct else None
        if end is None or end > interval.start:
            return interval.model_copy(update={"end": end})
    return interval


def _range_interval(first: Timex, last: Timex) -> Interval | None:
    a, b = first.interval, last.interval
    if a is None or b is None or a.start is None or b.end is None or a.start >= b.end:
        return None
    return Interval(start=a.start, end=b.end, granularity=a.granularity,
                    approximate=a.approximate or b.approximate,
                    uncertain_start=a.uncertain_start, uncertain_end=b.uncertain_end)


def _joined(text: str, first: Timex, last: Timex) -> bool:
    """Is a range written with a slash one? Only between neighbours of one unit
    ("2021/22", "Mai/Juni 1940", "27./28. September"): "Weltmeister (2005/2010)" lists two
    years, "Winter 1918/19" names one winter."""
    if text[first.end:last.start].strip() != "/":
        return True
    a, b = first.interval, last.interval
    return a is not None and b is not None and a.granularity == b.granularity and \
        a.end == b.start


def _period_ends(document: Document, lex: Lexicon) -> list[tuple[str, str]]:
    """A period and the day it ends on, one of ``period_joiners`` between them ("the
    quarter ending June 30"): the period is the happening's time, the day only says
    which period; not a range (the net income did not rise until June 30)."""
    joiners = frozenset(lex.words("period_joiners"))
    pairs = []
    for period, day in pairwise(sorted(document.timexes, key=lambda t: t.start)):
        between = document.text[period.end:day.start].split()
        a, b = period.interval, day.interval
        if len(between) == 1 and between[0].lower() in joiners and a is not None and \
                b is not None and b.granularity == Granularity.DAY and a.end is not None and \
                a.start is not None and b.end == a.end and a.start < b.start:
            pairs.append((period.id, day.id))
    return pairs


def _drafts(document: Document, doc: Doc, ranges: list[tuple[str, str]], lex: Lexicon,
            dct: date | None) -> list[_Draft]:
    by_id = {t.id: t for t in document.timexes}
    range_of = {a: b for a, b in ranges if a in by_id and b in by_id and
                _joined(document.text, by_id[a], by_id[b])}
    range_ends = set(range_of.values())
    phrase_end = {period: by_id[day] for period, day in _period_ends(document, lex)}
    phrase_days = {day.id for day in phrase_end.values()}
    drafts: list[_Draft] = []
    for timex in sorted(document.timexes, key=lambda t: t.start):
        if timex.id in range_ends or timex.id in phrase_days or \
                (timex.value in _STORY_RELATIVE and dct is None):
            continue
        if timex.id in range_of and (interval := _range_interval(timex, by_id[range_of[timex.id]])):
            drafts.append(_Draft(timex, by_id[range_of[timex.id]], interval, False))
        elif timex.type in _PLACEABLE and timex.interval is not None:
            span = timex_span(doc, timex.id)
            interval = _opened(timex.interval, span, lex, dct) if span else timex.interval
            drafts.append(_Draft(timex, None, interval, False,
                                 phrase_end=phrase_end.get(timex.id)))
        elif timex.type == TimexType.DURATION and timex.resolved:
            span = timex_span(doc, timex.id)
            if span is not None and (interval := (
                    ago.interval if (ago := counted_back(timex, span, lex, dct)) else
                    _duration_interval(timex, span, lex, dct))):
                drafts.append(_Draft(timex, None, interval, False))
            elif span is not None and lex.data.get("undated_duration_events"):
                drafts.append(_Draft(timex, None, None, False, lasting=True))
        elif timex.type == TimexType.SET:
            drafts.append(_Draft(timex, None, None, True))
    return drafts


def _granularity_of_set(value: str) -> Granularity:
    if "T" in value:
        return Granularity.HOUR
    if "-W" in value or value.endswith("W"):
        return Granularity.WEEK if value.count("-") < 2 else Granularity.DAY
    return Granularity.DAY if value.count("-") >= 2 or value.endswith("D") else Granularity.MONTH


@dataclass
class Told:
    """An event before the same happening told twice is joined, with the names in
    its sentence (which decide that joining)."""

    event: Event
    names: set[str]


Happenings = Callable[[Span, Found | None, Lexicon], list[Found]]


class EventBuilder:
    """``__call__(document, doc, ranges) -> events``; one instance serves all documents.

    In two steps for texts tagged in pieces: :meth:`told` per piece, then
    :meth:`join` once over the whole document. ``happenings`` chooses the other
    happenings an expression dates (``tools/happening_weights.py`` passes one that
    records the candidates to learn from).
    """

    def __init__(self, happenings: Happenings = other_happenings) -> None:
        self.happenings = happenings

    def __call__(self, document: Document, doc: Doc,
                 ranges: list[tuple[str, str]] | None = None) -> list[Event]:
        return self.join(self.told(document, doc, ranges)[0], document)

    def told(self, document: Document, doc: Doc, ranges: list[tuple[str, str]] | None = None
             ) -> tuple[list[Told], Names]:
        """One event per dated expression, in text order, and the text's names."""
        lex = lexicon(document.language)
        names = find_names(doc, lex)
        # a narrative's "now" is its story's, not the date it was written: nothing is
        # laid against its DCT ("seit 1929" stays open, "zwei Monate" unplaced)
        dct = date.fromisoformat(document.dct) if document.dct and \
            document.doc_type != "narrative" else None
        events = [e for draft in _drafts(document, doc, ranges or [], lex, dct)
                  if (e := self._event(document, doc, draft, names.names, lex)) is not None]
        return [Told(e, {p.text for p in participants(names.names, e.sentence_start,
                                                      e.sentence_end)})
                for e in events], names

    @staticmethod
    def join(told: list[Told], document: Document) -> list[Event]:
        """The same happening told twice as one event; ids numbered in text order."""
        merged = _merge(told, document)
        for number, event in enumerate(merged, start=1):
            event.id = f"{document.id}:e{number}"
        return merged

    def _event(self, document: Document, doc: Doc, draft: _Draft, names: list[Name],
               lex: Lexicon) -> Event | None:
        timex = draft.timex
        span = timex_span(doc, timex.id)
        if span is None:
            return None
        ends = [s for s in [timex_span(doc, draft.end_timex.id)] if s is not None] \
            if draft.end_timex else []
        sentence = span.sent
        clause = trimmed(clause_of(sentence, span.start, lex))
        clause = scene_clause(sentence, span, clause, lex) or clause
        if draft.phrase_end and (end := timex_span(doc, draft.phrase_end.id)) is not None:
            span = doc[span.start:end.end]  # "the quarter ending June 30": one date phrase
        found = find_trigger(span, clause, document.language)
        who = participants(names, clause.start_char, clause.end_char) or \
            participants(names, sentence.start_char, sentence.end_char)
        speaker = next((p.text for p in who if p.kind == "PER"), None)
        interval = draft.interval
        sentence_span = trimmed(sentence, punctuation=False)
        trigger = found.model() if found else None
        # the other happenings' model learnt from dates; for a duration it lost precision
        others = [] if draft.lasting else \
            [other.model() for other in self.happenings(span, found, lex)]
        mention = Mention(timex_id=timex.id, sentence_start=sentence_span.start_char,
                          sentence_end=sentence_span.end_char, clause_start=clause.start_char,
                          clause_end=clause.end_char, trigger=trigger, other_triggers=others)
        approximate = bool(interval and interval.approximate)
        uncertain_start = bool(interval and interval.uncertain_start)
        uncertain_end = bool(interval and interval.uncertain_end)
        return Event(
            id="", doc_id=document.id, timex_id=timex.id,
            end_timex_id=draft.end_timex.id if draft.end_timex else None,
            title=title(found, clause, [span, *ends], speaker, lex),
            sentence=" ".join(sentence_span.text.split()),
            sentence_start=sentence_span.start_char, sentence_end=sentence_span.end_char,
            clause=" ".join(clause.text.split()), clause_start=clause.start_char,
            clause_end=clause.end_char, trigger=trigger, other_triggers=others,
            start=interval.start if interval else None,
            end=interval.end if interval else None,
            granularity=interval.granularity if interval else
            (duration_granularity(timex.value) or Granularity.DAY) if draft.lasting else
            _granularity_of_set(timex.value),
            approximate=approximate, uncertain_start=uncertain_start, uncertain_end=uncertain_end,
            uncertain=approximate or uncertain_start or uncertain_end or timex.inferred,
            inferred=timex.inferred, recurring=draft.recurring,
            participants=who, mentions=[mention],
        )


def _same_happening(a: Event, b: Event, told: tuple[set[str], set[str]],
                    anchors: dict[str, str | None]) -> bool:
    """Same time, and either the same trigger and a shared participant, or an
    anaphor pointing at the other's date with a name shared by the sentences."""
    if a.recurring or b.recurring or (a.start, a.end, a.granularity) != (
            b.start, b.end, b.granularity) or a.start is None and a.end is None:
        return False
    if anchors.get(b.timex_id) == a.timex_id or anchors.get(a.timex_id) == b.timex_id:
        return bool(told[0] & told[1])
    lemma = [e.trigger.lemma.lower() if e.trigger else None for e in (a, b)]
    shared = {p.text for p in a.participants} & {p.text for p in b.participants}
    return lemma[0] is not None and lemma[0] == lemma[1] and bool(shared)


def _merge(told: list[Told], document: Document) -> list[Event]:
    """Only events of the same time can be one: each is compared with those alone."""
    anchors = {t.id: t.anchor_id for t in document.timexes}
    kept: list[Event] = []
    position: dict[int, int] = {}  # id(event) -> its index in kept
    names: dict[int, set[str]] = {}
    same_time: dict[tuple[str | None, str | None, Granularity], list[Event]] = {}
    for item in told:
        event = item.event
        candidates = [] if event.recurring else same_time.setdefault(
            (event.start, event.end, event.granularity), [])
        target = next((k for k in candidates if _same_happening(
            k, event, (names[id(k)], item.names), anchors)), None)
        day = None if target is not None else next(
            (k for k in kept if _day_and_its_time(k, event)), None)
        if day is not None and _finer(event, day):
            # "am 14. März um 11 Uhr": the clock time leads, the day is one more mention
            index = position[id(event)] = position.pop(id(day))
            kept[index] = event
            # it is compared from now on as the clock time it is, not as its day
            same_time[(day.start, day.end, day.granularity)].remove(day)
            candidates.append(event)
            names[id(event)] = names.pop(id(day)) | item.names
            _absorb(event, day)
            continue
        if day is not None:
            names[id(day)] |= item.names
            _absorb(day, event)
            continue
        if target is None:
            position[id(event)] = len(kept)
            kept.append(event)
            names[id(event)] = set(item.names)
            if not event.recurring:
                candidates.append(event)
            continue
        pooled = names.pop(id(target)) | item.names
        if target.inferred and not event.inferred:  # the explicit date leads
            index = position[id(event)] = position.pop(id(target))
            kept[index] = event
            candidates[candidates.index(target)] = event
            _absorb(event, target)
            target = event
        else:
            _absorb(target, event)
        names[id(target)] = pooled
    return kept


_FINER_THAN_DAY = (Granularity.PART_OF_DAY, Granularity.HOUR, Granularity.MINUTE,
                   Granularity.SECOND)


def _finer(a: Event, b: Event) -> bool:
    return a.granularity in _FINER_THAN_DAY and b.granularity == Granularity.DAY


def _day_and_its_time(a: Event, b: Event) -> bool:
    """A day and a time of it told in one clause about one happening ("Die Eröffnung ist
    am 14. März um 11 Uhr"): one event, not two."""
    if not (_finer(a, b) or _finer(b, a)) or a.recurring or b.recurring or \
            (a.clause_start, a.clause_end) != (b.clause_start, b.clause_end) or \
            (a.trigger.lemma if a.trigger else None) != (b.trigger.lemma if b.trigger else None):
        return False
    day, time = (b, a) if _finer(a, b) else (a, b)
    return day.start is not None and time.start is not None and day.end is not None and \
        day.start[:10] == time.start[:10]


def _absorb(target: Event, other: Event) -> None:
    target.mentions.extend(other.mentions)
    new: list[Participant] = [p for p in other.participants
                              if all(p.text != q.text for q in target.participants)]
    target.participants.extend(new)
    if len(target.title) < 40 and new:
        combined = f"{target.title}: {other.title}"
        target.title = combined if len(combined) <= 80 else shorten(
            f"{target.title} ({', '.join(p.text for p in new)})")
