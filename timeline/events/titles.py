"""A title that says what happened, taken from the clause, never made up.

For an event noun: the noun phrase it heads ("Beginn des russischen
Angriffskriegs", "Überraschungsbesuch in der ukrainischen Hauptstadt Kiew"),
led by the speaker when a speech is set at the event ("Stoltenberg: ...").
For a verb: the clause without its date, sentence adverbs and quotes, with
the subject moved before the verb when the date stood first ("Damals hatten
die Staats- und Regierungschefs ... vereinbart" -> "Die Staats- und
Regierungschefs hatten ... vereinbart").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from timeline.events.clauses import (
    clauses,
    glued,
    hyphened,
    region_comma,
    speaker_aside,
    stray,
    trimmed,
)
from timeline.events.triggers import Found
from timeline.tagging.lexicon import Lexicon
from timeline.tagging.nlp import (
    ROMAN_NUMERAL,
    adverbial_date,
    dated_participle,
    timexes_within,
)

TITLE_MAX = 80
_QUOTES = frozenset({'"', "“", "”", "„", "»", "«", "'", "`"})  # ` of news wire ``quotes''
_NOUNISH = frozenset({"NOUN", "PROPN", "X"})
_NAMING = frozenset({"DET", "ADJ", "NUM", "NOUN", "PROPN"})  # a noun phrase naming a date
_SUBJECT_POS = frozenset({"PRON", "DET", "NOUN", "PROPN", "ADJ", "NUM"})  # may open a subject


def shorten(text: str, limit: int = TITLE_MAX) -> str:
    """``text`` on one line, cut at a word boundary to at most ``limit`` chars."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(",;:–-") + "…"


def _render(tokens: list[Token], capitalize: bool = True) -> str:
    # a dropped date in apposition to a noun takes both its commas: "Bei der nächsten
    # Wahl, im Herbst kommenden Jahres, droht" -> "Bei der nächsten Wahl droht"
    dropped = {j for i in range(1, len(tokens) - 1)
               if tokens[i].text == tokens[i + 1].text == "," and
               tokens[i - 1].pos_ in ("NOUN", "PROPN") and tokens[i + 1].i > tokens[i].i + 1
               for j in (i, i + 1)}
    tokens = [t for i, t in enumerate(tokens) if i not in dropped]
    pieces = []
    for token, following in zip(tokens, [*tokens[1:], None]):
        moved = following is not None and following.i != token.i + 1 and not following.is_punct
        pieces.append(token.text + (" " if token.whitespace_ or moved else ""))
    text = "".join(pieces).strip()
    text = " ".join(text.split())
    # a dropped date leaves "begann , die" or "Invasionstag, , brachten"
    text = re.sub(r"\s+([,.;:!?)])", r"\1", text)
    text = re.sub(r"([,;:])(\s*[,;:])+", r"\1", text)
    return text[:1].upper() + text[1:] if capitalize else text


def _date_words(timexes: list[Span], lex: Lexicon, measures: bool = True) -> set[int]:
    """The expressions, the words that introduce them ("in den kommenden", "im Laufe
    des", a comparison's "wie schon") and a possessive ending after them ("Sunday's service" loses "Sunday's").
    A date inside a noun phrase leaves the phrase's own words, and so, in a clause
    (``measures``), does a duration that measures a noun ("after two days of debate");
    an event noun's phrase ends before it ("the agreement | through two days of
    negotiations"). A date of an attribute leaves the article before it: "Die
    eröffnete Brücke wurde gesperrt" (was "Eröffnete Brücke ...")."""
    words: set[int] = set()
    possessive = set(lex.words("possessive_markers"))
    after = set(lex.words("date_closing_words"))
    # "im Laufe des Jahres 1968", "im Vergleich zum Vorjahr": all of it says when
    frames = set(lex.words("aspect_nouns")) | set(lex.words("date_frame_nouns"))
    prenominal = bool(lex.data.get("title_premodifiers"))  # dates go before nouns too
    # "bis" tagged a conjunction before a particle: "bis mindestens Mittwoch"
    until = set(lex.words("date_conjunctions"))
    particles = set(lex.words("date_particles"))  # "to" of "from July to May", "soon" of
    # "as soon as Tuesday"
    finite = frozenset(lex.words("finite_verb_tags"))
    definite = frozenset(lex.words("definite_articles"))
    joiners = frozenset(lex.words("period_joiners"))
    attributes = frozenset(lex.words("attribute_tags"))
    units = frozenset(lex.data.get("units", {}))
    comparisons = frozenset(lex.words("comparison_particle_tags"))  # "wie schon 2008"
    for timex in timexes:
        doc = timex.doc
        before = doc[timex.start - 1] if timex.start > timex.sent.start else None
        if definite and _subject_date(timex, finite, definite) or \
                measures and _measures(timex, lex):
            continue
        if timex.end < len(doc) and doc[timex.end].lower_ in possessive:
            if before is not None and before.pos_ in ("ADP", "VERB"):
                continue  # "for Friday's ceremony": "for ceremony" would not read
            words.update((*range(timex.start, timex.end), timex.end))
            continue
        first = timex.start
        if before is not None and before.text in "-–" and not before.whitespace_ and \
                before.i > timex.sent.start and not doc[before.i - 1].whitespace_:
            first = before.i - 1  # a word glued to it: "late-November", "mid-1990s"
        words.update(range(first, timex.end))
        if timex.end + 1 < len(doc) and glued(doc[timex.end]):
            words.update((timex.end, timex.end + 1))  # a word glued after it: "years-old"
        if timex.end + 1 < len(doc) and doc[timex.end].text == "/" and \
                doc[timex.end + 1]._.in_timex:
            words.add(timex.end)  # a range written with a slash: "im Geschäftsjahr 2021/22"
        if timex.end + 1 < len(doc) and doc[timex.end].lower_ in joiners and \
                doc[timex.end + 1]._.in_timex:
            words.add(timex.end)  # "the nine months ended Sept. 30": one date phrase
        if before is not None and before.lower_ in joiners and before.i > timex.sent.start \
                and doc[before.i - 1]._.in_timex:
            words.add(before.i)  # the same phrase, told from its end
        if timex.end < len(doc) and doc[timex.end].lower_ in after:
            words.add(timex.end)  # "bis 6 Uhr früh", "um 8 Uhr abends": the word outside
        if prenominal and timex.end < len(doc) and (
                (doc[timex.end].pos_ in ("NOUN", "PROPN") and not adverbial_date(timex, units)) or (
                    doc[timex.end].pos_ == "ADJ" and hyphened(timex))):
            continue  # the date modifies a noun: "after the Oct. 23 slaying" keeps "after the"
            # (not after a preposition: "on 12 July Leopold withdrew", "In July talks
            # resumed", a name or noun after it is the subject, unless a unit of time:
            # "as Easter week began"; "fell to a ten-year low": a compound adjective's noun
            # may be tagged one)
        i = first - 1
        crossed = False  # "und erst im Dezember": "und" stays once a particle was crossed
        # a preposition opens the phrase: "der zweite | im Herbst" keeps "der zweite" ("in
        # den kommenden Tagen" is preposition, article, adjective); an attribute's article
        # is the noun's: "Die | 2019 eröffnete Brücke"
        opened = dated_participle(timex, attributes) is not None
        reach = first - 3  # a particle reaches one word further: "bis weit in den Herbst"
        while i >= 0 and (doc[i].pos_ in (("ADP",) if opened else ("ADP", "DET", "ADJ")) or
                          doc[i].lower_ in particles or doc[i].tag_ in comparisons or
                          (doc[i].pos_ == "CCONJ" and (not crossed or
                                                        doc[i].lower_ in until))) and i >= reach:
            words.add(i)  # "from 19 July to 10 May": "to" is a particle in English tags
            if doc[i].lower_ in particles:
                crossed = True
                reach -= 1
            opened = opened or doc[i].pos_ == "ADP"
            i -= 1
        if i > 0 and doc[i].lemma_.lower() in frames:
            if doc[i - 1].pos_ == "ADP":
                words.update((i - 1, i))
            elif i > 1 and doc[i - 1].pos_ == "DET" and doc[i - 2].pos_ == "ADP":
                words.update((i - 2, i - 1, i))  # "in den Jahren 1635 bis 1719"
    return words


