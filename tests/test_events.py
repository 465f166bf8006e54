"""Events on the seed article: titles, triggers, participants, anaphora, mentions."""

from __future__ import annotations

import pytest

from timeline.io.inputs import DocumentInput
from timeline.model import Event, Granularity, Timeline
from timeline.pipeline import Options


def _at(timeline: Timeline, start: str, end: str) -> list[Event]:
    return [e for e in timeline.events if (e.start, e.end) == (start, end)]


def _one(timeline: Timeline, start: str, end: str) -> Event:
    found = _at(timeline, start, end)
    assert len(found) == 1, [e.title for e in found]
    return found[0]


def _kinds(event: Event) -> dict[str, str]:
    return {p.text: p.kind for p in event.participants}


def test_war_of_aggression_titled_by_its_noun_phrase(seed_timeline: Timeline) -> None:
    event = _one(seed_timeline, "2022-02-01", "2022-03-01")
    assert event.title == "Beginn des russischen Angriffskriegs"
    assert event.trigger is not None and event.trigger.lemma == "Beginn ... Angriffskrieg"
    text = seed_timeline.documents[0].text
    assert [text[p.start:p.end] for p in event.trigger.parts] == ["Beginn", "Angriffskriegs"]
    assert event.clause.startswith("Der Besuch Stoltenbergs")
    # "Stoltenbergs" names Stoltenberg, who is named so elsewhere: one participant, not two
    stoltenberg = next(p for p in event.participants if p.kind == "PER")
    assert stoltenberg.text == text[stoltenberg.start:stoltenberg.end] == "Stoltenberg"


def test_2008_decision_with_damals_as_inferred_second_mention(seed_timeline: Timeline) -> None:
    event = _one(seed_timeline, "2008-01-01", "2009-01-01")
    assert event.title.startswith("NATO-Beschluss")
    assert event.trigger is not None and event.trigger.text == "NATO-Beschluss"
    kinds = _kinds(event)
    assert kinds["NATO"] == "ORG" and kinds["Ukraine"] == "LOC" and kinds["Georgien"] == "LOC"
    document = seed_timeline.documents[0]
    damals = next(t for t in document.timexes if t.text == "Damals")
    assert damals.inferred and damals.value == "2008" and damals.rule == "anaphora-same"
    assert document.text[damals.start:damals.end] == "Damals"
    anchor = next(t for t in document.timexes if t.id == damals.anchor_id)
    assert anchor.text.endswith("2008")
    assert [m.timex_id for m in event.mentions] == [anchor.id, damals.id]
    assert not event.inferred


def test_last_years_summit_declaration(seed_timeline: Timeline) -> None:
    event = next(e for e in _at(seed_timeline, "2023-01-01", "2024-01-01")
                 if "Gipfelerklärung" in e.title)
    assert _kinds(event).get("NATO") == "ORG"
    # the later "damals" refers back to last year, not to 2008
    second = next(t for t in seed_timeline.documents[0].timexes if t.text == "damals")
    assert second.inferred and second.value == "2023"


def test_two_monday_sentences_stay_two_events(seed_timeline: Timeline) -> None:
    monday = [e for e in _at(seed_timeline, "2024-04-29", "2024-04-30") if not e.uncertain]
    assert len(monday) == 2
    visit, press = monday
    assert visit.title == "Stoltenberg: Überraschungsbesuch in der ukrainischen Hauptstadt Kiew"
    assert visit.trigger is not None and visit.trigger.text == "Überraschungsbesuch"
    assert _kinds(visit) == {"Stoltenberg": "PER", "Kiew": "LOC"}
    assert press.title.startswith("Pressekonferenz mit dem ukrainischen Präsidenten")
    assert _kinds(press) == {"Wolodymyr Selenskyj": "PER"}
    text = seed_timeline.documents[0].text
    for event in monday:
        assert event.trigger is not None
        assert text[event.trigger.start:event.trigger.end] == event.trigger.text


def test_july_summit(seed_timeline: Timeline) -> None:
    event = _one(seed_timeline, "2024-07-01", "2024-08-01")
    assert event.title == "Gipfeltreffen der Staats- und Regierungschefs"
    assert event.trigger is not None and event.trigger.text == "Gipfeltreffen"


def test_past_months_end_at_the_dct_with_an_estimated_start(seed_timeline: Timeline) -> None:
    event = next(e for e in seed_timeline.events if e.uncertain_start)
    assert event.end == "2024-04-30" and event.start is not None and event.start < "2024-04-01"
    assert event.granularity.value == "month" and event.uncertain


def test_ranges_sets_and_relative_anaphora(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Der Krieg dauerte von 1939 bis 1945. Im Mai 1940 begann der Westfeldzug. "
            "Zu diesem Zeitpunkt fiel Paris. Die Zeitung erscheint jeden Montag.")
    _, events = extractor.document(DocumentInput(id="d", text=text, source="test"),
                                   Options(language="de", doc_type="narrative"))
    war = next(e for e in events if e.end_timex_id)
    assert (war.start, war.end) == ("1939-01-01", "1946-01-01")
    assert all(e.timex_id != war.end_timex_id for e in events)
    later = next(e for e in events if e.inferred)
    assert (later.start, later.end) == ("1940-05-01", "1940-06-01")  # "Zu diesem Zeitpunkt"
    assert later.title == "Paris fiel"
    assert war.title == "Der Krieg dauerte"
    weekly = next(e for e in events if e.recurring)
    assert weekly.start is None and weekly.end is None


def test_a_period_and_the_day_it_ends_on_are_one_time(extractor) -> None:  # type: ignore[no-untyped-def]
    """ "the quarter ending June 30" was two events of one happening (the quarter, and
    June 30), the first triggered by "ending": one event for the quarter, "rose" its
    trigger, and no range (the income did not rise until June 30); a year and a day told
    apart stay two."""
    text = ("Net income for the quarter ending June 30 rose 5%. In 1998, on June 30, sales "
            "rose.")
    _, events = extractor.document(DocumentInput(id="e", text=text, source="test",
                                                 dct="1998-11-06"), Options(language="en"))
    quarter = events[0]
    assert (quarter.start, quarter.end, quarter.granularity) == ("1998-04-01", "1998-07-01",
                                                                 Granularity.QUARTER)
    assert quarter.trigger is not None and quarter.trigger.text == "rose"
    assert not quarter.other_triggers and quarter.end_timex_id is None
    assert [e.title for e in events] == ["Net income rose 5%", "Sales rose", "Sales rose"]


def _inferred(extractor, text: str, dct: str, language: str = "de"):  # type: ignore[no-untyped-def]
    """The dates the anaphora inferred in ``text``, read as news of ``dct``."""
    document, _ = extractor.document(DocumentInput(id="d", text=text, source="test", dct=dct),
                                     Options(language=language, doc_type="news"))
    return [(t.text, t.value) for t in document.timexes if t.inferred]


def test_damals_before_a_date_in_apposition_is_that_date(extractor) -> None:  # type: ignore[no-untyped-def]
    """"Damals, im Jahr 1912, wurde ..." took the date before it (a coming weekend)."""
    text = ("Am kommenden Wochenende trifft sich der Vorstand. Damals, im Jahr 1912, wurde "
            "die SPD stärkste Kraft. Damals, sagt er, war alles anders.")
    assert _inferred(extractor, text, "2012-11-15") == [("Damals", "1912"), ("Damals", "1912")]


def test_the_same_period_of_the_year_before(extractor) -> None:  # type: ignore[no-untyped-def]
    """"gegenüber dem Vorjahreszeitraum" was not found (and "des Vorjahres" alone was the
    year before the DCT's): the period talked about, a year earlier."""
    text = ("Der Gewinn sank im dritten Quartal gegenüber dem Vorjahreszeitraum. Im Oktober "
            "stieg der Absatz gegenüber dem gleichen Zeitraum des Vorjahres. Im "
            "Vorjahresquartal lag er höher.")
    assert _inferred(extractor, text, "2013-11-07") == [
        ("Vorjahreszeitraum", "2012-Q3"), ("dem gleichen Zeitraum des Vorjahres", "2012-10"),
        ("Vorjahresquartal", "2012-Q4")]


@pytest.mark.parametrize(("text", "expected"), [
    # a quarter told from the one before it (none was found)
    ("Im dritten Quartal 2022 stieg der Umsatz gegenüber dem Vorquartal.",
     [("Vorquartal", "2022-Q2")]),
    ("Im August 2022 stieg der Umsatz. Im Quartal davor war er gesunken.",
     [("Quartal davor", "2022-Q2")]),
    ("Im August 2022 stieg der Umsatz. Im folgenden Quartal sank er.",
     [("folgenden Quartal", "2022-Q4")]),
    ("Im August 2022 stieg der Umsatz. Im selben Quartal sank der Gewinn.",
     [("selben Quartal", "2022-Q3")]),
    # the year before's quarter of the month told (was that month)
    ("Im Juni 2022 stieg der Umsatz. Im Vorjahresquartal war er gesunken.",
     [("Vorjahresquartal", "2021-Q2")]),
    # a week told as a whole is a week (were a month, the DCT's week or nothing)
    ("Am 3. Mai 2019 begann der Bau. In derselben Woche kam der Minister.",
     [("In derselben Woche", "2019-W18")]),
    ("Am 3. Mai 2019 begann der Bau. In der gleichen Woche kam der Minister.",
     [("der gleichen Woche", "2019-W18")]),
    ("Am 3. Mai 2019 begann der Bau. In der folgenden Woche regnete es.",
     [("der folgenden Woche", "2019-W19")]),
    ("Am 3. Mai 2019 begann der Bau. In der Woche darauf regnete es.",
     [("der Woche darauf", "2019-W19")]),
    ("Am 3. Mai 2019 begann der Bau. Zwei Wochen später regnete es.",  # a day, as WikiWarsDE
     [("Zwei Wochen später", "2019-05-17")]),
])
def test_quarters_and_weeks_told_from_the_date_before(  # type: ignore[no-untyped-def]
        extractor, text: str, expected: list[tuple[str, str]]) -> None:
    assert _inferred(extractor, text, "2023-03-29") == expected


