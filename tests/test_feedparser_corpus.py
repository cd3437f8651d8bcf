"""feedparser's own test corpus, refreshed as subscriptions: every entry under its feed.

The corpus is feedparser's sdist `tests/` folder (2,248 files, 1,209 entries), fetched with
`pip download` into pytest's cache the first time and served from loopback. Many of its
feeds share links and contents with each other (example.org stories), which is what a
library that keys stories by URL alone used to lose.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tarfile
from pathlib import Path

import feedparser
import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from tuinews.config import RefreshSettings
from tuinews.feeds.refresh import refresh_feeds
from tuinews.library import Library

TARGET = 0.97


@pytest.fixture(scope="session")
def corpus(pytestconfig: pytest.Config) -> Path:
    """The sdist's `tests` folder."""
    cache = Path(pytestconfig.cache.mkdir("feedparser-sdist"))  # type: ignore[union-attr]
    if not list(cache.glob("feedparser-*.tar.gz")):
        fetched = subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "feedparser==6.0.14",
                "--no-binary",
                ":all:",
                "--no-deps",
                "-q",
                "-d",
                str(cache),
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        if fetched.returncode != 0:
            pytest.skip(f"cannot download feedparser's sdist: {fetched.stderr.strip()[-200:]}")
    archive = next(cache.glob("feedparser-*.tar.gz"))
    root = cache / archive.name.removesuffix(".tar.gz")
    if not root.exists():
        with tarfile.open(archive) as tar:
            tar.extractall(cache, filter="data")
    return root / "tests"


def test_refreshing_feedparsers_corpus_lists_its_entries_under_their_feeds(
    corpus: Path, httpserver: HTTPServer, tmp_path: Path
) -> None:
    root = corpus
    corpus_files = sorted(p for p in root.rglob("*") if p.is_file() and p.suffix != ".py")
    found = {path: len(feedparser.parse(path.read_bytes()).entries) for path in corpus_files}
    assert (len(corpus_files), sum(found.values())) == (2248, 1209)

    def serve(request: Request) -> Response:
        path = root / request.path.removeprefix("/corpus/")
        return Response(path.read_bytes(), content_type="application/xml")

    httpserver.expect_request(re.compile("^/corpus/")).respond_with_handler(serve)
    db = tmp_path / "corpus.db"
    with Library.open(db) as library, library.transaction():
        feed_of = {
            library.add_feed(
                httpserver.url_for(f"/corpus/{path.relative_to(root)}"), path.name
            ).id: path
            for path in corpus_files
        }
    # 2,248 feeds of one host: the fetcher's timeout also runs while a feed waits its turn
    # for the host, so it is generous here; what is measured is what gets stored.
    refresh_feeds(db, RefreshSettings(timeout=600.0, per_host=16, concurrency=32))
    with Library.open(db) as library:
        listed = {feed_of[feed.id]: feed.total for feed in library.feeds()}
    kept = sum(min(listed[path], found[path]) for path in corpus_files)
    print(f"listed {kept} of the {sum(found.values())} entries feedparser finds")
    assert kept / sum(found.values()) >= TARGET
    assert all(listed[path] <= found[path] for path in corpus_files)  # nothing invented
