"""Corpora at scale: JSON Lines as documents finish, progress, resume after a kill, Dask."""

from __future__ import annotations

import fcntl
import io
import json
import os
import pty
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import jsonschema
import pytest

from timeline.batch.progress import Progress
from timeline.batch.records import RecordWriter, input_hash, record
from timeline.errors import BadInputError
from timeline.io.annotated import read_corpus
from timeline.io.inputs import DocumentInput, count_inputs, expand, read_inputs
from timeline.model import (
    RECORDS_SCHEMA_PATH,
    DocumentError,
    Record,
    Timeline,
    records_schema_text,
)
from timeline.pipeline import Options

ROOT = Path(__file__).parent.parent
DATA = Path(__file__).parent / "data"
LINE_SCHEMA = json.loads(RECORDS_SCHEMA_PATH.read_text(encoding="utf-8"))


def _timeline(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([sys.executable, "-m", "timeline.cli", *args], cwd=ROOT, check=False,
                          capture_output=True, text=True, timeout=900)
    if check:
        assert done.returncode == 0, done.stderr
    return done


def _news_corpus(path: Path, count: int) -> Path:
    """KRAUTS articles as a JSONL corpus with their DCTs."""
    with path.open("w", encoding="utf-8") as out:
        for gold in read_corpus(DATA / "krauts-dol100")[:count]:
            fields = {"id": gold.id, "text": gold.text, "language": "de",
                      "dct": gold.dct.isoformat() if gold.dct else None}
            out.write(json.dumps(fields, ensure_ascii=False) + "\n")
    return path


def _lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_the_committed_line_schema_is_the_generated_one() -> None:
    assert RECORDS_SCHEMA_PATH.read_text(encoding="utf-8") == records_schema_text(), \
        "run `python -m timeline.model` and commit the schema"


def test_jsonl_output_has_a_line_per_input_and_plot_reads_it(tmp_path: Path) -> None:
    corpus = _news_corpus(tmp_path / "news.jsonl", 5)
    with corpus.open("a", encoding="utf-8") as out:
        out.write('{"id": "empty", "text": "  "}\n{not json\n')
    lines_path = tmp_path / "out.jsonl"
    done = _timeline("extract", str(corpus), "--workers", "0", "--jsonl", str(lines_path),
                     check=False)
    assert done.returncode == 2  # two bad inputs, each named
    assert done.stdout == ""  # an output was named: nothing on stdout
    lines = _lines(lines_path)
    assert len(lines) == 7
    for line in lines:
        jsonschema.validate(line, LINE_SCHEMA)
    assert [line["id"] for line in lines][:6] == [*[d.id for d in read_corpus(
        DATA / "krauts-dol100")[:5]], "empty"]
    assert [line["error"]["code"] for line in lines if line["error"]] == ["E109", "E108"]
    summary = done.stderr.strip().splitlines()[-1]
    assert summary.startswith("timeline: done: 7 documents in "), done.stderr
    assert "5 tagged, 2 failed" in summary
    whole = _timeline("extract", str(corpus), "--workers", "0", "--json",
                      str(tmp_path / "whole.json"), check=False)
    assert whole.returncode == 2
    assert Timeline.load(lines_path).to_json() == Timeline.load(tmp_path / "whole.json").to_json()
    _timeline("plot", str(lines_path), "--csv", str(tmp_path / "events.csv"))
    assert (tmp_path / "events.csv").read_text(encoding="utf-8").count("\n") > 5


def test_a_torn_last_line_is_done_again_and_a_foreign_file_is_refused(tmp_path: Path) -> None:
    item = DocumentInput(id="a", text="x", source="s")
    error = DocumentError(doc_id="a", source="s", code="E109", message="empty")
    whole = record(item, error).model_dump_json()
    path = tmp_path / "out.jsonl"
    path.write_text(whole + "\n" + whole[: len(whole) // 2], encoding="utf-8")  # killed mid-write
    with RecordWriter(path, resume=True) as writer:
        assert writer.kept == 1
        assert writer.done == {"a": input_hash(item)}
        assert list(writer.pending([item, DocumentInput(id="b", text="y", source="s")])) \
            == [DocumentInput(id="b", text="y", source="s")]
        changed = list(writer.pending([DocumentInput(id="a", text="other", source="s")]))
        assert [e.code for e in changed if isinstance(e, DocumentError)] == ["E132"]
    assert path.read_text(encoding="utf-8") == whole + "\n"
    path.write_text('{"something": "else"}\n', encoding="utf-8")
    with pytest.raises(BadInputError, match="E110"):
        RecordWriter(path, resume=True)
    assert path.read_text(encoding="utf-8") == '{"something": "else"}\n'  # untouched


def test_inputs_are_read_lazily_counted_cheaply_and_globs_expanded(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt", "c.md"):
        (tmp_path / name).write_text("Am 3. Mai 2021 war Wahl.", encoding="utf-8")
    corpus = _news_corpus(tmp_path / "news.jsonl", 3)
    assert expand([tmp_path / "*.txt"]) == [tmp_path / "a.txt", tmp_path / "b.txt"]
    assert expand([tmp_path / "*.none"]) == [tmp_path / "*.none"]  # reported as missing
    assert count_inputs([tmp_path / "a.txt", corpus, tmp_path / "missing.txt"]) == 5
    reading = read_inputs([corpus, tmp_path / "missing.txt"])
    first = next(reading)  # one document read, the rest not yet
    assert isinstance(first, DocumentInput) and first.id == read_corpus(
        DATA / "krauts-dol100")[0].id


def test_progress_is_a_bar_on_a_terminal_and_plain_lines_elsewhere() -> None:
    line = Record(id="d", source="s", sha256=None,
                  error=DocumentError(doc_id="d", source="s", code="E109", message="m"))
    plain = io.StringIO()
    progress = Progress(4, stream=plain, interactive=False, period=0.0)
    for _ in range(2):
        progress.advance(line)
    summary = progress.close()
    printed = plain.getvalue().splitlines()
    assert printed[0].startswith("timeline: 1 of 4 documents (25 %), ")
    assert "about " in printed[1] and " left" in printed[1]
    assert printed[-1] == summary
    assert "2 documents in 0 s" in summary and "0 tagged, 2 failed, 0 events" in summary
    bar = io.StringIO()
    progress = Progress(4, stream=bar, interactive=True)
    progress.advance(line)
    progress.say("timeline: error: \x1b[31mred")
    progress.close()
    drawn = bar.getvalue()
    assert "1/4" in drawn and "documents/s" in drawn and "1 failed" in drawn
    assert "\x1b[31m" not in drawn and "\\x1b[31mred" in drawn


def test_a_terminal_gets_a_progress_bar(tmp_path: Path) -> None:
    corpus = _news_corpus(tmp_path / "news.jsonl", 4)
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))  # 100 wide
    run = subprocess.Popen([sys.executable, "-m", "timeline.cli", "extract", str(corpus),
                            "--workers", "0", "--jsonl", str(tmp_path / "o.jsonl")],
                           cwd=ROOT, stderr=follower, stdout=subprocess.DEVNULL)
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal closed: the run is over
            break
        if not chunk:
            break
        seen += chunk
    assert run.wait(timeout=300) == 0
    os.close(leader)
    text = seen.decode("utf-8", "replace")
    assert "\r" in text and "/4 [" in text and "documents/s" in text  # drawn, redrawn
    assert "timeline: done: 4 documents in " in text


def _descendants(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(stat[1]) == pid:
                found.add(int(entry.name))
    return found


def test_a_run_killed_halfway_resumes_to_the_same_output(tmp_path: Path) -> None:
    """SIGKILL, as an out-of-memory killer or a lost machine ends a run: no chance to
    clean up. Resuming gives what one uninterrupted run gives, no document twice."""
    corpus = _news_corpus(tmp_path / "news.jsonl", 100)
    full, cut = tmp_path / "full.jsonl", tmp_path / "cut.jsonl"
    _timeline("extract", str(corpus), "--workers", "2", "--jsonl", str(full))
    run = subprocess.Popen([sys.executable, "-m", "timeline.cli", "extract", str(corpus),
                            "--workers", "2", "--jsonl", str(cut)],
                           cwd=ROOT, stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    workers: set[int] = set()
    while time.monotonic() < deadline and (
            not cut.exists() or cut.read_bytes().count(b"\n") < 40):
        workers |= _descendants(run.pid)
        time.sleep(0.05)
    run.kill()
    run.wait()
    written = cut.read_bytes().count(b"\n")
    assert 40 <= written < 100, written
    resumed = _timeline("extract", str(corpus), "--workers", "2", "--jsonl", str(cut),
                        "--resume")
    assert f"{written:,} kept from the earlier run" in resumed.stderr
    assert _lines(cut) == _lines(full)
    ids = [line["id"] for line in _lines(cut)]
    assert len(ids) == len(set(ids)) == 100
    again = _timeline("extract", str(corpus), "--workers", "2", "--jsonl", str(cut),
                      "--resume")  # all done: nothing to do, nothing written
    assert "done: 0 documents" in again.stderr
    assert _lines(cut) == _lines(full)
    time.sleep(1)  # orphaned workers see their parent gone and end, with their TreeTaggers
    assert not [pid for pid in workers if Path(f"/proc/{pid}").exists()
                and "Z" not in (Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1][:3])]


def test_a_resumed_run_exports_the_kept_documents_too(tmp_path: Path) -> None:
    lines = tmp_path / "out.jsonl"
    _timeline("extract", str(_news_corpus(tmp_path / "two.jsonl", 2)), "--workers", "0",
              "--jsonl", str(lines))
    whole = tmp_path / "all.json"
    _timeline("extract", str(_news_corpus(tmp_path / "three.jsonl", 3)), "--workers", "0",
              "--jsonl", str(lines), "--resume", "--json", str(whole))
    exported = Timeline.load(whole)
    assert [d.id for d in exported.documents] == [line["id"] for line in _lines(lines)]
    assert len(exported.documents) == 3


def test_resume_needs_the_jsonl_it_continues(tmp_path: Path) -> None:
    done = _timeline("extract", str(ROOT / "seeds" / "stoltenberg-kiew.txt"), "--resume",
                     check=False)
    assert done.returncode == 2 and "[E133]" in done.stderr
    corpus = _news_corpus(tmp_path / "news.jsonl", 1)
    done = _timeline("extract", str(corpus), "--jsonl", str(corpus), check=False)
    assert done.returncode == 2 and "[E118]" in done.stderr
    assert len(_lines(corpus)) == 1  # the input is never overwritten


def test_a_dask_cluster_gives_the_sequential_output(tmp_path: Path) -> None:
    corpus = _news_corpus(tmp_path / "news.jsonl", 30)
    war = next(d for d in read_corpus(DATA / "wikiwarsde-dev") if d.id.startswith("09_"))
    with corpus.open("a", encoding="utf-8") as out:  # a document of two pieces too
        out.write(json.dumps({"id": "war", "text": war.text * 3, "doc_type": "narrative"},
                             ensure_ascii=False) + "\n")
    sequential, cluster = tmp_path / "one.jsonl", tmp_path / "dask.jsonl"
    _timeline("extract", str(corpus), "--workers", "0", "--jsonl", str(sequential))
    done = _timeline("extract", str(corpus), "--dask", "local", "--workers", "2",
                     "--jsonl", str(cluster))
    assert "done: 31 documents" in done.stderr
    assert "distributed" not in done.stderr  # Dask's chatter is not ours to show
    assert _lines(cluster) == _lines(sequential)


def _jvm_arguments() -> list[str]:
    """Run on a Dask worker: the arguments its JVM was started with."""
    from java.lang.management import ManagementFactory

    return [str(a) for a in ManagementFactory.getRuntimeMXBean().getInputArguments()]


def test_a_local_cluster_on_every_core_compiles_as_a_pool_does() -> None:
    from timeline.batch.cluster import DaskPool

    seed = (ROOT / "seeds" / "stoltenberg-kiew.txt").read_text(encoding="utf-8")
    items = [DocumentInput(id=f"s{n}", text=seed, source="seed", dct="2024-04-29")
             for n in range(2)]
    with DaskPool("local", workers=os.cpu_count() or 1) as pool:
        assert len(pool.run(items, Options(language="de")).documents) == 2
        started = pool.client.run(_jvm_arguments)
    assert started and all("-XX:TieredStopAtLevel=1" in args for args in started.values())


def test_an_unreachable_scheduler_is_a_clear_error() -> None:
    done = _timeline("extract", str(ROOT / "seeds" / "stoltenberg-kiew.txt"),
                     "--dask", "tcp://127.0.0.1:9", check=False)
    assert done.returncode == 1 and "[E134]" in done.stderr, done.stderr


@pytest.mark.parametrize("workers", ["0", "2"])
def test_kill_ends_a_run_as_ctrl_c_does(tmp_path: Path, workers: str) -> None:
    """SIGTERM: finished documents kept, one summary line, exit 130, and no JVM crash
    report (the JVM's own SIGTERM handler used to crash into Python) anywhere."""
    corpus = _news_corpus(tmp_path / "news.jsonl", 100)
    out = tmp_path / "out.jsonl"
    run = subprocess.Popen([sys.executable, "-m", "timeline.cli", "extract", str(corpus),
                            "--workers", workers, "--jsonl", str(out)],
                           cwd=tmp_path, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL,
                           text=True)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and (not out.exists() or out.read_bytes().count(b"\n") < 3):
        time.sleep(0.05)
    run.terminate()
    _, err = run.communicate(timeout=120)
    assert run.returncode == 130, err
    assert err.strip().splitlines()[-1].startswith("timeline: interrupted after "), err
    assert 3 <= len(_lines(out)) < 100
    assert not list(tmp_path.glob("hs_err*")) and not list(ROOT.glob("hs_err*"))


def test_a_process_running_the_jvm_ends_cleanly_on_sigterm(tmp_path: Path) -> None:
    """A worker sent SIGTERM (`pkill`, a scheduler ending a job) used to crash in the JVM's
    own handler (SIGSEGV, a crash report, exit 134); the JVM now leaves the signal alone."""
    script = (
        "import os, signal, time\n"
        "from datetime import date\n"
        "from timeline.io.inputs import DocumentInput\n"
        "from timeline.pipeline import Extractor, Options\n"
        "Extractor().run([DocumentInput(id='w', text='Am 3. Mai 2021 war es.', source='w')],"
        " Options(language='de', dct=date(2021, 5, 4)))\n"
        "os.kill(os.getpid(), signal.SIGTERM)\n"
        "time.sleep(30)\n")
    done = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True,
                          text=True, timeout=300, check=False,
                          env={**os.environ, "TIMELINE_CACHE_DIR": str(tmp_path / "cache")})
    assert done.returncode == -signal.SIGTERM, done.stdout + done.stderr
    assert "fatal error" not in done.stdout + done.stderr
    assert not list(tmp_path.rglob("hs_err*"))


def test_the_dashboard_opens_a_jsonl_timeline_as_a_timeline(tmp_path: Path) -> None:
    from timeline.io.uploads import read_upload

    corpus = _news_corpus(tmp_path / "news.jsonl", 2)
    lines = tmp_path / "out.jsonl"
    _timeline("extract", str(corpus), "--workers", "0", "--jsonl", str(lines))
    opened = read_upload("out.jsonl", lines.read_bytes())
    assert not opened.documents  # not taken for a corpus of texts to tag
    assert [t.to_json() for t in opened.timelines] == [Timeline.load(lines).to_json()]
    assert len(read_upload("news.jsonl", corpus.read_bytes()).documents) == 2
