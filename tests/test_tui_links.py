"""Following also-read links: from the library, over real HTTP, cancelled, or suggested."""

from __future__ import annotations

import threading
from pathlib import Path

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from conftest import make_article
from tui_fixtures import SIZE, body_text, make_app, notices, open_reader, prompts, sample_db
from tuinews.app.screens.reader import ReaderScreen
from tuinews.app.widgets.article_view import ArticleView
from tuinews.app.widgets.outline import AlsoReadPane
from tuinews.extract.article import from_text
from tuinews.library import Library

FIXTURES = Path(__file__).parent / "fixtures"


def _page(title: str, body: str) -> str:
    return (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        f"{body}</article></body></html>"
    )


def _source_library(tmp_path: Path, httpserver: HTTPServer, *paths: str) -> Path:
    db = tmp_path / "links.db"
    links = [(f"Linked story {n}", httpserver.url_for(path)) for n, path in enumerate(paths, 1)]
    with Library.open(db) as library:
        library.store_article(make_article("The source story", also_read=links))
    return db


async def test_a_link_not_in_the_library_is_fetched_stored_and_opened(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/2026/target").respond_with_data(
        _page("The target story", "<p>" + "A story worth linking to, with words. " * 5 + "</p>"),
        content_type="text/html; charset=utf-8",
    )
    db = _source_library(tmp_path, httpserver, "/2026/target")
    app = make_app(db)
    async with app.run_test(size=SIZE) as pilot:
        reader = await open_reader(app, pilot, "The source story")
        assert prompts(reader.query_one(AlsoReadPane)) == ["1 Linked story 1"]
        await pilot.press("1")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not reader.query_one(ArticleView).loading
        assert reader.article.title == "The target story"
        assert "A story worth linking to" in "\n".join(body_text(reader))
        with Library.open(db) as library:
            assert library.find_by_url(httpserver.url_for("/2026/target")) == reader.article.id
        await pilot.press("backspace")
        assert reader.article.title == "The source story"
        assert prompts(reader.query_one(AlsoReadPane)) == ["1 Linked story 1  ✓"]
        requests = len(httpserver.log)
        await pilot.press("1")  # now stored: opened from the library, no request
        assert reader.article.title == "The target story"
        assert len(httpserver.log) == requests


async def test_a_broken_link_is_reported_and_the_reader_stays(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/gone").respond_with_data("no", status=404)
    db = _source_library(tmp_path, httpserver, "/gone")
    app = make_app(db)
    async with app.run_test(size=SIZE) as pilot:
        reader = await open_reader(app, pilot, "The source story")
        await pilot.press("1")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert reader.article.title == "The source story"
        assert not reader.query_one(ArticleView).loading
        assert any("HTTP 404" in notice for notice in notices(app))


async def test_escape_cancels_a_slow_link_and_keeps_the_article(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    release = threading.Event()

    def slow(request: Request) -> Response:
        release.wait(10)
        return Response(
            _page("Too late", "<p>" + "Slow words here. " * 10 + "</p>"), content_type="text/html"
        )

    httpserver.expect_request("/slow").respond_with_handler(slow)
    db = _source_library(tmp_path, httpserver, "/slow")
    url = httpserver.url_for("/slow")
    app = make_app(db)
    async with app.run_test(size=SIZE) as pilot:
        reader = await open_reader(app, pilot, "The source story")
        await pilot.press("1")
        assert reader.query_one(ArticleView).loading
        assert reader.sub_title == f"Loading {url} … (Esc cancels)"
        await pilot.press("escape")
        assert not reader.query_one(ArticleView).loading
        assert not reader.sub_title.startswith("Loading")
        assert app.screen is reader  # Escape stopped the load; it did not leave the reader
        release.set()
        # The page still arrives and is stored (following the link again is then instant),
        # but the reader no longer moves to it.
        for _ in range(200):
            with Library.open(db) as library:
                if library.find_by_url(url) is not None:
                    break
            await pilot.pause(0.05)
        else:
            raise AssertionError("the page was never stored")
        await pilot.pause(0.2)
        assert reader.article.title == "The source story"
        assert len(reader.history) == 1


async def test_a_marker_without_a_link_suggests_related_stories(tmp_path: Path) -> None:
    db = sample_db(tmp_path)
    with Library.open(db) as library:
        capture = from_text((FIXTURES / "capture_en.txt").read_text(encoding="utf-8"))
        library.store_article(capture, saved=True)
        library.store_article(
            make_article(
                "Cup parade for the local club on Sunday",
                url="https://news.example/parade",
                body="The club that won the cup final will parade through town.",
            )
        )
    app = make_app(db)
    async with app.run_test(size=SIZE) as pilot:
        reader = await open_reader(app, pilot, "Local club wins cup")
        await app.workers.wait_for_complete()
        await pilot.pause()
        pane = reader.query_one(AlsoReadPane)
        shown = prompts(pane)
        assert shown[:3] == [
            "Also read (link not kept)",
            "  related in your library:",
            "  1 ↳ Cup parade for the\n      local club on Sunday",  # best match first, indented
        ]
        assert len(shown) <= 5  # three suggestions at most
        assert "│   1 ↳ Cup parade for the local club on Sunday" in "\n".join(body_text(reader))
        await pilot.press("tab", "tab", "tab")
        assert pane.has_focus and pane.highlighted == 2
        await pilot.press("enter")
        assert isinstance(app.screen, ReaderScreen)
        assert reader.article.title == "Cup parade for the local club on Sunday"
        await pilot.press("backspace")
        await pilot.pause()
        assert reader.article.title.startswith("Local club wins cup")
        await pilot.press("1")  # the suggestion's number follows it too
        await pilot.pause()
        assert reader.article.title == "Cup parade for the local club on Sunday"
