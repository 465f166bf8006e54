"""The whole path for one document and for a batch: text -> Document -> events.

This is the one place that knows the order of the stages. A failing document
becomes a :class:`DocumentError` in the timeline; the batch goes on.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from textwrap import shorten
from typing import Self

from timeline.errors import TimelineError, message
from timeline.events.builder import EventBuilder
from timeline.io.inputs import DocumentInput
from timeline.model import (
    Document,
    DocumentError,
    Event,
    Interval,
    TextSpan,
    Timeline,
    Timex,
)
from timeline.pieces import PIECE_CHARS, Part, Piece, join, split
from timeline.tagging import ages, durations, extents
from timeline.tagging.cleaning import check_encodable, clean, restore
from timeline.tagging.heideltime import (
    HeidelTimeTagger,
    RawTimex,
    TaggedText,
    shared_tagger,
)
from timeline.tagging.languages import (
    AUTO,
    DCT_DOC_TYPES,
    chronicle,
    detect_language,
    normalize_doc_type,
    normalize_language,
    weekday_names,
)
from timeline.tagging.lexicon import lexicon
from timeline.tagging.nlp import Analyzer, mark_timexes, sentence_spans, shared_analyzer
from timeline.time import anaphora, narrative, news, references, weekdays
from timeline.time.dct import dct_from_dateline, dct_from_name, parse_dct
from timeline.time.semantics import span_of

log = logging.getLogger(__name__)

_REFS = {"PRESENT_REF", "PAST_REF", "FUTURE_REF"}

Outcome = tuple[Document, list[Event]] | DocumentError  # what came of one input


@dataclass(frozen=True)
class Options:
    """Defaults for documents that do not say otherwise."""

    language: str = AUTO
    doc_type: str = "news"
    dct: date | None = None


def _needs_dct(raw: RawTimex) -> bool:
    """Did HeidelTime resolve this value against the DCT (or try to)?"""
    return raw.rule.endswith("-relative") or raw.value in _REFS or "UNDEF" in raw.value


def _timexes(tagged: TaggedText, dct: date | None, dct_missing: bool) -> list[Timex]:
    timexes = []
    for number, raw in enumerate(tagged.timexes, start=1):
        unresolved = dct_missing and _needs_dct(raw)
        value = raw.value
        if unresolved and value not in _REFS:
            # without a DCT HeidelTime falls back to the previous date in the text,
            # which is wrong for news; keep the shape, drop the guessed digits
            value = re.sub(r"\d", "X", value)
        span = None if unresolved else span_of(raw.type, value, raw.mod, dct)
        timexes.append(
            Timex(
                id=f"t{number}",
                start=raw.start,
                end=raw.end,
                text=tagged.text[raw.start:raw.end],
                type=raw.type,
                value=value,
                mod=raw.mod,
                quant=raw.quant,
                freq=raw.freq,
                interval=Interval.from_span(span) if span else None,
                resolved=not unresolved,
                rule=raw.rule,
            )
        )
    return timexes


def _choose_dct(item: DocumentInput, options: Options) -> tuple[date | None, str | None]:
    """The document's own date, else the option, else one found in the text or its name."""
    if item.dct is not None:
        return parse_dct(item.dct), item.dct_origin
    if options.dct is not None:
        return options.dct, "option"
    if found := dct_from_dateline(item.text):
        return found, "dateline"
    if found := dct_from_name(item.id):
        return found, "filename"
    return None, None


@dataclass(frozen=True)
class Settings:
    """What is decided once for a whole document, before any piece of it is tagged."""

    language: str
    language_source: str
    doc_type: str
    doc_type_source: str
    dct: date | None
    dct_source: str | None


@dataclass(frozen=True)
class Plan:
    """A document ready to tag: its settings and its pieces (one for most texts)."""

    item: DocumentInput
    settings: Settings
    pieces: list[Piece]


