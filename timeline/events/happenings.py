"""Other happenings an expression dates besides its trigger, scored by learnt weights.

"NATO embraced three former rivals on Friday, formally ending the Soviet
domination ... and opening a new path": Friday dates all three verbs, and a
timeline that keeps one loses the other two. Without a parser, every verb,
adjective and noun of the sentence within 30 tokens of the expression is a
candidate, described by what a tagger tells: its part of speech and tag, how far
it is from the expression, the punctuation, verbs, conjunctions and
subordinators in between, where the trigger stands, and the candidate's part of
speech paired with the trigger's (a second verb beside a verb trigger is
often dated with it, an auxiliary beside one seldom; held out on AQUAINT's two
folds the pair added 0.2 and 0.8 points of precision, 0 and 1.1 of recall).
A logistic model over these cues decides. Its
weights are learnt from gold TLINKs by ``tools/happening_weights.py`` and kept
in the language file (``happening_weights``); a language without them gets no other
happenings, because cues learnt on one tag set mean nothing in another.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

from spacy.tokens import Span, Token

from timeline.events.clauses import clauses
from timeline.events.triggers import Found, is_event_noun
from timeline.tagging.lexicon import Lexicon, lexicon

CANDIDATE_POS = frozenset({"VERB", "AUX", "NOUN", "ADJ"})
REACH = 30  # tokens either side of the expression


@dataclass(frozen=True)
class Model:
    """Logistic weights per cue and the probability a happening needs to be kept."""

    weights: dict[str, float]
    threshold: float

    def probability(self, cues: list[str]) -> float:
        score = sum(self.weights.get(cue, 0.0) for cue in cues)
        return 1 / (1 + math.exp(-score))


@functools.cache
def _model(language: str) -> Model | None:
    data = lexicon(language).data.get("happening_weights")
    if not data:
        return None
    return Model(weights=dict(data["weights"]), threshold=float(data["threshold"]))


@dataclass(frozen=True)
class Candidate:
    token: Token
    cues: list[str]


class _Between:
    """Counts over the tokens between two positions of a sentence."""

    def __init__(self, tokens: Span, subordinator_tags: frozenset[str]) -> None:
        self.punct = sum(t.is_punct for t in tokens)
        self.verbs = sum(t.pos_ == "VERB" for t in tokens)
        self.conjunctions = sum(t.pos_ == "CCONJ" for t in tokens)
        self.subordinators = sum(t.pos_ == "SCONJ" or t.tag_ in subordinator_tags for t in tokens)


def _count(name: str, value: int, top: int) -> str:
    return f"{name}={value}" if value < top else f"{name}>={top}"


def candidates(timex: Span, found: Found | None, lex: Lexicon) -> list[Candidate]:
    """Every word near the expression in its sentence that could name another
    happening, with its cues."""
    doc, whole = timex.doc, timex.sent
    # gold links few further away (4 of 319 on AQUAINT); a sentence of any length costs
    # the same
    sentence = doc[max(whole.start, timex.start - REACH):min(whole.end, timex.end + REACH)]
    clause_of = {t.i: n for n, c in enumerate(clauses(sentence, lex)) for t in c}
    reporting = frozenset(lex.words("reporting_verbs"))
    subordinators = frozenset(lex.words("subordinator_tags"))
    own = {t.i for t in found.tokens} if found else set()
    trigger = found.tokens[0] if found else None
    words = [t for t in sentence if t.pos_ in CANDIDATE_POS and t._.timex is None
             and t.i not in own and not timex.start <= t.i < timex.end]
    nearness: dict[int, int] = {}  # rank by distance among words of its kind and side
    for pos in CANDIDATE_POS:
        for before in (True, False):
            same = [t for t in words if t.pos_ == pos and (t.i < timex.start) == before]
            for rank, t in enumerate(sorted(same, key=lambda t: abs(t.i - timex.start))):
                nearness[t.i] = rank
    found_cues = [f"trigger_how={found.how if found else None}"]
    if trigger is not None and trigger.lemma_.lower() in reporting:
        found_cues.append("trigger_reporting")
    result = []
    for token in words:
        before = token.i < timex.start
        apart = timex.start - token.i if before else token.i - timex.end + 1
        between = _Between(doc[token.i + 1:timex.start] if before else doc[timex.end:token.i],
                           subordinators)
        previous = doc[token.i - 1] if token.i > whole.start else None
        cues = ["bias", f"pos={token.pos_}", f"tag={token.tag_[:3]}",
                f"side={'L' if before else 'R'}", *found_cues,
                _count("punct", between.punct, 2), _count("verbs", between.verbs, 2),
                _count("clauses_apart", abs(clause_of.get(token.i, 0) -
                                            clause_of.get(timex.start, 0)), 2),
                f"prev_tag={previous.tag_ if previous is not None else '^'}",
                f"pos_pair={token.pos_}/{trigger.pos_ if trigger is not None else None}"]
        cues += [f"near<={n}" for n in (2, 5, 10) if apart <= n] + (["far"] if apart > 15 else [])
        if nearness[token.i] < 2:
            cues.append(f"nearest={nearness[token.i]}")
        if is_event_noun(token, lex):
            cues.append("event_noun")
        if token.lemma_.lower() in reporting:
            cues.append("reporting")
        if between.subordinators:
            cues.append("subordinator_between")
        if between.conjunctions:
            cues.append("conjunction_between")
        if previous is not None and (previous.pos_ == "SCONJ" or previous.tag_ in subordinators):
            cues.append("after_subordinator")
        if trigger is not None:
            low, high = sorted((token.i, trigger.i))
            to_trigger = _Between(doc[low + 1:high], subordinators)
            side = ("L" if token.i < trigger.i else "R") + ("L" if before else "R")
            cues += [f"trigger_side={side}",
                     _count("trigger_punct", to_trigger.punct, 1),
                     _count("trigger_verbs", to_trigger.verbs, 1)]
            cues += [f"trigger_near<={n}" for n in (3, 8) if high - low <= n]
            if to_trigger.conjunctions:
                cues.append("trigger_conjunction")
            if to_trigger.subordinators:
                cues.append("trigger_subordinator")
        result.append(Candidate(token, cues))
    return result


def other_happenings(timex: Span, found: Found | None, lex: Lexicon) -> list[Found]:
    """The other happenings ``timex`` dates, most likely first; none without weights."""
    model = _model(lex.language)
    if model is None:
        return []
    scored = [(model.probability(c.cues), c.token) for c in candidates(timex, found, lex)]
    kept = sorted(((p, t) for p, t in scored if p >= model.threshold),
                  key=lambda item: (-item[0], item[1].i))
    return [Found((t,), "OTHER", (t.lemma_,)) for _, t in kept]
