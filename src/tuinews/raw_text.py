"""Where a page's comments and raw-text elements (`<script>…</script>`) end, in linear time.

Skipping them with one pattern (`<!--.*?-->|<(script|style)\\b.*?</\\1\\s*>`) reads a page in
the square of its length when many are never closed: each opener is searched to the end of
the page for an end it does not have (8,000 unclosed `<script>`s, 88 KB: ten seconds). Here
the last end of each kind is found once, so an opener with no end after it is known at once,
and one that has an end is matched by that same pattern, which then reads only what it skips.
What counts as an end is exactly what the pattern takes: its case-insensitive back reference
(`<SCRIPT>` ends at `</script >`), so the two readings agree on every page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

_COMMENT_END = "-->"
# The same comparison that `</\1` makes in the skipping pattern.
_SAME_NAME = re.compile(r"(\w+) \1", re.IGNORECASE)


@lru_cache(maxsize=8)
def _patterns(names: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The openers and every end tag that may close one: the names case-insensitive, which
    takes each letter a back reference to them can match (and a few more, such as "ſ" for
    "s": `_SAME_NAME` tells those apart)."""
    alternatives = "|".join(names)
    return (
        re.compile(rf"<!--|<({alternatives})\b", re.IGNORECASE),
        re.compile(rf"</({alternatives})\s*+>", re.IGNORECASE),
    )


@lru_cache(maxsize=64)
def _end_tag_of(name: str) -> re.Pattern[str]:
    """End tags that may close an element opened as `name`; `_SAME_NAME` then compares
    them as the skipping pattern's case-insensitive back reference does."""
    return re.compile(rf"</({re.escape(name)})\s*>", re.IGNORECASE)


class RawTextEnds:
    """For one page: comment and raw-text element openers (`names`), and where each ends.

    `opener` is `<!--` or `<name` as the skipping pattern
    `<!--.*?-->|<(names)\\b.*?</\\1\\s*>` (case-insensitive) would begin them; `end_of` is
    where that pattern's match would end, or None when it finds no end.
    """

    def __init__(self, text: str, names: tuple[str, ...]) -> None:
        self._text = text
        self._opener, self._end_tag = _patterns(names)
        self._last_comment_end = text.rfind(_COMMENT_END)
        self._last_end_tags: dict[str, int] | None = None  # by the name as written
        self._last_ends: dict[str, int] = {}  # by the opener's name as written

    def opener(self, position: int, end: int) -> re.Match[str] | None:
        """The first opener at or after `position` that starts before `end`."""
        return self._opener.search(self._text, position, end)

    def end_of(self, opener: re.Match[str]) -> int | None:
        start = opener.start()
        name = opener.group(1)
        if name is None:
            if self._last_comment_end < start + len("<!--"):
                return None
            return self._text.find(_COMMENT_END, start + len("<!--")) + len(_COMMENT_END)
        if self._last_end(name) < opener.end():
            return None
        # The first end tag of the name after the opener, where the lazy pattern would stop:
        # searched from its "</" in C rather than matched one character at a time.
        for end_tag in _end_tag_of(name).finditer(self._text, opener.end()):
            if _SAME_NAME.fullmatch(f"{name} {end_tag.group(1)}"):
                return end_tag.end()
        return None

    def _last_end(self, name: str) -> int:
        """Where the last end tag that closes an element opened as `name` starts (-1: none)."""
        last = self._last_ends.get(name)
        if last is None:
            if self._last_end_tags is None:
                self._last_end_tags = {
                    match.group(1): match.start() for match in self._end_tag.finditer(self._text)
                }
            last = max(
                (
                    start
                    for written, start in self._last_end_tags.items()
                    if _SAME_NAME.fullmatch(f"{name} {written}")
                ),
                default=-1,
            )
            self._last_ends[name] = last
        return last

    def spans(self) -> Iterator[tuple[int, int]]:
        """Every comment and raw-text element the skipping pattern matches, in order, when
        nothing else is read in between (`re.sub` with it over the whole text)."""
        position = 0
        while (opener := self.opener(position, len(self._text))) is not None:
            end = self.end_of(opener)
            if end is None:
                position = opener.start() + 1
            else:
                yield opener.start(), end
                position = end
