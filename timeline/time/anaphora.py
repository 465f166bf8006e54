"""Anaphoric time references HeidelTime leaves alone, dated from the discourse.

"Damals", "zu diesem Zeitpunkt", "im selben Jahr", "zwei Jahre später",
"gegenüber dem Vorjahreszeitraum": each refers to the previous date of the text.
We find them with spaCy ``Matcher`` patterns from the language file, and date them
from the last placed expression before them (inferred ones included, so chains work). The result
is an ordinary timex with its own offsets, marked ``inferred``.
"""

from __future__ import annotations

import functools
import re
from datetime import date

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from timeline.model import Interval, Timex, TimexType
from timeline.tagging.heideltime import rule_name
from timeline.tagging.lexicon import Lexicon, lexicon
from timeline.tagging.nlp import doc_text, pipeline
from timeline.time.chrono import PART_SPANS, Instant
from timeline.time.semantics import (
    one_unit,
    shifted_value,
    span_of,
    week_value,
    whole_units,
)

_YEAR_FIRST = re.compile(r"^(\d{4})((?:-(?:\d{2}|Q[1-4]|H[12]|SP|SU|FA|WI))*)$")
# a period a year-on-year comparison can name: a year, month, quarter, half or season
_PERIOD = re.compile(r"^\d{4}(-(\d{2}|Q[1-4]|H[12]|SP|SU|FA|WI))?$")
_PRECISION = {"Y": 4, "M": 7, "D": 10, "DE": 3, "CE": 2}
# a comma or bracket and at most two words ("im Jahr", "am") before a date in apposition
_APPOSITION = re.compile(r"^\s*[,(]\s*(\w+\s+){0,2}$")


def _month_of(rest: str) -> int:
    """The last month of a value's part after its year ("-03-11": 3, "-Q1": 3, "-SU": 8;
    nothing, the whole year: 12)."""
    part = rest[1:3]
    if part.isdigit():
        return int(part)
    return PART_SPANS[part][1] if part in PART_SPANS else 12


def _after(later: Timex, earlier: Timex) -> bool:
    """Does ``later``'s interval start after ``earlier``'s ends (both placed)?"""
    a, b = later.interval, earlier.interval
    if a is None or b is None or not (a.start and b.end):
        return False
    return Instant.parse(a.start) >= Instant.parse(b.end)


@functools.cache
def _matcher(language: str) -> Matcher:
    matcher = Matcher(pipeline(language).vocab)
    lex = lexicon(language)
    for number, entry in enumerate(lex.data.get("anaphora", [])):
        matcher.add(f"ANAPHORA_{number}", _with_number_words(entry["pattern"], lex))
    return matcher


def _with_number_words(pattern: list[dict[str, object]], lex: Lexicon
                       ) -> list[list[dict[str, object]]]:
    """The pattern, and where it asks for a number, a copy that takes the language's
    number words there: spaCy's German ``like_num`` knows digits only, so "zwei Jahre
    zuvor" was never matched (HeidelTime's "zwei Jahre" stayed a bare duration)."""
    words = list(lex.data.get("number_words", {}))
    if not words or not any(token.get("LIKE_NUM") for token in pattern):
        return [pattern]
    spelled = [{**{k: v for k, v in token.items() if k != "LIKE_NUM"},
                "LOWER": {"IN": words}} if token.get("LIKE_NUM") else token
               for token in pattern]
    return [pattern, spelled]


def _number(doc: Doc, start: int, end: int, lex: Lexicon) -> int | None:
    """The number the phrase writes ("zwei Wochen später": 2), None if it writes none."""
    numbers = lex.data.get("number_words", {})
    for token in doc[start:end]:
        if token.text.isdigit():
            return int(token.text)
        if token.lower_ in numbers:
            return int(numbers[token.lower_])
    return None


def phrase_amount(doc: Doc, start: int, end: int, lex: Lexicon) -> int | None:
    """How many units the phrase counts: its number, 1 for a unit alone ("im Jahr
    darauf"), None for units with no number ("Jahre zuvor", "years later": some)."""
    if (number := _number(doc, start, end, lex)) is not None:
        return number
    plural = set(lex.words("plural_units"))
    return None if any(token.lower_ in plural for token in doc[start:end]) else 1


