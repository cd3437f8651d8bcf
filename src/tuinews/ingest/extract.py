"""Text -> Article: the structure of a story from a plain-text file.

Plain text keeps every paragraph: the first line is the title, blank lines separate
paragraphs, and Markdown `#` headings open sections. Nothing a reader wrote is dropped.
"""

from __future__ import annotations

import re

from tuinews.model import Article, Block, Section

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def _paragraphs(text: str) -> list[str]:
    return [" ".join(chunk.split()) for chunk in _PARAGRAPH_BREAK.split(text) if chunk.strip()]


def from_text(text: str) -> Article:
    """An article from plain text or Markdown: title, sections, paragraphs."""
    chunks = _paragraphs(text.replace("\r\n", "\n"))
    if not chunks:
        raise ValueError("the file has no text")
    title_match = _HEADING.match(chunks[0])
    title = title_match.group(2) if title_match else chunks[0]
    sections = [Section()]
    for chunk in chunks[1:]:
        heading = _HEADING.match(chunk)
        if heading:
            sections.append(Section(title=heading.group(2)))
        else:
            sections[-1].blocks.append(Block(kind="paragraph", text=chunk))
    if not sections[0].blocks and len(sections) > 1:
        sections.pop(0)
    article = Article(title=title, sections=sections)
    article.text = article.body_text()
    return article
