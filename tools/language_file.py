"""Rewrite one key of a language file in place, keeping the rest of its hand-made layout.

The learning tools (``event_nouns.py``, ``happening_weights.py``) write what they
learnt into ``timeline/data/lang/LANG.json``; the files are laid out by hand,
so a key is replaced as text, its old value found by JSON's own decoder.
"""

from __future__ import annotations

import json
from pathlib import Path

LANG_DIR = Path(__file__).resolve().parents[1] / "timeline/data/lang"


def replace_key(language: str, key: str, value: object, before: str = "reporting_verbs") -> None:
    """Set ``key`` to ``value``: where it was, else just before the key ``before``."""
    path = LANG_DIR / f"{language}.json"
    text = path.read_text(encoding="utf-8")
    head = f' "{key}": '
    if (at := text.find("\n" + head)) >= 0:
        start = at + 1
        _, end = json.JSONDecoder().raw_decode(text, start + len(head))
        text = text[:start] + text[end:].removeprefix(",\n")
    block = head + json.dumps(value, ensure_ascii=False, indent=1).replace("\n", "\n ") + ",\n"
    text = text.replace(f' "{before}":', block + f' "{before}":', 1)
    json.loads(text)  # still valid
    path.write_text(text, encoding="utf-8")
