"""Days in news that HeidelTime dates from the DCT alone, dated from their sentence.

HeidelTime gives a clock time the DCT's day ("20 Uhr" in "am 28. September um 20 Uhr"
became the day the article appeared) and "heute" the DCT even where it means nowadays
("Davon zehrt das Land auch heute noch"); a bare "Wochenende" it does not find. In news
we date them from the sentence: a clock time (or a part of a day) takes the day of the
date before it in its sentence or the sentence before it, else of the last one earlier
in its paragraph (the small hours after "in der Nacht auf Sonntag" Sunday's), and none
when it is one of many days ("täglich von 9 bis 12 Uhr", "jeweils 20 Uhr"), as TimeML
writes "T20:00"; a weekend lies before the DCT when the sentence tells of the past, else
it is the DCT's own or the coming one; "heute" next to a word that makes it generic is
``PRESENT_REF``; a day or month told from the one before it ("am Vortag", "am selben
Tag", "im Vormonat") with no date before it is told from the DCT; a month or day without
a year in a past-tense sentence right after a year long past takes that year ("1989 ...
Am 9. November wurden die Grenzen geöffnet"), in a feature's historical present the
year of the scene ("Es ist der Abend des 4. Oktober 1989. ... Am 8. Oktober kesselt die
Polizei ... ein"), and a weekday there the first such weekday
on or after a day written in full ("Am 13. August 1961 ... In der Nacht zum Sonntag
sperrten ..."); a season, month or weekday told from the date before it ("im Frühjahr
darauf", "im Winter davor", "im folgenden August", "am Samstag darauf") is the first such
after it or the last before it (HeidelTime dated it as a bare one). The cues are data in
the language file under ``news_days`` (German only: measured on German news,
docs/german-rules.md). A bare weekday HeidelTime put before the DCT lies after it when
something "findet ... statt" on it, lasts until or starts on it ("bis Sonntag", "ab
Montag"), in the present, when its nearest verb is "werden", one of intent or a
subjunctive ("Am Freitag soll der Aufsichtsrat beraten", "wäre frühestens im Januar
möglich") or any present with no past in the sentence ("Am Freitag entscheidet der
Landtag"), or that something was announced for ("kündigte für Mittwoch ... an"); and
months planned, taking place, lasted until, told with such a verb or over half a year
back (nearer next year's), in the present ("ist für den 19. April geplant", "ist bis
Ende April geöffnet", "werden am 1. Juli veröffentlicht", "Im Jänner geht es weiter" in
December), which lie after the DCT; so do feasts that move with
Easter ("will bis Ostern ... vorlegen" in November is next year's Easter).

English news (``news_ahead``) has one step of these, :func:`ahead`: a bare weekday, or a
quarter or half without a year, told as ahead ("will resume on Monday", "will rise in the
first quarter") lies after the DCT; a month or a day of one without a year is the one
nearest to the DCT unless the tense puts it over a month to the other side.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, timedelta
from itertools import pairwise, takewhile
from os.path import commonprefix
from typing import Any

from dateutil.easter import easter
from spacy.tokens import Doc, Span, Token

from timeline.tagging.heideltime import RawTimex, rule_name
from timeline.tagging.nlp import doc_text, paragraph_start
from timeline.time.chrono import (
    PART_SPANS,
    PART_VALUE,
    add_months,
    days_in_month,
    part_of_year,
)
from timeline.time.semantics import span_of

_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})")
_WEEKEND = re.compile(r"^(\d{4})-W(\d{2})-WE$")
_YEAR = re.compile(r"^(\d{4})")
# a date a season or month can be told from: a year, month, day, season, quarter or half
_CALENDAR_VALUE = re.compile(r"^\d{4}(-(\d{2}|SP|SU|FA|WI|Q[1-4]|H[12])(-\d{2})?)?(T.*)?$")
# what may open a sentence before the date that sets a historical present's scene
_SCENE_OPENING = frozenset({"ADP", "DET", "PRON", "AUX", "PUNCT", "ADV"})
# a month, day, season, quarter or half of a year (a scene's: a part of the day too)
_SCENE_VALUE = re.compile(r"^\d{4}-(?:\d{2}(?:-\d{2})?|SP|SU|FA|WI|Q[1-4]|H[12])(?:T[A-Z0-9:]+)?$")
_BARE = re.compile(r"^(\d{4})-(?:\d{2}(-\d{2})?|SP|SU|FA|WI|Q[1-4]|H[12])$")
_VOWELS = re.compile(r"[aeiouäöü]+")
# the vowel changes of strong presents: "gibt" (geben), "liest", "hält", "läuft", "stößt"
_PRESENT_CHANGES = frozenset({("i", "e"), ("ie", "e"), ("ä", "a"), ("äu", "au"), ("ö", "o")})
_SMALL_HOURS = re.compile(r"^T(0[0-5]:|MO$)")  # of the night before, and the morning after
# the hours a part of the day before a clock time puts after noon ("am Abend um 8 Uhr")
_AFTER_NOON = {"TAF": range(1, 8), "TEV": range(5, 12), "TNI": range(8, 12)}
# a month or a day of one ("1998-03", "1998-03-12", "1998-10-23TNI")
_MONTH_VALUE = re.compile(r"^\d{4}-(?P<month>\d{2})(?:-(?P<day>\d{2}))?(?:T[A-Z0-9:]+)?$")
_EVENING = re.compile(r"^T((1[89]|2[0-3]):|AF$|EV$)")  # the small hours after it: next day
_DAY_NUMBER = re.compile(r"\d{1,2}\.?")  # a day whose month is written after it


def _past(doc: Doc, start: int, end: int, cues: dict[str, Any]) -> bool | None:
    """Does the sentence around ``[start, end)`` tell of the past? Its finite verbs decide:
    a past form ("war", "begann", "spielte") or a perfect ("hat ... gewonnen") says past;
    a present form of "werden" says future; the verb nearest the expression (in its own
    clause first) wins; with a finite verb in its own stretch between commas, only those
    ("Ab Freitag zeigt die Kunsthalle Bilder von Brandes, der sein Leben in der Region
    verbrachte": the relative clause's past made Friday last week's). None when no verb
    says (the present tells of either)."""
    marks = [verb for verb in _own_verbs(_finite_verbs(doc, start, end, cues))
             if verb[2] is not None]
    return min(marks)[2] if marks else None


def _own_verbs(verbs: list[tuple[tuple[bool, int], str, bool | None]]
               ) -> list[tuple[tuple[bool, int], str, bool | None]]:
    """The finite verbs with no comma between them and the expression, if any: its own
    clause's; else all (``verbs``, :func:`_finite_verbs`)."""
    return [verb for verb in verbs if not verb[0][0]] or verbs


def _finite_verbs(doc: Doc, start: int, end: int,
                  cues: dict[str, Any]) -> list[tuple[tuple[bool, int], str, bool | None]]:
    """The finite verbs of the sentence around ``[start, end)``: how far from it (first
    whether a comma or semicolon stands between, the clause's verb is nearer than the
    next clause's: then the number of tokens), form, and whether each tells of the past
    (True), the present or future (False) or either (None: "geht", "sieht" tell nothing
    on their own). A verb of intent or a subjunctive ("soll", "könnte", "wäre") tells of
    what is ahead, but of the past before a perfect infinitive ("soll ... geschlagen
    haben") or, "hätte" and "wäre", with a participle or a modal's infinitive ("hätte ...
    gewonnen", "hätte ... treten sollen")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    sentence = span.sent
    # a state in the present is no perfect: "Die Premiere am Samstagabend ist bereits
    # ausverkauft", "Am Montag ist die Straße gesperrt" (``state_participles``)
    participle = any(t.tag_ in ("VVPP", "VAPP") and t.lower_ not in cues["state_participles"]
                     for t in sentence)
    modal_infinitive = any(t.tag_ == "VMINF" for t in sentence)  # "hätte ... treten sollen"
    perfect_infinitive = any(first.tag_ in ("VVPP", "VAPP", "VMPP") and
                             _perfect(first, second, cues)
                             for first, second in pairwise(sentence))  # tagged finite or not
    perfect = cues.get("perfect_auxiliaries", cues["perfect_forms"])
    verbs: list[tuple[tuple[bool, int], str, bool | None]] = []
    for token in sentence:
        form = token.lower_
        if token.tag_ not in cues["finite_tags"]:
            continue
        between = doc[min(token.i, span.start):max(token.i, span.start)]
        distance = (any(t.text in (",", ";") for t in between), abs(token.i - span.start))
        if form in cues["intent_forms"] or form in cues["subjunctive_forms"]:
            verbs.append((distance, form, perfect_infinitive or (
                (participle or modal_infinitive) and form in cues["perfect_subjunctive_forms"])))
        elif form in cues["future_forms"] or form in cues["present_forms"]:
            verbs.append((distance, form, False))  # "muss", "kann": no stem, no "-t", yet present
        elif form in cues["past_forms"] or (participle and form in perfect) \
                or (form not in cues["perfect_forms"] and  # past of every lemma it may have
                    all(_past_form(form, lemma.lower())
                        for lemma in (token.lemma_, *token._.other_lemmas))):
            verbs.append((distance, form, True))
        else:
            verbs.append((distance, form, None))
    return verbs


def _perfect(participle: Token, infinitive: Token, cues: dict[str, Any]) -> bool:
    """Do a participle and the infinitive after it make a perfect infinitive ("geschlagen
    haben", "festgenommen worden sein", "geflohen sein"), not a state to come ("Bis Ende
    Oktober sollen alle Stellen besetzt sein")? With "sein" only a verb that makes its
    perfect with "sein" (``sein_perfect_verbs``, prefixed ones too: "ausgereist") or
    "worden" does."""
    if infinitive.lemma_ == "haben":
        return True
    lemma = participle.lemma_.lower()
    return infinitive.lemma_ == "sein" and (
        participle.lower_ == "worden" or lemma.endswith(tuple(cues["sein_perfect_verbs"])))


def _future(verbs: list[tuple[tuple[bool, int], str, bool | None]],
            cues: dict[str, Any]) -> bool:
    """Is the finite verb nearest to the expression (``verbs``, :func:`_finite_verbs`) a
    present of "werden" ("Die Daten werden am 1. Juli veröffentlicht"; not "..., sieht das
    Gesetz den 21. März vor"), a verb of intent or a subjunctive telling of what is ahead
    ("Am Freitag soll der Aufsichtsrat beraten", "wäre frühestens im Januar möglich"; not
    "soll ... geschlagen haben")?"""
    if not verbs:
        return False
    _, form, past = min(verbs, key=lambda verb: verb[0])
    return form in cues["future_forms"] or \
        (form in cues["intent_forms"] or form in cues["subjunctive_forms"]) and past is False


def _past_form(form: str, lemma: str) -> bool:
    """A finite form that is no present of its lemma: "spielte" (weak: stem + te) or
    "begann" (strong: not the stem, not a present ending in t). A strong form ending in t
    is a present when its vowel changed as presents change it ("gibt", "liest", "hält",
    "läuft", "stößt"), else a past ("galt", "hielt", "trat")."""
    stem = lemma[:-2] if lemma.endswith("en") else lemma.removesuffix("n")
    if len(stem) < 2:
        return False
    if form.startswith(stem):
        return form[len(stem):] in ("te", "ten", "test", "tet", "ete", "eten", "etest", "etet")
    if not form.endswith("t"):
        return True
    shared = len(commonprefix([form, stem]))  # "beträgt": the stem's vowel, not "be-"'s
    vowel, stem_vowel = _VOWELS.search(form, shared), _VOWELS.search(stem, shared)
    if vowel is None or stem_vowel is None:
        return False
    changed = vowel.group(0), stem_vowel.group(0)
    return changed not in _PRESENT_CHANGES


def _family(rule: str) -> str:
    """A rule's family, its name without the letter and number that tell its variants:
    "time_r3c" -> "time_r3", "time_timeline_10a" -> "time_timeline_10" (not "_1")."""
    return re.sub(r"(?<=\d)[a-z]+\d*$", "", rule)


def _told_from(doc: Doc, timex: RawTimex) -> int:
    """Where a clock time's day may be written: its sentence and the one before it in
    the same paragraph ("Der Verein lädt am Freitag, 24. April, zum Vortrag. Beginn ist um
    20 Uhr.")."""
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None:
        return timex.start
    sentence = span.sent
    if sentence.start == 0:
        return sentence.start_char
    before = doc[sentence.start - 1].sent
    # a blank line between them (spaCy keeps it inside the sentence before) ends the search
    return max(before.start_char, paragraph_start(doc_text(doc), sentence.start_char))


def _sentence_start(doc: Doc, timex: RawTimex) -> int:
    """Where the sentence of ``timex`` begins (a character offset)."""
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    return timex.start if span is None else span.sent.start_char


def _days(out: list[RawTimex], start: int, end: int) -> list[RawTimex]:
    """The dates and times with a day among ``out`` that start in ``[start, end)``."""
    return [t for t in out if start <= t.start < end and t.type in ("DATE", "TIME")
            and _DAY.match(t.value)]


def _earlier_days(text: str, timex: RawTimex, out: list[RawTimex], begin: int) -> list[RawTimex]:
    """The days written in the paragraph of a clock time before ``begin`` (where its own
    search stopped): with none in its sentence or the one before, it takes the last of
    them ("Es war ein Donnerstagabend ... Wenige Stunden später ... Um 23.30 Uhr ...")."""
    return _days(out, paragraph_start(text, timex.start), begin)


def _after_noon(before: RawTimex, time_of_day: str) -> str:
    """A clock time written on the twelve-hour dial after a part of the day in its
    sentence, on the afternoon's or evening's side: "Am Abend, gegen halb neun" is
    T20:30 (HeidelTime: T08:30), "am Nachmittag um 3 Uhr" T15:00; not one that names
    its own part, inside or right after it ("bis 4 Uhr früh", ``clock_part_words``)."""
    hour = re.match(r"^T(\d{2})", time_of_day)
    if hour is None or int(hour[1]) not in _AFTER_NOON.get(before.value[10:], ()):
        return time_of_day
    return f"T{int(hour[1]) + 12:02d}{time_of_day[3:]}"


def _days_before_paragraph(doc: Doc, timex: RawTimex, out: list[RawTimex], dct: date,
                           cues: dict[str, Any]) -> list[RawTimex]:
    """The days up to the DCT written in the paragraph before a clock time that opens its
    own with none, told in the past: "Am Abend des 9. November 1989 saßen sie vor dem
    Fernseher ... || Gegen 21 Uhr gingen sie trotzdem los" (was the DCT's evening). A
    clock time in the past is on no day after the DCT's."""
    text = doc_text(doc)
    start = paragraph_start(text, timex.start)
    if start == 0 or _past(doc, timex.start, timex.end, cues) is not True:
        return []
    return [t for t in _days(out, paragraph_start(text, start - 2), start)
            if date.fromisoformat(t.value[:10]) <= dct]


def _day_of(before: RawTimex, time_of_day: str, cues: dict[str, Any]) -> str:
    """``time_of_day`` ("T02:30", "TMO") on the day of ``before``, the date written before
    it; the next day's small hours and morning when ``before`` is a night told by the day
    it ends in ("In der Nacht auf Sonntag ... gegen 2.30 Uhr": the night is Saturday's,
    2.30 Uhr Sunday's; in "der Nacht des 14. August ... gegen 3 Uhr" 3 Uhr is the 14th's)
    or an afternoon's or evening's time ("gegen 23.45 Uhr ... bis 2 Uhr früh gesperrt",
    "am Mittwochnachmittag begonnen und dauerten bis 4 Uhr früh")."""
    day = before.value[:10]
    if _SMALL_HOURS.match(time_of_day) and (
            rule_name(before.rule) in cues["night_before_rules"] or
            _EVENING.match(before.value[10:])):
        day = (date.fromisoformat(day) + timedelta(days=1)).isoformat()
    return day + time_of_day


def _recurring(doc: Doc, timex: RawTimex, timexes: list[RawTimex], days: list[RawTimex],
               cues: dict[str, Any]) -> bool:
    """Is clock time ``timex`` one of many days ("täglich von 9 bis 12 Uhr", "jeden
    Montag um 20 Uhr", "am 3., 4. und 5. Oktober, jeweils 20 Uhr", "Termin: 25. und 26.
    August, 10-18 Uhr")? Then it is a time of day, "T20:00", not a day's: the day
    before it (``days``, in its sentence or the one before) is only one of them. A set
    in its sentence counts when no day stands between ("Jeden Montag ist geöffnet, am
    Freitag, 3. Juli, um 20 Uhr liest X" is the 3rd's) or, after it, when none is before
    and no finite verb stands between ("Am Abend, gegen halb neun, sitzt sie in der
    Gaststätte, die nur noch donnerstags öffnet" is that evening's)."""
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    sets = [] if span is None else [t for t in timexes if t.type == "SET" and
                                    span.sent.start_char <= t.start < span.sent.end_char]
    before = [t for t in sets if t.start < timex.start]
    after = [t for t in sets if t.start > timex.start and not any(
        token.tag_ in cues["finite_tags"] for token in
        doc.char_span(timex.end, t.start, alignment_mode="expand") or ())]
    if (before and not any(t.start > before[-1].start for t in days)) or (not days and after):
        return True
    if set(doc_text(doc)[max(0, timex.start - 30):timex.start].lower().split()[-4:]) & \
            set(cues["each_words"]):
        return True
    dates = [t for t in days if t.type == "DATE"]
    if len(dates) < 2 or dates[-1] is not days[-1] or dates[-2].value[:10] == dates[-1].value[:10]:
        return False  # the last anchor a clock time ("14.00 und 17.40 Uhr"), or one day
    between = doc_text(doc)[dates[-2].end:dates[-1].start].split()
    return len(between) <= 1 and all(word in cues["day_list_joins"] for word in between)


def _ends_recurring(text: str, timex: RawTimex, before: list[RawTimex],
                    cues: dict[str, Any]) -> bool:
    """Does clock time ``timex`` end a span whose start is a time of many days ("jeweils
    nachts zwischen 22 und 5 Uhr": "jeweils" is too far back for "5 Uhr")?"""
    if not before or before[-1].type != "TIME" or not before[-1].value.startswith("T"):
        return False
    return text[before[-1].end:timex.start].strip().lower() in cues["day_list_joins"]


def weekend_of(day: date) -> str:
    """The weekend of ``day``'s ISO week."""
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}-WE"


def _weekend(dct: date, past: bool) -> str:
    """The weekend before the DCT (its own, from Saturday on) or the coming one."""
    return weekend_of(dct - timedelta(days=7) if past and dct.weekday() < 5 else dct)


def _named_weekend(text: str, timex: RawTimex, following: list[RawTimex],
                   cues: dict[str, Any]) -> str | None:
    """The weekend a date right after it names: "am Wochenende vom 22. bis 24. März"."""
    if not following or not (day := _DAY.match(following[0].value)) or \
            text[timex.end:following[0].start].strip().lower() not in cues["weekend_of"]:
        return None
    return weekend_of(date.fromisoformat(day.group(1)))


def _generic_today(text: str, timex: RawTimex, cues: dict[str, Any]) -> bool:
    before = text[max(0, timex.start - 30):timex.start].split()
    after = text[timex.end:timex.end + 30].split()
    return bool(before and before[-1].lower() in cues["generic_before"]) or \
        bool(after and after[0].lower().strip(".,;:!?") in cues["generic_after"])


def _deictic(doc: Doc, timex: RawTimex, cues: dict[str, Any]) -> bool:
    """Does a word of ``timex`` tie it to the DCT ("im vergangenen Mai", "im Frühjahr
    dieses Jahres", "last October", ``deictic_words``)? Then HeidelTime's year stands."""
    words = re.findall(r"\w+", doc_text(doc)[timex.start:timex.end].lower())
    return bool(set(words) & set(cues["deictic_words"]))


def _yearless(doc: Doc, timex: RawTimex, cues: dict[str, Any],
              value: re.Pattern[str] = _BARE) -> bool:
    """A month, a day of one or a season that HeidelTime gave a year the text did not
    write ("am 9. November", "im Februar", the "4." of "vom 4. bis 16. Februar", "im
    Spätsommer"), a quarter or half ("im vierten Quartal", rules ``part_of_year_rules``)
    or a feast on a fixed day ("am Tag der Deutschen Einheit"; Easter moves with the
    year). Not one a word ties to the DCT ("im vergangenen Mai", "im Frühjahr dieses
    Jahres": were moved into a passage's year), nor one that names its year ("im März des
    folgenden Jahres", ``year_words``: was the passage's year, not the one after it)."""
    surface = doc_text(doc)[timex.start:timex.end]
    words = re.findall(r"\w+", surface)
    if _deictic(doc, timex, cues) or {w.lower() for w in words} & set(cues["year_words"]):
        return False
    return bool(value.match(timex.value)) and timex.rule.endswith("-relative") and \
        (bool(set(words) & set(cues["month_words"])) or
         any(word.lower().endswith(tuple(cues["season_words"])) for word in words) or
         bool(_DAY_NUMBER.fullmatch(surface)) or
         rule_name(timex.rule) in cues["fixed_feast_rules"] or
         rule_name(timex.rule) in cues["part_of_year_rules"])


def _last_day(value: str) -> date:
    """The last day of a month, a day, a season, a quarter or a half value ("2019-SP":
    31 May, "2019-Q3": 30 September)."""
    year, rest = int(value[:4]), value[5:]
    if rest in PART_SPANS:  # its last month, past December for a winter
        year, month = add_months(year, 1, PART_SPANS[rest][1] - 1)
        return date(year, month, days_in_month(year, month))
    month, *day = (int(part) for part in rest.split("-"))
    return date(year, month, day[0] if day else days_in_month(year, month))


def _clause(doc: Doc, timex: RawTimex, cues: dict[str, Any]) -> Span | None:
    """The clause ``timex`` stands in: the stretch between
    commas (semicolons, dashes) that holds it, with the stretches next to it that have no
    finite verb ("ist für Dienstag, 16. März, | um 20 Uhr im Rathaus angesetzt"), when
    that has a finite verb of its own; else its whole sentence. German sets every clause
    off by commas, and a plan or a past in the next clause tells nothing of this one ("Im
    Jänner habe es ein erstes Treffen gegeben, ein weiteres ist für Mitte März angesetzt"
    was next January)."""
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None:
        return None
    sentence = span.sent
    marks = [t.i for t in sentence if t.text in cues["clause_marks"]
             and not span.start <= t.i < span.end]
    cuts = [sentence.start - 1, *marks, sentence.end]
    stretches = [doc[a + 1:b] for a, b in pairwise(cuts)]
    at = next(n for n, part in enumerate(stretches) if part.start <= span.start < part.end
              or part.start >= span.start)

    def finite(part: Span) -> bool:
        return any(t.tag_ in cues["finite_tags"] for t in part)

    first = last = at
    while first > 0 and not finite(stretches[first - 1]):
        first -= 1
    while last + 1 < len(stretches) and not finite(stretches[last + 1]):
        last += 1
    clause = doc[stretches[first].start:stretches[last].end]
    return clause if finite(clause) else sentence


def _clause_words(doc: Doc, timex: RawTimex, cues: dict[str, Any]) -> set[str]:
    """The words, lower-cased, of :func:`_clause`."""
    clause = _clause(doc, timex, cues)
    return {t.lower_ for t in clause} if clause is not None else set()


def _reported(doc: Doc, timex: RawTimex, cues: dict[str, Any]) -> bool:
    """Does a verb of saying stand in the clause of ``timex`` ("wie das Unternehmen am
    Donnerstag mitteilte", "teilte am Donnerstag mit")? The day is the report's, of the
    article's present."""
    clause = _clause(doc, timex, cues) or []
    particles = [t.lower_ for t in clause if t.tag_ in cues["verb_particle_tags"]]
    return any(t.lemma_ in cues["reporting_verbs"] or
               any(p + t.lemma_ in cues["reporting_verbs"] for p in particles)
               for t in clause)


def _happens(words: set[str], cues: dict[str, Any]) -> bool:
    """Does a sentence of these ``words`` say that something takes place, begins, ends or
    comes into force ("findet ... statt", "beginnt", "tritt ... in Kraft")?"""
    return bool(words & set(cues["start_words"])) or \
        any(set(verb) <= words for verb in cues["taking_place"])


def _from_date_before(text: str, timex: RawTimex, before: list[RawTimex],
                      cues: dict[str, Any]) -> str | None:
    """A season, month or weekday told from the date before it ("im Frühjahr darauf",
    "im Winter davor", "im folgenden August", "am Samstag darauf"): the first such that
    begins after that date ends, or the last that ends before it begins; HeidelTime
    dated it as a bare one (from the DCT, or its own last year: "Im Herbst 2019 ... Im
    Frühjahr darauf" was spring 2019). None without a date before it (a day, for a
    weekday), or for a phrase told from the DCT ("im nächsten Frühjahr")."""
    rule = rule_name(timex.rule)
    following = rule in cues["following_rules"] and \
        text[timex.start:timex.end].lower().startswith(tuple(cues["following_words"]))
    direction = 1 if rule in cues["after_rules"] or following else \
        -1 if rule in cues["before_rules"] else 0
    anchors = [t for t in before if t.end <= timex.start and _CALENDAR_VALUE.match(t.value)]
    if not direction or not anchors or not (found := _YEAR.match(timex.value)):
        return None
    if (day := _DAY.match(timex.value)) is not None:  # a weekday, told from a day only
        if not _DAY.match(anchors[-1].value):
            return None
        # the first such weekday on or after the day after it, or on or after the day a
        # week before it: the last one before it
        anchor_day = date.fromisoformat(anchors[-1].value[:10])
        start = anchor_day + timedelta(days=1 if direction > 0 else -7)
        return _weekday_from(date.fromisoformat(day[1]), start).isoformat() + timex.value[10:]
    anchor = span_of("DATE", anchors[-1].value)
    if anchor is None or anchor.start is None or anchor.end is None:
        return None
    rest = timex.value[found.end():]
    year = int(anchors[-1].value[:4])
    readings = [(value, span) for value in (f"{y:04d}{rest}" for y in range(year - 2, year + 3))
                if (span := span_of("DATE", value)) is not None
                and span.start is not None and span.end is not None]
    if direction > 0:
        return next((value for value, span in readings if span.start >= anchor.end), None)
    return next((value for value, span in reversed(readings) if span.end <= anchor.start), None)


def _passage_year(doc: Doc, timex: RawTimex, before: list[RawTimex], dct: date,
                  cues: dict[str, Any]) -> str | None:
    """The year of a passage about the past: a month or day written without a year, in a
    past-tense sentence, right after a year at least two before the DCT's (in its own
    sentence or the one before it): "1989 war ein Jahr des Umbruchs. Am 9. November
    wurden die Grenzübergänge geöffnet."; the year may also be a date's that moved into
    the passage ("Am Morgen" after "Nacht zum Sonntag", :func:`_passage_weekday`), not one
    that dates an attribute ("Die 2019 eröffnete Brücke ..."). Last year's and coming
    years are comparisons and plans far more often than passages."""
    if not _yearless(doc, timex, cues) or re.search(r"\d{3,4}", doc_text(doc)[timex.start:timex.end]):
        return None
    begin = _told_from(doc, timex)
    # a year the text wrote or counted to, or one it names as a whole ("seit Anfang des
    # Jahres" after "im Wahljahr 2017": back in the DCT's year); not a year long past a
    # stretch up to now starts from ("seit Beginn der Aufzeichnungen im Jahr 1850")
    written = [t for t in before if begin <= t.start and _YEAR.match(t.value) and
               (t.rule.endswith("-explicit") or t.value[:4] != timex.value[:4] or
                re.fullmatch(r"\d{4}", t.value)) and
               not (int(t.value[:4]) <= dct.year - 2 and _since(doc, t, cues)) and
               not _attribute(doc, t, cues)]
    if not written:
        return None
    year = _YEAR.match(written[-1].value).group(1)
    if int(year) > dct.year - 2 or not _past(doc, timex.start, timex.end, cues):
        return None
    return year


def _attribute(doc: Doc, timex: RawTimex, cues: dict[str, Any]) -> bool:
    """Does ``timex`` date an attribute of a noun, an adjective right after it ("die 2019
    eröffnete Brücke", "die Rennen vom 18. Dezember verlegten")? Then the sentence tells
    of no passage about it."""
    following = doc.char_span(timex.end, min(len(doc_text(doc)), timex.end + 40),
                              alignment_mode="expand")
    return following is not None and len(following) > 0 and \
        following[0].tag_ in cues["attribute_tags"]


def _since(doc: Doc, timex: RawTimex, cues: dict[str, Any]) -> bool:
    """Does a stretch up to now start from ``timex`` ("seit 1990", "seit Beginn der
    Aufzeichnungen im Jahr 1850"): a since-word before it in its phrase, no verb or
    punctuation between?"""
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None:
        return False
    for token in reversed(doc[span.sent.start:span.start]):
        if token.lower_ in cues["since_words"]:
            return True
        if token.is_punct or token.pos_ in ("VERB", "AUX"):
            return False
    return False


def _passage_weekday(doc: Doc, timex: RawTimex, before: list[RawTimex], dct: date,
                     cues: dict[str, Any]) -> str | None:
    """A weekday in a passage about the past: in a past-tense sentence right after a day
    at least ``passage_days`` before the DCT (in its own sentence or the one before it),
    the first such weekday on or after that day, a night's first day for "in der Nacht
    zum 3. Mai" ("Am 13. August 1961 begann der Bau. In der Nacht zum Sonntag sperrten
    Polizisten die Grenze ab": the night before that Sunday, the 13th; "Was in der Nacht
    zum 3. Mai geschah ... Demnach traf der Angeklagte am Montagabend ein": Monday the
    2nd, was the Monday before the DCT). HeidelTime counts it from the DCT. A day in an
    attribute ("der am 13. August 1961 gegründete Verein feierte am Sonntag") is none,
    and a weekday something was said on is the report's ("Im Geschäftsjahr bis zum 30.
    September ... Wie das Unternehmen am Donnerstag mitteilte": was the first Thursday
    in October)."""
    rule = rule_name(timex.rule)
    if (rule not in cues["weekday_rules"] and rule not in cues["night_before_rules"]) or \
            not (day := _DAY.match(timex.value)):
        return None
    begin = _told_from(doc, timex)
    written = [t for t in before if begin <= t.start and t.type == "DATE"
               and _DAY.match(t.value)]
    if not written:
        return None
    anchor = date.fromisoformat(written[-1].value[:10])
    if _after_words(doc, written[-1], cues["night_of_words"]):
        anchor -= timedelta(days=1)  # "in der Nacht zum 3. Mai": the night starts on the 2nd
    if (dct - anchor).days < cues["passage_days"] or _attribute(doc, written[-1], cues) or \
            not _past(doc, timex.start, timex.end, cues) or _reported(doc, timex, cues):
        return None
    told = date.fromisoformat(day.group(1))
    named = told + timedelta(days=1 if rule in cues["night_before_rules"] else 0)
    weeks = -(-(anchor - named).days // 7)  # whole weeks up to the first on or after it
    return (told + timedelta(days=7 * weeks)).isoformat() + timex.value[10:]


def _part_this_year(doc: Doc, timex: RawTimex, dct: date, cues: dict[str, Any]) -> str | None:
    """A quarter or half without a year that HeidelTime put in the year before the DCT's
    although it lies after the DCT's own, in a sentence that does not tell of the past:
    the DCT's year, as HeidelTime dates a month so told. For a quarter or half it takes
    the past when it finds no tense ("Analysten rechnen damit, dass sich das Wachstum im
    vierten Quartal abschwächt", in August, was last year's)."""
    if not (part := PART_VALUE.match(timex.value)) or not _yearless(doc, timex, cues) or \
            int(timex.value[:4]) != dct.year - 1:
        return None
    if int(part["number"]) <= part_of_year(dct.month, part["part"]) or \
            _past(doc, timex.start, timex.end, cues) is True:
        return None
    return f"{dct.year:04d}{timex.value[4:]}"


def _planned(doc: Doc, timex: RawTimex, dct: date, cues: dict[str, Any]) -> str | None:
    """A month or day without a year that HeidelTime put before the DCT, in a sentence
    that tells of a plan in the present ("Die nächste Veranstaltung ist für den 19.
    April geplant": HeidelTime reads the participle as past), that something takes
    place, begins or ends ("Die WM findet vom 4. bis 16. Februar statt", "Der Prozess
    beginnt am 12. Jänner", in December), that lasts until or starts then ("Die
    Ausstellung ist bis Ende April geöffnet", in March), whose verb nearest to it is
    "werden" ("Die Daten werden am 1. Juli veröffentlicht", in June: HeidelTime reads
    the participle as past), or over half a year back in a sentence that tells no past
    ("Im Jänner geht es weiter", in December; "Wenn alles gut geht, rollen im März die
    Bagger an", in November: HeidelTime keeps the DCT's year without a tense). The same
    date after the DCT; None when the sentence has a past form ("war für den 3. März
    geplant")."""
    if not _yearless(doc, timex, cues) or _figures_of(doc, timex, cues):
        return None
    last_day = _last_day(timex.value)
    if last_day >= dct or timex.value[5:] == "02-29":
        return None
    if not _told_ahead(doc, timex, (dct - last_day).days, cues):
        return None
    return f"{int(timex.value[:4]) + 1:04d}{timex.value[4:]}"


def _told_ahead(doc: Doc, timex: RawTimex, back_days: int, cues: dict[str, Any]) -> bool:
    """Does the sentence tell of ``timex``, which HeidelTime put ``back_days`` before the
    DCT, as ahead: a plan ("geplant", "vorgesehen"), something that takes place, begins
    or ends then, lasts until it or starts on it, the nearest verb "werden", "soll", "wäre",
    or over half a year back, nearer next year's, in a sentence that tells no past ("Im
    Jänner geht es weiter", in December)?
    Never with a past form in the sentence ("war für den 3. März geplant")."""
    words = _clause_words(doc, timex, cues)
    if words & set(cues["past_forms"]):
        return False
    far = back_days > cues["far_back_days"] and \
        _past(doc, timex.start, timex.end, cues) is not True
    return far or bool(words & set(cues["plan_words"])) or _happens(words, cues) or \
        _future(_finite_verbs(doc, timex.start, timex.end, cues), cues) or \
        _lasting(doc, timex, cues)


def _planned_feast(doc: Doc, timex: RawTimex, dct: date, cues: dict[str, Any]) -> str | None:
    """A feast that moves with Easter ("bis Ostern", "zu Pfingsten"), told as ahead in a
    sentence with no past form, that HeidelTime put before the DCT (this year's, already
    past): next year's, as far from next year's Easter as this one is from this year's."""
    if rule_name(timex.rule) not in cues["variable_feast_rules"] or \
            not (day := _DAY.match(timex.value)) or \
            not set(re.findall(r"\w+", doc_text(doc)[timex.start:timex.end].lower())) & \
            set(cues["easter_feast_words"]):
        return None
    told = date.fromisoformat(day.group(1))
    if told >= dct or not _told_ahead(doc, timex, (dct - told).days, cues):
        return None
    ahead = easter(told.year + 1) + (told - easter(told.year))
    return ahead.isoformat() + timex.value[10:]


def _lasting(doc: Doc, timex: RawTimex, cues: dict[str, Any]) -> bool:
    """Is ``timex`` what something lasts until or starts on ("bis Sonntag", "ab Montag",
    "bis spätestens Ende April"), in no perfect with "haben"? "ist ... geöffnet" is a
    state, no perfect: HeidelTime's tense test reads it as past."""
    before = _words_before(doc, timex, cues["until_fillers"])
    return bool(before) and before[-1] in cues["until_words"] and \
        _past(doc, timex.start, timex.end, {**cues, "perfect_auxiliaries": cues["have_forms"]}) \
        is not True


def _weekday_from(when: date, dct: date) -> date:
    """The first day on or after ``dct`` with the weekday of ``when`` (a day before or
    after it)."""
    return when + timedelta(days=7 * -(-(dct - when).days // 7))


def _takes_place(doc: Doc, timex: RawTimex, dct: date, cues: dict[str, Any]) -> str | None:
    """A weekday HeidelTime put before the DCT in a sentence that says, in the present,
    that something takes place ("Das nächste Spiel findet am Dienstag um 19.45 Uhr in
    Bruneck statt"), that lasts until or starts on it ("Die Ausstellung ist bis Sonntag
    geöffnet", "Ab Montag gilt das Verbot"), whose verb nearest to it is "werden" ("Die
    Verhandlung wird am Donnerstag fortgesetzt") or any present ("Am Freitag entscheidet
    der Landtag"): the same weekday on or after the DCT. None with a past form in the
    sentence or no such verb or preposition."""
    if rule_name(timex.rule) not in cues["weekday_rules"] or not (day := _DAY.match(timex.value)):
        return None
    when = date.fromisoformat(day.group(1))
    if when >= dct or _since(doc, timex, cues):  # "Seit Montag ist die Straße gesperrt"
        return None
    words = _clause_words(doc, timex, cues)
    if words & set(cues["past_forms"]):
        return None
    if not (_lasting(doc, timex, cues) or _happens(words, cues)):
        verbs = _finite_verbs(doc, timex.start, timex.end, cues)  # read once for both
        if not (_future(verbs, cues) or _present(verbs)):
            return None
    return _weekday_from(when, dct).isoformat() + timex.value[10:]


def _announced_for(doc: Doc, timex: RawTimex, dct: date, cues: dict[str, Any]) -> str | None:
    """A weekday (or the night before one) HeidelTime put before the DCT that something
    was announced or planned for ("Die Polizei kündigte für die Nacht auf Mittwoch
    verstärkte Kontrollen an", "hat für Freitag einen Streik angekündigt": the past
    tense is the announcement's): the same weekday on or after the DCT. Only after
    "für", with a verb of announcing (``announcing_verbs``, a separated particle joined:
    "kündigte ... an") in the sentence."""
    rule = rule_name(timex.rule)
    if rule not in (*cues["weekday_rules"], *cues["night_before_rules"]) or \
            not (day := _DAY.match(timex.value)) or \
            (when := date.fromisoformat(day.group(1))) >= dct:
        return None
    before = _words_before(doc, timex, cues["article_words"])
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if not before or before[-1] != "für" or span is None:
        return None
    particles = [t.lower_ for t in span.sent if t.tag_ in cues["verb_particle_tags"]]
    lemmas = {t.lemma_.lower() for t in span.sent if t.pos_ == "VERB"}
    joined = lemmas | {particle + lemma for particle in particles for lemma in lemmas}
    if not joined & set(cues["announcing_verbs"]):
        return None
    return _weekday_from(when, dct).isoformat() + timex.value[10:]


def _present(verbs: list[tuple[tuple[bool, int], str, bool | None]]) -> bool:
    """Is the finite verb nearest to the expression (``verbs``, :func:`_finite_verbs`) a
    present, and no verb of its clause (:func:`_own_verbs`) a past ("Am Freitag
    entscheidet der Landtag", "Am Sonntag wählen die Bürger")?"""
    own = _own_verbs(verbs)
    return bool(own) and min(own)[2] is None and all(past is not True for *_, past in own)


def _sets_scene(doc: Doc, timex: RawTimex, dct: date, cues: dict[str, Any]) -> bool:
    """Does a written date at least two years back open its sentence in the present, the
    historical present of a feature ("Es ist der Abend des 4. Oktober 1989.", "Ende
    August 1939 werden die Fahrpläne umgestellt")? Only prepositions, articles, an
    expletive and its copula before it; not a date of a noun ("Das Gesetz von 2009
    sieht vor ...")."""
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None or not timex.rule.endswith("-explicit") or \
            not (year := _YEAR.match(timex.value)) or int(year[1]) > dct.year - 2:
        return False
    opening = doc[span.sent.start:span.start]
    return len(opening) <= 4 and all(t.pos_ in _SCENE_OPENING for t in opening) and \
        _past(doc, timex.start, timex.end, cues) is not True


def _in_scene(doc: Doc, timex: RawTimex, cues: dict[str, Any]) -> bool:
    """A month, season or day without a year (a part of one too: "Am Morgen des 9.
    November"), told in the present: in a historical present it takes the scene's year."""
    return _yearless(doc, timex, cues, _SCENE_VALUE) and \
        _past(doc, timex.start, timex.end, cues) is not True


def redate(timexes: list[RawTimex], doc: Doc, dct: date, cues: dict[str, Any]) -> list[RawTimex]:
    """``timexes`` (in text order), clock times, weekends and "heute" dated as above."""
    text = doc_text(doc)
    out: list[RawTimex] = []
    scene: str | None = None  # the year of a historical present (:func:`_sets_scene`)
    for index, timex in enumerate(timexes):
        rule = rule_name(timex.rule)
        surface = text[timex.start:timex.end].lower()
        if timex.type == "TIME" and {rule, _family(rule)} & set(cues["clock_rules"]) and \
                timex.value.startswith(dct.isoformat()):
            begin = _told_from(doc, timex)
            days = _days(out, begin, timex.start)
            if _recurring(doc, timex, timexes, days, cues) or _ends_recurring(text, timex, out, cues):
                timex = replace(timex, value=timex.value[10:])
            elif days or (days := _earlier_days(text, timex, out, begin)) or \
                    (days := _days_before_paragraph(doc, timex, out, dct, cues)):
                clock = timex.value[10:]
                if days[-1].start >= _sentence_start(doc, timex) and \
                        not {*re.findall(r"\w+", surface),
                             *re.findall(r"\w+", text[timex.end:timex.end + 20].lower())[:1]
                             } & set(cues["clock_part_words"]):
                    clock = _after_noon(days[-1], clock)
                timex = replace(timex, value=_day_of(days[-1], clock, cues))
        elif rule in cues["coming_weekend_rules"] and _WEEKEND.match(timex.value):
            # "am kommenden Wochenende" on a Tuesday is that week's (HeidelTime: the next)
            timex = replace(timex, value=weekend_of(dct + timedelta(
                days=7 if dct.weekday() >= 5 else 0)))
        elif rule in cues["weekend_rules"] and _WEEKEND.match(timex.value):
            named = _named_weekend(text, timex, timexes[index + 1:index + 2], cues)
            past = _past(doc, timex.start, timex.end, cues)
            timex = replace(timex, value=named or _weekend(dct, bool(past)))
        elif (told := _from_date_before(text, timex, out, cues)) is not None:
            timex = replace(timex, value=told)
            if scene is not None:  # "Im Sommer darauf": the story moves on with it
                scene = told[:4]
        elif scene is not None and _in_scene(doc, timex, cues):
            # "Es ist der Abend des 4. Oktober 1989. ... Am 8. Oktober kesselt die Polizei
            # ... ein": the scene's year until the text comes back to the present
            timex = replace(timex, value=scene + timex.value[4:])
        elif (year := _passage_year(doc, timex, out, dct, cues)) is not None:
            timex = replace(timex, value=year + timex.value[4:])
        elif (passage := _passage_weekday(doc, timex, out, dct, cues)) is not None:
            timex = replace(timex, value=passage)
        elif (this_year := _part_this_year(doc, timex, dct, cues)) is not None:
            timex = replace(timex, value=this_year)
        elif (planned := _planned(doc, timex, dct, cues) or
              _planned_feast(doc, timex, dct, cues)) is not None:
            timex = replace(timex, value=planned)
        elif (ahead := _takes_place(doc, timex, dct, cues) or
              _announced_for(doc, timex, dct, cues)) is not None:
            timex = replace(timex, value=ahead)
        elif surface in cues["today_words"] and timex.value == dct.isoformat() and \
                _generic_today(text, timex, cues):
            timex = replace(timex, value="PRESENT_REF")
        elif rule in cues["reference_days"] and (
                timex.value.startswith("XXXX-XX-XX") or
                (_DAY.match(timex.value) and any(_DAY.match(t.value) for t in out))):
            # "am Vortag" counted from the last day dated before it ("In jener Nacht ... Am
            # nächsten Morgen"), as this stage dated it: HeidelTime counted from its own
            # value ("In der Nacht auf Samstag ... gegen 2.30 Uhr ... seit dem Vorabend" was
            # the evening before the DCT, the clock time HeidelTime's on the DCT's day);
            # with no day before it, the article's
            told = next((date.fromisoformat(found[1]) for t in reversed(out)
                         if (found := _DAY.match(t.value))), dct)
            day = told + timedelta(days=cues["reference_days"][rule])
            timex = replace(timex, value=day.isoformat() + timex.value[10:])
        elif rule in cues["reference_months"] and timex.value == "XXXX-XX":
            # "im Vormonat" with no month written before it: the month before the article's
            year, month = add_months(dct.year, dct.month, cues["reference_months"][rule])
            timex = replace(timex, value=f"{year:04d}-{month:02d}")
        if _sets_scene(doc, timex, dct, cues):
            scene = timex.value[:4]
        elif scene is not None and scene == timex.value[:4]:
            pass  # a date of the scene
        elif (timex.rule.endswith("-explicit") and _YEAR.match(timex.value)) or \
                timex.value == "PRESENT_REF" or \
                (timex.rule.endswith("-relative") and timex.value[:4] == f"{dct.year:04d}"
                 and not _in_scene(doc, timex, cues)):
            scene = None  # another year written, or back in the article's present ("Heute")
        out.append(timex)
    return out


def ahead(timexes: list[RawTimex], doc: Doc, dct: date, cues: dict[str, Any]) -> list[RawTimex]:
    """``timexes`` with each weekday HeidelTime put before the DCT moved to the one after it,
    and each quarter or half without a year it put before the DCT's own to the next year's,
    when its sentence tells of it as ahead (English: ``news_ahead``); a day that falls
    due (``due_words``: "payable Dec. 15") lies after the announcement (:func:`_due`).
    HeidelTime puts every bare weekday in the week before the DCT ("The talks will resume
    on Monday", "planned to leave Nairobi on Thursday", "could come as soon as Tuesday"
    were all last week's), and a quarter told in the future in the DCT's year ("Profit
    will rise in the first quarter", in August). Ahead: the verb nearest to it (its comma-free
    stretch first) is an infinitive after a modal ("could", mostly past ability in news:
    "could not be reached Wednesday", is none) or after "to" and a verb of planning, and
    no perfect ("would have come" stays; "to" may follow the infinitive's own subject,
    "expect the talks to resume", or a present "be", "is to visit", "is due to arrive"),
    or a participle of planning after a present auxiliary ("has scheduled a news
    conference Thursday"), or "as soon as" stands right before it. The present is left
    alone, as in German."""
    out = []
    for timex in timexes:
        rule = rule_name(timex.rule)
        if rule in cues["weekday_rules"] and (day := _DAY.match(timex.value)):
            when = date.fromisoformat(day.group(1))
            if when < dct and _told_as_ahead(doc, timex, cues):
                timex = replace(timex, value=_weekday_from(when, dct).isoformat() +
                                timex.value[10:])
        elif rule in cues["part_of_year_rules"] and PART_VALUE.match(timex.value) and \
                _last_day(timex.value) < dct and int(timex.value[:4]) == dct.year and \
                not _figures_of(doc, timex, cues) and _told_as_ahead(doc, timex, cues):
            timex = replace(timex, value=f"{dct.year + 1:04d}{timex.value[4:]}")
        elif rule in cues["day_rules"] and (day := _DAY.match(timex.value)) and \
                _after_words(doc, timex, cues["due_words"]):
            timex = replace(timex, value=_due(date.fromisoformat(day.group(1)), dct).isoformat()
                            + timex.value[10:])
        elif rule in (*cues["day_rules"], *cues["month_rules"]) and \
                (month := _MONTH_VALUE.match(timex.value)) and not _deictic(doc, timex, cues):
            told_ahead = _told_as_ahead(doc, timex, cues) and not _figures_of(doc, timex, cues)
            year = _month_year(month, dct, told_ahead or (
                False if _told_as_past(doc, timex, cues) else None), cues["near_days"])
            timex = replace(timex, value=f"{year:04d}{timex.value[4:]}")
        out.append(timex)
    return out


def _figures_of(doc: Doc, timex: RawTimex, cues: dict[str, Any]) -> bool:
    """Does a quarter, half or month name the period of figures ("is expected to report
    third-quarter earnings Tuesday", "results for the first half", "Die Zahlen für das
    erste Quartal will Velmar am 25. Juli vorlegen", "den Bericht zum ersten Quartal")?
    Figures come after their period: the plan is the report's, not the period's (was
    next year's)."""
    after = re.findall(r"\w+", doc_text(doc)[timex.end:timex.end + 20].lower())[:1]
    before = _words_before(doc, timex, cues["figure_fillers"])
    figures = set(cues["figure_words"])
    return bool(set(after) & figures) or (len(before) > 1 and before[-1] in cues["figure_links"]
                                          and before[-2] in figures)


def _month_year(month: re.Match[str], dct: date, ahead: bool | None, near_days: int) -> int:
    """The year of a month or a day of one without a year: the one nearest to the DCT;
    when that lies more than ``near_days`` on the other side of it than the sentence tells
    (``ahead`` True: ahead, False: past, None: either), the first on or after the DCT or
    the last on or before it. HeidelTime took the tense of the sentence, an English
    present for the future: "a framework agreement the three countries signed in March"
    (June 1998) was March 1999, "the case is heard in May" (March 2000) May 1999, "in
    March a Miami federal judge ruled" (April 2000) March 2001. A date a few days ahead
    stays there whatever the tense ("The Times said in an editorial on Monday, Oct. 26",
    a Sunday's article; "gave no reason for the Jan. 14 deadline")."""
    number, day = int(month["month"]), int(month["day"] or 0)

    def apart(year: int) -> int:  # days from the DCT, 0 for the DCT's own month or day
        first = date(year, number, day or 1)
        last = first if day else date(year, number, days_in_month(year, number))
        return 0 if first <= dct <= last else (first - dct).days if first > dct \
            else (last - dct).days

    years = [dct.year - 1, dct.year, dct.year + 1]
    if day == 29 and number == 2:
        years = [y for y in years if days_in_month(y, 2) == 29] or [dct.year]
    nearest = min(years, key=lambda y: (abs(apart(y)), y))
    if ahead is True and apart(nearest) < -near_days:
        return next(y for y in years if apart(y) >= 0)
    if ahead is False and apart(nearest) > near_days:
        return [y for y in years if apart(y) <= 0][-1]
    return nearest


def _due(when: date, dct: date) -> date:
    """A day without a year that something falls due on ("payable Dec. 15", "holders of
    record Nov. 20"), which HeidelTime dated by the last tense before it ("declared"):
    announced in the article, so not long before its date. The same month and day, in
    the first year that puts it at most two weeks before the DCT (29 February as 28)."""
    day = 28 if (when.month, when.day) == (2, 29) else when.day
    days = (date(year, when.month, day) for year in (dct.year - 1, dct.year, dct.year + 1))
    return next((due for due in days if due >= dct - timedelta(days=14)), when)


def _words_before(doc: Doc, timex: RawTimex, fillers: Iterable[str] = ()) -> list[str]:
    """The words right before ``timex``, lower-cased, without the ``fillers`` that stand
    last ("bis spätestens" -> "bis", "für die" -> "für", "results for the" -> "for")."""
    before = doc_text(doc)[max(0, timex.start - 40):timex.start].lower().split()
    skipped = frozenset(fillers)
    while before and before[-1] in skipped:
        before.pop()
    return before


def _after_words(doc: Doc, timex: RawTimex, phrases: list[list[str]]) -> bool:
    """Does one of ``phrases`` (lower-case words) stand right before ``timex``?"""
    before = _words_before(doc, timex)
    return any(before[-len(words):] == words for words in phrases)


def _verb_group(doc: Doc, timex: RawTimex, cues: dict[str, Any]
                ) -> tuple[Token, list[Token]] | None:
    """The verb nearest to ``timex`` in its sentence (its comma-free stretch first) and
    the verb group it ends ("would be traveling", "planned to leave", "is due to arrive",
    an adjective of planning), nearest first; None without a verb."""
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None:
        return None
    sentence = span.sent
    verbs = [t for t in sentence if t.tag_.startswith(tuple(cues["verb_tags"]))
             and not span.start <= t.i < span.end]
    if not verbs:
        return None

    def distance(token: Token) -> tuple[bool, int]:
        between = doc[min(token.i, span.start):max(token.i, span.end)]
        return any(t.text in (",", ";") for t in between), abs(token.i - span.start)

    nearest = min(verbs, key=distance)
    plans = frozenset(cues["plan_lemmas"])
    group = [nearest]
    for token in reversed(doc[sentence.start:nearest.i]):
        if not (token.tag_.startswith(tuple(cues["verb_tags"])) or
                token.tag_ in cues["group_tags"] or token.lower_ in plans):
            break
        group.append(token)
    return nearest, group


def _told_as_ahead(doc: Doc, timex: RawTimex, cues: dict[str, Any]) -> bool:
    """Does the sentence of ``timex`` tell of it as ahead (see :func:`ahead`)?"""
    if _after_words(doc, timex, cues["soon_words"]):
        return True
    if (found := _verb_group(doc, timex, cues)) is None:
        return False
    nearest, group = found
    plans = frozenset(cues["plan_lemmas"])
    sentence = nearest.sent
    if nearest.tag_ in cues["participle_tags"] and nearest.lemma_ in plans and \
            any(t.tag_ in cues["present_auxiliary_tags"] for t in group):
        return True  # "has scheduled", "is expected"; not "planned" told in the past
    # "would have come" tells of what did not happen; "will have to leave" is ahead
    perfect = any(t.lemma_ == "have" and t.i + 1 < len(doc) and doc[t.i + 1].tag_ != cues["to_tag"]
                  for t in group)
    modal = any(t.tag_ == cues["modal_tag"] and t.lower_ in cues["modals"] for t in group)
    to = [t for t in group if t.tag_ == cues["to_tag"]]
    planned = bool(to) and (any(t.lemma_ in plans or t.lower_ in plans for t in group) or
                            _planner(doc, to[-1], sentence.start, cues) or
                            _bound(doc, to[-1], cues))
    return not perfect and (modal or planned)


def _told_as_past(doc: Doc, timex: RawTimex, cues: dict[str, Any]) -> bool:
    """Does the verb group nearest to ``timex`` tell of the past: a past form ("signed",
    "was found"), a perfect ("have been searching") or a participle on its own ("the
    quarter ended Sept. 30"), but no plan ("was planned for early March", "a meeting
    scheduled for March 3" may lie ahead)?"""
    if (found := _verb_group(doc, timex, cues)) is None:
        return False
    nearest, group = found
    if nearest.lemma_ in cues["plan_lemmas"]:
        return False
    # the verb's own group: "has decided to admit ... in early March" is no perfect of "admit"
    group = list(takewhile(lambda t: t.tag_ != cues["to_tag"], group))
    participle = any(t.tag_ in cues["participle_tags"] for t in group)
    return any(t.tag_ in cues["past_tags"] for t in group) or (
        participle and any(t.lemma_ == "have" for t in group)) or (
        # on its own after a noun: "the quarter ended Sept. 30", "a report released Tuesday"
        nearest.tag_ in cues["participle_tags"] and len(group) == 1)


def _planner(doc: Doc, to: Token, start: int, cues: dict[str, Any]) -> bool:
    """A verb of planning before the infinitive's own subject: "Officials expect | the
    talks | to resume on Monday", "wants the board to vote Friday"; not a perfect's
    participle ("had expected the company to report earnings on Tuesday": it did)."""
    i = to.i - 1
    while i > max(start, to.i - 6) and doc[i].pos_ in ("DET", "ADJ", "NOUN", "PROPN", "PRON",
                                                         "NUM"):
        i -= 1
    return i < to.i - 1 and doc[i].lemma_ in cues["plan_lemmas"] and \
        doc[i].tag_ not in cues["participle_tags"]


def _bound(doc: Doc, to: Token, cues: dict[str, Any]) -> bool:
    """A present "be" right before "to": "The minister is to visit Paris on Friday"."""
    before = doc[to.i - 1] if to.i > 0 else None
    return before is not None and before.lemma_ == "be" and \
        before.tag_ in cues["present_auxiliary_tags"]
