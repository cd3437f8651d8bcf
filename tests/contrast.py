"""Contrast of what a screen draws: each text cell's colour against the colour under it.

WCAG 2 relative luminance and contrast ratio, computed from the segments Textual composes
for the whole screen (the same ones a terminal would be sent), so what is measured is
what a user sees: the foreground of a cell against its effective background, reverse
video swapped. Box drawing and block characters (borders, scrollbars, bars) are not text.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from rich.color import Color, ColorSystem, ColorType
from rich.color_triplet import ColorTriplet
from rich.style import Style
from textual.app import App

# xterm's palette for the 16 standard colours, and its default foreground and background
# on a dark and a light terminal: what a 16-colour terminal most often shows.
XTERM = [
    "#000000", "#cd0000", "#00cd00", "#cdcd00", "#0000ee", "#cd00cd", "#00cdcd", "#e5e5e5",
    "#7f7f7f", "#ff0000", "#00ff00", "#ffff00", "#5c5cff", "#ff00ff", "#00ffff", "#ffffff",
]  # fmt: skip
GREYS = {0, 7, 8, 15}


@dataclass(frozen=True)
class Cell:
    x: int
    y: int
    char: str
    style: Style


def screen_cells(app: App[object]) -> Iterator[Cell]:
    """Every cell of the current screen as composed for the terminal."""
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    for y, line in enumerate(update.strips):  # type: ignore[attr-defined]
        x = 0
        for strip in line:
            for segment in strip:
                for char in segment.text:
                    yield Cell(x, y, char, segment.style or Style())
                    x += 1


def is_text(char: str) -> bool:
    return not char.isspace() and not 0x2500 <= ord(char) <= 0x259F


def luminance(rgb: ColorTriplet) -> float:
    def channel(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(rgb.red) + 0.7152 * channel(rgb.green) + 0.0722 * channel(rgb.blue)


def contrast(a: ColorTriplet, b: ColorTriplet) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def colours(style: Style) -> tuple[Color | None, Color | None]:
    """(foreground, background) as the terminal paints them."""
    return (style.bgcolor, style.color) if style.reverse else (style.color, style.bgcolor)


def text_contrasts(app: App[object]) -> list[tuple[float, Cell]]:
    """The contrast of each text cell of a true-colour screen."""
    found = []
    for cell in screen_cells(app):
        if not is_text(cell.char):
            continue
        fg, bg = colours(cell.style)
        assert fg is not None and bg is not None, f"cell {cell} has no colour of its own"
        found.append((contrast(fg.get_truecolor(), bg.get_truecolor()), cell))
    return found


def sixteen(color: Color | None) -> int | None:
    """The standard colour number a 16-colour terminal shows (None: its default)."""
    if color is None or color.type == ColorType.DEFAULT:
        return None
    standard = color.downgrade(ColorSystem.STANDARD)
    assert standard.number is not None
    return standard.number


def grey_on_grey(app: App[object], dark: bool) -> list[tuple[float, Cell]]:
    """Text cells that are a grey on a grey under 4.5:1 in 16 colours (xterm's palette).

    Black and white both count as greys: dark grey on white (3.2:1) is as hard to read
    as light grey on dark grey.
    """
    default_fg, default_bg = ("#e5e5e5", "#000000") if dark else ("#000000", "#ffffff")
    found = []
    for cell in screen_cells(app):
        if not is_text(cell.char):
            continue
        fg, bg = (sixteen(c) for c in colours(cell.style))
        if not {fg, bg} <= GREYS | {None}:
            continue
        fg_rgb = Color.parse(XTERM[fg] if fg is not None else default_fg).get_truecolor()
        bg_rgb = Color.parse(XTERM[bg] if bg is not None else default_bg).get_truecolor()
        if cell.style.dim:
            fg_rgb = ColorTriplet(*((f + b) // 2 for f, b in zip(fg_rgb, bg_rgb, strict=True)))
        ratio = contrast(fg_rgb, bg_rgb)
        if ratio < 4.5:
            found.append((ratio, cell))
    return found
