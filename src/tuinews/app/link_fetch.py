"""Fetching the story behind a link that is not in the library yet.

Runs in a worker thread with its own library connection (SQLite connections are not shared
between threads); the reader only ever sees the id of the stored article or a FetchError.
"""

from __future__ import annotations

from pathlib import Path

from tuinews.library import Library
from tuinews.pages import fetch_article


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
