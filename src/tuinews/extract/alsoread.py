"""Also-read boxes inside a story: a related link or a few, labelled "Also read",
"Lesen Sie auch", "Related"… or classed so (DESIGN.md, "Also-read links"). They are read
from the raw DOM in place, so the walk can keep them where the site put them.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

from selectolax.lexbor import LexborNode

from tuinews.extract import labels
from tuinews.extract.container import ALSO_READ_WORDS, WIDGET_WORDS
from tuinews.extract.dom import element_words, link_text_length, node_text, text_start
from tuinews.model import Block, Link
from tuinews.untrusted import is_web_address

LABEL_TAGS = frozenset("p div span strong b".split())
_LABEL_START = re.compile(rf"^\s*(?:{labels.ALSO_READ})\s*[:：»›>|–—-]?\s*", re.I)


def is_also_read_box(node: LexborNode) -> bool:
    """A box of one to six links to other stories, classed as related or starting with
    an also-read label; recommendation widgets (Outbrain, most read) are not."""
    words = element_words(node)
    if words & WIDGET_WORDS:
        return False
    if words & ALSO_READ_WORDS:
        text = len(node_text(node))
        return 0 < _link_count(node) <= 6 and text < 500 and link_text_length(node) > 0.4 * text
    if node.tag in ("aside", "div", "section", "p", "ul", "a"):
        label = text_start(node, 60)
        is_marker, _ = labels.also_read_marker(label.split(":")[0] if ":" in label else label)
        if is_marker or _label_starts(label):
            return 0 < _link_count(node) <= 6 and len(node_text(node)) < 600
    return False


def is_lone_label(node: LexborNode) -> bool:
    """An element that says only "Read more:", "Lesen Sie auch", and links nowhere."""
    text = text_start(node, 40)
    return (
        0 < len(text) < 40
        and labels.also_read_marker(text.rstrip(" :：»›>|–—-"))[0]
        and node.css_first("a[href]") is None
    )


def is_link_box(node: LexborNode) -> bool:
    """A short element of one to six links, mostly link text: what a lone label names."""
    text = len(node_text(node))
    return 0 < _link_count(node) <= 6 and 0 < text < 600 and link_text_length(node) > 0.6 * text


def _link_count(node: LexborNode) -> int:
    """How many places the element links to (a teaser often links its picture and its
    headline to the same story). A teaser that is itself one link counts once: lexbor's
    `css` matches the element itself too."""
    hrefs = {anchor.attributes.get("href") for anchor in node.css("a[href]")}
    return len(hrefs)


def _label_starts(text: str) -> bool:
    return bool(_LABEL_START.match(text))


def also_read_block(node: LexborNode, base: str | None) -> Block | None:
    """The box as an `also_read` block: its label, and each linked story once with an
    absolute URL."""
    links: list[Link] = []
    for anchor in node.css("a[href]"):
        href = anchor.attributes.get("href") or ""
        title = node_text(anchor)
        title = _LABEL_START.sub("", title).strip()
        if not title or href.startswith(("#", "javascript:", "mailto:")):
            continue
        url = urljoin(base, href) if base else href
        if not is_web_address(url) and (base or ":" in url.partition("/")[0]):
            continue  # a box in a local file linking "../other.html": never read
        if any(link.url == url for link in links):
            continue  # the same story linked twice (its picture, its headline)
        links.append(Link(title=title, url=url))
    if not links:
        return None
    label_match = _LABEL_START.match(node_text(node))
    label = label_match.group(0).strip(" :：»›>|–—-") if label_match else "Also read"
    return Block(kind="also_read", text=label or "Also read", links=links[:6])
