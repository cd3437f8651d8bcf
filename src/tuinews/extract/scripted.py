"""A story that a script draws: its HTML kept in the page's JSON state.

Pages built with client-side frameworks often send an empty shell and the story as a
string in the state a script reads on load (`"contentHtml":"<p>…"`). When the page's
markup holds no prose, that string is the only copy of the story the page carries.
"""

from __future__ import annotations

import json
import re

# A JSON string under a key that names a body or its HTML (`content`, `articleBody`,
# `bodyHtml`, `content_html`), escaped as JSON escapes it.
_BODY_STRING = re.compile(
    r'"(?:\w*(?:content|body|html)\w*)"\s*:\s*"((?:[^"\\]|\\.){400,})"', re.IGNORECASE
)
_PARAGRAPH = re.compile(r"<(?:p|br)[\s/>]", re.IGNORECASE)
_MIN_PARAGRAPHS = 3
# A script element holding markup a script copies into the page where it stands (Blogger
# sends each post's body so): `<script type="text/template">`, `text/x-template`,
# `text/html`. Its start tag runs to the first ">"; the type may stand anywhere in it.
_SCRIPT_START = re.compile(r"<script\b", re.IGNORECASE)
_TEMPLATE_TYPE = re.compile(r"""\btype\s*=\s*["']?text/(?:x-)?(?:template|html)""", re.IGNORECASE)
_SCRIPT_END = re.compile(r"</script\s*>", re.IGNORECASE)


def scripted_html(page: str) -> str | None:
    """The longest body-like HTML string in the page's script state, or None.

    Body-like: three or more paragraphs or line breaks; a description or a snippet of
    markup is not a story.
    """
    best: str | None = None
    for match in _BODY_STRING.finditer(page):
        try:
            value = json.loads(f'"{match.group(1)}"')
        except ValueError:
            continue
        if len(_PARAGRAPH.findall(value)) < _MIN_PARAGRAPHS:
            continue
        if best is None or len(value) > len(best):
            best = value
    return best


def expand_templates(page: str) -> str:
    """The page with each template script that holds a story (three or more paragraphs or
    line breaks) replaced by its markup, where a browser's script would draw it; other
    templates (a widget's markup, a snippet) stay scripts and are dropped with them.

    Read script by script, each start tag and each content once: a pattern for the whole
    element read a start tag again for every "<script" inside it, and the rest of the page
    for every template never closed (in the square of the page's length)."""
    if not any(kind in page for kind in ("text/template", "text/x-template", "text/html")):
        return page
    last_end = max((match.start() for match in _SCRIPT_END.finditer(page)), default=-1)
    parts: list[str] = []
    kept = position = 0
    while (start := _SCRIPT_START.search(page, position)) is not None:
        tag_end = page.find(">", start.end())
        if tag_end < 0:
            break
        # A "<script" inside this start tag ends with it, so it cannot be a template either.
        position = tag_end + 1
        if last_end < position or not _TEMPLATE_TYPE.search(page, start.end(), tag_end):
            continue
        end = _SCRIPT_END.search(page, position)
        assert end is not None  # there is one at `last_end`
        markup = page[position : end.start()]
        if len(_PARAGRAPH.findall(markup)) >= _MIN_PARAGRAPHS:
            parts += (page[kept : start.start()], markup)
            kept = end.end()
        position = end.end()
    return "".join(parts) + page[kept:] if parts else page
