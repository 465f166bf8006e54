"""Sentences split into clauses, from tokens and part-of-speech tags alone.

An event is told by the clause its date belongs to, not the whole sentence.
Without a parser we cut at punctuation (commas, semicolons, colons, dashes,
brackets, quotes) and at coordinating conjunctions, and keep a cut only when
the part before has a verb and the part after is a clause of its own (a
finite verb or a subordinator): "X, Y und Z" stays one clause, "..., sagte
er" becomes two. A second predicate with a date of its own is a clause too,
though it shares the first one's subject and auxiliary: "Die Brücke wurde 2019
geplant | und 2021 gebaut".
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from timeline.tagging.lexicon import Lexicon

_CUTS = frozenset({",", ";", ":", "–", "—", "-", "(", ")", '"', "“", "”", "„", "»", "«"})
_VERBS = frozenset({"VERB", "AUX"})
_ASIDE_POS = frozenset({"PRON", "PROPN", "NOUN", "DET", "ADJ", "ADV", "ADP", "VERB", "AUX"})


def _has_verb(tokens: list[int], doc: Doc) -> bool:
    """A verb outside a date: "il y a deux ans", "hace dos años" have none of their own."""
    return any(doc[i].pos_ in _VERBS and not doc[i]._.in_timex for i in tokens)


def _is_clause(tokens: list[int], doc: Doc, finite: frozenset[str],
               prepositions: frozenset[str] = frozenset(),
               comments: frozenset[str] = frozenset()) -> bool:
    """A finite verb, or a subordinator ("um ... zu können"); where the language file
    names no finite tags, any verb. A participle alone continues the clause before:
    "wurde Mardonios, ein Schwiegersohn des Dareios, ... geschickt"; so does a
    subordinator that is also a preposition, without a verb: "wurde er im Februar 1913,
    während der so genannten Decena trágica, ... entmachtet", and one that opens a
    comment (``comments``): "Die Antwort beginnt, wie so oft, in den ..."."""
    if not finite:
        return _has_verb(tokens, doc)
    words = [doc[i] for i in tokens if not doc[i].is_punct]
    return any(t.tag_ in finite for t in words) or bool(
        words and words[0].pos_ == "SCONJ" and words[0].lower_ not in prepositions and
        (words[0].lower_ not in comments or any(t._.in_timex for t in words)))


def speaker_aside(words: list[Token], lex: Lexicon) -> bool:
    """Are ``words`` (a comma-phrase without its commas) a speaker's aside with no date of
    its own: "so schilderte sie", "sagt er", "officials said", "sagte ihr Anwalt am Rande
    der Sitzung"? It interrupts the clause around it: "Gegen 23 Uhr, so schilderte sie,
    habe sie die letzten Kunden bedient" dates "bedient"."""
    if not 2 <= len(words) <= 8 or any(t._.in_timex or t.is_punct for t in words):
        return False
    if words[0].lower_ in lex.words("aside_openers"):
        words = words[1:]
    verbs = [t for t in words if t.pos_ in _VERBS]
    return len(verbs) == 1 and verbs[0].lemma_.lower() in lex.words("reporting_verbs") and \
        all(t.pos_ in _ASIDE_POS for t in words)


def _interrupts(before: list[int], segment: list[int], after: list[list[int]], doc: Doc,
                finite: frozenset[str], lex: Lexicon) -> bool:
    """Is ``segment`` a speaker's aside inside one clause (the aside alone was the clause
    of the date before it): the part before it has no verb yet, or the part after it a
    verb but no finite one ("Er habe, sagt sie, am Montag die Kunden bedient")? Between
    two clauses ("Der Umsatz stieg im Mai, sagte er, die Kosten sanken") it is not, nor
    before the speaker's apposition (", said Greg Trevor, a spokesman for ...")."""
    return bool(after) and doc[segment[0]].text == "," and doc[after[0][0]].text == "," and \
        speaker_aside([doc[i] for i in segment[1:]], lex) and _has_verb(after[0], doc) and \
        (not _has_verb(before, doc) or not _is_clause(after[0], doc, finite))


def _joins_clauses(token: Token, conjunctions: set[str]) -> bool:
    """ "und er arbeite": a conjunction followed by a pronoun or verb starts a clause;
    "Staats- und Regierungschefs" does not."""
    if token.lower_ not in conjunctions or token.i + 1 >= len(token.doc):
        return False
    return token.doc[token.i + 1].pos_ in ("PRON", "AUX", "VERB")


