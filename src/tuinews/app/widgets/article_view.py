"""The reading column: an article drawn line by line from its layout.

A `ScrollView` that renders only the lines on screen, centred in a column of at most
`READING_WIDTH` cells. The story is laid out a screenful at first and the rest in steps
between other work, so a feed entry of megabytes opens at once and keys work while it is
still being laid out. It reports the section in view as it scrolls and the link a click
lands on; the reader screen decides what to do with either.
"""

from __future__ import annotations

import asyncio
from typing import Any, ClassVar

from rich.segment import Segment
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tuinews.app.also_read import LinkEntry
from tuinews.app.article_layout import ROLES, ArticleLayout, LayingOut
from tuinews.app.part_style import cursor_style, part_style, recolour
from tuinews.model import Article

READING_WIDTH = 88
FLASH_SECONDS = 1.2
# Lines laid out in each step after the first screenful (~30 ms of wrapping on a slow core).
STEP_LINES = 200


class ArticleView(ScrollView, can_focus=True, inherit_bindings=False):
    """The body of one article."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *(f"article-view--{role}" for role in ROLES),
        "article-view--flash",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "j,down",
            "scroll_down",
            "Down",
            show=False,
            id="reader.scroll_down",
            tooltip="Scroll down a line",
        ),
        Binding(
            "k,up", "scroll_up", "Up", show=False, id="reader.scroll_up", tooltip="Scroll up a line"
        ),
        Binding(
            "space,pagedown",
            "page_down",
            "Page down",
            show=False,
            id="reader.page_down",
            tooltip="Scroll down a screen",
        ),
        Binding(
            "pageup",
            "page_up",
            "Page up",
            show=False,
            id="reader.page_up",
            tooltip="Scroll up a screen",
        ),
        Binding(
            "home",
            "scroll_home",
            "Top",
            show=False,
            id="reader.top",
            tooltip="Go to the top of the story",
        ),
        Binding(
            "end",
            "scroll_end",
            "End",
            show=False,
            id="reader.bottom",
            tooltip="Go to the end of the story",
        ),
    ]

    class SectionInView(Message):
        """The section at the top of the view changed."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    class LinkClicked(Message):
        """A link card (or one of its suggestions) was clicked."""

        def __init__(self, entry: int, suggestion: int | None) -> None:
            super().__init__()
            self.entry = entry
            self.suggestion = suggestion

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: Article | None = None
        self.entries: list[LinkEntry] = []
        self._layout: ArticleLayout | None = None
        self._laying: LayingOut | None = None
        self._laid_with: tuple[object, ...] = ()
        self._section = -1
        self.flashing: tuple[int, int] | None = None
        # What waits for lines not laid out yet: a scroll position to restore, a section
        # or quotation to go to, the end of the story.
        self._pending_scroll: float | None = None
        self._pending_section: int | None = None
        self._pending_quote: int | None = None
        self._pending_end = False

    def show(self, article: Article, entries: list[LinkEntry], scroll_y: float = 0) -> None:
        self.article = article
        self.entries = entries
        self._section = -1
        self.flashing = None
        self._forget_pending()
        self._pending_scroll = scroll_y
        self._relayout()

    def update_entries(self, entries: list[LinkEntry]) -> None:
        """New link state (suggestions arrived, a target got stored): same article."""
        self.entries = entries
        self._relayout(keep_place=True)

    @property
    def laid_out(self) -> ArticleLayout | None:
        """The lines laid out so far (`complete` once they are all there)."""
        return self._layout

    def _column_width(self) -> int:
        return max(20, min(READING_WIDTH, self.scrollable_content_region.width - 2))

    def _relayout(self, *, keep_place: bool = False) -> None:
        """Lay the story out again from the top: a screenful now, the rest in steps."""
        if self.article is None or not self.size.width:
            self._layout = self._laying = None
            return
        width = self._column_width()
        styles = {role: part_style(self, f"article-view--{role}") for role in ROLES}
        self._laid_with = (width, *styles.values())
        if keep_place and self._pending_scroll is None:
            self._pending_scroll = self.scroll_y
        self._laying = LayingOut(
            self.article, self.entries, width, self.app.console, styles.__getitem__
        )
        self._layout = self._laying.layout
        height = self.scrollable_content_region.height
        self._extend(self._laying, round(self._pending_scroll or 0) + 2 * height + STEP_LINES)

    def _extend(self, laying: LayingOut, lines: int) -> None:
        if laying is not self._laying:
            return  # a newer layout (another story, width or theme) replaced this one
        before = len(laying.layout.lines)
        laying.advance(lines)
        layout = laying.layout
        self.virtual_size = Size(self.scrollable_content_region.width, len(layout.lines))
        self._settle_pending(layout)
        if before <= round(self.scroll_y) + self.scrollable_content_region.height:
            self.refresh()
        self._report_section()
        if not layout.complete:
            self.call_later(self._next_step, laying)

    async def _next_step(self, laying: LayingOut) -> None:
        # Keys, the screen's repaint and other widgets run between two steps.
        await asyncio.sleep(0)
        self._extend(laying, STEP_LINES)

    def _settle_pending(self, layout: ArticleLayout) -> None:
        height = self.scrollable_content_region.height
        if self._pending_scroll is not None and (
            layout.complete or len(layout.lines) >= self._pending_scroll + height
        ):
            self.scroll_to(y=self._pending_scroll, animate=False, force=True, immediate=True)
            self._pending_scroll = None
        if self._pending_section is not None and (
            layout.complete or self._pending_section < len(layout.section_lines)
        ):
            index, self._pending_section = self._pending_section, None
            self.scroll_to_section(index)
        if self._pending_quote is not None and (
            layout.complete or self._pending_quote in layout.quote_lines
        ):
            index, self._pending_quote = self._pending_quote, None
            self.flash_quote(index)
        if self._pending_end:
            self.scroll_end(animate=False, force=True, immediate=True)
            self._pending_end = not layout.complete

    def _forget_pending(self) -> None:
        """The user moved: nothing still waiting for lines may move the view after them."""
        self._pending_scroll = self._pending_section = self._pending_quote = None
        self._pending_end = False

    def on_resize(self, event: events.Resize) -> None:
        if self._layout is None or self._layout.width != self._column_width():
            self._relayout(keep_place=True)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        if self.article is not None:
            # After the refresh: on a theme change the styles of the ancestors, whose
            # background the parts are resolved against, may not be updated yet.
            self.call_after_refresh(self._relayout_if_restyled)

    def _relayout_if_restyled(self) -> None:
        """Lay out again only when a part's colour changed: focus moving to a pane
        restyles the view too, and a long story costs seconds to lay out."""
        if not self.is_attached or self.screen not in self.app.screen_stack:
            return
        styles = [part_style(self, f"article-view--{role}") for role in ROLES]
        if (self._column_width(), *styles) != self._laid_with:
            self._relayout(keep_place=True)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        layout = self._layout
        index = round(self.scroll_offset.y) + y
        if layout is None or index >= len(layout.lines):
            return Strip.blank(width, self.rich_style)
        margin = max(0, (width - layout.width) // 2)
        line = layout.lines[index]
        if self.flashing and self.flashing[0] <= index <= self.flashing[1]:
            line = recolour(line, cursor_style(self, "article-view--flash"))
        strip = Strip([Segment(" " * margin), *line]) if margin else line
        return strip.crop_extend(0, width, self.rich_style).apply_style(self.rich_style)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self._report_section()

    def _report_section(self) -> None:
        if self._layout is None:
            return
        section = self._layout.section_at(round(self.scroll_y) + 1)
        if self._layout.complete and self.is_vertical_scroll_end and self.max_scroll_y > 0:
            visible_end = round(self.scroll_y) + self.scrollable_content_region.height
            starts = [i for i, line in enumerate(self._layout.section_lines) if line < visible_end]
            section = starts[-1] if starts else section
        if section != self._section:
            self._section = section
            self.post_message(self.SectionInView(section))

    @property
    def section_in_view(self) -> int:
        return self._section

    def scroll_to_line(self, line: int, *, above: int = 0) -> None:
        self.scroll_to(y=max(0, line - above), animate=False, immediate=True)

    def scroll_to_section(self, index: int) -> None:
        """Go to section `index`; one not laid out yet is gone to when it is."""
        layout = self._layout
        if layout is None or index < 0:
            return
        self._forget_pending()
        if index < len(layout.section_lines):
            self.scroll_to_line(layout.section_lines[index])
        elif not layout.complete:
            self._pending_section = index

    def flash_quote(self, index: int) -> bool:
        """Bring a quotation into view and light it up briefly; False if it is not shown.

        A quotation further on than the lines laid out so far is flashed once it is."""
        layout = self._layout
        if layout is None:
            return False
        if index not in layout.quote_lines:
            if layout.complete:
                return False
            self._forget_pending()
            self._pending_quote = index
            return True
        first, last = layout.quote_lines[index]
        self.scroll_to_line(first, above=self.scrollable_content_region.height // 3)
        self.flashing = (first, last)
        self.refresh()
        self.set_timer(FLASH_SECONDS, self._end_flash)
        return True

    def _end_flash(self) -> None:
        self.flashing = None
        self.refresh()

    def _meta_at(self, x: int, y: int) -> dict[str, Any]:
        """The style metadata of the character drawn at (x, y) of the content region."""
        layout = self._layout
        index = round(self.scroll_offset.y) + y
        if layout is None or not 0 <= index < len(layout.lines):
            return {}
        column = x - max(0, (self.scrollable_content_region.width - layout.width) // 2)
        for segment in layout.lines[index]:
            width = segment.cell_length
            if 0 <= column < width:
                return dict(segment.style.meta) if segment.style else {}
            column -= width
        return {}

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        meta = self._meta_at(offset.x, offset.y) if offset is not None else {}
        if "link" in meta:
            event.stop()
            self.post_message(self.LinkClicked(meta["link"], meta.get("suggestion")))

    def action_page_down(self) -> None:
        self._forget_pending()
        self.scroll_page_down(animate=False)

    def action_page_up(self) -> None:
        self._forget_pending()
        self.scroll_page_up(animate=False)

    def action_scroll_down(self) -> None:
        self._forget_pending()
        self.scroll_relative(y=1, animate=False)

    def action_scroll_up(self) -> None:
        self._forget_pending()
        self.scroll_relative(y=-1, animate=False)

    def action_scroll_home(self) -> None:
        self._forget_pending()
        self.scroll_home(animate=False)

    def action_scroll_end(self) -> None:
        """The end of the story; while it is still being laid out, the end as it grows."""
        self._forget_pending()
        self.scroll_end(animate=False, immediate=True)
        self._pending_end = self._layout is not None and not self._layout.complete
