"""What the learning tools (``event_nouns.py``, ``happening_weights.py``) share.

They learn from a gold corpus, optionally without one fold (the round robin of
``timeline eval --folds``, so that the eval can be read on the fold they never
saw), and write what they learnt into ``timeline/data/lang/LANG.json``. The
language files are laid out by hand, so a key is replaced as text, its old value
found by JSON's own decoder.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from timeline.evaluation.folds import assign
from timeline.io.annotated import GoldDocument

LANG_DIR = Path(__file__).resolve().parents[1] / "timeline/data/lang"


def add_options(parser: argparse.ArgumentParser, key: str) -> None:
    """--folds K --fold I (leave fold I out) and --write (into the language file's ``key``)."""
    parser.add_argument("--folds", type=int, help="with --fold: leave that fold out")
    parser.add_argument("--fold", type=int, help="the fold to leave out, from 1, as "
                        "timeline eval --folds numbers them")
    parser.add_argument("--write", action="store_true",
                        help=f"write what was learnt to the language file's {key}")


def leave_out(args: argparse.Namespace) -> tuple[int, int] | None:
    """(fold, k) from --fold and --folds; None to learn from every document."""
    return (args.fold, args.folds) if args.folds is not None else None


def learning_set(documents: list[GoldDocument], left_out: tuple[int, int] | None
                 ) -> list[GoldDocument]:
    """The documents of every fold but ``left_out`` = (fold, k); all without it. Folds
    count from 1, as ``timeline eval --folds`` prints them (this read the fold after the
    one named: "--fold 1" left out the eval's fold 2)."""
    if left_out is None:
        return documents
    fold, k = left_out
    if not 1 <= fold <= k:
        raise SystemExit(f"--fold {fold}: folds count from 1 to {k}")
    held = set(assign([d.id for d in documents], k)[fold - 1])
    return [d for d in documents if d.id not in held]


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