def _dated_conjunct(token: Token, conjunctions: set[str]) -> bool:
    """A conjunction after a verb, then a date and a verb, or a predicative adjective or
    verb particle that ends the clause, adverbs between: "wurde 2019 geplant und 2021
    gebaut", "2019 begonnen und im März 2023 fertig" (TreeTagger: PTKVZ); or after any
    word but a date, with a verb before it, then a date, a subject and its verb
    (:func:`_subject_and_verb`).
    Not "zwischen 2019 und 2021 gebaut" (a date before the conjunction)."""
    doc = token.doc
    if token.lower_ not in conjunctions or token.i == 0 or \
            (date := _date_after(doc, token.i + 1)) is None:
        return False
    i = _timex_end(doc, date)
    if i >= len(doc):
        return False
    before = doc[token.i - 1]
    if before.pos_ not in _VERBS:
        return not before._.in_timex and not before.is_punct and \
            _verb_since_cut(doc, token.i) and _subject_and_verb(doc, i)
    while i + 1 < len(doc) and doc[i].pos_ == "ADV":
        i += 1  # "festgenommen und am 5. Oktober wieder freigelassen"
    closing = i + 1 >= len(doc) or doc[i + 1].is_punct
    return doc[i].pos_ in _VERBS or (doc[i].pos_ in ("ADJ", "PART") and closing)


def _verb_since_cut(doc: Doc, end: int) -> bool:
    """A verb between the last punctuation (or the sentence's start) and ``end``."""
    for token in reversed(doc[doc[end].sent.start:end]):
        if token.is_punct:
            return False
        if token.pos_ in _VERBS and not token._.in_timex:
            return True
    return False


def _subject_and_verb(doc: Doc, i: int) -> bool:
    """A subject of a few words and then its verb from ``i``, after a date that opens a
    clause after a conjunction following a noun: "sono riprese le trattative e il 14 luglio
    | il presidente ha parlato", "talks resumed with the unions and on July 14 | the
    president spoke" (the date went to the first clause's verb)."""
    subject = False
    for token in doc[i:i + 5]:
        if token.pos_ in _VERBS:
            return subject
        if token.pos_ not in ("DET", "ADJ", "NOUN", "PROPN", "PRON") or token._.in_timex:
            return False
        subject = subject or token.pos_ in ("NOUN", "PROPN", "PRON")
    return False


def _gapped(segment: list[int], before: list[int], doc: Doc, conjunctions: set[str],
            parallel: bool) -> bool:
    """A comma (or a conjunction after such a part), a date and the rest of a clause whose
    verb the clause before it gives: "Am 4. August siegten sie bei Weißenburg, | zwei
    Tage danach bei Wörth", "fiel Minsk, | am 24. Februar Schitomir | und am 3. März
    Kiew", and where the language's word order allows (``parallel``: German marks a new
    subject by its case, English "to include Greece in 1952, | Germany in 1955" is an
    object) the date also after words of its own: "Der erste Kurs startet nach Ostern, |
    der zweite im Herbst". Only where that clause has a verb and a date of its own, and
    this part no verb at all."""
    words = [i for i in segment if not doc[i].is_punct and not doc[i].is_space and
             doc[i].lower_ not in conjunctions]
    opening = doc[segment[0]] if segment else None
    if opening is None or (opening.text != "," and opening.lower_ not in conjunctions) or \
            not words or _has_verb(segment, doc) or not _has_verb(before, doc) or \
            not any(doc[i]._.in_timex for i in before):
        return False
    first = next((i for i in words if doc[i].pos_ not in ("ADP", "DET")), None)
    if first is not None and doc[first]._.in_timex:
        # not a date's own comma: "am 8. Mai 1945, 23:01 Uhr"; not a date alone, which
        # adds when to the clause before: "compared with $51 million, a year ago"
        return not (segment[0] > 0 and doc[segment[0] - 1]._.in_timex) and \
            any(not doc[i]._.in_timex for i in words)
    return parallel and _parallel(before, words, doc)


