"""The library's side of a sync account: mappings to the server, its last-seen state, the queue.

Local-first: a change made here is applied to the library at once and, when the story is
a server item, queued (`sync_pending`) until the server confirms it. The server state seen
at the last sync is kept per item, so the next sync can tell "the server changed it" from
"we changed it" and only asks the server for times when both did.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Literal, NamedTuple

if TYPE_CHECKING:
    from tuinews.library.store import Library, PreparedArticle

StateField = Literal["read", "starred"]
# Subscription changes waiting for the server; the target is the feed's URL for
# "subscribe" and its server stream for the others.
SubscriptionKind = Literal["subscribe", "unsubscribe", "edit"]


class PendingChange(NamedTuple):
    id: int
    kind: str
    target: str
    value: str
    at: float


class ItemState(NamedTuple):
    """A server item as the library holds it: the server's state last seen, and ours."""

    item: int
    article_id: int
    server_read: bool
    server_starred: bool
    read: bool
    starred: bool


class NewItem(NamedTuple):
    """A server item to store: its story, where it belongs and the state the server gave it."""

    item: int
    feed_id: int | None
    guid: str
    article: PreparedArticle
    read: bool
    starred: bool


def queue_state_change(
    conn: sqlite3.Connection, article_id: int, field: StateField, on: bool
) -> None:
    """Queue a local read/starred change for every server item that is this story.

    A story that is no server item (a local feed, a saved page) queues nothing. A later
    change to the same item and field replaces the earlier one: only the last is sent.
    """
    conn.execute(
        "INSERT INTO sync_pending(kind, target, value, at) "
        "SELECT ?, CAST(item AS TEXT), ?, ? FROM sync_items WHERE article_id = ? "
        "ON CONFLICT(kind, target) DO UPDATE SET value = excluded.value, at = excluded.at",
        (field, "1" if on else "0", time.time(), article_id),
    )


