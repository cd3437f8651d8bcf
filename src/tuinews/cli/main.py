"""The `tuinews` command: the TUI with no subcommand, headless subcommands otherwise.

User errors end with one line on stderr and exit status 1; only bugs may show a traceback.
The TUI is imported only when it runs, so headless commands start without Textual.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from tuinews import __version__
from tuinews.cli.plaintext import render_article
from tuinews.cli.progressline import ProgressLine
from tuinews.cli.table import print_table
from tuinews.config import Config, ConfigError, config_path, db_path, load_config
from tuinews.feeds.refresh import RefreshInterrupted, is_refreshable, refresh_feeds
from tuinews.feeds.report import refresh_problems, refresh_summary
from tuinews.feeds.subscribe import SubscribeError, subscribe
from tuinews.library import MATCH_END, MATCH_START, ArticleFilter, Library, LibraryError
from tuinews.model import ArticleSummary
from tuinews.plural import counted
from tuinews.reading import open_article
from tuinews.sample import ensure_sample_edition
from tuinews.sync.changes import queue_subscribe, queue_unsubscribe
from tuinews.untrusted import printable

if TYPE_CHECKING:
    from tuinews.feeds.subscriptions import SubscriptionList

# The page extractor and the subscription-list readers are imported by the commands that
# use them: they are most of the start-up, and `refresh` (run by cron, and timed against
# newsboat) needs neither.


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number


def _global_options(parser: argparse.ArgumentParser, *, defaults: bool) -> None:
    """Options accepted before and after the subcommand.

    The subcommand parsers use SUPPRESS so that an option given before the subcommand
    is not overwritten by the subparser's default.
    """
    default: object = None if defaults else argparse.SUPPRESS
    flag_default: object = False if defaults else argparse.SUPPRESS
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=default,
        help="library database (default: $TUINEWS_DB, then the platform data directory)",
    )
    parser.add_argument(
        "--config",
        metavar="PATH",
        default=default,
        help="config file (default: $TUINEWS_CONFIG, then the platform config directory)",
    )
    parser.add_argument(
        "--no-sample",
        action="store_true",
        default=flag_default,
        help="do not load the sample edition into an empty library",
    )


class CommandLineParser(argparse.ArgumentParser):
    """argparse, except that a usage error exits 1 like every other user error (not 2)."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(1, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = CommandLineParser(
        prog="tuinews",
        description="A terminal newsreader. With no command, opens the reader.",
    )
    parser.add_argument("--version", action="version", version=f"tuinews {__version__}")
    _global_options(parser, defaults=True)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help, description=help)
        _global_options(sub, defaults=False)
        return sub

    listing = command("list", "list articles, newest first")
    listing.add_argument("--unread", action="store_true", help="only unread articles")
    listing.add_argument("--starred", action="store_true", help="only starred articles")
    listing.add_argument(
        "--saved", action="store_true", help="only saved articles (saved, imported, followed)"
    )
    listing.add_argument("--feed", metavar="NAME", help="only this feed (title, URL or id)")
    listing.add_argument("--limit", type=_positive_int, default=50, metavar="N")
    listing.add_argument("--json", action="store_true", help="print JSON")

    show = command("show", "print one article")
    show.add_argument("id", type=int, metavar="ID")
    show.add_argument("--json", action="store_true", help="print the article document as JSON")

    search = command("search", "full-text search, best match first")
    search.add_argument("query", metavar="QUERY")
    search.add_argument("--limit", type=_positive_int, default=20, metavar="N")
    search.add_argument("--json", action="store_true", help="print JSON")

    imports = command(
        "import",
        "store article files (.txt, .md, .html, .json) or subscribe to the feeds of an "
        "OPML file or a newsboat urls file",
    )
    imports.add_argument("paths", nargs="+", type=Path, metavar="PATH")

    add = command("add", "subscribe to a feed, or to the feed a web page names")
    add.add_argument("target", metavar="URL_OR_PATH")
    add.add_argument("--title", metavar="T", help="the feed's name here (default: its own)")
    add.add_argument("--folder", metavar="F", help='folder; "a/b" nests')
    add.add_argument(
        "--full-text",
        action="store_true",
        help="also fetch each entry's web page (for feeds that carry only summaries)",
    )

    command("export", "print the subscriptions as OPML 2.0")

    save = command(
        "save", "keep an article in Saved: a stored one by its id, or a web page fetched"
    )
    save.add_argument("target", metavar="URL_OR_ID")

    feeds = command("feeds", "list subscriptions")
    feeds.add_argument("--json", action="store_true", help="print JSON")

    remove = command("remove", "unsubscribe from a feed; its starred and saved articles stay")
    remove.add_argument("feed", metavar="FEED", help="title, URL or id")

    refresh = command("refresh", "fetch new articles from subscribed feeds")
    refresh.add_argument(
        "feeds", nargs="*", metavar="FEED", help="title, URL or id (default: every due feed)"
    )
    refresh.add_argument("--json", action="store_true", help="print each feed's result as JSON")

    command(
        "sync",
        "two-way sync with the [sync] account: subscriptions, new articles, read and starred",
    )
    for name, words in MARKS.items():
        marking = command(name, f"mark articles {words[0]} (queued for the server with an account)")
        marking.add_argument("ids", nargs="+", type=int, metavar="ID")

    edit = command("edit", "rename a subscription or move it to another folder")
    edit.add_argument("feed", metavar="FEED", help="title, URL or id")
    edit.add_argument("--title", metavar="T", help="its new name")
    edit.add_argument("--folder", metavar="F", help='its new folder; "a/b" nests')
    return parser


