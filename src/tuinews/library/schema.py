"""The database schema as a list of forward migrations, versioned by `PRAGMA user_version`.

A migration is never edited once released: a change to the schema is a new entry at the
end, so every database ever written can be brought forward step by step.
"""

from __future__ import annotations

import sqlite3

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
