"""Subscribing: from whatever the user pasted (a feed, a web page, a file) to a feed.

The address is fetched once: when it is a feed, its entries are stored right away with
the validators of that response, so the first refresh can already be a 304. When it is a
web page, the feeds it declares are tried in order, and the usual paths only if it
declares none.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from tuinews.config import RefreshSettings
from tuinews.feeds.discovery import common_feed_urls, declared_feeds
from tuinews.feeds.fetcher import fetch_now
from tuinews.feeds.parse import FeedParseError, ParsedFeed, parse_feed
from tuinews.feeds.refresh import store_feed
from tuinews.http import Response
from tuinews.library import Library
from tuinews.model import Feed


class SubscribeError(Exception):
    """Nothing to subscribe to at that address; the message says why, in one line."""


@dataclass(frozen=True)
class Subscribed:
    feed: Feed
    created: bool
    new_articles: int = 0
    also_offered: list[str] = field(default_factory=list)


def feed_address(target: str) -> str:
    """A URL for `target`: http(s) and file:// as given, a local path as a file:// URL."""
    target = target.strip()
    scheme = urlsplit(target).scheme.lower()
    if scheme in ("http", "https", "file"):
        return target
    if scheme and len(scheme) > 1:
        raise SubscribeError(f"{target}: only http, https and file addresses can be subscribed")
    path = Path(target).expanduser()
    if not path.is_file():
        raise SubscribeError(f"{target}: no such file")
    return path.resolve().as_uri()


def _try_feed(url: str, settings: RefreshSettings) -> tuple[Response, ParsedFeed | None, str]:
    """Fetch `url`; (response, the feed if it is one, why not otherwise)."""
    response = fetch_now(url, settings)
    if response.error is not None or response.content is None:
        return response, None, response.error or "no content"
    try:
        return response, parse_feed(response.content, response.url, response.content_type), ""
    except FeedParseError as error:
        return response, None, str(error)


def _discover(page: Response, settings: RefreshSettings) -> tuple[Response, ParsedFeed, list[str]]:
    assert page.content is not None
    declared = [link.url for link in declared_feeds(page.content, page.url)]
    candidates = declared or common_feed_urls(page.url)
    for index, url in enumerate(candidates):
        response, parsed, _ = _try_feed(url, settings)
        if parsed is not None:
            return response, parsed, declared[index + 1 :] if declared else []
    if declared:
        raise SubscribeError(f"{page.url}: the page names feeds but none of them could be read")
    raise SubscribeError(f"{page.url}: no feed found (the page declares none)")


def subscribe(
    library: Library,
    target: str,
    settings: RefreshSettings,
    *,
    title: str | None = None,
    folder: str | None = None,
    full_text: bool = False,
) -> Subscribed:
    """Subscribe to the feed at (or found from) `target`; subscribing twice changes nothing.

    A full-text feed's first entries are left to the next refresh, which fetches their
    pages too.
    """
    url = feed_address(target)
    known = library.find_feed_by_url(url)
    if known is not None:
        return Subscribed(feed=known, created=False)
    response, parsed, reason = _try_feed(url, settings)
    offered: list[str] = []
    if parsed is None:
        if response.content is None or "web page" not in reason:
            raise SubscribeError(f"{url}: {reason}")
        response, parsed, offered = _discover(response, settings)
        known = library.find_feed_by_url(response.url)
        if known is not None:
            return Subscribed(feed=known, created=False, also_offered=offered)
    feed_url = response.url if not url.startswith("file:") else url
    feed = library.add_feed(feed_url, title or parsed.title or feed_url, folder)
    assert feed.id is not None
    if full_text:
        # The entries wait for a refresh, which fetches their pages as well.
        library.set_full_text(feed.id, True)
        return Subscribed(feed=library.get_feed(feed.id), created=True, also_offered=offered)
    feed, new, _ = store_feed(library, feed, response, parsed)
    return Subscribed(
        feed=library.get_feed(feed.id), created=True, new_articles=new, also_offered=offered
    )
