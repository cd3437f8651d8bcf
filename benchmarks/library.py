"""Library operations on 100,000 articles: the figures the reader's speed rests on.

Run: python benchmarks/library.py [--articles N] [--db PATH]
     python benchmarks/library.py --disk [--disk-feeds N] [--disk-items N]
Prints the time to insert N generated articles (~2 KB of text each, 100 feeds, one
transaction per feed as a refresh writes them) and to index them for search (the pass the
first search or the TUI makes after a refresh), then medians of the queries the UI and
CLI make: open, newest page, unread page, a page deep in the list, a feed's page,
counts, full-text search and loading one article.

With --disk it instead refreshes the generated feeds of benchmarks/refresh.py (50 × 2,000
entries by default) into an empty library and, in the same run, newsboat into an empty
cache, prints bytes per article of both and their ratio against the target, and times the
same queries on that library.
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tuinews.library import ArticleFilter, Cursor, Library
from tuinews.model import AlsoRead, Article, Block, Link, Quote, Section

DISK_TARGET = 0.5  # tuinews bytes per article / newsboat's, same feeds

WORDS = (
    "harbour ferry council budget school market fishermen storm bridge island mayor vote "
    "library repair football cup final weather fjord eelgrass climate research museum "
    "concert theatre hospital nurse train station road tunnel festival winter summer "
    "election recount candidate pool swimming youth club stadium coach season transfer "
    "price energy battery grid wind turbine solar farm harvest apple bakery bread coffee"
).split()


def vocabulary(rng: random.Random, size: int = 20_000) -> list[str]:
    """News words plus made-up ones, so the index sees a realistic spread of rare terms."""
    letters = "aeiounrstlkmdbgh"
    made_up = {"".join(rng.choices(letters, k=rng.randint(4, 10))) for _ in range(size)}
    return [*WORDS, *sorted(made_up - set(WORDS))]


_VOCABULARY = vocabulary(random.Random(1))
# Zipf's law: the n-th most common word is about n times rarer than the first.
_CUMULATIVE = list(itertools.accumulate(1 / rank for rank in range(1, len(_VOCABULARY) + 1)))


def sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choices(_VOCABULARY, cum_weights=_CUMULATIVE, k=words)).capitalize() + "."


def make_article(rng: random.Random, number: int, when: datetime) -> Article:
    paragraphs = [" ".join(sentence(rng, 14) for _ in range(3)) for _ in range(6)]
    target = f"https://bench.example/story/{rng.randrange(number + 1)}"
    return Article(
        title=sentence(rng, 8).rstrip("."),
        url=f"https://bench.example/story/{number}",
        published=when,
        lede=sentence(rng, 20),
        sections=[
            Section(blocks=[Block(kind="paragraph", text=p) for p in paragraphs[:3]]),
            Section(
                title=sentence(rng, 3).rstrip("."),
                blocks=[
                    *(Block(kind="paragraph", text=p) for p in paragraphs[3:]),
                    Block(
                        kind="also_read",
                        text="Also read",
                        links=[Link(title="Related", url=target)],
                    ),
                ],
            ),
        ],
        quotes=[Quote(text=sentence(rng, 8), speaker="A. Speaker", section=1)],
        also_read=[AlsoRead(title="Related", url=target, section=1)],
    )


def median_ms(action: Callable[[], object], repeat: int = 25) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def query_timings(library: Library, path: Path, rare: str) -> dict[str, float]:
    """Median milliseconds of what the reader and the commands ask of a library."""
    feeds = library.feeds()
    feed_id = feeds[min(42, len(feeds) - 1)].id
    middle = library.count_articles() // 2
    deep = library.list_articles(limit=1, offset=middle)
    return {
        "open library (schema check, WAL)": median_ms(lambda: Library.open(path).close()),
        "first screen (feeds, counts, newest 50)": median_ms(
            lambda: (library.feeds(), library.count_articles(), library.list_articles(limit=50))
        ),
        "newest 50": median_ms(lambda: library.list_articles(limit=50)),
        "newest 50 unread": median_ms(
            lambda: library.list_articles(ArticleFilter(unread=True), limit=50)
        ),
        f"50 after row {middle:,} (keyset)": median_ms(
            lambda: library.list_articles(limit=50, after=Cursor.after(deep[0]))
        ),
        f"50 at offset {middle:,}": median_ms(
            lambda: library.list_articles(limit=50, offset=middle)
        ),
        "newest 50 of one feed": median_ms(
            lambda: library.list_articles(ArticleFilter(feed_id=feed_id), limit=50)
        ),
        "count unread": median_ms(lambda: library.count_articles(ArticleFilter(unread=True))),
        "feeds with unread counts": median_ms(library.feeds),
        "search common word 'harbour' (top 20)": median_ms(lambda: library.search("harbour")),
        "search two words 'ferry budget'": median_ms(lambda: library.search("ferry budget")),
        f"search rarer word '{rare}'": median_ms(lambda: library.search(rare)),
        "load one article": median_ms(lambda: library.get_article(deep[0].id)),
    }


def index_and_read_some(library: Library) -> tuple[float, int]:
    """The first search's index pass, timed, then the newest 1,000 read, as a reader would:
    (seconds, articles stored)."""
    start = time.perf_counter()
    library.index_pending()
    seconds = time.perf_counter() - start
    for row in library.list_articles(limit=1000):
        library.set_read(row.id)
    return seconds, library.count_articles()


def file_bytes(path: Path) -> int:
    """A SQLite file with its write-ahead log, as it sits on the disk."""
    wal = path.with_name(path.name + "-wal")
    return path.stat().st_size + (wal.stat().st_size if wal.exists() else 0)


def disk_comparison(feeds: int, items: int) -> None:
    """Bytes per article: tuinews's library beside newsboat's cache of the same feeds.

    Both read the generated feeds of `benchmarks/refresh.py` from its loopback server in one
    run; tuinews's size includes the search index, built as the first search builds it.
    Then the reader's queries are timed on that library.
    """
    import refresh as feed_bench  # benchmarks/refresh.py: the feed server and its runners

    newsboat = shutil.which("newsboat")
    server = feed_bench.ServerProcess(feeds, items, min(50, feeds))
    try:
        print(
            f"serving {feeds} feeds × {items} entries: {server.body_bytes:,} bytes of feeds; "
            f"load average {os.getloadavg()[0]:.2f}"
        )
        with tempfile.TemporaryDirectory(prefix="tuinews-disk-") as scratch:
            folder = Path(scratch)
            db = feed_bench.prepare_library(folder, server.urls)
            sample, _ = feed_bench.tuinews_refresh(server, db)
            with Library.open(db) as library:
                index_s, stored = index_and_read_some(library)
            ours = file_bytes(db)
            print(f"tuinews refresh: {sample.seconds:.1f} s, index pass {index_s:.1f} s")
            print(
                f"tuinews library: {stored:,} articles, {ours:,} bytes, "
                f"{ours / stored:,.0f} B/article"
            )
            theirs = None
            if newsboat is not None:
                boat = folder / "newsboat"
                boat.mkdir()
                feed_bench.prepare_newsboat(boat, server.urls, 16)
                boat_sample, _ = feed_bench.newsboat_reload(server, newsboat, boat)
                theirs = file_bytes(boat / "cache.db")
                per = theirs / boat_sample.articles
                print(f"newsboat reload (16 threads): {boat_sample.seconds:.1f} s")
                print(
                    f"newsboat cache: {boat_sample.articles:,} articles, {theirs:,} bytes, "
                    f"{per:,.0f} B/article"
                )
            else:
                print("newsboat: not installed (apt-get install newsboat); no ratio")
            with Library.open(db) as library:
                rows = query_timings(library, db, feed_bench.vocabulary(random.Random(0))[1500])
            width = max(map(len, rows))
            for name, value in rows.items():
                print(f"  {name:<{width}}  {value:8.2f} ms (median)")
            if theirs is not None:
                ratio = (ours / stored) / (theirs / boat_sample.articles)
                verdict = "PASS" if ratio <= DISK_TARGET else "FAIL"
                print(
                    f"bytes per article, tuinews / newsboat: {ratio:.2f}x "
                    f"(target at most {DISK_TARGET}x) {verdict}"
                )
    finally:
        server.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--feeds", type=int, default=100)
    parser.add_argument("--db", type=Path, help="where to build the library (default: a temp dir)")
    parser.add_argument(
        "--disk",
        action="store_true",
        help="instead: bytes per article beside newsboat, on refresh.py's generated feeds",
    )
    parser.add_argument("--disk-feeds", type=int, default=50)
    parser.add_argument("--disk-items", type=int, default=2000, help="entries per feed")
    args = parser.parse_args()
    if args.disk:
        disk_comparison(args.disk_feeds, args.disk_items)
        return

    rng = random.Random(7)
    folder = Path(tempfile.mkdtemp(prefix="tuinews-bench-"))
    path = args.db or folder / "bench.db"
    per_feed = args.articles // args.feeds
    base = datetime(2026, 1, 1, tzinfo=UTC)
    articles = [make_article(rng, n, base + timedelta(minutes=n)) for n in range(args.articles)]

    with Library.open(path) as library:
        start = time.perf_counter()
        for feed_number in range(args.feeds):
            feed = library.add_feed(
                f"https://bench.example/feed/{feed_number}.xml", f"Feed {feed_number}"
            )
            with library.transaction():
                for article in articles[feed_number * per_feed : (feed_number + 1) * per_feed]:
                    library.store_article(article, feed_id=feed.id, guid=article.url)
        insert_s = time.perf_counter() - start
        index_s, stored = index_and_read_some(library)
    size_mb = path.stat().st_size / 1e6

    with Library.open(path) as library:
        rows = query_timings(library, path, _VOCABULARY[2000])

    print(f"tuinews library benchmark: {stored:,} articles in {args.feeds} feeds, {size_mb:.0f} MB")
    print(f"insert {stored:,} articles: {insert_s:.1f} s ({stored / insert_s:,.0f} articles/s)")
    print(f"index them for search, one pass: {index_s:.1f} s ({stored / index_s:,.0f} articles/s)")
    width = max(map(len, rows))
    for name, value in rows.items():
        print(f"  {name:<{width}}  {value:8.2f} ms (median)")


if __name__ == "__main__":
    main()
