"""Finding a site's feeds from one of its web pages.

A page declares its feeds with `<link rel="alternate" type="application/rss+xml">` (or
Atom, or JSON Feed); only when it declares none is it worth guessing the usual paths.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit, urlunsplit

from selectolax.lexbor import LexborHTMLParser

from tuinews.extract.charset import decode_bytes
from tuinews.untrusted import clean_line

FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/feed+json",
        "application/json+feed",
        "application/rdf+xml",
    }
)
COMMON_PATHS = ("/feed", "/rss.xml", "/atom.xml", "/feed.xml", "/index.xml", "/rss", "/feed/")


@dataclass(frozen=True)
class FeedLink:
    url: str
    title: str | None


def declared_feeds(page: bytes, base: str) -> list[FeedLink]:
    """The feeds a page declares, in its order, without repeats."""
    tree = LexborHTMLParser(decode_bytes(page))
    found: list[FeedLink] = []
    seen: set[str] = set()
    for node in tree.css("link[rel][href]"):
        rel = (node.attributes.get("rel") or "").lower().split()
        kind = (node.attributes.get("type") or "").lower().split(";")[0].strip()
        href = (node.attributes.get("href") or "").strip()
        if "alternate" not in rel or kind not in FEED_TYPES or not href:
            continue
        url = urljoin(base, href)
        if url not in seen and url.startswith(("http://", "https://")):
            seen.add(url)
            title = clean_line(node.attributes.get("title") or "") or None
            found.append(FeedLink(url=url, title=title))
    return found


def common_feed_urls(page_url: str) -> list[str]:
    """Where sites usually put their feed, tried only when a page declares none."""
    parts = urlsplit(page_url)
    return [urlunsplit((parts.scheme, parts.netloc, path, "", "")) for path in COMMON_PATHS]
