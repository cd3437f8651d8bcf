"""Opening a stored story: the one place a pending feed entry gets its full extraction.

Refresh stores feed entries with a quick reading and their HTML (see
`tuinews.feeds.parse.FeedEntry`); the first open extracts sections, quotations, figures
and links, stores them, and every later open reads them back.
"""

from __future__ import annotations

from tuinews.feeds.parse import extract_entry, paragraph_sections
from tuinews.library import Library, prepare_article
from tuinews.model import Article


def open_article(library: Library, article_id: int) -> Article:
    """The whole story, extracted now if it was stored pending."""
    markup = library.pending_html(article_id)
    if markup is None:
        return library.get_article(article_id)
    quick = library.get_article(article_id)
    try:
        full = extract_entry(quick, markup)
    except Exception:  # a hostile fragment must never keep a story from opening
        quick.sections = paragraph_sections(quick.text)  # its quick reading, as it is
        return quick
    library.store_extracted(article_id, prepare_article(full))
    return library.get_article(article_id)
