"""Bytes of a text file to text, in whichever encoding it was written.

Older German files are mostly Windows-1252 or Latin-1, Windows tools write
UTF-16 with a byte-order mark; refusing them loses a user's documents for no
reason. UTF-8 (with or without BOM) and UTF-16 with BOM are read as such; any
other file is left to charset-normalizer, restricted to the Western encodings
our languages are written in, and a file that decodes only to control
characters (a binary file) is still refused.
"""

from __future__ import annotations

import codecs
import unicodedata

from charset_normalizer import from_bytes

from timeline.errors import BadInputError

_WESTERN = ["cp1252", "latin_1", "iso8859_15", "mac_roman", "cp850"]
_MAX_CONTROL_SHARE = 0.01  # more than this many control characters: not a text


def decode(data: bytes, name: str) -> tuple[str, str]:
    """``(text, encoding)``; raises :class:`BadInputError` E113 for what is no text."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return _text(data.decode(encoding), name), encoding.removesuffix("-sig")
            except UnicodeDecodeError as exc:
                raise BadInputError("E113", doc_id=name) from exc
    try:
        return _text(data.decode("utf-8"), name), "utf-8"
    except UnicodeDecodeError:
        pass
    if b"\x00" in data:
        raise BadInputError("E113", doc_id=name)
    best = from_bytes(data, cp_isolation=_WESTERN).best()
    if best is None:
        raise BadInputError("E113", doc_id=name)
    return _text(str(best), name), codecs.lookup(best.encoding).name


def _text(text: str, name: str) -> str:
    controls = sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in "\t\n\r\f")
    if text and controls / len(text) > _MAX_CONTROL_SHARE:
        raise BadInputError("E113", doc_id=name)
    return text