def _measures(timex: Span, lex: Lexicon) -> bool:
    """Is ``timex`` a duration that measures the noun after it, joined by a genitive
    preposition ("after two days of debate", "five years of drought")? The phrase names
    the happening: without it the title read "The vote came of debate". Not a German
    article ("seit drei Jahren der Fall"): only a preposition joins them."""
    doc = timex.doc
    i = timex.end
    if timex.label_ != "DURATION" or i + 1 >= timex.sent.end or doc[i].pos_ != "ADP" or \
            doc[i].lower_ not in lex.words("genitive_markers"):
        return False
    i += 1
    while i < timex.sent.end - 1 and doc[i].pos_ == "ADJ":
        i += 1
    return doc[i].pos_ == "NOUN"


def _subject_date(timex: Span, finite: frozenset[str], definite: frozenset[str]) -> bool:
    """Is the expression its sentence's subject, a noun phrase with the definite article
    that opens it right before the finite verb ("Die Siebzigerjahre brachten die
    Ostpolitik", "The 1990s brought growth")? Without it the title read "Die Ostpolitik
    brachten". Not a count ("Die letzten zwölf Monate wird er nie vergessen", an
    object) nor an indefinite one ("Einen Tag später folgte ...")."""
    doc = timex.doc
    start = timex.start - 1 if timex.start > timex.sent.start and \
        doc[timex.start - 1].pos_ == "DET" else timex.start
    return start == timex.sent.start and doc[start].lemma_.lower() in definite and \
        timex.end < timex.sent.end and doc[timex.end].tag_ in finite and \
        not any(t.pos_ == "NUM" and not (t.text.isdigit() and len(t.text) == 4)
                for t in timex)


def _noun_phrase(head: Token, clause: Span, skip: set[int], lex: Lexicon) -> list[Token]:
    """The head noun and what follows it up to a verb ("Beginn des russischen
    Angriffskriegs", "blasts in Kenya and Tanzania"); where the language file says
    so, with the adjectives and nouns right before it ("deadly U.S. Embassy blasts":
    English; German's are inflected, "Nächsten Gipfeltreffen" reads badly alone)."""
    doc = clause.doc
    first = head.i
    while lex.data.get("title_premodifiers") and first - 1 >= clause.start and \
            first - 1 not in skip and doc[first - 1].pos_ in ("ADJ", "NOUN", "PROPN"):
        first -= 1
    tokens = list(doc[first:head.i + 1])
    for token in doc[head.i + 1:clause.end]:
        if region_comma(token):  # "a Birmingham, Ala., abortion clinic"
            tokens.append(token)
            continue
        if token.i in skip or token.pos_ in ("VERB", "AUX", "SCONJ") or \
                (token.is_punct and token.text not in "-"):
            if token.pos_ in ("VERB", "AUX") and len(tokens) > 2 and \
                    tokens[-2].tag_ in lex.words("verb_bound_tags"):
                del tokens[-2:]  # "Verkehrsunfall ... ums Leben gekommen": the verb's
            break
        tokens.append(token)
    while tokens and tokens[-1].pos_ in ("ADP", "DET", "CCONJ", "PRON", "PART"):
        tokens.pop()
    return tokens


def _subject(tokens: list[Token], at: int, lex: Lexicon) -> int:
    """End index (exclusive) of a subject noun phrase starting at ``at`` (with a
    genitive attribute: "die Flotte der Griechen"), or ``at`` if there is none."""
    pronoun = at < len(tokens) and tokens[at].pos_ == "PRON"
    if pronoun and tokens[at].lower_ in lex.words("non_subject_pronouns"):
        return at
    # a noun phrase; a pronoun may be its article, "die" tagged as a relative pronoun
    i = at + 1 if pronoun or (at < len(tokens) and tokens[at].pos_ == "DET") else at
    i = _modifiers(tokens, i, lex, numbers=not pronoun)
    start_nouns = i
    while i < len(tokens):
        if tokens[i].pos_ == "PROPN" and i > start_nouns and tokens[i - 1].pos_ == "NOUN" and \
                tokens[i - 1].lower_ != tokens[i - 1].lemma_.lower():
            break  # a name after an inflected noun is no apposition: "die Deutschen Paris"
        if tokens[i].pos_ == "NOUN" and i == start_nouns + 1 == at + 1 and \
                tokens[at].pos_ == "PROPN" and tokens[i].is_alpha and \
                lex.data.get("title_bare_name_ends") and not (  # ("Chiang Kai-shek": one)
                    i + 1 < len(tokens) and
                    tokens[i + 1].tag_ in lex.words("finite_verb_tags")):
            break  # a bare name, then a noun: "ist Bozen Landeshauptstadt" (the predicate);
            # not before its verb: "Walter Langer kehrte" (TreeTagger: "Langer" NN)
        if tokens[i].pos_ == "NOUN" and i > start_nouns + 1 and tokens[i - 1].pos_ == "PROPN" \
                and tokens[i - 2].pos_ == "NOUN" and i + 1 < len(tokens) and \
                tokens[i + 1].pos_ == "PROPN":
            break  # a title and a name, then another: "Präsident Truman General MacArthur"
        if tokens[i].pos_ in _NOUNISH:
            i += 1
        elif tokens[i].text == "." and i > start_nouns and not tokens[i - 1].whitespace_ and \
                ROMAN_NUMERAL.match(tokens[i - 1].text):
            i += 1  # "Ludwig XVI."
        elif tokens[i].pos_ == "CCONJ" and i + 1 < len(tokens) and \
                tokens[i + 1].pos_ in _NOUNISH | {"DET", "ADJ", "NUM"}:
            i = _modifiers(tokens, i + 1 + (tokens[i + 1].pos_ == "DET"), lex, numbers=True)
        elif tokens[i].text == "," and (listed := _listed(tokens, i)) > i:
            i = listed  # "die Armenier, Aserbaidschaner und Georgier"
        else:
            break
    if i == start_nouns > at and tokens[i - 1].pos_ == "ADJ" and \
            tokens[i - 1].text.split("-")[-1][:1].isupper() and \
            lex.data.get("nouns_capitalized"):
        return i  # an adjective as a noun: "die 52-Jährige" (TreeTagger: ADJA)
    if i == start_nouns or (pronoun and start_nouns == at + 1 and
                            tokens[at].tag_ not in lex.words("noun_phrase_opening_tags")):
        return at + 1 if pronoun else at  # the pronoun alone: "sie eroberten Kursk"; but
        # "His car was spotted": a possessive opens the noun phrase
    genitive = set(lex.words("genitive_markers"))
    if i < len(tokens) and tokens[i].lower_ in genitive:
        j = i + 1
        while j < len(tokens) and tokens[j].pos_ == "ADJ":
            j += 1
        if j < len(tokens) and tokens[j].pos_ in _NOUNISH:
            i = j + 1
    return i


