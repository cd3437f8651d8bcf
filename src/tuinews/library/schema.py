"""The database schema as a list of forward migrations, versioned by `PRAGMA user_version`.

A migration is never edited once released: a change to the schema is a new entry at the
end, so every database ever written can be brought forward step by step.
"""

from __future__ import annotations

import sqlite3

from tuinews.library.packing import guid_key, hex_key, pack, url_key

MIGRATIONS: tuple[str, ...] = (
    # 1: feeds, articles and a key/value table for the library's own state.
    """
    CREATE TABLE feeds (
        id               INTEGER PRIMARY KEY,
        url              TEXT NOT NULL UNIQUE,
        title            TEXT NOT NULL,
        folder           TEXT,
        etag             TEXT,
        last_modified    TEXT,
        last_status      INTEGER,
        last_error       TEXT,
        last_fetched     INTEGER,
        last_success     INTEGER,
        next_fetch_after INTEGER,
        failures         INTEGER NOT NULL DEFAULT 0,
        gone             INTEGER NOT NULL DEFAULT 0,
        full_text        INTEGER NOT NULL DEFAULT 0,
        added            INTEGER NOT NULL
    );
    CREATE TABLE articles (
        id           INTEGER PRIMARY KEY,
        feed_id      INTEGER REFERENCES feeds(id) ON DELETE CASCADE,
        guid         TEXT,
        url          TEXT,
        url_norm     TEXT,
        content_hash TEXT NOT NULL,
        title        TEXT NOT NULL,
        published    TEXT,
        sort_ts      INTEGER NOT NULL,
        added        INTEGER NOT NULL,
        updated      INTEGER,
        read         INTEGER NOT NULL DEFAULT 0,
        starred      INTEGER NOT NULL DEFAULT 0,
        saved        INTEGER NOT NULL DEFAULT 0,
        body         TEXT NOT NULL,
        doc          TEXT NOT NULL
    );
    CREATE UNIQUE INDEX articles_feed_guid ON articles(feed_id, guid) WHERE guid IS NOT NULL;
    CREATE UNIQUE INDEX articles_url_norm ON articles(url_norm) WHERE url_norm IS NOT NULL;
    CREATE INDEX articles_content_hash ON articles(content_hash);
    CREATE INDEX articles_newest ON articles(sort_ts DESC, id DESC);
    CREATE INDEX articles_feed_newest ON articles(feed_id, sort_ts DESC, id DESC);
    CREATE INDEX articles_feed_read ON articles(feed_id, read);
    CREATE INDEX articles_unread ON articles(sort_ts DESC, id DESC) WHERE read = 0;
    CREATE INDEX articles_starred ON articles(sort_ts DESC, id DESC) WHERE starred = 1;
    CREATE INDEX articles_saved ON articles(sort_ts DESC, id DESC) WHERE saved = 1;
    CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    """,
    # 2: full-text search over title and body, kept in step with `articles` by triggers;
    # ranked by bm25 with a title match weighing ten body matches.
    """
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, body,
        content='articles', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
    END;
    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, body)
        VALUES ('delete', old.id, old.title, old.body);
    END;
    CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, body)
        VALUES ('delete', old.id, old.title, old.body);
        INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
    END;
    INSERT INTO articles_fts(articles_fts, rank) VALUES ('rank', 'bm25(10.0, 1.0)');
    INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
    """,
    # 3: a feed entry's HTML, kept until the story is first opened and fully extracted.
    """
    ALTER TABLE articles ADD COLUMN pending_html TEXT;
    """,
    # 4: cheaper writes, for refreshes that store thousands of entries.
    # A new row is indexed by the statement after its INSERT, not by a trigger: the index
    # work done from a trigger cost twice as much (a refresh's writes went from 1.5 s to
    # 0.8 s for 10,000 entries). Content hashes are only looked up for rows that have
    # neither guid nor link, and only those rows need the index on them: random keys
    # dirty a page of the index for nearly every row a transaction adds. The full-text
    # index merges its segments when 16 (not 4) of a size have piled up: every refresh
    # commit adds one, and merging half as often took a fifth off a refresh's writes
    # while a search reads at most a few dozen segments.
    """
    DROP TRIGGER articles_fts_insert;
    DROP INDEX articles_content_hash;
    CREATE INDEX articles_content_hash ON articles(content_hash)
        WHERE guid IS NULL AND url_norm IS NULL;
    INSERT INTO articles_fts(articles_fts, rank) VALUES ('automerge', 16);
    """,
    # 5: new rows wait in `fts_pending` and are indexed together when the library is next
    # searched. One pass over a refresh's thousands of new rows costs less than indexing
    # them feed by feed inside the refresh (one segment instead of one per feed), and the
    # refresh, which a user waits for, no longer pays for it. A row still pending has
    # nothing in the index to delete or replace: the triggers leave the index alone for
    # it, and the pass reads the row as it is by then.
    """
    CREATE TABLE fts_pending (id INTEGER PRIMARY KEY);
    DROP TRIGGER articles_fts_delete;
    DROP TRIGGER articles_fts_update;
    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, body)
            SELECT 'delete', old.id, old.title, old.body
            WHERE NOT EXISTS (SELECT 1 FROM fts_pending WHERE id = old.id);
        DELETE FROM fts_pending WHERE id = old.id;
    END;
    CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body ON articles
    WHEN NOT EXISTS (SELECT 1 FROM fts_pending WHERE id = old.id) BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, body)
        VALUES ('delete', old.id, old.title, old.body);
        INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
    END;
    """,
    # 6: a sync account's side of the library (see `tuinews.library.syncstate`): which
    # server subscription each feed is and which server item each story is, with the
    # state the server was last seen to hold (so a change on either side is told apart
    # from a conflict), and the changes waiting to be sent. The account's token and sync
    # marks live in `meta`. A story can be several items (the same link in two feeds).
    """
    CREATE TABLE sync_feeds (
        feed_id INTEGER PRIMARY KEY REFERENCES feeds(id) ON DELETE CASCADE,
        stream  TEXT NOT NULL UNIQUE
    );
    CREATE TABLE sync_items (
        item           INTEGER PRIMARY KEY,
        article_id     INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        server_read    INTEGER NOT NULL,
        server_starred INTEGER NOT NULL
    );
    CREATE INDEX sync_items_article ON sync_items(article_id);
    CREATE TABLE sync_pending (
        id     INTEGER PRIMARY KEY,
        kind   TEXT NOT NULL,
        target TEXT NOT NULL,
        value  TEXT NOT NULL,
        at     REAL NOT NULL,
        UNIQUE (kind, target)
    );
    """,
    # 7: a story belongs to any number of feeds, and takes a third of the disk.
    # `article_feeds` lists a story under each feed that delivered it, with that feed's
    # guid and the key of the version it last sent; read, starred and saved are the
    # story's, one state wherever it is listed (`article_feeds.read` is a copy, for the
    # feeds' counts, which read narrow indexes, never the rows). The story's updates
    # come from `origin_feed` alone, so an aggregator linking the same URL never
    # rewrites what the feed it came from stored. A story
    # whose feeds were all unsubscribed but that was starred or saved stays, with the
    # name of its last feed in `removed_from`. A story of no feed was saved, imported or
    # reached by following a link, all kept on purpose: it is saved (followed links were
    # not marked before).
    # Document, quick text and pending HTML are one zlib blob (`packing.pack`), URLs and
    # contents are found by 64-bit keys, and the full-text index is contentless: it held
    # a second copy of every word. Snippets are made from the stored text. Every story
    # is indexed again by the next search. `sync_items` (schema 6) is set aside and put
    # back around the rebuild: renaming `articles` would point its references at the old
    # table, whose drop would then take the sync items with it.
    """
    DROP TRIGGER articles_fts_delete;
    DROP TRIGGER articles_fts_update;
    DROP TABLE articles_fts;
    CREATE TEMP TABLE sync_items_v6 AS SELECT * FROM sync_items;
    DROP TABLE sync_items;
    ALTER TABLE articles RENAME TO articles_v5;
    CREATE TABLE articles (
        id           INTEGER PRIMARY KEY,
        origin_feed  INTEGER REFERENCES feeds(id) ON DELETE SET NULL,
        removed_from TEXT,
        url          TEXT,
        url_key      INTEGER,
        content_key  INTEGER NOT NULL,
        title        TEXT NOT NULL,
        published    TEXT,
        sort_ts      INTEGER NOT NULL,
        added        INTEGER NOT NULL,
        updated      INTEGER,
        read         INTEGER NOT NULL DEFAULT 0,
        starred      INTEGER NOT NULL DEFAULT 0,
        saved        INTEGER NOT NULL DEFAULT 0,
        content      BLOB NOT NULL
    );
    INSERT INTO articles(id, origin_feed, url, url_key, content_key, title, published,
                         sort_ts, added, updated, read, starred, saved, content)
        SELECT id, feed_id, url, story_url_key(url), story_hex_key(content_hash), title,
               published, sort_ts, added, updated, read, starred, saved,
               story_pack(doc, body, pending_html)
        FROM articles_v5;
    CREATE TABLE article_feeds (
        feed_id    INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
        sort_ts    INTEGER NOT NULL,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        guid       TEXT,
        entry_key  INTEGER NOT NULL,
        read       INTEGER NOT NULL DEFAULT 0
    );
    INSERT INTO article_feeds(feed_id, sort_ts, article_id, guid, entry_key, read)
        SELECT feed_id, sort_ts, id, guid, story_hex_key(content_hash), read
        FROM articles_v5 WHERE feed_id IS NOT NULL;
    UPDATE articles SET saved = 1 WHERE origin_feed IS NULL;
    DROP TABLE articles_v5;
    CREATE TABLE sync_items (
        item           INTEGER PRIMARY KEY,
        article_id     INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        server_read    INTEGER NOT NULL,
        server_starred INTEGER NOT NULL
    );
    INSERT INTO sync_items SELECT * FROM sync_items_v6;
    DROP TABLE sync_items_v6;
    CREATE INDEX sync_items_article ON sync_items(article_id);
    CREATE INDEX articles_newest ON articles(sort_ts, id);
    CREATE INDEX articles_unread ON articles(sort_ts, id) WHERE read = 0;
    CREATE INDEX articles_starred ON articles(sort_ts, id) WHERE starred = 1;
    CREATE INDEX articles_saved ON articles(sort_ts, id) WHERE saved = 1;
    CREATE INDEX articles_url ON articles(url_key) WHERE url_key IS NOT NULL;
    CREATE INDEX articles_content ON articles(content_key) WHERE url_key IS NULL;
    CREATE INDEX article_feeds_newest ON article_feeds(feed_id, sort_ts, article_id);
    CREATE UNIQUE INDEX article_feeds_story ON article_feeds(article_id, feed_id);
    CREATE UNIQUE INDEX article_feeds_guid ON article_feeds(feed_id, guid)
        WHERE guid IS NOT NULL;
    CREATE INDEX article_feeds_read ON article_feeds(feed_id, read, sort_ts, article_id);
    CREATE INDEX article_feeds_content ON article_feeds(feed_id, entry_key)
        WHERE guid IS NULL;
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, body, content='', tokenize='unicode61 remove_diacritics 2'
    );
    INSERT INTO articles_fts(articles_fts, rank) VALUES ('rank', 'bm25(10.0, 1.0)');
    INSERT INTO articles_fts(articles_fts, rank) VALUES ('automerge', 16);
    INSERT OR IGNORE INTO fts_pending(id) SELECT id FROM articles;
    """,
    # 8: half the disk again. The full-text index keeps which stories hold a word and no
    # longer where in them (`detail=none`): positions were two thirds of its size, and
    # phrases, NEAR and column filters are now checked against the stored text of the
    # stories the index finds (`library.query`). Results come newest first, stories with
    # every word in the title before the others (`titles_fts`), as bm25 needs the
    # positions. Blobs are deflated with a dictionary made from the library's own
    # entries (`dictionaries`, `packing.train_dictionary`), packed again as they are
    # indexed. A feed's listing is keyed by its order in the feed (WITHOUT ROWID, so the
    # table is its own index) and knows an entry's guid by a 64-bit key.
    """
    CREATE TABLE dictionaries (id INTEGER PRIMARY KEY, data BLOB NOT NULL);
    DROP TABLE articles_fts;
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, body, content='', detail=none, columnsize=0,
        tokenize='unicode61 remove_diacritics 2'
    );
    CREATE VIRTUAL TABLE titles_fts USING fts5(
        title, content='', detail=none, columnsize=0,
        tokenize='unicode61 remove_diacritics 2'
    );
    INSERT INTO articles_fts(articles_fts, rank) VALUES ('automerge', 16);
    INSERT INTO titles_fts(titles_fts, rank) VALUES ('automerge', 16);
    INSERT OR IGNORE INTO fts_pending(id) SELECT id FROM articles;
    ALTER TABLE article_feeds RENAME TO article_feeds_v7;
    DROP INDEX article_feeds_newest;
    DROP INDEX article_feeds_story;
    DROP INDEX article_feeds_guid;
    DROP INDEX article_feeds_read;
    DROP INDEX article_feeds_content;
    CREATE TABLE article_feeds (
        feed_id    INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
        sort_ts    INTEGER NOT NULL,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        guid_key   INTEGER,
        entry_key  INTEGER NOT NULL,
        read       INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (feed_id, sort_ts, article_id)
    ) WITHOUT ROWID;
    INSERT INTO article_feeds(feed_id, sort_ts, article_id, guid_key, entry_key, read)
        SELECT feed_id, sort_ts, article_id, story_key(guid), entry_key, read
        FROM article_feeds_v7;
    DROP TABLE article_feeds_v7;
    CREATE UNIQUE INDEX article_feeds_story ON article_feeds(article_id, feed_id);
    CREATE UNIQUE INDEX article_feeds_guid ON article_feeds(feed_id, guid_key)
        WHERE guid_key IS NOT NULL;
    CREATE INDEX article_feeds_read ON article_feeds(feed_id, read, sort_ts, article_id);
    CREATE INDEX article_feeds_content ON article_feeds(feed_id, entry_key)
        WHERE guid_key IS NULL;
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)


class SchemaTooNew(Exception):
    """The database was written by a newer tuinews; touching it could lose data."""


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, target: int = SCHEMA_VERSION) -> int:
    """Apply the migrations after the database's version up to `target`.

    Each step runs in its own transaction together with its version bump, so a crash
    leaves the database at a whole version, never between two.
    """
    current = schema_version(conn)
    if current > SCHEMA_VERSION:
        raise SchemaTooNew(
            f"database schema version {current} is newer than this tuinews supports "
            f"({SCHEMA_VERSION}); upgrade tuinews"
        )
    _functions(conn)
    for version in range(current + 1, target + 1):
        try:
            conn.executescript(
                f"BEGIN IMMEDIATE;\n{MIGRATIONS[version - 1]}\n"
                f"PRAGMA user_version = {version};\nCOMMIT;"
            )
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    return schema_version(conn)


def _functions(conn: sqlite3.Connection) -> None:
    """What migrations compute in Python: keys and packed contents (schema 7)."""
    conn.create_function("story_url_key", 1, url_key, deterministic=True)
    conn.create_function("story_hex_key", 1, hex_key, deterministic=True)
    conn.create_function("story_pack", 3, pack, deterministic=True)
    conn.create_function("story_key", 1, guid_key, deterministic=True)
