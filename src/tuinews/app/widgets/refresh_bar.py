"""The refresh progress shown above the footer while feeds are being fetched.

The app owns the refresh (it outlives screens); every screen has a bar that watches the
app's `refresh_status`, so progress stays visible while reading.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label, ProgressBar


@dataclass(frozen=True)
class RefreshStatus:
    """How far a refresh has come; `running` is False once it ended."""

    done: int = 0
    total: int = 0
    new: int = 0
    errors: int = 0
    running: bool = True
    verb: str = "Refreshing"  # or "Syncing", of items
    unit: str = "feed"

    def describe(self) -> str:
        units = self.unit if self.total == 1 else f"{self.unit}s"
        text = f"{self.verb} {self.done:,}/{self.total:,} {units} · {self.new:,} new"
        if self.errors:
            text += f" · {self.errors} failed"
        return text


class RefreshBar(Horizontal):
    def compose(self) -> ComposeResult:
        yield Label(id="refresh-label")
        yield ProgressBar(show_eta=False, id="refresh-progress")

    def on_mount(self) -> None:
        self.watch(self.app, "refresh_status", self.show_status)

    def show_status(self, status: RefreshStatus | None) -> None:
        self.display = status is not None and status.running
        if status is None:
            return
        self.query_one(Label).update(Text(status.describe()))
        self.query_one(ProgressBar).update(total=max(status.total, 1), progress=status.done)
