"""Figures: the picture, its caption and its credit, read from the raw DOM.

Sites put credits in many places: a child element with a class like `credit`, a
`<small>`, `<cite>` or `<footer>` in the caption, an element that starts "Foto: …", a
"Photo: …" / "© …" tail, a "… / Agency" or "| Agency" suffix, "(Name/Agency)", a last
sentence that is only an agency ("… an hour. AP"). The credit is split out of the caption
so each can be shown and searched on its own.

Not every site uses `<figure>`: many write `<div class="image"><img><p class="caption">`.
`is_figure_like` recognises those so the body walk can hand them to `figure_block` too,
and `lead_image` looks for the page's cover picture (usually in the article header,
outside the body container) among both kinds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urljoin

from selectolax.lexbor import LexborHTMLParser, LexborNode

from tuinews.extract.dom import (
    collapse_space,
    element_words,
    first_paragraph,
    has_ancestor,
    node_text,
)
from tuinews.model import Block, Image, Section

# Class fragments that say "caption" wherever they stand (substring of the class/id string,
# so camelCase names such as `imageCaption` or `newsCaption` count too).
_CAPTION_MARKERS = (
    "caption",
    "legend",
    "bildtext",
    "billedtekst",
    "bildunterschrift",
    "cutline",
    "bildbeschreibung",
)
# Class words that say "caption" only inside a picture's own box ("description" elsewhere
# is the page's standfirst).
_WEAK_CAPTION_WORDS = frozenset(
    "description desc subtitle infotext info text image-text img-info image-info "
    "media-info mediainfo mediasubtitle bu title-text photo-text".split()
)
# Class fragments that say "credit" (substrings, as above).
_CREDIT_MARKERS = (
    "credit",
    "copyright",
    "photographer",
    "fotograf",
    "byline",
    "source",
    "quelle",
    "kilde",
    "author",
    "rights",
    "attribution",
    "courtesy",
)
_CREDIT_TAGS = frozenset(("small", "cite", "footer"))
_CREDIT_ITEMPROPS = frozenset(
    ("copyrightholder", "creditText", "credittext", "author", "copyrightnotice")
)
# Words in a class that say "this box is a picture" (element_words tokens).
_IMAGE_WORDS = frozenset(
    "figure image images img photo photos picture pic media foto bild billede thumb "
    "thumbnail wp-caption imagebox image-box image-container img-container media-image "
    "article-image article-img lead-image hero-image main-image".split()
)
# Picture boxes that are not the story's pictures: a byline's portrait, a site's logo.
_NOT_FIGURE_WORDS = frozenset("author authors avatar profile byline logo newsletter".split())
_FIGURE_LIKE_TAGS = frozenset("div span p aside section li a em".split())
# Elements never read as caption text: screen-reader labels ("Legende:"), controls, code.
_SKIP_TEXT_TAGS = frozenset("script style noscript template svg button img picture source".split())
_SKIP_TEXT_MARKERS = ("offscreen", "visually-hidden", "sr-only-label", "screenreader")
# Inline tags whose edges are inside one run of text: no space is put at their edges.
_INLINE_TAGS = frozenset("a b i em strong u abbr sup sub mark q time bdi bdo s wbr".split())

MAX_CAPTION = 700  # longer "captions" are body text that a wrapper's class misnamed
MAX_CREDIT = 160

_LABELS = (
    r"photo(?:graph)?s?|foto(?:s|grafi|grafie|graf)?|bild(?:er|quelle)?|billede|image|"
    r"picture|credits?|kredit|crédit|quelle|source|kilde|illustration|grafik|kuva|zdroj|fotó|"
    r"fonte|bron|video|imagen|fotoğraf|фото|ảnh|写真|사진|φωτογραφία|ljósmynd|mynd|isithombe"
)
# A whole text that is a credit: "Foto: X", "Photo by X", "© X", "(c) X", "Copyright X".
_CREDIT_START = re.compile(
    rf"^\s*[(\[]?\s*(?:©|\(c\)|copyright\b|(?:{_LABELS})\s*(?:[:=／：]|by\b))",
    re.I,
)
# News agencies and stock libraries, and the stock words of a credit line.
_AGENCY = re.compile(
    r"(?<!\w)(?:AP|AFP|AAP|dpa|DPA|EPA|Reuters|REUTERS|Getty(?: Images)?|GETTY|Imago|IMAGO|"
    r"imago|picture[ -]alliance|Shutterstock|SHUTTERSTOCK|iStock(?:photo)?|Unsplash|Pexels|"
    r"Pixabay|Keystone|KEYSTONE|APA|ANP|NTB|TT|Ritzau|Scanpix|PA(?: Images| Wire)?|Xinhua|"
    r"Bloomberg|EFE|ANSA|Sipa|SIPA|Alamy|Handout|HANDOUT|Supplied|Screenshot|Courtesy|"
    r"Wikimedia(?: Commons)?|CC BY[\w .-]*|Archiv|Archive|File|"
    r"연합뉴스|뉴시스|뉴스1|기자|共同|時事|代表撮影)(?!\w)"
)
_TAIL_PATTERNS = (
    # "… Photo: X", "… (Foto: X)", "… – Bild: X", "… Photo by X"
    re.compile(
        rf"[\s(\[|–—-]*(?<!\w)(?P<credit>(?:{_LABELS})\s*(?:[:=／：]|by\b)\s*.+?)[)\]]?\s*$",
        re.I,
    ),
    re.compile(r"[\s(\[|–—-]*(?P<credit>(?:©|\(c\)|\bcopyright\b).+?)[)\]]?\s*$", re.I),
    # "… (Name/Agency)", "(AFP / NAME)"
    re.compile(r"\s*\((?P<credit>[^()]{2,60}/[^()]{2,60})\)\s*$"),
    # "… / Reuters" (last: never a whole text)
    re.compile(r"\s+(?P<credit>/\s*[^/]{2,80})$"),
)
# "… | Niall Carson/PA Images via Getty Images"
_PIPE_TAIL = re.compile(r"\s+\|\s*(?P<credit>[^|]{2,100})$")
# "… an hour. AP", "… illegally. AP Photo/Eric Gay, File", "… (AP)"
_SENTENCE_TAIL = re.compile(r"(?<=[.!?…\"”»)])\s+(?P<credit>[^.!?]{2,90}\.?)$")
_PAREN_TAIL = re.compile(r"\s*[(（](?P<credit>[^()（）]{2,60})[)）]\s*$")
# "… Apostoli. (Edu Luque)": a name in brackets after the last sentence.
_NAME_AFTER_SENTENCE = re.compile(
    r"(?<=[.!?])\s*\((?P<credit>\w[\w.'-]*(?: \w[\w.'-]*){1,3})\)\s*$"
)
# Japanese and Korean credits: "…＝ＡＰ", "…（Ｃ）共同通信社", "…（名前撮影）",
# "[사진 출처 = X]".
_CJK_TAILS = (
    re.compile(r"[＝=](?P<credit>[^＝=、。，,\d０-９]{1,15})$"),
    re.compile(r"[(（][ＣCc][)）]\s*(?P<credit>[^()（）]{1,30})$"),
    re.compile(r"[(（](?P<credit>[^()（）]{1,20}?)撮影[)）]$"),
    re.compile(r"[\[［(（]\s*(?P<credit>(?:사진|사진 출처|자료)\s*[=:＝].{1,40}?)[\]］)）]$"),
)
_LEAD_LABEL = re.compile(
    r"^\s*(?:(?:legende|bildlegende|caption|bildtext|billedtekst)\s*:"
    # a gallery's slide counter: "3 of 12 |", "Bild 2 von 9:", "4/10 –"
    r"|(?:(?:image|photo|picture|bild|foto)\s+)?\d{1,3}\s*(?:of|von|de|av|af|sur|/)\s*\d{1,3}"
    r"\s*[|:–—-])\s*",
    re.I,
)
_SPACE_BEFORE_PUNCT = re.compile(r"\s+(?=[,.;:!?)\]»”])")
_SPACE_AFTER_OPEN = re.compile(r"(?<=[(\[„«“])\s+")


# "Credit Jonas Breck", "Photo Mia Holt": a label and a capitalised name, no colon.
_LABEL_NAME = re.compile(rf"^(?i:{_LABELS})\s+[A-Z]\w+(?:\s+[A-Z][\w.'-]*){{0,4}}\.?$")


def _has_credit_cue(text: str) -> bool:
    """Whether a short phrase reads like a credit: an agency, a label, "Name/Agency"."""
    return bool(
        _AGENCY.search(text) or _CREDIT_START.search(text) or "/" in text or _LABEL_NAME.match(text)
    )


def _clean(text: str) -> str:
    text = collapse_space(text)
    text = _SPACE_BEFORE_PUNCT.sub("", text)
    return _SPACE_AFTER_OPEN.sub("", text)


def _strip_credit(credit: str) -> str:
    """Edge punctuation off a credit, keeping brackets that close inside it."""
    credit = credit.strip(" |–—-,;")
    while credit[:1] in "([" and credit.count("(") + credit.count("[") > credit.count(
        ")"
    ) + credit.count("]"):
        credit = credit[1:].strip()
    while credit[-1:] in ")]" and credit.count(")") + credit.count("]") > credit.count(
        "("
    ) + credit.count("["):
        credit = credit[:-1].strip()
    return credit


def split_credit(text: str) -> tuple[str | None, str | None]:
    """A caption's own words and its credit: "Photo: X", "© X", "… / Agency", "(X/Y)",
    "… | Agency", "… . AP Photo/Name"."""
    text = _LEAD_LABEL.sub("", collapse_space(text))
    if not text:
        return None, None
    if _CREDIT_START.match(text) and len(text) <= MAX_CREDIT and not re.search(r"[.!?]\s", text):
        return None, _strip_credit(text)
    for index, pattern in enumerate(_TAIL_PATTERNS):
        match = pattern.search(text)
        if match is None:
            continue
        # From the credit to the end, so a bracket that closes inside it stays.
        credit = _strip_credit(text[match.start("credit") :])
        if match.start() > 0:
            caption = text[: match.start()].strip(" |–—-,;(")
            if caption and credit:
                return caption, credit
        elif index != len(_TAIL_PATTERNS) - 1:
            return None, credit
    for pattern in _CJK_TAILS:
        match = pattern.search(text)
        if match and match.start() > 0:
            caption = text[: match.start()].strip()
            credit = match.group("credit").strip()
            if caption and credit:
                return caption, credit
    match = _NAME_AFTER_SENTENCE.search(text)
    if match and all(word[:1].isupper() for word in match.group("credit").split()):
        return text[: match.start()].strip(), match.group("credit")
    for pattern in (_PIPE_TAIL, _SENTENCE_TAIL, _PAREN_TAIL):
        match = pattern.search(text)
        if match is None or match.start() == 0:
            continue
        credit = _strip_credit(match.group("credit"))
        if credit and len(credit.split()) <= 12 and _has_credit_cue(credit):
            caption = text[: match.start()].strip(" |–—-,;(")
            if caption:
                return caption, credit
    return text, None


# Sites' own picture elements (`<brick-image data-src>`, `<storefront-image src>`): any
# other element with a source (scripts, frames and media are dropped before this).
_OWN_IMAGE = "[data-src]:not(div, span, a, p, li, section), [src]:not(source, track)"
_PICTURE = "img, picture, amp-img, " + _OWN_IMAGE


def image_url(node: LexborNode, base: str | None) -> str | None:
    """The picture's address: lazy-loading attributes first (`src` is often a placeholder
    then), `amp-img` and sites' own image elements (`<brick-image data-src>`) too, made
    absolute against the page."""
    img = node if node.tag in ("img", "amp-img") else node.css_first("img, amp-img")
    if img is None:
        source = node.css_first("source[srcset]")
        src = source.attributes.get("srcset") if source else None
        if src is None:
            own = node.css_first(_OWN_IMAGE)
            src = (own.attributes.get("data-src") or own.attributes.get("src")) if own else None
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


def _class_string(node: LexborNode) -> str:
    attrs = node.attributes
    return f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower()


def _is_caption_node(node: LexborNode) -> bool:
    if node.tag == "figcaption":
        return True
    value = _class_string(node)
    return any(marker in value for marker in _CAPTION_MARKERS)


def _is_credit_node(node: LexborNode) -> bool:
    if node.tag in _CREDIT_TAGS:
        return True
    attrs = node.attributes
    itemprop = (attrs.get("itemprop") or "").lower()
    if itemprop and itemprop in _CREDIT_ITEMPROPS:
        return True
    value = _class_string(node)
    return any(marker in value for marker in _CREDIT_MARKERS)


def _skipped(node: LexborNode) -> bool:
    if node.tag in _SKIP_TEXT_TAGS:
        return True
    value = _class_string(node)
    return any(marker in value for marker in _SKIP_TEXT_MARKERS)


def _texts(node: LexborNode, skip: set[int]) -> Iterator[str]:
    """The text under `node` without the `skip` elements, with a space at element edges
    (two spans side by side are two phrases, "kommen." and "Unsplash/Name")."""
    for child in node.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            yield child.text(deep=False) or ""
        elif tag is None or tag.startswith("-") or child.mem_id in skip or _skipped(child):
            continue
        elif tag == "br":
            yield " "
        elif tag in _INLINE_TAGS:
            yield from _texts(child, skip)
        else:
            yield " "
            yield from _texts(child, skip)
            yield " "


def _text(node: LexborNode, skip: set[int] | None = None) -> str:
    return _clean("".join(_texts(node, skip or set())))


def _leaf_segments(node: LexborNode) -> list[LexborNode]:
    """The caption's element children that hold text, for "caption span + credit span"."""
    return [
        child
        for child in node.iter()
        if child.tag not in _SKIP_TEXT_TAGS and not _skipped(child) and node_text(child)
    ]


