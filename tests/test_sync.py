"""Two-way sync against a real Miniflux (Google Reader API), checked through its REST API.

The server runs once per session (tests/miniflux.py); every test has its own Miniflux user,
feeds and library, and runs `tuinews` as a user does. Outside CI the tests skip when Go's
Miniflux build or PostgreSQL is missing; under CI=true that is a failure.
"""

from __future__ import annotations

import contextlib
import json
import os
import pty
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import miniflux
from conftest import CliRunner
from feedkit import Item, rss
from tui_fixtures import SIZE, feed_labels, list_titles, make_app, notices
from tuinews.app.widgets.article_list import ArticleList
from tuinews.app.widgets.feed_tree import FeedTree
from tuinews.app.widgets.refresh_bar import RefreshStatus
from tuinews.config import load_config

BODY = (
    "<p>The cup final went to extra time before the underdogs scored.</p>"
    "<p>“We never gave up,” captain Ola Berg told the local paper after the match.</p>"
    "<h2>A late winner</h2><p>The winning goal came in the last minute of extra time.</p>"
)


@pytest.fixture(scope="session")
def miniflux_server() -> Iterator[miniflux.MinifluxServer]:
    reason = miniflux.missing()
    if reason is not None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI runs the sync tests against a real Miniflux: {reason}")
        pytest.skip(reason)
    with miniflux.running_server() as server:
        yield server


@pytest.fixture(scope="session")
def feed_server() -> Iterator[miniflux.FeedServer]:
    server = miniflux.FeedServer()
    yield server
    server.close()


@dataclass
class World:
    """One Miniflux user with its feeds, and one tuinews library synced with it."""

    server: miniflux.MinifluxServer
    feeds: miniflux.FeedServer
    account: miniflux.Account
    config: Path
    db: Path
    run_cli: CliRunner

    def cli(self, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
        return self.run_cli("--config", str(self.config), "--no-sample", *args, db=self.db, **env)

    def sync_command(self) -> list[str]:
        """`tuinews sync` as a process of its own, for tests that need its handle."""
        return [
            sys.executable,
            "-m",
            "tuinews",
            "--db",
            str(self.db),
            "--config",
            str(self.config),
            "--no-sample",
            "sync",
        ]

    def configure(self, url: str | None = None, **fields: str) -> None:
        settings = {
            "url": url or self.server.url,
            "username": self.account.reader_username,
            "password": self.account.reader_password,
            **fields,
        }
        lines = ["[sync]", 'service = "greader"']
        lines += [f"{key} = {json.dumps(value)}" for key, value in settings.items() if value]
        self.config.write_text("\n".join(lines) + "\n")

    def rest(self, method: str, path: str, body: Any = None) -> Any:
        return self.server.rest(
            method, path, body, auth=(self.account.username, self.account.password)
        )

    def category(self, title: str) -> int:
        return int(self.rest("POST", "/v1/categories", {"title": title})["id"])

    def add_feed(self, name: str, count: int, *, category: int | None = None) -> int:
        """A feed of `count` stories served locally, subscribed on the server (which fetches it)."""
        slug = f"{self.account.username}-{name}"
        url = self.feeds.put(f"/{slug}.xml", miniflux.story_feed(name, slug, count, BODY))
        body: dict[str, Any] = {"feed_url": url}
        if category is not None:
            body["category_id"] = category
        return int(self.rest("POST", "/v1/feeds", body)["feed_id"])

    def entries(self) -> dict[str, dict[str, Any]]:
        """The server's entries by URL, as its own REST API lists them (1,000 a page)."""
        found: dict[str, dict[str, Any]] = {}
        while True:
            page = self.rest("GET", f"/v1/entries?limit=1000&offset={len(found)}")
            found.update((entry["url"], entry) for entry in page["entries"])
            if not page["entries"] or len(found) >= page["total"]:
                return found

    def mark_on_server(self, url: str, status: str) -> None:
        entry = self.entries()[url]
        self.rest("PUT", "/v1/entries", {"entry_ids": [entry["id"]], "status": status})

    def articles(self) -> dict[str, dict[str, Any]]:
        listed = self.cli("list", "--limit", "100000", "--json")
        assert listed.returncode == 0, listed.stderr
        return {row["url"]: row for row in json.loads(listed.stdout)}

    def queued(self) -> int:
        with sqlite3.connect(self.db) as conn:
            return int(conn.execute("SELECT count(*) FROM sync_pending").fetchone()[0])

    def sync(self) -> subprocess.CompletedProcess[str]:
        done = self.cli("sync")
        assert done.returncode == 0, done.stderr
        return done


@pytest.fixture
def world(
    miniflux_server: miniflux.MinifluxServer,
    feed_server: miniflux.FeedServer,
    cli: CliRunner,
    tmp_path: Path,
) -> World:
    made = World(
        server=miniflux_server,
        feeds=feed_server,
        account=miniflux_server.new_account(),
        config=tmp_path / "config.toml",
        db=tmp_path / "synced.db",
        run_cli=cli,
    )
    made.configure()
    return made


def stored_articles(db: Path) -> int:
    with contextlib.closing(sqlite3.connect(db)) as conn:
        return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])


