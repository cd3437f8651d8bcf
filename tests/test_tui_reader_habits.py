"""The reader's newsboat habits and the programs it hands addresses to, driven by Pilot."""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from textual.command import CommandPalette
from textual.widgets import Input, OptionList

from conftest import make_article
from feedkit import Item, rss
from tui_fixtures import (
    SIZE,
    body_text,
    make_app,
    notices,
    open_reader,
    prompts,
    sample_db,
)
from tuinews.app.dialogs.add_feed import AddFeedDialog
from tuinews.app.dialogs.links import LinksDialog
from tuinews.app.screens.library import LibraryScreen
from tuinews.app.screens.reader import ReaderScreen
from tuinews.app.widgets.outline import AlsoReadPane, SectionsPane
from tuinews.config import Config, LaunchSettings, RefreshSettings
from tuinews.extract.language import guess_language
from tuinews.feeds.refresh import refresh_feeds
from tuinews.launcher import NO_BROWSER
from tuinews.library import Library
from tuinews.model import Block, Section

FERRY = "Kragsø ferry line reopens"
EELGRASS = "Ålegræsset vender tilbage til Varnefjorden"


def _recorder(directory: Path, name: str) -> tuple[Path, Path]:
    """A program `name` that writes the arguments it was given to a file, as JSON."""
    directory.mkdir(exist_ok=True)
    program = directory / name
    record = directory / f"{name}.json"
    program.write_text(
        f"#!{sys.executable}\n"
        "import json, sys\n"
        f"open({str(record)!r}, 'w').write(json.dumps(sys.argv[1:]))\n"
    )
    program.chmod(0o755)
    return program, record


def _stored(tmp_path: Path, body: str, url: str = "https://radio.example/story") -> Path:
    db = tmp_path / "one.db"
    with Library.open(db) as library:
        feed = library.add_feed("https://radio.example/feed.xml", "Radio")
        library.store_article(make_article("Evening show", url=url, body=body), feed_id=feed.id)
    return db


