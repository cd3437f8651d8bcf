"""Where the story is on a page: the chrome around it, and the element holding its prose.

Chrome is named by class and id words (share, comment, outbrain, sidebar…), except where
a name says the story is here (`article-body`); galleries are chrome by name but keep
their pictures. The body is the smallest element holding most of the page's good
paragraph text: prose not in comments, teaser cards or chrome, long paragraphs weighing
more than short snippets.
"""

from __future__ import annotations

import math
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from selectolax.lexbor import LexborHTMLParser, LexborNode

from tuinews.extract.dom import (
    class_names,
    collapse_space,
    element_words,
    has_ancestor,
    link_text_length,
    name_words,
    node_text,
    text_start,
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
    addtoany a2a a2a_kit sharethis sharedaddy shariff fb-like likes-widget ratings
    video-player audio-player media-player player-controls jwplayer jw-player vjs video-js
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
NAME_PARTS = re.compile(r"[-_]+")
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
# Class words of a standfirst: read as the lede, apart from the body.
LEDE_WORDS = frozenset(
    """
    lede standfirst intro introduction summary teaser dek subtitle subheadline sub-headline
    leadtext lead-text article-lead lead abstract excerpt description kicker-text
    article-summary article__lead article-intro perex
    """.split()
)
_CARD_TAGS = frozenset(("div", "li", "article", "section"))
# How many times the prose left outside chrome-named elements the whole page's prose may
# be before those names are not believed.
NAMES_TRUSTED = 5.0
# Below this much prose (a few sentences) names throw nothing away worth recovering: a
# gallery's caption, a widget's blurb.
_STORY_WORTH = 300.0


def says_content(node: LexborNode) -> bool:
    """Whether a class or id names the story: `article-body`, `entry-content`.

    A name that also names chrome describes that chrome's own parts (`comment-content`,
    `comment_body`, `sidebar-content`): it does not say the story is here.
    """
    return _says_content(class_names(node))


# The questions below are asked of each element's names, and a page repeats a few names
# on thousands of elements: each answer is kept for the names asked.
@lru_cache(maxsize=4096)
def _says_content(names: tuple[str, ...]) -> bool:
    for name in names:
        parts = set(NAME_PARTS.split(name))
        if (name in _CONTENT_WORDS or parts & _CONTENT_WORDS) and not parts & BOILERPLATE_WORDS:
            return True
    return False


_STORY_NAMES = frozenset("article story entry post".split())


def names_story_part(node: LexborNode) -> bool:
    """Whether a class names a part of the story itself (`article__content`,
    `story-body`, `entry-content`), not just text (`widget_text`, `text-center`)."""
    return _names_story_part(class_names(node))


@lru_cache(maxsize=4096)
def _names_story_part(names: tuple[str, ...]) -> bool:
    return _says_content(names) and any(
        _STORY_NAMES & set(NAME_PARTS.split(name)) for name in names
    )


_JS_HOOK = re.compile(r"(?<!\S)js[-_]\S*", re.I)

_SLUG_GAP = re.compile(r"[\W_]+")
_TAB_WIDGET = re.compile(
    r"(?<!\S)\S*?(?<![^\s_-])tabs?[-_]+(?:menu|nav|navigation)(?![^\s_-])\S*", re.I
)


def _slug(text: str) -> str:
    return _SLUG_GAP.sub("-", text.casefold()).strip("-")


def _spells_heading(node: LexborNode, ident: str) -> bool:
    """Whether an id is the slug of the element's own heading (`id="related-work"` on
    the section headed "Related work"): it names what the section says, not chrome."""
    heading = node.css_first("h1, h2, h3, h4, h5, h6")
    if heading is None:
        return False
    slug, title = _slug(ident), _slug(node_text(heading))
    return len(slug) >= 4 and (
        title.startswith(slug) or (slug.startswith(title) and len(title) >= 4)
    )


# Whole names of the page's main column: below chrome-named layout (`has-sidebar`) they
# say the story is here again. A part like `-content` or `text` does not: a sidebar's
# `widget_text` and a cookie box's `tab-content` are that chrome's own parts.
_MAIN_COLUMN_NAMES = frozenset("content main maincontent main-content primary".split())


# A comment thread's own parts: `comment-text`, `comments_list`. Beside one of them or
# inside, a story-like class (`id="comment-text" class="user-post-text"`, a reply's
# `post-text`) names the reply's text, not the story's.
_COMMENT_HEADS = frozenset("comment comments".split())
_COMMENT_PARTS = frozenset(
    """
    area block body box container content feed holder inner item items list main panel root
    section stream text thread widget wrap wrapper zone
    """.split()
)


def names_comment_part(node: LexborNode) -> bool:
    """Whether a class or id names a part of a comment thread (`comment-box`)."""
    return _names_comment_part(class_names(node))


@lru_cache(maxsize=4096)
def _names_comment_part(names: tuple[str, ...]) -> bool:
    for name in names:
        parts = NAME_PARTS.split(name)
        if len(parts) > 1 and parts[0] in _COMMENT_HEADS and parts[1] in _COMMENT_PARTS:
            return True
    return False


# How far below chrome the story may resume: anywhere; only where an element names a
# part of the story (inside an element named wholly as chrome, `class="column sidebar"`,
# whose `<div class="content">` is the sidebar's own); nowhere (inside a comment thread).
OPEN, STORY_PARTS_ONLY, CLOSED = 0, 1, 2


@lru_cache(maxsize=4096)
def _resumes_story(names: tuple[str, ...], closed: int) -> bool:
    """Whether an element below chrome-named layout is the story's again: it names a part
    of the story (`article__content`, `entry-content`) or is the page's main column."""
    if closed == CLOSED:
        return False
    if _names_story_part(names):
        return True
    return closed == OPEN and not _MAIN_COLUMN_NAMES.isdisjoint(names)


def _names_chrome_wholly(names: tuple[str, ...]) -> bool:
    """Whether a whole class or id is a chrome word (`sidebar`, `footer`), not a layout
    around chrome (`has-sidebar`) or a part's name (`sidebar-grid__container`)."""
    return not BOILERPLATE_WORDS.isdisjoint(names) and MEDIA_WORDS.isdisjoint(names)


def _without_modifier(name: str) -> str:
    """A BEM modifier ends a name after its one "--" (`Section--Ads`); a name with more
    (`duet--ad--native-ad-rail`) is a component's namespaced path, each part a name, and
    a modifier naming the block's field or view (`field--name-field-related-articles`,
    `node--view-mode-teaser`) names the block."""
    if name.count("--") != 1:
        return name
    block, modifier = name.split("--")
    return name if modifier.startswith(("name-", "view-mode-")) else block


def chrome_words(node: LexborNode) -> frozenset[str]:
    """The class and id words that may name chrome. JavaScript hooks (`js-share-root`)
    say what a script attaches to, not what the element is, and modifiers (`--ads`) how
    it varies; of a camelCase name only its first hump counts; an id spelling the
    element's own heading is a title."""
    attrs = node.attributes
    ident = attrs.get("id") or ""
    words, without_id = _chrome_words_of(attrs.get("class") or "", ident)
    if without_id is not None and _spells_heading(node, ident):
        return without_id
    return words


@lru_cache(maxsize=4096)
def _chrome_words_of(classes: str, ident: str) -> tuple[frozenset[str], frozenset[str] | None]:
    """`chrome_words` as the names alone tell them, and (where the id would name chrome)
    the words without the id, should it spell the element's heading. Asked of every
    element the body's search and the walk meet, of the few names a page repeats."""
    if "js" in classes.lower():
        classes = _JS_HOOK.sub(" ", classes)
    if "--" in classes:
        # A BEM modifier says how a block varies (`TestReport__Section--Ads` is a section
        # with an ad slot in it), not what it is.
        classes = " ".join(_without_modifier(name) for name in classes.split())
    if "tab" in classes.lower():
        # A tab widget (`tab-menu`, `tabs-nav`) holds the page's panels: a product's
        # description, its details. Its bar of tab links is named for itself.
        classes = _TAB_WIDGET.sub(" ", classes)
    words = name_words(f"{classes} {ident}", first_hump=True)
    if ident and words & (BOILERPLATE_WORDS | ALSO_READ_WORDS):
        return words, name_words(classes, first_hump=True)
    return words, None


def is_boilerplate(node: LexborNode) -> bool:
    """Whether the element's class or id names chrome: a share bar, a sidebar, an ad.

    A name saying the story is here, or an also-read box, wins; a gallery is chrome only
    when it is pictures and captions, not a slideshow of prose."""
    words = chrome_words(node)
    if not words:
        return False
    if words & WIDGET_WORDS:
        return True
    if words & ALSO_READ_WORDS or says_content(node):
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


def _text_totals(
    body: LexborNode, chrome: ChromeMemo, deadline: float
) -> tuple[dict[int, float], dict[int, float]]:
    """Good paragraph text under every element, by `mem_id`: outside chrome, and
    wherever it is (chrome by name included).

    A good paragraph is long enough to be prose, not mostly links, and not inside
    comments or teaser cards; each adds its length to all of its ancestors. Past the
    deadline the paragraphs counted so far decide.
    """
    own: dict[int, float] = {}
    named: dict[int, float] = {}
    cards = _Cards()
    wrappers: set[int] = set()  # elements with blocks inside, marked from each block up
    for block in body.css(_INNER_BLOCKS):
        current = block.parent
        while current is not None and current.mem_id not in wrappers:
            wrappers.add(current.mem_id)
            current = current.parent
    tree = _AncestorTree()
    secondary = _Inside(lambda node: _is_faq(node) or _is_reference_list(node))
    seen: set[str] = set()  # texts counted already: a notice repeated counts once
    for count, paragraph in enumerate(body.css("p, pre, td, blockquote, div, li, span, font")):
        if count % 64 == 63 and time.thread_time() > deadline:
            break
        inline = paragraph.tag in ("span", "font")
        if inline and paragraph.mem_id not in wrappers:
            continue  # inline markup inside a paragraph: counted with the paragraph
        if paragraph.tag in ("p", "pre") or paragraph.mem_id not in wrappers:
            # A paragraph, or a box holding only text and inline markup (sites that
            # write paragraphs as `<div><span>…</span></div>`).
            text = node_text(paragraph)
        else:
            # Text between <br>s beside other blocks (in a <div>, or a <span> around a
            # whole story): the element's own text. Its inner paragraphs count on their
            # own, not through the wrapper again.
            text = collapse_space(paragraph.text(deep=False))
            if len(text) < 100:
                continue
        if len(text) < 25:
            continue
        outside_chrome = not near_boilerplate(paragraph, chrome)
        if (not outside_chrome and chrome[paragraph.mem_id][0]) or cards.holds(paragraph):
            continue  # a comment thread, an overlay or a teaser: never the story
        links = link_text_length(paragraph)
        if links > 0.5 * len(text):
            continue
        parent = paragraph.parent
        if parent is None:
            continue
        # Short snippets (sidebar blurbs, teaser lines) weigh less than the story's
        # paragraphs, in proportion to their length.
        if text in seen:
            # The same words again (a notice in every column, a desktop and a mobile
            # copy): they weigh where they first stand.
            continue
        seen.add(text)
        weight = (len(text) - links) * min(1.0, len(text) / 150)
        if secondary.holds(paragraph):
            weight *= _SECONDARY_WEIGHT
        if outside_chrome:
            own[parent.mem_id] = own.get(parent.mem_id, 0.0) + weight
        named[parent.mem_id] = named.get(parent.mem_id, 0.0) + weight
        tree.add(parent)
    return tree.sums(own), tree.sums(named)


# The site's questions and answers (booking terms, shipping) beside a product or a
# holiday home weigh less than the page's own description: the same on every page of
# the site, they would outweigh it; so do a paper's or a wiki's references, a line for
# each work cited, beside its abstract. A page that is all questions is still read
# whole, and either is read where it stands in the body.
_SECONDARY_WEIGHT = 0.25
_REFERENCE_WORDS = frozenset("references reference-list reflist bibliography citations".split())


def _is_reference_list(node: LexborNode) -> bool:
    return node.tag in ("ol", "ul", "div", "section") and not _REFERENCE_WORDS.isdisjoint(
        element_words(node, humps=False)
    )


def _is_faq(node: LexborNode) -> bool:
    """Named so, and asking questions: an accordion of monthly reports named
    `faq-accordion` is a story's parts."""
    if element_words(node, humps=False).isdisjoint(("faq", "faqs")):
        return False
    asked = 0
    for count, part in enumerate(node.css(_QUESTION_PARTS)):
        if count >= 200:
            break
        text = text_start(part, 200)
        asked += len(text) < 200 and text.endswith("?")
        if asked >= 2:
            return True
    return False


_QUESTION_PARTS = "h2, h3, h4, h5, h6, dt, summary, strong, b, a, span, div, p"


@dataclass
class _Inside:
    """Whether an element is inside one that passes `test`, each element asked once
    (walked up without recursion: pages nest thousands of levels deep; remembered for
    the page)."""

    test: Callable[[LexborNode], bool]
    known: dict[int, bool] = field(default_factory=dict)

    def holds(self, node: LexborNode) -> bool:
        chain: list[LexborNode] = []
        current: LexborNode | None = node
        while (
            current is not None
            and current.mem_id not in self.known
            and current.tag not in ("body", "html")
        ):
            chain.append(current)
            current = current.parent
        found = current is not None and self.known.get(current.mem_id, False)
        for element in reversed(chain):
            found = found or self.test(element)
            self.known[element.mem_id] = found
        return found


@dataclass
class _AncestorTree:
    """The elements above the counted paragraphs, each met once, so that sums over
    subtrees cost one step an element however deep the page nests (a climb from every
    paragraph to <body> is paragraphs times depth)."""

    parent: dict[int, int | None] = field(default_factory=dict)
    children: dict[int, int] = field(default_factory=dict)

    def add(self, node: LexborNode) -> None:
        current: LexborNode | None = node
        while current is not None and current.mem_id not in self.parent:
            above = current.parent if current.tag != "body" else None
            self.parent[current.mem_id] = above.mem_id if above is not None else None
            self.children.setdefault(current.mem_id, 0)
            if above is not None:
                self.children[above.mem_id] = self.children.get(above.mem_id, 0) + 1
            current = above

    def sums(self, own: dict[int, float]) -> dict[int, float]:
        """Each element's own weight plus its descendants', leaves first."""
        totals = {key: own.get(key, 0.0) for key in self.parent}
        waiting = dict(self.children)
        ready = [key for key, count in waiting.items() if count == 0]
        while ready:
            key = ready.pop()
            above = self.parent[key]
            if above is None:
                continue
            totals[above] += totals[key]
            waiting[above] -= 1
            if waiting[above] == 0:
                ready.append(above)
        return totals


def _signature(node: LexborNode) -> tuple[str | None, str]:
    """Tag and class: what makes siblings "alike" in a grid of cards."""
    return node.tag, node.attributes.get("class") or ""


def _is_card(node: LexborNode) -> bool:
    """A short box about another story: its headline or picture is a link to it, or the
    box starts with a linked headline. A feature box whose heading is plain text and
    whose only link is "Learn more" is the page's own content."""
    text = node_text(node)
    if len(text) >= 600 or node.css_first("a[href]") is None:
        return False
    if node.css_first("h1 a, h2 a, h3 a, h4 a, h5 a, h6 a, a img, a picture") is not None:
        return True
    if node.css_first("h1, h2, h3, h4, h5, h6, img, picture") is not None:
        return link_text_length(node) >= 0.3 * len(text)
    first = next(node.iter(include_text=False), None)
    return first is not None and first.tag == "a" and len(node_text(first).split()) >= 4


@dataclass
class _Cards:
    """What is known of a page's teaser grids, so each element is asked once."""

    kinds: dict[int, set[tuple[str | None, str]]] = field(default_factory=dict)
    inside: _Inside | None = None

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

    def is_card(self, element: LexborNode) -> bool:
        parent = element.parent
        return parent is not None and _signature(element) in self.card_kinds(parent)

    def holds(self, node: LexborNode) -> bool:
        """Whether `node` is a teaser card or inside one."""
        if self.inside is None:
            self.inside = _Inside(self.is_card)
        return self.inside.holds(node)


# Of each element: never the story; in chrome; how far the story may resume below it.
ChromeMemo = dict[int, tuple[bool, bool, int]]

# Names of what lies over a page or asks something of the reader: a cookie notice
# wherever the word stands (`moove_gdpr_cookie_modal`), a pop-up or a sign-up form when
# the name ends so (`newsletter-popup`; `modal-enabled` is an article that opens one).
_CONSENT_WORDS = frozenset("cookie cookies consent gdpr".split())
_OVERLAY_ENDS = frozenset("modal popup overlay signup login".split())


# Who writes a page's reviews when they are not its story: its customers, its users.
_REVIEWERS = frozenset("customer customers product user users kunden".split())


def readers_write_it(element: LexborNode) -> bool:
    """A readers' comment thread, or the reviews customers write under a product
    (`customer-reviews`, `product_reviews`, `review-widget`): however long, the page's
    readers wrote it, not its author."""
    return _readers_write_it(class_names(element))


@lru_cache(maxsize=4096)
def _readers_write_it(names: tuple[str, ...]) -> bool:
    if COMMENT_NAMES.intersection(names):
        return True
    for name in names:
        parts = NAME_PARTS.split(name)
        for before, after in pairwise(parts):
            if after in ("review", "reviews") and before in _REVIEWERS:
                return True
            if before in ("review", "reviews") and after == "widget":
                return True
    return False


def never_the_story(element: LexborNode) -> bool:
    """What readers wrote (see `readers_write_it`) or an overlay: left out even where
    chrome names are not believed (see `main_container`)."""
    return _never_the_story(class_names(element))


@lru_cache(maxsize=4096)
def _never_the_story(names: tuple[str, ...]) -> bool:
    if _readers_write_it(names):
        return True
    for name in names:
        parts = NAME_PARTS.split(name)
        if parts[-1] in _OVERLAY_ENDS or _CONSENT_WORDS.intersection(parts):
            return True
    return False


def near_boilerplate(node: LexborNode, known: ChromeMemo | None = None) -> bool:
    """Whether the paragraph sits in a comment, a teaser card, a share box…

    Past the first element that says it holds the story (`article__content`) only a
    comment thread or an overlay counts: page-wide layout wrappers above it carry any
    class at all, and those are never the story, wherever they sit (replies and cookie
    notices say "content" too).

    `known` keeps each element's answer (never the story; in chrome; how far the story
    may resume below it) for a page, so an element is judged once from its parent's
    answer, not again for every paragraph below it.
    """
    memo: ChromeMemo = {} if known is None else known
    chain: list[LexborNode] = []
    current: LexborNode | None = node
    while (
        current is not None and current.tag not in ("body", "html") and current.mem_id not in memo
    ):
        chain.append(current)
        current = current.parent
    comment, chrome, closed = (
        memo.get(current.mem_id, (False, False, OPEN))
        if current is not None
        else (False, False, OPEN)
    )
    for element in reversed(chain):
        names = class_names(element)
        if not names:
            # Nothing named: what holds for its parent holds for it.
            memo[element.mem_id] = (comment, chrome, closed)
            continue
        comment = comment or _never_the_story(names)
        in_thread = _names_comment_part(names)
        if in_thread:
            closed = CLOSED
        if _resumes_story(names, closed) and not element_words(element) & WIDGET_WORDS:
            chrome = False
        elif in_thread or is_boilerplate(element):
            chrome = True
            if _names_chrome_wholly(names):
                closed = max(closed, STORY_PARTS_ONLY)
        memo[element.mem_id] = (comment, chrome, closed)
    return comment or chrome


@dataclass
class ProseCount:
    """The good text counted under each element (by `mem_id`), and whether chrome names
    were believed in counting it: the walk through the body drops by name only if so."""

    under: dict[int, float] = field(default_factory=dict)
    names_believed: bool = True
    # The body was found by its name on a page of too little prose: its links are the
    # story (a post that lists links, a line on each), not a menu.
    by_name: bool = False


def main_container(
    tree: LexborHTMLParser,
    chrome: ChromeMemo | None = None,
    deadline: float = math.inf,
    prose: ProseCount | None = None,
) -> LexborNode | None:
    """The smallest element that still holds most of the page's prose.

    From <body>, step into the child holding at least 70% of the current element's
    good text; stop where the text divides among children (the paragraphs). `prose`,
    when given, receives the good text counted under each element.
    """
    body = tree.body
    if body is None:
        return None
    for selector in ('[itemprop="articleBody"]', '[property="articleBody"]'):
        candidate = tree.css_first(selector)
        if candidate is not None and len(node_text(candidate)) > 400:
            return candidate
    totals, everywhere = _text_totals(body, {} if chrome is None else chrome, deadline)
    hidden = everywhere.get(body.mem_id, 0.0)
    if hidden > NAMES_TRUSTED * totals.get(body.mem_id, 0.0) and hidden >= _STORY_WORTH:
        # The names would throw away nearly all of the page's prose: a story classed
        # `share-zone` or `print-step`, live commentary as `live-match-comments`. They
        # are not chrome on this page; only comment threads and teasers are left out.
        totals = everywhere
        if prose is not None:
            prose.names_believed = False
    if prose is not None:
        prose.under.update(totals)
    current = body
    while True:
        here = totals.get(current.mem_id, 0.0)
        if here <= 0:
            break
        best, best_total = None, 0.0
        children = list(current.iter(include_text=False))
        for child in children:
            total = totals.get(child.mem_id, 0.0)
            if total > best_total:
                best, best_total = child, total
        if best is None or best_total < 0.7 * here or _story_beside(best, children, totals):
            break
        current = best
    # A quotation holding most of the prose (a post that quotes a programme note, a
    # review's press quotes) is quoted in the story, not the story itself.
    if current.tag == "blockquote" and current.parent is not None:
        return current.parent
    if totals.get(body.mem_id, 0.0) < _STORY_WORTH:
        named = _named_story(body, current, totals.get(current.mem_id, 0.0))
        if named is not None:
            current = named
            if prose is not None:
                prose.by_name = True
    return _whole_tab_widget(current)


def _named_story(body: LexborNode, found: LexborNode, prose: float) -> LexborNode | None:
    """On a page with too little prose to tell where the story is (a post of links with
    a line on each), the element named as the story (`entry-content`): the largest so
    named, when the body found is outside it (a sidebar of tweets beside a list of
    links) and it holds more text than the prose counted there."""
    named = [node for node in body.css("[class]") if names_story_part(node)]
    if not named or any(has_ancestor(found, node) for node in named):
        return None
    best = max(named, key=lambda node: len(node_text(node)))
    if has_ancestor(best, found) or len(node_text(best)) <= prose:
        return None
    return best


def _is_tab_part(node: LexborNode) -> bool:
    """A tab widget or one of its panels (`tab--content`, `tab-pane`, `tabs`,
    `role="tabpanel"`)."""
    if node.attributes.get("role") == "tabpanel":
        return True
    return any(
        {"tab", "tabs", "tabpanel"}.intersection(NAME_PARTS.split(name))
        for name in class_names(node)
    )


def _whole_tab_widget(container: LexborNode) -> LexborNode:
    """The whole tab widget when the body found is in one of its panels: a product's
    description, details and ingredients are one page's, shown a tab at a time."""
    current: LexborNode | None = container
    for _ in range(4):  # the panel around the text found, a few wrappers up at most
        if current is None or _is_tab_part(current):
            break
        current = current.parent
    if current is None or not _is_tab_part(current):
        return container
    while current.parent is not None and _is_tab_part(current.parent):
        current = current.parent
    return current


def _story_beside(best: LexborNode, children: list[LexborNode], totals: dict[int, float]) -> bool:
    """Whether the story goes on beside the child holding most of it: opening paragraphs
    before a "show more" wrapper, more columns alike (text, wide picture, text), a
    review's verdict with its pros and cons before its body. Descending would cut them.

    Beside means, before the largest part, a paragraph of the story's own weight (a full
    sentence or more, not a blurb) directly in the element, or a box that is not chrome
    with a heading, a paragraph and a list of its own words; or, anywhere, a sibling of
    the same tag and class with a quarter of the largest part's text and few links.
    What follows the story (sidebars, teasers, comment notices) is not the story.
    """
    signature = _signature(best)
    before = True
    best_total = totals.get(best.mem_id, 0.0)
    for child in children:
        if child.mem_id == best.mem_id:
            before = False
            continue
        total = totals.get(child.mem_id, 0.0)
        if child.tag in ("p", "blockquote", "pre", "ul", "ol") and total == 0.0:
            # Paragraphs add to their parent: a direct paragraph shows in no child total.
            total = _own_weight(child)
        if total < 120:
            continue
        if before and child.tag == "p" and not element_words(child, humps=False) & LEDE_WORDS:
            return True  # an opening paragraph (a standfirst is read as the lede)
        if (
            _signature(child) == signature
            and total >= 0.25 * best_total
            and link_text_length(child) <= 0.2 * len(node_text(child))
        ):
            return True
        if before and _verdict_box(child):
            return True
    return False


def _verdict_box(node: LexborNode) -> bool:
    """A box of the story's own words with a heading, a paragraph and a list: a
    review's verdict with its pros and cons, a summary of key points."""
    if node.tag not in ("div", "section") or is_boilerplate(node):
        return False
    if node.css_first("h2, h3, h4") is None or node.css_first("p") is None:
        return False
    if node.css_first("ul, ol") is None:
        return False
    return link_text_length(node) < 0.3 * len(node_text(node))


def _own_weight(paragraph: LexborNode) -> float:
    text = node_text(paragraph)
    if len(text) < 80 or link_text_length(paragraph) > 0.5 * len(text):
        return 0.0
    return float(len(text))