def plan(item: DocumentInput, options: Options, piece_chars: int = PIECE_CHARS) -> Plan:
    """Check ``item`` and decide its settings; raises :class:`TimelineError`. Needs no
    tagger, so a process that only hands out work can do it."""
    if not item.text.strip():
        raise TimelineError("E109", doc_id=item.id)
    check_encodable(item.text, item.id)
    language = normalize_language(item.language or options.language)
    language_source = "input" if item.language else "option"
    if language == AUTO:
        language, probability = detect_language(item.text, item.id)
        language_source = "detected"
        log.info(message("W002", doc_id=item.id, language=language) + f" (p={probability:.2f})")
    dct, dct_source = _choose_dct(item, options)
    doc_type = normalize_doc_type(item.doc_type or options.doc_type)
    doc_type_source = "input" if item.doc_type else "option"
    if doc_type_source == "option" and doc_type in DCT_DOC_TYPES and \
            chronicle(item.text, language):
        # a chronicle's yearless dates follow its entries, not the DCT
        doc_type, doc_type_source = "narrative", "detected"
        log.info(message("W006", doc_id=item.id, doc_type=options.doc_type))
    settings = Settings(language, language_source, doc_type, doc_type_source, dct, dct_source)
    return Plan(item, settings, split(item.text, piece_chars))


def admit(item: DocumentInput, options: Options, seen: set[str],
          piece_chars: int = PIECE_CHARS) -> Plan | DocumentError:
    """:func:`plan` for one document of a batch that is tagged elsewhere (worker
    processes, a cluster): an id seen before is E112, any failure that document's error."""
    try:
        if item.id in seen:
            raise TimelineError("E112", doc_id=item.id)
        seen.add(item.id)
        return plan(item, options, piece_chars)
    except Exception as exc:  # noqa: BLE001 - this document only
        return failure(exc, item)


def finished(planned: Plan, parts: list[Part]) -> Outcome:
    """:func:`finish`, a failure that document's error."""
    try:
        return finish(planned, parts)
    except Exception as exc:  # noqa: BLE001 - this document only
        return failure(exc, planned.item)


def finish(plan: Plan, parts: list[Part]) -> tuple[Document, list[Event]]:
    """The document and its events from its pieces' results."""
    item = plan.item
    document, told = join(item.text, plan.pieces, parts)
    if item.encoding not in ("utf-8", "ascii"):
        document.warnings.append(message("W003", doc_id=item.id, encoding=item.encoding))
    return document, EventBuilder.join(told, document)


