"""Where the story is on a page: the chrome around it, and the element holding its prose.

Chrome is named by class and id words (share, comment, outbrain, sidebar…), except where
a name says the story is here (`article-body`); galleries are chrome by name but keep
their pictures. The body is the smallest element holding most of the page's good
paragraph text: prose not in comments, teaser cards or chrome, long paragraphs weighing
more than short snippets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

from tuinews.extract.dom import (
    class_names,
    collapse_space,
    element_words,
    link_text_length,
    node_text,
)
from tuinews.extract.figures import is_figure_part

BOILERPLATE_WORDS = frozenset(
    """
    share sharing social socials comment comments disqus newsletter cookie cookies consent
    banner advert advertisement ad ads adslot adunit dfp sponsor sponsored promo promotion
    outbrain taboola plista ligatus recommended recommendation recommendations mostread
    most-read popular trending breadcrumb breadcrumbs sidebar footer subscribe subscription
    print toolbar tags tag-list topics pagination pager nav navigation menu masthead
    skip skiplink jump newsletter-signup signup login modal popup overlay author-bio
    byline-share embed-social related-articles more-stories next-article prev-article
    gallery slideshow carousel slider lightbox
    """.split()
)
ALSO_READ_WORDS = frozenset(
    """
    related also-read alsoread read-more readmore inline-teaser teaser-inline inlineteaser
    mehr-zum-thema lesen-sie-auch see-also article-related related-link related-links
    relatedlink relatedlinks related-content inline-related embedded-article
    """.split()
)

# Words that say "this is the story": they outweigh a boilerplate word on the same element
# (class="article-body paywall" is the body, behind a paywall script).
_CONTENT_WORDS = frozenset(
    """
    article articlebody article-body article-content article-text story story-body
    storybody content entry entry-content post-content post-body body-text main maincontent
    main-content text richtext rich-text body content-group story-content
    """.split()
)
WIDGET_WORDS = frozenset("outbrain taboola plista ligatus mostread most-read trending".split())
_NAME_PARTS = re.compile(r"[-_]+")
MEDIA_WORDS = frozenset("gallery slideshow carousel slider lightbox".split())
_GALLERY_MARK = "data-tuinews-gallery"
_INNER_BLOCKS = (
    "p, pre, div, li, ul, ol, dl, table, blockquote, section, article, aside, figure, "
    "h1, h2, h3, h4, h5, h6, header, footer, form"
)

# Whole class names or ids of a reader-comment thread. Comments often wrap each reply in

# `<div class="content">`, which would otherwise say "the story is here".
COMMENT_NAMES = frozenset(
    """
    comment comments comment-list commentlist comments-list comments-area comment-area
    comments-section comment-section comments-container comment-container disqus_thread
    """.split()
)
_CARD_TAGS = frozenset(("div", "li", "article", "section"))


def _says_content(node: LexborNode) -> bool:
    """Whether a class or id names the story: `article-body`, `entry-content`.

    A name that also names chrome describes that chrome's own parts (`comment-content`,
    `comment_body`, `sidebar-content`): it does not say the story is here.
    """
    for name in class_names(node):
        parts = set(_NAME_PARTS.split(name))
        if (name in _CONTENT_WORDS or parts & _CONTENT_WORDS) and not parts & BOILERPLATE_WORDS:
            return True
    return False


def is_boilerplate(node: LexborNode) -> bool:
    """Whether the element's class or id names chrome: a share bar, a sidebar, an ad.

    A name saying the story is here, or an also-read box, wins; a gallery is chrome only
    when it is pictures and captions, not a slideshow of prose."""
    words = element_words(node)
    if not words:
        return False
    if words & WIDGET_WORDS:
        return True
    if words & ALSO_READ_WORDS or _says_content(node):
        return False
    if words & BOILERPLATE_WORDS <= MEDIA_WORDS and words & MEDIA_WORDS:
        return is_media_box(node)
    return bool(words & BOILERPLATE_WORDS)


def is_media_box(node: LexborNode) -> bool:
    """A gallery, carousel or slideshow: chrome by its class, but its pictures are the
    story's (only its text is left out). A "slideshow" of prose, where each slide has
    its paragraphs, is the story itself and is read as any other part of the body."""
    words = element_words(node)
    if not words & MEDIA_WORDS or words & (BOILERPLATE_WORDS - MEDIA_WORDS):
        return False
    if words & ALSO_READ_WORDS:
        return False
    # Asked of every ancestor of every paragraph: the answer is kept on the element.
    known = node.attributes.get(_GALLERY_MARK)
    if known is not None:
        return known == "1"
    prose = sum(len(node_text(p)) for p in node.css("p") if not is_figure_part(p))
    node.attrs[_GALLERY_MARK] = "1" if prose < 500 else "0"
    return prose < 500


def _own_text(node: LexborNode) -> str:
    """The element's text outside its child elements."""
    texts = (child for child in node.iter(include_text=True) if child.tag == "-text")
    return "".join(child.text(deep=False) or "" for child in texts)


