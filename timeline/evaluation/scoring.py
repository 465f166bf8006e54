"""TempEval-3 measures for time expressions, with the errors behind them.

Extents: strict (same offsets) and relaxed (overlap), each gold and each
system expression matched at most once. Value and type are judged on the
relaxed matches: their precision divides the correct ones by all system
expressions, their recall by all gold ones (TempEval-3's attribute F1).
Everything is counted per document and summed (micro average).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Self


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    value: str | None
    type: str | None


class Summed:
    """Counts (a dataclass of ints) that add up field by field: ``total += part``."""

    def __iadd__(self, other: Self) -> Self:
        for name in self.__dataclass_fields__:  # type: ignore[attr-defined]
            setattr(self, name, getattr(self, name) + getattr(other, name))
        return self


@dataclass
class Counts(Summed):
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0
    typed_gold: int = 0  # gold expressions that carry a type (TIMEX2 has none)


@dataclass(frozen=True)
class Error:
    kind: str  # missed, spurious, wrong extent, wrong value, wrong type
    gold: Mention | None
    system: Mention | None


@dataclass
class DocumentScore:
    doc_id: str
    counts: Counts
    errors: list[Error] = field(default_factory=list)
    right: list[Mention] = field(default_factory=list)  # gold found exactly, value right


def prf(correct: int, system: int, gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 in percent (0 where undefined)."""
    precision = 100 * correct / system if system else 0.0
    recall = 100 * correct / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _overlap(a: Mention, b: Mention) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def match(gold: list[Mention], system: list[Mention]) -> list[tuple[int, int]]:
    """One-to-one relaxed matching: exact pairs first, then the largest overlaps."""
    candidates = []
    for i, g in enumerate(gold):
        for j, s in enumerate(system):
            overlap = _overlap(g, s)
            if overlap > 0:
                exact = (g.start, g.end) == (s.start, s.end)
                candidates.append((not exact, -overlap, i, j))
    candidates.sort()
    used_gold: set[int] = set()
    used_system: set[int] = set()
    pairs = []
    for _, _, i, j in candidates:
        if i not in used_gold and j not in used_system:
            used_gold.add(i)
            used_system.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def _same(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and a.strip().upper() == b.strip().upper()


def score_document(doc_id: str, gold: list[Mention], system: list[Mention]) -> DocumentScore:
    pairs = match(gold, system)
    counts = Counts(gold=len(gold), system=len(system),
                    typed_gold=sum(1 for g in gold if g.type))
    errors: list[Error] = []
    right: list[Mention] = []
    matched_gold = {i for i, _ in pairs}
    matched_system = {j for _, j in pairs}
    for i, j in pairs:
        g, s = gold[i], system[j]
        counts.relaxed += 1
        if (g.start, g.end) == (s.start, s.end):
            counts.strict += 1
        else:
            errors.append(Error("wrong extent", g, s))
        if _same(g.value, s.value):
            counts.value += 1
            if (g.start, g.end) == (s.start, s.end):
                right.append(g)
        else:
            errors.append(Error("wrong value", g, s))
        if g.type:
            if _same(g.type, s.type):
                counts.type += 1
            else:
                errors.append(Error("wrong type", g, s))
    errors += [Error("missed", g, None) for i, g in enumerate(gold) if i not in matched_gold]
    errors += [Error("spurious", None, s) for j, s in enumerate(system)
               if j not in matched_system]
    return DocumentScore(doc_id, counts, errors, right)


@dataclass(frozen=True)
class Measures:
    strict: tuple[float, float, float]
    relaxed: tuple[float, float, float]
    value: tuple[float, float, float]
    type: tuple[float, float, float] | None  # None when the gold has no types

    @classmethod
    def of(cls, counts: Counts) -> Measures:
        typed = counts.typed_gold > 0
        return cls(
            strict=prf(counts.strict, counts.system, counts.gold),
            relaxed=prf(counts.relaxed, counts.system, counts.gold),
            value=prf(counts.value, counts.system, counts.gold),
            type=prf(counts.type, counts.system, counts.typed_gold) if typed else None,
        )


def total(scores: Iterable[DocumentScore]) -> Counts:
    summed = Counts()
    for score in scores:
        summed += score.counts
    return summed
