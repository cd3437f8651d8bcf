"""The feeds pane: a short list (one row per feed), so a plain OptionList serves it."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tuinews.app.feed_entries import FeedEntry
from tuinews.app.hanging import BAR_GAP
from tuinews.app.widgets.option_rows import ThemedOptionList


class FeedTree(ThemedOptionList, inherit_bindings=False):
    """All, Unread, Starred, Saved, folders and feeds with unread/total counts; errors marked."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "feed-tree--count",
        "feed-tree--error",
        "feed-tree--folder",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor_down", "Down", show=False, id="feeds.down", tooltip="Next feed"),
        Binding("k,up", "cursor_up", "Up", show=False, id="feeds.up", tooltip="Previous feed"),
        Binding("g,home", "first", "First", show=False, id="feeds.first", tooltip="First entry"),
        Binding("G,end", "last", "Last", show=False, id="feeds.last", tooltip="Last entry"),
        Binding(
            "enter", "select", "Articles", id="feeds.open", tooltip="Show this feed's articles"
        ),
    ]

    class Chosen(Message):
        """The highlighted entry changed: the article list should show its articles."""

        def __init__(self, entry: FeedEntry) -> None:
            super().__init__()
            self.entry = entry

    class Entered(Message):
        """Enter on an entry: move on to its articles."""

        def __init__(self, entry: FeedEntry) -> None:
            super().__init__()
            self.entry = entry

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entries: list[FeedEntry] = []

    def show(self, entries: list[FeedEntry]) -> None:
        """Replace the entries, keeping the highlight on the same key when it is still there.

        The first time, "All" is highlighted without a message: the article list starts
        out showing all articles, and loading them twice would double the work of opening.
        """
        current = self.current
        keep = current.key if current else "all"
        self.entries = entries
        with self.prevent(OptionList.OptionHighlighted):
            self.clear_options()
            self.add_options(Option(self._prompt(entry), id=entry.key) for entry in entries)
            keys = [entry.key for entry in entries]
            self.highlighted = keys.index(keep) if keep in keys else 0
        if current is not None and keep not in keys:
            self._announce()

    @property
    def current(self) -> FeedEntry | None:
        if self.highlighted is None or not 0 <= self.highlighted < len(self.entries):
            return None
        return self.entries[self.highlighted]

    def _prompt(self, entry: FeedEntry) -> Text:
        """Label and count as Text (feed titles are data, never markup), the count at the right."""
        # Unread first, everywhere; the total beside it where it differs in meaning.
        if entry.total is None:
            count = str(entry.count) if entry.count else ""
        else:
            count = f"{entry.count}/{entry.total}" if entry.total else ""
        width = max(10, self.scrollable_content_region.width - BAR_GAP)
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append("  " * entry.depth)
        if entry.error:
            text.append("! ", style=self._part("feed-tree--error"))
        text.append(entry.label, style=self._part("feed-tree--folder") if entry.folder else "")
        text.truncate(width - len(count) - 1, overflow="ellipsis")
        if count:
            text.pad_right(width - len(count) - text.cell_len)
            text.append(count, style=self._part("feed-tree--count"))
        return text

    def on_resize(self) -> None:
        self.restyle()

    def restyle(self) -> None:
        if self.entries:
            for index, entry in enumerate(self.entries):
                self.replace_option_prompt_at_index(index, self._prompt(entry))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._announce()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.current is not None:
            self.post_message(self.Entered(self.current))

    def _announce(self) -> None:
        if self.current is not None:
            self.post_message(self.Chosen(self.current))
