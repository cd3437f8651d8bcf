"""The refresh engine: every due feed fetched, parsed and stored, many at a time.

One asyncio loop does the network (`FeedFetcher`); parsing and extraction are CPU work
and go to a process pool so they use every core and never stall the fetches; each feed's
articles and fetch state are written in one transaction, so a feed is either wholly
refreshed or untouched, and killing the process mid-way loses nothing already stored.

`refresh_feeds` is synchronous and runs its own loop: the command line calls it
directly and the TUI calls it from a worker thread.
"""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import os
import signal
import sqlite3
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from multiprocessing import forkserver, resource_tracker
from pathlib import Path
from typing import TypeVar

from tuinews.config import RefreshSettings
from tuinews.feeds.fetcher import FeedFetcher
from tuinews.feeds.parse import FeedEntry, FeedParseError, ParsedFeed, parse_feed
from tuinews.http import ERROR_LIMIT, PAGE_ACCEPT, Response, describe_bug
from tuinews.library import Dictionary, Library, PreparedArticle, prepare_article
from tuinews.library.packing import dictionary_id, inflate, repack
from tuinews.model import Article, Feed
from tuinews.untrusted import clean_line, is_web_address

BACKOFF_START = timedelta(minutes=1)
BACKOFF_LIMIT = timedelta(hours=6)
FULL_TEXT_PAGES_PER_FEED = 30
_SERVER_ASKED_TO_WAIT = frozenset({429, 503})

T = TypeVar("T")


@dataclass(frozen=True)
class FeedOutcome:
    feed_id: int
    title: str
    url: str
    # "updated" | "unchanged" | "not_modified" | "error" | "gone" | "deferred" | "skipped"
    status: str
    new: int = 0
    updated: int = 0
    error: str | None = None


@dataclass(frozen=True)
class RefreshProgress:
    done: int
    total: int
    new: int
    errors: int
    outcome: FeedOutcome | None


@dataclass(frozen=True)
class ReadyFeed:
    """A parsed feed whose entries are prepared for storing: what a worker sends back."""

    title: str
    entries: list[tuple[str | None, PreparedArticle]]


def read_feed(
    content: bytes, url: str, content_type: str | None, dictionary: Dictionary | None = None
) -> ReadyFeed:
    """Parse and prepare in one go, in a worker: only SQL is left for the writer."""
    parsed = parse_feed(content, url, content_type)
    return _ready(parsed, dictionary)


def _ready(parsed: ParsedFeed, dictionary: Dictionary | None = None) -> ReadyFeed:
    entries = [
        (entry.guid, prepare_article(entry.article, entry.html, dictionary))
        for entry in parsed.entries
    ]
    return ReadyFeed(title=parsed.title, entries=entries)


def repack_feed(ready: ReadyFeed, dictionary: Dictionary) -> ReadyFeed:
    """In a worker: the entries of `ready` packed with `dictionary`."""
    entries = [
        (guid, article._replace(content=repack(inflate(article.content, {}), dictionary)))
        for guid, article in ready.entries
    ]
    return replace(ready, entries=entries)


def _read_page(entry: FeedEntry, content: bytes, url: str) -> FeedEntry:
    from tuinews.extract.article import from_html  # see `tuinews.feeds.parse.extract_entry`

    page = from_html(content, url)
    if not page.sections:
        return entry
    return FeedEntry(entry.guid, _with_page(entry.article, page))


def is_refreshable(url: str) -> bool:
    """Feeds we can fetch: the web and local files, not the built-in sample edition."""
    return url.lower().startswith(("http://", "https://", "file:"))


def backoff(failures: int) -> timedelta:
    """How long to leave a feed alone after `failures` failures in a row (1, 2, 4… min)."""
    return min(BACKOFF_START * 2 ** max(failures - 1, 0), BACKOFF_LIMIT)


def _waiting(feed: Feed, now: datetime, explicit: bool) -> bool:
    """Whether the feed must wait; naming a feed overrides our back-off, not the server's."""
    if feed.next_fetch_after is None or feed.next_fetch_after <= now:
        return False
    return not explicit or feed.last_status in _SERVER_ASKED_TO_WAIT


