"""Stories in several feeds, one state each, and libraries from before that migrated whole."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from pytest_httpserver import HTTPServer

from conftest import make_article
from feedkit import Item, rss
from tuinews.config import RefreshSettings
from tuinews.feeds.refresh import refresh_feeds
from tuinews.library import ArticleFilter, Library
from tuinews.library.packing import guid_key
from tuinews.library.schema import SCHEMA_VERSION, migrate

SETTINGS = RefreshSettings(timeout=3.0, max_bytes=1024 * 1024)
SHARED = "https://paper.example/2026/ferry.html"


def _schema_6_library(path: Path) -> list[tuple[object, ...]]:
    """A library as schema 6 left it (schema 5's articles, 6's sync tables): two feeds, flags
    set, a pending entry, a saved page, a story the sync server knows."""
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, target=6)
    conn.executescript(
        """
        INSERT INTO feeds(id, url, title, folder, added) VALUES
            (1, 'https://a.example/feed', 'Alpha', 'News', 1),
            (2, 'https://b.example/feed', 'Beta', NULL, 1);
        """
    )
    rows = [
        # id, feed_id, guid, url, url_norm, hash, title, published, sort_ts, read, starred,
        # saved, body, doc, pending_html
        (
            1,
            1,
            "a-1",
            "https://a.example/1",
            "https://a.example/1",
            "ab" * 32,
            "One",
            "2026-11-01T08:00:00+01:00",
            100,
            1,
            0,
            0,
            "First body.",
            json.dumps({"title": "One", "url": "https://a.example/1", "sections": []}),
            None,
        ),
        (
            2,
            1,
            "a-2",
            "https://a.example/2",
            "https://a.example/2",
            "cd" * 32,
            "Two",
            None,
            200,
            0,
            1,
            0,
            "Second body.",
            json.dumps({"title": "Two", "url": "https://a.example/2", "sections": []}),
            "<p>Second body.</p>",
        ),
        (
            3,
            2,
            "b-1",
            "https://b.example/1",
            "https://b.example/1",
            "ef" * 32,
            "Three",
            None,
            300,
            1,
            1,
            0,
            "Third body.",
            json.dumps({"title": "Three", "url": "https://b.example/1", "sections": []}),
            None,
        ),
        (
            4,
            None,
            None,
            "https://c.example/page",
            "https://c.example/page",
            "01" * 32,
            "Kept page",
            None,
            400,
            0,
            0,
            1,
            "Kept words.",
            json.dumps({"title": "Kept page", "url": "https://c.example/page", "sections": []}),
            None,
        ),
        (
            5,
            None,
            None,
            "https://d.example/followed",
            "https://d.example/followed",
            "02" * 32,
            "Followed link",
            None,
            500,
            1,
            0,
            0,
            "Reached from an also-read box.",
            json.dumps({"title": "Followed link", "url": None, "sections": []}),
            None,
        ),
    ]
    conn.executemany(
        "INSERT INTO articles(id, feed_id, guid, url, url_norm, content_hash, title, published, "
        "sort_ts, added, read, starred, saved, body, doc, pending_html) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    conn.execute(
        "INSERT INTO articles_fts(rowid, title, body) SELECT id, title, body FROM articles"
    )
    conn.execute("INSERT INTO sync_items VALUES (77, 3, 1, 1)")
    conn.close()
    return rows


def test_a_schema_6_library_migrates_row_by_row_with_nothing_lost(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old = _schema_6_library(path)
    with Library.open(path) as library:
        assert library.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        for (
            id_,
            feed_id,
            guid,
            url,
            _,
            _,
            title,
            published,
            sort_ts,
            read,
            starred,
            saved,
            body,
            doc,
            pending,
        ) in old:
            summary = library.get_summary(id_)
            assert (summary.title, summary.url, summary.sort_ts) == (title, url, sort_ts)
            assert (summary.read, summary.starred, summary.saved) == (
                bool(read),
                bool(starred),
                bool(saved) or feed_id is None,  # a story of no feed was kept on purpose
            )
            assert (summary.published and summary.published.isoformat()) == published
            article = library.get_article(id_)
            assert article.text == body
            assert article.title == json.loads(doc)["title"]
            assert library.pending_html(id_) == pending
            listed = library.conn.execute(
                "SELECT feed_id, guid_key, read FROM article_feeds WHERE article_id = ?", (id_,)
            ).fetchall()
            assert listed == ([] if feed_id is None else [(feed_id, guid_key(guid), read)])
        feeds = {feed.title: (feed.total, feed.unread, feed.folder) for feed in library.feeds()}
        assert feeds == {"Alpha": (2, 1, "News"), "Beta": (1, 0, None)}
        assert [hit.article.id for hit in library.search("second")] == [2]
        assert library.find_by_url("https://c.example/page#top") == 4
        assert library.known_guids(1, ["a-1", "a-2", "b-1"]) == {"a-1", "a-2"}
        assert library.conn.execute("SELECT * FROM sync_items").fetchall() == [(77, 3, 1, 1)]


def _serve(httpserver: HTTPServer, path: str, title: str, items: list[Item]) -> str:
    httpserver.expect_request(path).respond_with_data(
        rss(title, items), content_type="application/rss+xml"
    )
    return httpserver.url_for(path)


def test_a_story_in_two_feeds_is_listed_in_both_with_one_state(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    main = _serve(
        httpserver,
        "/main.xml",
        "Paper",
        [
            Item("Ferry returns", guid="p-1", link=SHARED, body="<p>The full ferry story.</p>"),
            Item("Budget passes", guid="p-2", link="https://paper.example/budget.html"),
        ],
    )
    category = _serve(
        httpserver,
        "/harbour.xml",
        "Paper: Harbour",
        [Item("Ferry returns", guid="p-1", link=SHARED, body="<p>The full ferry story.</p>")],
    )
    aggregator = _serve(
        httpserver,
        "/planet.xml",
        "Planet",
        [Item("[Paper] Ferry!!", guid="planet-9", link=SHARED + "?utm_source=planet#c")],
    )
    db = tmp_path / "lib.db"
    with Library.open(db) as library:
        ids = [library.add_feed(url, url).id for url in (main, category, aggregator)]
    outcomes = {o.url: o for o in refresh_feeds(db, SETTINGS)}
    assert [outcomes[url].new for url in (main, category, aggregator)] == [2, 1, 1]

    with Library.open(db) as library:
        assert library.count_articles() == 2  # "All" lists the shared story once
        per_feed = [library.list_articles(ArticleFilter(feed_id=i)) for i in ids]
        assert [len(rows) for rows in per_feed] == [2, 1, 1]
        story = per_feed[1][0]
        assert story.title == "Ferry returns"  # the aggregator never rewrote it
        library.set_read(story.id)
        assert [library.count_articles(ArticleFilter(feed_id=i, unread=True)) for i in ids] == [
            1,
            0,
            0,
        ]
        assert {feed.id: feed.unread for feed in library.feeds()} == dict(
            zip(ids, [1, 0, 0], strict=True)
        )

    # A second refresh in which the aggregator edits its copy changes nothing it shows.
    httpserver.clear()
    _serve(
        httpserver,
        "/main.xml",
        "Paper",
        [Item("Ferry returns", guid="p-1", link=SHARED, body="<p>The full ferry story.</p>")],
    )
    _serve(httpserver, "/harbour.xml", "Paper: Harbour", [])
    _serve(
        httpserver,
        "/planet.xml",
        "Planet",
        [Item("[Paper] Ferry, updated", guid="planet-9", link=SHARED, body="<p>Teaser</p>")],
    )
    refresh_feeds(db, SETTINGS)
    with Library.open(db) as library:
        article = library.get_article(story.id)
        assert article.title == "Ferry returns"
        assert "full ferry story" in article.text
        assert library.get_summary(story.id).read


def test_the_feed_a_story_came_from_still_updates_it(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    main = _serve(httpserver, "/main.xml", "Paper", [Item("Ferry late", guid="p-1", link=SHARED)])
    planet = _serve(httpserver, "/planet.xml", "Planet", [Item("Ferry", guid="x", link=SHARED)])
    db = tmp_path / "lib.db"
    with Library.open(db) as library:
        for url in (main, planet):
            library.add_feed(url, url)
    refresh_feeds(db, SETTINGS, [1])
    refresh_feeds(db, SETTINGS, [2])
    httpserver.clear()
    _serve(httpserver, "/main.xml", "Paper", [Item("Ferry late again", guid="p-1", link=SHARED)])
    outcome = refresh_feeds(db, SETTINGS, [1])[0]
    assert outcome.updated == 1
    with Library.open(db) as library:
        assert [row.title for row in library.list_articles()] == ["Ferry late again"]


def test_a_second_url_of_the_same_feed_lists_every_story(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    items = [Item(f"Story {n}", guid=f"g-{n}", link=f"https://paper.example/{n}") for n in range(5)]
    first = _serve(httpserver, "/feed", "Paper", items)
    second = _serve(httpserver, "/rss.xml", "Paper", items)
    db = tmp_path / "lib.db"
    with Library.open(db) as library:
        for url in (first, second):
            library.add_feed(url, url)
    assert sorted(o.new for o in refresh_feeds(db, SETTINGS)) == [5, 5]
    with Library.open(db) as library:
        assert [feed.total for feed in library.feeds()] == [5, 5]
        assert library.count_articles() == 5


def test_entries_without_guid_link_or_text_are_each_kept_once(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    blank = [Item("", body="", date=None), Item("", body="", date=None)]
    url = _serve(httpserver, "/blank.xml", "Blank", blank)
    db = tmp_path / "lib.db"
    with Library.open(db) as library:
        library.add_feed(url, url)
    assert refresh_feeds(db, SETTINGS)[0].new == 2
    assert refresh_feeds(db, SETTINGS)[0].new == 0
    with Library.open(db) as library:
        assert library.count_articles() == 2


def test_a_saved_page_that_a_feed_later_brings_is_one_story(library: Library) -> None:
    saved = library.store_article(make_article(url=SHARED), saved=True).id
    feed = library.add_feed("https://paper.example/feed", "Paper")
    listed = library.store_article(
        make_article("Ferry (feed title)", url=SHARED), feed_id=feed.id, guid="p-1"
    )
    assert (listed.id, listed.status) == (saved, "new")
    summary = library.get_summary(saved)
    assert (summary.title, summary.saved, summary.feed) == ("Harbour reopens", True, "Paper")
    assert library.count_articles(ArticleFilter(saved=True)) == 1
