"""The SQLite library on real database files: schema, dedupe, paging, search, safety."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from conftest import make_article
from tuinews.library import ArticleFilter, ArticleNotFound, Cursor, Library, LibraryError
from tuinews.library.packing import unpack
from tuinews.library.schema import MIGRATIONS, SCHEMA_VERSION, migrate, schema_version


def test_new_file_gets_the_whole_schema_in_wal_mode(tmp_path: Path) -> None:
    with Library.open(tmp_path / "lib.db") as library:
        assert schema_version(library.conn) == SCHEMA_VERSION
        assert library.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert library.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        tables = {row[0] for row in library.conn.execute("SELECT name FROM sqlite_master")}
        assert {"feeds", "articles", "articles_fts", "meta"} <= tables


def test_migration_from_schema_5_keeps_and_indexes_old_articles(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, target=5)
    conn.execute(
        "INSERT INTO articles(content_hash, title, sort_ts, added, body, doc) "
        "VALUES ('h', 'Lighthouse keeper retires', 1, 1, 'After forty winters on the rock.', "
        '\'{"title": "Lighthouse keeper retires", "sections": []}\')'
    )
    # ...and indexed, as that version's code did for each row it stored.
    conn.execute(
        "INSERT INTO articles_fts(rowid, title, body) SELECT id, title, body FROM articles"
    )
    conn.close()

    with Library.open(path) as library:
        assert schema_version(library.conn) == SCHEMA_VERSION
        hits = library.search("winters")
        assert [hit.article.title for hit in hits] == ["Lighthouse keeper retires"]
        assert library.get_article(hits[0].article.id).text == "After forty winters on the rock."


def test_every_migration_step_is_recorded(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "steps.db", isolation_level=None)
    for version in range(1, len(MIGRATIONS) + 1):
        assert migrate(conn, target=version) == version
    conn.close()


def test_database_from_a_newer_tuinews_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(LibraryError, match="newer than this tuinews"):
        Library.open(path)


def test_a_file_that_is_not_a_database_gives_a_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(LibraryError) as caught:
        Library.open(path)
    assert "not a database" in str(caught.value)
    assert "\n" not in str(caught.value)
    assert path.read_text().startswith("these are my notes")


def test_store_and_get_round_trip(library: Library) -> None:
    article = make_article()
    result = library.store_article(article)
    assert result.status == "new"
    stored = library.get_article(result.id)
    assert stored.id == result.id
    assert stored.title == article.title
    assert stored.published == article.published
    assert stored.quotes == article.quotes
    assert stored.text == "The harbour reopened on Monday after repairs."


def test_get_summary_is_the_list_row_of_one_article(library: Library) -> None:
    feed = library.add_feed("https://news.example/rss", "News")
    stored = library.store_article(make_article(), feed_id=feed.id)
    library.set_starred(stored.id)
    summary = library.get_summary(stored.id)
    assert summary == library.list_articles()[0]
    assert (summary.title, summary.feed, summary.starred, summary.read) == (
        "Harbour reopens",
        "News",
        True,
        False,
    )
    with pytest.raises(ArticleNotFound):
        library.get_summary(stored.id + 1)


def test_unknown_article_id(library: Library) -> None:
    with pytest.raises(ArticleNotFound, match="no article with id 99"):
        library.get_article(99)


def test_dedupe_on_feed_and_guid(library: Library) -> None:
    feed = library.add_feed("https://news.example/rss", "News")
    first = library.store_article(make_article(url=None), feed_id=feed.id, guid="tag:1")
    again = library.store_article(make_article(url=None), feed_id=feed.id, guid="tag:1")
    assert again.id == first.id and again.status == "unchanged"
    assert library.count_articles() == 1


def test_dedupe_on_normalised_url(library: Library) -> None:
    first = library.store_article(make_article(url="https://News.Example:443/harbour#top"))
    again = library.store_article(
        make_article(url="https://news.example/harbour?utm_source=rss&utm_medium=feed")
    )
    assert again.id == first.id
    assert library.count_articles() == 1
    assert library.find_by_url("https://news.example/harbour") == first.id


def test_dedupe_on_content_when_there_is_no_guid_or_url(library: Library) -> None:
    first = library.store_article(make_article(url=None, body="Same   words\nhere."))
    again = library.store_article(make_article(url=None, body="Same words here."))
    other = library.store_article(make_article(url=None, body="Different words."))
    assert again.id == first.id
    assert other.id != first.id


def test_changed_content_updates_in_place_and_keeps_read_and_star(library: Library) -> None:
    feed = library.add_feed("https://news.example/rss", "News")
    first = library.store_article(make_article(body="Old text."), feed_id=feed.id, guid="g")
    library.set_read(first.id)
    library.set_starred(first.id)
    updated = library.store_article(
        make_article(body="New text, corrected."), feed_id=feed.id, guid="g"
    )
    assert updated.id == first.id and updated.status == "updated"
    (row,) = library.list_articles()
    assert row.read and row.starred
    assert library.get_article(first.id).text == "New text, corrected."
    assert [hit.article.id for hit in library.search("corrected")] == [first.id]
    assert library.search("Old") == []


def _fill(library: Library, count: int, feed_id: int | None = None) -> None:
    base = datetime(2026, 1, 1, tzinfo=UTC)
    with library.transaction():
        for number in range(count):
            library.store_article(
                make_article(
                    f"Story {number}",
                    url=f"https://news.example/{feed_id}/{number}",
                    body=f"Body of story {number}.",
                    published=base + timedelta(hours=number),
                ),
                feed_id=feed_id,
            )


def test_pages_come_newest_first_and_keyset_paging_visits_each_row_once(library: Library) -> None:
    _fill(library, 25)
    seen: list[str] = []
    page = library.list_articles(limit=10)
    while page:
        seen.extend(row.title for row in page)
        page = library.list_articles(limit=10, after=Cursor.after(page[-1]))
    assert seen == [f"Story {number}" for number in range(24, -1, -1)]
    assert [row.title for row in library.list_articles(limit=3, offset=5)] == [
        "Story 19",
        "Story 18",
        "Story 17",
    ]


def test_row_index_is_the_position_of_a_row_in_its_filtered_list(library: Library) -> None:
    news = library.add_feed("https://news.example/rss", "News")
    _fill(library, 6, feed_id=news.id)
    _fill(library, 4)
    rows = library.list_articles(limit=10)
    for index, row in enumerate(rows):
        assert library.row_index(ArticleFilter(), Cursor.after(row)) == index
    library.set_read(rows[0].id)
    unread = library.list_articles(ArticleFilter(unread=True), limit=10)
    assert library.row_index(ArticleFilter(unread=True), Cursor.after(unread[2])) == 2
    in_feed = library.list_articles(ArticleFilter(feed_id=news.id), limit=10)
    assert library.row_index(ArticleFilter(feed_id=news.id), Cursor.after(in_feed[-1])) == 5


def test_filters_combine(library: Library) -> None:
    news = library.add_feed("https://news.example/rss", "News", folder="Daily")
    sport = library.add_feed("https://sport.example/rss", "Sport")
    _fill(library, 4, feed_id=news.id)
    _fill(library, 3, feed_id=sport.id)
    rows = library.list_articles(ArticleFilter(feed_id=news.id))
    library.set_read(rows[0].id)
    library.set_starred(rows[1].id)
    assert library.count_articles(ArticleFilter(unread=True)) == 6
    assert library.count_articles(ArticleFilter(feed_id=news.id, unread=True)) == 3
    assert [row.id for row in library.list_articles(ArticleFilter(starred=True))] == [rows[1].id]
    assert library.count_articles(ArticleFilter(folder="Daily")) == 4
    counts = {feed.title: (feed.unread, feed.total) for feed in library.feeds()}
    assert counts == {"News": (3, 4), "Sport": (3, 3)}


def test_future_dates_do_not_pin_a_story_to_the_top(library: Library) -> None:
    library.store_article(
        make_article(
            "From the future", url="https://x.example/f", published=datetime(2099, 1, 1, tzinfo=UTC)
        )
    )
    library.store_article(
        make_article(
            "Today", url="https://x.example/t", published=datetime.now(UTC) - timedelta(minutes=1)
        )
    )
    titles = [row.title for row in library.list_articles()]
    assert titles == ["From the future", "Today"] or titles == ["Today", "From the future"]
    future = library.list_articles()[titles.index("From the future")]
    assert future.published == datetime(2099, 1, 1, tzinfo=UTC)
    assert future.sort_ts <= int(datetime.now(UTC).timestamp())


def test_removing_a_feed_removes_its_articles_from_lists_and_search(library: Library) -> None:
    feed = library.add_feed("https://news.example/rss", "News")
    _fill(library, 3, feed_id=feed.id)
    assert feed.id is not None
    library.remove_feed(feed.id)
    assert library.count_articles() == 0
    assert library.search("story") == []


def test_new_articles_are_indexed_in_one_pass_at_the_first_search(library: Library) -> None:
    _fill(library, 3)
    assert [hit.article.title for hit in library.search("story")] != []
    # The pass happened once: later searches find nothing left to index.
    assert library.index_pending() == 0
    _fill_one = make_article("Late edition", url="https://news.example/late", body="Ferry.")
    library.store_article(_fill_one)
    assert library.index_pending() == 1
    assert [hit.article.title for hit in library.search("ferry")] == ["Late edition"]


def test_search_answers_from_the_index_while_another_writer_holds_the_lock(
    library: Library,
) -> None:
    library.store_article(make_article("Ferry news", url="https://x.example/1"))
    library.search("ferry")
    library.store_article(make_article("Ferry strike", url="https://x.example/2"))
    writer = sqlite3.connect(library.path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    library.conn.execute("PRAGMA busy_timeout = 0")
    try:
        assert [hit.article.title for hit in library.search("ferry")] == ["Ferry news"]
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert len(library.search("ferry")) == 2


def test_the_index_matches_the_articles_after_edits_and_deletes_before_and_after_indexing(
    library: Library,
) -> None:
    feed = library.add_feed("https://news.example/rss", "News")
    gone = library.add_feed("https://gone.example/rss", "Gone")
    first = library.store_article(
        make_article(body="Original ferry text."), feed_id=feed.id, guid="a"
    )
    library.store_article(
        make_article("Doomed", url="https://gone.example/1", body="Lighthouse."), feed_id=gone.id
    )
    library.search("anything")  # the first two are indexed now
    pending = library.store_article(
        make_article("Fresh", url="https://news.example/2", body="Pending bridge text."),
        feed_id=feed.id,
        guid="b",
    )
    library.store_article(make_article(body="Corrected tunnel text."), feed_id=feed.id, guid="a")
    library.store_article(
        make_article("Fresh", url="https://news.example/2", body="Pending viaduct text."),
        feed_id=feed.id,
        guid="b",
    )
    assert gone.id is not None
    library.remove_feed(gone.id)
    library.store_article(
        make_article("Doomed too", url="https://gone.example/2", body="Lighthouse."), feed_id=None
    )

    def found(word: str) -> list[int]:
        return sorted(hit.article.id for hit in library.search(word))

    assert found("tunnel") == [first.id] and found("ferry") == []
    assert found("viaduct") == [pending.id] and found("bridge") == []
    assert [hit.article.title for hit in library.search("lighthouse")] == ["Doomed too"]
    # FTS5's own check, against the articles table it indexes.
    library.conn.execute(
        "INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)"
    )


def test_search_ranks_title_matches_first_and_marks_the_match(library: Library) -> None:
    library.store_article(
        make_article("Ferry news", url="https://x.example/1", body="Boats and gulls.")
    )
    library.store_article(
        make_article("Council budget", url="https://x.example/2", body="The ferry subsidy was cut.")
    )
    hits = library.search("ferry")
    assert [hit.article.title for hit in hits] == ["Ferry news", "Council budget"]
    assert "\x02ferry\x03" in hits[1].snippet


def test_search_folds_diacritics(library: Library) -> None:
    library.store_article(make_article("Fähre fährt wieder", url="https://x.example/de"))
    assert [hit.article.title for hit in library.search("fahre")] == ["Fähre fährt wieder"]


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ('ferry"', True),
        ("ferry AND", True),
        ("(ferry", True),
        ("ferry -gulls", True),
        ("ferry*)", True),
        ("harbour:ferry", False),  # both words must occur, and "harbour" does not
        ("NEAR(", False),
        ('"', False),
        ("^", False),
    ],
)
def test_malformed_fts_queries_are_searched_as_words(
    library: Library, query: str, found: bool
) -> None:
    library.store_article(
        make_article("Ferry news", url="https://x.example/1", body="Boats and gulls.")
    )
    hits = library.search(query)
    assert [hit.article.title for hit in hits] == (["Ferry news"] if found else [])


def test_fts_syntax_still_works(library: Library) -> None:
    library.store_article(
        make_article("Ferry news", url="https://x.example/1", body="Boats and gulls.")
    )
    library.store_article(
        make_article("Budget", url="https://x.example/2", body="Gulls everywhere.")
    )
    assert len(library.search("ferry OR budget")) == 2
    assert [hit.article.title for hit in library.search("title:budget")] == ["Budget"]
    assert [hit.article.title for hit in library.search("bud*")] == ["Budget"]


def test_also_read_links_resolve_to_stored_targets_whenever_they_arrive(library: Library) -> None:
    source = library.store_article(
        make_article(
            "Source",
            url="https://x.example/s",
            also_read=[("Target", "https://x.example/t?utm_campaign=box#c")],
        )
    )
    assert library.get_article(source.id).also_read[0].target_id is None
    target = library.store_article(make_article("Target", url="https://x.example/t"))
    article = library.get_article(source.id)
    assert article.also_read[0].target_id == target.id
    assert article.sections[0].blocks[1].links[0].target_id == target.id


def test_control_characters_and_escapes_never_reach_the_database(library: Library) -> None:
    article = make_article(
        "\x1b[2J\x1b]0;owned\x07Title\x07 with\nbreak\u202e",
        body="Body \x1b[31mred\x1b[0m\x00 and\x9b1m more",
    )
    stored = library.get_article(library.store_article(article).id)
    assert stored.title == "Title with break"
    assert stored.text == "Body red and more"
    title, content = library.conn.execute("SELECT title, content FROM articles").fetchone()
    raw = [title, *(part or "" for part in unpack(content))]
    assert not any(ch in "".join(raw) for ch in "\x1b\x00\x07\x9b")


def test_a_failed_transaction_leaves_nothing_behind(library: Library) -> None:
    with pytest.raises(RuntimeError), library.transaction():
        library.store_article(make_article())
        raise RuntimeError("disk on fire")
    assert library.count_articles() == 0
    assert library.search("harbour") == []


def test_snippets_are_cut_from_the_stored_text_around_the_best_match(library: Library) -> None:
    words = [f"filler{n}" for n in range(60)]
    words[40:43] = ["the", "Fërry", "returned"]
    library.store_article(make_article("Harbour", url="https://x.example/1", body=" ".join(words)))
    (hit,) = library.search("ferr* returned")
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
    assert "the \x02Fërry\x03 \x02returned\x03" in hit.snippet
    assert len(hit.snippet.split()) == 16
    (phrase,) = library.search('"ferry returned"')
    assert phrase.snippet == hit.snippet
