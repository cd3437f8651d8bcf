"""The reader as a user meets it, driven by Pilot against a real library file."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from conftest import make_article
from tuinews.app import create_app
from tuinews.library import Library
from tuinews.sample import ensure_sample_edition


def _prompts(app) -> list[str]:
    options = app.query_one("#articles", OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_opens_on_the_sample_edition(tmp_path: Path) -> None:
    db = tmp_path / "app.db"
    with Library.open(db) as library:
        ensure_sample_edition(library)
    app = create_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        prompts = _prompts(app)
        assert len(prompts) == 6
        assert "Kragsø ferry line reopens with a new electric boat" in prompts[-1]
        assert all("Sample edition" in prompt for prompt in prompts)
        await pilot.press("q")
    assert app.return_code == 0


async def test_hostile_titles_are_shown_literally_and_trigger_nothing(tmp_path: Path) -> None:
    db = tmp_path / "app.db"
    with Library.open(db) as library:
        library.store_article(make_article("[@click=app.quit]x[/] \x1b[31mred\x1b[0m [b]bold"))
    app = create_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        (prompt,) = _prompts(app)
        assert "[@click=app.quit]x[/] red [b]bold" in prompt
        await pilot.click("#articles", offset=(40, 1))
        await pilot.pause()
        assert app.is_running
