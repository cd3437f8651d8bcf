"""A feed document (RSS, Atom, JSON Feed) -> its title and its entries as `Article`s.

feedparser reads the document. Its HTML sanitising and relative-URI resolution are turned
off: they are most of its time, and entry HTML goes through our own extraction
(`from_html`), which drops scripts and chrome and makes links absolute itself. Entries
then have sections and quotations like any stored page.

`parse_feed` is a plain function of bytes so the refresh engine can run it in a process
pool; what it returns pickles.
"""

from __future__ import annotations

import html
import re
import time
from calendar import timegm
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import ModuleType
from typing import Any
from urllib.parse import urljoin

from selectolax.lexbor import LexborHTMLParser

from tuinews.markup_words import paragraphs, quick_text
from tuinews.model import Article, Block, Section
from tuinews.untrusted import clean_line, is_web_address

# feedparser's date handlers accept years it cannot represent; keep what datetime can.
_MIN_YEAR = 1970


class FeedParseError(Exception):
    """A document that is not a feed; the message is one line for the user."""


@dataclass(frozen=True)
class FeedEntry:
    """One entry: its identity in the feed (guid, else link) and the article it carries.

    `article` is a quick reading: identity, date and, in `text`, the words of its
    paragraphs, with no sections yet. `html` is the entry's body, whose full extraction
    (`extract_entry`) waits until someone opens the story. Nearly all entries of a busy
    feed are never opened, and extraction is most of what a refresh would otherwise spend.
    """

    guid: str | None
    article: Article
    html: str | None = None


@dataclass(frozen=True)
class ParsedFeed:
    title: str
    link: str | None
    entries: list[FeedEntry] = field(default_factory=list)


