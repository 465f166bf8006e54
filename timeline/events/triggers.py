"""What a time expression dates: the event noun it modifies, or the clause's verb.

"seit Beginn des russischen Angriffskriegs im Februar 2022" -> "Beginn ...
Angriffskrieg"; "am Montag bei einem Überraschungsbesuch" ->
"Überraschungsbesuch"; "the 2008 agreement" -> "agreement"; otherwise the main verb of the clause, preferring a
full verb to an auxiliary and anything to a reporting verb ("sagte") but a reporting
participle to its auxiliary ("hat ... gesagt"). Noun
phrases next to the expression are found with spaCy ``Matcher`` patterns over
universal POS tags; event nouns and reporting verbs come from the language file.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.matcher import Matcher
from spacy.tokens import Span, Token

from timeline.events.clauses import compound_participle, hyphened
from timeline.model import TextSpan, Trigger
from timeline.tagging.lexicon import Lexicon, lexicon
from timeline.tagging.nlp import adverbial_date, dated_participle, pipeline

_MODIFIER = {"POS": {"IN": ["ADJ", "NUM", "X", "CCONJ"]}, "OP": "*"}
_NOUN = {"POS": {"IN": ["NOUN", "PROPN"]}, "_": {"in_timex": False}}


def _patterns(lex: Lexicon) -> dict[str, list[list[dict[str, object]]]]:
    genitive = {"LOWER": {"IN": lex.words("genitive_markers") or ["\0"]}}
    possessive = {"LOWER": {"IN": lex.words("possessive_markers") or ["\0"]}, "OP": "?"}
    sequence = lex.words("sequence_prepositions")
    return {
        # noun + genitive noun right before the expression: "Beginn des ... Angriffskriegs im"
        "GENITIVE": [[_NOUN, genitive, _MODIFIER, _NOUN, {"POS": "ADP", "OP": "?"},
                      {"POS": "DET", "OP": "?"}, {"_": {"timex_start": True}}]],
        # noun right before: "NATO-Beschluss aus dem Jahr 2008"
        "BEFORE": [[_NOUN, {"POS": "ADP", "OP": "?"}, {"POS": "DET", "OP": "?"},
                    {"_": {"timex_start": True}}]],
        # noun right after: "am Montag bei einem Überraschungsbesuch"; not after a
        # preposition that orders two happenings ("in November after the vote")
        "AFTER": [[{"_": {"timex_end": True}}, {"POS": "ADP", "LOWER": {"NOT_IN": sequence}},
                   {"POS": "DET", "OP": "?"},
                   {"POS": "ADJ", "OP": "*"}, _NOUN]],
        # the date modifies the noun that follows it, the head of a compound:
        # "the 2008 agreement", "Wednesday's ruling", "the Oct. 23 sniper shooting"
        "MODIFIES": [[{"_": {"timex_end": True}}, possessive,
                      {"POS": {"IN": ["ADJ", "NOUN"]}, "OP": "*"}, _NOUN]],
    }


@functools.cache
def _matcher(language: str) -> Matcher:
    matcher = Matcher(pipeline(language).vocab)
    for label, patterns in _patterns(lexicon(language)).items():
        matcher.add(label, patterns)  # type: ignore[arg-type]
    return matcher


@dataclass(frozen=True)
class Found:
    """A trigger and how it was found: GENITIVE, BEFORE, AFTER, MODIFIES, ATTRIBUTE or
    VERB."""

    tokens: tuple[Token, ...]
    how: str
    lemmas: tuple[str, ...]

    def model(self) -> Trigger:
        parts = [TextSpan(start=t.idx, end=t.idx + len(t)) for t in self.tokens]
        return Trigger(
            text=" ... ".join(t.text for t in self.tokens),
            lemma=" ... ".join(self.lemmas),
            start=parts[0].start, end=parts[-1].end, parts=parts,
        )


@functools.cache
def _event_nouns(language: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """Endings of event nouns written by hand ("besuch" in "Überraschungsbesuch"), and
    whole nouns learnt from gold (tools/event_nouns.py): read once, asked per candidate."""
    lex = lexicon(language)
    return tuple(lex.words("event_nouns")), frozenset(lex.words("event_nouns_from_gold"))


def _event_lemma(token: Token, lex: Lexicon) -> str | None:
    """The event noun's lemma; an unknown genitive ("Angriffskriegs") loses its -s."""
    if token.pos_ != "NOUN":
        return None
    lemma = token.lemma_ or token.text
    nouns, learned = _event_nouns(lex.language)
    for candidate in (lemma, lemma[:-1] if lemma.endswith("s") else None,
                      lemma[:-2] if lemma.endswith("es") else None):
        word = (candidate or "").lower().split("-")[-1]
        if word and (word in learned or any(word.endswith(n) for n in nouns)):
            return candidate
    return None


