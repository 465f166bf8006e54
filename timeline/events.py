"""From dated expressions to events: what happened when, and who took part.

One event per placed DATE/TIME expression, with the sentence it comes from, a
short title and the proper names of that sentence as participants. The
builder reads the document and TreeTagger's tokens and only adds events: it
never re-tags.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Token
from timeline.lexicon import lexicon
from timeline.model import Document, Event, Participant, TextSpan, Timex, TimexType

TITLE_MAX = 80


def shorten(text: str, limit: int = TITLE_MAX) -> str:
    """``text`` on one line, cut at a word boundary to at most ``limit`` chars."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(",;:–-") + "…"


def _sentence_of(sentences: list[TextSpan], timex: Timex) -> TextSpan:
    starts = [s.start for s in sentences]
    index = bisect_right(starts, timex.start) - 1
    if index >= 0 and sentences[index].start <= timex.start < sentences[index].end:
        return sentences[index]
    return TextSpan(start=timex.start, end=timex.end)


def _participants(text: str, tokens: Doc, sentence: TextSpan, timex_spans:
                  list[tuple[int, int]], proper: frozenset[str]) -> list[Participant]:
    """Runs of proper-noun tokens in the sentence, outside time expressions."""
    found: list[Participant] = []
    run: list[Token] = []

    def flush() -> None:
        if run:
            start, end = run[0].idx, run[-1].idx + len(run[-1])
            name = text[start:end]
            if all(p.text != name for p in found):
                found.append(Participant(text=name, start=start, end=end, kind="NAME"))
            run.clear()

    for token in tokens:
        if token.is_space or token.idx + len(token) <= sentence.start \
                or token.idx >= sentence.end:
            continue
        in_timex = any(s <= token.idx < e for s, e in timex_spans)
        if token.tag_ in proper and not in_timex:
            run.append(token)
        else:
            flush()
    flush()
    return found


class EventBuilder:
    """``__call__(document, tagged) -> events``; one instance serves all documents."""

    def __call__(self, document: Document, doc: Doc) -> list[Event]:
        proper = lexicon(document.language).proper_noun_tags
        spans = [(t.start, t.end) for t in document.timexes]
        events: list[Event] = []
        for timex in document.timexes:
            interval = timex.interval
            if timex.type not in (TimexType.DATE, TimexType.TIME) or interval is None:
                continue
            sentence = _sentence_of(document.sentences, timex)
            sentence_text = document.text[sentence.start:sentence.end]
            events.append(
                Event(
                    id=f"{document.id}:e{len(events) + 1}",
                    doc_id=document.id,
                    timex_id=timex.id,
                    title=shorten(sentence_text),
                    sentence=" ".join(sentence_text.split()),
                    sentence_start=sentence.start,
                    sentence_end=sentence.end,
                    start=interval.start,
                    end=interval.end,
                    granularity=interval.granularity,
                    approximate=interval.approximate,
                    participants=_participants(document.text, doc, sentence,
                                               spans, proper),
                )
            )
        return events
