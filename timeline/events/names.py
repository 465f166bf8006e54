"""Named people, organisations and places, and which is which.

Names are runs of proper-noun tokens (TreeTagger's tags) outside time
expressions, plus acronyms at the front of compounds ("NATO-Beschluss"). A
trained spaCy pipeline, if installed, says what kind each is (``doc.ents``);
otherwise cues from the language file decide: a role noun before a person
("Präsident Wolodymyr Selenskyj"), a preposition or place noun before a place
("in Kiew", "Hauptstadt Kiew"), organisation words and acronyms. A kind found
for a name anywhere in the document holds for all its mentions, and a
surname takes the kind of the full name ("Stoltenberg").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from itertools import islice, pairwise

import numpy
from spacy.attrs import IS_ALPHA, ORTH, TAG
from spacy.tokens import Doc, Span

from timeline.model import Participant
from timeline.tagging.lexicon import Lexicon

_ACRONYM = re.compile(r"^[A-ZÄÖÜ]{2,}$")
_ROMAN = re.compile(r"^[IVX]{1,4}\.?$")
_ENT_KINDS = {"PER": "PER", "PERSON": "PER", "ORG": "ORG", "NORP": "ORG", "LOC": "LOC",
              "GPE": "LOC", "FAC": "LOC"}


@dataclass
class Name:
    start: int
    end: int
    text: str
    first: int  # token indices
    last: int
    votes: Counter[str]  # settled: the cues of every mention of the name
    own: Counter[str] = field(default_factory=Counter)  # this mention's cues


@dataclass
class Names:
    """A text's names and the pairs of them coordinated ("die Ukraine und Georgien"):
    what settling their kinds needs, also for a text read in pieces."""

    names: list[Name]
    pairs: list[tuple[Name, Name]]


def _ends_with_any(word: str, endings: list[str]) -> bool:
    """Does ``word`` (or it without a genitive -s/-es/-n) end with one of ``endings``?"""
    word = word.lower()
    ending = tuple(endings)
    if len(word) > 4:
        return word.endswith(ending) or word[:-1].endswith(ending) or \
            word[:-2].endswith(ending)
    return word.endswith(ending)


def find_names(doc: Doc, lex: Lexicon) -> Names:
    """Every name in the document with the kind it most likely has."""
    outside = _outside_timexes(doc)
    names = [*_proper_runs(doc, lex, outside), *_acronyms(doc, outside)]
    names.sort(key=lambda name: name.first)
    conjunctions = set(lex.words("clause_conjunctions"))
    pairs = []
    for left, right in pairwise(names):
        between = doc[left.last + 1:right.first]
        if len(between) in (1, 2) and between[0].lower_ in conjunctions:
            pairs.append((left, right))
    ents = [e for e in doc.ents if e.label_ in _ENT_KINDS]  # only with a trained pipeline
    places = {w.lower() for w in lex.words("known_locations")}
    for name in names:
        _vote(doc, lex, name, ents, places)
    found = Names(names, pairs)
    settle([found])
    return found


def _outside_timexes(doc: Doc) -> numpy.ndarray:
    """Per token: not in a time expression."""
    outside = numpy.ones(len(doc), dtype=bool)
    for span in doc.user_data.get("timex_spans", []):  # as nlp.mark_timexes left them
        outside[span.start:span.end] = False
    return outside


def _proper_runs(doc: Doc, lex: Lexicon, outside: numpy.ndarray) -> list[Name]:
    """Runs of proper-noun words outside time expressions, found in the Doc's arrays:
    a Token object per word had cost a third of the events stage."""
    if not len(doc):
        return []
    tags, alpha = doc.to_array([TAG, IS_ALPHA]).T
    proper = [doc.vocab.strings[tag] for tag in lex.proper_noun_tags]
    wanted = numpy.isin(tags, proper) & (alpha == 1) & outside
    edges = numpy.diff(numpy.r_[0, wanted.astype(numpy.int8), 0])
    names = []
    for i, j in zip(numpy.flatnonzero(edges == 1).tolist(),
                    (numpy.flatnonzero(edges == -1) - 1).tolist(), strict=True):
        first = i
        if j > i and _ends_with_any(doc[i].text, lex.words("person_cues")):
            first = i + 1  # "President Barack Obama": the title is a cue, not the name
        names.append(Name(doc[first].idx, doc[j].idx + len(doc[j]), doc[first:j + 1].text,
                          first, j, Counter()))
    return names


def _acronyms(doc: Doc, outside: numpy.ndarray) -> list[Name]:
    """Acronyms at the front of compounds ("NATO-Beschluss") outside time expressions
    (a word with a hyphen is never in a run of proper nouns: those are all letters)."""
    words = doc.to_array([ORTH])
    hyphenated = [h for h in numpy.unique(words).tolist() if "-" in doc.vocab.strings[h]]
    names = []
    for i in numpy.flatnonzero(numpy.isin(words, hyphenated)).tolist():
        token = doc[i]
        prefix = token.text.split("-")[0]
        if outside[i] and _ACRONYM.match(prefix):
            names.append(Name(token.idx, token.idx + len(prefix), prefix, i, i, Counter()))
    return names


def _vote(doc: Doc, lex: Lexicon, name: Name, ents: list[Span], places: set[str]) -> None:
    """This mention's cues; ``places`` are the known locations in lower case."""
    for ent in ents:
        if ent.start_char <= name.start < ent.end_char:
            name.own[_ENT_KINDS[ent.label_]] += 5
    before = [t for t in doc[max(0, name.first - 3):name.first] if not t.is_punct]
    previous = before[-1] if before else None
    if name.last > name.first and name.text not in lex.words("known_locations"):
        name.own["PER"] += 1  # "Jens Stoltenberg"
    if previous is not None:
        word = previous.text.split("-")[-1]
        if _ends_with_any(word, lex.words("person_cues")):
            name.own["PER"] += 3
        if _ends_with_any(word, lex.words("location_cues")):
            name.own["LOC"] += 3
        if previous.lemma_.lower() in lex.words("reporting_verbs"):
            name.own["PER"] += 2  # "sagte Stoltenberg"
    following = doc[name.last + 1] if name.last + 1 < len(doc) else None
    if following is not None and (
            following.lemma_.lower() in lex.words("person_verbs")  # "Dareios starb"
            or _ROMAN.match(following.text)):  # "Dareios I."
        name.own["PER"] += 2
    after = [t for t in doc[name.last + 1:name.last + 4] if t.pos_ not in ("PUNCT", "DET")]
    if after and after[0].pos_ == "NOUN" and doc[name.last + 1].is_punct and \
            _ends_with_any(after[0].text, lex.words("person_cues")):
        name.own["PER"] += 2  # apposition: "Artaphernes, einem Neffen des Dareios"
    if any(t.lower_ in lex.words("location_prepositions") for t in before[-2:]) and \
            not (previous is not None and previous.pos_ == "NOUN"):
        name.own["LOC"] += 2
    if name.text.lower() in places:
        name.own["LOC"] += 4
    elif _ACRONYM.match(name.text):
        name.own["ORG"] += 2
    if _ends_with_any(name.text, lex.words("organisation_cues")):
        name.own["ORG"] += 2