PARENT_CHECK_SECONDS = 0.2
_CANCEL_CHECK_SECONDS = 0.05
_ABANDON_SECONDS = 0.5


class RefreshInterrupted(Exception):
    """Ctrl-C during a refresh: the feeds that finished were stored and are reported."""

    def __init__(self, outcomes: list[FeedOutcome]) -> None:
        super().__init__("interrupted")
        self.outcomes = outcomes


async def _abandon(tasks: set[asyncio.Task[FeedOutcome]]) -> None:
    """Cancel the feeds still in flight and give them a moment to close their sockets."""
    for task in tasks:
        task.cancel()
    if tasks:
        await asyncio.wait(tasks, timeout=_ABANDON_SECONDS)


def _watch_parent(parent: int) -> None:
    """End this worker as soon as the process that started it is gone.

    A pool's workers wait on a queue their parent feeds; when the parent is killed
    (SIGKILL, SIGTERM) nobody closes that queue, and they would wait forever, one of
    them holding the last feed it parsed. A forkserver's workers are its children; it
    exits with the refresh, so their parent changes just the same.
    """
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)


def _start_worker() -> None:
    """Pool initializer: die with the parent, and leave Ctrl-C to the parent.

    Ctrl-C reaches the whole process group; a worker that took it would print a
    traceback and break the pool, while the parent stops the refresh cleanly.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_watch_parent, args=(os.getppid(),), daemon=True).start()


def _process_pool() -> Executor:
    """Workers for the parsing, started the cheapest safe way.

    A process with one thread (the command line) forks them: they are ready at once,
    with everything imported. Forking a process that runs other threads (the TUI, or a
    pool restarted after a crash) can leave a child holding a lock forever, so those get
    their workers from a forkserver, a clean process that imports this module itself.
    """
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        method = "fork"
    else:
        method = "forkserver" if "forkserver" in methods else "spawn"
    context = multiprocessing.get_context(method)
    if method == "forkserver":
        context.set_forkserver_preload(["tuinews.feeds.refresh"])
    # The pool's helper process is handed `sys.stderr.fileno()` when it starts. Under the
    # TUI, sys.stderr is Textual's capture, whose fileno is -1, and the start would fail
    # for every feed; the real stderr is what the helper should inherit anyway.
    if sys.__stderr__ is not None and method != "fork":
        # Forked workers need no resource tracker: their semaphores are unlinked at once.
        with contextlib.redirect_stderr(sys.__stderr__):
            resource_tracker.ensure_running()
            if method == "forkserver":
                # Started now, its imports overlap the first fetches instead of
                # following them; workers are forked from it when the first feed arrives.
                forkserver.ensure_running()
    pool = ProcessPoolExecutor(
        max_workers=os.cpu_count() or 1, mp_context=context, initializer=_start_worker
    )
    if method == "fork":
        # The first task forks every worker, before the pool starts its own threads.
        pool.submit(int)
    return pool


def _outcome(
    feed: Feed, status: str, *, new: int = 0, updated: int = 0, error: str | None = None
) -> FeedOutcome:
    assert feed.id is not None
    return FeedOutcome(feed.id, feed.title, feed.url, status, new, updated, error)


def _with_page(entry: Article, page: Article) -> Article:
    """The entry's identity and date with the body of the page it links to."""
    return replace(
        page,
        title=entry.title,
        url=entry.url,
        published=entry.published or page.published,
        byline=entry.byline or page.byline,
        category=entry.category or page.category,
    )


