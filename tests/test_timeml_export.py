"""TimeML export: well-formed files that our own gold reader reads back to the
same text, DCT and time expressions (the real pipeline, no mocks)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from lxml import etree

from timeline.io.annotated import read_corpus, read_timex2
from timeline.exports.timeml import timeml_document, timeml_files
from timeline.io.inputs import DocumentInput
from timeline.model import Document, Event, TextSpan, Timeline, Trigger
from timeline.pipeline import Extractor, Options

WIKIWARS = Path(__file__).parent / "data" / "wikiwarsde-dev" / "21_NigerianCivilWar.key.xml"
HOSTILE = ("Am 3. Oktober 1990 <b>&amp;</b> ]]> \"x\" kam 😀 die Einheit.\r\n"
           "Im Jahr 2008 \x01 begann die Finanzkrise. Damals fiel der DAX von 2007 bis 2009.")


@pytest.fixture(scope="module")
def narrative_timeline(extractor: Extractor) -> Timeline:
    gold = read_timex2(WIKIWARS)
    item = DocumentInput(id=gold.id, text=gold.text, source=str(WIKIWARS),
                         dct=gold.dct.isoformat() if gold.dct else None)
    return extractor.run([item], Options(language="de", doc_type="narrative"))


@pytest.fixture(scope="module")
def hostile_timeline(extractor: Extractor) -> Timeline:
    item = DocumentInput(id="a/../b", title='<T> & "q" ]]> \x00 😀', text=HOSTILE, source="test")
    timeline = extractor.run([item], Options(language="de", doc_type="news",
                                             dct=date(2024, 4, 29)))
    assert not timeline.errors and timeline.documents[0].timexes
    # TreeTagger loses a token at a NUL, so the pipeline saw \x01 in its place; the
    # export gets the NUL, and lone surrogates and U+FFFE no tagger would take
    document = timeline.documents[0]
    text = document.text.replace("\x01", "\x00") + " \ud800 \ufffe"
    return timeline.model_copy(update={"documents": [document.model_copy(update={"text": text})]})


def _events(timeline: Timeline, document: Document) -> list[Event]:
    return [e for e in timeline.events if e.doc_id == document.id]


def _written(timeline: Timeline, directory: Path) -> dict[str, Document]:
    files = timeml_files(timeline)
    for name, data in files.items():
        (directory / name).write_bytes(data)
    return {name: doc for name, doc in zip(files, timeline.documents)}


def _check_round_trip(timeline: Timeline, directory: Path) -> None:
    by_name = _written(timeline, directory)
    read = read_corpus(directory)
    assert sorted(g.path.name for g in read) == sorted(by_name)
    for gold in read:
        document = by_name[gold.path.name]
        assert gold.id == document.id
        assert gold.text == document.text.replace("\x00", "\ufffd").replace(
            "\ud800", "\ufffd").replace("\ufffe", "\ufffd")
        assert gold.dct == (date.fromisoformat(document.dct) if document.dct else None)
        assert [(t.start, t.end, t.text, t.value, t.type, t.mod) for t in gold.timexes] == [
            (t.start, t.end, t.text.replace("\x00", "\ufffd"), t.value, t.type.value, t.mod)
            for t in sorted(document.timexes, key=lambda t: t.start)]


def _inline_spans(text_element: etree._Element) -> list[tuple[int, int, etree._Element]]:
    """(start, end, element) of the inline elements of ``<TEXT>``."""
    spans, offset = [], len(text_element.text or "")
    for child in text_element:
        spans.append((offset, offset + len(child.text or ""), child))
        offset += len(child.text or "") + len(child.tail or "")
    return spans


def _check_well_formed(timeline: Timeline) -> None:
    for document in timeline.documents:
        data = timeml_document(document, _events(timeline, document))
        assert data.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
        root = etree.fromstring(data)
        times = {t.get("tid") for t in root.iter("TIMEX3")}
        events = {e.get("eid"): e for e in root.iter("EVENT")}
        instances = {m.get("eiid"): m.get("eventID") for m in root.iter("MAKEINSTANCE")}
        assert set(instances.values()) == set(events) and len(instances) == len(events)
        links = root.findall("TLINK")
        assert links and all(link.get("eventInstanceID") in instances
                             and link.get("relatedToTime") in times for link in links)
        first_parts = {(m.trigger.parts[0].start, m.trigger.parts[0].end)
                       for e in _events(timeline, document) for m in e.mentions if m.trigger}
        for start, end, element in _inline_spans(root.find("TEXT")):
            if element.tag == "EVENT":
                assert (start, end) in first_parts
                assert element.text == document.text[start:end]
        ranges = [e for e in _events(timeline, document) if e.end_timex_id]
        for event in ranges:
            relations = {(link.get("relType"), link.get("relatedToTime")) for link in links}
            assert {("BEGUN_BY", event.timex_id), ("ENDED_BY", event.end_timex_id)} <= relations


def test_seed_round_trips(seed_timeline: Timeline, tmp_path: Path) -> None:
    assert list(timeml_files(seed_timeline)) == ["stoltenberg-kiew.tml"]
    assert any(t.inferred for t in seed_timeline.documents[0].timexes)
    _check_round_trip(seed_timeline, tmp_path)
    _check_well_formed(seed_timeline)
    root = etree.fromstring(timeml_files(seed_timeline)["stoltenberg-kiew.tml"])
    dct = root.find("DCT/TIMEX3")
    assert (dct.get("tid"), dct.get("value"), dct.get("functionInDocument"), dct.text) == \
        ("t0", "2024-04-29", "CREATION_TIME", "2024-04-29")
    inferred = [t for t in root.find("TEXT").iter("TIMEX3") if t.get("tid").startswith("i")]
    assert inferred and all(t.get("anchorTimeID") and t.get("comment") for t in inferred)
    assert "Beginn" in [e.text for e in root.iter("EVENT")]  # "Beginn ... Angriffskriegs"


def test_narrative_round_trips(narrative_timeline: Timeline, tmp_path: Path) -> None:
    assert any(e.end_timex_id for e in narrative_timeline.events)  # "von 1967 bis 1970"
    _check_round_trip(narrative_timeline, tmp_path)
    _check_well_formed(narrative_timeline)


def test_hostile_text_stays_well_formed(hostile_timeline: Timeline, tmp_path: Path) -> None:
    _check_well_formed(hostile_timeline)
    _check_round_trip(hostile_timeline, tmp_path)
    (gold,) = read_corpus(tmp_path)
    assert "\r\n" in gold.text and "😀" in gold.text and "<b>&amp;</b> ]]>" in gold.text
    root = etree.fromstring(timeml_files(hostile_timeline)["a_.._b.tml"])
    assert root.findtext("TITLE") == '<T> & "q" ]]> \ufffd 😀'


def test_document_without_dct_has_empty_dct(seed_timeline: Timeline, tmp_path: Path) -> None:
    document = seed_timeline.documents[0].model_copy(update={"dct": None})
    timeline = seed_timeline.model_copy(update={"documents": [document]})
    assert etree.fromstring(timeml_document(document, [])).find("DCT") is not None
    _check_round_trip(timeline, tmp_path)


def test_overlapping_triggers_are_left_out(seed_timeline: Timeline) -> None:
    document = seed_timeline.documents[0]
    timex = next(t for t in document.timexes if t.id == "t2")
    event = next(e for e in seed_timeline.events if e.doc_id == document.id and e.trigger)
    part = event.mentions[0].trigger.parts[0]

    def told(start: int, end: int, timex_id: str = "t2") -> Event:
        trigger = Trigger(text=document.text[start:end], lemma="x", start=start, end=end,
                          parts=[TextSpan(start=start, end=end)])
        mention = event.mentions[0].model_copy(update={"timex_id": timex_id, "trigger": trigger})
        return event.model_copy(update={"mentions": [mention], "end_timex_id": None})

    clashes = [told(timex.start + 1, timex.end + 2),  # partly over the timex
               told(timex.start + 1, timex.end - 1),  # inside it
               told(part.start + 1, part.end + 3),  # partly over a trigger
               told(part.start, part.end + 1)]  # over a trigger, starting with it
    root = etree.fromstring(timeml_document(document, [event, *clashes]))
    assert [e.text for e in root.iter("EVENT")] == [document.text[part.start:part.end]]
    assert len(root.findall("TLINK")) == 1 and len(root.findall("MAKEINSTANCE")) == 1
    comment = next(c for c in root.iter(etree.Comment))
    assert comment.text.strip().startswith("4 event trigger(s) left out")
    assert not list(etree.fromstring(timeml_document(document, [event])).iter(etree.Comment))


def test_file_names_are_safe_and_distinct(seed_timeline: Timeline, tmp_path: Path) -> None:
    ids = ["../../etc/passwd", "a/b", "a_b", "A_B", "", ".hidden", "..", "NUL", "x\x00y",
           "Überfall 1939", "z" * 5000, "stoltenberg-kiew"]
    document = seed_timeline.documents[0]
    timeline = Timeline(documents=[document.model_copy(update={"id": i}) for i in ids])
    names = list(timeml_files(timeline))
    assert len(names) == len(ids) == len({n.casefold() for n in names})
    assert names[-1] == "stoltenberg-kiew.tml" and names[9] == "Uberfall_1939.tml"
    for name in names:
        assert name.endswith(".tml") and not name.startswith((".", "-"))
        assert not set(name) & set("/\\\x00 :") and len(name.encode()) <= 120
        assert name.split(".")[0].upper() not in {"NUL", "CON"}
    _written(timeline, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(names)
    assert len(read_corpus(tmp_path)) == len(ids)