def story(world: World, name: str, n: int) -> str:
    return f"https://news.example/{world.account.username}-{name}/{n}"


def test_sync_from_empty_brings_subscriptions_folders_items_and_state(world: World) -> None:
    news = world.category("News")
    world.add_feed("Harbour", 3, category=news)
    world.add_feed("Weather", 2, category=world.category("Local/Weather"))
    world.mark_on_server(story(world, "Harbour", 0), "read")
    starred = world.entries()[story(world, "Weather", 1)]
    world.rest("PUT", f"/v1/entries/{starred['id']}/bookmark")

    done = world.sync()

    assert "5 new articles" in done.stdout
    feeds = json.loads(world.cli("feeds", "--json").stdout)
    assert sorted((feed["title"], feed["folder"], feed["total"]) for feed in feeds) == [
        ("Harbour", "News", 3),
        ("Weather", "Local/Weather", 2),
    ]
    articles = world.articles()
    assert len(articles) == 5
    assert [url for url, row in articles.items() if row["read"]] == [story(world, "Harbour", 0)]
    assert [url for url, row in articles.items() if row["starred"]] == [story(world, "Weather", 1)]
    # Synced stories go through the extraction path: sections, quotations and speakers.
    shown = world.cli("show", str(articles[story(world, "Harbour", 1)]["id"]), "--json")
    document = json.loads(shown.stdout)
    assert [section["title"] for section in document["sections"]] == [None, "A late winner"]
    assert document["quotes"][0]["speaker"] == "Ola Berg"


def test_a_second_sync_with_no_change_stores_nothing_twice(world: World) -> None:
    world.add_feed("Harbour", 4)
    world.sync()
    again = world.sync()
    assert "0 new articles" in again.stdout
    assert len(world.articles()) == 4


def test_marks_made_in_tuinews_reach_the_server(world: World) -> None:
    world.add_feed("Harbour", 3)
    world.sync()
    articles = world.articles()
    first, second = (articles[story(world, "Harbour", n)]["id"] for n in (0, 1))

    marked = world.cli("read", str(first))
    starred = world.cli("star", str(second))
    assert marked.returncode == starred.returncode == 0
    assert "queued" in starred.stdout
    assert world.queued() == 2
    world.sync()

    on_server = world.entries()
    assert on_server[story(world, "Harbour", 0)]["status"] == "read"
    assert on_server[story(world, "Harbour", 1)]["starred"] is True
    assert on_server[story(world, "Harbour", 2)]["status"] == "unread"
    assert world.queued() == 0


def test_marks_made_on_the_server_reach_tuinews(world: World) -> None:
    world.add_feed("Harbour", 3)
    world.sync()
    world.mark_on_server(story(world, "Harbour", 2), "read")
    entry = world.entries()[story(world, "Harbour", 0)]
    world.rest("PUT", f"/v1/entries/{entry['id']}/bookmark")

    done = world.sync()

    assert "2 changes from the server" in done.stdout
    articles = world.articles()
    assert [url for url, row in articles.items() if row["read"]] == [story(world, "Harbour", 2)]
    assert [url for url, row in articles.items() if row["starred"]] == [story(world, "Harbour", 0)]
    assert world.queued() == 0


def test_changes_made_offline_wait_in_the_queue_until_the_server_is_back(world: World) -> None:
    world.add_feed("Harbour", 3)
    world.sync()
    articles = world.articles()
    world.server.stop_miniflux()
    try:
        marked = world.cli("read", str(articles[story(world, "Harbour", 0)]["id"]))
        starred = world.cli("star", str(articles[story(world, "Harbour", 1)]["id"]))
        assert marked.returncode == starred.returncode == 0
        offline = world.cli("sync")
        assert offline.returncode == 1
        assert offline.stderr.count("\n") == 1
        assert "cannot reach the sync server" in offline.stderr
        assert "2 queued changes kept" in offline.stderr
        assert "Traceback" not in offline.stderr
        # Offline, the library still shows the change.
        assert world.articles()[story(world, "Harbour", 0)]["read"] is True
    finally:
        world.server.start_miniflux()
    assert world.queued() == 2
    world.sync()
    on_server = world.entries()
    assert on_server[story(world, "Harbour", 0)]["status"] == "read"
    assert on_server[story(world, "Harbour", 1)]["starred"] is True
    assert world.queued() == 0


