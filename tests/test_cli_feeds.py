"""Subscriptions from the command line, as a user types them: add, import, export, refresh."""

from __future__ import annotations

import json
import os
import pty
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from conftest import CliRunner
from feedkit import Item, atom, items, rss

OPML = """<?xml version="1.0"?>
<opml version="1.0"><head><title>Mine</title></head><body>
  <outline text="News"><outline text="World">
    <outline text="Harbour" type="rss" xmlUrl="{harbour}"/>
  </outline></outline>
  <outline text="Science" type="rss" xmlUrl="{science}"/>
</body></opml>
"""


def feeds_json(cli: CliRunner, db: Path | None = None) -> list[dict[str, object]]:
    result = cli("feeds", "--json", **({"db": db} if db else {}))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_add_a_feed_url_stores_its_articles_at_once(cli: CliRunner, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/feed.xml").respond_with_data(
        rss("Harbour News", items(3)), content_type="application/rss+xml"
    )

    added = cli("add", httpserver.url_for("/feed.xml"), "--folder", "Local")
    again = cli("add", httpserver.url_for("/feed.xml"))

    assert added.returncode == 0, added.stderr
    assert "subscribed\tHarbour News" in added.stdout and "(3 articles)" in added.stdout
    assert "already subscribed" in again.stdout
    (feed,) = feeds_json(cli)
    assert (feed["title"], feed["folder"], feed["unread"]) == ("Harbour News", "Local", 3)
    assert feed["last_success"] is not None and feed["last_error"] is None


def test_add_a_web_page_subscribes_to_the_feed_it_declares(
    cli: CliRunner, httpserver: HTTPServer
) -> None:
    page = (
        "<html><head><title>Site</title>"
        '<link rel="alternate" type="application/atom+xml" title="All" href="/atom">'
        '<link rel="alternate" type="application/rss+xml" title="Sport" href="/sport.rss">'
        "</head><body><p>Welcome</p></body></html>"
    )
    httpserver.expect_request("/").respond_with_data(page, content_type="text/html")
    httpserver.expect_request("/atom").respond_with_data(atom("Everything", items(2)))

    result = cli("add", httpserver.url_for("/"), "--title", "My site")

    assert result.returncode == 0, result.stderr
    assert f"My site  {httpserver.url_for('/atom')}" in result.stdout
    assert httpserver.url_for("/sport.rss") in result.stderr
    (feed,) = feeds_json(cli)
    assert feed["url"] == httpserver.url_for("/atom")


def test_add_tries_the_usual_paths_only_when_a_page_declares_no_feed(
    cli: CliRunner, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/blog").respond_with_data(
        "<html><body><p>No feed link</p></body></html>", content_type="text/html"
    )
    httpserver.expect_request("/rss.xml").respond_with_data(rss("Found", items(1)))

    result = cli("add", httpserver.url_for("/blog"))

    assert result.returncode == 0, result.stderr
    assert feeds_json(cli)[0]["url"] == httpserver.url_for("/rss.xml")


def test_add_errors_are_one_line_and_subscribe_nothing(
    cli: CliRunner, httpserver: HTTPServer, tmp_path: Path
) -> None:
    httpserver.expect_request("/plain").respond_with_data(
        "<html><body><p>Nothing here</p></body></html>", content_type="text/html"
    )
    httpserver.expect_request("/missing").respond_with_data("no", status=404)

    for target, message in [
        (httpserver.url_for("/plain"), "no feed found"),
        (httpserver.url_for("/missing"), "HTTP 404"),
        (str(tmp_path / "nowhere.xml"), "no such file"),
        ("gopher://old.example/feed", "only http, https and file"),
    ]:
        result = cli("add", target)
        assert result.returncode == 1
        assert result.stderr.count("\n") == 1 and message in result.stderr
        assert "Traceback" not in result.stderr
    assert feeds_json(cli) == []


