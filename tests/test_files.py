"""Output files: written safely whatever the path names, refused before any work if unwritable."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT
from timeline.errors import BadInputError
from timeline.io.files import (check_directory_target, check_distinct, check_file_target,
                               check_targets, write_bytes, write_text)


@pytest.fixture
def umask_027() -> Iterator[None]:
    old = os.umask(0o027)
    yield
    os.umask(old)


def _code(error: pytest.ExceptionInfo[BadInputError]) -> str:
    return error.value.code


# writing


def test_regular_file_is_written_whole_and_leaves_no_temporary(tmp_path: Path) -> None:
    write_text(str(tmp_path / "out.json"), "{\"ä\": 1}\n")
    assert (tmp_path / "out.json").read_bytes() == "{\"ä\": 1}\n".encode()
    assert os.listdir(tmp_path) == ["out.json"]


def test_missing_parents_are_created(tmp_path: Path) -> None:
    write_bytes(str(tmp_path / "a" / "b" / "out.png"), b"\x89PNG")
    assert (tmp_path / "a" / "b" / "out.png").read_bytes() == b"\x89PNG"


def test_replacing_a_file_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("old")
    target.chmod(0o604)
    write_text(str(target), "new")
    assert target.read_text() == "new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o604


def test_new_file_permissions_follow_the_umask(tmp_path: Path, umask_027: None) -> None:
    write_text(str(tmp_path / "out.json"), "{}")
    assert stat.S_IMODE((tmp_path / "out.json").stat().st_mode) == 0o640


def test_fifo_receives_the_bytes_and_stays_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    write_bytes(str(fifo), b"through the pipe")
    reader.join(timeout=10)
    assert received == [b"through the pipe"]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert os.listdir(tmp_path) == ["pipe"]


def test_symlink_target_gets_the_content_and_the_link_stays(tmp_path: Path) -> None:
    (tmp_path / "real.json").write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to("real.json")
    write_text(str(link), "new")
    assert (tmp_path / "real.json").read_text() == "new"
    assert link.is_symlink() and os.readlink(link) == "real.json"


def test_dangling_symlink_gets_its_target_created(tmp_path: Path) -> None:
    link = tmp_path / "link.json"
    link.symlink_to(tmp_path / "later" / "real.json")
    write_text(str(link), "made")
    assert (tmp_path / "later" / "real.json").read_text() == "made"
    assert link.is_symlink()


@pytest.fixture
def null_device(tmp_path: Path) -> str:
    """A private copy of /dev/null: a regression must not destroy the real one when run as root."""
    path = tmp_path / "null"
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:  # not root: the real /dev/null cannot be replaced anyway
        return "/dev/null"
    return str(path)


def test_null_device_stays_a_character_device(null_device: str) -> None:
    write_text(null_device, "nothing")
    write_bytes(null_device, b"nothing")
    assert stat.S_ISCHR(os.lstat(null_device).st_mode)


@pytest.mark.parametrize("name", ["-", "/dev/stdout", "/proc/self/fd/1"])
def test_standard_output(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    write_text(name, "Kiew ")
    write_bytes(name, "März\n".encode())
    assert capsys.readouterr().out == "Kiew März\n"


def test_standard_output_redirected_to_a_file_is_appended_to_not_replaced(tmp_path: Path) -> None:
    """As in `timeline extract --json /dev/stdout > out.txt`: what was printed before stays."""
    code = ("from timeline.io.files import write_text\n"
            "print('before', flush=True)\n"
            "write_text('/dev/stdout', 'after\\n')\n")
    with open(tmp_path / "out.txt", "w") as stdout:
        subprocess.run([sys.executable, "-c", code], cwd=ROOT, stdout=stdout, check=True,
                       timeout=60)
    assert (tmp_path / "out.txt").read_text() == "before\nafter\n"
    assert os.listdir(tmp_path) == ["out.txt"]


def test_write_under_a_regular_file_fails_clearly(tmp_path: Path) -> None:
    (tmp_path / "somefile.txt").write_text("")
    with pytest.raises(BadInputError) as error:
        write_bytes(str(tmp_path / "somefile.txt" / "out.json"), b"{}")
    assert _code(error) == "E117"
    assert os.listdir(tmp_path) == ["somefile.txt"]


def test_failed_write_leaves_no_temporary_and_the_old_file_intact(tmp_path: Path) -> None:
    """The file size limit makes the write itself fail, half-way through."""
    (tmp_path / "out.png").write_bytes(b"old")
    code = ("import resource, signal, sys\n"
            "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
            "resource.setrlimit(resource.RLIMIT_FSIZE, (1000, 1000))\n"
            "from timeline.errors import BadInputError\n"
            "from timeline.io.files import write_bytes\n"
            "try:\n"
            "    write_bytes(sys.argv[1], bytes(100_000))\n"
            "except BadInputError as error:\n"
            "    print(error.code)\n")
    result = subprocess.run([sys.executable, "-c", code, str(tmp_path / "out.png")], cwd=ROOT,
                            capture_output=True, text=True, timeout=60,
                            env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    assert result.stdout == "E117\n", result.stderr
    assert os.listdir(tmp_path) == ["out.png"]
    assert (tmp_path / "out.png").read_bytes() == b"old"


# checking before any work


@pytest.mark.parametrize("name", ["-", "/dev/stdout", "/dev/null", "new.json", "sub/new.json"])
def test_writable_file_targets_pass(name: str, tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    check_file_target(name, "--json")
    assert os.listdir(tmp_path) == []


def test_existing_file_passes(tmp_path: Path) -> None:
    (tmp_path / "out.json").write_text("old")
    check_file_target(str(tmp_path / "out.json"), "--json")
    assert (tmp_path / "out.json").read_text() == "old"


def test_directory_is_refused_before_any_write(tmp_path: Path) -> None:
    (tmp_path / "DIR").mkdir()
    with pytest.raises(BadInputError) as error:
        check_file_target(str(tmp_path / "DIR"), "--json")
    assert _code(error) == "E116"
    assert "DIR/timeline.json" in str(error.value)
    assert os.listdir(tmp_path) == ["DIR"] and os.listdir(tmp_path / "DIR") == []


@pytest.mark.parametrize("under", ["somefile.txt", "somefile.txt/deeper", "/proc"])
def test_path_that_cannot_be_created_is_refused(under: str, tmp_path: Path) -> None:
    (tmp_path / "somefile.txt").write_text("")
    with pytest.raises(BadInputError) as error:
        check_file_target(str(tmp_path / under / "out.json"), "--html")
    assert _code(error) == "E117"
    assert "--html" in str(error.value)


def test_same_path_twice_is_refused(tmp_path: Path) -> None:
    path = str(tmp_path / "out")
    with pytest.raises(BadInputError) as error:
        check_distinct({"--json": path, "--html": path})
    assert _code(error) == "E118"
    assert "--json" in str(error.value) and "--html" in str(error.value)


@pytest.mark.parametrize("first, second", [("-", "/dev/stdout"), ("/proc/self/fd/1", "-"),
                                           ("out.json", "./sub/../out.json")])
def test_two_names_for_one_target_are_refused(first: str, second: str, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    with pytest.raises(BadInputError) as error:
        check_distinct({"--json": first, "--html": second})
    assert _code(error) == "E118"


@pytest.mark.parametrize("exists", [True, False])
def test_symlink_and_its_target_are_one_file(exists: bool, tmp_path: Path) -> None:
    if exists:
        (tmp_path / "real.json").write_text("")
    (tmp_path / "link.json").symlink_to("real.json")
    with pytest.raises(BadInputError) as error:
        check_distinct({"--json": str(tmp_path / "link.json"),
                        "--html": str(tmp_path / "real.json")})
    assert _code(error) == "E118"


def test_distinct_targets_pass(tmp_path: Path) -> None:
    check_distinct({"--json": "-", "--html": str(tmp_path / "out.html"),
                    "--report": str(tmp_path / "report.md")})


def test_directory_target_accepts_new_and_existing_directories(tmp_path: Path) -> None:
    check_directory_target(str(tmp_path / "new" / "tml"), "--timeml")
    check_directory_target(str(tmp_path), "--timeml")
    assert os.listdir(tmp_path) == []


def test_directory_target_refuses_an_existing_file(tmp_path: Path) -> None:
    (tmp_path / "out.tml").write_text("")
    with pytest.raises(BadInputError) as error:
        check_directory_target(str(tmp_path / "out.tml"), "--timeml")
    assert _code(error) == "E119"


def test_check_targets_skips_unused_options_and_compares_across_kinds(tmp_path: Path) -> None:
    check_targets({"--json": None, "--html": str(tmp_path / "out.html")}, {"--timeml": None})
    with pytest.raises(BadInputError) as error:
        check_targets({"--json": str(tmp_path / "out")}, {"--timeml": str(tmp_path / "out")})
    assert _code(error) == "E118"
