"""The reader's R against hostile servers: the app stays up, and what it shows is clean text."""

from __future__ import annotations

import re
from pathlib import Path

from pytest_httpserver import HTTPServer

from feedkit import items, raw_server, rss
from hostile import ESCAPES_IN_ENCODING, answer, redirect
from tui_fixtures import SIZE, list_titles, make_app, notices
from tuinews.app.screens.library import LibraryScreen
from tuinews.library import Library

CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


async def test_R_with_hostile_feeds_keeps_the_app_running_and_every_notice_clean(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/news.xml").respond_with_data(rss("News", items(3, "News")))
    db = tmp_path / "hostile.db"
    with (
        raw_server(redirect("javascript:alert(1)")) as scripted,
        raw_server(answer("500 \x1b[31mRed\x07")) as coloured,
        raw_server(answer(body=ESCAPES_IN_ENCODING)) as declared,
    ):
        with Library.open(db) as library:
            library.add_feed(httpserver.url_for("/news.xml"), "News")
            library.add_feed(scripted + "/feed", "Scripted")
            library.add_feed(coloured + "/feed", "Coloured")
            library.add_feed(declared + "/feed", "Declared")
            library.add_feed("http://[::1/feed", "Old bad address")
        app = make_app(db)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("R")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert isinstance(app.screen, LibraryScreen)
            assert sorted(list_titles(app)) == ["News 0", "News 1", "News 2"]
            shown = notices(app)
            assert shown[-1] == "Refreshed 5 of 5 feeds: 3 new articles."
            failures = [notice for notice in shown if notice.startswith("Could not refresh")]
            assert len(failures) == 4
            assert [notice for notice in shown if CONTROLS.search(notice)] == []
            assert any("HTTP 500 Red" in notice for notice in failures)
            assert any("unsupported address: javascript:alert(1)" in n for n in failures)
