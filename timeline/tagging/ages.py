"""Ages, which HeidelTime's German rules read as durations, left out of news.

"der 47-jährige Burggräfler", "Sechzehnjährige Schüler", "31 und 22 Jahre alt", "im
Alter von 73 Jahren" say how old someone is, not how long something lasted. TimeML
leaves ages out: HeidelTime's English tags none, stock German drops "20 Jahre alt",
and no age is marked in the TIMEX3 gold we have (KRAUTS folds 1-3: 0 of 10; AQUAINT:
0 of 18). TIMEX2 marks them (WikiWarsDE: "im Alter von 18 – 35 Jahren"), so
narratives keep HeidelTime's reading; the pipeline calls this for the document types
told from their date (news, colloquial).

An age adjective ("-jährig", "-monatig") is one before a person; a person is a noun
ending as person nouns do ("-er", "-in", "-ist", "-ling") or one of a few heads
("Kind", "Frau", "Student"), so "nach dreijähriger Bauzeit" and "den neunmonatigen
Dienst" stay durations. The words are data in the language file (``ages``).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span, Token

from timeline.tagging.heideltime import RawTimex
from timeline.tagging.lexicon import Lexicon

_REACH = 6  # tokens between an amount and "alt", or "im Alter von" and the amount


def without_ages(timexes: list[RawTimex], doc: Doc, lex: Lexicon) -> list[RawTimex]:
    """``timexes`` without the durations that are someone's age."""
    cues = {**lex.data["ages"], "units": lex.data["units"],
            "number_words": lex.data["number_words"]}
    return [t for t in timexes if t.type != "DURATION" or not _age(doc, t, cues)]


def _age(doc: Doc, timex: RawTimex, cues: dict[str, Any]) -> bool:
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None:
        return False
    if any(part in span[-1].lower_ for part in cues["adjectives"]):
        return _before_person(doc, span, cues)
    return _told_as_age(doc, span, cues)


def _before_person(doc: Doc, span: Span, cues: dict[str, Any]) -> bool:
    """The adjective's noun (past an opening quote) is a person: "47-jährige "Freund"."""
    for token in doc[span.end:span.end + 2]:
        if token.is_quote:
            continue
        word = token.lower_
        return token.tag_.startswith("NN") and \
            not word.endswith(tuple(cues["not_person_endings"])) and \
            word.endswith((*cues["person_endings"], *cues["person_heads"]))
    return False


def _amount(token: Token, cues: dict[str, Any]) -> bool:
    """A part of an amount or a range of amounts: "31", "und", "22", "Jahre", "–"."""
    word = token.lower_
    return token.like_num or word in cues["joiners"] or word in cues["units"] or \
        word in cues["number_words"]


def _told_as_age(doc: Doc, span: Span, cues: dict[str, Any]) -> bool:
    """"31 und 22 Jahre alt": an age word after the amounts; "im Alter von 18 – 35 Jahren":
    an age phrase before them."""
    sentence = span.sent
    after = span.end
    while after < min(sentence.end, span.end + _REACH) and _amount(doc[after], cues):
        after += 1
    if after < sentence.end and doc[after].lower_ in cues["after"]:
        return True
    before = span.start
    while before > max(sentence.start, span.start - _REACH) and _amount(doc[before - 1], cues):
        before -= 1
    words = " ".join(t.lower_ for t in doc[max(sentence.start, before - 3):before])
    return any(words.endswith(phrase) for phrase in cues["before"])
