"""Help: the keys of the screen underneath, read from its live bindings.

Built when opened from `active_bindings`, so it lists exactly what works where the user
is (the focused pane's keys included) with any remapping from config.toml `[keys]`.
"""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Label, Static


def key_rows(screen: Screen[object]) -> list[tuple[str, str, str]]:
    """(keys, what, why) for each thing the screen's keys do, in binding order.

    Bindings with the same description on the same widget share a row ("1 2 … 9
    Follow link"), as do the several keys of one binding.
    """
    grouped: dict[tuple[int, str], tuple[list[str], Binding]] = {}
    app = screen.app
    for active in screen.active_bindings.values():
        binding = active.binding
        if binding.system or not binding.description:
            continue
        keys, _ = grouped.setdefault((id(active.node), binding.description), ([], binding))
        display = app.get_key_display(binding)
        if display not in keys:
            keys.append(display)
    return [
        (" ".join(keys), binding.description, binding.tooltip) for keys, binding in grouped.values()
    ]


class HelpDialog(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape,q,question_mark", "close", "Close", id="help.close", tooltip="Close the help"
        ),
    ]

    def __init__(self, screen: Screen[object], title: str) -> None:
        super().__init__()
        self.rows = key_rows(screen)
        self.title_text = title

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column(no_wrap=True)
        table.add_column()
        for keys, description, tooltip in self.rows:
            table.add_row(Text(keys), Text(description), Text(tooltip))
        with Vertical(classes="dialog", id="help"):
            yield Label(Text(f"Keys: {self.title_text}"), classes="dialog-title")
            with VerticalScroll():
                yield Static(table, id="help-keys")
            yield Label("Escape closes · ctrl+p finds any command by name", classes="dialog-hint")

    def action_close(self) -> None:
        self.dismiss(None)
