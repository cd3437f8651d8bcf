"""Galleries, carousels and slideshows: their pictures are the story's, their text is not.

A gallery's items are found as the largest boxes holding one picture each, whatever the
markup; a lead gallery above the body (outside its text, inside the story's <article>
or <main>) gives the lead image and the first figures.
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser, LexborNode

from tuinews.extract.container import is_boilerplate, is_media_box, near_boilerplate
from tuinews.extract.dom import first_paragraph, has_ancestor, node_text
from tuinews.extract.figures import figure_block, is_figure_part
from tuinews.model import Block

_NEAR = 8  # levels: how far up a gallery item looks for chrome around it
_MAX_GALLERY_DEPTH = 40
_MEDIA_SELECTOR = ", ".join(
    f"[{attribute}*={word} i]"
    for attribute in ("class", "id")
    for word in ("gallery", "carousel", "slide", "lightbox")
)
_LEAD_MARK = "data-tuinews-lead"


def _picture_items(node: LexborNode) -> list[LexborNode]:
    """The largest boxes in `node` holding one picture each: a gallery's slides, whatever
    their markup, each with the text that goes with its picture."""
    items: list[LexborNode] = []
    stack = [(node, 0)]
    while stack:
        current, depth = stack.pop()
        count = len(current.css("img, amp-img"))
        if count == 1:
            items.append(current)
        elif count > 1 and depth < _MAX_GALLERY_DEPTH:
            children = list(current.iter(include_text=False))
            stack.extend((child, depth + 1) for child in reversed(children))
    return items


def _inside_chrome(node: LexborNode, box: LexborNode) -> bool:
    """Whether a gallery item sits in a sign-up box or a share bar within the gallery."""
    current: LexborNode | None = node
    for _ in range(_NEAR):
        if current is None or current.mem_id == box.mem_id:
            return False
        if is_boilerplate(current) and not is_media_box(current):
            return True
        current = current.parent
    return False


def media_figures(node: LexborNode, base: str | None) -> list[Block]:
    """The figures of a gallery, each once (carousels repeat slides to loop, in other
    sizes)."""
    figures: dict[str | None, Block] = {}
    for item in _picture_items(node):
        if _inside_chrome(item, node):
            continue  # a sign-up box or a share bar inside the gallery
        block = figure_block(item, base)
        if block is not None:
            figures.setdefault(block.caption or block.url, block)
    return list(figures.values())


def _scope(node: LexborNode) -> LexborNode | None:
    """The nearest <article> or <main> holding `node`: the story's own part of the page."""
    current = node.parent
    while current is not None and current.tag not in ("article", "main"):
        current = current.parent
    return current


def lead_media(tree: LexborHTMLParser, container: LexborNode, base: str | None) -> list[Block]:
    """The figures of galleries above the body, in the story's <article> or <main>: a
    lead carousel stands outside the body's text but shows the story's pictures."""
    body = tree.body
    first = first_paragraph(container)
    if body is None or first is None:
        return []
    first.attrs[_LEAD_MARK] = "1"
    try:
        figures: list[Block] = []
        done: set[int] = set()
        for node in body.css(f"{_MEDIA_SELECTOR}, [{_LEAD_MARK}]"):
            if node.mem_id == first.mem_id or node.mem_id == container.mem_id:
                break
            if node.mem_id in done or not is_media_box(node) or has_ancestor(container, node):
                continue  # a "slideshow" article holds the body: not a gallery above it
            done.update(inner.mem_id for inner in node.css("*"))
            scope = _scope(node)
            if scope is None or not has_ancestor(container, scope):
                continue
            if node.parent is not None and near_boilerplate(node.parent):
                continue
            figures.extend(media_figures(node, base))
        return figures
    finally:
        del first.attrs[_LEAD_MARK]


def gallery_items(node: LexborNode) -> list[LexborNode]:
    """The items of a list that is a gallery: every item a picture with little text
    (a caption), so each is a figure rather than a list entry."""
    items = [child for child in node.iter(include_text=False) if child.tag == "li"]
    if not items:
        return []
    for item in items:
        if item.css_first("img, picture, amp-img") is None or len(node_text(item)) > 1500:
            return []
        if item.css_first("h1, h2, h3, h4, h5, h6") is not None or any(
            len(node_text(p)) >= 80 and not is_figure_part(p) for p in item.css("p")
        ):
            return []  # a list of entries with pictures: each has its heading and text
    return items
