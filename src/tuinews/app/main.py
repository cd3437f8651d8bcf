"""The application: opens the library and shows its newest articles.

The library screen here lists one page of the newest stories; it opens from disk at once
and never waits for the network.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Footer, Header, OptionList
from textual.widgets.option_list import Option

from tuinews.app.styles import stylesheets
from tuinews.config import Config
from tuinews.library import Library
from tuinews.model import ArticleSummary

PAGE_SIZE = 200


def article_row(row: ArticleSummary) -> Text:
    """One list row built from Text parts: titles are data, never markup."""
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append("● " if not row.read else "  ", style="bold")
    text.append("★ " if row.starred else "  ")
    text.append(row.published.strftime("%Y-%m-%d") if row.published else " " * 10, style="dim")
    text.append("  ")
    text.append((row.feed or "Saved")[:18].ljust(18), style="italic")
    text.append("  ")
    text.append(row.title, style="bold" if not row.read else "")
    return text


class TuinewsApp(App[None]):
    TITLE = "tuinews"
    CSS_PATH: ClassVar = stylesheets()
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="app.quit", tooltip="Leave tuinews"),
    ]

    def __init__(self, db: Path, config: Config) -> None:
        super().__init__()
        self.db = db
        self.config = config
        if config.theme in self.available_themes:
            self.theme = config.theme
        self.set_keymap(config.keys)

    def compose(self) -> ComposeResult:
        yield Header()
        yield OptionList(id="articles")
        yield Footer()

    def on_mount(self) -> None:
        if self.config.theme and self.config.theme not in self.available_themes:
            self.notify(f"Unknown theme {self.config.theme!r} in config", severity="warning")
        with Library.open(self.db) as library:
            rows = library.list_articles(limit=PAGE_SIZE)
        articles = self.query_one("#articles", OptionList)
        articles.add_options(Option(article_row(row), id=str(row.id)) for row in rows)
        articles.border_title = "Newest"
        articles.focus()
