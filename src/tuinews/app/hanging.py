"""Hanging indents for list entries: wrapped lines stand under the text, not the marker."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

MIN_TEXT_WIDTH = 8
# The column left blank at the right of a list, so that no entry runs into its scrollbar
# (Textual puts the bar right after the text, and a widget's padding after the bar).
BAR_GAP = 1


def hanging(console: Console, width: int, marker: Text, body: Text) -> Text:
    """`marker`, then `body` wrapped to fit a list `width` wide, its lines after the first
    indented, a blank column kept before the list's scrollbar.

    An OptionList wraps a long entry back to its left edge, under the number or arrow,
    where the eye looks for the next entry.
    """
    indent = marker.cell_len
    result = marker.copy()
    text_width = max(MIN_TEXT_WIDTH, width - indent - BAR_GAP)
    for number, line in enumerate(body.wrap(console, text_width)):
        if number:
            result.append("\n" + " " * indent)
        line.rstrip()
        result.append_text(line)
    return result
