"""Every download tuinews makes: feeds, web pages, sync servers all go through `Downloader`.

One place decides what a request looks like (a User-Agent that says who we are, an Accept
header, conditional GET), what bounds it (connect and total time, a size cap counted on
decoded bytes so a small compressed body cannot inflate past it, at most a few redirects,
each followed by hand so that only http(s) targets are visited and a subscription moves only
when every hop says the move is permanent) and how each failure reads: one line a user can
act on, never an exception. A fix to downloading is made here, once.
"""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import Callable, Mapping, Sequence
from contextlib import AbstractAsyncContextManager, nullcontext
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin

import httpx

from tuinews import __version__

USER_AGENT = f"tuinews/{__version__} (terminal newsreader; +https://github.com/tuinews/tuinews)"
MAX_REDIRECTS = 5
MAX_BYTES = 10 * 1024 * 1024
TIMEOUT = 20.0
FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, "
    "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_PERMANENT = frozenset({301, 308})
_DRAIN_LIMIT = 64 * 1024

FormData = Mapping[str, str | Sequence[str]]
Gate = Callable[[str], AbstractAsyncContextManager[object]]


@dataclass(frozen=True)
class Response:
    """What one download came to; `error` is set (and `content` is None) when it failed."""

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


def size_words(size: int) -> str:
    """A byte count as people say it: "10 MB", "512 KB"."""
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


class _TooLarge(Exception):
    pass


async def _drain(response: httpx.Response) -> None:
    """Read a small body to its end so the connection goes back to the pool.

    An unread body makes httpx close the connection: every 304 would cost a new TCP (and
    TLS) handshake. A body that says it is large is not worth reading; closing is cheaper.
    """
    declared = response.headers.get("content-length", "0")
    if declared.isdigit() and int(declared) <= _DRAIN_LIMIT:
        await response.aread()


def _becomes_get(status: int, method: str) -> bool:
    """A 303, or a 301/302 answering a POST, is followed with a GET and no body (RFC 9110)."""
    return status == 303 or (status in (301, 302) and method == "POST")


class Downloader:
    """One connection pool for many downloads; use as an async context manager.

    `gate` is entered around every request on the wire (each redirect hop too), so a caller
    can bound requests in flight per host without this module knowing about feeds.
    """

    def __init__(
        self,
        *,
        timeout: float = TIMEOUT,
        max_bytes: int = MAX_BYTES,
        connections: int = 10,
        gate: Gate | None = None,
    ) -> None:
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.requests = 0
        self._gate = gate
        self._client = httpx.AsyncClient(
            http2=True,
            follow_redirects=False,
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
            limits=httpx.Limits(max_connections=connections, max_keepalive_connections=connections),
            headers={"User-Agent": USER_AGENT},
        )

    async def __aenter__(self) -> Downloader:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self._client.aclose()

    async def get(
        self,
        url: str,
        *,
        accept: str = PAGE_ACCEPT,
        etag: str | None = None,
        last_modified: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Response:
        """GET `url`, conditionally when a validator is given; never raises for network trouble."""
        sent = {"Accept": accept, **(headers or {})}
        if etag:
            sent["If-None-Match"] = etag
        if last_modified:
            sent["If-Modified-Since"] = last_modified
        return await self.request("GET", url, headers=sent)

    async def request(
        self,
        method: str,
        url: str,
        *,
        headers: Mapping[str, str] | None = None,
        data: FormData | None = None,
        params: FormData | None = None,
    ) -> Response:
        """Any request, bounded and worded like a GET; a form body is sent form-encoded."""
        try:
            async with asyncio.timeout(self.timeout):
                return await self._follow(method, url, dict(headers or {}), data, params)
        except _TooLarge:
            return Response(
                url=url, error=f"the response is larger than {size_words(self.max_bytes)}"
            )
        except (httpx.HTTPError, ssl.SSLError, TimeoutError, OSError) as error:
            return Response(url=url, error=describe_error(error, self.timeout))

    async def _follow(
        self,
        method: str,
        url: str,
        headers: dict[str, str],
        data: FormData | None,
        params: FormData | None,
    ) -> Response:
        seen = {url}
        current = url
        permanent = True
        for _ in range(MAX_REDIRECTS + 1):
            async with self._gate(current) if self._gate else nullcontext():
                self.requests += 1
                request = self._client.build_request(
                    method, current, headers=headers, data=data, params=params
                )
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
                return Response(
                    url=url, error=f"redirect loop ({current} -> {target}): too many redirects"
                )
            if not target.startswith(("http://", "https://")):
                return Response(url=url, error=f"redirected to an unsupported address: {target}")
            if response.status_code == 303 or (
                response.status_code in (301, 302) and method == "POST"
            ):
                method, data = "GET", None
            seen.add(target)
            current = target
        return Response(url=url, error=f"too many redirects (more than {MAX_REDIRECTS})")

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
        if declared.isdigit() and int(declared) > self.max_bytes:
            # Decoded size can only be larger than what is declared on the wire.
            raise _TooLarge
        chunks: list[bytes] = []
        size = 0
        async for chunk in response.aiter_bytes():
            size += len(chunk)
            if size > self.max_bytes:
                raise _TooLarge
            chunks.append(chunk)
        return Response(
            **common,
            content=b"".join(chunks),
            content_type=response.headers.get("content-type"),
            etag=response.headers.get("etag"),
            last_modified=response.headers.get("last-modified"),
        )


def download(
    url: str,
    *,
    accept: str = PAGE_ACCEPT,
    timeout: float = TIMEOUT,
    max_bytes: int = MAX_BYTES,
) -> Response:
    """One GET from code that is not async (saving a page, subscribing), same bounds."""

    async def fetch() -> Response:
        async with Downloader(timeout=timeout, max_bytes=max_bytes, connections=1) as client:
            return await client.get(url, accept=accept)

    return asyncio.run(fetch())
