"""TimeML export: one TimeML 1.2.1 file per document.

TimeML is what temporal-annotation tools and corpora (TimeBank, TempEval,
our own ``timeline eval``) read, so the expressions we found can be scored,
corrected in an annotation tool, or compared with gold files. The text is
written unchanged with inline TIMEX3 and EVENT elements, so offsets survive a
round trip; every file is built with lxml from the model, never by pasting
user text into markup.

Inline XML cannot overlap and TimeML's EVENT holds text only, so a trigger
that touches a time expression or another trigger is left out, with its links;
the file says how many in a comment. Every happening an expression dates (the
trigger and the other triggers) is an EVENT with its TLINK to the expression.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass

from lxml import etree

from timeline.io.files import write_bytes
from timeline.model import Document, Event, Timeline, Timex, Trigger, happenings

_XSI = "http://www.w3.org/2001/XMLSchema-instance"
_SCHEMA = "http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd"
# XML 1.0 forbids these; one U+FFFD for each keeps every offset
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_NOT_IN_NAME = re.compile(r"[^A-Za-z0-9._-]+")
_MAX_STEM = 100
_WINDOWS_DEVICES = {"CON", "PRN", "AUX", "NUL", *(f"{p}{n}" for p in ("COM", "LPT")
                                                   for n in range(1, 10))}

_Extent = tuple[int, int]


@dataclass(frozen=True)
class _Plan:
    """What goes into one file: kept timexes and EVENT extents in text order,
    links as (extent, relType, tid), and how many trigger extents were left out."""

    timexes: list[Timex]
    extents: list[_Extent]
    links: list[tuple[_Extent, str, str]]
    skipped: int


def xml_safe(text: str) -> str:
    """``text`` with each character XML 1.0 forbids replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def _told(event: Event, doc_id: str) -> list[tuple[str, Trigger | None]]:
    """(timex id, trigger) of every happening of every mention in document ``doc_id``;
    a v1 event without mentions tells itself; one a person added without an
    expression, nothing."""
    if not event.mentions:
        return [(event.timex_id, trigger) for trigger in happenings(event)] \
            if event.timex_id else []
    return [(m.timex_id, trigger) for m in event.mentions if (m.doc_id or event.doc_id) == doc_id
            for trigger in happenings(m)]


def _plan(document: Document, events: list[Event]) -> _Plan:
    """Keep timexes, then trigger extents, first come (in text order) first kept."""
    size = len(document.text)
    timexes: list[Timex] = []
    for timex in sorted(document.timexes, key=lambda t: (t.start, -t.end, t.id)):
        if timex.end <= size and timex.start <= timex.end and (
                not timexes or timexes[-1].end <= timex.start):
            timexes.append(timex)
    tids = {t.id for t in timexes}
    wanted: list[tuple[_Extent, str, str]] = []
    for event in events:
        for timex_id, trigger in _told(event, document.id):
            if trigger is None:
                continue
            part = trigger.parts[0] if trigger.parts else trigger
            if event.end_timex_id and timex_id == event.timex_id:  # "von 1967 bis 1970"
                relations = [("BEGUN_BY", timex_id), ("ENDED_BY", event.end_timex_id)]
            else:
                relations = [("IS_INCLUDED", timex_id)]
            wanted += [((part.start, part.end), rel, tid) for rel, tid in relations]
    candidates = sorted({extent for extent, _, _ in wanted})
    extents: list[_Extent] = []
    for start, end in candidates:
        if start < end <= size and not any(t.start < end and start < t.end for t in timexes) \
                and (not extents or extents[-1][1] <= start):
            extents.append((start, end))
    kept = set(extents)
    links = [link for link in dict.fromkeys(wanted) if link[0] in kept and link[2] in tids]
    return _Plan(timexes, extents, links, len(candidates) - len(extents))


def _element(parent: etree._Element, tag: str, text: str | None = None,
             **attributes: str | None) -> etree._Element:
    element = etree.SubElement(parent, tag, {k: xml_safe(v) for k, v in attributes.items()
                                             if v is not None})
    element.text = None if text is None else xml_safe(text)
    return element


def _timex3(parent: etree._Element, timex: Timex, tids: set[str]) -> etree._Element:
    anchor = timex.anchor_id if timex.anchor_id in tids else None
    return _element(
        parent, "TIMEX3", tid=timex.id, type=timex.type.value, value=timex.value,
        mod=timex.mod, quant=timex.quant, freq=timex.freq,
        temporalFunction="true" if anchor else "false", functionInDocument="NONE",
        anchorTimeID=anchor, comment=f"inferred ({timex.rule or 'anaphora'}): dated from the "
        "previous date of the text" if timex.inferred else None,
    )


