"""The stored-article text format of DESIGN.md -> Article.

A capture is blank-line separated chunks: a breadcrumb ending in a truncated title, the
title, the lead image's file name (words joined by underscores) with its credit, the lede,
then body paragraphs, short unpunctuated lines as section headings, "Also read" markers,
a "Sources:" line, and site furniture (widget labels, ad markers) that is dropped.
Lines the rules do not recognise stay in the body: nothing a reader wrote is lost.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from tuinews.extract import labels
from tuinews.extract.quotes import QuoteFinder
from tuinews.model import AlsoRead, Article, Block, Image, Link, Section

_IMAGE_NAME = re.compile(r"^[\w.-]*_[\w.-]*$")
_HEADING_END = re.compile(r"[.!?:;,…“”\"»«)]$")
_TRUNCATION = re.compile(r"(?:\.\.\.|…)\s*$")
_MARKDOWN_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_CREDIT_HINT = re.compile(
    r"(?:©|\bphoto\b|\bfoto\b|\bcredit\b|\bimage\b|\bbild\b|\bcc[ -]by|wikimedia|getty|reuters|"
    r"\bap\b|\bafp\b|\bdpa\b|ritzau|ntb|scanpix|shutterstock|/)",
    re.I,
)


_LIST_ITEM = re.compile(r"^(?:[-*•]|\d+[.)])\s+")


def _lines(text: str) -> list[str]:
    """One entry per paragraph: a chunk's lines joined, except an image name + credit.

    A chunk of list items stays one entry with its line breaks, to become a list block.
    """
    lines: list[str] = []
    for chunk in _chunks(text):
        if _IMAGE_NAME.match(chunk[0]) or len(chunk) == 1:
            lines.extend(chunk)
        elif all(_LIST_ITEM.match(line) for line in chunk):
            lines.append("\n".join(chunk))
        else:
            lines.append(" ".join(chunk))
    return lines


def _chunks(text: str) -> list[list[str]]:
    chunks: list[list[str]] = []
    current: list[str] = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = " ".join(raw.split())
        if line:
            current.append(line)
        elif current:
            chunks.append(current)
            current = []
    if current:
        chunks.append(current)
    return chunks


def _breadcrumb(first: str, title: str) -> tuple[bool, str | None]:
    """Whether `first` is a breadcrumb ending in the truncated `title`, and its category:
    the longest run of its last words (8 characters or more) that the title begins with."""
    if not _TRUNCATION.search(first):
        return False, None
    stem = " ".join(_TRUNCATION.sub("", first).split())
    for length in _ends_title_begins_with(stem, title):
        if length < 8:
            break
        start = len(stem) - length
        if start == 0 or stem[start - 1] == " ":
            crumbs = [word for word in stem[:start].split() if not labels.is_home_crumb(word)]
            return True, " ".join(crumbs) or None
    return False, None


def _ends_title_begins_with(stem: str, title: str) -> Iterator[int]:
    """The lengths of the ends of `stem` that `title` begins with, longest first, in one
    pass over each line (string matching's border table): trying each word of the line in
    turn compared the rest of it with the title, in the square of the line's length."""
    if not title:
        return
    # border[i]: the length of the longest proper start of title[: i + 1] that ends it too.
    border = [0] * len(title)
    matched = 0
    for index in range(1, len(title)):
        while matched and title[index] != title[matched]:
            matched = border[matched - 1]
        if title[index] == title[matched]:
            matched += 1
        border[index] = matched
    matched = 0
    for char in stem:
        while matched and (matched == len(title) or char != title[matched]):
            matched = border[matched - 1]
        if matched < len(title) and char == title[matched]:
            matched += 1
    while matched:
        yield matched
        matched = border[matched - 1]


def _is_heading(line: str, followed: bool) -> bool:
    """A short line before a paragraph, without end punctuation, or asking a question.

    Sites title sections with questions ("Will it be visible?"); a question that is a
    whole paragraph is longer, or has no paragraph after it.
    """
    words = line.split()
    question = line.endswith("?") and not _HEADING_END.search(line[:-1].rstrip())
    return (
        followed
        and 1 <= len(words) <= 12
        and len(line) <= 90
        and (question or not _HEADING_END.search(line))
        and line[:1].isupper()
    )


def parse_capture(text: str, *, markdown: bool = False) -> Article:
    """An article from a text capture, or from any plain text / Markdown file.

    Quotations are found here, paragraph by paragraph, because only here is it known
    which line is the lede and which a heading.
    """
    lines = _lines(text)
    if not lines:
        raise ValueError("the file has no text")
    index = 0
    category = None
    title_line = lines[0]
    is_capture = False
    heading = _MARKDOWN_HEADING.match(title_line)
    if heading:
        title_line = heading.group(2)
        markdown = True
    elif len(lines) > 1 and not markdown:
        is_capture, category = _breadcrumb(lines[0], lines[1])
        if is_capture:
            index = 1
            title_line = lines[1]
    index += 1
    article = Article(title=title_line, category=category)

    # The lead image: a file-like name, then a credit line.
    if index < len(lines) and _IMAGE_NAME.match(lines[index]) and not markdown:
        is_capture = True
        name = lines[index]
        index += 1
        credit = None
        if index < len(lines) and _CREDIT_HINT.search(lines[index]) and len(lines[index]) < 200:
            credit = lines[index]
            index += 1
        article.image = Image(name=name, credit=credit)

    body = lines[index:]
    finder = QuoteFinder()
    sections = [Section()]
    for position, line in enumerate(body):
        if (
            labels.is_widget_label(line)
            or labels.is_ad_marker(line)
            or labels.is_loading_label(line)
        ):
            continue
        sources = labels.sources_of(line)
        if sources is not None:
            article.sources.extend(sources)
            continue
        is_marker, linked_title = labels.also_read_marker(line)
        if is_marker:
            links = [Link(title=linked_title)] if linked_title else []
            sections[-1].blocks.append(Block(kind="also_read", text=line, links=links))
            article.also_read.append(AlsoRead(title=linked_title or "", section=len(sections) - 1))
            continue
        heading = _MARKDOWN_HEADING.match(line) if markdown else None
        if heading:
            sections.append(Section(title=heading.group(2)))
            continue
        if is_capture and article.lede is None and not sections[-1].blocks and len(sections) == 1:
            article.lede = line
            article.quotes.extend(finder.feed(line, 0))
            continue
        if not markdown and _is_heading(line, position + 1 < len(body)):
            sections.append(Section(title=line))
            continue
        if "\n" in line:
            items = [_LIST_ITEM.sub("", item) for item in line.split("\n")]
            ordered = line[0].isdigit()
            block = Block(kind="list", text="\n".join(items), items=items, ordered=ordered)
            sections[-1].blocks.append(block)
            continue
        sections[-1].blocks.append(Block(kind="paragraph", text=line))
        article.quotes.extend(finder.feed(line, len(sections) - 1))
    if not sections[0].blocks and len(sections) > 1:
        sections.pop(0)
        for quote in article.quotes:
            quote.section -= 1
        for link in article.also_read:
            link.section -= 1
    article.sections = sections
    return article
