"""Reading article files from disk: the formats `tuinews import` understands.

Each reader turns one file into one `Article`, or raises `ArticleFileError` with a line a
user can act on. Files are read whole, so a size cap keeps a stray disk image out.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from tuinews.extract.article import from_html, from_text
from tuinews.extract.charset import decode_bytes, has_bom
from tuinews.model import Article

MAX_FILE_BYTES = 50 * 1024 * 1024


class ArticleFileError(Exception):
    """A file that cannot be imported; the message names the file and the reason."""


def decode_text(data: bytes) -> str:
    """Text of a file; binary data (NUL bytes without a UTF-16 BOM) is refused rather
    than stored as mojibake."""
    if b"\x00" in data and not has_bom(data):
        raise ValueError("binary data, not text")
    return decode_bytes(data)


def _from_json(data: bytes) -> Article:
    try:
        document = json.loads(data)
        return Article.from_dict(document)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ValueError(f"not valid JSON: {error}") from None
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise ValueError(f"not a tuinews article document ({error})") from None


def _from_plain(data: bytes) -> Article:
    return from_text(decode_text(data))


def _from_markdown(data: bytes) -> Article:
    return from_text(decode_text(data), markdown=True)


def _from_html(data: bytes) -> Article:
    if b"\x00" in data[:8192] and not has_bom(data):
        raise ValueError("binary data, not HTML")
    article = from_html(data)
    if not article.title and not article.sections:
        raise ValueError("no article found in the page")
    return article


READERS: dict[str, Callable[[bytes], Article]] = {
    ".json": _from_json,
    ".txt": _from_plain,
    ".text": _from_plain,
    ".md": _from_markdown,
    ".markdown": _from_markdown,
    ".html": _from_html,
    ".htm": _from_html,
}


def read_article_file(path: Path) -> Article:
    """The article stored in `path`; its URL is the file's own unless the file names one."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        known = ", ".join(sorted(READERS))
        raise ArticleFileError(f"{path}: unsupported file type (known: {known})")
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ArticleFileError(f"{path}: file is larger than {MAX_FILE_BYTES >> 20} MB")
        data = path.read_bytes()
    except FileNotFoundError:
        raise ArticleFileError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise ArticleFileError(f"{path}: is a directory") from None
    except OSError as error:
        raise ArticleFileError(f"{path}: cannot read: {error.strerror}") from None
    try:
        article = reader(data)
    except (ValueError, RecursionError) as error:
        raise ArticleFileError(f"{path}: {error}") from None
    if article.url is None:
        article.url = path.resolve().as_uri()
    return article
