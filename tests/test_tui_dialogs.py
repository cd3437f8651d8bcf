"""Dialogs: search, add feed, help from the live bindings, and the command palette."""

from __future__ import annotations

from pathlib import Path

from pytest_httpserver import HTTPServer
from textual.command import CommandPalette
from textual.widgets import Input, Static

from feedkit import items, rss
from tui_fixtures import SIZE, list_titles, make_app, sample_app, sample_db, visible_lines
from tuinews.app.dialogs.add_feed import AddFeedDialog
from tuinews.app.dialogs.help import HelpDialog, key_rows
from tuinews.app.dialogs.search import SearchDialog
from tuinews.app.screens.library import LibraryScreen
from tuinews.app.screens.reader import ReaderScreen
from tuinews.app.widgets.article_list import ArticleList
from tuinews.app.widgets.feed_tree import FeedTree
from tuinews.config import Config
from tuinews.library import ArticleFilter, Library


async def test_search_lists_matches_and_opens_the_chosen_one(tmp_path: Path) -> None:
    app = sample_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        assert isinstance(app.screen, SearchDialog)
        await pilot.press(*"ferry")
        await app.workers.wait_for_complete()
        await pilot.pause()
        results = app.screen.query_one(ArticleList)
        titles = [results.rows.get(i).title for i in range(len(results.rows))]
        assert titles[0] == "Kragsø ferry line reopens with a new electric boat"
        assert "ferry" in str(app.screen.query_one("#snippet", Static).render()).lower()
        await pilot.press("enter")
        assert results.has_focus
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.article.title == titles[0]
        await pilot.press("q", "slash", *"zzqqxx")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert str(app.screen.query_one("#search-count").render()) == "Nothing found"
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)


async def test_add_feed_shows_errors_inline_and_subscribes(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/missing.xml").respond_with_data("no", status=404)
    httpserver.expect_request("/feed.xml").respond_with_data(
        rss("Harbour Radio", items(3, "Radio")), content_type="application/rss+xml"
    )
    db = sample_db(tmp_path)
    app = make_app(db)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        dialog = app.screen
        assert isinstance(dialog, AddFeedDialog)
        await pilot.press("enter")
        error = dialog.query_one("#error", Static)
        assert "Enter the address" in str(error.render())
        dialog.query_one("#url", Input).value = httpserver.url_for("/missing.xml")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is dialog and error.display
        assert "404" in str(error.render())
        dialog.query_one("#url", Input).value = httpserver.url_for("/feed.xml")
        dialog.query_one("#folder", Input).value = "Radio"
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        feeds = app.screen.query_one(FeedTree)
        assert feeds.current.label == "Harbour Radio"
        assert [entry.label for entry in feeds.entries][-2:] == ["Radio", "Harbour Radio"]
        assert sorted(list_titles(app)) == ["Radio 0", "Radio 1", "Radio 2"]
    with Library.open(db) as library:
        assert library.count_articles(ArticleFilter(folder="Radio")) == 3


async def test_add_feed_finds_the_feed_a_web_page_names(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/").respond_with_data(
        '<html><head><link rel="alternate" type="application/rss+xml" href="/rss"></head>'
        "<body><p>The Harbour Courier</p></body></html>",
        content_type="text/html",
    )
    httpserver.expect_request("/rss").respond_with_data(
        rss("Harbour Courier", items(2, "Courier")), content_type="application/rss+xml"
    )
    app = make_app(sample_db(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        app.screen.query_one("#url", Input).value = httpserver.url_for("/")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert app.screen.query_one(FeedTree).current.feed.url == httpserver.url_for("/rss")
        assert sorted(list_titles(app)) == ["Courier 0", "Courier 1"]


async def test_add_feed_takes_an_address_without_a_scheme_trying_https_then_http(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/news.xml").respond_with_data(rss("News", items(2, "News")))
    typed = f"127.0.0.1:{httpserver.port}/news.xml"
    app = make_app(sample_db(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", *typed, "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)  # subscribed: the dialog closed
        assert app.screen.query_one(FeedTree).current.feed.url == f"http://{typed}"


async def test_escape_closes_add_feed_without_subscribing(tmp_path: Path) -> None:
    db = sample_db(tmp_path)
    app = make_app(db)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", *"https://x.example/feed", "escape")
        assert isinstance(app.screen, LibraryScreen)
    with Library.open(db) as library:
        assert len(library.feeds()) == 1


async def test_help_lists_the_live_bindings_of_each_screen(tmp_path: Path) -> None:
    app = sample_app(tmp_path, Config(keys={"library.search": "f"}))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpDialog)
        rows = {description: keys for keys, description, _ in app.screen.rows}
        assert rows["Search"] == "f"  # remapped in config: the help says so
        assert rows["Refresh all"] == "R" and rows["Quit"] == "^q q"
        assert rows["Down"] == "j ↓" and rows["Open"] == "⏎"
        assert rows["Unsubscribe"] == "del"
        assert rows["Mark all read"] == "A" and rows["Undo"] == "z"
        assert rows["Unread only"] == "u" and rows["Sort"] == "S" and rows["Edit feed"] == "e"
        await pilot.press("escape", "enter")
        await pilot.pause()
        reader_rows = {description: keys for keys, description, _ in key_rows(app.screen)}
        assert reader_rows["Back"] == "⌫ alt+←"
        assert reader_rows["Follow link"] == "1"  # this story has one also-read link
        assert reader_rows["Links"] == "L" and reader_rows["Full text"] == "F"
        assert reader_rows["Library"] == "q esc"
        assert "Refresh all" not in reader_rows
        await pilot.press("question_mark")
        assert app.screen.title_text == "Reader"
        await pilot.press("question_mark")
        assert isinstance(app.screen, ReaderScreen)


async def test_command_palette_runs_any_action_by_name(tmp_path: Path) -> None:
    db = sample_db(tmp_path)
    app = make_app(db)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"star or unstar")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert isinstance(app.screen, LibraryScreen)
        assert visible_lines(app.screen.query_one(ArticleList))[0].startswith(" ● ★")
    with Library.open(db) as library:
        assert library.count_articles(ArticleFilter(starred=True)) == 1