def _inline(parent: etree._Element, text: str, spans: list[tuple[int, int, etree._Element]]
            ) -> None:
    """Give ``parent`` the mixed content ``text`` with ``spans`` (not overlapping) inside."""
    position, last = 0, None
    for start, end, element in sorted(spans, key=lambda s: (s[0], s[1])):
        if last is None:
            parent.text = text[position:start]
        else:
            last.tail = text[position:start]
        element.text = text[start:end]
        parent.append(element)
        position, last = end, element
    if last is None:
        parent.text = text[position:]
    else:
        last.tail = text[position:]


def timeml_document(document: Document, events: list[Event]) -> bytes:
    """One TimeML file (UTF-8, with XML declaration) for ``document`` and its events."""
    plan = _plan(document, events)
    tids = {t.id for t in plan.timexes}
    root = etree.Element("TimeML", nsmap={"xsi": _XSI})
    root.set(f"{{{_XSI}}}noNamespaceSchemaLocation", _SCHEMA)
    if plan.skipped:
        root.append(etree.Comment(f" {plan.skipped} event trigger(s) left out: they overlap "
                                  "a time expression or another trigger "))
    _element(root, "DOCID", document.id)
    dct = _element(root, "DCT", "")  # empty, not absent: readers look for the element
    if document.dct:
        used, dct_tid = {t.id for t in document.timexes}, "t0"
        while dct_tid in used:  # ours are t1.. and i1.., but a loaded timeline may differ
            dct_tid += "0"
        _element(dct, "TIMEX3", document.dct, tid=dct_tid, type="DATE",
                 value=document.dct, temporalFunction="false",
                 functionInDocument="CREATION_TIME")
    _element(root, "TITLE", document.title)
    body = _element(root, "TEXT")
    eids = {extent: number for number, extent in enumerate(plan.extents, start=1)}
    spans = [(t.start, t.end, _timex3(body, t, tids)) for t in plan.timexes]
    spans += [(start, end, _element(body, "EVENT", eid=f"e{eids[start, end]}",
                                    **{"class": "OCCURRENCE"}))
              for start, end in plan.extents]
    _inline(body, xml_safe(document.text), spans)
    for number in eids.values():
        _element(root, "MAKEINSTANCE", eventID=f"e{number}", eiid=f"ei{number}", tense="NONE",
                 aspect="NONE", polarity="POS", pos="UNKNOWN")
    for number, (extent, relation, tid) in enumerate(plan.links, start=1):
        _element(root, "TLINK", lid=f"l{number}", relType=relation,
                 eventInstanceID=f"ei{eids[extent]}", relatedToTime=tid)
    root.text = "\n"
    for child in root:
        child.tail = "\n"
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def safe_name(doc_id: str, taken: set[str]) -> str:
    """A file name for ``doc_id``: ASCII letters, digits, ``._-``, not hidden, bounded,
    and not in ``taken`` (compared case-insensitively; the new name is added)."""
    ascii_id = unicodedata.normalize("NFKD", doc_id).encode("ascii", "ignore").decode()
    stem = _NOT_IN_NAME.sub("_", ascii_id)[:_MAX_STEM].strip("._-") or "document"
    if stem.split(".")[0].upper() in _WINDOWS_DEVICES:
        stem = f"doc-{stem}"
    name, number = f"{stem}.tml", 1
    while name.casefold() in taken:
        number += 1
        name = f"{stem}-{number}.tml"
    taken.add(name.casefold())
    return name


def timeml_files(timeline: Timeline) -> dict[str, bytes]:
    """A TimeML file per document, by safe file name, in document order."""
    events: dict[str, list[Event]] = defaultdict(list)
    for event in timeline.shown().events:
        for doc_id in dict.fromkeys([event.doc_id, *(m.doc_id for m in event.mentions if m.doc_id)]):
            events[doc_id].append(event)
    taken: set[str] = set()
    return {safe_name(d.id, taken): timeml_document(d, events[d.id]) for d in timeline.documents}


def write_timeml(timeline: Timeline, directory: str) -> None:
    """One ``.tml`` file per document into ``directory`` (created if missing)."""
    for name, content in timeml_files(timeline).items():
        write_bytes(os.path.join(directory, name), content)
