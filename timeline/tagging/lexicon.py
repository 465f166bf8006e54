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
from typing import Any

_DIR = Path(__file__).parents[1] / "data" / "lang"


@dataclass(frozen=True)
class Lexicon:
    language: str
    proper_noun_tags: frozenset[str]
    sentence_end_tags: frozenset[str]
    upos_by_tag_prefix: dict[str, str]
    data: dict[str, Any]

    def upos(self, tag: str) -> str:
        """Universal POS for a TreeTagger tag: the longest matching tag prefix wins."""
        for length in range(len(tag), 0, -1):
            found = self.upos_by_tag_prefix.get(tag[:length])
            if found:
                return found
        return "X"

    def words(self, key: str) -> list[str]:
        """A word list of the language file (empty when the language has none)."""
        return list(self.data.get(key, []))

    def relative_examples(self) -> str:
        """Relative expressions of the language, quoted for a message that needs the
        document's date: '"on Monday" or "last year"'."""
        return " or ".join(f'"{w}"' for w in self.words("relative_examples"))


@functools.cache
def lexicon(language: str) -> Lexicon:
    data = json.loads((_DIR / f"{language}.json").read_text(encoding="utf-8"))
    return Lexicon(
        language=language,
        proper_noun_tags=frozenset(data["proper_noun_tags"]),
        sentence_end_tags=frozenset(data["sentence_end_tags"]),
        upos_by_tag_prefix=dict(data["upos_by_tag_prefix"]),
        data=data,
    )
