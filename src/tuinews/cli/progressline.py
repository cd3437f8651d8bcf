"""A one-line progress bar for `tuinews refresh` on a terminal.

Redrawn in place on stderr, so stdout stays clean for the summary and for `--json`;
nothing is drawn when stderr is not a terminal (cron mails would fill with redraws).
"""

from __future__ import annotations

import shutil
from typing import TextIO

from tuinews.feeds.refresh import RefreshProgress

BAR_WIDTH = 24


def progress_text(progress: RefreshProgress, width: int) -> str:
    """`[██████░░░░] 120/200 feeds · 3,400 new · 2 errors · Feed title`, cut to `width`."""
    share = progress.done / progress.total if progress.total else 1.0
    filled = round(share * BAR_WIDTH)
    bar = "█" * filled + "░" * (BAR_WIDTH - filled)
    text = f"[{bar}] {progress.done}/{progress.total} feeds · {progress.new:,} new"
    if progress.errors:
        text += f" · {progress.errors} error{'s' if progress.errors != 1 else ''}"
    if progress.outcome is not None:
        text += f" · {progress.outcome.title}"
    return text[: max(width - 1, 10)]


class ProgressLine:
    """Draws `RefreshProgress` updates over each other; `close` leaves the line empty."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self._drawn = 0

    def __call__(self, progress: RefreshProgress) -> None:
        width = shutil.get_terminal_size((100, 24)).columns
        text = progress_text(progress, width)
        self.stream.write("\r" + text.ljust(self._drawn))
        self.stream.flush()
        self._drawn = len(text)

    def close(self) -> None:
        if self._drawn:
            self.stream.write("\r" + " " * self._drawn + "\r")
            self.stream.flush()
            self._drawn = 0
