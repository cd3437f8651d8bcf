"""The application: the library connection, the screens, and feed refreshes.

The library opens from disk at once and never waits for the network. The app owns what
outlives a screen: the UI thread's library connection and the refresh worker, whose
progress every screen shows through `refresh_status`.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import ClassVar

from textual import work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.reactive import reactive

from tuinews.app.commands import ActionCommands
from tuinews.app.dialogs.help import HelpDialog
from tuinews.app.screens.library import LibraryScreen
from tuinews.app.styles import stylesheets
from tuinews.app.widgets.refresh_bar import RefreshStatus
from tuinews.config import Config
from tuinews.feeds.refresh import RefreshProgress, refresh_feeds
from tuinews.library import Library, LibraryError
from tuinews.sync.engine import SyncProgress, SyncReport, sync
from tuinews.sync.greader import SyncError


class TuinewsApp(App[None]):
    TITLE = "tuinews"
    CSS_PATH: ClassVar = stylesheets()
    COMMANDS: ClassVar = App.COMMANDS | {ActionCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="app.quit", tooltip="Leave tuinews"),
        Binding("question_mark", "help", "Help", id="app.help", tooltip="The keys of this screen"),
        Binding(
            "ctrl+p",
            "command_palette",
            "Commands",
            show=False,
            priority=True,
            id="app.command_palette",
            tooltip="Find any command by name",
        ),
    ]

    refresh_status: reactive[RefreshStatus | None] = reactive(None, init=False)

    def __init__(self, db: Path, config: Config) -> None:
        super().__init__()
        self.db = db
        self.config = config
        self.library = Library.open(db)
        self._cancel_refresh = threading.Event()
        if config.theme in self.available_themes:
            self.theme = config.theme
        self.set_keymap(config.keys)

    def on_mount(self) -> None:
        if self.config.theme and self.config.theme not in self.available_themes:
            self.notify(f"Unknown theme {self.config.theme!r} in config", severity="warning")
        self.push_screen(LibraryScreen(self.library, self.config.refresh))

    def on_unmount(self) -> None:
        self._cancel_refresh.set()
        self.library.close()

    def action_help(self) -> None:
        if isinstance(self.screen, HelpDialog):
            return
        name = type(self.screen).__name__.removesuffix("Screen").removesuffix("Dialog")
        self.push_screen(HelpDialog(self.screen, name))

    # -- refresh -----------------------------------------------------------------------

    @property
    def refreshing(self) -> bool:
        return self.refresh_status is not None and self.refresh_status.running

    def start_refresh(self, feed_ids: Sequence[int] | None) -> None:
        """Refresh these feeds (None: every due feed, or a sync when there is an account)
        unless a refresh is running."""
        if self.refreshing:
            self.notify("A refresh is already running.")
            return
        if feed_ids is None and self.config.sync is not None:
            self.refresh_status = RefreshStatus(verb="Syncing", unit="item")
            self._sync()
            return
        self.refresh_status = RefreshStatus()
        self._refresh(None if feed_ids is None else list(feed_ids))

    @work(thread=True, group="refresh")
    def _sync(self) -> None:
        assert self.config.sync is not None
        try:
            with Library.open(self.db) as library:
                report = sync(
                    library,
                    self.config.sync,
                    on_progress=lambda p: self.call_from_thread(self._sync_progressed, p),
                )
                library.index_pending()
        except (SyncError, LibraryError) as error:
            self.call_from_thread(self._sync_ended, None, str(error))
        else:
            self.call_from_thread(self._sync_ended, report, None)

    def _sync_progressed(self, progress: SyncProgress) -> None:
        self.refresh_status = RefreshStatus(
            progress.done, progress.total, progress.done, verb="Syncing", unit="item"
        )

    def _sync_ended(self, report: SyncReport | None, error: str | None) -> None:
        status = self.refresh_status or RefreshStatus()
        self.refresh_status = replace(status, running=False)
        if report is None:
            self.notify(error or "failed", title="Sync failed", severity="error", markup=False)
        else:
            self.notify(report.summary(), markup=False)

    @work(thread=True, group="refresh")
    def _refresh(self, feed_ids: list[int] | None) -> None:
        outcomes = refresh_feeds(
            self.db,
            self.config.refresh,
            feed_ids,
            on_progress=lambda progress: self.call_from_thread(self._progressed, progress),
            cancel=self._cancel_refresh,
        )
        self.call_from_thread(self._refresh_ended, len(outcomes))
        # The new stories join the search index now, while the reader is reading,
        # rather than at the first search (which would try again if this fails).
        with contextlib.suppress(LibraryError, sqlite3.Error), Library.open(self.db) as library:
            library.index_pending()

    def _progressed(self, progress: RefreshProgress) -> None:
        self.refresh_status = RefreshStatus(
            progress.done, progress.total, progress.new, progress.errors
        )
        outcome = progress.outcome
        if outcome is not None and outcome.status in ("error", "gone"):
            self.notify(
                outcome.error or "failed",
                title=f"Could not refresh {outcome.title}",
                severity="error",
                markup=False,
            )

    def _refresh_ended(self, feeds: int) -> None:
        status = self.refresh_status or RefreshStatus()
        self.refresh_status = RefreshStatus(
            status.done, status.total, status.new, status.errors, running=False
        )
        if feeds == 0:
            self.notify("No feeds to refresh.")
        else:
            self.notify(f"Refreshed {status.done} of {feeds} feeds: {status.new} new articles.")