def test_add_a_local_file_and_refresh_it(cli: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "local.xml"
    path.write_bytes(rss("On disk", items(2)))

    result = cli("add", str(path))
    path.write_bytes(rss("On disk", items(5)))
    refreshed = cli("refresh")

    assert result.returncode == 0, result.stderr
    assert feeds_json(cli)[0]["url"] == path.as_uri()
    assert "3 new articles" in refreshed.stdout


def test_add_full_text_fetches_the_entry_pages(cli: CliRunner, httpserver: HTTPServer) -> None:
    page = (
        "<html><body><article><h1>Ferry</h1>"
        + "<p>All of the ferry story, every paragraph of it, in full detail.</p>" * 5
        + "</article></body></html>"
    )
    httpserver.expect_request("/story").respond_with_data(page, content_type="text/html")
    teaser = [Item("Ferry", guid="f", link=httpserver.url_for("/story"))]
    httpserver.expect_request("/feed").respond_with_data(rss("Teasers", teaser))

    result = cli("add", "--full-text", httpserver.url_for("/feed"))
    shown = cli("show", "1")

    assert "(1 articles)" in result.stdout
    assert "every paragraph of it" in shown.stdout


def test_import_opml_then_refresh_works_like_a_new_user_expects(
    cli: CliRunner, httpserver: HTTPServer, tmp_path: Path
) -> None:
    httpserver.expect_request("/harbour").respond_with_data(rss("Harbour News", items(4)))
    httpserver.expect_request("/science").respond_with_data(atom("Science Daily", items(2, "Sci")))
    opml = tmp_path / "subscriptions.opml"
    opml.write_text(
        OPML.format(harbour=httpserver.url_for("/harbour"), science=httpserver.url_for("/science"))
    )

    imported = cli("import", str(opml))
    refreshed = cli("refresh")
    again = cli("refresh")

    assert "2 feeds subscribed" in imported.stdout and "tuinews refresh" in imported.stdout
    assert refreshed.returncode == 0, refreshed.stderr
    assert refreshed.stdout.strip() == "2 feeds refreshed, 6 new articles"
    assert refreshed.stderr == ""  # no progress bar drawn when stderr is not a terminal
    assert again.stdout.strip() == "2 feeds refreshed, 0 new articles"
    feeds = {feed["title"]: feed for feed in feeds_json(cli)}
    assert feeds["Harbour"]["folder"] == "News/World"
    assert feeds["Science"]["unread"] == 2
    assert len(cli("list").stdout.splitlines()) == 6


def test_newsboat_urls_file_with_tags_titles_and_special_lines(
    cli: CliRunner, tmp_path: Path
) -> None:
    urls = tmp_path / "urls"
    urls.write_text(
        "# my feeds\n"
        'https://a.example/feed.xml news "~Alpha Daily"\n'
        "https://b.example/rss tech\n"
        '"query:Unread:unread = \\"yes\\""\n'
        "exec:~/bin/make-feed\n"
        "filter:~/bin/clean:https://c.example/feed\n"
    )

    result = cli("import", str(urls))

    assert result.returncode == 0, result.stderr
    assert "2 feeds subscribed" in result.stdout
    assert [line.split("urls: ", 1)[1] for line in result.stderr.splitlines()] == [
        "line 4: query: lines are not supported, skipped",
        "line 5: exec: lines are not supported, skipped",
        "line 6: filter: lines are not supported, skipped",
    ]
    feeds = sorted((f["url"], f["title"], f["folder"]) for f in feeds_json(cli))
    assert feeds == [
        ("https://a.example/feed.xml", "Alpha Daily", "news"),
        ("https://b.example/rss", "https://b.example/rss", "tech"),
    ]


def test_export_writes_opml_that_imports_back_the_same(cli: CliRunner, tmp_path: Path) -> None:
    urls = tmp_path / "urls"
    urls.write_text(
        'https://a.example/feed.xml "News/World" "~Alpha & Omega <1>"\n'
        "https://b.example/rss\n"
        'https://c.example/atom Science "~Café"\n'
    )
    cli("import", str(urls))

    exported = cli("export")
    opml = tmp_path / "out.opml"
    opml.write_text(exported.stdout)
    other = tmp_path / "other.db"
    cli("import", str(opml), db=other)

    def triples(db: Path | None = None) -> list[tuple[object, ...]]:
        return sorted((f["url"], f["title"], f["folder"]) for f in feeds_json(cli, db))

    assert exported.stdout.startswith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">'
    )
    assert triples(other) == triples() and len(triples()) == 3


def test_refresh_with_no_feeds_says_how_to_subscribe(cli: CliRunner) -> None:
    result = cli("refresh")

    assert result.returncode == 0
    assert "tuinews add URL" in result.stdout


def test_import_rejects_an_opml_file_without_feeds(cli: CliRunner, tmp_path: Path) -> None:
    opml = tmp_path / "empty.opml"
    opml.write_text("<opml version='2.0'><body></body></opml>")

    result = cli("import", str(opml))

    assert result.returncode == 1
    assert result.stderr.strip() == f"tuinews: {opml}: no feeds found in the OPML file"


