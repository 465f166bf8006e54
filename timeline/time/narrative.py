"""Years for bare dates in narratives ("am 3. November", "im Herbst").

In a narrative HeidelTime gives a date without a year the year of the
previous date it resolved, relative ones included; one wrong step ("im
letzten Jahr", an aside such as "sein 1994 erschienenes Buch") then carries
into every date after it. We decode the story's time instead: the dates of a
text, in order, are a path through time, and every reading of a date has a
cost. A bare date may stay in the story's year or leave it by a year without
writing it; a written date may move the story or be an aside that the story
returns from (cheaply so when it ends a stretch, "bis März 1862", or stands in
a pluperfect sentence, which the story follows only at a cost); going back in
time costs by the month inside a paragraph and nothing at its start, where a
new section or theatre of war begins (until the story settles there: a
pluperfect aside first leaves the start open). The cheapest path over the whole
text, so with the dates after each one in view, gives each bare month, day or
season its year ("im nächsten Sommer": the first after the story's time), and
each year-relative expression ("Ende des Jahres", "im Vorjahr", "im folgenden
Jahr"; the rules listed in the language file) the story's year plus its offset.
A year inside a participle phrase, in brackets, in a verbless insertion
between commas or after "seit" (the start of a state the story stands in) is an
aside outright. Everything else keeps HeidelTime's value.
"""

from __future__ import annotations

import heapq
import itertools
import re
from dataclasses import dataclass, replace
from typing import NamedTuple

from spacy.tokens import Doc, Span

from timeline.tagging.heideltime import RawTimex, rule_name
from timeline.tagging.lexicon import Lexicon
from timeline.time.anaphora import phrase_amount, phrase_unit
from timeline.time.chrono import PART_SPANS, same_weekday_of_month
from timeline.time.semantics import astronomical_year, timex_year

_CALENDAR = re.compile(r"^(?P<year>BC\d{4}|\d{4})(?P<rest>-(\d{2}|SP|SU|FA|AU|WI|H[12]|Q[1-4])"
                       r"(-\d{2})?(T.*)?)$")
_YEAR_IN_TEXT = re.compile(r"\d{3,4}|'\d{2}\b")
_EXPLICIT_YEAR = re.compile(r"^(BC\d{4}|\d{4})")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_DAY_NUMBER = re.compile(r"\d{1,2}\.?")
_SHIFT = {"next": 1, "last": -1}
# "seinem 1994 erschienenen Buch": a year inside a participle phrase is an aside
_ASIDE = re.compile(r"^\s+\S*(ge\S+te|\S+ene|\S+ende|\S+ierte)[nrsm]?\b")
_BEAM = 8  # readings kept after each date; 4 or 64 give the same paths on the dev texts


@dataclass(frozen=True)
class StoryCosts:
    """What each reading of a date costs, in months the story goes back inside a
    paragraph; a language file's ``story_costs``, chosen by ``tools/story_costs.py``."""

    back: float            # per month the story goes back inside a paragraph
    back_paragraph: float  # per month at the first date of a paragraph
    new_year: float        # per year a bare date leaves the story's year unwritten
    aside: float           # a written date that the story does not follow
    marked_aside: float    # ... that ends a stretch or stands in a pluperfect sentence
    pluperfect_move: float  # following a written date that stands in a pluperfect sentence


class Point(NamedTuple):
    """A stretch of the story's time in months since year 0, and the story's year."""

    first: float
    last: float
    year: int


def _point(year: int, rest: str) -> Point:
    """Where ``year`` plus a value's rest ("-03-11", "-WI", "") lies in months."""
    base = year * 12
    parts = rest.lstrip("-").split("T")[0].split("-")
    if not parts[0]:
        return Point(base, base + 12, year)
    if parts[0] in PART_SPANS:
        first, last = PART_SPANS[parts[0]]
        return Point(base + first, base + last, year)
    month = int(parts[0]) - 1
    if len(parts) > 1 and parts[1].isdigit():
        day = (int(parts[1]) - 1) / 31
        return Point(base + month + day, base + month + day, year)
    return Point(base + month, base + month + 1, year)


