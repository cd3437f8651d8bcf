"""Web page (or feed entry) HTML -> Article, on lexbor's parser via selectolax.

The steps, each a function below:
1. decode the bytes (BOM, <meta charset>, UTF-8, Windows-1252), without invisible breaks
   (`characters`), with template scripts that hold a story drawn in place (`scripted`);
2. read metadata from JSON-LD, OpenGraph, <meta>, <time> and byline markup;
3. find the article body (`container`): the element holding most of the page's paragraph
   text, after dropping chrome by tag (nav, footer, forms…) and by class/id words (share,
   comment, outbrain…);
4. walk that body in reading order into sections and blocks. Also-read boxes
   (`alsoread`), galleries (`galleries`) and figure credits (`figures`) are read from the
   raw DOM in place, before anything is summarised away;
5. trim furniture at the edges (bylines, datelines, "More in …" teasers), and take the
   lede from a standfirst before the body, or from a meta description the page shows.
"""

from __future__ import annotations

import html as html_lib
import json
import math
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urljoin

from selectolax.lexbor import LexborHTMLParser, LexborNode

from tuinews.extract import labels
from tuinews.extract.alsoread import (
    LABEL_TAGS,
    also_read_block,
    is_also_read_box,
    is_link_box,
    is_lone_label,
)
from tuinews.extract.characters import without_invisible_breaks
from tuinews.extract.charset import decode_bytes
from tuinews.extract.container import (
    ALSO_READ_WORDS,
    BOILERPLATE_WORDS,
    LEDE_WORDS,
    NAME_PARTS,
    ChromeMemo,
    ProseCount,
    chrome_words,
    is_boilerplate,
    is_media_box,
    main_container,
    names_comment_part,
    names_story_part,
    near_boilerplate,
    never_the_story,
    readers_write_it,
)
from tuinews.extract.dom import (
    class_names,
    collapse_space,
    element_words,
    first_paragraph,
    has_ancestor,
    link_text_length,
    node_text,
    one_reading,
    spaced_text,
)
from tuinews.extract.figures import (
    captioned_picture,
    figure_block,
    is_figure_like,
    is_figure_part,
    lead_image,
    promote_lead_figure,
    split_credit,
)
from tuinews.extract.galleries import gallery_items, lead_media, media_figures
from tuinews.extract.nesting import bounded_nesting
from tuinews.extract.scripted import expand_templates, scripted_html
from tuinews.extract.tables import around_data_table, is_layout_table, table_rows
from tuinews.model import Article, Block, Image, Section

MAX_DEPTH = 400
# Seconds of this thread's processor time a page may take (a loaded machine stretches
# the wall-clock time, not the work); past them the rest of the body is plain text.
TIME_BUDGET = 0.2
# Never the story's words: scripts, controls, players… and the readings written above
# ruby text (`<rt>`: furigana, which would double every word they sit on).
_DROP_TAGS = (
    "script, style, noscript, template, svg, iframe, button, select, input, textarea, "
    "nav, canvas, video, audio, object, embed, link, meta, dialog, annotation, annotation-xml, "
    "rt, rp"
)
_BLOCK_TAGS = frozenset(
    "p h1 h2 h3 h4 h5 h6 blockquote ul ol dl table figure pre div section article aside main "
    "header footer li figcaption picture hr details summary center address form".split()
)
_SKIP_TAGS = frozenset("script style noscript template svg iframe button nav head footer".split())
# Dropped in the body unless they hold most of its text (ASP.NET wraps whole pages in one).
_SMALL_CHROME_TAGS = frozenset("form header aside".split())
_JSON_LD_TYPES = frozenset(
    "Article NewsArticle ReportageNewsArticle BlogPosting AnalysisNewsArticle "
    "OpinionNewsArticle ReviewNewsArticle LiveBlogPosting WebPage BackgroundNewsArticle "
    "SocialMediaPosting Report".split()
)
# React's streamed rendering sends each late part of a page as `<div hidden id="S:1">`,
# which a script swaps into its placeholder: shown content, however it is marked.
_STREAMED_BOUNDARY = re.compile(r"S:[0-9a-z]+")


def _swallows_page(noscript: LexborNode, page_text: int) -> bool:
    """Whether a `<noscript>` holds most of the page's text: one that opens an element it
    never closes (`<noscript><div id="nojs"></noscript>`) takes in everything after it
    when parsed without scripts, though a browser shows the page."""
    if noscript.css_first("p, div") is None:
        return False
    return len(noscript.text(deep=True)) > 0.5 * page_text


def _behind_paywall(node: LexborNode) -> bool:
    """Whether a hidden element is the story behind a paywall: a name ending in
    "paywall" (`paywall`, `article-paywall`), which a script shows to subscribers. The
    wall itself is named for what it is (`paywall-modal`, `paywall-bar__cta`)."""
    return any(NAME_PARTS.split(name)[-1] == "paywall" for name in class_names(node))


