"""Learn a language file's ``happening_weights`` from TimeML TLINKs (run by hand).

Every candidate word :mod:`timeline.events.happenings` considers next to one of
our expressions is labelled by gold: positive when it lies on a gold EVENT that a
dating TLINK ties to the gold TIMEX3 under our expression, negative otherwise (a
word that is no gold EVENT included, so that the model learns to pass over those
too). A logistic regression (scikit-learn, L2, no separate intercept: the
``bias`` cue is one) gives one weight per cue. ``--fold I --folds K`` learns
without fold I (the round robin of ``timeline eval --folds``), so that ``timeline
eval --events --folds K`` can be read on fold I, which it never saw; learn
``event_nouns_from_gold`` without it too (``tools/event_nouns.py``)::

    .venv/bin/python tools/happening_weights.py tests/data/aquaint-en --lang en --write
"""

from __future__ import annotations

import argparse
from pathlib import Path

from learning import add_options, learning_set, leave_out, replace_key
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from spacy.tokens import Span

from timeline.evaluation.events import dating_pairs, under
from timeline.evaluation.report import gold_input
from timeline.events.builder import EventBuilder
from timeline.events.happenings import candidates
from timeline.events.triggers import Found
from timeline.io.annotated import GoldDocument, read_corpus
from timeline.pipeline import Extractor, Options
from timeline.tagging.lexicon import Lexicon

KEY = "happening_weights"


class _Recorder:
    """Stands in for the chooser: keeps every candidate's cues and spans, keeps none."""

    def __init__(self) -> None:
        self.seen: list[tuple[tuple[int, int], tuple[int, int], list[str]]] = []

    def __call__(self, timex: Span, found: Found | None, lex: Lexicon) -> list[Found]:
        for candidate in candidates(timex, found, lex):
            token = candidate.token
            self.seen.append(((timex.start_char, timex.end_char),
                              (token.idx, token.idx + len(token)), candidate.cues))
        return []


def examples(documents: list[GoldDocument], language: str, doc_type: str
             ) -> tuple[list[dict[str, float]], list[bool]]:
    """Each candidate's cues and whether gold dates it by the expression beside it."""
    recorder = _Recorder()
    extractor = Extractor(events=EventBuilder(happenings=recorder))
    cues: list[dict[str, float]] = []
    labels: list[bool] = []
    for gold in documents:
        recorder.seen.clear()
        # the text is tagged as is (no cleaning changes it), so offsets are gold's
        extractor.document(gold_input(gold), Options(language=language, doc_type=doc_type))
        dating = dating_pairs(gold)
        for (t_start, t_end), (w_start, w_end), names in recorder.seen:
            tid = under(t_start, t_end, gold.timexes)
            if tid is None:
                continue
            eid = under(w_start, w_end, gold.events)
            cues.append(dict.fromkeys(names, 1.0))
            labels.append(eid is not None and (eid, tid) in dating)
    return cues, labels


def learn(gold: Path, language: str, doc_type: str,
          left_out: tuple[int, int] | None) -> dict[str, float]:
    documents = learning_set([d for d in read_corpus(gold) if d.tlinks], left_out)
    cues, labels = examples(documents, language, doc_type)
    vectorizer = DictVectorizer()
    model = LogisticRegression(C=1.0, fit_intercept=False, max_iter=2000)
    model.fit(vectorizer.fit_transform(cues), labels)
    print(f"{len(labels)} candidates, {sum(labels)} dated by gold")
    return {name: round(float(w), 3)
            for name, w in zip(vectorizer.get_feature_names_out(), model.coef_[0], strict=True)
            if abs(w) >= 0.001}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("gold", type=Path, help="a directory of TimeML files with TLINKs")
    parser.add_argument("--lang", required=True)
    parser.add_argument("--doc-type", default="news")
    parser.add_argument("--threshold", type=float, default=0.35,
                        help="least probability for a happening to be kept")
    add_options(parser, KEY)
    args = parser.parse_args()
    weights = learn(args.gold, args.lang, args.doc_type, leave_out(args))
    if args.write:  # before printing: output piped into `head` must not lose the weights
        replace_key(args.lang, KEY, {"threshold": args.threshold,
                                     "weights": dict(sorted(weights.items()))})
    for name, weight in sorted(weights.items(), key=lambda item: -abs(item[1]))[:12]:
        print(f"{weight:+.2f} {name}")


if __name__ == "__main__":
    main()
