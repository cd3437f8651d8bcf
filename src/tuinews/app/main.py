"""The application: the library connection, the screens, and feed refreshes.

The library opens from disk at once and never waits for the network. The app owns what
outlives a screen: the UI thread's library connection and the refresh worker, whose
progress every screen shows through `refresh_status`.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
import threading
import webbrowser
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import ClassVar

from textual import work
from textual.app import App, SuspendNotSupported, SystemCommand
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen

from tuinews.app.binding_ids import known_binding_ids
from tuinews.app.commands import ActionCommands
from tuinews.app.dialogs.help import HelpDialog
from tuinews.app.screens.library import LibraryScreen
from tuinews.app.styles import stylesheets
from tuinews.app.widgets.refresh_bar import RefreshStatus
from tuinews.config import Config
from tuinews.feeds.refresh import FeedOutcome, RefreshProgress, refresh_feeds
from tuinews.feeds.report import refresh_problems, refresh_summary
from tuinews.launcher import NO_BROWSER, LaunchError, launch_command
from tuinews.library import Library, LibraryError
from tuinews.sync.engine import SyncProgress, SyncReport, sync
from tuinews.sync.greader import SyncError
from tuinews.untrusted import printable

SIXTEEN_COLOURS = {"standard", "windows"}


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
        self._automatic = False
        if config.theme in self.available_themes:
            self.theme = config.theme
        if self.console.color_system in SIXTEEN_COLOURS:
            # Brought down to 16 colours a true-colour theme's panels, cursor and accents
            # mostly land on the terminal's greys (textual-light's navy headings become
            # dark grey on light grey); the ANSI themes are made of the terminal's own colours.
            self.theme = "ansi-dark" if self.current_theme.dark else "ansi-light"
        self.set_keymap(config.keys)

    def on_mount(self) -> None:
        if self.config.theme and self.config.theme not in self.available_themes:
            self.notify(f"Unknown theme {self.config.theme!r} in config", severity="warning")
        for warning in self.config.warnings:
            self.notify(printable(warning), severity="warning", markup=False)
        unknown = sorted(set(self.config.keys) - known_binding_ids())
        if unknown:
            names = ", ".join(printable(name) for name in unknown)
            self.notify(
                f"No such binding in [keys], ignored: {names}",
                severity="warning",
                markup=False,
            )
        self.push_screen(LibraryScreen(self.library, self.config.refresh))
        auto = self.config.auto_refresh
        if auto.on_start:
            self.start_refresh(None, automatic=True)
        if auto.interval:
            self.set_interval(auto.interval, self._timed_refresh)

    def _timed_refresh(self) -> None:
        if not self.refreshing:
            self.start_refresh(None, automatic=True)

    def on_unmount(self) -> None:
        self._cancel_refresh.set()
        self.library.close()

    def format_title(self, title: str, sub_title: str) -> Content:
        """Title and feed name at full strength: Textual dims the sub-title to 4:1 or less."""
        if not sub_title:
            return Content(title)
        return Content.assemble(Content(title).stylize("bold"), " — ", Content(sub_title))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's own commands, less those our bindings already offer (q, ?)."""
        for command in super().get_system_commands(screen):
            if command.title not in ("Quit", "Keys"):
                yield command

    def action_help(self) -> None:
        if isinstance(self.screen, HelpDialog):
            return
        name = type(self.screen).__name__.removesuffix("Screen").removesuffix("Dialog")
        self.push_screen(HelpDialog(self.screen, name))

    # -- other programs ----------------------------------------------------------------

    def open_address(self, url: str, *, media: bool = False) -> None:
        """Open `url` in the browser, or a recording in the player, as `[ui]` says."""
        launch = self.config.launch
        configured = (launch.player or launch.browser) if media else launch.browser
        try:
            command = launch_command(configured, url, os.environ)
        except LaunchError as error:
            self.notify(str(error), severity="warning", markup=False)
            return
        if command is None:
            if not webbrowser.open(url):
                self.notify(NO_BROWSER, severity="warning", markup=False)
            return
        try:
            if command.console:
                self._run_in_terminal(command.argv)
            else:
                subprocess.Popen(
                    command.argv,
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    start_new_session=True,
                )
        except OSError as error:
            self.notify(f"{command.argv[0]}: {error.strerror or error}", severity="error")

    def _run_in_terminal(self, argv: list[str]) -> None:
        """A console program gets the terminal; the screen is drawn again when it ends."""
        try:
            with self.suspend():
                status = subprocess.run(argv, check=False).returncode
        except SuspendNotSupported:
            # No terminal to hand over (a headless or web driver): run it without one.
            status = subprocess.run(
                argv,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                check=False,
            ).returncode
        if status != 0:
            self.notify(
                f"{Path(argv[0]).name} ended with status {status}.",
                severity="warning",
                markup=False,
            )

    # -- refresh -----------------------------------------------------------------------

    @property
    def refreshing(self) -> bool:
        return self.refresh_status is not None and self.refresh_status.running

    def start_refresh(self, feed_ids: Sequence[int] | None, *, automatic: bool = False) -> None:
        """Refresh these feeds (None: every due feed, or a sync when there is an account)
        unless a refresh is running.

        An automatic refresh (`[refresh] on_start`, `interval`) speaks up only when it
        brings new articles or a feed failed.
        """
        if self.refreshing:
            self.notify("A refresh is already running.")
            return
        self._automatic = automatic
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
        self.call_from_thread(self._refresh_ended, outcomes)
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

    def _refresh_ended(self, outcomes: list[FeedOutcome]) -> None:
        status = self.refresh_status or RefreshStatus()
        self.refresh_status = RefreshStatus(
            status.done, status.total, status.new, status.errors, running=False
        )
        if not outcomes:
            if not self._automatic:
                self.notify("No feeds to refresh: a adds a feed.")
            return
        # Failures were announced as they landed; the summary names them again with the
        # feeds that were skipped, so nothing is missing from the last word.
        problems = refresh_problems(outcomes)
        if self._automatic and not status.new and not problems:
            return
        self.notify(
            "\n".join([refresh_summary(outcomes).capitalize() + ".", *problems]),
            title="New articles" if status.new else "",
            severity="warning" if problems else "information",
            markup=False,
        )
