"""HeidelTime's rules run only where they could match: sound, and the output unchanged."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.io.annotated import read_corpus
from timeline.tagging.heideltime import PREFILTER_JAR, HeidelTimeTagger, TaggedText
from timeline.tagging.nlp import shared_analyzer
from timeline.tagging.prefilter import Shortcut, fold, leading, needed, shortcuts

ROOT = Path(__file__).parent.parent
DATA = Path(__file__).parent / "data"
SEED = ROOT / "seeds" / "stoltenberg-kiew.txt"
# every document in the development data, as HeidelTime is asked to tag it
CORPORA = [("wikiwarsde-dev", "de", "narrative"), ("krauts-dol100", "de", "news"),
           ("aquaint-en", "en", "news")]
# the languages without development data: a few sentences of dates each
SAMPLES = {
    "fr": "Le 3 mars 2021, le conseil s'est réuni. Hier, lundi, il pleuvait; l'an dernier "
          "aussi. Depuis deux ans, chaque mardi à 10 heures, au printemps 1999. Il y a deux "
          "ans, au premier trimestre, ce 24 novembre.",
    "es": "El 3 de marzo de 2021 se reunió el consejo. Ayer, lunes, llovió; el año pasado "
          "también. Desde hace dos años, cada martes a las 10, en la primavera de 1999.",
    "it": "Il 3 marzo 2021 il consiglio si è riunito. Ieri, lunedì, pioveva; l'anno scorso "
          "anche. Da due anni, ogni martedì alle 10, nella primavera del 1999. Nel primo "
          "trimestre dell'anno scorso è cresciuto. Venerdì una bomba, martedì 3 marzo.",
    "nl": "Op 3 maart 2021 kwam de raad bijeen. Gisteren, maandag, regende het; vorig jaar "
          "ook. Sinds twee jaar, elke dinsdag om 10 uur, in het voorjaar van 1999. Eind "
          "maandag, om twaalf uur, na eenenvijftig uur. Midden '77, op 24 november 2011 15:35. "
          "Deze week, volgende mei, datzelfde jaar.",
    "pt": "Em 3 de março de 2021 o conselho reuniu-se. Ontem, segunda-feira, choveu; no ano "
          "passado também. Há dois anos, todas as terças às 10 horas, na primavera de 1999.",
}


def test_literal_runs_and_classes_are_multiplied_out() -> None:
    assert needed("[Mm]ontag") == {"montag"}
    assert needed(r"(\d\d)\.[\s]?([Jj]anuar|[Ff]ebruar)") == {"januar", "februar"}
    assert needed("(Anfang|Ende) des Jahres") == {"anfang des jahres", "ende des jahres"}


def test_what_cannot_be_relied_on_counts_as_anything() -> None:
    assert needed(r"[^a]+") is None
    assert needed(r"(a|\w)") is None
    assert needed(r"(jahr)?") is None
    assert needed(r"\p{L}+") is None


def test_a_rule_sets_shortcuts_are_kept_and_a_torn_cache_is_derived_again(
        tmp_path: Path) -> None:
    patterns = ["[Mm]ontag", r"[^a]+", "(Anfang|Ende) des Jahres", r"(jahr)?"]
    expected = {
        "[Mm]ontag": Shortcut(["montag"], r"(?=[\x{4d}\x{6d}][\x{4f}\x{6f}][\x{4e}\x{6e}])"),
        "(Anfang|Ende) des Jahres": Shortcut(["anfang des jahres", "ende des jahres"],
                                             r"(?=[\x{41}\x{45}\x{61}\x{65}][\x{4e}\x{6e}]"
                                             r"[\x{44}\x{46}\x{64}\x{66}])"),
    }
    assert shortcuts(patterns, tmp_path) == expected
    [kept] = tmp_path.glob("prefilter-*.json")
    kept.write_text('{"[Mm]ontag": {"needs": ["mon', encoding="utf-8")  # a write cut short
    assert shortcuts(patterns, tmp_path) == expected
    assert shortcuts(patterns[:1], tmp_path) == {"[Mm]ontag": expected["[Mm]ontag"]}
    assert len(list(tmp_path.glob("prefilter-*.json"))) == 2  # other rules, other key


def test_the_leading_characters_are_known_as_far_as_every_match_has_them() -> None:
    assert leading("[Mm]ontag") == [frozenset("Mm"), frozenset("Oo"), frozenset("Nn")]
    assert leading(r"(?<!a)b+c") == [frozenset("Bb"), frozenset("BbCc")]  # "bc" may end it
    assert leading(r"(\d\d)\.") == [frozenset("0123456789")] * 2 + [frozenset(".")]
    # a character Java folds to k may stand where the rule has k: kept, never dropped
    assert leading("[Kk]w")[0] == frozenset("Kk\u212a")
    assert leading("(jahr)?") == []  # may match the empty string
    assert leading(r"\w+jahr") == []  # anything first
    assert leading(r"(a)\1") == []  # a back-reference: not modelled
    assert leading("(?i)abc") == []


def test_java_only_syntax_is_read_soundly() -> None:
    space = r"[\u2000-\u200A[\s]+\u202F\u205F\u3000\u00A0\u1680\u180E]+"
    assert needed(f"[Jj]ahr{space}(\\d\\d\\d\\d)") == {"jahr"}
    assert needed("[a-z&&[^b]]x") == {"x"}


def test_the_committed_jar_is_built_from_the_committed_source() -> None:
    """After changing java-src/src, run java-src/build.sh (it needs javac) and commit the jar."""
    sources = sorted((ROOT / "java-src" / "src").rglob("*.java"), key=lambda p: str(p).encode())
    digest = hashlib.sha256(b"".join(p.read_bytes() for p in sources)).hexdigest()
    assert (PREFILTER_JAR.parent / "timeline-heideltime.source.sha256").read_text().strip() \
        == digest
    with zipfile.ZipFile(PREFILTER_JAR) as jar:
        assert "timeline/heideltime/PrefilteredHeidelTime.class" in jar.namelist()


ATOMS = st.sampled_from(["a", "b", "A", "ab", "c", "[aA]", "[bc]", "[0-9]", r"\d", ".",
                         r"\s", "[^a]", r"\b", "(?<!a)", "(?=b)", "ä", "Ä"])


@st.composite
def patterns(draw: st.DrawFn, depth: int = 0) -> str:
    """Regular expressions of the constructs HeidelTime's rules use."""
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["atom", "atom", "group", "alt"] if depth < 2 else ["atom"]))
        if kind == "atom":
            part = draw(ATOMS)
        elif kind == "group":
            part = f"({draw(patterns(depth + 1))})"
        else:
            part = f"({draw(patterns(depth + 1))}|{draw(patterns(depth + 1))})"
        # repeated groups only optional: nested repeats would backtrack for ages in `re`
        repeats = ["", "", "?", "*", "+", "{1,2}", "{2}"] if kind == "atom" else ["", "?"]
        parts.append(part + draw(st.sampled_from(repeats)))
    return "".join(parts)


