"""Regenerate a language file's ``event_nouns_from_gold`` from TimeML EVENTs (run by hand).

An expression often dates a noun ("Wednesday's ruling", "last year's blasts"),
and a trigger is taken only when the noun names a happening. Which nouns do is
learnt here from gold: a noun lemma is kept when gold marks at least half of its
occurrences as an EVENT. ``--fold I --folds K`` learns from the documents of
every fold but I (the fixed round robin of ``timeline eval --folds``), so that
``timeline eval --events --folds K`` can be read on fold I, which it never saw::

    .venv/bin/python tools/event_nouns.py tests/data/aquaint-en --lang en --write
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from learning import add_options, learning_set, leave_out, replace_key

from timeline.io.annotated import read_corpus
from timeline.pipeline import Extractor

KEY = "event_nouns_from_gold"


def learn(gold: Path, language: str, share: float,
          left_out: tuple[int, int] | None) -> list[str]:
    """Noun lemmas that gold marks as EVENTs in at least ``share`` of their uses."""
    documents = learning_set(read_corpus(gold), left_out)
    analyzer = Extractor().analyzer
    events, uses = Counter[str](), Counter[str]()
    for document in documents:
        spans = [(e.start, e.end) for e in document.events]
        for token in analyzer(document.text, language):
            lemma = (token.lemma_ or token.text).lower()
            if token.pos_ != "NOUN" or not lemma.isalpha():
                continue
            uses[lemma] += 1
            end = token.idx + len(token)
            events[lemma] += any(a < end and token.idx < b for a, b in spans)
    return sorted(lemma for lemma, marked in events.items()
                  if marked and marked >= share * uses[lemma])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("gold", type=Path, help="a directory of TimeML files with EVENTs")
    parser.add_argument("--lang", required=True)
    parser.add_argument("--share", type=float, default=0.5,
                        help="least share of a noun's uses that gold marks as an EVENT")
    add_options(parser, KEY)
    args = parser.parse_args()
    nouns = learn(args.gold, args.lang, args.share, leave_out(args))
    print(f"{len(nouns)} nouns: {' '.join(nouns)}")
    if args.write:
        replace_key(args.lang, KEY, nouns)


if __name__ == "__main__":
    main()