def test_conflicting_changes_go_to_whichever_side_changed_later(world: World) -> None:
    world.add_feed("Harbour", 2)
    world.sync()
    articles = world.articles()
    local_later, server_later = (story(world, "Harbour", n) for n in (0, 1))

    # The server marks the first read, then tuinews marks it unread.
    world.mark_on_server(local_later, "read")
    # tuinews marks the second unread (after reading it), then the server marks it read.
    world.cli("read", str(articles[server_later]["id"]))
    world.cli("unread", str(articles[server_later]["id"]))
    time.sleep(1.1)  # the server keeps change times in whole seconds
    world.cli("unread", str(articles[local_later]["id"]))
    time.sleep(1.1)
    world.mark_on_server(server_later, "read")

    done = world.sync()

    assert "2 conflicts (1 won by the server)" in done.stdout
    on_server = world.entries()
    articles = world.articles()
    assert on_server[local_later]["status"] == "unread"
    assert articles[local_later]["read"] is False
    assert on_server[server_later]["status"] == "read"
    assert articles[server_later]["read"] is True
    assert world.queued() == 0


def test_subscribing_and_unsubscribing_in_tuinews_changes_the_server(world: World) -> None:
    slug = f"{world.account.username}-added"
    url = world.feeds.put(
        f"/{slug}.xml",
        rss("Added", [Item("Added story", guid=f"{slug}-0", link=f"https://news.example/{slug}")]),
    )
    added = world.cli("add", url, "--folder", "Sport")
    assert added.returncode == 0, added.stderr
    on_server = world.rest("GET", "/v1/feeds")
    assert [(feed["feed_url"], feed["category"]["title"]) for feed in on_server] == [(url, "Sport")]
    world.sync()
    assert len(world.articles()) == 1  # the local fetch and the server's item are one story

    renamed = world.cli("edit", url, "--title", "Renamed", "--folder", "Ball games")
    assert renamed.returncode == 0, renamed.stderr
    assert [
        (feed["title"], feed["category"]["title"]) for feed in world.rest("GET", "/v1/feeds")
    ] == [("Renamed", "Ball games")]

    removed = world.cli("remove", url)
    assert removed.returncode == 0, removed.stderr
    assert world.rest("GET", "/v1/feeds") == []
    world.sync()
    assert json.loads(world.cli("feeds", "--json").stdout) == []


def test_a_feed_removed_on_another_device_goes_here_too(world: World) -> None:
    keep = world.add_feed("Keep", 1)
    gone = world.add_feed("Gone", 1)
    world.sync()
    world.rest("DELETE", f"/v1/feeds/{gone}")
    world.sync()
    assert [feed["title"] for feed in json.loads(world.cli("feeds", "--json").stdout)] == ["Keep"]
    assert keep


def test_a_sync_killed_midway_resumes_without_duplicates(
    world: World, isolated_env: dict[str, str]
) -> None:
    world.add_feed("Big", 1200)  # three batches of items
    proxy = miniflux.Proxy(world.server.url)
    try:
        world.configure(url=proxy.url)
        # The first batch of items is answered and stored; the second answer never comes.
        proxy.hold_after["/reader/api/0/stream/items/contents"] = 1
        command = world.sync_command()
        process = subprocess.Popen(
            command, env=isolated_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        assert proxy.holding.wait(60)
        deadline = time.monotonic() + 60
        while stored_articles(world.db) == 0 and time.monotonic() < deadline:
            time.sleep(0.05)
        process.send_signal(signal.SIGKILL)
        process.wait()
    finally:
        proxy.close()
    assert 0 < stored_articles(world.db) < 1200

    world.configure()
    world.sync()
    articles = world.articles()
    assert len(articles) == 1200
    assert len({row["url"] for row in articles.values()}) == 1200


def test_a_dropped_connection_or_a_server_error_is_one_line_and_loses_nothing(
    world: World,
) -> None:
    world.add_feed("Harbour", 2)
    world.sync()
    article = world.articles()[story(world, "Harbour", 0)]
    world.cli("star", str(article["id"]))
    proxy = miniflux.Proxy(world.server.url)
    try:
        world.configure(url=proxy.url)
        proxy.drop.add("/reader/api/0/stream/items/ids")
        dropped = world.cli("sync")
        proxy.fail["/reader/api/0/subscription/list"] = 502
        failed = world.cli("sync")
    finally:
        proxy.close()
    for done in (dropped, failed):
        assert done.returncode == 1
        assert done.stderr.count("\n") == 1, done.stderr
        assert "1 queued change kept" in done.stderr
    assert "broke the connection" in dropped.stderr
    assert "(502)" in failed.stderr
    assert world.queued() == 1
    world.configure()
    world.sync()
    assert world.entries()[story(world, "Harbour", 0)]["starred"] is True


def test_a_wrong_password_is_one_line_and_exit_1(world: World) -> None:
    world.configure(password="not-the-password")
    done = world.cli("sync")
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        f"tuinews: sync: 127.0.0.1:{world.server.port}: the server refused user "
        f"'{world.account.reader_username}': wrong username or password"
    ]


