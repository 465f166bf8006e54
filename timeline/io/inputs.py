"""Reading documents: .txt and .html files, directories of them, and JSONL corpora.

Reading never stops at the first bad document: each input yields either a
:class:`DocumentInput` or a :class:`model.DocumentError`, so one broken line in
a corpus of thousands costs that line only.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from timeline.errors import BadInputError, message
from timeline.io.decoding import decode
from timeline.model import DocumentError

log = logging.getLogger(__name__)

# fields a JSONL line (or a .json file next to a .txt) may set
_OPTIONAL_FIELDS = ("dct", "language", "doc_type", "title")


@dataclass(frozen=True)
class DocumentInput:
    """A document before tagging; ``None`` fields fall back to the options."""

    id: str
    text: str
    source: str
    title: str | None = None
    dct: str | None = None
    language: str | None = None
    doc_type: str | None = None
    dct_origin: str = "input"  # where ``dct`` came from: the input itself or metadata
    encoding: str = "utf-8"  # what the file was written in


def _metadata(fields: dict[str, object], source: str) -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for key in _OPTIONAL_FIELDS:
        value = fields.get(key)
        if value is not None and not isinstance(value, str):
            raise BadInputError("E107", path=source, reason=f'"{key}" must be a string')
        out[key] = value
    return out


def headline(text: str) -> str | None:
    """The first line when it reads as a headline: short, on its own line above the
    text, and not ending as a sentence or a lead-in does ("." "," ";" ":")."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    if len(lines) < 2:
        return None
    first = " ".join(lines[0].split())
    if not 3 <= len(first) <= 150 or first[-1] in ".,;:" or not any(c.isalpha() for c in first):
        return None
    return first