def is_event_noun(token: Token, lex: Lexicon) -> bool:
    return _event_lemma(token, lex) is not None


def find_trigger(timex: Span, clause: Span, language: str) -> Found | None:
    """The trigger of the event ``timex`` dates, within ``clause``."""
    lex = lexicon(language)
    doc = timex.doc
    window = doc[max(clause.start, timex.start - 8):min(clause.end, timex.end + 8)]
    candidates: dict[str, list[Span]] = {}
    # allow_missing: the tags are set; checking would scan the whole Doc per event
    for match_id, start, end in _matcher(language)(window, allow_missing=True):
        start, end = start + window.start, end + window.start
        if end > window.end:
            continue
        label = doc.vocab.strings[match_id]
        span = doc[start:end]
        after = label in ("AFTER", "MODIFIES")
        touches = (after and start == timex.end - 1) or (not after and end - 1 == timex.start)
        if touches:
            candidates.setdefault(label, []).append(span)
    for span in candidates.get("GENITIVE", []):
        head = span[0]
        dependent = [t for t in span if t.pos_ in ("NOUN", "PROPN") and not t._.in_timex][-1]
        if is_event_noun(head, lex):
            tokens = (head, dependent) if is_event_noun(dependent, lex) else (head,)
            return Found(tokens, "GENITIVE", tuple(_event_lemma(t, lex) or t.lemma_
                                                     for t in tokens))
    if (attribute := _attribute(timex, clause, lex)) is not None:
        return attribute
    # a noun right after an adverbial date is not what it modifies ("In July talks
    # resumed"); "Wednesday's ruling", "im Frühjahr 1943 bevorstehender Zusammenbruch" are
    adverbial = adverbial_date(timex, frozenset(lex.data.get("units", {})))
    for label in ("MODIFIES", "BEFORE", "AFTER"):
        for span in sorted(candidates.get(label, []), key=len):
            if label == "MODIFIES" and adverbial and len(span) == 2:
                continue
            nouns = [t for t in span if t.pos_ in ("NOUN", "PROPN") and t._.timex is None]
            noun = nouns[0] if label == "BEFORE" else nouns[-1]
            if lemma := _event_lemma(noun, lex):
                return Found((noun,), label, (lemma,))
    return _verb(timex, clause, lex)


def _attribute(timex: Span, clause: Span, lex: Lexicon) -> Found | None:
    """A past participle right after the expression, before its noun, is what it dates:
    "die 2019 eröffnete Brücke", "der im März gewählte Bürgermeister" (the clause's verb,
    "wurde gesperrt", is another happening; :func:`dated_participle`). An event noun
    after it is the happening itself: "die für Mai geplante Eröffnung"."""
    participle = dated_participle(timex, frozenset(lex.words("attribute_tags")))
    if participle is None or participle.i >= clause.end:
        return None
    noun = next(t for t in timex.doc[participle.i + 1:] if t.pos_ == "NOUN")
    if lemma := _event_lemma(noun, lex):
        return Found((noun,), "MODIFIES", (lemma,))
    return Found((participle,), "ATTRIBUTE", (participle.lemma_,))


def _verb(timex: Span, clause: Span, lex: Lexicon) -> Found | None:
    """The clause's verb the expression dates: the verb right before it ("said
    Friday", "sagte am Montag"); else one outside a clause of its own that opens after
    the expression, a full verb over an auxiliary, anything over a reporting verb but its
    own auxiliary ("hatte einen Verlust geschrieben": "schreiben" reports too), the
    nearest of equals."""
    reporting = set(lex.words("reporting_verbs"))
    doc = timex.doc
    if (verb := _verb_before(timex, clause)) is not None:
        return Found((verb,), "VERB", (verb.lemma_,))

    # not the "ending" of "the quarter ending June 30", nor "based" of "Minneapolis-based"
    verbs = [t for t in clause if t.pos_ in ("VERB", "AUX") and t._.timex is None
             and not timex.start <= t.i < timex.end and not compound_participle(t)]
    if not verbs:
        return None
    participles = frozenset(lex.words("past_participle_tags"))
    auxiliary = any(t.pos_ == "AUX" for t in verbs)
    dependent = _dependent_from(timex, clause, lex)
    if not any(t.i < dependent and (t.pos_ == "VERB" or _main_auxiliary(t, timex, clause,
                                                                       participles))
               for t in verbs):
        dependent = clause.end  # "it was not until Tuesday that Castro revealed"
    opened = _opened_before(timex, clause, lex)

    def elsewhere(token: Token) -> bool:
        """Is ``token`` outside the expression's clause?"""
        return token.i >= dependent or (
            opened is not None and not opened < token.i < timex.start)

    def rank(token: Token) -> tuple[bool, float, bool, int]:
        kind = 0.0 if token.pos_ == "VERB" else 1.0
        if token.lemma_.lower() in reporting:
            # below any other full verb; above its own auxiliary ("hat ... gesagt")
            kind += 0.5 if token.tag_ in participles and auxiliary else 2
        low, high = sorted((token.i, timex.start))
        apart = any(t.is_punct for t in doc[low:high])
        return elsewhere(token), kind, apart, abs(token.i - timex.start)

    verb = min(verbs, key=rank)
    return Found((verb,), "VERB", (verb.lemma_,))


