"""The refresh engine against real loopback servers: politeness, state, and bad servers."""

from __future__ import annotations

import gzip
import socket
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from feedkit import Item, atom, items, raw_server, read_request, rss
from tuinews.config import RefreshSettings
from tuinews.feeds.refresh import FeedOutcome, RefreshProgress, refresh_feeds
from tuinews.library import Library
from tuinews.reading import open_article

SETTINGS = RefreshSettings(timeout=3.0, max_bytes=1024 * 1024)


def subscribe_all(db: Path, *urls: str) -> list[int]:
    with Library.open(db) as library:
        return [library.add_feed(url, url).id or 0 for url in urls]


def by_url(outcomes: list[FeedOutcome]) -> dict[str, FeedOutcome]:
    return {outcome.url: outcome for outcome in outcomes}


def article_count(db: Path) -> int:
    with Library.open(db) as library:
        return library.conn.execute("SELECT count(*) FROM articles").fetchone()[0]


def conditional(body: bytes, etag: str, seen: list[Request]) -> Callable[[Request], Response]:
    """A server that honours If-None-Match like a real one, and remembers what it was sent."""

    def handle(request: Request) -> Response:
        seen.append(request)
        if request.headers.get("If-None-Match") == etag:
            return Response(status=304, headers={"ETag": etag})
        return Response(
            body,
            headers={"ETag": etag, "Last-Modified": "Mon, 23 Nov 2026 10:00:00 GMT"},
            content_type="application/rss+xml",
        )

    return handle