class Extractor:
    """Turns documents into a timeline with one tagger for the whole process.

    A text longer than ``piece_chars`` is tagged in pieces (:mod:`timeline.pieces`).
    """

    def __init__(self, tagger: HeidelTimeTagger | None = None,
                 analyzer: Analyzer | None = None,
                 events: EventBuilder | None = None, piece_chars: int = PIECE_CHARS) -> None:
        self.tagger = tagger or shared_tagger()
        self.analyzer = analyzer or shared_analyzer()
        self.events = events or EventBuilder()
        self.piece_chars = piece_chars

    def document(self, item: DocumentInput, options: Options) -> tuple[Document, list[Event]]:
        """One document; raises :class:`TimelineError` if it cannot be done."""
        return self._tagged(plan(item, options, self.piece_chars))

    def _tagged(self, planned: Plan) -> tuple[Document, list[Event]]:
        item = planned.item
        return finish(planned, [self.piece(item, planned.settings, piece.text(item.text))
                                for piece in planned.pieces])

    def piece(self, item: DocumentInput, settings: Settings, original: str) -> Part:
        """Tag ``original`` (the whole text or a piece of it) as part of ``item``."""
        cleaned = clean(original, item.id)
        text = cleaned.text
        language, doc_type, dct = settings.language, settings.doc_type, settings.dct
        dct_missing = dct is None and doc_type in DCT_DOC_TYPES
        doc = self.analyzer(text, language)
        sentences = sentence_spans(doc)  # the clock stage's and the document's
        tagged = self.tagger.tag(doc, language, doc_type, dct, doc_id=item.id)
        lex = lexicon(language)
        # a narrative's small years are years ("Masada fell in 73"), news abbreviates them
        tagged.timexes = references.two_digit_years(
            references.padded(tagged.timexes), text, dct if doc_type in DCT_DOC_TYPES else None)
        tagged.timexes = references.calendar_days(
            tagged.timexes, lex.data.get("week_of_day_rules", {}),
            dct if doc_type in DCT_DOC_TYPES else None)
        tagged.timexes = references.range_years(tagged.timexes, text,
                                                frozenset(lex.words("range_connectors")))
        tagged.timexes = references.weekday_appositions(tagged.timexes, text)
        if comparisons := lex.data.get("year_comparisons"):
            tagged.timexes = references.year_comparisons(
                tagged.timexes, comparisons["comparison_rules"], comparisons["reference_rules"])
            tagged.timexes = references.quarters_talked_about(
                tagged.timexes, comparisons["comparison_rules"], comparisons["reference_rules"])
        tagged.timexes = references.quarters_ended(
            tagged.timexes, text, frozenset(lex.words("quarter_reference_rules")),
            frozenset(lex.words("period_joiners")))
        if circumpositions := lex.data.get("circumpositions"):
            tagged.timexes = extents.without_circumpositions(tagged.timexes, text,
                                                             circumpositions)
        if approximators := lex.words("approximators"):
            tagged.timexes = extents.with_approximators(
                tagged.timexes, text, frozenset(approximators),
                frozenset(lex.words("year_approximators")))
        if doc_type in DCT_DOC_TYPES and "ages" in lex.data:  # TIMEX2 narratives mark ages
            tagged.timexes = ages.without_ages(tagged.timexes, doc, lex)
        if doc_type in DCT_DOC_TYPES:  # TimeML keeps "24 Stunden" PT24H, TIMEX2 makes it P1D
            tagged.timexes = durations.in_written_units(tagged.timexes, text, lex)
        if doc_type not in DCT_DOC_TYPES and (costs := lex.data.get("story_costs")):
            # measured for German (docs/german-rules.md), English on texts of our own
            # (docs/other-languages.md); other languages as HeidelTime
            tagged.timexes = narrative.reanchor(
                tagged.timexes, text, doc, lex, narrative.StoryCosts(**costs),
                frozenset(interval.end_tid for interval in tagged.intervals))
        if doc_type in DCT_DOC_TYPES and dct is not None:
            tagged.timexes = references.parts_ahead(
                tagged.timexes, dct, frozenset(lex.words("part_of_year_rules")))
        if doc_type in DCT_DOC_TYPES and dct is not None and lex.data.get("news_days"):
            tagged.timexes = news.redate(tagged.timexes, doc, dct, {
                **lex.data["news_days"], "month_words": lex.words("month_words"),
                "part_of_year_rules": lex.words("part_of_year_rules"),
                "since_words": lex.words("since_words"),
                "attribute_tags": lex.words("attribute_tags"),
                "verb_particle_tags": lex.words("verb_particle_tags"),
                "reporting_verbs": lex.words("reporting_verbs")})
        if doc_type in DCT_DOC_TYPES and dct is not None and lex.data.get("news_ahead"):
            tagged.timexes = news.ahead(tagged.timexes, doc, dct, {
                **lex.data["news_ahead"], "part_of_year_rules": lex.words("part_of_year_rules")})
        if doc_type in DCT_DOC_TYPES and dct is not None and lex.data.get("news_tense"):
            tagged.timexes = weekdays.redate(tagged.timexes, doc, dct, lex.data["news_tense"])
        if doc_type in DCT_DOC_TYPES and dct is not None:
            # last: the news stage moves months told in the present ahead, "seit" too
            tagged.timexes = references.since_before(
                tagged.timexes, text, dct, frozenset(lex.words("since_words")),
                weekday_names(language))
            tagged.timexes = references.clock_days(tagged.timexes, dct)
            if clock_rules := frozenset(lex.words("clock_day_rules")):
                tagged.timexes = references.clock_on_day(
                    tagged.timexes, text, sentences, dct, clock_rules)
            tagged.timexes = references.from_dct(
                tagged.timexes, dct, frozenset(lex.words("dct_reference_rules")))
        tagged.timexes = references.resolve(tagged.timexes, dct)
        timexes = _timexes(tagged, dct, dct_missing)
        inferred, replaced = anaphora.resolve(doc, language, lex, timexes, dct)
        timexes = [t for t in timexes if t.id not in replaced] + inferred
        timexes.sort(key=lambda t: (t.start, t.end))
        # only when some expression needed the date: a text of plain years needs none
        warnings = [message("W001", doc_id=item.id, doc_type=doc_type,
                            examples=lex.relative_examples())] \
            if any(not t.resolved for t in timexes) else []
        warnings += [message("W005", language=language, doc_id=item.id,
                             sentence=shorten(" ".join(text[start:end].split()), 80))
                     for start, end in tagged.skipped]
        mark_timexes(doc, [(t.id, t.start, t.end, t.type.value) for t in timexes])
        document = Document(
            id=item.id,
            title=item.title or item.id,
            language=language,
            doc_type=doc_type,
            dct=dct.isoformat() if dct else None,
            dct_source=settings.dct_source,
            language_source=settings.language_source,
            doc_type_source=settings.doc_type_source,
            text=text,
            sentences=[TextSpan(start=s, end=e) for s, e in sentences],
            timexes=timexes,
            warnings=warnings,
        )
        ids = {raw.tid: f"t{number}" for number, raw in enumerate(tagged.timexes, start=1)}
        ranges = [(ids[r.begin_tid], ids[r.end_tid]) for r in tagged.intervals
                  if r.begin_tid in ids and r.end_tid in ids]
        told, names = self.events.told(document, doc, ranges)
        restore(document, [t.event for t in told], cleaned)
        for name in names.names:  # where they are in the user's text, like the rest
            name.start, name.end = cleaned.span(name.start, name.end)
        return Part(document, told, names)

    def run(self, items: Iterable[DocumentInput | DocumentError], options: Options,
            progress: Callable[[int, str], None] | None = None) -> Timeline:
        """All documents; each failure is recorded and the rest go on. Ctrl-C raises
        :class:`Interrupted` with the documents finished so far."""
        return collect(self.outcomes(items, options), progress)

    def outcomes(self, items: Iterable[DocumentInput | DocumentError], options: Options
                 ) -> Iterator[tuple[DocumentInput | DocumentError, Outcome]]:
        """Each input and what came of it, one after the other, read as needed."""
        seen: set[str] = set()
        for item in items:
            if isinstance(item, DocumentError):
                yield item, item
                continue
            planned = admit(item, options, seen, self.piece_chars)
            if isinstance(planned, DocumentError):
                yield item, planned
                continue
            outcome: Outcome
            try:
                outcome = self._tagged(planned)
            except Exception as exc:  # noqa: BLE001 - one document's failure costs it alone
                outcome = failure(exc, item)
            yield item, outcome

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """End the TreeTagger processes now rather than at exit."""
        self.analyzer.treetagger.close()