def _bare(text: str, lex: Lexicon) -> bool:
    """A month, day or season with no year written and no relative word; also a day
    written as its number alone, its month after it ("am 1. und 2. September")."""
    if _DAY_NUMBER.fullmatch(text):
        return True
    words = set(re.findall(r"\w+\.?", text))
    calendar = set(lex.words("month_words")) | set(lex.words("season_words"))
    return bool(words & calendar) and not _YEAR_IN_TEXT.search(text) and \
        not words & set(lex.words("relative_words"))


def _told_as(surface: str, lex: Lexicon) -> str | None:
    """Whether "this", "next" or "last" words tell the expression ("im folgenden Jahr":
    next), as the language file's ``this_words``, ``next_words`` and ``last_words``."""
    words = [word.lower() for word in surface.split()]
    return next((kind for kind in ("this", "next", "last") if any(
        word.startswith(tuple(lex.words(f"{kind}_words"))) for word in words)), None)


def _year_offset(timex: RawTimex, surface: str, lex: Lexicon) -> int | None:
    """How many years after the story's year a year-relative expression is ("im
    folgenden Jahr": one; a day or month after the last date is anaphora's)."""
    rule = rule_name(timex.rule)
    offsets: dict[str, int] = lex.data.get("year_offset_rules", {})
    if rule in offsets:
        return offsets[rule]
    if rule not in lex.words("this_year_rules"):
        return None
    told = _told_as(surface, lex)
    if told == "this":
        return 0
    return _SHIFT.get(told or "") if _EXPLICIT_YEAR.fullmatch(timex.value) else None


def _years_later(timex: RawTimex, doc: Doc, text: str, lex: Lexicon) -> int:
    """How many years a phrase counting years with a word of ``later_words`` after it
    ("drei Jahre später", HeidelTime's date counted from its own reference; "ein Jahr
    darauf") takes the story on; 0 for anything else."""
    after = re.match(r"\s*(\w+)", text[timex.end:])
    span = doc.char_span(timex.start, timex.end + (after.end() if after else 0),
                         alignment_mode="expand")
    if span is None or span[-1].lower_ not in lex.words("later_words") or \
            phrase_unit(doc, span.start, span.end, lex) != "Y":
        return 0
    return phrase_amount(doc, span.start, span.end, lex) or 0


def _calendar_told(timex: RawTimex, surface: str, lex: Lexicon) -> str | None:
    """A month or season told as this or the next one ("im folgenden Frühjahr"): "bare"
    (the story's year) or "forward" (the first after the story's time)."""
    if rule_name(timex.rule) not in lex.words("this_next_last_calendar_rules"):
        return None
    return {"this": "bare", "next": "forward"}.get(_told_as(surface, lex) or "")


def _after(text: str, start: int, lex: Lexicon, words: str) -> bool:
    """Does one of the language file's ``words`` stand among the two words before
    offset ``start``?"""
    before = re.findall(r"\w+", text[max(0, start - 30):start])[-2:]
    return any(word.lower() in lex.words(words) for word in before)


def _until(text: str, start: int, lex: Lexicon) -> bool:
    """The expression ends a stretch ("dauerten bis ins Frühjahr des nächsten Jahres",
    "blieb bis März 1862 gesperrt"): the story need not move there."""
    return _after(text, start, lex, "until_words")


def _inserted(span: Span, finite: frozenset[str], ends: dict[int, str], value: str) -> bool:
    """Inside brackets, or in a verbless insertion between two commas ("wurde das
    Höchstalter, beginnend mit dem 15. Juli 1863, auf 45 Jahre erhöht"); not one in
    apposition to a date before it of the same value (``ends``: values by where they
    end): "On the evening of Sunday, 8 October 1871, a fire broke out" is the story's own
    day ("kurze Zeit später, am Neujahrstag 1863," stays an aside: a step the story
    need not follow, 03_AmCivWar)."""
    doc, sentence = span.doc, span.sent
    before, after = doc[sentence.start:span.start], doc[span.end:sentence.end]
    if sum(t.text == "(" for t in before) > sum(t.text == ")" for t in before):
        return True
    left = next((t.i for t in reversed(before) if t.text == ","), None)
    right = next((t.i for t in after if t.text == ","), None)
    return left is not None and right is not None and \
        ends.get(doc[left - 1].idx + len(doc[left - 1])) != value and \
        not any(t.tag_ in finite for t in doc[left + 1:right])