def _main_auxiliary(token: Token, timex: Span, clause: Span,
                    participles: frozenset[str]) -> bool:
    """An auxiliary before the expression with its object, and no verb, between, and no
    participle of its own later in the clause: a main verb ("which had revenue of about
    $540 million last year, and to use ...": "had", not "use", which a to-infinitive after
    the expression opens; not "is now sought", nor "Dafür wurden nach schweren Kämpfen
    ... am 6. September genommen")."""
    doc = token.doc
    between = doc[token.i + 1:timex.start]
    return token.pos_ == "AUX" and token.i < timex.start and \
        any(t.pos_ in ("NOUN", "PROPN") for t in between) and \
        not any(t.pos_ in ("VERB", "AUX") for t in between) and \
        not any(t.tag_ in participles for t in doc[timex.end:clause.end])


def _verb_before(timex: Span, clause: Span) -> Token | None:
    """A full verb separated from the expression by at most an adverb and a
    preposition with its article: "said on Tuesday", "said here Friday"; not one before a
    hyphened date that modifies the noun after it ("said third-quarter net income fell":
    the subject's verb, "fell")."""
    doc = timex.doc
    if timex.end < len(doc) and doc[timex.end].pos_ in ("NOUN", "ADJ") and hyphened(timex):
        return None
    i = timex.start - 1
    for allowed in ("DET", "ADP", "ADV"):
        if i >= clause.start and doc[i].pos_ == allowed:
            i -= 1
    if i >= clause.start and doc[i].pos_ == "VERB" and doc[i]._.timex is None:
        return doc[i]
    return None


def _opened_before(timex: Span, clause: Span, lex: Lexicon) -> int | None:
    """Where a clause of its own opens before the expression whose verb stands between
    them ("The hurricane that struck Florida on Sunday has left ...": "that"): the
    expression ends that clause, not the one its verb after it belongs to, which the
    comma-less English clause cut leaves in the same span. None if no such opener."""
    verb = False
    for token in reversed(timex.doc[clause.start:timex.start]):
        if _opens_clause(token, lex):
            return token.i if verb else None
        verb = verb or token.pos_ == "VERB"
    return None


def _opens_clause(token: Token, lex: Lexicon) -> bool:
    """A subordinator or relative ("that", "when", "which"): the start of a clause of its
    own."""
    return token.pos_ == "SCONJ" or token.tag_ in lex.words("subordinator_tags") or \
        token.lower_ in lex.words("clause_openers")


def _dependent_from(timex: Span, clause: Span, lex: Lexicon) -> int:
    """Where a clause of its own starts after the expression, which the comma-less
    English clause cut leaves inside (``clause.end`` if none): a subordinator or
    relative ("warned Wednesday that they should expect"), a to-infinitive ("rallied
    Friday night to demand"), a participle with no auxiliary of its own ("filed a brief
    on Monday arguing ... cannot return"; not "after three days of questioning"), a past
    participle after a comma ("earned $45 million in the quarter ended Sept. 30, compared
    with $51 million"; "fell Monday, led by banks"). The date belongs to the verb before it."""
    doc = timex.doc
    markers = frozenset(lex.words("infinitive_markers"))
    participles = frozenset(lex.words("participle_clause_tags"))
    past = frozenset(lex.words("past_participle_tags"))
    auxiliary = False
    for token in doc[timex.end:clause.end]:
        if _opens_clause(token, lex) or token.lower_ in markers or \
                (token.tag_ in participles and not auxiliary and
                 doc[token.i - 1].pos_ not in ("ADP", "DET")) or \
                (token.tag_ in past and doc[token.i - 1].text == ","):
            return token.i
        auxiliary = auxiliary or token.pos_ == "AUX"
    return clause.end
