"""The SQLite library: feeds, articles, read state and full-text search.

One `Library` is one connection. A process has at most one writer at a time (SQLite's
rule); UI workers open their own `Library` for reading, which WAL lets run alongside the
writer. Every list query takes a limit: a page is what a screen or a command shows.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import re
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal, NamedTuple, TypeVar

from tuinews.library.packing import (
    Dictionary,
    StoryContent,
    dictionary_id,
    guid_key,
    hex_key,
    inflate,
    pack,
    packed_body,
    parts,
    repack,
    train_dictionary,
    unpack,
    url_key,
)
from tuinews.library.query import QuerySyntaxError
from tuinews.library.query import parse as parse_query
from tuinews.library.schema import SchemaTooNew, migrate
from tuinews.library.snippets import snippet
from tuinews.library.syncstate import queue_state_change
from tuinews.model import Article, ArticleSummary, Feed
from tuinews.plural import counted
from tuinews.untrusted import clean_document, clean_line, clean_text, short_line

T = TypeVar("T")


class LibraryError(Exception):
    """A problem the user can act on; its message is one line fit for a terminal."""


class ArticleNotFound(LibraryError):
    def __init__(self, article_id: int) -> None:
        super().__init__(f"no article with id {article_id}")
        self.article_id = article_id


class FeedNotFound(LibraryError):
    def __init__(self, name: str) -> None:
        super().__init__(f"no feed named {name!r}")
        self.name = name


@dataclass(frozen=True)
class ArticleFilter:
    """Which articles a list shows; the fields combine with AND."""

    unread: bool = False
    starred: bool = False
    saved: bool = False
    feed_id: int | None = None
    folder: str | None = None


ArticleOrder = Literal["newest", "oldest", "title", "feed"]
ORDERS: tuple[ArticleOrder, ...] = ("newest", "oldest", "title", "feed")


@dataclass(frozen=True)
class Cursor:
    """Where the previous page ended, for keyset paging (no OFFSET scans deep in a list).

    `title` and `feed` place the row in the lists sorted by title or by feed.
    """

    sort_ts: int
    id: int
    title: str = ""
    feed: str = ""

    @classmethod
    def after(cls, row: ArticleSummary) -> Cursor:
        return cls(sort_ts=row.sort_ts, id=row.id, title=row.title, feed=row.feed or "")


@dataclass(frozen=True)
class StoreResult:
    id: int
    status: Literal["new", "updated", "unchanged"]


@dataclass(frozen=True)
class Removal:
    """What unsubscribing does: stories deleted, kept (starred or saved), still listed
    by another feed."""

    deleted: int
    kept: int
    shared: int

    @classmethod
    def total(cls, removals: list[Removal]) -> Removal:
        """Unsubscribing from several feeds at once (a folder)."""
        return cls(
            deleted=sum(removal.deleted for removal in removals),
            kept=sum(removal.kept for removal in removals),
            shared=sum(removal.shared for removal in removals),
        )

    def describe(self) -> str:
        """One line for the question before unsubscribing and the report after it."""
        parts = []
        if self.deleted:
            parts.append(f"{counted(self.deleted, 'article')} go")
        if self.kept:
            parts.append(
                f"{counted(self.kept, 'article')} starred or saved stay in Starred and Saved"
            )
        if self.shared:
            parts.append(
                f"{counted(self.shared, 'article')} stay in the other feeds that list them"
            )
        return ("; ".join(parts) or "It has no articles") + "."


@dataclass(frozen=True)
class SearchHit:
    article: ArticleSummary
    snippet: str
    rank: int  # the hit's place in the results, 0 first (the index keeps no scores)


# Marks around matched words in search snippets. Control characters never survive
# `clean_text`, so they cannot be forged by an article and need no escaping.
MATCH_START = "\x02"
MATCH_END = "\x03"

# A story's feed as lists show it: the feed it came from, else another that lists it,
# else the feed it was kept from when that was unsubscribed.
_FEED_NAME = (
    "coalesce((SELECT title FROM feeds WHERE id = a.origin_feed), "
    "(SELECT f.title FROM article_feeds x JOIN feeds f ON f.id = x.feed_id "
    "WHERE x.article_id = a.id ORDER BY x.feed_id LIMIT 1), "
    "'(removed) ' || a.removed_from)"
)
_FEED_KEY = f"coalesce({_FEED_NAME}, '')"
_SUMMARY_COLUMNS = (
    f"a.id, a.title, a.url, {_FEED_NAME}, a.published, a.read, a.starred, a.saved, a.sort_ts"
)
_WORD = re.compile(r"\S+")


def _now() -> int:
    return int(time.time())


def _from_ts(value: int | None) -> datetime | None:
    return datetime.fromtimestamp(value, UTC) if value is not None else None


def _summary(row: sqlite3.Row | tuple[Any, ...]) -> ArticleSummary:
    return ArticleSummary(
        id=row[0],
        title=row[1],
        url=row[2],
        feed=row[3],
        published=datetime.fromisoformat(row[4]) if row[4] else None,
        read=bool(row[5]),
        starred=bool(row[6]),
        saved=bool(row[7]),
        sort_ts=row[8],
    )


def content_hash(title: str, body: str) -> str:
    """What makes two copies of a story the same story, whitespace aside."""
    folded = " ".join(f"{title}\n{body}".split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


def markup_hash(title: str, markup: str) -> str:
    """What makes two copies of a feed entry the same entry: its title and HTML as sent.

    Unlike `content_hash` it keeps whitespace: folding it cost more than the rest of
    preparing an entry, and a feed that only re-spaces its HTML is rare and harmless
    (the entry is stored again, its read and starred state untouched).
    """
    return hashlib.sha256(f"{title}\n{markup}".encode()).hexdigest()


def plain_words_query(query: str) -> str:
    """`query` as an FTS5 query of quoted words: no operator in it means anything."""
    return " ".join('"' + word.replace('"', '""') + '"' for word in _WORD.findall(query))


class PreparedArticle(NamedTuple):
    """An article as its row will hold it: cleaned, keyed, serialised and compressed.

    Preparing is the CPU part of storing and needs no database, so the refresh engine
    does it in its worker processes and the one writer only runs SQL. A named tuple,
    because tens of thousands cross from the workers in a refresh and a tuple pickles in
    a third of a dataclass's time.
    """

    title: str
    url: str | None
    url_key: int | None
    digest: int
    content: bytes
    published: str | None
    published_ts: int | None
    has_text: bool


PAGE_BYTES = 16384
# Entries a dictionary is learnt from at the least: fewer teach it little.
DICTIONARY_SAMPLE_FROM = 200
# Kept in the row's own columns, so the packed document leaves them out (schema 8).
_COLUMN_KEYS = ("id", "feed", "text", "title", "url", "published")


def prepare_article(
    article: Article, pending_html: str | None = None, dictionary: Dictionary | None = None
) -> PreparedArticle:
    """`pending_html`: the HTML still to be extracted; the story's identity is then that
    HTML, so opening (and extracting) it never looks like a change to the next refresh.
    `dictionary`: the library's (`Library.dictionary`), which shrinks the blob by a third.
    """
    doc = clean_document(article.to_dict())
    for link in doc["also_read"]:
        link["target_id"] = None
    for section in doc["sections"]:
        for block in section["blocks"]:
            for link in block.get("links", ()):
                link["target_id"] = None
    title = short_line(doc["title"]) if doc["title"] else doc["title"]
    url = doc["url"]
    # Empty fields cost bytes in every blob; `Article.from_dict` fills them back in.
    doc = {key: value for key, value in doc.items() if value and key not in _COLUMN_KEYS}
    body: str | None = None
    if pending_html is not None:
        # Its text is the HTML's quick text (`feeds.parse`, `sync.items`), made again
        # from the HTML when read (`packing.html_words`) rather than stored twice.
        digest, has_text = markup_hash(title, pending_html), bool(pending_html)
    else:
        body = clean_text(article.text or article.body_text())
        digest, has_text = content_hash(title, body), bool(body.strip())
    return PreparedArticle(
        title=title,
        url=url,
        url_key=url_key(url),
        digest=hex_key(digest),
        content=pack(
            json.dumps(doc, ensure_ascii=False, separators=(",", ":")),
            body,
            pending_html,
            dictionary,
        ),
        published=article.published.isoformat() if article.published else None,
        published_ts=int(article.published.timestamp()) if article.published else None,
        has_text=has_text,
    )


class Library:
    """The article store. Open with `Library.open(path)`; use as a context manager."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path
        self._depth = 0
        self._dictionaries: dict[int, bytes] = {}
        self._load_dictionaries()

    @classmethod
    def open(cls, path: Path | str) -> Library:
        path = Path(path)
        # A mistyped path must not quietly become a new, empty library somewhere.
        if not path.parent.is_dir():
            raise LibraryError(f"cannot open database {path}: no directory {path.parent}")
        try:
            conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        except (OSError, sqlite3.Error) as error:
            raise LibraryError(f"cannot open database {path}: {error}") from None
        try:
            conn.execute("PRAGMA busy_timeout = 5000")
            if conn.execute("PRAGMA page_count").fetchone()[0] == 0:
                # A new file only: an existing one keeps both until a VACUUM (and asking
                # for auto_vacuum again cost each open 2–4 ms). Rows of ~900 bytes left a
                # sixth of each 4 KB page empty, a fiftieth of 16 KB ones.
                conn.execute(f"PRAGMA page_size = {PAGE_BYTES}")
                conn.execute("PRAGMA auto_vacuum = INCREMENTAL")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
            migrate(conn)
        except SchemaTooNew as error:
            conn.close()
            raise LibraryError(f"cannot open database {path}: {error}") from None
        except sqlite3.Error as error:
            conn.close()
            raise LibraryError(f"cannot open database {path}: {error}") from None
        return cls(conn, path)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction; nested uses join the outer one."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self.conn.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")
        finally:
            self._depth = 0

    # -- library state ---------------------------------------------------------------

    def get_meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self.conn.execute(
            "INSERT INTO meta(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def data_version(self) -> int:
        """Changes when another connection (a `tuinews import`, a cron refresh) commits."""
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0])

    # -- packing -----------------------------------------------------------------------

    def _load_dictionaries(self) -> None:
        self._dictionaries = dict(self.conn.execute("SELECT id, data FROM dictionaries"))

    @property
    def dictionary(self) -> Dictionary | None:
        """The dictionary new blobs are packed with; None until there are entries to learn
        from (`make_dictionary`)."""
        if not self._dictionaries:
            return None
        newest = max(self._dictionaries)
        return Dictionary(newest, self._dictionaries[newest])

    def make_dictionary(self, blobs: Sequence[bytes] = ()) -> Dictionary | None:
        """Learn the dictionary from a sample of the stored entries once there are
        `DICTIONARY_SAMPLE_FROM` of them, or from `blobs` (a feed about to be stored,
        packed without one) if they are as many; afterwards the one made, even if
        another process made it."""
        self._load_dictionaries()
        if self._dictionaries:
            return self.dictionary
        if len(blobs) >= DICTIONARY_SAMPLE_FROM:
            step = max(len(blobs) // 64, 1)
            samples = [inflate(blob, {}) for blob in blobs[::step][:64]]
        else:
            stored = self.conn.execute(
                "SELECT count(*) FROM (SELECT 1 FROM articles LIMIT ?)",
                (DICTIONARY_SAMPLE_FROM,),
            ).fetchone()[0]
            if stored < DICTIONARY_SAMPLE_FROM:
                return None
            samples = [
                inflate(row[0], {})
                for row in self.conn.execute(
                    "SELECT content FROM articles WHERE id IN "
                    "(SELECT id FROM articles ORDER BY random() LIMIT 64)"
                )
            ]
        made = train_dictionary(1, samples)
        with self.transaction():
            self.conn.execute("INSERT OR IGNORE INTO dictionaries(id, data) VALUES (?, ?)", made)
        self._load_dictionaries()
        return self.dictionary

    def _inflated(self, blob: bytes, read: Callable[[bytes, dict[int, bytes]], T]) -> T:
        """`read(blob, dictionaries)`, learning of a dictionary another process made."""
        try:
            return read(blob, self._dictionaries)
        except KeyError:
            self._load_dictionaries()
            return read(blob, self._dictionaries)

    def is_empty(self) -> bool:
        return self.conn.execute("SELECT 1 FROM articles LIMIT 1").fetchone() is None

    # -- feeds -----------------------------------------------------------------------

    def add_feed(self, url: str, title: str, folder: str | None = None) -> Feed:
        """Subscribe to `url`; subscribing twice returns the existing feed unchanged."""
        self.conn.execute(
            "INSERT INTO feeds(url, title, folder, added) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(url) DO NOTHING",
            (url, short_line(title) or url, clean_line(folder) if folder else None, _now()),
        )
        row = self.conn.execute("SELECT id FROM feeds WHERE url = ?", (url,)).fetchone()
        return self.get_feed(row[0])

    def _feeds(self, where: str, params: tuple[Any, ...]) -> list[Feed]:
        rows = self.conn.execute(
            f"""
            SELECT f.id, f.url, f.title, f.folder, f.etag, f.last_modified, f.last_status,
                   f.last_error, f.last_fetched, f.last_success, f.next_fetch_after,
                   f.failures, f.gone, f.full_text,
                   (SELECT count(*) FROM article_feeds x WHERE x.feed_id = f.id AND x.read = 0),
                   (SELECT count(*) FROM article_feeds x WHERE x.feed_id = f.id)
            FROM feeds f WHERE {where}
            ORDER BY coalesce(f.folder, ''), f.title COLLATE NOCASE, f.id
            """,
            params,
        ).fetchall()
        return [
            Feed(
                id=row[0],
                url=row[1],
                title=row[2],
                folder=row[3],
                etag=row[4],
                last_modified=row[5],
                last_status=row[6],
                last_error=row[7],
                last_fetched=_from_ts(row[8]),
                last_success=_from_ts(row[9]),
                next_fetch_after=_from_ts(row[10]),
                failures=row[11],
                gone=bool(row[12]),
                full_text=bool(row[13]),
                unread=row[14],
                total=row[15],
            )
            for row in rows
        ]

    def feeds(self) -> list[Feed]:
        """Every subscription with its counts: one row per feed, not per article."""
        return self._feeds("1", ())

    def get_feed(self, feed_id: int) -> Feed:
        found = self._feeds("f.id = ?", (feed_id,))
        if not found:
            raise FeedNotFound(str(feed_id))
        return found[0]

    def find_feed(self, name: str) -> Feed:
        """The feed a user means by `name`: its id, its URL or its title (any case)."""
        where = "f.url = ? OR f.title = ? COLLATE NOCASE"
        params: tuple[Any, ...] = (name, name)
        if name.isdigit():
            where += " OR f.id = ?"
            params += (int(name),)
        found = self._feeds(where, params)
        if not found:
            raise FeedNotFound(name)
        return found[0]

    def find_feed_by_url(self, url: str) -> Feed | None:
        found = self._feeds("f.url = ?", (url,))
        return found[0] if found else None

    def _only_here(self, feed_id: int) -> str:
        return (
            "SELECT af.article_id FROM article_feeds af WHERE af.feed_id = "
            f"{int(feed_id)} AND NOT EXISTS (SELECT 1 FROM article_feeds o "
            "WHERE o.article_id = af.article_id AND o.feed_id != af.feed_id)"
        )

    def removal(self, feed_id: int) -> Removal:
        """What unsubscribing from the feed would do to its stories."""
        row = self.conn.execute(
            "SELECT count(*), coalesce(sum(starred OR saved), 0) FROM articles "
            f"WHERE id IN ({self._only_here(feed_id)})"
        ).fetchone()
        total = self.conn.execute(
            "SELECT count(*) FROM article_feeds WHERE feed_id = ?", (feed_id,)
        ).fetchone()[0]
        return Removal(deleted=row[0] - row[1], kept=row[1], shared=total - row[0])

    def remove_feed(self, feed_id: int) -> Removal:
        """Unsubscribe. Stories no other feed lists go, except the starred and saved ones,
        which stay (in Starred and Saved) marked with the feed's name."""
        with self.transaction():
            removal = self.removal(feed_id)
            title = self.get_feed(feed_id).title
            only_here = self._only_here(feed_id)
            self.conn.execute(
                f"UPDATE articles SET removed_from = ?, origin_feed = NULL "
                f"WHERE id IN ({only_here}) AND (starred OR saved)",
                (title,),
            )
            doomed = [
                row[0]
                for row in self.conn.execute(
                    f"SELECT id FROM articles WHERE id IN ({only_here}) AND NOT (starred OR saved)"
                )
            ]
            self._delete_stories(doomed)
            # The stories it shares take their updates from another feed that lists them.
            self.conn.execute(
                "UPDATE articles SET origin_feed = (SELECT min(feed_id) FROM article_feeds x "
                "WHERE x.article_id = articles.id AND x.feed_id != ?) WHERE origin_feed = ?",
                (feed_id, feed_id),
            )
            self.conn.execute("DELETE FROM feeds WHERE id = ?", (feed_id,))
        self.give_back_free_pages()
        return removal

    def set_full_text(self, feed_id: int, on: bool) -> None:
        """Fetch each new entry's web page too, for feeds that carry only summaries."""
        self.conn.execute("UPDATE feeds SET full_text = ? WHERE id = ?", (int(on), feed_id))

    def rename_feed(self, feed_id: int, title: str) -> None:
        self.conn.execute(
            "UPDATE feeds SET title = ? WHERE id = ?", (short_line(title) or title, feed_id)
        )

    def move_feed(self, feed_id: int, url: str) -> bool:
        """Point a subscription at its new address; False when another feed already has it."""
        taken = self.conn.execute(
            "SELECT 1 FROM feeds WHERE url = ? AND id != ?", (url, feed_id)
        ).fetchone()
        if taken:
            return False
        self.conn.execute("UPDATE feeds SET url = ? WHERE id = ?", (url, feed_id))
        return True

    def record_success(
        self, feed_id: int, status: int, etag: str | None, last_modified: str | None
    ) -> None:
        """A fetch that worked (200 or 304): errors and back-off are forgotten."""
        now = _now()
        if status == 304:
            self.conn.execute(
                "UPDATE feeds SET last_status = 304, last_error = NULL, last_fetched = ?, "
                "last_success = ?, failures = 0, next_fetch_after = NULL, gone = 0 "
                "WHERE id = ?",
                (now, now, feed_id),
            )
            return
        self.conn.execute(
            "UPDATE feeds SET last_status = ?, etag = ?, last_modified = ?, last_error = NULL, "
            "last_fetched = ?, last_success = ?, failures = 0, next_fetch_after = NULL, "
            "gone = 0 WHERE id = ?",
            (status, etag, last_modified, now, now, feed_id),
        )

    def record_failure(
        self,
        feed_id: int,
        error: str,
        *,
        status: int | None = None,
        next_fetch_after: datetime | None = None,
        gone: bool = False,
    ) -> None:
        """A failed fetch: the error is kept, one line, for `feeds` and the UI to show."""
        self.conn.execute(
            "UPDATE feeds SET last_status = ?, last_error = ?, last_fetched = ?, "
            "failures = failures + 1, next_fetch_after = ?, gone = ? WHERE id = ?",
            (
                status,
                clean_line(error),
                _now(),
                int(next_fetch_after.timestamp()) if next_fetch_after else None,
                int(gone),
                feed_id,
            ),
        )

    def known_guids(self, feed_id: int, guids: list[str]) -> set[str]:
        """Which of these entries the feed has already delivered."""
        by_key = {guid_key(guid): guid for guid in guids}
        found: set[str] = set()
        for marks, chunk in _chunks(list(by_key)):
            rows = self.conn.execute(
                f"SELECT guid_key FROM article_feeds WHERE feed_id = ? AND guid_key IN ({marks})",
                (feed_id, *chunk),
            )
            found.update(by_key[row[0]] for row in rows)
        return found

    # -- articles --------------------------------------------------------------------

    def store_article(
        self,
        article: Article,
        *,
        feed_id: int | None = None,
        guid: str | None = None,
        saved: bool = False,
    ) -> StoreResult:
        """Store `article`, or find the copy already stored (see `store_prepared`)."""
        return self.store_prepared(
            prepare_article(article, dictionary=self.dictionary),
            feed_id=feed_id,
            guid=guid,
            saved=saved,
        )

    def store_prepared(
        self,
        article: PreparedArticle,
        *,
        feed_id: int | None = None,
        guid: str | None = None,
        saved: bool = False,
    ) -> StoreResult:
        """Store a prepared article, or find the copy already stored.

        Within a feed a story is recognised by its guid, else its normalised URL, else
        (when it has neither) its content; a feed that sends a new version of a story it
        brought updates it in place. A story another feed already brought (the same
        URL) is listed under this feed too and left as that feed stored it. Without a
        feed (a saved page, an imported file) the same URL, else the same content, is
        the same story. Read, starred and saved are the user's and never change here,
        except that `saved` saves.
        """
        with self.transaction():
            if feed_id is None:
                result = self._store_kept(article)
            else:
                result = self._store_entry(article, feed_id, guid)
            if saved:
                self.set_saved(result.id)
            return result

    def _insert_story(self, article: PreparedArticle, feed_id: int | None) -> tuple[int, int]:
        """(id, sort_ts) of the new story."""
        now = _now()
        sort_ts = min(article.published_ts, now) if article.published_ts is not None else now
        cursor = self.conn.execute(
            "INSERT INTO articles(origin_feed, url, url_key, content_key, title, published, "
            "sort_ts, added, content) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                feed_id,
                article.url,
                article.url_key,
                article.digest,
                article.title,
                article.published,
                sort_ts,
                now,
                article.content,
            ),
        )
        assert cursor.lastrowid is not None
        # Indexed for search by `index_pending`, with the rest of the batch.
        self.conn.execute("INSERT INTO fts_pending(id) VALUES (?)", (cursor.lastrowid,))
        return cursor.lastrowid, sort_ts

    def _update_story(self, article_id: int, article: PreparedArticle) -> None:
        self._unindex([article_id])
        self.conn.execute(
            "UPDATE articles SET title = ?, url = ?, url_key = ?, content_key = ?, "
            "published = ?, updated = ?, content = ? WHERE id = ?",
            (
                article.title,
                article.url,
                article.url_key,
                article.digest,
                article.published,
                _now(),
                article.content,
                article_id,
            ),
        )
        self.conn.execute("INSERT OR IGNORE INTO fts_pending(id) VALUES (?)", (article_id,))

    def _store_kept(self, article: PreparedArticle) -> StoreResult:
        if article.url_key is not None:
            row = self.conn.execute(
                "SELECT id, content_key, origin_feed FROM articles WHERE url_key = ? "
                "ORDER BY id LIMIT 1",
                (article.url_key,),
            ).fetchone()
        else:
            row = self.conn.execute(
                "SELECT id, content_key, origin_feed FROM articles "
                "WHERE content_key = ? AND url_key IS NULL ORDER BY id LIMIT 1",
                (article.digest,),
            ).fetchone()
        if row is None:
            return StoreResult(self._insert_story(article, None)[0], "new")
        article_id, old_digest, origin = row
        listed = self.conn.execute(
            "SELECT 1 FROM article_feeds WHERE article_id = ? LIMIT 1", (article_id,)
        ).fetchone()
        if old_digest == article.digest or origin is not None or listed:
            return StoreResult(article_id, "unchanged")  # a feed's story is the feed's
        self._update_story(article_id, article)
        return StoreResult(article_id, "updated")

    def _in_feed(
        self, article: PreparedArticle, feed_id: int, guid: str | None
    ) -> tuple[int, int] | None:
        """(story id, key of the version the feed last sent) of the entry, if listed."""
        columns = "SELECT af.article_id, af.entry_key FROM"
        lookups: list[tuple[str, tuple[Any, ...]]] = []
        if guid is not None:
            lookups.append(
                (
                    f"{columns} article_feeds af WHERE feed_id = ? AND guid_key = ?",
                    (feed_id, guid_key(guid)),
                )
            )
        if article.url_key is not None:
            # CROSS JOIN: from the story's URL to its listing, never through all of the
            # feed's listings (which made storing a big feed quadratic).
            lookups.append(
                (
                    f"{columns} articles a CROSS JOIN article_feeds af ON af.article_id = a.id "
                    "AND af.feed_id = ? WHERE a.url_key = ?",
                    (feed_id, article.url_key),
                )
            )
        elif guid is None and article.has_text:
            lookups.append(
                (
                    f"{columns} article_feeds af INDEXED BY article_feeds_content "
                    "WHERE feed_id = ? AND guid_key IS NULL AND entry_key = ?",
                    (feed_id, article.digest),
                )
            )
        for sql, params in lookups:
            row = self.conn.execute(sql + " LIMIT 1", params).fetchone()
            if row:
                return row[0], row[1]
        return None

    def _store_entry(self, article: PreparedArticle, feed_id: int, guid: str | None) -> StoreResult:
        listed = self._in_feed(article, feed_id, guid)
        if listed is not None:
            article_id, old_digest = listed
            if old_digest == article.digest:
                return StoreResult(article_id, "unchanged")
            self.conn.execute(
                "UPDATE article_feeds SET entry_key = ? WHERE article_id = ? AND feed_id = ?",
                (article.digest, article_id, feed_id),
            )
            origin = self.conn.execute(
                "SELECT origin_feed FROM articles WHERE id = ?", (article_id,)
            ).fetchone()[0]
            if origin != feed_id:
                return StoreResult(article_id, "unchanged")
            self._update_story(article_id, article)
            return StoreResult(article_id, "updated")
        story = None
        if article.url_key is not None:
            story = self.conn.execute(
                "SELECT id, sort_ts, read FROM articles WHERE url_key = ? ORDER BY id LIMIT 1",
                (article.url_key,),
            ).fetchone()
        if story is None:
            story = (*self._insert_story(article, feed_id), 0)
        self.conn.execute(
            "INSERT INTO article_feeds(feed_id, sort_ts, article_id, guid_key, entry_key, read) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (feed_id, story[1], story[0], guid_key(guid), article.digest, story[2]),
        )
        return StoreResult(story[0], "new")

    def _unindex(self, article_ids: list[int]) -> None:
        """Take stories out of the search index, with the words they were indexed with."""
        for marks, chunk in _chunks(article_ids):
            rows = self.conn.execute(
                f"SELECT id, title, content FROM articles WHERE id IN ({marks}) "
                "AND id NOT IN (SELECT id FROM fts_pending)",
                chunk,
            ).fetchall()
            self.conn.executemany(
                "INSERT INTO articles_fts(articles_fts, rowid, title, body) "
                "VALUES ('delete', ?, ?, ?)",
                [(row[0], row[1], self._inflated(row[2], packed_body)) for row in rows],
            )
            self.conn.executemany(
                "INSERT INTO titles_fts(titles_fts, rowid, title) VALUES ('delete', ?, ?)",
                [(row[0], row[1]) for row in rows],
            )

    def _delete_stories(self, article_ids: list[int]) -> None:
        self._unindex(article_ids)
        for marks, chunk in _chunks(article_ids):
            self.conn.execute(f"DELETE FROM fts_pending WHERE id IN ({marks})", chunk)
            self.conn.execute(f"DELETE FROM articles WHERE id IN ({marks})", chunk)

    def pending_html(self, article_id: int) -> str | None:
        """A feed entry's HTML when the story has not been fully extracted yet."""
        return self._content(article_id).pending_html

    def _content(self, article_id: int) -> StoryContent:
        row = self.conn.execute(
            "SELECT content FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if row is None:
            raise ArticleNotFound(article_id)
        return self._inflated(row[0], unpack)

    def store_extracted(self, article_id: int, article: PreparedArticle) -> None:
        """The full reading of a pending entry; its identity (keys, guid, URL) stays."""
        with self.transaction():
            self._unindex([article_id])
            self.conn.execute(
                "UPDATE articles SET content = ? WHERE id = ?", (article.content, article_id)
            )
            self.conn.execute("INSERT OR IGNORE INTO fts_pending(id) VALUES (?)", (article_id,))

    def get_article(self, article_id: int) -> Article:
        """The whole story, with also-read links pointing at stored targets resolved."""
        row = self.conn.execute(
            f"SELECT a.content, {_FEED_NAME}, a.title, a.url, a.published FROM articles a "
            "WHERE a.id = ?",
            (article_id,),
        ).fetchone()
        if row is None:
            raise ArticleNotFound(article_id)
        content = self._inflated(row[0], unpack)
        doc = {"title": row[2], "url": row[3], "published": row[4]}
        doc.update(json.loads(content.doc_json))  # schema 7's documents held them too
        doc.update(id=article_id, text=content.body, feed=row[1])
        article = Article.from_dict(doc)
        self._resolve_links(article)
        return article

    def get_summary(self, article_id: int) -> ArticleSummary:
        """One article's list row: its read, starred and saved state without the document."""
        row = self.conn.execute(
            f"SELECT {_SUMMARY_COLUMNS} FROM articles a WHERE a.id = ?",
            (article_id,),
        ).fetchone()
        if row is None:
            raise ArticleNotFound(article_id)
        return _summary(row)

    def _resolve_links(self, article: Article) -> None:
        links = [link for link in article.also_read if link.url]
        block_links = [
            link
            for section in article.sections
            for block in section.blocks
            for link in block.links
            if link.url
        ]
        keys = {url_key(link.url) for link in (*links, *block_links)}
        if not keys:
            return
        placeholders = ",".join("?" * len(keys))
        found = dict(
            self.conn.execute(
                f"SELECT url_key, min(id) FROM articles WHERE url_key IN ({placeholders}) "
                "GROUP BY url_key",
                tuple(keys),
            ).fetchall()
        )
        for link in (*links, *block_links):
            target = found.get(url_key(link.url))
            link.target_id = target if target != article.id else None

    def find_by_url(self, url: str) -> int | None:
        row = self.conn.execute(
            "SELECT min(id) FROM articles WHERE url_key = ?", (url_key(url),)
        ).fetchone()
        return row[0] if row else None

    def _source(self, filter: ArticleFilter) -> _Source:
        """Where a list's rows come from: a feed's listing, or the stories themselves.

        A story in several feeds is one row of "All" and one row of each feed's list.
        """
        clauses: list[str] = []
        params: list[Any] = []
        if filter.feed_id is not None:
            table = "article_feeds af JOIN articles a ON a.id = af.article_id"
            sort_ts, row_id, read = "af.sort_ts", "af.article_id", "af.read"
            clauses.append("af.feed_id = ?")
            params.append(filter.feed_id)
        else:
            table = "articles a"
            sort_ts, row_id, read = "a.sort_ts", "a.id", "a.read"
        if filter.unread:
            clauses.append(f"{read} = 0")
        if filter.starred:
            clauses.append("a.starred = 1")
        if filter.saved:
            clauses.append("a.saved = 1")
        if filter.folder is not None:
            # A folder holds its subfolders: "News" lists "News/World" too.
            clauses.append(
                "a.id IN (SELECT x.article_id FROM article_feeds x JOIN feeds ff "
                "ON ff.id = x.feed_id WHERE ff.folder = ? OR ff.folder LIKE ? ESCAPE '\\')"
            )
            escaped = filter.folder.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            params.extend((filter.folder, f"{escaped}/%"))
        return _Source(table, sort_ts, row_id, clauses, params)

    @staticmethod
    def _order_by(source: _Source, order: ArticleOrder) -> str:
        """Every order ends on (sort_ts, id), so it is total and a row's place well defined."""
        ts, row = source.sort_ts, source.row_id
        return {
            "newest": f"{ts} DESC, {row} DESC",
            "oldest": f"{ts} ASC, {row} ASC",
            "title": f"a.title COLLATE NOCASE, {ts} DESC, {row} DESC",
            "feed": f"{_FEED_KEY} COLLATE NOCASE, {ts} DESC, {row} DESC",
        }[order]

    @staticmethod
    def _before(source: _Source, cursor: Cursor, order: ArticleOrder) -> tuple[str, list[Any]]:
        """The rows that come before `cursor` in `order`, as a WHERE clause."""
        ts, row = source.sort_ts, source.row_id
        newer = f"({ts}, {row}) > (?, ?)"
        if order == "newest":
            return newer, [cursor.sort_ts, cursor.id]
        if order == "oldest":
            return f"({ts}, {row}) < (?, ?)", [cursor.sort_ts, cursor.id]
        key = "a.title" if order == "title" else _FEED_KEY
        value = cursor.title if order == "title" else cursor.feed
        clause = f"({key} < ? COLLATE NOCASE OR ({key} = ? COLLATE NOCASE AND {newer}))"
        return clause, [value, value, cursor.sort_ts, cursor.id]

    def list_articles(
        self,
        filter: ArticleFilter = ArticleFilter(),
        *,
        limit: int = 50,
        after: Cursor | None = None,
        offset: int = 0,
        order: ArticleOrder = "newest",
    ) -> list[ArticleSummary]:
        """One page of the articles matching `filter`, newest first unless `order` says.

        Continue with `after=Cursor.after(last_row)`; `offset` serves callers that jump
        to a row number (a scrolled list) and is cheap near the top.
        """
        source = self._source(filter)
        clauses, params = source.clauses, source.params
        if after is not None and order in ("newest", "oldest"):
            comparison = "<" if order == "newest" else ">"
            clauses.append(f"({source.sort_ts}, {source.row_id}) {comparison} (?, ?)")
            params.extend((after.sort_ts, after.id))
        elif after is not None:
            # The rows after the cursor: neither it nor any row it comes after.
            before, before_params = self._before(source, after, order)
            clauses.append(f"NOT {before} AND {source.row_id} != ?")
            params.extend((*before_params, after.id))
        where = " AND ".join(clauses) or "1"
        rows = self.conn.execute(
            f"SELECT {_SUMMARY_COLUMNS} FROM {source.table} WHERE {where} "
            f"ORDER BY {self._order_by(source, order)} LIMIT ? OFFSET ?",
            (*params, limit, offset),
        ).fetchall()
        return [_summary(row) for row in rows]

    def count_articles(self, filter: ArticleFilter = ArticleFilter()) -> int:
        source = self._source(filter)
        where = " AND ".join(source.clauses) or "1"
        sql = f"SELECT count(*) FROM {source.table} WHERE {where}"
        return int(self.conn.execute(sql, source.params).fetchone()[0])

    def row_index(
        self, filter: ArticleFilter, cursor: Cursor, order: ArticleOrder = "newest"
    ) -> int:
        """Where the row at `cursor` stands in the list of `filter` (0 = first).

        Lets a long list jump to one article (the next unread, the one kept selected when a
        refresh adds rows above it) without reading the rows before it.
        """
        source = self._source(filter)
        before, before_params = self._before(source, cursor, order)
        where = " AND ".join([*source.clauses, before])
        sql = f"SELECT count(*) FROM {source.table} WHERE {where}"
        return int(self.conn.execute(sql, (*source.params, *before_params)).fetchone()[0])

    # -- the user's state: every change to read, starred and saved goes through these --

    def mark_all_read(self, filter: ArticleFilter) -> list[int]:
        """Mark every unread article of `filter` read; the ids changed, so it can be undone."""
        source = self._source(replace(filter, unread=True))
        where = " AND ".join(source.clauses)
        ids = [
            row[0]
            for row in self.conn.execute(
                f"SELECT DISTINCT a.id FROM {source.table} WHERE {where}", source.params
            )
        ]
        self.set_read_many(ids, True)
        return ids

    def set_read_many(self, article_ids: list[int], read: bool) -> None:
        """`set_read` for many stories in one transaction (marking a whole list, undoing it)."""
        with self.transaction():
            for article_id in article_ids:
                self._write_read(article_id, read)

    def _write_read(self, article_id: int, read: bool) -> None:
        self.conn.execute("UPDATE articles SET read = ? WHERE id = ?", (int(read), article_id))
        self.conn.execute(
            "UPDATE article_feeds SET read = ? WHERE article_id = ?", (int(read), article_id)
        )
        queue_state_change(self.conn, article_id, "read", read)

    def set_read(self, article_id: int, read: bool = True) -> None:
        """The user's change, one state for the story in every feed that lists it; queued
        for the sync server, if it has the story."""
        with self.transaction():
            self._write_read(article_id, read)

    def set_starred(self, article_id: int, starred: bool = True) -> None:
        """The user's change: applied here and queued for the sync server, if it has the story."""
        with self.transaction():
            self.conn.execute(
                "UPDATE articles SET starred = ? WHERE id = ?", (int(starred), article_id)
            )
            queue_state_change(self.conn, article_id, "starred", starred)

    def set_saved(self, article_id: int, saved: bool = True) -> None:
        """Saved: kept on purpose (saved, imported, followed, or `b`); it outlives its feed."""
        self.conn.execute("UPDATE articles SET saved = ? WHERE id = ?", (int(saved), article_id))

    # -- search ----------------------------------------------------------------------

    def index_pending(self) -> int:
        """Add the articles stored since the last search to the full-text index.

        New articles are indexed in one pass when they are first searched for, not one
        by one as a refresh stores them (schema step 5). A story packed without the
        library's dictionary (stored before there was one, or by schema 7) is packed
        again with it here, as its text is inflated anyway. Returns how many were indexed.
        """
        if self.conn.execute("SELECT 1 FROM fts_pending LIMIT 1").fetchone() is None:
            return 0
        dictionary = self.dictionary or self.make_dictionary()
        indexed = 0
        with self.transaction():
            last = 0
            while True:
                rows = self.conn.execute(
                    "SELECT a.id, a.title, a.content FROM fts_pending p "
                    "JOIN articles a ON a.id = p.id WHERE p.id > ? ORDER BY p.id LIMIT 2000",
                    (last,),
                ).fetchall()
                if not rows:
                    break
                raws = [self._inflated(row[2], inflate) for row in rows]
                self.conn.executemany(
                    "INSERT INTO articles_fts(rowid, title, body) VALUES (?, ?, ?)",
                    [
                        (row[0], row[1], parts(raw).body)
                        for row, raw in zip(rows, raws, strict=True)
                    ],
                )
                self.conn.executemany(
                    "INSERT INTO titles_fts(rowid, title) VALUES (?, ?)",
                    [(row[0], row[1]) for row in rows],
                )
                if dictionary is not None:
                    self.conn.executemany(
                        "UPDATE articles SET content = ? WHERE id = ?",
                        [
                            (repack(raw, dictionary), row[0])
                            for row, raw in zip(rows, raws, strict=True)
                            if dictionary_id(row[2]) != dictionary.id
                        ],
                    )
                indexed += len(rows)
                last = rows[-1][0]
            self.conn.execute("DELETE FROM fts_pending")
        self.give_back_free_pages()
        return indexed

    def give_back_free_pages(self) -> None:
        """Return the pages a big change left empty to the file system.

        Merging the index's segments after a first refresh of 100,000 entries left a
        tenth of the file free for later use; a library that only grows would carry
        them for good. Libraries made before schema 8 cannot (their `auto_vacuum` is
        off until a VACUUM) and keep them for their next writes, as before.
        """
        pages, free = (
            self.conn.execute(f"PRAGMA {name}").fetchone()[0]
            for name in ("page_count", "freelist_count")
        )
        if free > max(pages // 50, 16) and not self.conn.in_transaction:
            # Run to its end: one step of the statement gives back one page.
            self.conn.executescript("PRAGMA incremental_vacuum;")

    def search(self, query: str, *, limit: int = 20, offset: int = 0) -> list[SearchHit]:
        """Full-text search: stories with every word in the title first, then the
        others, each most recently stored first.

        FTS5 syntax (`"phrase"`, `OR`, `NOT`, `NEAR(a b, 5)`, `prefix*`, `title:word`)
        works; a query it cannot parse is searched again as plain words instead of
        failing. Phrases, NEAR and column filters are checked against the stored text
        of the stories the index finds (`library.query`).
        """
        if not query.strip():
            return []
        # While another process holds the write lock past the busy timeout (a long
        # refresh), search what is indexed rather than fail; the next search catches up.
        with suppress(sqlite3.OperationalError):
            self.index_pending()
        try:
            parsed = parse_query(query)
        except QuerySyntaxError:
            parsed = parse_query(plain_words_query(query))
        if not parsed.fts:
            return []
        ordered = self._matching(parsed.fts)
        if not parsed.needs_check:
            return self._hits(
                list(itertools.islice(ordered, offset, offset + limit)), query, offset
            )
        wanted = offset + limit
        found: list[int] = []
        while len(found) < wanted and (batch := list(itertools.islice(ordered, 200))):
            marks = ",".join("?" * len(batch))
            texts = {
                row[0]: (row[1], self._inflated(row[2], packed_body))
                for row in self.conn.execute(
                    f"SELECT id, title, content FROM articles WHERE id IN ({marks})", batch
                )
            }
            found.extend(story for story in batch if parsed.matches(*texts[story]))
        return self._hits(found[offset:wanted], query, offset)

    def _matching(self, fts: str) -> Iterator[int]:
        """Ids of the stories the index finds: those with every word in the title first,
        then the others, each most recently stored first.

        Both come straight from the index in its own order, read only as far as a page
        needs: ordering by date would look up every match's row, which for a word in
        every story of 100,000 took 0.1 s.
        """
        titled = [
            row[0]
            for row in self.conn.execute(
                "SELECT rowid FROM titles_fts WHERE titles_fts MATCH ? ORDER BY rowid DESC",
                (fts,),
            )
        ]
        yield from titled
        skip = set(titled)
        for (story,) in self.conn.execute(
            "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC",
            (fts,),
        ):
            if story not in skip:
                yield story

    def _hits(self, ids: list[int], query: str, offset: int) -> list[SearchHit]:
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = {
            row[0]: row
            for row in self.conn.execute(
                f"SELECT {_SUMMARY_COLUMNS}, a.content FROM articles a WHERE a.id IN ({marks})",
                ids,
            )
        }
        return [
            SearchHit(
                article=_summary(rows[story]),
                snippet=snippet(
                    self._inflated(rows[story][9], packed_body), query, MATCH_START, MATCH_END
                ),
                rank=offset + place,
            )
            for place, story in enumerate(ids)
        ]


def _chunks(values: list[T], size: int = 500) -> Iterator[tuple[str, list[T]]]:
    """`values` a few hundred at a time, with the placeholders of an `IN (...)` for them."""
    for start in range(0, len(values), size):
        chunk = values[start : start + size]
        yield ",".join("?" * len(chunk)), chunk


@dataclass(frozen=True)
class _Source:
    table: str
    sort_ts: str
    row_id: str
    clauses: list[str]
    params: list[Any]
