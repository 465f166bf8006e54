"""The user's text as the taggers can read it, and every offset back into the user's text.

TreeTagger counts a NUL as the end of a token list, ESC and other control
characters reach terminals, a bidi mark glued to "2021" hides the year from
HeidelTime's patterns, and decomposed umlauts (NFD, as macOS writes them) make
"März" two letters HeidelTime does not know. So the taggers see the text with
control characters and runs of 200 characters without a space as spaces,
invisible formatting characters (soft hyphen, bidi and zero-width marks) left
out, and in NFC; everything found is mapped back, so offsets always point into
exactly what the user gave. Typographic apostrophes ("aujourd’hui", "l’an dernier",
"anni ’70", "’s avonds": most text on the web and in newsrooms) are the straight one
HeidelTime's patterns write, one character for one.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from timeline.errors import BadInputError
from timeline.model import Document, Event, Trigger, happenings

# C0/C1 controls but tab and line ends: they separate, so each becomes a space
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# no date is 200 characters without a space, but HeidelTime's patterns take time
# superlinear in a token's length (a 50,000-character one: 44 s) and TreeTagger
# refuses lines of about 70,000: such runs are blanked for the taggers
_RUN = re.compile(r"\S{200,}")
# soft hyphen, zero-width and bidi formatting, BOM, invisible operators: they sit inside
# words and numbers ("Mär\u00adz", "\u200f2021"), so they are left out
_FORMAT = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff"
                     "\ufff9-\ufffb]")
_UNPRINTABLE = re.compile(f"{_CONTROL.pattern}|{_FORMAT.pattern}")
# right single quotation mark, modifier letter apostrophe, prime: written for "'"
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'", "\u2032": "'"})


@dataclass(frozen=True)
class Cleaned:
    """The text to tag and, where it differs in length, where each of its characters
    came from: ``starts[i]``/``ends[i]`` bound the original characters of ``text[i]``."""

    text: str
    original: str
    starts: list[int] | None = None
    ends: list[int] | None = None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original stretch of ``text[start:end]``."""
        if self.starts is None or self.ends is None:
            return start, end
        if start >= len(self.text):
            return len(self.original), len(self.original)
        first = self.starts[start]
        return first, self.ends[end - 1] if end > start else first


def check_encodable(text: str, doc_id: str) -> None:
    """A lone surrogate (no character at all) is refused."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise BadInputError("E126", doc_id=doc_id, position=exc.start) from exc


def clean(text: str, doc_id: str) -> Cleaned:
    """``text`` ready for tagging; a lone surrogate (no character at all) is refused."""
    check_encodable(text, doc_id)
    visible = _RUN.sub(lambda m: " " * len(m.group()),
                       _CONTROL.sub(" ", text)).translate(_APOSTROPHES)
    if not _FORMAT.search(visible) and unicodedata.is_normalized("NFC", visible):
        return Cleaned(visible, text)
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for start, end in _segments(visible):
        composed = unicodedata.normalize("NFC", _FORMAT.sub("", visible[start:end]))
        pieces.append(composed)
        starts.extend([start] * len(composed))
        ends.extend([end] * len(composed))
    return Cleaned("".join(pieces), text, starts, ends)


def _segments(text: str) -> list[tuple[int, int]]:
    """Stretches that each begin with a character that combines with nothing before
    it: NFC composes within them only, so each maps back as a whole."""
    bounds = [i for i, char in enumerate(text) if unicodedata.combining(char) == 0] or [0]
    if bounds[0] != 0:
        bounds.insert(0, 0)
    return list(zip(bounds, [*bounds[1:], len(text)], strict=True))


def restore(document: Document, events: list[Event], cleaned: Cleaned) -> None:
    """Put the user's own text back into ``document`` and ``events``: every offset
    mapped, every quoted stretch sliced again from the original."""
    original = cleaned.original
    if cleaned.text == original:
        return
    done: set[int] = set()  # objects events share (an event's trigger is its first mention's)
    document.text = original
    for sentence in document.sentences:
        sentence.start, sentence.end = cleaned.span(sentence.start, sentence.end)
    for timex in document.timexes:
        timex.start, timex.end = cleaned.span(timex.start, timex.end)
        timex.text = original[timex.start:timex.end]
    for event in events:
        event.sentence_start, event.sentence_end = cleaned.span(event.sentence_start,
                                                                event.sentence_end)
        event.sentence = _display(original[event.sentence_start:event.sentence_end])
        event.clause_start, event.clause_end = cleaned.span(event.clause_start, event.clause_end)
        event.clause = _display(original[event.clause_start:event.clause_end])
        for trigger in happenings(event):
            _trigger(trigger, cleaned, done)
        for person in event.participants:
            if id(person) in done:
                continue
            done.add(id(person))
            if person.start is not None and person.end is not None:
                person.start, person.end = cleaned.span(person.start, person.end)
                person.text = original[person.start:person.end]
        for mention in event.mentions:
            mention.sentence_start, mention.sentence_end = cleaned.span(
                mention.sentence_start, mention.sentence_end)
            mention.clause_start, mention.clause_end = cleaned.span(mention.clause_start,
                                                                    mention.clause_end)
            for trigger in happenings(mention):
                _trigger(trigger, cleaned, done)


def _display(stretch: str) -> str:
    """A sentence or clause as events show it: whitespace runs as one space."""
    return " ".join(stretch.split())


def _trigger(trigger: Trigger, cleaned: Cleaned, done: set[int]) -> None:
    if id(trigger) in done:
        return
    done.add(id(trigger))
    trigger.start, trigger.end = cleaned.span(trigger.start, trigger.end)
    for part in trigger.parts:
        part.start, part.end = cleaned.span(part.start, part.end)
    parts = trigger.parts or [trigger]
    trigger.text = " ... ".join(cleaned.original[p.start:p.end] for p in parts)


def printable(text: str) -> str:
    """``text`` safe for a terminal or a tab-separated line: control and bidi
    characters as escapes (``\\x1b``), tabs and line ends as spaces."""
    text = text.replace("\t", " ").replace("\r", " ").replace("\n", " ")
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)

