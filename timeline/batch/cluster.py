"""Documents tagged on a Dask distributed cluster: as many machines as an archive needs.

Each Dask worker process builds one :class:`Extractor` (JVM, rules, TreeTagger)
once, in a worker plugin, and then tags pieces of documents as tasks. The client
(this process) reads the inputs lazily, plans each document, submits its pieces,
and hands documents back in input order as they are done; at most a few
documents per worker thread are in flight, so memory stays bounded however
long the input.

Every worker needs this package installed (with its Java and TreeTagger, as
for ``pip install .``) and must run one thread per process
(``dask worker ADDRESS --nthreads 1``): the extractor is not shared between
threads. Dask spawns its worker processes, never forks them, as a JVM requires.
A worker that dies has its task retried elsewhere by Dask; a document whose
tasks kill workers again and again fails with E131. The per-piece time limit
of local workers (``--time-limit``) does not apply here.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Any, Self

# before distributed is imported, and inherited by the workers it spawns: its INFO
# lines (a dozen per start and stop) would bury ours; -vv shows them again
os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "warning")

from distributed import Client, LocalCluster, WorkerPlugin, get_worker, wait

from timeline.errors import TimelineError
from timeline.io.inputs import DocumentInput
from timeline.model import DocumentError
from timeline.pieces import PIECE_CHARS, Part
from timeline.pipeline import (
    Interrupted,
    Options,
    Outcome,
    Plan,
    Settings,
    admit,
    collect,
    failure,
    finished,
)
from timeline.tagging import jvm

log = logging.getLogger(__name__)

PLUGIN = "timeline-extractor"
_AHEAD = 4  # documents in flight per worker thread


def _quiet_logs() -> None:
    """On a worker about to stop: what Dask says while its cluster stops is not about the
    user's documents (they are all done)."""
    logging.getLogger("distributed").setLevel(logging.CRITICAL)


class ExtractorPlugin(WorkerPlugin):
    """Builds the worker's extractor when the worker starts (or joins later)."""

    name = PLUGIN

    def __init__(self, piece_chars: int = PIECE_CHARS, quick: bool = False) -> None:
        self.piece_chars = piece_chars
        self.quick = quick  # the JVM compiles with C1 alone (jvm.compile_quickly)
        self.extractor: Any = None

    def setup(self, worker: Any) -> None:
        from timeline.pipeline import Extractor

        if self.quick and not jvm.running():  # a plugin registered again finds one
            jvm.compile_quickly()
        self.extractor = Extractor(piece_chars=self.piece_chars)

    def teardown(self, worker: Any) -> None:
        if self.extractor is not None:
            self.extractor.close()


def _tag(item: DocumentInput, settings: Settings, text: str) -> Part | DocumentError:
    """A task: one piece on this worker's extractor; a failure costs its document only."""
    extractor = get_worker().plugins[PLUGIN].extractor
    try:
        return extractor.piece(item, settings, text)
    except Exception as exc:  # noqa: BLE001 - told to the client as the document's error
        return failure(exc, item)


class DaskPool:
    """``outcomes(items, options)`` on a Dask cluster at ``address`` (``"local"``: a
    cluster of ``workers`` processes on this machine, ended by :meth:`close`)."""

    def __init__(self, address: str, workers: int = 2, piece_chars: int = PIECE_CHARS) -> None:
        self._cluster = None
        # a local cluster on every core compiles with C1 alone, as a Pool does; how the
        # workers of another cluster share their machines' cores is not known here
        quick = address == "local" and jvm.fills_cores(workers)
        try:
            if address == "local":
                self._cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1,
                                             processes=True, dashboard_address=":0")
                self.client = Client(self._cluster)
            else:
                self.client = Client(address, timeout="10s")
        except (OSError, TimeoutError) as exc:
            self.close()
            raise TimelineError("E134", address=address, reason=str(exc)) from exc
        self.client.register_plugin(ExtractorPlugin(piece_chars, quick), name=PLUGIN)
        self.threads = max(1, sum(self.client.nthreads().values()))
        self.piece_chars = piece_chars

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def run(self, items: Iterable[DocumentInput | DocumentError], options: Options) -> Any:
        """All documents as one timeline (see :func:`collect`)."""
        try:
            return collect(self.outcomes(items, options))
        except Interrupted:
            self.close()
            raise

    def outcomes(self, items: Iterable[DocumentInput | DocumentError], options: Options
                 ) -> Iterator[tuple[DocumentInput | DocumentError, Outcome]]:
        """Each input and what came of it, in input order, as soon as it is done."""
        flight: deque[tuple[DocumentInput | DocumentError, Plan | None, list[Any], Outcome | None]]
        flight = deque()
        seen: set[str] = set()
        inputs = iter(items)
        exhausted = False
        while True:
            while not exhausted and len(flight) < _AHEAD * self.threads:
                item = next(inputs, None)
                if item is None:
                    exhausted = True
                    break
                flight.append(self._submit(item, options, seen))
            if not flight:
                return
            item, planned, futures, outcome = flight.popleft()
            if outcome is None and planned is not None:
                wait(futures)
                outcome = self._finish(planned, futures)
            assert outcome is not None
            yield item, outcome

    def _submit(self, item: DocumentInput | DocumentError, options: Options, seen: set[str]
                ) -> tuple[DocumentInput | DocumentError, Plan | None, list[Any], Outcome | None]:
        if isinstance(item, DocumentError):
            return item, None, [], item
        planned = admit(item, options, seen, self.piece_chars)
        if isinstance(planned, DocumentError):
            return item, None, [], planned
        bare = replace(item, text="")  # each task carries its own piece of the text
        futures = [self.client.submit(_tag, bare, planned.settings, piece.text(item.text),
                                      pure=False) for piece in planned.pieces]
        return item, planned, futures, None

    @staticmethod
    def _finish(planned: Plan, futures: list[Any]) -> Outcome:
        item = planned.item
        parts: list[Part] = []
        for future in futures:
            if future.status != "finished":  # Dask gave up: workers died on it
                error = TimelineError("E131", doc_id=item.id, status=future.status)
                return DocumentError.from_error(error, item.source, item.id)
            answer = future.result()
            if isinstance(answer, DocumentError):
                return answer
            parts.append(answer)
        return finished(planned, parts)

    def close(self) -> None:
        """Disconnect; a local cluster is shut down with its workers' JVMs, the workers
        first: a worker whose scheduler went first logs a failed heartbeat, an ERROR on
        the user's terminal that says nothing about their documents. Its logs and the
        workers' are quieted first (but for critical ones): on a busy machine a worker's
        last heartbeat can still reach the scheduler after it left, and both say so in
        WARNINGs; a worker already closing when it is retired logs an "Invalid
        Worker.status transition" ERROR. Every document is done by then."""
        client = getattr(self, "client", None)
        if client is None and self._cluster is None:
            return
        quiet = logging.getLogger("distributed")
        level = quiet.level
        if self._cluster is not None and not quiet.isEnabledFor(logging.INFO):  # not -vv
            quiet.setLevel(logging.CRITICAL)
            if client is not None:
                with contextlib.suppress(Exception):  # closing anyway: nothing to report
                    client.run(_quiet_logs)
        try:
            if client is not None:
                if self._cluster is not None:
                    with contextlib.suppress(Exception):
                        client.retire_workers(close_workers=True)
                client.close()
                self.client = None  # type: ignore[assignment]
            if self._cluster is not None:
                self._cluster.close()
                self._cluster = None
        finally:
            quiet.setLevel(level)
