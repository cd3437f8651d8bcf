"""100,000 articles: the list opens and scrolls doing the work of the rows on screen only."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tui_fixtures import SIZE, make_app, visible_lines
from tuinews.app.widgets.article_list import ArticleList
from tuinews.library import Library
from tuinews.library.packing import pack, url_key

BIG = 100_000
CONTENT = pack(json.dumps({"title": "", "sections": []}), "", None)


def build_library(path: Path, articles: int, feeds: int = 50) -> Path:
    """Rows written straight into the schema: a refresh would take minutes to store this many."""
    Library.open(path).close()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO feeds(id, url, title, added) VALUES (?, ?, ?, 0)",
        [(n + 1, f"https://feed{n}.example/rss", f"Feed {n}") for n in range(feeds)],
    )
    conn.executemany(
        "INSERT INTO articles(id, origin_feed, url, url_key, content_key, title, published, "
        "sort_ts, added, read, content) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, 0, ?, ?)",
        (
            (
                n + 1,
                n % feeds + 1,
                f"https://news.example/{n}",
                url_key(f"https://news.example/{n}"),
                n,
                f"Story number {n}",
                1_700_000_000 + n * 60,
                n % 3 == 0,
                CONTENT,
            )
            for n in range(articles)
        ),
    )
    conn.execute(
        "INSERT INTO article_feeds(feed_id, sort_ts, article_id, entry_key, read) "
        "SELECT origin_feed, sort_ts, id, content_key, read FROM articles"
    )
    conn.execute("COMMIT")
    conn.close()
    return path


@pytest.fixture(scope="module")
def big_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_library(tmp_path_factory.mktemp("big") / "big.db", BIG)


async def _open_and_scroll(db: Path) -> dict[str, int]:
    app = make_app(db)
    async with app.run_test(size=SIZE) as pilot:
        articles = app.screen.query_one(ArticleList)
        rows = articles.rows  # the one window onto the list: its counters see every read
        opened = {
            "queries": articles.rows.queries,
            "rows": articles.rows.rows_fetched,
            "lines": articles.lines_rendered,
        }
        height = articles.scrollable_content_region.height
        top = visible_lines(articles)
        await pilot.press(*["pagedown"] * 5)
        await pilot.press("G")
        await pilot.pause()
        bottom = visible_lines(articles)
        assert articles.rows is rows
        return {
            **{f"open_{key}": value for key, value in opened.items()},
            "height": height,
            "count": len(articles.rows),
            "cursor": articles.cursor,
            "queries": articles.rows.queries,
            "rows": articles.rows.rows_fetched,
            "lines": articles.lines_rendered,
            "top_ok": top[0].endswith(f"Story number {len(articles.rows) - 1}"),
            "bottom_ok": bottom[-1].endswith("Story number 0"),
        }


async def test_a_100k_list_opens_with_the_work_of_a_100_list(big_db: Path, tmp_path: Path) -> None:
    small = await _open_and_scroll(build_library(tmp_path / "small.db", 100))
    big = await _open_and_scroll(big_db)
    assert big["count"] == BIG and small["count"] == 100
    assert big["top_ok"] and big["bottom_ok"] and small["top_ok"] and small["bottom_ok"]
    assert big["cursor"] == BIG - 1
    # Opening: one page read and only the visible rows drawn, whatever the size.
    assert big["open_queries"] == small["open_queries"] == 1
    assert big["open_rows"] == small["open_rows"] == 100
    assert big["open_lines"] <= 3 * big["height"]
    assert abs(big["open_lines"] - small["open_lines"]) <= big["height"]
    # Paging down and jumping to the end: a page per screenful, never the whole list.
    assert big["queries"] <= 4
    assert big["rows"] <= 400
    assert big["lines"] <= 20 * big["height"]
