"""Figures: the picture, its caption and its credit, read from the raw DOM.

Sites put credits in many places: a child element with a class like `credit`, a
"Photo: …" / "Foto: …" / "© …" tail, a "… / Agency" suffix, "(Name/Agency)". The credit
is split out of the caption so each can be shown and searched on its own.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

from selectolax.lexbor import LexborHTMLParser, LexborNode

from tuinews.ingest.dom import element_words, node_text
from tuinews.model import Block, Image, Section

_CREDIT_WORDS = frozenset(
    "credit credits copyright source author photographer byline image-credit caption-credit "
    "media-credit photo-credit attribution rights".split()
)
_CREDIT_PATTERNS = (
    re.compile(
        r"[\s(\[|–—-]*\b(?P<credit>(?:photo(?:graph)?s?|foto(?:s|grafi)?|bild|billede|"
        r"image|credit|kredit|crédit|quelle|source|kilde|illustration|grafik)\s*:\s*.+?)"
        r"[)\]]?\s*$",
        re.I,
    ),
    re.compile(r"[\s(\[|–—-]*(?P<credit>©.+?)[)\]]?\s*$"),
    re.compile(r"\s+(?P<credit>/\s*[^/]{2,80})$"),
    re.compile(r"\s*\((?P<credit>[^()]{2,60}/[^()]{2,60})\)\s*$"),
)


def split_credit(text: str) -> tuple[str | None, str | None]:
    """A caption's own words and its credit: "Photo: X", "© X", "… / Agency", "(X/Y)"."""
    text = re.sub(r"\s+", " ", text).strip()
    if not text:
        return None, None
    for pattern in _CREDIT_PATTERNS:
        match = pattern.search(text)
        if match and match.start() > 0:
            caption = text[: match.start()].strip(" |–—-,;(")
            credit = match.group("credit").strip(" |()[]")
            if caption and credit:
                return caption, credit
        elif match and pattern is not _CREDIT_PATTERNS[2]:
            return None, match.group("credit").strip(" |()[]")
    return text, None


def image_url(node: LexborNode, base: str | None) -> str | None:
    img = node if node.tag == "img" else node.css_first("img")
    if img is None:
        source = node.css_first("source[srcset]")
        src = source.attributes.get("srcset") if source else None
    else:
        attrs = img.attributes
        src = attrs.get("data-src") or attrs.get("src") or attrs.get("data-original")
        if not src or src.startswith("data:"):
            srcset = attrs.get("srcset") or attrs.get("data-srcset")
            src = srcset.split(",")[0].split()[0] if srcset else None
    if not src or src.startswith("data:"):
        return None
    src = src.split()[0] if " " in src.strip() else src.strip()
    return urljoin(base, src) if base else src


def figure_block(node: LexborNode, base: str | None) -> Block | None:
    url = image_url(node, base)
    caption_node = node.css_first("figcaption") or node.css_first(
        '[class*="caption"], [class*="Caption"]'
    )
    credit = None
    caption = None
    if caption_node is not None:
        for child in caption_node.css("*"):
            if element_words(child) & _CREDIT_WORDS and node_text(child):
                credit = node_text(child)
                child.decompose()
                break
        caption, found_credit = split_credit(node_text(caption_node))
        credit = credit or found_credit
    if credit is None:
        for child in node.css("*"):
            if element_words(child) & _CREDIT_WORDS and node_text(child):
                credit = node_text(child)
                break
    if caption is None and credit is None:
        img = node.css_first("img")
        alt = img.attributes.get("alt") if img is not None else None
        if alt and len(alt.split()) >= 3:
            caption, credit = split_credit(alt)
    if url is None and caption is None:
        return None
    return Block(kind="figure", text=caption or "", url=url, caption=caption, credit=credit)


def promote_lead_figure(sections: list[Section], image: Image | None) -> Image | None:
    """A figure standing before any body text is the lead image, not a body figure."""
    if not sections or sections[0].title is not None or not sections[0].blocks:
        return image
    first = sections[0].blocks[0]
    if first.kind != "figure" or (image is not None and (image.caption or image.credit)):
        return image
    sections[0].blocks.pop(0)
    url = first.url or (image.url if image else None)
    name = (url or "").rsplit("/", 1)[-1].split("?")[0] or None
    return Image(url=url, name=name, caption=first.caption, credit=first.credit)


def lead_image(
    tree: LexborHTMLParser, container: LexborNode | None, base: str | None, og_image: str | None
) -> Image | None:
    """The lead picture: the first figure before the body text, else OpenGraph's image."""
    first_figure = tree.css_first("figure")
    if first_figure is not None and container is not None:
        inside = False
        node = first_figure
        while node is not None:
            if node.mem_id == container.mem_id:
                inside = True
                break
            node = node.parent
        if not inside:
            block = figure_block(first_figure, base)
            if block is not None and (block.caption or block.credit):
                name = (block.url or "").rsplit("/", 1)[-1].split("?")[0] or None
                return Image(
                    url=block.url or og_image, name=name, caption=block.caption, credit=block.credit
                )
    if og_image:
        url = urljoin(base, og_image) if base else og_image
        return Image(url=url, name=url.rsplit("/", 1)[-1].split("?")[0] or None)
    return None
