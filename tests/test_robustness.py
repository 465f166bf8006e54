"""Messy inputs: characters, encodings, paths, language names and document dates.
Each case gets a clear answer, and no document costs another."""

from __future__ import annotations

import json
import logging
import shutil
import unicodedata
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.test_cli import timeline
from timeline.errors import BadInputError
from timeline.io.decoding import decode
from timeline.io.inputs import DocumentInput, read_inputs, read_text_file
from timeline.model import DocumentError, Timeline
from timeline.pipeline import Extractor, Options
from timeline.tagging.cleaning import clean, printable
from timeline.tagging.languages import normalize_language
from timeline.time.dct import parse_dct

GERMAN = Options(language="de", doc_type="narrative")


def _timexes(extractor: Extractor, text: str) -> list[tuple[str, str]]:
    result = extractor.run([DocumentInput(id="d", text=text, source="test")], GERMAN)
    assert not result.errors, result.errors
    document = result.documents[0]
    assert document.text == text  # the user's own text, not the cleaned one
    for timex in document.timexes:
        assert text[timex.start:timex.end] == timex.text
    for event in result.events:
        assert " ".join(text[event.sentence_start:event.sentence_end].split()) == event.sentence
    return [(t.text, t.value) for t in document.timexes]


@pytest.mark.parametrize(("text", "expected"), [
    ("Am 3. März 2021\x00 war Wahl. Im Jahr\x002019 nicht.",
     [("3. März 2021", "2021-03-03"), ("Jahr\x002019", "2019")]),
    ("Die Wahl war \u200f2021\u200e, im Mai\u202b 2019\u202c nicht.",
     [("2021", "2021"), ("Mai\u202b 2019", "2019-05")]),
    (unicodedata.normalize("NFD", "Am 3. März 2021 wählten die Bürger in Köln."),
     [(unicodedata.normalize("NFD", "3. März 2021"), "2021-03-03")]),
    ("Ende Mär\u00adz 2022 kam es.", [("Ende Mär\u00adz 2022", "2022-03")]),
    ("Am 4. Mai 2020 \x1b[31mrot\x1b[0m war es.", [("4. Mai 2020", "2020-05-04")]),
])
def test_hidden_characters_and_decomposed_letters_lose_no_date(
        extractor: Extractor, text: str, expected: list[tuple[str, str]]) -> None:
    assert _timexes(extractor, text) == expected


@pytest.mark.parametrize(("language", "text", "expected"), [
    ("fr", "Aujourd\u2019hui, il pleut. L\u2019an dernier, il a neigé.",
     [("Aujourd\u2019hui", "2023-05-17"), ("L\u2019an dernier", "2022")]),
    ("it", "Negli anni \u201970 la città crebbe.", [("anni \u201970", "197")]),
    ("en", "In the \u201980s it grew.", [("the \u201980s", "198")]),
])
def test_typographic_apostrophes_read_as_straight_ones(
        extractor: Extractor, language: str, text: str, expected: list[tuple[str, str]]) -> None:
    """HeidelTime's patterns write "'"; most text writes "\u2019" ("aujourd\u2019hui" was
    not found). The user's text and offsets stay as given."""
    result = extractor.run([DocumentInput(id="d", text=text, source="test", dct="2023-05-17")],
                           Options(language=language, doc_type="news"))
    document = result.documents[0]
    assert document.text == text
    assert all(text[t.start:t.end] == t.text for t in document.timexes)
    assert [(t.text, t.value) for t in document.timexes] == expected


def test_cleaning_maps_every_character_back() -> None:
    text = unicodedata.normalize("NFD", "Äpfel\u00ad und Bä\u200bren") + "\x00!"
    cleaned = clean(text, "d")
    assert cleaned.text == "Äpfel und Bären !"
    for start in range(len(cleaned.text)):
        for end in range(start + 1, len(cleaned.text) + 1):
            first, last = cleaned.span(start, end)
            assert unicodedata.normalize("NFC", text[first:last]).replace("\u00ad", "") \
                .replace("\u200b", "").replace("\x00", " ") == cleaned.text[start:end]


