"""The library screen as a user meets it, driven by Pilot against real library files."""

from __future__ import annotations

import webbrowser
from pathlib import Path

import pytest
from textual.content import Content
from textual.widgets import OptionList

from conftest import make_article
from tui_fixtures import (
    SIZE,
    feed_labels,
    list_titles,
    make_app,
    sample_app,
    sample_db,
    visible_lines,
)
from tuinews.app.dialogs.confirm import ConfirmDialog
from tuinews.app.screens.library import LibraryScreen
from tuinews.app.screens.reader import ReaderScreen
from tuinews.app.widgets.article_list import ArticleList
from tuinews.app.widgets.feed_tree import FeedTree
from tuinews.config import Config
from tuinews.library import ArticleFilter, Library

SAMPLE_NEWEST_FIRST = [
    "Ålegræsset vender tilbage til Varnefjorden",
    "Eastquay by-election goes to a recount after a three-vote margin",
    "SV Hafen Aldwyn empfängt den Zweitligisten zum Pokalduell",
    "Wintermarkt am Kai: Fischer verkaufen wieder direkt vom Kutter",
    "Harbour library lends out laptops and teaches people to fix them",
    "Kragsø ferry line reopens with a new electric boat",
]


async def test_opens_on_the_sample_edition_with_feeds_and_counts(tmp_path: Path) -> None:
    app = sample_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, LibraryScreen)
        assert list_titles(app) == SAMPLE_NEWEST_FIRST
        lines = visible_lines(app.screen.query_one(ArticleList))
        assert lines[0].startswith(" ●   2026-11-22  Sample edition")
        assert "Ålegræsset vender tilbage til Varnefjorden" in lines[0]
        assert feed_labels(app) == [
            "All 6/6",
            "Unread 6",
            "Starred",
            "Saved",
            "Sample edition 6/6",
        ]
        assert app.screen.query_one(ArticleList).has_focus
        await pilot.press("q")
    assert app.return_code == 0


async def test_cursor_keys_move_through_the_list(tmp_path: Path) -> None:
    app = sample_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        articles = app.screen.query_one(ArticleList)
        await pilot.press("j", "j", "down")
        assert articles.cursor == 3
        await pilot.press("k", "up")
        assert articles.cursor == 1
        await pilot.press("G")
        assert articles.highlighted.title == SAMPLE_NEWEST_FIRST[-1]
        await pilot.press("g")
        assert articles.cursor == 0
        await pilot.press("end")
        assert articles.cursor == 5
        await pilot.press("home")
        assert articles.cursor == 0
        await pilot.press("k")
        assert articles.cursor == 0


async def test_enter_opens_the_article_and_marks_it_read(tmp_path: Path) -> None:
    app = sample_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.article.title == SAMPLE_NEWEST_FIRST[1]
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        articles = app.screen.query_one(ArticleList)
        assert articles.cursor == 1
        assert articles.highlighted.read
        assert visible_lines(articles)[1].startswith("     2026-11-19")
        assert feed_labels(app)[0] == "All 5/6"


async def test_click_selects_and_double_click_opens(tmp_path: Path) -> None:
    app = sample_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.click(ArticleList, offset=(40, 3))
        assert app.screen.query_one(ArticleList).cursor == 2
        await pilot.click(ArticleList, offset=(40, 3), times=2)
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.article.title == SAMPLE_NEWEST_FIRST[2]


async def test_tab_switches_panes_and_the_feed_choice_filters_the_list(tmp_path: Path) -> None:
    app = sample_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        feeds = app.screen.query_one(FeedTree)
        articles = app.screen.query_one(ArticleList)
        await pilot.press("s")  # star the newest
        await pilot.press("tab")
        assert feeds.has_focus
        await pilot.press("j", "j")  # Starred
        assert feeds.current.label == "Starred"
        assert list_titles(app) == SAMPLE_NEWEST_FIRST[:1]
        assert str(articles.border_title) == "Starred"
        await pilot.press("j", "j")  # the sample feed
        assert len(list_titles(app)) == 6
        await pilot.press("enter")
        assert articles.has_focus
        await pilot.press("shift+tab")
        assert feeds.has_focus


async def test_m_and_s_toggle_read_and_star_in_place(tmp_path: Path) -> None:
    db = sample_db(tmp_path)
    app = make_app(db)
    async with app.run_test(size=SIZE) as pilot:
        articles = app.screen.query_one(ArticleList)
        await pilot.press("m", "s")
        row = articles.highlighted
        assert row.read and row.starred
        assert visible_lines(articles)[0].startswith("   ★ 2026-11-22")
        await pilot.press("m")
        assert not articles.highlighted.read
    with Library.open(db) as library:
        assert library.count_articles(ArticleFilter(starred=True)) == 1
        assert library.count_articles(ArticleFilter(unread=True)) == 6


async def test_n_opens_the_next_unread_article(tmp_path: Path) -> None:
    db = sample_db(tmp_path)
    app = make_app(db)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m", "j", "m", "g")  # the two newest are read
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.article.title == SAMPLE_NEWEST_FIRST[2]
        await pilot.press("q")
        await pilot.pause()
        assert app.screen.query_one(ArticleList).cursor == 2