@settings(max_examples=400, deadline=None)
@given(pattern=patterns(), text=st.text(alphabet="abcAäÄ0 1.", max_size=20))
def test_a_sentence_a_rule_matches_always_holds_a_needed_string(pattern: str,
                                                               text: str) -> None:
    strings = needed(pattern)
    if strings is not None and re.search(pattern, text):
        folded = "".join(fold(c) for c in text)
        assert any(s in folded for s in strings), (pattern, text, strings)


@settings(max_examples=400, deadline=None)
@given(pattern=patterns(), text=st.text(alphabet="abcAäÄ0 1.", max_size=20))
def test_a_rule_matches_only_where_its_leading_characters_stand(pattern: str,
                                                                text: str) -> None:
    classes = leading(pattern)  # none when the pattern is not valid, too
    compiled = re.compile(pattern) if classes else None
    for start in range(len(text) + 1 if compiled else 0):
        if compiled and compiled.match(text, start):  # the text before still seen by look-behinds
            assert all(start + i < len(text) and text[start + i] in chars
                       for i, chars in enumerate(classes)), (pattern, text, start, classes)


def _documents() -> list[tuple[str, str, str, str, date | None]]:
    """(id, text, language, document type, DCT) of the seed and every development document."""
    found = [("seed", SEED.read_text(encoding="utf-8"), "de", "news", date(2024, 4, 29))]
    found.extend((language, text, language, "news", date(2024, 4, 29))
                 for language, text in SAMPLES.items())
    for folder, language, doc_type in CORPORA:
        found.extend((f"{folder}/{d.id}", d.text, language, doc_type, d.dct)
                     for d in read_corpus(DATA / folder))
    return found


def _raw(tagged: TaggedText) -> list[list[object]]:
    return [[t.start, t.end, t.type, t.value, t.mod, t.quant, t.freq, t.rule]
            for t in tagged.timexes] + [[r.start, r.end, r.begin_tid, r.end_tid]
                                        for r in tagged.intervals]


def tag_all(prefilter: bool) -> dict[str, list[list[object]]]:
    """HeidelTime's own output for every document; one setting per process (the rules,
    and so their fast checks, are shared by a process)."""
    tagger, analyze = HeidelTimeTagger(prefilter=prefilter), shared_analyzer()
    return {doc_id: _raw(tagger.tag(analyze(text, language), language, doc_type, dct, doc_id))
            for doc_id, text, language, doc_type, dct in _documents()}


def test_heideltime_finds_exactly_the_same_with_the_prefilter(tmp_path: Path) -> None:
    stock_path = tmp_path / "stock.json"
    code = ("import json, sys; from tests.test_prefilter import tag_all; "
            f"open({str(stock_path)!r}, 'w').write(json.dumps(tag_all(False)))")
    stock_run = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT)  # meanwhile, ours
    ours = json.loads(json.dumps(tag_all(True)))
    assert stock_run.wait(timeout=900) == 0
    stock = json.loads(stock_path.read_text(encoding="utf-8"))
    assert len(ours) == 1 + len(SAMPLES) + 11 + 100 + 73
    assert all(stock[language] for language in SAMPLES)
    assert sum(map(len, stock.values())) > 2000  # expressions and ranges
    different = [doc_id for doc_id in stock if stock[doc_id] != ours[doc_id]]
    assert not different, different
