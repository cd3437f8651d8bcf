"""80x24 usable: the feeds pane folds away, titles keep their room, help and dialogs fit.

Sizes are a user's terminals: 80x24 (the smallest anyone should be asked to use), 100x30
and 120x40. What is asserted is what shows: widgets' regions on the screen, the widget
under a point, the text of rendered rows.
"""

from __future__ import annotations

from pathlib import Path

from contrast import screen_cells
from pytest_httpserver import HTTPServer
from textual.app import App
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Button, Input, Static

from tui_fixtures import SIZE, make_app, open_reader, sample_app, sample_db, visible_lines
from tuinews.app.dialogs.add_feed import AddFeedDialog
from tuinews.app.dialogs.help import HelpDialog
from tuinews.app.screens.library import LibraryScreen
from tuinews.app.widgets.article_list import ArticleList, columns_for
from tuinews.app.widgets.feed_tree import FeedTree
from tuinews.app.widgets.key_footer import KeyFooter

SMALL = (80, 24)


def _shows(app: App[None], widget: Widget) -> bool:
    """The widget is on screen: what is drawn at the middle of its region is it."""
    region = widget.region
    if not region or region.right > app.size.width or region.bottom > app.size.height:
        return False
    under, _ = app.screen.get_widget_at(*region.center)
    return under is widget or widget in under.ancestors


def _title_cells(app: App[None]) -> int:
    """How many cells the list gives a title: from where the title starts to the row's end."""
    articles = app.screen.query_one(ArticleList)
    row = articles.rows.get(0)
    assert row is not None
    line = visible_lines(articles)[0]
    return articles.scrollable_content_region.width - line.index(row.title[:8])


async def _start_and_toggle(db: Path, size: tuple[int, int]) -> bool:
    """Start tuinews, say whether the feeds pane shows, and press `\\` once."""
    app = make_app(db)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        feeds = app.screen.query_one(FeedTree)
        shown = _shows(app, feeds)
        await pilot.press("backslash")
        assert _shows(app, feeds) is not shown
        assert feeds.has_focus is not shown
    return shown


async def test_feeds_pane_folds_away_at_80_columns_and_backslash_brings_it_back(
    tmp_path: Path,
) -> None:
    db = sample_db(tmp_path)
    app = make_app(db)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert not app.screen.query_one(FeedTree).display
        assert app.screen.query_one(ArticleList).has_focus
        assert _title_cells(app) >= 40
    # Each width remembers its own choice from one start to the next.
    assert await _start_and_toggle(db, SMALL) is False
    assert await _start_and_toggle(db, SMALL) is True
    assert await _start_and_toggle(db, SIZE) is True
    assert await _start_and_toggle(db, SIZE) is False
    assert await _start_and_toggle(db, SMALL) is False


