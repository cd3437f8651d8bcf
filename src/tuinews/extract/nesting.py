"""Nesting beyond any real page's, flattened before parsing.

lexbor's tree builder takes time in the square of the nesting depth (20,000 nested
`<div>`s: about a second; 40,000: seven), so a hostile page could stall a refresh however
fast the extraction after it is. Browsers cap the depth too (Blink at 512 levels); here
the start and end tags past `MAX_NESTING` levels are dropped, their text kept where it was.
Real pages stay far below: the deepest of the development corpora nests about 60 levels.

Formatting elements left open (`<b>`, `<font>`, `<i>` …) are a width, not a depth: the
parser copies every one still open into each new block (HTML's "reconstruct the active
formatting elements"), so 2,000 `<b class=…><p>x` made two million elements and a
gigabyte of memory from 37 KB. Past `MAX_FORMATTING` of them open, more are dropped too.
And each option put straight into a <select> makes the parser look at all the options
before it (20,000: 2 s); past `MAX_OPTIONS` in a select, more option tags go, text kept.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from tuinews.raw_text import RawTextEnds

MAX_NESTING = 400
MAX_FORMATTING = 16
MAX_OPTIONS = 1000
# Only a page with this many tags can nest deep, or leave open enough formatting elements
# with blocks between them, to slow the parser down (1,000 formatting elements left open
# before as many blocks: half a million elements).
_TAGS_WORTH_SCANNING = 1000
# Below this many tags a page is read for its bounds only when it has this many formatting
# start tags or options, counted in C: 64 formatting elements open before 3,000 blocks are
# at most 200,000 elements, and reading every tag of the many ordinary pages of a few
# thousand tags cost more than that (a third of the extraction of an average news page).
_DEPTH_WORTH_SCANNING = 3000
_FORMATTING_WORTH_SCANNING = 64
# Formatting elements that stay on the parser's list until their own end tag, however many
# blocks close around them. A new <a> or <nobr> closes the one before, so those never pile up.
_FORMATTING = frozenset("b big code em font i s small strike strong tt u".split())
_FORMATTING_START = re.compile(rf"<(?:{'|'.join(sorted(_FORMATTING))})[\s/>]", re.I)
_OPTION_START = re.compile(r"<option[\s/>]", re.I)
# The parser keeps at most three alike (same name and attributes: "Noah's Ark").
_ALIKE_KEPT = 3
# Elements whose content is text, not tags: skipped whole, like comments, where they end.
_RAW_TEXT = ("script", "style", "textarea", "template", "title")
_TAG = re.compile(r"<(/?)([a-zA-Z][\w:-]*)([^>]*)>", re.S | re.I)
# The same tags, the attributes left out (only whether the tag ends in "/" is kept):
# copying every tag's attributes out of a page of a megabyte is most of a pass.
_TAG_ENDS = re.compile(r"<(/?)([a-zA-Z][\w:-]*)(?:[^>]*[^>/])?(/*)>", re.S | re.I)
_TAG_START = re.compile(r"</?[a-zA-Z]", re.I)
# Elements that never hold children, or whose end tag a page may leave out because the
# next one closes it wherever it stands: they do not count as a level (a long list of
# unclosed <li>s is not deep). Ruby annotations (rb, rt, rp) and <optgroup> count: only
# inside a <ruby> or a <select> does the next one close them, elsewhere they nest.
_FLAT = frozenset(
    """
    area base br col embed hr img input link meta source track wbr param keygen
    p li dt dd option tr td th tbody thead tfoot colgroup caption
    html head body
    """.split()
)


def bounded_nesting(text: str) -> str:
    """The page with elements nested past `MAX_NESTING` levels, and formatting elements
    open past `MAX_FORMATTING`, unwrapped (start and end tags dropped, text kept): the same
    page to a reader, parsed in linear time."""
    tags = text.count("<")
    if tags < _TAGS_WORTH_SCANNING:
        return text
    if (
        tags < _DEPTH_WORTH_SCANNING
        and len(_FORMATTING_START.findall(text)) < _FORMATTING_WORTH_SCANNING
        and len(_OPTION_START.findall(text)) < MAX_OPTIONS
    ):
        return text
    deepest, most_formatting, most_options = _bounds(text)
    if deepest < MAX_NESTING and most_formatting < MAX_FORMATTING and most_options < MAX_OPTIONS:
        return text
    stack: list[tuple[str, bool]] = []  # open element, and whether its tags are dropped
    open_count: Counter[str] = Counter()
    depth = 0  # levels kept open
    formatting = _FormattingList()
    options = 0  # since the last <select>
    dropped: list[tuple[int, int]] = []
    for match in (
        match for start, end in _stretches(text) for match in _TAG.finditer(text, start, end)
    ):
        if match.group(3).endswith("/"):
            continue  # a self-closed tag
        name = match.group(2).lower()
        if name == "option" and not match.group(1):
            if options >= MAX_OPTIONS:
                dropped.append(match.span())
            options += 1
        if name in _FLAT:
            continue
        if not match.group(1):
            if name == "select":
                options = 0
            drop = depth >= MAX_NESTING
            if name in _FORMATTING:
                drop = drop or not formatting.opened(name, match.group(3).strip())
            stack.append((name, drop))
            open_count[name] += 1
            depth += not drop
            if drop:
                dropped.append(match.span())
            continue
        if not open_count[name]:
            formatting.closed(name)
            continue  # an end tag with nothing to close: the parser ignores it too
        while stack:
            open_name, drop = stack.pop()
            open_count[open_name] -= 1
            depth -= not drop
            if open_name == name:
                if drop:
                    dropped.append(match.span())
                else:
                    formatting.closed(name)
                break
    if not dropped:
        return text
    parts: list[str] = []
    position = 0
    for start, end in sorted(dropped):
        parts.append(text[position:start])
        position = end
    parts.append(text[position:])
    return " ".join(parts)


class _FormattingList:
    """The formatting elements the parser keeps open while blocks open and close around
    them (an upper bound: it knows no markers, and tells alike by their attributes as
    written), and whether one more may join them."""

    def __init__(self) -> None:
        self._alike: Counter[tuple[str, str]] = Counter()
        self._kept: dict[str, list[str]] = {}  # by name, the attributes of each, in order
        self._entries = 0

    def opened(self, name: str, attributes: str) -> bool:
        """Whether the start tag stays: it does unless it would make the list longer than
        `MAX_FORMATTING` (one alike to three others takes the place of the oldest)."""
        alike = self._alike[name, attributes]
        if alike < _ALIKE_KEPT:
            if self._entries >= MAX_FORMATTING:
                return False
            self._entries += 1
        self._alike[name, attributes] = alike + 1
        self._kept.setdefault(name, []).append(attributes)
        return True

    def closed(self, name: str) -> None:
        """An end tag the parser reads: it closes the last of that name on the list."""
        kept = self._kept.get(name)
        if name not in _FORMATTING or not kept:
            return
        key = (name, kept.pop())
        alike = self._alike[key]
        self._alike[key] = alike - 1
        if alike <= _ALIKE_KEPT:
            self._entries -= 1


def _stretches(text: str) -> Iterator[tuple[int, int]]:
    """The stretches of the page read for tags, in order: what lies between its comments
    and raw-text elements, read as the tokenizer reads (an opener inside a tag, as in
    `<div title="<!--">`, is part of the tag; one that is never closed opens nothing)."""
    end = _tags_end(text)
    raw = RawTextEnds(text, _RAW_TEXT)
    start = position = 0
    while (opener := raw.opener(position, end)) is not None:
        at = opener.start()
        after_last_tag_end = max(position, text.rfind(">", position, at) + 1)
        if _TAG_START.search(text, after_last_tag_end, at):
            position = text.find(">", at) + 1  # the tag that holds the opener
            continue
        skipped_to = raw.end_of(opener)
        if skipped_to is not None:
            yield start, at
            start = position = skipped_to
        elif opener.group(1) is None:
            position = at + 1  # "<!--" never closed: read on as text
        else:
            position = text.find(">", at) + 1  # "<script" never closed: an ordinary tag
    yield start, end


def _tags_end(text: str) -> int:
    """Where the last tag can end: every tag, comment and script ends with ">". Past
    the last one each "<" would be tried to the end of the page and fail (a page of
    "<a<a<a…" with no ">": as many passes as there are "<")."""
    return text.rfind(">") + 1


def _bounds(text: str) -> tuple[int, int, int]:
    """Bounds on the page's nesting, on the formatting elements open at once and on the
    options of one select, in one quick pass: each end tag closes one open element of its
    name (the parser may close more, never fewer), so the truth is at most these. Most
    pages are far below every cap and need no more than this pass."""
    open_by_name: dict[str, int] = {}
    depth = deepest = formatting = most_formatting = options = most_options = 0
    # A loop over every tag of the page: kept to the few steps each tag needs.
    for slash, name, self_closed in (
        tag for start, end in _stretches(text) for tag in _TAG_ENDS.findall(text, start, end)
    ):
        if self_closed:
            continue
        name = name.lower()
        if name in _FLAT:
            if name == "option" and not slash:
                options += 1
                if options > most_options:
                    most_options = options
            continue
        if slash:
            count = open_by_name.get(name)
            if count:
                open_by_name[name] = count - 1
                depth -= 1
                if name in _FORMATTING:
                    formatting -= 1
        else:
            open_by_name[name] = open_by_name.get(name, 0) + 1
            depth += 1
            if depth > deepest:
                deepest = depth
            if name in _FORMATTING:
                formatting += 1
                if formatting > most_formatting:
                    most_formatting = formatting
            elif name == "select":
                options = 0
    return deepest, most_formatting, most_options
