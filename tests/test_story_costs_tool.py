"""tools/story_costs.py: how a setting is chosen on some documents for the others."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))

import story_costs


def _setting(new_year: float, aside: float) -> tuple[float, ...]:
    return (1.0, 0.0, new_year, aside, 0.3, 10.0)


def test_the_middle_of_tied_settings_is_chosen_not_an_edge() -> None:
    tied = [_setting(ny, a) for ny in (8.0, 9.0, 10.0) for a in (1.0, 2.0, 3.0, 5.0)]
    assert story_costs.middle(tied) == _setting(9.0, 2.0)


def test_a_fold_is_chosen_on_the_other_documents_only() -> None:
    good_for_a, good_for_b = _setting(8.0, 3.0), _setting(16.0, 10.0)
    table = {good_for_a: {"a": 10, "b": 1}, good_for_b: {"a": 1, "b": 10}}
    assert story_costs.tied(table, ["b"]) == [good_for_b]  # leaving "a" out
    assert story_costs.tied(table, ["a"]) == [good_for_a]
