"""Documents tagged by worker processes: every core busy, and a time limit that ends anything.

Each worker is a process of its own, started with the spawn method (a process
that runs a JVM must not fork), in a process group of its own, that builds one
:class:`Extractor` (JVM, rules, TreeTagger) once and then tags one piece of a
document at a time. The parent reads the inputs lazily, plans each document
(settings and pieces, no JVM), hands pieces to idle workers, joins each
document's pieces and gives documents back in input order.

A piece not done within the time limit (HeidelTime stuck in Java, a stopped
TreeTagger) has its worker's whole process group killed and the worker
replaced; that document fails with E130 and the batch goes on. A worker that
dies fails its document with E131. Workers ignore Ctrl-C: the parent stops
them, TreeTagger processes included, and :class:`Interrupted` carries every
document finished before.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from multiprocessing.connection import Connection, wait
from typing import Any, Self

from timeline.errors import TimelineError
from timeline.io.inputs import DocumentInput
from timeline.model import DocumentError, Timeline
from timeline.pieces import PIECE_CHARS, Part
from timeline.pipeline import (
    Interrupted,
    Options,
    Outcome,
    Plan,
    admit,
    collect,
    failure,
    finished,
)
from timeline.tagging import jvm

log = logging.getLogger(__name__)

TIME_LIMIT = 120.0  # seconds per piece; a 50,000-character piece takes about 2 s
_AHEAD = 8  # documents per worker planned or done beyond the next one to hand back
_SPAWN = multiprocessing.get_context("spawn")
# documents done, by input index: the input and what came of it
_Done = dict[int, tuple[DocumentInput | DocumentError, Outcome]]
_WARM_UP = DocumentInput(id="warm-up", text="Am 3. Mai 2021 begann es.", source="warm-up")


def _serve(connection: Connection, piece_chars: int, quick: bool) -> None:
    """A worker: set up once, then tag pieces until told to stop (``None``).
    ``quick``: its JVM compiles with C1 alone (:func:`jvm.compile_quickly`)."""
    if hasattr(os, "setsid"):
        os.setsid()  # its own group: the parent can end it with its TreeTagger children
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the parent to handle
    try:
        from timeline.pipeline import Extractor

        if quick:
            jvm.compile_quickly()
        extractor = Extractor(piece_chars=piece_chars)
        extractor.run([_WARM_UP], Options(language="de", dct=date(2021, 5, 4)))
    except Exception as exc:  # noqa: BLE001 - told to the parent, which stops the run
        connection.send(("failed", str(exc)))
        return
    connection.send(("ready", None))
    while (task := connection.recv()) is not None:
        key, item, settings, text = task
        try:
            connection.send((key, extractor.piece(item, settings, text)))
        except Exception as exc:  # noqa: BLE001 - one piece's failure costs its document
            connection.send((key, failure(exc, item)))
    extractor.close()


class _Worker:
    def __init__(self, piece_chars: int, quick: bool) -> None:
        self.connection, child = _SPAWN.Pipe()
        self.process = _SPAWN.Process(target=_serve, args=(child, piece_chars, quick), daemon=True,
                                      name="timeline-worker")
        self.process.start()
        child.close()
        self.ready = False
        self.task: tuple[int, int] | None = None  # (document index, piece number)
        self.since = 0.0

    def give(self, key: tuple[int, int], payload: tuple[Any, ...]) -> None:
        self.connection.send(payload)
        self.task, self.since = key, time.monotonic()

    def kill(self) -> None:
        """End the worker and everything it started, now."""
        if self.process.exitcode is None:  # a worker that ended cleanly is left alone
            with contextlib.suppress(ProcessLookupError, PermissionError):
                if hasattr(os, "killpg"):
                    os.killpg(self.process.pid, signal.SIGKILL)
            # and the process itself: one only just started has no group of its own yet
            # (killpg found none) and would otherwise live on, and join() wait for ever
            with contextlib.suppress(ProcessLookupError, PermissionError, OSError):
                self.process.kill()
        self.process.join()
        self.connection.close()

    def stop(self) -> None:
        """End the worker when idle (it closes its TreeTagger), else kill it."""
        if self.ready and self.task is None:
            with contextlib.suppress(OSError):
                self.connection.send(None)
            self.process.join(timeout=10)
        self.kill()


@dataclass
class _Document:
    """A document being tagged: its plan and its pieces' results so far."""

    plan: Plan
    parts: list[Part | None] = field(default_factory=list)
    error: DocumentError | None = None

    def __post_init__(self) -> None:
        self.parts = [None] * len(self.plan.pieces)