def _listed(tokens: list[Token], comma: int) -> int:
    """Where the nouns of a list go on after ``comma``, when "und"/"oder" and a noun close
    it ("die Armenier, Aserbaidschaner und Georgier"); ``comma`` when they do not."""
    j = comma + 1
    while j < len(tokens) and (tokens[j].pos_ in _NOUNISH or tokens[j].text == ","):
        j += 1
    closed = j > comma + 1 and j + 1 < len(tokens) and tokens[j].pos_ == "CCONJ" and \
        tokens[j + 1].pos_ in _NOUNISH
    return j if closed else comma


def _modifiers(tokens: list[Token], at: int, lex: Lexicon, numbers: bool) -> int:
    """End of the adjectives (and numbers) before a noun, with adverbs that grade them:
    "zahlenmäßig weit überlegene", "rund 100.000"; not after a pronoun ("Sie umfasste
    84.000 Mann")."""
    kinds = ("ADJ", "NUM") if numbers else ("ADJ",)
    i = at
    while i < len(tokens) and (tokens[i].pos_ in kinds or (
            (i > at or tokens[i].lower_ in lex.words("approximators"))
            and tokens[i].pos_ == "ADV" and i + 1 < len(tokens)
            and tokens[i + 1].pos_ in kinds)):
        i += 1
    return i


def _prepositional(tokens: list[Token], at: int, lex: Lexicon,
                   as_preposition: bool = False) -> int:
    """End index (exclusive) of a prepositional phrase starting at ``at`` ("an der
    Brücke", "mit dem Bau der Kriegsschiffe"), or ``at`` if there is none: what fronts a
    verb that has no subject ("wird an der Brücke gebaut" -> "An der Brücke wird gebaut").
    ``as_preposition``: the word at ``at`` is one whatever its tag ("während")."""
    if at >= len(tokens) or (tokens[at].pos_ != "ADP" and not as_preposition):
        return at
    i = _nominal(tokens, at + 1)
    if i == at + 1:
        return at
    genitive = set(lex.words("genitive_markers"))
    while i < len(tokens) and tokens[i].lower_ in genitive and \
            (following := _nominal(tokens, i + 1)) > i + 1:
        i = following  # a genitive attribute: "mit Unterstützung des Staatsmannes Perikles"
    return i


def _nominal(tokens: list[Token], at: int) -> int:
    """End of articles, adjectives and one noun from ``at``, with a name after the noun
    ("der Stadt Bozen"; "Korinth Gesandte" is two phrases); ``at`` if no noun."""
    i = at
    while i < len(tokens) and tokens[i].pos_ in ("DET", "ADJ"):
        i += 1
    if i == len(tokens) or tokens[i].pos_ not in _NOUNISH:
        return at
    i += 1
    while i < len(tokens) and tokens[i].pos_ == "PROPN":
        i += 1
    return i


def _continues(tokens: list[Token], at: int, parts: tuple[str, ...]) -> bool:
    """Does a phrase of such ``parts`` follow at ``at``: the cut fell inside one. An
    adjective goes on a noun phrase only before its noun ("ein Motorradfahrer schwer
    verletzt": "schwer" belongs to the verb)."""
    if at >= len(tokens) or tokens[at].pos_ not in parts:
        return False
    if tokens[at].pos_ != "ADJ":
        return True
    following = at
    while following < len(tokens) and tokens[following].pos_ in ("ADJ", "ADV", "NUM"):
        following += 1
    return following < len(tokens) and tokens[following].pos_ in _NOUNISH


# "_", "--": wire copy's dashes, "BUFFALO, N.Y. _ Police", "WASHINGTON, August 8 (Xinhua) --"
_DASHES = frozenset({"-", "–", "—", "_", "--", "---"})


def _without_dateline(tokens: list[Token]) -> list[Token]:
    """Drop a news dateline at the start: "WASHINGTON (AP) - ...", and at the very start
    of a text a place's name before a dash: "Bozen – Die Landesregierung hat ..."; not a
    hyphen inside a name ("Georgia-Pacific Corp. said")."""
    for i, token in enumerate(tokens[:8]):
        if token.text in _DASHES and i > 0 and not glued(token):
            head = tokens[:i]
            if all(t.is_punct or t.pos_ == "PROPN" or t.is_upper for t in head) and (
                    any(t.is_upper and len(t) > 1 for t in head) or head[0].i == 0):
                return tokens[i + 1:]
            if len(head) == 1 and head[0].i == 0 and head[0].text[:1].isupper():
                return tokens[i + 1:]  # a place the tagger took for a noun: "Gröden –"
            break
    return _without_rubric(tokens)


def _without_rubric(tokens: list[Token]) -> list[Token]:
    """Drop a listing's rubric, a common noun and a colon opening the sentence, before a
    clause with a verb: "Ausstellung: (Ab Freitag) zeigt die Kunsthalle ..." was titled
    "Ausstellung: zeigt die Kunsthalle ..."; not a speaker's name ("Merkel: ...")."""
    colon = next((i for i, t in enumerate(tokens[:3]) if t.text == ":"), None)
    if colon is None or colon == 0 or tokens[0].i != tokens[0].sent.start or \
            tokens[colon - 1].pos_ != "NOUN" or any(t.pos_ == "PROPN" for t in tokens[:colon]) \
            or not any(t.pos_ in ("VERB", "AUX") for t in tokens[colon + 1:]):
        return tokens
    return tokens[colon + 1:]


_OPEN, _CLOSE = frozenset({"(", "["}), frozenset({")", "]"})
_TAIL = frozenset({"VERB", "AUX", "PART"})


