"""Local files and typed addresses a careless or hostile source hands us, as a user meets them.

Each test drives the real command line against real files (and a loopback server where
a page is fetched); what is checked is what the user sees and what the library holds.
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from conftest import CliRunner
from feedkit import Item, items, rss
from tuinews.library import Library

SECRET = "TOPSECRET-7f3a"
PAGE = (
    "<html><body><article><h1>Ferry</h1>"
    + "<p>All of the ferry story, every paragraph of it, in full detail.</p>" * 5
    + "</article></body></html>"
)
BAD_ADDRESSES = {
    "javascript:alert(1)": "only http, https and file addresses are supported",
    "http://[::1/feed": "[::1 is not an IPv6 address",
    "http://xn--/": "'xn--' is not a valid international host name",
    "http://feeds.example:99999/rss": "port 99999 is not a number from 1 to 65535",
    "http:feed": "no host name",
}


def stored(db: Path) -> list[tuple[str, str | None, str]]:
    with Library.open(db) as library:
        articles = [library.get_article(row.id) for row in library.list_articles(limit=1000)]
    return sorted((article.title, article.url, article.text) for article in articles)


def test_links_inside_a_local_feed_are_never_read_from_disk(
    cli: CliRunner, httpserver: HTTPServer, tmp_path: Path
) -> None:
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "private.html").write_text(f"<html><body><p>{SECRET} {PAGE}</p></body></html>")
    httpserver.expect_request("/story").respond_with_data(PAGE, content_type="text/html")
    feeds = tmp_path / "feeds"
    feeds.mkdir()
    feed = feeds / "local.xml"
    feed.write_bytes(
        rss(
            "On disk",
            [
                Item("Relative", guid="a", link="../secret/private.html"),
                Item("Absolute path", guid="b", link=str(secret / "private.html")),
                Item("File URL", guid="c", link=(secret / "private.html").as_uri()),
                Item("Web", guid="d", link=httpserver.url_for("/story")),
            ],
        )
    )

    result = cli("add", "--full-text", str(feed))

    assert result.returncode == 0, result.stderr
    rows = stored(tmp_path / "cli.db")
    assert [title for title, _, _ in rows] == ["Absolute path", "File URL", "Relative", "Web"]
    assert all(SECRET not in body for _, _, body in rows)
    urls = {title: url for title, url, _ in rows}
    assert urls == {
        "Absolute path": None,
        "File URL": None,
        "Relative": None,
        "Web": httpserver.url_for("/story"),
    }
    assert "every paragraph of it" in {t: b for t, _, b in rows}["Web"]
    assert len(httpserver.log) == 1  # only the web page was fetched


@pytest.mark.parametrize(
    ("declared", "codec", "title"),
    [
        ("ISO-8859-1", "latin-1", "Café Ørsted"),
        ("windows-1252", "cp1252", "“Quoted” news"),
        ("UTF-16", "utf-16", "Grüße"),  # with the byte-order mark Python writes
        (None, "ascii", "Plain ASCII"),
    ],
)
def test_an_opml_file_in_any_declared_encoding_imports_with_its_titles_intact(
    cli: CliRunner, tmp_path: Path, declared: str | None, codec: str, title: str
) -> None:
    declaration = f'<?xml version="1.0" encoding="{declared}"?>' if declared else ""
    document = (
        f'{declaration}<opml version="2.0"><body>'
        f'<outline text="{title}" xmlUrl="https://a.example/f"/></body></opml>'
    )
    path = tmp_path / "list.opml"
    path.write_bytes(document.encode(codec))

    result = cli("import", str(path))

    assert result.returncode == 0, result.stderr
    listed = json.loads(cli("feeds", "--json").stdout)
    assert [(feed["title"], feed["url"]) for feed in listed] == [(title, "https://a.example/f")]


def test_a_binary_opml_file_is_one_line_and_the_other_files_still_import(
    cli: CliRunner, tmp_path: Path
) -> None:
    binary = tmp_path / "broken.opml"
    binary.write_bytes(b"<opml>" + bytes(range(256)) * 8)
    undecodable = tmp_path / "latin.opml"
    undecodable.write_bytes(b"<opml><body><outline text='Caf\xe9' xmlUrl='https://a.example/'/>")
    good = tmp_path / "story.txt"
    good.write_text("A title\n\nA paragraph of the story.\n")

    result = cli("import", str(binary), str(undecodable), str(good))

    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"tuinews: {binary}: binary data, not an OPML or text file",
        f"tuinews: {undecodable}: not valid utf-8 text (byte 31); is it an OPML file?",
    ]
    assert result.stdout.splitlines() == [f"1\tnew\t{good}"]


def test_a_named_pipe_is_refused_instead_of_waiting_forever(cli: CliRunner, tmp_path: Path) -> None:
    fifo = tmp_path / "story.txt"
    os.mkfifo(fifo)
    pipe_list = tmp_path / "feeds.opml"
    os.mkfifo(pipe_list)
    good = tmp_path / "good.md"
    good.write_text("# A title\n\nA paragraph.\n")

    result = cli("import", str(fifo), str(pipe_list), str(good))  # a hang fails at 60 s

    assert result.stderr.splitlines() == [
        f"tuinews: {fifo}: not a regular file (a pipe or a device)",
        f"tuinews: {pipe_list}: not a regular file (a pipe or a device)",
    ]
    assert result.stdout.splitlines() == [f"1\tnew\t{good}"]


def test_file_names_with_a_newline_or_an_escape_stay_on_one_visible_line(
    cli: CliRunner, tmp_path: Path
) -> None:
    tricky = tmp_path / "two\nlines\x1b[31m.txt"
    tricky.write_text("A title\n\nA paragraph.\n")
    missing = tmp_path / "gone\x1b]0;PWNED\x07.txt"

    result = cli("import", str(tricky), str(missing))

    shown = str(tmp_path)
    assert result.stdout == f"1\tnew\t{shown}/two\\nlines\\x1b[31m.txt\n"
    assert result.stderr == f"tuinews: {shown}/gone\\x1b]0;PWNED\\x07.txt: no such file\n"


def test_a_megabyte_title_is_stored_cut_to_a_few_hundred_characters(
    cli: CliRunner, tmp_path: Path
) -> None:
    feed = tmp_path / "long.xml"
    feed.write_bytes(rss("Long " * 200_000, [Item("word " * 200_000, guid="x"), *items(1)]))

    result = cli("add", str(feed))

    assert result.returncode == 0, result.stderr
    with sqlite3.connect(tmp_path / "cli.db") as conn:
        titles = [row[0] for row in conn.execute("SELECT title FROM articles")]
        (feed_title,) = conn.execute("SELECT title FROM feeds").fetchone()
    assert sorted(len(title) for title in titles) == [len("Story 0"), 295]
    assert max(titles, key=len).endswith("word…")
    assert len(feed_title) <= 300


def test_bad_addresses_are_refused_when_subscribed_from_opml_urls_files_and_add(
    cli: CliRunner, tmp_path: Path
) -> None:
    outlines = "".join(
        f'<outline text="{n}" xmlUrl="{url.replace("&", "&amp;")}"/>'
        for n, url in enumerate([*BAD_ADDRESSES, "https://good.example/feed"])
    )
    opml = tmp_path / "list.opml"
    opml.write_text(f'<opml version="2.0"><body>{outlines}</body></opml>')
    web_like = {url: problem for url, problem in BAD_ADDRESSES.items() if url.startswith("http://")}
    urls = tmp_path / "urls"  # a urls file is known by its lines starting "http://"
    urls.write_text("".join(f"{url} tag\n" for url in [*web_like, "https://other.example/"]))

    from_opml = cli("import", str(opml))
    from_urls = cli("import", str(urls))
    added = [cli("add", url) for url in BAD_ADDRESSES]

    assert sorted(from_opml.stderr.splitlines()) == sorted(
        f"tuinews: {opml}: skipped {url!r}: {problem}" for url, problem in BAD_ADDRESSES.items()
    )
    assert sorted(from_urls.stderr.splitlines()) == sorted(
        f"tuinews: {urls}: line {n}: skipped {url!r}: {problem}"
        for n, (url, problem) in enumerate(web_like.items(), start=1)
    )
    for result, (url, problem) in zip(added, BAD_ADDRESSES.items(), strict=True):
        assert (result.returncode, result.stderr) == (1, f"tuinews: {url}: {problem}\n")
    listed = json.loads(cli("feeds", "--json").stdout)
    assert sorted(feed["url"] for feed in listed) == [
        "https://good.example/feed",
        "https://other.example/",
    ]


def test_a_local_feed_that_became_a_named_pipe_fails_alone_instead_of_hanging(
    cli: CliRunner, tmp_path: Path
) -> None:
    good = tmp_path / "good.xml"
    good.write_bytes(rss("On disk", items(2)))
    pipe = tmp_path / "pipe.xml"
    os.mkfifo(pipe)
    assert cli("add", str(good)).returncode == 0
    with Library.open(tmp_path / "cli.db") as library:
        library.add_feed(pipe.as_uri(), "Pipe")

    result = cli("refresh", "Pipe", "On disk")  # a hang fails at 60 s

    assert result.stderr == f"tuinews: Pipe: cannot read {pipe}: not a regular file\n"
    assert result.stdout == "2 feeds refreshed, 0 new articles, 1 failed\n"
