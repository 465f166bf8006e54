"""Choose a language file's ``story_costs`` by cross-validation (run by hand).

The narrative story model (:mod:`timeline.time.narrative`) has six costs. Every
setting of a small grid is scored on each gold document (expressions found with
the exact extent and the right value, TempEval-3's matching); for each fold the
setting is chosen on the other folds only and read on the fold, so the held-out
sum is a figure nobody tuned for. Among settings that tie, the one nearest the
middle of the tied ones is taken (in grid steps), on the folds and for
``--write`` alike. HeidelTime and spaCy run once per document::

    .venv/bin/python tools/story_costs.py tests/data/wikiwarsde-dev --lang de --folds loo
"""

from __future__ import annotations

import argparse
import itertools
import statistics
from copy import copy
from pathlib import Path

from learning import replace_key
from spacy.tokens import Doc

from timeline.evaluation.folds import assign
from timeline.evaluation.report import gold_mentions, ours
from timeline.evaluation.scoring import score_document
from timeline.io.annotated import GoldDocument, read_corpus
from timeline.pipeline import Extractor
from timeline.tagging.heideltime import TaggedText
from timeline.tagging.lexicon import lexicon

KEY = "story_costs"
GRID = {"back": [1.0],  # the unit: the others are in months gone back inside a paragraph
        "back_paragraph": [0.0, 0.15],
        "new_year": [6.0, 8.0, 9.0, 10.0, 12.0, 16.0],
        "aside": [1.0, 2.0, 3.0, 5.0, 10.0],
        "marked_aside": [0.3, 2.0],
        "pluperfect_move": [0.0, 2.0, 4.0, 10.0]}
Setting = tuple[float, ...]


class _Once:
    """spaCy and HeidelTime for each text once: the costs act after both."""

    def __init__(self, extractor: Extractor) -> None:
        self.analyze, self.heideltime = extractor.analyzer, extractor.tagger
        self.docs: dict[tuple[str, str], Doc] = {}
        self.tagged: dict[str, TaggedText] = {}

    def analyzer(self, text: str, language: str) -> Doc:
        if (text, language) not in self.docs:
            self.docs[(text, language)] = self.analyze(text, language)
        return self.docs[(text, language)]

    def tag(self, doc: Doc, language: str, doc_type: str, dct: object, doc_id: str) -> TaggedText:
        if doc.text not in self.tagged:
            self.tagged[doc.text] = self.heideltime.tag(doc, language, doc_type, dct, doc_id=doc_id)
        return copy(self.tagged[doc.text])  # the pipeline replaces its timexes


def scores(documents: list[GoldDocument], language: str, doc_type: str,
           settings: list[Setting]) -> dict[Setting, dict[str, int]]:
    """Right values per document under each setting."""
    extractor = Extractor()
    once = _Once(extractor)
    extractor.analyzer, extractor.tagger = once.analyzer, once  # type: ignore[assignment]
    data = lexicon(language).data
    shipped = data[KEY]
    table: dict[Setting, dict[str, int]] = {}
    try:
        for setting in settings:
            data[KEY] = dict(zip(GRID, setting, strict=True))
            table[setting] = {
                d.id: score_document(d.id, gold_mentions(d),
                                     ours(extractor, d, language, doc_type)).counts.value
                for d in documents}
    finally:
        data[KEY] = shipped
    return table


def middle(settings: list[Setting]) -> Setting:
    """The tied setting nearest the median of all tied ones, cost by cost, in grid steps."""
    steps = [[values.index(v) for values, v in zip(GRID.values(), s, strict=True)]
             for s in settings]
    centre = [statistics.median(column) for column in zip(*steps, strict=True)]
    nearest = min(range(len(settings)), key=lambda i: sum(
        abs(step - c) for step, c in zip(steps[i], centre, strict=True)))
    return settings[nearest]


def tied(table: dict[Setting, dict[str, int]], on: list[str]) -> list[Setting]:
    """The grid settings best on the documents ``on``."""
    grid = [s for s in table if all(v in values for v, values in zip(s, GRID.values(),
                                                                      strict=True))]
    totals = {s: sum(table[s][d] for d in on) for s in grid}
    best = max(totals.values())
    return [s for s in grid if totals[s] == best]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("gold", type=Path, help="a directory of gold narratives")
    parser.add_argument("--lang", required=True)
    parser.add_argument("--doc-type", default="narrative")
    parser.add_argument("--folds", default="loo", help="K, or loo for one document per fold")
    parser.add_argument("--write", action="store_true", help="write the setting best on all "
                        f"documents to the language file's {KEY}")
    args = parser.parse_args()
    documents = read_corpus(args.gold)
    ids = [d.id for d in documents]
    shipped = tuple(float(lexicon(args.lang).data[KEY][name]) for name in GRID)
    table = scores(documents, args.lang, args.doc_type,
                   [*itertools.product(*GRID.values()), shipped])
    k = len(ids) if args.folds == "loo" else int(args.folds)
    print(f"costs: {', '.join(GRID)}; right values held out / with the shipped costs {shipped}")
    held_total = shipped_total = tied_mean = 0.0
    for number, fold in enumerate(assign(ids, k), start=1):
        best = tied(table, [d for d in ids if d not in fold])
        chosen = middle(best)
        on_fold = [sum(table[s][d] for d in fold) for s in best]
        held = sum(table[chosen][d] for d in fold)
        fixed = sum(table[shipped][d] for d in fold)
        held_total, shipped_total = held_total + held, shipped_total + fixed
        tied_mean += statistics.mean(on_fold)
        print(f"fold {number:2} ({', '.join(fold)[:30]}): chosen {chosen}: {held} / "
              f"{fixed}; the {len(best)} tied settings {min(on_fold)}-{max(on_fold)}")
    gold = sum(len(d.timexes) for d in documents)
    print(f"all folds: {held_total:.0f} held out ({tied_mean:.1f} averaged over tied settings), "
          f"{shipped_total:.0f} shipped, of {gold} gold")
    best = middle(tied(table, ids))
    print(f"best on all documents: {best}: {sum(table[best].values())}")
    if args.write:
        replace_key(args.lang, KEY, dict(zip(GRID, best, strict=True)))


if __name__ == "__main__":
    main()