def _without_asides(tokens: list[Token], prepositions: frozenset[str] = frozenset(),
                    comments: frozenset[str] = frozenset(),
                    finite: frozenset[str] = frozenset()) -> list[Token]:
    """Drop brackets and verbless comma-phrases after a name or noun (appositions:
    "Mardonios, ein Schwiegersohn des Dareios, wurde") and comments opened by one of
    the words ``comments`` with no finite verb: "Die Krise begann, wie erwartet, ...",
    "beginnt, wie so oft, ..." """
    kept: list[Token] = []
    depth = 0
    for token in tokens:
        if token.text in _OPEN:
            depth += 1
        elif token.text in _CLOSE and depth:
            depth -= 1
        elif not depth:
            kept.append(token)
    out: list[Token] = []
    i = 0
    while i < len(kept):
        token = kept[i]
        if token.text == "," and out and i + 1 < len(kept) and kept[i + 1].lower_ in comments:
            j = i + 1
            while j < len(kept) and kept[j].text != "," and kept[j].tag_ not in finite:
                j += 1
            last = min(j, len(kept) - 1)
            if (j == len(kept) or kept[j].text == ",") and \
                    kept[last].i - kept[i].i == last - i:  # no date was taken out of it
                i = j + 1 if j < len(kept) else j
                continue
        if token.text == "," and out and (out[-1].pos_ in ("NOUN", "PROPN") or (
                i + 1 < len(kept) and kept[i + 1].lower_ in prepositions)):
            # an apposition, or a phrase opened by "während" ("wurde er, während der
            # so genannten Decena trágica, ... entmachtet")
            j = i + 1
            while j < len(kept) and kept[j].text != "," and kept[j].pos_ not in _TAIL:
                j += 1
            if j < len(kept) and kept[j].text == "," and j > i + 1:
                i = j + 1
                continue
        out.append(token)
        i += 1
    return out


def _without_speaker_aside(tokens: list[Token], lex: Lexicon) -> list[Token]:
    """Drop a speaker's aside between commas (``clauses.speaker_aside``) that the clause
    goes on around: "(Gegen 23 Uhr,) so schilderte sie, habe sie ... bedient" was titled
    "So schilderte sie, habe sie ...". Not one a date was taken out of."""
    commas = [i for i, t in enumerate(tokens) if t.text == ","]
    for first, second in pairwise(commas):
        if tokens[second].i - tokens[first].i == second - first and \
                speaker_aside(tokens[first + 1:second], lex):
            return tokens[:first] + tokens[second + 1:]
    return tokens


def _fit(tokens: list[Token], limit: int = TITLE_MAX) -> str:
    """The tokens as a title of at most ``limit`` characters. Too long, asides go
    first; then the middle, keeping the clause-final verbs, where German puts what
    happened: "McClellan wurde zum Befehlshaber … ernannt"."""
    text = _render(tokens)
    if len(text) <= limit:
        return text
    tokens = _without_asides(tokens)
    text = _render(tokens)
    if len(text) <= limit:
        return text
    tail: list[Token] = []
    while tokens and tokens[-1].pos_ in _TAIL and len(tail) < 3:
        tail.insert(0, tokens.pop())
    if not tail or not tokens:
        return shorten(text, limit)
    end = _render(tail, capitalize=False)
    head = list(tokens)
    repeated = {t.lower_ for t in tail}
    while head and len(_render(head)) + len(end) + 3 > limit:
        head.pop()
        # nothing left hanging before the cut, nor a verb the tail repeats ("... verlassen
        # und war … gestorben war")
        while head and (head[-1].pos_ in ("DET", "ADP", "CCONJ", "ADJ") or head[-1].is_punct
                        or head[-1].lower_ in repeated):
            head.pop()
    if len(head) < 2:
        return shorten(text, limit)
    return f"{_render(head)} … {end}"


def _closes_date(token: Token, skip: set[int]) -> bool:
    """A comma between two dates, or the one that closes a date written with one inside
    ("lädt am Freitag, 22. März, zum Vortrag", "trat am 8. Mai, 23:01 Uhr, in Kraft"):
    it goes with the dates. Not a comma after a plain date, which may part a list
    ("Minsk fiel am 8. August, Schitomir am 9.")."""
    if token.text != "," or token.i - 1 not in skip:
        return False
    if token.i + 1 in skip:
        return True
    start = token.i - 1
    while start - 1 in skip or (token.doc[start - 1].text == "," and start - 2 in skip):
        start -= 1
    return any(t.text == "," for t in token.doc[start:token.i])


def _dates(span: Span) -> list[Span]:
    """The expressions in ``span`` that go from a title (the event has its own date); a
    duration stays: "Nach fast drei Jahren Krieg musste Biafra kapitulieren", not "Krieg
    musste Biafra kapitulieren"."""
    return [d for d in timexes_within(span.doc, span.start, span.end) if d.label_ != "DURATION"]


def _relative(clause: Span, timex: list[Span], lex: Lexicon) -> tuple[list[Token], Span | None]:
    """A relative clause in ``clause`` whose pronoun is its subject and whose first date is
    the event's: the noun phrase it is about and its words after the pronoun ("Juanita
    Castro, who arrived in Miami in 1961", "the FBI's most wanted list, which began", "a
    standoff that began"). It ends at a comma, a subordinator ("when she was 4"), "and"
    before a verb, another date, or before a second finite verb ("The man who shot the
    doctor in 1998 was arrested"). ``([], None)`` if none. Only where the language names
    its relative pronouns (English and the Romance languages; German's and Dutch's
    verb-final clauses read badly after their noun)."""
    doc = clause.doc
    first = min(t.start for t in timex)
    pronoun = next((t for t in clause if t.tag_ in lex.words("relative_pronoun_tags")
                    and t.i < first), None)
    if pronoun is None or pronoun.i + 1 >= clause.end or \
            doc[pronoun.i + 1].pos_ not in ("VERB", "AUX", "ADV"):
        return [], None
    finite = set(lex.words("finite_verb_tags"))
    if not finite and doc[pronoun.i - 1].text != ",":
        return [], None  # no finite tags to end it: only one between commas ("Colón, que")
    dates = {t.start for t in _dates(clause)} - {first}
    subordinators = set(lex.words("dropped_opening_tags"))
    verbs, stop = 0, pronoun.i + 1
    while stop < clause.end and doc[stop].text != "," and stop not in dates and \
            doc[stop].pos_ != "SCONJ" and doc[stop].tag_ not in subordinators and \
            not (doc[stop].pos_ == "CCONJ" and stop + 1 < len(doc) and
                 doc[stop + 1].pos_ in ("VERB", "AUX")):
        verbs += doc[stop].tag_ in finite
        if verbs > 1:
            break
        stop += 1
    if first >= stop or any(pronoun.i < d < first for d in dates):
        return [], None
    phrase = _antecedent(doc, pronoun.i - (doc[pronoun.i - 1].text == ","), clause.sent.start,
                         lex)
    return (phrase, doc[pronoun.i + 1:stop]) if phrase else ([], None)


