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
            yield OptionList(
                *(Option(self._prompt(number, link)) for number, link in enumerate(self.links, 1))
            )
            yield Label(
                "Enter follows · o opens in the browser · Escape closes", classes="dialog-hint"
            )

    @staticmethod
    def _prompt(number: int, link: ArticleLink) -> Text:
        text = Text(f"{number:>2}  ", style="bold")
        text.append(link.title or link.url)
        if link.title:
            text.append(f"\n    {link.url}", style="dim")
        return text

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(LinkChoice(self.links[event.option_index], "follow"))

    def action_open(self) -> None:
        index = self.query_one(OptionList).highlighted
        if index is not None:
            self.dismiss(LinkChoice(self.links[index], "open"))

    def action_close(self) -> None:
        self.dismiss(None)
