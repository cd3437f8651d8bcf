"""Subscribing from inside the reader: an address, an optional folder, errors shown inline.

The address may be a feed, a web page that names its feed, or a local file; `subscribe`
works out which, over the network, in a worker. The dialog stays open on an error, with the
reason under the field, and dismisses with the subscription once it worked.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, LoadingIndicator, OptionList, Static
from textual.widgets.option_list import Option

from tuinews.app.hanging import hanging
from tuinews.app.widgets.tick_box import TickBox
from tuinews.config import RefreshSettings
from tuinews.feeds.discovery import FeedLink
from tuinews.feeds.subscribe import SeveralFeeds, Subscribed, SubscribeError, subscribe
from tuinews.library import Library, LibraryError


class AddFeedDialog(ModalScreen[Subscribed | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape", "cancel", "Cancel", id="add_feed.cancel", tooltip="Close without subscribing"
        ),
    ]

    class Done(Message):
        def __init__(self, subscribed: Subscribed) -> None:
            super().__init__()
            self.subscribed = subscribed

    class Failed(Message):
        def __init__(self, error: str) -> None:
            super().__init__()
            self.error = error

    class Offered(Message):
        """The page offers several feeds: the user picks one."""

        def __init__(self, feeds: list[FeedLink]) -> None:
            super().__init__()
            self.feeds = feeds

    def __init__(self, db: Path, settings: RefreshSettings) -> None:
        super().__init__()
        self.db = db
        self.settings = settings
        self.offered: list[FeedLink] = []

    def compose(self) -> ComposeResult:
        # A scrolling box with the buttons docked: a long error never pushes them out.
        with VerticalScroll(classes="dialog", id="add-feed"):
            yield Label("Add a feed", classes="dialog-title")
            yield Label("Feed, web page or file")
            yield Input(placeholder="https://example.org/feed.xml", id="url")
            yield Label("Folder (optional)")
            yield Input(placeholder="News", id="folder")
            yield TickBox("Fetch each article's web page (for summary-only feeds)", id="full-text")
            yield Static(id="error", classes="dialog-error")
            yield OptionList(id="choices")
            yield LoadingIndicator(id="busy")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Subscribe", variant="primary", id="subscribe")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#busy").display = False
        self.query_one("#error").display = False
        self.query_one("#choices").display = False
        self.query_one("#url", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#subscribe")
    def _submit(self) -> None:
        url = self.query_one("#url", Input).value.strip()
        if not url:
            self._show_error("Enter the address of a feed, a web page or a file.")
            return
        folder = self.query_one("#folder", Input).value.strip() or None
        full_text = self.query_one("#full-text", TickBox).value
        self.query_one("#error").display = False
        self.query_one("#choices").display = False
        self.query_one("#busy").display = True
        self.query_one("#subscribe", Button).disabled = True
        self._subscribe(url, folder, full_text)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.workers.cancel_group(self, "subscribe")
        self.dismiss(None)

    @work(thread=True, exclusive=True, group="subscribe")
    def _subscribe(self, url: str, folder: str | None, full_text: bool) -> None:
        try:
            with Library.open(self.db) as library:
                subscribed = subscribe(
                    library, url, self.settings, folder=folder, full_text=full_text, choose=True
                )
        except SeveralFeeds as several:
            self.post_message(self.Offered(several.feeds))
            return
        except (SubscribeError, LibraryError) as error:
            self.post_message(self.Failed(str(error)))
            return
        self.post_message(self.Done(subscribed))

    def on_add_feed_dialog_done(self, message: Done) -> None:
        self.dismiss(message.subscribed)

    def on_add_feed_dialog_failed(self, message: Failed) -> None:
        self._show_error(message.error)

    def on_add_feed_dialog_offered(self, message: Offered) -> None:
        self.offered = message.feeds
        self._show_error(f"This page offers {len(message.feeds)} feeds: choose one.")
        choices = self.query_one("#choices", OptionList)
        choices.clear_options()
        # The list is hidden until now: it will be the dialog's width less its own padding.
        width = self.query_one("#add-feed").scrollable_content_region.width - 2
        for feed in message.feeds:
            prompt = Text(feed.title or feed.url)
            if feed.title:
                prompt.append(f"\n{feed.url}", style="italic")
            choices.add_option(Option(hanging(self.app.console, width, Text(), prompt)))
        choices.display = True
        choices.highlighted = 0
        choices.focus()

    @on(OptionList.OptionSelected, "#choices")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.query_one("#url", Input).value = self.offered[event.option_index].url
        self._submit()

    def _show_error(self, error: str) -> None:
        self.query_one("#busy").display = False
        self.query_one("#subscribe", Button).disabled = False
        error_line = self.query_one("#error", Static)
        error_line.update(Text(error))
        error_line.display = True
        self.query_one("#url", Input).focus()
