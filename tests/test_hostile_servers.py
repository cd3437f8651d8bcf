"""Every hostile server of issue 11 against the real command line, on loopback.

One library holds a control feed and one feed per hostile server; a refresh must store
the control's articles and give each hostile feed its own one-line error, with bounded
memory and time, no traceback, no control character on the terminal and no process
left behind.
"""

from __future__ import annotations

import contextlib
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from pytest_httpserver import HTTPServer

from feedkit import Item, raw_server, rss
from hostile import control_feed, deep_page, hostile_servers
from processes import descendants, run_measured, wait_until_gone
from tuinews.library import Library

# ESC, BEL and the C1 controls (as UTF-8): nothing a terminal would act on may be printed.
TERMINAL_CONTROLS = re.compile(rb"[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]")
BAD_SUBSCRIPTIONS = {
    # Addresses that no longer pass subscribing, in libraries made before they were checked.
    "http://127.0.0.1:99999/feed": "port 99999 is not a number from 1 to 65535",
    "http://xn--/feed": "'xn--' is not a valid international host name",
    "http://[::1/feed": "[::1 is not an IPv6 address",
}


@contextlib.contextmanager
def servers() -> Iterator[dict[str, tuple[str, str]]]:
    """Every hostile server, running: name -> (its URL, the words of its error)."""
    with contextlib.ExitStack() as stack:
        running = {}
        for name, (handler, words) in hostile_servers().items():
            running[name] = (stack.enter_context(raw_server(handler)) + "/feed", words)
        yield running


def subscribe(db: Path, feeds: dict[str, str]) -> dict[str, int]:
    """Straight into the library, as an old library would hold them: title -> id."""
    with Library.open(db) as library:
        ids = {title: library.add_feed(url, title).id or 0 for title, url in feeds.items()}
    return ids


def test_battery_one_library_every_hostile_server_refreshed_twice(
    httpserver: HTTPServer, isolated_env: dict[str, str], tmp_path: Path
) -> None:
    httpserver.expect_request("/control").respond_with_data(
        control_feed(), content_type="application/rss+xml"
    )
    # A story page of 100,000 nested divs, read in full by a full-text feed: stored, in time.
    httpserver.expect_request("/deep.html").respond_with_data(
        deep_page(100_000), content_type="text/html"
    )
    deep_feed = rss(
        "Deep", [Item("Deep story", guid="deep", link=httpserver.url_for("/deep.html"))]
    )
    httpserver.expect_request("/deep.xml").respond_with_data(deep_feed, content_type="text/xml")
    db = tmp_path / "battery.db"
    config = tmp_path / "config.toml"
    config.write_text("[refresh]\ntimeout = 4\nmax_bytes = 5242880\n")
    base = [sys.executable, "-m", "tuinews", "--db", str(db), "--config", str(config)]
    with servers() as running:
        ids = subscribe(
            db,
            {
                "Control": httpserver.url_for("/control"),
                "Deep": httpserver.url_for("/deep.xml"),
                **{name: url for name, (url, _) in running.items()},
                **{f"old {url}": url for url in BAD_SUBSCRIPTIONS},
            },
        )
        with Library.open(db) as library:
            library.set_full_text(ids["Deep"], True)
        expected = {name: words for name, (_, words) in running.items()}
        expected |= {f"old {url}": problem for url, problem in BAD_SUBSCRIPTIONS.items()}
        runs = [
            run_measured([*base, "refresh"], isolated_env, timeout=60),
            # Named, so that the back-off of the first run does not hide them.
            run_measured([*base, "refresh", *map(str, ids.values())], isolated_env, timeout=60),
        ]

    # The second time the server that asked to wait is left waiting, named or not, and the
    # refresh says so on its line.
    waiting = "Retry-After overflow"
    for run, errors in zip(runs, [expected, expected.keys()], strict=True):
        stderr = run.stderr.decode()
        assert run.returncode == 0, stderr
        assert "Traceback" not in stderr
        assert TERMINAL_CONTROLS.search(run.stdout + run.stderr) is None, stderr
        assert run.peak_rss_kb < 300 * 1024
        lines = stderr.splitlines()
        assert len(lines) == len(errors), stderr  # one line per hostile feed, nothing else
        for name in errors:
            (line,) = [line for line in lines if line.startswith(f"tuinews: {name}: ")]
            assert expected[name] in line, line
            if run is runs[1] and name == waiting:
                assert ": skipped, not retried before " in line, line
    failed = len(expected)
    assert runs[0].stdout.decode() == (
        f"{len(ids)} feeds refreshed, 6 new articles, {failed} failed\n"
    )
    assert runs[1].stdout.decode() == (
        f"{len(ids) - 1} feeds refreshed, 0 new articles, {failed - 1} failed, 1 waiting to retry\n"
    )
    with Library.open(db) as library:
        control = library.get_feed(ids["Control"])
        deep = library.get_feed(ids["Deep"])
        failing = [feed for feed in library.feeds() if feed.last_error]
        (deep_story,) = [
            library.get_article(row.id)
            for row in library.list_articles(limit=1000)
            if row.title == "Deep story"
        ]
    assert (control.total, control.last_error) == (5, None)
    assert (deep.total, deep.last_error) == (1, None)
    assert "Deep text" in deep_story.text  # the page's own text, not the feed's summary
    assert len(failing) == len(expected)


def test_a_refresh_killed_among_hostile_servers_leaves_no_process(
    isolated_env: dict[str, str], tmp_path: Path
) -> None:
    db = tmp_path / "killed.db"
    base = [sys.executable, "-m", "tuinews", "--db", str(db)]
    with servers() as running:
        subscribe(db, {name: url for name, (url, _) in running.items()})
        process = subprocess.Popen(
            [*base, "refresh"],
            env=isolated_env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 30
        while not descendants(process.pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(1)  # the bombs and slow servers are being fetched now
        tree = descendants(process.pid)
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert tree and wait_until_gone(tree, 10) == set()
