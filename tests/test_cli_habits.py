"""The command line's side of issue 15: the feeds table, refresh reports, config, addresses."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer

from conftest import CliRunner
from feedkit import items, rss
from tuinews.config import ConfigError, load_config
from tuinews.library import Library


def test_feeds_prints_an_aligned_table_with_a_header_and_the_last_success(
    cli: CliRunner, httpserver: HTTPServer, tmp_path: Path
) -> None:
    httpserver.expect_request("/news.xml").respond_with_data(rss("News", items(3, "News")))
    assert cli("add", httpserver.url_for("/news.xml"), "--folder", "Local").returncode == 0
    with Library.open(tmp_path / "cli.db") as library:
        library.add_feed("https://never.example/feed.xml", "Ærø Tidende — a long name")
    lines = cli("feeds").stdout.splitlines()
    assert lines[0].split() == ["id", "unread", "total", "feed", "last", "success", "url"]
    starts = {line.index("http") for line in lines[1:]}
    assert len(starts) == 1 and lines[0].index("url") == starts.pop()  # one column
    news = next(line for line in lines if "Local/News" in line)
    assert news.split()[:3] == ["1", "3", "3"]
    assert datetime.now().strftime("%Y-%m-%d") in news
    assert "never" in next(line for line in lines if "Ærø" in line)


def _news_and_a_failed_feed(
    httpserver: HTTPServer, tmp_path: Path, title: str, error: str, **failure: Any
) -> None:
    """A feed with one story, and a feed `title` whose last fetch failed as `failure` says."""
    httpserver.expect_request("/news.xml").respond_with_data(rss("News", items(1, "News")))
    with Library.open(tmp_path / "cli.db") as library:
        library.add_feed(httpserver.url_for("/news.xml"), "News")
        failed = library.add_feed(httpserver.url_for(f"/{title.lower()}.xml"), title)
        assert failed.id is not None
        library.record_failure(failed.id, error, **failure)


def test_refresh_names_feeds_skipped_in_back_off_and_why(
    cli: CliRunner, httpserver: HTTPServer, tmp_path: Path
) -> None:
    _news_and_a_failed_feed(
        httpserver,
        tmp_path,
        "Slow",
        "HTTP 503",
        status=503,
        next_fetch_after=datetime.now(UTC) + timedelta(hours=2),
    )
    result = cli("refresh")
    assert result.returncode == 0
    assert result.stdout.strip() == "1 feed refreshed, 1 new article, 1 waiting to retry"
    assert result.stderr.startswith("tuinews: Slow: skipped, not retried before ")
    assert result.stderr.rstrip().endswith("(HTTP 503)")
    assert [request.path for request, _ in httpserver.log] == ["/news.xml"]


def test_an_address_without_a_scheme_tries_https_then_http(
    cli: CliRunner, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/news.xml").respond_with_data(rss("News", items(2, "News")))
    typed = f"127.0.0.1:{httpserver.port}/news.xml"
    result = cli("add", typed)
    assert result.returncode == 0, result.stderr
    assert f"http://{typed}" in result.stdout and "(2 articles)" in result.stdout
    missing = cli("add", "subscriptions.opml")
    assert missing.returncode == 1 and "subscriptions.opml: no such file" in missing.stderr


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ('[refresh]\non_start = "yes"\n', "line 2: on_start must be true or false, not 'yes'"),
        ('[refresh]\ninterval = "10s"\n', "line 2: interval must be like"),
        ('[refresh]\ninterval = "soon"\n', "line 2: interval must be like"),
        ("[ui]\nbrowser = 3\n", "line 2: browser must be a string, not 3"),
        ("[ui]\nplayer = false\n", "line 2: player must be a string, not False"),
    ],
)
def test_bad_new_settings_name_the_key_and_line(tmp_path: Path, text: str, error: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(text)
    with pytest.raises(ConfigError, match=error.replace("(", r"\(")):
        load_config(path)


def test_new_settings_are_read(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        '[refresh]\non_start = true\ninterval = "2h"\n[ui]\nbrowser = "w3m %u"\nplayer = "mpv"\n'
    )
    config = load_config(path)
    assert config.auto_refresh.on_start and config.auto_refresh.interval == 7200
    assert config.launch.browser == "w3m %u" and config.launch.player == "mpv"
    path.write_text("[refresh]\ninterval = 45\n")  # a bare number is minutes, as in newsboat
    assert load_config(path).auto_refresh.interval == 45 * 60


def test_refresh_names_gone_feeds_it_no_longer_fetches(
    cli: CliRunner, httpserver: HTTPServer, tmp_path: Path
) -> None:
    _news_and_a_failed_feed(
        httpserver, tmp_path, "Old", "HTTP 410: the feed is gone", status=410, gone=True
    )
    result = cli("refresh")
    assert result.stdout.strip() == "1 feed refreshed, 1 new article, 1 gone"
    assert result.stderr.strip() == "tuinews: Old: skipped, HTTP 410: the feed is gone"
    assert [request.path for request, _ in httpserver.log] == ["/news.xml"]
