"""How far a batch is: a bar on a terminal, a plain line now and then elsewhere, a summary.

On a terminal, tqdm draws one bar with the rate and the time left; in a log
file or a pipe a bar would be thousands of carriage returns, so a line is
printed every ``period`` seconds instead. Either way the batch ends with one
summary line: documents, events, errors and time.
"""

from __future__ import annotations

import io
import os
import sys
import time
from typing import TextIO

from tqdm import tqdm

from timeline.model import Record
from timeline.tagging.cleaning import printable

PERIOD = 10.0  # seconds between plain progress lines


def _duration(seconds: float) -> str:
    seconds = round(seconds)
    if seconds < 60:
        return f"{seconds} s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {seconds} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes} min"


def _columns(stream: TextIO) -> int:
    """The terminal's width; 0 when it reports none (a pseudo-terminal nobody sized)."""
    try:
        return os.get_terminal_size(stream.fileno()).columns
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        return 0


class Progress:
    """``advance(line)`` per finished document, ``say(text)`` for messages that must not
    tear the bar, ``close()`` for the summary line."""

    def __init__(self, total: int | None, stream: TextIO | None = None,
                 interactive: bool | None = None, period: float = PERIOD,
                 kept: int = 0, counts_events: bool = True) -> None:
        self.stream = stream or sys.stderr
        self.total = total
        self.kept = kept  # finished by an earlier run (--resume), not counted again
        self.period = period
        self.counts_events = counts_events  # `timeline eval` scores, it makes no events
        self.documents = self.errors = self.events = 0
        self.started = self._last = time.monotonic()
        # one document needs no bar and no summary: its result or error says it all
        self.shown = total is None or total + kept > 1
        if interactive is None:
            interactive = self.stream.isatty()
        interactive = interactive and self.shown
        sized = _columns(self.stream) > 0  # an unsized terminal: tqdm would draw nothing
        self._bar = tqdm(total=total, file=self.stream, unit=" documents",
                         dynamic_ncols=sized, ncols=None if sized else 100,
                         nrows=None if sized else 20, smoothing=0.1, leave=False,
                         bar_format="{l_bar}{bar}| {n_fmt}/{total_fmt} [{elapsed}<{remaining}, "
                         "{rate_fmt}{postfix}]") if interactive else None

    def advance(self, line: Record) -> None:
        """One document done, as its JSON line says."""
        self.step(failed=line.error is not None, events=len(line.events))

    def step(self, failed: bool = False, events: int = 0) -> None:
        """One document done."""
        self.documents += 1
        if failed:
            self.errors += 1
        self.events += events
        if self._bar is not None:
            self._bar.set_postfix_str(self._events() + f"{self.errors:,} failed", refresh=False)
            self._bar.update(1)
        elif self.shown and time.monotonic() - self._last >= self.period:
            self._last = time.monotonic()
            self._print(self._status())

    def say(self, text: str) -> None:
        """A line on the stream, above the bar if there is one, never raw control characters."""
        if self._bar is not None:
            self._bar.write(printable(text), file=self.stream)
        else:
            self._print(text)

    def _print(self, text: str) -> None:
        print(printable(text), file=self.stream, flush=True)

    def _status(self) -> str:
        elapsed = time.monotonic() - self.started
        rate = self.documents / elapsed if elapsed > 0 else 0.0
        done = f"{self.documents:,}"
        if self.total:
            done += f" of {self.total:,} documents ({100 * self.documents // self.total} %)"
        else:
            done += " documents"
        left = ""
        if self.total and rate > 0 and self.documents < self.total:
            left = f", about {_duration((self.total - self.documents) / rate)} left"
        return (f"timeline: {done}, {rate:.1f} documents/s, {self._events()}"
                f"{self.errors:,} failed{left}")

    def _events(self) -> str:
        return f"{self.events:,} events, " if self.counts_events else ""

    def close(self, interrupted: bool = False, note: str = "") -> str:
        """End the bar and print (and return) the summary line, ``note`` at its end."""
        if self._bar is not None:
            self._bar.close()
            self._bar = None
        elapsed = time.monotonic() - self.started
        rate = self.documents / elapsed if elapsed > 0 else 0.0
        how = "interrupted after" if interrupted else "done:"
        summary = (f"timeline: {how} {self.documents:,} documents in {_duration(elapsed)} "
                   f"({rate:.1f}/s): {self.documents - self.errors:,} tagged, "
                   f"{self.errors:,} failed" + (f", {self.events:,} events"
                                                if self.counts_events else ""))
        if self.kept:
            summary += f"; {self.kept:,} kept from the earlier run"
        summary += note
        if self.shown or interrupted:
            self._print(summary)
        return summary
