"""An OptionList whose coloured parts stay readable in every theme, on the cursor too.

Prompts are built once as `Text` with their parts' colours resolved for the pane's
background (see `part_style`); the highlighted row is then drawn in the cursor's colours,
and a theme change rebuilds the prompts.
"""

from __future__ import annotations

from rich.style import Style
from textual.strip import Strip
from textual.widgets import OptionList

from tuinews.app.part_style import cursor_style, part_style, recolour

HIGHLIGHT = "option-list--option-highlighted"


class ThemedOptionList(OptionList):
    def _part(self, name: str) -> Style:
        return part_style(self, name)

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        if self.highlighted is None:
            return strip
        for segment in strip:
            meta = segment.style.meta if segment.style else None
            if meta and "option" in meta:
                if meta["option"] == self.highlighted:
                    return recolour(strip, cursor_style(self, HIGHLIGHT))
                break
        return strip

    _styled_with: tuple[Style, ...] = ()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        if self.is_mounted:
            # After the refresh, when every ancestor has the new theme's background.
            self.call_after_refresh(self._restyle_if_shown)

    def _restyle_if_shown(self) -> None:
        # A pane of a screen being closed has lost its component styles: nothing to do.
        if not self.is_attached or self.screen not in self.app.screen_stack:
            return
        # Focus coming or going restyles the list too; the prompts' colours only change
        # with the theme, and rebuilding hundreds of prompts (a story's quotations) is slow.
        parts = tuple(self._part(name) for name in sorted(self.COMPONENT_CLASSES))
        if parts != self._styled_with:
            self._styled_with = parts
            self.restyle()

    def restyle(self) -> None:
        """Build the prompts again: the theme, and with it every part's colour, changed."""