async def test_L_lists_the_links_numbered_and_enter_follows_one(tmp_path: Path) -> None:
    app = make_app(sample_db(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        reader = await open_reader(app, pilot, FERRY)
        await pilot.press("L")
        dialog = app.screen
        assert isinstance(dialog, LinksDialog)
        options = dialog.query_one(OptionList)
        shown = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert len(shown) == len(dialog.links) >= 2
        assert [line.split("  ")[0].strip() for line in shown] == [
            str(n) for n in range(1, len(shown) + 1)
        ]
        at = next(i for i, link in enumerate(dialog.links) if link.title.startswith("Ålegræsset"))
        assert shown[at].split("\n")[0].strip() == f"{at + 1}  {EELGRASS}"
        assert dialog.links[at].url in shown[at]
        await pilot.press(*["down"] * at, "enter")
        await pilot.pause()
        assert app.screen is reader and reader.article.title == EELGRASS
        await pilot.press("backspace")
        assert reader.article.title.startswith(FERRY)


async def test_L_o_opens_a_link_in_the_browser_and_a_recording_in_the_player(
    tmp_path: Path,
) -> None:
    browser, browsed = _recorder(tmp_path / "bin", "w3m")
    player, played = _recorder(tmp_path / "bin", "mpv")
    page = "https://radio.example/notes;rm -rf ~"
    recording = "https://radio.example/show.mp3?from=feed"
    db = _stored(tmp_path, f"Notes: {page.replace(' ', '%20')} and the show: {recording}.")
    config = Config(launch=LaunchSettings(browser=f"{browser} %u", player=f"{player} %u"))
    app = make_app(db, config)
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(app, pilot, "Evening show")
        await pilot.press("L")
        assert [link.url for link in app.screen.links] == [
            "https://radio.example/notes;rm%20-rf%20~",
            recording,
        ]
        await pilot.press("o")  # the page, in the (console) browser
        await pilot.pause()
        assert json.loads(browsed.read_text()) == ["https://radio.example/notes;rm%20-rf%20~"]
        await pilot.press("L", "down", "enter")  # the recording, in the player
        await pilot.pause()
        assert json.loads(played.read_text()) == [recording]
        assert isinstance(app.screen, ReaderScreen)


async def test_o_starts_a_graphical_browser_detached(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    browser, browsed = _recorder(tmp_path / "bin", "firefox")
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.setenv("BROWSER", f"{tmp_path}/bin/absent:{browser} --new-tab %s")
    app = make_app(sample_db(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o")
        for _ in range(100):  # the browser runs on its own: wait for it, a while at most
            if browsed.exists() and browsed.read_text():
                break
            await pilot.pause(0.05)
        url = "https://courier.example/2026/aalegraesset-vender-tilbage"
        assert json.loads(browsed.read_text()) == ["--new-tab", url]
        assert isinstance(app.screen, LibraryScreen)


async def test_no_browser_at_all_is_a_clear_notice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("BROWSER", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))  # no w3m, lynx, elinks or links
    app = make_app(sample_db(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o")
        assert notices(app)[-1] == NO_BROWSER
        app.config = Config(launch=LaunchSettings(browser="nonesuch %u"))
        await pilot.press("o")
        assert notices(app)[-1] == "nonesuch: no such program"


async def test_F_fetches_the_full_text_and_keeps_the_summary(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    paragraphs = [
        f"Paragraph {n} of the whole story, told at length by the paper." for n in range(6)
    ]
    page = (
        "<html><head><title>Evening show</title></head><body><article><h1>Evening show</h1>"
        + "".join(f"<p>{text}</p>" for text in paragraphs)
        + "</article></body></html>"
    )
    httpserver.expect_request("/story").respond_with_data(page, content_type="text/html")
    db = _stored(tmp_path, "Only a teaser.", url=httpserver.url_for("/story"))
    app = make_app(db, Config(refresh=RefreshSettings(timeout=5)))
    async with app.run_test(size=SIZE) as pilot:
        reader = await open_reader(app, pilot, "Evening show")
        assert not any("Paragraph 3" in line for line in body_text(reader))
        await pilot.press("F")
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = "\n".join(body_text(reader))
        assert all(paragraph in text for paragraph in paragraphs)
        assert reader.article.lede == "Only a teaser."
        assert notices(app)[-1] == "The whole article, from its web page."
    with Library.open(db) as library:  # stored: the next open shows it at once
        stored = library.get_article(reader.article.id)
    assert stored.title == "Evening show" and stored.lede == "Only a teaser."
    assert "Paragraph 5" in stored.text or "Paragraph 5" in stored.body_text()


async def test_F_on_a_page_that_fails_keeps_the_story_and_says_why(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/story").respond_with_data("no", status=404)
    db = _stored(tmp_path, "Only a teaser.", url=httpserver.url_for("/story"))
    app = make_app(db)
    async with app.run_test(size=SIZE) as pilot:
        reader = await open_reader(app, pilot, "Evening show")
        await pilot.press("F")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "404" in notices(app)[-1]
        assert any("Only a teaser." in line for line in body_text(reader))
        assert not reader.view.loading


async def test_a_huge_entry_is_extracted_in_a_worker_behind_a_loading_state(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    paragraph = "<div><p>“Still here,” said Ana Lima, and the water rose. </p></div>"
    body = paragraph * 3_000  # 200 KB of entry HTML: a second or more to extract
    entry = Item(title="Huge", guid="huge", link="https://site.example/huge", body=body)
    httpserver.expect_request("/huge.xml").respond_with_data(rss("Huge", [entry]))
    db = tmp_path / "huge.db"
    with Library.open(db) as library:
        library.add_feed(httpserver.url_for("/huge.xml"), "Huge")
    await asyncio.to_thread(refresh_feeds, db, RefreshSettings())
    with Library.open(db) as library:
        article_id = library.list_articles(limit=1)[0].id
        assert library.pending_html(article_id) is not None
    app = make_app(db)
    messages: list[str] = []
    async with app.run_test(
        size=SIZE, message_hook=lambda m: messages.append(type(m).__name__)
    ) as pilot:
        await pilot.press("enter")
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        await app.workers.wait_for_complete()
        for _ in range(100):  # the finished reading is laid out on the UI thread: a bounded wait
            if reader.article is not None:
                break
            await pilot.pause(0.1)
        # The reading came back from the worker as a message, not from a call on the UI thread.
        assert "Extracted" in messages
        assert not reader.view.loading and reader.sub_title == "Huge"
        assert reader.article.title == "Huge" and len(reader.article.quotes) > 0
        await pilot.press("question_mark")
        assert type(app.screen).__name__ == "HelpDialog"
    with Library.open(db) as library:
        assert library.pending_html(article_id) is None


async def test_p_hides_and_shows_the_panes_at_any_width(tmp_path: Path) -> None:
    app = make_app(sample_db(tmp_path))
    async with app.run_test(size=(160, 40)) as pilot:
        reader = await open_reader(app, pilot, FERRY)
        outline = reader.query_one("#outline")
        assert outline.region.width > 0
        await pilot.press("p")
        await pilot.pause()
        assert outline.region.width == 0 and reader.view.region.width == 160
        await pilot.press("p")
        await pilot.pause()
        assert outline.region.width > 0


async def _palette_names(app: object, pilot: object) -> list[str]:
    await pilot.press("ctrl+p")  # type: ignore[attr-defined]
    for _ in range(20):
        await pilot.pause(0.05)  # type: ignore[attr-defined]
    palette = app.screen  # type: ignore[attr-defined]
    assert isinstance(palette, CommandPalette)
    options = palette.query_one("CommandList", OptionList)
    names = [
        str(options.get_option_at_index(i).prompt).split("\n")[0]
        for i in range(options.option_count)
    ]
    await pilot.press("escape")  # type: ignore[attr-defined]
    return names


async def test_the_palette_offers_each_command_once_and_only_links_that_exist(
    tmp_path: Path,
) -> None:
    app = make_app(sample_db(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        names = await _palette_names(app, pilot)
        assert names.count("Quit") == 1 and "Mark all read" in names and "Sort" in names
        assert len(names) == len(set(names))
        reader = await open_reader(app, pilot, FERRY)
        links = {entry.number for entry in reader.entries if entry.number}
        names = await _palette_names(app, pilot)
        follows = sorted(name for name in names if name.startswith("Follow also-read link"))
        assert follows == [f"Follow also-read link {n}" for n in sorted(links)]
        assert "Links" in names and "Full text" in names
        assert len(names) == len(set(names))


async def test_the_add_dialog_offers_the_choice_of_a_pages_feeds(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    page = (
        '<html><head><link rel="alternate" type="application/rss+xml" title="All news" '
        'href="/all.xml"><link rel="alternate" type="application/rss+xml" title="Sport only" '
        'href="/sport.xml"></head><body><p>Welcome</p></body></html>'
    )
    httpserver.expect_request("/").respond_with_data(page, content_type="text/html")
    sport = [Item(title="Cup final", guid="cup")]
    httpserver.expect_request("/sport.xml").respond_with_data(
        rss("Sport only", sport), content_type="application/rss+xml"
    )
    app = make_app(tmp_path / "add.db")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        dialog = app.screen
        assert isinstance(dialog, AddFeedDialog)
        dialog.query_one("#url", Input).value = httpserver.url_for("/")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        choices = dialog.query_one("#choices", OptionList)
        assert choices.display and choices.option_count == 2
        shown = [str(choices.get_option_at_index(i).prompt) for i in range(2)]
        assert shown[0].startswith("All news") and shown[1].startswith("Sport only")
        await pilot.press("down", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert app.screen.query_one("FeedTree").current.label == "Sport only"
    paths = [request.path for request, _ in httpserver.log]
    assert "/all.xml" not in paths and paths.count("/sport.xml") == 1


async def test_a_podcast_enclosure_is_listed_by_L_and_played_by_the_player(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    player, played = _recorder(tmp_path / "bin", "mpv")
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Pod</title><item>'
        "<title>Episode 1</title><guid>ep1</guid><description>&lt;p&gt;Show notes.&lt;/p&gt;"
        '</description><enclosure url="https://pod.example/ep1.mp3" type="audio/mpeg" '
        'length="1234"/></item></channel></rss>'
    )
    httpserver.expect_request("/pod.xml").respond_with_data(feed)
    db = tmp_path / "pod.db"
    with Library.open(db) as library:
        library.add_feed(httpserver.url_for("/pod.xml"), "Pod")
    await asyncio.to_thread(refresh_feeds, db, RefreshSettings())
    app = make_app(db, Config(launch=LaunchSettings(player=f"{player} %u")))
    async with app.run_test(size=SIZE) as pilot:
        reader = await open_reader(app, pilot, "Episode 1")
        assert "Media: https://pod.example/ep1.mp3" in body_text(reader)
        await pilot.press("L")
        assert [link.url for link in app.screen.links] == ["https://pod.example/ep1.mp3"]
        await pilot.press("enter")
        await pilot.pause()
        assert json.loads(played.read_text()) == ["https://pod.example/ep1.mp3"]


@pytest.mark.parametrize(
    ("title", "beginning"),
    [(EELGRASS, "Begyndelse"), ("SV Hafen Aldwyn", "Anfang"), (FERRY, "Beginning")],
)
async def test_built_in_labels_follow_the_articles_language(
    tmp_path: Path, title: str, beginning: str
) -> None:
    app = make_app(sample_db(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        reader = await open_reader(app, pilot, title)
        sections = prompts(reader.query_one(SectionsPane))
        assert sections[0].strip().endswith(beginning)


def test_language_guesses_for_the_languages_the_extractor_knows() -> None:
    said = {
        "en": "The mayor said that the harbour was open and that the ferry is running.",
        "de": "Der Bürgermeister sagte, dass der Hafen wieder offen ist und die Fähre fährt.",
        "da": "Borgmesteren siger, at havnen er åben igen, og at færgen sejler efter planen.",
        "no": "Ordføreren sier at havnen er åpen igjen, og at ferja går etter planen nå.",
        "sv": "Borgmästaren säger att hamnen är öppen igen och att färjan går efter tidtabellen.",
        "fr": "Le maire a dit que le port est de nouveau ouvert et que le ferry est dans les temps.",
        "it": "Il sindaco ha detto che il porto è di nuovo aperto e che il traghetto è in orario.",
        "es": "El alcalde dijo que el puerto está abierto otra vez y que el ferry es puntual.",
    }
    assert {language: guess_language(text) for language, text in said.items()} == {
        language: language for language in said
    }
    assert guess_language("Ferry") == "en"  # too little to tell


async def test_wrapped_pane_lines_indent_under_their_first_line(tmp_path: Path) -> None:
    long_title = "What the long winter crossing means for the islanders who commute every day"
    db = tmp_path / "wrap.db"
    with Library.open(db) as library:
        article = make_article(
            "Crossing",
            also_read=[(long_title, "https://news.example/winter")],
        )
        article.sections.append(Section(title=long_title, blocks=[Block("paragraph", "More.")]))
        library.store_article(article, saved=True)
    app = make_app(db)
    async with app.run_test(size=SIZE) as pilot:
        reader = await open_reader(app, pilot, "Crossing")
        section = prompts(reader.query_one(SectionsPane))[1].split("\n")
        link = prompts(reader.query_one(AlsoReadPane))[0].split("\n")
        assert len(section) > 1 and len(link) > 1
        assert all(line.startswith("  ") and line[2] != " " for line in section[1:])
        assert all(line.startswith("  ") and line[2] != " " for line in link[1:])  # under "1 "
        assert " ".join(part.strip() for part in section) == long_title


async def test_L_enter_on_a_picture_shows_it_in_the_browser(tmp_path: Path) -> None:
    browser, browsed = _recorder(tmp_path / "bin", "w3m")
    app = make_app(sample_db(tmp_path), Config(launch=LaunchSettings(browser=f"{browser} %u")))
    async with app.run_test(size=SIZE) as pilot:
        reader = await open_reader(app, pilot, FERRY)
        await pilot.press("L")
        links = app.screen.links
        at = next(i for i, link in enumerate(links) if link.picture)
        await pilot.press(*["down"] * at, "enter")
        await pilot.pause()
        assert json.loads(browsed.read_text()) == [links[at].url]
        assert app.screen is reader and reader.article.title.startswith(FERRY)
