"""The footer, with "? Help" first so it survives a narrow terminal.

Textual's footer lists the focused widget's keys, then the screen's, then the app's, and
cuts off what does not fit: at 80 columns the help key, listed last, was the first to go,
leaving a new user no way to find the others.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Footer

HELP_ACTIONS = {"help", "app.help"}
COMPACT_BELOW = 100


class KeyFooter(Footer):
    def compose(self) -> ComposeResult:
        widgets: list[Widget] = list(super().compose())
        first = [w for w in widgets if getattr(w, "action", None) in HELP_ACTIONS]
        yield from first
        yield from (widget for widget in widgets if widget not in first)

    def on_resize(self) -> None:
        # Tighter spacing below 100 columns: two or three more keys fit at 80.
        self.compact = self.size.width < COMPACT_BELOW
