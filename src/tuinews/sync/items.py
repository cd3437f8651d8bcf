"""A Google Reader item -> a story for the library, through the feed entries' extraction path.

An item is stored as a feed entry is: a quick reading for lists and search, and its HTML,
which `tuinews.reading.open_article` extracts into sections, quotations and also-read boxes
the first time the story is opened.
"""

from __future__ import annotations

import html
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from tuinews.feeds.parse import plain_title, quick_text
from tuinews.library import prepare_article
from tuinews.library.syncstate import NewItem
from tuinews.model import Article
from tuinews.sync.greader import READ, STARRED, decode_items, item_number
from tuinews.untrusted import clean_line

_READ_SUFFIX = READ.removeprefix("user/-")
_STARRED_SUFFIX = STARRED.removeprefix("user/-")


def states(item: dict[str, Any]) -> tuple[bool, bool]:
    """(read, starred) as the item's categories say; `user/-/` or `user/<id>/` alike."""
    categories = [c for c in item.get("categories") or () if isinstance(c, str)]
    read = any(c.endswith(_READ_SUFFIX) for c in categories)
    starred = any(c.endswith(_STARRED_SUFFIX) for c in categories)
    return read, starred


def _link(item: dict[str, Any]) -> str | None:
    for key in ("alternate", "canonical"):
        for link in item.get(key) or ():
            href = link.get("href") if isinstance(link, dict) else None
            if isinstance(href, str) and urlsplit(href).scheme.lower() in ("http", "https"):
                return href
    return None


def _published(item: dict[str, Any]) -> datetime | None:
    value = item.get("published")
    if isinstance(value, int | float) and value > 0:
        try:
            return datetime.fromtimestamp(value, UTC)
        except (OverflowError, OSError, ValueError):
            return None
    return None


def _markup(item: dict[str, Any]) -> str:
    for key in ("content", "summary"):
        part = item.get(key)
        if isinstance(part, dict) and isinstance(part.get("content"), str) and part["content"]:
            value: str = part["content"]
            if "<" in value:
                return value
            return "".join(f"<p>{html.escape(p)}</p>" for p in value.split("\n\n") if p.strip())
    return ""


def item_key(item: dict[str, Any]) -> int:
    """The item's id as a number; ValueError when it has no usable one."""
    raw_id = item.get("id")
    if not isinstance(raw_id, str | int):
        raise ValueError("item without an id")
    return item_number(str(raw_id))


def read_item(item: dict[str, Any], feeds: dict[str, int]) -> NewItem:
    """Raise ValueError when the item has no usable id; everything else is optional."""
    number = item_key(item)
    markup = _markup(item)
    text = quick_text(markup) if markup else ""
    title = plain_title(str(item.get("title") or ""))
    if not title:
        words = text.split()
        title = " ".join(words[:12]) + ("…" if len(words) > 12 else "") if words else "(untitled)"
    author = item.get("author")
    article = Article(
        title=title,
        url=_link(item),
        published=_published(item),
        byline=clean_line(author) if isinstance(author, str) and author else None,
        text=text,
    )
    origin = item.get("origin")
    stream = origin.get("streamId") if isinstance(origin, dict) else None
    read, starred = states(item)
    return NewItem(
        item=number,
        feed_id=feeds.get(stream) if isinstance(stream, str) else None,
        guid=str(item["id"]),
        article=prepare_article(article, markup or None),
        read=read,
        starred=starred,
    )


def server_change_time(item: dict[str, Any]) -> float:
    """When the server last changed the item, its state included (seconds; 0 if unsaid)."""
    value = item.get("updated")
    return float(value) if isinstance(value, int | float) else 0.0


def read_answer(body: bytes, host: str, feeds: dict[str, int]) -> tuple[list[NewItem], int]:
    """A whole `stream/items/contents` answer read into stories, and how many items had no
    id; a plain function of bytes so that worker processes can run it."""
    items: list[NewItem] = []
    skipped = 0
    for raw in decode_items(body, host):
        try:
            items.append(read_item(raw, feeds))
        except ValueError:
            skipped += 1
    return items, skipped