def test_first_refresh_stores_structured_articles_and_the_second_is_a_304(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    db = tmp_path / "lib.db"
    seen: list[Request] = []
    feed = rss("Harbour News", items(5))
    httpserver.expect_request("/feed").respond_with_handler(conditional(feed, '"v1"', seen))
    subscribe_all(db, httpserver.url_for("/feed"))

    first = refresh_feeds(db, SETTINGS)
    assert [(o.status, o.new, o.title) for o in first] == [("updated", 5, "Harbour News")]
    assert "If-None-Match" not in seen[0].headers
    assert seen[0].headers["User-Agent"].startswith("tuinews/")

    with Library.open(db) as library:
        (row,) = library.list_articles(limit=1)
        article = open_article(library, row.id)
        feed_state = library.feeds()[0]
    assert article.quotes[0].speaker == "Ana Lima"
    assert article.url and article.url.startswith("https://site.example/story/")
    assert feed_state.etag == '"v1"' and feed_state.last_error is None

    second = refresh_feeds(db, SETTINGS)
    assert [(o.status, o.new) for o in second] == [("not_modified", 0)]
    assert seen[1].headers["If-None-Match"] == '"v1"'
    assert seen[1].headers["If-Modified-Since"] == "Mon, 23 Nov 2026 10:00:00 GMT"
    assert article_count(db) == 5


def test_a_304_after_a_failure_clears_the_error_and_the_back_off(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    db = tmp_path / "lib.db"
    body = rss("Harbour News", items(2))
    httpserver.expect_ordered_request("/feed").respond_with_data(
        body, headers={"ETag": '"v1"'}, content_type="application/rss+xml"
    )
    httpserver.expect_ordered_request("/feed").respond_with_data("down", status=500)
    httpserver.expect_ordered_request("/feed").respond_with_data("", status=304)
    (feed_id,) = subscribe_all(db, httpserver.url_for("/feed"))

    refresh_feeds(db, SETTINGS)
    (failed,) = refresh_feeds(db, SETTINGS, [feed_id])
    with Library.open(db) as library:
        assert library.get_feed(feed_id).last_error == "HTTP 500 INTERNAL SERVER ERROR"
    (recovered,) = refresh_feeds(db, SETTINGS, [feed_id])

    assert (failed.status, recovered.status) == ("error", "not_modified")
    with Library.open(db) as library:
        feed = library.get_feed(feed_id)
    assert (feed.last_status, feed.last_error, feed.failures, feed.next_fetch_after) == (
        304,
        None,
        0,
        None,
    )
    assert article_count(db) == 2


def test_rss_and_atom_feeds_refresh_together_and_report_progress(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    db = tmp_path / "lib.db"
    httpserver.expect_request("/rss").respond_with_data(rss("R", items(3, "Rss")))
    httpserver.expect_request("/atom").respond_with_data(atom("A", items(4, "Atom")))
    subscribe_all(db, httpserver.url_for("/rss"), httpserver.url_for("/atom"))
    seen: list[RefreshProgress] = []

    outcomes = refresh_feeds(db, SETTINGS, on_progress=seen.append)

    assert sorted(o.new for o in outcomes) == [3, 4]
    assert [(p.done, p.total) for p in seen] == [(0, 2), (1, 2), (2, 2)]
    assert seen[-1].new == 7 and seen[-1].errors == 0


def test_changed_entry_updates_the_stored_copy_and_keeps_read_and_star(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    db = tmp_path / "lib.db"
    story = Item("Vote tonight", guid="vote", link="https://site.example/vote")
    httpserver.expect_ordered_request("/feed").respond_with_data(rss("F", [story]))
    corrected = Item(
        "Vote tonight", guid="vote", link=story.link, body="<p>The vote moved to Friday.</p>"
    )
    httpserver.expect_ordered_request("/feed").respond_with_data(rss("F", [corrected]))
    subscribe_all(db, httpserver.url_for("/feed"))

    refresh_feeds(db, SETTINGS)
    with Library.open(db) as library:
        (row,) = library.list_articles()
        library.set_read(row.id)
        library.set_starred(row.id)
    (outcome,) = refresh_feeds(db, SETTINGS)

    assert (outcome.new, outcome.updated) == (0, 1)
    with Library.open(db) as library:
        (after,) = library.list_articles()
        assert "Friday" in library.get_article(after.id).text
    assert (after.id, after.read, after.starred) == (row.id, True, True)


def test_duplicate_guids_and_entries_without_guid_link_or_date_are_stored_once(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    db = tmp_path / "lib.db"
    entries = [
        Item("Twice", guid="same", link="https://site.example/a"),
        Item("Twice", guid="same", link="https://site.example/a"),
        Item("Bare", guid=None, link=None, date=None, body="<p>No identity at all.</p>"),
    ]
    httpserver.expect_request("/feed").respond_with_data(rss("F", entries))
    subscribe_all(db, httpserver.url_for("/feed"))

    refresh_feeds(db, SETTINGS)
    refresh_feeds(db, SETTINGS)

    with Library.open(db) as library:
        titles = sorted(row.title for row in library.list_articles())
    assert titles == ["Bare", "Twice"]


def test_dates_in_the_future_do_not_pin_a_story_to_the_top(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    db = tmp_path / "lib.db"
    future = format_datetime(datetime.now(UTC) + timedelta(days=400), usegmt=True)
    entries = [Item("From the future", guid="f", date=future), Item("Today", guid="t")]
    httpserver.expect_request("/feed").respond_with_data(rss("F", entries))
    subscribe_all(db, httpserver.url_for("/feed"))

    refresh_feeds(db, SETTINGS)

    with Library.open(db) as library:
        stamps = dict(library.conn.execute("SELECT title, sort_ts FROM articles").fetchall())
        stored = library.get_article(library.list_articles()[0].id)
    assert stamps["From the future"] <= time.time() + 1
    assert stored.published is not None


def test_permanent_redirects_move_the_subscription_and_temporary_ones_do_not(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    db = tmp_path / "lib.db"
    httpserver.expect_request("/old").respond_with_data(
        "", status=301, headers={"Location": "/older"}
    )
    httpserver.expect_request("/older").respond_with_data(
        "", status=308, headers={"Location": "/new"}
    )
    httpserver.expect_request("/new").respond_with_data(rss("Moved", items(1, "M")))
    httpserver.expect_request("/hop").respond_with_data(
        "", status=302, headers={"Location": "/target"}
    )
    httpserver.expect_request("/target").respond_with_data(rss("Hop", items(1, "H")))
    subscribe_all(db, httpserver.url_for("/old"), httpserver.url_for("/hop"))

    outcomes = refresh_feeds(db, SETTINGS)

    assert {o.status for o in outcomes} == {"updated"}
    with Library.open(db) as library:
        urls = sorted(feed.url for feed in library.feeds())
    assert urls == sorted([httpserver.url_for("/new"), httpserver.url_for("/hop")])


def test_a_redirect_loop_fails_that_feed_only(httpserver: HTTPServer, tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    httpserver.expect_request("/a").respond_with_data("", status=302, headers={"Location": "/b"})
    httpserver.expect_request("/b").respond_with_data("", status=302, headers={"Location": "/a"})
    httpserver.expect_request("/ok").respond_with_data(rss("Fine", items(2)))
    subscribe_all(db, httpserver.url_for("/a"), httpserver.url_for("/ok"))

    outcomes = by_url(refresh_feeds(db, SETTINGS))

    looped = outcomes[httpserver.url_for("/a")]
    assert looped.status == "error" and looped.error and looped.error.startswith("redirect loop")
    assert outcomes[httpserver.url_for("/ok")].new == 2


def test_gone_feed_is_marked_and_never_fetched_again(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    db = tmp_path / "lib.db"
    httpserver.expect_request("/gone").respond_with_data("gone", status=410)
    subscribe_all(db, httpserver.url_for("/gone"))

    (outcome,) = refresh_feeds(db, SETTINGS)
    assert outcome.status == "gone" and "HTTP 410" in (outcome.error or "")
    requests_before = len(httpserver.log)

    assert refresh_feeds(db, SETTINGS) == []
    assert len(httpserver.log) == requests_before
    with Library.open(db) as library:
        assert library.feeds()[0].gone


@pytest.mark.parametrize("status", [429, 503])
def test_retry_after_in_seconds_or_as_a_date_is_honoured(
    httpserver: HTTPServer, tmp_path: Path, status: int
) -> None:
    db = tmp_path / "lib.db"
    later = format_datetime(datetime.now(UTC) + timedelta(hours=2), usegmt=True)
    httpserver.expect_request("/seconds").respond_with_data(
        "slow down", status=status, headers={"Retry-After": "3600"}
    )
    httpserver.expect_request("/date").respond_with_data(
        "slow down", status=status, headers={"Retry-After": later}
    )
    ids = subscribe_all(db, httpserver.url_for("/seconds"), httpserver.url_for("/date"))

    refresh_feeds(db, SETTINGS)
    requests_before = len(httpserver.log)
    again = refresh_feeds(db, SETTINGS, ids)  # naming the feeds does not overrule the server

    assert {o.status for o in again} == {"deferred"}
    assert len(httpserver.log) == requests_before
    with Library.open(db) as library:
        waits = {feed.url: feed.next_fetch_after for feed in library.feeds()}
    now = datetime.now(UTC)
    seconds_wait = waits[httpserver.url_for("/seconds")]
    date_wait = waits[httpserver.url_for("/date")]
    assert seconds_wait and timedelta(minutes=55) < seconds_wait - now < timedelta(minutes=61)
    assert date_wait and timedelta(minutes=115) < date_wait - now < timedelta(minutes=121)


@pytest.mark.parametrize(("status", "reason"), [(404, "NOT FOUND"), (500, "INTERNAL")])
def test_failures_are_recorded_and_back_off_until_named(
    httpserver: HTTPServer, tmp_path: Path, status: int, reason: str
) -> None:
    db = tmp_path / "lib.db"
    httpserver.expect_request("/broken").respond_with_data("no", status=status)
    (feed_id,) = subscribe_all(db, httpserver.url_for("/broken"))

    (outcome,) = refresh_feeds(db, SETTINGS)
    assert outcome.status == "error"
    assert (outcome.error or "").upper().startswith(f"HTTP {status} {reason}")
    with Library.open(db) as library:
        feed = library.get_feed(feed_id)
    assert feed.failures == 1 and feed.last_error == outcome.error

    (waiting,) = refresh_feeds(db, SETTINGS)
    assert waiting.status == "deferred"
    (named,) = refresh_feeds(db, SETTINGS, [feed_id])
    assert named.status == "error"
    with Library.open(db) as library:
        assert library.get_feed(feed_id).failures == 2


def test_bad_documents_fail_their_feed_with_a_readable_error(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    db = tmp_path / "lib.db"
    page = b"<!doctype html><html><head><title>Home</title></head><body><p>Hi</p></body></html>"
    httpserver.expect_request("/html").respond_with_data(page, content_type="text/html")
    httpserver.expect_request("/empty").respond_with_data(b"", content_type="application/rss+xml")
    httpserver.expect_request("/junk").respond_with_data(b"\x00\x01binary\xff" * 50)
    httpserver.expect_request("/ok").respond_with_data(rss("Fine", items(1)))
    urls = [httpserver.url_for(path) for path in ("/html", "/empty", "/junk", "/ok")]
    subscribe_all(db, *urls)

    outcomes = by_url(refresh_feeds(db, SETTINGS))

    assert outcomes[urls[0]].error == "not a feed: the address serves a web page"
    assert outcomes[urls[1]].error == "the server sent an empty document"
    assert (outcomes[urls[2]].error or "").startswith("not a feed")
    assert outcomes[urls[3]].new == 1
    assert all("\n" not in (o.error or "") for o in outcomes.values())


def test_malformed_xml_still_yields_the_entries_that_can_be_read(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    db = tmp_path / "lib.db"
    broken = rss("Sloppy", items(2)).replace(b"</channel></rss>", b"<item><title>Cut")
    httpserver.expect_request("/feed").respond_with_data(broken)
    subscribe_all(db, httpserver.url_for("/feed"))

    (outcome,) = refresh_feeds(db, SETTINGS)

    assert outcome.status == "updated" and outcome.new >= 2


def test_charset_from_the_document_when_the_server_names_none_or_the_wrong_one(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    db = tmp_path / "lib.db"
    latin = rss("Café København", [Item("Smørrebrød für alle", guid="x")], encoding="iso-8859-1")
    httpserver.expect_request("/none").respond_with_data(latin, content_type="application/xml")
    utf8 = rss("Crème brûlée", [Item("Große Straße", guid="y")])
    httpserver.expect_request("/wrong").respond_with_data(
        utf8, content_type="application/rss+xml; charset=iso-8859-1"
    )
    subscribe_all(db, httpserver.url_for("/none"), httpserver.url_for("/wrong"))

    refresh_feeds(db, SETTINGS)

    with Library.open(db) as library:
        feeds = sorted(feed.title for feed in library.feeds())
        titles = sorted(row.title for row in library.list_articles())
    assert feeds == ["Café København", "Crème brûlée"]
    assert titles == ["Große Straße", "Smørrebrød für alle"]


def test_an_endless_body_and_a_gzip_bomb_stop_at_the_size_cap(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    db = tmp_path / "lib.db"
    bomb = gzip.compress(b"<rss>" + b" " * (200 * 1024 * 1024))
    assert len(bomb) < 300 * 1024
    httpserver.expect_request("/bomb").respond_with_data(
        bomb, headers={"Content-Encoding": "gzip"}, content_type="application/rss+xml"
    )
    sent = {"bytes": 0}

    def endless(connection: socket.socket) -> None:
        read_request(connection)
        connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n\r\n")
        chunk = b"<item>" * 10_000
        while sent["bytes"] < 10 * 1024**3:
            connection.sendall(chunk)
            sent["bytes"] += len(chunk)

    httpserver.expect_request("/ok").respond_with_data(rss("Fine", items(1)))
    with raw_server(endless) as endless_url:
        urls = [httpserver.url_for("/bomb"), f"{endless_url}/feed", httpserver.url_for("/ok")]
        subscribe_all(db, *urls)
        outcomes = by_url(refresh_feeds(db, SETTINGS))

    assert outcomes[urls[0]].error == "the response is larger than 1 MB"
    assert outcomes[urls[1]].error == "the response is larger than 1 MB"
    assert sent["bytes"] < 50 * 1024 * 1024
    assert outcomes[urls[2]].new == 1


def test_a_server_that_never_answers_times_out_and_tls_failure_is_named(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    db = tmp_path / "lib.db"

    def silent(connection: socket.socket) -> None:
        read_request(connection)
        time.sleep(10)

    httpserver.expect_request("/ok").respond_with_data(rss("Fine", items(1)))
    tls_url = httpserver.url_for("/ok").replace("http://", "https://")
    with raw_server(silent) as silent_url:
        urls = [f"{silent_url}/feed", tls_url, httpserver.url_for("/ok")]
        subscribe_all(db, *urls)
        settings = RefreshSettings(timeout=1.0)
        started = time.monotonic()
        outcomes = by_url(refresh_feeds(db, settings))
        assert time.monotonic() - started < 8

    assert outcomes[urls[0]].error == "no answer within 1 s"
    assert (outcomes[urls[1]].error or "").startswith("TLS failure")
    assert outcomes[urls[2]].new == 1


def test_a_feed_with_fifty_thousand_items_is_stored_whole(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    db = tmp_path / "lib.db"
    many = [Item(f"Item {n}", guid=f"i{n}", link=None, body=f"Note {n}.") for n in range(50_000)]
    httpserver.expect_request("/big").respond_with_data(rss("Archive", many))
    httpserver.expect_request("/ok").respond_with_data(rss("Fine", items(1)))
    subscribe_all(db, httpserver.url_for("/big"), httpserver.url_for("/ok"))
    settings = RefreshSettings(max_bytes=20 * 1024 * 1024)

    outcomes = by_url(refresh_feeds(db, settings))

    assert outcomes[httpserver.url_for("/big")].new == 50_000
    assert outcomes[httpserver.url_for("/ok")].new == 1


def test_requests_to_one_host_never_exceed_the_per_host_limit(tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    state = {"now": 0, "most": 0}
    lock = __import__("threading").Lock()
    body = rss("Slow", items(1))

    def slow(connection: socket.socket) -> None:
        read_request(connection)
        with lock:
            state["now"] += 1
            state["most"] = max(state["most"], state["now"])
        time.sleep(0.2)
        with lock:
            state["now"] -= 1
        connection.sendall(
            b"HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: %d\r\n\r\n" % len(body) + body
        )

    with raw_server(slow) as url:
        subscribe_all(db, *(f"{url}/feed/{n}" for n in range(8)))
        outcomes = refresh_feeds(db, RefreshSettings(per_host=2, concurrency=16))

    assert [o.status for o in outcomes].count("updated") + [o.status for o in outcomes].count(
        "unchanged"
    ) == 8
    assert state["most"] == 2


def test_full_text_feeds_fetch_each_new_entry_page(httpserver: HTTPServer, tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    page = (
        "<html><head><title>Bridge</title></head><body><article><h1>Bridge</h1>"
        + "<p>The whole story of the bridge, told at length with every detail.</p>" * 6
        + "<h2>What comes next</h2><p>“We start in May,” said Ola Berg.</p></article></body></html>"
    )
    httpserver.expect_request("/page").respond_with_data(page, content_type="text/html")
    teaser = Item("Bridge", guid="b", link=httpserver.url_for("/page"), body="<p>Teaser.</p>")
    httpserver.expect_request("/feed").respond_with_data(rss("Summaries", [teaser]))
    (feed_id,) = subscribe_all(db, httpserver.url_for("/feed"))
    with Library.open(db) as library:
        library.set_full_text(feed_id, True)

    refresh_feeds(db, SETTINGS)

    with Library.open(db) as library:
        article = library.get_article(library.list_articles()[0].id)
    assert article.title == "Bridge"
    assert [section.title for section in article.sections][-1] == "What comes next"
    assert article.quotes[-1].speaker == "Ola Berg"


def test_the_sample_edition_and_local_files_refresh_without_the_network(tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    local = tmp_path / "local.xml"
    local.write_bytes(rss("Local", items(2)))
    subscribe_all(db, "tuinews:sample-edition", local.as_uri())

    first = refresh_feeds(db, SETTINGS)
    second = refresh_feeds(db, SETTINGS)

    assert [(o.url, o.new) for o in first] == [(local.as_uri(), 2)]
    assert [o.status for o in second] == ["not_modified"]


def test_a_feed_that_breaks_later_keeps_everything_it_delivered(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    db = tmp_path / "lib.db"
    httpserver.expect_ordered_request("/feed").respond_with_data(rss("Steady", items(3)))
    httpserver.expect_ordered_request("/feed").respond_with_data(b"<html><body>Oops</body></html>")
    httpserver.expect_ordered_request("/feed").respond_with_data("down", status=500)
    (feed_id,) = subscribe_all(db, httpserver.url_for("/feed"))

    outcomes = [refresh_feeds(db, SETTINGS, [feed_id])[0].status for _ in range(3)]

    assert outcomes == ["updated", "error", "error"]
    assert article_count(db) == 3
    with Library.open(db) as library:
        feed = library.get_feed(feed_id)
    assert (feed.unread, feed.failures, feed.last_error) == (3, 2, "HTTP 500 INTERNAL SERVER ERROR")
    assert feed.last_success is not None


def test_entries_are_extracted_when_first_opened_and_stay_unchanged_for_refresh(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    db = tmp_path / "lib.db"
    body = (
        "<p>The council met on Monday.</p><h2>The vote</h2>"
        "<p>“We will build it,” said Mayor Rita Holm.</p><script>alert('x')</script>"
    )
    story = Item("Council votes", guid="c", link="https://site.example/c", body=body)
    httpserver.expect_request("/feed").respond_with_data(rss("Town", [story]))
    subscribe_all(db, httpserver.url_for("/feed"))
    refresh_feeds(db, SETTINGS)

    with Library.open(db) as library:
        (hit,) = library.search("Holm")
        article_id = hit.article.id
        assert library.pending_html(article_id) is not None
        opened = open_article(library, article_id)
        assert library.pending_html(article_id) is None
        reopened = open_article(library, article_id)

    assert [section.title for section in opened.sections] == [None, "The vote"]
    assert [(q.text, q.speaker) for q in opened.quotes] == [("We will build it", "Mayor Rita Holm")]
    assert "alert" not in opened.text
    assert reopened == opened
    (again,) = refresh_feeds(db, SETTINGS)
    assert (again.status, again.updated) == ("unchanged", 0)


def test_a_changed_entry_is_read_again_from_its_new_html(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    db = tmp_path / "lib.db"
    first = Item("Storm", guid="s", body="<p>Wind tonight.</p>")
    second = Item("Storm", guid="s", body="<p>Wind tonight.</p><h2>Update</h2><p>Roads shut.</p>")
    httpserver.expect_ordered_request("/feed").respond_with_data(rss("W", [first]))
    httpserver.expect_ordered_request("/feed").respond_with_data(rss("W", [second]))
    subscribe_all(db, httpserver.url_for("/feed"))

    refresh_feeds(db, SETTINGS)
    with Library.open(db) as library:
        article_id = library.list_articles()[0].id
        open_article(library, article_id)
    refresh_feeds(db, SETTINGS)
    with Library.open(db) as library:
        article = open_article(library, article_id)

    assert [section.title for section in article.sections] == [None, "Update"]
