"""Subscription changes made here (add, remove, rename, move), queued for the account's server.

The command line and the TUI make the change in the library at once and queue it; the next
sync (or, from the command line, an immediate push) sends it.
"""

from __future__ import annotations

from tuinews.library import Library
from tuinews.library.syncstate import SyncState
from tuinews.model import Feed


def queue_subscribe(library: Library, feed: Feed) -> None:
    SyncState(library).queue("subscribe", feed.url, {"title": feed.title, "folder": feed.folder})


def queue_unsubscribe(library: Library, feed: Feed) -> None:
    """Before the feed is removed here: its server stream is forgotten with it."""
    state = SyncState(library)
    assert feed.id is not None
    stream = state.stream_of(feed.id)
    if stream is not None:
        state.queue("unsubscribe", stream, {})
    else:
        state.unqueue("subscribe", feed.url)


def edit_feed(
    library: Library, feed_id: int, *, title: str | None, folder: str | None, queue: bool
) -> bool:
    """Rename the feed and/or move it to `folder` ("" for none); True when it was queued."""
    state = SyncState(library)
    with library.transaction():
        if title:
            library.rename_feed(feed_id, title)
        if folder is not None:
            state.set_folder(feed_id, folder.strip("/") or None)
        stream = state.stream_of(feed_id)
        if queue and stream is not None:
            state.queue("edit", stream, {"title": title, "folder": folder})
            return True
    return False