def test_the_token_is_kept_in_the_library_and_a_stale_one_logs_in_again(world: World) -> None:
    world.add_feed("Harbour", 1)
    proxy = miniflux.Proxy(world.server.url)
    try:
        world.configure(url=proxy.url)
        world.sync()
        world.sync()
        assert proxy.count("/accounts/ClientLogin") == 1
        # A new password on the server makes the kept token stale: one 401, one login.
        world.server.sql(
            "UPDATE integrations SET googlereader_password = crypt('changed-pw', gen_salt('bf', 4)) "
            f"WHERE user_id = {world.account.user_id}"
        )
        world.configure(url=proxy.url, password="changed-pw")
        world.sync()
        assert proxy.count("/accounts/ClientLogin") == 2
    finally:
        proxy.close()
    assert "changed-pw" not in world.config.read_text().replace('password = "changed-pw"', "")
    with sqlite3.connect(world.db) as conn:
        kept = json.loads(
            conn.execute("SELECT value FROM meta WHERE key = 'sync.token'").fetchone()[0]
        )
    assert kept["token"].startswith(world.account.reader_username + "/")


def test_the_password_can_come_from_a_command_or_the_environment(world: World) -> None:
    world.add_feed("Harbour", 1)
    command = f"{sys.executable} -c \"print('{world.account.reader_password}')\""
    world.configure(password="", password_command=command)
    world.sync()
    with sqlite3.connect(world.db) as conn:
        conn.execute("DELETE FROM meta WHERE key = 'sync.token'")
    world.configure(password="wrong")
    from_env = world.cli("sync", TUINEWS_SYNC_PASSWORD=world.account.reader_password)
    assert from_env.returncode == 0, from_env.stderr
    failing = f"{sys.executable} -c \"import sys; sys.exit('no such entry')\""
    with sqlite3.connect(world.db) as conn:
        conn.execute("DELETE FROM meta WHERE key = 'sync.token'")
    world.configure(password="", password_command=failing)
    broken = world.cli("sync")
    assert broken.returncode == 1
    assert broken.stderr.count("\n") == 1
    assert "password_command" in broken.stderr and "no such entry" in broken.stderr


async def test_R_in_the_reader_syncs_when_an_account_is_set(world: World) -> None:
    world.add_feed("Harbour", 3, category=world.category("News"))
    world.mark_on_server(story(world, "Harbour", 0), "read")
    app = make_app(world.db, load_config(world.config))
    async with app.run_test(size=SIZE) as pilot:
        statuses: list[RefreshStatus] = []
        app.watch(app, "refresh_status", lambda s: s and statuses.append(s), init=False)
        await pilot.press("R")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert sorted(list_titles(app)) == [f"Harbour story {n}" for n in range(3)]
        assert feed_labels(app) == [
            "All 2",
            "Unread 2",
            "Starred",
            "Saved",
            "News 2",
            "  Harbour 2",
        ]
        assert statuses[-2].describe() == "Syncing 3/3 items · 3 new"
        assert notices(app)[-1].startswith("synced: 1 feeds (1 new, 0 removed), 3 new articles")
        # Marked read in the TUI: queued, and on the server after the next R.
        articles = app.screen.query_one(ArticleList)
        articles.focus()
        for _ in range(3):
            if articles.highlighted is not None and articles.highlighted.title == "Harbour story 1":
                break
            await pilot.press("down")
        assert articles.highlighted is not None
        assert articles.highlighted.title == "Harbour story 1"
        await pilot.press("m")
        await pilot.press("R")
        await app.workers.wait_for_complete()
    assert world.entries()[story(world, "Harbour", 1)]["status"] == "read"


