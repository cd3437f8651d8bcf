"""One sync: subscriptions both ways, new items down, read/starred state reconciled, queue up.

Local-first and resumable. Each batch of items is stored in its own transaction with its
server ids, so a sync killed midway keeps what it stored and the next one asks only for
the rest; a queued change leaves the queue only when the server answered OK for it; the
mark that makes the next pull incremental (`ot`) moves only when a sync got to the end.

Conflicts: each side's state is compared with the server state seen at the last sync.
Only one side changed: that side wins. Both changed, differently: the later change wins,
by the time the server gives the item (`updated`) against the time of the local change.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, TypeVar

from tuinews.config import SyncAccount
from tuinews.feeds.parse import plain_title
from tuinews.library import Library
from tuinews.library.syncstate import PendingChange, StateField, SyncState
from tuinews.sync.account import account_key, password
from tuinews.sync.greader import (
    CONTENTS_BATCH,
    EDIT_BATCH,
    READ,
    READING_LIST,
    STARRED,
    GReaderClient,
    ServerRefused,
    account_id,
)
from tuinews.sync.items import item_key, read_answer, server_change_time
from tuinews.sync.transport import DownloaderTransport, Transport
from tuinews.untrusted import clean_line

# How far before the last sync the next one looks for items, by their published date:
# `ot` filters on it, and a feed's entry can reach the server long after it was published.
# Unread and starred items are found whatever their date; ids are cheap.
PULL_OVERLAP = 24 * 60 * 60
STATE_TAGS: dict[StateField, str] = {"read": READ, "starred": STARRED}
FIELDS: tuple[StateField, ...] = ("read", "starred")
STATE_FIELD: dict[str, StateField] = {"read": "read", "starred": "starred"}

T = TypeVar("T")


@dataclass(frozen=True)
class SyncProgress:
    """Items pulled so far of those found new on the server."""

    done: int
    total: int


@dataclass
class SyncReport:
    subscriptions: int = 0
    feeds_added: int = 0
    feeds_removed: int = 0
    subscription_changes_sent: int = 0
    items_pulled: int = 0
    stories_new: int = 0
    changes_from_server: int = 0
    changes_sent: int = 0
    conflicts: int = 0
    conflicts_server_won: int = 0
    requests: int = 0
    requests_by_path: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        parts = [f"{self.subscriptions} feeds"]
        if self.feeds_added or self.feeds_removed:
            parts[0] += f" ({self.feeds_added} new, {self.feeds_removed} removed)"
        parts.append(f"{self.stories_new:,} new articles")
        parts.append(f"{self.changes_from_server:,} changes from the server")
        parts.append(f"{self.changes_sent + self.subscription_changes_sent:,} changes sent")
        if self.conflicts:
            parts.append(
                f"{self.conflicts} conflicts ({self.conflicts_server_won} won by the server)"
            )
        return "synced: " + ", ".join(parts)


def chunks(values: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def open_client(
    library: Library, account: SyncAccount, transport: Transport | None = None
) -> GReaderClient:
    """A client that starts from the token kept in the library and keeps the new one."""
    state = SyncState(library)
    key = account_key(account)
    return GReaderClient(
        account.url,
        account.username,
        lambda: password(account),
        transport or DownloaderTransport(),
        token=state.token(key),
        on_token=lambda token: state.set_token(key, token),
    )


def _folder(subscription: dict[str, Any]) -> str | None:
    for category in subscription.get("categories") or ():
        if not isinstance(category, dict):
            continue
        label = category.get("label")
        if not label and str(category.get("id", "")).count("/label/"):
            label = str(category["id"]).split("/label/", 1)[1]
        if label:
            return clean_line(str(label))
    return None


def _feed_url(subscription: dict[str, Any]) -> str:
    url = subscription.get("url")
    if isinstance(url, str) and url:
        return url
    return str(subscription.get("id", "")).removeprefix("feed/")


class Sync:
    def __init__(
        self,
        library: Library,
        client: GReaderClient,
        on_progress: Callable[[SyncProgress], None] | None = None,
    ) -> None:
        self.library = library
        self.client = client
        self.state = SyncState(library)
        self.on_progress = on_progress
        self.report = SyncReport()
        self._done = 0

    def run(self) -> SyncReport:
        started = time.time()
        self.run_subscriptions()
        unread, starred = self.pull_items()
        self.reconcile(unread, starred)
        self.state.put("pulled_at", repr(started))
        self._count_requests()
        return self.report

    # -- subscriptions -------------------------------------------------------------------

    def run_subscriptions(self) -> None:
        if self.state.bind_account(account_id(self.client.username, self.client.url)):
            self.report.warnings.append(
                "the account changed: feeds and stories are matched to the new server afresh"
            )
        subscriptions = self.client.subscriptions()
        if self.push_subscriptions(subscriptions):
            subscriptions = self.client.subscriptions()
        self.apply_subscriptions(subscriptions)
        self._count_requests()

    def _count_requests(self) -> None:
        self.report.requests = self.client.requests
        self.report.requests_by_path = dict(self.client.sent)

    def push_subscriptions(self, subscriptions: list[dict[str, Any]]) -> bool:
        """Send queued subscribes, unsubscribes and edits; True when the list changed."""
        on_server = {_feed_url(sub) for sub in subscriptions}
        streams = {str(sub.get("id")) for sub in subscriptions}
        sent = 0
        for change in self.state.pending("subscribe", "unsubscribe", "edit"):
            try:
                sent += self._send_subscription_change(change, on_server, streams)
            except ServerRefused as error:
                # One feed the server will not take must not hold up every later sync.
                if error.status < 500:
                    self.state.done([change])
                    self.report.warnings.append(f"{change.kind} {change.target} dropped: {error}")
                else:
                    self.report.warnings.append(
                        f"{change.kind} {change.target} kept queued: {error}"
                    )
                continue
            self.state.done([change])
        self.report.subscription_changes_sent = sent
        return sent > 0

    def _send_subscription_change(
        self, change: PendingChange, on_server: set[str], streams: set[str]
    ) -> int:
        """Send one change unless the server already agrees; how many requests it took."""
        value = json.loads(change.value)
        if change.kind == "subscribe" and change.target not in on_server:
            self.client.subscribe(change.target, value.get("title"), value.get("folder"))
        elif change.kind == "unsubscribe" and change.target in streams:
            self.client.unsubscribe(change.target)
        elif change.kind == "edit" and change.target in streams:
            self.client.edit_subscription(change.target, value.get("title"), value.get("folder"))
        else:
            return 0
        return 1

    def apply_subscriptions(self, subscriptions: list[dict[str, Any]]) -> None:
        """The server's list wins: new feeds appear here, vanished ones go, names follow."""
        streams = self.state.feed_streams()
        by_url = {feed.url: feed for feed in self.library.feeds()}
        seen: set[str] = set()
        with self.library.transaction():
            for sub in subscriptions:
                stream = str(sub.get("id") or "")
                if not stream.startswith("feed/"):
                    continue
                seen.add(stream)
                url = _feed_url(sub)
                title = plain_title(str(sub.get("title") or "")) or url
                folder = _folder(sub)
                feed_id = streams.get(stream)
                if feed_id is None:
                    known = by_url.get(url)
                    if known is None:
                        known = self.library.add_feed(url, title, folder)
                        self.report.feeds_added += 1
                    assert known.id is not None
                    feed_id = known.id
                    self.state.map_feed(feed_id, stream)
                feed = self.library.get_feed(feed_id)
                if feed.title != title:
                    self.library.rename_feed(feed_id, title)
                if feed.folder != folder:
                    self.state.set_folder(feed_id, folder)
            for stream, feed_id in streams.items():
                if stream not in seen:
                    self.library.remove_feed(feed_id)
                    self.report.feeds_removed += 1
        self.report.subscriptions = len(seen)

    # -- items ---------------------------------------------------------------------------

    def pull_items(self) -> tuple[set[int], set[int]]:
        """Store the items the library lacks; returns the server's unread and starred ids."""
        pulled_at = self.state.get("pulled_at")
        newer_than = int(float(pulled_at)) - PULL_OVERLAP if pulled_at else None
        recent = self.client.item_ids(READING_LIST, newer_than=newer_than)
        unread = self.client.item_ids(READING_LIST, exclude=READ)
        starred = self.client.item_ids(STARRED)
        wanted = sorted((recent | unread | starred) - self.state.known_items(), reverse=True)
        feeds = self.state.feed_streams()
        self._progress(0, len(wanted))
        batches = list(chunks(wanted, CONTENTS_BATCH))
        if not batches:
            return unread, starred
        # Answers are fetched back to back by one thread while this one reads and stores
        # them: the server's work and ours overlap instead of adding up. (Reading them in
        # worker processes as well measured no faster on two busy cores.)
        fetcher = ThreadPoolExecutor(max_workers=1)
        try:
            fetches = [fetcher.submit(self.client.items_body, batch) for batch in batches]
            for fetch, batch in zip(fetches, batches, strict=True):
                items, skipped = read_answer(fetch.result(), self.client.host, feeds)
                if skipped:
                    self.report.warnings.append(f"{skipped} items without an id were skipped")
                self.report.stories_new += self.state.store_items(items)
                self.report.items_pulled += len(items)
                self._done += len(batch)
                self._progress(self._done, len(wanted))
        finally:
            fetcher.shutdown(wait=True, cancel_futures=True)
        return unread, starred

    def _progress(self, done: int, total: int) -> None:
        if self.on_progress is not None:
            self.on_progress(SyncProgress(done, total))

    # -- state -----------------------------------------------------------------------------

    def reconcile(self, unread: set[int], starred: set[int]) -> None:
        queued = {
            (change.kind, int(change.target)): change
            for change in self.state.pending("read", "starred")
        }
        settled: list[PendingChange] = []
        to_send: list[tuple[StateField, int, bool, PendingChange]] = []
        conflicts: list[tuple[StateField, int, int, bool, PendingChange]] = []
        local: dict[StateField, list[tuple[int, bool]]] = {"read": [], "starred": []}
        seen: dict[StateField, list[tuple[int, bool]]] = {"read": [], "starred": []}
        for row in self.state.item_states():
            for field_name in FIELDS:
                now = row.item not in unread if field_name == "read" else row.item in starred
                last = row.server_read if field_name == "read" else row.server_starred
                mine = row.read if field_name == "read" else row.starred
                if now != last:
                    seen[field_name].append((row.item, now))
                change = queued.pop((field_name, row.item), None)
                if change is None:
                    if mine != now:
                        local[field_name].append((row.article_id, now))
                    continue
                wanted = change.value == "1"
                if wanted == now:
                    settled.append(change)
                elif now == last:
                    to_send.append((field_name, row.item, wanted, change))
                else:
                    conflicts.append((field_name, row.item, row.article_id, now, change))
        # Changes to items the library no longer has (their feed was removed) still go.
        for (name, item), change in queued.items():
            to_send.append((STATE_FIELD[name], item, change.value == "1", change))
        self.report.conflicts = len(conflicts)
        for field_name, _item, article_id, now, change in self._later_on_server(conflicts):
            local[field_name].append((article_id, now))
            settled.append(change)
            self.report.conflicts_server_won += 1
        lost = {id(change) for change in settled}
        to_send = [entry for entry in to_send if id(entry[3]) not in lost] + [
            (f, i, c.value == "1", c) for f, i, _, _, c in conflicts if id(c) not in lost
        ]
        with self.library.transaction():
            for field_name in FIELDS:
                self.state.apply_server_state(field_name, local[field_name])
                self.state.record_server_state(field_name, seen[field_name])
                self.report.changes_from_server += len(local[field_name])
            self.state.done(settled)
        self.push_state(to_send)

    def _later_on_server(
        self, conflicts: list[tuple[StateField, int, int, bool, PendingChange]]
    ) -> Iterable[tuple[StateField, int, int, bool, PendingChange]]:
        """The conflicts the server's side wins: it changed the item after we did."""
        if not conflicts:
            return []
        numbers = sorted({item for _, item, _, _, _ in conflicts})
        changed_at: dict[int, float] = {}
        for batch in chunks(numbers, CONTENTS_BATCH):
            for raw in self.client.items(batch):
                try:
                    changed_at[item_key(raw)] = server_change_time(raw)
                except ValueError:
                    continue
        return [entry for entry in conflicts if changed_at.get(entry[1], 0.0) > entry[4].at]

    def push_state(self, to_send: list[tuple[StateField, int, bool, PendingChange]]) -> None:
        """Send the queue: one edit-tag per (tag, add or remove) and batch of items."""
        groups: dict[tuple[StateField, bool], list[tuple[int, PendingChange]]] = {}
        for field_name, item, wanted, change in to_send:
            groups.setdefault((field_name, wanted), []).append((item, change))
        for (field_name, wanted), entries in groups.items():
            tag = STATE_TAGS[field_name]
            for batch in chunks(entries, EDIT_BATCH):
                numbers = [item for item, _ in batch]
                if wanted:
                    self.client.edit_tag(numbers, add=tag)
                else:
                    self.client.edit_tag(numbers, remove=tag)
                with self.library.transaction():
                    self.state.done(change for _, change in batch)
                    self.state.record_server_state(field_name, ((n, wanted) for n in numbers))
                self.report.changes_sent += len(batch)


def sync(
    library: Library,
    account: SyncAccount,
    *,
    on_progress: Callable[[SyncProgress], None] | None = None,
    transport: Transport | None = None,
) -> SyncReport:
    """Run one sync of `library` with `account`; raises `SyncError` (one line) on failure."""
    client = open_client(library, account, transport)
    try:
        return Sync(library, client, on_progress).run()
    finally:
        client.close()


def sync_subscriptions(library: Library, account: SyncAccount) -> SyncReport:
    """Only the subscriptions both ways: what `add`, `remove` and `edit` send at once."""
    client = open_client(library, account)
    try:
        job = Sync(library, client)
        job.run_subscriptions()
        return job.report
    finally:
        client.close()
