"""Reading a document creation time (DCT) that a user typed.

Users write dates as 2024-04-29, 29.04.2024, 29. April 2024 or April 29, 2024;
dateparser reads all of them. Relative words ("gestern") are refused: a DCT
that silently depends on the day the tool runs is exactly what we must avoid, so is a
date with words dateparser skipped ("2024-04-29 gestern").
"""

from __future__ import annotations

import functools
import re
from datetime import date, datetime

import dateparser

from timeline.errors import BadInputError
from timeline.tagging.languages import LANGUAGES

_HAS_YEAR = re.compile(r"\d{4}")
_SETTINGS = {
    "REQUIRE_PARTS": ["day", "month", "year"],
    "DATE_ORDER": "DMY",
    "STRICT_PARSING": True,
    "RETURN_AS_TIMEZONE_AWARE": False,
}
# HeidelTime computes relative dates with four-digit years: from a DCT in 1000 "das
# vergangene Jahrzehnt" is "990" (the 9900s), from 9899 "im nächsten Jahrtausend" is a
# NullPointerException. Measured sound from 1100 to 2999, which any document date fits.
MIN_YEAR, MAX_YEAR = 1100, 2999
# words a written date may have besides its numbers and its month and weekday names
_FILLERS = frozenset({"den", "der", "am", "vom", "le", "du", "el", "de", "del", "il", "the",
                      "of", "on", "op", "em", "a", "à", "d"})
_WORD = re.compile(r"[^\W\d_]+")
_NUMBER = re.compile(r"(?<!\d)\d{1,4}(?!\d)")


def parse_dct(value: str | date | None) -> date | None:
    """A :class:`date` from common written forms; ``None`` stays ``None``. Anything
    but a date written out in full (a relative word, a part dateparser skipped) and
    years outside MIN_YEAR..MAX_YEAR are refused."""
    if value is None or isinstance(value, date):
        return value
    text = value.strip()
    if not text:
        return None
    try:
        parsed = datetime.fromisoformat(text).date()
    except ValueError:
        if not _HAS_YEAR.search(text) or _unknown_words(text):
            raise BadInputError("E103", value=value) from None
        found = dateparser.parse(text, languages=list(LANGUAGES), settings=_SETTINGS)
        if found is None or not names_year(text, found.year):
            raise BadInputError("E103", value=value) from None
        parsed = found.date()
    if not MIN_YEAR <= parsed.year <= MAX_YEAR:
        raise BadInputError("E127", value=value, low=MIN_YEAR, high=MAX_YEAR)
    return parsed


def names_year(text: str, year: int) -> bool:
    """Does ``text`` write ``year`` out? dateparser fills a missing year from today's
    date; a date a person typed must name its own."""
    return any(int(number) == year for number in _NUMBER.findall(text))


def _unknown_words(text: str) -> list[str]:
    """The words of ``text`` that are no month, weekday or filler of a written date."""
    known = _date_words()
    return [w for w in _WORD.findall(text.casefold()) if w not in known]


@functools.cache
def _date_words() -> frozenset[str]:
    from babel import Locale

    words = set(_FILLERS)
    for code in LANGUAGES:
        locale = Locale(code)
        for table in (locale.months, locale.days):
            for context in table.values():
                for width in ("wide", "abbreviated"):
                    for name in context.get(width, {}).values():
                        words.update(_WORD.findall(name.casefold()))
    return frozenset(words)


# A dateline: the first line, an optional place (and agency), the date, then a
# dash, colon or parenthesis: "Kiew, 29.04.2024 –", "BERLIN (dpa), 29. April 2024 -".
_DATE_FORMS = (
    r"\d{4}-\d{2}-\d{2}"  # 2024-04-29
    r"|\d{1,2}\.\s?\d{1,2}\.\s?\d{4}"  # 29.04.2024
    r"|\d{1,2}/\d{1,2}/\d{4}"  # 29/04/2024
    r"|\d{1,2}\.?\s+\w+\.?\s+\d{4}"  # 29. April 2024, 29 avril 2024
    r"|\w+\.?\s+\d{1,2},\s+\d{4}"  # April 29, 2024
)
_DATELINE = re.compile(
    rf"^[ \t]*(?:[^\n,]{{1,60}},[ \t]*)?(?P<date>{_DATE_FORMS})[ \t]*(?:[–—:(|-]|\n|$)"
)
_NAME_DATE = re.compile(r"(?<!\d)(?P<y>\d{4})-?(?P<m>\d{2})-?(?P<d>\d{2})(?!\d)")


def dct_from_dateline(text: str) -> date | None:
    """The date of a dateline at the very start of ``text``, if there is one."""
    match = _DATELINE.match(text[:200])
    if not match:
        return None
    try:
        return parse_dct(match["date"])
    except BadInputError:
        return None


def dct_from_name(name: str) -> date | None:
    """A date written into a file name: ``2024-04-29-kiew.txt``, ``kiew_20240429.txt``."""
    for match in _NAME_DATE.finditer(name):
        try:
            found = date(int(match["y"]), int(match["m"]), int(match["d"]))
        except ValueError:
            continue
        if 1800 <= found.year <= 2200:
            return found
    return None