def _text_totals(body: LexborNode) -> dict[int, float]:
    """Good paragraph text under every element, by `mem_id`.

    A good paragraph is long enough to be prose, not mostly links, and not inside
    comments or teaser cards; each adds its length to all of its ancestors.
    """
    totals: dict[int, float] = {}
    cards = _Cards()
    wrappers: set[int] = set()  # elements with blocks inside, marked from each block up
    for block in body.css(_INNER_BLOCKS):
        current = block.parent
        while current is not None and current.mem_id not in wrappers:
            wrappers.add(current.mem_id)
            current = current.parent
    for paragraph in body.css("p, pre, td, blockquote, div, li"):
        if paragraph.tag in ("p", "pre") or paragraph.mem_id not in wrappers:
            # A paragraph, or a box holding only text and inline markup (sites that
            # write paragraphs as `<div><span>…</span></div>`).
            text = node_text(paragraph)
        else:
            # Text between <br>s beside other blocks: the element's own text. Its inner
            # paragraphs count on their own, not through the wrapper again.
            text = collapse_space(_own_text(paragraph))
            if len(text) < 100:
                continue
        if len(text) < 25 or near_boilerplate(paragraph) or cards.holds(paragraph):
            continue
        links = link_text_length(paragraph)
        if links > 0.5 * len(text):
            continue
        # Short snippets (sidebar blurbs, teaser lines) weigh less than the story's
        # paragraphs, in proportion to their length.
        weight = (len(text) - links) * min(1.0, len(text) / 150)
        current = paragraph.parent
        while current is not None:
            totals[current.mem_id] = totals.get(current.mem_id, 0.0) + weight
            if current.tag == "body":
                break
            current = current.parent
    return totals


def _signature(node: LexborNode) -> tuple[str | None, str]:
    """Tag and class: what makes siblings "alike" in a grid of cards."""
    return node.tag, node.attributes.get("class") or ""


def _is_card(node: LexborNode) -> bool:
    """A short box about another story: a link, and a headline, a picture, or a linked
    headline before the rest of its text."""
    if len(node_text(node)) >= 600 or node.css_first("a[href]") is None:
        return False
    if node.css_first("h1, h2, h3, h4, h5, h6, img, picture") is not None:
        return True
    first = next(node.iter(include_text=False), None)
    return first is not None and first.tag == "a" and len(node_text(first).split()) >= 4


@dataclass
class _Cards:
    """What is known of a page's teaser grids, so each element is asked once."""

    kinds: dict[int, set[tuple[str | None, str]]] = field(default_factory=dict)
    inside: dict[int, bool] = field(default_factory=dict)

    def card_kinds(self, parent: LexborNode) -> set[tuple[str | None, str]]:
        """The kinds of child (tag and class) that make `parent` a grid or list of
        teasers: three or more alike, each a short box with a link and a headline or
        picture. The text of such cards is other stories' summaries, however
        prose-like it reads.
        """
        known = self.kinds.get(parent.mem_id)
        if known is not None:
            return known
        groups: dict[tuple[str | None, str], list[LexborNode]] = {}
        for child in parent.iter(include_text=False):
            if child.tag in _CARD_TAGS:
                groups.setdefault(_signature(child), []).append(child)
        kinds = {
            kind for kind, cards in groups.items() if len(cards) >= 3 and all(map(_is_card, cards))
        }
        self.kinds[parent.mem_id] = kinds
        return kinds

    def holds(self, node: LexborNode) -> bool:
        """Whether `node` is a teaser card or inside one (walked up without recursion:
        pages nest thousands of levels deep)."""
        chain: list[LexborNode] = []
        current: LexborNode | None = node
        while (
            current is not None
            and current.mem_id not in self.inside
            and current.tag not in ("body", "html")
        ):
            chain.append(current)
            current = current.parent
        found = current is not None and self.inside.get(current.mem_id, False)
        for element in reversed(chain):
            parent = element.parent
            found = found or (parent is not None and _signature(element) in self.card_kinds(parent))
            self.inside[element.mem_id] = found
        return found


def near_boilerplate(node: LexborNode) -> bool:
    """Whether the paragraph sits in a comment, a teaser card, a share box…

    Past the first element that says it holds the story (`article__content`) only a
    comment thread counts: page-wide layout wrappers above it carry any class at all,
    and a thread is never the story, wherever it sits (its replies say "content" too).
    """
    current: LexborNode | None = node
    shielded = False
    while current is not None and current.tag not in ("body", "html"):
        if COMMENT_NAMES.intersection(class_names(current)):
            return True
        if not shielded:
            if _says_content(current) and not element_words(current) & WIDGET_WORDS:
                shielded = True
            elif is_boilerplate(current):
                return True
        current = current.parent
    return False


def main_container(tree: LexborHTMLParser) -> LexborNode | None:
    """The smallest element that still holds most of the page's prose.

    From <body>, step into the child holding at least 70% of the current element's
    good text; stop where the text divides among children (the paragraphs).
    """
    body = tree.body
    if body is None:
        return None
    for selector in ('[itemprop="articleBody"]', '[property="articleBody"]'):
        candidate = tree.css_first(selector)
        if candidate is not None and len(node_text(candidate)) > 400:
            return candidate
    totals = _text_totals(body)
    current = body
    while True:
        here = totals.get(current.mem_id, 0.0)
        if here <= 0:
            return current
        best, best_total = None, 0.0
        for child in current.iter(include_text=False):
            total = totals.get(child.mem_id, 0.0)
            if total > best_total:
                best, best_total = child, total
        if best is None or best_total < 0.7 * here:
            return current
        current = best
