"""Browser-style history of the articles read in one reader session.

Pure bookkeeping, no widgets: the reader asks it where back and forward lead and tells it
how far down the current story the reader had scrolled, so going back lands where you were.
"""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Visit:
    article_id: int
    scroll_y: float = 0.0


class History:
    """Visits in order with a current position; a new visit after going back drops the rest."""

    def __init__(self) -> None:
        self._visits: list[Visit] = []
        self._position = -1

    @property
    def current(self) -> Visit | None:
        return self._visits[self._position] if self._visits else None

    @property
    def can_go_back(self) -> bool:
        return self._position > 0

    @property
    def can_go_forward(self) -> bool:
        return self._position < len(self._visits) - 1

    def __len__(self) -> int:
        return len(self._visits)

    def visit(self, article_id: int, scroll_y: float = 0.0) -> Visit:
        del self._visits[self._position + 1 :]
        self._visits.append(Visit(article_id, scroll_y))
        self._position = len(self._visits) - 1
        return self._visits[-1]

    def remember_scroll(self, scroll_y: float) -> None:
        if self._visits:
            self._visits[self._position] = replace(self._visits[self._position], scroll_y=scroll_y)

    def back(self) -> Visit | None:
        if not self.can_go_back:
            return None
        self._position -= 1
        return self._visits[self._position]

    def forward(self) -> Visit | None:
        if not self.can_go_forward:
            return None
        self._position += 1
        return self._visits[self._position]