# Text drawn for screen readers only ("Share this story" over a share bar, "opens in a new
# window"): labels of the page's controls, never seen on the page.
_SCREEN_READER_ONLY = ", ".join(
    f'[class*="{name}"]'
    for name in (
        "sr-only",
        "visually-hidden",
        "visuallyhidden",
        "screen-reader",
        "screenreader",
        "element-invisible",
    )
)
_LONGEST_LABEL = 300
# A date line: a block that is a <time> and a few words ("Published", "Stand:", "Uhr", a
# byline's name). The date is the article's, in its metadata; as a paragraph it is
# furniture. A sentence that mentions a date is longer than this.
_DATE_LINE_BLOCKS = frozenset("p div li header footer section dd dt span".split())
_LONGEST_DATE_LINE = 80
_DATE_LINE_WORDS = 4
_LETTERS = re.compile(r"[^\W\d_]{2,}")
_LONGEST_BYLINE = 200
_STORY_LENGTH = 1000  # characters: a whole story, not a teaser with its headline
# A template's slot left unfilled (`$$ARTICLEAD$$`, `{{ad_slot}}`): no words of the story.
_PLACEHOLDER = re.compile(r"(\$\$|%%|\{\{)\s*[\w.-]+\s*(\$\$|%%|\}\})")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_:.-]+)""", re.I)


def decode_html(data: str | bytes) -> str:
    """Text of a page: see `decode_bytes`; the declared charset is `<meta charset>`."""
    if isinstance(data, str):
        return data
    match = _META_CHARSET.search(data[:4096])
    declared = match.group(1).decode("ascii", "ignore") if match else None
    return decode_bytes(data, declared)


@dataclass
class _Metadata:
    title: str | None = None
    byline: str | None = None
    published: datetime | None = None
    category: str | None = None
    description: str | None = None
    image_url: str | None = None
    body: str | None = None


def _parse_date(value: str | None) -> datetime | None:
    if not value:
        return None
    value = value.strip()
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        match = re.match(r"(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)", value)
        if not match:
            return None
        try:
            parsed = datetime.fromisoformat(f"{match.group(1)}T{match.group(2)}")
        except ValueError:
            return None
    # A date without a zone is read as UTC: the site's zone is unknown, the day is not.
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _names(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        name = value.get("name")
        return [name] if isinstance(name, str) else []
    if isinstance(value, list):
        return [name for item in value for name in _names(item)]
    return []


def _json_ld_articles(tree: LexborHTMLParser) -> Iterator[dict[str, object]]:
    for script in tree.css('script[type="application/ld+json"]'):
        try:
            data = json.loads(script.text(), strict=False)
        except (ValueError, RecursionError):
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                if "@graph" in item:
                    stack.append(item["@graph"])
                kinds = item.get("@type")
                kinds = kinds if isinstance(kinds, list) else [kinds]
                if any(kind in _JSON_LD_TYPES for kind in kinds if isinstance(kind, str)):
                    yield item


def _unescaped(text: str) -> str:
    """Metadata text; some sites escape it twice (`content="Entsch&amp;auml;digung"`),
    and no one means an entity's name as words."""
    return (html_lib.unescape(text) if "&" in text else text).strip()


def _metadata(tree: LexborHTMLParser) -> _Metadata:
    meta: dict[str, str] = {}
    for node in tree.css("meta[content]"):
        key = (node.attributes.get("property") or node.attributes.get("name") or "").lower()
        content = node.attributes.get("content")
        if key and content and key not in meta:
            meta[key] = _unescaped(content)
    found = _Metadata()
    for item in _json_ld_articles(tree):
        if item.get("@type") == "WebPage" and found.title:
            continue
        headline = item.get("headline") or item.get("name")
        if isinstance(headline, str) and not found.title:
            found.title = _unescaped(headline)
        authors = _names(item.get("author"))
        if authors and not found.byline:
            found.byline = ", ".join(dict.fromkeys(a.strip() for a in authors if a.strip()))
        if not found.published:
            found.published = _parse_date(str(item.get("datePublished") or "") or None)
        section = item.get("articleSection")
        if isinstance(section, list):
            section = section[0] if section else None
        if isinstance(section, str) and not found.category:
            found.category = section.strip()
        if isinstance(item.get("description"), str) and not found.description:
            found.description = _unescaped(str(item["description"]))
        body = item.get("articleBody")
        if isinstance(body, str) and len(body) > 200 and not found.body:
            found.body = body
    h1 = tree.css_first("h1")
    title_tag = tree.css_first("title")
    found.title = (
        found.title
        or meta.get("og:title")
        or meta.get("twitter:title")
        or (node_text(h1) if h1 else None)
        or (node_text(title_tag) if title_tag else None)
    )
    if not found.byline:
        found.byline = meta.get("author") or meta.get("article:author") or None
        if found.byline and found.byline.startswith("http"):
            found.byline = None
    if not found.byline:
        byline = tree.css_first('[rel="author"], [itemprop="author"], .byline, .author-name')
        if byline is not None and 2 < len(node_text(byline)) < 120:
            found.byline = node_text(byline)
    if not found.published:
        found.published = _parse_date(
            meta.get("article:published_time")
            or meta.get("og:published_time")
            or meta.get("date")
            or meta.get("pubdate")
            or meta.get("dc.date")
        )
    if not found.published:
        time_node = tree.css_first("time[datetime]")
        if time_node is not None:
            found.published = _parse_date(time_node.attributes.get("datetime"))
    found.category = found.category or meta.get("article:section") or None
    found.description = found.description or meta.get("og:description") or meta.get("description")
    found.image_url = meta.get("og:image") or meta.get("twitter:image")
    return found