def _antecedent(doc: Doc, end: int, first: int, lex: Lexicon) -> list[Token]:
    """The noun phrase that ends before ``end`` (not before ``first``), with its
    possessives, "of" phrases and a list ("Poland, the Czech Republic and Hungary")."""
    possessive = set(lex.words("possessive_markers"))
    opening = set(lex.words("noun_phrase_opening_tags"))
    links = set(lex.words("noun_phrase_links"))

    def nominal(token: Token) -> bool:
        hyphen = token.text == "-" and glued(token)  # "39-year-old", "three-judge"
        truncated = token.text.endswith("-") and token.text[:1].isalpha()  # "Rechts- und"
        return (token.pos_ in ("DET", "ADJ", "NOUN", "PROPN", "NUM") and
                any(c.isalnum() for c in token.text)) or token.tag_ in opening or hyphen or \
            truncated

    start, listed = end, False
    while start > first:
        token = doc[start - 1]
        joins = start - 2 >= first and nominal(doc[start - 2]) and start < end
        named = start - 2 >= first and doc[start - 2].pos_ == "PROPN"  # "Campbell of the
        # National Council", not "the arrest of Kopp"
        if nominal(token) or token.lower_ in possessive or \
                (token.tag_ in lex.words("noun_phrase_inner_tags") and start < end) or \
                (token.lower_ in links and named and start < end) or \
                (token.pos_ == "CCONJ" and joins) or (token.text == "," and joins and listed):
            listed = listed or token.pos_ == "CCONJ"
            start -= 1
        else:
            break
    while start < end and not nominal(doc[start]):
        start += 1  # not "'s" or "most" alone
    phrase = list(doc[start:end])
    return phrase if any(t.pos_ in ("NOUN", "PROPN") for t in phrase) else []


def _told(tokens: Iterable[Token], skip: set[int], lex: Lexicon) -> list[Token]:
    """The words of ``tokens`` a title keeps: not the dates and their words (``skip``),
    quotes, spaces or the language's filler words ("zudem", "also")."""
    drop = set(lex.words("drop_words"))
    return [t for t in tokens if t.i not in skip and t.text not in _QUOTES and
            t.lower_ not in drop and not t.is_space and not _closes_date(t, skip)]


def _clause_title(clause: Span, timex: list[Span], lex: Lexicon) -> str:
    doc = clause.doc
    skip = _date_words(timex + _dates(clause), lex)
    antecedent, relative = _relative(clause, timex, lex)
    if antecedent and relative is not None:
        # "Juanita Castro, who arrived in Miami in 1961": "Juanita Castro arrived in Miami"
        told = _told(relative, skip, lex)
        while told and (stray(told[-1]) or told[-1].pos_ in ("ADP", "DET", "CCONJ")):
            told.pop()
        return _fit(antecedent + told)
    if (told := _verb_final_relative(clause, timex, skip, lex)):
        return _fit(told)
    if clause.start > clause.sent.start and (doc[clause.start].pos_ == "PRON" or
                                             doc[clause.start].tag_ in lex.words(
                                                 "relative_adverb_tags")):
        # a German relative clause ("was sie versprochen hätten", "wo sie ausharrte",
        # its verb last) says little alone: with its main clause, after a semicolon that
        # closes another ("... verdoppeln; dafür entsteht ein Werk, das ... gehen soll")
        start = max((t.i + 1 for t in doc[clause.sent.start:clause.start] if t.text == ";"),
                    default=clause.sent.start)
        clause = doc[start:clause.end]
        skip = _date_words(timex + _dates(clause), lex)
    tokens = _without_asides(_without_dateline(_told(clause, skip, lex)),
                             frozenset(lex.words("conjunctions_also_prepositions")),
                             frozenset(lex.words("comment_openers")),
                             frozenset(lex.words("finite_verb_tags")))
    tokens = _without_speaker_aside(tokens, lex)
    opening = set(lex.words("dropped_opening_tags"))  # "where" of "where 168 people were killed"
    subordinate = False
    while tokens and (tokens[0].is_punct or tokens[0].pos_ in ("CCONJ", "SCONJ") or
                      tokens[0].tag_ in opening):
        subordinate = subordinate or tokens[0].pos_ == "SCONJ"
        if (tokens[0].lower_ in lex.words("conjunctions_also_prepositions") or
                tokens[0].tag_ in lex.words("comparison_particle_tags")) and \
                (phrase := _prepositional(tokens, 0, lex, as_preposition=True)) > 1 and \
                phrase < len(tokens) and tokens[phrase].tag_ in lex.words("finite_verb_tags"):
            # "Während der Belagerung wurde ... proklamiert": a phrase before the verb, not
            # a clause ("während der Kongress die Resolution widerrief")
            tokens = tokens[phrase:]
            continue
        tokens.pop(0)
    while tokens and (stray(tokens[-1]) or tokens[-1].pos_ == "CCONJ" or (
            len(tokens) > 2 and tokens[-1].pos_ == "ADV" and tokens[-2].text == ",")):
        tokens.pop()  # "..., and", "..., puis" of a clause whose next part was its date
    if lex.data.get("verb_second"):
        tokens = _without_apposition_comma(tokens, frozenset(lex.words("finite_verb_tags")))
    if len(tokens) > 3 and tokens[-2].text == "," and tokens[-1].pos_ == "VERB" and \
            tokens[-1].i + 1 in skip and _main_verb_before(tokens[:-2], lex):
        del tokens[-2:]  # "..., verteilt" whose phrase was the date: "verteilt auf 2027-2031"
    tokens += _after_relative(clause, tokens, skip, lex)
    if subordinate:
        tokens = _main_clause_order(tokens, lex)
    shared, closing = _shared_start(clause, tokens, skip, lex)
    if shared or closing:
        return _fit(_without_bare_copula(shared + tokens + closing, lex))
    relative = set(lex.words("relative_pronoun_tags")) | opening
    skipped = [t for t in doc[clause.start:tokens[0].i] if not t.is_punct
               and t.text not in _QUOTES and t.pos_ != "CCONJ"
               and t.tag_ not in relative] if tokens else []
    if tokens and tokens[0].pos_ in ("VERB", "AUX") and skipped:
        # the date (or an adverb) stood before the verb: put the subject there; not where
        # a relative pronoun did, which is the verb's subject ("que prevé un crecimiento":
        # the growth is what is forecast)
        tokens = _subject_first(tokens, clause, lex)
    elif tokens and tokens[0].pos_ in ("VERB", "AUX"):
        if tokens[0].lemma_.lower() in lex.words("reporting_verbs") and \
                _after_quotation(tokens[0]) and (end := _subject(tokens, 1, lex)) > 1 and \
                (end == len(tokens) or tokens[end].is_punct):
            # after what was said: "'' said Maureen Connelly, a media consultant ...",
            # "..., sagte gestern Marco Cappello, Verwaltungsdirektor" -> "Maureen
            # Connelly said" (what she said is the quotation, not here); not "..., said he
            # and Bushnell had been talking" (the subject of what follows)
            return _fit([*tokens[1:end], tokens[0]])
        if len(tokens) > 1 and (tokens[1].tag_ in lex.words("subject_pronoun_tags") or
                                tokens[1].lower_ in lex.words("subject_only_pronouns")) and \
                tokens[1].lower_ not in lex.words("non_subject_pronouns"):
            # after a clause that came first: "(Nachdem ..., ) wurde er ... entmachtet"
            return _fit([tokens[1], tokens[0], *tokens[2:]])
        tokens = _interrupted_subject(clause, lex) + tokens
    return _fit(_without_bare_copula(tokens, lex))