async def test_R_without_the_server_says_so_in_one_notice(world: World) -> None:
    world.configure(url=f"http://127.0.0.1:{miniflux.free_port()}")
    app = make_app(world.db, load_config(world.config))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("R")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert notices(app)[-1].startswith("Sync failed: cannot reach the sync server 127.0.0.1:")
        assert not app.refreshing


def test_an_imported_subscription_list_is_pushed_to_the_server(
    world: World, tmp_path: Path
) -> None:
    slug = f"{world.account.username}-opml"
    url = world.feeds.put(f"/{slug}.xml", miniflux.story_feed("Opml", slug, 2, BODY))
    opml = tmp_path / "subscriptions.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><head><title>mine</title></head><body>'
        f'<outline text="Imported"><outline type="rss" text="Opml" xmlUrl="{url}"/></outline>'
        "</body></opml>"
    )
    done = world.cli("import", str(opml))
    assert done.returncode == 0, done.stderr
    assert [
        (feed["feed_url"], feed["category"]["title"]) for feed in world.rest("GET", "/v1/feeds")
    ] == [(url, "Imported")]
    world.sync()
    assert len(world.articles()) == 2
    assert [feed["folder"] for feed in json.loads(world.cli("feeds", "--json").stdout)] == [
        "Imported"
    ]


def test_a_subscription_the_server_refuses_does_not_hold_up_the_sync(world: World) -> None:
    world.add_feed("Harbour", 2)
    urls = []
    for name in ("refused", "later"):
        slug = f"{world.account.username}-{name}"
        urls.append(world.feeds.put(f"/{slug}.xml", miniflux.story_feed(name, slug, 1, BODY)))
    proxy = miniflux.Proxy(world.server.url)
    try:
        world.configure(url=proxy.url)
        proxy.fail["/reader/api/0/subscription/edit"] = 400
        refused = world.cli("add", urls[0])
        proxy.fail["/reader/api/0/subscription/edit"] = 503
        later = world.cli("add", urls[1])
        synced = world.sync()
    finally:
        proxy.close()
    assert refused.returncode == later.returncode == 0
    assert f"subscribe {urls[0]} dropped: " in refused.stderr
    assert f"subscribe {urls[1]} kept queued: " in later.stderr
    assert "(503)" in later.stderr
    # The next sync sends what was kept and pulls everything else as usual.
    on_server = sorted(feed["feed_url"] for feed in world.rest("GET", "/v1/feeds"))
    assert urls[0] not in on_server and urls[1] in on_server
    assert "synced: 2 feeds" in synced.stdout
    assert len(world.articles()) == 4  # two from the server's feed, one local each


def test_on_a_terminal_the_progress_bar_counts_the_items_pulled(
    world: World, isolated_env: dict[str, str]
) -> None:
    world.add_feed("Harbour", 600)  # three answers of items
    leader, follower = pty.openpty()
    try:
        done = subprocess.run(
            world.sync_command(),
            env=isolated_env,
            stdout=subprocess.PIPE,
            stderr=follower,
            timeout=120,
            check=False,
        )
        os.close(follower)
        drawn = b""
        with contextlib.suppress(OSError):
            while chunk := os.read(leader, 65536):
                drawn += chunk
    finally:
        os.close(leader)
    assert done.returncode == 0
    frames = [frame.strip() for frame in drawn.decode().split("\r") if "items pulled" in frame]
    assert [frame.split("] ")[1] for frame in frames] == [
        "0/600 items pulled",
        "250/600 items pulled",
        "500/600 items pulled",
        "600/600 items pulled",
    ]
    assert b"synced: 1 feeds" in done.stdout


async def test_e_in_the_reader_renames_and_moves_a_feed_here_and_on_the_server(
    world: World,
) -> None:
    world.add_feed("Harbour", 1)
    world.sync()
    app = make_app(world.db, load_config(world.config))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab")
        feeds = app.screen.query_one(FeedTree)
        while feeds.current is None or feeds.current.feed is None:
            await pilot.press("j")
        await pilot.press("e")
        await pilot.press("ctrl+u", *"Quayside", "tab", *"Local/Coast", "enter")
        await pilot.pause()
        assert feed_labels(app)[-2:] == ["Local/Coast 1", "  Quayside 1"]
        assert notices(app)[-1] == "Saved Quayside; sent to the server at the next sync (R)."
        await pilot.press("R")
        await app.workers.wait_for_complete()
    on_server = world.rest("GET", "/v1/feeds")
    assert [(feed["title"], feed["category"]["title"]) for feed in on_server] == [
        ("Quayside", "Local/Coast")
    ]
    assert world.queued() == 0