@dataclass
class _Walk:
    base: str | None
    title: str | None
    # Past this moment (time.monotonic) the rest is read as plain paragraphs.
    deadline: float = math.inf
    # The story's prose counted under each element (`main_container`'s totals).
    prose: ProseCount = field(default_factory=ProseCount)
    # The prose counted under the body walked.
    story_prose: float = math.inf
    total_text: int = 1
    sections: list[Section] = field(default_factory=lambda: [Section()])
    inline: list[str] = field(default_factory=list)
    # An also-read label standing alone ("<p><strong>Read more:</strong></p>"): the links
    # right after it are its box.
    label: str | None = None
    # Where the inline text stood at the last <br>: a second <br> with nothing but
    # space since then ends a paragraph (stories written as text between `<br><br>`).
    break_at: int = -1
    # The body is told in its pictures' captions (a slideshow, a listicle of pictures):
    # each caption is read as the story's paragraphs, below its picture.
    captions_told: bool = False

    def holds_story(self, node: LexborNode) -> bool:
        """Whether the element is a layout wrapper around the story, whatever its name
        (`sidebar-grid__container` around `article__content`): most of the element's text
        was counted as the story's prose and a part inside says it is the story. Where
        the page's chrome names were not believed, anything but a comment thread or an
        overlay may be. A form or an aside is never that."""
        if node.tag in _SMALL_CHROME_TAGS:
            return False
        if not self.prose.names_believed:
            return not never_the_story(node)
        counted = self.prose.under.get(node.mem_id, 0.0)
        if counted <= 0 or counted < 0.5 * len(node_text(node)):
            return False
        return any(names_story_part(inner) for inner in node.css("div, section, article"))

    def holds_much_prose(self, node: LexborNode) -> bool:
        """Whether half or more of the body's counted prose is inside the element:
        then a grid of links beside it (a post list under the story's one paragraph)
        does not make the element a menu to drop. In a body found by its name on a
        page of little prose, links are the story."""
        if self.prose.by_name:
            return True
        return self.prose.under.get(node.mem_id, 0.0) >= 0.5 * self.story_prose

    def line_break(self) -> None:
        if self.break_at >= 0 and not "".join(self.inline[self.break_at :]).strip():
            self.flush()
        else:
            self.inline.append(" ")
        self.break_at = len(self.inline)

    def add(self, block: Block) -> None:
        self.flush()
        self.sections[-1].blocks.append(block)

    def heading(self, text: str) -> None:
        self.flush()
        if (
            not self.sections[-1].blocks
            and self.sections[-1].title is None
            and len(self.sections) > 1
        ):
            self.sections[-1].title = text
        else:
            self.sections.append(Section(title=text))

    def flush(self) -> None:
        text = collapse_space("".join(self.inline))
        self.inline.clear()
        self.break_at = -1
        if text and not _PLACEHOLDER.fullmatch(text) and not labels.is_loading_label(text):
            self.sections[-1].blocks.append(Block(kind="paragraph", text=text))


def _walk(node: LexborNode, walk: _Walk, depth: int = 0) -> None:
    for child in node.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            walk.inline.append(child.text(deep=False) or "")
            continue
        if tag is None or tag in _SKIP_TAGS or tag.startswith("-"):
            continue  # comments, doctype, and nodes lexbor could not name
        if tag == "br":
            walk.line_break()
            continue
        if time.thread_time() > walk.deadline:
            # Out of time: the text is kept, in order, with its headings but without the rest
            # of its structure.
            for heading, text in _plain_blocks(child, walk.title):
                if heading:
                    walk.heading(text)
                else:
                    walk.add(Block(kind="paragraph", text=text))
            continue
        if tag == "figure" and _holds(child, "blockquote") and not _holds(child, _PICTURES):
            # A pull quote or an embedded post set as a figure: its words, quoted.
            for quote in child.css("blockquote"):
                text = spaced_text(quote)
                if text and not _holds(quote, "blockquote"):
                    walk.add(Block(kind="blockquote", text=text))
            continue
        if is_media_box(child) and not walk.holds_story(child):
            for figure in media_figures(child, walk.base):
                walk.add(figure)
            continue
        if tag != "figure" and is_figure_like(child) and not is_boilerplate(child):
            figure = figure_block(child, walk.base)
            if figure is not None:
                walk.add(figure)
            continue
        if tag == "div":
            figure = captioned_picture(child, walk.base)
            if figure is not None:
                walk.add(figure)
                continue
        if walk.label is not None:
            label, walk.label = walk.label, None
            if is_link_box(child):
                block = also_read_block(child, walk.base)
                if block is not None:
                    block.text = label
                    walk.add(block)
                    continue
        if tag in LABEL_TAGS and is_lone_label(child):
            walk.flush()
            walk.label = node_text(child).strip(" :：»›>|–—-")
            continue
        if tag == "a" and is_also_read_box(child):
            block = also_read_block(child, walk.base)
            if block is not None:
                walk.add(block)
            continue
        if tag not in _BLOCK_TAGS and child.css_first("figure") is not None:
            walk.flush()
            _walk(child, walk, depth + 1)
            walk.flush()
            continue
        if tag not in _BLOCK_TAGS:
            if is_boilerplate(child):
                continue
            if child.css_first(_BLOCK_SELECTOR) is None:
                walk.inline.append(_prose_text(child))
                continue
            # <span class="subtitle"><h3>…</h3></span>: an inline wrapper around blocks.
        if depth > MAX_DEPTH:
            walk.inline.append(" " + child.text(deep=True, separator=" ") + " ")
            continue
        if is_also_read_box(child):
            block = also_read_block(child, walk.base)
            if block is not None:
                walk.add(block)
            continue
        if chrome_words(child) & ALSO_READ_WORDS and not walk.holds_much_prose(child):
            continue  # related stories too many for an also-read box: a teaser grid
        if (
            (is_boilerplate(child) or tag in _SMALL_CHROME_TAGS)
            and len(node_text(child)) < 0.4 * walk.total_text
            and not _embeds_quote(child)
            and not walk.holds_story(child)
        ):
            continue
        if readers_write_it(child):
            continue  # readers' comments and reviews, however long: never the story
        if names_comment_part(child) and not walk.holds_story(child):
            continue  # `id="comment-box"`: a thread, however long, unless it is the page
        if tag in _HEADINGS:
            text = _section_heading(child, walk.title)
            if text:
                walk.heading(text)
            continue
        if tag == "p" or (tag == "div" and child.attributes.get("role") == "heading"):
            heading = _paragraph_heading(child)
            if heading:
                walk.heading(heading)
                continue
        if tag == "p":
            walk.flush()
            walk.inline.append(_prose_text(child))
            walk.flush()
            continue
        if tag == "blockquote":
            if element_words(child) & {"instagram-media", "tiktok-embed"}:
                continue  # "View this post on Instagram": a player's furniture
            # An embedded tweet stays: what the post says is quoted in the story.
            text = spaced_text(child)
            if text:
                walk.add(Block(kind="blockquote", text=text))
            continue
        if tag in ("ul", "ol") and _entries_with_headings(child):
            walk.flush()
            _walk(child, walk, depth + 1)
            walk.flush()
            continue
        if tag in ("ul", "ol"):
            pictures = gallery_items(child)
            if pictures:
                for item in pictures:
                    figure = figure_block(item, walk.base)
                    if figure is not None:
                        walk.add(figure)
                continue
            items = [spaced_text(li) for li in child.css("li")]
            items = [item for item in items if item]
            text_length = sum(map(len, items))
            if items and (
                link_text_length(child) < 0.6 * max(text_length, 1) or walk.holds_much_prose(child)
            ):
                walk.add(
                    Block(kind="list", text="\n".join(items), items=items, ordered=tag == "ol")
                )
            continue
        if tag == "table" and not is_layout_table(child):
            rows = table_rows(child)
            if rows:
                walk.add(
                    Block(kind="table", text="\n".join(" | ".join(r) for r in rows), rows=rows)
                )
            continue
        if tag == "figure" or (tag == "picture" and child.parent and child.parent.tag != "figure"):
            figure = figure_block(child, walk.base)
            if walk.captions_told:
                _told_by_caption(child, figure, walk)
                continue
            if figure is not None:
                _caption_after(child, figure)
                walk.add(figure)
            continue
        if tag == "pre":
            walk.add(
                Block(kind="preformatted", text=child.text(deep=True, separator="").strip("\n"))
            )
            continue
        if tag == "figcaption":
            continue
        if tag in ("div", "section", "ul", "ol") and not walk.holds_much_prose(child):
            text = node_text(child)
            if text and link_text_length(child) > 0.6 * len(text) and not _embeds_quote(child):
                continue  # a menu, a tag list, a teaser grid: links, not prose
        walk.flush()
        _walk(child, walk, depth + 1)
        walk.flush()


