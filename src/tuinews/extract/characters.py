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
_INVISIBLE = (
    *("\u00ad", "\u200b", "\u2060", "\ufeff"),
    *("&shy;", "&#173;", "&#xad;", "&#xAD;", "&#8203;", "&#x200b;", "&#x200B;"),
)


def without_invisible_breaks(page: str) -> str:
    """The page without soft hyphens and zero-width spaces, before it is parsed (so that
    the entities go too)."""
    for mark in _INVISIBLE:
        if mark in page:
            page = page.replace(mark, "")
    return page


def composed(text: str) -> str:
    """The text in Unicode's composed form (NFC): asked of each piece of text taken from
    the page, since a combining mark may be written as an entity."""
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)
