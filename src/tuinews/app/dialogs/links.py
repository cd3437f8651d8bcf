"""`L`: every link of the story, numbered; Enter follows one in the reader, `o` opens it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Literal

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from tuinews.app.hanging import hanging
from tuinews.article_links import ArticleLink


@dataclass(frozen=True)
class LinkChoice:
    link: ArticleLink
    how: Literal["follow", "open"]


class LinksDialog(ModalScreen[LinkChoice | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", "Close", id="links.close", tooltip="Close the link list"),
        Binding(
            "o",
            "open",
            "Open in browser",
            id="links.open",
            tooltip="Open the highlighted link in the web browser (or a recording in the player)",
        ),
    ]

    def __init__(self, links: list[ArticleLink]) -> None:
        super().__init__()
        self.links = links

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="links"):
            yield Label("Links in this article", classes="dialog-title")
            yield OptionList(*self._options(self.app.size.width - 10))
            yield Label(
                "Enter follows · o opens in the browser · Escape closes", classes="dialog-hint"
            )

    def on_resize(self) -> None:
        """Entries wrap to the list's own width once it has one (a guess before that)."""
        options = self.query_one(OptionList)
        if options.scrollable_content_region.width:
            keep = options.highlighted
            options.clear_options()
            options.add_options(self._options(options.scrollable_content_region.width))
            options.highlighted = keep or 0

    def _options(self, width: int) -> list[Option]:
        return [Option(self._prompt(n, link, width)) for n, link in enumerate(self.links, 1)]

    def _prompt(self, number: int, link: ArticleLink, width: int) -> Text:
        body = Text(link.title or link.url)
        if link.title:
            body.append("\n")
            body.append(link.url, style="italic")
        return hanging(self.app.console, width, Text(f"{number:>2}  ", style="bold"), body)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(LinkChoice(self.links[event.option_index], "follow"))

    def action_open(self) -> None:
        index = self.query_one(OptionList).highlighted
        if index is not None:
            self.dismiss(LinkChoice(self.links[index], "open"))

    def action_close(self) -> None:
        self.dismiss(None)