def phrase_unit(doc: Doc, start: int, end: int, lex: Lexicon) -> str | None:
    """The unit the phrase counts in ("drei Jahre später": "Y"), as ``units`` names it."""
    units = lex.data.get("units", {})
    return next((units[t.lower_] for t in doc[start:end] if t.lower_ in units), None)


def _same_unit(value: str, unit: str | None) -> str:
    """``value`` at the precision of ``unit``: "in derselben Woche" after a day is its
    week, "im selben Quartal" after a month its quarter."""
    if unit == "W":
        return week_value(value) or value
    if unit == "Q":
        return shifted_value(value, "Q", 0) or value
    if unit is None or unit not in _PRECISION:
        return value
    offset = 2 if value.startswith("BC") else 0
    return value[: offset + _PRECISION[unit]] if len(value) > offset + _PRECISION[unit] else value


def _at_unit(value: str, unit: str | None) -> str | None:
    """A period a year-on-year comparison may name, at its unit: "im Vorjahresquartal"
    after "im Juni" is June's quarter a year before (was 2017-06); a half needs a half."""
    if unit == "Q":
        return shifted_value(value, "Q", 0)
    if unit == "H":
        return value if "-H" in value else None
    return value


def _replaceable(timex: Timex, lex: Lexicon) -> bool:
    """What an anaphor may replace, besides everything under a pattern marked
    ``replaces_heideltime`` ("am folgenden Tag": HeidelTime counts a news text's from
    the DCT, but it follows the date before it): a duration ("zwei Jahre" of "zwei
    Jahre später"), HeidelTime's own reading of "drei Monate später"
    (``reference_offset_rules``), which counts from the last year it saw written: after
    an aside that is the aside's, where the story's date before it (narratives re-dated
    first) is what the phrase counts from; or a reference HeidelTime could not resolve
    (``XXXX-XX-XX``: "an diesem Tag" after a day BC)."""
    return timex.type == TimexType.DURATION or \
        rule_name(timex.rule) in lex.words("reference_offset_rules") or \
        (timex.type == TimexType.DATE and timex.value.startswith("XXXX"))


def _counted_from(previous: list[Timex], unit: str | None, amount: int
                  ) -> tuple[Timex, str] | None:
    """The date a phrase ``amount`` units from the one talked about counts from, and its
    value moved so: the last date precise enough, as HeidelTime's own references ("drei
    Tage später" after "am 3. August ... im selben Jahr" counts from the day); None if
    there is none."""
    if unit is None:
        return None
    found = next(((t, shifted) for t in reversed(previous) if (
        shifted := shifted_value(t.value, unit, amount)) is not None), None)
    if found is None:
        return None
    if (latest := previous[-1].interval) is not None and latest.end and \
            _after(previous[-1], found[0]):
        # "Am 1. Mai ... Im Juni landeten sie. Am darauffolgenden Tag": a day of June, not
        # 2 May; the latest date's own precision is all that is known (after "am Mittag des
        # 9. Februar" the day counts: noon lies in it; so does it after "kurz darauf", which
        # has no bounds, and after an earlier date, an aside: "Der Angriff war seit Dezember
        # 1940 geplant worden")
        return previous[-1], previous[-1].value
    return found


def _not_past(timex: Timex, dct: date | None) -> bool:
    """Does ``timex`` take in the DCT or lie after it ("heute", "jetzt", "im kommenden
    Frühjahr")? "Damals" is a time before it: "Ganz anders als heute. Damals gab es ..."
    took today, "Im kommenden Frühjahr wird gewählt. ... über den Streik von damals"
    the coming spring."""
    if timex.value in ("PRESENT_REF", "FUTURE_REF"):
        return True
    interval = timex.interval
    if dct is None or interval is None or not interval.end:
        return False
    return Instant.parse(dct.isoformat()) < Instant.parse(interval.end)


