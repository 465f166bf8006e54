"""Years for bare dates in narratives ("am 3. November", "im Herbst").

In a narrative HeidelTime gives a date without a year the year of the
previous date it resolved, relative ones included; one wrong step ("im
letzten Jahr", an aside such as "sein 1994 erschienenes Buch") then carries
into every date after it. Measured on WikiWarsDE, the year the text last
wrote out is the better reference: we give bare month, day and season
expressions that year, and the year-relative ones ("Ende des Jahres", "im
Vorjahr"; the rules listed in the language file) that year plus their offset,
and leave everything else as HeidelTime resolved it. A forward one told as the
story's own ("in den Frühjahrsschlachten des neuen Jahres", not "bis ins
Frühjahr des nächsten Jahres") moves the story on. Asides do not count: a year
inside a participle phrase, in brackets or in a verbless insertion between
commas, and a year far from the story's time that the text leaves again at once.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc

from timeline.tagging.heideltime import RawTimex
from timeline.tagging.lexicon import Lexicon
from timeline.time.semantics import astronomical_year, timex_year

_CALENDAR = re.compile(r"^(?P<year>BC\d{4}|\d{4})(?P<rest>-(\d{2}|SP|SU|FA|AU|WI|H[12]|Q[1-4])"
                       r"(-\d{2})?(T.*)?)$")
_YEAR_IN_TEXT = re.compile(r"\d{3,4}|'\d{2}\b")
_EXPLICIT_YEAR = re.compile(r"^(BC\d{4}|\d{4})")
# "seinem 1994 erschienenen Buch": a year inside a participle phrase is an aside
_FAR, _NEAR = 5, 2  # years: what counts as a jump away from the story and back
_ASIDE = re.compile(r"^\s+\S*(ge\S+te|\S+ene|\S+ende|\S+ierte)[nrsm]?\b")


def _bare(timex: RawTimex, text: str, lex: Lexicon) -> bool:
    """A month, day or season with no year written and no relative word."""
    words = set(re.findall(r"\w+\.?", text))
    calendar = set(lex.words("month_words")) | set(lex.words("season_words"))
    return bool(words & calendar) and not _YEAR_IN_TEXT.search(text) and \
        not words & set(lex.words("relative_words"))


def _year_offset(timex: RawTimex, surface: str, lex: Lexicon) -> int | None:
    """How many years after the last written one a year-relative expression is."""
    rule = timex.rule.rsplit("-", 1)[0]
    offsets: dict[str, int] = lex.data.get("year_offset_rules", {})
    if rule in offsets:
        return offsets[rule]
    if rule in lex.words("this_year_rules") and any(
            word.lower().startswith(tuple(lex.words("this_words"))) for word in surface.split()):
        return 0
    return None


def _until(text: str, start: int, lex: Lexicon) -> bool:
    """The expression ends a stretch ("dauerten bis ins Frühjahr des nächsten Jahres"):
    the story does not move there."""
    before = re.findall(r"\w+", text[max(0, start - 30):start])[-2:]
    return any(word.lower() in lex.words("until_words") for word in before)


def _inserted(doc: Doc, start: int, end: int, finite: frozenset[str]) -> bool:
    """Inside brackets, or in a verbless insertion between two commas ("wurde das
    Höchstalter, beginnend mit dem 15. Juli 1863, auf 45 Jahre erhöht")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    sentence = span.sent
    before, after = doc[sentence.start:span.start], doc[span.end:sentence.end]
    if sum(t.text == "(" for t in before) > sum(t.text == ")" for t in before):
        return True
    left = next((t.i for t in reversed(before) if t.text == ","), None)
    right = next((t.i for t in after if t.text == ","), None)
    return left is not None and right is not None and \
        not any(t.tag_ in finite for t in doc[left + 1:right])


def _written_years(timexes: list[RawTimex], text: str, doc: Doc,
                   lex: Lexicon) -> dict[int, str]:
    """Index -> year of the expressions that write a year out (asides excluded)."""
    finite = frozenset(lex.words("finite_verb_tags"))
    years = {}
    for index, timex in enumerate(timexes):
        found = _EXPLICIT_YEAR.match(timex.value)
        if timex.type in ("DATE", "TIME") and timex.rule.endswith("-explicit") and found and \
                _YEAR_IN_TEXT.search(text[timex.start:timex.end]) and \
                not _ASIDE.match(text[timex.end:timex.end + 40]) and \
                not _inserted(doc, timex.start, timex.end, finite):
            years[index] = found.group(1)
    return years


def _flash_forwards(years: dict[int, str]) -> set[int]:
    """Years far from the story's time that it returns from at once: "(Jesse James
    raubte) bis 1881 Banken" in an account of 1862."""
    indices = sorted(years)
    skipped = set()
    for before, here, after in zip(indices, indices[1:], indices[2:]):
        story, aside, next_year = (astronomical_year(years[i]) for i in (before, here, after))
        if abs(aside - story) > _FAR and abs(next_year - story) <= _NEAR:
            skipped.add(here)
    return skipped


def reanchor(timexes: list[RawTimex], text: str, doc: Doc, lex: Lexicon) -> list[RawTimex]:
    """``timexes`` (in text order) with bare and year-relative dates moved to the
    story's year: the last written out, or the last a forward expression moved to."""
    written = _written_years(timexes, text, doc, lex)
    asides = _flash_forwards(written)
    year: str | None = None
    out = []
    for index, timex in enumerate(timexes):
        surface = text[timex.start:timex.end]
        found = _EXPLICIT_YEAR.match(timex.value)
        if index in written:
            if index not in asides:
                year = written[index]
        elif year is not None and timex.rule.endswith("-relative") and found:
            offset = _year_offset(timex, surface, lex)
            if offset is not None:
                shifted = timex_year(astronomical_year(year) + offset)
                timex = replace(timex, value=shifted + timex.value[found.end():])
                if offset > 0 and not _until(text, timex.start, lex):
                    year = shifted  # "im nächsten Jahr": the story moves on
            elif (calendar := _CALENDAR.match(timex.value)) and _bare(timex, surface, lex):
                timex = replace(timex, value=year + calendar.group("rest"))
        out.append(timex)
    return out