def _find_caption(node: LexborNode) -> LexborNode | None:
    """The caption element of a picture box: <figcaption>, a class saying caption, else
    a class saying description/info/text."""
    if node.tag != "figure" and _is_caption_node(node) and node.css_first("img") is None:
        return node
    found = node.css_first("figcaption")
    if found is not None and node_text(found):
        return found
    weak = None
    for child in node.css("[class], [id]"):
        if child.tag in _SKIP_TEXT_TAGS or _skipped(child):
            continue
        if _is_caption_node(child):
            if node_text(child):
                return child
            continue
        if weak is None and element_words(child) & _WEAK_CAPTION_WORDS and node_text(child):
            weak = child
    return found if found is not None and weak is None else weak


def _credit_nodes(node: LexborNode, caption: LexborNode | None) -> list[LexborNode]:
    """Elements in the box that are the credit: by class, tag or itemprop, or by starting
    "Foto:"/"©". An element holding the caption is not a credit."""
    found: list[LexborNode] = []
    inside: set[int] = set()
    holding_caption = _self_and_ancestors(caption)
    for child in node.css("*"):
        if child.tag in _SKIP_TEXT_TAGS or child.mem_id in inside:
            continue
        if child.mem_id in holding_caption:
            continue  # the caption itself or one of its wrappers
        text = node_text(child)
        if not text or len(text) > MAX_CREDIT:
            continue
        if _is_credit_node(child) or _CREDIT_START.match(text):
            found.append(child)
            inside.update(grandchild.mem_id for grandchild in child.css("*"))
    return found


