"""Fetching feeds politely and defensively, many at a time, on one `httpx.AsyncClient`.

Polite: a global and a per-host limit on requests in flight, a User-Agent that says who
we are, conditional GET from the first fetch on (a 304 costs the server nothing), and
Retry-After honoured. Defensive: every failure becomes one readable line instead of an
exception; bodies are counted after decompression so a gzip bomb stops at the cap;
connect, read and total time are all bounded, so a server that never answers cannot
hold up the refresh. Redirects are followed by hand, because a subscription should only
move when every hop says the move is permanent.
"""

from __future__ import annotations

import asyncio
import ssl
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import httpx

from tuinews import __version__
from tuinews.config import RefreshSettings

USER_AGENT = f"tuinews/{__version__} (terminal newsreader; +https://github.com/tuinews/tuinews)"
MAX_REDIRECTS = 5
FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, "
    "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_PERMANENT = frozenset({301, 308})


@dataclass(frozen=True)
class Response:
    """What one fetch came to; `error` is set (and `content` is None) when it failed."""

    url: str
    status: int | None = None
    content: bytes | None = None
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    moved_to: str | None = None
    retry_at: datetime | None = None
    error: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def retry_at(value: str | None, now: datetime) -> datetime | None:
    """Retry-After as a moment: it is either a number of seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return now + timedelta(seconds=int(value))
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return max(moment, now)


def _size_words(size: int) -> str:
    return f"{size / (1024 * 1024):g} MB" if size >= 1024 * 1024 else f"{size // 1024} KB"


def describe_error(error: BaseException, timeout: float) -> str:
    """One line a user can act on, for whatever httpx or the network raised."""
    text = " ".join(str(error).split())
    if isinstance(error, TimeoutError | httpx.TimeoutException):
        if isinstance(error, httpx.ConnectTimeout):
            return f"could not connect within {timeout:g} s"
        return f"no answer within {timeout:g} s"
    if isinstance(error, httpx.ConnectError):
        lowered = text.lower()
        if "ssl" in lowered or "certificate" in lowered or "tls" in lowered:
            return f"TLS failure: {text}"
        if "refused" in lowered:
            return "connection refused"
        if "name or service" in lowered or "nodename" in lowered or "getaddrinfo" in lowered:
            return "host not found"
        return f"could not connect: {text or type(error).__name__}"
    if isinstance(error, ssl.SSLError):
        return f"TLS failure: {text}"
    if isinstance(error, httpx.DecodingError):
        return "the response could not be decompressed"
    if isinstance(error, httpx.RemoteProtocolError):
        return f"the server broke the connection ({text or 'protocol error'})"
    if isinstance(error, httpx.InvalidURL | httpx.UnsupportedProtocol):
        return f"invalid address ({text})"
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


class TooLarge(Exception):
    pass


_DRAIN_LIMIT = 64 * 1024


async def _drain(response: httpx.Response) -> None:
    """Read a small body to its end so the connection goes back to the pool.

    An unread body makes httpx close the connection: every 304 would cost a new TCP (and
    TLS) handshake. A body that says it is large is not worth reading; closing is cheaper.
    """
    declared = response.headers.get("content-length", "0")
    if declared.isdigit() and int(declared) <= _DRAIN_LIMIT:
        await response.aread()


class FeedFetcher:
    """One client for a whole refresh; use as an async context manager."""

    def __init__(self, settings: RefreshSettings) -> None:
        self.settings = settings
        self.requests = 0
        self._global = asyncio.Semaphore(settings.concurrency)
        self._hosts: dict[str, asyncio.Semaphore] = {}
        self._client = httpx.AsyncClient(
            http2=True,
            follow_redirects=False,
            timeout=httpx.Timeout(settings.timeout, connect=min(settings.timeout, 10.0)),
            limits=httpx.Limits(
                max_connections=settings.concurrency,
                max_keepalive_connections=settings.concurrency,
            ),
            headers={"User-Agent": USER_AGENT},
        )

    async def __aenter__(self) -> FeedFetcher:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self._client.aclose()

    def _host_limit(self, url: str) -> asyncio.Semaphore:
        host = urlsplit(url).hostname or ""
        if host not in self._hosts:
            self._hosts[host] = asyncio.Semaphore(self.settings.per_host)
        return self._hosts[host]

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
            return await asyncio.to_thread(self._read_file, url, last_modified)
        headers = {"Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        try:
            async with asyncio.timeout(self.settings.timeout):
                return await self._follow(url, headers)
        except TooLarge:
            return Response(
                url=url,
                error=f"the response is larger than {_size_words(self.settings.max_bytes)}",
            )
        except (httpx.HTTPError, ssl.SSLError, TimeoutError, OSError) as error:
            return Response(url=url, error=describe_error(error, self.settings.timeout))

    async def _follow(self, url: str, headers: dict[str, str]) -> Response:
        seen = {url}
        current = url
        permanent = True
        for _ in range(MAX_REDIRECTS + 1):
            async with self._host_limit(current), self._global:
                self.requests += 1
                request = self._client.build_request("GET", current, headers=headers)
                response = await self._client.send(request, stream=True)
                try:
                    if response.status_code in _REDIRECTS or response.status_code == 304:
                        await _drain(response)
                    if response.status_code in _REDIRECTS and "location" in response.headers:
                        target = urljoin(current, response.headers["location"])
                        permanent = permanent and response.status_code in _PERMANENT
                    else:
                        return await self._finish(url, current, permanent, response)
                finally:
                    await response.aclose()
            if target in seen:
                return Response(url=url, error=f"redirect loop ({current} -> {target})")
            if not target.startswith(("http://", "https://")):
                return Response(url=url, error=f"redirected to an unsupported address: {target}")
            seen.add(target)
            current = target
        return Response(url=url, error=f"more than {MAX_REDIRECTS} redirects")

    async def _finish(
        self, url: str, final: str, permanent: bool, response: httpx.Response
    ) -> Response:
        moved_to = final if final != url and permanent else None
        status = response.status_code
        common = {"url": final, "status": status, "moved_to": moved_to}
        if status == 304:
            return Response(**common)
        if status >= 400:
            reason = response.reason_phrase or "error"
            now = datetime.now(UTC)
            return Response(
                **common,
                retry_at=retry_at(response.headers.get("retry-after"), now),
                error=f"HTTP {status} {reason}",
            )
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.settings.max_bytes:
            # Decoded size can only be larger than what is declared on the wire.
            raise TooLarge
        chunks: list[bytes] = []
        size = 0
        async for chunk in response.aiter_bytes():
            size += len(chunk)
            if size > self.settings.max_bytes:
                raise TooLarge
            chunks.append(chunk)
        return Response(
            **common,
            content=b"".join(chunks),
            content_type=response.headers.get("content-type"),
            etag=response.headers.get("etag"),
            last_modified=response.headers.get("last-modified"),
        )

    def _read_file(self, url: str, last_modified: str | None) -> Response:
        """A local feed: its modification time and size stand in for Last-Modified."""
        path = Path(unquote(urlsplit(url).path))
        try:
            stat = path.stat()
            stamp = f"file {stat.st_mtime_ns} {stat.st_size}"
            if last_modified == stamp:
                return Response(url=url, status=304)
            if stat.st_size > self.settings.max_bytes:
                raise TooLarge
            content = path.read_bytes()
        except TooLarge:
            return Response(
                url=url,
                error=f"the file is larger than {_size_words(self.settings.max_bytes)}",
            )
        except OSError as error:
            return Response(url=url, error=f"cannot read {path}: {error.strerror or error}")
        return Response(url=url, status=200, content=content, last_modified=stamp)


def fetch_now(url: str, settings: RefreshSettings, *, accept: str = FEED_ACCEPT) -> Response:
    """One fetch outside a refresh (subscribing, discovery), with the same limits."""

    async def fetch() -> Response:
        async with FeedFetcher(settings) as fetcher:
            return await fetcher.fetch(url, accept=accept)

    return asyncio.run(fetch())
