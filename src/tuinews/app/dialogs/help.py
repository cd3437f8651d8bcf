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
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Label, Static


def key_rows(screen: Screen[object]) -> list[tuple[str, str, str]]:
    """(keys, what, why) for each thing the screen's keys do, in binding order.

    Bindings with the same description on the same widget share a row ("1 2 … 9
    Follow link"), as do the several keys of one binding.
    """
    grouped: dict[tuple[int, str], tuple[list[str], list[Binding]]] = {}
    app = screen.app
    for active in screen.active_bindings.values():
        binding = active.binding
        if binding.system or not binding.description:
            continue
        keys, bindings = grouped.setdefault((id(active.node), binding.description), ([], []))
        display = app.get_key_display(binding)
        if display not in keys:
            keys.append(display)
            bindings.append(binding)
    return [
        (" ".join(keys), bindings[0].description, _shared_tooltip(keys, bindings))
        for keys, bindings in grouped.values()
    ]


def _shared_tooltip(keys: list[str], bindings: list[Binding]) -> str:
    """One tooltip for a row of keys: "Follow also-read link 1…9" from "…link 1", "…link 2"."""
    tooltips = [binding.tooltip for binding in bindings]
    if len(set(tooltips)) == 1:
        return tooltips[0]
    if all(tip.endswith(key) for tip, key in zip(tooltips, keys, strict=True)):
        return f"{tooltips[0].removesuffix(keys[0])}{keys[0]}…{keys[-1]}"
    return bindings[0].description


class HelpDialog(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape,q,question_mark", "close", "Close", id="help.close", tooltip="Close the help"
        ),
        Binding("j", "scroll(1)", "Down", show=False, id="help.down", tooltip="Scroll down"),
        Binding("k", "scroll(-1)", "Up", show=False, id="help.up", tooltip="Scroll up"),
    ]

    def __init__(self, screen: Screen[object], title: str) -> None:
        super().__init__()
        self.rows = key_rows(screen)
        self.title_text = title

    def compose(self) -> ComposeResult:
        # Two columns, what a key does wrapping under itself: fits 80 columns and less.
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for keys, description, tooltip in self.rows:
            what = Text(description, style="bold")
            if tooltip and tooltip != description:
                what.append(f"  {tooltip}", style="not bold")
            table.add_row(Text(keys), what)
        # The dialog is the scrolling box (a box of automatic height scrolls only itself);
        # its title and hint are docked, so they stay in view.
        with VerticalScroll(classes="dialog", id="help"):
            yield Label(Text(f"Keys: {self.title_text}"), classes="dialog-title")
            yield Static(table, id="help-keys")
            yield Label(
                "Escape closes · j k ↑ ↓ PgUp PgDn scroll · ctrl+p finds any command",
                classes="dialog-hint",
            )

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).focus()

    def action_scroll(self, lines: int) -> None:
        self.query_one(VerticalScroll).scroll_relative(y=lines, animate=False)

    def action_close(self) -> None:
        self.dismiss(None)