async def test_o_opens_the_page_in_a_browser_and_y_copies_the_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *args, **kwargs: opened.append(url))
    monkeypatch.setenv("DISPLAY", ":0")  # a desktop: the system's browser
    monkeypatch.delenv("BROWSER", raising=False)
    app = sample_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o", "y")
    url = "https://courier.example/2026/aalegraesset-vender-tilbage"
    assert opened == [url]
    assert app.clipboard == url


async def test_delete_unsubscribes_after_confirmation(tmp_path: Path) -> None:
    db = sample_db(tmp_path)
    app = make_app(db)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("delete")
        assert not isinstance(app.screen, ConfirmDialog)  # "All" is not a feed
        await pilot.press("tab", "end", "delete")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        assert list_titles(app) == SAMPLE_NEWEST_FIRST
        await pilot.press("delete")
        await pilot.press("y")
        await pilot.pause()
        assert list_titles(app) == []
        feeds = app.screen.query_one(FeedTree)
        assert [entry.label for entry in feeds.entries] == ["All", "Unread", "Starred", "Saved"]
    with Library.open(db) as library:
        assert library.feeds() == []


async def test_feeds_with_errors_are_marked(tmp_path: Path) -> None:
    db = tmp_path / "errors.db"
    with Library.open(db) as library:
        broken = library.add_feed("https://broken.example/rss", "Broken", folder="News")
        library.add_feed("https://fine.example/rss", "Fine", folder="News")
        library.record_failure(broken.id, "HTTP 500 Internal Server Error")
    app = make_app(db)
    async with app.run_test(size=SIZE) as pilot:
        assert feed_labels(app)[4:] == ["News", "  ! Broken", "  Fine"]
        await pilot.press("tab", "end", "up")
        assert str(app.screen.query_one(ArticleList).border_subtitle) == (
            "! HTTP 500 Internal Server Error"
        )


async def test_hostile_titles_are_shown_literally_and_trigger_nothing(tmp_path: Path) -> None:
    db = tmp_path / "hostile.db"
    hostile = "[@click=app.quit]x[/] \x1b[31mred\x1b[0m [b]bold"
    with Library.open(db) as library:
        feed = library.add_feed("https://evil.example/rss", hostile)
        library.store_article(make_article(hostile), feed_id=feed.id)
    app = make_app(db)
    async with app.run_test(size=SIZE) as pilot:
        shown = "[@click=app.quit]x[/] red [b]bold"
        assert shown in visible_lines(app.screen.query_one(ArticleList))[0]
        assert feed_labels(app)[4] == "[@click=app.quit]x[/… 1/1"  # truncated, literal
        await pilot.click(ArticleList, offset=(60, 0))
        await pilot.click(FeedTree, offset=(5, 5))
        await pilot.press("tab", "end")
        title = app.screen.query_one(ArticleList).border_title
        assert Content.from_markup(title).plain == shown  # escaped markup: shown as is
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert shown in app.screen.query_one("ArticleView").laid_out.lines[0].text
        await pilot.click("ArticleView", offset=(10, 0))
        await pilot.pause()
        assert app.is_running


async def test_keys_follow_the_keymap_in_config(tmp_path: Path) -> None:
    keys = {"list.down": "ctrl+n", "app.quit": "ctrl+q"}
    app = sample_app(tmp_path, Config(keys=keys))
    async with app.run_test(size=SIZE) as pilot:
        articles = app.screen.query_one(ArticleList)
        await pilot.press("ctrl+n", "ctrl+n")
        assert articles.cursor == 2
        await pilot.press("j", "q")
        assert articles.cursor == 2
        assert app.is_running
        await pilot.press("ctrl+q")
    assert app.return_code == 0


def test_feed_tree_is_an_option_list_but_the_article_list_is_not() -> None:
    assert issubclass(FeedTree, OptionList)
    assert not issubclass(ArticleList, OptionList)


async def test_unsubscribing_keeps_starred_and_saved_articles_and_says_so(tmp_path: Path) -> None:
    db = sample_db(tmp_path)
    app = make_app(db)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s", "down", "b")  # star the newest, save the next
        await pilot.pause()
        assert feed_labels(app)[2:4] == ["Starred 1/1", "Saved 1/1"]
        await pilot.press("tab", "end", "delete")
        assert isinstance(app.screen, ConfirmDialog)
        assert app.screen.question.plain == (
            "Unsubscribe from Sample edition?\n"
            "4 articles go; 2 articles starred or saved stay in Starred and Saved."
        )
        await pilot.press("y")
        await pilot.pause()
        assert list_titles(app) == SAMPLE_NEWEST_FIRST[:2]
        lines = visible_lines(app.screen.query_one(ArticleList))
        assert "(removed) Sample" in lines[0]
    with Library.open(db) as library:
        assert library.feeds() == []
        starred = library.list_articles(ArticleFilter(starred=True))
        saved = library.list_articles(ArticleFilter(saved=True))
        assert [row.title for row in starred] == SAMPLE_NEWEST_FIRST[:1]
        assert [row.title for row in saved] == SAMPLE_NEWEST_FIRST[1:2]