def settle(parts: list[Names]) -> dict[str, Counter[str]]:
    """Pool the votes of every mention of a name; surnames follow full names;
    names coordinated with a place are places; a genitive is its name. The votes by name."""
    pooled: dict[str, Counter[str]] = {}
    for name in (n for part in parts for n in part.names):
        pooled.setdefault(name.text, Counter()).update(name.own)
    for full, votes in list(pooled.items()):
        parts_of_name = full.split()
        if len(parts_of_name) > 1 and votes.most_common(1)[0][0] == "PER":
            pooled.setdefault(parts_of_name[-1], Counter())["PER"] += 3
    for text in list(pooled):  # genitive: "Stoltenbergs"
        if text.endswith("s") and pooled.get(text[:-1]):
            pooled[text].update(pooled[text[:-1]])
    for left, right in ((a.text, b.text) for part in parts for a, b in part.pairs):
        for a, b in ((left, right), (right, left)):
            if pooled[a] and pooled[a].most_common(1)[0][0] == "LOC":
                pooled[b]["LOC"] += 1
    for name in (n for part in parts for n in part.names):
        if (base := named(name.text, pooled)) != name.text:
            name.text, name.end = base, name.end - 1
        name.votes = pooled[name.text]
    return pooled


def named(text: str, pooled: dict[str, Counter[str]]) -> str:
    """The name ``text`` stands for: "Stoltenbergs Besuch" names Stoltenberg, when that
    is a name of the text (``pooled``, as :func:`settle` gives them), the genitive -s off."""
    return text[:-1] if text.endswith("s") and text[:-1] in pooled else text


def kind_of(votes: Counter[str]) -> str:
    if not votes:
        return "MISC"
    kind, count = votes.most_common(1)[0]
    return kind if count > 0 else "MISC"


def participants(names: list[Name], start: int, end: int) -> list[Participant]:
    """The names (in text order, as :func:`find_names` gives them) within characters
    ``[start, end)``, each once."""
    found: list[Participant] = []
    for name in islice(names, bisect_left(names, start, key=lambda n: n.start), None):
        if name.start >= end:
            break
        if name.end <= end and all(p.text != name.text for p in found):
            found.append(Participant(text=name.text, start=name.start, end=name.end,
                                     kind=kind_of(name.votes)))  # type: ignore[arg-type]
    return found
