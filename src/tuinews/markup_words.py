"""The words of entry HTML by tag stripping: a feed entry's quick reading.

Good enough for search, lists and a fallback, and far cheaper than building blocks: a
refresh reads every entry, while only the opened ones are extracted in full. The
library derives a pending entry's text from its HTML the same way instead of storing
both (`library.packing`), so both must read it alike: hence one module.
"""

from __future__ import annotations

import html
import re

from tuinews.raw_text import RawTextEnds

# Elements whose content is no words of the story, dropped with comments.
_INVISIBLE = ("script", "style", "template")
_BLOCK_TAG = re.compile(
    r"(?i)</?(?:p|div|h[1-6]|li|ul|ol|blockquote|br|hr|figure|figcaption|table|tr|td|th|"
    r"section|article|header|footer|aside|pre|dl|dt|dd)\b[^>]*>"
)
_ANY_TAG = re.compile(r"<[^>]*>")


def paragraphs(text: str) -> list[str]:
    return [part for part in (" ".join(p.split()) for p in text.split("\n\n")) if part]


def quick_text(markup: str) -> str:
    """The words of entry HTML, a blank line between paragraphs."""
    text = _without_invisible(markup)
    # Every tag ends with ">": past the last one, each "<" would be tried to the end of
    # the text and fail ("<a<a<a…" with no ">" would take as many passes as it has "<").
    tags_end = text.rfind(">") + 1
    text = _BLOCK_TAG.sub("\n\n", text[:tags_end]) + text[tags_end:]
    tags_end = text.rfind(">") + 1
    text = _ANY_TAG.sub("", text[:tags_end]) + text[tags_end:]
    return "\n\n".join(paragraphs(html.unescape(text)))


def _without_invisible(markup: str) -> str:
    """The markup with each comment and script, style or template element as one space."""
    parts: list[str] = []
    kept = 0
    for start, end in RawTextEnds(markup, _INVISIBLE).spans():
        parts += (markup[kept:start], " ")
        kept = end
    return "".join(parts) + markup[kept:] if parts else markup
