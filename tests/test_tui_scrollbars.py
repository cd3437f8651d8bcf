"""No text touches a scrollbar: every pane and list keeps a blank column before its bar.

A library and a story too long for their panes (60 stories with long titles in four
feeds; a story of 14 sections, 14 quotations and 14 also-read links) at 80x24 and
120x40. For each vertical scrollbar on screen the column left of it must be blank on
every row of the bar: text running into the bar reads as one smear.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from contrast import screen_cells
from textual.widget import Widget

from tui_fixtures import make_app, open_reader
from tuinews.app import TuinewsApp
from tuinews.library import Library
from tuinews.model import AlsoRead, Article, Block, Link, Quote, Section

SIZES = {"80x24": (80, 24), "120x40": (120, 40)}
LONG = "Harbour council votes to rebuild the north quay before the winter storms arrive"


def _story(title: str, n: int) -> Article:
    return Article(
        title=title,
        url=f"https://news.example/{n}",
        published=datetime(2026, 11, 1, tzinfo=UTC) + timedelta(hours=n),
        sections=[Section(blocks=[Block(kind="paragraph", text=f"Story {n} happened.")])],
    )


def _long_story() -> Article:
    sections = []
    for n in range(14):
        said = f"“We will rebuild the quay number {n} before the storms,” said Ada Lund."
        links = [Link(f"{LONG}, part {n}", f"https://news.example/related/{n}")]
        sections.append(
            Section(
                title=f"What the council decided about the quay, part {n}",
                blocks=[
                    Block(kind="paragraph", text=f"The council met again. {said}"),
                    Block(kind="also_read", text="Also read", links=links),
                ],
            )
        )
    return Article(
        title="The long story of the quay",
        url="https://news.example/long",
        published=datetime(2026, 12, 1, tzinfo=UTC),
        sections=sections,
        quotes=[
            Quote(f"We will rebuild the quay number {n} before the storms", "Ada Lund", n)
            for n in range(14)
        ],
        also_read=[
            AlsoRead(f"{LONG}, part {n}", f"https://news.example/related/{n}", n) for n in range(14)
        ],
    )


def _library(tmp_path: Path) -> Path:
    db = tmp_path / "long.db"
    with Library.open(db) as library:
        for feed_number in range(4):
            feed = library.add_feed(
                f"https://news.example/{feed_number}.xml", f"Feed {feed_number}"
            )
            for n in range(15):
                story = _story(f"{LONG} ({feed_number}-{n})", feed_number * 15 + n)
                library.store_article(story, feed_id=feed.id, guid=f"{feed_number}-{n}")
        library.store_article(_long_story())
    return db


def _text_against_a_scrollbar(app: TuinewsApp) -> list[str]:
    """ "Widget: rows" for each vertical scrollbar with text in the column left of it."""
    cells = {(cell.x, cell.y): cell.char for cell in screen_cells(app)}
    found = []
    for widget in app.screen.query(Widget):
        if not widget.display or not widget.show_vertical_scrollbar:
            continue
        bar = widget.vertical_scrollbar.region
        rows = [y for y in range(bar.y, bar.bottom) if cells.get((bar.x - 1, y), " ").strip()]
        if bar and rows:
            found.append(f"{type(widget).__name__}#{widget.id}: rows {rows}")
    return found


@pytest.mark.parametrize("size", sorted(SIZES))
async def test_no_text_touches_a_scrollbar(tmp_path: Path, size: str) -> None:
    app = make_app(_library(tmp_path))
    async with app.run_test(size=SIZES[size]) as pilot:
        await pilot.pause()
        shown = []
        await pilot.press("tab")  # the feeds pane shows (at 80 columns while focused)
        await pilot.pause()
        shown.append(("library", _text_against_a_scrollbar(app)))
        await pilot.press("shift+tab")
        reader = await open_reader(app, pilot, "The long story")
        if reader.has_class("-narrow"):
            await pilot.press("p")
        for _ in range(3):  # Sections, Quotes, Also read, each with its cursor
            await pilot.press("tab")
            shown.append((f"reader, {reader.focused}", _text_against_a_scrollbar(app)))
        bars = [widget.id for widget in reader.query(Widget) if widget.show_vertical_scrollbar]
        await pilot.press("escape", "L")
        await pilot.pause()
        shown.append(("links", _text_against_a_scrollbar(app)))
        await pilot.press("escape", "question_mark")
        await pilot.pause()
        shown.append(("help", _text_against_a_scrollbar(app)))
    assert {"body", "quotes", "also-read"} <= set(bars), "the story and its panes scroll"
    assert [(where, found) for where, found in shown if found] == []
