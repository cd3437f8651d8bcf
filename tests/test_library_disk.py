"""How little disk a library takes: entries deflated with a dictionary learnt from the
library's own entries, a feed entry's text made from its HTML rather than kept twice,
and the pages a big change frees given back. Real feeds on loopback, real files."""

from __future__ import annotations

import zlib
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

from pytest_httpserver import HTTPServer

from conftest import make_article
from feedkit import Item, rss
from tuinews.config import RefreshSettings
from tuinews.feeds.refresh import refresh_feeds
from tuinews.library import ArticleFilter, Library
from tuinews.library.packing import dictionary_id
from tuinews.markup_words import quick_text

SETTINGS = RefreshSettings(timeout=5.0)
WORDS = "harbour ferry council budget school market storm bridge island mayor vote".split()


def _entries(count: int, site: str) -> list[Item]:
    start = datetime(2026, 11, 1, tzinfo=UTC)
    return [
        Item(
            f"{WORDS[n % 11].title()} story {n}",
            guid=f"https://{site}/{n}",
            link=f"https://{site}/{n}.html",
            body=(
                f'<div class="entry"><p><strong>{WORDS[n % 7]} {WORDS[n % 5]}</strong></p>'
                + "".join(
                    f"<p>The {WORDS[(n + k) % 11]} of the {WORDS[(n * k) % 11]} met at "
                    f"{k} o'clock, said the {WORDS[(n + 3 * k) % 11]} on day {n}.</p>"
                    for k in range(8)
                )
                + f'<p><a href="https://{site}/share?id={n}">Share this story</a></p></div>'
            ),
            date=format_datetime(start + timedelta(minutes=n)),
        )
        for n in range(count)
    ]


def _blobs(library: Library) -> list[bytes]:
    return [row[0] for row in library.conn.execute("SELECT content FROM articles")]


def test_a_first_refresh_packs_every_entry_with_a_dictionary_from_the_feed(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    entries = _entries(300, "port.example")
    httpserver.expect_request("/feed.xml").respond_with_data(
        rss("Port", entries), content_type="application/rss+xml"
    )
    db = tmp_path / "library.db"
    with Library.open(db) as library:
        library.add_feed(httpserver.url_for("/feed.xml"), "Port")
    (outcome,) = refresh_feeds(db, SETTINGS)
    assert outcome.new == 300
    with Library.open(db) as library:
        blobs = _blobs(library)
        assert {dictionary_id(blob) for blob in blobs} == {1}
        # Against the entry's HTML alone, deflated as it is: at least a quarter smaller,
        # with the document and the text in the blob too.
        plain = sum(len(zlib.compress(item.body.encode())) for item in entries)
        assert sum(map(len, blobs)) < 0.75 * plain
        (row,) = library.list_articles(ArticleFilter(), limit=1)
        article = library.get_article(row.id)
        assert article.title == f"{WORDS[299 % 11].title()} story 299"
        assert article.text == quick_text(entries[299].body)
        assert [hit.article.title for hit in library.search('"o clock said the council"')]


def test_stories_stored_before_the_dictionary_are_packed_again_when_indexed(
    library: Library,
) -> None:
    for n in range(250):
        library.store_article(
            make_article(
                f"Story {n}",
                url=f"https://kept.example/{n}",
                body=f"The {WORDS[n % 11]} council met the {WORDS[n % 7]} mayor on day {n}.",
            )
        )
    before = {row.id: library.get_article(row.id) for row in library.list_articles(limit=300)}
    assert {dictionary_id(blob) for blob in _blobs(library)} == {0}
    sizes = sum(map(len, _blobs(library)))

    assert library.index_pending() == 250
    assert {dictionary_id(blob) for blob in _blobs(library)} == {1}
    assert sum(map(len, _blobs(library))) < sizes
    after = {story: library.get_article(story) for story in before}
    assert after == before
    assert len(library.search("council", limit=300)) == 250


def test_unsubscribing_a_big_feed_gives_its_pages_back(library: Library) -> None:
    big = library.add_feed("https://big.example/feed.xml", "Big")
    small = library.add_feed("https://small.example/feed.xml", "Small")
    for n in range(3000):
        feed = small if n % 100 == 0 else big
        body = " ".join(str(n * k) for k in range(300))  # no two alike: no dictionary helps
        article = make_article(f"Story {n}", url=f"https://s.example/{n}", body=body)
        library.store_article(article, feed_id=feed.id, guid=str(n))
    library.index_pending()

    library.remove_feed(big.id)
    assert library.count_articles() == 30
    # The 2,970 stories gone held some 180 pages; a file that kept them would list them.
    assert library.conn.execute("PRAGMA freelist_count").fetchone()[0] <= 16
