"""The links of a story, for `L`: its also-read links, figures and addresses in the text.

Stored stories keep their blocks as text, so a link inside a paragraph survives only as
an address written out in it; those are found here too. Only http(s) addresses count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tuinews.model import Article

_ADDRESS = re.compile(r"https?://[^\s<>\"'«»“”‘’]+", re.IGNORECASE)
_TRAILING = ".,;:!?)]}"


@dataclass(frozen=True)
class ArticleLink:
    """`picture`: the address of an image, which a browser shows and the reader cannot."""

    url: str
    title: str = ""
    picture: bool = False


def article_links(article: Article) -> list[ArticleLink]:
    """In reading order, each address once."""
    found: list[ArticleLink] = []
    seen: set[str] = set()

    def add(url: str | None, title: str = "", *, picture: bool = False) -> None:
        if url and url.lower().startswith(("http://", "https://")) and url not in seen:
            seen.add(url)
            found.append(ArticleLink(url=url, title=" ".join(title.split()), picture=picture))

    for section in article.sections:
        for block in section.blocks:
            for link in block.links:
                add(link.url, link.title)
            if block.kind == "figure":
                add(block.url, block.caption or "Figure", picture=True)
            for match in _ADDRESS.finditer(block.text):
                add(match.group().rstrip(_TRAILING))
    for link in article.also_read:
        add(link.url, link.title)
    if article.image is not None:
        add(article.image.url, article.image.caption or "Lead image", picture=True)
    return found
