"""Nesting beyond any real page's, flattened before parsing.

lexbor's tree builder takes time in the square of the nesting depth (20,000 nested
`<div>`s: about a second; 40,000: seven), so a hostile page could stall a refresh however
fast the extraction after it is. Browsers cap the depth too (Blink at 512 levels); here
the start and end tags past `MAX_NESTING` levels are dropped, their text kept where it was.
Real pages stay far below: the deepest of the development corpora nests about 60 levels.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from tuinews.raw_text import RawTextEnds

MAX_NESTING = 400
# Only a page with this many tags can nest deep enough to slow the parser down.
_TAGS_WORTH_SCANNING = 3000
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
    """The page with elements nested past `MAX_NESTING` levels unwrapped (start and end
    tags dropped, text kept): the same page to a reader, parsed in linear time."""
    if text.count("<") < _TAGS_WORTH_SCANNING or _deepest_at_most(text) < MAX_NESTING:
        return text
    stack: list[tuple[str, bool]] = []  # open element, and whether its tags are dropped
    open_count: Counter[str] = Counter()
    depth = 0  # levels kept open
    dropped: list[tuple[int, int]] = []
    for match in (
        match for start, end in _stretches(text) for match in _TAG.finditer(text, start, end)
    ):
        if match.group(3).endswith("/"):
            continue  # a self-closed tag
        name = match.group(2).lower()
        if name in _FLAT:
            continue
        if not match.group(1):
            drop = depth >= MAX_NESTING
            stack.append((name, drop))
            open_count[name] += 1
            depth += not drop
            if drop:
                dropped.append(match.span())
            continue
        if not open_count[name]:
            continue  # an end tag with nothing to close: the parser ignores it too
        while stack:
            open_name, drop = stack.pop()
            open_count[open_name] -= 1
            depth -= not drop
            if open_name == name:
                if drop:
                    dropped.append(match.span())
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


def _deepest_at_most(text: str) -> int:
    """A bound on the page's nesting, in one quick pass: each end tag closes one open
    element of its name (the parser may close more, never fewer), so the true depth is
    at most this. Most pages are far below the cap and need no more than this pass."""
    open_by_name: dict[str, int] = {}
    depth = deepest = 0
    # A loop over every tag of the page: kept to the few steps each tag needs.
    for slash, name, self_closed in (
        tag for start, end in _stretches(text) for tag in _TAG_ENDS.findall(text, start, end)
    ):
        if self_closed:
            continue
        name = name.lower()
        if name in _FLAT:
            continue
        if slash:
            count = open_by_name.get(name)
            if count:
                open_by_name[name] = count - 1
                depth -= 1
        else:
            open_by_name[name] = open_by_name.get(name, 0) + 1
            depth += 1
            if depth > deepest:
                deepest = depth
    return deepest
