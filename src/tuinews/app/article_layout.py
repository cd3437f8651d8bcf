"""An article laid out as lines for the reading column, with where each part landed.

Built from the article's blocks (never from HTML or Markdown text, so nothing an article says
can become markup): every piece of text is a `rich.text.Text`. Quotations and link cards
carry style metadata; after rendering, the lines are scanned for it, which gives the exact
line of every quotation and link however the text wrapped, and lets a click on a card find
its link.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType
from rich.panel import Panel
from rich.segment import Segment
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.strip import Strip

from tuinews.app.also_read import LinkEntry
from tuinews.model import Article, Block, Quote

# Style roles; the widget maps each to a component class styled in styles/reader.tcss.
ROLES = (
    "title",
    "meta",
    "caption",
    "credit",
    "lede",
    "heading",
    "quote",
    "blockquote",
    "bar",
    "card",
    "link",
    "stored",
    "suggestion",
    "sources",
)
QUOTE_MARKS = "“”„‟«»‹›‘’‚‛\"'「」"

StyleFor = Callable[[str], Style]


@dataclass
class ArticleLayout:
    """The lines of one article at one width, and where its parts are."""

    lines: list[Strip]
    width: int
    section_lines: list[int] = field(default_factory=list)
    quote_lines: dict[int, tuple[int, int]] = field(default_factory=dict)
    link_lines: dict[int, int] = field(default_factory=dict)

    def section_at(self, line: int) -> int:
        """The section a line belongs to: the last one starting at or above it."""
        current = 0
        for index, start in enumerate(self.section_lines):
            if start <= line:
                current = index
        return current


def _quote_span(text: str, quote: str) -> tuple[int, int] | None:
    start = text.find(quote)
    if start < 0:
        return None
    end = start + len(quote)
    if start > 0 and text[start - 1] in QUOTE_MARKS:
        start -= 1
    if end < len(text) and text[end] in QUOTE_MARKS:
        end += 1
    return start, end


class _Builder:
    def __init__(self, console: Console, width: int, style: StyleFor) -> None:
        self.console = console
        self.width = width
        self.style = style
        self.lines: list[Strip] = []

    def options(self, width: int) -> ConsoleOptions:
        return self.console.options.update(width=max(width, 8), highlight=False, markup=False)

    def add(self, renderable: RenderableType, indent: int = 0, prefix: Text | None = None) -> None:
        """Render at the column width less `indent`, each line behind `prefix` or spaces."""
        lead = prefix or Text(" " * indent)
        lines = self.console.render_lines(
            renderable, self.options(self.width - lead.cell_len), pad=False, new_lines=False
        )
        lead_segments = list(lead.render(self.console))
        for line in lines:
            self.lines.append(Strip([*lead_segments, *line]) if lead.cell_len else Strip(line))

    def blank(self) -> None:
        if self.lines and self.lines[-1].cell_length:
            self.lines.append(Strip([]))


class _Quotes:
    """Finds each quotation in the text it came from, once, and marks it there."""

    def __init__(self, quotes: Sequence[Quote], style: Style) -> None:
        self.quotes = quotes
        self.style = style
        self.placed: set[int] = set()

    def mark(self, text: Text, section: int | None) -> Text:
        for index, quote in enumerate(self.quotes):
            if index in self.placed or (section is not None and quote.section != section):
                continue
            span = _quote_span(text.plain, quote.text)
            if span is not None:
                text.stylize(self.style + Style(meta={"quote": index}), *span)
                self.placed.add(index)
        return text


def _meta_line(article: Article) -> str:
    parts = [
        article.byline,
        article.published.strftime("%Y-%m-%d %H:%M") if article.published else None,
        article.feed,
        article.category,
    ]
    return " · ".join(part for part in parts if part)


def _figure(caption: str | None, credit: str | None, style: StyleFor) -> Text:
    text = Text("▣ ", style=style("credit"))
    text.append(caption or "Picture", style=style("caption"))
    if credit:
        text.append("\n")
        text.append(credit, style=style("credit"))
    return text


def _card(
    block: Block, entries: Iterable[tuple[int, LinkEntry]], style: StyleFor
) -> RenderableType:
    rows: list[Text] = []
    for index, entry in entries:
        meta = Style(meta={"link": index})
        if entry.number is not None:
            row = Text(f"{entry.number}  ", style=style("link") + meta)
            row.append(entry.title or entry.url or "link", style=style("link") + meta)
            if entry.stored:
                row.append("  ✓ in your library", style=style("stored") + meta)
            elif entry.unresolved:
                row.append("  (no link in this copy)", style=style("credit") + meta)
            rows.append(row)
        else:
            rows.append(Text("The link was not kept in this copy.", style=style("credit") + meta))
        if entry.suggestions:
            rows.append(Text("Related in your library:", style=style("credit")))
            for number, summary in enumerate(entry.suggestions):
                suggestion = Style(meta={"link": index, "suggestion": number})
                rows.append(
                    Text("  ↳ ", style=style("credit"))
                    + Text(summary.title, style=style("suggestion") + suggestion)
                )
    return Panel(
        Group(*rows),
        title=Text(block.text or "Also read", style=style("heading")),
        title_align="left",
        box=box.ROUNDED,
        border_style=style("card"),
        padding=(0, 1),
    )


def _block(
    builder: _Builder,
    block: Block,
    section: int,
    quotes: _Quotes,
    cards: dict[int, list[tuple[int, LinkEntry]]],
    style: StyleFor,
) -> None:
    if block.kind == "blockquote":
        text = quotes.mark(Text(block.text, style=style("blockquote")), section)
        builder.add(text, prefix=Text(" ▌ ", style=style("bar")))
    elif block.kind == "list":
        for number, item in enumerate(block.items or block.text.split("\n"), 1):
            bullet = f"{number}." if block.ordered else "•"
            text = quotes.mark(Text(item), section)
            builder.add(Text.assemble((f" {bullet} ", style("bar")), text), indent=0)
    elif block.kind == "figure":
        builder.add(_figure(block.caption or block.text, block.credit, style), indent=2)
    elif block.kind == "also_read":
        builder.add(_card(block, cards.get(id(block), []), style))
    elif block.kind == "preformatted":
        builder.add(Text(block.text, no_wrap=True, overflow="crop"), indent=4)
    elif block.kind == "table" and block.rows:
        table = Table(box=box.SIMPLE_HEAD, show_header=True, expand=False)
        for heading in block.rows[0]:
            table.add_column(Text(heading), overflow="fold")
        for row in block.rows[1:]:
            table.add_row(*(Text(cell) for cell in row))
        builder.add(table, indent=2)
    else:
        builder.add(quotes.mark(Text(block.text), section))


def lay_out(
    article: Article,
    entries: Sequence[LinkEntry],
    width: int,
    console: Console,
    style: StyleFor,
) -> ArticleLayout:
    """Lay the article out `width` cells wide."""
    builder = _Builder(console, width, style)
    quotes = _Quotes(article.quotes, style("quote"))
    cards: dict[int, list[tuple[int, LinkEntry]]] = {}
    for index, entry in enumerate(entries):
        block = article.sections[entry.section].blocks[entry.block]
        cards.setdefault(id(block), []).append((index, entry))

    builder.add(Text(article.title, style=style("title")))
    meta = _meta_line(article)
    if meta:
        builder.add(Text(meta, style=style("meta")))
    image = article.image
    if image and (image.caption or image.credit or image.name):
        builder.blank()
        caption = image.caption or (image.name or "").replace("_", " ")
        builder.add(_figure(caption, image.credit, style), indent=2)
    if article.lede:
        builder.blank()
        builder.add(quotes.mark(Text(article.lede, style=style("lede")), 0))

    section_lines: list[int] = []
    for index, section in enumerate(article.sections):
        builder.blank()
        section_lines.append(0 if index == 0 and not section.title else len(builder.lines))
        if section.title:
            builder.add(Text(section.title, style=style("heading")))
            builder.blank()
        for number, block in enumerate(section.blocks):
            if number:
                builder.blank()
            _block(builder, block, index, quotes, cards, style)
    if article.sources:
        builder.blank()
        builder.add(Text("Sources", style=style("heading")))
        for source in article.sources:
            builder.add(Text.assemble(("· ", style("bar")), Text(source, style=style("sources"))))
    # A quotation that is nowhere in its own section (a headline quote, a paraphrase that
    # moved) is looked for in the whole story before giving up on placing it.
    _mark_unplaced(builder, article, quotes)
    layout = ArticleLayout(builder.lines, width, section_lines=section_lines)
    _find_anchors(layout)
    return layout


def _mark_unplaced(builder: _Builder, article: Article, quotes: _Quotes) -> None:
    if len(quotes.placed) == len(article.quotes):
        return
    for number, line in enumerate(builder.lines):
        plain = line.text
        for index, quote in enumerate(article.quotes):
            if index in quotes.placed:
                continue
            probe = quote.text[: min(len(quote.text), 24)]
            if probe and probe in plain:
                builder.lines[number] = Strip(
                    [
                        Segment(seg.text, (seg.style or Style()) + Style(meta={"quote": index}))
                        for seg in line
                    ]
                )
                quotes.placed.add(index)


def _find_anchors(layout: ArticleLayout) -> None:
    for number, line in enumerate(layout.lines):
        for segment in line:
            meta = segment.style.meta if segment.style else None
            if not meta:
                continue
            if "quote" in meta:
                first, _ = layout.quote_lines.get(meta["quote"], (number, number))
                layout.quote_lines[meta["quote"]] = (first, number)
            if "link" in meta and "suggestion" not in meta:
                layout.link_lines.setdefault(meta["link"], number)
