"""Opening a stored story: the one place a pending feed entry gets its full extraction.

Refresh stores feed entries with a quick reading and their HTML (see
`tuinews.ingest.feeds.FeedEntry`); the first open extracts sections, quotations, figures
and links, stores them, and every later open reads them back.
"""

from __future__ import annotations

from tuinews.ingest.feeds import extract_entry
from tuinews.library import Library, prepare_article
from tuinews.model import Article, Block, Section


def open_article(library: Library, article_id: int) -> Article:
    """The whole story, extracted now if it was stored pending."""
    markup = library.pending_html(article_id)
    if markup is None:
        return library.get_article(article_id)
    quick = library.get_article(article_id)
    try:
        full = extract_entry(quick, markup)
    except Exception:  # a hostile fragment must never keep a story from opening
        return _as_paragraphs(quick)
    library.store_extracted(article_id, prepare_article(full))
    return library.get_article(article_id)


def _as_paragraphs(quick: Article) -> Article:
    """A pending entry's quick reading shown as it is: its text, a paragraph a block."""
    blocks = [Block(kind="paragraph", text=part) for part in quick.text.split("\n\n") if part]
    quick.sections = [Section(blocks=blocks)] if blocks else []
    return quick