def test_a_lone_surrogate_fails_its_document_only(extractor: Extractor) -> None:
    items = [DocumentInput(id="broken", text="Am 3. Mai 2021 \ud800 war es.", source="t"),
             DocumentInput(id="good", text="Am 3. Mai 2021 war es.", source="t")]
    result = extractor.run(items, GERMAN)
    assert [d.id for d in result.documents] == ["good"]
    assert [(e.doc_id, e.code) for e in result.errors] == [("broken", "E126")]
    Timeline.from_json(result.to_json())  # and the result is valid JSON


def test_printable_never_lets_a_terminal_escape_through() -> None:
    assert printable("Titel\x1b]0;pwned\x07\tmehr\u202e") == "Titel\\x1b]0;pwned\\x07 mehr\\u202e"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252"])
def test_usual_encodings_of_german_files_are_read(encoding: str) -> None:
    text = "Grüße aus Köln – am 3. März 2021 „wählten“ die Bürger für 5 €."
    decoded, used = decode(text.encode(encoding), "d")
    assert decoded == text
    assert used == {"utf-8-sig": "utf-8"}.get(encoding, encoding)


def test_latin1_is_read_and_binary_refused() -> None:
    text = "Die Bürger wählten am 3. März 2021 in Köln, Düsseldorf und Gießen."
    assert decode(text.encode("latin-1"), "d") == (text, "cp1252")  # the same letters
    with pytest.raises(BadInputError, match="E113"):
        decode(bytes(range(256)) * 8, "d")


def test_every_bad_path_is_named_and_the_good_ones_are_read(tmp_path: Path,
                                                            caplog: pytest.LogCaptureFixture
                                                            ) -> None:
    (tmp_path / "a.txt").write_text("Im Mai 2019 war Wahl.", encoding="utf-8")
    (tmp_path / "b.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "README-corpus.txt").write_text("Licence: CC BY-SA 3.0", encoding="utf-8")
    shutil.copy(ROOT / "tests" / "data" / "wikiwarsde-dev" / "21_NigerianCivilWar.key.xml",
                tmp_path)
    corpus = tmp_path / "more" / "CORPUS.JSONL"
    corpus.parent.mkdir()
    corpus.write_text('{"id": "c", "text": "Im Juni 2020.", "language": "Deutsch"}\n',
                      encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        read = list(read_inputs([tmp_path / "gone.txt", tmp_path, corpus,
                                 tmp_path / "b.pdf", tmp_path / "gone-too.txt"]))
    errors = [(r.code, Path(r.source).name) for r in read if isinstance(r, DocumentError)]
    assert errors == [("E104", "gone.txt"), ("E105", "b.pdf"), ("E104", "gone-too.txt")]
    documents = {r.id: r for r in read if isinstance(r, DocumentInput)}
    assert set(documents) == {"a", "21_NigerianCivilWar", "c"}
    war = documents["21_NigerianCivilWar"]
    assert (war.dct, war.dct_origin) == ("2011-02-16", "metadata")
    assert "Der Biafra-Krieg war ein Sezessionskrieg von 1967 bis 1970" in war.text
    assert "b.pdf" in caplog.text and "W004" in caplog.text  # what was skipped is said
    assert "README-corpus.txt" in caplog.text  # a corpus's README is no document


@pytest.mark.parametrize("name", ["de", "DE", "german", "German", "Deutsch", " deutsch "])
def test_language_names_are_read_alike_everywhere(name: str) -> None:
    assert normalize_language(name) == "de"


def test_language_names_on_the_command_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Le 3 mai 2021, le pont a ouvert.", encoding="utf-8")
    result = timeline("extract", str(tmp_path / "a.txt"), "--lang", "Français",
                      "--doc-type", "narrative", "--json", "-")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["documents"][0]["language"] == "fr"
    assert "W036" not in result.stderr  # spaCy's warning for a language without patterns


@pytest.mark.parametrize("value", ["2024-04-29 gestern", "heute 1999", "2024 yesterday",
                                   "morgen, 29. April 2024", "29.04.2024 plus zwei Tage"])
def test_a_document_date_with_a_relative_word_is_refused(value: str) -> None:
    with pytest.raises(BadInputError, match="E103"):
        parse_dct(value)


@pytest.mark.parametrize("value", ["9999-12-31", "0001-01-01", "29.04.0999", "3000-01-01"])
def test_document_dates_heideltime_cannot_compute_with_are_refused(value: str) -> None:
    with pytest.raises(BadInputError, match="E127"):
        parse_dct(value)


@pytest.mark.parametrize("value", ["Montag, 29. April 2024", "le 29 avril 2024",
                                   "29 de abril de 2024", "Mon, 29 Apr 2024", "1100-01-01"])
def test_written_out_document_dates_still_read(value: str) -> None:
    assert parse_dct(value) is not None


def test_terminal_output_is_escaped(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "x\x1b[2J", "text": "Am 4. Mai 2020 war \x1b[31m"
                                  "Wahl."}) + "\n", encoding="utf-8")
    result = timeline("extract", str(corpus), "--lang", "de", "--doc-type", "narrative")
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout and "\\x1b" in result.stdout