def _without_apposition_comma(tokens: list[Token], finite: frozenset[str]) -> list[Token]:
    """The comma that closed an apposition to a date the title left out, now between the
    one phrase before a finite verb and the verb, where a language puts the verb second
    (``verb_second``): "(Im Sommer 2008,) mitten in der Finanzkrise, kündigte die Bank den
    Kredit" -> "Mitten in der Finanzkrise kündigte ..."; a noun phrase there names the
    date again and goes with it ("(Am Dienstag,) dem zweiten Verhandlungstag, hat die
    52-Jährige ausgesagt" was titled "Dem zweiten Verhandlungstag hat ...")."""
    comma = next((i for i, t in enumerate(tokens) if t.text == ","), None)
    if comma is None or comma == 0 or comma + 1 >= len(tokens) or \
            tokens[comma + 1].tag_ not in finite or \
            any(t.pos_ in ("VERB", "AUX", "SCONJ") for t in tokens[:comma]):
        return tokens
    if tokens[0].pos_ == "DET" and all(t.pos_ in _NAMING for t in tokens[:comma]):
        return tokens[comma + 1:]
    return tokens[:comma] + tokens[comma + 1:]


def _without_bare_copula(tokens: list[Token], lex: Lexicon) -> list[Token]:
    """A copula whose complement was the date says nothing: "Beginn ist (um 20 Uhr)" ->
    "Beginn", "Der nächste Termin ist (Mittwoch, der 18. März)" -> "Der nächste Termin"."""
    if len(tokens) > 1 and tokens[-1].lemma_.lower() in lex.words("copula_lemmas") and \
            tokens[-2].pos_ in _NOUNISH:
        return tokens[:-1]
    return tokens


def _after_quotation(verb: Token) -> bool:
    """Does ``verb`` follow what was said: a closing quotation mark or a comma (``,''
    said``, ``", sagte``, ``..., sagte``)?"""
    doc = verb.doc
    return verb.i > 0 and (doc[verb.i - 1].text == "," or set(doc[verb.i - 1].text) <= _QUOTES)


def _verb_final_relative(clause: Span, timex: list[Span], skip: set[int], lex: Lexicon
                         ) -> list[Token]:
    """A German relative clause whose pronoun is its subject (nothing that could be one
    stands between it and its verbs), titled by its noun in a main clause's order: "Der
    König, der im Mai 1789 gezögert hatte" -> "Der König hatte gezögert", "während der
    Schreckensherrschaft, die bis Juli 1794 dauerte" -> "Schreckensherrschaft dauerte"
    (an article after a preposition is no subject's). [] where that does not hold."""
    doc = clause.doc
    tags = set(lex.words("relative_clause_tags"))
    first = min(t.start for t in timex)
    pronoun = next((t for t in clause if t.tag_ in tags and t.i > 0 and t.i < first and
                    doc[t.i - 1].text == ","), None)
    if pronoun is None:
        return []
    rest = [t for t in _told(doc[pronoun.i + 1:clause.end], skip, lex) if not t.is_punct]
    verbs = 0
    while verbs < len(rest) and rest[-1 - verbs].pos_ in ("VERB", "AUX"):
        verbs += 1
    if not verbs or verbs > 2 or any(t.pos_ in ("NOUN", "PROPN", "PRON", "DET", "VERB", "AUX")
                                     for t in rest[:-verbs]):
        return []  # "die der Generalstab entworfen hatte": another subject
    head = _antecedent(doc, pronoun.i - 1, clause.sent.start, lex)
    if not head or any(t.pos_ == "ADP" for t in head):
        return []
    before = doc[head[0].i - 1] if head[0].i > clause.sent.start else None
    if before is not None and (before.pos_ == "ADP" or before.lower_ in
                               lex.words("conjunctions_also_prepositions")):
        if before.i > 0 and doc[before.i - 1].pos_ in ("NOUN", "PROPN"):
            return []  # "mit Angriffen auf London, die ...": which noun is it about?
        if head[0].pos_ == "DET":
            head = head[1:]  # "während der Schreckensherrschaft": no subject's article
    middle, group = rest[:-verbs], rest[-verbs:]
    finite = group[-1]
    return [*head, finite, *middle, *group[:-1]]


def _main_verb_before(tokens: list[Token], lex: Lexicon) -> bool:
    """Has the clause a finite verb of its own before ``tokens`` end, not one of a
    relative clause ("Delfin, who was imprisoned ..., followed": "followed" is the
    main verb, TreeTagger's participle notwithstanding)?"""
    finite = set(lex.words("finite_verb_tags"))
    relative = set(lex.words("relative_pronoun_tags")) | set(lex.words("relative_clause_tags"))
    for token in tokens:
        if token.tag_ in relative:
            return False
        if token.tag_ in finite:
            return True
    return False


def _after_relative(clause: Span, tokens: list[Token], skip: set[int], lex: Lexicon
                    ) -> list[Token]:
    """The rest of a German clause that a relative clause interrupted: "hatte McNamara,
    der sich bisher für Truppenverstärkungen eingesetzt hatte, seine Haltung geändert"
    -> "seine Haltung geändert" after "hatte McNamara" (whose auxiliary has no verb of
    its own). The words after the relative clause's closing comma, when they have no
    finite verb; none otherwise."""
    doc = clause.doc
    finite = set(lex.words("finite_verb_tags"))
    relative = set(lex.words("relative_clause_tags"))
    if not relative or not tokens or clause.end + 1 >= clause.sent.end or \
            doc[clause.end].text != "," or doc[clause.end + 1].tag_ not in relative or \
            any(t.pos_ in ("VERB", "AUX") and t.tag_ not in finite for t in tokens) or \
            not any(t.pos_ == "AUX" and t.tag_ in finite for t in tokens):
        return []
    after = doc[clause.end + 1:clause.sent.end]
    verb = next((t.i for t in after if t.tag_ in finite), None)
    closing = next((t.i for t in after if verb is not None and t.i > verb and t.text == ","),
                   None)
    if closing is None:
        return []
    rest = [t for t in doc[closing + 1:clause.sent.end] if t.i not in skip
            and not t.is_space and t.text not in _QUOTES]
    end = next((i for i, t in enumerate(rest) if t.is_punct and t.text != "-"), len(rest))
    rest = rest[:end]
    if not rest or any(t.tag_ in finite for t in rest):
        return []
    return rest


