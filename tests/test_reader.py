"""The reader: the whole text, marked, escaped, every character once; no HeidelTime needed."""

from __future__ import annotations

from html.parser import HTMLParser
from importlib.resources import files

import lxml.html
import pytest

from timeline.model import (
    Document,
    Event,
    Mention,
    Participant,
    TextSpan,
    Timex,
    TimexType,
    Trigger,
)
from timeline.time.semantics import Granularity
from timeline.views.reader import reader_html

HOSTILE = '<script>alert(1)</script> "onmouseover=alert(2) x=" </textarea> {{ 7*7 }}'
TEXT = ("Russland begann im Februar 2022 den Angriffskrieg gegen die Ukraine.\n\n"
        "Jens Stoltenberg besuchte Kiew am Montag. " + HOSTILE + "\n"
        "Damals dauerte es drei Tage.")


def _at(words: str) -> tuple[int, int]:
    start = TEXT.index(words)
    return start, start + len(words)


def _timex(id_: str, words: str, type_: TimexType, value: str, inferred: bool = False) -> Timex:
    start, end = _at(words)
    return Timex(id=id_, start=start, end=end, text=words, type=type_, value=value,
                 inferred=inferred)


def _sentence(number: int) -> tuple[int, int]:
    span = _sentences()[number]
    return span.start, span.end


def _sentences() -> list[TextSpan]:
    first = TEXT.index("\n")
    second = TEXT.index(". ", first) + 1
    third = TEXT.index("\n", second)
    return [TextSpan(start=0, end=first), TextSpan(start=first + 2, end=second),
            TextSpan(start=second + 1, end=third), TextSpan(start=third + 1, end=len(TEXT))]


def _document(text: str = TEXT, timexes: list[Timex] | None = None) -> Document:
    if timexes is None:
        timexes = [_timex("t1", "Februar 2022", TimexType.DATE, "2022-02"),
                   _timex("t2", "Montag", TimexType.DATE, "2024-04-29"),
                   _timex("i1", "Damals", TimexType.DATE, "2024-04-29", inferred=True),
                   _timex("t3", "drei Tage", TimexType.DURATION, "P3D")]
    return Document(id="doc", title="Test", language="de", doc_type="news", dct="2024-04-29",
                    text=text, sentences=_sentences() if text == TEXT else [],
                    timexes=timexes)


def _event(id_: str, sentence: int, timex_id: str | None, title: str = "Beginn des Kriegs",
           trigger: Trigger | None = None, participants: list[Participant] | None = None,
           doc_id: str = "doc") -> Event:
    start, end = _sentence(sentence)
    return Event(id=id_, doc_id=doc_id, timex_id=timex_id, title=title, sentence=TEXT[start:end],
                 sentence_start=start, sentence_end=end, trigger=trigger, start=None, end=None,
                 granularity=Granularity.MONTH, participants=participants or [])


def _trigger(*words: str) -> Trigger:
    spans = [_at(w) for w in words]
    return Trigger(text=" ... ".join(words), lemma=" ... ".join(words), start=spans[0][0],
                   end=spans[-1][1], parts=[TextSpan(start=s, end=e) for s, e in spans]
                   if len(words) > 1 else [])


def _participant(words: str, kind: str) -> Participant:
    start, end = _at(words)
    return Participant(text=words, start=start, end=end, kind=kind)  # type: ignore[arg-type]


def _events() -> list[Event]:
    return [_event("e1", 0, "t1", trigger=_trigger("begann", "Angriffskrieg"),
                   participants=[_participant("Russland", "LOC"),
                                 _participant("Ukraine", "LOC")]),
            _event("e2", 1, "t2", title="Stoltenberg besucht Kiew", trigger=_trigger("besuchte"),
                   participants=[_participant("Jens Stoltenberg", "PER"),
                                 _participant("Kiew", "LOC")])]