def _entries_with_headings(node: LexborNode) -> bool:
    """A list whose items each carry a heading of their own (features, steps, shops):
    read as sections, not as one list of run-together items."""
    items = [child for child in node.iter(include_text=False) if child.tag == "li"]
    heads = ("h2", "h3", "h4", "h5", "h6")
    return bool(items) and all(
        any(inner.tag in heads for inner in item.iter(include_text=False)) for item in items
    )


def _looks_like_card(node: LexborNode) -> bool:
    if node.tag == "a" or node.css_first("img, picture") is None or len(node.css("a")) < 3:
        return False
    text = len(node_text(node))
    return text > 0 and link_text_length(node) >= 0.8 * text


def _is_hover_card(node: LexborNode) -> bool:
    """A pop-up card inside a sentence: a picture and three or more links (a person's
    latest stories), nearly all of its text links. Hidden until hovered; not prose.

    Only the innermost such element is the card: the sentence around it, and the
    name it pops up from, are mostly link text too.
    """
    return _looks_like_card(node) and not any(
        _looks_like_card(inner) for inner in node.css("*") if inner.mem_id != node.mem_id
    )


def _prose_text(node: LexborNode, depth: int = 0) -> str:
    """A paragraph's text, without the pop-up cards that some sites put in sentences."""
    if node.css_first("img, picture") is None or depth > 50:
        return node.text(deep=True, separator="")
    parts: list[str] = []
    for child in node.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            parts.append(child.text(deep=False) or "")
        elif (
            tag and not tag.startswith("-") and tag not in _SKIP_TAGS and not _is_hover_card(child)
        ):
            parts.append(_prose_text(child, depth + 1))
    return "".join(parts)


_BLOCK_SELECTOR = "p, div, section, h1, h2, h3, h4, h5, h6, ul, ol, figure, blockquote, table"


_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())


def _section_heading(node: LexborNode, title: str | None) -> str | None:
    """A heading element's text as a section's title: not a paragraph set in a heading's
    type, nor the headline again."""
    text = node_text(node)
    return text if text and len(text) < 200 and not _repeats_title(text, title) else None


def _plain_blocks(node: LexborNode, title: str | None) -> list[tuple[bool, str]]:
    """The texts of an element read past the time budget, each with whether it is a
    section's heading: one per block inside it, the text between blocks as paragraphs of
    its own. All of it as one paragraph was a wall of the rest of the page in the reader,
    without its sections, and tens of thousands of characters for every later step."""
    if node.tag in _HEADINGS:
        heading = _section_heading(node, title)
        return [(True, heading)] if heading else []
    if node.css_first(_BLOCK_SELECTOR) is None:
        text = node_text(node)
        return [(False, text)] if text else []
    paragraphs: list[tuple[bool, str]] = []
    inline: list[str] = []
    for child in node.iter(include_text=True):
        tag = child.tag or "-"
        if (tag.startswith("-") and tag != "-text") or tag in _SKIP_TAGS:
            continue  # comments and furniture
        if tag == "-text" or tag not in _BLOCK_TAGS:
            inline.append(child.text(deep=True, separator=""))
            continue
        text = collapse_space("".join(inline))
        inline.clear()
        if text:
            paragraphs.append((False, text))
        paragraphs.extend(_plain_blocks(child, title))
    text = collapse_space("".join(inline))
    if text:
        paragraphs.append((False, text))
    return paragraphs


_HEADING_WORDS = frozenset(
    """
    subtitle subheadline sub-headline subheading subhead heading crosshead interline
    intertitle zwischentitel zwischenueberschrift mellemrubrik mellomtittel mellanrubrik
    article-subtitle inline-heading
    """.split()
)
_HEADING_FRAGMENTS = ("interline", "zwischentitel", "subhead", "crosshead", "subtitle")
_HEADING_END = tuple(".:,;")


