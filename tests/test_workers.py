"""Worker processes: the same timeline as one process, and no stuck worker stops a batch."""

from __future__ import annotations

import os
import signal
import threading
from pathlib import Path
from typing import Any

import pytest

from timeline.batch import workers
from timeline.batch.workers import Pool
from timeline.io.annotated import read_corpus
from timeline.io.inputs import DocumentInput
from timeline.model import DocumentError
from timeline.pipeline import Extractor, Options

DATA = Path(__file__).parent / "data"
NEWS = Options(language="de", doc_type="news")


def _batch() -> list[DocumentInput | DocumentError]:
    news = [DocumentInput(id=d.id, text=d.text, source=d.id, dct=d.dct.isoformat())
            for d in read_corpus(DATA / "krauts-dol100")[:12] if d.dct]
    war = next(d for d in read_corpus(DATA / "wikiwarsde-dev") if d.id.startswith("09_"))
    return [*news[:6],
            # two pieces: a full one, and a short rest the other worker is done with at once
        DocumentInput(id="long", text=war.text * 2, source="war", doc_type="narrative"),
            DocumentInput(id="empty", text="  ", source="empty"),
            DocumentError(doc_id=None, source="missing.txt", code="E104", message="missing"),
            *news[6:], DocumentInput(id=news[0].id, text="Heute.", source="again")]


def test_two_workers_give_what_one_process_gives() -> None:
    """Pieces of one document on both workers, failures in between, input order kept."""
    batch = _batch()
    alone = Extractor(piece_chars=6_000).run(batch, NEWS)
    with Pool(2, piece_chars=6_000) as pool:
        shared = pool.run(batch, NEWS)
    assert shared.to_json() == alone.to_json()
    assert pool.quick == ((os.cpu_count() or 1) <= 2)  # C1 alone only when on every core
    assert [e.code for e in shared.errors] == ["E109", "E104", "E112"]
    assert len(shared.documents) == 13


def _group_running(group: int) -> list[int]:
    """Processes of a process group that are alive (not zombies)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == group and fields[0] != "Z":
            found.append(int(stat.parent.name))
    return found


def test_a_stuck_or_killed_worker_costs_its_document_only(monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    """A worker stopped mid-document (as HeidelTime stuck in Java would be) is killed
    with its TreeTagger after the time limit; one killed from outside is replaced."""
    ended: list[int] = []
    give = workers._Worker.give

    def give_and_break(self: workers._Worker, key: tuple[int, int],
                       payload: tuple[Any, ...]) -> None:
        give(self, key, payload)
        doc_id = payload[1].id
        if doc_id in ("stuck", "doomed"):
            ended.append(self.process.pid)
        if doc_id == "stuck":
            os.killpg(self.process.pid, signal.SIGSTOP)  # the whole worker, TreeTagger too
        elif doc_id == "doomed":
            os.kill(self.process.pid, signal.SIGKILL)

    monkeypatch.setattr(workers._Worker, "give", give_and_break)
    text = "Am 3. Mai 2021 trafen sich die Minister in Berlin."
    batch = [DocumentInput(id=name, text=text, source=name)
             for name in ("a", "stuck", "b", "doomed", "c")]
    with Pool(1, time_limit=5) as pool:
        result = pool.run(batch, Options(language="de", dct=None))
    assert [d.id for d in result.documents] == ["a", "b", "c"]
    assert [(e.doc_id, e.code) for e in result.errors] == [("stuck", "E130"),
                                                            ("doomed", "E131")]
    assert "took more than 5 s" in result.errors[0].message
    assert len(ended) == 2
    for group in ended:
        assert not _group_running(group)


def test_a_slow_first_document_neither_stalls_nor_hoards_the_batch() -> None:
    """Found in a fresh clone: with the documents waiting behind a slow first one handed
    back all at once, the pool waited for workers that had nothing to do."""
    war = next(d for d in read_corpus(DATA / "wikiwarsde-dev") if d.id.startswith("09_"))
    batch: list[DocumentInput | DocumentError] = [
        # two pieces: a full one, and a short rest the other worker is done with at once
        DocumentInput(id="long", text=war.text * 2, source="war", doc_type="narrative"),
        *(DocumentInput(id=f"n{i}", text=f"Am {i + 1}. Mai 2021 begann es.", source="n")
          for i in range(40))]
    finished: list[int] = []
    with Pool(2) as pool:
        runner = threading.Thread(target=lambda: finished.append(
            len(pool.run(batch, NEWS).documents)), daemon=True)
        runner.start()
        runner.join(timeout=240)
    assert finished == [41]


def test_a_pool_closed_while_a_worker_is_still_starting_ends_it() -> None:
    """Found by a hung test run: a worker spawned a moment before has no process group of
    its own yet, so killing its group missed it and close() waited for ever."""
    pool = Pool(1)
    worker = workers._Worker(pool.piece_chars, pool.quick)  # spawned; not yet set up, nor in its group
    pool._workers.append(worker)
    closing = threading.Thread(target=pool.close, daemon=True)
    closing.start()
    closing.join(timeout=30)
    assert not closing.is_alive()
    assert worker.process.exitcode is not None