def _subject_first(tokens: list[Token], clause: Span, lex: Lexicon) -> list[Token]:
    """A clause whose date (or an adverb) stood before its verb, with what should lead
    instead: the subject after the verb, a subject after phrases of place, or for a
    passive the phrase itself; else the clause as written."""
    # a reflexive pronoun between verb and subject stays with the verb: "treffen sich
    # die Gewerkschaften" -> "Die Gewerkschaften treffen sich", also past phrases of place
    # ("löste sich unterhalb der Spitze ein Schneebrett")
    verb = 2 if len(tokens) > 2 and tokens[1].lower_ in lex.words("non_subject_pronouns") \
        else 1
    end = _subject(tokens, verb, lex) if len(tokens) > verb else verb
    if verb == 2 and end > 2:
        return tokens[2:end] + tokens[:2] + tokens[end:]
    phrase = _prepositional(tokens, verb, lex) if end == verb else verb
    after = _subject(tokens, phrase, lex) if phrase > verb else phrase
    chain = phrase
    while after == phrase and (following := _prepositional(tokens, chain, lex)) > chain:
        chain = following  # "wurde im Spiegelsaal von Versailles das Kaiserreich ..."
        if (found := _subject(tokens, chain, lex)) > chain and \
                not _continues(tokens, found, ("DET", "ADJ", "ADP", *_NOUNISH)):
            phrase, after = chain, found  # only where a subject follows the phrases
            break
    if 1 < end < len(tokens) - 1 and tokens[end].pos_ == "ADP" and \
            _one_phrase(tokens[end + 1:]) and \
            tokens[end - 1].lemma_.lower().endswith(tuple(lex.words("event_nouns"))):
        end = len(tokens)  # "begann der Angriff auf die Seelower Höhen": the attack's target
    if end > verb:
        return tokens[1:end] + tokens[:1] + tokens[end:]
    if after > phrase and not _continues(tokens, after, ("DET", "ADJ", *_NOUNISH)):
        # the subject after a place: "kamen in Korinth Gesandte zusammen"
        return tokens[phrase:after] + tokens[:phrase] + tokens[after:]
    if phrase > verb and after == phrase and not _continues(tokens, phrase, ("ADP",)):
        # no subject (a passive): "wird an der Brücke gebaut", the phrase fronts
        return tokens[verb:phrase] + tokens[:verb] + tokens[phrase:]
    # nothing to front: "480 v. Chr. kamen ... zusammen" reads better
    return [t for t in trimmed(clause) if t.text not in _QUOTES and not t.is_space]


def _one_phrase(tokens: list[Token]) -> bool:
    """Are ``tokens`` one noun phrase: articles and adjectives, then nouns and names to
    the end ("die Seelower Höhen"; not "Kiew ihr Ende")?"""
    i = 0
    while i < len(tokens) and tokens[i].pos_ in ("DET", "ADJ", "NUM"):
        i += 1
    return i < len(tokens) and all(t.pos_ in _NOUNISH for t in tokens[i:])


def _main_clause_order(tokens: list[Token], lex: Lexicon) -> list[Token]:
    """A subordinate clause's words in a main clause's order where its last word is a
    finite auxiliary or modal: "(dass) die Industrieproduktion um 0,3 Prozent angestiegen
    ist" -> "Die Industrieproduktion ist um 0,3 Prozent angestiegen". A finite main verb
    stays last only where it has a separable particle: moving "aufsuchte" would split
    it wrongly; "(als) die Truppen sich dem Yalu näherten" -> "Die Truppen näherten sich
    dem Yalu"."""
    finite = set(lex.words("finite_verb_tags"))
    last = tokens[-1] if tokens else None
    if len(tokens) < 3 or last is None or last.tag_ not in finite or \
            last.pos_ not in ("AUX", "VERB") or (last.pos_ == "VERB" and _separable(last, lex)) \
            or any(t.tag_ in finite for t in tokens[:-1]):  # another clause's verb inside
        return tokens
    end = _subject(tokens, 0, lex)
    if end == 0 or end >= len(tokens) - 1:
        return tokens
    return [*tokens[:end], tokens[-1], *tokens[end:-1]]


def _separable(verb: Token, lex: Lexicon) -> bool:
    """Does the verb form begin with a separable particle its lemma shares ("aufsuchte",
    "aufsuchen"), or is its lemma unknown, so that it may?"""
    lemma, form = verb.lemma_.lower(), verb.lower_
    if not lemma or lemma in ("<unknown>", form):
        return True
    return any(form.startswith(p) and lemma.startswith(p)
               for p in lex.words("separable_particles"))


def _shared_start(clause: Span, tokens: list[Token], skip: set[int], lex: Lexicon
                  ) -> tuple[list[Token], list[Token]]:
    """What a conjunct without a subject shares with the sentence's first clause: "Er
    kam 2019 nach Berlin und zog 2021 nach Wien" -> "Er" before "zog nach Wien"; a part
    with no verb at all after a comma shares subject, verb and particle ("nahmen
    Magdeburg ein, einen Tag später Leipzig" -> "Die US-Truppen nahmen Leipzig ein"); and
    without a finite verb, that clause's one too: "Die Brücke wurde 2019 geplant und
    2021 gebaut" -> "Die Brücke wurde" before "gebaut". The subject stands right before
    that clause's verb, or right after it when a date came first ("Am 2. Juni begann die
    Schlacht ..., und endete am 5. Juli"). Only where the conjunct's verb follows the
    conjunction: a word before it puts the conjunct's own subject after the verb ("und
    bis heute ist das Rätsel umstritten")."""
    doc = clause.doc
    finite = set(lex.words("finite_verb_tags"))
    own_verb = any(t.tag_ in finite for t in tokens)
    opened = doc[clause.start].text == "," or (
        clause.start > clause.sent.start and doc[clause.start - 1].text == ",")
    gapped = (opened or doc[clause.start].pos_ == "CCONJ") and bool(tokens) and \
        not any(t.pos_ in ("VERB", "AUX") for t in clause)  # ", zwei Tage danach bei Wörth"
    lead = next((t for t in tokens if t.pos_ != "ADV" or own_verb), None)  # "wieder freigelassen"
    # a finite verb after a comma with no subject after it: "zog sich ... zurück, lehrte bis
    # 1998 an der Fachhochschule" (was "Lehrte ..."); not "..., sagte er", "..., kam 1998
    # der Umbruch"
    listed = opened and lead is not None and lead.tag_ in finite and \
        bool(lex.data.get("verb_second")) and _main_clause_before(clause, finite) and (
        len(tokens) == 1 or tokens[1].pos_ not in _SUBJECT_POS or
        tokens[1].lower_ in lex.words("non_subject_pronouns"))
    if (doc[clause.start].pos_ != "CCONJ" and not gapped and not listed) or lead is None or \
            not (gapped or lead.pos_ in ("VERB", "AUX") or (len(tokens) == 1 and not own_verb)):
        return [], []
    if own_verb and any(not t.is_punct for t in doc[clause.start + 1:tokens[0].i]):
        return [], []
    first = clauses(clause.sent, lex)[0]
    if first.end > clause.start:
        return [], []
    skip = skip | _date_words(_dates(first), lex)
    words = [t for t in _without_asides([t for t in first if t.i not in skip
                                          and not t.is_space and t.text not in _QUOTES])
             if not t.is_punct]
    end = _subject(words, 0, lex) if words else 0
    verbs = [t for t in words[end:] if t.pos_ in ("VERB", "AUX")]
    if 0 < end < len(words) and len(words[0].text) > 1 and verbs and \
            words[end].pos_ in ("VERB", "AUX", "ADP"):  # "Die Heeresgruppe B unter ... wurde"
        subject, verb = words[:end], verbs[0]
        if gapped and not own_verb and verb.tag_ in finite and \
                tokens[0].pos_ in ("DET", "ADJ", *_NOUNISH):
            # "Der erste Kurs startet nach Ostern, der zweite im Herbst": a new subject
            particle = [words[-1]] if words[-1].tag_ in lex.words("verb_particle_tags") else []
            return [], [verb, *particle]
    elif words and words[0].tag_ in finite and (end := _subject(
            words, at := 1 + (len(words) > 2 and
                              words[1].lower_ in lex.words("non_subject_pronouns")),
            lex)) > at:  # "zog sich Vielhaber ... zurück": "sich" is no subject
        subject, verb = words[at:end], words[0]
        if gapped and end == len(words) and tokens[0].pos_ in ("DET", "ADJ", *_NOUNISH):
            # "fiel Minsk, am 24. Februar Schitomir": a new subject for the same verb
            return [], [verb]
    else:
        return [], []  # no subject found whole ("His" of "His car was", "The father and")
    if own_verb:
        return subject, []
    if verb.tag_ not in finite:
        return [], []
    particle = [words[-1]] if gapped and words[-1].tag_ in lex.words("verb_particle_tags") \
        else []  # "nahmen Magdeburg ein, einen Tag später Leipzig": "ein" closes it
    return [*subject, verb], particle