# command -> (what the articles become, the field, its value)
MARKS: dict[str, tuple[str, str, bool]] = {
    "read": ("read", "read", True),
    "unread": ("unread", "read", False),
    "star": ("starred", "starred", True),
    "unstar": ("unstarred", "starred", False),
}


def _open_library(args: argparse.Namespace, config: Config) -> Library:
    return Library.open(db_path(args.db, config))


def _terminal_width() -> int:
    return shutil.get_terminal_size((100, 24)).columns


def _complain(message: str) -> None:
    """One line on stderr; whatever it quotes (a file name, a server's words) stays one
    line and cannot reach the terminal as a control sequence."""
    print(f"tuinews: {printable(message)}", file=sys.stderr)


def _print_json(value: object) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


STATUS_WORDS = {"new": "new", "updated": "updated", "unchanged": "already stored"}


def _feed_width(rows: list[ArticleSummary]) -> int:
    return min(20, max((len(row.feed or "Saved") for row in rows), default=5))


def _summary_line(row: ArticleSummary, feed_width: int) -> str:
    flags = ("●" if not row.read else " ") + ("★" if row.starred else " ")
    date = row.published.strftime("%Y-%m-%d") if row.published else " " * 10
    feed = (row.feed or "Saved")[:feed_width].ljust(feed_width)
    return f"{row.id:>6} {flags} {date}  {feed}  {row.title}"


def _print_summaries(rows: list[ArticleSummary]) -> None:
    feed_width = _feed_width(rows)
    for row in rows:
        print(_summary_line(row, feed_width))


def cmd_list(args: argparse.Namespace, config: Config) -> int:
    with _open_library(args, config) as library:
        if not args.no_sample:
            ensure_sample_edition(library)
        feed_id = library.find_feed(args.feed).id if args.feed else None
        rows = library.list_articles(
            ArticleFilter(
                unread=args.unread, starred=args.starred, saved=args.saved, feed_id=feed_id
            ),
            limit=args.limit,
        )
    if args.json:
        _print_json([row.to_dict() for row in rows])
    else:
        _print_summaries(rows)
    return 0


def cmd_show(args: argparse.Namespace, config: Config) -> int:
    with _open_library(args, config) as library:
        article = open_article(library, args.id)
    if args.json:
        _print_json(article.to_dict())
    else:
        sys.stdout.write(render_article(article, min(_terminal_width(), 90)))
    return 0


def cmd_search(args: argparse.Namespace, config: Config) -> int:
    with _open_library(args, config) as library:
        hits = library.search(args.query, limit=args.limit)
    if args.json:
        _print_json(
            [
                {
                    **hit.article.to_dict(),
                    "snippet": hit.snippet.replace(MATCH_START, "").replace(MATCH_END, ""),
                    "rank": hit.rank,
                }
                for hit in hits
            ]
        )
        return 0
    if not hits:
        print(f"no articles match {args.query!r}", file=sys.stderr)
        return 0
    feed_width = _feed_width([hit.article for hit in hits])
    for hit in hits:
        print(_summary_line(hit.article, feed_width))
        snippet = " ".join(hit.snippet.split())
        print("         " + snippet.replace(MATCH_START, "*").replace(MATCH_END, "*"))
    return 0


