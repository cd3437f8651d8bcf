"""Saving a web page, or following a link to one: download it with `tuinews.http`, extract it.

The download carries every bound of `tuinews.http` (size cap on decoded bytes, timeouts,
http(s)-only redirects); this module adds what a page needs: an HTML check and a story.
"""

from __future__ import annotations

from dataclasses import dataclass

from tuinews.extract.article import from_html
from tuinews.http import MAX_BYTES, PAGE_ACCEPT, TIMEOUT, download
from tuinews.model import Article


class FetchError(Exception):
    """A page that could not be fetched; the message is one line naming the reason."""


@dataclass(frozen=True)
class Page:
    url: str
    content: bytes
    content_type: str


def fetch_page(url: str, *, max_bytes: int = MAX_BYTES, timeout: float = TIMEOUT) -> Page:
    """GET `url` following redirects; refuse bodies over `max_bytes` once decoded."""
    if not url.lower().startswith(("http://", "https://")):
        raise FetchError(f"{url}: only http and https pages can be fetched")
    response = download(url, accept=PAGE_ACCEPT, timeout=timeout, max_bytes=max_bytes)
    if response.error is not None or response.content is None:
        raise FetchError(f"{url}: {response.error or 'no content'}")
    return Page(
        url=response.url, content=response.content, content_type=response.content_type or ""
    )


def fetch_article(url: str, *, max_bytes: int = MAX_BYTES, timeout: float = TIMEOUT) -> Article:
    """The story on the web page at `url`; a FetchError when it is no page or has no story."""
    page = fetch_page(url, max_bytes=max_bytes, timeout=timeout)
    if "html" not in page.content_type and page.content.lstrip()[:1] != b"<":
        raise FetchError(f"{url}: not a web page ({page.content_type or 'no type'})")
    article = from_html(page.content, page.url)
    if not article.sections:
        raise FetchError(f"{url}: no article text found in the page")
    return article
