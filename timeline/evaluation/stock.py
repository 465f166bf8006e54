"""Unmodified HeidelTime, for comparison: the stock jar and resources through its
own ``HeidelTimeStandalone`` API (its TreeTagger wrapper, its tokenizer).

It runs in a worker process of its own (``python -m timeline.evaluation.stock``,
one JVM with nothing but the stock jar on its class path), so that our
resources, which sit ahead of the stock ones in our process, cannot leak in.
Protocol: one JSON object per line on stdin (``id``, ``text``, ``language``,
``doc_type``, ``dct``), one per line on stdout (``id`` and ``timexes`` or
``error``).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from datetime import date
from typing import Any

from timeline.tagging import jvm
from timeline.io.annotated import inline_annotations
from timeline.evaluation.scoring import Mention
from timeline.tagging.install import Installation, cache_dir, write_config
from timeline.tagging.languages import DOC_TYPES, LANGUAGES

def parse_timeml(output: str, text: str) -> list[Mention]:
    """TIMEX3s of HeidelTime's TimeML output, as offsets into ``text``."""
    body = output
    if "<TimeML>" in body:
        body = body.split("<TimeML>", 1)[1].rsplit("</TimeML>", 1)[0]
        body = body[1:] if body.startswith("\n") else body
    rebuilt, timexes = inline_annotations(body, "TIMEX3")
    mentions = [Mention(t.start, t.end, t.text, t.value, t.type) for t in timexes]
    if rebuilt.rstrip("\n") != text.rstrip("\n"):
        # HeidelTime changed the text (it should not): find each expression by search
        found, cursor = [], 0
        for mention in mentions:
            start = text.find(mention.text, cursor)
            if start < 0:
                continue
            found.append(Mention(start, start + len(mention.text), mention.text,
                                 mention.value, mention.type))
            cursor = start + len(mention.text)
        return found
    return mentions


def _serve() -> None:
    install = Installation.find()
    config = write_config(install, cache_dir())
    jvm.ensure_started([install.jar])
    from java.text import SimpleDateFormat

    from de.unihd.dbs.heideltime.standalone import (DocumentType, HeidelTimeStandalone,
                                                    OutputType, POSTagger)
    from de.unihd.dbs.uima.annotator.heideltime.resources import Language

    taggers: dict[tuple[str, str], Any] = {}
    day = SimpleDateFormat("yyyy-MM-dd")
    for line in sys.stdin:
        request = json.loads(line)
        key = (request["language"], request["doc_type"])
        try:
            if key not in taggers:
                taggers[key] = HeidelTimeStandalone(
                    Language.getLanguageFromString(LANGUAGES[key[0]]),
                    DocumentType.valueOf(DOC_TYPES[key[1]]), OutputType.TIMEML, str(config),
                    POSTagger.TREETAGGER, False)
            dct = day.parse(request["dct"]) if request.get("dct") else None
            start = time.perf_counter()
            output = str(taggers[key].process(request["text"], dct))
            seconds = time.perf_counter() - start
            mentions = parse_timeml(output, request["text"])
            reply = {"id": request["id"], "timexes": [m.__dict__ for m in mentions],
                     "seconds": seconds}
        except Exception as exc:  # noqa: BLE001 - reported per document, the run goes on
            reply = {"id": request["id"], "error": str(exc)}
        sys.stdout.write(json.dumps(reply) + "\n")
        sys.stdout.flush()


class StockHeidelTime:
    """The worker process, seen from our side: ``tag(...) -> mentions``."""

    def __init__(self) -> None:
        self.seconds = 0.0  # spent in HeidelTimeStandalone.process, for benchmarks
        self._process = subprocess.Popen(
            [sys.executable, "-m", "timeline.evaluation.stock"], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, encoding="utf-8")

    def tag(self, doc_id: str, text: str, language: str, doc_type: str,
            dct: date | None) -> list[Mention]:
        assert self._process.stdin and self._process.stdout
        self._process.stdin.write(json.dumps({
            "id": doc_id, "text": text, "language": language, "doc_type": doc_type,
            "dct": dct.isoformat() if dct else None}) + "\n")
        self._process.stdin.flush()
        reply = json.loads(self._process.stdout.readline() or '{"error": "worker died"}')
        if "error" in reply:
            raise RuntimeError(reply["error"])
        self.seconds += reply["seconds"]
        return [Mention(**m) for m in reply["timexes"]]

    @property
    def pid(self) -> int:
        return self._process.pid

    def close(self) -> None:
        if self._process.stdin:
            self._process.stdin.close()
        self._process.wait(timeout=60)

    def __enter__(self) -> StockHeidelTime:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


if __name__ == "__main__":
    _serve()