def test_the_period_of_the_year_before_is_no_day_told(extractor) -> None:  # type: ignore[no-untyped-def]
    """The day the figures were told is no period a year-on-year comparison names (it
    was: "Vorjahresquartal" a year before that Thursday, 2012-11-07)."""
    text = ("Der Gewinn stieg im dritten Quartal, wie der Konzern am Donnerstag mitteilte. "
            "Im Vorjahresquartal hatte er noch einen Rückgang verbucht.")
    assert _inferred(extractor, text, "2013-11-07") == [("Vorjahresquartal", "2012-Q3")]
    text = "Profit rose in the third quarter, the company said Thursday. In the year-ago " \
           "period it fell."
    assert _inferred(extractor, text, "1989-10-27", "en") == [("the year-ago period", "1988-Q3")]


def test_the_year_earlier_period(extractor) -> None:  # type: ignore[no-untyped-def]
    """English "the year-earlier period", "the year-ago month" were not found (HeidelTime
    has "the year-ago quarter" only): the period talked about, a year earlier."""
    text = ("Profit rose in the third quarter, compared with the year-earlier period. In "
            "September sales rose from the year-ago month.")
    assert _inferred(extractor, text, "1989-10-27", "en") == [
        ("the year-earlier period", "1988-Q3"), ("the year-ago month", "1988-09")]


def test_a_season_or_month_after_that_is_in_the_year_told(extractor) -> None:  # type: ignore[no-untyped-def]
    """"In 1975 ... That spring" was the DCT's spring, and "A decade later" counted from it
    (HeidelTime's own reading, not replaceable in English, gave the decade 200)."""
    text = ("In 1975 the diner closed at night. That spring, the owner left. A decade later "
            "he came back. The plant opened in 1990. That May, workers struck.")
    assert _inferred(extractor, text, "1999-05-16", "en") == [
        ("spring", "1975-SP"), ("A decade later", "1985"), ("May", "1990-05")]


def test_damals_is_never_today(extractor) -> None:  # type: ignore[no-untyped-def]
    """"Ganz anders als heute. Damals gab es ..." took today; "damals" is a time before
    the DCT: the last date before it that ends before the DCT."""
    text = ("Sie haben 1998 Ihr Unternehmen gegründet. Wie sah die Branche aus? Ganz anders "
            "als heute. Damals gab es zwanzig Firmen.")
    assert _inferred(extractor, text, "2014-11-20") == [("Damals", "1998")]
    # nor ahead of it (was the coming spring)
    text = ("Sie haben 1998 Ihr Unternehmen gegründet. Im kommenden Frühjahr wird gewählt. "
            "Damals gab es zwanzig Firmen.")
    assert _inferred(extractor, text, "2014-11-20") == [("Damals", "1998")]


def test_a_duration_counted_back_is_the_date_anaphora_count_from(  # type: ignore[no-untyped-def]
        extractor) -> None:
    """German tags "vor vier Jahren" as the duration alone; "Damals" after it took the
    morning before it, "Drei Jahre später" nothing to count from (``XXXX``)."""
    text = ("Am Morgen einigten sie sich. Vor vier Jahren war die Lage eine andere. Damals "
            "hatte die Partei 25 Prozent. Vor zehn Jahren gründete er die Firma. Drei Jahre "
            "später ging sie pleite.")
    assert _inferred(extractor, text, "2023-11-09") == [
        ("Damals", "2019"), ("Drei Jahre später", "2016")]


def test_an_offset_in_apposition_names_the_date_beside_it(extractor) -> None:  # type: ignore[no-untyped-def]
    """"Heute, 25 Jahre danach" was 2039 (25 years counted from "Heute"); an offset with a
    date in apposition after it is that date; one without still counts from the last."""
    text = ("Die Mauer fiel 1989. Heute, 25 Jahre danach, erinnert Berlin an jene Nacht. Er "
            "kam am 6. November an. Drei Tage später, am 9. November, fiel die Mauer. Drei "
            "Tage später feierten sie.")
    assert _inferred(extractor, text, "2014-11-08") == [
        ("25 Jahre danach", "2014"), ("Drei Tage später", "2014-11-09"),
        ("Drei Tage später", "2014-11-12")]


ENGLISH = ("WASHINGTON (AP) - President Barack Obama said on Monday that the United States will "
           "withdraw its troops from Iraq by the end of 2011. The decision follows the 2008 "
           "agreement between Washington and Baghdad. At that time, officials in the Pentagon "
           "warned of a security vacuum. The Senate votes every Tuesday.")


def test_english_news_events(extractor) -> None:  # type: ignore[no-untyped-def]
    document, events = extractor.document(
        DocumentInput(id="en", text=ENGLISH, source="test", dct="2010-08-02"),
        Options(language="en"))
    monday = next(e for e in events if e.start == "2010-08-02")
    assert monday.title.startswith("President Barack Obama said")  # no dateline
    kinds = _kinds(monday)
    assert kinds["Barack Obama"] == "PER" and kinds["Iraq"] == "LOC"
    assert kinds["WASHINGTON"] == "LOC" and kinds["United States"] == "LOC"
    # "said on Monday": the expression dates the saying, as TimeML's TLINKs have it
    assert monday.trigger is not None and monday.trigger.text == "said"
    agreement = next(e for e in events if e.start == "2008-01-01" and not e.inferred)
    assert agreement.trigger is not None and agreement.trigger.text == "agreement"
    then = next(t for t in document.timexes if t.inferred)
    assert (then.text, then.value) == ("At that time", "2008")
    assert next(e for e in events if e.inferred).title.startswith("Officials in the Pentagon")
    assert next(e for e in events if e.recurring).title == "The Senate votes"


def test_english_that_day_takes_the_date_before_it(extractor) -> None:  # type: ignore[no-untyped-def]
    """HeidelTime's English has no rule for "that day" / "later that year"; TimeML marks
    them (with "Earlier" inside), dated by the date the text told before."""
    document, _ = extractor.document(DocumentInput(
        id="t", source="test", dct="1998-10-26", text=(
            "A sniper killed the doctor on Oct. 23, 1998. Earlier that day, the family sent "
            "a fax to the police. The clinic reopened later that year.")), Options(language="en"))
    inferred = {t.text: t.value for t in document.timexes if t.inferred}
    assert inferred == {"Earlier that day": "1998-10-23", "later that year": "1998"}


