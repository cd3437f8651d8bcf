"""Fetching feeds politely, many at a time, on one `tuinews.http.Downloader`.

Polite: a global and a per-host limit on requests in flight, conditional GET from the first
fetch on (a 304 costs the server nothing), and Retry-After honoured by the refresh. How a
single download is bounded and how its failures read is `tuinews.http`'s business; this
module adds what is particular to feeds: the limits, and local feed files.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import unquote, urlsplit

from tuinews.config import RefreshSettings
from tuinews.http import FEED_ACCEPT, Downloader, Response, download, size_words


class FeedFetcher:
    """One client for a whole refresh; use as an async context manager."""

    def __init__(self, settings: RefreshSettings) -> None:
        self.settings = settings
        self._global = asyncio.Semaphore(settings.concurrency)
        self._hosts: dict[str, asyncio.Semaphore] = {}
        self._downloader = Downloader(
            timeout=settings.timeout,
            max_bytes=settings.max_bytes,
            connections=settings.concurrency,
            gate=self._limits,
        )

    async def __aenter__(self) -> FeedFetcher:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self._downloader.__aexit__(*exc_info)

    @property
    def requests(self) -> int:
        """Requests sent on the wire so far, redirect hops included."""
        return self._downloader.requests

    @asynccontextmanager
    async def _limits(self, url: str) -> AsyncIterator[None]:
        host = urlsplit(url).hostname or ""
        if host not in self._hosts:
            self._hosts[host] = asyncio.Semaphore(self.settings.per_host)
        async with self._hosts[host], self._global:
            yield

    async def fetch(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        accept: str = FEED_ACCEPT,
    ) -> Response:
        """GET `url` (or read a file:// URL); never raises for network or server trouble."""
        if url.startswith("file:"):
            return await asyncio.to_thread(
                read_feed_file, url, last_modified, self.settings.max_bytes
            )
        return await self._downloader.get(
            url, accept=accept, etag=etag, last_modified=last_modified
        )


def read_feed_file(url: str, last_modified: str | None, max_bytes: int) -> Response:
    """A local feed: its modification time and size stand in for Last-Modified."""
    path = Path(unquote(urlsplit(url).path))
    try:
        stat = path.stat()
        stamp = f"file {stat.st_mtime_ns} {stat.st_size}"
        if last_modified == stamp:
            return Response(url=url, status=304)
        if stat.st_size > max_bytes:
            return Response(url=url, error=f"the file is larger than {size_words(max_bytes)}")
        content = path.read_bytes()
    except OSError as error:
        return Response(url=url, error=f"cannot read {path}: {error.strerror or error}")
    return Response(url=url, status=200, content=content, last_modified=stamp)


def fetch_now(url: str, settings: RefreshSettings, *, accept: str = FEED_ACCEPT) -> Response:
    """One fetch outside a refresh (subscribing, discovery), with the same limits."""
    if url.startswith("file:"):
        return read_feed_file(url, None, settings.max_bytes)
    return download(url, accept=accept, timeout=settings.timeout, max_bytes=settings.max_bytes)
