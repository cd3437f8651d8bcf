"""Refresh from the UI: progress above the footer, lists growing, errors as notifications."""

from __future__ import annotations

from pathlib import Path

from pytest_httpserver import HTTPServer
from textual.widgets import Footer, Label, ProgressBar

from feedkit import items, rss
from tui_fixtures import (
    SIZE,
    feed_labels,
    list_titles,
    make_app,
    notices,
    open_reader,
    prompts,
    sample_app,
)
from tuinews.app.widgets.feed_tree import FeedTree
from tuinews.app.widgets.outline import QuotesPane
from tuinews.app.widgets.refresh_bar import RefreshBar, RefreshStatus
from tuinews.library import Library


def _feeds(tmp_path: Path, httpserver: HTTPServer) -> Path:
    httpserver.expect_request("/news.xml").respond_with_data(rss("News", items(4, "News")))
    httpserver.expect_request("/sport.xml").respond_with_data(rss("Sport", items(2, "Sport")))
    httpserver.expect_request("/broken.xml").respond_with_data("gone away", status=500)
    db = tmp_path / "refresh.db"
    with Library.open(db) as library:
        library.add_feed(httpserver.url_for("/news.xml"), "News")
        library.add_feed(httpserver.url_for("/sport.xml"), "Sport", folder="Games")
        library.add_feed(httpserver.url_for("/broken.xml"), "Broken")
    return db


async def test_R_refreshes_every_feed_with_progress_and_reports_errors(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    app = make_app(_feeds(tmp_path, httpserver))
    async with app.run_test(size=SIZE) as pilot:
        bar = app.screen.query_one(RefreshBar)
        statuses: list[RefreshStatus | None] = []
        shown: list[bool] = []

        def record(status: RefreshStatus | None) -> None:
            statuses.append(status)
            shown.append(bar.display)

        app.watch(app, "refresh_status", record, init=False)
        assert list_titles(app) == []
        await pilot.press("R")
        await app.workers.wait_for_complete()
        await pilot.pause()
        progress = [(s.done, s.total) for s in statuses if s is not None and s.running]
        assert progress[0] == (0, 0) and progress[1] == (0, 3) and progress[-1] == (3, 3)
        assert statuses[-1] == RefreshStatus(3, 3, 6, 1, running=False)
        assert all(shown[:-1]) and not shown[-1]  # the bar shows while it runs, then goes
        assert not bar.display
        assert bar.query_one(ProgressBar).progress == 3
        assert len(list_titles(app)) == 6
        assert feed_labels(app) == [
            "All 6/6",
            "Unread 6",
            "Starred",
            "Saved",
            "! Broken",
            "News 4/4",
            "Games 2/2",
            "  Sport 2/2",
        ]
        assert any(n.startswith("Could not refresh Broken: HTTP 500") for n in notices(app))
        assert notices(app)[-1] == (
            "New articles: 3 feeds refreshed, 6 new articles, 1 failed.\nBroken: HTTP 500 INTERNAL SERVER ERROR"
        )
        with Library.open(app.db) as library:  # indexed for search once the refresh ended
            assert library.index_pending() == 0
        # A refreshed entry is read in full when first opened: its quotation has a speaker.
        reader = await open_reader(app, pilot, "Sport 1")
        assert prompts(reader.query_one(QuotesPane)) == ["“We are ready”\n— Ana Lima"]


async def test_r_refreshes_the_chosen_folder_only(tmp_path: Path, httpserver: HTTPServer) -> None:
    app = make_app(_feeds(tmp_path, httpserver))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab", "end", "up", "r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.query_one(FeedTree).current.label == "Games"
        assert sorted(list_titles(app)) == ["Sport 0", "Sport 1"]
        assert notices(app)[-1] == "New articles: 1 feed refreshed, 2 new articles."
        paths = [request.path for request, _ in httpserver.log]
        assert paths == ["/sport.xml"]


async def test_the_progress_bar_sits_above_the_footer_on_every_screen(tmp_path: Path) -> None:
    app = sample_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        for keys in ((), ("enter",)):
            await pilot.press(*keys)
            app.refresh_status = RefreshStatus(done=2, total=5, new=7, errors=1)
            await pilot.pause()
            bar = app.screen.query_one(RefreshBar)
            footer = app.screen.query_one(Footer)
            assert bar.region.height == 1 and bar.region.bottom == footer.region.y
            assert str(bar.query_one(Label).render()) == ("Refreshing 2/5 feeds · 7 new · 1 failed")
            assert bar.query_one(ProgressBar).percentage == 0.4
            app.refresh_status = RefreshStatus(5, 5, 9, 1, running=False)
            await pilot.pause()
            assert not bar.display