_EDGE_FURNITURE = re.compile(
    r"^(?:by\s|von\s|af\s|par\s|published|updated|posted|last updated|veröffentlicht|"
    r"aktualisiert|opdateret|publié|mis à jour|photo:|foto:|image:|caption$|close$|"
    r"advertisement$|anzeige$|share\b|teilen\b|del\b|"
    r"this entry was posted|filed under|posted in|tags?:|kategorie:|category:|"
    r"(?:keine|no) (?:kommentare|comments)|kommentare geschlossen|comments? (?:are )?closed|"
    r"kommentieren$|if you enjoyed|"
    r"\w{3}\.? \d{1,2}, \d{4}|\d{1,2}\.\d{1,2}\.\d{2,4})",
    re.I,
)
_END_MATTER = re.compile(
    r"^(?:more (?:in|from|on|about|stories|news)\b|want more stories|"
    r"related (?:stories|articles|coverage)|"
    r"most (?:read|popular|viewed)|recommended|trending|latest (?:news|stories)|top stories|"
    r"you may also like|read next|weitere artikel|mehr aus|mehr zum thema|meistgelesen|"
    r"das könnte sie auch interessieren|læs også|mest læste|les også|mest lest|à lire aussi|"
    r"les plus lus|sur le même sujet|te puede interesar|potrebbe interessarti|"
    r"(?:related|recent|latest|popular|similar) (?:posts|articles|news)|more stories|"
    r"neueste (?:artikel|beiträge|nachrichten)|mehr themen|ähnliche (?:artikel|beiträge)|"
    r"verwandte (?:artikel|themen)|das könnte dich auch interessieren|zum weiterlesen|"
    r"schon gelesen|artículos relacionados|noticias relacionadas|articles similaires|"
    r"sur le même thème|à lire également|podobne artykuły|polecane|najnowsze|"
    r"about the author|über (?:den autor|die autorin))",
    re.I,
)


def _is_edge_furniture(block: Block) -> bool:
    if block.kind != "paragraph":
        return block.kind == "list" and bool(_EDGE_FURNITURE.match(block.text))
    text = block.text.strip()
    return len(text) < 160 and bool(_EDGE_FURNITURE.match(text))


def _is_end_label(text: str) -> bool:
    return len(text) < 80 and bool(_END_MATTER.match(text) or labels.is_widget_label(text))


def _is_prose(block: Block) -> bool:
    return block.kind == "paragraph" and len(block.text) > 200


def _cut_end_matter(sections: list[Section]) -> list[Section]:
    """ "More in Minnesota Wild", "You may also like…" and what follows, as a heading or
    a short paragraph: only when the story came before it and what follows is teasers,
    not prose (a story's own "Related coverage" section keeps its paragraphs).
    """
    seen_prose = False
    for s_index, section in enumerate(sections):
        if section.title and _is_end_label(section.title) and seen_prose:
            rest = [block for later in sections[s_index:] for block in later.blocks]
            if not any(map(_is_prose, rest)):
                return sections[:s_index]
        for b_index, block in enumerate(section.blocks):
            if block.kind == "paragraph" and _is_end_label(block.text) and seen_prose:
                rest = section.blocks[b_index:] + [
                    later_block for later in sections[s_index + 1 :] for later_block in later.blocks
                ]
                if not any(map(_is_prose, rest)):
                    kept = Section(title=section.title, blocks=section.blocks[:b_index])
                    return [*sections[:s_index], kept]
            seen_prose = seen_prose or _is_prose(block)
    return sections


def _trim_head(blocks: list[Block]) -> list[Block]:
    """The blocks without the furniture they start with; pictures at the edge stay, and
    the furniture between them goes too ("Photo: X" under a gallery, before the story)."""
    head = 0
    while head < len(blocks) and blocks[head].kind == "figure":
        head += 1
    kept = blocks[:head]
    for index in range(head, len(blocks)):
        block = blocks[index]
        if block.kind == "figure":
            kept.append(block)
        elif not _is_edge_furniture(block):
            return kept + blocks[index:]
    return kept


_LABEL_RUN = 4


def _is_label(block: Block) -> bool:
    return block.kind == "paragraph" and len(block.text) <= 24 and len(block.text.split()) <= 3


def _drop_label_runs(blocks: list[Block]) -> list[Block]:
    """Without runs of four or more one-to-three-word paragraphs: a chart's tick labels
    ("0", "10", "2019"…), a player's or a carousel's buttons. Prose never reads so."""
    kept: list[Block] = []
    run: list[Block] = []
    for block in [*blocks, None]:
        if block is not None and _is_label(block):
            run.append(block)
            continue
        if len(run) < _LABEL_RUN:
            kept.extend(run)
        run = []
        if block is not None:
            kept.append(block)
    return kept


def _trim_edges(sections: list[Section]) -> list[Section]:
    """Bylines, dates and photo furniture before the story; teaser lists after it.

    Only the edges are trimmed: a date in the middle of a story is part of it.
    """
    sections = _cut_end_matter(sections)
    for section in sections:
        section.blocks = _drop_label_runs(section.blocks)
    if sections:
        sections[0].blocks = _trim_head(sections[0].blocks)
        sections[-1].blocks = _trim_head(sections[-1].blocks[::-1])[::-1]
    return [section for section in sections if section.blocks or section.title]


def _repeats_title(text: str, title: str | None) -> bool:
    """Whether a heading is the page title again, whole or cut short ("Local club wins
    cup…"), or the title with a site name around it. A heading that merely mentions a
    short title ("Why Rust is fast" under "Rust") is the story's own."""
    if not title:
        return False
    heading, title = text.casefold().strip(" .…"), title.casefold().strip(" .…")
    if heading == title:
        return True
    if len(heading) > 20 and heading in title:
        # The title cut short, or most of it; not a question the title ends with.
        return title.startswith(heading) or len(heading) >= 0.6 * len(title)
    return len(title) > 20 and title in heading and len(title) >= 0.6 * len(heading)


