"""A feed entry of 2 MB opens at once and keys work while the rest of it is laid out.

Laid out whole on the UI thread such a story froze the reader for seconds (tens of
thousands of wrapped lines, each layout repeated on every resize and focus change). The
reading column now lays out a screenful first and the rest in steps between other work.
What is counted: the lines laid out when the story is shown, the event-loop turns a key
press waits, the lines there in the end.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual import events
from textual.pilot import Pilot

from feedkit import Item, rss
from tui_fixtures import make_app, visible_lines
from tuinews.app import TuinewsApp
from tuinews.app.screens.reader import ReaderScreen
from tuinews.app.widgets.article_view import STEP_LINES, ArticleView
from tuinews.app.widgets.outline import QuotesPane
from tuinews.config import RefreshSettings
from tuinews.feeds.subscribe import subscribe
from tuinews.library import Library

WORDS = "the harbour council said the ferry to the quay will run again in the spring".split()
PARAGRAPHS = 4000
SIZE = (120, 40)


def _huge_entry() -> str:
    """~2 MB of HTML: 4,000 paragraphs, every fifth with a quotation and its speaker."""
    paragraphs = []
    for n in range(PARAGRAPHS):
        text = " ".join(WORDS[(n + i) % len(WORDS)] for i in range(95))
        if n % 5 == 0:
            text += f" “We have waited for boat number {n} for years,” said Agnes Pellow."
        paragraphs.append(f"<p>Paragraph {n}: {text}</p>")
    paragraphs.append("<p>The last paragraph of the story.</p>")
    return "".join(paragraphs)


def _library(tmp_path: Path) -> Path:
    body = _huge_entry()
    assert len(body.encode()) > 2_000_000
    feed = tmp_path / "huge.xml"
    feed.write_bytes(rss("Huge", [Item("A huge entry", "huge", "https://site.example/h", body)]))
    db = tmp_path / "huge.db"
    with Library.open(db) as library:
        subscribe(library, str(feed), RefreshSettings())
    return db


async def _open_the_huge_entry(app: TuinewsApp, pilot: Pilot[None]) -> ReaderScreen:
    await pilot.pause()
    await pilot.press("enter")
    await app.workers.wait_for_complete()  # the entry's first full reading
    await pilot.pause()
    reader = app.screen
    assert isinstance(reader, ReaderScreen) and reader.article is not None
    return reader


async def test_a_2_MB_entry_opens_a_screenful_at_once_and_keys_work_while_it_lays_out(
    tmp_path: Path,
) -> None:
    app = make_app(_library(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        reader = await _open_the_huge_entry(app, pilot)
        assert reader.article is not None
        view = reader.query_one(ArticleView)
        assert visible_lines(view)[0].strip() == "A huge entry"
        assert view.has_focus
        assert len(reader.query_one(QuotesPane).article.quotes) == PARAGRAPHS // 5

        # Shown again (as back/forward or a theme change do): a screenful and one step
        # are laid out before anything is drawn, not the whole story.
        view.show(reader.article, reader.entries)
        height = view.scrollable_content_region.height
        assert height <= len(view.laid_out.lines) <= 3 * height + 2 * STEP_LINES
        assert not view.laid_out.complete

        # A key pressed now is handled within a few turns of the event loop, each of
        # which lays out at most one step: long before the story is all there.
        app.post_message(events.Key("j", "j"))
        for _ in range(30):
            await asyncio.sleep(0)
            if view.scroll_y == 1:
                break
        assert view.scroll_y == 1
        assert not view.laid_out.complete

        # End goes to the end as it grows, and stays there once every line is laid out.
        await pilot.press("end")
        for _ in range(500):
            if view.laid_out.complete:
                break
            await pilot.pause()
        layout = view.laid_out
        assert layout.complete and len(layout.lines) > 20_000
        assert view.scroll_y == view.max_scroll_y
        assert "The last paragraph of the story." in [line.strip() for line in visible_lines(view)]
        assert len(layout.quote_lines) == PARAGRAPHS // 5


async def test_leaving_a_story_being_laid_out_stops_laying_it_out(tmp_path: Path) -> None:
    app = make_app(_library(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        view = (await _open_the_huge_entry(app, pilot)).query_one(ArticleView)
        assert not view.laid_out.complete
        await pilot.press("q")
        await pilot.pause()
        assert not isinstance(app.screen, ReaderScreen)
        laid = len(view.laid_out.lines)
        await pilot.pause()
        await pilot.pause()
        assert len(view.laid_out.lines) == laid
        assert not view.laid_out.complete
