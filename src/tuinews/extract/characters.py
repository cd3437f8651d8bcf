"""Characters that change how a text is spelled, not what it says.

Pages hyphenate long words with soft hyphens (`Mit&shy;tel&shy;al&shy;ter`) and break
lines with zero-width spaces; both are invisible where the page is drawn, but kept in
the text they cut every word they sit in, for search, for quoting and for copying. The
same letter may also be sent composed or decomposed (Bengali `য়` as one code point or as
`য` and a nukta): the text is stored in one form, NFC, so that equal words compare equal.
"""

from __future__ import annotations

import unicodedata

# Soft hyphens, zero-width spaces, word joiners and byte-order marks, as characters or as
# the entities a page writes them with. Zero-width (non-)joiners shape Indic and Persian
# letters and stay.
_CHARACTERS = ("\u00ad", "\u200b", "\u2060", "\ufeff")
_NUMERIC = ("&#173;", "&#xad;", "&#xAD;", "&#8203;", "&#x200b;", "&#x200B;")


def without_invisible_breaks(page: str) -> str:
    """The page without soft hyphens and zero-width spaces, before it is parsed (so that
    the entities go too)."""
    if not page.isascii():  # known without a pass
        for mark in _CHARACTERS:
            if mark in page:
                page = page.replace(mark, "")
    if "&shy;" in page:
        page = page.replace("&shy;", "")
    if _has_numeric_mark(page):
        for mark in _NUMERIC:
            if mark in page:
                page = page.replace(mark, "")
    return page


def _has_numeric_mark(page: str) -> bool:
    """Whether one of the marks is written as a numeric entity: one pass over the page
    from "&#" to "&#", not one for each way of writing them (a page of a megabyte, in
    four bytes a character when it has an emoji, takes a millisecond a pass)."""
    position = page.find("&#")
    while position >= 0:
        if page.startswith(_NUMERIC, position):
            return True
        position = page.find("&#", position + 2)
    return False


def composed(text: str) -> str:
    """The text in Unicode's composed form (NFC): asked of each piece of text taken from
    the page, since a combining mark may be written as an entity."""
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)
