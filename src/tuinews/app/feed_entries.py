"""What the feeds pane lists: All, Unread, Starred, Saved, then folders and feeds.

Each entry carries the filter its article list shows and the count shown beside it; all of
it comes from one `feeds()` query and three counts, whatever the size of the library.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby

from tuinews.library import ArticleFilter, Library
from tuinews.model import Feed


@dataclass(frozen=True)
class FeedEntry:
    key: str
    label: str
    filter: ArticleFilter
    count: int
    depth: int = 0
    feed: Feed | None = None
    folder: str | None = None

    @property
    def error(self) -> str | None:
        if self.feed is None:
            return None
        if self.feed.gone:
            return self.feed.last_error or "the feed is gone"
        return self.feed.last_error


def feed_entries(library: Library) -> list[FeedEntry]:
    feeds = library.feeds()
    unread = library.count_articles(ArticleFilter(unread=True))
    entries = [
        FeedEntry("all", "All", ArticleFilter(), unread),
        FeedEntry("unread", "Unread", ArticleFilter(unread=True), unread),
        FeedEntry(
            "starred",
            "Starred",
            ArticleFilter(starred=True),
            library.count_articles(ArticleFilter(starred=True)),
        ),
        FeedEntry(
            "saved",
            "Saved",
            ArticleFilter(saved=True),
            library.count_articles(ArticleFilter(saved=True)),
        ),
    ]
    for folder, group in groupby(feeds, key=lambda feed: feed.folder):
        members = list(group)
        depth = 0
        if folder is not None:
            entries.append(
                FeedEntry(
                    f"folder:{folder}",
                    folder,
                    ArticleFilter(folder=folder),
                    sum(feed.unread for feed in members),
                    folder=folder,
                )
            )
            depth = 1
        entries.extend(
            FeedEntry(
                f"feed:{feed.id}",
                feed.title,
                ArticleFilter(feed_id=feed.id),
                feed.unread,
                depth=depth,
                feed=feed,
            )
            for feed in members
        )
    return entries