def _parallel(before: list[int], words: list[int], doc: Doc) -> bool:
    """A part whose date closes it after a few words of its own, as the date closes the
    clause before: "Der erste Kurs startet nach Ostern, | der zweite im Herbst", "Beginn
    ist um 20 Uhr, | Einlass ab 19.30 Uhr". Not after a colon (a list: "drei Medaillen:
    Silber 2011, Bronze 2013")."""
    own = [i for i in words if not doc[i]._.in_timex]
    closing = [i for i in before if not doc[i].is_punct and not doc[i].is_space]
    while closing and (doc[closing[-1]].pos_ in ("VERB", "AUX", "PART") or
                       doc[closing[-1]].tag_ == "PTKVZ"):
        closing.pop()  # "fängt nach Ostern an", "wird nach Ostern beginnen"
    return 0 < len(own) <= 4 and doc[words[-1]]._.in_timex and bool(closing) and \
        doc[closing[-1]]._.in_timex and not any(doc[i].text == ":" for i in before) and \
        any(doc[i].pos_ in ("NOUN", "PROPN", "ADJ", "NUM", "PRON") for i in own)


def _next_gap(token: Token, segment: list[int], conjunctions: set[str]) -> bool:
    """A conjunction and a date after a verbless part that a comma and a date opened:
    "fiel Minsk, am 24. Februar Schitomir | und am 3. März Kiew" (a candidate cut;
    :func:`_gapped` decides)."""
    doc = token.doc
    if token.lower_ not in conjunctions or not segment or doc[segment[0]].text != "," or \
            _has_verb(segment, doc) or not any(doc[i]._.in_timex for i in segment) or \
            not any(not doc[i]._.in_timex and not doc[i].is_punct and
                    doc[i].pos_ not in ("ADP", "DET") for i in segment):
        return False  # ", 1995 and 1997": dates alone are a list
    return _date_after(doc, token.i + 1) is not None


def _date_after(doc: Doc, i: int) -> int | None:
    """Where the date starts that opens what follows ``i``, after its preposition and
    article ("und im März 2023"); None if no date does."""
    while i < len(doc) and doc[i].pos_ in ("ADP", "DET") and not doc[i]._.in_timex:
        i += 1
    return i if i < len(doc) and doc[i]._.in_timex else None


def _timex_end(doc: Doc, start: int) -> int:
    end = start
    while end < len(doc) and doc[end]._.in_timex:
        end += 1
    return end


def glued(token: Token) -> bool:
    """A hyphen or dash inside a word, no space on either side: "four-month", "10-18 Uhr"
    (the tokenizer splits them), no pause between clauses."""
    return token.text in ("-", "–", "—") and token.i > 0 and \
        not token.doc[token.i - 1].whitespace_ and not token.whitespace_


def hyphened(span: Span) -> bool:
    """Is ``span`` a hyphenated compound ("ten-year", "16-hour", "third-quarter")? It is an
    adjective: the word after it is its noun, whatever the tagger says."""
    return any(token.text == "-" and not token.doc[token.i - 1].whitespace_
               and not token.whitespace_ for token in span[1:])


def compound_participle(token: Token) -> bool:
    """A participle glued to the word before it by a hyphen, an adjective: "the
    Minneapolis-based maker", "state-owned" (TreeTagger: VVN). No happening."""
    return token.pos_ == "VERB" and token.i > 1 and glued(token.doc[token.i - 1])


def region_comma(token: Token) -> bool:
    """A comma around a place's region inside a noun phrase that goes on after it:
    "a Birmingham, Ala., abortion clinic" (not "police in Dallas, Texas, arrested")."""
    doc, i = token.doc, token.i
    if token.text != "," or i < 2 or i + 1 >= len(doc):
        return False

    def at(j: int, *pos: str) -> bool:
        return 0 <= j < len(doc) and doc[j].pos_ in pos

    first = at(i - 1, "PROPN") and at(i + 1, "PROPN") and i + 2 < len(doc) and \
        doc[i + 2].text == "," and at(i + 3, "ADJ", "NOUN")
    second = at(i - 1, "PROPN") and doc[i - 2].text == "," and at(i - 3, "PROPN") and \
        at(i + 1, "ADJ", "NOUN")
    return first or second


