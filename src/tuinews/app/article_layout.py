"""An article laid out as lines for the reading column, with where each part landed.

Built from the article's blocks (never from HTML or Markdown text, so nothing an article says
can become markup): every piece of text is a `rich.text.Text`. Quotations and link cards
carry style metadata; after rendering, the lines are scanned for it, which gives the exact
line of every quotation and link however the text wrapped, and lets a click on a card find
its link.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
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
from tuinews.extract.language import part_labels
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
UNLIMITED = 1 << 62
# Lines read between two pauses while placing quotations not found in their own section.
UNPLACED_STEP = 1000


@dataclass
class ArticleLayout:
    """The lines of one article at one width, and where its parts are."""

    lines: list[Strip]
    width: int
    section_lines: list[int] = field(default_factory=list)
    quote_lines: dict[int, tuple[int, int]] = field(default_factory=dict)
    link_lines: dict[int, int] = field(default_factory=dict)
    complete: bool = False

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
    """Finds each quotation in the text it came from, once, and marks it there.

    Only the quotations of the block's section that are still unplaced are looked for, and
    the block's text is read once: a long story with hundreds of quotations in one section
    would otherwise cost blocks x quotations lookups of the whole text.
    """

    def __init__(self, quotes: Sequence[Quote], style: Style) -> None:
        self.quotes = quotes
        self.style = style
        self.placed: set[int] = set()
        self.waiting: dict[int, list[int]] = {}
        for index, quote in enumerate(quotes):
            self.waiting.setdefault(quote.section, []).append(index)

    def mark(self, text: Text, section: int) -> Text:
        waiting = self.waiting.get(section)
        if not waiting:
            return text
        plain = text.plain
        for index in list(waiting):
            span = _quote_span(plain, self.quotes[index].text)
            if span is not None:
                text.stylize(self.style + Style(meta={"quote": index}), *span)
                self.placed.add(index)
                waiting.remove(index)
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
                key = (
                    entry.suggestion_numbers[number]
                    if number < len(entry.suggestion_numbers)
                    else None
                )
                rows.append(
                    Text(f"  {key} ↳ " if key else "  ↳ ", style=style("credit"))
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


class LayingOut:
    """An article being laid out a few blocks at a time, its lines usable as they come.

    A feed entry of megabytes is tens of thousands of lines, seconds of wrapping: done in
    one go on the UI thread the reader froze. The reading column asks for a screenful
    first and the rest in steps between key presses; `layout` grows meanwhile.
    """

    def __init__(
        self,
        article: Article,
        entries: Sequence[LinkEntry],
        width: int,
        console: Console,
        style: StyleFor,
    ) -> None:
        self.builder = _Builder(console, width, style)
        self.layout = ArticleLayout(self.builder.lines, width)
        self._anchored = 0
        self._steps = self._parts(article, entries, style)

    @property
    def complete(self) -> bool:
        return self.layout.complete

    def advance(self, lines: int) -> bool:
        """Do about `lines` lines' worth of work, or the rest; True once the story is done."""
        done = 0
        while not self.layout.complete and done < lines:
            work = next(self._steps, None)
            if work is None:
                self.layout.complete = True
            else:
                done += max(1, work)
            self._anchor_new_lines()
        return self.layout.complete

    def _anchor_new_lines(self) -> None:
        layout = self.layout
        for number in range(self._anchored, len(layout.lines)):
            _anchor(layout, number, layout.lines[number])
        self._anchored = len(layout.lines)

    def _parts(
        self, article: Article, entries: Sequence[LinkEntry], style: StyleFor
    ) -> Iterator[int]:
        """Lays the story out, yielding after each block the number of lines it added."""
        builder = self.builder
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
        yield len(builder.lines)
        before = len(builder.lines)

        for index, section in enumerate(article.sections):
            builder.blank()
            self.layout.section_lines.append(
                0 if index == 0 and not section.title else len(builder.lines)
            )
            if section.title:
                builder.add(Text(section.title, style=style("heading")))
                builder.blank()
            for number, block in enumerate(section.blocks):
                if number:
                    builder.blank()
                _block(builder, block, index, quotes, cards, style)
                yield len(builder.lines) - before
                before = len(builder.lines)
        if article.sources:
            builder.blank()
            builder.add(Text(part_labels(article).sources, style=style("heading")))
            for source in article.sources:
                builder.add(
                    Text.assemble(("· ", style("bar")), Text(source, style=style("sources")))
                )
        self._anchor_new_lines()
        # A quotation that is nowhere in its own section (a headline quote, a paraphrase that
        # moved) is looked for in the whole story before giving up on placing it.
        yield from _mark_unplaced(self.layout, article, quotes)


def lay_out(
    article: Article,
    entries: Sequence[LinkEntry],
    width: int,
    console: Console,
    style: StyleFor,
) -> ArticleLayout:
    """Lay the whole article out `width` cells wide, at once."""
    laying = LayingOut(article, entries, width, console, style)
    while not laying.advance(UNLIMITED):
        pass
    return laying.layout


def _mark_unplaced(layout: ArticleLayout, article: Article, quotes: _Quotes) -> Iterator[int]:
    """Marks each unplaced quotation on the first line holding its start.

    This reads every line once per quotation, so it yields every `UNPLACED_STEP` lines,
    counted as a tenth of a line laid out each (a lookup is that much cheaper than wrapping).
    """
    unplaced = [i for i in range(len(article.quotes)) if i not in quotes.placed]
    for number, line in enumerate(layout.lines):
        if not unplaced:
            return
        if number % UNPLACED_STEP == UNPLACED_STEP - 1:
            yield UNPLACED_STEP // 10
        plain = line.text
        for index in list(unplaced):
            quote = article.quotes[index]
            probe = quote.text[: min(len(quote.text), 24)]
            if probe and probe in plain:
                layout.lines[number] = Strip(
                    [
                        Segment(seg.text, (seg.style or Style()) + Style(meta={"quote": index}))
                        for seg in line
                    ]
                )
                layout.quote_lines[index] = (number, number)
                unplaced.remove(index)


def _anchor(layout: ArticleLayout, number: int, line: Strip) -> None:
    for segment in line:
        meta = segment.style.meta if segment.style else None
        if not meta:
            continue
        if "quote" in meta:
            first, _ = layout.quote_lines.get(meta["quote"], (number, number))
            layout.quote_lines[meta["quote"]] = (first, number)
        if "link" in meta and "suggestion" not in meta:
            layout.link_lines.setdefault(meta["link"], number)
