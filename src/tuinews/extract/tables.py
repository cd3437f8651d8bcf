"""Tables: data to show as rows, or layout to read through.

Old sites lay pages out in tables, often tables inside tables; reading one of those as
rows would flatten the story into cells and repeat the inner table's text once for each
outer row. A data table is rows of short cells; a layout table holds paragraphs,
headings or tables of its own, and is walked like any other container.
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from tuinews.extract.dom import node_text

_TABLE_PARTS = frozenset(("table", "thead", "tbody", "tfoot", "tr", "td", "th"))
_PROSE = "p, h1, h2, h3, h4, h5, h6, blockquote, ul, ol, article, section"
_LONG_CELL = 400
_HEADINGS = "h1, h2, h3, h4, h5, h6"


def _owner(node: LexborNode) -> LexborNode | None:
    """The table a row or cell belongs to: the nearest one above it."""
    current = node.parent
    while current is not None and current.tag != "table":
        current = current.parent
    return current


def is_layout_table(table: LexborNode) -> bool:
    """Whether a table lays out a page rather than holding data: it is marked so, holds
    another table, holds more than a paragraph or heading, has a cell as long as a
    paragraph, or has one cell only (a box drawn with a table). A table with a caption or
    a header row is data even when each cell wraps its words in a `<p>` (as documentation
    generators write them): there it takes a cell holding paragraphs or a heading of its
    own."""
    if (table.attributes.get("role") or "").lower() in ("presentation", "none"):
        return True
    if any(inner.mem_id != table.mem_id for inner in table.css("table")):
        return True
    cells = table.css("td, th")
    if sum(1 for cell in cells if node_text(cell)) <= 1:
        return True
    if table.css_first("caption, thead") is not None:
        if any(len(cell.css(_PROSE)) >= 2 or cell.css_first(_HEADINGS) for cell in cells):
            return True
    elif len(table.css(_PROSE)) >= 2:
        return True
    return any(len(node_text(cell)) >= _LONG_CELL for cell in cells)


def table_rows(table: LexborNode) -> list[list[str]]:
    """The table's own rows and cells as text (rows of a table nested in a cell are that
    cell's text, not rows of this one); empty rows left out."""
    rows: list[list[str]] = []
    for row in table.css("tr"):
        owner = _owner(row)
        if owner is None or owner.mem_id != table.mem_id:
            continue
        cells = [
            node_text(cell) for cell in row.iter(include_text=False) if cell.tag in ("td", "th")
        ]
        if any(cells):
            rows.append(cells)
    return rows


def around_data_table(container: LexborNode) -> LexborNode:
    """When the body found is a data table or a part of one, the element around the
    table: the table is a block of the story, with its introduction and notes."""
    if container.tag not in _TABLE_PARTS:
        return container
    table = container if container.tag == "table" else _owner(container)
    if table is None or is_layout_table(table) or table.parent is None:
        return container
    return table.parent
