"""The reader's left-hand panes: Sections, Quotes and Also read.

Each is a short OptionList over one part of the article's structure. A pane only says what
was chosen, with a message of its own; the reader screen scrolls, flashes or follows.
"""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tuinews.app.also_read import LinkEntry
from tuinews.app.hanging import hanging
from tuinews.app.widgets.option_rows import ThemedOptionList
from tuinews.extract.language import part_labels
from tuinews.model import Article

FALLBACK_WIDTH = 30


class OutlinePane(ThemedOptionList, inherit_bindings=False):
    """An OptionList that moves with j/k too, as every list in tuinews does."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "outline--muted",
        "outline--number",
        "outline--stored",
        "outline--current",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor_down", "Down", show=False, id="pane.down", tooltip="Next entry"),
        Binding("k,up", "cursor_up", "Up", show=False, id="pane.up", tooltip="Previous entry"),
        Binding("home", "first", "First", show=False, id="pane.first", tooltip="First entry"),
        Binding("end", "last", "Last", show=False, id="pane.last", tooltip="Last entry"),
        Binding("enter", "select", "Go", id="pane.go", tooltip="Go to the chosen entry"),
    ]

    def hanging(self, marker: Text, body: Text) -> Text:
        width = self.scrollable_content_region.width or FALLBACK_WIDTH
        return hanging(self.app.console, width, marker, body)

    _wrapped_at = 0

    def on_resize(self) -> None:
        # Wrapped lines hang under their first line: the layout depends on the width.
        width = self.scrollable_content_region.width
        if width != self._wrapped_at:
            self._wrapped_at = width
            self.restyle()

    def _replace(self, options: list[Option]) -> None:
        self.clear_options()
        self.add_options(options)
        enabled = [index for index, option in enumerate(options) if not option.disabled]
        self.highlighted = enabled[0] if enabled else None


class SectionsPane(OutlinePane):
    """The table of contents; the section in view is marked as the body scrolls."""

    class Jump(Message):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.titles: list[str] = []
        self.current = 0

    def show(self, article: Article) -> None:
        labels = part_labels(article)
        self.titles = [
            section.title or (labels.beginning if index == 0 else labels.part.format(n=index + 1))
            for index, section in enumerate(article.sections)
        ]
        self.current = 0
        self._replace([Option(self._prompt(i), id=f"section-{i}") for i in range(len(self.titles))])

    def _prompt(self, index: int) -> Text:
        marker = "▸ " if index == self.current else "  "
        style = self._part("outline--current") if index == self.current else Style()
        return self.hanging(Text(marker, style=style), Text(self.titles[index], style=style))

    def restyle(self) -> None:
        for index in range(min(len(self.titles), self.option_count)):
            self.replace_option_prompt_at_index(index, self._prompt(index))

    def mark_current(self, index: int) -> None:
        """The body scrolled to section `index`: mark it, and follow it unless focused."""
        if not 0 <= index < len(self.titles) or index == self.current:
            return
        previous, self.current = self.current, index
        for changed in {previous, index}:
            if 0 <= changed < self.option_count:
                self.replace_option_prompt_at_index(changed, self._prompt(changed))
        if not self.has_focus:
            self.highlighted = index

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Jump(event.option_index))


class QuotesPane(OutlinePane):
    """Each quotation with its speaker."""

    class Chosen(Message):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    article: Article | None = None

    def restyle(self) -> None:
        if self.article is not None:
            self.show(self.article)

    def show(self, article: Article) -> None:
        self.article = article
        options = []
        for index, quote in enumerate(article.quotes):
            prompt = Text(f"“{quote.text}”")
            prompt.append(
                "\n— " + (quote.speaker or "speaker not named"), style=self._part("outline--muted")
            )
            options.append(Option(self.hanging(Text(), prompt), id=f"quote-{index}"))
        if not options:
            options.append(
                Option(Text("No quotations", style=self._part("outline--muted")), disabled=True)
            )
        self._replace(options)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.Chosen(int(event.option.id.removeprefix("quote-"))))


class AlsoReadPane(OutlinePane):
    """Numbered links in reading order; stored targets marked; suggestions for lost links."""

    class Follow(Message):
        def __init__(self, entry: int, suggestion: int | None = None) -> None:
            super().__init__()
            self.entry = entry
            self.suggestion = suggestion

    entries: list[LinkEntry] | None = None

    def restyle(self) -> None:
        if self.entries is not None:
            self.show(self.entries)

    def show(self, entries: list[LinkEntry]) -> None:
        self.entries = entries
        keep = self.highlighted
        options: list[Option] = []
        for index, entry in enumerate(entries):
            options.append(
                Option(
                    self._link_prompt(entry),
                    id=f"link-{index}",
                    disabled=entry.number is None,
                )
            )
            if entry.suggestions:
                options.append(
                    Option(
                        Text("  related in your library:", style=self._part("outline--muted")),
                        disabled=True,
                    )
                )
                for number, summary in enumerate(entry.suggestions):
                    keys = entry.suggestion_numbers
                    mark = f"  {keys[number]} ↳ " if number < len(keys) else "  ↳ "
                    options.append(
                        Option(
                            self.hanging(Text(mark), Text(summary.title)),
                            id=f"suggest-{index}-{number}",
                        )
                    )
        if not options:
            options.append(
                Option(
                    Text("No also-read links", style=self._part("outline--muted")), disabled=True
                )
            )
        self._replace(options)
        if keep is not None and keep < self.option_count:
            self.highlighted = keep

    def _link_prompt(self, entry: LinkEntry) -> Text:
        if entry.number is None:
            return Text("Also read (link not kept)", style=self._part("outline--muted"))
        text = Text(entry.title or entry.url or "link")
        if entry.stored:
            text.append("  ✓", style=self._part("outline--stored"))
        elif entry.unresolved:
            text.append("  (no link)", style=self._part("outline--muted"))
        return self.hanging(Text(f"{entry.number} ", style=self._part("outline--number")), text)

    def highlight_entry(self, entry: int) -> None:
        index = self.get_option_index(f"link-{entry}")
        self.highlighted = index

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option.id or ""
        if option_id.startswith("link-"):
            self.post_message(self.Follow(int(option_id.removeprefix("link-"))))
        elif option_id.startswith("suggest-"):
            entry, number = option_id.removeprefix("suggest-").split("-")
            self.post_message(self.Follow(int(entry), int(number)))