def _subscription_list(path: Path) -> SubscriptionList | None:
    """The subscriptions in `path` when it is an OPML or newsboat urls file, else None."""
    from tuinews.extract.files import decode_text, read_regular_file
    from tuinews.feeds.subscriptions import (
        looks_like_opml,
        looks_like_urls_file,
        read_opml,
        read_urls_file,
    )

    suffix = path.suffix.lower()
    if suffix not in (".opml", ".xml", "") and path.name != "urls":
        return None
    data = read_regular_file(path)
    if suffix == ".opml" or looks_like_opml(data):
        return read_opml(data)
    try:
        text = decode_text(data)
    except ValueError:
        return None
    if looks_like_urls_file(text):
        return read_urls_file(text)
    return None


def _import_subscriptions(
    library: Library, path: Path, found: SubscriptionList, config: Config
) -> None:
    for warning in found.warnings:
        _complain(f"{path}: {warning}")
    added = 0
    with library.transaction():
        for subscription in found.subscriptions:
            if library.find_feed_by_url(subscription.url) is None:
                feed = library.add_feed(
                    subscription.url, subscription.title or subscription.url, subscription.folder
                )
                if config.sync is not None:
                    queue_subscribe(library, feed)
                added += 1
    if added and config.sync is not None:
        _send_subscriptions(library, config)
    known = len(found.subscriptions) - added
    print(
        f"{printable(str(path))}: {counted(added, 'feed')} subscribed"
        + (f", {known} already subscribed" if known else "")
        + (" (run `tuinews refresh` to fetch them)" if added else "")
    )


def cmd_import(args: argparse.Namespace, config: Config) -> int:
    from tuinews.extract.files import ArticleFileError, read_article_file
    from tuinews.feeds.subscriptions import SubscriptionListError

    failures = 0
    with _open_library(args, config) as library:
        for path in args.paths:
            try:
                subscriptions = _subscription_list(path)
                if subscriptions is not None:
                    _import_subscriptions(library, path, subscriptions, config)
                    continue
                article = read_article_file(path)
            except (ArticleFileError, SubscriptionListError) as error:
                if isinstance(error, SubscriptionListError):
                    error = ArticleFileError(f"{path}: {error}")
                _complain(str(error))
                failures += 1
                continue
            result = library.store_article(article, saved=True)
            print(f"{result.id}\t{STATUS_WORDS[result.status]}\t{printable(str(path))}")
    return 1 if failures else 0


def cmd_save(args: argparse.Namespace, config: Config) -> int:
    from tuinews.pages import FetchError, fetch_article

    with _open_library(args, config) as library:
        known = int(args.target) if args.target.isdigit() else library.find_by_url(args.target)
        if known is not None:
            row = library.get_summary(known)  # an unknown id is a one-line error
            library.set_saved(row.id)
            said = "already saved" if row.saved else "saved"
            print(f"{row.id}\t{said}\t{printable(row.url or row.title)}")
            return 0
        try:
            article = fetch_article(args.target, max_bytes=config.refresh.max_bytes)
        except FetchError as error:
            _complain(str(error))
            return 1
        result = library.store_article(article, saved=True)
    print(f"{result.id}\t{STATUS_WORDS[result.status]}\t{article.url}")
    return 0


def _when(moment: datetime | None) -> str:
    return f"{moment.astimezone():%Y-%m-%d %H:%M}" if moment else "never"


def cmd_feeds(args: argparse.Namespace, config: Config) -> int:
    with _open_library(args, config) as library:
        feeds = library.feeds()
    if args.json:
        _print_json(
            [
                {
                    "id": feed.id,
                    "title": feed.title,
                    "url": feed.url,
                    "folder": feed.folder,
                    "unread": feed.unread,
                    "total": feed.total,
                    "last_success": feed.last_success.isoformat() if feed.last_success else None,
                    "last_error": feed.last_error,
                }
                for feed in feeds
            ]
        )
        return 0
    if not feeds:
        print("no feeds; subscribe with `tuinews add URL` or `tuinews import FILE`")
        return 0
    print_table(
        ["id", "unread", "total", "feed", "last success", "url"],
        [
            [
                str(feed.id),
                f"{feed.unread:,}",
                f"{feed.total:,}",
                (f"{feed.folder}/" if feed.folder else "") + feed.title,
                _when(feed.last_success),
                feed.url + (f"  ! {feed.last_error}" if feed.last_error else ""),
            ]
            for feed in feeds
        ],
        right={"id", "unread", "total"},
    )
    return 0


