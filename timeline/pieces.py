"""Long texts in pieces: split at paragraph seams, tagged one by one, joined with exact offsets.

Each stage's memory grows with the text, and HeidelTime's and the event
stage's time faster than it; a piece of at most :data:`PIECE_CHARS` bounds
both. A piece is tagged together with up to :data:`CONTEXT_CHARS` of the text
before it, so that "damals", "am selben Tag" and a narrative's bare dates find
the date they refer back to, and, where its seam is not a paragraph break,
after it, so that an expression across the seam is read whole. Each
expression, sentence and event belongs to the one piece whose own stretch
holds its start: none is lost or doubled, every offset points into the whole
text.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

from timeline.events.builder import Told
from timeline.events.names import Names, kind_of, named, settle
from timeline.model import (
    Document,
    Event,
    Participant,
    TextSpan,
    Timex,
    Trigger,
    happenings,
)

PIECE_CHARS = 50_000  # measured: per-character time is flat from about 25,000 to 100,000
CONTEXT_CHARS = 3_000
# a narrative's story time starts from the years last written, however far back: the
# sentences holding the last YEARS years written before a piece are tagged with it
YEARS = 3
_YEAR = re.compile(r"(?<![\d.,])(?:1\d{3}|20\d{2})(?!\d|[.,]\d)|\d{1,4}\s?v\.\s?Chr\.")
_AROUND = 300  # characters at most from a year to its sentence's ends
_JOINT = "\n\n"  # between the stretches of a piece: a paragraph break ends any sentence

_PARAGRAPH = re.compile(r"\n[^\S\n]*\n\s*")
_LINE = re.compile(r"\n\s*")
_SENTENCE = re.compile(r"[.!?…][\"'“”„»«’)\]]*(?:\s+|$)")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)  # frozen, yet cached_property can write to its __dict__
class Piece:
    """The stretches ``text[a:b]`` to tag, joined by blank lines, one of them holding the
    piece's own ``[own_start, own_end)``: results starting there are kept."""

    stretches: tuple[tuple[int, int], ...]
    own_start: int
    own_end: int

    def text(self, whole: str) -> str:
        return _JOINT.join(whole[a:b] for a, b in self.stretches)

    def to_whole(self, offset: int) -> int:
        """An offset into :meth:`text` as one into the whole text."""
        base = 0
        for a, b in self.stretches:
            if offset <= base + b - a:
                return a + offset - base
            base += b - a + len(_JOINT)
        raise ValueError(f"offset {offset} is beyond the piece")

    @functools.cached_property
    def shift(self) -> int:
        """What turns offsets in the stretch holding the piece's own into whole-text ones."""
        base = 0
        for a, b in self.stretches:
            if a <= self.own_start < b or a == self.own_start:
                return a - base
            base += b - a + len(_JOINT)
        raise AssertionError("a piece holds its own stretch")


