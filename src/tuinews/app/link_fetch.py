"""Fetching the story behind a link that is not in the library yet.

Runs in a worker thread with its own library connection (SQLite connections are not shared
between threads); the reader only ever sees the id of the stored article or a FetchError.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from tuinews.library import Library, prepare_article
from tuinews.pages import FetchError, fetch_article
from tuinews.reading import open_article


def fetch_and_store(db: Path, url: str, *, max_bytes: int, timeout: float) -> int:
    """The id of the article at `url`: the stored copy, or the page fetched, extracted and
    stored as saved (the user chose to follow it)."""
    with Library.open(db) as library:
        known = library.find_by_url(url)
        if known is not None:
            return known
    article = fetch_article(url, max_bytes=max_bytes, timeout=timeout)
    with Library.open(db) as library:
        return library.store_article(article, saved=True).id


def fetch_full_text(db: Path, article_id: int, *, max_bytes: int, timeout: float) -> None:
    """Replace a summary-only story's body with its web page's article, keeping the summary.

    The summary stays as the lede when the page has none of its own; the story keeps its
    id, title, feed, date and read state, so it stays where it was in every list.
    """
    with Library.open(db) as library:
        stored = open_article(library, article_id)
    if not stored.url:
        raise FetchError("this article has no web address to fetch")
    page = fetch_article(stored.url, max_bytes=max_bytes, timeout=timeout)
    if not page.sections:
        raise FetchError(f"{stored.url}: no article text found on the page")
    summary = " ".join(stored.text.split())
    full = replace(
        stored,
        lede=page.lede or stored.lede or summary or None,
        image=page.image or stored.image,
        byline=stored.byline or page.byline,
        sections=page.sections,
        quotes=page.quotes,
        also_read=page.also_read,
        sources=page.sources,
        text="",
    )
    with Library.open(db) as library:
        library.store_extracted(article_id, prepare_article(full))
