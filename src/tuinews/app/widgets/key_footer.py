"""The footer, with "? Help" first so it survives a narrow terminal.

Textual's footer lists the focused widget's keys, then the screen's, then the app's, and
cuts off what does not fit: at 80 columns the help key, listed last, was the first to go,
leaving a new user no way to find the others, and the last key shown was cut mid-word
("n Next unre"). Keys that do not fit whole are left out; help lists them all.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Footer

HELP_ACTIONS = {"help", "app.help"}
COMPACT_BELOW = 100


class KeyFooter(Footer):
    _laid_out_for = 0  # the width the keys were chosen for

    def compose(self) -> ComposeResult:
        widgets: list[Widget] = list(super().compose())
        first = [w for w in widgets if getattr(w, "action", None) in HELP_ACTIONS]
        ordered = first + [widget for widget in widgets if widget not in first]
        docked = [w for w in ordered if w.has_class("-command-palette")]
        room = (self.size.width or 10**6) - sum(self._width(w) for w in docked)
        for widget in ordered:
            if widget in docked:
                continue
            room -= self._width(widget)
            if room < 0:
                break
            yield widget
        yield from docked

    def _width(self, widget: Widget) -> int:
        """Cells a key takes, with the gap after it (Textual's padding, compact or not)."""
        key_display = getattr(widget, "key_display", None)  # a FooterKey (not exported)
        if key_display is None:
            return 0
        key = cell_len(key_display) + (0 if self.compact else 2)
        description = getattr(widget, "description", "")
        described = cell_len(description) + 1 if description else 0
        return key + described + 1 + (1 if widget.has_class("-command-palette") else 0)

    def on_resize(self) -> None:
        if self.size.width == self._laid_out_for:
            return
        self._laid_out_for = self.size.width
        # Tighter spacing below 100 columns: two or three more keys fit at 80.
        self.compact = self.size.width < COMPACT_BELOW
        self.refresh(recompose=True)
