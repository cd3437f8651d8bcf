"""Every theme readable: contrast measured on the cells the library and reader screens draw.

The library with the cursor on a starred, read row and the reader on the ferry story's
second section (heading, quotations, a figure, a link card, the panes) are rendered in each
theme; each text cell's colour is compared with the colour under it (tests/contrast.py).
WCAG AA asks 4.5:1 of body text: 98% of the cells must reach it and none may fall under
3:1. In 16 colours (the ANSI themes, and any theme on a TERM=xterm terminal, where colours
come down to the nearest of the 16) no text may be a grey on a grey.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from contrast import grey_on_grey, text_contrasts
from pytest_httpserver import HTTPServer
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widgets import LoadingIndicator
from werkzeug import Request, Response

from conftest import make_article
from tui_fixtures import SIZE, make_app, open_reader, sample_app, sample_db
from tuinews.app import TuinewsApp
from tuinews.config import Config
from tuinews.library import Library

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


FERRY = "Kragsø ferry line reopens"


@dataclass(frozen=True)
class Window:
    """How a user opens a window: `keys` (after opening `story`), then `then` once the
    workers are done; `shows` selects what is measured, `expect` what must be shown."""

    keys: tuple[str, ...]
    shows: str = ".dialog"
    story: str | None = None
    then: tuple[str, ...] = ()
    expect: str | None = None
    wait: bool = True


WINDOWS = {
    "help, library": Window(("question_mark",)),
    "help, reader": Window(("question_mark",), story=FERRY),
    # The results, their cursor row and a snippet.
    "search": Window(("slash", *"harbour"), then=("down",)),
    "add feed, after an error": Window(("a", "{server}/missing", "enter"), expect="#error"),
    "add feed, several feeds offered": Window(("a", "{server}/page", "enter"), expect="#choices"),
    "edit feed": Window(("tab", "G", "e")),
    "unsubscribe": Window(("tab", "G", "delete")),
    "links": Window(("L",), story=FERRY),
    "command palette": Window(("ctrl+p", *"mark"), shows="CommandInput, CommandList"),
    # "Unread articles only." (information), "Choose a feed … to edit." (a warning), and
    # an error, as a failing feed gives.
    "notices": Window(("u", "e"), shows="Toast"),
    "loading a link": Window(
        ("1",),
        shows="Header, #reader, KeyFooter",
        story="A story with a slow link",
        wait=False,
    ),
}


async def _open(app: TuinewsApp, pilot: Pilot[None], window: Window, server: str) -> list[Region]:
    if window.story:
        await open_reader(app, pilot, window.story)
    for key in window.keys:  # an address is typed
        await pilot.press(*(key.format(server=server) if "{" in key else [key]))
    if window.wait:
        await app.workers.wait_for_complete()
    await pilot.press(*window.then)
    if window.shows == "Toast":
        app.notify("HTTP 404 Not Found", title="Could not refresh News", severity="error")
    for _ in range(10):  # the command palette searches its providers in workers
        await pilot.pause(0.02)
    if window.expect:
        assert app.screen.query_one(window.expect).display
    regions = [widget.region for widget in app.screen.query(window.shows)]
    assert regions, f"{window.shows} is shown"
    return regions


@pytest.fixture
def server(httpserver: HTTPServer) -> Iterator[str]:
    """A page naming two feeds, and a link that keeps the reader loading until the end."""
    release = threading.Event()
    httpserver.expect_request("/page").respond_with_data(
        '<html><head><link rel="alternate" type="application/rss+xml" href="/news.rss"'
        ' title="News"><link rel="alternate" type="application/atom+xml" href="/sport.atom"'
        ' title="Sport"></head><body><p>The Harbour Courier</p></body></html>',
        content_type="text/html",
    )

    def slow(request: Request) -> Response:
        release.wait(30)
        return Response("late", content_type="text/plain")

    httpserver.expect_request("/slow").respond_with_handler(slow)
    yield httpserver.url_for("").rstrip("/")
    release.set()


@pytest.mark.parametrize("window", list(WINDOWS))
@pytest.mark.parametrize("theme", THEMES)
async def test_every_dialog_and_notice_has_contrast_in_every_theme(
    tmp_path: Path, server: str, theme: str, window: str
) -> None:
    db = sample_db(tmp_path)
    with Library.open(db) as library:
        slow = [("The slow story", f"{server}/slow")]
        library.store_article(make_article("A story with a slow link", also_read=slow))
    app = make_app(db, Config(theme=theme))
    async with app.run_test(size=SIZE, notifications=window == "notices") as pilot:
        await pilot.pause()
        regions = await _open(app, pilot, WINDOWS[window], server)
        await pilot.pause()
        # A loading indicator (it covers the widget that is loading, outside the DOM) fades
        # its dots in and out on purpose: an animation, not text.
        spinners = [
            region
            for widget, (region, _) in app.screen._compositor.visible_widgets.items()
            if isinstance(widget, LoadingIndicator)
        ]
        cells = [
            ratio
            for ratio, cell in text_contrasts(app)
            if any(region.contains(cell.x, cell.y) for region in regions)
            and not any(spinner.contains(cell.x, cell.y) for spinner in spinners)
        ]
        if window == "loading a link":
            await pilot.press("escape")
    assert len(cells) > 20
    low = [ratio for ratio in cells if ratio < 4.5]
    assert [round(ratio, 2) for ratio in cells if ratio < 3] == []
    assert len(low) / len(cells) <= 0.02, f"{len(low)} of {len(cells)} under 4.5:1"
