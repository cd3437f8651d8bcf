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
# `text/html`.
_TEMPLATE = re.compile(
    r"""<script\b[^>]*\btype\s*=\s*["']?text/(?:x-)?(?:template|html)["']?[^>]*>(.*?)</script\s*>""",
    re.IGNORECASE | re.DOTALL,
)


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


def _drawn_in_place(match: re.Match[str]) -> str:
    markup = match.group(1)
    return markup if len(_PARAGRAPH.findall(markup)) >= _MIN_PARAGRAPHS else match.group(0)


def expand_templates(page: str) -> str:
    """The page with each template script that holds a story (three or more paragraphs or
    line breaks) replaced by its markup, where a browser's script would draw it; other
    templates (a widget's markup, a snippet) stay scripts and are dropped with them."""
    if not any(kind in page for kind in ("text/template", "text/x-template", "text/html")):
        return page
    return _TEMPLATE.sub(_drawn_in_place, page)
