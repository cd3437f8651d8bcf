"""Every theme readable: contrast measured on the cells the library and reader screens draw.

The library with the cursor on a starred, read row and the reader on the ferry story's
second section (heading, quotations, a figure, a link card, the panes) are rendered in each
theme; each text cell's colour is compared with the colour under it (tests/contrast.py).
WCAG AA asks 4.5:1 of body text: 98% of the cells must reach it and none may fall under
3:1. In 16 colours (the ANSI themes, and any theme on a TERM=xterm terminal, where colours
come down to the nearest of the 16) no text may be a grey on a grey.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from contrast import grey_on_grey, text_contrasts
from textual.pilot import Pilot
from textual.widgets import Checkbox

from tui_fixtures import SIZE, sample_app
from tuinews.app import TuinewsApp
from tuinews.config import Config

THEMES = [
    "textual-dark",
    "textual-light",
    "nord",
    "gruvbox",
    "catppuccin-latte",
    "solarized-light",
]
SCREENS = {
    # The cursor on the second row, starred then left: a read row, a star, the feeds pane.
    "library": ["j", "s", "m"],
    # The ferry story's second section, and the Quotes pane focused so its cursor shows.
    "reader": ["G", "enter", "right_square_bracket", "tab", "tab"],
    # The Feeds pane focused, its cursor on the first feed.
    "feeds": ["tab", "G"],
    # The eelgrass story's last section, which holds a block quote.
    "block quote": ["enter", "right_square_bracket", "right_square_bracket"],
}


async def _shown(app: TuinewsApp, pilot: Pilot[None], keys: list[str]) -> None:
    await pilot.pause()
    for key in keys:
        await pilot.press(key)
    await pilot.pause()


@pytest.mark.parametrize("screen", sorted(SCREENS))
@pytest.mark.parametrize("theme", THEMES)
async def test_text_has_contrast_in_every_theme(tmp_path: Path, theme: str, screen: str) -> None:
    app = sample_app(tmp_path, Config(theme=theme))
    async with app.run_test(size=SIZE) as pilot:
        await _shown(app, pilot, SCREENS[screen])
        assert app.theme == theme
        cells = text_contrasts(app)
    assert len(cells) > 300, "the screen shows text"
    low = [cell for ratio, cell in cells if ratio < 4.5]
    unreadable = [(round(ratio, 2), cell.char, cell.y) for ratio, cell in cells if ratio < 3]
    assert unreadable == []
    assert len(low) / len(cells) <= 0.02, (
        f"{len(low)} of {len(cells)} cells under 4.5:1, on rows {sorted({c.y for c in low})}"
    )


@pytest.mark.parametrize(
    ("theme", "term", "shown"),
    [
        ("ansi-dark", None, "ansi-dark"),
        ("ansi-light", None, "ansi-light"),
        # A 16-colour terminal: a true-colour theme gives way to the ANSI one of its kind.
        ("textual-dark", "xterm", "ansi-dark"),
        ("textual-light", "xterm", "ansi-light"),
        ("solarized-light", "xterm", "ansi-light"),
    ],
)
@pytest.mark.parametrize("screen", sorted(SCREENS))
async def test_no_grey_on_grey_in_sixteen_colours(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    theme: str,
    term: str | None,
    shown: str,
    screen: str,
) -> None:
    if term:
        monkeypatch.setenv("TERM", term)
        monkeypatch.delenv("COLORTERM", raising=False)
    app = sample_app(tmp_path, Config(theme=theme))
    async with app.run_test(size=SIZE) as pilot:
        await _shown(app, pilot, SCREENS[screen])
        assert app.theme == shown
        assert grey_on_grey(app, dark=shown == "ansi-dark") == []


async def test_a_quotation_stands_out_from_the_body(tmp_path: Path) -> None:
    """Our lead feature: quoted words in a colour of their own, not the body's."""
    for theme in THEMES:
        app = sample_app(tmp_path, Config(theme=theme))
        async with app.run_test(size=SIZE) as pilot:
            await _shown(app, pilot, SCREENS["reader"][:3])
            cells = text_contrasts(app)
        text = "".join(cell.char for _, cell in cells)
        quote = text.index("“Onacalmday")
        body = text.index("saidcaptain")
        quote_colours = {cells[quote + i][1].style.color for i in range(10)}
        body_colours = {cells[body + i][1].style.color for i in range(11)}
        assert len(quote_colours) == len(body_colours) == 1
        assert quote_colours != body_colours, theme


async def test_a_block_quote_is_set_apart_by_a_bar_colour_and_italics(tmp_path: Path) -> None:
    for theme in THEMES:
        app = sample_app(tmp_path, Config(theme=theme))
        async with app.run_test(size=SIZE) as pilot:
            await _shown(app, pilot, SCREENS["block quote"])
            body_x = app.screen.query_one("#body").region.x
            cells = [(ratio, cell) for ratio, cell in text_contrasts(app) if cell.x >= body_x]
        text = "".join(cell.char for _, cell in cells)
        quoted = cells[text.index("Ålegræssetkanklaremeget")][1]
        body = cells[text.index("Menglædenerikke")][1]
        assert quoted.style.italic and not body.style.italic, theme
        assert quoted.style.color != body.style.color, theme


async def test_switching_theme_while_reading_recolours_every_part(tmp_path: Path) -> None:
    """ctrl+p → theme: the reader, its panes and the library beneath take the new colours."""
    app = sample_app(tmp_path, Config(theme="textual-dark"))
    async with app.run_test(size=SIZE) as pilot:
        await _shown(app, pilot, SCREENS["reader"])
        app.theme = "textual-light"
        await pilot.pause()
        await pilot.pause()
        reader = text_contrasts(app)
        await pilot.press("q", "tab")
        await pilot.pause()
        library = text_contrasts(app)
    for cells in (reader, library):
        assert len(cells) > 300
        assert [ratio for ratio, _ in cells if ratio < 4.5] == []


DIALOGS = {
    "help": ["question_mark"],
    "search": ["slash", *"harbour"],
    "add feed, after an error": ["a", "enter"],
}


@pytest.mark.parametrize("dialog", sorted(DIALOGS))
@pytest.mark.parametrize("theme", THEMES)
async def test_dialogs_have_contrast_in_every_theme(
    tmp_path: Path, theme: str, dialog: str
) -> None:
    app = sample_app(tmp_path, Config(theme=theme))
    async with app.run_test(size=SIZE) as pilot:
        await _shown(app, pilot, DIALOGS[dialog])
        await pilot.pause()
        box = app.screen.query_one(".dialog").region
        # An unchecked checkbox draws its X faintly on purpose: that is how "off" looks.
        checkboxes = [checkbox.region for checkbox in app.screen.query(Checkbox)]
        cells = [
            ratio
            for ratio, cell in text_contrasts(app)
            if box.contains(cell.x, cell.y)
            and not (cell.char == "X" and any(r.contains(cell.x, cell.y) for r in checkboxes))
        ]
    assert len(cells) > 100
    assert [ratio for ratio in cells if ratio < 4.5] == []
