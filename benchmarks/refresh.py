"""Feed refresh: `tuinews refresh` beside newsboat and a naive feedparser loop, one server.

Run: python benchmarks/refresh.py [--feeds N] [--items N] [--runs N] [--hosts N]
                                  [--skip-newsboat]

A child process serves generated feeds (half RSS 2.0, half Atom; `--items` entries of about
2 KB of article HTML each: paragraphs, a heading, a quotation, some figures) from loopback
addresses 127.0.0.2 onwards, `--hosts` of them, with feeds dealt out round-robin, because a
reader's subscriptions span many sites and tuinews limits connections per host. All bodies
and their gzip forms are made before timing starts; the server answers conditional requests
(If-None-Match, If-Modified-Since) with 304, sends gzip when the client accepts it, and
counts requests, connections, 200s, 304s, body bytes and its own CPU time for each run.

In the same run, `--runs` times each (medians are reported; every first refresh gets a
fresh database or cache), it times:

(a) `tuinews --db DB refresh` (as `python -m tuinews`) into a library that has the feeds but
    no articles: the whole process, as a user or cron runs it;
(b) the same command again, when every feed answers 304;
(c) Debian's `newsboat -x reload` with `reload-threads` 1 and 16, first into an empty cache
    (against a), then a second and a third time (against b: newsboat 2.21 sends conditional
    requests only from its third reload on), each run with its own urls, config, cache and
    HOME, so nothing of the user's leaks in;
(d) a naive loop in this process: for each feed in turn, `httpx.get` and `feedparser.parse`
    with default options.

It prints each run's server counters, a table of medians, the ratios and the issue's
targets, PASS or FAIL: (a) no slower than newsboat with 16 threads and at least 3x faster
than (d); (b) at least 5x faster than (a), with no body downloaded.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import hashlib
import multiprocessing
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from email.message import Message
from email.utils import format_datetime, mktime_tz, parsedate_tz
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from multiprocessing.connection import Connection
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import feedparser
import httpx

from tuinews.library import Library

TARGET_VS_NEWSBOAT = 1.0  # newsboat (16 threads) time / tuinews time, first refresh
TARGET_VS_NAIVE = 3.0  # naive loop time / tuinews time, first refresh
TARGET_NOT_MODIFIED = 5.0  # tuinews first refresh time / tuinews all-304 refresh time

BASE_DATE = datetime(2026, 1, 15, 12, 0, tzinfo=UTC)

# --- Generated feeds -----------------------------------------------------------------------

NEWS_WORDS = (
    "harbour ferry council budget school market fishermen storm bridge island mayor vote "
    "library repair football final weather fjord climate research museum concert theatre "
    "hospital nurse train station road tunnel festival winter summer election candidate "
    "swimming youth club stadium coach season transfer price energy battery grid wind "
    "turbine solar farm harvest bakery bread coffee minister report hearing police court "
    "union strike wages housing rent tenants planning permit village coast erosion ferry"
).split()
GLUE_WORDS = "the of and to in a is that for on with as was at by from it has said after".split()
NAMES = (
    "Ada Berg",
    "Tomas Lind",
    "Mira Haugen",
    "Jonas Eriksen",
    "Lea Dahl",
    "Omar Nilsen",
    "Sofie Strand",
    "Kari Moe",
)


def vocabulary(rng: random.Random, size: int = 3000) -> list[str]:
    """News words and made-up ones, so that bodies compress like prose, not like repeats."""
    syllables = "ka ri to mel an sor vik ne da lu pe ost ham berg ing ter sa fo".split()
    made_up = {"".join(rng.choices(syllables, k=rng.randint(2, 4))) for _ in range(size)}
    return [*NEWS_WORDS, *sorted(made_up - set(NEWS_WORDS))]


def sentence(rng: random.Random, words: list[str], count: int) -> str:
    """`count` words, two in five of them the short words that glue prose together."""
    chosen = (
        rng.choice(GLUE_WORDS) if rng.random() < 0.4 else rng.choice(words) for _ in range(count)
    )
    return " ".join(chosen).capitalize() + "."


def paragraph(rng: random.Random, words: list[str]) -> str:
    return " ".join(sentence(rng, words, rng.randint(10, 18)) for _ in range(3))


def article_html(rng: random.Random, words: list[str], image_url: str) -> str:
    """About 2 KB of article HTML, shaped like what news feeds carry in full."""
    parts = [f"<p><strong>{sentence(rng, words, 16)}</strong></p>"]
    parts += [f"<p>{paragraph(rng, words)}</p>" for _ in range(2)]
    if rng.random() < 0.5:
        caption = sentence(rng, words, 9)
        parts.append(
            f'<figure><img src="{image_url}" alt="{caption}" width="1200" height="800">'
            f"<figcaption>{caption} <span>Photo: {rng.choice(NAMES)}</span></figcaption>"
            "</figure>"
        )
    parts.append(f"<h2>{sentence(rng, words, 5).rstrip('.')}</h2>")
    parts.append(f"<p>{paragraph(rng, words)}</p>")
    parts.append(
        f"<blockquote><p>“{sentence(rng, words, 14)}”</p>"
        f"<footer>— {rng.choice(NAMES)}</footer></blockquote>"
    )
    parts.append(f"<p>{paragraph(rng, words)}</p>")
    return "\n".join(parts)


@dataclass(frozen=True)
class Entry:
    title: str
    link: str
    guid: str
    published: datetime
    author: str
    html: str


def make_entries(number: int, items: int) -> list[Entry]:
    rng = random.Random(number)
    words = vocabulary(random.Random(0))
    entries = []
    for item in range(items):
        published = BASE_DATE - timedelta(minutes=number * items + item)
        slug = "-".join(rng.choices(NEWS_WORDS, k=4))
        link = f"https://site{number}.example/{published:%Y/%m/%d}/{slug}-{item}.html"
        entries.append(
            Entry(
                title=sentence(rng, words, rng.randint(6, 11)).rstrip("."),
                link=link,
                guid=f"urn:bench:{number}:{item}",
                published=published,
                author=rng.choice(NAMES),
                html=article_html(rng, words, f"https://site{number}.example/img/{item}.jpg"),
            )
        )
    return entries


def rss_feed(number: int, entries: list[Entry]) -> str:
    items = "".join(
        f"""
  <item>
    <title>{escape(e.title)}</title>
    <link>{escape(e.link)}</link>
    <guid isPermaLink="false">{e.guid}</guid>
    <pubDate>{format_datetime(e.published)}</pubDate>
    <author>desk@site{number}.example ({e.author})</author>
    <category>Local</category>
    <description>{escape(e.html)}</description>
  </item>"""
        for e in entries
    )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0">
 <channel>
  <title>Bench Courier {number}</title>
  <link>https://site{number}.example/</link>
  <description>News from site {number}</description>
  <language>en</language>
  <lastBuildDate>{format_datetime(BASE_DATE)}</lastBuildDate>{items}
 </channel>
</rss>
"""