def _main_clause_before(clause: Span, finite: set[str]) -> bool:
    """Does the sentence open with a clause with a finite verb that the comma opening
    ``clause`` ends: two verb phrases of one subject ("zog sich zurück, lehrte ...")? Not
    after a relative clause ("Von zehn Schiffen, die sie ... versuchten, kamen") or an
    apposition. Only where the verb comes second (``verb_second``): English ", announced
    Wednesday" is mostly a participle TreeTagger read as a past."""
    doc = clause.doc
    comma = clause.start if doc[clause.start].text == "," else clause.start - 1
    before = doc[clause.sent.start:comma]
    return not any(t.is_punct for t in before) and any(t.tag_ in finite for t in before)


def _interrupted_subject(clause: Span, lex: Lexicon) -> list[Token]:
    """The subject a relative clause or apposition cut off from its verb: "Kopp's
    stepmother, who married Kopp's father ..., said Thursday" -> "Kopp's stepmother"
    before "said". Only a noun phrase that opens the sentence and ends at a comma."""
    doc = clause.doc
    start = clause.sent.start
    if clause.start <= start or doc[clause.start - 1].text != ",":
        return []
    possessive = set(lex.words("possessive_markers"))
    end = start
    while end < clause.start and (doc[end].pos_ in ("DET", "ADJ", "NOUN", "PROPN", "NUM")
                                  or doc[end].lower_ in possessive):
        end += 1
    phrase = list(doc[start:end])
    if end >= clause.start or doc[end].text != "," or \
            not any(t.pos_ in ("NOUN", "PROPN") for t in phrase):
        return _before_apposition(clause, lex)
    return phrase


def _before_apposition(clause: Span, lex: Lexicon) -> list[Token]:
    """The noun phrase before a verbless apposition between commas right before the
    verb: "a home where James C. Kopp, a 44-year-old protester, lived" -> "James C.
    Kopp" before "lived". Where the language says how its noun phrases go on."""
    doc = clause.doc
    if not lex.words("noun_phrase_links"):
        return []
    opening = next((t.i for t in reversed(doc[clause.sent.start:clause.start - 1])
                    if t.text == ","), None)
    if opening is None or any(t.pos_ in ("VERB", "AUX") for t in doc[opening:clause.start]):
        return []
    return _antecedent(doc, opening, clause.sent.start, lex)


def _dateline_alone(clause: Span, timex: list[Span], lex: Lexicon) -> bool:
    """Is ``clause`` a whole sentence that is a dateline and nothing else?"""
    if any(not t.is_space for t in clause.doc[clause.sent.start:clause.start]):
        return False
    skip = _date_words(timex, lex)
    tokens = [t for t in clause.sent if t.i not in skip and not t.is_space]
    return bool(tokens) and tokens[-1].text in _DASHES and \
        _without_dateline(tokens) == [] and len(tokens) > 1


def _attribute_title(participle: Token, clause: Span, timex: list[Span], lex: Lexicon) -> str:
    """A headline for a date of a participle before its noun, the noun's phrase and the
    participle's lemma: "die 2019 eröffnete Brücke" -> "Brücke eröffnet"."""
    noun = next(t for t in clause.doc[participle.i + 1:clause.end] if t.pos_ == "NOUN")
    return f"{_render(_noun_phrase(noun, clause, _date_words(timex, lex), lex))} " \
        f"{participle.lemma_}"


def title(found: Found | None, clause: Span, timex: list[Span], speaker: str | None,
          lex: Lexicon) -> str:
    """The title of the event dated by ``timex`` (two spans for a range)."""
    if _dateline_alone(clause, timex, lex) and clause.sent.end < len(clause.doc):
        # "WASHINGTON, August 8 (Xinhua) --" on a line of its own: the story it dates
        story = clause.doc[clause.sent.end].sent
        return _clause_title(clauses(story, lex)[0], timex, lex) or shorten(story.text)
    if found is not None and found.how == "ATTRIBUTE":
        return shorten(_attribute_title(found.tokens[0], clause, timex, lex))
    aspect = found is not None and len(found.tokens) == 1 and \
        found.lemmas[0].lower() in lex.words("aspect_nouns")  # "Ende" alone says nothing
    if found is not None and found.how != "VERB" and not aspect:
        phrase = _render(_noun_phrase(found.tokens[0], clause,
                                      _date_words(timex, lex, measures=False), lex))
        if found.how == "AFTER" and speaker and speaker not in phrase:
            phrase = f"{speaker}: {phrase}"
        # a compound names its happening ("Tet-Offensive", "Bundestagswahl"); a bare noun
        # ("Rally", "Rede") says less than its clause ("Castro attended a rally")
        if " " in phrase or "-" in phrase or len(phrase) >= 12:
            return shorten(phrase)
        told = _clause_title(clause, timex, lex) or shorten(clause.text)
        return told if " " in told else shorten(phrase)
    return _clause_title(clause, timex, lex) or shorten(clause.text)
