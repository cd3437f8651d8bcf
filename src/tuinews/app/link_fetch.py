"""Fetching the story behind a link that is not in the library yet.

Runs in a worker thread with its own library connection (SQLite connections are not shared
between threads); the reader only ever sees the id of the stored article or a FetchError.
"""

from __future__ import annotations

from pathlib import Path

from tuinews.ingest.extract import from_html
from tuinews.ingest.fetch import FetchError, fetch_page
from tuinews.library import Library


def fetch_and_store(db: Path, url: str, *, max_bytes: int, timeout: float) -> int:
    """The id of the article at `url`: the stored copy, or the page fetched, extracted, stored."""
    with Library.open(db) as library:
        known = library.find_by_url(url)
        if known is not None:
            return known
    page = fetch_page(url, max_bytes=max_bytes, timeout=timeout)
    if "html" not in page.content_type and page.content.lstrip()[:1] != b"<":
        raise FetchError(f"{url}: not a web page ({page.content_type or 'no type'})")
    article = from_html(page.content, page.url)
    if not article.sections:
        raise FetchError(f"{url}: no article text found in the page")
    if article.url is None:
        article.url = page.url
    with Library.open(db) as library:
        return library.store_article(article).id