def _self_and_ancestors(node: LexborNode | None) -> set[int]:
    """The `mem_id`s of the element and of every element holding it: known once, not
    climbed again for each element of the box."""
    found: set[int] = set()
    while node is not None:
        found.add(node.mem_id)
        node = node.parent
    return found


def _attribute_credit(node: LexborNode) -> str | None:
    for candidate in (node, node.css_first("img")):
        if candidate is None:
            continue
        attrs = candidate.attributes
        for name in ("data-credit", "data-copyright", "data-photographer", "data-author"):
            value = attrs.get(name)
            if value and value.strip() and len(value) <= MAX_CREDIT:
                return _clean(value)
    return None


def _split_last_segment(caption_node: LexborNode, skip: set[int]) -> LexborNode | None:
    """A caption written as text + a short agency/name element with no class saying so
    (`<p>Caption <span>IMAGO/Name</span></p>`): the last element is the credit when it
    ends the caption, follows other words, and reads like a credit."""
    segments = [s for s in _leaf_segments(caption_node) if s.mem_id not in skip]
    if not segments:
        return None
    last = segments[-1]
    if last.css_first("*") is not None or last.mem_id == caption_node.mem_id:
        return None
    text = node_text(last)
    if not text or len(text) > 100 or len(text.split()) > 10 or not _has_credit_cue(text):
        return None
    whole = node_text(caption_node)
    if not whole.endswith(text) or len(whole) - len(text) < 3:
        return None
    return last


