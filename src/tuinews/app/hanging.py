"""Hanging indents for list entries: wrapped lines stand under the text, not the marker."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

MIN_TEXT_WIDTH = 8


def hanging(console: Console, width: int, marker: Text, body: Text) -> Text:
    """`marker`, then `body` wrapped to fit `width` with its lines after the first indented.

    An OptionList wraps a long entry back to its left edge, under the number or arrow,
    where the eye looks for the next entry.
    """
    indent = marker.cell_len
    result = marker.copy()
    for number, line in enumerate(body.wrap(console, max(MIN_TEXT_WIDTH, width - indent))):
        if number:
            result.append("\n" + " " * indent)
        line.rstrip()
        result.append_text(line)
    return result