def _in_apposition(text: str, start: int, end: int, placed: list[Timex]) -> Timex | None:
    """The date ``[start, end)`` stands in apposition to: the one right before it and
    only a comma between ("Heute, 25 Jahre danach"), or one in apposition after it
    ("Drei Tage später, am 9. November, ...")."""
    before = [t for t in placed if t.end <= start]
    if before and re.fullmatch(r"\s*,\s*", text[before[-1].end:start]):
        return before[-1]
    return _apposition_after(text, end, placed)


def _apposition_after(text: str, end: int, placed: list[Timex]) -> Timex | None:
    """The date in apposition after offset ``end``: a comma or bracket and at most two
    words between ("Damals, im Jahr 1912, ...")."""
    return next((t for t in placed if t.start >= end and
                 _APPOSITION.match(text[end:t.start])), None)


def counted_back(timex: Timex, span: Span, lex: Lexicon, dct: date | None) -> Timex | None:
    """A duration after an "ago" word ("vor drei Jahren": HeidelTime's German and KRAUTS tag
    the duration alone) as the date it lands on counted back from the DCT, TimeML's "three
    years ago", at the duration's unit ("vor eineinhalb Jahren": 18 months back); None for
    anything else, an unknown amount ("vor Jahren") or a compound of months and days. Its
    event is placed there, and "Damals" or "zwei Jahre später" after it count from it."""
    if dct is None or timex.type != TimexType.DURATION or span.start == 0 or \
            span.doc[span.start - 1].lower_ not in lex.words("ago_words"):
        return None
    parts = one_unit(timex.value)
    if parts is None or parts[0] == "X":
        return None
    amount, unit = whole_units(*parts)
    value = shifted_value(dct.isoformat(), unit, -amount)
    placed = span_of("DATE", value, timex.mod, dct) if value else None
    if placed is None:
        return None
    return timex.model_copy(update={
        "type": TimexType.DATE, "value": value, "interval": Interval.from_span(placed)})