class _Refresh:
    def __init__(
        self,
        library: Library,
        settings: RefreshSettings,
        on_progress: Callable[[RefreshProgress], None] | None,
    ) -> None:
        self.library = library
        self.settings = settings
        self.on_progress = on_progress
        self._pool: Executor | None = None
        # Feeds that answered 304, recorded together at the end: one transaction instead
        # of one per feed, for the refresh that is all 304s. Losing them to a crash only
        # means the feeds are asked again.
        self._not_modified: list[int] = []
        self.outcomes: list[FeedOutcome] = []
        self.done = 0
        self.total = 0
        self.new = 0
        self.errors = 0

    async def _in_pool(self, function: Callable[..., T], *args: object) -> T:
        if self._pool is None:
            self._pool = _process_pool()
        return await asyncio.get_running_loop().run_in_executor(self._pool, function, *args)

    def close(self, *, wait: bool = True) -> None:
        """Stop the workers; without `wait` (Ctrl-C) a feed being parsed is not waited for."""
        if self._pool is not None:
            self._pool.shutdown(wait=wait, cancel_futures=True)
            self._pool = None

    def _report(self, outcome: FeedOutcome | None) -> None:
        if outcome is not None:
            self.outcomes.append(outcome)
            self.done += 1
            self.new += outcome.new
            self.errors += outcome.status in ("error", "gone")
        if self.on_progress is not None:
            self.on_progress(RefreshProgress(self.done, self.total, self.new, self.errors, outcome))

    async def run(self, feeds: list[Feed], cancel: threading.Event | None) -> list[FeedOutcome]:
        """Every feed at once; stops early when `cancel` is set or the run is cancelled.

        Ctrl-C cancels this task (asyncio.run turns SIGINT into a cancellation): the
        feeds still in flight are dropped, everything that finished stays recorded in
        `self.outcomes`, and the cancellation goes on up to become a KeyboardInterrupt.
        """
        self.total = len(feeds)
        self._report(None)
        if feeds and self._pool is None:
            self._pool = _process_pool()
        try:
            async with FeedFetcher(self.settings) as fetcher:
                pending = {asyncio.ensure_future(self._guarded(fetcher, feed)) for feed in feeds}
                try:
                    while pending and not (cancel is not None and cancel.is_set()):
                        done, pending = await asyncio.wait(
                            pending,
                            timeout=_CANCEL_CHECK_SECONDS if cancel is not None else None,
                            return_when=asyncio.FIRST_COMPLETED,
                        )
                        for task in done:
                            self._report(task.result())
                finally:
                    finished = {task for task in pending if task.done()}
                    await _abandon(pending - finished)
                    for task in finished:
                        self._report(task.result())
        finally:
            with self.library.transaction():
                for feed_id in self._not_modified:
                    self.library.record_success(feed_id, 304, None, None)
        return self.outcomes

    async def _guarded(self, fetcher: FeedFetcher, feed: Feed) -> FeedOutcome:
        """One feed, whatever happens: any exception becomes this feed's one-line error."""
        try:
            return await self._one(fetcher, feed)
        except Exception as error:
            return self._failed(feed, Response(url=feed.url, error=describe_bug(error)))

    async def _one(self, fetcher: FeedFetcher, feed: Feed) -> FeedOutcome:
        assert feed.id is not None
        response = await fetcher.fetch(feed.url, etag=feed.etag, last_modified=feed.last_modified)
        if response.moved_to and self.library.move_feed(feed.id, response.moved_to):
            feed = replace(feed, url=response.moved_to)
        if response.error is not None:
            return self._failed(feed, response)
        if response.not_modified:
            self._not_modified.append(feed.id)
            return _outcome(feed, "not_modified")
        assert response.content is not None
        try:
            if feed.full_text:
                parsed = await self._in_pool(
                    parse_feed, response.content, response.url, response.content_type
                )
                ready = _ready(
                    await self._full_text(fetcher, feed, parsed), self.library.dictionary
                )
            else:
                ready = await self._in_pool(
                    read_feed,
                    response.content,
                    response.url,
                    response.content_type,
                    self.library.dictionary,
                )
        except FeedParseError as error:
            return self._failed(feed, replace(response, error=str(error)))
        except BrokenProcessPool:
            self._pool = None
            return self._failed(feed, replace(response, error="the feed parser crashed"))
        except Exception as error:  # feedparser on hostile input: one feed's problem only
            reason = " ".join(str(error).split()) or type(error).__name__
            return self._failed(feed, replace(response, error=f"could not parse: {reason}"))
        try:
            ready = await self._packed(ready)
        except BrokenProcessPool:
            self._pool = None
        return self._store(feed, response, ready)

    async def _packed(self, ready: ReadyFeed) -> ReadyFeed:
        """`ready` packed with the library's dictionary, made from these entries if the
        library has none yet and they are enough to learn from.

        Entries parsed before the dictionary existed (the first feeds of a first refresh)
        are packed again in a worker rather than later in the library, where rows that
        shrink in place would leave their pages part empty.
        """
        dictionary = self.library.dictionary or self.library.make_dictionary(
            [article.content for _, article in ready.entries]
        )
        if dictionary is None or all(
            dictionary_id(article.content) == dictionary.id for _, article in ready.entries
        ):
            return ready
        return await self._in_pool(repack_feed, ready, dictionary)

    def _failed(self, feed: Feed, response: Response) -> FeedOutcome:
        assert feed.id is not None and response.error is not None
        now = datetime.now(UTC)
        gone = response.status == 410
        if gone:
            error = f"{response.error}: the feed is gone and will not be fetched again"
            wait = None
        else:
            error = response.error
            wait = self._retry_at(feed, response, now)
            if response.status in _SERVER_ASKED_TO_WAIT and response.retry_at is not None:
                error = f"{error}; asked to wait until {wait.astimezone():%Y-%m-%d %H:%M}"
        error = clean_line(error)[:ERROR_LIMIT]
        try:
            self.library.record_failure(
                feed.id, error, status=response.status, next_fetch_after=wait, gone=gone
            )
        except sqlite3.Error as db_error:
            error = f"{error}; and could not record it: {db_error}"
        return _outcome(feed, "gone" if gone else "error", error=error)

    def _retry_at(self, feed: Feed, response: Response, now: datetime) -> datetime:
        """When to ask again: when the server said (429, 503; within reason), else back off."""
        if response.retry_at is not None and response.status in _SERVER_ASKED_TO_WAIT:
            return min(response.retry_at, now + timedelta(seconds=self.settings.max_retry_after))
        return now + backoff(feed.failures + 1)

    async def _full_text(self, fetcher: FeedFetcher, feed: Feed, parsed: ParsedFeed) -> ParsedFeed:
        """Fetch the pages of entries we have not stored yet, for summary-only feeds; the
        entries already stored are left out."""
        assert feed.id is not None
        guids = [entry.guid for entry in parsed.entries if entry.guid]
        known = self.library.known_guids(feed.id, guids)
        fresh = [
            index
            for index, entry in enumerate(parsed.entries)
            if entry.guid not in known and is_web_address(entry.article.url)
        ][:FULL_TEXT_PAGES_PER_FEED]

        async def page_of(entry: FeedEntry) -> FeedEntry:
            assert entry.article.url is not None
            page = await fetcher.fetch(entry.article.url, accept=PAGE_ACCEPT)
            if page.content is None:
                return entry
            try:
                return await self._in_pool(_read_page, entry, page.content, page.url)
            except Exception:  # a page we cannot read keeps the feed's summary
                return entry

        pages = await asyncio.gather(*(page_of(parsed.entries[index]) for index in fresh))
        entries = list(parsed.entries)
        for index, entry in zip(fresh, pages, strict=True):
            entries[index] = entry
        # An entry stored before was stored with its page: the feed's summary of it must
        # not overwrite the whole story on the next refresh.
        return replace(parsed, entries=[entry for entry in entries if entry.guid not in known])

    def _store(self, feed: Feed, response: Response, ready: ReadyFeed) -> FeedOutcome:
        try:
            feed, new, updated = store_feed(self.library, feed, response, ready)
        except sqlite3.Error as error:
            return self._failed(feed, replace(response, error=f"could not store: {error}"))
        return _outcome(
            feed, "updated" if new or updated else "unchanged", new=new, updated=updated
        )


