"""Reading a document creation time (DCT) that a user typed.

Users write dates as 2024-04-29, 29.04.2024, 29. April 2024 or April 29, 2024;
dateparser reads all of them. Relative words ("gestern") are refused: a DCT
that silently depends on the day the tool runs is exactly what we must avoid.
"""

from __future__ import annotations

import re
from datetime import date, datetime

import dateparser

from timeline.errors import BadInputError
from timeline.languages import LANGUAGES

_HAS_YEAR = re.compile(r"\d{4}")
_SETTINGS = {
    "REQUIRE_PARTS": ["day", "month", "year"],
    "DATE_ORDER": "DMY",
    "STRICT_PARSING": True,
    "RETURN_AS_TIMEZONE_AWARE": False,
}


def parse_dct(value: str | date | None) -> date | None:
    """A :class:`date` from common written forms; ``None`` stays ``None``."""
    if value is None or isinstance(value, date):
        return value
    text = value.strip()
    if not text:
        return None
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        pass
    if not _HAS_YEAR.search(text):
        raise BadInputError("E103", value=value)
    parsed = dateparser.parse(text, languages=list(LANGUAGES), settings=_SETTINGS)
    if parsed is None:
        raise BadInputError("E103", value=value)
    return parsed.date()
