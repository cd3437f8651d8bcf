"""Shared helpers for the TUI tests: real library files, the app as the CLI builds it."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import OptionList

from tuinews.app import TuinewsApp, create_app
from tuinews.app.screens.reader import ReaderScreen
from tuinews.app.widgets.article_list import ArticleList
from tuinews.app.widgets.article_view import ArticleView
from tuinews.app.widgets.feed_tree import FeedTree
from tuinews.config import Config
from tuinews.library import Library
from tuinews.sample import ensure_sample_edition

SIZE = (120, 40)


def sample_db(tmp_path: Path) -> Path:
    """A library holding the sample edition, as `tuinews` makes it on first start."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    db = tmp_path / "tui.db"
    with Library.open(db) as library:
        ensure_sample_edition(library)
    return db


def make_app(db: Path, config: Config | None = None) -> TuinewsApp:
    """The app as `tuinews` builds it; notifications last a minute so a slow run can read them."""
    app = create_app(db, config)
    app.NOTIFICATION_TIMEOUT = 60
    return app


def sample_app(tmp_path: Path, config: Config | None = None) -> TuinewsApp:
    return make_app(sample_db(tmp_path), config)


def visible_lines(widget: Widget) -> list[str]:
    """The text of the lines a line-API widget shows now, as the user sees them."""
    height = widget.scrollable_content_region.height
    return [widget.render_line(y).text.rstrip() for y in range(height)]  # type: ignore[attr-defined]


def list_titles(app: TuinewsApp) -> list[str]:
    articles = app.screen.query_one(ArticleList)
    return [row.title for row in (articles.rows.get(i) for i in range(len(articles.rows))) if row]


def sample_id(db: Path, title_start: str) -> int:
    with Library.open(db) as library:
        rows = library.list_articles(limit=100)
    return next(row.id for row in rows if row.title.startswith(title_start))


def notices(app: TuinewsApp) -> list[str]:
    """The notifications shown so far (titles and messages), newest last."""
    return [
        f"{notification.title}: {notification.message}".lstrip(": ")
        for notification in app._notifications
    ]


async def open_reader(app: TuinewsApp, pilot: Pilot[None], title_start: str) -> ReaderScreen:
    """Move the library cursor to a story and press Enter, as a user would."""
    articles = app.screen.query_one(ArticleList)
    for _ in range(len(articles.rows)):
        if articles.highlighted.title.startswith(title_start):
            break
        await pilot.press("j")
    await pilot.press("enter")
    await app.workers.wait_for_complete()  # a story never opened is extracted in a worker
    await pilot.pause()
    assert isinstance(app.screen, ReaderScreen)
    return app.screen


def body_text(screen: ReaderScreen) -> list[str]:
    layout = screen.query_one(ArticleView).laid_out
    assert layout is not None
    return [line.text.rstrip() for line in layout.lines]


def prompts(pane: OptionList) -> list[str]:
    return [str(pane.get_option_at_index(i).prompt) for i in range(pane.option_count)]


def feed_labels(app: TuinewsApp) -> list[str]:
    """The feeds pane's rows with the gap before each count closed up ("All 6", "  Sport 2")."""
    feeds = app.screen.query_one(FeedTree)
    labels = []
    for index in range(feeds.option_count):
        text = str(feeds.get_option_at_index(index).prompt)
        indent = text[: len(text) - len(text.lstrip())]
        labels.append(indent + " ".join(text.split()))
    return labels
