"""A checkbox whose "off" is an empty box.

Textual draws the X of an unchecked box too, in a colour close to the box's own (1.4:1):
a ghost of a tick that reads as half-set, and as text nobody can read. Off shows nothing
in the box; on shows the X in the colour the theme gives a set checkbox.
"""

from __future__ import annotations

from textual.widgets import Checkbox


class TickBox(Checkbox):
    """`BUTTON_INNER` is the glyph Textual draws in the box."""

    @property
    def BUTTON_INNER(self) -> str:
        return "X" if self.value else " "