def test_refresh_json_and_errors_name_each_feed(
    cli: CliRunner, httpserver: HTTPServer, tmp_path: Path
) -> None:
    httpserver.expect_request("/ok").respond_with_data(rss("Good", items(2)))
    httpserver.expect_request("/bad").respond_with_data("nope", status=500)
    cli("add", httpserver.url_for("/ok"))
    with sqlite3.connect(tmp_path / "cli.db") as conn:
        conn.execute(
            "INSERT INTO feeds(url, title, added) VALUES (?, 'Broken', 0)",
            (httpserver.url_for("/bad"),),
        )

    text = cli("refresh", "Broken", "Good")
    as_json = cli("refresh", "--json", "Broken", "Good")

    assert "tuinews: Broken: HTTP 500 INTERNAL SERVER ERROR" in text.stderr
    assert text.stdout.strip() == "2 feeds refreshed, 0 new articles, 1 failed"
    results = {row["title"]: row for row in json.loads(as_json.stdout)}
    assert results["Good"]["status"] == "unchanged"
    assert results["Broken"]["status"] == "error"
    assert feeds_json(cli)[0]["last_error"] == "HTTP 500 INTERNAL SERVER ERROR"


def test_refresh_on_a_terminal_draws_a_progress_bar(
    httpserver: HTTPServer, isolated_env: dict[str, str], tmp_path: Path
) -> None:
    for n in range(3):
        httpserver.expect_request(f"/f{n}").respond_with_data(rss(f"Feed {n}", items(2, f"F{n}")))
    db = tmp_path / "tty.db"
    base = [sys.executable, "-m", "tuinews", "--db", str(db)]
    for n in range(3):
        subprocess.run([*base, "add", httpserver.url_for(f"/f{n}")], env=isolated_env, check=True)
    httpserver.clear_all_handlers()
    for n in range(3):
        httpserver.expect_request(f"/f{n}").respond_with_data(rss(f"Feed {n}", items(3, f"F{n}")))

    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [*base, "refresh"], env=isolated_env, stdout=subprocess.PIPE, stderr=follower
    )
    os.close(follower)
    drawn = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        drawn += chunk
    stdout, _ = process.communicate(timeout=60)
    os.close(leader)

    text = drawn.decode()
    assert "[" + "█" * 24 + "] 3/3 feeds · 3 new" in text
    assert "0/3 feeds" in text
    assert stdout.decode().strip() == "3 feeds refreshed, 3 new articles"


def test_killing_a_refresh_midway_loses_and_corrupts_nothing(
    httpserver: HTTPServer, isolated_env: dict[str, str], tmp_path: Path
) -> None:
    count = 24

    def slow(request: Request) -> Response:
        time.sleep(0.25)
        number = request.path.rsplit("/", 1)[-1]
        return Response(rss(f"Slow {number}", items(20, f"S{number}")), content_type="text/xml")

    for n in range(count):
        httpserver.expect_request(f"/slow/{n}").respond_with_handler(slow)
    db = tmp_path / "kill.db"
    config = tmp_path / "config.toml"
    config.write_text("[refresh]\nconcurrency = 2\nper_host = 2\n")
    base = [sys.executable, "-m", "tuinews", "--db", str(db), "--config", str(config)]
    subprocess.run([*base, "feeds"], env=isolated_env, check=True, capture_output=True)
    with sqlite3.connect(db) as conn:
        conn.executemany(
            "INSERT INTO feeds(url, title, added) VALUES (?, ?, 0)",
            [(httpserver.url_for(f"/slow/{n}"), f"slow {n}") for n in range(count)],
        )

    process = subprocess.Popen([*base, "refresh"], env=isolated_env, stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    stored = 0
    while time.monotonic() < deadline and stored < 60:
        time.sleep(0.1)
        with sqlite3.connect(db, timeout=5) as conn:
            stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    process.send_signal(signal.SIGKILL)
    process.wait()

    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        partial = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert 0 < partial < count * 20 and partial % 20 == 0  # whole feeds only

    finished = subprocess.run(
        [*base, "refresh"], env=isolated_env, capture_output=True, text=True, timeout=120
    )
    assert finished.returncode == 0, finished.stderr
    with sqlite3.connect(db) as conn:
        total, distinct = conn.execute(
            "SELECT count(*), count(DISTINCT guid) FROM article_feeds"
        ).fetchone()
    assert total == distinct == count * 20
