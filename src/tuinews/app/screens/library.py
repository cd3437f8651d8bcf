"""The library: feeds on the left, their articles on the right, opened from disk at once.

Nothing here waits for the network: the lists are SQLite queries of a page at a time, and
refreshing, subscribing and searching run in workers owned by the app or the dialogs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header

from tuinews.app.dialogs.add_feed import AddFeedDialog
from tuinews.app.dialogs.confirm import ConfirmDialog
from tuinews.app.dialogs.edit_feed import EditFeedDialog, FeedEdit
from tuinews.app.dialogs.search import SearchDialog
from tuinews.app.feed_entries import FeedEntry, feed_entries
from tuinews.app.paged_rows import LibraryRows, next_unread
from tuinews.app.screens.reader import ReaderScreen
from tuinews.app.widgets.article_list import ArticleList
from tuinews.app.widgets.feed_tree import FeedTree
from tuinews.app.widgets.refresh_bar import RefreshBar, RefreshStatus
from tuinews.config import RefreshSettings
from tuinews.feeds.subscribe import Subscribed
from tuinews.library import ArticleFilter, Cursor, Library
from tuinews.model import ArticleSummary, Feed
from tuinews.sync.changes import edit_feed, queue_subscribe, queue_unsubscribe
from tuinews.untrusted import is_followable

if TYPE_CHECKING:
    from tuinews.app.main import TuinewsApp


class LibraryScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
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
            tooltip="Fetch new articles of the selected feed or folder",
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
            tooltip="Open the next unread article",
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
            "e",
            "edit_feed",
            "Edit feed",
            show=False,
            id="library.edit_feed",
            tooltip="Rename the selected feed or move it to another folder",
        ),
        Binding(
            "delete",
            "unsubscribe",
            "Unsubscribe",
            show=False,
            id="library.unsubscribe",
            tooltip="Unsubscribe from the selected feed (asks first)",
        ),
    ]

    def __init__(self, library: Library, settings: RefreshSettings) -> None:
        super().__init__()
        self.library = library
        self.settings = settings
        self._seen_new = 0

    @property
    def tuinews(self) -> TuinewsApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="library"):
            yield FeedTree(id="feeds")
            yield ArticleList(LibraryRows(self.library, ArticleFilter()), id="articles")
        yield RefreshBar()
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(FeedTree).border_title = "Feeds"
        self.feeds.show(feed_entries(self.library))
        if self.feeds.current is not None:
            self._title_list(self.feeds.current)
        self.articles.focus()
        self.watch(self.app, "refresh_status", self._refresh_landed, init=False)

    @property
    def feeds(self) -> FeedTree:
        return self.query_one(FeedTree)

    @property
    def articles(self) -> ArticleList:
        return self.query_one(ArticleList)

    @property
    def list_filter(self) -> ArticleFilter:
        entry = self.feeds.current
        return entry.filter if entry else ArticleFilter()

    # -- lists -------------------------------------------------------------------------

    @on(FeedTree.Chosen)
    def _feed_chosen(self, message: FeedTree.Chosen) -> None:
        self.articles.show(LibraryRows(self.library, message.entry.filter))
        self._title_list(message.entry)

    @on(FeedTree.Entered)
    def _feed_entered(self, message: FeedTree.Entered) -> None:
        self.articles.focus()

    def _title_list(self, entry: FeedEntry) -> None:
        self.articles.border_title = Content(entry.label)
        error = entry.error
        self.articles.border_subtitle = Content(f"! {error}") if error else None

    def reload(self, keep: ArticleSummary | None = None) -> None:
        """Read counts and rows again, keeping the cursor on `keep` (or where it was)."""
        self.feeds.show(feed_entries(self.library))
        keep = keep or self.articles.highlighted
        index = None
        if keep is not None:
            index = self.library.row_index(self.list_filter, Cursor.after(keep))
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
            self.library, self.settings, row.id, list_filter=self.list_filter, list_row=row
        )
        self.app.push_screen(reader, self._reader_closed)

    def _reader_closed(self, last: ArticleSummary | None) -> None:
        self.reload(keep=last)

    def action_next_unread(self) -> None:
        row = next_unread(self.library, self.list_filter, self.articles.highlighted)
        if row is None:
            row = next_unread(self.library, self.list_filter, None)
        if row is None:
            self.notify("No unread articles here.")
            return
        self.articles.cursor = self.library.row_index(self.list_filter, Cursor.after(row))
        self.open_article(row)

    def action_switch_pane(self) -> None:
        (self.articles if self.feeds.has_focus else self.feeds).focus()

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
        self._toggle("read", self.library.set_read)

    def action_toggle_star(self) -> None:
        self._toggle("starred", self.library.set_starred)

    def action_toggle_saved(self) -> None:
        self._toggle("saved", self.library.set_saved)

    def action_open_browser(self) -> None:
        row = self.articles.highlighted
        if row is not None and row.url and is_followable(row.url):
            self.app.open_url(row.url)
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
                f"Subscribed to {feed.title}: {subscribed.new_articles} articles.", markup=False
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
        if title is None and folder is None:
            return
        account = self.tuinews.config.sync is not None
        queued = edit_feed(self.library, feed.id, title=title, folder=folder, queue=account)
        self.reload()
        note = "; sent to the server at the next sync (R)" if queued else ""
        self.notify(f"Saved {edit.title}{note}.", markup=False)

    def action_unsubscribe(self) -> None:
        feed = self._chosen_feed("unsubscribe")
        if feed is None:
            return
        question = Content.assemble(
            "Unsubscribe from ",
            (feed.title, "bold"),
            "?\n",
            self.library.removal(feed.id).describe(),
        )
        self.app.push_screen(
            ConfirmDialog(question, yes="Unsubscribe"),
            lambda confirmed: self._unsubscribe(feed, bool(confirmed)),
        )

    def _unsubscribe(self, feed: Feed, confirmed: bool) -> None:
        if not confirmed or feed.id is None:
            return
        if self.tuinews.config.sync is not None:
            queue_unsubscribe(self.library, feed)  # sent to the server by the next sync (R)
        self.library.remove_feed(feed.id)
        self.reload()
        self.notify(f"Unsubscribed from {feed.title}.", markup=False)

    # -- refresh -----------------------------------------------------------------------

    def action_refresh_all(self) -> None:
        self.tuinews.start_refresh(None)

    def action_refresh_feed(self) -> None:
        entry = self.feeds.current
        if entry is None or (entry.feed is None and entry.folder is None):
            self.notify("Choose a feed or folder to refresh; R refreshes every feed.")
            return
        ids = [
            e.feed.id
            for e in self.feeds.entries
            if e.feed is not None
            and e.feed.id is not None
            and (
                e.feed is entry.feed or (entry.folder is not None and e.feed.folder == entry.folder)
            )
        ]
        self.tuinews.start_refresh(ids)