def resolve(doc: Doc, language: str, lex: Lexicon, timexes: list[Timex],
            dct: date | None) -> tuple[list[Timex], set[str]]:
    """The inferred timexes of ``doc`` (``timexes`` are HeidelTime's), and the ids
    of the durations they replace: in "zwei Jahre später" HeidelTime sees only
    the duration "zwei Jahre"."""
    replaced: set[str] = set()
    agos = [ago for t in timexes if t.type == TimexType.DURATION and
            (span := doc.char_span(t.start, t.end, alignment_mode="expand")) is not None and
            (ago := counted_back(t, span, lex, dct)) is not None]
    placed = sorted([*(t for t in timexes if t.interval is not None
                       and t.type in (TimexType.DATE, TimexType.TIME)), *agos],
                    key=lambda t: t.start)
    entries = lex.data.get("anaphora", [])
    found: list[Timex] = []
    text = doc_text(doc)
    if not entries:  # a language without anaphora patterns (spaCy would warn W036)
        return [], replaced
    matches = sorted(_matcher(language)(doc), key=lambda m: (m[1], -m[2]))
    last_end = -1
    for match_id, start, end in matches:
        span = doc[start:end]
        entry = entries[int(doc.vocab.strings[match_id].rsplit("_", 1)[1])]
        overlapping = [t for t in timexes
                       if t.start < span.end_char and span.start_char < t.end]
        if start < last_end or any(
                not (entry.get("replaces_heideltime") or _replaceable(t, lex)) or
                t.start < span.start_char or t.end > span.end_char for t in overlapping):
            continue
        previous = [t for t in placed if t.end <= span.start_char and
                    not (entry.get("past") and _not_past(t, dct))]
        # "Damals, im Jahr 1912, wurde ...": the date in apposition, not the one before
        named = _apposition_after(text, span.end_char, placed) if entry["kind"] == "same" \
            else None
        if not previous and not named and not (entry["kind"] == "turn_of_year" and
                                               dct is not None):
            continue
        anchor: Timex | None = named or (previous[-1] if previous else None)
        unit = phrase_unit(doc, start, end, lex)
        if entry["kind"] == "turn_of_year":
            # "zum Jahreswechsel" after "im Dezember 1918": the turn nearest the date talked
            # about, the first day of 1919 (after a year alone, the turn at its end); in
            # news with no date before it, the turn nearest the DCT
            anchor = next((t for t in reversed(previous) if _YEAR_FIRST.match(t.value)), None)
            told = anchor.value if anchor else dct.isoformat() if dct else None
            if told is None or re.match(r"\s*\d", text[span.end_char:]):
                continue  # "Jahreswende 1917/18" is HeidelTime's (date_timeline_31a)
            value = f"{int(told[:4]) + (_month_of(told[4:]) > 6):04d}-01-01"
            mod = None
        elif anchor is None:
            continue
        elif entry["kind"] == "same":
            value, mod = anchor.value, anchor.mod
        elif entry["kind"] == "that_year":
            # "In 1975 ... That spring" was the DCT's spring (news): the season or month
            # HeidelTime read, in the year of the last date told
            told = next((t for t in reversed(previous) if _YEAR_FIRST.match(t.value)), None)
            read = next((t for t in overlapping if _PERIOD.match(t.value)), None)
            if told is None or read is None:
                continue
            anchor, value, mod = told, told.value[:4] + read.value[4:], read.mod
        elif entry["kind"] == "same_unit":
            # "am selben Tag" after an aside's "1917": the last day told, as HeidelTime's own
            # reference does (it took the year)
            anchor, value = _counted_from(previous, unit, 0) or (anchor, anchor.value)
            value, mod = _same_unit(value, unit), None
        elif entry["kind"] == "year_before":
            # "gegenüber dem Vorjahreszeitraum" after "im dritten Quartal 2009": 2008-Q3;
            # the period talked about, not another year before it, nor the day the figures
            # were told ("Der Gewinn stieg im zweiten Quartal, wie der Konzern am Donnerstag
            # mitteilte. Im Vorjahresquartal ...": a year before that Thursday was a day)
            # nor a comparison HeidelTime found ("a year earlier": the year before's)
            comparisons = lex.data.get("year_comparisons", {}).get("comparison_rules", {})
            periods = [t for t in reversed(previous) if t.rule != "anaphora-year_before"
                       and rule_name(t.rule) not in comparisons and _PERIOD.match(t.value)]
            period = next(((t, v) for t in periods if (v := _at_unit(t.value, unit))), None)
            if period is None or not (found_year := _YEAR_FIRST.match(period[1])):
                continue
            anchor = period[0]
            value, mod = f"{int(found_year[1]) - 1:04d}{found_year[2]}", None
        elif (named := _in_apposition(text, span.start_char, span.end_char, placed)) is not None:
            # "Heute, 25 Jahre danach, erinnert ...": the phrase says how far the date it
            # stands beside lies from an earlier one; counting from that date gave 2039
            anchor, value, mod = named, _same_unit(named.value, unit), None
        else:
            amount = phrase_amount(doc, start, end, lex)
            found_anchor = None if amount is None else \
                _counted_from(previous, unit, entry["sign"] * amount)
            if found_anchor is None:
                continue
            anchor, value = found_anchor
            if unit == "W" and _number(doc, start, end, lex) is None:
                value = week_value(value) or value  # "in der Woche darauf": that week
            mod = None
        interval = span_of("DATE", value, mod, dct)
        if interval is None:
            continue
        # a date HeidelTime found keeps its extent ("folgenden Tag", as the corpora mark it)
        first, last = (min(t.start for t in overlapping), max(t.end for t in overlapping)) \
            if entry.get("replaces_heideltime") and overlapping and \
            not entry.get("own_extent") else (span.start_char, span.end_char)
        timex = Timex(
            id=f"i{len(found) + 1}", start=first, end=last, text=text[first:last],
            type=TimexType.DATE, value=value, mod=mod, interval=Interval.from_span(interval),
            rule=f"anaphora-{entry['kind']}", inferred=True,
            anchor_id=anchor.id if anchor else None,
        )
        found.append(timex)
        replaced.update(t.id for t in overlapping)
        placed = [t for t in placed if t not in overlapping]
        placed.append(timex)
        placed.sort(key=lambda t: t.start)
        last_end = end
    return found, replaced
