"""The library: feeds on the left, their articles on the right, opened from disk at once.

Nothing here waits for the network: the lists are SQLite queries of a page at a time, and
refreshing, subscribing and searching run in workers owned by the app or the dialogs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header

from tuinews.app.dialogs.add_feed import AddFeedDialog
from tuinews.app.dialogs.confirm import ConfirmDialog
from tuinews.app.dialogs.edit_feed import EditFeedDialog, FeedEdit
from tuinews.app.dialogs.search import SearchDialog
from tuinews.app.feed_entries import FeedEntry, feed_entries, in_folder, next_feed_with_unread
from tuinews.app.paged_rows import LibraryRows, next_unread
from tuinews.app.screens.reader import ReaderScreen
from tuinews.app.widgets.article_list import ArticleList
from tuinews.app.widgets.feed_tree import FeedTree
from tuinews.app.widgets.key_footer import KeyFooter
from tuinews.app.widgets.refresh_bar import RefreshBar, RefreshStatus
from tuinews.config import RefreshSettings
from tuinews.feeds.subscribe import Subscribed
from tuinews.launcher import is_media
from tuinews.library import ORDERS, ArticleFilter, ArticleOrder, Cursor, Library, Removal
from tuinews.model import ArticleSummary, Feed
from tuinews.plural import counted
from tuinews.sync.changes import edit_feed, queue_subscribe, queue_unsubscribe
from tuinews.untrusted import is_followable

if TYPE_CHECKING:
    from tuinews.app.main import TuinewsApp


NARROW_WIDTH = 110
FEEDS_PANE_STATE = "ui.feeds_pane.{width}"
OUTSIDE_CHANGES_SECONDS = 2.0
ORDER_NAMES: dict[ArticleOrder, str] = {
    "newest": "newest first",
    "oldest": "oldest first",
    "title": "by title",
    "feed": "by feed",
}


class LibraryScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "backslash",
            "toggle_feeds",
            "Feeds",
            id="library.toggle_feeds",
            tooltip="Show or hide the feeds pane (remembered; hidden below 110 columns)",
        ),
        Binding(
            "tab",
            "switch_pane",
            "Switch pane",
            show=False,
            id="library.next_pane",
            tooltip="Move between the feeds and the articles",
        ),
        Binding(
            "shift+tab",
            "switch_pane",
            "Switch pane",
            show=False,
            id="library.previous_pane",
            tooltip="Move between the feeds and the articles",
        ),
        Binding(
            "slash",
            "search",
            "Search",
            id="library.search",
            tooltip="Full-text search of the library",
        ),
        Binding(
            "r",
            "refresh_feed",
            "Refresh",
            show=False,
            id="library.refresh",
            tooltip="Fetch new articles of the selected feed or folder (on All: every feed)",
        ),
        Binding(
            "R",
            "refresh_all",
            "Refresh all",
            id="library.refresh_all",
            tooltip="Fetch new articles of every feed",
        ),
        Binding(
            "a",
            "add_feed",
            "Add feed",
            id="library.add_feed",
            tooltip="Subscribe to a feed or a site",
        ),
        Binding(
            "m",
            "toggle_read",
            "Read/unread",
            show=False,
            id="library.toggle_read",
            tooltip="Mark the selected article read or unread",
        ),
        Binding(
            "A",
            "mark_all_read",
            "Mark all read",
            show=False,
            id="library.mark_all_read",
            tooltip="Mark every article of this list read (z undoes)",
        ),
        Binding(
            "z",
            "undo",
            "Undo",
            show=False,
            id="library.undo",
            tooltip="Undo the last mark-all-read",
        ),
        Binding(
            "u",
            "toggle_unread_only",
            "Unread only",
            show=False,
            id="library.unread_only",
            tooltip="Show only the unread articles of each list, or all of them",
        ),
        Binding(
            "S",
            "cycle_sort",
            "Sort",
            show=False,
            id="library.sort",
            tooltip="Sort by newest, oldest, title or feed, in turn",
        ),
        Binding(
            "e",
            "edit_feed",
            "Edit feed",
            show=False,
            id="library.edit_feed",
            tooltip="Rename the selected feed, move it to another folder, or turn full text on/off",
        ),
        Binding(
            "s",
            "toggle_star",
            "Star",
            show=False,
            id="library.toggle_star",
            tooltip="Star or unstar the selected article",
        ),
        Binding(
            "b",
            "toggle_saved",
            "Save",
            show=False,
            id="library.toggle_saved",
            tooltip="Keep the selected article in Saved, even after its feed is gone",
        ),
        Binding(
            "n",
            "next_unread",
            "Next unread",
            id="library.next_unread",
            tooltip="Open the next unread article; at the end of a feed, the next feed's",
        ),
        Binding(
            "o",
            "open_browser",
            "Browser",
            show=False,
            id="library.open_browser",
            tooltip="Open the selected article's page in the web browser",
        ),
        Binding(
            "y",
            "copy_link",
            "Copy link",
            show=False,
            id="library.copy_link",
            tooltip="Copy the selected article's link to the clipboard",
        ),
        Binding(
            "delete",
            "unsubscribe",
            "Unsubscribe",
            show=False,
            id="library.unsubscribe",
            tooltip="Unsubscribe from the selected feed or the feeds of a folder (asks first)",
        ),
    ]

    def __init__(self, library: Library, settings: RefreshSettings) -> None:
        super().__init__()
        self.library = library
        self.settings = settings
        self._seen_new = 0
        self.unread_only = False
        self.order: ArticleOrder = "newest"
        self._undo: tuple[str, list[int]] | None = None

    @property
    def tuinews(self) -> TuinewsApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="library"):
            yield FeedTree(id="feeds")
            yield ArticleList(self._rows(ArticleFilter()), id="articles")
        yield RefreshBar()
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one(FeedTree).border_title = "Feeds"
        self.feeds.show(feed_entries(self.library))
        if self.feeds.current is not None:
            self._title_list(self.feeds.current)
        self.articles.focus()
        self.watch(self.app, "refresh_status", self._refresh_landed, init=False)
        self._data_version = self.library.data_version()
        self.set_interval(OUTSIDE_CHANGES_SECONDS, self._look_for_outside_changes)

    def _look_for_outside_changes(self) -> None:
        """Counts and rows follow what another process stored (an import, a cron refresh)."""
        version = self.library.data_version()
        if version != self._data_version:
            self._data_version = version
            if self.is_current:
                self.reload()

    @property
    def feeds(self) -> FeedTree:
        return self.query_one(FeedTree)

    @property
    def articles(self) -> ArticleList:
        return self.query_one(ArticleList)

    @property
    def list_filter(self) -> ArticleFilter:
        entry = self.feeds.current
        return self._shown(entry.filter if entry else ArticleFilter())

    def _shown(self, filter: ArticleFilter) -> ArticleFilter:
        return replace(filter, unread=True) if self.unread_only else filter

    def _rows(self, filter: ArticleFilter) -> LibraryRows:
        return LibraryRows(self.library, self._shown(filter), self.order)

    # -- lists -------------------------------------------------------------------------

    @on(FeedTree.Chosen)
    def _feed_chosen(self, message: FeedTree.Chosen) -> None:
        self.articles.show(self._rows(message.entry.filter))
        self._title_list(message.entry)

    @on(FeedTree.Entered)
    def _feed_entered(self, message: FeedTree.Entered) -> None:
        self._focus_articles()

    def _title_list(self, entry: FeedEntry) -> None:
        ways = ([] if self.order == "newest" else [ORDER_NAMES[self.order]]) + (
            ["unread only"] if self.unread_only else []
        )
        self.articles.border_title = Content(" · ".join([entry.label, *ways]))
        error = entry.error
        self.articles.border_subtitle = Content(f"! {error}") if error else None
        self.articles.empty_message = self._empty_message(entry)

    def _empty_message(self, entry: FeedEntry) -> str:
        """What to do about an empty list, which depends on why it is empty."""
        if self.unread_only and (entry.total or 0) > 0:
            return "No unread articles here: u shows the read ones too."
        if entry.key == "starred":
            return "No starred articles yet: s stars the selected article."
        if entry.key == "saved":
            return "No saved articles yet: `tuinews save URL` or `tuinews import FILE` adds some."
        if entry.feeds_under:
            return "No articles in this feed yet: r fetches them."
        if not any(e.feed is not None for e in self.feeds.entries):
            return "No feeds yet: a adds a feed, or `tuinews import` an OPML file."
        return "No articles here: R fetches new articles from every feed."

    def reload(self, keep: ArticleSummary | None = None) -> None:
        """Read counts and rows again, keeping the cursor on `keep` (or where it was)."""
        self.feeds.show(feed_entries(self.library))
        keep = keep or self.articles.highlighted
        index = None
        if keep is not None:
            index = self.library.row_index(self.list_filter, Cursor.after(keep), self.order)
        self.articles.reload(index=index)
        if self.feeds.current:
            self._title_list(self.feeds.current)

    def _refresh_landed(self, status: RefreshStatus | None) -> None:
        if status is None:
            return
        if status.new != self._seen_new or not status.running:
            self._seen_new = status.new if status.running else 0
            self.reload()

    # -- reading -----------------------------------------------------------------------

    @on(ArticleList.Opened)
    def _opened(self, message: ArticleList.Opened) -> None:
        self.open_article(message.row)

    def open_article(self, row: ArticleSummary) -> None:
        reader = ReaderScreen(
            self.library,
            self.settings,
            row.id,
            list_filter=self.list_filter,
            list_row=row,
            list_order=self.order,
            next_list=self._next_list,
        )
        self.app.push_screen(reader, self._reader_closed)

    def _reader_closed(self, last: ArticleSummary | None) -> None:
        self.reload(keep=last)

    def action_next_unread(self) -> None:
        row = next_unread(self.library, self.list_filter, self.articles.highlighted, self.order)
        if row is None:
            row = next_unread(self.library, self.list_filter, None, self.order)
        if row is None and (following := self.move_to_next_feed()) is not None:
            row = next_unread(self.library, self.list_filter, None, self.order)
            self.notify(f"On to {following.label}.", markup=False)
        if row is None:
            self.notify("No unread articles left.")
            return
        self.articles.cursor = self.library.row_index(
            self.list_filter, Cursor.after(row), self.order
        )
        self.open_article(row)

    def _next_list(self) -> ArticleFilter | None:
        return self.list_filter if self.move_to_next_feed() is not None else None

    def move_to_next_feed(self) -> FeedEntry | None:
        """Select the next feed with unread articles (newsboat's `n` at a feed's end)."""
        current = self.feeds.current
        if current is None or not current.feeds_under:
            return None  # All and Unread already hold every unread article
        self.feeds.show(feed_entries(self.library))  # the counts as they are now
        current = self.feeds.current
        following = next_feed_with_unread(self.feeds.entries, current)
        if following is None:
            return None
        self.feeds.highlighted = self.feeds.entries.index(following)
        self.articles.show(self._rows(following.filter))
        self._title_list(following)
        return following

    def action_switch_pane(self) -> None:
        if self.feeds.has_focus:
            self._focus_articles()
        else:
            # A hidden pane shows while it has the focus, and hides again after.
            self.set_class(self.has_class("-feeds-hidden"), "-feeds-peek")
            self.feeds.focus()

    def _focus_articles(self) -> None:
        self.remove_class("-feeds-peek")
        self.articles.focus()

    # -- the feeds pane --------------------------------------------------------------

    @property
    def _width_class(self) -> str:
        return "narrow" if self.has_class("-narrow") else "wide"

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width < NARROW_WIDTH, "-narrow")
        remembered = self.library.get_meta(FEEDS_PANE_STATE.format(width=self._width_class))
        hidden = remembered == "hidden" if remembered else self.has_class("-narrow")
        self._hide_feeds(hidden)

    def _hide_feeds(self, hidden: bool) -> None:
        self.set_class(hidden, "-feeds-hidden")
        if hidden and self.feeds.has_focus and not self.has_class("-feeds-peek"):
            self._focus_articles()

    def action_toggle_feeds(self) -> None:
        """Show or hide the feeds pane, remembered for terminals of this width."""
        hidden = not self.has_class("-feeds-hidden") or self.has_class("-feeds-peek")
        self.remove_class("-feeds-peek")
        self._hide_feeds(hidden)
        self.library.set_meta(
            FEEDS_PANE_STATE.format(width=self._width_class), "hidden" if hidden else "shown"
        )
        if hidden:
            self._focus_articles()
        else:
            self.feeds.focus()

    def action_toggle_unread_only(self) -> None:
        self.unread_only = not self.unread_only
        self._relist()
        self.notify("Unread articles only." if self.unread_only else "All articles.")

    def action_cycle_sort(self) -> None:
        self.order = ORDERS[(ORDERS.index(self.order) + 1) % len(ORDERS)]
        self._relist()
        self.notify(f"Sorted {ORDER_NAMES[self.order]}.")

    def _relist(self) -> None:
        entry = self.feeds.current
        if entry is not None:
            self.articles.show(self._rows(entry.filter))
            self._title_list(entry)

    # -- the whole list ----------------------------------------------------------------

    def action_mark_all_read(self) -> None:
        entry = self.feeds.current
        if entry is None:
            return
        marked = self.library.mark_all_read(self.list_filter)
        if not marked:
            self.notify(f"Nothing unread in {entry.label}.", markup=False)
            return
        self._undo = (entry.label, marked)
        self.reload()
        self.notify(
            f"Marked {counted(len(marked), 'article')} read in {entry.label}. z undoes.",
            markup=False,
        )

    def action_undo(self) -> None:
        if self._undo is None:
            self.notify("Nothing to undo.")
            return
        label, marked = self._undo
        self._undo = None
        self.library.set_read_many(marked, False)
        self.reload()
        self.notify(f"{counted(len(marked), 'article')} in {label} unread again.", markup=False)

    # -- the selected article ----------------------------------------------------------

    def _toggle(self, state: str, change: Callable[[int, bool], None]) -> None:
        row = self.articles.highlighted
        if row is None:
            return
        value = not getattr(row, state)
        change(row.id, value)
        self.articles.update_row(row.id, **{state: value})
        self.feeds.show(feed_entries(self.library))

    def action_toggle_read(self) -> None:
        if self.feeds.has_focus:
            # The article under the list's cursor is not what the user is looking at.
            self.action_mark_all_read()
            return
        self._toggle("read", self.library.set_read)

    def action_toggle_star(self) -> None:
        self._toggle("starred", self.library.set_starred)

    def action_toggle_saved(self) -> None:
        self._toggle("saved", self.library.set_saved)

    def action_open_browser(self) -> None:
        row = self.articles.highlighted
        if row is not None and row.url and is_followable(row.url):
            self.tuinews.open_address(row.url, media=is_media(row.url))
        else:
            self.notify("This article has no web address to open.", severity="warning")

    def action_copy_link(self) -> None:
        row = self.articles.highlighted
        if row is not None and row.url:
            self.app.copy_to_clipboard(row.url)
            self.notify("Link copied.")
        else:
            self.notify("This article has no link to copy.", severity="warning")

    # -- dialogs -----------------------------------------------------------------------

    def action_search(self) -> None:
        self.app.push_screen(SearchDialog(self.library.path), self._search_closed)

    def _search_closed(self, row: ArticleSummary | None) -> None:
        if row is not None:
            reader = ReaderScreen(self.library, self.settings, row.id)
            self.app.push_screen(reader, lambda _: self.reload())

    def action_add_feed(self) -> None:
        self.app.push_screen(AddFeedDialog(self.library.path, self.settings), self._feed_added)

    def _feed_added(self, subscribed: Subscribed | None) -> None:
        if subscribed is None or subscribed.feed.id is None:
            return
        feed = subscribed.feed
        if subscribed.created and self.tuinews.config.sync is not None:
            queue_subscribe(self.library, feed)  # sent to the server by the next sync (R)
        self.feeds.show(feed_entries(self.library))
        keys = [entry.key for entry in self.feeds.entries]
        if f"feed:{feed.id}" in keys:
            self.feeds.highlighted = keys.index(f"feed:{feed.id}")
        if not subscribed.created:
            self.notify(f"Already subscribed to {feed.title}.", markup=False)
        elif feed.full_text:
            # Full-text feeds store their entries on the first refresh, pages and all.
            self.notify(f"Subscribed to {feed.title}; fetching its articles.", markup=False)
            self.tuinews.start_refresh([feed.id])
        else:
            self.notify(
                f"Subscribed to {feed.title}: {counted(subscribed.new_articles, 'article')}.",
                markup=False,
            )

    def _chosen_feed(self, to_do: str) -> Feed | None:
        """The feed highlighted in the feeds pane, or None after saying to choose one."""
        entry = self.feeds.current
        if entry is None or entry.feed is None or entry.feed.id is None:
            self.notify(f"Choose a feed in the feeds pane to {to_do}.", severity="warning")
            return None
        return entry.feed

    def action_edit_feed(self) -> None:
        feed = self._chosen_feed("edit")
        if feed is None:
            return
        self.app.push_screen(EditFeedDialog(feed), lambda edit: self._edit_feed(feed, edit))

    def _edit_feed(self, feed: Feed, edit: FeedEdit | None) -> None:
        if edit is None or feed.id is None:
            return
        folder = edit.folder if edit.folder != (feed.folder or "") else None
        title = edit.title if edit.title != feed.title else None
        if edit.full_text != feed.full_text:  # local only: the server has no such setting
            self.library.set_full_text(feed.id, edit.full_text)
        elif title is None and folder is None:
            return
        account = self.tuinews.config.sync is not None
        queued = edit_feed(self.library, feed.id, title=title, folder=folder, queue=account)
        self.reload()
        note = "; sent to the server at the next sync (R)" if queued else ""
        self.notify(f"Saved {edit.title}{note}.", markup=False)

    def action_unsubscribe(self) -> None:
        entry = self.feeds.current
        if entry is None or not entry.feeds_under:
            self.notify(
                "Choose a feed or folder in the feeds pane to unsubscribe.", severity="warning"
            )
            return
        if entry.feed is not None:
            feeds = [entry.feed]
            named: tuple[str, str] = (entry.feed.title, "bold")
            question = Content.assemble("Unsubscribe from ", named, "?\n")
        else:
            feeds = [e.feed for e in self.feeds.entries if e.feed is not None]
            feeds = [feed for feed in feeds if entry.folder and in_folder(feed, entry.folder)]
            question = Content.assemble(
                f"Unsubscribe from the {counted(len(feeds), 'feed')} in ",
                (entry.label, "bold"),
                "?\n",
            )
        removals = [self.library.removal(feed.id) for feed in feeds if feed.id is not None]
        question = Content.assemble(question, Removal.total(removals).describe())
        self.app.push_screen(
            ConfirmDialog(question, yes="Unsubscribe"),
            lambda confirmed: self._unsubscribe(feeds, bool(confirmed)),
        )

    def _unsubscribe(self, feeds: list[Feed], confirmed: bool) -> None:
        if not confirmed:
            return
        account = self.tuinews.config.sync is not None
        for feed in feeds:
            if feed.id is not None:
                if account:
                    queue_unsubscribe(self.library, feed)  # sent to the server by the next sync (R)
                self.library.remove_feed(feed.id)
        self.reload()
        names = feeds[0].title if len(feeds) == 1 else counted(len(feeds), "feed")
        self.notify(f"Unsubscribed from {names}.", markup=False)

    # -- refresh -----------------------------------------------------------------------

    def action_refresh_all(self) -> None:
        self.tuinews.start_refresh(None)

    def action_refresh_feed(self) -> None:
        entry = self.feeds.current
        if entry is None or not entry.feeds_under:
            self.tuinews.start_refresh(None)  # All, Unread…: every feed's articles
            return
        ids = [
            e.feed.id
            for e in self.feeds.entries
            if e.feed is not None
            and e.feed.id is not None
            and (
                e.feed is entry.feed
                or (entry.folder is not None and in_folder(e.feed, entry.folder))
            )
        ]
        self.tuinews.start_refresh(ids)