def _verb_after(span: Span | None, finite: frozenset[str]) -> bool:
    """A finite verb right after the year ("Im Jahr 1683 belagerten die Osmanen Wien",
    "1683 markierte"): the story's own date, though the verb looks like a participle."""
    return span is not None and span.end < len(span.doc) and span.doc[span.end].tag_ in finite


def _written(timex: RawTimex, text: str, span: Span | None, lex: Lexicon,
             finite: frozenset[str], ends: dict[int, str]) -> Point | None:
    """Where a date that writes its year out lies, unless its wording makes it an aside,
    as the start of a state that lasts into the story does ("Finnland war seit 1809 ein
    Großfürstentum ... gewesen": the story stands after it; the 1918 war's bare dates
    had taken 1809)."""
    found = _CALENDAR.match(timex.value) or _EXPLICIT_YEAR.fullmatch(timex.value)
    if timex.type not in ("DATE", "TIME") or not timex.rule.endswith("-explicit") or \
            not found or not _YEAR_IN_TEXT.search(text[timex.start:timex.end]) or \
            (_ASIDE.match(text[timex.end:timex.end + 40]) and not _verb_after(span, finite)) \
            or (span is not None and _inserted(span, finite, ends, timex.value)) or \
            _after(text, timex.start, lex, "since_words"):
        return None
    rest = found.groupdict().get("rest") or ""
    return _point(astronomical_year(found.group(1)), rest)


def _pluperfect(span: Span | None, lex: Lexicon) -> bool:
    """The sentence tells what had happened before ("ersterer hatte durch seinen
    Putsch im Juli 1917 ..."): a step back the story need not follow; a "hatte" in a
    relative clause that does not hold the date does not count ("Wallenstein, der ...
    aufgestellt hatte, besiegte im April 1626"). Only "hatte": "war" + participle is as
    often the simple past passive; English "had" with a participle ("had annexed", not
    "had 70,000 men")."""
    if span is None:
        return False
    relative = set(lex.words("relative_clause_tags"))
    pluperfect = set(lex.words("pluperfect_words"))
    participles = set(lex.words("pluperfect_participle_tags"))  # English "had" + participle
    sentence = span.sent
    commas = [sentence.start - 1, *(t.i for t in sentence if t.text == ","), sentence.end]
    stretches = [span.doc[left + 1:right] for left, right in itertools.pairwise(commas)
                 if not (left + 1 < right and span.doc[left + 1].tag_ in relative and
                         not left < span.start < right)]
    return any(any(t.lower_ in pluperfect for t in stretch) and
               (not participles or any(t.tag_ in participles for t in stretch))
               for stretch in stretches)


class _Given(NamedTuple):
    """A value a reading gave, and the one it gave before (shared between readings)."""

    index: int
    value: str
    before: _Given | None


class _Path(NamedTuple):
    """One reading of the story so far: its cost, where it stands, the values it gave,
    and the last paragraph in which it settled (moved, or passed a date as a plain aside)."""

    cost: float
    at: Point
    given: _Given | None
    settled_in: int = -1


def _back(path: _Path, to: Point, paragraph: int, costs: StoryCosts) -> float:
    """What going from where ``path`` stands to ``to`` costs: nothing forward, by the
    month back; at the paragraph's rate until the reading has settled in ``paragraph``
    (a marked aside first, "Bereits 1852 hatte ...", leaves the paragraph's start open)."""
    gap = path.at.first - to.last
    return max(gap, 0.0) * (costs.back_paragraph if path.settled_in < paragraph else costs.back)