def read_text_file(path: Path) -> DocumentInput:
    """A .txt file; a ``NAME.json`` beside it may give dct, title, language."""
    try:
        text, encoding = decode(path.read_bytes(), path.stem)
    except OSError as exc:
        raise BadInputError("E107", path=path, reason=exc.strerror or str(exc)) from exc
    meta: dict[str, str | None] = {}
    sidecar = path.with_suffix(".json")
    if sidecar.is_file():
        try:
            fields = json.loads(sidecar.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise BadInputError("E107", path=sidecar, reason=f"unreadable metadata ({exc})") from exc
        if not isinstance(fields, dict):
            raise BadInputError("E107", path=sidecar, reason="metadata must be a JSON object")
        meta = _metadata(fields, str(sidecar))
    if not meta.get("title"):
        meta["title"] = headline(text)
    return DocumentInput(id=path.stem, text=text, source=str(path), encoding=encoding,
                         dct_origin="metadata" if meta.get("dct") else "input", **meta)


def html_document(page: bytes, doc_id: str, source: str) -> DocumentInput:
    """A web page: its main text (trafilatura drops navigation, scripts and footers)
    and, from its markup metadata only (htmldate, no guessing from the text), its
    publication date as DCT and its title."""
    import htmldate
    import trafilatura

    markup, _ = decode(page, doc_id)  # a Windows-1252 page keeps its umlauts
    text = trafilatura.extract(markup, include_comments=False, include_tables=False,
                               favor_recall=True)
    if not text or not text.strip():
        raise BadInputError("E114", path=source)
    text = text.strip().replace("\n", "\n\n")  # paragraphs: a blank line ends a sentence
    metadata = trafilatura.extract_metadata(markup)
    published = htmldate.find_date(markup, extensive_search=False, original_date=True)
    return DocumentInput(id=doc_id, text=text, source=source,
                         title=metadata.title if metadata and metadata.title else None,
                         dct=published, dct_origin="metadata")


def read_html_file(path: Path) -> DocumentInput:
    try:
        page = path.read_bytes()
    except OSError as exc:
        raise BadInputError("E107", path=path, reason=exc.strerror or str(exc)) from exc
    return html_document(page, path.stem, str(path))


def read_jsonl(path: Path) -> Iterator[DocumentInput | DocumentError]:
    """One document per line: ``{"id", "text"}`` plus optional fields."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise BadInputError("E107", path=path, reason=exc.strerror or str(exc)) from exc
    with handle:
        yield from jsonl_documents(handle, str(path))


def jsonl_documents(lines: Iterable[bytes], name: str) -> Iterator[DocumentInput | DocumentError]:
    """The documents of a JSONL corpus read from ``lines`` (a file or an upload)."""
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        source = f"{name}:{number}"
        try:
            fields = json.loads(raw.decode("utf-8"))
            if not isinstance(fields, dict):
                raise ValueError("a line must be a JSON object")
            doc_id, text = fields.get("id"), fields.get("text")
            if doc_id is None or isinstance(doc_id, bool) or not isinstance(doc_id, str | int):
                raise ValueError('"id" must be a string')
            if not isinstance(text, str):
                raise ValueError('"text" must be a string')
            yield DocumentInput(id=str(doc_id), text=text, source=source,
                                **_metadata(fields, source))
        except ValueError as exc:  # JSONDecodeError and UnicodeDecodeError are ValueErrors
            reason = "not UTF-8" if isinstance(exc, UnicodeDecodeError) else str(exc)
            yield DocumentError(doc_id=None, source=source, code="E108",
                                message=message("E108", source=name, line=number,
                                                reason=reason))
        except BadInputError as exc:
            yield DocumentError.from_error(exc, source)


_TEXT_SUFFIXES = (".txt", ".md", ".html", ".htm")
_ANNOTATED = (".tml", ".key.xml")  # TimeML and WikiWarsDE: their text and DCT


def _kind(path: Path) -> str | None:
    """What a file is by its name, in any case: text, jsonl, annotated, or None."""
    name = path.name.casefold()
    if name.endswith(_ANNOTATED):
        return "annotated"
    if name.endswith(".jsonl"):
        return "jsonl"
    if name.endswith(_TEXT_SUFFIXES):
        return "text"
    return None


# files that describe a corpus rather than belong to it ("README-corpus.txt")
_ABOUT = ("readme", "license", "licence", "copying", "notice", "changelog")


def _directory(path: Path) -> tuple[list[Path], list[Path]]:
    """A directory's documents (not JSONL: a corpus is named on its own; not its README
    or licence) and the rest."""
    files = sorted(p for p in path.iterdir() if p.is_file())
    documents = [p for p in files if _kind(p) in ("text", "annotated")
                 and not p.name.casefold().startswith(_ABOUT)]
    return documents, [p for p in files if p not in documents]


_GLOB = re.compile(r"[*?\[]")


def expand(paths: list[Path]) -> list[Path]:
    """``paths`` with quoted globs ("corpus/**/*.txt") expanded, as a shell would (a
    shell's limit on arguments is then no limit); a path that exists is taken as it is."""
    out: list[Path] = []
    for path in paths:
        if path.exists() or not _GLOB.search(str(path)):
            out.append(path)
            continue
        anchor = Path(path.anchor) if path.is_absolute() else Path()
        pattern = str(path.relative_to(anchor)) if path.is_absolute() else str(path)
        found = sorted(p for p in anchor.glob(pattern) if p.is_file())
        out.extend(found or [path])  # no match: reported as missing, like any path
    return out


def count_inputs(paths: list[Path]) -> int:
    """How many inputs ``paths`` hold (documents, lines of JSONL, bad paths), counted
    without decoding anything: what a progress bar's total needs."""
    total = 0
    for path in paths:
        if path.is_dir():
            documents, _ = _directory(path)
            total += len(documents) or 1
        elif path.is_file() and _kind(path) == "jsonl":
            try:
                with path.open("rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            except OSError:
                total += 1
        else:
            total += 1
    return total


def read_inputs(paths: list[Path]) -> Iterator[DocumentInput | DocumentError]:
    """All documents named by ``paths``, read one at a time as they are asked for. A
    path that is missing or of no known kind is an error entry, not the end of the
    run: every bad path is named and the good ones are still read. Files a directory
    holds besides documents are logged as skipped."""
    for path in paths:
        if not path.exists():
            yield DocumentError(doc_id=None, source=str(path), code="E104",
                                message=message("E104", path=path))
        elif path.is_dir():
            documents, others = _directory(path)
            if others:
                log.warning(message("W004", path=path, count=len(others),
                                    names=", ".join(p.name for p in others[:5])
                                    + (", …" if len(others) > 5 else "")))
            if not documents:
                yield DocumentError(doc_id=None, source=str(path), code="E106",
                                    message=message("E106", path=path))
            for file in documents:
                yield from _one_file(file)
        elif _kind(path) == "jsonl":
            yield from read_jsonl(path)
        elif _kind(path) is None:
            yield DocumentError(doc_id=None, source=str(path), code="E105",
                                message=message("E105", path=path))
        else:
            yield from _one_file(path)


def _one_file(path: Path) -> Iterator[DocumentInput | DocumentError]:
    try:
        if _kind(path) == "annotated":
            yield read_annotated(path)
        elif path.suffix.casefold() in (".html", ".htm"):
            yield read_html_file(path)
        else:
            yield read_text_file(path)
    except BadInputError as exc:
        yield DocumentError.from_error(exc, str(path), doc_id=path.stem)


def read_annotated(path: Path) -> DocumentInput:
    """A TimeML or WikiWarsDE document as an input: its text, id and DCT (annotations
    are for `timeline eval`; here the text is tagged afresh)."""
    from timeline.io.annotated import read_timeml, read_timex2

    try:
        gold = read_timeml(path) if path.name.casefold().endswith(".tml") else read_timex2(path)
    except (OSError, UnicodeDecodeError) as exc:
        raise BadInputError("E107", path=path, reason=str(exc)) from exc
    return DocumentInput(id=gold.id, text=gold.text, source=str(path),
                         dct=gold.dct.isoformat() if gold.dct else None, dct_origin="metadata")
