"""A one-line progress bar for `tuinews refresh` on a terminal.

Redrawn in place on stderr, so stdout stays clean for the summary and for `--json`;
nothing is drawn when stderr is not a terminal (cron mails would fill with redraws).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TextIO

from tuinews.feeds.refresh import RefreshProgress
from tuinews.plural import counted

if TYPE_CHECKING:
    from tuinews.sync.engine import SyncProgress

BAR_WIDTH = 24


def _bar(done: int, total: int) -> str:
    share = done / total if total else 1.0
    filled = round(share * BAR_WIDTH)
    return "█" * filled + "░" * (BAR_WIDTH - filled)


def progress_text(progress: RefreshProgress, width: int) -> str:
    """`[██████░░░░] 120/200 feeds · 3,400 new · 2 errors · Feed title`, cut to `width`."""
    bar = _bar(progress.done, progress.total)
    text = f"[{bar}] {progress.done}/{progress.total} feeds · {progress.new:,} new"
    if progress.errors:
        text += f" · {counted(progress.errors, 'error')}"
    if progress.outcome is not None:
        text += f" · {progress.outcome.title}"
    return text[: max(width - 1, 10)]


def sync_progress_text(progress: SyncProgress, width: int) -> str:
    """`[██████░░░░] 2,500/10,000 items pulled`, cut to `width`."""
    bar = _bar(progress.done, progress.total)
    return f"[{bar}] {progress.done:,}/{progress.total:,} items pulled"[: max(width - 1, 10)]


class ProgressLine:
    """Draws progress updates over each other; `close` leaves the line empty."""

    def __init__(self, stream: TextIO, render: Callable[[Any, int], str] = progress_text) -> None:
        self.stream = stream
        self.render = render
        self._drawn = 0

    def __call__(self, progress: Any) -> None:
        width = shutil.get_terminal_size((100, 24)).columns
        text = self.render(progress, width)
        self.stream.write("\r" + text.ljust(self._drawn))
        self.stream.flush()
        self._drawn = len(text)

    def close(self) -> None:
        if self._drawn:
            self.stream.write("\r" + " " * self._drawn + "\r")
            self.stream.flush()
            self._drawn = 0
