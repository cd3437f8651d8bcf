"""Decompressing a response body a bounded step at a time, so the size cap holds in memory.

httpx inflates each network read whole before the caller sees a byte: a 1.6 KB brotli body
became 2.1 GB in one step, long before a cap counted on decoded bytes could stop it. Here
every step yields at most `STEP` bytes, so the caller's count stops a bomb a step past the
cap. A body labelled compressed that turns out to be plain (its first bytes are no such
stream) is passed through as it is, as browsers and feedparser do.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator
from typing import Protocol

import brotli

STEP = 64 * 1024
# What we can decode boundedly, and so all we offer; zstd would need a streaming reader
# with an output bound, and is not offered.
ACCEPT_ENCODING = "gzip, deflate, br"
_GZIP_MAGIC = b"\x1f\x8b"


class DecodeError(Exception):
    """A body that claims an encoding and breaks it part-way: the message says which."""


class _Stream(Protocol):
    def decode(self, data: bytes) -> Iterator[bytes]: ...


class _Identity:
    def decode(self, data: bytes) -> Iterator[bytes]:
        for start in range(0, len(data), STEP):
            yield data[start : start + STEP]


class _Zlib:
    """gzip (every member of a multi-member file) or deflate (zlib-wrapped or raw)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._wbits = zlib.MAX_WBITS | 16 if name == "gzip" else zlib.MAX_WBITS
        self._inflater = zlib.decompressobj(self._wbits)
        self._started = False

    def decode(self, data: bytes) -> Iterator[bytes]:
        while True:
            try:
                piece = self._inflater.decompress(data, STEP)
            except zlib.error:
                if self.name == "deflate" and not self._started and self._wbits > 0:
                    # Servers send raw deflate as often as the zlib format the name means.
                    self._wbits = -zlib.MAX_WBITS
                    self._inflater = zlib.decompressobj(self._wbits)
                    continue
                raise
            self._started = True
            data = self._inflater.unconsumed_tail
            if piece:
                yield piece
            if self._inflater.eof:
                rest = self._inflater.unused_data
                if not rest.startswith(_GZIP_MAGIC) or self.name != "gzip":
                    return  # trailing bytes after the stream are ignored, as httpx does
                self._inflater = zlib.decompressobj(self._wbits)
                data = rest
            elif not data and len(piece) < STEP:
                return


class _Brotli:
    def __init__(self) -> None:
        self._decompressor = brotli.Decompressor()

    def decode(self, data: bytes) -> Iterator[bytes]:
        # The limit bounds how far the output buffer grows (it overshoots by up to 32 KB);
        # what is left comes from further calls with no input, until one gives nothing.
        if self._decompressor.is_finished():
            return  # trailing bytes after the stream are ignored
        piece = self._decompressor.process(data, output_buffer_limit=STEP)
        while piece:
            yield piece
            if self._decompressor.is_finished():
                return
            piece = self._decompressor.process(b"", output_buffer_limit=STEP)


def _stream(name: str) -> _Stream:
    if name in ("gzip", "x-gzip"):
        return _Zlib("gzip")
    if name == "deflate":
        return _Zlib("deflate")
    if name == "br":
        return _Brotli()
    return _Identity()  # "identity", or a coding we never offered: handed over as sent


class BodyDecoder:
    """The decoded pieces of a body from its raw pieces, for a Content-Encoding header."""

    def __init__(self, content_encoding: str | None) -> None:
        names = [name.strip().lower() for name in (content_encoding or "").split(",")]
        # Codings are listed in the order they were applied; undo them last first.
        self._streams = [_stream(name) for name in reversed(names) if name]
        self._plain = not self._streams
        self._produced = False
        self._held: list[bytes] = []

    def decode(self, raw: bytes) -> Iterator[bytes]:
        if self._plain:
            yield from _Identity().decode(raw)
            return
        if not self._produced:
            self._held.append(raw)
        pieces: Iterable[bytes] = [raw]
        for stream in self._streams:
            pieces = _through(stream, pieces)
        try:
            for piece in pieces:
                self._produced = True
                self._held = []
                yield piece
        except (zlib.error, brotli.error) as error:
            if self._produced:
                raise DecodeError(f"the compressed answer is corrupt ({error})") from None
            # Labelled compressed, sent plain: what came so far is the body itself.
            self._plain = True
            held, self._held = b"".join(self._held), []
            yield from _Identity().decode(held)


def _through(stream: _Stream, pieces: Iterable[bytes]) -> Iterator[bytes]:
    for piece in pieces:
        yield from stream.decode(piece)