def _text_box(html: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(html).get_element_by_id("text")


_VOID = frozenset({"meta", "br", "link", "img", "input"})


class _Nesting(HTMLParser):
    """Fails on an end tag that does not close the element opened last (lxml would repair it)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open[-1] == tag, f"</{tag}> closes {self.open[-1:]}"
        self.open.pop()


def _assert_nested(html: str) -> None:
    parser = _Nesting()
    parser.feed(html)
    parser.close()
    assert parser.open == []


def test_the_text_comes_back_character_for_character() -> None:
    document = _document()
    html = reader_html(document, _events(), selected="e2")
    assert _text_box(html).text_content() == document.text
    _assert_nested(html)


def test_each_time_expression_is_marked_with_its_type_and_a_hover_in_words() -> None:
    document = _document()
    box = _text_box(reader_html(document, _events()))
    marks = {mark.get("data-timex"): mark for mark in box.iter("mark")}
    assert set(marks) == {"t1", "t2", "i1", "t3"}
    for timex in document.timexes:
        mark = marks[timex.id]
        assert mark.text_content() == timex.text
        assert timex.type.value in mark.get("class").split()
    assert marks["t1"].get("title") == "Februar 2022 · date"
    assert marks["t2"].get("title") == "29. April 2024 · date"
    assert marks["t3"].get("title") == "3 Tage · duration"
    assert "inferred" in marks["i1"].get("class").split()
    assert "inferred" in marks["i1"].get("title")
    assert "inferred" not in marks["t1"].get("class").split()


def test_triggers_and_participants_are_marked_with_their_kind() -> None:
    box = _text_box(reader_html(_document(), _events()))
    triggers = [span for span in box.find_class("trigger")]
    assert [t.text_content() for t in triggers] == ["begann", "Angriffskrieg", "besuchte"]
    assert triggers[0].get("title") == "what happened: Beginn des Kriegs"
    names = {span.text_content(): span.get("title") for span in box.find_class("participant")}
    assert names == {"Russland": "place", "Ukraine": "place", "Jens Stoltenberg": "person",
                     "Kiew": "place"}


def test_the_selected_sentence_has_the_id_and_every_event_sentence_its_event() -> None:
    document = _document()
    html = reader_html(document, _events(), selected="e2")
    box = _text_box(html)
    selected = [element for element in box.iter() if element.get("id") == "selected"]
    assert len(selected) == 1
    start, end = _sentence(1)
    assert selected[0].text_content() == document.text[start:end]
    assert selected[0].get("data-timex") == "t2"  # where the script starts stepping
    told = {span.get("data-event"): span.text_content() for span in box.find_class("sentence")}
    assert told == {"e1": document.text[slice(*_sentence(0))], "e2": document.text[start:end]}
    assert 'id="selected"' not in reader_html(document, _events())
    assert 'id="selected"' not in reader_html(document, _events(), selected="no-such-event")


def test_user_text_never_becomes_markup_or_script() -> None:
    document = _document()
    hostile_event = _event("e3", 2, None, title=HOSTILE, trigger=_trigger("</textarea>"))
    html = reader_html(document, [*_events(), hostile_event], selected="e3")
    tree = lxml.html.fromstring(html)
    scripts = tree.findall(".//script")
    assert len(scripts) == 1
    assert scripts[0].text == files("timeline.views").joinpath(
        "templates", "reader.js").read_text("utf-8")
    assert not tree.findall(".//textarea")
    assert not [name for element in tree.iter() for name in element.attrib
                if name.startswith("on")]
    assert _text_box(html).text_content() == document.text  # "{{ 7*7 }}" stays as written
    trigger = _text_box(html).find_class("trigger")[-1]
    assert trigger.get("title") == "what happened: " + HOSTILE
    _assert_nested(html)


def test_overlapping_marks_nest_and_a_time_expression_stays_whole() -> None:
    document = _document()
    crossing = [_participant("im Februar", "MISC"),  # into a time expression
                _participant("den Angriffskrieg", "ORG"),  # across a trigger's start
                _participant("Ukraine.\n\nJens", "PER")]  # across two sentences
    events = [_event("e1", 0, "t1", trigger=_trigger("Angriffskrieg gegen"),
                     participants=crossing),
              _event("e2", 0, "t1", trigger=_trigger("gegen die"))]  # overlaps e1's trigger
    html = reader_html(document, events, selected="e1")
    _assert_nested(html)
    box = _text_box(html)
    assert box.text_content() == document.text
    february = [m for m in box.iter("mark") if m.get("data-timex") == "t1"]
    assert [m.text_content() for m in february] == ["Februar 2022"]
    assert not february[0].find_class("participant") and not february[0].find_class("trigger")
    assert [s.text_content() for s in box.find_class("trigger")] == ["Angriffskrieg gegen"]
    assert [s.get("data-event") for s in box.find_class("sentence")] == ["e1 e2"]


def test_an_event_without_a_time_expression_is_shown() -> None:
    document = _document()
    by_hand = _event("e3", 3, None, title="Von Hand", trigger=_trigger("dauerte"))
    html = reader_html(document, [*_events(), by_hand], selected="e3")
    box = _text_box(html)
    assert [s.get("data-event") for s in box.find_class("sentence")] == ["e1", "e2", "e3"]
    selected = box.get_element_by_id("selected")
    assert selected.text_content() == document.text[slice(*_sentence(3))]
    assert selected.get("data-timex") is None


def test_an_event_told_here_and_found_in_another_document() -> None:
    """A merged event marks its telling here; its participants' offsets are elsewhere."""
    start, end = _sentence(1)
    merged = _event("e9", 0, "x1", doc_id="other", participants=[_participant("Russland", "LOC")])
    merged.mentions = [Mention(doc_id="doc", timex_id="t2", sentence_start=start,
                               sentence_end=end, clause_start=start, clause_end=end,
                               trigger=_trigger("besuchte"))]
    box = _text_box(reader_html(_document(), [merged], selected="e9"))
    assert [s.get("data-event") for s in box.find_class("sentence")] == ["e9"]
    assert box.get_element_by_id("selected").text_content() == TEXT[start:end]
    assert [s.text_content() for s in box.find_class("trigger")] == ["besuchte"]
    assert not box.find_class("participant")


def test_the_legend_counts_what_is_shown() -> None:
    html = reader_html(_document(), _events())
    legend = {li.find("span").text_content(): li.find_class("count")[0].text_content()
              for li in lxml.html.fromstring(html).find_class("legend")[0].iter("li")}
    # a trigger in two parts counts once, by its event
    assert legend == {"date": "2", "duration": "1", "inferred": "1", "what happened": "2",
                      "person": "1", "place": "3"}
    assert 'style="height: 520px"' in html


def test_a_text_without_marks() -> None:
    document = _document(text="Nichts geschah.", timexes=[])
    html = reader_html(document, [], height=300)
    assert _text_box(html).text_content() == "Nichts geschah."
    assert "No time expressions found." in html
    buttons = lxml.html.fromstring(html).findall(".//button")
    assert len(buttons) == 2 and all("disabled" in button.attrib for button in buttons)


@pytest.mark.parametrize("selected", [None, "e1"])
def test_an_empty_text(selected: str | None) -> None:
    document = _document(text="", timexes=[])
    assert _text_box(reader_html(document, [], selected)).text_content() == ""