def clauses(sentence: Span, lex: Lexicon) -> list[Span]:
    """The clauses of ``sentence``, in order, covering all its tokens."""
    doc = sentence.doc
    conjunctions = set(lex.words("clause_conjunctions"))
    segments: list[list[int]] = [[]]
    dated: set[int] = set()  # segments that are dated conjuncts: clauses without a finite verb
    for token in sentence:
        conjunct = _dated_conjunct(token, conjunctions)
        if (token.text in _CUTS and not region_comma(token) and not glued(token)) or conjunct or \
                _joins_clauses(token, conjunctions) or \
                _next_gap(token, segments[-1], conjunctions):
            if segments[-1]:
                segments.append([])
            if conjunct:
                dated.add(len(segments) - 1)
            segments[-1].append(token.i)  # the cut opens the next segment
            continue
        segments[-1].append(token.i)
    finite = frozenset(lex.words("finite_verb_tags"))
    prepositions = frozenset(lex.words("conjunctions_also_prepositions"))
    comments = frozenset(lex.words("comment_openers"))
    merged: list[list[int]] = []
    aside = False  # the segment before was a speaker's aside: this one goes on around it
    gapping = False  # the parts so far after the first clause all lack a verb of their own
    parallel = bool(lex.data.get("gapped_subjects"))
    opening: list[int] = []  # a verbless part after a semicolon, which opens the next part
    for number, segment in enumerate(segments):
        segment = opening + segment
        opening = []
        if merged and (aside or _interrupts(merged[-1], segment, segments[number + 1:], doc,
                                            finite, lex)):
            merged[-1].extend(segment)
            aside = not aside
            continue
        gapped = (len(merged) == 1 or gapping) and \
            _gapped(segment, merged[0], doc, conjunctions, parallel)
        own = number in dated or _is_clause(segment, doc, finite, prepositions, comments) or \
            gapped
        if not own and doc[segment[0]].text == ";" and number + 1 < len(segments) and \
                not _has_verb(segment, doc):
            # "...; since then, the stock has dropped": a semicolon joins two clauses
            opening = segment
            continue
        if merged and not (own and (_has_verb(merged[-1], doc) or gapping)):
            merged[-1].extend(segment)
        else:
            merged.append(list(segment))
        gapping = gapped
    # a verbless first segment was kept alone above; join it to its neighbour
    if len(merged) > 1 and not _has_verb(merged[0], doc):
        merged[1] = merged[0] + merged[1]
        merged.pop(0)
    return [doc[seg[0]:seg[-1] + 1] for seg in merged if seg]


def clause_of(sentence: Span, token_index: int, lex: Lexicon) -> Span:
    for clause in clauses(sentence, lex):
        if clause.start <= token_index < clause.end:
            return clause
    return sentence


def scene_clause(sentence: Span, timex: Span, clause: Span, lex: Lexicon) -> Span | None:
    """The clause a date sets the scene for: "Es ist kurz nach Mitternacht, als der
    Vorsitzende den Saal verlässt", "It was shortly after 1 a.m. when the plane landed",
    "Es war ein kalter Morgen im Jänner 1945, als ...". The date's own clause says only
    when (an expletive and a copula, ``time_settings`` in the language file; adverbs,
    adjectives, prepositions, articles, other dates), the happening is in the clause its
    "als", "when" opens; the title was "Es". None when the date's clause says more or no
    such clause follows."""
    setting = lex.data.get("time_settings")
    doc = sentence.doc
    if not setting or not clause.start <= timex.start:
        return None

    def says_when(token: Token) -> bool:
        return token.lower_ in setting["expletives"] or token.is_punct or \
            token._.in_timex or token.pos_ in ("ADV", "ADP", "DET", "ADJ")

    copula = False
    for token in doc[clause.start:timex.start]:
        if token.lemma_.lower() in setting["copulas"] and token.pos_ in ("AUX", "VERB"):
            copula = True
        elif not says_when(token):
            return None
    opener = next((t for t in doc[timex.end:sentence.end]
                   if t.lower_ in setting["subordinators"] or not says_when(t)), None)
    if not copula or opener is None or opener.lower_ not in setting["subordinators"]:
        return None
    told = clause_of(sentence, opener.i, lex)
    return trimmed(doc[opener.i:told.end])


def stray(token: Token) -> bool:
    """Punctuation a clause or title may lose at its ends; not a figure's "%" ("rose
    5%"), which spaCy counts as punctuation."""
    return token.is_punct and token.text not in ("%", "‰")


def trimmed(span: Span, punctuation: bool = True) -> Span:
    """``span`` without leading/trailing whitespace (and punctuation)."""
    start, end = span.start, span.end
    doc = span.doc

    def strip(token: Token) -> bool:
        return token.is_space or (punctuation and stray(token))

    while start < end and strip(doc[start]):
        start += 1
    while end > start and strip(doc[end - 1]):
        end -= 1
    return doc[start:end] if end > start else span
