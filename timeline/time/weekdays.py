"""Bare weekdays in Spanish, Portuguese, French, Italian and Dutch news, dated by the
tense of their clause.

HeidelTime puts "el martes" before or after the DCT by the last verb before it that its
tense patterns know, else the first after it, anywhere in the document. Those patterns
miss the commonest tenses of news: Spanish and Portuguese TreeTagger tags carry no tense
(only futures in "-rá" are known, so "dijo el martes que el Gobierno aprobará" took next
Tuesday from "aprobará"; Portuguese "viajará na quinta-feira" was last Thursday), Italian
knows no perfect ("ha annunciato martedì" took the next verb's future), French takes every
participle for a past ("sera reçu jeudi" was last Thursday, "va se rendre samedi" too) and
Dutch knows no future ("zal donderdag naar Brussel reizen", "gaat maandag een besluit
nemen" were last week's). Here the verb group nearest the weekday (its comma-free stretch
first) decides: a future, or a present of going or of intent before an infinitive ("va a
firmar", "doit se réunir", "zal ... reizen"), puts it after the DCT; a past form, a present
perfect ("ha anunciado", "a annoncé", "è arrivato") or a participle on its own before it.
A present, a subjunctive or a conditional says nothing: HeidelTime's day stays. A
participle of planning ("La grève prévue vendredi touchera ...") is passed over for the
verb that tells when the plan stands. The cues are data under ``news_tense`` in each
language file.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from spacy.tokens import Doc, Span, Token

from timeline.tagging.heideltime import RawTimex, rule_name
from timeline.time.news import weekend_of

PAST, FUTURE = "past", "future"
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
_WEEKEND = re.compile(r"^(\d{4})-W(\d{2})-WE$")


def redate(timexes: list[RawTimex], doc: Doc, dct: date, cues: dict[str, Any]) -> list[RawTimex]:
    """``timexes`` with each bare weekday (and, where ``weekend_rules`` name them, each
    weekend: "El fin de semana hubo disturbios" was the coming one) on the side of the
    DCT its clause's tense tells: a week later when HeidelTime put it before the DCT in a
    clause about what is ahead, a week earlier when it put it after the DCT in a clause
    about the past."""
    out = []
    for timex in timexes:
        rule = rule_name(timex.rule)
        if rule in cues["weekday_rules"] and _DAY.match(timex.value):
            when = date.fromisoformat(timex.value[:10])
            tense = _tense(doc, timex, cues) if when != dct else None
            if tense == FUTURE and when < dct or tense == PAST and when > dct:
                moved = when + timedelta(days=7 if when < dct else -7)
                timex = replace(timex, value=moved.isoformat() + timex.value[10:])
        elif rule in cues.get("weekend_rules", ()) and (weekend := _WEEKEND.match(timex.value)):
            saturday = date.fromisocalendar(int(weekend[1]), int(weekend[2]), 6)
            tense = _tense(doc, timex, cues)
            if tense == FUTURE and saturday + timedelta(days=1) < dct or \
                    tense == PAST and saturday > dct:
                timex = replace(timex, value=weekend_of(
                    saturday + timedelta(days=7 if saturday < dct else -7)))
        out.append(timex)
    return out


def _tense(doc: Doc, timex: RawTimex, cues: dict[str, Any]) -> str | None:
    """PAST, FUTURE or None (nothing says) for the verb group nearest to ``timex``."""
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None:
        return None
    verbs = [t for t in span.sent if _verb(t, cues) and not span.start <= t.i < span.end
             and not (_participle(t, cues) and t.lemma_ in cues["plan_lemmas"])]
    if not verbs:
        return None

    def distance(token: Token) -> tuple[bool, int]:
        between = doc[min(token.i, span.start):max(token.i, span.end)]
        return any(t.text in (",", ";", ":") for t in between), abs(token.i - span.start)

    return _group_tense(_group(span.sent, min(verbs, key=distance), cues), cues)


def _verb(token: Token, cues: dict[str, Any]) -> bool:
    return token.tag_.startswith(tuple(cues["verb_tags"]))


def _group(sentence: Span, verb: Token, cues: dict[str, Any]) -> list[Token]:
    """The verbs of the group around ``verb``: with ``clause_tags`` (Dutch, whose
    infinitives and participles close the clause: "zal donderdag naar Brussel reizen")
    every verb of its clause, else the verbs, clitics, negations and linking words next
    to it ("va a venir", "tuvo que salir", "ne s'est pas rendu")."""
    words = frozenset(cues["group_words"])
    bounds = frozenset(cues.get("clause_tags", ()))

    def inside(token: Token) -> bool:
        if bounds:
            return token.text not in (",", ";", ":") and token.tag_ not in bounds
        return _verb(token, cues) or token.lower_ in words

    start = verb.i
    while start > sentence.start and inside(sentence.doc[start - 1]):
        start -= 1
    end = verb.i + 1
    while end < sentence.end and inside(sentence.doc[end]):
        end += 1
    return [t for t in sentence.doc[start:end] if _verb(t, cues)]


def _group_tense(group: list[Token], cues: dict[str, Any]) -> str | None:
    """A future (a future form, or a present of "going" or of intent before an infinitive:
    "va a firmar", "doit se réunir") first, then a past form, a present perfect or a
    participle on its own."""
    if any(_future_form(t, cues) for t in group):
        return FUTURE
    ahead = [t for t in group if t.lower_ in cues["going_forms"] or (
        t.lemma_ in cues["intent_lemmas"] and not _participle(t, cues) and
        not _past_form(t, cues))]
    if ahead and any(t.tag_.startswith(tuple(cues["infinitive_tags"])) and t.i > ahead[0].i
                     for t in group):
        return FUTURE
    if any(_past_form(t, cues) for t in group):
        return PAST
    participles = [t for t in group if _participle(t, cues)]
    auxiliaries = [t for t in group if t.lemma_ in cues["perfect_auxiliaries"]
                   and not _participle(t, cues)]
    # "ha anunciado", "è stato arrestato"; on its own: "el acuerdo firmado el lunes"
    return PAST if participles and (auxiliaries or len(group) == len(participles)) else None


def _participle(token: Token, cues: dict[str, Any]) -> bool:
    return token.tag_ in cues["participle_tags"]


def _future_form(token: Token, cues: dict[str, Any]) -> bool:
    """A future by its tag, or (where the tags mark no tense) by its ending: Spanish
    "aprobará", "dirán", Portuguese "viajará", "farão"."""
    return token.tag_ in cues["future_tags"] or \
        token.lower_.endswith(tuple(cues["future_endings"]))


def _past_form(token: Token, cues: dict[str, Any]) -> bool:
    """A simple past or imperfect by its tag, or by its form: an ending only pasts have
    ("anunció", "detuvieron", "anunciava"), an imperfect ending on the stem of its lemma
    ("podía" from "poder"; the conditional "podría" is none), or an irregular past
    ("dijo", "fez")."""
    form = token.lower_
    if token.tag_ in cues["past_tags"] or form in cues["past_forms"]:
        return True
    if form in cues["present_forms"]:
        return False
    if form.endswith(tuple(cues["past_endings"])):
        return True
    stem = token.lemma_.lower()[:-2]
    return bool(stem) and any(form == stem + ending for ending in cues["imperfect_endings"])
