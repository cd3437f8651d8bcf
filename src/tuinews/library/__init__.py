"""The local article library (SQLite); imports only the model layer."""

from tuinews.library.packing import Dictionary
from tuinews.library.store import (
    MATCH_END,
    MATCH_START,
    ORDERS,
    ArticleFilter,
    ArticleNotFound,
    ArticleOrder,
    Cursor,
    FeedNotFound,
    Library,
    LibraryError,
    PreparedArticle,
    Removal,
    SearchHit,
    StoreResult,
    prepare_article,
)

__all__ = [
    "MATCH_END",
    "MATCH_START",
    "ORDERS",
    "ArticleFilter",
    "ArticleNotFound",
    "ArticleOrder",
    "Cursor",
    "Dictionary",
    "FeedNotFound",
    "Library",
    "LibraryError",
    "PreparedArticle",
    "Removal",
    "SearchHit",
    "StoreResult",
    "prepare_article",
]
