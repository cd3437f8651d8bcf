"""Snapshots of the library, reader and help screens at 120x40 with the sample edition.

Deterministic: a fresh library file per test, the sample edition's fixed dates, no clock in
the header, nothing animated on these screens. Update after a deliberate change of look
with `pytest tests/test_tui_snapshots.py --snapshot-update` and check the SVGs by eye.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tui_fixtures import SIZE, sample_app

SnapCompare = Any


def test_library_screen(snap_compare: SnapCompare, tmp_path: Path) -> None:
    assert snap_compare(sample_app(tmp_path), press=["j", "s", "j"], terminal_size=SIZE)


def test_reader_screen(snap_compare: SnapCompare, tmp_path: Path) -> None:
    # The ferry story scrolled to its second section: heading, quotes, a figure, a link card.
    assert snap_compare(
        sample_app(tmp_path), press=["G", "enter", "right_square_bracket"], terminal_size=SIZE
    )


def test_help_screen(snap_compare: SnapCompare, tmp_path: Path) -> None:
    assert snap_compare(sample_app(tmp_path), press=["question_mark"], terminal_size=SIZE)
