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


# A title longer than this is not a title but a page pasted into one: a 1 MB title made
# every cursor move in the article list cost 0.2 s.
TITLE_LIMIT = 300
# What `printable` spells out: the controls above, and tab (a field separator in our output).
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def short_line(value: str, limit: int = TITLE_LIMIT) -> str:
    """A one-line value cut to `limit` characters, at a space when there is one near."""
    line = clean_line(value)
    if len(line) <= limit:
        return line
    cut = line[: limit - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip() + "…"


def printable(value: str) -> str:
    """`value` with every control character spelled out (`\\n`, `\\x1b`), for one line of
    output naming something the user chose, such as a file name, which must stay
    recognisable rather than be cleaned away."""
    return _UNPRINTABLE.sub(lambda found: found.group().encode("unicode_escape").decode(), value)


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


def is_web_address(url: str | None) -> bool:
    """A link found inside a document may only point at the web: a feed file's
    "../private.html" or "file:///etc/passwd" is never read, fetched or opened."""
    return bool(url) and url.lower().startswith(("http://", "https://"))