def _looks_like_html(content: bytes) -> bool:
    head = content[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head[:300]


def _date(entry: Any) -> datetime | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value: time.struct_time | None = entry.get(key)
        if value is not None and value.tm_year >= _MIN_YEAR:
            try:
                return datetime.fromtimestamp(timegm(value), UTC)
            except (OverflowError, ValueError, OSError):
                continue
    return None


def _entry_html(entry: Any) -> str:
    """The richest body an entry offers: full content before the summary."""
    candidates: list[tuple[str, str]] = [
        (part.get("value", ""), part.get("type", "text/html")) for part in entry.get("content", ())
    ]
    if entry.get("summary"):
        detail = entry.get("summary_detail") or {}
        candidates.append((entry["summary"], detail.get("type", "text/html")))
    if not candidates:
        return ""
    value, kind = max(candidates, key=lambda pair: len(pair[0]))
    if "html" in kind:
        return value
    return "".join(f"<p>{html.escape(part)}</p>" for part in value.split("\n\n") if part.strip())


def plain_title(value: str) -> str:
    """Feed titles are sometimes escaped HTML ("Q&amp;A", "<b>New</b>"): show the words."""
    if "<" in value or "&" in value:
        body = LexborHTMLParser(f"<body>{value}</body>").body
        value = body.text(separator="") if body is not None else value
    return clean_line(value)


_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


def _entry_url(link: str | None, base: str) -> str | None:
    """The entry's address; not a bare guid that feedparser took for a permalink."""
    if not link:
        return None
    if not _SCHEME.match(link) and "/" not in link:
        return None
    try:
        url = urljoin(base, link)
    except ValueError:  # "http://[::1" and the like
        return None
    # A local feed's "../private.html" joins into a file: URL; a link inside a
    # document is only ever a web address (a local path is read when the user types it).
    return url if is_web_address(url) else None


def _plain_article(text: str) -> Article:
    """A summary with no markup: its paragraphs are the whole story."""
    from tuinews.extract.article import finish  # see `extract_entry`

    return finish(Article(title="", sections=paragraph_sections(text)))


def paragraph_sections(text: str) -> list[Section]:
    """Plain text (paragraphs apart by blank lines) as one section of paragraph blocks."""
    blocks = [Block(kind="paragraph", text=part) for part in paragraphs(text)]
    return [Section(blocks=blocks)] if blocks else []


def extract_entry(quick: Article, markup: str) -> Article:
    """The full reading of an entry: sections, quotations, figures and links from its HTML.

    Identity and date stay the feed's: a fragment of HTML has no better title or date.
    """
    # Imported here: the extractor (quotation rules in eight languages, page layouts)
    # is most of this program's start-up, and a refresh of HTML feeds never needs it.
    from tuinews.extract.article import from_html

    article = from_html(markup, quick.url)
    article.title = quick.title
    article.url = quick.url
    article.published = quick.published or article.published
    article.byline = quick.byline or article.byline
    article.category = quick.category or article.category
    return article


def _entry_article(parsed_entry: Any, base: str) -> FeedEntry:
    # A plain dict of the same keys: FeedParserDict looks every key up through Python code,
    # and those lookups cost more than the rest of this function.
    entry = dict(parsed_entry)
    url = _entry_url(entry.get("link"), base)
    body = _entry_html(entry)
    media = _media(entry.get("links") or (), base)
    if media:
        # A podcast's recording, kept as an address in the text: `L` lists it, `o` plays it.
        lines = [f"Media: {address}" for address in media]
        body += (
            "".join(f"<p>{html.escape(line)}</p>" for line in lines)
            if "<" in body
            else ("".join(f"\n\n{line}" for line in lines))
        )
    markup = body if "<" in body else None
    if markup:
        article = Article(title="", text=quick_text(markup))
    else:
        article = _plain_article(html.unescape(body))
    title = plain_title(entry.get("title", "")) or article.title
    if not title:
        words = article.text.split()
        title = " ".join(words[:12]) + ("…" if len(words) > 12 else "") if words else "(untitled)"
    article.title = title
    article.url = url
    article.published = _date(entry) or article.published
    article.byline = _byline(entry)
    tags = entry.get("tags") or ()
    if tags and tags[0].get("term"):
        article.category = clean_line(tags[0]["term"])
    guid = entry.get("id") or url
    return FeedEntry(guid=clean_line(guid) if guid else None, article=article, html=markup)


def _media(links: Any, base: str) -> list[str]:
    """The http(s) addresses of an entry's enclosures (recordings, videos), in order."""
    found = []
    for link in links:
        if not hasattr(link, "get") or link.get("rel") != "enclosure":
            continue
        href = link.get("href")
        address = urljoin(base, href.strip()) if href else None
        if address and is_web_address(address) and address not in found:
            found.append(address)
    return found


_EMAIL = re.compile(r"(?:mailto:)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _byline(entry: dict[str, Any]) -> str | None:
    """Who wrote the entry: a name, never an e-mail address.

    RSS puts an address in <author>, often with the name in brackets
    ("news@example.org (Jane Rivers)"); feedparser splits that into name and email.
    What is left of the author line without addresses and brackets is the byline.
    """
    detail = entry.get("author_detail") or {}
    name = detail.get("name") or entry.get("author") or ""
    name = _EMAIL.sub("", name)
    name = re.sub(r"[()<>\[\]]", " ", name)
    name = " ".join(clean_line(name).split()).strip(" ,;:-–—")
    return name if re.search(r"\w", name) and name.casefold() != "mailto" else None


def _feedparser() -> ModuleType:
    """feedparser, imported and set up (`feedparser_setup`) when the first feed is parsed.

    Importing it is a tenth of the command's start-up, and a refresh in which every feed
    answers 304 parses nothing.
    """
    import feedparser

    from tuinews.feeds import feedparser_setup

    feedparser_setup.install()
    return feedparser


_EXPAT_PLACE = re.compile(r"<unknown>:(\d+):(\d+):\s*")


def _parser_words(problem: str) -> str:
    """expat's "<unknown>:2:0: syntax error" as "line 2, column 1: syntax error"."""
    text = clean_line(" ".join(problem.split()))
    place = _EXPAT_PLACE.search(text)
    if place is None:
        return text
    line, column = int(place.group(1)), int(place.group(2)) + 1
    return _EXPAT_PLACE.sub("", text, count=1).strip() + f" at line {line}, column {column}"


def parse_feed(content: bytes, url: str, content_type: str | None = None) -> ParsedFeed:
    """Parse a fetched feed document; raise FeedParseError when it is not one."""
    if not content.strip():
        raise FeedParseError("the server sent an empty document")
    headers = {"content-type": content_type} if content_type else {}
    parsed = _feedparser().parse(
        content,
        response_headers=headers,
        sanitize_html=False,
        resolve_relative_uris=False,
    )
    if not parsed.get("version") and not parsed.entries:
        if _looks_like_html(content) or (content_type and "html" in content_type):
            raise FeedParseError("not a feed: the address serves a web page")
        problem = parsed.get("bozo_exception")
        detail = f" ({_parser_words(str(problem))})" if problem else ""
        raise FeedParseError(f"not a feed: no RSS, Atom or JSON Feed found{detail}")
    feed = parsed.feed
    base = url
    return ParsedFeed(
        title=plain_title(feed.get("title", "")),
        link=urljoin(base, feed["link"]) if feed.get("link") else None,
        entries=[_entry_article(entry, base) for entry in parsed.entries],
    )