class SyncState:
    """The sync tables of one library, read and written through its connection."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self.conn = library.conn

    # -- account and marks -------------------------------------------------------------

    def get(self, key: str) -> str | None:
        return self.library.get_meta(f"sync.{key}")

    def put(self, key: str, value: str) -> None:
        self.library.set_meta(f"sync.{key}", value)

    def token(self, account: str) -> str | None:
        """The auth token kept for `account` (its URL and user name), not another's."""
        stored = self.get("token")
        if stored is None:
            return None
        kept = json.loads(stored)
        return kept.get("token") if kept.get("account") == account else None

    def set_token(self, account: str, token: str | None) -> None:
        self.put("token", json.dumps({"account": account, "token": token}))

    def bind_account(self, account: str) -> bool:
        """Tie the sync state to `account`; True when it was another account's and was reset.

        Server ids belong to one server and user: after a change of account (or of the
        address the same server is reached at) feeds and stories are mapped afresh, by URL
        and link, so none is removed for not being on the new server. The queue stays: it
        is the user's work, and for the same server under a new address it is still right.
        """
        bound = self.get("account")
        if bound == account:
            return False
        with self.library.transaction():
            if bound is not None:
                self.conn.execute("DELETE FROM sync_feeds")
                self.conn.execute("DELETE FROM sync_items")
                self.conn.execute("DELETE FROM meta WHERE key = 'sync.pulled_at'")
            self.put("account", account)
        return bound is not None

    # -- feeds -----------------------------------------------------------------------

    def feed_streams(self) -> dict[str, int]:
        """Server stream id -> local feed id, for every feed the server has."""
        return dict(self.conn.execute("SELECT stream, feed_id FROM sync_feeds").fetchall())

    def stream_of(self, feed_id: int) -> str | None:
        row = self.conn.execute(
            "SELECT stream FROM sync_feeds WHERE feed_id = ?", (feed_id,)
        ).fetchone()
        return row[0] if row else None

    def map_feed(self, feed_id: int, stream: str) -> None:
        self.conn.execute(
            "DELETE FROM sync_feeds WHERE stream = ? OR feed_id = ?", (stream, feed_id)
        )
        self.conn.execute(
            "INSERT INTO sync_feeds(feed_id, stream) VALUES (?, ?)", (feed_id, stream)
        )

    def set_folder(self, feed_id: int, folder: str | None) -> None:
        self.conn.execute("UPDATE feeds SET folder = ? WHERE id = ?", (folder, feed_id))

    # -- items -----------------------------------------------------------------------

    def known_items(self) -> set[int]:
        return {row[0] for row in self.conn.execute("SELECT item FROM sync_items")}

    def item_states(self) -> list[ItemState]:
        rows = self.conn.execute(
            "SELECT s.item, s.article_id, s.server_read, s.server_starred, a.read, a.starred "
            "FROM sync_items s JOIN articles a ON a.id = s.article_id"
        ).fetchall()
        return [ItemState(r[0], r[1], bool(r[2]), bool(r[3]), bool(r[4]), bool(r[5])) for r in rows]

    def store_items(self, items: Sequence[NewItem]) -> int:
        """Store a batch of server items in one transaction; returns how many stories are new.

        A story already in the library (the same guid in its feed, or the same link) is
        not stored twice: the item is mapped to it. A new story takes the server's state.
        """
        new = 0
        with self.library.transaction():
            for item in items:
                result = self.library.store_prepared(
                    item.article, feed_id=item.feed_id, guid=item.guid
                )
                if result.status == "new":
                    new += 1
                if result.status == "new" and (item.read or item.starred):
                    self.conn.execute(
                        "UPDATE articles SET read = ?, starred = ? WHERE id = ?",
                        (int(item.read), int(item.starred), result.id),
                    )
                    self.conn.execute(  # the feeds' copy, for their counts (schema 7)
                        "UPDATE article_feeds SET read = ? WHERE article_id = ?",
                        (int(item.read), result.id),
                    )
                self.conn.execute(
                    "INSERT INTO sync_items(item, article_id, server_read, server_starred) "
                    "VALUES (?, ?, ?, ?) ON CONFLICT(item) DO UPDATE SET "
                    "article_id = excluded.article_id, server_read = excluded.server_read, "
                    "server_starred = excluded.server_starred",
                    (item.item, result.id, int(item.read), int(item.starred)),
                )
        return new

    def record_server_state(self, field: StateField, changes: Iterable[tuple[int, bool]]) -> None:
        """What the server now holds for these items (seen in a pull or confirmed in a push)."""
        column = "server_read" if field == "read" else "server_starred"
        self.conn.executemany(
            f"UPDATE sync_items SET {column} = ? WHERE item = ?",
            ((int(on), item) for item, on in changes),
        )

    def apply_server_state(self, field: StateField, changes: Iterable[tuple[int, bool]]) -> None:
        """Set stories to the server's state; unlike `Library.set_read` this queues nothing."""
        column = "read" if field == "read" else "starred"
        changes = list(changes)
        self.conn.executemany(
            f"UPDATE articles SET {column} = ? WHERE id = ?",
            ((int(on), article_id) for article_id, on in changes),
        )
        if field == "read":  # the feeds' copy, for their counts (schema 7)
            self.conn.executemany(
                "UPDATE article_feeds SET read = ? WHERE article_id = ?",
                ((int(on), article_id) for article_id, on in changes),
            )

    # -- the queue ---------------------------------------------------------------------

    def queue(self, kind: SubscriptionKind, target: str, value: dict[str, str | None]) -> None:
        self.conn.execute(
            "INSERT INTO sync_pending(kind, target, value, at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(kind, target) DO UPDATE SET value = excluded.value, at = excluded.at",
            (kind, target, json.dumps(value), time.time()),
        )

    def pending(self, *kinds: str) -> list[PendingChange]:
        marks = ",".join("?" * len(kinds))
        rows = self.conn.execute(
            f"SELECT id, kind, target, value, at FROM sync_pending WHERE kind IN ({marks}) "
            "ORDER BY id",
            kinds,
        ).fetchall()
        return [PendingChange(*row) for row in rows]

    def count_pending(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM sync_pending").fetchone()[0])

    def done(self, changes: Iterable[PendingChange]) -> None:
        """Drop changes the server confirmed (or that lost a conflict).

        A change made again while the sync ran has a later time and stays queued.
        """
        self.conn.executemany(
            "DELETE FROM sync_pending WHERE id = ? AND at = ?",
            ((change.id, change.at) for change in changes),
        )

    def unqueue(self, kind: str, target: str) -> bool:
        """Forget a queued change before it was sent; True when there was one."""
        cursor = self.conn.execute(
            "DELETE FROM sync_pending WHERE kind = ? AND target = ?", (kind, target)
        )
        return cursor.rowcount > 0