def _paragraph_heading(node: LexborNode) -> str | None:
    """A paragraph written as a heading: all bold, or classed as one, short, unpunctuated.

    Many sites write sub-headings as `<p><strong>Water woes</strong></p>` or
    `<p class="interline">…</p>`; a bold lead sentence ends with a full stop and is not one.
    """
    text = node_text(node)
    if not text or len(text) > 150 or len(text.split()) > 18 or text.endswith(_HEADING_END):
        return None
    classes = (node.attributes.get("class") or "").lower()
    if (
        node.attributes.get("role") == "heading"
        or element_words(node) & _HEADING_WORDS
        or any(word in classes for word in _HEADING_FRAGMENTS)
    ):
        return text
    bold = node.css("strong, b")
    if bold and sum(len(node_text(b)) for b in bold) >= len(text) - 1:
        if labels.also_read_marker(text)[0] or node.css_first("a[href]") is not None:
            return None
        return text
    return None


def _in_figure(node: LexborNode) -> bool:
    current: LexborNode | None = node
    while current is not None:
        if current.tag in ("figure", "figcaption"):
            return True
        current = current.parent
    return False


_PICTURES = "img, picture, amp-img, video"


def _embeds_quote(node: LexborNode) -> bool:
    """Whether a box is mostly a blockquote: an embedded post (`social-media-embed`
    around a tweet, links and all) is quoted in the story, not the site's chrome."""
    quotes = [quote for quote in node.css("blockquote") if quote.mem_id != node.mem_id]
    if not quotes:
        return False
    quoted = sum(len(node_text(quote)) for quote in quotes)
    return quoted >= 30 and quoted >= 0.7 * len(node_text(node))


def _holds(node: LexborNode, selector: str) -> bool:
    """Whether an element has a descendant matching `selector` (lexbor's `css` matches
    the element itself too)."""
    return any(inner.mem_id != node.mem_id for inner in node.css(selector))


_PICTURE_WORDS = frozenset("image img photo picture caption media credit bild foto".split())


def _about_picture(node: LexborNode) -> bool:
    """Whether a "description" is a picture's (`image-text > span.description`): the
    element, or one of the two above it, says image, photo, caption…"""
    current: LexborNode | None = node
    for _ in range(3):
        if current is None:
            return False
        if is_figure_part(current) or element_words(current) & _PICTURE_WORDS:
            return True
        current = current.parent
    return False


_SITE_SUFFIX = re.compile(r"\s+[|–—-]\s+[^|–—-]{2,40}$")


def _holds_title(text: str, titles: list[str]) -> bool:
    """Whether a would-be lede is the headline again, perhaps after a kicker
    ("Politics The presidential campaigns…"): the header's text, not a standfirst."""
    words = " ".join(_WORD.findall(text.casefold()))
    for title in titles:
        heading = _WORD.findall(_SITE_SUFFIX.sub("", title).casefold())
        if len(heading) >= 3 and " ".join(heading) in words:
            return True
    return False


def _ui_description(node: LexborNode, text: str) -> bool:
    """Whether a "description" describes the page's furniture, not the story: its name
    also names chrome (`link-to-sharing-service-description`), it is mostly a link (an
    author's card under the headline), or it holds a picture's caption."""
    if chrome_words(node) & BOILERPLATE_WORDS:
        return True
    if link_text_length(node) > 0.5 * len(text):
        return True
    return any(
        inner.mem_id != node.mem_id and _PICTURE_WORDS & element_words(inner)
        for inner in node.css("[class], [id]")
    )


def _in_form(node: LexborNode) -> bool:
    current = node.parent
    while current is not None:
        if current.tag == "form":
            return True
        current = current.parent
    return False


def _story_scope(tree: LexborHTMLParser, container: LexborNode | None) -> LexborNode | None:
    """Where a standfirst may stand: the smallest element holding both the headline and
    the body. UI text classed "description" or "summary" above the story's own header
    (editor notes, tickers, sign-up boxes) is outside it."""
    if container is None:
        return None
    headline = tree.css_first("h1")
    if headline is None:
        return None
    current: LexborNode | None = container
    while current is not None and not has_ancestor(headline, current):
        current = current.parent
    if current is None or current.tag in ("body", "html"):
        return None
    return current


# Caption text in the body (characters) from which a slideshow's captions may be its
# story: a few paragraphs, not one long caption.
_TOLD_CAPTIONS = 1000


def _captions_tell_story(container: LexborNode, total_text: int) -> bool:
    """Whether most of the body's text is its pictures' captions: the page tells its
    story in them, and nothing else would be left to read."""
    captions = sum(len(node_text(caption)) for caption in container.css("figcaption"))
    return captions >= _TOLD_CAPTIONS and captions >= 0.5 * total_text


def _told_by_caption(node: LexborNode, figure: Block | None, walk: _Walk) -> None:
    """A slide of a story told in captions: its title as a heading, its picture, then
    its caption's paragraphs as the story's."""
    caption = node.css_first("figcaption")
    for heading in node.css("h2, h3, h4"):
        if caption is None or not has_ancestor(heading, caption):
            walk.heading(node_text(heading))
            break
    if figure is not None and figure.url:
        figure.caption, figure.text = None, ""
        walk.add(figure)
    if caption is None:
        return
    texts = [node_text(p) for p in caption.css("p")] or [node_text(caption)]
    for text in texts:
        if text:
            walk.add(Block(kind="paragraph", text=text))


def _caption_after(figure_node: LexborNode, block: Block) -> None:
    """A `<figcaption>` written right after its `</figure>`, as a sibling: still the
    picture's caption (and credit)."""
    after = figure_node.next
    while after is not None and after.tag == "-text" and not (after.text() or "").strip():
        after = after.next
    if after is None or after.tag != "figcaption" or figure_node.css_first("figcaption"):
        return
    caption, credit = split_credit(node_text(after))
    if caption or credit:
        block.caption, block.credit = caption, credit or block.credit
        block.text = caption or ""


