"""Gold-annotated documents: TimeML (``.tml``, inline TIMEX3, DCT in ``<DCT>``)
and WikiWarsDE (``*.key.xml``, inline TIMEX2, DCT in ``<DATETIME>``).

The text to tag is the content of ``<TEXT>`` with every tag removed and XML
entities decoded, exactly as the annotators saw it; gold offsets index that
text, so ``text[start:end]`` is the annotated expression.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from timeline.errors import BadInputError

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>")
_ATTRIBUTE = re.compile(r'([A-Za-z_:]+)\s*=\s*"([^"]*)"')


@dataclass(frozen=True)
class GoldTimex:
    start: int
    end: int
    text: str
    value: str | None
    type: str | None  # None where the annotation has none (TIMEX2)
    mod: str | None = None
    id: str | None = None  # tid, or an EVENT's eid


@dataclass
class GoldDocument:
    id: str
    text: str
    dct: date | None
    path: Path
    timexes: list[GoldTimex] = field(default_factory=list)
    scheme: str = "TIMEX3"
    events: list[GoldTimex] = field(default_factory=list)  # EVENT spans, ``id`` their eid
    tlinks: list[tuple[str, str, str]] = field(default_factory=list)  # (relType, from, to)


def _tlinks(source: str) -> list[tuple[str, str, str]]:
    """TLINKs as (relType, from, to), event instances named by their EVENT's eid."""
    instances: dict[str, str] = {}
    links = []
    for match in _TAG.finditer(source):
        name, attributes = match.group(2), dict(_ATTRIBUTE.findall(match.group(3)))
        if name == "MAKEINSTANCE" and "eiid" in attributes:
            instances[attributes["eiid"]] = attributes.get("eventID", "")
        elif name == "TLINK":
            links.append(attributes)
    found = []
    for link in links:
        ends = [instances.get(link[key], link[key]) if "Instance" in key else link[key]
                for key in ("eventInstanceID", "timeID", "relatedToEventInstance",
                            "relatedToTime") if key in link]
        if len(ends) == 2 and "relType" in link:
            found.append((link["relType"], ends[0], ends[1]))
    return found


def inline_annotations(markup: str, element: str) -> tuple[str, list[GoldTimex]]:
    """Plain text of ``markup`` and the ``element`` annotations in it (also used for
    HeidelTime's own TimeML output)."""
    text: list[str] = []
    length = 0
    open_tags: list[tuple[int, dict[str, str]]] = []
    found: list[GoldTimex] = []
    position = 0
    for match in _TAG.finditer(markup):
        chunk = html.unescape(markup[position:match.start()])
        text.append(chunk)
        length += len(chunk)
        position = match.end()
        closing, name, attributes, empty = match.groups()
        if name != element or empty:
            continue
        if not closing:
            open_tags.append((length, {k: html.unescape(v)
                                       for k, v in _ATTRIBUTE.findall(attributes)}))
        elif open_tags:
            start, attrs = open_tags.pop()
            found.append(GoldTimex(start=start, end=length, text="", value=attrs.get("value")
                                   or attrs.get("val"), type=attrs.get("type"),
                                   mod=attrs.get("mod"),
                                   id=attrs.get("tid") or attrs.get("eid")))
    chunk = html.unescape(markup[position:])
    text.append(chunk)
    plain = "".join(text)
    return plain, [GoldTimex(t.start, t.end, plain[t.start:t.end], t.value, t.type, t.mod, t.id)
                   for t in sorted(found, key=lambda t: (t.start, t.end))]


def _section(source: str, name: str, path: Path) -> str:
    match = re.search(rf"<{name}[^>]*>(.*?)</{name}>", source, re.S)
    if match is None:
        raise BadInputError("E115", path=path, reason=f"no <{name}> element")
    return match.group(1)


def _dct(value: str | None) -> date | None:
    if value and re.match(r"^\d{4}-\d{2}-\d{2}", value):
        return date.fromisoformat(value[:10])
    return None


def read_timeml(path: Path) -> GoldDocument:
    source = path.read_text(encoding="utf-8")
    _, dct_timexes = inline_annotations(_section(source, "DCT", path), "TIMEX3")
    body = _section(source, "TEXT", path)
    text, timexes = inline_annotations(body, "TIMEX3")
    _, events = inline_annotations(body, "EVENT")
    doc_id = re.search(r"<DOCID>(.*?)</DOCID>", source)
    return GoldDocument(id=doc_id.group(1).strip() if doc_id else path.stem, text=text,
                        dct=_dct(dct_timexes[0].value if dct_timexes else None), path=path,
                        timexes=timexes, events=events, tlinks=_tlinks(source))


def read_timex2(path: Path) -> GoldDocument:
    source = path.read_text(encoding="utf-8")
    _, dct_timexes = inline_annotations(_section(source, "DATETIME", path), "TIMEX2")
    text, timexes = inline_annotations(_section(source, "TEXT", path), "TIMEX2")
    doc_id = re.search(r"<DOCID>(.*?)</DOCID>", source)
    return GoldDocument(id=doc_id.group(1).strip() if doc_id else path.name.split(".")[0],
                        text=text, dct=_dct(dct_timexes[0].value if dct_timexes else None),
                        path=path, timexes=timexes, scheme="TIMEX2")


def read_corpus(directory: Path) -> list[GoldDocument]:
    """Every ``.tml`` and ``*.key.xml`` document of ``directory``, by file name."""
    if not directory.is_dir():
        raise BadInputError("E104", path=directory)
    documents = []
    for path in sorted(directory.iterdir()):
        if path.suffix == ".tml":
            documents.append(read_timeml(path))
        elif path.name.endswith(".key.xml"):
            documents.append(read_timex2(path))
    if not documents:
        raise BadInputError("E115", path=directory, reason="no .tml or .key.xml documents")
    return documents
