"""The reader: structure in the body and the panes, keys, history, links and suggestions."""

from __future__ import annotations

import webbrowser
from pathlib import Path

import pytest
from textual import events

from tui_fixtures import (
    SIZE,
    body_text,
    make_app,
    open_reader,
    prompts,
    sample_db,
    sample_id,
    visible_lines,
)
from tuinews.app.screens.library import LibraryScreen
from tuinews.app.widgets.article_list import ArticleList
from tuinews.app.widgets.article_view import ArticleView
from tuinews.app.widgets.outline import AlsoReadPane, QuotesPane, SectionsPane
from tuinews.config import Config
from tuinews.extract.article import from_text
from tuinews.library import Library

FERRY = "Kragsø ferry line reopens"
EELGRASS = "Ålegræsset vender tilbage"
MARKET = "Wintermarkt am Kai"


async def test_the_body_is_drawn_from_the_blocks(tmp_path: Path) -> None:
    app = make_app(sample_db(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        reader = await open_reader(app, pilot, FERRY)
        lines = body_text(reader)
        assert lines[0] == "Kragsø ferry line reopens with a new electric boat"
        assert lines[1] == "By Maren Tolley · 2026-11-12 07:45 · Sample edition · Local"
        text = "\n".join(lines)
        assert "▣ The new ferry Ellen Varne leaves the North Quay" in text
        assert "  Photo: Jonas Breck / Harbour Courier" in lines
        assert "A quieter crossing" in lines and "What changes for islanders" in lines
        assert "│ 1  Ålegræsset vender tilbage til Varnefjorden  ✓ in your library" in text
        assert "│ 2  Wintermarkt am Kai: Fischer verkaufen wieder direkt vom Kutter  ✓" in text
        assert lines[-4:] == [
            "Sources",
            "· Varne Sound Ferries, timetable and press statement, 11 November 2026",
            "· Harbour Council minutes, 29 October 2026",
            "· Interviews by the author at the North Quay",
        ]
        layout = reader.query_one(ArticleView).laid_out
        assert sorted(layout.quote_lines) == [0, 1, 2, 3, 4]
        first, _ = layout.quote_lines[2]
        assert "“On a calm day you hear the gulls" in lines[first]
        # The reading column is at most ~90 cells wide and centred in the space it has.
        assert max(len(line) for line in lines) <= 88


async def test_panes_list_sections_quotes_and_links(tmp_path: Path) -> None:
    app = make_app(sample_db(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        reader = await open_reader(app, pilot, FERRY)
        assert prompts(reader.query_one(SectionsPane)) == [
            "▸ Beginning",
            "  A quieter crossing",
            "  What changes for islanders",
        ]
        quotes = prompts(reader.query_one(QuotesPane))
        # Wrapped one column short of the pane's scrollbar.
        assert quotes[2] == (
            "“On a calm day you hear the\ngulls and the water, and\nthat is all”\n— Rhys Amberley"
        )
        assert prompts(reader.query_one(AlsoReadPane)) == [
            # wrapped lines stand under the title, not under the number
            "1 Ålegræsset vender tilbage\n  til Varnefjorden  ✓",
            "2 Wintermarkt am Kai: Fischer\n  verkaufen wieder direkt vom\n  Kutter  ✓",
        ]


async def test_the_quotes_pane_shows_a_capture_s_headline_quote_and_speakers(
    tmp_path: Path,
) -> None:
    capture = Path(__file__).parent / "fixtures" / "capture_pilot.txt"
    db = sample_db(tmp_path)
    with Library.open(db) as library:
        library.store_article(from_text(capture.read_text(encoding="utf-8")))
    app = make_app(db)
    async with app.run_test(size=SIZE) as pilot:
        reader = await open_reader(app, pilot, "Harbour pilot defies")
        quotes = prompts(reader.query_one(QuotesPane))
        assert quotes[0] == "“ready to lose his licence”\n— Harbour pilot"
        assert quotes[3] == "“The channel is too shallow\nfor a ship of that size”\n— Hanne Voss"
        assert len(quotes) == 5


async def test_opening_marks_read_and_q_or_escape_return_to_the_library(tmp_path: Path) -> None:
    db = sample_db(tmp_path)
    app = make_app(db)
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(app, pilot, FERRY)
        with Library.open(db) as library:
            assert library.get_summary(sample_id(db, FERRY)).read
        await pilot.press("q")
        assert isinstance(app.screen, LibraryScreen)
        await open_reader(app, pilot, FERRY)
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)


async def test_scrolling_keys_and_the_section_in_view(tmp_path: Path) -> None:
    app = make_app(sample_db(tmp_path))
    async with app.run_test(size=(120, 24)) as pilot:
        reader = await open_reader(app, pilot, FERRY)
        view = reader.query_one(ArticleView)
        sections = reader.query_one(SectionsPane)
        await pilot.press("j", "j", "down")
        assert view.scroll_y == 3
        await pilot.press("k", "up")
        assert view.scroll_y == 1
        await pilot.press("space")
        page = view.scrollable_content_region.height
        assert view.scroll_y == 1 + page
        await pilot.press("pageup")
        assert view.scroll_y == 1
        assert sections.current == 0
        second = view.laid_out.section_lines[1]
        await pilot.press(*["j"] * (second - 1))
        assert sections.current == 1
        assert prompts(sections)[:2] == ["  Beginning", "▸ A quieter crossing"]
        await pilot.press("end")  # at the end the last section on screen counts as in view
        assert sections.current == 2
        await pilot.press("home")
        assert sections.current == 0


async def test_brackets_move_between_sections(tmp_path: Path) -> None:
    app = make_app(sample_db(tmp_path))
    async with app.run_test(size=(120, 24)) as pilot:
        reader = await open_reader(app, pilot, FERRY)
        view = reader.query_one(ArticleView)
        starts = view.laid_out.section_lines
        await pilot.press("]")
        assert view.scroll_y == starts[1]
        assert visible_lines(view)[0].strip() == "A quieter crossing"
        assert reader.query_one(SectionsPane).current == 1
        await pilot.press("]")
        assert view.scroll_y == starts[2]
        await pilot.press("[")
        assert view.scroll_y == starts[1]
        await pilot.press("[")
        assert view.scroll_y == 0


async def test_tab_cycles_the_panes_and_enter_acts_in_each(tmp_path: Path) -> None:
    app = make_app(sample_db(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        reader = await open_reader(app, pilot, FERRY)
        view = reader.query_one(ArticleView)
        assert view.has_focus
        await pilot.press("tab")
        assert reader.query_one(SectionsPane).has_focus
        await pilot.press("j", "j", "enter")
        assert view.scroll_y == min(view.laid_out.section_lines[2], view.max_scroll_y)
        await pilot.press("tab")
        assert reader.query_one(QuotesPane).has_focus
        await pilot.press("j", "j", "j", "enter")
        first, last = view.laid_out.quote_lines[3]
        assert view.flashing == (first, last)
        assert view.scroll_y <= first < view.scroll_y + view.scrollable_content_region.height
        await pilot.press("tab")
        assert reader.query_one(AlsoReadPane).has_focus
        await pilot.press("j", "enter")
        await pilot.pause()
        assert reader.article.title.startswith(MARKET)
        await pilot.press("tab")
        assert view.has_focus
        await pilot.press("shift+tab")
        assert reader.query_one(AlsoReadPane).has_focus


async def test_number_keys_follow_links_and_history_goes_back_and_forward(
    tmp_path: Path,
) -> None:
    app = make_app(sample_db(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        reader = await open_reader(app, pilot, FERRY)
        view = reader.query_one(ArticleView)
        await pilot.press("pagedown")
        scrolled = view.scroll_y
        assert scrolled > 0
        await pilot.press("1")
        assert reader.article.title.startswith(EELGRASS)
        assert view.scroll_y == 0
        await pilot.press("backspace")
        assert reader.article.title.startswith(FERRY)
        assert view.scroll_y == scrolled
        await pilot.press("alt+right")
        assert reader.article.title.startswith(EELGRASS)
        await pilot.press("alt+left")
        assert reader.article.title.startswith(FERRY)
        await pilot.press("2")  # a new visit after going back: forward history is dropped
        assert reader.article.title.startswith(MARKET)
        assert not reader.history.can_go_forward
        await pilot.press("backspace", "alt+right")
        assert reader.article.title.startswith(MARKET)
        await pilot.press("9")  # no such link: nothing happens but a notice
        assert reader.article.title.startswith(MARKET)
        await pilot.press("backspace", "backspace")  # back past the first visit: the library
        assert isinstance(app.screen, LibraryScreen)


async def test_clicking_a_link_card_follows_it(tmp_path: Path) -> None:
    app = make_app(sample_db(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        reader = await open_reader(app, pilot, FERRY)
        view = reader.query_one(ArticleView)
        line = view.laid_out.link_lines[0]
        view.scroll_to_line(line)
        await pilot.pause()
        margin = (view.scrollable_content_region.width - view.laid_out.width) // 2
        y = line - round(view.scroll_y)
        await pilot.click(ArticleView, offset=(margin + 1, y))  # the card's border: nothing
        assert reader.article.title.startswith(FERRY)
        await pilot.click(ArticleView, offset=(margin + 8, y))
        await pilot.pause()
        assert reader.article.title.startswith(EELGRASS)


async def test_the_mouse_wheel_scrolls_the_body(tmp_path: Path) -> None:
    app = make_app(sample_db(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        reader = await open_reader(app, pilot, FERRY)
        view = reader.query_one(ArticleView)
        # Pilot has no public wheel helper; this posts the events the driver would.
        await pilot._post_mouse_events([events.MouseScrollDown], ArticleView, offset=(20, 5))
        await pilot._post_mouse_events([events.MouseScrollDown], ArticleView, offset=(20, 5))
        assert view.scroll_y > 0
        down = view.scroll_y
        await pilot._post_mouse_events([events.MouseScrollUp], ArticleView, offset=(20, 5))
        assert 0 <= view.scroll_y < down


async def test_n_m_s_o_y_act_on_the_article_being_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *args, **kwargs: opened.append(url))
    monkeypatch.setenv("DISPLAY", ":0")  # a desktop: the system's browser
    monkeypatch.delenv("BROWSER", raising=False)
    db = sample_db(tmp_path)
    app = make_app(db)
    async with app.run_test(size=SIZE) as pilot:
        reader = await open_reader(app, pilot, EELGRASS)
        await pilot.press("s", "m", "o", "y")
        url = "https://courier.example/2026/aalegraesset-vender-tilbage"
        assert opened == [url] and app.clipboard == url
        with Library.open(db) as library:
            summary = library.get_summary(sample_id(db, EELGRASS))
        assert summary.starred and not summary.read
        await pilot.press("n")
        assert reader.article.title.startswith("Eastquay")
        await pilot.press("n")
        assert reader.article.title.startswith("SV Hafen")
        await pilot.press("q")
        assert app.screen.query_one(ArticleList).highlighted.title.startswith("SV Hafen")


async def test_narrow_terminals_fold_the_panes_into_a_toggle(tmp_path: Path) -> None:
    app = make_app(sample_db(tmp_path))
    async with app.run_test(size=(90, 30)) as pilot:
        reader = await open_reader(app, pilot, FERRY)
        outline = reader.query_one("#outline")
        assert not outline.display or outline.region.width == 0
        view = reader.query_one(ArticleView)
        assert view.region.width == 90
        await pilot.press("p")
        assert outline.region.width > 0
        assert reader.query_one(SectionsPane).has_focus
        await pilot.press("p")
        assert outline.region.width == 0
        await pilot.press("tab")
        assert outline.region.width > 0 and reader.query_one(SectionsPane).has_focus


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light", "ansi-dark"])
async def test_every_theme_styles_the_reading_column(tmp_path: Path, theme: str) -> None:
    app = make_app(sample_db(tmp_path), Config(theme=theme))
    async with app.run_test(size=SIZE) as pilot:
        assert app.theme == theme
        reader = await open_reader(app, pilot, FERRY)
        view = reader.query_one(ArticleView)
        heading = view.get_component_rich_style("article-view--heading")
        body = view.rich_style
        assert heading.bold and heading.color is not None and heading.color != body.color
        quote = view.get_component_rich_style("article-view--quote", partial=True)
        assert quote.color is not None and quote.color != body.color