def _follow_or_skip(paths: list[_Path], written: Point, aside: float, move: float,
                    marked: bool, paragraph: int, costs: StoryCosts) -> list[_Path]:
    """A written date: each reading either moves to it or treats it as an aside."""
    if not paths:
        return [_Path(0.0, written, None, paragraph)]
    return [p._replace(cost=p.cost + aside, settled_in=p.settled_in if marked else paragraph)
            for p in paths] + \
        [p._replace(cost=p.cost + move + _back(p, written, paragraph, costs), at=written,
                    settled_in=paragraph)
         for p in paths]


def _year_for_bare(paths: list[_Path], index: int, rest: str, paragraph: int,
                   costs: StoryCosts, direction: int = 0,
                   announced: frozenset[int] = frozenset()) -> list[_Path]:
    """A bare date: each reading puts it in the story's year, or one year either side;
    ``direction`` 1 ("im Frühjahr darauf"): only where it begins after the story's time,
    -1 ("im Winter davor"): only where it ends before it.
    A day written in full earlier in a year ahead of the story (``announced``: "Der
    Koreakrieg wurde vom 25. Juni 1950 ... geführt", then a background section in 1948,
    then "Am frühen Morgen des 25. Juni") may be that day, at no cost for the years it
    skips; not taking it costs as much as passing a written date as an aside."""
    readings = []
    for p in paths:
        ahead = {year for year in announced if year > p.at.year}
        for year in {p.at.year, p.at.year - 1, p.at.year + 1} | ahead:
            to = _point(year, rest)
            if (direction > 0 and to.first < p.at.last) or \
                    (direction < 0 and to.last > p.at.first):
                continue
            unwritten = 0.0 if year in ahead else \
                costs.new_year * abs(year - p.at.year) + (costs.aside if ahead else 0.0)
            readings.append(_Path(p.cost + _back(p, to, paragraph, costs) + unwritten, to,
                                  _Given(index, timex_year(year) + rest, p.given), paragraph))
    return readings


def _offset_from_story(paths: list[_Path], index: int, offset: int, rest: str,
                       moves: bool, paragraph: int) -> list[_Path]:
    """A year-relative expression: the story's year plus its offset; a forward one told
    as the story's own ("in den Frühjahrsschlachten des neuen Jahres") moves the story."""
    return [p._replace(at=_point(p.at.year + offset, "") if moves else p.at,
                       given=_Given(index, timex_year(p.at.year + offset) + rest, p.given),
                       settled_in=paragraph if moves else p.settled_in)
            for p in paths]


def _best(paths: list[_Path]) -> list[_Path]:
    """The cheapest reading for each point of the story, at most ``_BEAM`` of them."""
    cheapest: dict[tuple[Point, int], _Path] = {}
    for path in paths:
        key = (path.at, path.settled_in)
        if key not in cheapest or path.cost < cheapest[key].cost:
            cheapest[key] = path
    return heapq.nsmallest(_BEAM, cheapest.values())