def split(text: str, size: int = PIECE_CHARS, context: int = CONTEXT_CHARS) -> list[Piece]:
    """Pieces of at most ``size`` own characters (plus context), cut at the last paragraph
    break in a piece's second half, else a line break, a sentence end, a space."""
    if len(text) <= size:
        return [Piece(((0, len(text)),), 0, len(text))]
    seams = [0]
    paragraph = [True]  # whether the seam is a paragraph break
    while len(text) - seams[-1] > size:
        seam, whole = _seam(text, seams[-1] + size // 2, seams[-1] + size)
        seams.append(seam)
        paragraph.append(whole)
    seams.append(len(text))
    paragraph.append(True)
    years = [m.start() for m in _YEAR.finditer(text)]
    pieces = []
    for number, (own_start, own_end) in enumerate(pairwise(seams)):
        start = _line_start(text, max(0, own_start - context))
        end = own_end if paragraph[number + 1] else len(text) \
            if own_end + context >= len(text) else _before_space(text, own_end, own_end + context)
        first, last = bisect.bisect_left(years, start), bisect.bisect_left(years, end)
        before = _sentences_around(text, years[max(0, first - YEARS):first], start)
        after = _sentences_around(text, years[last:last + YEARS], len(text))
        if after and after[0][0] < end:  # the sentence of a year just after the piece
            after[0] = (end, after[0][1])
        pieces.append(Piece((*before, (start, end), *after), own_start, own_end))
    return pieces


def _sentences_around(text: str, offsets: list[int], limit: int) -> list[tuple[int, int]]:
    """The sentences holding ``offsets`` (in order, none past ``limit``), overlaps joined."""
    stretches: list[tuple[int, int]] = []
    for offset in offsets:
        a, b = _sentence_start(text, offset), _sentence_end(text, offset, limit)
        if stretches and a <= stretches[-1][1]:
            a = stretches.pop()[0]
        stretches.append((a, b))
    return stretches


def _sentence_start(text: str, offset: int) -> int:
    """The start of the sentence (or line) holding ``offset``, at most :data:`_AROUND` back."""
    low = max(0, offset - _AROUND)
    ends = [m.end() for m in _SENTENCE.finditer(text, low, offset)]
    if ends:
        return ends[-1]
    if (line := text.rfind("\n", low, offset)) >= 0:
        return line + 1
    return low if low == 0 else (text.find(" ", low, offset) + 1 or offset)


def _sentence_end(text: str, offset: int, limit: int) -> int:
    """The end of the sentence holding ``offset``, at most :data:`_AROUND` on, not past
    ``limit``."""
    high = min(limit, offset + _AROUND)
    if found := _SENTENCE.search(text, offset, high):
        return found.start() + len(found.group().rstrip())
    return high if high == len(text) else _before_space(text, offset, high)


def _seam(text: str, low: int, high: int) -> tuple[int, bool]:
    """Where the next piece begins, and whether that is after a paragraph break."""
    for pattern in (_PARAGRAPH, _LINE, _SENTENCE, _SPACE):
        last = None
        for last in pattern.finditer(text, low, high):
            pass
        if last is not None:
            return last.end(), pattern is _PARAGRAPH
    return high, False  # no space in half a piece: cleaning blanks such runs anyway


def _line_start(text: str, offset: int) -> int:
    """The start of the line holding ``offset`` if it is near, else of its word."""
    line = text.rfind("\n", max(0, offset - CONTEXT_CHARS), offset)
    return line + 1 if line >= 0 else text.rfind(" ", 0, offset) + 1


def _before_space(text: str, low: int, high: int) -> int:
    """The last word end in ``[low, high]``."""
    last = None
    for last in _SPACE.finditer(text, low, high):
        pass
    return last.start() if last is not None else high


@dataclass
class Part:
    """What tagging a piece gives, with offsets into the piece's text."""

    document: Document
    told: list[Told]
    names: Names


def join(text: str, pieces: list[Piece], parts: list[Part]) -> tuple[Document, list[Told]]:
    """One document from its pieces' results. Expressions are numbered anew in text
    order (``t1..`` HeidelTime's, ``i1..`` inferred ones), references follow them by
    their place in the text, and names take the kind the whole text votes for."""
    if len(parts) == 1:
        return parts[0].document, parts[0].told
    kept: list[tuple[int, Timex]] = []  # (piece number, expression with whole-text offsets)
    local: list[dict[str, Timex]] = []  # per piece: its own ids -> its expressions
    sentences: list[TextSpan] = []
    told: list[tuple[int, Told]] = []
    warnings: list[str] = []
    names: list[Names] = []
    for number, (piece, part) in enumerate(zip(pieces, parts, strict=True)):
        document, events = part.document, part.told
        owned = {id(n) for n in part.names.names if _owns(piece, piece.to_whole(n.start))}
        names.append(Names([n for n in part.names.names if id(n) in owned],
                           [pair for pair in part.names.pairs if id(pair[0]) in owned]))
        local.append({t.id: _placed(t, piece) for t in document.timexes})
        kept.extend((number, t) for t in local[-1].values() if _owns(piece, t.start))
        sentences.extend(TextSpan(start=s.start + piece.shift, end=s.end + piece.shift)
                         for s in document.sentences if _owns(piece, s.start + piece.shift))
        moved: set[int] = set()  # objects events share are moved once
        for item in events:
            if item.event.timex_id and _owns(piece, local[-1][item.event.timex_id].start):
                _shift_event(item.event, piece.shift, moved)
                told.append((number, item))
        warnings.extend(w for w in document.warnings if w not in warnings)
    anchors = [(number, t.anchor_id) for number, t in kept]
    counts = {"t": 0, "i": 0}
    for _, timex in kept:
        kind = "i" if timex.inferred else "t"
        counts[kind] += 1
        timex.id = f"{kind}{counts[kind]}"
    by_span = {(t.start, t.end): t.id for _, t in kept}

    def renamed(number: int, old: str | None) -> str | None:
        timex = local[number].get(old or "")
        return by_span.get((timex.start, timex.end)) if timex else None

    for (_, timex), (number, anchor) in zip(kept, anchors, strict=True):
        timex.anchor_id = renamed(number, anchor)
    for number, item in told:
        event = item.event
        event.timex_id = renamed(number, event.timex_id)
        event.end_timex_id = renamed(number, event.end_timex_id)
        for mention in event.mentions:
            mention.timex_id = renamed(number, mention.timex_id) or event.timex_id or ""
    votes = settle(names)
    for _, item in told:
        _settle_participants(item, votes)
    document = parts[0].document.model_copy(update={
        "text": text, "sentences": sentences, "timexes": [t for _, t in kept],
        "warnings": warnings})
    return document, [item for _, item in told]


def _settle_participants(item: Told, votes: dict[str, Counter[str]]) -> None:
    """Participants as :func:`settle` left the whole text's names: the kind all
    mentions vote for, and a genitive ("Stoltenbergs") as its name when that is told
    in another piece (each piece had settled its own), each once."""
    kept: list[Participant] = []
    for person in item.event.participants:
        if (base := named(person.text, votes)) != person.text:
            item.names.discard(person.text)
            item.names.add(base)
            person.text = base
            if person.end is not None:
                person.end -= 1
        if person.text in votes:
            person.kind = kind_of(votes[person.text])  # type: ignore[assignment]
        if all(p.text != person.text for p in kept):
            kept.append(person)
    item.event.participants = kept


def _owns(piece: Piece, offset: int) -> bool:
    return piece.own_start <= offset < piece.own_end


def _placed(timex: Timex, piece: Piece) -> Timex:
    return timex.model_copy(update={"start": piece.to_whole(timex.start),
                                    "end": piece.to_whole(timex.end)})


def _shift_event(event: Event, offset: int, moved: set[int]) -> None:
    """Every offset of ``event`` moved by ``offset``; objects in ``moved`` already were."""
    spans: list[TextSpan | Trigger | Participant] = []
    for told in (event, *event.mentions):
        for trigger in happenings(told):
            spans.extend([trigger, *trigger.parts])
    spans.extend(p for p in event.participants if p.start is not None)
    for item in spans:
        if id(item) not in moved and item.start is not None and item.end is not None:
            moved.add(id(item))
            item.start += offset
            item.end += offset
    event.sentence_start += offset
    event.sentence_end += offset
    event.clause_start += offset
    event.clause_end += offset
    for mention in event.mentions:
        mention.sentence_start += offset
        mention.sentence_end += offset
        mention.clause_start += offset
        mention.clause_end += offset