def _triggers(extractor, text: str, language: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Each expression's text -> its event's trigger."""
    document, events = extractor.document(
        DocumentInput(id="t", text=text, source="test", dct="2000-01-14"),
        Options(language=language))
    by_id = {t.id: t.text for t in document.timexes}
    return {by_id[e.timex_id]: e.trigger.text for e in events if e.trigger and e.timex_id}


def test_the_event_an_expression_modifies(extractor) -> None:  # type: ignore[no-untyped-def]
    """One regression case per trigger rule (docs/evaluation.md, events)."""
    found = _triggers(extractor, (
        "Relatives said they would fight Wednesday's ruling by the agency. "  # possessive
        "Police reopened the Oct. 23 sniper shooting of a doctor. "  # head of a compound
        "Clinton said Friday the agency did the right thing. "  # the verb right before
        # no comma
        "Two bombs exploded outside the embassies in Nairobi Thursday, killing 80 people. "
        "The talks collapsed in November after the vote. "  # "after": another happening
        "The crash of October 1987 still weighs on investors."  # business news' happenings
    ), "en")
    assert found == {"Wednesday": "ruling", "Oct. 23": "shooting", "Friday": "said",
                     "Thursday": "exploded", "November": "collapsed", "October 1987": "crash"}
    found = _triggers(extractor, "Am 27. April wurde Genua erobert; einen Tag später "
                      "ergriffen Partisanen den Duce.", "de")
    assert found["einen Tag später"] == "ergriffen"
    found = _triggers(extractor, "Am Montag nach dem Treffen reiste er ab. Am Dienstag bei "
                      "einem Überraschungsbesuch sprach er.", "de")
    assert found == {"Montag": "reiste", "Dienstag": "Überraschungsbesuch"}
    # a reporting verb's participle over its own auxiliary ("schreiben" reports too)
    found = _triggers(extractor, "Im Jahr 2021 hatte die Firma einen Verlust geschrieben. Der "
                      "Bürgermeister hat am Montag gesagt, dass gespart wird.", "de")
    assert found == {"Jahr 2021": "geschrieben", "Montag": "gesagt"}
    # a speaker's aside inside the date's clause is not its happening (was "schilderte")
    found = _triggers(extractor, "Gegen 23 Uhr, so schilderte sie, habe sie die Kunden "
                      "bedient.", "de")
    assert found["23 Uhr"] == "bedient"
    found = _triggers(extractor, "On Tuesday, officials said, the rebels attacked the town.",
                      "en")
    assert found == {"Tuesday": "attacked"}
    # a participle glued by a hyphen is an adjective; an auxiliary with its object is the
    # verb before a to-infinitive after the date (were "based", "use")
    found = _triggers(extractor, (
        "Meridian made an unsolicited offer for the Minneapolis-based maker of frozen dinners "
        "on Oct. 23. Meridian intends to sell the division, which had revenue of about $540 "
        "million last year, and to use the proceeds to pay down debt."), "en")
    assert found == {"Oct. 23": "made", "last year": "had"}
    # a hyphened date before a noun modifies it: the subject's verb, not the one before
    found = _triggers(extractor, "Acme Corp. said third-quarter net income fell 12%.", "en")
    assert found == {"third-quarter": "fell"}


def test_a_clause_of_its_own_after_the_date_does_not_take_it(  # type: ignore[no-untyped-def]
        extractor) -> None:
    """English cuts no clause without a comma: a subordinate clause, a to-infinitive or a
    participle after the date is a happening of its own, the date belongs to the verb
    before it. Not a gerund after a preposition, nor where no full verb comes before."""
    found = _triggers(extractor, (
        "Lawyers for the family filed a brief on Monday arguing that the ruling was wrong. "
        "Thousands marched through the capital Friday night to demand new elections. "
        "Late Tuesday, officials said that the visas had been approved. "
        "It was not until Sunday that the minister resigned. "
        "The suspect had not named any accomplices after three days of questioning."
    ), "en")
    assert found == {"Monday": "filed", "Friday night": "marched", "Late Tuesday": "said",
                     "Sunday": "resigned", "three days": "questioning"}


def test_a_date_ending_a_clause_of_its_own_belongs_to_its_verb(  # type: ignore[no-untyped-def]
        extractor) -> None:
    """A relative or subordinate clause whose verb comes before the date ends with it: the
    verb after it is the main clause's, though nearer ("The hurricane that struck Florida
    on Sunday has left ..." dated "left"). A verb right after the opener's date stays."""
    found = _triggers(extractor, (
        "The hurricane that struck Florida on Sunday has left thousands without power. "
        "The bank, which on Monday announced cuts, fell. "
        "Officials who met the rebels in March have resigned."), "en")
    assert found == {"Sunday": "struck", "Monday": "announced", "March": "met"}


def test_a_past_participle_after_a_comma_does_not_take_the_date(  # type: ignore[no-untyped-def]
        extractor) -> None:
    """ "compared with", "led by" after a comma open a participle clause of their own: the
    date before belongs to the verb before (the nearer participle took it). A date alone
    after a comma adds when to its clause: ", a year earlier" was an event with no trigger."""
    found = _triggers(extractor, (
        "The company earned $45 million, or 80 cents a share, in the quarter ended Sept. 30, "
        "compared with $51 million. Stocks fell sharply on Monday, led by banks."), "en")
    assert found == {"the quarter": "earned", "Monday": "fell"}
    found = _triggers(extractor, "Sales rose 5% in 1998, compared with a drop of 2%, a year "
                      "earlier.", "en")
    assert found == {"1998": "rose", "a year earlier": "compared"}


def test_other_happenings_the_same_expression_dates(extractor) -> None:  # type: ignore[no-untyped-def]
    """Coordinated verbs share their date (weights learnt from AQUAINT's TLINKs,
    tools/happening_weights.py); a language without weights gets none."""
    text = ("Police arrested the suspect on Monday and charged him with murder. "
            "The Security Council condemned the bombing on Thursday and called on all "
            "states to cooperate.")
    document, events = extractor.document(
        DocumentInput(id="t", text=text, source="test", dct="1999-03-12"), Options(language="en"))
    words = {t.id: t.text for t in document.timexes}
    happenings = {words[e.timex_id or ""]: [t.text for t in (e.trigger, *e.other_triggers) if t]
                  for e in events}
    assert happenings["Monday"] == ["arrested", "charged"]
    assert "condemned" in happenings["Thursday"][1:]
    far = "Police arrested the suspect on Monday and " + "then very slowly " * 12 + "charged him."
    _, events = extractor.document(
        DocumentInput(id="f", text=far, source="test", dct="1999-03-12"), Options(language="en"))
    assert all(t.text != "charged" for t in events[0].other_triggers)  # beyond 30 tokens
    for event in events:
        mention = event.mentions[0]
        assert mention.other_triggers == event.other_triggers
        assert all(text[t.start:t.end] == t.text for t in event.other_triggers)
    _, events = extractor.document(DocumentInput(
        id="d", text="Die Polizei nahm den Mann am Montag fest und klagte ihn an.", source="test",
        dct="1999-03-12"), Options(language="de"))
    assert events and not any(e.other_triggers for e in events)


def test_an_english_event_noun_is_titled_with_its_modifiers(extractor) -> None:  # type: ignore[no-untyped-def]
    _, events = extractor.document(
        DocumentInput(id="t", text="A man was arrested in connection with last year's deadly "
                      "embassy blasts in Kenya and Tanzania.", source="test", dct="1999-10-08"),
        Options(language="en"))
    assert [e.title for e in events] == ["Deadly embassy blasts in Kenya and Tanzania"]
    _, events = extractor.document(
        DocumentInput(id="t", text="Sunday's memorial service drew 500 people.", source="test",
                      dct="1999-10-24"), Options(language="en"))
    assert events[0].title.startswith("Memorial service drew")  # not "'s memorial service"


@pytest.mark.parametrize(("language", "text", "title"), [
    # a bare event noun says less than its clause
    ("en", "Castro attended a rally Thursday by media workers.",
     "Castro attended a rally by media workers"),
    ("de", "Richard von Weizsäcker äußerte sich in seiner Rede am 8. Mai 1985 dazu.",
     "Richard von Weizsäcker äußerte sich in seiner Rede dazu"),
    # a compound names its happening
    ("de", "Die Tet-Offensive im Januar 1968 erschütterte den Glauben.", "Tet-Offensive"),
    # a noun's phrase stops before what belongs to the verb ("ums Leben gekommen")
    ("de", ("Ein Mann ist am Samstag bei einem Verkehrsunfall auf der Brennerstraße ums Leben "
            "gekommen."), "Verkehrsunfall auf der Brennerstraße"),
    # a date inside a noun phrase leaves the phrase's own words
    ("en", "Investigators have searched for Kopp since shortly after the Oct. 23 slaying.",
     "Investigators have searched for Kopp since shortly after the slaying"),
    ("en", "The location for Friday's ceremony was chosen by Albright.",
     "The location for Friday's ceremony was chosen by Albright"),
    # a word glued to the date goes with it: not "collapsed in late- after the vote"
    ("en", "The talks collapsed in late-November after the vote.",
     "The talks collapsed after the vote"),
    # a verb after an opening quote has its subject already
    ("en", "``Stopping clinic violence will be our theme next year,'' he said.",
     "Stopping clinic violence will be our theme"),
    # a name after "on" and a date is the subject, not a noun the date modifies
    ("en", "France protested, and on 12 July Leopold withdrew.", "Leopold withdrew"),
    # a noun's phrase ends before "to" and its verb
    ("en", "NATO decided at last year's summit in Madrid to invite the three countries.",
     "Summit in Madrid"),
    # so does "as soon as"
    ("en", "The group could leave for the United States as soon as Tuesday.",
     "The group could leave for the United States"),
    # "to" of a range goes with its date
    ("en", "The war was fought from July 1870 to May 1871.", "The war was fought"),
    ("en", "The 1990s brought rapid growth to the region.",
     "The 1990s brought rapid growth to the region"),
    # a word glued after the date goes with it (it began the title: "-old slump ...")
    ("en", "Kenya was hoping for an end to a years-old slump in foreign tourism.",
     "Slump in foreign tourism"),
    # "ending" joins a period to its last day, one date phrase; a figure keeps its "%"
    ("en", "Net income for the quarter ending June 30 rose 5%.", "Net income rose 5%"),
    # a date in apposition to a noun takes both its commas
    ("de", "Bei der nächsten Wahl, im Herbst 1999, droht ein ähnliches Ergebnis.",
     "Bei der nächsten Wahl droht ein ähnliches Ergebnis"),
    ("en", "The embassy bombings, on Aug. 7, killed 247 people in Kenya.",
     "The embassy bombings killed 247 people in Kenya"),
    # a comment opened by "wie" with no verb of its own is no clause (was "Die Antwort
    # beginnt so oft"); "man" after the verb is its subject ("Müsse man ...")
    ("de", "Die Antwort beginnt, wie so oft, in den frühen achtziger Jahren.",
     "Die Antwort beginnt"),
    ("de", "Die Krise begann, wie erwartet, im Herbst 2008.", "Die Krise begann"),
    # a reflexive verb's subject after a phrase of place leads (the title was the clause
    # as written, its date included)
    ("de", "Gegen 11 Uhr löste sich unterhalb der Spitze ein Schneebrett.",
     "Ein Schneebrett löste sich unterhalb der Spitze"),
    # "bis mindestens", "bis voraussichtlich" go with the date ("bis" tagged a conjunction
    # stayed: "Die Gefahr bleibt bis erheblich")
    ("de", "Die Gefahr bleibt bis mindestens Mittwoch erheblich.", "Die Gefahr bleibt erheblich"),
    ("de", "Die Straße bleibt bis voraussichtlich Freitag gesperrt.", "Die Straße bleibt gesperrt"),
    # a speaker's aside inside the clause goes (the clause goes on around it)
    ("de", ("Vielleicht, sagt ein Mitglied, müsse man sich an die Zeit vor hundert Jahren "
            "erinnern."), "Vielleicht müsse man sich an die Zeit erinnern"),
    ("de", "Gegen 23 Uhr, so schilderte sie, habe sie die letzten Kunden bedient.",
     "Sie habe die letzten Kunden bedient"),
    ("de", "Er habe, sagt sie, am Montag die Kunden bedient.", "Er habe die Kunden bedient"),
    # not between two clauses, nor a last one
    ("de", "Der Umsatz stieg im Mai, sagte er, die Kosten sanken aber.", "Der Umsatz stieg"),
    ("de", "Der Prozess beginnt am Montag, sagte er.", "Der Prozess beginnt"),
    ("en", "On Tuesday, officials said, the rebels attacked the town.",
     "The rebels attacked the town"),
    ("en", ("The car had been in the lot for about two weeks, said Greg Trevor, a "
            "spokesman for the Port Authority."), "The car had been in the lot"),
    # a conjunct shares the first clause's subject, adverbs before its participle; after
    # a comma too where the verb comes second, but not after a relative clause
    ("de", "Langer wurde festgenommen und am 5. Oktober wieder freigelassen.",
     "Langer wurde wieder freigelassen"),
    ("de", "Walter Langer kehrte aus der Gefangenschaft zurück und starb 1981.",
     "Walter Langer starb"),
    ("de", ("Vielhaber zog sich aus dem Kunstbetrieb zurück, lehrte bis 1998 an der "
            "Fachhochschule und arbeitete in seinem Atelier."),
     "Vielhaber lehrte an der Fachhochschule"),
    # a listing's rubric goes; a speaker's name stays
    ("de", "Ausstellung: Ab Freitag zeigt die Kunsthalle rund 80 Gemälde.",
     "Die Kunsthalle zeigt rund 80 Gemälde"),
    # a noun phrase after the date names it again; an adjective as a noun is a subject
    ("de", "Am Dienstag, dem zweiten Verhandlungstag, hat die 52-Jährige ausgesagt.",
     "Die 52-Jährige hat ausgesagt"),
    # a comparison with a date goes with it; a genitive of "beider" stays with its noun
    ("de", "Die CSU hatte wie schon im Jahr 2008 ihre Mehrheit verloren.",
     "Die CSU hatte ihre Mehrheit verloren"),
    ("de", "Am Montag traten die Gremien beider Parteien zusammen.",
     "Die Gremien beider Parteien traten zusammen"),
    # a speaker's aside may say where ("am Rande der Sitzung")
    ("de", "An Ostern, sagte ihr Anwalt am Rande der Sitzung, wäre ihr Sohn 24 geworden.",
     "Ihr Sohn wäre 24 geworden"),
    # a relative clause takes its main clause, not the one before a semicolon
    ("de", "Sie will wachsen; dafür entsteht ein Werk in Polen, das im Herbst 2025 öffnen soll.",
     "Dafür entsteht ein Werk in Polen, das öffnen soll"),
    # a date after a preposition with a noun right after it is an adverbial, the noun the
    # subject (the title kept the preposition, "In talks resumed", "Since unemployment has
    # risen"); a unit of time after it is the date's: "as Easter week began"
    ("en", "In July talks resumed.", "Talks resumed"),
    ("en", "Since 2008 unemployment has risen.", "Unemployment has risen"),
    ("en", "Yesterday at 3:30 p.m. police intervened.", "Police intervened"),
    # a date that only sets the scene: the happening is in the clause after it (the title
    # was "Es ist", "It was when the plane landed in Rome")
    ("de", "Es ist kurz nach Mitternacht, als der Vorsitzende den Saal verlässt.",
     "Der Vorsitzende verlässt den Saal"),
    ("de", "Es war an einem Sonntag im Mai 1945, als die Truppen kamen.",
     "Die Truppen kamen"),
    ("en", "It was shortly after 1 a.m. when the plane landed in Rome.",
     "The plane landed in Rome"),
    ("de", "Es war 1989 ein Jahr der Umbrüche, als die Mauer fiel.",
     "Es war ein Jahr der Umbrüche"),
    # a verbless part after a semicolon opens the clause after it (the title ended on
    # "; since")
    ("en", ("The bid collapsed last month when banks refused to finance it; since then, the "
            "stock has dropped by half."), "The bid collapsed when banks refused to finance it"),
    ("de", ("Am 8. September nahm die Rote Armee Bulgarien ein; der Sowjetunion sicher, "
            "handelten die Kommunisten."), "Die Rote Armee Bulgarien nahm ein"),
])
def test_titles_say_what_happened(extractor, language: str, text: str,  # type: ignore[no-untyped-def]
                                  title: str) -> None:
    _, events = extractor.document(DocumentInput(id="t", text=text, source="test",
                                                 dct="1998-11-06"), Options(language=language))
    assert [e.title for e in events] == [title]


def test_a_verb_after_a_relative_clause_takes_no_subject_from_before_it(  # type: ignore[no-untyped-def]
        extractor) -> None:
    """A comma and a finite verb share the first clause's subject only after that clause
    ("zog sich zurück, lehrte ..."); after a relative clause the subject is elsewhere."""
    _, events = extractor.document(DocumentInput(
        id="t", text=("Die Blockade war nicht effektiv: Von zehn Schiffen, die sie zu "
                      "durchbrechen versuchten, kamen 1861 noch rund neun durch."),
        source="test", dct="1998-11-06"), Options(language="de"))
    assert not events[0].title.startswith("Die Blockade")


@pytest.mark.parametrize(("language", "text", "expected"), [
    # a conjunction, a date, a subject and its verb after a noun open a clause of their own
    # (Romance puts the subject after the verb: "sono riprese le trattative e il 14 luglio
    # il presidente ..." was one clause, both dates "riprese")
    ("it", "A luglio sono riprese le trattative e il 14 luglio il presidente ha parlato.",
     [("riprese", "A luglio sono riprese le trattative"),
      ("parlato", "Il presidente ha parlato")]),
    ("es", "En julio se reanudaron las negociaciones y el 14 de julio el presidente habló.",
     [("reanudaron", "Se reanudaron las negociaciones"), ("habló", "El presidente habló")]),
    ("en", "In July talks resumed with the unions and on July 14 the president spoke.",
     [("resumed", "Talks resumed with the unions"), ("spoke", "The president spoke")]),
    # French, Italian and Dutch auxiliaries by lemma (TreeTagger tags them as any verb):
    # "a annoncé" is told by "annoncé", not "a"
    ("fr", "Le 3 mars 2021, le gouvernement a annoncé un plan.",
     [("annoncé", "Le gouvernement a annoncé un plan")]),
    ("it", "Il 3 marzo 2021 il governo ha annunciato un piano.",
     [("annunciato", "Il governo ha annunciato un piano")]),
    ("nl", "In 2022 werden verkiezingen gehouden.", [("gehouden", "Verkiezingen werden gehouden")]),
])
def test_each_clause_of_other_languages_tells_its_own_event(  # type: ignore[no-untyped-def]
        extractor, language: str, text: str, expected: list[tuple[str, str]]) -> None:
    _, events = extractor.document(DocumentInput(id="t", text=text, source="test",
                                                 dct="2023-05-17"), Options(language=language))
    assert [(e.trigger.text if e.trigger else None, e.title) for e in events] == expected


def test_a_dateline_on_its_own_line_is_titled_by_its_story(extractor) -> None:  # type: ignore[no-untyped-def]
    """Xinhua's "WASHINGTON, August 8 (Xinhua) --" was an event titled "WASHINGTON"."""
    text = ("WASHINGTON, August 8 (Xinhua) --\n\nPresident Bill Clinton vowed to hunt down "
            "those responsible for the bombings.")
    _, events = extractor.document(DocumentInput(id="t", text=text, source="test",
                                                 dct="1998-08-08"), Options(language="en"))
    assert [e.title for e in events] == [
        "President Bill Clinton vowed to hunt down those responsible for the bombings"]


@pytest.mark.parametrize("dash", ["-", "_", "—", "--"])
def test_a_news_dateline_stays_out_of_the_title(extractor, dash: str) -> None:  # type: ignore[no-untyped-def]
    text = f"BUFFALO, N.Y. {dash} Police arrested the suspect on Monday."
    _, events = extractor.document(DocumentInput(id="t", text=text, source="test",
                                                 dct="1998-11-06"), Options(language="en"))
    assert [e.title for e in events] == ["Police arrested the suspect"]


def test_a_hyphenated_name_opening_an_article_is_no_dateline(extractor) -> None:  # type: ignore[no-untyped-def]
    """ "Georgia-Pacific" at a text's start is one name, not the place "Georgia" and a
    dateline's dash (the title was "Pacific Corp. said ...")."""
    text = "Georgia-Pacific Corp. said yesterday that it agreed to buy the company."
    _, events = extractor.document(DocumentInput(id="t", text=text, source="test",
                                                 dct="1989-11-03"), Options(language="en"))
    assert [e.title for e in events] == [
        "Georgia-Pacific Corp. said that it agreed to buy the company"]


def test_a_place_before_a_dash_opening_a_german_article_is_its_dateline(  # type: ignore[no-untyped-def]
        extractor) -> None:
    text = ("Bozen – Die Landesregierung hat am Montag den Haushalt genehmigt. Hamas – so "
            "hieß es am Dienstag – lehnte ab.")
    _, events = extractor.document(DocumentInput(id="t", text=text, source="test",
                                                 dct="2024-11-12"), Options(language="de"))
    titles = [e.title for e in events]
    assert titles[0] == "Die Landesregierung hat den Haushalt genehmigt"
    assert titles[1].startswith("Hamas")  # only at the very start of the text
    # a place the tagger takes for a noun ("Gröden" NN) is one too
    _, events = extractor.document(
        DocumentInput(id="t", text="Gröden – Dominik Paris hat am Samstag die Abfahrt gewonnen.",
                      source="test", dct="2024-12-16"), Options(language="de"))
    assert [e.title for e in events] == ["Dominik Paris hat die Abfahrt gewonnen"]


@pytest.mark.parametrize(("language", "text", "title"), [
    ("en", ("Kopp's stepmother, who married Kopp's father when Kopp was in his 30s, said "
            "Thursday from her home in Irving, Texas."),
     "Kopp's stepmother said from her home in Irving, Texas"),
    ("de", ("Die Pläne, die der Generalstab entworfen hatte, fielen am 10. Januar 1940 den "
            "Belgiern in die Hände."), "Die Pläne fielen den Belgiern in die Hände"),
    # inside the sentence, before an apposition
    ("en", ("The hair came from a home where James C. Kopp, a 44-year-old anti-abortion "
            "protester, lived last year, the official said."), "James C. Kopp lived"),
])
def test_a_subject_cut_off_by_a_relative_clause_leads_the_title(  # type: ignore[no-untyped-def]
        extractor, language: str, text: str, title: str) -> None:
    _, events = extractor.document(DocumentInput(id="t", text=text, source="test",
                                                 dct="1999-05-06"), Options(language=language))
    assert [e.title for e in events] == [title]


@pytest.mark.parametrize(("text", "title"), [
    # another expression that is a duration stays: without it "Krieg musste ..." is left
    (("Nach fast drei Jahren Krieg musste die Republik Biafra am 15. Januar 1970 schließlich "
      "kapitulieren."), "Nach fast drei Jahren Krieg musste die Republik Biafra kapitulieren"),
    # "im Laufe des Jahres 1968" says when as a whole: no "im Laufe" left behind
    ("Drei Staaten stellten im Laufe des Jahres 1968 ihre Lieferungen ein.",
     "Drei Staaten stellten ihre Lieferungen ein"),
    # a subject with graded adjectives goes before its verb whole
    ("Am 18. April 1945 errang die zahlenmäßig weit überlegene Rote Armee die Oberhand.",
     "Die zahlenmäßig weit überlegene Rote Armee errang die Oberhand"),
    # no subject (a passive): the phrase after the verb goes before it, the date goes
    ("Seit dem Jahr 2012 wird an der Brücke gebaut.", "An der Brücke wird gebaut"),
    ("Am 3. Mai 1945 wurde in der Stadt Bozen demonstriert.", "In der Stadt Bozen wurde demonstriert"),
    # a subject with numbers, or coordinated with its own adjectives, goes before its verb
    ("Am 21. April 1941 mussten 223.000 griechische Soldaten kapitulieren.",
     "223.000 griechische Soldaten mussten kapitulieren"),
    ("1918 waren einzelne japanische und britische Verbände an Land gegangen.",
     "Einzelne japanische und britische Verbände waren an Land gegangen"),
    # a subject after such a phrase leads
    ("480 v. Chr. kamen in Korinth Gesandte zusammen.", "Gesandte kamen in Korinth zusammen"),
    # a name after an inflected noun is the object; after a noun as such, its apposition
    ("Ab dem 19. September 1870 belagerten die Deutschen Paris.",
     "Die Deutschen belagerten Paris"),
    ("Am 2. Mai 1945 kapitulierte die Stadt Berlin.", "Die Stadt Berlin kapitulierte"),
    # a subordinate clause ending in an auxiliary takes a main clause's order
    ("Die Statistik zeigt, dass die Produktion im März 2024 um 0,3 Prozent angestiegen ist.",
     "Die Produktion ist um 0,3 Prozent angestiegen"),
    # ... so does one ending in a full verb without a separable particle
    ("Als die Truppen sich im November 1950 dem Yalu näherten, griff China ein.",
     "Die Truppen näherten sich dem Yalu"),
    # a happening's noun keeps the phrase that ends the clause: its target
    ("Am Abend des 16. April 1945 begann der Angriff auf die Seelower Höhen.",
     "Der Angriff auf die Seelower Höhen begann"),
    ("Am 3. Mai 1900 kam der König nach Berlin.", "Der König kam nach Berlin"),
    # a relative clause whose pronoun is its subject: its noun, in a main clause's order
    ("Der König, der zunächst im Mai 1789 gezögert hatte, akzeptierte die Erklärung.",
     "Der König hatte gezögert"),
    ("Während der Schreckensherrschaft, die bis Juli 1794 dauerte, starben Tausende.",
     "Schreckensherrschaft dauerte"),
    # a regnal number's stop ends no sentence before a lower-case word
    ("Im Juni 1791 versuchte Ludwig XVI. zu fliehen, wurde aber erkannt.",
     "Ludwig XVI. versuchte zu fliehen"),
    # "als" and a noun before the verb is a phrase (a comparison), not the subject
    ("Als Stellvertreter wurde im März 1920 der General Wrangel bestimmt.",
     "Der General Wrangel wurde bestimmt"),
    # the part of the day after a clock time goes with it
    ("Am 3. Mai 1999 blieb die Straße bis 6 Uhr früh gesperrt.", "Die Straße blieb gesperrt"),
    # a participle whose phrase was the date goes with it
    ("Die Kosten belaufen sich auf 120 Millionen Euro, verteilt auf die Jahre 2027 bis 2031.",
     "Die Kosten belaufen sich auf 120 Millionen Euro"),
    # a bare name and a noun after the verb: subject and predicate
    ("Seit 1972 ist Bozen Landeshauptstadt der Autonomen Provinz.",
     "Bozen ist Landeshauptstadt der Autonomen Provinz"),
    ("In den Jahren 1635 bis 1719 erhielt die Stadt das Merkantilmagistrat.",
     "Die Stadt erhielt das Merkantilmagistrat"),
    # a clause a relative clause interrupted goes on after it; "während" and a noun between
    # commas is an aside, not a clause; a pronoun after the verb that opens a clause leads
    (("Bereits im November 1967 hatte McNamara, der sich bisher für Truppenverstärkungen "
      "eingesetzt hatte, seine Haltung geändert."), "McNamara hatte seine Haltung geändert"),
    (("Nachdem Madero seine Machtbasis verloren hatte, wurde er im Februar 1913, während der "
      "Decena trágica, durch einen Putsch entmachtet."), "Er wurde durch einen Putsch entmachtet"),
    # an adjective after the subject that no noun follows belongs to the verb
    ("Am 3. Mai 1999 war an derselben Stelle ein Motorradfahrer schwer verletzt worden.",
     "Ein Motorradfahrer war an derselben Stelle schwer verletzt worden"),
    # so does a comparison the date closes; "also" before a date says nothing alone
    ("Im Vergleich zum Jahr 1990 stiegen die Ausgaben um vier Prozent.",
     "Die Ausgaben stiegen um vier Prozent"),
    ("Der Wahlkampf hatte vor fünf Jahren begonnen, also im Herbst 2023.",
     "Der Wahlkampf hatte vor fünf Jahren begonnen"),
    # words that only bound a date go with it
    ("Die Frage wurde spätestens im Oktober 1940 deutlich.", "Die Frage wurde deutlich"),
    ("Er wollte im Mai 1990 sprechen, spätestens aber bis Ende Juni.", "Er wollte sprechen"),
    # the comma that closes a date written with one inside goes with it
    ("Der Verein lädt am Freitag, 22. März 2024, zu einem Vortrag.",
     "Der Verein lädt zu einem Vortrag"),
    # a reflexive pronoun stays with the verb; a subject may be a list
    ("Am 25. April 1945 trafen sich amerikanische und sowjetische Truppen in Torgau.",
     "Amerikanische und sowjetische Truppen trafen sich in Torgau"),
    ("1918 erklärten sich die Armenier, Aserbaidschaner und Georgier für unabhängig.",
     "Die Armenier, Aserbaidschaner und Georgier erklärten sich für unabhängig"),
    # the subject after two phrases; "während" before a noun and the verb is a preposition
    (("Während der Belagerung wurde am 18. Januar 1871 im Spiegelsaal von Versailles das "
      "Deutsche Kaiserreich proklamiert."),
     "Das Deutsche Kaiserreich wurde im Spiegelsaal von Versailles proklamiert"),
    # a clause opened by a relative adverb says little alone: its sentence, without dates
    (("Die Armee wurde am 20. August in Metz eingeschlossen, wo sie bis Ende Oktober 1870 "
      "ausharrte."), "Die Armee wurde in Metz eingeschlossen, wo sie ausharrte"),
    # a circumposition's second half and a particle before the preposition go with the date
    ("Bis in die Sechzigerjahre hinein blieb das Dorf arm.", "Das Dorf blieb arm"),
    ("Die Halle wurde noch bis weit in den Herbst 1920 hinein genutzt.",
     "Die Halle wurde genutzt"),
    # the comma that closed a date's apposition goes with the date
    ("Im Sommer 2008, mitten in der Finanzkrise, kündigte die Bank den Kredit.",
     "Mitten in der Finanzkrise kündigte die Bank den Kredit"),
    # a date that is the subject stays (it read "Die Ostpolitik brachten"); an indefinite
    # offset before the verb is none
    ("Die Siebzigerjahre brachten die Ostpolitik.", "Die Siebzigerjahre brachten die Ostpolitik"),
    ("Am 3. Mai 1940 fiel die Stadt. Einen Tag später folgte die Aufgabe der Festung.",
     "Die Aufgabe der Festung folgte"),
])
def test_german_titles_keep_what_is_not_the_date(  # type: ignore[no-untyped-def]
        extractor, text: str, title: str) -> None:
    _, events = extractor.document(DocumentInput(id="t", text=text, source="test"),
                                   Options(language="de", doc_type="narrative"))
    assert title in [e.title for e in events]


def test_a_separable_verb_is_not_moved_whole(extractor) -> None:  # type: ignore[no-untyped-def]
    """A subordinate clause's last verb moves after its subject only without a separable
    particle: "aufsuchte" would have to become "suchte ... auf"."""
    _, events = extractor.document(DocumentInput(
        id="t", source="test", text="Als er im Mai 1917 die Stadt aufsuchte, war sie leer."),
        Options(language="de", doc_type="narrative"))
    assert not any("aufsuchte die" in e.title for e in events)
    assert any(e.title.endswith("aufsuchte") for e in events)


def test_a_subject_ends_before_a_second_title_and_name(extractor) -> None:  # type: ignore[no-untyped-def]
    """ "Am 11. April 1951 entließ Präsident Truman General MacArthur": the subject is
    "Präsident Truman" (the title read "Präsident Truman General MacArthur entließ")."""
    _, events = extractor.document(DocumentInput(
        id="t", source="test", text="Am 11. April 1951 entließ Präsident Truman General MacArthur."),
        Options(language="de", doc_type="narrative"))
    assert [e.title for e in events] == ["Präsident Truman entließ General MacArthur"]


def test_a_shortened_title_does_not_say_its_verb_twice(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Auch Aristagoras hatte Kleinasien frühzeitig verlassen und war nach Thrakien "
            "geflohen, wo er 497 v. Chr. im Kampf gegen Einheimische gestorben war.")
    _, events = extractor.document(DocumentInput(id="t", text=text, source="test"),
                                   Options(language="de", doc_type="narrative"))
    assert [e.title for e in events] == ["Aristagoras hatte Kleinasien frühzeitig verlassen … "
                                         "gestorben war"]


def test_a_possessive_opens_the_shared_subject(extractor) -> None:  # type: ignore[no-untyped-def]
    """ "His car was spotted ..., and was found abandoned ...": the conjunct's subject is
    "His car", not "His" (which made the title "Was found abandoned")."""
    text = ("His car was spotted near the house in November, and was found abandoned at the "
            "airport in December.")
    _, events = extractor.document(DocumentInput(id="t", text=text, source="test",
                                                 dct="1999-05-07"),
                                   Options(language="en", doc_type="news"))
    assert "His car was found abandoned at the airport" in [e.title for e in events]


def test_a_day_and_its_clock_time_in_one_clause_are_one_event(extractor) -> None:  # type: ignore[no-untyped-def]
    """ "Die Eröffnung ist am 14. März um 11 Uhr" was two events, "14. März" and "14. März,
    11:00", with one title; now one at 11:00 told by both expressions."""
    _, events = extractor.document(DocumentInput(
        id="t", source="test", dct="2015-03-09",
        text="Die Eröffnung ist am 14. März um 11 Uhr. Am 15. März wird gefeiert."),
        Options(language="de", doc_type="news"))
    assert [(e.start, len(e.mentions)) for e in events] == [("2015-03-14T11:00", 2),
                                                            ("2015-03-15", 1)]
    assert events[0].title == "Die Eröffnung"


def test_a_clock_time_told_again_joins_the_day_it_absorbed(extractor) -> None:  # type: ignore[no-untyped-def]
    """The event "am 14. März um 11 Uhr" was compared with later ones as the day it
    absorbed, so the same opening told again at "11 Uhr" stayed a second event."""
    _, events = extractor.document(DocumentInput(
        id="t", source="test", dct="2015-03-09",
        text="Bürgermeister Hans Müller eröffnet die Messe am 14. März um 11 Uhr in Bozen. "
             "Hans Müller eröffnet die Messe um 11 Uhr."), Options(language="de", doc_type="news"))
    assert [(e.start, len(e.mentions)) for e in events] == [("2015-03-14T11:00", 3)]


def test_a_copula_whose_complement_is_the_date_is_left_out(extractor) -> None:  # type: ignore[no-untyped-def]
    """ "Beginn ist um 20 Uhr, Einlass ab 19.30 Uhr": "Beginn", "Einlass" (were "Beginn
    ist, Einlass" for both, then "Beginn ist", "Einlass ist")."""
    _, events = extractor.document(DocumentInput(
        id="t", source="test", dct="2015-03-09",
        text="Der Verein lädt am Samstag, 14. März, zum Vortrag. Beginn ist um 20 Uhr, Einlass "
             "ab 19.30 Uhr."), Options(language="de", doc_type="news"))
    assert [e.title for e in events][1:] == ["Beginn", "Einlass"]


def test_a_title_does_not_end_on_a_conjunction(extractor) -> None:  # type: ignore[no-untyped-def]
    """"..., and, curious why ..., wrote down": the clause before ", and," ends the title."""
    text = ("A jogger observed the car at 6 a.m. near the home on Monday, and, curious why "
            "a stranger would be parked there, wrote down the number.")
    _, events = extractor.document(DocumentInput(id="t", text=text, source="test",
                                                 dct="1999-05-07"),
                                   Options(language="en", doc_type="news"))
    assert not any(e.title.endswith(" and") for e in events)


def test_a_hyphen_inside_a_word_does_not_cut_the_clause(extractor) -> None:  # type: ignore[no-untyped-def]
    """The tokenizer splits "scope-equipped"; the hyphen was taken for a dash between
    clauses, and the title stopped at "a scope"."""
    text = "Investigators found a scope-equipped rifle near the house last month."
    _, events = extractor.document(DocumentInput(id="t", text=text, source="test",
                                                 dct="1999-05-07"),
                                   Options(language="en", doc_type="news"))
    assert [e.title for e in events] == ["Investigators found a scope-equipped rifle near the house"]


@pytest.mark.parametrize(("language", "text", "title"), [
    ("en", "``It can backfire,'' said Maureen Connelly, a consultant, on Monday.",
     "Maureen Connelly said"),
    ("de", "Das sei teuer gewesen, sagte am Montag Marco Cappello, Verwaltungsdirektor.",
     "Marco Cappello sagte"),
])
def test_a_reporting_verb_after_what_was_said_puts_the_speaker_first(  # type: ignore[no-untyped-def]
        extractor, language: str, text: str, title: str) -> None:
    """ "'' said Maureen Connelly, ..." was titled "Said Maureen Connelly, ..."."""
    _, events = extractor.document(DocumentInput(id="t", text=text, source="test",
                                                 dct="1999-05-07"),
                                   Options(language=language, doc_type="news"))
    assert title in [e.title for e in events]


def test_an_english_clause_opened_by_where_or_when_keeps_its_own_words(  # type: ignore[no-untyped-def]
        extractor) -> None:
    """English keeps its word order in such a clause: only "where" goes."""
    text = "He worked in Oklahoma City, where 168 people were killed in a bombing in 1995."
    _, events = extractor.document(DocumentInput(id="t", text=text, source="test"),
                                   Options(language="en", doc_type="narrative"))
    assert "168 people were killed in a bombing" in [e.title for e in events]


@pytest.mark.parametrize(("text", "titles"), [
    # a part with no verb after a comma and a date of its own shares subject, verb, particle
    ("Am 4. August 1870 siegten sie bei Weißenburg, zwei Tage danach bei Wörth und Spichern.",
     ["Sie siegten bei Weißenburg", "Sie siegten bei Wörth und Spichern"]),
    ("Am 18. April 1945 nahmen die US-Truppen Magdeburg ein, einen Tag später Leipzig.",
     ["Die US-Truppen nahmen Magdeburg ein", "Die US-Truppen nahmen Leipzig ein"]),
    # a chain of them, one after "und"; a noun phrase after a verb that had only its
    # subject is a new subject for that verb
    (("Am 18. Februar 1918 fiel Minsk, am 24. Februar Schitomir und am 3. März "
      "schließlich die ukrainische Hauptstadt Kiew."),
     ["Minsk fiel", "Schitomir fiel", "Die ukrainische Hauptstadt Kiew fiel"]),
    (("Am 4. August 1870 siegten sie bei Weißenburg, am 6. August bei Wörth und am 1. "
      "September bei Sedan."),
     ["Sie siegten bei Weißenburg", "Sie siegten bei Wörth", "Sie siegten bei Sedan"]),
    # a date's own commas are not such a part, and go with the date (the day and its
    # time are one event)
    ("Die Kapitulation trat am 8. Mai 1945, 23:01 Uhr mitteleuropäischer Zeit, in Kraft.",
     ["Die Kapitulation trat in Kraft"]),
    # the date closing a few words of the part's own, as it closes the clause before: a new
    # subject, or a phrase, for the same verb; not a list after a colon
    ("Der erste Kurs beginnt im März 1915, der zweite im Herbst.",
     ["Der erste Kurs beginnt", "Der zweite beginnt"]),
    ("Sie rechneten mit 500 Gästen am 3. Mai 1915, mit 800 am 4. Mai.",
     ["Sie rechneten mit 500 Gästen", "Sie rechneten mit 800"]),
    ("Er gewann drei Medaillen: Silber 1911, Bronze und Gold 1913.",
     ["Er gewann drei Medaillen: Silber, Bronze und Gold"] * 2),
])
def test_a_date_with_the_rest_of_a_clause_shares_its_verb(  # type: ignore[no-untyped-def]
        extractor, text: str, titles: list[str]) -> None:
    _, events = extractor.document(DocumentInput(id="t", text=text, source="test"),
                                   Options(language="de", doc_type="narrative"))
    assert [e.title for e in events] == titles


def test_during_before_a_clause_of_its_own_keeps_that_clauses_subject(  # type: ignore[no-untyped-def]
        extractor) -> None:
    """"während der Kongress ... widerrief" is a clause (its verb is last), not a phrase."""
    text = "Die Kämpfe gingen weiter, während der Kongress im Jahr 1970 die Resolution widerrief."
    _, events = extractor.document(DocumentInput(id="t", text=text, source="test"),
                                   Options(language="de", doc_type="narrative"))
    assert [e.title for e in events if e.title.startswith("Der Kongress")]


@pytest.mark.parametrize(("text", "titles"), [
    # a second predicate with its own date: its own clause, the shared subject and
    # auxiliary before it (the README's example of two texts had "Der Tunnel wurde
    # begonnen fertig" twice)
    ("Der Tunnel wurde 2019 begonnen und im März 2023 fertig.",
     ["Der Tunnel wurde begonnen", "Der Tunnel wurde fertig"]),
    ("Die Brücke wurde 2019 geplant und 2021 gebaut.",
     ["Die Brücke wurde geplant", "Die Brücke wurde gebaut"]),
    # a conjunct with a finite verb of its own shares the subject only
    ("Er kam 2019 nach Berlin und zog 2021 nach Wien.", ["Er kam nach Berlin", "Er zog nach Wien"]),
    # the subject after the first verb, a date having come first
    (("Am 2. Juni begann die Schlacht um Sewastopol, dessen Verteidiger sich wehrten, und "
      "endete am 5. Juli."), ["Die Schlacht um Sewastopol begann", "Die Schlacht endete"]),
    # a conjunct whose own subject follows its verb keeps it
    ("Die Gründe sind 1940 unklar gewesen, und bis heute ist das Rätsel umstritten.",
     ["Die Gründe sind unklar gewesen", "Das Rätsel ist umstritten"]),
    # a date before the conjunction: one range, not two predicates
    ("Die Brücke wurde zwischen 2019 und 2021 gebaut.", ["Die Brücke wurde gebaut"]),
])
def test_coordinated_predicates_get_titles_of_their_own(  # type: ignore[no-untyped-def]
        extractor, text: str, titles: list[str]) -> None:
    _, events = extractor.document(DocumentInput(id="t", text=text, source="test",
                                                 dct="2024-05-01"), Options(language="de"))
    assert [e.title for e in events] == titles


@pytest.mark.parametrize(("text", "title"), [
    # the region between commas belongs to the noun phrase, which goes on after it
    (("He fled after the January 1998 bombing of a Birmingham, Ala., abortion clinic that "
      "killed a police officer."), "Bombing of a Birmingham, Ala., abortion clinic"),
    # where the clause goes on with a verb, the region is an aside, as before
    ("On Monday, police in Dallas, Texas, arrested two men.", "Police in Dallas arrested two men"),
])
def test_a_place_with_its_region_stays_in_the_title(  # type: ignore[no-untyped-def]
        extractor, text: str, title: str) -> None:
    _, events = extractor.document(DocumentInput(id="t", text=text, source="test",
                                                 dct="1999-05-06"), Options(language="en"))
    assert [e.title for e in events] == [title]


@pytest.mark.parametrize(("text", "title"), [
    ("Juanita Castro, who arrived in Miami in 1961, believes the case should be settled.",
     "Juanita Castro arrived in Miami"),
    ("He was placed on the FBI's most wanted list, which began in 1950.",
     "The FBI's most wanted list began"),
    ("The Senate ended a standoff that began in early October 1998.", "A standoff began"),
    # the relative clause ends before a second finite verb, a subordinator, "and" + verb
    ("The man who shot the doctor in 1998 was arrested.", "The man shot the doctor"),
    ("Josefa Gonzalez, who left Cuba in 1962 when she was 4, spoke.", "Josefa Gonzalez left Cuba"),
    # a list, a name with its "of" phrase
    (("Poland, the Czech Republic and Hungary, who were invited to join NATO in July 1997, "
      "will join."), "Poland, the Czech Republic and Hungary were invited to join NATO"),
    # not when another date of the clause comes first: that one is the relative clause's
    (("Thousands paid tribute to the men who launched the revolution four decades ago in a "
      "rally on Saturday, March 4, 2000."),
     "Thousands paid tribute to the men who launched the revolution in a rally"),
])
def test_an_english_relative_clause_is_titled_with_its_noun(  # type: ignore[no-untyped-def]
        extractor, text: str, title: str) -> None:
    """The date of "who arrived in Miami in 1961" dates that arrival: its noun phrase and
    verb, not the sentence around it."""
    _, events = extractor.document(DocumentInput(id="t", text=text, source="test",
                                                 dct="2000-04-01"), Options(language="en"))
    assert title in [e.title for e in events]


@pytest.mark.parametrize(("language", "text", "title"), [
    ("fr", "Louis XVI, qui était monté sur le trône en 1774, fut guillotiné en 1793.",
     "Louis XVI était monté sur le trône"),
    ("es", "Colón, que partió de Palos en agosto de 1492, llegó a América en octubre.",
     "Colón partió de Palos"),
    ("it", "Garibaldi, che era nato nel 1807, sbarcò in Sicilia nel 1860.", "Garibaldi era nato"),
    ("pt", "Cabral, que partiu de Lisboa em março de 1500, chegou ao Brasil em abril.",
     "Cabral partiu de Lisboa"),
    # no finite tags to end one without commas: the clause as before
    ("es", "El hombre que mató al doctor en 1998 fue detenido.",
     "El hombre que mató al doctor fue detenido"),
])
def test_a_romance_relative_clause_between_commas_is_titled_with_its_noun(  # type: ignore[no-untyped-def]
        extractor, language: str, text: str, title: str) -> None:
    _, events = extractor.document(DocumentInput(id="t", text=text, source="test"),
                                   Options(language=language, doc_type="narrative"))
    assert title in [e.title for e in events]


def test_a_date_with_a_verb_of_its_own_is_gapped_like_any_date(extractor) -> None:  # type: ignore[no-untyped-def]
    """"il y a deux ans" holds a verb ("a"), so ", puis de nouveau il y a deux ans" was a
    clause of its own, titled "Puis"; it says when the clause before happened again."""
    text = "Le projet avait déjà été repoussé en 1996, puis de nouveau il y a deux ans."
    _, events = extractor.document(DocumentInput(id="t", text=text, source="test",
                                                 dct="1998-11-18"), Options(language="fr"))
    assert [e.title for e in events] == ["Le projet avait déjà été repoussé"] * 2


def test_the_object_after_a_relative_pronoun_stays_after_its_verb(extractor) -> None:  # type: ignore[no-untyped-def]
    """The date left "que prevé un crecimiento" verb-first, and the noun after the verb was
    moved before it as though it were the subject: "Un crecimiento prevé del 3,8 %"."""
    text = ("El Gobierno aprobó ayer el proyecto de presupuestos para 1999, que prevé un "
            "crecimiento del 3,8 % el próximo año.")
    _, events = extractor.document(DocumentInput(id="t", text=text, source="test",
                                                 dct="1998-11-18"), Options(language="es"))
    assert "Prevé un crecimiento del 3,8 %" in [e.title for e in events]


@pytest.mark.parametrize(("text", "sentences"), [
    ("The fire was under control around 6 a.m. Two residents were taken to a hospital.",
     ["The fire was under control around 6 a.m.", "Two residents were taken to a hospital."]),
    ("The relatives have until 9 a.m. Tuesday to sign a paper if they lose.", None),
])
def test_a_clock_abbreviation_can_end_a_sentence(extractor, text: str,  # type: ignore[no-untyped-def]
                                                 sentences: list[str] | None) -> None:
    """"a.m." swallowed the full stop: two sentences, one title ("... under control Two
    residents ..."); a weekday after it goes on with the date."""
    document, _ = extractor.document(DocumentInput(id="t", text=text, source="test",
                                                   dct="2026-12-14"), Options(language="en"))
    assert [text[s.start:s.end] for s in document.sentences] == (sentences or [text])


@pytest.mark.parametrize(("text", "sentences"), [
    ("Der Krieg dauerte von 264 bis 241 v. Chr. Rom und Karthago kämpften um Sizilien.",
     ["Der Krieg dauerte von 264 bis 241 v. Chr.", "Rom und Karthago kämpften um Sizilien."]),
    ("Rom zerstörte 146 v. Chr. Karthago.", None),  # the object, not a new sentence
    ("Als 241 v. Chr. Rom siegte, endete der Krieg.", None),  # no verb before the date
    ("Rom besiegte 202 v. Chr. Hannibal, der nach Osten floh.", None),
])
def test_an_era_abbreviation_can_end_a_sentence(extractor, text: str,  # type: ignore[no-untyped-def]
                                                 sentences: list[str] | None) -> None:
    """The cause of titles that merged two sentences ("Rom und Karthago dauerte kämpften"):
    "v. Chr." swallowed the full stop, so no sentence ended there."""
    document, events = extractor.document(
        DocumentInput(id="t", text=text, source="test", dct=None),
        Options(language="de", doc_type="narrative"))
    assert [text[s.start:s.end] for s in document.sentences] == (sentences or [text])
    if sentences:
        assert [e.title for e in events] == ["Der Krieg dauerte"]


WRAPPED = ("Der Rat beschloss am Montag ein Paket, das an der Spaltenbreite von siebzig\n"
           "Zeichen umgebrochen wurde und daher mitten im Satz neue Zeilen hat. Es gilt\n"
           "bis Ende Mai.\n")


@pytest.mark.parametrize(("text", "sentences"), [
    # a heading on its own line, then a paragraph per line (were one sentence: the first
    # event was titled "Ein Jahr Krieg – eine Chronik: Russische Truppen ...")
    ("Ein Jahr Krieg – eine Chronik\n24. Februar 2022: Russische Truppen marschieren ein.",
     ["Ein Jahr Krieg – eine Chronik", "24. Februar 2022: Russische Truppen marschieren ein."]),
    ("Die Bilanz\nAm Montag stieg der Umsatz. Am Dienstag fiel er.\nAm Mittwoch stieg er",
     ["Die Bilanz", "Am Montag stieg der Umsatz.", "Am Dienstag fiel er.", "Am Mittwoch stieg er"]),
    # a hard-wrapped text goes on over its line ends; so does a line ending in a colon
    (WRAPPED, [("Der Rat beschloss am Montag ein Paket, das an der Spaltenbreite von "
                "siebzig\nZeichen umgebrochen wurde und daher mitten im Satz neue Zeilen hat."),
               "Es gilt\nbis Ende Mai."]),
    ("Der Minister sagte am Montag:\n„Wir werden das Paket im Mai beschließen.“", None),
])
def test_a_line_ended_on_purpose_ends_its_sentence(extractor, text: str,  # type: ignore[no-untyped-def]
                                                  sentences: list[str] | None) -> None:
    document, _ = extractor.document(DocumentInput(id="t", text=text, source="test",
                                                   dct="2023-02-24"), Options(language="de"))
    assert [text[s.start:s.end] for s in document.sentences] == (sentences or [text.strip()])


OPEN_AND_ANCHORED = ("Seit drei Jahren herrscht Krieg. In den kommenden zwei Wochen sollen "
                     "Gespräche stattfinden. Zwischen Mai und Juli 2024 wurde verhandelt. "
                     "Vor 2008 gab es keinen Beschluss. Der Rat tagt jeden Montag.")


def test_anchored_durations_ranges_and_open_ends(extractor) -> None:  # type: ignore[no-untyped-def]
    _, events = extractor.document(
        DocumentInput(id="x", text=OPEN_AND_ANCHORED, source="test", dct="2024-04-29"),
        Options(language="de"))
    spans = {e.title: (e.start, e.end) for e in events}
    assert spans["Krieg herrscht"] == ("2021-04-29", "2024-04-30")  # seit drei Jahren
    assert spans["Gespräche sollen stattfinden"] == ("2024-04-29", "2024-05-14")
    assert spans["Zwischen Mai und Juli 2024 wurde verhandelt"] == ("2024-05-01", "2024-08-01")
    assert spans["Es gab keinen Beschluss"] == (None, "2008-01-01")
    assert spans["Der Rat tagt"] == (None, None)
    assert next(e for e in events if e.title == "Der Rat tagt").recurring


def test_decades_and_centuries_are_anchored_too(extractor) -> None:  # type: ignore[no-untyped-def]
    """HeidelTime writes "Jahrzehnten" PXDE and "drei Jahrhunderten" P3CE; both reach
    back from the DCT like years do, the unknown number of decades as an estimate."""
    _, events = extractor.document(DocumentInput(
        id="x", source="test", dct="2024-04-29",
        text="Seit Jahrzehnten streiten sie. Seit drei Jahrhunderten steht das Dorf."),
        Options(language="de"))
    decades, centuries = sorted(events, key=lambda e: e.sentence_start)
    assert (decades.start, decades.end, decades.uncertain_start) == ("2004-04-29", "2024-04-30",
                                                                      True)
    assert (centuries.start, centuries.end) == ("1724-04-29", "2024-04-30")
    assert (decades.granularity.value, centuries.granularity.value) == ("decade", "century")


def test_vor_and_a_duration_is_a_date_counted_back(extractor) -> None:  # type: ignore[no-untyped-def]
    """HeidelTime's German (and KRAUTS) tag "70 Jahren" alone in "vor 70 Jahren"; the
    event lands on the year, month or day the DCT minus the duration falls in."""
    from timeline.time.wording import describe_events

    timeline = extractor.run([DocumentInput(
        id="x", source="test", dct="2015-05-08",
        text="Vor 70 Jahren endete der Zweite Weltkrieg. Vor zwei Tagen kam er an. Vor "
             "wenigen Tagen kam sie. Seit einem Jahrzehnt wird gebaut.")],
        Options(language="de"))
    when = {e.title: (e.start, e.end, w.text) for e, w in zip(timeline.events,
                                                              describe_events(timeline))}
    assert when["Der Zweite Weltkrieg endete"] == ("1945-01-01", "1946-01-01", "1945")
    assert when["Er kam an"] == ("2015-05-06", "2015-05-07", "6. Mai 2015")
    assert not any("sie" in title.lower() for title in when)  # "wenigen": no number to count
    decade = next(text for title, (_, _, text) in when.items() if "gebaut" in title)
    assert decade.startswith("das vergangene Jahrzehnt (")  # not "die vergangenen 1 Jahrzehnt"


def test_a_duration_nothing_anchors_tells_how_long_a_happening_lasted(extractor) -> None:  # type: ignore[no-untyped-def]
    """TimeML dates "questioned" by "three days" (DURING); with no anchor the event is
    undated, listed and not drawn, and only its own trigger is taken (issue 12)."""
    from timeline.time.wording import describe_event

    document, events = extractor.document(
        DocumentInput(id="d", text="Police questioned him for three days. The 16-hour flight "
                      "landed safely.", source="test", dct="2024-04-29"), Options(language="en"))
    timexes = {t.id: t for t in document.timexes}
    lasting = {timexes[e.timex_id].text: e for e in events if e.timex_id}
    questioned, flight = lasting["three days"], lasting["16-hour"]
    assert questioned.trigger is not None and questioned.trigger.text == "questioned"
    assert flight.trigger is not None and flight.trigger.text == "flight"
    assert (questioned.start, questioned.end, questioned.recurring) == (None, None, False)
    assert questioned.granularity.value == "day" and flight.granularity.value == "hour"
    assert questioned.other_triggers == []
    when = describe_event(questioned, timexes[questioned.timex_id], "en")
    assert (when.text, when.notes) == ("3 days", ("date unknown",))
    # measured for English only: German keeps durations without an anchor out of the events
    _, german = extractor.document(
        DocumentInput(id="g", text="Die Polizei verhörte ihn drei Tage lang.", source="test",
                      dct="2024-04-29"), Options(language="de"))
    assert german == []


def test_a_compound_duration_keeps_the_words_of_its_noun_phrase(extractor) -> None:  # type: ignore[no-untyped-def]
    """"ten-year" is an adjective of "low" (tagged one itself): the title lost "to a"
    with it ("Shares fell low")."""
    _, events = extractor.document(
        DocumentInput(id="d", text="Shares fell to a ten-year low. He signed a five-year "
                      "contract.", source="test", dct="2024-04-29"), Options(language="en"))
    assert [e.title for e in events] == ["Shares fell to a low", "He signed a contract"]


def test_a_date_before_a_participle_dates_it(extractor) -> None:  # type: ignore[no-untyped-def]
    """ "die 2019 eröffnete Brücke wurde am Montag gesperrt": 2019 dates the opening, not
    the closing (the title read "Eröffnete Brücke wurde gesperrt"; "2019" was not even
    found, read as a count); a past participle makes a headline, an event noun after it
    is the happening; other events' titles keep the article. Not without an article:
    TreeTagger tags a verb after a fronted date ADJA ("Am 14. Juni besetzten Truppen")."""
    text = ("Die 2019 eröffnete Brücke wurde am Montag gesperrt. Der im März gewählte "
            "Bürgermeister trat am Freitag zurück. Die für Mai geplante Eröffnung wurde "
            "verschoben. 1500 verletzte Menschen wurden behandelt.")
    document, events = extractor.document(
        DocumentInput(id="d", text=text, source="test", dct="2024-04-08"), Options(language="de"))
    words = {t.id: t.text for t in document.timexes}
    assert [(words[e.timex_id or ""], e.trigger.text if e.trigger else None, e.title)
            for e in events] == [
        ("2019", "eröffnete", "Brücke eröffnet"),
        ("Montag", "gesperrt", "Die eröffnete Brücke wurde gesperrt"),
        ("März", "gewählte", "Bürgermeister gewählt"),
        ("Freitag", "trat", "Der gewählte Bürgermeister trat zurück"),
        ("Mai", "Eröffnung", "Die geplante Eröffnung wurde verschoben")]
    assert [e.start for e in events][2] == "2024-03-01"  # not 2019's March (no passage)


def test_a_range_written_with_a_slash_is_one_event(extractor) -> None:  # type: ignore[no-untyped-def]
    """ "2021/22" was two events, 2021 and 2022, titled "Im Geschäftsjahr / hatte ...":
    stock interval_06 wanted a comma after it. The frame noun goes with the dates. Years
    apart are a list."""
    _, events = extractor.document(
        DocumentInput(id="d", text="Im Geschäftsjahr 2021/22 hatte die Firma einen Verlust "
                      "geschrieben.", source="test", dct="2024-04-29"), Options(language="de"))
    assert [(e.start, e.end, e.title) for e in events] == [
        ("2021-01-01", "2023-01-01", "Die Firma hatte einen Verlust geschrieben")]
    _, events = extractor.document(
        DocumentInput(id="d", text="Er wurde Weltmeister (2005/2010).", source="test",
                      dct="2024-04-29"), Options(language="de"))
    assert [(e.start, e.end) for e in events] == [("2005-01-01", "2006-01-01"),
                                                  ("2010-01-01", "2011-01-01")]  # a list


def test_a_duration_measuring_a_noun_stays_in_the_title(extractor) -> None:  # type: ignore[no-untyped-def]
    """ "two days of debate" names the happening; the title lost the duration and kept
    "of": "The vote came of debate". An event noun's own phrase still ends before it."""
    _, events = extractor.document(
        DocumentInput(id="d", text="The vote came after two days of debate. Five years of "
                      "drought have ruined the farms. The family refused to sign the agreement "
                      "through two days of negotiations.", source="test", dct="2024-04-29"),
        Options(language="en"))
    assert [e.title for e in events] == [
        "The vote came after two days of debate", "Five years of drought have ruined the farms",
        "The family refused to sign the agreement through two days of negotiations"]


def test_figure_draws_open_uncertain_and_recurring_events_apart(extractor) -> None:  # type: ignore[no-untyped-def]
    from timeline.views.figure import build_figure

    timeline = extractor.run(
        [DocumentInput(id="x", text=OPEN_AND_ANCHORED + " In den vergangenen Monaten wurde "
                       "gestritten.", source="test", dct="2024-04-29")], Options(language="de"))
    figure = build_figure(timeline)
    bars = [t for t in figure.data if t.name == "periods"][0]
    assert "/" in bars.marker.pattern.shape  # hatched: the estimated "vergangenen Monaten"
    points = [t for t in figure.data if t.name == "days"][0]
    symbols = set(points.marker.symbol)
    assert "arrow-bar-left" in symbols  # "vor 2008" has no start: an arrow at 2008
    assert "asterisk-open" in symbols  # "jeden Montag" of a news text: at its date
    key = {t.name for t in figure.data if t.legend == "legend2"}
    assert {"offenes Ende", "wiederkehrend", "unsicherer Zeitraum"} <= key  # a German key


def test_long_titles_keep_the_final_verb_and_drop_asides(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Am 3. Juni 1861 wurde Generalmajor George B. McClellan nach langen Beratungen im "
            "Kriegsministerium zum Befehlshaber des neu geschaffenen Wehrbereichs Ohio ernannt. "
            "Im Jahr 491 v. Chr. wurde der Feldherr Mardonios, ein Schwiegersohn des Dareios, "
            "mit einem großen Heer und einer Flotte nach Thrakien und Makedonien geschickt.")
    _, events = extractor.document(DocumentInput(id="t", text=text, source="test"),
                                   Options(language="de", doc_type="narrative"))
    titles = [e.title for e in events]
    assert all(len(t) <= 80 for t in titles)
    assert titles[0].startswith("Generalmajor George B. McClellan wurde")
    assert titles[0].endswith(" … ernannt")
    assert "Schwiegersohn" not in titles[1] and titles[1].endswith("geschickt")


@pytest.mark.parametrize(("text", "title"), [
    ("Die im Jahr 1972 stattfindende Annäherung veränderte die Lage.",
     "Die stattfindende Annäherung veränderte die Lage"),
    ("Das Problem erklärt sich aus den im Jahr 1915 sehr hohen Sterblichkeitsraten.",
     "Das Problem erklärt sich aus den sehr hohen Sterblichkeitsraten"),
])
def test_a_date_inside_a_noun_phrase_leaves_the_words_before_its_preposition(  # type: ignore[no-untyped-def]
        extractor, text: str, title: str) -> None:
    """ "im Jahr 1972" takes its preposition, not the article before it ("Die")."""
    _, events = extractor.document(DocumentInput(id="t", text=text, source="test"),
                                   Options(language="de", doc_type="narrative"))
    assert [e.title for e in events] == [title]


def test_a_date_takes_the_words_that_shift_it_before_its_preposition(  # type: ignore[no-untyped-def]
        extractor) -> None:
    """ "bis kurz vor Mitternacht", "noch vor Weihnachten": all of it says when."""
    text = "Die Sitzung am 3. März 1915 dauerte bis kurz vor Mitternacht."
    _, events = extractor.document(DocumentInput(id="t", text=text, source="test"),
                                   Options(language="de", doc_type="narrative"))
    assert {e.title for e in events} == {"Die Sitzung dauerte"}
    text = "Gespielt wird am 3. März 1915, jeweils um 20 Uhr."
    _, events = extractor.document(DocumentInput(id="t", text=text, source="test"),
                                   Options(language="de", doc_type="narrative"))
    assert {e.title for e in events} == {"Gespielt wird"}
