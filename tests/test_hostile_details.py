"""Issue 11's defences one by one, each against a real loopback server and a real library."""

from __future__ import annotations

import json
import re
import socket
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from feedkit import Item, items, raw_server, read_request, rss
from hostile import Handler, answer, brotli_bomb, compressed, deflate_bomb, redirect
from processes import run_measured
from tuinews.config import RefreshSettings
from tuinews.feeds.refresh import refresh_feeds
from tuinews.library import Library

SETTINGS = RefreshSettings(timeout=3.0, max_bytes=1024 * 1024)
TERMINAL_CONTROLS = re.compile(rb"[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]")


def subscribe_all(db: Path, *urls: str) -> list[int]:
    with Library.open(db) as library:
        return [library.add_feed(url, url).id or 0 for url in urls]


def half_a_second_per_feed(connection: socket.socket) -> None:
    request = read_request(connection)
    time.sleep(0.5)
    number = request.split(b" ", 2)[1].rsplit(b"/", 1)[-1].decode()
    body = rss(f"Busy {number}", items(1, f"B{number}"))
    connection.sendall(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nConnection: close\r\n"
        + f"Content-Length: {len(body)}\r\n\r\n".encode()
        + body
    )


def test_waiting_for_a_turn_on_a_busy_host_does_not_count_against_the_timeout(
    tmp_path: Path,
) -> None:
    feeds = 16  # two at a time, half a second each: the last is sent 3.5 s in
    db = tmp_path / "busy.db"
    with raw_server(half_a_second_per_feed) as base:
        subscribe_all(db, *(f"{base}/feed/{n}" for n in range(feeds)))
        outcomes = refresh_feeds(db, RefreshSettings(timeout=2.0, per_host=2))
    assert sorted((o.status, o.new, o.error) for o in outcomes) == [("updated", 1, None)] * feeds


@pytest.mark.parametrize(
    ("status", "retry_after", "limit", "longest"),
    [
        (503, "99999999", None, timedelta(hours=24)),  # 3.17 years asked
        (429, "999999999999", None, timedelta(hours=24)),  # overflowed a datetime
        (503, "Fri, 31 Dec 9999 23:59:59 GMT", None, timedelta(hours=24)),
        (503, "99999999", 3600.0, timedelta(hours=1)),  # max_retry_after in config.toml
        (500, "99999999", None, timedelta(minutes=1)),  # not a "wait": our back-off
    ],
)
def test_retry_after_is_clamped_and_the_wait_is_shown_with_its_date(
    tmp_path: Path, status: int, retry_after: str, limit: float | None, longest: timedelta
) -> None:
    db = tmp_path / "wait.db"
    handler = answer(f"{status} Busy", {"Retry-After": retry_after})
    settings = RefreshSettings(timeout=3.0, max_retry_after=limit or 24 * 3600.0)
    with raw_server(handler) as base:
        (feed_id,) = subscribe_all(db, base + "/feed")
        (outcome,) = refresh_feeds(db, settings)
        with Library.open(db) as library:
            wait = library.get_feed(feed_id).next_fetch_after
        (again,) = refresh_feeds(db, settings, [feed_id])
    assert wait is not None
    assert longest - timedelta(minutes=1) < wait - datetime.now(UTC) <= longest
    until = wait.astimezone()
    if status == 500:
        assert outcome.error == "HTTP 500 Busy"
        assert again.status == "error"  # naming a feed overrules our own back-off
    else:
        assert outcome.error == f"HTTP {status} Busy; asked to wait until {until:%Y-%m-%d %H:%M}"
        assert again.status == "deferred"  # but never the server's
        assert again.error and f"not retried before {until:%Y-%m-%d %H:%M}" in again.error


def test_a_body_labelled_gzip_but_sent_plain_is_read_as_sent(tmp_path: Path) -> None:
    db = tmp_path / "plain.db"
    with raw_server(compressed("gzip", rss("Mislabelled", items(3)))) as base:
        subscribe_all(db, base + "/feed")
        (outcome,) = refresh_feeds(db, SETTINGS)
    assert (outcome.status, outcome.new, outcome.title) == ("updated", 3, "Mislabelled")


