"""Subscription lists in and out: OPML 1/2 (via listparser) and newsboat's `urls` file.

Reading gives plain `Subscription` values and warnings for lines we cannot honour;
writing gives OPML 2.0 with folders as nested outlines, which `read_opml` reads back to
the same subscriptions.
"""

from __future__ import annotations

import codecs
import re
import shlex
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime

import listparser

from tuinews.untrusted import clean_line
from tuinews.urls import address_problem

FOLDER_SEPARATOR = "/"
_NEWSBOAT_SPECIAL = ("query:", "exec:", "filter:")


class SubscriptionListError(Exception):
    """A file that is neither OPML nor a newsboat urls file."""


@dataclass(frozen=True)
class Subscription:
    url: str
    title: str | None = None
    folder: str | None = None


@dataclass
class SubscriptionList:
    subscriptions: list[Subscription] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def looks_like_opml(data: bytes) -> bool:
    return b"<opml" in data[:4096].lower()


def looks_like_urls_file(text: str) -> bool:
    """Every line a comment or starting with a feed address or a newsboat special line."""
    lines = [line.strip() for line in text.splitlines()]
    lines = [line for line in lines if line and not line.startswith("#")]
    starts = ("http://", "https://", "file://", *_NEWSBOAT_SPECIAL)
    return bool(lines) and all(line.lstrip('"').lower().startswith(starts) for line in lines)


_XML_DECLARATION = re.compile(
    rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._:-]+)[\"'][^>]*\?>"
)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def xml_as_utf8(data: bytes) -> bytes:
    """An XML document re-encoded as UTF-8, from its BOM, its declaration, or UTF-8.

    listparser decodes as UTF-8 whatever the declaration says (a traceback for an
    ISO-8859-1 export without lxml, mojibake with it), so the declared encoding is
    honoured here and the parser is handed UTF-8 with a declaration saying so.
    """
    encoding = None
    for bom, name in _BOMS:
        if data.startswith(bom):
            data, encoding = data[len(bom) :], name
            break
    if encoding is None and b"\x00" in data[:4096]:
        raise SubscriptionListError("binary data, not an OPML or text file")
    declared = _XML_DECLARATION.match(data) if encoding is None else None
    encoding = encoding or (declared.group(1).decode("ascii") if declared else "utf-8")
    try:
        text = data.decode(encoding)
    except LookupError:
        raise SubscriptionListError(
            f"unknown encoding {encoding!r} in the XML declaration"
        ) from None
    except UnicodeDecodeError as error:
        raise SubscriptionListError(
            f"not valid {encoding} text (byte {error.start + 1}); is it an OPML file?"
        ) from None
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text, count=1)
    return b'<?xml version="1.0" encoding="utf-8"?>' + text.encode("utf-8")


def read_opml(data: bytes) -> SubscriptionList:
    """OPML 1.0/2.0; nested outlines become folders joined with "/"."""
    parsed = listparser.parse(xml_as_utf8(data))
    if not parsed.feeds:
        problem = " ".join(str(parsed.get("bozo_exception") or "").split())
        detail = f" ({problem})" if problem else ""
        raise SubscriptionListError(f"no feeds found in the OPML file{detail}")
    found = SubscriptionList()
    for feed in parsed.feeds:
        url = clean_line(feed.url)
        problem = address_problem(url)
        if problem is not None:
            found.warnings.append(f"skipped {url!r}: {problem}")
            continue
        folders = (
            [clean_line(category) for category in feed.categories[0]] if feed.categories else []
        )
        title = clean_line(feed.title) if feed.title and feed.title != feed.url else None
        folder = FOLDER_SEPARATOR.join(part for part in folders if part) or None
        found.subscriptions.append(Subscription(url=url, title=title, folder=folder))
    return found


def read_urls_file(text: str) -> SubscriptionList:
    """newsboat's `urls`: `URL tag "tag two" "~Title"`; specials are skipped with a warning."""
    found = SubscriptionList()
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.lstrip('"').lower().startswith(_NEWSBOAT_SPECIAL):
            kind = line.lstrip('"').split(":", 1)[0]
            found.warnings.append(f"line {number}: {kind}: lines are not supported, skipped")
            continue
        try:
            words = shlex.split(line, comments=True)
        except ValueError:
            found.warnings.append(f"line {number}: skipped, unbalanced quotes")
            continue
        url, *rest = words
        problem = address_problem(clean_line(url))
        if problem is not None:
            found.warnings.append(f"line {number}: skipped {clean_line(url)!r}: {problem}")
            continue
        title = next((clean_line(word[1:]) for word in rest if word.startswith("~")), None)
        tags = [
            clean_line(word) for word in rest if not word.startswith(("~", "!")) and word.strip()
        ]
        found.subscriptions.append(
            Subscription(url=clean_line(url), title=title or None, folder=tags[0] if tags else None)
        )
    return found


def write_opml(subscriptions: Iterable[Subscription], title: str = "tuinews subscriptions") -> str:
    """OPML 2.0: one outline per folder level, feeds as `type="rss"` outlines."""
    root = ElementTree.Element("opml", version="2.0")
    head = ElementTree.SubElement(root, "head")
    ElementTree.SubElement(head, "title").text = title
    ElementTree.SubElement(head, "dateCreated").text = format_datetime(
        datetime.now(UTC), usegmt=True
    )
    body = ElementTree.SubElement(root, "body")
    folders: dict[str, ElementTree.Element] = {}

    def folder_outline(path: str) -> ElementTree.Element:
        if path not in folders:
            parent_path, _, name = path.rpartition(FOLDER_SEPARATOR)
            parent = folder_outline(parent_path) if parent_path else body
            folders[path] = ElementTree.SubElement(parent, "outline", text=name, title=name)
        return folders[path]

    for subscription in subscriptions:
        parent = folder_outline(subscription.folder) if subscription.folder else body
        name = subscription.title or subscription.url
        ElementTree.SubElement(
            parent, "outline", type="rss", text=name, title=name, xmlUrl=subscription.url
        )
    ElementTree.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(root, "unicode") + "\n"
