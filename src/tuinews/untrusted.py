"""Rules for text that comes from the network (DESIGN.md, "Untrusted text").

Everything stored passes through here first, so no layer above has to wonder whether a
title can move the cursor, ring the bell or repaint the terminal.
"""

from __future__ import annotations

import re
from typing import Any

# A whole escape sequence goes, not just its ESC: "\x1b[31m" must not leave "[31m" behind.
_ESCAPE_SEQUENCE = re.compile(
    r"""
    \x1b\[[0-?]*[ -/]*[@-~]              # CSI: colours, cursor moves
    | \x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?  # OSC: titles, hyperlinks
    | \x1b[PX^_][^\x1b]*(?:\x1b\\)?       # DCS, SOS, PM, APC strings
    | \x1b[ -/]*[0-~]?                     # two-character escapes
    | \x9b[0-?]*[ -/]*[@-~]                # eight-bit CSI
    """,
    re.VERBOSE,
)
# C0 controls except tab and newline, DEL, C1 controls; also the Unicode bidi overrides
# that can make a title display as something other than what it is.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_LINE_BREAKS = re.compile(r"\s*[\r\n\u2028\u2029]+\s*")

SAFE_LINK_SCHEMES = frozenset({"http", "https", "file"})


def clean_text(value: str) -> str:
    """Strip escape sequences and control characters; keep newlines and tabs."""
    # Escape sequences and "\r" start with a control too, so nearly all text (which has
    # none) costs one scan and is returned as it is.
    if _CONTROL.search(value) is None:
        return value
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", _ESCAPE_SEQUENCE.sub("", value))


def clean_line(value: str) -> str:
    """Like `clean_text`, for one-line values (titles, names): line breaks become spaces."""
    return _LINE_BREAKS.sub(" ", clean_text(value)).strip()


_ONE_LINE_KEYS = frozenset({"title", "byline", "feed", "category", "speaker", "name", "url"})


def _clean_value(key: str | None, value: Any) -> Any:
    if isinstance(value, str):
        return clean_line(value) if key in _ONE_LINE_KEYS else clean_text(value)
    if isinstance(value, list):
        return [_clean_value(key, item) for item in value]
    if isinstance(value, dict):
        return {name: _clean_value(name, item) for name, item in value.items()}
    return value


def clean_document(document: dict[str, Any]) -> dict[str, Any]:
    """An article's JSON form with every string obeying the untrusted-text rules."""
    cleaned: dict[str, Any] = _clean_value(None, document)
    return cleaned


def is_followable(url: str | None) -> bool:
    """Only http, https and file links are followed or handed to a browser."""
    if not url:
        return False
    scheme, sep, _ = url.partition(":")
    return bool(sep) and scheme.lower() in SAFE_LINK_SCHEMES
