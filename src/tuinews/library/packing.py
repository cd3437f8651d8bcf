"""How a story's words sit on the disk: compressed together, found by 64-bit keys.

A feed entry is kept as its document, its quick text and its HTML. The text is nearly all
in the HTML too, so the three are compressed as one zlib stream, where the text costs
little more than references back into the HTML: a 2 KB entry takes about 900 bytes,
where the three apart took over 5 KB. URLs and contents are looked up by a 64-bit hash
rather than by their text, which an index would otherwise hold a second copy of.

Schema 7 packed the rows written before it the same way. Schema 8 deflates with a
dictionary made from the library's own entries (`train_dictionary`); the blobs schema 7
wrote stay readable and are packed again when they are next indexed.
"""

from __future__ import annotations

import hashlib
import zlib
from typing import Any, NamedTuple

from tuinews.markup_words import quick_text
from tuinews.untrusted import clean_text
from tuinews.urls import normalize_url


class StoryContent(NamedTuple):
    doc_json: str
    body: str
    pending_html: str | None


class Dictionary(NamedTuple):
    """Text the library's entries share (their feeds' markup, names and words), which
    deflate refers back to instead of spelling out again in every blob."""

    id: int
    data: bytes


_SEPARATOR = "\0"  # cleaned text and JSON never hold a NUL
# In place of a body that is its HTML's quick text (`html_words`), which feed entries'
# are: clean text holds no control character, so no real body can read so.
_BODY_OF_HTML = "\x01"
# A blob is one byte naming its dictionary (0: none) and a raw deflate stream. Schema 7
# wrote zlib streams, whose first byte is always 0x78; ids stay below it.
_ZLIB_HEADER = 0x78
DICTIONARY_BYTES = 32 * 1024  # deflate looks no further back than 32 KB


def pack(
    doc_json: str,
    body: str | None,
    pending_html: str | None,
    dictionary: Dictionary | None = None,
) -> bytes:
    """The three parts as one compressed blob: body, document, then the HTML if any.

    `body` None: the quick text of `pending_html` (`html_words`), made again when read
    rather than stored, which saves 50 bytes of a 2 KB entry's 640. The body comes first
    so that search can index it without inflating the rest (`packed_body`). zlib's
    default level: level 9 measured 1% smaller and three times slower on feed entries.
    With the library's dictionary a 1.9 KB entry measured 540 bytes instead of 840.
    """
    if body is None:
        if pending_html is None:
            raise ValueError("a body can only be left out for the HTML it is made from")
        body = _BODY_OF_HTML
    parts = [body.replace(_SEPARATOR, ""), doc_json]
    if pending_html is not None:
        parts.append(pending_html)
    return _deflated(_SEPARATOR.join(parts).encode("utf-8"), dictionary)


def _deflated(raw: bytes, dictionary: Dictionary | None) -> bytes:
    if dictionary is None:
        deflate = zlib.compressobj(wbits=-15)
    else:
        deflate = zlib.compressobj(wbits=-15, zdict=dictionary.data)
    return bytes((dictionary.id if dictionary else 0,)) + deflate.compress(raw) + deflate.flush()


def dictionary_id(packed: bytes) -> int | None:
    """The dictionary a blob was packed with: 0 for none, None for a schema-7 zlib blob."""
    return None if packed[0] == _ZLIB_HEADER else packed[0]


def _inflater(packed: bytes, dictionaries: dict[int, bytes]) -> tuple[Any, bytes]:
    """(decompressor, its input) for a blob of either format."""
    which = dictionary_id(packed)
    if which is None:
        return zlib.decompressobj(), packed
    if which == 0:
        return zlib.decompressobj(wbits=-15), packed[1:]
    return zlib.decompressobj(wbits=-15, zdict=dictionaries[which]), packed[1:]


def inflate(packed: bytes, dictionaries: dict[int, bytes]) -> bytes:
    """A blob's parts, still joined: what a dictionary is learnt from."""
    decompressor, data = _inflater(packed, dictionaries)
    return decompressor.decompress(data) + decompressor.flush()


def html_words(markup: str) -> str:
    """The body a feed entry's HTML gives (`feeds.parse`), as the library stores bodies."""
    return clean_text(quick_text(markup))


def parts(raw: bytes) -> StoryContent:
    """An inflated blob's parts, its body made from the HTML if it was left out."""
    body, doc_json, *html = raw.decode("utf-8").split(_SEPARATOR, 2)
    if body == _BODY_OF_HTML and html:
        body = html_words(html[0])
    return StoryContent(doc_json, body, html[0] if html else None)


def unpack(packed: bytes, dictionaries: dict[int, bytes] | None = None) -> StoryContent:
    return parts(inflate(packed, dictionaries or {}))


def packed_body(packed: bytes, dictionaries: dict[int, bytes] | None = None) -> str:
    """Only the body, inflated no further than its end (a feed entry's: from its HTML)."""
    decompressor, data = _inflater(packed, dictionaries or {})
    text = decompressor.decompress(data, 2048)
    while b"\0" not in text and decompressor.unconsumed_tail:
        text += decompressor.decompress(decompressor.unconsumed_tail, 2048)
    if b"\0" not in text:
        text += decompressor.flush()
    body = text.split(b"\0", 1)[0].decode("utf-8")
    if body != _BODY_OF_HTML:
        return body
    # Left out: inflate on to the HTML it is made from.
    text += decompressor.decompress(decompressor.unconsumed_tail) + decompressor.flush()
    return parts(text).body


def repack(raw: bytes, dictionary: Dictionary) -> bytes:
    """An inflated blob (`inflate`) packed again with `dictionary`, its parts as they were."""
    return _deflated(raw, dictionary)


def train_dictionary(dictionary_id: int, samples: list[bytes]) -> Dictionary:
    """A dictionary from stored entries' text: the last 32 KB of them end to end.

    Deflate can refer no further back than 32 KB. Measured on 10,000 generated feed
    entries, whole entries did better than a slice of each of more entries (643 bytes
    a blob against 695–753) and the number of samples hardly mattered.
    """
    return Dictionary(dictionary_id, b"".join(samples)[-DICTIONARY_BYTES:])


def key(text: str) -> int:
    """A 64-bit key for `text`, as SQLite stores integers (signed, 8 bytes at most)."""
    digest = hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def hex_key(digest: str) -> int:
    """A hex SHA-256 digest (`store.content_hash`) as a key: its first 64 bits.

    Anything else (no release wrote one) gets a key of its own rather than an error.
    """
    try:
        return int.from_bytes(bytes.fromhex(digest[:16]), "big", signed=True)
    except ValueError:
        return key(digest)


def guid_key(guid: str | None) -> int | None:
    """The key a feed's listing knows an entry's guid by."""
    return key(guid) if guid is not None else None


def url_key(url: str | None) -> int | None:
    """The key of a story's address: the same for every spelling of one URL."""
    return key(normalize_url(url)) if url else None
