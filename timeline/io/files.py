"""Writing output files: every file the product writes goes through here.

A naive writer (temp file, then rename) replaces whatever the path named: a
FIFO, ``/dev/stdout``, a device node or a symlink becomes a regular file and
the real target never sees the output. A writer that only fails at the end
wastes the whole run. So the CLI checks its output paths before any work
(``check_targets``), and writers use ``write_text`` / ``write_bytes``, which
write *into* FIFOs and devices, follow symlinks to their target, and replace
regular files atomically with the permissions a new or the old file would have.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path

from timeline.errors import BadInputError

# written through sys.stdout: reopening them would truncate a redirected file
# or, for a pipe, resolve to a path that does not exist
_STDOUT_NAMES = frozenset({"-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"})


def _is_stdout(path: str) -> bool:
    return path in _STDOUT_NAMES


def _is_special(path: str) -> bool:
    """An existing non-regular file (FIFO, device): to be written into, never replaced."""
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def _check_can_create_in(directory: Path, label: str) -> None:
    """Create (and drop) a file there: ``os.access`` says yes to root even on /proc."""
    try:
        tempfile.TemporaryFile(dir=directory).close()
    except OSError as error:
        reason = f"cannot create files in {directory} ({error.strerror})"
        raise BadInputError("E117", path=label, reason=reason) from error


def _check_creatable(path: str, label: str) -> None:
    """A path that does not exist yet: its nearest existing ancestor must take new files."""
    ancestor = next(p for p in Path(os.path.realpath(path)).parents if p.exists())
    if not ancestor.is_dir():
        raise BadInputError("E117", path=label, reason=f"{ancestor} is not a directory")
    _check_can_create_in(ancestor, label)


def check_file_target(path: str, option: str) -> None:
    """Refuse, before any work, an output file that could not be written."""
    if _is_stdout(path):
        return
    label = f"{option} {path}"
    try:
        info = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        _check_creatable(path, label)
        return
    except OSError as error:  # a symlink loop, an unreadable directory on the way
        raise BadInputError("E117", path=label, reason=error.strerror) from error
    if stat.S_ISDIR(info.st_mode):
        example = os.path.join(path, f"timeline.{option.lstrip('-')}")
        raise BadInputError("E116", option=option, path=path, example=example)
    if not os.access(path, os.W_OK):
        raise BadInputError("E117", path=label, reason="the file is not writable")
    if stat.S_ISREG(info.st_mode):  # replaced through a temporary file beside it
        _check_can_create_in(Path(os.path.realpath(path)).parent, label)


def check_directory_target(path: str, option: str) -> None:
    """Refuse, before any work, an output directory that could not be filled."""
    label = f"{option} {path}"
    if os.path.isdir(path):
        _check_can_create_in(Path(path), label)
    elif os.path.exists(path):
        raise BadInputError("E119", option=option, path=path)
    else:
        _check_creatable(path, label)


def _identity(path: str) -> object:
    if _is_stdout(path):
        return "stdout"
    try:
        info = os.stat(path)
    except OSError:
        return os.path.realpath(path)
    return info.st_dev, info.st_ino


def check_distinct(targets: Mapping[str, str]) -> None:
    """Refuse two options (option -> path) naming one file: one would overwrite the other."""
    seen: dict[object, tuple[str, str]] = {}
    for option, path in targets.items():
        first, first_path = seen.setdefault(_identity(path), (option, path))
        if first != option:
            raise BadInputError("E118", first=first, first_path=first_path,
                                second=option, second_path=path)


def check_targets(files: Mapping[str, str | None],
                  directories: Mapping[str, str | None] | None = None) -> None:
    """All output checks in one call; options given as ``None`` were not used."""
    used_files = {option: path for option, path in files.items() if path is not None}
    used_dirs = {option: path for option, path in (directories or {}).items() if path is not None}
    for option, path in used_files.items():
        check_file_target(path, option)
    for option, path in used_dirs.items():
        check_directory_target(path, option)
    check_distinct({**used_files, **used_dirs})


def _replace(target: Path, data: bytes) -> None:
    """Write beside ``target``, then rename: readers never see half a file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode: int | None = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        mode = None  # os.open's 0o666 below gets the umask applied, as for any new file
    temporary = target.with_name(f".{target.name}.{os.urandom(6).hex()}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
            stream.flush()
            if mode is not None:
                os.fchmod(stream.fileno(), mode)
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def write_bytes(path: str, data: bytes) -> None:
    """Write ``data`` to ``path`` (``-`` for standard output) without destroying what it names."""
    try:
        if _is_stdout(path):
            sys.stdout.flush()  # text written before must come first
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        elif _is_special(path):
            with open(path, "wb") as stream:
                stream.write(data)
        else:  # the symlink stays, its target gets the content
            _replace(Path(os.path.realpath(path)), data)
    except OSError as error:
        raise BadInputError("E117", path=path, reason=error.strerror or str(error)) from error


def write_text(path: str, text: str) -> None:
    """Write ``text`` as UTF-8, also to standard output: a JSON or CSV is the same
    bytes wherever it goes."""
    write_bytes(path, text.encode("utf-8"))
