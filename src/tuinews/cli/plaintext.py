"""Articles as plain text for a terminal or a pipe: what `tuinews show` prints.

Structure stays visible without colour: headings are underlined, quotations indented
behind a bar, also-read links numbered in reading order as the reader's panes number them.
"""

from __future__ import annotations

import itertools
import textwrap
from collections.abc import Iterator

from tuinews.extract.language import part_labels
from tuinews.model import Article, Block


def _wrap(text: str, width: int, indent: str = "") -> list[str]:
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(
            textwrap.wrap(
                paragraph,
                width=width,
                initial_indent=indent,
                subsequent_indent=indent,
                break_on_hyphens=False,
            )
            or [indent.rstrip()]
        )
    return lines


def _block(block: Block, width: int, numbers: Iterator[int]) -> list[str]:
    if block.kind == "blockquote":
        return _wrap(block.text, width, "  │ ")
    if block.kind == "list":
        lines: list[str] = []
        for index, item in enumerate(block.items, 1):
            bullet = f"{index}. " if block.ordered else "• "
            wrapped = _wrap(item, width - len(bullet) - 2, "")
            lines.append(f"  {bullet}{wrapped[0]}")
            lines.extend(f"  {' ' * len(bullet)}{line}" for line in wrapped[1:])
        return lines
    if block.kind == "figure":
        caption = block.caption or block.text
        credit = f" ({block.credit})" if block.credit else ""
        return _wrap(f"[Figure] {caption}{credit}", width, "  ")
    if block.kind == "also_read":
        lines = [f"  ┌ {block.text or 'Also read'}"]
        for link in block.links:
            number = next(numbers)
            target = f"  → #{link.target_id}" if link.target_id else ""
            lines.extend(_wrap(f"[{number}] {link.title}{target}", width, "  │ "))
        if not block.links:
            lines.append("  │ (link not kept in this copy)")
        return lines
    if block.kind == "preformatted":
        return ["    " + line for line in block.text.split("\n")]
    if block.kind == "table":
        return ["  " + " | ".join(row) for row in block.rows] or _wrap(block.text, width, "  ")
    return _wrap(block.text, width)


def render_article(article: Article, width: int = 80) -> str:
    width = max(20, width)
    lines: list[str] = [*_wrap(article.title, width), "═" * min(width, len(article.title))]
    meta = [
        part
        for part in (
            article.byline,
            article.published.strftime("%Y-%m-%d %H:%M %z") if article.published else None,
            article.feed,
            article.category,
        )
        if part
    ]
    if meta:
        lines.extend(_wrap(" · ".join(meta), width))
    if article.url:
        lines.append(article.url)
    if article.image and (article.image.caption or article.image.credit or article.image.name):
        image = article.image
        caption = image.caption or (image.name or "").replace("_", " ")
        credit = f" ({image.credit})" if image.credit else ""
        lines += ["", *_wrap(f"[Image] {caption}{credit}", width)]
    if article.lede:
        lines += ["", *_wrap(article.lede, width)]
    numbers = itertools.count(1)
    for section in article.sections:
        if section.title:
            lines += ["", *_wrap(section.title, width), "─" * min(width, len(section.title))]
        for block in section.blocks:
            lines += ["", *_block(block, width, numbers)]
    if article.sources:
        label = part_labels(article).sources
        lines += ["", *_wrap(f"{label}: " + "; ".join(article.sources), width)]
    return "\n".join(lines) + "\n"