def cmd_remove(args: argparse.Namespace, config: Config) -> int:
    with _open_library(args, config) as library:
        feed = library.find_feed(args.feed)
        assert feed.id is not None
        if config.sync is not None:
            queue_unsubscribe(library, feed)
        removal = library.remove_feed(feed.id)
        print(f"removed {feed.title}: {removal.describe()}")
        if config.sync is not None:
            _send_subscriptions(library, config)
    return 0


def cmd_edit(args: argparse.Namespace, config: Config) -> int:
    from tuinews.sync.changes import edit_feed

    if args.title is None and args.folder is None:
        print("tuinews: edit needs --title or --folder", file=sys.stderr)
        return 1
    with _open_library(args, config) as library:
        feed = library.find_feed(args.feed)
        assert feed.id is not None
        queued = edit_feed(
            library, feed.id, title=args.title, folder=args.folder, queue=config.sync is not None
        )
        feed = library.get_feed(feed.id)
        folder = f"{feed.folder}/" if feed.folder else ""
        print(f"{feed.id}\t{folder}{feed.title}")
        if queued:
            _send_subscriptions(library, config)
    return 0


def _send_subscriptions(library: Library, config: Config) -> None:
    """Send the queued subscription changes now; offline they wait for `tuinews sync`."""
    from tuinews.sync.engine import sync_subscriptions
    from tuinews.sync.greader import SyncError

    assert config.sync is not None
    try:
        report = sync_subscriptions(library, config.sync)
    except SyncError as error:
        print(
            f"tuinews: {error}; the change is queued for the next `tuinews sync`",
            file=sys.stderr,
        )
        return
    for warning in report.warnings:
        print(f"tuinews: sync: {warning}", file=sys.stderr)


def cmd_mark(args: argparse.Namespace, config: Config) -> int:
    from tuinews.library.syncstate import SyncState

    words, field, value = MARKS[args.command]
    failures = 0
    marked = 0
    with _open_library(args, config) as library:
        for article_id in args.ids:
            try:
                library.get_summary(article_id)
            except LibraryError as error:
                print(f"tuinews: {error}", file=sys.stderr)
                failures += 1
                continue
            if field == "read":
                library.set_read(article_id, value)
            else:
                library.set_starred(article_id, value)
            marked += 1
        waiting = SyncState(library).count_pending()
    line = f"{counted(marked, 'article')} marked {words}"
    if config.sync is not None and waiting:
        line += f" ({counted(waiting, 'change')} queued for `tuinews sync`)"
    print(line)
    return 1 if failures else 0


def cmd_sync(args: argparse.Namespace, config: Config) -> int:
    from tuinews.cli.progressline import sync_progress_text
    from tuinews.library.syncstate import SyncState
    from tuinews.sync.engine import sync
    from tuinews.sync.greader import SyncError

    if config.sync is None:
        where = config.path or config_path(args.config)
        print(f"tuinews: no [sync] account in {where} (see README, Sync)", file=sys.stderr)
        return 1
    progress = ProgressLine(sys.stderr, sync_progress_text) if sys.stderr.isatty() else None
    with _open_library(args, config) as library:
        try:
            report = sync(library, config.sync, on_progress=progress)
        except SyncError as error:
            waiting = SyncState(library).count_pending()
            kept = f"; {counted(waiting, 'queued change')} kept" if waiting else ""
            print(f"tuinews: sync: {error}{kept}", file=sys.stderr)
            return 1
        finally:
            if progress is not None:
                progress.close()
        library.index_pending()
    for warning in report.warnings:
        print(f"tuinews: sync: {warning}", file=sys.stderr)
    print(report.summary())
    return 0


