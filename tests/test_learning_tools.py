"""tools/learning.py: which documents a learning tool leaves out for a held-out fold."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))

import learning

from timeline.evaluation.folds import assign
from timeline.io.annotated import GoldDocument


def _documents(count: int) -> list[GoldDocument]:
    return [GoldDocument(id=f"d{n:02d}", text="", dct=None, path=Path(f"d{n:02d}.tml"))
            for n in range(count)]


def test_fold_one_leaves_out_what_eval_calls_fold_one() -> None:
    """It left out the fold after the one named ('--fold 1' was eval's fold 2), so a
    figure read on the named fold was fitted to it."""
    documents = _documents(10)
    eval_fold_one = set(assign([d.id for d in documents], 2)[0])
    kept = {d.id for d in learning.learning_set(documents, (1, 2))}
    assert kept and not kept & eval_fold_one
    assert kept | eval_fold_one == {d.id for d in documents}


def test_a_fold_out_of_range_is_an_error() -> None:
    with pytest.raises(SystemExit):
        learning.learning_set(_documents(4), (0, 2))