def _remove_outermost(nodes: list[LexborNode]) -> None:
    """Remove the elements, each once: one inside another of them goes with it (and is
    never touched after its memory went with it)."""
    chosen = {node.mem_id for node in nodes}
    for node in [node for node in nodes if not _inside_any(node, chosen)]:
        node.decompose()


def _hidden(tree: LexborHTMLParser) -> list[LexborNode]:
    """What the page hides. aria-hidden only hides from screen readers: pictures and
    related-story boxes that say so are still on the page."""
    found: list[LexborNode] = []
    for node in tree.css("[hidden], [aria-hidden=true]"):
        if node.tag in ("figure", "img", "picture") or is_figure_part(node):
            continue
        if node.attributes.get("hidden") is None and is_also_read_box(node):
            continue
        if _STREAMED_BOUNDARY.fullmatch(node.attributes.get("id") or ""):
            continue  # streamed server rendering: the content a script moves into place
        if _behind_paywall(node):
            continue
        found.append(node)
    return found


def _screen_reader_only(tree: LexborHTMLParser) -> list[LexborNode]:
    return [
        node
        for node in tree.css(_SCREEN_READER_ONLY)
        if not is_figure_part(node) and len(node_text(node)) <= _LONGEST_LABEL
    ]


def _story_bylines(tree: LexborHTMLParser) -> list[LexborNode]:
    """The story's byline: who wrote it is the article's metadata, not its words. A
    picture's byline is its credit, read with the picture."""
    return [
        node
        for node in tree.css('[class*="byline"]')
        if len(node_text(node)) <= _LONGEST_BYLINE
        and node.css_first("h1, h2, h3, figure, img") is None
        and not is_figure_part(node)
        and not _in_figure(node)
    ]


def _later_stories(tree: LexborHTMLParser, title: str | None) -> list[LexborNode]:
    """Whole stories beside the page's own: `<article>`s with their own <h1> and a
    story's length (pages that append the next story as the reader scrolls). The page's
    own is the one whose <h1> the page's title holds, else the longest; teasers with a
    headline are shorter than a story and are left to the teaser rules."""
    headed = [article for article in tree.css("article") if article.css_first("h1") is not None]
    if len(headed) < 2:
        return []
    lengths = {article.mem_id: len(node_text(article)) for article in headed}
    wanted = collapse_space(title or "").casefold()
    own = next(
        (
            article
            for article in headed
            if (heading := node_text(article.css_first("h1")).casefold()) and heading in wanted
        ),
        max(headed, key=lambda article: lengths[article.mem_id]),
    )
    return [
        article
        for article in headed
        if lengths[article.mem_id] >= _STORY_LENGTH
        and not has_ancestor(article, own)
        and not has_ancestor(own, article)
    ]


def _date_lines(tree: LexborHTMLParser) -> list[LexborNode]:
    """The blocks that are a date and little else: the nearest block around a <time>
    whose words beside its dates are a few labels."""
    found: dict[int, LexborNode] = {}
    for time_node in tree.css("time"):
        if _is_duration(time_node):
            continue  # a recipe's "15 Min", a video's length: the story's facts
        block = time_node.parent
        while block is not None and block.tag not in _DATE_LINE_BLOCKS:
            if block.tag in ("body", "html", "article", "main", "figure", "figcaption"):
                block = None
                break
            block = block.parent
        if block is None or block.mem_id in found or is_figure_part(block):
            continue
        text = node_text(block)
        if len(text) > _LONGEST_DATE_LINE:
            continue
        rest = text
        for inner in block.css("time"):
            rest = rest.replace(node_text(inner), " ")
        if len(_LETTERS.findall(rest)) <= _DATE_LINE_WORDS:
            found[block.mem_id] = block
    return list(found.values())


def _is_duration(time_node: LexborNode) -> bool:
    attrs = time_node.attributes
    itemprop = (attrs.get("itemprop") or "").casefold()
    return (attrs.get("datetime") or "").startswith("P") or itemprop.endswith(("time", "duration"))


def _inside_any(node: LexborNode, ids: set[int]) -> bool:
    current = node.parent
    while current is not None:
        if current.mem_id in ids:
            return True
        current = current.parent
    return False


def _lede(
    tree: LexborHTMLParser, container: LexborNode | None, chrome: ChromeMemo, title: str | None
) -> tuple[str | None, LexborNode | None]:
    """The standfirst: an element whose class says so, between the top of the page and
    the body's first paragraph (that paragraph itself included). Elements further down
    with such classes are other stories' teasers, author blurbs, product descriptions.
    """
    first = first_paragraph(container) if container is not None else None
    scope = _story_scope(tree, container)
    headline = tree.css_first("h1")
    titles = [t for t in (title, node_text(headline) if headline else None) if t]
    for node in tree.css("p, div, h2, span, section"):
        is_first = first is not None and node.mem_id == first.mem_id
        if (
            # Whole words only: camelCase humps ("ArticleTeaser_title", "text-summaryGray")
            # name teasers and colours as often as standfirsts.
            element_words(node, humps=False) & LEDE_WORDS
            and not _in_figure(node)
            # A header holding the lede; a verdict box with its pros and cons; a form; a
            # quotation (set apart in the body, as the page sets it).
            and not _holds(node, "figure, img, picture, h2, h3, h4, ul, ol, input, blockquote")
            and (scope is None or has_ancestor(node, scope))
            and not _in_form(node)
            and not _about_picture(node)
        ):
            text = node_text(node)
            if (
                40 <= len(text) <= 800
                and not _holds_title(text, titles)
                and not near_boilerplate(node, chrome)
                and len(node.css("p")) <= 2
                and not _ui_description(node, text)
            ):
                return text, node
        if is_first:
            break
    return None, None


_WORD = re.compile(r"\w+")


