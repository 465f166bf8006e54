"""Are our events dated by the right expression? Scored against gold TLINKs.

A timeline event pairs a trigger (what happened), and the other happenings
the same expression dates, with that time expression. TimeML gold (AQUAINT,
TimeBank) marks EVENTs and the TLINKs between events and times. Of our
(happening, expression) pairs whose happening overlaps a gold EVENT and whose
expression overlaps a gold TIMEX3, **precision** is the share that are a gold
TLINK of a dating kind; **recall** is the share of gold dating TLINKs within
one sentence that one of our events recovers. An event over a range ("attacks
between 1994 and 1997") is dated by both of its expressions, as gold links it
to both.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from timeline.evaluation.folds import assign
from timeline.evaluation.scoring import Summed
from timeline.io.annotated import GoldDocument, GoldTimex
from timeline.model import Document, Event, happenings

if TYPE_CHECKING:
    from timeline.pipeline import Extractor

DATING = frozenset({"IS_INCLUDED", "INCLUDES", "DURING", "DURING_INV", "SIMULTANEOUS",
                    "BEGINS", "ENDS", "BEGUN_BY", "ENDED_BY", "IDENTITY"})


@dataclass
class EventCounts(Summed):
    matched: int = 0  # our events with a gold EVENT and a gold TIMEX3 under them
    dating: int = 0  # of those, pairs that are a gold dating TLINK
    gold: int = 0  # gold dating TLINKs between an event and a time in one sentence
    recovered: int = 0  # of those, pairs one of our events has

    @property
    def precision(self) -> float:
        return 100 * self.dating / self.matched if self.matched else 0.0

    @property
    def recall(self) -> float:
        return 100 * self.recovered / self.gold if self.gold else 0.0


def under(start: int, end: int, spans: list[GoldTimex]) -> str | None:
    """The id of the first gold span overlapping ``[start, end)``."""
    return next((s.id for s in spans if s.start < end and start < s.end), None)


def dating_pairs(gold: GoldDocument) -> set[tuple[str, str]]:
    """(eid, tid) of every dating TLINK, whichever way round it was written."""
    events = {e.id for e in gold.events}
    times = {t.id for t in gold.timexes}
    pairs = set()
    for relation, first, second in gold.tlinks:
        if relation not in DATING:
            continue
        if first in events and second in times:
            pairs.add((first, second))
        elif first in times and second in events:
            pairs.add((second, first))
    return pairs


def _dated_by(event: Event, timex_id: str | None) -> list[str | None]:
    """The expressions one mention dates by: a range's end too, told with its start."""
    if event.end_timex_id and timex_id == event.timex_id:
        return [timex_id, event.end_timex_id]
    return [timex_id]


def score_events(gold: GoldDocument, document: Document, events: list[Event]) -> EventCounts:
    """Our events of one document against its gold EVENTs and TLINKs."""
    timexes = {t.id: t for t in document.timexes}
    dating = dating_pairs(gold)
    counts = EventCounts()
    ours: set[tuple[str, str]] = set()
    told = [(trigger, timex_id) for event in events for m in (event.mentions or [])
            for trigger in (m.trigger or event.trigger, *m.other_triggers)
            for timex_id in _dated_by(event, m.timex_id)] + \
        [(trigger, timex_id) for e in events if not e.mentions for trigger in happenings(e)
         for timex_id in _dated_by(e, e.timex_id)]
    for trigger, timex_id in told:  # each place an event is told: each happening, its date
        timex = timexes.get(timex_id or "")
        if trigger is None or timex is None:
            continue
        eid = next((found for part in trigger.parts
                    if (found := under(part.start, part.end, gold.events))), None)
        tid = under(timex.start, timex.end, gold.timexes)
        if eid is None or tid is None:
            continue
        counts.matched += 1
        counts.dating += (eid, tid) in dating
        ours.add((eid, tid))
    spans = {s.id: s for s in [*gold.events, *gold.timexes]}
    sentences = [(s.start, s.end) for s in document.sentences]

    def sentence(span: GoldTimex) -> int | None:
        return next((n for n, (a, b) in enumerate(sentences) if a <= span.start < b), None)

    for eid, tid in dating:
        where = sentence(spans[eid])
        if where is not None and where == sentence(spans[tid]):
            counts.gold += 1
            counts.recovered += (eid, tid) in ours
    return counts


def evaluate_events(documents: list[GoldDocument], language: str, doc_type: str,
                    extractor: Extractor | None = None) -> tuple[dict[str, EventCounts], int]:
    """Our events of each document with gold TLINKs, by id; and how many had none."""
    from timeline.evaluation.report import gold_input
    from timeline.pipeline import Extractor, Options

    extractor = extractor or Extractor()
    counts: dict[str, EventCounts] = {}
    without = 0
    for gold in documents:
        if not gold.tlinks:
            without += 1
            continue
        document, events = extractor.document(gold_input(gold), Options(language=language,
                                                                        doc_type=doc_type))
        counts[gold.id] = score_events(gold, document, events)
    return counts, without


def _sum(counts: Iterable[EventCounts]) -> EventCounts:
    whole = EventCounts()
    for part in counts:
        whole += part
    return whole


def _folds(per_document: dict[str, EventCounts],
           k: int | None) -> list[tuple[list[str], EventCounts]]:
    """Each fold's documents and sum, folds dealt as ``timeline eval --folds`` deals them
    (over the documents with TLINKs); none without ``k``."""
    if k is None:
        return []
    return [(ids, _sum(per_document[i] for i in ids)) for ids in assign(list(per_document), k)]


def console(per_document: dict[str, EventCounts], k: int | None) -> str:
    whole = _sum(per_document.values())
    lines = [(f"events: dating precision {whole.precision:.1f} % ({whole.dating} of "
              f"{whole.matched}), same-sentence recall {whole.recall:.1f} % "
              f"({whole.recovered} of {whole.gold})")]
    for number, (_, fold) in enumerate(_folds(per_document, k), start=1):
        lines.append(f"  fold {number}: precision {fold.precision:.1f} %, "
                     f"recall {fold.recall:.1f} %")
    return "\n".join(lines)


def markdown(per_document: dict[str, EventCounts], k: int | None) -> list[str]:
    whole = _sum(per_document.values())
    lines = ["## Events dated by the right expression", "",
             ("Gold TLINKs of a dating kind (" + ", ".join(sorted(DATING)) + ") between an "
              "EVENT and a TIMEX3; each happening of our events (trigger and other triggers) "
              "matched by overlap of a trigger part and of the expression. Which nouns name "
              "happenings is learnt from gold EVENTs (`tools/event_nouns.py`), which other "
              "happenings an expression dates from gold TLINKs "
              "(`tools/happening_weights.py`): on a corpus they were learnt from, quote the "
              "fold they were learnt without (`--folds K --fold I`)."), "",
             "| measure | share | of |", "| --- | ---: | ---: |",
             (f"| dating precision | {whole.precision:.1f} % | {whole.dating} of "
              f"{whole.matched} matched happenings |"),
             (f"| same-sentence recall | {whole.recall:.1f} % | {whole.recovered} of "
              f"{whole.gold} gold links |")]
    if folds := _folds(per_document, k):
        lines += ["", "| fold | documents | dating precision | same-sentence recall |",
                  "| --- | ---: | ---: | ---: |"]
        for number, (ids, fold) in enumerate(folds, start=1):
            lines.append(f"| {number} | {len(ids)} | {fold.precision:.1f} % ({fold.dating} of "
                         f"{fold.matched}) | {fold.recall:.1f} % ({fold.recovered} of "
                         f"{fold.gold}) |")
    return lines