def _sibling_credit(node: LexborNode) -> str | None:
    """A credit element right after the picture box (`<figure>…</figure><div
    class="image-copyright">`), looked for in the box's and its parent's next siblings."""
    current: LexborNode | None = node
    for _ in range(2):
        if current is None:
            return None
        sibling = current.next
        for _ in range(3):
            while sibling is not None and sibling.tag in ("-text", "-comment"):
                sibling = sibling.next
            if sibling is None:
                break
            if sibling.css_first("img, picture, table, ul, ol") is not None:
                break  # the next picture or a list: no credit line (nor a walk down it)
            text = node_text(sibling)
            if sibling.tag == "p" and not (_is_caption_node(sibling) or _is_credit_node(sibling)):
                return None  # the story goes on: a credit further down is someone else's
            if text and len(text) <= MAX_CREDIT:
                if _is_credit_node(sibling) and sibling.tag not in _CREDIT_TAGS:
                    return _clean(text)
                for child in sibling.css("[class]"):
                    child_text = node_text(child)
                    if child_text and _is_credit_node(child):
                        return _clean(child_text)
            elif len(text) > MAX_CAPTION:
                return None
            sibling = sibling.next
        current = current.parent
    return None


_QUOTE_MARKS = tuple("\"'“”„«»‘’‚")
_NOT_PLAIN = "blockquote, q, form, button, input, h1, h2, h3, h4, h5, h6"