class Pool:
    """``run(items, options) -> Timeline`` on up to ``workers`` processes, started when
    there is work for them and kept until :meth:`close` (or the ``with`` block ends)."""

    def __init__(self, workers: int, time_limit: float = TIME_LIMIT,
                 piece_chars: int = PIECE_CHARS) -> None:
        self.size = max(1, workers)
        # workers on every core: none may spend another's core compiling
        self.quick = jvm.fills_cores(self.size)
        self.time_limit = time_limit
        self.piece_chars = piece_chars
        self._workers: list[_Worker] = []

    def run(self, items: Iterable[DocumentInput | DocumentError], options: Options,
            progress: Callable[[int, str], None] | None = None) -> Timeline:
        """All documents; each failure is recorded and the rest go on. Ctrl-C raises
        :class:`Interrupted` with the documents finished so far."""
        try:
            return collect(self.outcomes(items, options), progress)
        except Interrupted:
            self.close()  # now: a worker may be busy with what will never be needed
            raise

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def outcomes(self, items: Iterable[DocumentInput | DocumentError], options: Options
                 ) -> Iterator[tuple[DocumentInput | DocumentError, Outcome]]:
        """Each document's id and outcome, in input order, as soon as it and all before
        it are done."""
        inputs = enumerate(items)
        exhausted = False
        tasks: deque[tuple[int, int]] = deque()
        open_documents: dict[int, _Document] = {}
        done: _Done = {}
        seen: set[str] = set()
        following = 0
        while True:
            while following in done:
                yield done.pop(following)
                following += 1
            # a slow document holds back those after it: keep at most _AHEAD per worker
            # open or waiting, so memory stays bounded however long the input
            while not exhausted and len(tasks) < 2 * self.size and \
                    len(open_documents) + len(done) < _AHEAD * self.size:
                try:
                    index, item = next(inputs)
                except StopIteration:
                    exhausted = True
                    break
                if isinstance(item, DocumentError):
                    done[index] = (item, item)
                    continue
                planned = admit(item, options, seen, self.piece_chars)
                if isinstance(planned, DocumentError):
                    done[index] = (item, planned)
                    continue
                open_documents[index] = _Document(planned)
                tasks.extend((index, n) for n in range(len(open_documents[index].parts)))
            self._dispatch(tasks, open_documents)
            if exhausted and not open_documents and not done:
                return
            if open_documents:  # else nothing is in flight: hand back, read on
                self._collect(open_documents, done)

    def _dispatch(self, tasks: deque[tuple[int, int]], documents: dict[int, _Document]) -> None:
        waiting = len(tasks) - sum(w.ready and w.task is None for w in self._workers)
        starting = sum(not w.ready for w in self._workers)
        while len(self._workers) < self.size and waiting > starting:
            self._workers.append(_Worker(self.piece_chars, self.quick))
            starting += 1
        for worker in self._workers:
            while worker.ready and worker.task is None and tasks:
                index, number = tasks.popleft()
                document = documents.get(index)
                if document is None or document.error is not None:
                    continue  # its document failed already
                item, piece = document.plan.item, document.plan.pieces[number]
                worker.give((index, number), ((index, number), replace(item, text=""),
                                              document.plan.settings, piece.text(item.text)))

    def _collect(self, documents: dict[int, _Document], done: _Done
                 ) -> None:
        """Wait for a worker to answer (or a time limit to pass) and record what came."""
        busy = [w for w in self._workers if w.task is not None]
        deadline = min((w.since + self.time_limit for w in busy), default=None)
        timeout = None if deadline is None else max(0.0, deadline - time.monotonic())
        for connection in wait([w.connection for w in self._workers], timeout):
            worker = next(w for w in self._workers if w.connection is connection)
            try:
                key, answer = connection.recv()
            except (EOFError, OSError):
                self._replace(worker, documents, done, "E131",
                              status=worker.process.exitcode)
                continue
            if key == "failed":
                raise TimelineError("E006", reason=answer)
            if key == "ready":
                worker.ready = True
                continue
            worker.task = None
            self._record(key, answer, documents, done)
        now = time.monotonic()
        for worker in [w for w in self._workers if w.task is not None]:
            if now - worker.since > self.time_limit:
                self._replace(worker, documents, done, "E130", seconds=round(self.time_limit))

    def _replace(self, worker: _Worker, documents: dict[int, _Document],
                 done: _Done, code: str, **details: object) -> None:
        """Kill ``worker`` (its document fails with ``code``); a new one takes its place."""
        key = worker.task
        worker.kill()
        self._workers.remove(worker)
        if key is not None and key[0] in documents:
            item = documents[key[0]].plan.item
            error = TimelineError(code, doc_id=item.id, **details)
            self._record(key, DocumentError.from_error(error, item.source, item.id),
                         documents, done)
        elif key is None and not worker.ready:
            raise TimelineError("E006", reason=f"exit status {worker.process.exitcode}")

    @staticmethod
    def _record(key: tuple[int, int], answer: Part | DocumentError,
                documents: dict[int, _Document], done: _Done) -> None:
        index, number = key
        document = documents.get(index)
        if document is None:
            return  # a late answer for a document that failed already
        item = document.plan.item
        if isinstance(answer, DocumentError):
            del documents[index]
            done[index] = (item, answer)
            return
        document.parts[number] = answer
        if all(part is not None for part in document.parts):
            del documents[index]
            done[index] = (item, finished(document.plan,
                                          [p for p in document.parts if p is not None]))

    def close(self) -> None:
        """Stop every worker; none is left behind, nor its TreeTagger."""
        for worker in self._workers:
            worker.stop()
        self._workers.clear()


class SharedPool:
    """One :class:`Pool` for the threads of a long-lived process (the dashboard's
    sessions): runs take turns, as they did on the process's one tagger, and a
    stuck document ends at the time limit instead of hanging every session."""

    def __init__(self, workers: int, time_limit: float = TIME_LIMIT) -> None:
        self._pool = Pool(workers, time_limit)
        self._lock = threading.Lock()

    def run(self, items: Iterable[DocumentInput | DocumentError], options: Options
            ) -> Timeline:
        with self._lock:
            return self._pool.run(items, options)

    def close(self) -> None:
        with self._lock:
            self._pool.close()
