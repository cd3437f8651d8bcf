"""Full-text search: type, see the best matches as an article list, Enter opens one.

Each keystroke starts a search in a worker that supersedes the previous one (only the
newest query's results are shown), so typing never waits on FTS5 ranking a common word
across a large library. Dismisses with the chosen article's row.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from tuinews.app.paged_rows import FixedRows
from tuinews.app.part_style import background_of, part_style
from tuinews.app.widgets.article_list import ArticleList
from tuinews.library import MATCH_END, MATCH_START, Library, SearchHit
from tuinews.model import ArticleSummary

RESULTS = 100


def snippet_text(snippet: str, match: Style) -> Text:
    """A search snippet with its matched words styled; the text itself is never markup."""
    text = Text()
    for number, part in enumerate(" ".join(snippet.split()).split(MATCH_START)):
        matched, _, rest = part.partition(MATCH_END) if number else ("", "", part)
        text.append(matched, style=match)
        text.append(rest)
    return text


class SearchDialog(ModalScreen[ArticleSummary | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="search.close", tooltip="Back without opening"),
        Binding(
            "down",
            "results",
            "Results",
            show=False,
            id="search.results",
            tooltip="Move into the results",
        ),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {"search--match"}

    class Found(Message):
        def __init__(self, query: str, hits: list[SearchHit]) -> None:
            super().__init__()
            self.query = query
            self.hits = hits

    def __init__(self, db: Path) -> None:
        super().__init__()
        self.db = db
        self.hits: list[SearchHit] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="search"):
            yield Input(placeholder='Search the library (words, "a phrase", pref*)', id="query")
            yield Label(id="search-count")
            yield ArticleList(FixedRows([]), id="results")
            yield Static(id="snippet")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        self._search(event.value)

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_results()

    def action_results(self) -> None:
        if self.hits:
            self.query_one(ArticleList).focus()

    @work(thread=True, exclusive=True, group="search")
    def _search(self, query: str) -> None:
        with Library.open(self.db) as library:
            hits = library.search(query, limit=RESULTS)
        self.post_message(self.Found(query, hits))

    def on_search_dialog_found(self, message: Found) -> None:
        if message.query != self.query_one(Input).value:
            return
        self.hits = message.hits
        self.query_one(ArticleList).show(FixedRows([hit.article for hit in message.hits]))
        count = len(message.hits)
        label = (
            ""
            if not message.query.strip()
            else (f"{count}{'+' if count == RESULTS else ''} found" if count else "Nothing found")
        )
        self.query_one("#search-count", Label).update(label)

    @on(ArticleList.Highlighted, "#results")
    def _highlighted(self, message: ArticleList.Highlighted) -> None:
        index = message.article_list.cursor
        snippet = self.hits[index].snippet if 0 <= index < len(self.hits) else ""
        shown = self.query_one("#snippet", Static)
        match = part_style(self, "search--match", under=background_of(shown))
        shown.update(snippet_text(snippet, match))

    @on(ArticleList.Opened, "#results")
    def _opened(self, message: ArticleList.Opened) -> None:
        self.dismiss(message.row)

    def action_close(self) -> None:
        self.dismiss(None)