def _plain_box(node: LexborNode) -> bool:
    """Whether a picture box holds only the picture and a few words about it, not a
    pull quote with a portrait, a sign-up box or a teaser with a headline or links."""
    if node.css_first(_NOT_PLAIN) is not None:
        return False
    text = len(node_text(node))
    return text > 0 and sum(len(node_text(a)) for a in node.css("a")) < 0.5 * text


def figure_block(node: LexborNode, base: str | None) -> Block | None:
    """A figure block from a <figure>, a <picture> or a picture box that `is_figure_like`.

    The caption is read without its credit elements, then any credit still written into
    its text is split off, so neither carries the other.
    """
    url = image_url(node, base)
    caption_node = _find_caption(node)
    credits = _credit_nodes(node, caption_node)
    skip = {credit.mem_id for credit in credits}
    credit_texts = [_clean(node_text(credit)) for credit in credits]
    caption: str | None = None
    if caption_node is not None:
        if not credits:
            last = _split_last_segment(caption_node, skip)
            if last is not None:
                credit_texts.append(_clean(node_text(last)))
                skip.add(last.mem_id)
        text = _text(caption_node, skip)
        caption, inline_credit = split_credit(text) if text else (None, None)
        if inline_credit and not any(
            inline_credit in c or c in inline_credit for c in credit_texts
        ):
            credit_texts.append(inline_credit)
    elif node.tag not in ("img", "picture") and _plain_box(node):
        # No element says "caption": the words beside the picture are its caption
        # (`<div class="image-widget"><img><p>Pictured right, …</p>`).
        text = _text(node, skip)
        if len(text.split()) >= 3 and not text.startswith(_QUOTE_MARKS):
            caption, inline_credit = split_credit(text)
            if inline_credit:
                credit_texts.append(inline_credit)
    credit = " / ".join(dict.fromkeys(c for c in credit_texts if c)) or None
    img = node if node.tag == "img" else node.css_first("img")
    if credit is None:
        credit = _attribute_credit(node) or _sibling_credit(node)
    if credit is None and img is not None:
        # title="Caption | Getty Images/Name": a credit only the tooltip or alt text carries
        for name in ("title", "alt"):
            value = img.attributes.get(name)
            credit = split_credit(value)[1] if value else None
            if credit:
                break
    if caption is None:
        alt = img.attributes.get("alt") if img is not None else None
        if alt and len(alt.split()) >= 3 and caption_node is None:
            caption, alt_credit = split_credit(alt)
            credit = credit or alt_credit
    if caption is not None and len(caption) > MAX_CAPTION:
        caption = None
    if url is None and (caption is None or _BYLINE.match(caption)):
        return None  # no picture: a byline set as a <figure>, or nothing to show
    return Block(kind="figure", text=caption or "", url=url, caption=caption, credit=credit)


