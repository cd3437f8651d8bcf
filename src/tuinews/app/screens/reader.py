"""The reader: one article in the reading column, its structure in three panes on the left.

Navigation is browser-like. Following a link, `n` or a suggestion is a new visit; back and
forward move through the visits with the scroll position each had. A link to a story not in
the library is fetched in a worker while the column shows a loading indicator; Escape
stops waiting and the reader stays where it was (a page that still arrives is stored, so
following the link again is instant, but it is not shown).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Header
from textual.worker import get_current_worker

from tuinews.app.also_read import LinkEntry, find_suggestions, link_entries, number_keys
from tuinews.app.dialogs.links import LinkChoice, LinksDialog
from tuinews.app.history import History
from tuinews.app.link_fetch import fetch_and_store, fetch_full_text
from tuinews.app.paged_rows import next_unread
from tuinews.app.widgets.article_view import ArticleView
from tuinews.app.widgets.key_footer import KeyFooter
from tuinews.app.widgets.outline import AlsoReadPane, QuotesPane, SectionsPane
from tuinews.app.widgets.refresh_bar import RefreshBar
from tuinews.article_links import article_links
from tuinews.config import RefreshSettings
from tuinews.launcher import is_media
from tuinews.library import ArticleFilter, ArticleOrder, Library, LibraryError
from tuinews.model import Article, ArticleSummary
from tuinews.pages import FetchError
from tuinews.reading import open_article
from tuinews.untrusted import is_followable

if TYPE_CHECKING:
    from tuinews.app.main import TuinewsApp

NARROW_WIDTH = 100


def _follow_bindings() -> list[Binding]:
    return [
        Binding(
            str(number),
            f"follow({number})",
            "Follow link",
            show=number == 1,
            id=f"reader.follow_{number}",
            tooltip=f"Follow also-read link {number}",
        )
        for number in range(1, 10)
    ]


class ReaderScreen(Screen[ArticleSummary | None]):
    """Dismisses with the last article reached from the list, so the list can follow."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "q,escape",
            "close",
            "Library",
            id="reader.close",
            tooltip="Back to the library (Escape also cancels loading a link)",
        ),
        Binding(
            "backspace,alt+left",
            "back",
            "Back",
            id="reader.back",
            tooltip="The article you read before this one",
        ),
        Binding(
            "alt+right",
            "forward",
            "Forward",
            id="reader.forward",
            tooltip="The article you came back from",
        ),
        Binding(
            "right_square_bracket",
            "next_section",
            "Next section",
            show=False,
            id="reader.next_section",
            tooltip="Scroll to the next section",
        ),
        Binding(
            "left_square_bracket",
            "previous_section",
            "Previous section",
            show=False,
            id="reader.previous_section",
            tooltip="Scroll to the previous section",
        ),
        Binding(
            "tab",
            "cycle(1)",
            "Next pane",
            show=False,
            id="reader.next_pane",
            tooltip="Body, Sections, Quotes, Also read in turn",
        ),
        Binding(
            "shift+tab",
            "cycle(-1)",
            "Previous pane",
            show=False,
            id="reader.previous_pane",
            tooltip="Body, Also read, Quotes, Sections in turn",
        ),
        Binding(
            "p",
            "toggle_panes",
            "Show panes",
            id="reader.toggle_panes",
            tooltip="Show or hide the Sections, Quotes and Also read panes",
        ),
        *_follow_bindings(),
        Binding(
            "n",
            "next_unread",
            "Next unread",
            id="reader.next_unread",
            tooltip="Open the next unread article of the list; at its end, the next feed's",
        ),
        Binding(
            "m",
            "toggle_read",
            "Read/unread",
            show=False,
            id="reader.toggle_read",
            tooltip="Mark this article read or unread",
        ),
        Binding(
            "s",
            "toggle_star",
            "Star",
            id="reader.toggle_star",
            tooltip="Star or unstar this article",
        ),
        Binding(
            "L",
            "links",
            "Links",
            show=False,
            id="reader.links",
            tooltip="List the links in this article, numbered; Enter follows, o opens",
        ),
        Binding(
            "F",
            "full_text",
            "Full text",
            show=False,
            id="reader.full_text",
            tooltip="Fetch this story's web page and show the whole article (keeps the summary)",
        ),
        Binding(
            "b",
            "toggle_saved",
            "Save",
            show=False,
            id="reader.toggle_saved",
            tooltip="Keep this article in Saved, even after its feed is gone",
        ),
        Binding(
            "o",
            "open_browser",
            "Browser",
            show=False,
            id="reader.open_browser",
            tooltip="Open this article's page in the web browser",
        ),
        Binding(
            "y",
            "copy_link",
            "Copy link",
            show=False,
            id="reader.copy_link",
            tooltip="Copy this article's link to the clipboard",
        ),
    ]

    class LinkFetched(Message):
        def __init__(self, article_id: int) -> None:
            super().__init__()
            self.article_id = article_id

    class LinkFailed(Message):
        def __init__(self, error: str) -> None:
            super().__init__()
            self.error = error

    class Extracted(Message):
        """A stored entry's first full reading is done (or failed: `error`)."""

        def __init__(self, article_id: int, scroll_y: float, error: str | None = None) -> None:
            super().__init__()
            self.article_id = article_id
            self.scroll_y = scroll_y
            self.error = error

    class FullTextFetched(Message):
        def __init__(self, article_id: int, error: str | None = None) -> None:
            super().__init__()
            self.article_id = article_id
            self.error = error

    class SuggestionsFound(Message):
        def __init__(self, article_id: int, found: dict[int, list[ArticleSummary]]) -> None:
            super().__init__()
            self.article_id = article_id
            self.found = found

    def __init__(
        self,
        library: Library,
        settings: RefreshSettings,
        article_id: int,
        *,
        list_filter: ArticleFilter | None = None,
        list_row: ArticleSummary | None = None,
        list_order: ArticleOrder = "newest",
        next_list: Callable[[], ArticleFilter | None] | None = None,
    ) -> None:
        super().__init__()
        self.library = library
        self.settings = settings
        self.history = History()
        self.history.visit(article_id)
        self.list_filter = list_filter or ArticleFilter()
        self.list_row = list_row
        self.article: Article | None = None
        self.summary: ArticleSummary | None = None
        self.entries: list[LinkEntry] = []
        self.keys: dict[int, tuple[int, int | None]] = {}
        self.fetching: str | None = None
        self.extracting: int | None = None
        self.list_order: ArticleOrder = list_order
        self.next_list = next_list

    @property
    def db(self) -> Path:
        return self.library.path

    @property
    def tuinews(self) -> TuinewsApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="reader"):
            with Vertical(id="outline"):
                yield SectionsPane(id="sections")
                yield QuotesPane(id="quotes")
                yield AlsoReadPane(id="also-read")
            yield ArticleView(id="body")
        yield RefreshBar()
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#sections").border_title = "Sections"
        self.query_one("#quotes").border_title = "Quotes"
        self.query_one("#also-read").border_title = "Also read"
        self.query_one(ArticleView).focus()
        visit = self.history.current
        assert visit is not None
        self._show(visit.article_id, visit.scroll_y)

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width < NARROW_WIDTH, "-narrow")
        self.refresh_bindings()

    # -- showing an article ----------------------------------------------------------

    @property
    def view(self) -> ArticleView:
        return self.query_one(ArticleView)

    def _show(self, article_id: int, scroll_y: float = 0) -> None:
        """Show a story; one never read in full is extracted first, off the UI thread."""
        try:
            pending = self.library.pending_html(article_id) is not None
        except LibraryError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        if pending:
            self.extracting = article_id
            self._set_loading("Preparing the article…")
            self._extract(article_id, scroll_y)
            return
        self._present(article_id, scroll_y)

    def _set_loading(self, what: str | None) -> None:
        self.view.loading = what is not None
        self.sub_title = what or (self.article.feed or "" if self.article else "")
        if what is None:
            # A widget that is loading gives up the focus (to the Sections pane, or
            # nobody): without it back, j, k and space did nothing after a story's first
            # opening until the user pressed tab.
            self.view.focus()

    @work(thread=True, exclusive=True, group="extract")
    def _extract(self, article_id: int, scroll_y: float) -> None:
        try:
            with Library.open(self.db) as library:
                open_article(library, article_id)
        except LibraryError as error:
            self.post_message(self.Extracted(article_id, scroll_y, str(error)))
            return
        self.post_message(self.Extracted(article_id, scroll_y))

    def on_reader_screen_extracted(self, message: Extracted) -> None:
        if message.article_id != self.extracting:
            return
        self.extracting = None
        self._set_loading(None)
        if message.error is not None:
            self.notify(message.error, severity="error", markup=False)
            return
        self._present(message.article_id, message.scroll_y)

    def _present(self, article_id: int, scroll_y: float) -> None:
        try:
            article = open_article(self.library, article_id)
            if not self.library.get_summary(article_id).read:
                self.library.set_read(article_id)
            summary = self.library.get_summary(article_id)
        except LibraryError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.article, self.summary = article, summary
        self.entries = link_entries(article)
        self.keys = number_keys(self.entries)
        self.sub_title = article.feed or ""
        self.query_one(SectionsPane).show(article)
        self.query_one(QuotesPane).show(article)
        self.query_one(AlsoReadPane).show(self.entries)
        self.view.show(article, self.entries, scroll_y)
        self.refresh_bindings()
        if any(entry.unresolved for entry in self.entries):
            self._suggest(article)

    def go(self, article_id: int) -> None:
        """A new visit: what was ahead in the history is dropped."""
        self.history.remember_scroll(self.view.scroll_y)
        self.history.visit(article_id)
        self._show(article_id)

    @work(thread=True, exclusive=True, group="suggest")
    def _suggest(self, article: Article) -> None:
        """Related stories for lost links: a full-text search, off the UI thread."""
        assert article.id is not None
        with Library.open(self.db) as library:
            found = find_suggestions(library, article, link_entries(article))
        self.post_message(self.SuggestionsFound(article.id, found))

    def on_reader_screen_suggestions_found(self, message: SuggestionsFound) -> None:
        if self.article is None or message.article_id != self.article.id:
            return
        for index, suggestions in message.found.items():
            self.entries[index].suggestions = suggestions
        self.keys = number_keys(self.entries)
        self.refresh_bindings()
        self.query_one(AlsoReadPane).show(self.entries)
        self.view.update_entries(self.entries)

    # -- panes -------------------------------------------------------------------------

    @on(ArticleView.SectionInView)
    def _section_in_view(self, message: ArticleView.SectionInView) -> None:
        self.query_one(SectionsPane).mark_current(message.index)

    @on(SectionsPane.Jump)
    def _jump(self, message: SectionsPane.Jump) -> None:
        self.view.scroll_to_section(message.index)

    @on(QuotesPane.Chosen)
    def _quote(self, message: QuotesPane.Chosen) -> None:
        if not self.view.flash_quote(message.index):
            self.notify("This quotation is not in the text shown.", severity="warning")

    @on(AlsoReadPane.Follow)
    @on(ArticleView.LinkClicked)
    def _follow_entry(self, message: AlsoReadPane.Follow | ArticleView.LinkClicked) -> None:
        self.follow_entry(message.entry, message.suggestion)

    def _focus_order(self) -> list[Widget]:
        return [
            self.view,
            self.query_one(SectionsPane),
            self.query_one(QuotesPane),
            self.query_one(AlsoReadPane),
        ]

    def action_cycle(self, step: int) -> None:
        order = self._focus_order()
        focused = self.focused
        position = order.index(focused) if focused in order else 0
        target = order[(position + step) % len(order)]
        self.set_class(target is not self.view, "-panes-open")
        target.focus()

    def action_toggle_panes(self) -> None:
        if not self.has_class("-narrow"):
            # Wide enough for the panes beside the text: p hides them, or brings them back.
            outline = self.query_one("#outline")
            outline.display = not outline.display
            if not outline.display:
                self.view.focus()
            return
        opening = not self.has_class("-panes-open")
        self.set_class(opening, "-panes-open")
        (self.query_one(SectionsPane) if opening else self.view).focus()

    # -- links and history -------------------------------------------------------------

    def action_follow(self, number: int) -> None:
        if number in self.keys:
            self.follow_entry(*self.keys[number])
        else:
            self.notify(f"This article has no also-read link {number}.", severity="warning")

    def follow_entry(self, index: int, suggestion: int | None = None) -> None:
        if not 0 <= index < len(self.entries):
            return
        entry = self.entries[index]
        if suggestion is not None and suggestion < len(entry.suggestions):
            self.go(entry.suggestions[suggestion].id)
        elif entry.target_id is not None:
            self.go(entry.target_id)
        elif entry.url and is_followable(entry.url):
            self._start_fetch(entry.url)
        elif entry.suggestions:
            self.query_one(AlsoReadPane).highlight_entry(index)
            self.set_class(True, "-panes-open")
            self.query_one(AlsoReadPane).focus()
            self.notify("This link was not kept; pick a related story from your library.")
        else:
            self.notify("This link was not kept in this copy of the article.", severity="warning")

    def _start_fetch(self, url: str) -> None:
        self.fetching = url
        self._set_loading(f"Loading {url} … (Esc cancels)")
        self._fetch(url)

    @work(thread=True, exclusive=True, group="follow")
    def _fetch(self, url: str) -> None:
        worker = get_current_worker()
        try:
            article_id = fetch_and_store(
                self.db, url, max_bytes=self.settings.max_bytes, timeout=self.settings.timeout
            )
        except (FetchError, LibraryError) as error:
            if not worker.is_cancelled:
                self.post_message(self.LinkFailed(str(error)))
            return
        if not worker.is_cancelled:
            self.post_message(self.LinkFetched(article_id))

    def _end_fetch(self) -> None:
        self.fetching = None
        self._set_loading(None)
        self.view.focus()

    def on_reader_screen_link_fetched(self, message: LinkFetched) -> None:
        if self.fetching is None:
            return
        self._end_fetch()
        self.go(message.article_id)

    def on_reader_screen_link_failed(self, message: LinkFailed) -> None:
        if self.fetching is None:
            return
        self._end_fetch()
        self.notify(message.error, title="Could not open the link", severity="error", markup=False)

    def action_back(self) -> None:
        scroll = self.view.scroll_y
        if not self.history.can_go_back:
            self.action_close()
            return
        self.history.remember_scroll(scroll)
        visit = self.history.back()
        assert visit is not None
        self._show(visit.article_id, visit.scroll_y)

    def action_forward(self) -> None:
        self.history.remember_scroll(self.view.scroll_y)
        visit = self.history.forward()
        if visit is not None:
            self._show(visit.article_id, visit.scroll_y)

    def action_close(self) -> None:
        if self.fetching is not None:
            self.workers.cancel_group(self, "follow")
            self._end_fetch()
            self.notify("Stopped loading the link.")
            return
        self.dismiss(self.list_row)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "forward":
            return self.history.can_go_forward
        if action == "follow":
            # Only the links this story has: no "Follow also-read link 7" for three links.
            return parameters[0] in self.keys
        return True

    # -- sections ----------------------------------------------------------------------

    def action_next_section(self) -> None:
        self.view.scroll_to_section(self.view.section_in_view + 1)

    def action_previous_section(self) -> None:
        layout = self.view.laid_out
        current = self.view.section_in_view
        if layout is not None and 0 <= current < len(layout.section_lines):
            at_start = round(self.view.scroll_y) <= layout.section_lines[current]
            self.view.scroll_to_section(current - 1 if at_start else current)

    # -- the article's state -----------------------------------------------------------

    def action_next_unread(self) -> None:
        row = next_unread(self.library, self.list_filter, self.list_row, self.list_order)
        if row is None and self.next_list is not None:
            following = self.next_list()
            if following is not None:
                self.list_filter = following
                row = next_unread(self.library, following, None, self.list_order)
        if row is None:
            self.notify("No more unread articles in this list.")
            return
        self.list_row = row
        self.go(row.id)

    # -- links of the story and its full text --------------------------------------------

    def action_links(self) -> None:
        links = article_links(self.article) if self.article else []
        if not links:
            self.notify("This article has no links.", severity="warning")
            return
        self.app.push_screen(LinksDialog(links), self._link_chosen)

    def _link_chosen(self, choice: LinkChoice | None) -> None:
        if choice is None:
            return
        url = choice.link.url
        if choice.how == "open" or is_media(url) or choice.link.picture:
            self.tuinews.open_address(url, media=is_media(url))
            return
        known = self.library.find_by_url(url)
        if known is not None:
            self.go(known)
        else:
            self._start_fetch(url)

    def action_full_text(self) -> None:
        if self.article is None or self.article.id is None:
            return
        if not self.article.url or not is_followable(self.article.url):
            self.notify("This article has no web address to fetch.", severity="warning")
            return
        self.extracting = self.article.id
        self._set_loading(f"Fetching the full text of {self.article.url} …")
        self._fetch_full_text(self.article.id)

    @work(thread=True, exclusive=True, group="full_text")
    def _fetch_full_text(self, article_id: int) -> None:
        try:
            fetch_full_text(
                self.db,
                article_id,
                max_bytes=self.settings.max_bytes,
                timeout=self.settings.timeout,
            )
        except (FetchError, LibraryError) as error:
            self.post_message(self.FullTextFetched(article_id, str(error)))
            return
        self.post_message(self.FullTextFetched(article_id))

    def on_reader_screen_full_text_fetched(self, message: FullTextFetched) -> None:
        if message.article_id != self.extracting:
            return
        self.extracting = None
        self._set_loading(None)
        if message.error is not None:
            self.notify(
                message.error, title="Could not fetch the full text", severity="error", markup=False
            )
            return
        self._present(message.article_id, self.view.scroll_y)
        self.notify("The whole article, from its web page.")

    def _toggle(
        self, state: str, change: Callable[[int, bool], None], said: tuple[str, str]
    ) -> None:
        if self.summary is None:
            return
        value = not getattr(self.summary, state)
        change(self.summary.id, value)
        self.summary = self.library.get_summary(self.summary.id)
        self.notify(said[0] if value else said[1])

    def action_toggle_read(self) -> None:
        self._toggle("read", self.library.set_read, ("Marked read.", "Marked unread."))

    def action_toggle_star(self) -> None:
        self._toggle("starred", self.library.set_starred, ("Starred.", "Star removed."))

    def action_toggle_saved(self) -> None:
        self._toggle("saved", self.library.set_saved, ("Saved.", "Removed from Saved."))

    def action_open_browser(self) -> None:
        url = self.article.url if self.article else None
        if url and is_followable(url):
            self.tuinews.open_address(url, media=is_media(url))
        else:
            self.notify("This article has no web address to open.", severity="warning")

    def action_copy_link(self) -> None:
        url = self.article.url if self.article else None
        if url:
            self.app.copy_to_clipboard(url)
            self.notify("Link copied.")
        else:
            self.notify("This article has no link to copy.", severity="warning")
