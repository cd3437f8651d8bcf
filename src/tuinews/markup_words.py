"""The words of entry HTML by tag stripping: a feed entry's quick reading.

Good enough for search, lists and a fallback, and far cheaper than building blocks: a
refresh reads every entry, while only the opened ones are extracted in full. The
library derives a pending entry's text from its HTML the same way instead of storing
both (`library.packing`), so both must read it alike: hence one module.
"""

from __future__ import annotations

import html
import re

_INVISIBLE = re.compile(r"(?is)<(script|style|template)\b.*?</\1\s*>|<!--.*?-->")
_BLOCK_TAG = re.compile(
    r"(?i)</?(?:p|div|h[1-6]|li|ul|ol|blockquote|br|hr|figure|figcaption|table|tr|td|th|"
    r"section|article|header|footer|aside|pre|dl|dt|dd)\b[^>]*>"
)
_ANY_TAG = re.compile(r"<[^>]*>")


def paragraphs(text: str) -> list[str]:
    return [part for part in (" ".join(p.split()) for p in text.split("\n\n")) if part]


def quick_text(markup: str) -> str:
    """The words of entry HTML, a blank line between paragraphs."""
    text = _INVISIBLE.sub(" ", markup)
    text = _BLOCK_TAG.sub("\n\n", text)
    return "\n\n".join(paragraphs(html.unescape(_ANY_TAG.sub("", text))))
