"""What we get -> `Article`: text captures, Markdown, web pages and feed entries' HTML.

The format-specific readers build sections and blocks; `finish` then derives what every
article has the same way whatever it came from: its quotations with speakers, its
also-read links in reading order, and its whole text.
"""

from __future__ import annotations

import time

from tuinews.extract.htmlpage import TIME_BUDGET, extract_html
from tuinews.extract.quotes import QuoteFinder, headline_quotes
from tuinews.extract.textcapture import parse_capture
from tuinews.model import AlsoRead, Article

__all__ = ["find_article_quotes", "finish", "from_html", "from_text"]


def _normal(text: str) -> str:
    return " ".join(text.casefold().split()).strip(" .,!?…")


# How a web page's reading budget is spent. The extraction has the first 70% of it; the
# quotations' speakers are worked out with every rule until 85%, and past it in the hurried
# way (see `QuoteFinder`); the rest is kept for what finishing past those moments costs (the
# rest of the body read plainly, the hurried quotations), so that the budget bounds the
# whole reading of a page of megabytes, not only its first steps.
EXTRACTION_SHARE = 0.70
QUOTES_SHARE = 0.85


def finish(article: Article, *, find_quotes: bool = True, deadline: float | None = None) -> Article:
    """Fill quotes (if the reader did not), the also-read list and the text; past
    `deadline` (`time.thread_time()` seconds) speakers are found the hurried way."""
    if find_quotes and not article.quotes:
        find_article_quotes(article, deadline)
    _add_title_quote(article)
    if not article.also_read:
        article.also_read = [
            AlsoRead(title=link.title, url=link.url, section=index)
            for index, section in enumerate(article.sections)
            for block in section.blocks
            if block.kind == "also_read"
            for link in block.links
        ]
    article.text = article.body_text()
    return article


def find_article_quotes(article: Article, deadline: float | None = None) -> None:
    """The quotations of the lede and the blocks, read in order by one finder.

    One finder, so that "she said" can mean the person the paragraph before named, and a
    block quote can take its speaker from the sentence that introduced it.
    """
    finder = QuoteFinder(deadline)
    if article.lede:
        article.quotes.extend(finder.feed(article.lede, 0))
    for index, section in enumerate(article.sections):
        previous = ""
        for block in section.blocks:
            if block.kind == "paragraph":
                article.quotes.extend(finder.feed(block.text, index))
            elif block.kind == "blockquote":
                article.quotes.append(finder.block_quote(block.text, index, previous))
            elif block.kind == "list":
                for item in block.items:
                    article.quotes.extend(finder.feed(item, index))
            previous = block.text


def _add_title_quote(article: Article) -> None:
    """A headline quoting someone ("…: “Nobody believed in us”") is a quotation too.

    When the body has the same words it is listed once, from the body, where the speaker
    is usually named; a speaker only the headline names is kept on that entry.
    """
    for quote in reversed(headline_quotes(article.title)):
        key = _normal(quote.text)
        same = next((q for q in article.quotes if key in _normal(q.text)), None)
        if same is None:
            article.quotes.insert(0, quote)
        elif same.speaker is None:
            same.speaker = quote.speaker


def from_text(text: str, *, markdown: bool = False, budget: float = TIME_BUDGET) -> Article:
    """An article from a stored text capture, plain text or Markdown; its quotations'
    speakers are worked out with every rule until `QUOTES_SHARE` of `budget` seconds of
    processor time, as a web page's are, so that a file of thousands of quotations opens in
    bounded time."""
    deadline = time.thread_time() + budget * QUOTES_SHARE
    return finish(parse_capture(text, markdown=markdown, deadline=deadline), find_quotes=False)


def from_html(html: str | bytes, url: str | None = None, *, budget: float = TIME_BUDGET) -> Article:
    """An article from a web page or a feed entry's HTML content, within about `budget`
    seconds of processor time: `EXTRACTION_SHARE` of it for the extraction (see
    `extract_html`), then the quotations' speakers until `QUOTES_SHARE` of it (see
    `QuoteFinder`)."""
    start = time.thread_time()
    article = extract_html(html, url, budget=budget * EXTRACTION_SHARE)
    return finish(article, deadline=start + budget * QUOTES_SHARE)
