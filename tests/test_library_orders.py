"""Sorting and marking whole lists in the library file: every order pages like the newest."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from conftest import make_article
from tuinews.library import ORDERS, ArticleFilter, ArticleOrder, Cursor, Library


def _fill(library: Library) -> None:
    start = datetime(2026, 1, 1, tzinfo=UTC)
    feeds = [library.add_feed(f"https://{name}.example/f", name) for name in ("beta", "Alpha")]
    for n in range(250):
        feed = feeds[n % 2]
        library.store_article(
            make_article(
                f"{'xyz'[n % 3]}-title {n % 7}",  # many equal titles: ties need the date and id
                url=f"https://site.example/{n}",
                body=f"Story number {n}.",
                published=start + timedelta(hours=n // 2) if n % 5 else None,
            ),
            feed_id=feed.id,
        )


@pytest.mark.parametrize("order", ORDERS)
def test_keyset_pages_of_every_order_match_one_whole_query(
    library: Library, order: ArticleOrder
) -> None:
    _fill(library)
    whole = library.list_articles(limit=1000, order=order)
    assert len(whole) == 250
    paged = library.list_articles(limit=40, order=order)
    while len(paged) < 250:
        page = library.list_articles(limit=40, after=Cursor.after(paged[-1]), order=order)
        assert page, "a page came back empty before the end"
        paged += page
    assert [row.id for row in paged] == [row.id for row in whole]
    for index in (0, 1, 77, 249):
        assert library.row_index(ArticleFilter(), Cursor.after(whole[index]), order) == index


def test_orders_mean_what_they_say(library: Library) -> None:
    _fill(library)
    newest = library.list_articles(limit=1000)
    assert [r.sort_ts for r in newest] == sorted((r.sort_ts for r in newest), reverse=True)
    oldest = library.list_articles(limit=1000, order="oldest")
    assert [r.id for r in oldest] == [r.id for r in reversed(newest)]
    titles = [r.title.casefold() for r in library.list_articles(limit=1000, order="title")]
    assert titles == sorted(titles)
    feeds = [r.feed for r in library.list_articles(limit=1000, order="feed")]
    assert feeds == ["Alpha"] * 125 + ["beta"] * 125


def test_undated_entries_sort_by_when_they_were_fetched(library: Library) -> None:
    feed = library.add_feed("https://a.example/f", "A")
    library.store_article(
        make_article("Dated long ago", url="https://a.example/1"), feed_id=feed.id
    )
    library.store_article(
        make_article("Undated", url="https://a.example/2", published=None), feed_id=feed.id
    )
    assert [row.title for row in library.list_articles()] == ["Undated", "Dated long ago"]


def test_mark_all_read_reports_what_it_changed_so_it_can_be_undone(library: Library) -> None:
    _fill(library)
    alpha = library.find_feed("Alpha")
    library.set_read(library.list_articles(ArticleFilter(feed_id=alpha.id), limit=1)[0].id)
    marked = library.mark_all_read(ArticleFilter(feed_id=alpha.id))
    assert len(marked) == 124
    assert library.count_articles(ArticleFilter(unread=True)) == 125
    library.set_read_many(marked, False)
    assert library.count_articles(ArticleFilter(feed_id=alpha.id, unread=True)) == 124


def test_a_folder_holds_its_subfolders_but_not_lookalikes(library: Library) -> None:
    for name, folder in (("a", "News"), ("b", "News/World"), ("c", "News_"), ("d", "Newsroom")):
        feed = library.add_feed(f"https://{name}.example/f", name, folder)
        library.store_article(make_article(name, url=f"https://{name}.example/1"), feed_id=feed.id)
    titles = sorted(r.title for r in library.list_articles(ArticleFilter(folder="News")))
    assert titles == ["a", "b"]
