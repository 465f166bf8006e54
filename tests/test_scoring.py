"""The TempEval-3 scorer on hand-made gold/system pairs."""

from __future__ import annotations

import pytest

from timeline.evaluation.scoring import Measures, Mention, match, prf, score_document, total

TEXT = "Am 3. Oktober 1990 und im Mai 1991 kam es."


def m(text: str, value: str | None = None, type_: str | None = "DATE",
      occurrence: int = 0) -> Mention:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(text, start + 1)
    return Mention(start, start + len(text), text, value, type_)


def test_exact_match_counts_everywhere() -> None:
    gold = [m("3. Oktober 1990", "1990-10-03")]
    score = score_document("d", gold, [m("3. Oktober 1990", "1990-10-03")])
    c = score.counts
    assert (c.strict, c.relaxed, c.value, c.type) == (1, 1, 1, 1)
    assert score.errors == []
    assert Measures.of(c).strict == (100.0, 100.0, 100.0)


def test_overlap_is_relaxed_not_strict_and_keeps_the_value() -> None:
    gold = [m("am 3. Oktober 1990".replace("am", "Am"), "1990-10-03")]
    system = [m("3. Oktober 1990", "1990-10-03")]
    score = score_document("d", gold, system)
    assert (score.counts.strict, score.counts.relaxed, score.counts.value) == (0, 1, 1)
    assert [e.kind for e in score.errors] == ["wrong extent"]


def test_one_to_one_a_gold_expression_matches_one_system_expression() -> None:
    gold = [m("3. Oktober 1990", "1990-10-03")]
    system = [m("3. Oktober", "XXXX-10-03"), m("1990", "1990")]
    pairs = match(gold, system)
    assert pairs == [(0, 0)]  # the larger overlap wins
    score = score_document("d", gold, system)
    assert score.counts.relaxed == 1 and score.counts.system == 2
    assert sorted(e.kind for e in score.errors) == ["spurious", "wrong extent", "wrong value"]
    p, r, f = Measures.of(score.counts).relaxed
    assert (p, r) == (50.0, 100.0) and f == pytest.approx(66.667, abs=1e-3)


def test_exact_pairs_are_preferred_over_larger_overlaps() -> None:
    gold = [m("Mai 1991"), m("1991")]  # nested gold (does not happen in TIMEX3, may in TIMEX2)
    system = [m("1991"), m("im Mai 1991")]
    pairs = match(gold, system)
    assert (1, 0) in pairs and (0, 1) in pairs


def test_missed_spurious_wrong_type_and_totals() -> None:
    gold = [m("3. Oktober 1990", "1990-10-03"), m("Mai 1991", "1991-05")]
    system = [m("Mai 1991", "1991-05", "TIME"), m("kam", "X")]
    score = score_document("d", gold, system)
    assert sorted(e.kind for e in score.errors) == ["missed", "spurious", "wrong type"]
    both = total([score, score_document("e", gold[:1], gold[:1] and [
        Mention(gold[0].start, gold[0].end, gold[0].text, "1990-10-03", "DATE")])])
    assert (both.gold, both.system, both.strict, both.value, both.type) == (3, 3, 2, 2, 1)


def test_untyped_gold_has_no_type_measure() -> None:
    gold = [m("1990", "1990", None)]
    measures = Measures.of(score_document("d", gold, [m("1990", "1990")]).counts)
    assert measures.type is None and measures.value == (100.0, 100.0, 100.0)


def test_prf_without_anything_is_zero() -> None:
    assert prf(0, 0, 0) == (0.0, 0.0, 0.0)