def _identified(
    entries: list[tuple[str | None, PreparedArticle]],
) -> Iterator[tuple[str | None, PreparedArticle]]:
    """Each entry with the guid it is known by in its feed.

    An entry with no guid, no link and no text has nothing to be recognised by but its
    place: the n-th such entry of a feed is the same entry at the next refresh, and two
    of them are never taken for one story because both are empty.
    """
    blank = 0
    for guid, article in entries:
        if guid is None and article.url is None and not article.has_text:
            blank += 1
            guid = f"tuinews:entry-without-text:{blank}"
        yield guid, article


def _oldest_first(
    entries: Iterator[tuple[str | None, PreparedArticle]],
) -> list[tuple[str | None, PreparedArticle]]:
    """Entries in the order of their dates, undated ones last, as sent otherwise.

    Feeds list their newest entry first; stored in that order, each row lands just
    before the previous one in the date indexes, and SQLite splits a page it inserts
    into on the left into two half-empty ones. In date order the indexes fill their
    pages: measured on 100,000 generated entries, the listing took 39 bytes an entry
    instead of 53, the date indexes 26 instead of 29.
    """
    return sorted(
        entries, key=lambda entry: (entry[1].published_ts is None, entry[1].published_ts or 0)
    )


def store_feed(
    library: Library, feed: Feed, response: Response, parsed: ParsedFeed | ReadyFeed
) -> tuple[Feed, int, int]:
    """A feed's entries and its fetch state in one transaction: (feed, new, updated)."""
    assert feed.id is not None and response.status is not None
    ready = parsed if isinstance(parsed, ReadyFeed) else _ready(parsed)
    counts = {"new": 0, "updated": 0, "unchanged": 0}
    with library.transaction():
        for guid, article in _oldest_first(_identified(ready.entries)):
            result = library.store_prepared(article, feed_id=feed.id, guid=guid)
            counts[result.status] += 1
        library.record_success(feed.id, response.status, response.etag, response.last_modified)
        if ready.title and feed.title == feed.url:
            library.rename_feed(feed.id, ready.title)
            feed = replace(feed, title=ready.title)
    return feed, counts["new"], counts["updated"]