def test_a_huge_token_neither_stalls_nor_breaks_the_taggers(extractor: Extractor) -> None:
    """TreeTagger refuses lines of ~70,000 characters, HeidelTime slows down on them."""
    text = "Am 3. Mai 2021 war es. " + "x" * 80_000 + " Im Juni 2022 auch."
    assert _timexes(extractor, text) == [("3. Mai 2021", "2021-05-03"),
                                         ("Juni 2022", "2022-06")]


def test_an_internal_error_costs_its_document_only(extractor: Extractor,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A bug cannot be made on purpose: this one is injected, for one document."""
    analyze = extractor.analyzer

    class Failing:
        def __call__(self, text: str, language: str):  # type: ignore[no-untyped-def]
            if "kaputt" in text:
                raise ValueError("boom")
            return analyze(text, language)

    monkeypatch.setattr(extractor, "analyzer", Failing())
    items = [DocumentInput(id="bad", text="Das ist kaputt, 2021.", source="t"),
             DocumentInput(id="good", text="Im Mai 2019 war Wahl.", source="t")]
    result = extractor.run(items, GERMAN)
    assert [d.id for d in result.documents] == ["good"]
    assert [(e.doc_id, e.code) for e in result.errors] == [("bad", "E199")]
    assert "ValueError: boom" in result.errors[0].message


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")  # the lost one
def test_a_ctrl_c_lost_in_a_destructor_still_stops_the_batch() -> None:
    """Python drops a KeyboardInterrupt raised inside ``__del__`` ("Exception ignored");
    a batch hit that way ran to its end. The flag the handler sets survives it."""
    import gc
    import os
    import signal

    from timeline import cli

    before = signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)

    class Finalised:
        def __del__(self) -> None:
            os.kill(os.getpid(), signal.SIGINT)  # the handler runs in here

    try:
        interrupts = cli._Interrupts()
        Finalised()  # no name: collected at once, the interrupt raised in __del__ is lost
        gc.collect()
        assert interrupts.stop.is_set()
        with pytest.raises(KeyboardInterrupt), interrupts.held():
            pass  # the next finished document is written, then the run ends
    finally:
        signal.signal(signal.SIGINT, before[0])
        signal.signal(signal.SIGTERM, before[1])


def test_a_kill_while_a_record_is_written_waits_for_its_end() -> None:
    """A SIGTERM inside pydantic's serialiser came out as PydanticSerializationError (an
    internal error, exit 1, seen once in CI); while a record is written, it waits."""
    import os
    import signal

    from timeline import cli
    from timeline.model import Timeline

    before = signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)
    written = []
    try:
        interrupts = cli._Interrupts()
        with pytest.raises(KeyboardInterrupt), interrupts.held():
            os.kill(os.getpid(), signal.SIGTERM)  # the handler runs at once, in here
            written.append(Timeline().model_dump_json())
        assert written and interrupts.stop.is_set()
        with interrupts.held(then_interrupt=False):  # the run's end, already interrupted
            os.kill(os.getpid(), signal.SIGTERM)
    finally:
        signal.signal(signal.SIGINT, before[0])
        signal.signal(signal.SIGTERM, before[1])


def test_ctrl_c_keeps_what_finished_and_leaves_no_child(tmp_path: Path) -> None:
    """SIGINT on a real batch, as a terminal sends it to the process."""
    import signal
    import subprocess
    import sys
    import time

    out, lines = tmp_path / "partial.json", tmp_path / "partial.jsonl"
    batch = subprocess.Popen(
        [sys.executable, "-m", "timeline.cli", "extract",  # 112 documents: not done at once
         str(ROOT / "tests" / "data" / "wikiwarsde-dev"),
         str(ROOT / "tests" / "data" / "krauts-dol100"), "--lang", "de",
         "--doc-type", "narrative", "--json", str(out), "--jsonl", str(lines)],
        cwd=ROOT, stderr=subprocess.PIPE, text=True,
        # a shell's background job ignores SIGINT, and so would the command: not here
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    assert batch.stderr is not None
    children: set[int] = set()  # workers, their TreeTaggers, multiprocessing's tracker
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and (
            not lines.exists() or lines.read_bytes().count(b"\n") < 3):  # three done
        children |= _descendants(batch.pid)
        time.sleep(0.2)
    batch.send_signal(signal.SIGINT)
    rest = batch.stderr.read()
    assert batch.wait(timeout=120) == 130, rest
    last = rest.strip().splitlines()[-1]
    assert last.startswith("timeline: interrupted after "), rest
    assert "--resume" in last
    kept = Timeline.load(out)
    assert 3 <= len(kept.documents) < 112
    assert [d.id for d in Timeline.load(lines).documents] == [d.id for d in kept.documents]
    assert len(children) >= 3, "workers and TreeTagger should have been running"
    time.sleep(1)
    assert not [pid for pid in children if _running(pid)]


def _running(pid: int) -> bool:
    """Alive, and not just a zombie (the dead process an init that does not reap, as in
    some containers, leaves in the table)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _descendants(pid: int) -> set[int]:
    found = _children(pid)
    for child in list(found):
        found |= _descendants(child)
    return found