def is_figure_like(node: LexborNode) -> bool:
    """Whether a non-<figure> element is a picture box with a caption, or a lone caption:
    `<div class="image"><img><span class="caption">`, `<p class="wp-caption-text">`.

    Short text only, and mostly not links, so a wrapper never swallows body paragraphs or
    a teaser card's headline.
    """
    if node.tag not in _FIGURE_LIKE_TAGS:
        return False
    value = _class_string(node)
    if not value.strip():
        return False
    words = element_words(node)
    if words & _NOT_FIGURE_WORDS:
        return False
    caption_class = any(marker in value for marker in _CAPTION_MARKERS)
    if not caption_class and not (words & _IMAGE_WORDS):
        return False
    has_image = node.css_first("img, picture, amp-img, figure") is not None
    if not caption_class and not has_image:
        return False
    if len(node.css("p")) > 3 or node.css_first("h1, h2, h3, h4, h5, h6") is not None:
        return False
    text = node_text(node)
    if len(text) > MAX_CAPTION:
        return False
    if not text:
        return has_image and len(node.css("img")) == 1
    links = sum(len(node_text(anchor)) for anchor in node.css("a"))
    return links <= 0.5 * len(text)


def promote_lead_figure(sections: list[Section], image: Image | None) -> Image | None:
    """A figure standing before any body text is the lead image, not a body figure; when
    the lead image already is that figure (same caption), the body copy goes."""
    if not sections or sections[0].title is not None or not sections[0].blocks:
        return image
    first = sections[0].blocks[0]
    if first.kind != "figure":
        return image
    if image is not None and (image.caption or image.credit):
        if first.caption and first.caption == image.caption:
            sections[0].blocks.pop(0)
        return image
    sections[0].blocks.pop(0)
    url = first.url or (image.url if image else None)
    name = (url or "").rsplit("/", 1)[-1].split("?")[0] or None
    return Image(url=url, name=name, caption=first.caption, credit=first.credit)


_BODY_MARK = "data-tuinews-body"
_COVER_CANDIDATES = (
    f"figure, [{_BODY_MARK}], [class*=caption i], [class*=legend i], [class*=image i], "
    "[class*=photo i], [class*=media i], [class*=picture i], [class*=bild i], [class*=foto i]"
)
# Ancestors that make a picture someone else's: teasers, lists of other stories, chrome.
_NOT_COVER_WORDS = frozenset(
    """
    related recommended recommendation recommendations promo most-read mostread popular
    trending newsletter comments comment author authors author-bio byline avatar profile
    more-stories latest-stories outbrain taboola login account user logo
    """.split()
)
# "Von Hannah Ritzmann, Redakteurin", "By Jane Doe": a byline beside a portrait.
_BYLINE = re.compile(r"^(?i:von|by|af|par|di|por|av|door)\s+[A-ZÀ-ÞĀ-Ž]")
_STRONG = "figcaption, " + ", ".join(f"[class*={m} i]" for m in _CAPTION_MARKERS)
_NOT_COVER_TAGS = frozenset(("nav", "footer"))


def _cover_ok(node: LexborNode, container: LexborNode | None, levels: int = 6) -> bool:
    """Whether neither the picture nor a near ancestor makes it chrome (nav, footer, a
    logo, a login box) or another story's (related, most-read). Far ancestors are
    page-wide and say nothing: those holding the body too, and those beyond six levels.
    """
    if element_words(node) & _NOT_COVER_WORDS:
        return False
    current = node.parent
    for _ in range(levels):
        if current is None or current.tag in ("body", "html"):
            return True
        if container is not None and has_ancestor(container, current):
            return True
        if current.tag in _NOT_COVER_TAGS or element_words(current) & _NOT_COVER_WORDS:
            return False
        current = current.parent
    return True


