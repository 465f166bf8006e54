"""Per-language knowledge, kept as data files in ``timeline/data/lang/``.

Tag sets differ per TreeTagger model (STTS for German, Penn for English, ...);
what a stage needs to know about a language lives in ``<code>.json`` and is
loaded once.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path

_DIR = Path(__file__).parent / "data" / "lang"


@dataclass(frozen=True)
class Lexicon:
    language: str
    proper_noun_tags: frozenset[str]


@functools.cache
def lexicon(language: str) -> Lexicon:
    data = json.loads((_DIR / f"{language}.json").read_text(encoding="utf-8"))
    return Lexicon(language=language, proper_noun_tags=frozenset(data["proper_noun_tags"]))