def atom_feed(number: int, entries: list[Entry]) -> str:
    items = "".join(
        f"""
 <entry>
  <title>{escape(e.title)}</title>
  <link rel="alternate" type="text/html" href={quoteattr(e.link)}/>
  <id>{e.guid}</id>
  <published>{e.published.isoformat()}</published>
  <updated>{e.published.isoformat()}</updated>
  <author><name>{e.author}</name></author>
  <content type="html">{escape(e.html)}</content>
 </entry>"""
        for e in entries
    )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
 <title>Bench Gazette {number}</title>
 <id>urn:bench:feed:{number}</id>
 <link rel="alternate" type="text/html" href="https://site{number}.example/"/>
 <updated>{BASE_DATE.isoformat()}</updated>{items}
</feed>
"""


# --- The server (runs in a child process) --------------------------------------------------


@dataclass(frozen=True)
class Resource:
    body: bytes
    gzipped: bytes
    content_type: str
    etag: str
    last_modified: str
    modified: float


def make_resource(number: int, items: int) -> Resource:
    entries = make_entries(number, items)
    if number % 2 == 0:
        text, content_type = rss_feed(number, entries), "application/rss+xml; charset=utf-8"
    else:
        text, content_type = atom_feed(number, entries), "application/atom+xml; charset=utf-8"
    body = text.encode("utf-8")
    return Resource(
        body=body,
        gzipped=gzip.compress(body, compresslevel=6, mtime=0),
        content_type=content_type,
        etag=f'"{hashlib.sha1(body).hexdigest()[:16]}"',
        last_modified=format_datetime(BASE_DATE, usegmt=True),
        modified=BASE_DATE.timestamp(),
    )


@dataclass
class ServerStats:
    requests: int = 0
    connections: int = 0
    ok: int = 0
    not_modified: int = 0
    other: int = 0
    gzip: int = 0
    body_bytes: int = 0
    cpu_seconds: float = 0.0


@dataclass
class Site:
    """The feeds by path, and counters shared by every listening address."""

    resources: dict[str, Resource]
    stats: ServerStats = field(default_factory=ServerStats)
    lock: threading.Lock = field(default_factory=threading.Lock)
    cpu_start: float = field(default_factory=time.process_time)

    def reset(self) -> None:
        with self.lock:
            self.stats = ServerStats()
            self.cpu_start = time.process_time()

    def snapshot(self) -> ServerStats:
        with self.lock:
            return ServerStats(
                **{**asdict(self.stats), "cpu_seconds": time.process_time() - self.cpu_start}
            )

    def count_connection(self) -> None:
        with self.lock:
            self.stats.connections += 1

    def record(self, status: int, body_bytes: int = 0, gzipped: bool = False) -> None:
        with self.lock:
            stats = self.stats
            stats.requests += 1
            if status == 200:
                stats.ok += 1
            elif status == 304:
                stats.not_modified += 1
            else:
                stats.other += 1
            stats.gzip += gzipped
            stats.body_bytes += body_bytes


def accepts_gzip(accept_encoding: str) -> bool:
    for token in accept_encoding.split(","):
        name, _, params = token.strip().partition(";")
        if name.strip().lower() in ("gzip", "x-gzip", "*"):
            quality = params.strip().lower().removeprefix("q=")
            return quality == "" or float(quality) > 0
    return False


def not_modified(headers: Message, resource: Resource) -> bool:
    """RFC 9110: If-None-Match decides when present, else If-Modified-Since."""
    if_none_match = headers.get("If-None-Match")
    if if_none_match is not None:
        tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
        return "*" in tags or resource.etag in tags
    since = parsedate_tz(headers.get("If-Modified-Since") or "")
    return since is not None and mktime_tz(since) >= resource.modified


class FeedServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256  # 16 clients connecting at once must not overflow the backlog

    def __init__(self, address: tuple[str, int], site: Site) -> None:
        self.site = site
        super().__init__(address, FeedHandler)


class FeedHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive
    disable_nagle_algorithm = True
    timeout = 60
    server: FeedServer

    def setup(self) -> None:
        super().setup()
        self.server.site.count_connection()

    def do_GET(self) -> None:
        site = self.server.site
        resource = site.resources.get(self.path)
        if resource is None:
            site.record(404)
            self.send_error(404)
            return
        if not_modified(self.headers, resource):
            self.send_response(304)
            self.send_header("ETag", resource.etag)
            self.send_header("Last-Modified", resource.last_modified)
            self.end_headers()
            site.record(304)
            return
        gzipped = accepts_gzip(self.headers.get("Accept-Encoding", ""))
        body = resource.gzipped if gzipped else resource.body
        self.send_response(200)
        self.send_header("Content-Type", resource.content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("ETag", resource.etag)
        self.send_header("Last-Modified", resource.last_modified)
        self.send_header("Vary", "Accept-Encoding")
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        self.wfile.write(body)
        site.record(200, len(body), gzipped)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: a log line per request would cost more than the request."""


