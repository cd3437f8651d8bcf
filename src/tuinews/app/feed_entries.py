"""What the feeds pane lists: All, Unread, Starred, Saved, then folders and feeds.

Each entry carries the filter its article list shows and the count shown beside it; all of
it comes from one `feeds()` query and three counts, whatever the size of the library.
"""

from __future__ import annotations

from dataclasses import dataclass

from tuinews.library import ArticleFilter, Library
from tuinews.model import Feed


@dataclass(frozen=True)
class FeedEntry:
    """`count` is always unread articles; `total` is shown beside it when it means something."""

    key: str
    label: str
    filter: ArticleFilter
    count: int
    depth: int = 0
    feed: Feed | None = None
    folder: str | None = None
    total: int | None = None

    @property
    def error(self) -> str | None:
        if self.feed is None:
            return None
        if self.feed.gone:
            return self.feed.last_error or "the feed is gone"
        return self.feed.last_error

    @property
    def feeds_under(self) -> bool:
        """Whether this entry stands for subscriptions (a feed or a folder), not a view."""
        return self.feed is not None or self.folder is not None


def in_folder(feed: Feed, folder: str) -> bool:
    return feed.folder is not None and (
        feed.folder == folder or feed.folder.startswith(folder + "/")
    )


def feed_entries(library: Library) -> list[FeedEntry]:
    """The views, the feeds without a folder, then each folder (nested by "/") above its feeds."""
    feeds = library.feeds()
    unread = library.count_articles(ArticleFilter(unread=True))
    entries = [
        FeedEntry("all", "All", ArticleFilter(), unread, total=library.count_articles()),
        FeedEntry("unread", "Unread", ArticleFilter(unread=True), unread),
        FeedEntry(
            "starred",
            "Starred",
            ArticleFilter(starred=True),
            library.count_articles(ArticleFilter(starred=True, unread=True)),
            total=library.count_articles(ArticleFilter(starred=True)),
        ),
        FeedEntry(
            "saved",
            "Saved",
            ArticleFilter(saved=True),
            library.count_articles(ArticleFilter(saved=True, unread=True)),
            total=library.count_articles(ArticleFilter(saved=True)),
        ),
    ]
    entries.extend(_feed_entry(feed, 0) for feed in feeds if not feed.folder)
    shown: set[str] = set()
    # Folder by folder, parts compared one by one so "A/Sub" follows "A" and not "A b".
    filed = sorted(
        (feed for feed in feeds if feed.folder),
        key=lambda feed: [part.casefold() for part in (feed.folder or "").split("/")],
    )
    for feed in filed:
        assert feed.folder is not None
        parts = feed.folder.split("/")
        for depth in range(len(parts)):
            folder = "/".join(parts[: depth + 1])
            if folder in shown:
                continue
            shown.add(folder)
            members = [f for f in feeds if in_folder(f, folder)]
            entries.append(
                FeedEntry(
                    f"folder:{folder}",
                    parts[depth],
                    ArticleFilter(folder=folder),
                    sum(f.unread for f in members),
                    depth=depth,
                    folder=folder,
                    total=sum(f.total for f in members),
                )
            )
        entries.append(_feed_entry(feed, len(parts)))
    return entries


def _feed_entry(feed: Feed, depth: int) -> FeedEntry:
    return FeedEntry(
        f"feed:{feed.id}",
        feed.title,
        ArticleFilter(feed_id=feed.id),
        feed.unread,
        depth=depth,
        feed=feed,
        total=feed.total,
    )


def next_feed_with_unread(entries: list[FeedEntry], current: FeedEntry | None) -> FeedEntry | None:
    """The feed after `current` in the pane that has unread articles, wrapping round once."""
    keys = [entry.key for entry in entries]
    start = keys.index(current.key) + 1 if current is not None and current.key in keys else 0
    for entry in entries[start:] + entries[:start]:
        if entry.feed is not None and entry.count and entry is not current:
            return entry
    return None