def _repeats_opening(lede: str, sections: list[Section]) -> bool:
    """Whether the lede is the body's opening again (a description copied from the first
    paragraph, often cut with "…"): shown twice otherwise, once above the story and once
    as its first paragraph.
    """
    words = _WORD.findall(lede.casefold())
    opening: list[str] = []
    for block in (block for section in sections[:2] for block in section.blocks):
        if block.kind in ("paragraph", "blockquote"):
            opening.extend(_WORD.findall(block.text.casefold()))
        if len(opening) > len(words) + 30:
            break
    if len(words) < 4 or not opening:
        return False
    body = {tuple(opening[i : i + 3]) for i in range(len(opening) - 2)}
    grams = [tuple(words[i : i + 3]) for i in range(len(words) - 2)]
    return sum(gram in body for gram in grams) > 0.6 * len(grams)


def _shown(
    description: str, tree: LexborHTMLParser, sections: list[Section], image: Image | None
) -> bool:
    """Whether the page shows its meta description as text before the story (a
    standfirst with no class saying so). One it never shows is a summary for search
    engines; one shown later in the body is a sentence of the story; one shown as a
    picture's caption is that caption.
    """
    words = _WORD.findall(description.casefold())
    if len(description) <= 40 or len(words) < 4 or tree.body is None:
        return False
    shown = " ".join(_WORD.findall(tree.body.text(separator=" ").casefold()))
    start = " ".join(words[:10])
    position = shown.find(start)
    if position < 0:
        return False
    blocks = [block for section in sections for block in section.blocks]
    captions = [block.text for block in blocks if block.kind == "figure"]
    if image is not None and image.caption:
        captions.append(image.caption)
    if any(start in " ".join(_WORD.findall(caption.casefold())) for caption in captions):
        return False
    opening = next((block.text for block in blocks if block.kind == "paragraph"), "")
    first_words = " ".join(_WORD.findall(opening.casefold())[:8])
    story = shown.find(first_words) if first_words else -1
    return story < 0 or position <= story


def _has_prose(sections: list[Section]) -> bool:
    return any(block.kind == "paragraph" for section in sections for block in section.blocks)


def extract_html(
    html: str | bytes, url: str | None = None, *, budget: float = TIME_BUDGET, scripted: bool = True
) -> Article:
    """The article in a web page or a feed entry's HTML; chrome is left behind.

    Past `budget` seconds the extraction finishes with what it has: the body found so
    far, its remaining text as plain paragraphs. A page whose markup holds no prose is
    read from the story HTML in its script state (`scripted`), then from its JSON-LD
    articleBody.
    """
    deadline = time.thread_time() + budget
    text = bounded_nesting(expand_templates(without_invisible_breaks(decode_html(html))))
    tree = LexborHTMLParser(text)
    base = url
    base_node = tree.css_first("base[href]")
    if base_node is not None and url:
        base = urljoin(url, base_node.attributes.get("href") or "")
    metadata = _metadata(tree)
    page_text = len(tree.body.text(deep=True)) if tree.body is not None else 0
    for node in tree.css(_DROP_TAGS):
        if node.tag == "button" and node.css_first("figcaption") is not None:
            node.unwrap()  # a captioned picture that opens a slide viewer: the story's
        elif node.tag == "noscript" and _swallows_page(node, page_text):
            node.unwrap()
        else:
            node.decompose()
    # Each step asks its questions of the page as the steps before left it, and removes
    # its elements together once it has asked them all.
    _remove_outermost(_hidden(tree))
    _remove_outermost(_screen_reader_only(tree))
    _remove_outermost(_date_lines(tree))
    _remove_outermost(_story_bylines(tree))
    _remove_outermost(_later_stories(tree, metadata.title))
    chrome: ChromeMemo = {}
    prose = ProseCount()
    # Each stretch below reads a tree that nothing changes while it reads.
    with one_reading():
        container = main_container(tree, chrome, deadline, prose)
        if container is not None:
            container = around_data_table(container)
        lede, lede_node = _lede(tree, container, chrome, metadata.title)
    if lede_node is not None and not (container is not None and has_ancestor(container, lede_node)):
        lede_node.decompose()
    with one_reading():
        image = lead_image(tree, container, base, metadata.image_url)
        walk = _Walk(base=base, title=metadata.title, deadline=deadline, prose=prose)
        if container is not None:
            walk.total_text = max(1, len(node_text(container)))
            walk.captions_told = _captions_tell_story(container, walk.total_text)
            walk.story_prose = prose.under.get(container.mem_id, 0.0) or math.inf
            _walk(container, walk)
            walk.flush()
    sections = _trim_edges(
        [section for section in walk.sections if section.blocks or section.title]
    )
    if sections and sections[0].title is None and not sections[0].blocks:
        sections.pop(0)
    if not _has_prose(sections) and scripted and time.thread_time() < deadline:
        fragment = scripted_html(text)
        if fragment is not None:
            drawn = extract_html(
                fragment, url, budget=deadline - time.thread_time(), scripted=False
            )
            if _has_prose(drawn.sections):
                sections = drawn.sections
    if not _has_prose(sections) and metadata.body:
        sections = [
            Section(
                blocks=[
                    Block(kind="paragraph", text=p.strip())
                    for p in metadata.body.split("\n")
                    if p.strip()
                ]
            )
        ]
    if container is not None:
        lead = lead_media(tree, container, base)
        if lead:
            if not sections or sections[0].title is not None:
                sections.insert(0, Section())
            sections[0].blocks[:0] = lead
    image = promote_lead_figure(sections, image)
    if not lede and metadata.description and _shown(metadata.description, tree, sections, image):
        lede = metadata.description
    if lede and _repeats_opening(lede, sections):
        lede = None
    title = metadata.title or ""
    return Article(
        title=collapse_space(title),
        url=url,
        byline=metadata.byline,
        published=metadata.published,
        category=metadata.category,
        lede=lede,
        image=image,
        sections=sections,
    )