def serve(control: Connection, feeds: int, items: int, hosts: int) -> None:
    """The child process: build every body, listen, send the feed URLs, answer commands."""
    site = Site({feed_path(n): make_resource(n, items) for n in range(feeds)})
    servers = [FeedServer((f"127.0.0.{2 + host}", 0), site) for host in range(hosts)]
    for server in servers:
        threading.Thread(target=server.serve_forever, daemon=True).start()
    urls = []
    for number in range(feeds):
        host, port = servers[number % hosts].server_address[:2]
        urls.append(f"http://{host}:{port}{feed_path(number)}")
    body_bytes = sum(len(r.body) for r in site.resources.values())
    gzip_bytes = sum(len(r.gzipped) for r in site.resources.values())
    control.send((urls, body_bytes, gzip_bytes))
    site.reset()
    with contextlib.suppress(EOFError):
        while True:
            command = control.recv()
            if command == "reset":
                site.reset()
                control.send(None)
            else:
                control.send(site.snapshot())


def feed_path(number: int) -> str:
    return f"/feeds/{number}.{'rss' if number % 2 == 0 else 'atom'}"


class ServerProcess:
    """The feed server in a child process, so that it never competes for our GIL."""

    def __init__(self, feeds: int, items: int, hosts: int) -> None:
        context = multiprocessing.get_context("spawn")
        self.control, child = context.Pipe()
        self.process = context.Process(target=serve, args=(child, feeds, items, hosts), daemon=True)
        self.process.start()
        child.close()
        self.urls, self.body_bytes, self.gzip_bytes = self.control.recv()

    def reset(self) -> None:
        self.control.send("reset")
        self.control.recv()

    def stats(self) -> ServerStats:
        self.control.send("stats")
        return self.control.recv()

    def close(self) -> None:
        self.control.close()
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.terminate()


