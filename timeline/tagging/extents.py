"""Extents HeidelTime's German rules leave short or long: an approximator before the
expression, a circumposition around it.

Both German gold corpora put "etwa", "rund" and their kin inside the expression,
TIMEX2 (WikiWarsDE: "etwa eine Woche", "Etwa 460 v. Chr.") and TIMEX3 (KRAUTS: "Rund
200 Stunden", "etwa einem Jahrzehnt"), as the TimeML guidelines do ("about three
years", mod APPROX). HeidelTime's rules take one only before some numbers ("etwa
zwanzig Tagen", not "etwa eine Woche"). The words are data in the language file
(``approximators``); words that also mean something else before a date ("gegen
Ende", "um 20 Uhr", "über zwei Jahre") are left out, the gold disagrees about them,
but for a word that approximates only a year (``year_approximators``: "um 1170",
WikiWarsDE's "Um 449 v. Chr.").

A preposition that closes after the expression ("über vierzehn Monate hinweg":
throughout, ``circumpositions``) is no approximator: HeidelTime reads "über" as "more
than", both gold corpora leave it out there ("über zwei Jahre hinweg") and keep it
where it means more ("über zwei Monate währenden").
"""

from __future__ import annotations

import re
from dataclasses import replace

from timeline.tagging.heideltime import RawTimex

_WORD_BEFORE = re.compile(r"(\S+)[ \t]+$")
_YEAR = re.compile(r"^(BC)?\d{3,4}$")  # a year written alone: "um 1170" is no clock time


def with_approximators(timexes: list[RawTimex], text: str, words: frozenset[str],
                       year_words: frozenset[str] = frozenset()) -> list[RawTimex]:
    """``timexes`` (in text order), each starting at an approximator right before it,
    and APPROX where one starts it and HeidelTime gave no other modifier."""
    out: list[RawTimex] = []
    for timex in timexes:
        found = _WORD_BEFORE.search(text, max(0, timex.start - 20), timex.start)
        start = found.start(1) if found else timex.start
        written_year = _YEAR.match(timex.value) and text[timex.start:timex.end][:1].isdigit()
        approximating = words | year_words if written_year else words
        if found and found[1].lower() in approximating and (not out or out[-1].end <= start):
            timex = replace(timex, start=start)
        first = text[timex.start:timex.end].split(maxsplit=1)
        if first and first[0].lower() in approximating and timex.mod is None:
            timex = replace(timex, mod="APPROX")
        out.append(timex)
    return out


def without_circumpositions(timexes: list[RawTimex], text: str,
                            closing: dict[str, str]) -> list[RawTimex]:
    """``timexes`` without a first word that ``closing`` maps to the word right after the
    expression ("über" ... "hinweg"), and without the modifier that word gave."""
    out: list[RawTimex] = []
    for timex in timexes:
        first = re.match(r"(\S+)\s+", text[timex.start:timex.end])
        after = closing.get(first[1].lower()) if first else None
        if first and after and re.match(rf"\s+{re.escape(after)}\b", text[timex.end:]):
            timex = replace(timex, start=timex.start + first.end(),
                            mod=None if timex.mod in ("MORE_THAN", "APPROX") else timex.mod)
        out.append(timex)
    return out
