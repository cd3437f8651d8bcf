"""Renaming a subscription, moving it to another folder, or turning full text on or off (`e`).

The dialog only asks; the library screen makes the change (`tuinews.sync.changes.edit_feed`),
which a sync account also queues for the server.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from tuinews.app.widgets.tick_box import TickBox
from tuinews.model import Feed


@dataclass(frozen=True)
class FeedEdit:
    title: str
    folder: str  # "" for no folder
    full_text: bool = False


class EditFeedDialog(ModalScreen[FeedEdit | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape", "cancel", "Cancel", id="edit_feed.cancel", tooltip="Close without a change"
        ),
    ]

    def __init__(self, feed: Feed) -> None:
        super().__init__()
        self.feed = feed

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="edit-feed"):
            yield Label("Edit the subscription", classes="dialog-title")
            yield Label("Name")
            yield Input(self.feed.title, id="title")
            yield Label('Folder ("a/b" nests; empty for none)')
            yield Input(self.feed.folder or "", placeholder="News", id="folder")
            yield TickBox(
                "Fetch each article's web page (for summary-only feeds)",
                self.feed.full_text,
                id="full-text",
            )
            yield Static(id="error", classes="dialog-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#error").display = False
        self.query_one("#title", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        title = self.query_one("#title", Input).value.strip()
        if not title:
            error = self.query_one("#error", Static)
            error.update(Text("A subscription needs a name."))
            error.display = True
            return
        parts = self.query_one("#folder", Input).value.split("/")
        folder = "/".join(part.strip() for part in parts if part.strip())
        self.dismiss(FeedEdit(title, folder, self.query_one("#full-text", TickBox).value))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
