"""Fetching one web page politely: bounded in size and time, with a clear error.

The size cap counts decoded bytes, so a small compressed body that inflates to gigabytes
is stopped at the cap instead of filling memory.
"""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from tuinews.extract.article import from_html
from tuinews.feeds.fetcher import USER_AGENT
from tuinews.model import Article

MAX_PAGE_BYTES = 10 * 1024 * 1024
PAGE_TIMEOUT = 20.0
MAX_REDIRECTS = 5


class FetchError(Exception):
    """A page that could not be fetched; the message is one line naming the reason."""


@dataclass(frozen=True)
class Page:
    url: str
    content: bytes
    content_type: str


def fetch_page(url: str, *, max_bytes: int = MAX_PAGE_BYTES, timeout: float = PAGE_TIMEOUT) -> Page:
    """GET `url` following redirects; refuse bodies over `max_bytes` once decoded."""
    if not url.lower().startswith(("http://", "https://")):
        raise FetchError(f"{url}: only http and https pages can be fetched")
    limits = httpx.Timeout(timeout, connect=min(timeout, 10.0))
    try:
        with (
            httpx.Client(
                follow_redirects=True,
                max_redirects=MAX_REDIRECTS,
                timeout=limits,
                headers={"User-Agent": USER_AGENT, "Accept": "text/html,*/*;q=0.8"},
            ) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code >= 400:
                reason = response.reason_phrase or "error"
                raise FetchError(f"{url}: HTTP {response.status_code} {reason}")
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(f"{url}: page is larger than {max_bytes // (1024 * 1024)} MB")
                chunks.append(chunk)
            return Page(
                url=str(response.url),
                content=b"".join(chunks),
                content_type=response.headers.get("content-type", ""),
            )
    except httpx.TooManyRedirects:
        raise FetchError(f"{url}: too many redirects") from None
    except httpx.TimeoutException:
        raise FetchError(f"{url}: timed out after {timeout:g} s") from None
    except httpx.InvalidURL as error:
        raise FetchError(f"{url}: invalid URL ({error})") from None
    except httpx.HTTPError as error:
        raise FetchError(f"{url}: {type(error).__name__}: {error}".rstrip(": ")) from None


def fetch_article(
    url: str, *, max_bytes: int = MAX_PAGE_BYTES, timeout: float = PAGE_TIMEOUT
) -> Article:
    """The story on the web page at `url`; a FetchError when it is no page or has no story."""
    page = fetch_page(url, max_bytes=max_bytes, timeout=timeout)
    if "html" not in page.content_type and page.content.lstrip()[:1] != b"<":
        raise FetchError(f"{url}: not a web page ({page.content_type or 'no type'})")
    article = from_html(page.content, page.url)
    if not article.sections:
        raise FetchError(f"{url}: no article text found in the page")
    return article