def _wait_reason(feed: Feed) -> str | None:
    if feed.next_fetch_after is None:
        return None
    until = feed.next_fetch_after.astimezone()
    return f"not retried before {until:%Y-%m-%d %H:%M} ({feed.last_error or 'asked to wait'})"


def select_feeds(
    library: Library, feed_ids: Sequence[int] | None, now: datetime
) -> tuple[list[Feed], list[Feed], list[Feed]]:
    """(to fetch, to leave waiting, gone): every refreshable feed, or exactly the ones named.

    A gone feed is fetched again only when named; otherwise it is only reported.
    """
    explicit = feed_ids is not None
    if feed_ids is None:
        feeds = library.feeds()
    else:
        feeds = [library.get_feed(feed_id) for feed_id in feed_ids]
    feeds = [feed for feed in feeds if is_refreshable(feed.url)]
    gone = [feed for feed in feeds if feed.gone and not explicit]
    live = [feed for feed in feeds if explicit or not feed.gone]
    due = [feed for feed in live if not _waiting(feed, now, explicit)]
    waiting = [feed for feed in live if _waiting(feed, now, explicit)]
    return due, waiting, gone


def refresh_feeds(
    db: Path,
    settings: RefreshSettings,
    feed_ids: Sequence[int] | None = None,
    *,
    on_progress: Callable[[RefreshProgress], None] | None = None,
    cancel: threading.Event | None = None,
) -> list[FeedOutcome]:
    """Refresh the named feeds, or every due one; report each as it lands."""
    with Library.open(db) as library:
        due, waiting, gone = select_feeds(library, feed_ids, datetime.now(UTC))
        refresh = _Refresh(library, settings, on_progress)
        deferred = [_outcome(feed, "deferred", error=_wait_reason(feed)) for feed in waiting]
        deferred += [
            _outcome(feed, "skipped", error=feed.last_error or "the feed is gone") for feed in gone
        ]
        try:
            outcomes = asyncio.run(refresh.run(due, cancel))
        except KeyboardInterrupt:
            refresh.close(wait=False)
            raise RefreshInterrupted(refresh.outcomes + deferred) from None
        finally:
            refresh.close()
    return outcomes + deferred
