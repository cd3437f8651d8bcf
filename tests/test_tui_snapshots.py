"""Snapshots of the library, reader and help screens with the sample edition.

At 80x24 (feeds pane folded, reader panes folded, help scrolling) and at 120x40, each in
a dark and a light theme. Deterministic: a fresh library file per test, the sample
edition's fixed dates, no clock in the header, nothing animated on these screens. Update
after a deliberate change of look with `pytest tests/test_tui_snapshots.py
--snapshot-update` and check the SVGs by eye.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tui_fixtures import sample_app
from tuinews.config import Config

SnapCompare = Any

SIZES = {"80x24": (80, 24), "120x40": (120, 40)}
THEMES = ["textual-dark", "textual-light"]


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", sorted(SIZES))
def test_library_screen(snap_compare: SnapCompare, tmp_path: Path, size: str, theme: str) -> None:
    app = sample_app(tmp_path, Config(theme=theme))
    assert snap_compare(app, press=["j", "s", "j"], terminal_size=SIZES[size])


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", sorted(SIZES))
def test_reader_screen(snap_compare: SnapCompare, tmp_path: Path, size: str, theme: str) -> None:
    # The ferry story scrolled to its second section: heading, quotes, a figure, a link card.
    app = sample_app(tmp_path, Config(theme=theme))
    keys = ["G", "enter", "right_square_bracket"]
    assert snap_compare(app, press=keys, terminal_size=SIZES[size])


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", sorted(SIZES))
def test_help_screen(snap_compare: SnapCompare, tmp_path: Path, size: str, theme: str) -> None:
    app = sample_app(tmp_path, Config(theme=theme))
    assert snap_compare(app, press=["question_mark"], terminal_size=SIZES[size])
