"""A window onto a long article list: pages loaded from SQLite on demand, a few kept.

The article list draws only the rows on screen and asks this for them one by one. A page is
read with a keyset query when the page before it is at hand (constant cost however deep
the list goes) and with OFFSET only after a jump; at most `keep` pages stay in memory, so
a list of 100,000 articles costs what its visible pages cost.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol

from tuinews.library import ArticleFilter, ArticleOrder, Cursor, Library
from tuinews.model import ArticleSummary


class RowSource(Protocol):
    """Where the rows of a list come from."""

    def count(self) -> int: ...

    def fetch(
        self, offset: int, limit: int, after: ArticleSummary | None
    ) -> Sequence[ArticleSummary]: ...


class LibraryRows:
    """The articles of one filter in one order (newest first unless told), from the library."""

    def __init__(
        self, library: Library, filter: ArticleFilter, order: ArticleOrder = "newest"
    ) -> None:
        self.library = library
        self.filter = filter
        self.order: ArticleOrder = order

    def count(self) -> int:
        return self.library.count_articles(self.filter)

    def fetch(
        self, offset: int, limit: int, after: ArticleSummary | None
    ) -> Sequence[ArticleSummary]:
        if after is not None:
            return self.library.list_articles(
                self.filter, limit=limit, after=Cursor.after(after), order=self.order
            )
        return self.library.list_articles(self.filter, limit=limit, offset=offset, order=self.order)


class FixedRows:
    """Rows already in hand, such as search results."""

    def __init__(self, rows: Sequence[ArticleSummary]) -> None:
        self.rows = list(rows)

    def count(self) -> int:
        return len(self.rows)

    def fetch(
        self, offset: int, limit: int, after: ArticleSummary | None
    ) -> Sequence[ArticleSummary]:
        return self.rows[offset : offset + limit]


class PagedRows:
    """Rows by index, loaded a page at a time; counts its queries so tests can hold it to that."""

    def __init__(self, source: RowSource, page_size: int = 100, keep: int = 12) -> None:
        self.source = source
        self.page_size = page_size
        self.keep = keep
        self._pages: OrderedDict[int, list[ArticleSummary]] = OrderedDict()
        self.count = source.count()
        self.queries = 0
        self.rows_fetched = 0

    def reload(self) -> None:
        """Forget every page and count again: the rows changed under the list."""
        self._pages.clear()
        self.count = self.source.count()

    def __len__(self) -> int:
        return self.count

    def get(self, index: int) -> ArticleSummary | None:
        if not 0 <= index < self.count:
            return None
        number, within = divmod(index, self.page_size)
        page = self._page(number)
        return page[within] if within < len(page) else None

    def _page(self, number: int) -> list[ArticleSummary]:
        page = self._pages.get(number)
        if page is not None:
            self._pages.move_to_end(number)
            return page
        before = self._pages.get(number - 1)
        after = before[-1] if before and len(before) == self.page_size else None
        page = list(self.source.fetch(number * self.page_size, self.page_size, after))
        self.queries += 1
        self.rows_fetched += len(page)
        self._pages[number] = page
        while len(self._pages) > self.keep:
            self._pages.popitem(last=False)
        return page

    def update(self, article_id: int, **state: bool) -> None:
        """Change a loaded row's read, starred or saved in place, as the library just
        changed it; no query."""
        for page in self._pages.values():
            for within, row in enumerate(page):
                if row.id == article_id:
                    page[within] = replace(row, **state)


def next_unread(
    library: Library,
    filter: ArticleFilter,
    after: ArticleSummary | None,
    order: ArticleOrder = "newest",
) -> ArticleSummary | None:
    """The first unread article below `after` in the list of `filter` (from the top if None)."""
    unread = replace(filter, unread=True)
    cursor = Cursor.after(after) if after is not None else None
    found = library.list_articles(unread, limit=1, after=cursor, order=order)
    return found[0] if found else None