def _cover_block(
    tree: LexborHTMLParser, container: LexborNode | None, base: str | None
) -> Block | None:
    """The first captioned picture before the body's first paragraph, outside any teaser
    or chrome; one with a real caption element wins over one found by a vaguer class."""
    body = tree.body
    if body is None:
        return None
    first = first_paragraph(container) if container is not None else None
    if container is not None:
        container.attrs[_BODY_MARK] = "1"
    if first is not None:
        first.attrs[_BODY_MARK] = "p"
    try:
        seen: set[int] = set()
        weak: Block | None = None
        reached = False
        for node in body.css(_COVER_CANDIDATES):
            if container is not None and node.mem_id == container.mem_id:
                reached = True
                continue
            if first is not None and node.mem_id == first.mem_id:
                break  # the body text starts: pictures after it are body figures
            inside = reached and container is not None and has_ancestor(node, container)
            if reached and not inside:
                break  # past the body: what follows is other stories and chrome
            if node.mem_id in seen or (node.tag != "figure" and not is_figure_like(node)):
                continue
            seen.add(node.mem_id)
            seen.update(child.mem_id for child in node.css("*"))
            if not _cover_ok(node, container):
                continue
            block = figure_block(node, base)
            if block is None or not block.caption or _BYLINE.match(block.caption):
                continue  # an author's portrait says who wrote it, not what is shown
            box = node.parent if node.parent is not None else node
            if node.tag != "figure" and box.css_first(_PICTURE) is None:
                continue  # a "caption" with no picture near is a dateline or a label
            if node.tag == "figure" or _is_caption_node(node) or node.css_first(_STRONG):
                return block
            weak = weak or block  # a caption found by a vaguer class: unless a better one
        return weak
    finally:
        # The body's first paragraph may be the body itself (a one-paragraph entry).
        for marked in (container, first):
            if marked is not None and marked.attributes.get(_BODY_MARK) is not None:
                del marked.attrs[_BODY_MARK]


def lead_image(
    tree: LexborHTMLParser, container: LexborNode | None, base: str | None, og_image: str | None
) -> Image | None:
    """The lead picture: the captioned cover picture before the body text (in the article
    header, usually outside the body container), else OpenGraph's image."""
    block = _cover_block(tree, container, base)
    if block is not None:
        url = block.url or (urljoin(base, og_image) if base and og_image else og_image)
        name = (url or "").rsplit("/", 1)[-1].split("?")[0] or None
        return Image(url=url, name=name, caption=block.caption, credit=block.credit)
    if og_image:
        url = urljoin(base, og_image) if base else og_image
        return Image(url=url, name=url.rsplit("/", 1)[-1].split("?")[0] or None)
    return None


def is_figure_part(node: LexborNode) -> bool:
    """Whether an element is a picture's caption or credit, or sits in a <figure>.

    Sites mark the visible caption and credit `aria-hidden` (the image's alt text speaks
    for them to screen readers); dropping hidden elements must not drop those.
    """
    if node.tag == "figure" or _is_caption_node(node):
        return True
    current = node.parent
    for _ in range(6):
        if current is None:
            return False
        if current.tag == "figure" or _is_caption_node(current):
            return True
        current = current.parent
    return False


_PICTURE_TAGS = "img, picture, amp-img"
_BLOCKS_INSIDE = "p, div, ul, ol, table, blockquote, h1, h2, h3, h4, h5, h6, a, button"


def _words_only(node: LexborNode, limit: int) -> str | None:
    """The element's text when it is a few plain words: no links, no blocks inside."""
    if node.tag not in ("div", "span", "p", "small"):
        return None
    if any(inner.mem_id != node.mem_id for inner in node.css(_BLOCKS_INSIDE)):
        return None
    text = node_text(node)
    return text if 0 < len(text) <= limit else None


def captioned_picture(node: LexborNode, base: str | None) -> Block | None:
    """A box named by no class that holds a picture, then a line of words and perhaps a
    shorter one after it, and nothing else (`<div><div><picture/></div><div>Former Prime
    Minister Tony Blair</div><div>ES</div></div>`): the picture with its caption and
    credit, as a <figure> would say."""
    if node.tag != "div" or element_words(node) & _NOT_FIGURE_WORDS:
        return None  # an author's portrait, a teaser
    children = list(node.iter(include_text=False))
    if not 2 <= len(children) <= 3:
        return None
    picture, *words = children
    if picture.css_first(_PICTURE_TAGS) is None or node_text(picture):
        return None
    caption = _words_only(words[0], MAX_CAPTION)
    credit = _words_only(words[1], MAX_CREDIT) if len(words) == 2 else None
    if caption is None or (len(words) == 2 and credit is None) or caption.startswith(_QUOTE_MARKS):
        return None  # not a caption, or a pull quote beside a portrait
    caption, inline_credit = split_credit(caption)
    credit = _clean(credit) if credit else inline_credit
    return Block(
        kind="figure",
        text=caption or "",
        url=image_url(picture, base),
        caption=caption,
        credit=credit,
    )
