"""The article list: one row per article, drawn only for the rows on screen.

Textual's ListView, DataTable and OptionList build a widget or a row object for every item,
which takes seconds at 100,000 articles. This `ScrollView` knows only how many rows there are
and asks `PagedRows` for the ones it draws, so opening and scrolling cost the same for a
library of 100 or 100,000 stories.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tuinews.app.hanging import BAR_GAP
from tuinews.app.paged_rows import PagedRows, RowSource
from tuinews.app.part_style import cursor_style, part_style, recolour
from tuinews.model import ArticleSummary

TITLE_MIN = 40
MARKS_WIDTH = 5
GAP = 2


@dataclass(frozen=True)
class Columns:
    """How wide the date and feed columns are drawn; 0 hides one."""

    date_format: str = "%Y-%m-%d"
    feed_width: int = 18

    @property
    def date_width(self) -> int:
        return len(datetime(2000, 1, 1).strftime(self.date_format)) if self.date_format else 0


_WIDEST = Columns()
_NARROWER = (
    *(Columns(feed_width=width) for width in range(16, 9, -2)),
    Columns("%m-%d", 10),
    Columns("%m-%d", 0),
    Columns("", 0),
)


def columns_for(width: int) -> Columns:
    """The widest date and feed columns that leave the title `TITLE_MIN` cells.

    At 80 columns the title keeps its 40 cells: the feed name shrinks first, then the
    date loses its year, then the feed and finally the date go.
    """
    for columns in (_WIDEST, *_NARROWER):
        used = MARKS_WIDTH + sum(
            part + GAP for part in (columns.date_width, columns.feed_width) if part
        )
        if width - used >= TITLE_MIN:
            return columns
    return _NARROWER[-1]


class ArticleList(ScrollView, can_focus=True, inherit_bindings=False):
    """Rows of unread mark, star, date, feed and title; a cursor; Enter opens."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-list--cursor",
        "article-list--unread",
        "article-list--read",
        "article-list--star",
        "article-list--date",
        "article-list--feed",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "j,down", "cursor_down", "Down", show=False, id="list.down", tooltip="Next article"
        ),
        Binding("k,up", "cursor_up", "Up", show=False, id="list.up", tooltip="Previous article"),
        Binding("g,home", "first", "First", show=False, id="list.first", tooltip="First article"),
        Binding("G,end", "last", "Last", show=False, id="list.last", tooltip="Last article"),
        Binding(
            "pagedown",
            "page_down",
            "Page down",
            show=False,
            id="list.page_down",
            tooltip="Down a screen",
        ),
        Binding(
            "pageup", "page_up", "Page up", show=False, id="list.page_up", tooltip="Up a screen"
        ),
        Binding("enter", "open", "Open", id="list.open", tooltip="Read the selected article"),
    ]

    cursor: reactive[int] = reactive(0, always_update=True, init=False)

    class Highlighted(Message):
        """The cursor moved to another article."""

        def __init__(self, article_list: ArticleList, row: ArticleSummary | None) -> None:
            super().__init__()
            self.article_list = article_list
            self.row = row

        @property
        def control(self) -> ArticleList:
            return self.article_list

    class Opened(Message):
        """The user asked to read an article (Enter or a double click)."""

        def __init__(self, article_list: ArticleList, row: ArticleSummary) -> None:
            super().__init__()
            self.article_list = article_list
            self.row = row

        @property
        def control(self) -> ArticleList:
            return self.article_list

    def __init__(self, source: RowSource, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows = PagedRows(source)
        self.lines_rendered = 0
        self.empty_message = ""

    def on_mount(self) -> None:
        self._size_to_rows()

    def show(self, source: RowSource) -> None:
        """List other rows (another feed, new search results) from the top."""
        self.rows = PagedRows(source)
        self._size_to_rows()
        self.scroll_to(y=0, animate=False)
        self.cursor = 0

    def reload(self, index: int | None = None) -> None:
        """Read the rows again (they changed under the list); put the cursor on `index`."""
        self.rows.reload()
        self._size_to_rows()
        target = self.cursor if index is None else index
        self.cursor = max(0, min(target, len(self.rows) - 1))

    def _size_to_rows(self) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, len(self.rows))
        self.refresh()

    @property
    def highlighted(self) -> ArticleSummary | None:
        return self.rows.get(self.cursor)

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh_line(old)
        self.refresh_line(new)
        self.scroll_to_region(Region(0, new, 1, 1), animate=False, force=True, immediate=True)
        self.post_message(self.Highlighted(self, self.highlighted))

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self.rows) - 1))

    def update_row(self, article_id: int, **state: bool) -> None:
        self.rows.update(article_id, **state)
        self.refresh()

    def render_line(self, y: int) -> Strip:
        self.lines_rendered += 1
        width = self.scrollable_content_region.width
        index = round(self.scroll_offset.y) + y
        row = self.rows.get(index)
        if row is None:
            if index == 0 and not len(self.rows) and self.empty_message:
                return self._message_line(width)
            return Strip.blank(width, self.rich_style)
        # The last column stays blank: a long title never runs into the scrollbar.
        text = self._row_text(row, columns_for(width - BAR_GAP))
        text.truncate(width - BAR_GAP, overflow="ellipsis", pad=True)
        strip = Strip(text.render(self.app.console), text.cell_len)
        strip = strip.crop_extend(0, width, self.rich_style).apply_style(self.rich_style)
        if index == self.cursor:
            strip = recolour(strip, cursor_style(self, "article-list--cursor"))
        return strip

    def _message_line(self, width: int) -> Strip:
        """What an empty list says to do, in place of rows."""
        text = Text(f" {self.empty_message}", style=self._part("article-list--read"))
        text.truncate(width, overflow="ellipsis", pad=True)
        strip = Strip(text.render(self.app.console), text.cell_len)
        return strip.crop_extend(0, width, self.rich_style).apply_style(self.rich_style)

    def _row_text(self, row: ArticleSummary, columns: Columns) -> Text:
        """A row from Text parts: titles and feed names are data, never markup."""
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(" ● " if not row.read else "   ", style=self._part("article-list--unread"))
        text.append("★ " if row.starred else "  ", style=self._part("article-list--star"))
        if columns.date_width:
            date = row.published.strftime(columns.date_format) if row.published else ""
            text.append(date.ljust(columns.date_width), style=self._part("article-list--date"))
            text.append(" " * GAP)
        if columns.feed_width:
            feed = row.feed or "Saved"  # a story of no feed is always one the user kept
            feed = feed if len(feed) <= columns.feed_width else feed[: columns.feed_width - 1] + "…"
            text.append(feed.ljust(columns.feed_width), style=self._part("article-list--feed"))
            text.append(" " * GAP)
        title_style = "article-list--unread" if not row.read else "article-list--read"
        text.append(row.title, style=self._part(title_style))
        return text

    def _part(self, name: str) -> Style:
        return part_style(self, name)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = round(self.scroll_offset.y) + offset.y
        if 0 <= index < len(self.rows):
            self.cursor = index
            if event.chain >= 2:
                self.action_open()

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = len(self.rows) - 1

    def action_page_down(self) -> None:
        self.cursor += max(1, self.scrollable_content_region.height - 1)

    def action_page_up(self) -> None:
        self.cursor -= max(1, self.scrollable_content_region.height - 1)

    def action_open(self) -> None:
        row = self.highlighted
        if row is not None:
            self.post_message(self.Opened(self, row))