def reanchor(timexes: list[RawTimex], text: str, doc: Doc, lex: Lexicon,
             costs: StoryCosts, range_ends: frozenset[str] = frozenset()) -> list[RawTimex]:
    """``timexes`` (in text order) with bare and year-relative dates given the years
    of the cheapest reading of the whole story; ``range_ends`` are the tids that end
    a range HeidelTime's interval tagger found ("von Juli 1936 bis April 1939")."""
    finite = frozenset(lex.words("finite_verb_tags"))
    ends = {t.end: t.value for t in timexes}  # a date restating one is no insertion
    reference_years = frozenset(lex.words("reference_year_rules"))
    forward_rules = lex.words("forward_rules")
    backward_rules = lex.words("backward_rules")
    paths: list[_Path] = []
    previous_end = 0  # of the last date that took part
    paragraph = 0  # paragraphs begun so far
    days: dict[str, set[int]] = {}  # "-06-25" -> the years it was written in full with
    for index, timex in enumerate(timexes):
        surface = text[timex.start:timex.end]
        paragraph += "\n" in text[previous_end:timex.start]
        found = _EXPLICIT_YEAR.match(timex.value)
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand") \
            if timex.rule.endswith("-explicit") else None  # only written dates need it
        if (written := _written(timex, text, span, lex, finite, ends)) is not None:
            if _DAY.match(timex.value):
                days.setdefault(timex.value[4:], set()).add(written.year)
            pluperfect = _pluperfect(span, lex)
            marked = pluperfect or _until(text, timex.start, lex)
            # the end of a range: the story stands at its start, following the end
            # costs as an aside does
            ranged = timex.tid in range_ends
            paths = _follow_or_skip(paths, written,
                                    costs.marked_aside if marked else costs.aside,
                                    costs.pluperfect_move if pluperfect else
                                    costs.aside if ranged else 0.0,
                                    marked, paragraph, costs)
        elif rule_name(timex.rule) in reference_years and _EXPLICIT_YEAR.fullmatch(timex.value):
            # "The following year, on 4 May" (English date_r17g): a year HeidelTime counted
            # from the date before it, an aside's too ("completed in 1885"); the story may
            # follow it as a written year
            paths = _follow_or_skip(paths, _point(astronomical_year(timex.value), ""),
                                    costs.aside, 0.0, False, paragraph, costs)
        elif paths and (years := _years_later(timex, doc, text, lex)):
            # "1815 ... Drei Jahre später, am 5. Mai": the story moves on by that many
            # years (the bare day after it was 1815's); the duration keeps its value
            paths = [p._replace(at=_point(p.at.year + years, ""), settled_in=paragraph)
                     for p in paths]
        elif not paths or not timex.rule.endswith("-relative") or not found:
            continue
        elif (offset := _year_offset(timex, surface, lex)) is not None:
            moves = offset > 0 and not _until(text, timex.start, lex)
            paths = _offset_from_story(paths, index, offset, timex.value[found.end():], moves,
                                       paragraph)
        elif (calendar := _CALENDAR.match(timex.value)) and \
                ((told := _calendar_told(timex, surface, lex)) or _bare(surface, lex) or
                 _month_weekday(timex, lex) is not None or
                 rule_name(timex.rule) in lex.words("feast_rules") + forward_rules +
                 backward_rules):
            direction = 1 if told == "forward" or rule_name(timex.rule) in forward_rules else \
                -1 if rule_name(timex.rule) in backward_rules else 0
            rest = calendar.group("rest")
            paths = _year_for_bare(paths, index, rest, paragraph, costs, direction=direction,
                                   announced=frozenset(days.get(rest.split("T")[0], ()))) \
                or paths
        else:
            continue
        previous_end = timex.end
        paths = _best(paths)
    values = {}
    given = min(paths).given if paths else None
    while given is not None:
        values[given.index] = given.value
        given = given.before
    return [replace(t, value=_weekday_kept(t, values[i], lex)) if i in values else t
            for i, t in enumerate(timexes)]


def _month_weekday(timex: RawTimex, lex: Lexicon) -> bool | None:
    """Is ``timex`` the last (True) or an n-th (False) weekday of a month ("am letzten
    Samstag im August": bare, although "letzten" is a relative word elsewhere)?"""
    rule = rule_name(timex.rule)
    if rule in lex.words("last_weekday_rules"):
        return True
    return False if rule in lex.words("nth_weekday_rules") else None


def _weekday_kept(timex: RawTimex, value: str, lex: Lexicon) -> str:
    """``value``, the story's year for ``timex``; an n-th or last weekday of a month
    (computed by HeidelTime for its own year) stays that weekday in the new year instead
    of keeping the day of the month."""
    last = _month_weekday(timex, lex)
    old, new = _DAY.match(timex.value), _DAY.match(value)
    if last is None or not old or not new or old.group(1) == new.group(1):
        return value
    year, month, day = same_weekday_of_month(int(old.group(1)), int(old.group(2)),
                                             int(old.group(3)), int(new.group(1)), last)
    return f"{year:04d}-{month:02d}-{day:02d}"