def cmd_add(args: argparse.Namespace, config: Config) -> int:
    path = db_path(args.db, config)
    with Library.open(path) as library:
        result = subscribe(
            library,
            args.target,
            config.refresh,
            title=args.title,
            folder=args.folder,
            full_text=args.full_text,
        )
        feed = result.feed
        assert feed.id is not None
        if result.created and config.sync is not None:
            queue_subscribe(library, feed)
            _send_subscriptions(library, config)
    if not result.created:
        print(f"{feed.id}\talready subscribed\t{feed.title}  {feed.url}")
        return 0
    new = result.new_articles
    if feed.full_text:
        new = sum(outcome.new for outcome in refresh_feeds(path, config.refresh, [feed.id]))
    print(f"{feed.id}\tsubscribed\t{feed.title}  {feed.url}  ({counted(new, 'article')})")
    for other in result.also_offered:
        print(f"the page also offers {other}", file=sys.stderr)
    return 0


def cmd_export(args: argparse.Namespace, config: Config) -> int:
    from tuinews.feeds.subscriptions import Subscription, write_opml

    with _open_library(args, config) as library:
        feeds = [feed for feed in library.feeds() if is_refreshable(feed.url)]
    subscriptions = (Subscription(feed.url, feed.title, feed.folder) for feed in feeds)
    sys.stdout.write(write_opml(subscriptions))
    return 0


def cmd_refresh(args: argparse.Namespace, config: Config) -> int:
    path = db_path(args.db, config)
    with Library.open(path) as library:
        feed_ids = [library.find_feed(name).id for name in args.feeds] if args.feeds else None
    progress = ProgressLine(sys.stderr) if sys.stderr.isatty() and not args.json else None
    interrupted = False
    try:
        outcomes = refresh_feeds(
            path,
            config.refresh,
            [feed_id for feed_id in feed_ids if feed_id is not None] if feed_ids else None,
            on_progress=progress,
        )
    except RefreshInterrupted as stopped:
        outcomes, interrupted = stopped.outcomes, True
    finally:
        if progress is not None:
            progress.close()
    outcomes.sort(key=lambda outcome: outcome.title.casefold())
    code = 130 if interrupted else 0
    if not outcomes and not args.json and not interrupted:
        print("no feeds to refresh; subscribe with `tuinews add URL` or `tuinews import FILE`")
        return code
    if args.json:
        _print_json([asdict(outcome) for outcome in outcomes])
        return code
    for problem in refresh_problems(outcomes):
        _complain(problem)
    print(refresh_summary(outcomes) + (" (interrupted)" if interrupted else ""))
    return code


def cmd_tui(args: argparse.Namespace, config: Config) -> int:
    from tuinews.app import create_app

    path = db_path(args.db, config)
    with Library.open(path) as library:
        if not args.no_sample:
            ensure_sample_edition(library)
    create_app(path, config).run()
    return 0


COMMANDS: dict[str | None, Callable[[argparse.Namespace, Config], int]] = {
    None: cmd_tui,
    "list": cmd_list,
    "show": cmd_show,
    "search": cmd_search,
    "import": cmd_import,
    "save": cmd_save,
    "feeds": cmd_feeds,
    "remove": cmd_remove,
    "refresh": cmd_refresh,
    "add": cmd_add,
    "export": cmd_export,
    "sync": cmd_sync,
    "edit": cmd_edit,
    **dict.fromkeys(MARKS, cmd_mark),
}


def run() -> NoReturn:
    """The `tuinews` command: `main`, then an exit that skips the interpreter's teardown.

    Once a command has closed the library and written its output nothing is left to
    clean up, and tearing down every imported module took a tenth of a refresh in which
    every feed answered 304. Tests call `main`.
    """
    code = main()
    with contextlib.suppress(OSError):  # a reader that went away (`| head`) is no error
        sys.stdout.flush()
        sys.stderr.flush()
    os._exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        config = load_config(config_path(args.config))
        for warning in config.warnings:
            _complain(warning)
        return COMMANDS[args.command](args, config)
    except (LibraryError, ConfigError, SubscribeError) as error:
        _complain(str(error))
        return 1
    except (KeyboardInterrupt, RefreshInterrupted):  # Ctrl-C; `add --full-text` refreshes too
        return 130
    except BrokenPipeError:
        # The reader of our output went away (`tuinews list | head`): not an error.
        # Point stdout at /dev/null so the interpreter's final flush stays quiet.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