# --- Runners -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Sample:
    seconds: float
    articles: int
    stats: ServerStats


def isolated_env(home: Path) -> dict[str, str]:
    """The environment with HOME and the XDG directories in `home` and no TUINEWS_ settings."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("TUINEWS_")}
    env["HOME"] = str(home)
    for name in ("CONFIG", "DATA", "CACHE", "STATE"):
        env[f"XDG_{name}_HOME"] = str(home / name.lower())
    return env


def count_rows(db: Path, table: str) -> int:
    with contextlib.closing(sqlite3.connect(db)) as conn:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def run_timed(server: ServerProcess, argv: list[str], folder: Path) -> tuple[float, str]:
    """Run `argv` to its end in `folder`, HOME there too; wall seconds, last line of output."""
    env = isolated_env(folder)
    server.reset()
    start = time.perf_counter()
    done = subprocess.run(argv, cwd=folder, env=env, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"{argv[0]} failed ({done.returncode}):\n{done.stdout}{done.stderr}")
    lines = (done.stdout + done.stderr).strip().splitlines()
    return seconds, lines[-1] if lines else ""


def prepare_library(folder: Path, urls: list[str]) -> Path:
    """A library with every feed subscribed and no articles (adding is not timed)."""
    db = folder / "tuinews.db"
    with Library.open(db) as library:
        for number, url in enumerate(urls):
            library.add_feed(url, f"Feed {number}")
    return db


def tuinews_refresh(server: ServerProcess, db: Path) -> tuple[Sample, str]:
    argv = [sys.executable, "-m", "tuinews", "--db", str(db), "refresh"]
    seconds, output = run_timed(server, argv, db.parent)
    return Sample(seconds, count_rows(db, "articles"), server.stats()), output


def prepare_newsboat(folder: Path, urls: list[str], threads: int) -> None:
    (folder / "urls").write_text("".join(f"{url}\n" for url in urls), encoding="utf-8")
    (folder / "config").write_text(f"reload-threads {threads}\n", encoding="utf-8")


def newsboat_reload(server: ServerProcess, newsboat: str, folder: Path) -> tuple[Sample, str]:
    argv = [newsboat, "-x", "reload", "-u", "urls", "-c", "cache.db", "-C", "config"]
    seconds, output = run_timed(server, argv, folder)
    return Sample(seconds, count_rows(folder / "cache.db", "rss_item"), server.stats()), output


def naive_loop(server: ServerProcess) -> tuple[Sample, str]:
    """For each feed in turn: `httpx.get`, `feedparser.parse` with its defaults.

    Its articles are the entries parsed; it stores nothing.
    """
    server.reset()
    start = time.perf_counter()
    entries = 0
    for url in server.urls:
        response = httpx.get(url)
        response.raise_for_status()
        entries += len(feedparser.parse(response.content).entries)
    seconds = time.perf_counter() - start
    return Sample(seconds, entries, server.stats()), ""


# --- Report --------------------------------------------------------------------------------

FIRST = "(a) tuinews refresh, first"
SECOND = "(b) tuinews refresh, all 304"
NAIVE = "(d) naive httpx + feedparser loop"


# newsboat 2.21 stores a feed's ETag and Last-Modified before the feed's row exists on its
# first fetch, so they are lost: its second reload downloads everything again, and only
# from the third on does it send If-None-Match. Both are timed.
NEWSBOAT_RELOADS = ("first", "second", "third")


def newsboat_row(threads: int, reload: str) -> str:
    return f"(c) newsboat, {threads} thread{'s' if threads > 1 else ''}, {reload}"


def describe(sample: Sample) -> str:
    s = sample.stats
    return (
        f"{sample.seconds:6.2f} s  {sample.articles:>6} articles  {s.requests} requests on "
        f"{s.connections} connections: {s.ok}×200 ({s.gzip} gzip), {s.not_modified}×304, "
        f"{s.other} other; {s.body_bytes:,} body bytes; server CPU {s.cpu_seconds:.2f} s"
    )


def median_sample(samples: list[Sample]) -> Sample:
    """The run with the median time (the lower middle one for an even count)."""
    ordered = sorted(samples, key=lambda sample: sample.seconds)
    return ordered[(len(ordered) - 1) // 2]


def print_table(results: dict[str, list[Sample]], feeds: int) -> None:
    print(
        f"\n{'runner':<36} {'median s':>8} {'feeds/s':>8} {'articles':>8} "
        f"{'requests':>8} {'200s':>5} {'304s':>5} {'body bytes':>12}"
    )
    for name, samples in results.items():
        seconds = statistics.median(s.seconds for s in samples)
        middle = median_sample(samples)
        stats = middle.stats
        print(
            f"{name:<36} {seconds:8.2f} {feeds / seconds:8.0f} {middle.articles:8} "
            f"{stats.requests:8} {stats.ok:5} {stats.not_modified:5} {stats.body_bytes:12,}"
        )
    print(
        "articles: rows in the tuinews library or newsboat cache after the run; for (d), "
        "entries parsed.\ncounters are the median run's; body bytes as sent (gzip)."
    )


def verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("PASS" if ok else "FAIL")


def print_targets(results: dict[str, list[Sample]], feeds: int, items: int) -> None:
    def median(name: str) -> float | None:
        samples = results.get(name)
        return statistics.median(s.seconds for s in samples) if samples else None

    def ratio(slow: str, fast: str) -> float | None:
        a, b = median(slow), median(fast)
        return a / b if a is not None and b is not None else None

    def shown(value: float | None) -> str:
        return "n/a" if value is None else f"{value:.1f}x"

    ratios = {
        "newsboat 16 threads / tuinews, first refresh": ratio(newsboat_row(16, "first"), FIRST),
        "newsboat 1 thread / tuinews, first refresh": ratio(newsboat_row(1, "first"), FIRST),
        "naive loop / tuinews, first refresh": ratio(NAIVE, FIRST),
        "tuinews first / tuinews all-304 refresh": ratio(FIRST, SECOND),
        "newsboat 16 threads, second / tuinews all-304": ratio(newsboat_row(16, "second"), SECOND),
        "newsboat 16 threads, third / tuinews all-304": ratio(newsboat_row(16, "third"), SECOND),
        "newsboat 1 thread / newsboat 16 threads, first": ratio(
            newsboat_row(1, "first"), newsboat_row(16, "first")
        ),
        "naive loop / newsboat 16 threads, first": ratio(NAIVE, newsboat_row(16, "first")),
    }
    print("\nratios of medians (how many times faster the second is)")
    for label, value in ratios.items():
        print(f"  {label:<50} {shown(value):>11}")

    vs_newsboat = ratios["newsboat 16 threads / tuinews, first refresh"]
    vs_naive = ratios["naive loop / tuinews, first refresh"]
    vs_first = ratios["tuinews first / tuinews all-304 refresh"]
    first, second = results.get(FIRST), results.get(SECOND)
    expected = feeds * items
    all_stored = None if first is None else all(s.articles == expected for s in first)
    no_bodies = (
        None
        if second is None
        else all(
            s.stats.requests == s.stats.not_modified == feeds and s.stats.body_bytes == 0
            for s in second
        )
    )
    bodies = "n/a" if second is None else f"{max(s.stats.body_bytes for s in second):,} B"
    stored = "n/a" if first is None else f"{min(s.articles for s in first)}/{expected}"
    targets = [
        (
            "(a) no slower than newsboat, 16 threads",
            shown(vs_newsboat),
            None if vs_newsboat is None else vs_newsboat >= TARGET_VS_NEWSBOAT,
        ),
        (
            f"(a) at least {TARGET_VS_NAIVE:.0f}x faster than the naive loop",
            shown(vs_naive),
            None if vs_naive is None else vs_naive >= TARGET_VS_NAIVE,
        ),
        ("(a) stores every article, in every run", stored, all_stored),
        (
            f"(b) at least {TARGET_NOT_MODIFIED:.0f}x faster than (a)",
            shown(vs_first),
            None if vs_first is None else vs_first >= TARGET_NOT_MODIFIED,
        ),
        ("(b) every feed asked, every answer 304, no body", bodies, no_bodies),
    ]
    print("\ntargets")
    for label, value, ok in targets:
        print(f"  {label:<50} {value:>11}  {verdict(ok)}")


def has_refresh_command() -> bool:
    argv = [sys.executable, "-m", "tuinews", "refresh", "--help"]
    return subprocess.run(argv, capture_output=True, check=False).returncode == 0


def newsboat_version(newsboat: str) -> str:
    done = subprocess.run([newsboat, "-v"], capture_output=True, text=True, check=False)
    return done.stdout.splitlines()[0] if done.stdout else "newsboat (version unknown)"


@contextlib.contextmanager
def scratch(prefix: str) -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix=prefix) as folder:
        yield Path(folder)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--items", type=int, default=50, help="entries per feed")
    parser.add_argument("--runs", type=int, default=3, help="runs of each measurement")
    parser.add_argument(
        "--hosts", type=int, default=50, help="loopback addresses the feeds are spread over"
    )
    parser.add_argument("--skip-newsboat", action="store_true")
    args = parser.parse_args()

    newsboat = None if args.skip_newsboat else shutil.which("newsboat")
    has_refresh = has_refresh_command()
    print(
        f"python {sys.version.split()[0]}, httpx {httpx.__version__}, "
        f"feedparser {feedparser.__version__}; {os.cpu_count()} cores, "
        f"load average {os.getloadavg()[0]:.2f}"
    )
    if not has_refresh:
        print("tuinews refresh: not in this checkout (no `refresh` command); skipped")
    if args.skip_newsboat:
        print("newsboat: skipped (--skip-newsboat)")
    elif newsboat is None:
        print("newsboat: not installed (apt-get install newsboat); skipped")
    else:
        print(newsboat_version(newsboat))

    server = ServerProcess(args.feeds, args.items, min(args.hosts, args.feeds))
    try:
        print(
            f"serving {args.feeds} feeds × {args.items} entries from "
            f"{min(args.hosts, args.feeds)} loopback addresses: "
            f"{server.body_bytes:,} bytes, {server.gzip_bytes:,} gzipped\n"
        )
        results: dict[str, list[Sample]] = {}

        def record(name: str, run: int, measured: tuple[Sample, str]) -> None:
            sample, output = measured
            results.setdefault(name, []).append(sample)
            print(f"{name:<36} run {run}: {describe(sample)}")
            if output:
                print(f"{'':<43} says: {output[:100]}")

        for run in range(1, args.runs + 1):
            if has_refresh:
                with scratch("tuinews-bench-") as folder:
                    db = prepare_library(folder, server.urls)
                    record(FIRST, run, tuinews_refresh(server, db))
                    record(SECOND, run, tuinews_refresh(server, db))
            if newsboat is not None:
                for threads in (1, 16):
                    with scratch("newsboat-bench-") as folder:
                        prepare_newsboat(folder, server.urls, threads)
                        for reload in NEWSBOAT_RELOADS:
                            measured = newsboat_reload(server, newsboat, folder)
                            record(newsboat_row(threads, reload), run, measured)
            record(NAIVE, run, naive_loop(server))
    finally:
        server.close()

    print_table(results, args.feeds)
    print_targets(results, args.feeds, args.items)
    print(f"\nload average at the end: {os.getloadavg()[0]:.2f} ({os.cpu_count()} cores)")


if __name__ == "__main__":
    main()
