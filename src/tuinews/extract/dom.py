"""Small questions asked of DOM nodes by every part of HTML extraction."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache

from selectolax.lexbor import LexborNode

from tuinews.extract.characters import composed

_CLASS_SPLIT = re.compile(r"[\s_]+")


_CAMEL_HUMP = re.compile(r"(?<=[a-z])(?=[A-Z])")


def element_words(node: LexborNode, *, humps: bool = True) -> frozenset[str]:
    """The words of an element's class and id: each name, its dash- and underscore-
    separated parts and pairs of parts, and (with `humps`) the humps of camelCase names
    (`CarouselSlide-infoDescription` says "carousel", "slide" and "description")."""
    attrs = node.attributes
    return name_words(f"{attrs.get('class') or ''} {attrs.get('id') or ''}", humps=humps)


@lru_cache(maxsize=4096)
def name_words(raw: str, *, humps: bool = True, first_hump: bool = False) -> frozenset[str]:
    """The words of class names and ids (see `element_words`); with `first_hump`, only
    the first hump of a camelCase name counts (`shareBar` says "share", but
    `MathJaxCtxtMenu` does not say "menu"). Kept for each name met: a page repeats its
    few class names on thousands of elements, and every part of extraction asks."""
    if not raw.strip():
        return frozenset()
    if first_hump:
        value = f"{raw} {' '.join(_CAMEL_HUMP.split(name)[0] for name in raw.split())}".lower()
    elif humps:
        value = f"{raw} {_CAMEL_HUMP.sub('-', raw)}".lower()
    else:
        value = raw.lower()
    tokens = set(_CLASS_SPLIT.split(value))
    # "article-related__list" says "related" too: look at the dash-separated parts.
    for token in list(tokens):
        parts = token.split("-")
        tokens.update(parts)
        tokens.update("-".join(parts[i : i + 2]) for i in range(len(parts) - 1))
        tokens.update(token.split("__"))
    tokens.discard("")
    return frozenset(tokens)


def class_names(node: LexborNode) -> tuple[str, ...]:
    """The element's class names and id, lowercased, each whole."""
    attrs = node.attributes
    return _split_names(f"{attrs.get('class') or ''} {attrs.get('id') or ''}")


@lru_cache(maxsize=4096)
def _split_names(raw: str) -> tuple[str, ...]:
    return tuple(raw.lower().split())


# Each element's text as the page has it and with spaces collapsed, by `mem_id`, while
# a page is read and not changed (see `one_reading`); None outside.
_KEPT: ContextVar[tuple[dict[int, str], dict[int, str]] | None] = ContextVar(
    "tuinews_kept_texts", default=None
)


@contextmanager
def one_reading() -> Iterator[None]:
    """Within it each element's text is made once and kept: a page's search for its body
    and the walk through it ask for the texts of the same elements again and again, and
    a wrapper's text is a pass over all the words in it. Only for a tree that nothing
    changes meanwhile: a removed element's memory, and so its `mem_id`, can come back as
    another element's."""
    token = _KEPT.set(({}, {}))
    try:
        yield
    finally:
        _KEPT.reset(token)


def _raw_text(node: LexborNode) -> str:
    kept = _KEPT.get()
    if kept is None:
        return node.text(deep=True, separator="")
    raw = kept[0].get(node.mem_id)
    if raw is None:
        raw = kept[0][node.mem_id] = node.text(deep=True, separator="")
    return raw


def node_text(node: LexborNode) -> str:
    kept = _KEPT.get()
    if kept is None:
        return collapse_space(node.text(deep=True, separator=""))
    raws, texts = kept
    key = node.mem_id
    text = texts.get(key)
    if text is None:
        raw = raws.get(key)
        text = texts[key] = collapse_space(
            node.text(deep=True, separator="") if raw is None else raw
        )
    return text


def text_start(node: LexborNode, size: int) -> str:
    """About the first `size` characters of the element's text, spaces collapsed: enough
    to tell a label or a short box, without collapsing all the text of a whole page's
    wrapper (asked of every element the walk meets)."""
    return " ".join(_raw_text(node)[: size * 10].split())[:size]


def link_text_length(node: LexborNode) -> int:
    return sum(len(node_text(anchor)) for anchor in node.css("a"))


def first_paragraph(container: LexborNode) -> LexborNode | None:
    """The body's first real paragraph (80 characters or more): the story starts there, so
    a standfirst or a lead picture stands before it."""
    for paragraph in container.css("p"):
        if len(node_text(paragraph)) >= 80:
            return paragraph
    return None


def has_ancestor(node: LexborNode, ancestor: LexborNode) -> bool:
    """Whether `ancestor` is `node` or holds it (selectolax nodes compare by `mem_id`)."""
    current: LexborNode | None = node
    while current is not None:
        if current.mem_id == ancestor.mem_id:
            return True
        current = current.parent
    return False


def collapse_space(text: str) -> str:
    """Runs of whitespace (newlines included) as one space, ends trimmed, composed.
    (`str.split` finds the same whitespace as `\\s`, three times faster on a page.)"""
    return composed(" ".join(text.split()))


_BREAKING_TAGS = frozenset(
    "p div li ul ol dl dt dd h1 h2 h3 h4 h5 h6 blockquote section article header footer "
    "table tr td th figure figcaption pre br hr".split()
)


def spaced_text(node: LexborNode) -> str:
    """The element's text with a space wherever a block or a line break stands between
    words: a quotation of several paragraphs reads "… editor. From its …", not
    "editor.From" (`node_text` joins text nodes as the page writes them)."""
    inner_tags = node.traverse()
    next(inner_tags)  # the element itself
    if not any(inner.tag in _BREAKING_TAGS for inner in inner_tags):
        # Nothing inside breaks the words apart (a reference: links, a title, a date).
        return node_text(node)
    parts: list[str] = []
    for inner in node.traverse(include_text=True):
        tag = inner.tag
        if tag == "-text":
            before = inner.prev
            if before is not None and before.tag in _BREAKING_TAGS:
                parts.append(" ")
            parts.append(inner.text(deep=False) or "")
        elif tag in _BREAKING_TAGS:
            parts.append(" ")
    return collapse_space("".join(parts))
