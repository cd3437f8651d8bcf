"""Newsboat habits in the library, driven by Pilot against real library files."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from pytest_httpserver import HTTPServer
from textual.widgets import Checkbox, Input

from conftest import make_article
from feedkit import items, rss
from tui_fixtures import (
    SIZE,
    feed_labels,
    list_titles,
    make_app,
    notices,
    sample_app,
    visible_lines,
)
from tuinews.app.dialogs.confirm import ConfirmDialog
from tuinews.app.dialogs.edit_feed import EditFeedDialog
from tuinews.app.screens.library import LibraryScreen
from tuinews.app.screens.reader import ReaderScreen
from tuinews.app.widgets.article_list import ArticleList
from tuinews.app.widgets.feed_tree import FeedTree
from tuinews.config import AutoRefreshSettings, Config
from tuinews.library import ArticleFilter, Library


def _library(tmp_path: Path, feeds: dict[str, tuple[str | None, int, int]]) -> Path:
    """Feeds by title: (folder, articles, of which read); articles a day apart, newest first."""
    db = tmp_path / "habits.db"
    day = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)
    with Library.open(db) as library:
        for number, (title, (folder, count, read)) in enumerate(feeds.items()):
            feed = library.add_feed(f"https://{number}.example/feed.xml", title, folder)
            for n in range(count):
                stored = library.store_article(
                    make_article(
                        f"{title} story {n}",
                        url=f"https://{number}.example/{n}",
                        body=f"{title} story {n} is about the harbour.",
                        published=day + timedelta(days=n, hours=number),
                    ),
                    feed_id=feed.id,
                )
                if n < read:
                    library.set_read(stored.id)
    return db


def _unread(db: Path) -> int:
    with Library.open(db) as library:
        return library.count_articles(ArticleFilter(unread=True))


async def test_A_marks_the_whole_list_read_and_z_undoes(tmp_path: Path) -> None:
    db = _library(tmp_path, {"Harbour": (None, 3, 0), "Sport": (None, 2, 0)})
    app = make_app(db)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab", "end")  # Sport, in the feeds pane
        await pilot.press("tab", "A")
        assert _unread(db) == 3
        assert notices(app)[-1] == "Marked 2 articles read in Sport. z undoes."
        assert "Sport 0/2" in feed_labels(app) and feed_labels(app)[0] == "All 3/5"
        assert visible_lines(app.screen.query_one(ArticleList))[0].startswith("     ")  # no ●
        await pilot.press("z")
        assert _unread(db) == 5
        assert notices(app)[-1] == "2 articles in Sport unread again."
        assert "Sport 2/2" in feed_labels(app)
        await pilot.press("z")
        assert notices(app)[-1] == "Nothing to undo."
        await pilot.press("A")
        assert _unread(db) == 3
        await pilot.press("A")
        assert notices(app)[-1] == "Nothing unread in Sport."


async def test_m_in_the_feeds_pane_marks_that_feed_read_not_a_hidden_article(
    tmp_path: Path,
) -> None:
    db = _library(tmp_path, {"Harbour": (None, 3, 0), "Sport": (None, 2, 0)})
    app = make_app(db)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab", "end", "up", "m")  # Harbour highlighted in the feeds pane
        assert app.screen.query_one(FeedTree).has_focus
        assert _unread(db) == 2
        with Library.open(db) as library:
            harbour = library.find_feed("Harbour")
        assert harbour.unread == 0 and harbour.total == 3
        assert "z undoes" in notices(app)[-1]


async def test_u_shows_only_unread_and_S_cycles_the_sort(tmp_path: Path) -> None:
    db = _library(tmp_path, {"Bay": (None, 2, 1), "Alder": (None, 2, 0)})
    app = make_app(db)
    async with app.run_test(size=SIZE) as pilot:
        articles = app.screen.query_one(ArticleList)
        # newest first: day 1 of Bay (hour 0) and Alder (hour 1), then day 0
        assert list_titles(app) == [
            "Alder story 1",
            "Bay story 1",
            "Alder story 0",
            "Bay story 0",
        ]
        await pilot.press("u")
        assert list_titles(app) == ["Alder story 1", "Bay story 1", "Alder story 0"]
        assert str(articles.border_title) == "All · unread only"
        await pilot.press("S")
        assert list_titles(app) == ["Alder story 0", "Bay story 1", "Alder story 1"]
        assert notices(app)[-1] == "Sorted oldest first."
        await pilot.press("u", "S")
        assert list_titles(app) == [
            "Alder story 0",
            "Alder story 1",
            "Bay story 0",
            "Bay story 1",
        ]
        assert str(articles.border_title) == "All · by title"
        await pilot.press("S")  # by feed, newest first within a feed
        assert list_titles(app) == [
            "Alder story 1",
            "Alder story 0",
            "Bay story 1",
            "Bay story 0",
        ]
        await pilot.press("end", "S")  # newest again, the cursor stays on its article
        assert str(articles.border_title) == "All"
        assert list_titles(app)[0] == "Alder story 1"


async def test_n_at_the_end_of_a_feed_moves_on_to_the_next_feed_with_unread(
    tmp_path: Path,
) -> None:
    db = _library(tmp_path, {"Alpha": (None, 1, 0), "Beta": (None, 2, 2), "Gamma": (None, 2, 1)})
    app = make_app(db)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab", "down", "down", "down", "down", "enter")  # Alpha
        assert str(app.screen.query_one(ArticleList).border_title) == "Alpha"
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.article.title == "Alpha story 0"
        await pilot.press("n")  # Alpha has no more: Beta is all read, so Gamma
        await pilot.pause()
        assert app.screen.article.title == "Gamma story 1"
        await pilot.press("n")
        assert notices(app)[-1] == "No more unread articles in this list."
        await pilot.press("q")
        await pilot.pause()
        assert app.screen.query_one(FeedTree).current.label == "Gamma"
        await pilot.press("n")
        assert notices(app)[-1] == "No unread articles left."


async def test_e_edits_the_title_folder_and_full_text_of_a_subscription(tmp_path: Path) -> None:
    db = _library(tmp_path, {"Harbour": (None, 1, 0)})
    app = make_app(db)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        assert "Choose a feed" in notices(app)[-1]
        await pilot.press("tab", "end", "e")
        dialog = app.screen
        assert isinstance(dialog, EditFeedDialog)
        assert dialog.query_one("#title", Input).value == "Harbour"
        dialog.query_one("#title", Input).value = ""
        await pilot.press("enter")
        assert app.screen is dialog  # a title is needed
        dialog.query_one("#title", Input).value = "Harbour Courier"
        dialog.query_one("#folder", Input).value = " News / Local "
        dialog.query_one("#full-text", Checkbox).value = True
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert feed_labels(app)[4:] == ["News 1/1", "  Local 1/1", "    Harbour Courier 1/1"]
    with Library.open(db) as library:
        feed = library.find_feed("Harbour Courier")
    assert feed.folder == "News/Local" and feed.full_text


async def test_nested_folders_show_nested_and_hold_their_subfolders(tmp_path: Path) -> None:
    db = _library(
        tmp_path,
        {
            "World": ("News/World", 2, 0),
            "Loose": (None, 1, 0),
            "Local": ("News", 1, 1),
            "Cycling": ("Sport", 1, 0),
        },
    )
    app = make_app(db)
    async with app.run_test(size=SIZE) as pilot:
        assert feed_labels(app) == [
            "All 4/5",
            "Unread 4",
            "Starred",
            "Saved",
            "Loose 1/1",
            "News 2/3",
            "  Local 0/1",
            "  World 2/2",
            "    World 2/2",
            "Sport 1/1",
            "  Cycling 1/1",
        ]
        await pilot.press("tab", "down", "down", "down", "down", "down")  # News
        assert sorted(list_titles(app)) == ["Local story 0", "World story 0", "World story 1"]


async def test_delete_on_a_folder_offers_to_unsubscribe_its_feeds(tmp_path: Path) -> None:
    db = _library(tmp_path, {"A": ("News", 2, 0), "B": ("News/Sub", 1, 0), "C": (None, 1, 0)})
    app = make_app(db)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab", "down", "down", "down", "down", "down")  # News
        assert app.screen.query_one(FeedTree).current.label == "News"
        await pilot.press("delete")
        assert isinstance(app.screen, ConfirmDialog)
        question = str(app.screen.question)
        assert "the 2 feeds in News" in question and "3 articles" in question
        await pilot.press("y")
        await pilot.pause()
        assert list_titles(app) == ["C story 0"]
        assert notices(app)[-1] == "Unsubscribed from 2 feeds."
    with Library.open(db) as library:
        assert [feed.title for feed in library.feeds()] == ["C"]


async def test_empty_views_say_what_to_do(tmp_path: Path) -> None:
    app = make_app(tmp_path / "empty.db")
    async with app.run_test(size=SIZE) as pilot:
        lines = visible_lines(app.screen.query_one(ArticleList))
        assert lines[0].strip() == "No feeds yet: a adds a feed, or `tuinews import` an OPML file."
        await pilot.press("tab", "down", "down")  # Starred
        lines = visible_lines(app.screen.query_one(ArticleList))
        assert lines[0].strip() == "No starred articles yet: s stars the selected article."
    app = sample_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab", "end", "A", "u")
        lines = visible_lines(app.screen.query_one(ArticleList))
        assert lines[0].strip() == "No unread articles here: u shows the read ones too."


def _served(httpserver: HTTPServer, tmp_path: Path) -> Path:
    httpserver.expect_request("/news.xml").respond_with_data(rss("News", items(2, "News")))
    httpserver.expect_request("/down.xml").respond_with_data("no", status=404)
    db = tmp_path / "served.db"
    with Library.open(db) as library:
        library.add_feed(httpserver.url_for("/news.xml"), "News")
        library.add_feed(httpserver.url_for("/down.xml"), "Down")
        waiting = library.add_feed(httpserver.url_for("/slow.xml"), "Slow")
        assert waiting.id is not None
        library.record_failure(
            waiting.id,
            "HTTP 503",
            status=503,
            next_fetch_after=datetime.now(UTC) + timedelta(hours=1),
        )
    return db


async def test_r_on_All_refreshes_every_feed_and_names_failing_and_skipped_feeds(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    app = make_app(_served(httpserver, tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        summary = notices(app)[-1].splitlines()
        assert summary[0] == (
            "New articles: 2 feeds refreshed, 2 new articles, 1 failed, 1 waiting to retry."
        )
        assert summary[1] == "Down: HTTP 404 NOT FOUND"
        assert summary[2].startswith("Slow: skipped, not retried before ")
        assert summary[2].endswith("(HTTP 503)")
        assert sorted(list_titles(app)) == ["News 0", "News 1"]
    assert sorted(request.path for request, _ in httpserver.log) == ["/down.xml", "/news.xml"]


async def test_refresh_on_start_announces_the_new_articles(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/news.xml").respond_with_data(rss("News", items(3, "News")))
    db = tmp_path / "start.db"
    with Library.open(db) as library:
        library.add_feed(httpserver.url_for("/news.xml"), "News")
    app = make_app(db, Config(auto_refresh=AutoRefreshSettings(on_start=True)))
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(list_titles(app)) == 3
        assert notices(app)[-1] == "New articles: 1 feed refreshed, 3 new articles."


async def test_an_interval_refreshes_again_and_stays_quiet_when_nothing_is_new(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/news.xml").respond_with_data(rss("News", items(1, "News")))
    db = tmp_path / "timed.db"
    with Library.open(db) as library:
        library.add_feed(httpserver.url_for("/news.xml"), "News")
    app = make_app(db, Config(auto_refresh=AutoRefreshSettings(interval=0.2)))
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(200):  # a bounded wait for two timed refreshes
            if len(httpserver.log) >= 2 and not app.refreshing:
                break
            await pilot.pause(0.05)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(httpserver.log) >= 2
        assert list_titles(app) == ["News 0"]
        # The first brought a story and said so; the ones after brought nothing and did not.
        announced = [n for n in notices(app) if "refreshed" in n]
        assert announced == ["New articles: 1 feed refreshed, 1 new article."]


async def test_the_new_keys_follow_the_keymap_in_config(tmp_path: Path) -> None:
    db = _library(tmp_path, {"Harbour": (None, 2, 0)})
    app = make_app(db, Config(keys={"library.mark_all_read": "ctrl+a", "library.sort": "o"}))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("A")
        assert _unread(db) == 2
        await pilot.press("ctrl+a")
        assert _unread(db) == 0
        await pilot.press("o")
        assert notices(app)[-1] == "Sorted oldest first."


async def test_articles_stored_by_another_process_show_up_with_their_counts(
    tmp_path: Path,
) -> None:
    db = _library(tmp_path, {"Harbour": (None, 1, 0)})
    app = make_app(db)
    async with app.run_test(size=SIZE) as pilot:
        assert feed_labels(app)[0] == "All 1/1"
        with Library.open(db) as library:  # as `tuinews import` would, from outside
            library.store_article(make_article("Imported", url="https://x.example/i"), saved=True)
        for _ in range(100):  # the library looks every couple of seconds: a bounded wait
            if "Imported" in list_titles(app):
                break
            await pilot.pause(0.1)
        assert "Imported" in list_titles(app)
        assert feed_labels(app)[0] == "All 2/2" and feed_labels(app)[3] == "Saved 1/1"
