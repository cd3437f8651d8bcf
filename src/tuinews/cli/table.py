"""Aligned plain-text tables for the terminal: a header, then one row per line."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from unicodedata import east_asian_width

_WIDE = frozenset({"W", "F"})


def _cells(text: str) -> int:
    """Terminal cells `text` takes: East Asian wide characters take two."""
    return sum(2 if east_asian_width(char) in _WIDE else 1 for char in text)


def print_table(
    header: Sequence[str], rows: Sequence[Sequence[str]], *, right: Collection[str] = ()
) -> None:
    """The last column is not padded, so a long URL never adds trailing spaces."""
    widths = [max(_cells(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        cells = []
        for index, (name, value) in enumerate(zip(header, row, strict=True)):
            pad = " " * (widths[index] - _cells(value))
            last = index == len(header) - 1
            cells.append(pad + value if name in right else value + ("" if last else pad))
        print("  ".join(cells))
