"""Stopping a refresh: Ctrl-C, SIGTERM and SIGKILL, against a real slow loopback server.

What a user notices: Ctrl-C stops at once with the finished feeds kept and named, exit
status 130; a killed refresh leaves no worker process behind to hold memory forever.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from feedkit import items, rss
from processes import descendants, wait_until_gone

FEEDS = 40
ITEMS = 20


def slow_feeds(httpserver: HTTPServer, requested: list[str], delay: float) -> list[str]:
    def slow(request: Request) -> Response:
        requested.append(request.path)
        time.sleep(delay)
        number = request.path.rsplit("/", 1)[-1]
        return Response(rss(f"Slow {number}", items(ITEMS, f"S{number}")), content_type="text/xml")

    urls = []
    for n in range(FEEDS):
        httpserver.expect_request(f"/slow/{n}").respond_with_handler(slow)
        urls.append(httpserver.url_for(f"/slow/{n}"))
    return urls


def tuinews(tmp_path: Path) -> list[str]:
    """The command line for a library in `tmp_path` fetching two feeds at a time."""
    config = tmp_path / "config.toml"
    config.write_text("[refresh]\nconcurrency = 2\nper_host = 2\n")
    db = tmp_path / "stop.db"
    return [sys.executable, "-m", "tuinews", "--db", str(db), "--config", str(config)]


def start_refresh(
    tmp_path: Path, env: dict[str, str], urls: list[str]
) -> tuple[subprocess.Popen[bytes], Path]:
    base = tuinews(tmp_path)
    db = tmp_path / "stop.db"
    subprocess.run([*base, "feeds"], env=env, check=True, capture_output=True)
    with sqlite3.connect(db) as conn:
        conn.executemany(
            "INSERT INTO feeds(url, title, added) VALUES (?, ?, 0)",
            [(url, f"slow {n}") for n, url in enumerate(urls)],
        )
    process = subprocess.Popen(
        [*base, "refresh"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group, as a terminal's job would be
    )
    return process, db


def wait_for_articles(db: Path, at_least: int) -> int:
    deadline = time.monotonic() + 30
    stored = 0
    while time.monotonic() < deadline and stored < at_least:
        time.sleep(0.05)
        with sqlite3.connect(db, timeout=5) as conn:
            stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    return stored


def test_ctrl_c_stops_the_refresh_keeps_what_finished_and_exits_130(
    httpserver: HTTPServer, isolated_env: dict[str, str], tmp_path: Path
) -> None:
    requested: list[str] = []
    urls = slow_feeds(httpserver, requested, delay=0.5)
    process, db = start_refresh(tmp_path, isolated_env, urls)
    assert wait_for_articles(db, 2 * ITEMS) >= 2 * ITEMS
    workers = descendants(process.pid)
    os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C does: the whole foreground group
    stdout, stderr = process.communicate(timeout=30)

    assert process.returncode == 130, stderr
    assert b"Traceback" not in stderr, stderr.decode()
    with sqlite3.connect(db) as conn:
        stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        succeeded = conn.execute(
            "SELECT count(*) FROM feeds WHERE last_success IS NOT NULL"
        ).fetchone()[0]
    assert stored == succeeded * ITEMS  # whole feeds, each one recorded as fetched
    assert stdout.decode().strip() == (
        f"{succeeded} feeds refreshed, {stored} new articles (interrupted)"
    )
    assert len(requested) < FEEDS  # it stopped: the rest was never asked for
    assert wait_until_gone(workers, 10) == set()


@pytest.mark.parametrize("signal_number", [signal.SIGKILL, signal.SIGTERM])
def test_a_killed_refresh_leaves_no_worker_behind_and_loses_nothing(
    httpserver: HTTPServer, isolated_env: dict[str, str], tmp_path: Path, signal_number: int
) -> None:
    urls = slow_feeds(httpserver, [], delay=0.3)
    process, db = start_refresh(tmp_path, isolated_env, urls)
    assert wait_for_articles(db, ITEMS) >= ITEMS
    workers = descendants(process.pid)
    assert workers  # the parsing pool is running
    process.send_signal(signal_number)
    process.communicate(timeout=30)

    assert wait_until_gone(workers, 10) == set()
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        partial = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert 0 < partial < FEEDS * ITEMS and partial % ITEMS == 0  # whole feeds only

    finished = subprocess.run(
        [*tuinews(tmp_path), "refresh"], env=isolated_env, capture_output=True, timeout=120
    )
    assert finished.returncode == 0, finished.stderr
    with sqlite3.connect(db) as conn:
        total, distinct = conn.execute(
            "SELECT count(*), count(DISTINCT guid_key) FROM article_feeds"
        ).fetchone()
    assert total == distinct == FEEDS * ITEMS
