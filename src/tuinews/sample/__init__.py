"""The sample edition: stories written for tuinews, shipped so a new library is not empty.

It is an ordinary feed in the library, so a user removes it like any other; the library
remembers that it was loaded and does not bring it back.
"""

from __future__ import annotations

import json
from importlib.resources import files

from tuinews.library import Library
from tuinews.model import Article

SAMPLE_FEED_URL = "tuinews:sample-edition"
SAMPLE_FEED_TITLE = "Sample edition"
_LOADED_KEY = "sample_edition_loaded"


def sample_articles() -> list[Article]:
    data = files(__package__).joinpath("edition.json").read_text(encoding="utf-8")
    return [Article.from_dict(story) for story in json.loads(data)]


def ensure_sample_edition(library: Library) -> bool:
    """Load the sample edition into an empty library that never had it; True if loaded."""
    if not library.is_empty() or library.get_meta(_LOADED_KEY) is not None:
        return False
    with library.transaction():
        feed = library.add_feed(SAMPLE_FEED_URL, SAMPLE_FEED_TITLE)
        assert feed.id is not None
        for article in sample_articles():
            library.store_article(article, feed_id=feed.id, guid=article.url)
        library.set_meta(_LOADED_KEY, "1")
    return True
