"""Bytes -> text for files and pages, the way a browser would guess.

A byte-order mark wins; then strict UTF-8, because valid multi-byte UTF-8 is never an
accident and pages declaring "iso-8859-1" while serving UTF-8 are common; then the
charset the document declares; then Windows-1252, which decodes anything.
"""

from __future__ import annotations

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
# Labels browsers read as Windows-1252 (the WHATWG encoding standard).
_WINDOWS_1252_LABELS = frozenset({"iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii"})


def has_bom(data: bytes) -> bool:
    return data.startswith(tuple(bom for bom, _ in _BOMS))


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        encoding = declared.lower()
        if encoding in _WINDOWS_1252_LABELS:
            encoding = "cp1252"
        try:
            return data.decode(encoding, errors="replace")
        except LookupError:
            pass
    return data.decode("cp1252", errors="replace")