async def test_tab_shows_a_folded_feeds_pane_while_it_has_the_focus(tmp_path: Path) -> None:
    app = sample_app(tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        feeds = app.screen.query_one(FeedTree)
        await pilot.press("tab")
        assert _shows(app, feeds) and feeds.has_focus
        # Even with the pane open the list keeps 40 cells for the title.
        assert _title_cells(app) >= 40
        await pilot.press("G", "enter")  # the sample feed: its articles, the pane folds
        await pilot.pause()
        assert not feeds.display and app.screen.query_one(ArticleList).has_focus
        assert str(app.screen.query_one(ArticleList).border_title) == "Sample edition"


def test_the_title_keeps_40_cells_and_the_other_columns_give_way() -> None:
    wide, at_80, narrow = columns_for(115), columns_for(77), columns_for(45)
    assert (wide.date_width, wide.feed_width) == (10, 18)
    assert 77 - 5 - at_80.date_width - at_80.feed_width - 4 >= 40
    assert (narrow.date_width, narrow.feed_width) == (0, 0)
    for width in range(45, 200):
        columns = columns_for(width)
        gaps = 2 * bool(columns.date_width) + 2 * bool(columns.feed_width)
        assert width - 5 - columns.date_width - columns.feed_width - gaps >= 40


async def test_footer_keeps_help_at_80_columns(tmp_path: Path) -> None:
    app = sample_app(tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        for keys in ([], ["enter"]):
            await pilot.press(*keys)
            await pilot.pause()
            footer = app.screen.query_one(KeyFooter)
            help_key = next(key for key in footer.children if getattr(key, "action", "") == "help")
            assert _shows(app, help_key)


async def test_footer_shows_only_whole_keys_at_80_columns(tmp_path: Path) -> None:
    app = sample_app(tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        for keys in ([], ["enter"], ["tab"]):
            await pilot.press(*keys)
            await pilot.pause()
            footer_row = _screen_rows(app)[SMALL[1] - 1]
            footer = app.screen.query_one(KeyFooter)
            for key in footer.children:
                description = getattr(key, "description", "")
                assert f"{getattr(key, 'key_display', '')} {description}" in footer_row
            assert footer_row.rstrip().endswith("^p Commands")


def _screen_rows(app: App[None]) -> dict[int, str]:
    rows: dict[int, str] = {}
    for cell in screen_cells(app):
        rows[cell.y] = rows.get(cell.y, "") + cell.char
    return rows


async def test_help_fits_and_scrolls_to_its_last_line_at_80x24(tmp_path: Path) -> None:
    app = sample_app(tmp_path)
    for size, keys in ((SMALL, []), (SMALL, ["enter"]), ((100, 30), ["enter"])):
        app = sample_app(tmp_path / f"{size[0]}-{len(keys)}")
        async with app.run_test(size=size) as pilot:
            await pilot.press(*keys, "question_mark")
            await pilot.pause()
            dialog = app.screen
            assert isinstance(dialog, HelpDialog)
            box = dialog.query_one("#help", VerticalScroll)
            assert box.region.width <= 80
            assert box.region.bottom <= size[1] and box.region.right <= size[0]
            hint = dialog.query_one(".dialog-hint")
            assert _shows(app, hint)
            if size == SMALL:
                assert box.max_scroll_y > 0  # more keys than rows: it scrolls
            await pilot.press("end")
            await pilot.pause()
            assert box.scroll_y == box.max_scroll_y
            await pilot.press("k")
            assert box.scroll_y == max(0, box.max_scroll_y - 1)
            await pilot.press("j")
            assert box.scroll_y == box.max_scroll_y
            assert _shows(app, hint)
            # Rows scrolled under the docked title and hint never show through beside them.
            rows = {y: row[box.region.x : box.region.right] for y, row in _screen_rows(app).items()}
            for docked in (hint, dialog.query_one(".dialog-title")):
                around = range(docked.region.y, docked.region.bottom)
                assert [rows[y].strip(" │") for y in around if rows[y].strip(" │")] == [
                    str(docked.render()).strip()
                ]


async def test_dialogs_are_at_most_80_columns_wide(tmp_path: Path) -> None:
    app = sample_app(tmp_path)
    async with app.run_test(size=(200, 60)) as pilot:
        for key in ("question_mark", "slash", "a"):
            await pilot.press(key)
            await pilot.pause()
            dialog = app.screen.query_one(".dialog")
            assert 40 <= dialog.region.width <= 80
            await pilot.press("escape")
        await pilot.press("tab", "G", "delete")
        await pilot.pause()
        assert app.screen.query_one(".dialog").region.width <= 80


async def test_add_feed_keeps_its_buttons_after_a_long_error_at_80x24(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/gone.xml").respond_with_data("gone", status=404)
    app = sample_app(tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("a")
        dialog = app.screen
        assert isinstance(dialog, AddFeedDialog)
        url = httpserver.url_for("/gone.xml?" + "x" * 150)
        dialog.query_one("#url", Input).value = url
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        error = dialog.query_one("#error", Static)
        assert error.display and "404" in str(error.render())
        assert error.region.height >= 3  # a long error, several lines of it
        for button in dialog.query(Button):
            assert _shows(app, button)
        await pilot.click("#cancel")
        assert isinstance(app.screen, LibraryScreen)


async def test_reader_at_80_columns_gives_the_text_the_width(tmp_path: Path) -> None:
    app = sample_app(tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        reader = await open_reader(app, pilot, "Kragsø")
        body = reader.query_one("#body")
        assert body.region.width == 80
        assert not reader.query_one("#outline").display
        await pilot.press("p")
        assert _shows(app, reader.query_one("#sections"))
