"""Sync against a real Miniflux: first sync, a sync with no change, 1,000 queued changes.

Run: python benchmarks/sync.py [--feeds N] [--items N] [--runs N]

Starts PostgreSQL and Miniflux 2.3.5 as the tests do (tests/miniflux.py: the binary in
~/.cache/tuinews-test, a throwaway cluster on loopback ports), serves `--feeds` generated
RSS feeds of `--items` entries (about 2 KB of article HTML each: paragraphs, a heading, a
quotation) from a loopback server, and subscribes one Miniflux user to them through its
REST API, so the server fetches and stores every entry before timing starts.

In the same run, `--runs` times each (medians reported):

(a) the server's own listing of every entry through its REST API (`GET /v1/entries`, as
    many pages of 1,000 as it takes, the most it allows), by this process: the peer;
(b) a first sync (`tuinews.sync.engine.sync`, what `tuinews sync` runs) into a fresh
    library: login, subscriptions, item ids, every item's content, stored as stories;
(c) a sync of that library when nothing changed;
(d) a sync that sends 1,000 changes queued in the library (1,000 stories marked read),
    checked afterwards on the server through its REST API.

Requests are counted by the client, by endpoint. Targets (issue 16): (b) at most 2x (a);
(c) at most a handful (5) of requests and under 1 s; (d) at most 10 requests.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

import miniflux
from tuinews.config import SyncAccount
from tuinews.library import Library
from tuinews.sync.engine import SyncReport, sync

PARAGRAPH = (
    "<p>The harbour board met on Tuesday evening to discuss the ferry timetable for the "
    "winter, and the chair said that the new electric boat would keep its crossing times "
    "even in the storms the coast expects in January and February.</p>"
)
BODY = (
    PARAGRAPH * 4
    + "<h2>What changes for islanders</h2>"
    + "<p>“We have waited a long time for this boat,” said Agnes Pellow, who lives on "
    "the island.</p>" + PARAGRAPH * 6
)


def median_of(runs: int, job: Callable[[], object]) -> tuple[float, list[object]]:
    times: list[float] = []
    results: list[object] = []
    for _ in range(runs):
        start = time.perf_counter()
        results.append(job())
        times.append(time.perf_counter() - start)
    return statistics.median(times), results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=20)
    parser.add_argument("--items", type=int, default=500, help="entries per feed")
    parser.add_argument("--runs", type=int, default=3, help="runs of each measurement")
    options = parser.parse_args()
    reason = miniflux.missing()
    if reason:
        print(f"cannot run: {reason}", file=sys.stderr)
        return 1
    total = options.feeds * options.items
    print(f"tuinews sync benchmark: Miniflux 2.3.5, {options.feeds} feeds x {options.items} items")
    print(f"load average at the start: {os.getloadavg()[0]:.2f} ({os.cpu_count()} cores)")
    feeds = miniflux.FeedServer()
    with miniflux.running_server() as server:
        account = server.new_account()
        auth = (account.username, account.password)
        start = time.perf_counter()
        for f in range(options.feeds):
            document = miniflux.story_feed(f"Feed {f}", f"f{f}", options.items, BODY)
            url = feeds.put(f"/feed{f}.xml", document)
            server.rest("POST", "/v1/feeds", {"feed_url": url}, auth=auth)
        listed = server.rest("GET", "/v1/entries?limit=1", auth=auth)["total"]
        print(
            f"server fetched and stored {listed:,} entries in {time.perf_counter() - start:.1f} s"
        )

        def rest_listing() -> int:
            seen = 0
            while True:
                page = server.rest("GET", f"/v1/entries?limit=1000&offset={seen}", auth=auth)
                seen += len(page["entries"])
                if not page["entries"] or seen >= page["total"]:
                    return seen

        sync_account = SyncAccount(
            url=server.url, username=account.reader_username, password=account.reader_password
        )
        workdir = Path(tempfile.mkdtemp(prefix="tuinews-sync-bench-"))
        libraries: list[Path] = []

        def first_sync() -> tuple[SyncReport, int]:
            path = workdir / f"first-{len(libraries)}.db"
            libraries.append(path)
            with Library.open(path) as library:
                report = sync(library, sync_account)
                return report, library.count_articles()

        def again() -> SyncReport:
            with Library.open(libraries[-1]) as library:
                return sync(library, sync_account)

        rest_s, rest_counts = median_of(options.runs, rest_listing)
        first_s, firsts = median_of(options.runs, first_sync)
        quiet_s, quiets = median_of(options.runs, again)

        pushes: list[SyncReport] = []
        push_times: list[float] = []
        for run in range(options.runs):
            # Odd runs mark the same 1,000 stories read, even runs unread again.
            read = run % 2 == 0
            with Library.open(libraries[-1]) as library:
                rows = library.list_articles(limit=1000)
                for row in rows:
                    library.set_read(row.id, read)
                start = time.perf_counter()
                pushes.append(sync(library, sync_account))
                push_times.append(time.perf_counter() - start)
            on_server = server.rest("GET", "/v1/entries?status=read&limit=1", auth=auth)
            print(
                f"  push run {run + 1}: {len(rows)} marked {'read' if read else 'unread'} here, "
                f"{on_server['total']:,} read on the server after the sync"
            )
        push_s = statistics.median(push_times)

    feeds.close()
    first_report, stored = firsts[len(firsts) // 2]  # type: ignore[misc]
    quiet: SyncReport = quiets[-1]  # type: ignore[assignment]
    push = pushes[-1]
    edit_requests = push.requests_by_path.get("/reader/api/0/edit-tag", 0)
    print()
    print(f"{'measurement':44} {'median s':>9} {'requests':>9} {'items':>8}")
    print(
        f"{'(a) Miniflux REST listing, all entries':44} {rest_s:9.2f} "
        f"{-(-total // 1000):9} {rest_counts[0]:8,}"
    )
    print(
        f"{'(b) first sync into an empty library':44} {first_s:9.2f} "
        f"{first_report.requests:9} {stored:8,}"
    )
    print(f"{'(c) sync with no change':44} {quiet_s:9.2f} {quiet.requests:9} {0:8}")
    print(
        f"{'(d) sync sending 1,000 queued changes':44} {push_s:9.2f} {push.requests:9} "
        f"{push.changes_sent:8,}"
    )
    print()
    print("requests by endpoint")
    for name, report in (("(b)", first_report), ("(c)", quiet), ("(d)", push)):
        parts = ", ".join(
            f"{path.rsplit('/api/0/', 1)[-1]} {n}"
            for path, n in sorted(report.requests_by_path.items())
        )
        print(f"  {name} {parts}")
    ratio = first_s / rest_s
    print()
    print("targets")
    checks = [
        ("(b) first sync at most 2x the REST listing", f"{ratio:.2f}x", ratio <= 2),
        ("(b) stores every item", f"{stored:,}/{total:,}", stored == total),
        ("(c) no-change sync: at most 5 requests", str(quiet.requests), quiet.requests <= 5),
        ("(c) no-change sync: under 1 s", f"{quiet_s:.2f} s", quiet_s < 1),
        ("(d) 1,000 changes in at most 10 requests", str(push.requests), push.requests <= 10),
        ("(d) every change confirmed", f"{push.changes_sent:,}", push.changes_sent == 1000),
    ]
    for label, value, ok in checks:
        print(f"  {label:46} {value:>12}  {'PASS' if ok else 'FAIL'}")
    print(f"  (d) of which edit-tag requests {edit_requests:>27}")
    print(f"\nload average at the end: {os.getloadavg()[0]:.2f} ({os.cpu_count()} cores)")
    return 0 if all(ok for _, _, ok in checks) else 1


if __name__ == "__main__":
    raise SystemExit(main())