def _children(pid: int) -> set[int]:
    found = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found |= {int(c) for c in (task / "children").read_text().split()}
        except OSError:
            continue
    return found


def test_a_decomposed_text_maps_shared_triggers_once(extractor: Extractor) -> None:
    """Found by the property test: an event and its first mention share one trigger."""
    text = unicodedata.normalize("NFD", "Im März 2022 wählten die Bürger ihren Rat.")
    result = extractor.run([DocumentInput(id="d", text=text, source="t")], GERMAN)
    assert not result.errors
    for event in result.events:
        assert event.trigger is not None
        for part in event.trigger.parts:
            assert text[part.start:part.end] in event.trigger.text


def test_a_text_of_control_characters_alone_is_a_document_without_dates(
        extractor: Extractor) -> None:
    """Found by the property test: the taggers see only spaces, so no sentence and no token."""
    result = extractor.run([DocumentInput(id="d", text="\x00 \x00", source="t")], GERMAN)
    assert not result.errors
    assert result.documents[0].timexes == [] and result.documents[0].text == "\x00 \x00"


def test_a_text_files_headline_is_its_title(tmp_path: Path) -> None:
    headed = tmp_path / "flut.txt"
    headed.write_text("Flut: Springfield stimmt für neuen Damm\n\nDer Stadtrat hat am Dienstag "
                      "einen Damm beschlossen.\n", encoding="utf-8")
    assert read_text_file(headed).title == "Flut: Springfield stimmt für neuen Damm"
    plain = tmp_path / "satz.txt"  # a first sentence is no headline: the file name stays
    plain.write_text("Der Stadtrat hat am Dienstag beschlossen.\nDer Bau beginnt im Mai.\n",
                     encoding="utf-8")
    assert read_text_file(plain).title is None
