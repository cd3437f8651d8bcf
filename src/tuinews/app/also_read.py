"""An article's also-read links as the body, the Also read pane and the number keys see them.

Links are numbered in reading order, the way `tuinews show` numbers them, so "3" means
the same link everywhere. A marker whose link was lost (text captures keep only the label)
is listed too, with stories from the library that match its words as suggestions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from tuinews.library import Library
from tuinews.model import Article, ArticleSummary
from tuinews.untrusted import is_followable

_WORD = re.compile(r"\w{4,}")
MAX_QUERY_WORDS = 8


@dataclass
class LinkEntry:
    """One link, or one marker without a link, where it stands in the article."""

    section: int
    block: int
    title: str
    number: int | None = None
    url: str | None = None
    target_id: int | None = None
    suggestions: list[ArticleSummary] = field(default_factory=list)
    suggestion_numbers: list[int] = field(default_factory=list)

    @property
    def stored(self) -> bool:
        return self.target_id is not None

    @property
    def followable(self) -> bool:
        return self.stored or is_followable(self.url)

    @property
    def unresolved(self) -> bool:
        return not self.followable


def link_entries(article: Article) -> list[LinkEntry]:
    """The links of every also-read block in reading order, numbered from 1."""
    entries: list[LinkEntry] = []
    number = 0
    for section_index, section in enumerate(article.sections):
        for block_index, block in enumerate(section.blocks):
            if block.kind != "also_read":
                continue
            if not block.links:
                entries.append(LinkEntry(section_index, block_index, title=""))
            for link in block.links:
                number += 1
                entries.append(
                    LinkEntry(
                        section_index,
                        block_index,
                        title=link.title,
                        number=number,
                        url=link.url,
                        target_id=link.target_id,
                    )
                )
    return entries


def number_keys(entries: Sequence[LinkEntry]) -> dict[int, tuple[int, int | None]]:
    """Which (entry, suggestion) each of the keys 1…9 follows.

    Links keep their numbers; suggestions take the numbers after the last link, in order,
    while keys are left, and each entry learns the numbers its suggestions got.
    """
    keys: dict[int, tuple[int, int | None]] = {
        entry.number: (index, None)
        for index, entry in enumerate(entries)
        if entry.number is not None and entry.number <= 9
    }
    following = max((entry.number or 0 for entry in entries), default=0) + 1
    for index, entry in enumerate(entries):
        entry.suggestion_numbers = []
        for suggestion in range(len(entry.suggestions)):
            if following > 9:
                break
            keys[following] = (index, suggestion)
            entry.suggestion_numbers.append(following)
            following += 1
    return keys


def suggestion_query(text: str) -> str:
    """An FTS5 query matching any of the telling words of `text` (quoted: no operators)."""
    words: list[str] = []
    for word in _WORD.findall(text.casefold()):
        if word not in words:
            words.append(word)
    return " OR ".join(f'"{word}"' for word in words[:MAX_QUERY_WORDS])


def find_suggestions(
    library: Library, article: Article, entries: Sequence[LinkEntry], limit: int = 3
) -> dict[int, list[ArticleSummary]]:
    """Stories in the library like each unresolved entry: by its title, else the article's."""
    found: dict[int, list[ArticleSummary]] = {}
    for index, entry in enumerate(entries):
        if not entry.unresolved:
            continue
        query = suggestion_query(entry.title or article.title)
        if not query:
            continue
        hits = library.search(query, limit=limit + 1)
        found[index] = [hit.article for hit in hits if hit.article.id != article.id][:limit]
    return found