@pytest.mark.parametrize(
    ("encoding", "body"),
    [
        ("br", brotli_bomb(2048)),
        ("gzip", deflate_bomb(1024)),
        ("deflate", deflate_bomb(1024, "zlib")),
        ("gzip, br", brotli_bomb(64)),  # a br body of a "gzip" layer: not gzip, rejected
    ],
    ids=["br", "gzip", "deflate", "gzip-then-br"],
)
def test_a_compression_bomb_saved_as_a_page_stops_at_the_cap_in_bounded_memory(
    isolated_env: dict[str, str], tmp_path: Path, encoding: str, body: bytes
) -> None:
    with raw_server(compressed(encoding, body)) as base:
        saved = run_measured(
            [sys.executable, "-m", "tuinews", "--db", str(tmp_path / "p.db"), "save", base + "/p"],
            isolated_env,
            timeout=60,
        )
    assert saved.returncode == 1
    assert saved.stderr.decode().count("\n") == 1
    assert b"Traceback" not in saved.stderr
    if "," not in encoding:
        assert saved.stderr.decode().endswith("the response is larger than 10 MB\n")
    assert saved.peak_rss_kb < 150 * 1024  # ~60 MB of Python and the 10 MB cap


def test_full_text_pages_that_are_bombs_leave_the_feed_its_summaries(tmp_path: Path) -> None:
    db = tmp_path / "full.db"
    with raw_server(compressed("br", brotli_bomb(2048))) as bomb:
        feed = rss("Teasers", [Item("Bomb", guid="b", link=bomb + "/story", body="<p>Short.</p>")])
        with raw_server(answer(body=feed, headers={"Content-Type": "text/xml"})) as base:
            (feed_id,) = subscribe_all(db, base + "/feed")
            with Library.open(db) as library:
                library.set_full_text(feed_id, True)
            (outcome,) = refresh_feeds(db, SETTINGS)
    assert (outcome.status, outcome.new) == ("updated", 1)
    with Library.open(db) as library:
        (summary,) = library.list_articles()
        article = library.get_article(summary.id)
    assert (article.title, article.text) == ("Bomb", "Short.")


def test_no_escape_sequence_from_a_server_reaches_any_output(
    isolated_env: dict[str, str], tmp_path: Path
) -> None:
    declaration = b'<?xml version="1.0" encoding="x\x1b]0;PWNED\x07\x1b[31m"?>\n<notafeed><<<'
    hostile_title = rss("\x1b]0;PWNED\x07Feed \x9b31m", [Item("\x1b[2JItem\x07", guid="i")])
    db = tmp_path / "esc.db"
    base = [sys.executable, "-m", "tuinews", "--db", str(db)]
    with (
        raw_server(answer(body=declaration)) as declared,
        raw_server(answer("500 \x1b[31mRed\x07")) as reason,
        raw_server(answer(body=hostile_title, headers={"Content-Type": "text/xml"})) as titled,
    ):
        subscribe_all(db, declared + "/a", reason + "/b", titled + "/c")
        outputs = [
            run_measured([*base, *command], isolated_env, timeout=60)
            for command in (["refresh"], ["refresh", "--json", "1", "2", "3"])
        ]
    outputs += [
        run_measured([*base, *command], isolated_env, timeout=60)
        for command in (["feeds"], ["feeds", "--json"], ["list"], ["list", "--json"], ["show", "1"])
    ]
    for run in outputs:
        assert run.returncode == 0, run.stderr
        assert TERMINAL_CONTROLS.search(run.stdout + run.stderr) is None, run.stdout + run.stderr
    errors = {feed["url"]: feed["last_error"] for feed in json.loads(outputs[3].stdout)}
    assert errors[reason + "/b"] == "HTTP 500 Red"
    assert "not a feed" in errors[declared + "/a"]


@pytest.mark.parametrize(
    ("handler", "words"),
    [
        (redirect("javascript:alert(1)"), "redirected to an unsupported address: javascript:"),
        (redirect("http://xn--/"), "redirected to an invalid address: 'xn--' is not a valid"),
        (answer("503 Busy", {"Retry-After": "999999999999"}), "HTTP 503 Busy"),
        (compressed("br", brotli_bomb(1024)), "the response is larger than 10 MB"),
    ],
    ids=["javascript", "idna", "retry-after", "brotli-bomb"],
)
def test_add_against_a_hostile_server_is_one_line_and_subscribes_nothing(
    isolated_env: dict[str, str], tmp_path: Path, handler: Handler, words: str
) -> None:
    db = tmp_path / "add.db"
    with raw_server(handler) as base:
        added = run_measured(
            [sys.executable, "-m", "tuinews", "--db", str(db), "add", base + "/feed"],
            isolated_env,
            timeout=60,
        )
    stderr = added.stderr.decode()
    assert (added.returncode, stderr.count("\n")) == (1, 1), stderr
    assert stderr.startswith(f"tuinews: {base}/feed: ") and words in stderr
    with Library.open(db) as library:
        assert library.feeds() == []