def collect(outcomes: Iterable[tuple[DocumentInput | DocumentError, Outcome]],
            progress: Callable[[int, str], None] | None = None) -> Timeline:
    """A timeline of every outcome; Ctrl-C raises :class:`Interrupted` with those so far."""
    timeline = Timeline()
    try:
        for count, (item, outcome) in enumerate(outcomes, start=1):
            if isinstance(outcome, DocumentError):
                timeline.errors.append(outcome)
            else:
                timeline.documents.append(outcome[0])
                timeline.events.extend(outcome[1])
            if progress:
                progress(count, item.doc_id or item.source if isinstance(item, DocumentError)
                         else item.id)
    except KeyboardInterrupt:
        raise Interrupted(timeline) from None
    return timeline


def failure(exc: Exception, item: DocumentInput) -> DocumentError:
    """What a document's failure is recorded as: its error, or E199 for a bug."""
    if not isinstance(exc, TimelineError):
        log.error("internal error on document %r", item.id, exc_info=exc)
        exc = TimelineError("E199", doc_id=item.id, reason=f"{exc.__class__.__name__}: {exc}")
    return DocumentError.from_error(exc, item.source, item.id)


class Interrupted(Exception):
    """Ctrl-C during a batch; ``timeline`` holds every document finished before it."""

    def __init__(self, timeline: Timeline) -> None:
        super().__init__("interrupted")
        self.timeline = timeline
